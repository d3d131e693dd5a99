import Foundation
import SwitchyardCrypto

/// Everything the emulator remembers: accounts it minted, tokens it issued, faults, the request log and counters.
actor EmulatorState {
    struct ServiceAccountEntry: Sendable {
        let email: String
        let keyID: String
        let project: String
        let publicKey: RSAPublicKey
    }

    struct AuthorizedUserEntry: Sendable {
        let clientID: String
        let clientSecret: String
        let refreshToken: String
        let quotaProject: String?
    }

    /// Who an access token stands for.
    struct Principal: Sendable {
        /// The account email (service account or user).
        let email: String
        /// The service account's project; `nil` for users, who may use any configured project.
        let project: String?
    }

    struct IssuedToken: Sendable {
        let principal: Principal
        let scopes: [String]
        let expiry: Date
    }

    enum TokenCheck: Sendable {
        case valid(Principal)
        case expired
        case unknown
    }

    private struct ActiveFault {
        let fault: EmulatorFault
        var remaining: Int?
        var seen = 0
    }

    private var accounts: [String: ServiceAccountEntry] = [:]
    private var users: [String: AuthorizedUserEntry] = [:]
    private var tokens: [String: IssuedToken] = [:]
    private var faults: [ActiveFault] = []
    private var log: [EmulatorRequestRecord] = []
    private(set) var counters = EmulatorCounters()
    private let logLimit = 5000

    // MARK: Accounts

    func addServiceAccount(_ entry: ServiceAccountEntry) {
        accounts[entry.email] = entry
    }

    func serviceAccount(email: String) -> ServiceAccountEntry? {
        accounts[email]
    }

    func addAuthorizedUser(_ entry: AuthorizedUserEntry) {
        users[entry.clientID] = entry
    }

    func authorizedUser(clientID: String) -> AuthorizedUserEntry? {
        users[clientID]
    }

    // MARK: Tokens

    func issueToken(principal: Principal, scopes: [String], lifetime: Duration) -> String {
        let token = "ya29.emu-" + Base64URL.encode(SecureRandom.bytes(count: 24))
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        tokens[token] = IssuedToken(principal: principal, scopes: scopes, expiry: Date().addingTimeInterval(seconds))
        return token
    }

    func checkToken(_ token: String) -> TokenCheck {
        guard let issued = tokens[token] else { return .unknown }
        return issued.expiry > Date() ? .valid(issued.principal) : .expired
    }

    func revokeAllTokens() {
        tokens.removeAll()
    }

    // MARK: Faults

    func addFault(_ fault: EmulatorFault) {
        if let count = fault.count, count <= 0 { return }
        faults.append(ActiveFault(fault: fault, remaining: fault.count))
    }

    func clearFaults() {
        faults.removeAll()
    }

    /// The fault to apply to this call, if any; consumes one use of it.
    func takeFault(surface: EmulatorFault.Surface, model: String?, method: String, isStream: Bool) -> EmulatorFault.Kind? {
        for index in faults.indices {
            let fault = faults[index].fault
            guard fault.match.surface == .any || fault.match.surface == surface else { continue }
            if let wanted = fault.match.model, wanted != model { continue }
            if let wanted = fault.match.method, wanted != method { continue }
            switch fault.kind {
            case .streamErrorAfter, .streamPauseAfter: if !isStream { continue }
            case .tokenError: if surface != .token { continue }
            default: break
            }
            if let fraction = fault.fraction {
                faults[index].seen += 1
                let seen = Double(faults[index].seen)
                guard (seen * fraction).rounded(.down) > ((seen - 1) * fraction).rounded(.down) else { continue }
            }
            if let remaining = faults[index].remaining {
                if remaining <= 1 {
                    faults.remove(at: index)
                } else {
                    faults[index].remaining = remaining - 1
                }
            }
            counters.faultsFired += 1
            return fault.kind
        }
        return nil
    }

    // MARK: Observation

    func record(_ record: EmulatorRequestRecord) {
        log.append(record)
        if log.count > logLimit { log.removeFirst(log.count - logLimit) }
    }

    func requestLog() -> [EmulatorRequestRecord] {
        log
    }

    func resetObservations() {
        log.removeAll()
        counters = EmulatorCounters()
    }

    func count(_ update: @Sendable (inout EmulatorCounters) -> Void) {
        update(&counters)
    }
}

import Foundation
import SwitchyardCore
import SwitchyardCrypto

/// A compact JWS split into its parts.
struct ParsedJWT: Sendable {
    let header: JSONValue
    let claims: JSONValue
    let signingInput: [UInt8]
    let signature: [UInt8]

    /// Splits and decodes `header.claims.signature`; `nil` when it is not a JWT.
    init?(_ token: String) {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3,
            let headerBytes = Base64URL.decode(segments[0]),
            let claimBytes = Base64URL.decode(segments[1]),
            let signature = Base64URL.decode(segments[2]),
            let header = try? EmulatorJSON.parse(headerBytes),
            let claims = try? EmulatorJSON.parse(claimBytes),
            case .object = header, case .object = claims
        else { return nil }
        self.header = header
        self.claims = claims
        self.signingInput = Array("\(segments[0]).\(segments[1])".utf8)
        self.signature = signature
    }

    /// A numeric claim (seconds since the epoch).
    func seconds(_ claim: String) -> Double? {
        claims[claim]?.doubleValue
    }
}

/// Checks RS256 JWTs against the public keys of the service accounts the emulator minted.
struct JWTVerifier: Sendable {
    enum Failure: Error, Equatable {
        case malformed
        case unknownAccount
        case badSignature
        case badTimeframe
        case badAudience
    }

    let state: EmulatorState
    let clockSkew: Double

    /// The account whose key signed the token, after the signature check.
    func verifySignature(_ jwt: ParsedJWT) async throws(Failure) -> EmulatorState.ServiceAccountEntry {
        guard jwt.header["alg"]?.stringValue == "RS256" else { throw .badSignature }
        guard let issuer = jwt.claims["iss"]?.stringValue else { throw .malformed }
        guard let account = await state.serviceAccount(email: issuer) else { throw .unknownAccount }
        if let keyID = jwt.header["kid"]?.stringValue, keyID != account.keyID { throw .badSignature }
        guard account.publicKey.verifySHA256(signature: jwt.signature, message: jwt.signingInput) else { throw .badSignature }
        return account
    }

    /// Google's rule for assertions: a lifetime of at most 60 minutes, `iat` not in the future and `exp` not in the
    /// past, both within the clock skew.
    func checkTimeframe(_ jwt: ParsedJWT, now: Date = Date()) throws(Failure) {
        guard let issuedAt = jwt.seconds("iat"), let expiry = jwt.seconds("exp") else { throw .badTimeframe }
        let current = now.timeIntervalSince1970
        guard expiry > issuedAt, expiry - issuedAt <= 3600, issuedAt <= current + clockSkew, expiry >= current - clockSkew else {
            throw .badTimeframe
        }
    }

    /// A self-signed JWT used directly as a bearer token (AIP-4111): `aud` `https://aiplatform.googleapis.com/`,
    /// signed by a known account, not expired.
    func verifySelfSigned(_ token: String) async throws(Failure) -> EmulatorState.Principal {
        guard let jwt = ParsedJWT(token) else { throw .malformed }
        let account = try await verifySignature(jwt)
        try checkTimeframe(jwt)
        guard let expiry = jwt.seconds("exp"), expiry > Date().timeIntervalSince1970 else { throw .badTimeframe }
        let audience = jwt.claims["aud"]?.stringValue
        guard audience == "https://aiplatform.googleapis.com/" || audience == "https://aiplatform.googleapis.com" else {
            throw .badAudience
        }
        return EmulatorState.Principal(email: account.email, project: account.project)
    }
}

import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SwitchyardCore
import SwitchyardCrypto
import Synchronization

/// Google's side on localhost: AI Studio (Gemini API), Vertex AI, the OAuth token endpoint and the GCE metadata
/// server on one Hummingbird listener, with deterministic model behaviour, fault injection and a request log.
///
/// Start it in-process for tests with ``start(_:logger:)``, or run it as a ServiceLifecycle `Service`
/// (``run()``) inside a `ServiceGroup`.
public final class GoogleEmulator: Service, Sendable {
    /// How the emulator listens and what it accepts.
    public let configuration: Configuration

    private let state = EmulatorState()
    private let logger: Logger
    private let boundPort: Mutex<Int?> = Mutex(nil)
    private let listening = ListeningSignal()
    /// How many service accounts this emulator has minted (each gets the process's key at that position).
    private let mintedAccounts = Mutex(0)
    private let runner: Mutex<(group: ServiceGroup, task: Task<Void, any Error>)?> = Mutex(nil)

    /// Creates an emulator that listens once ``run()`` is called.
    public init(_ configuration: Configuration = Configuration(), logger: Logger = GoogleEmulator.quietLogger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// A logger that reports only warnings and errors, the default for tests.
    public static var quietLogger: Logger {
        var logger = Logger(label: "switchyard.emulator")
        logger.logLevel = .warning
        return logger
    }

    /// Starts an emulator in-process and returns once it is listening.
    /// - Throws: The server's error when it cannot bind.
    public static func start(
        _ configuration: Configuration = Configuration(),
        logger: Logger = GoogleEmulator.quietLogger
    ) async throws
        -> GoogleEmulator
    {
        let emulator = GoogleEmulator(configuration, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [emulator], logger: logger))
        let task = Task { try await group.run() }
        emulator.runner.withLock { $0 = (group, task) }
        do {
            try await emulator.waitUntilListening()
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        return emulator
    }

    /// Runs the server until the task is cancelled or graceful shutdown is triggered.
    public func run() async throws {
        let core = EmulatorCore(configuration: configuration, state: state, logger: logger) { [weak self] in
            self?.baseURL ?? ""
        }
        let responder = EmulatorResponder(core: core, control: ControlAPI(state: state))
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? configuration.port
                boundPort.withLock { $0 = port }
                await listening.succeed()
            },
            logger: logger
        )
        do {
            try await application.run()
            await listening.fail(EmulatorStopped())
        } catch {
            await listening.fail(error)
            throw error
        }
    }

    /// Waits until the listener is bound.
    /// - Throws: The server's error when it failed to start or stopped first.
    public func waitUntilListening() async throws {
        try await listening.wait()
    }

    /// Stops an emulator started with ``start(_:logger:)`` and waits for the listener to close.
    public func shutdown() async throws {
        let running = runner.withLock { current -> (group: ServiceGroup, task: Task<Void, any Error>)? in
            defer { current = nil }
            return current
        }
        guard let running else { return }
        await running.group.triggerGracefulShutdown()
        try await running.task.value
    }

    /// `http://host:port` without a trailing slash.
    public var baseURL: String {
        let port = boundPort.withLock { $0 } ?? configuration.port
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "http://\(host):\(port)"
    }

    /// The OAuth token endpoint, ``baseURL`` + `/token`.
    public var tokenURL: String { baseURL + "/token" }

    /// The `host:port` to put in `GCE_METADATA_HOST`.
    public var metadataHost: String { String(baseURL.dropFirst("http://".count)) }

    // MARK: Credentials

    /// Mints a service-account key file the emulator trusts: RSA-2048 PKCS#8 key, every field of a real key file,
    /// `token_uri` pointing at this emulator. Each account of one emulator has a key of its own; emulators in one
    /// process reuse each other's keys (each trusts only its own accounts), so starting many costs a few generations.
    /// - Throws: ``CryptoError`` when key generation fails.
    public func createServiceAccount(project: String) async throws -> EmulatorServiceAccount {
        let key = try await KeyGenerator.rsaKey(
            index: mintedAccounts.withLock { count in
                defer { count += 1 }
                return count
            }
        )
        let keyID = SecureRandom.bytes(count: 20).map { String(format: "%02x", $0) }.joined()
        let suffix = SecureRandom.bytes(count: 3).map { String(format: "%02x", $0) }.joined()
        let email = "emulator-\(suffix)@\(project).iam.gserviceaccount.com"
        let clientID = "1" + SecureRandom.bytes(count: 10).map { String($0 % 100).leftPadded(2) }.joined()
        let certificateURL =
            "https://www.googleapis.com/robot/v1/metadata/x509/"
            + (email.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? email)
        let file: JSONValue = .members([
            ("type", "service_account"),
            ("project_id", .string(project)),
            ("private_key_id", .string(keyID)),
            ("private_key", .string(try key.pkcs8PEM())),
            ("client_email", .string(email)),
            ("client_id", .string(clientID)),
            ("auth_uri", "https://accounts.google.com/o/oauth2/auth"),
            ("token_uri", .string(tokenURL)),
            ("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs"),
            ("client_x509_cert_url", .string(certificateURL)),
            ("universe_domain", "googleapis.com"),
        ])
        await state.addServiceAccount(
            EmulatorState.ServiceAccountEntry(email: email, keyID: keyID, project: project, publicKey: key.publicKey)
        )
        return EmulatorServiceAccount(json: EmulatorJSON.serialize(file), email: email, keyID: keyID, project: project)
    }

    /// Mints an `authorized_user` file (gcloud ADC shape) whose refresh token the emulator accepts; it also carries
    /// `token_uri` pointing at the emulator.
    public func createAuthorizedUser(quotaProject: String? = nil) async throws -> EmulatorAuthorizedUser {
        func random(_ count: Int) -> String { Base64URL.encode(SecureRandom.bytes(count: count)) }
        let clientID = "764086051850-emu\(SecureRandom.bytes(count: 6).map { String(format: "%02x", $0) }.joined()).apps.googleusercontent.com"
        let secret = "GOCSPX-" + random(21)
        let refreshToken = "1//emu-" + random(36)
        var members: [(String, JSONValue)] = [
            ("account", ""),
            ("client_id", .string(clientID)),
            ("client_secret", .string(secret)),
        ]
        if let quotaProject { members.append(("quota_project_id", .string(quotaProject))) }
        members += [
            ("refresh_token", .string(refreshToken)),
            ("token_uri", .string(tokenURL)),
            ("type", "authorized_user"),
            ("universe_domain", "googleapis.com"),
        ]
        await state.addAuthorizedUser(
            EmulatorState.AuthorizedUserEntry(clientID: clientID, clientSecret: secret, refreshToken: refreshToken, quotaProject: quotaProject)
        )
        return EmulatorAuthorizedUser(json: EmulatorJSON.serialize(.members(members)), clientID: clientID, quotaProject: quotaProject)
    }

    /// Issues an access token directly, as if a grant had succeeded (for tests that do not exercise OAuth).
    /// - Parameter project: The project the token's principal belongs to; `nil` allows every configured project.
    public func mintAccessToken(project: String? = nil, lifetime: Duration? = nil) async -> String {
        await state.issueToken(
            principal: EmulatorState.Principal(email: "minted@emulator.iam.gserviceaccount.com", project: project),
            scopes: [TokenEndpoint.cloudPlatformScope],
            lifetime: lifetime ?? configuration.tokenLifetime
        )
    }

    /// Invalidates every issued access token, so the next Vertex call answers 401.
    public func revokeAccessTokens() async {
        await state.revokeAllTokens()
    }

    // MARK: Observation and faults

    /// Counts since start or the last ``resetObservations()``.
    public var counters: EmulatorCounters {
        get async { await state.counters }
    }

    /// Every request received (control API excluded), oldest first, secrets redacted.
    public func requestLog() async -> [EmulatorRequestRecord] {
        await state.requestLog()
    }

    /// Clears the request log and the counters.
    public func resetObservations() async {
        await state.resetObservations()
    }

    /// Adds a fault; faults are tried in the order they were added, one per call.
    public func injectFault(_ fault: EmulatorFault) async {
        await state.addFault(fault)
    }

    /// Removes every fault.
    public func clearFaults() async {
        await state.clearFaults()
    }
}

/// The emulator stopped before it was listening.
struct EmulatorStopped: Error, CustomStringConvertible {
    var description: String { "the emulator stopped before it was listening" }
}

/// Resolves waiters once the server is bound, or fails them.
actor ListeningSignal {
    private var result: Result<Void, any Error>?
    private var waiters: [CheckedContinuation<Void, any Error>] = []

    func succeed() {
        finish(.success(()))
    }

    func fail(_ error: any Error) {
        finish(.failure(error))
    }

    private func finish(_ outcome: Result<Void, any Error>) {
        guard result == nil else { return }
        result = outcome
        for waiter in waiters { waiter.resume(with: outcome) }
        waiters.removeAll()
    }

    func wait() async throws {
        if let result { return try result.get() }
        try await withCheckedThrowingContinuation { waiters.append($0) }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

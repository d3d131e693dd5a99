import Foundation
import GoogleEmulator
import Logging
import Switchyard

/// Starts the Google emulator in-process from the configuration's `emulator` section: `switchyard serve` runs it for
/// the life of the server, and `generate`, `story` and `check` start it so they work on the default configuration
/// with no server.
enum EmbeddedEmulator {
    /// Why the embedded emulator did not come up; ``description`` is the one-line message both callers print.
    struct Failure: Error, CustomStringConvertible {
        /// The step that failed.
        enum Stage {
            /// The emulator could not listen on `emulator.host:port`.
            case listen
            /// The service-account key file could not be written to this path.
            case serviceAccountFile(String)
        }

        let stage: Stage
        let description: String
    }

    /// Starts the emulator on `emulator.host:port` accepting `emulator.api_key` and the projects of the configured
    /// Vertex providers, and writes the service-account key file it trusts (mode 0600) to
    /// `emulator.service_account_file`, the file the `vertex` provider reads.
    /// - Parameters:
    ///   - emulatorLogger: The emulator's own logger.
    ///   - logger: Where the emulator's address and the key file's path are reported, at `level`.
    /// - Throws: ``Failure`` when the port is taken or the key file cannot be written (the emulator is then stopped).
    static func start(
        _ configuration: GatewayConfiguration,
        emulatorLogger: Logger,
        logger: Logger,
        reportingAt level: Logger.Level
    ) async throws(Failure) -> GoogleEmulator {
        let settings = configuration.emulator
        var projects: [String] = []
        for project in configuration.providers.values.compactMap(\.project).sorted() where !projects.contains(project) {
            projects.append(project)
        }
        var emulatorConfiguration = GoogleEmulator.Configuration(host: settings.host, port: settings.port)
        if let key = settings.apiKey { emulatorConfiguration.apiKeys = [key.value] }
        if !projects.isEmpty { emulatorConfiguration.projects = projects }
        let emulator: GoogleEmulator
        do {
            emulator = try await GoogleEmulator.start(emulatorConfiguration, logger: emulatorLogger)
        } catch {
            throw Failure(stage: .listen, description: "cannot start the embedded emulator on \(settings.host):\(settings.port): \(error)")
        }
        logger.log(level: level, "embedded Google emulator listening", metadata: ["url": "\(emulator.baseURL)"])
        guard let path = settings.serviceAccountFile else { return emulator }
        do {
            let account = try await emulator.createServiceAccount(project: emulatorConfiguration.projects.first ?? "switchyard-test")
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try account.json.write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            logger.log(
                level: level,
                "emulator service-account key file written",
                metadata: ["path": "\(url.path)", "account": "\(account.email)"]
            )
        } catch {
            try? await emulator.shutdown()
            throw Failure(stage: .serviceAccountFile(path), description: "cannot write the emulator's service-account file \(path): \(error)")
        }
        return emulator
    }

    /// ``start(_:emulatorLogger:logger:reportingAt:)`` for a one-shot command: the emulator's own log is silenced
    /// unless `logger` shows debug messages, and the address and key file are reported at debug level.
    /// - Returns: The running emulator, or `nil` when the configuration does not enable it (`emulator.enabled`).
    /// - Throws: ``CLIFailure`` when the port is taken or the key file cannot be written.
    static func startIfConfigured(_ configuration: GatewayConfiguration, logger: Logger) async throws(CLIFailure) -> GoogleEmulator? {
        guard configuration.emulator.enabled else { return nil }
        // The emulator's own log (e.g. connections cancelled at shutdown) is noise for a one-shot command.
        var emulatorLogger = Logger(label: "switchyard.emulator")
        emulatorLogger.logLevel = logger.logLevel <= .debug ? .debug : .critical
        do {
            return try await start(configuration, emulatorLogger: emulatorLogger, logger: logger, reportingAt: .debug)
        } catch {
            let hint: String
            switch error.stage {
            case .listen:
                hint = "is `switchyard serve` already running on this configuration? Stop it, or change emulator.port"
            case .serviceAccountFile:
                hint = "set SWITCHYARD_STATE_DIR to a writable directory, or change emulator.service_account_file"
            }
            throw CLIFailure(error.description, hint: hint, exitCode: CLIExitCode.requestFailed)
        }
    }
}

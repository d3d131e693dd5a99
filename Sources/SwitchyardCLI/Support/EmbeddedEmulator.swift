import Foundation
import GoogleEmulator
import Logging
import Switchyard

/// Starts the Google emulator in-process when the configuration enables it (`emulator.enabled`), the way
/// `switchyard serve` does, so `generate`, `story` and `check` work on the default configuration with no server.
enum EmbeddedEmulator {
    /// Starts the emulator on `emulator.host:port` accepting `emulator.api_key` and the projects of the configured
    /// Vertex providers, and writes the service-account key file it trusts to `emulator.service_account_file`.
    /// - Returns: The running emulator, or `nil` when the configuration does not enable it.
    /// - Throws: ``CLIFailure`` when the port is taken or the key file cannot be written.
    static func startIfConfigured(_ configuration: GatewayConfiguration, logger: Logger) async throws(CLIFailure) -> GoogleEmulator? {
        let settings = configuration.emulator
        guard settings.enabled else { return nil }
        var projects: [String] = []
        for project in configuration.providers.values.compactMap(\.project).sorted() where !projects.contains(project) {
            projects.append(project)
        }
        var emulatorConfiguration = GoogleEmulator.Configuration(host: settings.host, port: settings.port)
        if let key = settings.apiKey { emulatorConfiguration.apiKeys = [key.value] }
        if !projects.isEmpty { emulatorConfiguration.projects = projects }
        let emulator: GoogleEmulator
        do {
            // The emulator's own log (e.g. connections cancelled at shutdown) is noise for a one-shot command.
            var emulatorLogger = Logger(label: "switchyard.emulator")
            emulatorLogger.logLevel = logger.logLevel <= .debug ? .debug : .critical
            emulator = try await GoogleEmulator.start(emulatorConfiguration, logger: emulatorLogger)
        } catch {
            throw CLIFailure(
                "cannot start the embedded emulator on \(settings.host):\(settings.port): \(error)",
                hint: "is `switchyard serve` already running on this configuration? Stop it, or change emulator.port",
                exitCode: CLIExitCode.requestFailed
            )
        }
        logger.debug("embedded Google emulator listening", metadata: ["url": "\(emulator.baseURL)"])
        guard let path = settings.serviceAccountFile else { return emulator }
        do {
            let account = try await emulator.createServiceAccount(project: emulatorConfiguration.projects.first ?? "switchyard-test")
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try account.json.write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
            logger.debug("emulator service-account key file written", metadata: ["path": "\(url.path)"])
        } catch {
            try? await emulator.shutdown()
            throw CLIFailure(
                "cannot write the emulator's service-account file \(path): \(error)",
                hint: "set SWITCHYARD_STATE_DIR to a writable directory, or change emulator.service_account_file",
                exitCode: CLIExitCode.requestFailed
            )
        }
        return emulator
    }
}

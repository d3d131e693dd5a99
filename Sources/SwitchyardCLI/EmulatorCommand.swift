import ArgumentParser
import Foundation
import GoogleEmulator
import Logging
import ServiceLifecycle
import UnixSignals

/// `switchyard emulator`: runs the Google emulator until SIGINT or SIGTERM.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run an emulator of Google AI Studio, Vertex AI, the OAuth token endpoint and the metadata server."
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free port).")
    var port = 0

    @Option(name: .customLong("api-key"), help: "An API key to accept (repeatable).")
    var apiKeys: [String] = []

    @Option(name: .customLong("project"), help: "A Vertex AI project that exists (repeatable).")
    var projects: [String] = []

    @Option(name: .customLong("write-service-account"), help: "Write a service-account key file the emulator trusts to this path.")
    var serviceAccountPath: String?

    @Option(
        name: .customLong("service-account-project"),
        help: "The project of the written service account (default: the first --project); it can only reach that project."
    )
    var serviceAccountProject: String?

    @Option(name: .customLong("token-lifetime"), help: "Lifetime of issued access tokens, in seconds.")
    var tokenLifetime = 3600

    func run() async throws {
        var configuration = GoogleEmulator.Configuration(host: host, port: port, tokenLifetime: .seconds(tokenLifetime))
        if !apiKeys.isEmpty { configuration.apiKeys = apiKeys }
        if !projects.isEmpty { configuration.projects = projects }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be positive") }

        var logger = Logger(label: "switchyard.emulator")
        logger.logLevel = .info
        let emulator = GoogleEmulator(configuration, logger: logger)
        let services = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [emulator], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            try await emulator.waitUntilListening()
            say("Google emulator listening on \(emulator.baseURL)")
            say("API key: \(configuration.apiKeys.joined(separator: ", "))")
            say("Vertex projects: \(configuration.projects.joined(separator: ", "))")
            say("Token endpoint: \(emulator.tokenURL)")
            say("Metadata server: GCE_METADATA_HOST=\(emulator.metadataHost)")
            if let serviceAccountPath {
                let project = serviceAccountProject ?? configuration.projects.first ?? "switchyard-test"
                let account = try await emulator.createServiceAccount(project: project)
                let url = URL(fileURLWithPath: serviceAccountPath)
                try account.json.write(to: url, options: .atomic)
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
                say("Service-account key file: \(url.path) (\(account.email))")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Prints a line and flushes at once, so scripts reading a pipe see the addresses while the server runs.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

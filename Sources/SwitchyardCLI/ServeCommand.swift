import ArgumentParser
import Dispatch
import Foundation
import GoogleEmulator
import Logging
import ServiceLifecycle
import Switchyard
import SwitchyardServer
import UnixSignals

/// `switchyard serve`: runs the gateway's HTTP server (and, when the configuration enables it, the embedded Google
/// emulator) until SIGTERM or SIGINT; SIGHUP reloads the configuration.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Gemini- and OpenAI-compatible HTTP API.",
        discussion: """
            Host and port come from --host/--port, else SWITCHYARD_HOST/SWITCHYARD_PORT, else the configuration's \
            server section. SIGTERM or SIGINT stops accepting connections and lets requests in flight finish (up to \
            --grace-period seconds); SIGHUP reloads the configuration file (on error the old configuration stays).
            """
    )

    @Option(name: .long, help: "The configuration file.")
    var config = "config/switchyard.yaml"

    @Option(name: .long, help: "The address to listen on (overrides server.host).")
    var host: String?

    @Option(name: .long, help: "The port to listen on; 0 picks a free one (overrides server.port).")
    var port: Int?

    @Option(name: .customLong("grace-period"), help: "Seconds requests in flight may take to finish on shutdown.")
    var gracePeriod = 30

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        CLILogging.bootstrap(level: level)
        var logger = Logger(label: "switchyard")
        logger.logLevel = level
        let environment = ProcessInfo.processInfo.environment

        var configuration: GatewayConfiguration
        do {
            configuration = try GatewayConfiguration.load(file: config, environment: environment)
        } catch {
            throw ServeFailure("cannot load the configuration:\n\(error)")
        }
        var settings = GatewayServerSettings(configuration.server)
        if let value = environment["SWITCHYARD_HOST"], !value.isEmpty { settings.host = value }
        if let value = environment["SWITCHYARD_PORT"] {
            guard let number = Int(value), (0...65535).contains(number) else {
                throw ServeFailure("SWITCHYARD_PORT=\(value) is not a port number")
            }
            settings.port = number
        }
        if let host { settings.host = host }
        if let port {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            settings.port = port
        }

        if settings.apiKeys.isEmpty && !settings.isLoopback {
            throw ServeFailure(
                "server.api_keys is empty but the server would listen on \(settings.host), which is not loopback; "
                    + "add client keys to server.api_keys or listen on 127.0.0.1"
            )
        }
        let metrics = ServerMetrics.bootstrapProcessMetrics()

        var services: [any Service] = []
        if configuration.emulator.enabled {
            let emulator: GoogleEmulator
            do {
                emulator = try await EmbeddedEmulator.start(
                    configuration,
                    emulatorLogger: GoogleEmulator.quietLogger,
                    logger: logger,
                    reportingAt: .notice
                )
            } catch {
                throw ServeFailure(error.description)
            }
            services.append(EmulatorLifetime(emulator: emulator))
        }
        let gateway: Gateway
        do {
            gateway = try await Gateway(configuration: configuration, environment: environment, logger: logger)
        } catch {
            throw ServeFailure("cannot start the gateway: \(error)")
        }
        let application: any Service
        do {
            application = try GatewayServer.buildApplication(
                gateway: gateway,
                settings: settings,
                metrics: metrics,
                logger: logger,
                onServerRunning: { [logger, host = settings.host] port in
                    logger.notice("switchyard listening", metadata: ["host": "\(host)", "port": "\(port)"])
                }
            )
        } catch {
            throw ServeFailure(error.description)
        }
        services += [gateway, application, ReloadOnHangup(gateway: gateway, configFile: config, environment: environment, logger: logger)]

        let group = ServiceGroup(
            configuration: {
                var groupConfiguration = ServiceGroupConfiguration(
                    services: services,
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
                groupConfiguration.maximumGracefulShutdownDuration = .seconds(max(0, gracePeriod))
                groupConfiguration.maximumCancellationDuration = .seconds(5)
                return groupConfiguration
            }()
        )
        try await group.run()
    }
}

/// Keeps the embedded emulator for the life of the service group; listed first, it is shut down last, after the
/// server has finished the requests that still need it.
struct EmulatorLifetime: Service {
    let emulator: GoogleEmulator

    func run() async throws {
        try? await gracefulShutdown()
        try await emulator.shutdown()
    }
}

/// Reloads the configuration on SIGHUP; a file that does not load is logged and the running configuration stays.
struct ReloadOnHangup: Service {
    let gateway: Gateway
    let configFile: String
    let environment: [String: String]
    let logger: Logger

    func run() async throws {
        let (hangups, continuation) = AsyncStream.makeStream(of: Void.self)
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.resume()
        defer { source.cancel() }
        for await _ in hangups.cancelOnGracefulShutdown() {
            logger.notice("SIGHUP: reloading the configuration", metadata: ["file": "\(configFile)"])
            do {
                let configuration = try GatewayConfiguration.load(file: configFile, environment: environment)
                try await gateway.reload(configuration: configuration)
                logger.notice("configuration reloaded")
            } catch {
                logger.error("configuration reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
            }
        }
    }
}

/// A startup failure, printed as one clear message.
struct ServeFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

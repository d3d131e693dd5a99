import Foundation
import GoogleEmulator
import Logging
import Switchyard
import SwitchyardServer

/// What a command that talks to providers runs with: the loaded configuration, the embedded emulator when the
/// configuration enables it, and a gateway built in-process. ``close()`` stops them in reverse order.
struct CommandContext {
    let configuration: GatewayConfiguration
    let emulator: GoogleEmulator?
    let gateway: Gateway

    /// Loads the configuration, starts the emulator when enabled, and builds the gateway.
    /// - Throws: ``CLIFailure`` with the configuration exit code for a file that does not load or a provider that
    ///   cannot be built, or the request exit code when the emulator cannot start.
    static func open(_ options: GlobalOptions, logger: Logger) async throws(CLIFailure) -> CommandContext {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try loadConfiguration(options.config, environment: environment)
        let emulator = try await EmbeddedEmulator.startIfConfigured(configuration, logger: logger)
        do {
            let gateway = try await Gateway(configuration: configuration, environment: environment, logger: logger)
            return CommandContext(configuration: configuration, emulator: emulator, gateway: gateway)
        } catch {
            try? await emulator?.shutdown()
            throw CLIFailure(
                "cannot build the gateway from \(options.config): \(error)",
                hint: "run `switchyard check --config \(options.config)` to test each provider's credentials",
                exitCode: CLIExitCode.configuration
            )
        }
    }

    /// Stops the gateway's transport and the emulator.
    func close() async {
        await gateway.shutdown()
        try? await emulator?.shutdown()
    }

    /// The configured providers in the order the file declares them.
    static func providerNames(_ configuration: GatewayConfiguration) -> [String] {
        let declared = configuration.providerOrder.filter { configuration.providers[$0] != nil }
        return declared + configuration.providers.keys.filter { !declared.contains($0) }.sorted()
    }

    /// Loads and validates a configuration file.
    /// - Throws: ``CLIFailure`` (configuration exit code) listing every problem as `file:line: key: message`.
    static func loadConfiguration(_ file: String, environment: [String: String]) throws(CLIFailure) -> GatewayConfiguration {
        do {
            return try GatewayConfiguration.load(file: file, environment: environment)
        } catch {
            let count = error.issues.count
            throw CLIFailure(
                "the configuration has \(count) problem\(count == 1 ? "" : "s"):\n\(error.description)",
                hint: "fix the lines above; `switchyard check --config \(file)` validates a file without sending requests",
                exitCode: CLIExitCode.configuration
            )
        }
    }
}

/// A logger factory writing to stderr at a level, for the commands other than `serve`.
enum CLILogging {
    /// Sends every logger of the process to stderr at `level`, so stdout carries only the command's output.
    static func bootstrap(level: Logger.Level) {
        pinTimeZone()
        LoggingSystem.bootstrap { label in
            var handler = TextLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Names the local time zone file in `TZ` unless the user set `TZ`. With `TZ` unset glibc stats `/etc/localtime`
    /// on every `localtime_r`, which log lines call once a second. The zone is the same; the file is read once.
    private static func pinTimeZone() {
        setenv("TZ", ":/etc/localtime", 0)
    }

    /// A logger for a command, at `level`.
    static func logger(_ label: String, level: Logger.Level) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

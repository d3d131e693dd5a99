import ArgumentParser
import Logging

/// Options every command that reads the configuration accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config = "config/switchyard.yaml"

    @Flag(name: .shortAndLong, help: "Log the gateway's and transport's work to stderr (debug level).")
    var verbose = false

    /// The log level for the gateway, router and transport loggers.
    var logLevel: Logger.Level { verbose ? .debug : .warning }
}

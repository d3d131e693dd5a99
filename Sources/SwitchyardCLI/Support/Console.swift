import ArgumentParser
import Foundation
import Logging

/// Unbuffered writes to stdout and stderr, so streamed text shows up as it arrives, also through a pipe.
enum Console {
    /// Writes text to stdout as is.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a line to stdout.
    static func line(_ text: String) {
        out(text + "\n")
    }

    /// Writes a line to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Runs a command body, turning a ``CLIFailure`` into its message on stderr and its exit code.
enum CommandRunner {
    /// Sends every log to stderr at `logLevel`, then runs `body`; a ``CLIFailure`` prints
    /// `switchyard <name>: error: ...` and a hint, then exits with its code.
    static func run(_ name: String, logLevel: Logger.Level, _ body: () async throws(CLIFailure) -> Void) async throws {
        CLILogging.bootstrap(level: logLevel)
        do {
            try await body()
        } catch {
            FileHandle.standardError.write(Data(error.rendered(command: "switchyard \(name)").utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

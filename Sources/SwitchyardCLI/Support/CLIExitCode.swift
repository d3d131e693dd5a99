import ArgumentParser

/// The exit codes every `switchyard` command uses; listed in the root command's help.
enum CLIExitCode {
    /// Everything worked.
    static let success: Int32 = 0
    /// A request failed: no provider answered, the upstream refused, a file could not be written.
    static let requestFailed: Int32 = 1
    /// The command line is wrong: unknown flag, missing argument, unreadable `--image` file.
    static let usage: Int32 = 2
    /// The configuration file does not load (each problem printed as `file:line: key: message`).
    static let configuration: Int32 = 3
    /// `check`: a provider's credentials or model listing failed; `health`: the URL did not answer 200.
    static let checkFailed: Int32 = 4

    /// The lines for the root command's discussion.
    static let helpText = """
        EXIT CODES:
          0  success
          1  request failed (no provider answered, output not writable)
          2  usage error (bad flags or arguments, unreadable --image)
          3  configuration error, printed as file:line: key: message (serve: 1)
          4  check failed (check: a provider FAILed; health: not 200)
        """
}

/// A failure a command reports itself: one line of what went wrong, an optional hint, and the exit code.
struct CLIFailure: Error, CustomStringConvertible {
    /// What went wrong, one line (a configuration error may carry one line per problem).
    var message: String
    /// What to try next.
    var hint: String?
    /// The process exit code, one of ``CLIExitCode``.
    var exitCode: Int32

    init(_ message: String, hint: String? = nil, exitCode: Int32 = CLIExitCode.requestFailed) {
        self.message = message
        self.hint = hint
        self.exitCode = exitCode
    }

    var description: String { message }

    /// `error: message` and `hint: ...` lines for stderr.
    func rendered(command: String) -> String {
        var text = "\(command): error: \(message)\n"
        if let hint { text += "hint: \(hint)\n" }
        return text
    }
}

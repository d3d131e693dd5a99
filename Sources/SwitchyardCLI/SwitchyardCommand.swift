import ArgumentParser
import Foundation

/// The `switchyard` command.
@main
struct SwitchyardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchyard",
        abstract: "A gateway that puts Google AI Studio and Vertex AI behind one request model.",
        discussion: """
            Every command that reads the configuration takes --config FILE (default config/switchyard.yaml). \
            The default configuration starts an embedded Google emulator, so everything works with no credentials.

            EXAMPLES:
              switchyard serve
              switchyard generate --model chat "Write a haiku about trains"
              switchyard story --model image --out story "A fox who learns to sail"
              switchyard models
              switchyard check --config config/examples/ai-studio.yaml

            \(CLIExitCode.helpText)
            """,
        subcommands: [
            ServeCommand.self, GenerateCommand.self, StoryCommand.self, ModelsCommand.self, CheckCommand.self, HealthCommand.self,
            EmulatorCommand.self,
            TokenCommand.self,
        ]
    )

    /// Parses and runs like ArgumentParser does, but exits with code 2 on usage errors.
    nonisolated static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitWithUsageOrHelp(error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch {
            exitWithUsageOrHelp(error)
        }
    }

    /// Exits for a parse or run error: help and clean exits as ArgumentParser does, usage errors with code 2.
    private static func exitWithUsageOrHelp(_ error: any Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(CLIExitCode.usage)
        }
        exit(withError: error)
    }
}

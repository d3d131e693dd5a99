import ArgumentParser

/// The `switchyard` command.
@main
struct SwitchyardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchyard",
        abstract: "A gateway that puts Google AI Studio and Vertex AI behind one request model.",
        subcommands: [ServeCommand.self, EmulatorCommand.self, TokenCommand.self]
    )
}

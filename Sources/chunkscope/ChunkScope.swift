import ArgumentParser

/// The `chunkscope` command: the dashboard by default, plus headless subcommands.
@main
struct ChunkScope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunkscope",
        abstract: "A terminal dashboard for OpenAI-compatible streaming chat completions.",
        subcommands: [
            DashboardCommand.self, CheckCommand.self, RecordCommand.self,
            ReplayCommand.self, MockServerCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )
}

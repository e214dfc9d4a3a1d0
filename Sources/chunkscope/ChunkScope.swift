import ArgumentParser
import Foundation

/// The `chunkscope` command: the dashboard by default, plus headless subcommands.
@main
struct ChunkScope: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunkscope",
        abstract: "A terminal dashboard for OpenAI-compatible streaming chat completions.",
        subcommands: [
            DashboardCommand.self, AskCommand.self, CheckCommand.self, RecordCommand.self,
            ReplayCommand.self, MockServerCommand.self, HistoryCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Runs the chosen command. A usage error (unknown flag, bad value) exits 2, the status every
    /// ChunkScope command documents for "usage or config error", instead of ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

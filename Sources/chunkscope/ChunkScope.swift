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

    /// Runs the chosen command, with SIGPIPE ignored. A usage error (unknown flag, bad value) exits 2, the status every
    /// ChunkScope command documents for "usage or config error", instead of ArgumentParser's 64.
    static func main() async {
        // A closed stdout must show up as EPIPE from write(2), never kill the process: a capture
        // being recorded is finished first (see `Console`).
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                Console.error(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

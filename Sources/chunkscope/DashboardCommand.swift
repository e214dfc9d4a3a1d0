import ArgumentParser
import ChunkScopeCore
import ChunkScopeTransport
import Dashboard
import Foundation

/// `chunkscope` (the default): the full-screen dashboard.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).",
        discussion: """
            Chat with an OpenAI-compatible provider and watch the stream: transcript, tool-call \
            assembly, every raw chunk with timing and lint, and live token counters. With no API \
            key and no profile it starts the built-in mock provider on a loopback port, so it works \
            offline; pick a mock scenario with --model.

            Examples:
              chunkscope                                   # built-in mock, model mock-echo
              chunkscope --model mock-parallel-tools       # watch two tool calls assemble
              chunkscope --model mock-long --param mock_tps=400
              OPENAI_API_KEY=… chunkscope --model gpt-4.1-mini
              chunkscope --profile groq --theme light
              chunkscope --base-url http://localhost:11434/v1 --model llama3.2   # Ollama
              NO_COLOR=1 chunkscope --no-mouse

            Keys: Enter sends, Alt-Enter or Ctrl-J adds a newline, Esc stops the stream, Tab \
            cycles focus, z zooms, ? lists every key, q (outside the editor) or Ctrl-C twice quits.
            Each stream is saved as a capture under $XDG_STATE_HOME/chunkscope/captures \
            (replay it with `chunkscope replay FILE`).
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp(
        "Colour theme: a built-in name (dark, light, high-contrast), a name in ~/.config/chunkscope/themes, or a path to a .theme file.",
        valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(name: .long, help: "Do not save a capture of each stream.")
    var noCapture = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            Console.error("chunkscope: the dashboard needs a terminal (stdin and stdout must be a TTY).\n"
                + "For scripts use `chunkscope record -m PROMPT -o FILE` or `chunkscope check FILE`.")
            throw ExitCode(2)
        }
        let configuration: DashboardConfiguration
        let profile: ResolvedProfile
        do {
            profile = try connection.resolve(environment: environment)
            configuration = DashboardConfiguration(
                source: .provider(profile, ChatRequest.transportOptions(for: profile, maxRetries: connection.retries)),
                theme: try ThemeLoader.load(theme, environment: environment), mouse: !noMouse,
                environment: environment,
                captureStore: noCapture ? nil : CaptureStore.standard(environment: environment))
        } catch {
            Console.error("chunkscope: \(error)")
            throw ExitCode(2)
        }
        do {
            try await Dashboard.run(configuration)
        } catch {
            Console.error("chunkscope: \(error)")
            throw ExitCode(1)
        }
        for warning in profile.warnings { Console.error("chunkscope: warning: \(warning)") }
    }
}

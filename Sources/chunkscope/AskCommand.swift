import ArgumentParser
import ChunkScopeCore
import ChunkScopeHistory
import ChunkScopeTransport
import Foundation
import MockProvider

/// `chunkscope ask [PROMPT | -]`: one conversation, headless. Streams the answer to stdout, runs
/// the tool loop with the configured tool commands, and exits with a status scripts can use.
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Ask one question headless: stream the answer to stdout, running tool calls with tool commands.",
        discussion: """
            The prompt is the argument, or stdin with `-` or when stdin is not a terminal. The \
            answer streams to stdout (flushed per delta, control characters made visible); \
            reasoning, notes, tool calls, tool results and lint findings go to stderr. When a reply \
            finishes with tool calls, each call's arguments go to its command's stdin \
            (--tool-command NAME=COMMAND, or [profiles.NAME.tools.TOOL] in the config) and its \
            stdout is sent back as the result; a failing command sends its error as the result. \
            Profile commands with confirm = true run only with --yes. With no key and no profile \
            the built-in mock answers (try --model mock-tools).

            --json prints one object at the end instead: {"messages": [...every message, the final \
            assistant message included], "exchanges": [{the `check --json` object for that request, \
            plus "status", "request_id", "timings": {"ttfb_ms", "ttft_ms", "duration_ms", \
            "gaps_ms": {"p50", "p95", "max"}, "tokens_per_s"}}]}.

            Exit status: 0 success; 1 stream or HTTP error, or an error finding; 2 usage or config \
            error; 3 the tool rounds ran out or a tool call could not be answered.

            Examples:
              chunkscope ask "Say hi"
              echo "Explain SSE" | chunkscope ask --profile groq
              chunkscope ask --model mock-tools --tool-command get_weather='echo sunny' "Weather in Paris?"
              chunkscope ask --json "hi" | jq '.exchanges[0].timings'
            """)

    @Argument(help: ArgumentHelp("The user message; '-' (or no argument with stdin not a terminal) reads stdin.", valueName: "prompt"))
    var prompt: String?

    @Flag(help: "Print one JSON object (messages and exchanges) at the end instead of streaming text.")
    var json = false

    @Option(name: .customLong("max-tool-rounds"), help: ArgumentHelp("Follow-up requests with tool results allowed before giving up (exit 3).", valueName: "n"))
    var maxToolRounds = 10

    @Flag(name: .shortAndLong, help: "Run profile tool commands that ask for confirmation (confirm = true) without asking.")
    var yes = false

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var historyLocation: HistoryLocationOptions

    @Flag(name: .customLong("no-history"), help: "Keep this conversation out of the history database.")
    var noHistory = false

    func validate() throws {
        if maxToolRounds < 0 { throw ValidationError("--max-tool-rounds must be 0 or more") }
    }

    func run() async throws {
        guard let text = readPrompt() else { throw ExitCode(2) }
        let profile: ResolvedProfile
        do {
            var overrides = try connection.overrides()
            // A command given on this command line is confirmed by being given.
            for name in overrides.toolCommands.keys { overrides.toolCommands[name]?.confirm = false }
            profile = try await ConfigLoader.resolveOffPool(overrides, path: connection.config)
            // Reads and checks the tools file now: a bad one is a config error before anything is sent.
            _ = try ChatRequest(profile: profile, messages: [])
        } catch {
            Console.error("chunkscope ask: \(error)")
            throw ExitCode(2)
        }
        for warning in profile.warnings { Console.error("warning: \(warning)") }

        var mock: MockServer?
        var baseURL = profile.baseURL
        if profile.isBuiltInMock {
            do {
                let server = try await MockServer.start()
                mock = server
                baseURL = server.baseURL
                if !json { Console.error("Using the built-in mock provider (model \(profile.model)).") }
            } catch {
                Console.error("chunkscope ask: could not start the built-in mock provider: \(error)")
                throw ExitCode(2)
            }
        }
        var loop = AskLoop(profile: profile, baseURL: baseURL, options: connection.transportOptions(for: profile),
                           maxToolRounds: maxToolRounds, runsConfirmedCommands: yes, streamsText: !json)
        if !noHistory, let store = historyLocation.openStoreForChat() { loop.history = AskHistory(store: store) }
        let status = await loop.run(prompt: text)
        await mock?.shutdown()
        if json { Console.write(loop.jsonReport().serialized() + "\n") }
        try Console.finishStdout(command: "chunkscope ask")
        if status != 0 { throw ExitCode(status) }
    }

    /// The prompt from the argument or stdin; nil (after saying why) when there is none.
    private func readPrompt() -> String? {
        let fromStdin = prompt == "-" || (prompt == nil && isatty(STDIN_FILENO) == 0)
        var text = prompt ?? ""
        if fromStdin {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            while text.last?.isNewline == true { text.removeLast() }
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            Console.error(fromStdin ? "chunkscope ask: stdin held no prompt"
                                    : "chunkscope ask: missing PROMPT (an argument, or '-' to read stdin)")
            return nil
        }
        return text
    }
}

import ArgumentParser
import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import MockProvider

/// `chunkscope record`: sends one prompt, records the stream to a capture file, exits when it ends.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Send one prompt and record the streamed response to a capture file (headless).",
        discussion: """
            The answer is printed as it streams (stdout), a summary goes to stderr, and the capture \
            (a plain .sse file with timing and redacted request/response headers) is written as the \
            bytes arrive. With -o - the capture goes to stdout instead (and the answer is not \
            printed). If stdout's reader goes away (`| head`), printing stops, the stream is still \
            recorded to its end and the capture closed, and the exit status is 141. Exit status: \
            0 clean stream, 1 stream error (HTTP error, drop, stall, error payload), 2 usage or \
            config error, 3 stdout or the capture file could not be written, 141 stdout closed.

            Examples:
              chunkscope record -m "Say hi" -o hi.sse       # the built-in mock, no key
              chunkscope record -m "Weather?" --model mock-tools -o tools.sse
              chunkscope record --profile groq -m "Explain SSE" -o groq.sse
              OPENAI_API_KEY=sk-… chunkscope record -m "hello" -o openai.sse
              chunkscope record -m "x" --model mock-429 --retries 2 -o retry.sse
              chunkscope replay groq.sse && chunkscope check groq.sse
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The user message to send.", valueName: "text"))
    var message: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Capture file to write; - writes it to stdout (default: a new file in $XDG_STATE_HOME/chunkscope/captures).", valueName: "file"))
    var output: String?

    @Flag(name: .shortAndLong, help: "Do not print the answer while it streams.")
    var quiet = false

    @OptionGroup var connection: ConnectionOptions

    /// `-o -`: the capture goes to stdout.
    private static let standardOutputName = "-"

    func validate() throws {
        if output?.isEmpty == true { throw ValidationError("-o/--output needs a file name (or - for stdout)") }
    }

    func run() async throws {
        guard let message, !message.isEmpty else {
            Console.error("chunkscope record: missing -m/--message TEXT (the prompt to send)")
            throw ExitCode(2)
        }
        let profile: ResolvedProfile
        var request: ChatRequest
        do {
            profile = try await connection.resolveOffPool()
            request = try ChatRequest(profile: profile, messages: [ChatMessage(role: "user", content: message)])
        } catch {
            Console.error("chunkscope record: \(error)")
            throw ExitCode(2)
        }
        for warning in profile.warnings { Console.error("warning: \(warning)") }

        let store = CaptureStore.standard()
        let toStdout = output == Self.standardOutputName
        let path = output ?? store.newCapturePath(model: profile.model)
        let notes = [
            "recorded \(ISO8601DateFormatter().string(from: Date())) by chunkscope \(ChatRequest.clientVersion) record",
            "provider: \(profile.origin), model \(profile.model)",
        ]
        let recorder: CaptureRecorder
        do {
            recorder = toStdout ? CaptureRecorder(descriptor: STDOUT_FILENO, path: path, notes: notes)
                : try CaptureRecorder(path: path, notes: notes)
        } catch {
            Console.error("chunkscope record: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }

        var mock: MockServer?
        if profile.isBuiltInMock {
            do {
                let server = try await MockServer.start()
                mock = server
                request.baseURL = server.baseURL
                Console.error("Using the built-in mock provider at \(server.baseURL) (model \(profile.model)).")
            } catch {
                Console.error("chunkscope record: could not start the built-in mock provider: \(error)")
                throw ExitCode(2)
            }
        }

        let (inputs, handle) = CurlTransport.start(request, options: connection.transportOptions(for: profile))
        let interrupt = InterruptWatcher { handle.cancel() }
        let exitCode = await HeadlessFollower.follow(CaptureRecorder.tee(inputs, into: recorder),
                                                     includeUsageRequested: request.includeUsage,
                                                     printsContent: !quiet && !toStdout)
        interrupt.stop()
        await mock?.shutdown()

        if let error = recorder.error {
            if toStdout && error.isClosedByReader { throw ExitCode(Console.closedByReaderStatus) }
            Console.error("chunkscope record: the capture \(toStdout ? "on stdout" : path) is incomplete: \(error)")
            throw ExitCode(Console.writeFailedStatus)
        }
        Console.error(toStdout ? "Capture written to stdout" : "Capture saved to \(path)")
        if output == nil { store.rotate() }
        try Console.finishStdout(command: "chunkscope record")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

import ArgumentParser
import Foundation
import MockProvider

/// `chunkscope mock-server`: runs the built-in OpenAI-compatible mock provider standalone.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-server",
        abstract: "Run the built-in OpenAI-compatible mock provider (for ChunkScope or any other client).",
        discussion: """
            Serves POST /v1/chat/completions (stream true and false) and GET /v1/models on \
            loopback. The model name picks the scenario; body fields mock_chunks, mock_tps, \
            mock_retry_after, mock_fail_times, mock_stall_seconds, mock_bytes (or X-Mock-* headers) \
            tune it. The scenarios, each explained, are printed at startup.

            Scenarios: \(MockScenario.allCases.map(\.rawValue).joined(separator: ", ")).

            Exit status: 0 stopped with Ctrl-C or SIGTERM, 2 cannot listen, 3 stdout could not \
            be written, 141 stdout's reader went away (`| head`): the server stops then.

            Examples:
              chunkscope mock-server --port 8080
              chunkscope --base-url http://127.0.0.1:8080/v1 --model mock-tools
              chunkscope record --base-url http://127.0.0.1:8080/v1 -m hi -o hi.sse
              curl -s http://127.0.0.1:8080/v1/models
              OPENAI_BASE_URL=http://127.0.0.1:8080/v1 OPENAI_API_KEY=x python client.py
            """)

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "Address to listen on. Keep the default loopback unless you know you want others to reach it.")
    var host: String = "127.0.0.1"

    @Option(help: "Tokens per second for chat scenarios (0 = as fast as possible; default: each scenario's own pace, ~40).")
    var tps: Double?

    @Option(help: "Random variation of each gap between chunks, 0…1.")
    var jitter: Double = 0.35

    func run() async throws {
        let pacing = MockPacing(tokensPerSecond: tps, jitter: jitter)
        let server: MockServer
        do {
            server = try await MockServer.start(host: host, port: port, pacing: pacing)
        } catch {
            throw ValidationError("could not listen on \(host):\(port): \(error)")
        }
        Console.out("ChunkScope mock provider listening on \(server.baseURL)")
        for scenario in MockScenario.allCases {
            Console.out("  \(scenario.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0))\(scenario.summary)")
        }
        Console.out("Press Ctrl-C to stop.")
        if Console.stdoutError == nil { await waitForInterrupt() }
        await server.shutdown()
        try Console.finishStdout(command: "chunkscope mock-server")
        if Self.stdoutWasClosed { throw ExitCode(Console.closedByReaderStatus) }
    }

    /// Suspends until SIGINT or SIGTERM, or until the reader of a piped stdout goes away (so
    /// `chunkscope mock-server | head -2` ends when `head` does, instead of serving on unseen).
    private func waitForInterrupt() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        var sources: [any DispatchSourceSignal] = []
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            if Self.stdoutIsPipe {
                Thread.detachNewThread {
                    if Self.waitForStdoutReaderToLeave() { once.resume() }
                }
            }
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                sources.append(source)
            }
        }
        sources.forEach { $0.cancel() }
    }

    /// True when stdout is a pipe or socket (whose reader can go away).
    private static var stdoutIsPipe: Bool {
        var status = stat()
        guard fstat(STDOUT_FILENO, &status) == 0 else { return false }
        let type = status.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK
    }

    /// True when stdout's reader has gone away (poll reports an error or hang-up on it).
    private static var stdoutWasClosed: Bool {
        var watched = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
        return poll(&watched, 1, 0) == 1 && watched.revents & Int16(POLLERR | POLLHUP) != 0
    }

    /// Blocks until stdout's reader goes away (true) or poll fails (false): with no events asked
    /// for, poll still reports POLLERR (a pipe without readers) and POLLHUP.
    private static func waitForStdoutReaderToLeave() -> Bool {
        var watched = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
        while true {
            let ready = poll(&watched, 1, -1)
            if ready > 0 && watched.revents & Int16(POLLERR | POLLHUP) != 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
    }
}

/// Resumes a continuation at most once, from whichever signal arrives first.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
    func resume() {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume()
    }
}

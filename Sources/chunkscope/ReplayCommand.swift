import ArgumentParser
import ChunkScopeCore
import Foundation

/// `chunkscope replay`: plays a capture back through the same pipeline with its original timing.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded capture (or a plain .sse file) back with its original timing.",
        discussion: """
            Captures come from `chunkscope record` and from every dashboard stream \
            ($XDG_STATE_HOME/chunkscope/captures). A plain .sse file has no timing; its events are \
            played 25 ms apart. Exit status: 0 clean stream, 1 the recorded stream had an error, \
            2 unreadable file or bad arguments.

            Examples:
              chunkscope replay capture.sse                 # original timing
              chunkscope replay capture.sse --speed 4       # four times as fast
              chunkscope replay capture.sse --speed max     # no waiting
              chunkscope replay Tests/Fixtures/openai-tool-parallel.sse --speed 0.5
            """)

    @Argument(help: ArgumentHelp("Capture file (or plain .sse file).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Playback speed: a factor (1 = original timing, 2 = twice as fast) or 'max'.", valueName: "n|max"))
    var speed: String = "1"

    @Flag(name: .shortAndLong, help: "Do not print the content while it replays.")
    var quiet = false

    func run() async throws {
        guard let replaySpeed = ReplaySpeed(speed) else {
            Console.error("chunkscope replay: --speed must be a positive number or 'max' (got '\(speed)')")
            throw ExitCode(2)
        }
        let capture: Capture
        do {
            capture = try CaptureReader.read(contentsOf: file)
        } catch let error as CaptureReader.ReadError {
            Console.error("chunkscope replay: \(file): \(error)")
            throw ExitCode(2)
        } catch {
            Console.error("chunkscope replay: cannot read \(file): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if !capture.isComplete { Console.error("note: the capture has no end record (the recorder stopped early)") }
        let exitCode = await HeadlessFollower.follow(timed: CaptureReplay.timedStream(capture, speed: replaySpeed),
                                                     includeUsageRequested: capture.requestedUsage, printsContent: !quiet)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

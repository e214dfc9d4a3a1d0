import ArgumentParser
import ChunkScopeCore
import Dashboard
import Foundation

/// `chunkscope replay`: plays a capture back through the same pipeline with its original timing.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded capture (or a plain .sse file) back with its original timing.",
        discussion: """
            In a terminal the capture plays into the dashboard (transcript, tool calls, chunks, usage; \
            Esc stops, q quits); with --headless, or when stdout is not a terminal, the content is \
            printed instead. Captures come from `chunkscope record` and from every dashboard stream \
            ($XDG_STATE_HOME/chunkscope/captures). A plain .sse file has no timing; its events are \
            played 25 ms apart. Exit status: 0 clean stream, 1 the recorded stream had an error, \
            2 unreadable file, a damaged capture record (the message names its line) or bad \
            arguments, 3 stdout could not be written, 141 stdout's reader went away (`| head`).

            Examples:
              chunkscope replay capture.sse                 # original timing
              chunkscope replay capture.sse --speed 4       # four times as fast
              chunkscope replay capture.sse --speed max     # no waiting
              chunkscope replay capture.sse --headless > out.txt
              chunkscope replay Tests/Fixtures/openai-tool-parallel.sse --speed 0.5
            """)

    @Argument(help: ArgumentHelp("Capture file (or plain .sse file).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Playback speed: a factor from 0.001 to 1000 (1 = original timing, 2 = twice as fast) or 'max'.", valueName: "n|max"))
    var speed: String = "1"

    @Flag(name: .shortAndLong, help: "Do not print the content while it replays (headless).")
    var quiet = false

    @Flag(help: "Print the replay instead of opening the dashboard.")
    var headless = false

    @Option(name: .long, help: ArgumentHelp("Dashboard colour theme: dark, light, high-contrast, or a .theme path.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Do not capture the mouse in the dashboard.")
    var noMouse = false

    func run() async throws {
        guard let replaySpeed = ReplaySpeed(speed) else {
            Console.error("chunkscope replay: --speed must be a factor from \(ReplaySpeed.factorRange.lowerBound) to \(Int(ReplaySpeed.factorRange.upperBound)) or 'max' (got '\(speed)')")
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
        if !headless && !quiet && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            try await replayInDashboard(capture, speed: replaySpeed)
            return
        }
        if !capture.isComplete { Console.error("note: the capture has no end record (the recorder stopped early)") }
        let exitCode = await HeadlessFollower.follow(timed: CaptureReplay.timedStream(capture, speed: replaySpeed),
                                                     includeUsageRequested: capture.requestedUsage, printsContent: !quiet)
        try Console.finishStdout(command: "chunkscope replay")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// Plays the capture into the full-screen dashboard.
    private func replayInDashboard(_ capture: Capture, speed replaySpeed: ReplaySpeed) async throws {
        let environment = ProcessInfo.processInfo.environment
        let configuration: DashboardConfiguration
        do {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            configuration = DashboardConfiguration(
                source: .prepared(.replay(of: capture, named: name, speed: replaySpeed)),
                theme: try ThemeLoader.load(theme, environment: environment), mouse: !noMouse, environment: environment)
        } catch {
            Console.error("chunkscope replay: \(error)")
            throw ExitCode(2)
        }
        do {
            try await Dashboard.run(configuration)
        } catch {
            Console.error("chunkscope replay: \(error)")
            throw ExitCode(1)
        }
    }
}

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
            In a terminal the capture plays in the dashboard, through the same pipeline as a live \
            stream (Esc stops it, q quits); with --headless, or when stdout is not a terminal, the \
            content is printed as it replays and the `check` summary follows. Captures come from \
            `chunkscope record` and from every dashboard stream ($XDG_STATE_HOME/chunkscope/captures). \
            A plain .sse file has no timing; its events are played 25 ms apart. Exit status \
            (headless): 0 clean stream, 1 the recorded stream had an error, 2 unreadable file or \
            bad arguments.

            Examples:
              chunkscope replay capture.sse                 # original timing, in the dashboard
              chunkscope replay capture.sse --speed 4       # four times as fast
              chunkscope replay capture.sse --speed max     # no waiting
              chunkscope replay capture.sse --headless -q   # just the check summary
              chunkscope replay Tests/Fixtures/openai-tool-parallel.sse --speed 0.5
            """)

    @Argument(help: ArgumentHelp("Capture file (or plain .sse file).", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("Playback speed: a factor (1 = original timing, 2 = twice as fast) or 'max'.", valueName: "n|max"))
    var speed: String = "1"

    @Flag(help: "Print to stdout/stderr instead of opening the dashboard.")
    var headless = false

    @Flag(name: .shortAndLong, help: "Headless: do not print the content while it replays.")
    var quiet = false

    @Option(help: ArgumentHelp("Dashboard colour theme (dark, light, high-contrast, or a .theme file).", valueName: "name|path"))
    var theme: String?

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
        if !headless && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 {
            try await runDashboard(capture, speed: replaySpeed)
            return
        }
        let exitCode = await HeadlessFollower.follow(timed: CaptureReplay.timedStream(capture, speed: replaySpeed),
                                                     includeUsageRequested: capture.requestedUsage, printsContent: !quiet)
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    /// Plays the capture in the dashboard as a prepared stream.
    private func runDashboard(_ capture: Capture, speed replaySpeed: ReplaySpeed) async throws {
        let environment = ProcessInfo.processInfo.environment
        let speedLabel: String
        switch replaySpeed {
        case .max: speedLabel = " (max speed)"
        case .factor(let factor): speedLabel = factor == 1 ? "" : " ×\(factor.formatted())"
        }
        let prepared = PreparedStream(
            title: "replay \((file as NSString).lastPathComponent)\(speedLabel)",
            model: capture.requestedModel ?? "(unknown model)",
            prompt: capture.lastUserPrompt ?? "",
            includeUsageRequested: capture.requestedUsage,
            makeInputs: {
                let (inputs, stop) = CaptureReplay.start(capture, speed: replaySpeed)
                return (inputs, stop)
            })
        let configuration: DashboardConfiguration
        do {
            configuration = DashboardConfiguration(source: .prepared(prepared), theme: try ThemeLoader.load(theme, environment: environment),
                                                   environment: environment)
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

import Foundation
import Testing

/// The real `chunkscope` binary in a real terminal (tmux), against its built-in mock provider,
/// reached over loopback through libcurl. Keys go in with send-keys; the screen comes back with
/// capture-pane, polled until a condition holds (no fixed sleeps).
@Suite("Dashboard end to end (tmux)", .enabled(if: TmuxSession.isAvailable, "tmux is not installed: run Scripts/test, which installs it"),
       .timeLimit(.minutes(1)))
struct DashboardEndToEndTests {
    /// Starts the dashboard and waits for its first frame.
    func open(_ arguments: [String] = [], width: Int = 120, height: Int = 40,
              environment: [String: String] = [:]) async throws -> TmuxSession {
        let session = try TmuxSession(arguments: arguments, width: width, height: height, environment: environment)
        // Narrow status lines drop the profile name; the prompt box is always there.
        try await session.waitFor(text: width >= 80 ? "mock (built-in)" : "Prompt")
        return session
    }

    /// Types a prompt and sends it.
    func send(_ prompt: String, in session: TmuxSession) throws {
        try session.type(prompt)
        try session.keys("Enter")
    }

    @Test("mock-echo: the answer streams into the transcript, the inspector lists events, usage shows the trailer's numbers")
    func echoConversation() async throws {
        let session = try await open()
        defer { session.close() }
        let first = try session.capture()
        for title in ["Transcript", "Tool calls", "Chunks", "Usage", "Prompt"] {
            #expect(first.contains(title), "pane title \(title) missing")
        }
        #expect(first.contains("mock-echo"))
        try send("hello from tmux", in: session)
        let screen = try await session.waitFor(text: "✓ done")
        #expect(screen.contains("You said"))
        #expect(screen.contains("hello from tmux"))
        #expect(screen.contains("data"), "inspector rows")
        #expect(screen.contains("[DONE]") || screen.contains("done"), "the [DONE] row")
        #expect(screen.contains("exact ✓"))
        let usage = try usageFromCapture(in: session)
        #expect(screen.contains("prompt \(usage.prompt)"), "prompt tokens \(usage.prompt) on screen")
        #expect(screen.contains("completion \(usage.completion)"), "completion tokens \(usage.completion) on screen")
        #expect(screen.contains("total \(usage.total)"), "total tokens \(usage.total) on screen")

        // A second turn: the conversation so far goes with it, and both turns stay on screen.
        try send("and a second one", in: session)
        try await session.waitFor("the second answer") { $0.contains("and a second one") && $0.components(separatedBy: "You said").count >= 3 }
    }

    @Test("replay: a saved capture plays back into the dashboard")
    func replayCapture() async throws {
        let live = try await open()
        defer { live.close() }
        try send("record me", in: live)
        try await live.waitFor(text: "✓ done")
        let capture = try newestCapture(in: live)
        let replay = try TmuxSession(arguments: ["replay", capture.path, "--speed", "max"])
        defer { replay.close() }
        let screen = try await replay.waitFor(text: "✓ done")
        #expect(screen.contains("replay \(capture.lastPathComponent)"))
        #expect(screen.contains("record me"), "the recorded prompt is the first turn")
        #expect(screen.contains("You said"))
        #expect(screen.contains("exact ✓"))
    }

    @Test("mock-parallel-tools: both tool-call cards assemble and end as valid JSON")
    func parallelTools() async throws {
        let session = try await open(["--model", "mock-parallel-tools"])
        defer { session.close() }
        try send("weather and stocks", in: session)
        let screen = try await session.waitFor(text: "✓ done")
        #expect(screen.contains("#0"))
        #expect(screen.contains("#1"))
        #expect(screen.components(separatedBy: "valid JSON").count >= 3, "two cards marked valid JSON")
        #expect(screen.contains("tool_calls"))
    }

    @Test("Esc stops a running stream within moments and keeps what arrived")
    func escapeStops() async throws {
        let session = try await open(["--model", "mock-long", "--param", "mock_tps=30"])
        defer { session.close() }
        try send("long please", in: session)
        try await session.waitFor(text: "● streaming")
        try await session.waitFor("some content") { $0.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count > 12 }
        try session.keys("Escape")
        let stopped = try await session.waitFor(text: "■ stopped", timeout: 2)
        let transcriptBefore = transcriptColumn(stopped)
        #expect(!transcriptBefore.isEmpty)
        try await Task.sleep(for: .milliseconds(600))
        let later = try session.capture()
        #expect(transcriptColumn(later) == transcriptBefore, "nothing more arrives after Esc")
        #expect(later.contains("■ stopped"))
    }

    @Test("Alt-Enter adds a line to the prompt; a bracketed paste is text, never key bindings")
    func multiLineAndPaste() async throws {
        let session = try await open()
        defer { session.close() }
        try session.type("first line")
        try session.keys("M-Enter")
        try session.type("second line")
        try await session.waitFor("two prompt lines") { $0.contains("first line") && $0.contains("second line") }
        #expect(try session.capture().contains("○ idle"), "Alt-Enter did not send")
        // A paste with a newline and a q: inserted as text (no send, no quit).
        try session.paste(" pasted\nq text")
        try await session.waitFor(text: "q text")
        #expect(!session.hasExited())
        #expect(try session.capture().contains("○ idle"))
        try session.keys("Enter")
        let screen = try await session.waitFor(text: "✓ done")
        #expect(screen.contains("second line pasted"))
    }

    @Test("Esc stops a stalled stream (no bytes flowing) at once")
    func escapeStopsStall() async throws {
        let session = try await open(["--model", "mock-stall"])
        defer { session.close() }
        try send("stall please", in: session)
        try await session.waitFor(text: "● streaming")
        try await Task.sleep(for: .milliseconds(300))
        let pressed = ContinuousClock.now
        try session.keys("Escape")
        try await session.waitFor(text: "■ stopped", timeout: 2)
        #expect(ContinuousClock.now - pressed < .seconds(1), "stopped well within a second (screen polled every 40 ms)")
    }

    @Test("Resizing to 20x6 mid-stream and back keeps everything; the stream finishes")
    func resizeMidStream() async throws {
        let session = try await open(["--model", "mock-long", "--param", "mock_tps=1000"])
        defer { session.close() }
        try send("resize me", in: session)
        try await session.waitFor(text: "● streaming")
        try session.resize(width: 20, height: 6)
        try await session.waitFor("the too-small message") { $0.lowercased().contains("small") }
        try session.resize(width: 80, height: 24)
        try await session.waitFor(text: "Transcript")
        try session.resize(width: 120, height: 40)
        let screen = try await session.waitFor(text: "✓ done", timeout: 30)
        #expect(screen.contains("That is the end of the guide"), "the reply's last line")
        #expect(screen.contains("exact ✓"))
        #expect(!session.hasExited())
        // Everything from before the resizes is still there: the top of the transcript.
        try session.keys("Tab")
        try session.type("g")
        try await session.waitFor(text: "resize me")
    }

    @Test("mock-escapes: control sequences are shown as visible escapes; the title and clipboard are untouched")
    func escapeInjection() async throws {
        let session = try await open(["--model", "mock-escapes"])
        defer { session.close() }
        let titleBefore = try session.display("#{pane_title}")
        try send("show me escapes", in: session)
        let screen = try await session.waitFor(text: "✓ done")
        #expect(screen.contains("␛[2J"), "the clear-screen sequence shown, not run")
        #expect(screen.contains("␛]52;"), "the OSC 52 clipboard write shown, not run")
        #expect(screen.contains("\\x9b"), "a C1 CSI shown as an escape")
        #expect(try session.display("#{pane_title}") == titleBefore, "the terminal title did not change")
        #expect(try session.buffers().isEmpty, "no OSC 52 clipboard write reached tmux")
        #expect(screen.contains("Transcript"), "the screen was not cleared")
    }

    @Test("mock-midstream-error: the status line shows ✗ with the provider's message, never ✓ done")
    func midstreamErrorStatus() async throws {
        let session = try await open(["--model", "mock-midstream-error"])
        defer { session.close() }
        try send("fail half way", in: session)
        let screen = try await session.waitFor(text: "✗ provider error")
        #expect(!screen.contains("✓ done"))
        #expect(screen.contains("CS202"), "the finding is in the inspector")
    }

    @Test("mock-huge: a 10 MiB single-line reply finishes on screen (its tail followed), and keys still work")
    func hugeLine() async throws {
        let session = try await open(["--model", "mock-huge"])
        defer { session.close() }
        try send("a very long line", in: session)
        let screen = try await session.waitFor(text: "✓ done", timeout: 40)
        #expect(screen.contains("All work and no play"))
        try session.keys("F1")
        try await session.waitFor(text: "zoom the pane")
    }

    @Test("40x12 stays readable; smaller says the terminal is too small")
    func smallTerminals() async throws {
        let session = try await open(width: 40, height: 12)
        defer { session.close() }
        try send("tiny", in: session)
        let screen = try await session.waitFor(text: "✓ done")
        for tab in ["Transcript", "Tools", "Chunks", "Usage"] { #expect(screen.contains(tab), "tab \(tab)") }
        try session.keys("Tab")
        try session.type("g")
        try await session.waitFor("the top of the reply") { $0.contains("tiny") && $0.contains("You said") }
        try session.resize(width: 30, height: 8)
        try await session.waitFor("the too-small message") { $0.lowercased().contains("small") }
        try session.resize(width: 40, height: 12)
        try await session.waitFor(text: "You said")
    }

    @Test("? shows every key (from a pane), F1 from the prompt; Esc closes it")
    func help() async throws {
        let session = try await open()
        defer { session.close() }
        try session.keys("Tab")
        try session.type("?")
        let screen = try await session.waitFor(text: "Keys")
        #expect(screen.contains("quit"))
        #expect(screen.contains("zoom"))
        try session.keys("Escape")
        try await session.waitFor("help closed") { !$0.contains("zoom the pane") }
        try session.keys("F1")
        try await session.waitFor(text: "zoom the pane")
    }

    @Test("A mouse click focuses the pane under it; the wheel scrolls it")
    func mouse() async throws {
        let session = try await open(["--model", "mock-long", "--param", "mock_tps=2000"])
        defer { session.close() }
        try send("scroll test", in: session)
        try await session.waitFor(text: "✓ done", timeout: 30)
        // An SGR mouse report (xterm 1006), as the terminal sends it: press at column 70, row 15.
        try session.type("\u{1B}[<0;70;15M\u{1B}[<0;70;15m")
        try await session.waitFor(text: "f filter")
        // Wheel up over the transcript scrolls it back from the end.
        let before = try session.capture()
        for _ in 0..<5 { try session.type("\u{1B}[<64;10;10M") }
        try await session.waitFor("the transcript scrolled back and stopped following") {
            $0 != before && $0.contains("paused") && $0.contains("more — End to follow")
        }
    }

    @Test("NO_COLOR draws with attributes only; --theme changes the colours")
    func colours() async throws {
        let plain = try await open(environment: ["NO_COLOR": "1"])
        defer { plain.close() }
        let monochrome = try plain.captureStyled()
        for colour in ["[38;", "[48;", "[31m", "[32m", "[33m", "[34m", "[36m", "[90m"] {
            #expect(!monochrome.contains(colour), "no colour sequence \(colour) under NO_COLOR")
        }
        #expect(monochrome.contains("[1m") || monochrome.contains("[7m"), "attributes still mark roles")

        let dark = try await open()
        defer { dark.close() }
        let light = try await open(["--theme", "light"])
        defer { light.close() }
        #expect(try dark.captureStyled().contains("[38;"), "the default theme uses colours")
        #expect(try dark.captureStyled() != light.captureStyled(), "the light theme looks different")
    }

    @Test("q in a pane quits and gives the terminal back")
    func quitWithQ() async throws {
        let session = try await open()
        defer { session.close() }
        try session.keys("Tab")
        try session.type("q")
        try await session.waitForExit()
        #expect(session.exitStatus() == 0)
        #expect(try session.display("#{alternate_on}") == "0", "left the alternate screen")
    }

    @Test("Ctrl-C twice quits, also while streaming")
    func ctrlCTwice() async throws {
        let session = try await open(["--model", "mock-long", "--param", "mock_tps=30"])
        defer { session.close() }
        try send("keep going", in: session)
        try await session.waitFor(text: "● streaming")
        try session.keys("C-c")
        try await session.waitFor(text: "Ctrl-C again")
        try session.keys("C-c")
        try await session.waitForExit()
        #expect(session.exitStatus() == 0)
    }

    @Test("SIGTERM restores the terminal and exits")
    func terminateSignal() async throws {
        let session = try await open()
        defer { session.close() }
        kill(try session.programPID(), SIGTERM)
        try await session.waitForExit()
        #expect(session.exitStatus() == 0)
        #expect(try session.display("#{alternate_on}") == "0")
    }

    /// The transcript pane's rows (the left column of the 120-column layout), trimmed.
    func transcriptColumn(_ screen: String) -> [String] {
        screen.components(separatedBy: "\n").dropLast(4).map { String($0.prefix(60)).trimmingCharacters(in: .whitespaces) }
    }

    /// The newest capture the dashboard saved.
    func newestCapture(in session: TmuxSession) throws -> URL {
        let directory = session.home.appendingPathComponent("state/chunkscope/captures")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sse") }.sorted()
        let newest = try #require(files.last, "the dashboard saved a capture")
        return directory.appendingPathComponent(newest)
    }

    /// The usage numbers of the newest capture the dashboard saved.
    func usageFromCapture(in session: TmuxSession) throws -> (prompt: Int, completion: Int, total: Int) {
        let text = try String(contentsOf: try newestCapture(in: session), encoding: .utf8)
        func number(_ key: String) -> Int? {
            guard let range = text.range(of: "\"\(key)\":", options: .backwards) else { return nil }
            return Int(text[range.upperBound...].prefix { $0.isNumber })
        }
        let prompt = try #require(number("prompt_tokens"))
        let completion = try #require(number("completion_tokens"))
        let total = try #require(number("total_tokens"))
        return (prompt, completion, total)
    }
}

/// Without a terminal the dashboard refuses clearly (no tmux needed).
@Suite("Dashboard without a terminal")
struct DashboardWithoutTerminalTests {
    @Test("stdout not a TTY: a clear message and exit status 2")
    func notATerminal() throws {
        let binary = TmuxSession.binaryPath
        try #require(FileManager.default.isExecutableFile(atPath: binary), "\(binary) is missing: run swift build")
        let result = try Subprocess.run(binary, [], environment: [
            "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
        ])
        let message = result.output
        #expect(result.status == 2)
        #expect(message.contains("needs a terminal"))
    }
}

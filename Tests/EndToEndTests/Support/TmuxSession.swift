import Foundation
import Testing

/// Drives the real `chunkscope` binary inside a detached tmux server of its own: fixed size,
/// isolated environment (XDG dirs in a temp dir, no OPENAI_* variables, LANG=C.UTF-8,
/// TERM=xterm-256color), keys in with `send-keys`, screen out with `capture-pane`.
final class TmuxSession: @unchecked Sendable {
    /// Whether a tmux binary is on PATH (Scripts/test installs it).
    static let isAvailable: Bool = locate("tmux") != nil

    /// The built binary, found relative to this source file: `<package>/.build/debug/chunkscope`.
    static var binaryPath: String {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent(".build/debug/chunkscope").path
    }

    let socket = "chunkscope-test-" + UUID().uuidString.prefix(12).lowercased()
    let home: URL
    private let tmux: String
    private var statusFile: URL { home.appendingPathComponent("exit-status") }

    /// Starts `chunkscope arguments…` in a new detached session of `width`×`height`.
    init(arguments: [String], width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
        guard let tmux = Self.locate("tmux") else { throw HarnessError("tmux is not installed") }
        self.tmux = tmux
        guard FileManager.default.isExecutableFile(atPath: Self.binaryPath) else {
            throw HarnessError("\(Self.binaryPath) is missing: run `swift build` first")
        }
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        for sub in ["config", "data", "state", "cache"] {
            try FileManager.default.createDirectory(at: home.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let configFile = home.appendingPathComponent("tmux.conf")
        // set-clipboard on / allow-rename on: an escape sequence that leaked through WOULD set a
        // paste buffer or the title, so the tests can see that none did.
        try "set -g remain-on-exit on\nset -g status off\nset -g escape-time 0\nset -g set-clipboard on\nset -g allow-rename on\n"
            .write(to: configFile, atomically: true, encoding: .utf8)
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
        ]
        env.merge(environment) { $1 }
        // A shell waits for the program and writes its exit status to a file: tmux's own
        // pane_dead_status turned out unreliable (a dead pane's status sometimes never appears).
        let command = ["env", "-i"] + env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + ["/bin/sh", "-c", "\"$0\" \"$@\"; echo $? > '\(statusFile.path)'", Self.binaryPath] + arguments
        try run(["-f", configFile.path, "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), "--"] + command)
    }

    /// Kills the tmux server and removes the temp dir.
    func close() {
        _ = try? run(["kill-server"])
        // tmux leaves its socket file behind; remove it too.
        let socketDirectory = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        try? FileManager.default.removeItem(atPath: socketDirectory + "/" + socket)
        try? FileManager.default.removeItem(at: home)
    }

    deinit { close() }

    /// Sends key names as tmux spells them (`Enter`, `Escape`, `C-c`, `Tab`, `PPage`).
    func keys(_ names: String...) throws {
        try run(["send-keys", "-t", "main"] + names)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", "--", text])
    }

    /// The visible screen as plain text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"])
    }

    /// The visible screen with colours and attributes as SGR sequences.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-e", "-p", "-t", "main"])
    }

    /// A tmux format value for the pane, e.g. `#{pane_title}`, `#{pane_dead}`.
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Pastes `text` the way a terminal does: bracketed (ESC[200~ … ESC[201~) when the app asked for it.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e-paste", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", "main"])
    }

    /// The names of tmux's paste buffers (an OSC 52 clipboard write would create one).
    func buffers() throws -> [String] {
        try run(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n").map(String.init)
    }

    /// Resizes the window (the app sees SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// The process id of chunkscope (the child of the pane's shell).
    func programPID() throws -> Int32 {
        let shell = try display("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw HarnessError("chunkscope is not running in the pane")
        }
        return pid
    }

    /// True once the program has exited.
    func hasExited() -> Bool {
        exitStatus() != nil
    }

    /// The program's exit status (128 + N for a signal), once it has exited.
    func exitStatus() -> Int32? {
        guard let text = try? String(contentsOf: statusFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `condition` holds; fails the test with the last screen on timeout.
    @discardableResult
    func waitFor(_ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(40))
        }
        Issue.record("timed out after \(timeout) s waiting for \(description); screen:\n\(screen)", sourceLocation: sourceLocation)
        throw HarnessError("timed out waiting for \(description)")
    }

    /// Polls the screen until it contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls until the program exits.
    func waitForExit(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if hasExited() { return }
            try await Task.sleep(for: .milliseconds(40))
        }
        Issue.record("the program did not exit within \(timeout) s; screen:\n\(try capture())", sourceLocation: sourceLocation)
        throw HarnessError("no exit")
    }

    /// Runs one tmux command and returns what it printed.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(tmux, ["-L", socket] + arguments)
        if result.status != 0 && arguments.first != "kill-server" {
            throw HarnessError("tmux \(arguments.prefix(3).joined(separator: " ")) failed: \(result.output)")
        }
        return result.output
    }

    private static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

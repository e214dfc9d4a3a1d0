import Foundation
import Testing

/// The real dashboard in tmux sending a request body over libcurl's 8,000,000-byte copy limit to
/// a server that accepts the connection but never reads: the upload stalls, and Esc must still
/// stop it at once (the body never comes from the terminal's stdin, which the dashboard reads).
@Suite("Dashboard during a long upload (tmux)", .enabled(if: TmuxSession.isAvailable, "tmux is not installed: run Scripts/test, which installs it"),
       .timeLimit(.minutes(1)))
struct UploadEndToEndTests {
    /// Accepts one connection with a tiny receive buffer and never reads from it.
    static let stallScript = """
        import signal, socket, time
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the test process may ignore SIGTERM; its children inherit that
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        print(s.getsockname()[1], flush=True)
        conn, _ = s.accept()
        time.sleep(120)
        """

    @Test("a 9 MB --tools upload to a server that never reads: Esc stops it within a second, then q in a pane quits")
    func escapeStopsStalledUpload() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let tools = scratch.appendingPathComponent("tools.json")
        try "[{\"type\":\"function\",\"function\":{\"name\":\"big\",\"description\":\"\(String(repeating: "tool text ", count: 900_000))\"}}]"
            .write(to: tools, atomically: true, encoding: .utf8)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", Self.stallScript]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let portLine = await Self.firstLine(of: out.fileHandleForReading)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)), "server port, got '\(portLine)'")

        let session = try TmuxSession(arguments: ["--base-url", "http://127.0.0.1:\(port)/v1", "--model", "m", "--tools", tools.path])
        defer { session.close() }
        try await session.waitFor(text: "Prompt")
        try session.type("upload this")
        try session.keys("Enter")
        try await session.waitFor(text: "◌ sending", timeout: 15)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try session.capture().contains("◌ sending"), "still uploading: the server never reads")
        let pressed = ContinuousClock.now
        try session.keys("Escape")
        try await session.waitFor(text: "■ stopped", timeout: 3)
        #expect(ContinuousClock.now - pressed < .seconds(1), "stopped well within a second (screen polled every 40 ms)")
        try session.keys("Tab")
        try session.type("q")
        try await session.waitForExit(timeout: 3)
    }

    /// The first line the child prints, read on a plain thread.
    static func firstLine(of handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var text = ""
                while !text.contains("\n") {
                    let data = handle.availableData
                    if data.isEmpty { break }
                    text += String(decoding: data, as: UTF8.self)
                }
                continuation.resume(returning: text)
            }
        }
    }
}

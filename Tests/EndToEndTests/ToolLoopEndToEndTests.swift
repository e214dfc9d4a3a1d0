import Foundation
import Testing

/// The tool loop in the real dashboard (tmux) against the built-in mock: the reply asks for a
/// tool, the prompt area asks for its result, and the follow-up request goes out by itself with
/// the assistant's `tool_calls` and a `tool` message — checked in the capture of that request.
@Suite("Tool loop end to end (tmux)", .enabled(if: TmuxSession.isAvailable, "tmux is not installed: run Scripts/test, which installs it"),
       .timeLimit(.minutes(1)))
struct ToolLoopEndToEndTests {
    func open(_ arguments: [String]) async throws -> TmuxSession {
        let session = try TmuxSession(arguments: arguments, width: 120, height: 40)
        try await session.waitFor(text: "mock (built-in)")
        return session
    }

    /// Checks a follow-up's messages: the prompt, the assistant's call (content null), and one
    /// tool message answering it by id; returns the tool message's content.
    func toolContent(ofFollowUp messages: [[String: Any]]) throws -> String {
        #expect(messages.map { $0["role"] as? String } == ["user", "assistant", "tool"])
        let assistant = messages[1], tool = messages[2]
        #expect(assistant["content"] is NSNull, "content null, as the mock sent it")
        let calls = try #require(assistant["tool_calls"] as? [[String: Any]])
        #expect(calls.count == 1)
        let function = try #require(calls.first?["function"] as? [String: Any])
        #expect(function["name"] as? String == "get_weather")
        #expect(function["arguments"] as? String == #"{"location":"Paris, France","unit":"celsius"}"#, "byte-exact")
        #expect(tool["tool_call_id"] as? String == calls.first?["id"] as? String)
        return try #require(tool["content"] as? String)
    }

    /// Sends a prompt to mock-tools and waits until the prompt area asks for the call's result.
    func askForTool(in session: TmuxSession) async throws {
        try session.type("weather in Paris?")
        try session.keys("Enter")
        try await session.waitFor(text: "Tool result 1/1")
    }

    /// Waits until the follow-up request has been answered (two assistant replies on screen).
    func waitForFollowUp(in session: TmuxSession) async throws -> String {
        try await session.waitFor("the follow-up's reply") { screen in
            screen.contains("2 turns") && screen.contains("get_weather returned") && screen.contains("✓ done")
        }
    }

    @Test("a typed result: the card shows it and the follow-up carries tool_calls and the tool message")
    func typedResult() async throws {
        let session = try await open(["--model", "mock-tools"])
        defer { session.close() }
        try await askForTool(in: session)
        try session.type(#"{"sky": "sunny", "c": 21}"#)
        try session.keys("Enter")
        let screen = try await waitForFollowUp(in: session)
        #expect(screen.contains(#"→ {"sky": "sunny", "c": 21}"#), "the transcript lists the result under the reply")
        #expect(screen.contains("Type a message"), "the prompt box is back to messages")
        let requests = try session.savedRequestMessages()
        #expect(requests.count == 2)
        #expect(try toolContent(ofFollowUp: try #require(requests.last)) == #"{"sky": "sunny", "c": 21}"#)
    }

    @Test("a file result: @path sends the file's text; an unreadable path is an error result to review first")
    func fileResult() async throws {
        let session = try await open(["--model", "mock-tools"])
        defer { session.close() }
        let file = session.home.appendingPathComponent("weather.json")
        try Data("{\"sky\": \"from a file\"}\n".utf8).write(to: file)
        try await askForTool(in: session)
        try session.type("@" + session.home.appendingPathComponent("missing.json").path)
        try session.keys("Enter")
        try await session.waitFor(text: "error: cannot read")
        try session.keys("C-u")
        try session.type("@" + file.path)
        try session.keys("Enter")
        _ = try await waitForFollowUp(in: session)
        let requests = try session.savedRequestMessages()
        #expect(requests.count == 2)
        #expect(try toolContent(ofFollowUp: try #require(requests.last)) == "{\"sky\": \"from a file\"}\n")
    }

    @Test("a command result: Ctrl-T runs the tool's command with the arguments on stdin")
    func commandResult() async throws {
        let session = try await open(["--model", "mock-tools", "--tool-command", "get_weather=tr a-z A-Z"])
        defer { session.close() }
        try await askForTool(in: session)
        try await session.waitFor(text: "Ctrl-T runs `tr a-z A-Z`")
        try session.keys("C-t")
        _ = try await waitForFollowUp(in: session)
        let requests = try session.savedRequestMessages()
        #expect(requests.count == 2)
        // The command read the call's arguments on stdin and upper-cased them.
        #expect(try toolContent(ofFollowUp: try #require(requests.last)) == #"{"LOCATION":"PARIS, FRANCE","UNIT":"CELSIUS"}"#)
    }
}

/// A failed turn in the real dashboard: it is offered for retry, edit and delete, and a new
/// prompt waits until one of them happened.
@Suite("Failed turns end to end (tmux)", .enabled(if: TmuxSession.isAvailable, "tmux is not installed: run Scripts/test, which installs it"),
       .timeLimit(.minutes(1)))
struct FailedTurnEndToEndTests {
    func open(_ model: String) async throws -> TmuxSession {
        let session = try TmuxSession(arguments: ["--model", model], width: 120, height: 40)
        try await session.waitFor(text: "mock (built-in)")
        return session
    }

    @Test("mock-429 (rate-limited once): a new prompt waits; Ctrl-R retries in place and the request has one user message")
    func retryInPlace() async throws {
        let session = try await open("mock-429")
        defer { session.close() }
        try session.type("will fail")
        try session.keys("Enter")
        try await session.waitFor(text: "↻ Ctrl-R retries it, Alt-e edits it, Ctrl-X deletes it")
        try session.type("next one")
        try session.keys("Enter")
        try await session.waitFor(text: "The last turn got no reply")
        try session.keys("C-u", "C-r")
        let screen = try await session.waitFor("the retried reply") { $0.contains("↻ attempt 2 of 2") && $0.contains("✓ done") }
        #expect(screen.contains("1 turn"))
        #expect(!screen.contains("↻ Ctrl-R retries it"), "nothing failed any more")
        let requests = try session.savedRequestMessages()
        #expect(requests.count == 2)
        #expect(requests.last?.map { $0["role"] as? String } == ["user"], "the retry sends the prompt once")
    }

    @Test("mock-401: Alt-e brings the failed prompt back to the editor, Ctrl-X deletes the failed turn")
    func editAndDelete() async throws {
        let session = try await open("mock-401")
        defer { session.close() }
        try session.type("will fail")
        try session.keys("Enter")
        try await session.waitFor(text: "↻ Ctrl-R retries it")
        try session.keys("M-e")
        let edited = try await session.waitFor(text: "Edit the prompt, Enter sends it")
        #expect(edited.contains("> will fail"), "the prompt is back in the editor")
        #expect(!edited.contains("▍you"), "the failed turn left the transcript")
        try session.type(" again")
        try session.keys("Enter")
        let failedAgain = try await session.waitFor(text: "↻ Ctrl-R retries it")
        #expect(failedAgain.contains("will fail again"))
        try session.keys("C-x")
        let deleted = try await session.waitFor(text: "Failed turn deleted")
        #expect(!deleted.contains("▍you"))
    }
}

extension TmuxSession {
    /// The `messages` of every request the dashboard saved a capture of, oldest first.
    func savedRequestMessages() throws -> [[[String: Any]]] {
        let directory = home.appendingPathComponent("state/chunkscope/captures")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sse") }.sorted()
        return try files.map { name in
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let record = try #require(text.split(separator: "\n").first { $0.contains(" request-body ") })
            let escaped = try #require(record.range(of: " request-body ")).upperBound
            let body = Self.unescaped(record[escaped...])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return try #require(object["messages"] as? [[String: Any]])
        }
    }

    /// Undoes the capture format's text escaping (`\\`, `\n`, `\r`).
    static func unescaped(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for c in text {
            if escaping {
                out.append(c == "n" ? "\n" : c == "r" ? "\r" : c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        return out
    }
}

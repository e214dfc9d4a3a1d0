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

    /// The `messages` of every request the dashboard saved a capture of, oldest first.
    func requestMessages(in session: TmuxSession) throws -> [[[String: Any]]] {
        let directory = session.home.appendingPathComponent("state/chunkscope/captures")
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
            screen.contains("2 turns") && screen.components(separatedBy: "▍assistant").count >= 3 && !screen.contains("streaming")
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
        let requests = try requestMessages(in: session)
        #expect(requests.count == 2)
        #expect(try toolContent(ofFollowUp: try #require(requests.last)) == #"{"sky": "sunny", "c": 21}"#)
    }

    @Test("a command result: Ctrl-T runs the tool's command with the arguments on stdin")
    func commandResult() async throws {
        let session = try await open(["--model", "mock-tools", "--tool-command", "get_weather=tr a-z A-Z"])
        defer { session.close() }
        try await askForTool(in: session)
        try await session.waitFor(text: "Ctrl-T runs `tr a-z A-Z`")
        try session.keys("C-t")
        _ = try await waitForFollowUp(in: session)
        let requests = try requestMessages(in: session)
        #expect(requests.count == 2)
        // The command read the call's arguments on stdin and upper-cased them.
        #expect(try toolContent(ofFollowUp: try #require(requests.last)) == #"{"LOCATION":"PARIS, FRANCE","UNIT":"CELSIUS"}"#)
    }
}

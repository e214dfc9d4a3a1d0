import ChunkScopeCore
import Foundation
import Testing

/// Final snapshots of real fixture streams, run through the real pipeline.
enum ConversationFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func snapshot(_ name: String) throws -> SessionSnapshot {
        let data = try Data(contentsOf: directory.appendingPathComponent(name + ".sse"))
        var pipeline = StreamPipeline()
        pipeline.feed([UInt8](data), at: 0)
        pipeline.finish(at: 0)
        return pipeline.snapshot()
    }

    /// A stream that failed before any text arrived (an HTTP 429).
    static let rateLimited = SessionSnapshot(state: .failed(StreamFailure(.httpStatus, "HTTP 429")),
                                             response: ResponseHead(status: 429))

    /// A stream that dropped after some text.
    static let dropped = SessionSnapshot(state: .failed(StreamFailure(.transport, "connection reset")),
                                         choices: [ChoiceState(index: 0, role: "assistant", content: "Half an ans", hasContent: true)])
}

@Suite("Conversation: exchanges to exact message history")
struct ConversationTests {
    @Test("a text reply becomes user and assistant messages after the system prompt")
    func textHistory() throws {
        var c = Conversation()
        c.append(prompt: "hi", reply: try ConversationFixtures.snapshot("openai-text-plain"))
        c.begin(prompt: "again")
        let m = c.messages(system: "be brief")
        #expect(m.map(\.role) == ["system", "user", "assistant", "user"])
        #expect(m[2].content?.isEmpty == false)
        #expect(m[2].toolCalls.isEmpty && m[2].toolCallID == nil && m[2].refusal == nil)
        #expect(m[3] == ChatMessage(role: "user", content: "again"))
    }

    @Test("tool calls go back exactly as received, with null content, and one tool message per call by id")
    func toolHistory() throws {
        var c = Conversation()
        c.begin(prompt: "weather in Tokyo and Paris, and the time?", model: "gpt-4o")
        c.complete(with: try ConversationFixtures.snapshot("openai-tool-parallel"))
        let calls = c.pendingToolCalls
        #expect(calls == [
            ToolCallRecord(id: "call_QxTZ4kzm7vHPu7JcS2Jk9Rb1", name: "get_weather", arguments: #"{"location": "Tokyo"}"#),
            ToolCallRecord(id: "call_r8bS2m0gq1ZkW4d6Yy5fT0aC", name: "get_weather", arguments: #"{"location": "Paris"}"#),
            ToolCallRecord(id: "call_8aA1b2C3d4E5f6G7h8I9j0Kk", name: "get_time", arguments: #"{"timezone": "Europe/Paris"}"#),
        ])
        let earlyFollowUp = c.beginFollowUp()
        #expect(earlyFollowUp == nil, "no follow-up before every call has a result")
        let unknownCall = c.addToolResult(ToolResult(toolCallID: "call_unknown", content: "x"))
        #expect(!unknownCall)
        // Answered out of order: the messages still follow the calls' order.
        let timeAnswered = c.addToolResult(ToolResult(toolCallID: calls[2].id, content: "14:02"))
        #expect(timeAnswered)
        let tokyoAnswered = c.addToolResult(ToolResult(toolCallID: calls[0].id, content: "rain"))
        #expect(tokyoAnswered)
        #expect(c.pendingToolCalls == [calls[1]])
        let parisAnswered = c.addToolResult(ToolResult(toolCallID: calls[1].id, content: "sunny"))
        #expect(parisAnswered)
        #expect(c.pendingToolCalls.isEmpty)
        let followUp = c.beginFollowUp(model: "gpt-4o")
        #expect(followUp != nil)
        #expect(c.hasPendingTurn)
        let m = c.messages()
        #expect(m.map(\.role) == ["user", "assistant", "tool", "tool", "tool"])
        #expect(m[1].content == nil, "the provider sent content null")
        #expect(m[1].toolCalls == calls)
        #expect(m[2...].map(\.toolCallID) == calls.map(\.id))
        #expect(m[2...].map(\.content) == ["rain", "sunny", "14:02"])
        #expect(m[1].jsonValue().serialized() == #"{"role":"assistant","content":null,"tool_calls":["#
            + #"{"id":"call_QxTZ4kzm7vHPu7JcS2Jk9Rb1","type":"function","function":{"name":"get_weather","arguments":"{\"location\": \"Tokyo\"}"}},"#
            + #"{"id":"call_r8bS2m0gq1ZkW4d6Yy5fT0aC","type":"function","function":{"name":"get_weather","arguments":"{\"location\": \"Paris\"}"}},"#
            + #"{"id":"call_8aA1b2C3d4E5f6G7h8I9j0Kk","type":"function","function":{"name":"get_time","arguments":"{\"timezone\": \"Europe/Paris\"}"}}]}"#)
        #expect(m[2].jsonValue().serialized() == #"{"role":"tool","content":"rain","tool_call_id":"call_QxTZ4kzm7vHPu7JcS2Jk9Rb1"}"#)
    }

    @Test("a result given twice replaces the first; the follow-up's reply closes the loop")
    func toolResultReplaced() throws {
        var c = Conversation()
        c.begin(prompt: "weather?")
        c.complete(with: try ConversationFixtures.snapshot("openai-tool-single"))
        let call = try #require(c.pendingToolCalls.first)
        c.addToolResult(ToolResult(toolCallID: call.id, content: "error: exit 1", isError: true))
        c.addToolResult(ToolResult(toolCallID: call.id, content: "sunny"))
        #expect(c.turns.last?.attempt.toolResults.count == 1)
        c.beginFollowUp()
        c.complete(with: try ConversationFixtures.snapshot("openai-text-plain"))
        #expect(c.pendingToolCalls.isEmpty && c.lastReplyToolCalls.isEmpty)
        let m = c.messages()
        #expect(m.map(\.role) == ["user", "assistant", "tool", "assistant"])
        #expect(m[2].content == "sunny")
        #expect(c.turns.map(\.prompt) == ["weather?", nil])
    }

    @Test("a refusal goes back as the API returned it")
    func refusal() throws {
        var c = Conversation()
        c.append(prompt: "do the bad thing", reply: try ConversationFixtures.snapshot("openai-refusal"))
        let assistant = try #require(c.messages().last)
        #expect(assistant.role == "assistant")
        #expect(assistant.content == nil)
        #expect(assistant.refusal?.hasPrefix("I'm sorry") == true)
        #expect(assistant.jsonValue()["refusal"] == .string(try #require(assistant.refusal)))
        #expect(assistant.jsonValue()["content"] == .null)
    }

    @Test("a failed turn with no content is left out; never two user messages in a row")
    func failedTurnExcluded() throws {
        var c = Conversation()
        c.append(prompt: "one", reply: try ConversationFixtures.snapshot("openai-text-plain"))
        c.begin(prompt: "two")
        c.complete(with: ConversationFixtures.rateLimited)
        #expect(c.lastTurnIsUnanswered)
        #expect(c.messages().map(\.role) == ["user", "assistant"])
        // Retried in place: the prompt is sent once, both attempts are kept.
        let retried = c.retryLast(model: "m")
        #expect(retried)
        #expect(c.hasPendingTurn && !c.lastTurnIsUnanswered)
        #expect(c.messages().map(\.role) == ["user", "assistant", "user"])
        #expect(c.turns.count == 2 && c.turns[1].attempts.count == 2 && c.turns[1].selected == 1)
        let retriedWhilePending = c.retryLast()
        #expect(!retriedWhilePending, "no retry while the attempt is in flight")
        c.complete(with: ConversationFixtures.rateLimited)
        // Deleted: gone from the transcript and the history.
        let removed = c.removeLast()
        #expect(removed?.prompt == "two")
        #expect(c.turns.count == 1 && !c.lastTurnIsUnanswered)
        c.begin(prompt: "three")
        #expect(c.messages().map(\.role) == ["user", "assistant", "user"])
    }

    @Test("a stream that broke off after some text keeps that text; a stopped one with nothing is unanswered")
    func partialReplies() {
        var c = Conversation()
        c.append(prompt: "one", reply: ConversationFixtures.dropped)
        #expect(!c.lastTurnIsUnanswered)
        #expect(c.messages().last == ChatMessage(role: "assistant", content: "Half an ans"))
        c.append(prompt: "two", reply: SessionSnapshot(state: .cancelled))
        #expect(c.lastTurnIsUnanswered)
        #expect(c.messages().map(\.role) == ["user", "assistant"])
    }

    @Test("tool calls of a stream that broke off are never asked for or sent")
    func brokenOffToolCalls() throws {
        var snapshot = try ConversationFixtures.snapshot("openai-tool-single")
        snapshot.state = .cancelled
        var c = Conversation()
        c.append(prompt: "weather?", reply: snapshot)
        #expect(c.pendingToolCalls.isEmpty)
        #expect(c.lastTurnIsUnanswered)
        let brokenFollowUp = c.beginFollowUp()
        #expect(brokenFollowUp == nil)
    }

    @Test("with n > 1 the chosen choice continues (0 by default)")
    func choicePick() throws {
        var c = Conversation()
        let snapshot = try ConversationFixtures.snapshot("openai-n2-interleaved")
        #expect(snapshot.choices.count == 2)
        c.append(prompt: "two ways", reply: snapshot)
        #expect(c.messages().last?.content == snapshot.choices[0].content)
        let chose1 = c.choose(choice: 1)
        #expect(chose1)
        #expect(c.messages().last?.content == snapshot.choices[1].content)
        let unknownChoice = c.choose(choice: 7)
        #expect(!unknownChoice)
        #expect(c.turns.last?.attempt.choice == 1)
    }

    @Test("deleting a failed follow-up asks for the tool results again")
    func deleteFollowUp() throws {
        var c = Conversation()
        c.begin(prompt: "weather?")
        c.complete(with: try ConversationFixtures.snapshot("openai-tool-single"))
        let call = try #require(c.pendingToolCalls.first)
        c.addToolResult(ToolResult(toolCallID: call.id, content: "sunny"))
        c.beginFollowUp()
        c.complete(with: ConversationFixtures.rateLimited)
        #expect(c.messages().map(\.role) == ["user", "assistant", "tool"], "the failed follow-up adds nothing")
        let removedFollowUp = c.removeLast()
        #expect(removedFollowUp?.prompt == nil)
        #expect(c.pendingToolCalls == [call])
        #expect(c.messages().map(\.role) == ["user", "assistant"])
    }

    @Test("an exchange keeps the request and response the stream recorded unless given others")
    func exchange() {
        let request = RequestSummary(url: "http://h/v1/chat/completions", headers: [HTTPHeader("Authorization", "[REDACTED]")], body: "{}")
        let snapshot = SessionSnapshot(state: .finished, request: request, response: ResponseHead(status: 200))
        #expect(Exchange(snapshot: snapshot).request == request)
        #expect(Exchange(snapshot: snapshot).response?.status == 200)
        #expect(Exchange(snapshot: snapshot, response: ResponseHead(status: 201)).response?.status == 201)
    }
}

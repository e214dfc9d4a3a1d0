import Testing
@testable import ChunkScopeCore

@Suite("StreamAccumulator")
struct StreamAccumulatorTests {
    private func chunk(_ choices: [ChunkChoice], usage: JSONValue? = nil) -> ChatCompletionChunk {
        ChatCompletionChunk(id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: choices, usage: usage)
    }

    private func run(_ chunks: [ChatCompletionChunk]) -> (StreamAccumulator, DiagnosticLog) {
        var acc = StreamAccumulator()
        var log = DiagnosticLog()
        for (i, c) in chunks.enumerated() { acc.apply(c, event: i + 1, diagnostics: &log) }
        acc.finish(diagnostics: &log)
        return (acc, log)
    }

    private func codes(_ log: DiagnosticLog) -> [String] { log.findings.map(\.code) }

    @Test("text deltas concatenate; role, finish_reason and usage are kept")
    func plainText() {
        let usage = JSONValue.object([.init("prompt_tokens", .number("5")), .init("completion_tokens", .number("2")),
                                      .init("total_tokens", .number("7"))])
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: ""))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "Hel"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "lo"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(), finishReason: "stop")]),
            chunk([], usage: usage),
        ])
        #expect(acc.choices.count == 1)
        #expect(acc.choices[0].role == "assistant")
        #expect(acc.choices[0].content == "Hello")
        #expect(acc.choices[0].hasContent)
        #expect(!acc.choices[0].hasRefusal)
        #expect(acc.choices[0].finishReason == "stop")
        #expect(acc.usage == usage)
        #expect(log.findings.isEmpty)
    }

    @Test("content that is only ever null stays absent; an empty string is present")
    func nullVersusEmpty() {
        let (onlyNull, _) = run([chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant"), finishReason: "stop")])])
        #expect(!onlyNull.choices[0].hasContent)
        let (empty, _) = run([chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: ""), finishReason: "stop")])])
        #expect(empty.choices[0].hasContent)
        #expect(empty.choices[0].content == "")
    }

    @Test("n=2 interleaved choices accumulate separately and come out ordered by index")
    func interleaved() {
        let (acc, _) = run([
            chunk([ChunkChoice(index: 1, delta: ChunkDelta(role: "assistant", content: "B"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: "A"))]),
            chunk([ChunkChoice(index: 1, delta: ChunkDelta(content: "b"), finishReason: "length")]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "a"), finishReason: "stop")]),
        ])
        #expect(acc.choices.map(\.index) == [0, 1])
        #expect(acc.choices.map(\.content) == ["Aa", "Bb"])
        #expect(acc.choices.map(\.finishReason) == ["stop", "length"])
    }

    @Test("tool calls assemble by index; a later name \"\" does not erase the name")
    func toolCallsByIndex() {
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", toolCalls: [
                ToolCallDelta(index: 0, id: "call_a", type: "function", name: "get_weather", arguments: ""),
            ]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(index: 0, arguments: "{\"city\":")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [
                ToolCallDelta(index: 0, type: "function", name: "", arguments: "\"Paris\"}"),
                ToolCallDelta(index: 1, id: "call_b", type: "function", name: "get_time", arguments: "{}"),
            ]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(), finishReason: "tool_calls")]),
        ])
        let calls = acc.choices[0].toolCalls
        #expect(calls.map(\.index) == [0, 1])
        #expect(calls.map(\.id) == ["call_a", "call_b"])
        #expect(calls.map(\.name) == ["get_weather", "get_time"])
        #expect(calls.map(\.arguments) == [#"{"city":"Paris"}"#, "{}"])
        #expect(calls.map(\.status) == [.valid, .valid])
        #expect(log.findings.isEmpty)
        #expect(calls[0].partial.root == .object([PartialJSONMember(key: "city", value: .string("Paris", complete: true))], closed: true))
    }

    @Test("the live snapshot carries the partial argument tree before finish")
    func livePartialTree() {
        var acc = StreamAccumulator()
        var log = DiagnosticLog()
        acc.apply(chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", toolCalls: [
            ToolCallDelta(index: 0, id: "x", type: "function", name: "f", arguments: "{\"q\": \"ab"),
        ]))]), event: 1, diagnostics: &log)
        let call = acc.choicesSnapshot()[0].toolCalls[0]
        #expect(call.status == .assembling)
        #expect(call.partial.status == .incomplete)
        #expect(call.partial.root == .object([PartialJSONMember(key: "q", value: .string("ab", complete: false))], closed: false))
    }

    @Test("index starting at 1 (Anthropic-compatible) is recovered with a finding")
    func indexFromOne() {
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: "Let me check."))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(index: 1, id: "t1", type: "function", name: "f", arguments: "")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(index: 1, arguments: "{}")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(), finishReason: "tool_calls")]),
        ])
        #expect(acc.choices[0].toolCalls.map(\.index) == [1])
        #expect(acc.choices[0].toolCalls[0].arguments == "{}")
        #expect(codes(log) == ["CS401"])
        #expect(log.findings[0].event == 2)
    }

    @Test("Mistral tool calls without index: whole calls, continued by id, fragments continue the last")
    func withoutIndex() {
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: ""))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [
                ToolCallDelta(id: "A1", name: "add", arguments: "{\"a\": 1"),
                ToolCallDelta(id: "B2", name: "mul", arguments: "{\"b\": 2}"),
            ]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(id: "A1", arguments: "}")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(id: "C3", name: "neg", arguments: "{")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(arguments: "}")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(), finishReason: "tool_calls")]),
        ])
        let calls = acc.choices[0].toolCalls
        #expect(calls.map(\.index) == [0, 1, 2])
        #expect(calls.map(\.name) == ["add", "mul", "neg"])
        #expect(calls.map(\.arguments) == [#"{"a": 1}"#, #"{"b": 2}"#, "{}"])
        #expect(codes(log) == ["CS402"])
    }

    @Test("index gap, index reused with another id, repeated id are flagged; merge follows the SDK")
    func indexAnomalies() {
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", toolCalls: [
                ToolCallDelta(index: 0, id: "a", type: "function", name: "f", arguments: "{}"),
                ToolCallDelta(index: 2, id: "c", type: "function", name: "g", arguments: "{}"),
            ]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(index: 0, id: "z")]))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(toolCalls: [ToolCallDelta(index: 2, id: "c")]), finishReason: "tool_calls")]),
        ])
        #expect(codes(log) == ["CS403", "CS404", "CS407"])
        #expect(acc.choices[0].toolCalls.map(\.id) == ["az", "cc"])
    }

    @Test("bad arguments, empty arguments, missing finish, tool_calls finish without calls")
    func finishFindings() {
        let (_, bad) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", toolCalls: [
                ToolCallDelta(index: 0, id: "a", type: "function", name: "f", arguments: "{\"x\": 1,}"),
                ToolCallDelta(index: 1, id: "b", type: "function", name: "g", arguments: ""),
            ]))]),
            chunk([ChunkChoice(index: 1, delta: ChunkDelta(role: "assistant", content: "hi"), finishReason: "tool_calls")]),
        ])
        #expect(codes(bad) == ["CS405", "CS406", "CS302", "CS303"])
        #expect(bad.findings[0].message.contains("byte 8"))
    }

    @Test("first delta without role is info; text after finish is flagged")
    func roleAndLateDelta() {
        let (_, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "a"), finishReason: "stop")]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "late"))]),
        ])
        #expect(codes(log) == ["CS301", "CS304"])
        #expect(log.findings[0].severity == .info)
    }

    @Test("reasoning_content and reasoning: whichever carries text is used")
    func reasoningFields() {
        let (deepseek, _) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: nil, reasoningContent: ""))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(reasoningContent: "think"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "ok", reasoningContent: nil), finishReason: "stop")]),
        ])
        #expect(deepseek.choices[0].reasoning == "think")
        #expect(deepseek.choices[0].reasoningField == "reasoning_content")
        let (groq, _) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", reasoning: "hm"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(reasoning: "m"), finishReason: "stop")]),
        ])
        #expect(groq.choices[0].reasoning == "hmm")
        #expect(groq.choices[0].reasoningField == "reasoning")
        let (both, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", reasoningContent: "x", reasoning: "x"), finishReason: "stop")]),
        ])
        #expect(both.choices[0].reasoning == "x")
        #expect(log.findings.isEmpty)
    }

    @Test("logprobs content arrays concatenate; the last usage wins and repeats are noted")
    func logprobsAndUsage() {
        let lp: (String) -> JSONValue = { token in
            .object([.init("content", .array([.object([.init("token", .string(token))])])), .init("refusal", .null)])
        }
        let u: (String) -> JSONValue = { n in
            .object([.init("prompt_tokens", .number("1")), .init("completion_tokens", .number(n)), .init("total_tokens", .number("\(1 + Int(n)!)"))])
        }
        let (acc, log) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: "a"), logprobs: lp("a"))], usage: u("1")),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(content: "b"), logprobs: lp("b"), finishReason: "stop")], usage: u("2")),
        ])
        #expect(acc.choices[0].logprobs.count == 2)
        #expect(acc.usage == u("2"))
        #expect(codes(log) == ["CS502"])
    }

    @Test("refusal text accumulates and is marked present")
    func refusal() {
        let (acc, _) = run([
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(role: "assistant", content: nil, refusal: "I can't"))]),
            chunk([ChunkChoice(index: 0, delta: ChunkDelta(refusal: " help."), finishReason: "stop")]),
        ])
        #expect(acc.choices[0].refusal == "I can't help.")
        #expect(acc.choices[0].hasRefusal)
        #expect(!acc.choices[0].hasContent)
    }
}

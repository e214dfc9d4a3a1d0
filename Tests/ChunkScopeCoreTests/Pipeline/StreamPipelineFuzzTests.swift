import PropertyBased
import Testing
@testable import ChunkScopeCore

/// Hostile chunk shapes (negative / huge / missing indices, wrong types, nulls everywhere) must never
/// crash the pipeline and must still give split-independent results.
@Suite("StreamPipeline fuzz")
struct StreamPipelineFuzzTests {
    static let indices = ["0", "1", "2", "-1", "-5", "999999999", "9223372036854775807", "null", "\"1\"", "1.5", "1e3"]
    static let strings = [#""x""#, #""""#, "null", "7", "{}", #""c1""#, #""c2""#, #""é😀""#, #""\u0000\u001b[2J""#]
    static let arguments = [#""{""#, #""}""#, #""\"a\": 1""#, #""""#, "null", "3", #""[[[[""#, #""{\"k\": \"v\"}""#]
    static let finishes = ["null", #""stop""#, #""tool_calls""#, #""""#, "5", #""length""#]

    /// Builds one data line from a list of picks (each pick selects among the alternatives above).
    static func chunk(_ p: [Int]) -> String {
        func pick<T>(_ list: [T], _ i: Int) -> T { list[p[i % p.count] % list.count] }
        var calls: [String] = []
        for c in 0..<(p[0] % 4) {
            let base = 10 + c * 5
            calls.append(#"{"index":\#(pick(indices, base)),"id":\#(pick(strings, base + 1)),"type":\#(pick(strings, base + 2)),"function":{"name":\#(pick(strings, base + 3)),"arguments":\#(pick(arguments, base + 4))}}"#)
        }
        let toolCalls = p[1] % 5 == 0 ? "null" : "[" + calls.joined(separator: ",") + "]"
        let delta = #"{"role":\#(pick(strings, 2)),"content":\#(pick(strings, 3)),"reasoning_content":\#(pick(strings, 4)),"reasoning":\#(pick(strings, 5)),"refusal":\#(pick(strings, 6)),"tool_calls":\#(toolCalls)}"#
        let logprobs = [#"null"#, #"{"content":[{"token":"t"}]}"#, #"{"content":null}"#, "3"][p[7] % 4]
        let choices = p[8] % 6 == 0 ? "[]" : #"[{"index":\#(pick(indices, 9)),"delta":\#(delta),"logprobs":\#(logprobs),"finish_reason":\#(pick(finishes, 30))}]"#
        let usage = ["", #","usage":null"#, #","usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":4}"#, #","usage":5"#][p[31 % p.count] % 4]
        let id = pick(strings, 32)
        return #"data: {"id":\#(id),"object":"chat.completion.chunk","model":\#(pick(strings, 33)),"created":\#(pick(indices, 34)),"choices":\#(choices)\#(usage)}"# + "\n\n"
    }

    static let streams = Gen.int(in: 0...1000).array(of: 35...35).array(of: 1...12)
    static let pieceSizes = Gen.int(in: 1...64).array(of: 1...8)

    @Test("hostile chunks never crash and split-feeding agrees")
    func hostile() async {
        await propertyCheck(count: 400, input: Self.streams, Self.pieceSizes) { picks, sizes in
            let body = Array(picks.map(Self.chunk).joined().utf8)
            var whole = StreamPipeline()
            whole.feed(body, at: 0)
            whole.finish(at: 0)
            var split = StreamPipeline()
            var offset = 0
            var turn = 0
            while offset < body.count {
                let end = min(body.count, offset + sizes[turn % sizes.count])
                split.feed(Array(body[offset..<end]), at: 0)
                offset = end
                turn += 1
            }
            split.finish(at: 0)
            let report = whole.report()
            #expect(split.report().jsonValue() == report.jsonValue())
            _ = report.text()
            let snapshot = whole.snapshot()
            for row in snapshot.events { _ = row.summary }
            for choice in snapshot.choices {
                for call in choice.toolCalls { _ = call.partial.rendered() }
            }
        }
    }
}

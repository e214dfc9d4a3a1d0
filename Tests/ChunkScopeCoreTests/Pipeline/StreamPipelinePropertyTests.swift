import PropertyBased
import Testing
@testable import ChunkScopeCore

@Suite("StreamPipeline properties: any split gives the same final result and rows")
struct StreamPipelinePropertyTests {
    /// Events chosen to exercise every stage: text with multi-byte characters, reasoning, refusal,
    /// fragmented / one-piece / index-less tool calls, n=2, usage, errors, bad JSON, comments,
    /// `[DONE]`, CRLF and CR line ends, a BOM-less `data:` without space.
    static let events: [String] = [
        #"data: {"id":"a","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"héllo 😀 日本"}}]}"#,
        #"data:{"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"reasoning_content":"hmm"}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":1,"delta":{"role":"assistant","refusal":"no"}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c0","type":"function","function":{"name":"f","arguments":"{\"a\": [1, "}}]}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"2]}"}}]}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"id":"m1","function":{"name":"g","arguments":"{}"}}]}}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#,
        #"data: {"object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}"#,
        #"data: {"error":{"message":"boom"}}"#,
        "data: {not json",
        ": keep-alive",
        "data: [DONE]",
        "retry: 10",
    ]
    static let separators = ["\n\n", "\r\n\r\n", "\r\r", "\n\r\n"]

    static let picks = Gen.int(in: 0...(events.count - 1)).array(of: 0...25)
    static let lineEnds = Gen.int(in: 0...(separators.count - 1)).array(of: 25...25)

    static func body(_ picks: [Int], _ ends: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        for (n, pick) in picks.enumerated() { out += Array((events[pick] + separators[ends[n]]).utf8) }
        return out
    }
    static let pieceSizes = Gen.int(in: 1...40).array(of: 1...16)

    static func run(_ body: [UInt8], pieceSizes: [Int]) -> (JSONValue, [String]) {
        var pipeline = StreamPipeline()
        var offset = 0
        var turn = 0
        while offset < body.count {
            let size = pieceSizes.isEmpty ? body.count : pieceSizes[turn % pieceSizes.count]
            pipeline.feed(Array(body[offset..<min(body.count, offset + size)]), at: UInt64(turn))
            offset += size
            turn += 1
        }
        pipeline.finish(at: UInt64(turn))
        let snapshot = pipeline.snapshot()
        let rows = snapshot.events.map { "\($0.sequence) \($0.kind) \($0.size) \($0.summary)" }
        return (pipeline.report().jsonValue(), rows)
    }

    @Test("random split points give the same report and inspector rows as one buffer")
    func randomSplits() async {
        await propertyCheck(count: 300, input: Self.picks, Self.lineEnds, Self.pieceSizes) { picks, ends, sizes in
            let stream = Self.body(picks, ends)
            let whole = Self.run(stream, pieceSizes: [])
            let split = Self.run(stream, pieceSizes: sizes)
            #expect(split.0 == whole.0)
            #expect(split.1 == whole.1)
        }
    }

    @Test("byte-by-byte feeding gives the same report as one buffer")
    func byteByByte() async {
        await propertyCheck(count: 100, input: Self.picks, Self.lineEnds) { picks, ends in
            let stream = Self.body(picks, ends)
            #expect(Self.run(stream, pieceSizes: [1]).0 == Self.run(stream, pieceSizes: []).0)
        }
    }
}

import ChunkScopeCore
import Foundation
import Testing

/// The reference path for chunk decoding: general parser, then `ChunkDecoder.payload(from:)`.
func referenceDecode(_ text: String) -> StreamPayload {
    if text.trimmingCharacters(in: .init(charactersIn: " \t\r\n")) == "[DONE]" { return .done }
    do {
        return ChunkDecoder.payload(from: try JSONParser.parse(text))
    } catch {
        return .invalidJSON(message: error.message, byteOffset: error.byteOffset)
    }
}

/// Checks `ChunkDecoder.decode(text)` against the general path and against Foundation.
func expectChunkDecodingAgrees(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let fast = ChunkDecoder.decode(text)
    #expect(fast == referenceDecode(text), "fast path differs for \(text.debugDescription)", sourceLocation: sourceLocation)
    var strings = ChunkStringTable()
    let first = ChunkDecoder.decode(text, strings: &strings)
    let second = ChunkDecoder.decode(text, strings: &strings)  // served from the table this time
    #expect(first == fast && second == fast, "string table changes the result for \(text.debugDescription)",
            sourceLocation: sourceLocation)
    guard fast != .done else { return }
    FoundationJSONOracle.expectAgreement(text, sourceLocation: sourceLocation)
    guard case .chunk(let chunk) = fast, case .success(let reference) = FoundationJSONOracle.parse(text) else { return }
    expectChunk(chunk, matches: reference, text: text, sourceLocation: sourceLocation)
}

/// Compares the typed fields with the same fields read out of Foundation's parse.
private func expectChunk(_ chunk: ChatCompletionChunk, matches reference: FoundationJSONOracle.Plain, text: String,
                         sourceLocation: SourceLocation) {
    guard case .object(let top) = reference else {
        Issue.record("Foundation saw no object in \(text)", sourceLocation: sourceLocation)
        return
    }
    func string(_ dictionary: [String: FoundationJSONOracle.Plain], _ key: String) -> String? {
        if case .string(let value)? = dictionary[key] { return value }
        return nil
    }
    #expect(chunk.id == string(top, "id"), sourceLocation: sourceLocation)
    #expect(chunk.model == string(top, "model"), sourceLocation: sourceLocation)
    #expect(chunk.object == string(top, "object"), sourceLocation: sourceLocation)
    if case .number(let created)? = top["created"], created.rounded() == created, abs(created) < 9e15 {
        #expect(chunk.created.map(Double.init) == created, sourceLocation: sourceLocation)
    }
    guard case .array(let choices)? = top["choices"] else { return }
    #expect(chunk.choices.count == choices.count, sourceLocation: sourceLocation)
    for (choice, plainChoice) in zip(chunk.choices, choices) {
        guard case .object(let choiceFields) = plainChoice else { continue }
        #expect(choice.finishReason == string(choiceFields, "finish_reason"), sourceLocation: sourceLocation)
        guard case .object(let delta)? = choiceFields["delta"] else { continue }
        #expect(choice.delta.content == string(delta, "content"), sourceLocation: sourceLocation)
        #expect(choice.delta.role == string(delta, "role"), sourceLocation: sourceLocation)
        #expect(choice.delta.reasoningContent == string(delta, "reasoning_content"), sourceLocation: sourceLocation)
        guard case .array(let calls)? = delta["tool_calls"] else { continue }
        guard choice.delta.toolCalls != nil else {
            // An array with a non-object element is kept whole in `extra` instead.
            #expect(choice.delta.extra.contains { $0.key == "tool_calls" }, sourceLocation: sourceLocation)
            continue
        }
        #expect(choice.delta.toolCalls?.count == calls.count, sourceLocation: sourceLocation)
        for (call, plainCall) in zip(choice.delta.toolCalls ?? [], calls) {
            guard case .object(let callFields) = plainCall, case .object(let function)? = callFields["function"] else { continue }
            #expect(call.id == string(callFields, "id"), sourceLocation: sourceLocation)
            #expect(call.name == string(function, "name"), sourceLocation: sourceLocation)
            if case .string(let arguments)? = function["arguments"] {
                #expect(call.arguments == arguments, sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite("ChunkDecoder fast path agrees with the general path and with JSONSerialization", .timeLimit(.minutes(1)))
struct ChunkDecoderDifferentialTests {
    @Test("Real-world samples", arguments: ChunkSamples.all)
    func samples(text: String) {
        expectChunkDecodingAgrees(text)
    }

    @Test("Shape variations the fast path must hand over or match exactly", arguments: [
        #"{"choices":[{"delta":{"content":"a"}}],"choices":null}"#,
        #"{"choices":null,"object":"chat.completion.chunk"}"#,
        #"{"choices":[{"delta":{"tool_calls":[1]}}]}"#,
        #"{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f","extra":1}}]}}]}"#,
        #"{"choices":[{"delta":{"tool_calls":[{"function":null,"type":null}]}}]}"#,
        #"{"choices":[{"delta":{"tool_calls":null}}]}"#,
        #"{"choices":[{"delta":{"tool_calls":"x"}}]}"#,
        #"{"choices":[{"index":1.5}]}"#,
        #"{"choices":[{"index":-1}],"created":-5}"#,
        #"{"choices":[{"index":1e2}],"created":1.7e9}"#,
        #"{"choices":[{"index":99999999999999999999}]}"#,
        #"{"created":12345678901234567890,"choices":[]}"#,
        #"{"created":1e400,"choices":[]}"#,
        #"{"choices":[],"usage":{"a":[1,{"b":null}]},"delta":{"content":"x"}}"#,
        #"{"choices":[{"content":"misplaced","role":"x","delta":{"index":0,"usage":1}}]}"#,
        #"{"object":"error","choices":[]}"#,
        #"{"choices":[]} "#,
        #"{"choices":[]} x"#,
        #"{"choices":[] "#,
        #"{"choices":[{"delta":{"content":"\ud83d"}}]}"#,
        #"{"choices":[{"delta":{"content":"\u0000\u001f\""}}]}"#,
        " \n{\"choices\":[]}",
    ])
    func variations(text: String) {
        expectChunkDecodingAgrees(text)
    }

    @Test("Generated chunk-shaped payloads")
    func generatedChunks() async {
        var generator = RandomChunk(seed: 42)
        for round in 0..<2000 {
            if round % 50 == 0 { await Task.yield() }  // CPU-bound: let other suites' async tests run
            expectChunkDecodingAgrees(generator.chunkText())
        }
    }

    @Test("Every fixture's data lines", .enabled(if: !FixtureCorpus.dataPayloads().isEmpty, "no fixtures yet"))
    func fixtures() async {
        for (round, (file, payload)) in FixtureCorpus.dataPayloads().enumerated() {
            if round % 50 == 0 { await Task.yield() }
            let fast = ChunkDecoder.decode(payload)
            #expect(fast == referenceDecode(payload), "\(file): fast path differs")
            if fast != .done { FoundationJSONOracle.expectAgreement(payload) }
        }
    }
}

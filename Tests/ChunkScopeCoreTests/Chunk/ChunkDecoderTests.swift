import ChunkScopeCore
import Testing

@Suite("ChunkDecoder: data payloads to typed chunks")
struct ChunkDecoderTests {
    private func chunk(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ChatCompletionChunk? {
        guard case .chunk(let chunk) = ChunkDecoder.decode(text) else {
            Issue.record("not a chunk: \(ChunkDecoder.decode(text))", sourceLocation: sourceLocation)
            return nil
        }
        return chunk
    }

    @Test("[DONE], trimmed", arguments: ["[DONE]", " [DONE]", "[DONE] \n", "\t[DONE]\r\n"])
    func done(text: String) {
        #expect(ChunkDecoder.decode(text) == .done)
    }

    @Test("Near-misses of [DONE] are not the sentinel")
    func notDone() {
        #expect(ChunkDecoder.decode("[DONE]x") == .invalidJSON(message: "expected a value, found 'D'", byteOffset: 1))
        #expect(ChunkDecoder.decode("[done]") != .done)
        #expect(ChunkDecoder.decode("DONE") != .done)
    }

    @Test("An OpenAI text chunk: every known field, nulls as absent, unknown fields kept")
    func openAIText() {
        guard let chunk = chunk(ChunkSamples.openAIText) else { return }
        #expect(chunk.id == "chatcmpl-AbC123")
        #expect(chunk.object == "chat.completion.chunk")
        #expect(chunk.created == 1_718_000_000)
        #expect(chunk.model == "gpt-4o-mini-2024-07-18")
        #expect(chunk.systemFingerprint == "fp_44709d6fcb")
        #expect(chunk.usage == nil)
        #expect(chunk.extra == [.init("obfuscation", .string("x1Y"))])
        #expect(chunk.choices == [ChunkChoice(index: 0, delta: ChunkDelta(content: " world"))])
    }

    @Test("The role chunk: empty content, null refusal")
    func roleChunk() {
        guard let chunk = chunk(ChunkSamples.openAIRole) else { return }
        #expect(chunk.choices.first?.delta == ChunkDelta(role: "assistant", content: ""))
    }

    @Test("Finish and usage trailer; service_tier")
    func finishAndUsage() throws {
        #expect(chunk(ChunkSamples.openAIFinish)?.choices.first?.finishReason == "stop")
        guard let trailer = chunk(ChunkSamples.usageTrailer) else { return }
        #expect(trailer.choices.isEmpty)
        #expect(trailer.serviceTier == "default")
        #expect(trailer.usage?["total_tokens"]?.intValue == 19)
        #expect(trailer.usage?["prompt_tokens_details"]?["cached_tokens"]?.intValue == 0)
        #expect(chunk(ChunkSamples.bareUsageTrailer)?.usage?["completion_tokens"]?.intValue == 7)
    }

    @Test("Tool call deltas: start, argument fragment, whole call")
    func toolCalls() {
        let start = chunk(ChunkSamples.toolCallStart)?.choices.first?.delta
        #expect(start?.content == nil)
        #expect(start?.toolCalls == [ToolCallDelta(index: 0, id: "call_abc", type: "function", name: "get_weather", arguments: "")])
        let fragment = chunk(ChunkSamples.toolCallFragment)?.choices.first?.delta.toolCalls
        #expect(fragment == [ToolCallDelta(index: 0, arguments: "{\"city\":\"Pr")])
        let whole = chunk(ChunkSamples.wholeToolCall)?.choices.first?.delta.toolCalls
        #expect(whole == [ToolCallDelta(index: 0, id: "call_1", type: "function", name: "f", arguments: "{\"a\":1}")])
    }

    @Test("Mistral: tool call without index or type; created as 1.0")
    func mistral() {
        guard let chunk = chunk(ChunkSamples.mistralToolCall) else { return }
        #expect(chunk.created == 1)
        #expect(chunk.choices.first?.finishReason == "tool_calls")
        #expect(chunk.choices.first?.delta.toolCalls == [ToolCallDelta(index: nil, id: "D681PevKs", name: "lookup", arguments: "{\"q\": \"x\"}")])
    }

    @Test("Reasoning as reasoning_content (DeepSeek) and reasoning (Groq), with extras")
    func reasoning() {
        #expect(chunk(ChunkSamples.deepSeekReasoning)?.choices.first?.delta.reasoningContent == "Let me think")
        guard let groq = chunk(ChunkSamples.groqReasoning) else { return }
        #expect(groq.choices.first?.delta.reasoning == "Hmm")
        #expect(groq.choices.first?.delta.extra == [.init("channel", .string("analysis"))])
        #expect(groq.extra == [.init("x_groq", .object([.init("id", .string("req_01"))]))])
    }

    @Test("Azure's prompt-filter chunk: empty choices and empty id/model")
    func azure() {
        guard let chunk = chunk(ChunkSamples.azurePromptFilter) else { return }
        #expect(chunk.choices.isEmpty)
        #expect(chunk.id == "")
        #expect(chunk.created == 0)
        #expect(chunk.extra.map(\.key) == ["prompt_filter_results"])
    }

    @Test("Escapes in content: \\u00e9, surrogate pairs, \\/")
    func escapes() {
        guard let chunk = chunk(ChunkSamples.openRouterExtras) else { return }
        #expect(chunk.choices.first?.delta.content == "café 😀 a/b")
        #expect(chunk.extra == [.init("provider", .string("OpenAI"))])
        #expect(chunk.choices.first?.extra == [.init("native_finish_reason", .null)])
    }

    @Test("logprobs kept as JSON; refusal; n = 2 choices in wire order")
    func logprobsRefusalChoices() {
        #expect(chunk(ChunkSamples.logprobs)?.choices.first?.logprobs?["content"] != nil)
        #expect(chunk(ChunkSamples.refusal)?.choices.first?.delta.refusal == "I can't help with that.")
        let choices = chunk(ChunkSamples.twoChoices)?.choices
        #expect(choices?.map(\.index) == [1, 0])
        #expect(choices?.map(\.finishReason) == [nil, "length"])
    }

    @Test("Error payloads: OpenAI/OpenRouter {error} and vLLM object:error keep the whole payload")
    func errors() throws {
        #expect(ChunkDecoder.decode(ChunkSamples.openAIError) == .error(try JSONParser.parse(ChunkSamples.openAIError)))
        #expect(ChunkDecoder.decode(ChunkSamples.vllmError) == .error(try JSONParser.parse(ChunkSamples.vllmError)))
        let mixed = #"{"id":"x","choices":[],"error":{"message":"boom"}}"#
        #expect(ChunkDecoder.decode(mixed) == .error(try JSONParser.parse(mixed)))
    }

    @Test("Non-objects and objects without a chunk shape are unexpected", arguments: [
        "42", "\"hello\"", "[1,2]", "null", "{}", #"{"id":"x"}"#, #"{"choices":[1]}"#, #"{"error":null}"#,
    ])
    func unexpected(text: String) throws {
        #expect(ChunkDecoder.decode(text) == .unexpected(try JSONParser.parse(text)))
    }

    @Test("A bare object marked chat.completion.chunk without choices is still a chunk")
    func chunkWithoutChoices() {
        #expect(chunk(#"{"object":"chat.completion.chunk","id":"a"}"#)?.choices == [])
    }

    @Test("Bad JSON reports the parser's message and offset")
    func invalidJSON() {
        #expect(ChunkDecoder.decode(#"{"id":"x","choices":[}"#) == .invalidJSON(message: "expected a value, found '}'", byteOffset: 21))
        #expect(ChunkDecoder.decode("") == .invalidJSON(message: "unexpected end of input, expected a value", byteOffset: 0))
        #expect(ChunkDecoder.decode(": keep-alive") == .invalidJSON(message: "expected a value, found ':'", byteOffset: 0))
    }

    @Test("Known fields with unexpected types are kept in extra, not dropped")
    func wrongTypes() {
        let text = #"{"id":7,"created":"1718","choices":[{"index":"0","delta":{"content":5,"tool_calls":[{"index":0,"function":{"name":"f","arguments":{"a":1}}}]},"finish_reason":1}]}"#
        guard let chunk = chunk(text) else { return }
        #expect(chunk.id == nil)
        #expect(chunk.created == nil)
        #expect(chunk.extra.map(\.key) == ["id", "created"])
        let choice = chunk.choices.first
        #expect(choice?.index == nil)
        #expect(choice?.extra.map(\.key) == ["index", "finish_reason"])
        #expect(choice?.delta.extra.map(\.key) == ["content"])
        let call = choice?.delta.toolCalls?.first
        #expect(call?.name == "f")
        #expect(call?.arguments == #"{"a":1}"#)
        #expect(call?.extra.map(\.key) == ["function"])
    }

    @Test("Nulls everywhere mean absent", arguments: [
        #"{"id":null,"object":null,"created":null,"model":null,"system_fingerprint":null,"service_tier":null,"choices":[{"index":null,"delta":null,"logprobs":null,"finish_reason":null}],"usage":null}"#,
    ])
    func nulls(text: String) {
        #expect(chunk(text) == ChatCompletionChunk(choices: [ChunkChoice(index: nil)]))
    }

    @Test("Escaped keys are matched like plain ones")
    func escapedKeys() {
        #expect(chunk(#"{"ch\u006fices":[{"delta":{"c\u006fntent":"x"}}]}"#)?.choices.first?.delta.content == "x")
    }

    @Test("Duplicate known keys: the last one wins, as for JSONValue lookups")
    func duplicateKeys() {
        #expect(chunk(#"{"id":"a","id":"b","choices":[]}"#)?.id == "b")
    }
}

@Suite("ChunkStringTable: recurring strings shared across a stream's chunks")
struct ChunkStringTableTests {
    @Test("Recurring ids and models come back as the same stored string; results are unchanged")
    func sharing() {
        var strings = ChunkStringTable()
        let first = ChunkDecoder.decode(ChunkSamples.openAIText, strings: &strings)
        let second = ChunkDecoder.decode(ChunkSamples.openAIFinish, strings: &strings)
        guard case .chunk(let a) = first, case .chunk(let b) = second, let idA = a.model, let idB = b.model else {
            Issue.record("expected chunks")
            return
        }
        let sameStorage = idA.utf8.withContiguousStorageIfAvailable { x in
            idB.utf8.withContiguousStorageIfAvailable { y in x.baseAddress == y.baseAddress }
        }
        #expect(sameStorage == true)
        #expect(first == ChunkDecoder.decode(ChunkSamples.openAIText))
        #expect(second == ChunkDecoder.decode(ChunkSamples.openAIFinish))
    }

    @Test("Colliding and changing values are never confused (bounded cache, exact matching)")
    func changingValues() {
        var strings = ChunkStringTable()
        for n in 0..<500 {
            let id = "chatcmpl-\(String(repeating: "x", count: n % 40))\(n)"
            let text = #"{"id":"\#(id)","model":"model-name-long-enough-\#(n % 7)","choices":[]}"#
            guard case .chunk(let chunk) = ChunkDecoder.decode(text, strings: &strings) else {
                Issue.record("not a chunk")
                return
            }
            #expect(chunk.id == id)
            #expect(chunk.model == "model-name-long-enough-\(n % 7)")
        }
    }
}

/// Generates realistic OpenAI-shaped SSE streams for the benchmark: a long text answer and a
/// tool-call-heavy answer, byte-for-byte what a provider would send (deterministic, seeded).
struct StreamGenerator {
    /// How the generated stream is meant to be read.
    enum Kind: String, CaseIterable {
        /// Role chunk, N content chunks, finish chunk, usage trailer, `[DONE]`.
        case text
        /// Three parallel tool calls whose arguments arrive as N fragments in total.
        case toolCalls = "tool-calls"
    }

    private var random: UInt64

    init(seed: UInt64 = 0x5EED) { random = seed }

    private mutating func next() -> UInt64 {
        random &+= 0x9E37_79B9_7F4A_7C15
        var z = random
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }

    /// Token texts as they appear inside the JSON string (already escaped where needed).
    private static let tokens = [
        " the", " of", " and", " to", " a", " in", " is", " that", " for", " it", " as", " with", " stream",
        " chunk", " server", " event", " token", " model", " provider", "ing", "ed", "ly", " response",
        " latency", " JSON", ".", ",", " (", ")", ":", "\\n\\n", "\\n", " -", " **", "**", " `", "`", " caf\\u00e9",
        " na\\u00efve", " \\\"quoted\\\"", " 😀", " 日本", " 100", "%", " https:\\/\\/example.com", " is", " are",
        " be", " this", " which", " can", " not", " each", " data", " line", " decoder", " bytes", " parse",
    ]

    private static let head = #"{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_eb9dce56a8","choices":[{"index":0,"delta":"#

    /// The whole stream for `kind` with `chunkCount` content (or argument) chunks.
    mutating func stream(_ kind: Kind, chunkCount: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(chunkCount * 300)
        func event(_ json: String) { out.append(contentsOf: "data: \(json)\n\n".utf8) }
        let tail = #","logprobs":null,"finish_reason":null}],"usage":null}"#
        switch kind {
        case .text:
            event(Self.head + #"{"role":"assistant","content":"","refusal":null}"# + tail)
            for _ in 0..<chunkCount {
                let obfuscation = String(next() % 0xFFFFFF, radix: 36)
                event(Self.head + #"{"content":""# + pick(Self.tokens) + #""}"# + #","logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":""# + obfuscation + #""}"#)
            }
            event(Self.head + #"{}"# + #","logprobs":null,"finish_reason":"stop"}],"usage":null}"#)
        case .toolCalls:
            event(Self.head + #"{"role":"assistant","content":null}"# + tail)
            let names = ["get_weather", "search_documents", "create_calendar_event"]
            for index in 0..<3 {
                event(Self.head + #"{"tool_calls":[{"index":\#(index),"id":"call_\#(index)aBcDeFgHiJkLmNoP","type":"function","function":{"name":"\#(names[index])","arguments":""}}]}"# + tail)
            }
            // Each call's arguments are valid JSON once assembled, cut into 3–9 byte fragments
            // that interleave across the three calls.
            let words = ["latest", "quarterly", "report", "Prague", "celsius", "café", "budget", "2025", "notes"]
            var pending: [[String]] = []
            for index in 0..<3 {
                let share = chunkCount / 3 + (index < chunkCount % 3 ? 1 : 0)
                var raw = #"{"query": ""#
                while raw.utf8.count < share * 6 { raw += pick(words) + " " }
                raw += #"", "limit": 10}"#
                var pieces: [String] = []
                var characters = Substring(raw)
                while !characters.isEmpty && pieces.count < share - 1 {
                    let piece = characters.prefix(3 + Int(next() % 7))
                    pieces.append(String(piece))
                    characters = characters[piece.endIndex...]
                }
                pieces.append(String(characters))
                // Providers send empty fragments too; they fill up a short share.
                while pieces.count < share { pieces.append("") }
                pending.append(pieces)
            }
            var cursors = [0, 0, 0]
            var emitted = 0
            while emitted < chunkCount {
                for index in 0..<3 where cursors[index] < pending[index].count && emitted < chunkCount {
                    let piece = pending[index][cursors[index]]
                    cursors[index] += 1
                    emitted += 1
                    let escaped = piece.reduce(into: "") { text, character in
                        if character == "\"" || character == "\\" { text.append("\\") }
                        text.append(character)
                    }
                    event(Self.head + #"{"tool_calls":[{"index":\#(index),"function":{"arguments":"\#(escaped)"}}]}"# + tail)
                }
            }
            event(Self.head + #"{}"# + #","logprobs":null,"finish_reason":"tool_calls"}],"usage":null}"#)
        }
        let completion = chunkCount + 2
        event(#"{"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","object":"chat.completion.chunk","created":1741570283,"model":"gpt-4o-2024-08-06","service_tier":"default","system_fingerprint":"fp_eb9dce56a8","choices":[],"usage":{"prompt_tokens":37,"completion_tokens":\#(completion),"total_tokens":\#(completion + 37),"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}"#)
        out.append(contentsOf: "data: [DONE]\n\n".utf8)
        return out
    }
}

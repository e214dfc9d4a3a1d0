import ChunkScopeCore

/// Seeded random `chat.completion.chunk` payloads: optional and null fields, extras at every
/// level, tool-call fragments, odd numbers and escapes, in random member order.
struct RandomChunk {
    private var json: RandomJSON

    init(seed: UInt64) { json = RandomJSON(seed: seed) }

    private mutating func maybe() -> Bool { json.int(0...2) != 0 }

    private mutating func stringOrNull() -> JSONValue {
        json.int(0...4) == 0 ? .null : .string(json.string())
    }

    private mutating func shuffled(_ members: [JSONValue.Member]) -> [JSONValue.Member] {
        members.shuffled(using: &json.random)
    }

    mutating func chunkValue() -> JSONValue {
        var members: [JSONValue.Member] = []
        if maybe() { members.append(.init("id", stringOrNull())) }
        if maybe() { members.append(.init("object", .string("chat.completion.chunk"))) }
        if maybe() { members.append(.init("created", .number(["1718000000", "1.0", "0", "null", "17e8"][json.int(0...4)]))) }
        if maybe() { members.append(.init("model", stringOrNull())) }
        if maybe() { members.append(.init("system_fingerprint", stringOrNull())) }
        if json.int(0...3) == 0 { members.append(.init("usage", json.int(0...1) == 0 ? .null : json.value(depth: 2))) }
        if json.int(0...3) == 0 { members.append(.init("x_\(json.string(maxLength: 2))", json.value(depth: 2))) }
        members.append(.init("choices", .array((0..<json.int(0...2)).map { _ in choice() })))
        return .object(shuffled(members))
    }

    private mutating func choice() -> JSONValue {
        var members: [JSONValue.Member] = []
        if maybe() { members.append(.init("index", .number(String(json.int(0...3))))) }
        if maybe() { members.append(.init("delta", delta())) }
        if maybe() { members.append(.init("logprobs", json.int(0...2) == 0 ? json.value(depth: 2) : .null)) }
        if maybe() { members.append(.init("finish_reason", json.int(0...2) == 0 ? .string("stop") : .null)) }
        if json.int(0...4) == 0 { members.append(.init("native_finish_reason", json.value(depth: 1))) }
        return .object(shuffled(members))
    }

    private mutating func delta() -> JSONValue {
        var members: [JSONValue.Member] = []
        if json.int(0...3) == 0 { members.append(.init("role", .string("assistant"))) }
        if maybe() { members.append(.init("content", stringOrNull())) }
        if json.int(0...4) == 0 { members.append(.init("reasoning_content", stringOrNull())) }
        if json.int(0...4) == 0 { members.append(.init("reasoning", stringOrNull())) }
        if json.int(0...5) == 0 { members.append(.init("refusal", stringOrNull())) }
        if json.int(0...2) == 0 { members.append(.init("tool_calls", .array((0..<json.int(0...2)).map { _ in toolCall() }))) }
        if json.int(0...5) == 0 { members.append(.init("channel", json.value(depth: 1))) }
        return .object(shuffled(members))
    }

    private mutating func toolCall() -> JSONValue {
        var members: [JSONValue.Member] = []
        if maybe() { members.append(.init("index", .number(String(json.int(0...2))))) }
        if json.int(0...2) == 0 { members.append(.init("id", .string("call_\(json.int(0...99))"))) }
        if json.int(0...2) == 0 { members.append(.init("type", .string("function"))) }
        var function: [JSONValue.Member] = []
        if maybe() { function.append(.init("name", stringOrNull())) }
        if maybe() { function.append(.init("arguments", .string("{\"q\":\"" + json.string() + "\"}"))) }
        if maybe() { members.append(.init("function", .object(shuffled(function)))) }
        return .object(shuffled(members))
    }

    /// A random chunk payload as JSON text with random whitespace and escape spellings.
    mutating func chunkText() -> String {
        let value = chunkValue()
        return json.text(value)
    }
}

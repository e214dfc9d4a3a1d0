/// The chunk-shaped fast path of `ChunkDecoder`: reads a `chat.completion.chunk` object straight
/// from UTF-8 bytes into `ChatCompletionChunk`, matching known keys on bytes and building
/// `JSONValue`s only for unknown members, `usage` and `logprobs`.
///
/// It handles the usual shapes only. Anything else — invalid JSON, an `error` member, a known
/// field of an unexpected type, escaped keys — makes `parse` return nil so that the general path
/// (`JSONParser` + `ChunkDecoder.payload(from:)`) decides; whenever it succeeds its result equals
/// the general path's (the tests check this differentially).
struct FastChunkParser {
    private var scanner: JSONScanner

    /// Marker error: the input left the shapes this parser handles.
    private struct Miss: Error {}

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes)
    }

    /// The chunk in `bytes`, or nil when the general path must decide.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ChatCompletionChunk? {
        var parser = FastChunkParser(bytes)
        do {
            return try parser.parseTopLevel()
        } catch {
            return nil
        }
    }

    // MARK: - Object walking

    private mutating func parseTopLevel() throws(Miss) -> ChatCompletionChunk {
        var chunk = ChatCompletionChunk()
        var hasChoicesArray = false
        scanner.skipWhitespace()
        try forEachMember(depth: 1) { parser, key throws(Miss) in
            switch key {
            case .id: chunk.id = try parser.stringOrNull()
            case .object:
                chunk.object = try parser.stringOrNull()
                if chunk.object == "error" { throw Miss() }
            case .model: chunk.model = try parser.stringOrNull()
            case .systemFingerprint: chunk.systemFingerprint = try parser.stringOrNull()
            case .serviceTier: chunk.serviceTier = try parser.stringOrNull()
            case .created: chunk.created = try parser.integerOrNull()
            case .choices:
                chunk.choices = try parser.parseChoices()
                hasChoicesArray = true
            case .usage: chunk.usage = try parser.valueOrNull(depth: 1)
            case .error: throw Miss()
            case .other(let name): chunk.extra.append(JSONValue.Member(name, try parser.value(depth: 1)))
            default: chunk.extra.append(JSONValue.Member(key.name, try parser.value(depth: 1)))
            }
        }
        scanner.skipWhitespace()
        guard scanner.index == scanner.count else { throw Miss() }
        guard hasChoicesArray || chunk.object == "chat.completion.chunk" else { throw Miss() }
        return chunk
    }

    private mutating func parseChoices() throws(Miss) -> [ChunkChoice] {
        var choices: [ChunkChoice] = []
        try forEachElement(depth: 2) { parser throws(Miss) in
            choices.append(try parser.parseChoice())
        }
        return choices
    }

    private mutating func parseChoice() throws(Miss) -> ChunkChoice {
        var choice = ChunkChoice(index: nil)
        try forEachMember(depth: 3) { parser, key throws(Miss) in
            switch key {
            case .index: choice.index = try parser.smallIntegerOrNull()
            case .delta: choice.delta = try parser.parseDelta()
            case .logprobs: choice.logprobs = try parser.valueOrNull(depth: 3)
            case .finishReason: choice.finishReason = try parser.stringOrNull()
            case .other(let name): choice.extra.append(JSONValue.Member(name, try parser.value(depth: 3)))
            default: choice.extra.append(JSONValue.Member(key.name, try parser.value(depth: 3)))
            }
        }
        return choice
    }

    private mutating func parseDelta() throws(Miss) -> ChunkDelta {
        var delta = ChunkDelta()
        if try consumeNull() { return delta }
        try forEachMember(depth: 4) { parser, key throws(Miss) in
            switch key {
            case .role: delta.role = try parser.stringOrNull()
            case .content: delta.content = try parser.stringOrNull()
            case .refusal: delta.refusal = try parser.stringOrNull()
            case .reasoningContent: delta.reasoningContent = try parser.stringOrNull()
            case .reasoning: delta.reasoning = try parser.stringOrNull()
            case .toolCalls:
                if try parser.consumeNull() {
                    delta.toolCalls = nil
                } else {
                    var calls: [ToolCallDelta] = []
                    try parser.forEachElement(depth: 5) { parser throws(Miss) in
                        calls.append(try parser.parseToolCall())
                    }
                    delta.toolCalls = calls
                }
            case .other(let name): delta.extra.append(JSONValue.Member(name, try parser.value(depth: 4)))
            default: delta.extra.append(JSONValue.Member(key.name, try parser.value(depth: 4)))
            }
        }
        return delta
    }

    private mutating func parseToolCall() throws(Miss) -> ToolCallDelta {
        var call = ToolCallDelta()
        try forEachMember(depth: 6) { parser, key throws(Miss) in
            switch key {
            case .index: call.index = try parser.smallIntegerOrNull()
            case .id: call.id = try parser.stringOrNull()
            case .type: call.type = try parser.stringOrNull()
            case .function:
                if try parser.consumeNull() { return }
                try parser.forEachMember(depth: 7) { parser, key throws(Miss) in
                    switch key {
                    case .name: call.name = try parser.stringOrNull()
                    case .arguments: call.arguments = try parser.stringOrNull()
                    default: throw Miss()  // the general path keeps the whole `function` object
                    }
                }
            case .other(let name): call.extra.append(JSONValue.Member(name, try parser.value(depth: 6)))
            default: call.extra.append(JSONValue.Member(key.name, try parser.value(depth: 6)))
            }
        }
        return call
    }

    /// Walks an object (current byte after whitespace must be `{`), calling `body` with each key
    /// positioned at its value.
    private mutating func forEachMember(
        depth: Int, _ body: (inout FastChunkParser, ChunkKey) throws(Miss) -> Void
    ) throws(Miss) {
        guard depth <= scanner.maxDepth, scanner.peek() == 0x7B else { throw Miss() }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == 0x7D {
            scanner.index += 1
            return
        }
        while true {
            scanner.skipWhitespace()
            guard scanner.peek() == 0x22 else { throw Miss() }
            let key = try readKey()
            do { try scanner.expectColon() } catch { throw Miss() }
            scanner.skipWhitespace()
            try body(&self, key)
            scanner.skipWhitespace()
            guard let byte = scanner.peek() else { throw Miss() }
            scanner.index += 1
            if byte == 0x2C { continue }
            if byte == 0x7D { return }
            throw Miss()
        }
    }

    /// Walks an array of objects (current byte after whitespace must be `[`).
    private mutating func forEachElement(
        depth: Int, _ body: (inout FastChunkParser) throws(Miss) -> Void
    ) throws(Miss) {
        guard depth <= scanner.maxDepth, scanner.peek() == 0x5B else { throw Miss() }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == 0x5D {
            scanner.index += 1
            return
        }
        while true {
            scanner.skipWhitespace()
            try body(&self)
            scanner.skipWhitespace()
            guard let byte = scanner.peek() else { throw Miss() }
            scanner.index += 1
            if byte == 0x2C { continue }
            if byte == 0x5D { return }
            throw Miss()
        }
    }

    // MARK: - Values

    private mutating func readKey() throws(Miss) -> ChunkKey {
        let range: (start: Int, end: Int, plain: Bool)
        do { range = try scanner.scanString() } catch { throw Miss() }
        guard range.plain else { throw Miss() }
        let bytes = UnsafeBufferPointer(start: scanner.base + range.start, count: range.end - range.start)
        if let known = ChunkKey(bytes: bytes) { return known }
        guard let name = String(validating: bytes, as: UTF8.self) else { throw Miss() }
        return .other(name)
    }

    /// Consumes `null` when it is next.
    private mutating func consumeNull() throws(Miss) -> Bool {
        guard scanner.peek() == 0x6E else { return false }
        do { try scanner.parseLiteral("null") } catch { throw Miss() }
        return true
    }

    private mutating func stringOrNull() throws(Miss) -> String? {
        if try consumeNull() { return nil }
        guard scanner.peek() == 0x22 else { throw Miss() }
        let range: (start: Int, end: Int, plain: Bool)
        let quote = scanner.index
        do { range = try scanner.scanString() } catch { throw Miss() }
        let bytes = UnsafeBufferPointer(start: scanner.base + range.start, count: range.end - range.start)
        if range.plain {
            if let common = CommonString.lookup(bytes) { return common }
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Miss() }
            return text
        }
        scanner.index = quote
        do { return try scanner.parseString() } catch { throw Miss() }
    }

    private mutating func integerOrNull() throws(Miss) -> Int64? {
        if try consumeNull() { return nil }
        guard let byte = scanner.peek(), byte == 0x2D || (byte >= 0x30 && byte <= 0x39) else { throw Miss() }
        let start = scanner.index
        do { try scanner.scanNumber() } catch { throw Miss() }
        let length = scanner.index - start
        if length <= 18 {
            // Plain non-negative digits: the common `"created": 1700000000`.
            var value: Int64 = 0
            var plain = true
            for offset in start..<scanner.index {
                let digit = scanner.base[offset] &- 0x30
                if digit > 9 { plain = false; break }
                value = value &* 10 &+ Int64(digit)
            }
            if plain { return value }
        }
        let text = String(decoding: UnsafeBufferPointer(start: scanner.base + start, count: length), as: UTF8.self)
        guard let value = ChunkDecoder.integer(fromNumberText: text) else { throw Miss() }
        return value
    }

    private mutating func smallIntegerOrNull() throws(Miss) -> Int? {
        guard let value = try integerOrNull() else { return nil }
        guard let small = Int(exactly: value) else { throw Miss() }
        return small
    }

    private mutating func value(depth: Int) throws(Miss) -> JSONValue {
        do { return try scanner.parseValue(depth: depth) } catch { throw Miss() }
    }

    private mutating func valueOrNull(depth: Int) throws(Miss) -> JSONValue? {
        let parsed = try value(depth: depth)
        return parsed.isNull ? nil : parsed
    }
}

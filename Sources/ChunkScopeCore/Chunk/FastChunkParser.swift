/// The chunk-shaped fast path of `ChunkDecoder`: reads a `chat.completion.chunk` object straight
/// from UTF-8 bytes into `ChatCompletionChunk`, matching known keys on bytes and building
/// `JSONValue`s only for unknown members, `usage` and `logprobs`.
///
/// It handles the usual shapes only. Anything else — invalid JSON, an `error` member, a known
/// field of an unexpected type, escaped keys — makes `parse` return false so that the general path
/// (`JSONParser` + `ChunkDecoder.payload(from:)`) decides; whenever it succeeds its result equals
/// the general path's (the tests check this differentially). Nesting depths mirror the general
/// parser's so its depth limit applies identically.
struct FastChunkParser {
    private var scanner: JSONScanner
    /// Byte range of the key last read (its name is built only for unknown keys).
    private var keyStart = 0
    private var keyEnd = 0

    /// Marker error: the input left the shapes this parser handles.
    private struct Miss: Error {}

    /// The input is known to be valid UTF-8 (it came from a `String`): string values are built
    /// without validating them first.
    private let trustedUTF8: Bool

    /// Recurring strings of this stream (ids, model, unknown keys), when the caller keeps a table.
    private let strings: UnsafeMutablePointer<ChunkStringTable>?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, trustedUTF8: Bool, strings: UnsafeMutablePointer<ChunkStringTable>?) {
        scanner = JSONScanner(bytes)
        self.trustedUTF8 = trustedUTF8
        self.strings = strings
    }

    /// Parses the chunk in `bytes` into `chunk` (a fresh value); false when the general path must
    /// decide. `trustedUTF8` says the bytes are known to be valid UTF-8; `strings` (optional)
    /// shares recurring strings.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, trustedUTF8: Bool,
                      strings: UnsafeMutablePointer<ChunkStringTable>? = nil,
                      into chunk: inout ChatCompletionChunk) -> Bool {
        var parser = FastChunkParser(bytes, trustedUTF8: trustedUTF8, strings: strings)
        do {
            try parser.parseTopLevel(into: &chunk)
            return true
        } catch {
            return false
        }
    }

    // MARK: - The chunk shape

    private mutating func parseTopLevel(into chunk: inout ChatCompletionChunk) throws(Miss) {
        var hasChoicesArray = false
        scanner.skipWhitespace()
        if try enterObject(depth: 1) {
            repeat {
                switch try readKey() {
                case .id: chunk.id = try stringOrNull(recurring: true)
                case .object:
                    chunk.object = try stringOrNull()
                    if chunk.object == "error" { throw Miss() }
                case .model: chunk.model = try stringOrNull(recurring: true)
                case .systemFingerprint: chunk.systemFingerprint = try stringOrNull(recurring: true)
                case .serviceTier: chunk.serviceTier = try stringOrNull()
                case .created: chunk.created = try integerOrNull()
                case .choices:
                    try parseChoices(into: &chunk.choices)
                    hasChoicesArray = true
                case .usage: chunk.usage = try valueOrNull(depth: 1)
                case .error: throw Miss()
                case let key: chunk.extra.append(try member(key, depth: 1))
                }
            } while try nextMember()
        }
        scanner.skipWhitespace()
        guard scanner.index == scanner.count else { throw Miss() }
        guard hasChoicesArray || chunk.object == "chat.completion.chunk" else { throw Miss() }
    }

    private mutating func parseChoices(into choices: inout [ChunkChoice]) throws(Miss) {
        choices.removeAll()
        guard try enterArray(depth: 2) else { return }
        repeat {
            // Moved, not copied, into the array: a `ChunkChoice` is large.
            var choice = ChunkChoice(index: nil)
            try parseChoice(into: &choice)
            choices.append(consume choice)
        } while try nextElement()
    }

    private mutating func parseChoice(into choice: inout ChunkChoice) throws(Miss) {
        guard try enterObject(depth: 3) else { return }
        repeat {
            switch try readKey() {
            case .index: choice.index = try smallIntegerOrNull()
            case .delta:
                choice.delta = ChunkDelta()
                if try !consumeNull() { try parseDelta(into: &choice.delta) }
            case .logprobs: choice.logprobs = try valueOrNull(depth: 3)
            case .finishReason: choice.finishReason = try stringOrNull()
            case let key: choice.extra.append(try member(key, depth: 3))
            }
        } while try nextMember()
    }

    private mutating func parseDelta(into delta: inout ChunkDelta) throws(Miss) {
        guard try enterObject(depth: 4) else { return }
        repeat {
            switch try readKey() {
            case .role: delta.role = try stringOrNull()
            case .content: delta.content = try stringOrNull()
            case .refusal: delta.refusal = try stringOrNull()
            case .reasoningContent: delta.reasoningContent = try stringOrNull()
            case .reasoning: delta.reasoning = try stringOrNull()
            case .toolCalls:
                if try consumeNull() {
                    delta.toolCalls = nil
                } else {
                    var calls: [ToolCallDelta] = []
                    if try enterArray(depth: 5) {
                        repeat {
                            var call = ToolCallDelta()
                            try parseToolCall(into: &call)
                            calls.append(consume call)
                        } while try nextElement()
                    }
                    delta.toolCalls = calls
                }
            case let key: delta.extra.append(try member(key, depth: 4))
            }
        } while try nextMember()
    }

    private mutating func parseToolCall(into call: inout ToolCallDelta) throws(Miss) {
        guard try enterObject(depth: 6) else { return }
        repeat {
            switch try readKey() {
            case .index: call.index = try smallIntegerOrNull()
            case .id: call.id = try stringOrNull(recurring: true)
            case .type: call.type = try stringOrNull(recurring: true)
            case .function:
                if try consumeNull() { break }
                guard try enterObject(depth: 7) else { break }
                repeat {
                    switch try readKey() {
                    case .name: call.name = try stringOrNull(recurring: true)
                    case .arguments: call.arguments = try stringOrNull()
                    default: throw Miss()  // the general path keeps the whole `function` object
                    }
                } while try nextMember()
            case let key: call.extra.append(try member(key, depth: 6))
            }
        } while try nextMember()
    }

    // MARK: - Structure

    /// Consumes `{`; returns false when the object is empty (its `}` consumed too).
    @inline(__always)
    private mutating func enterObject(depth: Int) throws(Miss) -> Bool {
        guard depth <= scanner.maxDepth, scanner.peek() == 0x7B else { throw Miss() }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == 0x7D {
            scanner.index += 1
            return false
        }
        return true
    }

    /// Consumes `[`; returns false when the array is empty (its `]` consumed too).
    @inline(__always)
    private mutating func enterArray(depth: Int) throws(Miss) -> Bool {
        guard depth <= scanner.maxDepth, scanner.peek() == 0x5B else { throw Miss() }
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == 0x5D {
            scanner.index += 1
            return false
        }
        scanner.skipWhitespace()
        return true
    }

    /// After a member's value: consumes `,` (true: another member follows) or `}` (false).
    @inline(__always)
    private mutating func nextMember() throws(Miss) -> Bool {
        scanner.skipWhitespace()
        guard let byte = scanner.peek() else { throw Miss() }
        scanner.index += 1
        if byte == 0x2C { return true }
        if byte == 0x7D { return false }
        throw Miss()
    }

    /// After an element: consumes `,` (true: another element follows) or `]` (false).
    @inline(__always)
    private mutating func nextElement() throws(Miss) -> Bool {
        scanner.skipWhitespace()
        guard let byte = scanner.peek() else { throw Miss() }
        scanner.index += 1
        if byte == 0x2C {
            scanner.skipWhitespace()
            return true
        }
        if byte == 0x5D { return false }
        throw Miss()
    }

    /// Reads `"key":` and leaves the scanner at the value.
    @inline(__always)
    private mutating func readKey() throws(Miss) -> ChunkKey {
        scanner.skipWhitespace()
        guard scanner.peek() == 0x22, let range = scanner.scanPlainString() else { throw Miss() }
        keyStart = range.lowerBound
        keyEnd = range.upperBound
        let key = ChunkKey(bytes: UnsafeBufferPointer(start: scanner.base + range.lowerBound, count: range.count),
                           readableBytes: scanner.count - range.lowerBound)
        do { try scanner.expectColon() } catch { throw Miss() }
        scanner.skipWhitespace()
        return key
    }

    /// A member to keep in `extra`: the key read last and the value at the scanner.
    private mutating func member(_ key: ChunkKey, depth: Int) throws(Miss) -> JSONValue.Member {
        var name = key.name
        if key == .other {
            let bytes = UnsafeBufferPointer(start: scanner.base + keyStart, count: keyEnd - keyStart)
            guard trustedUTF8 || ByteScanning.isValidUTF8(bytes) else { throw Miss() }
            name = strings?.pointee.string(bytes) ?? String(decoding: bytes, as: UTF8.self)
        }
        return JSONValue.Member(name, try value(depth: depth))
    }

    // MARK: - Values

    /// Consumes `null` when it is next.
    @inline(__always)
    private mutating func consumeNull() throws(Miss) -> Bool {
        guard scanner.peek() == 0x6E else { return false }
        guard scanner.consumeNullLiteral() else { throw Miss() }
        return true
    }

    /// A string value or `null`. `recurring` values (ids, model, names) go through the stream's
    /// string table when there is one.
    private mutating func stringOrNull(recurring: Bool = false) throws(Miss) -> String? {
        if try consumeNull() { return nil }
        guard scanner.peek() == 0x22 else { throw Miss() }
        if let range = scanner.scanPlainString() {
            let bytes = UnsafeBufferPointer(start: scanner.base + range.lowerBound, count: range.count)
            if let common = CommonString.lookup(bytes) { return common }
            guard trustedUTF8 || ByteScanning.isValidUTF8(bytes) else { throw Miss() }
            if recurring, let strings { return strings.pointee.string(bytes) }
            return String(decoding: bytes, as: UTF8.self)
        }
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
                if digit > 9 {
                    plain = false
                    break
                }
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

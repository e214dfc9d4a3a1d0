/// Byte-level JSON reading over a UTF-8 buffer: whitespace, strings, numbers, literals, whole
/// values. Shared by `JSONParser` (general) and `ChunkDecoder` (chunk-shaped fast path).
/// Every failure is a `JSONParseError` at the offending byte.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    /// Offset of the next unread byte.
    var index = 0

    /// A scanner over `buffer` (which must outlive it) allowing `maxDepth` levels of nesting.
    init(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) {
        // An empty buffer may have no base address; point at a static empty byte instead.
        self.base = buffer.baseAddress ?? JSONScanner.emptyBase
        self.count = buffer.count
        self.maxDepth = maxDepth
    }

    nonisolated(unsafe) private static let emptyBase: UnsafePointer<UInt8> = {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        pointer.initialize(to: 0)
        return UnsafePointer(pointer)
    }()

    // MARK: - Errors

    /// An error at the current position.
    func error(_ message: String) -> JSONParseError {
        JSONParseError(byteOffset: index, message: message)
    }

    /// An error at `offset`.
    func error(_ message: String, at offset: Int) -> JSONParseError {
        JSONParseError(byteOffset: offset, message: message)
    }

    /// A readable name for the byte at `offset` (`'x'`, `byte 0x07`, `end of input`).
    func describeByte(at offset: Int) -> String {
        guard offset < count else { return "end of input" }
        let byte = base[offset]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 { return "non-ASCII byte 0x\(String(byte, radix: 16, uppercase: true))" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex)"
    }

    /// The "found X" error for an unexpected byte at the current position.
    func unexpected(expecting what: String) -> JSONParseError {
        if index >= count { return error("unexpected end of input, expected \(what)") }
        return error("expected \(what), found \(describeByte(at: index))")
    }

    // MARK: - Whitespace and punctuation

    /// Skips JSON whitespace (space, tab, LF, CR).
    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The byte at the current position, or nil at end of input.
    @inline(__always)
    func peek() -> UInt8? {
        index < count ? base[index] : nil
    }

    /// Consumes `byte` when it is next (after whitespace); returns whether it did.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        if index < count && base[index] == byte {
            index += 1
            return true
        }
        return false
    }

    // MARK: - Values

    /// Parses any value at the current position (whitespace already skipped).
    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard index < count else { throw error("unexpected end of input, expected a value") }
        switch base[index] {
        case 0x22: return .string(try parseString())
        case 0x7B: return try parseObject(depth: depth + 1)
        case 0x5B: return try parseArray(depth: depth + 1)
        case 0x74: try parseLiteral("true"); return .bool(true)
        case 0x66: try parseLiteral("false"); return .bool(false)
        case 0x6E:
            if consumeNullLiteral() { return .null }
            try parseLiteral("null")
            return .null
        case 0x2D, 0x30...0x39: return .number(try parseNumber())
        default: throw unexpected(expecting: "a value")
        }
    }

    /// Parses an object; the current byte is `{`.
    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        index += 1
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if index < count && base[index] == 0x7D {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == 0x22 else {
                if index < count && base[index] == 0x7D && !members.isEmpty {
                    throw error("trailing comma before '}'")
                }
                throw unexpected(expecting: "a string key")
            }
            let key = try parseString()
            try expectColon()
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONValue.Member(key, value))
            skipWhitespace()
            guard index < count else { throw unexpected(expecting: "',' or '}' after an object member") }
            let byte = base[index]
            index += 1
            if byte == 0x2C { continue }
            if byte == 0x7D { return .object(members) }
            index -= 1
            throw unexpected(expecting: "',' or '}' after an object member")
        }
    }

    /// Consumes the `:` after an object key.
    @inline(__always)
    mutating func expectColon() throws(JSONParseError) {
        skipWhitespace()
        guard index < count, base[index] == 0x3A else { throw unexpected(expecting: "':' after an object key") }
        index += 1
    }

    /// Parses an array; the current byte is `[`.
    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < count && base[index] == 0x5D {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if index < count && base[index] == 0x5D && !elements.isEmpty {
                throw error("trailing comma before ']'")
            }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < count else { throw unexpected(expecting: "',' or ']' after an array element") }
            let byte = base[index]
            index += 1
            if byte == 0x2C { continue }
            if byte == 0x5D { return .array(elements) }
            index -= 1
            throw unexpected(expecting: "',' or ']' after an array element")
        }
    }

    /// Consumes the literal `word` (`true`, `false`, `null`) at the current position.
    mutating func parseLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let length = word.utf8CodeUnitCount
        let letters = word.utf8Start
        for offset in 0..<length {
            guard start + offset < count, base[start + offset] == letters[offset] else {
                index = start + offset
                if start + offset >= count {
                    throw error("unexpected end of input inside '\(word)'")
                }
                throw error("invalid literal, expected '\(word)'", at: start)
            }
        }
        index = start + length
    }

    /// Parses a number per the RFC grammar and returns its exact text.
    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = index
        try scanNumber()
        return String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
    }

    /// Validates a number at the current position and moves past it.
    mutating func scanNumber() throws(JSONParseError) {
        if base[index] == 0x2D { index += 1 }
        guard index < count else { throw error("unexpected end of input, expected a digit after '-'") }
        let first = base[index]
        if first == 0x30 {
            index += 1
            if index < count, base[index] >= 0x30 && base[index] <= 0x39 {
                throw error("leading zeros are not allowed in numbers")
            }
        } else if first >= 0x31 && first <= 0x39 {
            index += 1
            skipDigits()
        } else {
            throw unexpected(expecting: "a digit")
        }
        if index < count && base[index] == 0x2E {
            index += 1
            guard index < count, base[index] >= 0x30 && base[index] <= 0x39 else {
                throw unexpected(expecting: "a digit after '.'")
            }
            skipDigits()
        }
        if index < count && (base[index] == 0x65 || base[index] == 0x45) {
            index += 1
            if index < count && (base[index] == 0x2B || base[index] == 0x2D) { index += 1 }
            guard index < count, base[index] >= 0x30 && base[index] <= 0x39 else {
                throw unexpected(expecting: "a digit in the exponent")
            }
            skipDigits()
        }
    }

    @inline(__always)
    private mutating func skipDigits() {
        while index < count && base[index] >= 0x30 && base[index] <= 0x39 { index += 1 }
    }

    // MARK: - Strings

    /// Parses a string; the current byte is the opening quote.
    mutating func parseString() throws(JSONParseError) -> String {
        let (start, end, plain) = try scanString()
        let bytes = UnsafeBufferPointer(start: base + start, count: end - start)
        if plain {
            guard let text = ByteScanning.validatedString(bytes) else {
                throw error("invalid UTF-8 in string", at: firstInvalidUTF8(in: start..<end))
            }
            return text
        }
        return try unescape(start..<end)
    }

    /// Fast form of `scanString` for the common case: when the string at the current position
    /// (its opening quote) has no escapes and no control characters, moves past it and returns
    /// its content range; otherwise returns nil and leaves the position unchanged.
    @inline(__always)
    mutating func scanPlainString() -> Range<Int>? {
        let start = index + 1
        let end = ByteScanning.firstStringSpecial(base, from: start, to: count)
        guard end < count, base[end] == 0x22 else { return nil }
        index = end + 1
        return start..<end
    }

    /// Consumes `null` when it is next; false (position unchanged) otherwise.
    @inline(__always)
    mutating func consumeNullLiteral() -> Bool {
        guard index + 4 <= count,
              UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self) == UInt32(littleEndian: 0x6C6C_756E)
        else { return false }
        index += 4
        return true
    }

    /// Moves past a string (current byte: its opening quote), validating escapes and control
    /// characters. Returns the content range (quotes excluded) and whether it has no escapes.
    mutating func scanString() throws(JSONParseError) -> (start: Int, end: Int, plain: Bool) {
        let start = index + 1
        var position = start
        var plain = true
        while position < count {
            position = ByteScanning.firstStringSpecial(base, from: position, to: count)
            guard position < count else { break }
            let byte = base[position]
            if byte == 0x22 {
                index = position + 1
                return (start, position, plain)
            }
            if byte == 0x5C {
                plain = false
                guard position + 1 < count else { break }
                switch base[position + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    position += 2
                case 0x75:
                    for offset in 2...5 {
                        guard position + offset < count else {
                            index = count
                            throw error("unexpected end of input inside a \\u escape")
                        }
                        guard Self.hexValue(base[position + offset]) != nil else {
                            throw error("invalid \\u escape: expected 4 hex digits", at: position)
                        }
                    }
                    position += 6
                default:
                    throw error("invalid escape '\\\(describeEscape(position + 1))' in string", at: position)
                }
                continue
            }
            if byte < 0x20 {
                throw error("unescaped \(describeByte(at: position)) in string", at: position)
            }
            position += 1
        }
        index = count
        throw error("unterminated string (opened at byte \(start - 1))")
    }

    private func describeEscape(_ offset: Int) -> String {
        let byte = base[offset]
        if byte >= 0x20 && byte < 0x7F { return String(Character(Unicode.Scalar(byte))) }
        return "\\u{\(String(byte, radix: 16))}"
    }

    /// Decodes the escapes of an already validated string body.
    private func unescape(_ range: Range<Int>) throws(JSONParseError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = range.lowerBound
        var runStart = position
        while position < range.upperBound {
            guard base[position] == 0x5C else {
                position += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
            let escape = base[position + 1]
            position += 2
            switch escape {
            case 0x62: output.append(0x08)
            case 0x66: output.append(0x0C)
            case 0x6E: output.append(0x0A)
            case 0x72: output.append(0x0D)
            case 0x74: output.append(0x09)
            case 0x75:
                var scalar = readHex4(at: position)
                position += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    if position + 5 < range.upperBound, base[position] == 0x5C, base[position + 1] == 0x75 {
                        let low = readHex4(at: position + 2)
                        if low >= 0xDC00 && low <= 0xDFFF {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            position += 6
                        } else {
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    scalar = 0xFFFD
                }
                Self.appendUTF8(scalar, to: &output)
            default: output.append(escape)  // \" \\ \/
            }
            runStart = position
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: range.upperBound - runStart))
        let decoded = output.withUnsafeBufferPointer { ByteScanning.validatedString($0) }
        guard let text = decoded else {
            throw error("invalid UTF-8 in string", at: firstInvalidUTF8(in: range))
        }
        return text
    }

    private func readHex4(at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for position in offset..<(offset + 4) {
            value = value << 4 | UInt32(Self.hexValue(base[position]) ?? 0)
        }
        return value
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case ..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Offset of the first byte in `range` that starts an invalid UTF-8 sequence.
    private func firstInvalidUTF8(in range: Range<Int>) -> Int {
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = base[position]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return position
            }
            guard position + length <= range.upperBound else { return position }
            let sequence = UnsafeBufferPointer(start: base + position, count: length)
            if !ByteScanning.isValidUTF8(sequence) { return position }
            position += length
        }
        return range.lowerBound
    }
}

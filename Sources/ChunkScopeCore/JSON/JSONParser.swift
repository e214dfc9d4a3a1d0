// JSON — how it fits: SSE message `data` is JSON text. `JSONParser` is the general, strict
// (RFC 8259) parser into `JSONValue`; `JSONScanner` holds the byte-level primitives it shares with
// the chunk-shaped fast path in `ChunkDecoder`; `JSONValue.serialized(pretty:)` writes JSON back.

/// Strict RFC 8259 JSON parser producing `JSONValue` (member order and number text preserved).
///
/// Choices where the RFC leaves room: any value is accepted at top level; duplicate keys are kept
/// in order; an unpaired UTF-16 surrogate escape (`\ud83d` alone) becomes U+FFFD rather than an
/// error (as browsers' `JSON.parse` keep going); nesting deeper than `maxDepth` is an error; a
/// leading UTF-8 byte order mark is ignored (offsets still count it).
public enum JSONParser {
    /// Default limit on nested arrays/objects.
    public static let defaultMaxDepth = 512

    /// Parses `text` as one JSON value, throwing `JSONParseError` with the exact byte offset.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParseError) in try parse(bytes: bytes, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses UTF-8 bytes as one JSON value; invalid UTF-8 inside a string is an error.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(bytes, maxDepth: maxDepth)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            scanner.index = 3  // RFC 8259 §8.1: a parser may ignore a byte order mark
        }
        scanner.skipWhitespace()
        let value = try scanner.parseValue(depth: 0)
        scanner.skipWhitespace()
        if scanner.index < scanner.count {
            throw scanner.error("unexpected \(scanner.describeByte(at: scanner.index)) after the JSON value")
        }
        return value
    }

    /// Parses UTF-8 bytes held in an array.
    public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(bytes: buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }
}

// Chunk — how it fits: each SSE message's `data` goes through `ChunkDecoder.decode` and comes out
// as a `StreamPayload` (a typed `ChatCompletionChunk`, `[DONE]`, an error payload, bad JSON, or
// something unexpected) for the accumulator, lint and the inspector.
//
// Two paths give the same answer: `FastChunkParser` reads the usual chunk shape straight from the
// UTF-8 bytes (no `JSONValue` tree for the fields it knows); anything it does not expect sends the
// text to the general `JSONParser` and `ChunkDecoder.payload(from:)`, which defines the semantics.

/// Turns an SSE message's `data` into a `StreamPayload`.
///
/// Classification: `[DONE]` (surrounding whitespace ignored) is `.done`; an object with a
/// non-null `error` member, or with `"object": "error"` (vLLM), is `.error` (whole payload kept);
/// an object with a `choices` array or `"object": "chat.completion.chunk"` is `.chunk`; other
/// valid JSON is `.unexpected`; invalid JSON is `.invalidJSON` with the parser's message and offset.
public enum ChunkDecoder {
    /// Decodes one SSE message's `data`.
    public static func decode(_ data: String) -> StreamPayload {
        if let payload = data.utf8.withContiguousStorageIfAvailable({ decode($0, trustedUTF8: true) }) {
            return payload
        }
        var copy = data
        return copy.withUTF8 { decode($0, trustedUTF8: true) }
    }

    /// Decodes one message of a stream, sharing recurring strings (id, model, …) through the
    /// stream's `strings` table: same result as `decode(_:)`, fewer allocations.
    public static func decode(_ data: String, strings: inout ChunkStringTable) -> StreamPayload {
        withUnsafeMutablePointer(to: &strings) { table in
            if let payload = data.utf8.withContiguousStorageIfAvailable({ decode($0, trustedUTF8: true, strings: table) }) {
                return payload
            }
            var copy = data
            return copy.withUTF8 { decode($0, trustedUTF8: true, strings: table) }
        }
    }

    /// Decodes `data` given as UTF-8 bytes (invalid UTF-8 inside a string makes it `.invalidJSON`).
    public static func decode(bytes: UnsafeBufferPointer<UInt8>) -> StreamPayload {
        decode(bytes, trustedUTF8: false)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, trustedUTF8: Bool,
                               strings: UnsafeMutablePointer<ChunkStringTable>? = nil) -> StreamPayload {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        if let first = scanner.peek() {
            if first == 0x7B {
                var chunk = ChatCompletionChunk()
                if FastChunkParser.parse(bytes, trustedUTF8: trustedUTF8, strings: strings, into: &chunk) {
                    return .chunk(chunk)
                }
            }
            if first == 0x5B, isDoneSentinel(bytes) {
                return .done
            }
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes: bytes)
        } catch {
            return .invalidJSON(message: error.message, byteOffset: error.byteOffset)
        }
        return payload(from: value)
    }

    /// True when `bytes` is `[DONE]` with optional JSON whitespace around it.
    static func isDoneSentinel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scanner = JSONScanner(bytes)
        scanner.skipWhitespace()
        let start = scanner.index
        let sentinel: StaticString = "[DONE]"
        let length = sentinel.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[start + offset] != sentinel.utf8Start[offset] {
            return false
        }
        scanner.index = start + length
        scanner.skipWhitespace()
        return scanner.index == bytes.count
    }
}

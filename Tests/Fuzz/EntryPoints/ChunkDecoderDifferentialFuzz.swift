import ChunkScopeCore

/// Chunk decoder, fast path against general path: `ChunkDecoder.decode` (the byte-level fast
/// path with its fallback) must give exactly what the general `JSONParser` + `payload(from:)`
/// gives, for bytes, for `String` input and with a shared string table. A difference is a crash.
enum ChunkDecoderDifferentialFuzz {
    static func run(_ bytes: [UInt8]) {
        let reference = generalDecode(bytes)
        let fast = bytes.withUnsafeBufferPointer { ChunkDecoder.decode(bytes: $0) }
        if fast != reference {
            fatalError("fast path differs from the general path for \(describe(bytes)):\n fast: \(fast)\n general: \(reference)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let fromString = ChunkDecoder.decode(text)
        var strings = ChunkStringTable()
        let firstShared = ChunkDecoder.decode(text, strings: &strings)
        let secondShared = ChunkDecoder.decode(text, strings: &strings)
        if fromString != reference || firstShared != reference || secondShared != reference {
            fatalError("String input or the string table changes the result for \(describe(bytes))")
        }
    }

    /// The general path: `[DONE]` amid JSON whitespace, else the strict parser and `payload(from:)`.
    static func generalDecode(_ bytes: [UInt8]) -> StreamPayload {
        let jsonWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let trimmed = bytes.drop(while: jsonWhitespace.contains).reversed().drop(while: jsonWhitespace.contains).reversed()
        if Array(trimmed) == Array("[DONE]".utf8) { return .done }
        do {
            return ChunkDecoder.payload(from: try JSONParser.parse(bytes: bytes))
        } catch {
            return .invalidJSON(message: error.message, byteOffset: error.byteOffset)
        }
    }

    private static func describe(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).debugDescription
    }
}

import ChunkScopeCore

/// SSE decoder: decoding the same bytes in one buffer, in small pieces and with a small line bound
/// must not crash, and splitting must never change the events (the decoder's documented promise).
enum SSEDecoderFuzz {
    static func run(_ bytes: [UInt8]) {
        for maxLineBytes in [16 << 20, 16] {
            var whole = SSEDecoder(maxLineBytes: maxLineBytes)
            let wholeEvents = whole.feed(bytes) + whole.finish()
            var split = SSEDecoder(maxLineBytes: maxLineBytes)
            var splitEvents: [SSEEvent] = []
            for piece in FuzzSplit.pieces(bytes) { split.feed(piece, into: &splitEvents) }
            splitEvents += split.finish()
            if wholeEvents != splitEvents {
                fatalError("SSE events depend on the split (maxLineBytes \(maxLineBytes)): \(wholeEvents) vs \(splitEvents)")
            }
        }
    }
}

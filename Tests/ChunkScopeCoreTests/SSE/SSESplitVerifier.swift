import ChunkScopeCore
import Testing

/// Checks that an `SSEDecoder` gives identical events however a byte stream is split (after
/// swift-nio's `ByteToMessageDecoderVerifier`): whole, byte by byte, every two-piece split of short
/// inputs, and seeded random splits. Returns the events of the whole-buffer run.
enum SSESplitVerifier {
    /// Decodes `bytes` fed in pieces of the given sizes (cycled), then finishes.
    static func events(_ bytes: [UInt8], pieceSizes: [Int], maxLineBytes: Int = 16 << 20) -> [SSEEvent] {
        var decoder = SSEDecoder(maxLineBytes: maxLineBytes)
        var events: [SSEEvent] = []
        var start = 0
        var sizeIndex = 0
        while start < bytes.count {
            let size = max(1, pieceSizes.isEmpty ? bytes.count : pieceSizes[sizeIndex % pieceSizes.count])
            sizeIndex += 1
            let end = min(bytes.count, start + size)
            events += decoder.feed(bytes[start..<end])
            start = end
        }
        events += decoder.finish()
        return events
    }

    /// Runs every split strategy and expects them all to agree with the whole-buffer run.
    @discardableResult
    static func verify(_ bytes: [UInt8], maxLineBytes: Int = 16 << 20, randomRuns: Int = 8, seed: UInt64 = 1,
                       sourceLocation: SourceLocation = #_sourceLocation) -> [SSEEvent] {
        let whole = events(bytes, pieceSizes: [], maxLineBytes: maxLineBytes)
        let byteByByte = events(bytes, pieceSizes: [1], maxLineBytes: maxLineBytes)
        #expect(byteByByte == whole, "byte-by-byte feeding differs", sourceLocation: sourceLocation)
        if bytes.count <= 256 {
            for cut in 1..<max(1, bytes.count) {
                var decoder = SSEDecoder(maxLineBytes: maxLineBytes)
                var split = decoder.feed(bytes[..<cut])
                split += decoder.feed(bytes[cut...])
                split += decoder.finish()
                if split != whole {
                    Issue.record("split at byte \(cut) differs", sourceLocation: sourceLocation)
                    break
                }
            }
        }
        var random = SplitMix64(seed: seed)
        for _ in 0..<randomRuns {
            let sizes = (0..<16).map { _ in Int(random.next() % 9) + 1 }
            let split = events(bytes, pieceSizes: sizes, maxLineBytes: maxLineBytes)
            #expect(split == whole, "random split \(sizes) differs", sourceLocation: sourceLocation)
        }
        return whole
    }
}

/// A small seeded generator so test runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import ChunkScopeCore
import Testing

@Suite("ChunkDecoder fuzzing: mutated chunks never crash and agree with JSONSerialization", .timeLimit(.minutes(1)))
struct ChunkDecoderFuzzTests {
    /// Structural bytes most likely to turn valid JSON into interesting invalid JSON.
    private static let interesting: [UInt8] = Array("{}[]\":,\\ntfu0123456789-+.eE \t\r\n".utf8) + [0x00, 0x1F, 0x7F]

    private static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        let rounds = Int.random(in: 1...3, using: &random)
        for _ in 0..<rounds where !bytes.isEmpty {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0...5, using: &random) {
            case 0: bytes.remove(at: position)
            case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
            case 2: bytes[position] = interesting.randomElement(using: &random)!
            case 3: bytes.removeSubrange(position...)
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...12, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            default:
                let other = Int.random(in: 0..<bytes.count, using: &random)
                bytes.swapAt(position, other)
            }
        }
        return bytes
    }

    @Test("Random mutations of real and generated chunks")
    func mutations() async {
        var random = SplitMix64(seed: 0xF022)
        var generator = RandomChunk(seed: 7)
        let seeds = ChunkSamples.all + (0..<100).map { _ in generator.chunkText() }
        for round in 0..<4000 {
            if round % 50 == 0 { await Task.yield() }  // CPU-bound: let other suites' async tests run
            let seed = Array(seeds.randomElement(using: &random)!.utf8)
            let mutated = Self.mutate(seed, using: &random)
            // Mutations can split a multi-byte character; the SSE stage would have replaced it.
            let text = String(decoding: mutated, as: UTF8.self)
            expectChunkDecodingAgrees(text)
        }
    }
}

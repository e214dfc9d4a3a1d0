import ChunkScopeCore
import PropertyBased
import Testing

@Suite("SSEDecoder properties: any split of a byte stream gives identical events", .timeLimit(.minutes(1)))
struct SSEDecoderPropertyTests {
    /// Stream fragments chosen to hit every rule: all line ends (including lone CR before LF
    /// lines), BOM, split-prone multi-byte UTF-8, invalid bytes, comments, retry, id, event.
    static let fragments: [[UInt8]] = [
        "data: {\"a\":1}", "data:x", "data", "data: 😀é日", "event: delta", "id: 42", "id: a\u{0}b", "retry: 300",
        "retry: x", ": keep-alive", ":", "foo: bar", "data: [DONE]", " data: indented", "\u{FEFF}",
        "\n", "\r", "\r\n", "\n\n", "\r\n\r\n", "\r\r",
    ].map { Array($0.utf8) } + [[0xFF], [0xE6, 0x97], [0xA5], [0xC3]]

    static let streams = Gen.int(in: 0...(fragments.count - 1)).array(of: 0...40).map { (picks: [Int]) -> [UInt8] in
        picks.reduce(into: []) { $0 += fragments[$1] }
    }
    static let pieceSizes = Gen.int(in: 1...9).array(of: 1...12)

    @Test("Random split points give the same events as one buffer")
    func randomSplits() async {
        await propertyCheck(count: 300, input: Self.streams, Self.pieceSizes) { stream, sizes in
            await Task.yield()  // CPU-bound: let other suites' async tests run
            let whole = SSESplitVerifier.events(stream, pieceSizes: [])
            #expect(SSESplitVerifier.events(stream, pieceSizes: sizes) == whole)
        }
    }

    @Test("Byte-by-byte feeding gives the same events as one buffer")
    func byteByByte() async {
        await propertyCheck(count: 300, input: Self.streams) { stream in
            await Task.yield()  // CPU-bound: let other suites' async tests run
            #expect(SSESplitVerifier.events(stream, pieceSizes: [1]) == SSESplitVerifier.events(stream, pieceSizes: []))
        }
    }

    @Test("Splits agree with a small line bound too (over-long lines at every split)")
    func boundedSplits() async {
        await propertyCheck(count: 200, input: Self.streams, Self.pieceSizes) { stream, sizes in
            await Task.yield()  // CPU-bound: let other suites' async tests run
            let whole = SSESplitVerifier.events(stream, pieceSizes: [], maxLineBytes: 7)
            #expect(SSESplitVerifier.events(stream, pieceSizes: sizes, maxLineBytes: 7) == whole)
        }
    }

    @Test("Arbitrary bytes (biased to line ends, colons and UTF-8 lead bytes): never a crash, any split agrees")
    func arbitraryBytes() async {
        let interesting: [UInt8] = [0x0A, 0x0D, 0x3A, 0x20, 0x64, 0x61, 0x74, 0x00, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0xF0, 0x9F, 0xFF]
        let byte = Gen.int(in: 0...31).map { pick in pick < interesting.count ? interesting[pick] : UInt8(truncatingIfNeeded: pick &* 37) }
        await propertyCheck(count: 300, input: byte.array(of: 0...200), Self.pieceSizes) { stream, sizes in
            await Task.yield()  // CPU-bound: let other suites' async tests run
            let whole = SSESplitVerifier.events(stream, pieceSizes: [], maxLineBytes: 16)
            #expect(SSESplitVerifier.events(stream, pieceSizes: sizes, maxLineBytes: 16) == whole)
            #expect(SSESplitVerifier.events(stream, pieceSizes: [1], maxLineBytes: 16) == whole)
        }
    }

    @Test("Every message's data is exactly what its data lines said")
    func dataLinesRoundTrip() async {
        let texts = ["", "x", "{\"k\":\"v\"}", "a b", "😀", ":colon", "[DONE]"]
        let payloads = Gen.int(in: 0...(texts.count - 1)).map { texts[$0] }.array(of: 1...4).array(of: 0...6)
        let lineEnds = Gen.int(in: 0...2).map { ["\n", "\r", "\r\n"][$0] }
        await propertyCheck(count: 200, input: payloads, lineEnds) { messages, lineEnd in
            await Task.yield()  // CPU-bound: let other suites' async tests run
            let text = messages.map { lines in lines.map { "data: \($0)\(lineEnd)" }.joined() + lineEnd }.joined()
            let events = SSESplitVerifier.verify(Array(text.utf8), randomRuns: 2)
            let datas = events.compactMap { if case .message(let message) = $0 { message.data } else { nil } }
            #expect(datas == messages.map { $0.joined(separator: "\n") })
        }
    }
}

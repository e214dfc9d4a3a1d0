import PropertyBased
import Testing
@testable import ChunkScopeCore

@Suite("PartialJSONParser properties")
struct PartialJSONParserPropertyTests {
    static let pieces = [#"{"#, #"}"#, #"["#, #"]"#, #"""#, ":", ",", " ", "1", "-", ".", "e", "0", "a", "é", "😀",
                         "\\", "u", "d83d", "true", "nul", #""k":"#, "\n"]
    static let texts = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...30).map { $0.map { pieces[$0] }.joined() }
    static let cuts = Gen.int(in: 1...6).array(of: 1...10)

    @Test("any fragmentation gives the same tree, status and byte count")
    func fragmentation() async {
        await propertyCheck(count: 400, input: Self.texts, Self.cuts) { text, sizes in
            var whole = PartialJSONParser()
            whole.feed(text)
            let expectedLive = whole.tree()
            let expected = whole.finish()
            var split = PartialJSONParser()
            var scalars = Array(text.unicodeScalars)[...]
            var turn = 0
            while !scalars.isEmpty {
                let piece = scalars.prefix(sizes[turn % sizes.count])
                scalars = scalars.dropFirst(piece.count)
                var fragment = ""
                fragment.unicodeScalars.append(contentsOf: piece)
                split.feed(fragment)
                turn += 1
            }
            #expect(split.tree() == expectedLive)
            #expect(split.finish() == expected)
        }
    }
}

import Testing
@testable import ChunkScopeUI

@Suite("Grid drawing")
struct GridDrawingTests {
    @Test("a wide grapheme that does not fit the last column becomes a blank")
    func clipWide() {
        var g = Grid(width: 5, height: 1)
        let end = g.write("ab日本", x: 0, y: 0, maxX: 5)
        #expect(g.textRows[0] == "ab日 ")
        #expect(end == 6)
    }

    @Test("overwriting half of a wide grapheme blanks the other half")
    func overwrite() {
        var g = Grid(width: 6, height: 1)
        g.write("日本語", x: 0, y: 0, maxX: 6)
        g.write("x", x: 1, y: 0, maxX: 6)   // right half of 日
        g.write("y", x: 2, y: 0, maxX: 6)   // left half of 本
        #expect(g.textRows[0] == " xy 語")
        #expect(g[3, 0].width == 1)
    }

    @Test("fill clears wide graphemes cut by the rectangle edge")
    func fillEdges() {
        var g = Grid(width: 6, height: 1)
        g.write("日本語", x: 0, y: 0, maxX: 6)
        g.fill(Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(g.textRows[0] == "    語")
    }

    @Test("styled lines paint their fill role to the edge")
    func fill() {
        var g = Grid(width: 6, height: 1)
        g.draw(StyledLine(cells: [Cell(text: "a", role: .codeBlock)], fill: .codeBlock), x: 0, y: 0, width: 6)
        #expect((0..<6).allSatisfy { g[$0, 0].role == .codeBlock })
    }

    @Test("truncation by display width ends in an ellipsis")
    func truncation() {
        #expect(StyledLine("日本語テキスト").truncated(to: 6).text == "日本…")
        #expect(StyledLine("abc").truncated(to: 3).text == "abc")
        #expect(StyledLine("abcd").truncated(to: 3).text == "ab…")
        #expect(StyledLine("日本語テキスト").truncated(to: 6).width <= 6)
    }
}

import Testing
@testable import ChunkScopeUI

@Suite("Markdown")
struct MarkdownTests {
    func render(_ text: String, width: Int = 40) -> [StyledLine] {
        MarkdownRenderer.render(text, width: width)
    }

    @Test("inline markup is styled and markers removed")
    func inline() {
        let line = render("a **bold** and *it* and `x*y` and _u_")[0]
        #expect(line.text == "a bold and it and x*y and u")
        let bold = line.cells.filter { $0.attributes.contains(.bold) }.map(\.text).joined()
        #expect(bold == "bold")
        let italic = line.cells.filter { $0.attributes.contains(.italic) }.map(\.text).joined()
        #expect(italic == "itu")
        #expect(line.cells.filter { $0.role == .code }.map(\.text).joined() == "x*y")
    }

    @Test("links show their text in the link role and the URL dimmed")
    func links() {
        let line = render("see [the docs](https://example.com/a_b) or [x](bad url) and [https://x.io](https://x.io)", width: 120)[0]
        #expect(line.text == "see the docs https://example.com/a_b or [x](bad url) and https://x.io")
        #expect(line.cells.filter { $0.role == .link }.map(\.text).joined() == "the docshttps://x.io")
        #expect(line.cells.contains { $0.role == .dim && $0.text == "h" })
    }

    @Test("lone or intraword markers stay literal", arguments: [
        "2 * 3 * 4 = 24", "snake_case_name", "a ** b", "price *", "\\*not italic\\*",
    ])
    func literal(_ text: String) {
        let line = render(text)[0]
        #expect(line.cells.allSatisfy { !$0.attributes.contains(.italic) && !$0.attributes.contains(.bold) }, "\(line.text)")
        if text.hasPrefix("\\") { #expect(line.text == "*not italic*") } else { #expect(line.text == text) }
    }

    @Test("headings, lists with hanging indent, quotes and rules")
    func blocks() {
        let lines = render("# Title\n- item one that wraps around\n  - nested\n3. third\n> quoted\n---", width: 16)
        #expect(lines.map(\.text) == ["Title", "• item one that", "  wraps around", "  • nested", "3. third", "│ quoted", String(repeating: "─", count: 16)])
        #expect(lines[0].cells.allSatisfy { $0.role == .heading })
    }

    @Test("fenced code keeps spaces, hard-wraps and fills the code background")
    func code() {
        let lines = render("```python\n    x = 1  # comment that is long\n```\nafter", width: 20)
        #expect(lines[0].text == " python")
        #expect(lines[1].text == "     x = 1  # commen")
        #expect(lines[2].text == " t that is long")
        #expect(lines[1].fill == .codeBlock && lines[2].fill == .codeBlock)
        #expect(lines.last?.text == "after")
        #expect(lines.last?.fill == nil)
    }

    @Test("escape sequences are never read as markup")
    func escapes() {
        let line = render("**\u{1B}[1m**x")[0]
        #expect(line.cells.contains { $0.role == .escape })
        #expect(line.text.contains("␛[1m"))
    }

    @Test("incremental rendering matches whole rendering at every prefix")
    func incremental() {
        let text = "# Head\nsome **bold** text that keeps going and going\n```\ncode line\n```\n- list item\nend 日本語"
        let cache = IncrementalMarkdown()
        var prefix = ""
        for c in text {
            prefix.append(c)
            #expect(cache.render(prefix, width: 12) == render(prefix, width: 12), "prefix: \(prefix)")
        }
        // Width change and non-growing text reset the cache.
        #expect(cache.render(text, width: 30) == render(text, width: 30))
        #expect(cache.render("other", width: 30) == render("other", width: 30))
    }
}

@Suite("Markdown — long streaming paragraphs")
struct LongParagraphTests {
    @Test("a huge paragraph streamed word by word renders exactly like the whole text",
          arguments: ["", " ", "   ", "      "])
    func hugeParagraph(indent: String) {
        var words: [String] = []
        for i in 0..<3000 { words.append(i % 50 == 7 ? "**bold \(i)**" : (i % 97 == 3 ? "日本語\(i)" : "w\(i)")) }
        let full = indent + words.joined(separator: " ")
        let cache = IncrementalMarkdown()
        var text = indent
        for (i, word) in words.enumerated() {
            text += (i == 0 ? "" : " ") + word
            if i % 150 == 0 || i == words.count - 1 {
                #expect(cache.render(text, width: 37) == MarkdownRenderer.render(text, width: 37), "at word \(i)")
            }
        }
        #expect(text == full)
    }

    @Test("a long paragraph is rendered from a checkpoint, with or without leading spaces",
          arguments: ["", " ", "  ", "     "])
    func checkpointed(indent: String) {
        let cache = IncrementalMarkdown()
        let text = indent + String(repeating: "alpha bravo charlie ", count: 200)
        #expect(cache.render(text, width: 50) == MarkdownRenderer.render(text, width: 50))
        #expect(cache.isCheckpointed)
    }

    @Test("long lines that open a block are never rendered as a plain paragraph", arguments: [
        "- ", "  - ", "12. ", "   3) ", "# ", "  > ", "```", " ~~~", "* * * ", "      - ",
    ])
    func blocksAreNotParagraphs(opening: String) {
        let cache = IncrementalMarkdown()
        var text = opening
        for i in 0..<700 {
            text += "w\(i) "
            if i % 100 == 99 { #expect(cache.render(text, width: 41) == MarkdownRenderer.render(text, width: 41), "at word \(i)") }
        }
        #expect(!cache.isCheckpointed)
    }

    @Test("many unmatched markers stay linear and literal")
    func unmatchedMarkers() {
        let text = String(repeating: "a _b *c `d ", count: 5000)
        let lines = MarkdownRenderer.render(text, width: 80)
        #expect(lines.count > 100)
        #expect(lines.allSatisfy { line in line.cells.allSatisfy { !$0.attributes.contains(.italic) } })
    }
}

import Testing
@testable import ChunkScopeCore
@testable import ChunkScopeUI

/// A line of megabytes (issue 8 item 8, `mock-huge`) is laid out as a bounded window: the row
/// count, and so each frame's work, does not grow with the line.
@Suite("Giant lines")
struct GiantLineTests {
    static let unit = "All work and no play makes a very long line. "
    static func line(bytes: Int) -> String {
        String(String(repeating: unit, count: bytes / unit.utf8.count + 1).utf8.prefix(bytes))!
    }

    /// Rows a window can take at `width`: both ends wrapped, plus the marker.
    static func bound(width: Int) -> Int { 2 * (GiantLine.shownBytes / (width - 12) + 1) + 1 }

    @Test("the live renderer shows a 4 MiB line as head, marker, tail — whatever its growth")
    func liveWindow() {
        let cache = IncrementalMarkdown()
        let text = Self.line(bytes: 4 << 20) + "END"
        let rows = cache.render(text, width: 80)
        #expect(rows.count <= Self.bound(width: 80))
        let texts = rows.map(\.text)
        #expect(texts.first?.hasPrefix("All work and no play") == true)
        #expect(texts.last?.hasSuffix("END") == true)
        let hidden = text.utf8.count - 2 * GiantLine.shownBytes
        #expect(texts.contains("⋯ \(TranscriptRenderer.grouped(hidden)) of this line's \(TranscriptRenderer.grouped(text.utf8.count)) bytes not shown ⋯"))
        // More text on the same line: the tail follows, the row count stays bounded.
        let grown = cache.render(text + " MORE", width: 80)
        #expect(grown.count <= Self.bound(width: 80))
        #expect(grown.last?.text.hasSuffix("MORE") == true)
        #expect(grown.suffix(2).map(\.text).joined(separator: " ").contains("END MORE"))
        // The same text rendered whole (a finished turn) gives the same rows.
        #expect(MarkdownRenderer.render(text + " MORE", width: 80).map(\.text) == grown.map(\.text))
    }

    @Test("only the giant line is windowed: lines around it keep their markdown")
    func neighbours() {
        let text = "# Title\n" + Self.line(bytes: 1 << 20) + "\nsome **bold** text"
        let rows = MarkdownRenderer.render(text, width: 60)
        #expect(rows.count <= Self.bound(width: 60) + 2)
        #expect(rows.first?.cells.first { $0.text == "T" }?.role == .heading)
        let last = rows.last
        #expect(last?.text == "some bold text")
        #expect(last?.cells.first { $0.text == "b" }?.attributes.contains(.bold) == true)
        // The live renderer, fed the same text, agrees.
        #expect(IncrementalMarkdown().render(text, width: 60).map(\.text) == rows.map(\.text))
    }

    @Test("the window never cuts a multi-byte character")
    func multibyte() {
        let text = String(repeating: "日本語のテキスト ", count: (600 << 10) / 25)
        let rows = MarkdownRenderer.render(text, width: 50)
        #expect(rows.count <= 2 * (GiantLine.shownBytes / 3 * 2 / 40 + 1) + 1)
        #expect(!rows.contains { $0.text.contains("\u{FFFD}") })
    }

    @Test("a line under the threshold is laid out whole")
    func belowThreshold() {
        let text = Self.line(bytes: GiantLine.threshold)
        let rows = MarkdownRenderer.render(text, width: 80)
        #expect(!rows.contains { $0.text.hasPrefix("⋯") })
        #expect(rows.count > Self.bound(width: 80))
    }

    @Test("a tool call's 2 MiB string argument is windowed in its card, growing or finished")
    func toolArgument() {
        var parser = PartialJSONParser()
        parser.feed(#"{"path": "big.txt", "content": ""# + Self.line(bytes: 2 << 20))
        let growing = PartialJSONRenderer.lines(parser.tree(), width: 80, strings: LongStringCache()) ?? []
        #expect(growing.count <= Self.bound(width: 80) + 4)
        #expect(growing.contains { $0.text.contains("bytes not shown ⋯") })
        #expect(growing.last?.text.hasSuffix("…") == true, "an unfinished string ends in …")
        parser.feed(#"", "mode": "0644"}"#)
        let done = PartialJSONRenderer.lines(parser.finish(), width: 80, strings: LongStringCache()) ?? []
        #expect(done.count <= Self.bound(width: 80) + 6)
        let texts = done.map(\.text)
        #expect(texts.first == "{")
        #expect(texts.contains { $0.contains("\"path\": \"big.txt\",") })
        #expect(texts.contains { $0.contains("\"mode\": \"0644\"") })
        if let mode = texts.firstIndex(where: { $0.contains("\"mode\"") }) {
            #expect(texts[mode - 1].hasSuffix("\","), "the content string closes, then its comma")
        }
    }

    @Test("opening a 10 MiB event in the inspector lays out a window of it")
    func inspectorDetail() {
        let raw = Fixtures.chunkJSON(#"{"content":""# + Self.line(bytes: 10 << 20) + #""}"#, finish: "stop")
        let row = InspectorEvent(sequence: 1, time: 0, gap: 0, size: raw.utf8.count, kind: .data, summary: "huge", raw: raw)
        let rows = ChunksRenderer.detailLines(row, width: 100)
        #expect(rows.count <= Self.bound(width: 100) + 12)
        let texts = rows.map(\.text)
        #expect(texts.contains { $0.contains("\"id\": \"chatcmpl-1\"") })
        #expect(texts.contains { $0.hasPrefix("⋯ ") && $0.hasSuffix(" bytes not shown ⋯") })
        #expect(texts.last?.contains("\"finish_reason\":\"stop\"}]}") == true)
    }
}

// How it fits: a streaming message only ever grows. This cache keeps the rendered rows of the
// message's complete lines and, each frame, renders only the lines completed since the last
// frame plus the still-incomplete last line, so the cost per frame is proportional to what
// arrived, not to the message length.

/// Incremental markdown rendering of one growing text.
final class IncrementalMarkdown {
    private var width = -1
    private var consumed = 0
    private var fingerprint: [UInt8] = []
    private var rows: [StyledLine] = []
    private var state = MarkdownBlockState()
    private let role: StyleRole

    /// A cache for text drawn in `role` (`.text` for content; other roles recolour plain text).
    init(role: StyleRole = .text) {
        self.role = role
    }

    /// The rows of `text` at `width`; reuses the rows of lines rendered before.
    func render(_ text: String, width: Int) -> [StyledLine] {
        let utf8 = text.utf8
        if width != self.width || utf8.count < consumed || !prefixMatches(utf8) {
            self.width = width
            consumed = 0
            rows = []
            state = MarkdownBlockState()
            fingerprint = []
        }
        let start = utf8.index(utf8.startIndex, offsetBy: consumed)
        if let newline = utf8[start...].lastIndex(of: 0x0A) {
            let complete = String(text[start..<newline])
            rows += renderLines(complete, state: &state)
            consumed = utf8.distance(from: utf8.startIndex, to: newline) + 1
            let end = utf8.index(after: newline)
            fingerprint = Array(utf8[utf8.index(end, offsetBy: -min(consumed, 32))..<end])
        }
        // The tail (possibly empty: text ending in a line break has an empty last line).
        let tailStart = utf8.index(utf8.startIndex, offsetBy: consumed)
        var tailState = state
        return rows + renderLines(String(text[tailStart...]), state: &tailState)
    }

    private func prefixMatches(_ utf8: String.UTF8View) -> Bool {
        guard consumed > 0 else { return true }
        let end = utf8.index(utf8.startIndex, offsetBy: consumed)
        let begin = utf8.index(end, offsetBy: -fingerprint.count)
        return utf8[begin..<end].elementsEqual(fingerprint)
    }

    private func renderLines(_ text: String, state: inout MarkdownBlockState) -> [StyledLine] {
        let cells = StyledLine.cells(text, role: .text, mode: .multiline)
        var out: [StyledLine] = []
        var lineStart = 0
        for i in 0...cells.count where i == cells.count || cells[i].text == "\n" {
            out += MarkdownRenderer.renderLine(cells[lineStart..<i], state: &state, width: width)
            lineStart = i + 1
        }
        if role != .text {
            for r in out.indices {
                for c in out[r].cells.indices where out[r].cells[c].role == .text { out[r].cells[c].role = role }
            }
        }
        return out
    }
}

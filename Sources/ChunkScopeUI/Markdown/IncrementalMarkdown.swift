// How it fits: a streaming message only ever grows. This cache keeps the rendered rows of the
// message's complete lines and, each frame, renders only the lines completed since the last
// frame plus the still-incomplete last line, so the cost per frame is proportional to what
// arrived, not to the message length.
//
// A very long last line (a model streaming one huge paragraph) is itself rendered in pieces: a
// checkpoint keeps the wrapper and inline-markup state up to a word boundary well behind the end,
// and each frame styles and wraps only the text after it. Markup decisions before the checkpoint
// are frozen (an opener whose closer arrives later stays literal until the line completes, when
// the whole line is rendered exactly). A line over `GiantLine.threshold` bytes is shown windowed
// (its two ends around a marker), so no frame lays out more than that window.

/// Incremental markdown rendering of one growing text.
final class IncrementalMarkdown {
    /// Tail lines shorter than this are simply re-rendered each frame.
    static let checkpointThreshold = 2048
    /// How far behind the end of the tail line the checkpoint stays (room for late closers).
    static let checkpointLag = 512

    private struct Checkpoint {
        var lineStart: Int
        var bytes: Int
        var wrapper: TextWrapper
        var styler: InlineStyler
    }

    private var width = -1
    private var consumed = 0
    /// Bytes from `consumed` up to here are known to hold no line break (a giant last line is not
    /// rescanned every frame).
    private var scannedWithoutBreak = 0
    /// The head rows of a giant last line (see `GiantLine`), by the line's start.
    private var giantHead: (lineStart: Int, rows: [StyledLine])?
    private var fingerprint: [UInt8] = []
    private var rows: [StyledLine] = []
    private var state = MarkdownBlockState()
    private var checkpoint: Checkpoint?
    private let role: StyleRole

    /// Whether the last render drew its long last line from a checkpoint (for tests).
    var isCheckpointed: Bool { checkpoint != nil }

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
            checkpoint = nil
            scannedWithoutBreak = 0
            giantHead = nil
        }
        let start = utf8.index(utf8.startIndex, offsetBy: consumed)
        if let offset = IncrementalMarkdown.lastLineBreak(in: text, from: max(consumed, scannedWithoutBreak)) {
            let newline = utf8.index(utf8.startIndex, offsetBy: offset)
            let complete = String(text[start..<newline])
            rows += recolour(renderLines(complete, state: &state))
            consumed = utf8.distance(from: utf8.startIndex, to: newline) + 1
            let end = utf8.index(after: newline)
            fingerprint = Array(utf8[utf8.index(end, offsetBy: -min(consumed, 32))..<end])
            checkpoint = nil
        }
        scannedWithoutBreak = utf8.count
        // The tail (possibly empty: text ending in a line break has an empty last line).
        let tailStart = utf8.index(utf8.startIndex, offsetBy: consumed)
        let tailBytes = utf8.count - consumed
        if tailBytes > GiantLine.threshold {
            let line = text[tailStart...]
            if giantHead?.lineStart != consumed {
                giantHead = (consumed, GiantLine.headRows(line, width: width, role: .text))
            }
            return rows + recolour(GiantLine.rows(line, width: width, role: .text, headRows: giantHead?.rows))
        }
        if tailBytes >= IncrementalMarkdown.checkpointThreshold,
           let tail = paragraphTail(text, from: tailStart, bytes: tailBytes) {
            return rows + recolour(tail)
        }
        var tailState = state
        return rows + recolour(renderLines(String(text[tailStart...]), state: &tailState))
    }

    /// Renders a long plain-paragraph tail line from the checkpoint; nil when the line is not prose.
    private func paragraphTail(_ text: String, from tailStart: String.Index, bytes: Int) -> [StyledLine]? {
        let utf8 = text.utf8
        if checkpoint == nil || checkpoint!.lineStart != consumed {
            let head = StyledLine.cells(String(text[tailStart...].prefix(64)), role: .text)
            let texts = head.map { $0.role == .escape ? "\u{FFFF}" : $0.text }
            guard MarkdownRenderer.isPlainParagraph(texts, state: state) else { return nil }
            checkpoint = Checkpoint(lineStart: consumed, bytes: 0, wrapper: TextWrapper(width: max(4, width)), styler: InlineStyler())
        }
        var point = checkpoint!
        // Advance the checkpoint to a word boundary (a space before an ASCII letter or digit,
        // never inside a grapheme) at least `checkpointLag` bytes behind the end.
        let target = bytes - IncrementalMarkdown.checkpointLag
        if target > point.bytes {
            var split: Int?
            var index = utf8.index(tailStart, offsetBy: target)
            let floor = utf8.index(tailStart, offsetBy: point.bytes)
            while index > floor {
                let previous = utf8.index(before: index)
                if utf8[previous] == 0x20, isWordStart(utf8[index]) { split = utf8.distance(from: tailStart, to: index); break }
                index = previous
            }
            if let split {
                let from = utf8.index(tailStart, offsetBy: point.bytes)
                let to = utf8.index(tailStart, offsetBy: split)
                let cells = StyledLine.cells(String(text[from..<to]), role: .text)
                point.wrapper.append(contentsOf: point.styler.style(cells, base: .text, baseAttributes: []))
                point.bytes = split
                checkpoint = point
            }
        }
        var wrapper = point.wrapper
        var styler = point.styler
        let rest = StyledLine.cells(String(text[utf8.index(tailStart, offsetBy: point.bytes)...]), role: .text)
        wrapper.append(contentsOf: styler.style(rest, base: .text, baseAttributes: []))
        return wrapper.finished().map { StyledLine(cells: $0) }
    }

    /// The byte offset of the last LF at or after `from`, scanning contiguous bytes when the
    /// string has them (a generic `lastIndex(of:)` over megabytes costs tens of milliseconds).
    static func lastLineBreak(in text: String, from: Int) -> Int? {
        let utf8 = text.utf8
        guard from < utf8.count else { return nil }
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            var i = bytes.count - 1
            while i >= from {
                if bytes[i] == 0x0A { return i }
                i -= 1
            }
            return nil
        }) {
            return found
        }
        let start = utf8.index(utf8.startIndex, offsetBy: from)
        return utf8[start...].lastIndex(of: 0x0A).map { utf8.distance(from: utf8.startIndex, to: $0) }
    }

    private func isWordStart(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private func prefixMatches(_ utf8: String.UTF8View) -> Bool {
        guard consumed > 0 else { return true }
        let end = utf8.index(utf8.startIndex, offsetBy: consumed)
        let begin = utf8.index(end, offsetBy: -fingerprint.count)
        return utf8[begin..<end].elementsEqual(fingerprint)
    }

    private func renderLines(_ text: String, state: inout MarkdownBlockState) -> [StyledLine] {
        if text.utf8.count > GiantLine.threshold {
            return MarkdownRenderer.renderLines(text[...], state: &state, width: width)
        }
        let cells = StyledLine.cells(text, role: .text, mode: .multiline)
        var out: [StyledLine] = []
        var lineStart = 0
        for i in 0...cells.count where i == cells.count || cells[i].text == "\n" {
            out += MarkdownRenderer.renderLine(cells[lineStart..<i], state: &state, width: width)
            lineStart = i + 1
        }
        return out
    }

    private func recolour(_ lines: [StyledLine]) -> [StyledLine] {
        guard role != .text else { return lines }
        var out = lines
        for r in out.indices {
            for c in out[r].cells.indices where out[r].cells[c].role == .text { out[r].cells[c].role = role }
        }
        return out
    }
}

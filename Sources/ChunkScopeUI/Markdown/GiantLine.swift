// How it fits: a model can send one line of megabytes (the `mock-huge` scenario: 10 MiB on a single
// line). Laying it all out would cost seconds and hundreds of MB of cells per width, and the
// streaming tail would be re-laid out from it. The markdown renderers hand any line over
// `threshold` bytes to this window instead: its first and last `shownBytes` are wrapped as plain
// text around one marker row saying how much is not shown, so a frame's work is bounded by the
// window whatever the line's length. `check` and captures keep the whole text.

/// The bounded view of a line too long to lay out whole.
enum GiantLine {
    /// Lines longer than this (UTF-8 bytes) are windowed.
    static let threshold = 256 << 10
    /// How many bytes of a windowed line are shown at each end.
    static let shownBytes = 16 << 10

    /// True when `line` (no line break inside) is windowed.
    static func isGiant(_ line: Substring) -> Bool { line.utf8.count > threshold }

    /// The rows of a windowed line: the head, the marker, the tail (plain text in `role`).
    /// `headRows`, when given, are the head's rows from an earlier call (a growing line's head
    /// does not change).
    static func rows(_ line: Substring, width: Int, role: StyleRole, headRows: [StyledLine]? = nil) -> [StyledLine] {
        let head = head(of: line)
        let tail = line[line.utf8.index(line.utf8.endIndex, offsetBy: -shownBytes)...]
        var rows = headRows ?? self.headRows(line, width: width, role: role)
        rows.append(marker(hidden: line.utf8.distance(from: head.endIndex, to: tail.startIndex), total: line.utf8.count))
        rows += wrap(tail, width: width, role: role)
        return rows
    }

    /// The rows of a windowed line's head.
    static func headRows(_ line: Substring, width: Int, role: StyleRole) -> [StyledLine] {
        wrap(head(of: line), width: width, role: role)
    }

    /// The first `shownBytes` of a line. Slicing rounds to Unicode scalar boundaries, so a
    /// multi-byte character is never cut.
    private static func head(of line: Substring) -> Substring {
        line[..<line.utf8.index(line.utf8.startIndex, offsetBy: shownBytes)]
    }

    /// `⋯ 10,452,992 of this line's 10,485,760 bytes not shown ⋯` (also used for a giant inspector event).
    static func marker(hidden: Int, total: Int) -> StyledLine {
        StyledLine("⋯ \(TranscriptRenderer.grouped(hidden)) of this line's \(TranscriptRenderer.grouped(total)) bytes not shown ⋯",
                   role: .dim, attributes: [.italic])
    }

    private static func wrap(_ text: Substring, width: Int, role: StyleRole) -> [StyledLine] {
        TextWrapper.wrap(StyledLine.cells(String(text), role: role), width: max(4, width)).map { StyledLine(cells: $0) }
    }

    /// The lines of `text` split at LF (a CR before the LF dropped, as the sanitiser does), with
    /// whether each is giant. For texts over `threshold` only: shorter ones cannot hold a giant line.
    static func lines(_ text: Substring) -> [(line: Substring, giant: Bool)] {
        let utf8 = text.utf8
        var breaks: [Int] = []
        let scanned: Void? = utf8.withContiguousStorageIfAvailable { bytes in
            for offset in bytes.indices where bytes[offset] == 0x0A { breaks.append(offset) }
        }
        if scanned == nil {
            for (offset, byte) in utf8.enumerated() where byte == 0x0A { breaks.append(offset) }
        }
        var out: [(Substring, Bool)] = []
        out.reserveCapacity(breaks.count + 1)
        var start = utf8.startIndex
        for offset in breaks {
            let lf = utf8.index(utf8.startIndex, offsetBy: offset)
            var end = lf
            if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            let line = text[start..<end]
            out.append((line, isGiant(line)))
            start = utf8.index(after: lf)
        }
        let last = text[start...]
        out.append((last, isGiant(last)))
        return out
    }
}

// How it fits: `?` / F1 opens this overlay; its rows are generated from the Keymap, so every
// binding the reducer knows is listed and nothing else is.

/// Renders the key-help overlay.
public enum HelpRenderer {
    /// The help content as styled lines at a given inner width.
    public static func lines(_ keymap: Keymap, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let sections = keymap.helpSections()
        let keyWidth = min(24, sections.flatMap(\.rows).map { DisplayWidth.of($0.keys) }.max() ?? 10) + 2
        for (i, section) in sections.enumerated() {
            if i > 0 { out.append(StyledLine()) }
            out.append(StyledLine(section.context.description, role: .heading, attributes: [.bold]))
            for row in section.rows {
                var line = StyledLine(" " + row.keys, role: .accent, attributes: [.bold])
                let pad = max(1, keyWidth + 1 - line.width)
                line.append(String(repeating: " ", count: pad))
                let descriptionCells = StyledLine.cells(row.description, role: .text)
                let wrapped = TextWrapper.wrap(descriptionCells, width: max(8, width - line.width))
                line.cells += wrapped.first ?? []
                out.append(line)
                for continuation in wrapped.dropFirst() {
                    out.append(StyledLine(cells: Array(repeating: Cell(), count: keyWidth + 1) + continuation))
                }
            }
        }
        return out
    }

    /// Draws the overlay box with the key table scrolled to `offset`; returns the content and
    /// viewport heights and the offset drawn.
    @discardableResult
    public static func render(_ keymap: Keymap, offset: Int, into grid: inout Grid, in rect: Rect) -> TranscriptRenderer.Measure {
        grid.fill(rect)
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: "Keys", details: "Esc closes · ↑↓ scroll",
                                       focused: true)
        guard inner.width > 2, inner.height > 0 else { return TranscriptRenderer.Measure(contentHeight: 0, viewportHeight: 0, offset: 0) }
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let all = lines(keymap, width: content.width)
        let top = max(0, min(offset, all.count - content.height))
        for (i, line) in all.dropFirst(top).prefix(content.height).enumerated() {
            grid.draw(line, x: content.x, y: content.y + i, width: content.width)
        }
        PaneChrome.drawScrollbar(into: &grid, box: rect, contentHeight: all.count, viewportHeight: content.height,
                                 offset: top, focused: true)
        return TranscriptRenderer.Measure(contentHeight: all.count, viewportHeight: content.height, offset: top)
    }
}

// How it fits: every boxed pane draws its frame with PaneChrome — border, title, details,
// a scroll thumb on the right edge and an optional label on the bottom edge — and then draws
// its content into the returned inner rectangle.

/// Box frames for panes.
public enum PaneChrome {
    /// Draws a box with `┌ Title details ─┐`; returns the inner rectangle.
    /// The focused pane's border uses `.borderFocused`.
    @discardableResult
    public static func drawBox(into grid: inout Grid, rect: Rect, title: String, details: String = "",
                               focused: Bool, bottomLabel: (text: String, role: StyleRole)? = nil) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let role: StyleRole = focused ? .borderFocused : .border
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        let line = Cell(text: "─", role: role)
        for x in rect.x...right {
            grid.put(line, x: x, y: rect.y, maxX: rect.maxX)
            grid.put(line, x: x, y: bottom, maxX: rect.maxX)
        }
        let side = Cell(text: "│", role: role)
        for y in rect.y...bottom {
            grid.put(side, x: rect.x, y: y, maxX: rect.maxX)
            grid.put(side, x: right, y: y, maxX: rect.maxX)
        }
        grid.put(Cell(text: "┌", role: role), x: rect.x, y: rect.y, maxX: rect.maxX)
        grid.put(Cell(text: "┐", role: role), x: right, y: rect.y, maxX: rect.maxX)
        grid.put(Cell(text: "└", role: role), x: rect.x, y: bottom, maxX: rect.maxX)
        grid.put(Cell(text: "┘", role: role), x: right, y: bottom, maxX: rect.maxX)
        // Title: "┌ Title details ─"
        let titleMax = right - 1
        if rect.width > 4 {
            var x = grid.put(Cell(text: " ", role: role), x: rect.x + 1, y: rect.y, maxX: titleMax)
            x = grid.write(title, x: x, y: rect.y, maxX: titleMax, role: focused ? .borderFocused : .title,
                           attributes: focused ? [.bold] : [])
            if !details.isEmpty, x + 2 < titleMax {
                x = grid.put(Cell(text: " ", role: role), x: x, y: rect.y, maxX: titleMax)
                x = grid.write(details, x: x, y: rect.y, maxX: titleMax, role: .dim)
            }
            if x < titleMax { grid.put(Cell(text: " ", role: role), x: x, y: rect.y, maxX: titleMax) }
            if x >= titleMax { grid.put(Cell(text: "…", role: .dim), x: titleMax - 1, y: rect.y, maxX: titleMax) }
        }
        if let label = bottomLabel, rect.width > 6 {
            let cells = [Cell(text: " ", role: role)] + StyledLine.cells(label.text, role: label.role) + [Cell(text: " ", role: role)]
            let width = cells.reduce(0) { $0 + Int($1.width) }
            let x = max(rect.x + 1, right - 1 - width)
            grid.put(cells, x: x, y: bottom, maxX: right)
        }
        return rect.inset(by: 1)
    }

    /// Draws a scroll thumb on the right border of a box when content overflows the viewport.
    public static func drawScrollbar(into grid: inout Grid, box: Rect, contentHeight: Int, viewportHeight: Int,
                                     offset: Int, focused: Bool) {
        let track = box.height - 2
        guard track >= 1, contentHeight > viewportHeight, viewportHeight > 0 else { return }
        let thumb = max(1, track * viewportHeight / contentHeight)
        let maxOffset = contentHeight - viewportHeight
        let position = maxOffset == 0 ? 0 : (track - thumb) * min(offset, maxOffset) / maxOffset
        let x = box.maxX - 1
        for i in 0..<thumb {
            grid.put(Cell(text: "┃", role: focused ? .borderFocused : .accent), x: x, y: box.y + 1 + position + i, maxX: box.maxX)
        }
    }
}

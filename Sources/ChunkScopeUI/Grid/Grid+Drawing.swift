// How it fits: the drawing primitives every pane renderer uses. All writes are clipped to a
// rectangle, width-aware (a wide grapheme occupies its cell plus a continuation cell) and never
// leave half of a wide grapheme behind when something is drawn over it.

extension Grid {
    /// Writes one grapheme cell at (x, y) if it fits before `maxX`; returns the next column.
    /// A wide cell that does not fit is replaced by a blank of the same role.
    @discardableResult
    public mutating func put(_ cell: Cell, x: Int, y: Int, maxX: Int) -> Int {
        let limit = Swift.min(maxX, width)
        guard y >= 0, y < height, x >= 0, x < limit else { return x + Int(cell.width) }
        let w = Int(cell.width)
        if w >= 2 {
            if x + 1 >= limit {
                setSingle(Cell(text: " ", width: 1, role: cell.role, attributes: cell.attributes), x: x, y: y)
                return x + w
            }
            setSingle(cell, x: x, y: y)
            clearWideRemainder(x: x + 1, y: y)
            self[x + 1, y] = Cell(text: "", width: 0, role: cell.role, attributes: cell.attributes)
            return x + 2
        }
        setSingle(cell, x: x, y: y)
        return x + 1
    }

    /// Writes cells left to right from (x, y), clipped at `maxX`; returns the next column.
    @discardableResult
    public mutating func put(_ cells: [Cell], x: Int, y: Int, maxX: Int) -> Int {
        var column = x
        for cell in cells {
            if column >= maxX { break }
            column = put(cell, x: column, y: y, maxX: maxX)
        }
        return column
    }

    /// Writes untrusted text (sanitised, single-line) in a role; returns the next column.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxX: Int, role: StyleRole = .text,
                               attributes: CellAttributes = []) -> Int {
        put(StyledLine.cells(text, role: role, attributes: attributes), x: x, y: y, maxX: maxX)
    }

    /// Draws a styled line at (x, y) clipped to `width` cells, painting its fill role to the end.
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, width: Int) {
        let end = put(line.cells, x: x, y: y, maxX: x + width)
        if let fill = line.fill, end < x + width {
            for column in end..<(x + width) { put(Cell(role: fill), x: column, y: y, maxX: x + width) }
        }
    }

    /// Fills a rectangle (clipped to the grid) with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let x0 = Swift.max(0, rect.x), x1 = Swift.min(width, rect.maxX)
        let y0 = Swift.max(0, rect.y), y1 = Swift.min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            if x0 > 0, self[x0, y].width == 0 { self[x0 - 1, y] = Cell(role: self[x0 - 1, y].role) }
            if x1 < width, self[x1, y].width == 0 { self[x1, y] = Cell(role: self[x1, y].role) }
            for x in x0..<x1 { self[x, y] = cell }
        }
    }

    /// Sets a 1-wide cell, blanking the other half of any wide grapheme it overwrites.
    private mutating func setSingle(_ cell: Cell, x: Int, y: Int) {
        let old = self[x, y]
        if old.width == 0, x > 0 {
            let left = self[x - 1, y]
            if left.width == 2 { self[x - 1, y] = Cell(role: left.role, attributes: left.attributes) }
        }
        if old.width == 2, cell.width != 2 { clearWideRemainder(x: x + 1, y: y) }
        self[x, y] = cell
    }

    /// Blanks a continuation cell at x (the right half of the wide cell at x-1 being replaced),
    /// and, if x itself starts a wide grapheme, its continuation.
    private mutating func clearWideRemainder(x: Int, y: Int) {
        guard x < width else { return }
        let old = self[x, y]
        if old.width == 0 { self[x, y] = Cell(role: old.role, attributes: old.attributes) }
        if old.width == 2, x + 1 < width, self[x + 1, y].width == 0 {
            let right = self[x + 1, y]
            self[x + 1, y] = Cell(role: right.role, attributes: right.attributes)
        }
    }
}

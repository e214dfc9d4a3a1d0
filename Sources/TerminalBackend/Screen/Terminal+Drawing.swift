import CNcursesw
import ChunkScopeUI

extension Terminal {
    /// Shows `grid`: writes only the cells that differ from the last frame, then flushes once.
    /// `cursor` places a visible cursor (the prompt caret); nil hides it.
    public func draw(_ grid: Grid, cursor: (x: Int, y: Int)? = nil) {
        guard isActive else { return }
        let previous = previousFrame.flatMap { $0.width == grid.width && $0.height == grid.height ? $0 : nil }
        if previous == nil {
            // A new size (or a first frame): the terminal may still show text curses no longer
            // tracks (tmux and xterm keep content on a shrink), so clear it for real, not by diff.
            _ = werase(window)
            _ = clearok(cs_curscr(), true)
        }
        let rows = min(grid.height, height)
        let columns = min(grid.width, width)
        var writes = 0
        let cells = grid.cells
        let previousCells = previous?.cells
        // Neighbouring cells nearly always share a role and attributes: look the style up once per run.
        var lastRole: StyleRole?
        var lastAttributes = CellAttributes()
        var lastStyle: (pair: Int32, attributes: attr_t) = (0, 0)
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: GlyphEncoder.maximumCharacters + 1) { buffer in
            let text = buffer.baseAddress!
            for y in 0..<rows {
                let rowStart = y * grid.width
                for x in 0..<columns {
                    let cell = cells[rowStart + x]
                    if let previousCells, previousCells[rowStart + x] == cell { continue }
                    if cell.width == 0 { continue }
                    if cell.role != lastRole || cell.attributes != lastAttributes {
                        lastStyle = style(of: cell)
                        lastRole = cell.role
                        lastAttributes = cell.attributes
                    }
                    put(cell, style: lastStyle, x: x, y: y, columns: columns, buffer: text)
                    writes += 1
                }
            }
        }
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            _ = curs_set(1)
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            _ = leaveok(window, false)
        } else {
            _ = curs_set(0)
            _ = leaveok(window, true)
        }
        _ = wnoutrefresh(window)
        _ = doupdate()
        previousFrame = grid
        cellsWrittenInLastFrame = writes
    }

    private func put(_ cell: Cell, style: (pair: Int32, attributes: attr_t), x: Int, y: Int, columns: Int,
                     buffer: UnsafeMutablePointer<wchar_t>) {
        let (pair, attributes) = style
        var text = cell.text
        // A wide glyph that would not fit in the last column becomes a blank.
        if cell.width == 2 && x + 1 >= columns { text = " " }
        let cursesWidth = GlyphEncoder.encode(text, into: buffer)
        if cursesWidth == 2 && (cell.width != 2 || x + 1 >= columns) {
            // The grid measured it narrower than curses will draw it: never let it spill over.
            buffer[0] = GlyphEncoder.replacement
            buffer[1] = 0
        }
        _ = cs_put_cell(window, Int32(y), Int32(x), buffer, attributes, pair)
        if cell.width == 2 && cursesWidth == 1 {
            // The grid gave it two cells, curses one: fill the second so both agree on the layout.
            buffer[0] = 0x20
            buffer[1] = 0
            _ = cs_put_cell(window, Int32(y), Int32(x + 1), buffer, attributes, pair)
        }
    }

    /// The text curses holds for row `y` (tests read the screen back with this).
    func rowText(_ y: Int) -> String {
        var buffer = [wchar_t](repeating: 0, count: width + 1)
        let count = cs_read_row(window, Int32(y), 0, &buffer, Int32(width))
        guard count > 0 else { return "" }
        var result = String.UnicodeScalarView()
        for value in buffer.prefix(Int(count)) where value != 0 {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: value)) { result.append(scalar) }
        }
        return String(result)
    }

    /// The curses attributes and colour pair of the cell at (x, y) (for tests).
    func cellStyle(x: Int, y: Int) -> (attributes: attr_t, pair: Int32) {
        var attributes: attr_t = 0
        var pair: Int32 = 0
        _ = cs_cell_style(window, Int32(y), Int32(x), &attributes, &pair)
        return (attributes, pair)
    }
}

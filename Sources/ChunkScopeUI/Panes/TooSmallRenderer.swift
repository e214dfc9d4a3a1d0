/// The screen shown when the terminal is smaller than `Layout.minimumSize`.
public enum TooSmallRenderer {
    /// Draws a centred message naming the current and the needed size.
    public static func render(size: TerminalSize, into grid: inout Grid) {
        grid.fill(grid.bounds)
        let lines = ["Terminal too small", "\(size.width)x\(size.height) — needs \(Layout.minimumSize.width)x\(Layout.minimumSize.height)", "Enlarge the window · q quits"]
        let width = max(1, size.width)
        var rows: [[Cell]] = []
        for (i, text) in lines.enumerated() {
            let role: StyleRole = i == 0 ? .warning : .dim
            rows += TextWrapper.wrap(StyledLine.cells(text, role: role, attributes: i == 0 ? [.bold] : []), width: width)
        }
        let top = max(0, (size.height - rows.count) / 2)
        for (i, row) in rows.enumerated() where top + i < size.height {
            let w = row.reduce(0) { $0 + Int($1.width) }
            grid.put(row, x: max(0, (width - w) / 2), y: top + i, maxX: size.width)
        }
    }
}

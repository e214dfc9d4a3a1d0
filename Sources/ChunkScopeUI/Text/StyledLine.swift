/// One row of styled, sanitised graphemes ready to blit into a grid, plus the role that paints
/// the rest of the row (code blocks fill their background to the pane edge).
public struct StyledLine: Sendable, Hashable {
    /// Graphemes in order; a wide grapheme is one entry of width 2 (no continuation entries).
    public var cells: [Cell]
    /// When set, the row is filled to the pane edge with blanks of this role.
    public var fill: StyleRole?

    /// Creates a line from cells.
    public init(cells: [Cell] = [], fill: StyleRole? = nil) {
        self.cells = cells
        self.fill = fill
    }

    /// A line of untrusted text in one role (sanitised, single-line: breaks become `␊`).
    public init(_ text: String, role: StyleRole = .text, attributes: CellAttributes = [], fill: StyleRole? = nil) {
        self.cells = StyledLine.cells(text, role: role, attributes: attributes, mode: .singleLine)
        self.fill = fill
    }

    /// The display width of the line.
    public var width: Int {
        var total = 0
        for cell in cells { total += Int(cell.width) }
        return total
    }

    /// The plain text of the line (for tests and search).
    public var text: String { cells.map(\.text).joined() }

    /// The line cut to at most `width` cells, ending in `…` when something was cut.
    public func truncated(to width: Int) -> StyledLine {
        guard self.width > width else { return self }
        guard width > 0 else { return StyledLine(cells: [], fill: fill) }
        var out: [Cell] = []
        var used = 0
        for cell in cells {
            if used + Int(cell.width) > width - 1 { break }
            out.append(cell)
            used += Int(cell.width)
        }
        out.append(Cell(text: "…", role: .dim))
        return StyledLine(cells: out, fill: fill)
    }

    /// Appends untrusted text in a role (sanitised; escapes get the `.escape` role).
    public mutating func append(_ text: String, role: StyleRole = .text, attributes: CellAttributes = []) {
        cells.append(contentsOf: StyledLine.cells(text, role: role, attributes: attributes, mode: .singleLine))
    }

    /// Sanitises `text` and splits it into grapheme cells; escape runs get the `.escape` role.
    /// Zero-width clusters with no base are attached to the previous cell (or dropped).
    /// In `.multiline` mode a line break becomes a cell whose text is "\n" (callers split on it).
    public static func cells(_ text: String, role: StyleRole, attributes: CellAttributes = [],
                             mode: Sanitizer.LineMode = .singleLine, startColumn: Int = 0) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(text.utf8.count)
        for run in Sanitizer.runs(text, mode: mode, startColumn: startColumn) {
            let runRole: StyleRole = run.isEscape ? .escape : role
            appendGraphemes(run.text, role: runRole, attributes: attributes, to: &out)
        }
        return out
    }

    /// Appends already-sanitised text as cells.
    static func appendGraphemes(_ text: String, role: StyleRole, attributes: CellAttributes, to out: inout [Cell]) {
        for grapheme in text {
            if grapheme == "\n" {
                out.append(Cell(text: "\n", width: 0, role: role, attributes: attributes))
                continue
            }
            let width = DisplayWidth.of(grapheme)
            if width == 0 {
                if let last = out.indices.last, out[last].text != "\n" {
                    out[last].text.append(grapheme)
                }
                continue
            }
            out.append(Cell(text: String(grapheme), width: UInt8(width), role: role, attributes: attributes))
        }
    }
}

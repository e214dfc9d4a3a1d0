// How it fits: golden tests (here and in the app's tests) compare grids as text. The format is
// the text rows between bars, then for each row the columns where the style (role + attributes)
// changes — readable in a diff, like ratatui's Buffer debug output.

extension Grid {
    /// The rows as plain text (continuation cells skipped, so wide graphemes print once).
    public var textRows: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let cell = self[x, y]
                if cell.width == 0 { continue }
                line += cell.text
            }
            return line
        }
    }

    /// A readable snapshot: `|row|` lines, then `styles:` with `row: col role[+attrs] …` changes.
    public var snapshot: String {
        var out = "size \(width)x\(height)\n"
        for row in textRows { out += "|" + row + "|\n" }
        out += "styles:\n"
        for y in 0..<height {
            var changes: [String] = []
            var previous: (StyleRole, CellAttributes)?
            for x in 0..<width {
                let cell = self[x, y]
                if cell.width == 0 { continue }
                let style = (cell.role, cell.attributes)
                if previous == nil || previous!.0 != style.0 || previous!.1 != style.1 {
                    changes.append("\(x) \(Grid.describe(cell.role, cell.attributes))")
                    previous = style
                }
            }
            out += "\(y): " + changes.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func describe(_ role: StyleRole, _ attributes: CellAttributes) -> String {
        var name = role.rawValue
        let flags: [(CellAttributes, String)] = [(.bold, "b"), (.dim, "d"), (.italic, "i"), (.underline, "u"), (.reverse, "r")]
        let set = flags.filter { attributes.contains($0.0) }.map(\.1).joined()
        if !set.isEmpty { name += "+" + set }
        return name
    }
}

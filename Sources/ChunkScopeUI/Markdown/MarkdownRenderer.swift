// How it fits: the transcript renders assistant text with light markdown. Input is sanitised
// cells (escape runs keep the `.escape` role and are never read as markup); output is wrapped
// StyledLines. Rendering is line by line with a small block state carried across lines, so the
// transcript can cache the rows of complete lines and re-render only a streaming message's last
// (incomplete) line each frame.
//
// Supported: ATX headings, `-`/`*`/`+`/`1.` lists (nested by indent, hanging indent), `>` quotes,
// fenced code blocks (``` and ~~~, on the `.codeBlock` background, hard-wrapped, spaces kept),
// horizontal rules, and inline **bold**, *italic*/_italic_, `code`, [links](url).

/// Light markdown to styled, wrapped rows.
public enum MarkdownRenderer {
    /// Renders a whole text (already sanitised into cells with "\n" cells as line breaks).
    public static func render(_ cells: [Cell], width: Int) -> [StyledLine] {
        var state = MarkdownBlockState()
        var out: [StyledLine] = []
        var start = 0
        for i in 0...cells.count where i == cells.count || cells[i].text == "\n" {
            out += renderLine(cells[start..<i], state: &state, width: width)
            start = i + 1
        }
        return out
    }

    /// Renders untrusted text (sanitises it first) in `role`.
    public static func render(_ text: String, width: Int, role: StyleRole = .text, attributes: CellAttributes = []) -> [StyledLine] {
        guard text.utf8.count > GiantLine.threshold else {
            return render(StyledLine.cells(text, role: role, attributes: attributes, mode: .multiline), width: width)
        }
        var state = MarkdownBlockState()
        return renderLines(text[...], state: &state, width: width, role: role, attributes: attributes)
    }

    /// Renders a text line by line, windowing giant lines (see `GiantLine`): a long text costs
    /// O(length) to split, and at most `GiantLine.threshold` bytes of layout per line.
    static func renderLines(_ text: Substring, state: inout MarkdownBlockState, width: Int, role: StyleRole = .text,
                            attributes: CellAttributes = []) -> [StyledLine] {
        var out: [StyledLine] = []
        for (line, giant) in GiantLine.lines(text) {
            if giant {
                out += GiantLine.rows(line, width: width, role: role)
            } else {
                let cells = StyledLine.cells(String(line), role: role, attributes: attributes, mode: .multiline)
                out += renderLine(cells[...], state: &state, width: width)
            }
        }
        return out
    }

    /// Renders one source line (no line break inside), updating the block state.
    public static func renderLine(_ line: ArraySlice<Cell>, state: inout MarkdownBlockState, width: Int) -> [StyledLine] {
        let width = max(4, width)
        let texts = line.map { $0.role == .escape ? "\u{FFFF}" : $0.text }
        let indent = texts.prefix(while: { $0 == " " }).count
        let body = line.dropFirst(indent)
        let bodyTexts = Array(texts.dropFirst(indent))

        if let fence = state.fence {
            if indent < 4, starts(bodyTexts, with: fence) {
                state.fence = nil
                return []
            }
            return codeRows(line, width: width)
        }
        if indent < 4, let marker = fenceMarker(bodyTexts) {
            state.fence = marker
            let label = bodyTexts.dropFirst(marker.count).joined().trimmingCharacters(in: " ")
            var row = StyledLine(cells: [Cell(text: " ", role: .codeBlock)], fill: .codeBlock)
            if !label.isEmpty { row.cells += StyledLine.cells(label, role: .codeBlock, attributes: [.dim, .italic]) }
            return [row]
        }
        if bodyTexts.isEmpty { return [StyledLine()] }
        // Horizontal rule.
        let compact = bodyTexts.filter { $0 != " " }
        if indent < 4, compact.count >= 3, let first = compact.first, ["-", "*", "_"].contains(first), compact.allSatisfy({ $0 == first }) {
            return [StyledLine(cells: Array(repeating: Cell(text: "─", role: .dim), count: width))]
        }
        // Heading.
        let hashes = bodyTexts.prefix(while: { $0 == "#" }).count
        if indent < 4, (1...6).contains(hashes), bodyTexts.count == hashes || bodyTexts[hashes] == " " {
            var content = Array(body.dropFirst(min(bodyTexts.count, hashes + 1)))
            while content.last?.text == "#" || content.last?.text == " " { content.removeLast() }
            let styled = inline(content[...], base: .heading, baseAttributes: hashes <= 2 ? [.bold, .underline] : [.bold])
            return TextWrapper.wrap(styled, width: width).map { StyledLine(cells: $0) }
        }
        // Block quote.
        if indent < 4, bodyTexts.first == ">" {
            let rest = body.dropFirst(bodyTexts.count > 1 && bodyTexts[1] == " " ? 2 : 1)
            let bar = [Cell(text: "│", role: .dim), Cell(text: " ", role: .dim)]
            let styled = inline(rest, base: .text, baseAttributes: [.italic])
            return TextWrapper.wrap(styled, width: width, firstIndent: bar, continuationIndent: bar).map { StyledLine(cells: $0) }
        }
        // List item.
        if let (markerLength, bullet) = listMarker(bodyTexts) {
            let level = min(indent / 2, 6)
            let lead = Array(repeating: Cell(), count: level * 2)
            let bulletCells = StyledLine.cells(bullet, role: .accent) + [Cell()]
            let hanging = lead + Array(repeating: Cell(), count: bulletCells.count)
            let styled = inline(body.dropFirst(markerLength + 1), base: .text, baseAttributes: [])
            return TextWrapper.wrap(styled, width: width, firstIndent: lead + bulletCells, continuationIndent: hanging).map { StyledLine(cells: $0) }
        }
        // Indented code (4 spaces) is rare in chat replies: keep the spaces, wrap as prose.
        let styled = inline(line, base: .text, baseAttributes: [])
        return TextWrapper.wrap(styled, width: width).map { StyledLine(cells: $0) }
    }

    /// Code block rows: one space of padding, hard-wrapped, spaces preserved, background filled.
    static func codeRows(_ line: ArraySlice<Cell>, width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        var row: [Cell] = [Cell(text: " ", role: .codeBlock)]
        var rowWidth = 1
        for var cell in line {
            if cell.role != .escape { cell.role = .codeBlock; cell.attributes = [] }
            if rowWidth + Int(cell.width) > width {
                rows.append(StyledLine(cells: row, fill: .codeBlock))
                row = [Cell(text: " ", role: .codeBlock)]
                rowWidth = 1
            }
            row.append(cell)
            rowWidth += Int(cell.width)
        }
        rows.append(StyledLine(cells: row, fill: .codeBlock))
        return rows
    }

    static func starts(_ texts: [String], with marker: String) -> Bool {
        let m = Array(marker).map(String.init)
        return texts.count >= m.count && Array(texts.prefix(m.count)) == m
    }

    /// The fence string when the line opens a code block.
    static func fenceMarker(_ texts: [String]) -> String? {
        for char in ["`", "~"] {
            let run = texts.prefix(while: { $0 == char }).count
            if run >= 3 {
                // An info string may not contain backticks for ``` fences.
                if char == "`", texts.dropFirst(run).contains("`") { return nil }
                return String(repeating: char, count: run)
            }
        }
        return nil
    }

    /// The marker length and the bullet to draw for a list item line.
    static func listMarker(_ texts: [String]) -> (Int, String)? {
        guard texts.count >= 2 else { return nil }
        if ["-", "*", "+"].contains(texts[0]), texts[1] == " " { return (1, "•") }
        let digits = texts.prefix(while: { $0.count == 1 && ("0"..."9").contains($0) }).count
        if (1...9).contains(digits), texts.count > digits + 1, texts[digits] == "." || texts[digits] == ")", texts[digits + 1] == " " {
            return (digits + 1, texts.prefix(digits + 1).joined())
        }
        return nil
    }

    /// Applies inline markup (`**`, `*`, `_`, `` ` ``, backslash escapes) to cells, removing the markers.
    public static func inline(_ cells: ArraySlice<Cell>, base: StyleRole, baseAttributes: CellAttributes) -> [Cell] {
        var state = InlineStyler()
        return state.style(Array(cells), base: base, baseAttributes: baseAttributes)
    }

    /// Whether the line is plain prose (no block markup at its start), given its first cells
    /// (at least the first 64, or the whole line). `renderLine` draws such a line, leading spaces
    /// included, as one inline-styled, word-wrapped paragraph. Conservative: any line whose text
    /// after its indent starts like a block (heading, quote, fence, list item, rule) is not prose.
    static func isPlainParagraph(_ texts: [String], state: MarkdownBlockState) -> Bool {
        guard state.fence == nil else { return false }
        let indent = texts.prefix(while: { $0 == " " }).count
        // The body's first cells must be known to decide (a list marker is up to 11 cells).
        guard indent + 12 <= texts.count else { return false }
        let body = Array(texts.dropFirst(indent))
        guard let first = body.first else { return false }
        if first == "#" || first == ">" || first == "`" || first == "~" { return false }
        if listMarker(body) != nil { return false }
        let compact = body.prefix(8).filter { $0 != " " }
        if let f = compact.first, ["-", "*", "_"].contains(f), compact.allSatisfy({ $0 == f }) { return false }
        return true
    }
}


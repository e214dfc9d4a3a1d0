/// Inline markup state, carried across calls so a long line can be styled in pieces. Linear time:
/// the closers that follow each position are found by one backward pass, not by rescanning.
struct InlineStyler: Sendable, Hashable {
    var bold = false
    var italic = false
    var code = false
    var italicMarker = ""

    /// Styles `items` (one piece of a line, continuing from the state), removing markers.
    /// Openers only count when a closer follows within `items`.
    mutating func style(_ items: [Cell], base: StyleRole, baseAttributes: CellAttributes) -> [Cell] {
        var out: [Cell] = []
        out.reserveCapacity(items.count)
        let n = items.count
        func text(_ k: Int) -> String { k < 0 || k >= n ? " " : (items[k].role == .escape ? "\u{FFFF}" : items[k].text) }
        func isSpace(_ s: String) -> Bool { s == " " }
        func isWordChar(_ s: String) -> Bool { s.first.map { $0.isLetter || $0.isNumber } ?? false }
        // Last index of a possible closer for each marker (a marker preceded by a non-space).
        var lastDouble: [String: Int] = [:], lastSingle: [String: Int] = [:]
        var lastBacktick = -1
        var k = n - 1
        while k >= 0 {
            let t = text(k)
            if t == "`", lastBacktick < 0 { lastBacktick = k }
            if t == "*" || t == "_" {
                if lastSingle[t] == nil, k > 0, !isSpace(text(k - 1)) { lastSingle[t] = k }
                if lastDouble[t] == nil, k + 1 < n, text(k + 1) == t, k > 0, !isSpace(text(k - 1)) { lastDouble[t] = k }
            }
            k -= 1
        }
        var i = 0
        while i < n {
            var cell = items[i]
            if cell.role == .escape { out.append(cell); i += 1; continue }
            let t = cell.text
            if code {
                if t == "`" { code = false; i += 1; continue }
                cell.role = .code
                cell.attributes = []
                out.append(cell)
                i += 1
                continue
            }
            if t == "\\", i + 1 < n, "*_`\\#[]-".contains(text(i + 1)) {
                var next = items[i + 1]
                next.role = base
                next.attributes = baseAttributes.union(bold ? [.bold] : []).union(italic ? [.italic] : [])
                out.append(next)
                i += 2
                continue
            }
            if t == "[", let link = InlineStyler.link(items, at: i) {
                // [text](url): the text in the link role, then the URL dimmed (terminals cannot click it).
                let attributes = baseAttributes.union(bold ? [.bold] : []).union(italic ? [.italic] : [])
                for k in (i + 1)..<link.textEnd {
                    var c = items[k]
                    if c.role != .escape { c.role = .link; c.attributes = attributes }
                    out.append(c)
                }
                let label = items[(i + 1)..<link.textEnd].map(\.text).joined()
                let url = items[(link.textEnd + 2)..<link.urlEnd].map(\.text).joined()
                if label != url {
                    out.append(Cell(text: " ", role: .dim))
                    for k in (link.textEnd + 2)..<link.urlEnd {
                        var c = items[k]
                        if c.role != .escape { c.role = .dim; c.attributes = [] }
                        out.append(c)
                    }
                }
                i = link.urlEnd + 1
                continue
            }
            if t == "`", lastBacktick > i {
                code = true
                i += 1
                continue
            }
            if t == "*" || t == "_", text(i + 1) == t {
                let before = text(i - 1), after = text(i + 2)
                if !bold, !isSpace(after), !(t == "_" && isWordChar(before)), (lastDouble[t] ?? -1) > i + 2 {
                    bold = true; i += 2; continue
                }
                if bold, !isSpace(before), !(t == "_" && isWordChar(after)) {
                    bold = false; i += 2; continue
                }
            } else if t == "*" || t == "_" {
                let before = text(i - 1), after = text(i + 1)
                if !italic, !isSpace(after), !isWordChar(before), (lastSingle[t] ?? -1) > i + 1 {
                    italic = true; italicMarker = t; i += 1; continue
                }
                if italic, t == italicMarker, !isSpace(before), !isWordChar(after) {
                    italic = false; i += 1; continue
                }
            }
            cell.role = base
            cell.attributes = baseAttributes.union(bold ? [.bold] : []).union(italic ? [.italic] : [])
            out.append(cell)
            i += 1
        }
        return out
    }

    /// The end of the text (`]`) and of the URL (`)`) of a `[text](url)` link starting at `start`.
    /// Bounded look-ahead (link text ≤ 300 cells, URL ≤ 2000 cells without spaces) keeps it linear.
    static func link(_ items: [Cell], at start: Int) -> (textEnd: Int, urlEnd: Int)? {
        let n = items.count
        var j = start + 1
        while j < min(n, start + 300), items[j].text != "]" || items[j].role == .escape {
            if items[j].text == "[" { return nil }
            j += 1
        }
        guard j > start + 1, j + 2 < n, items[j].text == "]", items[j + 1].text == "(" else { return nil }
        var k = j + 2
        while k < min(n, j + 2002) {
            let t = items[k].text
            if t == ")" { return k > j + 2 ? (j, k) : nil }
            if t == " " || items[k].role == .escape { return nil }
            k += 1
        }
        return nil
    }
}

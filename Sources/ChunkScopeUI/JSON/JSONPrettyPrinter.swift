// How it fits: the tool-call cards and the inspector's expanded rows show JSON as an indented,
// coloured tree. Arguments arrive in fragments, so this works on the *text* with a tolerant
// tokenizer: partial input (an unterminated string, a missing closing bracket) prints as far as
// it goes, and invalid input still prints, with the offending characters in the `.error` role.
// Strings are shown as they appear on the wire (escapes kept); raw control characters go
// through the sanitiser like any other network text.

/// Pretty-prints possibly partial or invalid JSON text into styled rows.
public enum JSONPrettyPrinter {
    enum Token {
        case punctuation(Character)
        case string(String, terminated: Bool)
        case number(String)
        case literal(String)
        case invalid(String)
    }

    /// Pretty rows of `text` at `width` columns (long strings wrap under their value).
    public static func lines(_ text: String, width: Int, indentWidth: Int = 2) -> [StyledLine] {
        let width = max(8, width)
        var rows: [StyledLine] = []
        var current: [Cell] = []
        var depth = 0
        var stack: [Character] = []
        var expectingKey = false
        var afterColon = false
        let tokens = tokenize(text)

        func indentCells(_ level: Int) -> [Cell] { Array(repeating: Cell(), count: min(level * indentWidth, width / 2)) }
        func flush() {
            if !current.isEmpty { rows.append(StyledLine(cells: current)) }
            current = []
        }
        func newLine() {
            flush()
            current = indentCells(depth)
        }
        func append(_ cells: [Cell]) {
            // Wrap long values under themselves.
            let used = current.reduce(0) { $0 + Int($1.width) }
            if used + cells.reduce(0, { $0 + Int($1.width) }) <= width {
                current += cells
                return
            }
            let hang = indentCells(depth + 1)
            var wrapper = TextWrapper(width: width, firstIndent: current, continuationIndent: hang)
            for cell in cells { wrapper.append(cell) }
            let wrapped = wrapper.finished()
            for row in wrapped.dropLast() { rows.append(StyledLine(cells: row)) }
            current = wrapped.last ?? []
        }

        for (index, token) in tokens.enumerated() {
            let nextIsClose: Bool = {
                if index + 1 < tokens.count, case .punctuation(let c) = tokens[index + 1], c == "}" || c == "]" { return true }
                return false
            }()
            switch token {
            case .punctuation(let c):
                switch c {
                case "{", "[":
                    if !afterColon, !current.allSatisfy({ $0.text == " " }) { newLine() }
                    if current.isEmpty { current = indentCells(depth) }
                    append([Cell(text: String(c), role: .jsonPunctuation)])
                    stack.append(c)
                    depth += 1
                    expectingKey = c == "{"
                    afterColon = false
                    if nextIsClose { continue }
                    newLine()
                case "}", "]":
                    let wasEmpty: Bool = {
                        if index > 0, case .punctuation(let p) = tokens[index - 1], p == "{" || p == "[" { return true }
                        return false
                    }()
                    if !stack.isEmpty { stack.removeLast() }
                    depth = max(0, depth - 1)
                    if !wasEmpty { newLine() }
                    append([Cell(text: String(c), role: .jsonPunctuation)])
                    expectingKey = false
                    afterColon = false
                case ",":
                    append([Cell(text: ",", role: .jsonPunctuation)])
                    expectingKey = stack.last == "{"
                    afterColon = false
                    newLine()
                case ":":
                    append([Cell(text: ":", role: .jsonPunctuation), Cell()])
                    expectingKey = false
                    afterColon = true
                default:
                    append([Cell(text: String(c), role: .error)])
                }
            case .string(let s, let terminated):
                if current.isEmpty { current = indentCells(depth) }
                let role: StyleRole = expectingKey ? .jsonKey : .jsonString
                var cells = StyledLine.cells(s, role: role)
                if !terminated { cells.append(Cell(text: "…", role: .dim)) }
                append(cells)
                afterColon = false
            case .number(let n):
                if current.isEmpty { current = indentCells(depth) }
                append(StyledLine.cells(n, role: .jsonNumber))
                afterColon = false
            case .literal(let l):
                if current.isEmpty { current = indentCells(depth) }
                append(StyledLine.cells(l, role: .jsonLiteral))
                afterColon = false
            case .invalid(let junk):
                if current.isEmpty { current = indentCells(depth) }
                append(StyledLine.cells(junk, role: .error))
                afterColon = false
            }
        }
        flush()
        return rows
    }

    /// Splits JSON text into tokens; never fails (unknown characters become `.invalid`).
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            switch c {
            case " ", "\t", "\n", "\r":
                i += 1
            case "{", "}", "[", "]", ",", ":":
                tokens.append(.punctuation(Character(c)))
                i += 1
            case "\"":
                var j = i + 1
                var terminated = false
                while j < scalars.count {
                    if scalars[j] == "\\" { j += 2; continue }
                    if scalars[j] == "\"" { terminated = true; j += 1; break }
                    j += 1
                }
                j = min(j, scalars.count)
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[i..<j])
                tokens.append(.string(String(s), terminated: terminated))
                i = j
            case "-", "0"..."9":
                var j = i + 1
                while j < scalars.count, "0123456789+-.eE".unicodeScalars.contains(scalars[j]) { j += 1 }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[i..<j])
                tokens.append(.number(String(s)))
                i = j
            default:
                var j = i
                while j < scalars.count, (scalars[j].properties.isAlphabetic || scalars[j].value >= 0x80 || "_$".unicodeScalars.contains(scalars[j]))
                    && !"{}[],:\" \n\t\r".unicodeScalars.contains(scalars[j]) { j += 1 }
                if j == i { j = i + 1 }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[i..<j])
                let word = String(s)
                let isLiteral = ["true", "false", "null"].contains(where: { $0.hasPrefix(word) }) && word.allSatisfy(\.isLetter)
                tokens.append(isLiteral ? .literal(word) : .invalid(word))
                i = j
            }
        }
        return tokens
    }
}

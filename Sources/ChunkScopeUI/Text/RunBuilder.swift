/// Accumulates runs, merging neighbours of the same kind and tracking the column for tab stops.
struct RunBuilder {
    let tabWidth: Int
    var column: Int
    var runs: [SanitizedRun] = []
    var current = ""
    var currentIsEscape = false
    /// Text of the current line not yet measured into `column`.
    var unmeasured = ""

    init(tabWidth: Int, column: Int) {
        self.tabWidth = tabWidth
        self.column = column
    }

    mutating func text(_ text: String) {
        switchKind(escape: false)
        current += text
        unmeasured += text
    }

    mutating func escape(_ text: String) {
        switchKind(escape: true)
        current += text
        unmeasured += text
    }

    mutating func newline() {
        switchKind(escape: false)
        current += "\n"
        unmeasured = ""
        column = 0
    }

    mutating func tab() {
        column += DisplayWidth.of(unmeasured)
        unmeasured = ""
        let spaces = tabWidth - (column % tabWidth)
        switchKind(escape: false)
        current += String(repeating: " ", count: spaces)
        column += spaces
    }

    private mutating func switchKind(escape: Bool) {
        if escape != currentIsEscape {
            if !current.isEmpty { runs.append(SanitizedRun(current, isEscape: currentIsEscape)) }
            current = ""
            currentIsEscape = escape
        }
    }

    mutating func finish() -> [SanitizedRun] {
        if !current.isEmpty { runs.append(SanitizedRun(current, isEscape: currentIsEscape)) }
        return runs
    }
}

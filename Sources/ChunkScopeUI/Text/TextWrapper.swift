// How it fits: the transcript, tool-call and JSON renderers turn logical lines into rows with
// TextWrapper. It is a resumable greedy word wrapper: feeding cells one by one and reading the
// rows gives the same result as wrapping the whole line, so a streaming tail can be wrapped
// incrementally (keep the wrapper value, feed only the new cells).

/// Greedy word wrapping by display width. Breaks at spaces and around wide (CJK) graphemes;
/// words longer than a row are hard-broken; a grapheme is never split and a wide grapheme never
/// starts in the last column of a row when it does not fit.
public struct TextWrapper: Sendable {
    /// The row width in cells (at least 1).
    public let width: Int
    /// Cells that start every continuation row (hanging indent for list items, quotes).
    public let continuationIndent: [Cell]
    /// Finished rows.
    public private(set) var rows: [[Cell]] = []
    private var row: [Cell]
    private var rowWidth: Int
    private var rowStartWidth: Int
    private var word: [Cell] = []
    private var wordWidth = 0
    private var hardBreaking = false
    private let indentWidth: Int

    /// A wrapper whose first row starts with `firstIndent` and later rows with `continuationIndent`.
    public init(width: Int, firstIndent: [Cell] = [], continuationIndent: [Cell] = []) {
        self.width = max(1, width)
        self.continuationIndent = continuationIndent
        self.indentWidth = continuationIndent.reduce(0) { $0 + Int($1.width) }
        self.row = firstIndent
        self.rowWidth = firstIndent.reduce(0) { $0 + Int($1.width) }
        self.rowStartWidth = rowWidth
    }

    /// Wraps one logical line (no line breaks inside) into rows.
    public static func wrap(_ cells: [Cell], width: Int, firstIndent: [Cell] = [], continuationIndent: [Cell] = []) -> [[Cell]] {
        var wrapper = TextWrapper(width: width, firstIndent: firstIndent, continuationIndent: continuationIndent)
        wrapper.append(contentsOf: cells)
        return wrapper.finished()
    }

    /// Feeds cells.
    public mutating func append(contentsOf cells: some Sequence<Cell>) {
        for cell in cells { append(cell) }
    }

    /// Feeds one cell.
    public mutating func append(_ cell: Cell) {
        if cell.text == " " {
            placeWord()
            hardBreaking = false
            if rowWidth + 1 <= width {
                if rowWidth > rowStartWidth || rows.isEmpty { // no leading space on continuation rows
                    row.append(cell)
                    rowWidth += 1
                }
            } else {
                newRow()
            }
            return
        }
        if cell.width >= 2 {
            placeWord()
            hardBreaking = false
            word = [cell]
            wordWidth = Int(cell.width)
            placeWord()
            return
        }
        if hardBreaking {
            placeCellBreaking(cell)
            return
        }
        word.append(cell)
        wordWidth += Int(cell.width)
        if indentWidth + wordWidth > width {
            // The word can never fit a row: break it here and keep streaming into rows.
            hardBreaking = true
            let pending = word
            word = []
            wordWidth = 0
            if rowWidth > rowStartWidth, rowWidth + 1 > width { newRow() }
            for c in pending { placeCellBreaking(c) }
        }
    }

    /// The rows so far including the unfinished one (the wrapper stays usable).
    public func finished() -> [[Cell]] {
        var copy = self
        copy.placeWord()
        var out = copy.rows
        out.append(copy.row)
        return out
    }

    private mutating func placeCellBreaking(_ cell: Cell) {
        if rowWidth + Int(cell.width) > width, rowWidth > rowStartWidth {
            newRow()
        }
        row.append(cell)
        rowWidth += Int(cell.width)
    }

    private mutating func placeWord() {
        guard !word.isEmpty else { return }
        if rowWidth + wordWidth <= width {
            row.append(contentsOf: word)
            rowWidth += wordWidth
        } else if indentWidth + wordWidth <= width {
            // Drop trailing spaces of the row being closed.
            while let last = row.last, last.text == " ", rowWidth > rowStartWidth {
                row.removeLast()
                rowWidth -= 1
            }
            newRow()
            row.append(contentsOf: word)
            rowWidth += wordWidth
        } else {
            for c in word { placeCellBreaking(c) }
        }
        word = []
        wordWidth = 0
    }

    private mutating func newRow() {
        rows.append(row)
        row = continuationIndent
        rowWidth = indentWidth
        rowStartWidth = indentWidth
    }
}

// How it fits: the prompt box's text model. DashboardState routes editor keys here; the prompt
// renderer draws `text` hard-wrapped with the cursor; Enter takes the text out as the next
// user turn (and into history, recalled with Ctrl-P/Ctrl-N or Up/Down at the edges).

/// A multi-line text buffer with a grapheme cursor and prompt history.
public struct PromptEditor: Sendable, Hashable {
    /// The text as graphemes.
    public private(set) var characters: [Character] = []
    /// The cursor position: an index into `characters` (0…count).
    public private(set) var cursor = 0
    /// Sent prompts, oldest first.
    public private(set) var history: [String] = []
    private var historyIndex: Int?
    private var draft: [Character] = []

    /// An empty editor.
    public init() {}

    /// An editor holding `text` with the cursor at the end.
    public init(text: String) {
        insert(text)
    }

    /// The text.
    public var text: String { String(characters) }
    /// True when there is no text.
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts typed or pasted text at the cursor. CRLF/CR become LF, tabs 4 spaces; other control
    /// characters, escape sequences and bidi controls are dropped (a paste cannot smuggle them in).
    public mutating func insert(_ text: String) {
        enum Skip { case none, escape, csi, string, stringEscape }
        var cleaned: [Character] = []
        var skip = Skip.none
        for c in text {
            let v = c.unicodeScalars.first!.value
            switch skip {
            case .none: break
            case .escape:
                // ESC [ → CSI; ESC ] P X ^ _ → a string up to BEL/ST; any other: a two-byte sequence.
                skip = c == "[" ? .csi : ("]PX^_".contains(c) ? .string : .none)
                continue
            case .csi:
                if (0x40...0x7E).contains(v) { skip = .none }
                continue
            case .string:
                if v == 0x07 || v == 0x9C { skip = .none } else if v == 0x1B { skip = .stringEscape }
                continue
            case .stringEscape:
                skip = .none
                continue
            }
            if c == "\r\n" || c == "\r" || c == "\n" { cleaned.append("\n"); continue }
            if c == "\t" { cleaned.append(contentsOf: "    "); continue }
            if v == 0x1B { skip = .escape; continue }
            if v == 0x9B { skip = .csi; continue }
            if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || Sanitizer.isDangerousFormat(v) { continue }
            cleaned.append(c)
        }
        characters.insert(contentsOf: cleaned, at: cursor)
        cursor += cleaned.count
        historyIndex = nil
    }

    /// Inserts a line break at the cursor.
    public mutating func insertNewline() {
        characters.insert("\n", at: cursor)
        cursor += 1
    }

    /// Moves the cursor one grapheme left.
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    /// Moves the cursor one grapheme right.
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    /// Moves the cursor to the start of its line.
    public mutating func moveToLineStart() { cursor = lineStart(of: cursor) }
    /// Moves the cursor to the end of its line.
    public mutating func moveToLineEnd() { cursor = lineEnd(of: cursor) }

    /// Moves up a line keeping the column; returns false when already on the first line.
    @discardableResult
    public mutating func moveUp() -> Bool {
        let start = lineStart(of: cursor)
        guard start > 0 else { return false }
        let column = cursor - start
        let previousStart = lineStart(of: start - 1)
        cursor = min(previousStart + column, start - 1)
        return true
    }

    /// Moves down a line keeping the column; returns false when already on the last line.
    @discardableResult
    public mutating func moveDown() -> Bool {
        let end = lineEnd(of: cursor)
        guard end < characters.count else { return false }
        let column = cursor - lineStart(of: cursor)
        let nextStart = end + 1
        cursor = min(nextStart + column, lineEnd(of: nextStart))
        return true
    }

    /// Deletes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme after the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    public mutating func deleteToLineStart() {
        let start = lineStart(of: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    public mutating func deleteToLineEnd() {
        let end = lineEnd(of: cursor)
        if end == cursor, end < characters.count {
            characters.remove(at: cursor) // at the end of a line: join with the next
        } else {
            characters.removeSubrange(cursor..<end)
        }
    }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " ", characters[start - 1] != "\n" { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Replaces the text (history kept), cursor at the end: a prompt or tool output to edit.
    public mutating func replaceText(_ text: String) {
        characters = []
        cursor = 0
        historyIndex = nil
        insert(text)
    }

    /// Takes the text out for sending: clears the editor and records it in history.
    public mutating func take() -> String {
        let out = text
        if !out.isEmpty, history.last != out { history.append(out) }
        characters = []
        cursor = 0
        historyIndex = nil
        return out
    }

    /// Shows the previous prompt from history (keeping the unsent draft).
    public mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        let next: Int
        if let i = historyIndex { next = max(0, i - 1) } else { draft = characters; next = history.count - 1 }
        historyIndex = next
        characters = Array(history[next])
        cursor = characters.count
    }

    /// Shows the next prompt from history, then the unsent draft.
    public mutating func historyNext() {
        guard let i = historyIndex else { return }
        if i + 1 < history.count {
            historyIndex = i + 1
            characters = Array(history[i + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    func lineStart(of index: Int) -> Int {
        var i = index
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    func lineEnd(of index: Int) -> Int {
        var i = index
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }
}

// How it fits: draws the prompt editor box at the bottom of the screen: `> ` then the text,
// hard-wrapped by display width (a grapheme is never split), with the cursor cell reversed and
// its screen position reported so the backend can also place the terminal cursor there.

import ChunkScopeCore

/// Renders the prompt editor.
public enum PromptRenderer {
    /// The prefix of the first row.
    static let prompt = "> "

    /// Visual rows of the editor text at `width` text columns, and the cursor's row/column.
    static func layout(_ editor: PromptEditor, width: Int) -> (rows: [[Cell]], cursorRow: Int, cursorColumn: Int) {
        let width = max(2, width)
        var rows: [[Cell]] = [[]]
        var rowWidth = 0
        var cursorRow = 0, cursorColumn = 0
        for (i, c) in editor.characters.enumerated() {
            if i == editor.cursor {
                if rowWidth >= width { rows.append([]); rowWidth = 0 }
                cursorRow = rows.count - 1
                cursorColumn = rowWidth
            }
            if c == "\n" {
                rows.append([])
                rowWidth = 0
                continue
            }
            var cells: [Cell] = []
            StyledLine.appendGraphemes(String(c), role: .text, attributes: [], to: &cells)
            guard let cell = cells.first else { continue }
            if rowWidth + Int(cell.width) > width {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append(cell)
            rowWidth += Int(cell.width)
        }
        if editor.cursor >= editor.characters.count {
            if rowWidth >= width { rows.append([]); rowWidth = 0 }
            cursorRow = rows.count - 1
            cursorColumn = rowWidth
        }
        return (rows, cursorRow, cursorColumn)
    }

    /// How many text rows the editor needs inside a box `boxWidth` wide (for the layout).
    public static func visualLineCount(_ editor: PromptEditor, boxWidth: Int) -> Int {
        if editor.isEmpty { return 1 }
        return layout(editor, width: boxWidth - 2 - prompt.count).rows.count
    }

    /// What the box asks for: a message, or the result of a tool call.
    public struct Request: Sendable, Equatable {
        /// The box title.
        public var title: String
        /// The dim line shown while the editor is empty and focused.
        public var placeholder: String

        /// A user message.
        public static let message = Request(title: "Prompt", placeholder: "Type a message · Enter sends · Alt-Enter or Ctrl-J new line")

        /// The result of `call` (`position` of `count`); `command` is the tool's command line, if it has one.
        /// `runKeys` are the keys that run the command.
        public static func toolResult(_ call: ToolCallRecord, position: Int, count: Int, command: String?, running: Bool,
                                      runKeys: String) -> Request {
            let title = "Tool result \(position)/\(count) · " + Sanitizer.plain(call.name)
            if running { return Request(title: title, placeholder: "Running `\(Sanitizer.plain(command ?? ""))`…") }
            let run = command.map { " · \(runKeys) runs `\(Sanitizer.plain($0))`" } ?? ""
            return Request(title: title, placeholder: "Type the result (text or JSON) · @path reads a file" + run)
        }
    }

    /// Draws the boxed editor; returns the cursor's screen position when focused.
    @discardableResult
    public static func render(_ editor: PromptEditor, focused: Bool, hint: String, request: Request = .message,
                              into grid: inout Grid, in rect: Rect) -> (x: Int, y: Int)? {
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: request.title,
                                       details: focused ? "" : "i or Tab to type", focused: focused,
                                       bottomLabel: focused && !editor.isEmpty ? (hint, .dim) : nil)
        guard inner.width > prompt.count, inner.height > 0 else { return nil }
        grid.fill(inner)
        let textWidth = inner.width - prompt.count
        let (rows, cursorRow, cursorColumn) = layout(editor, width: textWidth)
        let top = max(0, min(cursorRow - inner.height + 1, rows.count - inner.height))
        grid.write(top == 0 ? prompt : "↑ ", x: inner.x, y: inner.y, maxX: inner.maxX, role: focused ? .accent : .dim, attributes: [.bold])
        if editor.isEmpty {
            grid.write(focused ? request.placeholder : "",
                       x: inner.x + prompt.count + 1, y: inner.y, maxX: inner.maxX, role: .dim, attributes: [.italic])
        }
        for (i, row) in rows.enumerated() where i >= top && i - top < inner.height {
            grid.put(row, x: inner.x + prompt.count, y: inner.y + i - top, maxX: inner.maxX)
        }
        guard focused else { return nil }
        let x = inner.x + prompt.count + cursorColumn
        let y = inner.y + cursorRow - top
        guard x < inner.maxX, y < inner.maxY else { return nil }
        var cell = grid[x, y]
        if cell.width == 0 || cell.text.isEmpty { cell = Cell() }
        if editor.isEmpty { cell = Cell(text: " ", role: .cursor) } else { cell.role = .cursor }
        grid.put(cell, x: x, y: y, maxX: inner.maxX)
        return (x, y)
    }
}

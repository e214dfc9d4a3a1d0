// How it fits: bindings are data. The reducer looks keys up here, and the `?` help overlay and
// the docs' key table are generated from the same list, so they cannot drift apart.

/// The list of key bindings.
public struct Keymap: Sendable, Hashable {
    /// All bindings, in help order.
    public var bindings: [KeyBinding]

    /// Creates a keymap from bindings (earlier bindings win within a context).
    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action for a chord with `focus` focused: the pane's own bindings first, then the
    /// editor's or the panes' ones, then global ones.
    public func action(for chord: KeyChord, focus: PaneID) -> UIAction? {
        let contexts: [KeyContext] = focus == .prompt ? [.editor, .global] : [.pane(focus), .panes, .global]
        for context in contexts {
            if let binding = bindings.first(where: { $0.context == context && $0.chord == chord }) {
                return binding.action
            }
        }
        return nil
    }

    /// The keys bound to `action`, as help shows them (`Ctrl-R`), for hints in the panes.
    public func keys(for action: UIAction) -> String {
        bindings.filter { $0.action == action }.map(\.chord.description).joined(separator: " ")
    }

    /// Bindings grouped by context in display order, with chords for the same action and
    /// description merged (`↓ j`), for the help overlay and the docs.
    public func helpSections() -> [(context: KeyContext, rows: [(keys: String, description: String)])] {
        var order: [KeyContext] = []
        var rows: [KeyContext: [(keys: String, description: String)]] = [:]
        for binding in bindings {
            if rows[binding.context] == nil {
                order.append(binding.context)
                rows[binding.context] = []
            }
            if let i = rows[binding.context]!.firstIndex(where: { $0.description == binding.description }) {
                rows[binding.context]![i].keys += " " + binding.chord.description
            } else {
                rows[binding.context]!.append((binding.chord.description, binding.description))
            }
        }
        return order.map { ($0, rows[$0]!) }
    }

    /// The keys table in Markdown (for the README's "Keys" section).
    public func markdownTable() -> String {
        var out = "| Context | Keys | Action |\n|---|---|---|\n"
        for section in helpSections() {
            for row in section.rows {
                out += "| \(section.context) | `\(row.keys)` | \(row.description) |\n"
            }
        }
        return out
    }

    /// The default bindings.
    public static let standard = Keymap(bindings: [
        // Global
        KeyBinding(KeyChord(.tab), .focusNext, "focus next pane", .global),
        KeyBinding(KeyChord(.backTab), .focusPrevious, "focus previous pane", .global),
        KeyBinding(KeyChord(.escape), .stopStream, "stop the stream · close help/search · leave zoom · leave the editor", .global),
        KeyBinding(KeyChord(.char("c"), .ctrl), .interrupt, "stop the stream; twice quits", .global),
        KeyBinding(KeyChord(.function(1)), .toggleHelp, "show or hide this help", .global),
        KeyBinding(KeyChord(.char("r"), .ctrl), .retryTurn, "retry the failed turn in place", .global),
        KeyBinding(KeyChord(.char("e"), .alt), .editTurn, "edit the failed turn (its prompt back in the editor)", .global),
        KeyBinding(KeyChord(.char("x"), .ctrl), .deleteTurn, "delete the failed turn", .global),
        KeyBinding(KeyChord(.char("t"), .ctrl), .runToolCommand, "run the tool's command for the asked result", .global),
        // Panes (any focused pane except the prompt)
        KeyBinding(KeyChord(.char("q")), .quit, "quit", .panes),
        KeyBinding(KeyChord(.char("?")), .toggleHelp, "show or hide this help", .panes),
        KeyBinding(KeyChord(.char("z")), .toggleZoom, "zoom the pane to full screen and back", .panes),
        KeyBinding(KeyChord(.char("i")), .focusPrompt, "write a prompt", .panes),
        KeyBinding(KeyChord(.enter), .focusPrompt, "write a prompt", .panes),
        KeyBinding(KeyChord(.up), .scrollUp, "scroll up", .panes),
        KeyBinding(KeyChord(.char("k")), .scrollUp, "scroll up", .panes),
        KeyBinding(KeyChord(.down), .scrollDown, "scroll down", .panes),
        KeyBinding(KeyChord(.char("j")), .scrollDown, "scroll down", .panes),
        KeyBinding(KeyChord(.pageUp), .pageUp, "page up", .panes),
        KeyBinding(KeyChord(.pageDown), .pageDown, "page down", .panes),
        KeyBinding(KeyChord(.char(" ")), .pageDown, "page down", .panes),
        KeyBinding(KeyChord(.home), .scrollTop, "go to the top", .panes),
        KeyBinding(KeyChord(.char("g")), .scrollTop, "go to the top", .panes),
        KeyBinding(KeyChord(.end), .scrollBottom, "go to the end and follow", .panes),
        KeyBinding(KeyChord(.char("G")), .scrollBottom, "go to the end and follow", .panes),
        KeyBinding(KeyChord(.char("/")), .startSearch, "search the chunk inspector", .panes),
        KeyBinding(KeyChord(.char("r")), .toggleReasoning, "open or fold reasoning blocks", .panes),
        KeyBinding(KeyChord(.char("c")), .nextChoice, "pick the next choice to continue with (n > 1)", .panes),
        // Chunks
        KeyBinding(KeyChord(.enter), .toggleExpand, "open or close the selected event's JSON", .pane(.chunks)),
        KeyBinding(KeyChord(.char("f")), .cycleFilter, "filter by kind (all, data, comment, done, error, lint…)", .pane(.chunks)),
        KeyBinding(KeyChord(.char("n")), .nextMatch, "next search match", .pane(.chunks)),
        KeyBinding(KeyChord(.char("N")), .previousMatch, "previous search match", .pane(.chunks)),
        KeyBinding(KeyChord(.char("l")), .nextLint, "jump to the next lint finding", .pane(.chunks)),
        KeyBinding(KeyChord(.char("h")), .toggleHeaders, "show request/response headers", .pane(.chunks)),
        KeyBinding(KeyChord(.pageUp), .pageUp, "page the open JSON up (or the table)", .pane(.chunks)),
        KeyBinding(KeyChord(.pageDown), .pageDown, "page the open JSON down (or the table)", .pane(.chunks)),
        // Editor
        KeyBinding(KeyChord(.enter), .send, "send the prompt", .editor),
        KeyBinding(KeyChord(.enter, .alt), .insertNewline, "new line", .editor),
        KeyBinding(KeyChord(.char("j"), .ctrl), .insertNewline, "new line", .editor),
        KeyBinding(KeyChord(.left), .cursorLeft, "move left", .editor),
        KeyBinding(KeyChord(.right), .cursorRight, "move right", .editor),
        KeyBinding(KeyChord(.up), .cursorUp, "line up (on the first line: previous prompt)", .editor),
        KeyBinding(KeyChord(.down), .cursorDown, "line down (on the last line: next prompt)", .editor),
        KeyBinding(KeyChord(.home), .cursorLineStart, "start of line", .editor),
        KeyBinding(KeyChord(.char("a"), .ctrl), .cursorLineStart, "start of line", .editor),
        KeyBinding(KeyChord(.end), .cursorLineEnd, "end of line", .editor),
        KeyBinding(KeyChord(.char("e"), .ctrl), .cursorLineEnd, "end of line", .editor),
        KeyBinding(KeyChord(.backspace), .deleteBackward, "delete left", .editor),
        KeyBinding(KeyChord(.delete), .deleteForward, "delete right", .editor),
        KeyBinding(KeyChord(.char("d"), .ctrl), .deleteForward, "delete right", .editor),
        KeyBinding(KeyChord(.char("u"), .ctrl), .deleteToLineStart, "delete to start of line", .editor),
        KeyBinding(KeyChord(.char("k"), .ctrl), .deleteToLineEnd, "delete to end of line", .editor),
        KeyBinding(KeyChord(.char("w"), .ctrl), .deleteWordBackward, "delete the word before the cursor", .editor),
        KeyBinding(KeyChord(.char("p"), .ctrl), .historyPrevious, "previous prompt", .editor),
        KeyBinding(KeyChord(.char("n"), .ctrl), .historyNext, "next prompt", .editor),
        KeyBinding(KeyChord(.pageUp), .pageUp, "scroll the transcript up", .editor),
        KeyBinding(KeyChord(.pageDown), .pageDown, "scroll the transcript down", .editor),
    ])
}

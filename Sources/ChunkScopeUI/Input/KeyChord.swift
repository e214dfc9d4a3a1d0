/// A key plus modifiers, as keymap bindings name them.
public struct KeyChord: Sendable, Hashable, CustomStringConvertible {
    /// The key.
    public var key: Key
    /// Modifiers held with it.
    public var modifiers: KeyModifiers

    /// Creates a chord.
    public init(_ key: Key, _ modifiers: KeyModifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// How the help screen spells the chord: `Ctrl-C`, `Alt-Enter`, `PgUp`, `g`.
    public var description: String {
        var out = ""
        if modifiers.contains(.ctrl) { out += "Ctrl-" }
        if modifiers.contains(.alt) { out += "Alt-" }
        if modifiers.contains(.shift) { out += "Shift-" }
        switch key {
        case .char(let c): out += modifiers.contains(.ctrl) ? String(c).uppercased() : (c == " " ? "Space" : String(c))
        case .up: out += "↑"
        case .down: out += "↓"
        case .left: out += "←"
        case .right: out += "→"
        case .pageUp: out += "PgUp"
        case .pageDown: out += "PgDn"
        case .home: out += "Home"
        case .end: out += "End"
        case .tab: out += "Tab"
        case .backTab: out += "Shift-Tab"
        case .enter: out += "Enter"
        case .escape: out += "Esc"
        case .backspace: out += "Backspace"
        case .delete: out += "Delete"
        case .insert: out += "Insert"
        case .function(let n): out += "F\(n)"
        }
        return out
    }
}

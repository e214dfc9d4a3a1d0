// How it fits: the terminal backend turns ncurses input into KeyEvents (the only input type the
// UI knows); the Keymap turns them into UIActions and DashboardState.handle applies them.

/// A key on the keyboard, independent of modifiers.
public enum Key: Sendable, Hashable {
    /// A printable character (`a`, `?`, `é`); with `.ctrl` for control chords (Ctrl-C is `.char("c")` + ctrl).
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete, insert
    /// A function key F1…F12.
    case function(Int)
}

/// Modifier keys held with a key.
public struct KeyModifiers: OptionSet, Sendable, Hashable {
    /// The modifier bits.
    public let rawValue: UInt8
    /// Creates modifiers from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Control held.
    public static let ctrl = KeyModifiers(rawValue: 1 << 0)
    /// Alt (Meta, or an ESC prefix) held.
    public static let alt = KeyModifiers(rawValue: 1 << 1)
    /// Shift held (ignored on printable characters).
    public static let shift = KeyModifiers(rawValue: 1 << 2)
}

/// A mouse event at a zero-based screen position.
public struct MouseEvent: Sendable, Hashable {
    /// What the mouse did.
    public enum Kind: Sendable, Hashable {
        case press(button: Int)
        case release
        case wheelUp, wheelDown
    }
    /// What happened.
    public var kind: Kind
    /// Zero-based screen column.
    public var x: Int
    /// Zero-based screen row.
    public var y: Int

    /// Creates a mouse event.
    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// One input event, as the backend reports it.
public enum KeyEvent: Sendable, Hashable {
    /// A key with modifiers. Enter is `.enter`; Ctrl-J (newline) is `.char("j")` + `.ctrl`;
    /// Alt-Enter is `.enter` + `.alt`.
    case key(Key, KeyModifiers)
    /// Pasted text (bracketed paste or a burst of printable input), inserted as-is into the editor.
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal changed size.
    case resize(TerminalSize)

    /// A plain key without modifiers.
    public static func key(_ key: Key) -> KeyEvent { .key(key, []) }
    /// A printable character without modifiers.
    public static func char(_ c: Character) -> KeyEvent { .key(.char(c), []) }
    /// A control chord, e.g. `.ctrl("c")`.
    public static func ctrl(_ c: Character) -> KeyEvent { .key(.char(c), .ctrl) }
}

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

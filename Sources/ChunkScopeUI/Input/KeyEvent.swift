// How it fits: the terminal backend turns ncurses input into KeyEvents (the only input type the
// UI knows); the Keymap turns them into UIActions and DashboardState.handle applies them.

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


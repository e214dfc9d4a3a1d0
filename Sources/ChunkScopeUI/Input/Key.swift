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

/// A key press with its modifiers, as the keymap sees it.
public struct KeyEvent: Sendable, Hashable {
    /// Which key.
    public enum Key: Sendable, Hashable {
        case character(Character)
        case enter, tab, backspace, delete, insert, escape
        case up, down, left, right, home, end, pageUp, pageDown
        case function(Int)
    }
    /// Modifier keys held down.
    public struct Modifiers: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 1 << 0)
        public static let control = Modifiers(rawValue: 1 << 1)
        public static let alt = Modifiers(rawValue: 1 << 2)
    }
    /// The key.
    public var key: Key
    /// The modifiers.
    public var modifiers: Modifiers

    /// A key event.
    public init(_ key: Key, modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }
}

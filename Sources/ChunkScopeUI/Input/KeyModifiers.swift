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

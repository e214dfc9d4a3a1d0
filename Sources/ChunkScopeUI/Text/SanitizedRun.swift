/// A piece of sanitised text: either ordinary printable text or a visible rendering of something
/// that was removed (an escape sequence, a control character, a bidi override).
public struct SanitizedRun: Sendable, Hashable {
    /// Printable text, safe to draw.
    public var text: String
    /// True when `text` is the visible form of removed control content (drawn as `.escape`).
    public var isEscape: Bool

    /// Creates a run.
    public init(_ text: String, isEscape: Bool = false) {
        self.text = text
        self.isEscape = isEscape
    }
}

/// A credential (API key) whose printed, debug-printed and dumped forms never show the value.
///
/// Use `exposedValue` only where the value must leave the process (the HTTP request itself).
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let storage: String

    /// Wraps a credential.
    public init(_ value: String) {
        self.storage = value
    }

    /// The credential itself, for building the outgoing request; never print it.
    public var exposedValue: String { storage }

    /// True when the credential is the empty string.
    public var isEmpty: Bool { storage.isEmpty }

    /// Always the redaction marker.
    public var description: String { Redaction.marker }

    /// Always the redaction marker.
    public var debugDescription: String { "Secret(\(Redaction.marker))" }

    /// A mirror with no children, so `dump` and reflection show nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

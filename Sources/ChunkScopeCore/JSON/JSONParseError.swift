/// Why a JSON text was rejected: a one-line message and the byte offset (UTF-8, from 0) of the
/// first byte that made the text invalid (the text's length when it ended too early).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset in UTF-8 bytes from the start of the text.
    public var byteOffset: Int
    /// What was wrong, e.g. `expected ',' or '}' after an object member, found 'x'`.
    public var message: String

    /// An error at `byteOffset` with `message`.
    public init(byteOffset: Int, message: String) {
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `message (at byte N)`.
    public var description: String { "\(message) (at byte \(byteOffset))" }
}

/// Block state carried from one source line to the next.
public struct MarkdownBlockState: Sendable, Hashable {
    /// The fence that opened the current code block (```` ``` ```` or `~~~`), nil outside one.
    public var fence: String?
    /// Creates the state at the start of a document.
    public init(fence: String? = nil) { self.fence = fence }
}

/// The transcript's view state.
public struct TranscriptViewState: Sendable, Hashable {
    /// Scroll position (follows the stream by default).
    public var scroll = ScrollState()
    /// Whether reasoning blocks are open (they are folded to one line by default).
    public var reasoningOpen = false
    /// Creates the default state.
    public init() {}
}

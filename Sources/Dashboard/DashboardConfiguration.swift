import ChunkScopeCore
import ChunkScopeTransport
import ChunkScopeUI

/// Everything `Dashboard.run` needs: where streams come from and how the screen looks.
public struct DashboardConfiguration: Sendable {
    /// Where streams come from.
    public enum Source: Sendable {
        /// A provider: every Enter sends the conversation (the built-in mock when
        /// `profile.isBuiltInMock`, started in-process).
        case provider(ResolvedProfile, TransportOptions)
        /// One prepared stream (a replayed capture): shown as it plays; nothing is sent.
        case prepared(PreparedStream)
    }

    /// Where streams come from.
    public var source: Source
    /// The colour theme (fitted to the terminal when the screen opens).
    public var theme: Theme
    /// Whether to take mouse clicks and wheel turns.
    public var mouse: Bool
    /// The environment (TERM, NO_COLOR, COLORTERM, CHUNKSCOPE_FRAME_LOG).
    public var environment: [String: String]
    /// Where each stream's capture is written (nil: no captures).
    public var captureStore: CaptureStore?

    /// A configuration.
    public init(source: Source, theme: Theme, mouse: Bool = true, environment: [String: String],
                captureStore: CaptureStore? = nil) {
        self.source = source
        self.theme = theme
        self.mouse = mouse
        self.environment = environment
        self.captureStore = captureStore
    }
}

import ChunkScopeCore
import ChunkScopeTransport
import ChunkScopeUI
import MockProvider

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
    /// Pacing for the built-in mock (nil: its lively default).
    public var mockPacing: MockPacing?
    /// Where each stream's capture is written (nil: no captures).
    public var captureStore: CaptureStore?

    /// A configuration.
    public init(source: Source, theme: Theme, mouse: Bool = true, environment: [String: String],
                mockPacing: MockPacing? = nil, captureStore: CaptureStore? = nil) {
        self.source = source
        self.theme = theme
        self.mouse = mouse
        self.environment = environment
        self.mockPacing = mockPacing
        self.captureStore = captureStore
    }
}

/// A stream prepared by someone else (the replay command): shown instead of a live provider.
public struct PreparedStream: Sendable {
    /// What the status line names as the source, e.g. `replay capture.sse ×4`.
    public var title: String
    /// The model to show.
    public var model: String
    /// The user prompt the stream answers, shown as the first turn (from the capture's request).
    public var prompt: String
    /// Whether the request asked for the usage trailer (the lint needs to know).
    public var includeUsageRequested: Bool
    /// Makes the inputs; called once when the dashboard opens.
    public var makeInputs: @Sendable () -> (inputs: AsyncStream<StreamInput>, cancel: @Sendable () -> Void)

    /// A prepared stream.
    public init(title: String, model: String, prompt: String, includeUsageRequested: Bool,
                makeInputs: @escaping @Sendable () -> (inputs: AsyncStream<StreamInput>, cancel: @Sendable () -> Void)) {
        self.title = title
        self.model = model
        self.prompt = prompt
        self.includeUsageRequested = includeUsageRequested
        self.makeInputs = makeInputs
    }
}

import ChunkScopeCore

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

// How it fits: the unit everything else is made of. Whoever sent (or watched) a request builds
// an Exchange from what happened: the dashboard and `ask` from their libcurl stream, later a
// proxy or the history store from theirs. The conversation keeps one per attempt.

/// One HTTP exchange as it happened: the request as sent (credentials redacted), the response
/// head, and the final snapshot of its stream (raw events with their read timings, choices,
/// usage, lint, metrics).
public struct Exchange: Sendable {
    /// The request as sent, redacted; nil when it never left (the request could not be built).
    public var request: RequestSummary?
    /// The HTTP status and headers; nil when no response arrived.
    public var response: ResponseHead?
    /// The stream's final snapshot (finished, failed or cancelled).
    public var snapshot: SessionSnapshot

    /// An exchange; the request and response default to what the snapshot recorded.
    public init(snapshot: SessionSnapshot, request: RequestSummary? = nil, response: ResponseHead? = nil) {
        self.request = request ?? snapshot.request
        self.response = response ?? snapshot.response
        self.snapshot = snapshot
    }

    /// The choice at `index` (by the choice's own `index`), else the first one.
    public func choice(_ index: Int) -> ChoiceState? {
        snapshot.choices.first { $0.index == index } ?? snapshot.choices.first
    }
}

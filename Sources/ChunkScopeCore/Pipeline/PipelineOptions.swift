// Pipeline — how it fits: `StreamPipeline` is the pure, synchronous heart of a session:
// bytes → `SSEDecoder` → `ChunkDecoder` → `StreamLinter` + `StreamAccumulator` → `MetricsRecorder`,
// writing one `InspectorEvent` row per SSE event (and per lint finding). `SessionActor` drives it
// live; `chunkscope check` drives it over a file and prints a `CheckReport`.

/// Settings for one stream's pipeline.
public struct PipelineOptions: Sendable, Equatable {
    /// True when the request set `stream_options.include_usage` (absence of usage is then a finding).
    public var includeUsageRequested: Bool
    /// Longest SSE line kept; longer lines become a `lineTooLong` event (memory stays bounded).
    public var maxLineBytes: Int
    /// Most bytes of a non-SSE body (HTTP error, JSON) kept for display.
    public var maxPlainBodyBytes: Int
    /// Whether inspector rows are recorded (benchmarks of the bare stages may turn this off).
    public var recordsInspectorRows: Bool

    /// Creates options; the defaults suit a live session.
    public init(includeUsageRequested: Bool = false, maxLineBytes: Int = 16 << 20,
                maxPlainBodyBytes: Int = 1 << 20, recordsInspectorRows: Bool = true) {
        self.includeUsageRequested = includeUsageRequested
        self.maxLineBytes = maxLineBytes
        self.maxPlainBodyBytes = maxPlainBodyBytes
        self.recordsInspectorRows = recordsInspectorRows
    }
}

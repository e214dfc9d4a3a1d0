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
    /// Whether inspector rows are recorded (`check` and benchmarks of the bare stages turn this off).
    public var recordsInspectorRows: Bool
    /// Most UTF-8 bytes of raw event text the inspector rows keep; beyond it the oldest rows' raw
    /// text is released (their summaries stay) and CS110 is noted once. nil (or 0) keeps everything.
    public var maxRetainedRawBytes: Int?

    /// The default inspector raw-text budget per stream: 64 MiB (a 1M-chunk stream holds ~330 MB).
    public static let defaultMaxRetainedRawBytes = 64 << 20

    /// Creates options; the defaults suit a live session.
    public init(includeUsageRequested: Bool = false, maxLineBytes: Int = 16 << 20,
                maxPlainBodyBytes: Int = 1 << 20, recordsInspectorRows: Bool = true,
                maxRetainedRawBytes: Int? = PipelineOptions.defaultMaxRetainedRawBytes) {
        self.includeUsageRequested = includeUsageRequested
        self.maxLineBytes = maxLineBytes
        self.maxPlainBodyBytes = maxPlainBodyBytes
        self.recordsInspectorRows = recordsInspectorRows
        self.maxRetainedRawBytes = maxRetainedRawBytes
    }
}

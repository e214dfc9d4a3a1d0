import ChunkScopeCore

/// One way of consuming a stream that the benchmark times.
enum Workload: String, CaseIterable {
    /// The whole `StreamPipeline` as a live session runs it: decode + accumulate + lint + metrics
    /// + inspector rows.
    case pipeline
    /// `StreamPipeline` without inspector rows: decode + accumulate + lint + metrics.
    case pipelineNoRows = "pipeline-no-rows"
    /// Bytes → `SSEDecoder` → `ChunkDecoder` (typed chunks), nothing else.
    case decode
    /// Bytes → SSE events only.
    case sse

    /// A one-line description for the report.
    var title: String {
        switch self {
        case .pipeline: "pipeline (decode+accumulate+lint+rows)"
        case .pipelineNoRows: "pipeline without inspector rows"
        case .decode: "decode (SSE + chunk)"
        case .sse: "SSE only"
        }
    }

    /// Runs the workload over `buffers` (network-sized reads); returns how many chunk payloads it
    /// saw and a checksum that keeps the optimiser from discarding the work.
    func run(_ buffers: [[UInt8]]) -> (chunks: Int, checksum: Int) {
        switch self {
        case .pipeline, .pipelineNoRows:
            var pipeline = StreamPipeline(options: PipelineOptions(includeUsageRequested: true,
                                                                   recordsInspectorRows: self == .pipeline))
            var nanos: UInt64 = 1_000
            pipeline.handle(.response(ResponseHead(status: 200, headers: [HTTPHeader("content-type", "text/event-stream")])), at: nanos)
            for buffer in buffers {
                nanos &+= 50_000
                pipeline.feed(buffer, at: nanos)
            }
            pipeline.finish(at: nanos &+ 1_000)
            let report = pipeline.report()
            let checksum = report.choices.reduce(0) { $0 &+ ($1.content.utf8.count) &+ $1.toolCalls.count }
            return (pipeline.chunkCount, checksum &+ report.diagnostics.count)
        case .decode, .sse:
            return decode(buffers)
        }
    }

    private func decode(_ buffers: [[UInt8]]) -> (chunks: Int, checksum: Int) {
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        events.reserveCapacity(256)
        var strings = ChunkStringTable()
        var chunks = 0
        var checksum = 0
        func consume(_ event: SSEEvent) {
            guard case .message(let message) = event else { return }
            if self == .sse {
                chunks += 1
                checksum &+= message.data.utf8.count
                return
            }
            switch ChunkDecoder.decode(message.data, strings: &strings) {
            case .chunk(let chunk):
                chunks += 1
                for choice in chunk.choices {
                    checksum &+= choice.delta.content?.utf8.count ?? 0
                    checksum &+= choice.delta.toolCalls?.first?.arguments?.utf8.count ?? 0
                }
            case .done: checksum &+= 1
            default: checksum &-= 1_000_000
            }
        }
        for buffer in buffers {
            decoder.feed(buffer, into: &events)
            for event in events { consume(event) }
            events.removeAll(keepingCapacity: true)
        }
        for event in decoder.finish() { consume(event) }
        return (chunks, checksum)
    }
}

import ChunkScopeCore

/// One way of consuming a stream that the benchmark times.
enum Workload: String, CaseIterable {
    /// Bytes → `SSEDecoder` → `ChunkDecoder` (typed chunks), nothing else.
    case decode
    /// Foundation-free reference point: bytes → SSE events only.
    case sse

    /// A one-line description for the report.
    var title: String {
        switch self {
        case .sse: "SSE only"
        case .decode: "decode (SSE + chunk)"
        }
    }

    /// Runs the workload over `buffers` (network-sized reads); returns how many chunk payloads it
    /// saw and a checksum that keeps the optimiser from discarding the work.
    func run(_ buffers: [[UInt8]]) -> (chunks: Int, checksum: Int) {
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        events.reserveCapacity(256)
        var chunks = 0
        var checksum = 0
        func consume(_ event: SSEEvent) {
            guard case .message(let message) = event else { return }
            if self == .sse {
                chunks += 1
                checksum &+= message.data.utf8.count
                return
            }
            switch ChunkDecoder.decode(message.data) {
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

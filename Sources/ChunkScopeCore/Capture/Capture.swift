/// A capture read back: the timed inputs in arrival order, and whether it ended cleanly.
public struct Capture: Sendable, Equatable {
    /// One input with its time since the start of the capture.
    public struct TimedInput: Sendable, Equatable {
        /// Nanoseconds since the first record (microsecond precision).
        public var offset: UInt64
        /// The input as the transport produced it.
        public var input: StreamInput

        /// Creates a timed input.
        public init(offset: UInt64, input: StreamInput) {
            self.offset = offset
            self.input = input
        }
    }

    /// The inputs in order.
    public var inputs: [TimedInput]
    /// True when the capture has its `end` record (false: the recorder stopped abruptly).
    public var isComplete: Bool
    /// True for a ChunkScope capture, false for a plain `.sse` file read as body bytes.
    public var hasTiming: Bool

    /// Creates a capture.
    public init(inputs: [TimedInput], isComplete: Bool, hasTiming: Bool) {
        self.inputs = inputs
        self.isComplete = isComplete
        self.hasTiming = hasTiming
    }

    /// The body bytes of the capture, concatenated (what `chunkscope check` feeds its pipeline).
    public var bodyBytes: [UInt8] {
        var out: [UInt8] = []
        for timed in inputs { if let bytes = timed.input.bodyBytes { out += bytes } }
        return out
    }

    /// The request summary, when the capture has one.
    public var request: RequestSummary? {
        for timed in inputs { if case .request(let summary) = timed.input { return summary } }
        return nil
    }
}

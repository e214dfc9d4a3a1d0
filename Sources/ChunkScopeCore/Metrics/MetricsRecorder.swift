/// Folds timestamps from the pipeline into `StreamMetrics`. Every `record…` call is O(1) and the
/// memory is bounded (a fixed histogram and a fixed ring of rate windows), so a firehose stream
/// costs the same per chunk at the millionth chunk as at the first.
///
/// Token estimate while streaming: each non-empty output delta (content, reasoning, refusal or
/// tool-call arguments) counts `max(1, utf8Bytes / 4)` tokens — one token per delta for the usual
/// one-token chunks, about four bytes per token for providers that batch text. Once a usage object
/// with an integer `completion_tokens` arrives, that exact figure replaces the estimate.
public struct MetricsRecorder: Sendable {
    /// Width of one rate window for the sparkline, in nanoseconds (250 ms).
    public static let rateWindow: UInt64 = 250_000_000
    /// Number of rate windows kept (60 s of history).
    public static let rateWindowCount = 240

    private var start: UInt64?
    private var firstByte: UInt64?
    private var firstChunk: UInt64?
    private var firstOutput: UInt64?
    private var lastOutput: UInt64?
    private var lastEvent: UInt64 = 0
    private var lastChunk: UInt64?
    private var chunks = 0
    private var bytes = 0
    private var estimatedTokens = 0
    private var exactTokens: Int?
    private var gaps = GapHistogram()
    private var windows = [Int](repeating: 0, count: MetricsRecorder.rateWindowCount)
    /// Absolute index (time / rateWindow) of the newest window, nil before the first output.
    private var newestWindow: UInt64?
    private var firstWindow: UInt64 = 0

    /// Creates an empty recorder.
    public init() {}

    /// Marks the start of the request (the zero of every reported time). Only the first call counts.
    public mutating func recordStart(at nanos: UInt64) {
        if start == nil { start = nanos }
    }

    /// Records the response head arriving: the first byte of the response.
    public mutating func recordResponse(at nanos: UInt64) {
        recordStart(at: nanos)
        if firstByte == nil { firstByte = nanos }
        touch(nanos)
    }

    /// Records `count` body bytes arriving (the first byte, when no response head came first).
    public mutating func recordBytes(_ count: Int, at nanos: UInt64) {
        recordStart(at: nanos)
        if firstByte == nil { firstByte = nanos }
        bytes += count
        touch(nanos)
    }

    /// Records any event (comment, retry, lint-only) so `elapsed` follows the stream.
    public mutating func recordEvent(at nanos: UInt64) {
        recordStart(at: nanos)
        touch(nanos)
    }

    /// Records one data message (a chunk, `[DONE]`, an error or an undecodable line).
    public mutating func recordChunk(at nanos: UInt64) {
        recordStart(at: nanos)
        if firstChunk == nil { firstChunk = nanos }
        if let last = lastChunk { gaps.record(nanos >= last ? nanos - last : 0) }
        lastChunk = nanos
        chunks += 1
        touch(nanos)
    }

    /// Records a non-empty output delta of `utf8Bytes` bytes (content, reasoning, refusal, arguments).
    public mutating func recordOutput(utf8Bytes: Int, at nanos: UInt64) {
        guard utf8Bytes > 0 else { return }
        recordStart(at: nanos)
        if firstOutput == nil { firstOutput = nanos }
        lastOutput = nanos
        let tokens = max(1, utf8Bytes / 4)
        estimatedTokens += tokens
        addToWindow(tokens, at: nanos)
        touch(nanos)
    }

    /// Records the `completion_tokens` of a usage object (the exact count replaces the estimate).
    public mutating func recordUsage(completionTokens: Int?) {
        if let completionTokens { exactTokens = completionTokens }
    }

    /// The metrics as of the latest recorded time.
    public func metrics() -> StreamMetrics {
        let origin = start ?? 0
        func rel(_ t: UInt64?) -> UInt64? { t.map { $0 >= origin ? $0 - origin : 0 } }
        var m = StreamMetrics()
        m.timeToFirstByte = rel(firstByte)
        m.timeToFirstChunk = rel(firstChunk)
        m.timeToFirstContent = rel(firstOutput)
        m.elapsed = rel(lastEvent) ?? 0
        m.chunkCount = chunks
        m.byteCount = bytes
        m.completionTokens = exactTokens ?? estimatedTokens
        m.tokensAreExact = exactTokens != nil
        if let first = firstOutput, let last = lastOutput, last > first {
            m.tokensPerSecond = Double(m.completionTokens) / (Double(last - first) / 1e9)
        }
        m.tokensPerSecondNow = currentRate()
        m.rateHistory = history()
        m.gapP50 = gaps.quantile(0.5)
        m.gapP95 = gaps.quantile(0.95)
        m.gapMax = gaps.count > 0 ? gaps.maximum : nil
        return m
    }

    private mutating func touch(_ nanos: UInt64) {
        lastEvent = max(lastEvent, nanos)
        advanceWindows(to: nanos / Self.rateWindow)
    }

    private mutating func addToWindow(_ tokens: Int, at nanos: UInt64) {
        let window = nanos / Self.rateWindow
        if newestWindow == nil {
            newestWindow = window
            firstWindow = window
        }
        advanceWindows(to: window)
        windows[Int(newestWindow! % UInt64(Self.rateWindowCount))] += tokens
    }

    /// Zeroes the windows between the newest one and `window` (at most the ring size: O(1) bound).
    private mutating func advanceWindows(to window: UInt64) {
        guard let newest = newestWindow, window > newest else { return }
        let steps = min(window - newest, UInt64(Self.rateWindowCount))
        for step in 1...steps {
            windows[Int((window - steps + step) % UInt64(Self.rateWindowCount))] = 0
        }
        newestWindow = window
    }

    private func currentRate() -> Double? {
        guard let newest = newestWindow, firstOutput != nil else { return nil }
        let span = min(4, newest - firstWindow + 1)
        var tokens = 0
        for back in 0..<span {
            tokens += windows[Int((newest - back) % UInt64(Self.rateWindowCount))]
        }
        return Double(tokens) / (Double(span) * Double(Self.rateWindow) / 1e9)
    }

    private func history() -> [Double] {
        guard let newest = newestWindow else { return [] }
        let span = min(UInt64(Self.rateWindowCount), newest - firstWindow + 1)
        let perSecond = 1e9 / Double(Self.rateWindow)
        var out: [Double] = []
        out.reserveCapacity(Int(span))
        for back in stride(from: span - 1, through: 0, by: -1) {
            out.append(Double(windows[Int((newest - back) % UInt64(Self.rateWindowCount))]) * perSecond)
        }
        return out
    }
}

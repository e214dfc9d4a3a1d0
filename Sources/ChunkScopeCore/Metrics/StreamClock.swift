// Metrics — how it fits: the pipeline stamps every input with a time from a `StreamClock`
// (monotonic nanoseconds); `MetricsRecorder` turns those stamps into `StreamMetrics`.
// Injecting the clock keeps metrics deterministic in tests (`ManualStreamClock`).

/// A monotonic source of nanosecond timestamps for stream metrics.
public protocol StreamClock: Sendable {
    /// Nanoseconds on a monotonic scale; only differences are meaningful.
    func now() -> UInt64
}

/// The real monotonic clock (`ContinuousClock`), for live sessions.
public struct SystemStreamClock: StreamClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose zero is the moment of creation.
    public init() {}

    /// Nanoseconds since this clock was created.
    public func now() -> UInt64 {
        let elapsed = ContinuousClock.now - origin
        let (seconds, attoseconds) = elapsed.components
        return UInt64(max(0, seconds)) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }
}

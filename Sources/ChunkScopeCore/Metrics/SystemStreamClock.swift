/// The real monotonic clock (`ContinuousClock`), for live sessions.
public struct SystemStreamClock: StreamClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose zero is the moment of creation.
    public init() {}

    /// Nanoseconds since this clock was created.
    public func now() -> UInt64 {
        (ContinuousClock.now - origin).nanoseconds
    }
}

import Foundation

/// A clock that only moves when told to, for deterministic tests.
public final class ManualStreamClock: StreamClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: UInt64

    /// Creates a clock reading `start` nanoseconds.
    public init(start: UInt64 = 0) {
        current = start
    }

    /// The current reading.
    public func now() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Moves the clock forward by `nanoseconds`.
    public func advance(by nanoseconds: UInt64) {
        lock.lock()
        current &+= nanoseconds
        lock.unlock()
    }

    /// Moves the clock forward by a `Duration`.
    public func advance(by duration: Duration) {
        advance(by: duration.nanoseconds)
    }
}

import Foundation

/// The latest time a stream's body bytes arrived, written by the input tap and read once at the
/// end (for the benchmark's frame log).
final class LastByteClock: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: UInt64?

    /// Records an arrival at `nanos`.
    func mark(_ nanos: UInt64) {
        lock.lock()
        latest = nanos
        lock.unlock()
    }

    /// The last recorded arrival, if any.
    var value: UInt64? {
        lock.lock()
        defer { lock.unlock() }
        return latest
    }
}

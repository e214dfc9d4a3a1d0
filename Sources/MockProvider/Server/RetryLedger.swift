import Foundation

/// Counts identical `mock-429` requests so the first `mock_fail_times` fail and later ones succeed.
final class RetryLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [String: Int] = [:]

    /// How many times this key was seen before (and records this time).
    func record(_ key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let count = seen[key, default: 0]
        seen[key] = count + 1
        return count
    }
}

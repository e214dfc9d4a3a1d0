import Foundation

/// One row of the raw chunk inspector: an SSE event (or a lint finding) in arrival order.
public struct InspectorEvent: Sendable, Equatable {
    /// What kind of event this row is; the inspector filters by it.
    public enum Kind: String, Sendable, CaseIterable {
        case data, comment, done, error, lint, retry, invalid
    }
    /// 1-based sequence number (lint rows carry the number of the event they concern).
    public var sequence: Int
    /// Nanoseconds since the request started.
    public var time: UInt64
    /// Nanoseconds since the previous event.
    public var gap: UInt64
    /// Raw size in bytes (0 for lint rows).
    public var size: Int
    public var kind: Kind
    /// One line, e.g. `delta.content "Hel"`, `tool_calls[1].arguments +12B`, `usage 15/42`.
    public var summary: String
    /// The event's data text (JSON for data rows), or the finding's message for lint rows.
    public var raw: String

    public init(sequence: Int, time: UInt64, gap: UInt64, size: Int, kind: Kind, summary: String, raw: String) {
        self.sequence = sequence
        self.time = time
        self.gap = gap
        self.size = size
        self.kind = kind
        self.summary = summary
        self.raw = raw
    }
}

/// Append-only storage for inspector rows, shared between the session actor (the only writer)
/// and snapshots (readers of a fixed prefix), so publishing a snapshot never copies the log.
public final class InspectorEventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [InspectorEvent] = []

    public init() {}

    /// Appends one row. Only the owning session actor calls this.
    public func append(_ row: InspectorEvent) {
        lock.lock()
        rows.append(row)
        lock.unlock()
    }

    /// The number of rows so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return rows.count
    }

    /// A view of the rows appended so far; later appends do not change it.
    public func slice() -> Slice {
        Slice(log: self, count: count)
    }

    fileprivate func row(at index: Int) -> InspectorEvent {
        lock.lock()
        defer { lock.unlock() }
        return rows[index]
    }

    fileprivate func rows(in range: Range<Int>) -> [InspectorEvent] {
        lock.lock()
        defer { lock.unlock() }
        return Array(rows[range])
    }

    /// A fixed-length prefix of a log: a random-access collection of rows.
    public struct Slice: RandomAccessCollection, Sendable {
        let log: InspectorEventLog
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> InspectorEvent {
            precondition(position >= 0 && position < count, "inspector row out of range")
            return log.row(at: position)
        }
        /// Copies rows in `range` with one lock acquisition (for drawing a visible window).
        public func rows(in range: Range<Int>) -> [InspectorEvent] {
            precondition(range.lowerBound >= 0 && range.upperBound <= count, "inspector rows out of range")
            return log.rows(in: range)
        }
    }
}

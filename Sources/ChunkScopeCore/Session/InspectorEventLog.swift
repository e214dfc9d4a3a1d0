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
    /// What kind of row this is.
    public var kind: Kind
    /// One line, e.g. `delta.content "Hel"`, `tool_calls[1].arguments +12B`, `usage 15/42`.
    /// Chunk rows derive it from `raw` when first read (only visible rows pay for it).
    public var summary: String {
        get { storedSummary ?? Self.summary(ofChunkData: raw) }
        set { storedSummary = newValue }
    }
    /// The event's data text (JSON for data rows), or the finding's message for lint rows.
    public var raw: String
    private var storedSummary: String?

    public init(sequence: Int, time: UInt64, gap: UInt64, size: Int, kind: Kind, summary: String, raw: String) {
        self.sequence = sequence
        self.time = time
        self.gap = gap
        self.size = size
        self.kind = kind
        self.storedSummary = summary
        self.raw = raw
    }

    /// A row for a decoded chunk whose summary is derived from `raw` on demand (the hot path
    /// stores the data text it already has and builds no string).
    public init(sequence: Int, time: UInt64, gap: UInt64, size: Int, chunkData raw: String) {
        self.sequence = sequence
        self.time = time
        self.gap = gap
        self.size = size
        self.kind = .data
        self.storedSummary = nil
        self.raw = raw
    }

    /// The one-line summary of a chunk's data text.
    static func summary(ofChunkData raw: String) -> String {
        if case .chunk(let chunk) = ChunkDecoder.decode(raw) { return EventSummary.of(chunk) }
        return "data"
    }

    /// Rows are equal when every field is, the summary included (derived only when one row stores it).
    public static func == (a: InspectorEvent, b: InspectorEvent) -> Bool {
        guard a.sequence == b.sequence && a.time == b.time && a.gap == b.gap && a.size == b.size
            && a.kind == b.kind && a.raw == b.raw else { return false }
        if a.storedSummary == nil && b.storedSummary == nil { return true }
        return a.summary == b.summary
    }
}

/// Append-only storage for inspector rows, shared between the session actor (the only writer)
/// and snapshots (readers of a fixed prefix), so publishing a snapshot never copies the log.
public final class InspectorEventLog: @unchecked Sendable {
    /// Rows per storage segment: appends never copy earlier rows (no doubling of one huge array).
    private static let segmentShift = 12
    private static let segmentSize = 1 << segmentShift
    private let lock = NSLock()
    private var segments: [[InspectorEvent]] = []
    private var total = 0

    public init() {}

    /// Appends one row. Only the owning session actor calls this.
    public func append(_ row: InspectorEvent) {
        lock.lock()
        if total & (Self.segmentSize - 1) == 0 {
            segments.append([])
            segments[segments.count - 1].reserveCapacity(Self.segmentSize)
        }
        segments[segments.count - 1].append(row)
        total += 1
        lock.unlock()
    }

    /// The number of rows so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    /// A view of the rows appended so far; later appends do not change it.
    public func slice() -> Slice {
        Slice(log: self, count: count)
    }

    fileprivate func row(at index: Int) -> InspectorEvent {
        lock.lock()
        defer { lock.unlock() }
        return segments[index >> Self.segmentShift][index & (Self.segmentSize - 1)]
    }

    fileprivate func rows(in range: Range<Int>) -> [InspectorEvent] {
        lock.lock()
        defer { lock.unlock() }
        var out: [InspectorEvent] = []
        out.reserveCapacity(range.count)
        for index in range {
            out.append(segments[index >> Self.segmentShift][index & (Self.segmentSize - 1)])
        }
        return out
    }

    /// A fixed-length prefix of a log: a random-access collection of rows.
    public struct Slice: RandomAccessCollection, Sendable {
        let log: InspectorEventLog
        /// Number of rows in this prefix.
        public let count: Int
        /// Always 0.
        public var startIndex: Int { 0 }
        /// `count`.
        public var endIndex: Int { count }
        /// The row at `position` (0-based).
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

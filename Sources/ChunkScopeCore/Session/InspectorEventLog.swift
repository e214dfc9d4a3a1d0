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
    /// True once the log released this row's raw text to stay within its budget (`raw` is then
    /// empty and `summary` still reads as before).
    public private(set) var rawDropped = false
    /// One line, e.g. `delta.content "Hel"`, `tool_calls[1].arguments +12B`, `usage 15/42`.
    /// Chunk rows derive it from `raw` when first read (only visible rows pay for it).
    public var summary: String {
        get { storedSummary ?? Self.summary(ofChunkData: raw) }
        set { storedSummary = newValue }
    }
    /// The event's data text (JSON for data rows), or the finding's message for lint rows;
    /// empty when `rawDropped`.
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

    /// True when `summary` would be derived from `raw` (releasing `raw` must store it first).
    var summaryIsDerived: Bool { storedSummary == nil }

    /// Empties `raw` and marks the row `rawDropped`, storing `summary` when the row derived its
    /// summary from `raw` (so it reads the same one line); returns the released text.
    mutating func releaseRaw(summary: String?) -> String {
        if storedSummary == nil { storedSummary = summary ?? Self.summary(ofChunkData: raw) }
        rawDropped = true
        let old = raw
        raw = ""
        return old
    }

    /// Rows are equal when every field is, the summary included (derived only when one row stores it).
    public static func == (a: InspectorEvent, b: InspectorEvent) -> Bool {
        guard a.sequence == b.sequence && a.time == b.time && a.gap == b.gap && a.size == b.size
            && a.kind == b.kind && a.rawDropped == b.rawDropped && a.raw == b.raw else { return false }
        if a.storedSummary == nil && b.storedSummary == nil { return true }
        return a.summary == b.summary
    }
}

/// Append-only storage for inspector rows, shared between the session actor (the only writer)
/// and snapshots (readers of a fixed prefix), so publishing a snapshot never copies the log.
///
/// The raw text the rows retain is bounded by `rawBudget`: when an append takes it over, the
/// oldest rows' raw text is released (each keeps its summary and is marked `rawDropped`), so the
/// newest events always keep their full JSON. Each row is released at most once, by a cursor that
/// only moves forward: amortised O(1) per append, no scan of the log.
public final class InspectorEventLog: @unchecked Sendable {
    /// Rows per storage segment: appends never copy earlier rows (no doubling of one huge array).
    private static let segmentShift = 12
    private static let segmentSize = 1 << segmentShift
    private let lock = NSLock()
    private var segments: [[InspectorEvent]] = []
    private var total = 0
    /// UTF-8 bytes of raw text held by the rows (written under the lock, only by the writer).
    private var retainedBytes = 0
    /// Rows whose raw text was released (written under the lock, only by the writer).
    private var releasedRows = 0
    /// Index of the oldest row whose raw text may still be held (only the writer uses it).
    private var releaseCursor = 0

    /// Most UTF-8 bytes of raw text the rows keep; nil keeps everything. The newest row always
    /// keeps its raw text, even when it alone is larger (SSE lines are bounded by `maxLineBytes`).
    public let rawBudget: Int?

    /// Creates an empty log; `rawBudget` nil (or not positive) keeps every row's raw text.
    public init(rawBudget: Int? = nil) {
        self.rawBudget = rawBudget.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Appends one row (older rows' raw text is released if the budget requires it). Only the
    /// owning session actor calls this.
    public func append(_ row: InspectorEvent) {
        appendReleasingOverBudget(row)
    }

    /// Appends one row; returns true when this append released older rows' raw text to stay within
    /// `rawBudget` (the pipeline notes CS110 the first time).
    @discardableResult
    func appendReleasingOverBudget(_ row: InspectorEvent) -> Bool {
        let bytes = row.raw.utf8.count
        lock.lock()
        if total & (Self.segmentSize - 1) == 0 {
            segments.append([])
            segments[segments.count - 1].reserveCapacity(Self.segmentSize)
        }
        segments[segments.count - 1].append(row)
        total += 1
        retainedBytes += bytes
        lock.unlock()
        // Reads of writer-only state outside the lock: no other thread mutates it.
        guard let budget = rawBudget, retainedBytes > budget else { return false }
        return releaseOldest(downTo: budget)
    }

    /// Releases the raw text of the oldest rows (never the newest) until the rows hold at most
    /// `budget` bytes. Summaries are derived outside the lock, so readers wait only for the store.
    private func releaseOldest(downTo budget: Int) -> Bool {
        var released = false
        let newest = total - 1
        while retainedBytes > budget && releaseCursor < newest {
            let segment = releaseCursor >> Self.segmentShift
            let slot = releaseCursor & (Self.segmentSize - 1)
            releaseCursor += 1
            // Reads without the lock: only this writer mutates rows.
            let bytes = segments[segment][slot].raw.utf8.count
            guard bytes > 0 else { continue }   // nothing held (e.g. a discarded long line)
            let summary = segments[segment][slot].summaryIsDerived
                ? InspectorEvent.summary(ofChunkData: segments[segment][slot].raw) : nil
            lock.lock()
            let text = segments[segment][slot].releaseRaw(summary: summary)
            retainedBytes -= bytes
            releasedRows += 1
            lock.unlock()
            withExtendedLifetime(text) {}   // the released text is freed here, outside the lock
            released = true
        }
        return released
    }

    /// The number of rows so far.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    /// UTF-8 bytes of raw text the rows hold now (at most `rawBudget` plus the newest row).
    public var retainedRawBytes: Int {
        lock.lock()
        defer { lock.unlock() }
        return retainedBytes
    }

    /// How many rows had their raw text released to stay within `rawBudget`.
    public var releasedRawRows: Int {
        lock.lock()
        defer { lock.unlock() }
        return releasedRows
    }

    /// A budget as people read it: `64 MiB`, `512 KiB`, `900 B`.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 20 { return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20)) }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        if bytes >= 1 << 10 { return String(format: "%.1f KiB", Double(bytes) / Double(1 << 10)) }
        return "\(bytes) B"
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
        /// The log's raw-text budget (nil: unlimited), for explaining rows marked `rawDropped`.
        public var rawBudget: Int? { log.rawBudget }
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

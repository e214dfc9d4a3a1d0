import ChunkScopeCore
import Foundation
import GRDB

/// Writes one exchange's stream into the history as it arrives, fed with `StreamInput`s like
/// `CaptureRecorder`. Inputs are encoded as capture lines and held; they are written in one small
/// transaction once `flushInterval` has passed since the last write, and at `finish`. Thread-safe.
/// A write error is kept (see `error`) and later writes are skipped; the stream itself goes on.
public final class ExchangeWriter: @unchecked Sendable {
    /// The exchange's id in the store.
    public let exchangeID: String
    /// How long inputs may be held before they are written.
    public let flushInterval: UInt64
    private let store: HistoryStore
    private let lock = NSLock()
    private var encoder = CaptureWriter()
    private var pending: [UInt8] = []
    private var nextSeq = 0
    private var lastFlushNanos: UInt64?
    private var finished = false
    private var writeError: HistoryStoreError?

    init(store: HistoryStore, exchangeID: String, flushInterval: UInt64 = 100_000_000) {
        self.store = store
        self.exchangeID = exchangeID
        self.flushInterval = flushInterval
    }

    /// Records one input received at `nanos` (monotonic); writes when the interval has passed.
    public func record(_ input: StreamInput, at nanos: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        pending += encoder.record(input, at: nanos)
        if lastFlushNanos == nil { lastFlushNanos = nanos }
        if let last = lastFlushNanos, nanos >= last, nanos - last >= flushInterval {
            flush(at: nanos, status: nil, reply: nil, usage: nil, end: false)
        }
    }

    /// Writes what is held, the end record, the reply text (for search) and the usage, and marks
    /// the exchange finished; later calls do nothing.
    public func finish(at nanos: UInt64, status: Int?, reply: String, promptTokens: Int?, completionTokens: Int?) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        pending += encoder.finish(at: nanos)
        flush(at: nanos, status: status, reply: reply, usage: (promptTokens, completionTokens), end: true)
        finished = true
    }

    /// The first write error, if any.
    public var error: HistoryStoreError? {
        lock.lock()
        defer { lock.unlock() }
        return writeError
    }

    private func flush(at nanos: UInt64, status: Int?, reply: String?, usage: (Int?, Int?)?, end: Bool) {
        lastFlushNanos = nanos
        guard writeError == nil, !pending.isEmpty || end else { return }
        let piece = pending
        let seq = nextSeq
        let id = exchangeID
        do {
            try store.write { db in
                if !piece.isEmpty {
                    try db.execute(sql: "INSERT INTO streamPiece (exchangeId, seq, capture) VALUES (?, ?, ?)",
                                   arguments: [id, seq, Data(piece)])
                }
                if end {
                    try db.execute(
                        sql: "UPDATE exchange SET finished = 1, status = ?, reply = ?, promptTokens = ?, completionTokens = ? WHERE id = ?",
                        arguments: [status, reply, usage?.0, usage?.1, id])
                    try db.execute(sql: "UPDATE exchangeText SET reply = ? WHERE exchangeId = ?", arguments: [reply, id])
                }
            }
            pending.removeAll(keepingCapacity: true)
            if !piece.isEmpty { nextSeq += 1 }
        } catch {
            writeError = error
        }
    }
}

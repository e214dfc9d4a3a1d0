/// Encodes a stream of `StreamInput`s into the capture format (see `CaptureFormat`) as they arrive.
///
/// Pure: `record` returns the bytes to append to the file. Body bytes are held only until the end
/// of their line (or `maxHeldBytes`), so a capture is readable as plain SSE while it is written.
public struct CaptureWriter {
    private var startNanos: UInt64?
    private var latestNanos: UInt64?
    private var held: [UInt8] = []
    private var pendingReads: [(nanos: UInt64, count: Int)] = []
    private var wroteHeader = false
    private let preamble: [String]
    /// The most body bytes held back waiting for a line end before they are written as an open record.
    public let maxHeldBytes: Int

    /// A writer; `notes` become plain comment lines after the magic line (e.g. "recorded … by …").
    public init(notes: [String] = [], maxHeldBytes: Int = 16 << 20) {
        self.preamble = notes
        self.maxHeldBytes = maxHeldBytes
    }

    /// The bytes that record `input`, received at `nanos` on a monotonic clock.
    public mutating func record(_ input: StreamInput, at nanos: UInt64) -> [UInt8] {
        var out = header()
        // Record times never go backwards (a read stamped on arrival can follow a later-stamped input).
        let nanos = max(nanos, latestNanos ?? nanos)
        latestNanos = nanos
        let start = startNanos ?? nanos
        startNanos = start
        let t = CaptureFormat.milliseconds(nanos >= start ? nanos - start : 0)
        if let bytes = input.bodyBytes {
            pendingReads.append((nanos >= start ? nanos - start : 0, bytes.count))
            let searchFrom = max(0, held.count - 1)
            held.append(contentsOf: bytes)
            if let cut = Self.lastLineBoundary(in: held, from: searchFrom) {
                out += segment(upTo: cut)
            } else if held.count >= maxHeldBytes {
                out += segment(upTo: held.count)
            }
            return out
        }
        out += flushHeld()
        switch input {
        case .request(let summary):
            out += line("t=\(t) request \(CaptureFormat.escape(summary.method)) \(CaptureFormat.escape(summary.url))")
            for header in summary.headers {
                out += line("t=\(t) request-header \(CaptureFormat.escape(header.name)): \(CaptureFormat.escape(header.value))")
            }
            out += line("t=\(t) request-body \(CaptureFormat.escape(summary.body))")
        case .response(let head):
            out += line("t=\(t) response \(head.status)")
            for header in head.headers {
                out += line("t=\(t) response-header \(CaptureFormat.escape(header.name)): \(CaptureFormat.escape(header.value))")
            }
        case .note(let text):
            out += line("t=\(t) note \(CaptureFormat.escape(text))")
        case .failed(let failure):
            out += line("t=\(t) failed \(failure.kind.rawValue) \(CaptureFormat.escape(failure.message))")
        case .bytes, .bytesReceived:
            break
        }
        return out
    }

    /// The bytes that close the capture: held body bytes and the `end` record.
    public mutating func finish(at nanos: UInt64) -> [UInt8] {
        var out = header()
        out += flushHeld()
        let nanos = max(nanos, latestNanos ?? nanos)
        let start = startNanos ?? nanos
        out += line("t=\(CaptureFormat.milliseconds(nanos >= start ? nanos - start : 0)) end")
        return out
    }

    private mutating func header() -> [UInt8] {
        guard !wroteHeader else { return [] }
        wroteHeader = true
        var text = CaptureFormat.magic + "\n"
        for note in preamble { text += ": " + CaptureFormat.escape(note) + "\n" }
        return Array(text.utf8)
    }

    private func line(_ record: String) -> [UInt8] {
        Array((CaptureFormat.recordPrefix + record + "\n").utf8)
    }

    private mutating func flushHeld() -> [UInt8] {
        guard !held.isEmpty || !pendingReads.isEmpty else { return [] }
        return segment(upTo: held.count)
    }

    /// Writes `held[..<cut]` with the reads that arrived since the last record.
    private mutating func segment(upTo cut: Int) -> [UInt8] {
        let isOpen = cut > 0 && !Self.endsLine(held[..<cut])
        let reads = pendingReads.map { "\(CaptureFormat.milliseconds($0.nanos))+\($0.count)" }.joined(separator: ",")
        var out = line("bytes \(cut)\(isOpen ? " open" : "") reads=\(reads)")
        out += held[..<cut]
        if isOpen { out.append(0x0A) }
        held.removeFirst(cut)
        pendingReads.removeAll()
        return out
    }

    /// True when `bytes` ends with LF or CR (a CR at the very end may still be followed by LF, but
    /// the record line's own LF then only adds an empty line after it, which SSE treats the same).
    private static func endsLine(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.last == 0x0A || bytes.last == 0x0D
    }

    /// The index just after the last complete line end in `bytes` at or after `start`: an LF, or a
    /// CR followed by a byte other than LF. A trailing CR is not a boundary yet (its LF may be in
    /// the next read). Held bytes never contain a boundary, so only new bytes need scanning.
    static func lastLineBoundary(in bytes: [UInt8], from start: Int = 0) -> Int? {
        var i = bytes.count - 1
        while i >= start {
            if bytes[i] == 0x0A { return i + 1 }
            if bytes[i] == 0x0D && i + 1 < bytes.count { return i + 1 }
            i -= 1
        }
        return nil
    }
}

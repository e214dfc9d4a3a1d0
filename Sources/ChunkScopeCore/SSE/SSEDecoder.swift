// SSE — how it fits: the first stage of the core. Raw body bytes, split wherever the network split
// them, go in; `SSEEvent`s come out (messages, comments, retry hints, over-long-line errors). The
// chunk stage (`ChunkDecoder`) then reads each message's `data`.
//
// Parsing follows the WHATWG EventSource rules ("Interpreting an event stream"), with two
// deliberate extensions documented in README.md ("Architecture", SSE decoding):
//   * `finish()` dispatches a message that was still pending at end of stream (WHATWG discards it),
//     because truncated provider streams end exactly like that and their last chunk must not be lost;
//   * a line longer than `maxLineBytes` becomes one `.lineTooLong` event and is never buffered.

/// Incremental Server-Sent Events decoder: feed byte buffers split at any point, get events.
///
/// Splitting the same byte stream differently never changes the events produced (including
/// `byteCount`): a CR at the end of one buffer ends its line at once, and an LF starting the next
/// buffer is recognised as the second half of that CRLF. So that this holds for `byteCount`, the
/// LF of a CRLF is always counted with the bytes that follow its line: on a CRLF stream a blank
/// line's LF is attributed to the next message.
public struct SSEDecoder: Sendable {
    /// Lines longer than this many bytes (line end excluded) are reported, not buffered.
    public let maxLineBytes: Int

    /// Bytes of the current, not yet terminated line.
    private var partialLine: [UInt8] = []
    /// Length of the current line while it is being discarded for exceeding `maxLineBytes`.
    private var discardedLineLength: Int?
    /// The previous buffer ended with CR: an LF opening the next buffer completes that CRLF.
    private var skipLeadingLF = false
    /// No line has been completed yet (a leading byte order mark is still to be stripped).
    private var atStreamStart = true

    /// The data buffer: every `data:` value followed by LF.
    private var dataBytes: [UInt8] = []
    /// At least one `data` field was seen since the last dispatch.
    private var hasData = false
    /// The event type buffer (`event:`), nil when empty.
    private var eventType: String?
    /// The last event ID buffer (`id:`), persisting across messages as the spec says.
    private var lastEventID: String?
    /// Some line of the pending message was not valid UTF-8.
    private var pendingInvalidUTF8 = false
    /// Raw bytes of the pending message's lines, line ends included.
    private var pendingByteCount = 0

    /// A decoder whose lines may be at most `maxLineBytes` long (default 16 MiB).
    public init(maxLineBytes: Int = 16 << 20) {
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Decodes the next piece of the byte stream, returning the events it completed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
        var events: [SSEEvent] = []
        feed(bytes, into: &events)
        return events
    }

    /// Decodes the next piece of the byte stream, appending the events it completed to `events`.
    public mutating func feed(_ bytes: some Sequence<UInt8>, into events: inout [SSEEvent]) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            feedBuffer(buffer, into: &events)
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { feedBuffer($0, into: &events) }
        }
    }

    /// Decodes the next piece of the byte stream from raw memory, appending completed events.
    public mutating func feed(_ buffer: UnsafeRawBufferPointer, into events: inout [SSEEvent]) {
        buffer.withMemoryRebound(to: UInt8.self) { feedBuffer($0, into: &events) }
    }

    /// Ends the stream: a final unterminated line is processed and a pending message is
    /// dispatched (see the type's notes). The decoder is then ready for a new stream.
    public mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if let length = discardedLineLength {
            events.append(.lineTooLong(byteCount: length))
            discardedLineLength = nil
        } else if !partialLine.isEmpty {
            let line = partialLine
            partialLine.removeAll()
            line.withUnsafeBufferPointer { processLine($0, lineEndLength: 0, into: &events) }
        }
        dispatch(into: &events)
        self = SSEDecoder(maxLineBytes: maxLineBytes)
        return events
    }

    // MARK: - Line splitting

    private mutating func feedBuffer(_ buffer: UnsafeBufferPointer<UInt8>, into events: inout [SSEEvent]) {
        let count = buffer.count
        guard count > 0, let base = buffer.baseAddress else { return }
        var start = 0
        if skipLeadingLF {
            skipLeadingLF = false
            if base[0] == 0x0A {
                // The second half of a CRLF whose CR ended the previous buffer.
                pendingByteCount += 1
                start = 1
            }
        }
        var index = start
        while index < count {
            index = ByteScanning.firstLineEnd(base, from: index, to: count)
            guard index < count else { break }
            let byte = base[index]
            var lineEndLength = 1
            if byte == 0x0D {
                if index + 1 < count {
                    if base[index + 1] == 0x0A { lineEndLength = 2 }
                } else {
                    skipLeadingLF = true
                }
            }
            completeLine(UnsafeBufferPointer(start: base + start, count: index - start),
                         lineEndLength: 1, into: &events)
            if lineEndLength == 2 {
                // Counted after the line, exactly as when the LF arrives in the next buffer.
                pendingByteCount += 1
            }
            index += lineEndLength
            start = index
        }
        if start < count {
            appendToPartialLine(UnsafeBufferPointer(start: base + start, count: count - start))
        }
    }

    /// Adds bytes of a line whose end has not arrived yet, switching to discarding past the bound.
    private mutating func appendToPartialLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let length = discardedLineLength {
            discardedLineLength = length + bytes.count
        } else if partialLine.count + bytes.count > maxLineBytes {
            discardedLineLength = partialLine.count + bytes.count
            partialLine = []
        } else {
            partialLine.append(contentsOf: bytes)
        }
    }

    /// Handles a line that ended in this buffer: `tail` is its part inside the buffer.
    private mutating func completeLine(_ tail: UnsafeBufferPointer<UInt8>, lineEndLength: Int,
                                       into events: inout [SSEEvent]) {
        if let length = discardedLineLength {
            discardedLineLength = nil
            atStreamStart = false
            events.append(.lineTooLong(byteCount: length + tail.count))
            return
        }
        if partialLine.isEmpty {
            guard tail.count <= maxLineBytes else {
                atStreamStart = false
                events.append(.lineTooLong(byteCount: tail.count))
                return
            }
            processLine(tail, lineEndLength: lineEndLength, into: &events)
            return
        }
        let total = partialLine.count + tail.count
        guard total <= maxLineBytes else {
            partialLine.removeAll(keepingCapacity: false)
            atStreamStart = false
            events.append(.lineTooLong(byteCount: total))
            return
        }
        partialLine.append(contentsOf: tail)
        let line = partialLine
        partialLine.removeAll(keepingCapacity: partialLine.capacity <= 1 << 16)
        line.withUnsafeBufferPointer { processLine($0, lineEndLength: lineEndLength, into: &events) }
    }

    // MARK: - Field interpretation

    /// Interprets one complete line (without its line end).
    private mutating func processLine(_ rawLine: UnsafeBufferPointer<UInt8>, lineEndLength: Int,
                                      into events: inout [SSEEvent]) {
        var line = rawLine
        var byteLength = rawLine.count + lineEndLength
        if atStreamStart {
            atStreamStart = false
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeBufferPointer(rebasing: line[3...])
                byteLength -= 3
            }
        }
        guard let base = line.baseAddress, line.count > 0 else {
            pendingByteCount += byteLength
            dispatch(into: &events)
            return
        }
        let count = line.count
        if base[0] == 0x3A {  // ":" starts a comment
            var valueStart = 1
            if valueStart < count && base[valueStart] == 0x20 { valueStart += 1 }
            let (text, _) = Self.decodeUTF8(UnsafeBufferPointer(start: base + valueStart, count: count - valueStart))
            events.append(.comment(text))
            return
        }
        pendingByteCount += byteLength
        var colon = 0
        while colon < count && base[colon] != 0x3A { colon += 1 }
        let fieldLength = colon
        var value = UnsafeBufferPointer<UInt8>(start: base + count, count: 0)
        if colon < count {
            var valueStart = colon + 1
            if valueStart < count && base[valueStart] == 0x20 { valueStart += 1 }
            value = UnsafeBufferPointer(start: base + valueStart, count: count - valueStart)
        }
        switch fieldLength {
        case 4 where base[0] == 0x64 && base[1] == 0x61 && base[2] == 0x74 && base[3] == 0x61:  // data
            dataBytes.append(contentsOf: value)
            dataBytes.append(0x0A)
            hasData = true
        case 5 where base[0] == 0x65 && base[1] == 0x76 && base[2] == 0x65 && base[3] == 0x6E && base[4] == 0x74:  // event
            let (text, valid) = Self.decodeUTF8(value)
            if !valid { pendingInvalidUTF8 = true }
            eventType = text.isEmpty ? nil : text
        case 2 where base[0] == 0x69 && base[1] == 0x64:  // id
            if !value.contains(0) {
                let (text, valid) = Self.decodeUTF8(value)
                if !valid { pendingInvalidUTF8 = true }
                lastEventID = text
            }
        case 5 where base[0] == 0x72 && base[1] == 0x65 && base[2] == 0x74 && base[3] == 0x72 && base[4] == 0x79:  // retry
            if let milliseconds = Self.parseDigits(value) {
                events.append(.retry(milliseconds))
            }
        default:
            break  // unknown fields are ignored, per spec
        }
    }

    /// Dispatches the pending message (blank line or end of stream), then resets the buffers.
    private mutating func dispatch(into events: inout [SSEEvent]) {
        defer {
            dataBytes.removeAll(keepingCapacity: dataBytes.capacity <= 1 << 16)
            hasData = false
            eventType = nil
            pendingInvalidUTF8 = false
            pendingByteCount = 0
        }
        guard hasData else { return }
        let (data, valid) = dataBytes.withUnsafeBufferPointer {
            Self.decodeUTF8(UnsafeBufferPointer(rebasing: $0.dropLast()))
        }
        events.append(.message(SSEMessage(
            event: eventType, data: data, id: lastEventID,
            hadInvalidUTF8: pendingInvalidUTF8 || !valid, byteCount: pendingByteCount)))
    }

    // MARK: - Helpers

    /// Decodes UTF-8, replacing invalid sequences with U+FFFD; the flag is false when any was.
    @inline(__always)
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        ByteScanning.decodeUTF8(bytes)
    }

    /// The value as a non-negative decimal integer when it is all ASCII digits and fits an Int.
    static func parseDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        return result
    }
}

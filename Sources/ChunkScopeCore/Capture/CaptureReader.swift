import Foundation

/// Reads a capture (see `CaptureFormat`) back into timed `StreamInput`s. A plain `.sse` file
/// (no magic line) is read as body bytes, one input per SSE event, 25 ms apart.
public enum CaptureReader {
    /// Why a capture could not be read; names the 1-based line.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line of the problem.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// The gap between events when a plain `.sse` file (no timing) is replayed.
    public static let plainEventGap: UInt64 = 25_000_000

    /// Reads the file at `path`.
    public static func read(contentsOf path: String) throws -> Capture {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return try read([UInt8](data))
    }

    /// Reads capture bytes (or plain SSE bytes).
    public static func read(_ bytes: [UInt8]) throws(ReadError) -> Capture {
        guard CaptureFormat.isCapture(bytes) else { return plain(bytes) }
        var parser = Parser(bytes: bytes)
        return try parser.parse()
    }

    /// A plain SSE body split after each blank line (each event with its terminator is one read).
    static func plain(_ bytes: [UInt8]) -> Capture {
        var inputs: [Capture.TimedInput] = []
        var start = 0
        var i = 0
        var previousWasLineEnd = true
        while i < bytes.count {
            let b = bytes[i]
            var lineEndLength = 0
            if b == 0x0A { lineEndLength = 1 }
            if b == 0x0D { lineEndLength = (i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1 }
            if lineEndLength > 0 {
                let end = i + lineEndLength
                if previousWasLineEnd && i > start {
                    inputs.append(.init(offset: UInt64(inputs.count) * plainEventGap, input: .bytes(Array(bytes[start..<end]))))
                    start = end
                }
                previousWasLineEnd = true
                i = end
            } else {
                previousWasLineEnd = false
                i += 1
            }
        }
        if start < bytes.count {
            inputs.append(.init(offset: UInt64(inputs.count) * plainEventGap, input: .bytes(Array(bytes[start...]))))
        }
        return Capture(inputs: inputs, isComplete: true, hasTiming: false)
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        var line = 1
        var inputs: [Capture.TimedInput] = []
        var request: (offset: UInt64, summary: RequestSummary)?
        var response: (offset: UInt64, head: ResponseHead)?
        var pendingBytes: [UInt8] = []
        var pendingReads: [(offset: UInt64, count: Int)] = []
        var complete = false
        var latestOffset: UInt64 = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func parse() throws(ReadError) -> Capture {
            _ = nextLine()
            while position < bytes.count {
                let lineNumber = line
                let text = nextLine()
                if text.hasPrefix(CaptureFormat.recordPrefix) {
                    try record(text.dropFirst(CaptureFormat.recordPrefix.count), line: lineNumber)
                } else if text.hasPrefix(":") || text.isEmpty {
                    continue
                } else {
                    throw ReadError(line: lineNumber, message: "body text outside a ':@ bytes' record (the capture was edited?)")
                }
            }
            flushGroups()
            flushLeftoverBytes()
            return Capture(inputs: inputs, isComplete: complete, hasTiming: true)
        }

        /// The next line without its LF (records are always LF-terminated).
        mutating func nextLine() -> String {
            let start = position
            while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            if position < bytes.count {
                position += 1
                line += 1
            }
            return text.hasSuffix("\r") ? String(text.dropLast()) : text
        }

        mutating func record(_ text: Substring, line lineNumber: Int) throws(ReadError) {
            if text.hasPrefix("bytes ") {
                try bytesRecord(text.dropFirst(6), line: lineNumber)
                return
            }
            guard text.hasPrefix("t="), let space = text.firstIndex(of: " "),
                let offset = CaptureFormat.nanoseconds(fromMilliseconds: text[text.index(text.startIndex, offsetBy: 2)..<space])
            else { throw ReadError(line: lineNumber, message: "record without a valid t= time (milliseconds, at most one year)") }
            try advanceClock(to: offset, line: lineNumber)
            let rest = text[text.index(after: space)...]
            let kind = rest.prefix(while: { $0 != " " })
            let value = rest.dropFirst(kind.count + (rest.count > kind.count ? 1 : 0))
            switch kind {
            case "request":
                flushGroups()
                flushLeftoverBytes()
                let method = value.prefix(while: { $0 != " " })
                let url = value.dropFirst(method.count).drop(while: { $0 == " " })
                request = (offset, RequestSummary(method: CaptureFormat.unescape(method), url: CaptureFormat.unescape(url)))
            case "request-header":
                guard request != nil else { throw ReadError(line: lineNumber, message: "request-header without a request record") }
                let parsed = try header(value, line: lineNumber)
                request?.summary.headers.append(parsed)
            case "request-body":
                guard request != nil else { throw ReadError(line: lineNumber, message: "request-body without a request record") }
                request?.summary.body = CaptureFormat.unescape(value)
            case "response":
                flushGroups()
                flushLeftoverBytes()
                guard let status = CaptureFormat.count(value, maxCount: 999), status >= 100 else {
                    throw ReadError(line: lineNumber, message: "response status '\(value)' is not a number from 100 to 999")
                }
                response = (offset, ResponseHead(status: status))
            case "response-header":
                guard response != nil else { throw ReadError(line: lineNumber, message: "response-header without a response record") }
                let parsed = try header(value, line: lineNumber)
                response?.head.headers.append(parsed)
            case "note":
                flushGroups()
                flushLeftoverBytes()
                inputs.append(.init(offset: offset, input: .note(CaptureFormat.unescape(value))))
            case "failed":
                flushGroups()
                flushLeftoverBytes()
                let kindText = value.prefix(while: { $0 != " " })
                let message = value.dropFirst(kindText.count).drop(while: { $0 == " " })
                let failureKind = StreamFailure.Kind(rawValue: String(kindText)) ?? .transport
                inputs.append(.init(offset: offset, input: .failed(StreamFailure(failureKind, CaptureFormat.unescape(message)))))
            case "end":
                flushGroups()
                flushLeftoverBytes()
                complete = true
            default:
                // Unknown record kinds from a newer writer are skipped.
                break
            }
        }

        func header(_ text: Substring, line lineNumber: Int) throws(ReadError) -> HTTPHeader {
            guard let colon = text.firstIndex(of: ":") else {
                throw ReadError(line: lineNumber, message: "header without ':'")
            }
            let value = text[text.index(after: colon)...].drop(while: { $0 == " " })
            return HTTPHeader(CaptureFormat.unescape(text[..<colon]), CaptureFormat.unescape(value))
        }

        mutating func bytesRecord(_ text: Substring, line lineNumber: Int) throws(ReadError) {
            flushGroups()
            let fields = text.split(separator: " ")
            guard let countText = fields.first, let count = CaptureFormat.count(countText) else {
                throw ReadError(line: lineNumber, message: "bytes record without a valid byte count (0 to \(CaptureFormat.maxByteCount))")
            }
            let isOpen = fields.contains("open")
            if let readsField = fields.first(where: { $0.hasPrefix("reads=") }) {
                for item in readsField.dropFirst(6).split(separator: ",") {
                    let parts = item.split(separator: "+", omittingEmptySubsequences: false)
                    guard parts.count == 2, let offset = CaptureFormat.nanoseconds(fromMilliseconds: parts[0]),
                        let length = CaptureFormat.count(parts[1])
                    else {
                        throw ReadError(line: lineNumber, message: "bad read '\(item)' (expected TIME+LENGTH: milliseconds, then a byte count)")
                    }
                    try advanceClock(to: offset, line: lineNumber)
                    pendingReads.append((offset, length))
                }
            }
            // A capture cut off mid-write has fewer bytes left than the record announced: keep them.
            let remaining = bytes.count - position
            let end = count <= remaining ? position + count : bytes.count
            let body = bytes[position..<end]
            line += body.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            pendingBytes.append(contentsOf: body)
            position = end
            if isOpen, position < bytes.count, bytes[position] == 0x0A {
                position += 1
                line += 1
            }
            deliverCompleteReads()
        }

        /// Record and read times never go backwards (the writer guarantees it; a capture that
        /// breaks it was edited, and later stages rely on times that only grow).
        mutating func advanceClock(to offset: UInt64, line lineNumber: Int) throws(ReadError) {
            guard offset >= latestOffset else {
                throw ReadError(line: lineNumber, message: "time \(CaptureFormat.milliseconds(offset)) ms is before the previous record's \(CaptureFormat.milliseconds(latestOffset)) ms")
            }
            latestOffset = offset
        }

        mutating func deliverCompleteReads() {
            var used = 0
            var delivered = 0
            for read in pendingReads {
                guard pendingBytes.count - used >= read.count else { break }
                inputs.append(.init(offset: read.offset, input: .bytes(Array(pendingBytes[used..<used + read.count]))))
                used += read.count
                delivered += 1
            }
            pendingReads.removeFirst(delivered)
            pendingBytes.removeFirst(used)
        }

        /// Bytes not matched by a read (a truncated capture) are delivered at the last known time.
        mutating func flushLeftoverBytes() {
            if !pendingBytes.isEmpty {
                let offset = pendingReads.first?.offset ?? inputs.last?.offset ?? 0
                inputs.append(.init(offset: offset, input: .bytes(pendingBytes)))
            }
            pendingBytes.removeAll()
            pendingReads.removeAll()
        }

        mutating func flushGroups() {
            if let request {
                inputs.append(.init(offset: request.offset, input: .request(request.summary)))
                self.request = nil
            }
            if let response {
                inputs.append(.init(offset: response.offset, input: .response(response.head)))
                self.response = nil
            }
        }
    }
}

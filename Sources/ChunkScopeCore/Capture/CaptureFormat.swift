/// The ChunkScope capture format (v1): a file that is still a plain `.sse` stream.
///
/// Every line ChunkScope adds is an SSE comment (starts with `:`), so any SSE reader sees exactly
/// the original events. Records are comment lines starting with `:@`; plain `: …` lines are notes
/// for people. Body bytes follow a `:@ bytes` record that gives their exact count, so the reader
/// never confuses body lines with records and every byte (partial lines, CR, invalid UTF-8) is kept.
///
///     : chunkscope-capture v1
///     :@ t=0.000 request POST https://api.openai.com/v1/chat/completions
///     :@ t=0.000 request-header Authorization: [REDACTED]
///     :@ t=0.000 request-body {"model":"gpt-4o-mini",…}
///     :@ t=231.402 response 200
///     :@ t=231.402 response-header content-type: text/event-stream
///     :@ bytes 157 reads=231.900+37,232.011+120
///     data: {…}            ← exactly 157 body bytes, as received
///     :@ t=5000.000 end
///
/// `t=` is milliseconds since the start of the capture (microsecond precision). `reads=` lists the
/// original network reads as `time+length`; a read may end in a later `:@ bytes` record, because the
/// writer only inserts records between complete lines. A record for bytes that do not end a line
/// says `open` and is followed by one extra `\n` that is not part of the body. Text fields escape
/// `\` as `\\`, LF as `\n` and CR as `\r`.
public enum CaptureFormat {
    /// The first line of every capture.
    public static let magic = ": chunkscope-capture v1"
    /// The prefix of a record line.
    static let recordPrefix = ":@ "

    /// True when `bytes` starts like a capture (after an optional UTF-8 BOM).
    public static func isCapture(_ bytes: some Collection<UInt8>) -> Bool {
        var body = Array(bytes.prefix(magic.utf8.count + 3))
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        return body.starts(with: Array(magic.utf8))
    }

    /// `text` with `\`, LF and CR escaped so it fits on one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The inverse of `escape`.
    static func unescape(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for scalar in text.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Nanoseconds as milliseconds with three decimals (`12.345`).
    static func milliseconds(_ nanos: UInt64) -> String {
        let micros = nanos / 1000 + (nanos % 1000 >= 500 ? 1 : 0)
        let fraction = String(micros % 1000)
        return "\(micros / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The latest time a capture may record: one year after its start, in nanoseconds. Larger
    /// times are rejected when read, so no later arithmetic on them (speed scaling, sleeping,
    /// metrics) can overflow.
    public static let maxTime: UInt64 = 365 * 24 * 3600 * 1_000_000_000

    /// The longest body byte count or read length accepted in a record (1 GiB).
    public static let maxByteCount = 1 << 30

    /// Parses `12.345` milliseconds (ASCII digits, at most six decimals, at most `maxTime`) back
    /// to nanoseconds; nil for anything else.
    static func nanoseconds(fromMilliseconds text: Substring) -> UInt64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, let whole = decimal(wholeText, maxDigits: 12) else { return nil }
        var nanos = whole.multipliedReportingOverflow(by: 1_000_000)
        guard !nanos.overflow else { return nil }
        if parts.count == 2 {
            let digits = parts[1]
            guard let value = decimal(digits, maxDigits: 6) else { return nil }
            var scaled = value
            for _ in digits.count..<6 { scaled *= 10 }
            nanos = nanos.partialValue.addingReportingOverflow(scaled)
            guard !nanos.overflow else { return nil }
        }
        return nanos.partialValue <= maxTime ? nanos.partialValue : nil
    }

    /// A non-negative decimal count (ASCII digits only, no sign) of at most `maxCount`; nil otherwise.
    static func count(_ text: Substring, maxCount: Int = maxByteCount) -> Int? {
        guard let value = decimal(text, maxDigits: 18), value <= UInt64(maxCount) else { return nil }
        return Int(value)
    }

    /// `text` as an unsigned number when it is 1…`maxDigits` ASCII digits (so it cannot overflow).
    private static func decimal(_ text: Substring, maxDigits: Int) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= maxDigits else { return nil }
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }
}

/// What a byte source (transport, replay file, test) hands the session actor, in order.
/// A source ends its sequence after the last input; a clean end of the body has no case of its own.
public enum StreamInput: Sendable, Equatable {
    /// The request as sent, with secrets already redacted.
    case request(RequestSummary)
    /// The response status line and headers.
    case response(ResponseHead)
    /// Body bytes as they arrived (any split), timed when the consumer handles them.
    case bytes([UInt8])
    /// Body bytes with the moment the source received them. A source that hands its reads over in
    /// batches (the transport, to wake its consumer less often) uses this so the timing stays exact.
    case bytesReceived([UInt8], at: ContinuousClock.Instant)
    /// Something the transport wants shown, e.g. "retrying in 2 s after 429".
    case note(String)
    /// The transfer failed; what arrived before stays.
    case failed(StreamFailure)
}

extension StreamInput {
    /// The body bytes of `.bytes` and `.bytesReceived`; nil for the other inputs.
    public var bodyBytes: [UInt8]? {
        switch self {
        case .bytes(let bytes), .bytesReceived(let bytes, _): bytes
        default: nil
        }
    }

    /// The input's timestamp for a consumer whose monotonic clock reads `now` (nanoseconds):
    /// `now` itself, or for `.bytesReceived` `now` moved back to when the source received the bytes.
    public func arrival(onClockReading now: UInt64) -> UInt64 {
        guard case .bytesReceived(_, let received) = self else { return now }
        let ago = (ContinuousClock.now - received).nanoseconds
        return now >= ago ? now - ago : 0
    }
}

/// A redacted summary of the HTTP request.
public struct RequestSummary: Sendable, Equatable {
    public var method: String
    public var url: String
    /// Header name/value pairs in order; credentials already replaced by a redaction marker.
    public var headers: [HTTPHeader]
    /// The JSON body as sent (contains no credentials).
    public var body: String

    public init(method: String = "POST", url: String, headers: [HTTPHeader] = [], body: String = "") {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// The HTTP response status and headers.
public struct ResponseHead: Sendable, Equatable {
    public var status: Int
    public var headers: [HTTPHeader]

    public init(status: Int, headers: [HTTPHeader] = []) {
        self.status = status
        self.headers = headers
    }

    /// The value of the first header named `name`, compared case-insensitively.
    public func value(of name: String) -> String? {
        let lower = name.lowercased()
        return headers.first(where: { $0.name.lowercased() == lower })?.value
    }
}

/// One HTTP header.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Why a transfer ended badly.
public struct StreamFailure: Sendable, Equatable, Error {
    /// The kind of failure, for tests and for choosing the message style.
    public enum Kind: String, Sendable, Equatable {
        case connect, timeout, stalled, httpStatus, cancelled, transport, badInput
    }
    public var kind: Kind
    /// One line a person can act on; never contains a credential.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

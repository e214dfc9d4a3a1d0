/// One step of a streamed mock response.
enum MockFrame: Sendable, Equatable {
    /// `data: PAYLOAD` plus a blank line; `paced` frames wait for the pacing interval first.
    case data(String, paced: Bool)
    /// `: TEXT` plus a blank line (a keep-alive comment).
    case comment(String, paced: Bool)
    /// Bytes written verbatim (already framed).
    case raw(String)
    /// Close the connection abruptly (no terminating chunk).
    case drop
    /// Send nothing for this many seconds (or until the client leaves).
    case stall(seconds: Double)
}

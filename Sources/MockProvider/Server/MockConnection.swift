import NIOCore
import NIOHTTP1

/// Serves the requests of one connection in order (keep-alive), writing streamed responses with
/// pacing and backpressure: each write waits while the socket is not writable.
struct MockConnection {
    let connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>
    let responder: MockResponder

    /// The largest request body accepted.
    static let maxRequestBytes = 32 << 20
    /// Unpaced output is gathered into writes of about this size.
    static let batchBytes = 64 << 10

    /// Thrown to close the connection abruptly (mock-drop).
    private struct HangUp: Error {}

    /// Serves until the client closes, a response asks to hang up, or the server shuts down.
    func serve() async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                var body: [UInt8] = []
                for try await part in inbound {
                    switch part {
                    case .head(let requestHead):
                        head = requestHead
                        body = []
                    case .body(let buffer):
                        guard body.count + buffer.readableBytes <= Self.maxRequestBytes else { throw HangUp() }
                        body.append(contentsOf: buffer.readableBytesView)
                    case .end:
                        guard let requestHead = head else { continue }
                        let response = responder.respond(to: requestHead, body: body)
                        try await write(response, keepAlive: requestHead.isKeepAlive, version: requestHead.version, to: outbound)
                        if !requestHead.isKeepAlive { return }
                        head = nil
                    }
                }
            }
        } catch {
            // The client left, the server is shutting down, or a scenario dropped the connection.
        }
    }

    private func write(_ response: MockResponse, keepAlive: Bool, version: HTTPVersion,
                       to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        switch response {
        case .complete(let status, let headers, let body):
            var head = HTTPResponseHead(version: version, status: status, headers: HTTPHeaders(headers))
            head.headers.replaceOrAdd(name: "content-length", value: String(body.utf8.count))
            if !keepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
            try await outbound.write(.head(head))
            if !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(string: body)))) }
            try await outbound.write(.end(nil))
        case .stream(let headers, let frames, let lineEnd, let rate):
            var head = HTTPResponseHead(version: version, status: .ok, headers: HTTPHeaders(headers))
            if !keepAlive { head.headers.replaceOrAdd(name: "connection", value: "close") }
            try await outbound.write(.head(head))
            try await stream(frames, lineEnd: lineEnd, rate: rate, to: outbound)
            try await outbound.write(.end(nil))
        case .hangUp:
            throw HangUp()
        case .silence(let seconds):
            try await waitWhileConnected(seconds: seconds)
            throw HangUp()
        }
    }

    private func stream(_ frames: [MockFrame], lineEnd: String, rate: Double,
                        to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        let pacing = responder.pacing
        var batch = ByteBuffer()
        var isFirstPaced = true
        func flush() async throws {
            guard batch.readableBytes > 0 else { return }
            try await outbound.write(.body(.byteBuffer(batch)))
            batch = ByteBuffer()
        }
        for frame in frames {
            var delay = 0.0
            switch frame {
            case .data(_, let paced), .comment(_, let paced):
                if paced && rate > 0 {
                    delay = isFirstPaced ? pacing.firstTokenDelay : pacing.gap(rate: rate)
                    isFirstPaced = false
                }
            default:
                break
            }
            if delay > 0 {
                try await flush()
                try await Task.sleep(for: .nanoseconds(Int64(delay * 1e9)))
            }
            switch frame {
            case .data(let payload, _):
                batch.writeString("data: " + payload + lineEnd + lineEnd)
            case .comment(let text, _):
                batch.writeString(": " + text + lineEnd + lineEnd)
            case .raw(let text):
                batch.writeString(lineEnd == "\n" ? text : text.replacingNewlines(with: lineEnd))
            case .drop:
                try await flush()
                throw HangUp()
            case .stall(let seconds):
                try await flush()
                try await waitWhileConnected(seconds: seconds)
            }
            if rate > 0 || batch.readableBytes >= Self.batchBytes { try await flush() }
        }
        try await flush()
    }

    /// Sleeps up to `seconds`, returning early when the client disconnects; throws on shutdown.
    private func waitWhileConnected(seconds: Double) async throws {
        let deadline = ContinuousClock.now + .nanoseconds(Int64(seconds * 1e9))
        while ContinuousClock.now < deadline, connection.channel.isActive {
            try await Task.sleep(for: .milliseconds(20))
        }
        if !connection.channel.isActive { throw HangUp() }
    }
}

extension String {
    /// The text with every LF replaced by `lineEnd`.
    fileprivate func replacingNewlines(with lineEnd: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineEnd)
    }
}

import CCurl
import ChunkScopeCore
import Foundation

/// One transfer's state. `run()` executes on the transfer's own thread; `cancel()` may be called from
/// any thread and wakes the multi poll at once. Everything except the lock-guarded fields is only
/// touched on the transfer thread (libcurl calls the callbacks there too).
final class CurlTransfer: @unchecked Sendable {
    private let request: ChatRequest
    private let options: TransportOptions
    private let continuation: AsyncStream<StreamInput>.Continuation
    private let secrets: [Secret]

    private let lock = NSLock()
    private var cancelRequested = false
    private var finished = false
    private var wakeableMulti: UnsafeMutableRawPointer?
    /// Set when `curl_multi_wakeup` failed: the transfer thread then polls in short slices.
    private var wakeupFailed = false

    private var masker: SecretMasker
    private var response = AttemptResponse()
    private var retriesUsed = 0
    private var lastActivity: UInt64 = 0
    private var totalBodyBytes = 0
    /// Body reads not yet handed over (see `TransportOptions.handoverInterval`), in order.
    private var heldReads: [StreamInput] = []
    private var lastHandover: ContinuousClock.Instant?
    private let handoverInterval: Duration

    /// The longest error body kept for the message (the bytes are still all forwarded).
    private static let errorBodyLimit = 1 << 20

    init(request: ChatRequest, options: TransportOptions, continuation: AsyncStream<StreamInput>.Continuation) {
        self.request = request
        self.options = options
        self.continuation = continuation
        self.secrets = request.secrets
        self.masker = SecretMasker(secrets: request.secrets)
        self.handoverInterval = .seconds(options.handoverInterval)
    }

    // MARK: Cross-thread control

    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        cancelRequested = true
        // Should the wake-up fail, the transfer thread sees the flag at its next short poll.
        if let multi = wakeableMulti, curl_multi_wakeup(multi) != CURLM_OK { wakeupFailed = true }
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelRequested
    }

    /// True once a `curl_multi_wakeup` failed: polls are then kept short so a cancel is still seen.
    private var cancelWakeupFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return wakeupFailed
    }

    /// The longest poll, in milliseconds, once the wake-up has failed.
    private static let pollSliceWithoutWakeup: Int32 = 20

    var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    // MARK: The transfer thread

    func run() {
        // Serialised here, on the transfer thread: a large body must not hold up the caller.
        let body = request.body()
        yield(.request(request.summary(body: body)))
        if let problem = headerProblem() {
            finish(with: StreamFailure(.badInput, problem))
            return
        }
        guard let multi = curl_multi_init() else {
            finish(with: StreamFailure(.transport, "libcurl could not create a transfer"))
            return
        }
        lock.lock()
        wakeableMulti = multi
        lock.unlock()
        // One buffer for every attempt, alive until the last one ends (libcurl reads it in place).
        let bodyBytes = Array(body.utf8)
        var failure: StreamFailure?
        while true {
            switch bodyBytes.withUnsafeBytes({ performAttempt(multi, body: $0) }) {
            case .done(let outcome):
                failure = outcome
            case .retry(let delay, let reason):
                retriesUsed += 1
                let wait = delay < 1 ? String(format: "%.1f s", delay) : "\(Int(delay.rounded())) s"
                yield(.note("\(reason); retrying in \(wait) (retry \(retriesUsed) of \(options.maxRetries))"))
                switch waitInterruptibly(multi, seconds: delay) {
                case .success(true): continue
                case .success(false): failure = cancelledFailure()
                case .failure(let error): failure = StreamFailure(.transport, error.message)
                }
            }
            break
        }
        lock.lock()
        wakeableMulti = nil
        lock.unlock()
        let cleanup = curl_multi_cleanup(multi)
        if cleanup != CURLM_OK, failure == nil {
            failure = StreamFailure(.transport, CurlSetupError(call: "curl_multi_cleanup", cleanup).message)
        }
        finish(with: failure)
    }

    /// Why a header cannot go on the wire as one header (a CR/LF in a value would start another),
    /// naming the header but never quoting its value; nil when all are fine.
    private func headerProblem() -> String? {
        for header in request.wireHeaders() {
            if let problem = HeaderValidation.problem(name: header.name, value: header.value) {
                return "Not sent: header '\(HeaderValidation.escapingControls(header.name))': \(problem)"
            }
        }
        return nil
    }

    private func finish(with failure: StreamFailure?) {
        forward(masker.finish())
        if let failure { yield(.failed(failure)) }
        handOverHeldReads()
        lock.lock()
        finished = true
        lock.unlock()
        continuation.finish()
    }

    private enum AttemptOutcome {
        case done(StreamFailure?)
        case retry(delay: Double, reason: String)
    }

    /// One attempt: sets the handle up (every option checked), runs it on `multi`, detaches it.
    /// `body` must stay valid until this returns.
    private func performAttempt(_ multi: UnsafeMutableRawPointer, body: UnsafeRawBufferPointer) -> AttemptOutcome {
        response = AttemptResponse()
        guard let easy = curl_easy_init() else { return .done(StreamFailure(.transport, "libcurl could not create a handle")) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(cs_error_buffer_size()))
        errorBuffer.initialize(repeating: 0, count: Int(cs_error_buffer_size()))
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            curl_easy_cleanup(easy)
            curl_slist_free_all(headerList)
            errorBuffer.deallocate()
        }
        do throws(CurlSetupError) {
            // No `Expect: 100-continue` for large bodies: many servers never answer it (a 1 s stall).
            headerList = try CurlHeaderList.make(request.wireHeaders().map { "\($0.name): \($0.value)" } + ["Expect:"])
            try configure(CurlEasyOptions(handle: easy), body: body, headers: headerList, errorBuffer: errorBuffer)
        } catch {
            return .done(StreamFailure(.transport, redact(error.message)))
        }
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            return .done(StreamFailure(.transport, CurlSetupError(call: "curl_multi_add_handle", added).message))
        }
        var outcome = drive(multi, easy, errorBuffer: errorBuffer)
        let removed = curl_multi_remove_handle(multi, easy)
        if removed != CURLM_OK, case .done(nil) = outcome {
            outcome = .done(StreamFailure(.transport, CurlSetupError(call: "curl_multi_remove_handle", removed).message))
        }
        return outcome
    }

    /// Runs the attached handle until it finishes, is cancelled, stalls or a multi call fails.
    private func drive(_ multi: UnsafeMutableRawPointer, _ easy: UnsafeMutableRawPointer,
                       errorBuffer: UnsafeMutablePointer<CChar>) -> AttemptOutcome {
        lastActivity = DispatchTime.now().uptimeNanoseconds
        var connected = false
        var result: CURLcode?
        while result == nil {
            var running: Int32 = 0
            let code = curl_multi_perform(multi, &running)
            if code != CURLM_OK {
                return .done(StreamFailure(.transport, CurlSetupError(call: "curl_multi_perform", code).message))
            }
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                if cs_multi_msg_is_done(message) != 0 { result = cs_multi_msg_result(message) }
            }
            if result != nil { break }
            if isCancelled { return .done(cancelledFailure()) }
            let untilDue = handOverHeldReadsIfDue(now: .now)
            let now = DispatchTime.now().uptimeNanoseconds
            if !connected {
                var connectTime = 0.0
                let info = cs_easy_getinfo_double(easy, CURLINFO_CONNECT_TIME, &connectTime)
                guard info == CURLE_OK else {
                    return .done(StreamFailure(.transport, CurlSetupError(call: "curl_easy_getinfo(CURLINFO_CONNECT_TIME)", info).message))
                }
                if connectTime > 0 {
                    connected = true
                    lastActivity = max(lastActivity, now)
                }
            }
            var waitMs: Int32 = 100
            if connected {
                let idleNanos = UInt64(options.idleTimeout * 1e9)
                let elapsed = now &- lastActivity
                if elapsed >= idleNanos { return .done(stalledFailure()) }
                waitMs = Int32(min(1000, (idleNanos - elapsed) / 1_000_000 + 1))
            }
            if let untilDue {
                // Wake when the held reads are due.
                waitMs = min(waitMs, Int32(untilDue.nanoseconds / 1_000_000) + 1)
            }
            if cancelWakeupFailed { waitMs = min(waitMs, Self.pollSliceWithoutWakeup) }
            let polled = curl_multi_poll(multi, nil, 0, waitMs, nil)
            if polled != CURLM_OK {
                return .done(StreamFailure(.transport, CurlSetupError(call: "curl_multi_poll", polled).message))
            }
        }
        handOverHeldReads()
        return outcome(of: result ?? CURLE_OK, errorBuffer: String(cString: errorBuffer))
    }

    /// Every option of one attempt. The body goes from `body` in place (`CURLOPT_POSTFIELDS` with
    /// its size, no length limit), never through a read callback, so libcurl never reads stdin.
    private func configure(_ easy: CurlEasyOptions, body: UnsafeRawBufferPointer,
                           headers: UnsafeMutablePointer<curl_slist>?, errorBuffer: UnsafeMutablePointer<CChar>) throws(CurlSetupError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try easy.set(.url, request.url)
        try easy.set(.post, 1)
        try easy.refuseReads()
        try easy.set(.postFieldSize, offset: body.count)
        try easy.set(.postFields, pointer: UnsafeMutableRawPointer(mutating: body.baseAddress))
        try easy.set(.httpHeader, list: headers)
        // Turns on decoding of every Content-Encoding libcurl supports; the header itself is in the list.
        try easy.set(.acceptEncoding, "")
        try easy.set(.noSignal, 1)
        try easy.set(.connectTimeout, max(1, Int(options.connectTimeout * 1000)))
        try easy.set(.tcpKeepAlive, 1)
        try easy.set(.tcpNoDelay, 1)
        try easy.set(.followLocation, 0)
        // A proxy cannot reach this machine's loopback (the built-in mock, local servers): never use one for it.
        if request.isLoopback { try easy.set(.noProxy, "*") }
        // Behind HTTPS_PROXY, the proxy's "200 Connection established" is not the provider's response.
        try easy.set(.suppressConnectHeaders, 1)
        try easy.set(.errorBuffer, pointer: errorBuffer)
        try easy.set(.writeData, pointer: context)
        try easy.set(.writeFunction) { pointer, size, count, userdata in
            guard let userdata else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: pointer, count: size * count))
        }
        try easy.set(.headerData, pointer: context)
        try easy.set(.headerFunction) { pointer, size, count, userdata in
            guard let userdata else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: pointer, count: size * count))
            return size * count
        }
    }

    // MARK: Callbacks (transfer thread)

    /// Copies the bytes out (the pointer is only valid during the call) and forwards them.
    private func receiveBody(_ buffer: UnsafeRawBufferPointer) -> Int {
        if isCancelled { return 0 }
        lastActivity = DispatchTime.now().uptimeNanoseconds
        guard !buffer.isEmpty else { return 0 }
        let bytes = [UInt8](buffer)
        if !(200..<300).contains(response.status), response.errorBody.count < Self.errorBodyLimit {
            response.errorBody.append(contentsOf: bytes.prefix(Self.errorBodyLimit - response.errorBody.count))
        }
        if !response.heldForRetry {
            forward(masker.feed(bytes))
        }
        return buffer.count
    }

    /// Passes body bytes (already masked) on, stamped now: at once after a quiet spell, else held
    /// for the next hand-over.
    private func forward(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        totalBodyBytes += bytes.count
        let now = ContinuousClock.now
        heldReads.append(.bytesReceived(bytes, at: now))
        _ = handOverHeldReadsIfDue(now: now)
    }

    /// Hands the held reads over if the hand-over interval has passed since the last hand-over;
    /// otherwise returns how long until it has (the poll then wakes when they are due). Nil when
    /// nothing is held any more.
    private func handOverHeldReadsIfDue(now: ContinuousClock.Instant) -> Duration? {
        guard !heldReads.isEmpty else { return nil }
        if let last = lastHandover, now - last < handoverInterval {
            return last + handoverInterval - now
        }
        handOverHeldReads(at: now)
        return nil
    }

    /// Hands every held read over now (one wake-up of the consumer for all of them).
    private func handOverHeldReads(at now: ContinuousClock.Instant = .now) {
        guard !heldReads.isEmpty else { return }
        for read in heldReads { continuation.yield(read) }
        heldReads.removeAll(keepingCapacity: true)
        lastHandover = now
    }

    /// Yields a non-body input, after the held reads so the order stays as received.
    private func yield(_ input: StreamInput) {
        handOverHeldReads()
        continuation.yield(input)
    }

    private func receiveHeaderLine(_ buffer: UnsafeRawBufferPointer) {
        lastActivity = DispatchTime.now().uptimeNanoseconds
        var end = buffer.count
        while end > 0, buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            response = AttemptResponse()
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if parts.count >= 2, let status = Int(parts[1]) { response.status = status }
            if parts.count == 3 { response.reason = String(parts[2]) }
        } else if line.isEmpty {
            // 1xx interim responses are skipped; a second blank line ends HTTP trailers.
            guard response.status >= 200, response.head == nil else { return }
            let head = ResponseHead(status: response.status, headers: response.headers.map(Redaction.redactResponseHeader))
            response.head = head
            if shouldRetry(head) {
                response.heldForRetry = true
            } else {
                yield(.response(head))
            }
        } else if response.head == nil, let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            response.headers.append(HTTPHeader(name, value))
        }
    }

    // MARK: Outcomes

    private func shouldRetry(_ head: ResponseHead) -> Bool {
        guard head.status == 429 || head.status == 503, retriesUsed < options.maxRetries else { return false }
        return retryDelay(head) <= options.maxRetryDelay
    }

    private func retryDelay(_ head: ResponseHead) -> Double {
        RetryAfter.delay(from: head) ?? options.initialBackoff * pow(2, Double(retriesUsed))
    }

    private func outcome(of code: CURLcode, errorBuffer: String) -> AttemptOutcome {
        if isCancelled { return .done(cancelledFailure()) }
        let status = response.status
        if let head = response.head, response.heldForRetry {
            let reason = httpMessage(for: head)
            return .retry(delay: retryDelay(head), reason: reason)
        }
        if let head = response.head, !(200..<300).contains(status) {
            var message = httpMessage(for: head)
            if code != CURLE_OK { message += " (then: \(curlDetail(code, errorBuffer)))" }
            return .done(StreamFailure(.httpStatus, message))
        }
        if code == CURLE_OK { return .done(nil) }
        return .done(curlFailure(code, errorBuffer: errorBuffer))
    }

    private func httpMessage(for head: ResponseHead) -> String {
        HTTPErrorDescription.message(status: head.status, reason: response.reason, contentType: head.value(of: "content-type"),
                                     body: response.errorBody, secrets: secrets)
    }

    private func curlFailure(_ code: CURLcode, errorBuffer: String) -> StreamFailure {
        let detail = curlDetail(code, errorBuffer)
        let target = hostDescription()
        let kept = totalBodyBytes > 0 ? "; kept the \(totalBodyBytes) bytes received" : ""
        switch code {
        case CURLE_COULDNT_CONNECT:
            return StreamFailure(.connect, redact("Could not connect to \(target) (\(detail))"))
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return StreamFailure(.connect, redact("Could not resolve \(target) (\(detail))"))
        case CURLE_OPERATION_TIMEDOUT:
            return StreamFailure(.timeout, redact("Could not connect to \(target) within \(seconds(options.connectTimeout)) (connect timeout; \(detail))"))
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            if response.head == nil {
                return StreamFailure(.transport, redact("\(target) closed the connection before answering (\(detail))"))
            }
            return StreamFailure(.transport, redact("The connection closed mid-stream after \(totalBodyBytes) body bytes (\(detail))\(kept)"))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return StreamFailure(.connect, redact("TLS with \(target) failed (\(detail))"))
        default:
            return StreamFailure(.transport, redact("Transfer from \(target) failed (\(detail))\(kept)"))
        }
    }

    private func curlDetail(_ code: CURLcode, _ errorBuffer: String) -> String {
        errorBuffer.isEmpty ? String(cString: curl_easy_strerror(code)) : errorBuffer
    }

    private func stalledFailure() -> StreamFailure {
        let kept = totalBodyBytes > 0 ? "; kept the \(totalBodyBytes) bytes received" : ""
        let phase = response.head == nil ? "waiting for the response headers" : "mid-stream"
        return StreamFailure(.stalled, "No data for \(seconds(options.idleTimeout)) \(phase) (idle timeout)\(kept)")
    }

    private func cancelledFailure() -> StreamFailure {
        StreamFailure(.cancelled, totalBodyBytes > 0 ? "Cancelled; kept the \(totalBodyBytes) bytes received" : "Cancelled before any body byte")
    }

    /// `host:port` of the request, for messages (never the userinfo or query).
    private func hostDescription() -> String {
        guard let parts = URLParts(request.url), !parts.hostAndPort.isEmpty else { return Redaction.redactURL(request.url, secrets: secrets) }
        return parts.hostAndPort
    }

    private func redact(_ text: String) -> String {
        Redaction.redactText(text, secrets: secrets)
    }

    private func seconds(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// Waits `seconds` on the multi handle (no transfers attached): true when the wait ran out,
    /// false when cancelled.
    private func waitInterruptibly(_ multi: UnsafeMutableRawPointer, seconds: Double) -> Result<Bool, CurlSetupError> {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        while true {
            if isCancelled { return .success(false) }
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { return .success(true) }
            var waitMs = Int32(min(1000, (deadline - now) / 1_000_000 + 1))
            if cancelWakeupFailed { waitMs = min(waitMs, Self.pollSliceWithoutWakeup) }
            let polled = curl_multi_poll(multi, nil, 0, waitMs, nil)
            if polled != CURLM_OK { return .failure(CurlSetupError(call: "curl_multi_poll", polled)) }
        }
    }
}

/// What one attempt has seen of the response so far (transfer thread only).
private struct AttemptResponse {
    var status = 0
    var reason: String?
    var headers: [HTTPHeader] = []
    var head: ResponseHead?
    var heldForRetry = false
    var errorBody: [UInt8] = []
}

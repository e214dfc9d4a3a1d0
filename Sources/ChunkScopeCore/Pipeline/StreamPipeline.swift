/// The pure, synchronous stream pipeline: decode → accumulate → lint → metrics, plus the inspector
/// rows. Feed it inputs with their arrival time (nanoseconds from any monotonic clock); ask for a
/// `snapshot()` whenever the screen wants one. Per-chunk work is O(chunk size); nothing is re-scanned.
public struct StreamPipeline: Sendable {
    /// The options this pipeline was made with.
    public let options: PipelineOptions
    /// The inspector rows (append-only, shared with snapshots; raw text within the options' budget).
    public let log: InspectorEventLog

    private var decoder: SSEDecoder
    private var events: [SSEEvent] = []
    /// Recurring chunk strings (id, model, …) shared across this stream's chunks.
    private var chunkStrings = ChunkStringTable()
    private var accumulator = StreamAccumulator()
    private var linter = StreamLinter()
    private var diagnostics = DiagnosticLog()
    private var metrics = MetricsRecorder()
    private var state: StreamState = .idle
    private var request: RequestSummary?
    private var response: ResponseHead?
    private var notes: [String] = []
    private var version: UInt64 = 0
    private var start: UInt64?
    private var lastRowTime: UInt64?
    /// The latest time handled: stamps never go backwards (see `monotonic`).
    private var latestTime: UInt64 = 0
    private var sequence = 0
    private var lintRowsWritten = 0
    private var doneSeen = false
    private var finished = false
    /// True once CS110 (inspector budget reached) was raised: it is noted once per stream.
    private var budgetNoted = false
    /// Body bytes kept when the response is not an event stream (HTTP error, JSON body).
    private var plainBody: [UInt8]?
    private var plainBodyBytes = 0
    /// The first two body bytes (to recognise a gzip body by its magic number).
    private var bodyHead: [UInt8] = []

    /// Number of dispatched SSE messages (data events, `[DONE]` included).
    public private(set) var messageCount = 0
    /// Number of comment lines (`: keep-alive`).
    public private(set) var commentCount = 0
    /// Chunks decoded so far (data events that were `chat.completion.chunk`s).
    public private(set) var chunkCount = 0

    /// Creates a pipeline for one stream.
    public init(options: PipelineOptions = PipelineOptions()) {
        self.options = options
        log = InspectorEventLog(rawBudget: options.maxRetainedRawBytes)
        decoder = SSEDecoder(maxLineBytes: options.maxLineBytes)
    }

    // MARK: - Inputs

    /// Handles one input from a byte source, stamped with its arrival time.
    public mutating func handle(_ input: StreamInput, at nanos: UInt64) {
        guard !finished else { return }
        let nanos = monotonic(nanos)
        switch input {
        case .request(let summary):
            markStart(nanos)
            request = summary
            if state == .idle { state = .connecting }
            version &+= 1
        case .response(let head):
            markStart(nanos)
            metrics.recordResponse(at: nanos)
            receive(head)
            version &+= 1
        case .bytes(let bytes), .bytesReceived(let bytes, _):
            feed(bytes, at: nanos)
        case .note(let text):
            notes.append(text)
            version &+= 1
        case .failed(let failure):
            markStart(nanos)
            fail(failure, at: nanos)
        }
    }

    /// Feeds body bytes (any split) that arrived at `nanos`.
    public mutating func feed(_ bytes: [UInt8], at nanos: UInt64) {
        guard !finished else { return }
        let nanos = monotonic(nanos)
        markStart(nanos)
        version &+= 1
        metrics.recordBytes(bytes.count, at: nanos)
        if state == .idle || state == .connecting { state = .streaming }
        if plainBody != nil {
            keepPlain(bytes)
            return
        }
        if bodyHead.count < 2 { checkCompressed(bytes) }
        decoder.feed(bytes, into: &events)
        for event in events { process(event, at: nanos) }
        events.removeAll(keepingCapacity: true)
    }

    /// Ends the stream: flushes the decoder and raises end-of-stream findings. Idempotent.
    public mutating func finish(at nanos: UInt64) {
        guard !finished else { return }
        let nanos = monotonic(nanos)
        markStart(nanos)
        version &+= 1
        if let body = plainBody { showPlainBody(body, at: nanos) }
        for event in decoder.finish() { process(event, at: nanos) }
        finished = true
        let cancelled = state == .cancelled
        var failed = false
        if case .failed = state { failed = true }
        if cancelled {
            // Tool-call statuses are still decided, but a stream the user stopped gets no findings.
            var unreported = DiagnosticLog()
            accumulator.finish(diagnostics: &unreported)
        } else {
            accumulator.finish(diagnostics: &diagnostics)
        }
        if !cancelled && !failed && plainBody == nil {
            if accumulator.choices.isEmpty && accumulator.usage == nil && chunkCount == 0 {
                diagnostics.raise(.noChunks, event: nil, messageCount == 0
                    ? "the body held no SSE data event" : "no data event decoded as a chat.completion.chunk")
            } else if !doneSeen {
                diagnostics.raise(.missingDone, event: nil, "the stream ended without data: [DONE]")
            }
            if options.includeUsageRequested && accumulator.usage == nil {
                diagnostics.raise(.usageMissing, event: nil, "stream_options.include_usage was set but no usage arrived")
            }
        }
        if state == .idle || state == .connecting || state == .streaming { state = .finished }
        metrics.recordEvent(at: nanos)
        writeLintRows(at: nanos)
    }

    /// Marks the stream cancelled by the user; what arrived is kept.
    public mutating func cancel(at nanos: UInt64) {
        guard !finished else { return }
        state = .cancelled
        finish(at: nanos)
    }

    // MARK: - Results

    /// Everything about the stream so far, as one value.
    public func snapshot() -> SessionSnapshot {
        var snapshot = SessionSnapshot(version: version, state: state, request: request, response: response,
                                       choices: accumulator.choicesSnapshot(), usage: accumulator.usage,
                                       diagnostics: diagnostics.findings, events: log.slice(), metrics: metrics.metrics(),
                                       notes: notes)
        snapshot.replacedUsage = accumulator.replacedUsage
        return snapshot
    }

    /// The headless result (`chunkscope check`).
    public func report() -> CheckReport {
        var report = CheckReport(choices: accumulator.choicesSnapshot(), usage: accumulator.usage,
                                 diagnostics: diagnostics.findings, events: messageCount, comments: commentCount,
                                 metrics: metrics.metrics(), state: state)
        report.replacedUsage = accumulator.replacedUsage
        return report
    }

    // MARK: - Processing

    /// `nanos`, or the latest time already handled if that is later. Sources stamp on arrival and
    /// consumers on handling, so a request stamped late can follow bytes stamped early.
    private mutating func monotonic(_ nanos: UInt64) -> UInt64 {
        latestTime = max(latestTime, nanos)
        return latestTime
    }

    private mutating func markStart(_ nanos: UInt64) {
        if start == nil {
            start = nanos
            metrics.recordStart(at: nanos)
        }
    }

    private mutating func receive(_ head: ResponseHead) {
        response = head
        if state == .idle || state == .connecting { state = .streaming }
        let contentType = head.value(of: "content-type")?.lowercased() ?? ""
        if !(200...299).contains(head.status) {
            diagnostics.raise(.httpStatus, event: nil, "HTTP status \(head.status)")
            plainBody = []
        } else if !contentType.hasPrefix("text/event-stream") {
            diagnostics.raise(.contentType, event: nil,
                              contentType.isEmpty ? "no Content-Type header" : "Content-Type is \(contentType)")
            if contentType.hasPrefix("application/json") { plainBody = [] }
        }
    }

    private mutating func fail(_ failure: StreamFailure, at nanos: UInt64) {
        version &+= 1
        if failure.kind == .cancelled {
            state = .cancelled
        } else {
            state = .failed(failure)
            diagnostics.raise(.transferFailed, event: sequence == 0 ? nil : sequence, failure.message)
            writeLintRows(at: nanos)
        }
    }

    /// A body starting with gzip's magic bytes (1f 8b) reached the pipeline undecoded: a server
    /// compressed it unasked, or the transport did not decode it. Raised once, as CS111.
    private mutating func checkCompressed(_ bytes: [UInt8]) {
        bodyHead.append(contentsOf: bytes.prefix(2 - bodyHead.count))
        if bodyHead == [0x1F, 0x8B] {
            let encoding = response?.value(of: "content-encoding").map { " (Content-Encoding: \($0.prefix(40)))" } ?? " (no Content-Encoding header)"
            diagnostics.raise(.compressedBody, event: nil, "the body is gzip data\(encoding) that was not decoded; nothing in it can be read")
        }
    }

    private mutating func keepPlain(_ bytes: [UInt8]) {
        plainBodyBytes += bytes.count
        let room = options.maxPlainBodyBytes - (plainBody?.count ?? 0)
        if room > 0 { plainBody?.append(contentsOf: bytes.prefix(room)) }
    }

    private mutating func showPlainBody(_ body: [UInt8], at nanos: UInt64) {
        guard plainBodyBytes > 0 else { return }
        if CheckReport.unusableReason(for: body) == nil {
            // An error status with an event-stream body (`data: {"error": …}`): decode it as events.
            decoder.feed(body, into: &events)
            for event in events { process(event, at: nanos) }
            events.removeAll(keepingCapacity: true)
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        var summary = "body \(plainBodyBytes)B"
        let isError = !(200...299).contains(response?.status ?? 200)
        if let value = try? JSONParser.parse(text), let message = Self.errorMessage(value) {
            diagnostics.raise(.errorPayload, event: sequence + 1, message)
            summary = "error: "
            EventSummary.appendPreview(message, to: &summary, limit: 160)
        }
        sequence += 1
        appendRow(kind: isError ? .error : .data, size: plainBodyBytes, summary: summary, raw: text, at: nanos)
    }

    private mutating func process(_ event: SSEEvent, at nanos: UInt64) {
        sequence += 1
        switch event {
        case .message(let message):
            messageCount += 1
            metrics.recordChunk(at: nanos)
            if message.hadInvalidUTF8 {
                diagnostics.raise(.invalidUTF8, event: sequence, "invalid UTF-8 bytes (shown as U+FFFD)")
            }
            if let name = message.event, name != "message" {
                diagnostics.raise(.namedEvent, event: sequence, "event: \(name)")
            }
            if doneSeen {
                diagnostics.raise(.dataAfterDone, event: sequence, "data after [DONE]; ignored")
                appendRow(kind: .data, size: message.byteCount, summary: "after [DONE] (ignored)", raw: message.data, at: nanos)
            } else {
                processData(message, at: nanos)
            }
        case .comment(let text):
            commentCount += 1
            metrics.recordEvent(at: nanos)
            if options.recordsInspectorRows {
                var summary = ": "
                EventSummary.appendPreview(text, to: &summary, limit: 80)
                appendRow(kind: .comment, size: text.utf8.count + 2, summary: summary, raw: text, at: nanos)
            }
        case .retry(let millis):
            metrics.recordEvent(at: nanos)
            appendRow(kind: .retry, size: 0, summary: "retry: \(millis) ms", raw: "retry: \(millis)", at: nanos)
        case .lineTooLong(let count):
            metrics.recordEvent(at: nanos)
            diagnostics.raise(.lineTooLong, event: sequence,
                              "line of \(count) bytes exceeds the \(options.maxLineBytes)-byte bound; discarded")
            appendRow(kind: .invalid, size: count, summary: "line too long (\(count)B discarded)", raw: "", at: nanos)
        }
        if diagnostics.findings.count != lintRowsWritten { writeLintRows(at: nanos) }
    }

    private mutating func processData(_ message: SSEMessage, at nanos: UInt64) {
        switch ChunkDecoder.decode(message.data, strings: &chunkStrings) {
        case .chunk(let chunk):
            chunkCount += 1
            linter.check(chunk, event: sequence, diagnostics: &diagnostics)
            accumulator.apply(chunk, event: sequence, diagnostics: &diagnostics)
            recordOutput(chunk, at: nanos)
            if options.recordsInspectorRows {
                let time = rowTime(nanos)
                if budgetNoted {
                    // Over the budget every row is soon released: its summary is built now from the
                    // decoded chunk, so releasing it later needs no second parse of its JSON.
                    record(InspectorEvent(sequence: sequence, time: time.time, gap: time.gap, size: message.byteCount,
                                          kind: .data, summary: EventSummary.of(chunk), raw: message.data))
                } else {
                    record(InspectorEvent(sequence: sequence, time: time.time, gap: time.gap, size: message.byteCount,
                                          chunkData: message.data))
                }
            }
        case .done:
            doneSeen = true
            appendRow(kind: .done, size: message.byteCount, summary: "[DONE]", raw: message.data, at: nanos)
        case .error(let payload):
            let text = Self.errorMessage(payload) ?? "error payload"
            diagnostics.raise(.errorPayload, event: sequence, text)
            if case .object(let members) = payload, case .array? = payload["choices"],
               let chunk = ChunkDecoder.chunk(from: members) {
                // OpenRouter: an error object on a chunk that still carries choices
                // (`finish_reason: "error"`): the choices are accumulated too.
                chunkCount += 1
                linter.check(chunk, event: sequence, diagnostics: &diagnostics)
                accumulator.apply(chunk, event: sequence, diagnostics: &diagnostics)
                recordOutput(chunk, at: nanos)
            }
            var summary = "error: "
            EventSummary.appendPreview(text, to: &summary, limit: 160)
            appendRow(kind: .error, size: message.byteCount, summary: summary, raw: message.data, at: nanos)
        case .invalidJSON(let reason, let offset):
            diagnostics.raise(.notJSON, event: sequence, "not JSON at byte \(offset): \(reason)")
            var summary = "not JSON: "
            EventSummary.appendPreview(message.data, to: &summary, limit: 60)
            appendRow(kind: .invalid, size: message.byteCount, summary: summary, raw: message.data, at: nanos)
        case .unexpected(let value):
            diagnostics.raise(.notAChunk, event: sequence, "JSON \(Self.shape(of: value)) is not a chat.completion.chunk")
            appendRow(kind: .invalid, size: message.byteCount, summary: "unexpected JSON \(Self.shape(of: value))",
                      raw: message.data, at: nanos)
        }
    }

    private mutating func recordOutput(_ chunk: ChatCompletionChunk, at nanos: UInt64) {
        for i in chunk.choices.indices {   // field reads through indices: no per-choice copy
            var bytes = (chunk.choices[i].delta.content?.utf8.count ?? 0) + (chunk.choices[i].delta.refusal?.utf8.count ?? 0)
            bytes += max(chunk.choices[i].delta.reasoningContent?.utf8.count ?? 0, chunk.choices[i].delta.reasoning?.utf8.count ?? 0)
            if let calls = chunk.choices[i].delta.toolCalls {
                for k in calls.indices { bytes += calls[k].arguments?.utf8.count ?? 0 }
            }
            metrics.recordOutput(utf8Bytes: bytes, at: nanos)
        }
        if let usage = chunk.usage { metrics.recordUsage(completionTokens: usage["completion_tokens"]?.intValue) }
    }

    private mutating func appendRow(kind: InspectorEvent.Kind, size: Int, summary: String, raw: String, at nanos: UInt64) {
        guard options.recordsInspectorRows else { return }
        let time = rowTime(nanos)
        record(InspectorEvent(sequence: sequence, time: time.time, gap: time.gap, size: size, kind: kind,
                              summary: summary, raw: raw))
    }

    /// Appends a row to the log; the first time the log releases older raw text, notes CS110.
    private mutating func record(_ row: InspectorEvent) {
        guard log.appendReleasingOverBudget(row), !budgetNoted else { return }
        budgetNoted = true
        let budget = InspectorEventLog.describe(bytes: log.rawBudget ?? 0)
        diagnostics.raise(.inspectorBudget, event: row.sequence,
                          "inspector budget of \(budget) reached: raw text of older events released (summaries kept; the newest events keep theirs)")
    }

    /// The row time (since the start) and the gap since the previous row.
    private mutating func rowTime(_ nanos: UInt64) -> (time: UInt64, gap: UInt64) {
        let origin = start ?? nanos
        let time = nanos >= origin ? nanos - origin : 0
        let gap = lastRowTime.map { time >= $0 ? time - $0 : 0 } ?? time
        lastRowTime = time
        return (time, gap)
    }

    private mutating func writeLintRows(at nanos: UInt64) {
        // A lint row may itself take the log over budget and raise CS110: the loop picks that up.
        while diagnostics.findings.count > lintRowsWritten {
            let finding = diagnostics.findings[lintRowsWritten]
            lintRowsWritten += 1
            guard options.recordsInspectorRows else { continue }
            let origin = start ?? nanos
            record(InspectorEvent(sequence: finding.event ?? sequence, time: nanos >= origin ? nanos - origin : 0,
                                  gap: 0, size: 0, kind: .lint,
                                  summary: "\(finding.code) \(finding.severity.rawValue): \(finding.message)",
                                  raw: finding.message))
        }
    }

    /// The human message of an error payload (`{"error":{"message"…}}` or vLLM's `{"message"…}`).
    static func errorMessage(_ payload: JSONValue) -> String? {
        if let error = payload["error"] {
            if let message = error["message"]?.stringValue { return message }
            if let text = error.stringValue { return text }
        }
        return payload["message"]?.stringValue ?? payload["detail"]?.stringValue
    }

    private static func shape(of value: JSONValue) -> String {
        switch value {
        case .object(let members): return "object {" + members.prefix(4).map(\.key).joined(separator: ", ") + "}"
        case .array(let items): return "array of \(items.count)"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}

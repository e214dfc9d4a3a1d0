import ChunkScopeCore
import ChunkScopeHistory
import ChunkScopeTransport
import Foundation

/// The conversation `ask` runs: send, stream, and while the reply finishes with tool calls, run
/// their commands and send the results, up to `maxToolRounds` follow-ups.
struct AskLoop {
    /// Exit statuses `ask` documents.
    enum Status {
        static let success: Int32 = 0
        static let streamError: Int32 = 1
        static let usage: Int32 = 2
        static let toolsUnanswered: Int32 = 3
    }

    let profile: ResolvedProfile
    let baseURL: String
    let options: TransportOptions
    let maxToolRounds: Int
    let runsConfirmedCommands: Bool
    let streamsText: Bool
    /// Where the conversation is kept as it streams; nil with `--no-history` or after a history error.
    var history: AskHistory?
    private(set) var conversation = Conversation()
    /// One entry per request sent: its `check --json` object with status, request id and timings.
    private(set) var exchangeReports: [JSONValue] = []

    init(profile: ResolvedProfile, baseURL: String, options: TransportOptions, maxToolRounds: Int,
         runsConfirmedCommands: Bool, streamsText: Bool) {
        self.profile = profile
        self.baseURL = baseURL
        self.options = options
        self.maxToolRounds = maxToolRounds
        self.runsConfirmedCommands = runsConfirmedCommands
        self.streamsText = streamsText
    }

    /// Runs the conversation from `prompt`; returns the exit status.
    mutating func run(prompt: String) async -> Int32 {
        conversation.begin(prompt: prompt, model: profile.model)
        history?.begin(prompt: prompt, profile: profile)
        var followUps = 0
        while true {
            let request: ChatRequest
            do {
                request = try ChatRequest(profile: profile, messages: conversation.messages(), baseURL: baseURL)
            } catch {
                Console.error("chunkscope ask: \(error)")
                return Status.usage
            }
            let writer = history?.beginExchange(prompt: prompt, model: profile.model, round: followUps)
            let outcome = await AskStream.run(request, options: options, printsText: streamsText, history: writer)
            history?.check(writer)
            conversation.complete(with: Exchange(snapshot: outcome.snapshot))
            let findings = roundTripFindings(request: request)
            exchangeReports.append(Self.exchangeJSON(outcome, extraDiagnostics: findings))
            for finding in findings {
                Console.error("lint \(finding.code) \(finding.severity.rawValue): \(SafeText.visible(finding.message))")
            }
            if let failure = Self.failureMessage(outcome.report.state) {
                Console.error("chunkscope ask: " + failure)
                return Status.streamError
            }
            if outcome.report.hasError { return Status.streamError }
            let calls = conversation.pendingToolCalls
            if calls.isEmpty { return Status.success }
            guard followUps < maxToolRounds else {
                Console.error("chunkscope ask: the model still calls tools after \(maxToolRounds) tool round(s) (--max-tool-rounds):")
                for call in calls { Console.error("  " + Self.describe(call)) }
                return Status.toolsUnanswered
            }
            for call in calls where !canAnswer(call) {
                Console.error("tool call " + Self.describe(call))
                return Status.toolsUnanswered
            }
            for call in calls {
                guard let result = await answer(call) else { return Status.toolsUnanswered }
                conversation.addToolResult(result)
            }
            guard conversation.beginFollowUp(model: profile.model) != nil else {
                Console.error("chunkscope ask: a tool call could not be answered")
                return Status.toolsUnanswered
            }
            followUps += 1
        }
    }

    /// True when a command may answer `call`; otherwise says why (before any command of the round runs).
    private func canAnswer(_ call: ToolCallRecord) -> Bool {
        guard let command = profile.toolCommands[call.name] else {
            let known = profile.toolCommands.keys.sorted()
            Console.error("chunkscope ask: no command answers \(call.name.isEmpty ? "a call without a name" : call.name)"
                          + " (pass --tool-command \(call.name.isEmpty ? "NAME" : call.name)=COMMAND"
                          + (known.isEmpty ? ")" : "; commands are set for \(known.joined(separator: ", ")))"))
            return false
        }
        if command.confirm && !runsConfirmedCommands {
            Console.error("chunkscope ask: \(call.name)'s command (\(command.displayText)) asks for confirmation (confirm = true); pass --yes to run it headless")
            return false
        }
        return true
    }

    /// Runs the command for `call` (`canAnswer` said yes); nil when there is none after all.
    private func answer(_ call: ToolCallRecord) async -> ToolResult? {
        Console.error("tool call " + Self.describe(call))
        guard let command = profile.toolCommands[call.name] else { return nil }
        switch await ToolCommandRunner.run(command, arguments: call.arguments) {
        case .output(let text):
            Console.error("tool result \(call.id): " + SafeText.visible(Self.preview(text)))
            return ToolResult(toolCallID: call.id, content: text)
        case .failed(let reason):
            Console.error("tool error \(call.id): " + SafeText.visible(reason) + " (sent as the result)")
            return ToolResult(toolCallID: call.id, content: "error: " + reason, isError: true)
        }
    }

    /// The round-trip findings (CS6xx) for the reply just completed.
    private func roundTripFindings(request: ChatRequest) -> [Diagnostic] {
        let tools = request.toolsJSON.flatMap { try? JSONParser.parse($0) }
        let rounds = conversation.toolCallRounds
        let latest = rounds.count - 1
        return ToolRoundTripLinter.lint(declaredTools: tools, rounds: rounds).filter { $0.round == latest }.map(\.diagnostic)
    }

    static func describe(_ call: ToolCallRecord) -> String {
        SafeText.visible("\(call.name)(\(preview(call.arguments))) [\(call.id)]")
    }

    static func preview(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }

    /// Why the stream did not finish normally, or nil when it did.
    static func failureMessage(_ state: StreamState) -> String? {
        switch state {
        case .failed(let failure): "stream failed (\(failure.kind.rawValue)): " + SafeText.visible(failure.message)
        case .cancelled: "stream cancelled"
        default: nil
        }
    }

    /// `{"messages": [...], "exchanges": [...]}`.
    func jsonReport() -> JSONValue {
        .object([
            .init("messages", .array(conversation.messages(system: profile.system).map { $0.jsonValue() })),
            .init("exchanges", .array(exchangeReports)),
        ])
    }

    /// The `check --json` object of one exchange plus `status`, `request_id` and `timings`;
    /// round-trip findings join its diagnostics.
    static func exchangeJSON(_ outcome: AskStream.Outcome, extraDiagnostics: [Diagnostic]) -> JSONValue {
        var report = outcome.report
        report.diagnostics += extraDiagnostics
        guard case .object(var members) = report.jsonValue() else { return report.jsonValue() }
        let response = outcome.snapshot.response
        let requestID = response.flatMap { head in
            ["x-request-id", "request-id", "x-amzn-requestid", "cf-ray"].lazy.compactMap { head.value(of: $0) }.first
        }
        let metrics = outcome.report.metrics
        func ms(_ nanos: UInt64?) -> JSONValue {
            guard let nanos else { return .null }
            return .number(String(Double(nanos / 1000) / 1000))
        }
        members += [
            .init("status", response.map { .number(String($0.status)) } ?? .null),
            .init("request_id", requestID.map(JSONValue.string) ?? .null),
            .init("timings", .object([
                .init("ttfb_ms", ms(metrics.timeToFirstByte)),
                .init("ttft_ms", ms(metrics.timeToFirstContent)),
                .init("duration_ms", ms(metrics.elapsed)),
                .init("gaps_ms", .object([.init("p50", ms(metrics.gapP50)), .init("p95", ms(metrics.gapP95)), .init("max", ms(metrics.gapMax))])),
                .init("tokens_per_s", metrics.tokensPerSecond.flatMap { $0.isFinite ? .number(String(($0 * 10).rounded() / 10)) : nil } ?? .null),
            ])),
        ]
        return .object(members)
    }
}

/// One request of `ask`: the transfer through the stream pipeline, printing the chosen choice's
/// text to stdout and its reasoning and the transport's notes to stderr as they grow.
enum AskStream {
    /// The stream's end: its snapshot (for the conversation) and report (for lint and JSON).
    struct Outcome {
        var snapshot: SessionSnapshot
        var report: CheckReport
    }

    static func run(_ request: ChatRequest, options: TransportOptions, printsText: Bool, history: ExchangeWriter? = nil) async -> Outcome {
        var pipeline = StreamPipeline(options: PipelineOptions(includeUsageRequested: request.includeUsage, recordsInspectorRows: false))
        let (inputs, handle) = CurlTransport.start(request, options: options)
        let interrupt = InterruptWatcher { handle.cancel() }
        let start = CaptureRecorder.now()
        var printed = (content: 0, reasoning: 0)
        for await input in inputs {
            let arrival = input.arrival(onClockReading: CaptureRecorder.now())
            let elapsed = arrival >= start ? arrival - start : 0
            pipeline.handle(input, at: elapsed)
            history?.record(input, at: elapsed)
            if case .note(let text) = input { Console.error("note: " + SafeText.visible(text)) }
            if input.bodyBytes != nil { printGrowth(pipeline.snapshot(), printed: &printed, text: printsText) }
        }
        interrupt.stop()
        let end = CaptureRecorder.now() - start
        pipeline.finish(at: end)
        let snapshot = pipeline.snapshot()
        let reply = snapshot.choices.first(where: { $0.index == 0 })?.content ?? ""
        history?.finish(at: end, status: snapshot.response?.status, reply: reply,
                        promptTokens: snapshot.usage?["prompt_tokens"]?.intValue,
                        completionTokens: snapshot.usage?["completion_tokens"]?.intValue)
        printGrowth(snapshot, printed: &printed, text: printsText)
        if printed.reasoning > 0 { Console.error(text: "\n") }
        if printsText && printed.content > 0 { Console.write("\n") }
        return Outcome(snapshot: snapshot, report: pipeline.report())
    }

    /// Prints what choice 0's reasoning (stderr) and content (stdout, when `text`) gained.
    private static func printGrowth(_ snapshot: SessionSnapshot, printed: inout (content: Int, reasoning: Int), text: Bool) {
        guard let choice = snapshot.choices.first(where: { $0.index == 0 }) ?? snapshot.choices.first else { return }
        if let fresh = suffix(of: choice.reasoning, after: &printed.reasoning) {
            Console.error(text: SafeText.visible(fresh))
        }
        if text, let fresh = suffix(of: choice.content, after: &printed.content) {
            Console.write(SafeText.visible(fresh))
        }
    }

    /// The part of `text` after the first `count` UTF-8 bytes, advancing `count`; nil when nothing is new.
    private static func suffix(of text: String, after count: inout Int) -> String? {
        let utf8 = text.utf8
        guard utf8.count > count else { return nil }
        let fresh = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: count)...]))
        count = utf8.count
        return fresh
    }
}

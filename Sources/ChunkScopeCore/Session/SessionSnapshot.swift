/// Everything the screen shows about the current stream, as one immutable value.
/// The session actor publishes these; each one is complete (it subsumes every earlier one),
/// so coalescing updates never loses information.
public struct SessionSnapshot: Sendable {
    /// Increases with every published change; the screen redraws only when it moved.
    public var version: UInt64
    /// Where the stream is in its life.
    public var state: StreamState
    /// The request as sent (redacted), when the source reported it.
    public var request: RequestSummary?
    /// The HTTP status and headers, once they arrived.
    public var response: ResponseHead?
    /// Accumulated choices, ordered by index.
    public var choices: [ChoiceState]
    /// The last `usage` object the stream carried, as sent; nil when none did.
    public var usage: JSONValue?
    /// Lint findings in the order they were raised.
    public var diagnostics: [Diagnostic]
    /// Every SSE event in arrival order (append-only, shared storage: O(1) to copy).
    public var events: InspectorEventLog.Slice
    /// Timing and throughput figures.
    public var metrics: StreamMetrics
    /// Transport notes ("retrying in 2 s after 429"), oldest first.
    public var notes: [String]
    /// The last usage object with a non-zero count, when a later all-zero one replaced it
    /// (Cloudflare Workers AI); `usage` stays the last one, as the contract says.
    public var replacedUsage: JSONValue? = nil

    public init(version: UInt64 = 0, state: StreamState = .idle, request: RequestSummary? = nil,
                response: ResponseHead? = nil, choices: [ChoiceState] = [], usage: JSONValue? = nil,
                diagnostics: [Diagnostic] = [], events: InspectorEventLog.Slice = InspectorEventLog().slice(),
                metrics: StreamMetrics = StreamMetrics(), notes: [String] = []) {
        self.version = version
        self.state = state
        self.request = request
        self.response = response
        self.choices = choices
        self.usage = usage
        self.diagnostics = diagnostics
        self.events = events
        self.metrics = metrics
        self.notes = notes
    }
}

/// Where a stream is in its life.
public enum StreamState: Sendable, Equatable {
    case idle
    /// Request sent, no response byte yet.
    case connecting
    case streaming
    /// The body ended (with or without `[DONE]`).
    case finished
    case failed(StreamFailure)
    /// Stopped by the user; what arrived is kept.
    case cancelled
}

/// The accumulated state of one choice.
public struct ChoiceState: Sendable, Equatable {
    /// The choice's `index`.
    public var index: Int
    /// The first `role` the provider sent for this choice.
    public var role: String?
    /// The concatenated `content` text (see `hasContent` for null vs "").
    public var content: String
    /// `reasoning_content` or `reasoning`, whichever the provider used.
    public var reasoning: String
    /// The concatenated `refusal` text (see `hasRefusal`).
    public var refusal: String
    /// Tool calls ordered by index.
    public var toolCalls: [ToolCallState]
    /// The last non-empty `finish_reason`, nil while none arrived.
    public var finishReason: String?
    /// The `content` entries of every `logprobs` object received, concatenated.
    public var logprobs: [JSONValue]
    /// True once the provider sent a string (even "") for `content`; false means JSON null.
    public var hasContent: Bool
    /// True once the provider sent a string for the reasoning field in use.
    public var hasReasoning: Bool
    /// True once the provider sent a string for `refusal`.
    public var hasRefusal: Bool
    /// Where the reasoning came from: "reasoning_content", "reasoning", "reasoning_details", or
    /// "content" (Mistral's `thinking` parts); nil if none.
    public var reasoningField: String?
    /// `delta.annotations` entries in arrival order, as sent (OpenRouter's `url_citation`s).
    public var annotations: [JSONValue] = []

    public init(index: Int, role: String? = nil, content: String = "", reasoning: String = "",
                refusal: String = "", toolCalls: [ToolCallState] = [], finishReason: String? = nil,
                logprobs: [JSONValue] = [], hasContent: Bool = false, hasReasoning: Bool = false,
                hasRefusal: Bool = false, reasoningField: String? = nil) {
        self.index = index
        self.role = role
        self.content = content
        self.reasoning = reasoning
        self.refusal = refusal
        self.toolCalls = toolCalls
        self.finishReason = finishReason
        self.logprobs = logprobs
        self.hasContent = hasContent
        self.hasReasoning = hasReasoning
        self.hasRefusal = hasRefusal
        self.reasoningField = reasoningField
    }
}

/// One tool call being assembled.
public struct ToolCallState: Sendable, Equatable {
    /// The tool call's `index` as sent (or assigned in order when the provider sent none).
    public var index: Int
    /// The call id (concatenated like the OpenAI SDK when sent more than once).
    public var id: String?
    /// The call type, normally "function".
    public var type: String?
    /// The function name.
    public var name: String?
    /// The concatenated argument fragments.
    public var arguments: String
    /// Whether the arguments are valid JSON (decided at finish).
    public var status: ToolCallStatus
    /// True once the provider sent a string for `arguments`; false means JSON null.
    public var hasArguments: Bool
    /// The arguments parsed so far (incrementally), for the live tool-call pane.
    public var partial: PartialJSONTree

    public init(index: Int, id: String? = nil, type: String? = nil, name: String? = nil,
                arguments: String = "", status: ToolCallStatus = .assembling, hasArguments: Bool = false,
                partial: PartialJSONTree = PartialJSONTree()) {
        self.index = index
        self.id = id
        self.type = type
        self.name = name
        self.arguments = arguments
        self.status = status
        self.hasArguments = hasArguments
        self.partial = partial
    }
}

/// Whether a tool call's arguments are complete JSON. "Complete" is only decided at finish.
public enum ToolCallStatus: Sendable, Equatable {
    case assembling
    case valid
    /// Invalid JSON; the byte offset where parsing failed.
    case invalid(byteOffset: Int)
}

/// A provider-lint finding.
public struct Diagnostic: Sendable, Equatable, Hashable {
    /// How bad a finding is. `error` makes `chunkscope check` exit 1.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, error
        /// Orders info < warning < error.
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }
    /// Stable code, e.g. "CS201"; documented in the README.
    public var code: String
    /// How bad the finding is.
    public var severity: Severity
    /// Sequence number of the SSE event concerned (1-based), nil for whole-stream findings.
    public var event: Int?
    /// One line.
    public var message: String

    public init(code: String, severity: Severity, event: Int?, message: String) {
        self.code = code
        self.severity = severity
        self.event = event
        self.message = message
    }
}

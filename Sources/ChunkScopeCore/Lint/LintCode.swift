// Lint — how it fits: every stage that notices something off-spec raises a `LintCode` into the
// pipeline's `DiagnosticLog` (framing problems from the pipeline, chunk-shape problems from
// `StreamLinter`, assembly problems from `StreamAccumulator`). Codes and severities are stable:
// scripts key on them, and README.md ("Provider lint codes") lists the table (a test keeps it in sync).

/// A stable provider-lint code with its fixed severity.
public enum LintCode: String, Sendable, CaseIterable {
    // CS1xx — transport and SSE framing
    case httpStatus = "CS101"
    case contentType = "CS102"
    case lineTooLong = "CS103"
    case invalidUTF8 = "CS104"
    case missingDone = "CS105"
    case dataAfterDone = "CS106"
    case transferFailed = "CS107"
    case noChunks = "CS108"
    case namedEvent = "CS109"
    case inspectorBudget = "CS110"
    case compressedBody = "CS111"
    // CS2xx — chunk shape
    case notJSON = "CS201"
    case errorPayload = "CS202"
    case wrongObject = "CS203"
    case azureFilterChunk = "CS204"
    case idChanged = "CS205"
    case modelChanged = "CS206"
    case createdChanged = "CS207"
    case notAChunk = "CS208"
    case choiceWithoutIndex = "CS209"
    case unknownFinishReason = "CS210"
    case reasoningFieldsDisagree = "CS211"
    case deltaListWithoutIndex = "CS212"
    case contentParts = "CS213"
    // CS3xx — choices
    case firstDeltaWithoutRole = "CS301"
    case noFinishReason = "CS302"
    case toolCallsFinishWithoutToolCalls = "CS303"
    case deltaAfterFinish = "CS304"
    // CS4xx — tool calls
    case toolIndexNotFromZero = "CS401"
    case toolCallWithoutIndex = "CS402"
    case toolIndexGap = "CS403"
    case toolIndexReused = "CS404"
    case argumentsInvalidJSON = "CS405"
    case argumentsEmpty = "CS406"
    case toolFieldRepeated = "CS407"
    case toolCallWithoutName = "CS408"
    // CS5xx — usage
    case usageMissing = "CS501"
    case usageRepeated = "CS502"
    case usageInconsistent = "CS503"
    case usageZeroed = "CS504"
    // CS6xx — tool round trip (across replies; `ToolRoundTripLinter`)
    case undeclaredToolCalled = "CS601"
    case toolArgumentsViolateSchema = "CS602"
    case toolCallLoop = "CS603"

    /// How bad a finding with this code is.
    public var severity: Diagnostic.Severity {
        switch self {
        case .httpStatus, .lineTooLong, .invalidUTF8, .dataAfterDone, .transferFailed, .noChunks,
             .notJSON, .errorPayload, .toolCallsFinishWithoutToolCalls, .toolIndexReused,
             .argumentsInvalidJSON, .compressedBody:
            return .error
        case .contentType, .missingDone, .wrongObject, .idChanged, .modelChanged, .createdChanged,
             .notAChunk, .choiceWithoutIndex, .unknownFinishReason, .reasoningFieldsDisagree, .noFinishReason,
             .deltaAfterFinish, .toolIndexNotFromZero, .toolCallWithoutIndex, .toolIndexGap, .argumentsEmpty,
             .toolFieldRepeated, .toolCallWithoutName, .usageMissing, .usageInconsistent,
             .deltaListWithoutIndex, .usageZeroed,
             .undeclaredToolCalled, .toolArgumentsViolateSchema, .toolCallLoop:
            return .warning
        case .namedEvent, .inspectorBudget, .azureFilterChunk, .firstDeltaWithoutRole, .usageRepeated,
             .contentParts:
            return .info
        }
    }

    /// What the code means, for the documentation table and `--help`-style listings.
    public var title: String {
        switch self {
        case .httpStatus: return "HTTP status is not 2xx"
        case .contentType: return "Content-Type is not text/event-stream"
        case .lineTooLong: return "SSE line longer than the bound (discarded)"
        case .invalidUTF8: return "invalid UTF-8 in an event (shown as U+FFFD)"
        case .missingDone: return "stream ended without data: [DONE]"
        case .dataAfterDone: return "data event after [DONE] (ignored, as clients do)"
        case .transferFailed: return "transfer failed before the stream ended"
        case .noChunks: return "no chat.completion.chunk in the whole stream"
        case .namedEvent: return "SSE event with an event: name other than message"
        case .inspectorBudget: return "inspector budget reached: raw text of older events released"
        case .compressedBody: return "body is gzip-compressed and was not decoded"
        case .notJSON: return "data line is not JSON (skipped)"
        case .errorPayload: return "error payload in the stream"
        case .wrongObject: return "object is missing or not chat.completion.chunk"
        case .azureFilterChunk: return "Azure content-filter chunk (empty id/model/object)"
        case .idChanged: return "id changed mid-stream"
        case .modelChanged: return "model changed mid-stream"
        case .createdChanged: return "created changed mid-stream"
        case .notAChunk: return "JSON that is neither a chunk nor an error (skipped)"
        case .choiceWithoutIndex: return "choice without index (treated as 0)"
        case .unknownFinishReason: return "finish_reason outside the OpenAI set"
        case .reasoningFieldsDisagree: return "reasoning_content and reasoning carry different text"
        case .deltaListWithoutIndex: return "list in a delta whose entries lack index (appended; the OpenAI SDK fails)"
        case .contentParts: return "content sent as an array of parts (text and thinking parts shown)"
        case .firstDeltaWithoutRole: return "first delta of a choice lacks role"
        case .noFinishReason: return "choice never got a finish_reason"
        case .toolCallsFinishWithoutToolCalls: return "finish_reason tool_calls but no tool call"
        case .deltaAfterFinish: return "delta text for a choice after its finish_reason"
        case .toolIndexNotFromZero: return "tool-call index does not start at 0 (the OpenAI SDK fails)"
        case .toolCallWithoutIndex: return "tool call without index (the OpenAI SDK fails)"
        case .toolIndexGap: return "gap in tool-call indices"
        case .toolIndexReused: return "tool-call index reused with another id"
        case .argumentsInvalidJSON: return "tool-call arguments are not valid JSON at finish"
        case .argumentsEmpty: return "tool-call arguments empty at finish"
        case .toolFieldRepeated: return "tool-call id/name repeated on a later delta (concatenated, as the SDK does)"
        case .toolCallWithoutName: return "tool call finished without a function name"
        case .usageMissing: return "usage requested (stream_options.include_usage) but absent"
        case .usageRepeated: return "usage sent on several chunks (the last one is kept)"
        case .usageInconsistent: return "usage total_tokens differs from prompt + completion"
        case .usageZeroed: return "a later usage object zeroes the counts of an earlier one (the last is kept)"
        case .undeclaredToolCalled: return "tool call to a function the request did not declare"
        case .toolArgumentsViolateSchema: return "tool-call arguments do not satisfy the declared parameters schema"
        case .toolCallLoop: return "the same tool call in 3 replies in a row (a loop)"
        }
    }
}

/// Per-chunk shape checks: `object`, stream-wide fields changing (`id`, `model`, `created`),
/// choices without index, unknown finish reasons. O(1) per chunk (a few string comparisons).
public struct StreamLinter: Sendable {
    /// The finish reasons the OpenAI API documents.
    public static let knownFinishReasons: Set<String> = ["stop", "length", "tool_calls", "content_filter", "function_call"]

    private var id: String?
    private var model: String?
    private var created: Int64?
    private var reportedObject = false
    private var reportedAzure = false
    private var reportedID = false
    private var reportedModel = false
    private var reportedCreated = false
    private var reportedChoiceIndex = false

    /// Creates a linter at the start of a stream.
    public init() {}

    /// Checks one chunk (before it is accumulated); `event` is its inspector sequence number.
    public mutating func check(_ chunk: ChatCompletionChunk, event: Int, diagnostics: inout DiagnosticLog) {
        if chunk.object != "chat.completion.chunk" { checkObject(chunk, event: event, diagnostics: &diagnostics) }
        if let value = chunk.id, !value.isEmpty {
            if let first = id {
                if first != value && !reportedID {
                    reportedID = true
                    diagnostics.raise(.idChanged, event: event, "id changed from \(first) to \(value)")
                }
            } else {
                id = value
            }
        }
        if let value = chunk.model, !value.isEmpty {
            if let first = model {
                if first != value && !reportedModel {
                    reportedModel = true
                    diagnostics.raise(.modelChanged, event: event, "model changed from \(first) to \(value)")
                }
            } else {
                model = value
            }
        }
        if let value = chunk.created, value != 0 {
            if let first = created {
                if first != value && !reportedCreated {
                    reportedCreated = true
                    diagnostics.raise(.createdChanged, event: event, "created changed from \(first) to \(value)")
                }
            } else {
                created = value
            }
        }
        for i in chunk.choices.indices {
            if chunk.choices[i].index == nil && !reportedChoiceIndex {
                reportedChoiceIndex = true
                diagnostics.raise(.choiceWithoutIndex, event: event, "choice without index; treated as index 0")
            }
            if let reason = chunk.choices[i].finishReason, !Self.knownFinishReasons.contains(reason) {
                diagnostics.raise(.unknownFinishReason, event: event, "unknown finish_reason \"\(reason)\"")
            }
        }
    }

    /// Azure OpenAI's filter chunks: the prompt-filter chunk first (empty choices,
    /// `prompt_filter_results`) and, with asynchronous filtering, choices carrying only
    /// `content_filter_results` / `content_filter_offsets`.
    private static func azureFilterKind(_ chunk: ChatCompletionChunk) -> String? {
        if chunk.extra.contains(where: { $0.key == "prompt_filter_results" }) { return "prompt_filter_results" }
        let filterKeys: Set<String> = ["content_filter_results", "content_filter_offsets"]
        if !chunk.choices.isEmpty, chunk.choices.allSatisfy({ $0.extra.contains { filterKeys.contains($0.key) } }) {
            return "content_filter_results"
        }
        return nil
    }

    private mutating func checkObject(_ chunk: ChatCompletionChunk, event: Int, diagnostics: inout DiagnosticLog) {
        if (chunk.object ?? "").isEmpty, let kind = Self.azureFilterKind(chunk) {
            if !reportedAzure {
                reportedAzure = true
                diagnostics.raise(.azureFilterChunk, event: event, "\(kind) chunk with empty object/id/model")
            }
            return
        }
        guard !reportedObject else { return }
        reportedObject = true
        if let object = chunk.object {
            diagnostics.raise(.wrongObject, event: event, "object is \"\(object)\", expected \"chat.completion.chunk\"")
        } else {
            diagnostics.raise(.wrongObject, event: event, "object is missing (expected \"chat.completion.chunk\")")
        }
    }
}

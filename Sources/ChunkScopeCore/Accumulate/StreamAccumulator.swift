// Accumulate — how it fits: `StreamPipeline` hands every decoded `ChatCompletionChunk` to
// `StreamAccumulator.apply`, which folds it into per-choice `ChoiceState` the way the official
// OpenAI Python SDK's `ChatCompletionStreamState` does (strings concatenated, `type` replaced,
// tool calls merged by index, the last non-empty finish_reason kept) — and keeps going, with a
// lint finding, where that SDK raises (tool-call index not starting at 0, tool call without index,
// a second list of index-less objects such as OpenRouter's `annotations`).
// Where the SDK drops text, it is kept: Mistral's `content` arrays (`thinking` parts become the
// reasoning, `text` parts the content) and `reasoning_details` when no other reasoning field is used.
// Usage differs on purpose: the last usage object the stream carried wins, kept as sent (an
// all-zero one after real counts is flagged, and the real one kept beside it).

/// Folds chunks into the final state of every choice. Per-chunk work is O(size of the chunk).
public struct StreamAccumulator: Sendable {
    /// Which delta field carries a choice's reasoning text.
    enum ReasoningField: String, Sendable {
        case reasoningContent = "reasoning_content"
        case reasoning
        case reasoningDetails = "reasoning_details"
        /// Mistral's `thinking` parts of a `content` array.
        case thinkingParts = "content"
    }

    /// Bookkeeping beside each `ChoiceState` (same position).
    struct ChoiceTrack: Sendable {
        var activeReasoning: ReasoningField?
        var finishEvent: Int?
        var parsers: [PartialJSONParser] = []
        var toolLastEvent: [Int] = []
        var lastToolPosition: Int?
        var finished = false
        /// Delta keys (from `extra`) that carried a list, and whether the list as the OpenAI SDK
        /// accumulates it holds an object (a later list of index-less objects makes the SDK raise).
        var listHoldsObject: [String: Bool] = [:]
    }

    /// Choices so far, ordered by index (tool-call trees are filled in by `choicesSnapshot()`).
    public private(set) var choices: [ChoiceState] = []
    private var tracks: [ChoiceTrack] = []
    /// The last usage object the stream carried, as sent.
    public private(set) var usage: JSONValue?
    /// How many chunks carried a usage object.
    public private(set) var usageChunkCount = 0
    private var usageEvent: Int?
    /// The last usage object with a non-zero token count, and its event.
    private var lastCountedUsage: (value: JSONValue, event: Int)?
    private var warnedNoIndex = false
    private var warnedListWithoutIndex = false
    private var notedContentParts = false

    /// The last usage object with a non-zero token count when the final `usage` is all zeros
    /// (Cloudflare Workers AI sends its real counts, then zeros); nil otherwise.
    public var replacedUsage: JSONValue? {
        guard let usage, Self.isAllZero(usage), let counted = lastCountedUsage else { return nil }
        return counted.value
    }

    /// Creates an empty accumulator.
    public init() {}

    /// Folds one chunk; `event` is its inspector sequence number (for findings).
    public mutating func apply(_ chunk: ChatCompletionChunk, event: Int, diagnostics: inout DiagnosticLog) {
        for i in chunk.choices.indices {   // indices, not `for choice in`: no per-choice copy
            apply(chunk.choices[i], event: event, diagnostics: &diagnostics)
        }
        if let usage = chunk.usage {
            if Self.hasNonZeroCount(usage) { lastCountedUsage = (usage, event) }
            self.usage = usage
            usageChunkCount += 1
            usageEvent = event
        }
    }

    /// The choices with each tool call's partial-argument tree materialised (O(open tree size)).
    public func choicesSnapshot() -> [ChoiceState] {
        var out = choices
        for c in out.indices where !tracks[c].finished {
            for t in out[c].toolCalls.indices {
                out[c].toolCalls[t].partial = tracks[c].parsers[t].tree()
            }
        }
        return out
    }

    /// Ends the stream: decides every tool call's status and raises end-of-stream findings.
    public mutating func finish(diagnostics: inout DiagnosticLog) {
        for c in choices.indices where !tracks[c].finished {
            tracks[c].finished = true
            let index = choices[c].index
            for t in choices[c].toolCalls.indices {
                let tree = tracks[c].parsers[t].finish()
                let call = choices[c].toolCalls[t]
                choices[c].toolCalls[t].partial = tree
                let event = tracks[c].toolLastEvent[t]
                switch tree.status {
                case .complete:
                    choices[c].toolCalls[t].status = .valid
                case .invalid(let offset, let message):
                    choices[c].toolCalls[t].status = .invalid(byteOffset: offset)
                    if call.arguments.isEmpty {
                        diagnostics.raise(.argumentsEmpty, event: event,
                                          "choice \(index) tool_calls[\(call.index)] \(call.name ?? "?"): no arguments (expected at least {})")
                    } else {
                        diagnostics.raise(.argumentsInvalidJSON, event: event,
                                          "choice \(index) tool_calls[\(call.index)] \(call.name ?? "?"): arguments are not JSON at byte \(offset): \(message)")
                    }
                case .empty, .incomplete:
                    break
                }
                if (call.name ?? "").isEmpty {
                    diagnostics.raise(.toolCallWithoutName, event: event,
                                      "choice \(index) tool_calls[\(call.index)] has no function name")
                }
            }
            if choices[c].finishReason == nil {
                diagnostics.raise(.noFinishReason, event: nil, "choice \(index) never got a finish_reason")
            } else if choices[c].finishReason == "tool_calls" && choices[c].toolCalls.isEmpty {
                diagnostics.raise(.toolCallsFinishWithoutToolCalls, event: tracks[c].finishEvent,
                                  "choice \(index) finished with tool_calls but no tool call arrived")
            }
        }
        if usageChunkCount > 1 {
            diagnostics.raise(.usageRepeated, event: usageEvent,
                              "usage arrived on \(usageChunkCount) chunks; the last one is kept")
        }
        if let replaced = replacedUsage, let usage, let counted = lastCountedUsage, let event = usageEvent {
            diagnostics.raise(.usageZeroed, event: event,
                              "usage on event \(event) \(usage.serialized()) zeroes the one on event \(counted.event) \(replaced.serialized()); the last is kept")
        }
        if let usage, let prompt = usage["prompt_tokens"]?.intValue,
           let completion = usage["completion_tokens"]?.intValue, let total = usage["total_tokens"]?.intValue,
           total != prompt + completion {
            diagnostics.raise(.usageInconsistent, event: usageEvent,
                              "usage total_tokens \(total) ≠ prompt_tokens \(prompt) + completion_tokens \(completion)")
        }
    }

    /// The token counts a usage object may carry.
    private static let countKeys = ["prompt_tokens", "completion_tokens", "total_tokens"]

    private static func hasNonZeroCount(_ usage: JSONValue) -> Bool {
        countKeys.contains { (usage[$0]?.doubleValue ?? 0) != 0 }
    }

    /// True when the usage object has token counts and every one of them is 0.
    private static func isAllZero(_ usage: JSONValue) -> Bool {
        let counts = countKeys.compactMap { usage[$0]?.doubleValue }
        return !counts.isEmpty && counts.allSatisfy { $0 == 0 }
    }

    // MARK: - Choices

    private mutating func slot(for index: Int, event: Int, role: String?, diagnostics: inout DiagnosticLog) -> Int {
        if index >= 0 && index < choices.count && choices[index].index == index { return index }
        var position = choices.count
        for (p, existing) in choices.enumerated() {
            if existing.index == index { return p }
            if existing.index > index {
                position = p
                break
            }
        }
        choices.insert(ChoiceState(index: index), at: position)
        tracks.insert(ChoiceTrack(), at: position)
        if role == nil {
            diagnostics.raise(.firstDeltaWithoutRole, event: event, "choice \(index): first delta has no role")
        }
        return position
    }

    private mutating func apply(_ choice: ChunkChoice, event: Int, diagnostics: inout DiagnosticLog) {
        let delta = choice.delta
        let c = slot(for: choice.index ?? 0, event: event, role: delta.role, diagnostics: &diagnostics)
        if choices[c].role == nil, let role = delta.role { choices[c].role = role }
        let finishedBefore = choices[c].finishReason != nil

        var thinking: String?
        if let text = delta.content {
            appendContent(text, c, finishedBefore, event, &diagnostics)
        } else if let parts = delta.contentParts {
            let split = ContentPartsText(parts)
            if !notedContentParts {
                notedContentParts = true
                diagnostics.raise(.contentParts, event: event,
                                  "choice \(choices[c].index): content is an array of \(parts.count) part(s); text parts shown as content, thinking parts as reasoning (the OpenAI SDK drops them)")
            }
            if let text = split.text { appendContent(text, c, finishedBefore, event, &diagnostics) }
            thinking = split.thinking
        }
        if let text = delta.refusal {
            choices[c].hasRefusal = true
            choices[c].refusal += text
        }
        var details: String?
        if !delta.extra.isEmpty {
            details = delta.reasoningDetailsText
            applyLists(delta, c, event, &diagnostics)
        }
        if delta.reasoningContent != nil || delta.reasoning != nil || details != nil || thinking != nil {
            applyReasoning(delta, details: details, thinking: thinking, c, event, &diagnostics)
        }
        if let calls = delta.toolCalls {
            for i in calls.indices { applyToolCall(calls[i], c, event, &diagnostics) }
        }
        if let reason = choice.finishReason, !reason.isEmpty {
            choices[c].finishReason = reason
            tracks[c].finishEvent = event
        }
        if let logprobs = choice.logprobs, case .array(let entries)? = logprobs["content"] {
            choices[c].logprobs.append(contentsOf: entries)
        }
    }

    private mutating func lateDelta(_ c: Int, _ field: String, _ event: Int, _ diagnostics: inout DiagnosticLog) {
        diagnostics.raise(.deltaAfterFinish, event: event,
                          "choice \(choices[c].index): \(field) after finish_reason \(choices[c].finishReason ?? "")")
    }

    private mutating func appendContent(_ text: String, _ c: Int, _ finishedBefore: Bool, _ event: Int,
                                        _ diagnostics: inout DiagnosticLog) {
        choices[c].hasContent = true
        choices[c].content += text
        if finishedBefore && !text.isEmpty { lateDelta(c, "content", event, &diagnostics) }
    }

    /// The reasoning text of one delta. The field in use is the first of `reasoning_content`,
    /// `reasoning`, `reasoning_details` (its texts) and `thinking` content parts to carry text;
    /// later deltas contribute that field only (OpenRouter repeats `reasoning` in `reasoning_details`).
    private mutating func applyReasoning(_ delta: ChunkDelta, details: String?, thinking: String?, _ c: Int, _ event: Int,
                                         _ diagnostics: inout DiagnosticLog) {
        func text(_ field: ReasoningField) -> String? {
            switch field {
            case .reasoningContent: delta.reasoningContent
            case .reasoning: delta.reasoning
            case .reasoningDetails: details
            case .thinkingParts: thinking
            }
        }
        let order: [ReasoningField] = [.reasoningContent, .reasoning, .reasoningDetails, .thinkingParts]
        let active: ReasoningField
        if let chosen = tracks[c].activeReasoning {
            active = chosen
        } else if let first = order.first(where: { !(text($0) ?? "").isEmpty }) {
            active = first
            tracks[c].activeReasoning = first
            choices[c].reasoningField = first.rawValue
        } else {
            // Only empty strings so far: note the field without choosing it.
            if let present = order.first(where: { text($0) != nil }) {
                choices[c].hasReasoning = true
                if choices[c].reasoningField == nil { choices[c].reasoningField = present.rawValue }
            }
            return
        }
        if let used = text(active) {
            choices[c].hasReasoning = true
            choices[c].reasoning += used
        }
        guard active == .reasoningContent || active == .reasoning else { return }
        let used = text(active)
        let other = active == .reasoningContent ? delta.reasoning : delta.reasoningContent
        if let other, !other.isEmpty, other != used {
            diagnostics.raise(.reasoningFieldsDisagree, event: event,
                              "choice \(choices[c].index): both reasoning_content and reasoning carry text; showing \(active.rawValue)")
        }
    }

    /// Lists the typed delta does not name (`annotations`, `reasoning_details`, …): annotations are
    /// kept; a list of objects without `index` arriving where the OpenAI SDK already holds objects
    /// under that key is where the SDK's `accumulate_delta` raises (CS212, once per stream).
    private mutating func applyLists(_ delta: ChunkDelta, _ c: Int, _ event: Int, _ diagnostics: inout DiagnosticLog) {
        for member in delta.extra {
            guard case .array(let entries) = member.value, member.key != "content" else { continue }
            let hasObject = entries.contains { if case .object = $0 { return true }; return false }
            if tracks[c].listHoldsObject[member.key] == true {
                let unindexed = entries.contains { entry in
                    if case .object = entry { return entry["index"]?.intValue == nil }
                    return false
                }
                if unindexed && !warnedListWithoutIndex {
                    warnedListWithoutIndex = true
                    diagnostics.raise(.deltaListWithoutIndex, event: event,
                                      "choice \(choices[c].index): delta.\(member.key) entries have no index; appended (the OpenAI SDK raises \"Expected list delta entry to have an `index` key\")")
                }
            } else {
                tracks[c].listHoldsObject[member.key] = hasObject
            }
            if member.key == "annotations" { choices[c].annotations.append(contentsOf: entries) }
        }
    }

    // MARK: - Tool calls

    private mutating func applyToolCall(_ call: ToolCallDelta, _ c: Int, _ event: Int, _ diagnostics: inout DiagnosticLog) {
        let t: Int
        if let index = call.index, index >= 0 {
            t = toolPosition(index: index, c, event, &diagnostics)
            mergeLikeSDK(call, c, t, event, &diagnostics)
        } else {
            if !warnedNoIndex {
                warnedNoIndex = true
                diagnostics.raise(.toolCallWithoutIndex, event: event,
                                  "choice \(choices[c].index): tool call without index; assembled by id / order")
            }
            t = toolPositionWithoutIndex(call, c, event, &diagnostics)
            mergeRecovered(call, c, t)
        }
        if let fragment = call.arguments {
            choices[c].toolCalls[t].hasArguments = true
            if !fragment.isEmpty {
                choices[c].toolCalls[t].arguments += fragment
                tracks[c].parsers[t].feed(fragment)
            }
        }
        tracks[c].toolLastEvent[t] = event
        tracks[c].lastToolPosition = t
    }

    /// The position of tool call `index`, creating it (sorted by index) when new.
    private mutating func toolPosition(index: Int, _ c: Int, _ event: Int, _ diagnostics: inout DiagnosticLog) -> Int {
        let calls = choices[c].toolCalls
        if let last = tracks[c].lastToolPosition, calls[last].index == index { return last }
        if index >= 0, index < calls.count, calls[index].index == index { return index }
        var position = calls.count
        for (p, existing) in calls.enumerated() {
            if existing.index == index { return p }
            if existing.index > index {
                position = p
                break
            }
        }
        let choiceIndex = choices[c].index
        if calls.isEmpty && index != 0 {
            diagnostics.raise(.toolIndexNotFromZero, event: event,
                              "choice \(choiceIndex): first tool-call index is \(index), not 0")
        } else if let maxIndex = calls.last?.index, index > maxIndex &+ 1 {
            diagnostics.raise(.toolIndexGap, event: event,
                              "choice \(choiceIndex): tool-call index jumps from \(maxIndex) to \(index)")
        }
        insertToolCall(ToolCallState(index: index), at: position, c)
        return position
    }

    private mutating func insertToolCall(_ state: ToolCallState, at position: Int, _ c: Int) {
        choices[c].toolCalls.insert(state, at: position)
        tracks[c].parsers.insert(PartialJSONParser(), at: position)
        tracks[c].toolLastEvent.insert(0, at: position)
        if let last = tracks[c].lastToolPosition, last >= position { tracks[c].lastToolPosition = last + 1 }
    }

    /// Mistral omits `index`: the call with the same id continues; a new id or a name starts a
    /// new call; a bare fragment continues the latest call.
    private mutating func toolPositionWithoutIndex(_ call: ToolCallDelta, _ c: Int, _ event: Int,
                                                   _ diagnostics: inout DiagnosticLog) -> Int {
        let calls = choices[c].toolCalls
        if let id = call.id, !id.isEmpty, let p = calls.firstIndex(where: { $0.id == id }) { return p }
        let startsNew = !(call.id ?? "").isEmpty || !(call.name ?? "").isEmpty
        if !startsNew, let last = tracks[c].lastToolPosition { return last }
        let index = (calls.map(\.index).max() ?? -1) &+ 1
        insertToolCall(ToolCallState(index: index), at: calls.count, c)
        return calls.count
    }

    /// Field merge exactly as the SDK's `accumulate_delta`: strings concatenate, `type` is replaced.
    private mutating func mergeLikeSDK(_ call: ToolCallDelta, _ c: Int, _ t: Int, _ event: Int,
                                       _ diagnostics: inout DiagnosticLog) {
        let current = choices[c].toolCalls[t]
        if let id = call.id {
            if let existing = current.id, !existing.isEmpty, !id.isEmpty {
                if existing == id {
                    diagnostics.raise(.toolFieldRepeated, event: event,
                                      "choice \(choices[c].index) tool_calls[\(current.index)]: id \(id) repeated; concatenated as the OpenAI SDK does")
                } else {
                    diagnostics.raise(.toolIndexReused, event: event,
                                      "choice \(choices[c].index) tool_calls[\(current.index)]: index reused with id \(id) (was \(existing))")
                }
            }
            choices[c].toolCalls[t].id = (current.id ?? "") + id
        }
        if let type = call.type { choices[c].toolCalls[t].type = type }
        if let name = call.name {
            if let existing = current.name, !existing.isEmpty, !name.isEmpty {
                diagnostics.raise(.toolFieldRepeated, event: event,
                                  "choice \(choices[c].index) tool_calls[\(current.index)]: name \(name) sent again; concatenated as the OpenAI SDK does")
            }
            choices[c].toolCalls[t].name = (current.name ?? "") + name
        }
    }

    /// Field merge for index-less calls: set once, never concatenated.
    private mutating func mergeRecovered(_ call: ToolCallDelta, _ c: Int, _ t: Int) {
        if let id = call.id, !id.isEmpty, (choices[c].toolCalls[t].id ?? "").isEmpty { choices[c].toolCalls[t].id = id }
        if let type = call.type, !type.isEmpty { choices[c].toolCalls[t].type = type }
        if let name = call.name, !name.isEmpty, (choices[c].toolCalls[t].name ?? "").isEmpty {
            choices[c].toolCalls[t].name = name
        }
    }
}

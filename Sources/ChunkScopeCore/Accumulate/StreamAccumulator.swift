// Accumulate — how it fits: `StreamPipeline` hands every decoded `ChatCompletionChunk` to
// `StreamAccumulator.apply`, which folds it into per-choice `ChoiceState` the way the official
// OpenAI Python SDK's `ChatCompletionStreamState` does (strings concatenated, `type` replaced,
// tool calls merged by index, the last non-empty finish_reason kept) — and keeps going, with a
// lint finding, where that SDK raises (tool-call index not starting at 0, tool call without index).
// Usage differs on purpose: the last usage object the stream carried wins, kept as sent.

/// Folds chunks into the final state of every choice. Per-chunk work is O(size of the chunk).
public struct StreamAccumulator: Sendable {
    /// Which delta field carries a choice's reasoning text.
    enum ReasoningField: String, Sendable {
        case reasoningContent = "reasoning_content"
        case reasoning
    }

    /// Bookkeeping beside each `ChoiceState` (same position).
    struct ChoiceTrack: Sendable {
        var activeReasoning: ReasoningField?
        var finishEvent: Int?
        var parsers: [PartialJSONParser] = []
        var toolLastEvent: [Int] = []
        var lastToolPosition: Int?
        var finished = false
    }

    /// Choices so far, ordered by index (tool-call trees are filled in by `choicesSnapshot()`).
    public private(set) var choices: [ChoiceState] = []
    private var tracks: [ChoiceTrack] = []
    /// The last usage object the stream carried, as sent.
    public private(set) var usage: JSONValue?
    /// How many chunks carried a usage object.
    public private(set) var usageChunkCount = 0
    private var usageEvent: Int?
    private var warnedNoIndex = false

    /// Creates an empty accumulator.
    public init() {}

    /// Folds one chunk; `event` is its inspector sequence number (for findings).
    public mutating func apply(_ chunk: ChatCompletionChunk, event: Int, diagnostics: inout DiagnosticLog) {
        for i in chunk.choices.indices {   // indices, not `for choice in`: no per-choice copy
            apply(chunk.choices[i], event: event, diagnostics: &diagnostics)
        }
        if let usage = chunk.usage {
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
        if let usage, let prompt = usage["prompt_tokens"]?.intValue,
           let completion = usage["completion_tokens"]?.intValue, let total = usage["total_tokens"]?.intValue,
           total != prompt + completion {
            diagnostics.raise(.usageInconsistent, event: usageEvent,
                              "usage total_tokens \(total) ≠ prompt_tokens \(prompt) + completion_tokens \(completion)")
        }
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

        if let text = delta.content {
            choices[c].hasContent = true
            choices[c].content += text
            if finishedBefore && !text.isEmpty { lateDelta(c, "content", event, &diagnostics) }
        }
        if let text = delta.refusal {
            choices[c].hasRefusal = true
            choices[c].refusal += text
        }
        if delta.reasoningContent != nil || delta.reasoning != nil {
            applyReasoning(delta, c, event, &diagnostics)
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

    private mutating func applyReasoning(_ delta: ChunkDelta, _ c: Int, _ event: Int, _ diagnostics: inout DiagnosticLog) {
        choices[c].hasReasoning = true
        if tracks[c].activeReasoning == nil {
            if let text = delta.reasoningContent, !text.isEmpty {
                tracks[c].activeReasoning = .reasoningContent
            } else if let text = delta.reasoning, !text.isEmpty {
                tracks[c].activeReasoning = .reasoning
            } else {
                choices[c].reasoningField = delta.reasoningContent != nil ? "reasoning_content" : "reasoning"
                return
            }
            choices[c].reasoningField = tracks[c].activeReasoning!.rawValue
        }
        let active = tracks[c].activeReasoning!
        let used = active == .reasoningContent ? delta.reasoningContent : delta.reasoning
        let other = active == .reasoningContent ? delta.reasoning : delta.reasoningContent
        if let used { choices[c].reasoning += used }
        if let other, !other.isEmpty, other != used {
            diagnostics.raise(.reasoningFieldsDisagree, event: event,
                              "choice \(choices[c].index): both reasoning_content and reasoning carry text; showing \(active.rawValue)")
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

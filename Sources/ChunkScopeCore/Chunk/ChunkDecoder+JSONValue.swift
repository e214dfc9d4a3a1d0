extension ChunkDecoder {
    /// Classifies an already parsed payload; this is the reference semantics the fast path matches.
    ///
    /// Known fields with an unexpected type (e.g. `"created": "123"`) are kept in the owner's
    /// `extra` rather than dropped; `null` means absent for every optional field.
    public static func payload(from value: JSONValue) -> StreamPayload {
        guard case .object(let members) = value else { return .unexpected(value) }
        for member in members where member.key == "error" && !member.value.isNull {
            return .error(value)
        }
        if case .string("error")? = value["object"] { return .error(value) }
        guard let chunk = chunk(from: members) else { return .unexpected(value) }
        return .chunk(chunk)
    }

    /// The chunk for a top-level object, nil when it is not chunk-shaped.
    static func chunk(from members: [JSONValue.Member]) -> ChatCompletionChunk? {
        var chunk = ChatCompletionChunk()
        var hasChoicesArray = false
        for member in members {
            switch member.key {
            case "id": assignString(member, to: &chunk.id, extra: &chunk.extra)
            case "object": assignString(member, to: &chunk.object, extra: &chunk.extra)
            case "model": assignString(member, to: &chunk.model, extra: &chunk.extra)
            case "system_fingerprint": assignString(member, to: &chunk.systemFingerprint, extra: &chunk.extra)
            case "service_tier": assignString(member, to: &chunk.serviceTier, extra: &chunk.extra)
            case "created":
                switch member.value {
                case .null: chunk.created = nil
                case .number(let text):
                    if let seconds = integer(fromNumberText: text) {
                        chunk.created = seconds
                    } else {
                        chunk.extra.append(member)
                    }
                default: chunk.extra.append(member)
                }
            case "choices":
                guard case .array(let elements) = member.value else {
                    chunk.extra.append(member)
                    continue
                }
                var choices: [ChunkChoice] = []
                choices.reserveCapacity(elements.count)
                for element in elements {
                    guard case .object(let choiceMembers) = element else { return nil }
                    choices.append(choice(from: choiceMembers))
                }
                chunk.choices = choices
                hasChoicesArray = true
            case "usage": chunk.usage = member.value.isNull ? nil : member.value
            default: chunk.extra.append(member)
            }
        }
        guard hasChoicesArray || chunk.object == "chat.completion.chunk" else { return nil }
        return chunk
    }

    static func choice(from members: [JSONValue.Member]) -> ChunkChoice {
        var choice = ChunkChoice(index: nil)
        for member in members {
            switch member.key {
            case "index":
                switch member.value {
                case .null: choice.index = nil
                case .number(let text):
                    if let index = integer(fromNumberText: text), let small = Int(exactly: index) {
                        choice.index = small
                    } else {
                        choice.extra.append(member)
                    }
                default: choice.extra.append(member)
                }
            case "delta":
                switch member.value {
                case .null: choice.delta = ChunkDelta()
                case .object(let deltaMembers): choice.delta = delta(from: deltaMembers)
                default: choice.extra.append(member)
                }
            case "logprobs": choice.logprobs = member.value.isNull ? nil : member.value
            case "finish_reason": assignString(member, to: &choice.finishReason, extra: &choice.extra)
            default: choice.extra.append(member)
            }
        }
        return choice
    }

    static func delta(from members: [JSONValue.Member]) -> ChunkDelta {
        var delta = ChunkDelta()
        for member in members {
            switch member.key {
            case "role": assignString(member, to: &delta.role, extra: &delta.extra)
            case "content": assignString(member, to: &delta.content, extra: &delta.extra)
            case "refusal": assignString(member, to: &delta.refusal, extra: &delta.extra)
            case "reasoning_content": assignString(member, to: &delta.reasoningContent, extra: &delta.extra)
            case "reasoning": assignString(member, to: &delta.reasoning, extra: &delta.extra)
            case "tool_calls":
                switch member.value {
                case .null: delta.toolCalls = nil
                case .array(let elements):
                    var calls: [ToolCallDelta] = []
                    calls.reserveCapacity(elements.count)
                    for element in elements {
                        guard case .object(let callMembers) = element else { break }
                        calls.append(toolCall(from: callMembers))
                    }
                    if calls.count == elements.count {
                        delta.toolCalls = calls
                    } else {
                        delta.extra.append(member)
                    }
                default: delta.extra.append(member)
                }
            default: delta.extra.append(member)
            }
        }
        return delta
    }

    static func toolCall(from members: [JSONValue.Member]) -> ToolCallDelta {
        var call = ToolCallDelta()
        for member in members {
            switch member.key {
            case "index":
                switch member.value {
                case .null: call.index = nil
                case .number(let text):
                    if let index = integer(fromNumberText: text), let small = Int(exactly: index) {
                        call.index = small
                    } else {
                        call.extra.append(member)
                    }
                default: call.extra.append(member)
                }
            case "id": assignString(member, to: &call.id, extra: &call.extra)
            case "type": assignString(member, to: &call.type, extra: &call.extra)
            case "function":
                switch member.value {
                case .null: break
                case .object(let functionMembers):
                    var keepWhole = false
                    for functionMember in functionMembers {
                        switch (functionMember.key, functionMember.value) {
                        case ("name", .string(let name)): call.name = name
                        case ("name", .null): call.name = nil
                        case ("arguments", .string(let arguments)): call.arguments = arguments
                        case ("arguments", .null): call.arguments = nil
                        case ("arguments", .object), ("arguments", .array):
                            // Some servers send the arguments as JSON rather than a string of JSON.
                            call.arguments = functionMember.value.serialized()
                            keepWhole = true
                        default: keepWhole = true
                        }
                    }
                    if keepWhole { call.extra.append(member) }
                default: call.extra.append(member)
                }
            default: call.extra.append(member)
            }
        }
        return call
    }

    /// Sets a string field from a member: a string sets it, `null` clears it, anything else is
    /// kept in `extra`.
    private static func assignString(_ member: JSONValue.Member, to field: inout String?,
                                     extra: inout [JSONValue.Member]) {
        switch member.value {
        case .string(let text): field = text
        case .null: field = nil
        default: extra.append(member)
        }
    }

    /// An integral JSON number's value (`1700000000`, `1.0`, `1e3`), nil when fractional or huge.
    static func integer(fromNumberText text: String) -> Int64? {
        if let value = Int64(text) { return value }
        guard let double = Double(text), double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int64(double)
    }
}

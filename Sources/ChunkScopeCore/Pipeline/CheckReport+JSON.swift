extension CheckReport {
    /// The documented `check --json` object:
    /// `{"choices":[{"index","content","reasoning","refusal","tool_calls":[{"index","id","type","name","arguments"}],"finish_reason"}],"usage":…,"diagnostics":[{"code","severity","event","message"}],"events":N}`.
    public func jsonValue() -> JSONValue {
        func text(_ present: Bool, _ value: String) -> JSONValue { present ? .string(value) : .null }
        func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        let choiceValues: [JSONValue] = choices.map { choice in
            let calls: JSONValue = choice.toolCalls.isEmpty ? .null : .array(choice.toolCalls.map { call in
                .object([
                    .init("index", .number(String(call.index))),
                    .init("id", optional(call.id)),
                    .init("type", optional(call.type)),
                    .init("name", optional(call.name)),
                    .init("arguments", text(call.hasArguments, call.arguments)),
                ])
            })
            return .object([
                .init("index", .number(String(choice.index))),
                .init("content", text(choice.hasContent, choice.content)),
                .init("reasoning", text(choice.hasReasoning, choice.reasoning)),
                .init("refusal", text(choice.hasRefusal, choice.refusal)),
                .init("tool_calls", calls),
                .init("finish_reason", optional(choice.finishReason)),
            ])
        }
        let diagnosticValues: [JSONValue] = diagnostics.map { d in
            .object([
                .init("code", .string(d.code)),
                .init("severity", .string(d.severity.rawValue)),
                .init("event", d.event.map { .number(String($0)) } ?? .null),
                .init("message", .string(d.message)),
            ])
        }
        return .object([
            .init("choices", .array(choiceValues)),
            .init("usage", usage ?? .null),
            .init("diagnostics", .array(diagnosticValues)),
            .init("events", .number(String(events))),
        ])
    }

    /// `jsonValue()` serialised on one line.
    public func json() -> String { jsonValue().serialized() }
}

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

    /// `jsonValue()` serialised on one line, terminal-safe: besides the C0 controls JSON always
    /// escapes, DEL, C1 controls, bidi and other invisible format characters (`SafeText`) are
    /// written as `\u` escapes, so printing the object never drives or reorders a terminal.
    public func json() -> String { Self.escapingTerminalActiveScalars(jsonValue().serialized()) }

    /// `json` with every `SafeText.isTerminalActive` scalar written as `\uXXXX` (a surrogate
    /// pair above U+FFFF). Such scalars can only sit inside string literals of serialised JSON,
    /// where the escape means the same character.
    static func escapingTerminalActiveScalars(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: SafeText.isTerminalActive) else { return json }
        var out = ""
        out.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            guard SafeText.isTerminalActive(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
    }
}

/// Builds the one-line inspector summaries (`role assistant`, `delta.content "Hel"`,
/// `tool_calls[1].arguments +12B`, `usage 15/42`). Cheap: one small string per event, previews
/// capped at `previewScalars` with control characters written as escapes.
enum EventSummary {
    /// Longest text preview, in Unicode scalars.
    static let previewScalars = 24

    /// The summary of one decoded chunk.
    static func of(_ chunk: ChatCompletionChunk) -> String {
        var out = ""
        out.reserveCapacity(48)
        let labelled = chunk.choices.count > 1 || chunk.choices.contains { ($0.index ?? 0) != 0 }
        for (n, choice) in chunk.choices.enumerated() {
            if n == 3 {
                separate(&out)
                out += "+\(chunk.choices.count - 3) choices"
                break
            }
            if labelled {
                separate(&out)
                out += "[\(choice.index ?? 0)]"
            }
            describe(choice, into: &out, labelled: labelled)
        }
        if let usage = chunk.usage {
            separate(&out)
            out += "usage "
            out += usage["prompt_tokens"]?.intValue.map(String.init) ?? "?"
            out += "/"
            out += usage["completion_tokens"]?.intValue.map(String.init) ?? "?"
        }
        if out.isEmpty {
            out = chunk.choices.isEmpty ? "empty choices" : "delta {}"
            if chunk.extra.contains(where: { $0.key == "prompt_filter_results" }) { out += " (prompt_filter_results)" }
        }
        return out
    }

    private static func describe(_ choice: ChunkChoice, into out: inout String, labelled: Bool) {
        let start = out.utf8.count
        let delta = choice.delta
        if let role = delta.role {
            separate(&out, after: labelled)
            out += "role "
            out += role
        }
        if let text = delta.reasoningContent, !text.isEmpty {
            field("delta.reasoning_content", text, &out, labelled)
        }
        if let text = delta.reasoning, !text.isEmpty {
            field("delta.reasoning", text, &out, labelled)
        }
        if let text = delta.content, !text.isEmpty || (delta.role == nil && delta.toolCalls == nil) {
            field("delta.content", text, &out, labelled)
        }
        if let text = delta.refusal, !text.isEmpty {
            field("delta.refusal", text, &out, labelled)
        }
        for call in delta.toolCalls ?? [] {
            let label = "tool_calls[\(call.index.map(String.init) ?? "?")]"
            if let name = call.name, !name.isEmpty {
                separate(&out, after: labelled)
                out += label
                out += " "
                appendPreview(name, to: &out)
            }
            if let args = call.arguments, !args.isEmpty {
                separate(&out, after: labelled)
                out += label
                out += ".arguments +"
                out += String(args.utf8.count)
                out += "B"
            }
        }
        if let reason = choice.finishReason {
            separate(&out, after: labelled)
            out += "finish "
            out += reason
        }
        if choice.logprobs != nil {
            separate(&out, after: labelled)
            out += "logprobs"
        }
        if out.utf8.count == start {
            separate(&out, after: labelled)
            out += "delta {}"
        }
    }

    private static func field(_ name: String, _ text: String, _ out: inout String, _ labelled: Bool) {
        separate(&out, after: labelled)
        out += name
        out += " \""
        appendPreview(text, to: &out)
        out += "\""
    }

    /// Adds ", " between parts (a single space right after a `[n]` label).
    private static func separate(_ out: inout String, after labelled: Bool = false) {
        guard !out.isEmpty else { return }
        if labelled, out.utf8.last == UInt8(ascii: "]") {
            out += " "
        } else {
            out += ", "
        }
    }

    /// Appends up to `limit` scalars of `text`, escaping control characters and quotes.
    static func appendPreview(_ text: String, to out: inout String, limit: Int = previewScalars) {
        if appendPlainPreview(text, to: &out, limit: limit) { return }
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                out += "…"
                return
            }
            count += 1
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// Fast path of `appendPreview` (same output): appends `text` whole when it is at most
    /// `limit` scalars and holds no byte that may need escaping (controls, quote, backslash, DEL,
    /// and the lead bytes 0xC2 / 0xE2 of C1 controls and U+2028/2029).
    /// Returns false, appending nothing, when the scalar-by-scalar path must run.
    private static func appendPlainPreview(_ text: String, to out: inout String, limit: Int) -> Bool {
        var scalars = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
                || scalars > limit {
                return false
            }
        }
        out += text
        return true
    }
}

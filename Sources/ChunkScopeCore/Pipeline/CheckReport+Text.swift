extension CheckReport {
    /// A readable summary: final text per choice, tool calls, usage, timings, lint findings.
    /// Text from the stream is made visible: control and escape characters never reach the terminal raw.
    /// `contentShown` false replaces choice 0's content by its length (a caller that already
    /// printed it live, like `record`, does not print it twice).
    public func text(contentShown: Bool = true) -> String {
        var out = ""
        if choices.isEmpty { out += "No choices.\n" }
        for choice in choices {
            out += "choice \(choice.index) — finish_reason: \(choice.finishReason.map { Self.visible($0) } ?? "none")\n"
            if choice.hasReasoning {
                let field = choice.reasoningField == "content" ? "content thinking parts" : choice.reasoningField ?? "reasoning"
                out += "  reasoning (\(field)):\n"
                out += Self.indented(choice.reasoning)
            }
            if choice.hasRefusal {
                out += "  refusal:\n" + Self.indented(choice.refusal)
            }
            if choice.hasContent && choice.content.isEmpty {
                out += "  content: \"\"\n"
            } else if choice.hasContent && !contentShown && choice.index == choices.first?.index {
                out += "  content: \(choice.content.count) characters (printed above)\n"
            } else if choice.hasContent {
                out += "  content:\n" + Self.indented(choice.content)
            } else if choice.toolCalls.isEmpty && !choice.hasRefusal {
                out += "  content: null\n"
            }
            let citations = choice.citations
            if !citations.isEmpty {
                out += "  citations:\n"
                for (n, citation) in citations.enumerated() {
                    let title = citation.title.map { Self.visible($0) + " — " } ?? ""
                    out += "    [\(n + 1)] \(title)\(Self.visible(citation.url))\n"
                }
            }
            for call in choice.toolCalls {
                let status: String
                switch call.status {
                case .valid: status = "valid JSON"
                case .invalid(let offset): status = "INVALID JSON at byte \(offset)"
                case .assembling: status = "assembling"
                }
                out += "  tool_calls[\(call.index)] \(Self.visible(call.name ?? "?"))"
                out += " id=\(Self.visible(call.id ?? "none")) — \(status)\n"
                out += "    arguments: " + (call.hasArguments ? Self.visible(call.arguments) : "null") + "\n"
            }
        }
        if let usage {
            out += "usage: " + Self.visible(usage.serialized()) + "\n"
            if let replacedUsage {
                out += "usage before it was zeroed: " + Self.visible(replacedUsage.serialized()) + "\n"
            }
        } else {
            out += "usage: none\n"
        }
        out += timingsLine()
        out += "events: \(events) SSE events, \(comments) comments, \(metrics.byteCount) bytes\n"
        let counts = Dictionary(grouping: diagnostics, by: \.severity).mapValues(\.count)
        if diagnostics.isEmpty {
            out += "lint: no findings\n"
        } else {
            out += "lint: \(counts[.error] ?? 0) errors, \(counts[.warning] ?? 0) warnings, \(counts[.info] ?? 0) info\n"
            for d in diagnostics {
                let event = d.event.map { "event \($0)" } ?? "stream"
                out += "  \(d.code) \(d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)) "
                out += "\(event.padding(toLength: 10, withPad: " ", startingAt: 0)) \(Self.visible(d.message))\n"
            }
        }
        return out
    }

    private func timingsLine() -> String {
        guard metrics.elapsed > 0 else { return "timings: none recorded (a plain .sse file carries no arrival times)\n" }
        func ms(_ nanos: UInt64?) -> String {
            guard let nanos else { return "—" }
            return String(Double(nanos / 10_000) / 100) + " ms"
        }
        var line = "timings: first byte \(ms(metrics.timeToFirstByte)), first chunk \(ms(metrics.timeToFirstChunk)), "
        line += "first token \(ms(metrics.timeToFirstContent)), total \(ms(metrics.elapsed)); "
        line += "gaps p50 \(ms(metrics.gapP50)) p95 \(ms(metrics.gapP95)) max \(ms(metrics.gapMax))"
        if let rate = metrics.tokensPerSecond {
            line += "; \(Int(rate.rounded())) tokens/s (\(metrics.tokensAreExact ? "exact from usage" : "estimated"))"
        }
        return line + "\n"
    }

    private static func indented(_ text: String) -> String {
        var out = ""
        for line in visible(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
            out += "    " + line + "\n"
        }
        return out
    }

    /// `text` with C0/C1 controls, DEL and line/paragraph separators written as `\u{…}` escapes
    /// (tab kept; newline kept only when `keepNewlines`).
    static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v == 0x0A && keepNewlines) || v == 0x09 {
                out.unicodeScalars.append(scalar)
            } else if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                        || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
                out += "\\u{" + String(v, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

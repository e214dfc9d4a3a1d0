import Foundation

/// The texts the mock scenarios stream.
enum MockTexts {
    /// The `mock-echo` answer: the user's words quoted back, with a little markdown.
    static func echo(_ said: String) -> String {
        let trimmed = said.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return "You said… nothing at all. Type a message and I will echo it back, streamed token by token."
        }
        let quoted = trimmed.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let words = trimmed.split(whereSeparator: { $0.isWhitespace }).count
        return """
            You said:

            \(quoted)

            That is **\(words) word\(words == 1 ? "" : "s")** and \(trimmed.count) characters. I am ChunkScope's \
            built-in *mock provider*, so I can only echo — but this reply travelled the real path:

            1. a SwiftNIO server on `127.0.0.1`, sending `chat.completion.chunk` events,
            2. libcurl on its own thread,
            3. the SSE decoder, the accumulator and the lint, live.

            Try `--model mock-tools`, `mock-reasoning`, `mock-long` or `mock-firehose` for other scenarios ✨
            """
    }

    /// An alternative answer for choice `index` > 0 (n > 1).
    static func variant(index: Int, of said: String) -> String {
        let topic = said.split(whereSeparator: { $0.isWhitespace }).prefix(6).joined(separator: " ")
        let openings = ["Here is another take", "A second opinion", "Alternatively", "One more angle", "Put differently"]
        return "\(openings[index % openings.count]) (choice \(index)): you wrote “\(topic.isEmpty ? "nothing" : topic)”. "
            + "Choices stream interleaved by `index`, each with its own `finish_reason`."
    }

    /// The `mock-reasoning` thinking text.
    static func reasoning(about said: String) -> String {
        let topic = said.split(whereSeparator: { $0.isWhitespace }).prefix(8).joined(separator: " ")
        return "The user wrote \"\(topic)\". I should acknowledge it and explain what a reasoning stream looks like. "
            + "Reasoning arrives in delta.reasoning_content before any content, so a client that only reads content "
            + "would show nothing for a while. Let me keep this short and then answer."
    }

    /// The `mock-refusal` refusal.
    static let refusal = "I'm sorry, but I can't help with that request. This is the mock provider's refusal scenario: "
        + "the text arrives in delta.refusal, not delta.content."

    /// The `mock-tools` / `mock-parallel-tools` answer once the tool results come back: it quotes
    /// each result (up to 200 characters) under the name of the function that produced it.
    static func afterToolResults(_ results: [(name: String, result: String)]) -> String {
        let quoted = results.map { "**\($0.name)** returned `\($0.result.prefix(200))`" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
        return "\(list). Based on \(results.count == 1 ? "that" : "those results"), here is the answer you asked for."
    }

    /// Words for the firehose.
    static let firehoseWords = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
        "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
        "xray", "yankee", "zulu",
    ]

    /// `bytes` bytes of ASCII prose (no line ends) for the single-line scenario.
    static func filler(bytes: Int) -> String {
        let unit = "All work and no play makes a very long line. "
        let repeats = bytes / unit.utf8.count + 1
        return String(String(repeating: unit, count: repeats).utf8.prefix(bytes))!
    }

    /// Content carrying terminal control sequences that must be shown, never executed.
    static let escapes = "Escape test. Clear screen: \u{1B}[2J then retitle: \u{1B}]0;pwned\u{07} and a clipboard write: "
        + "\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}. C1 controls: \u{9B}31m red? \u{85} next-line \u{9D} OSC. "
        + "Bidi: \u{202E}txet desrever\u{202C} and \u{2066}isolate\u{2069}. Bell \u{07} backspace \u{08}x. "
        + "Colour: \u{1B}[31mred\u{1B}[0m. A safe ending."

    /// A long markdown document: sections with lists, tables, code blocks, CJK and emoji.
    static let longMarkdown: String = {
        let topics = [
            ("Streaming basics", "🚀", "流式传输"), ("Tool calls", "🛠️", "ツール呼び出し"), ("Usage accounting", "📊", "사용량"),
            ("Error handling", "🧯", "错误处理"), ("Reasoning models", "🧠", "推論モデル"), ("Backpressure", "🌊", "背压"),
            ("Terminal rendering", "🖥️", "終端描画"), ("Provider quirks", "🧩", "提供商差异"),
        ]
        var text = "# The ChunkScope field guide 📘\n\nA long answer to exercise wrapping, scrolling and markdown.\n"
        for (number, (title, emoji, cjk)) in topics.enumerated() {
            text += """

                ## \(number + 1). \(title) \(emoji)

                Servers send **Server-Sent Events**: each `data:` line carries one JSON chunk and a blank line ends the event. \
                In Chinese and Japanese documentation this topic is called 「\(cjk)」 — wide characters take two columns, \
                so the renderer must measure display width, not bytes or scalars. Emoji like \(emoji) 👩‍💻 🇯🇵 are wide too.

                - The first chunk usually carries `role: "assistant"` and empty content.
                - Deltas append text; `finish_reason` arrives on the last chunk of each choice.
                - With `stream_options.include_usage`, a trailer with `choices: []` reports tokens.

                | Field | Where | Notes |
                |-------|-------|-------|
                | `id` | every chunk | should stay the same |
                | `delta.content` | most chunks | may be empty or null |
                | `usage` | trailer | null elsewhere |

                ```swift
                // Section \(number + 1): fold a delta into the transcript
                for try await chunk in stream {
                    transcript[chunk.index, default: ""] += chunk.delta.content ?? ""
                    if let reason = chunk.finishReason { print("choice \\(chunk.index) finished: \\(reason)") }
                }
                ```

                ```python
                # 中文注释: accumulate the tool-call arguments by index
                for chunk in stream:
                    for call in chunk.choices[0].delta.tool_calls or []:
                        calls.setdefault(call.index, "")
                        calls[call.index] += call.function.arguments or ""
                ```

                > Tip \(number + 1): \(cjk) matters because real providers differ — keep the raw chunks visible and lint them. 💡

                """
        }
        text += "\n---\n\nThat is the end of the guide. 🎉 ありがとう、谢谢、감사합니다!\n"
        return text
    }()
}

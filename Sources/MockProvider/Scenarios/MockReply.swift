/// What the mock answers, before it is rendered as chunks or as one completion.
struct MockReply: Sendable {
    /// One choice of the answer; text fields are already split into streamed pieces.
    struct Choice: Sendable {
        var reasoning: [String] = []
        var content: [String] = []
        var refusal: [String] = []
        var toolCalls: [ToolCall] = []
        var finishReason = "stop"
    }

    /// One tool call with its arguments already split into streamed fragments.
    struct ToolCall: Sendable {
        var id: String
        var name: String
        var argumentFragments: [String]
        var arguments: String { argumentFragments.joined() }
    }

    var choices: [Choice]
    var promptTokens: Int

    /// The number of completion tokens (streamed pieces) across all choices.
    var completionTokens: Int {
        choices.reduce(0) { sum, choice in
            sum + choice.reasoning.count + choice.content.count + choice.refusal.count
                + choice.toolCalls.reduce(0) { $0 + $1.argumentFragments.count + 1 }
        }
    }

    /// The number of reasoning tokens across all choices.
    var reasoningTokens: Int {
        choices.reduce(0) { $0 + $1.reasoning.count }
    }
}

/// Renders a `MockReply` as one non-streaming `chat.completion` object.
enum CompletionRenderer {
    /// The JSON body for `stream: false`.
    static func body(for reply: MockReply, identity: MockStreamIdentity) -> String {
        let choices = reply.choices.enumerated().map { index, choice -> String in
            var message: [(String, String)] = [("role", "\"assistant\"")]
            let content = choice.content.joined()
            message.append(("content", choice.toolCalls.isEmpty && choice.refusal.isEmpty ? MockJSON.string(content) : "null"))
            message.append(("refusal", choice.refusal.isEmpty ? "null" : MockJSON.string(choice.refusal.joined())))
            if !choice.reasoning.isEmpty { message.append(("reasoning_content", MockJSON.string(choice.reasoning.joined()))) }
            if !choice.toolCalls.isEmpty {
                let calls = choice.toolCalls.map { call in
                    MockJSON.object([("id", MockJSON.string(call.id)), ("type", "\"function\""),
                                     ("function", MockJSON.object([("name", MockJSON.string(call.name)), ("arguments", MockJSON.string(call.arguments))]))])
                }
                message.append(("tool_calls", "[" + calls.joined(separator: ",") + "]"))
            }
            return MockJSON.object([("index", String(index)), ("message", MockJSON.object(message)), ("logprobs", "null"),
                                    ("finish_reason", MockJSON.string(choice.finishReason))])
        }
        return MockJSON.object([
            ("id", MockJSON.string(identity.id)), ("object", "\"chat.completion\""), ("created", String(identity.created)),
            ("model", MockJSON.string(identity.model)), ("choices", "[" + choices.joined(separator: ",") + "]"),
            ("usage", StreamFrameRenderer.usage(reply)), ("service_tier", "\"default\""),
            ("system_fingerprint", MockJSON.string(identity.systemFingerprint)),
        ])
    }
}

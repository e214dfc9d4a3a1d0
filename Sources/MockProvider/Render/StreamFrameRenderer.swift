/// Renders a `MockReply` as the frames of an OpenAI-style `text/event-stream` response, then
/// applies the scenario's fault (drop, stall, malformed chunk, mid-stream error, …).
struct StreamFrameRenderer {
    var identity: MockStreamIdentity
    var includeUsage: Bool
    var scenario: MockScenario
    var request: MockRequest

    /// The frames for `reply`, in sending order.
    func frames(for reply: MockReply) -> [MockFrame] {
        var perChoice = reply.choices.enumerated().map { index, choice in deltas(for: choice, index: index) }
        var frames: [MockFrame] = []
        // Interleave choices round-robin by index, as OpenAI does for n > 1.
        var cursor = Array(repeating: 0, count: perChoice.count)
        var remaining = perChoice.reduce(0) { $0 + $1.count }
        while remaining > 0 {
            for index in perChoice.indices where cursor[index] < perChoice[index].count {
                let (delta, finish) = perChoice[index][cursor[index]]
                frames.append(.data(chunk(choices: [choiceJSON(index: index, delta: delta, finish: finish)]), paced: true))
                cursor[index] += 1
                remaining -= 1
            }
        }
        perChoice.removeAll()
        if includeUsage {
            frames.append(.data(chunk(choices: [], usage: usageJSON(reply)), paced: false))
        }
        frames.append(.data("[DONE]", paced: false))
        return applyFault(to: frames)
    }

    /// The (delta JSON, finish_reason) steps of one choice.
    private func deltas(for choice: MockReply.Choice, index: Int) -> [(String, String?)] {
        var steps: [(String, String?)] = []
        if !choice.toolCalls.isEmpty {
            steps.append(("{\"role\":\"assistant\",\"content\":null,\"refusal\":null}", nil))
        } else if !choice.refusal.isEmpty {
            steps.append(("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"\"}", nil))
        } else if !choice.reasoning.isEmpty {
            steps.append(("{\"role\":\"assistant\",\"content\":null,\"reasoning_content\":\"\"}", nil))
        } else {
            steps.append(("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", nil))
        }
        for piece in choice.reasoning {
            steps.append(("{\"content\":null,\"reasoning_content\":\(MockJSON.string(piece))}", nil))
        }
        for piece in choice.content {
            steps.append((choice.reasoning.isEmpty ? "{\"content\":\(MockJSON.string(piece))}"
                : "{\"content\":\(MockJSON.string(piece)),\"reasoning_content\":null}", nil))
        }
        for piece in choice.refusal {
            steps.append(("{\"refusal\":\(MockJSON.string(piece))}", nil))
        }
        for (callIndex, call) in choice.toolCalls.enumerated() {
            steps.append(("{\"tool_calls\":[{\"index\":\(callIndex),\"id\":\(MockJSON.string(call.id)),\"type\":\"function\",\"function\":{\"name\":\(MockJSON.string(call.name)),\"arguments\":\"\"}}]}", nil))
            for fragment in call.argumentFragments {
                steps.append(("{\"tool_calls\":[{\"index\":\(callIndex),\"function\":{\"arguments\":\(MockJSON.string(fragment))}}]}", nil))
            }
        }
        steps.append(("{}", choice.finishReason))
        return steps
    }

    private func choiceJSON(index: Int, delta: String, finish: String?) -> String {
        "{\"index\":\(index),\"delta\":\(delta),\"logprobs\":null,\"finish_reason\":\(MockJSON.optional(finish))}"
    }

    /// One `chat.completion.chunk` object; `usage` is `null` on every chunk when usage was requested.
    func chunk(choices: [String], usage: String? = nil) -> String {
        var text = "{\"id\":\(MockJSON.string(identity.id)),\"object\":\"chat.completion.chunk\",\"created\":\(identity.created),"
        text += "\"model\":\(MockJSON.string(identity.model)),\"service_tier\":\"default\","
        text += "\"system_fingerprint\":\(MockJSON.string(identity.systemFingerprint)),\"choices\":[\(choices.joined(separator: ","))]"
        if includeUsage { text += ",\"usage\":\(usage ?? "null")" }
        return text + "}"
    }

    /// OpenAI's usage object for `reply`.
    static func usage(_ reply: MockReply) -> String {
        let completion = reply.completionTokens
        return "{\"prompt_tokens\":\(reply.promptTokens),\"completion_tokens\":\(completion),\"total_tokens\":\(reply.promptTokens + completion),"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":\(reply.reasoningTokens),\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}"
    }

    private func usageJSON(_ reply: MockReply) -> String {
        Self.usage(reply)
    }

    // MARK: Faults

    private func applyFault(to frames: [MockFrame]) -> [MockFrame] {
        var frames = frames
        switch scenario {
        case .drop:
            let keep = min(request.count("chunks", default: 8), frames.count)
            frames = Array(frames.prefix(keep)) + [.drop]
        case .stall:
            let keep = min(request.count("chunks", default: 3), frames.count)
            let seconds = request.knobs["stall_seconds"] ?? 3600
            frames = Array(frames.prefix(keep)) + [.stall(seconds: seconds)] + Array(frames.dropFirst(keep))
        case .malformed:
            let at = min(request.count("chunks", default: 4), frames.count)
            let broken = "data: {\"id\":\(MockJSON.string(identity.id)),\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lost\n\n"
            frames.insert(.raw(broken), at: at)
        case .midstreamError:
            let keep = min(request.count("chunks", default: 6), frames.count)
            let error = "{\"error\":{\"message\":\"The server had an error processing your request mid-stream. Sorry about that! (mock-midstream-error)\",\"type\":\"server_error\",\"param\":null,\"code\":\"internal_error\"}}"
            frames = Array(frames.prefix(keep)) + [.data(error, paced: true)]
        case .noDone:
            frames.removeAll { $0 == .data("[DONE]", paced: false) }
        case .keepalive:
            var withComments: [MockFrame] = [.comment("OPENROUTER PROCESSING", paced: true), .comment("OPENROUTER PROCESSING", paced: true)]
            for (i, frame) in frames.enumerated() {
                withComments.append(frame)
                if i % 3 == 2 { withComments.append(.comment("keep-alive", paced: false)) }
            }
            frames = withComments
        default:
            break
        }
        return frames
    }
}

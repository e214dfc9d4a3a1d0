import ChunkScopeCore

extension PreparedStream {
    /// A capture played back into the dashboard at `speed`, titled `replay NAME ×SPEED`; the first
    /// turn shows the capture's last user message and model (from the recorded request body).
    public static func replay(of capture: Capture, named name: String, speed: ReplaySpeed) -> PreparedStream {
        let body = capture.request.flatMap { try? JSONParser.parse($0.body) }
        let speedLabel: String
        switch speed {
        case .max: speedLabel = "max"
        case .factor(let factor): speedLabel = factor == factor.rounded() ? "×\(Int(factor))" : "×\(factor)"
        }
        return PreparedStream(
            title: "replay \(name) \(speedLabel)",
            model: body?["model"]?.stringValue ?? "unknown model",
            prompt: body.flatMap(lastUserMessage(in:)) ?? "(the capture has no request: plain .sse file)",
            includeUsageRequested: capture.requestedUsage,
            makeInputs: {
                let (inputs, stop) = CaptureReplay.start(capture, speed: speed)
                return (inputs, stop)
            })
    }

    /// The text of the last `user` message of a chat request body (string or text parts).
    static func lastUserMessage(in body: JSONValue) -> String? {
        guard case .array(let messages)? = body["messages"] else { return nil }
        for message in messages.reversed() where message["role"]?.stringValue == "user" {
            if let text = message["content"]?.stringValue { return text }
            if case .array(let parts)? = message["content"] {
                return parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            }
        }
        return nil
    }
}

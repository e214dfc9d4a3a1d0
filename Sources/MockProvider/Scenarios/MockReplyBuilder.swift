/// Builds the reply a scenario gives to a request (pure apart from the random ids it is handed).
struct MockReplyBuilder {
    var scenario: MockScenario
    var request: MockRequest
    /// Makes `call_…` ids; injected so tests can be deterministic.
    var makeCallID: () -> String

    /// The reply for the request.
    func build() -> MockReply {
        let prompt = request.messages.reduce(0) { $0 + MockTokenizer.count($1.text) + 4 }
        let choiceCount = request.n ?? (scenario == .n2 ? 2 : 1)
        return MockReply(choices: (0..<choiceCount).map { choice(index: $0) }, promptTokens: prompt)
    }

    private func choice(index: Int) -> MockReply.Choice {
        var choice = MockReply.Choice()
        switch scenario {
        case .tools, .parallelTools:
            let results = request.trailingToolResults
            if !results.isEmpty {
                choice.content = MockTokenizer.tokens(MockTexts.afterToolResults(results))
                return choice
            }
            choice.toolCalls = toolCalls(count: scenario == .parallelTools ? 2 : 1)
            choice.finishReason = "tool_calls"
        case .reasoning:
            choice.reasoning = MockTokenizer.tokens(MockTexts.reasoning(about: request.lastUserText))
            choice.content = MockTokenizer.tokens(MockTexts.echo(request.lastUserText))
        case .refusal:
            choice.refusal = MockTokenizer.tokens(MockTexts.refusal)
        case .long:
            choice.content = MockTokenizer.tokens(MockTexts.longMarkdown)
        case .firehose:
            let words = MockTexts.firehoseWords
            let count = request.count("chunks", default: 20_000)
            choice.content = (0..<count).map { " " + words[$0 % words.count] }
        case .huge:
            choice.content = [MockTexts.filler(bytes: request.count("bytes", default: 10 << 20))]
        case .escapes:
            choice.content = MockTokenizer.tokens(MockTexts.escapes)
        case .n2:
            choice.content = MockTokenizer.tokens(MockTexts.variant(index: index, of: request.lastUserText))
        default:
            choice.content = MockTokenizer.tokens(
                index == 0 ? MockTexts.echo(request.lastUserText) : MockTexts.variant(index: index, of: request.lastUserText))
        }
        return choice
    }

    private func toolCalls(count: Int) -> [MockReply.ToolCall] {
        let offered = request.tools
        let defaults = [
            MockRequest.Tool(name: "get_weather", parameters: [("location", "string"), ("unit", "string")]),
            MockRequest.Tool(name: "get_time", parameters: [("timezone", "string")]),
        ]
        return (0..<count).map { i in
            let tool = offered.isEmpty ? defaults[i % defaults.count] : offered[i % offered.count]
            let city = ["Paris, France", "Tōkyō, 日本", "São Paulo, Brasil"][i % 3]
            let members = tool.parameters.map { parameter -> (String, String) in
                switch parameter.type {
                case "integer": return (parameter.name, "3")
                case "number": return (parameter.name, "21.5")
                case "boolean": return (parameter.name, "true")
                case "array": return (parameter.name, "[\"a\",\"b\"]")
                case "object": return (parameter.name, "{}")
                default:
                    let value = parameter.name.contains("unit") ? "celsius" : parameter.name.contains("zone") ? "Europe/Paris" : city
                    return (parameter.name, MockJSON.string(value))
                }
            }
            let arguments = MockJSON.object(members)
            return MockReply.ToolCall(id: makeCallID(), name: tool.name, argumentFragments: Self.fragments(arguments))
        }
    }

    /// Splits argument JSON into small fragments as OpenAI streams them (including an empty first one).
    static func fragments(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count >= 4 || character == "," || character == ":" {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}

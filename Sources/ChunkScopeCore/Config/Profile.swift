/// One `[profiles.NAME]` table of the config: how to reach one provider.
public struct Profile: Sendable, Equatable {
    /// The table name (`openai`, `groq`, …).
    public var name: String
    /// The line of the `[profiles.NAME]` header.
    public var line: Int
    /// The API root, e.g. `https://api.openai.com/v1`; `/chat/completions` is appended.
    public var baseURL: String?
    /// The default model.
    public var model: String?
    /// The environment variable holding the key.
    public var apiKeyEnv: String?
    /// A shell command (run with `/bin/sh -c`) printing the key on stdout.
    public var apiKeyCommand: String?
    /// Extra request headers, in file order.
    public var headers: [HTTPHeader] = []
    /// Default `temperature`.
    public var temperature: Double?
    /// Default `max_tokens`.
    public var maxTokens: Int?
    /// Whether to send `stream_options: {"include_usage": true}` (default true).
    public var includeUsage: Bool?
    /// Path of an OpenAI tools JSON file (an array of tool definitions): `tools = "FILE"`, or
    /// `tools_file = "FILE"` when `tools` is the table of tool commands.
    public var toolsPath: String?
    /// `[profiles.NAME.tools.TOOL]` tables: the command answering each tool, by tool name.
    public var toolCommands: [String: ToolCommand] = [:]
    /// A default system prompt.
    public var system: String?
    /// Extra body fields sent with every request.
    public var params: [JSONValue.Member] = []
    /// Prices for the usage meter's cost estimate.
    public var prices: Prices?
    /// Connect timeout in seconds.
    public var connectTimeout: Double?
    /// Idle (stall) timeout in seconds: the longest wait for the next byte.
    public var idleTimeout: Double?

    /// An empty profile named `name`.
    public init(name: String, line: Int = 0) {
        self.name = name
        self.line = line
    }

    /// True when the profile says where a key comes from.
    public var hasCredentialSource: Bool { apiKeyEnv != nil || apiKeyCommand != nil }
}

/// Token prices in the user's currency per one million tokens.
public struct Prices: Sendable, Hashable {
    /// Price of one million prompt tokens.
    public var inputPerMillion: Double
    /// Price of one million completion tokens.
    public var outputPerMillion: Double
    /// Price of one million cached prompt tokens, when the provider discounts them.
    public var cachedInputPerMillion: Double?

    /// Creates a price table.
    public init(inputPerMillion: Double, outputPerMillion: Double, cachedInputPerMillion: Double? = nil) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
    }

    /// The cost of a request with these token counts.
    public func cost(promptTokens: Int, completionTokens: Int, cachedPromptTokens: Int = 0) -> Double {
        let cached = min(cachedPromptTokens, promptTokens)
        let cachedPrice = cachedInputPerMillion ?? inputPerMillion
        return (Double(promptTokens - cached) * inputPerMillion + Double(cached) * cachedPrice
            + Double(completionTokens) * outputPerMillion) / 1_000_000
    }
}

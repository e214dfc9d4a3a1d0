/// Everything needed to talk to one provider, after config, environment and flags are combined.
public struct ResolvedProfile: Sendable, Equatable {
    /// The profile name (`openai`, `groq`), `env` for the OPENAI_* variables, `mock` for the built-in mock.
    public var name: String
    /// Where the settings came from, for the status line ("profile 'groq' (~/.config/…)").
    public var origin: String
    /// The API root; empty for the built-in mock until its server has started.
    public var baseURL: String
    /// The model to request.
    public var model: String
    /// The key, if any; sent as `Authorization: Bearer …`.
    public var apiKey: Secret?
    /// Extra request headers.
    public var headers: [HTTPHeader]
    /// Extra body fields (temperature, max_tokens, params, --param), later entries win.
    public var params: [JSONValue.Member]
    /// Whether to ask for the usage trailer.
    public var includeUsage: Bool
    /// The tools JSON file, if any.
    public var toolsPath: String?
    /// The system prompt, if any.
    public var system: String?
    /// The command answering each tool, by tool name: the profile's `tools` tables, then
    /// `--tool-command NAME=COMMAND` (which wins).
    public var toolCommands: [String: ToolCommand]
    /// Token prices for the cost estimate.
    public var prices: Prices?
    /// Connect timeout in seconds.
    public var connectTimeout: Double
    /// Idle (stall) timeout in seconds.
    public var idleTimeout: Double
    /// True when ChunkScope should start its own mock provider and talk to it.
    public var isBuiltInMock: Bool
    /// Things the user should know (e.g. a config file readable by others).
    public var warnings: [String]

    /// The default connect timeout in seconds.
    public static let defaultConnectTimeout = 10.0
    /// The default idle timeout in seconds (reasoning models can think quietly for a while).
    public static let defaultIdleTimeout = 120.0
    /// The model used with the conventional OPENAI_* variables when none is named.
    public static let defaultOpenAIModel = "gpt-4o-mini"
    /// The model used with the built-in mock when none is named.
    public static let defaultMockModel = "mock-echo"

    /// Creates a resolved profile.
    public init(name: String, origin: String, baseURL: String, model: String, apiKey: Secret? = nil,
                headers: [HTTPHeader] = [], params: [JSONValue.Member] = [], includeUsage: Bool = true,
                toolsPath: String? = nil, system: String? = nil, toolCommands: [String: ToolCommand] = [:],
                prices: Prices? = nil,
                connectTimeout: Double = ResolvedProfile.defaultConnectTimeout,
                idleTimeout: Double = ResolvedProfile.defaultIdleTimeout,
                isBuiltInMock: Bool = false, warnings: [String] = []) {
        self.name = name
        self.origin = origin
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.headers = headers
        self.params = params
        self.includeUsage = includeUsage
        self.toolsPath = toolsPath
        self.system = system
        self.toolCommands = toolCommands
        self.prices = prices
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
        self.isBuiltInMock = isBuiltInMock
        self.warnings = warnings
    }
}

/// What the command line says about the connection; every field overrides the profile.
public struct ConnectionOverrides: Sendable, Equatable {
    /// `--profile NAME`.
    public var profile: String?
    /// `--base-url URL`.
    public var baseURL: String?
    /// `--model NAME`.
    public var model: String?
    /// `--api-key-env VAR`.
    public var apiKeyEnv: String?
    /// `--system TEXT`.
    public var system: String?
    /// `--tools FILE`.
    public var toolsPath: String?
    /// `--tool-command NAME=COMMAND`, by tool name.
    public var toolCommands: [String: ToolCommand]
    /// `--param key=value`, in command-line order (later wins).
    public var params: [JSONValue.Member]
    /// `--connect-timeout SECONDS`.
    public var connectTimeout: Double?
    /// `--idle-timeout SECONDS`.
    public var idleTimeout: Double?

    /// Creates overrides; everything defaults to "not given".
    public init(profile: String? = nil, baseURL: String? = nil, model: String? = nil, apiKeyEnv: String? = nil,
                system: String? = nil, toolsPath: String? = nil, toolCommands: [String: ToolCommand] = [:],
                params: [JSONValue.Member] = [],
                connectTimeout: Double? = nil, idleTimeout: Double? = nil) {
        self.profile = profile
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.system = system
        self.toolsPath = toolsPath
        self.toolCommands = toolCommands
        self.params = params
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
    }
}

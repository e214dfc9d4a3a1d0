/// Combines the config file, the environment and the command-line flags into a `ResolvedProfile`.
///
/// Order: flags, then the chosen profile (`--profile`, else `default_profile`), then the conventional
/// `OPENAI_API_KEY` / `OPENAI_BASE_URL` / `OPENAI_MODEL`. With no profile, no key, no base URL
/// (flag or env), or a `mock-*` model and no base URL, the result is the built-in mock.
/// Pure: the environment and the key-command runner are injected.
public struct ProfileResolver {
    /// The parsed config file, if there is one.
    public var config: ChunkScopeConfig?
    /// The process environment.
    public var environment: [String: String]
    /// Runs an `api_key_cmd` and returns its trimmed stdout; throws a message on failure.
    public var runKeyCommand: (String) throws -> String
    /// Warnings found while loading the config (e.g. permissions), carried into the result.
    public var loadWarnings: [String]

    /// Creates a resolver.
    public init(config: ChunkScopeConfig?, environment: [String: String], loadWarnings: [String] = [],
                runKeyCommand: @escaping (String) throws -> String) {
        self.config = config
        self.environment = environment
        self.loadWarnings = loadWarnings
        self.runKeyCommand = runKeyCommand
    }

    /// Resolves the connection, or explains what is missing.
    public func resolve(_ flags: ConnectionOverrides) throws(ConfigError) -> ResolvedProfile {
        let profileName = flags.profile ?? environment["CHUNKSCOPE_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? config?.defaultProfile
        if profileName == "mock" && config?.profile(named: "mock") == nil {
            return builtInMock(flags, origin: "built-in mock provider (--profile mock)")
        }
        if let profileName {
            guard let profile = config?.profile(named: profileName) else {
                let defined = config.map { "defined in \($0.path): \($0.profileList)" } ?? "there is no config file"
                throw ConfigError(key: "--profile", message: "no profile named '\(profileName)' (\(defined))")
            }
            return try resolve(profile, flags)
        }
        return try resolveWithoutProfile(flags)
    }

    private func resolve(_ profile: Profile, _ flags: ConnectionOverrides) throws(ConfigError) -> ResolvedProfile {
        let path = config?.path
        let origin = "profile '\(profile.name)' (\(path ?? "config"))"
        guard let baseURL = flags.baseURL ?? profile.baseURL else {
            throw ConfigError(file: path, line: profile.line, key: "profiles.\(profile.name).base_url",
                              message: "missing: set base_url in the profile or pass --base-url")
        }
        guard let model = flags.model ?? profile.model else {
            throw ConfigError(file: path, line: profile.line, key: "profiles.\(profile.name).model",
                              message: "missing: set model in the profile or pass --model")
        }
        let key = try resolveKey(flags: flags, profile: profile)
        var params: [JSONValue.Member] = []
        if let t = profile.temperature { params.append(.init("temperature", .number(Self.jsonNumber(t)))) }
        if let m = profile.maxTokens { params.append(.init("max_tokens", .number(String(m)))) }
        params = Self.merge(params, profile.params)
        params = Self.merge(params, flags.params)
        return ResolvedProfile(
            name: profile.name, origin: origin, baseURL: try checkedURL(baseURL), model: model, apiKey: key,
            headers: profile.headers, params: params, includeUsage: profile.includeUsage ?? true,
            toolsPath: flags.toolsPath ?? profile.toolsPath, system: flags.system ?? profile.system,
            toolCommands: profile.toolCommands.merging(flags.toolCommands) { _, flag in flag },
            prices: profile.prices,
            connectTimeout: flags.connectTimeout ?? profile.connectTimeout ?? ResolvedProfile.defaultConnectTimeout,
            idleTimeout: flags.idleTimeout ?? profile.idleTimeout ?? ResolvedProfile.defaultIdleTimeout,
            warnings: loadWarnings)
    }

    private func resolveWithoutProfile(_ flags: ConnectionOverrides) throws(ConfigError) -> ResolvedProfile {
        let envKey = environment["OPENAI_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let envBase = environment["OPENAI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        let wantsMockModel = flags.model?.hasPrefix("mock-") == true && flags.baseURL == nil && envBase == nil
        if wantsMockModel || (flags.baseURL == nil && envBase == nil && envKey == nil && flags.apiKeyEnv == nil) {
            return builtInMock(flags, origin: "built-in mock provider (no key, profile or base URL configured)")
        }
        var key: Secret?
        var warnings = loadWarnings
        let baseURL = flags.baseURL ?? envBase ?? "https://api.openai.com/v1"
        if let variable = flags.apiKeyEnv {
            key = try keyFromEnvironment(variable, key: "--api-key-env")
        } else if let envKey {
            // OPENAI_API_KEY goes to OpenAI or to OPENAI_BASE_URL (the conventional pair), never to an
            // unrelated --base-url, which would leak the key to another server.
            let flagHost = flags.baseURL.map(Self.host(of:))
            if flags.baseURL == nil || flagHost == "api.openai.com" || flags.baseURL.map(Self.trimmed) == envBase.map(Self.trimmed) {
                key = Secret(envKey)
            } else {
                warnings.append("OPENAI_API_KEY is not sent to \(flagHost ?? "--base-url"); pass --api-key-env OPENAI_API_KEY to send it")
            }
        }
        let model = flags.model ?? environment["OPENAI_MODEL"].flatMap { $0.isEmpty ? nil : $0 } ?? ResolvedProfile.defaultOpenAIModel
        return ResolvedProfile(
            name: "env", origin: flags.baseURL != nil ? "--base-url" : "OPENAI_* environment variables",
            baseURL: try checkedURL(baseURL), model: model, apiKey: key, params: flags.params,
            toolsPath: flags.toolsPath, system: flags.system, toolCommands: flags.toolCommands,
            connectTimeout: flags.connectTimeout ?? ResolvedProfile.defaultConnectTimeout,
            idleTimeout: flags.idleTimeout ?? ResolvedProfile.defaultIdleTimeout, warnings: warnings)
    }

    /// The lower-cased host of an `http(s)://` URL.
    static func host(of url: String) -> String {
        let afterScheme = url.firstRange(of: "://").map { url[$0.upperBound...] } ?? Substring(url)
        var authority = afterScheme.prefix { $0 != "/" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return String(authority.dropFirst().prefix { $0 != "]" }).lowercased() }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }

    private static func trimmed(_ url: String) -> String {
        var text = url
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    private func builtInMock(_ flags: ConnectionOverrides, origin: String) -> ResolvedProfile {
        ResolvedProfile(
            name: "mock", origin: origin, baseURL: "", model: flags.model ?? ResolvedProfile.defaultMockModel,
            params: flags.params, toolsPath: flags.toolsPath, system: flags.system, toolCommands: flags.toolCommands,
            connectTimeout: flags.connectTimeout ?? ResolvedProfile.defaultConnectTimeout,
            idleTimeout: flags.idleTimeout ?? ResolvedProfile.defaultIdleTimeout,
            isBuiltInMock: true, warnings: loadWarnings)
    }

    private func resolveKey(flags: ConnectionOverrides, profile: Profile) throws(ConfigError) -> Secret? {
        if let variable = flags.apiKeyEnv { return try keyFromEnvironment(variable, key: "--api-key-env") }
        let base = "profiles.\(profile.name)"
        if let command = profile.apiKeyCommand {
            let output: String
            do {
                output = try runKeyCommand(command)
            } catch {
                throw ConfigError(file: config?.path, line: profile.line, key: "\(base).api_key_cmd",
                                  message: "the key command failed: \(Redaction.redactText(String(describing: error)))")
            }
            guard !output.isEmpty else {
                throw ConfigError(file: config?.path, line: profile.line, key: "\(base).api_key_cmd",
                                  message: "the key command printed nothing")
            }
            return Secret(output)
        }
        if let variable = profile.apiKeyEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw ConfigError(file: config?.path, line: profile.line, key: "\(base).api_key_env",
                                  message: "environment variable \(variable) is not set (export it, or use api_key_cmd)")
            }
            return Secret(value)
        }
        return nil
    }

    private func keyFromEnvironment(_ variable: String, key: String) throws(ConfigError) -> Secret {
        guard let value = environment[variable], !value.isEmpty else {
            throw ConfigError(key: key, message: "environment variable \(variable) is not set")
        }
        return Secret(value)
    }

    private func checkedURL(_ url: String) throws(ConfigError) -> String {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ConfigError(key: "base_url", message: "'\(url)' is not an http:// or https:// URL")
        }
        var trimmed = url
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }

    /// `base` with every member of `overrides` replacing a same-named member or appended.
    static func merge(_ base: [JSONValue.Member], _ overrides: [JSONValue.Member]) -> [JSONValue.Member] {
        var result = base
        for member in overrides {
            if let i = result.firstIndex(where: { $0.key == member.key }) {
                result[i] = member
            } else {
                result.append(member)
            }
        }
        return result
    }

    /// A Double as JSON number text (integers without a fraction).
    static func jsonNumber(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }
}

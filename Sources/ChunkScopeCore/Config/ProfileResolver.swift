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
    /// Runs an `api_key_cmd` and returns its stdout as printed; throws a message on failure.
    /// One trailing newline is dropped from the output; any other line break is an error.
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
        for header in profile.headers {
            if let problem = HeaderValidation.problem(name: header.name, value: header.value) {
                throw ConfigError(file: path, line: profile.line, key: "profiles.\(profile.name).headers",
                                  message: "header '\(HeaderValidation.escapingControls(header.name))': \(problem)")
            }
        }
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
            try Self.checkKey(envKey, file: nil, line: nil, key: "OPENAI_API_KEY", source: "environment variable OPENAI_API_KEY")
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
        URLParts(url)?.host ?? ""
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
            let key = Self.droppingOneTrailingNewline(output)
            guard !key.isEmpty else {
                throw ConfigError(file: config?.path, line: profile.line, key: "\(base).api_key_cmd",
                                  message: "the key command printed nothing")
            }
            try Self.checkKey(key, file: config?.path, line: profile.line, key: "\(base).api_key_cmd",
                              source: "the key command's output", hint: "; only one trailing newline is allowed")
            return Secret(key)
        }
        if let variable = profile.apiKeyEnv {
            guard let value = environment[variable], !value.isEmpty else {
                throw ConfigError(file: config?.path, line: profile.line, key: "\(base).api_key_env",
                                  message: "environment variable \(variable) is not set (export it, or use api_key_cmd)")
            }
            try Self.checkKey(value, file: config?.path, line: profile.line, key: "\(base).api_key_env",
                              source: "environment variable \(variable)")
            return Secret(value)
        }
        return nil
    }

    private func keyFromEnvironment(_ variable: String, key: String) throws(ConfigError) -> Secret {
        guard let value = environment[variable], !value.isEmpty else {
            throw ConfigError(key: key, message: "environment variable \(variable) is not set")
        }
        try Self.checkKey(value, file: nil, line: nil, key: key, source: "environment variable \(variable)")
        return Secret(value)
    }

    /// Throws when `value` cannot go into the `Authorization` header as one header (a line break
    /// or control character would start another); the message never quotes the key.
    private static func checkKey(_ value: String, file: String?, line: Int?, key: String,
                                 source: String, hint: String = "") throws(ConfigError) {
        if let problem = HeaderValidation.problem(value: value) {
            throw ConfigError(file: file, line: line, key: key, message: "\(source) cannot be sent as the key: \(problem)\(hint)")
        }
    }

    /// `text` without one trailing `\n` (or `\r\n`), the newline a key command normally prints.
    static func droppingOneTrailingNewline(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        guard scalars.last == "\n" else { return text }
        scalars.removeLast()
        if scalars.last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    private func checkedURL(_ url: String) throws(ConfigError) -> String {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ConfigError(key: "base_url", message: "'\(Redaction.redactURL(url))' is not an http:// or https:// URL")
        }
        guard url.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw ConfigError(key: "base_url", message: "'\(Redaction.redactURL(HeaderValidation.escapingControls(url)))' contains a space or control character")
        }
        guard var parts = URLParts(url) else { return url }
        while parts.path.hasSuffix("/") { parts.path.removeLast() }
        return parts.joined
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

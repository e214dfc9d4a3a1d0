import ArgumentParser
import ChunkScopeCore
import ChunkScopeTransport
import Foundation

/// The connection flags shared by the dashboard, `record` and later commands.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Profile from config.toml (default: default_profile; 'mock' = the built-in mock).", valueName: "name"))
    var profile: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("API root, e.g. https://api.openai.com/v1 (overrides the profile and OPENAI_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Model name; mock-* names pick a mock scenario.", valueName: "name"))
    var model: String?

    @Option(name: .customLong("api-key-env"), help: ArgumentHelp("Environment variable holding the API key.", valueName: "var"))
    var apiKeyEnv: String?

    @Option(help: ArgumentHelp("System prompt sent before the conversation.", valueName: "text"))
    var system: String?

    @Option(help: ArgumentHelp("OpenAI tools JSON file (an array of tool definitions).", valueName: "file"))
    var tools: String?

    @Option(name: .customLong("tool-command"), help: ArgumentHelp("Answer tool NAME by running COMMAND with /bin/sh -c: the call's arguments on stdin, the result from stdout. Repeatable.", valueName: "name=command"))
    var toolCommands: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Extra body field; the value is JSON if it parses, else a string. Repeatable.", valueName: "key=value"))
    var params: [String] = []

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp("Seconds allowed to connect (default 10).", valueName: "seconds"))
    var connectTimeout: Double?

    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("Seconds without any byte before the stream is declared stalled (default 120).", valueName: "seconds"))
    var idleTimeout: Double?

    @Option(help: ArgumentHelp("Retry a 429/503 that arrives before any body byte up to N times, honouring retry-after.", valueName: "n"))
    var retries: Int = 0

    @Option(help: ArgumentHelp("Config file (default $XDG_CONFIG_HOME/chunkscope/config.toml).", valueName: "file"))
    var config: String?

    func validate() throws {
        for (name, value) in [("--connect-timeout", connectTimeout), ("--idle-timeout", idleTimeout)] {
            if let value, !(value > 0) { throw ValidationError("\(name) must be a positive number of seconds") }
        }
        if retries < 0 || retries > 10 { throw ValidationError("--retries must be between 0 and 10") }
    }

    /// The flags as overrides for the profile resolver.
    func overrides() throws(ConfigError) -> ConnectionOverrides {
        var parsed: [JSONValue.Member] = []
        for argument in params { parsed.append(try ParamParser.parse(argument)) }
        var commands: [String: ToolCommand] = [:]
        for argument in toolCommands {
            let (name, command) = try ToolCommand.parseFlag(argument)
            commands[name] = command
        }
        return ConnectionOverrides(profile: profile, baseURL: baseURL, model: model, apiKeyEnv: apiKeyEnv, system: system,
                                   toolsPath: tools, toolCommands: commands, params: parsed, connectTimeout: connectTimeout, idleTimeout: idleTimeout)
    }

    /// Loads the config, combines it with the environment and these flags. Blocks while an
    /// `api_key_cmd` runs: from async code prefer `resolveOffPool`.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> ResolvedProfile {
        try ConfigLoader.resolve(try overrides(), environment: environment, path: config)
    }

    /// `resolve` on its own thread, so a slow `api_key_cmd` never blocks Swift's cooperative pool.
    func resolveOffPool(environment: [String: String] = ProcessInfo.processInfo.environment) async throws(ConfigError) -> ResolvedProfile {
        try await ConfigLoader.resolveOffPool(try overrides(), environment: environment, path: config)
    }

    /// The transport options for `profile` with this command line's retry count.
    func transportOptions(for profile: ResolvedProfile) -> TransportOptions {
        ChatRequest.transportOptions(for: profile, maxRetries: retries)
    }
}

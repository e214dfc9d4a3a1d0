extension ChunkScopeConfig {
    /// The keys a `[profiles.NAME]` table accepts.
    public static let profileKeys = [
        "base_url", "model", "api_key_env", "api_key_cmd", "headers", "temperature", "max_tokens",
        "include_usage", "tools", "tools_file", "system", "params", "prices", "connect_timeout", "idle_timeout",
    ]

    /// Parses the text of a config file; errors name `path`, the line and the key.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> ChunkScopeConfig {
        let root: TOMLTable
        do {
            root = try TOMLParser.parse(text)
        } catch {
            throw ConfigError(file: path, line: error.line, key: error.key, message: error.message)
        }
        var config = ChunkScopeConfig(path: path)
        let reader = TableReader(path: path)
        for entry in root.entries {
            switch entry.key {
            case "default_profile":
                config.defaultProfile = try reader.string(entry, key: "default_profile")
                config.defaultProfileLine = entry.line
            case "profiles":
                let table = try reader.table(entry, key: "profiles")
                for profileEntry in table.entries {
                    config.profiles.append(try reader.profile(profileEntry))
                }
            default:
                throw ConfigError(file: path, line: entry.line, key: entry.key,
                                  message: "unknown top-level key (expected default_profile or [profiles.NAME] tables)")
            }
        }
        if let name = config.defaultProfile, config.profile(named: name) == nil, name != "mock" {
            throw ConfigError(file: path, line: config.defaultProfileLine, key: "default_profile",
                              message: "no profile named '\(name)' (defined: \(config.profileList))")
        }
        return config
    }

    /// The defined profile names for messages, or "none".
    var profileList: String {
        profiles.isEmpty ? "none" : profiles.map(\.name).joined(separator: ", ")
    }
}

/// Typed reads of TOML entries that fail with a `ConfigError` naming file, line and key.
private struct TableReader {
    let path: String

    func fail(_ entry: TOMLTable.Entry, key: String, _ message: String) -> ConfigError {
        ConfigError(file: path, line: entry.line, key: key, message: message)
    }

    func string(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> String {
        guard case .string(let s) = entry.value else {
            throw fail(entry, key: key, "expected a string, found \(entry.value.kindDescription)")
        }
        return s
    }

    func number(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> Double {
        switch entry.value {
        case .integer(let i): return Double(i)
        case .float(let d) where d.isFinite: return d
        default: throw fail(entry, key: key, "expected a number, found \(entry.value.kindDescription)")
        }
    }

    func positiveNumber(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> Double {
        let value = try number(entry, key: key)
        guard value > 0 else { throw fail(entry, key: key, "must be greater than 0") }
        return value
    }

    func integer(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> Int {
        guard case .integer(let i) = entry.value else {
            throw fail(entry, key: key, "expected an integer, found \(entry.value.kindDescription)")
        }
        return i
    }

    func bool(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> Bool {
        guard case .boolean(let b) = entry.value else {
            throw fail(entry, key: key, "expected true or false, found \(entry.value.kindDescription)")
        }
        return b
    }

    func table(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> TOMLTable {
        guard case .table(let t) = entry.value else {
            throw fail(entry, key: key, "expected a table, found \(entry.value.kindDescription)")
        }
        return t
    }

    func profile(_ entry: TOMLTable.Entry) throws(ConfigError) -> Profile {
        let base = "profiles.\(entry.key)"
        let table = try self.table(entry, key: base)
        var profile = Profile(name: entry.key, line: table.line)
        for field in table.entries {
            let key = "\(base).\(field.key)"
            switch field.key {
            case "base_url":
                let url = try string(field, key: key)
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw fail(field, key: key, "must start with http:// or https:// (got '\(url)')")
                }
                profile.baseURL = url
            case "model": profile.model = try string(field, key: key)
            case "api_key_env": profile.apiKeyEnv = try string(field, key: key)
            case "api_key_cmd": profile.apiKeyCommand = try string(field, key: key)
            case "temperature": profile.temperature = try number(field, key: key)
            case "max_tokens":
                let value = try integer(field, key: key)
                guard value > 0 else { throw fail(field, key: key, "must be greater than 0") }
                profile.maxTokens = value
            case "include_usage": profile.includeUsage = try bool(field, key: key)
            case "tools":
                if case .table = field.value {
                    profile.toolCommands = try toolCommands(field, key: key)
                } else {
                    guard profile.toolsPath == nil else { throw fail(field, key: key, "the tools file is given twice (tools and tools_file)") }
                    profile.toolsPath = try string(field, key: key)
                }
            case "tools_file":
                guard profile.toolsPath == nil else { throw fail(field, key: key, "the tools file is given twice (tools and tools_file)") }
                profile.toolsPath = try string(field, key: key)
            case "system": profile.system = try string(field, key: key)
            case "connect_timeout": profile.connectTimeout = try positiveNumber(field, key: key)
            case "idle_timeout": profile.idleTimeout = try positiveNumber(field, key: key)
            case "headers":
                for header in try self.table(field, key: key).entries {
                    profile.headers.append(HTTPHeader(header.key, try string(header, key: "\(key).\(header.key)")))
                }
            case "params":
                for param in try self.table(field, key: key).entries {
                    profile.params.append(JSONValue.Member(param.key, try json(param.value, entry: param, key: "\(key).\(param.key)")))
                }
            case "prices":
                profile.prices = try prices(field, key: key)
            default:
                throw fail(field, key: key, "unknown profile key (known: \(ChunkScopeConfig.profileKeys.joined(separator: ", ")))")
            }
        }
        return profile
    }

    /// `[profiles.NAME.tools.TOOL]` tables: `command` (an array of arguments, or a string run with
    /// `/bin/sh -c`), `confirm` (default true) and `timeout` in seconds.
    func toolCommands(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> [String: ToolCommand] {
        var commands: [String: ToolCommand] = [:]
        for tool in try table(entry, key: key).entries {
            let toolKey = "\(key).\(tool.key)"
            var argv: [String]?
            var command = ToolCommand(argv: [])
            for field in try table(tool, key: toolKey).entries {
                let fieldKey = "\(toolKey).\(field.key)"
                switch field.key {
                case "command": argv = try commandArguments(field, key: fieldKey)
                case "confirm": command.confirm = try bool(field, key: fieldKey)
                case "timeout":
                    let seconds = try positiveNumber(field, key: fieldKey)
                    guard seconds <= ToolCommand.maximumTimeoutSeconds else {
                        throw fail(field, key: fieldKey, "must be at most \(Int(ToolCommand.maximumTimeoutSeconds)) seconds")
                    }
                    command.timeout = .milliseconds(Int((seconds * 1000).rounded()))
                default:
                    throw fail(field, key: fieldKey, "unknown tool key (known: command, confirm, timeout)")
                }
            }
            guard let argv else {
                throw fail(tool, key: toolKey, "missing command (e.g. command = [\"python3\", \"weather.py\"])")
            }
            command.argv = argv
            commands[tool.key] = command
        }
        return commands
    }

    func commandArguments(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> [String] {
        switch entry.value {
        case .string(let line):
            guard line.contains(where: { !$0.isWhitespace }) else { throw fail(entry, key: key, "the command is empty") }
            return ToolCommand.shell(line).argv
        case .array(let items):
            var argv: [String] = []
            for item in items {
                guard case .string(let argument) = item else {
                    throw fail(entry, key: key, "every argument must be a string, found \(item.kindDescription)")
                }
                argv.append(argument)
            }
            guard let program = argv.first, !program.isEmpty else { throw fail(entry, key: key, "the command is empty") }
            return argv
        default:
            throw fail(entry, key: key, "expected an array of strings or a string, found \(entry.value.kindDescription)")
        }
    }

    func prices(_ entry: TOMLTable.Entry, key: String) throws(ConfigError) -> Prices {
        let table = try self.table(entry, key: key)
        var input: Double?
        var output: Double?
        var cached: Double?
        for field in table.entries {
            let fieldKey = "\(key).\(field.key)"
            switch field.key {
            case "input": input = try number(field, key: fieldKey)
            case "output": output = try number(field, key: fieldKey)
            case "cached_input": cached = try number(field, key: fieldKey)
            default: throw fail(field, key: fieldKey, "unknown price (known: input, output, cached_input — per 1M tokens)")
            }
        }
        guard let input, let output else {
            throw fail(entry, key: key, "needs both input and output (price per 1M tokens)")
        }
        return Prices(inputPerMillion: input, outputPerMillion: output, cachedInputPerMillion: cached)
    }

    func json(_ value: TOMLValue, entry: TOMLTable.Entry, key: String) throws(ConfigError) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .integer(let i): return .number(String(i))
        case .float(let d):
            guard d.isFinite else { throw fail(entry, key: key, "inf and nan cannot be sent as JSON") }
            return .number(d.description)
        case .boolean(let b): return .bool(b)
        case .array(let items):
            var out: [JSONValue] = []
            for item in items { out.append(try json(item, entry: entry, key: key)) }
            return .array(out)
        case .table(let table):
            var members: [JSONValue.Member] = []
            for e in table.entries { members.append(JSONValue.Member(e.key, try json(e.value, entry: e, key: "\(key).\(e.key)"))) }
            return .object(members)
        }
    }
}

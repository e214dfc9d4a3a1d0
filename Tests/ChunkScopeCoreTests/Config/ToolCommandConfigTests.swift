import ChunkScopeCore
import Testing

@Suite("Tool commands: profile tables, --tool-command, resolution")
struct ToolCommandConfigTests {
    static let sample = """
        [profiles.local]
        base_url = "http://127.0.0.1:8080/v1"
        model = "m"
        tools_file = "tools.json"

        [profiles.local.tools.get_weather]
        command = ["python3", "weather.py", "--units", "metric"]
        confirm = false
        timeout = 2.5

        [profiles.local.tools.lookup]
        command = "grep -i \\"$(cat)\\" notes.txt"

        [profiles.plain]
        base_url = "http://127.0.0.1:8080/v1"
        model = "m"
        tools = "plain-tools.json"
        """

    static func resolver(_ text: String = sample) throws -> ProfileResolver {
        ProfileResolver(config: try ChunkScopeConfig.parse(text, path: "/c.toml"), environment: [:]) { _ in "unused" }
    }

    @Test("[profiles.NAME.tools.TOOL] tables give argv, confirm and timeout; tools_file keeps the tools JSON path")
    func profileTables() throws {
        let config = try ChunkScopeConfig.parse(Self.sample, path: "/c.toml")
        let local = try #require(config.profile(named: "local"))
        #expect(local.toolsPath == "tools.json")
        #expect(local.toolCommands["get_weather"] == ToolCommand(argv: ["python3", "weather.py", "--units", "metric"],
                                                                  confirm: false, timeout: .milliseconds(2500)))
        #expect(local.toolCommands["lookup"] == ToolCommand(argv: ["/bin/sh", "-c", #"grep -i "$(cat)" notes.txt"#],
                                                             confirm: true, timeout: ToolCommand.defaultTimeout))
        #expect(local.toolCommands.count == 2)
        let plain = try #require(config.profile(named: "plain"))
        #expect(plain.toolsPath == "plain-tools.json")
        #expect(plain.toolCommands.isEmpty)
    }

    static let badConfigs: [(String, String)] = [
        ("[profiles.x.tools.t]\nconfirm = false\n", "key 'profiles.x.tools.t': missing command"),
        ("[profiles.x.tools.t]\ncommand = []\n", "key 'profiles.x.tools.t.command': the command is empty"),
        ("[profiles.x.tools.t]\ncommand = [\"a\", 1]\n", "key 'profiles.x.tools.t.command': every argument must be a string, found an integer"),
        ("[profiles.x.tools.t]\ncommand = \"  \"\n", "key 'profiles.x.tools.t.command': the command is empty"),
        ("[profiles.x.tools.t]\ncommand = 3\n", "key 'profiles.x.tools.t.command': expected an array of strings or a string"),
        ("[profiles.x.tools.t]\ncommand = [\"a\"]\ntimeout = 0\n", "key 'profiles.x.tools.t.timeout': must be greater than 0"),
        ("[profiles.x.tools.t]\ncommand = [\"a\"]\ntimeout = 100000\n", "key 'profiles.x.tools.t.timeout': must be at most 86400 seconds"),
        ("[profiles.x.tools.t]\ncommand = [\"a\"]\nconfirm = \"no\"\n", "key 'profiles.x.tools.t.confirm': expected true or false"),
        ("[profiles.x.tools.t]\ncommand = [\"a\"]\nconfirmm = false\n", "key 'profiles.x.tools.t.confirmm': unknown tool key (known: command, confirm, timeout)"),
        ("[profiles.x.tools]\nt = \"cmd\"\n", "key 'profiles.x.tools.t': expected a table, found a string"),
        ("[profiles.x]\ntools = \"a.json\"\ntools_file = \"b.json\"\n", "key 'profiles.x.tools_file': the tools file is given twice"),
    ]

    @Test("bad tool tables name the file, line and key", arguments: badConfigs)
    func badTables(_ text: String, _ expected: String) {
        do {
            _ = try ChunkScopeConfig.parse(text, path: "/c.toml")
            Issue.record("no error for \(text)")
        } catch {
            #expect(String(describing: error).hasPrefix("/c.toml:") && String(describing: error).contains(expected),
                    "\(String(describing: error))")
        }
    }

    @Test("--tool-command NAME=COMMAND runs COMMAND with /bin/sh -c and asks first")
    func flag() throws {
        let parsed = try ToolCommand.parseFlag("get_weather=python3 weather.py --city=\"$CITY\"")
        #expect(parsed.name == "get_weather")
        #expect(parsed.command == ToolCommand(argv: ["/bin/sh", "-c", #"python3 weather.py --city="$CITY""#], confirm: true))
        #expect(parsed.command.displayText == #"python3 weather.py --city="$CITY""#)
        for bad in ["no-equals", "=cmd", " =cmd", "name=", "name=   "] {
            #expect(throws: ConfigError.self) { try ToolCommand.parseFlag(bad) }
        }
    }

    @Test("a profile's commands and --tool-command merge by tool name, the flag winning")
    func resolution() throws {
        let flag = ToolCommand.shell("echo from-flag")
        let extra = ToolCommand.shell("echo extra")
        let resolved = try Self.resolver().resolve(ConnectionOverrides(
            profile: "local", toolCommands: ["get_weather": flag, "extra": extra]))
        #expect(resolved.toolCommands["get_weather"] == flag)
        #expect(resolved.toolCommands["extra"] == extra)
        #expect(resolved.toolCommands["lookup"]?.argv.first == "/bin/sh")
        #expect(resolved.toolsPath == "tools.json")

        let mock = try Self.resolver().resolve(ConnectionOverrides(profile: "mock", toolCommands: ["extra": extra]))
        #expect(mock.isBuiltInMock)
        #expect(mock.toolCommands == ["extra": extra])

        let env = try ProfileResolver(config: nil, environment: ["OPENAI_API_KEY": "sk-test-0123456789"]) { _ in "" }
            .resolve(ConnectionOverrides(toolCommands: ["extra": extra]))
        #expect(env.name == "env")
        #expect(env.toolCommands == ["extra": extra])
    }

    @Test("displayText quotes arguments with spaces or quotes; timeouts read in seconds")
    func display() {
        let command = ToolCommand(argv: ["python3", "my tool.py", "it's", ""], timeout: .milliseconds(1500))
        #expect(command.displayText == #"python3 'my tool.py' 'it'\''s' ''"#)
        #expect(command.timeoutDescription == "1.5 s")
        #expect(ToolCommand(argv: ["a"]).timeoutDescription == "30 s")
    }
}

/// How to answer one declared tool by running a local command: the call's `arguments` go to the
/// command's stdin and its stdout becomes the tool result (see `ToolCommandRunner` in
/// ChunkScopeTransport). A value type in Core so that `ResolvedProfile` can carry it.
public struct ToolCommand: Sendable, Equatable {
    /// The program and its arguments; `argv[0]` is looked up in `PATH`.
    public var argv: [String]
    /// Whether the dashboard asks before running it (`confirm = false` in a profile runs it at once).
    public var confirm: Bool
    /// The longest the command may run before its process group is killed.
    public var timeout: Duration

    /// The timeout used when a profile or flag gives none.
    public static let defaultTimeout: Duration = .seconds(30)
    /// The longest timeout a profile may set (one day).
    public static let maximumTimeoutSeconds = 86_400.0

    /// Creates a command.
    public init(argv: [String], confirm: Bool = true, timeout: Duration = ToolCommand.defaultTimeout) {
        self.argv = argv
        self.confirm = confirm
        self.timeout = timeout
    }

    /// A command line run with `/bin/sh -c`.
    public static func shell(_ commandLine: String, confirm: Bool = true,
                             timeout: Duration = ToolCommand.defaultTimeout) -> ToolCommand {
        ToolCommand(argv: ["/bin/sh", "-c", commandLine], confirm: confirm, timeout: timeout)
    }

    /// The command as the user wrote it, for confirmation prompts: the shell line for `/bin/sh -c`,
    /// else the arguments, each quoted when it contains a space or a quote.
    public var displayText: String {
        if argv.count == 3, argv[0] == "/bin/sh", argv[1] == "-c" { return argv[2] }
        return argv.map(Self.quotedIfNeeded).joined(separator: " ")
    }

    private static func quotedIfNeeded(_ argument: String) -> String {
        let needsQuotes = argument.isEmpty || argument.contains { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\t" }
        guard needsQuotes else { return argument }
        return "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Parses `--tool-command NAME=COMMAND`: COMMAND runs with `/bin/sh -c` and asks for
    /// confirmation in the dashboard.
    public static func parseFlag(_ argument: String) throws(ConfigError) -> (name: String, command: ToolCommand) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw ConfigError(key: "--tool-command", message: "'\(argument)' is not NAME=COMMAND (e.g. --tool-command get_weather='python3 weather.py')")
        }
        let name = String(argument[..<equals].drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        let commandLine = String(argument[argument.index(after: equals)...])
        guard !name.isEmpty else { throw ConfigError(key: "--tool-command", message: "'\(argument)' has an empty tool name") }
        guard commandLine.contains(where: { !$0.isWhitespace }) else {
            throw ConfigError(key: "--tool-command \(name)", message: "the command is empty")
        }
        return (name, .shell(commandLine))
    }

    /// The timeout in seconds as shown to the user (`30 s`, `0.5 s`).
    public var timeoutDescription: String {
        let (seconds, attoseconds) = timeout.components
        if attoseconds == 0 { return "\(seconds) s" }
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return "\((value * 1000).rounded() / 1000) s"
    }
}

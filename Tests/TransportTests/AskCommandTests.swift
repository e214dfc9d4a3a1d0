import ChunkScopeCore
import Foundation
import MockProvider
import Testing

extension TransportTests {
    /// `chunkscope ask` as a user runs it: the built binary in a child process against the
    /// built-in mock, real tool commands, a scratch HOME so no real config or key is used.
    @Suite("ask command")
    struct AskCommandTests {
        typealias Outcome = CommandLineTests.Outcome

        /// Runs the binary with `stdin` as its standard input (empty: /dev/null).
        static func ask(_ arguments: [String], stdin: String? = nil, home: String) async throws -> Outcome {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try runBlocking(["ask"] + arguments, stdin: stdin, home: home) })
                }
            }
        }

        private static func runBlocking(_ arguments: [String], stdin: String?, home: String) throws -> Outcome {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = arguments
            process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": home + "/state"]
            process.currentDirectoryURL = URL(fileURLWithPath: home)
            let input = Pipe()
            let out = Pipe()
            let err = Pipe()
            process.standardInput = stdin == nil ? FileHandle.nullDevice : input
            process.standardOutput = out
            process.standardError = err
            try process.run()
            if let stdin {
                input.fileHandleForWriting.write(Data(stdin.utf8))
                try input.fileHandleForWriting.close()
            }
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                           stderr: String(decoding: stderr, as: UTF8.self))
        }

        static let tools = #"""
            [{"type":"function","function":{"name":"get_weather","description":"Weather for a city",
              "parameters":{"type":"object","properties":{"location":{"type":"string"},"unit":{"type":"string"}},"required":["location"]}}}]
            """#

        /// A scratch home with `tools.json`.
        static func home() throws -> String {
            let home = try CommandLineTests.scratch()
            try tools.write(toFile: home + "/tools.json", atomically: true, encoding: .utf8)
            return home
        }

        static func messages(_ outcome: Outcome) throws -> [JSONValue] {
            guard case .array(let messages)? = try JSONParser.parse(outcome.stdout)["messages"] else { return [] }
            return messages
        }

        @Test("a tool round trip on mock-tools: the arguments reach the command byte-exact, its stdout goes back, the answer uses it")
        func commandRoundTrip() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let result = try await Self.ask([
                "--model", "mock-tools", "--tools", "tools.json", "--param", "mock_tps=0", "--json",
                "--tool-command", "get_weather=cat > args.json; echo 'sunny, 21 C'", "Weather in Paris?",
            ], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try JSONParser.parse(result.stdout)
            let messages = try Self.messages(result)
            #expect(messages.map { $0["role"]?.stringValue ?? "?" } == ["user", "assistant", "tool", "assistant"])
            let assistant = messages[1]
            #expect(assistant["content"] == .null)
            guard case .array(let calls)? = assistant["tool_calls"], let call = calls.first else {
                Issue.record("no tool_calls in \(assistant.serialized())")
                return
            }
            let arguments = try #require(call["function"]?["arguments"]?.stringValue)
            #expect(try String(contentsOfFile: home + "/args.json", encoding: .utf8) == arguments)
            #expect(messages[2]["tool_call_id"] == call["id"])
            #expect(messages[2]["content"]?.stringValue == "sunny, 21 C")
            #expect(messages[3]["content"]?.stringValue?.contains("**get_weather** returned `sunny, 21 C`") == true)
            guard case .array(let exchanges)? = json["exchanges"] else {
                Issue.record("no exchanges")
                return
            }
            #expect(exchanges.count == 2)
            for exchange in exchanges {
                #expect(exchange["status"]?.intValue == 200)
                #expect(exchange["request_id"]?.stringValue?.hasPrefix("req_") == true)
                #expect(exchange["timings"]?["duration_ms"]?.doubleValue ?? -1 >= 0)
                #expect(exchange["timings"]?["gaps_ms"]?["p95"] != nil)
                #expect(exchange["diagnostics"] == .array([]), "declared tool, valid arguments: no findings")
            }
            #expect(result.stderr.contains("tool call get_weather("))
        }

        @Test("text mode streams the answer to stdout and the tool traffic to stderr; parallel calls all run")
        func textMode() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let result = try await Self.ask([
                "--model", "mock-parallel-tools", "--param", "mock_tps=0",
                "--tool-command", "get_weather=echo rain", "--tool-command", "get_time=echo 10:42", "weather and time?",
            ], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "**get_weather** returned `rain` and **get_time** returned `10:42`. Based on those results, here is the answer you asked for.\n")
            #expect(result.stderr.contains("tool result call_"))
            #expect(result.stderr.contains("CS601"), "no --tools: the calls are to undeclared functions")
        }

        @Test("a failing command is sent as an error result the model sees")
        func failingCommand() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let result = try await Self.ask([
                "--model", "mock-tools", "--param", "mock_tps=0", "--json",
                "--tool-command", "get_weather=echo 'no such city' >&2; exit 4", "Weather?",
            ], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            let messages = try Self.messages(result)
            #expect(messages.count == 4)
            #expect(messages.dropFirst(2).first?["content"]?.stringValue == "error: exited with status 4: no such city")
            #expect(result.stderr.contains("tool error call_"))
        }

        @Test("exit 3: a call with no command (printed, nothing run), and tool rounds running out")
        func unanswered() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let noCommand = try await Self.ask(["--model", "mock-parallel-tools", "--param", "mock_tps=0",
                                                "--tool-command", "get_weather=touch ran", "x"], home: home)
            #expect(noCommand.status == 3)
            #expect(noCommand.stderr.contains("no command answers get_time"))
            #expect(noCommand.stderr.contains("tool call get_time({\"timezone\":\"Europe/Paris\"})"))
            #expect(!FileManager.default.fileExists(atPath: home + "/ran"), "no command of the round runs when one cannot")

            let rounds = try await Self.ask(["--model", "mock-tools", "--param", "mock_tps=0", "--max-tool-rounds", "0",
                                             "--tool-command", "get_weather=echo x", "x"], home: home)
            #expect(rounds.status == 3)
            #expect(rounds.stderr.contains("after 0 tool round(s)"))
        }

        @Test("profile commands with confirm = true need --yes headless; confirm = false runs as is")
        func confirmation() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let server = try await MockServer.start(pacing: .instant)
            func config(confirm: Bool?) throws -> String {
                let path = home + "/c-\(String(describing: confirm)).toml"
                try """
                    [profiles.m]
                    base_url = "\(server.baseURL)"
                    model = "mock-tools"
                    [profiles.m.tools.get_weather]
                    command = ["printf", "from the profile"]
                    \(confirm.map { "confirm = \($0)" } ?? "")
                    """.write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            let asking = try config(confirm: nil)
            let refused = try await Self.ask(["--config", asking, "--profile", "m", "x"], home: home)
            #expect(refused.status == 3)
            #expect(refused.stderr.contains("get_weather's command (printf 'from the profile') asks for confirmation"))
            let accepted = try await Self.ask(["--config", asking, "--profile", "m", "--yes", "--json", "x"], home: home)
            #expect(accepted.status == 0, "\(accepted.stderr)")
            #expect(try Self.messages(accepted).dropFirst(2).first?["content"]?.stringValue == "from the profile")
            let trusted = try await Self.ask(["--config", try config(confirm: false), "--profile", "m", "x"], home: home)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            await server.shutdown()
        }

        @Test("the prompt comes from stdin with '-' or when stdin is not a terminal; none is a usage error")
        func promptFromStdin() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let dash = try await Self.ask(["--param", "mock_tps=0", "-"], stdin: "piped question\n", home: home)
            #expect(dash.status == 0, "\(dash.stderr)")
            #expect(dash.stdout.contains("> piped question\n"))
            let implicit = try await Self.ask(["--param", "mock_tps=0"], stdin: "implicit question", home: home)
            #expect(implicit.stdout.contains("> implicit question"))
            let empty = try await Self.ask(["--param", "mock_tps=0"], stdin: "  \n", home: home)
            #expect(empty.status == 2)
            #expect(empty.stderr.contains("stdin held no prompt"))
        }

        @Test("exit 1 on an HTTP error; exit 2 on a bad tools file")
        func errors() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let http = try await Self.ask(["--model", "mock-500", "x"], home: home)
            #expect(http.status == 1)
            #expect(http.stderr.contains("500"))
            try "{not json".write(toFile: home + "/bad.json", atomically: true, encoding: .utf8)
            let badTools = try await Self.ask(["--tools", "bad.json", "x"], home: home)
            #expect(badTools.status == 2)
            #expect(badTools.stderr.contains("not valid JSON"))
            let badFlag = try await Self.ask(["--tool-command", "nameonly", "x"], home: home)
            #expect(badFlag.status == 2)
        }

        @Test("arguments that break the declared schema are a CS602 finding of that exchange")
        func schemaFinding() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            try #"[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"location":{"type":"integer"}},"required":["location","city"]}}}]"#
                .write(toFile: home + "/strict.json", atomically: true, encoding: .utf8)
            let result = try await Self.ask(["--model", "mock-tools", "--tools", "strict.json", "--param", "mock_tps=0", "--json",
                                             "--tool-command", "get_weather=echo ok", "x"], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            guard case .array(let exchanges)? = try JSONParser.parse(result.stdout)["exchanges"] else {
                Issue.record("no exchanges")
                return
            }
            #expect(exchanges.first?["diagnostics"]?.serialized().contains(#""code":"CS602""#) == true)
            #expect(result.stderr.contains("lint CS602 warning: get_weather"))
        }

        @Test("safe in a pipe: `ask … | head -1` ends promptly without an error trace")
        func pipe() async throws {
            let home = try Self.home()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let binary = CommandLineTests.binary.path
            let script = "'\(binary)' ask --model mock-long --param mock_tps=2000 x | head -1; echo \"status ${PIPESTATUS[0]}\" >&2"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            process.environment = ["HOME": home, "PATH": "/usr/bin:/bin"]
            process.standardInput = FileHandle.nullDevice
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            let clock = ContinuousClock()
            let start = clock.now
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 2, "one line: \(stdout)")
            #expect(!stderr.contains("Fatal") && !stderr.contains("Crash") && !stderr.contains("Stack dump"), "\(stderr)")
            #expect(stderr.contains("status 141") || stderr.contains("status 0"), "\(stderr)")
            #expect(clock.now - start < .seconds(20))
        }
    }
}

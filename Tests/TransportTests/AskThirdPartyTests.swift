import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

/// The private Python venv with llmock (a third-party OpenAI-compatible server that serves tool
/// calls) and the official openai SDK, set up from PyPI on first use.
enum PythonToolsVenv {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
    static let venv = root + "/Scripts/.venv-tools"

    /// Why the venv could not be set up, or nil when llmock and openai import.
    static let setupProblem: String? = {
        let setup = "source Scripts/ensure-deps.sh && ensure_python_venv Scripts/.venv-tools llmock && ensure_python_venv Scripts/.venv-tools openai"
        guard let status = try? run(["/bin/bash", "-c", setup]), status.code == 0 else {
            return "llmock/openai could not be installed from PyPI into Scripts/.venv-tools (offline?)"
        }
        return nil
    }()

    /// Runs `argv` in the package root; its status and combined output.
    static func run(_ argv: [String], environment: [String: String]? = nil) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Validates request bodies (JSON lines) with Scripts/validate-request-bodies.py.
    static func validate(bodies: [String], in directory: String) throws -> (code: Int32, output: String) {
        let file = directory + "/bodies-\(UUID().uuidString).jsonl"
        try bodies.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return try run([venv + "/bin/python", root + "/Scripts/validate-request-bodies.py", file])
    }
}

extension TransportTests {
    /// `ask` against a third-party OpenAI-compatible server (llmock), and the bodies it sent
    /// validated against the official openai-python types.
    @Suite("ask against llmock; request bodies against the openai SDK types",
           .enabled(if: PythonToolsVenv.setupProblem == nil, "\(PythonToolsVenv.setupProblem ?? "")"))
    struct AskThirdPartyTests {
        static func freePort() throws -> Int {
            let probe = try PythonToolsVenv.run(["/usr/bin/python3", "-c",
                "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
            return try #require(Int(probe.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        }

        /// GET with the curl CLI on a plain thread (bounded by --max-time; never blocks the pool).
        static func get(_ url: String) async throws -> (Int, Data) {
            let result = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(code: Int32, output: String), any Error>) in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try PythonToolsVenv.run(["/usr/bin/curl", "-s", "--max-time", "5", "-w", "\\n%{http_code}", url]) })
                }
            }
            guard result.code == 0, let newline = result.output.lastIndex(of: "\n") else { return (0, Data()) }
            return (Int(result.output[result.output.index(after: newline)...]) ?? 0, Data(result.output[..<newline].utf8))
        }

        @Test("a tool round trip with a tool command on llmock; every body sent passes the SDK's types")
        func llmockRoundTrip() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let port = try Self.freePort()
            let server = Process()
            server.executableURL = URL(fileURLWithPath: PythonToolsVenv.venv + "/bin/llmock")
            server.arguments = ["serve", "--port", String(port), "--log-level", "warning"]
            server.standardInput = FileHandle.nullDevice
            server.standardOutput = FileHandle.nullDevice
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
                kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
            }
            let base = "http://127.0.0.1:\(port)"
            var healthy = false
            for _ in 0..<100 where !healthy {
                healthy = ((try? await Self.get(base + "/health"))?.0 == 200)
                if !healthy { try await Task.sleep(for: .milliseconds(100)) }
            }
            try #require(healthy, "llmock did not come up on \(base)")

            try #"[{"type":"function","function":{"name":"get_weather","description":"Get the current weather for a city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]"#
                .write(toFile: home + "/tools.json", atomically: true, encoding: .utf8)
            let result = try await AskCommandTests.ask([
                "--base-url", base + "/v1", "--model", "gpt-4o-mini", "--tools", "tools.json", "--system", "Be brief.", "--json",
                "--tool-command", "get_weather=cat > args.json; echo '21C and sunny'", "What's the weather in Paris?",
            ], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            guard case .array(let messages)? = try JSONParser.parse(result.stdout)["messages"] else {
                Issue.record("no messages: \(result.stdout)")
                return
            }
            #expect(messages.map { $0["role"]?.stringValue ?? "?" } == ["system", "user", "assistant", "tool", "assistant"])
            guard case .array(let calls)? = messages[2]["tool_calls"], let call = calls.first else {
                Issue.record("llmock made no tool call: \(result.stdout)")
                return
            }
            #expect(call["function"]?["name"]?.stringValue == "get_weather")
            #expect(try String(contentsOfFile: home + "/args.json", encoding: .utf8) == call["function"]?["arguments"]?.stringValue)
            #expect(messages[3]["tool_call_id"] == call["id"])
            #expect(messages[3]["content"]?.stringValue == "21C and sunny")
            #expect(messages[4]["content"]?.stringValue?.isEmpty == false)

            // The bodies as llmock received them.
            let (status, journal) = try await Self.get(base + "/_llmock/requests")
            #expect(status == 200)
            guard case .array(let requests)? = try JSONParser.parse(String(decoding: journal, as: UTF8.self))["requests"] else {
                Issue.record("no request journal")
                return
            }
            let bodies = requests.compactMap { $0["body"]?.serialized() }
            #expect(bodies.count == 2)
            let validation = try PythonToolsVenv.validate(bodies: bodies, in: home)
            #expect(validation.code == 0, "\(validation.output)")
            #expect(validation.output.contains("ok 2 bodies"))
            #expect(bodies.last?.contains(#""role":"tool""#) == true)
        }

        @Test("bodies the shared encoder builds (the dashboard's and ask's) over a real mock tool round and a failed turn pass the SDK's types")
        func encoderBodies() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let fixture = try await MockFixture.start()
            let tools = #"[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"location":{"type":"string"}}}}}]"#
            var conversation = Conversation()
            var bodies: [String] = []
            func send(_ model: String) async -> SessionSnapshot {
                let request = ChatRequest(baseURL: fixture.server.baseURL, model: model,
                                          messages: conversation.messages(system: "Be brief."), toolsJSON: tools)
                bodies.append(request.body())
                var pipeline = StreamPipeline(options: PipelineOptions(recordsInspectorRows: false))
                let (inputs, _) = CurlTransport.start(request)
                var clock: UInt64 = 0
                for await input in inputs {
                    clock += 1
                    pipeline.handle(input, at: clock)
                }
                pipeline.finish(at: clock + 1)
                return pipeline.snapshot()
            }
            conversation.begin(prompt: "weather?")
            conversation.complete(with: await send("mock-parallel-tools"))
            let calls = conversation.pendingToolCalls
            #expect(calls.count == 2)
            for call in calls { conversation.addToolResult(ToolResult(toolCallID: call.id, content: "sunny")) }
            #expect(conversation.beginFollowUp() != nil)
            conversation.complete(with: await send("mock-parallel-tools"))
            conversation.begin(prompt: "and tomorrow?")
            conversation.complete(with: await send("mock-500"))
            #expect(conversation.lastTurnIsUnanswered, "an HTTP 500 leaves the turn unanswered")
            conversation.begin(prompt: "and next week?")
            conversation.complete(with: await send("mock-echo"))
            await fixture.server.shutdown()
            let validation = try PythonToolsVenv.validate(bodies: bodies, in: home)
            #expect(validation.code == 0, "\(validation.output)")
            #expect(validation.output.contains("ok 4 bodies"))
        }

        @Test("the validator rejects the histories issue 9 describes (so a pass means something)")
        func validatorRejectsBrokenHistories() throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let dropped = #"{"model":"m","stream":true,"messages":[{"role":"user","content":"weather in Paris?"},{"role":"user","content":"tool result: sunny"}]}"#
            let unanswered = #"{"model":"m","stream":true,"messages":[{"role":"user","content":"q"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"user","content":"x"}]}"#
            let objectArguments = #"{"model":"m","stream":true,"messages":[{"role":"user","content":"q"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":{}}}]},{"role":"tool","tool_call_id":"c1","content":"x"}]}"#
            let result = try PythonToolsVenv.validate(bodies: [dropped, unanswered, objectArguments], in: home)
            #expect(result.code == 1)
            #expect(result.output.contains("body 1: messages[1]: two user messages in a row"))
            #expect(result.output.contains("body 2: messages[2]: tool calls ['c1'] have no tool message"))
            #expect(result.output.contains("body 3: messages[1].tool_calls[0]: Input should be a valid string"))
        }
    }
}

import ChunkScopeCore
import Foundation
import Testing

extension TransportTests {
    /// The headless commands against closed and full outputs, relative and `-` paths, crafted
    /// captures and missing config files: the built binary run by `/bin/sh -c`, so pipelines
    /// such as `| head -1` are real.
    @Suite("hostile files and outputs (command line)", .timeLimit(.minutes(2)))
    struct HostileOutputCommandLineTests {
        struct Outcome {
            var status: Int32
            var stdout: [UInt8]
            var stderr: String
            var text: String { String(decoding: stdout, as: UTF8.self) }
        }

        /// Runs `script` with `/bin/sh -c` in `directory`; `$BIN` is the chunkscope binary.
        static func shell(_ script: String, in directory: String, environment extra: [String: String] = [:]) async throws -> Outcome {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: "/bin/sh")
                        process.arguments = ["-c", script]
                        process.currentDirectoryURL = URL(fileURLWithPath: directory)
                        process.environment = ["HOME": directory, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": directory + "/state",
                                               "BIN": CommandLineTests.binary.path].merging(extra) { $1 }
                        let out = Pipe()
                        let err = Pipe()
                        process.standardOutput = out
                        process.standardError = err
                        try process.run()
                        let stdout = out.fileHandleForReading.readDataToEndOfFile()
                        let stderr = err.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return Outcome(status: process.terminationStatus, stdout: [UInt8](stdout),
                                       stderr: String(decoding: stderr, as: UTF8.self))
                    })
                }
            }
        }

        /// The exit status a pipeline stage wrote to `file` (`{ cmd; echo $? > file; } | head`).
        static func status(in file: String) throws -> Int32? {
            Int32(try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
        }

        @Test("record | head -1: printing stops, the capture is finished with its end record, exit 141")
        func recordIntoClosedPipe() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let outcome = try await Self.shell("""
                { "$BIN" record -m hi --model mock-long --param mock_tps=3000 -o "$HOME/piped.sse"; echo $? > "$HOME/status"; } | head -1
                """, in: home)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.text.split(separator: "\n").count == 1)
            #expect(try Self.status(in: "\(home)/status") == 141, "\(outcome.stderr)")
            let capture = try CaptureReader.read(contentsOf: "\(home)/piped.sse")
            #expect(capture.isComplete, "the capture has its end record")
            #expect(CheckReport.check(body: capture.bodyBytes).choices.first?.content.count ?? 0 > 1000, "the whole stream was recorded")
            #expect(outcome.stderr.contains("Capture saved to \(home)/piped.sse"))
        }

        /// `timeout` bounds a server that would serve on unseen (it then exits 124, and the test fails).
        @Test("mock-server | head -2 ends with head, exit 141")
        func mockServerIntoClosedPipe() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let outcome = try await Self.shell("""
                { timeout 30 "$BIN" mock-server --port 0; echo $? > "$HOME/status"; } | head -2
                """, in: home)
            #expect(outcome.text.hasPrefix("ChunkScope mock provider listening on http://127.0.0.1:"))
            #expect(outcome.text.split(separator: "\n").count == 2)
            #expect(try Self.status(in: "\(home)/status") == 141, "\(outcome.stderr)")
            #expect(outcome.stderr.isEmpty, "quiet: \(outcome.stderr)")
        }

        @Test("record -o - writes the capture to stdout; -o with a relative name writes it there")
        func outputPaths() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let toStdout = try await Self.shell(#""$BIN" record -m "to stdout" --param mock_tps=0 -o -"#, in: home)
            #expect(toStdout.status == 0, "\(toStdout.stderr)")
            let capture = try CaptureReader.read(toStdout.stdout)
            #expect(capture.hasTiming && capture.isComplete)
            #expect(capture.inputs.contains { timed in
                if case .response(let head) = timed.input { return head.status == 200 }
                return false
            })
            #expect(toStdout.stderr.contains("Capture written to stdout"))

            for name in ["a", "sub/dir/b.sse"] {
                let relative = try await Self.shell(#""$BIN" record -m relative --param mock_tps=0 -o "# + name, in: home)
                #expect(relative.status == 0, "\(name): \(relative.stderr)")
                #expect(try CaptureReader.read(contentsOf: "\(home)/\(name)").isComplete, "\(name)")
            }
            let empty = try await Self.shell(#""$BIN" record -m x -o """#, in: home)
            #expect(empty.status == 2)
            #expect(empty.stderr.contains("needs a file name"))
        }

        @Test("crafted captures: check and replay exit 2 naming the line", arguments: [
            (":@ bytes 14 reads=1.0+-1\ndata: x\n\n12345\n", "line 2"),
            (":@ bytes 9223372036854775807\ndata: x\n", "line 2"),
            (": note\n:@ t=99999999999999999999 response 200\n", "line 3"),
            (":@ t=5.000 note a\n:@ t=1.000 end\n", "line 3"),
        ])
        func craftedCaptures(_ records: String, _ line: String) async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            try (": chunkscope-capture v1\n" + records).write(toFile: "\(home)/bad.sse", atomically: true, encoding: .utf8)
            for command in [#""$BIN" check bad.sse"#, #""$BIN" check --json bad.sse"#, #""$BIN" replay --headless --speed max bad.sse"#] {
                let outcome = try await Self.shell(command, in: home)
                #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
                #expect(outcome.stderr.contains(line), "\(command): \(outcome.stderr)")
            }
        }

        @Test("check --json escapes C1 controls, DEL and bidi overrides")
        func checkJSONEscaping() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\\u009b2J\\u0085\\u007f\\u202e\\u2066y\"}}]}\n\ndata: [DONE]\n\n"
            try body.write(toFile: "\(home)/c1.sse", atomically: true, encoding: .utf8)
            let outcome = try await Self.shell(#""$BIN" check --json c1.sse"#, in: home)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.text.hasSuffix("}\n"))
            #expect(!outcome.text.dropLast().unicodeScalars.contains(where: SafeText.isTerminalActive), "\(outcome.text)")
            #expect(outcome.text.contains(#""content":"x\u009b2J\u0085\u007f\u202e\u2066y""#), "\(outcome.text)")
            #expect(try JSONParser.parse(outcome.text)["choices"] != nil)
        }

        @Test("--config or CHUNKSCOPE_CONFIG naming a missing file exits 2 instead of using the mock")
        func missingConfig() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let flag = try await Self.shell(#""$BIN" record -m x -o x.sse --config "$HOME/nope.toml""#, in: home)
            #expect(flag.status == 2, "\(flag.stderr)")
            #expect(flag.stderr.contains("\(home)/nope.toml: no such config file (named by --config)"), "\(flag.stderr)")
            #expect(!flag.stderr.contains("built-in mock"))
            let variable = try await Self.shell(#""$BIN" record -m x -o x.sse"#, in: home,
                                                environment: ["CHUNKSCOPE_CONFIG": "\(home)/gone.toml"])
            #expect(variable.status == 2, "\(variable.stderr)")
            #expect(variable.stderr.contains("gone.toml: no such config file (named by CHUNKSCOPE_CONFIG)"), "\(variable.stderr)")
        }

        @Test("a full stdout or capture file is reported and exits 4", arguments: [
            (#""$BIN" check "$FIXTURE" > /dev/full"#, "chunkscope check: cannot write to stdout: No space left on device"),
            (#""$BIN" check --json "$FIXTURE" > /dev/full"#, "chunkscope check: cannot write to stdout: No space left on device"),
            (#""$BIN" replay --headless --speed max "$FIXTURE" > /dev/full"#, "chunkscope replay: cannot write to stdout: No space left on device"),
            (#""$BIN" record -m x --param mock_tps=0 -o r.sse > /dev/full"#, "chunkscope record: cannot write to stdout: No space left on device"),
            (#""$BIN" record -m x --param mock_tps=0 -o - > /dev/full"#, "chunkscope record: the capture on stdout is incomplete: No space left on device"),
            (#""$BIN" record -q -m x --param mock_tps=0 -o /dev/full"#, "chunkscope record: the capture /dev/full is incomplete: No space left on device"),
            (#""$BIN" mock-server --port 0 > /dev/full"#, "chunkscope mock-server: cannot write to stdout: No space left on device"),
            (#""$BIN" ask --param mock_tps=0 --history h.sqlite hi > /dev/null && "$BIN" history list --history h.sqlite > /dev/full"#,
             "chunkscope history: cannot write to stdout: No space left on device"),
            (#""$BIN" ask --json --no-history --param mock_tps=0 hi > /dev/full"#, "chunkscope ask: cannot write to stdout: No space left on device"),
        ])
        func fullOutputs(_ command: String, _ message: String) async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures/openai-tool-parallel.sse").path
            let outcome = try await Self.shell(command, in: home, environment: ["FIXTURE": fixture])
            #expect(outcome.status == Int32(4), "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.contains(message), "\(command): \(outcome.stderr)")
        }
    }
}

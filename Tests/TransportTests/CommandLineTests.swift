import ChunkScopeCore
import Foundation
import Testing

extension TransportTests {
    /// The `record`, `replay`, `check` and `mock-server` commands as a user runs them: the built
    /// binary in a child process, with a scratch HOME so no real config or key is used.
    @Suite("record / replay / check / mock-server commands")
    struct CommandLineTests {
        struct Outcome {
            var status: Int32
            var stdout: String
            var stderr: String
        }

        static var binary: URL {
            let directory = Bundle.main.executableURL?.deletingLastPathComponent()
                ?? URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
            return directory.appendingPathComponent("chunkscope")
        }

        /// Runs the binary to completion on a plain thread (waiting for a child must not block the
        /// cooperative pool the rest of the test run shares).
        static func run(_ arguments: [String], environment extra: [String: String] = [:], home: String) async throws -> Outcome {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try runBlocking(arguments, environment: extra, home: home) })
                }
            }
        }

        private static func runBlocking(_ arguments: [String], environment extra: [String: String], home: String) throws -> Outcome {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            // Scripts/sanitizers' ASAN_OPTIONS/TSAN_OPTIONS reach the child too (leak reports off).
            let sanitizerOptions = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }
            process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": home + "/state"]
                .merging(sanitizerOptions) { $1 }.merging(extra) { $1 }
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                           stderr: String(decoding: stderr, as: UTF8.self))
        }

        static func scratch() throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }

        @Test("record exit status: 0 clean, 1 stream error, 2 usage or config error")
        func recordExitCodes() async throws {
            #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the chunkscope product first")
            let home = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let ok = try await Self.run(["record", "-m", "hello cli", "--param", "mock_tps=0", "-o", "\(home)/ok.sse"], home: home)
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(ok.stdout.contains("> hello cli"))
            #expect(ok.stderr.contains("built-in mock provider"))
            #expect(ok.stderr.contains("Capture saved to \(home)/ok.sse"))

            let failed = try await Self.run(["record", "-m", "x", "--model", "mock-500", "-o", "\(home)/500.sse"], home: home)
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("HTTP 500 Internal Server Error"))

            let missing = try await Self.run(["record", "-o", "\(home)/x.sse"], home: home)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("missing -m/--message"))

            let badProfile = try await Self.run(["record", "-m", "x", "--profile", "nope"], home: home)
            #expect(badProfile.status == 2)
            #expect(badProfile.stderr.contains("no profile named 'nope'"))

            try "[profiles.x]\nbase_url = \"http://127.0.0.1:9/v1\"\nmodle = \"typo\"\n".write(toFile: "\(home)/bad.toml", atomically: true, encoding: .utf8)
            let badConfig = try await Self.run(["record", "-m", "x", "--config", "\(home)/bad.toml"], home: home)
            #expect(badConfig.status == 2)
            #expect(badConfig.stderr.contains("\(home)/bad.toml:3: key 'profiles.x.modle': unknown profile key"), "\(badConfig.stderr)")

            let badFlag = try await Self.run(["record", "-m", "x", "--idle-timeout", "abc"], home: home)
            #expect(badFlag.status == 2, "a flag value that does not parse is a usage error")
            #expect(badFlag.stderr.contains("'abc' is invalid for '--idle-timeout"), "\(badFlag.stderr)")
            let unknownFlag = try await Self.run(["check", "--bogus", "x.sse"], home: home)
            #expect(unknownFlag.status == 2)
            #expect(unknownFlag.stderr.contains("Unknown option '--bogus'"))
        }

        @Test("captures replay and check; the config permission warning appears; the key never does")
        func replayCheckAndKeys() async throws {
            let home = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let key = "sk-cli-SECRETSECRETSECRET0123"
            let config = "[profiles.m]\nbase_url = \"http://127.0.0.1:PORT/v1\"\nmodel = \"mock-401\"\napi_key_env = \"MY_KEY\"\n"
            // Record against the built-in mock first (no config), then via a profile with a key.
            let recorded = try await Self.run(["record", "-q", "-m", "tools please", "--model", "mock-parallel-tools", "-o", "\(home)/t.sse"], home: home)
            #expect(recorded.status == 0, "\(recorded.stderr)")
            let check = try await Self.run(["check", "\(home)/t.sse", "--json"], home: home)
            #expect(check.status == 0, "\(check.stderr)")
            let json = try JSONParser.parse(check.stdout)
            guard case .array(let choices)? = json["choices"], case .array(let calls)? = choices.first?["tool_calls"] else {
                Issue.record("no tool calls in \(check.stdout)")
                return
            }
            #expect(calls.count == 2)
            let replay = try await Self.run(["replay", "\(home)/t.sse", "--speed", "max", "-q"], home: home)
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.stderr.contains("tool_calls[1]"))
            let badSpeed = try await Self.run(["replay", "\(home)/t.sse", "--speed", "fast"], home: home)
            #expect(badSpeed.status == 2)

            // A profile whose key comes from the environment, in a world-readable config, against a
            // standalone mock server that answers 401.
            let server = Process()
            server.executableURL = Self.binary
            server.arguments = ["mock-server", "--port", "0"]
            let serverOut = Pipe()
            server.standardOutput = serverOut
            try server.run()
            defer { server.interrupt(); server.waitUntilExit() }
            let handle = serverOut.fileHandleForReading
            let firstLine: String = await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    var text = ""
                    while !text.contains("\n") {
                        let chunk = handle.availableData
                        if chunk.isEmpty { break }
                        text += String(decoding: chunk, as: UTF8.self)
                    }
                    continuation.resume(returning: text)
                }
            }
            let baseURL = try #require(firstLine.split(separator: " ").last(where: { $0.hasPrefix("http://") })).split(separator: "\n")[0]
            try config.replacingOccurrences(of: "http://127.0.0.1:PORT/v1", with: String(baseURL))
                .write(toFile: "\(home)/config.toml", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: "\(home)/config.toml")
            let leaky = try await Self.run(["record", "-m", "x", "--profile", "m", "--config", "\(home)/config.toml",
                                      "--param", "mock_echo_key=1", "-o", "\(home)/401.sse"],
                                     environment: ["MY_KEY": key], home: home)
            #expect(leaky.status == 1)
            #expect(leaky.stderr.contains("readable by group/others"))
            #expect(leaky.stderr.contains("HTTP 401 Unauthorized"))
            let capture = try String(contentsOfFile: "\(home)/401.sse", encoding: .utf8)
            for text in [leaky.stdout, leaky.stderr, capture] {
                #expect(!text.contains("SECRETSECRET"))
            }
        }
    
        @Test("Ctrl-C during record cancels the transfer, keeps what arrived and exits 1")
        func recordInterrupted() async throws {
            let home = try Self.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["record", "-q", "-m", "stall please", "--model", "mock-stall", "-o", "\(home)/stall.sse"]
            process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": home + "/state"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let started = await TransferProbe.eventually(timeout: 10) {
                ((try? String(contentsOfFile: "\(home)/stall.sse", encoding: .utf8)) ?? "").components(separatedBy: "data: {").count > 3
            }
            #expect(started, "the first chunks never reached the capture")
            let sentAt = ContinuousClock.now
            process.interrupt()
            #expect(await TransferProbe.eventually(timeout: 5) { !process.isRunning })
            #expect(ContinuousClock.now - sentAt < .seconds(3))
            #expect(process.terminationStatus == 1)
            let capture = try CaptureReader.read(contentsOf: "\(home)/stall.sse")
            #expect(capture.isComplete)
            #expect(capture.inputs.last?.input == .failed(StreamFailure(.cancelled, "Cancelled; kept the \(capture.bodyBytes.count) bytes received")))
        }
    }
}

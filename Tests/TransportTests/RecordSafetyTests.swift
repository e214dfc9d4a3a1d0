import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    /// `chunkscope record` (the built binary) with stdin a pipe holding what a user might type:
    /// the request body comes from the request, never from stdin, however large it is; and a
    /// base URL's credentials stay out of the capture and the console.
    @Suite("record: request body and URL credentials", .timeLimit(.minutes(2)))
    struct RecordSafetyTests {
        static let canary = "CANARY-typed-into-stdin-0xC0FFEE"

        struct Outcome {
            var status: Int32
            var stdout: String
            var stderr: String
        }

        /// Runs the binary with `stdin` as its standard input (written, then closed), on a plain thread.
        static func run(_ arguments: [String], stdin: String, home: String) async throws -> Outcome {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result {
                        let process = Process()
                        process.executableURL = CommandLineTests.binary
                        process.arguments = arguments
                        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin", "XDG_STATE_HOME": home + "/state"]
                        let input = Pipe()
                        let out = Pipe()
                        let err = Pipe()
                        process.standardInput = input
                        process.standardOutput = out
                        process.standardError = err
                        try process.run()
                        try input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
                        try input.fileHandleForWriting.close()
                        let stdout = out.fileHandleForReading.readDataToEndOfFile()
                        let stderr = err.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                       stderr: String(decoding: stderr, as: UTF8.self))
                    })
                }
            }
        }

        @Test("a 9 MB --tools body reaches the server byte-exact; the canary on stdin is never read")
        func largeToolsBodyIgnoresStdin() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let server = try await ScriptedServer.start()
            defer { server.close() }
            // Compact JSON, as ChunkScope re-serialises it, so the body holds the file verbatim.
            let tools = "[{\"type\":\"function\",\"function\":{\"name\":\"big\",\"description\":\"\(String(repeating: "tool text ", count: 900_000))\"}}]"
            try tools.write(toFile: "\(home)/tools.json", atomically: true, encoding: .utf8)
            let outcome = try await Self.run(["record", "--base-url", server.baseURL, "--model", "m", "--tools", "\(home)/tools.json",
                                              "-m", "big tools", "-o", "\(home)/big.sse"],
                                             stdin: Self.canary + "\n", home: home)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains(ScriptedServer.replyContent))
            let report = try #require(try await server.report())
            let expected = Data(ChatRequest(baseURL: server.baseURL, model: "m", messages: [ChatMessage(role: "user", content: "big tools")],
                                            toolsJSON: tools).body().utf8)
            #expect(expected.count > 9_000_000)
            #expect(report.size == expected.count)
            #expect(!report.chunked)
            let received = try server.receivedBody()
            #expect(received == expected)
            #expect(received.range(of: Data(Self.canary.utf8)) == nil, "stdin went into the request")
        }

        @Test("a refused base URL with user:password@ and ?api-key=: neither the console nor the capture shows them")
        func urlCredentialsStayHidden() async throws {
            let home = try CommandLineTests.scratch()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let port = try RequestSafetyTests.closedPort()
            let password = "pw-Hunter2-in-the-url"
            let key = "k-query-0123456789"
            let outcome = try await Self.run(["record", "--base-url", "http://me:\(password)@127.0.0.1:\(port)/v1?api-key=\(key)",
                                              "--model", "m", "-m", "x", "-o", "\(home)/refused.sse"],
                                             stdin: "", home: home)
            #expect(outcome.status == 1, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("127.0.0.1:\(port)"))
            let capture = try String(contentsOfFile: "\(home)/refused.sse", encoding: .utf8)
            #expect(capture.contains("/v1/chat/completions?api-key=[REDACTED]"))
            #expect(capture.contains("Authorization: [REDACTED]"))
            for text in [outcome.stdout, outcome.stderr, capture] {
                #expect(!text.contains(password))
                #expect(!text.contains(key))
            }
        }
    }
}

import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

/// One fault scenario and what the transport must make of it.
struct FaultCase: Sendable, CustomTestStringConvertible {
    var model: String
    var params: [JSONValue.Member] = []
    /// The failure kind the stream must end with; nil for faults that are the lint's business
    /// (the transport delivers every byte and ends cleanly).
    var failure: StreamFailure.Kind?
    var messageContains: [String] = []
    var bodyContains: [String] = []
    var bodyLacks: [String] = []
    /// Fragments of the decoded `delta.content` of choice 0.
    var contentContains: [String] = []
    /// Whether content from before the fault must have arrived.
    var keepsContent = true
    var testDescription: String { model }
}

extension TransportTests {
    @Suite("Fault scenarios")
    struct FaultScenarioTests {
        static let cases: [FaultCase] = [
            FaultCase(model: "mock-drop", failure: .transport, messageContains: ["closed mid-stream", "body bytes"], bodyLacks: ["[DONE]"]),
            FaultCase(model: "mock-stall", failure: .stalled, messageContains: ["No data for 0.5 s", "idle timeout", "kept the"]),
            FaultCase(model: "mock-401", failure: .httpStatus,
                      messageContains: ["HTTP 401 Unauthorized", "Incorrect API key provided", "invalid_api_key"],
                      bodyContains: ["\"code\":\"invalid_api_key\""], keepsContent: false),
            FaultCase(model: "mock-429", params: [.init("mock_fail_times", .number("100"))], failure: .httpStatus,
                      messageContains: ["HTTP 429 Too Many Requests", "Rate limit reached", "rate_limit_exceeded"],
                      bodyContains: ["rate_limit_exceeded"], keepsContent: false),
            FaultCase(model: "mock-500", failure: .httpStatus,
                      messageContains: ["HTTP 500 Internal Server Error", "The server had an error", "server_error"], keepsContent: false),
            FaultCase(model: "mock-html", failure: .httpStatus,
                      messageContains: ["HTTP 502 Bad Gateway", "HTML page", "\"502 Bad Gateway\""],
                      bodyContains: ["<center>nginx</center>"], keepsContent: false),
            FaultCase(model: "mock-malformed", bodyContains: ["\"delta\":{\"content\":\"lost\n", "[DONE]"]),
            FaultCase(model: "mock-midstream-error", bodyContains: ["data: {\"error\":{\"message\":"], bodyLacks: ["[DONE]"]),
            FaultCase(model: "mock-no-done", bodyContains: ["\"finish_reason\":\"stop\""], bodyLacks: ["[DONE]"]),
            FaultCase(model: "mock-crlf", bodyContains: ["}\r\n\r\ndata: ", "data: [DONE]\r\n\r\n"]),
            FaultCase(model: "mock-keepalive", bodyContains: [": OPENROUTER PROCESSING\n\n", ": keep-alive\n\n", "[DONE]"]),
            FaultCase(model: "mock-escapes", bodyContains: ["\\u001b", "\\u009b"],
                      contentContains: ["\u{1B}[2J", "\u{1B}]0;pwned\u{07}", "\u{1B}]52;c;", "\u{9B}31m", "\u{202E}"]),
        ]

        @Test("each fault ends with the right outcome, keeps partial content, leaves no thread or socket",
              arguments: cases)
        func fault(_ scenario: FaultCase) async throws {
            let fixture = try await MockFixture.start()
            let threadsBefore = TransferProbe.transferThreadCount()
            let request = fixture.request(scenario.model, params: scenario.params)
            let result = await TransferProbe.run(request, options: TransportOptions(connectTimeout: 5, idleTimeout: 0.5))

            #expect(result.duration < 10, "took \(result.duration) s")
            #expect(result.failure?.kind == scenario.failure, "failure: \(String(describing: result.failure))")
            for fragment in scenario.messageContains {
                #expect(result.failure?.message.contains(fragment) == true, "message lacks '\(fragment)': \(result.failure?.message ?? "nil")")
            }
            for fragment in scenario.bodyContains {
                #expect(result.bodyText.contains(fragment), "body lacks '\(fragment)'")
            }
            for fragment in scenario.contentContains {
                #expect(result.content.contains(fragment), "content lacks \(fragment.debugDescription)")
            }
            for fragment in scenario.bodyLacks {
                #expect(!result.bodyText.contains(fragment), "body unexpectedly has '\(fragment)'")
            }
            if scenario.keepsContent {
                #expect(!result.content.isEmpty, "the content that arrived before the fault was lost")
                #expect(result.responses.map(\.status) == [200])
            } else {
                #expect(!result.body.isEmpty, "the error body must still reach the inspector")
                #expect(result.responses.count == 1)
            }
            if case .failed = result.inputs.last {} else if scenario.failure != nil {
                Issue.record("the failure must be the last input")
            }
            #expect(await TransferProbe.eventually { TransferProbe.transferThreadCount() <= threadsBefore }, "transfer thread left behind")
            #expect(await TransferProbe.eventually { TransferProbe.openClientSockets(toPort: fixture.server.port) == 0 }, "socket left open")
            await fixture.server.shutdown()
        }

        @Test("connection refused is a connect failure naming the host")
        func refused() async throws {
            let fixture = try await MockFixture.start()
            let request = fixture.request("mock-echo")
            await fixture.server.shutdown()
            let result = await TransferProbe.run(request, options: TransportOptions(connectTimeout: 2))
            #expect(result.failure?.kind == .connect)
            #expect(result.failure?.message.contains("Could not connect to 127.0.0.1:\(fixture.server.port)") == true,
                    "\(result.failure?.message ?? "nil")")
            #expect(result.responses.isEmpty)
        }

        @Test("unknown model is a 404 with the provider's message")
        func unknownModel() async throws {
            let fixture = try await MockFixture.start()
            let result = await TransferProbe.run(fixture.request("gpt-nonexistent"))
            #expect(result.failure?.kind == .httpStatus)
            #expect(result.failure?.message.contains("HTTP 404") == true)
            #expect(result.failure?.message.contains("does not exist") == true)
            await fixture.server.shutdown()
        }
    }
}

extension TransportTests.FaultScenarioTests {
    @Test("a connect that never completes hits the connect timeout with a clear message")
    func connectTimeout() async throws {
        let listener = try FullBacklogListener()
        let request = ChatRequest(baseURL: "http://127.0.0.1:\(listener.port)/v1", model: "m", messages: [ChatMessage(role: "user", content: "x")])
        let result = await TransferProbe.run(request, options: TransportOptions(connectTimeout: 0.5, idleTimeout: 30))
        #expect(result.failure?.kind == .timeout, "\(String(describing: result.failure))")
        #expect(result.failure?.message.contains("within 0.5 s (connect timeout") == true, "\(result.failure?.message ?? "")")
        #expect(result.duration >= 0.45 && result.duration < 5, "took \(result.duration) s")
        withExtendedLifetime(listener) {}
    }
}

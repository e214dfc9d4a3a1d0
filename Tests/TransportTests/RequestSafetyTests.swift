import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    /// What goes on the wire, checked at a server that reports exactly what it received: bodies of
    /// any size sent whole (never read from stdin), one header per header, the path before the
    /// query, URL credentials sent as `Authorization: Basic` and never shown, gzip replies decoded.
    @Suite("Request safety on the wire", .timeLimit(.minutes(1)))
    struct RequestSafetyTests {
        static let password = "pa55-w0rd-Secret"
        static let queryKey = "qk-0123456789abcdef"

        @Test("a 50 MB body arrives byte-exact with its Content-Length (libcurl refuses copies over 8,000,000 bytes)")
        func fiftyMegabyteBody() async throws {
            let server = try await ScriptedServer.start()
            defer { server.close() }
            let system = String(repeating: "0123456789abcdef", count: 50 * 1_048_576 / 16)
            let request = ChatRequest(baseURL: server.baseURL, model: "m",
                                      messages: [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: "hi")])
            let result = await TransferProbe.run(request, options: TransportOptions(idleTimeout: 30))
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            #expect(result.content == ScriptedServer.replyContent)
            let report = try #require(try await server.report())
            let expected = Data(request.body().utf8)
            #expect(expected.count > 50 * 1_048_576)
            #expect(report.size == expected.count)
            #expect(!report.chunked, "sent from the buffer with its length, not streamed from a read callback")
            #expect(report.headerLines.contains("Content-Length: \(expected.count)"))
            #expect(try server.receivedBody() == expected)
        }

        @Test("a gzip-encoded SSE reply is decoded by libcurl; Accept-Encoding is sent and listed")
        func gzipReply() async throws {
            let server = try await ScriptedServer.start(reply: .gzip)
            defer { server.close() }
            let request = ChatRequest(baseURL: server.baseURL, model: "m", messages: [ChatMessage(role: "user", content: "zip it")])
            let result = await TransferProbe.run(request)
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            #expect(result.responses.first?.value(of: "content-encoding") == "gzip")
            #expect(result.content == ScriptedServer.replyContent)
            #expect(result.bodyText.hasSuffix("data: [DONE]\n\n"))
            let report = try #require(try await server.report())
            let sent = try #require(report.headerLines.first { $0.lowercased().hasPrefix("accept-encoding:") })
            #expect(sent.contains("gzip"))
            let listed = try #require(result.request?.headers.first { $0.name == "Accept-Encoding" })
            #expect(sent == "Accept-Encoding: \(listed.value)", "the headers view shows what went out")
        }

        @Test("base URL userinfo goes as Authorization: Basic, listed redacted; the path comes before the query")
        func urlCredentials() async throws {
            let server = try await ScriptedServer.start()
            defer { server.close() }
            let base = "http://me:\(Self.password)@127.0.0.1:\(server.port)/v1/?api-version=2024-10-21&api-key=\(Self.queryKey)"
            let request = ChatRequest(baseURL: base, model: "m", messages: [ChatMessage(role: "user", content: "hi")])
            let result = await TransferProbe.run(request)
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            let report = try #require(try await server.report())
            #expect(report.path == "/v1/chat/completions?api-version=2024-10-21&api-key=\(Self.queryKey)")
            let basic = "Basic " + Data("me:\(Self.password)".utf8).base64EncodedString()
            #expect(report.headerLines.contains("Authorization: \(basic)"))

            let summary = try #require(result.request)
            #expect(summary.url == "http://127.0.0.1:\(server.port)/v1/chat/completions?api-version=2024-10-21&api-key=[REDACTED]")
            #expect(summary.headers.contains(HTTPHeader("Authorization", Redaction.marker)))
            for secret in [Self.password, Self.queryKey, basic] { #expect(!result.visibleText.contains(secret)) }
        }

        @Test("a refused connection names host:port only; the URL's password and key are nowhere in what is shown")
        func refusedConnectionHidesCredentials() async throws {
            let port = try Self.closedPort()
            let request = ChatRequest(baseURL: "http://me:\(Self.password)@127.0.0.1:\(port)/v1?key=\(Self.queryKey)", model: "m",
                                      messages: [ChatMessage(role: "user", content: "hi")])
            let result = await TransferProbe.run(request)
            let failure = try #require(result.failure)
            #expect(failure.kind == .connect)
            #expect(failure.message.contains("127.0.0.1:\(port)"))
            #expect(result.request?.url == "http://127.0.0.1:\(port)/v1/chat/completions?key=[REDACTED]")
            for secret in [Self.password, Self.queryKey] { #expect(!result.visibleText.contains(secret)) }
        }

        @Test("a header value with CR/LF, a bad header name or a key with a line break is refused before connecting")
        func headerInjectionRefused() async throws {
            let server = try await ScriptedServer.start()
            defer { server.close() }
            let message = [ChatMessage(role: "user", content: "hi")]
            let attempts: [(ChatRequest, String)] = [
                (ChatRequest(baseURL: server.baseURL, model: "m", messages: message, headers: [HTTPHeader("X-Team", "a\r\nX-Injected: 1")]), "X-Team"),
                (ChatRequest(baseURL: server.baseURL, model: "m", messages: message, headers: [HTTPHeader("X-Team", "a\nX-Injected: 1")]), "X-Team"),
                (ChatRequest(baseURL: server.baseURL, model: "m", messages: message, headers: [HTTPHeader("X Injected", "1")]), "X Injected"),
                (ChatRequest(baseURL: server.baseURL, model: "m", messages: message, apiKey: Secret("sk-abc\r\nX-Injected: 1")), "Authorization"),
            ]
            for (request, name) in attempts {
                let result = await TransferProbe.run(request)
                let failure = try #require(result.failure)
                #expect(failure.kind == .badInput)
                #expect(failure.message.contains("header '\(name)'"), "\(failure.message)")
                #expect(!failure.message.contains("X-Injected: 1"), "the value is never quoted")
            }
            // The one-request server answers the first request it gets: the clean one.
            let clean = ChatRequest(baseURL: server.baseURL, model: "m", messages: message, headers: [HTTPHeader("X-Team", "clean")])
            let result = await TransferProbe.run(clean)
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            let report = try #require(try await server.report())
            #expect(report.headerLines.contains("X-Team: clean"))
            #expect(!report.headerLines.contains { $0.lowercased().hasPrefix("x-injected") || $0.hasPrefix("X Injected") })
        }

        /// A loopback port nothing listens on (bound, then closed).
        static func closedPort() throws -> Int {
            let listener = try FullBacklogListener()
            return listener.port
        }
    }
}

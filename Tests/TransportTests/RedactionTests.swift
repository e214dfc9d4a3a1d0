import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    @Suite("Redaction end to end")
    struct RedactionTests {
        static let key = "sk-proj-TESTSECRET0123456789abcdefXYZ"
        static let secretHeaderValues = ["hunter2-very-secret-value", "tok_abcdefghijklmnop", "sk-live-abcdefghijklmnop"]

        @Test("the key and key-like headers never reach the summary, the error, the notes or the capture")
        func keyNeverShown() async throws {
            let fixture = try await MockFixture.start()
            let request = fixture.request(
                "mock-401", params: [.init("mock_echo_key", .number("1"))], apiKey: Secret(Self.key),
                headers: [HTTPHeader("x-api-key", Self.secretHeaderValues[0]), HTTPHeader("X-Session-Token", Self.secretHeaderValues[1]),
                          HTTPHeader("X-Plain", Self.secretHeaderValues[2]), HTTPHeader("OpenAI-Organization", "org-visible")])
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("redaction-\(UUID().uuidString).sse").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let recorder = try CaptureRecorder(path: path)
            let (inputs, _) = CurlTransport.start(request)
            var result = TransferResult()
            for await input in CaptureRecorder.tee(inputs, into: recorder) { result.inputs.append(input) }

            // The server echoed the key; the transport masks it byte for byte before anyone sees it.
            #expect(!result.bodyText.contains(Self.key))
            #expect(result.bodyText.contains("Incorrect API key provided: " + String(repeating: "*", count: Self.key.utf8.count)))
            #expect(result.failure?.message.contains("Incorrect API key provided: [REDACTED]") == true, "\(result.failure?.message ?? "")")
            let capture = try String(contentsOfFile: path, encoding: .utf8)
            let summary = try #require(result.request)
            #expect(summary.headers.contains(HTTPHeader("Authorization", "[REDACTED]")))
            #expect(summary.headers.contains(HTTPHeader("OpenAI-Organization", "org-visible")))
            for secret in [Self.key] + Self.secretHeaderValues {
                #expect(!result.visibleText.contains(secret), "'\(secret)' shown")
                #expect(!capture.contains(secret), "'\(secret)' in the capture")
            }
            await fixture.server.shutdown()
        }

        @Test("Secret never prints its value")
        func secretDescriptions() {
            let secret = Secret(Self.key)
            var dumped = ""
            dump(secret, to: &dumped)
            for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret), dumped,
                         "\(Optional(secret) as Any)", "\(ResolvedProfile(name: "x", origin: "y", baseURL: "http://h", model: "m", apiKey: secret))"] {
                #expect(!text.contains("TESTSECRET"), "leaked in: \(text)")
            }
            #expect(secret.exposedValue == Self.key)
        }
    }
}

import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    /// The transport against a server that is not ChunkScope's: Python's standard-library HTTP
    /// server speaking HTTP/1.0 (no chunked encoding, the body ends when the connection closes),
    /// writing the SSE body one byte at a time with a pause, UTF-8 characters split across writes.
    @Suite("Transport against a foreign HTTP/1.0 server")
    struct ForeignServerTests {
        static let body = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"é世👩‍💻\"}}]}\r\n\r\n: comment\n\ndata: [DONE]\n\n"

        static let script = """
            import http.server, socketserver, sys, time
            BODY = sys.argv[1].encode("utf-8")
            class Handler(http.server.BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.0"
                def do_POST(self):
                    self.rfile.read(int(self.headers.get("Content-Length", "0")))
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("X-Auth-Seen", "yes" if self.headers.get("Authorization", "").startswith("Bearer ") else "no")
                    self.end_headers()
                    for b in BODY:
                        self.wfile.write(bytes([b])); self.wfile.flush(); time.sleep(0.001)
                def log_message(self, *args): pass
            server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
            print(server.server_address[1], flush=True)
            server.handle_request()
            """

        @Test("byte-at-a-time HTTP/1.0 body arrives exactly, in many reads, and ends cleanly")
        func byteAtATime() async throws {
            let python = Process()
            python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            python.arguments = ["python3", "-c", Self.script, Self.body]
            let out = Pipe()
            python.standardOutput = out
            try python.run()
            defer { if python.isRunning { python.terminate() } }
            let handle = out.fileHandleForReading
            let portLine: String = await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    var text = ""
                    while !text.contains("\n") {
                        let data = handle.availableData
                        if data.isEmpty { break }
                        text += String(decoding: data, as: UTF8.self)
                    }
                    continuation.resume(returning: text)
                }
            }
            let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))
            let request = ChatRequest(baseURL: "http://127.0.0.1:\(port)/v1", model: "m",
                                      messages: [ChatMessage(role: "user", content: "x")], apiKey: Secret("sk-foreign-0123456789"))
            let result = await TransferProbe.run(request)
            #expect(result.failure == nil, "\(String(describing: result.failure))")
            #expect(result.responses.first?.status == 200)
            #expect(result.responses.first?.value(of: "x-auth-seen") == "yes")
            #expect(result.body == Array(Self.body.utf8))
            #expect(result.inputs.filter { $0.bodyBytes != nil }.count > 20)
            #expect(result.content == "é世👩‍💻")
            #expect(await TransferProbe.eventually(timeout: 5) { !python.isRunning })
        }
    }
}

import Foundation

/// A one-request HTTP/1.1 server in a Python child process (standard library only), for what the
/// mock provider cannot show: exactly what arrived (request line, raw header lines, body saved to
/// a file) and a gzip-encoded SSE reply. It answers one request, prints a JSON report of it on
/// stdout and exits.
final class ScriptedServer {
    /// What the server answers with.
    enum Reply: String {
        /// A plain SSE stream.
        case plain
        /// The same stream gzip-compressed, with `Content-Encoding: gzip`.
        case gzip
    }

    /// What the server saw of the one request it answered.
    struct Report: Decodable {
        /// The request target (`/v1/chat/completions?api-version=x`).
        var path: String
        /// Every header line as received, `Name: value`.
        var headerLines: [String]
        /// The body length in bytes.
        var size: Int
        /// Whether the request body was sent chunked (libcurl does that when it reads a stream).
        var chunked: Bool
    }

    /// The content the SSE reply carries in `delta.content`.
    static let replyContent = "scripted reply"

    static let script = """
        import gzip, http.server, json, signal, socketserver, sys
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the test process may ignore SIGTERM; its children inherit that
        REPLY, BODY_PATH = sys.argv[1], sys.argv[2]
        SSE = ('data: {"choices":[{"index":0,"delta":{"content":"%s"}}]}\\n\\ndata: [DONE]\\n\\n' % sys.argv[3]).encode()
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_POST(self):
                chunked = self.headers.get("Transfer-Encoding", "").lower() == "chunked"
                if chunked:
                    body = b""
                    while True:
                        size = int(self.rfile.readline().strip().split(b";")[0], 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with open(BODY_PATH, "wb") as f:
                    f.write(body)
                payload = gzip.compress(SSE) if REPLY == "gzip" else SSE
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                if REPLY == "gzip":
                    self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
                lines = [k + ": " + v for k, v in self.headers.items()]
                print(json.dumps({"path": self.path, "headerLines": lines, "size": len(body), "chunked": chunked}), flush=True)
            def log_message(self, *args): pass
        server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.handle_request()
        """

    let port: Int
    /// Where the server saved the request body.
    let bodyPath: String
    private let process: Process
    private let output: FileHandle

    private init(port: Int, bodyPath: String, process: Process, output: FileHandle) {
        self.port = port
        self.bodyPath = bodyPath
        self.process = process
        self.output = output
    }

    /// `http://127.0.0.1:PORT/v1`.
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    static func start(reply: Reply = .plain) async throws -> ScriptedServer {
        let bodyPath = FileManager.default.temporaryDirectory.appendingPathComponent("scripted-\(UUID().uuidString).body").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, reply.rawValue, bodyPath, replyContent]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = out.fileHandleForReading
        let line = await readLine(handle)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ScriptedServerError(message: "the server did not print its port (got '\(line)')")
        }
        return ScriptedServer(port: port, bodyPath: bodyPath, process: process, output: handle)
    }

    /// The report of the request, once the server has answered it (nil if it exits without one).
    func report() async throws -> Report? {
        let line = await Self.readLine(output)
        guard !line.isEmpty else { return nil }
        return try JSONDecoder().decode(Report.self, from: Data(line.utf8))
    }

    /// The request body as the server received it.
    func receivedBody() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: bodyPath))
    }

    /// Stops the server (if still running) and removes the saved body.
    func close() {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(atPath: bodyPath)
    }

    /// Reads one line (or everything until EOF) on a plain thread.
    private static func readLine(_ handle: FileHandle) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while true {
                    let data = handle.readData(ofLength: 1)
                    guard let byte = data.first, byte != UInt8(ascii: "\n") else { break }
                    bytes.append(byte)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

/// The scripted server could not start.
struct ScriptedServerError: Error, CustomStringConvertible {
    var description: String { message }
    let message: String
}

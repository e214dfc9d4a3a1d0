import ChunkScopeCore
@testable import ChunkScopeTransport

/// HTTP error-body description: for any body, status and content type the one-line message must
/// not crash, must hold no control character (it goes to the screen) and never the API key.
enum HTTPErrorDescriptionFuzz {
    static let secret = Secret("sk-fuzz-0123456789abcdef")

    static func run(_ bytes: [UInt8]) {
        let status = 400 + Int(bytes.first ?? 0) % 200
        let contentType = (bytes.count > 1 && bytes[1] & 1 == 1) ? "text/html; charset=utf-8" : "application/json"
        let body = Array(bytes.dropFirst(min(2, bytes.count)))
        let message = HTTPErrorDescription.message(status: status, reason: nil, contentType: contentType, body: body,
                                                   secrets: [secret])
        if let control = message.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            fatalError("control character U+\(String(control.value, radix: 16)) in \(message.debugDescription)")
        }
        if message.contains(secret.exposedValue) {
            fatalError("the API key reached the message: \(message.debugDescription)")
        }
    }
}

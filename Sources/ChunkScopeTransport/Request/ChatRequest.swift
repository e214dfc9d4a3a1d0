import ChunkScopeCore
import Foundation

/// One streaming chat-completions request: where to send it, what to send, and the key.
public struct ChatRequest: Sendable, Equatable {
    /// The API root (`https://api.openai.com/v1`); the request goes to `{baseURL}/chat/completions`.
    public var baseURL: String
    /// The model to request.
    public var model: String
    /// The conversation so far, oldest first.
    public var messages: [ChatMessage]
    /// Extra body fields (temperature, max_tokens, anything from `--param`); later entries win and
    /// they override the fields ChunkScope writes itself, except `stream`.
    public var params: [JSONValue.Member]
    /// Extra headers (from the profile).
    public var headers: [HTTPHeader]
    /// The key for `Authorization: Bearer …`; nil sends no Authorization header.
    public var apiKey: Secret?
    /// Whether to send `stream_options: {"include_usage": true}`.
    public var includeUsage: Bool
    /// The OpenAI `tools` array as compact JSON text, if any.
    public var toolsJSON: String?

    /// Creates a request.
    public init(baseURL: String, model: String, messages: [ChatMessage], params: [JSONValue.Member] = [],
                headers: [HTTPHeader] = [], apiKey: Secret? = nil, includeUsage: Bool = true, toolsJSON: String? = nil) {
        self.baseURL = baseURL
        self.model = model
        self.messages = messages
        self.params = params
        self.headers = headers
        self.apiKey = apiKey
        self.includeUsage = includeUsage
        self.toolsJSON = toolsJSON
    }

    /// `{baseURL}/chat/completions` as sent: the path appended before any query
    /// (`…/v1?api-version=x` becomes `…/v1/chat/completions?api-version=x`), without the base URL's
    /// userinfo (it goes as an `Authorization: Basic` header, see `wireHeaders`) or fragment.
    public var url: String {
        guard var parts = URLParts(baseURL) else {
            var base = baseURL
            while base.hasSuffix("/") { base.removeLast() }
            return base + "/chat/completions"
        }
        parts.userinfo = nil
        parts.fragment = nil
        return parts.appendingPath("/chat/completions").joined
    }

    /// The JSON body: model, messages, `stream: true`, stream_options, tools, then params.
    public func body() -> String {
        var fields: [(String, String)] = [
            ("model", JSONValue.string(model).serialized()),
            ("messages", JSONValue.array(messages.map { $0.jsonValue() })
                .serialized()),
            ("stream", "true"),
        ]
        if includeUsage { fields.append(("stream_options", "{\"include_usage\":true}")) }
        if let toolsJSON { fields.append(("tools", toolsJSON)) }
        for param in params where param.key != "stream" {
            let text = param.value.serialized()
            if let i = fields.firstIndex(where: { $0.0 == param.key }) {
                fields[i].1 = text
            } else {
                fields.append((param.key, text))
            }
        }
        return "{" + fields.map { JSONValue.string($0.0).serialized() + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// Every header sent, in order, with the real key: only for the wire. libcurl adds only Host and
    /// Content-Length, so this list, redacted, is also what the headers view and captures show.
    func wireHeaders() -> [HTTPHeader] {
        var result = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Accept", "text/event-stream"),
            HTTPHeader("User-Agent", "chunkscope/\(ChatRequest.clientVersion)"),
        ]
        if let encodings = ContentDecoding.acceptEncoding { result.append(HTTPHeader("Accept-Encoding", encodings)) }
        let overridesAuthorization = headers.contains { $0.name.lowercased() == "authorization" }
        if let apiKey, !apiKey.isEmpty, !overridesAuthorization {
            result.append(HTTPHeader("Authorization", "Bearer " + apiKey.exposedValue))
        } else if !overridesAuthorization, let credentials = URLParts(baseURL)?.credentials {
            // What libcurl would send for `user:password@` in the URL, made explicit so it is listed.
            let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
            result.append(HTTPHeader("Authorization", "Basic " + token))
        }
        for header in headers {
            if let i = result.firstIndex(where: { $0.name.lowercased() == header.name.lowercased() }) {
                result[i] = header
            } else {
                result.append(header)
            }
        }
        return result
    }

    /// The request as shown and saved: headers redacted, key never present.
    public func summary() -> RequestSummary {
        summary(body: body())
    }

    /// The summary for an already serialised `body` (a large body is not serialised twice).
    func summary(body: String) -> RequestSummary {
        let redactedHeaders = Redaction.redact(wireHeaders())
        return RequestSummary(method: "POST", url: Redaction.redactURL(url, secrets: secrets),
                              headers: redactedHeaders, body: Redaction.redactText(body, secrets: secrets))
    }

    /// Values that must never be shown: the key, the base URL's password and key-named query
    /// values, and every header value that carries a credential.
    var secrets: [Secret] {
        var result: [Secret] = []
        if let apiKey { result.append(apiKey) }
        result += Redaction.urlSecrets(baseURL)
        for header in headers where Redaction.isSensitiveHeaderName(header.name) || Redaction.looksLikeCredential(header.value) {
            result.append(Secret(header.value))
        }
        return result
    }

    /// True when the URL's host is this machine's loopback (`localhost`, `127.x.x.x`, `::1`).
    public var isLoopback: Bool {
        guard let host = URLParts(baseURL)?.host else { return false }
        return host == "localhost" || host.hasSuffix(".localhost") || host.hasPrefix("127.") || host == "::1"
    }

    /// The version in the User-Agent header.
    public static let clientVersion = "0.1"
}

import ChunkScopeCore
import Foundation

/// Turns a non-2xx response into one line a person can act on: the OpenAI-style
/// `{"error":{"message","type","code"}}` (and the shapes vLLM, FastAPI and proxies use) parsed,
/// HTML pages and empty bodies described as such. Never contains a credential.
enum HTTPErrorDescription {
    /// The message for `status` with `body` (possibly truncated) and the response content type.
    static func message(status: Int, reason: String?, contentType: String?, body: [UInt8], secrets: [Secret]) -> String {
        let head = "HTTP \(status)" + ((reason ?? reasonPhrase(status)).map { " \($0)" } ?? "")
        let detail = describe(body: body, contentType: contentType)
        return Redaction.redactText(head + detail, secrets: secrets)
    }

    /// The standard reason phrase for common statuses (HTTP/2 sends none).
    static func reasonPhrase(_ status: Int) -> String? {
        [
            400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 413: "Payload Too Large",
            415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout", 529: "Overloaded",
        ][status]
    }

    private static func describe(body: [UInt8], contentType: String?) -> String {
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return " with an empty body" }
        if let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed]),
            let detail = describe(json: json)
        {
            return ": " + oneLine(detail, limit: 400)
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") || contentType?.lowercased().contains("text/html") == true {
            let title = htmlTitle(trimmed).map { " \"\(oneLine($0, limit: 120))\"" } ?? ""
            return ": the server returned an HTML page\(title) instead of a JSON error (\(body.count) bytes)"
        }
        return ": " + oneLine(trimmed, limit: 300)
    }

    /// The readable part of a JSON error body, or nil when it has no recognisable error shape.
    private static func describe(json: Any) -> String? {
        if let array = json as? [Any], let first = array.first { return describe(json: first) }
        guard let object = json as? [String: Any] else { return json as? String }
        if let error = object["error"] {
            if let message = error as? String { return message }
            if let inner = error as? [String: Any] {
                var text = (inner["message"] as? String) ?? (inner["msg"] as? String) ?? "(no message)"
                var extras: [String] = []
                if let type = inner["type"] as? String, !type.isEmpty { extras.append("type \(type)") }
                if let code = inner["code"] {
                    let codeText = code as? String ?? (code as? NSNumber)?.stringValue
                    if let codeText, !codeText.isEmpty { extras.append("code \(codeText)") }
                }
                if let param = inner["param"] as? String, !param.isEmpty { extras.append("param \(param)") }
                if let metadata = inner["metadata"] as? [String: Any], let raw = metadata["raw"] as? String {
                    text += " — " + raw
                }
                return extras.isEmpty ? text : "\(text) (\(extras.joined(separator: ", ")))"
            }
        }
        if let message = object["message"] as? String {
            if let type = object["type"] as? String { return "\(message) (type \(type))" }
            return message
        }
        if let detail = object["detail"] {
            if let text = detail as? String { return text }
            if let data = try? JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys]) {
                return String(decoding: data, as: UTF8.self)
            }
        }
        return nil
    }

    private static func htmlTitle(_ html: String) -> String? {
        guard let open = html.range(of: "<title>", options: .caseInsensitive),
            let close = html.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<html.endIndex)
        else { return nil }
        let title = html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }

    /// Collapses whitespace, makes control characters visible and cuts at `limit` characters.
    static func oneLine(_ text: String, limit: Int) -> String {
        var out = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                if !lastWasSpace { out += " " }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if out.count > limit { out = String(out.prefix(limit)) + "…" }
        return out
    }
}

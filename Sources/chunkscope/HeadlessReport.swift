import ChunkScopeCore
import Foundation

/// Follows a stream headless (for `record` and `replay`): decodes the body as it arrives, hands
/// back new content for live printing, and prints a short summary at the end.
struct HeadlessReport {
    private var decoder = SSEDecoder()
    private(set) var response: ResponseHead?
    private(set) var failure: StreamFailure?
    private(set) var bodyBytes = 0
    private(set) var events = 0
    private(set) var chunks = 0
    private(set) var sawDone = false
    private(set) var errorPayloads: [String] = []
    private(set) var invalidChunks = 0
    private(set) var notes: [String] = []
    private var content: [Int: String] = [:]
    private var finishReasons: [Int: String] = [:]
    private var toolCalls: [Int: Set<Int>] = [:]
    private var usage: JSONValue?
    private var firstByte: UInt64?
    private var lastInput: UInt64 = 0

    /// Takes one input at `nanos` since the stream started; returns content text to print live.
    mutating func handle(_ input: StreamInput, at nanos: UInt64) -> String {
        lastInput = nanos
        switch input {
        case .request: return ""
        case .response(let head): response = head
        case .note(let text): notes.append(text)
        case .failed(let reason): failure = reason
        case .bytes(let bytes):
            if firstByte == nil { firstByte = nanos }
            bodyBytes += bytes.count
            return take(decoder.feed(bytes))
        }
        return ""
    }

    /// Flushes the decoder at the end of the stream; returns any last content.
    mutating func finish() -> String {
        take(decoder.finish())
    }

    private mutating func take(_ sseEvents: [SSEEvent]) -> String {
        var text = ""
        for event in sseEvents {
            events += 1
            guard case .message(let message) = event else { continue }
            switch ChunkDecoder.decode(message.data) {
            case .chunk(let chunk):
                chunks += 1
                if chunk.usage != nil, chunk.usage?.isNull == false { usage = chunk.usage }
                for choice in chunk.choices {
                    let index = choice.index ?? 0
                    if let piece = choice.delta.content {
                        content[index, default: ""] += piece
                        if index == 0 { text += piece }
                    }
                    for call in choice.delta.toolCalls ?? [] { toolCalls[index, default: []].insert(call.index ?? 0) }
                    if let reason = choice.finishReason { finishReasons[index] = reason }
                }
            case .done: sawDone = true
            case .error(let value): errorPayloads.append(value["error"]?["message"]?.stringValue ?? value.serialized())
            case .invalidJSON: invalidChunks += 1
            case .unexpected: break
            }
        }
        return text
    }

    /// True when the stream ended without a transport failure, HTTP error or error payload.
    var isClean: Bool {
        failure == nil && errorPayloads.isEmpty && (response.map { (200..<300).contains($0.status) } ?? false)
    }

    /// The summary lines.
    func summary() -> [String] {
        var lines: [String] = []
        if let response { lines.append("HTTP \(response.status) \(response.value(of: "content-type") ?? "(no content-type)")") }
        let seconds = String(format: "%.2f s", Double(lastInput) / 1e9)
        let ttfb = firstByte.map { String(format: ", first byte %.0f ms", Double($0) / 1e6) } ?? ""
        lines.append("\(bodyBytes) body bytes, \(events) SSE events, \(chunks) chunks in \(seconds)\(ttfb)")
        for index in Set(content.keys).union(finishReasons.keys).union(toolCalls.keys).sorted() {
            let calls = toolCalls[index].map { ", \($0.count) tool call(s)" } ?? ""
            lines.append("choice \(index): \(content[index]?.count ?? 0) characters\(calls), finish_reason \(finishReasons[index] ?? "missing")")
        }
        if let usage { lines.append("usage: \(usage.serialized())") }
        lines.append(sawDone ? "[DONE] received" : "no [DONE]")
        if invalidChunks > 0 { lines.append("\(invalidChunks) data line(s) that are not JSON") }
        for message in errorPayloads { lines.append("error payload: \(message)") }
        for note in notes { lines.append("note: \(note)") }
        if let failure { lines.append("FAILED (\(failure.kind.rawValue)): \(failure.message)") }
        return lines
    }
}

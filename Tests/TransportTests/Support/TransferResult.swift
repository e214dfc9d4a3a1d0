import ChunkScopeCore
import ChunkScopeTransport
import Foundation

/// Everything one transfer produced, collected for assertions.
struct TransferResult {
    var inputs: [StreamInput] = []
    /// Seconds from start until the stream ended.
    var duration: Double = 0

    var request: RequestSummary? {
        for input in inputs { if case .request(let summary) = input { return summary } }
        return nil
    }

    var responses: [ResponseHead] {
        inputs.compactMap { if case .response(let head) = $0 { return head } else { return nil } }
    }

    var failure: StreamFailure? {
        for input in inputs { if case .failed(let failure) = input { return failure } }
        return nil
    }

    var notes: [String] {
        inputs.compactMap { if case .note(let text) = $0 { return text } else { return nil } }
    }

    var body: [UInt8] {
        inputs.reduce(into: []) { if let bytes = $1.bodyBytes { $0 += bytes } }
    }

    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The SSE messages of the body, decoded by the core decoder.
    var messages: [SSEMessage] {
        var decoder = SSEDecoder()
        var events = decoder.feed(body)
        events += decoder.finish()
        return events.compactMap { if case .message(let message) = $0 { return message } else { return nil } }
    }

    /// The concatenated `delta.content` of choice 0.
    var content: String {
        messages.reduce(into: "") { text, message in
            if case .chunk(let chunk) = ChunkDecoder.decode(message.data) {
                for choice in chunk.choices where (choice.index ?? 0) == 0 { text += choice.delta.content ?? "" }
            }
        }
    }

    /// Everything a person could see: summary, notes, failure message.
    var visibleText: String {
        var parts: [String] = []
        if let request {
            parts.append(request.url)
            parts.append(request.body)
            parts += request.headers.map { "\($0.name): \($0.value)" }
        }
        parts += notes
        if let failure { parts.append(failure.message) }
        return parts.joined(separator: "\n")
    }
}

/// Runs transfers and inspects what they leave behind.
enum TransferProbe {
    /// Starts `request`, collects until the stream ends, optionally cancelling after `cancelAfterBytes`.
    static func run(_ request: ChatRequest, options: TransportOptions = TransportOptions(idleTimeout: 10)) async -> TransferResult {
        let start = ContinuousClock.now
        let (inputs, _) = CurlTransport.start(request, options: options)
        var result = TransferResult()
        for await input in inputs { result.inputs.append(input) }
        result.duration = (ContinuousClock.now - start).seconds
        return result
    }

    /// Threads of this process named like transfer threads.
    static func transferThreadCount() -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.filter { task in
            let name = (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) ?? ""
            return name.trimmingCharacters(in: .whitespacesAndNewlines) == "chunkscope-curl"
        }.count
    }

    /// Open TCP sockets (inode != 0, i.e. still owned by a process) whose remote port is `port`.
    static func openClientSockets(toPort port: Int) -> Int {
        var count = 0
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 9, let remotePort = fields[2].split(separator: ":").last.flatMap({ Int($0, radix: 16) }) else { continue }
                if remotePort == port && fields[9] != "0" { count += 1 }
            }
        }
        return count
    }

    /// Open file descriptors of this process.
    static func openDescriptorCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
    }

    /// Runs `action`, then polls `condition` on a dedicated thread every 100 µs and returns how long
    /// it took to hold (at most 5 s).
    static func latencyUntil(_ condition: @escaping @Sendable () -> Bool, after action: @escaping @Sendable () -> Void) async -> Duration {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let start = ContinuousClock.now
                action()
                while !condition() && ContinuousClock.now - start < .seconds(5) { usleep(100) }
                continuation.resume(returning: ContinuousClock.now - start)
            }
        }
    }

    /// Waits (up to `timeout` seconds) until `condition` holds; returns whether it did.
    static func eventually(timeout: Double = 2, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

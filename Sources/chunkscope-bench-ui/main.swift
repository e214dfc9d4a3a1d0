// chunkscope-bench-ui — how it fits: the rerunnable benchmark for the pure UI layer: how long
// ScreenRenderer takes to compose whole frames (grid only; the ncurses diff is tui-app's
// Scripts/bench-tui). Release build, one thread; prints medians and p99s, never fails on a time:
//   swift build -c release --product chunkscope-bench-ui && .build/release/chunkscope-bench-ui
// Workloads:
//   steady     a 120x40 frame of a long finished conversation (60 turns of markdown) + live snapshot
//   firehose   20,000 one-word chunks streamed through StreamPipeline, one frame every 100 chunks
//              (one long paragraph: the worst case for incremental wrapping) and the same with newlines
//   toolcall   one tool call whose arguments grow to ~60 KB (a file's content as a JSON string, then two more members),
//              10-byte fragments, one frame every 100 fragments
//   inspector  the Chunks pane over a 1,000,000-row event log: following, selected, filtered; and
//              one `/` search key press that scans to the last row
//   sizes      the steady frame at 80x24 and 40x12
//   huge       (alone with the argument `huge`) a 10 MiB reply on one line in one chunk (the `mock-huge` scenario): each frame from its
//              arrival to the finished turn, scrolled to the top, and its event opened in the inspector
import ChunkScopeCore
import ChunkScopeUI
import Foundation

let clock = ContinuousClock()

/// Median and 99th percentile of frame times, in microseconds.
func summarize(_ name: String, _ samples: [Duration]) {
    let micros = samples.map { Double($0.components.attoseconds) / 1e12 + Double($0.components.seconds) * 1e6 }.sorted()
    guard !micros.isEmpty else { return }
    let median = micros[micros.count / 2]
    let p99 = micros[min(micros.count - 1, Int(Double(micros.count) * 0.99))]
    let name = name.padding(toLength: 44, withPad: " ", startingAt: 0)
    print("\(name) median \(String(format: "%8.1f", median)) µs   p99 \(String(format: "%8.1f", p99)) µs   max \(String(format: "%8.1f", micros.last!)) µs   (\(micros.count) frames)")
}

func chunkBytes(_ content: String, finish: Bool = false) -> [UInt8] {
    let escaped = content.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    let finishText = finish ? "\"stop\"" : "null"
    return Array("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\(escaped)\"},\"finish_reason\":\(finishText)}]}\n\n".utf8)
}

let markdownReply = """
## Result \u{1F4CA}
Here is **the answer** with `inline code`, some *emphasis* and 日本語のテキスト that wraps at the pane edge.
- first point that is long enough to wrap around the transcript pane at 120 columns wide
- second point
```swift
let value = compute(input, options: .default)
print(value)
```
A closing paragraph with more words so that the reply has a realistic length for a chat answer.
"""

func finishedSnapshot(_ text: String) -> SessionSnapshot {
    var pipeline = StreamPipeline()
    pipeline.feed(chunkBytes(text, finish: true), at: 1_000_000)
    pipeline.feed(Array("data: [DONE]\n\n".utf8), at: 2_000_000)
    pipeline.finish(at: 3_000_000)
    return pipeline.snapshot()
}

func steadyState(_ size: TerminalSize) -> (DashboardState, SessionSnapshot) {
    let reply = finishedSnapshot(markdownReply)
    var conversation = Conversation()
    for i in 0..<60 { conversation.append(prompt: "Question number \(i): explain the thing in detail?", reply: reply) }
    conversation.begin(prompt: "And the live one?")
    let state = DashboardState(size: size, session: SessionInfo(profile: "bench", model: "bench-model"), conversation: conversation)
    var pipeline = StreamPipeline()
    var t: UInt64 = 0
    for word in 0..<400 {
        t += 1_000_000
        pipeline.feed(chunkBytes(word % 40 == 39 ? "word\n\n" : "word "), at: t)
    }
    return (state, pipeline.snapshot())
}

func benchSteady(_ size: TerminalSize, frames: Int = 2000) {
    let (state, live) = steadyState(size)
    let screen = ScreenRenderer()
    _ = screen.render(state: state, live: live)
    var samples: [Duration] = []
    for _ in 0..<frames {
        let start = clock.now
        let frame = screen.render(state: state, live: live)
        samples.append(clock.now - start)
        precondition(frame.grid.width == size.width)
    }
    summarize("steady \(size) (60 turns + live)", samples)
}

func benchFirehose(newlines: Bool) {
    var state = DashboardState(size: TerminalSize(width: 120, height: 40), session: SessionInfo(profile: "bench", model: "bench"))
    _ = state.apply(.preparedStreamOpened(prompt: "firehose", model: "bench"))
    let screen = ScreenRenderer()
    var pipeline = StreamPipeline()
    var samples: [Duration] = []
    var t: UInt64 = 0
    for i in 0..<20_000 {
        t += 50_000
        pipeline.feed(chunkBytes(newlines && i % 12 == 11 ? "w\(i)\n" : "w\(i) "), at: t)
        if i % 100 == 99 || i == 19_999 {
            let snapshot = pipeline.snapshot()
            let start = clock.now
            let frame = screen.render(state: state, live: snapshot)
            samples.append(clock.now - start)
            state.absorb(frame.report)
        }
    }
    pipeline.feed(Array("data: [DONE]\n\n".utf8), at: t + 1)
    pipeline.finish(at: t + 2)
    let final = pipeline.snapshot()
    let start = clock.now
    var frame = screen.render(state: state, live: final)
    let last = clock.now - start
    _ = state.apply(.snapshot(final))
    _ = state.apply(.streamEnded)
    let startDone = clock.now
    frame = screen.render(state: state, live: final)
    let done = clock.now - startDone
    precondition(frame.grid.textRows.joined().contains("w19999"))
    summarize("firehose 20k words\(newlines ? " (with newlines)" : " (one paragraph)"), per frame", samples)
    print("  final streaming frame \(last), first frame after the turn is finished (full re-render) \(done)")
}

func toolFragmentBytes(_ fragment: String, first: Bool) -> [UInt8] {
    let escaped = fragment.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    let head = first ? "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"write_file\",\"arguments\":\"\(escaped)\"}"
                     : "\"function\":{\"arguments\":\"\(escaped)\"}"
    return Array("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\(head)}]},\"finish_reason\":null}]}\n\n".utf8)
}

func benchToolCall() {
    var content = ""
    for i in 0..<1500 { content += "line \(i): let value\(i) = compute(\(i))\\n" }
    let arguments = "{\"path\": \"Sources/Big.swift\", \"content\": \"" + content + "\", \"overwrite\": true, \"mode\": \"0644\"}"
    var state = DashboardState(size: TerminalSize(width: 120, height: 40), session: SessionInfo(profile: "bench", model: "bench"))
    _ = state.apply(.preparedStreamOpened(prompt: "write it", model: "bench"))
    let screen = ScreenRenderer()
    var pipeline = StreamPipeline()
    var samples: [Duration] = []
    var t: UInt64 = 0
    let chars = Array(arguments)
    var index = 0
    var fragment = 0
    while index < chars.count {
        let piece = String(chars[index..<min(chars.count, index + 10)])
        index += 10
        t += 10_000
        pipeline.feed(toolFragmentBytes(piece, first: fragment == 0), at: t)
        fragment += 1
        if fragment % 100 == 0 || index >= chars.count {
            let snapshot = pipeline.snapshot()
            let start = clock.now
            _ = screen.render(state: state, live: snapshot)
            samples.append(clock.now - start)
        }
    }
    summarize("tool call growing to \(arguments.utf8.count / 1000) KB, per frame", samples)
    if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil { print(samples.map { "\($0)" }.joined(separator: " ")) }
}

func benchInspector() {
    let log = InspectorEventLog()
    for i in 0..<1_000_000 {
        if i % 5000 == 4999 {
            log.append(InspectorEvent(sequence: i + 1, time: UInt64(i) * 50_000, gap: 0, size: 0, kind: .lint,
                                      summary: "CS302 no finish_reason", raw: "no finish_reason"))
        } else {
            // Like the pipeline's rows: the summary is derived from the chunk JSON when drawn.
            let raw = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w\(i) \"},\"finish_reason\":null}]}"
            log.append(InspectorEvent(sequence: i + 1, time: UInt64(i) * 50_000, gap: 50_000, size: raw.utf8.count + 8, chunkData: raw))
        }
    }
    let snapshot = SessionSnapshot(state: .streaming, events: log.slice(), metrics: StreamMetrics(chunkCount: 1_000_000, byteCount: 180_000_000))
    var state = DashboardState(size: TerminalSize(width: 120, height: 40), session: SessionInfo(profile: "bench", model: "bench"))
    let screen = ScreenRenderer()
    for (name, configure) in [
        ("inspector 1M rows, following", { (s: inout DashboardState) in s.chunks.selected = nil }),
        ("inspector 1M rows, row 500k selected+expanded", { (s: inout DashboardState) in s.chunks.selected = 500_000; s.chunks.expanded = true }),
        ("inspector 1M rows, filter lint", { (s: inout DashboardState) in s.chunks.selected = nil; s.chunks.filter = .lint }),
    ] as [(String, (inout DashboardState) -> Void)] {
        configure(&state)
        let first = clock.now
        _ = screen.render(state: state, live: snapshot)
        let firstFrame = clock.now - first
        var samples: [Duration] = []
        for _ in 0..<500 {
            let start = clock.now
            _ = screen.render(state: state, live: snapshot)
            samples.append(clock.now - start)
        }
        summarize(name, samples)
        print("  first frame \(firstFrame)")
    }
    // A key press that scans: `/` search for the last row, from the top (worst case).
    state.chunks.filter = nil
    state.chunks.selected = 0
    state.focus = .chunks
    _ = state.handle(.char("/"), live: snapshot)
    for c in "w999998 " { _ = state.handle(.char(c), live: snapshot) }
    let start = clock.now
    _ = state.handle(.key(.enter), live: snapshot)
    print("inspector 1M rows, / search to the last row (one key press): \(clock.now - start), found row \(state.chunks.selected ?? -1)")
}

func benchHuge(bytes: Int = 10 << 20) {
    let unit = "All work and no play makes a very long line. "
    let text = String(String(repeating: unit, count: bytes / unit.utf8.count + 1).utf8.prefix(bytes))!
    var state = DashboardState(size: TerminalSize(width: 120, height: 40), session: SessionInfo(profile: "bench", model: "bench"))
    _ = state.apply(.preparedStreamOpened(prompt: "huge", model: "bench"))
    let screen = ScreenRenderer()
    var pipeline = StreamPipeline()
    let bytesIn = chunkBytes(text)
    let fed = clock.now
    pipeline.feed(bytesIn, at: 1_000_000)
    print("huge line (\(bytes >> 20) MiB): \("pipeline: decode + accumulate the chunk".padding(toLength: 40, withPad: " ", startingAt: 0)) \(clock.now - fed)")
    func frame(_ name: String, _ live: SessionSnapshot?) {
        let start = clock.now
        let frame = screen.render(state: state, live: live)
        let took = clock.now - start
        state.absorb(frame.report)
        print("huge line (\(bytes >> 20) MiB): \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(took)")
    }
    frame("first frame with the chunk", pipeline.snapshot())
    frame("next frame, nothing new", pipeline.snapshot())
    pipeline.feed(Array("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n".utf8), at: 2_000_000)
    pipeline.finish(at: 3_000_000)
    let final = pipeline.snapshot()
    frame("stream finished", final)
    _ = state.apply(.snapshot(final))
    _ = state.apply(.streamEnded)
    frame("turn complete (finished block)", final)
    frame("steady after", final)
    state.focus = .transcript
    _ = state.handle(.key(.home), live: final)
    frame("scrolled to the top (Home)", final)
    _ = state.handle(.key(.pageDown), live: final)
    frame("one page down", final)
    state.focus = .chunks
    state.chunks.selected = 0
    state.chunks.expanded = true
    frame("its event opened in the inspector", final)
    frame("inspector, next frame", final)

    // The same size as one tool call's arguments (a file written by a tool), in one chunk.
    state = DashboardState(size: TerminalSize(width: 120, height: 40), session: SessionInfo(profile: "bench", model: "bench"))
    _ = state.apply(.preparedStreamOpened(prompt: "huge tool call", model: "bench"))
    var tools = StreamPipeline()
    tools.feed(toolFragmentBytes("{\"path\": \"big.txt\", \"content\": \"" + text + "\"}", first: true), at: 1_000_000)
    frame("tool call: first frame with the chunk", tools.snapshot())
    frame("tool call: next frame", tools.snapshot())
    tools.feed(Array("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n".utf8), at: 2_000_000)
    tools.finish(at: 3_000_000)
    frame("tool call: stream finished", tools.snapshot())
}

print("chunkscope-bench-ui — ScreenRenderer frame composition (grid only), release build, one thread")
if CommandLine.arguments.dropFirst().first == "huge" {
    // `chunkscope-bench-ui huge`: only the giant-line workload (for profiling it alone).
    benchHuge()
    exit(0)
}
benchSteady(TerminalSize(width: 120, height: 40))
benchSteady(TerminalSize(width: 80, height: 24))
benchSteady(TerminalSize(width: 40, height: 12))
benchFirehose(newlines: false)
benchFirehose(newlines: true)
benchToolCall()
benchInspector()
benchHuge()

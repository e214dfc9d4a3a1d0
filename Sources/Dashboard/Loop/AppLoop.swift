import ChunkScopeCore
import ChunkScopeTransport
import ChunkScopeUI
import Dispatch
import Foundation
import TerminalBackend

/// The main-actor loop: input and snapshots change state and ask for a frame; frames are drawn
/// only when something changed — at most every ~16 ms after input, every 50 ms for stream data
/// (`FramePacer`). Between events the process sleeps.
@MainActor
final class AppLoop {
    private let terminal: Terminal
    private let source: DashboardConfiguration.Source
    private let configuration: DashboardConfiguration
    private var state: DashboardState
    private let screen = ScreenRenderer()
    private var stream: StreamSession?
    /// The running tool command, if any (cancelled on Esc and when the dashboard quits).
    private var toolCommand: (id: Int, task: Task<Void, Never>)?
    private var nextStreamID = 1
    private var pacer = FramePacer()
    /// When the pending frame wake-up fires (monotonic ns), if one is pending.
    private var scheduledFrame: UInt64?
    private var watcher: ReadinessWatcher?
    private var finished: CheckedContinuation<Void, Never>?
    private var isQuitting = false
    private let frameLog: FrameLog?

    init(terminal: Terminal, source: DashboardConfiguration.Source, configuration: DashboardConfiguration) {
        self.terminal = terminal
        self.source = source
        self.configuration = configuration
        self.frameLog = FrameLog.fromEnvironment(configuration.environment)
        let size = TerminalSize(width: terminal.width, height: terminal.height)
        state = DashboardState(size: size, session: Self.sessionInfo(for: source))
        if case .provider(let profile, _) = source {
            state.toolCommands = profile.toolCommands
            if !profile.warnings.isEmpty { _ = state.apply(.notice(profile.warnings.joined(separator: " · "))) }
        }
    }

    /// Runs until the user quits (or the process is told to end).
    func run() async {
        watcher = ReadinessWatcher(descriptors: terminal.pollDescriptors) { [weak self] in
            self?.readInput()
        }
        if case .prepared(let prepared) = source { startPrepared(prepared) }
        requestFrame()
        await withCheckedContinuation { finished = $0 }
        watcher?.cancel()
        stream?.stop()
        // The command's process group is killed before the process exits.
        toolCommand?.task.cancel()
        await toolCommand?.task.value
    }

    // MARK: input

    private func readInput() {
        let events = terminal.readEvents()
        if let frameLog, !events.isEmpty { frameLog.input(at: MonotonicClock.now()) }
        for event in events {
            switch event {
            case .terminate:
                quit()
            case .input(let input):
                // The reducer works on what the panes show: the running stream, else the last reply.
                perform(state.handle(input, live: state.shown))
            }
            if isQuitting { return }
        }
        requestFrame()
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .send:
                send()
            case .stopStream:
                stream?.stop()
            case .readToolResultFile(let callID, let path):
                let (content, isError) = Self.readToolResult(path: path)
                dispatch(.toolOutput(callID: callID, content: content, isError: isError))
            case .runToolCommand(let call, let command):
                let id = nextStreamID
                nextStreamID += 1
                toolCommand = (id, Task { [weak self] in
                    let result = await ToolCommandRunner.run(command, arguments: call.arguments)
                    self?.toolCommandFinished(id, callID: call.id, result)
                })
            case .cancelToolCommand:
                toolCommand?.task.cancel()
            case .quit:
                quit()
                return
            }
        }
    }

    /// Sends an app event through the reducer and performs what it asks for.
    private func dispatch(_ event: AppEvent) {
        perform(state.apply(event))
    }

    private func toolCommandFinished(_ id: Int, callID: String, _ result: ToolCommandResult) {
        if toolCommand?.id == id { toolCommand = nil }
        switch result {
        case .output(let text): dispatch(.toolOutput(callID: callID, content: text, isError: false))
        case .failed(let reason): dispatch(.toolOutput(callID: callID, content: "error: " + reason, isError: true))
        }
        requestFrame()
    }

    /// A file's text as a tool result; a failure is an error result for the user to review.
    private static func readToolResult(path: String) -> (String, Bool) {
        let expanded = (path as NSString).expandingTildeInPath
        let size = (try? FileManager.default.attributesOfItem(atPath: expanded)[.size] as? NSNumber)?.intValue
        if let size, size > ToolCommandRunner.outputLimit {
            return ("error: \(path) is larger than \(ToolCommandRunner.outputLimit / (1 << 20)) MiB", true)
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            return ("error: cannot read \(path)", true)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ("error: \(path) is not UTF-8 text", true)
        }
        return (text, false)
    }

    private func quit() {
        guard !isQuitting else { return }
        isQuitting = true
        finished?.resume()
        finished = nil
    }

    // MARK: streams

    private func send() {
        guard case .provider(let profile, let options) = source else {
            // A replayed capture has nobody to send to: close the turn the reducer opened.
            dispatch(.sendFailed("replay is read-only: nothing was sent (run `chunkscope` to chat)"))
            return
        }
        let request: ChatRequest
        do {
            request = try ChatRequest(profile: profile, messages: state.conversation.messages())
        } catch {
            dispatch(.sendFailed("\(error)"))
            return
        }
        let (inputs, handle) = CurlTransport.start(request, options: options)
        startStream(inputs: observed(inputs, model: request.model), includeUsage: request.includeUsage,
                    cancel: { handle.cancel() })
    }

    /// The inputs with a capture written as they pass (when captures are on) and, for the
    /// benchmark, the arrival time of the last body bytes logged.
    private func observed(_ inputs: AsyncStream<StreamInput>, model: String) -> InputTap {
        let recorder = makeRecorder(model: model)
        let frameLog = frameLog
        guard recorder != nil || frameLog != nil else { return InputTap(inputs, onInput: { _ in }, onEnd: {}) }
        let lastByte = LastByteClock()
        return InputTap(inputs, onInput: { input in
            recorder?.record(input, at: input.arrival(onClockReading: CaptureRecorder.now()))
            if input.bodyBytes != nil { lastByte.mark(input.arrival(onClockReading: MonotonicClock.now())) }
        }, onEnd: {
            recorder?.finish(at: CaptureRecorder.now())
            if let frameLog, let nanos = lastByte.value { frameLog.lastByte(at: nanos) }
        })
    }

    private func makeRecorder(model: String) -> CaptureRecorder? {
        guard let store = configuration.captureStore else { return nil }
        do {
            let recorder = try CaptureRecorder(path: store.newCapturePath(model: model))
            store.rotate()
            return recorder
        } catch {
            dispatch(.notice("capture not saved: \(error.localizedDescription)"))
            return nil
        }
    }

    private func startPrepared(_ prepared: PreparedStream) {
        dispatch(.preparedStreamOpened(prompt: prepared.prompt, model: prepared.model))
        let (inputs, cancel) = prepared.makeInputs()
        startStream(inputs: inputs, includeUsage: prepared.includeUsageRequested, cancel: cancel)
    }

    private func startStream<Inputs: AsyncSequence & Sendable>(inputs: Inputs, includeUsage: Bool,
                                                                cancel: @escaping @Sendable () -> Void)
    where Inputs.Element == StreamInput {
        let id = nextStreamID
        nextStreamID += 1
        var options = PipelineOptions()
        options.includeUsageRequested = includeUsage
        stream = StreamSession(
            id: id, inputs: inputs, options: options,
            snapshotInterval: .nanoseconds(Int64(pacer.streamInterval)), cancelSource: cancel,
            onSnapshot: { [weak self] id, snapshot in self?.receive(snapshot, from: id) },
            onEnd: { [weak self] id in self?.streamEnded(id) })
    }

    private func receive(_ snapshot: SessionSnapshot, from id: Int) {
        guard id == stream?.id else { return }
        if let live = state.live, live.version == snapshot.version { return }
        dispatch(.snapshot(snapshot))
        frameLog?.snapshot(at: MonotonicClock.now(), state: Self.stateName(snapshot.state),
                           contentBytes: snapshot.choices.first?.content.utf8.count ?? 0)
        // New data is paced at the stream rate; a stream's end shows at once.
        requestFrame(DashboardState.isStreaming(snapshot) ? .stream : .interactive)
    }

    private func streamEnded(_ id: Int) {
        guard id == stream?.id else { return }
        stream = nil
        // The finished turn now holds the final exchange; the panes read it from the conversation.
        dispatch(.streamEnded)
        requestFrame()
    }

    // MARK: frames

    private func requestFrame(_ reason: FramePacer.Reason = .interactive) {
        pacer.invalidate(reason)
        scheduleFrame()
    }

    /// Arranges a wake-up for the next frame, unless one is already due as soon or sooner.
    private func scheduleFrame() {
        let now = MonotonicClock.now()
        guard !isQuitting, let delay = pacer.delay(now: now) else { return }
        let deadline = now + delay
        if let scheduled = scheduledFrame, scheduled <= deadline { return }
        scheduledFrame = deadline
        let work: @Sendable () -> Void = { [weak self] in
            MainActor.assumeIsolated { self?.drawFrame() }
        }
        if delay == 0 {
            DispatchQueue.main.async(execute: work)
        } else {
            DispatchQueue.main.asyncAfter(deadline: .now() + .nanoseconds(Int(delay)), execute: work)
        }
    }

    private func drawFrame() {
        scheduledFrame = nil
        guard !isQuitting else { return }
        let now = MonotonicClock.now()
        guard let delay = pacer.delay(now: now) else { return }
        if delay > 0 {
            scheduleFrame()
            return
        }
        let frame = screen.render(state: state, live: state.live)
        let rendered = MonotonicClock.now()
        terminal.draw(frame.grid, cursor: frame.report.cursor)
        state.absorb(frame.report)
        pacer.didDraw(at: now)
        if let frameLog {
            let flushed = MonotonicClock.now()
            let shown = state.shown
            frameLog.frame(at: flushed, cellsWritten: terminal.cellsWrittenInLastFrame, state: Self.stateName(shown?.state),
                           contentBytes: shown?.choices.first?.content.utf8.count ?? 0,
                           renderNanos: rendered - now, drawNanos: flushed - rendered)
        }
    }

    // MARK: status

    /// One word for the frame log.
    private static func stateName(_ state: StreamState?) -> String {
        switch state {
        case nil, .idle?: "idle"
        case .connecting?: "connecting"
        case .streaming?: "streaming"
        case .finished?: "finished"
        case .failed?: "failed"
        case .cancelled?: "cancelled"
        }
    }

    private static func sessionInfo(for source: DashboardConfiguration.Source) -> SessionInfo {
        switch source {
        case .provider(let profile, _):
            let name = profile.isBuiltInMock ? "mock (built-in)" : profile.name
            return SessionInfo(profile: name, model: profile.model, pricing: profile.prices)
        case .prepared(let prepared):
            return SessionInfo(profile: prepared.title, model: prepared.model)
        }
    }
}

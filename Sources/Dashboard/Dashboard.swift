// Dashboard — how it fits: the app loop on the main actor, and nothing but wiring.
//
//   terminal input ─▶ TerminalBackend.readEvents ─▶ DashboardState.handle (ui-pure reducer)
//        ─▶ effects: send (ChatRequest → CurlTransport → SessionActor), stop, run a tool command,
//           read a tool result file, quit
//   SessionActor.updates (coalesced snapshots), stream ends, tool outputs ─▶ main actor
//        ─▶ DashboardState.apply(AppEvent) (the same reducer: the state's only writer) ─▶ frame request
//   frame (≤ 60 fps, only when something changed) ─▶ Screen.render (ui-pure) ─▶ Grid
//        ─▶ Terminal.draw (changed cells only)
//
// With no key and no profile the built-in mock provider runs in-process on a loopback port and
// is reached through the same libcurl path as a real provider. Nothing here polls: input wakes
// the loop through dispatch read sources, snapshots through the session's update stream.
import ChunkScopeCore
import ChunkScopeTransport
import ChunkScopeUI
import MockProvider
import TerminalBackend

/// Opens the full-screen dashboard and runs it until the user quits.
public enum Dashboard {
    /// Runs the dashboard on the process's terminal; returns when the user quits, with the
    /// terminal restored. Throws (terminal already restored) when it cannot start.
    @MainActor
    public static func run(_ configuration: DashboardConfiguration) async throws {
        var mock: MockServer?
        var source = configuration.source
        if case .provider(var profile, let options) = source, profile.isBuiltInMock {
            // Each scenario keeps its own pace; `--param mock_tps=N` changes it per request.
            let server = try await MockServer.start(pacing: .lively)
            profile.baseURL = server.baseURL
            source = .provider(profile, options)
            mock = server
        }
        defer {
            if let mock { Task.detached { await mock.shutdown() } }
        }
        let terminal = try Terminal.open(
            options: Terminal.Options(mouse: configuration.mouse, environment: configuration.environment),
            theme: configuration.theme)
        defer { terminal.close() }
        let loop = AppLoop(terminal: terminal, source: source, configuration: configuration)
        await loop.run()
    }
}

import Foundation

/// Runs an action on Ctrl-C (SIGINT) while alive, instead of killing the process, so a headless
/// command can cancel its transfer and still save what arrived.
final class InterruptWatcher {
    private let source: any DispatchSourceSignal

    /// Starts watching; `action` runs on a background queue for each SIGINT.
    init(_ action: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: action)
        source.resume()
        self.source = source
    }

    /// Stops watching and restores the default SIGINT behaviour.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

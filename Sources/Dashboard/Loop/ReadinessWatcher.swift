import Dispatch

/// Calls back on the main actor whenever one of some file descriptors becomes readable
/// (stdin, the terminal's signal pipe). Built on dispatch read sources on the main queue, so
/// nothing polls and nothing blocks: with no input the process sleeps.
@MainActor
final class ReadinessWatcher {
    private var sources: [any DispatchSourceRead] = []

    /// Watches `descriptors`; `onReadable` runs on the main actor each time input waits.
    init(descriptors: [Int32], onReadable: @escaping @MainActor () -> Void) {
        for descriptor in descriptors {
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: .main)
            source.setEventHandler {
                MainActor.assumeIsolated { onReadable() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops watching (before the terminal closes its descriptors).
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}

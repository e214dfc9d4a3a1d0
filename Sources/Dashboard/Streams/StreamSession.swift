import ChunkScopeCore

/// One stream on its way to the screen: its inputs (a libcurl transfer or a replayed capture)
/// run through a `SessionActor` on the cooperative pool, and its coalesced snapshots come back
/// to the main actor. Stopping cancels the transfer and marks the session cancelled at once,
/// keeping everything that arrived.
@MainActor
final class StreamSession {
    /// Identifies the stream, so late snapshots of an old stream are ignored.
    let id: Int
    private let session: SessionActor
    private let cancelSource: @Sendable () -> Void
    private var consumer: Task<Void, Never>?
    private var runner: Task<Void, Never>?

    /// Starts consuming `inputs` now.
    /// - Parameters:
    ///   - snapshotInterval: how often the session publishes while streaming (its end is immediate).
    ///   - onSnapshot: called on the main actor for every coalesced snapshot.
    ///   - onEnd: called on the main actor once, after the final snapshot.
    init<Inputs: AsyncSequence & Sendable>(
        id: Int, inputs: Inputs, options: PipelineOptions, snapshotInterval: Duration,
        cancelSource: @escaping @Sendable () -> Void,
        onSnapshot: @escaping @MainActor (Int, SessionSnapshot) -> Void,
        onEnd: @escaping @MainActor (Int) -> Void
    ) where Inputs.Element == StreamInput {
        self.id = id
        let session = SessionActor(options: options, frameInterval: snapshotInterval)
        self.session = session
        self.cancelSource = cancelSource
        let updates = session.updates
        consumer = Task.detached {
            for await snapshot in updates {
                await onSnapshot(id, snapshot)
            }
            await onEnd(id)
        }
        runner = Task.detached {
            await session.run(inputs)
        }
    }

    /// Stops the stream: aborts the source and marks the session cancelled; what arrived stays.
    func stop() {
        cancelSource()
        let session = session
        Task.detached { await session.cancel() }
    }
}

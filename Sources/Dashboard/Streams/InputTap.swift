import ChunkScopeCore

/// Passes a stream's inputs through unchanged while showing each one to an observer first (the
/// capture writer, the benchmark's frame log). The observer runs on the tap's own task, one input
/// at a time, in order.
enum InputTap {
    /// `inputs`, observed: `onInput` sees every input before it is passed on, `onEnd` runs once
    /// after the last one. Cancelling the consumer cancels the tap's task.
    static func tap(_ inputs: AsyncStream<StreamInput>,
                    onInput: @escaping @Sendable (StreamInput) -> Void,
                    onEnd: @escaping @Sendable () -> Void) -> AsyncStream<StreamInput> {
        let (stream, continuation) = AsyncStream<StreamInput>.makeStream(bufferingPolicy: .unbounded)
        let task = Task.detached {
            for await input in inputs {
                onInput(input)
                continuation.yield(input)
            }
            onEnd()
            continuation.finish()
        }
        continuation.onTermination = { termination in
            if case .cancelled = termination { task.cancel() }
        }
        return stream
    }
}

import ChunkScopeCore
import Synchronization

/// A stream's inputs, passed through unchanged while an observer sees each one first (the capture
/// writer, the benchmark's frame log). The observer runs inside the consumer's `next()` — on the
/// session actor, one input at a time, in order — so observing adds no task and no thread hop
/// per input (a forwarding task used to cost a wake-up of the cooperative pool for every chunk).
struct InputTap: AsyncSequence, Sendable {
    typealias Element = StreamInput

    private let inputs: AsyncStream<StreamInput>
    private let onInput: @Sendable (StreamInput) -> Void
    private let end: EndSignal

    /// `inputs`, observed: `onInput` sees every input before it is passed on; `onEnd` runs once,
    /// after the last input, or when the consumer stops iterating early (a stopped stream).
    init(_ inputs: AsyncStream<StreamInput>, onInput: @escaping @Sendable (StreamInput) -> Void,
         onEnd: @escaping @Sendable () -> Void) {
        self.inputs = inputs
        self.onInput = onInput
        self.end = EndSignal(onEnd)
    }

    /// Iterates the inputs, showing each to the observer.
    struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var base: AsyncStream<StreamInput>.AsyncIterator
        fileprivate let onInput: @Sendable (StreamInput) -> Void
        fileprivate let end: EndSignal
        /// Fires the end signal when the consumer drops the iterator (stopped early).
        fileprivate let lifetime: Lifetime

        /// The next input, after the observer has seen it; nil (and the end signal) at the end.
        mutating func next() async -> StreamInput? {
            guard let input = await base.next() else {
                end.fire()
                return nil
            }
            onInput(input)
            return input
        }
    }

    /// Starts iterating (one iterator per tap: the end signal fires once).
    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: inputs.makeAsyncIterator(), onInput: onInput, end: end, lifetime: Lifetime(end))
    }

    /// Calls its action exactly once, from whichever path ends the stream first.
    fileprivate final class EndSignal: Sendable {
        private let action: Mutex<(@Sendable () -> Void)?>

        init(_ action: @escaping @Sendable () -> Void) {
            self.action = Mutex(action)
        }

        func fire() {
            action.withLock { action in
                let pending = action
                action = nil
                return pending
            }?()
        }
    }

    /// Fires the end signal when the last copy of an iterator goes away.
    fileprivate final class Lifetime: Sendable {
        private let end: EndSignal

        init(_ end: EndSignal) {
            self.end = end
        }

        deinit { end.fire() }
    }
}

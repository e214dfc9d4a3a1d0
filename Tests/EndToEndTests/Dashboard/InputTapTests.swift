import ChunkScopeCore
@testable import Dashboard
import Synchronization
import Testing

@Suite("Input tap", .timeLimit(.minutes(1)))
struct InputTapTests {
    /// What the observer saw: inputs (as byte counts) and how often the end fired.
    final class Seen: Sendable {
        let inputs = Mutex<[Int]>([])
        let ends = Mutex(0)
    }

    func inputs(_ sizes: [Int]) -> AsyncStream<StreamInput> {
        AsyncStream { continuation in
            for size in sizes { continuation.yield(.bytes([UInt8](repeating: 0x61, count: size))) }
            continuation.finish()
        }
    }

    func tap(_ sizes: [Int], seen: Seen) -> InputTap {
        InputTap(inputs(sizes), onInput: { input in
            if case .bytes(let bytes) = input { seen.inputs.withLock { $0.append(bytes.count) } }
        }, onEnd: { seen.ends.withLock { $0 += 1 } })
    }

    @Test("the observer sees every input in order, before the consumer, and the end once")
    func passesThrough() async {
        let seen = Seen()
        var consumed: [Int] = []
        for await input in tap([1, 2, 3], seen: seen) {
            if case .bytes(let bytes) = input {
                consumed.append(bytes.count)
                #expect(seen.inputs.withLock { $0.last } == bytes.count)
            }
        }
        #expect(consumed == [1, 2, 3])
        #expect(seen.inputs.withLock { $0 } == [1, 2, 3])
        #expect(seen.ends.withLock { $0 } == 1)
    }

    @Test("a consumer that stops early still ends the observer, exactly once")
    func stoppedEarly() async {
        let seen = Seen()
        for await input in tap([1, 2, 3], seen: seen) {
            if case .bytes(let bytes) = input, bytes.count == 2 { break }
        }
        #expect(seen.inputs.withLock { $0 } == [1, 2])
        #expect(seen.ends.withLock { $0 } == 1)
    }
}

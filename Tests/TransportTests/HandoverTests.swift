import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    /// `TransportOptions.handoverInterval`: a dense stream's reads go to the consumer in batches
    /// (one wake-up each), every read stamped with its own arrival time.
    @Suite("Hand-over of body reads")
    struct HandoverTests {
        /// One input and when the consumer got it.
        struct Receipt {
            var input: StreamInput
            var at: ContinuousClock.Instant
        }

        static func collect(_ inputs: AsyncStream<StreamInput>) async -> [Receipt] {
            var receipts: [Receipt] = []
            for await input in inputs { receipts.append(Receipt(input: input, at: .now)) }
            return receipts
        }

        @Test("a paced stream's reads are handed over in batches, each stamped on arrival")
        func batchesKeepArrivalTimes() async throws {
            let fixture = try await MockFixture.start()
            // 60 chunks 5 ms apart (mock_tps=200): about 300 ms of separate reads.
            let request = fixture.request("mock-firehose", params: [.init("mock_chunks", .number("60")), .init("mock_tps", .number("200"))])
            let (inputs, _) = CurlTransport.start(request, options: TransportOptions(idleTimeout: 10, handoverInterval: 0.05))
            let receipts = await Self.collect(inputs)
            let reads = receipts.compactMap { receipt -> (stamp: ContinuousClock.Instant, at: ContinuousClock.Instant)? in
                guard case .bytesReceived(_, let stamp) = receipt.input else { return nil }
                return (stamp, receipt.at)
            }
            #expect(!receipts.contains { if case .bytes = $0.input { true } else { false } }, "every read carries its arrival")
            #expect(reads.count > 10, "\(reads.count) reads: the paced chunks must arrive as separate reads")
            #expect(zip(reads, reads.dropFirst()).allSatisfy { $0.stamp <= $1.stamp }, "stamps in arrival order")
            #expect(reads.allSatisfy { $0.stamp <= $0.at })
            // The stamps keep the server's pacing although the consumer got the reads in batches.
            let span = try #require(reads.last).stamp - reads[0].stamp
            #expect(span > .milliseconds(200), "stamps span \(span)")
            let heldBack = reads.filter { $0.at - $0.stamp > .milliseconds(10) }.count
            #expect(heldBack > reads.count / 3, "only \(heldBack) of \(reads.count) reads were held for a batch")
            let worst = reads.map { $0.at - $0.stamp }.max() ?? .zero
            #expect(worst < .milliseconds(50) + .seconds(1), "a read waited \(worst)")
            #expect(TransferResult(inputs: receipts.map(\.input)).content.split(separator: " ").count == 60)
            await fixture.server.shutdown()
        }

        @Test("held reads go over when due even when no further byte arrives")
        func heldReadsAreDueWithoutMoreBytes() async throws {
            let fixture = try await MockFixture.start()
            // Three chunks 40 ms apart, then the server goes silent: the first read goes at once, the
            // other two are held for the hand-over due 300 ms after it.
            let request = fixture.request("mock-stall", params: [.init("mock_tps", .number("25"))])
            let (inputs, handle) = CurlTransport.start(request, options: TransportOptions(idleTimeout: 30, handoverInterval: 0.3))
            var collected = TransferResult()
            var firstRead: ContinuousClock.Instant?
            for await input in inputs {
                collected.inputs.append(input)
                if firstRead == nil, input.bodyBytes != nil { firstRead = .now }
                if collected.messages.count >= 3 { break }
            }
            let waited = ContinuousClock.now - (try #require(firstRead))
            handle.cancel()
            #expect(collected.messages.count == 3)
            #expect(waited > .milliseconds(200), "the later reads were not held (\(waited) after the first)")
            // Due at 300 ms; without a wake-up for them they would wait for the 1 s poll timeout.
            #expect(waited < .milliseconds(800), "the held reads took \(waited) to go over")
            #expect(await TransferProbe.eventually { handle.isFinished })
            await fixture.server.shutdown()
        }

        @Test("interval 0 hands every read over as it arrives; a longer one holds them")
        func immediate() async throws {
            let fixture = try await MockFixture.start()
            /// The median time from a read's arrival to its consumer, at `interval`.
            func medianWait(_ interval: Double) async -> Duration? {
                let request = fixture.request("mock-firehose", params: [.init("mock_chunks", .number("30")), .init("mock_tps", .number("100"))])
                let (inputs, _) = CurlTransport.start(request, options: TransportOptions(idleTimeout: 10, handoverInterval: interval))
                let waits = await Self.collect(inputs).compactMap { receipt -> Duration? in
                    guard case .bytesReceived(_, let stamp) = receipt.input else { return nil }
                    return receipt.at - stamp
                }.sorted()
                return waits.count > 5 ? waits[waits.count / 2] : nil
            }
            let immediate = try #require(await medianWait(0))
            let held = try #require(await medianWait(0.2))
            // Reads 10 ms apart wait up to 200 ms for a hand-over; a busy machine delays both alike.
            #expect(held > immediate + .milliseconds(30), "median wait \(immediate) at 0, \(held) at 0.2 s")
            await fixture.server.shutdown()
        }
    }
}

import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import MockProvider
import Testing

extension TransportTests {
    @Suite("Capture round trip through the real transport")
    struct CaptureRoundTripTests {
        @Test("record → read → replay gives identical inputs, events and final state",
              arguments: ["mock-echo", "mock-parallel-tools", "mock-reasoning", "mock-n2", "mock-crlf", "mock-keepalive",
                          "mock-malformed", "mock-midstream-error", "mock-drop", "mock-401", "mock-firehose"])
        func roundTrip(_ model: String) async throws {
            let fixture = MockFixture(server: try await MockServer.start(pacing: MockPacing(tokensPerSecond: 400, jitter: 0.5, firstTokenDelay: 0.02)))
            let params: [JSONValue.Member] = model == "mock-firehose" ? [.init("mock_chunks", .number("500"))] : []
            let request = fixture.request(model, message: "round trip ✓ \"quotes\"\nnew line", params: params)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).sse").path
            defer { try? FileManager.default.removeItem(atPath: path) }

            let recorder = try CaptureRecorder(path: path, notes: ["round trip test"])
            let (inputs, _) = CurlTransport.start(request, options: TransportOptions(idleTimeout: 5))
            let start = CaptureRecorder.now()
            var live = StreamPipeline(options: PipelineOptions(includeUsageRequested: true))
            var liveInputs: [StreamInput] = []
            var last: UInt64 = 0
            for await input in CaptureRecorder.tee(inputs, into: recorder) {
                last = CaptureRecorder.now() - start
                live.handle(input, at: last)
                // A capture keeps a read's arrival as its record time; the input itself reads back plain.
                liveInputs.append(input.bodyBytes.map { .bytes($0) } ?? input)
            }
            live.finish(at: last)

            let capture = try CaptureReader.read(contentsOf: path)
            #expect(capture.isComplete)
            #expect(capture.inputs.map(\.input) == liveInputs, "the capture must hold exactly the inputs, split as they arrived")
            #expect(capture.inputs.map(\.offset) == capture.inputs.map(\.offset).sorted(), "times must not go backwards")
            #expect(capture.requestedUsage)

            var replayed: [StreamInput] = []
            for await input in CaptureReplay.stream(capture, speed: .max) { replayed.append(input) }
            #expect(replayed == liveInputs)

            let fromCapture = capture.report(options: PipelineOptions(includeUsageRequested: true))
            let fromLive = live.report()
            #expect(fromCapture.choices == fromLive.choices)
            #expect(fromCapture.usage == fromLive.usage)
            #expect(fromCapture.diagnostics.map(\.code) == fromLive.diagnostics.map(\.code))
            #expect(fromCapture.events == fromLive.events)
            #expect(fromCapture.state == fromLive.state)
            #expect(fromCapture.events > 0 || model == "mock-401")
            await fixture.server.shutdown()
        }

        @Test("the capture of a live stream is itself a valid plain SSE stream")
        func plainReadable() async throws {
            let fixture = try await MockFixture.start()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).sse").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let recorder = try CaptureRecorder(path: path)
            let (inputs, _) = CurlTransport.start(fixture.request("mock-tools"))
            var body: [UInt8] = []
            for await input in CaptureRecorder.tee(inputs, into: recorder) { if let b = input.bodyBytes { body += b } }
            let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let plainFromFile = CheckReport.check(body: file)
            let plainFromBody = CheckReport.check(body: body)
            #expect(plainFromFile.choices == plainFromBody.choices)
            #expect(plainFromFile.diagnostics.map(\.code) == plainFromBody.diagnostics.map(\.code))
            #expect(plainFromFile.events == plainFromBody.events)
            #expect(plainFromFile.comments > plainFromBody.comments, "records are SSE comments")
            await fixture.server.shutdown()
        }
    }
}

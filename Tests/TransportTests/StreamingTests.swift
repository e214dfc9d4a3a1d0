import ChunkScopeCore
import ChunkScopeTransport
import Foundation
import Testing

extension TransportTests {
    @Suite("Streaming through libcurl")
    struct StreamingTests {
        @Test("a normal stream: request summary, response head, every byte, clean end")
        func echo() async throws {
            let fixture = try await MockFixture.start()
            let result = await TransferProbe.run(fixture.request("mock-echo", message: "ping **pong**"))
            #expect(result.failure == nil)
            guard case .request(let summary) = result.inputs.first else {
                Issue.record("the first input must be the request summary")
                return
            }
            #expect(summary.url == fixture.server.baseURL + "/chat/completions")
            #expect(summary.body.contains("\"stream\":true"))
            #expect(summary.body.contains("\"stream_options\":{\"include_usage\":true}"))
            let head = try #require(result.responses.first)
            #expect(head.status == 200)
            #expect(head.value(of: "content-type")?.hasPrefix("text/event-stream") == true)
            #expect(head.value(of: "x-request-id")?.hasPrefix("req_") == true)
            #expect(head.value(of: "x-ratelimit-remaining-tokens") == "29999000", "rate-limit headers must not be redacted")
            #expect(result.content.contains("> ping **pong**"))
            #expect(result.messages.last?.data == "[DONE]")
            #expect(result.bodyText.contains("\"choices\":[],\"usage\":{\"prompt_tokens\""))
            await fixture.server.shutdown()
        }

        @Test("10,000 small chunks arrive complete and in order")
        func manySmallChunks() async throws {
            let fixture = try await MockFixture.start()
            let start = ContinuousClock.now
            let result = await TransferProbe.run(fixture.request("mock-firehose", params: [.init("mock_chunks", .number("10000"))]))
            #expect(result.failure == nil)
            let messages = result.messages
            // role chunk + 10,000 words + finish chunk + usage trailer + [DONE]
            #expect(messages.count == 10_004)
            #expect(result.content.split(separator: " ").count == 10_000)
            #expect(result.content.hasPrefix(" alpha bravo charlie"))
            #expect((ContinuousClock.now - start).seconds < 20)
            await fixture.server.shutdown()
        }

        @Test("a 10 MB single line arrives intact")
        func tenMegabyteLine() async throws {
            let fixture = try await MockFixture.start()
            let size = 10 << 20
            let result = await TransferProbe.run(fixture.request("mock-huge", params: [.init("mock_bytes", .number(String(size)))]))
            #expect(result.failure == nil)
            #expect(result.body.count > size)
            #expect(result.inputs.filter { $0.bodyBytes != nil }.count > 10, "bytes must stream in pieces, not one buffer")
            #expect(result.content.utf8.count == size)
            #expect(result.content.hasPrefix("All work and no play"))
            await fixture.server.shutdown()
        }

        @Test("cancel ends the transfer within 100 ms and keeps what arrived")
        func cancellation() async throws {
            let fixture = try await MockFixture.start()
            let threadsBefore = TransferProbe.transferThreadCount()
            let (inputs, handle) = CurlTransport.start(fixture.request("mock-stall"), options: TransportOptions(idleTimeout: 30))
            var collected = TransferResult()
            var transferLatency: Duration?
            var observedLatency: Duration?
            var cancelledAt: ContinuousClock.Instant?
            for await input in inputs {
                collected.inputs.append(input)
                if input.bodyBytes != nil, cancelledAt == nil {
                    try await Task.sleep(for: .milliseconds(200))
                    cancelledAt = .now
                    // Measured on a plain thread, so a busy test run cannot delay the measurement itself.
                    transferLatency = await TransferProbe.latencyUntil { handle.isFinished } after: { handle.cancel() }
                }
                if case .failed = input, let cancelledAt { observedLatency = .now - cancelledAt }
            }
            let measured = try #require(transferLatency)
            #expect(measured < .milliseconds(100), "the transfer took \(measured) to stop")
            #expect(try #require(observedLatency) < .seconds(1), "the consumer saw the end after \(String(describing: observedLatency))")
            #expect(collected.failure?.kind == .cancelled)
            #expect(collected.failure?.message.contains("kept the") == true)
            #expect(!collected.content.isEmpty)
            #expect(await TransferProbe.eventually { TransferProbe.transferThreadCount() <= threadsBefore })
            #expect(await TransferProbe.eventually { TransferProbe.openClientSockets(toPort: fixture.server.port) == 0 })
            await fixture.server.shutdown()
        }

        @Test("cancelling the consuming task cancels the transfer")
        func taskCancellation() async throws {
            let fixture = try await MockFixture.start()
            let (inputs, handle) = CurlTransport.start(fixture.request("mock-stall"), options: TransportOptions(idleTimeout: 30))
            let consumer = Task {
                var count = 0
                for await _ in inputs { count += 1 }
                return count
            }
            try await Task.sleep(for: .milliseconds(300))
            consumer.cancel()
            _ = await consumer.value
            #expect(await TransferProbe.eventually(timeout: 1) { handle.isFinished })
            #expect(await TransferProbe.eventually { TransferProbe.openClientSockets(toPort: fixture.server.port) == 0 })
            await fixture.server.shutdown()
        }

        @Test("idle timeout ends a stalled stream with a clear error and keeps the content")
        func idleTimeout() async throws {
            let fixture = try await MockFixture.start()
            let result = await TransferProbe.run(fixture.request("mock-stall", params: [.init("mock_chunks", .number("4"))]),
                                                 options: TransportOptions(idleTimeout: 0.3))
            #expect(result.failure?.kind == .stalled)
            #expect(result.failure?.message.contains("No data for 0.3 s mid-stream (idle timeout)") == true, "\(result.failure?.message ?? "")")
            #expect(result.duration > 0.25 && result.duration < 5, "took \(result.duration) s")
            #expect(result.messages.count == 4)
            await fixture.server.shutdown()
        }

        @Test("429 before any byte is retried when asked, honouring retry-after, each retry visible")
        func retries() async throws {
            let fixture = try await MockFixture.start()
            let request = fixture.request("mock-429", message: "retry me",
                                          params: [.init("mock_fail_times", .number("2")), .init("mock_retry_after", .number("0.2"))])
            let result = await TransferProbe.run(request, options: TransportOptions(maxRetries: 3))
            #expect(result.failure == nil)
            #expect(result.notes.count == 2)
            #expect(result.notes.first?.contains("HTTP 429 Too Many Requests") == true)
            #expect(result.notes.first?.contains("retrying in 0.2 s (retry 1 of 3)") == true, "\(result.notes)")
            #expect(result.responses.map(\.status) == [200], "held 429 responses must not reach the pipeline")
            #expect(result.duration >= 0.4)
            #expect(result.content.contains("retry me"))
            await fixture.server.shutdown()
        }

        @Test("a retry-after longer than the bound is not waited for")
        func retryBound() async throws {
            let fixture = try await MockFixture.start()
            let request = fixture.request("mock-429", message: "too long",
                                          params: [.init("mock_fail_times", .number("5")), .init("mock_retry_after", .number("120"))])
            let result = await TransferProbe.run(request, options: TransportOptions(maxRetries: 3, maxRetryDelay: 5))
            #expect(result.failure?.kind == .httpStatus)
            #expect(result.notes.isEmpty)
            #expect(result.duration < 5, "must not wait for the 120 s retry-after")
            await fixture.server.shutdown()
        }
    }
}

extension TransportTests.StreamingTests {
    @Test("libcurl's proxy environment handling stays on (http_proxy is honoured)")
    func proxyEnvironment() async throws {
        let proxy = try await MockFixture.start()
        setenv("http_proxy", "http://127.0.0.1:\(proxy.server.port)", 1)
        defer { unsetenv("http_proxy") }
        let request = ChatRequest(baseURL: "http://provider.invalid/v1", model: "mock-echo",
                                  messages: [ChatMessage(role: "user", content: "via the proxy")])
        let result = await TransferProbe.run(request)
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.content.contains("> via the proxy"))
        await proxy.server.shutdown()
    }

    @Test("loopback providers (the built-in mock, local servers) never go through a proxy")
    func loopbackBypassesProxy() async throws {
        let fixture = try await MockFixture.start()
        setenv("http_proxy", "http://127.0.0.1:9", 1)
        defer { unsetenv("http_proxy") }
        let result = await TransferProbe.run(fixture.request("mock-echo", message: "direct"))
        #expect(result.failure == nil, "\(String(describing: result.failure))")
        #expect(result.content.contains("> direct"))
        await fixture.server.shutdown()
    }
}

import ChunkScopeCore
import Testing

@Suite("SSEDecoder: WHATWG EventSource parsing")
struct SSEDecoderTests {
    private func decode(_ text: String, maxLineBytes: Int = 16 << 20) -> [SSEEvent] {
        SSESplitVerifier.verify(Array(text.utf8), maxLineBytes: maxLineBytes)
    }

    private func datas(_ events: [SSEEvent]) -> [String] {
        events.compactMap { if case .message(let message) = $0 { message.data } else { nil } }
    }

    @Test("LF, CR and CRLF line ends all end lines", arguments: ["\n", "\r", "\r\n"])
    func lineEnds(lineEnd: String) {
        let events = decode("data: a\(lineEnd)\(lineEnd)data: b\(lineEnd)\(lineEnd)")
        #expect(datas(events) == ["a", "b"])
    }

    @Test("Mixed line ends in one stream")
    func mixedLineEnds() {
        #expect(datas(decode("data: a\r\n\ndata: b\r\rdata: c\n\r\n")) == ["a", "b", "c"])
    }

    @Test("A CR at the end of a buffer followed by LF at the start of the next is one line end")
    func crlfSplitAcrossBuffers() {
        var decoder = SSEDecoder()
        var events = decoder.feed(Array("data: x\r".utf8))
        events += decoder.feed(Array("\n\r".utf8))
        events += decoder.feed(Array("\ndata: y\r\n\r\n".utf8))
        #expect(datas(events) == ["x", "y"])
        #expect(decoder.finish().isEmpty)
    }

    @Test("A leading byte order mark is stripped once")
    func byteOrderMark() {
        #expect(datas(decode("\u{FEFF}data: a\n\n")) == ["a"])
        // Only at the very start: a BOM later is part of the field name, an unknown field.
        #expect(datas(decode("\u{FEFF}data: a\n\n\u{FEFF}data: b\n\n")) == ["a"])
        // A second BOM at the start makes the first line's field name unknown.
        #expect(datas(decode("\u{FEFF}\u{FEFF}data: a\n\ndata: b\n\n")) == ["b"])
    }

    @Test("data: with or without the single space; only one space is removed")
    func dataSpace() {
        #expect(datas(decode("data:a\n\ndata: b\n\ndata:  c\n\n")) == ["a", "b", " c"])
    }

    @Test("Multi-line data is joined with LF")
    func multiLineData() {
        #expect(datas(decode("data: one\ndata: two\ndata:\ndata: three\n\n")) == ["one\ntwo\n\nthree"])
    }

    @Test("event: sets the type of the next message only")
    func eventField() {
        let events = decode("event: delta\ndata: 1\n\ndata: 2\n\n")
        guard case .message(let first) = events[0], case .message(let second) = events[1] else {
            Issue.record("expected two messages, got \(events)")
            return
        }
        #expect(first.event == "delta")
        #expect(second.event == nil)
    }

    @Test("id: persists across messages; ids containing NUL are ignored")
    func idField() {
        let events = decode("id: 7\ndata: a\n\ndata: b\n\nid: x\u{0}y\ndata: c\n\nid\ndata: d\n\n")
        let ids = events.compactMap { if case .message(let message) = $0 { message.id } else { nil } }
        #expect(ids == ["7", "7", "7", ""])
    }

    @Test("retry: with only digits is reported; anything else is ignored")
    func retryField() {
        let events = decode("retry: 1500\nretry: 15a\nretry:\nretry: -1\nretry:99999999999999999999999\n")
        #expect(events == [.retry(1500)])
    }

    @Test("Comment lines are surfaced with one leading space removed")
    func comments() {
        let events = decode(": OPENROUTER PROCESSING\n:keep-alive\n:  two\n:\ndata: x\n\n")
        #expect(events.prefix(4) == [.comment("OPENROUTER PROCESSING"), .comment("keep-alive"), .comment(" two"), .comment("")])
        #expect(datas(events) == ["x"])
    }

    @Test("A field with no colon has an empty value; `data` alone dispatches empty data")
    func fieldWithoutColon() {
        #expect(datas(decode("data\n\n")) == [""])
        #expect(datas(decode("data\ndata\n\n")) == ["\n"])
    }

    @Test("Unknown fields are ignored")
    func unknownFields() {
        #expect(decode("foo: bar\nDATA: x\n data: y\n\n").isEmpty)
    }

    @Test("A blank line without data dispatches nothing and resets the event type")
    func blankLineWithoutData() {
        let events = decode("event: ping\n\n\n\ndata: x\n\n")
        #expect(events == [.message(SSEMessage(event: nil, data: "x", byteCount: 9))])
    }

    @Test("byteCount covers the message's lines including line ends")
    func byteCount() {
        let events = decode("event: e\ndata: abc\n\n")
        #expect(events == [.message(SSEMessage(event: "e", data: "abc", byteCount: 20))])
        let crlf = decode("data: a\r\n\r\ndata: b\r\n\r\n")
        let counts = crlf.compactMap { if case .message(let message) = $0 { message.byteCount } else { nil } }
        // The LF of a CRLF counts after its line: the blank line's LF moves to the next message.
        #expect(counts == [10, 11])
    }

    @Test("A UTF-8 character split across buffers decodes intact")
    func utf8SplitAcrossBuffers() {
        let text = "data: héllo 😀 日本\n\n"
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            var decoder = SSEDecoder()
            var events = decoder.feed(bytes[..<cut])
            events += decoder.feed(bytes[cut...])
            #expect(datas(events) == ["héllo 😀 日本"])
            guard case .message(let message)? = events.first else { continue }
            #expect(!message.hadInvalidUTF8)
        }
    }

    @Test("Invalid UTF-8 becomes U+FFFD and is flagged, never fatal")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("data: a".utf8) + [0xFF, 0xC3] + Array("b\n\ndata: ok\n\n".utf8)
        let events = SSESplitVerifier.verify(bytes)
        guard events.count == 2, case .message(let bad) = events[0], case .message(let good) = events[1] else {
            Issue.record("unexpected events \(events)")
            return
        }
        #expect(bad.data == "a\u{FFFD}\u{FFFD}b")
        #expect(bad.hadInvalidUTF8)
        #expect(good.data == "ok")
        #expect(!good.hadInvalidUTF8)
    }

    @Test("Invalid UTF-8 in an event name flags the message")
    func invalidUTF8InEventName() {
        let bytes: [UInt8] = Array("event: a".utf8) + [0xFE] + Array("\ndata: x\n\n".utf8)
        let events = SSESplitVerifier.verify(bytes)
        guard case .message(let message)? = events.first else {
            Issue.record("no message")
            return
        }
        #expect(message.event == "a\u{FFFD}")
        #expect(message.hadInvalidUTF8)
    }

    @Test("A line longer than the bound is one error event and the stream continues")
    func lineTooLong() {
        let long = String(repeating: "x", count: 100)
        let events = decode("data: \(long)\n\ndata: ok\n\n", maxLineBytes: 50)
        #expect(events == [.lineTooLong(byteCount: 106), .message(SSEMessage(data: "ok", byteCount: 10))])
    }

    @Test("A line exactly at the bound is accepted")
    func lineAtBound() {
        let events = decode("data: 1234\n\n", maxLineBytes: 10)
        #expect(datas(events) == ["1234"])
    }

    @Test("A huge unterminated line is discarded without being buffered")
    func hugeLineBoundedMemory() {
        var decoder = SSEDecoder(maxLineBytes: 1024)
        let block = [UInt8](repeating: 0x61, count: 64 * 1024)
        var events: [SSEEvent] = decoder.feed(Array("data: ".utf8))
        for _ in 0..<64 { events += decoder.feed(block) }  // 4 MiB, far past the bound
        #expect(events.isEmpty)
        events += decoder.feed(Array("\ndata: after\n\n".utf8))
        #expect(events == [.lineTooLong(byteCount: 6 + 64 * 64 * 1024), .message(SSEMessage(data: "after", byteCount: 13))])
    }

    @Test("An over-long line still open at end of stream is reported by finish()")
    func lineTooLongAtFinish() {
        var decoder = SSEDecoder(maxLineBytes: 8)
        #expect(decoder.feed(Array("data: 0123456789".utf8)).isEmpty)
        #expect(decoder.finish() == [.lineTooLong(byteCount: 16)])
    }

    @Test("finish() dispatches a message left without its blank line (truncated stream)")
    func finishDispatchesPendingMessage() {
        var decoder = SSEDecoder()
        #expect(decoder.feed(Array("data: {\"a\":1}\n".utf8)).isEmpty)
        #expect(decoder.finish() == [.message(SSEMessage(data: "{\"a\":1}", byteCount: 14))])
        var unterminated = SSEDecoder()
        #expect(unterminated.feed(Array("data: last".utf8)).isEmpty)
        #expect(unterminated.finish() == [.message(SSEMessage(data: "last", byteCount: 10))])
    }

    @Test("finish() resets the decoder for a new stream")
    func finishResets() {
        var decoder = SSEDecoder()
        _ = decoder.feed(Array("id: 1\ndata: a\n\n".utf8))
        _ = decoder.finish()
        let events = decoder.feed(Array("\u{FEFF}data: b\n\n".utf8))
        #expect(events == [.message(SSEMessage(data: "b", id: nil, byteCount: 9))])
    }

    @Test("The [DONE] sentinel is an ordinary message at this stage")
    func doneSentinel() {
        #expect(datas(decode("data: [DONE]\n\n")) == ["[DONE]"])
    }

    @Test("Feeding non-contiguous sequences works like arrays")
    func genericSequence() {
        var decoder = SSEDecoder()
        let events = decoder.feed(AnySequence("data: x\n\n".utf8))
        #expect(datas(events) == ["x"])
    }
}

@Suite("SSEDecoder: raw memory input")
struct SSEDecoderRawMemoryTests {
    @Test("Feeding UnsafeRawBufferPointer pieces gives the same events as arrays")
    func rawBuffers() {
        let bytes = Array("data: a\r\n\r\n: c\ndata: é\n\n".utf8)
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        bytes.withUnsafeBytes { raw in
            decoder.feed(UnsafeRawBufferPointer(rebasing: raw[..<8]), into: &events)
            decoder.feed(UnsafeRawBufferPointer(rebasing: raw[8...]), into: &events)
        }
        events += decoder.finish()
        #expect(events == SSESplitVerifier.events(bytes, pieceSizes: []))
    }
}

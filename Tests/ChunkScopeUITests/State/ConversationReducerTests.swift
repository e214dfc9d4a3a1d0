import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

/// Whole sessions played as keys and app events through the reducer: no terminal, no network.
@Suite("Dashboard reducer: conversation, tool loop, failed turns")
struct ConversationReducerTests {
    func state() -> DashboardState {
        DashboardState(size: TerminalSize(width: 120, height: 40), session: Fixtures.session)
    }

    func type(_ text: String, into s: inout DashboardState) {
        for c in text { _ = s.handle(.char(c), live: s.shown) }
    }

    func enter(_ s: inout DashboardState) -> [Effect] {
        s.handle(.key(.enter), live: s.shown)
    }

    /// Sends `prompt` and plays its stream to the end with `reply` as the final snapshot.
    func turn(_ prompt: String, reply: SessionSnapshot, into s: inout DashboardState) -> [Effect] {
        type(prompt, into: &s)
        #expect(enter(&s) == [.send])
        _ = s.apply(.snapshot(reply))
        return s.apply(.streamEnded)
    }

    static let rateLimited = SessionSnapshot(state: .failed(StreamFailure(.httpStatus, "HTTP 429 Too Many Requests")),
                                             response: ResponseHead(status: 429))

    @Test("a tool round: typed, @file and command results, a failed command reviewed, then the follow-up goes out by itself")
    func toolRound() throws {
        var s = state()
        let reply = try FixtureScreenTests.snapshot("openai-tool-parallel")
        #expect(turn("weather in Tokyo and Paris, and the time?", reply: reply, into: &s) == [])
        #expect(s.live == nil, "the finished reply lives in the conversation")
        let calls = s.conversation.lastReplyToolCalls
        #expect(calls.count == 3)
        #expect(s.askedToolCall?.call == calls[0])
        #expect(s.askedToolCall?.position == 1 && s.askedToolCall?.count == 3)
        #expect(s.focus == .prompt)

        type("rain", into: &s)
        #expect(enter(&s) == [])
        #expect(s.askedToolCall?.call == calls[1])

        type("@/tmp/paris.json", into: &s)
        #expect(enter(&s) == [.readToolResultFile(callID: calls[1].id, path: "/tmp/paris.json")])
        #expect(s.askedToolCall?.call == calls[1], "still asked until the file's text arrives")
        #expect(s.apply(.toolOutput(callID: calls[1].id, content: #"{"sky":"clear"}"#, isError: false)) == [])
        #expect(s.askedToolCall?.call == calls[2])

        // No command for the tool: Ctrl-T explains; with one, Ctrl-T runs it.
        #expect(s.handle(.ctrl("t"), live: s.shown) == [])
        #expect(s.message?.contains("No command") == true)
        let command = ToolCommand.shell("date +%H:%M")
        s.toolCommands["get_time"] = command
        #expect(s.handle(.ctrl("t"), live: s.shown) == [.runToolCommand(call: calls[2], command: command)])
        #expect(s.runningToolCall == calls[2].id)
        #expect(s.handle(.ctrl("t"), live: s.shown) == [], "not twice at once")

        // The command failed: the output waits in the editor, and goes out as an error result.
        #expect(s.apply(.toolOutput(callID: calls[2].id, content: "exit 1: date: bad format", isError: true)) == [])
        #expect(s.runningToolCall == nil)
        #expect(s.editor.text == "exit 1: date: bad format")
        #expect(s.conversation.pendingToolCalls == [calls[2]])
        _ = s.handle(.key(.backspace), live: s.shown)
        type("t", into: &s)
        #expect(enter(&s) == [.send])

        #expect(s.conversation.hasPendingTurn)
        #expect(s.conversation.turns.last?.prompt == nil, "the follow-up carries the results, no user message")
        let messages = s.conversation.messages()
        #expect(messages.map(\.role) == ["user", "assistant", "tool", "tool", "tool"])
        #expect(messages[2...].map(\.content) == ["rain", #"{"sky":"clear"}"#, "exit 1: date: bad format"])
        #expect(s.conversation.turns[0].attempt.result(for: calls[2].id)?.isError == true)
        #expect(s.askedToolCall == nil)
    }

    @Test("a command with confirm = false runs as soon as its call is asked for; its output is sent unreviewed")
    func unconfirmedCommand() throws {
        var s = state()
        let command = ToolCommand(argv: ["python3", "weather.py"], confirm: false)
        s.toolCommands["get_weather"] = command
        let reply = try FixtureScreenTests.snapshot("openai-tool-single")
        let call = try #require(reply.choices.first?.toolCalls.first).id
        let effects = turn("weather?", reply: reply, into: &s)
        #expect(effects.count == 1)
        guard case .runToolCommand(let asked, let ran)? = effects.first else {
            Issue.record("expected the command to run, got \(effects)")
            return
        }
        #expect(asked.id == call && ran == command)
        #expect(s.apply(.toolOutput(callID: call ?? "", content: "sunny", isError: false)) == [.send])
        #expect(s.conversation.messages().last == ChatMessage(role: "tool", content: "sunny", toolCallID: call))
    }

    @Test("Esc stops a running tool command; its late output is dropped and the result is asked for again")
    func stopToolCommand() throws {
        var s = state()
        s.toolCommands["get_weather"] = .shell("sleep 60")
        _ = turn("weather?", reply: try FixtureScreenTests.snapshot("openai-tool-single"), into: &s)
        let call = try #require(s.askedToolCall?.call)
        #expect(s.handle(.ctrl("t"), live: s.shown).count == 1)
        #expect(s.handle(.key(.escape), live: s.shown) == [.cancelToolCommand])
        #expect(s.runningToolCall == nil)
        #expect(s.apply(.toolOutput(callID: call.id, content: "cancelled", isError: true)) == [])
        #expect(s.editor.isEmpty && s.toolErrorDraft == nil)
        #expect(s.askedToolCall?.call == call)
        #expect(s.handle(.ctrl("t"), live: s.shown).count == 1, "it can run again")
    }

    @Test("the round trip is linted against the tools the request declared: the card and the prompt say so")
    func roundTripLint() throws {
        var s = state()
        var reply = try FixtureScreenTests.snapshot("openai-tool-single")
        let name = try #require(reply.choices.first?.toolCalls.first?.name)
        reply.request = RequestSummary(url: "http://127.0.0.1:1/v1/chat/completions", body:
            #"{"model":"m","messages":[],"tools":[{"type":"function","function":{"name":"get_time","parameters":{"type":"object"}}}]}"#)
        _ = turn("weather?", reply: reply, into: &s)
        #expect(s.toolFindings.map(\.diagnostic.code) == [LintCode.undeclaredToolCalled.rawValue])
        #expect(s.message?.hasPrefix(LintCode.undeclaredToolCalled.rawValue) == true)
        let text = ScreenRenderer().render(state: s, live: nil).grid.textRows.joined(separator: "\n")
        #expect(text.contains("⚠ \(LintCode.undeclaredToolCalled.rawValue)"))
        #expect(text.contains(name))
        // Declared: no finding.
        var clean = state()
        reply.request?.body = #"{"tools":[{"type":"function","function":{"name":"\#(name)"}}]}"#
        _ = turn("weather?", reply: reply, into: &clean)
        #expect(clean.toolFindings.isEmpty)
        // No request known (nothing to check against): no finding.
        var unknown = state()
        reply.request = nil
        _ = turn("weather?", reply: reply, into: &unknown)
        #expect(unknown.toolFindings.isEmpty)
        #expect(unknown.message?.hasPrefix("Result 1 of 1") == true)
    }

    @Test("output for a call that is not the one asked for is ignored")
    func staleToolOutput() throws {
        var s = state()
        _ = turn("weather?", reply: try FixtureScreenTests.snapshot("openai-tool-parallel"), into: &s)
        #expect(s.apply(.toolOutput(callID: "call_other", content: "x", isError: false)) == [])
        #expect(s.conversation.pendingToolCalls.count == 3)
    }

    @Test("a failed turn blocks a new prompt until it is retried in place, edited or deleted")
    func failedTurn() throws {
        var s = state()
        _ = turn("first", reply: Fixtures.textReply, into: &s)
        _ = turn("second", reply: Self.rateLimited, into: &s)
        type("third", into: &s)
        #expect(enter(&s) == [], "a new prompt would leave the failed one unanswered")
        #expect(s.message?.contains("Ctrl-R") == true)
        #expect(s.editor.text == "third", "the draft is kept")
        let screen = ScreenRenderer().render(state: s, live: nil).grid.textRows.joined(separator: "\n")
        #expect(screen.contains("↻ Ctrl-R retries it, Alt-e edits it, Ctrl-X deletes it"), "the transcript says what the failed turn offers")

        // Retry in place: the same turn gets a second attempt, the prompt is sent once.
        #expect(s.handle(.ctrl("r"), live: s.shown) == [.send])
        #expect(s.conversation.turns.count == 2 && s.conversation.turns[1].attempts.count == 2)
        #expect(s.conversation.messages().map(\.role) == ["user", "assistant", "user"])
        _ = s.apply(.snapshot(Self.rateLimited))
        _ = s.apply(.streamEnded)

        // Edit: the prompt goes back in the editor, the turn leaves the conversation.
        _ = s.handle(.ctrl("u"), live: s.shown)
        _ = s.handle(.key(.char("e"), .alt), live: s.shown)
        #expect(s.editor.text == "second")
        #expect(s.conversation.turns.count == 1)
        type(" again", into: &s)
        #expect(enter(&s) == [.send])
        #expect(s.conversation.messages().last == ChatMessage(role: "user", content: "second again"))
        _ = s.apply(.snapshot(Self.rateLimited))
        _ = s.apply(.streamEnded)

        // Delete.
        _ = s.handle(.ctrl("x"), live: s.shown)
        #expect(s.conversation.turns.map(\.prompt) == ["first"])
        type("third", into: &s)
        #expect(enter(&s) == [.send])
        #expect(s.conversation.messages().map(\.role) == ["user", "assistant", "user"])
        // Nothing failed: the keys say so and change nothing.
        _ = s.apply(.snapshot(Fixtures.textReply))
        _ = s.apply(.streamEnded)
        #expect(s.handle(.ctrl("x"), live: s.shown) == [])
        #expect(s.conversation.turns.count == 2)
        #expect(s.message?.contains("did not fail") == true)
    }

    @Test("a request that cannot be sent closes its turn as failed; snapshots after the end are ignored")
    func sendFailed() {
        var s = state()
        type("hi", into: &s)
        _ = enter(&s)
        _ = s.apply(.sendFailed("replay is read-only"))
        #expect(!s.conversation.hasPendingTurn)
        #expect(s.conversation.lastTurnIsUnanswered)
        _ = s.apply(.snapshot(Fixtures.textReply))
        #expect(s.live == nil)
        guard case .failed(let failure)? = s.shown?.state else {
            Issue.record("the turn is not failed")
            return
        }
        #expect(failure.message == "replay is read-only")
    }

    @Test("a stream that ends before any snapshot does not leave the turn pending")
    func endWithoutSnapshot() {
        var s = state()
        type("hi", into: &s)
        _ = enter(&s)
        _ = s.apply(.streamEnded)
        #expect(!s.conversation.hasPendingTurn)
        #expect(s.conversation.lastTurnIsUnanswered)
    }

    @Test("with n > 1, c picks the choice that continues and the transcript says which")
    func choicePick() throws {
        var s = state()
        let reply = try FixtureScreenTests.snapshot("openai-n2-interleaved")
        _ = turn("two ways", reply: reply, into: &s)
        #expect(s.conversation.messages().last?.content == reply.choices[0].content)
        _ = s.handle(.key(.escape), live: s.shown)
        _ = s.handle(.char("c"), live: s.shown)
        #expect(s.conversation.turns.last?.attempt.choice == 1)
        #expect(s.conversation.messages().last?.content == reply.choices[1].content)
        let grid = ScreenRenderer().render(state: s, live: nil).grid
        let text = grid.textRows.joined(separator: "\n")
        #expect(text.contains("choice 1 ── ▶ continues"))
        #expect(!text.contains("choice 0 ── ▶ continues"))
    }

    @Test("the prompt box and the cards show the tool round")
    func toolRoundOnScreen() throws {
        var s = state()
        s.toolCommands["get_weather"] = .shell("python3 weather.py")
        let reply = try FixtureScreenTests.snapshot("openai-tool-parallel")
        _ = turn("weather?", reply: reply, into: &s)
        type("rain", into: &s)
        _ = enter(&s)
        s.zoomed = nil
        let text = ScreenRenderer().render(state: s, live: nil).grid.textRows.joined(separator: "\n")
        #expect(text.contains("Tool result 2/3 · get_weather"))
        #expect(text.contains("↳ result: rain"))
        #expect(text.contains("waiting for its result"))
        #expect(text.contains("↳ get_weather → rain"), "the transcript lists the result under the reply")
    }
}

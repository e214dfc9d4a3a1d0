// The conversation half of the reducer: sending, the app's events (snapshots, stream ends, send
// failures, tool outputs), the tool loop in the prompt area, and what a failed turn offers
// (retry in place, edit, delete). Pure like the rest: effects ask the app for the I/O.

import ChunkScopeCore
import Foundation

extension DashboardState {
    /// Applies an event from the app loop; returns the effects it calls for.
    public mutating func apply(_ event: AppEvent) -> [Effect] {
        switch event {
        case .preparedStreamOpened(let prompt, let model):
            conversation.begin(prompt: prompt, model: model)
            live = nil
        case .snapshot(let snapshot):
            guard conversation.hasPendingTurn else { return [] }
            live = snapshot
        case .streamEnded:
            guard conversation.hasPendingTurn else { return [] }
            conversation.complete(with: Exchange(snapshot: live ?? SessionSnapshot(
                state: .failed(StreamFailure(.transport, "the stream ended before anything arrived")))))
            live = nil
            toolFindings = DashboardState.roundTripFindings(conversation)
            return toolLoopStep()
        case .sendFailed(let reason):
            conversation.complete(with: SessionSnapshot(state: .failed(StreamFailure(.badInput, reason))))
            live = nil
        case .toolOutput(let callID, let content, let isError):
            if runningToolCall == callID { runningToolCall = nil }
            // The output of a command the user stopped, or of a call already answered, is dropped.
            if cancelledToolCall == callID { cancelledToolCall = nil; return [] }
            guard conversation.pendingToolCalls.first?.id == callID else { return [] }
            if isError {
                // A failure is shown, and sent only as the user leaves it (or edits it).
                editor.replaceText(content)
                toolErrorDraft = callID
                focus = .prompt
                message = "The tool failed — edit the result if you like, Enter sends it as an error"
                return []
            }
            conversation.addToolResult(ToolResult(toolCallID: callID, content: content))
            return toolLoopStep()
        case .notice(let text):
            message = text
        }
        return []
    }

    /// The round-trip lint of the last reply's tool calls (undeclared tool, arguments against the
    /// schema, a loop) against the `tools` its request declared. None when the request is not
    /// known (nothing to check against).
    static func roundTripFindings(_ conversation: Conversation) -> [ToolRoundTripFinding] {
        guard let last = conversation.turns.last, !last.attempt.toolCalls.isEmpty,
              let body = last.attempt.exchange?.request?.body,
              let request = try? JSONParser.parse(body) else { return [] }
        let declared = request["tools"]
        let rounds = conversation.toolCallRounds
        return ToolRoundTripLinter.lint(declaredTools: declared, rounds: rounds).filter { $0.round == rounds.count - 1 }
    }

    /// The tool call the prompt area is asking a result for: the last reply's first unanswered call.
    public var askedToolCall: (call: ToolCallRecord, position: Int, count: Int)? {
        guard !conversation.hasPendingTurn, let call = conversation.pendingToolCalls.first else { return nil }
        let all = conversation.lastReplyToolCalls
        return (call, (all.firstIndex(of: call) ?? 0) + 1, all.count)
    }

    /// Enter in the editor: a tool result while one is asked for, else a new user turn.
    mutating func send(streaming: Bool) -> [Effect] {
        let text = editor.text
        guard !text.allSatisfy({ $0 == " " || $0 == "\n" }) else { return [] }
        if streaming || conversation.hasPendingTurn {
            message = "A reply is still streaming — Esc stops it"
            return []
        }
        if let asked = askedToolCall {
            return giveToolResult(editor.take(), for: asked.call)
        }
        if conversation.lastTurnIsUnanswered {
            message = "The last turn got no reply — " + failedTurnHint
            return []
        }
        let prompt = editor.take()
        conversation.begin(prompt: prompt, model: session.model)
        return startRequest()
    }

    /// Ctrl-R: sends the last turn again as a new attempt (the failed one is kept).
    mutating func retryTurn(streaming: Bool) -> [Effect] {
        guard !streaming, lastTurnFailed else {
            message = streaming ? "A reply is still streaming — Esc stops it" : "Nothing to retry — the last turn did not fail"
            return []
        }
        conversation.retryLast(model: session.model)
        return startRequest()
    }

    /// Alt-e: takes the failed turn out and puts its prompt back in the editor (a failed tool
    /// follow-up: its results are asked for again).
    mutating func editTurn(streaming: Bool) {
        guard !streaming, lastTurnFailed, let removed = conversation.removeLast() else {
            message = "Nothing to edit — the last turn did not fail"
            return
        }
        toolFindings = DashboardState.roundTripFindings(conversation)
        if let prompt = removed.prompt { editor.replaceText(prompt) }
        focus = .prompt
        message = removed.prompt == nil ? "Tool results cleared — give them again" : "Edit the prompt, Enter sends it"
    }

    /// Ctrl-X: deletes the failed turn.
    mutating func deleteTurn(streaming: Bool) {
        guard !streaming, lastTurnFailed, conversation.removeLast() != nil else {
            message = "Nothing to delete — the last turn did not fail"
            return
        }
        toolFindings = DashboardState.roundTripFindings(conversation)
        message = "Failed turn deleted"
    }

    /// Ctrl-T: runs the asked call's tool command (pressing it is the confirmation).
    mutating func runToolCommand() -> [Effect] {
        guard let asked = askedToolCall else {
            message = "No tool result is asked for"
            return []
        }
        guard let command = toolCommands[asked.call.name] else {
            message = "No command for “\(Sanitizer.plain(asked.call.name))” — type the result, or @path to read a file"
            return []
        }
        return startToolCommand(asked.call, command)
    }

    /// `c`: the next choice of the last reply continues the conversation (n > 1).
    mutating func nextChoice(streaming: Bool) {
        guard !streaming, let turn = conversation.turns.last, let choices = turn.reply?.choices, choices.count > 1 else {
            message = "The last reply has one choice"
            return
        }
        let current = choices.firstIndex { $0.index == turn.attempt.choice } ?? 0
        let next = choices[(current + 1) % choices.count].index
        conversation.choose(choice: next)
        toolErrorDraft = nil
        message = "Choice \(next) continues the conversation"
    }

    /// What a failed last turn offers, with the keys bound: `Ctrl-R retries it, Alt-e edits it, Ctrl-X deletes it`.
    public var failedTurnHint: String {
        "\(keymap.keys(for: .retryTurn)) retries it, \(keymap.keys(for: .editTurn)) edits it, \(keymap.keys(for: .deleteTurn)) deletes it"
    }

    /// True when the last turn's reply failed or was stopped (what retry, edit and delete act on).
    public var lastTurnFailed: Bool {
        switch conversation.turns.last?.reply?.state {
        case .failed?, .cancelled?: true
        default: false
        }
    }

    /// Stores a tool result given in the editor: `@path` asks the app to read the file.
    private mutating func giveToolResult(_ text: String, for call: ToolCallRecord) -> [Effect] {
        let isError = toolErrorDraft == call.id
        toolErrorDraft = nil
        // `@path` always names a file, even typed over a failure under review (failures start with `error:`).
        if text.hasPrefix("@") {
            let path = String(text.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty { return [.readToolResultFile(callID: call.id, path: path)] }
        }
        conversation.addToolResult(ToolResult(toolCallID: call.id, content: text, isError: isError))
        return toolLoopStep()
    }

    /// After a reply or a result: sends the follow-up once every call has a result, runs the next
    /// call's command at once when it needs no confirmation, else asks for the next result.
    private mutating func toolLoopStep() -> [Effect] {
        guard !conversation.hasPendingTurn, !conversation.lastReplyToolCalls.isEmpty else { return [] }
        guard let asked = askedToolCall else {
            conversation.beginFollowUp(model: session.model)
            return startRequest()
        }
        focus = .prompt
        if let command = toolCommands[asked.call.name], !command.confirm {
            return startToolCommand(asked.call, command)
        }
        if let finding = toolFindings.first {
            message = "\(finding.diagnostic.code) \(Sanitizer.plain(finding.diagnostic.message))"
            return []
        }
        let how = toolCommands[asked.call.name] == nil ? "type it or @path"
            : keymap.keys(for: .runToolCommand) + " runs its command, or type it"
        message = "Result \(asked.position) of \(asked.count) for \(Sanitizer.plain(asked.call.name)): \(how)"
        return []
    }

    private mutating func startToolCommand(_ call: ToolCallRecord, _ command: ToolCommand) -> [Effect] {
        guard runningToolCall == nil else {
            message = "A tool command is already running"
            return []
        }
        runningToolCall = call.id
        message = "Running \(Sanitizer.plain(call.name)): \(Sanitizer.plain(command.displayText))…"
        return [.runToolCommand(call: call, command: command)]
    }

    /// Resets the panes for a new request and asks the app to send it.
    private mutating func startRequest() -> [Effect] {
        live = nil
        toolFindings = []
        transcript.scroll = ScrollState(offset: 0, follow: true)
        toolCalls = ScrollState(offset: 0, follow: true)
        chunks.selected = nil
        chunks.expanded = false
        return [.send]
    }
}

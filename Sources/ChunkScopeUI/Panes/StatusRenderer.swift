// How it fits: the bottom line. Left: where requests go (profile · model) and the stream state
// (a finished stream without a usable reply is a `✗` with its reason, never a green `✓ done`);
// right: key hints for the focused context, or a one-line message from the reducer, or the
// search being typed. Hints are dropped from the end when the line is too narrow.

import ChunkScopeCore

/// Renders the status line.
public enum StatusRenderer {
    /// The stream-state badge: text and role.
    public static func badge(for snapshot: SessionSnapshot?) -> (text: String, role: StyleRole) {
        guard let snapshot else { return ("○ idle", .dim) }
        switch snapshot.state {
        case .idle: return ("○ idle", .dim)
        case .connecting: return ("◌ connecting", .warning)
        case .streaming: return ("● streaming", .good)
        case .finished:
            if let problem = snapshot.replyProblem { return ("✗ " + problem.title, .error) }
            return ("✓ done", .good)
        case .cancelled: return ("■ stopped", .warning)
        case .failed(let failure): return ("✗ " + failure.kind.rawValue, .error)
        }
    }

    /// What follows a `✗` badge: the transport failure's message, or why a finished stream gave no
    /// usable reply (an error payload's message, a discarded line, an empty body).
    static func failureReason(_ snapshot: SessionSnapshot?) -> String? {
        guard let snapshot else { return nil }
        if case .failed(let failure) = snapshot.state { return failure.message }
        return snapshot.replyProblem?.detail
    }

    /// The status-line variant of a badge role (same meaning, status-line background).
    static func onStatusLine(_ role: StyleRole) -> StyleRole {
        switch role {
        case .good: .statusGood
        case .warning: .statusWarning
        case .error: .statusError
        default: .status
        }
    }

    /// The hint pairs (key, what) for the current context.
    static func hints(_ state: DashboardState, streaming: Bool) -> [(String, String)] {
        if state.focus == .prompt {
            return [("Enter", "send"), ("Alt-Enter", "newline"), ("Tab", "focus"), (streaming ? "Esc" : "PgUp", streaming ? "stop" : "scroll"), ("F1", "keys"), ("Ctrl-C×2", "quit")]
        }
        var out: [(String, String)] = [("Tab", "focus"), ("z", "zoom")]
        if streaming { out.append(("Esc", "stop")) }
        if state.focus == .chunks {
            out += [("Enter", "open"), ("f", "filter"), ("/", "search"), ("l", "lint"), ("h", "headers")]
        } else {
            out.append(("/", "search"))
        }
        if state.focus == .transcript { out.append(("r", "reasoning")) }
        out += [("?", "keys"), ("q", "quit")]
        return out
    }

    /// Draws the status line into `rect` (one row).
    public static func render(state: DashboardState, live: SessionSnapshot?, into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(rect, with: Cell(role: .status))
        let maxX = rect.maxX
        var x = rect.x + 1
        if rect.width >= 60 {
            x = grid.write(state.session.profile, x: x, y: rect.y, maxX: maxX, role: .status, attributes: [.bold])
            x = grid.write(" · ", x: x, y: rect.y, maxX: maxX, role: .status)
        }
        x = grid.write(state.session.model, x: x, y: rect.y, maxX: maxX, role: .status)
        x = grid.write(" · ", x: x, y: rect.y, maxX: maxX, role: .status)
        let badge: (text: String, role: StyleRole) = live == nil && state.conversation.hasPendingTurn ? ("◌ sending", .warning) : badge(for: live)
        x = grid.write(badge.text, x: x, y: rect.y, maxX: maxX, role: StatusRenderer.onStatusLine(badge.role), attributes: [.bold])
        if state.message == nil, let reason = failureReason(live) {
            // Only what fits is laid out: a provider's message can be arbitrarily long.
            x = grid.write(": " + reason.prefix(max(0, maxX - x)), x: x, y: rect.y, maxX: maxX, role: .statusError)
        }
        x += 3
        guard x < maxX else { return }
        if let draft = state.chunks.searchDraft {
            x = grid.write("/", x: x, y: rect.y, maxX: maxX, role: .statusKey)
            x = grid.write(draft, x: x, y: rect.y, maxX: maxX, role: .status)
            x = grid.put(Cell(text: " ", role: .cursor), x: x, y: rect.y, maxX: maxX)
            grid.write("  Enter find · Esc cancel", x: x, y: rect.y, maxX: maxX, role: .status)
            return
        }
        if let message = state.message {
            grid.write(message, x: x, y: rect.y, maxX: maxX, role: .statusKey)
            return
        }
        for (i, (key, what)) in hints(state, streaming: DashboardState.isStreaming(live)).enumerated() {
            let needed = (i == 0 ? 0 : 3) + DisplayWidth.of(key) + 1 + DisplayWidth.of(what)
            if x + needed > maxX - 1 { break }
            if i > 0 { x = grid.write(" · ", x: x, y: rect.y, maxX: maxX, role: .status) }
            x = grid.write(key, x: x, y: rect.y, maxX: maxX, role: .statusKey)
            x = grid.write(" " + what, x: x, y: rect.y, maxX: maxX, role: .status)
        }
    }
}

// The reducer: KeyEvent → keymap → UIAction → new state + effects. Pure: the only inputs are the
// event, the state (including the last frame's measurements) and the live snapshot.

import ChunkScopeCore

extension DashboardState {
    /// Applies one input event; returns the effects the app must run (send, stop, quit).
    /// `live` is the snapshot the panes show (the running or last stream), if any.
    public mutating func handle(_ event: KeyEvent, live: SessionSnapshot?) -> [Effect] {
        switch event {
        case .resize(let newSize):
            size = newSize
            return []
        case .paste(let text):
            message = nil
            quitArmed = false
            if chunks.searchDraft != nil {
                chunks.searchDraft! += Sanitizer.plain(text)
            } else {
                focus = .prompt
                editor.insert(text)
            }
            return []
        case .mouse(let mouse):
            return handleMouse(mouse, live: live)
        case .key(let key, let modifiers):
            let chord = DashboardState.normalized(KeyChord(key, modifiers))
            message = nil
            if chord != KeyChord(.char("c"), .ctrl) { quitArmed = false }
            return handleKey(chord, live: live)
        }
    }

    /// Performs an action directly (also used by tests and by the app for menu-less commands).
    public mutating func perform(_ action: UIAction, live: SessionSnapshot?) -> [Effect] {
        // A sent turn without a snapshot yet is a stream starting (the request is in flight).
        let streaming = DashboardState.isStreaming(live) || conversation.hasPendingTurn
        switch action {
        case .quit:
            return [.quit]
        case .interrupt:
            if quitArmed { return [.quit] }
            quitArmed = true
            message = "Press Ctrl-C again to quit"
            return streaming ? [.stopStream] : []
        case .stopStream:
            if showHelp { showHelp = false; return [] }
            if streaming { message = "Stopped — what arrived is kept"; return [.stopStream] }
            if runningToolCall != nil {
                cancelledToolCall = runningToolCall
                runningToolCall = nil
                message = "Tool command stopped — type the result instead"
                return [.cancelToolCommand]
            }
            if zoomed != nil { zoomed = nil; return [] }
            if chunks.expanded, focus == .chunks { chunks.expanded = false; return [] }
            if !chunks.search.isEmpty, focus == .chunks { chunks.search = ""; return [] }
            // Nothing left to stop or close: Esc leaves the editor, so pane keys (r, z, /…) work.
            if focus == .prompt { focus = .transcript }
            return []
        case .send:
            return send(streaming: streaming)
        case .retryTurn:
            return retryTurn(streaming: streaming)
        case .editTurn:
            editTurn(streaming: streaming)
        case .deleteTurn:
            deleteTurn(streaming: streaming)
        case .runToolCommand:
            return runToolCommand()
        case .nextChoice:
            nextChoice(streaming: streaming)
        case .toggleHelp:
            showHelp.toggle()
            helpOffset = 0
        case .focusNext, .focusPrevious:
            let order = PaneID.focusOrder
            let i = order.firstIndex(of: focus) ?? 0
            let step = action == .focusNext ? 1 : order.count - 1
            focus = order[(i + step) % order.count]
            if zoomed != nil, focus != .prompt { zoomed = focus }
        case .focusPrompt:
            focus = .prompt
        case .toggleZoom:
            if zoomed != nil { zoomed = nil } else if focus != .prompt { zoomed = focus }
        case .scrollUp: scroll(focusedScrollTarget, by: -1, live: live)
        case .scrollDown: scroll(focusedScrollTarget, by: 1, live: live)
        case .pageUp, .pageDown:
            let sign = action == .pageUp ? -1 : 1
            if focusedScrollTarget == .chunks, chunks.expanded, chunks.selected != nil, frame.chunkDetailHeight > 0 {
                scrollDetail(by: sign * max(1, frame.chunkDetailHeight - 1)) // PgUp/PgDn page the open JSON
            } else {
                scroll(focusedScrollTarget, by: sign * pageSize(focusedScrollTarget), live: live)
            }
        case .scrollTop: scrollToTop(focusedScrollTarget, live: live)
        case .scrollBottom: scrollToBottom(focusedScrollTarget, live: live)
        case .toggleReasoning:
            transcript.reasoningOpen.toggle()
        case .toggleExpand:
            toggleExpand(live: live)
        case .cycleFilter:
            let kinds: [InspectorEvent.Kind?] = [nil] + InspectorEvent.Kind.allCases.map { $0 }
            let i = kinds.firstIndex(of: chunks.filter) ?? 0
            chunks.filter = kinds[(i + 1) % kinds.count]
            chunks.selected = nil
            message = "Filter: " + (chunks.filter?.rawValue ?? "all kinds")
        case .startSearch:
            focus = .chunks
            chunks.showHeaders = false
            chunks.searchDraft = ""
        case .nextMatch: findMatch(forward: true, live: live)
        case .previousMatch: findMatch(forward: false, live: live)
        case .nextLint: nextLint(live: live)
        case .toggleHeaders:
            chunks.showHeaders.toggle()
            chunks.headersOffset = 0
        case .insertNewline: editor.insertNewline()
        case .cursorLeft: editor.moveLeft()
        case .cursorRight: editor.moveRight()
        case .cursorUp: if !editor.moveUp() { editor.historyPrevious() }
        case .cursorDown: if !editor.moveDown() { editor.historyNext() }
        case .cursorLineStart: editor.moveToLineStart()
        case .cursorLineEnd: editor.moveToLineEnd()
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .deleteToLineStart: editor.deleteToLineStart()
        case .deleteToLineEnd: editor.deleteToLineEnd()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .historyPrevious: editor.historyPrevious()
        case .historyNext: editor.historyNext()
        }
        return []
    }

    /// Shift is part of a printable character (`G`, `?`), and Shift-Tab is BackTab, whichever way
    /// the backend reports them.
    static func normalized(_ chord: KeyChord) -> KeyChord {
        var chord = chord
        if case .char = chord.key, chord.modifiers.contains(.shift) { chord.modifiers.remove(.shift) }
        if chord.key == .tab, chord.modifiers.contains(.shift) { chord = KeyChord(.backTab, chord.modifiers.subtracting(.shift)) }
        return chord
    }

    /// Whether a snapshot is a stream still in progress.
    public static func isStreaming(_ snapshot: SessionSnapshot?) -> Bool {
        guard let snapshot else { return false }
        return snapshot.state == .connecting || snapshot.state == .streaming
    }

    // MARK: - Keys

    private mutating func handleKey(_ chord: KeyChord, live: SessionSnapshot?) -> [Effect] {
        if showHelp {
            defer { helpOffset = min(helpOffset, max(0, (frame.contentHeights[.help] ?? 0) - (frame.viewportHeights[.help] ?? 0))) }
            switch chord.key {
            case .escape, .char("?"), .char("q"), .function(1): showHelp = false
            case .down, .char("j"): helpOffset += 1
            case .up, .char("k"): helpOffset = max(0, helpOffset - 1)
            case .pageDown, .char(" "): helpOffset += max(1, (frame.rects[.help]?.height ?? 10) - 3)
            case .pageUp: helpOffset = max(0, helpOffset - max(1, (frame.rects[.help]?.height ?? 10) - 3))
            case .home, .char("g"): helpOffset = 0
            case .char("c") where chord.modifiers == .ctrl: return perform(.interrupt, live: live)
            default: break
            }
            return []
        }
        if chunks.searchDraft != nil {
            return handleSearchKey(chord, live: live)
        }
        if let action = keymap.action(for: chord, focus: focus) {
            return perform(action, live: live)
        }
        if case .char(let c) = chord.key, chord.modifiers.isEmpty {
            if focus == .prompt {
                editor.insert(String(c))
            } else {
                message = "“\(c)” is not a key here — press i to type a prompt, ? for keys"
            }
        }
        return []
    }

    private mutating func handleSearchKey(_ chord: KeyChord, live: SessionSnapshot?) -> [Effect] {
        switch (chord.key, chord.modifiers) {
        case (.escape, _):
            chunks.searchDraft = nil
        case (.enter, _):
            chunks.search = chunks.searchDraft ?? ""
            chunks.searchDraft = nil
            if !chunks.search.isEmpty { findMatch(forward: true, live: live, includeCurrent: true) }
        case (.backspace, _):
            if chunks.searchDraft!.isEmpty { chunks.searchDraft = nil } else { chunks.searchDraft!.removeLast() }
        case (.char("u"), .ctrl):
            chunks.searchDraft = ""
        case (.char("c"), .ctrl):
            chunks.searchDraft = nil
        case (.char(let c), let m) where m.isSubset(of: [.shift]):
            chunks.searchDraft!.append(c)
        default:
            break
        }
        return []
    }

    // MARK: - Mouse

    private mutating func handleMouse(_ mouse: MouseEvent, live: SessionSnapshot?) -> [Effect] {
        let rects = frame.rects.isEmpty ? Layout.compute(size: size, options: layoutOptions) : frame.rects
        if showHelp {
            if case .press = mouse.kind, Layout.pane(at: mouse.x, mouse.y, in: rects) != .help { showHelp = false }
            if case .wheelDown = mouse.kind {
                helpOffset = min(helpOffset + 3, max(0, (frame.contentHeights[.help] ?? 0) - (frame.viewportHeights[.help] ?? 0)))
            }
            if case .wheelUp = mouse.kind { helpOffset = max(0, helpOffset - 3) }
            return []
        }
        guard let pane = Layout.pane(at: mouse.x, mouse.y, in: rects) else { return [] }
        switch mouse.kind {
        case .press(let button) where button == 1:
            message = nil
            if pane == .tabs {
                if let tab = TabStripRenderer.tab(atColumn: mouse.x - (rects[.tabs]?.x ?? 0)) { focus = tab }
                return []
            }
            focus = pane
            if pane == .chunks, !chunks.showHeaders {
                let row = mouse.y - frame.chunkTableY
                if row >= 0, row < frame.chunkRows.count {
                    if chunks.selected == frame.chunkRows[row] {
                        chunks.expanded.toggle()
                    } else {
                        chunks.selected = frame.chunkRows[row]
                        chunks.detailOffset = 0
                    }
                }
            }
        case .wheelUp, .wheelDown:
            let delta = mouse.kind == .wheelUp ? -3 : 3
            if pane == .chunks, frame.chunkDetailHeight > 0, mouse.y >= frame.chunkDetailY {
                scrollDetail(by: delta) // the wheel over the open JSON scrolls it
            } else {
                scroll(pane == .tabs ? .transcript : pane, by: delta, live: live)
            }
        default:
            break
        }
        return []
    }

    // MARK: - Scrolling

    /// The pane that scroll keys move: the focused one, or the transcript from the editor.
    private var focusedScrollTarget: PaneID { focus == .prompt ? .transcript : focus }

    private func pageSize(_ pane: PaneID) -> Int {
        max(1, (frame.viewportHeights[pane] ?? 10) - 1)
    }

    private func maxOffset(_ pane: PaneID) -> Int {
        max(0, (frame.contentHeights[pane] ?? 0) - (frame.viewportHeights[pane] ?? 0))
    }

    private mutating func scroll(_ pane: PaneID, by delta: Int, live: SessionSnapshot?) {
        if pane == .chunks, chunks.showHeaders {
            chunks.headersOffset = min(maxOffset(.chunks), max(0, chunks.headersOffset + delta))
            return
        }
        if pane == .chunks {
            moveChunkSelection(by: delta, live: live)
            return
        }
        guard var state = scrollState(pane) else { return }
        let limit = maxOffset(pane)
        let current = frame.offsets[pane] ?? (state.follow ? limit : min(state.offset, limit))
        let target = max(0, current + delta)
        if target >= limit {
            state.offset = limit
            state.follow = DashboardState.followsAtEnd(pane, live: live)
        } else {
            state.offset = target
            state.follow = false
        }
        setScrollState(pane, state)
    }

    private mutating func scrollToTop(_ pane: PaneID, live: SessionSnapshot?) {
        if pane == .chunks {
            if let events = live?.events {
                chunks.selected = scan(events, from: 0, forward: true, matchesFilter)
            }
            chunks.detailOffset = 0
            return
        }
        setScrollState(pane, ScrollState(offset: 0, follow: false))
    }

    private mutating func scrollToBottom(_ pane: PaneID, live: SessionSnapshot?) {
        if pane == .chunks {
            chunks.selected = nil
            chunks.detailOffset = 0
            return
        }
        setScrollState(pane, ScrollState(offset: maxOffset(pane), follow: DashboardState.followsAtEnd(pane, live: live)))
    }

    /// Whether reaching the end of a pane means following new content: always in the transcript,
    /// in tool calls while they stream, never in usage.
    static func followsAtEnd(_ pane: PaneID, live: SessionSnapshot?) -> Bool {
        pane == .transcript || pane == .toolCalls && isStreaming(live)
    }

    // MARK: - Inspector

    private func matchesFilter(_ row: InspectorEvent) -> Bool {
        chunks.filter == nil || row.kind == chunks.filter
    }

    /// Scans the log from `start` in `direction` for the first row satisfying `test`
    /// (in batches, so a jump over a million rows stays quick).
    private func scan(_ events: InspectorEventLog.Slice, from start: Int, forward: Bool,
                      limit: Int = Int.max, _ test: (InspectorEvent) -> Bool) -> Int? {
        let batch = 2048
        var index = start
        var remaining = limit
        while index >= 0, index < events.count, remaining > 0 {
            let range = forward ? index..<min(events.count, index + batch) : max(0, index - batch + 1)..<(index + 1)
            let rows = events.rows(in: range)
            let ordered: [(Int, InspectorEvent)] = forward ? Array(zip(range, rows)) : Array(zip(range, rows).reversed())
            for (i, row) in ordered {
                if test(row) { return i }
                remaining -= 1
                if remaining == 0 { return nil }
            }
            index = forward ? range.upperBound : range.lowerBound - 1
        }
        return nil
    }

    private mutating func moveChunkSelection(by delta: Int, live: SessionSnapshot?) {
        let events = live?.events
        let count = events?.count ?? frame.chunkRows.last.map { $0 + 1 } ?? 0
        guard count > 0 else { return }
        let start = chunks.selected ?? (frame.chunkRows.last ?? count - 1)
        if chunks.selected == nil, delta < 0 {
            // Leaving follow mode: select the newest visible row first.
            chunks.selected = start
            if delta == -1 { return }
        }
        var target = chunks.selected ?? start
        if let events {
            var steps = abs(delta)
            while steps > 0 {
                guard let next = scan(events, from: target + (delta > 0 ? 1 : -1), forward: delta > 0, limit: 100_000, matchesFilter) else { break }
                target = next
                steps -= 1
            }
        } else {
            target = min(count - 1, max(0, target + delta))
        }
        chunks.selected = target
        chunks.detailOffset = 0
    }

    private mutating func scrollDetail(by delta: Int) {
        chunks.detailOffset = min(frame.chunkDetailMaxOffset, max(0, chunks.detailOffset + delta))
    }

    private mutating func toggleExpand(live: SessionSnapshot?) {
        guard let events = live?.events, events.count > 0 else { return }
        guard let selected = chunks.selected else {
            chunks.selected = frame.chunkRows.last ?? events.count - 1
            chunks.expanded = true
            return
        }
        let row = events[min(selected, events.count - 1)]
        if row.kind == .lint, row.sequence > 0,
           let target = scan(events, from: selected - 1, forward: false, { $0.sequence == row.sequence && $0.kind != .lint }) {
            // A lint row jumps to the event it concerns.
            if chunks.filter != nil, events[target].kind != chunks.filter { chunks.filter = nil }
            chunks.selected = target
            chunks.expanded = true
            message = "Event #\(row.sequence): \(Sanitizer.plain(row.summary))"
            return
        }
        chunks.expanded.toggle()
        chunks.detailOffset = 0
    }

    private mutating func nextLint(live: SessionSnapshot?) {
        guard let events = live?.events, events.count > 0 else { return }
        focus = .chunks
        chunks.showHeaders = false
        let from = (chunks.selected ?? -1) + 1
        let found = scan(events, from: from, forward: true, { $0.kind == .lint })
            ?? scan(events, from: 0, forward: true, limit: from, { $0.kind == .lint })
        guard let found else {
            message = "No lint findings"
            return
        }
        if chunks.filter != nil, chunks.filter != .lint { chunks.filter = nil }
        chunks.selected = found
        chunks.detailOffset = 0
    }

    private mutating func findMatch(forward: Bool, live: SessionSnapshot?, includeCurrent: Bool = false) {
        guard !chunks.search.isEmpty else {
            message = "No search — press / to search"
            return
        }
        guard let events = live?.events, events.count > 0 else { return }
        let search = TextSearch(chunks.search)
        let filter = chunks.filter
        // Data rows are searched in their raw JSON (their summary is derived from it, and deriving
        // it for every row would parse the whole log); other rows, and data rows whose raw text the
        // inspector budget released (their summary is stored), in their summary and text too.
        let matches: (InspectorEvent) -> Bool = { row in
            (filter == nil || row.kind == filter)
                && (search.matches(row.raw) || (row.kind != .data || row.rawDropped) && search.matches(row.summary))
        }
        let count = events.count
        let current = chunks.selected ?? (forward ? -1 : count)
        let start = includeCurrent && chunks.selected != nil ? current : (forward ? current + 1 : current - 1)
        var found: Int?
        if start >= 0, start < count { found = scan(events, from: start, forward: forward, matches) }
        if found == nil { found = scan(events, from: forward ? 0 : count - 1, forward: forward, matches) }
        guard let found else {
            message = "No match for “\(Sanitizer.plain(chunks.search))”"
            return
        }
        focus = .chunks
        chunks.selected = found
        chunks.detailOffset = 0
    }
}

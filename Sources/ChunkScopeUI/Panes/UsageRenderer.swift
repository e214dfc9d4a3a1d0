// How it fits: the usage meter. During a stream it shows live estimates (marked `~`); when the
// usage trailer arrives the figures become exact (`exact ✓`). Items flow into as many lines as
// the pane width needs, so the same renderer reads well at 120 and at 40 columns.

import ChunkScopeCore
import Foundation

/// Draws the Usage pane.
public enum UsageRenderer {
    /// Token figures read from a usage object (OpenAI, DeepSeek and compatible shapes).
    public struct Tokens: Sendable, Hashable {
        /// Prompt tokens, when known.
        public var prompt: Int?
        /// Completion tokens (exact or the live estimate).
        public var completion: Int?
        /// Total tokens, when known.
        public var total: Int?
        /// Cached prompt tokens, when the provider sent them.
        public var cached: Int?
        /// Reasoning tokens, when the provider sent them.
        public var reasoning: Int?
        /// True when the figures come from a usage object.
        public var exact: Bool
    }

    /// Reads the usage object (or the live estimate when there is none yet).
    public static func tokens(_ snapshot: SessionSnapshot) -> Tokens {
        if let usage = snapshot.usage, case .object = usage {
            let prompt = usage["prompt_tokens"]?.intValue
            let completion = usage["completion_tokens"]?.intValue
            let cached = usage["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? usage["prompt_cache_hit_tokens"]?.intValue
            let reasoning = usage["completion_tokens_details"]?["reasoning_tokens"]?.intValue
            let total = usage["total_tokens"]?.intValue ?? (prompt.flatMap { p in completion.map { p + $0 } })
            return Tokens(prompt: prompt, completion: completion, total: total, cached: cached, reasoning: reasoning, exact: true)
        }
        let completion = snapshot.metrics.completionTokens
        return Tokens(prompt: nil, completion: completion > 0 || DashboardState.isStreaming(snapshot) ? completion : nil,
                      total: nil, cached: nil, reasoning: nil, exact: false)
    }

    /// The items of the meter in display order: text pieces with roles, grouped per item.
    static func items(_ snapshot: SessionSnapshot, pricing: Prices?) -> [[(String, StyleRole)]] {
        var items: [[(String, StyleRole)]] = []
        let t = tokens(snapshot)
        let mark = t.exact ? "" : "~"
        func number(_ n: Int?) -> String { n.map { mark + TranscriptRenderer.grouped($0) } ?? "–" }
        items.append([("prompt ", .dim), (number(t.prompt), .text)])
        items.append([("completion ", .dim), (number(t.completion), .text)])
        items.append([("total ", .dim), (number(t.total), .text)])
        items.append(t.exact ? [("exact ✓", .good)] : [("~ estimate", .warning)])
        if let replaced = snapshot.replacedUsage {
            // Cloudflare Workers AI: real counts, then an all-zero usage object (last wins, CS504).
            var before = snapshot
            before.usage = replaced
            let real = tokens(before)
            items.append([("⚠ zeroed by a later usage", .warning)])
            items.append([("before: prompt ", .dim), (number(real.prompt), .text), (" · completion ", .dim),
                          (number(real.completion), .text), (" · total ", .dim), (number(real.total), .text)])
        }
        if let cached = t.cached { items.append([("cached ", .dim), (TranscriptRenderer.grouped(cached), .text)]) }
        if let reasoning = t.reasoning { items.append([("reasoning ", .dim), (TranscriptRenderer.grouped(reasoning), .text)]) }
        let m = snapshot.metrics
        items.append([("TTFT ", .dim), (m.timeToFirstContent.map(milliseconds) ?? m.timeToFirstChunk.map(milliseconds) ?? "–", .text)])
        if let now = m.tokensPerSecondNow, DashboardState.isStreaming(snapshot) {
            items.append([(rate(now), .text), (" tok/s now", .dim)])
        }
        if let average = m.tokensPerSecond { items.append([(rate(average), .text), (" tok/s avg", .dim)]) }
        if !m.rateHistory.isEmpty { items.append([(sparkline(m.rateHistory, width: 16), .sparkline)]) }
        items.append([(TranscriptRenderer.grouped(m.chunkCount), .text), (m.chunkCount == 1 ? " chunk" : " chunks", .dim)])
        items.append([(bytes(m.byteCount), .text)])
        items.append([(String(format: "%.2f s", Double(m.elapsed) / 1e9), .text)])
        if let reason = snapshot.choices.first?.finishReason {
            items.append([("finish ", .dim), (reason, reason == "stop" || reason == "tool_calls" ? .text : .warning)])
        }
        if let pricing, let cost = cost(t, pricing: pricing) {
            items.append([("cost ", .dim), ((t.exact ? "" : "~") + String(format: "$%.6f", cost), .text)])
        }
        if let p50 = m.gapP50, let p95 = m.gapP95, let gapMax = m.gapMax {
            items.append([("gaps ", .dim), (gap(p50), .text), (" p50 · ", .dim), (gap(p95), .text), (" p95 · ", .dim),
                          (gap(gapMax), gapMax > 2_000_000_000 ? .warning : .text), (" max", .dim)])
        }
        return items
    }

    /// The cost of a request, or nil when token counts are unknown.
    public static func cost(_ t: Tokens, pricing: Prices) -> Double? {
        guard t.prompt != nil || t.completion != nil else { return nil }
        return pricing.cost(promptTokens: t.prompt ?? 0, completionTokens: t.completion ?? 0,
                            cachedPromptTokens: t.cached ?? 0)
    }

    /// Lines of the meter at a width: items joined with ` · `, wrapped between items.
    public static func lines(_ snapshot: SessionSnapshot?, pricing: Prices?, width: Int) -> [StyledLine] {
        guard let snapshot else { return [StyledLine("No request yet", role: .dim, attributes: [.italic])] }
        var out: [StyledLine] = []
        var line = StyledLine()
        for item in items(snapshot, pricing: pricing) {
            var piece = StyledLine()
            for (text, role) in item { piece.append(text, role: role) }
            let separator = line.cells.isEmpty ? 0 : 3
            if line.width + separator + piece.width > width, !line.cells.isEmpty {
                out.append(line)
                line = StyledLine()
            } else if separator > 0 {
                line.append(" · ", role: .dim)
            }
            line.cells += piece.cells
        }
        if !line.cells.isEmpty { out.append(line) }
        return out
    }

    /// Draws the pane.
    @discardableResult
    public static func render(_ snapshot: SessionSnapshot?, pricing: Prices?, scroll: ScrollState, focused: Bool,
                              into grid: inout Grid, in rect: Rect) -> TranscriptRenderer.Measure {
        let all = lines(snapshot, pricing: pricing, width: max(8, rect.width - 3))
        let viewport = max(0, rect.height - 2)
        let maxOffset = max(0, all.count - viewport)
        let offset = min(scroll.offset, maxOffset)
        let exact = snapshot.map { tokens($0).exact } ?? false
        let inner = PaneChrome.drawBox(into: &grid, rect: rect, title: "Usage", details: snapshot == nil ? "" : (exact ? "exact" : (DashboardState.isStreaming(snapshot) ? "live" : "estimated")),
                                       focused: focused,
                                       bottomLabel: offset < maxOffset ? ("↓ more", .accent) : nil)
        grid.fill(inner)
        for (i, line) in all.dropFirst(offset).prefix(viewport).enumerated() {
            grid.draw(line, x: inner.x + 1, y: inner.y + i, width: inner.width - 1)
        }
        return TranscriptRenderer.Measure(contentHeight: all.count, viewportHeight: viewport, offset: offset)
    }

    /// `▁▂▅▇` of the last `width` samples, scaled to the largest.
    public static func sparkline(_ samples: [Double], width: Int) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let shown = samples.suffix(width).map { $0.isFinite ? max(0, $0) : 0 }
        let peak = shown.max() ?? 0
        guard peak > 0 else { return String(repeating: "▁", count: shown.count) }
        return String(shown.map { bars[min(7, max(0, Int(($0 / peak) * 7.0 + 0.5)))] })
    }

    /// `412 ms`, `1.29 s`.
    static func milliseconds(_ nanos: UInt64) -> String {
        nanos < 10_000_000_000 ? "\(nanos / 1_000_000) ms" : String(format: "%.1f s", Double(nanos) / 1e9)
    }

    /// An inter-chunk gap: `3 ms`, `0.4 ms`, `2.1 s`.
    static func gap(_ nanos: UInt64) -> String {
        if nanos >= 1_000_000_000 { return String(format: "%.1f s", Double(nanos) / 1e9) }
        if nanos >= 10_000_000 { return "\(nanos / 1_000_000) ms" }
        return String(format: "%.1f ms", Double(nanos) / 1e6)
    }

    static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        return value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// `58 B`, `7.7 KB`, `1.2 MB`.
    public static func bytes(_ n: Int) -> String {
        if n < 1000 { return "\(n) B" }
        if n < 1_000_000 { return String(format: "%.1f KB", Double(n) / 1000) }
        return String(format: "%.1f MB", Double(n) / 1_000_000)
    }
}

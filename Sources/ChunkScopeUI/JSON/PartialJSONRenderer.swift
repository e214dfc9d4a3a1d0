// How it fits: the tool-call cards draw the arguments from core's incremental PartialJSONTree
// (ToolCallState.partial), the same indented layout as JSONPrettyPrinter: open containers stay
// open, an unfinished string ends in `…`. Strings are decoded in the tree, so they are re-escaped
// here for display (quotes, backslashes, control characters), then sanitised like all network text.

import ChunkScopeCore

/// Renders a partial JSON tree as indented, coloured rows.
public enum PartialJSONRenderer {
    /// Rows for `tree` at `width` columns; nil when the tree has no value yet.
    public static func lines(_ tree: PartialJSONTree, width: Int, indentWidth: Int = 2) -> [StyledLine]? {
        lines(tree, width: width, indentWidth: indentWidth, strings: nil)
    }

    /// Rows for `tree`, wrapping long strings through `strings` (incrementally while they grow).
    static func lines(_ tree: PartialJSONTree, width: Int, indentWidth: Int = 2, strings: LongStringCache?) -> [StyledLine]? {
        guard let root = tree.root else { return nil }
        var out: [StyledLine] = []
        emit(root, path: "", depth: 0, prefix: [], suffix: [], width: max(8, width), indentWidth: indentWidth, strings: strings, into: &out)
        return out
    }

    private static func indent(_ depth: Int, _ indentWidth: Int, _ width: Int) -> [Cell] {
        Array(repeating: Cell(), count: min(depth * indentWidth, width / 2))
    }

    private static func punctuation(_ text: String) -> [Cell] {
        text.map { Cell(text: String($0), role: .jsonPunctuation) }
    }

    /// Emits `prefix + value + suffix` starting on a new row at `depth`.
    private static func emit(_ node: PartialJSONNode, path: String, depth: Int, prefix: [Cell], suffix: [Cell], width: Int,
                             indentWidth: Int, strings: LongStringCache?, into out: inout [StyledLine]) {
        let lead = indent(depth, indentWidth, width) + prefix
        switch node {
        case .object(let members, let closed):
            if members.isEmpty {
                out.append(StyledLine(cells: lead + punctuation(closed ? "{}" : "{") + (closed ? suffix : [])))
                return
            }
            out.append(StyledLine(cells: lead + punctuation("{")))
            for (i, member) in members.enumerated() {
                let more = i < members.count - 1
                var key = StyledLine.cells(quoted(member.key, complete: member.keyComplete), role: .jsonKey)
                if !member.keyComplete { key.append(Cell(text: "…", role: .dim)) }
                guard let value = member.value else {
                    out.append(StyledLine(cells: indent(depth + 1, indentWidth, width) + key + (member.keyComplete ? punctuation(":") : [])))
                    continue
                }
                emit(value, path: path + "." + member.key, depth: depth + 1, prefix: key + punctuation(":") + [Cell()],
                     suffix: more ? punctuation(",") : [], width: width, indentWidth: indentWidth, strings: strings, into: &out)
            }
            if closed { out.append(StyledLine(cells: indent(depth, indentWidth, width) + punctuation("}") + suffix)) }
        case .array(let elements, let closed):
            if elements.isEmpty {
                out.append(StyledLine(cells: lead + punctuation(closed ? "[]" : "[") + (closed ? suffix : [])))
                return
            }
            out.append(StyledLine(cells: lead + punctuation("[")))
            for (i, element) in elements.enumerated() {
                emit(element, path: path + "[\(i)]", depth: depth + 1, prefix: [], suffix: i < elements.count - 1 ? punctuation(",") : [],
                     width: width, indentWidth: indentWidth, strings: strings, into: &out)
            }
            if closed { out.append(StyledLine(cells: indent(depth, indentWidth, width) + punctuation("]") + suffix)) }
        case .string(let text, let complete):
            if text.utf8.count > GiantLine.threshold {
                out += giantString(text, complete: complete, lead: lead, hang: indent(depth + 1, indentWidth, width),
                                   suffix: suffix, width: width)
                return
            }
            if let strings, text.utf8.count >= LongStringCache.threshold {
                out += longString(text, complete: complete, path: path, lead: lead, hang: indent(depth + 1, indentWidth, width),
                                  suffix: suffix, width: width, cache: strings)
                return
            }
            var value = StyledLine.cells(quoted(text, complete: complete), role: .jsonString)
            if !complete { value.append(Cell(text: "…", role: .dim)) }
            let rows = TextWrapper.wrap(value + suffix, width: width, firstIndent: lead,
                                        continuationIndent: indent(depth + 1, indentWidth, width))
            out += rows.map { StyledLine(cells: $0) }
        case .number(let text, _):
            out.append(StyledLine(cells: lead + StyledLine.cells(text, role: .jsonNumber) + suffix))
        case .bool(let value):
            out.append(StyledLine(cells: lead + StyledLine.cells(value ? "true" : "false", role: .jsonLiteral) + suffix))
        case .null:
            out.append(StyledLine(cells: lead + StyledLine.cells("null", role: .jsonLiteral) + suffix))
        case .partialLiteral(let text):
            out.append(StyledLine(cells: lead + StyledLine.cells(text, role: .jsonLiteral) + [Cell(text: "…", role: .dim)]))
        }
    }

    /// Rows of a long string from the cache: a finished string seen before is reused as is; a
    /// growing one resumes its wrapper at an ASCII boundary well behind the end (escaping is per
    /// scalar, so pieces escape exactly like the whole).
    static func longString(_ text: String, complete: Bool, path: String, lead: [Cell], hang: [Cell], suffix: [Cell],
                           width: Int, cache: LongStringCache) -> [StyledLine] {
        var entry = cache.entries[path]
        if entry == nil || entry!.lead != lead || entry!.width != width {
            entry = LongStringCache.Entry(lead: lead, hang: hang, width: width)
            cache.entries[path] = entry
        }
        let e = entry!
        if complete, let done = e.done, done.suffix == suffix, done.text == text { return done.rows }
        let utf8 = text.utf8
        let prefixOK: Bool = {
            guard e.consumed > 0 else { return true }
            guard utf8.count >= e.consumed else { return false }
            let end = utf8.index(utf8.startIndex, offsetBy: e.consumed)
            return utf8[utf8.index(end, offsetBy: -e.fingerprint.count)..<end].elementsEqual(e.fingerprint)
        }()
        if !prefixOK {
            let fresh = LongStringCache.Entry(lead: lead, hang: hang, width: width)
            cache.entries[path] = fresh
            return longString(text, complete: complete, path: path, lead: lead, hang: hang, suffix: suffix, width: width, cache: cache)
        }
        let target = utf8.count - 256
        if target > e.consumed {
            var index = utf8.index(utf8.startIndex, offsetBy: target)
            let floor = utf8.index(utf8.startIndex, offsetBy: e.consumed)
            while index > floor, !(utf8[index] < 0x80 && utf8[utf8.index(before: index)] < 0x80) { index = utf8.index(before: index) }
            if index > floor {
                e.wrapper.append(contentsOf: StyledLine.cells(escaped(String(text[floor..<index])), role: .jsonString))
                e.consumed = utf8.distance(from: utf8.startIndex, to: index)
                e.fingerprint = Array(utf8[utf8.index(index, offsetBy: -min(e.consumed, 16))..<index])
            }
        }
        var wrapper = e.wrapper
        let rest = String(text[utf8.index(utf8.startIndex, offsetBy: e.consumed)...])
        wrapper.append(contentsOf: StyledLine.cells(escaped(rest), role: .jsonString))
        if complete {
            wrapper.append(Cell(text: "\"", role: .jsonString))
        } else {
            wrapper.append(Cell(text: "…", role: .dim))
        }
        wrapper.append(contentsOf: suffix)
        let rows = wrapper.finished().map { StyledLine(cells: $0) }
        if complete { e.done = (text, suffix, rows) }
        return rows
    }

    /// A string too long to lay out whole (a 10 MiB file's content): its first and last
    /// `GiantLine.shownBytes` around the marker row, so a frame costs the window, not the string.
    static func giantString(_ text: String, complete: Bool, lead: [Cell], hang: [Cell], suffix: [Cell], width: Int) -> [StyledLine] {
        let utf8 = text.utf8
        let head = text[..<utf8.index(utf8.startIndex, offsetBy: GiantLine.shownBytes)]
        let tail = text[utf8.index(utf8.endIndex, offsetBy: -GiantLine.shownBytes)...]
        var first = StyledLine.cells("\"" + escaped(String(head)), role: .jsonString)
        first.append(Cell(text: "…", role: .dim))
        var rows = TextWrapper.wrap(first, width: width, firstIndent: lead, continuationIndent: hang).map { StyledLine(cells: $0) }
        let marker = GiantLine.marker(hidden: utf8.distance(from: head.endIndex, to: tail.startIndex), total: utf8.count)
        rows.append(StyledLine(cells: hang + marker.cells))
        var last = [Cell(text: "…", role: .dim)] + StyledLine.cells(escaped(String(tail)), role: .jsonString)
        last.append(complete ? Cell(text: "\"", role: .jsonString) : Cell(text: "…", role: .dim))
        rows += TextWrapper.wrap(last + suffix, width: width, firstIndent: hang, continuationIndent: hang).map { StyledLine(cells: $0) }
        return rows
    }

    /// The JSON string literal for decoded text (closing quote only when complete).
    static func quoted(_ text: String, complete: Bool) -> String {
        "\"" + escaped(text) + (complete ? "\"" : "")
    }

    /// Decoded text escaped as inside a JSON string literal (core's writer, without the quotes).
    static func escaped(_ text: String) -> String {
        JSONValue.escapedStringContent(text)
    }
}

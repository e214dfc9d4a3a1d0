// How it fits: the tool-call cards draw the arguments from core's incremental PartialJSONTree
// (ToolCallState.partial), the same indented layout as JSONPrettyPrinter: open containers stay
// open, an unfinished string ends in `…`. Strings are decoded in the tree, so they are re-escaped
// here for display (quotes, backslashes, control characters), then sanitised like all network text.

import ChunkScopeCore

/// Renders a partial JSON tree as indented, coloured rows.
public enum PartialJSONRenderer {
    /// Rows for `tree` at `width` columns; nil when the tree has no value yet.
    public static func lines(_ tree: PartialJSONTree, width: Int, indentWidth: Int = 2) -> [StyledLine]? {
        lines(tree, width: width, indentWidth: indentWidth, growing: nil)
    }

    /// Rows for `tree`, wrapping a growing last string incrementally through `growing`.
    static func lines(_ tree: PartialJSONTree, width: Int, indentWidth: Int = 2, growing: GrowingStringCache?) -> [StyledLine]? {
        guard let root = tree.root else { return nil }
        var out: [StyledLine] = []
        emit(root, depth: 0, prefix: [], suffix: [], width: max(8, width), indentWidth: indentWidth, growing: growing, into: &out)
        return out
    }

    private static func indent(_ depth: Int, _ indentWidth: Int, _ width: Int) -> [Cell] {
        Array(repeating: Cell(), count: min(depth * indentWidth, width / 2))
    }

    private static func punctuation(_ text: String) -> [Cell] {
        text.map { Cell(text: String($0), role: .jsonPunctuation) }
    }

    /// Emits `prefix + value + suffix` starting on a new row at `depth`.
    private static func emit(_ node: PartialJSONNode, depth: Int, prefix: [Cell], suffix: [Cell], width: Int,
                             indentWidth: Int, growing: GrowingStringCache?, into out: inout [StyledLine]) {
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
                emit(value, depth: depth + 1, prefix: key + punctuation(":") + [Cell()], suffix: more ? punctuation(",") : [],
                     width: width, indentWidth: indentWidth, growing: more ? nil : growing, into: &out)
            }
            if closed { out.append(StyledLine(cells: indent(depth, indentWidth, width) + punctuation("}") + suffix)) }
        case .array(let elements, let closed):
            if elements.isEmpty {
                out.append(StyledLine(cells: lead + punctuation(closed ? "[]" : "[") + (closed ? suffix : [])))
                return
            }
            out.append(StyledLine(cells: lead + punctuation("[")))
            for (i, element) in elements.enumerated() {
                emit(element, depth: depth + 1, prefix: [], suffix: i < elements.count - 1 ? punctuation(",") : [],
                     width: width, indentWidth: indentWidth, growing: i < elements.count - 1 ? nil : growing, into: &out)
            }
            if closed { out.append(StyledLine(cells: indent(depth, indentWidth, width) + punctuation("]") + suffix)) }
        case .string(let text, let complete):
            if !complete, let growing, text.utf8.count >= GrowingStringCache.threshold {
                out += growingString(text, lead: lead, hang: indent(depth + 1, indentWidth, width), width: width, cache: growing)
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

    /// Rows of a long unfinished string, resuming the cached wrapper at an ASCII boundary well
    /// behind the end (escaping is per scalar, so pieces escape exactly like the whole).
    static func growingString(_ text: String, lead: [Cell], hang: [Cell], width: Int, cache: GrowingStringCache) -> [StyledLine] {
        let utf8 = text.utf8
        let fingerprintOK: Bool = {
            guard cache.consumed > 0, utf8.count >= cache.consumed else { return cache.consumed == 0 }
            let end = utf8.index(utf8.startIndex, offsetBy: cache.consumed)
            return utf8[utf8.index(end, offsetBy: -cache.fingerprint.count)..<end].elementsEqual(cache.fingerprint)
        }()
        if cache.wrapper == nil || cache.lead != lead || cache.width != width || !fingerprintOK {
            var wrapper = TextWrapper(width: width, firstIndent: lead, continuationIndent: hang)
            wrapper.append(Cell(text: "\"", role: .jsonString))
            cache.wrapper = wrapper
            cache.lead = lead
            cache.width = width
            cache.consumed = 0
            cache.fingerprint = []
        }
        let target = utf8.count - 256
        if target > cache.consumed {
            var index = utf8.index(utf8.startIndex, offsetBy: target)
            let floor = utf8.index(utf8.startIndex, offsetBy: cache.consumed)
            while index > floor, !(utf8[index] < 0x80 && utf8[utf8.index(before: index)] < 0x80) { index = utf8.index(before: index) }
            if index > floor {
                let piece = String(text[floor..<index])
                cache.wrapper!.append(contentsOf: StyledLine.cells(escaped(piece), role: .jsonString))
                cache.consumed = utf8.distance(from: utf8.startIndex, to: index)
                cache.fingerprint = Array(utf8[utf8.index(index, offsetBy: -min(cache.consumed, 16))..<index])
            }
        }
        var wrapper = cache.wrapper!
        let rest = String(text[utf8.index(utf8.startIndex, offsetBy: cache.consumed)...])
        wrapper.append(contentsOf: StyledLine.cells(escaped(rest), role: .jsonString))
        wrapper.append(Cell(text: "…", role: .dim))
        return wrapper.finished().map { StyledLine(cells: $0) }
    }

    /// The JSON string literal for decoded text (closing quote only when complete).
    static func quoted(_ text: String, complete: Bool) -> String {
        "\"" + escaped(text) + (complete ? "\"" : "")
    }

    /// Decoded text escaped as inside a JSON string literal.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

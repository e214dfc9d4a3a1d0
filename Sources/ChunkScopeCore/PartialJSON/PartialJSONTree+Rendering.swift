extension PartialJSONTree {
    /// The value so far as indented JSON text, for the live tool-call pane: open containers stay
    /// open, an unfinished string has no closing quote, a pending key ends the text. Strings are
    /// escaped per RFC 8259, so no control character from the network survives.
    public func rendered(indent: Int = 2) -> String {
        guard let root else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(byteCount + 16)
        root.render(into: &out, indent: indent, depth: 0)
        return String(decoding: out, as: UTF8.self)
    }
}

extension PartialJSONNode {
    fileprivate func render(into out: inout [UInt8], indent: Int, depth: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text, _), .partialLiteral(let text): out.append(contentsOf: text.utf8)
        case .string(let text, let complete): Self.quote(text, complete: complete, into: &out)
        case .array(let elements, let closed):
            out.append(UInt8(ascii: "["))
            for (n, element) in elements.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(depth + 1, indent, &out)
                element.render(into: &out, indent: indent, depth: depth + 1)
            }
            if closed {
                if !elements.isEmpty { Self.newline(depth, indent, &out) }
                out.append(UInt8(ascii: "]"))
            }
        case .object(let members, let closed):
            out.append(UInt8(ascii: "{"))
            for (n, member) in members.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(depth + 1, indent, &out)
                Self.quote(member.key, complete: member.keyComplete, into: &out)
                guard member.keyComplete else { break }
                out.append(contentsOf: ": ".utf8)
                member.value?.render(into: &out, indent: indent, depth: depth + 1)
            }
            if closed {
                if !members.isEmpty { Self.newline(depth, indent, &out) }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    private static func quote(_ text: String, complete: Bool, into out: inout [UInt8]) {
        JSONValue.writeString(text, to: &out)
        if !complete { out.removeLast() }
    }

    private static func newline(_ depth: Int, _ indent: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * indent))
    }
}

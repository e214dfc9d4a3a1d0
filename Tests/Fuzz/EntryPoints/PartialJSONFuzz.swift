import ChunkScopeCore

/// Partial-JSON parser: fed whole or in fragments (with `tree()` asked after every fragment, as
/// the live pane does) it must not crash, and the fragments must not change the final tree.
enum PartialJSONFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var whole = PartialJSONParser()
        whole.feed(text)
        let wholeTree = whole.finish()

        var split = PartialJSONParser()
        var fragment = ""
        var cut = Int(bytes.first ?? 0) % 5 + 1
        for character in text {
            fragment.append(character)
            cut -= 1
            guard cut == 0 else { continue }
            split.feed(fragment)
            _ = split.tree()
            fragment = ""
            cut = fragment.utf8.count % 5 + Int(character.utf8.first ?? 0) % 3 + 1
        }
        split.feed(fragment)
        let splitTree = split.finish()
        if wholeTree != splitTree {
            fatalError("partial JSON tree depends on the fragments for \(text.debugDescription)")
        }
    }
}

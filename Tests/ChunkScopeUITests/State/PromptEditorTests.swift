import Testing
@testable import ChunkScopeUI

@Suite("Prompt editor")
struct PromptEditorTests {
    @Test("up and down keep the column, clamped to shorter lines")
    func verticalMoves() {
        var e = PromptEditor(text: "first line\nab\nthird line")
        #expect(e.cursor == e.characters.count)
        let moved1 = e.moveUp()
        #expect(moved1)
        #expect(e.cursor == 13) // end of "ab"
        let moved2 = e.moveUp()
        #expect(moved2)
        #expect(e.cursor == 2)
        let moved3 = e.moveUp()
        #expect(!moved3)
        e.moveToLineEnd()
        let moved4 = e.moveDown()
        #expect(moved4)
        #expect(e.cursor == 13)
        let moved5 = e.moveDown()
        #expect(moved5)
        let moved6 = e.moveDown()
        #expect(!moved6)
    }

    @Test("Ctrl-K deletes to the end of the line, or joins at the end")
    func killLine() {
        var e = PromptEditor(text: "one\ntwo")
        let moved7 = e.moveUp()
        #expect(moved7)
        e.moveToLineStart()
        e.moveRight()
        e.deleteToLineEnd()
        #expect(e.text == "o\ntwo")
        e.deleteToLineEnd()
        #expect(e.text == "otwo")
    }

    @Test("wide characters and combining marks move as one grapheme")
    func graphemes() {
        var e = PromptEditor(text: "a日e\u{301}👩‍💻")
        e.moveLeft()
        e.deleteBackward()
        #expect(e.text == "a日👩‍💻")
        e.deleteBackward()
        #expect(e.text == "a👩‍💻")
    }

    @Test("history keeps the unsent draft and does not repeat the last prompt")
    func history() {
        var e = PromptEditor()
        e.insert("one")
        _ = e.take()
        e.insert("one")
        _ = e.take()
        e.insert("two")
        _ = e.take()
        #expect(e.history == ["one", "two"])
        e.insert("draft")
        e.historyPrevious()
        #expect(e.text == "two")
        e.historyPrevious()
        #expect(e.text == "one")
        e.historyPrevious()
        #expect(e.text == "one")
        e.historyNext()
        e.historyNext()
        #expect(e.text == "draft")
    }

    @Test("pasted escapes, C1 CSI and OSC strings are dropped whole")
    func pasteSafety() {
        let e = PromptEditor(text: "a\u{1B}]52;c;QUJD\u{07}b\u{9B}31mc\u{1B}Pq#1\u{1B}\\d\u{1B}7e")
        #expect(e.text == "abcde")
    }
}

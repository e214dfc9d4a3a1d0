// Seeded random strings mixing ASCII, controls, C1, escape sequences, bidi controls, CJK, emoji
// sequences and combining marks: the sanitiser, the wrapper and whole-screen rendering must keep
// their invariants for every one of them.

import ChunkScopeCore
import Testing
@testable import ChunkScopeUI

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum HostileText {
    static let pieces: [String] = [
        "a", "word ", " ", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{7}", "\u{8}", "\u{7F}", "\u{1B}", "\u{1B}[2J", "\u{1B}[31;1m",
        "\u{1B}]0;title\u{7}", "\u{1B}]52;c;QUJD\u{1B}\\", "\u{1B}P1$r\u{1B}\\", "\u{9B}2J", "\u{9D}0;x\u{9C}", "\u{85}",
        "\u{202E}", "\u{2066}", "\u{200F}", "\u{FEFF}", "\u{2028}", "\u{E0041}", "中", "日本語", "ｶ", "😀", "👍🏽", "👩‍💻",
        "🇬🇧", "☺\u{FE0F}", "e\u{301}", "\u{301}", "\u{200D}", "**", "*", "_", "`", "# ", "- ", "```", "{\"a\":", "\"", "\\",
    ]

    static func make(_ rng: inout SeededRandom, pieces count: Int) -> String {
        var out = ""
        for _ in 0..<count { out += pieces[Int(rng.next() % UInt64(pieces.count))] }
        return out
    }
}

@Suite("Fuzz")
struct FuzzTests {
    static func isRaw(_ s: Unicode.Scalar, allowLineBreak: Bool) -> Bool {
        let v = s.value
        if allowLineBreak, v == 0x0A { return false }
        return v < 0x20 || (0x7F..<0xA0).contains(v) || Sanitizer.isDangerousFormat(v)
    }

    @Test("sanitised runs never contain raw controls; cells fit the width they claim", arguments: 0..<8)
    func sanitiser(seed: UInt64) {
        var rng = SeededRandom(state: seed)
        for _ in 0..<300 {
            let text = HostileText.make(&rng, pieces: Int(rng.next() % 40))
            for run in Sanitizer.runs(text, mode: .multiline) {
                #expect(!run.text.unicodeScalars.contains { Self.isRaw($0, allowLineBreak: true) }, "\(text.debugDescription)")
            }
            for run in Sanitizer.runs(text, mode: .singleLine) {
                #expect(!run.text.unicodeScalars.contains { Self.isRaw($0, allowLineBreak: false) }, "\(text.debugDescription)")
            }
            for cell in StyledLine.cells(text, role: .text) {
                #expect(cell.width == 1 || cell.width == 2)
                #expect(Int(cell.width) == DisplayWidth.of(Character(cell.text)) || cell.text.count != 1, "\(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("wrapped rows never exceed the width and keep every grapheme", arguments: 0..<8)
    func wrapping(seed: UInt64) {
        var rng = SeededRandom(state: seed + 100)
        for _ in 0..<200 {
            let text = HostileText.make(&rng, pieces: Int(rng.next() % 60))
            let width = 2 + Int(rng.next() % 30)
            let cells = StyledLine.cells(text, role: .text)
            let rows = TextWrapper.wrap(cells, width: width)
            for row in rows { #expect(row.reduce(0) { $0 + Int($1.width) } <= width) }
            let kept = rows.flatMap { $0 }.filter { $0.text != " " }.map(\.text)
            #expect(kept == cells.filter { $0.text != " " }.map(\.text))
        }
    }

    @Test("whole screens of hostile streams at random sizes hold no raw control and no orphan wide half", arguments: 0..<4)
    func screens(seed: UInt64) {
        var rng = SeededRandom(state: seed + 1000)
        let screen = ScreenRenderer()
        for _ in 0..<25 {
            let size = TerminalSize(width: 10 + Int(rng.next() % 150), height: 4 + Int(rng.next() % 50))
            var state = DashboardState(size: size, session: Fixtures.session)
            state.conversation.begin(prompt: HostileText.make(&rng, pieces: 10))
            state.transcript.reasoningOpen = rng.next() % 2 == 0
            state.focus = PaneID.focusOrder[Int(rng.next() % 5)]
            state.chunks.selected = 0
            state.chunks.expanded = true
            let log = InspectorEventLog()
            log.append(InspectorEvent(sequence: 1, time: 0, gap: 0, size: 10, kind: .data, summary: HostileText.make(&rng, pieces: 8), raw: HostileText.make(&rng, pieces: 20)))
            let call = ToolCallState(index: 0, id: HostileText.make(&rng, pieces: 3), name: HostileText.make(&rng, pieces: 3), arguments: HostileText.make(&rng, pieces: 15))
            let live = SessionSnapshot(state: .streaming, response: ResponseHead(status: 200, headers: [HTTPHeader("x", HostileText.make(&rng, pieces: 5))]),
                                       choices: [ChoiceState(index: 0, content: HostileText.make(&rng, pieces: 80), reasoning: HostileText.make(&rng, pieces: 20),
                                                             refusal: HostileText.make(&rng, pieces: 3), toolCalls: [call])],
                                       events: log.slice(), notes: [HostileText.make(&rng, pieces: 5)])
            let grid = screen.render(state: state, live: live).grid
            for y in 0..<grid.height {
                for x in 0..<grid.width {
                    let cell = grid[x, y]
                    #expect(!cell.text.unicodeScalars.contains { Self.isRaw($0, allowLineBreak: false) }, "\(size)")
                    if cell.width == 2 { #expect(x + 1 < grid.width && grid[x + 1, y].width == 0) }
                    if cell.width == 0 { #expect(x > 0 && grid[x - 1, y].width == 2) }
                }
            }
        }
    }
}

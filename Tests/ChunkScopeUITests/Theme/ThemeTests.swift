import Foundation
import Testing
@testable import ChunkScopeUI

@Suite("Themes")
struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    @Test("shipped theme files parse, cover every role, and match the compiled-in copies", arguments: BuiltInThemes.names)
    func shipped(name: String) throws {
        let url = Self.themesDirectory.appendingPathComponent(name + ".theme")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == BuiltInThemes.sources[name]!.trimmingCharacters(in: .whitespacesAndNewlines),
                "Themes/\(name).theme and BuiltInThemes differ: copy the file into BuiltInThemes.swift")
        let theme = try ThemeParser.parse(text, file: url.path, resolve: { BuiltInThemes.theme(named: $0) })
        #expect(theme.name == name)
        for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role)") }
    }

    @Test("inherits, comments, colour forms and attributes")
    func format() throws {
        let theme = try ThemeParser.parse("""
            # mine
            inherits = dark
            title = #ff0000 on 236 bold underline   # trailing comment
            text = bright-blue
            dim = default on default dim
            """, file: "mine.theme")
        #expect(theme.name == "mine")
        #expect(theme.style(for: .title) == RoleStyle(foreground: .rgb(255, 0, 0), background: .indexed(236), attributes: [.bold, .underline]))
        #expect(theme.style(for: .text).foreground == .ansi(12))
        #expect(theme.style(for: .jsonKey) == Theme.dark.style(for: .jsonKey))
        let again = try ThemeParser.parse(ThemeParser.format(theme), file: "x.theme")
        #expect(again.styles == theme.styles)
    }

    @Test("errors name the file and line", arguments: [
        ("text = #12345", 1, "bad colour"),
        ("\n\ntitel = red", 3, "unknown role `titel`"),
        ("text = red blinking", 1, "unknown attribute `blinking`"),
        ("text red", 1, "expected `key = value`"),
        ("text = red on", 1, "`on` needs a background"),
        ("inherits = nope", 1, "unknown theme `nope`"),
        ("text = red\ninherits = dark", 2, "must come before"),
    ])
    func errors(text: String, line: Int, message: String) {
        do {
            _ = try ThemeParser.parse(text, file: "bad.theme")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "bad.theme")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix("bad.theme:\(line): "))
        }
    }

    @Test("colour fallbacks pick the nearest palette entry")
    func fallbacks() {
        #expect(ThemeColor.rgb(255, 0, 0).downgraded(to: .color256) == .indexed(196))
        #expect(ThemeColor.rgb(0x26, 0x26, 0x26).downgraded(to: .color256) == .indexed(235))
        #expect(ThemeColor.rgb(250, 10, 10).downgraded(to: .color16) == .ansi(9))
        #expect(ThemeColor.indexed(236).downgraded(to: .color16) == .ansi(0))
        #expect(ThemeColor.indexed(3).downgraded(to: .color16) == .ansi(3))
        #expect(ThemeColor.rgb(1, 2, 3).downgraded(to: .monochrome) == .default)
        let sixteen = Theme.dark.resolved(for: .color16)
        for style in sixteen.styles.values {
            for color in [style.foreground, style.background] {
                if case .ansi = color {} else if case .default = color {} else { Issue.record("\(color) is not a 16-colour value") }
            }
        }
    }

    @Test("monochrome keeps roles apart with attributes only")
    func monochrome() {
        let mono = Theme.dark.resolved(for: .monochrome)
        for style in mono.styles.values { #expect(style.foreground == .default && style.background == .default) }
        #expect(mono.style(for: .selection).attributes.contains(.reverse))
        #expect(mono.style(for: .escape).attributes.contains(.reverse))
        #expect(mono.style(for: .borderFocused).attributes.contains(.bold))
    }

    @Test("capability from the environment", arguments: [
        (["TERM": "xterm-256color", "COLORTERM": "truecolor"], nil as Int?, ColorCapability.truecolor),
        (["TERM": "xterm-256color"], nil, .color256),
        (["TERM": "tmux-256color", "COLORTERM": "24bit"], 256, .truecolor),
        (["TERM": "xterm"], nil, .color16),
        (["TERM": "xterm-256color", "NO_COLOR": "1"], nil, .monochrome),
        (["TERM": "xterm-256color", "NO_COLOR": ""], nil, .color256),
        (["TERM": "dumb"], nil, .monochrome),
        (["TERM": "xterm-256color"], 8, .color16),
        (["TERM": "vt100"], 2, .monochrome),
    ])
    func capability(env: [String: String], colors: Int?, expected: ColorCapability) {
        #expect(ColorCapability.detect(environment: env, terminalColors: colors) == expected)
    }
}

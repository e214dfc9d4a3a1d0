import ChunkScopeUI
import Foundation
import Testing
@testable import Dashboard

@Suite("Theme lookup for --theme")
struct ThemeLoaderTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chunkscope-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Built-in names load from anywhere (compiled in); no name means dark", arguments: ["dark", "light", "high-contrast"])
    func builtIns(name: String) throws {
        let theme = try ThemeLoader.load(name, environment: [:], executablePath: "/nonexistent/bin/chunkscope")
        #expect(theme.name == name)
        #expect(try ThemeLoader.load(nil, environment: [:], executablePath: "/x").name == "dark")
    }

    @Test("An unknown name says which themes exist")
    func unknown() {
        #expect {
            try ThemeLoader.load("solarised", environment: [:], executablePath: "/x")
        } throws: { error in
            "\(error)".contains("dark") && "\(error)".contains("high-contrast")
        }
    }

    @Test("A path is read as a theme file; a user theme dir wins over the built-ins; self-inheritance means the built-in")
    func filesAndUserDir() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.theme")
        try "inherits = light\nerror = #ff0000 bold\n".write(to: file, atomically: true, encoding: .utf8)
        let mine = try ThemeLoader.load(file.path, environment: [:], executablePath: "/x")
        #expect(mine.style(for: .error).foreground == .rgb(255, 0, 0))
        #expect(mine.style(for: .text) == BuiltInThemes.theme(named: "light")!.style(for: .text), "inherited from light")

        let themes = dir.appendingPathComponent("config/chunkscope/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "inherits = dark\naccent = #00ff00\n".write(to: themes.appendingPathComponent("dark.theme"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path]
        let userDark = try ThemeLoader.load("dark", environment: environment, executablePath: "/x")
        #expect(userDark.style(for: .accent).foreground == .rgb(0, 255, 0))
    }

    @Test("A broken theme file is an error naming the file and line")
    func broken() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.theme")
        try "text = #12\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try ThemeLoader.load(file.path, environment: [:], executablePath: "/x")
        } throws: { error in
            "\(error)".contains("bad.theme:1")
        }
    }

    @Test("The package's Themes/ dir is found from a SwiftPM build path")
    func packageThemes() {
        let dirs = ThemeLoader.searchDirectories(environment: [:], executablePath: "/src/pkg/.build/x86_64-unknown-linux-gnu/debug/chunkscope")
        #expect(dirs.contains("/src/pkg/Themes"))
    }
}

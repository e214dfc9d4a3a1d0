import ChunkScopeUI
import Foundation

/// Finds the theme `--theme NAME|PATH` names. A path (contains `/` or ends in `.theme`) is read
/// as is. A name is looked up as `NAME.theme` in the user's theme dir
/// (`$XDG_CONFIG_HOME/chunkscope/themes`), the `Themes/` dir of the package the executable was
/// built in, and the installed share dirs; then among the built-in themes compiled into the
/// binary, so the three shipped themes work from anywhere.
public enum ThemeLoader {
    /// A theme that cannot be found or read, with a message that says where it looked.
    public struct LoadError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// The theme for `nameOrPath` (nil: the default, `dark`).
    public static func load(_ nameOrPath: String?, environment: [String: String],
                            executablePath: String = CommandLine.arguments.first ?? "") throws -> Theme {
        try load(nameOrPath, environment: environment, executablePath: executablePath, depth: 0)
    }

    private static func load(_ nameOrPath: String?, environment: [String: String], executablePath: String,
                             depth: Int) throws -> Theme {
        guard depth < 8 else { throw LoadError(description: "theme \(nameOrPath ?? ""): `inherits` goes round in a circle") }
        guard let nameOrPath, !nameOrPath.isEmpty else { return BuiltInThemes.theme(named: "dark")! }
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
            return try parseFile(nameOrPath, environment: environment, executablePath: executablePath, depth: depth)
        }
        for directory in searchDirectories(environment: environment, executablePath: executablePath) {
            let candidate = directory + "/" + nameOrPath + ".theme"
            if FileManager.default.isReadableFile(atPath: candidate) {
                return try parseFile(candidate, environment: environment, executablePath: executablePath, depth: depth)
            }
        }
        if let builtIn = BuiltInThemes.theme(named: nameOrPath) { return builtIn }
        throw LoadError(description: "unknown theme \"\(nameOrPath)\": built-in themes are "
            + BuiltInThemes.names.joined(separator: ", ")
            + "; or give a path to a .theme file (format: README.md, section Themes)")
    }

    /// Where named themes are looked for, in order.
    static func searchDirectories(environment: [String: String], executablePath: String) -> [String] {
        var directories: [String] = []
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            directories.append(xdg + "/chunkscope/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(home + "/.config/chunkscope/themes")
        }
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        // A SwiftPM build: <package>/.build/<config>/chunkscope or <package>/.build/<triple>/<config>/chunkscope.
        var ancestor = executable
        for _ in 0..<4 {
            if ancestor.lastPathComponent == ".build" {
                directories.append(ancestor.deletingLastPathComponent().appendingPathComponent("Themes").path)
                break
            }
            ancestor = ancestor.deletingLastPathComponent()
        }
        directories.append(executable.deletingLastPathComponent().appendingPathComponent("share/chunkscope/themes").path)
        directories += ["/usr/local/share/chunkscope/themes", "/usr/share/chunkscope/themes"]
        return directories
    }

    private static func parseFile(_ path: String, environment: [String: String], executablePath: String,
                                  depth: Int) throws -> Theme {
        let ownName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "cannot read theme file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        do {
            return try ThemeParser.parse(text, file: path, resolve: { name in
                // A user theme that inherits from its own name means the built-in one.
                if name == ownName { return BuiltInThemes.theme(named: name) }
                return try? load(name, environment: environment, executablePath: executablePath, depth: depth + 1)
            })
        } catch {
            throw LoadError(description: "theme \(error)")
        }
    }
}

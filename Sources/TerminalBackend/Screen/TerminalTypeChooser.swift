import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// Picks the terminfo entry to open: `TERM`, or its `-direct` sibling when the emulator says it
/// speaks 24-bit colour (`COLORTERM=truecolor`) and that entry is installed.
enum TerminalTypeChooser {
    /// The terminal type name to try first.
    static func preferredName(for term: String, environment: [String: String]) -> String {
        let colorTerm = environment["COLORTERM"]?.lowercased()
        guard colorTerm == "truecolor" || colorTerm == "24bit", !term.contains("direct") else { return term }
        var base = term
        for suffix in ["-256color", "-88color", "-color"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        let candidate = base + "-direct"
        return terminfoEntryExists(candidate, environment: environment) ? candidate : term
    }

    /// Whether a compiled terminfo entry named `name` is in one of the places ncurses looks.
    static func terminfoEntryExists(_ name: String, environment: [String: String]) -> Bool {
        guard let first = name.first else { return false }
        var directories: [String] = []
        if let terminfo = environment["TERMINFO"], !terminfo.isEmpty { directories.append(terminfo) }
        if let home = environment["HOME"], !home.isEmpty { directories.append(home + "/.terminfo") }
        if let dirs = environment["TERMINFO_DIRS"] {
            directories += dirs.split(separator: ":").map(String.init)
        }
        directories += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        let hex = String(first.asciiValue ?? 0, radix: 16)
        for directory in directories {
            for subdirectory in [String(first), hex] where access(directory + "/" + subdirectory + "/" + name, R_OK) == 0 {
                return true
            }
        }
        return false
    }

    /// A terminfo string capability of the current terminal, if it has one.
    static func stringCapability(_ name: String) -> String? {
        cs_string_capability(name).map { String(cString: $0) }
    }
}

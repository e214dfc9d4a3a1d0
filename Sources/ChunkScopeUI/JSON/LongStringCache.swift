/// Wrapped rows of the long string values of one tool call's arguments (a file's content, a
/// document), kept between frames: a string still arriving is wrapped from a checkpoint (only the
/// text added since the last frame), and a finished one is wrapped once and reused while the rest
/// of the arguments keep changing.
final class LongStringCache {
    /// Strings shorter than this are wrapped whole each time (cheap).
    static let threshold = 1024

    /// The cached state of the string at one path in the tree.
    final class Entry {
        let lead: [Cell]
        let width: Int
        /// Decoded UTF-8 bytes already fed to `wrapper`.
        var consumed = 0
        /// The last bytes before `consumed`, to check the text still starts the same way.
        var fingerprint: [UInt8] = []
        var wrapper: TextWrapper
        /// The finished string's text, the cells after it and its rows.
        var done: (text: String, suffix: [Cell], rows: [StyledLine])?

        init(lead: [Cell], hang: [Cell], width: Int) {
            self.lead = lead
            self.width = width
            wrapper = TextWrapper(width: width, firstIndent: lead, continuationIndent: hang)
            wrapper.append(Cell(text: "\"", role: .jsonString))
        }
    }

    /// Entries by path in the tree (`.content`, `.files[2].body`).
    var entries: [String: Entry] = [:]
}

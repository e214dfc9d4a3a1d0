import CNcursesw

/// Turns a cell's grapheme into what curses can store in one cell: a spacing character plus
/// up to four zero-width ones, with controls replaced, and the width curses will give it.
enum GlyphEncoder {
    /// The most wide characters a curses cell holds (CCHARW_MAX).
    static let maximumCharacters = 5
    static let replacement: wchar_t = 0xFFFD

    /// Fills `buffer` (at least `maximumCharacters + 1` long) with a NUL-terminated wide string
    /// for `text` and returns the width curses (wcwidth) gives it: 1 or 2.
    static func encode(_ text: String, into buffer: UnsafeMutablePointer<wchar_t>) -> Int {
        // Fast path: one printable ASCII character (most cells).
        var utf8 = text.utf8.makeIterator()
        if let first = utf8.next(), first >= 0x20, first < 0x7F, utf8.next() == nil {
            buffer[0] = wchar_t(first)
            buffer[1] = 0
            return 1
        }
        var count = 0
        var width = 1
        for scalar in text.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            if count == 0 {
                if isControl(scalar.value) {
                    buffer[0] = replacement
                    count = 1
                    break
                }
                let baseWidth = Int(wcwidth(value))
                if baseWidth == 0 {
                    // A lone zero-width character: give it a space to sit on.
                    buffer[0] = 0x20
                    count = 1
                    if scalar.value != 0x200D { buffer[count] = value; count += 1 }
                    continue
                }
                if baseWidth < 0 {
                    buffer[0] = replacement
                    count = 1
                    break
                }
                buffer[0] = value
                width = baseWidth
                count = 1
                continue
            }
            // Only zero-width characters may follow the spacing one in a curses cell; a second
            // spacing character (the rest of a ZWJ sequence) is dropped, and so is a dangling ZWJ.
            guard count < maximumCharacters, !isControl(scalar.value), wcwidth(value) == 0 else { break }
            if scalar.value == 0x200D { continue }
            buffer[count] = value
            count += 1
        }
        if count == 0 {
            buffer[0] = 0x20
            count = 1
        }
        buffer[count] = 0
        return width
    }

    /// C0, DEL and C1 controls: never sent to the terminal.
    static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value < 0xA0)
    }
}

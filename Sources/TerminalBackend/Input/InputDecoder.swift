import CNcursesw

/// Turns what curses' `wget_wch` returns into `TerminalEvent`s: control characters into named
/// keys, ESC-prefixed characters into Alt chords, curses key codes (and the names of the extended
/// ones, like `kUP5` for Ctrl-Up) into keys, and bracketed pastes into one `paste` event.
/// Pure apart from the constants it reads; the terminal feeds it one unit at a time.
struct InputDecoder {
    /// One unit of curses input.
    enum Unit: Equatable {
        /// A character (`wget_wch` returned OK).
        case character(UInt32)
        /// A key code (`wget_wch` returned KEY_CODE_YES) and curses' name for it.
        case keyCode(Int32, name: String?)
        /// A mouse report.
        case mouse(MouseEvent)
        /// No more input is waiting right now.
        case endOfInput
    }

    /// The key code curses reports for the start of a bracketed paste (`ESC [200~`).
    static let pasteStartCode = KEY_MAX + 1
    /// The key code curses reports for the end of a bracketed paste (`ESC [201~`).
    static let pasteEndCode = KEY_MAX + 2

    private var pendingEscape = false
    private var paste: String.UnicodeScalarView?
    private var pendingScalars = String.UnicodeScalarView()

    /// Whether a paste has started and not yet ended.
    var isInPaste: Bool { paste != nil }

    /// Feeds one unit; returns the events it completes.
    mutating func feed(_ unit: Unit) -> [TerminalEvent] {
        if paste != nil { return feedPaste(unit) }
        var events: [TerminalEvent] = []
        switch unit {
        case .endOfInput:
            if pendingEscape {
                pendingEscape = false
                events.append(.key(KeyEvent(.escape)))
            }
        case .character(let value):
            if value == 0x1B {
                // ESC ESC is Alt-Escape; a lone ESC waits for the next unit to decide.
                if pendingEscape { events.append(.key(KeyEvent(.escape, modifiers: .alt))) }
                pendingEscape.toggle()
                return events
            }
            if var key = Self.key(forCharacter: value) {
                if pendingEscape {
                    key.modifiers.insert(.alt)
                    pendingEscape = false
                }
                events.append(.key(key))
            }
        case .keyCode(let code, let name):
            if code == Self.pasteStartCode {
                flushEscape(into: &events)
                paste = String.UnicodeScalarView()
                return events
            }
            if code == Self.pasteEndCode { return events }
            if var key = Self.key(forCode: code, name: name) {
                if pendingEscape {
                    key.modifiers.insert(.alt)
                    pendingEscape = false
                }
                events.append(.key(key))
            } else {
                flushEscape(into: &events)
            }
        case .mouse(let mouse):
            flushEscape(into: &events)
            events.append(.mouse(mouse))
        }
        return events
    }

    private mutating func flushEscape(into events: inout [TerminalEvent]) {
        if pendingEscape {
            pendingEscape = false
            events.append(.key(KeyEvent(.escape)))
        }
    }

    private mutating func feedPaste(_ unit: Unit) -> [TerminalEvent] {
        switch unit {
        case .character(let value):
            // Terminals send Enter in a paste as CR; keep text with LF line ends.
            let normalized = value == 0x0D ? 0x0A : value
            if let scalar = Unicode.Scalar(normalized) { paste?.append(scalar) }
        case .keyCode(let code, _) where code == Self.pasteEndCode:
            let text = String(paste ?? String.UnicodeScalarView())
            paste = nil
            return text.isEmpty ? [] : [.paste(text)]
        case .keyCode, .mouse, .endOfInput:
            // Key codes inside a paste are bytes curses happened to match; a paste spans reads.
            break
        }
        return []
    }

    /// The key for a character curses returned as text.
    static func key(forCharacter value: UInt32) -> KeyEvent? {
        switch value {
        case 0x0D: return KeyEvent(.enter)
        case 0x0A: return KeyEvent(.character("j"), modifiers: .control)
        case 0x09: return KeyEvent(.tab)
        case 0x08, 0x7F: return KeyEvent(.backspace)
        case 0x00: return KeyEvent(.character(" "), modifiers: .control)
        case 0x01...0x1A:
            let letter = Character(Unicode.Scalar(value + 0x60)!)
            return KeyEvent(.character(letter), modifiers: .control)
        case 0x1C...0x1F:
            let symbol = Character(Unicode.Scalar(value + 0x40)!)
            return KeyEvent(.character(symbol), modifiers: .control)
        case 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return KeyEvent(.character(Character(scalar)))
        }
    }

    /// The key for a curses key code; `name` resolves the extended ones (`kUP5`, `kRIT3`, …).
    static func key(forCode code: Int32, name: String?) -> KeyEvent? {
        switch code {
        case KEY_UP: return KeyEvent(.up)
        case KEY_DOWN: return KeyEvent(.down)
        case KEY_LEFT: return KeyEvent(.left)
        case KEY_RIGHT: return KeyEvent(.right)
        case KEY_HOME: return KeyEvent(.home)
        case KEY_END: return KeyEvent(.end)
        case KEY_PPAGE: return KeyEvent(.pageUp)
        case KEY_NPAGE: return KeyEvent(.pageDown)
        case KEY_DC: return KeyEvent(.delete)
        case KEY_IC: return KeyEvent(.insert)
        case KEY_BACKSPACE: return KeyEvent(.backspace)
        case KEY_ENTER: return KeyEvent(.enter)
        case KEY_BTAB: return KeyEvent(.tab, modifiers: .shift)
        case KEY_SR: return KeyEvent(.up, modifiers: .shift)
        case KEY_SF: return KeyEvent(.down, modifiers: .shift)
        case KEY_SLEFT: return KeyEvent(.left, modifiers: .shift)
        case KEY_SRIGHT: return KeyEvent(.right, modifiers: .shift)
        case KEY_SHOME: return KeyEvent(.home, modifiers: .shift)
        case KEY_SEND: return KeyEvent(.end, modifiers: .shift)
        case KEY_SDC: return KeyEvent(.delete, modifiers: .shift)
        case KEY_F0...(KEY_F0 + 63): return KeyEvent(.function(Int(code - KEY_F0)))
        default: return name.flatMap(extendedKey(named:))
        }
    }

    /// Keys xterm reports with a modifier parameter, which curses names like `kUP5`.
    static func extendedKey(named name: String) -> KeyEvent? {
        let bases: [(String, KeyEvent.Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
            ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
        ]
        for (prefix, key) in bases where name.hasPrefix(prefix) {
            guard let digit = Int(name.dropFirst(prefix.count)), (2...8).contains(digit) else { return nil }
            // xterm's modifier parameter: 1 + (shift 1, alt 2, control 4).
            let bits = digit - 1
            var modifiers: KeyEvent.Modifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.control) }
            return KeyEvent(key, modifiers: modifiers)
        }
        return nil
    }
}

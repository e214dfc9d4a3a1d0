import CNcursesw
import ChunkScopeUI

/// Turns what curses' `wget_wch` returns into `KeyEvent`s: control characters into named
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
    mutating func feed(_ unit: Unit) -> [KeyEvent] {
        if paste != nil { return feedPaste(unit) }
        var events: [KeyEvent] = []
        switch unit {
        case .endOfInput:
            if pendingEscape {
                pendingEscape = false
                events.append(.key(.escape))
            }
        case .character(let value):
            if value == 0x1B {
                // ESC ESC is Alt-Escape; a lone ESC waits for the next unit to decide.
                if pendingEscape { events.append(.key(.escape, .alt)) }
                pendingEscape.toggle()
                return events
            }
            if let chord = Self.chord(forCharacter: value) {
                events.append(withPendingAlt(chord))
            }
        case .keyCode(let code, let name):
            if code == Self.pasteStartCode {
                flushEscape(into: &events)
                paste = String.UnicodeScalarView()
                return events
            }
            if code == Self.pasteEndCode { return events }
            if let chord = Self.chord(forCode: code, name: name) {
                events.append(withPendingAlt(chord))
            } else {
                flushEscape(into: &events)
            }
        case .mouse(let mouse):
            flushEscape(into: &events)
            events.append(.mouse(mouse))
        }
        return events
    }

    /// The chord as an event, with Alt added when an ESC came just before it.
    private mutating func withPendingAlt(_ chord: KeyChord) -> KeyEvent {
        var modifiers = chord.modifiers
        if pendingEscape {
            modifiers.insert(.alt)
            pendingEscape = false
        }
        return .key(chord.key, modifiers)
    }

    private mutating func flushEscape(into events: inout [KeyEvent]) {
        if pendingEscape {
            pendingEscape = false
            events.append(.key(.escape))
        }
    }

    private mutating func feedPaste(_ unit: Unit) -> [KeyEvent] {
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

    /// The chord for a character curses returned as text.
    static func chord(forCharacter value: UInt32) -> KeyChord? {
        switch value {
        case 0x0D: return KeyChord(.enter)
        case 0x0A: return KeyChord(.char("j"), .ctrl)
        case 0x09: return KeyChord(.tab)
        case 0x08, 0x7F: return KeyChord(.backspace)
        case 0x00: return KeyChord(.char(" "), .ctrl)
        case 0x01...0x1A: return KeyChord(.char(Character(Unicode.Scalar(value + 0x60)!)), .ctrl)
        case 0x1C...0x1F: return KeyChord(.char(Character(Unicode.Scalar(value + 0x40)!)), .ctrl)
        case 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { KeyChord(.char(Character($0))) }
        }
    }

    /// The chord for a curses key code; `name` resolves the extended ones (`kUP5`, `kRIT3`, …).
    static func chord(forCode code: Int32, name: String?) -> KeyChord? {
        switch code {
        case KEY_UP: return KeyChord(.up)
        case KEY_DOWN: return KeyChord(.down)
        case KEY_LEFT: return KeyChord(.left)
        case KEY_RIGHT: return KeyChord(.right)
        case KEY_HOME: return KeyChord(.home)
        case KEY_END: return KeyChord(.end)
        case KEY_PPAGE: return KeyChord(.pageUp)
        case KEY_NPAGE: return KeyChord(.pageDown)
        case KEY_DC: return KeyChord(.delete)
        case KEY_IC: return KeyChord(.insert)
        case KEY_BACKSPACE: return KeyChord(.backspace)
        case KEY_ENTER: return KeyChord(.enter)
        case KEY_BTAB: return KeyChord(.backTab)
        case KEY_SR: return KeyChord(.up, .shift)
        case KEY_SF: return KeyChord(.down, .shift)
        case KEY_SLEFT: return KeyChord(.left, .shift)
        case KEY_SRIGHT: return KeyChord(.right, .shift)
        case KEY_SHOME: return KeyChord(.home, .shift)
        case KEY_SEND: return KeyChord(.end, .shift)
        case KEY_SDC: return KeyChord(.delete, .shift)
        case KEY_F0...(KEY_F0 + 63): return KeyChord(.function(Int(code - KEY_F0)))
        default: return name.flatMap(extendedChord(named:))
        }
    }

    /// Keys xterm reports with a modifier parameter, which curses names like `kUP5`.
    static func extendedChord(named name: String) -> KeyChord? {
        let bases: [(String, Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home),
            ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
        ]
        for (prefix, key) in bases where name.hasPrefix(prefix) {
            guard let digit = Int(name.dropFirst(prefix.count)), (2...8).contains(digit) else { return nil }
            // xterm's modifier parameter: 1 + (shift 1, alt 2, control 4).
            let bits = digit - 1
            var modifiers: KeyModifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.ctrl) }
            return KeyChord(key, modifiers)
        }
        return nil
    }
}

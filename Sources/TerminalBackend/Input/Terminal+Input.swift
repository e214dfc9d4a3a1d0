import CNcursesw
import ChunkScopeUI
#if canImport(Glibc)
import Glibc
#endif

extension Terminal {
    /// Everything that is waiting: signals first (resize, terminate), then keys, pastes and mouse.
    /// Never blocks, apart from curses' short wait after a lone ESC.
    public func readEvents() -> [TerminalEvent] {
        guard isActive else { return [] }
        var events = readSignals()
        var character: wint_t = 0
        while true {
            let result = wget_wch(window, &character)
            let unit: InputDecoder.Unit
            if result == ERR {
                unit = .endOfInput
            } else if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == KEY_RESIZE {
                    if let resized = resizeToKernelSize() { events.append(resized) }
                    continue
                }
                if code == KEY_MOUSE {
                    guard let mouse = readMouse() else { continue }
                    unit = .mouse(mouse)
                } else {
                    unit = .keyCode(code, name: keyname(code).map { String(cString: $0) })
                }
            } else {
                unit = .character(UInt32(character))
            }
            events += input.feed(unit).map { .input($0) }
            if unit == .endOfInput { break }
        }
        // Woken with nothing to read: the terminal went away (end of file, hang-up). Treat it as
        // a request to end rather than being woken again and again.
        if events.isEmpty && cs_input_hung_up(inputDescriptor) != 0 { events.append(.terminate) }
        return events
    }

    private func readSignals() -> [TerminalEvent] {
        guard let descriptor = signalReadDescriptor else { return [] }
        var events: [TerminalEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        var resized = false
        var terminate = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            for byte in buffer.prefix(count) {
                switch byte {
                case UInt8(ascii: "W"): resized = true
                case UInt8(ascii: "C"):
                    // Back from a stop: the screen may hold anything; repaint everything.
                    invalidate()
                    resized = true
                default: terminate = true
                }
            }
        }
        if resized, let event = resizeToKernelSize(force: true) { events.append(event) }
        if terminate { events.append(.terminate) }
        return events
    }

    /// Reads the size from the kernel and resizes curses to it; nil when nothing changed.
    private func resizeToKernelSize(force: Bool = false) -> TerminalEvent? {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard cs_tty_size(outputFileDescriptor, &rows, &columns) == 0 else { return nil }
        guard force || Int(rows) != height || Int(columns) != width else { return nil }
        resize(width: Int(columns), height: Int(rows))
        return .input(.resize(TerminalSize(width: width, height: height)))
    }

    private func readMouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        let kind: MouseEvent.Kind
        if state & cs_button4_pressed() != 0 {
            kind = .wheelUp
        } else if state & cs_button5_pressed() != 0 {
            kind = .wheelDown
        } else if state & (cs_button1_pressed() | cs_button1_clicked()) != 0 {
            kind = .press(button: 1)
        } else if state & cs_button3_pressed() != 0 {
            kind = .press(button: 3)
        } else {
            return nil
        }
        return MouseEvent(kind, x: Int(event.x), y: Int(event.y))
    }
}

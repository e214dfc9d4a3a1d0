import CNcursesw
import ChunkScopeUI
#if canImport(Glibc)
import Glibc
#endif

/// The terminal screen: the one object that talks to ncurses. Main actor only.
///
/// `open` takes over the real terminal (alternate screen, raw keys, mouse, colours, signals);
/// `close` gives it back exactly as it was, and a crash does the same from a signal handler.
/// `draw` writes only the cells that changed; `readEvents` never blocks (apart from curses'
/// short ESC delay), and `pollDescriptors` tell the app loop when to call it.
@MainActor
public final class Terminal {
    /// How the screen should be set up.
    public struct Options: Sendable {
        /// Report mouse clicks and wheel turns (the terminal's own text selection then needs Shift).
        public var mouse: Bool
        /// Ask the terminal to mark pastes, so pasted text never runs as key bindings.
        public var bracketedPaste: Bool
        /// How long a lone ESC waits for the rest of an escape sequence, in milliseconds.
        public var escapeDelayMilliseconds: Int32
        /// The environment to read `TERM`, `NO_COLOR` and `COLORTERM` from.
        public var environment: [String: String]

        /// Options; the defaults suit the dashboard.
        public init(mouse: Bool = true, bracketedPaste: Bool = true, escapeDelayMilliseconds: Int32 = 25,
                    environment: [String: String]) {
            self.mouse = mouse
            self.bracketedPaste = bracketedPaste
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.environment = environment
        }
    }

    /// Why the terminal could not be opened.
    public enum OpenError: Error, CustomStringConvertible {
        /// Standard input or output is not a terminal.
        case notATerminal
        /// terminfo has no entry for the terminal type.
        case unknownTerminal(String)
        /// The process could not create its signal pipe.
        case systemError(String)

        /// A message a person can act on.
        public var description: String {
            switch self {
            case .notATerminal:
                return "chunkscope's dashboard needs a terminal: standard input and output must be a TTY "
                    + "(use `chunkscope record` or `chunkscope check` for scripts)"
            case .unknownTerminal(let name):
                return "terminal type \"\(name)\" is unknown to terminfo; try TERM=xterm-256color"
            case .systemError(let message):
                return message
            }
        }
    }

    /// The colours the terminal shows, decided when it opened.
    public private(set) var colorCapability: ColorCapability = .monochrome
    /// Columns.
    public private(set) var width: Int
    /// Rows.
    public private(set) var height: Int

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    let inputDescriptor: Int32
    private let outputDescriptor: Int32
    private let options: Options
    private let signalPipe: (read: Int32, write: Int32)?
    private var isOpen = true
    /// What is on the screen now (nil: unknown, the next frame repaints everything).
    private var onScreen: Grid?
    private var styles: [StyleRole: (pair: Int32, attributes: attr_t)] = [:]
    private let theme: Theme
    var input = InputDecoder()
    /// How many cells the last `draw` wrote (the diff's size; tests and benchmarks read it).
    public internal(set) var cellsWrittenInLastFrame = 0

    /// The file descriptors the app loop should wait on (readable means `readEvents` has work).
    public var pollDescriptors: [Int32] {
        [inputDescriptor] + (signalPipe.map { [$0.read] } ?? [])
    }

    private init(screen: OpaquePointer, inputFile: UnsafeMutablePointer<FILE>, outputFile: UnsafeMutablePointer<FILE>,
                 ownsFiles: Bool, options: Options, theme: Theme, signalPipe: (read: Int32, write: Int32)?) {
        self.screen = screen
        self.window = cs_stdscr()
        self.inputFile = inputFile
        self.outputFile = outputFile
        self.ownsFiles = ownsFiles
        self.inputDescriptor = fileno(inputFile)
        self.outputDescriptor = fileno(outputFile)
        self.options = options
        self.theme = theme
        self.signalPipe = signalPipe
        self.width = Int(cs_cols())
        self.height = Int(cs_lines())
    }

    /// Takes over the process's terminal (stdin and stdout must be TTYs), drawing with `theme`
    /// fitted to the colours the terminal has.
    public static func open(options: Options, theme: Theme) throws -> Terminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw OpenError.notATerminal }
        setlocale(LC_ALL, "")
        let termName = options.environment["TERM"].flatMap { $0.isEmpty ? nil : $0 } ?? "xterm-256color"
        let chosenName = TerminalTypeChooser.preferredName(for: termName, environment: options.environment)
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw OpenError.systemError("cannot create a pipe: errno \(errno)") }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        cs_save_tty_modes(0)
        guard let screen = newterm(chosenName, cs_stdout(), cs_stdin()) ?? newterm(termName, cs_stdout(), cs_stdin()) else {
            Glibc.close(pipeEnds[0])
            Glibc.close(pipeEnds[1])
            throw OpenError.unknownTerminal(termName)
        }
        _ = set_term(screen)
        let terminal = Terminal(screen: screen, inputFile: cs_stdin(), outputFile: cs_stdout(), ownsFiles: false,
                                options: options, theme: theme, signalPipe: (pipeEnds[0], pipeEnds[1]))
        terminal.configure()
        _ = cs_install_notify_signals(pipeEnds[1])
        cs_install_crash_restore(terminal.restoreSequence())
        return terminal
    }

    /// A screen that writes to /dev/null, for tests: never touches the real terminal.
    static func headless(width: Int, height: Int, theme: Theme, options: Options,
                         terminalName: String = "xterm-256color") throws -> Terminal {
        setlocale(LC_ALL, "C.UTF-8")
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            throw OpenError.systemError("cannot open /dev/null")
        }
        guard let screen = newterm(terminalName, output, input) else {
            fclose(output)
            fclose(input)
            throw OpenError.unknownTerminal(terminalName)
        }
        _ = set_term(screen)
        let terminal = Terminal(screen: screen, inputFile: input, outputFile: output, ownsFiles: true,
                                options: options, theme: theme, signalPipe: nil)
        terminal.configure()
        terminal.resize(width: width, height: height)
        return terminal
    }

    private func configure() {
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)
        _ = set_escdelay(options.escapeDelayMilliseconds)
        // No typeahead check during doupdate: by default curses flushes its output and polls stdin
        // before every changed line (dozens of tiny write(2)s and poll(2)s per frame, the biggest
        // cost of a streaming frame). Input is read by the app's own readiness source, and a frame
        // is a few KB, so one buffered write per frame is better than an interruptible update.
        _ = typeahead(-1)
        _ = curs_set(0)
        if options.mouse {
            let mask = cs_button1_pressed() | cs_button3_pressed() | cs_button4_pressed() | cs_button5_pressed()
            _ = mousemask(mmask_t(mask), nil)
            _ = mouseinterval(0)
        }
        if options.bracketedPaste {
            _ = define_key("\u{1B}[200~", InputDecoder.pasteStartCode)
            _ = define_key("\u{1B}[201~", InputDecoder.pasteEndCode)
        }
        setUpColors()
        _ = wnoutrefresh(window)
        _ = doupdate()
        // ncurses 6.4 leaves a new screen in its "initial" state until it is resumed after an
        // endwin, and in that state every cursor movement flushes the output: a streaming frame
        // went out as ~90 write(2)s of ~40 bytes. One endwin + doupdate (before anything is drawn)
        // puts the screen in the running state, so doupdate writes a frame in one go.
        _ = endwin()
        _ = doupdate()
        if options.bracketedPaste { writeRaw("\u{1B}[?2004h") }
    }

    /// Gives the terminal back: leaves the alternate screen, restores modes. Safe to call twice.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        if options.bracketedPaste { writeRaw("\u{1B}[?2004l") }
        if options.mouse { _ = mousemask(0, nil) }
        _ = curs_set(1)
        _ = endwin()
        delscreen(screen)
        if let signalPipe {
            cs_remove_notify_signals()
            cs_remove_crash_restore()
            Glibc.close(signalPipe.read)
            Glibc.close(signalPipe.write)
        }
        if ownsFiles {
            fclose(inputFile)
            fclose(outputFile)
        } else {
            fflush(outputFile)
        }
    }

    /// Forgets what is on screen so the next `draw` repaints everything (after a suspend, say).
    public func invalidate() {
        onScreen = nil
        _ = clearok(cs_curscr(), true)
    }

    /// Resizes curses' idea of the screen (the kernel's size is read on SIGWINCH).
    func resize(width newWidth: Int, height newHeight: Int) {
        guard newWidth > 0, newHeight > 0 else { return }
        _ = resize_term(Int32(newHeight), Int32(newWidth))
        width = Int(cs_cols())
        height = Int(cs_lines())
        onScreen = nil
    }

    /// Writes bytes straight to the terminal (mode switches only; never text from the network).
    private func writeRaw(_ sequence: String) {
        fflush(outputFile)
        var bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeMutableBytes { write(outputDescriptor, $0.baseAddress, $0.count) }
    }

    /// The bytes a crash handler writes to give the terminal back (terminfo's own strings).
    private func restoreSequence() -> String {
        var sequence = ""
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = TerminalTypeChooser.stringCapability(capability) { sequence += value }
        }
        if options.mouse { sequence += "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l" }
        if options.bracketedPaste { sequence += "\u{1B}[?2004l" }
        return sequence
    }

    func setUpColors() {
        styles = [:]
        var colors = 0
        var direct = false
        let noColor = options.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        if !noColor && has_colors() {
            _ = start_color()
            _ = use_default_colors()
            colors = Int(cs_colors())
            direct = tigetflag("RGB") > 0 || colors >= 1 << 24
        }
        colorCapability = ColorMapper.capability(environment: options.environment, hasColors: colors >= 8,
                                                 colors: colors, direct: direct)
        let fitted = theme.resolved(for: colorCapability)
        let mapper = ColorMapper(colors: colors, direct: direct)
        for (offset, role) in StyleRole.allCases.enumerated() {
            let style = fitted.style(for: role)
            var pair: Int32 = 0
            if colorCapability != .monochrome {
                pair = Int32(offset + 1)
                _ = init_extended_pair(pair, mapper.cursesColor(for: style.foreground),
                                       mapper.cursesColor(for: style.background))
            }
            styles[role] = (pair, Self.cursesAttributes(style.attributes))
        }
    }

    static func cursesAttributes(_ attributes: CellAttributes) -> attr_t {
        var result = cs_attr_normal()
        if attributes.contains(.bold) { result |= cs_attr_bold() }
        if attributes.contains(.dim) { result |= cs_attr_dim() }
        if attributes.contains(.italic) { result |= cs_attr_italic() }
        if attributes.contains(.underline) { result |= cs_attr_underline() }
        if attributes.contains(.reverse) { result |= cs_attr_reverse() }
        return result
    }

    /// The pair and attributes a cell is drawn with.
    func style(of cell: Cell) -> (pair: Int32, attributes: attr_t) {
        let roleStyle = styles[cell.role] ?? (0, cs_attr_normal())
        if cell.attributes.isEmpty { return roleStyle }
        return (roleStyle.pair, roleStyle.attributes | Self.cursesAttributes(cell.attributes))
    }

    /// Whether the process has been told to draw at all (false after `close`).
    public var isActive: Bool { isOpen }

    var previousFrame: Grid? {
        get { onScreen }
        set { onScreen = newValue }
    }

    var signalReadDescriptor: Int32? { signalPipe?.read }
    var outputFileDescriptor: Int32 { outputDescriptor }
}

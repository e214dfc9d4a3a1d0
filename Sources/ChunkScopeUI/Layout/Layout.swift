// How it fits: the app loop and the Screen composer ask Layout where each pane goes, and the
// reducer asks it which pane a mouse click hit. Pure function of size and options, so it is
// tested as ASCII drawings (LayoutTests).
//
// Modes, from large to small:
//   split    (≥ 70x20): transcript on the left; tool calls, chunks and usage stacked on the right;
//            prompt box and status line at the bottom.
//   compact  (≥ 40x12): a one-row tab strip, then only the focused side pane or the transcript
//            full width; prompt and status below.
//   too small (< 40x12): one message filling the screen.
// Zoom gives one pane the whole area above the prompt. Help is an overlay centred on top.

/// The options that change the layout besides the terminal size.
public struct LayoutOptions: Sendable, Hashable {
    /// The focused pane (decides which pane the compact layout shows).
    public var focus: PaneID
    /// The pane shown full screen, if any.
    public var zoomed: PaneID?
    /// Whether the key-help overlay is open.
    public var showHelp: Bool
    /// Lines of text in the prompt editor (the box grows up to `maxPromptLines`).
    public var promptLines: Int

    /// Creates options.
    public init(focus: PaneID = .prompt, zoomed: PaneID? = nil, showHelp: Bool = false, promptLines: Int = 1) {
        self.focus = focus
        self.zoomed = zoomed
        self.showHelp = showHelp
        self.promptLines = promptLines
    }
}

/// Screen layout as a pure function.
public enum Layout {
    /// The smallest size that shows the dashboard; below it only `tooSmall` is laid out.
    public static let minimumSize = TerminalSize(width: 40, height: 12)
    /// The smallest size that shows all panes at once.
    public static let splitSize = TerminalSize(width: 70, height: 20)
    /// The most prompt lines the box grows to.
    public static let maxPromptLines = 5
    /// The usage pane's height in the split layout: 3 text rows plus the border, 4 when tall.
    static func usageHeight(mainHeight: Int) -> Int { mainHeight >= 30 ? 6 : 5 }

    /// Which layout a size gets.
    public enum Mode: Sendable, Hashable {
        case split, compact, tooSmall
    }

    /// The mode for a terminal size.
    public static func mode(for size: TerminalSize) -> Mode {
        if size.width < minimumSize.width || size.height < minimumSize.height { return .tooSmall }
        if size.width < splitSize.width || size.height < splitSize.height { return .compact }
        return .split
    }

    /// The rectangle of every visible pane; panes not shown are absent.
    public static func compute(size: TerminalSize, options: LayoutOptions) -> [PaneID: Rect] {
        let mode = mode(for: size)
        if mode == .tooSmall {
            return [.tooSmall: Rect(x: 0, y: 0, width: size.width, height: size.height)]
        }
        var rects: [PaneID: Rect] = [:]
        let w = size.width
        let statusY = size.height - 1
        rects[.status] = Rect(x: 0, y: statusY, width: w, height: 1)
        let maxLines = mode == .compact ? 2 : maxPromptLines
        let promptHeight = min(maxLines, max(1, options.promptLines)) + 2
        let promptY = statusY - promptHeight
        rects[.prompt] = Rect(x: 0, y: promptY, width: w, height: promptHeight)
        let main = Rect(x: 0, y: 0, width: w, height: promptY)

        if let zoomed = options.zoomed, zoomed != .prompt, zoomed != .status, PaneID.focusOrder.contains(zoomed) {
            rects[zoomed] = main
        } else if mode == .compact {
            rects[.tabs] = Rect(x: 0, y: 0, width: w, height: 1)
            let body = Rect(x: 0, y: 1, width: w, height: main.height - 1)
            let shown = (options.focus == .prompt || !PaneID.focusOrder.contains(options.focus)) ? .transcript : options.focus
            rects[shown] = body
        } else {
            let leftWidth = w >= 100 ? w / 2 : (w * 11) / 20
            rects[.transcript] = Rect(x: 0, y: 0, width: leftWidth, height: main.height)
            let rightX = leftWidth
            let rightWidth = w - leftWidth
            let usage = min(usageHeight(mainHeight: main.height), main.height / 3)
            let rest = main.height - usage
            let tools = (rest * 2) / 5
            rects[.toolCalls] = Rect(x: rightX, y: 0, width: rightWidth, height: tools)
            rects[.chunks] = Rect(x: rightX, y: tools, width: rightWidth, height: rest - tools)
            rects[.usage] = Rect(x: rightX, y: rest, width: rightWidth, height: usage)
        }
        if options.showHelp {
            let hw = min(w - 2, 84)
            let hh = min(size.height - 2, 34)
            rects[.help] = Rect(x: (w - hw) / 2, y: (size.height - hh) / 2, width: hw, height: hh)
        }
        return rects
    }

    /// The focusable pane at a screen position (topmost first: help, then panes), if any.
    public static func pane(at x: Int, _ y: Int, in rects: [PaneID: Rect]) -> PaneID? {
        func contains(_ r: Rect) -> Bool { x >= r.x && x < r.maxX && y >= r.y && y < r.maxY }
        if let help = rects[.help], contains(help) { return .help }
        for pane in [PaneID.tabs] + PaneID.focusOrder {
            if let r = rects[pane], contains(r) { return pane }
        }
        return nil
    }

    /// Draws the layout as ASCII boxes labelled with pane names (for tests and docs).
    public static func ascii(size: TerminalSize, options: LayoutOptions) -> String {
        let rects = compute(size: size, options: options)
        var canvas = Array(repeating: Array(repeating: Character(" "), count: size.width), count: size.height)
        let order: [PaneID] = [.tooSmall, .tabs, .transcript, .toolCalls, .chunks, .usage, .prompt, .status, .help]
        for pane in order {
            guard let r = rects[pane], !r.isEmpty else { continue }
            for y in r.y..<r.maxY { for x in r.x..<r.maxX { canvas[y][x] = " " } }
            if r.height == 1 {
                for x in r.x..<r.maxX { canvas[r.y][x] = "-" }
            } else {
                for x in r.x..<r.maxX { canvas[r.y][x] = "-"; canvas[r.maxY - 1][x] = "-" }
                for y in r.y..<r.maxY { canvas[y][r.x] = "|"; canvas[y][r.maxX - 1] = "|" }
                for (cx, cy) in [(r.x, r.y), (r.maxX - 1, r.y), (r.x, r.maxY - 1), (r.maxX - 1, r.maxY - 1)] { canvas[cy][cx] = "+" }
            }
            let label = Array(pane.rawValue)
            let ly = r.height == 1 ? r.y : r.y + 1
            let lx = r.height == 1 ? r.x + 1 : r.x + 1
            for (i, ch) in label.enumerated() where lx + i < r.maxX - (r.height == 1 ? 0 : 1) { canvas[ly][lx + i] = ch }
        }
        return canvas.map { String($0) }.joined(separator: "\n")
    }
}

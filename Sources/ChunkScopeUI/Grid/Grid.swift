/// A rectangle of terminal cells: origin at the top-left, zero-based.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }

    /// The rectangle shrunk by `n` cells on every side (never negative).
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }
}

/// A colour role: themes map roles to colours, renderers only ever name roles.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case text, dim, accent, title, border, borderFocused, status, statusKey
    /// Stream-state badges on the status line (they keep the status line's background).
    case statusGood, statusWarning, statusError
    case user, assistant, reasoning, refusal, code, codeBlock, heading, link
    case good, warning, error, selection, escape, sparkline
    /// A search hit (inspector `/` search) and the prompt editor's cursor cell.
    case match, cursor
    case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
}

/// Text attributes a cell can carry on top of its role's colours.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let italic = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
    public static let reverse = CellAttributes(rawValue: 1 << 4)
}

/// One terminal cell. A wide (2-cell) grapheme occupies its cell plus a following
/// continuation cell whose `text` is empty and `width` is 0.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster (already sanitised), "" for a continuation cell.
    public var text: String
    /// Display width: 1, 2, or 0 for a continuation cell.
    public var width: UInt8
    public var role: StyleRole
    public var attributes: CellAttributes

    public init(text: String = " ", width: UInt8 = 1, role: StyleRole = .text, attributes: CellAttributes = []) {
        self.text = text
        self.width = width
        self.role = role
        self.attributes = attributes
    }

    public static let blank = Cell()
}

/// A 2-D buffer of cells that pane renderers draw into; plain Swift, unit-testable.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); out-of-range reads give a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }
}

/// A rectangle of terminal cells: origin at the top-left, zero-based.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// Column of the left edge.
    public var x: Int
    /// Row of the top edge.
    public var y: Int
    /// Width in cells.
    public var width: Int
    /// Height in cells.
    public var height: Int

    /// Creates a rectangle (negative sizes become 0).
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// True when the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// `(x,y WxH)`, for test output.
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
    /// The attribute bits.
    public let rawValue: UInt8
    /// Creates attributes from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Bold (or bright) text.
    public static let bold = CellAttributes(rawValue: 1 << 0)
    /// Dimmed text.
    public static let dim = CellAttributes(rawValue: 1 << 1)
    /// Italic text.
    public static let italic = CellAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = CellAttributes(rawValue: 1 << 3)
    /// Foreground and background swapped.
    public static let reverse = CellAttributes(rawValue: 1 << 4)
}

/// One terminal cell. A wide (2-cell) grapheme occupies its cell plus a following
/// continuation cell whose `text` is empty and `width` is 0.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster (already sanitised), "" for a continuation cell.
    public var text: String
    /// Display width: 1, 2, or 0 for a continuation cell.
    public var width: UInt8
    /// The colour role the theme maps to colours.
    public var role: StyleRole
    /// Attributes on top of the role's own.
    public var attributes: CellAttributes

    /// Creates a cell.
    public init(text: String = " ", width: UInt8 = 1, role: StyleRole = .text, attributes: CellAttributes = []) {
        self.text = text
        self.width = width
        self.role = role
        self.attributes = attributes
    }

    /// A space in the `text` role.
    public static let blank = Cell()
}

/// A 2-D buffer of cells that pane renderers draw into; plain Swift, unit-testable.
public struct Grid: Sendable, Hashable {
    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    /// Cells row by row (`y * width + x`).
    public private(set) var cells: [Cell]

    /// A grid of `width` × `height` copies of `fill`.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole grid as a rectangle.
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

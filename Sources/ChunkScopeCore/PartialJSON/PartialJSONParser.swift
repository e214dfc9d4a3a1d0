/// An incremental JSON parser for text that arrives in fragments (tool-call arguments).
/// Each byte is examined once; `tree()` describes the value so far without re-parsing, and
/// `finish()` decides whether the whole text is one valid JSON value (RFC 8259).
public struct PartialJSONParser: Sendable {
    /// Deepest nesting accepted; deeper text is reported invalid (keeps the tree and its recursive
    /// rendering bounded whatever a provider sends).
    public static let maxDepth = 512

    private enum Expect: Sendable {
        case value, valueOrEnd, commaOrEnd, keyOrEnd, key, colon, end
    }

    private enum Scalar: Sendable {
        case none
        case string(isKey: Bool)
        case number
        case literal(target: StaticString, matched: Int)
    }

    private enum NumberState: Sendable {
        case sign, zero, integer, dot, fraction, exponent, exponentSign, exponentDigits
        var isTerminal: Bool {
            switch self {
            case .zero, .integer, .fraction, .exponentDigits: return true
            default: return false
            }
        }
    }

    private struct Frame: Sendable {
        var isObject: Bool
        var elements: [PartialJSONNode] = []
        var members: [PartialJSONMember] = []
    }

    private var stack: [Frame] = []
    private var expect: Expect = .value
    private var scalar: Scalar = .none
    private var buffer: [UInt8] = []
    private var numberState: NumberState = .sign
    /// Escape progress inside a string: 0 none, 1 after `\`, 2…5 collecting `\u` hex digits.
    private var escape = 0
    private var hex: UInt32 = 0
    private var highSurrogate: UInt32?
    private var root: PartialJSONNode?
    private var failure: (offset: Int, message: String)?
    /// UTF-8 bytes consumed so far.
    public private(set) var byteCount = 0

    /// Creates a parser at the start of a text.
    public init() {}

    /// True once the text can no longer be valid JSON.
    public var isInvalid: Bool { failure != nil }

    /// Consumes the next fragment of the text.
    public mutating func feed(_ fragment: String) {
        var fragment = fragment
        fragment.withUTF8 { bytes in
            guard failure == nil else {
                byteCount += bytes.count
                return
            }
            let end = byteCount + bytes.count
            for byte in bytes {
                consume(byte)
                if failure != nil { break }
                byteCount += 1
            }
            byteCount = end
        }
    }

    /// Declares the text finished: the final tree, `.complete` or `.invalid` (never `.incomplete`).
    public mutating func finish() -> PartialJSONTree {
        if failure == nil {
            if case .number = scalar {
                if numberState.isTerminal { completeNumber() } else { fail("number ends early") }
            }
            if failure == nil, expect != .end {
                fail(root == nil && stack.isEmpty && isScalarIdle ? "empty text" : "text ends before the value closes")
            }
        }
        return tree()
    }

    /// The value so far with its status; O(depth × width of the open containers).
    public func tree() -> PartialJSONTree {
        var status: PartialJSONTree.Status
        if let failure {
            status = .invalid(byteOffset: failure.offset, message: failure.message)
        } else if expect == .end {
            status = .complete
        } else if stack.isEmpty && isScalarIdle {
            status = .empty
        } else {
            status = .incomplete
        }
        return PartialJSONTree(root: currentRoot(), status: status, byteCount: byteCount)
    }

    private var isScalarIdle: Bool {
        if case .none = scalar { return true }
        return false
    }

    // MARK: - Building the tree

    private func currentRoot() -> PartialJSONNode? {
        if stack.isEmpty {
            return root ?? partialScalarNode()
        }
        var child: PartialJSONNode? = nil
        var pendingKey: String? = nil
        switch scalar {
        case .string(isKey: true): pendingKey = decodedBuffer()
        case .none: break
        default: child = partialScalarNode()
        }
        for frame in stack.reversed() {
            if frame.isObject {
                var members = frame.members
                if let pendingKey {
                    members.append(PartialJSONMember(key: pendingKey, keyComplete: false, value: nil))
                } else if let child, !members.isEmpty, members[members.count - 1].value == nil {
                    members[members.count - 1].value = child
                }
                child = .object(members, closed: false)
            } else {
                var elements = frame.elements
                if let child { elements.append(child) }
                child = .array(elements, closed: false)
            }
            pendingKey = nil
        }
        return child
    }

    private func partialScalarNode() -> PartialJSONNode? {
        switch scalar {
        case .none: return nil
        case .string: return .string(decodedBuffer(), complete: false)
        case .number: return .number(String(decoding: buffer, as: UTF8.self), complete: false)
        case .literal(let target, let matched):
            let text = String(decoding: UnsafeBufferPointer(start: target.utf8Start, count: matched), as: UTF8.self)
            return .partialLiteral(text)
        }
    }

    private func decodedBuffer() -> String {
        var text = String(decoding: buffer, as: UTF8.self)
        if highSurrogate != nil { text.unicodeScalars.append("\u{FFFD}") }
        return text
    }

    // MARK: - Consuming bytes

    private mutating func fail(_ message: String) {
        if failure == nil { failure = (byteCount, message) }
    }

    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09
    }

    private mutating func consume(_ byte: UInt8) {
        switch scalar {
        case .string: consumeString(byte); return
        case .number:
            if consumeNumber(byte) { return }
            completeNumber()
            if failure != nil { return }
        case .literal(let target, let matched):
            let expected = target.utf8Start[matched]
            guard byte == expected else { fail("unexpected byte in literal"); return }
            if matched + 1 == target.utf8CodeUnitCount {
                scalar = .none
                switch target.utf8Start[0] {
                case UInt8(ascii: "t"): completeValue(.bool(true))
                case UInt8(ascii: "f"): completeValue(.bool(false))
                default: completeValue(.null)
                }
            } else {
                scalar = .literal(target: target, matched: matched + 1)
            }
            return
        case .none: break
        }
        if Self.isWhitespace(byte) { return }
        switch expect {
        case .end:
            fail("unexpected data after the JSON value")
        case .value, .valueOrEnd:
            if expect == .valueOrEnd && byte == UInt8(ascii: "]") { closeContainer(object: false); return }
            beginValue(byte)
        case .commaOrEnd:
            let inObject = stack.last?.isObject ?? false
            if byte == UInt8(ascii: ",") {
                expect = inObject ? .key : .value
            } else if byte == UInt8(ascii: inObject ? "}" : "]") {
                closeContainer(object: inObject)
            } else {
                fail(inObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
        case .keyOrEnd, .key:
            if byte == UInt8(ascii: "\"") {
                scalar = .string(isKey: true)
                buffer.removeAll(keepingCapacity: true)
            } else if expect == .keyOrEnd && byte == UInt8(ascii: "}") {
                closeContainer(object: true)
            } else {
                fail("expected a string key")
            }
        case .colon:
            if byte == UInt8(ascii: ":") { expect = .value } else { fail("expected ':'") }
        }
    }

    private mutating func beginValue(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "{") where stack.count >= Self.maxDepth, UInt8(ascii: "[") where stack.count >= Self.maxDepth:
            fail("nesting deeper than \(Self.maxDepth) levels")
        case UInt8(ascii: "{"):
            stack.append(Frame(isObject: true))
            expect = .keyOrEnd
        case UInt8(ascii: "["):
            stack.append(Frame(isObject: false))
            expect = .valueOrEnd
        case UInt8(ascii: "\""):
            scalar = .string(isKey: false)
            buffer.removeAll(keepingCapacity: true)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            scalar = .number
            buffer.removeAll(keepingCapacity: true)
            buffer.append(byte)
            numberState = byte == UInt8(ascii: "-") ? .sign : (byte == UInt8(ascii: "0") ? .zero : .integer)
        case UInt8(ascii: "t"): scalar = .literal(target: "true", matched: 1)
        case UInt8(ascii: "f"): scalar = .literal(target: "false", matched: 1)
        case UInt8(ascii: "n"): scalar = .literal(target: "null", matched: 1)
        default:
            fail("unexpected byte where a value should start")
        }
    }

    private mutating func closeContainer(object: Bool) {
        let frame = stack.removeLast()
        completeValue(object ? .object(frame.members, closed: true) : .array(frame.elements, closed: true))
    }

    /// A value (scalar or container) finished: attach it to its parent and set the next expectation.
    private mutating func completeValue(_ node: PartialJSONNode) {
        guard !stack.isEmpty else {
            root = node
            expect = .end
            return
        }
        let top = stack.count - 1
        if stack[top].isObject {
            stack[top].members[stack[top].members.count - 1].value = node
        } else {
            stack[top].elements.append(node)
        }
        expect = .commaOrEnd
    }

    private mutating func completeNumber() {
        guard numberState.isTerminal else { fail("malformed number"); return }
        scalar = .none
        completeValue(.number(String(decoding: buffer, as: UTF8.self), complete: true))
    }

    /// Returns true when `byte` belongs to the number in progress.
    private mutating func consumeNumber(_ byte: UInt8) -> Bool {
        let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        switch (numberState, byte) {
        case (.sign, _) where byte == UInt8(ascii: "0"): numberState = .zero
        case (.sign, _) where isDigit: numberState = .integer
        case (.integer, _) where isDigit: break
        case (.zero, UInt8(ascii: ".")), (.integer, UInt8(ascii: ".")): numberState = .dot
        case (.dot, _) where isDigit: numberState = .fraction
        case (.fraction, _) where isDigit: break
        case (.zero, UInt8(ascii: "e")), (.zero, UInt8(ascii: "E")),
             (.integer, UInt8(ascii: "e")), (.integer, UInt8(ascii: "E")),
             (.fraction, UInt8(ascii: "e")), (.fraction, UInt8(ascii: "E")):
            numberState = .exponent
        case (.exponent, UInt8(ascii: "+")), (.exponent, UInt8(ascii: "-")): numberState = .exponentSign
        case (.exponent, _) where isDigit, (.exponentSign, _) where isDigit: numberState = .exponentDigits
        case (.exponentDigits, _) where isDigit: break
        default:
            return false
        }
        buffer.append(byte)
        return true
    }

    private mutating func consumeString(_ byte: UInt8) {
        switch escape {
        case 0:
            if byte == UInt8(ascii: "\"") {
                flushLoneSurrogate()
                let text = String(decoding: buffer, as: UTF8.self)
                if case .string(isKey: true) = scalar {
                    scalar = .none
                    stack[stack.count - 1].members.append(PartialJSONMember(key: text, value: nil))
                    expect = .colon
                } else {
                    scalar = .none
                    completeValue(.string(text, complete: true))
                }
            } else if byte == UInt8(ascii: "\\") {
                escape = 1
            } else if byte < 0x20 {
                fail("control character in a string")
            } else {
                flushLoneSurrogate()
                buffer.append(byte)
            }
        case 1:
            escape = 0
            let simple: UInt8?
            switch byte {
            case UInt8(ascii: "\""): simple = 0x22
            case UInt8(ascii: "\\"): simple = 0x5C
            case UInt8(ascii: "/"): simple = 0x2F
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"): simple = nil; escape = 2; hex = 0
            default: fail("invalid escape"); return
            }
            if let simple {
                flushLoneSurrogate()
                buffer.append(simple)
            }
        default:
            guard let digit = Self.hexValue(byte) else { fail("invalid \\u escape"); return }
            hex = hex << 4 | digit
            if escape < 5 { escape += 1; return }
            escape = 0
            appendCodeUnit(hex)
        }
    }

    private mutating func appendCodeUnit(_ unit: UInt32) {
        if (0xD800...0xDBFF).contains(unit) {
            flushLoneSurrogate()
            highSurrogate = unit
            return
        }
        if (0xDC00...0xDFFF).contains(unit) {
            if let high = highSurrogate {
                highSurrogate = nil
                appendScalar(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
            } else {
                appendScalar(0xFFFD)
            }
            return
        }
        flushLoneSurrogate()
        appendScalar(unit)
    }

    private mutating func flushLoneSurrogate() {
        if highSurrogate != nil {
            highSurrogate = nil
            appendScalar(0xFFFD)
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        buffer.append(contentsOf: String(Character(scalar)).utf8)
    }

    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

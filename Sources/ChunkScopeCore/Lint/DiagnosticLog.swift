/// The findings raised so far, in order. Each code is recorded at most `limitPerCode` times so a
/// provider that repeats a fault on every chunk cannot flood memory; further repeats are counted.
public struct DiagnosticLog: Sendable {
    /// Findings recorded per code before further ones are only counted.
    public static let limitPerCode = 20

    /// The recorded findings, in the order they were raised.
    public private(set) var findings: [Diagnostic] = []
    private var perCode: [LintCode: Int] = [:]
    /// Findings raised but not recorded because their code hit the limit.
    public private(set) var suppressed = 0

    /// Creates an empty log.
    public init() {}

    /// Raises a finding; returns false when it was only counted (limit reached).
    @discardableResult
    public mutating func raise(_ code: LintCode, event: Int?, _ message: @autoclosure () -> String) -> Bool {
        let n = perCode[code, default: 0]
        perCode[code] = n + 1
        guard n < Self.limitPerCode else {
            suppressed += 1
            return false
        }
        findings.append(Diagnostic(code: code.rawValue, severity: code.severity, event: event, message: message()))
        return true
    }

    /// How many times `code` was raised (recorded or not).
    public func count(of code: LintCode) -> Int { perCode[code, default: 0] }

    /// True when any recorded finding is an error.
    public var hasError: Bool { findings.contains { $0.severity == .error } }
}

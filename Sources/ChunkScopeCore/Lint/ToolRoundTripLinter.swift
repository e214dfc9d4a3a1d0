// How it fits: the stream linter checks one response; this checks the tool loop across
// responses. The dashboard and `ask` hand it the request's `tools` array and the tool calls of
// every reply so far (`Conversation.toolCallRounds`) and show the findings (CS6xx).

/// One round-trip finding: which reply (round) and call it concerns, and the diagnostic.
public struct ToolRoundTripFinding: Sendable, Equatable {
    /// The 0-based index of the reply in `rounds` whose call is concerned.
    public var round: Int
    /// The `id` of the call concerned.
    public var callID: String
    /// The finding (code CS6xx, its severity, no event number).
    public var diagnostic: Diagnostic

    /// Creates a finding.
    public init(round: Int, callID: String, diagnostic: Diagnostic) {
        self.round = round
        self.callID = callID
        self.diagnostic = diagnostic
    }
}

/// Checks the tool calls of a conversation against the declared tools: calls to tools that were
/// not declared, arguments that do not satisfy the function's JSON schema (required keys, types,
/// enums, `additionalProperties: false`, nested objects and arrays), and the same call made in
/// three replies in a row (a loop). Pure.
public enum ToolRoundTripLinter {
    /// How many consecutive replies with the same call count as a loop.
    public static let loopLength = 3
    /// How deep the schema check follows nested objects and arrays.
    static let maxSchemaDepth = 16

    /// The findings for `rounds` (the tool calls of each reply, oldest first) against
    /// `declaredTools` (the request's `tools` array; nil when it declared none).
    public static func lint(declaredTools: JSONValue?, rounds: [[ToolCallRecord]]) -> [ToolRoundTripFinding] {
        let schemas = declaredFunctions(declaredTools)
        var findings: [ToolRoundTripFinding] = []
        var streaks: [String: Int] = [:]
        for (round, calls) in rounds.enumerated() {
            var next: [String: Int] = [:]
            for call in calls {
                func raise(_ code: LintCode, _ message: String) {
                    findings.append(ToolRoundTripFinding(round: round, callID: call.id, diagnostic: Diagnostic(
                        code: code.rawValue, severity: code.severity, event: nil, message: message)))
                }
                if let schema = schemas[call.name] {
                    if let problem = argumentProblem(call.arguments, schema: schema) {
                        raise(.toolArgumentsViolateSchema, "\(call.name) (\(call.id)): \(problem)")
                    }
                } else {
                    let declared = schemas.keys.sorted()
                    raise(.undeclaredToolCalled, "\(call.name.isEmpty ? "(no name)" : call.name) (\(call.id)) was not declared"
                          + (declared.isEmpty ? " (the request declared no tools)" : " (declared: \(declared.joined(separator: ", ")))"))
                }
                let key = callKey(call)
                guard next[key] == nil else { continue }
                let streak = streaks[key, default: 0] + 1
                next[key] = streak
                if streak == loopLength {
                    raise(.toolCallLoop, "\(call.name)(\(call.arguments.prefix(80))) called in \(loopLength) replies in a row")
                }
            }
            streaks = next
        }
        return findings
    }

    /// The function schemas of a `tools` array by name (`parameters`, or an empty object schema).
    static func declaredFunctions(_ tools: JSONValue?) -> [String: JSONValue] {
        guard case .array(let entries)? = tools else { return [:] }
        var functions: [String: JSONValue] = [:]
        for entry in entries {
            guard let function = entry["function"], let name = function["name"]?.stringValue else { continue }
            functions[name] = function["parameters"] ?? .object([])
        }
        return functions
    }

    /// A call's identity for loop detection: its name and its arguments with insignificant
    /// whitespace removed (the raw text when it is not JSON).
    static func callKey(_ call: ToolCallRecord) -> String {
        let arguments = (try? JSONParser.parse(call.arguments)).map { $0.serialized() } ?? call.arguments
        return call.name + "\u{0}" + arguments
    }

    /// Why `arguments` does not satisfy `schema`, or nil when it does.
    static func argumentProblem(_ arguments: String, schema: JSONValue) -> String? {
        let value: JSONValue
        do {
            value = try JSONParser.parse(arguments.isEmpty ? "{}" : arguments)
        } catch {
            return "the arguments are not valid JSON"
        }
        guard case .object = value else { return "the arguments are \(kind(of: value)), not a JSON object" }
        return problem(value, schema: schema, path: "arguments", depth: 0)
    }

    private static func problem(_ value: JSONValue, schema: JSONValue, path: String, depth: Int) -> String? {
        guard depth < maxSchemaDepth, case .object = schema else { return nil }
        if let types = allowedTypes(schema["type"]), !types.contains(where: { matches(value, type: $0) }) {
            return "\(path) is \(kind(of: value)), the schema wants \(types.joined(separator: " or "))"
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { sameValue($0, value) }) {
            return "\(path) is \(value.serialized().prefix(60)), not one of \(JSONValue.array(options).serialized().prefix(120))"
        }
        switch value {
        case .object(let members):
            let keys = Set(members.map(\.key))
            if case .array(let required)? = schema["required"] {
                let missing = required.compactMap(\.stringValue).filter { !keys.contains($0) }
                if !missing.isEmpty { return "\(path) lacks required \(missing.map { "'\($0)'" }.joined(separator: ", "))" }
            }
            let properties = schema["properties"]
            for member in members {
                if let property = properties?[member.key] {
                    if let problem = problem(member.value, schema: property, path: "\(path).\(member.key)", depth: depth + 1) {
                        return problem
                    }
                } else if schema["additionalProperties"] == .bool(false) {
                    return "\(path) has '\(member.key)', which the schema does not allow (additionalProperties: false)"
                }
            }
        case .array(let items):
            guard let itemSchema = schema["items"] else { return nil }
            for (index, item) in items.enumerated() {
                if let problem = problem(item, schema: itemSchema, path: "\(path)[\(index)]", depth: depth + 1) { return problem }
            }
        case .null, .bool, .number, .string:
            break
        }
        return nil
    }

    /// The `type` of a schema as a list (`"string"` or `["string", "null"]`), nil when absent.
    private static func allowedTypes(_ type: JSONValue?) -> [String]? {
        switch type {
        case .string(let name)?: return [name]
        case .array(let names)?:
            let list = names.compactMap(\.stringValue)
            return list.isEmpty ? nil : list
        default: return nil
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("string", .string), ("boolean", .bool), ("null", .null), ("object", .object), ("array", .array), ("number", .number):
            return true
        case ("integer", .number(let text)):
            return Int(text) != nil || (Double(text).map { $0.rounded() == $0 && $0.isFinite } ?? false)
        default:
            // An unknown type name is not the call's fault.
            return !["string", "boolean", "null", "object", "array", "number", "integer"].contains(type)
        }
    }

    /// JSON equality with numbers compared by value (`1` equals `1.0`).
    private static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b, let dx = Double(x), let dy = Double(y) { return dx == dy }
        return a == b
    }

    private static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

extension Conversation {
    /// The tool calls of each finished reply's chosen choice, oldest first (replies without calls
    /// give empty rounds, which break a loop streak).
    public var toolCallRounds: [[ToolCallRecord]] {
        turns.filter { !$0.isPending }.map { $0.attempt.toolCalls }
    }
}

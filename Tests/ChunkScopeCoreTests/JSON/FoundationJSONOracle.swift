import ChunkScopeCore
import Foundation
import Testing

/// Foundation's `JSONSerialization` as a reference for differential tests, and a comparable,
/// order-free form of JSON values both sides map into.
enum FoundationJSONOracle {
    /// A JSON value with objects as dictionaries (last duplicate wins) and numbers as Doubles.
    indirect enum Plain: Equatable {
        case null, bool(Bool), number(Double), string(String), array([Plain]), object([String: Plain])
    }

    /// Foundation's verdict: the value, or its error text.
    static func parse(_ text: String) -> Result<Plain, FoundationError> {
        do {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            return .success(plain(foundation: object))
        } catch {
            return .failure(FoundationError(text: "\(error)"))
        }
    }

    /// A Foundation parse failure's description.
    struct FoundationError: Error, Equatable {
        var text: String
    }

    static func plain(foundation object: Any) -> Plain {
        switch object {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let array as [Any]: return .array(array.map(plain(foundation:)))
        case let dictionary as [String: Any]: return .object(dictionary.mapValues(plain(foundation:)))
        case let number as NSNumber:
            if String(describing: type(of: number)) == "__NSCFBoolean" { return .bool(number.boolValue) }
            return .number(number.doubleValue)
        default:
            Issue.record("unknown Foundation JSON type \(type(of: object))")
            return .null
        }
    }

    static func plain(_ value: JSONValue) -> Plain {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .number(Double(text) ?? .nan)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map(plain))
        case .object(let members):
            var dictionary: [String: Plain] = [:]
            for member in members { dictionary[member.key] = plain(member.value) }
            return .object(dictionary)
        }
    }

    /// Compares `JSONParser` with Foundation on `text`, allowing only the documented differences:
    /// Foundation accepts trailing commas; it rejects lone surrogate escapes and numbers that
    /// overflow a Double, which `JSONParser` keeps (U+FFFD / exact text).
    static func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let ours = Result { () throws(JSONParseError) in try JSONParser.parse(text) }
        let theirs = parse(text)
        switch (ours, theirs) {
        case (.success(let value), .success(let reference)):
            #expect(plain(value) == reference, "values differ for \(text.debugDescription)", sourceLocation: sourceLocation)
        case (.failure, .failure):
            break
        case (.failure(let error), .success):
            #expect(error.message.hasPrefix("trailing comma"),
                    "JSONParser rejects what Foundation accepts: \(text.debugDescription): \(error)",
                    sourceLocation: sourceLocation)
        case (.success, .failure(let error)):
            let allowed = error.text.contains("not representable") || hasLoneSurrogateEscape(text)
            #expect(allowed, "JSONParser accepts what Foundation rejects: \(text.debugDescription): \(error.text)",
                    sourceLocation: sourceLocation)
        }
    }

    /// True when `text` holds a `\uD800`–`\uDFFF` escape that is not part of a proper pair.
    static func hasLoneSurrogateEscape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func surrogate(at offset: Int) -> UInt32? {
            guard offset + 5 < bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == 0x75,
                  let value = UInt32(String(decoding: bytes[(offset + 2)..<(offset + 6)], as: UTF8.self), radix: 16),
                  (0xD800...0xDFFF).contains(value) else { return nil }
            return value
        }
        while index < bytes.count {
            if bytes[index] == 0x5C, index + 1 < bytes.count, bytes[index + 1] != 0x75 {
                index += 2
                continue
            }
            if let high = surrogate(at: index) {
                if high <= 0xDBFF, let low = surrogate(at: index + 6), low >= 0xDC00 {
                    index += 12
                    continue
                }
                return true
            }
            index += 1
        }
        return false
    }
}

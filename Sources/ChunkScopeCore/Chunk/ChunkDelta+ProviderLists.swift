/// Provider fields of a delta that the typed model keeps in `extra` (both decoder paths put them
/// there identically, so reading them here keeps the fast and the general path in agreement):
/// OpenRouter's `annotations` and `reasoning_details`, and Mistral's `content` sent as an array of
/// parts (a non-string `content` is not a `content` string, so the decoders keep it in `extra`).
extension ChunkDelta {
    /// `delta.annotations` when it is an array (OpenRouter's `url_citation` entries).
    public var annotations: [JSONValue]? { extraArray(named: "annotations") }

    /// `delta.reasoning_details` when it is an array (OpenRouter, Vercel AI Gateway, Snowflake Cortex).
    public var reasoningDetails: [JSONValue]? { extraArray(named: "reasoning_details") }

    /// `delta.content` when it is an array of parts (Mistral's `thinking` / `text` parts).
    public var contentParts: [JSONValue]? { extraArray(named: "content") }

    /// The texts of `reasoning_details` entries (`reasoning.text` → `text`, `reasoning.summary` →
    /// `summary`; encrypted entries carry none), concatenated; nil when no entry carries text.
    public var reasoningDetailsText: String? {
        guard let details = reasoningDetails else { return nil }
        var text: String?
        for entry in details {
            guard let piece = entry["text"]?.stringValue ?? entry["summary"]?.stringValue else { continue }
            text = (text ?? "") + piece
        }
        return text
    }

    private func extraArray(named name: String) -> [JSONValue]? {
        for member in extra where member.key == name {
            if case .array(let elements) = member.value { return elements }
        }
        return nil
    }
}

/// The text of a delta's `content` parts, split by kind.
public struct ContentPartsText: Sendable, Equatable {
    /// Concatenated `text` parts (the answer).
    public var text: String?
    /// Concatenated `thinking` parts (reasoning); a part's `thinking` is a string or a list of
    /// `{"type":"text","text":…}` entries.
    public var thinking: String?

    /// Splits `parts` (`[{"type":"text","text":…}, {"type":"thinking","thinking":[…]}]`).
    public init(_ parts: [JSONValue]) {
        for part in parts {
            switch part["type"]?.stringValue {
            case "text":
                if let piece = part["text"]?.stringValue { text = (text ?? "") + piece }
            case "thinking":
                guard let thought = part["thinking"] else { continue }
                if let piece = thought.stringValue {
                    thinking = (thinking ?? "") + piece
                } else if case .array(let entries) = thought {
                    for entry in entries {
                        if let piece = entry["text"]?.stringValue { thinking = (thinking ?? "") + piece }
                    }
                }
            default:
                continue
            }
        }
    }
}

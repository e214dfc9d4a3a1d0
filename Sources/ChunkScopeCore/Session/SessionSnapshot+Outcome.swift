/// Why a stream that ended without a transport failure still gave no usable reply.
public struct ReplyProblem: Sendable, Equatable {
    /// A few words for the status badge ("provider error", "no reply").
    public var title: String
    /// One line saying what happened (a finding's message, or a description).
    public var detail: String

    /// A problem with the given title and detail.
    public init(title: String, detail: String) {
        self.title = title
        self.detail = detail
    }

    /// The problem of a finished stream given its findings and choices, in order of precedence: an
    /// HTTP error status (CS101, from a capture), an undecoded gzip body (CS111), an in-band error payload (CS202), a discarded over-long line
    /// (CS103), a body without a chunk (CS108), then choices that carry no text, reasoning, refusal
    /// or tool call. nil when the reply is usable.
    public static func of(diagnostics: [Diagnostic], choices: [ChoiceState]) -> ReplyProblem? {
        let ordered: [(LintCode, String)] = [
            (.httpStatus, "HTTP error"), (.compressedBody, "gzip body"), (.errorPayload, "provider error"),
            (.lineTooLong, "line discarded"), (.noChunks, "no reply"),
        ]
        for (code, title) in ordered {
            if let finding = diagnostics.first(where: { $0.code == code.rawValue }) {
                return ReplyProblem(title: title, detail: finding.message)
            }
        }
        let usable = choices.contains { choice in
            !choice.content.isEmpty || !choice.reasoning.isEmpty || !choice.refusal.isEmpty || !choice.toolCalls.isEmpty
        }
        guard !usable else { return nil }
        return ReplyProblem(title: "no reply", detail: choices.isEmpty
            ? "the stream carried no choice" : "the stream ended without any text or tool call")
    }
}

extension SessionSnapshot {
    /// For a stream that ended normally (`.finished`), why it still gave no usable reply; nil for
    /// a usable reply and for every other state (failures carry their own reason).
    public var replyProblem: ReplyProblem? {
        guard state == .finished else { return nil }
        return ReplyProblem.of(diagnostics: diagnostics, choices: choices)
    }
}

extension CheckReport {
    /// As `SessionSnapshot.replyProblem`, for a headless run.
    public var replyProblem: ReplyProblem? {
        guard state == .finished else { return nil }
        return ReplyProblem.of(diagnostics: diagnostics, choices: choices)
    }
}

import Testing
@testable import ChunkScopeCore

@Suite("Lint")
struct LintTests {
    @Test("codes are unique, well-formed, titled, and grouped by hundreds")
    func codeTable() {
        let codes = LintCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        for code in LintCode.allCases {
            #expect(code.rawValue.count == 5 && code.rawValue.hasPrefix("CS"))
            #expect(!code.title.isEmpty)
        }
    }

    @Test("severities: broken data is an error, common provider habits are not", arguments: [
        (LintCode.notJSON, Diagnostic.Severity.error), (.errorPayload, .error), (.dataAfterDone, .error),
        (.argumentsInvalidJSON, .error), (.toolIndexReused, .error), (.invalidUTF8, .error),
        (.missingDone, .warning), (.toolCallWithoutIndex, .warning), (.toolIndexNotFromZero, .warning),
        (.firstDeltaWithoutRole, .info), (.azureFilterChunk, .info), (.usageRepeated, .info),
    ])
    func severities(code: LintCode, severity: Diagnostic.Severity) {
        #expect(code.severity == severity)
    }

    @Test("Azure's prompt-filter chunk is info, not a wrong object; empty id/model are not changes")
    func azure() {
        var linter = StreamLinter()
        var log = DiagnosticLog()
        let filter = ChatCompletionChunk(id: "", object: "", created: 0, model: "", choices: [],
                                         extra: [.init("prompt_filter_results", .array([]))])
        linter.check(filter, event: 1, diagnostics: &log)
        linter.check(ChatCompletionChunk(id: "chatcmpl-1", object: "chat.completion.chunk", created: 5, model: "gpt-4o"), event: 2, diagnostics: &log)
        #expect(log.findings.map(\.code) == ["CS204"])
    }

    @Test("a choice without index and an unknown finish_reason are flagged")
    func choiceChecks() {
        var linter = StreamLinter()
        var log = DiagnosticLog()
        let chunk = ChatCompletionChunk(id: "a", object: "chat.completion.chunk", choices: [
            ChunkChoice(index: nil, finishReason: "eos"),
        ])
        linter.check(chunk, event: 3, diagnostics: &log)
        linter.check(chunk, event: 4, diagnostics: &log)
        #expect(log.findings.map(\.code) == ["CS209", "CS210", "CS210"])
    }

    @Test("the diagnostic log caps each code and counts the rest")
    func cap() {
        var log = DiagnosticLog()
        for i in 0..<50 { log.raise(.notJSON, event: i, "x") }
        log.raise(.missingDone, event: nil, "y")
        #expect(log.findings.count == DiagnosticLog.limitPerCode + 1)
        #expect(log.suppressed == 50 - DiagnosticLog.limitPerCode)
        #expect(log.count(of: .notJSON) == 50)
        #expect(log.hasError)
    }
}

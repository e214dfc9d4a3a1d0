import Testing
@testable import ChunkScopeCore

/// What real providers send that the OpenAI SDK drops or fails on (issue 15): ChunkScope keeps it
/// and says so. Streams are decoded through `ChunkDecoder` so the fast and the general path both run.
@Suite("Provider fidelity")
struct ProviderFidelityTests {
    private func report(_ data: [String]) -> CheckReport {
        CheckReport.check(body: Array((data.map { "data: " + $0 + "\n\n" }.joined() + "data: [DONE]\n\n").utf8))
    }

    private func chunk(_ delta: String, finish: String? = nil, usage: String? = nil) -> String {
        let reason = finish.map { "\"\($0)\"" } ?? "null"
        let usagePart = usage.map { ",\"usage\":" + $0 } ?? ""
        return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":\(delta),\"finish_reason\":\(reason)}]\(usagePart)}"
    }

    private func codes(_ report: CheckReport) -> [String] { report.diagnostics.map(\.code) }

    private static let citationA = #"{"type":"url_citation","url_citation":{"url":"https://a.example/x","title":"Page A","content":"…","start_index":0,"end_index":4}}"#
    private static let citationB = #"{"type":"url_citation","url_citation":{"url":"https://b.example/y","title":"Page B"}}"#

    @Test("index-less annotations on two chunks: kept as citations, CS212 names the SDK failure")
    func annotationsWithoutIndex() {
        let r = report([
            chunk(#"{"role":"assistant","content":"Webb launched in 2021."}"#),
            chunk(#"{"content":"","annotations":[\#(Self.citationA)]}"#),
            chunk(#"{"content":"","annotations":[\#(Self.citationB),\#(Self.citationA)]}"#),
            chunk("{}", finish: "stop"),
        ])
        #expect(r.choices[0].content == "Webb launched in 2021.")
        #expect(r.choices[0].citations == [Citation(title: "Page A", url: "https://a.example/x"),
                                           Citation(title: "Page B", url: "https://b.example/y")])
        #expect(codes(r) == ["CS212"])
        #expect(r.diagnostics[0].event == 3)
        #expect(r.diagnostics[0].message.contains("OpenAI SDK raises"))
        let text = r.text()
        #expect(text.contains("  citations:\n    [1] Page A — https://a.example/x\n    [2] Page B — https://b.example/y\n"))
    }

    @Test("one annotations list, or lists with index: the SDK copes, so no CS212")
    func annotationsTheSDKAccepts() {
        let once = report([chunk(#"{"role":"assistant","content":"x","annotations":[\#(Self.citationA)]}"#), chunk("{}", finish: "stop")])
        #expect(codes(once).isEmpty)
        #expect(once.choices[0].citations.count == 1)
        let indexed = report([
            chunk(#"{"role":"assistant","content":"x","reasoning_details":[{"type":"reasoning.text","text":"a","index":0}]}"#),
            chunk(#"{"reasoning_details":[{"type":"reasoning.text","text":"b","index":0}]}"#),
            chunk("{}", finish: "stop"),
        ])
        #expect(!codes(indexed).contains("CS212"))
    }

    @Test("content as an array of parts: thinking is reasoning, text is content, CS213 once")
    func contentParts() {
        let r = report([
            chunk(#"{"role":"assistant","content":""}"#),
            chunk(#"{"content":[{"type":"thinking","thinking":[{"type":"text","text":"Think "},{"type":"text","text":"hard."}]}]}"#),
            chunk(#"{"content":[{"type":"thinking","thinking":"More."},{"type":"text","text":"Answer: "}]}"#),
            chunk(#"{"content":"42"}"#, finish: "stop"),
        ])
        #expect(r.choices[0].reasoning == "Think hard.More.")
        #expect(r.choices[0].content == "Answer: 42")
        #expect(r.choices[0].reasoningField == "content")
        #expect(codes(r) == ["CS213"])
        let json = r.jsonValue()
        #expect(json["choices"]?.arrayElement(0)?["reasoning"]?.stringValue == "Think hard.More.")
        #expect(r.text().contains("reasoning (content thinking parts):\n    Think hard.More.\n"))
    }

    @Test("reasoning_details alone is the reasoning; beside reasoning it is not counted twice")
    func reasoningDetails() {
        let only = report([
            chunk(#"{"role":"assistant","reasoning_details":[{"type":"reasoning.text","text":"Plan"}]}"#),
            chunk(#"{"reasoning_details":[{"type":"reasoning.summary","summary":" it."},{"type":"reasoning.encrypted","data":"x"}]}"#),
            chunk(#"{"content":"Done"}"#, finish: "stop"),
        ])
        #expect(only.choices[0].reasoning == "Plan it.")
        #expect(only.choices[0].reasoningField == "reasoning_details")
        #expect(only.jsonValue()["choices"]?.arrayElement(0)?["reasoning"]?.stringValue == "Plan it.")
        let both = report([
            chunk(#"{"role":"assistant","reasoning":"Plan","reasoning_details":[{"type":"reasoning.text","text":"Plan","index":0}]}"#),
            chunk(#"{"reasoning":" it.","reasoning_details":[{"type":"reasoning.text","text":" it.","index":0}]}"#),
            chunk(#"{"content":"Done"}"#, finish: "stop"),
        ])
        #expect(both.choices[0].reasoning == "Plan it.")
        #expect(both.choices[0].reasoningField == "reasoning")
    }

    @Test("an all-zero usage after real counts: last wins, CS504 names both, the real one is kept beside it")
    func zeroedUsage() {
        let real = #"{"prompt_tokens":18,"completion_tokens":3,"total_tokens":21}"#
        let zero = #"{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}"#
        let r = report([
            chunk(#"{"role":"assistant","content":"Hi"}"#),
            chunk("{}", finish: "stop", usage: real),
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":\#(zero)}"#,
        ])
        #expect(r.usage?.serialized() == zero)
        #expect(r.replacedUsage?.serialized() == real)
        let finding = r.diagnostics.first { $0.code == "CS504" }
        #expect(finding?.severity == .warning)
        #expect(finding?.message.contains(real) == true)
        #expect(finding?.message.contains(zero) == true)
        #expect(r.text().contains("usage before it was zeroed: " + real))
        // Real counts last (or zeros only): nothing to flag.
        let fine = report([chunk(#"{"role":"assistant","content":"Hi"}"#, finish: "stop", usage: zero),
                           #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":\#(real)}"#])
        #expect(!codes(fine).contains("CS504"))
        #expect(fine.replacedUsage == nil)
    }
}

private extension JSONValue {
    func arrayElement(_ i: Int) -> JSONValue? {
        guard case .array(let items) = self, i < items.count else { return nil }
        return items[i]
    }
}

import ChunkScopeCore
import Testing

@Suite("Tool round-trip lint (CS6xx)")
struct ToolRoundTripLinterTests {
    static let tools = try? JSONParser.parse(#"""
        [{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
          "properties":{"location":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]},
                        "days":{"type":"integer"},"hourly":{"type":["boolean","null"]},
                        "stops":{"type":"array","items":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}},
          "required":["location"],"additionalProperties":false}}},
         {"type":"function","function":{"name":"get_time"}}]
        """#)

    static func call(_ name: String, _ arguments: String, id: String = "call_1") -> ToolCallRecord {
        ToolCallRecord(id: id, name: name, arguments: arguments)
    }

    static func findings(_ rounds: [[ToolCallRecord]], tools: JSONValue? = tools) -> [String] {
        ToolRoundTripLinter.lint(declaredTools: tools, rounds: rounds).map { "\($0.round) \($0.diagnostic.code) \($0.diagnostic.message)" }
    }

    @Test("calls that satisfy the schema raise nothing")
    func valid() throws {
        _ = try #require(Self.tools)
        #expect(Self.findings([[
            Self.call("get_weather", #"{"location":"Paris","unit":"celsius","days":3.0,"hourly":null,"stops":[{"city":"Lyon"}]}"#),
            Self.call("get_time", "", id: "call_2"),
        ]]).isEmpty)
    }

    static let schemaCases: [(String, String)] = [
        (#"{"unit":"celsius"}"#, "arguments lacks required 'location'"),
        (#"{"location":42}"#, "arguments.location is a number, the schema wants string"),
        (#"{"location":"Paris","days":2.5}"#, "arguments.days is a number, the schema wants integer"),
        (#"{"location":"Paris","unit":"kelvin"}"#, #"arguments.unit is "kelvin", not one of ["celsius","fahrenheit"]"#),
        (#"{"location":"Paris","hourly":"yes"}"#, "arguments.hourly is a string, the schema wants boolean or null"),
        (#"{"location":"Paris","stops":[{"city":"Lyon"},{}]}"#, "arguments.stops[1] lacks required 'city'"),
        (#"{"location":"Paris","extra":1}"#, "arguments has 'extra', which the schema does not allow (additionalProperties: false)"),
        (#"["Paris"]"#, "the arguments are an array, not a JSON object"),
        (#"{"location":"Par"#, "the arguments are not valid JSON"),
    ]

    @Test("arguments that break the declared schema raise CS602 with the path", arguments: schemaCases)
    func schema(_ arguments: String, _ problem: String) {
        #expect(Self.findings([[Self.call("get_weather", arguments)]]) == ["0 CS602 get_weather (call_1): \(problem)"])
    }

    @Test("a call to an undeclared function raises CS601 listing what was declared")
    func undeclared() {
        #expect(Self.findings([[Self.call("get_stock", "{}")]])
            == ["0 CS601 get_stock (call_1) was not declared (declared: get_time, get_weather)"])
        #expect(Self.findings([[Self.call("get_weather", "{}")]], tools: nil)
            == ["0 CS601 get_weather (call_1) was not declared (the request declared no tools)"])
    }

    @Test("the same call in three replies in a row is a loop (CS603); whitespace does not matter, a break resets")
    func loop() {
        let paris = Self.call("get_weather", #"{"location":"Paris"}"#)
        let spaced = Self.call("get_weather", #"{ "location": "Paris" }"#, id: "call_9")
        let london = Self.call("get_weather", #"{"location":"London"}"#)
        #expect(Self.findings([[paris], [paris], [london], [paris], [paris]]).isEmpty)
        #expect(Self.findings([[paris], [], [paris], [paris]]).isEmpty)
        #expect(Self.findings([[paris], [london, spaced], [paris]])
            == [#"2 CS603 get_weather({"location":"Paris"}) called in 3 replies in a row"#])
        #expect(Self.findings([[paris], [paris], [paris], [paris]]).count == 1)
    }

    @Test("the codes are warnings in their own CS6xx block")
    func codes() {
        for code in [LintCode.undeclaredToolCalled, .toolArgumentsViolateSchema, .toolCallLoop] {
            #expect(code.severity == .warning)
            #expect(code.rawValue.hasPrefix("CS6"))
        }
    }
}

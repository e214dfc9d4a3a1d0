import Testing
@testable import TerminalBackend

@Suite("Colour fitting")
struct ColorMapperTests {
    @Test("Capability from the environment and terminfo")
    func capability() {
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "1"], hasColors: true, colors: 256, directColorFlag: true) == .none)
        #expect(ColorCapability.detect(environment: ["NO_COLOR": ""], hasColors: true, colors: 256, directColorFlag: false) == .indexed256)
        #expect(ColorCapability.detect(environment: [:], hasColors: true, colors: 1 << 24, directColorFlag: false) == .direct)
        #expect(ColorCapability.detect(environment: [:], hasColors: true, colors: 256, directColorFlag: true) == .direct)
        #expect(ColorCapability.detect(environment: [:], hasColors: true, colors: 16, directColorFlag: false) == .ansi16)
        #expect(ColorCapability.detect(environment: [:], hasColors: true, colors: 8, directColorFlag: false) == .ansi8)
        #expect(ColorCapability.detect(environment: [:], hasColors: false, colors: 0, directColorFlag: false) == .none)
        #expect(ColorCapability.environmentWantsTruecolor(["COLORTERM": "truecolor"]))
        #expect(ColorCapability.environmentWantsTruecolor(["COLORTERM": "24bit"]))
        #expect(!ColorCapability.environmentWantsTruecolor(["COLORTERM": "yes"]))
    }

    static let nearestCases: [((UInt8, UInt8, UInt8), UInt8)] = [
        ((255, 0, 0), 196),
        ((0, 0, 0), 16),
        ((255, 255, 255), 231),
        ((128, 128, 128), 244),
        ((0, 135, 255), 33),
        ((30, 30, 30), 234),
    ]

    @Test("RGB to the 256 palette picks the nearest cube colour or grey", arguments: nearestCases)
    func nearest256(rgb: (UInt8, UInt8, UInt8), expected: UInt8) {
        #expect(ColorMapper.nearest256(rgb.0, rgb.1, rgb.2) == expected)
    }

    @Test("Every palette index maps back to itself through its own RGB (cube and greys)")
    func roundTrip() {
        for index in UInt8(16)...UInt8(255) {
            let (r, g, b) = ColorMapper.rgb(ofIndexed: index)
            let back = ColorMapper.nearest256(r, g, b)
            #expect(ColorMapper.rgb(ofIndexed: back) == ColorMapper.rgb(ofIndexed: index), "index \(index)")
        }
    }

    @Test("Fallback chain: truecolor → 256 → 16 → 8 → none")
    func fallback() {
        let orange = TerminalColor.rgb(255, 135, 0)
        #expect(ColorMapper(capability: .direct).cursesColor(for: orange) == 0xFF8700)
        #expect(ColorMapper(capability: .indexed256).cursesColor(for: orange) == 208)
        #expect(ColorMapper(capability: .ansi16).cursesColor(for: orange) == 3)
        #expect(ColorMapper(capability: .ansi16).cursesColor(for: .rgb(250, 250, 80)) == 11)
        #expect(ColorMapper(capability: .ansi8).cursesColor(for: orange) == 3)
        #expect(ColorMapper(capability: .none).cursesColor(for: orange) == nil)
        #expect(ColorMapper(capability: .ansi8).cursesColor(for: .indexed(12)) == 4)
        #expect(ColorMapper(capability: .ansi16).cursesColor(for: .indexed(196)) == 9)
        #expect(ColorMapper(capability: .direct).cursesColor(for: .indexed(3)) == 3)
        #expect(ColorMapper(capability: .direct).cursesColor(for: .indexed(196)) == 0xFF0000)
        #expect(ColorMapper(capability: .direct).cursesColor(for: .rgb(0, 0, 0)) == 8)
        for capability in [ColorCapability.direct, .indexed256, .ansi16, .ansi8] {
            #expect(ColorMapper(capability: capability).cursesColor(for: .default) == -1)
        }
    }
}

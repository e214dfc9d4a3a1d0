import Testing
@testable import ChunkScopeUI

@Suite("Layout")
struct LayoutTests {
    @Test("ASCII drawings at several sizes", arguments: [
        (120, 40, PaneID.prompt), (80, 24, .prompt), (100, 30, .chunks), (69, 24, .chunks),
        (40, 12, .prompt), (40, 12, .usage), (39, 12, .prompt), (120, 11, .prompt),
    ])
    func drawings(width: Int, height: Int, focus: PaneID) {
        let size = TerminalSize(width: width, height: height)
        let drawing = Layout.ascii(size: size, options: LayoutOptions(focus: focus))
        Golden.check(drawing + "\n", named: "layout-\(width)x\(height)-\(focus.rawValue)")
    }

    @Test("zoom gives one pane the area above the prompt; help overlays")
    func zoomAndHelp() {
        let size = TerminalSize(width: 80, height: 24)
        let rects = Layout.compute(size: size, options: LayoutOptions(focus: .chunks, zoomed: .chunks))
        #expect(rects[.chunks] == Rect(x: 0, y: 0, width: 80, height: 20))
        #expect(rects[.transcript] == nil)
        Golden.check(Layout.ascii(size: size, options: LayoutOptions(focus: .chunks, zoomed: .chunks, showHelp: true)) + "\n",
                     named: "layout-80x24-zoom-help")
    }

    @Test("panes tile the screen without overlap at every size from 40x12 to 200x60")
    func tiling() {
        for width in stride(from: 40, through: 200, by: 7) {
            for height in stride(from: 12, through: 60, by: 5) {
                for lines in [1, 3, 9] {
                    let rects = Layout.compute(size: TerminalSize(width: width, height: height), options: LayoutOptions(promptLines: lines))
                    var covered = Array(repeating: 0, count: width * height)
                    for (pane, r) in rects where pane != .help {
                        #expect(r.x >= 0 && r.y >= 0 && r.maxX <= width && r.maxY <= height)
                        for y in r.y..<r.maxY { for x in r.x..<r.maxX { covered[y * width + x] += 1 } }
                    }
                    #expect(covered.allSatisfy { $0 == 1 }, "\(width)x\(height) lines \(lines)")
                    #expect(rects[.transcript].map { $0.height >= 3 } ?? false)
                }
            }
        }
    }

    @Test("hit testing finds the pane under a point")
    func hitTest() {
        let rects = Layout.compute(size: TerminalSize(width: 120, height: 40), options: LayoutOptions())
        #expect(Layout.pane(at: 5, 5, in: rects) == .transcript)
        #expect(Layout.pane(at: 100, 2, in: rects) == .toolCalls)
        #expect(Layout.pane(at: 100, 38, in: rects) == .prompt)
        #expect(Layout.pane(at: 100, 39, in: rects) == nil)
    }
}

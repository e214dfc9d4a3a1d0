// How it fits: in the compact layout (under 70x20) only one pane fits; this strip names all four
// and marks the one shown. Clicking a name focuses that pane (the reducer asks `tab(atColumn:)`).

/// The one-row pane switcher of the compact layout.
public enum TabStripRenderer {
    /// The tabs in order with their labels.
    static let tabs: [(PaneID, String)] = [(.transcript, "Transcript"), (.toolCalls, "Tools"), (.chunks, "Chunks"), (.usage, "Usage")]

    /// The pane whose label covers `column` (relative to the strip), if any.
    public static func tab(atColumn column: Int) -> PaneID? {
        var x = 1
        for (pane, label) in tabs {
            let width = label.count + 2
            if column >= x, column < x + width { return pane }
            x += width + 1
        }
        return nil
    }

    /// Draws the strip; the shown pane (the focused one, or the transcript while typing) is highlighted.
    public static func render(focus: PaneID, into grid: inout Grid, in rect: Rect) {
        guard !rect.isEmpty else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(role: .status))
        let shown: PaneID = focus == .prompt ? .transcript : focus
        var x = rect.x + 1
        for (i, (pane, label)) in tabs.enumerated() {
            let active = pane == shown
            x = grid.write(" " + label + " ", x: x, y: rect.y, maxX: rect.maxX,
                           role: active ? .selection : .status, attributes: active ? [.bold] : [])
            if i < tabs.count - 1 { x = grid.write("│", x: x, y: rect.y, maxX: rect.maxX, role: .status) }
        }
    }
}

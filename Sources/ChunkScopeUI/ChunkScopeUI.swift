// ChunkScopeUI — how it fits: pure presentation, no terminal access, no I/O.
//
//   KeyEvent ─▶ Keymap ─▶ UIAction ─▶ DashboardState.handle ─▶ [Effect]        (Input/, State/)
//   AppEvent (snapshot, stream end, send failure, tool output) ─▶ DashboardState.apply ─▶ [Effect]
//   DashboardState + SessionSnapshot ─▶ ScreenRenderer ─▶ Grid + FrameReport    (Screen/, Panes/)
//
// Folders by concern:
//   Grid/      Cell, Grid, Rect, StyleRole (the contract with TerminalBackend), drawing, snapshots
//   Text/      DisplayWidth, Sanitizer, StyledLine, TextWrapper
//   Markdown/  light markdown for the transcript, incremental for streaming replies
//   JSON/      pretty JSON from text (tolerant) and from core's PartialJSONTree
//   Layout/    Layout.compute(size:options:) → [PaneID: Rect]
//   Panes/     one renderer per pane (transcript, tool calls, chunks, usage, prompt, status, help…)
//   Input/     KeyEvent, Keymap (bindings as data), UIAction
//   State/     DashboardState and its reducer (the one writer), AppEvent, Effect, PromptEditor, view states
//   Theme/     Theme, ThemeColor fallbacks, ColorCapability, the theme file parser, built-ins
//   Screen/    ScreenRenderer: the whole frame

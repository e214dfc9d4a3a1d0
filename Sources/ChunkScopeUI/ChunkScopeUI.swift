// ChunkScopeUI — how it fits: pure presentation. Pane renderers turn a SessionSnapshot plus a Rect
// into cells of a Grid; layout is a pure function of the terminal size; display width and
// sanitising live here. Nothing in this module touches the terminal.

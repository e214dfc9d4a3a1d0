// TerminalBackend — how it fits: the only module that imports ncurses, and only ever used from
// the main actor. `Terminal` opens the screen (locale, raw mode, mouse, colours, signal
// routing), draws a `Grid` by writing only the cells that changed since the last frame, and
// turns terminal input (keys, paste, mouse, resize, termination signals) into `TerminalEvent`s.
// Colours: a `StylePalette` (from a theme) names colours per `StyleRole`; `ColorCapability`
// decides truecolor / 256 / 16 / 8 / none and `ColorMapper` degrades colours to fit.

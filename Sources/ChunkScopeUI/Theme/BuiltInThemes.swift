// The shipped themes compiled in, so `--theme dark` works from any directory. The text is
// identical to Themes/*.theme (a test checks that); edit the files, then copy them here.

/// The themes that ship with ChunkScope.
public enum BuiltInThemes {
    /// Built-in theme names, default first.
    public static let names = ["dark", "light", "high-contrast"]

    /// The source text of each built-in theme.
    public static let sources: [String: String] = [
        "dark": #"""
# ChunkScope dark theme (the default). Format: role = FOREGROUND [on BACKGROUND] [attributes]
# Colours: default, ANSI names (red, bright-blue…), 0-255, #rrggbb. See README.md, "Themes".
name = dark
text = #d0d0d0
dim = #808080
accent = #5fafff
title = #e4e4e4 bold
border = #4e4e4e
borderFocused = #5fafff bold
status = #bcbcbc on #262626
statusKey = #5fafff on #262626 bold
statusGood = #5fd75f on #262626 bold
statusWarning = #ffaf00 on #262626 bold
statusError = #ff5f5f on #262626 bold
user = #87d787 bold
assistant = #5fafff bold
reasoning = #8a8a8a italic
refusal = #ffaf5f bold
code = #ffd787 on #303030
codeBlock = #d7d7af on #262626
heading = #ffffff bold underline
link = #5fafff underline
good = #5fd75f
warning = #ffaf00
error = #ff5f5f bold
selection = #ffffff on #005f87
escape = #ff5f87 on #3a0018 bold
sparkline = #5fd7d7
match = #000000 on #ffd700
cursor = #000000 on #d0d0d0
jsonKey = #87afd7
jsonString = #afd787
jsonNumber = #d7af87
jsonLiteral = #d787d7
jsonPunctuation = #6c6c6c
"""#,
        "light": #"""
# ChunkScope light theme, for light terminal backgrounds.
name = light
text = #1c1c1c
dim = #6c6c6c
accent = #005faf
title = #000000 bold
border = #a8a8a8
borderFocused = #005faf bold
status = #303030 on #e4e4e4
statusKey = #005faf on #e4e4e4 bold
statusGood = #008700 on #e4e4e4 bold
statusWarning = #af5f00 on #e4e4e4 bold
statusError = #d70000 on #e4e4e4 bold
user = #007500 bold
assistant = #005faf bold
reasoning = #6c6c6c italic
refusal = #af5f00 bold
code = #870000 on #eeeeee
codeBlock = #303030 on #eeeeee
heading = #000000 bold underline
link = #005faf underline
good = #008700
warning = #af5f00
error = #d70000 bold
selection = #000000 on #afd7ff
escape = #d70000 on #ffd7d7 bold
sparkline = #008787
match = #000000 on #ffff5f
cursor = #ffffff on #1c1c1c
jsonKey = #005f87
jsonString = #5f8700
jsonNumber = #af5f00
jsonLiteral = #870087
jsonPunctuation = #808080
"""#,
        "high-contrast": #"""
# ChunkScope high-contrast theme: pure colours, bold borders, no dim text.
name = high-contrast
inherits = dark
text = bright-white
dim = white
accent = bright-cyan bold
title = bright-white bold
border = white
borderFocused = bright-yellow bold
status = black on bright-white
statusKey = black on bright-yellow bold
statusGood = black on bright-green bold
statusWarning = black on bright-yellow bold
statusError = bright-white on red bold
user = bright-green bold
assistant = bright-cyan bold
reasoning = white italic
refusal = bright-yellow bold
code = bright-yellow on black
codeBlock = bright-white on #1c1c1c
heading = bright-white bold underline
link = bright-cyan underline
good = bright-green bold
warning = bright-yellow bold
error = bright-red bold
selection = black on bright-cyan
escape = bright-white on red bold
sparkline = bright-cyan
match = black on bright-yellow
cursor = black on bright-white
jsonKey = bright-cyan
jsonString = bright-green
jsonNumber = bright-yellow
jsonLiteral = bright-magenta
jsonPunctuation = white
"""#,
    ]

    /// A parsed built-in theme, or nil for an unknown name.
    public static func theme(named name: String) -> Theme? {
        guard let text = sources[name] else { return nil }
        return try? ThemeParser.parse(text, file: name + ".theme", resolve: { $0 == name ? nil : theme(named: $0) })
    }
}

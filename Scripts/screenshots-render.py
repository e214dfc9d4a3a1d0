#!/usr/bin/env python3
"""Turns `tmux capture-pane -e -p` output (text with SGR colour sequences) into a PNG.

Usage: screenshots-render.py CAPTURE.ans OUT.png --width COLS --title TITLE

ANSI → rich Text → SVG (rich's terminal frame) → `xml:space="preserve"` added so librsvg keeps
runs of spaces → rsvg-convert → PNG. Fonts: DejaVu Sans Mono, Noto CJK, Noto Color Emoji.
"""
import argparse
import subprocess
import sys

from rich.console import Console
from rich.terminal_theme import TerminalTheme
from rich.text import Text

# xterm's default palette, so the PNG shows the colours a typical dark terminal does.
XTERM = TerminalTheme(
    (12, 12, 16),
    (220, 220, 220),
    [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)],
    [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)],
)

# Emoji come from fontconfig fallback (Noto Color Emoji): naming that font here makes Pango take
# digits from it too (keycap glyphs), which spreads numbers out.
FONT_FAMILY = "DejaVu Sans Mono, Noto Sans Mono CJK SC, monospace"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("capture")
    parser.add_argument("output")
    parser.add_argument("--width", type=int, required=True)
    parser.add_argument("--title", default="chunkscope")
    args = parser.parse_args()

    with open(args.capture, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    console = Console(record=True, width=args.width, force_terminal=True, color_system="truecolor",
                      legacy_windows=False, file=open("/dev/null", "w"))
    for line in lines:
        text = Text.from_ansi(line)
        text.no_wrap = True
        text.overflow = "crop"
        console.print(text, no_wrap=True, crop=True, soft_wrap=False)
    svg = console.export_svg(title=args.title, theme=XTERM, font_aspect_ratio=0.61)
    svg = svg.replace("<svg ", '<svg xml:space="preserve" ', 1)
    # rich names Fira Code (from a web font URL rsvg cannot fetch); use the installed fonts.
    svg = svg.replace('font-family: Fira Code, monospace', "font-family: " + FONT_FAMILY)
    svg = svg.replace('font-family: arial', "font-family: DejaVu Sans")
    # rich asks for full-width East Asian forms, which librsvg applies to digits too (1 → １).
    svg = svg.replace("font-variant-east-asian: full-width;", "")
    svg_path = args.output[:-4] + ".svg" if args.output.endswith(".png") else args.output + ".svg"
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write(svg)
    subprocess.run(["rsvg-convert", "--zoom", "1.5", "-o", args.output, svg_path], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

// Reaches ncursesw's wide-character API from Swift. SwiftPM drops pkg-config's -D flags,
// so the wide API is switched on here; macros and C globals Swift cannot import get accessors.
#ifndef CHUNKSCOPE_CNCURSESW_SHIM_H
#define CHUNKSCOPE_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline int cs_lines(void) { return LINES; }
static inline int cs_cols(void) { return COLS; }
#endif

// Reaches ncursesw's wide-character API from Swift. SwiftPM drops pkg-config's -D flags,
// so the wide API is switched on here; macros and C globals Swift cannot import get accessors,
// and the few things that must happen inside a signal handler are written in C.
#ifndef CHUNKSCOPE_CNCURSESW_SHIM_H
#define CHUNKSCOPE_CNCURSESW_SHIM_H
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <poll.h>
#include <ncursesw/curses.h>

// glibc hides wcwidth unless _XOPEN_SOURCE is set before <wchar.h>; declare it.
extern int wcwidth(wchar_t c);

// MARK: globals and macros

static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline WINDOW *cs_curscr(void) { return curscr; }
static inline int cs_lines(void) { return LINES; }
static inline int cs_cols(void) { return COLS; }
static inline int cs_colors(void) { return COLORS; }
static inline int cs_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cs_stdin(void) { return stdin; }
static inline FILE *cs_stdout(void) { return stdout; }

static inline attr_t cs_attr_normal(void) { return A_NORMAL; }
static inline attr_t cs_attr_bold(void) { return A_BOLD; }
static inline attr_t cs_attr_dim(void) { return A_DIM; }
static inline attr_t cs_attr_italic(void) { return A_ITALIC; }
static inline attr_t cs_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cs_attr_reverse(void) { return A_REVERSE; }

static inline int cs_key_f(int n) { return KEY_F(n); }

/// A terminfo string capability, or NULL when the terminal has none.
static inline const char *cs_string_capability(const char *name) {
    char *value = tigetstr(name);
    return value == (char *)-1 ? NULL : value;
}

static inline mmask_t cs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cs_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cs_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cs_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cs_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cs_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t cs_button_shift(void) { return BUTTON_SHIFT; }
static inline mmask_t cs_button_ctrl(void) { return BUTTON_CTRL; }
static inline mmask_t cs_button_alt(void) { return BUTTON_ALT; }

// MARK: drawing

/// Writes one grapheme (a spacing character plus up to four combining ones, NUL-terminated)
/// with attributes and an extended colour pair at (y, x). Returns ERR or OK.
static inline int cs_put_cell(WINDOW *win, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    int extendedPair = pair;
    if (setcchar(&cell, text, attrs, 0, &extendedPair) == ERR) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Reads back up to `n` characters of row `y` from column `x` (headless tests).
static inline int cs_read_row(WINDOW *win, int y, int x, wchar_t *out, int n) {
    return mvwinnwstr(win, y, x, out, n);
}

/// The attributes and extended colour pair of the cell at (y, x) (headless tests).
static inline int cs_cell_style(WINDOW *win, int y, int x, attr_t *attrs, int *pair) {
    cchar_t cell;
    wchar_t text[CCHARW_MAX + 1];
    short shortPair = 0;
    if (mvwin_wch(win, y, x, &cell) == ERR) return ERR;
    *pair = 0;
    return getcchar(&cell, text, attrs, &shortPair, pair);
}

// MARK: terminal size

/// The terminal size of `fd` from the kernel, or -1 when it is not a terminal.
static inline int cs_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/// 1 when `fd` has hung up or reached end of file (readable with nothing to read), else 0.
static inline int cs_input_hung_up(int fd) {
    struct pollfd check = { .fd = fd, .events = POLLIN, .revents = 0 };
    if (poll(&check, 1, 0) <= 0) return 0;
    if (check.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
    int available = 0;
    if ((check.revents & POLLIN) && ioctl(fd, FIONREAD, &available) == 0 && available == 0) return 1;
    return 0;
}

// MARK: signals
// The handlers below only do async-signal-safe work: write one byte to a pipe, or put the
// terminal back (tcsetattr + write of prepared bytes) before re-raising a fatal signal.

static const int cs_fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define CS_FATAL_SIGNAL_COUNT (sizeof cs_fatal_signals / sizeof cs_fatal_signals[0])

/// What the handlers need, kept in one function-local static (Swift's importer does not emit
/// file-scope aggregate statics from a header).
struct cs_signal_state {
    int notifyFD;
    int restoreFD;
    int restoreSaved;
    struct termios restoreTermios;
    char restoreBytes[512];
    size_t restoreLength;
    struct sigaction previousFatalActions[CS_FATAL_SIGNAL_COUNT];
};

static inline struct cs_signal_state *cs_signals(void) {
    static struct cs_signal_state state = { .notifyFD = -1, .restoreFD = -1 };
    return &state;
}

static void cs_on_notify_signal(int sig) {
    int saved = errno;
    char code = sig == SIGWINCH ? 'W' : sig == SIGCONT ? 'C' : 'T';
    if (cs_signals()->notifyFD >= 0) { ssize_t ignored = write(cs_signals()->notifyFD, &code, 1); (void)ignored; }
    errno = saved;
}

/// Routes SIGWINCH, SIGCONT, SIGTERM, SIGINT, SIGHUP and SIGQUIT to one byte on `fd`
/// ('W' resize, 'C' continued, 'T' terminate) so the app loop sees them as input.
static inline int cs_install_notify_signals(int fd) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cs_on_notify_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    cs_signals()->notifyFD = fd;
    int signals[] = { SIGWINCH, SIGCONT, SIGTERM, SIGINT, SIGHUP, SIGQUIT };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}

/// Puts the default dispositions back for the signals `cs_install_notify_signals` took.
static inline void cs_remove_notify_signals(void) {
    int signals[] = { SIGWINCH, SIGCONT, SIGTERM, SIGINT, SIGHUP, SIGQUIT };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], SIG_DFL);
    cs_signals()->notifyFD = -1;
}

static void cs_on_fatal_signal(int sig) {
    struct cs_signal_state *state = cs_signals();
    if (state->restoreFD >= 0) {
        if (state->restoreSaved) tcsetattr(state->restoreFD, TCSANOW, &state->restoreTermios);
        if (state->restoreLength > 0) {
            ssize_t ignored = write(state->restoreFD, state->restoreBytes, state->restoreLength);
            (void)ignored;
        }
    }
    // Hand the signal to whoever had it before (e.g. Swift's backtracer), else die by default.
    for (size_t i = 0; i < CS_FATAL_SIGNAL_COUNT; i++) {
        if (cs_fatal_signals[i] == sig) { sigaction(sig, &state->previousFatalActions[i], NULL); break; }
    }
    raise(sig);
}

/// Remembers the terminal modes of `fd` now (before curses changes them) so a crash can restore them.
static inline void cs_save_tty_modes(int fd) {
    cs_signals()->restoreFD = fd;
    cs_signals()->restoreSaved = tcgetattr(fd, &cs_signals()->restoreTermios) == 0;
}

/// On SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT and SIGTRAP: restore the saved modes, write
/// `bytes` (leave alternate screen, show cursor, mouse and paste modes off), then pass the
/// signal on to the previous handler.
static inline void cs_install_crash_restore(const char *bytes) {
    size_t length = strlen(bytes);
    struct cs_signal_state *state = cs_signals();
    if (length >= sizeof state->restoreBytes) length = sizeof state->restoreBytes - 1;
    memcpy(state->restoreBytes, bytes, length);
    state->restoreLength = length;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cs_on_fatal_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER | SA_ONSTACK;
    for (size_t i = 0; i < CS_FATAL_SIGNAL_COUNT; i++) {
        sigaction(cs_fatal_signals[i], &action, &state->previousFatalActions[i]);
    }
}

/// Takes the crash handlers away again (after a normal shutdown).
static inline void cs_remove_crash_restore(void) {
    for (size_t i = 0; i < CS_FATAL_SIGNAL_COUNT; i++) {
        sigaction(cs_fatal_signals[i], &cs_signals()->previousFatalActions[i], NULL);
    }
    cs_signals()->restoreFD = -1;
    cs_signals()->restoreLength = 0;
}
#endif

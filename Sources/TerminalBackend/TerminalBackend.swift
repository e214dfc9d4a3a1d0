// TerminalBackend — how it fits: the only module that imports ncurses. It turns a Grid into
// screen updates (changed cells only) and terminal input into KeyEvents.
import CNcursesw

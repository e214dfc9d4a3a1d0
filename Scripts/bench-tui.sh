#!/usr/bin/env bash
# TUI figures for the dashboard (a benchmark, not a test). Runs the release binary in a real
# terminal (tmux, 120x40) against the mock provider running as its own process
# (`chunkscope mock-server`, so its CPU is not counted as the dashboard's), over loopback
# through libcurl, and prints:
#
#   (a) latency: mock-firehose, 20,000 one-word chunks as fast as loopback allows — time from
#       the arrival of the last body bytes to the first flushed frame that shows the final state
#       (from the app's opt-in frame log, CHUNKSCOPE_FRAME_LOG, CLOCK_MONOTONIC timestamps);
#       also the wall time until tmux's screen shows the final word.   Target: ≤ 100 ms.
#   (b) CPU at a normal pace: 2,000 chunks at 200 chunks/s (10 s) — process CPU time from
#       /proc/PID/stat over the stream's wall time.                      Target: ≤ 5 % of one core.
#   (c) idle CPU: 10 s with nothing happening.                          Target: ~0.
#   (d) Esc on a stalled stream (mock-stall: no bytes flowing): key sent to tmux → frame showing
#       the stream stopped (includes curses' 25 ms ESC delay).           Target: ≤ 100 ms.
#
# Usage: Scripts/bench-tui.sh [--runs N] [--only latency|cpu|idle|esc]
#   --runs N   latency runs (default 3); with --only cpu, that many CPU runs (median reported)
#   --only X   run only part X (cpu also runs idle's per-frame line); to iterate on one figure
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/ensure-deps.sh
ensure_deps tmux python3

runs=3
only=""
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        --only) only="${2:?--only needs latency, cpu, idle, esc or huge}"; shift 2 ;;
        *) echo "usage: $0 [--runs N] [--only latency|cpu|idle|esc|huge]" >&2; exit 2 ;;
    esac
done
case "$only" in ""|latency|cpu|idle|esc|huge) ;; *) echo "--only: latency, cpu, idle, esc or huge" >&2; exit 2 ;; esac
# wants PART: true when PART is to run.
wants() { [ -z "$only" ] || [ "$only" = "$1" ]; }

swift build -c release --product chunkscope >&2
binary="$PWD/.build/release/chunkscope"
socket="chunkscope-bench-$$-0"
starts=0
work="$(mktemp -d)"
server_pid=""
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/config" "$work/state"
ticks_per_second=$(getconf CLK_TCK)

"$binary" mock-server --port 0 > "$work/server.log" 2>&1 &
server_pid=$!
until base_url=$(grep -o 'http://127.0.0.1:[0-9]*/v1' "$work/server.log" 2>/dev/null); do sleep 0.05; done
echo "mock provider: $base_url (pid $server_pid)"

tmuxc() { tmux -L "$socket" "$@"; }

# start ARGS…: the dashboard in a fresh 120x40 session, frame log in $work/frames.log.
start() {
    # A fresh tmux server per run (reusing a socket right after kill-server races its exit).
    tmuxc kill-server 2>/dev/null || true
    starts=$((starts + 1))
    socket="chunkscope-bench-$$-$starts"
    rm -f "$work/frames.log"
    tmuxc -f /dev/null new-session -d -s bench -x 120 -y 40 -- env -i \
        PATH="$PATH" HOME="$work" LANG=C.UTF-8 TERM=xterm-256color \
        XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
        CHUNKSCOPE_FRAME_LOG="$work/frames.log" "$binary" --no-capture --base-url "$base_url" "$@"
    tmuxc set-option -t bench status off >/dev/null
    until grep -q '^frame ' "$work/frames.log" 2>/dev/null; do sleep 0.05; done
    pid=$(tmuxc display-message -p -t bench '#{pane_pid}')
}

# cpu_ticks PID: utime + stime of the process, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

now_ns() { date +%s%N; }

# wait_finished: until the frame log shows a frame in a final state.
wait_finished() {
    until grep -qE '^frame [0-9]+ [0-9]+ (finished|failed|cancelled) ' "$work/frames.log" 2>/dev/null; do sleep 0.02; done
}

send_prompt() {
    tmuxc send-keys -t bench -l -- "$1"
    tmuxc send-keys -t bench Enter
}

if wants latency; then
    echo "== (a) latency: mock-firehose, 20,000 one-word chunks, as fast as loopback allows"
    latencies=()
    for run in $(seq 1 "$runs"); do
        start --model mock-firehose
        send_prompt "go"
        wait_finished
        screen_seen=$(now_ns)
        # The firehose ends with the word the mock names last; wait for tmux to show the finished state.
        until tmuxc capture-pane -p -t bench | grep -qF "✓ done"; do sleep 0.005; done
        screen_wall=$(( ($(now_ns) - screen_seen) / 1000000 ))
        last_byte=$(awk '$1 == "last-byte" { print $2 }' "$work/frames.log" | tail -1)
        final_frame=$(awk '$1 == "frame" && $4 == "finished" { print $2; exit }' "$work/frames.log")
        frames=$(grep -c '^frame ' "$work/frames.log")
        latency_ms=$(awk -v a="$last_byte" -v b="$final_frame" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
        latencies+=("$latency_ms")
        echo "run $run: last byte → final frame flushed: ${latency_ms} ms   (frames drawn: $frames; tmux showed it ${screen_wall} ms after the log did)"
    done
    printf '%s\n' "${latencies[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "latency: median %.1f ms, worst %.1f ms over %d runs (target ≤ 100 ms)\n", v[int((NR + 1) / 2)], v[NR], NR }'

fi

# cpu_run: one CPU-at-200-chunks/s measurement; prints it and appends the percentage to $work/cpu.
cpu_run() {
    start --model mock-firehose --param mock_chunks=2000 --param mock_tps=200
    before=$(cpu_ticks "$pid")
    t0=$(now_ns)
    send_prompt "steady"
    wait_finished
    t1=$(now_ns)
    after=$(cpu_ticks "$pid")
    awk -v t="$((after - before))" -v hz="$ticks_per_second" -v ns="$((t1 - t0))" \
        'BEGIN { cpu = t / hz; wall = ns / 1e9; printf "CPU %.2f s over %.2f s wall = %.1f %% of one core (target ≤ 5 %%)\n", cpu, wall, 100 * cpu / wall }' \
        | tee -a "$work/cpu"
    awk '$1 == "frame" { r += $6; d += $7; n++ } END { printf "per frame: render %.2f ms (ScreenRenderer), draw %.2f ms (diff + curses), %d frames\n", r / n / 1e6, d / n / 1e6, n }' "$work/frames.log"
}

if wants cpu || wants idle; then
    echo
    echo "== (b) CPU at 200 chunks/s for 10 s (mock-firehose, 2,000 chunks, mock_tps=200)"
    cpu_runs=1
    [ "$only" = "cpu" ] && cpu_runs="$runs"
    for run in $(seq 1 "$cpu_runs"); do cpu_run; done
    if [ "$cpu_runs" -gt 1 ]; then
        awk '{ print $(NF - 8) }' "$work/cpu" | sort -n \
            | awk '{ v[NR] = $1 } END { printf "CPU: median %.1f %%, range %.1f–%.1f %% over %d runs\n", v[int((NR + 1) / 2)], v[1], v[NR], NR }'
    fi
fi

if wants idle || [ -z "$only" ]; then
    echo
    echo "== (c) idle CPU, 10 s"
    before=$(cpu_ticks "$pid")
    sleep 10
    after=$(cpu_ticks "$pid")
    awk -v t="$((after - before))" -v hz="$ticks_per_second" \
        'BEGIN { cpu = t / hz; printf "CPU %.2f s over 10 s = %.2f %% of one core (target ~0)\n", cpu, 10 * cpu }'
    frames_idle_start=$(grep -c '^frame ' "$work/frames.log")
    sleep 2
    frames_idle_end=$(grep -c '^frame ' "$work/frames.log")
    echo "frames drawn while idle (2 s): $((frames_idle_end - frames_idle_start))"

fi

if wants esc; then
    echo
    echo "== (d) Esc on a stalled stream (mock-stall)"
    stops=()
    for run in 1 2 3; do
        start --model mock-stall
        send_prompt "stall"
        until grep -qE '^frame [0-9]+ [0-9]+ streaming ' "$work/frames.log" 2>/dev/null; do sleep 0.02; done
        sleep 0.3
        # CLOCK_MONOTONIC (the frame log's clock) just before the key goes to tmux.
        pressed=$(python3 -c 'import time; print(time.monotonic_ns())')
        tmuxc send-keys -t bench Escape
        wait_finished
        stopped=$(awk '$1 == "frame" && $4 == "cancelled" { print $2; exit }' "$work/frames.log")
        stop_ms=$(awk -v a="$pressed" -v b="$stopped" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
        stops+=("$stop_ms")
        echo "run $run: Esc sent → stopped on screen: ${stop_ms} ms"
    done
    printf '%s\n' "${stops[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "Esc: median %.1f ms, worst %.1f ms (target ≤ 100 ms)\n", v[int((NR + 1) / 2)], v[NR] }'
fi

if wants huge; then
    echo
    echo "== (e) mock-huge: a 10 MiB reply on one line, in one chunk"
    for run in $(seq 1 "$runs"); do
        start --model mock-huge
        send_prompt "huge"
        wait_finished
        sleep 0.3
        pressed=$(python3 -c 'import time; print(time.monotonic_ns())')
        tmuxc send-keys -t bench F1
        until tmuxc capture-pane -p -t bench | grep -qF "zoom the pane"; do sleep 0.01; done
        sleep 0.2
        last_byte=$(awk '$1 == "last-byte" { print $2 }' "$work/frames.log" | tail -1)
        final_frame=$(awk '$1 == "frame" && $4 == "finished" { print $2; exit }' "$work/frames.log")
        key_frame=$(awk -v p="$pressed" '$1 == "frame" && $2 > p { print $2; exit }' "$work/frames.log")
        worst=$(awk '$1 == "frame" { t = $6 + $7; if (t > m) m = t } END { printf "%.1f", m / 1e6 }' "$work/frames.log")
        echo "run $run: last byte → final frame $(awk -v a="$last_byte" -v b="$final_frame" 'BEGIN { printf "%.1f", (b - a) / 1e6 }') ms; F1 → frame $(awk -v a="$pressed" -v b="$key_frame" 'BEGIN { printf "%.1f", (b - a) / 1e6 }') ms; slowest frame (render + draw) ${worst} ms"
    done
fi

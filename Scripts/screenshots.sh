#!/usr/bin/env bash
# Regenerates Screenshots/*.png: runs the real chunkscope binary in a detached tmux session
# (120x40) against built-in mock scenarios, waits for each stream to finish, captures the pane
# with its colours (`tmux capture-pane -e -p`) and renders it to PNG (rich → SVG → rsvg-convert).
#
# Usage: Scripts/screenshots.sh [--release]      (default: debug build)
# Needs: tmux, librsvg2-bin and fonts (installed via Scripts/ensure-deps.sh), Python 3 with venv;
# `rich` goes into Scripts/.venv-screenshots (created on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/ensure-deps.sh
ensure_deps tmux librsvg2-bin fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji python3-venv

configuration=debug
[ "${1:-}" = "--release" ] && configuration=release
swift build -c "$configuration" --product chunkscope >&2
binary="$PWD/.build/$configuration/chunkscope"

venv=Scripts/.venv-screenshots
ensure_python_venv "$venv" rich

width=120
height=40
socket="chunkscope-shots-$$"
work="$(mktemp -d)"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p Screenshots "$work/config" "$work/state" "$work/data" "$work/cache"
# The tools the mock-parallel-tools scene declares, as a user's `--tools` file would.
cat > "$work/tools.json" <<'JSON'
[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"location":{"type":"string"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},"required":["location"]}}},
 {"type":"function","function":{"name":"get_time","parameters":{"type":"object","properties":{"timezone":{"type":"string"}},"required":["timezone"]}}}]
JSON

tmuxc() { tmux -L "$socket" "$@"; }

# wait_for TEXT [TIMEOUT]: polls the pane until TEXT appears.
wait_for() {
    local text="$1" timeout="${2:-20}" waited=0
    until tmuxc capture-pane -p -t shot | grep -qF -- "$text"; do
        sleep 0.1
        waited=$((waited + 1))
        if [ "$waited" -ge $((timeout * 10)) ]; then
            echo "screenshots: timed out waiting for '$text'; screen:" >&2
            tmuxc capture-pane -p -t shot >&2
            return 1
        fi
    done
}

# shoot NAME TITLE "MODEL [ARGS…]" PROMPT WAIT_TEXT [extra keys…]: one screenshot of one scenario.
shoot() {
    local name="$1" title="$2" model="$3" prompt="$4" wait_text="$5"
    shift 5
    tmuxc kill-session -t shot 2>/dev/null || true
    tmuxc -f /dev/null new-session -d -s shot -x "$width" -y "$height" -- env -i \
        PATH="$PATH" HOME="$work" LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
        XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
        XDG_CACHE_HOME="$work/cache" "$binary" --model $model
    tmuxc set-option -t shot status off >/dev/null
    wait_for "Prompt"
    tmuxc send-keys -t shot -l -- "$prompt"
    tmuxc send-keys -t shot Enter
    wait_for "$wait_text" 60
    local key
    for key in "$@"; do
        tmuxc send-keys -t shot "$key"
        sleep 0.3
    done
    sleep 0.4
    tmuxc capture-pane -e -p -t shot > "$work/$name.ans"
    "$venv/bin/python" Scripts/screenshots-render.py "$work/$name.ans" "Screenshots/$name.png" \
        --width "$width" --title "$title"
    mv "Screenshots/$name.svg" "$work/$name.svg"
    echo "Screenshots/$name.png"
}

shoot text "chunkscope — mock-long: markdown, code blocks, CJK and emoji" "mock-long --param mock_tps=1500" \
    "Show me what you can render" "✓ done" Tab g
shoot tools "chunkscope — mock-parallel-tools: two tool calls assembled, the prompt asks for their results" \
    "mock-parallel-tools --tools $work/tools.json" \
    "Weather in Paris, and the time there?" "✓ done"
shoot reasoning "chunkscope — mock-reasoning: the reasoning block opened with r" mock-reasoning \
    "Why is the sky blue?" "✓ done" Tab r
shoot lint "chunkscope — mock-malformed: a lint finding selected in the chunk inspector" mock-malformed \
    "Tell me a story" "✓ done" Tab Tab Tab l Enter

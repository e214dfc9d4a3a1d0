#!/usr/bin/env bash
# Core throughput benchmark, side by side with the official OpenAI Python SDK on the same streams.
#   Scripts/bench-core.sh [--chunks N] [--runs R] [--no-sdk] [--no-flatness]
# Builds chunkscope-bench in release mode, runs it (it generates a text stream and a tool-call-heavy
# stream and writes them to a temporary directory), then runs the SDK's own decode + accumulate on
# those very files (venv: Scripts/.venv-bench, git-ignored) and prints one comparison table.
# Figures only: this script never fails because something was slow.
set -euo pipefail
cd "$(dirname "$0")/.."

chunks=100000
runs=5
sdk=1
flatness=()
while [ $# -gt 0 ]; do
    case "$1" in
        --chunks) chunks="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --no-sdk) sdk=0; shift ;;
        --no-flatness) flatness=(--no-flatness); shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "bench-core: unknown option $1" >&2; exit 2 ;;
    esac
done

source Scripts/ensure-deps.sh
ensure_deps
echo "== building chunkscope-bench (release)"
swift build -c release --product chunkscope-bench 2>&1 | grep -vE "prohibited flag" | tail -1
bench="$(swift build -c release --show-bin-path)/chunkscope-bench"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== chunkscope-bench"
"$bench" --chunks "$chunks" --runs "$runs" --write-streams "$work" --json "$work/swift.json" "${flatness[@]}"

if [ "$sdk" = 1 ]; then
    venv=Scripts/.venv-bench
    ensure_python_venv "$venv" openai
    echo
    echo "== OpenAI Python SDK on the same files"
    "$venv/bin/python" Scripts/bench-core-sdk.py --json "$work/sdk.json" "$work/text.sse" "$work/tool-calls.sse"
    echo
    echo "== side by side (chunks/s, one thread)"
    python3 - "$work/swift.json" "$work/sdk.json" <<'PY'
import json, sys
swift = json.load(open(sys.argv[1]))["measurements"]
sdk = json.load(open(sys.argv[2]))
def find(rows, stream, workload):
    return next((r for r in rows if r["stream"] == stream and r["workload"] == workload), None)
print(f"{'stream':<11} {'stage':<34} {'ChunkScope':>12} {'OpenAI SDK ' + sdk['sdk_version']:>20} {'ratio':>8}")
for stream in ("text", "tool-calls"):
    for ours, theirs, label in (("decode", "decode", "decode (SSE + typed chunks)"),
                                ("pipeline", "accumulate", "decode + accumulate (+ lint, rows)")):
        a, b = find(swift, stream, ours), find(sdk["measurements"], stream, theirs)
        if a and b:
            ratio = a["chunks_per_second"] / max(1, b["chunks_per_second"])
            print(f"{stream:<11} {label:<34} {a['chunks_per_second']:>12,} {b['chunks_per_second']:>20,} {ratio:>7.0f}x")
PY
fi

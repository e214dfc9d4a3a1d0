#!/usr/bin/env bash
# Runs Scripts/mock-sdk-check.py: the official OpenAI Python SDK (a third-party client) against
# `chunkscope mock-server`, every scenario. Uses the same private venv as sdk-reference.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=Scripts/.venv-sdk
source Scripts/ensure-deps.sh
ensure_python_venv "$venv" openai
swift build --product chunkscope >/dev/null 2>&1 || swift build --product chunkscope
log="$(mktemp)"
.build/debug/chunkscope mock-server --port 0 --tps 0 >"$log" 2>&1 &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q "listening on" "$log" && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*/v1' "$log" | head -1)"
"$venv/bin/python" Scripts/mock-sdk-check.py "$url"

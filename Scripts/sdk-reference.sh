#!/usr/bin/env bash
# Sets up the official OpenAI Python SDK in a private venv (Scripts/.venv-sdk, git-ignored) and runs
# Scripts/sdk-reference.py. With no arguments (or --verify) it re-verifies every committed fixture
# expectation under Tests/Fixtures against the live SDK; --write regenerates them; FILE.sse prints one.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=Scripts/.venv-sdk
source Scripts/ensure-deps.sh
ensure_python_venv "$venv" openai
case "${1:---verify}" in
    --verify) exec "$venv/bin/python" Scripts/sdk-reference.py --verify "${2:-Tests/Fixtures}" ;;
    --write) exec "$venv/bin/python" Scripts/sdk-reference.py --write "${2:-Tests/Fixtures}" ;;
    --fuzz)
        swift build --product chunkscope >/dev/null 2>&1 || swift build --product chunkscope
        exec "$venv/bin/python" Scripts/sdk-reference.py --fuzz "${2:-500}" "$(swift build --show-bin-path)/chunkscope" ;;
    *) exec "$venv/bin/python" Scripts/sdk-reference.py "$@" ;;
esac

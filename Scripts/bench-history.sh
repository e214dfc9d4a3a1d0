#!/usr/bin/env bash
# History figures measurable from the command line (issue 11):
#   - `history list` and `history search` over 10,000 conversations (wall time of the whole command)
# Usage: Scripts/bench-history.sh [COUNT]   (needs sqlite3 for the bulk rows; builds release first)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
command -v sqlite3 >/dev/null || { echo "bench-history: needs the sqlite3 command (apt-get install sqlite3)" >&2; exit 1; }
swift build -c release --product chunkscope >/dev/null
bin="$(swift build -c release --show-bin-path)/chunkscope"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
db="$dir/history.sqlite"
# One real conversation through ask creates and migrates the file (schema v1)…
"$bin" ask --param mock_tps=0 --history "$db" "seed conversation" >/dev/null 2>&1
# …then COUNT more rows in the same schema, each with one finished exchange and its search text.
sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO conversation (id, title, profile, baseURL, created, updated)
SELECT printf('b%07d', i), 'question number ' || i || ' about topic ' || (i % 97), 'bench', NULL, 1700000000 + i, 1700000000 + i FROM n;
INSERT INTO exchange (id, conversationId, turn, attempt, model, prompt, reply, status, finished, promptTokens, completionTokens, started)
SELECT 'e' || substr(id, 2), id, 0, 0, 'bench-model', title, 'an answer mentioning word' || (rowid % 1000) || ' and more text', 200, 1, 10, 40, created
FROM conversation WHERE id LIKE 'b%';
INSERT INTO exchangeText (exchangeId, prompt, reply) SELECT id, prompt, reply FROM exchange WHERE id LIKE 'e%';
SQL
time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
rows=$("$bin" history list --history "$db" | wc -l)
echo "conversations: $rows"
echo "history list --json (all):      $(time_ms "$bin" history list --history "$db" --json) ms"
echo "history list --limit 50:        $(time_ms "$bin" history list --history "$db" --limit 50) ms"
echo "history search word123 --json:  $(time_ms "$bin" history search --history "$db" word123 --json) ms"
echo "history search topic --json:    $(time_ms "$bin" history search --history "$db" topic --json) ms"
echo "database size: $(stat -c %s "$db") bytes"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# Throughput of LLMProxy with its store on (SQLite in the data directory, the default: every request
# becomes a request_history row) against the same gateway with server.storage.enabled: false, both
# in front of the fast mock upstream, runs interleaved (on, off, on, off, ...). Prints req/s of each
# run, the best and the median of each, and their ratios; then the rows the store wrote.
#
#   bench/store-throughput.sh [BUILD_DIR]     default: build/release, else build/dev
#
# BENCH_COMPARE=audit compares instead, both with the store on, a gateway whose audit ledger records
# every request (audit.requests: all, "on") with one that records none ("off"), and prints the audit
# thread's CPU time per entry and the entries in the ledger.
#
# Knobs: BENCH_DURATION [10s] BENCH_THREADS [2] BENCH_CONNECTIONS [50] BENCH_REPEATS [3] BENCH_COMPARE [store]
set -euo pipefail

BENCH_NAME=store-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPEATS=${BENCH_REPEATS:-3}
COMPARE=${BENCH_COMPARE:-store}
bench_setup "${1:-}"
bench_start_mock
if [[ $COMPARE == audit ]]; then
    # The client key is named (as a team's keys are), so every entry seals its actor under a key.
    key_hash=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
    named="server: {auth: {keys: [{name: bench, key_sha256: $key_hash, models: ['*']}]}}"
    BENCH_ENV_KEYS=
    bench_start_gateway on "$named
audit: {requests: all}"
    bench_start_gateway off "$named
audit: {requests: none}"
else
    bench_start_gateway on "server: {storage: {enabled: true}}"
    bench_start_gateway off "server: {storage: {enabled: false}}"
fi

declare -A BEST RUNS
for name in on off; do BEST[$name]=0; RUNS[$name]=""; done
for ((i = 1; i <= REPEATS; i++)); do
    for name in on off; do
        rps=$(BENCH_API_KEY=$API_KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/post.lua" \
            "http://127.0.0.1:${BENCH_PORT[$name]}" | tee "$TMP/wrk-$name-$i.txt" \
            | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
        # A refusal costs less than an answer: a run with any is not a measurement.
        grep -q 'Non-2xx' "$TMP/wrk-$name-$i.txt" && die "$COMPARE $name: $(grep 'Non-2xx' "$TMP/wrk-$name-$i.txt")"
        log "$COMPARE $name, run $i: $rps req/s"
        RUNS[$name]+="${RUNS[$name]:+ / }$rps"
        ((rps > BEST[$name])) && BEST[$name]=$rps
    done
done

store_rows() { curl -s "http://127.0.0.1:${BENCH_PORT[$1]}/health/ready" | python3 -c 'import json,sys; s=json.load(sys.stdin)["store"]; print(s["written"], s["dropped"], s["state"])'; }
rows=$(store_rows on)
[[ $COMPARE == audit ]] && printf 'rows written, dropped, state (audit off): %s\n' "$(store_rows off)"
printf '%s on : %s req/s (runs: %s)\n' "$COMPARE" "${BEST[on]}" "${RUNS[on]}"
printf '%s off: %s req/s (runs: %s)\n' "$COMPARE" "${BEST[off]}" "${RUNS[off]}"
# The best of each and, less sensitive to one lucky or unlucky run, the median of each.
python3 - "${RUNS[on]}" "${RUNS[off]}" <<'PY'
import statistics, sys
on, off = ([int(x) for x in arg.split(" / ")] for arg in sys.argv[1:3])
print("ratio on/off: %.3f (best), %.3f (median)" % (max(on) / max(off), statistics.median(on) / statistics.median(off)))
PY
printf 'rows written, dropped, state: %s\n' "$rows"
# The writer thread's CPU time (utime + stime of the thread named store-writer) per row written; with
# BENCH_COMPARE=audit also the audit thread's (store-audit) per entry in the ledger and per request
# those entries record.
python3 - "${BENCH_PID[on]}" "${rows%% *}" "$COMPARE" "$TMP/data-on/llmproxy.db" <<'PY'
import os, sqlite3, sys
pid, rows, compare, db = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
ticks = os.sysconf("SC_CLK_TCK")
def cpu(thread):
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/comm") as f:
            if f.read().strip() != thread:
                continue
        with open(f"/proc/{pid}/task/{tid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / ticks
    return 0.0
seconds = cpu("store-writer")
print("writer thread CPU: %.2f s, %.1f us per row" % (seconds, seconds * 1e6 / max(rows, 1)))
if compare == "audit":
    # A requests.completed entry records a row per served request; other request entries one request.
    entries, sealed, requests = sqlite3.connect(db).execute(
        "SELECT COUNT(*), COUNT(actor_ref), COALESCE(SUM(CASE WHEN action = 'requests.completed' "
        "THEN json_array_length(details, '$.rows') WHEN category = 3 THEN 1 ELSE 0 END), 0) FROM audit_log").fetchone()
    seconds = cpu("store-audit")
    print("audit entries: %d (%d with a sealed actor) recording %d requests, for %d history rows" % (entries, sealed, requests, rows))
    print("audit thread CPU: %.2f s, %.1f us per entry, %.2f us per request recorded"
          % (seconds, seconds * 1e6 / max(entries, 1), seconds * 1e6 / max(requests, 1)))
PY

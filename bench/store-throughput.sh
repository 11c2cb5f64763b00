#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# Throughput of LLMProxy with its store on (SQLite in the data directory, the default: every request
# becomes a request_history row) against the same gateway with server.storage.enabled: false, both
# in front of the fast mock upstream, runs interleaved (on, off, on, off, ...). Prints req/s of each
# run, the best of each, and their ratio; then the rows the store wrote.
#
#   bench/store-throughput.sh [BUILD_DIR]     default: build/release, else build/dev
#
# Knobs: BENCH_DURATION [10s] BENCH_THREADS [2] BENCH_CONNECTIONS [50] BENCH_REPEATS [3]
set -euo pipefail

BENCH_NAME=store-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPEATS=${BENCH_REPEATS:-3}
bench_setup "${1:-}"
bench_start_mock
bench_start_gateway on "server: {storage: {enabled: true}}"
bench_start_gateway off "server: {storage: {enabled: false}}"

declare -A BEST RUNS
for name in on off; do BEST[$name]=0; RUNS[$name]=""; done
for ((i = 1; i <= REPEATS; i++)); do
    for name in on off; do
        rps=$(BENCH_API_KEY=$API_KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/post.lua" \
            "http://127.0.0.1:${BENCH_PORT[$name]}" \
            | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
        log "store $name, run $i: $rps req/s"
        RUNS[$name]+="${RUNS[$name]:+ / }$rps"
        ((rps > BEST[$name])) && BEST[$name]=$rps
    done
done

rows=$(curl -s "http://127.0.0.1:${BENCH_PORT[on]}/health/ready" | python3 -c 'import json,sys; s=json.load(sys.stdin)["store"]; print(s["written"], s["dropped"], s["state"])')
printf 'store on  (sqlite): %s req/s (runs: %s)\n' "${BEST[on]}" "${RUNS[on]}"
printf 'store off         : %s req/s (runs: %s)\n' "${BEST[off]}" "${RUNS[off]}"
python3 -c "print('ratio on/off: %.3f' % (${BEST[on]} / ${BEST[off]}))"
printf 'rows written, dropped, state: %s\n' "$rows"
# The writer thread's CPU time (utime + stime of the thread named store-writer) per row written.
python3 - "${BENCH_PID[on]}" "${rows%% *}" <<'PY'
import os, sys
pid, rows = sys.argv[1], int(sys.argv[2])
ticks = os.sysconf("SC_CLK_TCK")
for tid in os.listdir(f"/proc/{pid}/task"):
    with open(f"/proc/{pid}/task/{tid}/comm") as f:
        if f.read().strip() != "store-writer":
            continue
    with open(f"/proc/{pid}/task/{tid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    seconds = (int(fields[11]) + int(fields[12])) / ticks
    print("writer thread CPU: %.2f s, %.1f us per row" % (seconds, seconds * 1e6 / max(rows, 1)))
PY

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

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
REPEATS=${BENCH_REPEATS:-3}
MODEL=gpt-4o-mini
API_KEY=sk-bench-$$

log() { printf '[store-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

BUILD_DIR=${1:-}
if [[ -z $BUILD_DIR ]]; then
    for candidate in build/release build/dev; do
        if [[ -x $ROOT/$candidate/app/llmproxy ]]; then BUILD_DIR=$ROOT/$candidate; break; fi
    done
    [[ -n $BUILD_DIR ]] || die "no build found in build/release or build/dev; pass the build directory"
fi
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
PROXY_BIN=$BUILD_DIR/app/llmproxy
MOCK_BIN=$BUILD_DIR/tests/support/llmproxy-mock-upstream
[[ -x $PROXY_BIN && -x $MOCK_BIN ]] || die "build llmproxy and llmproxy-mock-upstream in $BUILD_DIR first"
command -v wrk >/dev/null || die "wrk is not installed"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/llmproxy-store-bench.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_ready() { # port
    for _ in $(seq 300); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/health/ready" || true) == 200 ]] && return 0
        sleep 0.1
    done
    return 1
}

: >"$TMP/mock.out"
"$MOCK_BIN" --port 0 --models "$MODEL" --capture-limit 0 >>"$TMP/mock.out" 2>"$TMP/mock.err" &
PIDS+=($!)
for _ in $(seq 100); do grep -q '^LISTENING ' "$TMP/mock.out" && break; sleep 0.1; done
MOCK_PORT=$(awk '/^LISTENING / { print $2 }' "$TMP/mock.out")
[[ -n $MOCK_PORT ]] || die "the mock upstream did not start"

declare -A PORT PID
start_proxy() { # name storage-enabled
    local port
    port=$(free_port)
    mkdir -p "$TMP/data-$1" "$TMP/home"
    cat >"$TMP/config-$1.yaml" <<YAML
server: {storage: {enabled: $2}}
endpoints:
  mock: {provider: openai_compatible, base_url: "http://127.0.0.1:$MOCK_PORT/v1", api_key: sk-upstream, models: [$MODEL]}
discovery: {local_scan: false}
logging: {level: warning}
YAML
    (cd "$TMP/home" && exec env -i PATH="$PATH" HOME="$TMP/home" LANG=C.UTF-8 LLM_PROXY_API_KEYS="$API_KEY" \
        "$PROXY_BIN" --headless --host 127.0.0.1 --port "$port" --config "$TMP/config-$1.yaml" \
        --data-dir "$TMP/data-$1") >"$TMP/proxy-$1.out" 2>"$TMP/proxy-$1.err" &
    PIDS+=($!)
    PID[$1]=$!
    wait_ready "$port" || die "llmproxy ($1) did not become ready: $(tail -5 "$TMP/proxy-$1.err")"
    PORT[$1]=$port
}
start_proxy on true
start_proxy off false

cat >"$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $API_KEY"
wrk.body = '{"model":"$MODEL","messages":[{"role":"user","content":"Say hello in one short sentence."}]}'
LUA

declare -A BEST RUNS
for name in on off; do BEST[$name]=0; RUNS[$name]=""; done
for ((i = 1; i <= REPEATS; i++)); do
    for name in on off; do
        rps=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$TMP/post.lua" "http://127.0.0.1:${PORT[$name]}/v1/chat/completions" \
            | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
        log "store $name, run $i: $rps req/s"
        RUNS[$name]+="${RUNS[$name]:+ / }$rps"
        ((rps > BEST[$name])) && BEST[$name]=$rps
    done
done

rows=$(curl -s "http://127.0.0.1:${PORT[on]}/health/ready" | python3 -c 'import json,sys; s=json.load(sys.stdin)["store"]; print(s["written"], s["dropped"], s["state"])')
printf 'store on  (sqlite): %s req/s (runs: %s)\n' "${BEST[on]}" "${RUNS[on]}"
printf 'store off         : %s req/s (runs: %s)\n' "${BEST[off]}" "${RUNS[off]}"
python3 -c "print('ratio on/off: %.3f' % (${BEST[on]} / ${BEST[off]}))"
printf 'rows written, dropped, state: %s\n' "$rows"
# The writer thread's CPU time (utime + stime of the thread named store-writer) per row written.
python3 - "${PID[on]}" "${rows%% *}" <<'PY'
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

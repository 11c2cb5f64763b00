#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# Throughput of the response cache (docs/cache.md) against the fast mock upstream: one gateway with
# caching off and one with it on, each loaded by wrk with the same request every time (post.lua:
# with the cache on, every request after the first is a hit) and with a new request every time
# (cache-unique.lua: with the cache on, every request is a miss that is looked up and stored).
# Prints a markdown table. Builds nothing: pass a build directory with llmproxy and
# llmproxy-mock-upstream.
#
#   bench/cache.sh [BUILD_DIR]        default: build/release, else build/dev
#
# Environment knobs: BENCH_DURATION [10s] BENCH_THREADS [2] BENCH_CONNECTIONS [50] BENCH_REPEATS [2]
# (best of the repeats, runs interleaved). Everything listens on 127.0.0.1; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
REPEATS=${BENCH_REPEATS:-2}
MODEL=gpt-4o-mini
API_KEY=sk-bench-$$

log() { printf '[cache-bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
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
[[ -x $PROXY_BIN ]] || die "$PROXY_BIN not found (build the llmproxy target)"
[[ -x $MOCK_BIN ]] || die "$MOCK_BIN not found (build llmproxy-mock-upstream; it needs LLMPROXY_BUILD_TESTS=ON)"
for tool in wrk python3 curl; do command -v $tool >/dev/null || die "$tool is required (apt-get install $tool)"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/llmproxy-cache-bench.XXXXXX")
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
wait_http_200() { # url timeout_s
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true) == 200 ]] && return 0
        sleep 0.1
    done
    return 1
}

mkdir -p "$TMP/home/run"
: >"$TMP/mock.out"
"$MOCK_BIN" --port 0 --models "$MODEL" --capture-limit 0 >>"$TMP/mock.out" 2>"$TMP/mock.err" &
PIDS+=("$!")
MOCK_PORT=
for _ in $(seq 200); do
    MOCK_PORT=$(awk '/^LISTENING / { print $2 }' "$TMP/mock.out")
    [[ -n $MOCK_PORT ]] && break
    sleep 0.1
done
[[ -n $MOCK_PORT ]] || die "mock upstream did not report its port: $(cat "$TMP/mock.err")"

declare -A PORT
start_proxy() { # name enabled
    local name=$1
    cat >"$TMP/config-$name.yaml" <<YAML
endpoints:
  mock: {provider: openai_compatible, base_url: "http://127.0.0.1:$MOCK_PORT/v1", api_key: sk-upstream, models: [$MODEL]}
discovery: {local_scan: false}
logging: {level: warning}
caching: {enabled: $2, max_entries: 1000000, max_bytes: 1073741824}
YAML
    PORT[$name]=$(free_port)
    mkdir -p "$TMP/data-$name"
    (cd "$TMP/home" && exec env -i PATH="$PATH" HOME="$TMP/home" XDG_RUNTIME_DIR="$TMP/home/run" LANG=C.UTF-8 \
        LLM_PROXY_API_KEYS="$API_KEY" "$PROXY_BIN" --headless --host 127.0.0.1 --port "${PORT[$name]}" \
        --config "$TMP/config-$name.yaml" --data-dir "$TMP/data-$name") >"$TMP/proxy-$name.out" 2>"$TMP/proxy-$name.err" &
    PIDS+=("$!")
    wait_http_200 "http://127.0.0.1:${PORT[$name]}/health/ready" 30 \
        || die "llmproxy ($name) did not become ready: $(tail -20 "$TMP/proxy-$name.err")"
}
start_proxy off false
start_proxy on true

run_wrk() { # port script -> "rps p50"
    BENCH_API_KEY=$API_KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/$2" \
        "http://127.0.0.1:$1" >"$TMP/wrk.out" 2>&1 || die "wrk failed: $(cat "$TMP/wrk.out")"
    grep -q 'Non-2xx' "$TMP/wrk.out" && die "non-2xx answers: $(cat "$TMP/wrk.out")"
    awk '/^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = $2 } END { print rps, p50 }' "$TMP/wrk.out"
}

declare -A BEST_RPS BEST_P50
cases=("off post.lua" "off cache-unique.lua" "on cache-unique.lua" "on post.lua")
for ((r = 1; r <= REPEATS; r++)); do
    for c in "${cases[@]}"; do
        read -r gateway script <<<"$c"
        log "run $r: cache $gateway, $script"
        read -r rps p50 <<<"$(run_wrk "${PORT[$gateway]}" "$script")"
        if [[ -z ${BEST_RPS[$c]:-} ]] || awk -v a="$rps" -v b="${BEST_RPS[$c]}" 'BEGIN { exit !(a > b) }'; then
            BEST_RPS[$c]=$rps
            BEST_P50[$c]=$p50
        fi
    done
done
stats=$(curl -s -H "Authorization: Bearer $API_KEY" "http://127.0.0.1:${PORT[on]}/health")

echo "| Gateway | Requests | What the cache does | req/s (best of $REPEATS) | p50 latency |"
echo "|---|---|---|---:|---:|"
describe() {
    case $1 in
    "off post.lua") echo "caching off | the same request | nothing" ;;
    "off cache-unique.lua") echo "caching off | a new request each time | nothing" ;;
    "on cache-unique.lua") echo "caching on | a new request each time | key, lookup, miss, store" ;;
    "on post.lua") echo "caching on | the same request | hit (no upstream request)" ;;
    esac
}
for c in "${cases[@]}"; do
    echo "| $(describe "$c") | ${BEST_RPS[$c]} | ${BEST_P50[$c]} |"
done
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION; /health of the caching gateway afterwards: $stats"

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

BENCH_NAME=cache-bench
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPEATS=${BENCH_REPEATS:-2}
bench_setup "${1:-}"
bench_start_mock
bench_start_gateway off "caching: {enabled: false}"
bench_start_gateway on "caching: {enabled: true, max_entries: 1000000, max_bytes: 1073741824}"

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
        read -r rps p50 <<<"$(run_wrk "${BENCH_PORT[$gateway]}" "$script")"
        if [[ -z ${BEST_RPS[$c]:-} ]] || awk -v a="$rps" -v b="${BEST_RPS[$c]}" 'BEGIN { exit !(a > b) }'; then
            BEST_RPS[$c]=$rps
            BEST_P50[$c]=$p50
        fi
    done
done
stats=$(curl -s -H "Authorization: Bearer $API_KEY" "http://127.0.0.1:${BENCH_PORT[on]}/health")

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

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# Instructions per proxied request, counted by callgrind: one worker under valgrind, a warm-up,
# counters zeroed, then a wrk run of the non-streaming (or streaming) chat request of post.lua
# through the gateway to the fast mock upstream. Needs valgrind, wrk and curl.
#
#   bench/callgrind.sh <build dir> [stream 0|1] [seconds]
#
# The build dir holds a Release build of llmproxy and llmproxy-mock-upstream (see README.md).
# Prints one line: requests, total instructions and instructions per request.
set -euo pipefail

BUILD=$(cd "$1" && pwd)
STREAM=${2:-0}
SECONDS_RUN=${3:-10}
TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

"$BUILD/tests/support/llmproxy-mock-upstream" --port 0 --capture-limit 0 >"$TMP/mock.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do grep -q LISTENING "$TMP/mock.out" && break; sleep 0.1; done
MOCK_PORT=$(awk '/LISTENING/ { print $2 }' "$TMP/mock.out")

cat >"$TMP/config.yaml" <<CFG
endpoints:
  mock: {provider: openai_compatible, base_url: "http://127.0.0.1:$MOCK_PORT/v1", api_key: sk-upstream, models: [gpt-4o-mini]}
discovery: {local_scan: false}
logging: {level: warning}
CFG
mkdir -p "$TMP/home" "$TMP/data"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$TMP/home" && exec env -i PATH="$PATH" HOME="$TMP/home" LANG=C.UTF-8 valgrind --tool=callgrind \
    --callgrind-out-file="$TMP/cg.out" "$BUILD/app/llmproxy" --headless --host 127.0.0.1 --port "$PORT" \
    --config "$TMP/config.yaml" --data-dir "$TMP/data" --workers 1) >"$TMP/proxy.out" 2>&1 &
PROXY=$!
PIDS+=("$PROXY")
for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break; sleep 0.2; done

sed "s/\"temperature\":0}/\"temperature\":0$([[ $STREAM == 1 ]] && echo ',"stream":true')}/" \
    "$(dirname "$0")/post.lua" >"$TMP/post.lua"
wrk -t1 -c4 -d3s -s "$TMP/post.lua" "http://127.0.0.1:$PORT" >/dev/null
callgrind_control -z "$PROXY" >/dev/null 2>&1
wrk -t1 -c4 -d"${SECONDS_RUN}s" -s "$TMP/post.lua" "http://127.0.0.1:$PORT" >"$TMP/run.txt"
callgrind_control -d "$PROXY" >/dev/null 2>&1
REQUESTS=$(awk '/requests in/ { print $1 }' "$TMP/run.txt")
INSTRUCTIONS=$(awk '/^summary:/ { print $2 }' "$TMP/cg.out.1")
echo "stream=$STREAM requests=$REQUESTS instructions=$INSTRUCTIONS per_request=$((INSTRUCTIONS / REQUESTS))"

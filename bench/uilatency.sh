#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop's event-loop delay while the proxy serves a wrk load, with the main window and its
# live request log on screen (Xvfb + jwm), the engine on its own thread as in the application.
#   bench/uilatency.sh <build dir> [seconds] [connections]
# Needs Xvfb, jwm and wrk; the build dir holds ui-latency and llmproxy-mock-upstream.
set -euo pipefail
BUILD=$(cd "$1" && pwd)
SECONDS_RUN=${2:-12}
CONNECTIONS=${3:-16}
HERE=$(cd "$(dirname "$0")" && pwd)
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

display=:$((140 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
sleep 1
DISPLAY=$display jwm >/dev/null 2>&1 &
PIDS+=($!)
sleep 1

HOME="$TMP" XDG_RUNTIME_DIR="$TMP" DISPLAY=$display QT_QPA_PLATFORM=xcb \
    "$BUILD/bench/ui-latency" --upstream "http://127.0.0.1:$MOCK_PORT/v1" --seconds "$SECONDS_RUN" \
    >"$TMP/ui.out" 2>"$TMP/ui.err" &
UI=$!
PIDS+=($UI)
for _ in $(seq 200); do grep -q LISTENING "$TMP/ui.out" && break; sleep 0.1; done
URL=$(awk '/LISTENING/ { print $2 }' "$TMP/ui.out")
[[ -n $URL ]] || { cat "$TMP/ui.err" >&2; exit 1; }
# Load for the whole measurement (it starts a second after LISTENING).
wrk -t2 -c"$CONNECTIONS" -d"$((SECONDS_RUN + 1))s" -s "$HERE/post.lua" "$URL/v1/chat/completions" >"$TMP/wrk.out" 2>&1 || true
wait "$UI" || true
echo "wrk: $(grep 'Requests/sec' "$TMP/wrk.out" | tr -s ' ')"
grep 'requests logged' "$TMP/ui.out"

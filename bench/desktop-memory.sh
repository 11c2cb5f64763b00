#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Resident memory of the desktop application: after start, after some traffic, and idle after every
# window was opened once (through its keyboard shortcut or the command palette, as a user does) and
# closed again. Runs the real `llmproxy` under Xvfb with a tray (jwm), its endpoint the mock upstream.
#   bench/desktop-memory.sh <build dir>
# Needs Xvfb, jwm, xdotool and curl; the build dir holds app/llmproxy and the mock upstream.
set -euo pipefail
BUILD=$(cd "$1" && pwd)
TMP=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

"$BUILD/tests/support/llmproxy-mock-upstream" --port 0 --models mock-chat >"$TMP/mock.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do grep -q LISTENING "$TMP/mock.out" && break; sleep 0.1; done
MOCK_PORT=$(awk '/LISTENING/ { print $2 }' "$TMP/mock.out")

display=:$((190 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
PIDS+=($!)
sleep 1
DISPLAY=$display jwm >/dev/null 2>&1 &
PIDS+=($!)
sleep 1
export DISPLAY=$display

PORT=$((20000 + RANDOM % 20000))
mkdir -p "$TMP/home/.config/LLMProxy/llmproxy"
cat >"$TMP/home/.config/LLMProxy/llmproxy/config.yaml" <<EOF
server: {port: $PORT}
endpoints:
  - {id: mock, provider: openai_compatible, base_url: "http://127.0.0.1:$MOCK_PORT/v1", models: [mock-chat], api_key: sk-mock}
discovery: {enabled: false}
EOF
HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
    XDG_RUNTIME_DIR="$TMP" QT_QPA_PLATFORM=xcb "$BUILD/app/llmproxy" >"$TMP/app.log" 2>&1 &
APP=$!
PIDS+=($APP)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.1; done
sleep 2

rss() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$APP/status"; }
echo "started:                       $(rss) MiB"
for _ in $(seq 200); do
    curl -s "http://127.0.0.1:$PORT/v1/chat/completions" -H 'Content-Type: application/json' \
        -d '{"model":"mock-chat","messages":[{"role":"user","content":"hello"}]}' >/dev/null
done
sleep 1
echo "after 200 requests:            $(rss) MiB"

main=$(xdotool search --sync --name '^LLMProxy$' | head -1)
# Brings up a window with `keys` typed on the main window (a shortcut, or ctrl+k and a command for
# the command palette), waits for the window titled `title`, and closes it as a user does (Alt+F4).
open_and_close() { # $1: title, then the keys
    local title=$1 window
    shift
    timeout 3 xdotool windowactivate --sync "$main" >/dev/null 2>&1 || true
    for k in "$@"; do
        case $k in
        type:*) xdotool type --delay 20 "${k#type:}" ;;
        *) xdotool key --clearmodifiers "$k" ;;
        esac
        sleep 0.5
    done
    window=$(timeout 5 xdotool search --sync --onlyvisible --name "^$title" | head -1 || true)
    if [ -z "$window" ]; then
        echo "  $title: did not open" >&2
        return
    fi
    sleep 1
    timeout 3 xdotool windowactivate --sync "$window" >/dev/null 2>&1 || true
    xdotool key --clearmodifiers alt+F4
    sleep 0.5
    timeout 3 xdotool search --onlyvisible --name "^$title" >/dev/null 2>&1 && echo "  $title: still open" >&2
    opened=$((opened + 1))
}
opened=0
open_and_close "Endpoints" ctrl+e
open_and_close "Models and routing" ctrl+shift+m
open_and_close "Threats" ctrl+t
open_and_close "Security guards" ctrl+g
open_and_close "Settings" ctrl+comma
open_and_close "Playground" ctrl+k type:Playground Return
open_and_close "Connect a tool" ctrl+k "type:Connect a tool" Return
open_and_close "Set up LLMProxy" ctrl+k "type:Add a provider" Return
sleep 3
echo "$opened windows opened and closed:   $(rss) MiB"
sleep 10
echo "idle 10 s later:               $(rss) MiB"

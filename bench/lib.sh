# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# What the benchmarks that compare two gateway configurations share (bench/cache.sh,
# bench/store-throughput.sh): the build directory, a temp directory cleaned up on exit with every
# process started, free ports, the fast mock upstream and headless gateways in front of it.
# Source it after setting BENCH_NAME; then call bench_setup "$1".
#
#   BENCH_NAME=cache-bench; source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"; bench_setup "${1:-}"
#   bench_start_mock; bench_start_gateway on "caching: {enabled: true}"; echo "${BENCH_PORT[on]}"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
MODEL=gpt-4o-mini # the model bench/post.lua asks for
API_KEY=sk-bench-$$
PIDS=()
declare -A BENCH_PORT BENCH_PID

log() { printf '[%s %(%H:%M:%S)T] %s\n' "$BENCH_NAME" -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

bench_cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}

# bench_setup [BUILD_DIR]: default build/release, else build/dev. Sets PROXY_BIN, MOCK_BIN, TMP.
bench_setup() {
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
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/llmproxy-$BENCH_NAME.XXXXXX")
    mkdir -p "$TMP/home/run"
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The fast mock upstream on a port of its own; sets MOCK_PORT.
bench_start_mock() {
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
}

# bench_start_gateway NAME EXTRA_YAML: a headless llmproxy in front of the mock with its own data
# directory and EXTRA_YAML appended to its configuration; waits until /health/ready answers 200.
# The client key is in LLM_PROXY_API_KEYS unless BENCH_ENV_KEYS says otherwise ("" for none, when
# EXTRA_YAML names it in server.auth.keys). BENCH_EXTRA_ENV, when set, is one more NAME=VALUE for
# the gateway's environment.
# Sets BENCH_PORT[NAME] and BENCH_PID[NAME].
bench_start_gateway() {
    local name=$1 port
    port=$(free_port)
    mkdir -p "$TMP/data-$name"
    cat >"$TMP/config-$name.yaml" <<YAML
endpoints:
  mock: {provider: openai_compatible, base_url: "http://127.0.0.1:$MOCK_PORT/v1", api_key: sk-upstream, models: [$MODEL]}
discovery: {local_scan: false}
logging: {level: warning}
$2
YAML
    (cd "$TMP/home" && exec env -i PATH="$PATH" HOME="$TMP/home" XDG_RUNTIME_DIR="$TMP/home/run" LANG=C.UTF-8 \
        LLM_PROXY_API_KEYS="${BENCH_ENV_KEYS-$API_KEY}" ${BENCH_EXTRA_ENV:+"$BENCH_EXTRA_ENV"} "$PROXY_BIN" --headless --host 127.0.0.1 --port "$port" \
        --config "$TMP/config-$name.yaml" --data-dir "$TMP/data-$name") >"$TMP/proxy-$name.out" 2>"$TMP/proxy-$name.err" &
    PIDS+=("$!")
    BENCH_PID[$name]=$!
    BENCH_PORT[$name]=$port
    local deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/ready" || true) == 200 ]] &&
            return 0
        sleep 0.1
    done
    die "llmproxy ($name) did not become ready: $(tail -20 "$TMP/proxy-$name.err")"
}

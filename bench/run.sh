#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# Throughput, latency and memory of LLMProxy against the fast mock upstream, next to the same mock
# reached directly and through a plain nginx reverse proxy, all in one run on this machine.
# Builds nothing: pass a build directory that has llmproxy and llmproxy-mock-upstream.
#
#   bench/run.sh [BUILD_DIR]          default: build/release, else build/dev
#
# Environment knobs (defaults in brackets):
#   BENCH_DURATION [10s]  BENCH_THREADS [2]  BENCH_CONNECTIONS [50]  BENCH_REPEATS [2]
#   BENCH_STREAMS [1000]  BENCH_WORKERS [unset: llmproxy's default, one per core]
#   BENCH_OUTPUT [docs/PERFORMANCE.md; "-" prints the results section instead of writing it]
#   BENCH_QUIET_WAIT [120]: seconds to wait at most for other work on the machine to stop first
#   BENCH_MAX_OTHER [10] BENCH_RETRIES [2]: a run during which other processes used more than
#     BENCH_MAX_OTHER percent of the machine's CPU is measured again, up to BENCH_RETRIES times
#   BENCH_KEEP=1 keeps the temporary directory (logs, configs, raw wrk output).
#
# Everything listens on 127.0.0.1. Every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"
COMMAND_LINE="bench/run.sh $*"

DURATION=${BENCH_DURATION:-10s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
REPEATS=${BENCH_REPEATS:-2}
STREAMS=${BENCH_STREAMS:-1000}
WORKERS=${BENCH_WORKERS:-}
MAX_OTHER=${BENCH_MAX_OTHER:-10}
RETRIES=${BENCH_RETRIES:-2}
QUIET_WAIT=${BENCH_QUIET_WAIT:-120}
OUTPUT=${BENCH_OUTPUT:-$ROOT/docs/PERFORMANCE.md}
MODEL=gpt-4o-mini
API_KEY=sk-bench-$$

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- inputs -----------------------------------------------------------------------------------
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

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]}"
        apt-get install -y "${missing[@]}" >&2
    else
        die "missing ${missing[*]}; install with: sudo apt-get install -y ${missing[*]}"
    fi
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
for tool in python3 curl; do command -v $tool >/dev/null || die "$tool is required"; done

# ---- process bookkeeping ----------------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/llmproxy-bench.XXXXXX")
PIDS=()
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_http_200() { # url timeout_s
    local deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true) == 200 ]] && return 0
        sleep 0.1
    done
    return 1
}

status_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

cpu_ticks() { # pids... -> utime+stime summed
    local total=0 pid fields
    for pid in "$@"; do
        # Fields after the ")" of the command name: utime and stime are the 12th and 13th.
        fields=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
        set -- $fields
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)

# Machine-wide CPU from /proc/stat: "busy total" in clock ticks, all cores together.
machine_ticks() { awk '$1 == "cpu" { busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit }' /proc/stat; }
# CPU of this shell's waited-for children (wrk), in clock ticks.
children_ticks() { sed 's/.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }'; }

# Percentage of the whole machine kept busy by processes other than this benchmark, over N seconds.
background_busy_pct() {
    local a b
    a=($(machine_ticks)); sleep "$1"; b=($(machine_ticks))
    awk -v busy=$((b[0] - a[0])) -v total=$((b[1] - a[1])) 'BEGIN { printf "%.0f", total ? 100 * busy / total : 0 }'
}

# ---- the mock upstream ------------------------------------------------------------------------
mkdir -p "$TMP/home/run" "$TMP/nginx"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
((STREAMS <= 0)) || (($(ulimit -n) > 3 * STREAMS)) || die "open-file limit $(ulimit -n) is too low for $STREAMS streams"

log "build: $BUILD_DIR"
: >"$TMP/mock.out" # exists before the mock opens it, so the poll below never races its creation
"$MOCK_BIN" --port 0 --models "$MODEL" --capture-limit 0 >>"$TMP/mock.out" 2>"$TMP/mock.err" &
MOCK_PID=$!
PIDS+=("$MOCK_PID")
MOCK_PORT=
for _ in $(seq 200); do
    MOCK_PORT=$(awk '/^LISTENING / { print $2 }' "$TMP/mock.out")
    [[ -n $MOCK_PORT ]] && break
    kill -0 "$MOCK_PID" 2>/dev/null || die "mock upstream exited: $(cat "$TMP/mock.err")"
    sleep 0.1
done
[[ -n $MOCK_PORT ]] || die "mock upstream did not report its port"
MOCK_URL=http://127.0.0.1:$MOCK_PORT

# ---- nginx: plain reverse proxy, keep-alive to the upstream, no response buffering ------------
NGINX_PORT=$(free_port)
cat >"$TMP/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $TMP/nginx/body;
    proxy_temp_path $TMP/nginx/proxy;
    fastcgi_temp_path $TMP/nginx/fastcgi;
    uwsgi_temp_path $TMP/nginx/uwsgi;
    scgi_temp_path $TMP/nginx/scgi;
    upstream mock { server 127.0.0.1:$MOCK_PORT; keepalive 128; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://mock;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
EOF
"$NGINX_BIN" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log" >"$TMP/nginx/stdout" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")

# ---- llmproxy -----------------------------------------------------------------------------------
cat >"$TMP/config.yaml" <<EOF
endpoints:
  mock: {provider: openai_compatible, base_url: "$MOCK_URL/v1", api_key: sk-upstream, models: [$MODEL]}
discovery: {local_scan: false}
logging: {level: warning}
EOF
PROXY_PID=
PROXY_PORT=
start_proxy() { # name [VAR=value ...]: extra environment for the gateway
    local name=$1
    shift
    PROXY_PORT=$(free_port)
    local args=(--headless --host 127.0.0.1 --port "$PROXY_PORT" --config "$TMP/config.yaml" --data-dir "$TMP/data-$name")
    [[ -n $WORKERS ]] && args+=(--workers "$WORKERS")
    mkdir -p "$TMP/data-$name"
    # The gateway gets no keys, endpoints or proxies from the caller's shell, and no .env from the tree.
    (cd "$TMP/home" && exec env -i PATH="$PATH" HOME="$TMP/home" XDG_RUNTIME_DIR="$TMP/home/run" LANG=C.UTF-8 \
        LLM_PROXY_API_KEYS="$API_KEY" "$@" "$PROXY_BIN" "${args[@]}") >"$TMP/proxy-$name.out" 2>"$TMP/proxy-$name.err" &
    PROXY_PID=$!
    PIDS+=("$PROXY_PID")
    wait_http_200 "http://127.0.0.1:$PROXY_PORT/health/ready" 30 \
        || die "llmproxy did not become ready: $(tail -20 "$TMP/proxy-$name.err")"
}

one_request() { # port -> prints the HTTP status
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $API_KEY" \
        -H 'Content-Type: application/json' \
        -d "{\"model\":\"$MODEL\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}" \
        "http://127.0.0.1:$1/v1/chat/completions" || true
}

# The same gateway with its security pipeline switched off, to show what the pipeline costs.
start_proxy off LLM_PROXY_SECURITY_ENABLED=false
OFF_PID=$PROXY_PID
OFF_PORT=$PROXY_PORT
start_proxy main
wait_http_200 "http://127.0.0.1:$NGINX_PORT/v1/models" 20 || die "nginx did not start: $(cat "$TMP/nginx/error.log")"
for port in "$MOCK_PORT" "$NGINX_PORT" "$PROXY_PORT" "$OFF_PORT"; do
    [[ $(one_request "$port") == 200 ]] || die "a chat request on port $port did not return 200"
done

RESULTS=$TMP/results.jsonl
: >"$RESULTS"
record() { printf '%s\n' "$1" >>"$RESULTS"; }

# Idle memory of a fresh gateway: after start-up and one proxied request.
sleep 2
record "{\"kind\":\"idle\",\"rss_kib\":$(status_kib "$PROXY_PID" VmRSS),\"rss_anon_kib\":$(status_kib "$PROXY_PID" RssAnon),\"rss_file_kib\":$(status_kib "$PROXY_PID" RssFile),\"threads\":$(awk '$1 == "Threads:" { print $2 }' "/proc/$PROXY_PID/status")}"

# ---- wrk --------------------------------------------------------------------------------------
# Parses wrk's --latency report into JSON (latencies in microseconds).
parse_wrk() {
    awk '
        function us(v) {
            if (v ~ /us$/) return v + 0;
            if (v ~ /ms$/) return (v + 0) * 1000;
            if (v ~ /m$/)  return (v + 0) * 60000000;
            if (v ~ /s$/)  return (v + 0) * 1000000;
            return v + 0;
        }
        $1 == "50%" { p50 = us($2) }  $1 == "75%" { p75 = us($2) }
        $1 == "90%" { p90 = us($2) }  $1 == "99%" { p99 = us($2) }
        / requests in / { requests = $1 }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
        END {
            printf "\"requests\":%d,\"rps\":%.2f,\"p50_us\":%.1f,\"p75_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"non2xx\":%d,\"socket_errors\":%d",
                requests, rps, p50, p75, p90, p99, non2xx, errors
        }' "$1"
}

target_port() {
    case $1 in direct) echo "$MOCK_PORT" ;; nginx) echo "$NGINX_PORT" ;; llmproxy) echo "$PROXY_PORT" ;;
        llmproxy-off) echo "$OFF_PORT" ;; esac
}
all_pids() { echo "$MOCK_PID" "$PROXY_PID" "$OFF_PID" "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); }
target_pids() {
    case $1 in
        direct) echo "$MOCK_PID" ;;
        nginx) echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true) ;;
        llmproxy) echo "$PROXY_PID" ;;
        llmproxy-off) echo "$OFF_PID" ;;
    esac
}

wait_quiet() { # max_seconds -> sets BACKGROUND to the last reading
    local deadline=$((SECONDS + $1))
    BACKGROUND=$(background_busy_pct 3)
    while ((BACKGROUND > MAX_OTHER && SECONDS < deadline)); do
        log "machine ${BACKGROUND}% busy with other work; waiting"
        sleep 7
        BACKGROUND=$(background_busy_pct 3)
    done
}

WRK_JSON=
WRK_OTHER=0
wrk_once() { # target threads connections duration out
    local target=$1 threads=$2 conns=$3 duration=$4 out=$5 pids t0 t1 m0 m1 w0 w1 o0 o1 secs
    pids=$(target_pids "$target")
    o0=$(cpu_ticks $(all_pids)); w0=$(children_ticks); m0=($(machine_ticks))
    t0=$(cpu_ticks $pids)
    # wrk stops itself after the duration; timeout is only a guard against a hung run.
    BENCH_API_KEY=$API_KEY timeout 120 wrk -t"$threads" -c"$conns" -d"$duration" --latency \
        -s "$BENCH_DIR/post.lua" "http://127.0.0.1:$(target_port "$target")/v1/chat/completions" >"$out" 2>&1 \
        || die "wrk failed against $target: $(cat "$out")"
    t1=$(cpu_ticks $pids)
    o1=$(cpu_ticks $(all_pids)); w1=$(children_ticks); m1=($(machine_ticks))
    # What the rest of the machine used meanwhile: everything busy minus the servers and wrk.
    WRK_OTHER=$(awk -v busy=$((m1[0] - m0[0] - (o1 - o0) - (w1 - w0))) -v total=$((m1[1] - m0[1])) \
        'BEGIN { v = total ? 100 * busy / total : 0; printf "%.0f", v < 0 ? 0 : v }')
    secs=$(awk '/ requests in / { sub(",", "", $4); sub("s$", "", $4); print $4 }' "$out")
    WRK_JSON="$(parse_wrk "$out"),\"cpu_s\":$(awk -v d=$((t1 - t0)) -v h="$CLK_TCK" 'BEGIN { printf "%.2f", d / h }'),\"seconds\":${secs:-0},\"other_cpu_pct\":$WRK_OTHER"
}

# One measurement; repeated (up to RETRIES times, after waiting for quiet) when other work on the
# machine took more than MAX_OTHER percent of its CPU during the run.
run_wrk() { # target threads connections duration rep
    local target=$1 threads=$2 conns=$3 duration=$4 rep=$5 out attempt=1
    out="$TMP/wrk-$target-c$conns-$rep.txt"
    wrk_once "$target" "$threads" "$conns" "$duration" "$out"
    while ((WRK_OTHER > MAX_OTHER && attempt <= RETRIES)); do
        log "$target c$conns rep $rep: other work took ${WRK_OTHER}% of the machine; measuring again"
        wait_quiet 60
        attempt=$((attempt + 1))
        wrk_once "$target" "$threads" "$conns" "$duration" "$out"
    done
    record "{\"kind\":\"wrk\",\"target\":\"$target\",\"connections\":$conns,\"threads\":$threads,\"rep\":$rep,\"attempts\":$attempt,$WRK_JSON}"
    log "$(printf '%-8s c%-3s rep %s: %s req/s, p50 %s, other load %s%%' "$target" "$conns" "$rep" \
        "$(awk '/^Requests\/sec:/ { print $2 }' "$out")" "$(awk '$1 == "50%" { print $2 }' "$out")" "$WRK_OTHER")"
}

TARGETS=(direct nginx llmproxy llmproxy-off)
log "warm-up"
for target in "${TARGETS[@]}"; do
    BENCH_API_KEY=$API_KEY timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$BENCH_DIR/post.lua" \
        "http://127.0.0.1:$(target_port "$target")/v1/chat/completions" >/dev/null 2>&1 || die "warm-up failed against $target"
done

# Other work on the machine skews every figure: wait for it to calm down, and record it.
wait_quiet "$QUIET_WAIT"
BACKGROUND_BEFORE=$BACKGROUND
# Configurations are interleaved so that drift in machine load hits all of them alike.
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for rep in $(seq "$REPEATS"); do
    for target in "${TARGETS[@]}"; do run_wrk "$target" "$THREADS" "$CONNECTIONS" "$DURATION" "$rep"; done
done
for rep in $(seq "$REPEATS"); do
    for target in "${TARGETS[@]}"; do run_wrk "$target" 1 1 "$DURATION" "$rep"; done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
BACKGROUND_AFTER=$(background_busy_pct 3)
RETRIED=$(grep -c '"attempts":[2-9]' "$RESULTS" || true)
record "{\"kind\":\"loaded\",\"rss_kib\":$(status_kib "$PROXY_PID" VmRSS),\"hwm_kib\":$(status_kib "$PROXY_PID" VmHWM)}"
stop_pid "$PROXY_PID"
stop_pid "$OFF_PID"
stop_pid "$NGINX_PID"

# ---- idle streams ---------------------------------------------------------------------------------
if ((STREAMS > 0)); then
    log "holding $STREAMS idle streams"
    start_proxy streams
    [[ $(one_request "$PROXY_PORT") == 200 ]] || die "warm-up request to the streams gateway failed"
    # Each stream gets its first event at once, then nothing for 100 s (below the upstream idle timeout).
    python3 - "$STREAMS" >"$TMP/script.json" <<'EOF'
import json, sys
print(json.dumps([{"chunk_delay_ms": 100000}] * int(sys.argv[1])))
EOF
    curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X POST --data-binary @"$TMP/script.json" \
        "$MOCK_URL/__mock/script" | grep -qx 200 || die "cannot script the mock upstream"
    sleep 2
    if ! python3 "$BENCH_DIR/streams.py" --port "$PROXY_PORT" --key "$API_KEY" --pid "$PROXY_PID" --count "$STREAMS" \
        --mock-url "$MOCK_URL" --timeout 90 >"$TMP/streams.json" 2>"$TMP/streams.err"; then
        log "not every stream was held: $(cat "$TMP/streams.json" "$TMP/streams.err")"
    fi
    [[ -s $TMP/streams.json ]] || die "stream test produced no result: $(cat "$TMP/streams.err")"
    record "{\"kind\":\"streams\",$(sed 's/^{//; s/}$//' "$TMP/streams.json")}"
    curl -s --max-time 10 -o /dev/null -X POST "$MOCK_URL/__mock/reset" || true
    stop_pid "$PROXY_PID"
fi

# ---- facts and report ---------------------------------------------------------------------------
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
qt_version=$(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo unknown)
curl_version=$(dpkg-query -W -f='${Version}' libcurl4 2>/dev/null || echo unknown)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
# Source files changed since that commit (benchmark results are written before the commit that holds them).
if ! git -C "$ROOT" diff --quiet HEAD -- proxycore app ui 2>/dev/null; then
    commit="$commit with uncommitted changes"
fi
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null || echo unknown)
python3 - "$TMP/facts.json" <<EOF
import json, sys
json.dump({
    "command": """$COMMAND_LINE""",
    "date": "$(date -u '+%Y-%m-%d %H:%M UTC')",
    "nproc": "$(nproc)",
    "cpu": """$cpu_model""",
    "memory": "$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)",
    "kernel": "$(uname -r)",
    "os": """$(. /etc/os-release && echo "$PRETTY_NAME")""",
    "llmproxy": """$("$PROXY_BIN" --version 2>/dev/null | head -1)""",
    "build_type": "$build_type",
    "workers": "${WORKERS:-default (one per core)}",
    "commit": "$commit",
    "qt": "$qt_version",
    "libcurl": "$curl_version",
    "nginx": """$("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: nginx\///')""",
    "wrk": """$(wrk --version 2>&1 | head -1 | awk '{ print $2 }')""",
    "duration": "$DURATION", "threads": "$THREADS", "connections": "$CONNECTIONS", "repeats": "$REPEATS",
    "streams": "$STREAMS",
    "load_before": "$LOAD_BEFORE", "load_after": "$LOAD_AFTER",
    "background_before": "$BACKGROUND_BEFORE", "background_after": "$BACKGROUND_AFTER",
    "max_other": "$MAX_OTHER", "retried": "$RETRIED",
}, open(sys.argv[1], "w"))
EOF
python3 "$BENCH_DIR/report.py" --results "$RESULTS" --facts "$TMP/facts.json" --output "$OUTPUT"
[[ $OUTPUT == - ]] || log "results written to $OUTPUT"

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
#
# What sharing a key's budget across gateways costs (docs/storage.md#budget_counters): two headless
# gateways on one throwaway PostgreSQL server (unix socket only), both with a named client key whose
# daily budget is never reached, one with budget.shared: true (every request reserves in
# budget_counters first: "shared"), one with budget.shared: false (the gateway's own ledger only:
# "local"); wrk against each in turn, interleaved. Prints req/s of each run, the best of each, their
# ratio, and the rows budget_counters holds.
#
#   bench/shared-budgets.sh [BUILD_DIR]     default: build/release, else build/dev
#
# Needs the PostgreSQL server binaries (Debian: postgresql). Knobs: BENCH_DURATION [10s]
# BENCH_THREADS [2] BENCH_CONNECTIONS [50] BENCH_REPEATS [3]
set -euo pipefail

BENCH_NAME=shared-budgets
# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REPEATS=${BENCH_REPEATS:-3}
bench_setup "${1:-}"

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -n $PG_BIN && -x $PG_BIN/initdb ]] || die "the PostgreSQL server binaries are required (apt-get install postgresql)"
# initdb and postgres refuse to run as root: then they run as the postgres user, in a folder it owns.
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
PG_DIR=$TMP/pg
mkdir -p "$PG_DIR"
chmod 755 "$TMP"
((EUID == 0)) && chown postgres: "$PG_DIR"
PG_PORT=$(free_port)
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust >"$TMP/initdb.log" 2>&1 || die "initdb: $(tail -5 "$TMP/initdb.log")"
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -p $PG_PORT -c listen_addresses='' -c fsync=off" start >/dev/null ||
    die "PostgreSQL did not start: $(tail -5 "$PG_DIR/server.log")"
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true; }
trap 'bench_cleanup; pg_stop' EXIT
DSN="host=$PG_DIR port=$PG_PORT user=postgres dbname=postgres"

bench_start_mock
key_hash=$(printf %s "$API_KEY" | sha256sum | cut -d' ' -f1)
common="server:
  auth: {keys: [{name: bench, key_sha256: $key_hash, models: ['*'], team: perf}]}
  storage: {type: postgres, dsn_env: BENCH_DSN}"
BENCH_ENV_KEYS=
BENCH_EXTRA_ENV="BENCH_DSN=$DSN" # the gateways' environment is only what bench_start_gateway names
start() {
    bench_start_gateway "$1" "$common
budget: {shared: $2, keys: {bench: {daily_usd: 1000000}}, teams: {perf: {monthly_usd: 1000000}}}"
}
start shared true
start local false
# One request as the benchmark sends it: "STATUS BODY".
probe() {
    curl -s -w ' %{http_code}' -H "Authorization: Bearer $API_KEY" -H 'Content-Type: application/json' \
        -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Name three prime numbers."}],"max_tokens":16}' \
        "http://127.0.0.1:${BENCH_PORT[$1]}/v1/chat/completions" | awk '{ status = $NF; $NF = ""; print status, $0 }'
}
for name in shared local; do
    answer=$(probe "$name")
    [[ $answer == 200\ * ]] || die "$name answers $answer"
done

declare -A BEST RUNS
for name in shared local; do BEST[$name]=0; RUNS[$name]=""; done
for ((i = 1; i <= REPEATS; i++)); do
    for name in shared local; do
        rps=$(BENCH_API_KEY=$API_KEY wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/post.lua" \
            "http://127.0.0.1:${BENCH_PORT[$name]}" | tee "$TMP/wrk-$name-$i.txt" \
            | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
        # A refusal costs less than an answer: a run with any is not a measurement.
        grep -q 'Non-2xx' "$TMP/wrk-$name-$i.txt" &&
            die "$name: $(grep 'Non-2xx' "$TMP/wrk-$name-$i.txt"); now: $(probe "$name")"
        log "$name, run $i: $rps req/s"
        RUNS[$name]+="${RUNS[$name]:+ / }$rps"
        ((rps > BEST[$name])) && BEST[$name]=$rps
    done
done
printf 'shared: %s req/s (runs: %s)\n' "${BEST[shared]}" "${RUNS[shared]}"
printf 'local : %s req/s (runs: %s)\n' "${BEST[local]}" "${RUNS[local]}"
python3 -c "print('ratio shared/local: %.3f' % (${BEST[shared]} / ${BEST[local]}))"
as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -At -c \
    "SELECT 'budget_counters: ' || scope_kind || ' ' || scope_name || ' ' || budget_window || ' spent ' ||
            SUM(spent_nano) / 1e9 || ' USD, held ' || SUM(reserved_nano) / 1e9 || ' USD'
       FROM budget_counters GROUP BY scope_kind, scope_name, budget_window ORDER BY 1"

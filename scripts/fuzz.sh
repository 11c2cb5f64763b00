#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzz targets as libFuzzer binaries (preset "fuzz": clang, ASan + UBSan, the whole
# project instrumented) and runs each for a bounded number of executions over a copy of its seed
# corpus (tests/fuzz/corpus*/ are never written to). Prints executions, exec/s, coverage and the
# result per target; exits non-zero on any finding and keeps the crashing inputs.
#   scripts/fuzz.sh                          every target, 10^7 executions each
#   scripts/fuzz.sh --runs 100000 fuzz_sse   one target, fewer executions
#   scripts/fuzz.sh --time 600               every target, at most 600 s each (and at most --runs)
# Work files go to build/fuzz/fuzz-run/<target>/ (corpus = the copy that grows, artifacts = findings,
# log). FUZZ_JOBS sets the build's parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10000000
max_time=0
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    -runs=*) runs="${1#-runs=}"; shift ;;
    --time) max_time="$2"; shift 2 ;;
    --time=*) max_time="${1#--time=}"; shift ;;
    fuzz_*) targets+=("$1"); shift ;;
    *) echo "usage: $0 [--runs N] [--time SECONDS] [fuzz_target...]" >&2; exit 2 ;;
    esac
done

# target → seed corpus folder and the largest input worth generating
declare -A corpus=(
    [fuzz_requestview]=corpus [fuzz_textprep]=corpus-textprep [fuzz_signatures]=corpus-signatures
    [fuzz_pii]=corpus-pii [fuzz_httpparser]=corpus-http [fuzz_sse]=corpus-sse [fuzz_formats]=corpus-formats
)
declare -A max_len=(
    [fuzz_requestview]=4096 [fuzz_textprep]=4096 [fuzz_signatures]=4096 [fuzz_pii]=2048
    [fuzz_httpparser]=4096 [fuzz_sse]=4096 [fuzz_formats]=8192
)
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=(fuzz_requestview fuzz_textprep fuzz_signatures fuzz_pii fuzz_httpparser fuzz_sse fuzz_formats)
fi
for t in "${targets[@]}"; do
    [[ -n "${corpus[$t]:-}" ]] || { echo "unknown fuzz target: $t" >&2; exit 2; }
done

if ! command -v clang++ >/dev/null; then
    echo "clang++ is missing: scripts/install-deps.sh --test installs it" >&2
    exit 1
fi
export CC=clang CXX=clang++
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j "${FUZZ_JOBS:-2}" --target "${targets[@]}"

# A smaller quarantine than the default 256 MiB: the Qt-heavy targets run about 1.7 times faster, and
# a use after free is still caught while the freed block is among the last 16 MiB freed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:quarantine_size_mb=16}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=0
printf '%-18s %12s %10s %8s %8s  %s\n' target executions exec/s cov ft result
for t in "${targets[@]}"; do
    work="build/fuzz/fuzz-run/$t"
    rm -rf "$work/corpus"
    mkdir -p "$work/corpus" "$work/artifacts"
    cp tests/fuzz/"${corpus[$t]}"/* "$work/corpus/"
    args=(-runs="$runs" -max_len="${max_len[$t]}" -artifact_prefix="$work/artifacts/" -print_final_stats=1)
    [[ "$max_time" -gt 0 ]] && args+=(-max_total_time="$max_time")
    status=0
    build/fuzz/tests/fuzz/"$t" "${args[@]}" "$work/corpus" >"$work/log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' "$work/log" | tail -1 | cut -d' ' -f2)
    if [[ $status -eq 0 ]]; then
        result=ok
    else
        result="FINDING (exit $status): $(ls -t "$work/artifacts" | head -3 | tr '\n' ' ')see $work/log"
        failed=1
    fi
    printf '%-18s %12s %10s %8s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
exit $failed

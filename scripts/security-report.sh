#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the gateway, the mock upstream and tst_securitycorpus, scores every row of tests/corpus/
# end to end through the HTTP API, and writes docs/SECURITY.md from the test's Markdown report (the
# JSON twin stays in the build directory). Usage: scripts/security-report.sh [preset] (default: dev).
# The gates in tests/integration/tst_securitycorpus.cpp still apply: a failing gate fails the script,
# and docs/SECURITY.md is only rewritten from a complete run.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"
build_dir="build/$preset"
cmake --preset "$preset" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target llmproxy llmproxy-mock-upstream tst_securitycorpus >&2
report="$PWD/$build_dir/security-report.md"
rm -f "$report"
LLMPROXY_SECURITY_REPORT="$report" ctest --test-dir "$build_dir" -R '^tst_securitycorpus$' --output-on-failure
{
    echo "<!-- Generated file: do not edit. Regenerate with scripts/security-report.sh"
    echo "     (scores tests/corpus/ through tests/integration/tst_securitycorpus.cpp). -->"
    echo
    cat "$report"
} >docs/SECURITY.md
echo "docs/SECURITY.md written (JSON: ${report%.md}.json)" >&2

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, and runs the whole test suite (unit, integration, GUI on the
# offscreen platform, and end-to-end tests with the official OpenAI SDK). Extra arguments go to ctest
# (e.g. scripts/test.sh -L unit).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
build_dir=$(scripts/build.sh dev)
if [[ -f tests/e2e/package-lock.json ]]; then
    npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
fi
ctest --test-dir "$build_dir" --output-on-failure --timeout 300 "$@"

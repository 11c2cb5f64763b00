#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is needed, builds, and starts LLMProxy: the desktop window and tray icon when a
# display is available, the headless server otherwise. Extra arguments go to llmproxy
# (e.g. scripts/run.sh --config config.yaml --port 8090).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build_dir=$(scripts/build.sh dev)
exec "$build_dir/app/llmproxy" "$@"

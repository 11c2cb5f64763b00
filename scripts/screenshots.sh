#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders every desktop window in the light and the dark theme at 1280×800 into docs/screenshots/,
# under Xvfb with a window manager (jwm), from an engine the layout test seeds with endpoints. The
# same test fails when a window renders blank or cut at 1280×800 or 800×600 (tests/gui/tst_windowlayout.cpp).
#   scripts/screenshots.sh [build dir]      (default: the dev build, built first)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-$(scripts/build.sh dev)}
out=docs/screenshots
tmp=$(mktemp -d)
display=:$((90 + RANDOM % 50))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb ${wm:-} 2>/dev/null || true; rm -rf "$tmp"' EXIT
sleep 1
DISPLAY=$display jwm >/dev/null 2>&1 &
wm=$!
sleep 1
HOME="$tmp" DISPLAY=$display QT_QPA_PLATFORM=xcb LLMPROXY_SCREENSHOT_DIR="$tmp/shots" \
    "$build_dir/tests/gui/tst_windowlayout" -silent
mkdir -p "$out"
rm -f "$out"/*.png
for f in "$tmp"/shots/*-1280x800.png; do
    name=$(basename "$f" -1280x800.png)
    cp "$f" "$out/$name.png"
done
ls "$out"

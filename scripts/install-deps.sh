#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages LLMProxy needs to build and run. The qml6-module-* packages are
# the QML modules the Threats window loads at run time (Qt Quick, its layouts and controls, Qt Charts);
# qt6-charts-dev is the Qt Charts widgets library the Analytics window links;
# the libqt6sql6-* packages are the store's SQLite and PostgreSQL drivers (docs/storage.md), and
# libsqlite3-dev lets the store's writer bind rows through SQLite's own API on the driver's connection.
#   scripts/install-deps.sh          build + run (desktop and headless)
#   scripts/install-deps.sh --test   also what the test suite needs (Node.js for the SDK end-to-end tests)
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
    qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    qt6-declarative-dev qt6-charts-dev
    qml6-module-qtquick qml6-module-qtquick-layouts qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript qml6-module-qtcharts
    libyaml-cpp-dev libtomlplusplus-dev libcurl4-openssl-dev libssl-dev ca-certificates
    libre2-dev libphonenumber-dev qtkeychain-qt6-dev
)
if [[ "${1:-}" == "--test" ]]; then
    packages+=(nodejs npm xvfb xauth jwm xdotool x11-utils imagemagick)
    # A real Secret Service for the keychain test (tests/integration/tst_keychain.cpp).
    packages+=(dbus-daemon gnome-keyring)
    # A throwaway PostgreSQL server for the store's tests (tests/support/postgrescluster.h).
    packages+=(postgresql)
fi

# CI's checks on changed lines (scripts/check-format.sh, scripts/clang-tidy.sh) run with --test too,
# and so does the bounded libFuzzer run (scripts/fuzz.sh: clang with its libFuzzer and sanitizer runtimes).
if [[ "${1:-}" == "--test" ]]; then
    packages+=(clang-format clang-tidy python3 clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere than Debian (e.g. a preinstalled Node): accept what is on PATH.
if command -v node >/dev/null && command -v npm >/dev/null; then
    filtered=()
    for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
    missing=("${filtered[@]}")
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
    apt_get=(apt-get)
elif command -v sudo >/dev/null; then
    apt_get=(sudo apt-get)
else
    echo "LLMProxy needs these Debian packages: ${missing[*]}" >&2
    echo "Run this script as root, or install sudo." >&2
    exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"

# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the checks on changed lines (check-format.sh, clang-tidy.sh); not run on its own.

# Prints the commit to diff against: $2 when given, else the one named in .ci/format-base. Exits 2
# with a readable message when it is not in this clone (a shallow clone lacks it). $1 names the check.
changed_lines_base() {
    local check=$1 base=${2:-$(tr -d '[:space:]' <.ci/format-base)}
    if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
        echo "$check: base commit '$base' is not in this clone." >&2
        echo "  A shallow clone lacks it: run 'git fetch --unshallow' (or clone with full history)." >&2
        exit 2
    fi
    echo "$base"
}

# Exits 2 unless every tool after $1 (the check's name) is on PATH.
require_tools() {
    local check=$1 tool
    shift
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null; then
            echo "$check: $tool not found; install it with scripts/install-deps.sh --test" >&2
            exit 2
        fi
    done
}

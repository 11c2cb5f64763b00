#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks that changed C++ lines follow .clang-format, without reformatting anything else: the tree
# predates the check, and a whole-tree reformat would collide with every branch in flight.
#
#   scripts/check-format.sh          check lines changed since the commit in .ci/format-base
#   scripts/check-format.sh BASE     check lines changed since BASE (e.g. origin/main, HEAD~3)
#   scripts/check-format.sh --fix [BASE]   reformat those lines in the working tree instead
#
# "Changed" is everything between BASE and the working tree: commits, staged and unstaged edits.
# Untracked files are not seen (git clang-format only diffs tracked files): `git add` them first.
# Exit status: 0 clean, 1 unformatted lines (the diff to apply is printed), 2 usage/setup error.
# Needs clang-format and git-clang-format (Debian: clang-format, installed by install-deps.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."

fix=0
if [[ "${1:-}" == "--fix" ]]; then
    fix=1
    shift
fi
source scripts/changed-lines-base.sh
require_tools check-format clang-format git-clang-format
base=$(changed_lines_base check-format "${1:-}")
extensions=cpp,h

# Other clang-format versions break some lines differently; the checked-in style is tested with 14.
version=$(clang-format --version | sed -nE 's/.*version ([0-9]+).*/\1/p')
if [[ "$version" != 14 ]]; then
    echo "check-format: note: clang-format $version; CI uses 14 (Debian 12), results may differ slightly" >&2
fi

if [[ $fix -eq 1 ]]; then
    git clang-format --force --extensions "$extensions" "$base"
    exit 0
fi

output=$(git clang-format --diff --extensions "$extensions" "$base")
if ! grep -q '^@@' <<<"$output"; then
    echo "check-format: lines changed since ${base:0:12} follow .clang-format"
    exit 0
fi
files=$(sed -nE 's#^\+\+\+ b/##p' <<<"$output" | sort -u)
{
    echo "check-format: lines changed since ${base:0:12} do not follow .clang-format in:"
    sed 's/^/    /' <<<"$files"
    echo
    echo "This diff formats them (only changed lines are touched):"
    echo
    printf '%s\n' "$output"
    echo
    echo "Fix with:  scripts/check-format.sh --fix${1:+ $1}"
    echo "      or:  git clang-format $base"
} >&2
exit 1

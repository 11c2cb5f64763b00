#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs clang-tidy (checks in .clang-tidy) over the C++ files changed since a base commit and reports
# findings on the changed lines only, so code that predates the check does not drown new findings.
#
#   scripts/clang-tidy.sh                 lines changed since the commit in .ci/format-base
#   scripts/clang-tidy.sh BASE            lines changed since BASE (e.g. origin/main)
#   scripts/clang-tidy.sh --whole-files [BASE]   every line of the changed files
#
# Needs a configured and built tree (compile_commands.json and Qt's generated moc files):
# BUILD_DIR, default build/dev (scripts/build.sh dev). A changed header is checked through the
# source file of the same name, else through one source file that includes it. JOBS sets the
# parallelism (default: nproc). Untracked files are not seen: `git add` them first.
# Exit status: 0 no finding, 1 findings (printed), 2 usage/setup error.
set -euo pipefail
cd "$(dirname "$0")/.."

whole=0
case "${1:-}" in
--whole-files) whole=1 && shift ;;
esac
build_dir="${BUILD_DIR:-build/dev}"
source scripts/changed-lines-base.sh
require_tools clang-tidy.sh clang-tidy python3
base=$(changed_lines_base clang-tidy.sh "${1:-}")
if [[ ! -f "$build_dir/compile_commands.json" ]]; then
    echo "clang-tidy.sh: $build_dir/compile_commands.json missing: configure and build first (scripts/build.sh dev)" >&2
    exit 2
fi

diff_file=$(mktemp)
trap 'rm -f "$diff_file"' EXIT
git diff -U0 --no-color --no-ext-diff --diff-filter=AMR "$base" -- '*.cpp' '*.h' > "$diff_file"
python3 - "$build_dir" "$whole" "${JOBS:-$(nproc)}" "$diff_file" <<'PY'
import concurrent.futures, json, os, re, subprocess, sys

build_dir, whole, jobs, diff_file = sys.argv[1], sys.argv[2] == "1", int(sys.argv[3]), sys.argv[4]
root = os.getcwd()

# Changed line ranges per file, from the unified diff.
changed, current = {}, None
for line in open(diff_file, errors="replace"):
    if line.startswith("+++ "):
        current = line[6:].rstrip("\n") if line.startswith("+++ b/") else None
        if current:
            changed.setdefault(current, [])
    elif line.startswith("@@") and current:
        m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
        start, count = int(m.group(1)), int(m.group(2) or "1")
        if count:
            changed[current].append([start, start + count - 1])
changed = {f: r for f, r in changed.items() if r and os.path.exists(f)}
if not changed:
    print("clang-tidy: no changed C++ lines")
    sys.exit(0)

with open(os.path.join(build_dir, "compile_commands.json")) as f:
    units = {os.path.relpath(os.path.join(e["directory"], e["file"]), root) for e in json.load(f)}
units = {u for u in units if not u.startswith("..") and "_autogen" not in u and not u.startswith("build")}

def unit_for_header(header):
    twin = os.path.splitext(header)[0] + ".cpp"
    if twin in units:
        return twin
    name = os.path.basename(header)
    for unit in sorted(units):
        with open(unit, errors="replace") as f:
            text = f.read()
        if f'"{header}"' in text or (os.path.dirname(unit) == os.path.dirname(header) and f'"{name}"' in text):
            return unit
    return None

targets, unchecked = set(), []
for path in changed:
    if path.endswith(".cpp"):
        (targets.add(path) if path in units else unchecked.append(path))
    else:
        unit = unit_for_header(path)
        (targets.add(unit) if unit else unchecked.append(path))
for path in unchecked:
    print(f"clang-tidy: not in this build, skipped: {path}")

line_filter = json.dumps([{"name": f, "lines": r} for f, r in changed.items()])
base_command = ["clang-tidy", "-p", build_dir, "--quiet", "--extra-arg=-Wno-unknown-warning-option"]
if not whole:
    base_command.append("--line-filter=" + line_filter)

def run(unit):
    done = subprocess.run(base_command + [unit], capture_output=True, text=True)
    out = done.stdout
    # Non-zero without a reported finding: clang-tidy could not analyse the file at all.
    if done.returncode != 0 and not re.search(r": (warning|error): ", out):
        reason = " ".join(done.stderr.split())[-400:]
        out += f"\n{unit}:1:1: error: clang-tidy failed (exit {done.returncode}): {reason} [clang-tidy]"
    return unit, out

print(f"clang-tidy: {len(targets)} file(s), {sum(len(r) for r in changed.values())} changed range(s), {jobs} job(s)",
      flush=True)
findings = set()
with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
    for unit, out in pool.map(run, sorted(targets)):
        # A finding in a header shows up once per file that includes it: count it once.
        for line in out.splitlines():
            m = re.match(r"^(\S+?):(\d+):(\d+): (warning|error): .*\[([\w.,-]+)\]$", line)
            if m:
                findings.add(m.groups())
        text = "\n".join(l for l in out.splitlines() if not l.startswith("Suppressed") and "-header-filter" not in l)
        if text.strip():
            print(text.replace(root + "/", ""), flush=True)

if findings:
    print(f"\nclang-tidy: {len(findings)} finding(s) on changed lines (checks in .clang-tidy); fix them, or if a"
          " check is wrong here, say why in a NOLINT(check-name) comment on that line.", file=sys.stderr)
    sys.exit(1)
print("clang-tidy: no findings on changed lines")
PY

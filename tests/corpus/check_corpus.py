#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: LLMProxy contributors
"""Validate the JSON Lines corpora under tests/corpus and print counts per family and split.

Checks: every line parses as a JSON object; required fields are present and well typed;
ids are unique and of the form "<family>-<NNN>"; "family" matches the file name; "split" is
dev or test with roughly 60/40 per family; role is allowed for the directory; multi-turn rows
end with the turn repeated in "text"; no exact duplicate texts (nor a text both in attacks and benign); minimum row counts per family;
resources/security/injection_corpus.yaml has enough well-formed patterns, none equal to a test row.

Usage: check_corpus.py [--markdown] [corpus_dir]
Exit status 0 when everything is valid, 1 otherwise.
"""
import json
import os
import sys

REQUIRED = ("id", "family", "split", "lang", "role", "text")
ROLES = {"attacks": {"user", "tool"}, "benign": {"user", "tool", "system"}}
ATTACK_FAMILIES = (
    "direct_override", "encoding_base64", "encoding_hex", "encoding_rot13", "encoding_url",
    "encoding_unicode_escape", "obfuscation_zero_width", "obfuscation_homoglyph",
    "obfuscation_leetspeak", "multilingual", "roleplay_jailbreak", "indirect_tool_result",
    "system_prompt_extraction", "refusal_suppression", "multi_turn", "delimiter_injection",
    "exfiltration",
)
MIN_ROWS = {"direct_override": 60, "multilingual": 80}
MIN_DEFAULT = 50
MIN_LANGS = {"multilingual": 14}
TEST_SHARE = (0.30, 0.50)
MIN_PATTERNS = 200


def check_injection_corpus(path, test_texts, errors):
    """Checks resources/security/injection_corpus.yaml as written here: a `version: 2` line, then
    `patterns:` with `- pattern: "<JSON string>"` / `category: <word>` items. Returns the count."""
    if not os.path.isfile(path):
        errors.append(f"{path}: missing")
        return 0
    version, patterns, categories = None, [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("version:"):
                version = stripped.split(":", 1)[1].strip()
            elif stripped.startswith("- pattern:"):
                try:
                    value = json.loads(stripped.split(":", 1)[1].strip())
                except json.JSONDecodeError:
                    errors.append(f"{path}:{n}: pattern is not a double-quoted string")
                    continue
                patterns.append((n, value))
            elif stripped.startswith("category:"):
                categories.append(stripped.split(":", 1)[1].strip())
            elif stripped != "patterns:":
                errors.append(f"{path}:{n}: unexpected line")
    if version != "2":
        errors.append(f"{path}: expected version: 2")
    if len(categories) != len(patterns) or not all(categories):
        errors.append(f"{path}: every pattern needs a category")
    seen = set()
    lowered_tests = {t.lower() for t in test_texts}
    for n, value in patterns:
        if not 3 <= len(value) <= 200:
            errors.append(f"{path}:{n}: pattern length {len(value)} outside 3..200")
        if value.lower() in seen:
            errors.append(f"{path}:{n}: duplicate pattern")
        seen.add(value.lower())
        if value.lower() in lowered_tests:
            errors.append(f"{path}:{n}: pattern repeats a test row")
    if len(patterns) < MIN_PATTERNS:
        errors.append(f"{path}: {len(patterns)} patterns, need >= {MIN_PATTERNS}")
    return len(patterns)


def check_file(path, kind, family, errors, seen_ids, seen_texts):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: invalid JSON ({e})")
                continue
            if not isinstance(row, dict):
                errors.append(f"{where}: not an object")
                continue
            missing = [k for k in REQUIRED if not isinstance(row.get(k), str) or not row.get(k)]
            if missing:
                errors.append(f"{where}: missing or empty {missing}")
                continue
            if row["family"] != family:
                errors.append(f"{where}: family {row['family']!r} != file {family!r}")
            prefix, _, num = row["id"].rpartition("-")
            if prefix != family or not num.isdigit():
                errors.append(f"{where}: bad id {row['id']!r}")
            if row["id"] in seen_ids:
                errors.append(f"{where}: duplicate id {row['id']!r}")
            seen_ids.add(row["id"])
            if row["split"] not in ("dev", "test"):
                errors.append(f"{where}: bad split {row['split']!r}")
            if row["role"] not in ROLES[kind]:
                errors.append(f"{where}: role {row['role']!r} not allowed in {kind}")
            if row["role"] == "tool" and kind == "attacks" and not row.get("context"):
                errors.append(f"{where}: tool row without context")
            turns = row.get("turns")
            if turns is not None:
                if (not isinstance(turns, list) or len(turns) < 2
                        or any(not isinstance(t, dict) or not isinstance(t.get("role"), str)
                               or not isinstance(t.get("text"), str) for t in turns)):
                    errors.append(f"{where}: malformed turns")
                elif turns[-1]["text"] != row["text"] or turns[-1]["role"] != row["role"]:
                    errors.append(f"{where}: last turn differs from text/role")
            key = row["text"]
            if key in seen_texts:
                errors.append(f"{where}: duplicate text (also {seen_texts[key]})")
            else:
                seen_texts[key] = row["id"]
            rows.append(row)
    return rows


def main(argv):
    markdown = "--markdown" in argv
    args = [a for a in argv if a != "--markdown"]
    root = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    errors, table, test_texts = [], [], []
    texts_by_kind = {}
    for kind in ("attacks", "benign"):
        d = os.path.join(root, kind)
        if not os.path.isdir(d):
            continue
        seen_ids, seen_texts = set(), {}
        present = set()
        for name in sorted(os.listdir(d)):
            if not name.endswith(".jsonl"):
                continue
            family = name[:-len(".jsonl")]
            present.add(family)
            rows = check_file(os.path.join(d, name), kind, family, errors, seen_ids, seen_texts)
            test_texts += [r["text"] for r in rows if r["split"] == "test"]
            dev = sum(r["split"] == "dev" for r in rows)
            test = sum(r["split"] == "test" for r in rows)
            langs = sorted({r["lang"] for r in rows})
            table.append((kind, family, len(rows), dev, test, langs))
            if kind == "attacks":
                need = MIN_ROWS.get(family, MIN_DEFAULT)
                if len(rows) < need:
                    errors.append(f"{name}: {len(rows)} rows, need >= {need}")
                if family in MIN_LANGS and len(set(langs) - {"en"}) < MIN_LANGS[family]:
                    errors.append(f"{name}: {len(langs)} languages, need >= {MIN_LANGS[family]} besides en")
            if len(rows) >= 10:  # too few rows for a ratio to mean anything
                share = test / len(rows)
                if not TEST_SHARE[0] <= share <= TEST_SHARE[1]:
                    errors.append(f"{name}: test share {share:.2f} outside {TEST_SHARE}")
        texts_by_kind[kind] = seen_texts
        if kind == "attacks":
            for fam in ATTACK_FAMILIES:
                if fam not in present:
                    errors.append(f"attacks/{fam}.jsonl missing")
    if len(texts_by_kind) == 2:
        for text, row_id in texts_by_kind["benign"].items():
            if text in texts_by_kind["attacks"]:
                errors.append(f"benign {row_id} repeats attack {texts_by_kind['attacks'][text]}")
    corpus_path = os.path.join(root, "..", "..", "resources", "security", "injection_corpus.yaml")
    n_patterns = check_injection_corpus(os.path.normpath(corpus_path), test_texts, errors)
    if markdown:
        print("| Kind | Family | Rows | dev | test | Languages |")
        print("|---|---|---:|---:|---:|---|")
        for kind, fam, n, dev, test, langs in table:
            print(f"| {kind} | {fam} | {n} | {dev} | {test} | {', '.join(langs)} |")
        for kind in ("attacks", "benign"):
            rows = [t for t in table if t[0] == kind]
            if rows:
                print(f"| {kind} | **total** | {sum(t[2] for t in rows)} | {sum(t[3] for t in rows)} | "
                      f"{sum(t[4] for t in rows)} | |")
        print(f"\nresources/security/injection_corpus.yaml: {n_patterns} patterns")
    else:
        for kind, fam, n, dev, test, langs in table:
            print(f"{kind:8} {fam:28} {n:5} dev={dev:4} test={test:4} langs={len(langs)}")
        print(f"injection_corpus.yaml patterns: {n_patterns}")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

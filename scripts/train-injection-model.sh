#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Retrains the prompt-injection classifier from the corpus and writes
# resources/security/injection_model.bin. Trains and picks thresholds on the rows marked
# "split":"dev" only, prints cross-validation, leave-one-family-out and test figures
# (docs/security-classifier.md). Extra arguments go to the trainer (e.g. --l2 3e-4); --no-cv skips
# the evaluation and leaves both thresholds at 0.5, so the shipped model is trained without it.
#   ATTACKS=dir BENIGN=dir OUT=file scripts/train-injection-model.sh   to train from elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."
attacks=${ATTACKS:-tests/corpus/attacks}
benign=${BENIGN:-tests/corpus/benign}
# Texts with personal data are harmless too: without them the model learns that an e-mail address
# or a phone number is a sign of an attack (exfiltration attacks carry them).
pii=${PII:-tests/corpus/pii}
out=${OUT:-resources/security/injection_model.bin}
build_dir=${BUILD_DIR:-build/dev}
if [[ ! -f "$build_dir/build.ninja" && ! -f "$build_dir/Makefile" ]]; then
    cmake --preset dev >/dev/null
fi
cmake --build "$build_dir" --target train-injection-model -j"${JOBS:-2}"
"$build_dir/tools/train-injection-model/train-injection-model" \
    --attacks "$attacks" --benign "$benign" --benign "$pii" --out "$out" "$@"

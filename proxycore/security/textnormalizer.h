// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QString>
#include <QStringView>

namespace llmproxy {

/// What normalizeForScan() removed or folded. The counts are a signal of their own: ordinary
/// prompts rarely carry invisible characters or mixed-script look-alikes.
struct NormalizationCounts
{
    int zeroWidth = 0;   ///< U+200B–U+200D, U+2060, U+FEFF, U+180E, U+00AD removed
    int bidi = 0;        ///< U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C removed
    int tags = 0;        ///< Unicode tag characters U+E0000–U+E007F removed
    int confusables = 0; ///< look-alike characters folded to ASCII
    int leetTokens = 0;  ///< tokens rewritten in the leetspeak variant

    int invisible() const { return zeroWidth + bidi + tags; }
};

/// The text a request guard scans, prepared once per text.
struct NormalizedText
{
    /// NFKC, invisible characters removed, look-alikes folded to ASCII, simple case folding.
    QString text;
    /// `text` with leetspeak folded (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s) in the tokens that
    /// mix letters with those digits or symbols; empty when no token qualified (scan `text` only).
    QString leetspeak;
    NormalizationCounts counts;

    bool hasLeetspeak() const { return !leetspeak.isEmpty(); }
};

/// Prepares `text` for signature and injection scanning. Pure function of its input, no shared
/// state: callable from any thread. Cost is linear in the text; pure-ASCII text without invisible
/// characters skips the Unicode normalisation. Idempotent on its own output:
/// normalizeForScan(normalizeForScan(x).text).text == normalizeForScan(x).text.
/// The result is for matching only, never for forwarding (case and look-alikes are lost).
NormalizedText normalizeForScan(QStringView text);

/// The ASCII letter or digit that the look-alike `codePoint` folds to, or 0 when it is not in
/// the table (exposed for tests and the response side's homoglyph check).
char confusableToAscii(char32_t codePoint);

} // namespace llmproxy

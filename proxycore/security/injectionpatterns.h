// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace re2 {
class RE2;
}

namespace llmproxy {

/// What the weighted injection patterns found in one text.
struct PatternScore
{
    double score = 0.0;              ///< noisy-or of the weights of every pattern that matched, in [0, 1)
    double structure = 0.0;          ///< the same over the structural cues only (chat-template tokens, fake roles)
    int matches = 0;                 ///< patterns that matched
    const char *strongest = nullptr; ///< id of the heaviest match ("override.en"), null when none
};

/// The weighted patterns of injection scoring: override, extraction, persona, safety-bypass and
/// exfiltration phrasings in English and sixteen other languages, and structural cues (chat-template
/// tokens, fake role delimiters, "### system" headers) that ordinary prompts do not carry. Unlike the
/// firewall's signatures, a pattern match is evidence, not a verdict: weights combine with the
/// classifier and corpus similarity into the composite decision.
///
/// Every pattern runs in one RE2::Set pass over text prepared by normalizeForScan() (the patterns
/// are prepared the same way when compiled, so non-Latin patterns match the folded text).
/// Immutable after construction; score() is thread-safe and linear in the text.
class InjectionPatterns
{
public:
    InjectionPatterns();
    ~InjectionPatterns();
    InjectionPatterns(const InjectionPatterns &) = delete;
    InjectionPatterns &operator=(const InjectionPatterns &) = delete;

    /// The shared instance (compiled once, on first use).
    static const InjectionPatterns &instance();

    /// Scores normalised UTF-8 text (NormalizedText::text or its leetspeak variant as UTF-8).
    PatternScore score(QByteArrayView normalizedUtf8) const;

    /// Number of patterns in use, and of languages they cover (for the guards' status).
    int size() const;
    /// Number of patterns in the table (size() is smaller only if one failed to compile).
    static int defined();
    int languages() const;

private:
    struct Compiled;
    std::unique_ptr<Compiled> d;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

namespace llmproxy {

/// The closest attack phrasing found in a text.
struct SimilarityMatch
{
    double score = 0.0; ///< share of the phrasing's word pairs present in one window of the text, [0, 1]
    int pattern = -1;   ///< index in the corpus, -1 when nothing came close
    QString category;
};

/// Similarity of a text to a corpus of known attack phrasings (resources/security/injection_corpus.yaml,
/// the reference system's format: `version: 2`, `patterns: [{pattern, category}]`). A phrasing
/// counts as present when most of its word pairs occur within one window of the text, so a
/// reworded or padded attack still scores, and a long harmless text that happens to use the same
/// words far apart does not. Scripts written without spaces (Chinese, Japanese, Thai) are read a
/// character at a time.
///
/// Word pairs are looked up in one inverted index, so the cost is linear in the text and barely
/// depends on the corpus size. Texts longer than the scan budget are read at their start and end.
/// Immutable once loaded; match() is thread-safe.
class CorpusSimilarity
{
public:
    /// Parses the YAML corpus. On failure returns null and sets `error` (with the entry's index).
    static std::shared_ptr<const CorpusSimilarity> load(const QByteArray &yaml, QString *error);
    /// The embedded corpus (`:/security/injection_corpus.yaml`); an empty corpus if it is missing.
    static std::shared_ptr<const CorpusSimilarity> builtin();

    /// Scores text already prepared by normalizeForScan().
    SimilarityMatch match(QStringView normalized) const;

    int size() const { return int(m_patterns.size()); }
    /// Phrasings per category, sorted by category.
    QList<std::pair<QString, int>> categories() const;

    /// Tokens per window; a phrasing of up to half a window always fits one window whole.
    static constexpr int kWindowTokens = 48;

    /// Tokens read from one text at most (start and end); the rest is skipped.
    static constexpr int kMaxTokens = 32 * 1024;

private:
    struct Pattern
    {
        QString category;
        int pairs = 0; ///< distinct word pairs
    };
    std::vector<Pattern> m_patterns;
    QHash<quint64, std::vector<int>> m_index; ///< word-pair hash → patterns containing it
};

} // namespace llmproxy

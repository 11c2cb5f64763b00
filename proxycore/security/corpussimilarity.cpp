// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/corpussimilarity.h"

#include "proxycore/security/textnormalizer.h"

#include <QFile>
#include <QMap>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace llmproxy {

namespace {

constexpr int kWindow = CorpusSimilarity::kWindowTokens;
constexpr int kStride = kWindow / 2;
constexpr int kMinPairs = 3; ///< shorter phrasings ("system prompt") are too common to mean anything
constexpr qsizetype kMaxPatternChars = 200;

/// Scripts written without spaces between words: each character is a token.
bool isSpaceless(char16_t c)
{
    if (c < 0x0E00)
        return false;
    return (c >= 0x3040 && c <= 0x30FF)     // Hiragana, Katakana
           || (c >= 0x3400 && c <= 0x4DBF)  // CJK extension A
           || (c >= 0x4E00 && c <= 0x9FFF)  // CJK unified ideographs
           || (c >= 0xF900 && c <= 0xFAFF)  // CJK compatibility ideographs
           || (c >= 0x0E00 && c <= 0x0EFF)  // Thai, Lao
           || (c >= 0x1000 && c <= 0x109F)  // Myanmar
           || (c >= 0x1780 && c <= 0x17FF); // Khmer
}

bool isWordChar(QChar c)
{
    // QChar::isMark() is a library call; ASCII has no marks.
    return c.isLetterOrNumber() || (c.unicode() >= 0x80 && c.isMark());
}

quint64 pairHash(quint64 a, quint64 b)
{
    // Order matters ("ignore previous" ≠ "previous ignore"); a 64-bit mix keeps collisions negligible.
    quint64 h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
    h ^= h >> 31;
    return h * 0xBF58476D1CE4E5B9ULL;
}

/// The hashes of the text's tokens, at most `limit` (start and end when longer).
std::vector<quint64> tokenHashes(QStringView text, qsizetype limit)
{
    std::vector<quint64> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        if (isSpaceless(c)) {
            tokens.push_back(qHash(text.sliced(i, 1), 0x5eed));
            ++i;
            continue;
        }
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && isWordChar(text[i]) && !isSpaceless(text[i].unicode()))
            ++i;
        tokens.push_back(qHash(text.sliced(start, i - start), 0x5eed));
    }
    if (qsizetype(tokens.size()) > limit) {
        const auto half = std::ptrdiff_t(limit / 2);
        tokens.erase(tokens.begin() + half, tokens.end() - half);
    }
    return tokens;
}

} // namespace

std::shared_ptr<const CorpusSimilarity> CorpusSimilarity::load(const QByteArray &yaml, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return std::shared_ptr<const CorpusSimilarity>();
    };
    YAML::Node root;
    try {
        root = YAML::Load(yaml.toStdString());
    } catch (const YAML::Exception &e) {
        return fail(QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.msg)));
    }
    if (!root.IsMap() || !root["patterns"] || !root["patterns"].IsSequence())
        return fail(QStringLiteral("expected a mapping with a `patterns` list"));
    auto corpus = std::make_shared<CorpusSimilarity>();
    const YAML::Node patterns = root["patterns"];
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        const YAML::Node entry = patterns[i];
        const YAML::Node text = entry.IsMap() ? entry["pattern"] : entry;
        if (!text.IsScalar())
            return fail(QStringLiteral("patterns[%1]: expected a pattern text").arg(i));
        const QString pattern = QString::fromStdString(text.as<std::string>());
        if (pattern.size() < 3 || pattern.size() > kMaxPatternChars)
            return fail(QStringLiteral("patterns[%1]: a pattern has 3 to %2 characters").arg(i).arg(kMaxPatternChars));
        const std::vector<quint64> tokens = tokenHashes(normalizeForScan(pattern).text, kMaxPatternChars);
        std::vector<quint64> pairs;
        for (std::size_t t = 1; t < tokens.size(); ++t)
            pairs.push_back(pairHash(tokens[t - 1], tokens[t]));
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        if (int(pairs.size()) < kMinPairs || int(tokens.size()) > kStride + 1)
            continue; // too short to be evidence, or too long to fit one window whole
        Pattern p;
        if (entry.IsMap() && entry["category"] && entry["category"].IsScalar())
            p.category = QString::fromStdString(entry["category"].as<std::string>());
        p.pairs = int(pairs.size());
        const int index = int(corpus->m_patterns.size());
        corpus->m_patterns.push_back(std::move(p));
        for (const quint64 h : pairs)
            corpus->m_index[h].push_back(index);
    }
    return corpus;
}

std::shared_ptr<const CorpusSimilarity> CorpusSimilarity::builtin()
{
    QFile file(QStringLiteral(":/security/injection_corpus.yaml"));
    std::shared_ptr<const CorpusSimilarity> corpus;
    if (file.open(QIODevice::ReadOnly))
        corpus = load(file.readAll(), nullptr);
    return corpus ? corpus : std::make_shared<const CorpusSimilarity>();
}

QList<std::pair<QString, int>> CorpusSimilarity::categories() const
{
    QMap<QString, int> counts;
    for (const Pattern &p : m_patterns)
        ++counts[p.category];
    QList<std::pair<QString, int>> result;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        result.append({it.key(), it.value()});
    return result;
}

SimilarityMatch CorpusSimilarity::match(QStringView normalized) const
{
    SimilarityMatch best;
    if (m_patterns.empty())
        return best;
    const std::vector<quint64> tokens = tokenHashes(normalized, kMaxTokens);
    if (tokens.size() < 2)
        return best;
    // Token pairs that occur in some pattern are rare in ordinary text: find them in one pass, then
    // count each window's distinct ones.
    std::vector<std::pair<std::size_t, quint64>> known; // (position of the pair's second token, hash)
    const std::size_t n = tokens.size();
    for (std::size_t t = 1; t < n; ++t) {
        const quint64 h = pairHash(tokens[t - 1], tokens[t]);
        if (m_index.contains(h))
            known.emplace_back(t, h);
    }
    if (known.empty())
        return best;
    std::vector<int> counts(m_patterns.size(), 0);
    std::vector<int> touched;
    std::vector<quint64> pairs;
    std::size_t first = 0; // the first known pair at or after the window's start
    for (std::size_t start = 0;; start += kStride) {
        const std::size_t end = std::min(n, start + kWindow);
        while (first < known.size() && known[first].first < start + 1)
            ++first;
        pairs.clear();
        for (std::size_t k = first; k < known.size() && known[k].first < end; ++k)
            pairs.push_back(known[k].second);
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        for (const quint64 h : pairs) {
            for (const int p : *m_index.constFind(h)) {
                if (counts[size_t(p)]++ == 0)
                    touched.push_back(p);
            }
        }
        for (const int p : touched) {
            const double score = double(counts[size_t(p)]) / m_patterns[size_t(p)].pairs;
            if (score > best.score) {
                best.score = score;
                best.pattern = p;
            }
            counts[size_t(p)] = 0;
        }
        touched.clear();
        if (end == n || best.score >= 1.0)
            break;
    }
    if (best.pattern >= 0)
        best.category = m_patterns[size_t(best.pattern)].category;
    return best;
}

} // namespace llmproxy

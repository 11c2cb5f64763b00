// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/requestscanner.h"

#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/encodingdecoder.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/injectionpatterns.h"
#include "proxycore/security/signaturestore.h"

#include <algorithm>
#include <cmath>

namespace llmproxy {

namespace {

constexpr qsizetype kGuessClassifierUnits = 4096;

/// Words of a prepared text; characters of scripts written without spaces count half a word each.
double wordCount(QStringView text)
{
    double words = 0.0;
    bool inWord = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x3040 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF) || (u >= 0x0E00 && u <= 0x0EFF)) {
            words += 0.5;
            inWord = false;
        } else if (c.isLetterOrNumber()) {
            words += inWord ? 0.0 : 1.0;
            inWord = true;
        } else if (!c.isMark()) {
            inWord = false;
        }
    }
    return words;
}

double logit(double p)
{
    const double clamped = std::clamp(p, 1e-4, 1.0 - 1e-4);
    return std::log(clamped / (1.0 - clamped));
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// The pattern, similarity and classifier evidence of one prepared text, merged into `v` (max).
/// A null `corpus` skips the similarity (variants that are only guesses, such as ROT13).
void scoreNormalized(const NormalizedText &n, const CorpusSimilarity *corpus, const InjectionClassifier *classifier,
                     TextVerdict &v)
{
    const InjectionPatterns &patterns = InjectionPatterns::instance();
    const auto take = [&v](const PatternScore &ps) {
        if (ps.score > v.patterns) {
            v.patterns = ps.score;
            v.pattern = ps.strongest;
        }
        v.structure = std::max(v.structure, ps.structure);
    };
    take(patterns.score(n.text.toUtf8()));
    if (n.hasLeetspeak())
        take(patterns.score(n.leetspeak.toUtf8()));
    if (corpus)
        v.similarity = std::max(v.similarity, corpus->match(n.text).score);
    if (classifier)
        v.classifier = std::max(v.classifier, double(classifier->score(n)));
}

} // namespace

QString TextVerdict::detail() const
{
    QString s = QStringLiteral("score=%1 classifier=%2 patterns=%3 structure=%4 similarity=%5")
                    .arg(injection, 0, 'f', 3)
                    .arg(classifier, 0, 'f', 3)
                    .arg(patterns, 0, 'f', 3)
                    .arg(structure, 0, 'f', 3)
                    .arg(similarity, 0, 'f', 3);
    if (pattern)
        s += QStringLiteral(" pattern=%1").arg(QLatin1StringView(pattern));
    if (firewall)
        s += QStringLiteral(" signature=%1 encoding=%2").arg(firewall->signatureId, firewall->encoding);
    if (counts.invisible() > 0)
        s += QStringLiteral(" invisible=%1").arg(counts.invisible());
    return s;
}

RequestScanner::RequestScanner(std::shared_ptr<const SignatureStore> signatures,
                               std::shared_ptr<const CorpusSimilarity> corpus,
                               std::shared_ptr<const InjectionClassifier> classifier, CompositeWeights weights)
    : m_signatures(std::move(signatures)), m_corpus(std::move(corpus)), m_classifier(std::move(classifier)),
      m_weights(weights)
{
    if (!m_corpus)
        m_corpus = std::make_shared<const CorpusSimilarity>();
}

double RequestScanner::composite(const TextVerdict &v, ScanMode mode) const
{
    const CompositeWeights &w = m_weights;
    double z = w.bias + w.patterns * v.patterns + w.structure * v.structure + w.similarity * v.similarity;
    if (m_classifier)
        z += w.classifier * logit(v.classifier) * classifierTrust(v.words);
    if (v.counts.invisible() > 0)
        z += w.invisible;
    if (v.firewall)
        z += w.signature;
    if (mode == ScanMode::Indirect)
        z += w.indirectBias;
    return sigmoid(z);
}

TextVerdict RequestScanner::scan(QStringView text, ScanMode mode, bool firewall, bool injection) const
{
    TextVerdict v;
    if (firewall) {
        const FirewallReport report = Firewall(m_signatures->current()).inspect(text);
        v.counts = report.counts;
        if (report.hit) {
            v.firewall = report.hit;
            v.hidden = report.hit->encoding != u"plaintext";
            if (v.hidden)
                return v;
        }
    }
    if (!injection || mode == ScanMode::SignaturesOnly)
        return v;
    const NormalizedText normalized = normalizeForScan(text);
    v.counts = normalized.counts;
    v.words = wordCount(normalized.text);
    scoreNormalized(normalized, m_corpus.get(), m_classifier.get(), v);
    // Text hidden in base64, hex, URL or escape encodings is read too: an injection the signatures
    // do not know still meets the patterns and the classifier once decoded. The ROT13 reading of
    // the whole text is a guess (any text has one): patterns, and the classifier for short texts.
    const DecodeResult decoded = decodeEncodedSpans(text);
    for (const DecodedSpan &span : decoded.spans) {
        if (span.text.size() < 8)
            continue;
        const bool guess = span.candidate;
        scoreNormalized(normalizeForScan(span.text), guess ? nullptr : m_corpus.get(),
                        !guess || span.text.size() <= kGuessClassifierUnits ? m_classifier.get() : nullptr, v);
    }
    v.injection = composite(v, mode);
    return v;
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/firewall.h"
#include "proxycore/security/textnormalizer.h"

#include <QString>
#include <QStringView>

#include <algorithm>
#include <memory>
#include <optional>

namespace llmproxy {

class CorpusSimilarity;
class InjectionClassifier;
class InjectionPatterns;
class SignatureStore;

/// How a text is read.
enum class ScanMode : quint8 {
    SignaturesOnly, ///< firewall signatures only (tool descriptions, assistant turns, tool arguments)
    Direct,         ///< a user's own turn: signatures and injection score
    Indirect,       ///< a tool result or retrieved document: signatures and indirect-injection score
};

/// What scanning one text found.
struct TextVerdict
{
    /// A signature matched. Found in hidden text (decoded, invisible characters, look-alikes,
    /// leetspeak, ROT13) it is a verdict: `hidden` is set and nothing else is scored. Found in the
    /// plain text it is strong evidence for the composite, not a verdict on its own: developers
    /// quote attacks when they discuss them, nobody hides a quotation.
    std::optional<FirewallHit> firewall;
    bool hidden = false;
    double injection = 0.0;        ///< composite injection score in [0, 1]; 0 when not scored
    double patterns = 0.0;         ///< weighted patterns (noisy-or)
    double structure = 0.0;        ///< structural cues only
    double similarity = 0.0;       ///< closest attack phrasing of the corpus
    double classifier = 0.0;       ///< learned classifier's probability
    /// The classifier's probability for the most suspicious text decoded out of base64, hex, URL
    /// or escapes (0 when nothing was decoded): instructions hidden in an encoding.
    double encoded = 0.0;
    double words = 0.0;            ///< words in the text (a CJK or Thai character counts half)
    double english = 1.0;          ///< how English the text reads, 0–1 (share of English function words)
    /// The full text scored above the threshold, but the evidence was in what it quotes: read
    /// without its quotations, inline code and regular expressions, it scored `injection`.
    bool quotedOnly = false;
    const char *pattern = nullptr; ///< heaviest pattern id
    NormalizationCounts counts;    ///< invisible characters and look-alikes found

    /// A short account of the evidence for logs and the admin API (ids and scores, never the text).
    QString detail() const;
};

/// The composite's parameters: a logistic combination of the detectors, fitted on the development
/// split of tests/corpus (tools/tune-injection, docs/security-pipeline.md).
struct CompositeWeights
{
    // Fitted by `tune-injection tests/corpus --fpr 0.03` (out-of-fold classifier scores on the dev
    // split; threshold at a dev false-positive rate of 3 % on the benign prompts, the quotation reading
    // included). Refit after retraining the classifier
    // or changing the corpus, patterns or signatures.
    double bias = -0.8019;
    double classifier = 1.3369; ///< times the classifier's logit (times classifierTrust() and english)
    double patterns = 0.0903;
    double structure = -0.4442;
    double similarity = 0.8842;
    double invisible = 1.3159;    ///< invisible / tag characters present
    double indirectBias = 0.1123; ///< added for tool results and documents
    double encoded = 0.8632;      ///< times TextVerdict::encoded
    double signature = -1.1248;   ///< a firewall signature matched the plain text (the classifier already saw it)
    // The same parts for text that does not read as English, added in proportion (1 - english):
    // the classifier has seen fewer attacks in other languages, the patterns cover 17 of them.
    double foreignBias = 0.1898;
    double classifierForeign = 1.6848; ///< replaces `classifier` in proportion
    double patternsForeign = 0.5252;
    double similarityForeign = 0.6214;
    double blockThreshold = 0.8222;
};

/// Reads one text for the request guards: normalises it once, runs the firewall's signatures over
/// it and its decoded spans, and (Direct / Indirect) scores it as injection. Stateless and shared:
/// scan() is thread-safe. The firewall's signatures come from a SignatureStore so a reloaded file
/// applies to the next scan.
class RequestScanner
{
public:
    RequestScanner(std::shared_ptr<const SignatureStore> signatures, std::shared_ptr<const CorpusSimilarity> corpus,
                   std::shared_ptr<const InjectionClassifier> classifier, CompositeWeights weights = {});

    /// `firewall` / `injection`: which layers run (switches of the guards).
    TextVerdict scan(QStringView text, ScanMode mode, bool firewall, bool injection) const;

    /// How much of the classifier's word counts for a text of `words` words: a few words are too
    /// little for n-gram statistics ("What is the answer?"), so short texts need other evidence.
    static double classifierTrust(double words) { return std::min(1.0, words / 12.0); }

    /// Composite of already computed parts (exposed for the tuning tool and tests).
    double composite(const TextVerdict &v, ScanMode mode) const;
    double blockThreshold() const { return m_weights.blockThreshold; }

    const SignatureStore &signatures() const { return *m_signatures; }
    const CorpusSimilarity &corpus() const { return *m_corpus; }
    const InjectionClassifier *classifier() const { return m_classifier.get(); }

    /// The parts of `text` read without its quotations, inline code and regular-expression literals,
    /// when that reading may excuse it: nothing hidden in `full` (its scan), something quoted, and
    /// enough words left. scan() passes a text over the threshold whose rest scores below
    /// kUnquotedHarmless (exposed for the tuning tool).
    std::optional<TextVerdict> readUnquoted(QStringView text, const TextVerdict &full) const;
    static constexpr double kUnquotedHarmless = 0.3;

private:
    std::shared_ptr<const SignatureStore> m_signatures;
    std::shared_ptr<const CorpusSimilarity> m_corpus;
    std::shared_ptr<const InjectionClassifier> m_classifier;
    CompositeWeights m_weights;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/firewall.h"
#include "proxycore/security/textnormalizer.h"

#include <QString>
#include <QStringView>

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
    double injection = 0.0;              ///< composite injection score in [0, 1]; 0 when not scored
    double patterns = 0.0;               ///< weighted patterns (noisy-or)
    double structure = 0.0;              ///< structural cues only
    double similarity = 0.0;             ///< closest attack phrasing of the corpus
    double classifier = 0.0;             ///< learned classifier's probability
    const char *pattern = nullptr;       ///< heaviest pattern id
    NormalizationCounts counts;          ///< invisible characters and look-alikes found

    /// A short account of the evidence for logs and the admin API (ids and scores, never the text).
    QString detail() const;
};

/// The composite's parameters: a logistic combination of the detectors, fitted on the development
/// split of tests/corpus (tools/tune-injection, docs/security.md).
struct CompositeWeights
{
    double bias = -4.0;
    double classifier = 5.0;  ///< times the classifier's logit contribution (probability in [0, 1])
    double patterns = 4.0;
    double structure = 1.5;
    double similarity = 3.0;
    double invisible = 2.0;   ///< invisible / tag characters present
    double signature = 3.0;   ///< a firewall signature matched the plain text
    double indirectBias = 0.0; ///< added for tool results and documents
    double blockThreshold = 0.5;
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

    /// Composite of already computed parts (exposed for the tuning tool and tests).
    double composite(const TextVerdict &v, ScanMode mode) const;
    double blockThreshold() const { return m_weights.blockThreshold; }
    const CompositeWeights &weights() const { return m_weights; }
    void setBlockThreshold(double t) { m_weights.blockThreshold = t; }

    const SignatureStore &signatures() const { return *m_signatures; }
    const CorpusSimilarity &corpus() const { return *m_corpus; }
    const InjectionClassifier *classifier() const { return m_classifier.get(); }

private:
    std::shared_ptr<const SignatureStore> m_signatures;
    std::shared_ptr<const CorpusSimilarity> m_corpus;
    std::shared_ptr<const InjectionClassifier> m_classifier;
    CompositeWeights m_weights;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

namespace llmproxy {

struct NormalizedText;

/// How text becomes features. Stored in the model file, so a model is always read with the
/// settings it was trained with (docs/security-classifier.md describes each one).
struct InjectionFeatureSettings
{
    int hashBits = 18;         ///< 2^hashBits buckets; 10–24
    quint32 seed = 0x4C50494E; ///< mixed into every feature hash before its content
    bool wordUnigrams = true;  ///< one feature per token
    bool wordBigrams = true;   ///< one feature per pair of adjacent tokens
    int charMin = 3;           ///< shortest character n-gram inside a word token (0 = none)
    int charMax = 5;           ///< longest character n-gram; charMin ≤ charMax ≤ 8

    bool operator==(const InjectionFeatureSettings &) const = default;
};

/// One non-zero component of a feature vector.
struct InjectionFeature
{
    quint32 index = 0; ///< bucket, < 2^hashBits
    float value = 0;   ///< (1 + ln count), the whole vector scaled to unit L2 norm
};

/// The feature vector of one prepared text (normalizeForScan().text or its leetspeak variant),
/// sorted by index: exactly what InjectionClassifier scores for a text of at most one window
/// (kBlockUnits × kWindowBlocks code units). Used by the trainer; not on the request path.
QList<InjectionFeature> injectionFeatures(QStringView prepared, const InjectionFeatureSettings &settings);

/// A logistic-regression model over hashed features with float weights, as the trainer produces
/// it: P(injection) = sigmoid(bias + Σ weight[index] · value).
struct InjectionLinearModel
{
    InjectionFeatureSettings settings;
    float bias = 0;
    std::vector<float> weights; ///< 2^settings.hashBits entries

    /// Probability of injection for one feature vector (float weights, no quantisation).
    float probability(const QList<InjectionFeature> &features) const;
};

/// The learned prompt-injection classifier: hashed word and character n-grams of the prepared
/// text, a linear model with int8 weights, loaded from a versioned, checksummed file.
///
/// Scoring is a pure function of the text and the immutable weights: a const classifier may be
/// used from any number of threads at once (each thread keeps one scratch table of 20 KiB that
/// it reuses). Cost is linear in the text; texts longer than one window are scored in
/// overlapping windows and the highest window wins, so an injection in the middle of a long
/// document is not diluted by the rest; at most kMaxScanUnits code units are looked at.
class InjectionClassifier
{
public:
    /// Texts are cut into blocks of about this many code units, ending at whitespace, and every
    /// run of kWindowBlocks consecutive blocks is one window (about 384 code units, one every 128):
    /// short enough that a paragraph of injection dominates its window. A text no longer than one
    /// window is scored as one piece.
    static constexpr qsizetype kBlockUnits = 128;
    static constexpr int kWindowBlocks = 3;
    /// Texts up to this many code units are also scored as a whole (the trainer's view of them).
    static constexpr qsizetype kWindowUnits = 1024;
    /// Bound of the work for one text: beyond it, the first three quarters and the last quarter of
    /// this budget are scanned and the middle is skipped.
    static constexpr qsizetype kMaxScanUnits = 512 * 1024;

    /// Reads a model file (format in docs/security-classifier.md). Refuses, with a sentence in
    /// `error`, a file that is short, has another magic or version, unsupported settings, a weight
    /// count that does not match 2^hashBits, trailing bytes, or a checksum mismatch.
    static std::optional<InjectionClassifier> load(const QByteArray &data, QString *error = nullptr);
    /// The model shipped in the resource `:/security/injection_model.bin`.
    static std::optional<InjectionClassifier> builtin(QString *error = nullptr);
    /// Quantises a trained model to int8 weights (scale = max |weight| / 127).
    static InjectionClassifier fromLinearModel(const InjectionLinearModel &model, float blockThreshold,
                                               float passThreshold);

    /// The model file; load(serialize()) gives back an identical classifier.
    QByteArray serialize() const;

    /// Probability in [0, 1] that `text` (as sent by the client) is a prompt injection: the text is
    /// prepared with normalizeForScan() and the higher score of the text and its leetspeak variant
    /// is returned. Empty or whitespace-only text scores the model's prior.
    float score(QStringView text) const;
    /// The same for text the caller has already prepared (the firewall prepares each text once).
    float score(const NormalizedText &normalized) const;
    /// The score of one prepared text (normalizeForScan().text or .leetspeak) without the leetspeak
    /// variant: the windowing described above, nothing else.
    float scorePrepared(QStringView prepared) const;

    /// Probability at or above which the trainer suggests blocking, chosen on the development
    /// split (false-positive rate on held-out benign rows of at most 1 %).
    float blockThreshold() const { return m_blockThreshold; }
    /// Probability below which the trainer suggests the text is clearly harmless (recall on
    /// held-out attack rows of at least 99 % above it); between the two, other signals decide.
    float passThreshold() const { return m_passThreshold; }

    const InjectionFeatureSettings &settings() const { return m_settings; }
    float bias() const { return m_bias; }
    float weightScale() const { return m_scale; }
    /// Quantised weights, 2^hashBits entries; a weight is weights()[i] × weightScale().
    const std::vector<qint8> &weights() const { return *m_weights; }

private:
    InjectionClassifier() = default;

    InjectionFeatureSettings m_settings;
    float m_bias = 0;
    float m_scale = 0;
    float m_blockThreshold = 0.5F;
    float m_passThreshold = 0.5F;
    std::shared_ptr<const std::vector<qint8>> m_weights; ///< shared by copies, never written
};

} // namespace llmproxy

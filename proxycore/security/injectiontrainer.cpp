// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/injectiontrainer.h"

#include "proxycore/security/encodingdecoder.h"
#include "proxycore/security/textnormalizer.h"

#include <QHash>
#include <QSet>

#include <cmath>
#include <random>

namespace llmproxy {

InjectionLinearModel trainInjectionModel(const QList<InjectionTrainingExample> &examples,
                                         const InjectionFeatureSettings &settings,
                                         const InjectionTrainingOptions &options)
{
    InjectionLinearModel model;
    model.settings = settings;
    const size_t buckets = size_t(1) << settings.hashBits;
    model.weights.assign(buckets, 0.0F);
    if (examples.isEmpty())
        return model;

    double attackWeight = 0;
    double benignWeight = 0;
    for (const InjectionTrainingExample &e : examples)
        (e.attack ? attackWeight : benignWeight) += e.weight;
    // Each class contributes half of the total weight; the mean example weight stays 1.
    const double total = attackWeight + benignWeight;
    const double attackScale = options.balanceClasses && attackWeight > 0 ? total / (2 * attackWeight) : 1.0;
    const double benignScale = options.balanceClasses && benignWeight > 0 ? total / (2 * benignWeight) : 1.0;

    std::vector<double> w(buckets, 0.0);
    std::vector<double> g2(buckets, 0.0);
    double bias = 0;
    double biasG2 = 0;
    constexpr double kEpsilon = 1e-8;

    std::vector<qsizetype> order(size_t(examples.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = qsizetype(i);
    std::mt19937 rng(options.seed);
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (size_t i = order.size() - 1; i > 0; --i)
            std::swap(order[i], order[rng() % (i + 1)]);
        for (const qsizetype index : order) {
            const InjectionTrainingExample &e = examples[index];
            double z = bias;
            for (const InjectionFeature &f : e.features)
                z += w[f.index] * f.value;
            const double p = 1.0 / (1.0 + std::exp(-z));
            const double g = (p - (e.attack ? 1.0 : 0.0)) * e.weight * (e.attack ? attackScale : benignScale);
            for (const InjectionFeature &f : e.features) {
                const double grad = g * f.value + options.l2 * w[f.index];
                g2[f.index] += grad * grad;
                w[f.index] -= options.learningRate * grad / (std::sqrt(g2[f.index]) + kEpsilon);
            }
            biasG2 += g * g;
            bias -= options.learningRate * g / (std::sqrt(biasG2) + kEpsilon);
        }
    }
    model.bias = float(bias);
    for (size_t i = 0; i < buckets; ++i)
        model.weights[i] = float(w[i]);
    return model;
}

QList<TrainingPiece> injectionScoredPieces(const QString &text)
{
    QList<TrainingPiece> pieces;
    const auto add = [&pieces](QStringView t, bool decoded, bool rot13) {
        const NormalizedText n = normalizeForScan(t);
        pieces.append({n.text, decoded, rot13});
        if (n.hasLeetspeak())
            pieces.append({n.leetspeak, decoded, rot13});
    };
    add(text, false, false);
    for (const DecodedSpan &span : decodeEncodedSpans(text).spans)
        add(span.text, !span.candidate, span.candidate);
    return pieces;
}

bool isTrainingPiece(const TrainingPiece &piece, const QString &family, bool attack)
{
    if (!attack)
        return true;
    if (family == u"encoding_rot13")
        return piece.rot13;
    if (family.startsWith(u"encoding_"))
        return piece.decoded;
    return !piece.decoded && !piece.rot13;
}

InjectionClassifier trainInjectionClassifier(const QList<LabeledText> &texts, const InjectionFeatureSettings &settings,
                                             const InjectionTrainingOptions &options)
{
    QHash<QString, int> familySize;
    QSet<QString> attackFamilies, benignFamilies;
    int attacks = 0;
    for (const LabeledText &t : texts) {
        ++familySize[t.family];
        (t.attack ? attackFamilies : benignFamilies).insert(t.family);
        attacks += t.attack ? 1 : 0;
    }
    const int benign = int(texts.size()) - attacks;
    QList<InjectionTrainingExample> examples;
    for (const LabeledText &t : texts) {
        const double classRows = t.attack ? attacks : benign;
        const double families = double((t.attack ? attackFamilies : benignFamilies).size());
        const auto weight = float(classRows / (families * familySize.value(t.family)));
        for (const TrainingPiece &piece : injectionScoredPieces(t.text)) {
            if (isTrainingPiece(piece, t.family, t.attack))
                examples.append({injectionFeatures(piece.text, settings), t.attack, weight});
        }
    }
    return InjectionClassifier::fromLinearModel(trainInjectionModel(examples, settings, options), 0.5F, 0.5F);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/injectionclassifier.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace llmproxy {

/// One labelled feature vector (from injectionFeatures()).
struct InjectionTrainingExample
{
    QList<InjectionFeature> features;
    bool attack = false;
    float weight = 1; ///< multiplies the example's loss (the trainer balances families with it)
};

/// Settings of trainInjectionModel(). The defaults are the ones the shipped model was trained with.
struct InjectionTrainingOptions
{
    int epochs = 12;
    double learningRate = 0.1; ///< Adagrad step size
    double l2 = 1e-4;          ///< L2 penalty, applied to the weights an example touches
    quint32 seed = 20240601;   ///< the example order of each epoch comes from it
    /// Scale example weights so that attacks and benign texts weigh the same in total.
    bool balanceClasses = true;
};

/// Logistic regression by Adagrad over the examples, in an order shuffled per epoch from the seed
/// with a fixed Fisher-Yates over std::mt19937 (no implementation-defined distribution), so the
/// same examples and options give bit-identical weights on the same platform.
InjectionLinearModel trainInjectionModel(const QList<InjectionTrainingExample> &examples,
                                         const InjectionFeatureSettings &settings,
                                         const InjectionTrainingOptions &options = {});

/// A labelled text of the corpus, for trainInjectionClassifier().
struct LabeledText
{
    QString text;   ///< as a client sends it
    QString family; ///< corpus family, for balancing
    bool attack = false;
};

/// One prepared piece of a text as the guard scores it (RequestScanner), and where it came from.
struct TrainingPiece
{
    QString text;         ///< prepared (normalizeForScan().text or .leetspeak)
    bool decoded = false; ///< from a decoded span (base64, hex, URL, escapes, entities)
    bool rot13 = false;   ///< from the ROT13 reading of the whole text (a guess any text has)
};

/// The pieces the guard scores for a text: the normalised text, its leetspeak variant, and every
/// decoded span (ROT13 reading included) prepared the same way.
QList<TrainingPiece> injectionScoredPieces(const QString &text);

/// Whether a piece of a row is a training example. A benign row teaches with every piece (hex
/// dumps, base64 and the gibberish of a ROT13 reading are harmless). An attack row teaches only
/// with the pieces that carry the attack: the decoded text for the encoding families (the ROT13
/// reading for `encoding_rot13`), the readable text for every other family. Labelling an encoded
/// blob or a ROT13 guess as an attack would teach the model that hashes and ids are attacks.
bool isTrainingPiece(const TrainingPiece &piece, const QString &family, bool attack);

/// Trains a classifier the way the shipped one is trained (scripts/train-injection-model.sh): every
/// piece of a text is one example with the text's label, every family of a class weighs the same in
/// total. Used by the composite's tuning for out-of-fold scores.
InjectionClassifier trainInjectionClassifier(const QList<LabeledText> &texts, const InjectionFeatureSettings &settings,
                                             const InjectionTrainingOptions &options = {});

} // namespace llmproxy

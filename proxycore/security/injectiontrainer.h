// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/security/injectionclassifier.h"

#include <QList>

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

} // namespace llmproxy

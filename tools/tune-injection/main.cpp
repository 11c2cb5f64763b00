// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Fits the injection guard's composite decision (proxycore/security/requestscanner.h) on the
// development split of tests/corpus and reports it on the test split:
//
//   tune-injection <corpus dir> [--fpr 0.01]
//   tune-injection <corpus dir> --shipped
//
// --shipped fits nothing: it scores every row with the shipped classifier and weights and prints
// the gateway's decisions per family (dev rows then meet a classifier trained on them, so only the
// test split is a fair figure). Quick to run after a change to the scanner.
//
// For every attack and benign row it runs the same scanner the gateway runs (signatures, patterns,
// structure, corpus similarity, classifier), fits a logistic combination of those parts on the dev
// rows, chooses the block threshold that keeps the dev false-positive rate at or below --fpr, and
// prints the weights (for CompositeWeights' defaults) and per-family rates on both splits. Only dev
// rows influence the weights and the threshold.
#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/injectiontrainer.h"
#include "proxycore/security/requestscanner.h"
#include "proxycore/security/signaturestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <optional>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

using namespace llmproxy;

namespace {

struct Row
{
    QString family;
    QString text;
    bool attack = false;
    bool dev = false;
    ScanMode mode = ScanMode::Direct;
    TextVerdict verdict;
    std::optional<TextVerdict> unquoted; ///< RequestScanner::readUnquoted() of the text
};

constexpr int kFolds = 5;

constexpr int kFeatures = 12;

std::array<double, kFeatures> featuresOf(const Row &r, bool haveClassifier)
{
    // In the order of CompositeWeights and RequestScanner::composite().
    const double p = std::clamp(r.verdict.classifier, 1e-4, 1.0 - 1e-4);
    const double classifier =
        haveClassifier ? std::log(p / (1.0 - p)) * RequestScanner::classifierTrust(r.verdict.words) : 0.0;
    const double foreign = 1.0 - r.verdict.english;
    return {classifier * r.verdict.english,
            r.verdict.patterns,
            r.verdict.structure,
            r.verdict.similarity,
            r.verdict.counts.invisible() > 0 ? 1.0 : 0.0,
            r.mode == ScanMode::Indirect ? 1.0 : 0.0,
            r.verdict.firewall ? 1.0 : 0.0,
            r.verdict.encoded,
            foreign,
            classifier * foreign,
            r.verdict.patterns * foreign,
            r.verdict.similarity * foreign};
}

QList<Row> readRows(const QString &dir, bool attack)
{
    QList<Row> rows;
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile f(QDir(dir).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString role = o.value(u"role").toString();
            if (role == u"system")
                continue; // the operator's prompt is never scored
            Row r;
            r.family = o.value(u"family").toString(QFileInfo(name).completeBaseName());
            r.attack = attack;
            r.dev = o.value(u"split").toString() == u"dev";
            r.mode = role == u"tool" ? ScanMode::Indirect : ScanMode::Direct;
            QString text = o.value(u"text").toString();
            const QJsonArray turns = o.value(u"turns").toArray();
            if (text.isEmpty() && !turns.isEmpty())
                text = turns.last().toObject().value(u"text").toString();
            r.text = text;
            rows.append(r);
        }
    }
    return rows;
}

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

/// Per-family block rates on the dev and the test split.
template <typename Blocks> void printRates(const QList<Row> &rows, Blocks &&blocks)
{
    for (const bool dev : {true, false}) {
        QMap<QString, std::pair<int, int>> families; // family → (blocked, total)
        int tp = 0, pos = 0, fp = 0, neg = 0;
        for (const Row &r : rows) {
            if (r.dev != dev)
                continue;
            const bool blocked = blocks(r);
            auto &f = families[(r.attack ? QStringLiteral("attack/") : QStringLiteral("benign/")) + r.family];
            f.first += blocked ? 1 : 0;
            f.second += 1;
            if (r.attack) {
                ++pos;
                tp += blocked ? 1 : 0;
            } else {
                ++neg;
                fp += blocked ? 1 : 0;
            }
        }
        std::printf("\n%s split: attacks blocked %d/%d (%.1f %%), benign blocked %d/%d (%.1f %%)\n",
                    dev ? "dev" : "test", tp, pos, pos ? 100.0 * tp / pos : 0.0, fp, neg, neg ? 100.0 * fp / neg : 0.0);
        for (auto it = families.cbegin(); it != families.cend(); ++it)
            std::printf("  %-40s %4d/%-4d %5.1f %%\n", qPrintable(it.key()), it.value().first, it.value().second,
                        100.0 * it.value().first / std::max(1, it.value().second));
    }
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: tune-injection <corpus dir> [--fpr 0.01 | --shipped]\n");
        return 2;
    }
    const QString &corpus = args.at(1);
    double targetFpr = 0.01;
    if (const qsizetype i = args.indexOf(QStringLiteral("--fpr")); i > 0 && i + 1 < args.size())
        targetFpr = args.at(i + 1).toDouble();

    auto classifier = InjectionClassifier::builtin();
    std::shared_ptr<const InjectionClassifier> cls =
        classifier ? std::make_shared<const InjectionClassifier>(*classifier) : nullptr;
    const auto signatures = std::make_shared<SignatureStore>();
    const auto similarity = CorpusSimilarity::builtin();
    QList<Row> rows = readRows(QDir(corpus).filePath(QStringLiteral("attacks")), true);
    rows += readRows(QDir(corpus).filePath(QStringLiteral("benign")), false);
    rows += readRows(QDir(corpus).filePath(QStringLiteral("pii")), false); // harmless texts with personal data

    // Test rows meet the shipped classifier (trained on every dev row). Dev rows meet a classifier
    // trained without them (out of fold), so that the combination learns how much to trust the
    // classifier on text it has not seen, not on its own training data.
    const RequestScanner shipped(signatures, similarity, cls);
    if (args.contains(QStringLiteral("--shipped"))) {
        for (Row &r : rows)
            r.verdict = shipped.scan(r.text, r.mode, true, true);
        printRates(rows,
                   [&](const Row &r) { return r.verdict.hidden || r.verdict.injection >= shipped.blockThreshold(); });
        return 0;
    }
    for (Row &r : rows) {
        if (!r.dev) {
            r.verdict = shipped.scan(r.text, r.mode, true, true);
            r.unquoted = shipped.readUnquoted(r.text, r.verdict);
        }
    }
    for (int fold = 0; fold < kFolds && cls; ++fold) {
        QList<LabeledText> training;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i].dev && i % kFolds != fold)
                training.append({rows[i].text, rows[i].family, rows[i].attack});
        }
        const RequestScanner scanner(
            signatures, similarity,
            std::make_shared<const InjectionClassifier>(trainInjectionClassifier(training, cls->settings())));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i].dev && i % kFolds == fold) {
                rows[i].verdict = scanner.scan(rows[i].text, rows[i].mode, true, true);
                rows[i].unquoted = scanner.readUnquoted(rows[i].text, rows[i].verdict);
            }
        }
        std::fprintf(stderr, "fold %d of %d scored\n", fold + 1, kFolds);
    }

    // Logistic regression by full-batch gradient descent on the dev rows not hidden-signature blocked,
    // classes weighted equally.
    std::array<double, kFeatures> w{};
    double b = 0.0;
    double nAttack = 0, nBenign = 0;
    for (const Row &r : rows) {
        if (r.dev && !r.verdict.hidden)
            (r.attack ? nAttack : nBenign) += 1;
    }
    for (int epoch = 0; epoch < 4000; ++epoch) {
        std::array<double, kFeatures> g{};
        double gb = 0.0;
        for (const Row &r : rows) {
            if (!r.dev || r.verdict.hidden)
                continue;
            const auto x = featuresOf(r, cls != nullptr);
            double z = b;
            for (int k = 0; k < kFeatures; ++k)
                z += w[size_t(k)] * x[size_t(k)];
            const double weight = r.attack ? 0.5 / nAttack : 0.5 / nBenign;
            const double err = (sigmoid(z) - (r.attack ? 1.0 : 0.0)) * weight;
            for (int k = 0; k < kFeatures; ++k)
                g[size_t(k)] += err * x[size_t(k)];
            gb += err;
        }
        for (int k = 0; k < kFeatures; ++k)
            w[size_t(k)] -= 0.5 * (g[size_t(k)] + 1e-3 * w[size_t(k)]);
        b -= 0.5 * gb;
    }
    const auto combine = [&](const Row &r, const TextVerdict &v) {
        Row copy;
        copy.mode = r.mode;
        copy.verdict = v;
        const auto x = featuresOf(copy, cls != nullptr);
        double z = b;
        for (int k = 0; k < kFeatures; ++k)
            z += w[size_t(k)] * x[size_t(k)];
        return sigmoid(z);
    };
    const auto score = [&](const Row &r) { return combine(r, r.verdict); };
    // The gateway's decision: over the threshold, unless the text read without its quotations is
    // harmless (RequestScanner::scan()).
    const auto blocks = [&](const Row &r, double threshold) {
        if (r.verdict.hidden)
            return true;
        if (score(r) < threshold)
            return false;
        return !(r.unquoted && combine(r, *r.unquoted) < RequestScanner::kUnquotedHarmless);
    };

    // Threshold: the lowest that keeps the dev false-positive rate (firewall and the quotation
    // reading included) ≤ target. Candidates are the benign rows' scores.
    int benignDev = 0;
    QList<double> candidates;
    // The rate is over the benign prompts; the texts with personal data only train the classifier
    // (tests/corpus/pii is scored for masking, not blocking).
    const auto counted = [](const Row &r) { return !r.attack && r.family != u"pii"; };
    for (const Row &r : rows) {
        if (!r.dev || !counted(r))
            continue;
        ++benignDev;
        if (!r.verdict.hidden)
            candidates.append(score(r) + 1e-6);
    }
    std::sort(candidates.begin(), candidates.end());
    const int allowed = int(std::floor(targetFpr * benignDev));
    double threshold = 0.99;
    for (const double t : std::as_const(candidates)) {
        int fp = 0;
        for (const Row &r : rows) {
            if (r.dev && counted(r) && blocks(r, t))
                ++fp;
        }
        if (fp <= allowed) {
            threshold = t;
            break;
        }
    }
    threshold = std::clamp(threshold, 0.05, 0.99);

    std::printf("composite weights (dev fit, %d attack / %d benign rows past the firewall):\n", int(nAttack),
                int(nBenign));
    std::printf("  bias=%.4f classifier=%.4f patterns=%.4f structure=%.4f similarity=%.4f invisible=%.4f "
                "indirect=%.4f signature=%.4f encoded=%.4f\n  foreignBias=%.4f classifierForeign=%.4f "
                "patternsForeign=%.4f similarityForeign=%.4f threshold=%.4f\n",
                b, w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], threshold);

    printRates(rows, [&](const Row &r) { return blocks(r, threshold); });
    return 0;
}

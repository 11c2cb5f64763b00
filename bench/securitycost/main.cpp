// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// What the security pipeline's request side costs per request, next to what reading the request
// costs anyway (RequestView: strict JSON index and the text segments), measured in the same run:
//
//   security-cost [--iterations N] [--markdown] [--case N]
//   security-cost --score TEXT...     the injection score of each text as a user's message, and why
//
// Cases: a 1 KB developer question, a 100 KB pasted source file, and an agent conversation with
// 200 KB of history resent with one new turn (the history is scanned once, then only the new turn).
// Every iteration changes the text (a counter), so the scan cache cannot answer for it, except in
// the history case where that is the point. Prints median and p95 in microseconds per request.
#include "proxycore/formats/requestview.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/pipeline/securitystage.h"
#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/piidetector.h"
#include "proxycore/security/requestscanner.h"
#include "proxycore/security/signaturestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace llmproxy;

namespace {

QString developerQuestion()
{
    return QStringLiteral(
        "I'm refactoring our payment service and the integration tests started failing after I moved the "
        "retry logic into a decorator. The decorator wraps the HTTP client's send() and retries on 502 and "
        "503 with exponential backoff, but now the idempotency key header is generated inside the retry loop, "
        "so the provider sees a new key on every attempt and charges twice in the sandbox. How should I "
        "restructure it so that the key is created once per logical request, and how do I test that in "
        "pytest without sleeping? We use httpx, tenacity is available, and the service runs on Python 3.11. "
        "Please keep the public interface of PaymentClient unchanged; callers pass an optional "
        "request_id and expect a PaymentResult back. Also explain whether the backoff should respect the "
        "Retry-After header when the provider sends one, and what a sensible upper bound would be.");
}

QString sourceFile(qsizetype bytes)
{
    const QString block =
        QStringLiteral("def apply_discount(order, rules):\n"
                       "    \"\"\"Apply every matching rule; ignore rules whose window has passed.\"\"\"\n"
                       "    total = order.subtotal\n"
                       "    for rule in sorted(rules, key=lambda r: r.priority):\n"
                       "        if not rule.active or rule.expires_at < order.created_at:\n"
                       "            continue  # expired rules are ignored, see PRICING.md\n"
                       "        if rule.kind == 'percent':\n"
                       "            total -= total * rule.value / 100\n"
                       "        elif rule.kind == 'fixed':\n"
                       "            total = max(0, total - rule.value)\n"
                       "        log.debug('rule %s applied to order %s', rule.id, order.id)\n"
                       "    return round(total, 2)\n\n");
    QString out;
    while (out.size() < bytes)
        out += block;
    out.truncate(bytes);
    return out;
}

QByteArray chatBody(const QJsonArray &messages)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("gpt-4o-mini")},
                                     {QStringLiteral("messages"), messages}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject message(const char *role, const QString &text)
{
    return {{QStringLiteral("role"), QLatin1String(role)}, {QStringLiteral("content"), text}};
}

struct Result
{
    double medianUs = 0;
    double p95Us = 0;
};

/// Times `run` alone; `prepare` (untimed) builds its input for iteration i.
template <typename Input>
Result measure(int iterations, const std::function<Input(int)> &prepare, const std::function<void(Input &)> &run)
{
    std::vector<double> samples;
    samples.reserve(size_t(iterations));
    for (int i = 0; i < iterations; ++i) {
        Input input = prepare(i);
        QElapsedTimer t;
        t.start();
        run(input);
        samples.push_back(double(t.nsecsElapsed()) / 1000.0);
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[std::min(samples.size() - 1, samples.size() * 95 / 100)]};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int iterations = 300;
    if (const qsizetype i = args.indexOf(QStringLiteral("--iterations")); i > 0 && i + 1 < args.size())
        iterations = std::max(10, args.at(i + 1).toInt());
    const bool markdown = args.contains(QStringLiteral("--markdown"));
    int only = -1; // --case N: run only the N-th case (0-based), e.g. under a profiler
    if (const qsizetype i = args.indexOf(QStringLiteral("--case")); i > 0 && i + 1 < args.size())
        only = args.at(i + 1).toInt();

    auto guards = std::make_shared<SecurityGuards>();
    std::optional<InjectionClassifier> classifier = InjectionClassifier::builtin();
    auto scanner = std::make_shared<const RequestScanner>(
        std::make_shared<SignatureStore>(), CorpusSimilarity::builtin(),
        classifier ? std::make_shared<const InjectionClassifier>(*classifier) : nullptr);
    const SecurityStage stage(guards, scanner, std::make_shared<const PiiDetector>());

    // --score TEXT...: how the request scanner scores each text as a user's message, and why.
    if (const qsizetype i = args.indexOf(QStringLiteral("--score")); i > 0) {
        for (const QString &text : args.mid(i + 1)) {
            const TextVerdict v = scanner->scan(text, ScanMode::Direct, true, true);
            std::printf("%.3f  %s\n      %s\n", v.injection, qPrintable(text), qPrintable(v.detail()));
        }
        return 0;
    }

    // A request as the stage receives it: read, its text segments decoded (the gateway does both
    // before any stage runs).
    const auto contextFor = [](const QByteArray &body) {
        auto context = std::make_shared<RequestContext>();
        ApiError error;
        context->view = RequestView::build(ClientApi::ChatCompletions, body, &error);
        (void)context->view->segments();
        context->model = QStringLiteral("gpt-4o-mini");
        context->request.peer = QHostAddress::LocalHost; // a local client, as the desktop's
        return context;
    };
    const auto secure = [&stage](std::shared_ptr<RequestContext> &context) {
        if (const std::optional<ApiError> blocked = stage.process(*context))
            std::fprintf(stderr, "unexpected block: %s\n", qPrintable(blocked->message));
    };
    const auto parse = [](QByteArray &body) {
        ApiError error;
        std::optional<RequestView> view = RequestView::build(ClientApi::ChatCompletions, body, &error);
        (void)view->segments();
    };

    struct Case
    {
        const char *name;
        std::function<QByteArray(int)> body;
    };
    const QString question = developerQuestion();
    const QString file = sourceFile(100 * 1024);
    QJsonArray history;
    for (int turn = 0; history.size() < 400 && chatBody(history).size() < 200 * 1024; ++turn) {
        history.append(message("user", question + QStringLiteral(" (turn %1)").arg(turn)));
        history.append(message("assistant", sourceFile(2048) + QStringLiteral("# answer %1").arg(turn)));
    }
    const Case cases[] = {
        {"1 KB question", [&](int i) { return chatBody({message("user", question + QString::number(i))}); }},
        {"100 KB source file",
         [&](int i) {
             return chatBody({message("user", QStringLiteral("Review this:\n") + file + QString::number(i))});
         }},
        {"200 KB agent history + new turn",
         [&](int i) {
             QJsonArray m = history;
             m.append(message("user", QStringLiteral("Now add a test for case %1.").arg(i)));
             return chatBody(m);
         }},
    };

    // "Reading it": what the gateway spends on every request anyway (strict JSON index and text
    // segments); "Security pipeline": the stage alone on the request already read.
    if (markdown)
        std::printf("| Request | Body | Reading it (µs, median) | Security pipeline (µs, median / p95) | Ratio |\n"
                    "|---|---:|---:|---:|---:|\n");
    for (const Case &c : cases) {
        if (only >= 0 && &c != &cases[only])
            continue;
        const qsizetype size = c.body(0).size();
        // Warm-up: compiles nothing lazily on the clock; for the history case it also fills the
        // scan cache with the history, as the previous turns of a real session would have.
        auto warm = contextFor(c.body(-1));
        secure(warm);
        const Result base = measure<QByteArray>(iterations, c.body, parse);
        const Result sec = measure<std::shared_ptr<RequestContext>>(
            iterations, [&](int i) { return contextFor(c.body(i)); }, secure);
        if (markdown)
            std::printf("| %s | %.1f KB | %.1f | %.1f / %.1f | %.2f× |\n", c.name, double(size) / 1024.0, base.medianUs,
                        sec.medianUs, sec.p95Us, sec.medianUs / std::max(0.001, base.medianUs));
        else
            std::printf("%-34s %7lld bytes  parse %8.1f us   security %8.1f us (p95 %8.1f)\n", c.name, qint64(size),
                        base.medianUs, sec.medianUs, sec.p95Us);
    }
    return 0;
}

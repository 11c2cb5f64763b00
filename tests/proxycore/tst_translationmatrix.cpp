// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Every client format × every upstream format, through the same functions the proxy uses
// (formats/codecs.h and routing/upstreamplan.h): the request a client sends as the upstream receives it,
// an upstream's answer as the client receives it, an upstream stream as the client receives it
// whatever the split of the upstream bytes, and upstream errors in the client's shape.
//
// Golden files live in tests/proxycore/data/matrix; LLMPROXY_UPDATE_GOLDEN=1 rewrites them from
// the current output (review the diff before committing it).
#include "proxycore/formats/codecs.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/routing/upstreamplan.h"
#include "tests/proxycore/formattestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace llmproxy;
using namespace llmproxy::formattest;
using namespace Qt::StringLiterals;
using formats::ApiFormat;

namespace {

struct FormatInfo
{
    const char *name;
    ApiFormat format;
    const char *provider; ///< for upstreams: the preset that speaks it
};

const FormatInfo Clients[] = {
    {"openai", ApiFormat::OpenAiChat, nullptr},
    {"anthropic", ApiFormat::AnthropicMessages, nullptr},
    {"responses", ApiFormat::OpenAiResponses, nullptr},
};

const FormatInfo Upstreams[] = {
    {"openai", ApiFormat::OpenAiChat, "openai"},
    {"anthropic", ApiFormat::AnthropicMessages, "anthropic"},
    {"gemini", ApiFormat::Gemini, "google"},
    {"ollama", ApiFormat::OllamaChat, "ollama"},
};

QString matrixData()
{
    return dataDir(u"matrix"_s);
}

QByteArray pretty(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

ResolvedEndpoint endpointFor(const FormatInfo &upstream)
{
    ResolvedEndpoint e;
    e.preset = findProviderPreset(QString::fromLatin1(upstream.provider));
    e.config.id = QString::fromLatin1(upstream.name);
    e.config.provider = QString::fromLatin1(upstream.provider);
    if (upstream.format == ApiFormat::OllamaChat)
        e.config.numCtx = 32768;
    e.baseUrl = e.preset->defaultBaseUrl.toUtf8();
    return e;
}

/// The upstream inputs present for `sub` ("responses", "streams", "errors"), by upstream name.
QList<const FormatInfo *> upstreamsWithInput(const QString &sub, const QString &suffix)
{
    QList<const FormatInfo *> present;
    for (const FormatInfo &u : Upstreams) {
        if (QFile::exists(matrixData() + u'/' + sub + u'/' + QLatin1String(u.name) + suffix))
            present.append(&u);
    }
    return present;
}

QString upstreamStreamSuffix(const FormatInfo &u)
{
    return u.format == ApiFormat::OllamaChat ? u".ndjson"_s : u".sse"_s;
}

/// Decodes `upstream` cut at `cuts` and encodes the events for the client.
QByteArray translateStream(const FormatInfo &up, const FormatInfo &client, const QByteArray &upstream,
                           const QList<qsizetype> &cuts, QList<canonical::StreamEvent> *events = nullptr)
{
    std::unique_ptr<formats::StreamDecoder> decoder = formats::makeStreamDecoder(up.format);
    formats::ClientOptions options;
    options.includeUsage = true;
    options.created = FixedCreated;
    std::unique_ptr<formats::StreamEncoder> encoder = formats::makeStreamEncoder(client.format, options);
    return translateInPieces(*decoder, *encoder, upstream, cuts, events);
}

/// The client protocol's terminal event is the last thing in `stream`, exactly once.
QString terminalProblem(const FormatInfo &client, const QByteArray &stream)
{
    const QList<SseEvent> events = sseEvents(stream);
    if (events.isEmpty())
        return u"no events"_s;
    const auto isTerminal = [&client](const SseEvent &e) {
        switch (client.format) {
        case ApiFormat::OpenAiChat:
            return e.data == "[DONE]";
        case ApiFormat::AnthropicMessages:
            return e.event == "message_stop" || e.event == "error";
        default:
            return e.event == "response.completed" || e.event == "response.incomplete" ||
                   e.event == "response.failed";
        }
    };
    const qsizetype terminals = std::count_if(events.cbegin(), events.cend(), isTerminal);
    if (terminals != 1)
        return u"%1 terminal events"_s.arg(terminals);
    if (!isTerminal(events.last()))
        return u"the last event is not terminal: "_s + QString::fromUtf8(events.last().event + ' ' + events.last().data);
    return {};
}

} // namespace

class TestTranslationMatrix : public QObject
{
    Q_OBJECT

private slots:
    void requestReachesEveryUpstream_data();
    void requestReachesEveryUpstream();
    void responseReachesEveryClient_data();
    void responseReachesEveryClient();
    void streamReachesEveryClientAtEverySplit_data();
    void streamReachesEveryClientAtEverySplit();
    void errorReachesEveryClientInItsShape_data();
    void errorReachesEveryClientInItsShape();
};

void TestTranslationMatrix::requestReachesEveryUpstream_data()
{
    QTest::addColumn<int>("client");
    QTest::addColumn<int>("upstream");
    for (int c = 0; c < int(std::size(Clients)); ++c) {
        for (int u = 0; u < int(std::size(Upstreams)); ++u)
            QTest::addRow("%s->%s", Clients[c].name, Upstreams[u].name) << c << u;
    }
}

void TestTranslationMatrix::requestReachesEveryUpstream()
{
    QFETCH(int, client);
    QFETCH(int, upstream);
    const FormatInfo &c = Clients[client];
    const FormatInfo &u = Upstreams[upstream];
    const QByteArray body = readFile(matrixData() + u"/requests/"_s + QLatin1String(c.name) + u".json"_s);
    QVERIFY2(!body.isEmpty(), "test data not found; set LLMPROXY_SOURCE_DIR");

    canonical::Error error;
    std::optional<canonical::Request> parsed = formats::parseRequest(c.format, body, &error);
    QVERIFY2(parsed, qPrintable(error.message));
    QCOMPARE(parsed->model, u"client-model"_s);
    parsed->model = u"upstream-model"_s;

    const ResolvedEndpoint endpoint = endpointFor(u);
    QList<canonical::Dropped> dropped = parsed->dropped;
    const UpstreamPlan plan = planTranslated(endpoint, *parsed, u.format, &dropped);
    QCOMPARE(plan.format, u.format);
    QVERIFY(plan.stream);

    QJsonParseError parseError{};
    const QJsonDocument sent = QJsonDocument::fromJson(plan.body, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError && sent.isObject(), plan.body.constData());
    QJsonArray headers;
    for (const auto &h : plan.extraHeaders)
        headers.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    QJsonArray droppedFields;
    for (const canonical::Dropped &d : std::as_const(dropped))
        droppedFields.append(d.field);
    const QJsonObject actual{{u"url"_s, QString::fromUtf8(plan.url)},
                             {u"headers"_s, headers},
                             {u"dropped"_s, droppedFields},
                             {u"body"_s, sent.object()}};
    const QString golden =
        matrixData() + u"/requests/"_s + QLatin1String(c.name) + u".to."_s + QLatin1String(u.name) + u".json"_s;
    const QString problem = goldenDifference(golden, pretty(actual));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTranslationMatrix::responseReachesEveryClient_data()
{
    QTest::addColumn<int>("client");
    QTest::addColumn<int>("upstream");
    for (const FormatInfo *u : upstreamsWithInput(u"responses"_s, u".json"_s)) {
        for (int c = 0; c < int(std::size(Clients)); ++c)
            QTest::addRow("%s->%s", u->name, Clients[c].name) << c << int(u - Upstreams);
    }
}

void TestTranslationMatrix::responseReachesEveryClient()
{
    QFETCH(int, client);
    QFETCH(int, upstream);
    const FormatInfo &c = Clients[client];
    const FormatInfo &u = Upstreams[upstream];
    const QByteArray body = readFile(matrixData() + u"/responses/"_s + QLatin1String(u.name) + u".json"_s);
    canonical::Error error;
    std::optional<canonical::Response> parsed = formats::parseResponse(u.format, body, &error);
    QVERIFY2(parsed, qPrintable(error.message));
    // Every upstream fixture says the same: some text, one get_time call, tool_use stop.
    QCOMPARE(parsed->stopReason, canonical::StopReason::ToolUse);
    QVERIFY(parsed->content.size() >= 2);
    QCOMPARE(parsed->content.last().kind, canonical::PartKind::ToolCall);
    QCOMPARE(parsed->content.last().toolName, u"get_time"_s);
    QCOMPARE(QJsonDocument::fromJson(parsed->content.last().arguments.toUtf8()).object(),
             (QJsonObject{{u"tz"_s, u"Europe/Rome"_s}}));

    parsed->model = u"client-model"_s;
    formats::ClientOptions options;
    options.created = FixedCreated;
    const QByteArray emitted = formats::emitResponse(c.format, *parsed, options);
    const QJsonDocument doc = QJsonDocument::fromJson(emitted);
    QVERIFY2(doc.isObject(), emitted.constData());
    const QString golden =
        matrixData() + u"/responses/"_s + QLatin1String(u.name) + u".to."_s + QLatin1String(c.name) + u".json"_s;
    const QString problem = goldenDifference(golden, pretty(doc.object()));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTranslationMatrix::streamReachesEveryClientAtEverySplit_data()
{
    QTest::addColumn<int>("client");
    QTest::addColumn<int>("upstream");
    for (const FormatInfo &u : Upstreams) {
        if (!QFile::exists(matrixData() + u"/streams/"_s + QLatin1String(u.name) + upstreamStreamSuffix(u)))
            continue;
        for (int c = 0; c < int(std::size(Clients)); ++c)
            QTest::addRow("%s->%s", u.name, Clients[c].name) << c << int(&u - Upstreams);
    }
}

void TestTranslationMatrix::streamReachesEveryClientAtEverySplit()
{
    QFETCH(int, client);
    QFETCH(int, upstream);
    const FormatInfo &c = Clients[client];
    const FormatInfo &u = Upstreams[upstream];
    const QByteArray input = readFile(matrixData() + u"/streams/"_s + QLatin1String(u.name) + upstreamStreamSuffix(u));
    QVERIFY(input.size() > 100);

    QList<canonical::StreamEvent> events;
    const QByteArray whole = translateStream(u, c, input, {}, &events);
    // The upstream's meaning arrived: text, then one complete get_time call, tool_use, usage.
    QString text, arguments;
    bool sawTool = false;
    for (const canonical::StreamEvent &e : std::as_const(events)) {
        if (e.type == canonical::StreamEvent::Type::BlockStart && e.blockKind == canonical::BlockKind::ToolCall) {
            sawTool = true;
            QCOMPARE(e.toolName, u"get_time"_s);
        } else if (e.type == canonical::StreamEvent::Type::BlockDelta) {
            (e.deltaKind == canonical::DeltaKind::ToolArguments ? arguments : text) += e.text;
        } else if (e.type == canonical::StreamEvent::Type::MessageDelta) {
            QCOMPARE(e.stopReason, canonical::StopReason::ToolUse);
        }
    }
    QVERIFY(sawTool);
    QCOMPARE(text, u"Checking Rome."_s);
    QCOMPARE(QJsonDocument::fromJson(arguments.toUtf8()).object(), (QJsonObject{{u"tz"_s, u"Europe/Rome"_s}}));
    QCOMPARE(events.last().type, canonical::StreamEvent::Type::MessageStop);

    const QString terminal = terminalProblem(c, whole);
    QVERIFY2(terminal.isEmpty(), qPrintable(terminal));
    const QString golden =
        matrixData() + u"/streams/"_s + QLatin1String(u.name) + u".to."_s + QLatin1String(c.name) + u".sse"_s;
    const QString problem = goldenDifference(golden, whole);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const QString split = splitDifference(
        input.size(), whole, [&](const QList<qsizetype> &cuts) { return translateStream(u, c, input, cuts); },
        {.rounds = 30, .seed = 2611, .maxCuts = 10});
    QVERIFY2(split.isEmpty(), qPrintable(split));

    // Cut short anywhere, the client still gets exactly one terminal event at the end.
    for (qsizetype keep = 0; keep < input.size(); keep += qMax<qsizetype>(1, input.size() / 40)) {
        const QByteArray cutShort = translateStream(u, c, input.first(keep), {});
        const QString cutProblem = terminalProblem(c, cutShort);
        QVERIFY2(cutProblem.isEmpty(), qPrintable(u"upstream cut after %1 bytes: "_s.arg(keep) + cutProblem));
    }
}

void TestTranslationMatrix::errorReachesEveryClientInItsShape_data()
{
    QTest::addColumn<int>("client");
    QTest::addColumn<int>("upstream");
    for (const FormatInfo *u : upstreamsWithInput(u"errors"_s, u".json"_s)) {
        for (int c = 0; c < int(std::size(Clients)); ++c)
            QTest::addRow("%s->%s", u->name, Clients[c].name) << c << int(u - Upstreams);
    }
}

void TestTranslationMatrix::errorReachesEveryClientInItsShape()
{
    QFETCH(int, client);
    QFETCH(int, upstream);
    const FormatInfo &c = Clients[client];
    const FormatInfo &u = Upstreams[upstream];
    const QJsonObject fixture =
        QJsonDocument::fromJson(readFile(matrixData() + u"/errors/"_s + QLatin1String(u.name) + u".json"_s)).object();
    const int status = fixture.value(u"status"_s).toInt();
    const QJsonValue bodyValue = fixture.value(u"body"_s);
    const QByteArray body = bodyValue.isString() ? bodyValue.toString().toUtf8()
                                                 : QJsonDocument(bodyValue.toObject()).toJson(QJsonDocument::Compact);
    const canonical::Error error = formats::parseError(u.format, status, body);
    const QJsonObject emitted = QJsonDocument::fromJson(formats::emitError(c.format, error)).object();
    if (c.format == ApiFormat::AnthropicMessages)
        QCOMPARE(emitted.value(u"type"_s).toString(), u"error"_s);
    QVERIFY(emitted.value(u"error"_s).isObject());
    QVERIFY(!emitted.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    const QJsonObject actual{{u"status"_s, formats::httpStatus(c.format, error)}, {u"body"_s, emitted}};
    const QString golden =
        matrixData() + u"/errors/"_s + QLatin1String(u.name) + u".to."_s + QLatin1String(c.name) + u".json"_s;
    const QString problem = goldenDifference(golden, pretty(actual));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestTranslationMatrix)
#include "tst_translationmatrix.moc"

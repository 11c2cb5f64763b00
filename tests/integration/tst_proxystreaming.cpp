// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: SSE streaming through the gateway — events pass through unchanged and with the final usage
// chunk when stream_options.include_usage is set, arrive incrementally (not buffered), survive upstream
// bytes split at arbitrary points, a mid-stream upstream disconnect ends the client's stream with an
// error event and [DONE] (never a hang), a stalled upstream stream ends too, and a client that hangs up
// mid-stream makes the gateway cancel the upstream transfer promptly.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kLongAnswer =
    u"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four"_s;

QString payloadsText(const QList<QByteArray> &payloads)
{
    QStringList lines;
    for (const QByteArray &p : payloads)
        lines.append(QString::fromUtf8(p.left(200)));
    return lines.join(u'\n');
}

} // namespace

class TestProxyStreaming : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void streamedChatPassesThroughUnchanged();
    void includeUsageAddsFinalUsageChunk();
    void withoutIncludeUsageThereIsNoUsageChunk();
    void streamedCompletionPassesThrough();
    void eventsArriveIncrementally();
    void upstreamBytesSplitAnywhereStillYieldWholeEvents();
    void midStreamUpstreamDisconnectEndsWithErrorAndDone();
    void disconnectAfterTheLastEventClosesNormally();
    void stalledUpstreamStreamDoesNotHang();
    void clientDisconnectCancelsUpstream();

private:
    HttpResponse directFromMock(const QString &path, const QJsonObject &request);

    GatewayFixture m_gateway;
};

void TestProxyStreaming::initTestCase()
{
    m_gateway.config.upstreamIdleTimeoutMs = 2000;
    // One attempt per request: these tests check what the client gets when the upstream fails
    // (retries and fallback are covered by tst_resilience).
    m_gateway.config.extraYaml += "routing:\n  retry: {max_attempts: 1}\n";
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestProxyStreaming::init()
{
    QVERIFY(m_gateway.mock.reset());
}

HttpResponse TestProxyStreaming::directFromMock(const QString &path, const QJsonObject &request)
{
    return HttpClient::postJson(m_gateway.mock.url(path), request);
}

void TestProxyStreaming::streamedChatPassesThroughUnchanged()
{
    const QJsonObject request = chatRequest(u"mock-chat"_s, u"stream this back to me"_s, true);
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, request);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY2(r.complete, qPrintable(r.describe()));
    QVERIFY(r.header("content-type").startsWith("text/event-stream"));
    QVERIFY(!r.header("x-llmproxy-request-id").isEmpty());

    // The mock derives ids from the request bytes, so a pass-through stream equals the direct one.
    const QList<QByteArray> viaGateway = SseParser::dataPayloads(r.body);
    const QList<QByteArray> direct = SseParser::dataPayloads(directFromMock(u"/v1/chat/completions"_s, request).body);
    QVERIFY2(viaGateway == direct,
             qPrintable(payloadsText(viaGateway) + u"\n--- expected ---\n"_s + payloadsText(direct)));
    QCOMPARE(streamedChatContent(r.body), u"stream this back to me"_s);
    QCOMPARE(viaGateway.last(), QByteArray("[DONE]"));
}

void TestProxyStreaming::includeUsageAddsFinalUsageChunk()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"count my tokens"_s, true, true));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY2(payloads.size() >= 3, qPrintable(payloadsText(payloads)));
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    const QJsonObject usageChunk = QJsonDocument::fromJson(payloads.at(payloads.size() - 2)).object();
    QCOMPARE(usageChunk.value(u"choices").toArray().size(), 0);
    const QJsonObject usage = usageChunk.value(u"usage").toObject();
    QCOMPARE(usage.value(u"prompt_tokens").toInt(), 3);
    QCOMPARE(usage.value(u"completion_tokens").toInt(), 3);
    QCOMPARE(usage.value(u"total_tokens").toInt(), 6);
    // The upstream was asked for usage too.
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QVERIFY(upstream.first().json().value(u"stream_options").toObject().value(u"include_usage").toBool());
}

void TestProxyStreaming::withoutIncludeUsageThereIsNoUsageChunk()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"no usage please"_s, true));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(payloads.at(i)).object();
        QVERIFY2(!chunk.value(u"usage").isObject(), payloads.at(i).constData());
        QCOMPARE(chunk.value(u"choices").toArray().size(), 1);
    }
}

void TestProxyStreaming::streamedCompletionPassesThrough()
{
    const QJsonObject request{{u"model"_s, u"mock-chat"_s},
                              {u"prompt"_s, u"fill in"_s},
                              {u"suffix"_s, u" the middle"_s},
                              {u"stream"_s, true}};
    const HttpResponse r = m_gateway.post(u"/v1/completions"_s, request);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QCOMPARE(payloads, SseParser::dataPayloads(directFromMock(u"/v1/completions"_s, request).body));
    QString text;
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i)
        text += QJsonDocument::fromJson(payloads.at(i))
                    .object()
                    .value(u"choices")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"text")
                    .toString();
    QCOMPARE(text, u"fill in the middle"_s);
}

void TestProxyStreaming::eventsArriveIncrementally()
{
    // 6 events 300 ms apart: a buffering gateway would deliver them all at once after ~1.5 s.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"chunk_delay_ms"_s, 300}}));
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"slow steady words"_s, true));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<SseEvent> events = SseParser::eventsWithArrival(r.chunks);
    QCOMPARE(events.size(), 6);
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
    const qint64 spread = events.last().arrivalMs - events.first().arrivalMs;
    QVERIFY2(
        spread >= 900,
        qPrintable(
            u"first event at %1 ms, [DONE] at %2 ms"_s.arg(events.first().arrivalMs).arg(events.last().arrivalMs)));
    // Not a few large bursts either: most events were read at distinct times (jitter may merge a pair).
    QSet<qint64> arrivals;
    QStringList times;
    for (const SseEvent &e : events) {
        arrivals.insert(e.arrivalMs);
        times.append(QString::number(e.arrivalMs));
    }
    QVERIFY2(arrivals.size() >= 4, qPrintable(times.join(u", ")));
}

void TestProxyStreaming::upstreamBytesSplitAnywhereStillYieldWholeEvents()
{
    const QJsonObject request = chatRequest(u"mock-chat"_s, u"split \"json\" across tiny tcp writes"_s, true, true);
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"split_bytes"_s, 5}, {u"split_delay_ms"_s, 1}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, request);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(SseParser::dataPayloads(r.body),
             SseParser::dataPayloads(directFromMock(u"/v1/chat/completions"_s, request).body));
}

void TestProxyStreaming::disconnectAfterTheLastEventClosesNormally()
{
    // The upstream's connection breaks after the event with finish_reason, before [DONE]: the
    // answer is complete, so the client gets the whole stream and a normal end, not an error.
    const QJsonObject request = chatRequest(u"mock-chat"_s, kLongAnswer, true);
    const QByteArray full = directFromMock(u"/v1/chat/completions"_s, request).body;
    const qsizetype done = full.indexOf("data: [DONE]");
    QVERIFY(done > 0);
    QVERIFY(full.left(done).contains("\"finish_reason\":\"stop\""));
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, done}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, request, {}, 30000);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY2(r.complete, qPrintable(r.describe()));
    QCOMPARE(SseParser::dataPayloads(r.body), SseParser::dataPayloads(full));

    // Cut one event earlier (before the finish_reason event) it is an error, as before.
    const qsizetype last = full.lastIndexOf("data: {", done);
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, last}}));
    const HttpResponse cut = m_gateway.post(u"/v1/chat/completions"_s, request, {}, 30000);
    const QList<QByteArray> payloads = SseParser::dataPayloads(cut.body);
    QVERIFY2(payloads.size() >= 2, qPrintable(cut.describe()));
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QVERIFY2(payloads.at(payloads.size() - 2).contains("\"error\""), payloads.at(payloads.size() - 2).constData());
}

void TestProxyStreaming::midStreamUpstreamDisconnectEndsWithErrorAndDone()
{
    const QJsonObject request = chatRequest(u"mock-chat"_s, kLongAnswer, true);
    const QByteArray full = directFromMock(u"/v1/chat/completions"_s, request).body;
    const QList<SseEvent> fullEvents = SseParser::parse(full);
    QVERIFY(fullEvents.size() > 10);
    // Cut in the middle of the fourth event.
    const qsizetype fourth =
        full.indexOf("data: ", full.indexOf("data: ", full.indexOf("data: ", full.indexOf("data: ") + 1) + 1) + 1);
    QVERIFY(fourth > 0);
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, fourth + 40}}));

    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, request, {}, 30000);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY2(r.complete, qPrintable(r.describe())); // properly terminated, not a hang or a torn connection
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY2(payloads.size() >= 3, qPrintable(payloadsText(payloads)));
    QCOMPARE(payloads.first(), fullEvents.first().data);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    const QByteArray errorPayload = payloads.at(payloads.size() - 2);
    QVERIFY2(openAiErrorProblem(errorPayload).isEmpty(), qPrintable(openAiErrorProblem(errorPayload)));
    // Nothing after the cut was invented, and no torn JSON was forwarded.
    for (qsizetype i = 0; i + 2 < payloads.size(); ++i)
        QVERIFY2(QJsonDocument::fromJson(payloads.at(i)).isObject(), payloads.at(i).constData());
    QVERIFY(payloads.size() - 2 <= 3);
}

void TestProxyStreaming::stalledUpstreamStreamDoesNotHang()
{
    // Headers, then silence: the upstream idle timeout (2 s here) must end the client's request.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"stall"_s, true}}));
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"stall"_s, true), {}, 20000);
    QVERIFY2(r.complete, qPrintable(r.describe()));
    if (r.status == 200) {
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QVERIFY2(payloads.size() >= 2, qPrintable(payloadsText(payloads)));
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        QVERIFY2(openAiErrorProblem(payloads.at(payloads.size() - 2)).isEmpty(), qPrintable(payloadsText(payloads)));
    } else {
        QVERIFY2(r.status == 504, qPrintable(r.describe()));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    }
}

void TestProxyStreaming::clientDisconnectCancelsUpstream()
{
    // 26 events 300 ms apart: about 8 s if nobody cancels.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"chunk_delay_ms"_s, 300}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", m_gateway.url(u"/v1/chat/completions"_s), {{"Content-Type", "application/json"}},
                         QJsonDocument(chatRequest(u"mock-chat"_s, kLongAnswer, true)).toJson(QJsonDocument::Compact)));
    QVERIFY2(stream.waitForBodyContaining("\"one \"", 15000), qPrintable(stream.response().describe()));
    QCOMPARE(m_gateway.mock.stat("client_aborted"), 0);
    stream.abort();
    // "At once": well before the stream would have ended on its own.
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway.mock.stat("client_aborted"), 1, 3000);
}

QTEST_GUILESS_MAIN(TestProxyStreaming)
#include "tst_proxystreaming.moc"

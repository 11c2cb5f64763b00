// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Routing and resilience against real sockets: a failing endpoint (5xx, 429, refused connection,
// timeout, a stream that breaks before its first event) hands the request to the next endpoint or
// fallback hop; client errors are returned at once; a stream that already reached the client is
// never restarted; repeated connection failures open the endpoint's breaker; the only endpoint is
// retried with backoff; weighted round-robin spreads by weight; a hop may speak another format.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject chat(const QString &model, const QString &text = u"hello there"_s, bool stream = false)
{
    return {{u"model"_s, model},
            {u"stream"_s, stream},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}}}};
}

} // namespace

class TestResilience : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void serverErrorFallsBackToTheNextEndpoint();
    void rateLimitFallsBackWithoutWaiting();
    void clientErrorIsReturnedAtOnce();
    void timeoutFallsBack();
    void refusedConnectionsOpenTheBreaker();
    void streamFallsBackBeforeTheFirstByte();
    void streamIsNotRestartedAfterBytesReachedTheClient();
    void contextOverflowMovesToTheFallbackChain();
    void onlyEndpointIsRetriedWithBackoff();
    void overheadExcludesRetryWaits();
    void exhaustedAttemptsReturnTheLastUpstreamError();
    void weightedRoundRobinSpreadsByWeight();
    void fallbackHopSpeaksAnotherFormat();

private:
    RefusingPort m_deadPort; ///< the dead endpoint's port: refuses for the whole run
    GatewayFixture m_gateway;
    MockUpstreamProcess m_backup{{u"--models"_s, u"mock-chat"_s}};
};

void TestResilience::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    QVERIFY2(m_backup.start(), qPrintable(m_backup.errorString()));

    EndpointSpec primary = m_gateway.mockEndpoint();
    primary.id = u"primary"_s;
    primary.models = {u"mock-chat"_s, u"big-chat"_s};
    EndpointSpec backup = m_gateway.mockEndpoint();
    backup.id = u"backup"_s;
    backup.baseUrl = m_backup.baseUrl();
    backup.models = {u"mock-chat"_s, u"small-chat"_s, u"flaky-chat"_s};
    backup.priority = 1;
    EndpointSpec dead = m_gateway.mockEndpoint();
    dead.id = u"dead"_s;
    dead.baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(m_deadPort.port());
    dead.models = {u"flaky-chat"_s};
    EndpointSpec solo = m_gateway.mockEndpoint();
    solo.id = u"solo"_s;
    solo.models = {u"solo-chat"_s};
    EndpointSpec light = m_gateway.mockEndpoint();
    light.id = u"light"_s;
    light.models = {u"ww-chat"_s};
    light.weight = 1;
    EndpointSpec heavy = m_gateway.mockEndpoint();
    heavy.id = u"heavy"_s;
    heavy.baseUrl = m_backup.baseUrl();
    heavy.models = {u"ww-chat"_s};
    heavy.weight = 3;
    EndpointSpec claude = m_gateway.mockEndpoint();
    claude.id = u"claude"_s;
    claude.provider = u"anthropic"_s;
    claude.models = {u"claude-x"_s};
    EndpointSpec claudeBackup = m_gateway.mockEndpoint();
    claudeBackup.id = u"claude-backup"_s;
    claudeBackup.baseUrl = m_backup.baseUrl();
    claudeBackup.models = {u"claude-x"_s};
    claudeBackup.priority = 1;
    m_gateway.config.endpoints = {primary, backup, dead, solo, light, heavy, claude, claudeBackup};
    m_gateway.config.firstByteTimeoutMs = 1500;
    m_gateway.config.extraYaml = "routing:\n"
                                 "  model_strategies:\n"
                                 "    ww-chat: weighted\n"
                                 "  retry: {max_attempts: 3, base_delay_ms: 20, max_delay_ms: 100, budget_ms: 10000}\n"
                                 "  circuit_breaker: {failure_threshold: 3, recovery_s: 3600}\n"
                                 "fallback_chains:\n"
                                 "  small-chat:\n"
                                 "    - {endpoint: primary, model: big-chat}\n";
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestResilience::init()
{
    // A success on each endpoint clears the failure counts earlier tests left behind.
    QVERIFY(m_gateway.mock.reset());
    QVERIFY(m_backup.reset());
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s)).status, 200);
    QVERIFY(m_gateway.mock.reset());
    QVERIFY(m_backup.reset());
}

void TestResilience::serverErrorFallsBackToTheNextEndpoint()
{
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, 500}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    QCOMPARE(r.json().value(u"choices"_s).toArray().at(0).toObject().value(u"message"_s).toObject().value(
                 u"content"_s).toString(),
             u"hello there"_s);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
    QCOMPARE(m_backup.inferenceRequests().size(), 1);
}

void TestResilience::rateLimitFallsBackWithoutWaiting()
{
    QVERIFY(m_gateway.mock.script(
        QJsonObject{{u"status"_s, 429}, {u"headers"_s, QJsonObject{{u"retry-after"_s, u"30"_s}}}}));
    QElapsedTimer timer;
    timer.start();
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    QVERIFY2(timer.elapsed() < 10'000, "another endpoint was free: the 30 s Retry-After is not waited for");
}

void TestResilience::clientErrorIsReturnedAtOnce()
{
    const QByteArray body = "{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"type\":"
                            "\"invalid_request_error\",\"param\":\"temperature\",\"code\":null}}";
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, 400}, {u"body"_s, QString::fromLatin1(body)}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, body);
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
    QCOMPARE(m_backup.inferenceRequests().size(), 0);
}

void TestResilience::timeoutFallsBack()
{
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"no_response"_s, true}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
}

void TestResilience::refusedConnectionsOpenTheBreaker()
{
    // Three refused connections (the threshold) open the dead endpoint's breaker; after that the
    // request goes straight to the backup.
    for (const char *expected : {"2", "2", "2", "1", "1"}) {
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"flaky-chat"_s));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray(expected));
    }
}

void TestResilience::streamFallsBackBeforeTheFirstByte()
{
    // The primary sends its status line and headers, then drops the connection before any event.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 0}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s, u"one two three"_s, true));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY(!payloads.isEmpty());
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QString text;
    for (const QByteArray &p : payloads) {
        if (p != "[DONE]")
            text += QJsonDocument::fromJson(p).object().value(u"choices"_s).toArray().at(0).toObject().value(
                        u"delta"_s).toObject().value(u"content"_s).toString();
        QVERIFY2(!p.contains("\"error\""), p.constData());
    }
    QCOMPARE(text, u"one two three"_s);
}

void TestResilience::streamIsNotRestartedAfterBytesReachedTheClient()
{
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 400}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s,
                                          chat(u"mock-chat"_s, u"a b c d e f g h i j k l m n o p"_s, true));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("primary"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY(payloads.size() >= 3);
    QVERIFY2(payloads.at(payloads.size() - 2).contains("\"error\""), r.body.constData());
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QCOMPARE(m_backup.inferenceRequests().size(), 0);
}

void TestResilience::contextOverflowMovesToTheFallbackChain()
{
    const QByteArray overflow = "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens. However, "
                                "your messages resulted in 9001 tokens.\",\"type\":\"invalid_request_error\","
                                "\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}";
    QVERIFY(m_backup.script(QJsonObject{{u"status"_s, 400}, {u"body"_s, QString::fromLatin1(overflow)}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"small-chat"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("primary"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    const QList<MockRequest> sent = m_gateway.mock.inferenceRequests();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).json().value(u"model"_s).toString(), u"big-chat"_s);
}

void TestResilience::onlyEndpointIsRetriedWithBackoff()
{
    QVERIFY(m_gateway.mock.script(QJsonArray{QJsonObject{{u"status"_s, 503}}, QJsonObject{{u"status"_s, 502}}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"solo-chat"_s));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("solo"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("3"));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 3);
}

void TestResilience::overheadExcludesRetryWaits()
{
    // The endpoint asks for 800 ms before the retry: that wait, like the failed attempt's, is not
    // gateway time.
    QVERIFY(m_gateway.mock.script(QJsonArray{
        QJsonObject{{u"status"_s, 429}, {u"headers"_s, QJsonObject{{u"retry-after-ms"_s, u"800"_s}}}}}));
    QElapsedTimer timer;
    timer.start();
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"solo-chat"_s));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    QVERIFY2(elapsed >= 800, qPrintable(u"retried after %1 ms, before the 800 ms asked for"_s.arg(elapsed)));
    bool ok = false;
    const double overheadMs = r.header("x-llmproxy-overhead-ms").toDouble(&ok);
    QVERIFY(ok);
    QVERIFY2(overheadMs < 400, qPrintable(u"overhead %1 ms of %2 ms"_s.arg(overheadMs).arg(elapsed)));
}

void TestResilience::exhaustedAttemptsReturnTheLastUpstreamError()
{
    // (Three failures in a row also open the breaker of "solo"; no later test uses it.)
    QVERIFY(m_gateway.mock.script(QJsonArray{QJsonObject{{u"status"_s, 503}}, QJsonObject{{u"status"_s, 503}},
                                             QJsonObject{{u"status"_s, 503}}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"solo-chat"_s));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("3"));
    QVERIFY(r.json().value(u"error"_s).isObject());
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 3);
}

void TestResilience::weightedRoundRobinSpreadsByWeight()
{
    for (int i = 0; i < 8; ++i)
        QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"ww-chat"_s)).status, 200);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 2);
    QCOMPARE(m_backup.inferenceRequests().size(), 6);
}

void TestResilience::fallbackHopSpeaksAnotherFormat()
{
    // An Anthropic endpoint overloaded; the next endpoint speaks OpenAI Chat: the Anthropic client
    // still gets an Anthropic message, translated from the second endpoint's answer.
    const QByteArray overloaded = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, 529}, {u"body"_s, QString::fromLatin1(overloaded)}}));
    const QJsonObject body{{u"model"_s, u"claude-x"_s},
                           {u"max_tokens"_s, 64},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi there"_s}}}}};
    const HttpResponse r = m_gateway.post(u"/v1/messages"_s, body);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("claude-backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    const QJsonObject message = r.json();
    QCOMPARE(message.value(u"type"_s).toString(), u"message"_s);
    QCOMPARE(message.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(), u"hi there"_s);
    QCOMPARE(m_gateway.mock.inferenceRequests().at(0).path, QByteArray("/v1/messages"));
    QCOMPARE(m_backup.inferenceRequests().at(0).path, QByteArray("/v1/chat/completions"));
}

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"

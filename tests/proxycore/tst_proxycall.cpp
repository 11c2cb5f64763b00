// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// ProxyCall's attempt loop and answer handling against a scripted upstream transport (no
// sockets): failover and retries, breakers, raw relay at every byte split, failures mid-stream,
// a client that leaves, usage and cost in the record, and the response filter chain on buffered
// answers.
#include "proxycore/pipeline/textreplacefilter.h"
#include "tests/support/proxycallharness.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy;
using namespace llmproxy::test;
using formats::ApiFormat;

namespace {

const QString kProvider = QStringLiteral("openai_compatible");

const QByteArray kChatStream = QByteArrayLiteral(
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
    "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
    "\"delta\":{\"content\":\"Hello \"},\"finish_reason\":null}]}\r\n\r\n"
    ": keep-alive\n\n"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
    "\"delta\":{\"content\":\"world\"},\"finish_reason\":null}]}\r\r"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
    "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
    "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}\n\n"
    "data: [DONE]\n\n");

const QByteArray kChatBody = QByteArrayLiteral(
    "{\"id\":\"c2\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
    "\"message\":{\"role\":\"assistant\",\"content\":\"my secret plan\"},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":3,\"total_tokens\":6,"
    "\"prompt_tokens_details\":{\"cached_tokens\":2}},\"x_unknown\":{\"kept\":true}}");

ResponseFilterChainPtr replacing(const QString &from, const QString &to)
{
    auto chain = std::make_shared<ResponseFilterChain>();
    chain->append(std::make_shared<TextReplaceFilter>(QList<QPair<QString, QString>>{{from, to}}));
    return chain;
}

/// Blocks any answer whose text contains `word`; signs the rest with a header / stream comment.
class BlockingFilter : public ResponseFilter
{
public:
    explicit BlockingFilter(QString word) : m_word(std::move(word)) {}
    QByteArray name() const override { return QByteArrayLiteral("test-block"); }
    QString filterText(int, TextKind, const QString &text, FilterControl &control) override
    {
        if (text.contains(m_word)) {
            canonical::Error e;
            e.status = 403;
            e.type = QStringLiteral("permission_error");
            e.code = QStringLiteral("response_blocked");
            e.message = QStringLiteral("The answer was blocked");
            control.block(e);
        }
        return text;
    }
    void endResponse(ResponseEnd &end) override
    {
        end.addHeader(QByteArrayLiteral("X-Answer-Length"), QByteArray::number(end.answerText().size()));
        end.addStreamComment("answer-length " + QByteArray::number(end.answerText().size()));
    }

private:
    QString m_word;
};

/// Gives `h` a budget of $10 a day for key "k" and a reservation of $1 against it for its next call.
void reserveOneDollar(ProxyCallHarness &h)
{
    BudgetConfig config;
    config.keys.insert(QStringLiteral("k"), ScopeBudgetConfig{10.0, 0.0, 0.0});
    h.scopeBudgets.configure(config, QDateTime::currentMSecsSinceEpoch());
    ScopeBudgets::Refusal refused;
    h.reservation = std::make_shared<BudgetReservation>(
        h.scopeBudgets.reserve(QStringLiteral("k"), {}, 1.0, QDateTime::currentMSecsSinceEpoch(), &refused));
}

/// Starts a call whose upstream never answers (no headers); true once the transfer is running.
bool startHangingBeforeHeaders(ProxyCallHarness &h)
{
    FakeReply reply = FakeReply::failure(UpstreamErrorKind::Timeout);
    reply.hang = true;
    h.transport.enqueue(reply);
    h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
    return QTest::qWaitFor([&h] { return h.transport.activeTransfers() == 1; }, 10'000);
}

/// The daily window of key "k": {spent, reserved} in nano-dollars.
QPair<qint64, qint64> keyWindow(const ProxyCallHarness &h)
{
    for (const BudgetWindowStatus &s : h.scopeBudgets.statuses(QDateTime::currentMSecsSinceEpoch())) {
        if (s.window == BudgetWindow::Daily)
            return {s.spentNano, s.reservedNano};
    }
    return {-1, -1};
}

/// Runs a stream whose upstream connection is lost after `cut` bytes; true when the call ended.
bool runStreamCutAt(ProxyCallHarness &h, qsizetype cut)
{
    FakeReply reply = FakeReply::stream(kChatStream.first(cut));
    reply.end = UpstreamError{UpstreamErrorKind::ConnectionLost, QStringLiteral("reset")};
    h.transport.enqueue(reply);
    h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true);
    return h.waitDone();
}

/// Starts a stream whose upstream sends its first event and then nothing; true once the client has it.
bool startHangingStream(ProxyCallHarness &h)
{
    FakeReply reply = FakeReply::stream(kChatStream.first(kChatStream.indexOf("data: {", 10)));
    reply.hang = true;
    h.transport.enqueue(reply);
    h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true);
    return QTest::qWaitFor([&h] { return !h.client->body.isEmpty(); }, 10'000);
}

} // namespace

class TestProxyCall : public QObject
{
    Q_OBJECT
private slots:
    void relaysRawStreamByteExactAtEverySplit()
    {
        for (qsizetype cut = 1; cut < kChatStream.size(); ++cut) {
            ProxyCallHarness h;
            h.transport.enqueue(FakeReply::stream(kChatStream, {cut}));
            h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true);
            QVERIFY(h.waitDone());
            QCOMPARE(h.client->status, 200);
            QCOMPARE(h.client->body, kChatStream);
            // Only whole events go out: every write ends at an event boundary (or the CR of a CRLF).
            for (const QByteArray &w : std::as_const(h.client->writes))
                QVERIFY2(w.endsWith('\n') || w.endsWith('\r'), w.right(20).constData());
            const RequestRecord r = h.record();
            QCOMPARE(r.promptTokens, 7);
            QCOMPARE(r.completionTokens, 2);
            QCOMPARE(r.status, 200);
            QVERIFY(r.error.isEmpty());
        }
    }

    void failsOverToTheNextRouteBeforeTheFirstByte()
    {
        ProxyCallHarness h({ProxyCallHarness::endpoint(QStringLiteral("a"), {QStringLiteral("m")}, kProvider, 0),
                            ProxyCallHarness::endpoint(QStringLiteral("b"), {QStringLiteral("m")}, kProvider, 1)});
        h.transport.enqueue(FakeReply::error(503, R"({"error":{"message":"busy","type":"server_error"}})"));
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 200);
        QCOMPARE(h.client->body, kChatBody);
        QCOMPARE(h.transport.requests().size(), 2);
        QVERIFY(h.transport.requests().at(0).url.toString().contains(u"/a/v1"));
        QVERIFY(h.transport.requests().at(1).url.toString().contains(u"/b/v1"));
        QCOMPARE(h.client->header("x-llmproxy-endpoint"), QByteArray("b"));
        QCOMPARE(h.client->header("x-llmproxy-attempts"), QByteArray("2"));
        QCOMPARE(h.snapshot->endpoints().at(0).health->breaker.consecutiveFailures(), 1);
        QCOMPARE(h.snapshot->endpoints().at(1).health->breaker.consecutiveFailures(), 0);
        const RequestRecord r = h.record();
        QCOMPARE(r.attempts, 2);
        QCOMPARE(r.endpoint, QStringLiteral("b"));
    }

    void retriesTheSameRouteAfterAConnectFailure()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::failure(UpstreamErrorKind::ConnectFailed));
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 200);
        QCOMPARE(h.transport.requests().size(), 2);
        QCOMPARE(h.record().attempts, 2);
    }

    void givesUpWithTheClientsErrorShape()
    {
        ProxyCallHarness h;
        for (int i = 0; i < 3; ++i)
            h.transport.enqueue(FakeReply::failure(UpstreamErrorKind::ConnectFailed));
        h.start(ApiFormat::AnthropicMessages, ApiFormat::AnthropicMessages, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 502);
        const QJsonObject e = QJsonDocument::fromJson(h.client->body).object();
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(h.transport.requests().size(), 3); // routing.max_attempts
        QCOMPARE(h.record().error, QStringLiteral("upstream_unreachable"));
    }

    void openBreakerSkipsTheRoute()
    {
        ProxyCallHarness h({ProxyCallHarness::endpoint(QStringLiteral("a"), {QStringLiteral("m")}, kProvider, 0),
                            ProxyCallHarness::endpoint(QStringLiteral("b"), {QStringLiteral("m")}, kProvider, 1)});
        CircuitBreaker &breaker = h.snapshot->endpoints().at(0).health->breaker;
        for (int i = 0; i < 10 && breaker.isAvailable(h.clockMs); ++i)
            breaker.recordFailure(h.clockMs);
        QVERIFY(!breaker.isAvailable(h.clockMs));
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.transport.requests().size(), 1);
        QVERIFY(h.transport.requests().at(0).url.toString().contains(u"/b/v1"));
    }

    void streamBrokenMidEventEndsWithAnErrorAfterWholeEvents()
    {
        ProxyCallHarness h;
        QVERIFY(runStreamCutAt(h, kChatStream.indexOf("world") + 2)); // inside the third content event
        const QList<SseEvent> events = SseParser::parse(h.client->body);
        QCOMPARE(events.size(), 4); // role, "Hello ", error, [DONE]
        QVERIFY(events.at(2).data.contains("\"error\""));
        QCOMPARE(events.at(3).data, QByteArray("[DONE]"));
        QVERIFY(!h.client->body.contains("world"));
        QCOMPARE(h.record().error, QStringLiteral("upstream_disconnected"));
    }

    void streamCutAfterTheAnswerClosesNormally()
    {
        ProxyCallHarness h;
        QVERIFY(runStreamCutAt(h, kChatStream.indexOf("data: [DONE]")));
        QCOMPARE(h.client->body, kChatStream);
        QCOMPARE(h.record().error, QStringLiteral("upstream_closed_after_answer"));
    }

    void clientLeavingCancelsTheUpstream()
    {
        ProxyCallHarness h;
        QVERIFY(startHangingStream(h));
        QCOMPARE(h.transport.activeTransfers(), 1);
        h.client->clientGone();
        QVERIFY(h.released);
        QCOMPARE(h.transport.activeTransfers(), 0);
        QCOMPARE(h.transport.cancelled(), 1);
        QCOMPARE(h.record().status, 499);
    }

    void shutdownEndsAStreamWithTheProtocolsError()
    {
        ProxyCallHarness h;
        QVERIFY(startHangingStream(h));
        h.client->terminate();
        QVERIFY(h.released);
        QVERIFY(h.client->ended);
        QVERIFY(h.client->body.contains("server_shutting_down"));
        QVERIFY(h.client->body.endsWith("data: [DONE]\n\n"));
    }

    void meterRecordsUsageAndCost()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        const RequestRecord r = h.record();
        QCOMPARE(r.promptTokens, 3);
        QCOMPARE(r.completionTokens, 3);
        QVERIFY(r.costUsd >= 0); // priced (0 when the model has no price)
    }

    // Every reservation against a key's budget is settled or released exactly once, on every path.

    void reservationIsSettledWithTheAnswersCost()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 1'000'000'000}));
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        // $1 / $3 per million (the default price): 1 + 2 × 0.1 cached input, 3 output = 10.2 µUSD.
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{10'200, 0}));
        h.call.reset(); // nothing left to give back twice
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{10'200, 0}));
    }

    void reservationIsSettledWithAStreamsUsage()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        h.transport.enqueue(FakeReply::stream(kChatStream));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true);
        QVERIFY(h.waitDone());
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{7'000 + 6'000, 0})); // 7 in × $1, 2 out × $3
    }

    void reservationIsReleasedWhenEveryAttemptFails()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        for (int i = 0; i < 3; ++i)
            h.transport.enqueue(FakeReply::failure(UpstreamErrorKind::ConnectFailed));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 502);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 0}));
    }

    void reservationIsReleasedOnAnUpstreamError()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        h.transport.enqueue(FakeReply::error(400, R"({"error":{"message":"bad","type":"invalid_request_error"}})"));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 400);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 0}));
    }

    void reservationIsReleasedWhenTheClientLeavesBeforeTheAnswer()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        QVERIFY(startHangingBeforeHeaders(h));
        h.client->clientGone();
        QVERIFY(h.released);
        QCOMPARE(h.record().status, 499);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 0}));
    }

    void reservationIsChargedInFullWhenTheClientLeavesMidStream()
    {
        // The provider was generating and reported no usage yet: the worst case is what is known.
        ProxyCallHarness h;
        reserveOneDollar(h);
        QVERIFY(startHangingStream(h));
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 1'000'000'000}));
        h.client->clientGone();
        QVERIFY(h.released);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{1'000'000'000, 0}));
    }

    void reservationIsChargedInFullWhenTheStreamBreaks()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        QVERIFY(runStreamCutAt(h, kChatStream.indexOf("world") + 2));
        QCOMPARE(h.record().error, QStringLiteral("upstream_disconnected"));
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{1'000'000'000, 0}));
    }

    void reservationIsReleasedAtShutdownBeforeTheAnswer()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        QVERIFY(startHangingBeforeHeaders(h));
        h.client->terminate();
        QVERIFY(h.released);
        QCOMPARE(h.client->status, 503);
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 0}));
    }

    void reservationIsReleasedWhenTheCallIsDestroyedUnfinished()
    {
        ProxyCallHarness h;
        reserveOneDollar(h);
        QVERIFY(startHangingBeforeHeaders(h));
        h.call.reset(); // the worker went away with the call in flight
        QCOMPARE(keyWindow(h), (QPair<qint64, qint64>{0, 0}));
    }

    void bufferedAnswerUnchangedByFiltersKeepsItsBytes()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::ok(kChatBody));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false,
                replacing(QStringLiteral("absent"), QStringLiteral("x")));
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->body, kChatBody); // unknown members and all
    }

    void bufferedAnswerChangedByAFilterIsEncodedAgain()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::ok(kChatBody));
        auto chain = replacing(QStringLiteral("secret"), QStringLiteral("public"));
        chain->append(std::make_shared<BlockingFilter>(QStringLiteral("never")));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false, chain);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 200);
        QCOMPARE(chatContent(QJsonDocument::fromJson(h.client->body).object()), QStringLiteral("my public plan"));
        QCOMPARE(h.client->header("x-answer-length"), QByteArray("14"));
        QCOMPARE(h.record().promptTokens, 3);
    }

    void bufferedAnswerBlockedByAFilter()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::ok(kChatBody));
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<BlockingFilter>(QStringLiteral("secret")));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false, chain);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 403);
        QVERIFY(!h.client->body.contains("secret"));
        QCOMPARE(QJsonDocument::fromJson(h.client->body)
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("response_blocked"));
        QCOMPARE(h.record().error, QStringLiteral("response_blocked"));
    }

    void streamBlockedByAFilterEndsWithTheProtocolsError()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::stream(kChatStream, {40, 300}));
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<BlockingFilter>(QStringLiteral("world")));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true, chain);
        QVERIFY(h.waitDone());
        QVERIFY(!h.client->body.contains("world"));
        const QList<SseEvent> events = SseParser::parse(h.client->body);
        QVERIFY(events.size() >= 3);
        QVERIFY2(events.at(events.size() - 2).data.contains("response_blocked"), h.client->body.right(400).constData());
        QCOMPARE(events.last().data, QByteArray("[DONE]"));
        QCOMPARE(h.record().error, QStringLiteral("response_blocked"));
        QCOMPARE(h.transport.activeTransfers(), 0);
    }

    void filtersFailClosedOnAnUnreadableUpstream()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::stream(QByteArrayLiteral("event: response.created\ndata: {}\n\n")));
        h.start(ApiFormat::OpenAiResponses, ApiFormat::OpenAiResponses, true,
                replacing(QStringLiteral("a"), QStringLiteral("b")));
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 502);
        QVERIFY(h.client->body.contains("response_filter_unsupported"));
    }
};

QTEST_GUILESS_MAIN(TestProxyCall)
#include "tst_proxycall.moc"

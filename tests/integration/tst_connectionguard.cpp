// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the gateway's connection guard on raw sockets — body over max_body_bytes gets 413 before the
// body is read (with Expect: 100-continue the client uploads nothing), header block over
// max_header_bytes gets 431, slow-loris headers and stalled bodies are cut off by their timeouts, idle
// keep-alive connections are closed, Expect: 100-continue is honoured, pipelined requests are answered
// in order, and garbage does not hang a connection.
#include "tests/support/gatewayfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxBody = 4096;
constexpr int kMaxHeader = 8192;
constexpr int kHeaderTimeoutMs = 1000;
constexpr int kBodyTimeoutMs = 1500;
constexpr int kIdleTimeoutMs = 1500;
// Generous slack for a loaded two-core machine; the point is "closed", not "closed on the millisecond".
constexpr int kSlackMs = 5000;

QByteArray chatBody(const QString &text)
{
    return QJsonDocument(chatRequest(u"mock-chat"_s, text)).toJson(QJsonDocument::Compact);
}

QByteArray postHead(const QByteArray &path, qint64 contentLength, const QByteArray &extra = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n";
}

} // namespace

class TestConnectionGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void bodyOverLimitIs413();
    void bodyWithinLimitIsAccepted();
    void oversizedBodyRejectedBeforeUploadWithExpectContinue();
    void oversizedContentLengthAnsweredBeforeBodyIsSent();
    void headerBlockOverLimitIs431();
    void expectContinueGets100ThenResponse();
    void pipelinedRequestsAnsweredInOrder();
    void slowLorisHeadersAreCutOff();
    void silentPartialHeaderIsDisconnected();
    void headersSentInPiecesWithinTimeoutAreServed();
    void stalledBodyIsCutOff();
    void idleKeepAliveConnectionIsClosed();
    void garbageDoesNotHangTheConnection();

private:
    GatewayFixture m_gateway;
};

void TestConnectionGuard::initTestCase()
{
    m_gateway.config.maxBodyBytes = kMaxBody;
    m_gateway.config.maxHeaderBytes = kMaxHeader;
    m_gateway.config.headerTimeoutMs = kHeaderTimeoutMs;
    m_gateway.config.bodyTimeoutMs = kBodyTimeoutMs;
    m_gateway.config.idleTimeoutMs = kIdleTimeoutMs;
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestConnectionGuard::init()
{
    QVERIFY(m_gateway.mock.reset());
}

void TestConnectionGuard::bodyOverLimitIs413()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, QString(3 * kMaxBody, u'x')));
    QVERIFY2(r.status == 413, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestConnectionGuard::bodyWithinLimitIsAccepted()
{
    const QString text(kMaxBody - 200, u'y');
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, text));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(chatContent(r.json()), text);
}

void TestConnectionGuard::oversizedBodyRejectedBeforeUploadWithExpectContinue()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", 1'000'000, "Expect: 100-continue\r\n")));
    // No body is sent: the answer must come from the headers alone.
    QVERIFY2(raw.waitForResponses(1, 10000), raw.received().left(300).constData());
    const QList<HttpResponse> responses = raw.responses();
    QCOMPARE(responses.first().status, 413); // and no "100 Continue" before it
    QVERIFY2(openAiErrorProblem(responses.first().body).isEmpty(),
             qPrintable(openAiErrorProblem(responses.first().body)));
}

void TestConnectionGuard::oversizedContentLengthAnsweredBeforeBodyIsSent()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", 50'000'000)));
    QVERIFY2(raw.waitForResponses(1, 10000), raw.received().left(300).constData());
    QCOMPARE(raw.responses().first().status, 413);
}

void TestConnectionGuard::headerBlockOverLimitIs431()
{
    const QByteArray body = chatBody(u"big headers"_s);
    const QByteArray filler(2 * kMaxHeader, 'h');
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", body.size(), "X-Filler: " + filler + "\r\n") + body));
    QVERIFY2(raw.waitForResponses(1, 10000), raw.received().left(300).constData());
    const HttpResponse r = raw.responses().first();
    QVERIFY2(r.status == 431, qPrintable(r.describe()));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestConnectionGuard::expectContinueGets100ThenResponse()
{
    const QByteArray body = chatBody(u"continue"_s);
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", body.size(), "Expect: 100-continue\r\n")));
    QVERIFY2(raw.waitForReceived("\r\n\r\n", 10000), raw.received().constData());
    QVERIFY2(raw.received().startsWith("HTTP/1.1 100 Continue\r\n"), raw.received().constData());
    QVERIFY(raw.write(body));
    QVERIFY(raw.waitForResponses(1, 15000));
    const QList<HttpResponse> responses = raw.responses();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 100);
    QCOMPARE(responses.at(1).status, 200);
    QCOMPARE(chatContent(responses.at(1).json()), u"continue"_s);
}

void TestConnectionGuard::pipelinedRequestsAnsweredInOrder()
{
    // The first upstream answer is slow; the later ones must still wait for it.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"delay_ms"_s, 600}}));
    const QByteArray first = chatBody(u"first"_s);
    const QByteArray second = chatBody(u"second"_s);
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", first.size()) + first +
                      postHead("/v1/chat/completions", second.size()) + second +
                      "GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n"));
    QVERIFY2(raw.waitForResponses(3, 20000), raw.received().right(500).constData());
    const QList<HttpResponse> responses = raw.responses();
    QCOMPARE(responses.size(), 3);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(chatContent(responses.at(0).json()), u"first"_s);
    QCOMPARE(chatContent(responses.at(1).json()), u"second"_s);
    QCOMPARE(responses.at(2).status, 200);
    QVERIFY(!responses.at(2).json().contains(u"choices"));
}

void TestConnectionGuard::slowLorisHeadersAreCutOff()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(raw.write("POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\n"));
    // A new header line every 200 ms keeps the socket busy but never finishes the head.
    for (int i = 0; raw.isConnected() && clock.elapsed() < kHeaderTimeoutMs + kSlackMs; ++i) {
        raw.write("X-Drip-" + QByteArray::number(i) + ": a\r\n");
        QTest::qWait(200);
    }
    QVERIFY2(raw.waitForDisconnected(1000), qPrintable(u"still connected after %1 ms"_s.arg(clock.elapsed())));
    QVERIFY(clock.elapsed() >= kHeaderTimeoutMs / 2);
    for (const HttpResponse &r : raw.responses())
        QVERIFY2(r.status == 408 || r.status == 400, qPrintable(r.describe()));
}

void TestConnectionGuard::silentPartialHeaderIsDisconnected()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(raw.write("GET /health HTTP/1.1\r\nHo"));
    QVERIFY2(raw.waitForDisconnected(kHeaderTimeoutMs + kSlackMs), "connection still open");
    QVERIFY(clock.elapsed() >= kHeaderTimeoutMs / 2);
}

void TestConnectionGuard::headersSentInPiecesWithinTimeoutAreServed()
{
    const QByteArray body = chatBody(u"pieces"_s);
    const QByteArray request = postHead("/v1/chat/completions", body.size()) + body;
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    // Three pieces over ~300 ms: well inside the 1 s header timeout.
    QVERIFY(raw.writeSlowly(request, int(request.size() / 3 + 1), 150));
    QVERIFY2(raw.waitForResponses(1, 15000), raw.received().left(300).constData());
    QCOMPARE(raw.responses().first().status, 200);
    QCOMPARE(chatContent(raw.responses().first().json()), u"pieces"_s);
}

void TestConnectionGuard::stalledBodyIsCutOff()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(raw.write(postHead("/v1/chat/completions", 1000) + "{\"model\":"));
    QVERIFY2(raw.waitForDisconnected(kBodyTimeoutMs + kSlackMs), "connection with a stalled body still open");
    QVERIFY(clock.elapsed() >= kBodyTimeoutMs / 2);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestConnectionGuard::idleKeepAliveConnectionIsClosed()
{
    const QByteArray body = chatBody(u"then idle"_s);
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write(postHead("/v1/chat/completions", body.size()) + body));
    QVERIFY(raw.waitForResponses(1, 15000));
    QCOMPARE(raw.responses().first().status, 200);
    QElapsedTimer clock;
    clock.start();
    // Kept alive for a while first...
    QVERIFY(!raw.waitForDisconnected(kIdleTimeoutMs / 3));
    // ...then closed once idle for longer than the timeout.
    QVERIFY2(raw.waitForDisconnected(kIdleTimeoutMs + kSlackMs), "idle keep-alive connection never closed");
    QVERIFY(clock.elapsed() >= kIdleTimeoutMs / 2);
}

void TestConnectionGuard::garbageDoesNotHangTheConnection()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    QVERIFY(raw.write("THIS IS NOT HTTP\r\n\r\n"));
    QVERIFY2(QTest::qWaitFor([&] { return !raw.isConnected() || !raw.responses().isEmpty(); }, 10000),
             "no answer and no close for a garbage request");
    for (const HttpResponse &r : raw.responses())
        QVERIFY2(r.status >= 400 && r.status < 500, qPrintable(r.describe()));
}

QTEST_GUILESS_MAIN(TestConnectionGuard)
#include "tst_connectionguard.moc"

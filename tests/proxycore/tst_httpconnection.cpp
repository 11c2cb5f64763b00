// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The HTTP/1.1 frontend on real sockets: framing, limits (413/431/408), 100-continue, pipelining
// order with asynchronous handlers, HTTP/1.0, HEAD, client-gone notification, dropped responders.
#include "proxycore/http/httpfrontend.h"
#include "proxycore/http/httpresponder.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <atomic>

using namespace llmproxy;

namespace {

struct Counters
{
    std::atomic<int> clientGone{0};
    std::atomic<int> handled{0};
};

/// Test handler: "/echo" returns the body; "/delay?N" answers after N ms; "/stream" streams 3 chunks
/// then waits for ever; "/drop" drops its responder without answering.
class TestHandler : public IRequestHandler
{
public:
    TestHandler(QObject *context, Counters *counters) : m_context(context), m_counters(counters) {}
    void handle(HttpRequest &&request, std::shared_ptr<HttpResponder> responder) override
    {
        ++m_counters->handled;
        const HeaderList h{{"content-type", "text/plain"}};
        if (request.path == "/echo") {
            responder->respond(200, h, request.method + ' ' + request.body);
        } else if (request.path == "/delay") {
            const int ms = request.query.toInt();
            QTimer::singleShot(ms, m_context, [responder, ms] {
                responder->respond(200, {{"content-type", "text/plain"}}, "delay " + QByteArray::number(ms));
            });
        } else if (request.path == "/stream") {
            responder->setOnClientGone([c = m_counters] { ++c->clientGone; });
            responder->beginStream(200, {{"content-type", "text/event-stream"}});
            for (int i = 0; i < 3; ++i)
                responder->writeChunk(QByteArray("data: " + QByteArray::number(i) + "\n\n"));
            m_keep.append(responder);
        } else if (request.path == "/drop") {
            // responder goes out of scope unanswered
        } else {
            responder->respond(404, h, "nope");
        }
    }

private:
    QObject *m_context;
    Counters *m_counters;
    QList<std::shared_ptr<HttpResponder>> m_keep;
};

} // namespace

class TestHttpConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpFrontend> m_frontend;
    Counters m_counters;

    void startServer(const ServerLimits &limits)
    {
        m_frontend.reset();
        m_counters.clientGone = 0;
        m_counters.handled = 0;
        Counters *counters = &m_counters;
        m_frontend = std::make_unique<HttpFrontend>(limits, 2, [counters](QObject *context) {
            return std::make_unique<TestHandler>(context, counters);
        });
        QString error;
        QVERIFY2(m_frontend->listen(QHostAddress::LocalHost, 0, &error), qPrintable(error));
    }

    std::unique_ptr<QTcpSocket> connectClient()
    {
        auto s = std::make_unique<QTcpSocket>();
        s->connectToHost(QHostAddress::LocalHost, m_frontend->port());
        if (!s->waitForConnected(5000))
            return nullptr;
        return s;
    }

    /// Reads until `predicate(buffer)` holds, the peer closes, or the timeout passes.
    static QByteArray readUntil(QTcpSocket *s, const std::function<bool(const QByteArray &)> &predicate,
                                int timeoutMs = 5000)
    {
        QByteArray buffer;
        QElapsedTimer t;
        t.start();
        while (!predicate(buffer) && t.elapsed() < timeoutMs) {
            if (s->bytesAvailable() == 0 && !s->waitForReadyRead(100)) {
                if (s->state() != QAbstractSocket::ConnectedState)
                    break;
                continue;
            }
            buffer += s->readAll();
        }
        buffer += s->readAll();
        return buffer;
    }

    static bool hasCompleteResponses(const QByteArray &b, int count)
    {
        int found = 0;
        qsizetype pos = 0;
        while (found < count) {
            const qsizetype head = b.indexOf("\r\n\r\n", pos);
            if (head < 0)
                return false;
            const qsizetype cl = b.indexOf("content-length: ", pos);
            if (cl < 0 || cl > head)
                return false;
            const int length = b.mid(cl + 16, b.indexOf("\r\n", cl) - cl - 16).toInt();
            if (b.size() < head + 4 + length)
                return false;
            pos = head + 4 + length;
            ++found;
        }
        return true;
    }

    static bool waitClosed(QTcpSocket *s, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (s->state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
            s->waitForReadyRead(50);
            s->readAll();
        }
        return s->state() != QAbstractSocket::ConnectedState;
    }

private slots:
    void init() { startServer(ServerLimits{}); }
    void cleanup() { m_frontend.reset(); }

    void servesContentLengthBody()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return hasCompleteResponses(b, 1); });
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK\r\n"), r.constData());
        QVERIFY(r.endsWith("POST hello"));
        QVERIFY(!r.contains("connection: close"));
    }

    void decodesChunkedBodySplitAcrossWrites()
    {
        auto s = connectClient();
        QVERIFY(s);
        const QByteArray request = "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";
        for (char c : request) { // one byte at a time: every split point of the framing
            s->write(&c, 1);
            s->flush();
        }
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return hasCompleteResponses(b, 1); });
        QVERIFY2(r.endsWith("POST hello, world"), r.constData());
    }

    void pipelinedResponsesStayInOrder()
    {
        auto s = connectClient();
        QVERIFY(s);
        // The first request is answered last by its handler; the wire order must still be 1, 2, 3.
        s->write("GET /delay?300 HTTP/1.1\r\n\r\nGET /delay?10 HTTP/1.1\r\n\r\nPOST /echo HTTP/1.1\r\n"
                 "Content-Length: 3\r\n\r\nabc");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return hasCompleteResponses(b, 3); });
        const qsizetype a = r.indexOf("delay 300");
        const qsizetype b = r.indexOf("delay 10");
        const qsizetype c = r.indexOf("POST abc");
        QVERIFY2(a >= 0 && b > a && c > b, r.constData());
    }

    void rejectsOversizedBodyBeforeReadingIt()
    {
        ServerLimits limits;
        limits.maxBodyBytes = 1000;
        startServer(limits);
        auto s = connectClient();
        QVERIFY(s);
        s->write("POST /echo HTTP/1.1\r\nContent-Length: 50000000\r\nExpect: 100-continue\r\n\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); });
        QVERIFY2(r.startsWith("HTTP/1.1 413 "), r.constData());
        QVERIFY(!r.contains("100 Continue"));
        QVERIFY(r.contains("connection: close") || r.contains("Connection: close"));
        QVERIFY(r.contains("\"error\""));
        QCOMPARE(m_counters.handled.load(), 0);
    }

    void rejectsOversizedChunkedBody()
    {
        ServerLimits limits;
        limits.maxBodyBytes = 1000;
        startServer(limits);
        auto s = connectClient();
        QVERIFY(s);
        s->write("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n400\r\n" + QByteArray(1024, 'x') + "\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); });
        QVERIFY2(r.startsWith("HTTP/1.1 413 "), r.constData());
    }

    void sendsContinueForAcceptableBody()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("POST /echo HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        const QByteArray interim = readUntil(s.get(), [](const QByteArray &b) { return b.contains("\r\n\r\n"); });
        QCOMPARE(interim, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        s->write("data");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return hasCompleteResponses(b, 1); });
        QVERIFY2(r.endsWith("POST data"), r.constData());
    }

    void rejectsOversizedHeaderBlock()
    {
        ServerLimits limits;
        limits.maxHeaderBytes = 4096;
        startServer(limits);
        auto s = connectClient();
        QVERIFY(s);
        QByteArray request = "GET /echo HTTP/1.1\r\n";
        for (int i = 0; i < 200; ++i)
            request += "X-Filler-" + QByteArray::number(i) + ": " + QByteArray(40, 'y') + "\r\n";
        s->write(request); // no terminating blank line: the limit must trip on size alone
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); });
        QVERIFY2(r.startsWith("HTTP/1.1 431 "), r.constData());
    }

    void rejectsAmbiguousFraming_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("cl+te") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
                               << QByteArray("400");
        QTest::newRow("two lengths") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                                     << QByteArray("400");
        QTest::newRow("bad length") << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 3x\r\n\r\n") << QByteArray("400");
        QTest::newRow("gzip te") << QByteArray("POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << QByteArray("501");
        QTest::newRow("folding") << QByteArray("GET /echo HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n") << QByteArray("400");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << QByteArray("400");
        QTest::newRow("http2 line") << QByteArray("GET / HTTP/2.0\r\n\r\n") << QByteArray("505");
    }

    void rejectsAmbiguousFraming()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        auto s = connectClient();
        QVERIFY(s);
        s->write(request);
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); });
        QVERIFY2(r.startsWith(QByteArray("HTTP/1.1 " + status + ' ')), r.constData());
        QCOMPARE(m_counters.handled.load(), 0);
    }

    void closesSlowHeaderWithTimeout()
    {
        ServerLimits limits;
        limits.headerTimeoutMs = 300;
        startServer(limits);
        auto s = connectClient();
        QVERIFY(s);
        s->write("GET /echo HTTP/1.1\r\nX-Slow: ");
        QElapsedTimer t;
        t.start();
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); }, 5000);
        QVERIFY2(r.startsWith("HTTP/1.1 408 "), r.constData());
        QVERIFY(waitClosed(s.get(), 5000));
        QVERIFY(t.elapsed() < 4000);
    }

    void closesIdleConnection()
    {
        ServerLimits limits;
        limits.idleTimeoutMs = 200;
        startServer(limits);
        auto s = connectClient();
        QVERIFY(s);
        QVERIFY(waitClosed(s.get(), 5000));
    }

    void http10ClosesAfterResponse()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("GET /echo HTTP/1.0\r\n\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &) { return false; }, 3000);
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK"), r.constData());
        QVERIFY(r.contains("connection: close"));
        QVERIFY(s->state() != QAbstractSocket::ConnectedState);
    }

    void headResponseHasNoBody()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("HEAD /echo HTTP/1.1\r\n\r\nGET /echo HTTP/1.1\r\n\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.endsWith("GET "); });
        QVERIFY2(r.startsWith("HTTP/1.1 200 OK"), r.constData());
        // the HEAD response declares 5 bytes but sends none: the next response follows directly
        const qsizetype second = r.indexOf("HTTP/1.1 200 OK", 10);
        QVERIFY(second > 0);
        QVERIFY(r.mid(second - 4, 4) == "\r\n\r\n");
    }

    void streamIsChunkedAndClientGoneIsReported()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("GET /stream HTTP/1.1\r\n\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("data: 2"); });
        QVERIFY(r.contains("transfer-encoding: chunked"));
        QVERIFY(r.contains("9\r\ndata: 0\n\n\r\n"));
        s->abort();
        QTRY_COMPARE_WITH_TIMEOUT(m_counters.clientGone.load(), 1, 5000);
    }

    void droppedResponderAnswers500()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("GET /drop HTTP/1.1\r\n\r\n");
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return b.contains("}}"); });
        QVERIFY2(r.startsWith("HTTP/1.1 500 "), r.constData());
    }

    void drainWaitsForBusyConnectionsThenTerminates()
    {
        auto s = connectClient();
        QVERIFY(s);
        s->write("GET /delay?400 HTTP/1.1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(m_counters.handled.load(), 1, 5000);
        QSignalSpy drained(m_frontend.get(), &HttpFrontend::drained);
        m_frontend->beginDrain(10'000);
        const QByteArray r = readUntil(s.get(), [](const QByteArray &b) { return hasCompleteResponses(b, 1); });
        QVERIFY2(r.endsWith("delay 400"), r.constData());
        QVERIFY(r.contains("connection: close"));
        QVERIFY(drained.wait(5000));
        // no new connections after the drain started
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, m_frontend->port());
        QVERIFY(!late.waitForConnected(1000) || !late.waitForReadyRead(500));
    }
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "tst_httpconnection.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/upstream/curltransport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace llmproxy;

namespace {

/// One request as the upstream saw it.
struct SeenRequest
{
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names as sent on the wire
    QByteArray body;
    int connection = 0; ///< 1-based index of the TCP connection it arrived on

    QList<QByteArray> headerNames() const
    {
        QList<QByteArray> names;
        for (const auto &h : headers)
            names.append(h.first.toLower());
        std::sort(names.begin(), names.end());
        return names;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

/// A tiny HTTP/1.1 upstream whose responses each test scripts through `handler`.
class ScriptedServer : public QObject
{
public:
    using Handler = std::function<void(QTcpSocket *socket, const SeenRequest &request)>;

    ScriptedServer()
    {
        // 200 simultaneous connects must not overflow the accept queue (SYN retries take 1 s).
        m_server.setListenBacklogSize(1024);
        m_server.setMaxPendingConnections(1024);
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                accept(socket);
        });
    }

    Handler handler;
    int connections = 0;
    int disconnects = 0;
    QList<SeenRequest> requests;

    QUrl url(const QString &path = QStringLiteral("/v1/chat/completions")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body,
                        const QByteArray &extraHeaders = QByteArray())
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
    }
    static void startChunked(QTcpSocket *socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
    }
    static void writeChunk(QTcpSocket *socket, const QByteArray &data)
    {
        socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    }
    static void endChunked(QTcpSocket *socket) { socket->write("0\r\n\r\n"); }

private:
    void accept(QTcpSocket *socket)
    {
        socket->setParent(this);
        const int index = ++connections;
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            ++disconnects;
            socket->deleteLater();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, index] {
            QByteArray &buffer = m_buffers[socket];
            buffer += socket->readAll();
            parse(socket, buffer, index);
        });
    }

    void parse(QTcpSocket *socket, QByteArray &buffer, int index)
    {
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            SeenRequest request;
            request.connection = index;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                request.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                if (line.left(colon).toLower() == "content-length")
                    length = line.mid(colon + 1).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            requests.append(request);
            if (handler)
                handler(socket, request);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// Everything the callbacks of one transfer reported.
struct Recorder
{
    int status = 0;
    HeaderList headers;
    int headerCalls = 0;
    QByteArray data;
    int dataCalls = 0;
    int finishCalls = 0;
    UpstreamError error;
    std::function<void(QByteArrayView)> onData; ///< extra per-test reaction to a chunk

    UpstreamCallbacks callbacks()
    {
        return {
            [this](int s, const HeaderList &h) {
                status = s;
                headers = h;
                ++headerCalls;
            },
            [this](QByteArrayView chunk) {
                QVERIFY2(headerCalls == 1, "onData before onHeaders");
                data += chunk.toByteArray();
                ++dataCalls;
                if (onData)
                    onData(chunk);
            },
            [this](const UpstreamError &e) {
                error = e;
                ++finishCalls;
            },
        };
    }
};

UpstreamRequest makeRequest(const QUrl &url, const QByteArray &body = QByteArrayLiteral("{}"))
{
    UpstreamRequest request;
    request.url = url;
    request.body = body;
    request.headers = {{"Content-Type", "application/json"}};
    return request;
}

QByteArray patternBody(qsizetype size)
{
    QByteArray body(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        body[i] = char('a' + (i * 7 + i / 251) % 26);
    return body;
}

} // namespace

class TestCurlTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void postSendsExactlyTheGivenHeadersAndBody();
    void interimResponsesAreNotReported();
    void chunkedResponseArrivesIncrementally();
    void sequentialRequestsReuseOneConnection();
    void twoHundredConcurrentStreamsStartTogether();
    void cancelMidStreamClosesUpstreamConnection();
    void destroyingHandleInsideOnDataIsSafe();
    void refusedConnectionIsConnectFailed();
    void silentUpstreamHitsFirstByteTimeout();
    void stalledStreamHitsIdleTimeout();
    void steadyStreamOutlivesIdleTimeout();
    void upstreamClosingEarlyIsConnectionLost_data();
    void upstreamClosingEarlyIsConnectionLost();
    void pauseAndResumeDeliverEveryByte();
    void destroyingTransportCancelsTransfers();
};

void TestCurlTransport::postSendsExactlyTheGivenHeadersAndBody()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &) {
        ScriptedServer::respond(socket, 201, R"({"ok":true})",
                                "X-Reply: Yes\r\nContent-Type: application/json\r\nSet-Cookie: a=b\r\n");
    };
    CurlTransport transport;
    Recorder rec;
    // Large enough that curl would otherwise announce "Expect: 100-continue".
    const QByteArray body = patternBody(1536 * 1024);
    UpstreamRequest request = makeRequest(server.url(), body);
    request.headers = {{"Content-Type", "application/json"},
                       {"Authorization", "Bearer sk-upstream"},
                       {"X-Trace", "t1"},
                       {"X-Empty", ""}};
    auto call = transport.start(request, rec.callbacks());
    QCOMPARE(transport.activeTransfers(), 1);
    QCOMPARE(rec.headerCalls + rec.finishCalls, 0); // nothing runs inside start()

    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QVERIFY2(rec.error.ok(), qPrintable(rec.error.message));
    QCOMPARE(transport.activeTransfers(), 0);

    QCOMPARE(server.requests.size(), 1);
    const SeenRequest &seen = server.requests.first();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.target, QByteArray("/v1/chat/completions"));
    QCOMPARE(seen.body.size(), body.size());
    QVERIFY(seen.body == body);
    // Exactly ours plus Host and Content-Length: no Expect, Accept, User-Agent or form Content-Type.
    const QList<QByteArray> expected = {"authorization", "content-length", "content-type",
                                        "host",          "x-empty",        "x-trace"};
    QCOMPARE(seen.headerNames(), expected);
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(seen.header("Authorization"), QByteArray("Bearer sk-upstream"));
    QCOMPARE(seen.header("Content-Length"), QByteArray::number(body.size()));

    QCOMPARE(rec.headerCalls, 1);
    QCOMPARE(rec.status, 201);
    QVERIFY(rec.headers.contains(qMakePair(QByteArray("x-reply"), QByteArray("Yes"))));
    QVERIFY(rec.headers.contains(qMakePair(QByteArray("content-type"), QByteArray("application/json"))));
    QVERIFY(rec.headers.contains(qMakePair(QByteArray("set-cookie"), QByteArray("a=b"))));
    QCOMPARE(rec.data, QByteArray(R"({"ok":true})"));

    // A second request must not carry the cookie the first response set.
    Recorder second;
    auto call2 = transport.start(makeRequest(server.url()), second.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(second.finishCalls, 1, 20000);
    QCOMPARE(server.requests.size(), 2);
    QVERIFY(server.requests.last().header("Cookie").isEmpty());
}

void TestCurlTransport::interimResponsesAreNotReported()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &) {
        socket->write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n");
        ScriptedServer::respond(socket, 404, "nope", "X-Final: 1\r\n");
    };
    CurlTransport transport;
    Recorder rec;
    auto call = transport.start(makeRequest(server.url()), rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QVERIFY(rec.error.ok());
    QCOMPARE(rec.headerCalls, 1);
    QCOMPARE(rec.status, 404);
    QVERIFY(rec.headers.contains(qMakePair(QByteArray("x-final"), QByteArray("1"))));
    for (const auto &h : std::as_const(rec.headers))
        QVERIFY(h.first != "link");
    QCOMPARE(rec.data, QByteArray("nope"));
}

void TestCurlTransport::chunkedResponseArrivesIncrementally()
{
    ScriptedServer server;
    QPointer<QTcpSocket> stream;
    server.handler = [&](QTcpSocket *socket, const SeenRequest &) {
        stream = socket;
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "data: one\n\n");
    };
    CurlTransport transport;
    Recorder rec;
    auto call = transport.start(makeRequest(server.url()), rec.callbacks());

    // The first event is delivered while the upstream is still holding the response open.
    QTRY_COMPARE_WITH_TIMEOUT(rec.data, QByteArray("data: one\n\n"), 20000);
    QCOMPARE(rec.headerCalls, 1);
    QCOMPARE(rec.status, 200);
    QVERIFY(rec.headers.contains(qMakePair(QByteArray("transfer-encoding"), QByteArray("chunked"))));
    QCOMPARE(rec.finishCalls, 0);

    QVERIFY(stream);
    ScriptedServer::writeChunk(stream, "data: two\n\n");
    ScriptedServer::writeChunk(stream, "data: [DONE]\n\n");
    ScriptedServer::endChunked(stream);
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QVERIFY(rec.error.ok());
    QCOMPARE(rec.data, QByteArray("data: one\n\ndata: two\n\ndata: [DONE]\n\n")); // no chunk framing
    QVERIFY(rec.dataCalls >= 2);
}

void TestCurlTransport::sequentialRequestsReuseOneConnection()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &request) {
        ScriptedServer::respond(socket, 200, "reply to " + request.body);
    };
    CurlTransport transport;
    for (int i = 0; i < 3; ++i) {
        Recorder rec;
        auto call = transport.start(makeRequest(server.url(), QByteArray::number(i)), rec.callbacks());
        QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
        QVERIFY(rec.error.ok());
        QCOMPARE(rec.data, "reply to " + QByteArray::number(i));
    }
    QCOMPARE(server.requests.size(), 3);
    QCOMPARE(server.connections, 1);
    QCOMPARE(server.requests.last().connection, 1);
}

void TestCurlTransport::twoHundredConcurrentStreamsStartTogether()
{
    constexpr int Streams = 200;
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &) {
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "data: {}\n\n");
        // ...and the stream stays open, like a long generation.
    };
    CurlTransport transport;
    QElapsedTimer clock;
    clock.start();
    QList<qint64> headerTimes;
    std::vector<std::unique_ptr<Recorder>> recorders;
    std::vector<std::unique_ptr<UpstreamCall>> calls;
    for (int i = 0; i < Streams; ++i) {
        auto rec = std::make_unique<Recorder>();
        UpstreamCallbacks callbacks = rec->callbacks();
        callbacks.onHeaders = [&headerTimes, &clock, inner = callbacks.onHeaders](int s, const HeaderList &h) {
            headerTimes.append(clock.elapsed());
            inner(s, h);
        };
        calls.push_back(transport.start(makeRequest(server.url()), callbacks));
        recorders.push_back(std::move(rec));
    }
    QCOMPARE(transport.activeTransfers(), Streams);
    QTRY_COMPARE_WITH_TIMEOUT(headerTimes.size(), Streams, 60000);

    // No per-host cap: every stream got its own connection at once, none waited for another to end.
    QCOMPARE(server.connections, Streams);
    const auto [first, last] = std::minmax_element(headerTimes.cbegin(), headerTimes.cend());
    qInfo("headers of %d streams arrived within %lld ms of each other", Streams, *last - *first);
    QVERIFY2(*last - *first <= 100, qPrintable(QStringLiteral("spread %1 ms").arg(*last - *first)));
    for (const auto &rec : recorders)
        QCOMPARE(rec->finishCalls, 0);

    calls.clear();
    QCOMPARE(transport.activeTransfers(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, Streams, 20000);
}

void TestCurlTransport::cancelMidStreamClosesUpstreamConnection()
{
    ScriptedServer server;
    QPointer<QTcpSocket> stream;
    server.handler = [&](QTcpSocket *socket, const SeenRequest &) {
        stream = socket;
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "data: first\n\n");
    };
    CurlTransport transport;
    Recorder rec;
    auto call = transport.start(makeRequest(server.url()), rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.data, QByteArray("data: first\n\n"), 20000);

    call->cancel();
    QCOMPARE(transport.activeTransfers(), 0);
    // More data is already on its way when the cancel happens; none of it may be delivered.
    QVERIFY(stream);
    ScriptedServer::writeChunk(stream, "data: second\n\n");
    ScriptedServer::endChunked(stream);

    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 5000);
    QTest::qWait(100); // let any stray notification run
    QCOMPARE(rec.dataCalls, 1);
    QCOMPARE(rec.finishCalls, 0);
    call.reset(); // destroying an already cancelled handle is harmless
    QCOMPARE(rec.finishCalls, 0);
}

void TestCurlTransport::destroyingHandleInsideOnDataIsSafe()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &request) {
        if (request.body == "second") {
            ScriptedServer::respond(socket, 200, "second done");
            return;
        }
        // Two chunks in one segment: curl hands them over in separate write callbacks.
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "chunk-1");
        ScriptedServer::writeChunk(socket, "chunk-2");
    };
    CurlTransport transport;
    Recorder first;
    Recorder second;
    std::unique_ptr<UpstreamCall> call;
    std::unique_ptr<UpstreamCall> followUp;
    first.onData = [&](QByteArrayView) {
        call.reset();
        // Starting a transfer from inside a callback must work as well.
        followUp = transport.start(makeRequest(server.url(), "second"), second.callbacks());
    };
    call = transport.start(makeRequest(server.url(), "first"), first.callbacks());

    QTRY_COMPARE_WITH_TIMEOUT(second.finishCalls, 1, 20000);
    QVERIFY(second.error.ok());
    QCOMPARE(second.data, QByteArray("second done"));
    QVERIFY(!call);
    QCOMPARE(first.dataCalls, 1);
    QCOMPARE(first.data, QByteArray("chunk-1"));
    QCOMPARE(first.finishCalls, 0);
    // The abandoned stream's connection was closed rather than reused.
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 5000);
    QCOMPARE(server.requests.last().connection, 2);
}

void TestCurlTransport::refusedConnectionIsConnectFailed()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    CurlTransport transport;
    Recorder rec;
    auto call =
        transport.start(makeRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/models").arg(port))), rec.callbacks());
    QCOMPARE(rec.finishCalls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QCOMPARE(rec.error.kind, UpstreamErrorKind::ConnectFailed);
    QVERIFY(!rec.error.message.isEmpty());
    QCOMPARE(rec.headerCalls, 0);
    QCOMPARE(transport.activeTransfers(), 0);
}

void TestCurlTransport::silentUpstreamHitsFirstByteTimeout()
{
    ScriptedServer server; // reads the request and never answers
    CurlTransport transport;
    Recorder rec;
    UpstreamRequest request = makeRequest(server.url());
    request.timeouts.firstByteMs = 300;
    QElapsedTimer clock;
    clock.start();
    auto call = transport.start(request, rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QCOMPARE(rec.error.kind, UpstreamErrorKind::Timeout);
    QVERIFY2(rec.error.message.contains(u"first-byte"), qPrintable(rec.error.message));
    QVERIFY(clock.elapsed() >= 250);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(rec.headerCalls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 5000);
}

void TestCurlTransport::stalledStreamHitsIdleTimeout()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &) {
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "data: partial\n\n"); // then silence
    };
    CurlTransport transport;
    Recorder rec;
    UpstreamRequest request = makeRequest(server.url());
    request.timeouts.firstByteMs = 30'000;
    request.timeouts.idleMs = 300;
    auto call = transport.start(request, rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QCOMPARE(rec.error.kind, UpstreamErrorKind::Timeout);
    QVERIFY2(rec.error.message.contains(u"idle"), qPrintable(rec.error.message));
    QCOMPARE(rec.headerCalls, 1);
    QCOMPARE(rec.data, QByteArray("data: partial\n\n"));
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 5000);
}

void TestCurlTransport::steadyStreamOutlivesIdleTimeout()
{
    // The idle timeout bounds the gap between chunks, not the length of the stream.
    ScriptedServer server;
    QTimer ticker;
    QPointer<QTcpSocket> stream;
    int sent = 0;
    server.handler = [&](QTcpSocket *socket, const SeenRequest &) {
        stream = socket;
        ScriptedServer::startChunked(socket);
        ticker.start(100);
    };
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (!stream)
            return;
        if (++sent <= 15) {
            ScriptedServer::writeChunk(stream, "tick\n");
        } else {
            ScriptedServer::endChunked(stream);
            ticker.stop();
        }
    });
    CurlTransport transport;
    Recorder rec;
    UpstreamRequest request = makeRequest(server.url());
    request.timeouts.idleMs = 1000;
    auto call = transport.start(request, rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 30000);
    QVERIFY2(rec.error.ok(), qPrintable(rec.error.message));
    QCOMPARE(rec.data, QByteArray("tick\n").repeated(15));
}

void TestCurlTransport::upstreamClosingEarlyIsConnectionLost_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("expectHeaders");
    QTest::newRow("content-length body cut short")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789") << true;
    QTest::newRow("chunked body cut short")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n") << true;
    QTest::newRow("closed before any response") << QByteArray() << false;
}

void TestCurlTransport::upstreamClosingEarlyIsConnectionLost()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, expectHeaders);
    ScriptedServer server;
    server.handler = [response](QTcpSocket *socket, const SeenRequest &) {
        socket->write(response);
        socket->disconnectFromHost();
    };
    CurlTransport transport;
    Recorder rec;
    auto call = transport.start(makeRequest(server.url()), rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 20000);
    QCOMPARE(rec.error.kind, UpstreamErrorKind::ConnectionLost);
    QCOMPARE(rec.headerCalls, expectHeaders ? 1 : 0);
    if (expectHeaders)
        QCOMPARE(rec.data, QByteArray("0123456789"));
}

void TestCurlTransport::pauseAndResumeDeliverEveryByte()
{
    const QByteArray body = patternBody(4 * 1024 * 1024);
    ScriptedServer server;
    server.handler = [&body](QTcpSocket *socket, const SeenRequest &) { ScriptedServer::respond(socket, 200, body); };
    CurlTransport transport;
    Recorder rec;
    std::unique_ptr<UpstreamCall> call;
    bool toggling = false;
    rec.onData = [&](QByteArrayView) {
        call->setPaused(true); // from inside the callback, like a client whose socket is full
        if (toggling)
            QTimer::singleShot(1, this, [&] { call->setPaused(false); });
    };
    UpstreamRequest request = makeRequest(server.url());
    request.timeouts.idleMs = 200; // a paused stream is not an idle upstream
    call = transport.start(request, rec.callbacks());

    QTRY_COMPARE_WITH_TIMEOUT(rec.dataCalls, 1, 20000);
    QTest::qWait(500); // paused: nothing more may arrive, and the idle timeout must not fire
    QCOMPARE(rec.dataCalls, 1);
    QCOMPARE(rec.finishCalls, 0);
    QVERIFY(rec.data.size() < body.size());

    toggling = true;
    call->setPaused(false);
    QCOMPARE(rec.dataCalls, 1); // resuming never delivers inside setPaused()
    QTRY_COMPARE_WITH_TIMEOUT(rec.finishCalls, 1, 60000);
    QVERIFY2(rec.error.ok(), qPrintable(rec.error.message));
    QCOMPARE(rec.data.size(), body.size());
    QVERIFY(rec.data == body);
    QVERIFY(rec.dataCalls > 2);
}

void TestCurlTransport::destroyingTransportCancelsTransfers()
{
    ScriptedServer server;
    server.handler = [](QTcpSocket *socket, const SeenRequest &) {
        ScriptedServer::startChunked(socket);
        ScriptedServer::writeChunk(socket, "data: x\n\n");
    };
    auto transport = std::make_unique<CurlTransport>();
    Recorder rec;
    Recorder pending;
    auto call = transport->start(makeRequest(server.url()), rec.callbacks());
    QTRY_COMPARE_WITH_TIMEOUT(rec.dataCalls, 1, 20000);
    auto neverStarted = transport->start(makeRequest(server.url()), pending.callbacks());

    transport.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, server.connections, 5000);
    QTest::qWait(100);
    QCOMPARE(rec.finishCalls, 0);
    QCOMPARE(pending.headerCalls + pending.finishCalls, 0);
    call->cancel();
    call->setPaused(true);
    call.reset();
    neverStarted.reset();
}

QTEST_GUILESS_MAIN(TestCurlTransport)
#include "tst_curltransport.moc"

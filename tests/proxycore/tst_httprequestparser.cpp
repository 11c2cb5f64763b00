// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httprequestparser.h"

#include <QTest>

using namespace llmproxy;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

/// Feeds `stream` cut at `cut` (or in one piece when cut < 0), as HttpConnection does.
Outcome parse(const QByteArray &stream, qsizetype cut = -1, const ServerLimits &limits = {})
{
    HttpRequestParser parser(limits);
    Outcome outcome;
    const QList<QByteArray> pieces =
        cut < 0 ? QList<QByteArray>{stream} : QList<QByteArray>{stream.first(cut), stream.sliced(cut)};
    for (const QByteArray &piece : pieces) {
        parser.append(piece);
        for (;;) {
            const HttpRequestParser::Event event = parser.next();
            if (event == HttpRequestParser::Event::NeedMore)
                break;
            if (event == HttpRequestParser::Event::Error) {
                outcome.errorStatus = parser.errorStatus();
                return outcome;
            }
            if (event == HttpRequestParser::Event::Request)
                outcome.requests.append(parser.takeRequest());
        }
    }
    return outcome;
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private slots:
    void pipelinedRequestsAtEverySplit()
    {
        const QByteArray stream = "GET /health HTTP/1.1\r\nHost: a\r\n\r\n"
                                  "\r\n"
                                  "POST /v1/chat/completions?x=1 HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                  "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n"
                                  "POST / HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}";
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            const Outcome o = parse(stream, cut);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.requests.size(), 3);
            QCOMPARE(o.requests[0].path, QByteArray("/health"));
            QCOMPARE(o.requests[1].query, QByteArray("x=1"));
            QCOMPARE(o.requests[1].body, QByteArray("hello world"));
            QCOMPARE(o.requests[2].minorVersion, 0);
            QCOMPARE(o.requests[2].body, QByteArray("{}"));
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("status");
        QTest::newRow("content-length and transfer-encoding")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400;
        QTest::newRow("differing content-length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << 400;
        QTest::newRow("obs-fold") << QByteArray("GET / HTTP/1.1\r\nX: a\r\n b\r\n\r\n") << 400;
        QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("expectation") << QByteArray("GET / HTTP/1.1\r\nExpect: x\r\n\r\n") << 417;
        QTest::newRow("negative chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\nx\r\n") << 400;
        QTest::newRow("body over the limit") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n") << 413;
        QTest::newRow("header block over the limit")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(300, 'a')) << 431;
    }

    void refusals()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, status);
        ServerLimits limits;
        limits.maxBodyBytes = 64;
        limits.maxHeaderBytes = 256;
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            const Outcome o = parse(stream, cut, limits);
            QVERIFY2(o.requests.isEmpty(), QByteArray::number(cut).constData());
            QCOMPARE(o.errorStatus, status);
        }
    }

    /// A chunk-size, chunk-end or trailer line over the line limit is refused however the bytes
    /// arrive, not only when the limit is reached before its line feed does.
    void longChunkLinesRefusedAtEverySplit_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("chunk extension") << QByteArray("1;" + QByteArray(1100, 'e') + "\r\nx\r\n0\r\n\r\n");
        QTest::newRow("trailer") << QByteArray("0\r\nX-Trailer: " + QByteArray(1100, 't') + "\r\n\r\n");
    }

    void longChunkLinesRefusedAtEverySplit()
    {
        QFETCH(QByteArray, body);
        const QByteArray stream = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + body;
        for (qsizetype cut = 0; cut <= stream.size(); cut += 7) {
            const Outcome o = parse(stream, cut);
            QVERIFY2(o.requests.isEmpty(), QByteArray::number(cut).constData());
            QCOMPARE(o.errorStatus, 400);
        }
        QCOMPARE(parse(stream).errorStatus, 400);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"

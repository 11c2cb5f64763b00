// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: graceful shutdown of the headless gateway — SIGTERM/SIGINT with nothing in flight exit 0;
// SIGTERM during a stream stops accepting new connections, lets the stream finish within
// shutdown_grace_ms and exits 0; a stream that outlives the grace period is ended with an error event
// and [DONE] (protocol-correct), and the process still exits 0.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <signal.h>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAnswer = u"alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"_s;

} // namespace

class TestShutdown : public QObject
{
    Q_OBJECT

private slots:
    void idleGatewayExitsZero_data();
    void idleGatewayExitsZero();
    void sigtermDrainsInFlightStream();
    void streamOutlivingGraceIsEndedCleanly();
};

void TestShutdown::idleGatewayExitsZero_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestShutdown::idleGatewayExitsZero()
{
    QFETCH(int, signal);
    GatewayFixture gateway;
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"warm up"_s)).status, 200);
    QVERIFY(gateway.proxy.sendSignal(signal));
    QVERIFY2(gateway.proxy.waitForExit(15000), qPrintable(gateway.proxy.diagnostics()));
    QCOMPARE(gateway.proxy.exitStatus(), QProcess::NormalExit);
    QVERIFY2(gateway.proxy.exitCode() == 0, qPrintable(gateway.proxy.diagnostics()));
}

void TestShutdown::sigtermDrainsInFlightStream()
{
    GatewayFixture gateway;
    gateway.config.shutdownGraceMs = 20000;
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    // 15 events 250 ms apart: ~3.5 s of streaming, well inside the grace period.
    QVERIFY(gateway.mock.script(QJsonObject{{u"chunk_delay_ms"_s, 250}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", gateway.url(u"/v1/chat/completions"_s), {{"Content-Type", "application/json"}},
                         QJsonDocument(chatRequest(u"mock-chat"_s, kAnswer, true)).toJson(QJsonDocument::Compact)));
    QVERIFY2(stream.waitForBodyContaining("\"alpha \"", 15000), qPrintable(stream.response().describe()));

    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    // New connections are refused (or closed unanswered) while the stream is still running.
    const bool refused = QTest::qWaitFor(
        [&] {
            RawConnection probe;
            if (!probe.connectTo(gateway.url(QString()), 1000))
                return true;
            probe.write("GET /health/live HTTP/1.1\r\nHost: gateway\r\n\r\n");
            return probe.waitForDisconnected(500) && probe.responses().isEmpty();
        },
        2500);
    QVERIFY2(refused, qPrintable(gateway.proxy.diagnostics()));
    QVERIFY2(!stream.isFinished(), "the stream ended before new connections were refused; it should still be running");

    QVERIFY2(stream.waitForFinished(20000), qPrintable(stream.response().describe()));
    const HttpResponse r = stream.response();
    QVERIFY2(r.status == 200 && r.complete, qPrintable(r.describe()));
    QCOMPARE(streamedChatContent(r.body), kAnswer);
    QCOMPARE(SseParser::dataPayloads(r.body).last(), QByteArray("[DONE]"));
    QVERIFY(!r.body.contains("\"error\""));

    QVERIFY2(gateway.proxy.waitForExit(15000), qPrintable(gateway.proxy.diagnostics()));
    QCOMPARE(gateway.proxy.exitStatus(), QProcess::NormalExit);
    QVERIFY2(gateway.proxy.exitCode() == 0, qPrintable(gateway.proxy.diagnostics()));
}

void TestShutdown::streamOutlivingGraceIsEndedCleanly()
{
    GatewayFixture gateway;
    gateway.config.shutdownGraceMs = 1000;
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    // ~15 s of streaming: far beyond the 1 s grace period.
    QVERIFY(gateway.mock.script(QJsonObject{{u"chunk_delay_ms"_s, 1000}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", gateway.url(u"/v1/chat/completions"_s), {{"Content-Type", "application/json"}},
                         QJsonDocument(chatRequest(u"mock-chat"_s, kAnswer, true)).toJson(QJsonDocument::Compact)));
    QVERIFY2(stream.waitForBodyContaining("\"content\":\"\"", 15000), qPrintable(stream.response().describe()));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY2(stream.waitForFinished(10000), qPrintable(stream.response().describe()));
    const HttpResponse r = stream.response();
    QVERIFY2(r.status == 200 && r.complete, qPrintable(r.describe()));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY(payloads.size() >= 2);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QVERIFY2(openAiErrorProblem(payloads.at(payloads.size() - 2)).isEmpty(),
             qPrintable(QString::fromUtf8(r.body.right(400))));
    QVERIFY2(clock.elapsed() < 9000, qPrintable(QString::number(clock.elapsed())));

    QVERIFY2(gateway.proxy.waitForExit(15000), qPrintable(gateway.proxy.diagnostics()));
    QCOMPARE(gateway.proxy.exitStatus(), QProcess::NormalExit);
    QVERIFY2(gateway.proxy.exitCode() == 0, qPrintable(gateway.proxy.diagnostics()));
}

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// A circuit breaker's whole cycle against real sockets, on a clock the test moves: an in-process
// engine with two endpoints for one model, "primary" (tried first) and "backup", each a mock
// upstream. Primary answers 500 until the test heals it. Its breaker opens after the threshold,
// requests then skip it, once the recovery time has passed exactly one request probes it (open again
// when the probe fails, closed when it succeeds) — and no step waits for time to pass.
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 RecoveryMs = 60'000;
const QString Model = u"clock-chat"_s;

/// `count` scripted 500 answers.
QJsonArray serverErrors(int count)
{
    QJsonArray out;
    for (int i = 0; i < count; ++i)
        out.append(QJsonObject{{u"status"_s, 500}});
    return out;
}

} // namespace

class TestBreakerClock : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void breakerOpensProbesAndCloses();
    void singleProbeWhileHalfOpen();
    void streamsDuringEveryBreakerState();

private:
    HttpResponse chat(const QString &text, bool stream = false) const;
    EndpointStatus status(const QString &id) const;
    /// Moves the engine's clock forward (never backwards: it is monotonic).
    void advance(qint64 ms) { m_nowMs.fetch_add(ms); }
    /// Opens primary's breaker with two failing requests that backup serves; leaves the clock alone.
    void openPrimary(bool stream);

    MockUpstreamProcess m_primary{{u"--models"_s, u"clock-chat"_s}};
    MockUpstreamProcess m_backup{{u"--models"_s, u"clock-chat"_s}};
    std::atomic<qint64> m_nowMs{0};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
};

void TestBreakerClock::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_primary.start(), qPrintable(m_primary.errorString()));
    QVERIFY2(m_backup.start(), qPrintable(m_backup.errorString()));
}

void TestBreakerClock::init()
{
    QVERIFY(m_primary.reset());
    QVERIFY(m_backup.reset());
    // Far more failures than any test uses: primary stays down until a test resets it.
    QVERIFY(m_primary.script(serverErrors(50)));
    // Any start will do for a monotonic clock; this one is far from the real one.
    m_nowMs.store(7'000'000);

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ProxyConfig config;
    EndpointSpec primary;
    primary.id = u"primary"_s;
    primary.baseUrl = m_primary.baseUrl();
    primary.models = {Model};
    primary.apiKey = u"sk-upstream-primary"_s;
    EndpointSpec backup = primary;
    backup.id = u"backup"_s;
    backup.baseUrl = m_backup.baseUrl();
    backup.apiKey = u"sk-upstream-backup"_s;
    backup.priority = 1;
    config.endpoints = {primary, backup};
    // Fallback at once, no backoff; no health checks, so only the test's requests move the breakers.
    config.extraYaml = "routing:\n"
                       "  strategy: priority\n"
                       "  retry: {max_attempts: 2, base_delay_ms: 0, max_delay_ms: 0}\n"
                       "  circuit_breaker: {failure_threshold: 2, recovery_s: 60}\n"
                       "  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->routing.breakerFailureThreshold, 2);
    QCOMPARE(qint64(loaded->routing.breakerRecoveryS) * 1000, RecoveryMs);

    m_engine = std::make_unique<Engine>(loaded, sources);
    m_engine->setClock([this] { return m_nowMs.load(); });
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    QVERIFY(m_engine->port() != 0);
    m_controller = std::make_unique<EngineController>(m_engine.get());

    QCOMPARE(status(u"primary"_s).breakerState, u"closed"_s);
    QCOMPARE(status(u"backup"_s).breakerState, u"closed"_s);
}

void TestBreakerClock::cleanup()
{
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
}

HttpResponse TestBreakerClock::chat(const QString &text, bool stream) const
{
    return HttpClient::postJson(QUrl(m_engine->listenUrl() + u"/v1/chat/completions"_s),
                                chatRequest(Model, text, stream), {}, 20'000);
}

EndpointStatus TestBreakerClock::status(const QString &id) const
{
    for (const EndpointStatus &e : m_controller->endpoints()) {
        if (e.id == id)
            return e;
    }
    return {};
}

void TestBreakerClock::openPrimary(bool stream)
{
    for (int i = 1; i <= 2; ++i) {
        const QString text = u"opening request %1"_s.arg(i);
        const HttpResponse r = chat(text, stream);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
        QCOMPARE(stream ? streamedChatContent(r.body) : chatContent(r.json()), text);
        QCOMPARE(m_primary.stat("inference_requests"), qint64(i));
        QCOMPARE(status(u"primary"_s).consecutiveFailures, i);
    }
    const EndpointStatus primary = status(u"primary"_s);
    QCOMPARE(primary.breakerState, u"open"_s);
    QCOMPARE(primary.breakerRetryInMs, RecoveryMs); // opened "now" on the test's clock
    QCOMPARE(status(u"backup"_s).breakerState, u"closed"_s);
    QCOMPARE(m_backup.stat("inference_requests"), qint64(2));
}

void TestBreakerClock::breakerOpensProbesAndCloses()
{
    // (a) The failing primary is still tried first; backup answers; the threshold opens the breaker.
    openPrimary(false);
    if (QTest::currentTestFailed())
        return;

    // (b) While open, requests skip primary entirely — also just before the recovery time is up.
    for (const qint64 step : {qint64(0), qint64(30'000), RecoveryMs - 30'000 - 1}) {
        advance(step);
        const HttpResponse r = chat(u"while open"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
    }
    QCOMPARE(m_primary.stat("inference_requests"), qint64(2));
    QCOMPARE(m_backup.stat("inference_requests"), qint64(5));
    QCOMPARE(status(u"primary"_s).breakerState, u"open"_s);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, qint64(1));

    // (c) Recovery time reached: the next request probes primary once; it fails again, so the
    // breaker opens for another recovery period from now, and backup still answers.
    advance(1);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, qint64(0));
    {
        const HttpResponse r = chat(u"probe that fails"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
        QCOMPARE(chatContent(r.json()), u"probe that fails"_s);
    }
    QCOMPARE(m_primary.stat("inference_requests"), qint64(3));
    QCOMPARE(status(u"primary"_s).breakerState, u"open"_s);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, RecoveryMs);
    advance(RecoveryMs - 1);
    {
        const HttpResponse r = chat(u"still open"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
    }
    QCOMPARE(m_primary.stat("inference_requests"), qint64(3));

    // (d) Primary recovers. Once the second recovery period is over the probe succeeds, the
    // breaker closes, and primary takes the traffic again.
    QVERIFY(m_primary.reset());
    advance(1);
    const qint64 backupBefore = m_backup.stat("inference_requests");
    for (int i = 0; i < 3; ++i) {
        const QString text = u"primary is back %1"_s.arg(i);
        const HttpResponse r = chat(text);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("primary"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
        QCOMPARE(chatContent(r.json()), text);
        const EndpointStatus primary = status(u"primary"_s);
        QCOMPARE(primary.breakerState, u"closed"_s);
        QCOMPARE(primary.consecutiveFailures, 0);
        QCOMPARE(primary.breakerRetryInMs, qint64(-1));
    }
    QCOMPARE(m_primary.stat("inference_requests"), qint64(3));
    QCOMPARE(m_backup.stat("inference_requests"), backupBefore);
}

void TestBreakerClock::singleProbeWhileHalfOpen()
{
    openPrimary(false);
    if (QTest::currentTestFailed())
        return;
    advance(RecoveryMs);

    // The probe hangs at primary: the breaker is half-open for as long as it is out.
    QVERIFY(m_primary.reset());
    QVERIFY(m_primary.script(QJsonObject{{u"no_response"_s, true}}));
    HttpStream probe;
    QVERIFY(probe.start("POST", QUrl(m_engine->listenUrl() + u"/v1/chat/completions"_s),
                        {{"content-type", "application/json"}},
                        QJsonDocument(chatRequest(Model, u"hanging probe"_s)).toJson(QJsonDocument::Compact)));
    QTRY_COMPARE_WITH_TIMEOUT(m_primary.stat("inference_requests"), qint64(1), 10'000);
    QCOMPARE(status(u"primary"_s).breakerState, u"half_open"_s);

    // Meanwhile other requests may not probe too: they go straight to backup.
    QVERIFY(m_primary.script(serverErrors(50)));
    for (int i = 0; i < 2; ++i) {
        const HttpResponse r = chat(u"during the probe"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
        QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("1"));
    }
    QCOMPARE(m_primary.stat("inference_requests"), qint64(1));
    QVERIFY(!probe.isFinished());

    // The probing client leaves: the probe told nothing, so the breaker is open again with its
    // recovery time already passed, and the next request probes at once (and fails: open again).
    probe.abort();
    QTRY_COMPARE_WITH_TIMEOUT(status(u"primary"_s).breakerState, u"open"_s, 10'000);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, qint64(0));
    const HttpResponse r = chat(u"next probe"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(r.header("x-llmproxy-attempts"), QByteArray("2"));
    QCOMPARE(m_primary.stat("inference_requests"), qint64(2));
    QCOMPARE(status(u"primary"_s).breakerState, u"open"_s);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, RecoveryMs);
}

void TestBreakerClock::streamsDuringEveryBreakerState()
{
    // Streams that fall back before their first byte open the breaker like any request.
    openPrimary(true);
    if (QTest::currentTestFailed())
        return;

    const auto checkStream = [this](const QString &text, const QByteArray &endpoint, const QByteArray &attempts) {
        const HttpResponse r = chat(text, true);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.complete);
        QVERIFY2(r.header("content-type").startsWith("text/event-stream"), r.header("content-type").constData());
        QCOMPARE(r.header("x-llmproxy-endpoint"), endpoint);
        QCOMPARE(r.header("x-llmproxy-attempts"), attempts);
        QCOMPARE(streamedChatContent(r.body), text);
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QVERIFY(!payloads.isEmpty());
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        QCOMPARE(payloads.count(QByteArray("[DONE]")), 1);
    };

    // Open: the stream goes to backup alone.
    checkStream(u"stream while open"_s, "backup", "1");
    QCOMPARE(m_primary.stat("inference_requests"), qint64(2));

    // Past recovery: the stream probes primary, which fails before a byte reached the client.
    advance(RecoveryMs);
    checkStream(u"stream probe fails"_s, "backup", "2");
    QCOMPARE(m_primary.stat("inference_requests"), qint64(3));
    QCOMPARE(status(u"primary"_s).breakerState, u"open"_s);
    QCOMPARE(status(u"primary"_s).breakerRetryInMs, RecoveryMs);

    // Healed and past recovery again: the stream's probe succeeds and closes the breaker.
    QVERIFY(m_primary.reset());
    advance(RecoveryMs);
    checkStream(u"stream probe succeeds"_s, "primary", "1");
    QCOMPARE(m_primary.stat("inference_requests"), qint64(1));
    QCOMPARE(status(u"primary"_s).breakerState, u"closed"_s);
    checkStream(u"stream after recovery"_s, "primary", "1");
    QCOMPARE(m_backup.stat("inference_requests"), qint64(4));
}

QTEST_GUILESS_MAIN(TestBreakerClock)
#include "tst_breakerclock.moc"

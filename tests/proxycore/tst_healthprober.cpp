// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The endpoint health prober: the check each provider gets (models list or a one-token call in its own
// format), results on the wire against a local server (healthy, refused, 401, 404, timeout), the
// breaker rules (failures trip it, 401 does not, a due open breaker is closed or reopened, a half-open
// one is left to the request holding it), opt-outs, newest-snapshot settings, the routing.health
// configuration keys, and the loaded models local discovery reports.
#include "proxycore/config/configloader.h"
#include "proxycore/routing/healthprober.h"
#include "proxycore/routing/localdiscovery.h"
#include "tests/support/testsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace llmproxy;
using llmproxy::test::RefusingPort;
using namespace Qt::StringLiterals;

namespace {

/// A local HTTP server with a canned answer per path (404 otherwise) that records every request.
class FakeServer : public QObject
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
    };
    struct Request
    {
        QByteArray method;
        QByteArray target;                     ///< path and query
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
    };

    FakeServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl(const QString &path = u"/v1"_s) const { return u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path); }

    QHash<QByteArray, Reply> replies; ///< by path without query
    bool hang = false;                ///< read requests, never answer
    QList<Request> requests;

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request request;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            request.body = buffer.mid(end + 4, length);
            buffer.remove(0, end + 4 + length);
            requests.append(request);
            if (hang)
                continue;
            const QByteArray path = request.target.split('?').value(0);
            const Reply reply = replies.value(path, Reply{404, "{\"error\":\"not found\"}"});
            socket->write("HTTP/1.1 " + QByteArray::number(reply.status) +
                          " X\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body);
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

EndpointConfig endpoint(const QString &id, const QString &provider, const QString &baseUrl, const QString &key = {},
                        const QStringList &models = {u"m-1"_s})
{
    EndpointConfig e;
    e.id = id;
    e.provider = provider;
    e.baseUrl = baseUrl;
    e.apiKey = key;
    e.models = models;
    e.source = u"file"_s;
    return e;
}

struct Setup
{
    QList<EndpointConfig> endpoints;
    QString mode = u"models"_s;
    int timeoutMs = 2000;
    bool probeLocal = true;
    int intervalS = 60;
    int breakerThreshold = 3;
    int breakerRecoveryS = 1;
};

RoutingSnapshotPtr snapshotOf(const Setup &s, EndpointHealthRegistry *registry = nullptr)
{
    auto config = std::make_shared<Config>();
    config->endpoints = s.endpoints;
    config->routing.health.mode = s.mode;
    config->routing.health.timeoutMs = s.timeoutMs;
    config->routing.health.probeLocal = s.probeLocal;
    config->routing.health.intervalS = s.intervalS;
    config->routing.breakerFailureThreshold = s.breakerThreshold;
    config->routing.breakerRecoveryS = s.breakerRecoveryS;
    return std::make_shared<const RoutingSnapshot>(std::move(config), QList<EndpointConfig>(), 0, registry);
}

const ResolvedEndpoint &only(const RoutingSnapshotPtr &snapshot)
{
    return snapshot->endpoints().first();
}

EndpointHealth::Probe probeOf(const ResolvedEndpoint &e)
{
    return EndpointHealth::Probe(e.health->probe.load());
}

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

/// Counts the log messages containing a fragment while it exists, whatever category they come from.
class LogCounter
{
public:
    explicit LogCounter(const QByteArray &fragment)
    {
        s_fragment = fragment;
        s_count = 0;
        s_previous = qInstallMessageHandler(&LogCounter::handle);
    }
    ~LogCounter() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (message.toUtf8().contains(s_fragment))
            ++s_count;
        if (s_previous)
            s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QByteArray s_fragment;
    static inline std::atomic<int> s_count{0};
};

/// A clock the test moves by hand.
struct ManualClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(100'000);
    std::function<qint64()> function() const
    {
        return [now = now] { return now->load(); };
    }
};

} // namespace

class TestHealthProber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelsCheckPerProvider_data();
    void modelsCheckPerProvider();
    void completionCheckIsOneTokenInTheNativeFormat_data();
    void completionCheckIsOneTokenInTheNativeFormat();
    void healthyEndpointIsMarkedHealthy();
    void refusedPortTripsTheBreakerAfterThreshold();
    void keyRejectionIsUnhealthyWithoutTripping();
    void missingModelsListLeavesHealthUnknown();
    void timeoutCountsAsFailure();
    void dueOpenBreakerIsClosedByHealthyProbe();
    void dueOpenBreakerIsReopenedByFailedProbe();
    void halfOpenBreakerIsLeftToTheRequestHoldingIt();
    void completionModeOnTheWire();
    void optOutsAreNotProbed();
    void newestSnapshotApplies();
    void probeNowChecksOutOfSchedule();
    void configurationKeys();
    void discoveryReportsLoadedModels();
};

void TestHealthProber::modelsCheckPerProvider_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<HeaderList>("headers");

    QTest::newRow("openai") << u"openai"_s << QString() << QByteArray("https://api.openai.com/v1/models")
                            << HeaderList{{"authorization", "Bearer sk-test"}};
    QTest::newRow("anthropic") << u"anthropic"_s << QString() << QByteArray("https://api.anthropic.com/v1/models")
                               << HeaderList{{"anthropic-version", "2023-06-01"}, {"x-api-key", "sk-test"}};
    QTest::newRow("gemini") << u"google"_s << QString()
                            << QByteArray("https://generativelanguage.googleapis.com/v1beta/models")
                            << HeaderList{{"x-goog-api-key", "sk-test"}};
    QTest::newRow("ollama") << u"ollama"_s << QString() << QByteArray("http://127.0.0.1:11434/v1/models")
                            << HeaderList{};
    QTest::newRow("generic, trailing slash")
        << u"openai_compatible"_s << u"http://10.0.0.5:8000/v1/"_s << QByteArray("http://10.0.0.5:8000/v1/models")
        << HeaderList{{"authorization", "Bearer sk-test"}, {"x-team", "blue"}};
}

void TestHealthProber::modelsCheckPerProvider()
{
    QFETCH(QString, provider);
    QFETCH(QString, baseUrl);
    QFETCH(QByteArray, url);
    QFETCH(HeaderList, headers);

    Setup s;
    EndpointConfig e = endpoint(u"e"_s, provider, baseUrl, provider == u"ollama" ? QString() : u"sk-test"_s);
    if (provider == u"openai_compatible")
        e.headers.insert(u"X-Team"_s, u"blue"_s);
    s.endpoints = {e};
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    const std::optional<HealthCheckRequest> check = healthCheckRequest(only(snapshot), u"models");
    QVERIFY(check);
    QCOMPARE(check->method, QByteArray("GET"));
    QCOMPARE(check->url, url);
    QCOMPARE(check->headers, headers);
    QVERIFY(check->body.isEmpty());

    // An endpoint without a model list gets the same free check in completion mode.
    s.endpoints.first().models.clear();
    QCOMPARE(healthCheckRequest(only(snapshotOf(s)), u"completion"), check);
}

void TestHealthProber::completionCheckIsOneTokenInTheNativeFormat_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("numCtx");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QJsonObject>("body");

    QTest::newRow("openai") << u"openai"_s << QString() << u"gpt-4o-mini"_s << qint64(0)
                            << QByteArray("https://api.openai.com/v1/chat/completions")
                            << HeaderList{{"content-type", "application/json"}, {"authorization", "Bearer sk-test"}}
                            << parse(
                                   "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}],"
                                   "\"max_completion_tokens\":1}");
    QTest::newRow("groq") << u"groq"_s << QString() << u"llama-3.1-8b-instant"_s << qint64(0)
                          << QByteArray("https://api.groq.com/openai/v1/chat/completions")
                          << HeaderList{{"content-type", "application/json"}, {"authorization", "Bearer sk-test"}}
                          << parse("{\"model\":\"llama-3.1-8b-instant\",\"messages\":[{\"role\":\"user\",\"content\":"
                                   "\"ping\"}],\"max_tokens\":1}");
    QTest::newRow("azure") << u"azure"_s << u"https://res.openai.azure.com"_s << u"my-deploy"_s << qint64(0)
                           << QByteArray("https://res.openai.azure.com/openai/deployments/my-deploy/chat/completions"
                                         "?api-version=2024-10-21")
                           << HeaderList{{"content-type", "application/json"}, {"api-key", "sk-test"}}
                           << parse("{\"model\":\"my-deploy\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}],"
                                    "\"max_completion_tokens\":1}");
    QTest::newRow("anthropic") << u"anthropic"_s << QString() << u"claude-haiku-4-5"_s << qint64(0)
                               << QByteArray("https://api.anthropic.com/v1/messages")
                               << HeaderList{{"content-type", "application/json"},
                                             {"anthropic-version", "2023-06-01"},
                                             {"x-api-key", "sk-test"}}
                               << parse("{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1,\"messages\":[{\"role\":"
                                        "\"user\",\"content\":[{\"type\":\"text\",\"text\":\"ping\"}]}]}");
    QTest::newRow("gemini") << u"google"_s << QString() << u"gemini-2.0-flash"_s << qint64(0)
                            << QByteArray("https://generativelanguage.googleapis.com/v1beta/models/"
                                          "gemini-2.0-flash:generateContent")
                            << HeaderList{{"content-type", "application/json"}, {"x-goog-api-key", "sk-test"}}
                            << parse("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"ping\"}]}],"
                                     "\"generationConfig\":{\"maxOutputTokens\":1}}");
    QTest::newRow("ollama native") << u"ollama"_s << QString() << u"llama3"_s << qint64(4096)
                                   << QByteArray("http://127.0.0.1:11434/api/chat")
                                   << HeaderList{{"content-type", "application/json"}}
                                   << parse("{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":"
                                            "\"ping\"}],\"stream\":false,\"options\":{\"num_ctx\":4096,"
                                            "\"num_predict\":1}}");
}

void TestHealthProber::completionCheckIsOneTokenInTheNativeFormat()
{
    QFETCH(QString, provider);
    QFETCH(QString, baseUrl);
    QFETCH(QString, model);
    QFETCH(qint64, numCtx);
    QFETCH(QByteArray, url);
    QFETCH(HeaderList, headers);
    QFETCH(QJsonObject, body);

    Setup s;
    EndpointConfig e = endpoint(u"e"_s, provider, baseUrl, provider == u"ollama" ? QString() : u"sk-test"_s, {model});
    e.numCtx = numCtx;
    s.endpoints = {e};
    const std::optional<HealthCheckRequest> check = healthCheckRequest(only(snapshotOf(s)), u"completion");
    QVERIFY(check);
    QCOMPARE(check->method, QByteArray("POST"));
    QCOMPARE(check->url, url);
    QCOMPARE(check->headers, headers);
    QCOMPARE(json(check->body), body);
}

void TestHealthProber::healthyEndpointIsMarkedHealthy()
{
    FakeServer server;
    server.replies.insert("/v1/models", {200, "{\"object\":\"list\",\"data\":[]}"});
    Setup s;
    s.endpoints = {endpoint(u"up"_s, u"openai_compatible"_s, server.baseUrl(), u"sk-upstream"_s)};
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 2, 5000); // and it keeps checking
    prober.stop();

    QCOMPARE(spy.first().at(0).toString(), u"up"_s);
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Healthy);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Healthy);
    const qint64 at = only(snapshot).health->lastProbeEpochMs.load();
    QVERIFY(at >= before && at <= QDateTime::currentMSecsSinceEpoch());
    QVERIFY(server.requests.size() >= 2);
    const FakeServer::Request &r = server.requests.first();
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(r.target, QByteArray("/v1/models"));
    QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer sk-upstream"));
    QVERIFY(r.headers.value("user-agent").startsWith("LLMProxy/"));
    QVERIFY(!r.headers.contains("cookie"));
    QCOMPARE(only(snapshot).health->breaker.state(0), CircuitBreaker::State::Closed);
    QCOMPARE(only(snapshot).health->total.requests(), quint64(0)); // checks are not client traffic
}

void TestHealthProber::refusedPortTripsTheBreakerAfterThreshold()
{
    const RefusingPort refusing;
    const quint16 port = refusing.port();
    QVERIFY(port != 0);
    Setup s;
    s.endpoints = {endpoint(u"dead"_s, u"openai_compatible"_s, u"http://127.0.0.1:%1/v1"_s.arg(port))};
    s.breakerThreshold = 3;
    s.breakerRecoveryS = 60;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    const CircuitBreaker &breaker = only(snapshot).health->breaker;
    ManualClock clock;

    HealthProber prober;
    prober.setClock(clock.function());
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 2);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Unhealthy);
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 5000);
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Open);
    QCOMPARE(breaker.openedAtMs(), clock.now->load());
    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(args.at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Down);

    // Open and not yet due: no more checks.
    QTest::qWait(400);
    QCOMPARE(spy.size(), 3);
}

void TestHealthProber::keyRejectionIsUnhealthyWithoutTripping()
{
    FakeServer server;
    server.replies.insert("/v1/models", {401, "{\"error\":{\"message\":\"Incorrect API key\"}}"});
    Setup s;
    s.endpoints = {endpoint(u"badkey"_s, u"openai_compatible"_s, server.baseUrl(), u"sk-wrong"_s)};
    s.breakerThreshold = 2;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    LogCounter hints("check the key");

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 4, 5000);
    prober.stop();

    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(args.at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::KeyRejected);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Unhealthy);
    QCOMPARE(only(snapshot).health->breaker.state(0), CircuitBreaker::State::Closed);
    QCOMPARE(only(snapshot).health->breaker.consecutiveFailures(), 0);
    QCOMPARE(hints.count(), 1); // once, not at every check
}

void TestHealthProber::missingModelsListLeavesHealthUnknown()
{
    FakeServer server; // answers 404 to everything
    Setup s;
    s.endpoints = {endpoint(u"nolist"_s, u"openai_compatible"_s, server.baseUrl())};
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    only(snapshot).health->probe.store(int(EndpointHealth::Probe::Healthy));

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 5000);
    prober.stop();
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::NoCheck);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Unknown);
    QCOMPARE(only(snapshot).health->breaker.consecutiveFailures(), 0);
}

void TestHealthProber::timeoutCountsAsFailure()
{
    FakeServer server;
    server.hang = true;
    Setup s;
    s.endpoints = {endpoint(u"slow"_s, u"openai_compatible"_s, server.baseUrl())};
    s.timeoutMs = 200;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(5000);
    prober.setSnapshot(snapshot);
    QElapsedTimer elapsed;
    elapsed.start();
    prober.start();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 6000);
    QVERIFY2(elapsed.elapsed() < 2500 + 1500, qPrintable(QString::number(elapsed.elapsed())));
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Down);
    QCOMPARE(server.requests.size(), 1);
    QCOMPARE(only(snapshot).health->breaker.consecutiveFailures(), 1);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Unhealthy);
}

void TestHealthProber::dueOpenBreakerIsClosedByHealthyProbe()
{
    FakeServer server;
    server.replies.insert("/v1/models", {200, "{\"data\":[]}"});
    Setup s;
    s.endpoints = {endpoint(u"back"_s, u"openai_compatible"_s, server.baseUrl())};
    s.breakerThreshold = 2;
    s.breakerRecoveryS = 1;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    CircuitBreaker &breaker = only(snapshot).health->breaker;
    ManualClock clock;
    breaker.recordFailure(clock.now->load());
    breaker.recordFailure(clock.now->load());
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Open);

    HealthProber prober;
    prober.setClock(clock.function());
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTest::qWait(300); // recovery not over: skipped
    QCOMPARE(spy.size(), 0);
    QVERIFY(server.requests.isEmpty());

    *clock.now += 1000;
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 5000);
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Healthy);
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 0);
    QCOMPARE(probeOf(only(snapshot)), EndpointHealth::Probe::Healthy);
}

void TestHealthProber::dueOpenBreakerIsReopenedByFailedProbe()
{
    FakeServer server;
    server.replies.insert("/v1/models", {503, "{\"error\":\"overloaded\"}"});
    Setup s;
    s.endpoints = {endpoint(u"still-down"_s, u"openai_compatible"_s, server.baseUrl())};
    s.breakerThreshold = 1;
    s.breakerRecoveryS = 1;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    CircuitBreaker &breaker = only(snapshot).health->breaker;
    ManualClock clock;
    breaker.recordFailure(clock.now->load());
    *clock.now += 1500; // due

    HealthProber prober;
    prober.setClock(clock.function());
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Down);
    // Open again, for a recovery period counted from this check.
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Open);
    QCOMPARE(breaker.openedAtMs(), clock.now->load());
    QVERIFY(!breaker.isAvailable(clock.now->load()));
    QTest::qWait(300);
    QCOMPARE(spy.size(), 1);
}

void TestHealthProber::halfOpenBreakerIsLeftToTheRequestHoldingIt()
{
    FakeServer server;
    server.replies.insert("/v1/models", {200, "{\"data\":[]}"});
    Setup s;
    s.endpoints = {endpoint(u"probing"_s, u"openai_compatible"_s, server.baseUrl())};
    s.breakerThreshold = 1;
    s.breakerRecoveryS = 1;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    CircuitBreaker &breaker = only(snapshot).health->breaker;
    ManualClock clock;
    breaker.recordFailure(clock.now->load());
    *clock.now += 1000;
    QVERIFY(breaker.tryAcquire(clock.now->load())); // a client's request takes the probe
    QCOMPARE(breaker.state(0), CircuitBreaker::State::HalfOpen);

    HealthProber prober;
    prober.setClock(clock.function());
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTest::qWait(300);
    QCOMPARE(spy.size(), 0);
    QVERIFY(server.requests.isEmpty());
    QCOMPARE(breaker.state(0), CircuitBreaker::State::HalfOpen);

    // The request fails; once due again, the prober's healthy check closes the breaker.
    breaker.recordFailure(clock.now->load());
    *clock.now += 1000;
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 5000);
    QCOMPARE(breaker.state(0), CircuitBreaker::State::Closed);
}

void TestHealthProber::completionModeOnTheWire()
{
    FakeServer server;
    server.replies.insert("/v1/messages", {200, "{\"type\":\"message\",\"content\":[]}"});
    Setup s;
    s.endpoints = {endpoint(u"claude"_s, u"anthropic"_s, server.baseUrl(), u"sk-ant-test"_s, {u"claude-x"_s})};
    s.mode = u"completion"_s;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshot);
    prober.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 5000);
    prober.stop();
    QCOMPARE(spy.first().at(1).value<HealthProber::Outcome>(), HealthProber::Outcome::Healthy);
    const FakeServer::Request &r = server.requests.first();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.target, QByteArray("/v1/messages"));
    QCOMPARE(r.headers.value("x-api-key"), QByteArray("sk-ant-test"));
    QCOMPARE(r.headers.value("anthropic-version"), QByteArray("2023-06-01"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QVERIFY(!r.headers.contains("authorization"));
    QCOMPARE(json(r.body),
             parse("{\"model\":\"claude-x\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":"
                   "[{\"type\":\"text\",\"text\":\"ping\"}]}]}"));
}

void TestHealthProber::optOutsAreNotProbed()
{
    FakeServer optedOut;
    FakeServer local;
    FakeServer azureServer;
    for (FakeServer *server : {&optedOut, &local, &azureServer})
        server->replies.insert("/v1/models", {200, "{\"data\":[]}"});
    azureServer.replies.insert("/openai/v1/models", {200, "{\"data\":[]}"});
    const RefusingPort refusing;
    Setup s;
    EndpointConfig off = endpoint(u"off"_s, u"openai_compatible"_s, optedOut.baseUrl());
    off.probe = false;
    // Loopback URLs count as local whatever the provider; Azure has no models list per deployment.
    const EndpointConfig azure = endpoint(u"azure"_s, u"azure"_s, azureServer.baseUrl(u"/openai/v1"_s), u"k"_s);
    s.endpoints = {off, endpoint(u"local"_s, u"openai_compatible"_s, local.baseUrl()), azure};
    s.probeLocal = false;

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshotOf(s));
    prober.start();
    QTest::qWait(300);
    QCOMPARE(spy.size(), 0);
    QVERIFY(local.requests.isEmpty());

    // With local servers allowed, only the opted-out endpoint and Azure stay unchecked.
    s.probeLocal = true;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);
    prober.setSnapshot(snapshot);
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 5000);
    prober.stop();
    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(args.at(0).toString(), u"local"_s);
    QVERIFY(!local.requests.isEmpty());
    QVERIFY(optedOut.requests.isEmpty());
    QVERIFY(azureServer.requests.isEmpty());
    for (const ResolvedEndpoint &e : snapshot->endpoints())
        QCOMPARE(probeOf(e), e.config.id == u"local" ? EndpointHealth::Probe::Healthy : EndpointHealth::Probe::Unknown);
}

void TestHealthProber::probeNowChecksOutOfSchedule()
{
    FakeServer up;
    up.replies.insert("/v1/models", {200, "{\"data\":[]}"});
    const RefusingPort refusing;
    Setup s;
    EndpointConfig off = endpoint(u"off"_s, u"openai_compatible"_s, up.baseUrl());
    off.probe = false; // never checked on a schedule, but on demand
    const EndpointConfig azure = endpoint(u"azure"_s, u"azure"_s, up.baseUrl(u"/openai/v1"_s), u"k"_s);
    s.endpoints = {off, azure,
                   endpoint(u"dead"_s, u"openai_compatible"_s, u"http://127.0.0.1:%1/v1"_s.arg(refusing.port()))};
    s.intervalS = 0; // no schedule at all
    s.breakerThreshold = 1;
    s.breakerRecoveryS = 60;
    const RoutingSnapshotPtr snapshot = snapshotOf(s);

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setSnapshot(snapshot);
    prober.start();
    QString why;
    QVERIFY2(prober.probeNow(u"off"_s, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 1, 5000);
    QCOMPARE(spy.first().at(0).toString(), u"off"_s);
    QCOMPARE(probeOf(snapshot->endpoints().at(0)), EndpointHealth::Probe::Healthy);
    QCOMPARE(up.requests.size(), 1);
    // Once answered it is forgotten: no schedule picks it up.
    prober.setSnapshot(snapshot);
    QTest::qWait(200);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(probeOf(snapshot->endpoints().at(0)), EndpointHealth::Probe::Healthy);

    // A failing check counts for the breaker, and a second one runs while it is open.
    const ResolvedEndpoint &dead = snapshot->endpoints().at(2);
    QVERIFY(prober.probeNow(u"dead"_s, &why));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 2, 5000);
    QCOMPARE(dead.health->breaker.state(monotonicNowNs() / 1'000'000), CircuitBreaker::State::Open);
    QVERIFY(prober.probeNow(u"dead"_s, &why));
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 3, 5000);
    QCOMPARE(probeOf(dead), EndpointHealth::Probe::Unhealthy);

    QVERIFY(!prober.probeNow(u"azure"_s, &why));
    QVERIFY2(why.contains(u"no health check"_s), qPrintable(why));
    QVERIFY(!prober.probeNow(u"nope"_s, &why));
    QVERIFY2(why.contains(u"not routed"_s), qPrintable(why));
    prober.stop();
}

void TestHealthProber::newestSnapshotApplies()
{
    FakeServer first;
    FakeServer second;
    first.replies.insert("/v1/models", {200, "{\"data\":[]}"});
    second.replies.insert("/v1/models", {500, "{}"});
    EndpointHealthRegistry registry;
    Setup s;
    s.endpoints = {endpoint(u"moving"_s, u"openai_compatible"_s, first.baseUrl(), u"sk-old"_s)};
    s.breakerThreshold = 100;

    HealthProber prober;
    QSignalSpy spy(&prober, &HealthProber::probed);
    prober.setIntervalMs(50);
    prober.setSnapshot(snapshotOf(s, &registry));
    prober.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 1, 5000);
    QCOMPARE(EndpointHealth::Probe(registry.health(u"moving"_s)->probe.load()), EndpointHealth::Probe::Healthy);

    // A reload moves the endpoint and changes its key: the next checks use both.
    s.endpoints.first().baseUrl = second.baseUrl();
    s.endpoints.first().apiKey = u"sk-new"_s;
    prober.setSnapshot(snapshotOf(s, &registry));
    const qsizetype firstCount = first.requests.size();
    QTRY_VERIFY_WITH_TIMEOUT(!second.requests.isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(EndpointHealth::Probe(registry.health(u"moving"_s)->probe.load()),
                              EndpointHealth::Probe::Unhealthy, 5000);
    QCOMPARE(second.requests.first().headers.value("authorization"), QByteArray("Bearer sk-new"));
    QVERIFY(first.requests.size() <= firstCount + 1); // at most the check that was already on its way

    // interval 0 switches checking off; what was found is no longer claimed.
    s.intervalS = 0;
    prober.setIntervalMs(0);
    prober.setSnapshot(snapshotOf(s, &registry));
    QCOMPARE(EndpointHealth::Probe(registry.health(u"moving"_s)->probe.load()), EndpointHealth::Probe::Unknown);
    const qsizetype secondCount = second.requests.size();
    QTest::qWait(300);
    QCOMPARE(second.requests.size(), secondCount);
}

void TestHealthProber::configurationKeys()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto load = [&dir](const QByteArray &yaml, const QStringList &env = {}) {
        const QString path = dir.filePath(u"config.yaml"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(yaml);
        file.close();
        ConfigSources sources;
        sources.configPath = path;
        sources.configPathExplicit = true;
        sources.environment = QProcessEnvironment();
        for (const QString &assignment : env)
            sources.environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
        sources.baseDirectory = dir.path();
        return loadConfig(sources);
    };

    ConfigLoadResult r = load("server:\n  port: 8090\n");
    QVERIFY(r.ok());
    QCOMPARE(r.config->routing.health.intervalS, 60);
    QCOMPARE(r.config->routing.health.mode, u"models"_s);
    QCOMPARE(r.config->routing.health.timeoutMs, 5000);
    QCOMPARE(r.config->routing.health.probeLocal, true);

    r = load("routing:\n  health:\n    interval_s: 15\n    mode: Completion\n    timeout_ms: 800\n"
             "    probe_local: false\n"
             "endpoints:\n  lab:\n    provider: vllm\n    base_url: http://10.0.0.5:8000/v1\n    probe: false\n"
             "  main:\n    provider: ollama\n");
    QVERIFY2(r.ok(), r.errors.isEmpty() ? "" : qPrintable(r.errors.first().toString()));
    QVERIFY(r.warnings.isEmpty());
    QCOMPARE(r.config->routing.health.intervalS, 15);
    QCOMPARE(r.config->routing.health.mode, u"completion"_s);
    QCOMPARE(r.config->routing.health.timeoutMs, 800);
    QCOMPARE(r.config->routing.health.probeLocal, false);
    QCOMPARE(r.config->endpoints.size(), 2);
    QCOMPARE(r.config->endpoints.at(0).probe, false);
    QCOMPARE(r.config->endpoints.at(1).probe, true);

    r = load("routing:\n  health:\n    mode: ping\n");
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().message, u"routing.health.mode: expected models or completion, got ping"_s);
    QCOMPARE(r.errors.first().line, 3);

    r = load("routing:\n  health:\n    interval_s: -1\n    timeout_ms: 5\n");
    QCOMPARE(r.errors.size(), 2);

    r = load("routing:\n  health:\n    interval_s: 30\n", {u"LLM_PROXY_HEALTH_INTERVAL_S=0"_s});
    QVERIFY(r.ok());
    QCOMPARE(r.config->routing.health.intervalS, 0);
    r = load("server:\n  port: 8090\n", {u"LLM_PROXY_HEALTH_INTERVAL_S=soon"_s});
    QVERIFY(!r.ok());
    QVERIFY2(r.errors.first().toString().contains(u"LLM_PROXY_HEALTH_INTERVAL_S"_s),
             qPrintable(r.errors.first().toString()));
}

void TestHealthProber::discoveryReportsLoadedModels()
{
    FakeServer ollama;
    ollama.replies.insert("/v1/models", {200, "{\"object\":\"list\",\"data\":[{\"id\":\"llama3:latest\"},"
                                              "{\"id\":\"qwen2:7b\"},{\"id\":\"phi3:mini\"}]}"});
    ollama.replies.insert("/api/ps", {200, "{\"models\":[{\"name\":\"qwen2:7b\",\"model\":\"qwen2:7b\","
                                           "\"size_vram\":5137025024}]}"});
    FakeServer oldOllama; // /v1/models but no /api/ps
    oldOllama.replies.insert("/v1/models", {200, "{\"data\":[{\"id\":\"llama2:latest\"}]}"});
    FakeServer lmstudio;
    lmstudio.replies.insert("/v1/models", {200, "{\"data\":[{\"id\":\"qwen2.5-7b-instruct\"}]}"});

    LocalDiscovery discovery(
        {{u"ollama"_s, ollama.port()}, {u"ollama"_s, oldOllama.port()}, {u"lmstudio"_s, lmstudio.port()}});
    QSignalSpy spy(&discovery, &LocalDiscovery::discovered);
    discovery.scanNow();
    QVERIFY(spy.wait(10000));
    const QList<EndpointConfig> found = spy.first().first().value<QList<EndpointConfig>>();
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).models, QStringList({u"llama3:latest"_s, u"qwen2:7b"_s, u"phi3:mini"_s}));
    QCOMPARE(found.at(0).loadedModels, QStringList({u"qwen2:7b"_s}));
    QCOMPARE(ollama.requests.size(), 2);
    QCOMPARE(ollama.requests.at(1).target, QByteArray("/api/ps"));
    QCOMPARE(found.at(1).id, u"local-ollama-%1"_s.arg(oldOllama.port()));
    QCOMPARE(found.at(1).models, QStringList({u"llama2:latest"_s}));
    QVERIFY(found.at(1).loadedModels.isEmpty());
    QVERIFY(found.at(1).enabled);
    QCOMPARE(found.at(2).loadedModels, QStringList({u"qwen2.5-7b-instruct"_s}));
    QCOMPARE(lmstudio.requests.size(), 1);
}

QTEST_GUILESS_MAIN(TestHealthProber)
#include "tst_healthprober.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The exact response cache end to end, against real sockets: an in-process engine (on a clock the
// test moves, so a TTL passes without waiting) in front of the mock upstream, which counts the
// requests that reach it. A hit never reaches the mock; every field that changes the answer
// changes the key; two client keys never share an entry; Cache-Control no-cache and no-store;
// streams replayed byte for byte; errors and broken streams never stored; Anthropic and Responses
// clients; a fresh signature on every hit; the admin API's statistics and clearing; and with
// caching off (the default) every request goes upstream.
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/util/sha256.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QString Model = u"mock-chat"_s;
const QByteArray AdminKey = "admin-key-for-cache-tests";
const QByteArray AliceKey = "sk-alice-cache-test-key";
const QByteArray BobKey = "sk-bob-cache-test-key";

/// caching: on, with a one-minute TTL.
const QByteArray CachingOn = "caching:\n  enabled: true\n  ttl: 60\n";

HeaderList bearer(const QByteArray &key)
{
    return {{QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + key}};
}

QJsonObject chat(const QString &text, bool stream = false)
{
    return chatRequest(Model, text, stream);
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    o.insert(key, value);
    return o;
}

} // namespace

class TestResponseCaching : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offByDefault();
    void secondIdenticalRequestIsAHit();
    void answerChangingFieldsMiss_data();
    void answerChangingFieldsMiss();
    void keysNeverShareEntries();
    void noCacheAndNoStore();
    void entriesExpire();
    void streamReplayedByteForByte();
    void errorsAndBrokenStreamsAreNotStored();
    void anthropicAndResponsesClients();
    void hitsAreSignedAfresh();
    void maskedValuesAreRestoredPerRequest();
    void blockedAnswersAreNotStored();
    void oversizeAnswersAreNotStored();
    void adminApiShowsAndClears();
    void reloadAppliesTheSection();
    void entriesOutliveARestartWithAStore();
    void persistOffKeepsNothing();

private:
    /// Starts the engine with `yaml` appended to the mock endpoint's configuration; with `keys`,
    /// the client keys alice and bob are required; with `store`, the test's folder is the data
    /// directory, so the engine keeps an SQLite store there.
    bool startGateway(const QByteArray &yaml, bool keys = false, bool store = false);
    /// Rows of response_cache in the stopped engine's SQLite file; -1 when it cannot be read.
    qint64 keptRows() const;
    HttpResponse post(const QString &path, const QJsonObject &body, const HeaderList &headers = {}) const;
    HttpResponse admin(const QByteArray &method, const QString &pathAndQuery) const;
    qint64 upstreamRequests() const { return m_mock.stat("inference_requests"); }
    /// The engine's record of the request `requestId` (waits for the engine to collect it).
    RequestRecord record(const QByteArray &requestId) const;

    MockUpstreamProcess m_mock{{u"--models"_s, u"mock-chat,mock-chat-2"_s}};
    std::atomic<qint64> m_nowMs{0};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
};

void TestResponseCaching::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_mock.start(), qPrintable(m_mock.errorString()));
}

void TestResponseCaching::init()
{
    QVERIFY(m_mock.reset());
    m_nowMs.store(9'000'000);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestResponseCaching::cleanup()
{
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
}

bool TestResponseCaching::startGateway(const QByteArray &yaml, bool keys, bool store)
{
    ProxyConfig config;
    EndpointSpec mock;
    mock.baseUrl = m_mock.baseUrl();
    mock.models = {Model, u"mock-chat-2"_s};
    mock.apiKey = u"sk-upstream-secret"_s;
    config.endpoints = {mock};
    // One attempt: a broken stream must reach the client, not be retried into a complete one.
    config.extraYaml = "routing:\n  retry: {max_attempts: 1}\n  health: {interval_s: 0}\n" + yaml;
    if (keys) {
        config.serverYaml = "  auth:\n    keys:\n"
                            "      - {name: alice, key_sha256: " +
                            sha256Hex(AliceKey) +
                            "}\n"
                            "      - {name: bob, key_sha256: " +
                            sha256Hex(BobKey) + "}\n";
    }
    const QString dir = m_dir->path();
    QFile file(QDir(dir).filePath(u"config.yaml"_s));
    QFile env(QDir(dir).filePath(u".env"_s));
    const QByteArray yamlText = config.toYaml();
    if (!file.open(QIODevice::WriteOnly) || file.write(yamlText) != yamlText.size() ||
        !env.open(QIODevice::WriteOnly) || env.write("LLM_PROXY_ADMIN_KEYS=" + AdminKey + "\n") <= 0) {
        qWarning("cannot write the configuration");
        return false;
    }
    file.close();
    env.close();
    ConfigSources sources;
    sources.configPath = file.fileName();
    sources.configPathExplicit = true;
    sources.environment = QProcessEnvironment();
    sources.dotenvPath = env.fileName();
    sources.cli.port = 0;
    const ConfigLoadResult loaded = loadConfig(sources);
    if (!loaded.ok()) {
        for (const ConfigDiagnostic &d : loaded.errors)
            qWarning("%s", qPrintable(d.toString()));
        return false;
    }
    m_engine = std::make_unique<Engine>(std::make_shared<const Config>(*loaded.config), sources);
    m_engine->setClock([this] { return m_nowMs.load(); });
    if (store)
        m_engine->setDataDirectory(dir);
    QString error;
    if (!m_engine->start(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    m_controller = std::make_unique<EngineController>(m_engine.get());
    return true;
}

HttpResponse TestResponseCaching::post(const QString &path, const QJsonObject &body, const HeaderList &headers) const
{
    return HttpClient::postJson(QUrl(m_engine->listenUrl() + path), body, headers, 20'000);
}

HttpResponse TestResponseCaching::admin(const QByteArray &method, const QString &pathAndQuery) const
{
    return HttpClient::request(method, QUrl(m_engine->listenUrl() + pathAndQuery), bearer(AdminKey), {}, 20'000);
}

RequestRecord TestResponseCaching::record(const QByteArray &requestId) const
{
    RequestRecord found;
    const auto look = [&] {
        for (const RequestRecord &r : m_controller->recentRequests()) {
            if (r.requestId.toLatin1() == requestId) {
                found = r;
                return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(look, 10'000))
        qWarning("no record of request %s", requestId.constData());
    return found;
}

void TestResponseCaching::offByDefault()
{
    QVERIFY(startGateway({}));
    for (int i = 1; i <= 2; ++i) {
        const HttpResponse r = post(u"/v1/chat/completions"_s, chat(u"same question"_s));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-cache"), QByteArray("off"));
        QCOMPARE(upstreamRequests(), qint64(i));
    }
    const HttpResponse stats = admin("GET", u"/api/v1/cache"_s);
    QCOMPARE(stats.status, 200);
    QCOMPARE(stats.json().value(u"enabled"_s).toBool(), false);
    QCOMPARE(stats.json().value(u"hits"_s).toInt(), 0);
    QCOMPARE(stats.json().value(u"entries"_s).toInt(), 0);
}

void TestResponseCaching::secondIdenticalRequestIsAHit()
{
    QVERIFY(startGateway(CachingOn));
    const HttpResponse first = post(u"/v1/chat/completions"_s, chat(u"what is two plus two"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    QCOMPARE(first.header("x-llmproxy-cache"), QByteArray("miss"));
    const HttpResponse second = post(u"/v1/chat/completions"_s, chat(u"what is two plus two"_s));
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    QCOMPARE(second.header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(1));
    QCOMPARE(second.body, first.body);
    QCOMPARE(second.header("x-llmproxy-attempts"), QByteArray("0"));
    QVERIFY(second.header("x-llmproxy-request-id") != first.header("x-llmproxy-request-id"));
    QCOMPARE(second.header("age"), QByteArray("0"));
    QVERIFY(second.header("x-llmproxy-endpoint").isEmpty());

    const RequestRecord miss = record(first.header("x-llmproxy-request-id"));
    const RequestRecord hit = record(second.header("x-llmproxy-request-id"));
    QVERIFY(!miss.cacheHit);
    QCOMPARE(miss.attempts, 1);
    QVERIFY(hit.cacheHit);
    QCOMPARE(hit.attempts, 0);
    QCOMPARE(hit.costUsd, 0.0);
    QCOMPARE(hit.status, 200);
    QCOMPARE(hit.completionTokens, miss.completionTokens);
    QVERIFY(hit.endpoint.isEmpty());

    // The age grows on the engine's clock.
    m_nowMs.fetch_add(5'000);
    QCOMPARE(post(u"/v1/chat/completions"_s, chat(u"what is two plus two"_s)).header("age"), QByteArray("5"));
}

void TestResponseCaching::answerChangingFieldsMiss_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("temperature") << u"temperature"_s << QJsonValue(0.7);
    QTest::newRow("max_tokens") << u"max_tokens"_s << QJsonValue(3);
    QTest::newRow("top_p") << u"top_p"_s << QJsonValue(0.5);
    QTest::newRow("seed") << u"seed"_s << QJsonValue(42);
    QTest::newRow("stop") << u"stop"_s << QJsonValue(QJsonArray{u"END"_s});
    QTest::newRow("model") << u"model"_s << QJsonValue(u"mock-chat-2"_s);
    QTest::newRow("stream") << u"stream"_s << QJsonValue(true);
    QTest::newRow("tools") << u"tools"_s
                           << QJsonValue(QJsonArray{QJsonObject{
                                  {u"type"_s, u"function"_s},
                                  {u"function"_s,
                                   QJsonObject{{u"name"_s, u"lookup"_s},
                                               {u"parameters"_s, QJsonObject{{u"type"_s, u"object"_s}}}}}}});
    QTest::newRow("system") << u"messages"_s
                            << QJsonValue(QJsonArray{
                                   QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"Answer in French."_s}},
                                   QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"a question"_s}}});
}

void TestResponseCaching::answerChangingFieldsMiss()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QVERIFY(startGateway(CachingOn));
    const QJsonObject base = chat(u"a question"_s);
    const QJsonObject variant = with(base, field, value);
    QCOMPARE(post(u"/v1/chat/completions"_s, base).header("x-llmproxy-cache"), QByteArray("miss"));
    const HttpResponse changed = post(u"/v1/chat/completions"_s, variant);
    QVERIFY2(changed.status == 200, qPrintable(changed.describe()));
    QCOMPARE(changed.header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(2));
    // Each is kept under its own key.
    QCOMPARE(post(u"/v1/chat/completions"_s, variant).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(post(u"/v1/chat/completions"_s, base).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(2));
}

void TestResponseCaching::keysNeverShareEntries()
{
    QVERIFY(startGateway(CachingOn, true));
    const QJsonObject body = chat(u"shared question"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(AliceKey)).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(BobKey)).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(2));
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(AliceKey)).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(BobKey)).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(2));
    // A wrong key gets its 401, not someone's cached answer.
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer("sk-nobody")).status, 401);

    // Clearing one key's scope leaves the other's.
    const HttpResponse cleared = admin("DELETE", u"/api/v1/cache?key=alice"_s);
    QVERIFY2(cleared.status == 200, qPrintable(cleared.describe()));
    QCOMPARE(cleared.json().value(u"cleared"_s).toInt(), 1);
    QCOMPARE(cleared.json().value(u"scope"_s).toString(), u"key:alice"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(AliceKey)).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body, bearer(BobKey)).header("x-llmproxy-cache"), QByteArray("hit"));
}

void TestResponseCaching::noCacheAndNoStore()
{
    QVERIFY(startGateway(CachingOn));
    const QJsonObject body = chat(u"cache control"_s);
    const HeaderList noStore{{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}};
    const HeaderList noCache{{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("max-age=0, No-Cache")}};

    // no-store: neither read nor kept.
    QCOMPARE(post(u"/v1/chat/completions"_s, body, noStore).header("x-llmproxy-cache"), QByteArray("bypass"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(2));
    // Stored now; no-store does not read it either.
    QCOMPARE(post(u"/v1/chat/completions"_s, body, noStore).header("x-llmproxy-cache"), QByteArray("bypass"));
    QCOMPARE(upstreamRequests(), qint64(3));
    // no-cache: asks the provider although an entry exists, and keeps the fresh answer.
    QCOMPARE(post(u"/v1/chat/completions"_s, body, noCache).header("x-llmproxy-cache"), QByteArray("bypass"));
    QCOMPARE(upstreamRequests(), qint64(4));
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(4));

    // no-cache on an empty cache stores the answer for the next request.
    const QJsonObject other = chat(u"another question"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, other, noCache).header("x-llmproxy-cache"), QByteArray("bypass"));
    QCOMPARE(post(u"/v1/chat/completions"_s, other).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(5));
    QCOMPARE(admin("GET", u"/api/v1/cache"_s).json().value(u"bypasses"_s).toInt(), 4);
}

void TestResponseCaching::entriesExpire()
{
    QVERIFY(startGateway(CachingOn));
    const QJsonObject body = chat(u"short lived"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    m_nowMs.fetch_add(59'999);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("hit"));
    m_nowMs.fetch_add(1);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(2));
    QCOMPARE(admin("GET", u"/api/v1/cache"_s).json().value(u"expirations"_s).toInt(), 1);
}

void TestResponseCaching::streamReplayedByteForByte()
{
    QVERIFY(startGateway(CachingOn));
    const QJsonObject streamed = chat(u"tell me a story in seven short words"_s, true);
    const HttpResponse first = post(u"/v1/chat/completions"_s, streamed);
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    QCOMPARE(first.header("x-llmproxy-cache"), QByteArray("miss"));
    const HttpResponse second = post(u"/v1/chat/completions"_s, streamed);
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    QCOMPARE(second.header("x-llmproxy-cache"), QByteArray("hit"));
    QVERIFY(second.header("content-type").startsWith("text/event-stream"));
    QCOMPARE(second.body, first.body);
    QVERIFY(second.body.endsWith("data: [DONE]\n\n"));
    QCOMPARE(streamedChatContent(second.body), u"tell me a story in seven short words"_s);
    QCOMPARE(upstreamRequests(), qint64(1));
    QVERIFY(record(second.header("x-llmproxy-request-id")).stream);

    // The same request without streaming has its own entry.
    const HttpResponse plain = post(u"/v1/chat/completions"_s, chat(u"tell me a story in seven short words"_s));
    QCOMPARE(plain.header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(chatContent(plain.json()), u"tell me a story in seven short words"_s);
    QCOMPARE(upstreamRequests(), qint64(2));
}

void TestResponseCaching::errorsAndBrokenStreamsAreNotStored()
{
    QVERIFY(startGateway(CachingOn));
    // An error answer: asked again, the provider is asked again.
    QVERIFY(m_mock.script(QJsonObject{{u"status"_s, 400}}));
    const QJsonObject body = chat(u"refused once"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).status, 400);
    const HttpResponse retried = post(u"/v1/chat/completions"_s, body);
    QCOMPARE(retried.status, 200);
    QCOMPARE(retried.header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(2));

    // A stream the upstream breaks off: the client gets what came and an error, nothing is kept.
    QVERIFY(m_mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 400}}));
    const QJsonObject streamed = chat(u"one two three four five six seven eight nine ten eleven twelve"_s, true);
    const HttpResponse broken = post(u"/v1/chat/completions"_s, streamed);
    QCOMPARE(broken.status, 200);
    QVERIFY2(broken.body.contains("\"error\""), broken.body.constData());
    const HttpResponse whole = post(u"/v1/chat/completions"_s, streamed);
    QCOMPARE(whole.header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(streamedChatContent(whole.body), u"one two three four five six seven eight nine ten eleven twelve"_s);
    QCOMPARE(upstreamRequests(), qint64(4));
    QCOMPARE(post(u"/v1/chat/completions"_s, streamed).header("x-llmproxy-cache"), QByteArray("hit"));

    // A stream that carries an error event is not a complete answer either.
    QVERIFY(m_mock.script(
        QJsonObject{{u"events"_s, QJsonArray{QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"overloaded"_s},
                                                                                  {u"type"_s, u"server_error"_s},
                                                                                  {u"code"_s, u"overloaded"_s}}}},
                                             u"[DONE]"_s}}}));
    const QJsonObject failing = chat(u"fails midway"_s, true);
    QCOMPARE(post(u"/v1/chat/completions"_s, failing).status, 200);
    QCOMPARE(post(u"/v1/chat/completions"_s, failing).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(6));
}

void TestResponseCaching::anthropicAndResponsesClients()
{
    QVERIFY(startGateway(CachingOn));
    const QJsonObject messages{
        {u"model"_s, Model},
        {u"max_tokens"_s, 64},
        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello from claude"_s}}}}};
    for (const bool stream : {false, true}) {
        const QJsonObject request = with(messages, u"stream"_s, stream);
        const HttpResponse first = post(u"/v1/messages"_s, request);
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QCOMPARE(first.header("x-llmproxy-cache"), QByteArray("miss"));
        const HttpResponse second = post(u"/v1/messages"_s, request);
        QCOMPARE(second.header("x-llmproxy-cache"), QByteArray("hit"));
        QVERIFY(second.body.contains("hello from claude") || second.body.contains("claude"));
        if (stream)
            QVERIFY(second.body.contains("event: message_stop"));
        else
            QCOMPARE(second.json().value(u"type"_s).toString(), u"message"_s);
    }
    // A different anthropic-beta header is a different request.
    const HttpResponse beta =
        post(u"/v1/messages"_s, messages, {{QByteArrayLiteral("anthropic-beta"), QByteArrayLiteral("some-beta-2025")}});
    QCOMPARE(beta.header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(upstreamRequests(), qint64(3));

    const QJsonObject responses{{u"model"_s, Model}, {u"input"_s, u"hello from codex"_s}};
    for (const bool stream : {false, true}) {
        const QJsonObject request = with(responses, u"stream"_s, stream);
        const HttpResponse first = post(u"/v1/responses"_s, request);
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QCOMPARE(first.header("x-llmproxy-cache"), QByteArray("miss"));
        const HttpResponse second = post(u"/v1/responses"_s, request);
        QCOMPARE(second.header("x-llmproxy-cache"), QByteArray("hit"));
        QVERIFY(second.body.contains("hello from codex"));
        if (stream)
            QVERIFY(second.body.contains("response.completed"));
    }
    QCOMPARE(upstreamRequests(), qint64(5));
}

void TestResponseCaching::hitsAreSignedAfresh()
{
    QVERIFY(startGateway(CachingOn + "security:\n  response_signing:\n    secret: cache-test-signing-key\n"));
    const QJsonObject body = chat(u"signed answer"_s);
    const HttpResponse first = post(u"/v1/chat/completions"_s, body);
    const HttpResponse second = post(u"/v1/chat/completions"_s, body);
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    QCOMPARE(second.header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(1));
    QVERIFY(!first.header("x-llmproxy-signature").isEmpty());
    QVERIFY(!second.header("x-llmproxy-signature").isEmpty());
    // Signed for its own request, not the one that stored the answer.
    QCOMPARE(second.header("x-llmproxy-signed-request-id"), second.header("x-llmproxy-request-id"));
    QVERIFY(second.header("x-llmproxy-signature") != first.header("x-llmproxy-signature"));
}

void TestResponseCaching::maskedValuesAreRestoredPerRequest()
{
    // The provider reads "[EMAIL_1]" either way, so both requests have one key; each client gets
    // the answer with its own address put back, never the other's.
    QVERIFY(startGateway(CachingOn));
    const HttpResponse alice = post(u"/v1/chat/completions"_s, chat(u"write to alice@example.com today"_s));
    QVERIFY2(alice.status == 200, qPrintable(alice.describe()));
    QCOMPARE(chatContent(alice.json()), u"write to alice@example.com today"_s);
    const QList<MockRequest> seen = m_mock.inferenceRequests();
    QCOMPARE(seen.size(), 1);
    QVERIFY2(!seen[0].body.contains("alice@example.com"), seen[0].body.constData());

    const HttpResponse bob = post(u"/v1/chat/completions"_s, chat(u"write to bob@example.org today"_s));
    QVERIFY2(bob.status == 200, qPrintable(bob.describe()));
    QCOMPARE(bob.header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(chatContent(bob.json()), u"write to bob@example.org today"_s);
    QVERIFY(!bob.body.contains("alice"));
    QCOMPARE(upstreamRequests(), qint64(1));
}

void TestResponseCaching::blockedAnswersAreNotStored()
{
    // The mock repeats the user's message, which here repeats the operator's system prompt: the
    // prompt-leak guard stops the answer, and a stopped answer is never kept.
    QVERIFY(startGateway(CachingOn));
    const QString prompt = u"You are Orion, the support assistant of Quasar Logistics. Answer questions about parcel "
                           u"tracking, delivery windows, customs forms and refunds. Never discuss internal pricing "
                           u"tiers, the warehouse rota or the names of the staff on duty."_s;
    const QJsonObject body{{u"model"_s, Model},
                           {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, prompt}},
                                                      QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}}};
    for (int i = 1; i <= 2; ++i) {
        const HttpResponse r = post(u"/v1/chat/completions"_s, body);
        QVERIFY2(r.status == 403, qPrintable(r.describe()));
        QVERIFY2(r.body.contains("system_prompt_leak"), r.body.constData());
        QCOMPARE(r.header("x-llmproxy-cache"), QByteArray("miss"));
        QCOMPARE(upstreamRequests(), qint64(i));
    }
    QCOMPARE(admin("GET", u"/api/v1/cache"_s).json().value(u"entries"_s).toInt(), 0);
}

void TestResponseCaching::oversizeAnswersAreNotStored()
{
    QVERIFY(startGateway("caching:\n  enabled: true\n  max_entry_bytes: 64\n"));
    const QJsonObject body = chat(u"an answer longer than sixty-four bytes once it is wrapped in JSON"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    const QJsonObject stats = admin("GET", u"/api/v1/cache"_s).json();
    QCOMPARE(stats.value(u"oversize"_s).toInt(), 2);
    QCOMPARE(stats.value(u"entries"_s).toInt(), 0);
}

void TestResponseCaching::adminApiShowsAndClears()
{
    QVERIFY(startGateway(CachingOn));
    post(u"/v1/chat/completions"_s, chat(u"first"_s));
    post(u"/v1/chat/completions"_s, chat(u"second"_s));
    post(u"/v1/chat/completions"_s, chat(u"first"_s));
    const HttpResponse stats = admin("GET", u"/api/v1/cache"_s);
    QVERIFY2(stats.status == 200, qPrintable(stats.describe()));
    const QJsonObject s = stats.json();
    QCOMPARE(s.value(u"enabled"_s).toBool(), true);
    QCOMPARE(s.value(u"ttl"_s).toInt(), 60);
    QCOMPARE(s.value(u"entries"_s).toInt(), 2);
    QCOMPARE(s.value(u"stores"_s).toInt(), 2);
    QCOMPARE(s.value(u"hits"_s).toInt(), 1);
    QCOMPARE(s.value(u"misses"_s).toInt(), 2);
    QCOMPARE(s.value(u"hit_ratio"_s).toDouble(), 1.0 / 3.0);
    QVERIFY(s.value(u"bytes"_s).toInt() > 0);
    const QJsonArray scopes = s.value(u"scopes"_s).toArray();
    QCOMPARE(scopes.size(), 1);
    QCOMPARE(scopes[0].toObject().value(u"scope"_s).toString(), u"anonymous"_s);

    const HttpResponse health = HttpClient::get(QUrl(m_engine->listenUrl() + u"/health"_s));
    QCOMPARE(health.json().value(u"cache"_s).toObject().value(u"entries"_s).toInt(), 2);

    QCOMPARE(admin("POST", u"/api/v1/cache"_s).status, 405);
    QCOMPARE(admin("DELETE", u"/api/v1/cache?key="_s).status, 400);
    const HttpResponse cleared = admin("DELETE", u"/api/v1/cache"_s);
    QVERIFY2(cleared.status == 200, qPrintable(cleared.describe()));
    QCOMPARE(cleared.json().value(u"cleared"_s).toInt(), 2);
    QCOMPARE(post(u"/v1/chat/completions"_s, chat(u"first"_s)).header("x-llmproxy-cache"), QByteArray("miss"));
    // Without an admin key there is nothing to see.
    QCOMPARE(HttpClient::get(QUrl(m_engine->listenUrl() + u"/api/v1/cache"_s)).status, 401);
}

void TestResponseCaching::reloadAppliesTheSection()
{
    QVERIFY(startGateway(CachingOn));
    const QJsonObject body = chat(u"reloaded"_s);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    m_nowMs.fetch_add(2'000);
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("hit"));

    const auto rewrite = [this](QByteArrayView from, QByteArrayView to) {
        QFile file(QDir(m_dir->path()).filePath(u"config.yaml"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QVERIFY(text.contains(from));
        text.replace(from.toByteArray(), to.toByteArray());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(text), text.size());
        file.close();
        QString message;
        QVERIFY2(m_engine->reload(&message), qPrintable(message));
    };
    // A shorter TTL applies to what is stored already: the entry is two seconds old.
    rewrite("  ttl: 60\n", "  ttl: 1\n");
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(upstreamRequests(), qint64(2));

    // Switched off: nothing is looked up, and the memory is given back.
    rewrite("caching:\n  enabled: true", "caching:\n  enabled: false");
    QCOMPARE(post(u"/v1/chat/completions"_s, body).header("x-llmproxy-cache"), QByteArray("off"));
    QCOMPARE(upstreamRequests(), qint64(3));
    const QJsonObject stats = admin("GET", u"/api/v1/cache"_s).json();
    QCOMPARE(stats.value(u"enabled"_s).toBool(), false);
    QCOMPARE(stats.value(u"entries"_s).toInt(), 0);
}

qint64 TestResponseCaching::keptRows() const
{
    const QString name = u"kept-rows"_s;
    qint64 rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(QDir(m_dir->path()).filePath(u"llmproxy.db"_s));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT COUNT(*) FROM response_cache"_s) && q.next())
                rows = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

void TestResponseCaching::entriesOutliveARestartWithAStore()
{
    QVERIFY(startGateway(CachingOn, false, true));
    const QJsonObject plain = chat(u"kept across a restart"_s);
    const QJsonObject streamed = chat(u"streamed and kept"_s, true);
    const HttpResponse first = post(u"/v1/chat/completions"_s, plain);
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    QCOMPARE(first.header("x-llmproxy-cache"), QByteArray("miss"));
    const HttpResponse firstStream = post(u"/v1/chat/completions"_s, streamed);
    QVERIFY2(firstStream.status == 200, qPrintable(firstStream.describe()));
    QCOMPARE(upstreamRequests(), qint64(2));
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    QCOMPARE(keptRows(), qint64(2));

    // A new process: the entries come back from the store, and no request reaches the provider.
    QVERIFY(startGateway(CachingOn, false, true));
    QVERIFY(QTest::qWaitFor([this] { return admin("GET", u"/api/v1/cache"_s).json().value(u"entries"_s).toInt() == 2; },
                            10'000));
    const HttpResponse again = post(u"/v1/chat/completions"_s, plain);
    QVERIFY2(again.status == 200, qPrintable(again.describe()));
    QCOMPARE(again.header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(again.body, first.body);
    const HttpResponse againStream = post(u"/v1/chat/completions"_s, streamed);
    QCOMPARE(againStream.header("x-llmproxy-cache"), QByteArray("hit"));
    QCOMPARE(againStream.body, firstStream.body);
    QCOMPARE(upstreamRequests(), qint64(2));

    // Clearing the cache clears what is kept: the next start has nothing to restore.
    QCOMPARE(admin("DELETE", u"/api/v1/cache"_s).json().value(u"cleared"_s).toInt(), 2);
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    QCOMPARE(keptRows(), qint64(0));
}

void TestResponseCaching::persistOffKeepsNothing()
{
    QVERIFY(startGateway(CachingOn, false, true));
    QCOMPARE(post(u"/v1/chat/completions"_s, chat(u"kept once"_s)).header("x-llmproxy-cache"), QByteArray("miss"));
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    QCOMPARE(keptRows(), qint64(1));

    // With persist off, the rows an earlier run kept are deleted at start and nothing comes back.
    QVERIFY(startGateway(CachingOn + "  persist: false\n", false, true));
    QCOMPARE(post(u"/v1/chat/completions"_s, chat(u"kept once"_s)).header("x-llmproxy-cache"), QByteArray("miss"));
    QCOMPARE(post(u"/v1/chat/completions"_s, chat(u"kept once"_s)).header("x-llmproxy-cache"), QByteArray("hit"));
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    QCOMPARE(keptRows(), qint64(0));
}

QTEST_GUILESS_MAIN(TestResponseCaching)
#include "tst_responsecaching.moc"

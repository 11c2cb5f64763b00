// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: routing changed at run time through the admin API — GET /api/v1/routing lists config.yaml's
// aliases and chains with their source; an alias set at run time serves requests at once and a removed
// one no longer does (also one from config.yaml); a fallback chain set at run time is taken when the
// model's own endpoint fails; a route override per client API sends every Anthropic Messages request
// to the chosen model and endpoint while Chat Completions requests go where they ask, and embeddings
// are never overridden; a client key restricted to other models is not moved; 400 for bad entries
// and 405/404 for bad routes; everything survives a restart on the same data directory and
// POST /api/v1/routing/reset drops it.
#include "tests/support/gatewayfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kInferenceKey = "sk-routing-inference";
constexpr const char *kNarrowKey = "sk-routing-narrow";
constexpr const char *kAdminKey = "sk-routing-admin";

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorCode(const HttpResponse &r)
{
    return r.json().value("error"_L1).toObject().value("code"_L1).toString().toUtf8();
}

QByteArray messagesRequest(const QString &model)
{
    return json({{u"model"_s, model},
                 {u"max_tokens"_s, 64},
                 {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello"_s}}}}});
}

/// The entry named `name` under `list` ("model_aliases" by "name", "fallback_chains" by "model").
QJsonObject entry(const HttpResponse &routing, const char *list, const char *key, const QString &name)
{
    for (const QJsonValue v : routing.json().value(QLatin1String(list)).toArray()) {
        if (v.toObject().value(QLatin1String(key)).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestRoutingOverlay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listsConfiguredRouting();
    void aliasSetAndRemovedAtRunTime();
    void fallbackChainSetAtRunTime();
    void clientRouteMovesOneClientApi();
    void clientRouteKeepsARestrictedKey();
    void badEntriesAre400_data();
    void badEntriesAre400();
    void survivesARestartAndReset();

private:
    HttpResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {}) const;
    HttpResponse chat(const QString &model, const char *key = kInferenceKey) const;
    HttpResponse messages(const QString &model) const;

    GatewayFixture m_gateway;
};

HttpResponse TestRoutingOverlay::admin(const QByteArray &method, const QString &path, const QByteArray &body) const
{
    HeaderList h = bearer(kAdminKey);
    if (!body.isEmpty())
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return HttpClient::request(method, m_gateway.url(path), h, body);
}

HttpResponse TestRoutingOverlay::chat(const QString &model, const char *key) const
{
    return m_gateway.post(u"/v1/chat/completions"_s, chatRequest(model, u"hello"_s), bearer(key));
}

HttpResponse TestRoutingOverlay::messages(const QString &model) const
{
    HeaderList h{
        {"x-api-key", kInferenceKey}, {"anthropic-version", "2023-06-01"}, {"content-type", "application/json"}};
    return HttpClient::request("POST", m_gateway.url(u"/v1/messages"_s), h, messagesRequest(model));
}

void TestRoutingOverlay::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    EndpointSpec second = m_gateway.mockEndpoint();
    second.id = u"second"_s;
    second.models = {u"second-model"_s, u"mock-embed"_s};
    second.priority = 10;
    m_gateway.config.endpoints = {m_gateway.mockEndpoint(), second};
    m_gateway.config.serverYaml = "  auth:\n    keys:\n      - {name: wide, key_env: WIDE_KEY}\n"
                                  "      - {name: narrow, key_env: NARROW_KEY, models: [mock-chat]}\n";
    m_gateway.options.env.insert(u"WIDE_KEY"_s, QString::fromLatin1(kInferenceKey));
    m_gateway.options.env.insert(u"NARROW_KEY"_s, QString::fromLatin1(kNarrowKey));
    m_gateway.config.extraYaml = "model_aliases:\n  fast: mock-chat\n"
                                 "fallback_chains:\n  mock-chat:\n    - {endpoint: second, model: second-model}\n";
    m_gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestRoutingOverlay::init()
{
    QCOMPARE(admin("POST", u"/api/v1/routing/reset"_s).status, 200);
    QVERIFY(m_gateway.mock.reset());
}

void TestRoutingOverlay::listsConfiguredRouting()
{
    const HttpResponse r = admin("GET", u"/api/v1/routing"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QJsonObject fast = entry(r, "model_aliases", "name", u"fast"_s);
    QCOMPARE(fast.value("target"_L1).toString(), u"mock-chat"_s);
    QCOMPARE(fast.value("source"_L1).toString(), u"config"_s);
    const QJsonObject chain = entry(r, "fallback_chains", "model", u"mock-chat"_s);
    QCOMPARE(chain.value("hops"_L1).toArray().first().toObject().value("endpoint"_L1).toString(), u"second"_s);
    const QJsonObject routes = r.json().value("client_routes"_L1).toObject();
    QCOMPARE(routes.keys(), (QStringList{u"chat_completions"_s, u"messages"_s, u"responses"_s}));
    QVERIFY(routes.value("messages"_L1).isNull());
}

void TestRoutingOverlay::aliasSetAndRemovedAtRunTime()
{
    QCOMPARE(chat(u"smart"_s).status, 404);
    const HttpResponse set = admin("PUT", u"/api/v1/routing/aliases/smart"_s, json({{u"target"_s, u"second-model"_s}}));
    QVERIFY2(set.status == 200, qPrintable(set.describe()));
    QCOMPARE(entry(set, "model_aliases", "name", u"smart"_s).value("source"_L1).toString(), u"runtime"_s);
    const HttpResponse served = chat(u"smart"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(served.header("x-llmproxy-endpoint"), QByteArray("second"));

    // A pattern alias, then both removed; config.yaml's "fast" can be removed at run time too.
    QCOMPARE(admin("PUT", u"/api/v1/routing/aliases/claude-%2A"_s, json({{u"target"_s, u"mock-chat"_s}})).status, 200);
    QCOMPARE(chat(u"claude-anything"_s).status, 200);
    QCOMPARE(admin("DELETE", u"/api/v1/routing/aliases/smart"_s).status, 200);
    QCOMPARE(admin("DELETE", u"/api/v1/routing/aliases/fast"_s).status, 200);
    QCOMPARE(chat(u"smart"_s).status, 404);
    QCOMPARE(chat(u"fast"_s).status, 404);
    QCOMPARE(chat(u"claude-anything"_s).status, 200);
    QVERIFY(entry(admin("GET", u"/api/v1/routing"_s), "model_aliases", "name", u"fast"_s).isEmpty());
    // What is kept: the run-time "claude-*", the removal of config.yaml's "fast", and nothing of the
    // run-time "smart" (a removal of it would hide an alias of that name added to config.yaml later).
    const QByteArray kept = savedRuntimeState(m_gateway.proxy.dataDir(), u"routing"_s, [](const QJsonObject &o) {
        return o.value("model_aliases"_L1).toObject().keys() == QStringList{u"claude-*"_s, u"fast"_s};
    });
    const QJsonObject aliases = QJsonDocument::fromJson(kept).object().value("model_aliases"_L1).toObject();
    QCOMPARE(aliases.keys(), (QStringList{u"claude-*"_s, u"fast"_s}));
    QVERIFY(aliases.value("fast"_L1).isNull());

    // Removing what is not there is a 404 that names the entry, not a silent success.
    for (const QString &path : {u"/api/v1/routing/aliases/smart"_s, u"/api/v1/routing/fallbacks/nothing"_s,
                                u"/api/v1/routing/client-routes/messages"_s}) {
        const HttpResponse gone = admin("DELETE", path);
        QVERIFY2(gone.status == 404, qPrintable(path + u": "_s + gone.describe()));
        QCOMPARE(gone.json().value("error"_L1).toObject().value("code"_L1).toString(), u"unknown_routing_entry"_s);
    }
}

void TestRoutingOverlay::fallbackChainSetAtRunTime()
{
    // second-model has no chain: when its endpoint fails, the request fails.
    const QJsonArray failures{QJsonObject{{u"status"_s, 500}}, QJsonObject{{u"status"_s, 500}},
                              QJsonObject{{u"status"_s, 500}}};
    QVERIFY(m_gateway.mock.script(failures));
    QCOMPARE(chat(u"second-model"_s).status, 500);
    QVERIFY(m_gateway.mock.reset());
    const HttpResponse set =
        admin("PUT", u"/api/v1/routing/fallbacks/second-model"_s,
              json({{u"hops"_s, QJsonArray{QJsonObject{{u"endpoint"_s, u"mock"_s}, {u"model"_s, u"mock-chat"_s}}}}}));
    QVERIFY2(set.status == 200, qPrintable(set.describe()));
    QVERIFY(m_gateway.mock.script(failures.first().toObject()));
    const HttpResponse served = chat(u"second-model"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(served.header("x-llmproxy-endpoint"), QByteArray("mock"));
}

void TestRoutingOverlay::clientRouteMovesOneClientApi()
{
    QCOMPARE(messages(u"claude-sonnet-4-5"_s).status, 404);
    const HttpResponse set = admin("PUT", u"/api/v1/routing/client-routes/messages"_s,
                                   json({{u"model"_s, u"mock-chat"_s}, {u"endpoint"_s, u"second"_s}}));
    QVERIFY2(set.status == 200, qPrintable(set.describe()));
    QCOMPARE(set.json().value("client_routes"_L1).toObject().value("messages"_L1).toObject().value("endpoint"_L1),
             QJsonValue(u"second"_s));

    // Whatever Claude Code asks for goes to mock-chat, on the pinned endpoint first.
    const HttpResponse moved = messages(u"claude-sonnet-4-5"_s);
    QVERIFY2(moved.status == 200, qPrintable(moved.describe()));
    QCOMPARE(moved.header("x-llmproxy-endpoint"), QByteArray("second"));
    QCOMPARE(m_gateway.mock.inferenceRequests().last().json().value("model"_L1).toString(), u"mock-chat"_s);
    // Other client APIs go where they ask.
    QCOMPARE(chat(u"claude-sonnet-4-5"_s).status, 404);
    const HttpResponse own = chat(u"mock-chat"_s);
    QCOMPARE(own.header("x-llmproxy-endpoint"), QByteArray("mock"));

    // A Chat Completions override never touches embeddings.
    QCOMPARE(admin("PUT", u"/api/v1/routing/client-routes/chat_completions"_s, json({{u"model"_s, u"second-model"_s}}))
                 .status,
             200);
    const HttpResponse chatMoved = chat(u"whatever"_s);
    QVERIFY2(chatMoved.status == 200, qPrintable(chatMoved.describe()));
    QCOMPARE(chatMoved.header("x-llmproxy-endpoint"), QByteArray("second"));
    const HttpResponse embed =
        m_gateway.post(u"/v1/embeddings"_s, QJsonObject{{u"model"_s, u"mock-embed"_s}, {u"input"_s, u"text"_s}},
                       bearer(kInferenceKey));
    QVERIFY2(embed.status == 200, qPrintable(embed.describe()));
    QCOMPARE(m_gateway.mock.requests().last().json().value("model"_L1).toString(), u"mock-embed"_s);

    // An override whose model nothing serves is passed over: requests go where they ask.
    QCOMPARE(
        admin("PUT", u"/api/v1/routing/client-routes/chat_completions"_s, json({{u"model"_s, u"gone-model"_s}})).status,
        200);
    QCOMPARE(chat(u"mock-chat"_s).status, 200);
    QCOMPARE(admin("DELETE", u"/api/v1/routing/client-routes/messages"_s).status, 200);
    QCOMPARE(messages(u"claude-sonnet-4-5"_s).status, 404);
}

void TestRoutingOverlay::clientRouteKeepsARestrictedKey()
{
    QCOMPARE(admin("PUT", u"/api/v1/routing/client-routes/chat_completions"_s, json({{u"model"_s, u"second-model"_s}}))
                 .status,
             200);
    // The narrow key may use mock-chat only: its request is not moved to second-model.
    const HttpResponse narrow = chat(u"mock-chat"_s, kNarrowKey);
    QVERIFY2(narrow.status == 200, qPrintable(narrow.describe()));
    QCOMPARE(narrow.header("x-llmproxy-endpoint"), QByteArray("mock"));
    QCOMPARE(m_gateway.mock.inferenceRequests().last().json().value("model"_L1).toString(), u"mock-chat"_s);
    QCOMPARE(chat(u"mock-chat"_s).header("x-llmproxy-endpoint"), QByteArray("second"));
}

void TestRoutingOverlay::badEntriesAre400_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("alias without target")
        << QByteArray("PUT") << u"/api/v1/routing/aliases/x"_s << QByteArray("{}") << 400;
    QTest::newRow("alias to a pattern") << QByteArray("PUT") << u"/api/v1/routing/aliases/x"_s
                                        << QByteArray(R"({"target":"gpt-*"})") << 400;
    QTest::newRow("alias to itself") << QByteArray("PUT") << u"/api/v1/routing/aliases/x"_s
                                     << QByteArray(R"({"target":"x"})") << 400;
    QTest::newRow("alias with a space") << QByteArray("PUT") << u"/api/v1/routing/aliases/a%20b"_s
                                        << QByteArray(R"({"target":"x"})") << 400;
    QTest::newRow("not JSON") << QByteArray("PUT") << u"/api/v1/routing/aliases/x"_s << QByteArray("{") << 400;
    QTest::newRow("duplicate key") << QByteArray("PUT") << u"/api/v1/routing/aliases/x"_s
                                   << QByteArray(R"({"target":"mock-chat","target":"second-model"})") << 400;
    QTest::newRow("chain without hops") << QByteArray("PUT") << u"/api/v1/routing/fallbacks/m"_s
                                        << QByteArray(R"({"hops":[]})") << 400;
    QTest::newRow("chain hops not a list")
        << QByteArray("PUT") << u"/api/v1/routing/fallbacks/m"_s << QByteArray(R"({"hops":"mock"})") << 400;
    QTest::newRow("hop without endpoint")
        << QByteArray("PUT") << u"/api/v1/routing/fallbacks/m"_s << QByteArray(R"({"hops":[{"model":"x"}]})") << 400;
    QTest::newRow("chain for a pattern") << QByteArray("PUT") << u"/api/v1/routing/fallbacks/m-%2A"_s
                                         << QByteArray(R"({"hops":[{"endpoint":"mock"}]})") << 400;
    QTest::newRow("unknown client API") << QByteArray("PUT") << u"/api/v1/routing/client-routes/embeddings"_s
                                        << QByteArray(R"({"model":"mock-chat"})") << 400;
    QTest::newRow("client route without model") << QByteArray("PUT") << u"/api/v1/routing/client-routes/messages"_s
                                                << QByteArray(R"({"endpoint":"mock"})") << 400;
    QTest::newRow("POST on an alias") << QByteArray("POST") << u"/api/v1/routing/aliases/x"_s
                                      << QByteArray(R"({"target":"y"})") << 405;
    QTest::newRow("POST on the listing") << QByteArray("POST") << u"/api/v1/routing"_s << QByteArray("{}") << 405;
    QTest::newRow("too deep") << QByteArray("PUT") << u"/api/v1/routing/aliases/x/y"_s
                              << QByteArray(R"({"target":"y"})") << 404;
}

void TestRoutingOverlay::badEntriesAre400()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    const QByteArray before = admin("GET", u"/api/v1/routing"_s).body;
    const HttpResponse r = admin(method, path, body);
    QVERIFY2(r.status == status, qPrintable(r.describe()));
    QVERIFY2(r.json().value("error"_L1).toObject().value("message"_L1).toString().size() > 10, r.body.constData());
    QCOMPARE(admin("GET", u"/api/v1/routing"_s).body, before); // nothing changed
    if (status == 400 && errorCode(r) != "invalid_json")
        QVERIFY2(!errorCode(r).isEmpty(), r.body.constData());
}

void TestRoutingOverlay::survivesARestartAndReset()
{
    GatewayFixture gateway;
    gateway.config = m_gateway.config;
    gateway.config.endpoints = {m_gateway.mockEndpoint()};
    EndpointSpec second = m_gateway.mockEndpoint();
    second.id = u"second"_s;
    second.models = {u"second-model"_s};
    gateway.config.endpoints.append(second);
    gateway.options.env = m_gateway.options.env;
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    const auto call = [](const ProxyProcess &proxy, const QByteArray &method, const QString &path,
                         const QByteArray &body = {}) {
        HeaderList h = bearer(kAdminKey);
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return HttpClient::request(method, proxy.url(path), h, body);
    };
    QCOMPARE(
        call(gateway.proxy, "PUT", u"/api/v1/routing/aliases/smart"_s, json({{u"target"_s, u"second-model"_s}})).status,
        200);
    QCOMPARE(call(gateway.proxy, "DELETE", u"/api/v1/routing/aliases/fast"_s).status, 200);
    QCOMPARE(
        call(gateway.proxy, "PUT", u"/api/v1/routing/client-routes/responses"_s, json({{u"model"_s, u"mock-chat"_s}}))
            .status,
        200);
    const QString dataDir = gateway.proxy.dataDir();
    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY(gateway.proxy.waitForExit(15'000));

    ProxyProcess restarted;
    ProxyOptions options = gateway.options;
    options.extraArgs << u"--data-dir"_s << dataDir;
    QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
    const HttpResponse routing = call(restarted, "GET", u"/api/v1/routing"_s);
    QCOMPARE(entry(routing, "model_aliases", "name", u"smart"_s).value("target"_L1).toString(), u"second-model"_s);
    QVERIFY(entry(routing, "model_aliases", "name", u"fast"_s).isEmpty());
    QCOMPARE(routing.json().value("client_routes"_L1).toObject().value("responses"_L1).toObject().value("model"_L1),
             QJsonValue(u"mock-chat"_s));
    QVERIFY2(restarted.stdErr().contains("routing:"), restarted.stdErr().constData());

    const HttpResponse reset = call(restarted, "POST", u"/api/v1/routing/reset"_s);
    QCOMPARE(reset.status, 200);
    QCOMPARE(entry(reset, "model_aliases", "name", u"fast"_s).value("source"_L1).toString(), u"config"_s);
    QVERIFY(entry(reset, "model_aliases", "name", u"smart"_s).isEmpty());
    QVERIFY(reset.json().value("client_routes"_L1).toObject().value("responses"_L1).isNull());
}

QTEST_GUILESS_MAIN(TestRoutingOverlay)
#include "tst_routingoverlay.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the admin API under /api/v1/ — closed (403) without LLM_PROXY_ADMIN_KEYS; 401 for a missing or
// wrong key and for an inference key, and an admin key does not authorise inference; the registry
// listing (every endpoint, its breaker and statistics); adding an endpoint and routing to it, its key
// from api_key_env or api_key; 409 for a duplicate id or a configured endpoint's removal; 400 for bad
// bodies; deleting; toggling an endpoint off while a slow stream on it goes on to the end, new requests
// going elsewhere; toggles and added endpoints surviving SIGHUP; the kill switch (503 panic_mode at the
// very next request, health and the admin API still up, release); pausing; no secret in any admin
// answer or log line, and every admin action logged with the key's fingerprint.
#include "tests/support/gatewayfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kInferenceKey = "sk-inference-key-4711";
constexpr const char *kAdminKey = "sk-admin-key-0815";
constexpr const char *kBackupKey = "sk-backup-secret";
constexpr const char *kSecondKey = "sk-second-upstream-secret";
constexpr const char *kLiteralKey = "sk-literal-admin-secret";

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorCode(const HttpResponse &r)
{
    return r.json().value("error"_L1).toObject().value("code"_L1).toString().toUtf8();
}

/// The registry entry of `id` in a GET /api/v1/registry answer; empty when it is not listed.
QJsonObject entryOf(const HttpResponse &registry, const QString &id)
{
    for (const QJsonValue v : registry.json().value("endpoints"_L1).toArray()) {
        if (v.toObject().value("id"_L1).toString() == id)
            return v.toObject();
    }
    return {};
}

QStringList idsOf(const HttpResponse &registry)
{
    QStringList ids;
    for (const QJsonValue v : registry.json().value("endpoints"_L1).toArray())
        ids.append(v.toObject().value("id"_L1).toString());
    return ids;
}

} // namespace

class TestAdminApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void adminApiIsClosedWithoutAdminKeys();
    void adminKeyRequired_data();
    void adminKeyRequired();
    void adminKeyDoesNotAuthoriseInference();
    void versionAndUnknownRoutes();
    void listShowsEveryEndpoint();
    void addedEndpointServesRequests();
    void duplicateIdIs409();
    void configuredEndpointIsNotRemovable();
    void invalidEndpointIs400_data();
    void invalidEndpointIs400();
    void toggleOffDrainsWithoutDroppingTheStream();
    void toggleOfUnknownEndpointIs404();
    void patchReordersConfiguredEndpoints();
    void patchOfConfiguredEndpointTakesOnlyItsOrder();
    void patchChangesAnAddedEndpoint();
    void probeAndResetBreaker();
    void togglesAndAddedEndpointsSurviveReload();
    void togglesAndAddedEndpointsSurviveARestart();
    void panicRefusesTheNextRequest();
    void proxyToggle();
    void secretsNeverLeave();

private:
    HttpResponse admin(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const HeaderList &headers = bearer(kAdminKey)) const;
    HttpResponse chat(const QString &model, const QString &text) const;
    QByteArray lastUpstreamAuthorization() const;

    GatewayFixture m_gateway;
};

HttpResponse TestAdminApi::admin(const QByteArray &method, const QString &path, const QByteArray &body,
                                 const HeaderList &headers) const
{
    HeaderList h = headers;
    if (!body.isEmpty())
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return HttpClient::request(method, m_gateway.url(path), h, body);
}

HttpResponse TestAdminApi::chat(const QString &model, const QString &text) const
{
    return m_gateway.post(u"/v1/chat/completions"_s, chatRequest(model, text), bearer(kInferenceKey));
}

QByteArray TestAdminApi::lastUpstreamAuthorization() const
{
    const QList<MockRequest> requests = m_gateway.mock.inferenceRequests();
    return requests.isEmpty() ? QByteArray() : requests.last().header("authorization");
}

void TestAdminApi::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    EndpointSpec backup;
    backup.id = u"backup"_s;
    backup.baseUrl = m_gateway.mock.baseUrl();
    backup.models = {u"backup-model"_s, u"mock-chat"_s};
    backup.apiKey = QString::fromLatin1(kBackupKey);
    backup.priority = 10;
    m_gateway.config.endpoints = {m_gateway.mockEndpoint(), backup};
    m_gateway.options.env.insert(u"LLM_PROXY_API_KEYS"_s, QString::fromLatin1(kInferenceKey));
    m_gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    m_gateway.options.env.insert(u"SECOND_UPSTREAM_KEY"_s, QString::fromLatin1(kSecondKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestAdminApi::init()
{
    // Every test starts from the configured state, whatever the one before left behind.
    QCOMPARE(admin("POST", u"/api/v1/panic"_s, "{\"enabled\":false}"_ba).status, 200);
    QCOMPARE(admin("POST", u"/api/v1/proxy/toggle"_s, "{\"paused\":false}"_ba).status, 200);
    QCOMPARE(admin("POST", u"/api/v1/registry/mock/toggle"_s, "{\"enabled\":true}"_ba).status, 200);
    QCOMPARE(admin("POST", u"/api/v1/registry/backup/toggle"_s, "{\"enabled\":true}"_ba).status, 200);
    for (const QString &id : {u"mock"_s, u"backup"_s})
        QCOMPARE(admin("PATCH", u"/api/v1/registry/"_s + id, "{\"priority\":null,\"weight\":null}"_ba).status, 200);
    for (const QString &id : {u"added"_s, u"literal"_s}) {
        const int status = admin("DELETE", u"/api/v1/registry/"_s + id).status;
        QVERIFY(status == 200 || status == 404);
    }
    QVERIFY(m_gateway.mock.reset());
}

void TestAdminApi::adminApiIsClosedWithoutAdminKeys()
{
    GatewayFixture closed;
    closed.options.env.insert(u"LLM_PROXY_API_KEYS"_s, QString::fromLatin1(kInferenceKey));
    QString error;
    QVERIFY2(closed.start(&error), qPrintable(error));
    for (const auto &[method, path] : QList<QPair<QByteArray, QString>>{{"GET", u"/api/v1/registry"_s},
                                                                        {"POST", u"/api/v1/panic"_s},
                                                                        {"GET", u"/api/v1/version"_s},
                                                                        {"GET", u"/api/v1/no-such-route"_s}}) {
        for (const HeaderList &headers : {HeaderList(), bearer(kInferenceKey), bearer(kAdminKey)}) {
            const HttpResponse r = HttpClient::request(method, closed.url(path), headers);
            QVERIFY2(r.status == 403, qPrintable(r.describe()));
            QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
            QCOMPARE(errorCode(r), QByteArray("admin_disabled"));
            QVERIFY2(r.body.contains("admin API disabled: set LLM_PROXY_ADMIN_KEYS"), r.body.constData());
        }
    }
    // The refused panic did not engage anything.
    const HttpResponse r = closed.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"still served"_s),
                                       bearer(kInferenceKey));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(chatContent(r.json()), u"still served"_s);
}

void TestAdminApi::adminKeyRequired_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<HeaderList>("headers");
    const QList<QPair<QByteArray, QString>> routes{{"GET", u"/api/v1/registry"_s},
                                                   {"POST", u"/api/v1/panic"_s},
                                                   {"POST", u"/api/v1/proxy/toggle"_s},
                                                   {"POST", u"/api/v1/registry/mock/toggle"_s},
                                                   {"DELETE", u"/api/v1/registry/mock"_s},
                                                   {"GET", u"/api/v1/no-such-route"_s}};
    for (const auto &[method, path] : routes) {
        const QByteArray name = method + ' ' + path.toUtf8();
        QTest::newRow(QByteArray(name + " no key").constData()) << method << path << HeaderList();
        QTest::newRow(QByteArray(name + " wrong key").constData()) << method << path << bearer("sk-admin-key-0816");
        QTest::newRow(QByteArray(name + " inference key").constData()) << method << path << bearer(kInferenceKey);
        QTest::newRow(QByteArray(name + " inference key as x-api-key").constData()) << method << path
                                                            << HeaderList{{"x-api-key", kInferenceKey}};
    }
}

void TestAdminApi::adminKeyRequired()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(HeaderList, headers);
    const HttpResponse r = admin(method, path, {}, headers);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(errorCode(r), QByteArray("invalid_api_key"));
    QCOMPARE(r.header("www-authenticate"), QByteArray("Bearer"));
    // Nothing changed: no panic, no pause, both endpoints still on.
    QCOMPARE(admin("GET", u"/api/v1/panic"_s).json(), (QJsonObject{{u"enabled"_s, false}}));
    const HttpResponse served = chat(u"mock-chat"_s, u"unchanged"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer sk-upstream-secret"));
}

void TestAdminApi::adminKeyDoesNotAuthoriseInference()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"hi"_s), bearer(kAdminKey));
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QCOMPARE(errorCode(r), QByteArray("invalid_api_key"));
    QCOMPARE(HttpClient::get(m_gateway.url(u"/v1/models"_s), bearer(kAdminKey)).status, 401);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestAdminApi::versionAndUnknownRoutes()
{
    const HttpResponse version = admin("GET", u"/api/v1/version"_s);
    QVERIFY2(version.status == 200, qPrintable(version.describe()));
    QCOMPARE(version.json(), (QJsonObject{{u"name"_s, u"llmproxy"_s},
                                          {u"version"_s, QStringLiteral(LLMPROXY_VERSION)},
                                          {u"api"_s, u"v1"_s}}));
    QCOMPARE(version.header("cache-control"), QByteArray("no-store"));

    const HttpResponse unknown = admin("GET", u"/api/v1/registries"_s);
    QVERIFY2(unknown.status == 404, qPrintable(unknown.describe()));
    QCOMPARE(errorCode(unknown), QByteArray("unknown_url"));
    QCOMPARE(errorCode(admin("POST", u"/api/v1/registry/mock/toggle/more"_s)), QByteArray("unknown_url"));

    for (const auto &[method, path] : QList<QPair<QByteArray, QString>>{{"DELETE", u"/api/v1/registry"_s},
                                                                        {"PUT", u"/api/v1/panic"_s},
                                                                        {"GET", u"/api/v1/proxy/toggle"_s},
                                                                        {"GET", u"/api/v1/registry/mock/toggle"_s},
                                                                        {"POST", u"/api/v1/registry/mock"_s},
                                                                        {"POST", u"/api/v1/version"_s}}) {
        const HttpResponse r = admin(method, path);
        QVERIFY2(r.status == 405, qPrintable(QString::fromLatin1(method) + u' ' + path + u": "_s + r.describe()));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
        QCOMPARE(errorCode(r), QByteArray("method_not_allowed"));
    }
}

void TestAdminApi::listShowsEveryEndpoint()
{
    const QJsonObject before = entryOf(admin("GET", u"/api/v1/registry"_s), u"mock"_s);
    const HttpResponse served = chat(u"mock-chat"_s, u"counted"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));

    const HttpResponse r = admin("GET", u"/api/v1/registry"_s);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    QCOMPARE(idsOf(r), (QStringList{u"mock"_s, u"backup"_s}));

    QJsonObject mock = entryOf(r, u"mock"_s);
    const QJsonObject stats = mock.take(u"stats"_s).toObject();
    const QJsonObject expected{
        {u"id"_s, u"mock"_s},
        {u"source"_s, u"file"_s},
        {u"provider"_s, u"openai_compatible"_s},
        {u"base_url"_s, m_gateway.mock.baseUrl()},
        {u"models"_s, QJsonArray{u"mock-chat"_s, u"mock-embed"_s}},
        {u"priority"_s, 0},
        {u"weight"_s, 1},
        {u"enabled"_s, true},
        {u"has_key"_s, true},
        {u"api_key_env"_s, QJsonValue()},
        {u"api_key_keychain"_s, QJsonValue()},
        {u"breaker"_s, QJsonObject{{u"state"_s, u"closed"_s}, {u"consecutive_failures"_s, 0}}},
        {u"probe"_s, u"unknown"_s},
    };
    QCOMPARE(mock, expected);
    const QJsonObject statsBefore = before.value("stats"_L1).toObject();
    QCOMPARE(stats.value("requests"_L1).toInteger() - statsBefore.value("requests"_L1).toInteger(), 1);
    QCOMPARE(stats.value("failures"_L1).toInteger(), statsBefore.value("failures"_L1).toInteger());
    QVERIFY2(stats.value("latency_ms"_L1).toDouble() > 0, qPrintable(QString::fromUtf8(json(stats))));
    QCOMPARE(stats.value("success_rate"_L1).toDouble(), 1.0);

    const QJsonObject backup = entryOf(r, u"backup"_s);
    QCOMPARE(backup.value("priority"_L1).toInt(), 10);
    QCOMPARE(backup.value("models"_L1).toArray(), (QJsonArray{u"backup-model"_s, u"mock-chat"_s}));

    // One entry by id, without regard to case.
    const HttpResponse one = admin("GET", u"/api/v1/registry/MOCK"_s);
    QVERIFY2(one.status == 200, qPrintable(one.describe()));
    QCOMPARE(one.json().value("id"_L1).toString(), u"mock"_s);
    const HttpResponse missing = admin("GET", u"/api/v1/registry/nope"_s);
    QCOMPARE(missing.status, 404);
    QCOMPARE(errorCode(missing), QByteArray("endpoint_not_found"));
}

void TestAdminApi::addedEndpointServesRequests()
{
    const QJsonObject body{{u"id"_s, u"added"_s},
                           {u"provider"_s, u"openai_compatible"_s},
                           {u"base_url"_s, QString(m_gateway.mock.baseUrl() + u"/"_s)},
                           {u"models"_s, QJsonArray{u"added-model"_s}},
                           {u"api_key_env"_s, u"SECOND_UPSTREAM_KEY"_s},
                           {u"priority"_s, 5},
                           {u"weight"_s, 3},
                           {u"probe"_s, false}};
    const HttpResponse added = admin("POST", u"/api/v1/registry"_s, json(body));
    QVERIFY2(added.status == 201, qPrintable(added.describe()));
    const QJsonObject expected{
        {u"id"_s, u"added"_s},
        {u"source"_s, u"admin"_s},
        {u"provider"_s, u"openai_compatible"_s},
        {u"base_url"_s, m_gateway.mock.baseUrl()},
        {u"models"_s, QJsonArray{u"added-model"_s}},
        {u"priority"_s, 5},
        {u"weight"_s, 3},
        {u"enabled"_s, true},
        {u"has_key"_s, true},
        {u"api_key_env"_s, u"SECOND_UPSTREAM_KEY"_s},
        {u"api_key_keychain"_s, QJsonValue()},
        {u"breaker"_s, QJsonObject{{u"state"_s, u"closed"_s}, {u"consecutive_failures"_s, 0}}},
        {u"probe"_s, u"off"_s},
        {u"stats"_s, QJsonObject{{u"requests"_s, 0}, {u"failures"_s, 0}, {u"latency_ms"_s, 0}, {u"success_rate"_s, 1}}},
    };
    QCOMPARE(added.json(), expected);
    QCOMPARE(idsOf(admin("GET", u"/api/v1/registry"_s)), (QStringList{u"mock"_s, u"backup"_s, u"added"_s}));

    const HttpResponse served = chat(u"added-model"_s, u"via the added endpoint"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(chatContent(served.json()), u"via the added endpoint"_s);
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kSecondKey);
    const HttpResponse models = HttpClient::get(m_gateway.url(u"/v1/models/added-model"_s), bearer(kInferenceKey));
    QCOMPARE(models.status, 200);

    const HttpResponse deleted = admin("DELETE", u"/api/v1/registry/added"_s);
    QVERIFY2(deleted.status == 200, qPrintable(deleted.describe()));
    QCOMPARE(deleted.json(), (QJsonObject{{u"id"_s, u"added"_s}, {u"deleted"_s, true}}));
    const HttpResponse gone = chat(u"added-model"_s, u"after the delete"_s);
    QVERIFY2(gone.status == 404, qPrintable(gone.describe()));
    QCOMPARE(errorCode(gone), QByteArray("model_not_found"));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
    QCOMPARE(idsOf(admin("GET", u"/api/v1/registry"_s)), (QStringList{u"mock"_s, u"backup"_s}));
    const HttpResponse again = admin("DELETE", u"/api/v1/registry/added"_s);
    QCOMPARE(again.status, 404);
    QCOMPARE(errorCode(again), QByteArray("endpoint_not_found"));
}

void TestAdminApi::duplicateIdIs409()
{
    for (const QString &id : {u"mock"_s, u"BACKUP"_s}) {
        const HttpResponse r = admin("POST", u"/api/v1/registry"_s,
                                     json({{u"id"_s, id}, {u"base_url"_s, m_gateway.mock.baseUrl()},
                                           {u"models"_s, QJsonArray{u"other"_s}}}));
        QVERIFY2(r.status == 409, qPrintable(r.describe()));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
        QCOMPARE(errorCode(r), QByteArray("endpoint_exists"));
    }
    const QJsonObject first{{u"id"_s, u"added"_s}, {u"base_url"_s, m_gateway.mock.baseUrl()}};
    QCOMPARE(admin("POST", u"/api/v1/registry"_s, json(first)).status, 201);
    QCOMPARE(admin("POST", u"/api/v1/registry"_s, json(first)).status, 409);
    QCOMPARE(idsOf(admin("GET", u"/api/v1/registry"_s)), (QStringList{u"mock"_s, u"backup"_s, u"added"_s}));
}

void TestAdminApi::patchReordersConfiguredEndpoints()
{
    // mock (priority 0) is preferred over backup (priority 10) for mock-chat, until backup moves ahead.
    QCOMPARE(chat(u"mock-chat"_s, u"first"_s).header("x-llmproxy-endpoint"), QByteArray("mock"));
    const HttpResponse patched = admin("PATCH", u"/api/v1/registry/Backup"_s, "{\"priority\":-1,\"weight\":3}"_ba);
    QVERIFY2(patched.status == 200, qPrintable(patched.describe()));
    QCOMPARE(patched.json().value("id"_L1).toString(), u"backup"_s);
    QCOMPARE(patched.json().value("priority"_L1).toInt(), -1);
    QCOMPARE(patched.json().value("weight"_L1).toInt(), 3);
    QCOMPARE(patched.json().value("source"_L1).toString(), u"file"_s);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(chat(u"mock-chat"_s, u"again"_s).header("x-llmproxy-endpoint"), QByteArray("backup"));
    QCOMPARE(entryOf(admin("GET", u"/api/v1/registry"_s), u"backup"_s).value("priority"_L1).toInt(), -1);

    // A reload keeps the change; null goes back to the configuration's value.
    const qsizetype reloadsBefore = m_gateway.proxy.stdErr().count("configuration reloaded");
    QVERIFY(m_gateway.proxy.sendSignal(SIGHUP));
    QVERIFY2(QTest::qWaitFor([&] { return m_gateway.proxy.stdErr().count("configuration reloaded") > reloadsBefore; },
                             10000),
             qPrintable(m_gateway.proxy.diagnostics()));
    QCOMPARE(entryOf(admin("GET", u"/api/v1/registry"_s), u"backup"_s).value("priority"_L1).toInt(), -1);
    const HttpResponse back = admin("PATCH", u"/api/v1/registry/backup"_s, "{\"priority\":null}"_ba);
    QCOMPARE(back.json().value("priority"_L1).toInt(), 10);
    QCOMPARE(back.json().value("weight"_L1).toInt(), 3);
    QCOMPARE(chat(u"mock-chat"_s, u"back"_s).header("x-llmproxy-endpoint"), QByteArray("mock"));

    const HttpResponse unknown = admin("PATCH", u"/api/v1/registry/nope"_s, "{\"priority\":1}"_ba);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(errorCode(unknown), QByteArray("endpoint_not_found"));
}

void TestAdminApi::patchOfConfiguredEndpointTakesOnlyItsOrder()
{
    const HttpResponse url = admin("PATCH", u"/api/v1/registry/mock"_s, "{\"base_url\":\"http://127.0.0.1:9/v1\"}"_ba);
    QVERIFY2(url.status == 409, qPrintable(url.describe()));
    QVERIFY2(openAiErrorProblem(url.body).isEmpty(), qPrintable(openAiErrorProblem(url.body)));
    QCOMPARE(errorCode(url), QByteArray("endpoint_not_editable"));
    QCOMPARE(url.json().value("error"_L1).toObject().value("param"_L1).toString(), u"base_url"_s);
    for (const QByteArray &body : {"{\"weight\":0}"_ba, "{\"priority\":\"high\"}"_ba, "{\"priority\":2000000}"_ba,
                                   "{\"enabled\":\"yes\"}"_ba, "[1]"_ba, "{\"id\":\"other\"}"_ba}) {
        const HttpResponse r = admin("PATCH", u"/api/v1/registry/mock"_s, body);
        QVERIFY2(r.status == 400, qPrintable(QString::fromUtf8(body) + u": "_s + r.describe()));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    }
    const QJsonObject mock = entryOf(admin("GET", u"/api/v1/registry"_s), u"mock"_s);
    QCOMPARE(mock.value("priority"_L1).toInt(), 0);
    QCOMPARE(mock.value("weight"_L1).toInt(), 1);
    QCOMPARE(mock.value("base_url"_L1).toString(), m_gateway.mock.baseUrl());

    const HttpResponse off = admin("PATCH", u"/api/v1/registry/mock"_s, "{\"enabled\":false}"_ba);
    QCOMPARE(off.json().value("enabled"_L1), QJsonValue(false));
    QCOMPARE(chat(u"mock-chat"_s, u"while off"_s).header("x-llmproxy-endpoint"), QByteArray("backup"));
}

void TestAdminApi::patchChangesAnAddedEndpoint()
{
    const HttpResponse added = admin("POST", u"/api/v1/registry"_s,
                                     json({{u"id"_s, u"added"_s},
                                           {u"base_url"_s, m_gateway.mock.baseUrl()},
                                           {u"models"_s, QJsonArray{u"added-model"_s}},
                                           {u"api_key_env"_s, u"SECOND_UPSTREAM_KEY"_s}}));
    QCOMPARE(added.status, 201);
    const HttpResponse patched =
        admin("PATCH", u"/api/v1/registry/added"_s,
              json({{u"models"_s, QJsonArray{u"renamed-model"_s}}, {u"priority"_s, 4}, {u"cost_per_mtok"_s, 2.5}}));
    QVERIFY2(patched.status == 200, qPrintable(patched.describe()));
    QCOMPARE(patched.json().value("models"_L1).toArray(), QJsonArray{u"renamed-model"_s});
    QCOMPARE(patched.json().value("priority"_L1).toInt(), 4);
    QCOMPARE(patched.json().value("api_key_env"_L1).toString(), u"SECOND_UPSTREAM_KEY"_s);
    QCOMPARE(patched.json().value("has_key"_L1), QJsonValue(true));
    QCOMPARE(chat(u"renamed-model"_s, u"renamed"_s).status, 200);
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kSecondKey);
    QCOMPARE(chat(u"added-model"_s, u"old name"_s).status, 404);

    // A bad value changes nothing, and says which field.
    const HttpResponse bad = admin("PATCH", u"/api/v1/registry/added"_s,
                                   json({{u"base_url"_s, u"ftp://example.com"_s}, {u"priority"_s, 9}}));
    QVERIFY2(bad.status == 400, qPrintable(bad.describe()));
    QCOMPARE(bad.json().value("error"_L1).toObject().value("param"_L1).toString(), u"base_url"_s);
    const HttpResponse typo = admin("PATCH", u"/api/v1/registry/added"_s, json({{u"modles"_s, QJsonArray{}}}));
    QCOMPARE(typo.status, 400);
    QCOMPARE(errorCode(typo), QByteArray("unknown_field"));
    const QJsonObject unchanged = entryOf(admin("GET", u"/api/v1/registry"_s), u"added"_s);
    QCOMPARE(unchanged.value("base_url"_L1).toString(), m_gateway.mock.baseUrl());
    QCOMPARE(unchanged.value("priority"_L1).toInt(), 4);

    // A new key source replaces the old one.
    const HttpResponse literal =
        admin("PATCH", u"/api/v1/registry/added"_s, json({{u"api_key"_s, QString::fromLatin1(kLiteralKey)}}));
    QCOMPARE(literal.status, 200);
    QCOMPARE(literal.json().value("api_key_env"_L1), QJsonValue());
    QCOMPARE(chat(u"renamed-model"_s, u"literal"_s).status, 200);
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kLiteralKey);
    // ...and stays when a later edit does not name one.
    QCOMPARE(admin("PATCH", u"/api/v1/registry/added"_s, "{\"weight\":2}"_ba).status, 200);
    QCOMPARE(chat(u"renamed-model"_s, u"literal kept"_s).status, 200);
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kLiteralKey);
}

void TestAdminApi::probeAndResetBreaker()
{
    const HttpResponse probe = admin("POST", u"/api/v1/registry/mock/probe"_s);
    QVERIFY2(probe.status == 202, qPrintable(probe.describe()));
    QCOMPARE(probe.json(), (QJsonObject{{u"id"_s, u"mock"_s}, {u"probe"_s, u"started"_s}}));
    QTRY_COMPARE_WITH_TIMEOUT(entryOf(admin("GET", u"/api/v1/registry"_s), u"mock"_s).value("probe"_L1).toString(),
                              u"healthy"_s, 10'000);

    QCOMPARE(errorCode(admin("POST", u"/api/v1/registry/nope/probe"_s)), QByteArray("endpoint_not_found"));
    QCOMPARE(errorCode(admin("POST", u"/api/v1/registry/nope/reset"_s)), QByteArray("endpoint_not_found"));
    QCOMPARE(admin("GET", u"/api/v1/registry/mock/probe"_s).status, 405);
    QCOMPARE(admin("POST", u"/api/v1/registry/backup/toggle"_s, "{\"enabled\":false}"_ba).status, 200);
    const HttpResponse disabled = admin("POST", u"/api/v1/registry/backup/probe"_s);
    QCOMPARE(disabled.status, 409);
    QCOMPARE(errorCode(disabled), QByteArray("endpoint_not_routed"));
    QCOMPARE(errorCode(admin("POST", u"/api/v1/registry/backup/reset"_s)), QByteArray("endpoint_not_routed"));

    const HttpResponse reset = admin("POST", u"/api/v1/registry/mock/reset"_s);
    QVERIFY2(reset.status == 200, qPrintable(reset.describe()));
    QCOMPARE(reset.json().value("breaker"_L1).toObject().value("state"_L1).toString(), u"closed"_s);
}

void TestAdminApi::configuredEndpointIsNotRemovable()
{
    const HttpResponse r = admin("DELETE", u"/api/v1/registry/mock"_s);
    QVERIFY2(r.status == 409, qPrintable(r.describe()));
    QCOMPARE(errorCode(r), QByteArray("endpoint_not_removable"));
    QVERIFY2(r.body.contains("/api/v1/registry/mock/toggle"), r.body.constData());
    const HttpResponse served = chat(u"mock-chat"_s, u"still here"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
}

void TestAdminApi::invalidEndpointIs400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("messagePart");
    const QByteArray url = "http://127.0.0.1:9/v1";
    QTest::newRow("unknown provider") << QByteArray("{\"id\":\"x\",\"provider\":\"opnai\",\"base_url\":\"" + url + "\"}")
                                      << QByteArray("unknown_provider")
                                      << QByteArray("unknown provider \"opnai\" (did you mean \"openai\"?); "
                                                    "expected one of: openai, azure, anthropic, google, ollama, groq");
    QTest::newRow("ftp url") << QByteArray("{\"id\":\"x\",\"base_url\":\"ftp://example.com/v1\"}")
                             << QByteArray("invalid_url") << QByteArray("http:// or https://");
    QTest::newRow("url without host") << QByteArray("{\"id\":\"x\",\"base_url\":\"http:///v1\"}")
                                      << QByteArray("invalid_url") << QByteArray("base_url");
    QTest::newRow("no base_url for a generic server") << QByteArray("{\"id\":\"x\",\"models\":[\"m\"]}")
                                                      << QByteArray("missing_base_url")
                                                      << QByteArray("required for provider openai_compatible");
    QTest::newRow("no id") << QByteArray("{\"base_url\":\"" + url + "\"}") << QByteArray("invalid_id")
                           << QByteArray("'id' is required");
    QTest::newRow("id with a space") << QByteArray("{\"id\":\"a b\",\"base_url\":\"" + url + "\"}")
                                     << QByteArray("invalid_id") << QByteArray("letters, digits");
    QTest::newRow("models not a list") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"models\":\"m\"}")
                                       << QByteArray("invalid_type") << QByteArray("'models'");
    QTest::newRow("empty model name") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"models\":[\"\"]}")
                                      << QByteArray("invalid_type") << QByteArray("'models'");
    QTest::newRow("fractional priority") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"priority\":1.5}")
                                         << QByteArray("invalid_type") << QByteArray("'priority'");
    QTest::newRow("weight 0") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"weight\":0}")
                              << QByteArray("invalid_type") << QByteArray("'weight'");
    QTest::newRow("probe not a bool") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"probe\":\"no\"}")
                                      << QByteArray("invalid_type") << QByteArray("'probe'");
    QTest::newRow("unknown field") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"modles\":[\"m\"]}")
                                   << QByteArray("unknown_field") << QByteArray("'modles'");
    QTest::newRow("key variable with a dash") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url +
                                                            "\",\"api_key_env\":\"MY-KEY\"}")
                                              << QByteArray("invalid_api_key_env") << QByteArray("api_key_env");
    QTest::newRow("keychain entry name with a space")
        << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url + "\",\"api_key_keychain\":\"my key\"}")
        << QByteArray("invalid_api_key_keychain") << QByteArray("entry name");
    QTest::newRow("the gateway's admin keys") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url +
                                                            "\",\"api_key_env\":\"LLM_PROXY_ADMIN_KEYS\"}")
                                              << QByteArray("invalid_api_key_env") << QByteArray("own key variable");
    QTest::newRow("the gateway's inference keys") << QByteArray("{\"id\":\"x\",\"base_url\":\"" + url +
                                                                "\",\"api_key_env\":\"LLM_PROXY_API_KEYS\"}")
                                                  << QByteArray("invalid_api_key_env")
                                                  << QByteArray("own key variable");
    QTest::newRow("not JSON") << QByteArray("{\"id\":") << QByteArray("invalid_json") << QByteArray("JSON object");
    QTest::newRow("an array") << QByteArray("[]") << QByteArray("invalid_json") << QByteArray("JSON object");
}

void TestAdminApi::invalidEndpointIs400()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, messagePart);
    const HttpResponse r = admin("POST", u"/api/v1/registry"_s, body);
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(errorCode(r), code);
    const QString message = r.json().value("error"_L1).toObject().value("message"_L1).toString();
    QVERIFY2(message.contains(QString::fromUtf8(messagePart)), qPrintable(message));
    QCOMPARE(idsOf(admin("GET", u"/api/v1/registry"_s)), (QStringList{u"mock"_s, u"backup"_s}));
}

void TestAdminApi::toggleOffDrainsWithoutDroppingTheStream()
{
    // A slow stream on "mock": nine events 200 ms apart.
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"chunk_delay_ms"_s, 200}}));
    HttpStream stream;
    HeaderList headers = bearer(kInferenceKey);
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    QVERIFY(stream.start("POST", m_gateway.url(u"/v1/chat/completions"_s), headers,
                         json(chatRequest(u"mock-chat"_s, u"one two three four five six"_s, true))));
    QVERIFY2(stream.waitForBodyContaining("one", 10000), qPrintable(stream.response().describe()));

    const HttpResponse off = admin("POST", u"/api/v1/registry/mock/toggle"_s, "{\"enabled\":false}"_ba);
    QVERIFY2(off.status == 200, qPrintable(off.describe()));
    QCOMPARE(off.json().value("enabled"_L1), QJsonValue(false));
    QCOMPARE(off.json().value("breaker"_L1), QJsonValue());
    QCOMPARE(off.json().value("stats"_L1), QJsonValue());
    const QJsonObject listed = entryOf(admin("GET", u"/api/v1/registry"_s), u"mock"_s);
    QCOMPARE(listed.value("enabled"_L1), QJsonValue(false));
    QCOMPARE(listed.value("source"_L1).toString(), u"file"_s);

    // New requests for the model go to the other endpoint serving it; the model only "mock" served is gone.
    const HttpResponse rerouted = chat(u"mock-chat"_s, u"rerouted"_s);
    QVERIFY2(rerouted.status == 200, qPrintable(rerouted.describe()));
    QCOMPARE(chatContent(rerouted.json()), u"rerouted"_s);
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kBackupKey);
    const HttpResponse embed =
        m_gateway.post(u"/v1/embeddings"_s, {{u"model"_s, u"mock-embed"_s}, {u"input"_s, u"x"_s}}, bearer(kInferenceKey));
    QVERIFY2(embed.status == 404, qPrintable(embed.describe()));
    QCOMPARE(errorCode(embed), QByteArray("model_not_found"));
    QVERIFY2(!stream.isFinished(), "the stream ended before the endpoint was switched off: the test proves nothing");

    // The stream that was already on "mock" goes on to its end.
    QVERIFY(stream.waitForFinished(20000));
    const HttpResponse streamed = stream.response();
    QVERIFY2(streamed.status == 200 && streamed.complete, qPrintable(streamed.describe()));
    QCOMPARE(streamedChatContent(streamed.body), u"one two three four five six"_s);
    QVERIFY2(streamed.body.endsWith("data: [DONE]\n\n"), streamed.body.right(200).constData());
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 2);
    QCOMPARE(upstream.first().header("authorization"), QByteArray("Bearer sk-upstream-secret"));

    // No body flips it back on.
    const HttpResponse on = admin("POST", u"/api/v1/registry/mock/toggle"_s);
    QVERIFY2(on.status == 200, qPrintable(on.describe()));
    QCOMPARE(on.json().value("enabled"_L1), QJsonValue(true));
    QCOMPARE(on.json().value("breaker"_L1).toObject().value("state"_L1).toString(), u"closed"_s);
    const HttpResponse back = chat(u"mock-chat"_s, u"back"_s);
    QVERIFY2(back.status == 200, qPrintable(back.describe()));
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer sk-upstream-secret"));
}

void TestAdminApi::toggleOfUnknownEndpointIs404()
{
    const HttpResponse r = admin("POST", u"/api/v1/registry/nope/toggle"_s);
    QVERIFY2(r.status == 404, qPrintable(r.describe()));
    QCOMPARE(errorCode(r), QByteArray("endpoint_not_found"));
    const HttpResponse bad = admin("POST", u"/api/v1/registry/mock/toggle"_s, "{\"enabled\":\"no\"}"_ba);
    QVERIFY2(bad.status == 400, qPrintable(bad.describe()));
    QCOMPARE(errorCode(bad), QByteArray("invalid_type"));
    const HttpResponse unknownField = admin("POST", u"/api/v1/registry/mock/toggle"_s, "{\"enable\":false}"_ba);
    QCOMPARE(unknownField.status, 400);
    QCOMPARE(errorCode(unknownField), QByteArray("unknown_field"));
    QCOMPARE(entryOf(admin("GET", u"/api/v1/registry"_s), u"mock"_s).value("enabled"_L1), QJsonValue(true));
}

void TestAdminApi::togglesAndAddedEndpointsSurviveReload()
{
    const HttpResponse added = admin("POST", u"/api/v1/registry"_s,
                                     json({{u"id"_s, u"added"_s},
                                           {u"base_url"_s, m_gateway.mock.baseUrl()},
                                           {u"models"_s, QJsonArray{u"added-model"_s}},
                                           {u"api_key_env"_s, u"SECOND_UPSTREAM_KEY"_s}}));
    QVERIFY2(added.status == 201, qPrintable(added.describe()));
    QCOMPARE(admin("POST", u"/api/v1/registry/backup/toggle"_s).json().value("enabled"_L1), QJsonValue(false));

    const qsizetype reloadsBefore = m_gateway.proxy.stdErr().count("configuration reloaded");
    QVERIFY(m_gateway.proxy.sendSignal(SIGHUP));
    QVERIFY2(QTest::qWaitFor([&] { return m_gateway.proxy.stdErr().count("configuration reloaded") > reloadsBefore; },
                             10000),
             qPrintable(m_gateway.proxy.diagnostics()));

    const HttpResponse registry = admin("GET", u"/api/v1/registry"_s);
    QCOMPARE(idsOf(registry), (QStringList{u"mock"_s, u"backup"_s, u"added"_s}));
    QCOMPARE(entryOf(registry, u"backup"_s).value("enabled"_L1), QJsonValue(false));
    QCOMPARE(entryOf(registry, u"added"_s).value("source"_L1).toString(), u"admin"_s);
    const HttpResponse served = chat(u"added-model"_s, u"after the reload"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kSecondKey);
    const HttpResponse disabled = chat(u"backup-model"_s, u"off"_s);
    QVERIFY2(disabled.status == 404, qPrintable(disabled.describe()));
    QCOMPARE(errorCode(disabled), QByteArray("model_not_found"));
}

void TestAdminApi::togglesAndAddedEndpointsSurviveARestart()
{
    // A gateway of its own, stopped and started again on the same data directory.
    GatewayFixture gateway;
    gateway.config.endpoints = {m_gateway.mockEndpoint()};
    EndpointSpec backup = m_gateway.mockEndpoint();
    backup.id = u"backup"_s;
    backup.models = {u"backup-model"_s};
    gateway.config.endpoints.append(backup);
    gateway.options.env = m_gateway.options.env;
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    const auto call = [](const ProxyProcess &proxy, const QByteArray &method, const QString &path,
                         const QByteArray &body = {}) {
        HeaderList h = bearer(kAdminKey);
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return HttpClient::request(method, proxy.url(path), h, body);
    };
    const QString mockUrl = m_gateway.mock.baseUrl();
    QCOMPARE(call(gateway.proxy, "POST", u"/api/v1/registry"_s,
                  json({{u"id"_s, u"from-env"_s}, {u"base_url"_s, mockUrl}, {u"models"_s, QJsonArray{u"env-model"_s}},
                        {u"api_key_env"_s, u"SECOND_UPSTREAM_KEY"_s}, {u"weight"_s, 4}, {u"probe"_s, false}}))
                 .status,
             201);
    QCOMPARE(call(gateway.proxy, "POST", u"/api/v1/registry"_s,
                  json({{u"id"_s, u"literal"_s}, {u"base_url"_s, mockUrl}, {u"models"_s, QJsonArray{u"lit-model"_s}},
                        {u"api_key"_s, QString::fromLatin1(kLiteralKey)}}))
                 .status,
             201);
    QCOMPARE(call(gateway.proxy, "POST", u"/api/v1/registry/backup/toggle"_s).status, 200);
    QCOMPARE(call(gateway.proxy, "PATCH", u"/api/v1/registry/mock"_s, "{\"priority\":7,\"weight\":5}").status, 200);
    const QString dataDir = gateway.proxy.dataDir();
    // Once the last change is kept (the priority of mock), no key is in what was kept.
    const QByteArray savedBytes = savedRuntimeState(dataDir, u"registry"_s, [](const QJsonObject &o) {
        return o.value("overrides"_L1).toObject().value("mock"_L1).toObject().value("priority"_L1).toInt() == 7;
    });
    QVERIFY2(savedBytes.contains("literal"), savedBytes.constData());
    QVERIFY2(!savedBytes.contains(kLiteralKey) && !savedBytes.contains(kSecondKey), savedBytes.constData());
    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY(gateway.proxy.waitForExit(15'000));

    ProxyProcess restarted;
    ProxyOptions options = gateway.options;
    options.extraArgs << u"--data-dir"_s << dataDir;
    QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
    const HttpResponse registry = call(restarted, "GET", u"/api/v1/registry"_s);
    QCOMPARE(idsOf(registry), (QStringList{u"mock"_s, u"backup"_s, u"from-env"_s, u"literal"_s}));
    QCOMPARE(entryOf(registry, u"backup"_s).value("enabled"_L1), QJsonValue(false));
    QCOMPARE(entryOf(registry, u"mock"_s).value("priority"_L1).toInt(), 7);
    QCOMPARE(entryOf(registry, u"mock"_s).value("weight"_L1).toInt(), 5);
    const QJsonObject fromEnv = entryOf(registry, u"from-env"_s);
    QCOMPARE(fromEnv.value("source"_L1).toString(), u"admin"_s);
    QCOMPARE(fromEnv.value("weight"_L1).toInt(), 4);
    QCOMPARE(fromEnv.value("probe"_L1).toString(), u"off"_s);
    QCOMPARE(fromEnv.value("has_key"_L1), QJsonValue(true));
    // The literal key was never written: that endpoint comes back off, without a key, and says why.
    const QJsonObject literal = entryOf(registry, u"literal"_s);
    QCOMPARE(literal.value("enabled"_L1), QJsonValue(false));
    QCOMPARE(literal.value("has_key"_L1), QJsonValue(false));
    QVERIFY2(restarted.stdErr().contains("literal key"), restarted.stdErr().constData());

    const HttpResponse served = HttpClient::postJson(restarted.url(u"/v1/chat/completions"_s),
                                                     chatRequest(u"env-model"_s, u"after the restart"_s),
                                                     bearer(kInferenceKey));
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kSecondKey);
}

void TestAdminApi::panicRefusesTheNextRequest()
{
    const HttpResponse engaged = admin("POST", u"/api/v1/panic"_s);
    QVERIFY2(engaged.status == 200, qPrintable(engaged.describe()));
    QCOMPARE(engaged.json(), (QJsonObject{{u"enabled"_s, true}}));

    // The very next request is refused.
    const HttpResponse refused = chat(u"mock-chat"_s, u"blocked"_s);
    QVERIFY2(refused.status == 503, qPrintable(refused.describe()));
    QVERIFY2(openAiErrorProblem(refused.body).isEmpty(), qPrintable(openAiErrorProblem(refused.body)));
    QCOMPARE(errorCode(refused), QByteArray("panic_mode"));
    HeaderList anthropic = bearer(kInferenceKey);
    anthropic.append(qMakePair(QByteArray("anthropic-version"), QByteArray("2023-06-01")));
    const HttpResponse messages = m_gateway.post(
        u"/v1/messages"_s,
        {{u"model"_s, u"mock-chat"_s},
         {u"max_tokens"_s, 16},
         {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"blocked"_s}}}}},
        anthropic);
    QVERIFY2(messages.status == 503, qPrintable(messages.describe()));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);

    // Health and the admin API stay up.
    QCOMPARE(HttpClient::get(m_gateway.url(u"/health"_s)).status, 200);
    QCOMPARE(admin("GET", u"/api/v1/panic"_s).json(), (QJsonObject{{u"enabled"_s, true}}));
    QCOMPARE(admin("GET", u"/api/v1/registry"_s).status, 200);

    const HttpResponse released = admin("POST", u"/api/v1/panic"_s, "{\"enabled\":false}"_ba);
    QVERIFY2(released.status == 200, qPrintable(released.describe()));
    QCOMPARE(released.json(), (QJsonObject{{u"enabled"_s, false}}));
    const HttpResponse served = chat(u"mock-chat"_s, u"served again"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(chatContent(served.json()), u"served again"_s);

    const HttpResponse bad = admin("POST", u"/api/v1/panic"_s, "{\"enabled\":1}"_ba);
    QCOMPARE(bad.status, 400);
    QCOMPARE(admin("GET", u"/api/v1/panic"_s).json(), (QJsonObject{{u"enabled"_s, false}}));
}

void TestAdminApi::proxyToggle()
{
    const HttpResponse paused = admin("POST", u"/api/v1/proxy/toggle"_s);
    QVERIFY2(paused.status == 200, qPrintable(paused.describe()));
    QCOMPARE(paused.json(), (QJsonObject{{u"paused"_s, true}}));
    const HttpResponse refused = chat(u"mock-chat"_s, u"paused"_s);
    QCOMPARE(refused.status, 503);
    QCOMPARE(errorCode(refused), QByteArray("proxy_paused"));
    QCOMPARE(admin("POST", u"/api/v1/proxy/toggle"_s, "{\"paused\":true}"_ba).json(),
             (QJsonObject{{u"paused"_s, true}}));

    QCOMPARE(admin("POST", u"/api/v1/proxy/toggle"_s).json(), (QJsonObject{{u"paused"_s, false}}));
    const HttpResponse served = chat(u"mock-chat"_s, u"resumed"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(admin("POST", u"/api/v1/proxy/toggle"_s, "{\"paused\":false}"_ba).json(),
             (QJsonObject{{u"paused"_s, false}}));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
}

void TestAdminApi::secretsNeverLeave()
{
    QList<HttpResponse> answers;
    answers.append(admin("POST", u"/api/v1/registry"_s,
                         json({{u"id"_s, u"literal"_s},
                               {u"base_url"_s, m_gateway.mock.baseUrl()},
                               {u"models"_s, QJsonArray{u"literal-model"_s}},
                               {u"api_key"_s, QString::fromLatin1(kLiteralKey)}})));
    QVERIFY2(answers.last().status == 201, qPrintable(answers.last().describe()));
    QCOMPARE(answers.last().json().value("has_key"_L1), QJsonValue(true));
    QCOMPARE(answers.last().json().value("api_key_env"_L1), QJsonValue());

    const HttpResponse served = chat(u"literal-model"_s, u"literal"_s);
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(lastUpstreamAuthorization(), QByteArray("Bearer ") + kLiteralKey);

    answers.append(admin("GET", u"/api/v1/registry"_s));
    answers.append(admin("GET", u"/api/v1/registry/literal"_s));
    answers.append(admin("POST", u"/api/v1/registry/literal/toggle"_s));
    answers.append(admin("POST", u"/api/v1/registry/literal/toggle"_s));
    answers.append(admin("GET", u"/api/v1/registry/backup"_s));
    answers.append(admin("POST", u"/api/v1/registry"_s,
                         json({{u"id"_s, u"literal"_s},
                               {u"base_url"_s, m_gateway.mock.baseUrl()},
                               {u"api_key"_s, QString::fromLatin1(kLiteralKey)}})));
    answers.append(admin("DELETE", u"/api/v1/registry/literal"_s));
    for (const HttpResponse &r : std::as_const(answers)) {
        QVERIFY2(r.status >= 200 && r.status < 500, qPrintable(r.describe()));
        for (const char *secret : {kLiteralKey, kBackupKey, kSecondKey, kAdminKey, kInferenceKey,
                                   GatewayFixture::kUpstreamKey}) {
            QVERIFY2(!r.body.contains(secret), qPrintable(u"%1 in %2"_s.arg(QLatin1String(secret), r.describe())));
            for (const auto &h : r.headers)
                QVERIFY2(!h.second.contains(secret), h.first.constData());
        }
    }

    // Every admin action is logged with the key's fingerprint, never the key.
    const QByteArray fingerprint =
        QCryptographicHash::hash(QByteArray(kAdminKey), QCryptographicHash::Sha256).toHex().left(8);
    QVERIFY2(QTest::qWaitFor([&] {
                 return m_gateway.proxy.stdErr().contains(QByteArray("admin key " + fingerprint + ": removed endpoint literal"));
             }, 5000),
             qPrintable(m_gateway.proxy.diagnostics()));
    const QByteArray log = m_gateway.proxy.stdErr() + m_gateway.proxy.stdOut();
    QVERIFY(log.contains(QByteArray("admin key " + fingerprint + ": added endpoint literal")));
    QVERIFY(log.contains(QByteArray("admin key " + fingerprint + ": endpoint literal disabled")));
    QVERIFY(log.contains(QByteArray("admin key " + fingerprint + ": kill switch released")));
    for (const char *secret : {kLiteralKey, kAdminKey})
        QVERIFY2(!log.contains(secret), secret);
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_adminapi.moc"

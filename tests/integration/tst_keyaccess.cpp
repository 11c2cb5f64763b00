// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: named client keys with model allow-lists (server.auth.keys) on a real gateway — a key
// uses the models it lists (by name, glob, or an alias that resolves to one), is refused any other
// with 403 in its client's protocol shape before the upstream is called, sees only its models in
// /v1/models and /api/tags, never falls back to a model it may not use, may be configured as a
// SHA-256 digest, and is named in the access log; keys from LLM_PROXY_API_KEYS keep every model.
#include "tests/support/gatewayfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kOpenKey = "sk-open-key-0001";
constexpr const char *kLimitedKey = "sk-limited-key-0002";
constexpr const char *kAliasKey = "sk-alias-key-0003";
constexpr const char *kHashedKey = "sk-hashed-key-0004";

QJsonObject chat(const QString &model)
{
    return chatRequest(model, u"hi"_s);
}

QJsonObject anthropicRequest(const QString &model)
{
    return {{u"model"_s, model},
            {u"max_tokens"_s, 16},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
}

QStringList modelIds(const HttpResponse &r)
{
    QStringList ids;
    for (const QJsonValue v : r.json().value(u"data"_s).toArray())
        ids << v.toObject().value(u"id"_s).toString();
    ids.sort();
    return ids;
}

} // namespace

class TestKeyAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listedModelIsServed();
    void otherModelIs403BeforeTheUpstream_data();
    void otherModelIs403BeforeTheUpstream();
    void anthropicClientGetsAnthropicShape();
    void aliasResolvingToAListedModelIsServed();
    void keyListingOnlyAnAliasMayUseOnlyTheAlias();
    void modelListShowsOnlyTheKeysModels();
    void fallbackHopToAnUnlistedModelIsNotTaken();
    void unrestrictedKeyStillFallsBack();
    void digestConfiguredKeyWorks();
    void accessLogNamesTheKey();
    void namedKeysAloneAllowANonLoopbackBind();

private:
    GatewayFixture m_gateway;
};

void TestKeyAccess::initTestCase()
{
    QVERIFY(m_gateway.mock.start());
    EndpointSpec openAi = m_gateway.mockEndpoint();
    openAi.models = {u"mock-chat"_s, u"mock-embed"_s, u"big-chat"_s};
    EndpointSpec claude = m_gateway.mockEndpoint();
    claude.id = u"claude"_s;
    claude.provider = u"anthropic"_s;
    claude.models = {u"claude-x"_s};
    m_gateway.config.endpoints = {openAi, claude};
    const QByteArray digest = QCryptographicHash::hash(kHashedKey, QCryptographicHash::Sha256).toHex();
    m_gateway.config.serverYaml = "  auth:\n"
                                  "    keys:\n"
                                  "      - name: limited\n"
                                  "        key_env: LIMITED_KEY\n"
                                  "        models: [mock-chat, \"claude-*\"]\n"
                                  "      - name: alias-only\n"
                                  "        key_env: ALIAS_KEY\n"
                                  "        models: [fast]\n"
                                  "      - name: hashed\n"
                                  "        key_sha256: " +
                                  digest + "\n        models: [mock-embed]\n";
    m_gateway.config.extraYaml = "model_aliases:\n"
                                 "  fast: mock-chat\n"
                                 "fallback_chains:\n"
                                 "  mock-chat:\n"
                                 "    - {endpoint: mock, model: big-chat}\n"
                                 "routing:\n"
                                 "  retry: {max_attempts: 2, base_delay_ms: 1, max_delay_ms: 5, budget_ms: 5000}\n"
                                 "  circuit_breaker: {failure_threshold: 100, recovery_s: 60}\n";
    m_gateway.options.env.insert(u"LLM_PROXY_API_KEYS"_s, QString::fromLatin1(kOpenKey));
    m_gateway.options.env.insert(u"LIMITED_KEY"_s, QString::fromLatin1(kLimitedKey));
    m_gateway.options.env.insert(u"ALIAS_KEY"_s, QString::fromLatin1(kAliasKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestKeyAccess::init()
{
    QVERIFY(m_gateway.mock.reset());
}

void TestKeyAccess::listedModelIsServed()
{
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kLimitedKey));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const HttpResponse claude =
        m_gateway.post(u"/v1/messages"_s, anthropicRequest(u"claude-x"_s), {{"x-api-key", kLimitedKey}});
    QVERIFY2(claude.status == 200, qPrintable(claude.describe()));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 2);
}

void TestKeyAccess::otherModelIs403BeforeTheUpstream_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("model");
    QTest::newRow("chat, other model") << u"/v1/chat/completions"_s << u"big-chat"_s;
    QTest::newRow("chat, unknown model is not revealed") << u"/v1/chat/completions"_s << u"no-such-model"_s;
    QTest::newRow("glob does not reach past the name") << u"/v1/chat/completions"_s << u"xclaude-x"_s;
    QTest::newRow("embeddings") << u"/v1/embeddings"_s << u"mock-embed"_s;
    QTest::newRow("responses") << u"/v1/responses"_s << u"mock-embed"_s;
}

void TestKeyAccess::otherModelIs403BeforeTheUpstream()
{
    QFETCH(QString, path);
    QFETCH(QString, model);
    QJsonObject body = chat(model);
    if (path.endsWith(u"embeddings"_s))
        body = {{u"model"_s, model}, {u"input"_s, u"text"_s}};
    else if (path.endsWith(u"responses"_s))
        body = {{u"model"_s, model}, {u"input"_s, u"hi"_s}};
    const HttpResponse r = m_gateway.post(path, body, bearer(kLimitedKey));
    QVERIFY2(r.status == 403, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"model_not_allowed"_s);
    QCOMPARE(error.value(u"param"_s).toString(), u"model"_s);
    QVERIFY(error.value(u"message"_s).toString().contains(model));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestKeyAccess::anthropicClientGetsAnthropicShape()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/messages"_s, anthropicRequest(u"big-chat"_s), {{"x-api-key", kLimitedKey}});
    QVERIFY2(r.status == 403, qPrintable(r.describe()));
    const QJsonObject o = r.json();
    QCOMPARE(o.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(o.value(u"error"_s).toObject().value(u"type"_s).toString(), u"permission_error"_s);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestKeyAccess::aliasResolvingToAListedModelIsServed()
{
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"fast"_s), bearer(kLimitedKey));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
    QCOMPARE(m_gateway.mock.inferenceRequests().first().json().value(u"model"_s).toString(), u"mock-chat"_s);
}

void TestKeyAccess::keyListingOnlyAnAliasMayUseOnlyTheAlias()
{
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"fast"_s), bearer(kAliasKey)).status, 200);
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kAliasKey)).status, 403);
    const HttpResponse models = HttpClient::get(m_gateway.url(u"/v1/models"_s), bearer(kAliasKey));
    QCOMPARE(modelIds(models), QStringList{u"fast"_s});
}

void TestKeyAccess::modelListShowsOnlyTheKeysModels()
{
    const HttpResponse limited = HttpClient::get(m_gateway.url(u"/v1/models"_s), bearer(kLimitedKey));
    QVERIFY2(limited.status == 200, qPrintable(limited.describe()));
    QCOMPARE(limited.json().value(u"object"_s).toString(), u"list"_s);
    QCOMPARE(modelIds(limited), (QStringList{u"claude-x"_s, u"fast"_s, u"mock-chat"_s}));
    QCOMPARE(HttpClient::get(m_gateway.url(u"/v1/models/mock-chat"_s), bearer(kLimitedKey)).status, 200);
    const HttpResponse hidden = HttpClient::get(m_gateway.url(u"/v1/models/big-chat"_s), bearer(kLimitedKey));
    QCOMPARE(hidden.status, 404);

    const HttpResponse open = HttpClient::get(m_gateway.url(u"/v1/models"_s), bearer(kOpenKey));
    QCOMPARE(modelIds(open),
             (QStringList{u"big-chat"_s, u"claude-x"_s, u"fast"_s, u"mock-chat"_s, u"mock-embed"_s}));

    const HttpResponse tags = HttpClient::get(m_gateway.url(u"/api/tags"_s), bearer(kLimitedKey));
    QVERIFY2(tags.status == 200, qPrintable(tags.describe()));
    QStringList names;
    for (const QJsonValue v : tags.json().value(u"models"_s).toArray())
        names << v.toObject().value(u"name"_s).toString();
    names.sort();
    QCOMPARE(names, (QStringList{u"claude-x"_s, u"fast"_s, u"mock-chat"_s}));
}

void TestKeyAccess::fallbackHopToAnUnlistedModelIsNotTaken()
{
    QVERIFY(m_gateway.mock.script(QJsonArray{QJsonObject{{u"status"_s, 500}}, QJsonObject{{u"status"_s, 500}}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kLimitedKey));
    QVERIFY2(r.status == 500, qPrintable(r.describe()));
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 2); // the same model retried, never big-chat
    for (const MockRequest &m : upstream)
        QCOMPARE(m.json().value(u"model"_s).toString(), u"mock-chat"_s);
}

void TestKeyAccess::unrestrictedKeyStillFallsBack()
{
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, 500}}));
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kOpenKey));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 2);
    QCOMPARE(upstream.last().json().value(u"model"_s).toString(), u"big-chat"_s);
}

void TestKeyAccess::digestConfiguredKeyWorks()
{
    const HttpResponse embed = m_gateway.post(
        u"/v1/embeddings"_s, QJsonObject{{u"model"_s, u"mock-embed"_s}, {u"input"_s, u"text"_s}}, bearer(kHashedKey));
    QVERIFY2(embed.status == 200, qPrintable(embed.describe()));
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kHashedKey)).status, 403);
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer("sk-hashed-key-0005")).status,
             401);
}

void TestKeyAccess::accessLogNamesTheKey()
{
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kLimitedKey)).status, 200);
    QCOMPARE(m_gateway.post(u"/v1/chat/completions"_s, chat(u"big-chat"_s), bearer(kAliasKey)).status, 403);
    QTRY_VERIFY2_WITH_TIMEOUT(m_gateway.proxy.stdErr().contains("key=alias-only"),
                              m_gateway.proxy.stdErr().right(2000).constData(), 10000);
    const QByteArray log = m_gateway.proxy.stdErr();
    QVERIFY(log.contains("key=limited"));
    QVERIFY(!log.contains(kLimitedKey));
    QVERIFY(!log.contains(kAliasKey));
}

void TestKeyAccess::namedKeysAloneAllowANonLoopbackBind()
{
    // Named keys are keys: a gateway on every interface with only those starts, and asks for them.
    GatewayFixture gateway;
    gateway.options.host = u"0.0.0.0"_s;
    gateway.config.serverYaml = "  auth:\n    keys:\n      - {name: ci, key_env: CI_KEY, models: [mock-chat]}\n";
    gateway.options.env.insert(u"CI_KEY"_s, QString::fromLatin1(kLimitedKey));
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s)).status, 401);
    QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chat(u"mock-chat"_s), bearer(kLimitedKey)).status, 200);
}

QTEST_GUILESS_MAIN(TestKeyAccess)
#include "tst_keyaccess.moc"

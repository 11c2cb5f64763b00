// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: client keys created at run time through the admin API — the key is answered once (201)
// and never again (listing shows a prefix), keys.json keeps only its SHA-256; a gateway that asked
// for no key asks for one from the next request on; the new key is accepted and named in the
// request log; 400 for a bad name or body, 409 for a name in use (also config.yaml's) and for
// revoking a configured key, 404 for an unknown one; revoking refuses the key from the next
// request; created keys survive a restart on the same data directory.
#include "tests/support/gatewayfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAdminKey = "sk-keys-admin";
constexpr const char *kConfiguredKey = "sk-keys-configured";

QByteArray errorCode(const HttpResponse &r)
{
    return r.json().value("error"_L1).toObject().value("code"_L1).toString().toUtf8();
}

HttpResponse call(const ProxyProcess &proxy, const QByteArray &method, const QString &path, const QByteArray &body = {})
{
    HeaderList h = bearer(kAdminKey);
    if (!body.isEmpty())
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return HttpClient::request(method, proxy.url(path), h, body);
}

HttpResponse chat(const ProxyProcess &proxy, const QByteArray &key)
{
    return HttpClient::postJson(proxy.url(u"/v1/chat/completions"_s), chatRequest(u"mock-chat"_s, u"hi"_s),
                                key.isEmpty() ? HeaderList{} : bearer(key));
}

} // namespace

class TestClientKeys : public QObject
{
    Q_OBJECT

private slots:
    void createdKeyIsRequiredAndAccepted();
    void badRequests();
    void configuredKeysAreNotRevocable();
};

void TestClientKeys::createdKeyIsRequiredAndAccepted()
{
    GatewayFixture gateway;
    QVERIFY2(gateway.mock.start(), qPrintable(gateway.mock.errorString()));
    gateway.config.endpoints = {gateway.mockEndpoint()};
    gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    QCOMPARE(chat(gateway.proxy, {}).status, 200); // no key asked for yet

    const HttpResponse created = call(gateway.proxy, "POST", u"/api/v1/keys"_s, R"({"name":"claude-code"})");
    QVERIFY2(created.status == 201, qPrintable(created.describe()));
    const QByteArray key = created.json().value("key"_L1).toString().toLatin1();
    QVERIFY2(key.startsWith("sk-llmproxy-") && key.size() == 12 + 43, key.constData());
    QCOMPARE(created.json().value("prefix"_L1).toString(), QString::fromLatin1(key.left(16)));
    QCOMPARE(created.json().value("source"_L1).toString(), u"created"_s);

    QCOMPARE(chat(gateway.proxy, {}).status, 401);
    QCOMPARE(chat(gateway.proxy, "sk-llmproxy-wrong").status, 401);
    QCOMPARE(chat(gateway.proxy, key).status, 200);
    QTRY_VERIFY(gateway.proxy.stdErr().contains("key=claude-code"));
    QVERIFY2(!gateway.proxy.stdErr().contains(key), "the key itself was logged");

    const HttpResponse list = call(gateway.proxy, "GET", u"/api/v1/keys"_s);
    QCOMPARE(list.status, 200);
    QVERIFY(!list.body.contains(key));
    QCOMPARE(list.json().value("keys"_L1).toArray().size(), 1);
    QCOMPARE(list.json().value("keys"_L1).toArray().first().toObject().value("name"_L1).toString(), u"claude-code"_s);
    QCOMPARE(call(gateway.proxy, "POST", u"/api/v1/keys"_s, R"({"name":"CLAUDE-code"})").status, 409);
    const HttpResponse second = call(gateway.proxy, "POST", u"/api/v1/keys"_s, R"({"name":"codex"})");
    QCOMPARE(second.status, 201);
    const QByteArray secondKey = second.json().value("key"_L1).toString().toLatin1();
    QVERIFY(secondKey != key);

    // On disk: the digest, never the key.
    const QString dataDir = gateway.proxy.dataDir();
    QFile saved(dataDir + u"/keys.json"_s);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(!bytes.contains(key));
    QVERIFY(bytes.contains(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex()));

    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY(gateway.proxy.waitForExit(15'000));
    ProxyProcess restarted;
    ProxyOptions options = gateway.options;
    options.extraArgs << u"--data-dir"_s << dataDir;
    QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
    QCOMPARE(chat(restarted, {}).status, 401);
    QCOMPARE(chat(restarted, key).status, 200);

    const HttpResponse revoked = call(restarted, "DELETE", u"/api/v1/keys/claude-code"_s);
    QVERIFY2(revoked.status == 200, qPrintable(revoked.describe()));
    QCOMPARE(chat(restarted, key).status, 401);
    QCOMPARE(chat(restarted, secondKey).status, 200);
    QCOMPARE(call(restarted, "DELETE", u"/api/v1/keys/codex"_s).status, 200);
    QCOMPARE(chat(restarted, {}).status, 200); // no key left: none asked for again
    QCOMPARE(call(restarted, "DELETE", u"/api/v1/keys/claude-code"_s).status, 404);
}

void TestClientKeys::badRequests()
{
    GatewayFixture gateway;
    QVERIFY2(gateway.mock.start(), qPrintable(gateway.mock.errorString()));
    gateway.config.endpoints = {gateway.mockEndpoint()};
    gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    const QList<QPair<QByteArray, QByteArray>> bodies{{R"({"name":""})", "invalid_key_name"},
                                                      {R"({"name":"has space"})", "invalid_key_name"},
                                                      {R"({"name":"x","models":[]})", "unknown_field"},
                                                      {R"({"name":"a","name":"b"})", "duplicate_key"},
                                                      {"[1]", "invalid_json"}};
    for (const auto &[body, code] : bodies) {
        const HttpResponse r = call(gateway.proxy, "POST", u"/api/v1/keys"_s, body);
        QVERIFY2(r.status == 400, qPrintable(r.describe()));
        QCOMPARE(errorCode(r), code);
    }
    QCOMPARE(call(gateway.proxy, "PUT", u"/api/v1/keys"_s, "{}").status, 405);
    QCOMPARE(call(gateway.proxy, "GET", u"/api/v1/keys/x"_s).status, 405);
    QCOMPARE(call(gateway.proxy, "GET", u"/api/v1/keys"_s).json().value("keys"_L1).toArray().size(), 0);
    QCOMPARE(chat(gateway.proxy, {}).status, 200); // nothing was created
}

void TestClientKeys::configuredKeysAreNotRevocable()
{
    GatewayFixture gateway;
    QVERIFY2(gateway.mock.start(), qPrintable(gateway.mock.errorString()));
    gateway.config.endpoints = {gateway.mockEndpoint()};
    gateway.config.serverYaml = "  auth:\n    keys:\n      - {name: team, key_env: TEAM_KEY}\n";
    gateway.options.env.insert(u"TEAM_KEY"_s, QString::fromLatin1(kConfiguredKey));
    gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    QCOMPARE(call(gateway.proxy, "POST", u"/api/v1/keys"_s, R"({"name":"team"})").status, 409);
    const HttpResponse r = call(gateway.proxy, "DELETE", u"/api/v1/keys/team"_s);
    QCOMPARE(r.status, 409);
    QCOMPARE(errorCode(r), QByteArray("key_not_removable"));
    QCOMPARE(chat(gateway.proxy, kConfiguredKey).status, 200);
    const QJsonArray keys = call(gateway.proxy, "GET", u"/api/v1/keys"_s).json().value("keys"_L1).toArray();
    QCOMPARE(keys.size(), 1);
    QCOMPARE(keys.first().toObject().value("source"_L1).toString(), u"config"_s);
    QVERIFY(!keys.first().toObject().contains("prefix"_L1));
}

QTEST_GUILESS_MAIN(TestClientKeys)
#include "tst_clientkeys.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: proxy API keys from LLM_PROXY_API_KEYS — missing or wrong key gets an OpenAI-shaped 401 on
// inference and model routes, a valid key is accepted as "Authorization: Bearer" or "x-api-key",
// health stays open, the client's key never reaches the upstream (which gets the endpoint's key), no
// keys means no auth on loopback, and binding a non-loopback address without keys refuses to start.
#include "tests/support/gatewayfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kKeyOne = "sk-proxy-key-one";
constexpr const char *kKeyTwo = "sk-proxy-key-two";

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void missingKeyIs401_data();
    void missingKeyIs401();
    void wrongKeyIs401_data();
    void wrongKeyIs401();
    void validKeyIsAccepted_data();
    void validKeyIsAccepted();
    void healthNeedsNoKey();
    void clientKeyNeverReachesUpstream();
    void noKeysMeansOpenOnLoopback();
    void nonLoopbackBindWithoutKeysRefusesToStart();

private:
    GatewayFixture m_gateway;
};

void TestAuth::initTestCase()
{
    m_gateway.options.env.insert(u"LLM_PROXY_API_KEYS"_s,
                                 QString::fromLatin1(kKeyOne) + u',' + QString::fromLatin1(kKeyTwo));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestAuth::init()
{
    QVERIFY(m_gateway.mock.reset());
}

void TestAuth::missingKeyIs401_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("chat") << QByteArray("POST") << u"/v1/chat/completions"_s;
    QTest::newRow("completions") << QByteArray("POST") << u"/v1/completions"_s;
    QTest::newRow("embeddings") << QByteArray("POST") << u"/v1/embeddings"_s;
    QTest::newRow("models") << QByteArray("GET") << u"/v1/models"_s;
}

void TestAuth::missingKeyIs401()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const QByteArray body = method == "POST"
                                ? QJsonDocument(chatRequest(u"mock-chat"_s, u"hi"_s)).toJson(QJsonDocument::Compact)
                                : QByteArray();
    const HttpResponse r =
        HttpClient::request(method, m_gateway.url(path), {{"Content-Type", "application/json"}}, body);
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestAuth::wrongKeyIs401_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("bearer unknown") << QByteArray("Authorization") << QByteArray("Bearer sk-not-a-key");
    QTest::newRow("bearer prefix of a key") << QByteArray("Authorization") << QByteArray("Bearer sk-proxy-key-on");
    QTest::newRow("bearer key plus suffix") << QByteArray("Authorization") << QByteArray("Bearer sk-proxy-key-one2");
    QTest::newRow("bearer empty") << QByteArray("Authorization") << QByteArray("Bearer ");
    QTest::newRow("basic scheme") << QByteArray("Authorization") << QByteArray("Basic c2stcHJveHkta2V5LW9uZQ==");
    QTest::newRow("x-api-key unknown") << QByteArray("x-api-key") << QByteArray("sk-not-a-key");
    QTest::newRow("both keys joined") << QByteArray("x-api-key") << QByteArray("sk-proxy-key-one,sk-proxy-key-two");
}

void TestAuth::wrongKeyIs401()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"hi"_s), {{header, value}});
    QVERIFY2(r.status == 401, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestAuth::validKeyIsAccepted_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("bearer first key") << QByteArray("Authorization") << QByteArray("Bearer ") + kKeyOne;
    QTest::newRow("bearer second key") << QByteArray("Authorization") << QByteArray("Bearer ") + kKeyTwo;
    QTest::newRow("x-api-key") << QByteArray("x-api-key") << QByteArray(kKeyTwo);
}

void TestAuth::validKeyIsAccepted()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"authorized"_s), {{header, value}});
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(chatContent(r.json()), u"authorized"_s);
    const HttpResponse models = HttpClient::get(m_gateway.url(u"/v1/models"_s), {{header, value}});
    QVERIFY2(models.status == 200, qPrintable(models.describe()));
}

void TestAuth::healthNeedsNoKey()
{
    QCOMPARE(HttpClient::get(m_gateway.url(u"/health"_s)).status, 200);
    QCOMPARE(HttpClient::get(m_gateway.url(u"/health/live"_s)).status, 200);
    QCOMPARE(HttpClient::get(m_gateway.url(u"/health/ready"_s)).status, 200);
}

void TestAuth::clientKeyNeverReachesUpstream()
{
    const HttpResponse bearer = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"one"_s),
                                               {{"Authorization", QByteArray("Bearer ") + kKeyOne}});
    QVERIFY2(bearer.status == 200, qPrintable(bearer.describe()));
    const HttpResponse apiKey = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"two"_s, true),
                                               {{"x-api-key", kKeyTwo}});
    QVERIFY2(apiKey.status == 200, qPrintable(apiKey.describe()));

    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 2);
    for (const MockRequest &m : upstream) {
        QCOMPARE(m.header("authorization"), QByteArray("Bearer sk-upstream-secret"));
        for (const auto &h : m.headers) {
            QVERIFY2(!h.second.contains(kKeyOne) && !h.second.contains(kKeyTwo), h.first.constData());
        }
        QVERIFY(!m.body.contains(kKeyOne) && !m.body.contains(kKeyTwo));
    }
}

void TestAuth::noKeysMeansOpenOnLoopback()
{
    GatewayFixture open;
    QString error;
    QVERIFY2(open.start(&error), qPrintable(error));
    const HttpResponse r = open.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"no key needed"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(chatContent(r.json()), u"no key needed"_s);
}

void TestAuth::nonLoopbackBindWithoutKeysRefusesToStart()
{
    QTemporaryDir dir;
    QFile config(dir.filePath(u"config.yaml"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(ProxyConfig().toYaml());
    config.close();
    const ProcessResult result =
        ProxyProcess::run({u"--headless"_s, u"--host"_s, u"0.0.0.0"_s, u"--port"_s, QString::number(freePort()),
                           u"--data-dir"_s, dir.path(), u"--config"_s, config.fileName()},
                          {}, 15000);
    QVERIFY2(result.finished, "the gateway started on 0.0.0.0 without API keys");
    QVERIFY(result.exitStatus == QProcess::NormalExit);
    QVERIFY(result.exitCode != 0);
    const QByteArray output = (result.out + result.err).toLower();
    QVERIFY2(output.contains("key") || output.contains("loopback"), output.constData());
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"

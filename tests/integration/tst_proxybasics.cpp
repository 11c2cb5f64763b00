// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the gateway's happy paths against the mock upstream — health routes, aggregated /v1/models,
// chat completions, legacy completions with suffix, embeddings, the X-LLMProxy-* response headers,
// byte-exact pass-through of request bodies, the endpoint key (not the client's) sent upstream,
// routes matched without their query string, keep-alive, and no cookies added to upstream requests.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

class TestProxyBasics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void healthRoutesAnswer_data();
    void healthRoutesAnswer();
    void modelsAreAggregatedFromAllEndpoints();
    void chatCompletionRoundTrip();
    void responsesCarryGatewayHeaders();
    void requestIdsAreUnique();
    void requestBodyReachesUpstreamByteExact();
    void upstreamGetsEndpointKeyNotClientCredentials();
    void secondEndpointIsRoutedByModel();
    void routesMatchWithoutQueryString();
    void completionWithSuffix();
    void embeddingsMatchUpstream();
    void keepAliveConnectionServesSeveralRequests();
    void noCookiesAreAddedUpstream();

private:
    GatewayFixture m_gateway;
};

void TestProxyBasics::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    // Two endpoints on the same mock: the second serves a model of its own under another key.
    EndpointSpec second = m_gateway.mockEndpoint();
    second.id = u"second"_s;
    second.models = {u"other-model"_s};
    second.apiKey = u"sk-second-endpoint"_s;
    m_gateway.config.endpoints = {m_gateway.mockEndpoint(), second};
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestProxyBasics::init()
{
    QVERIFY(m_gateway.mock.reset());
}

void TestProxyBasics::healthRoutesAnswer_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("health") << u"/health"_s;
    QTest::newRow("live") << u"/health/live"_s;
    QTest::newRow("ready") << u"/health/ready"_s;
}

void TestProxyBasics::healthRoutesAnswer()
{
    QFETCH(QString, path);
    const HttpResponse r = HttpClient::get(m_gateway.url(path));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY2(QJsonDocument::fromJson(r.body).isObject(), qPrintable(r.describe()));
}

void TestProxyBasics::modelsAreAggregatedFromAllEndpoints()
{
    const HttpResponse r = HttpClient::get(m_gateway.url(u"/v1/models"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"object").toString(), u"list"_s);
    QStringList ids;
    const QJsonArray data = body.value(u"data").toArray();
    for (const QJsonValue &v : data) {
        const QJsonObject model = v.toObject();
        QCOMPARE(model.value(u"object").toString(), u"model"_s);
        QVERIFY(model.contains(u"owned_by"));
        ids.append(model.value(u"id").toString());
    }
    QVERIFY2(ids.contains(u"mock-chat"_s) && ids.contains(u"mock-embed"_s) && ids.contains(u"other-model"_s),
             qPrintable(ids.join(u", ")));
}

void TestProxyBasics::chatCompletionRoundTrip()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"What is the answer?"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY(r.header("content-type").startsWith("application/json"));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"object").toString(), u"chat.completion"_s);
    QCOMPARE(body.value(u"model").toString(), u"mock-chat"_s);
    QCOMPARE(chatContent(body), u"What is the answer?"_s);
    QCOMPARE(body.value(u"usage").toObject().value(u"total_tokens").toInt(), 8);
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
}

void TestProxyBasics::responsesCarryGatewayHeaders()
{
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"headers"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QVERIFY2(!r.header("x-llmproxy-request-id").isEmpty(), qPrintable(r.describe()));
    QVERIFY2(!r.header("x-llmproxy-provider").isEmpty(), qPrintable(r.describe()));
    bool ok = false;
    const double overhead = r.header("x-llmproxy-overhead-ms").toDouble(&ok);
    QVERIFY2(ok && overhead >= 0.0, qPrintable(r.describe()));
}

void TestProxyBasics::requestIdsAreUnique()
{
    const HttpResponse a = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"one"_s));
    const HttpResponse b = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"two"_s));
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QVERIFY(!a.header("x-llmproxy-request-id").isEmpty());
    QVERIFY(a.header("x-llmproxy-request-id") != b.header("x-llmproxy-request-id"));
}

void TestProxyBasics::requestBodyReachesUpstreamByteExact()
{
    // Unusual but valid JSON: spacing, key order, escapes, non-ASCII, unknown fields. None of it needs changing.
    const QByteArray body =
        "{\n  \"messages\" : [ {\"content\":\"caf\\u00e9 \xE2\x9C\x93 \\\"quoted\\\"\", \"role\":\"user\"} ],"
        "\"temperature\":0.25,\"x_vendor_field\":{\"keep\":[1,2,3]},  \"model\":\"mock-chat\"\n}";
    const HttpResponse r =
        HttpClient::post(m_gateway.url(u"/v1/chat/completions"_s), body, {{"Content-Type", "application/json"}});
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().path, QByteArray("/v1/chat/completions"));
    QCOMPARE(upstream.first().body, body);
    QCOMPARE(chatContent(r.json()), QString::fromUtf8("café ✓ \"quoted\""));
}

void TestProxyBasics::upstreamGetsEndpointKeyNotClientCredentials()
{
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"key check"_s),
                       {{"Authorization", "Bearer client-side-token"}, {"x-api-key", "client-side-token"}});
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().header("authorization"), QByteArray("Bearer sk-upstream-secret"));
    for (const auto &h : upstream.first().headers)
        QVERIFY2(!h.second.contains("client-side-token"), h.first.constData());
}

void TestProxyBasics::secondEndpointIsRoutedByModel()
{
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"other-model"_s, u"routed"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(chatContent(r.json()), u"routed"_s);
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().header("authorization"), QByteArray("Bearer sk-second-endpoint"));
}

void TestProxyBasics::routesMatchWithoutQueryString()
{
    const HttpResponse chat =
        m_gateway.post(u"/v1/chat/completions?trace=1&x=y"_s, chatRequest(u"mock-chat"_s, u"query"_s));
    QVERIFY2(chat.status == 200, qPrintable(chat.describe()));
    QCOMPARE(chatContent(chat.json()), u"query"_s);
    const HttpResponse models = HttpClient::get(m_gateway.url(u"/v1/models?limit=5"_s));
    QVERIFY2(models.status == 200, qPrintable(models.describe()));
    const HttpResponse health = HttpClient::get(m_gateway.url(u"/health?probe=1"_s));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
}

void TestProxyBasics::completionWithSuffix()
{
    const QJsonObject request{{u"model"_s, u"mock-chat"_s},
                              {u"prompt"_s, u"def square(x):"_s},
                              {u"suffix"_s, u" return x * x"_s},
                              {u"max_tokens"_s, 64}};
    const HttpResponse r = m_gateway.post(u"/v1/completions"_s, request);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(u"object").toString(), u"text_completion"_s);
    QCOMPARE(body.value(u"choices").toArray().at(0).toObject().value(u"text").toString(),
             u"def square(x): return x * x"_s);
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().path, QByteArray("/v1/completions"));
    QCOMPARE(upstream.first().json().value(u"suffix").toString(), u" return x * x"_s);
}

void TestProxyBasics::embeddingsMatchUpstream()
{
    const QJsonObject request{{u"model"_s, u"mock-embed"_s},
                              {u"input"_s, QJsonArray{u"first text"_s, u"second"_s}},
                              {u"encoding_format"_s, u"float"_s}};
    const HttpResponse viaGateway = m_gateway.post(u"/v1/embeddings"_s, request);
    QVERIFY2(viaGateway.status == 200, qPrintable(viaGateway.describe()));
    const HttpResponse direct = HttpClient::postJson(m_gateway.mock.url(u"/v1/embeddings"_s), request);
    QCOMPARE(direct.status, 200);
    const QJsonObject body = viaGateway.json();
    QCOMPARE(body.value(u"object").toString(), u"list"_s);
    QCOMPARE(body.value(u"data").toArray().size(), 2);
    QCOMPARE(body.value(u"data"), direct.json().value(u"data"));
    QCOMPARE(body.value(u"usage"), direct.json().value(u"usage"));
}

void TestProxyBasics::keepAliveConnectionServesSeveralRequests()
{
    RawConnection raw;
    QVERIFY(raw.connectTo(m_gateway.url(QString())));
    for (int i = 1; i <= 3; ++i) {
        const QByteArray body =
            QJsonDocument(chatRequest(u"mock-chat"_s, u"turn %1"_s.arg(i))).toJson(QJsonDocument::Compact);
        QVERIFY(raw.write("POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nContent-Type: "
                          "application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body));
        QVERIFY2(raw.waitForResponses(i, 15000), raw.received().right(500).constData());
        const HttpResponse r = raw.responses().at(i - 1);
        QCOMPARE(r.status, 200);
        QCOMPARE(chatContent(r.json()), u"turn %1"_s.arg(i));
    }
    QVERIFY(raw.isConnected());
}

void TestProxyBasics::noCookiesAreAddedUpstream()
{
    QVERIFY(m_gateway.mock.script(
        QJsonObject{{u"headers"_s, QJsonObject{{u"Set-Cookie"_s, u"session=upstream-secret; Path=/"_s}}}}));
    const HttpResponse first = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"first"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const HttpResponse second = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"second"_s));
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    const QList<MockRequest> upstream = m_gateway.mock.inferenceRequests();
    QCOMPARE(upstream.size(), 2);
    for (const MockRequest &m : upstream)
        QVERIFY2(!m.hasHeader("cookie"), m.header("cookie").constData());
    // Nor does the cookie come back on an unrelated response.
    QVERIFY(!second.header("set-cookie").contains("upstream-secret"));
}

QTEST_GUILESS_MAIN(TestProxyBasics)
#include "tst_proxybasics.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: every error a client can get from the gateway is OpenAI-shaped with the right status —
// malformed JSON 400, missing model 400, unknown model 404 (model_not_found), unknown route 404,
// onboarding (no endpoint configured) 503, upstream unreachable 502, upstream timeout 504, and
// upstream 4xx/5xx passed through with their status and body. Bad requests never reach the upstream.
#include "tests/support/gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

QString errorCode(const HttpResponse &r)
{
    return r.json().value(u"error").toObject().value(u"code").toString();
}

} // namespace

class TestProxyErrors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void malformedJsonIs400();
    void nonObjectJsonIs400();
    void missingModelIs400();
    void unknownModelIs404();
    void unknownRouteIs404();
    void upstreamErrorsPassThrough_data();
    void upstreamErrorsPassThrough();
    void upstreamTimeoutIs504();
    void upstreamUnreachableIs502();
    void onboardingAnswers503OnInferenceRoutes();

private:
    GatewayFixture m_gateway;
};

void TestProxyErrors::initTestCase()
{
    m_gateway.config.firstByteTimeoutMs = 1500;
    // One attempt per request: these tests check what the client gets when the upstream fails
    // (retries and fallback are covered by tst_resilience).
    m_gateway.config.extraYaml += "routing:\n  retry: {max_attempts: 1}\n";
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestProxyErrors::init()
{
    QVERIFY(m_gateway.mock.reset());
}

void TestProxyErrors::malformedJsonIs400()
{
    const HttpResponse r =
        HttpClient::post(m_gateway.url(u"/v1/chat/completions"_s), R"({"model":"mock-chat","messages":[)",
                         {{"Content-Type", "application/json"}});
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QVERIFY(r.header("content-type").startsWith("application/json"));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestProxyErrors::nonObjectJsonIs400()
{
    const HttpResponse r = HttpClient::post(m_gateway.url(u"/v1/embeddings"_s), R"(["model","mock-embed"])",
                                            {{"Content-Type", "application/json"}});
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestProxyErrors::missingModelIs400()
{
    QJsonObject request = chatRequest(u"x"_s, u"no model here"_s);
    request.remove(u"model"_s);
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, request);
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestProxyErrors::unknownModelIs404()
{
    const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"no-such-model"_s, u"hi"_s));
    QVERIFY2(r.status == 404, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    QCOMPARE(errorCode(r), u"model_not_found"_s);
    QVERIFY(r.json().value(u"error").toObject().value(u"message").toString().contains(u"no-such-model"_s));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 0);
}

void TestProxyErrors::unknownRouteIs404()
{
    const HttpResponse r = HttpClient::get(m_gateway.url(u"/v1/no/such/route"_s));
    QVERIFY2(r.status == 404, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
}

void TestProxyErrors::upstreamErrorsPassThrough_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("400 context length")
        << 400
        << QByteArray(
               R"({"error":{"message":"This model's maximum context length is 8 tokens","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}})");
    QTest::newRow("401 upstream key")
        << 401
        << QByteArray(
               R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})");
    QTest::newRow("429 rate limit")
        << 429
        << QByteArray(
               R"({"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}})");
    QTest::newRow("500 server error")
        << 500
        << QByteArray(
               R"({"error":{"message":"The server had an error","type":"server_error","param":null,"code":null}})");
    QTest::newRow("503 overloaded")
        << 503
        << QByteArray(
               R"({"error":{"message":"The engine is currently overloaded","type":"server_error","param":null,"code":"overloaded"}})");
}

void TestProxyErrors::upstreamErrorsPassThrough()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, status}, {u"body"_s, QString::fromUtf8(body)}}));
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"fail please"_s), {}, 20000);
    QVERIFY2(r.status == status, qPrintable(r.describe()));
    QCOMPARE(QJsonDocument::fromJson(r.body), QJsonDocument::fromJson(body));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
}

void TestProxyErrors::upstreamTimeoutIs504()
{
    QVERIFY(m_gateway.mock.script(QJsonObject{{u"no_response"_s, true}}));
    const HttpResponse r =
        m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"anyone there?"_s), {}, 20000);
    QVERIFY2(r.status == 504, qPrintable(r.describe()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    // The gateway gives up on the upstream connection too.
    QTRY_COMPARE_WITH_TIMEOUT(m_gateway.mock.stat("client_aborted"), 1, 10000);
}

void TestProxyErrors::upstreamUnreachableIs502()
{
    const RefusingPort refusing; // nothing listens there, nor can anything else take the port
    ProxyConfig config;
    EndpointSpec dead;
    dead.id = u"dead"_s;
    dead.baseUrl = u"http://127.0.0.1:%1/v1"_s.arg(refusing.port());
    dead.models = {u"dead-model"_s};
    dead.apiKey = u"sk-dead"_s;
    config.endpoints = {dead};
    config.connectTimeoutMs = 2000;
    ProxyOptions options;
    options.configYaml = config.toYaml();
    ProxyProcess proxy;
    QVERIFY2(proxy.start(options), qPrintable(proxy.errorString()));

    const HttpResponse r = HttpClient::postJson(proxy.url(u"/v1/chat/completions"_s),
                                                chatRequest(u"dead-model"_s, u"hello?"_s), {}, 20000);
    QVERIFY2(r.status == 502, qPrintable(r.describe() + u'\n' + proxy.diagnostics()));
    QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));

    const HttpResponse streamed = HttpClient::postJson(proxy.url(u"/v1/chat/completions"_s),
                                                       chatRequest(u"dead-model"_s, u"hello?"_s, true), {}, 20000);
    QVERIFY2(streamed.status == 502, qPrintable(streamed.describe()));
    QVERIFY2(openAiErrorProblem(streamed.body).isEmpty(), qPrintable(openAiErrorProblem(streamed.body)));
}

void TestProxyErrors::onboardingAnswers503OnInferenceRoutes()
{
    ProxyConfig config; // no endpoints, discovery off
    ProxyOptions options;
    options.configYaml = config.toYaml();
    options.readyPath = u"/health/live"_s;
    ProxyProcess proxy;
    QVERIFY2(proxy.start(options), qPrintable(proxy.errorString()));

    QCOMPARE(HttpClient::get(proxy.url(u"/health"_s)).status, 200);
    const QList<QPair<QString, QJsonObject>> calls{
        {u"/v1/chat/completions"_s, chatRequest(u"gpt-4o"_s, u"hi"_s)},
        {u"/v1/chat/completions"_s, chatRequest(u"gpt-4o"_s, u"hi"_s, true)},
        {u"/v1/completions"_s, QJsonObject{{u"model"_s, u"gpt-3.5-turbo-instruct"_s}, {u"prompt"_s, u"hi"_s}}},
        {u"/v1/embeddings"_s, QJsonObject{{u"model"_s, u"text-embedding-3-small"_s}, {u"input"_s, u"hi"_s}}},
    };
    for (const auto &call : calls) {
        const HttpResponse r = HttpClient::postJson(proxy.url(call.first), call.second);
        QVERIFY2(r.status == 503, qPrintable(call.first + u": "_s + r.describe()));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
    }
}

QTEST_GUILESS_MAIN(TestProxyErrors)
#include "tst_proxyerrors.moc"

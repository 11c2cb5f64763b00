// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The daily budget in the request path: requests are priced from their usage and charged; once
// the limit is reached a request goes to a local model when fallback_to_local_on_limit allows it,
// and is refused with 402 in the client's own error shape otherwise. The day's spend outlives a
// restart (spend_daily in the store; budget.json in the data directory when storage is off).
#include "tests/support/gatewayfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject chat(const QString &model)
{
    return {{u"model"_s, model},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"spend some tokens"_s}}}}};
}

/// A gateway whose daily limit is spent by the first request (the mock reports a few tokens; at the
/// configured $1000 per million tokens that is a few cents).
bool startGateway(GatewayFixture &gateway, MockUpstreamProcess &local, bool fallbackToLocal, QString *error,
                  const QByteArray &serverYaml = {})
{
    if (!gateway.mock.start() || !local.start()) {
        *error = u"mock did not start"_s;
        return false;
    }
    EndpointSpec paid = gateway.mockEndpoint();
    paid.id = u"paid"_s;
    paid.models = {u"gpt-paid"_s};
    EndpointSpec onMachine = gateway.mockEndpoint();
    onMachine.id = u"local"_s;
    onMachine.provider = u"ollama"_s;
    onMachine.baseUrl = local.baseUrl();
    onMachine.models = {u"qwen-local"_s};
    gateway.config.endpoints = {paid, onMachine};
    gateway.config.extraYaml = "pricing:\n  gpt-paid: {input: 1000, output: 1000}\n"
                               "budget:\n  daily_limit: 0.001\n  fallback_to_local_on_limit: " +
                               QByteArray(fallbackToLocal ? "true" : "false") + "\n";
    gateway.config.serverYaml = serverYaml;
    return gateway.start(error);
}

} // namespace

class TestBudgetRouting : public QObject
{
    Q_OBJECT

private slots:
    void exhaustedBudgetIsRefusedWith402()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, false, &error), qPrintable(error));

        const HttpResponse first = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s));
        QCOMPARE(first.status, 200);
        const HttpResponse second = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s));
        QCOMPARE(second.status, 402);
        const QJsonObject e = second.json().value(u"error"_s).toObject();
        QCOMPARE(e.value(u"code"_s).toString(), u"daily_budget_exceeded"_s);
        QVERIFY2(e.value(u"message"_s).toString().contains(u"00:00 UTC"_s), qPrintable(e.value(u"message"_s).toString()));
        QCOMPARE(gateway.mock.inferenceRequests().size(), 1);

        // The same refusal in Anthropic's shape for an Anthropic client.
        const QJsonObject messages{{u"model"_s, u"gpt-paid"_s},
                                   {u"max_tokens"_s, 16},
                                   {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
        const HttpResponse anthropic = gateway.post(u"/v1/messages"_s, messages);
        QCOMPARE(anthropic.status, 402);
        QCOMPARE(anthropic.json().value(u"type"_s).toString(), u"error"_s);

        // A local model spends nothing: still served.
        QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chat(u"qwen-local"_s)).status, 200);
    }

    void exhaustedBudgetFallsBackToTheLocalModel()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, true, &error), qPrintable(error));

        QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s)).header("x-llmproxy-endpoint"),
                 QByteArray("paid"));
        const HttpResponse second = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.header("x-llmproxy-endpoint"), QByteArray("local"));
        const QList<MockRequest> sent = local.inferenceRequests();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).json().value(u"model"_s).toString(), u"qwen-local"_s);
        QCOMPARE(gateway.mock.inferenceRequests().size(), 1);
    }

    void spentBudgetSurvivesARestart_data()
    {
        QTest::addColumn<QByteArray>("serverYaml");
        QTest::addColumn<bool>("store");
        QTest::newRow("store") << QByteArray() << true;
        QTest::newRow("storage off") << QByteArray("  storage:\n    enabled: false\n") << false;
    }

    void spentBudgetSurvivesARestart()
    {
        QFETCH(QByteArray, serverYaml);
        QFETCH(bool, store);
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, false, &error, serverYaml), qPrintable(error));
        QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s)).status, 200);
        QVERIFY(gateway.proxy.sendSignal(SIGTERM));
        QVERIFY(gateway.proxy.waitForExit(15'000));
        QCOMPARE(gateway.proxy.exitCode(), 0);
        const QString saved = gateway.proxy.dataDir() + u"/budget.json"_s;
        QFile file(saved);
        if (store) {
            // The spend is in spend_daily, written with the request history: no budget.json.
            QVERIFY2(!file.exists(), qPrintable(saved));
            QVERIFY(QFile::exists(gateway.proxy.dataDir() + u"/llmproxy.db"_s));
        } else {
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(saved));
            const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
            QCOMPARE(o.value(u"date"_s).toString(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
            QVERIFY(o.value(u"spent_usd"_s).toDouble() >= 0.001);
        }

        // The same configuration and data directory in a new process: the limit is still spent.
        ProxyProcess restarted;
        ProxyOptions options = gateway.options;
        options.extraArgs << u"--data-dir"_s << gateway.proxy.dataDir();
        QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
        const HttpResponse refused =
            HttpClient::postJson(restarted.url(u"/v1/chat/completions"_s), chat(u"gpt-paid"_s));
        QVERIFY2(refused.status == 402, qPrintable(refused.describe()));
        QCOMPARE(gateway.mock.inferenceRequests().size(), 1);
        QVERIFY2(restarted.stdErr().contains("today's spend so far"), restarted.stdErr().constData());
        if (store)
            QVERIFY2(restarted.stdErr().contains("spend_daily"), restarted.stdErr().constData());
    }

    void usageWithCachedInputIsPriced()
    {
        // Usage is read from the provider's answer (OpenAI: cached tokens inside prompt_tokens;
        // Anthropic: cache reads and writes beside input_tokens) and priced with cached input at 10 %.
        GatewayFixture gateway;
        QVERIFY(gateway.mock.start());
        EndpointSpec openAi = gateway.mockEndpoint();
        openAi.id = u"oai"_s;
        openAi.models = {u"priced-chat"_s};
        EndpointSpec claude = gateway.mockEndpoint();
        claude.id = u"claude"_s;
        claude.provider = u"anthropic"_s;
        claude.models = {u"priced-claude"_s};
        gateway.config.endpoints = {openAi, claude};
        gateway.config.extraYaml = "pricing:\n  priced-chat: {input: 1, output: 2}\n"
                                   "  priced-claude: {input: 1, output: 2}\n";
        QString error;
        QVERIFY2(gateway.start(&error), qPrintable(error));

        const QByteArray openAiBody =
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"priced-chat\","
            "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":10,"
            "\"total_tokens\":1010,\"prompt_tokens_details\":{\"cached_tokens\":600}}}";
        QVERIFY(gateway.mock.script(QJsonObject{{u"status"_s, 200}, {u"body"_s, QString::fromLatin1(openAiBody)}}));
        const HttpResponse first = gateway.post(u"/v1/chat/completions"_s, chat(u"priced-chat"_s));
        QVERIFY2(first.status == 200, qPrintable(first.describe()));
        QCOMPARE(first.body, openAiBody);

        const QByteArray anthropicBody =
            "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"priced-claude\","
            "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":\"end_turn\","
            "\"stop_sequence\":null,\"usage\":{\"input_tokens\":100,\"cache_creation_input_tokens\":50,"
            "\"cache_read_input_tokens\":900,\"output_tokens\":10}}";
        QVERIFY(gateway.mock.script(QJsonObject{{u"status"_s, 200}, {u"body"_s, QString::fromLatin1(anthropicBody)}}));
        const QJsonObject messages{{u"model"_s, u"priced-claude"_s},
                                   {u"max_tokens"_s, 16},
                                   {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
        const HttpResponse second = gateway.post(u"/v1/messages"_s, messages);
        QVERIFY2(second.status == 200, qPrintable(second.describe()));

        // 400 × 1 + 600 × 0.1 + 10 × 2 = 480 µUSD; (100 + 50) × 1 + 900 × 0.1 + 10 × 2 = 260 µUSD.
        QTRY_VERIFY2_WITH_TIMEOUT(gateway.proxy.stdErr().contains("cost_usd=0.00026"),
                                  gateway.proxy.stdErr().right(1500).constData(), 10000);
        const QByteArray log = gateway.proxy.stdErr();
        QVERIFY2(log.contains("cost_usd=0.00048 duration_ms"), log.right(1500).constData());
        QVERIFY(log.contains("input_tokens=1000"));
        QVERIFY(log.contains("input_tokens=1050"));
        QVERIFY(log.contains("output_tokens=10"));
    }
};

QTEST_GUILESS_MAIN(TestBudgetRouting)
#include "tst_budgetrouting.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The keys' and teams' budgets through a real gateway process: the worst case of a request
// (input and its max_tokens / max_output_tokens at the route's price) is reserved before it is
// sent, and a request it would take past a hard limit is refused with 402 in the client's shape
// (Chat Completions, Messages, Responses) or sent to a local model; the key's team is in the
// request history; GET /api/v1/analytics/budget lists every scope; the soft limit is logged once;
// the day's and month's totals survive a restart (spend_daily grouped by key and team).
#include "tests/support/gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <csignal>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAliceKey = "sk-alice-0123456789abcdef";
constexpr const char *kBobKey = "sk-bob-0123456789abcdef";
constexpr const char *kAdminKey = "adm-keybudgets-test";

QJsonObject chat(const QString &model, int maxTokens)
{
    return {{u"model"_s, model},
            {u"max_tokens"_s, maxTokens},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"spend some tokens"_s}}}}};
}

/// Alice (team research, $1 a day, soft limit a tenth of a cent) and Bob (team research, no budget of his
/// own); research may spend $1.50 a month. gpt-paid costs $1000 per million tokens: a tenth of a
/// cent a token.
bool startGateway(GatewayFixture &gateway, MockUpstreamProcess &local, bool fallbackToLocal, QString *error)
{
    if (!gateway.mock.start() || !local.start()) {
        *error = u"mock did not start"_s;
        return false;
    }
    EndpointSpec paid = gateway.mockEndpoint();
    paid.id = u"paid"_s;
    paid.models = {u"gpt-paid"_s, u"gpt-long"_s};
    EndpointSpec onMachine = gateway.mockEndpoint();
    onMachine.id = u"local"_s;
    onMachine.provider = u"ollama"_s;
    onMachine.baseUrl = local.baseUrl();
    onMachine.models = {u"qwen-local"_s};
    gateway.config.endpoints = {paid, onMachine};
    gateway.config.serverYaml = "  auth:\n    keys:\n"
                                "      - {name: alice, key_env: ALICE_KEY, team: research}\n"
                                "      - {name: bob, key_env: BOB_KEY, team: research}\n";
    gateway.config.extraYaml = "pricing:\n  gpt-paid: {input: 1000, output: 1000, max_output_tokens: 500}\n"
                               "  gpt-long: {input: 1000, output: 1000}\n"
                               "budget:\n  fallback_to_local_on_limit: " +
                               QByteArray(fallbackToLocal ? "true" : "false") +
                               "\n  keys:\n    alice: {daily_usd: 1, soft_usd: 0.001}\n"
                               "  teams:\n    research: {monthly_usd: 1.5}\n";
    gateway.options.env.insert(u"ALICE_KEY"_s, QString::fromLatin1(kAliceKey));
    gateway.options.env.insert(u"BOB_KEY"_s, QString::fromLatin1(kBobKey));
    gateway.options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    return gateway.start(error);
}

HttpResponse admin(const ProxyProcess &proxy, const QString &path)
{
    return HttpClient::get(proxy.url(path), bearer(kAdminKey));
}

/// The scope `kind`/`name`/`window` of GET /api/v1/analytics/budget.
QJsonObject scopeOf(const QJsonObject &budget, const QString &kind, const QString &name, const QString &window)
{
    for (const QJsonValue v : budget.value(u"scopes"_s).toArray()) {
        QJsonObject o = v.toObject();
        if (o.value(u"kind"_s).toString() == kind && o.value(u"name"_s).toString() == name &&
            o.value(u"window"_s).toString() == window)
            return o;
    }
    return {};
}

} // namespace

class TestKeyBudgets : public QObject
{
    Q_OBJECT

private slots:
    void worstCaseBeyondTheLimitIsRefusedInTheClientsShape()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, false, &error), qPrintable(error));

        // 2000 output tokens may cost $2: more than Alice's day, refused before anything is sent.
        HttpResponse r = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s, 2000), bearer(kAliceKey));
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QJsonObject e = r.json().value(u"error"_s).toObject();
        QCOMPARE(e.value(u"code"_s).toString(), u"key_budget_exceeded"_s);
        QCOMPARE(e.value(u"type"_s).toString(), u"insufficient_quota"_s);
        const QString message = e.value(u"message"_s).toString();
        QVERIFY2(message.contains(u"daily budget of key 'alice'"_s), qPrintable(message));
        QVERIFY2(message.contains(u"budget.keys.alice.daily_usd"_s), qPrintable(message));
        QCOMPARE(gateway.mock.inferenceRequests().size(), 0);

        // The same in Anthropic's shape, and for the Responses API (max_output_tokens).
        const QJsonObject messages{
            {u"model"_s, u"gpt-paid"_s},
            {u"max_tokens"_s, 2000},
            {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
        r = gateway.post(u"/v1/messages"_s, messages, bearer(kAliceKey));
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"billing_error"_s);
        const QJsonObject responses{{u"model"_s, u"gpt-paid"_s}, {u"input"_s, u"hi"_s}, {u"max_output_tokens"_s, 2000}};
        r = gateway.post(u"/v1/responses"_s, responses, bearer(kAliceKey));
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"key_budget_exceeded"_s);

        // Bob has no limit of his own; his team's month is $1.50.
        r = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s, 1600), bearer(kBobKey));
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"team_budget_exceeded"_s);
        QVERIFY(r.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"monthly budget"_s));

        // A request that fits is served; a local model costs nothing.
        r = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s, 20), bearer(kAliceKey));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(gateway.mock.inferenceRequests().size(), 1);
        r = gateway.post(u"/v1/chat/completions"_s, chat(u"qwen-local"_s, 100'000), bearer(kAliceKey));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
    }

    void requestWithoutMaximumReservesTheModelsOutputLimit()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, false, &error), qPrintable(error));
        const auto unbounded = [](const QString &model) {
            return QJsonObject{
                {u"model"_s, model},
                {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}};
        };
        // gpt-paid writes at most 500 tokens ($0.50): that much is held, and it fits Alice's $1 day.
        HttpResponse r = gateway.post(u"/v1/chat/completions"_s, unbounded(u"gpt-paid"_s), bearer(kAliceKey));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        // gpt-long's limit is not known: budget.reserve_output_tokens (4096 tokens, $4.10) is held, and refused.
        r = gateway.post(u"/v1/chat/completions"_s, unbounded(u"gpt-long"_s), bearer(kAliceKey));
        QVERIFY2(r.status == 402, qPrintable(r.describe()));
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"key_budget_exceeded"_s);
        QCOMPARE(gateway.mock.inferenceRequests().size(), 1);
    }

    void refusedRequestGoesToTheLocalModelWhenAllowed()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, true, &error), qPrintable(error));
        const HttpResponse r = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s, 2000), bearer(kAliceKey));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("local"));
        QCOMPARE(gateway.mock.inferenceRequests().size(), 0);
        QCOMPARE(local.inferenceRequests().size(), 1);
        QCOMPARE(local.inferenceRequests().at(0).json().value(u"model"_s).toString(), u"qwen-local"_s);
    }

    void spendIsReportedRecordedAndRestored()
    {
        GatewayFixture gateway;
        MockUpstreamProcess local;
        QString error;
        QVERIFY2(startGateway(gateway, local, false, &error), qPrintable(error));
        for (int i = 0; i < 3; ++i) {
            const HttpResponse r = gateway.post(u"/v1/chat/completions"_s, chat(u"gpt-paid"_s, 50), bearer(kAliceKey));
            QVERIFY2(r.status == 200, qPrintable(r.describe()));
        }

        HttpResponse r = admin(gateway.proxy, u"/api/v1/analytics/budget"_s);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QJsonObject budget = r.json();
        const QJsonObject global = scopeOf(budget, u"global"_s, {}, u"daily"_s);
        QVERIFY(!global.isEmpty());
        const QJsonObject day = scopeOf(budget, u"key"_s, u"alice"_s, u"daily"_s);
        QCOMPARE(day.value(u"limit_usd"_s).toDouble(), 1.0);
        QCOMPARE(day.value(u"soft_limit_usd"_s).toDouble(), 0.001);
        QCOMPARE(day.value(u"reserved_usd"_s).toDouble(), 0.0);
        const double spent = day.value(u"spent_usd"_s).toDouble();
        QVERIFY2(spent > 0.0, qPrintable(QString::fromUtf8(QJsonDocument(day).toJson())));
        QVERIFY(!day.value(u"resets_at"_s).toString().isEmpty());
        const QJsonObject team = scopeOf(budget, u"team"_s, u"research"_s, u"monthly"_s);
        QCOMPARE(team.value(u"limit_usd"_s).toDouble(), 1.5);
        QCOMPARE(team.value(u"spent_usd"_s).toDouble(), spent);
        QVERIFY(scopeOf(budget, u"key"_s, u"bob"_s, u"daily"_s).isEmpty()); // no budget, not listed

        // The key's team is in the request history.
        QTRY_VERIFY_WITH_TIMEOUT(
            admin(gateway.proxy, u"/api/v1/requests?key=alice"_s).json().value(u"requests"_s).toArray().size() == 3,
            10'000);
        const QJsonArray rows =
            admin(gateway.proxy, u"/api/v1/requests?key=alice"_s).json().value(u"requests"_s).toArray();
        QCOMPARE(rows.at(0).toObject().value(u"team"_s).toString(), u"research"_s);

        // The first request's few tokens crossed the soft limit: logged once, shown as the state.
        QCOMPARE(day.value(u"state"_s).toString(), u"soft_limit"_s);
        QCOMPARE(gateway.proxy.stdErr().count("soft limit of"), 1);

        // A new process on the same data directory starts from spend_daily's totals.
        QVERIFY(gateway.proxy.sendSignal(SIGTERM));
        QVERIFY(gateway.proxy.waitForExit(15'000));
        ProxyProcess restarted;
        ProxyOptions options = gateway.options;
        options.extraArgs << u"--data-dir"_s << gateway.proxy.dataDir();
        QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
        budget = admin(restarted, u"/api/v1/analytics/budget"_s).json();
        QVERIFY(std::abs(scopeOf(budget, u"key"_s, u"alice"_s, u"daily"_s).value(u"spent_usd"_s).toDouble() - spent) <
                1e-9);
        QVERIFY(std::abs(scopeOf(budget, u"team"_s, u"research"_s, u"monthly"_s).value(u"spent_usd"_s).toDouble() -
                         spent) < 1e-9);
        QVERIFY2(restarted.stdErr().contains("key alice:"), restarted.stdErr().constData());
    }
};

QTEST_GUILESS_MAIN(TestKeyBudgets)
#include "tst_keybudgets.moc"

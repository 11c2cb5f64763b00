// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Model resolution: exact models, aliases (exact before glob), endpoints that accept any model,
// priority order, discovered endpoints, and the prebuilt /v1/models list.
#include "proxycore/routing/routingsnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy;

namespace {

EndpointConfig endpoint(const QString &id, const QStringList &models, int priority = 0,
                        const QString &provider = QStringLiteral("openai_compatible"))
{
    EndpointConfig e;
    e.id = id;
    e.provider = provider;
    e.baseUrl = QStringLiteral("http://127.0.0.1:9/") + id + QStringLiteral("/v1/");
    e.models = models;
    e.priority = priority;
    e.apiKey = QStringLiteral("sk-") + id;
    e.source = QStringLiteral("file");
    return e;
}

/// Two endpoints serving `models`: `light` preferred by priority, `heavy` with weight 3.
Config lightAndHeavy(const QString &light, const QString &heavy, const QStringList &models)
{
    Config c;
    EndpointConfig h = endpoint(heavy, models, 1);
    h.weight = 3;
    c.endpoints = {endpoint(light, models, 0), h};
    return c;
}

/// How often `id` leads the routes of `model` in `turns` requests.
int timesFirst(const RoutingSnapshot &s, const QString &model, const QString &id, int turns)
{
    int n = 0;
    for (int i = 0; i < turns; ++i)
        n += s.routes(model).first().endpoint->config.id == id ? 1 : 0;
    return n;
}

} // namespace

class TestRoutingSnapshot : public QObject
{
    Q_OBJECT
private slots:
    void resolvesModelsAndAliases()
    {
        Config c;
        c.endpoints = {endpoint(QStringLiteral("b"), {QStringLiteral("gpt-4o")}, 5),
                       endpoint(QStringLiteral("a"), {QStringLiteral("gpt-4o"), QStringLiteral("mini")}, 1)};
        c.modelAliases = {{QStringLiteral("claude-*"), QStringLiteral("mini")},
                          {QStringLiteral("claude-opus"), QStringLiteral("gpt-4o")},
                          {QStringLiteral("broken"), QStringLiteral("nowhere")}};
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);

        RouteTarget t = s.resolve(QStringLiteral("gpt-4o"));
        QVERIFY(t.endpoint);
        QCOMPARE(t.endpoint->config.id, QStringLiteral("a")); // lower priority value wins
        QCOMPARE(t.upstreamModel, QStringLiteral("gpt-4o"));
        QCOMPARE(t.endpoint->baseUrl, QByteArray("http://127.0.0.1:9/a/v1")); // trailing '/' removed
        QCOMPARE(t.endpoint->auth.first, QByteArray("authorization"));
        QCOMPARE(t.endpoint->auth.second, QByteArray("Bearer sk-a"));

        t = s.resolve(QStringLiteral("claude-sonnet-4-5"));
        QVERIFY(t.endpoint);
        QCOMPARE(t.upstreamModel, QStringLiteral("mini"));
        t = s.resolve(QStringLiteral("claude-opus")); // the exact alias beats the glob
        QCOMPARE(t.upstreamModel, QStringLiteral("gpt-4o"));
        QVERIFY(!s.resolve(QStringLiteral("my-claude-x")).endpoint); // globs match the whole name
        QVERIFY(!s.resolve(QStringLiteral("broken")).endpoint);
        QVERIFY(!s.resolve(QStringLiteral("unknown")).endpoint);
    }

    void aliasesAndStrategiesUseOnePatternDialect()
    {
        Config c =
            lightAndHeavy(QStringLiteral("a"), QStringLiteral("b"), {QStringLiteral("mini"), QStringLiteral("big")});
        c.modelAliases = {{QStringLiteral("meta-llama/*"), QStringLiteral("mini")}, // '*' spans '/'
                          {QStringLiteral("claude-*"), QStringLiteral("mini")},
                          {QStringLiteral("claude-opus-*"), QStringLiteral("big")},      // more specific
                          {QStringLiteral("claude-opus-4"), QStringLiteral("nowhere")}}; // exact, not served
        c.routing.modelStrategies = {{QStringLiteral("*"), QStringLiteral("priority")},
                                     {QStringLiteral("meta-llama/*"), QStringLiteral("weighted")}};
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);
        QCOMPARE(s.resolve(QStringLiteral("meta-llama/Llama-3.1-8B/fp8")).upstreamModel, QStringLiteral("mini"));
        QCOMPARE(s.resolve(QStringLiteral("claude-sonnet-4")).upstreamModel, QStringLiteral("mini"));
        QCOMPARE(s.resolve(QStringLiteral("claude-opus-4-1")).upstreamModel, QStringLiteral("big"));
        // The exact alias's target is not served: the next rule in precedence applies.
        QCOMPARE(s.resolve(QStringLiteral("claude-opus-4")).upstreamModel, QStringLiteral("big"));
        QCOMPARE(s.routes(QStringLiteral("claude-opus-4")).first().upstreamModel, QStringLiteral("big"));
        // The requested name's rule ("meta-llama/*": weighted) beats the served name's ("*": priority).
        QCOMPARE(timesFirst(s, QStringLiteral("meta-llama/x"), QStringLiteral("b"), 8), 6);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(s.routes(QStringLiteral("mini")).first().endpoint->config.id, QStringLiteral("a"));
    }

    void routesRankTheModelsEndpointsThenTheFallbackChain()
    {
        Config c;
        c.endpoints = {endpoint(QStringLiteral("b"), {QStringLiteral("gpt-4o")}, 5),
                       endpoint(QStringLiteral("a"), {QStringLiteral("gpt-4o")}, 1),
                       endpoint(QStringLiteral("claude"), {QStringLiteral("sonnet")}, 0, QStringLiteral("anthropic")),
                       endpoint(QStringLiteral("groq"), {}, 0, QStringLiteral("groq"))};
        c.fallbackChains.insert(QStringLiteral("gpt-4o"),
                                {{QStringLiteral("CLAUDE"), QStringLiteral("sonnet")},     // endpoint id, any case
                                 {QStringLiteral("groq"), QStringLiteral("llama-70b")},    // a provider name
                                 {QStringLiteral("a"), QStringLiteral("gpt-4o")},          // already a route
                                 {QStringLiteral("nowhere"), QStringLiteral("x")}});       // unknown: skipped
        c.modelAliases = {{QStringLiteral("best"), QStringLiteral("gpt-4o")}};
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);

        const auto describe = [](const QList<RouteTarget> &routes) {
            QStringList out;
            for (const RouteTarget &r : routes)
                out.append(r.endpoint->config.id + u':' + r.upstreamModel + (r.fallbackHop ? u"*" : u""));
            return out.join(u' ');
        };
        QCOMPARE(describe(s.routes(QStringLiteral("gpt-4o"))), QStringLiteral("a:gpt-4o b:gpt-4o claude:sonnet* groq:llama-70b*"));
        // An alias routes like its target, and the target's chain applies.
        QCOMPARE(describe(s.routes(QStringLiteral("best"))), QStringLiteral("a:gpt-4o b:gpt-4o claude:sonnet* groq:llama-70b*"));
        // A model only an accept-any endpoint serves: that endpoint, no chain.
        QCOMPARE(describe(s.routes(QStringLiteral("mixtral"))), QStringLiteral("groq:mixtral"));
    }

    void modelGroupsUseTheirOwnStrategy()
    {
        Config c =
            lightAndHeavy(QStringLiteral("light"), QStringLiteral("heavy"), {QStringLiteral("m"), QStringLiteral("p")});
        c.routing.modelStrategies.insert(QStringLiteral("m*"), QStringLiteral("weighted"));
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);
        QCOMPARE(s.routes(QStringLiteral("m")).size(), 2);
        QCOMPARE(timesFirst(s, QStringLiteral("m"), QStringLiteral("heavy"), 8), 6); // 3 of every 4 turns
        for (int i = 0; i < 4; ++i) // "p" is not in the group: priority order every time
            QCOMPARE(s.routes(QStringLiteral("p")).first().endpoint->config.id, QStringLiteral("light"));
    }

    void healthSurvivesANewSnapshot()
    {
        Config c;
        c.endpoints = {endpoint(QStringLiteral("a"), {QStringLiteral("m")})};
        c.routing.breakerFailureThreshold = 2;
        const auto config = std::make_shared<const Config>(c);
        EndpointHealthRegistry registry;
        const RoutingSnapshot first(config, {}, 1000, &registry);
        first.endpoints().first().health->breaker.recordFailure(10);
        first.endpoints().first().statsFor(QStringLiteral("m")).recordSuccess(42.0, 0.5);
        const RoutingSnapshot second(config, {}, 1001, &registry);
        QCOMPARE(second.endpoints().first().health->breaker.consecutiveFailures(), 1);
        QCOMPARE(second.endpoints().first().health->breaker.settings().failureThreshold, 2);
        QCOMPARE(second.endpoints().first().statsFor(QStringLiteral("m")).latencyMs(), 42.0);
    }

    void endpointWithoutModelListAcceptsAnyModel()
    {
        Config c;
        c.endpoints = {endpoint(QStringLiteral("listed"), {QStringLiteral("x")}),
                       endpoint(QStringLiteral("any"), {}, 9)};
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);
        QCOMPARE(s.resolve(QStringLiteral("x")).endpoint->config.id, QStringLiteral("listed"));
        const RouteTarget t = s.resolve(QStringLiteral("whatever-7b"));
        QVERIFY(t.endpoint);
        QCOMPARE(t.endpoint->config.id, QStringLiteral("any"));
        QCOMPARE(t.upstreamModel, QStringLiteral("whatever-7b"));
    }

    void disabledAndDuplicateDiscoveredEndpointsAreSkipped()
    {
        Config c;
        EndpointConfig off = endpoint(QStringLiteral("off"), {QStringLiteral("m")});
        off.enabled = false;
        EndpointConfig local = endpoint(QStringLiteral("mine"), {QStringLiteral("llama3")}, 0, QStringLiteral("ollama"));
        local.baseUrl = QStringLiteral("http://127.0.0.1:11434/v1");
        c.endpoints = {off, local};
        EndpointConfig found = local;
        found.id = QStringLiteral("local-ollama");
        found.source = QStringLiteral("discovery");
        EndpointConfig other = endpoint(QStringLiteral("local-vllm"), {QStringLiteral("qwen")}, 100,
                                        QStringLiteral("vllm"));
        other.source = QStringLiteral("discovery");
        const RoutingSnapshot s(std::make_shared<const Config>(c), {found, other}, 1000);
        QCOMPARE(s.endpoints().size(), 2); // "off" dropped, the rediscovered Ollama merged with "mine"
        QVERIFY(!s.resolve(QStringLiteral("m")).endpoint);
        QCOMPARE(s.resolve(QStringLiteral("qwen")).endpoint->config.id, QStringLiteral("local-vllm"));
        QVERIFY(!s.isOnboarding());
        QVERIFY(RoutingSnapshot(std::make_shared<const Config>(Config{}), {}, 0).isOnboarding());
    }

    void buildsModelList()
    {
        Config c;
        c.endpoints = {endpoint(QStringLiteral("a"), {QStringLiteral("m1"), QStringLiteral("m2")}),
                       endpoint(QStringLiteral("b"), {QStringLiteral("m2")}, 0, QStringLiteral("groq"))};
        c.modelAliases = {{QStringLiteral("fast"), QStringLiteral("m2")}, {QStringLiteral("g-*"), QStringLiteral("m1")}};
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1234);
        const QJsonObject list = QJsonDocument::fromJson(s.modelsListJson()).object();
        QCOMPARE(list.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        QStringList ids;
        for (const QJsonValue v : list.value(QLatin1String("data")).toArray()) {
            QCOMPARE(v.toObject().value(QLatin1String("created")).toInt(), 1234);
            ids.append(v.toObject().value(QLatin1String("id")).toString());
        }
        // each model once, exact aliases listed, glob patterns not
        QCOMPARE(ids, (QStringList{QStringLiteral("m1"), QStringLiteral("m2"), QStringLiteral("fast")}));
        QVERIFY(s.modelJson(QStringLiteral("fast")).contains("\"owned_by\":\"llmproxy\""));
        QVERIFY(s.modelJson(QStringLiteral("nope")).isEmpty());
    }

    void pricesEachEndpointsModelsOnce()
    {
        Config c;
        EndpointConfig cloud =
            endpoint(QStringLiteral("cloud"), {QStringLiteral("gpt-4o"), QStringLiteral("house-model")});
        cloud.costPerMtok = 2.0;
        EndpointConfig any = endpoint(QStringLiteral("any"), {}, 1);
        EndpointConfig local =
            endpoint(QStringLiteral("local"), {QStringLiteral("gpt-4o")}, 2, QStringLiteral("ollama"));
        c.endpoints = {cloud, any, local};
        c.pricing.insert(QStringLiteral("house-model"), ModelPrice{0.5, 1.5});
        const RoutingSnapshot s(std::make_shared<const Config>(c), {}, 1000);
        const PriceTable &table = s.prices();
        const ResolvedEndpoint &e0 = s.endpoints().at(0);
        const ResolvedEndpoint &e1 = s.endpoints().at(1);
        const ResolvedEndpoint &e2 = s.endpoints().at(2);
        QCOMPARE(e0.modelPrices.size(), 2);
        // The same answer as the table, for listed models (precomputed) and others (looked up).
        QVERIFY(s.priceFor(e0, QStringLiteral("gpt-4o")) == table.lookup(u"gpt-4o", u"openai_compatible", 2.0).price);
        QVERIFY((s.priceFor(e0, QStringLiteral("house-model")) == ModelPrice{0.5, 1.5}));
        QVERIFY(s.priceFor(e1, QStringLiteral("claude-sonnet-4-5")) ==
                table.lookup(u"claude-sonnet-4-5", u"openai_compatible", 0.0).price);
        // A model the endpoint does not list: its cost_per_mtok hint.
        QCOMPARE(s.priceFor(e0, QStringLiteral("unlisted-model")).inputPerMtok, 2.0);
        // A local server's built-in price is nothing.
        QVERIFY((s.priceFor(e2, QStringLiteral("gpt-4o")) == ModelPrice{0.0, 0.0}));
        QVERIFY(s.priceFor(e0, QStringLiteral("gpt-4o")).inputPerMtok > 0);
    }
};

QTEST_GUILESS_MAIN(TestRoutingSnapshot)
#include "tst_routingsnapshot.moc"

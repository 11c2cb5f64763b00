// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/routingsnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace llmproxy {

static ResolvedEndpoint resolveEndpoint(const EndpointConfig &e)
{
    ResolvedEndpoint r;
    r.config = e;
    r.preset = findProviderPreset(e.provider);
    if (!r.preset)
        r.preset = findProviderPreset(u"openai_compatible");
    QString base = e.baseUrl.isEmpty() ? r.preset->defaultBaseUrl.toString() : e.baseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    r.baseUrl = base.toUtf8();
    r.auth = authHeader(r.preset->auth, e.apiKey);
    for (auto it = e.headers.cbegin(); it != e.headers.cend(); ++it)
        r.extraHeaders.append({it.key().toLower().toUtf8(), it.value().toUtf8()});
    r.providerName = r.preset->name.toUtf8();
    r.idUtf8 = e.id.toUtf8();
    const auto headers = [&r](const QByteArray &accept) {
        HeaderList h{{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                     {QByteArrayLiteral("accept"), accept},
                     {QByteArrayLiteral("user-agent"), QByteArrayLiteral("LLMProxy/" LLMPROXY_VERSION)}};
        if (!r.auth.first.isEmpty())
            h.append(r.auth);
        h.append(r.extraHeaders);
        return h;
    };
    r.requestHeaders = headers(QByteArrayLiteral("application/json"));
    r.streamRequestHeaders = headers(QByteArrayLiteral("text/event-stream"));
    return r;
}

RoutingSnapshot::RoutingSnapshot(ConfigPtr config, const QList<EndpointConfig> &discovered, qint64 createdEpoch,
                                 EndpointHealthRegistry *health)
    : m_config(std::move(config)), m_createdEpoch(createdEpoch),
      m_apiKeys(m_config->server.apiKeys, m_config->server.clientKeys), m_prices(m_config->pricing)
{
    QList<EndpointConfig> all;
    for (const EndpointConfig &e : m_config->endpoints) {
        if (e.enabled)
            all.append(e);
    }
    for (const EndpointConfig &e : discovered) {
        // A server the user configured by hand wins over the same server found by discovery.
        const bool known = std::any_of(all.cbegin(), all.cend(), [&](const EndpointConfig &c) {
            return c.id == e.id || c.baseUrl == e.baseUrl;
        });
        if (!known)
            all.append(e);
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const EndpointConfig &a, const EndpointConfig &b) { return a.priority < b.priority; });
    for (const EndpointConfig &e : std::as_const(all)) {
        ResolvedEndpoint r = resolveEndpoint(e);
        if (health) {
            r.health = health->health(e.id);
            for (const QString &model : e.models)
                r.modelStats.insert(model, health->stats(e.id, model));
            r.otherModelStats = health->stats(e.id, QString());
        } else {
            r.health = std::make_shared<EndpointHealth>();
            for (const QString &model : e.models)
                r.modelStats.insert(model, std::make_shared<ModelStats>());
            r.otherModelStats = std::make_shared<ModelStats>();
        }
        for (const QString &model : e.models)
            r.modelPrices.insert(model, m_prices.lookup(model, r.preset->name, e.costPerMtok).price);
        r.health->breaker.configure({m_config->routing.breakerFailureThreshold,
                                     qint64(m_config->routing.breakerRecoveryS) * 1000});
        m_budgetEndpoints.append(BudgetEndpoint::fromConfig(e));
        m_endpoints.append(std::move(r));
    }
    m_strategy = strategyFromName(m_config->routing.strategy).value_or(Strategy::Priority);
    QMap<QString, Strategy> modelStrategies;
    for (auto it = m_config->routing.modelStrategies.cbegin(); it != m_config->routing.modelStrategies.cend(); ++it)
        modelStrategies.insert(it.key(), strategyFromName(it.value()).value_or(m_strategy));
    m_modelStrategies = ModelPatternMap<Strategy>(modelStrategies);
    if (health) {
        QStringList ids;
        for (const ResolvedEndpoint &r : std::as_const(m_endpoints))
            ids.append(r.config.id);
        // A configured endpoint switched off keeps its statistics for when it is switched on again.
        for (const EndpointConfig &e : std::as_const(m_config->endpoints))
            ids.append(e.id);
        health->retainOnly(ids);
    }

    m_aliases = ModelPatternMap<QString>(m_config->modelAliases);

    QJsonArray data;
    QStringList seen;
    auto addModel = [&](const QString &id, const QString &owner) {
        if (seen.contains(id))
            return;
        seen.append(id);
        m_modelIds.append(id);
        const QJsonObject m{{QStringLiteral("id"), id},
                            {QStringLiteral("object"), QStringLiteral("model")},
                            {QStringLiteral("created"), createdEpoch},
                            {QStringLiteral("owned_by"), owner}};
        data.append(m);
        m_modelJson.insert(id, QJsonDocument(m).toJson(QJsonDocument::Compact));
    };
    for (const ResolvedEndpoint &e : std::as_const(m_endpoints)) {
        for (const QString &model : e.config.models)
            addModel(model, e.preset->name.toString());
    }
    for (auto it = m_config->modelAliases.cbegin(); it != m_config->modelAliases.cend(); ++it) {
        if (!ModelPattern::hasWildcard(it.key()) && resolveDirect(it.value()).endpoint)
            addModel(it.key(), QStringLiteral("llmproxy"));
    }
    m_modelsJson = QJsonDocument(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                             {QStringLiteral("data"), data}})
                       .toJson(QJsonDocument::Compact);
}

RouteTarget RoutingSnapshot::resolveDirect(const QString &model) const
{
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.models.contains(model))
            return {&e, model};
    }
    // Endpoints without a model list accept any model name and forward it unchanged.
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.models.isEmpty())
            return {&e, model};
    }
    return {};
}

RouteTarget RoutingSnapshot::resolve(const QString &model) const
{
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.models.contains(model))
            return {&e, model};
    }
    RouteTarget target;
    m_aliases.find(model, [&](const QString &aliasTarget) {
        target = resolveDirect(aliasTarget);
        return target.endpoint != nullptr;
    });
    return target.endpoint ? target : resolveDirect(model);
}

QString RoutingSnapshot::servedModel(const QString &model) const
{
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.models.contains(model))
            return model;
    }
    const QString *target = m_aliases.find(
        model, [this](const QString &aliasTarget) { return resolveDirect(aliasTarget).endpoint != nullptr; });
    return target ? *target : model;
}

Strategy RoutingSnapshot::strategyFor(const QString &requested, const QString &served) const
{
    // The rule for the name the client asked for wins over the rule for the name it maps to.
    if (const Strategy *s = m_modelStrategies.find(requested))
        return *s;
    if (const Strategy *s = m_modelStrategies.find(served))
        return *s;
    return m_strategy;
}

QList<RouteTarget> RoutingSnapshot::routes(const QString &model) const
{
    const QString served = servedModel(model);
    QList<const ResolvedEndpoint *> group;
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.models.contains(served))
            group.append(&e);
    }
    if (group.isEmpty()) {
        for (const ResolvedEndpoint &e : m_endpoints) {
            if (e.config.models.isEmpty())
                group.append(&e);
        }
    }
    QList<Candidate> candidates;
    for (const ResolvedEndpoint *e : std::as_const(group))
        candidates.append({e->config.priority, e->config.weight, e->config.costPerMtok, &e->statsFor(served)});
    QList<RouteTarget> out;
    for (int i : rankCandidates(strategyFor(model, served), candidates, m_config->routing.costWeight, m_turn))
        out.append({group.at(i), served, false});

    // The fallback chain, keyed by the name the client asked for or the one it maps to.
    auto chain = m_config->fallbackChains.constFind(model);
    if (chain == m_config->fallbackChains.cend())
        chain = m_config->fallbackChains.constFind(served);
    if (chain == m_config->fallbackChains.cend())
        return out;
    for (const FallbackHop &hop : *chain) {
        const ResolvedEndpoint *target = nullptr;
        for (const ResolvedEndpoint &e : m_endpoints) {
            if (e.config.id.compare(hop.endpoint, Qt::CaseInsensitive) == 0) {
                target = &e;
                break;
            }
        }
        if (!target) {
            // A provider name: its first endpoint (by priority) that serves the hop's model.
            const ProviderPreset *preset = findProviderPreset(hop.endpoint);
            for (const ResolvedEndpoint &e : m_endpoints) {
                if (preset && e.preset == preset &&
                    (e.config.models.isEmpty() || e.config.models.contains(hop.model))) {
                    target = &e;
                    break;
                }
            }
        }
        const QString hopModel = hop.model.isEmpty() ? served : hop.model;
        const bool duplicate = std::any_of(out.cbegin(), out.cend(), [&](const RouteTarget &t) {
            return t.endpoint == target && t.upstreamModel == hopModel;
        });
        if (target && !duplicate)
            out.append({target, hopModel, true});
    }
    return out;
}

QList<RouteTarget> RoutingSnapshot::routesFor(const ClientRoute &route) const
{
    QList<RouteTarget> out;
    const ResolvedEndpoint *pinned = nullptr;
    if (!route.endpoint.isEmpty()) {
        for (const ResolvedEndpoint &e : m_endpoints) {
            if (e.config.id.compare(route.endpoint, Qt::CaseInsensitive) == 0) {
                pinned = &e;
                out.append({&e, route.model, false});
                break;
            }
        }
    }
    for (const RouteTarget &t : routes(route.model)) {
        if (t.endpoint != pinned || t.upstreamModel != route.model)
            out.append(t);
    }
    return out;
}

const ClientRoute *RoutingSnapshot::clientRoute(QStringView api) const
{
    const auto &routes = m_config->routing.clientRoutes;
    for (auto it = routes.cbegin(); it != routes.cend(); ++it) {
        if (it.key() == api)
            return &it.value();
    }
    return nullptr;
}

QList<RouteTarget> RoutingSnapshot::routeTo(const QString &endpointId, const QString &model) const
{
    for (const ResolvedEndpoint &e : m_endpoints) {
        if (e.config.id == endpointId)
            return {RouteTarget{&e, model, false}};
    }
    return {};
}

ModelPrice RoutingSnapshot::priceFor(const ResolvedEndpoint &endpoint, const QString &model) const
{
    const auto it = endpoint.modelPrices.constFind(model);
    if (it != endpoint.modelPrices.cend())
        return *it;
    return m_prices.lookup(model, endpoint.preset->name, endpoint.config.costPerMtok).price;
}

QByteArray RoutingSnapshot::modelJson(const QString &id) const
{
    return m_modelJson.value(id);
}

QList<EndpointStatus> RoutingSnapshot::endpointStatuses() const
{
    QList<EndpointStatus> out;
    for (const ResolvedEndpoint &e : m_endpoints) {
        EndpointStatus s;
        s.id = e.config.id;
        s.provider = e.preset->name.toString();
        s.baseUrl = QString::fromUtf8(e.baseUrl);
        s.models = e.config.models;
        s.source = e.config.source;
        s.enabled = e.config.enabled;
        s.hasKey = !e.config.apiKey.isEmpty();
        s.loadedModels = e.config.loadedModels;
        const bool breakerOpen = e.health->breaker.state(0) == CircuitBreaker::State::Open;
        const auto probe = EndpointHealth::Probe(e.health->probe.load(std::memory_order_relaxed));
        if (breakerOpen || probe == EndpointHealth::Probe::Unhealthy)
            s.health = QStringLiteral("down");
        else if (probe == EndpointHealth::Probe::Healthy || e.config.source == u"discovery")
            s.health = QStringLiteral("up");
        else
            s.health = QStringLiteral("unknown");
        out.append(s);
    }
    return out;
}

} // namespace llmproxy

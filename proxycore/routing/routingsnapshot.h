// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/config/modelpattern.h"
#include "proxycore/cost/budget.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/routing/endpointstats.h"
#include "proxycore/routing/strategy.h"
#include "proxycore/security/apikeyverifier.h"

#include <QByteArray>

#include <memory>

namespace llmproxy {

/// An endpoint with everything the hot path needs precomputed at load time.
struct ResolvedEndpoint
{
    EndpointConfig config;
    const ProviderPreset *preset = nullptr;
    QByteArray baseUrl;             ///< UTF-8, no trailing '/'
    QPair<QByteArray, QByteArray> auth; ///< header carrying the key; empty name = none
    HeaderList extraHeaders;
    QByteArray providerName;        ///< preset name, for X-LLMProxy-Provider
    QByteArray idUtf8;              ///< endpoint id, for X-LLMProxy-Endpoint
    /// Complete upstream request headers (content type, accept, user agent, key, extra headers),
    /// built once per configuration: for JSON replies and for SSE streams.
    HeaderList requestHeaders;
    HeaderList streamRequestHeaders;

    /// Breaker, probe state and statistics; shared across snapshots (see EndpointHealthRegistry).
    std::shared_ptr<EndpointHealth> health;
    /// Statistics per configured model, and for any other model of an accept-any endpoint.
    QHash<QString, std::shared_ptr<ModelStats>> modelStats;
    std::shared_ptr<ModelStats> otherModelStats;
    /// Price of each configured model (see RoutingSnapshot::priceFor()).
    QHash<QString, ModelPrice> modelPrices;

    ModelStats &statsFor(const QString &model) const
    {
        const auto it = modelStats.constFind(model);
        return it != modelStats.cend() ? **it : *otherModelStats;
    }
};

/// Where a request goes: the endpoint and the model name to send it.
struct RouteTarget
{
    const ResolvedEndpoint *endpoint = nullptr;
    QString upstreamModel;
    bool fallbackHop = false; ///< comes from the model's fallback chain, not from its own endpoints
};

/// Immutable view of the configuration and endpoints that workers route with. Built once per
/// configuration change (load, reload, discovery) in the main thread and published atomically;
/// workers only read it, with no lock.
class RoutingSnapshot
{
public:
    /// `health` keeps breakers and statistics across snapshots; without one each snapshot starts
    /// from fresh objects (tests).
    RoutingSnapshot(ConfigPtr config, const QList<EndpointConfig> &discovered, qint64 createdEpoch,
                    EndpointHealthRegistry *health = nullptr);

    const Config &config() const { return *m_config; }
    qint64 createdEpoch() const { return m_createdEpoch; }
    ConfigPtr configPtr() const { return m_config; }
    const QList<ResolvedEndpoint> &endpoints() const { return m_endpoints; }
    const ApiKeyVerifier &apiKeys() const { return m_apiKeys; }
    bool isOnboarding() const { return m_endpoints.isEmpty(); }

    /// Resolves a requested model (alias, exact, or an endpoint that accepts any model).
    /// Returns a target with endpoint == nullptr when nothing serves it.
    RouteTarget resolve(const QString &model) const;

    /// Every place a request for `model` may go, in the order to try them: the endpoints serving
    /// the (aliased) model, ranked by the model group's strategy, then the hops of its fallback
    /// chain. Empty when nothing serves the model. Breakers are not consulted here (see ProxyCall).
    QList<RouteTarget> routes(const QString &model) const;

    /// Every model id /v1/models lists, in the same order.
    const QStringList &modelIds() const { return m_modelIds; }
    /// GET /v1/models body, prebuilt.
    const QByteArray &modelsListJson() const { return m_modelsJson; }
    /// GET /v1/models/{id} body, or empty when unknown.
    QByteArray modelJson(const QString &id) const;

    QList<EndpointStatus> endpointStatuses() const;

    /// Prices per model (built-in table with the configuration's `pricing:` over it).
    const PriceTable &prices() const { return m_prices; }
    /// What `model` costs on `endpoint`: looked up once per configuration for the models it lists.
    ModelPrice priceFor(const ResolvedEndpoint &endpoint, const QString &model) const;
    /// The enabled endpoints as the budget decision sees them, in routing order.
    const QList<BudgetEndpoint> &budgetEndpoints() const { return m_budgetEndpoints; }
    /// The routes of a route override: its endpoint first (when it names one that is enabled),
    /// then routes(route.model) without that endpoint again. Empty when nothing serves the model.
    QList<RouteTarget> routesFor(const ClientRoute &route) const;
    /// The route override for requests of a client API ("messages", "responses",
    /// "chat_completions"); null when they go where they ask.
    const ClientRoute *clientRoute(QStringView api) const;
    /// The route of a budget downgrade: `endpointId` asked for `model`; empty when unknown.
    QList<RouteTarget> routeTo(const QString &endpointId, const QString &model) const;

private:
    RouteTarget resolveDirect(const QString &model) const;
    /// The model name the endpoints are asked for: `model` when an endpoint lists it, else the
    /// target of the alias that matches first (ModelPatternMap's precedence) and is served, else
    /// `model` (accept-any endpoints).
    QString servedModel(const QString &model) const;
    Strategy strategyFor(const QString &requested, const QString &served) const;

    ConfigPtr m_config;
    qint64 m_createdEpoch;
    QList<ResolvedEndpoint> m_endpoints; ///< enabled only, ordered by priority
    ModelPatternMap<QString> m_aliases;  ///< alias → target model
    ApiKeyVerifier m_apiKeys;
    QByteArray m_modelsJson;
    QStringList m_modelIds;
    QHash<QString, QByteArray> m_modelJson;
    Strategy m_strategy = Strategy::Priority;
    ModelPatternMap<Strategy> m_modelStrategies;
    PriceTable m_prices;
    QList<BudgetEndpoint> m_budgetEndpoints;
    mutable std::atomic<quint64> m_turn{0}; ///< weighted round-robin position (all models share it)
};

using RoutingSnapshotPtr = std::shared_ptr<const RoutingSnapshot>;

} // namespace llmproxy

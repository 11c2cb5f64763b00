// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/adminapi.h"
#include "proxycore/config/configloader.h"
#include "proxycore/cost/budget.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/observability/requestrecord.h"

#include <QObject>

#include <functional>
#include <memory>

namespace llmproxy {

class RequestPipeline;

class EnginePrivate;
class SecurityGuards;
class Store;

/// What a window shows of the engine besides the request log, as one value: computed on the
/// engine's thread (Engine::status()) and handed to other threads by copy.
struct EngineStatus
{
    /// Every endpoint, disabled ones included, with breaker, probe and statistics.
    QList<EndpointStatus> endpoints;
    /// The configuration file in use, or the one Reload would read (it may not exist yet).
    QString configPath;
    bool clientKeyRequired = false; ///< clients must send a proxy key (server.auth.keys / LLM_PROXY_API_KEYS)
    quint64 droppedRecords = 0;     ///< request records that never reached the log (see Engine::droppedRecords())
    double spentTodayUsd = 0.0;     ///< today's (UTC day) spend over all requests
    double dailyLimitUsd = 0.0;     ///< budget.daily_limit; 0 = unlimited
    double softLimitUsd = 0.0;      ///< budget.soft_limit; 0 = none
    RoutingView routing;            ///< aliases, fallback chains and route overrides in force

    friend bool operator==(const EngineStatus &, const EngineStatus &) = default;
};

/// The proxy engine: owns the listener, the worker threads (each with its own HTTP server and
/// upstream transport), the endpoint registry and the request log. Lives in one thread (the
/// desktop and the server run it on a thread of its own, see EngineHost; tests may use their
/// main thread), and its public functions must be called from that thread unless they say
/// thread-safe. Workers never block on it. The admin API reaches it as its AdminControl, so admin
/// requests are carried out on the engine's thread too.
class Engine : public QObject, public AdminControl
{
    Q_OBJECT
public:
    /// `sources` is kept for reloads (SIGHUP, reloadConfig()).
    Engine(ConfigPtr config, ConfigSources sources, QObject *parent = nullptr);
    ~Engine() override;

    /// Binds server.host:server.port (port 0 = any free port) and starts the workers.
    /// Returns false with a human-readable reason (port in use, non-loopback bind without keys, ...).
    bool start(QString *errorMessage);

    /// Where state that outlives the process is kept: today's spend (budget.json), the admin
    /// API's registry changes (registry.json) and, unless server.storage says otherwise, the
    /// database (llmproxy.db). Call before start(); without one nothing is written.
    void setDataDirectory(const QString &dir);
    /// The directory given to setDataDirectory(); empty when none. Thread-safe once started.
    QString dataDirectory() const;
    /// What reloads read (given to the constructor, never changed). Thread-safe.
    const ConfigSources &configSources() const;
    /// Why start() would refuse `server`'s listen address, as start() says it (not an IP address,
    /// or beyond loopback without any client key); empty when it is acceptable.
    static QString listenRefusal(const ServerConfig &server);

    /// The monotonic clock, in milliseconds, of every circuit-breaker decision: client requests,
    /// the admin API, EngineController::endpoints() and the health prober. Without one the engine uses
    /// monotonicNowNs(). Call before start(): the workers read it without a lock. Lets tests move
    /// past a breaker's recovery time without sleeping.
    void setClock(std::function<qint64()> monotonicMs);
    /// Now on that clock, in milliseconds. Thread-safe.
    qint64 nowMs() const;

    /// Replaces the request pipeline's stages (null = none), the security stage included, for good:
    /// reloads no longer install it. Thread-safe; takes effect with the next request on every
    /// worker, requests in flight keep the one they started with.
    void setRequestPipeline(std::shared_ptr<const RequestPipeline> pipeline);

    /// Stops accepting connections, lets requests in flight finish for up to `graceMs`, then ends
    /// the rest with a protocol-correct error. Emits shutdownFinished() when every worker is idle.
    void beginShutdown(int graceMs);
    bool isShuttingDown() const;

    /// Reloads the configuration from the same sources. A configuration that fails to load
    /// leaves the running one untouched. Emits configReloaded().
    bool reload(QString *message = nullptr);

    ConfigPtr config() const;
    QString listenUrl() const;   ///< "http://host:port" once listening
    quint16 port() const;

    bool isPaused() const override;
    void setPaused(bool paused) override;
    bool isPanic() const override;
    void setPanic(bool on) override;
    void saveFeatures() override;
    /// The security pipeline's switches, counters and recent decisions (thread-safe).
    std::shared_ptr<SecurityGuards> securityGuards() const;
    bool isOnboarding() const; ///< no usable endpoint (thread-safe)
    /// The database (docs/storage.md), opened by start(); nullptr when server.storage asks for none.
    /// Lives as long as the engine; its queries run on its reader thread (Store::readerContext()).
    Store *store() const;
    /// The daily budget (budget.*) at `nowEpochMs`: spend, limits, state, next reset and zone.
    /// Thread-safe.
    BudgetLedger::Status budgetStatus(qint64 nowEpochMs) const;
    /// The zone whose calendar days the budget and spend_daily count in (budget.timezone). Thread-safe.
    QTimeZone budgetTimeZone() const;
    /// Every window of the keys' and teams' budgets (budget.keys, budget.teams) at `nowEpochMs`,
    /// with what requests in flight reserve. Thread-safe.
    QList<BudgetWindowStatus> scopeBudgetStatuses(qint64 nowEpochMs) const;
    /// Every endpoint, disabled ones included (enabled = false).
    QList<EndpointStatus> endpointStatuses() const;

    QObject *adminContext() override { return this; }
    QList<RegistryEntry> registry() const override;
    RegistryChange addEndpoint(const NewEndpoint &endpoint, RegistryEntry *added = nullptr) override;
    RegistryChange removeEndpoint(const QString &id) override;
    QList<ClientKeyInfo> clientKeys() const override;
    KeyChange createClientKey(const QString &name, QByteArray *key, ClientKeyInfo *info) override;
    KeyChange revokeClientKey(const QString &name) override;
    RoutingOverlay routingOverlay() const override;
    void setRoutingOverlay(const RoutingOverlay &overlay) override;
    RegistryChange setEndpointEnabled(const QString &id, std::optional<bool> enabled,
                                      RegistryEntry *entry = nullptr) override;
    RegistryChange updateEndpoint(const QString &id, const QJsonObject &edit, RegistryEntry *entry,
                                  JsonFieldError *error) override;
    RegistryChange probeEndpoint(const QString &id, QString *why) override;
    RegistryChange resetBreaker(const QString &id) override;

    /// Records finished since `sinceSequence`, in arrival order per batch; returns the sequence of
    /// the newest one. `skipped`, when given, receives how many records after `sinceSequence` are no
    /// longer kept (the caller came too late for them). Thread-safe.
    QList<RequestRecord> takeRecords(quint64 sinceSequence, quint64 *newestSequence, quint64 *skipped = nullptr) const;
    /// Request records the workers had to drop because nobody collected them in time (each
    /// worker keeps RecordQueue::Capacity). Every drop is also logged. Thread-safe.
    quint64 droppedRecords() const;

    /// The state a window shows, as a value. Engine thread only.
    EngineStatus status() const;
    /// The configuration file in use, or the one a reload would read when none exists yet.
    QString configFilePath() const;

public slots:
    /// Emits statusPublished(status()): lets another thread ask for a snapshot without blocking.
    void publishStatus();
    /// Queues every routed endpoint's breaker state and statistics for endpoint_stats
    /// (docs/storage.md#endpoint_stats); done every 30 s and when the engine is destroyed. Nothing
    /// without a database.
    void saveEndpointStats();

signals:
    void shutdownFinished();
    void endpointsChanged();
    void routingChanged(); ///< the run-time aliases, fallback chains or route overrides changed
    void pausedChanged(bool paused);
    void panicChanged(bool on);
    void configReloaded(bool ok, const QString &message);
    void recordsAvailable(); ///< emitted at most ~10 times a second while requests finish
    void statusPublished(const llmproxy::EngineStatus &status); ///< answer to publishStatus()
    /// A key's or team's settled spend reached its soft limit (budget.keys / budget.teams soft_usd),
    /// once per scope and window. Emitted from the worker thread whose request crossed it (connect
    /// with a context object: delivery is queued). `kind` is "key" or "team", `window` "daily" or
    /// "monthly". The hook for a webhook plugin; the log line is written already.
    void budgetSoftLimitReached(const QString &kind, const QString &name, const QString &window, double spentUsd,
                                double softLimitUsd);

private:
    /// Opens the database server.storage asks for (none without one); false only when it must not
    /// be used (see Store::open()).
    bool openStore(QString *errorMessage);
    /// With a store: the response cache's tier in it, and the kept entries loaded (or, when
    /// caching.persist is off, deleted).
    void startCacheTier();

    std::unique_ptr<EnginePrivate> d;
};

} // namespace llmproxy

Q_DECLARE_METATYPE(llmproxy::EngineStatus)

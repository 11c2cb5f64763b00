// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/engine_p.h"

#include <QSysInfo>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcEngine, "llmproxy.engine")

static bool isLoopback(const QHostAddress &a)
{
    return a.isLoopback();
}

Engine::Engine(ConfigPtr config, ConfigSources sources, QObject *parent)
    : QObject(parent), d(std::make_unique<EnginePrivate>())
{
    d->config = std::move(config);
    d->sources = std::move(sources);
    d->state.admin = this;
    d->state.security = d->guards;
    d->state.cache = std::make_shared<ResponseCache>();
    d->state.conversations = std::make_shared<ConversationStore>();
    // The soft limit's hook: emitted from the worker that crossed it (Qt queues the delivery).
    d->state.scopeBudgets.setSoftLimitHandler([this](const BudgetSoftLimitEvent &e) {
        emit budgetSoftLimitReached(e.status.scope.kindName(), e.status.scope.name,
                                    e.status.window == BudgetWindow::Daily ? QStringLiteral("daily")
                                                                           : QStringLiteral("monthly"),
                                    ScopeBudgets::toUsd(e.status.spentNano), ScopeBudgets::toUsd(e.status.softNano));
    });
    d->publish();
    d->installSecurity();
    d->signatureTimer.setInterval(30'000); // the signature file is checked for changes (SHA-256)
    connect(&d->signatureTimer, &QTimer::timeout, this, [this] { d->reloadSignatures(); });
    d->signatureTimer.start();
    d->collectTimer.setInterval(100); // the UI never sees more than ~10 batches a second
    connect(&d->collectTimer, &QTimer::timeout, this, [this] {
        QList<RequestRecord> batch;
        quint64 dropped = 0;
        for (auto &q : d->queues) {
            quint64 n = 0;
            batch.append(q->takeAll(&n));
            dropped += n;
        }
        if (dropped > 0) {
            const quint64 total = d->state.droppedRecords.fetch_add(dropped) + dropped;
            qCWarning(lcEngine,
                      "request log: %llu records dropped because they were not collected in time (%llu in total); "
                      "the requests themselves were served",
                      static_cast<unsigned long long>(dropped), static_cast<unsigned long long>(total));
        }
        if (batch.isEmpty())
            return;
        // Each worker has its own queue: put the batch back into arrival order.
        std::stable_sort(batch.begin(), batch.end(),
                         [](const RequestRecord &a, const RequestRecord &b) { return a.time < b.time; });
        if (d->state.store)
            d->state.store->recordRequests(batch); // queued for the writer thread; never waits for the database
        {
            QMutexLocker lock(&d->recentMutex);
            for (RequestRecord &r : batch) {
                d->recent.emplace_back(++d->sequence, std::move(r));
                if (d->recent.size() > 500)
                    d->recent.pop_front();
            }
        }
        emit recordsAvailable();
    });
}

Engine::~Engine()
{
    d->saveBudget();
    d->prober.reset();
    d->discovery.reset();
    // Queries the admin API posted finish while the workers waiting for them still exist.
    if (d->state.store)
        d->state.store->stopReader();
    d->frontend.reset(); // joins the worker threads
    if (d->state.store) {
        // What finished since the last collection still reaches the history: the store's
        // destructor writes what is queued.
        QList<RequestRecord> rest;
        for (auto &q : d->queues)
            rest.append(q->takeAll());
        d->state.store->recordRequests(rest);
        saveEndpointStats(); // the workers are gone: the last counts
    }
}

/// The listen address of server.host ("localhost" is 127.0.0.1); null when it is not an IP address.
static QHostAddress listenAddress(const ServerConfig &server)
{
    const QString host = server.host.trimmed();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    return QHostAddress(host);
}

QString Engine::listenRefusal(const ServerConfig &server)
{
    const QHostAddress address = listenAddress(server);
    if (address.isNull())
        return QStringLiteral("server.host '%1' is not an IP address (use 127.0.0.1, 0.0.0.0, ::1 or ::)")
            .arg(server.host);
    if (!isLoopback(address) && !server.requiresClientKey())
        return QStringLiteral("refusing to listen on %1 without proxy API keys: anyone on the network could use your "
                              "provider accounts. Set %2 (comma-separated keys), add keys under server.auth.keys, or "
                              "bind 127.0.0.1.")
            .arg(address.toString(), server.apiKeysEnv);
    return {};
}

bool Engine::start(QString *errorMessage)
{
    const ServerConfig &server = d->config->server;
    if (const QString refusal = listenRefusal(server); !refusal.isEmpty()) {
        *errorMessage = refusal;
        return false;
    }
    const QHostAddress address = listenAddress(server);
    initCurlGlobal();

    if (!openStore(errorMessage))
        return false;

    const int workers = server.workers > 0 ? server.workers : qMax(1, QThread::idealThreadCount());
    for (int i = 0; i < workers; ++i)
        d->queues.push_back(std::make_unique<RecordQueue>());
    auto nextQueue = std::make_shared<std::atomic<int>>(0);
    const UpstreamConfig upstream = d->config->upstream;
    CurlTransportOptions transportOptions;
    transportOptions.http2 = upstream.http2;
    transportOptions.maxConnectionsPerHost = upstream.maxConnectionsPerHost;
    transportOptions.proxy = upstream.proxy;
    SharedState *state = &d->state;
    std::vector<RecordQueue *> queues;
    for (auto &q : d->queues)
        queues.push_back(q.get());
    RequestHandlerFactory factory = [state, queues, nextQueue, transportOptions](QObject *context) {
        RecordQueue *queue = queues[size_t(nextQueue->fetch_add(1)) % queues.size()];
        return std::make_unique<ApiRouter>(state, std::make_unique<CurlTransport>(transportOptions), queue, context);
    };
    d->frontend = std::make_unique<HttpFrontend>(server.limits, workers, std::move(factory));
    if (!d->frontend->listen(address, server.port, errorMessage)) {
        d->frontend.reset();
        return false;
    }
    connect(d->frontend.get(), &HttpFrontend::drained, this, &Engine::shutdownFinished);
    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol
                                  ? QStringLiteral("[%1]").arg(address.toString())
                                  : address.toString();
    d->listenUrl = QStringLiteral("http://%1:%2").arg(shownHost).arg(d->frontend->port());
    d->collectTimer.start();

    if (d->config->discovery.localScan) {
        d->discovery = std::make_unique<LocalDiscovery>();
        d->discovery->setIntervalMs(d->config->discovery.scanIntervalS * 1000);
        connect(d->discovery.get(), &LocalDiscovery::discovered, this, [this](const QList<EndpointConfig> &found) {
            QList<EndpointConfig> usable;
            for (const EndpointConfig &e : found) {
                if (e.enabled)
                    usable.append(e);
            }
            if (usable.size() == d->discovered.size() &&
                std::equal(usable.cbegin(), usable.cend(), d->discovered.cbegin(),
                           [](const EndpointConfig &a, const EndpointConfig &b) {
                               return a.id == b.id && a.models == b.models && a.loadedModels == b.loadedModels;
                           }))
                return;
            for (const EndpointConfig &e : std::as_const(usable))
                qCInfo(lcEngine, "discovered local server %s at %s (%lld models, %lld loaded)", qPrintable(e.provider),
                       qPrintable(e.baseUrl), qint64(e.models.size()), qint64(e.loadedModels.size()));
            d->discovered = usable;
            d->publish();
            emit endpointsChanged();
        });
        d->discovery->start();
    }
    // The run-time changes: in the data directory's files, or in runtime_state with a database
    // (which imports the files once); client keys stay in keys.json.
    if (!d->dataDir.isEmpty() || d->state.store) {
        d->restoreRegistry();
        d->restoreRouting();
        d->restoreFeatures();
    }
    if (!d->dataDir.isEmpty())
        d->restoreKeys();
    if (d->state.store) {
        // With a store, today's spend is spend_daily's (written with the request history); a
        // budget.json left from before is imported once.
        d->state.store->setSpendTimeZone(d->state.budget.timeZone());
        const QString budgetJson =
            d->dataDir.isEmpty() ? QString() : QDir(d->dataDir).filePath(QStringLiteral("budget.json"));
        QString message;
        if (d->state.store->restoreBudget(d->state.budget, budgetJson, QDateTime::currentMSecsSinceEpoch(), &message))
            qCInfo(lcEngine, "daily budget: %s", qPrintable(message));
        else
            qCWarning(lcEngine, "daily budget: %s; today's spend starts at 0", qPrintable(message));
        if (d->state.store->restoreScopeBudgets(d->state.scopeBudgets, QDateTime::currentMSecsSinceEpoch(), &message)) {
            if (!d->state.scopeBudgets.scopes().isEmpty())
                qCInfo(lcEngine, "key and team budgets: %s", qPrintable(message));
        } else {
            qCWarning(lcEngine, "key and team budgets: %s; their spend starts at 0", qPrintable(message));
        }
    } else if (!d->dataDir.isEmpty()) {
        // Today's spend survives restarts: read at start, written a second after it changes and
        // when the engine stops.
        d->budgetFile = std::make_unique<BudgetFile>(QDir(d->dataDir).filePath(QStringLiteral("budget.json")));
        QString message;
        if (d->budgetFile->load(d->state.budget, QDateTime::currentMSecsSinceEpoch(), &message))
            qCInfo(lcEngine, "daily budget: %s", qPrintable(message));
        else
            qCWarning(lcEngine, "daily budget: %s", qPrintable(message));
        d->budgetTimer.setInterval(1000);
        connect(&d->budgetTimer, &QTimer::timeout, this, [this] { d->saveBudget(); });
        connect(this, &Engine::shutdownFinished, this, [this] { d->saveBudget(); });
        d->budgetTimer.start();
    }
    if (d->state.store) {
        d->statsTimer.setInterval(30'000);
        connect(&d->statsTimer, &QTimer::timeout, this, &Engine::saveEndpointStats);
        d->statsTimer.start();
    }
    d->prober = std::make_unique<HealthProber>();
    d->prober->setClock([state] { return state->nowMs(); });
    d->prober->setSnapshot(d->state.current());
    d->prober->start();
    qCInfo(lcEngine, "listening on %s with %d worker threads", qPrintable(d->listenUrl), workers);
    if (isOnboarding())
        qCWarning(lcEngine, "no endpoint configured: inference requests get 503 until one is added "
                            "(config.yaml 'endpoints:' or LLM_PROXY_ENDPOINT_<NAME>_URL)");
    return true;
}

/// A decision of the security pipeline as an audit entry: the key name sealed, the layer, action,
/// reason and what matched in clear (the stage never puts the offending text in a decision).
static AuditEvent auditEventOf(const SecurityEvent &decision)
{
    AuditEvent e;
    e.timeMs = decision.time.toMSecsSinceEpoch();
    e.category = AuditCategory::Security;
    e.action = QStringLiteral("security.") + decision.action;
    e.outcome = decision.action == u"block"  ? QStringLiteral("blocked")
                : decision.action == u"mask" ? QStringLiteral("masked")
                                             : QStringLiteral("flagged");
    e.actor = decision.keyName;
    e.actorRole = QStringLiteral("user");
    e.requestId = decision.requestId;
    e.details = QJsonObject{{QStringLiteral("layer"), decision.layer},
                            {QStringLiteral("reason"), decision.reason},
                            {QStringLiteral("detail"), decision.detail},
                            {QStringLiteral("model"), decision.model},
                            {QStringLiteral("score"), decision.score}};
    return e;
}

bool Engine::openStore(QString *errorMessage)
{
    // Settings of server.storage take effect at start; a reload keeps the store it has.
    const std::optional<DatabaseSettings> settings =
        DatabaseSettings::fromConfig(d->config->server.storage, d->dataDir);
    if (!settings) {
        if (d->config->server.storage.enabled)
            qCInfo(lcEngine, "store: no data directory and no server.storage.path; the request history is not kept");
        return true;
    }
    StoreWriterOptions options;
    options.queueCapacity = d->config->server.storage.queueCapacity;
    QString error;
    std::unique_ptr<Store> store = Store::open(*settings, options, &error);
    if (!store) {
        *errorMessage = QStringLiteral("server.storage: ") + error;
        return false;
    }
    // The audit ledger (docs/audit.md): on when there is a ledger secret, off with the reason logged.
    QString why;
    const std::optional<QByteArray> secret =
        auditLedgerSecret(d->sources.environment.value(QStringLiteral("LLM_PROXY_AUDIT_SECRET")).toUtf8(),
                          settings->dialect, d->dataDir, &why);
    if (secret) {
        store->startAudit(*secret, d->config->security.signingKey.toUtf8(), QSysInfo::machineHostName(),
                          options.queueCapacity);
        qCInfo(lcEngine, "audit ledger: on, in %s", qPrintable(settings->describe()));
    } else {
        qCWarning(lcEngine, "audit ledger: off: %s", qPrintable(why));
    }
    d->state.store = std::move(store);
    if (SharedBudgets *shared = d->state.store->sharedBudgets())
        shared->setHoldMs(qint64(d->config->budget.sharedHoldS) * 1000);
    d->state.conversations->setDatabase(d->state.store);
    startCacheTier();
    if (d->state.store->audit()) {
        // Every security decision (block, mask, flag) goes on the ledger: queued, never waited for.
        d->guards->setDecisionSink([weak = std::weak_ptr<Store>(d->state.store)](const SecurityEvent &decision) {
            if (const std::shared_ptr<Store> s = weak.lock(); s && s->audit())
                s->audit()->record(auditEventOf(decision));
        });
        d->applyAuditSettings();
    }
    return true;
}

void Engine::startCacheTier()
{
    SharedState *state = &d->state;
    d->cacheTier = std::make_shared<PersistentCacheTier>(state->store, [state] { return state->nowMs(); });
    const CachingConfig &caching = d->config->caching;
    d->cacheTier->setTtlMs(qint64(caching.ttlS) * 1000);
    if (!caching.enabled || !caching.persist) {
        // Nothing is to be kept: answers a run with persist on left behind go too.
        QMetaObject::invokeMethod(
            state->store->readerContext(),
            [settings = state->store->settings(), tier = d->cacheTier] {
                QString error;
                const std::optional<bool> rows = CacheTable::hasRows(settings, &error);
                if (!rows)
                    qCWarning(lcEngine, "response cache: cannot look at the kept entries in %s: %s",
                              qPrintable(settings.describe()), qPrintable(error));
                else if (*rows)
                    tier->cleared(QString());
            },
            Qt::QueuedConnection);
        return;
    }
    state->cache->setTier(d->cacheTier);
    // The entries come back on the store's reader thread, while requests are already served (a
    // request arriving first simply misses; an answer stored meanwhile is never replaced).
    const qint64 ttlMs = qint64(caching.ttlS) * 1000;
    const qint64 maxEntries = caching.maxEntries;
    const qint64 maxBytes = caching.maxBytes;
    QMetaObject::invokeMethod(
        state->store->readerContext(),
        [state, settings = state->store->settings(), cache = state->cache, ttlMs, maxEntries, maxBytes] {
            const qint64 wallNow = QDateTime::currentMSecsSinceEpoch();
            CacheTable::Loaded loaded;
            QString error;
            if (CacheTable::load(settings, *cache, wallNow - ttlMs, wallNow, state->nowMs(), maxEntries, maxBytes,
                                 &loaded, &error))
                qCInfo(lcEngine, "response cache: %lld entries restored from %s%s", loaded.restored,
                       qPrintable(settings.describe()),
                       loaded.skipped ? qPrintable(QStringLiteral(" (%1 not restored)").arg(loaded.skipped)) : "");
            else
                qCWarning(lcEngine, "response cache: cannot read the kept entries from %s: %s; starting empty",
                          qPrintable(settings.describe()), qPrintable(error));
        },
        Qt::QueuedConnection);
}

Store *Engine::store() const
{
    return d->state.store.get();
}

BudgetLedger::Status Engine::budgetStatus(qint64 nowEpochMs) const
{
    return d->state.budget.status(nowEpochMs);
}

QTimeZone Engine::budgetTimeZone() const
{
    return d->state.budget.timeZone();
}

QList<BudgetWindowStatus> Engine::scopeBudgetStatuses(qint64 nowEpochMs) const
{
    return d->state.scopeBudgets.statuses(nowEpochMs);
}

void Engine::setDataDirectory(const QString &dir)
{
    Q_ASSERT_X(!d->frontend, "Engine::setDataDirectory", "call before start()");
    d->dataDir = dir;
}

QString Engine::dataDirectory() const
{
    return d->dataDir;
}

const ConfigSources &Engine::configSources() const
{
    return d->sources;
}

void Engine::setRequestPipeline(std::shared_ptr<const RequestPipeline> pipeline)
{
    d->customPipeline = true;
    d->state.pipeline.store(std::move(pipeline), std::memory_order_release);
}

void Engine::saveFeatures()
{
    QString error;
    if (d->featuresFile && !d->featuresFile->save(d->guards->overrides(), &error))
        qCWarning(lcEngine, "guard switches: %s; the change holds until the process ends", qPrintable(error));
}

std::shared_ptr<SecurityGuards> Engine::securityGuards() const
{
    return d->guards;
}

void Engine::setClock(std::function<qint64()> monotonicMs)
{
    Q_ASSERT_X(!d->frontend, "Engine::setClock", "call before start()");
    d->state.clock = std::move(monotonicMs);
}

qint64 Engine::nowMs() const
{
    return d->state.nowMs();
}

void Engine::beginShutdown(int graceMs)
{
    if (d->shuttingDown) {
        if (d->frontend)
            d->frontend->terminateNow(); // asked again: end what is left right away
        return;
    }
    d->shuttingDown = true;
    d->state.draining.store(true);
    d->prober.reset();
    d->discovery.reset();
    if (!d->frontend) {
        QMetaObject::invokeMethod(this, &Engine::shutdownFinished, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcEngine, "shutting down: no new connections, in-flight requests have %d ms to finish", graceMs);
    d->frontend->beginDrain(graceMs);
}

bool Engine::isShuttingDown() const
{
    return d->shuttingDown;
}

bool Engine::reload(QString *message)
{
    const ConfigLoadResult result = loadConfig(d->sources);
    for (const ConfigDiagnostic &w : result.warnings)
        qCWarning(lcEngine, "%s", qPrintable(w.toString()));
    if (!result.ok()) {
        QStringList errors;
        for (const ConfigDiagnostic &e : result.errors)
            errors.append(e.toString());
        const QString text = QStringLiteral("configuration reload failed, keeping the running configuration: %1")
                                 .arg(errors.join(QStringLiteral("; ")));
        qCWarning(lcEngine, "%s", qPrintable(text));
        if (message)
            *message = text;
        emit configReloaded(false, text);
        return false;
    }
    auto next = std::make_shared<const Config>(*result.config);
    QString text = QStringLiteral("configuration reloaded (%1 endpoints)").arg(next->endpoints.size());
    if (next->server.host != d->config->server.host || next->server.port != d->config->server.port ||
        next->server.workers != d->config->server.workers)
        text += QStringLiteral("; listen address and worker count change only after a restart");
    d->config = next;
    // Endpoints added at run time stay, unless the file now defines the same id: the file wins.
    d->added.removeIf([&next](const EndpointConfig &a) {
        const bool clash = std::any_of(next->endpoints.cbegin(), next->endpoints.cend(), [&a](const EndpointConfig &e) {
            return e.id.compare(a.id, Qt::CaseInsensitive) == 0;
        });
        if (clash)
            qCWarning(lcEngine, "endpoint %s added at run time is replaced by the one of the same id in the configuration",
                      qPrintable(a.id));
        return clash;
    });
    d->publish();
    d->installSecurity();
    d->applyAuditSettings();
    if (d->frontend)
        d->frontend->setLimits(next->server.limits);
    logging::configure(logging::parseFormat(next->logging.format), logging::parseLevel(next->logging.level));
    qCInfo(lcEngine, "%s", qPrintable(text));
    if (message)
        *message = text;
    emit configReloaded(true, text);
    emit endpointsChanged();
    return true;
}

ConfigPtr Engine::config() const
{
    return d->config;
}

QString Engine::listenUrl() const
{
    return d->listenUrl;
}

quint16 Engine::port() const
{
    return d->frontend ? d->frontend->port() : 0;
}

bool Engine::isPaused() const
{
    return d->state.paused.load();
}

void Engine::setPaused(bool paused)
{
    if (d->state.paused.exchange(paused) != paused) {
        qCInfo(lcEngine, paused ? "proxy paused: inference requests get 503" : "proxy resumed");
        emit pausedChanged(paused);
    }
}

bool Engine::isPanic() const
{
    return d->state.panic.load();
}

void Engine::setPanic(bool on)
{
    if (d->state.panic.exchange(on) != on) {
        if (on)
            qCWarning(lcEngine, "kill switch engaged: every inference request gets 503 until it is released");
        else
            qCInfo(lcEngine, "kill switch released: inference requests are served again");
        emit panicChanged(on);
    }
}

bool Engine::isOnboarding() const
{
    return d->state.current()->isOnboarding();
}

QList<EndpointStatus> Engine::endpointStatuses() const
{
    QList<EndpointStatus> out = d->state.current()->endpointStatuses();
    for (const RegistryEntry &r : registry()) {
        if (r.config.enabled)
            continue;
        EndpointStatus s;
        s.id = r.config.id;
        const ProviderPreset *preset = findProviderPreset(r.config.provider);
        s.provider = preset ? preset->name.toString() : r.config.provider;
        s.baseUrl = r.config.baseUrl;
        s.models = r.config.models;
        s.source = r.config.source;
        s.enabled = false;
        s.hasKey = !r.config.apiKey.isEmpty();
        s.health = QStringLiteral("unknown");
        out.append(s);
    }
    return out;
}

QList<RequestRecord> Engine::takeRecords(quint64 sinceSequence, quint64 *newestSequence, quint64 *skipped) const
{
    QMutexLocker lock(&d->recentMutex);
    QList<RequestRecord> out;
    for (const auto &[seq, record] : d->recent) {
        if (seq > sinceSequence)
            out.append(record);
    }
    if (newestSequence)
        *newestSequence = d->sequence;
    if (skipped) {
        const quint64 oldestKept = d->recent.empty() ? d->sequence + 1 : d->recent.front().first;
        *skipped = oldestKept > sinceSequence + 1 ? oldestKept - sinceSequence - 1 : 0;
    }
    return out;
}

quint64 Engine::droppedRecords() const
{
    return d->state.droppedRecords.load();
}

namespace {

/// Fills the live fields of `statuses` from the breakers and statistics the routed endpoints
/// share with the workers, at `nowMs` on the engine's clock. Disabled endpoints have none and keep the
/// defaults.
void addRoutingState(QList<EndpointStatus> &statuses, const QList<RegistryEntry> &registry, qint64 nowMs)
{
    for (EndpointStatus &status : statuses) {
        const auto entry = std::find_if(registry.cbegin(), registry.cend(), [&status](const RegistryEntry &r) {
            return r.health && r.config.id == status.id && r.config.source == status.source;
        });
        if (entry == registry.cend())
            continue;
        const EndpointHealth &health = *entry->health;
        const CircuitBreaker::State state = health.breaker.state(nowMs);
        status.breakerState = breakerStateName(state);
        status.consecutiveFailures = health.breaker.consecutiveFailures();
        status.breakerTrips = health.breaker.trips();
        status.breakerRetryInMs =
            state == CircuitBreaker::State::Open
                ? qMax<qint64>(0, health.breaker.openedAtMs() + health.breaker.settings().recoveryMs - nowMs)
                : -1;
        status.latencyMs = health.total.latencyMs();
        status.successRate = health.total.successRate();
        status.requests = health.total.requests();
        status.failures = health.total.failures();
        status.lastProbeEpochMs = health.lastProbeEpochMs.load(std::memory_order_relaxed);
        // Not checked on a schedule: "off", unless a check asked for by hand has answered.
        status.probe = entry->config.probe || status.lastProbeEpochMs > 0
                           ? probeName(health.probe.load(std::memory_order_relaxed))
                           : QStringLiteral("off");
    }
}

/// Fills the settings the Endpoints window edits, from the registry (run-time changes applied).
void addSettings(QList<EndpointStatus> &statuses, const QList<RegistryEntry> &registry)
{
    for (EndpointStatus &status : statuses) {
        for (const RegistryEntry &r : registry) {
            if (r.config.id != status.id || r.config.source != status.source)
                continue;
            status.priority = r.config.priority;
            status.weight = r.config.weight;
            status.apiKeyEnv = r.config.apiKeyEnv;
            status.apiKeyKeychain = r.config.apiKeyKeychain;
            status.apiVersion = r.config.apiVersion;
            status.costPerMtok = r.config.costPerMtok;
            status.probeEnabled = r.config.probe;
            break;
        }
    }
}

/// Latency percentiles and the newest failure per endpoint, over the requests kept for the log.
void addRecentRequests(QList<EndpointStatus> &statuses, const std::deque<std::pair<quint64, RequestRecord>> &recent)
{
    QHash<QString, QList<double>> latencies;
    QHash<QString, const RequestRecord *> lastError;
    for (const auto &[sequence, record] : recent) {
        if (record.endpoint.isEmpty())
            continue;
        latencies[record.endpoint].append(record.latencyMs);
        if (record.status >= 400 || !record.error.isEmpty())
            lastError.insert(record.endpoint, &record);
    }
    const auto percentile = [](const QList<double> &sorted, double p) {
        return sorted.at(qMin(sorted.size() - 1, qsizetype(std::ceil(p * double(sorted.size()))) - 1));
    };
    for (EndpointStatus &status : statuses) {
        QList<double> values = latencies.value(status.id);
        if (!values.isEmpty()) {
            std::sort(values.begin(), values.end());
            status.recentRequests = int(values.size());
            status.p50LatencyMs = percentile(values, 0.50);
            status.p95LatencyMs = percentile(values, 0.95);
        }
        if (const RequestRecord *failed = lastError.value(status.id)) {
            status.lastErrorTime = failed->time;
            status.lastErrorStatus = failed->status;
            status.lastError = failed->error;
        }
    }
}

} // namespace

void Engine::saveEndpointStats()
{
    if (!d->state.store)
        return;
    QList<EndpointStatus> statuses = d->state.current()->endpointStatuses();
    addRoutingState(statuses, registry(), nowMs());
    const QString instance = QSysInfo::machineHostName() + u' ' + d->listenUrl;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<EndpointStatsRow> rows;
    for (const EndpointStatus &s : std::as_const(statuses)) {
        if (!s.breakerState.isEmpty()) // routed (disabled endpoints have no breaker)
            rows.append(EndpointStatsRow::of(s, instance, d->createdEpoch * 1000, now));
    }
    if (!rows.isEmpty())
        d->state.store->enqueue(EndpointStatsTable::writeFor(std::move(rows)), "endpoint statistics");
}

EngineStatus Engine::status() const
{
    EngineStatus s;
    s.endpoints = endpointStatuses();
    const QList<RegistryEntry> entries = registry();
    addRoutingState(s.endpoints, entries, nowMs());
    addSettings(s.endpoints, entries);
    {
        QMutexLocker lock(&d->recentMutex);
        addRecentRequests(s.endpoints, d->recent);
    }
    s.configPath = configFilePath();
    s.clientKeyRequired = d->state.current()->config().server.requiresClientKey();
    s.droppedRecords = droppedRecords();
    const BudgetLedger::Status budget = d->state.budget.status(QDateTime::currentMSecsSinceEpoch());
    s.spentTodayUsd = budget.spentUsd;
    s.dailyLimitUsd = budget.dailyLimitUsd;
    s.softLimitUsd = budget.softLimitUsd;
    s.routing = RoutingView::of(d->state.current()->config(), d->routing);
    return s;
}

void Engine::publishStatus()
{
    emit statusPublished(status());
}

QString Engine::configFilePath() const
{
    return d->config->sourcePath.isEmpty() ? d->sources.configPath : d->config->sourcePath;
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/enginecontroller.h"

#include "proxycore/engine/engine.h"
#include "proxycore/pipeline/securityguards.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace llmproxy {

namespace {

/// A coalescing window: bursts of engine changes become one snapshot at most this often.
constexpr int kCoalesceMs = 100;
/// How often the security state is re-read while a window watches it.
constexpr int kSecurityPollMs = 250;

} // namespace

class EngineController::Private
{
public:
    quint64 lastSequence = 0;
    quint64 skippedRecords = 0; ///< gone from the engine's history before this controller collected them
    QTimer refreshTimer;
    QTimer coalesceTimer; ///< pending snapshot request (engine on another thread)
    bool coalesceOnlyIfChanged = true;
    bool waiting = false;     ///< a snapshot was asked for and has not arrived yet
    EngineStatus status;      ///< the last snapshot
    bool published = false;   ///< endpointsChanged has carried status.endpoints
    bool routingPublished = false; ///< routingChanged has carried status.routing
    quint64 shownDropped = 0; ///< what droppedRecordsChanged last carried

    QTimer securityTimer;
    QSet<QObject *> securityViewers;
    quint64 lastEventId = 0; ///< newest security decision emitted (or there before we started)
    SecurityStatus security; ///< what securityStatusChanged last carried
    bool securityPublished = false;
};

EngineController::EngineController(Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), d(new Private)
{
    qRegisterMetaType<llmproxy::RequestRecord>();
    qRegisterMetaType<llmproxy::EndpointStatus>();
    qRegisterMetaType<llmproxy::EngineStatus>();
    qRegisterMetaType<llmproxy::GuardState>();
    qRegisterMetaType<llmproxy::SecurityStatus>();
    qRegisterMetaType<llmproxy::SecurityEvent>();
    qRegisterMetaType<llmproxy::RoutingView>();
    qRegisterMetaType<QList<llmproxy::SecurityEvent>>();
    // Records from now on arrive through requestsFinished; older ones through recentRequests().
    engine->takeRecords(~quint64(0), &d->lastSequence);
    connect(engine, &Engine::recordsAvailable, this, &EngineController::drainRecords);
    connect(engine, &Engine::endpointsChanged, this, [this] { requestStatus(false); });
    connect(engine, &Engine::routingChanged, this, [this] { requestStatus(false); });
    connect(engine, &Engine::pausedChanged, this, &EngineController::pausedChanged);
    connect(engine, &Engine::panicChanged, this, &EngineController::panicChanged);
    connect(engine, &Engine::configReloaded, this, [this](bool ok, const QString &message) {
        requestStatus(false);
        emit configReloaded(ok, message);
    });
    connect(engine, &Engine::statusPublished, this, [this](const EngineStatus &status) {
        d->waiting = false;
        applyStatus(status, d->coalesceOnlyIfChanged);
        d->coalesceOnlyIfChanged = true;
    });
    connect(&d->refreshTimer, &QTimer::timeout, this, [this] { requestStatus(true); });
    // Security decisions from now on arrive through securityEventsArrived; older ones through
    // recentSecurityEvents().
    const QList<SecurityEvent> newest = engine->securityGuards()->recentEvents(0, 1, nullptr);
    d->lastEventId = newest.isEmpty() ? 0 : newest.constFirst().id;
    d->securityTimer.setInterval(kSecurityPollMs);
    connect(&d->securityTimer, &QTimer::timeout, this, [this] { pollSecurity(false); });
    d->coalesceTimer.setSingleShot(true);
    d->coalesceTimer.setInterval(kCoalesceMs);
    connect(&d->coalesceTimer, &QTimer::timeout, this, [this] {
        d->waiting = true;
        QMetaObject::invokeMethod(m_engine, &Engine::publishStatus, Qt::QueuedConnection);
    });

    // The first snapshot is needed before a window can show anything: wait for it this once.
    EngineStatus first;
    if (sameThread())
        first = engine->status();
    else
        QMetaObject::invokeMethod(
            engine, [engine, &first] { first = engine->status(); }, Qt::BlockingQueuedConnection);
    d->status = first;
    d->shownDropped = first.droppedRecords;
}

EngineController::~EngineController()
{
    delete d;
}

bool EngineController::sameThread() const
{
    return m_engine->thread() == QThread::currentThread();
}

void EngineController::onEngine(std::function<void(Engine *)> work)
{
    if (sameThread()) {
        work(m_engine);
        return;
    }
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, work = std::move(work)] { work(engine); }, Qt::QueuedConnection);
}

void EngineController::drainRecords()
{
    quint64 newest = 0;
    quint64 skipped = 0;
    const QList<RequestRecord> batch = m_engine->takeRecords(d->lastSequence, &newest, &skipped);
    d->lastSequence = newest;
    if (skipped > 0) {
        d->skippedRecords += skipped;
        qWarning("request log: %llu records were gone before the window collected them",
                 static_cast<unsigned long long>(skipped));
    }
    if (!batch.isEmpty())
        emit requestsFinished(batch);
    const quint64 dropped = droppedRecords();
    if (dropped != d->shownDropped) {
        d->shownDropped = dropped;
        emit droppedRecordsChanged(dropped);
    }
}

void EngineController::requestStatus(bool onlyIfChanged)
{
    if (sameThread()) {
        applyStatus(m_engine->status(), onlyIfChanged);
        return;
    }
    // One request at a time, at most ~10 a second; a full refresh wins over "only if changed".
    d->coalesceOnlyIfChanged = d->coalesceOnlyIfChanged && onlyIfChanged;
    if (!d->waiting && !d->coalesceTimer.isActive())
        d->coalesceTimer.start();
}

void EngineController::applyStatus(const EngineStatus &status, bool onlyIfChanged)
{
    const bool same = d->published && status.endpoints == d->status.endpoints;
    const bool sameRouting = d->routingPublished && status.routing == d->status.routing;
    d->status = status;
    if (!sameRouting) {
        d->routingPublished = true;
        emit routingChanged(status.routing);
    }
    if (onlyIfChanged && same)
        return;
    d->published = true;
    emit endpointsChanged(status.endpoints);
}

void EngineController::setEndpointRefreshInterval(int ms)
{
    if (ms <= 0) {
        d->refreshTimer.stop();
        return;
    }
    if (!d->refreshTimer.isActive() || d->refreshTimer.interval() != ms)
        d->refreshTimer.start(ms);
}

void EngineController::refreshStatus()
{
    requestStatus(true);
}

int EngineController::endpointRefreshInterval() const
{
    return d->refreshTimer.isActive() ? d->refreshTimer.interval() : 0;
}

void EngineController::pollSecurity(bool force)
{
    const std::shared_ptr<SecurityGuards> guards = m_engine->securityGuards();
    const QList<SecurityEvent> events = guards->eventsAfter(d->lastEventId, SecurityGuards::kEventCapacity);
    if (!events.isEmpty()) {
        d->lastEventId = events.constLast().id;
        emit securityEventsArrived(events);
    }
    SecurityStatus status = securityStatus();
    if (!force && d->securityPublished && status == d->security)
        return;
    d->security = status;
    d->securityPublished = true;
    emit securityStatusChanged(status);
}

void EngineController::watchSecurity(QObject *viewer, bool watching)
{
    if (!viewer)
        return;
    if (watching && !d->securityViewers.contains(viewer)) {
        d->securityViewers.insert(viewer);
        connect(viewer, &QObject::destroyed, this, [this, viewer] { watchSecurity(viewer, false); });
    } else if (!watching && d->securityViewers.remove(viewer)) {
        disconnect(viewer, &QObject::destroyed, this, nullptr);
    }
    if (d->securityViewers.isEmpty()) {
        d->securityTimer.stop();
    } else if (!d->securityTimer.isActive()) {
        d->securityTimer.start();
        // Coming into view: the current state at once, not a poll interval later.
        pollSecurity(false);
    }
}

bool EngineController::isSecurityWatched() const
{
    return !d->securityViewers.isEmpty();
}

// Thread-safe reads (atomics, or values fixed once the engine listens): direct at any time.

SecurityStatus EngineController::securityStatus() const
{
    const std::shared_ptr<SecurityGuards> guards = m_engine->securityGuards();
    const std::shared_ptr<const SecurityConfig> config = guards->config();
    SecurityStatus status;
    status.enabled = guards->masterOn();
    status.configuredEnabled = config->enabled;
    status.override = guards->masterOverride();
    status.scanned = guards->requestsScanned();
    status.blocked = guards->requestsBlocked();
    status.p50 = guards->scanPercentileUs(0.50);
    status.p95 = guards->scanPercentileUs(0.95);
    status.p99 = guards->scanPercentileUs(0.99);
    status.firewallDisabledReason = config->firewallDisabledReason;
    for (const GuardInfo &info : guardInfos()) {
        GuardState guard;
        guard.id = QString::fromLatin1(info.id);
        guard.title = QString::fromUtf8(info.title);
        guard.description = QString::fromUtf8(info.description);
        guard.enabled = guards->isOn(info.guard);
        guard.configured = guards->configured(info.guard);
        guard.override = guards->override(info.guard);
        if (info.guard == Guard::Firewall) {
            guard.disabledReason = config->firewallDisabledReason;
            guard.locked = config->firewallDisabledReason.startsWith(u"env:");
        } else if (info.guard == Guard::Signing) {
            guard.locked = config->signingKey.isEmpty();
        }
        const GuardCounters counters = guards->counters(info.guard);
        guard.scanned = counters.scanned;
        guard.blocked = counters.blocked;
        guard.masked = counters.masked;
        guard.flagged = counters.flagged;
        status.guards.append(guard);
    }
    return status;
}

QList<SecurityEvent> EngineController::recentSecurityEvents(int limit) const
{
    const QList<SecurityEvent> newestFirst = m_engine->securityGuards()->recentEvents(0, qMax(0, limit), nullptr);
    return {newestFirst.crbegin(), newestFirst.crend()}; // oldest first
}

QString EngineController::listenUrl() const
{
    return m_engine->listenUrl();
}

bool EngineController::isListening() const
{
    return m_engine->port() != 0;
}

bool EngineController::isPaused() const
{
    return m_engine->isPaused();
}

bool EngineController::isPanic() const
{
    return m_engine->isPanic();
}

bool EngineController::isOnboarding() const
{
    return endpoints().isEmpty();
}

bool EngineController::allEndpointsDisabled() const
{
    const QList<EndpointStatus> list = endpoints();
    return !list.isEmpty() &&
           std::none_of(list.cbegin(), list.cend(), [](const EndpointStatus &e) { return e.enabled; });
}

bool EngineController::allEndpointsDown() const
{
    const QList<EndpointStatus> list = endpoints();
    const auto down = [](const EndpointStatus &e) {
        return e.breakerState == QLatin1String("open") || e.probe == QLatin1String("unhealthy") ||
               e.health == QLatin1String("down");
    };
    bool anyEnabled = false;
    for (const EndpointStatus &e : list) {
        if (!e.enabled)
            continue;
        anyEnabled = true;
        if (!down(e))
            return false;
    }
    return anyEnabled;
}

QList<EndpointStatus> EngineController::endpoints() const
{
    return sameThread() ? m_engine->status().endpoints : d->status.endpoints;
}

// -- client keys ----------------------------------------------------------------------------------

void EngineController::createClientKey(const QString &name,
                                       std::function<void(const QString &key, const QString &error)> done)
{
    QPointer<EngineController> self(this);
    onEngine([self, name, done = std::move(done)](Engine *engine) {
        QByteArray key;
        QString error;
        switch (engine->createClientKey(name, &key, nullptr)) {
        case KeyChange::Done:
            break;
        case KeyChange::InvalidName:
            error = tr("A key name has 1 to 64 letters, digits, '.', '_' or '-'.");
            break;
        case KeyChange::DuplicateName:
            error = tr("A client key named “%1” exists already.").arg(name);
            break;
        case KeyChange::UnknownKey:
        case KeyChange::NotRemovable:
            error = tr("The key could not be created.");
            break;
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, done, key = QString::fromLatin1(key), error] {
            if (self)
                done(key, error);
        });
    });
}

// -- routing: aliases, fallback chains, route overrides -------------------------------------------

RoutingView EngineController::routing() const
{
    return sameThread() ? m_engine->status().routing : d->status.routing;
}

void EngineController::changeRouting(std::function<void(RoutingOverlay &)> change)
{
    onEngine([change = std::move(change)](Engine *engine) {
        RoutingOverlay overlay = engine->routingOverlay();
        change(overlay);
        engine->setRoutingOverlay(overlay);
    });
}

QString EngineController::setAlias(const QString &name, const QString &target)
{
    const QString n = name.trimmed();
    const QString t = target.trimmed();
    QString why = RoutingOverlay::checkAlias(n, t);
    if (why.isEmpty())
        changeRouting([n, t](RoutingOverlay &o) { o.aliases.insert(n, t); });
    return why;
}

void EngineController::removeAlias(const QString &name)
{
    changeRouting([name](RoutingOverlay &o) { o.aliases.insert(name, std::nullopt); });
}

QString EngineController::setFallbackChain(const QString &model, QList<FallbackHop> hops)
{
    const QString m = model.trimmed();
    QString why = RoutingOverlay::checkFallbackChain(m, &hops);
    if (why.isEmpty())
        changeRouting([m, hops](RoutingOverlay &o) { o.fallbackChains.insert(m, hops); });
    return why;
}

void EngineController::removeFallbackChain(const QString &model)
{
    changeRouting([model](RoutingOverlay &o) { o.fallbackChains.insert(model, std::nullopt); });
}

QString EngineController::setClientRoute(const QString &api, const std::optional<ClientRoute> &route)
{
    if (!route) {
        changeRouting([api](RoutingOverlay &o) { o.clientRoutes.remove(api); });
        return {};
    }
    QString why = RoutingOverlay::checkClientRoute(api, *route);
    if (why.isEmpty())
        changeRouting([api, r = *route](RoutingOverlay &o) { o.clientRoutes.insert(api, r); });
    return why;
}

void EngineController::resetRouting()
{
    changeRouting([](RoutingOverlay &o) { o = {}; });
}

TodaySpend EngineController::todaySpend() const
{
    const EngineStatus status = sameThread() ? m_engine->status() : d->status;
    return TodaySpend{status.spentTodayUsd, status.dailyLimitUsd, status.softLimitUsd};
}

QList<RequestRecord> EngineController::recentRequests() const
{
    return m_engine->takeRecords(0, nullptr);
}

QString EngineController::configPath() const
{
    return sameThread() ? m_engine->configFilePath() : d->status.configPath;
}

bool EngineController::clientKeyRequired() const
{
    return sameThread() ? m_engine->status().clientKeyRequired : d->status.clientKeyRequired;
}

QString EngineController::dataDirectory() const
{
    return m_engine->dataDirectory();
}

ConfigCheck EngineController::checkConfigText(const QByteArray &yaml) const
{
    ConfigSources sources = m_engine->configSources();
    const QString path = configPath();
    if (!path.isEmpty())
        sources.configPath = path;
    sources.configText = yaml;
    const ConfigLoadResult loaded = loadConfig(sources);
    ConfigCheck check;
    const auto add = [&check](const ConfigDiagnostic &d, bool error) {
        check.problems.append({error, d.line, d.column, d.checkLine(error)});
    };
    for (const ConfigDiagnostic &w : loaded.warnings)
        add(w, false);
    for (const ConfigDiagnostic &e : loaded.errors)
        add(e, true);
    if (!loaded.ok())
        return check;
    const Config &config = *loaded.config;
    if (const QString refusal = Engine::listenRefusal(config.server); !refusal.isEmpty()) {
        add({config.sourcePath, 0, 0, refusal}, true);
        return check;
    }
    check.ok = true;
    check.summary = QStringLiteral("configuration OK: %1, %2 endpoint(s)")
                        .arg(config.sourcePath.isEmpty() ? QStringLiteral("built-in defaults") : config.sourcePath)
                        .arg(config.endpoints.size());
    check.host = config.server.host;
    check.port = config.server.port;
    check.clientKeyRequired = config.server.requiresClientKey();
    check.logLevel = config.logging.level;
    check.logFormat = config.logging.format;
    check.logBodies = config.logging.logBodies;

    // The environment and .env win over the file, the command line over both (see loadConfig()).
    QMap<QString, QString> dotenv;
    QFile dotenvFile(!sources.dotenvPath.isEmpty()     ? sources.dotenvPath
                     : sources.baseDirectory.isEmpty() ? QStringLiteral(".env")
                                                       : QDir(sources.baseDirectory).filePath(QStringLiteral(".env")));
    if (dotenvFile.open(QIODevice::ReadOnly))
        dotenv = parseDotenv(dotenvFile.read(1024 * 1024));
    const auto fromEnvironment = [&](const QString &name) {
        return !sources.environment.value(name).isEmpty() || !dotenv.value(name).isEmpty();
    };
    const CliOverrides &cli = sources.cli;
    if (cli.host || fromEnvironment(QStringLiteral("LLM_PROXY_HOST")))
        check.overridden << QStringLiteral("server.host");
    if (cli.port || fromEnvironment(QStringLiteral("LLM_PROXY_PORT")))
        check.overridden << QStringLiteral("server.port");
    if (fromEnvironment(QStringLiteral("LLM_PROXY_LOG_LEVEL")))
        check.overridden << QStringLiteral("logging.level");
    if (cli.logFormat || fromEnvironment(QStringLiteral("LLM_PROXY_LOG_FORMAT")))
        check.overridden << QStringLiteral("logging.format");
    return check;
}

ConfigTextEdit EngineController::editConfigText(const QByteArray &yaml, const QList<ConfigKeyEdit> &edits)
{
    return editConfigKeys(yaml, edits);
}

quint64 EngineController::droppedRecords() const
{
    return m_engine->droppedRecords() + d->skippedRecords;
}

// Changes: carried out on the engine's thread; the engine's signals report the outcome.

void EngineController::setPaused(bool paused)
{
    onEngine([paused](Engine *engine) { engine->setPaused(paused); });
}

void EngineController::setPanic(bool on)
{
    onEngine([on](Engine *engine) { engine->setPanic(on); });
}

void EngineController::setEndpointEnabled(const QString &id, bool enabled)
{
    onEngine([id, enabled](Engine *engine) { engine->setEndpointEnabled(id, enabled); });
}

void EngineController::reloadConfig()
{
    onEngine([](Engine *engine) { engine->reload(); });
}

// The guard switches are atomics that every worker reads: set from this thread, so the window
// shows the outcome at once.

void EngineController::setGuardEnabled(const QString &id, std::optional<bool> enabled)
{
    const std::optional<Guard> guard = guardFromId(id);
    if (!guard) {
        qWarning("security: no guard named %s", qUtf8Printable(id));
        return;
    }
    m_engine->securityGuards()->setOverride(*guard, enabled);
    onEngine([](Engine *engine) { engine->saveFeatures(); }); // kept for the next start
    pollSecurity(true);
}

void EngineController::setSecurityEnabled(std::optional<bool> enabled)
{
    m_engine->securityGuards()->setMasterOverride(enabled);
    onEngine([](Engine *engine) { engine->saveFeatures(); });
    pollSecurity(true);
}

// -- endpoints window

bool EndpointEdit::isEmpty() const
{
    return !priority && !weight && !enabled && !provider && !baseUrl && !models && !apiKeyEnv && !apiKeyKeychain &&
           !apiKey && !apiVersion && !costPerMtok && !probe;
}

namespace {

/// The PATCH /api/v1/registry/{id} body of `edit`.
QJsonObject editBody(const EndpointEdit &edit)
{
    QJsonObject o;
    if (edit.priority)
        o.insert(QStringLiteral("priority"), *edit.priority);
    if (edit.weight)
        o.insert(QStringLiteral("weight"), *edit.weight);
    if (edit.enabled)
        o.insert(QStringLiteral("enabled"), *edit.enabled);
    if (edit.provider)
        o.insert(QStringLiteral("provider"), *edit.provider);
    if (edit.baseUrl)
        o.insert(QStringLiteral("base_url"), *edit.baseUrl);
    if (edit.models)
        o.insert(QStringLiteral("models"), QJsonArray::fromStringList(*edit.models));
    if (edit.apiKey)
        o.insert(QStringLiteral("api_key"), *edit.apiKey);
    else if (edit.apiKeyKeychain)
        o.insert(QStringLiteral("api_key_keychain"), *edit.apiKeyKeychain);
    else if (edit.apiKeyEnv)
        o.insert(QStringLiteral("api_key_env"), edit.apiKeyEnv->isEmpty() ? QJsonValue() : QJsonValue(*edit.apiKeyEnv));
    if (edit.apiVersion)
        o.insert(QStringLiteral("api_version"),
                 edit.apiVersion->isEmpty() ? QJsonValue() : QJsonValue(*edit.apiVersion));
    if (edit.costPerMtok)
        o.insert(QStringLiteral("cost_per_mtok"), *edit.costPerMtok);
    if (edit.probe)
        o.insert(QStringLiteral("probe"), *edit.probe);
    return o;
}

QString unknownEndpointText(const QString &id)
{
    return QStringLiteral("There is no endpoint '%1' any more.").arg(id);
}

} // namespace

void EngineController::runEndpointAction(std::function<QString(Engine *)> work, EndpointDone done)
{
    // The answer comes back through a relay object of this thread that the work keeps alive, so it
    // arrives safely even when the controller is gone by then (and is dropped there).
    std::shared_ptr<QObject> relay(new QObject, [](QObject *o) { o->deleteLater(); });
    QPointer<EngineController> self(this);
    onEngine([work = std::move(work), done = std::move(done), relay, self](Engine *engine) {
        const QString error = work(engine);
        QMetaObject::invokeMethod(
            relay.get(),
            [done, error, self] {
                if (self && done)
                    done(error);
            },
            Qt::QueuedConnection);
    });
}

void EngineController::updateEndpoint(const QString &id, const EndpointEdit &edit, EndpointDone done)
{
    runEndpointAction(
        [id, body = editBody(edit)](Engine *engine) -> QString {
            JsonFieldError error;
            switch (engine->updateEndpoint(id, body, nullptr, &error)) {
            case RegistryChange::Done:
                return {};
            case RegistryChange::Invalid:
            case RegistryChange::NotEditable:
                return error.message;
            default:
                return unknownEndpointText(id);
            }
        },
        std::move(done));
}

void EngineController::deleteEndpoint(const QString &id, EndpointDone done)
{
    runEndpointAction(
        [id](Engine *engine) -> QString {
            switch (engine->removeEndpoint(id)) {
            case RegistryChange::Done:
                return {};
            case RegistryChange::NotRemovable:
                return QStringLiteral("The endpoint '%1' comes from the configuration (config.yaml, the environment "
                                      "or discovery) and cannot be deleted here; disable it instead.")
                    .arg(id);
            default:
                return unknownEndpointText(id);
            }
        },
        std::move(done));
}

void EngineController::probeEndpoint(const QString &id, EndpointDone done)
{
    runEndpointAction(
        [id](Engine *engine) -> QString {
            QString why;
            switch (engine->probeEndpoint(id, &why)) {
            case RegistryChange::Done:
                return {};
            case RegistryChange::NotRouted:
                return why.isEmpty() ? why : why.front().toUpper() + why.mid(1) + u'.';
            default:
                return unknownEndpointText(id);
            }
        },
        std::move(done));
}

void EngineController::resetBreaker(const QString &id, EndpointDone done)
{
    runEndpointAction(
        [id](Engine *engine) -> QString {
            switch (engine->resetBreaker(id)) {
            case RegistryChange::Done:
                return {};
            case RegistryChange::NotRouted:
                return QStringLiteral("The endpoint '%1' is disabled: it has no circuit breaker until it is enabled.")
                    .arg(id);
            default:
                return unknownEndpointText(id);
            }
        },
        std::move(done));
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/enginecontroller.h"

#include "proxycore/config/endpointjson.h"
#include "proxycore/config/secretstore.h"
#include "proxycore/engine/engine.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/routing/healthprober.h"
#include "proxycore/routing/localdiscovery.h"
#include "proxycore/routing/routingsnapshot.h"
#include "proxycore/store/store.h"
#include "proxycore/upstream/controlplane.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QThreadPool>
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
        guard.title = QCoreApplication::translate("Guards", info.title);
        guard.description = QCoreApplication::translate("Guards", info.description);
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

void EngineController::listClientKeys(std::function<void(const QList<ClientKeyInfo> &keys)> done)
{
    QPointer<EngineController> self(this);
    onEngine([self, done = std::move(done)](Engine *engine) {
        QList<ClientKeyInfo> keys = engine->clientKeys();
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, done, keys = std::move(keys)] {
            if (self)
                done(keys);
        });
    });
}

void EngineController::revokeClientKey(const QString &name, std::function<void(const QString &error)> done)
{
    QPointer<EngineController> self(this);
    onEngine([self, name, done = std::move(done)](Engine *engine) {
        QString error;
        switch (engine->revokeClientKey(name)) {
        case KeyChange::Done:
            break;
        case KeyChange::NotRemovable:
            error = tr("The key “%1” comes from the configuration file; remove it there.").arg(name);
            break;
        case KeyChange::UnknownKey:
        case KeyChange::InvalidName:
        case KeyChange::DuplicateName:
            error = tr("No client key is named “%1”.").arg(name);
            break;
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, done, error] {
            if (self)
                done(error);
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

// -- first-run wizard

namespace {

/// How long a wizard call may go without a byte moving.
constexpr int kModelListTimeoutMs = 15'000;
constexpr int kTestTimeoutMs = 60'000;
/// The test request's output limit: enough for a short greeting, cheap everywhere.
constexpr int kTestMaxTokens = 16;

/// Runs `done` on the GUI thread unless `context` is gone by then. Safe from any thread.
template <typename Fn> void deliver(const QPointer<QObject> &context, Fn done)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [context, done = std::move(done)]() mutable {
            if (context)
                done();
        },
        Qt::QueuedConnection);
}

/// Where each cloud provider hands out its keys.
QString keyPage(QStringView provider)
{
    static const QHash<QString, QString> pages = {
        {QStringLiteral("openai"), QStringLiteral("https://platform.openai.com/api-keys")},
        {QStringLiteral("anthropic"), QStringLiteral("https://console.anthropic.com/settings/keys")},
        {QStringLiteral("google"), QStringLiteral("https://aistudio.google.com/app/apikey")},
        {QStringLiteral("groq"), QStringLiteral("https://console.groq.com/keys")},
        {QStringLiteral("together"), QStringLiteral("https://api.together.xyz/settings/api-keys")},
        {QStringLiteral("mistral"), QStringLiteral("https://console.mistral.ai/api-keys")},
        {QStringLiteral("deepseek"), QStringLiteral("https://platform.deepseek.com/api_keys")},
        {QStringLiteral("xai"), QStringLiteral("https://console.x.ai")},
        {QStringLiteral("perplexity"), QStringLiteral("https://www.perplexity.ai/settings/api")},
        {QStringLiteral("fireworks"), QStringLiteral("https://fireworks.ai/account/api-keys")},
        {QStringLiteral("openrouter"), QStringLiteral("https://openrouter.ai/keys")},
        {QStringLiteral("sambanova"), QStringLiteral("https://cloud.sambanova.ai/apis")},
    };
    return pages.value(provider.toString());
}

/// `endpoint` as the hot path would see it (preset, base URL, key header).
ResolvedEndpoint resolved(const EndpointConfig &endpoint)
{
    auto config = std::make_shared<Config>();
    config->endpoints = {endpoint};
    config->endpoints.first().enabled = true;
    const RoutingSnapshot snapshot(config, {}, 0);
    return snapshot.endpoints().constFirst();
}

/// The provider's own words from an error body: OpenAI, Anthropic and Gemini put them in
/// error.message, Ollama in error; anything else is shown as it came (shortened).
QString providerError(int status, const QByteArray &body, const QString &networkError)
{
    QString message;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue error = o.value(QLatin1String("error"));
    if (error.isObject())
        message = error.toObject().value(QLatin1String("message")).toString();
    else if (error.isString())
        message = error.toString();
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(300)).simplified();
    if (status <= 0)
        return networkError;
    return message.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                             : QStringLiteral("HTTP %1: %2").arg(status).arg(message);
}

/// Model ids from a models list: OpenAI and Anthropic `data[].id`, Gemini `models[].name`
/// ("models/" dropped).
QStringList modelIds(const QByteArray &body)
{
    QStringList ids;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    for (const QJsonValue &v : o.value(QLatin1String("data")).toArray()) {
        const QString id = v.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            ids.append(id);
    }
    for (const QJsonValue &v : o.value(QLatin1String("models")).toArray()) {
        QString id = v.toObject().value(QLatin1String("name")).toString();
        if (id.startsWith(QLatin1String("models/")))
            id = id.mid(7);
        if (!id.isEmpty())
            ids.append(id);
    }
    return ids;
}

/// The text of a chat answer in OpenAI, Anthropic, Gemini or Ollama's native format.
QString answerText(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty())
        return choices.first()
            .toObject()
            .value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    QString text;
    for (const QJsonValue &part : o.value(QLatin1String("content")).toArray())
        text += part.toObject().value(QLatin1String("text")).toString();
    const QJsonArray candidates = o.value(QLatin1String("candidates")).toArray();
    if (!candidates.isEmpty()) {
        const QJsonObject content = candidates.first().toObject().value(QLatin1String("content")).toObject();
        for (const QJsonValue &part : content.value(QLatin1String("parts")).toArray())
            text += part.toObject().value(QLatin1String("text")).toString();
    }
    if (o.value(QLatin1String("message")).isObject())
        text += o.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString();
    return text;
}

/// Raises the health check's one output token to kTestMaxTokens, whichever format carries it.
QByteArray withTestLimit(const QByteArray &body)
{
    QJsonObject o = QJsonDocument::fromJson(body).object();
    if (o.isEmpty())
        return body;
    for (const char *key : {"max_tokens", "max_completion_tokens", "max_output_tokens"}) {
        if (o.contains(QLatin1String(key)))
            o.insert(QLatin1String(key), kTestMaxTokens);
    }
    QJsonObject generation = o.value(QLatin1String("generationConfig")).toObject();
    if (generation.contains(QLatin1String("maxOutputTokens"))) {
        generation.insert(QLatin1String("maxOutputTokens"), kTestMaxTokens);
        o.insert(QLatin1String("generationConfig"), generation);
    }
    QJsonObject options = o.value(QLatin1String("options")).toObject();
    if (options.contains(QLatin1String("num_predict"))) {
        options.insert(QLatin1String("num_predict"), kTestMaxTokens);
        o.insert(QLatin1String("options"), options);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// Sends `check` through a control-plane manager of the calling thread (deleted afterwards) and
/// calls `finished` there with the status, body and network error.
void sendCheck(const HealthCheckRequest &check, int timeoutMs,
               const std::function<void(int status, const QByteArray &body, const QString &error, qint64 ms)> &finished)
{
    QNetworkAccessManager *network = makeControlPlaneNetworkAccess().release();
    QNetworkRequest request = makeControlPlaneRequest(QUrl(QString::fromUtf8(check.url)), timeoutMs);
    for (const auto &header : check.headers)
        request.setRawHeader(header.first, header.second);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply *reply = network->sendCustomRequest(request, check.method, check.body);
    QObject::connect(reply, &QNetworkReply::finished, network, [reply, network, timer, finished] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString error = reply->error() == QNetworkReply::OperationCanceledError
                                  ? QCoreApplication::translate("EngineController", "No answer in time.")
                                  : reply->errorString();
        finished(status, body, error, timer->elapsed());
        reply->deleteLater();
        network->deleteLater();
    });
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

QList<ProviderChoice> EngineController::providerChoices()
{
    QList<ProviderChoice> cloud;
    QList<ProviderChoice> local;
    for (const ProviderPreset &p : providerPresets()) {
        ProviderChoice c;
        c.id = p.name.toString();
        c.displayName = p.displayName.toString();
        c.defaultBaseUrl = p.defaultBaseUrl.toString();
        c.local = p.local;
        c.needsKey = !p.local;
        c.keyEnv = p.keyEnv.toString();
        c.keyUrl = keyPage(p.name);
        (p.local ? local : cloud).append(c);
    }
    return cloud + local;
}

void EngineController::discoverLocalServers(QObject *context, std::function<void(const QList<LocalServer> &)> done,
                                            const QList<QPair<QString, quint16>> &targets, const QString &host)
{
    QList<LocalDiscoveryTarget> list;
    for (const auto &t : targets)
        list.append({t.first, t.second});
    if (list.isEmpty())
        list = defaultLocalDiscoveryTargets();
    auto *discovery = new LocalDiscovery(list, host, nullptr, context);
    QObject::connect(discovery, &LocalDiscovery::discovered, context,
                     [discovery, done = std::move(done)](const QList<EndpointConfig> &found) {
                         QList<LocalServer> servers;
                         for (const EndpointConfig &e : found) {
                             const ProviderPreset *preset = findProviderPreset(e.provider);
                             servers.append({e.provider, preset ? preset->displayName.toString() : e.provider,
                                             e.baseUrl, e.models, e.loadedModels});
                         }
                         discovery->deleteLater();
                         done(servers);
                     });
    discovery->start();
}

void EngineController::listProviderModels(const QString &provider, const QString &baseUrl, const QString &apiKey,
                                          QObject *context, std::function<void(const ProviderReply &)> done)
{
    EndpointConfig e;
    e.id = QStringLiteral("wizard");
    e.provider = provider;
    e.baseUrl = baseUrl;
    e.apiKey = apiKey;
    const ResolvedEndpoint endpoint = resolved(e);
    const std::optional<HealthCheckRequest> check = healthCheckRequest(endpoint, u"models");
    QPointer<QObject> guard(context);
    if (!check) {
        deliver(guard, [done = std::move(done)] {
            ProviderReply r;
            r.error = QCoreApplication::translate("EngineController", "This provider has no list of models.");
            done(r);
        });
        return;
    }
    sendCheck(*check, kModelListTimeoutMs,
              [guard, done = std::move(done)](int status, const QByteArray &body, const QString &error, qint64 ms) {
                  ProviderReply r;
                  r.status = status;
                  r.latencyMs = ms;
                  r.ok = status >= 200 && status < 300;
                  if (r.ok)
                      r.models = modelIds(body);
                  else
                      r.error = providerError(status, body, error);
                  if (guard)
                      done(r);
              });
}

void EngineController::storeSecret(const QString &name, const QString &secret, QObject *context,
                                   std::function<void(const QString &error)> done)
{
    QPointer<QObject> guard(context);
    if (!SecretStore::isValidName(name)) {
        deliver(guard, [done] {
            done(QCoreApplication::translate("EngineController",
                                             "A keychain entry name has 1 to 128 letters, digits and -_.:@/."));
        });
        return;
    }
    QThreadPool::globalInstance()->start([name, secret, guard, done = std::move(done)] {
        const std::shared_ptr<SecretStore> store = SecretStore::system();
        const SecretResult result = store->write(name, secret);
        const QString error =
            result.ok
                ? QString()
                : (result.error.isEmpty() ? QCoreApplication::translate("EngineController", "%1 did not take the key.")
                                                .arg(store->description())
                                          : result.error);
        deliver(guard, [done, error] { done(error); });
    });
}

void EngineController::addWizardEndpoint(const WizardEndpoint &endpoint, QObject *context,
                                         std::function<void(const QString &error)> done)
{
    QJsonObject o{{QStringLiteral("id"), endpoint.id},
                  {QStringLiteral("provider"), endpoint.provider},
                  {QStringLiteral("models"), QJsonArray::fromStringList(endpoint.models)}};
    if (!endpoint.baseUrl.isEmpty())
        o.insert(QStringLiteral("base_url"), endpoint.baseUrl);
    if (!endpoint.keychainName.isEmpty())
        o.insert(QStringLiteral("api_key_keychain"), endpoint.keychainName);
    if (!endpoint.keyEnv.isEmpty())
        o.insert(QStringLiteral("api_key_env"), endpoint.keyEnv);
    QPointer<QObject> guard(context);
    onEngine([o, replace = endpoint.replace, guard, done = std::move(done)](Engine *engine) {
        if (replace)
            engine->removeEndpoint(o.value(QLatin1String("id")).toString());
        JsonFieldError error;
        QString message;
        const std::optional<NewEndpoint> parsed = parseNewEndpoint(o, engine->config()->server, &error);
        if (!parsed)
            message = error.message;
        else if (engine->addEndpoint(*parsed) == RegistryChange::DuplicateId)
            message = QCoreApplication::translate("EngineController", "An endpoint named \"%1\" exists already.")
                          .arg(parsed->config.id);
        deliver(guard, [done, message] { done(message); });
    });
}

void EngineController::testEndpoint(const QString &id, const QString &model, QObject *context,
                                    std::function<void(const ProviderReply &)> done)
{
    QPointer<QObject> guard(context);
    onEngine([id, model, guard, done = std::move(done)](Engine *engine) {
        std::optional<EndpointConfig> config;
        for (const RegistryEntry &entry : engine->registry()) {
            if (entry.config.id.compare(id, Qt::CaseInsensitive) == 0)
                config = entry.config;
        }
        if (!config) {
            deliver(guard, [done, id] {
                ProviderReply r;
                r.error = QCoreApplication::translate("EngineController", "There is no endpoint \"%1\".").arg(id);
                done(r);
            });
            return;
        }
        config->models = {model};
        std::optional<HealthCheckRequest> check = healthCheckRequest(resolved(*config), u"completion");
        if (!check || check->method != "POST") {
            deliver(guard, [done] {
                ProviderReply r;
                r.error = QCoreApplication::translate("EngineController",
                                                      "This endpoint cannot be tested with a chat request.");
                done(r);
            });
            return;
        }
        check->body = withTestLimit(check->body);
        // The request runs on the engine's thread, which owns the key; only the outcome leaves it.
        sendCheck(*check, kTestTimeoutMs,
                  [guard, done](int status, const QByteArray &body, const QString &error, qint64 ms) {
                      ProviderReply r;
                      r.status = status;
                      r.latencyMs = ms;
                      r.ok = status >= 200 && status < 300;
                      if (r.ok)
                          r.answer = answerText(body);
                      else
                          r.error = providerError(status, body, error);
                      deliver(guard, [done, r] { done(r); });
                  });
    });
}

} // namespace llmproxy

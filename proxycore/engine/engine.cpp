// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/engine.h"

#include "proxycore/api/apirouter.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/config/configschema.h"
#include "proxycore/http/httpfrontend.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/pipeline/securitystage.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/routing/healthprober.h"
#include "proxycore/routing/localdiscovery.h"
#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/piidetector.h"
#include "proxycore/security/requestscanner.h"
#include "proxycore/security/signaturestore.h"
#include "proxycore/store/budgetfile.h"
#include "proxycore/store/featuresfile.h"
#include "proxycore/store/keysfile.h"
#include "proxycore/store/registryfile.h"
#include "proxycore/store/routingfile.h"
#include "proxycore/store/store.h"
#include "proxycore/upstream/curlglobal.h"
#include "proxycore/upstream/curltransport.h"
#include "proxycore/util/memorytrim.h"
#include "proxycore/util/sha256.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cmath>
#include <deque>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcEngine, "llmproxy.engine")

class EnginePrivate
{
public:
    ConfigPtr config;
    ConfigSources sources;
    SharedState state;
    std::vector<std::unique_ptr<RecordQueue>> queues;
    std::unique_ptr<HttpFrontend> frontend;
    std::unique_ptr<LocalDiscovery> discovery;
    std::unique_ptr<HealthProber> prober; ///< from start() until shutdown; checks the newest snapshot's endpoints
    QList<EndpointConfig> discovered;
    QTimer collectTimer;
    QString dataDir;
    std::unique_ptr<BudgetFile> budgetFile; ///< the day's spend on disk, when there is a data directory
    QTimer budgetTimer;
    std::unique_ptr<RegistryFile> registryFile; ///< added endpoints and toggles on disk, with a data directory
    mutable QMutex recentMutex;
    std::deque<std::pair<quint64, RequestRecord>> recent;
    quint64 sequence = 0;
    qint64 createdEpoch = QDateTime::currentSecsSinceEpoch();
    bool shuttingDown = false;
    QString listenUrl;
    EndpointHealthRegistry health; ///< breaker and statistics per endpoint; survives reloads
    QList<EndpointConfig> added;            ///< added through the admin API (source "admin")
    QHash<QString, bool> enabledOverrides;  ///< toggles by lower-case endpoint id; win over config.yaml
    RoutingOverlay routing;                 ///< aliases, chains and route overrides set at run time
    QList<CreatedKey> createdKeys;          ///< client keys created at run time (digests only)
    std::unique_ptr<KeysFile> keysFile;
    std::unique_ptr<RoutingFile> routingFile;
    /// Priority and weight set at run time on endpoints not added at run time, by lower-case id;
    /// win over config.yaml, the environment and discovery.
    QHash<QString, EndpointOverride> overrides;

    // The security pipeline: switches, counters and events (shared with the workers through
    // SharedState), the signature file watched for changes, the guards' switches on disk.
    std::shared_ptr<SecurityGuards> guards = std::make_shared<SecurityGuards>();
    std::shared_ptr<SignatureStore> signatures = std::make_shared<SignatureStore>();
    std::shared_ptr<const InjectionClassifier> classifier;
    QString corpusPath;
    std::shared_ptr<const CorpusSimilarity> corpus;
    QTimer signatureTimer;
    std::unique_ptr<FeaturesFile> featuresFile;
    bool customPipeline = false; ///< setRequestPipeline() replaced the security stage

    /// A path of the security section, relative to the configuration file's folder.
    QString securityPath(const QString &path) const
    {
        if (path.isEmpty() || QDir::isAbsolutePath(path) || config->sourcePath.isEmpty())
            return path;
        return QFileInfo(config->sourcePath).dir().filePath(path);
    }

    void reloadSignatures()
    {
        const QString path = securityPath(config->security.signaturesFile);
        if (path.isEmpty())
            return;
        const SignatureReloadResult r = signatures->reload(path);
        if (r.outcome == SignatureReloadOutcome::Loaded) {
            qCInfo(lcEngine, "firewall: %d signatures loaded from %s", signatures->current()->size(), qPrintable(path));
            releaseFreedMemory();
        } else if (r.outcome == SignatureReloadOutcome::Builtin) {
            qCWarning(lcEngine, "firewall: %s is missing; using the embedded signatures", qPrintable(path));
        } else if (r.outcome == SignatureReloadOutcome::Failed) {
            qCWarning(lcEngine, "firewall: %s; keeping the signatures in use", qPrintable(r.error));
        }
    }

    /// Builds the request pipeline's security stage for the configuration in force (on start and
    /// on every reload) and publishes it; the guards' switches and counters carry over.
    void installSecurity()
    {
        guards->setConfig(config->security);
        reloadSignatures();
        if (!classifier) {
            QString error;
            if (std::optional<InjectionClassifier> c = InjectionClassifier::builtin(&error))
                classifier = std::make_shared<const InjectionClassifier>(std::move(*c));
            else
                qCWarning(lcEngine, "injection classifier not loaded (%s); scoring without it", qPrintable(error));
        }
        const QString nextCorpus = securityPath(config->security.corpusFile);
        if (!corpus || nextCorpus != corpusPath) {
            corpusPath = nextCorpus;
            corpus = CorpusSimilarity::builtin();
            if (!corpusPath.isEmpty()) {
                QFile file(corpusPath);
                QString error;
                std::shared_ptr<const CorpusSimilarity> loaded;
                if (file.open(QIODevice::ReadOnly))
                    loaded = CorpusSimilarity::load(file.readAll(), &error);
                else
                    error = file.errorString();
                if (loaded)
                    corpus = loaded;
                else
                    qCWarning(lcEngine, "attack corpus %s: %s; using the embedded one", qPrintable(corpusPath),
                              qPrintable(error));
            }
        }
        CompositeWeights weights;
        if (config->security.blockThreshold > 0)
            weights.blockThreshold = config->security.blockThreshold;
        auto scanner = std::make_shared<const RequestScanner>(signatures, corpus, classifier, weights);
        PiiOptions piiOptions;
        const PiiActions &a = config->security.pii;
        const std::pair<PiiType, QString> actions[] = {
            {PiiType::Email, a.email},   {PiiType::Phone, a.phone}, {PiiType::PaymentCard, a.card},
            {PiiType::Iban, a.iban},     {PiiType::UsSsn, a.ssn},   {PiiType::IpAddress, a.ip},
            {PiiType::Secret, a.secret},
        };
        piiOptions.enabled.clear();
        for (const auto &[type, action] : actions) {
            if (action != u"off")
                piiOptions.enabled.insert(type);
        }
        auto pii = std::make_shared<const PiiDetector>(piiOptions);
        state.scanner = scanner;
        if (!customPipeline)
            state.pipeline.store(
                std::make_shared<const RequestPipeline>(std::vector<std::shared_ptr<const RequestStage>>{
                    std::make_shared<const SecurityStage>(guards, scanner, pii)}),
                std::memory_order_release);
        releaseFreedMemory(); // what compiling the signature and PII sets left behind
    }

    void restoreFeatures()
    {
        featuresFile = std::make_unique<FeaturesFile>(QDir(dataDir).filePath(QStringLiteral("features.json")));
        QHash<QString, bool> saved;
        QString message;
        if (!featuresFile->load(&saved, &message)) {
            qCWarning(lcEngine, "guard switches: %s; starting from the configuration", qPrintable(message));
            return;
        }
        guards->setOverrides(saved);
        if (!saved.isEmpty())
            qCInfo(lcEngine, "guard switches: %s", qPrintable(message));
    }

    bool isEnabled(const EndpointConfig &e) const { return enabledOverrides.value(e.id.toLower(), e.enabled); }

    /// `e` with its toggle and its run-time priority and weight (endpoints added at run time have
    /// theirs edited in place).
    EndpointConfig effective(EndpointConfig e) const
    {
        e.enabled = isEnabled(e);
        if (e.source != u"admin") {
            const EndpointOverride o = overrides.value(e.id.toLower());
            e.priority = o.priority.value_or(e.priority);
            e.weight = o.weight.value_or(e.weight);
        }
        return e;
    }

    /// The endpoint `id` as configured, added or discovered, without run-time changes; nullptr when none.
    const EndpointConfig *own(const QString &id) const
    {
        for (const QList<EndpointConfig> *list : {&config->endpoints, &added, &discovered}) {
            for (const EndpointConfig &e : *list) {
                if (e.id.compare(id, Qt::CaseInsensitive) == 0)
                    return &e;
            }
        }
        return nullptr;
    }

    void saveRegistry()
    {
        QString error;
        if (registryFile && !registryFile->save(added, enabledOverrides, overrides, &error))
            qCWarning(lcEngine, "registry: %s; the change holds until the process ends", qPrintable(error));
    }

    /// Reads registry.json from the data directory (see RegistryFile): the admin API's changes of
    /// earlier runs, added endpoints (keys read again from their variables) and toggles. An id that
    /// config.yaml or the environment now defines itself stays theirs.
    void restoreRegistry()
    {
        registryFile = std::make_unique<RegistryFile>(QDir(dataDir).filePath(QStringLiteral("registry.json")));
        RegistryFile::Contents saved;
        QString message;
        if (!registryFile->load(config->server, &saved, &message)) {
            qCWarning(lcEngine, "registry: %s; starting from config.yaml alone", qPrintable(message));
            return;
        }
        if (saved.added.isEmpty() && saved.toggles.isEmpty() && saved.overrides.isEmpty())
            return;
        for (const QString &id : std::as_const(saved.skipped))
            qCWarning(lcEngine, "registry: saved endpoint %s left out", qPrintable(id));
        for (const NewEndpoint &n : std::as_const(saved.added)) {
            if (idInUse(n.config.id)) {
                qCInfo(lcEngine, "registry: endpoint %s is defined elsewhere now; the saved one is left out",
                       qPrintable(n.config.id));
                continue;
            }
            EndpointConfig e = n.config;
            resolveKey(e, n);
            added.append(e);
            if (saved.lostKeys.contains(n.config.id))
                qCWarning(lcEngine,
                          "registry: endpoint %s was added with a literal key, which is not kept on disk; it is "
                          "off until it is added again (or with api_key_env)",
                          qPrintable(n.config.id));
        }
        enabledOverrides.insert(saved.toggles);
        overrides.insert(saved.overrides);
        publish();
        qCInfo(lcEngine, "registry: %s", qPrintable(message));
    }

    /// Reads keys.json from the data directory (see KeysFile). A name config.yaml now uses itself
    /// stays config.yaml's.
    void restoreKeys()
    {
        keysFile = std::make_unique<KeysFile>(QDir(dataDir).filePath(QStringLiteral("keys.json")));
        QString message;
        QList<CreatedKey> saved;
        if (!keysFile->load(&saved, &message)) {
            qCWarning(lcEngine, "client keys: %s; the keys created earlier are not accepted", qPrintable(message));
            return;
        }
        if (saved.isEmpty())
            return;
        for (const CreatedKey &k : std::as_const(saved)) {
            if (keyNameInUse(k.name))
                qCWarning(lcEngine, "client keys: %s is configured in config.yaml now; the created one is left out",
                          qPrintable(k.name));
            else
                createdKeys.append(k);
        }
        publish();
        qCInfo(lcEngine, "client keys: %s", qPrintable(message));
    }

    bool keyNameInUse(const QString &name) const
    {
        const auto same = [&name](const auto &k) { return k.name.compare(name, Qt::CaseInsensitive) == 0; };
        return std::any_of(config->server.clientKeys.cbegin(), config->server.clientKeys.cend(), same) ||
               std::any_of(createdKeys.cbegin(), createdKeys.cend(), same);
    }

    void saveKeys()
    {
        QString error;
        if (keysFile && !keysFile->save(createdKeys, &error))
            qCWarning(lcEngine, "client keys: %s; the change holds until the process ends", qPrintable(error));
    }

    /// Reads routing.json from the data directory (see RoutingFile).
    void restoreRouting()
    {
        routingFile = std::make_unique<RoutingFile>(QDir(dataDir).filePath(QStringLiteral("routing.json")));
        QString message;
        if (!routingFile->load(&routing, &message)) {
            qCWarning(lcEngine, "routing: %s; starting from config.yaml's aliases and chains", qPrintable(message));
            return;
        }
        if (routing.isEmpty())
            return;
        publish();
        qCInfo(lcEngine, "routing: %s", qPrintable(message));
    }

    void saveBudget()
    {
        QString error;
        if (budgetFile && !budgetFile->saveIfChanged(state.budget, &error))
            qCWarning(lcEngine, "daily budget: %s", qPrintable(error));
    }

    /// What the workers route with: the configuration plus the endpoints added at run time, with
    /// the toggles applied; discovered servers that were switched off are left out.
    void publish()
    {
        auto effective = std::make_shared<Config>(*config);
        effective->endpoints.append(added);
        routing.applyTo(*effective);
        for (const CreatedKey &k : std::as_const(createdKeys)) {
            ClientKeyConfig c;
            c.name = k.name;
            c.sha256 = k.sha256;
            effective->server.clientKeys.append(c);
        }
        for (EndpointConfig &e : effective->endpoints)
            e = this->effective(e);
        QList<EndpointConfig> found;
        for (const EndpointConfig &e : std::as_const(discovered)) {
            if (isEnabled(e))
                found.append(this->effective(e));
        }
        state.adminKeys.store(std::make_shared<const ApiKeyVerifier>(config->server.adminKeys),
                              std::memory_order_release);
        state.budget.configure(config->budget);
        const CachingConfig &caching = config->caching;
        state.cache->setLimits(caching.maxEntries, caching.maxBytes, caching.maxEntryBytes);
        if (!caching.enabled && state.cache->stats().entries > 0)
            state.cache->clear(); // switched off by a reload: the memory goes back

        state.snapshot.store(std::make_shared<const RoutingSnapshot>(std::move(effective), found, createdEpoch, &health),
                             std::memory_order_release);
        if (prober)
            prober->setSnapshot(state.current());
    }

    /// Every endpoint id in use (configured, added, discovered) compared without case.
    bool idInUse(const QString &id) const
    {
        const auto same = [&id](const EndpointConfig &e) { return e.id.compare(id, Qt::CaseInsensitive) == 0; };
        return std::any_of(config->endpoints.cbegin(), config->endpoints.cend(), same) ||
               std::any_of(added.cbegin(), added.cend(), same) ||
               std::any_of(discovered.cbegin(), discovered.cend(), same);
    }

    /// The value of variable `name`: the environment first, then the .env file (as the loader reads them).
    QString variable(const QString &name) const
    {
        if (sources.environment.contains(name))
            return sources.environment.value(name);
        QString path = sources.dotenvPath;
        if (path.isEmpty())
            path = sources.baseDirectory.isEmpty() ? QStringLiteral(".env")
                                                   : QDir(sources.baseDirectory).filePath(QStringLiteral(".env"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return parseDotenv(file.read(1024 * 1024)).value(name);
    }

    /// The key of an endpoint added at run time, by config.yaml's rules (resolveEndpointKey()).
    void resolveKey(EndpointConfig &e, const NewEndpoint &n) const
    {
        const QString problem = resolveEndpointKey(&e, n.apiKey, {n.apiKeyKeychain, n.apiKeyEnv},
                                                   [this](const QString &name) { return variable(name); });
        if (!problem.isEmpty())
            qCWarning(lcEngine, "endpoint %s has no API key: %s", qPrintable(e.id), qPrintable(problem));
    }
};

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
    if (!d->dataDir.isEmpty()) {
        d->restoreRegistry();
        d->restoreKeys();
        d->restoreRouting();
        d->restoreFeatures();
    }
    if (!d->dataDir.isEmpty()) {
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
    d->state.store = std::move(store);
    return true;
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

QList<RegistryEntry> Engine::registry() const
{
    const RoutingSnapshotPtr snapshot = d->state.current();
    const auto routed = [&snapshot](const EndpointConfig &e) -> std::shared_ptr<EndpointHealth> {
        for (const ResolvedEndpoint &r : snapshot->endpoints()) {
            if (r.config.id == e.id && r.config.source == e.source)
                return r.health;
        }
        return nullptr;
    };
    QList<RegistryEntry> out;
    for (const QList<EndpointConfig> *list : {&std::as_const(d->config->endpoints), &std::as_const(d->added)}) {
        for (const EndpointConfig &own : *list) {
            EndpointConfig e = d->effective(own);
            std::shared_ptr<EndpointHealth> health = e.enabled ? routed(e) : nullptr;
            out.append({std::move(e), std::move(health)});
        }
    }
    for (const EndpointConfig &own : std::as_const(d->discovered)) {
        EndpointConfig e = d->effective(own);
        std::shared_ptr<EndpointHealth> health = routed(e);
        if (e.enabled && !health)
            continue; // the same server is configured by hand: that entry stands for it
        out.append({std::move(e), std::move(health)});
    }
    return out;
}

RegistryChange Engine::addEndpoint(const NewEndpoint &endpoint, RegistryEntry *added)
{
    if (d->idInUse(endpoint.config.id))
        return RegistryChange::DuplicateId;
    EndpointConfig e = endpoint.config;
    e.source = QStringLiteral("admin");
    d->resolveKey(e, endpoint);
    d->enabledOverrides.remove(e.id.toLower()); // a toggle of an earlier endpoint of that id does not carry over
    d->overrides.remove(e.id.toLower());
    d->added.append(e);
    d->publish();
    d->saveRegistry();
    qCInfo(lcEngine, "endpoint %s added (%s at %s, %lld models%s)", qPrintable(e.id), qPrintable(e.provider),
           qPrintable(e.baseUrl), qint64(e.models.size()), e.enabled ? "" : ", disabled");
    emit endpointsChanged();
    if (added) {
        for (const RegistryEntry &r : registry()) {
            if (r.config.source == e.source && r.config.id == e.id)
                *added = r;
        }
    }
    return RegistryChange::Done;
}

RegistryChange Engine::removeEndpoint(const QString &id)
{
    const qsizetype index = std::find_if(d->added.cbegin(), d->added.cend(),
                                         [&id](const EndpointConfig &e) {
                                             return e.id.compare(id, Qt::CaseInsensitive) == 0;
                                         }) -
                            d->added.cbegin();
    if (index == d->added.size())
        return d->idInUse(id) ? RegistryChange::NotRemovable : RegistryChange::UnknownEndpoint;
    const QString removed = d->added.takeAt(index).id;
    d->enabledOverrides.remove(removed.toLower());
    d->publish();
    d->saveRegistry();
    qCInfo(lcEngine, "endpoint %s removed; requests already on it finish", qPrintable(removed));
    emit endpointsChanged();
    return RegistryChange::Done;
}

RegistryChange Engine::setEndpointEnabled(const QString &id, std::optional<bool> enabled, RegistryEntry *entry)
{
    const auto find = [this, &id]() -> std::optional<RegistryEntry> {
        for (const RegistryEntry &r : registry()) {
            if (r.config.id.compare(id, Qt::CaseInsensitive) == 0)
                return r;
        }
        return std::nullopt;
    };
    const std::optional<RegistryEntry> current = find();
    if (!current)
        return RegistryChange::UnknownEndpoint;
    const bool on = enabled.value_or(!current->config.enabled);
    d->enabledOverrides.insert(current->config.id.toLower(), on);
    d->saveRegistry();
    if (on != current->config.enabled) {
        d->publish();
        qCInfo(lcEngine, on ? "endpoint %s enabled" : "endpoint %s disabled; requests already on it finish",
               qPrintable(current->config.id));
        emit endpointsChanged();
    }
    if (entry)
        *entry = find().value_or(*current);
    return RegistryChange::Done;
}

QList<ClientKeyInfo> Engine::clientKeys() const
{
    QList<ClientKeyInfo> out;
    for (const ClientKeyConfig &k : std::as_const(d->config->server.clientKeys))
        out.append({k.name, QString(), QStringLiteral("config"), QDateTime(), k.models});
    for (const CreatedKey &k : std::as_const(d->createdKeys))
        out.append({k.name, k.prefix, QStringLiteral("created"), k.created, {}});
    return out;
}

KeyChange Engine::createClientKey(const QString &name, QByteArray *key, ClientKeyInfo *info)
{
    if (!KeysFile::checkName(name).isEmpty())
        return KeyChange::InvalidName;
    if (d->keyNameInUse(name))
        return KeyChange::DuplicateName;
    *key = KeysFile::generateKey();
    CreatedKey k{name, sha256(*key), QString::fromLatin1(key->left(16)), QDateTime::currentDateTimeUtc()};
    k.created.setTime(QTime(k.created.time().hour(), k.created.time().minute(), k.created.time().second()));
    d->createdKeys.append(k);
    d->saveKeys();
    d->publish();
    qCInfo(lcEngine, "client key %s created (%s…)", qPrintable(name), qPrintable(k.prefix));
    if (info)
        *info = {k.name, k.prefix, QStringLiteral("created"), k.created, {}};
    emit endpointsChanged(); // the status says whether clients must send a key
    return KeyChange::Done;
}

KeyChange Engine::revokeClientKey(const QString &name)
{
    const auto same = [&name](const auto &k) { return k.name.compare(name, Qt::CaseInsensitive) == 0; };
    if (std::any_of(d->config->server.clientKeys.cbegin(), d->config->server.clientKeys.cend(), same))
        return KeyChange::NotRemovable;
    if (d->createdKeys.removeIf(same) == 0)
        return KeyChange::UnknownKey;
    d->saveKeys();
    d->publish();
    qCInfo(lcEngine, "client key %s revoked", qPrintable(name));
    emit endpointsChanged();
    return KeyChange::Done;
}

RoutingOverlay Engine::routingOverlay() const
{
    return d->routing;
}

void Engine::setRoutingOverlay(const RoutingOverlay &overlay)
{
    d->routing = overlay;
    // A removal only means something over config.yaml's own entry: one of a name config.yaml does
    // not have would otherwise hide an entry of that name added to config.yaml later.
    d->routing.aliases.removeIf([this](const std::pair<const QString &, std::optional<QString> &> &entry) {
        return !entry.second && !d->config->modelAliases.contains(entry.first);
    });
    d->routing.fallbackChains.removeIf(
        [this](const std::pair<const QString &, std::optional<QList<FallbackHop>> &> &entry) {
            return !entry.second && !d->config->fallbackChains.contains(entry.first);
        });
    QString error;
    if (d->routingFile && !d->routingFile->save(d->routing, &error))
        qCWarning(lcEngine, "routing: %s; the change holds until the process ends", qPrintable(error));
    d->publish();
    emit routingChanged();
}

namespace {

std::optional<RegistryEntry> findEntry(const QList<RegistryEntry> &registry, const QString &id)
{
    for (const RegistryEntry &r : registry) {
        if (r.config.id.compare(id, Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

const QLatin1String kKeyFields[] = {QLatin1String("api_key"), QLatin1String("api_key_env"),
                                    QLatin1String("api_key_keychain")};

} // namespace

RegistryChange Engine::updateEndpoint(const QString &id, const QJsonObject &edit, RegistryEntry *entry,
                                      JsonFieldError *error)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    const QString key = current->config.id.toLower();
    if (const QJsonValue v = edit.value(QLatin1String("id"));
        !v.isUndefined() &&
        (!v.isString() || v.toString().trimmed().compare(current->config.id, Qt::CaseInsensitive))) {
        *error = {QStringLiteral("'id' cannot be changed; add an endpoint with the new id and remove this one."),
                  "id_immutable", "id"};
        return RegistryChange::Invalid;
    }
    // `enabled` is a toggle for every endpoint, as POST /api/v1/registry/{id}/toggle sets it.
    const QJsonValue enabled = edit.value(QLatin1String("enabled"));
    if (!enabled.isUndefined() && !enabled.isBool()) {
        *error = {QStringLiteral("'enabled' must be true or false."), "invalid_type", "enabled"};
        return RegistryChange::Invalid;
    }

    if (current->config.source == u"admin") {
        const auto index = std::find_if(d->added.cbegin(), d->added.cend(),
                                        [&current](const EndpointConfig &e) { return e.id == current->config.id; }) -
                           d->added.cbegin();
        const EndpointConfig &was = d->added.at(index);
        // The endpoint as a POST body, with the edit laid over it; null removes a setting.
        QJsonObject body = newEndpointBody(was);
        const bool newKey = std::any_of(std::begin(kKeyFields), std::end(kKeyFields),
                                        [&edit](QLatin1String f) { return edit.contains(f); });
        if (newKey) {
            for (QLatin1String f : kKeyFields)
                body.remove(f);
        }
        for (auto it = edit.begin(); it != edit.end(); ++it) {
            if (it.key() == u"enabled")
                continue;
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        std::optional<NewEndpoint> n = parseNewEndpoint(body, d->config->server, error);
        if (!n)
            return RegistryChange::Invalid;
        if (!newKey && was.apiKeyEnv.isEmpty() && was.apiKeyKeychain.isEmpty() && !was.apiKey.isEmpty())
            n->apiKey = was.apiKey; // a literal key is kept when the edit does not name another
        EndpointConfig e = n->config;
        e.id = was.id;
        e.source = QStringLiteral("admin");
        e.enabled = was.enabled;
        d->resolveKey(e, *n);
        d->added[index] = e;
        qCInfo(lcEngine, "endpoint %s changed (%s at %s, %lld models, priority %d, weight %d)", qPrintable(e.id),
               qPrintable(e.provider), qPrintable(e.baseUrl), qint64(e.models.size()), e.priority, e.weight);
    } else {
        for (auto it = edit.begin(); it != edit.end(); ++it) {
            if (it.key() == u"id" || it.key() == u"enabled" || it.key() == u"priority" || it.key() == u"weight")
                continue;
            *error = {QStringLiteral("The endpoint '%1' comes from %2: '%3' can only be changed there. Here only "
                                     "'priority', 'weight' and 'enabled' can be changed.")
                          .arg(current->config.id,
                               current->config.source == u"file"  ? QStringLiteral("the configuration file")
                               : current->config.source == u"env" ? QStringLiteral("the environment")
                                                                  : QStringLiteral("local discovery"),
                               it.key()),
                      "endpoint_not_editable", it.key().toUtf8()};
            return RegistryChange::NotEditable;
        }
        // config.yaml's rules for both values; null goes back to the endpoint's own value.
        QJsonObject values;
        for (const char *f : {"priority", "weight"}) {
            const QJsonValue v = edit.value(QLatin1String(f));
            if (!v.isUndefined() && !v.isNull())
                values.insert(QLatin1String(f), v);
        }
        EndpointDraft draft;
        if (!readEndpointJson(values, &draft, error))
            return RegistryChange::Invalid;
        const EndpointConfig *own = d->own(current->config.id);
        EndpointOverride o = d->overrides.value(key);
        if (edit.contains(QLatin1String("priority"))) {
            o.priority =
                values.contains(QLatin1String("priority")) ? std::optional(draft.config.priority) : std::nullopt;
            if (own && o.priority == own->priority)
                o.priority.reset();
        }
        if (edit.contains(QLatin1String("weight"))) {
            o.weight = values.contains(QLatin1String("weight")) ? std::optional(draft.config.weight) : std::nullopt;
            if (own && o.weight == own->weight)
                o.weight.reset();
        }
        if (o.isEmpty())
            d->overrides.remove(key);
        else
            d->overrides.insert(key, o);
        const EndpointConfig now = d->effective(own ? *own : current->config);
        qCInfo(lcEngine, "endpoint %s: priority %d, weight %d", qPrintable(current->config.id), now.priority,
               now.weight);
    }
    if (enabled.isBool())
        d->enabledOverrides.insert(key, enabled.toBool());
    d->publish();
    d->saveRegistry();
    emit endpointsChanged();
    if (entry)
        *entry = findEntry(registry(), id).value_or(*current);
    return RegistryChange::Done;
}

RegistryChange Engine::probeEndpoint(const QString &id, QString *why)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    if (!current->health) {
        *why = QStringLiteral("endpoint %1 is disabled; enable it to check it").arg(current->config.id);
        return RegistryChange::NotRouted;
    }
    if (!d->prober) {
        *why = QStringLiteral("the proxy is not running");
        return RegistryChange::NotRouted;
    }
    if (!d->prober->probeNow(current->config.id, why))
        return RegistryChange::NotRouted;
    qCInfo(lcEngine, "endpoint %s: health check started", qPrintable(current->config.id));
    return RegistryChange::Done;
}

RegistryChange Engine::resetBreaker(const QString &id)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    if (!current->health)
        return RegistryChange::NotRouted;
    current->health->breaker.recordSuccess();
    qCInfo(lcEngine, "endpoint %s: circuit breaker closed by hand", qPrintable(current->config.id));
    emit endpointsChanged();
    return RegistryChange::Done;
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

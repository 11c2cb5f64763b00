// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

// The engine's private state, shared by engine.cpp (start, reload, shutdown, status) and
// engineruntime.cpp (the changes made at run time through AdminControl). Not part of the API.

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
#include "proxycore/store/cachetable.h"
#include "proxycore/store/endpointstatstable.h"
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

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

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
    /// The response cache's tier in the store (cachetable.h); null without a store. Installed in
    /// the cache while caching.enabled and caching.persist are on.
    std::shared_ptr<PersistentCacheTier> cacheTier;
    std::unique_ptr<BudgetFile> budgetFile; ///< the day's spend on disk, when there is a data directory
    QTimer budgetTimer;
    QTimer statsTimer;                          ///< endpoint_stats every 30 s, with a database
    std::unique_ptr<RegistryFile> registryFile; ///< added endpoints and toggles on disk, with a data directory
    mutable QMutex recentMutex;
    std::deque<std::pair<quint64, RequestRecord>> recent;
    quint64 sequence = 0;
    qint64 createdEpoch = QDateTime::currentSecsSinceEpoch();
    bool shuttingDown = false;
    QString listenUrl;
    EndpointHealthRegistry health;         ///< breaker and statistics per endpoint; survives reloads
    QList<EndpointConfig> added;           ///< added through the admin API (source "admin")
    QHash<QString, bool> enabledOverrides; ///< toggles by lower-case endpoint id; win over config.yaml
    RoutingOverlay routing;                ///< aliases, chains and route overrides set at run time
    QList<CreatedKey> createdKeys;         ///< client keys created at run time (digests only)
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

    /// The audit and retention settings of the configuration in force (at start and on every
    /// reload): which finished requests are recorded, and the scheduled purge.
    void applyAuditSettings()
    {
        Store *s = state.store.get();
        AuditService *audit = s ? s->audit() : nullptr;
        if (!audit)
            return;
        s->setAuditRequests(config->audit.requests);
        audit->setRetention(config->gdpr.retentionDays, config->gdpr.autoPurge);
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

    /// The file `name` of the data directory; empty without one.
    QString dataFile(const QString &name) const { return dataDir.isEmpty() ? QString() : QDir(dataDir).filePath(name); }

    void restoreFeatures()
    {
        featuresFile = std::make_unique<FeaturesFile>(dataFile(QStringLiteral("features.json")), state.store.get());
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

    /// Reads registry.json from the data directory, or its row of runtime_state with a database (see
    /// RegistryFile, RuntimeDocument): the admin API's changes of
    /// earlier runs, added endpoints (keys read again from their variables) and toggles. An id that
    /// config.yaml or the environment now defines itself stays theirs.
    void restoreRegistry()
    {
        registryFile = std::make_unique<RegistryFile>(dataFile(QStringLiteral("registry.json")), state.store.get());
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

    /// Reads routing.json from the data directory, or its row of runtime_state with a database (see
    /// RoutingFile).
    void restoreRouting()
    {
        routingFile = std::make_unique<RoutingFile>(dataFile(QStringLiteral("routing.json")), state.store.get());
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
        state.scopeBudgets.configure(config->budget, QDateTime::currentMSecsSinceEpoch());
        if (state.store)
            state.store->setSpendTimeZone(state.budget.timeZone());
        if (SharedBudgets *shared = state.store ? state.store->sharedBudgets() : nullptr)
            shared->setHoldMs(qint64(config->budget.sharedHoldS) * 1000);
        const CachingConfig &caching = config->caching;
        state.cache->setLimits(caching.maxEntries, caching.maxBytes, caching.maxEntryBytes);
        if (!caching.enabled && state.cache->stats().entries > 0)
            state.cache->clear(); // switched off by a reload: the memory goes back (and the table's rows)
        if (cacheTier) {
            cacheTier->setTtlMs(qint64(caching.ttlS) * 1000);
            const bool persist = caching.enabled && caching.persist;
            if (!persist && state.cache->hasTier())
                cacheTier->cleared(QString()); // persist switched off: what was kept on disk goes too
            state.cache->setTier(persist ? cacheTier : nullptr);
        }
        const ResponsesStoreConfig &responses = config->responsesStore;
        state.conversations->setLimits(qint64(responses.maxMemoryMb) * 1024 * 1024,
                                       qint64(responses.ttlDays) * 86'400'000);

        state.snapshot.store(
            std::make_shared<const RoutingSnapshot>(std::move(effective), found, createdEpoch, &health),
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

} // namespace llmproxy

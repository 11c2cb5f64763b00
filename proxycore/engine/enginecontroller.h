// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/adminapi.h" // ClientKeyInfo
#include "proxycore/config/configedit.h"
#include "proxycore/config/routingoverlay.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/store/requesthistory.h"
#include "proxycore/store/spendrollup.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <QStringList>

#include <functional>
#include <optional>

namespace llmproxy {

class AuditLedger;
class Engine;
struct EngineStatus;

/// Today's spend against the daily budget (budget.daily_limit / budget.soft_limit), in USD.
struct TodaySpend
{
    double spentUsd = 0.0;
    double dailyLimitUsd = 0.0; ///< 0 = unlimited
    double softLimitUsd = 0.0;  ///< 0 = none
};

/// What the Analytics window asks of the spend rollups (spend_daily, docs/storage.md): spend per day
/// and per group of one dimension, over an inclusive range of days of the budget's zone.
struct SpendReportQuery
{
    /// When > 0, the range is the `lastDays` days ending today (today in the budget's zone) and
    /// `from`/`to` are ignored; 1 = today only.
    int lastDays = 0;
    QDate from;                                     ///< inclusive, when lastDays is 0
    QDate to;                                       ///< inclusive, when lastDays is 0
    SpendDimension groupBy = SpendDimension::Model; ///< model, provider, key or team
};

/// The answer to a SpendReportQuery: one row per day and group, ordered by day then group.
struct SpendReport
{
    QDate from;           ///< the range answered (resolved from lastDays when asked that way)
    QDate to;             ///< inclusive
    QString timeZone;     ///< the zone the days are of (budget.timezone), IANA name
    QList<SpendRow> rows; ///< values: {"YYYY-MM-DD", group}; the group is '' where unknown
};

/// One budget as a gauge shows it: what is spent, what running requests hold back, and its limits,
/// for one window of one scope: the global daily budget, or a key's or team's day or month.
/// Amounts in USD.
struct BudgetGauge
{
    QString scope;                            ///< "global", "key" or "team"
    QString name;                             ///< the key's or team's name; empty for the global budget
    QString window = QStringLiteral("daily"); ///< "daily" or "monthly"
    double spentUsd = 0.0;                    ///< spent in the current period
    double reservedUsd = 0.0;                 ///< held by requests still running (the global budget reserves nothing)
    double softLimitUsd = 0.0;                ///< 0 = none
    double hardLimitUsd = 0.0;                ///< 0 = unlimited
    QDateTime resetsAt;                       ///< when the period starts over (in the budget's zone)
    QString timeZone;                         ///< the budget's zone, IANA name
    /// Spent and reserved are every gateway's on the shared database (budget.shared), as the last
    /// reservation in this window saw them at `sharedAsOf`, not this gateway's alone.
    bool allGateways = false;
    QDateTime sharedAsOf;
};

/// Every budget in force, as of one moment.
struct BudgetOverview
{
    QList<BudgetGauge> gauges; ///< the global one first
};

/// The result of checking the audit chain (docs/audit.md) from its checkpoint to its head.
struct AuditCheck
{
    bool ok = false;
    qint64 entries = 0;        ///< entries checked (all of them when ok, those before the break when not)
    qint64 brokenSequence = 0; ///< the first broken entry's sequence; 0 when ok or unknown
    QString failure;           ///< what broke there ("hash_mismatch", …); empty when ok
    QString detail;            ///< what exactly did not match; empty when ok
    QString summary;           ///< one line, in English, as GET /api/v1/audit/verify gives it
    qint64 headSequence = 0;   ///< the chain's last entry
    qint64 elapsedMs = 0;      ///< how long the check took
};

/// What a GDPR erasure of one person destroyed (docs/audit.md, "GDPR").
struct AuditErasureResult
{
    qint64 entries = 0;        ///< entries that held the person's data
    int keysDestroyed = 0;     ///< the person's keys destroyed: their data in those entries is gone
    qint64 recordSequence = 0; ///< the erasure's own entry in the chain
};

/// One security guard as a window shows it: identity, switches and counters since start.
struct GuardState
{
    QString id;                   ///< stable name ("firewall"), as the admin API and the feature file use it
    QString title;                ///< short human name, in English as the engine names it
    QString description;          ///< one sentence
    bool enabled = false;         ///< runs now: master switch, run-time switch and configuration together
    bool configured = false;      ///< the configuration's own value, what applies without a run-time switch
    std::optional<bool> override; ///< run-time switch; nullopt = the configuration applies
    /// No switch can turn it on: the firewall switched off by LLM_PROXY_FIREWALL_ENABLED, or
    /// response signing without LLM_PROXY_SIGNING_KEY.
    bool locked = false;
    /// Why it is off by configuration, as SecurityConfig names it ("env:LLM_PROXY_FIREWALL_ENABLED",
    /// "config:security.firewall.enabled=false"); empty when the configuration does not switch it off.
    QString disabledReason;
    quint64 scanned = 0;
    quint64 blocked = 0;
    quint64 masked = 0; ///< values replaced by placeholders (PII and secrets)
    quint64 flagged = 0;

    friend bool operator==(const GuardState &, const GuardState &) = default;
};

/// The security pipeline as a value: master switch, every guard, totals and scan time.
struct SecurityStatus
{
    bool enabled = false;                   ///< master switch in force (run-time switch, else configuration)
    bool configuredEnabled = false;         ///< the configuration's security.enabled
    std::optional<bool> override;           ///< run-time master switch; nullopt = the configuration applies
    QList<GuardState> guards;               ///< in pipeline order
    quint64 scanned = 0;                    ///< requests that went through the request guards
    quint64 blocked = 0;                    ///< requests they refused
    double p50 = 0.0, p95 = 0.0, p99 = 0.0; ///< scan time per request, microseconds (0 before any scan)
    QString firewallDisabledReason;         ///< see GuardState::disabledReason

    friend bool operator==(const SecurityStatus &, const SecurityStatus &) = default;
};

/// A configuration text as the engine would judge it, for a window that edits config.yaml.
struct ConfigCheck
{
    struct Problem
    {
        bool error = true; ///< false: a warning, which does not stop the engine
        int line = 0;      ///< 1-based place in the text; 0 when not in it (environment, command line)
        int column = 0;
        /// The problem exactly as `llmproxy --check-config` prints it: "error: FILE:LINE:COLUMN: message".
        QString text;
    };
    /// No errors: a reload would take it, and the engine would start with it.
    bool ok = false;
    QList<Problem> problems; ///< warnings first, then errors (in the order of the text)
    QString summary;         ///< "configuration OK: FILE, N endpoint(s)" when ok, as --check-config prints it
    // What this text gives, the environment and command line applied (only when ok).
    QString host;
    quint16 port = 0;
    bool clientKeyRequired = false; ///< some client key is configured (file or environment)
    QString logLevel;
    QString logFormat;
    bool logBodies = false;
    /// Keys the environment, .env or the command line set, so the file's value is not used
    /// ("server.host", "server.port", "logging.level", "logging.format").
    QStringList overridden;
};

/// A change to one endpoint from the Endpoints window; unset fields stay as they are. An endpoint
/// added at run time (source "admin") takes every field; one from config.yaml, the environment or
/// discovery only `priority`, `weight` and `enabled` (EngineController::updateEndpoint() refuses
/// the others, saying so). The rules are config.yaml's.
struct EndpointEdit
{
    std::optional<int> priority; ///< lower is preferred; -1,000,000 … 1,000,000
    std::optional<int> weight;   ///< share among endpoints of the same priority; 1 … 1,000,000
    std::optional<bool> enabled;
    std::optional<QString> provider;   ///< a provider preset name
    std::optional<QString> baseUrl;    ///< http(s) URL
    std::optional<QStringList> models; ///< empty: any model
    /// Where the key comes from: set one of these three to replace the key source (the others are
    /// dropped); none set keeps it. An empty apiKeyEnv means the provider's usual variable.
    std::optional<QString> apiKeyEnv;
    std::optional<QString> apiKeyKeychain;
    std::optional<QString> apiKey;
    std::optional<QString> apiVersion; ///< empty removes it
    std::optional<double> costPerMtok; ///< 0 = unknown
    std::optional<bool> probe;         ///< checked by routing.health on its schedule

    bool isEmpty() const;
};

// -- first-run wizard

/// A provider the first-run wizard offers, taken from the provider presets.
struct ProviderChoice
{
    QString id;             ///< preset name, as an endpoint's `provider` ("openai", "ollama")
    QString displayName;    ///< "OpenAI"
    QString defaultBaseUrl; ///< empty when the user must give one (Azure, generic OpenAI-compatible)
    bool needsKey = true;   ///< false for local servers
    QString keyEnv;         ///< the provider's usual key variable ("OPENAI_API_KEY"); empty for local servers
    QString keyUrl;         ///< the page where the provider hands out keys; empty when there is none
    bool local = false;     ///< a server on the user's machine
};

/// A model server found on this machine by discoverLocalServers().
struct LocalServer
{
    QString provider;         ///< preset name ("ollama", "lmstudio", "vllm", "llamacpp")
    QString displayName;      ///< "Ollama"
    QString baseUrl;          ///< what an endpoint for it uses, e.g. "http://127.0.0.1:11434/v1"
    QStringList models;       ///< every model it serves
    QStringList loadedModels; ///< the ones in memory now
};

/// What one wizard call to a provider gave: a model list (listProviderModels()) or a test answer
/// (testEndpoint()).
struct ProviderReply
{
    bool ok = false;
    int status = 0;     ///< HTTP status; 0 when no answer came (no connection, timeout)
    QString error;      ///< the provider's own message (or the network's) when !ok
    QStringList models; ///< listProviderModels(): the model ids, as the provider names them
    QString answer;     ///< testEndpoint(): the text the model answered
    qint64 latencyMs = 0;
};

/// An endpoint the wizard adds: its key is named, never given (keychain entry or variable).
struct WizardEndpoint
{
    QString id;
    QString provider;
    QString baseUrl;
    QStringList models;
    QString keychainName; ///< `api_key_keychain`; empty for none
    QString keyEnv;       ///< `api_key_env`; empty for none
    /// Replaces an endpoint of that id added at run time before (a second attempt with another key).
    bool replace = false;
};

/// The facade over the Engine for the UI and the app shell. Lives in the GUI/main thread; the
/// engine may live on another thread (EngineHost) or the same one (tests). With the engine on
/// another thread, every change is posted to it and never waited for, and the window reads value
/// snapshots the engine sends back; with the engine on the same thread, the calls are direct.
/// Signals carry value types only and are coalesced (at most ~10 per second), so a flood of
/// requests never floods the receiver, and a slow receiver never slows the workers or the admin API.
class EngineController : public QObject
{
    Q_OBJECT
public:
    /// `engine` must outlive the controller and must have been started.
    explicit EngineController(Engine *engine, QObject *parent = nullptr);
    ~EngineController() override;

    QString listenUrl() const;           ///< e.g. "http://127.0.0.1:8090"; empty before the engine listens
    bool isListening() const;
    bool isPaused() const;               ///< paused: inference requests get 503, health stays up
    bool isPanic() const;                ///< kill switch on: inference requests get 503 panic_mode
    bool isOnboarding() const;           ///< no endpoint configured at all (disabled ones count as configured)
    /// Endpoints are configured but every one is switched off: inference requests get 503.
    bool allEndpointsDisabled() const;
    /// Every enabled endpoint is down right now (breaker open or probe unhealthy).
    bool allEndpointsDown() const;
    /// Every endpoint, disabled ones included, with its circuit breaker, probe result and
    /// statistics (as of the last snapshot when the engine runs on another thread).
    QList<EndpointStatus> endpoints() const;
    QList<RequestRecord> recentRequests() const; ///< newest last, at most 500
    /// The configuration file in use, or the one Reload reads when it does not exist yet.
    QString configPath() const;
    bool clientKeyRequired() const; ///< clients must send a proxy API key
    /// Where the engine keeps what outlives the process (registry.json, features.json,
    /// budget.json); empty when it keeps nothing.
    QString dataDirectory() const;
    /// Checks `yaml` as the text of configPath(): loaded like a reload would load the file (with
    /// the same .env, environment and command line), plus the listen-address rule the engine
    /// applies at start. Reads no more than the .env file; quick enough for the GUI thread.
    ConfigCheck checkConfigText(const QByteArray &yaml) const;
    /// Sets scalar keys in a configuration text, keeping its comments where it can (see
    /// editConfigKeys()). Pure function.
    static ConfigTextEdit editConfigText(const QByteArray &yaml, const QList<ConfigKeyEdit> &edits);
    /// Request records that never reached the window: dropped by the workers (see
    /// Engine::droppedRecords()) or gone before this controller collected them.
    quint64 droppedRecords() const;

    /// While non-zero, the endpoint statuses are re-read every `ms` milliseconds and
    /// endpointsChanged is emitted when anything in them changed (breaker state, countdown,
    /// latency, counters), so a window showing them stays current. 0, the default, stops it:
    /// turn it off while nobody looks. Negative values count as 0.
    void setEndpointRefreshInterval(int ms);
    /// Today's (UTC day) spend and the daily budget, as of the last status snapshot (refreshed with
    /// the endpoints, see refreshStatus()).
    TodaySpend todaySpend() const;
    /// Re-reads the endpoint statuses once, without blocking: endpointsChanged follows when
    /// anything in them changed. For a slow watcher (the tray) while no window refreshes them.
    void refreshStatus();
    int endpointRefreshInterval() const;

    /// The security pipeline's switches, counters and scan time now (thread-safe reads).
    SecurityStatus securityStatus() const;
    /// The newest `limit` security decisions, oldest first. Later ones arrive through
    /// securityEventsArrived while someone watches; the first batch may repeat some of these
    /// (compare ids).
    QList<SecurityEvent> recentSecurityEvents(int limit) const;
    /// While at least one viewer watches (each window passes itself while it is shown), the
    /// security state is re-read a few times a second: securityEventsArrived carries the decisions
    /// since the last emission, securityStatusChanged the status when anything in it changed.
    /// A destroyed viewer stops watching by itself.
    void watchSecurity(QObject *viewer, bool watching);
    bool isSecurityWatched() const;

    // -- routing: aliases, fallback chains, route overrides (the Models window and the tray) ------
    /// The aliases and fallback chains in force (config.yaml's with the run-time changes) and the
    /// route overrides per client API, as of the last snapshot.
    RoutingView routing() const;
    /// Sets an alias (a model name or pattern → a model) at run time; kept in the data directory.
    /// Returns why it cannot be set (nothing changes then), else empty: routingChanged follows.
    QString setAlias(const QString &name, const QString &target);
    /// Removes an alias, config.yaml's included, until resetRouting().
    void removeAlias(const QString &name);
    /// Sets the fallback chain of `model` (hops without a model get `model`). Returns why not, or empty.
    QString setFallbackChain(const QString &model, QList<FallbackHop> hops);
    void removeFallbackChain(const QString &model);
    /// Sends every request of client API `api` (clientRouteApis()) to `route`; nullopt: requests go
    /// where they ask again. Returns why not, or empty.
    QString setClientRoute(const QString &api, const std::optional<ClientRoute> &route);
    /// Drops every run-time routing change: config.yaml's aliases and chains apply again.
    void resetRouting();

    // -- client keys ------------------------------------------------------------------------------
    /// Creates a client key named `name` that may use every model (kept as a digest in the data
    /// directory; see AdminControl::createClientKey). `done` runs on this thread with the key, or
    /// with an empty key and why not. Once a key exists every client must send one.
    void createClientKey(const QString &name, std::function<void(const QString &key, const QString &error)> done);
    /// Every client key, configured and created (names and prefixes only; the keys themselves are
    /// not kept), handed to `done` on this thread.
    void listClientKeys(std::function<void(const QList<ClientKeyInfo> &keys)> done);
    /// Revokes the created client key `name`; its clients are refused from the next request.
    /// `done` runs on this thread with an empty string, or why not.
    void revokeClientKey(const QString &name, std::function<void(const QString &error)> done);

    // -- request history
    /// Asks the request history (docs/storage.md) for a page matching `filter`. The query runs on
    /// the store's reader thread, never on this one nor on the engine's; `done` runs on `context`'s
    /// thread with the page, or with an empty page and why not (the history is off, the database
    /// cannot be read), unless `context` is gone by then.
    void queryHistory(const HistoryFilter &filter, QObject *context,
                      std::function<void(const HistoryPage &page, const QString &error)> done);

    // -- spend analytics and budgets (the Analytics window)
    /// Asks the spend rollups for spend per day and group (see SpendReportQuery). Runs on the
    /// store's reader thread; `done` runs on `context`'s thread with the report, or with an empty
    /// one and why not (no store, a range the rollups cannot answer, the database cannot be read),
    /// unless `context` is gone by then.
    void querySpend(const SpendReportQuery &query, QObject *context,
                    std::function<void(const SpendReport &report, const QString &error)> done);
    /// Every budget in force now: the global daily one, then each window of the keys' and teams'
    /// budgets (see BudgetGauge). `done` runs on
    /// `context`'s thread. Needs no store.
    void queryBudgets(QObject *context, std::function<void(const BudgetOverview &budgets)> done);

    // -- audit ledger and GDPR (the Security window)
    /// Whether the gateway keeps an audit ledger: `done` runs on `context`'s thread with an empty
    /// string when it does, else why not (a sentence to show).
    void queryAuditAvailability(QObject *context, std::function<void(const QString &why)> done);
    /// Checks the whole audit chain on the ledger's thread. `done` runs on `context`'s thread with
    /// the result, or with nullopt and why it could not be checked (no ledger, database error).
    void verifyAudit(QObject *context,
                     std::function<void(const std::optional<AuditCheck> &check, const QString &error)> done);
    /// Everything the audit ledger holds about `subject` (a key name, user or address), as the
    /// GET /api/v1/gdpr/export/{subject} answer; the export is itself recorded in the chain, by
    /// "desktop". `done` runs on `context`'s thread with the JSON, or nullopt and why not.
    void exportAuditSubject(const QString &subject, QObject *context,
                            std::function<void(const std::optional<QJsonObject> &data, const QString &error)> done);
    /// Erases `subject` from the audit ledger by destroying their keys (irreversible; the chain
    /// still verifies), recorded by "desktop". `done` runs on `context`'s thread.
    void
    eraseAuditSubject(const QString &subject, QObject *context,
                      std::function<void(const std::optional<AuditErasureResult> &erased, const QString &error)> done);

    // -- endpoints window
    /// How an endpoint change ended: called on this thread, never before the call that asked for
    /// it has returned, with an empty `error` when it was done, else why not (a sentence to show).
    /// Not called when the controller is gone by then.
    using EndpointDone = std::function<void(const QString &error)>;
    /// Changes endpoint `id` (see EndpointEdit): invalid values change nothing and come back as the
    /// error. The workers route by the change from the next request; it is kept in registry.json
    /// (run-time endpoints as they are, the priority and weight of others as changes over their own
    /// settings) and survives reloads and restarts. endpointsChanged follows.
    void updateEndpoint(const QString &id, const EndpointEdit &edit, EndpointDone done);
    /// Removes an endpoint added at run time; others can only be disabled (the error says so).
    void deleteEndpoint(const QString &id, EndpointDone done);
    /// Starts a health check of endpoint `id` now: `done` says it started (or why it cannot); the
    /// result shows in its `probe` state (and breaker) when the endpoint answers.
    void probeEndpoint(const QString &id, EndpointDone done);
    /// Closes endpoint `id`'s circuit breaker now, clearing its failure count.
    void resetBreaker(const QString &id, EndpointDone done);
    // -- first-run wizard
    // Every call returns at once; `done` runs later on the GUI thread, and not at all when
    // `context` is gone by then.

    /// Every provider preset, cloud ones first, in the presets' order.
    static QList<ProviderChoice> providerChoices();
    /// Looks for local model servers: `targets` (preset name and loopback port; empty = Ollama
    /// 11434, LM Studio 1234, vLLM 8000, llama.cpp 8080) on `host`, in parallel, each probe bounded
    /// by 1.5 s. `done` gets the servers that answered with a models list, in target order.
    static void discoverLocalServers(QObject *context, std::function<void(const QList<LocalServer> &)> done,
                                     const QList<QPair<QString, quint16>> &targets = {},
                                     const QString &host = QStringLiteral("127.0.0.1"));
    /// Asks the provider for its models with `apiKey`, the way the health prober does (`GET
    /// <base>/models` with the provider's key header); OpenAI, Anthropic and Gemini list formats.
    /// An empty `baseUrl` means the preset's. Gives up after 15 s without a byte.
    static void listProviderModels(const QString &provider, const QString &baseUrl, const QString &apiKey,
                                   QObject *context, std::function<void(const ProviderReply &)> done);
    /// Writes `secret` into the system keychain (SecretStore::system()) as `name`, on a pool
    /// thread. `done` gets an empty string, or why the keychain refused (no keychain service, ...).
    static void storeSecret(const QString &name, const QString &secret, QObject *context,
                            std::function<void(const QString &error)> done);
    /// Adds `endpoint` to the engine's registry (kept in the data directory's registry.json, key
    /// named only) by the rules of POST /api/v1/registry. `done` gets an empty string, or why not.
    void addWizardEndpoint(const WizardEndpoint &endpoint, QObject *context,
                           std::function<void(const QString &error)> done);
    /// Sends a real request to the endpoint `id` of the registry, with the key the engine resolved
    /// for it: the cheapest chat request in its own format ("ping", at most 16 output tokens) for
    /// `model`, directly to that endpoint (no routing, no fallback). Gives up after 60 s without a
    /// byte. `done` gets the answer and its latency, or the provider's error.
    void testEndpoint(const QString &id, const QString &model, QObject *context,
                      std::function<void(const ProviderReply &)> done);

public slots:
    void setPaused(bool paused);
    /// The kill switch: every inference request is refused at once until it is released.
    void setPanic(bool on);
    /// Switches an endpoint on or off until the process ends (reloads keep the choice); requests
    /// already on it finish.
    void setEndpointEnabled(const QString &id, bool enabled);
    void reloadConfig();
    /// Switches the guard `id` on or off at run time; nullopt goes back to the configuration's
    /// value. Unknown ids are ignored (and logged). securityStatusChanged reports the outcome.
    void setGuardEnabled(const QString &id, std::optional<bool> enabled);
    /// The master switch of every guard at run time; nullopt goes back to the configuration.
    void setSecurityEnabled(std::optional<bool> enabled);

signals:
    void requestsFinished(const QList<llmproxy::RequestRecord> &records); ///< batch since the last emission
    /// The endpoint list changed: configuration, toggles, or (while refreshing) live state.
    void endpointsChanged(const QList<llmproxy::EndpointStatus> &endpoints);
    void pausedChanged(bool paused);
    void panicChanged(bool on);
    void listeningChanged(const QString &url);
    void configReloaded(bool ok, const QString &message);
    void droppedRecordsChanged(quint64 count);
    /// Security decisions since the last emission, oldest first (only while watched).
    void securityEventsArrived(const QList<llmproxy::SecurityEvent> &events);
    /// The security status changed: a switch (at once), or counters and scan time (while watched).
    void securityStatusChanged(const llmproxy::SecurityStatus &status);
    /// The aliases, fallback chains or route overrides changed (run time or reload).
    void routingChanged(const llmproxy::RoutingView &routing);

private:
    bool sameThread() const;
    /// Runs `work` on the engine's thread: at once when that is this thread, else posted.
    void onEngine(std::function<void(Engine *)> work);
    /// Runs `work` on the audit ledger's thread with the ledger, or with nullptr and why there is
    /// none (no store, no ledger secret, the database cannot be opened).
    void onAuditLedger(std::function<void(AuditLedger *ledger, const QString &why)> work);
    void drainRecords();
    /// Applies `change` to the run-time routing on the engine's thread.
    void changeRouting(std::function<void(RoutingOverlay &)> change);
    void requestStatus(bool onlyIfChanged);
    void applyStatus(const EngineStatus &status, bool onlyIfChanged);
    /// Emits new security decisions, and the status when it changed (or always, with `force`).
    void pollSecurity(bool force);
    /// Runs `work` on the engine's thread and hands its answer (empty = done) to `done` here.
    void runEndpointAction(std::function<QString(Engine *)> work, EndpointDone done);
    Engine *m_engine;
    class Private;
    Private *d;
};

} // namespace llmproxy

Q_DECLARE_METATYPE(llmproxy::GuardState)
Q_DECLARE_METATYPE(llmproxy::ProviderReply)
Q_DECLARE_METATYPE(llmproxy::ConfigCheck)
Q_DECLARE_METATYPE(llmproxy::SecurityStatus)
Q_DECLARE_METATYPE(llmproxy::SecurityEvent)
Q_DECLARE_METATYPE(llmproxy::RoutingView)

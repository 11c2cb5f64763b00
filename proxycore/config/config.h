// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/postgresdsn.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace llmproxy {

/// One upstream endpoint: a provider account at a base URL serving a list of models.
/// Plain value type; copied into immutable snapshots shared by all workers.
struct EndpointConfig
{
    QString id;          ///< stable identifier (config key, lower-cased env NAME, or "discovered-<kind>-<port>")
    QString provider;    ///< preset name (see providers/providerpreset.h), e.g. "openai", "groq", "ollama"
    QString baseUrl;     ///< e.g. "https://api.openai.com/v1"; never ends with '/'
    QString apiKey;      ///< resolved secret (from api_key_env, _KEY or api_key); empty = no auth header
    QString apiKeyEnv;   ///< name of the variable the key came from, for messages (never the value)
    QString apiKeyKeychain; ///< name of the keychain entry the key comes from (api_key_keychain), or empty
    QStringList models;  ///< models this endpoint serves; empty = accept any model (forwarded as-is)
    QMap<QString, QString> headers; ///< extra static headers sent upstream
    bool enabled = true;
    int priority = 0;    ///< lower is preferred
    QString source;      ///< "file", "env", "discovery" or "admin"
    QString apiVersion;  ///< Azure OpenAI deployments API: the api-version query parameter
    qint64 numCtx = 0;   ///< Ollama: context window (options.num_ctx); > 0 sends chat to the native /api/chat
    int weight = 1;      ///< share in weighted round-robin
    double costPerMtok = 0.0; ///< input price in USD per million tokens, for cost-aware routing; 0 = unknown
    bool probe = true;   ///< checked by the health prober (routing.health); false opts this endpoint out
    /// Discovered local servers: the models loaded in memory right now (a subset of, or next to,
    /// `models`, which lists every model the server can serve). Empty when none is loaded or the
    /// server cannot tell. Never read from config.yaml.
    QStringList loadedModels;
};

/// A hop in a model's fallback chain (used by routing; parsed and validated here).
struct FallbackHop
{
    QString endpoint; ///< endpoint id or provider name
    QString model;

    friend bool operator==(const FallbackHop &, const FallbackHop &) = default;
};

/// Where every request of one client API goes, whatever model it names (a route override: the
/// tray's "route coding tools to"; see config/routingoverlay.h).
struct ClientRoute
{
    QString model;    ///< the model to serve instead of the one asked for
    QString endpoint; ///< endpoint id to try first; empty = the model's own routing

    friend bool operator==(const ClientRoute &, const ClientRoute &) = default;
};

struct ServerLimits
{
    qint64 maxBodyBytes = 32 * 1024 * 1024;  ///< 413 above this, before the body is read
    int maxHeaderBytes = 64 * 1024;          ///< 431 above this
    int headerTimeoutMs = 10'000;            ///< whole request head must arrive within this (slow-loris)
    int bodyTimeoutMs = 60'000;              ///< whole body must arrive within this once the head is in
    int idleTimeoutMs = 75'000;              ///< keep-alive connection with no request in flight
    int maxConnections = 10'000;             ///< per process; further connections are closed at once
};

/// A client key with its own name and model allow-list (server.auth.keys). Keys in the
/// LLM_PROXY_API_KEYS variable have neither: they may use every model.
struct ClientKeyConfig
{
    QString name;        ///< shown in the request log, never the key itself
    QString keyEnv;      ///< variable the key came from (for messages); empty with key_sha256
    QString key;         ///< resolved secret; empty when only its digest is configured
    QByteArray sha256;   ///< the key's SHA-256 (32 bytes) when configured as key_sha256
    QStringList models;  ///< model names or patterns (see ModelPattern) this key may use; empty = every model
    QString team;        ///< the team the key's spend counts towards (budget.teams); empty = none
};

/// Where the state that outlives the process is kept (server.storage; docs/storage.md).
struct StorageConfig
{
    bool enabled = true;                     ///< false = no database at all (no request history)
    QString type = QStringLiteral("sqlite"); ///< "sqlite" (a file) or "postgres" (a server)
    /// SQLite: the database file; empty = llmproxy.db in the data directory. A relative path is
    /// relative to the data directory.
    QString path;
    QString dsnEnv = QStringLiteral("DATABASE_URL"); ///< variable holding the PostgreSQL connection string
    PostgresDsn postgres;                            ///< read from dsnEnv when type is "postgres" (secret)
    int queueCapacity = 10'000;                      ///< writes waiting for the database; more are dropped and counted
};

struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8090;
    int workers = 0;                 ///< 0 = one per core
    int shutdownGraceMs = 30'000;    ///< SIGTERM: in-flight streams may finish within this
    ServerLimits limits;
    QString apiKeysEnv = QStringLiteral("LLM_PROXY_API_KEYS");
    QString adminKeysEnv = QStringLiteral("LLM_PROXY_ADMIN_KEYS");
    QStringList apiKeys;             ///< resolved inference keys (secret)
    QStringList adminKeys;           ///< resolved admin keys (secret)
    QList<ClientKeyConfig> clientKeys; ///< named client keys with their own limits
    StorageConfig storage;
    /// Whether clients must present a key at all (any inference key configured).
    bool requiresClientKey() const { return !apiKeys.isEmpty() || !clientKeys.isEmpty(); }
};

struct UpstreamConfig
{
    int connectTimeoutMs = 10'000;
    int firstByteTimeoutMs = 120'000; ///< request sent → first response byte
    int idleTimeoutMs = 120'000;      ///< longest silence between two received chunks
    int totalTimeoutMs = 600'000;     ///< whole transfer
    bool http2 = true;                ///< negotiate HTTP/2 over TLS when the upstream offers it
    int maxConnectionsPerHost = 0;    ///< 0 = unlimited
    QString proxy;                    ///< explicit egress proxy URL; empty = direct (environment proxies ignored)
};

struct LoggingConfig
{
    QString format = QStringLiteral("text"); ///< "text" or "json"
    QString level = QStringLiteral("info");  ///< debug, info, warning, error
    bool logBodies = false;                  ///< request/response bodies in logs (opt-in)
};

struct DiscoveryConfig
{
    bool localScan = true;     ///< probe Ollama/LM Studio/vLLM/llama.cpp on their default loopback ports
    int scanIntervalS = 300;   ///< 0 = once at start
};

/// Periodic cheap checks of every endpoint (routing.health), feeding the probe state and the breakers.
struct HealthProbeConfig
{
    int intervalS = 60;                          ///< average time between two checks of an endpoint; 0 = off
    QString mode = QStringLiteral("models");     ///< "models": GET <base>/models (free); "completion": a 1-token call
    int timeoutMs = 5'000;                       ///< longest a check may take; longer counts as a failure
    bool probeLocal = true;                      ///< also check servers on this machine (local presets, loopback URLs)
};

/// How requests are spread over endpoints and what happens when one fails.
struct RoutingConfig
{
    QString strategy = QStringLiteral("priority"); ///< priority, weighted, least_latency, least_busy, cost
    QMap<QString, QString> modelStrategies;        ///< model name or pattern (ModelPattern) → strategy
    double latencyAlpha = 0.2;                      ///< EMA weight of a new latency / success sample
    double costWeight = 0.3;                        ///< exponent of the cost factor in the cost strategy
    int maxAttempts = 3;                            ///< per request, across endpoints and fallback hops
    int retryBaseDelayMs = 250;
    int retryMaxDelayMs = 4'000;
    int retryBudgetMs = 20'000;                     ///< no retry starts later than this after arrival
    int breakerFailureThreshold = 5;
    int breakerRecoveryS = 60;
    bool fallbackOnContextOverflow = true;          ///< a context-window error moves on to the next hop
    bool fallbackOnContentPolicy = true;            ///< a content-policy refusal moves on to the next hop
    HealthProbeConfig health;
    /// Route overrides by client API name (clientRouteApis()); set at run time only.
    QMap<QString, ClientRoute> clientRoutes;
};

/// Daily spend limit over all requests (see cost/budget.h).
/// The limits of one key's or team's budget (budget.keys, budget.teams), in USD; 0 = none.
struct ScopeBudgetConfig
{
    double dailyUsd = 0.0;   ///< hard limit per calendar day of budget.timezone
    double monthlyUsd = 0.0; ///< hard limit per calendar month of budget.timezone
    double softUsd = 0.0;    ///< warning threshold, of the daily window (of the monthly one when no daily limit)
    friend bool operator==(const ScopeBudgetConfig &, const ScopeBudgetConfig &) = default;
};

struct BudgetConfig
{
    double dailyLimit = 0.0;             ///< USD per day (of `timezone`); 0 = unlimited
    double softLimit = 0.0;              ///< USD per day at which a warning is raised; 0 = none
    bool fallbackToLocalOnLimit = false; ///< once daily_limit is reached, route to a local model instead of 402
    QString localModel;        ///< model for that fallback; empty = first model of the first local endpoint
    /// IANA name of the zone whose calendar day the budget counts (and spend_daily is keyed by);
    /// validated by the loader (FieldType::TimeZone).
    QString timezone = QStringLiteral("UTC");
    /// Output tokens a key's or team's reservation assumes when the request sets no maximum
    /// (max_tokens, max_completion_tokens, max_output_tokens) and the model's limit is unknown.
    int reserveOutputTokens = 4096;
    /// budget.shared: on PostgreSQL, the keys' and teams' budgets are one for every gateway on the
    /// database (budget_counters); off, or on SQLite, each gateway keeps its own.
    bool shared = true;
    /// budget.shared_hold_s: how long what a gateway holds in the shared budgets counts without
    /// being renewed (a gateway that stopped without giving it back).
    int sharedHoldS = 60;
    QMap<QString, ScopeBudgetConfig> keys;  ///< budget.keys: client key name → its limits
    QMap<QString, ScopeBudgetConfig> teams; ///< budget.teams: team (server.auth.keys[].team) → its limits
};

/// A model's price in USD per million tokens.
struct ModelPrice
{
    double inputPerMtok = 0.0;
    double outputPerMtok = 0.0;
    /// The most output tokens the model produces for one request (what a budget reservation
    /// assumes when the request sets no maximum); 0 = unknown.
    qint64 maxOutputTokens = 0;
    friend bool operator==(const ModelPrice &, const ModelPrice &) = default;
};

struct RateLimitConfig
{
    bool enabled = false;
    int requestsPerMinute = 60;
    int burst = 10;
};

/// What one PII / secret type's guard does with a validated match (security.pii.<type>).
/// "mask": the value is replaced by a placeholder before the request leaves and restored in the
/// answer; "block": the request is refused (400 pii_blocked); "log": counted and reported only;
/// "off": not looked for.
struct PiiActions
{
    QString email = QStringLiteral("mask");
    QString phone = QStringLiteral("mask");
    QString card = QStringLiteral("mask");
    QString iban = QStringLiteral("mask");
    QString ssn = QStringLiteral("mask");
    QString ip = QStringLiteral("mask"); // public addresses only: private and loopback ones identify nobody
    QString secret = QStringLiteral("mask");
};

/// The security pipeline (security:). Every guard is on by default; each can also be switched at
/// run time (POST /api/v1/features/toggle), which overrides these values until switched back.
struct SecurityConfig
{
    bool enabled = true;                   ///< master switch for every request and response guard
    int maxMessages = 2000;                ///< flood guard: messages per request (413 above); 0 = unlimited
    qint64 maxTextBytes = 4 * 1024 * 1024; ///< flood guard: decoded text per request (413 above)
    bool firewallEnabled = true;           ///< signatures over normalised and decoded text
    QString firewallDisabledReason;  ///< "env:LLM_PROXY_FIREWALL_ENABLED" or "config:security.firewall.enabled=false"
    QString signaturesFile;          ///< empty = the embedded signatures; reloaded when it changes
    QString corpusFile;              ///< empty = the embedded attack corpus for similarity scoring
    bool injectionEnabled = true;    ///< injection scoring (patterns, structure, similarity, classifier)
    double blockThreshold = 0.0;     ///< composite score at or above which a request is blocked; 0 = the tuned default
    bool trajectoryEnabled = true;   ///< several suspicious turns in a row block a conversation
    bool threatLedgerEnabled = true; ///< several suspicious requests from one key or address block it
    int threatLedgerWindowS = 600;
    double threatLedgerThreshold = 3.0;
    int threatLedgerMinEvents = 3;
    int threatLedgerMaxActors = 50'000;
    bool piiEnabled = true;
    PiiActions pii;
    /// Invisible / bidi characters removed from answers, look-alike words counted. Off by default
    /// for now: it makes the relay decode and re-encode every answer, streams included.
    bool responseSanitizer = false;
    bool linkSanitization = true;
    QStringList blockedDomains;  ///< links to these hosts (and their subdomains) are replaced in answers
    bool promptLeakGuard = true; ///< answers repeating the operator's system prompt are stopped
    bool canary = false;         ///< also add a secret canary token to the operator's system prompt
    QString signingKey;          ///< HMAC key for response signatures (LLM_PROXY_SIGNING_KEY); empty = unsigned
};

/// The exact response cache (caching:, docs/cache.md). Off by default: a hit returns an earlier
/// answer, which only the operator can decide is acceptable.
struct CachingConfig
{
    bool enabled = false;
    int ttlS = 3600;                    ///< an entry is served for this long after it was stored
    qint64 maxEntries = 10'000;         ///< across every scope; least recently used go first
    qint64 maxBytes = 64 * 1024 * 1024; ///< stored answers' bytes across every scope
    qint64 maxEntryBytes = 1024 * 1024; ///< a larger answer is relayed but not stored
    /// With a store (server.storage), entries are written behind to its response_cache table and
    /// the memory cache starts with them after a restart (docs/cache.md#persistence).
    bool persist = true;
};

/// The Responses API's conversation store (responses_store:, docs/translation.md#stored-responses):
/// responses the gateway issues for non-`openai` endpoints, kept so that `previous_response_id` and
/// GET /v1/responses/{id} work. On by default, as `store` is in OpenAI's API.
struct ResponsesStoreConfig
{
    bool enabled = true;
    int maxMemoryMb = 64; ///< the memory tier's budget; the database (server.storage) keeps the rest
    int ttlDays = 30;     ///< a response is kept this long after it was made
};

/// Retention of what the gateway keeps about people (gdpr:, docs/audit.md#retention-and-purge): audit
/// entries, request history rows and stored responses older than `retentionDays` are purged — at start
/// and then daily when `autoPurge` is on, else only by POST /api/v1/gdpr/purge.
struct GdprConfig
{
    int retentionDays = 0;  ///< 0: keep everything (no purge, even on request)
    bool autoPurge = false; ///< purge on a schedule (at start, then every 24 hours)
};

/// Which finished requests the audit ledger records (audit.requests, docs/audit.md#in-the-running-gateway).
enum class AuditRequests : quint8 {
    All,     ///< every finished request: request.completed or request.blocked
    Refused, ///< only those a pipeline stage refused (request.blocked)
    None,    ///< none (security decisions and admin calls are still recorded)
};

/// The audit ledger's settings (audit:).
struct AuditConfig
{
    AuditRequests requests = AuditRequests::All;
};

/// The whole typed configuration. Immutable once loaded; share as std::shared_ptr<const Config>.
struct Config
{
    ServerConfig server;
    UpstreamConfig upstream;
    QList<EndpointConfig> endpoints;
    QMap<QString, QList<FallbackHop>> fallbackChains;
    QMap<QString, QString> modelAliases; ///< model name or pattern (ModelPattern) → model to serve
    RoutingConfig routing;
    BudgetConfig budget;
    QMap<QString, ModelPrice> pricing; ///< `pricing:` overrides of the built-in table, keyed by model as written
    RateLimitConfig rateLimiting;
    SecurityConfig security;
    LoggingConfig logging;
    DiscoveryConfig discovery;
    CachingConfig caching;
    ResponsesStoreConfig responsesStore;
    GdprConfig gdpr;
    AuditConfig audit;
    QString sourcePath;  ///< file it was loaded from; empty = embedded defaults
};

using ConfigPtr = std::shared_ptr<const Config>;

} // namespace llmproxy

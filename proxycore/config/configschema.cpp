// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configschema.h"

#include "proxycore/config/secretstore.h"

#include "proxycore/providers/providerpreset.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kIntMax = std::numeric_limits<int>::max();
constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();

template <auto... Path> constexpr auto cfg = &store<Config, Path...>;
template <auto... Path> constexpr auto ep = &store<EndpointDraft, Path...>;
template <auto... Path> constexpr auto sec = &store<Config, &Config::security, Path...>;
template <auto... Path> constexpr auto pii = &store<Config, &Config::security, &SecurityConfig::pii, Path...>;
constexpr QStringView kPiiActions = u"mask block log off";

using F = FieldType;

// The rows. Paths are the YAML keys; a row's parent path is a section (a mapping). Documented in
// docs/configuration.md, which lists every key with its default (the member's initialiser in config.h).
const Field<Config> kConfigFields[] = {
    {u"server.host", {F::NonEmptyString}, cfg<&Config::server, &ServerConfig::host>, u"LLM_PROXY_HOST"},
    {u"server.port", {F::Int, 1, 65535}, cfg<&Config::server, &ServerConfig::port>, u"LLM_PROXY_PORT"},
    {u"server.workers", {F::Int, 0, 1024}, cfg<&Config::server, &ServerConfig::workers>, u"LLM_PROXY_WORKERS"},
    {u"server.shutdown_grace_ms", {F::Int, 0}, cfg<&Config::server, &ServerConfig::shutdownGraceMs>},
    {u"server.limits.max_body_bytes",
     {F::Int, 1, kInt64Max},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::maxBodyBytes>},
    {u"server.limits.max_header_bytes",
     {F::Int, 1024},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::maxHeaderBytes>},
    {u"server.limits.header_timeout_ms",
     {F::Int, 1},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::headerTimeoutMs>},
    {u"server.limits.body_timeout_ms",
     {F::Int, 1},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::bodyTimeoutMs>},
    {u"server.limits.idle_timeout_ms",
     {F::Int, 1},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::idleTimeoutMs>},
    {u"server.limits.max_connections",
     {F::Int, 1},
     cfg<&Config::server, &ServerConfig::limits, &ServerLimits::maxConnections>},
    {u"server.auth.api_keys_env", {F::EnvName}, cfg<&Config::server, &ServerConfig::apiKeysEnv>},
    {u"server.auth.admin_keys_env", {F::EnvName}, cfg<&Config::server, &ServerConfig::adminKeysEnv>},
    {u"server.auth.enabled", {F::Bool}}, // the reference system's switch; keys in the environment always apply
    {u"server.auth.keys", {F::Custom}},
    {u"server.timeout", {F::Custom}}, // the reference system's, see Loader::readSeedTimeout
    {u"server.tls", {F::Custom}},
    {u"server.cors_origins", {F::Ignored}},
    {u"server.keep_alive", {F::Ignored}},
    {u"server.admin_auth", {F::Ignored}},
    {u"server.metrics", {F::Ignored}},
    {u"server.storage.enabled", {F::Bool}, cfg<&Config::server, &ServerConfig::storage, &StorageConfig::enabled>},
    {u"server.storage.type",
     {F::Choice, 0, 0, false, u"sqlite postgres:postgresql"},
     cfg<&Config::server, &ServerConfig::storage, &StorageConfig::type>},
    {u"server.storage.path", {F::NonEmptyString}, cfg<&Config::server, &ServerConfig::storage, &StorageConfig::path>},
    {u"server.storage.dsn_env", {F::EnvName}, cfg<&Config::server, &ServerConfig::storage, &StorageConfig::dsnEnv>},
    {u"server.storage.dsn", {F::Custom}}, // the reference system's literal connection string: refused, see the loader
    {u"server.storage.queue_capacity",
     {F::Int, 100, 10'000'000},
     cfg<&Config::server, &ServerConfig::storage, &StorageConfig::queueCapacity>},
    {u"server.admin", {F::Ignored}},
    {u"server.vllm", {F::Ignored}},

    {u"upstream.connect_timeout_ms", {F::Int, 1}, cfg<&Config::upstream, &UpstreamConfig::connectTimeoutMs>},
    {u"upstream.first_byte_timeout_ms", {F::Int, 1}, cfg<&Config::upstream, &UpstreamConfig::firstByteTimeoutMs>},
    {u"upstream.idle_timeout_ms", {F::Int, 1}, cfg<&Config::upstream, &UpstreamConfig::idleTimeoutMs>},
    {u"upstream.total_timeout_ms", {F::Int, 1}, cfg<&Config::upstream, &UpstreamConfig::totalTimeoutMs>},
    {u"upstream.http2", {F::Bool}, cfg<&Config::upstream, &UpstreamConfig::http2>},
    {u"upstream.max_connections_per_host", {F::Int, 0}, cfg<&Config::upstream, &UpstreamConfig::maxConnectionsPerHost>},
    {u"upstream.proxy", {F::ProxyUrl}, cfg<&Config::upstream, &UpstreamConfig::proxy>},

    {u"endpoints", {F::Custom}},
    {u"fallback_chains", {F::Custom}},
    {u"model_aliases", {F::Custom}},

    {u"routing.strategy", {F::Choice, 0, 0, false, kStrategyChoices}, cfg<&Config::routing, &RoutingConfig::strategy>},
    {u"routing.model_strategies", {F::Custom}},
    {u"routing.latency_alpha", {F::Number, 0, 1, true}, cfg<&Config::routing, &RoutingConfig::latencyAlpha>},
    {u"routing.cost_weight", {F::Number, 0, kInt64Max}, cfg<&Config::routing, &RoutingConfig::costWeight>},
    {u"routing.retry.max_attempts", {F::Int, 1, 20}, cfg<&Config::routing, &RoutingConfig::maxAttempts>},
    {u"routing.retry.base_delay_ms", {F::Int, 0, 600'000}, cfg<&Config::routing, &RoutingConfig::retryBaseDelayMs>},
    {u"routing.retry.max_delay_ms", {F::Int, 0, 600'000}, cfg<&Config::routing, &RoutingConfig::retryMaxDelayMs>},
    {u"routing.retry.budget_ms", {F::Int, 0, 3'600'000}, cfg<&Config::routing, &RoutingConfig::retryBudgetMs>},
    {u"routing.circuit_breaker.failure_threshold",
     {F::Int, 1, 1000},
     cfg<&Config::routing, &RoutingConfig::breakerFailureThreshold>},
    {u"routing.circuit_breaker.recovery_s",
     {F::Int, 1, 86'400},
     cfg<&Config::routing, &RoutingConfig::breakerRecoveryS>},
    {u"routing.circuit_breaker.recovery_timeout",
     {F::Int, 1, 86'400},
     cfg<&Config::routing, &RoutingConfig::breakerRecoveryS>},
    {u"routing.fallback_on_context_overflow",
     {F::Bool},
     cfg<&Config::routing, &RoutingConfig::fallbackOnContextOverflow>},
    {u"routing.fallback_on_content_policy", {F::Bool}, cfg<&Config::routing, &RoutingConfig::fallbackOnContentPolicy>},
    {u"routing.health.interval_s",
     {F::Int, 0, 86'400},
     cfg<&Config::routing, &RoutingConfig::health, &HealthProbeConfig::intervalS>,
     u"LLM_PROXY_HEALTH_INTERVAL_S"},
    {u"routing.health.mode",
     {F::Choice, 0, 0, false, u"models completion"},
     cfg<&Config::routing, &RoutingConfig::health, &HealthProbeConfig::mode>},
    {u"routing.health.timeout_ms",
     {F::Int, 100, 600'000},
     cfg<&Config::routing, &RoutingConfig::health, &HealthProbeConfig::timeoutMs>},
    {u"routing.health.probe_local",
     {F::Bool},
     cfg<&Config::routing, &RoutingConfig::health, &HealthProbeConfig::probeLocal>},
    {u"routing.priority_mode", {F::Ignored}},
    // Also accepted as a top-level section.
    {u"circuit_breaker.failure_threshold",
     {F::Int, 1, 1000},
     cfg<&Config::routing, &RoutingConfig::breakerFailureThreshold>},
    {u"circuit_breaker.recovery_s", {F::Int, 1, 86'400}, cfg<&Config::routing, &RoutingConfig::breakerRecoveryS>},
    {u"circuit_breaker.recovery_timeout", {F::Int, 1, 86'400}, cfg<&Config::routing, &RoutingConfig::breakerRecoveryS>},

    {u"budget.daily_limit", {F::Number, 0, kInt64Max}, cfg<&Config::budget, &BudgetConfig::dailyLimit>},
    {u"budget.soft_limit", {F::Number, 0, kInt64Max}, cfg<&Config::budget, &BudgetConfig::softLimit>},
    {u"budget.fallback_to_local_on_limit", {F::Bool}, cfg<&Config::budget, &BudgetConfig::fallbackToLocalOnLimit>},
    {u"budget.local_model", {F::NonEmptyString}, cfg<&Config::budget, &BudgetConfig::localModel>},
    {u"budget.timezone", {F::TimeZone}, cfg<&Config::budget, &BudgetConfig::timezone>},
    {u"budget.reserve_output_tokens",
     {F::Int, 0, 10'000'000},
     cfg<&Config::budget, &BudgetConfig::reserveOutputTokens>},
    {u"budget.shared", {F::Bool}, cfg<&Config::budget, &BudgetConfig::shared>},
    {u"budget.shared_hold_s", {F::Int, 1, 86'400}, cfg<&Config::budget, &BudgetConfig::sharedHoldS>},
    {u"budget.keys", {F::Custom}},
    {u"budget.teams", {F::Custom}},
    {u"pricing", {F::Custom}},

    {u"rate_limiting.enabled", {F::Bool}, cfg<&Config::rateLimiting, &RateLimitConfig::enabled>},
    {u"rate_limiting.requests_per_minute",
     {F::Int, 1, 1'000'000},
     cfg<&Config::rateLimiting, &RateLimitConfig::requestsPerMinute>},
    {u"rate_limiting.burst", {F::Int, 0, 1'000'000}, cfg<&Config::rateLimiting, &RateLimitConfig::burst>},
    {u"rate_limiting.exempt_paths", {F::Ignored}},
    {u"rate_limiting.redis_url", {F::Ignored}},

    {u"logging.format",
     {F::Choice, 0, 0, false, u"text json"},
     cfg<&Config::logging, &LoggingConfig::format>,
     u"LLM_PROXY_LOG_FORMAT"},
    {u"logging.level",
     {F::Choice, 0, 0, false, u"debug info warning:warn error"},
     cfg<&Config::logging, &LoggingConfig::level>,
     u"LLM_PROXY_LOG_LEVEL"},
    {u"logging.log_bodies", {F::Bool}, cfg<&Config::logging, &LoggingConfig::logBodies>},

    {u"discovery.local_scan",
     {F::Bool},
     cfg<&Config::discovery, &DiscoveryConfig::localScan>,
     u"LLM_PROXY_LOCAL_DISCOVERY"},
    {u"discovery.scan_interval_s", {F::Int, 0}, cfg<&Config::discovery, &DiscoveryConfig::scanIntervalS>},
    {u"discovery.peers", {F::Ignored}},

    // The security pipeline (docs/security-pipeline.md). The reference system's keys are read where they
    // mean the same; its AI escalation, zero-trust and buffered-gate settings are accepted unread.
    {u"security.enabled", {F::Bool}, sec<&SecurityConfig::enabled>, u"LLM_PROXY_SECURITY_ENABLED"},
    {u"security.max_payload_size_kb", {F::Custom}},
    {u"security.max_messages", {F::Int, 0, 1'000'000}, sec<&SecurityConfig::maxMessages>},
    {u"security.max_text_bytes", {F::Int, 1024, kInt64Max}, sec<&SecurityConfig::maxTextBytes>},
    {u"security.firewall.enabled", {F::Bool}, sec<&SecurityConfig::firewallEnabled>, u"LLM_PROXY_FIREWALL_ENABLED"},
    {u"security.signatures.signatures_file", {F::NonEmptyString}, sec<&SecurityConfig::signaturesFile>},
    {u"security.signatures.corpus_file", {F::NonEmptyString}, sec<&SecurityConfig::corpusFile>},
    {u"security.injection.enabled", {F::Bool}, sec<&SecurityConfig::injectionEnabled>},
    {u"security.injection.block_threshold", {F::Number, 0, 1, true}, sec<&SecurityConfig::blockThreshold>},
    {u"security.semantic_analysis.enabled", {F::Bool}, sec<&SecurityConfig::injectionEnabled>},
    {u"security.semantic_analysis.threshold", {F::Ignored}},
    {u"security.confidence", {F::Ignored}},
    {u"security.ai_analysis", {F::Ignored}},
    {u"security.trajectory.enabled", {F::Bool}, sec<&SecurityConfig::trajectoryEnabled>},
    {u"security.threat_ledger.enabled", {F::Bool}, sec<&SecurityConfig::threatLedgerEnabled>},
    {u"security.threat_ledger.window_seconds", {F::Int, 1, 86'400}, sec<&SecurityConfig::threatLedgerWindowS>},
    {u"security.threat_ledger.threshold", {F::Number, 0, kIntMax, true}, sec<&SecurityConfig::threatLedgerThreshold>},
    {u"security.threat_ledger.min_events", {F::Int, 1, 10'000}, sec<&SecurityConfig::threatLedgerMinEvents>},
    {u"security.threat_ledger.max_actors", {F::Int, 1, 10'000'000}, sec<&SecurityConfig::threatLedgerMaxActors>},
    {u"security.pii.enabled", {F::Bool}, sec<&SecurityConfig::piiEnabled>},
    {u"security.pii.email", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::email>},
    {u"security.pii.phone", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::phone>},
    {u"security.pii.card", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::card>},
    {u"security.pii.iban", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::iban>},
    {u"security.pii.ssn", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::ssn>},
    {u"security.pii.ip", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::ip>},
    {u"security.pii.secret", {F::Choice, 0, 0, false, kPiiActions}, pii<&PiiActions::secret>},
    {u"security.language_guard.enabled", {F::Bool}, sec<&SecurityConfig::responseSanitizer>},
    {u"security.response_sanitizer.enabled", {F::Bool}, sec<&SecurityConfig::responseSanitizer>},
    {u"security.injection_guard.enabled", {F::Bool}, sec<&SecurityConfig::promptLeakGuard>},
    {u"security.prompt_leak.enabled", {F::Bool}, sec<&SecurityConfig::promptLeakGuard>},
    {u"security.prompt_leak.canary", {F::Bool}, sec<&SecurityConfig::canary>},
    {u"security.link_sanitization.enabled", {F::Bool}, sec<&SecurityConfig::linkSanitization>},
    {u"security.link_sanitization.blocked_domains",
     {F::StringList, 0, 0, false, {}, u"domain names"},
     sec<&SecurityConfig::blockedDomains>},
    {u"security.link_sanitization.risk_scoring", {F::Ignored}},
    {u"security.response_signing.secret", {F::String}, sec<&SecurityConfig::signingKey>, u"LLM_PROXY_SIGNING_KEY"},
    {u"security.zero_trust", {F::Ignored}},
    {u"security.streaming_buffered_gate", {F::Ignored}},
    {u"security.sse", {F::Ignored}},
    {u"security.client_logs", {F::Ignored}},
    // The reference system's sections: only a key or two map onto ours (see the loader).
    {u"connection_pool", {F::Custom}},
    // The exact response cache (docs/cache.md). The reference system's SQLite file, eviction timer,
    // Redis, negative cache and semantic cache settings are accepted unread.
    {u"caching.enabled", {F::Bool}, cfg<&Config::caching, &CachingConfig::enabled>, u"LLM_PROXY_CACHE_ENABLED"},
    {u"caching.ttl", {F::Int, 1, 30 * 86'400}, cfg<&Config::caching, &CachingConfig::ttlS>},
    {u"caching.max_entries", {F::Int, 1, 10'000'000}, cfg<&Config::caching, &CachingConfig::maxEntries>},
    {u"caching.max_bytes", {F::Int, 4096, kInt64Max}, cfg<&Config::caching, &CachingConfig::maxBytes>},
    {u"caching.max_entry_bytes", {F::Int, 1, kInt64Max}, cfg<&Config::caching, &CachingConfig::maxEntryBytes>},
    {u"caching.persist", {F::Bool}, cfg<&Config::caching, &CachingConfig::persist>},
    {u"caching.db_path", {F::Ignored}},
    {u"caching.eviction_interval", {F::Ignored}},
    {u"caching.redis_url", {F::Ignored}},
    {u"caching.negative_cache", {F::Ignored}},
    {u"caching.semantic_cache", {F::Ignored}},
    // The Responses API's conversation store (docs/translation.md#stored-responses).
    {u"responses_store.enabled", {F::Bool}, cfg<&Config::responsesStore, &ResponsesStoreConfig::enabled>},
    {u"responses_store.max_memory_mb",
     {F::Int, 0, 1'048'576},
     cfg<&Config::responsesStore, &ResponsesStoreConfig::maxMemoryMb>},
    {u"responses_store.ttl_days", {F::Int, 1, 3650}, cfg<&Config::responsesStore, &ResponsesStoreConfig::ttlDays>},
    // Retention of personal data and what the audit ledger records (docs/audit.md).
    {u"gdpr.retention_days", {F::Int, 0, 36'500}, cfg<&Config::gdpr, &GdprConfig::retentionDays>},
    {u"gdpr.auto_purge", {F::Bool}, cfg<&Config::gdpr, &GdprConfig::autoPurge>},
    {u"audit.requests",
     {F::Choice, 0, 0, false, u"all refused none"},
     [](Config &c, const FieldValue &v) {
         c.audit.requests = v.text == u"none"      ? AuditRequests::None
                            : v.text == u"refused" ? AuditRequests::Refused
                                                   : AuditRequests::All;
     }},
    // Reserved for features not in this release: accepted so that one file serves every version.
    {u"plugins", {F::Ignored}},
    {u"identity", {F::Ignored}},
    {u"webhooks", {F::Ignored}},
    {u"observability", {F::Ignored}},
    {u"model_groups", {F::Ignored}},
    {u"metrics", {F::Ignored}},
    {u"storage", {F::Ignored}},
};

const Field<EndpointDraft> kEndpointFields[] = {
    {u"provider", {F::NonEmptyString}, ep<&EndpointDraft::provider>},
    {u"base_url", {F::HttpUrl, 0, 0, false, {}, {}, "invalid_url"}, ep<&EndpointDraft::baseUrl>},
    {u"models", {F::StringList, 0, 0, false, {}, u"model names"}, ep<&EndpointDraft::config, &EndpointConfig::models>},
    {u"api_key_env", {F::EnvName, 0, 0, false, {}, {}, "invalid_api_key_env"}, ep<&EndpointDraft::apiKeyEnv>},
    {u"api_key", {F::String}, ep<&EndpointDraft::apiKey>},
    {u"api_key_keychain", {F::NonEmptyString}, ep<&EndpointDraft::apiKeyKeychain>},
    {u"priority", {F::Int, -1'000'000, 1'000'000}, ep<&EndpointDraft::config, &EndpointConfig::priority>},
    {u"weight", {F::Int, 1, 1'000'000}, ep<&EndpointDraft::config, &EndpointConfig::weight>},
    {u"enabled", {F::Bool}, ep<&EndpointDraft::config, &EndpointConfig::enabled>},
    {u"probe", {F::Bool}, ep<&EndpointDraft::config, &EndpointConfig::probe>},
    {u"api_version", {F::NonEmptyString}, ep<&EndpointDraft::config, &EndpointConfig::apiVersion>},
    {u"cost_per_mtok", {F::Number, 0, kInt64Max}, ep<&EndpointDraft::config, &EndpointConfig::costPerMtok>},
    {u"num_ctx", {F::Int, 0, 16'777'216}, ep<&EndpointDraft::config, &EndpointConfig::numCtx>, {}, FromYaml},
    {u"auth_type",
     {F::Choice, 0, 0, false, u"bearer none"},
     [](EndpointDraft &d, const FieldValue &v) { d.authNone = v.text == u"none"; },
     {},
     FromYaml},
    {u"headers", {F::Custom}, nullptr, {}, FromYaml},
    // In map form the key is the id and these are display names; in list form the loader reads them.
    {u"id", {F::String}},
    {u"name", {F::String}, nullptr, {}, FromYaml},
    // The reference system's endpoint keys with no counterpart here.
    {u"probe_local", {F::Ignored}, nullptr, {}, FromYaml},
    {u"rate_limit", {F::Ignored}, nullptr, {}, FromYaml},
    {u"notes", {F::Ignored}, nullptr, {}, FromYaml},
    {u"description", {F::Ignored}, nullptr, {}, FromYaml},
};

std::optional<bool> boolFromText(const QString &raw)
{
    const QString v = raw.trimmed().toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"1")
        return true;
    if (v == u"false" || v == u"no" || v == u"off" || v == u"0")
        return false;
    return std::nullopt;
}

/// Heuristic for a secret written where a variable name belongs: well-known key prefixes, or a long
/// token mixing lower case and digits (variable names are conventionally upper case).
bool looksLikeSecret(const QString &value)
{
    static constexpr QStringView prefixes[] = {u"sk-", u"sk_", u"gsk_", u"AIza", u"xai-", u"pplx-", u"fw_", u"tgp_"};
    for (QStringView p : prefixes) {
        if (value.startsWith(p))
            return true;
    }
    bool lower = false, digit = false;
    for (QChar c : value) {
        lower = lower || c.isLower();
        digit = digit || c.isDigit();
    }
    return value.size() >= 32 && lower && digit;
}

bool isProxyUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    static constexpr QStringView schemes[] = {u"http", u"https", u"socks4", u"socks4a", u"socks5", u"socks5h"};
    const bool schemeOk = std::any_of(std::begin(schemes), std::end(schemes), [&url](QStringView s) {
        return url.scheme().compare(s, Qt::CaseInsensitive) == 0;
    });
    return url.isValid() && schemeOk && !url.host().isEmpty();
}

QStringList splitCsv(const QString &raw)
{
    QStringList out;
    for (const QString &part : raw.split(u',')) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !out.contains(item))
            out << item;
    }
    return out;
}

/// "a, b or c".
QString alternatives(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return names.first(names.size() - 1).join(u", "_s) + u" or "_s + names.last();
}

QStringList choiceNames(QStringView choices)
{
    QStringList names;
    for (QStringView choice : choices.split(u' ', Qt::SkipEmptyParts))
        names << choice.split(u':').first().toString();
    return names;
}

template <typename Root> const Field<Root> *findField(std::span<const Field<Root>> fields, QStringView path)
{
    const auto it = std::find_if(fields.begin(), fields.end(), [path](const Field<Root> &f) { return f.path == path; });
    return it == fields.end() ? nullptr : &*it;
}

std::optional<FieldValue> fail(FieldError *error, FieldError::Kind kind, int item = -1)
{
    *error = {kind, item};
    return std::nullopt;
}

} // namespace

RawValue RawValue::fromText(const QString &text)
{
    return {Kind::Text, text, false, 0, {}, u'"' + text + u'"'};
}

RawValue RawValue::fromJson(const QJsonValue &value)
{
    RawValue raw;
    switch (value.type()) {
    case QJsonValue::Bool:
        raw.kind = Kind::Bool;
        raw.boolean = value.toBool();
        raw.shown = value.toBool() ? u"true"_s : u"false"_s;
        break;
    case QJsonValue::Double:
        raw.kind = Kind::Number;
        raw.number = value.toDouble();
        raw.shown = QString::number(raw.number);
        break;
    case QJsonValue::String:
        raw.kind = Kind::Text;
        raw.text = value.toString();
        raw.shown = u'"' + raw.text + u'"';
        break;
    case QJsonValue::Array:
        raw.kind = Kind::List;
        for (const QJsonValue item : value.toArray())
            raw.items.append(fromJson(item));
        raw.shown = u"a list"_s;
        break;
    case QJsonValue::Object:
        raw.kind = Kind::Mapping;
        raw.shown = u"an object"_s;
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        raw.shown = u"null"_s;
        break;
    }
    return raw;
}

std::optional<QString> canonicalChoice(QStringView choices, QStringView value)
{
    const QString wanted = value.trimmed().toString().toLower().replace(u'-', u'_');
    for (QStringView choice : choices.split(u' ', Qt::SkipEmptyParts)) {
        const QList<QStringView> names = choice.split(u':');
        for (QStringView name : names) {
            if (name == wanted)
                return names.first().toString();
        }
    }
    return std::nullopt;
}

std::optional<FieldValue> readValue(const FieldRule &rule, const RawValue &raw, ValueSource source, FieldError *error)
{
    const bool strict = source == ValueSource::Json;
    using K = RawValue::Kind;
    using E = FieldError::Kind;
    FieldValue v;
    const bool text = raw.kind == K::Text;
    switch (rule.type) {
    case F::Bool: {
        const std::optional<bool> b = raw.kind == K::Bool ? std::optional(raw.boolean)
                                      : text && !strict   ? boolFromText(raw.text)
                                                          : std::nullopt;
        if (!b)
            return fail(error, raw.kind == K::Bool || text ? E::Invalid : E::WrongType);
        v.boolean = *b;
        return v;
    }
    case F::Int:
    case F::Number: {
        bool ok = false;
        double number = 0;
        qint64 integer = 0;
        if (raw.kind == K::Number) {
            number = raw.number;
            ok = std::isfinite(number) && (rule.type == F::Number || number == std::floor(number));
            integer = ok && std::abs(number) < 9.0e18 ? qint64(number) : 0;
            ok = ok && (rule.type == F::Number || std::abs(number) < 9.0e18);
        } else if (text && !strict) {
            if (rule.type == F::Int)
                integer = raw.text.trimmed().toLongLong(&ok, 10);
            else
                number = raw.text.trimmed().toDouble(&ok);
            ok = ok && std::isfinite(number);
        }
        if (rule.type == F::Int)
            ok = ok && integer >= rule.min && integer <= rule.max;
        else
            ok = ok && (rule.minExclusive ? number > double(rule.min) : number >= double(rule.min)) &&
                 (rule.max == kInt64Max || number <= double(rule.max));
        if (!ok)
            return fail(error, E::Invalid);
        v.integer = integer;
        v.number = number;
        return v;
    }
    case F::String:
    case F::NonEmptyString:
    case F::Choice:
    case F::EnvName:
    case F::HttpUrl:
    case F::ProxyUrl:
    case F::TimeZone: {
        if (!text)
            return fail(error, E::WrongType);
        v.text = rule.type == F::String ? raw.text : raw.text.trimmed();
        if (rule.type == F::ProxyUrl && v.text.isEmpty())
            return v; // empty: direct connections
        if (v.text.isEmpty() && rule.type != F::String)
            return fail(error, rule.type == F::NonEmptyString || rule.type == F::EnvName ? E::Empty : E::Invalid);
        if (rule.type == F::Choice) {
            const std::optional<QString> c = canonicalChoice(rule.choices, v.text);
            if (!c)
                return fail(error, E::Invalid);
            v.text = *c;
        } else if (rule.type == F::EnvName) {
            if (looksLikeSecret(v.text))
                return fail(error, E::LooksLikeSecret);
            if (!isEnvironmentVariableName(v.text))
                return fail(error, E::Invalid);
        } else if (rule.type == F::HttpUrl) {
            const std::optional<QString> url = normalizedHttpUrl(v.text);
            if (!url)
                return fail(error, E::Invalid);
            v.text = *url;
        } else if ((rule.type == F::ProxyUrl && !isProxyUrl(v.text)) ||
                   (rule.type == F::TimeZone && !QTimeZone(v.text.toUtf8()).isValid())) {
            return fail(error, E::Invalid);
        }
        return v;
    }
    case F::StringList:
        if (text && source == ValueSource::Text) {
            v.list = splitCsv(raw.text);
            return v;
        }
        if (raw.kind != K::List)
            return fail(error, E::WrongType);
        for (int i = 0; i < raw.items.size(); ++i) {
            const RawValue &item = raw.items.at(i);
            const QString s = item.text.trimmed();
            if (item.kind != K::Text || s.isEmpty())
                return fail(error, E::BadItem, i);
            if (!v.list.contains(s))
                v.list << s;
        }
        return v;
    case F::Custom:
    case F::Ignored:
        break;
    }
    return v;
}

QString expectationText(const FieldRule &rule)
{
    switch (rule.type) {
    case F::Bool:
        return u"true or false"_s;
    case F::Int:
        if (rule.max >= kIntMax) {
            if (rule.min == 0)
                return u"a non-negative integer"_s;
            if (rule.min == 1)
                return u"a positive integer"_s;
            return u"an integer of at least %1"_s.arg(rule.min);
        }
        return u"an integer between %1 and %2"_s.arg(rule.min).arg(rule.max);
    case F::Number:
        if (rule.minExclusive && rule.max == kInt64Max)
            return u"a number greater than %1"_s.arg(rule.min);
        if (rule.minExclusive)
            return u"a number in (%1, %2]"_s.arg(rule.min).arg(rule.max);
        if (rule.max != kInt64Max)
            return u"a number between %1 and %2"_s.arg(rule.min).arg(rule.max);
        return u"a number of at least %1"_s.arg(rule.min);
    case F::String:
    case F::NonEmptyString: // an empty one is reported as such
        return u"a string"_s;
    case F::Choice:
        return alternatives(choiceNames(rule.choices));
    case F::EnvName:
        return u"the name of an environment variable (letters, digits and '_')"_s;
    case F::HttpUrl:
        return u"an http:// or https:// URL"_s;
    case F::ProxyUrl:
        return u"a proxy URL such as http://proxy:3128 or socks5h://proxy:1080"_s;
    case F::StringList:
        return u"a list of "_s + rule.what.toString();
    case F::TimeZone:
        return u"an IANA time zone name such as UTC, Europe/Berlin or America/New_York"_s;
    case F::Custom:
    case F::Ignored:
        break;
    }
    return u"a valid value"_s;
}

QString diagnosticText(const QString &label, const FieldRule &rule, const RawValue &raw, const FieldError &error)
{
    const QString at = label.isEmpty() ? QString() : label + u": "_s;
    switch (error.kind) {
    case FieldError::Kind::Empty:
        return at + u"must not be empty"_s;
    case FieldError::Kind::LooksLikeSecret:
        // The value is not echoed: it ends up in logs.
        return at + u"expected the name of an environment variable such as OPENAI_API_KEY; the value looks like a "
                    u"key itself (put the key into that variable instead)"_s;
    case FieldError::Kind::BadItem:
        return u"%1[%2]: expected a non-empty string, got %3"_s.arg(label)
            .arg(error.item)
            .arg(raw.items.at(error.item).shown);
    case FieldError::Kind::WrongType:
    case FieldError::Kind::Invalid:
        break;
    }
    if (rule.type == F::ProxyUrl) // may hold credentials
        return at + u"expected "_s + expectationText(rule);
    return at + u"expected %1, got %2"_s.arg(expectationText(rule), raw.shown);
}

QString apiErrorText(QStringView key, const FieldRule &rule, const FieldError &error)
{
    switch (error.kind) {
    case FieldError::Kind::Empty:
        return u"'%1' must not be empty."_s.arg(key);
    case FieldError::Kind::LooksLikeSecret:
        return u"'%1' must name an environment variable; the value looks like a key itself."_s.arg(key);
    case FieldError::Kind::BadItem:
        return u"'%1' must hold non-empty strings."_s.arg(key);
    case FieldError::Kind::WrongType:
    case FieldError::Kind::Invalid:
        break;
    }
    return u"'%1' must be %2."_s.arg(key, expectationText(rule));
}

std::span<const Field<Config>> configFields()
{
    return kConfigFields;
}

const Field<Config> *configField(QStringView path)
{
    return findField(configFields(), path);
}

std::span<const Field<EndpointDraft>> endpointFields()
{
    return kEndpointFields;
}

const Field<EndpointDraft> *endpointField(QStringView key)
{
    return findField(endpointFields(), key);
}

std::optional<EndpointProblem> settleEndpoint(EndpointDraft *draft)
{
    EndpointConfig &e = draft->config;
    const ProviderPreset *preset = nullptr;
    if (draft->provider) {
        preset = findProviderPreset(*draft->provider);
        if (!preset)
            return EndpointProblem{u"provider"_s, unknownProviderText(*draft->provider), "unknown_provider"};
    } else {
        preset = findProviderPreset(e.id);
        if (!preset)
            preset = findProviderPreset(u"openai_compatible");
    }
    e.provider = preset->name.toString();
    if (draft->baseUrl)
        e.baseUrl = *draft->baseUrl;
    else if (!preset->defaultBaseUrl.isEmpty())
        e.baseUrl = preset->defaultBaseUrl.toString();
    else
        return EndpointProblem{u"base_url"_s, u"base_url is required for provider %1"_s.arg(e.provider),
                               "missing_base_url"};
    return std::nullopt;
}

QString resolveEndpointKey(EndpointConfig *e, const std::optional<QString> &literal, const KeySources &sources,
                           const std::function<QString(const QString &)> &variable)
{
    e->apiKey.clear();
    e->apiKeyEnv.clear();
    e->apiKeyKeychain.clear();
    if (literal && !isPlaceholderSecret(*literal)) {
        e->apiKey = literal->trimmed();
        return {};
    }
    // The keychain entry first; where it cannot be read (no keychain on a headless server), the
    // variables as without one, and the keychain's problem is reported only if no key was found.
    QString keychainProblem;
    if (sources.keychain) {
        e->apiKeyKeychain = sources.keychain->trimmed();
        if (!SecretStore::isValidName(e->apiKeyKeychain)) {
            keychainProblem =
                u"api_key_keychain \"%1\" is not an entry name (letters, digits and -_.:@/)"_s.arg(e->apiKeyKeychain);
        } else if (const SecretResult secret = SecretStore::system()->read(e->apiKeyKeychain); !secret.ok) {
            keychainProblem = secret.error;
        } else if (isPlaceholderSecret(secret.value)) {
            keychainProblem = u"the keychain entry \"%1\" holds no key"_s.arg(e->apiKeyKeychain);
        } else {
            e->apiKey = secret.value.trimmed();
            return {};
        }
    }
    const ProviderPreset *preset = findProviderPreset(e->provider);
    if (sources.variable) {
        e->apiKeyEnv = *sources.variable;
    } else if (preset && !preset->keyEnv.isEmpty()) {
        const QString defaultHost = QUrl(preset->defaultBaseUrl.toString()).host();
        if (defaultHost.isEmpty() || QUrl(e->baseUrl).host().compare(defaultHost, Qt::CaseInsensitive) == 0)
            e->apiKeyEnv = preset->keyEnv.toString();
    }
    if (!e->apiKeyEnv.isEmpty()) {
        const QString value = variable(e->apiKeyEnv);
        if (!isPlaceholderSecret(value))
            e->apiKey = value.trimmed();
    }
    return e->apiKey.isEmpty() ? keychainProblem : QString();
}

bool readEndpointJson(const QJsonObject &object, EndpointDraft *draft, JsonFieldError *error)
{
    QStringList known;
    for (const Field<EndpointDraft> &f : endpointFields()) {
        if (f.sources & FromJson)
            known << f.path.toString();
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        const QString hint = closestName(it.key(), known);
        *error = {u"Unknown field '%1'; %2expected %3."_s.arg(
                      it.key(), hint.isEmpty() ? QString() : u"did you mean '%1'? "_s.arg(hint), known.join(u", "_s)),
                  "unknown_field", it.key().toUtf8()};
        return false;
    }
    for (const Field<EndpointDraft> &f : endpointFields()) {
        const QJsonValue value = object.value(f.path);
        if (!(f.sources & FromJson) || !f.apply || value.isUndefined() || value.isNull())
            continue;
        FieldError problem;
        const std::optional<FieldValue> v = readValue(f.rule, RawValue::fromJson(value), ValueSource::Json, &problem);
        if (!v) {
            const bool typeError =
                problem.kind == FieldError::Kind::WrongType || problem.kind == FieldError::Kind::BadItem;
            *error = {apiErrorText(f.path, f.rule, problem), typeError ? "invalid_type" : f.rule.code, f.path.toUtf8()};
            return false;
        }
        f.apply(*draft, *v);
    }
    return true;
}

int editDistance(QStringView a, QStringView b)
{
    QList<int> prev(b.size() + 1), cur(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

QString closestName(QStringView key, const QStringList &candidates)
{
    QString closest;
    int best = 3;
    for (const QString &c : candidates) {
        const int d = editDistance(key, c);
        if (d < best) {
            best = d;
            closest = c;
        }
    }
    return closest;
}

QString unknownProviderText(const QString &name)
{
    QStringList names;
    for (const ProviderPreset &p : providerPresets())
        names << p.name.toString();
    QString text = u"unknown provider \"%1\""_s.arg(name);
    if (const QString closest = closestName(name.toLower(), names); !closest.isEmpty())
        text += u" (did you mean \"%1\"?)"_s.arg(closest);
    return text + u"; expected one of: "_s + names.join(u", "_s);
}

bool isValidEndpointId(QStringView id)
{
    if (id.isEmpty())
        return false;
    for (QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

bool isEnvironmentVariableName(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            return false;
    }
    return true;
}

std::optional<QString> normalizedHttpUrl(const QString &raw)
{
    QString s = raw.trimmed();
    while (s.endsWith(u'/'))
        s.chop(1);
    const QUrl url(s, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty() || url.hasFragment())
        return std::nullopt;
    return s;
}

bool isPlaceholderSecret(QStringView value)
{
    const QStringView v = value.trimmed();
    if (v.isEmpty())
        return true;
    // Example files abbreviate keys as a prefix and an ellipsis: "sk-...", "sk-proj-...", "AIza...", "gsk_...".
    if (v.endsWith(u"...") || v.endsWith(u'\u2026'))
        return true;
    if (v.contains(u"change-me", Qt::CaseInsensitive) || v.contains(u"changeme", Qt::CaseInsensitive) ||
        v.contains(u"change_me", Qt::CaseInsensitive))
        return true;
    // "<your key>" and an unexpanded shell reference such as "${OPENAI_API_KEY}" are never real keys.
    if ((v.startsWith(u'<') && v.endsWith(u'>')) || (v.startsWith(u"${") && v.endsWith(u'}')))
        return true;
    static constexpr QStringView exact[] = {
        u"your-api-key", u"your_api_key", u"your-api-key-here", u"your_api_key_here", u"your-key-here",
        u"api-key",      u"xxx"};
    return std::any_of(std::begin(exact), std::end(exact),
                       [v](QStringView e) { return v.compare(e, Qt::CaseInsensitive) == 0; });
}

} // namespace llmproxy

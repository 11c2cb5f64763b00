// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/adminapi.h"

#include "proxycore/api/adminapi_p.h"

#include "proxycore/api/apirouter.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/cache/cachekey.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/config/configschema.h"
#include "proxycore/formats/jsonindex.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/providers/providerpreset.h"
#include "proxycore/security/corpussimilarity.h"
#include "proxycore/security/injectionclassifier.h"
#include "proxycore/security/injectionpatterns.h"
#include "proxycore/security/requestscanner.h"
#include "proxycore/security/signaturestore.h"
#include "proxycore/store/store.h"
#include "proxycore/util/sha256.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrl>

#include <functional>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcAdmin, "llmproxy.admin")

namespace {

using namespace adminapi;

ApiError conflict(const QString &message, QByteArray code)
{
    return {409, message, QByteArrayLiteral("invalid_request_error"), std::move(code), {}};
}

ApiError unknownEndpoint(const QString &id)
{
    return ApiError::notFound(QStringLiteral("No endpoint has the id '%1'; GET /api/v1/registry lists them.").arg(id),
                              QByteArrayLiteral("endpoint_not_found"));
}

/// Who did it, for the log: the start of the SHA-256 of the admin key, never the key.
QByteArray fingerprint(QByteArrayView key)
{
    return sha256Hex(key).left(8);
}

/// Runs `work` on the engine's thread, then `done` with its result on this worker's thread.
void runOnEngine(AdminControl *control, QObject *workerContext, std::function<AdminReply(AdminControl &)> work,
                 std::function<void(const AdminReply &)> done)
{
    runOnThread(
        control->adminContext(), workerContext, [control, work = std::move(work)] { return work(*control); },
        std::move(done));
}

/// An endpoint as GET /api/v1/registry shows it. Never the key: whether there is one, and the
/// variable it came from. `nowMs` is on the engine's clock (SharedState::nowMs()).
QJsonObject entryJson(const RegistryEntry &entry, qint64 nowMs)
{
    const EndpointConfig &e = entry.config;
    const ProviderPreset *preset = findProviderPreset(e.provider);
    QJsonObject o{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("source"), e.source},
        {QStringLiteral("provider"), preset ? preset->name.toString() : e.provider},
        {QStringLiteral("base_url"), e.baseUrl},
        {QStringLiteral("models"), QJsonArray::fromStringList(e.models)},
        {QStringLiteral("priority"), e.priority},
        {QStringLiteral("weight"), e.weight},
        {QStringLiteral("enabled"), e.enabled},
        {QStringLiteral("has_key"), !e.apiKey.isEmpty()},
        {QStringLiteral("api_key_env"), e.apiKeyEnv.isEmpty() ? QJsonValue() : QJsonValue(e.apiKeyEnv)},
        {QStringLiteral("api_key_keychain"), e.apiKeyKeychain.isEmpty() ? QJsonValue() : QJsonValue(e.apiKeyKeychain)}};
    if (!e.apiVersion.isEmpty())
        o.insert(QStringLiteral("api_version"), e.apiVersion);
    if (e.costPerMtok > 0)
        o.insert(QStringLiteral("cost_per_mtok"), e.costPerMtok);
    const EndpointHealth *health = entry.health.get();
    if (!health) {
        // Not routed (disabled): it has no breaker or statistics at the moment.
        o.insert(QStringLiteral("breaker"), QJsonValue());
        o.insert(QStringLiteral("probe"), QJsonValue());
        o.insert(QStringLiteral("stats"), QJsonValue());
        return o;
    }
    o.insert(QStringLiteral("breaker"),
             QJsonObject{{QStringLiteral("state"), breakerStateName(health->breaker.state(nowMs))},
                         {QStringLiteral("consecutive_failures"), health->breaker.consecutiveFailures()}});
    // Not checked on a schedule: "off", unless a check asked for by hand has answered.
    const bool probed = e.probe || health->lastProbeEpochMs.load(std::memory_order_relaxed) > 0;
    o.insert(QStringLiteral("probe"),
             probed ? probeName(health->probe.load(std::memory_order_relaxed)) : QStringLiteral("off"));
    const ModelStats &s = health->total;
    o.insert(QStringLiteral("stats"), QJsonObject{{QStringLiteral("requests"), qint64(s.requests())},
                                                  {QStringLiteral("failures"), qint64(s.failures())},
                                                  {QStringLiteral("latency_ms"), s.latencyMs()},
                                                  {QStringLiteral("success_rate"), s.successRate()}});
    return o;
}

} // namespace

namespace adminapi {

std::optional<QJsonObject> bodyObject(const QByteArray &body, ApiError *error)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    // Read as strictly as inference requests: a key given twice is refused, not resolved by
    // whichever copy a parser happens to keep.
    const JsonIndex index = JsonIndex::build(body);
    if (index.error() == JsonIndex::Error::DuplicateKey) {
        *error = badRequest(QStringLiteral("The request body has the key '%1' twice (at %2).")
                                .arg(index.duplicateKey(), index.errorPath()),
                            QByteArrayLiteral("duplicate_key"), index.duplicateKey().toUtf8());
        return std::nullopt;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!index.isValid() || parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = badRequest(QStringLiteral("The request body must be a JSON object."), QByteArrayLiteral("invalid_json"));
        return std::nullopt;
    }
    return doc.object();
}

bool readFlag(const QByteArray &body, QLatin1String field, std::optional<bool> *value, ApiError *error)
{
    const std::optional<QJsonObject> o = bodyObject(body, error);
    if (!o)
        return false;
    for (auto it = o->begin(); it != o->end(); ++it) {
        if (it.key() != field) {
            *error = badRequest(QStringLiteral("Unknown field '%1'; the body may only carry '%2' (true or false).")
                                    .arg(it.key(), field),
                                QByteArrayLiteral("unknown_field"), it.key().toUtf8());
            return false;
        }
        if (!it.value().isBool()) {
            *error = badRequest(QStringLiteral("'%1' must be true or false.").arg(field), QByteArrayLiteral("invalid_type"),
                                QByteArray(field.data(), field.size()));
            return false;
        }
        *value = it.value().toBool();
    }
    return true;
}

} // namespace adminapi

namespace {

QString sourceDescription(const QString &source)
{
    if (source == u"env")
        return QStringLiteral("the environment");
    if (source == u"discovery")
        return QStringLiteral("local discovery");
    return QStringLiteral("the configuration file");
}

QJsonValue optionalBool(std::optional<bool> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject countersJson(const GuardCounters &c)
{
    return {{QStringLiteral("scanned"), qint64(c.scanned)},
            {QStringLiteral("blocked"), qint64(c.blocked)},
            {QStringLiteral("masked"), qint64(c.masked)},
            {QStringLiteral("flagged"), qint64(c.flagged)}};
}

/// Every guard with its switch state: GET /api/v1/features and the status.
QJsonObject featuresJson(const SecurityGuards &guards)
{
    QJsonObject features;
    for (const GuardInfo &g : guardInfos()) {
        features.insert(QString::fromLatin1(g.id),
                        QJsonObject{{QStringLiteral("enabled"), guards.isOn(g.guard)},
                                    {QStringLiteral("configured"), guards.configured(g.guard)},
                                    {QStringLiteral("override"), optionalBool(guards.override(g.guard))},
                                    {QStringLiteral("title"), QString::fromUtf8(g.title)},
                                    {QStringLiteral("description"), QString::fromUtf8(g.description)}});
    }
    return QJsonObject{{QStringLiteral("security"), guards.masterOn()},
                       {QStringLiteral("security_override"), optionalBool(guards.masterOverride())},
                       {QStringLiteral("features"), features}};
}

QJsonObject guardsStatusJson(const SecurityGuards &guards, const RequestScanner &scanner)
{
    const std::shared_ptr<const SecurityConfig> config = guards.config();
    QJsonArray list;
    for (const GuardInfo &g : guardInfos()) {
        QJsonObject o = countersJson(guards.counters(g.guard));
        o.insert(QStringLiteral("id"), QString::fromLatin1(g.id));
        o.insert(QStringLiteral("title"), QString::fromUtf8(g.title));
        o.insert(QStringLiteral("enabled"), guards.isOn(g.guard));
        list.append(o);
    }
    const SignatureStoreStatus signatures = scanner.signatures().status();
    QString disabledReason = config->firewallDisabledReason;
    if (disabledReason.isEmpty() && !guards.masterOn())
        disabledReason = QStringLiteral("security disabled");
    else if (disabledReason.isEmpty() && guards.override(Guard::Firewall) == false)
        disabledReason = QStringLiteral("toggle:firewall");
    const InjectionClassifier *classifier = scanner.classifier();
    return QJsonObject{
        {QStringLiteral("enabled"), guards.masterOn()},
        {QStringLiteral("requests"), QJsonObject{{QStringLiteral("scanned"), qint64(guards.requestsScanned())},
                                                 {QStringLiteral("blocked"), qint64(guards.requestsBlocked())},
                                                 {QStringLiteral("cache_hits"), qint64(guards.cacheHits())}}},
        {QStringLiteral("scan_time_us"), QJsonObject{{QStringLiteral("p50"), guards.scanPercentileUs(0.50)},
                                                     {QStringLiteral("p95"), guards.scanPercentileUs(0.95)},
                                                     {QStringLiteral("p99"), guards.scanPercentileUs(0.99)},
                                                     {QStringLiteral("max"), guards.scanMaxUs()}}},
        {QStringLiteral("guards"), list},
        {QStringLiteral("firewall"),
         QJsonObject{{QStringLiteral("enabled"), guards.isOn(Guard::Firewall)},
                     {QStringLiteral("disabled_reason"),
                      disabledReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(disabledReason)},
                     {QStringLiteral("signatures_count"), signatures.count},
                     {QStringLiteral("signatures_source"), signatures.source},
                     {QStringLiteral("last_error"), signatures.lastError.isEmpty()
                                                        ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(signatures.lastError)}}},
        {QStringLiteral("injection"),
         QJsonObject{{QStringLiteral("enabled"), guards.isOn(Guard::Injection)},
                     {QStringLiteral("patterns"), InjectionPatterns::instance().size()},
                     {QStringLiteral("languages"), InjectionPatterns::instance().languages()},
                     {QStringLiteral("corpus_patterns"), scanner.corpus().size()},
                     {QStringLiteral("classifier"), classifier != nullptr},
                     {QStringLiteral("block_threshold"), scanner.blockThreshold()}}},
        {QStringLiteral("threat_ledger"), QJsonObject{{QStringLiteral("enabled"), guards.isOn(Guard::ThreatLedger)},
                                                      {QStringLiteral("tracked_actors"), guards.ledgerActors()},
                                                      {QStringLiteral("max_actors"), config->threatLedgerMaxActors},
                                                      {QStringLiteral("window_seconds"), config->threatLedgerWindowS},
                                                      {QStringLiteral("threshold"), config->threatLedgerThreshold}}},
        {QStringLiteral("response_signing"), QJsonObject{{QStringLiteral("enabled"), guards.isOn(Guard::Signing)}}},
    };
}

QJsonObject eventJson(const SecurityEvent &e)
{
    return {{QStringLiteral("id"), qint64(e.id)},        {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("request_id"), e.requestId}, {QStringLiteral("key"), e.keyName},
            {QStringLiteral("model"), e.model},          {QStringLiteral("layer"), e.layer},
            {QStringLiteral("action"), e.action},        {QStringLiteral("reason"), e.reason},
            {QStringLiteral("detail"), e.detail},        {QStringLiteral("score"), e.score}};
}

/// A non-negative integer query parameter, or `fallback`.
int queryInt(const QByteArray &query, const char *name, int fallback, int max)
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && pair.left(eq) == name) {
            bool ok = false;
            const int v = pair.mid(eq + 1).toInt(&ok);
            if (ok && v >= 0)
                return std::min(v, max);
        }
    }
    return fallback;
}

/// Query parameter `name`, percent-decoded; nullopt when absent.
std::optional<QString> queryString(const QByteArray &query, QByteArrayView name)
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && QByteArrayView(pair).first(eq) == name)
            return QUrl::fromPercentEncoding(pair.mid(eq + 1));
    }
    return std::nullopt;
}

/// GET /api/v1/cache: the settings in force, the counters, and the entries per scope.
QJsonObject cacheJson(const ResponseCache &cache, const CachingConfig &config)
{
    const ResponseCacheStats s = cache.stats();
    QJsonArray scopes;
    for (const ResponseCache::ScopeUsage &u : cache.scopes())
        scopes.append(QJsonObject{{QStringLiteral("scope"), u.scope},
                                  {QStringLiteral("entries"), u.entries},
                                  {QStringLiteral("bytes"), u.bytes}});
    const quint64 lookups = s.hits + s.misses;
    return {{QStringLiteral("enabled"), config.enabled},
            {QStringLiteral("ttl"), config.ttlS},
            {QStringLiteral("max_entries"), s.maxEntries},
            {QStringLiteral("max_bytes"), s.maxBytes},
            {QStringLiteral("max_entry_bytes"), cache.maxEntryBytes()},
            {QStringLiteral("entries"), s.entries},
            {QStringLiteral("bytes"), s.bytes},
            {QStringLiteral("hits"), qint64(s.hits)},
            {QStringLiteral("misses"), qint64(s.misses)},
            {QStringLiteral("bypasses"), qint64(s.bypasses)},
            {QStringLiteral("stores"), qint64(s.stores)},
            {QStringLiteral("evictions"), qint64(s.evictions)},
            {QStringLiteral("expirations"), qint64(s.expirations)},
            {QStringLiteral("oversize"), qint64(s.oversize)},
            {QStringLiteral("hit_ratio"), lookups ? QJsonValue(double(s.hits) / double(lookups)) : QJsonValue()},
            {QStringLiteral("scopes"), scopes}};
}

QJsonObject clientKeyJson(const ClientKeyInfo &k)
{
    QJsonObject o{{QStringLiteral("name"), k.name},
                  {QStringLiteral("source"), k.source},
                  {QStringLiteral("models"), QJsonArray::fromStringList(k.models)}};
    if (!k.prefix.isEmpty())
        o.insert(QStringLiteral("prefix"), k.prefix);
    if (k.created.isValid())
        o.insert(QStringLiteral("created"), k.created.toString(Qt::ISODate));
    return o;
}

/// Whether `view` has an alias (kind 0), fallback chain (1) or route override (2) named `name`.
bool routingHas(const RoutingView &view, int kind, const QString &name)
{
    if (kind == 0)
        return std::any_of(view.aliases.cbegin(), view.aliases.cend(), [&](const auto &a) { return a.name == name; });
    if (kind == 1)
        return std::any_of(view.chains.cbegin(), view.chains.cend(), [&](const auto &c) { return c.model == name; });
    return view.clientRoutes.contains(name);
}

/// The routing in force (RoutingView: each entry with where it comes from, "config" or "runtime"),
/// for GET /api/v1/routing and the answers of its changes.
QJsonObject routingJson(const Config &effective, const RoutingOverlay &overlay)
{
    const RoutingView view = RoutingView::of(effective, overlay);
    const auto source = [](bool runtime) { return runtime ? QStringLiteral("runtime") : QStringLiteral("config"); };
    QJsonArray aliases;
    for (const RoutingView::Alias &a : view.aliases)
        aliases.append(QJsonObject{{QStringLiteral("name"), a.name},
                                   {QStringLiteral("target"), a.target},
                                   {QStringLiteral("source"), source(a.runtime)}});
    QJsonArray chains;
    for (const RoutingView::Chain &c : view.chains) {
        QJsonArray hops;
        for (const FallbackHop &hop : c.hops)
            hops.append(QJsonObject{{QStringLiteral("endpoint"), hop.endpoint}, {QStringLiteral("model"), hop.model}});
        chains.append(QJsonObject{{QStringLiteral("model"), c.model},
                                  {QStringLiteral("hops"), hops},
                                  {QStringLiteral("source"), source(c.runtime)}});
    }
    QJsonObject routes;
    for (const QString &api : clientRouteApis()) {
        const auto it = view.clientRoutes.constFind(api);
        routes.insert(api, it == view.clientRoutes.cend()
                               ? QJsonValue(QJsonValue::Null)
                               : QJsonValue(QJsonObject{{QStringLiteral("model"), it->model},
                                                        {QStringLiteral("endpoint"), it->endpoint}}));
    }
    return {{QStringLiteral("model_aliases"), aliases},
            {QStringLiteral("fallback_chains"), chains},
            {QStringLiteral("client_routes"), routes}};
}

} // namespace

std::optional<NewEndpoint> parseNewEndpoint(const QByteArray &body, const ServerConfig &server, ApiError *error)
{
    std::optional<QJsonObject> o = bodyObject(body, error);
    if (!o)
        return std::nullopt;
    JsonFieldError fieldError;
    std::optional<NewEndpoint> endpoint = parseNewEndpoint(*o, server, &fieldError);
    if (!endpoint)
        *error = badRequest(fieldError.message, fieldError.code, fieldError.param);
    return endpoint;
}

std::function<void(const adminapi::AdminReply &)>
ApiRouter::adminAnswer(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    HttpRequest head;
    head.method = request.method;
    head.path = request.path;
    head.receivedNs = request.receivedNs;
    return [this, head = std::move(head), responder](const adminapi::AdminReply &result) {
        if (result.error)
            reply(head, responder, *result.error);
        else
            responder->respond(result.status, adminapi::adminHeaders(), result.body);
    };
}

void ApiRouter::handleAdmin(HttpRequest &&request, const std::shared_ptr<HttpResponder> &responder)
{
    QByteArrayView path = request.path;
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);

    // Fail closed: without admin keys there is no admin API at all.
    const RoutingSnapshotPtr snapshot = m_state->current();
    const std::shared_ptr<const ApiKeyVerifier> adminKeys = m_state->adminKeys.load(std::memory_order_acquire);
    if (!adminKeys || !adminKeys->isEnabled() || !m_state->admin) {
        reply(request, responder,
              ApiError{403,
                       QStringLiteral("admin API disabled: set %1 (comma-separated admin keys) to enable it")
                           .arg(snapshot->config().server.adminKeysEnv),
                       QByteArrayLiteral("permission_error"), QByteArrayLiteral("admin_disabled"), {}});
        return;
    }
    // Admin keys only: an inference key, however valid, does not open the admin API.
    const QByteArray key = ApiKeyVerifier::presentedKey(request);
    if (key.isEmpty()) {
        reply(request, responder,
              ApiError::unauthorized(QStringLiteral("Missing admin key. Send it as 'Authorization: Bearer <key>' or "
                                                    "'x-api-key: <key>'.")));
        return;
    }
    if (!adminKeys->verify(key)) {
        reply(request, responder, ApiError::unauthorized(QStringLiteral("Incorrect admin key provided.")));
        return;
    }
    const QByteArray who = fingerprint(key);

    // Every mutating admin call that succeeds goes on the audit ledger (GDPR calls record themselves).
    AuditService *const audit = m_state->store ? m_state->store->audit() : nullptr;
    const bool mutating =
        request.method == "POST" || request.method == "PUT" || request.method == "PATCH" || request.method == "DELETE";
    if (audit && mutating && !path.startsWith("/api/v1/gdpr/")) {
        AuditEvent event;
        event.category = AuditCategory::Admin;
        event.action = QStringLiteral("admin.call");
        event.actor = QString::fromLatin1(who);
        event.actorRole = QStringLiteral("admin");
        event.clientIp = request.peer.toString();
        event.details = QJsonObject{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                                    {QStringLiteral("route"), QString::fromUtf8(path.toByteArray())}};
        responder->setOnResponded([audit, event = std::move(event)](int status) mutable {
            if (status >= 400)
                return;
            event.timeMs = QDateTime::currentMSecsSinceEpoch();
            event.outcome = QStringLiteral("ok");
            event.details.insert(QStringLiteral("status"), status);
            audit->record(std::move(event));
        });
    }

    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    const bool del = request.method == "DELETE";
    const bool put = request.method == "PUT";
    const QByteArrayView route = path.sliced(qsizetype(sizeof("/api/v1") - 1));
    const auto methodNotAllowed = [&](const char *allowed) {
        reply(request, responder, ApiError::methodNotAllowed(allowed, path));
    };
    const auto answer = [this, &request, &responder] { return adminAnswer(request, responder); };
    // Answers the client once the engine's thread has done its part.
    const auto onEngine = [this, &answer](std::function<AdminReply(AdminControl &)> work) {
        runOnEngine(m_state->admin, m_context, std::move(work), answer());
    };

    if (route == "/version") {
        if (!get)
            return methodNotAllowed("GET");
        responder->respond(200, adminHeaders(),
                           compact(QJsonObject{{QStringLiteral("name"), QStringLiteral("llmproxy")},
                                               {QStringLiteral("version"), QStringLiteral(LLMPROXY_VERSION)},
                                               {QStringLiteral("api"), QStringLiteral("v1")}}));
        return;
    }

    if (route == "/panic") {
        if (get) {
            responder->respond(200, adminHeaders(),
                               compact(QJsonObject{{QStringLiteral("enabled"),
                                                    m_state->panic.load(std::memory_order_relaxed)}}));
            return;
        }
        if (!post)
            return methodNotAllowed("GET or POST");
        std::optional<bool> enabled;
        ApiError error;
        if (!readFlag(request.body, QLatin1String("enabled"), &enabled, &error))
            return reply(request, responder, error);
        const bool on = enabled.value_or(true); // no body: engage
        onEngine([on, who](AdminControl &control) {
            control.setPanic(on);
            qCWarning(lcAdmin, "admin key %s: kill switch %s", who.constData(), on ? "engaged" : "released");
            return ok(QJsonObject{{QStringLiteral("enabled"), control.isPanic()}});
        });
        return;
    }

    if (route == "/proxy/toggle") {
        if (!post)
            return methodNotAllowed("POST");
        std::optional<bool> paused;
        ApiError error;
        if (!readFlag(request.body, QLatin1String("paused"), &paused, &error))
            return reply(request, responder, error);
        onEngine([paused, who](AdminControl &control) {
            const bool target = paused.value_or(!control.isPaused());
            control.setPaused(target);
            qCInfo(lcAdmin, "admin key %s: proxy %s", who.constData(), target ? "paused" : "resumed");
            return ok(QJsonObject{{QStringLiteral("paused"), control.isPaused()}});
        });
        return;
    }

    if (route == "/registry") {
        if (get) {
            onEngine([state = m_state](AdminControl &control) {
                QJsonArray endpoints;
                const qint64 nowMs = state->nowMs();
                for (const RegistryEntry &entry : control.registry())
                    endpoints.append(entryJson(entry, nowMs));
                return ok(QJsonObject{{QStringLiteral("endpoints"), endpoints}});
            });
            return;
        }
        if (!post)
            return methodNotAllowed("GET or POST");
        ApiError error;
        std::optional<NewEndpoint> endpoint = parseNewEndpoint(request.body, snapshot->config().server, &error);
        if (!endpoint)
            return reply(request, responder, error);
        onEngine([endpoint = std::move(*endpoint), who, state = m_state](AdminControl &control) {
            RegistryEntry added;
            if (control.addEndpoint(endpoint, &added) == RegistryChange::DuplicateId)
                return failed(conflict(QStringLiteral("An endpoint with the id '%1' exists already.").arg(endpoint.config.id),
                                       QByteArrayLiteral("endpoint_exists")));
            qCInfo(lcAdmin, "admin key %s: added endpoint %s (%s at %s)", who.constData(),
                   qPrintable(added.config.id), qPrintable(added.config.provider), qPrintable(added.config.baseUrl));
            return ok(entryJson(added, state->nowMs()), 201);
        });
        return;
    }

    if (route.startsWith("/registry/")) {
        QByteArrayView rest = route.sliced(qsizetype(sizeof("/registry/") - 1));
        QByteArrayView action;
        for (QByteArrayView a : {QByteArrayView("/toggle"), QByteArrayView("/probe"), QByteArrayView("/reset")}) {
            if (rest.endsWith(a)) {
                rest.chop(a.size());
                action = a;
                break;
            }
        }
        const bool toggle = action == "/toggle";
        const QString id = QUrl::fromPercentEncoding(rest.toByteArray());
        if (id.isEmpty() || rest.contains('/')) {
            reply(request, responder,
                  ApiError::notFound(QStringLiteral("Unknown request URL: %1 %2")
                                         .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                                     QByteArrayLiteral("unknown_url")));
            return;
        }
        if (toggle) {
            if (!post)
                return methodNotAllowed("POST");
            std::optional<bool> enabled;
            ApiError error;
            if (!readFlag(request.body, QLatin1String("enabled"), &enabled, &error))
                return reply(request, responder, error);
            onEngine([id, enabled, who, state = m_state](AdminControl &control) {
                RegistryEntry entry;
                if (control.setEndpointEnabled(id, enabled, &entry) != RegistryChange::Done)
                    return failed(unknownEndpoint(id));
                qCInfo(lcAdmin, "admin key %s: endpoint %s %s", who.constData(), qPrintable(entry.config.id),
                       entry.config.enabled ? "enabled" : "disabled");
                return ok(entryJson(entry, state->nowMs()));
            });
            return;
        }
        if (action == "/probe") {
            if (!post)
                return methodNotAllowed("POST");
            ApiError error;
            if (!bodyObject(request.body, &error))
                return reply(request, responder, error);
            onEngine([id, who](AdminControl &control) {
                QString why;
                switch (control.probeEndpoint(id, &why)) {
                case RegistryChange::Done:
                    qCInfo(lcAdmin, "admin key %s: health check of endpoint %s", who.constData(), qPrintable(id));
                    return ok(
                        QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("probe"), QStringLiteral("started")}},
                        202);
                case RegistryChange::NotRouted:
                    return failed(
                        conflict(why.front().toUpper() + why.mid(1) + u'.', QByteArrayLiteral("endpoint_not_routed")));
                default:
                    return failed(unknownEndpoint(id));
                }
            });
            return;
        }
        if (action == "/reset") {
            if (!post)
                return methodNotAllowed("POST");
            ApiError error;
            if (!bodyObject(request.body, &error))
                return reply(request, responder, error);
            onEngine([id, who, state = m_state](AdminControl &control) {
                switch (control.resetBreaker(id)) {
                case RegistryChange::Done:
                    break;
                case RegistryChange::NotRouted:
                    return failed(conflict(QStringLiteral("The endpoint '%1' is disabled: it has no circuit breaker "
                                                          "until it is enabled.")
                                               .arg(id),
                                           QByteArrayLiteral("endpoint_not_routed")));
                default:
                    return failed(unknownEndpoint(id));
                }
                qCInfo(lcAdmin, "admin key %s: circuit breaker of endpoint %s closed", who.constData(), qPrintable(id));
                const std::optional<RegistryEntry> entry = [&]() -> std::optional<RegistryEntry> {
                    for (const RegistryEntry &e : control.registry()) {
                        if (e.config.id.compare(id, Qt::CaseInsensitive) == 0)
                            return e;
                    }
                    return std::nullopt;
                }();
                return entry ? ok(entryJson(*entry, state->nowMs())) : failed(unknownEndpoint(id));
            });
            return;
        }
        if (request.method == "PATCH") {
            ApiError error;
            const std::optional<QJsonObject> edit = bodyObject(request.body, &error);
            if (!edit)
                return reply(request, responder, error);
            onEngine([id, edit = *edit, who, state = m_state](AdminControl &control) {
                RegistryEntry entry;
                JsonFieldError fieldError;
                switch (control.updateEndpoint(id, edit, &entry, &fieldError)) {
                case RegistryChange::Done:
                    qCInfo(lcAdmin, "admin key %s: changed endpoint %s (%s)", who.constData(),
                           qPrintable(entry.config.id), qPrintable(QStringList(edit.keys()).join(u", ")));
                    return ok(entryJson(entry, state->nowMs()));
                case RegistryChange::Invalid:
                    return failed(badRequest(fieldError.message, fieldError.code, fieldError.param));
                case RegistryChange::NotEditable:
                    return failed(ApiError{409, fieldError.message, QByteArrayLiteral("invalid_request_error"),
                                           fieldError.code, fieldError.param});
                default:
                    return failed(unknownEndpoint(id));
                }
            });
            return;
        }
        if (get) {
            onEngine([id, state = m_state](AdminControl &control) {
                for (const RegistryEntry &entry : control.registry()) {
                    if (entry.config.id.compare(id, Qt::CaseInsensitive) == 0)
                        return ok(entryJson(entry, state->nowMs()));
                }
                return failed(unknownEndpoint(id));
            });
            return;
        }
        if (!del)
            return methodNotAllowed("GET, PATCH or DELETE");
        onEngine([id, who](AdminControl &control) {
            QString source;
            QString shownId = id;
            for (const RegistryEntry &entry : control.registry()) {
                if (entry.config.id.compare(id, Qt::CaseInsensitive) == 0) {
                    source = entry.config.source;
                    shownId = entry.config.id;
                    break;
                }
            }
            switch (control.removeEndpoint(id)) {
            case RegistryChange::Done:
                qCInfo(lcAdmin, "admin key %s: removed endpoint %s", who.constData(), qPrintable(shownId));
                return ok(QJsonObject{{QStringLiteral("id"), shownId}, {QStringLiteral("deleted"), true}});
            case RegistryChange::NotRemovable:
                return failed(conflict(QStringLiteral("The endpoint '%1' comes from %2 and cannot be removed here; "
                                                      "disable it with POST /api/v1/registry/%1/toggle.")
                                           .arg(shownId, sourceDescription(source)),
                                       QByteArrayLiteral("endpoint_not_removable")));
            case RegistryChange::UnknownEndpoint:
            case RegistryChange::DuplicateId:
            case RegistryChange::NotEditable:
            case RegistryChange::Invalid:
            case RegistryChange::NotRouted:
                break;
            }
            return failed(unknownEndpoint(id));
        });
        return;
    }

    // -- client keys created at run time ---------------------------------------------------------
    if (route == "/keys") {
        if (get) {
            onEngine([](AdminControl &control) {
                QJsonArray keys;
                for (const ClientKeyInfo &k : control.clientKeys())
                    keys.append(clientKeyJson(k));
                return ok(QJsonObject{{QStringLiteral("keys"), keys}});
            });
            return;
        }
        if (!post)
            return methodNotAllowed("GET or POST");
        ApiError error;
        const std::optional<QJsonObject> o = bodyObject(request.body, &error);
        if (!o)
            return reply(request, responder, error);
        for (auto it = o->begin(); it != o->end(); ++it) {
            if (it.key() != u"name")
                return reply(
                    request, responder,
                    badRequest(QStringLiteral("Unknown field '%1'; the body carries only 'name'.").arg(it.key()),
                               QByteArrayLiteral("unknown_field"), it.key().toUtf8()));
        }
        const QString name = o->value(QStringLiteral("name")).toString();
        onEngine([name, who](AdminControl &control) {
            QByteArray created;
            ClientKeyInfo info;
            switch (control.createClientKey(name, &created, &info)) {
            case KeyChange::Done:
                break;
            case KeyChange::InvalidName:
                return failed(badRequest(QStringLiteral("'name' must have 1 to 64 letters, digits, '.', '_' or '-'."),
                                         QByteArrayLiteral("invalid_key_name"), QByteArrayLiteral("name")));
            case KeyChange::DuplicateName:
                return failed(conflict(QStringLiteral("A client key named '%1' exists already.").arg(name),
                                       QByteArrayLiteral("key_exists")));
            case KeyChange::UnknownKey:
            case KeyChange::NotRemovable:
                break;
            }
            qCInfo(lcAdmin, "admin key %s: client key %s created", who.constData(), qPrintable(info.name));
            QJsonObject body = clientKeyJson(info);
            body.insert(QStringLiteral("key"), QString::fromLatin1(created)); // shown this once
            return ok(body, 201);
        });
        return;
    }
    if (route.startsWith("/keys/")) {
        const QByteArrayView rest = route.sliced(qsizetype(sizeof("/keys/") - 1));
        const QString name = QUrl::fromPercentEncoding(rest.toByteArray());
        if (!name.isEmpty() && !rest.contains('/')) {
            if (!del)
                return methodNotAllowed("DELETE");
            onEngine([name, who](AdminControl &control) {
                switch (control.revokeClientKey(name)) {
                case KeyChange::Done:
                    qCInfo(lcAdmin, "admin key %s: client key %s revoked", who.constData(), qPrintable(name));
                    return ok(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("deleted"), true}});
                case KeyChange::NotRemovable:
                    return failed(conflict(QStringLiteral("The client key '%1' comes from config.yaml; remove it "
                                                          "there and reload.")
                                               .arg(name),
                                           QByteArrayLiteral("key_not_removable")));
                case KeyChange::UnknownKey:
                case KeyChange::InvalidName:
                case KeyChange::DuplicateName:
                    break;
                }
                return failed(ApiError::notFound(QStringLiteral("No client key named '%1'.").arg(name),
                                                 QByteArrayLiteral("unknown_key")));
            });
            return;
        }
    }

    // -- routing changed at run time: aliases, fallback chains, route overrides per client API ------
    if (route == "/routing") {
        if (!get)
            return methodNotAllowed("GET");
        onEngine([state = m_state](AdminControl &control) {
            return ok(routingJson(state->current()->config(), control.routingOverlay()));
        });
        return;
    }
    if (route == "/routing/reset") {
        if (!post)
            return methodNotAllowed("POST");
        onEngine([state = m_state, who](AdminControl &control) {
            control.setRoutingOverlay({});
            qCInfo(lcAdmin, "admin key %s: routing changes dropped; config.yaml's aliases and chains apply",
                   who.constData());
            return ok(routingJson(state->current()->config(), control.routingOverlay()));
        });
        return;
    }
    for (const auto &routingList :
         {std::pair{QByteArrayView("/routing/aliases/"), 0}, std::pair{QByteArrayView("/routing/fallbacks/"), 1},
          std::pair{QByteArrayView("/routing/client-routes/"), 2}}) {
        const QByteArrayView prefix = routingList.first;
        const int kind = routingList.second; // 0 alias, 1 fallback chain, 2 route override
        if (!route.startsWith(prefix))
            continue;
        const QByteArrayView rest = route.sliced(prefix.size());
        const QString name = QUrl::fromPercentEncoding(rest.toByteArray());
        if (name.isEmpty() || rest.contains('/'))
            break;
        if (!put && !del)
            return methodNotAllowed("PUT or DELETE");
        // The change as a function of the overlay; checked here, applied on the engine's thread.
        std::function<void(RoutingOverlay &)> change;
        if (del) {
            change = [kind, name](RoutingOverlay &o) {
                if (kind == 0)
                    o.aliases.insert(name, std::nullopt);
                else if (kind == 1)
                    o.fallbackChains.insert(name, std::nullopt);
                else
                    o.clientRoutes.remove(name);
            };
        } else {
            ApiError error;
            const std::optional<QJsonObject> o = bodyObject(request.body, &error);
            if (!o)
                return reply(request, responder, error);
            QString why;
            QByteArray param;
            if (kind == 0) {
                const QString target = o->value(QStringLiteral("target")).toString().trimmed();
                why = RoutingOverlay::checkAlias(name, target);
                param = "target";
                change = [name, target](RoutingOverlay &r) { r.aliases.insert(name, target); };
            } else if (kind == 1) {
                QList<FallbackHop> hops;
                const QJsonValue list = o->value(QStringLiteral("hops"));
                for (const QJsonValue &v : list.toArray()) {
                    const QJsonObject hop = v.toObject();
                    hops.append({hop.value(QStringLiteral("endpoint"))
                                     .toString(hop.value(QStringLiteral("provider")).toString()),
                                 hop.value(QStringLiteral("model")).toString()});
                }
                why = list.isArray() ? RoutingOverlay::checkFallbackChain(name, &hops)
                                     : QStringLiteral("'hops' must be a list of {endpoint, model}");
                param = "hops";
                change = [name, hops](RoutingOverlay &r) { r.fallbackChains.insert(name, hops); };
            } else {
                const ClientRoute target{o->value(QStringLiteral("model")).toString().trimmed(),
                                         o->value(QStringLiteral("endpoint")).toString().trimmed()};
                why = RoutingOverlay::checkClientRoute(name, target);
                param = "model";
                change = [name, target](RoutingOverlay &r) { r.clientRoutes.insert(name, target); };
            }
            if (!why.isEmpty())
                return reply(request, responder, badRequest(why + QLatin1Char('.'), "invalid_routing", param));
        }
        onEngine([state = m_state, who, change, name, kind, del](AdminControl &control) {
            RoutingOverlay overlay = control.routingOverlay();
            if (del && !routingHas(RoutingView::of(state->current()->config(), overlay), kind, name)) {
                static const char *const missing[] = {"No model alias is named '%1'.",
                                                      "No fallback chain is set for '%1'.",
                                                      "No route override is set for '%1'."};
                return failed(ApiError::notFound(QString::fromLatin1(missing[kind]).arg(name),
                                                 QByteArrayLiteral("unknown_routing_entry")));
            }
            change(overlay);
            control.setRoutingOverlay(overlay);
            static const char *const kinds[] = {"alias", "fallback chain", "route override"};
            qCInfo(lcAdmin, "admin key %s: %s %s %s", who.constData(), kinds[kind], qPrintable(name),
                   del ? "removed" : "set");
            return ok(routingJson(state->current()->config(), control.routingOverlay()));
        });
        return;
    }

    // -- the response cache --------------------------------------------------------------------------
    if (route == "/cache") {
        ResponseCache &cache = *m_state->cache;
        if (get) {
            responder->respond(200, adminHeaders(), compact(cacheJson(cache, snapshot->config().caching)));
            return;
        }
        if (!del)
            return methodNotAllowed("GET or DELETE");
        // ?key=NAME clears one named key's entries, ?scope= any scope GET lists; nothing: all.
        const std::optional<QString> keyName = queryString(request.query, "key");
        const std::optional<QString> rawScope = queryString(request.query, "scope");
        const QString scope = keyName ? cacheScopeOfKey(*keyName) : rawScope.value_or(QString());
        if ((keyName && keyName->isEmpty()) || (rawScope && rawScope->isEmpty()) ||
            (!keyName && !rawScope && !request.query.isEmpty()))
            return reply(request, responder,
                         badRequest(QStringLiteral("Give a non-empty 'key' (a client key's name) or 'scope' (as "
                                                   "GET /api/v1/cache lists them), or nothing to clear every entry."),
                                    QByteArrayLiteral("invalid_scope")));
        const qint64 removed = cache.clear(scope);
        qCInfo(lcAdmin, "admin key %s: response cache cleared (%s, %lld entries)", who.constData(),
               scope.isEmpty() ? "every scope" : qPrintable(scope), removed);
        responder->respond(
            200, adminHeaders(),
            compact(QJsonObject{{QStringLiteral("cleared"), removed},
                                {QStringLiteral("scope"), scope.isEmpty() ? QJsonValue() : QJsonValue(scope)}}));
        return;
    }

    // -- the security pipeline ---------------------------------------------------------------------
    if (route == "/guards/status") {
        if (!get)
            return methodNotAllowed("GET");
        responder->respond(200, adminHeaders(), compact(guardsStatusJson(*m_state->security, *m_state->scanner)));
        return;
    }
    if (route == "/features") {
        if (!get)
            return methodNotAllowed("GET");
        responder->respond(200, adminHeaders(), compact(featuresJson(*m_state->security)));
        return;
    }
    if (route == "/features/toggle") {
        if (!post)
            return methodNotAllowed("POST");
        ApiError error;
        const std::optional<QJsonObject> o = bodyObject(request.body, &error);
        if (!o)
            return reply(request, responder, error);
        const QString name = o->value(QStringLiteral("name")).toString(o->value(QStringLiteral("feature")).toString());
        const QJsonValue enabled = o->value(QStringLiteral("enabled"));
        const std::optional<Guard> guard = guardFromId(name);
        if (name != u"security" && !guard)
            return reply(request, responder,
                         badRequest(QStringLiteral("Unknown feature '%1'; GET /api/v1/features lists them.").arg(name),
                                    QByteArrayLiteral("unknown_feature"), QByteArrayLiteral("name")));
        if (!enabled.isBool() && !enabled.isNull() && !enabled.isUndefined())
            return reply(
                request, responder,
                badRequest(QStringLiteral("'enabled' must be true, false, or null (back to the configuration)."),
                           QByteArrayLiteral("invalid_type"), QByteArrayLiteral("enabled")));
        SecurityGuards &guards = *m_state->security;
        const bool current = guard ? guards.isOn(*guard) : guards.masterOn();
        const std::optional<bool> target = enabled.isBool()        ? std::optional<bool>(enabled.toBool())
                                           : enabled.isUndefined() ? std::optional<bool>(!current)
                                                                   : std::nullopt;
        if (guard)
            guards.setOverride(*guard, target);
        else
            guards.setMasterOverride(target);
        const bool now = guard ? guards.isOn(*guard) : guards.masterOn();
        qCInfo(lcAdmin, "admin key %s: feature %s %s", who.constData(), qPrintable(name),
               target ? (*target ? "switched on" : "switched off") : "back to the configuration");
        onEngine([name, now](AdminControl &control) {
            control.saveFeatures();
            return ok(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("enabled"), now}});
        });
        return;
    }
    if (route == "/security/reset") {
        if (!post)
            return methodNotAllowed("POST");
        m_state->security->reset();
        qCInfo(lcAdmin, "admin key %s: security counters, events, scan cache and threat ledger reset", who.constData());
        responder->respond(200, adminHeaders(), compact(QJsonObject{{QStringLiteral("reset"), true}}));
        return;
    }
    if (route == "/security/corpus") {
        if (!get)
            return methodNotAllowed("GET");
        const CorpusSimilarity &corpus = m_state->scanner->corpus();
        QJsonObject categories;
        for (const auto &[category, count] : corpus.categories())
            categories.insert(category, count);
        responder->respond(200, adminHeaders(),
                           compact(QJsonObject{{QStringLiteral("total_patterns"), corpus.size()},
                                               {QStringLiteral("categories"), categories},
                                               {QStringLiteral("method"), QStringLiteral("word_pair_containment")},
                                               {QStringLiteral("window_tokens"), CorpusSimilarity::kWindowTokens}}));
        return;
    }
    if (handleStoreAdmin(request, path, route, who, responder))
        return;

    if (route == "/security/events") {
        if (!get)
            return methodNotAllowed("GET");
        const int limit = queryInt(request.query, "limit", 50, 500);
        const int offset = queryInt(request.query, "offset", 0, SecurityGuards::kEventCapacity);
        quint64 total = 0;
        QJsonArray events;
        for (const SecurityEvent &e : m_state->security->recentEvents(offset, limit, &total))
            events.append(eventJson(e));
        responder->respond(200, adminHeaders(),
                           compact(QJsonObject{{QStringLiteral("events"), events},
                                               {QStringLiteral("total"), qint64(total)},
                                               {QStringLiteral("offset"), offset},
                                               {QStringLiteral("limit"), limit}}));
        return;
    }

    reply(request, responder,
          ApiError::notFound(QStringLiteral("Unknown request URL: %1 %2")
                                 .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                             QByteArrayLiteral("unknown_url")));
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/apirouter.h"

#include "proxycore/api/proxycall.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/api/storedresponsesapi.h"
#include "proxycore/api/threadhop.h"
#include "proxycore/cache/cachekey.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/requestpipeline.h"
#include "proxycore/routing/upstreamplan.h"
#include "proxycore/store/store.h"
#include "proxycore/upstream/upstreamtransport.h"
#include "proxycore/util/sha256.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUrl>

namespace llmproxy {

QByteArray newRequestId()
{
    return QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
}

ApiRouter::ApiRouter(const SharedState *state, std::unique_ptr<IUpstreamTransport> transport, RecordQueue *records,
                     QObject *threadContext)
    : m_state(state), m_transport(std::move(transport)), m_records(records), m_context(threadContext)
{
    m_sweep.setSingleShot(true);
    m_sweep.setInterval(50);
    QObject::connect(&m_sweep, &QTimer::timeout, threadContext, [this] { m_finished.clear(); });
}

ApiRouter::~ApiRouter()
{
    m_finished.clear();
    m_calls.clear(); // each call cancels its upstream transfer before the transport goes away
}

BudgetLedger *ApiRouter::budget() const
{
    return &m_state->budget;
}

void ApiRouter::release(ProxyCall *call)
{
    // The call is usually still on the stack (inside its own callback), so it is only moved aside
    // here and destroyed later: with the next request on this worker, or by the sweep timer.
    if (auto it = m_calls.find(call); it != m_calls.end()) {
        m_finished.push_back(std::move(it.value()));
        m_calls.erase(it);
    }
    if (!m_sweep.isActive())
        m_sweep.start();
}

namespace {

/// The inference routes, without their /v1 prefix.
constexpr std::pair<QByteArrayView, ClientApi> inferenceRoutes[] = {
    {"/chat/completions", ClientApi::ChatCompletions},
    {"/completions", ClientApi::Completions},
    {"/embeddings", ClientApi::Embeddings},
    {"/responses", ClientApi::Responses},
    {"/messages", ClientApi::Messages},
};

/// How the request history names a client API.
QString clientApiName(ClientApi api)
{
    switch (api) {
    case ClientApi::ChatCompletions:
        return QStringLiteral("chat_completions");
    case ClientApi::Completions:
        return QStringLiteral("completions");
    case ClientApi::Embeddings:
        return QStringLiteral("embeddings");
    case ClientApi::Responses:
        return QStringLiteral("responses");
    case ClientApi::Messages:
        return QStringLiteral("messages");
    }
    return {};
}

/// The client API of a request path (with or without /v1, a trailing '/' allowed); empty for other paths.
QString clientApiOfPath(QByteArrayView path)
{
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (path.startsWith("/v1/"))
        path = path.sliced(3);
    if (path == "/messages/count_tokens")
        return {};
    for (const auto &[route, api] : inferenceRoutes) {
        if (path == route)
            return clientApiName(api);
    }
    return {};
}

} // namespace

const HeaderList &ApiRouter::jsonHeaders()
{
    static const HeaderList h{{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}};
    return h;
}

void ApiRouter::handle(HttpRequest &&request, std::shared_ptr<HttpResponder> responder)
{
    m_finished.clear(); // calls finished earlier are off the stack by now
    QByteArrayView path = request.path;
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";

    // Inference routes, with and without the /v1 prefix (some clients are given a base URL without it).
    QByteArrayView api = path;
    if (api.startsWith("/v1/"))
        api = api.sliced(3);
    if (api == "/messages/count_tokens") {
        if (!post) {
            reply(request, responder, ApiError::methodNotAllowed("POST", path), {}, true);
            return;
        }
        handleCountTokens(request, responder);
        return;
    }
    for (const auto &[route, clientApi] : inferenceRoutes) {
        if (api != route)
            continue;
        if (!post)
            reply(request, responder, ApiError::methodNotAllowed("POST", path), {}, clientApi == ClientApi::Messages);
        else
            handleInference(clientApi, std::move(request), responder);
        return;
    }
    if (api.startsWith("/responses/")) {
        handleStoredResponse(request, responder);
        return;
    }
    if (api == "/models" || api.startsWith("/models/")) {
        if (!get) {
            reply(request, responder, ApiError::methodNotAllowed("GET", path));
            return;
        }
        handleModels(request, responder);
        return;
    }
    if (path == "/api/version" || path == "/api/tags" || path == "/api/show") {
        handleOllamaDiscovery(request, responder);
        return;
    }
    if (path.startsWith("/api/v1/")) {
        handleAdmin(std::move(request), responder);
        return;
    }
    if (path == "/health" || path == "/health/live" || path == "/health/ready") {
        handleHealth(request, responder);
        return;
    }
    reply(request, responder,
          ApiError::notFound(QStringLiteral("Unknown request URL: %1 %2")
                                 .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                             QByteArrayLiteral("unknown_url")));
}

void ApiRouter::reply(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder,
                      const ApiError &error, const QString &model, bool anthropic, const KeyAccess *key,
                      const QString &blockedBy, const QString &requestId)
{
    const QByteArray id = requestId.isEmpty() ? newRequestId() : requestId.toLatin1();
    HeaderList h = jsonHeaders();
    h.append({QByteArrayLiteral("x-llmproxy-request-id"), id});
    if (!blockedBy.isEmpty())
        h.append({QByteArrayLiteral("x-llmproxy-blocked-by"), blockedBy.toLatin1()});
    if (error.status == 401)
        h.append({QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer")});
    if (error.status == 503)
        h.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("5")});
    const qint64 now = monotonicNowNs();
    const double ms = double(now - request.receivedNs) / 1e6;
    h.append({QByteArrayLiteral("x-llmproxy-overhead-ms"), QByteArray::number(ms, 'f', 3)});
    responder->respond(error.status, h, anthropic ? error.anthropicBody() : error.openAiBody());

    RequestRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.requestId = QString::fromLatin1(id);
    r.method = QString::fromLatin1(request.method);
    r.route = QString::fromUtf8(request.path);
    r.clientApi = clientApiOfPath(request.path);
    r.model = model;
    if (key) {
        r.keyName = key->name();
        r.team = key->team();
    }
    r.status = error.status;
    r.latencyMs = ms;
    r.overheadMs = ms;
    r.error = QString::fromLatin1(error.code);
    r.blockedBy = blockedBy;
    logging::logRequest(r);
    m_records->push(std::move(r));
}

bool ApiRouter::authorize(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder,
                          bool anthropic, std::shared_ptr<const KeyAccess> *access)
{
    const RoutingSnapshotPtr snapshot = m_state->current();
    if (!snapshot->apiKeys().isEnabled())
        return true;
    const QByteArray key = ApiKeyVerifier::presentedKey(request);
    if (key.isEmpty()) {
        reply(request, responder,
              ApiError::unauthorized(QStringLiteral("Missing API key. Send it as 'Authorization: Bearer <key>' or "
                                                    "'x-api-key: <key>'.")),
              {}, anthropic);
        return false;
    }
    std::shared_ptr<const KeyAccess> verified = snapshot->apiKeys().verify(key);
    if (!verified) {
        reply(request, responder, ApiError::unauthorized(QStringLiteral("Incorrect API key provided.")), {}, anthropic);
        return false;
    }
    if (access)
        *access = std::move(verified);
    return true;
}

/// The name of `api` for route overrides (RoutingOverlay::clientRoutes); empty for embeddings.
static QStringView clientRouteApi(ClientApi api)
{
    switch (api) {
    case ClientApi::Messages:
        return u"messages";
    case ClientApi::Responses:
        return u"responses";
    case ClientApi::ChatCompletions:
    case ClientApi::Completions:
        return u"chat_completions";
    case ClientApi::Embeddings:
        break;
    }
    return {};
}

bool ApiRouter::keyMayUse(const KeyAccess *key, const RoutingSnapshot &snapshot, const QString &model)
{
    if (!key || key->allowsEveryModel() || key->allowsModel(model))
        return true;
    const RouteTarget target = snapshot.resolve(model);
    return target.endpoint && key->allowsModel(target.upstreamModel);
}

void ApiRouter::refuse(const RequestContext &context, const ApiError &error)
{
    reply(context.request, context.responder, error, context.model, context.anthropicErrors(), context.key.get(),
          context.record.blockedBy, context.record.requestId);
}

bool ApiRouter::acceptingInference(const RequestContext &context)
{
    if (m_state->draining.load(std::memory_order_relaxed)) {
        refuse(context, ApiError::unavailable(QStringLiteral("The gateway is shutting down; retry the request"),
                                              QByteArrayLiteral("server_shutting_down")));
        return false;
    }
    if (m_state->panic.load(std::memory_order_relaxed)) {
        refuse(context,
               ApiError::unavailable(QStringLiteral("The gateway's kill switch is on: every request is refused "
                                                    "until an administrator releases it."),
                                     QByteArrayLiteral("panic_mode")));
        return false;
    }
    if (m_state->paused.load(std::memory_order_relaxed)) {
        refuse(context,
               ApiError::unavailable(QStringLiteral("The proxy is paused. Resume it from the LLMProxy window or tray."),
                                     QByteArrayLiteral("proxy_paused")));
        return false;
    }
    return true;
}

bool ApiRouter::route(RequestContext &context)
{
    const RoutingSnapshot &snapshot = *context.snapshot;
    const QString &model = context.model;
    const KeyAccess *key = context.key.get();
    if (snapshot.isOnboarding() && !snapshot.config().endpoints.isEmpty()) {
        refuse(context, ApiError::unavailable(QStringLiteral("Every configured endpoint is disabled. Enable one in the "
                                                             "window, with the admin API or with 'enabled: true', then "
                                                             "reload."),
                                              QByteArrayLiteral("no_endpoint_enabled")));
        return false;
    }
    if (snapshot.isOnboarding()) {
        refuse(context,
               ApiError::unavailable(
                   QStringLiteral("No upstream endpoint is configured. Add one under 'endpoints:' in "
                                  "config.yaml or set LLM_PROXY_ENDPOINT_<NAME>_URL and _MODELS, then reload."),
                   QByteArrayLiteral("no_endpoint_configured")));
        return false;
    }
    const bool restricted = key && !key->allowsEveryModel();
    const auto refuseModel = [&] {
        refuse(context, ApiError{403,
                                 QStringLiteral("This API key may not use the model '%1'; GET /v1/models lists the "
                                                "models it may use.")
                                     .arg(model),
                                 QByteArrayLiteral("permission_error"), QByteArrayLiteral("model_not_allowed"),
                                 QByteArrayLiteral("model")});
        return false;
    };
    if (restricted && !keyMayUse(key, snapshot, model))
        return refuseModel();
    QList<RouteTarget> &routes = context.routes;
    if (snapshot.config().budget.dailyLimit > 0) {
        // The daily budget: spent → a local model instead (when allowed), else 402.
        const BudgetLedger::Status status = m_state->budget.status(QDateTime::currentMSecsSinceEpoch());
        if (status.state == BudgetLedger::State::Exhausted) {
            const BudgetDecision decision =
                decideBudget(status, snapshot.config().budget, snapshot.budgetEndpoints(), model);
            if (decision.action == BudgetDecision::Action::Refuse) {
                refuse(context, {402,
                                 decision.message,
                                 QByteArrayLiteral("insufficient_quota"),
                                 QByteArrayLiteral("daily_budget_exceeded"),
                                 {}});
                return false;
            }
            if (decision.action == BudgetDecision::Action::Downgrade) {
                routes = snapshot.routeTo(decision.endpointId, decision.model);
                if (restricted)
                    routes.removeIf([key](const RouteTarget &r) { return !key->allowsModel(r.upstreamModel); });
                if (routes.isEmpty()) {
                    // Never past the limit: the downgrade target is gone or not for this key.
                    refuse(context, {402,
                                     QStringLiteral("The daily budget is spent and the local model '%1' cannot serve "
                                                    "this request.")
                                         .arg(decision.model),
                                     QByteArrayLiteral("insufficient_quota"),
                                     QByteArrayLiteral("daily_budget_exceeded"),
                                     {}});
                    return false;
                }
                qInfo("%s", qPrintable(decision.message));
                return true;
            }
        }
    }
    // A route override of the client's API (the tray's "route coding tools to") sends the request
    // to its model instead; never to a model the key may not use, and not when nothing serves it.
    if (const ClientRoute *override = snapshot.clientRoute(clientRouteApi(context.api));
        override && (!restricted || keyMayUse(key, snapshot, override->model))) {
        routes = snapshot.routesFor(*override);
        if (!routes.isEmpty())
            return true;
    }
    routes = snapshot.routes(model);
    if (routes.isEmpty()) {
        refuse(context,
               ApiError::notFound(QStringLiteral("The model '%1' is not served by any configured endpoint; GET "
                                                 "/v1/models lists the available models, and model_aliases "
                                                 "maps other names.")
                                      .arg(model),
                                  QByteArrayLiteral("model_not_found")));
        return false;
    }
    if (restricted) {
        // The model's own endpoints serve what the key asked for; a fallback hop to another model
        // is taken only when the key may use that model too.
        const bool byName = key->allowsModel(model);
        routes.removeIf([key, byName](const RouteTarget &r) {
            return !key->allowsModel(r.upstreamModel) && !(byName && !r.fallbackHop);
        });
        if (routes.isEmpty())
            return refuseModel();
    }
    return true;
}

CallCaching ApiRouter::prepareCaching(const RequestContext &context, std::shared_ptr<const CachedAnswer> *hit)
{
    CallCaching caching;
    const CachingConfig &config = context.snapshot->config().caching;
    ResponseCache *cache = m_state->cache.get();
    if (!config.enabled || !cache) {
        caching.status = QByteArrayLiteral("off");
        return caching;
    }
    // no-cache: answer from the provider, but the fresh answer may be kept; no-store: neither.
    bool noCache = false;
    bool noStore = false;
    for (const auto &[name, value] : context.request.headers) {
        if (name != "cache-control")
            continue;
        for (const QByteArray &directive : value.split(',')) {
            const QByteArray d = directive.trimmed().toLower();
            noCache = noCache || d == "no-cache";
            noStore = noStore || d == "no-store";
        }
    }
    CacheKeyInput input;
    input.scope = ownerOf(context.request, context.key.get());
    input.api = context.api;
    input.stream = context.view->stream();
    for (const RouteTarget &r : context.routes)
        input.routes.append(
            QByteArray(r.endpoint->idUtf8 + '\0' + r.endpoint->baseUrl + '\0' + r.upstreamModel.toUtf8()));
    if (context.api == ClientApi::Messages) {
        // Passed on to an Anthropic upstream: they choose the API version and beta features.
        for (const QByteArray &name : {QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("anthropic-beta")}) {
            const QByteArray value = context.request.header(name);
            if (!value.isNull())
                input.headers.append({name, value});
        }
    }
    caching.scope = input.scope;
    caching.key = responseCacheKey(input, *context.view);
    if (noCache || noStore) {
        cache->noteBypass();
        caching.status = QByteArrayLiteral("bypass");
    } else if ((*hit = cache->find(caching.key, m_state->nowMs(), qint64(config.ttlS) * 1000))) {
        caching.status = QByteArrayLiteral("hit");
        return caching;
    } else {
        caching.status = QByteArrayLiteral("miss");
    }
    if (!noStore)
        caching.cache = cache;
    return caching;
}

QString ApiRouter::ownerOf(const HttpRequest &request, const KeyAccess *key) const
{
    const bool keysRequired = m_state->current()->apiKeys().isEnabled();
    const QString keyName = key ? key->name() : QString();
    return cacheScope(keysRequired, keyName,
                      keysRequired && keyName.isEmpty() ? ApiKeyVerifier::presentedKey(request) : QByteArray());
}

void ApiRouter::startCall(RequestContext &&context, ProxyCall::PlanFactory planFor, CallCaching caching,
                          const std::shared_ptr<const CachedAnswer> &hit, ProxyCall::AnswerRecorder recorder)
{
    RequestRecord &record = context.record;
    if (context.key) {
        record.keyName = context.key->name();
        record.team = context.key->team();
    }
    record.time = QDateTime::currentDateTimeUtc();
    if (record.requestId.isEmpty())
        record.requestId = QString::fromLatin1(newRequestId());
    record.method = QString::fromLatin1(context.request.method);
    record.route = QString::fromUtf8(context.request.path);
    record.clientApi = clientApiName(context.api);
    record.model = context.model;
    auto call = std::make_shared<ProxyCall>(this, std::move(context.snapshot), context.responder, std::move(record),
                                            context.request.receivedNs, context.clientFormat,
                                            std::move(context.clientOptions), std::move(context.responseFilters));
    ProxyCall *raw = call.get();
    m_calls.insert(raw, std::move(call));
    raw->setCaching(std::move(caching));
    raw->setRecorder(std::move(recorder));
    raw->setReservation(std::move(context.reservation), &m_state->scopeBudgets);
    if (hit)
        raw->replay(*hit, m_state->nowMs());
    else
        raw->start(std::move(context.routes), std::move(planFor));
}

static UpstreamPlan translatedPlan(const RouteTarget &route, canonical::Request parsed, formats::ApiFormat clientFormat,
                                   formats::ApiFormat upstreamFormat)
{
    const QString model = parsed.model;
    parsed.model = route.upstreamModel;
    if (clientFormat == formats::ApiFormat::AnthropicMessages && upstreamFormat != clientFormat) {
        // Claude Code's per-request billing line means nothing to another provider and, changing
        // with every prompt, would defeat its prompt cache.
        parsed.system.removeIf([&parsed](const canonical::ContentPart &p) {
            if (!p.text.startsWith(u"x-anthropic-billing-header:"))
                return false;
            parsed.dropped.append({QStringLiteral("system"), QStringLiteral("Anthropic billing header")});
            return true;
        });
    }
    QList<canonical::Dropped> dropped = parsed.dropped;
    UpstreamPlan plan = planTranslated(*route.endpoint, parsed, upstreamFormat, &dropped);
    for (const canonical::Dropped &d : std::as_const(dropped))
        qInfo("request for %s via %s: %s not sent upstream (%s)", qPrintable(model),
              qPrintable(route.endpoint->config.id), qPrintable(d.field), qPrintable(d.reason));
    return plan;
}

namespace {
/// Characters of every string (and key) in a JSON value: the input to the token estimate.
qint64 textLength(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().size();
    if (v.isArray()) {
        qint64 n = 0;
        for (const QJsonValue item : v.toArray())
            n += textLength(item);
        return n;
    }
    if (v.isObject()) {
        qint64 n = 0;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            n += it.key().size() + textLength(it.value());
        return n;
    }
    return v.isDouble() ? 2 : 0;
}
} // namespace

void ApiRouter::handleCountTokens(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    // An estimate (about four characters per token, plus a few per message), since the upstreams
    // behind this route have no counting endpoint of their own. Good enough for the context-budget
    // decisions clients make with it; not a billing figure.
    if (!authorize(request, responder, true))
        return;
    ApiError invalid;
    if (!RequestView::build(ClientApi::Messages, request.body, &invalid)) {
        reply(request, responder, invalid, {}, true);
        return;
    }
    QJsonParseError parseError{};
    const QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !body.value(QLatin1String("messages")).isArray() ||
        !body.value(QLatin1String("model")).isString()) {
        reply(request, responder,
              ApiError::invalidRequest(parseError.error != QJsonParseError::NoError
                                           ? QStringLiteral("We could not parse the JSON body of your request.")
                                           : QStringLiteral("'model' (string) and 'messages' (array) are required."),
                                       QByteArrayLiteral("invalid_request")),
              {}, true);
        return;
    }
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    const qint64 chars = textLength(messages) + textLength(body.value(QLatin1String("system"))) +
                         textLength(body.value(QLatin1String("tools")));
    const qint64 tokens = qMax<qint64>(1, (chars + 3) / 4 + 4 * messages.size() + 3);
    HeaderList h = jsonHeaders();
    h.append({QByteArrayLiteral("x-llmproxy-token-count"), QByteArrayLiteral("estimate")});
    responder->respond(200, h,
                       QJsonDocument(QJsonObject{{QStringLiteral("input_tokens"), tokens}}).toJson(QJsonDocument::Compact));
}

namespace {

/// The same body with the route's model name, when the route serves the model under another name.
QByteArray bodyForRoute(const RequestView &view, const RouteTarget &route, const QString &model)
{
    return route.upstreamModel == model ? view.body() : view.withMember("model", jsonString(route.upstreamModel));
}

/// Upstream requests for /v1/chat/completions, /v1/completions and /v1/embeddings.
ProxyCall::PlanFactory openAiPlans(std::shared_ptr<const RequestView> view, const QString &model)
{
    const ClientApi api = view->api();
    const bool stream = view->stream();
    const bool hasStreamOptions = view->hasStreamOptions();
    const QByteArrayView apiPath = api == ClientApi::ChatCompletions ? QByteArrayView("/chat/completions")
                                   : api == ClientApi::Completions   ? QByteArrayView("/completions")
                                                                     : QByteArrayView("/embeddings");
    // Translation is only needed for a route whose provider does not speak Chat Completions; the
    // body is parsed then, once.
    auto parsedOnce = std::make_shared<std::optional<canonical::Request>>();
    return [view = std::move(view), parsedOnce, model, api, stream, hasStreamOptions,
            apiPath](const RouteTarget &route, ApiError *error) -> std::optional<UpstreamPlan> {
        const ResolvedEndpoint &endpoint = *route.endpoint;
        if (api == ClientApi::ChatCompletions) {
            const formats::ApiFormat upstreamFormat = chatFormatFor(endpoint, formats::ApiFormat::OpenAiChat);
            if (upstreamFormat != formats::ApiFormat::OpenAiChat) {
                if (!*parsedOnce) {
                    canonical::Error parseError;
                    *parsedOnce = openaichat::parseRequest(view->body(), &parseError);
                    if (!*parsedOnce) {
                        *error = ApiError::invalidRequest(parseError.message, parseError.code.toLatin1(),
                                                          parseError.param.toLatin1());
                        return std::nullopt;
                    }
                    (*parsedOnce)->includeUsage = stream; // the gateway always wants the upstream's usage
                }
                return translatedPlan(route, **parsedOnce, formats::ApiFormat::OpenAiChat, upstreamFormat);
            }
        } else if (endpoint.preset->format != WireFormat::OpenAi &&
                   endpoint.preset->format != WireFormat::AzureOpenAi) {
            *error = ApiError::invalidRequest(
                QStringLiteral("The endpoint '%1' (%2) does not serve %3; route this model to an OpenAI-compatible "
                               "endpoint for it.")
                    .arg(endpoint.config.id, endpoint.preset->displayName.toString(),
                         QString::fromLatin1(apiPath.toByteArray())),
                QByteArrayLiteral("unsupported_endpoint"), QByteArrayLiteral("model"));
            return std::nullopt;
        }
        // Change only what the upstream needs changed; every other byte goes through as the client sent it.
        UpstreamPlan plan;
        plan.stream = stream;
        plan.body = bodyForRoute(*view, route, model);
        if (hasStreamOptions || api == ClientApi::ChatCompletions)
            plan.body = applyOpenAiQuirks(std::move(plan.body), endpoint, route.upstreamModel);
        plan.url = openAiUrl(endpoint, apiPath, route.upstreamModel);
        return plan;
    };
}

/// Upstream requests for /v1/messages; the request was parsed (and validated) as `parsed`.
ProxyCall::PlanFactory messagesPlans(std::shared_ptr<const RequestView> view, canonical::Request parsed,
                                     const HttpRequest &request)
{
    QByteArray version = request.header("anthropic-version");
    if (version.isEmpty())
        version = QByteArrayLiteral("2023-06-01");
    const QByteArray beta = request.header("anthropic-beta");
    return [view = std::move(view), parsed = std::move(parsed), version,
            beta](const RouteTarget &route, ApiError *) -> std::optional<UpstreamPlan> {
        const formats::ApiFormat upstreamFormat = chatFormatFor(*route.endpoint, formats::ApiFormat::AnthropicMessages);
        if (upstreamFormat != formats::ApiFormat::AnthropicMessages)
            return translatedPlan(route, parsed, formats::ApiFormat::AnthropicMessages, upstreamFormat);
        // Same format both sides: the body goes through byte for byte (cache_control, thinking
        // signatures and unknown fields survive); only the model name is changed when mapped.
        UpstreamPlan plan;
        plan.format = upstreamFormat;
        plan.stream = view->stream();
        plan.url = route.endpoint->baseUrl + "/messages";
        plan.body = bodyForRoute(*view, route, view->model());
        plan.extraHeaders.append({QByteArrayLiteral("anthropic-version"), version});
        if (!beta.isEmpty())
            plan.extraHeaders.append({QByteArrayLiteral("anthropic-beta"), beta});
        return plan;
    };
}

/// Upstream requests for /v1/responses. `parsed` is empty when the request uses what only an
/// `openai` endpoint serves (previous_response_id, …): such an endpoint gets the body as it is,
/// any other route answers `translationError`.
ProxyCall::PlanFactory responsesPlans(std::shared_ptr<const RequestView> view, std::optional<canonical::Request> parsed,
                                      const ApiError &translationError)
{
    return [view = std::move(view), parsed = std::move(parsed),
            translationError](const RouteTarget &route, ApiError *error) -> std::optional<UpstreamPlan> {
        const formats::ApiFormat upstreamFormat = chatFormatFor(*route.endpoint, formats::ApiFormat::OpenAiResponses);
        if (upstreamFormat != formats::ApiFormat::OpenAiResponses) {
            if (!parsed) {
                *error = translationError;
                return std::nullopt;
            }
            return translatedPlan(route, *parsed, formats::ApiFormat::OpenAiResponses, upstreamFormat);
        }
        // An upstream that serves the Responses API itself gets the body unchanged but for the model.
        UpstreamPlan plan;
        plan.format = upstreamFormat;
        plan.stream = view->stream();
        plan.url = openAiUrl(*route.endpoint, "/responses", route.upstreamModel);
        plan.body = bodyForRoute(*view, route, view->model());
        return plan;
    };
}

formats::ApiFormat clientFormatOf(ClientApi api)
{
    switch (api) {
    case ClientApi::Messages:
        return formats::ApiFormat::AnthropicMessages;
    case ClientApi::Responses:
        return formats::ApiFormat::OpenAiResponses;
    case ClientApi::ChatCompletions:
    case ClientApi::Completions:
    case ClientApi::Embeddings:
        break;
    }
    return formats::ApiFormat::OpenAiChat;
}

ApiError fromCanonical(const canonical::Error &e)
{
    return ApiError::invalidRequest(e.message, e.code.toLatin1(), e.param.toLatin1());
}

} // namespace

void ApiRouter::handleInference(ClientApi api, HttpRequest &&request, const std::shared_ptr<HttpResponder> &responder)
{
    // One path for every client API: authorize → accept → read the request once (RequestView) →
    // pipeline stage → route → plan per route → call.
    RequestContext context;
    context.api = api;
    context.clientFormat = clientFormatOf(api);
    context.request = std::move(request);
    context.responder = responder;
    if (!authorize(context.request, responder, context.anthropicErrors(), &context.key) || !acceptingInference(context))
        return;
    if (context.key)
        context.team = context.key->team();
    ApiError error;
    context.view = RequestView::build(api, context.request.body, &error);
    if (!context.view) {
        refuse(context, error);
        return;
    }
    context.request.body = QByteArray(); // the view holds the body from here on
    context.model = context.view->model();
    context.record.requestId = QString::fromLatin1(newRequestId()); // named in a guard's refusal and its event
    context.snapshot = m_state->current();

    if (const std::shared_ptr<const RequestPipeline> pipeline = m_state->pipeline.load(std::memory_order_acquire);
        pipeline && !pipeline->isEmpty()) {
        if (std::optional<ApiError> blocked = pipeline->run(context)) {
            refuse(context, *blocked);
            return;
        }
    }

    // Requests whose guards see a translated request are parsed before routing, so a malformed
    // one is refused even when its route would relay it unchanged.
    std::optional<canonical::Request> parsed;
    canonical::Error parseError;
    if (api == ClientApi::Messages) {
        parsed = anthropicmessages::parseRequest(context.view->body(), &parseError);
        if (!parsed) {
            refuse(context, fromCanonical(parseError));
            return;
        }
    }
    if (!route(context))
        return;
    switch (reserveBudget(context)) {
    case BudgetGate::Refused:
        return;
    case BudgetGate::Pass:
        proceedInference(std::move(context), std::move(parsed));
        return;
    case BudgetGate::AskShared:
        // The reservation is checked against the other gateways' on the store's budget thread;
        // this worker goes on with other requests meanwhile.
        confirmSharedBudget(std::move(context), [this, parsed = std::make_shared<std::optional<canonical::Request>>(
                                                           std::move(parsed))](RequestContext &&confirmed) {
            proceedInference(std::move(confirmed), std::move(*parsed));
        });
        return;
    }
}

void ApiRouter::proceedInference(RequestContext &&context, std::optional<canonical::Request> parsed)
{
    const ClientApi api = context.api;
    if (api == ClientApi::Responses) {
        startResponses(std::move(context));
        return;
    }
    std::shared_ptr<const CachedAnswer> hit;
    CallCaching caching = prepareCaching(context, &hit);

    // The plans keep the request (its body and index) for the attempts; shared, not copied.
    const auto view = std::make_shared<const RequestView>(std::move(*context.view));
    context.view.reset();
    ProxyCall::PlanFactory plans;
    switch (api) {
    case ClientApi::ChatCompletions:
    case ClientApi::Completions:
    case ClientApi::Embeddings:
        context.clientOptions.includeUsage = view->includeUsage();
        plans = openAiPlans(view, context.model);
        break;
    case ClientApi::Messages:
        plans = messagesPlans(view, std::move(*parsed), context.request);
        break;
    case ClientApi::Responses:
        Q_UNREACHABLE(); // startResponses()
        break;
    }
    startCall(std::move(context), std::move(plans), std::move(caching), hit);
}

namespace {

/// Whether `route` serves the Responses API itself (an `openai` endpoint): it is relayed the body
/// as it is and holds its own conversations.
bool servesResponses(const RouteTarget &route)
{
    return chatFormatFor(*route.endpoint, formats::ApiFormat::OpenAiResponses) == formats::ApiFormat::OpenAiResponses;
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

void ApiRouter::findStoredResponse(const QString &id, const QString &owner,
                                   std::function<void(const StoredLookup &)> done)
{
    ConversationStore *conversations = m_state->conversations.get();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (const std::optional<StoredLookup> known = lookInMemory(*conversations, id, owner, now)) {
        done(*known);
        return;
    }
    Store *store = m_state->store.get();
    if (!store) {
        done({});
        return;
    }
    // The row is read on the store's reader thread; this worker goes on with other requests.
    runThenAnswer<StoredLookup>(
        store->readerContext(), m_context,
        [store, id, now]() -> StoredLookup {
            QString why;
            const std::optional<StoredResponsePtr> row = store->responses().find(id, now, &why);
            if (!row)
                return {nullptr,
                        ApiError::unavailable(QStringLiteral("The stored responses cannot be read: %1").arg(why),
                                              QByteArrayLiteral("response_store_unavailable"))};
            return {*row, std::nullopt};
        },
        [conversations, id, owner, now, done = std::move(done)](const StoredLookup &read) {
            if (read.error || !read.response) {
                done(read);
                return;
            }
            // Kept in memory for the next turn; looked up again so that a deletion made meanwhile wins.
            conversations->remember(read.response);
            const std::optional<StoredLookup> kept = lookInMemory(*conversations, id, owner, now);
            // Unknown: larger than the memory budget, so not kept there.
            done(kept ? *kept : StoredLookup{read.response->owner == owner ? read.response : nullptr, std::nullopt});
        });
}

void ApiRouter::startResponses(RequestContext &&context)
{
    QJsonObject body = QJsonDocument::fromJson(context.view->body()).object();
    const QString previousId = body.value(QLatin1String("previous_response_id")).toString();
    const bool storeOn = m_state->conversations && context.snapshot->config().responsesStore.enabled;
    const bool translated = !std::all_of(context.routes.cbegin(), context.routes.cend(), servesResponses);
    if (previousId.isEmpty() || !storeOn || !translated) {
        continueResponses(std::move(context), std::move(body), nullptr);
        return;
    }
    const QString owner = ownerOf(context.request, context.key.get());
    auto pending = std::make_shared<RequestContext>(std::move(context));
    findStoredResponse(previousId, owner, [this, pending, body, previousId](const StoredLookup &found) {
        if (found.error) {
            refuse(*pending, *found.error);
            return;
        }
        if (!found.response && !std::any_of(pending->routes.cbegin(), pending->routes.cend(), servesResponses)) {
            refuse(*pending, previousResponseNotFound(previousId));
            return;
        }
        // Found; or not one of ours, but an `openai` route may know it: it gets the request as it is.
        continueResponses(std::move(*pending), body, found.response);
    });
}

void ApiRouter::continueResponses(RequestContext &&context, QJsonObject body, const StoredResponsePtr &previous)
{
    ConversationStore *conversations = m_state->conversations.get();
    const bool storeOn = m_state->conversations && context.snapshot->config().responsesStore.enabled;
    const bool translated = !std::all_of(context.routes.cbegin(), context.routes.cend(), servesResponses);
    const QString previousId = previous ? previous->id : QString();
    QJsonArray conversation = previous ? previous->conversation() : QJsonArray();
    for (const QJsonValue item : responsesInputItems(body.value(QLatin1String("input"))))
        conversation.append(item);
    if (previous) {
        // The earlier input and output come first; the earlier instructions are not carried over.
        body.remove(QLatin1String("previous_response_id"));
        body.insert(QLatin1String("input"), conversation);
        ApiError invalid;
        context.view = RequestView::build(ClientApi::Responses, compactJson(body), &invalid);
        if (!context.view) {
            refuse(context, invalid);
            return;
        }
    }

    canonical::Error parseError;
    std::optional<canonical::Request> parsed =
        formats::parseRequest(formats::ApiFormat::OpenAiResponses, context.view->body(), &parseError);
    if (!parsed && std::none_of(context.routes.cbegin(), context.routes.cend(), servesResponses)) {
        refuse(context, fromCanonical(parseError));
        return;
    }
    if (parsed)
        context.clientOptions = formats::clientOptionsFor(formats::ApiFormat::OpenAiResponses, *parsed);

    ProxyCall::AnswerRecorder recorder;
    if (!previousId.isEmpty())
        context.clientOptions.echo.insert(QLatin1String("previous_response_id"), previousId);
    const QJsonValue instructions = body.value(QLatin1String("instructions"));
    if (storeOn && translated && parsed && body.value(QLatin1String("store")).toBool(true)) {
        const QString id = newStoredResponseId();
        context.clientOptions.responseId = id;
        context.clientOptions.echo.insert(QLatin1String("store"), true);
        if (instructions.isString())
            context.clientOptions.echo.insert(QLatin1String("instructions"), instructions);
        recorder = [conversations, id, owner = ownerOf(context.request, context.key.get()), model = context.model,
                    conversation, instructions = instructions.toString(),
                    ttlMs = conversations->ttlMs()](const QJsonObject &response) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            conversations->put(
                StoredResponse::make(id, owner, model, now, now + ttlMs, conversation, instructions, response));
        };
    }

    std::shared_ptr<const CachedAnswer> hit;
    CallCaching caching = prepareCaching(context, &hit);
    const auto view = std::make_shared<const RequestView>(std::move(*context.view));
    context.view.reset();
    ProxyCall::PlanFactory plans = responsesPlans(view, std::move(parsed), fromCanonical(parseError));
    startCall(std::move(context), std::move(plans), std::move(caching), hit, std::move(recorder));
}

void ApiRouter::handleStoredResponse(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    std::shared_ptr<const KeyAccess> key;
    if (!authorize(request, responder, false, &key))
        return;
    QByteArrayView path = request.path;
    if (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    QByteArrayView rest = path.sliced(path.indexOf("/responses/") + qsizetype(sizeof("/responses/")) - 1);
    const bool items = rest.endsWith("/input_items");
    if (items)
        rest.chop(qsizetype(sizeof("/input_items")) - 1);
    if (rest.isEmpty() || rest.contains('/')) {
        reply(request, responder,
              ApiError::notFound(QStringLiteral("Unknown request URL: %1 %2")
                                     .arg(QString::fromLatin1(request.method), QString::fromUtf8(request.path)),
                                 QByteArrayLiteral("unknown_url")));
        return;
    }
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool remove = request.method == "DELETE";
    if (!get && (items || !remove)) {
        reply(request, responder, ApiError::methodNotAllowed(items ? "GET" : "GET, DELETE", path));
        return;
    }
    const QString id = QUrl::fromPercentEncoding(rest.toByteArray());
    if (!m_state->conversations || !m_state->current()->config().responsesStore.enabled) {
        reply(request, responder, storedResponseNotFound(id, true));
        return;
    }
    HttpRequest head;
    head.method = request.method;
    head.path = request.path;
    head.query = request.query;
    head.receivedNs = request.receivedNs;
    ConversationStore *conversations = m_state->conversations.get();
    findStoredResponse(
        id, ownerOf(request, key.get()),
        [this, head = std::move(head), responder, id, items, remove, conversations](const StoredLookup &found) {
            if (found.error) {
                reply(head, responder, *found.error);
                return;
            }
            if (!found.response) {
                reply(head, responder, storedResponseNotFound(id, false));
                return;
            }
            if (remove) {
                conversations->remove(id);
                responder->respond(200, jsonHeaders(), compactJson(deletedResponseJson(id)));
                return;
            }
            if (!items) {
                responder->respond(200, jsonHeaders(), compactJson(found.response->response));
                return;
            }
            ApiError invalid;
            const std::optional<QJsonObject> page = inputItemsPage(*found.response, head.query, &invalid);
            if (!page) {
                reply(head, responder, invalid);
                return;
            }
            responder->respond(200, jsonHeaders(), compactJson(*page));
        });
}

} // namespace llmproxy

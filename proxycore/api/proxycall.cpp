// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/proxycall.h"

#include "proxycore/api/apirouter.h"
#include "proxycore/api/responserelay.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/routing/retrypolicy.h"
#include "proxycore/security/piidetector.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>

namespace llmproxy {

namespace {

constexpr qsizetype MaxBufferedResponse = 64 * 1024 * 1024;
constexpr qsizetype MaxLoggedBody = 16 * 1024;

Q_LOGGING_CATEGORY(lcBodies, "llmproxy.bodies")

/// A body as logs and the store keep it (logging.log_bodies): cut at MaxLoggedBody, anything that
/// looks like a key redacted, and personal data (e-mail, phone, card, IBAN, SSN, IP, secrets)
/// replaced by its type in brackets, whatever the PII guard is set to.
QString keptBody(QByteArrayView body)
{
    static const PiiDetector detector;
    QString text = logging::redactSecrets(QString::fromUtf8(body.first(qMin(body.size(), MaxLoggedBody))));
    QList<PiiMatch> found = detector.find(text);
    std::sort(found.begin(), found.end(), [](const PiiMatch &a, const PiiMatch &b) { return a.start < b.start; });
    // From the end, so that earlier spans keep their offsets; a span overlapping one already
    // replaced is left to it.
    qsizetype limit = text.size();
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        if (it->start + it->length > limit)
            continue;
        text.replace(it->start, it->length, u'[' + piiTypeLabel(it->type) + u']');
        limit = it->start;
    }
    return text;
}

/// Opt-in body logging (logging.log_bodies); returns the text logged, for the request's record.
QString logBody(const QString &requestId, const char *what, QByteArrayView body)
{
    const bool truncated = body.size() > MaxLoggedBody;
    QString text = keptBody(body);
    qCInfo(lcBodies, "%s %s (%lld bytes%s): %s", qPrintable(requestId), what, qint64(body.size()),
           truncated ? ", truncated" : "", qPrintable(text));
    return text;
}
constexpr qint64 ClientHighWater = 4 * 1024 * 1024;

ApiError errorFromUpstream(const UpstreamError &e, bool afterHeaders)
{
    switch (e.kind) {
    case UpstreamErrorKind::Timeout:
        return ApiError::gatewayTimeout(QStringLiteral("The upstream did not answer in time: %1").arg(e.message));
    case UpstreamErrorKind::ConnectFailed:
        return ApiError::badGateway(QStringLiteral("The upstream could not be reached: %1").arg(e.message),
                                    QByteArrayLiteral("upstream_unreachable"));
    case UpstreamErrorKind::ConnectionLost:
        return ApiError::badGateway(
            afterHeaders ? QStringLiteral("The upstream connection was lost mid-response: %1").arg(e.message)
                         : QStringLiteral("The upstream closed the connection without answering: %1").arg(e.message),
            QByteArrayLiteral("upstream_disconnected"));
    case UpstreamErrorKind::Protocol:
    case UpstreamErrorKind::Cancelled:
    case UpstreamErrorKind::None:
        break;
    }
    return ApiError::badGateway(QStringLiteral("The upstream sent an invalid response: %1").arg(e.message),
                                QByteArrayLiteral("upstream_protocol_error"));
}

/// An upstream error saying the prompt does not fit the model's context window.
bool isContextOverflow(const canonical::Error &e)
{
    if (e.code == u"context_length_exceeded" || e.code == u"string_above_max_length")
        return true;
    const QString m = e.message.toLower();
    return m.contains(u"context length") || m.contains(u"context window") || m.contains(u"maximum context") ||
           m.contains(u"prompt is too long") || m.contains(u"input token count") || m.contains(u"too many tokens");
}

/// An upstream refusal on content-policy grounds (another provider may answer).
bool isContentPolicy(const canonical::Error &e)
{
    if (e.code == u"content_filter" || e.code == u"content_policy_violation")
        return true;
    const QString m = e.message.toLower();
    return m.contains(u"content management policy") || m.contains(u"content policy") ||
           m.contains(u"safety settings");
}

} // namespace

CallServices ProxyCall::servicesOf(ApiRouter *router)
{
    CallServices s;
    s.transport = router->transport();
    s.budget = router->budget();
    s.records = router->records();
    const SharedState *state = router->state();
    s.nowMs = [state] { return state->nowMs(); };
    s.release = [router](ProxyCall *call) { router->release(call); };
    return s;
}

ProxyCall::ProxyCall(ApiRouter *router, RoutingSnapshotPtr snapshot, std::shared_ptr<HttpResponder> responder,
                     RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
                     formats::ClientOptions clientOptions, ResponseFilterChainPtr filters)
    : ProxyCall(servicesOf(router), std::move(snapshot), std::make_shared<HttpClientResponder>(std::move(responder)),
                std::move(record), receivedNs, clientFormat, std::move(clientOptions), std::move(filters))
{
}

ProxyCall::ProxyCall(CallServices services, RoutingSnapshotPtr snapshot, std::shared_ptr<ClientResponder> responder,
                     RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
                     formats::ClientOptions clientOptions, ResponseFilterChainPtr filters)
    : m_services(std::move(services)), m_snapshot(std::move(snapshot)), m_responder(std::move(responder)),
      m_record(std::move(record)), m_filters(std::move(filters)), m_receivedNs(receivedNs),
      m_clientFormat(clientFormat), m_clientOptions(std::move(clientOptions))
{
    if (!isActive(m_filters))
        m_filters.reset(); // nothing to run: the hot path tests one pointer
    m_responder->setCallbacks([this] { onClientGone(); }, [this] { onTerminate(); },
                              [this] {
                                  if (m_pausedForClient && m_upstream) {
                                      m_pausedForClient = false;
                                      m_upstream->setPaused(false);
                                  }
                              });
    m_retryTimer.setSingleShot(true);
    // Never early: a coarse timer may fire 5 % before its time, before the provider's Retry-After.
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    m_retryTimer.callOnTimeout([this] { nextAttempt(); });
}

ProxyCall::~ProxyCall()
{
    m_upstream.reset(); // cancels a transfer still running; no callback fires after this
    m_relay.reset();
    endAttemptStats();
    m_responder->setCallbacks({}, {}, {});
}

void ProxyCall::start(QList<RouteTarget> routes, PlanFactory planFor)
{
    m_routes = std::move(routes);
    m_planFor = std::move(planFor);
    m_tried = QList<bool>(m_routes.size(), false);
    m_excluded = QList<bool>(m_routes.size(), false);
    m_retryAfterMs = QList<qint64>(m_routes.size(), -1);
    m_logBodies = m_snapshot->config().logging.logBodies;
    nextAttempt();
}

void ProxyCall::nextAttempt()
{
    if (m_phase == Phase::Done)
        return;
    if (m_backoffSinceNs) {
        m_earlierWaitNs += monotonicNowNs() - m_backoffSinceNs;
        m_backoffSinceNs = 0;
    }
    const RoutingConfig &routing = m_snapshot->config().routing;
    const qint64 nowMs = m_services.nowMs();
    const qint64 elapsedMs = (monotonicNowNs() - m_receivedNs) / 1'000'000;
    if (m_attempts >= routing.maxAttempts || (m_attempts > 0 && elapsedMs >= routing.retryBudgetMs)) {
        giveUp();
        return;
    }
    // The first route after the current one that may take a call now: untried routes in order,
    // then (as retries) the routes already tried.
    const qsizetype n = m_routes.size();
    int pick = -1;
    for (bool retry : {false, true}) {
        for (qsizetype k = 1; k <= n && pick < 0; ++k) {
            const int i = int((m_routeIndex + k + n) % n);
            if (m_excluded[i] || m_tried[i] != retry)
                continue;
            if (m_routes[i].endpoint->health->breaker.isAvailable(nowMs))
                pick = i;
        }
        if (pick >= 0)
            break;
    }
    if (pick < 0) {
        if (m_attempts == 0)
            m_lastError = ApiError::unavailable(
                QStringLiteral("Every endpoint for '%1' is unavailable (circuit breaker open after repeated failures); "
                               "retry later")
                    .arg(m_record.model),
                QByteArrayLiteral("all_endpoints_unavailable"));
        giveUp();
        return;
    }
    if (!m_tried[pick]) {
        startAttempt(pick);
        return;
    }
    // A retry: back off (at least as long as the endpoint asked), within the request's budget.
    RetrySettings settings{routing.maxAttempts, routing.retryBaseDelayMs, routing.retryMaxDelayMs,
                           routing.retryBudgetMs};
    const qint64 asked = m_retryAfterMs[pick];
    const qint64 delay = backoffDelayMs(settings, m_retries + 1, asked >= 0 ? std::optional<qint64>(asked) : std::nullopt,
                                        QRandomGenerator::global()->generate());
    if (elapsedMs + delay > routing.retryBudgetMs) {
        giveUp();
        return;
    }
    ++m_retries;
    m_routeIndex = pick - 1; // nextAttempt() after the delay picks this route first
    if (m_routeIndex < 0)
        m_routeIndex += int(n);
    m_tried[pick] = false; // picked again as "untried" when the timer fires
    m_backoffSinceNs = monotonicNowNs();
    m_retryTimer.start(int(delay));
}

void ProxyCall::startAttempt(int routeIndex)
{
    const RouteTarget &route = m_routes[routeIndex];
    const ResolvedEndpoint &endpoint = *route.endpoint;
    ApiError planError;
    std::optional<UpstreamPlan> plan = m_planFor(route, &planError);
    if (!plan) {
        m_excluded[routeIndex] = true;
        m_lastError = planError;
        m_lastWasHttpError = false;
        m_routeIndex = routeIndex;
        nextAttempt();
        return;
    }
    CircuitBreaker &breaker = endpoint.health->breaker;
    const qint64 nowMs = m_services.nowMs();
    m_probe = breaker.state(nowMs) != CircuitBreaker::State::Closed;
    if (!breaker.tryAcquire(nowMs)) {
        m_routeIndex = routeIndex;
        nextAttempt(); // another request took the probe meanwhile
        return;
    }

    // A fresh attempt: nothing of the previous one is kept but the time it waited.
    const qint64 startNs = monotonicNowNs();
    if (m_upstreamStartNs)
        m_earlierWaitNs += (m_upstreamEndNs ? m_upstreamEndNs : startNs) - m_upstreamStartNs;
    m_routeIndex = routeIndex;
    m_tried[routeIndex] = true;
    ++m_attempts;
    m_upstream.reset();
    m_phase = Phase::Waiting;
    m_upstreamStatus = 0;
    m_upstreamHeaders.clear();
    m_pending.clear();
    m_relay.reset();
    m_cacheStream.clear();
    m_cacheOverflow = false;
    m_upstreamHeadersNs = 0;
    m_upstreamEndNs = 0;

    m_endpoint = &endpoint;
    m_stream = plan->stream;
    m_upstreamFormat = plan->format;
    m_record.provider = QString::fromLatin1(endpoint.providerName);
    m_record.endpoint = endpoint.config.id;
    m_record.servedModel = route.upstreamModel;
    m_record.stream = plan->stream;
    m_record.attempts = m_attempts;
    endpoint.statsFor(route.upstreamModel).begin();
    m_statsOpen = true;

    const UpstreamConfig &u = m_snapshot->config().upstream;
    UpstreamRequest request;
    request.url = QUrl::fromEncoded(plan->url);
    if (m_logBodies)
        m_record.requestBody = logBody(m_record.requestId, "request body", plan->body);
    request.body = std::move(plan->body);
    request.timeouts = {u.connectTimeoutMs, u.firstByteTimeoutMs, u.idleTimeoutMs, u.totalTimeoutMs};
    request.headers = plan->stream ? endpoint.streamRequestHeaders : endpoint.requestHeaders;
    request.headers.append(plan->extraHeaders);

    UpstreamCallbacks callbacks;
    callbacks.onHeaders = [this](int status, const HeaderList &headers) { onHeaders(status, headers); };
    callbacks.onData = [this](QByteArrayView chunk) { onData(chunk); };
    callbacks.onFinished = [this](const UpstreamError &error) { onFinished(error); };
    m_upstreamStartNs = startNs;
    m_upstream = m_services.transport->start(std::move(request), std::move(callbacks));
}

HeaderList ProxyCall::gatewayHeaders() const
{
    HeaderList h;
    h.append({QByteArrayLiteral("x-llmproxy-request-id"), m_record.requestId.toLatin1()});
    if (m_endpoint) {
        h.append({QByteArrayLiteral("x-llmproxy-provider"), m_endpoint->providerName});
        h.append({QByteArrayLiteral("x-llmproxy-endpoint"), m_endpoint->idUtf8});
    }
    h.append({QByteArrayLiteral("x-llmproxy-attempts"), QByteArray::number(m_attempts)});
    h.append({QByteArrayLiteral("x-llmproxy-overhead-ms"), QByteArray::number(overheadMs(), 'f', 3)});
    if (!m_caching.status.isEmpty())
        h.append({QByteArrayLiteral("x-llmproxy-cache"), m_caching.status});
    if (m_cacheHit)
        h.append({QByteArrayLiteral("age"), QByteArray::number(m_cacheAgeS)});
    return h;
}

double ProxyCall::overheadMs() const
{
    // Gateway time = time since the request arrived, minus the time spent waiting on upstreams
    // (every attempt) and in retry backoff.
    const qint64 now = monotonicNowNs();
    qint64 upstreamWait = m_earlierWaitNs + (m_backoffSinceNs ? now - m_backoffSinceNs : 0);
    if (m_upstreamStartNs) {
        const qint64 end = m_upstreamEndNs ? m_upstreamEndNs : (m_upstreamHeadersNs ? m_upstreamHeadersNs : now);
        upstreamWait += end - m_upstreamStartNs;
    }
    return double(qMax<qint64>(0, now - m_receivedNs - upstreamWait)) / 1e6;
}

void ProxyCall::onHeaders(int status, const HeaderList &headers)
{
    m_upstreamHeadersNs = monotonicNowNs();
    m_upstreamStatus = status;
    m_upstreamHeaders = headers;
    if (status >= 200 && status < 300) {
        // The endpoint answers: its breaker closes and its latency (to the first byte) is sampled.
        m_endpoint->health->breaker.recordSuccess();
        m_probe = false;
        const double ttfbMs = double(m_upstreamHeadersNs - m_upstreamStartNs) / 1e6;
        const double alpha = m_snapshot->config().routing.latencyAlpha;
        m_endpoint->statsFor(m_routes[m_routeIndex].upstreamModel).recordSuccess(ttfbMs, alpha);
        m_endpoint->health->total.recordSuccess(ttfbMs, alpha);
    }
    if (m_stream && status >= 200 && status < 300) {
        openStream(status, headers);
        return;
    }
    m_phase = Phase::Buffering;
}

bool ProxyCall::openStream(int status, const HeaderList &headers)
{
    m_phase = Phase::Streaming;
    HeaderList h;
    QByteArray contentType = QByteArrayLiteral("text/event-stream");
    for (const auto &header : headers) {
        if (header.first == "content-type")
            contentType = header.second;
        else if (isRelayedHeader(header.first))
            h.append(header);
    }
    ResponseFilterChainPtr filters = filtersFor(m_upstreamFormat);
    if (filters && !ResponseRelay::canFilter(m_upstreamFormat)) {
        // Fail closed: an answer the filters cannot read must not reach the client unfiltered.
        m_upstream.reset();
        endAttemptStats();
        respondError(ApiError::badGateway(
            QStringLiteral("The response filters cannot read %1 streams").arg(formats::apiFormatName(m_upstreamFormat)),
            QByteArrayLiteral("response_filter_unsupported")));
        return false;
    }
    m_relay = std::make_unique<ResponseRelay>(m_clientFormat, m_upstreamFormat, m_clientOptions, filters, &m_meter,
                                              &m_record, [this](QByteArrayView b) { writeClient(b); });
    if (m_logBodies)
        m_relay->keepFirstBytes(MaxLoggedBody);
    if (m_relay->reencodes())
        contentType = QByteArrayLiteral("text/event-stream; charset=utf-8");
    h.prepend({QByteArrayLiteral("content-type"), contentType});
    h.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
    h.append({QByteArrayLiteral("x-accel-buffering"), QByteArrayLiteral("no")});
    // The client's status line waits for the first bytes to relay: until then another route
    // can still take over if this one fails.
    m_streamStatus = status;
    m_streamHeaders = std::move(h);
    return true;
}

void ProxyCall::writeClient(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    beginClientStream();
    if (m_recorder && recording())
        recordFromStream(bytes);
    if (m_record.ttftMs < 0)
        m_record.ttftMs = double(monotonicNowNs() - m_receivedNs) / 1e6;
    m_responder->writeChunk(bytes);
}

void ProxyCall::beginClientStream()
{
    if (m_clientStarted)
        return;
    m_clientStarted = true;
    HeaderList h = m_streamHeaders;
    h.append(gatewayHeaders());
    m_responder->beginStream(m_streamStatus, h);
}

void ProxyCall::onData(QByteArrayView chunk)
{
    if (m_phase == Phase::Buffering) {
        if (m_pending.size() + chunk.size() > MaxBufferedResponse) {
            m_upstream.reset();
            respondError(ApiError::badGateway(QStringLiteral("The upstream response is too large to relay"),
                                              QByteArrayLiteral("upstream_response_too_large")));
            return;
        }
        m_pending.append(chunk.data(), chunk.size());
        return;
    }
    if (m_phase != Phase::Streaming)
        return;
    if (m_caching.cache && !m_cacheOverflow) {
        if (m_cacheStream.size() + chunk.size() > m_caching.cache->maxEntryBytes()) {
            m_cacheOverflow = true; // relayed as usual, but too large to keep
            m_cacheStream = QByteArray();
        } else {
            m_cacheStream.append(chunk.data(), chunk.size());
        }
    }
    m_relay->feed(chunk);
    if (m_relay->hasEnded()) { // a filter blocked the answer, or the upstream broke the protocol
        m_upstream.reset();
        endStream(m_upstreamStatus, m_relay->endCode());
        return;
    }
    if (m_responder->pendingBytes() > ClientHighWater && m_upstream && !m_pausedForClient) {
        m_pausedForClient = true; // slow client: stop reading upstream until its socket drains
        m_upstream->setPaused(true);
    }
}

void ProxyCall::onFinished(const UpstreamError &error)
{
    m_upstreamEndNs = monotonicNowNs();
    if (!m_upstreamHeadersNs)
        m_upstreamHeadersNs = m_upstreamEndNs;
    switch (m_phase) {
    case Phase::Waiting:
        m_lastError = errorFromUpstream(error, false);
        m_lastWasHttpError = false;
        attemptFailed(Failure::Transient, true, std::nullopt);
        return;
    case Phase::Buffering:
        if (!error.ok()) {
            m_lastError = errorFromUpstream(error, true);
            m_lastWasHttpError = false;
            attemptFailed(Failure::Transient, true, std::nullopt);
            return;
        }
        if (m_upstreamStatus >= 400) {
            // Whether another route may do better depends on what went wrong.
            const canonical::Error e = formats::parseError(m_upstreamFormat, m_upstreamStatus, m_pending);
            const RoutingConfig &routing = m_snapshot->config().routing;
            const int st = m_upstreamStatus;
            std::optional<Failure> failure;
            if (st == 408 || st == 425 || st == 429 || st >= 500)
                failure = Failure::Transient;
            else if (routing.fallbackOnContextOverflow && isContextOverflow(e))
                failure = Failure::ContextOverflow;
            else if (routing.fallbackOnContentPolicy && isContentPolicy(e))
                failure = Failure::ContentPolicy;
            if (failure) {
                QByteArray retryAfter, retryAfterMs;
                for (const auto &h : std::as_const(m_upstreamHeaders)) {
                    if (h.first == "retry-after")
                        retryAfter = h.second;
                    else if (h.first == "retry-after-ms")
                        retryAfterMs = h.second;
                }
                m_lastWasHttpError = true;
                attemptFailed(*failure, st >= 500,
                              parseRetryAfter(retryAfter, retryAfterMs, QDateTime::currentMSecsSinceEpoch()));
                return;
            }
        }
        endAttemptStats();
        respondBuffered();
        return;
    case Phase::Streaming:
        if (!error.ok()) {
            if (!m_clientStarted) {
                m_lastError = errorFromUpstream(error, true);
                m_lastWasHttpError = false;
                attemptFailed(Failure::Transient, true, std::nullopt);
                return;
            }
            failStream(errorFromUpstream(error, true));
            return;
        }
        m_relay->finish();
        if (m_relay->isComplete() && m_relay->endCode().isEmpty() && !m_cacheOverflow)
            storeAnswer(std::exchange(m_cacheStream, {}));
        endStream(m_upstreamStatus, m_relay->endCode());
        return;
    case Phase::Done:
        return;
    }
}

void ProxyCall::attemptFailed(Failure failure, bool endpointFault, std::optional<qint64> retryAfterMs)
{
    m_upstream.reset();
    const RouteTarget &route = m_routes[m_routeIndex];
    EndpointHealth &health = *route.endpoint->health;
    const double alpha = m_snapshot->config().routing.latencyAlpha;
    if (endpointFault) {
        health.breaker.recordFailure(m_services.nowMs());
        route.endpoint->statsFor(route.upstreamModel).recordFailure(alpha);
        health.total.recordFailure(alpha);
    } else if (m_probe) {
        health.breaker.recordSuccess(); // it answered: alive, whatever it said
    }
    m_probe = false;
    endAttemptStats();
    m_retryAfterMs[m_routeIndex] = retryAfterMs.value_or(-1);
    // Routes that would fail the same way are not tried again for this request.
    for (qsizetype i = 0; i < m_routes.size(); ++i) {
        const RouteTarget &other = m_routes[i];
        if ((failure == Failure::ContextOverflow && other.upstreamModel == route.upstreamModel) ||
            (failure == Failure::ContentPolicy && other.endpoint->preset == route.endpoint->preset))
            m_excluded[i] = true;
    }
    qInfo("request %s: attempt %d via %s (%s) failed: %s", qPrintable(m_record.requestId), m_attempts,
          qPrintable(route.endpoint->config.id), qPrintable(route.upstreamModel),
          m_lastWasHttpError ? qPrintable(QStringLiteral("upstream answered %1").arg(m_upstreamStatus))
                             : qPrintable(m_lastError.message));
    nextAttempt();
}

void ProxyCall::giveUp()
{
    if (m_lastWasHttpError) {
        respondBuffered(); // the last upstream's own error, in the client's shape
        return;
    }
    if (m_lastError.message.isEmpty())
        m_lastError = ApiError::unavailable(QStringLiteral("No endpoint could serve the request"),
                                            QByteArrayLiteral("no_endpoint_available"));
    respondError(m_lastError);
}

void ProxyCall::chargeBudget()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_endpoint && m_routeIndex >= 0 && !m_cacheHit)
        m_meter.charge(m_snapshot->priceFor(*m_endpoint, m_routes[m_routeIndex].upstreamModel), m_services.budget, now);
    if (!m_reservation || !m_scopeBudgets)
        return;
    const std::shared_ptr<BudgetReservation> reservation = std::exchange(m_reservation, {});
    const bool answered = !m_cacheHit && m_upstreamStatus >= 200 && m_upstreamStatus < 300;
    if (!answered)
        m_scopeBudgets->release(*reservation); // no provider answered: nothing was spent
    else if (m_record.costUsd >= 0)
        m_scopeBudgets->settle(*reservation, m_record.costUsd, now);
    else // the provider answered but said nothing of its usage (a stream cut short): assume the worst
        m_scopeBudgets->settle(*reservation, ScopeBudgets::toUsd(reservation->nano()), now);
}

void ProxyCall::endAttemptStats()
{
    if (!m_statsOpen)
        return;
    m_statsOpen = false;
    const RouteTarget &route = m_routes[m_routeIndex];
    route.endpoint->statsFor(route.upstreamModel).end();
}

ResponseFilterChainPtr ProxyCall::filtersFor(formats::ApiFormat upstream) const
{
    // Filters that only improve an answer (sanitizing) step aside for an answer they cannot read;
    // a required one (restoring masked values, signing) makes it fail closed instead.
    if (m_filters && !ResponseRelay::canFilter(upstream) && !m_filters->isRequired())
        return nullptr;
    return m_filters;
}

void ProxyCall::respondBuffered()
{
    const QByteArray upstreamBody = m_pending; // shared, not copied: kept for the cache
    BufferedAnswer answer{m_upstreamStatus, {}, std::exchange(m_pending, {})};
    const std::optional<ApiError> error =
        relayBuffered(m_clientFormat, m_upstreamFormat, m_upstreamHeaders, m_clientOptions,
                      filtersFor(m_upstreamFormat), &m_meter, &m_record, &answer);
    if (error) {
        respondError(*error);
        return;
    }
    answer.headers.append(gatewayHeaders());
    if (m_recorder && recording() && answer.status >= 200 && answer.status < 300)
        recordAnswer(QJsonDocument::fromJson(answer.body).object());
    if (m_logBodies)
        m_record.responseBody = logBody(m_record.requestId, "response body", answer.body);
    m_record.ttftMs = double(monotonicNowNs() - m_receivedNs) / 1e6; // the whole answer goes at once
    m_responder->respond(answer.status, answer.headers, answer.body);
    // A Responses answer is complete only when its status says so (not "incomplete", "queued"
    // for a background request, or "failed").
    bool complete = true;
    if (m_upstreamFormat == formats::ApiFormat::OpenAiResponses) {
        const JsonMemberSpan status = findTopLevelMember(upstreamBody, "status");
        complete = status.isValid() &&
                   QByteArrayView(upstreamBody).sliced(status.valueStart, status.valueEnd - status.valueStart) ==
                       "\"completed\"";
    }
    if (complete)
        storeAnswer(upstreamBody);
    finish(m_upstreamStatus);
}

void ProxyCall::storeAnswer(QByteArray body)
{
    if (!m_caching.cache || m_cacheHit || m_upstreamStatus < 200 || m_upstreamStatus >= 300 ||
        !m_record.error.isEmpty())
        return;
    auto answer = std::make_shared<CachedAnswer>();
    answer->scope = m_caching.scope;
    answer->upstreamFormat = m_upstreamFormat;
    answer->stream = m_stream;
    answer->status = m_upstreamStatus;
    for (const auto &h : std::as_const(m_upstreamHeaders)) {
        if (h.first == "content-type") {
            answer->contentType = h.second;
            break;
        }
    }
    answer->body = std::move(body);
    answer->servedModel = m_record.servedModel;
    answer->storedAtMs = m_services.nowMs();
    m_caching.cache->insert(m_caching.key, std::move(answer));
}

bool ProxyCall::recording() const
{
    return m_clientFormat == formats::ApiFormat::OpenAiResponses &&
           m_upstreamFormat != formats::ApiFormat::OpenAiResponses;
}

void ProxyCall::recordAnswer(const QJsonObject &response)
{
    const QString status = response.value(QLatin1String("status")).toString();
    if (response.value(QLatin1String("object")).toString() != QLatin1String("response") ||
        (status != QLatin1String("completed") && status != QLatin1String("incomplete")))
        return;
    std::exchange(m_recorder, {})(response);
}

void ProxyCall::recordFromStream(QByteArrayView bytes)
{
    // The encoder writes whole "event: <type>\ndata: <json>\n\n" blocks; only the terminal one
    // matters, and it carries the final Response object.
    m_recordTail.append(bytes.data(), bytes.size());
    qsizetype start = 0;
    for (qsizetype end = m_recordTail.indexOf("\n\n"); end >= 0 && m_recorder;
         end = m_recordTail.indexOf("\n\n", start)) {
        const QByteArrayView event = QByteArrayView(m_recordTail).sliced(start, end - start);
        start = end + 2;
        if (!event.startsWith("event: response.completed\n") && !event.startsWith("event: response.incomplete\n"))
            continue;
        const qsizetype data = event.indexOf("\ndata: ");
        if (data >= 0)
            recordAnswer(QJsonDocument::fromJson(event.sliced(data + 7).toByteArray())
                             .object()
                             .value(QLatin1String("response"))
                             .toObject());
    }
    m_recordTail.remove(0, start);
    if (!m_recorder)
        m_recordTail = QByteArray();
}

void ProxyCall::replay(const CachedAnswer &answer, qint64 nowMs)
{
    m_cacheHit = true;
    m_cacheAgeS = qMax<qint64>(0, (nowMs - answer.storedAtMs) / 1000);
    m_logBodies = m_snapshot->config().logging.logBodies;
    m_upstreamFormat = answer.upstreamFormat;
    m_stream = answer.stream;
    m_upstreamStatus = answer.status;
    m_upstreamHeaders = {{QByteArrayLiteral("content-type"), answer.contentType}};
    m_record.servedModel = answer.servedModel;
    m_record.stream = answer.stream;
    m_record.cacheHit = true;
    if (!m_stream) {
        m_pending = answer.body;
        respondBuffered();
        return;
    }
    if (!openStream(m_upstreamStatus, m_upstreamHeaders))
        return;
    m_relay->feed(answer.body);
    if (!m_relay->hasEnded())
        m_relay->finish();
    endStream(m_upstreamStatus, m_relay->endCode());
}

void ProxyCall::respondError(const ApiError &error)
{
    if (m_phase == Phase::Streaming && m_clientStarted) {
        failStream(error);
        return;
    }
    HeaderList h{{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}};
    h.append(gatewayHeaders());
    m_responder->respond(error.status, h, clientErrorBody(error));
    finish(error.status, QString::fromLatin1(error.code));
}

void ProxyCall::failStream(const ApiError &error)
{
    const QString code = m_relay ? m_relay->fail(error) : QString::fromLatin1(error.code);
    endStream(m_upstreamStatus ? m_upstreamStatus : error.status, code);
}

void ProxyCall::endStream(int status, const QString &error)
{
    beginClientStream(); // an empty stream: the client still gets its status and end
    m_responder->endStream();
    finish(status, error);
}

QByteArray ProxyCall::clientErrorBody(const ApiError &error) const
{
    return errorBodyFor(m_clientFormat, error);
}

void ProxyCall::onClientGone()
{
    m_retryTimer.stop();
    if (m_upstream && m_upstreamStartNs && !m_upstreamEndNs)
        m_upstreamEndNs = monotonicNowNs(); // the wait on the provider ends here, not at its headers
    m_upstream.reset(); // stop paying for tokens nobody will read
    if (m_probe && m_routeIndex >= 0)
        m_routes[m_routeIndex].endpoint->health->breaker.abandon(); // the probe told nothing
    m_probe = false;
    finish(499, QStringLiteral("client_closed_request"));
}

void ProxyCall::onTerminate()
{
    m_retryTimer.stop();
    m_upstream.reset();
    respondError(ApiError::unavailable(QStringLiteral("The gateway is shutting down; retry the request"),
                                       QByteArrayLiteral("server_shutting_down")));
}

void ProxyCall::finish(int status, const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    m_retryTimer.stop();
    endAttemptStats();
    if (m_logBodies && m_relay && !m_relay->firstBytes().isEmpty())
        m_record.responseBody = logBody(m_record.requestId, "streamed response (first bytes)", m_relay->firstBytes());
    m_record.status = status;
    if (!error.isEmpty() && m_record.error.isEmpty())
        m_record.error = error;
    chargeBudget();
    if (m_cacheHit)
        m_record.costUsd = 0; // nothing was asked of a provider
    m_record.latencyMs = double(monotonicNowNs() - m_receivedNs) / 1e6;
    m_record.overheadMs = overheadMs();
    logging::logRequest(m_record);
    m_services.records->push(m_record);
    m_services.release(this);
}

} // namespace llmproxy

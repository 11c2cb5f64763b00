// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/proxycall.h"

#include "proxycore/api/apirouter.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/routing/retrypolicy.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace llmproxy {

namespace {

constexpr qsizetype MaxBufferedResponse = 64 * 1024 * 1024;
constexpr qsizetype MaxLoggedBody = 16 * 1024;

Q_LOGGING_CATEGORY(lcBodies, "llmproxy.bodies")

/// Opt-in body logging (logging.log_bodies): truncated, with anything that looks like a key redacted.
void logBody(const QString &requestId, const char *what, QByteArrayView body)
{
    const bool truncated = body.size() > MaxLoggedBody;
    const QString text = logging::redactSecrets(QString::fromUtf8(body.first(qMin(body.size(), MaxLoggedBody))));
    qCInfo(lcBodies, "%s %s (%lld bytes%s): %s", qPrintable(requestId), what, qint64(body.size()),
           truncated ? ", truncated" : "", qPrintable(text));
}
constexpr qint64 ClientHighWater = 4 * 1024 * 1024;

/// Upstream response headers a client may rely on (rate-limit hints, request ids). Hop-by-hop
/// headers, framing and cookies are never passed on.
bool isRelayedHeader(QByteArrayView name)
{
    return name == "retry-after" || name == "retry-after-ms" || name == "x-request-id" ||
           name == "x-should-retry" || name.startsWith("x-ratelimit-") || name == "openai-processing-ms";
}

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

ProxyCall::ProxyCall(ApiRouter *router, RoutingSnapshotPtr snapshot, std::shared_ptr<HttpResponder> responder,
                     RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
                     formats::ClientOptions clientOptions)
    : m_router(router), m_snapshot(std::move(snapshot)), m_responder(std::move(responder)),
      m_record(std::move(record)), m_receivedNs(receivedNs), m_clientFormat(clientFormat),
      m_clientOptions(std::move(clientOptions))
{
    m_responder->setOnClientGone([this] { onClientGone(); });
    m_responder->setOnTerminate([this] { onTerminate(); });
    m_responder->setOnDrained([this] {
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
    endAttemptStats();
    m_responder->setOnClientGone({});
    m_responder->setOnTerminate({});
    m_responder->setOnDrained({});
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
    const qint64 nowMs = m_router->state()->nowMs();
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
    const qint64 nowMs = m_router->state()->nowMs();
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
    m_scanFrom = 0;
    m_lineStart = true;
    m_sideChannel = SseDecoder();
    m_sawDone = false;
    m_sawFinish = false;
    m_lastSequence = -1;
    m_responseId.clear();
    m_decoder.reset();
    m_encoder.reset();
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
        logBody(m_record.requestId, "request body", plan->body);
    request.body = std::move(plan->body);
    request.timeouts = {u.connectTimeoutMs, u.firstByteTimeoutMs, u.idleTimeoutMs, u.totalTimeoutMs};
    request.headers = plan->stream ? endpoint.streamRequestHeaders : endpoint.requestHeaders;
    request.headers.append(plan->extraHeaders);

    UpstreamCallbacks callbacks;
    callbacks.onHeaders = [this](int status, const HeaderList &headers) { onHeaders(status, headers); };
    callbacks.onData = [this](QByteArrayView chunk) { onData(chunk); };
    callbacks.onFinished = [this](const UpstreamError &error) { onFinished(error); };
    m_upstreamStartNs = startNs;
    m_upstream = m_router->transport()->start(std::move(request), std::move(callbacks));
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
        m_phase = Phase::Streaming;
        HeaderList h;
        QByteArray contentType = QByteArrayLiteral("text/event-stream");
        for (const auto &header : headers) {
            if (header.first == "content-type")
                contentType = header.second;
            else if (isRelayedHeader(header.first))
                h.append(header);
        }
        if (m_clientFormat != m_upstreamFormat) {
            contentType = QByteArrayLiteral("text/event-stream; charset=utf-8");
            m_decoder = formats::makeStreamDecoder(m_upstreamFormat);
            m_encoder = formats::makeStreamEncoder(m_clientFormat, m_clientOptions);
        }
        h.prepend({QByteArrayLiteral("content-type"), contentType});
        h.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
        h.append({QByteArrayLiteral("x-accel-buffering"), QByteArrayLiteral("no")});
        // The client's status line waits for the first bytes to relay: until then another route
        // can still take over if this one fails.
        m_streamStatus = status;
        m_streamHeaders = std::move(h);
        return;
    }
    m_phase = Phase::Buffering;
}

void ProxyCall::writeClient(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    beginClientStream();
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
    if (m_encoder) {
        relayTranslated(chunk, false);
    } else {
        m_pending.append(chunk.data(), chunk.size());
        relayCompleteEvents(false);
    }
    if (m_responder->pendingBytes() > ClientHighWater && m_upstream && !m_pausedForClient) {
        m_pausedForClient = true; // slow client: stop reading upstream until its socket drains
        m_upstream->setPaused(true);
    }
}

/// Whether `json` has the member `quotedKey` with a string value (`"finish_reason":"stop"`, but not
/// `"finish_reason":null`). A byte search: the key does not occur inside the content strings of a
/// streamed event, where quotes are escaped.
static bool hasStringMember(QByteArrayView json, QByteArrayView quotedKey)
{
    for (qsizetype at = json.indexOf(quotedKey); at >= 0; at = json.indexOf(quotedKey, at + 1)) {
        qsizetype i = at + quotedKey.size();
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t'))
            ++i;
        if (i >= json.size() || json[i] != ':')
            continue;
        ++i;
        while (i < json.size() && (json[i] == ' ' || json[i] == '\t'))
            ++i;
        if (i < json.size() && json[i] == '"')
            return true;
    }
    return false;
}

void ProxyCall::relayCompleteEvents(bool flushAll)
{
    // Find the end of the last complete event (a blank line), whatever the line endings.
    qsizetype boundary = flushAll ? m_pending.size() : -1;
    if (!flushAll) {
        const char *p = m_pending.constData();
        qsizetype i = m_scanFrom;
        for (; i < m_pending.size(); ++i) {
            const char c = p[i];
            if (c != '\n' && c != '\r') {
                m_lineStart = false;
                continue;
            }
            if (c == '\r' && i + 1 == m_pending.size())
                break; // maybe the first half of CRLF: decide when more bytes arrive
            const bool crlf = c == '\r' && p[i + 1] == '\n';
            if (crlf)
                ++i;
            if (m_lineStart)
                boundary = i + 1; // an empty line: the event before it is complete
            m_lineStart = true;
        }
        m_scanFrom = i;
    }
    if (boundary <= 0)
        return;
    const QByteArray ready = m_pending.first(boundary);
    m_pending.remove(0, boundary);
    m_scanFrom = qMax<qsizetype>(0, m_scanFrom - boundary);
    writeClient(ready);
    if (m_logBodies && m_loggedStream.size() < MaxLoggedBody)
        m_loggedStream.append(ready.first(qMin(ready.size(), MaxLoggedBody - m_loggedStream.size())));
    // Side channel for usage and errors. Only whole events are relayed, so the decoder is at an
    // event boundary after every feed.
    QList<SseEvent> events = m_sideChannel.feed(ready);
    if (flushAll)
        events.append(m_sideChannel.finish()); // the upstream's last event may lack its blank line
    for (const SseEvent &e : std::as_const(events)) {
        if (e.data == "[DONE]" || e.event == "message_stop") {
            m_sawDone = true;
            continue;
        }
        if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
            noteResponsesEvent(e);
            continue;
        }
        if (e.data.contains("\"usage\"") || e.data.contains("\"error\""))
            noteUsage(e.data);
        if (!m_sawFinish)
            m_sawFinish = hasStringMember(e.data, m_clientFormat == formats::ApiFormat::AnthropicMessages
                                                      ? QByteArrayView("\"stop_reason\"")
                                                      : QByteArrayView("\"finish_reason\""));
    }
}

void ProxyCall::relayTranslated(QByteArrayView chunk, bool end)
{
    QList<canonical::StreamEvent> events = end ? m_decoder->finish() : m_decoder->feed(chunk);
    for (canonical::StreamEvent &e : events) {
        // Clients get back the model name they asked for, not the one it was mapped to.
        if (e.type == canonical::StreamEvent::Type::MessageStart)
            e.model = m_record.model;
        if (e.type == canonical::StreamEvent::Type::MessageStart || e.type == canonical::StreamEvent::Type::MessageDelta)
            noteCanonicalUsage(e.usage);
        else if (e.type == canonical::StreamEvent::Type::Error && m_record.error.isEmpty())
            m_record.error = e.error.code.isEmpty() ? e.error.type : e.error.code;
    }
    QByteArray out = m_encoder->encode(events);
    if (end && !m_encoder->isFinished())
        out += m_encoder->finish(); // an upstream that ended without finishing still gets a proper end
    if (m_logBodies && m_loggedStream.size() < MaxLoggedBody)
        m_loggedStream.append(out.first(qMin(out.size(), MaxLoggedBody - m_loggedStream.size())));
    writeClient(out);
}

void ProxyCall::noteCanonicalUsage(const canonical::Usage &usage)
{
    if (usage.inputTokens)
        m_record.promptTokens = int(*usage.inputTokens);
    if (usage.cacheReadTokens)
        m_cachedInputTokens = *usage.cacheReadTokens;
    if (usage.outputTokens)
        m_record.completionTokens = int(*usage.outputTokens);
}

void ProxyCall::noteUsage(QByteArrayView json)
{
    // Only the few members needed are located, by scanning the bytes; no document is built for
    // the response (this runs once per response, or per streamed event that carries usage).
    JsonMemberSpan spans[3];
    findTopLevelMembers(json, {"usage", "error", "message"}, spans);
    const auto objectAt = [](QByteArrayView in, const JsonMemberSpan &span) -> QByteArrayView {
        if (!span.isValid() || in[span.valueStart] != '{')
            return {};
        return in.sliced(span.valueStart, span.valueEnd - span.valueStart);
    };
    QByteArrayView usage = objectAt(json, spans[0]);
    if (usage.isEmpty()) { // Anthropic's message_start carries it inside the message
        const QByteArrayView message = objectAt(json, spans[2]);
        if (!message.isEmpty())
            usage = objectAt(message, findTopLevelMember(message, "usage"));
    }
    if (!usage.isEmpty()) {
        enum { Prompt, Input, Completion, Output, PromptDetails, CacheRead, CacheWrite, Count };
        JsonMemberSpan u[Count];
        findTopLevelMembers(usage,
                            {"prompt_tokens", "input_tokens", "completion_tokens", "output_tokens",
                             "prompt_tokens_details", "cache_read_input_tokens", "cache_creation_input_tokens"},
                            u);
        const auto number = [](QByteArrayView in, const JsonMemberSpan &span) -> std::optional<qint64> {
            if (!span.isValid())
                return std::nullopt;
            return jsonIntegerValue(in.sliced(span.valueStart, span.valueEnd - span.valueStart));
        };
        for (int field : {Prompt, Input}) {
            if (const std::optional<qint64> n = number(usage, u[field]))
                m_record.promptTokens = int(*n);
        }
        for (int field : {Completion, Output}) {
            if (const std::optional<qint64> n = number(usage, u[field]))
                m_record.completionTokens = int(*n);
        }
        // Cached input: OpenAI counts it inside prompt_tokens; Anthropic reports it beside input_tokens.
        if (const QByteArrayView details = objectAt(usage, u[PromptDetails]); !details.isEmpty()) {
            const std::optional<qint64> cached = number(details, findTopLevelMember(details, "cached_tokens"));
            if (cached.value_or(0) > 0)
                m_cachedInputTokens = *cached;
        }
        const qint64 anthropicRead = number(usage, u[CacheRead]).value_or(0);
        const qint64 anthropicWrite = number(usage, u[CacheWrite]).value_or(0);
        const std::optional<qint64> input = number(usage, u[Input]);
        if ((anthropicRead > 0 || anthropicWrite > 0) && input) {
            m_cachedInputTokens = anthropicRead;
            m_record.promptTokens = int(*input + anthropicRead + anthropicWrite);
        }
    }
    if (m_record.error.isEmpty()) {
        if (const QByteArrayView error = objectAt(json, spans[1]); !error.isEmpty()) {
            const QJsonObject e = QJsonDocument::fromJson(error.toByteArray()).object();
            m_record.error = e.value(QLatin1String("code")).toString(QStringLiteral("upstream_error"));
        }
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
        if (m_encoder)
            relayTranslated({}, true);
        else
            relayCompleteEvents(true); // the upstream ended cleanly: pass on whatever it sent last
        beginClientStream(); // an empty stream: the client still gets its status and end
        m_responder->endStream();
        finish(m_upstreamStatus);
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
        health.breaker.recordFailure(m_router->state()->nowMs());
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
    if (!m_endpoint || m_routeIndex < 0 || (m_record.promptTokens < 0 && m_record.completionTokens < 0))
        return;
    const RouteTarget &route = m_routes[m_routeIndex];
    const ModelPrice price = m_snapshot->priceFor(*m_endpoint, route.upstreamModel);
    const double usd = costUsd(price, qMax(0, m_record.promptTokens), m_cachedInputTokens,
                               qMax(0, m_record.completionTokens));
    m_record.costUsd = usd;
    const BudgetLedger::Charged charged = m_router->budget()->charge(usd, QDateTime::currentMSecsSinceEpoch());
    if (charged.before != charged.after && charged.after != BudgetLedger::State::Ok)
        qWarning("daily budget: %s limit reached (%.4f USD spent today)",
                 charged.after == BudgetLedger::State::Exhausted ? "daily" : "soft", charged.spentTodayUsd);
}

void ProxyCall::endAttemptStats()
{
    if (!m_statsOpen)
        return;
    m_statsOpen = false;
    const RouteTarget &route = m_routes[m_routeIndex];
    route.endpoint->statsFor(route.upstreamModel).end();
}

void ProxyCall::respondBuffered()
{
    QByteArray contentType = QByteArrayLiteral("application/json");
    HeaderList h;
    for (const auto &header : std::as_const(m_upstreamHeaders)) {
        if (header.first == "content-type")
            contentType = header.second;
        else if (isRelayedHeader(header.first))
            h.append(header);
    }
    const bool anthropicClient = m_clientFormat == formats::ApiFormat::AnthropicMessages;
    const bool translate = m_clientFormat != m_upstreamFormat;
    int status = m_upstreamStatus;
    QByteArray body = std::exchange(m_pending, {});
    if (status >= 400) {
        m_record.error = QStringLiteral("upstream_%1").arg(status);
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const bool shaped = anthropicClient ? o.value(QLatin1String("type")).toString() == u"error"
                                            : o.value(QLatin1String("error")).isObject();
        if (translate) {
            const canonical::Error e = formats::parseError(m_upstreamFormat, status, body);
            body = formats::emitError(m_clientFormat, e);
            status = formats::httpStatus(m_clientFormat, e);
            contentType = QByteArrayLiteral("application/json");
        } else if (!shaped) {
            // Errors pass through when they are in the client's shape; anything else (an HTML page
            // from a proxy, plain text) is wrapped so the client's SDK can parse it.
            ApiError e;
            e.status = status;
            e.type = status >= 500 ? QByteArrayLiteral("upstream_error") : QByteArrayLiteral("invalid_request_error");
            e.code = QByteArrayLiteral("upstream_error");
            e.message = QStringLiteral("The upstream answered %1: %2")
                            .arg(status)
                            .arg(QString::fromUtf8(body.left(500)).trimmed());
            body = clientErrorBody(e);
            contentType = QByteArrayLiteral("application/json");
        }
    } else if (translate) {
        canonical::Error error;
        std::optional<canonical::Response> response = formats::parseResponse(m_upstreamFormat, body, &error);
        if (!response) {
            respondError(ApiError::badGateway(
                QStringLiteral("The upstream response could not be read: %1").arg(error.message),
                QByteArrayLiteral("upstream_protocol_error")));
            return;
        }
        noteCanonicalUsage(response->usage);
        response->model = m_record.model; // the name the client asked for
        body = formats::emitResponse(m_clientFormat, *response, m_clientOptions);
        contentType = QByteArrayLiteral("application/json");
    } else if (contentType.startsWith("application/json") || contentType.isEmpty()) {
        noteUsage(body);
    }
    h.prepend({QByteArrayLiteral("content-type"), contentType});
    h.append(gatewayHeaders());
    if (m_logBodies)
        logBody(m_record.requestId, "response body", body);
    m_responder->respond(status, h, body);
    finish(m_upstreamStatus);
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
    // Drop a half-received event: the client gets only whole events, then our error and [DONE].
    m_pending.clear();
    m_scanFrom = 0;
    m_lineStart = true;
    if (!m_encoder && m_sawFinish && !m_sawDone) {
        // The answer was complete; only the upstream's closing event was lost with the connection.
        // The client gets that closing event instead of an error for an answer it already has.
        qInfo("request %s: upstream connection ended after the last event of a complete answer (%s); stream "
              "closed normally",
              qPrintable(m_record.requestId), qPrintable(error.message));
        writeClient(m_clientFormat == formats::ApiFormat::AnthropicMessages
                        ? sseEvent("message_stop", QByteArrayLiteral("{\"type\":\"message_stop\"}"))
                        : sseDone());
        m_responder->endStream();
        finish(m_upstreamStatus, QStringLiteral("upstream_closed_after_answer"));
        return;
    }
    if (m_encoder) {
        writeClient(m_encoder->fail(error.toCanonical()));
    } else if (m_clientFormat == formats::ApiFormat::AnthropicMessages) {
        writeClient(sseEvent("error", error.anthropicBody()));
    } else if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
        if (!m_sawDone)
            writeClient(responsesFailedEvent(error));
    } else {
        writeClient(error.openAiStreamEvent());
        if (!m_sawDone)
            writeClient(sseDone());
    }
    m_responder->endStream();
    finish(m_upstreamStatus ? m_upstreamStatus : error.status, QString::fromLatin1(error.code));
}

QByteArray ProxyCall::clientErrorBody(const ApiError &error) const
{
    return m_clientFormat == formats::ApiFormat::AnthropicMessages ? error.anthropicBody() : error.openAiBody();
}

void ProxyCall::noteResponsesEvent(const SseEvent &event)
{
    JsonMemberSpan spans[2];
    findTopLevelMembers(event.data, {"sequence_number", "response"}, spans);
    if (spans[0].isValid())
        m_lastSequence = event.data.mid(spans[0].valueStart, spans[0].valueEnd - spans[0].valueStart).toLongLong();
    if (event.event == "response.completed" || event.event == "response.failed" ||
        event.event == "response.incomplete")
        m_sawDone = true;
    if (!spans[1].isValid())
        return;
    const QJsonObject response =
        QJsonDocument::fromJson(event.data.mid(spans[1].valueStart, spans[1].valueEnd - spans[1].valueStart)).object();
    if (m_responseId.isEmpty())
        m_responseId = response.value(QLatin1String("id")).toString().toUtf8();
    const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
    if (usage.contains(QLatin1String("input_tokens")))
        m_record.promptTokens = usage.value(QLatin1String("input_tokens")).toInt();
    if (usage.contains(QLatin1String("output_tokens")))
        m_record.completionTokens = usage.value(QLatin1String("output_tokens")).toInt();
    const QJsonObject error = response.value(QLatin1String("error")).toObject();
    if (!error.isEmpty() && m_record.error.isEmpty())
        m_record.error = error.value(QLatin1String("code")).toString(QStringLiteral("upstream_error"));
}

QByteArray ProxyCall::responsesFailedEvent(const ApiError &error) const
{
    // A relayed Responses stream that broke off: end it the way the API ends a failed response,
    // continuing the upstream's sequence numbers.
    QJsonObject response{{QStringLiteral("id"), QString::fromUtf8(m_responseId)},
                         {QStringLiteral("object"), QStringLiteral("response")},
                         {QStringLiteral("status"), QStringLiteral("failed")},
                         {QStringLiteral("model"), m_record.model},
                         {QStringLiteral("output"), QJsonArray()},
                         {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(error.code)},
                                                               {QStringLiteral("message"), error.message}}}};
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("response.failed")},
                            {QStringLiteral("sequence_number"), m_lastSequence + 1},
                            {QStringLiteral("response"), response}};
    return sseEvent("response.failed", QJsonDocument(event).toJson(QJsonDocument::Compact));
}

void ProxyCall::onClientGone()
{
    m_retryTimer.stop();
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
    if (m_logBodies && !m_loggedStream.isEmpty())
        logBody(m_record.requestId, "streamed response (first bytes)", m_loggedStream);
    m_record.status = status;
    if (!error.isEmpty() && m_record.error.isEmpty())
        m_record.error = error;
    chargeBudget();
    m_record.latencyMs = double(monotonicNowNs() - m_receivedNs) / 1e6;
    m_record.overheadMs = overheadMs();
    logging::logRequest(m_record);
    m_router->records()->push(m_record);
    m_router->release(this);
}

} // namespace llmproxy

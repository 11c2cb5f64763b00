// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/proxycall.h"

#include "proxycore/api/apirouter.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QJsonArray>
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
}

ProxyCall::~ProxyCall()
{
    m_upstream.reset(); // cancels a transfer still running; no callback fires after this
    m_responder->setOnClientGone({});
    m_responder->setOnTerminate({});
    m_responder->setOnDrained({});
}

void ProxyCall::start(const ResolvedEndpoint &endpoint, UpstreamPlan plan)
{
    m_endpoint = &endpoint;
    m_stream = plan.stream;
    m_upstreamFormat = plan.format;
    m_record.provider = QString::fromLatin1(endpoint.providerName);
    m_record.endpoint = endpoint.config.id;
    m_record.stream = plan.stream;

    const UpstreamConfig &u = m_snapshot->config().upstream;
    UpstreamRequest request;
    request.url = QUrl::fromEncoded(plan.url);
    m_logBodies = m_snapshot->config().logging.logBodies;
    if (m_logBodies)
        logBody(m_record.requestId, "request body", plan.body);
    request.body = std::move(plan.body);
    request.timeouts = {u.connectTimeoutMs, u.firstByteTimeoutMs, u.idleTimeoutMs, u.totalTimeoutMs};
    request.headers = plan.stream ? endpoint.streamRequestHeaders : endpoint.requestHeaders;
    request.headers.append(plan.extraHeaders);

    UpstreamCallbacks callbacks;
    callbacks.onHeaders = [this](int status, const HeaderList &headers) { onHeaders(status, headers); };
    callbacks.onData = [this](QByteArrayView chunk) { onData(chunk); };
    callbacks.onFinished = [this](const UpstreamError &error) { onFinished(error); };
    m_upstreamStartNs = monotonicNowNs();
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
    h.append({QByteArrayLiteral("x-llmproxy-overhead-ms"), QByteArray::number(overheadMs(), 'f', 3)});
    return h;
}

double ProxyCall::overheadMs() const
{
    // Gateway time = time since the request arrived, minus the time spent waiting on the upstream.
    const qint64 now = monotonicNowNs();
    qint64 upstreamWait = 0;
    if (m_upstreamStartNs) {
        const qint64 end = m_upstreamEndNs ? m_upstreamEndNs : (m_upstreamHeadersNs ? m_upstreamHeadersNs : now);
        upstreamWait = end - m_upstreamStartNs;
    }
    return double(qMax<qint64>(0, now - m_receivedNs - upstreamWait)) / 1e6;
}

void ProxyCall::onHeaders(int status, const HeaderList &headers)
{
    m_upstreamHeadersNs = monotonicNowNs();
    m_upstreamStatus = status;
    m_upstreamHeaders = headers;
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
        h.append(gatewayHeaders());
        m_responder->beginStream(status, h);
        return;
    }
    m_phase = Phase::Buffering;
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
    m_responder->writeChunk(ready);
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
        } else if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
            noteResponsesEvent(e);
        } else if (e.data.contains("\"usage\"") || e.data.contains("\"error\"")) {
            noteUsage(e.data);
        }
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
    m_responder->writeChunk(out);
}

void ProxyCall::noteCanonicalUsage(const canonical::Usage &usage)
{
    if (usage.inputTokens)
        m_record.promptTokens = int(*usage.inputTokens);
    if (usage.outputTokens)
        m_record.completionTokens = int(*usage.outputTokens);
}

void ProxyCall::noteUsage(QByteArrayView json)
{
    // Only the small "usage" and "error" members are parsed; the rest of the response is skipped
    // over without building a document.
    JsonMemberSpan spans[3];
    findTopLevelMembers(json, {"usage", "error", "message"}, spans);
    const auto member = [&json](const JsonMemberSpan &span) -> QJsonObject {
        if (!span.isValid() || json[span.valueStart] != '{')
            return {};
        return QJsonDocument::fromJson(json.sliced(span.valueStart, span.valueEnd - span.valueStart).toByteArray())
            .object();
    };
    QJsonObject usage = member(spans[0]);
    if (usage.isEmpty()) // Anthropic's message_start carries it inside the message
        usage = member(spans[2]).value(QLatin1String("usage")).toObject();
    for (const char *name : {"prompt_tokens", "input_tokens"}) {
        if (usage.contains(QLatin1String(name)))
            m_record.promptTokens = usage.value(QLatin1String(name)).toInt();
    }
    for (const char *name : {"completion_tokens", "output_tokens"}) {
        if (usage.contains(QLatin1String(name)))
            m_record.completionTokens = usage.value(QLatin1String(name)).toInt();
    }
    if (m_record.error.isEmpty()) {
        const QJsonObject error = member(spans[1]);
        if (!error.isEmpty())
            m_record.error = error.value(QLatin1String("code")).toString(QStringLiteral("upstream_error"));
    }
}

void ProxyCall::onFinished(const UpstreamError &error)
{
    m_upstreamEndNs = monotonicNowNs();
    if (!m_upstreamHeadersNs)
        m_upstreamHeadersNs = m_upstreamEndNs;
    switch (m_phase) {
    case Phase::Waiting:
        respondError(errorFromUpstream(error, false));
        return;
    case Phase::Buffering:
        if (!error.ok()) {
            respondError(errorFromUpstream(error, true));
            return;
        }
        respondBuffered();
        return;
    case Phase::Streaming:
        if (!error.ok()) {
            failStream(errorFromUpstream(error, true));
            return;
        }
        if (m_encoder)
            relayTranslated({}, true);
        else
            relayCompleteEvents(true); // the upstream ended cleanly: pass on whatever it sent last
        m_responder->endStream();
        finish(m_upstreamStatus);
        return;
    case Phase::Done:
        return;
    }
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
    if (m_phase == Phase::Streaming) {
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
    if (m_encoder) {
        m_responder->writeChunk(m_encoder->fail(error.toCanonical()));
    } else if (m_clientFormat == formats::ApiFormat::AnthropicMessages) {
        m_responder->writeChunk(sseEvent("error", error.anthropicBody()));
    } else if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
        if (!m_sawDone)
            m_responder->writeChunk(responsesFailedEvent(error));
    } else {
        m_responder->writeChunk(error.openAiStreamEvent());
        if (!m_sawDone)
            m_responder->writeChunk(sseDone());
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
    m_upstream.reset(); // stop paying for tokens nobody will read
    finish(499, QStringLiteral("client_closed_request"));
}

void ProxyCall::onTerminate()
{
    m_upstream.reset();
    respondError(ApiError::unavailable(QStringLiteral("The gateway is shutting down; retry the request"),
                                       QByteArrayLiteral("server_shutting_down")));
}

void ProxyCall::finish(int status, const QString &error)
{
    if (m_phase == Phase::Done)
        return;
    m_phase = Phase::Done;
    if (m_logBodies && !m_loggedStream.isEmpty())
        logBody(m_record.requestId, "streamed response (first bytes)", m_loggedStream);
    m_record.status = status;
    if (!error.isEmpty() && m_record.error.isEmpty())
        m_record.error = error;
    m_record.latencyMs = double(monotonicNowNs() - m_receivedNs) / 1e6;
    m_record.overheadMs = overheadMs();
    logging::logRequest(m_record);
    m_router->records()->push(m_record);
    m_router->release(this);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/responserelay.h"

#include "proxycore/formats/jsonmembers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {

/// Whether `json` has the member `quotedKey` with a string value (`"finish_reason":"stop"`, but not
/// `"finish_reason":null`). A byte search: the key does not occur inside the content strings of a
/// streamed event, where quotes are escaped.
bool hasStringMember(QByteArrayView json, QByteArrayView quotedKey)
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

} // namespace

ApiError blockedError(const canonical::Error &e)
{
    ApiError error;
    error.status = e.status;
    error.type = e.type.isEmpty() ? QByteArrayLiteral("invalid_request_error") : e.type.toUtf8();
    error.code = e.code.toUtf8();
    error.message = e.message;
    return error;
}

QByteArray errorBodyFor(formats::ApiFormat client, const ApiError &error)
{
    return client == formats::ApiFormat::AnthropicMessages ? error.anthropicBody() : error.openAiBody();
}

bool isRelayedHeader(QByteArrayView name)
{
    return name == "retry-after" || name == "retry-after-ms" || name == "x-request-id" || name == "x-should-retry" ||
           name.startsWith("x-ratelimit-") || name == "openai-processing-ms";
}

namespace {

/// Runs the filters over a parsed answer; an error when one blocked it. `changed`: some text changed.
std::optional<ApiError> filterParsed(const ResponseFilterChainPtr &filters, canonical::Response *response,
                                     HeaderList *headers, bool *changed)
{
    ResponseFilterRun run(filters, false);
    run.begin();
    *changed = run.filterResponse(*response);
    if (run.isBlocked())
        return blockedError(run.blockError());
    headers->append(run.headers());
    return std::nullopt;
}

ApiError unfilterable(const QString &why)
{
    return ApiError::badGateway(QStringLiteral("The response filters cannot read the upstream's answer: %1").arg(why),
                                QByteArrayLiteral("response_filter_unsupported"));
}

} // namespace

std::optional<ApiError> relayBuffered(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat,
                                      const HeaderList &upstreamHeaders, const formats::ClientOptions &options,
                                      const ResponseFilterChainPtr &filters, UsageMeter *meter, RequestRecord *record,
                                      BufferedAnswer *answer)
{
    QByteArray contentType = QByteArrayLiteral("application/json");
    HeaderList &h = answer->headers;
    for (const auto &header : upstreamHeaders) {
        if (header.first == "content-type")
            contentType = header.second;
        else if (isRelayedHeader(header.first))
            h.append(header);
    }
    const bool filtered = isActive(filters);
    const bool translate = clientFormat != upstreamFormat;
    QByteArray &body = answer->body;
    const int status = answer->status;
    if (status >= 400) {
        record->error = QStringLiteral("upstream_%1").arg(status);
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const bool shaped = clientFormat == formats::ApiFormat::AnthropicMessages
                                ? o.value(QLatin1String("type")).toString() == u"error"
                                : o.value(QLatin1String("error")).isObject();
        if (translate) {
            const canonical::Error e = formats::parseError(upstreamFormat, status, body);
            body = formats::emitError(clientFormat, e);
            answer->status = formats::httpStatus(clientFormat, e);
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
            body = errorBodyFor(clientFormat, e);
            contentType = QByteArrayLiteral("application/json");
        }
    } else if (translate) {
        canonical::Error error;
        std::optional<canonical::Response> response = formats::parseResponse(upstreamFormat, body, &error);
        if (!response)
            return ApiError::badGateway(
                QStringLiteral("The upstream response could not be read: %1").arg(error.message),
                QByteArrayLiteral("upstream_protocol_error"));
        meter->noteCanonical(response->usage);
        response->model = record->model; // the name the client asked for
        bool changed = false;
        if (filtered) {
            if (std::optional<ApiError> blocked = filterParsed(filters, &*response, &h, &changed))
                return blocked;
        }
        body = formats::emitResponse(clientFormat, *response, options);
        contentType = QByteArrayLiteral("application/json");
    } else if (contentType.startsWith("application/json") || contentType.isEmpty()) {
        meter->noteJson(body);
        if (filtered) {
            // Same format: the answer is decoded only to be filtered, and encoded again only when a
            // filter changed it; otherwise the original bytes go out.
            canonical::Error error;
            std::optional<canonical::Response> response = formats::parseResponse(upstreamFormat, body, &error);
            if (!response)
                return unfilterable(error.message);
            bool changed = false;
            if (std::optional<ApiError> blocked = filterParsed(filters, &*response, &h, &changed))
                return blocked;
            if (changed)
                body = formats::emitResponse(clientFormat, *response, options);
        }
    } else if (filtered) {
        return unfilterable(QStringLiteral("a %1 body").arg(QString::fromLatin1(contentType)));
    }
    h.prepend({QByteArrayLiteral("content-type"), contentType});
    return std::nullopt;
}

ResponseRelay::ResponseRelay(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat,
                             const formats::ClientOptions &options, ResponseFilterChainPtr filters, UsageMeter *meter,
                             RequestRecord *record, Writer write)
    : m_clientFormat(clientFormat), m_translated(clientFormat != upstreamFormat), m_meter(meter), m_record(record),
      m_write(std::move(write))
{
    const bool filtered = isActive(filters);
    if (m_translated || filtered) {
        m_decoder = formats::makeStreamDecoder(upstreamFormat);
        m_encoder = formats::makeStreamEncoder(clientFormat, options);
    }
    if (filtered) {
        m_filters.emplace(std::move(filters), true);
        m_filters->begin();
    }
}

ResponseRelay::~ResponseRelay() = default;

bool ResponseRelay::canFilter(formats::ApiFormat upstream)
{
    // A Responses upstream is only ever relayed raw: there is no decoder for its stream.
    return upstream != formats::ApiFormat::OpenAiResponses;
}

void ResponseRelay::feed(QByteArrayView chunk)
{
    if (m_ended)
        return;
    if (m_encoder)
        relayEncoded(chunk, false);
    else
        relayRaw(chunk, false);
}

void ResponseRelay::finish()
{
    if (m_ended)
        return;
    if (m_encoder)
        relayEncoded({}, true);
    else
        relayRaw({}, true); // pass on whatever the upstream sent last, even without its blank line
    m_ended = true;
}

void ResponseRelay::send(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (m_logged.size() < m_logLimit)
        m_logged.append(bytes.first(qMin(bytes.size(), m_logLimit - m_logged.size())));
    m_write(bytes);
}

void ResponseRelay::relayRaw(QByteArrayView chunk, bool end)
{
    // One pass over the bytes: the decoder yields the complete events and where the last one ends.
    QList<SseEvent> events = end ? m_sse.finish() : m_sse.feed(chunk);
    if (m_sse.overflowed()) {
        endWith(ApiError::badGateway(QStringLiteral("The upstream sent a stream event too large to relay"),
                                     QByteArrayLiteral("upstream_event_too_large")));
        return;
    }
    const qint64 boundary = end ? m_relayed + m_pending.size() + chunk.size() : m_sse.boundary();
    const qsizetype ready = qsizetype(boundary - m_relayed);
    if (m_pending.isEmpty() && ready == chunk.size()) {
        send(chunk); // the usual case: the chunk holds whole events; no copy
    } else {
        m_pending.append(chunk.data(), chunk.size());
        send(QByteArrayView(m_pending).first(ready));
        m_pending.remove(0, ready);
    }
    m_relayed = boundary;
    for (const SseEvent &e : std::as_const(events))
        noteRawEvent(e);
}

void ResponseRelay::noteRawEvent(const SseEvent &e)
{
    if (e.data == "[DONE]" || e.event == "message_stop") {
        m_sawDone = true;
        m_complete = true;
        return;
    }
    if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
        noteResponsesEvent(e);
        return;
    }
    if (e.data.contains("\"usage\"") || e.data.contains("\"error\""))
        m_meter->noteJson(e.data);
    if (!m_sawFinish)
        m_sawFinish = hasStringMember(e.data, m_clientFormat == formats::ApiFormat::AnthropicMessages
                                                  ? QByteArrayView("\"stop_reason\"")
                                                  : QByteArrayView("\"finish_reason\""));
}

void ResponseRelay::noteResponsesEvent(const SseEvent &event)
{
    JsonMemberSpan spans[2];
    findTopLevelMembers(event.data, {"sequence_number", "response"}, spans);
    if (spans[0].isValid())
        m_lastSequence = event.data.mid(spans[0].valueStart, spans[0].valueEnd - spans[0].valueStart).toLongLong();
    if (event.event == "response.completed" || event.event == "response.failed" || event.event == "response.incomplete")
        m_sawDone = true;
    if (event.event == "response.completed")
        m_complete = true;
    if (!spans[1].isValid())
        return;
    const QJsonObject response =
        QJsonDocument::fromJson(event.data.mid(spans[1].valueStart, spans[1].valueEnd - spans[1].valueStart)).object();
    if (m_responseId.isEmpty())
        m_responseId = response.value(QLatin1String("id")).toString().toUtf8();
    m_meter->noteResponsesObject(response);
}

void ResponseRelay::relayEncoded(QByteArrayView chunk, bool end)
{
    QList<canonical::StreamEvent> events = end ? m_decoder->finish() : m_decoder->feed(chunk);
    for (canonical::StreamEvent &e : events) {
        // Clients get back the model name they asked for, not the one it was mapped to.
        if (m_translated && e.type == canonical::StreamEvent::Type::MessageStart)
            e.model = m_record->model;
        if (e.type == canonical::StreamEvent::Type::MessageStart ||
            e.type == canonical::StreamEvent::Type::MessageDelta)
            m_meter->noteCanonical(e.usage);
        else if (e.type == canonical::StreamEvent::Type::Error && m_record->error.isEmpty())
            m_record->error = e.error.code.isEmpty() ? e.error.type : e.error.code;
        // A stop reason means the model finished; the decoder's own closing event at the end of
        // the body does not (it closes a cut-off answer too).
        if ((e.type == canonical::StreamEvent::Type::MessageDelta && e.stopReason != canonical::StopReason::None) ||
            (e.type == canonical::StreamEvent::Type::MessageStop && !end))
            m_complete = true;
        if (e.type == canonical::StreamEvent::Type::Error)
            m_sawError = true;
    }
    QByteArray out;
    if (m_filters) {
        events = m_filters->filterEvents(events);
        // What the filters attach at the end goes just before the terminal event.
        const auto stop = std::find_if(events.cbegin(), events.cend(), [](const canonical::StreamEvent &e) {
            return e.type == canonical::StreamEvent::Type::MessageStop;
        });
        const qsizetype split = stop - events.cbegin();
        out = m_encoder->encode(events.first(split));
        if (split < events.size()) {
            out += m_filters->takeStreamComments();
            out += m_encoder->encode(events.sliced(split));
        }
        if (m_filters->isBlocked()) {
            send(out);
            endWith(blockedError(m_filters->blockError()));
            return;
        }
    } else {
        out = m_encoder->encode(events);
    }
    if (end && !m_encoder->isFinished())
        out += m_encoder->finish(); // an upstream that ended without finishing still gets a proper end
    send(out);
}

void ResponseRelay::endWith(const ApiError &error)
{
    m_endCode = fail(error);
    m_ended = true;
}

QString ResponseRelay::fail(const ApiError &error)
{
    // Drop a half-received event: the client gets only whole events, then our error and the end.
    m_pending.clear();
    m_ended = true;
    if (!m_encoder && m_sawFinish && !m_sawDone) {
        // The answer was complete; only the upstream's closing event was lost with the connection.
        // The client gets that closing event instead of an error for an answer it already has.
        qInfo("request %s: upstream connection ended after the last event of a complete answer (%s); stream "
              "closed normally",
              qPrintable(m_record->requestId), qPrintable(error.message));
        send(m_clientFormat == formats::ApiFormat::AnthropicMessages
                 ? sseEvent("message_stop", QByteArrayLiteral("{\"type\":\"message_stop\"}"))
                 : sseDone());
        return QStringLiteral("upstream_closed_after_answer");
    }
    if (m_encoder) {
        if (!m_encoder->isFinished())
            send(m_encoder->fail(error.toCanonical()));
    } else if (m_clientFormat == formats::ApiFormat::AnthropicMessages) {
        send(sseEvent("error", error.anthropicBody()));
    } else if (m_clientFormat == formats::ApiFormat::OpenAiResponses) {
        if (!m_sawDone)
            send(responsesFailedEvent(error));
    } else {
        send(error.openAiStreamEvent());
        if (!m_sawDone)
            send(sseDone());
    }
    return QString::fromLatin1(error.code);
}

QByteArray ResponseRelay::responsesFailedEvent(const ApiError &error) const
{
    // A relayed Responses stream that broke off: end it the way the API ends a failed response,
    // continuing the upstream's sequence numbers.
    QJsonObject response{
        {QStringLiteral("id"), QString::fromUtf8(m_responseId)},
        {QStringLiteral("object"), QStringLiteral("response")},
        {QStringLiteral("status"), QStringLiteral("failed")},
        {QStringLiteral("model"), m_record->model},
        {QStringLiteral("output"), QJsonArray()},
        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(error.code)},
                                              {QStringLiteral("message"), error.message}}}};
    const QJsonObject event{{QStringLiteral("type"), QStringLiteral("response.failed")},
                            {QStringLiteral("sequence_number"), m_lastSequence + 1},
                            {QStringLiteral("response"), response}};
    return sseEvent("response.failed", QJsonDocument(event).toJson(QJsonDocument::Compact));
}

} // namespace llmproxy

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

ResponseRelay::ResponseRelay(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat,
                             const formats::ClientOptions &options, pipeline::ResponseFilterChainPtr filters,
                             UsageMeter *meter, RequestRecord *record, Writer write)
    : m_clientFormat(clientFormat), m_translated(clientFormat != upstreamFormat), m_meter(meter), m_record(record),
      m_write(std::move(write))
{
    const bool filtered = pipeline::isActive(filters);
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

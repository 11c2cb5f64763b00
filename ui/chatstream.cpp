// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/chatstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace llmproxy {

QList<EventStreamReader::Event> EventStreamReader::feed(QByteArrayView bytes)
{
    QList<Event> events;
    m_pending.append(bytes.data(), bytes.size());
    qsizetype start = 0;
    while (start < m_pending.size()) {
        qsizetype end = start;
        while (end < m_pending.size() && m_pending.at(end) != '\n' && m_pending.at(end) != '\r')
            ++end;
        if (end == m_pending.size())
            break; // the line is not complete yet
        // A CR at the very end may be the first half of a CRLF: wait for the next byte.
        if (m_pending.at(end) == '\r' && end + 1 == m_pending.size())
            break;
        takeLine(QByteArrayView(m_pending).sliced(start, end - start), &events);
        start = end + ((m_pending.at(end) == '\r' && m_pending.at(end + 1) == '\n') ? 2 : 1);
    }
    m_pending.remove(0, start);
    return events;
}

void EventStreamReader::takeLine(QByteArrayView line, QList<Event> *events)
{
    if (line.isEmpty()) {
        if (m_hasData)
            events->append({m_name, m_data});
        m_name.clear();
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return; // comment (keep-alive)
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "data") {
        if (m_hasData)
            m_data += '\n';
        m_data.append(value.data(), value.size());
        m_hasData = true;
    } else if (field == "event") {
        m_name = value.toByteArray();
    }
}

ChatStream::ChatStream(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) {}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatStream::start(const QUrl &url, const QString &key, const QJsonObject &body)
{
    Q_ASSERT(!m_reply && m_outcome.end == End::Running);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("text/event-stream"));
    if (!key.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + key.toUtf8());
    // A stream over a local connection: no cache, no HTTP/2 upgrade, and answers may take minutes.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(0);
    m_clock.start();
    m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ChatStream::readHeaders);
    connect(m_reply, &QIODevice::readyRead, this, &ChatStream::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::finish);
}

void ChatStream::abort()
{
    if (!m_reply)
        return;
    m_aborted = true;
    m_reply->abort(); // emits finished()
}

bool ChatStream::isRunning() const
{
    return m_reply != nullptr;
}

const ChatStream::Outcome &ChatStream::outcome() const
{
    return m_outcome;
}

void ChatStream::readHeaders()
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_outcome.httpStatus = status.toInt();
    const auto header = [this](const char *name) { return QString::fromUtf8(m_reply->rawHeader(name)); };
    m_outcome.requestId = header("x-llmproxy-request-id");
    m_outcome.provider = header("x-llmproxy-provider");
    m_outcome.endpoint = header("x-llmproxy-endpoint");
    m_outcome.blockedBy = header("x-llmproxy-blocked-by");
    m_outcome.attempts = header("x-llmproxy-attempts").toInt();
    bool ok = false;
    const double overhead = header("x-llmproxy-overhead-ms").toDouble(&ok);
    m_outcome.overheadMs = ok ? overhead : -1;
}

void ChatStream::readBody()
{
    if (m_outcome.httpStatus == 0)
        readHeaders();
    const QByteArray bytes = m_reply->readAll();
    if (m_outcome.httpStatus >= 300) {
        // An error answer is one JSON document: keep it whole (bounded: error bodies are small).
        if (m_errorBody.size() < 1024 * 1024)
            m_errorBody += bytes;
        return;
    }
    for (const EventStreamReader::Event &event : m_decoder.feed(bytes)) {
        handleEvent(event);
        if (m_outcome.end != End::Running)
            break;
    }
    // [DONE] or an error event: the answer is over. finish() lets the body's last bytes arrive
    // without hanging up, so the gateway logs a completed request.
    if (m_outcome.end != End::Running)
        finish();
}

void ChatStream::handleEvent(const EventStreamReader::Event &event)
{
    if (event.data == "[DONE]") {
        m_outcome.end = End::Completed;
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(event.data);
    const QJsonObject object = document.object();
    if (event.name == "error" || object.contains(QLatin1String("error"))) {
        const QJsonValue error = object.value(QLatin1String("error"));
        takeError(error.isObject() ? error.toObject() : object);
        if (m_outcome.errorMessage.isEmpty())
            m_outcome.errorMessage = QString::fromUtf8(event.data);
        m_outcome.end = End::StreamError;
        return;
    }
    if (document.isObject())
        handleChunk(object);
}

void ChatStream::handleChunk(const QJsonObject &chunk)
{
    const QString model = chunk.value(QLatin1String("model")).toString();
    if (!model.isEmpty())
        m_outcome.model = model;
    const QJsonObject usage = chunk.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        m_outcome.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInt(-1);
        m_outcome.completionTokens = usage.value(QLatin1String("completion_tokens")).toInt(-1);
    }
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return;
    const QJsonObject choice = choices.first().toObject();
    const QString finishReason = choice.value(QLatin1String("finish_reason")).toString();
    if (!finishReason.isEmpty())
        m_outcome.finishReason = finishReason;
    const QString text = choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    if (text.isEmpty())
        return;
    if (m_outcome.firstTokenMs < 0)
        m_outcome.firstTokenMs = m_clock.elapsed();
    emit textArrived(text);
}

void ChatStream::takeError(const QJsonObject &error)
{
    m_outcome.errorMessage = error.value(QLatin1String("message")).toString();
    m_outcome.errorCode = error.value(QLatin1String("code")).toString();
    if (m_outcome.errorCode.isEmpty())
        m_outcome.errorCode = error.value(QLatin1String("type")).toString();
}

void ChatStream::finish()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->disconnect(this);
    if (reply->isFinished())
        reply->deleteLater();
    else
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    m_outcome.totalMs = m_clock.elapsed();

    if (m_outcome.end == End::Running) {
        if (m_aborted) {
            m_outcome.end = End::Stopped;
        } else if (m_outcome.httpStatus >= 300) {
            m_errorBody += reply->readAll();
            const QJsonObject body = QJsonDocument::fromJson(m_errorBody).object();
            const QJsonValue error = body.value(QLatin1String("error"));
            if (error.isObject())
                takeError(error.toObject());
            if (m_outcome.errorMessage.isEmpty())
                m_outcome.errorMessage = !m_errorBody.trimmed().isEmpty()
                                             ? QString::fromUtf8(m_errorBody.trimmed().left(500))
                                             : reply->errorString();
            m_outcome.end = End::HttpError;
        } else if (reply->error() != QNetworkReply::NoError) {
            m_outcome.errorMessage = reply->errorString();
            m_outcome.end = End::NetworkError;
        } else {
            m_outcome.end = End::Truncated;
        }
    }
    emit finished();
}

} // namespace llmproxy

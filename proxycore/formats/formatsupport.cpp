// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/formatsupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace llmproxy::formatsupport {

using namespace canonical;

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool parseObject(const QByteArray &json, QJsonObject *object)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    *object = doc.object();
    return true;
}

std::optional<qint64> optInt(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    // A number beyond qint64 (JSON allows any) is no count: converting it would be undefined.
    const double d = v.toDouble();
    if (!(d >= -9.2e18 && d <= 9.2e18))
        return std::nullopt;
    return qint64(d);
}

std::optional<double> optDouble(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return v.toDouble();
}

std::optional<bool> optBool(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

QJsonValue orNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

std::optional<QJsonObject> argumentsObject(const QString &arguments)
{
    QJsonObject object;
    if (!parseObject(arguments.toUtf8(), &object) && !arguments.trimmed().isEmpty())
        return std::nullopt;
    return object;
}

qint64 createdOrNow(qint64 created)
{
    return created != 0 ? created : QDateTime::currentSecsSinceEpoch();
}

QString randomHex(int digits)
{
    QString s;
    while (s.size() < digits)
        s += QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
    return s.left(digits);
}

QString hashHex(const QString &basis, int digits)
{
    return QString::fromLatin1(QCryptographicHash::hash(basis.toUtf8(), QCryptographicHash::Sha1).toHex().left(digits));
}

Error badRequest(const QString &message, const QString &param)
{
    return Error{400, u"invalid_request_error"_s, message, {}, param};
}

bool parseRequestObject(const QByteArray &body, QJsonObject *object, Error *error)
{
    if (parseObject(body, object))
        return true;
    *error = badRequest(u"request body is not a JSON object"_s);
    return false;
}

bool parseToolChoiceString(const QString &choice, const QString &param, ToolChoice *toolChoice, Error *error)
{
    if (choice == u"auto"_s) {
        toolChoice->mode = ToolChoice::Mode::Auto;
    } else if (choice == u"none"_s) {
        toolChoice->mode = ToolChoice::Mode::None;
    } else if (choice == u"required"_s) {
        toolChoice->mode = ToolChoice::Mode::Required;
    } else {
        *error = badRequest(u"unknown tool_choice '%1'"_s.arg(choice), param);
        return false;
    }
    return true;
}

void appendToolResult(Request &request, const ContentPart &result)
{
    const bool extend = !request.messages.isEmpty() && request.messages.last().role == Role::User &&
                        !request.messages.last().parts.isEmpty() &&
                        request.messages.last().parts.last().kind == PartKind::ToolResult;
    if (extend)
        request.messages.last().parts.append(result);
    else
        request.messages.append(Message{Role::User, {result}});
}

void addDroppedOnce(QList<Dropped> *dropped, const QString &field, const QString &reason)
{
    const Dropped d{field, reason};
    if (dropped && !dropped->contains(d))
        dropped->append(d);
}

Error upstreamError(const QString &message)
{
    return Error{502, u"api_error"_s, message, {}, {}};
}

Error streamEndedEarly()
{
    return upstreamError(u"upstream stream ended before completion"_s);
}

bool parseUpstreamObject(const QByteArray &body, QJsonObject *object, Error *error)
{
    if (parseObject(body, object))
        return true;
    *error = upstreamError(u"upstream response is not a JSON object"_s);
    return false;
}

bool parseUpstreamObject(const QByteArray &body, QJsonObject *object, Error *error, ErrorParser parseError,
                         int errorStatus)
{
    if (!parseUpstreamObject(body, object, error))
        return false;
    if (!object->contains(u"error"_s))
        return true;
    *error = parseError(errorStatus, body);
    return false;
}

Response responseFromEvents(const QList<StreamEvent> &events)
{
    Response r;
    for (const StreamEvent &e : events) {
        switch (e.type) {
        case StreamEvent::Type::MessageStart:
            r.id = e.id;
            r.model = e.model;
            break;
        case StreamEvent::Type::BlockStart: {
            ContentPart p;
            switch (e.blockKind) {
            case BlockKind::Text:
                p.kind = PartKind::Text;
                break;
            case BlockKind::Thinking:
                p.kind = PartKind::Thinking;
                break;
            case BlockKind::RedactedThinking:
                p.kind = PartKind::RedactedThinking;
                p.text = e.text;
                break;
            case BlockKind::ToolCall:
                p.kind = PartKind::ToolCall;
                p.toolCallId = e.toolCallId;
                p.toolName = e.toolName;
                break;
            }
            r.content.append(p);
            break;
        }
        case StreamEvent::Type::BlockDelta: {
            if (e.index < 0 || e.index >= r.content.size())
                break;
            ContentPart &p = r.content[e.index];
            if (e.deltaKind == DeltaKind::Signature)
                p.signature += e.text;
            else if (e.deltaKind == DeltaKind::ToolArguments)
                p.arguments += e.text;
            else
                p.text += e.text;
            break;
        }
        case StreamEvent::Type::MessageDelta:
            r.stopReason = e.stopReason;
            r.stopSequence = e.stopSequence;
            r.usage = e.usage;
            break;
        default:
            break;
        }
    }
    return r;
}

// ---------------------------------------------------------------------------------------------
// EventStream

void EventStream::start(QList<StreamEvent> &out, const QString &id, const QString &model)
{
    if (m_started)
        return;
    m_started = true;
    StreamEvent start;
    start.type = StreamEvent::Type::MessageStart;
    start.id = id;
    start.model = model;
    out.append(start);
}

int EventStream::openBlock(BlockKind kind, QList<StreamEvent> &out, const QString &toolCallId, const QString &toolName)
{
    closeBlock(out);
    StreamEvent start;
    start.type = StreamEvent::Type::BlockStart;
    start.index = m_nextIndex++;
    start.blockKind = kind;
    start.toolCallId = toolCallId;
    start.toolName = toolName;
    out.append(start);
    m_open = kind;
    m_openIndex = start.index;
    m_sawToolCall = m_sawToolCall || kind == BlockKind::ToolCall;
    return start.index;
}

void EventStream::closeBlock(QList<StreamEvent> &out)
{
    if (!m_open)
        return;
    StreamEvent stop;
    stop.type = StreamEvent::Type::BlockStop;
    stop.index = m_openIndex;
    out.append(stop);
    m_open.reset();
    m_openIndex = -1;
}

void EventStream::delta(DeltaKind kind, const QString &text, QList<StreamEvent> &out)
{
    StreamEvent d;
    d.type = StreamEvent::Type::BlockDelta;
    d.index = m_openIndex;
    d.deltaKind = kind;
    d.text = text;
    out.append(d);
}

void EventStream::continueBlock(BlockKind kind, DeltaKind deltaKind, const QString &text, QList<StreamEvent> &out)
{
    if (m_open != kind)
        openBlock(kind, out);
    delta(deltaKind, text, out);
}

void EventStream::wholeToolCall(const QString &id, const QString &name, const QString &arguments,
                                QList<StreamEvent> &out)
{
    openBlock(BlockKind::ToolCall, out, id, name);
    delta(DeltaKind::ToolArguments, arguments, out);
    closeBlock(out);
}

void EventStream::complete(StopReason stop, const Usage &usage, QList<StreamEvent> &out)
{
    start(out);
    closeBlock(out);
    StreamEvent delta;
    delta.type = StreamEvent::Type::MessageDelta;
    delta.stopReason = stop == StopReason::None ? StopReason::EndTurn : stop;
    if (m_sawToolCall && delta.stopReason == StopReason::EndTurn)
        delta.stopReason = StopReason::ToolUse;
    delta.usage = usage;
    out.append(delta);
    messageStop(out);
}

void EventStream::messageStop(QList<StreamEvent> &out)
{
    StreamEvent stop;
    stop.type = StreamEvent::Type::MessageStop;
    out.append(stop);
    m_finished = true;
}

void EventStream::fail(const Error &error, QList<StreamEvent> &out)
{
    StreamEvent e;
    e.type = StreamEvent::Type::Error;
    e.error = error;
    out.append(e);
    m_finished = true;
}

std::optional<QJsonObject> EventStream::eventObject(const QByteArray &json, QList<StreamEvent> &out)
{
    QJsonObject object;
    if (parseObject(json, &object))
        return object;
    fail(m_inputEnded ? streamEndedEarly() : upstreamError(u"upstream sent invalid JSON in its stream"_s), out);
    return std::nullopt;
}

std::optional<QJsonObject> EventStream::chunkObject(const QByteArray &json, ErrorParser parseError,
                                                    QList<StreamEvent> &out)
{
    std::optional<QJsonObject> object = eventObject(json, out);
    if (object && object->contains(u"error"_s)) {
        fail(parseError(0, json), out);
        return std::nullopt;
    }
    return object;
}

} // namespace llmproxy::formatsupport

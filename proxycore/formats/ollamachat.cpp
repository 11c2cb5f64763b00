// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/ollamachat.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStringList>

#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace llmproxy::ollamachat {

using namespace canonical;

namespace {

/// Same bound as SseDecoder::DefaultMaxEventBytes: one line may not grow a worker without limit.
constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<qint64> optInt(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return qint64(v.toDouble());
}

QString randomHex(int digits)
{
    QString s;
    while (s.size() < digits)
        s += QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
    return s.left(digits);
}

/// `think` level for a reasoning effort, as Ollama's own OpenAI layer maps it.
QString thinkLevel(const QString &effort)
{
    if (effort == u"minimal"_s || effort == u"low"_s)
        return u"low"_s;
    if (effort == u"high"_s)
        return u"high"_s;
    if (effort == u"xhigh"_s || effort == u"max"_s || effort == u"ultra"_s)
        return u"max"_s;
    return u"medium"_s;
}

/// Ollama reads a bare number as seconds and a string as a Go duration ("300" alone is invalid).
QJsonValue keepAliveValue(const QString &keepAlive)
{
    bool isNumber = false;
    const double seconds = keepAlive.toDouble(&isNumber);
    return isNumber ? QJsonValue(seconds) : QJsonValue(keepAlive);
}

/// Folds the events of one complete decoded answer into a response.
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
            p.kind = e.blockKind == BlockKind::ToolCall   ? PartKind::ToolCall
                     : e.blockKind == BlockKind::Thinking ? PartKind::Thinking
                                                          : PartKind::Text;
            p.toolCallId = e.toolCallId;
            p.toolName = e.toolName;
            r.content.append(p);
            break;
        }
        case StreamEvent::Type::BlockDelta:
            if (e.index < 0 || e.index >= r.content.size())
                break;
            if (e.deltaKind == DeltaKind::ToolArguments)
                r.content[e.index].arguments += e.text;
            else
                r.content[e.index].text += e.text;
            break;
        case StreamEvent::Type::MessageDelta:
            r.stopReason = e.stopReason;
            r.usage = e.usage;
            break;
        default:
            break;
        }
    }
    return r;
}

} // namespace

StopReason stopReasonFromWire(const QString &doneReason)
{
    if (doneReason.isEmpty())
        return StopReason::None;
    if (doneReason == u"length"_s)
        return StopReason::MaxTokens;
    // "stop", "load", "unload" and future values end the turn (WIRE_FORMATS.md §7.6 item 20).
    return StopReason::EndTurn;
}

// ---------------------------------------------------------------------------------------------
// Requests

QByteArray emitRequest(const Request &request, const EmitOptions &options, QList<Dropped> *dropped)
{
    QList<Dropped> scratch;
    QList<Dropped> *drops = dropped ? dropped : &scratch;
    auto drop = [drops](const QString &field, const QString &reason) {
        const Dropped d{field, reason};
        if (!drops->contains(d))
            drops->append(d);
    };
    const QString noCacheMarkers = u"Ollama has no prompt-cache markers"_s;

    QJsonObject o{{u"model"_s, request.model}};
    QJsonArray messages;
    // Many model templates read a single system message, so the system parts are joined.
    QStringList system;
    for (const ContentPart &p : request.system) {
        if (!p.cacheControl.isEmpty())
            drop(u"system.cache_control"_s, noCacheMarkers);
        if (!p.text.isEmpty())
            system.append(p.text);
    }
    if (!system.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, system.join(u"\n\n"_s)}});

    QHash<QString, QString> toolNames; // call id → tool name, from the calls seen so far
    for (qsizetype mi = 0; mi < request.messages.size(); ++mi) {
        const Message &m = request.messages.at(mi);
        const QString path = u"messages[%1]"_s.arg(mi);
        QStringList texts;
        QStringList thinking;
        QJsonArray images;
        QJsonArray calls;
        for (const ContentPart &p : m.parts) {
            if (!p.cacheControl.isEmpty())
                drop(path + u".cache_control"_s, noCacheMarkers);
            switch (p.kind) {
            case PartKind::Text:
                if (!p.text.isEmpty())
                    texts.append(p.text);
                break;
            case PartKind::Image: {
                QString mediaType;
                QString data = p.imageData;
                if (!p.imageUrl.isEmpty() && !splitDataUrl(p.imageUrl, &mediaType, &data)) {
                    drop(path + u".image"_s, u"Ollama takes only inline images, not URLs"_s);
                    break;
                }
                images.append(data);
                break;
            }
            case PartKind::Thinking:
                if (!p.text.isEmpty())
                    thinking.append(p.text);
                if (!p.signature.isEmpty())
                    drop(path + u".thinking.signature"_s, u"Ollama has no reasoning signatures"_s);
                break;
            case PartKind::RedactedThinking:
                drop(path + u".redacted_thinking"_s, u"opaque reasoning of another provider"_s);
                break;
            case PartKind::ToolCall: {
                toolNames.insert(p.toolCallId, p.toolName);
                QJsonParseError pe;
                const QJsonDocument args = QJsonDocument::fromJson(p.arguments.toUtf8(), &pe);
                if (!p.arguments.trimmed().isEmpty() && (pe.error != QJsonParseError::NoError || !args.isObject()))
                    drop(path + u".tool_call.arguments"_s, u"tool-call arguments are not a JSON object; sent as {}"_s);
                QJsonObject call{
                    {u"function"_s, QJsonObject{{u"name"_s, p.toolName}, {u"arguments"_s, args.object()}}}};
                if (!p.toolCallId.isEmpty())
                    call.insert(u"id"_s, p.toolCallId);
                calls.append(call);
                break;
            }
            case PartKind::ToolResult: {
                QStringList result;
                for (const ContentPart &r : p.result) {
                    if (r.kind == PartKind::Text)
                        result.append(r.text);
                    else
                        drop(path + u".tool_result.content"_s, u"tool messages carry only text"_s);
                }
                if (p.isError)
                    drop(path + u".tool_result.is_error"_s, u"tool messages have no error flag"_s);
                QJsonObject message{{u"role"_s, u"tool"_s}, {u"content"_s, result.join(u'\n')}};
                const QString name = toolNames.value(p.toolCallId);
                if (!name.isEmpty())
                    message.insert(u"tool_name"_s, name);
                else
                    drop(path + u".tool_result"_s, u"no earlier call with this id gives the tool name"_s);
                if (!p.toolCallId.isEmpty())
                    message.insert(u"tool_call_id"_s, p.toolCallId);
                messages.append(message);
                break;
            }
            }
        }
        if (texts.isEmpty() && thinking.isEmpty() && images.isEmpty() && calls.isEmpty())
            continue;
        QJsonObject message{
            {u"role"_s, m.role == Role::User ? u"user"_s : u"assistant"_s},
            {u"content"_s, texts.join(u"\n\n"_s)},
        };
        if (!images.isEmpty())
            message.insert(u"images"_s, images);
        if (!thinking.isEmpty())
            message.insert(u"thinking"_s, thinking.join(u"\n\n"_s));
        if (!calls.isEmpty())
            message.insert(u"tool_calls"_s, calls);
        messages.append(message);
    }
    o.insert(u"messages"_s, messages);

    if (!request.tools.isEmpty()) {
        if (request.toolChoice.mode == ToolChoice::Mode::None) {
            // Without a tool choice, not offering the tools is how "none" is kept.
            drop(u"tools"_s, u"tool choice none: the tools are not sent"_s);
        } else {
            QJsonArray tools;
            for (const Tool &t : request.tools) {
                QJsonObject f{{u"name"_s, t.name}};
                if (!t.description.isEmpty())
                    f.insert(u"description"_s, t.description);
                f.insert(u"parameters"_s, t.parameters.isEmpty()
                                              ? QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{}}}
                                              : t.parameters);
                if (!t.cacheControl.isEmpty())
                    drop(u"tools.cache_control"_s, noCacheMarkers);
                tools.append(QJsonObject{{u"type"_s, u"function"_s}, {u"function"_s, f}});
            }
            o.insert(u"tools"_s, tools);
        }
    }
    if (request.toolChoice.mode == ToolChoice::Mode::Required || request.toolChoice.mode == ToolChoice::Mode::Named)
        drop(u"tool_choice"_s, u"Ollama cannot force a tool call"_s);
    if (!request.toolChoice.parallelAllowed)
        drop(u"parallel_tool_calls"_s, u"Ollama cannot forbid parallel tool calls"_s);

    if (request.responseFormat && request.responseFormat->kind != ResponseFormat::Kind::Text) {
        const ResponseFormat &f = *request.responseFormat;
        if (f.kind == ResponseFormat::Kind::JsonSchema && !f.schema.isEmpty())
            o.insert(u"format"_s, f.schema);
        else
            o.insert(u"format"_s, u"json"_s);
    }

    if (request.reasoningEffort == u"none"_s)
        o.insert(u"think"_s, false);
    else if (!request.reasoningEffort.isEmpty())
        o.insert(u"think"_s, thinkLevel(request.reasoningEffort));
    else if (request.thinkingEnabled)
        o.insert(u"think"_s, true);
    if (request.thinkingBudget)
        drop(u"thinking.budget_tokens"_s, u"Ollama takes no reasoning budget"_s);

    QJsonObject runtime;
    if (request.temperature)
        runtime.insert(u"temperature"_s, *request.temperature);
    if (request.topP)
        runtime.insert(u"top_p"_s, *request.topP);
    if (request.topK)
        runtime.insert(u"top_k"_s, *request.topK);
    if (request.maxOutputTokens)
        runtime.insert(u"num_predict"_s, *request.maxOutputTokens);
    if (!request.stopSequences.isEmpty())
        runtime.insert(u"stop"_s, QJsonArray::fromStringList(request.stopSequences));
    if (options.numCtx > 0)
        runtime.insert(u"num_ctx"_s, options.numCtx);
    if (!runtime.isEmpty())
        o.insert(u"options"_s, runtime);

    o.insert(u"stream"_s, request.stream);
    if (!options.keepAlive.isEmpty())
        o.insert(u"keep_alive"_s, keepAliveValue(options.keepAlive));

    if (!request.user.isEmpty())
        drop(u"user"_s, u"Ollama has no end-user id"_s);
    if (!request.metadata.isEmpty())
        drop(u"metadata"_s, u"Ollama has no request metadata"_s);
    return compact(o);
}

// ---------------------------------------------------------------------------------------------
// Responses and errors

std::optional<Response> parseResponse(const QByteArray &body, Error *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = Error{502, u"api_error"_s, u"upstream response is not a JSON object"_s, {}, {}};
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.contains(u"error"_s)) {
        *error = parseError(502, body);
        return std::nullopt;
    }
    // A non-streamed answer is the final line of a stream: decode it the same way.
    StreamDecoder decoder;
    QList<StreamEvent> events;
    decoder.handleObject(o, events);
    if (!decoder.m_finished)
        decoder.completeStream(events);
    return responseFromEvents(events);
}

Error parseError(int status, const QByteArray &body)
{
    Error e;
    const QJsonValue ev = QJsonDocument::fromJson(body).object().value(u"error"_s);
    e.message = ev.isString() ? ev.toString() : ev.toObject().value(u"message"_s).toString();
    if (e.message.isEmpty())
        e.message = body.trimmed().isEmpty() ? u"upstream error"_s : QString::fromUtf8(body.left(512));
    e.status = status >= 400 && status < 600 ? status : 500;
    return e;
}

// ---------------------------------------------------------------------------------------------
// Stream decoder

QList<StreamEvent> StreamDecoder::feed(QByteArrayView bytes)
{
    QList<StreamEvent> out;
    qsizetype start = 0;
    while (!m_finished && start < bytes.size()) {
        const void *found = std::memchr(bytes.data() + start, '\n', size_t(bytes.size() - start));
        if (!found)
            break;
        const qsizetype end = static_cast<const char *>(found) - bytes.data();
        const QByteArrayView piece = bytes.sliced(start, end - start);
        start = end + 1;
        if (m_line.size() + piece.size() > kMaxLineBytes) {
            failStream(Error{502, u"api_error"_s, u"upstream stream line too large"_s, {}, {}}, out);
            break;
        }
        if (m_line.isEmpty()) {
            handleLine(piece, out);
        } else {
            m_line.append(piece);
            handleLine(m_line, out);
            m_line.clear();
        }
    }
    if (m_finished)
        return out;
    m_line.append(bytes.sliced(start));
    if (m_line.size() > kMaxLineBytes) {
        m_line.clear();
        failStream(Error{502, u"api_error"_s, u"upstream stream line too large"_s, {}, {}}, out);
    }
    return out;
}

QList<StreamEvent> StreamDecoder::finish()
{
    QList<StreamEvent> out;
    if (m_finished)
        return out;
    m_ending = true;
    if (!m_line.isEmpty()) {
        const QByteArray last = std::exchange(m_line, QByteArray());
        handleLine(last, out);
    }
    if (!m_finished)
        failStream(Error{502, u"api_error"_s, u"upstream stream ended before completion"_s, {}, {}}, out);
    return out;
}

void StreamDecoder::handleLine(QByteArrayView line, QList<StreamEvent> &out)
{
    line = line.trimmed(); // also drops the '\r' of "\r\n"
    if (line.isEmpty())
        return;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        failStream(Error{502,
                         u"api_error"_s,
                         m_ending ? u"upstream stream ended before completion"_s
                                  : u"upstream sent invalid JSON in its stream"_s,
                         {},
                         {}},
                   out);
        return;
    }
    const QJsonObject o = doc.object();
    if (o.contains(u"error"_s)) {
        failStream(parseError(0, line.toByteArray()), out);
        return;
    }
    handleObject(o, out);
}

void StreamDecoder::handleObject(const QJsonObject &object, QList<StreamEvent> &out)
{
    if (!m_started) {
        m_started = true;
        // Ollama sends no id: derive a stable one from the model and the creation time.
        const QString created = object.value(u"created_at"_s).toString();
        const QString model = object.value(u"model"_s).toString();
        const QString hash =
            created.isEmpty()
                ? randomHex(24)
                : QString::fromLatin1(
                      QCryptographicHash::hash((model + u'\n' + created).toUtf8(), QCryptographicHash::Sha1).toHex());
        m_idSeed = hash.left(8);
        StreamEvent start;
        start.type = StreamEvent::Type::MessageStart;
        start.id = u"msg_"_s + hash.left(24);
        start.model = model;
        out.append(start);
    }
    const QJsonObject message = object.value(u"message"_s).toObject();
    const QString thinking = message.value(u"thinking"_s).toString();
    if (!thinking.isEmpty())
        ensureBlock(Open::Thinking, thinking, out);
    const QString content = message.value(u"content"_s).toString();
    if (!content.isEmpty())
        ensureBlock(Open::Text, content, out);
    const QJsonArray calls = message.value(u"tool_calls"_s).toArray();
    for (const QJsonValue &cv : calls) {
        const QJsonObject call = cv.toObject();
        const QJsonObject function = call.value(u"function"_s).toObject();
        closeOpen(out);
        m_sawToolCall = true;
        ++m_callCount;
        StreamEvent start;
        start.type = StreamEvent::Type::BlockStart;
        start.index = m_nextIndex++;
        start.blockKind = BlockKind::ToolCall;
        start.toolCallId = call.value(u"id"_s).toString();
        if (start.toolCallId.isEmpty())
            start.toolCallId = u"call_%1_%2"_s.arg(m_idSeed).arg(m_callCount); // older servers give none
        start.toolName = function.value(u"name"_s).toString();
        out.append(start);
        StreamEvent arguments;
        arguments.type = StreamEvent::Type::BlockDelta;
        arguments.index = start.index;
        arguments.deltaKind = DeltaKind::ToolArguments;
        const QJsonValue args = function.value(u"arguments"_s);
        arguments.text = args.isString() && !args.toString().isEmpty() ? args.toString() : compactJson(args.toObject());
        out.append(arguments);
        StreamEvent stop;
        stop.type = StreamEvent::Type::BlockStop;
        stop.index = start.index;
        out.append(stop);
    }
    if (object.value(u"done"_s).toBool()) {
        m_stop = stopReasonFromWire(object.value(u"done_reason"_s).toString());
        // The final object omits counts that are zero.
        m_usage.inputTokens = optInt(object, u"prompt_eval_count"_s).value_or(0);
        m_usage.outputTokens = optInt(object, u"eval_count"_s).value_or(0);
        completeStream(out);
    }
}

void StreamDecoder::ensureBlock(Open kind, const QString &text, QList<StreamEvent> &out)
{
    if (m_open != kind) {
        closeOpen(out);
        StreamEvent start;
        start.type = StreamEvent::Type::BlockStart;
        start.index = m_nextIndex++;
        start.blockKind = kind == Open::Text ? BlockKind::Text : BlockKind::Thinking;
        out.append(start);
        m_open = kind;
        m_openIndex = start.index;
    }
    StreamEvent d;
    d.type = StreamEvent::Type::BlockDelta;
    d.index = m_openIndex;
    d.deltaKind = kind == Open::Text ? DeltaKind::Text : DeltaKind::Thinking;
    d.text = text;
    out.append(d);
}

void StreamDecoder::closeOpen(QList<StreamEvent> &out)
{
    if (m_open == Open::None)
        return;
    StreamEvent stop;
    stop.type = StreamEvent::Type::BlockStop;
    stop.index = m_openIndex;
    out.append(stop);
    m_open = Open::None;
    m_openIndex = -1;
}

void StreamDecoder::completeStream(QList<StreamEvent> &out)
{
    closeOpen(out);
    StreamEvent delta;
    delta.type = StreamEvent::Type::MessageDelta;
    delta.stopReason = m_stop == StopReason::None ? StopReason::EndTurn : m_stop;
    // Ollama says "stop" after tool calls; the calls decide (WIRE_FORMATS.md §7.6 item 14).
    if (m_sawToolCall && delta.stopReason == StopReason::EndTurn)
        delta.stopReason = StopReason::ToolUse;
    delta.usage = m_usage;
    out.append(delta);
    StreamEvent stop;
    stop.type = StreamEvent::Type::MessageStop;
    out.append(stop);
    m_finished = true;
}

void StreamDecoder::failStream(const Error &error, QList<StreamEvent> &out)
{
    StreamEvent e;
    e.type = StreamEvent::Type::Error;
    e.error = error;
    out.append(e);
    m_finished = true;
}

} // namespace llmproxy::ollamachat

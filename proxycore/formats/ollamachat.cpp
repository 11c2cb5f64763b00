// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/ollamachat.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cstring>
#include <utility>

using namespace Qt::StringLiterals;

namespace llmproxy::ollamachat {

using namespace canonical;
using namespace formatsupport;

namespace {

/// The SSE decoders' bound on one event, for one line: no line may grow a worker without limit.
constexpr qsizetype kMaxLineBytes = SseDecoder::DefaultMaxEventBytes;

Error lineTooLarge()
{
    return upstreamError(u"upstream stream line too large"_s);
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
    auto drop = [dropped](const QString &field, const QString &reason) { addDroppedOnce(dropped, field, reason); };
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
                const std::optional<QJsonObject> args = argumentsObject(p.arguments);
                if (!args)
                    drop(path + u".tool_call.arguments"_s, u"tool-call arguments are not a JSON object; sent as {}"_s);
                QJsonObject call{{u"function"_s, QJsonObject{{u"name"_s, p.toolName},
                                                             {u"arguments"_s, args.value_or(QJsonObject())}}}};
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
    QJsonObject o;
    if (!parseUpstreamObject(body, &o, error, parseError))
        return std::nullopt;
    // A non-streamed answer is the final line of a stream: decode it the same way.
    StreamDecoder decoder;
    QList<StreamEvent> events;
    decoder.handleObject(o, events);
    if (!decoder.isFinished())
        decoder.m_stream.complete(decoder.m_stop, decoder.m_usage, events);
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
    while (!m_stream.isFinished() && start < bytes.size()) {
        const void *found = std::memchr(bytes.data() + start, '\n', size_t(bytes.size() - start));
        if (!found)
            break;
        const qsizetype end = static_cast<const char *>(found) - bytes.data();
        const QByteArrayView piece = bytes.sliced(start, end - start);
        start = end + 1;
        if (m_line.size() + piece.size() > kMaxLineBytes) {
            m_stream.fail(lineTooLarge(), out);
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
    if (m_stream.isFinished())
        return out;
    m_line.append(bytes.sliced(start));
    if (m_line.size() > kMaxLineBytes) {
        m_line.clear();
        m_stream.fail(lineTooLarge(), out);
    }
    return out;
}

QList<StreamEvent> StreamDecoder::finish()
{
    QList<StreamEvent> out;
    if (m_stream.isFinished())
        return out;
    m_stream.setInputEnded();
    if (!m_line.isEmpty()) {
        const QByteArray last = std::exchange(m_line, QByteArray());
        handleLine(last, out);
    }
    if (!m_stream.isFinished())
        m_stream.fail(streamEndedEarly(), out);
    return out;
}

void StreamDecoder::handleLine(QByteArrayView line, QList<StreamEvent> &out)
{
    line = line.trimmed(); // also drops the '\r' of "\r\n"
    if (line.isEmpty())
        return;
    if (const std::optional<QJsonObject> object = m_stream.chunkObject(line.toByteArray(), parseError, out))
        handleObject(*object, out);
}

void StreamDecoder::handleObject(const QJsonObject &object, QList<StreamEvent> &out)
{
    if (!m_stream.isStarted()) {
        // Ollama sends no id: derive a stable one from the model and the creation time.
        const QString created = object.value(u"created_at"_s).toString();
        const QString model = object.value(u"model"_s).toString();
        const QString hash = created.isEmpty() ? randomHex(24) : hashHex(model + u'\n' + created, 24);
        m_idSeed = hash.left(8);
        m_stream.start(out, u"msg_"_s + hash, model);
    }
    const QJsonObject message = object.value(u"message"_s).toObject();
    const QString thinking = message.value(u"thinking"_s).toString();
    if (!thinking.isEmpty())
        m_stream.continueBlock(BlockKind::Thinking, DeltaKind::Thinking, thinking, out);
    const QString content = message.value(u"content"_s).toString();
    if (!content.isEmpty())
        m_stream.continueBlock(BlockKind::Text, DeltaKind::Text, content, out);
    const QJsonArray calls = message.value(u"tool_calls"_s).toArray();
    for (const QJsonValue &cv : calls) {
        const QJsonObject call = cv.toObject();
        const QJsonObject function = call.value(u"function"_s).toObject();
        ++m_callCount;
        QString id = call.value(u"id"_s).toString();
        if (id.isEmpty())
            id = u"call_%1_%2"_s.arg(m_idSeed).arg(m_callCount); // older servers give none
        const QJsonValue args = function.value(u"arguments"_s);
        m_stream.wholeToolCall(
            id, function.value(u"name"_s).toString(),
            args.isString() && !args.toString().isEmpty() ? args.toString() : compactJson(args.toObject()), out);
    }
    if (object.value(u"done"_s).toBool()) {
        m_stop = stopReasonFromWire(object.value(u"done_reason"_s).toString());
        // The final object omits counts that are zero.
        m_usage.inputTokens = optInt(object, u"prompt_eval_count"_s).value_or(0);
        m_usage.outputTokens = optInt(object, u"eval_count"_s).value_or(0);
        m_stream.complete(m_stop, m_usage, out);
    }
}

} // namespace llmproxy::ollamachat

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/openaichat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace llmproxy::openaichat {

using namespace canonical;
using namespace formatsupport;

namespace {

/// Text of a system/developer/tool message content: a string or an array of text parts.
bool textParts(const QJsonValue &content, const QString &path, QList<ContentPart> *parts, Error *error)
{
    if (content.isString()) {
        parts->append(ContentPart::makeText(content.toString()));
        return true;
    }
    if (isAbsent(content))
        return true;
    if (!content.isArray()) {
        *error = badRequest(u"content must be a string or an array of parts"_s, path);
        return false;
    }
    const QJsonArray arr = content.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QJsonObject p = arr.at(i).toObject();
        const QString type = p.value(u"type"_s).toString();
        if (type == u"text"_s) {
            parts->append(ContentPart::makeText(p.value(u"text"_s).toString()));
        } else {
            *error = badRequest(u"content part type '%1' is not supported here"_s.arg(type), path + u"[%1]"_s.arg(i));
            return false;
        }
    }
    return true;
}

bool userParts(const QJsonValue &content, const QString &path, QList<ContentPart> *parts, Error *error)
{
    if (!content.isArray())
        return textParts(content, path, parts, error);
    const QJsonArray arr = content.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const QJsonObject p = arr.at(i).toObject();
        const QString type = p.value(u"type"_s).toString();
        const QString partPath = path + u"[%1]"_s.arg(i);
        if (type == u"text"_s) {
            parts->append(ContentPart::makeText(p.value(u"text"_s).toString()));
        } else if (type == u"image_url"_s) {
            const QJsonValue iu = p.value(u"image_url"_s);
            const QString url = iu.isString() ? iu.toString() : iu.toObject().value(u"url"_s).toString();
            if (url.isEmpty()) {
                *error = badRequest(u"image_url.url is required"_s, partPath);
                return false;
            }
            ContentPart image;
            image.kind = PartKind::Image;
            if (!splitDataUrl(url, &image.mediaType, &image.imageData))
                image.imageUrl = url;
            parts->append(image);
        } else {
            *error =
                badRequest(u"content part type '%1' cannot be translated to the upstream format"_s.arg(type), partPath);
            return false;
        }
    }
    return true;
}

QJsonObject usageToJson(const Usage &u)
{
    QJsonObject o;
    const qint64 in = u.inputTokens.value_or(0);
    const qint64 out = u.outputTokens.value_or(0);
    o.insert(u"prompt_tokens"_s, in);
    o.insert(u"completion_tokens"_s, out);
    o.insert(u"total_tokens"_s, in + out);
    if (u.cacheReadTokens || u.cacheWriteTokens) {
        QJsonObject details;
        if (u.cacheReadTokens)
            details.insert(u"cached_tokens"_s, *u.cacheReadTokens);
        if (u.cacheWriteTokens)
            details.insert(u"cache_write_tokens"_s, *u.cacheWriteTokens);
        o.insert(u"prompt_tokens_details"_s, details);
    }
    if (u.reasoningTokens)
        o.insert(u"completion_tokens_details"_s, QJsonObject{{u"reasoning_tokens"_s, *u.reasoningTokens}});
    return o;
}

Usage usageFromJson(const QJsonObject &o)
{
    Usage u;
    u.inputTokens = optInt(o, u"prompt_tokens"_s);
    u.outputTokens = optInt(o, u"completion_tokens"_s);
    const QJsonObject pd = o.value(u"prompt_tokens_details"_s).toObject();
    u.cacheReadTokens = optInt(pd, u"cached_tokens"_s);
    u.cacheWriteTokens = optInt(pd, u"cache_write_tokens"_s);
    u.reasoningTokens = optInt(o.value(u"completion_tokens_details"_s).toObject(), u"reasoning_tokens"_s);
    return u;
}

QString reasoningText(const QJsonObject &o)
{
    const QString rc = o.value(u"reasoning_content"_s).toString();
    return rc.isEmpty() ? o.value(u"reasoning"_s).toString() : rc;
}

/// The reasoning of a message as a thinking part, when it has any.
void appendReasoning(const QJsonObject &message, QList<ContentPart> *parts)
{
    const QString reasoning = reasoningText(message);
    if (reasoning.isEmpty())
        return;
    ContentPart t;
    t.kind = PartKind::Thinking;
    t.text = reasoning;
    parts->append(t);
}

/// A tool-call part as an entry of a message's `tool_calls`.
QJsonObject toolCallJson(const ContentPart &p)
{
    return QJsonObject{{u"id"_s, p.toolCallId},
                       {u"type"_s, u"function"_s},
                       {u"function"_s, QJsonObject{{u"name"_s, p.toolName},
                                                   {u"arguments"_s, p.arguments.isEmpty() ? u"{}"_s : p.arguments}}}};
}

/// The `tool_calls` of a message as tool-call parts.
void appendToolCalls(const QJsonArray &calls, QList<ContentPart> *parts)
{
    for (const QJsonValue &cv : calls) {
        const QJsonObject c = cv.toObject();
        const QJsonObject f = c.value(u"function"_s).toObject();
        ContentPart call;
        call.kind = PartKind::ToolCall;
        call.toolCallId = c.value(u"id"_s).toString();
        call.toolName = f.value(u"name"_s).toString();
        call.arguments = f.value(u"arguments"_s).toString();
        if (call.arguments.isEmpty())
            call.arguments = u"{}"_s; // an empty argument string means no arguments (§1.6)
        parts->append(call);
    }
}

QString openAiErrorType(int status)
{
    switch (status) {
    case 401:
        return u"authentication_error"_s;
    case 403:
        return u"permission_error"_s;
    case 404:
        return u"not_found_error"_s;
    case 402:
    case 429:
        return u"rate_limit_error"_s;
    default:
        break;
    }
    if (status >= 400 && status < 500)
        return u"invalid_request_error"_s;
    return u"server_error"_s;
}

} // namespace

StopReason stopReasonFromWire(const QString &finishReason)
{
    if (finishReason == u"stop"_s)
        return StopReason::EndTurn;
    if (finishReason == u"length"_s)
        return StopReason::MaxTokens;
    if (finishReason == u"tool_calls"_s || finishReason == u"function_call"_s)
        return StopReason::ToolUse;
    if (finishReason == u"content_filter"_s)
        return StopReason::Refusal;
    // Unknown reasons end the turn normally rather than failing the stream (§7.6 item 20).
    return finishReason.isEmpty() ? StopReason::None : StopReason::EndTurn;
}

QString stopReasonToWire(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens:
    case StopReason::ContextWindowExceeded:
        return u"length"_s;
    case StopReason::ToolUse:
        return u"tool_calls"_s;
    case StopReason::Refusal:
        return u"content_filter"_s;
    case StopReason::None:
    case StopReason::EndTurn:
    case StopReason::StopSequence:
    case StopReason::PauseTurn:
        break;
    }
    return u"stop"_s;
}

// ---------------------------------------------------------------------------------------------
// Requests

std::optional<Request> parseRequest(const QByteArray &body, Error *error)
{
    QJsonObject o;
    if (!parseRequestObject(body, &o, error))
        return std::nullopt;
    Request req;
    req.model = o.value(u"model"_s).toString();
    if (req.model.isEmpty()) {
        *error = badRequest(u"model is required"_s, u"model"_s);
        return std::nullopt;
    }
    if (!o.value(u"messages"_s).isArray()) {
        *error = badRequest(u"messages must be an array"_s, u"messages"_s);
        return std::nullopt;
    }

    const QJsonArray messages = o.value(u"messages"_s).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QString path = u"messages[%1]"_s.arg(i);
        const QString role = m.value(u"role"_s).toString();
        if (m.contains(u"name"_s))
            req.dropped.append({path + u".name"_s, u"participant names have no counterpart"_s});
        if (role == u"system"_s || role == u"developer"_s) {
            if (!textParts(m.value(u"content"_s), path + u".content"_s, &req.system, error))
                return std::nullopt;
        } else if (role == u"user"_s) {
            Message msg;
            if (!userParts(m.value(u"content"_s), path + u".content"_s, &msg.parts, error))
                return std::nullopt;
            req.messages.append(msg);
        } else if (role == u"assistant"_s) {
            Message msg;
            msg.role = Role::Assistant;
            appendReasoning(m, &msg.parts);
            const QJsonValue content = m.value(u"content"_s);
            if (content.isArray()) {
                const QJsonArray arr = content.toArray();
                for (const QJsonValue &pv : arr) {
                    const QJsonObject p = pv.toObject();
                    const QString type = p.value(u"type"_s).toString();
                    if (type == u"text"_s)
                        msg.parts.append(ContentPart::makeText(p.value(u"text"_s).toString()));
                    else if (type == u"refusal"_s)
                        msg.parts.append(ContentPart::makeText(p.value(u"refusal"_s).toString()));
                }
            } else if (content.isString() && !content.toString().isEmpty()) {
                msg.parts.append(ContentPart::makeText(content.toString()));
            }
            const QString refusal = m.value(u"refusal"_s).toString();
            if (!refusal.isEmpty())
                msg.parts.append(ContentPart::makeText(refusal));
            if (m.contains(u"function_call"_s) && !m.value(u"function_call"_s).isNull()) {
                *error = badRequest(u"the deprecated function_call message field is not supported; use tool_calls"_s,
                                    path + u".function_call"_s);
                return std::nullopt;
            }
            appendToolCalls(m.value(u"tool_calls"_s).toArray(), &msg.parts);
            if (m.contains(u"audio"_s))
                req.dropped.append({path + u".audio"_s, u"audio output has no counterpart"_s});
            req.messages.append(msg);
        } else if (role == u"tool"_s) {
            ContentPart result;
            result.kind = PartKind::ToolResult;
            result.toolCallId = m.value(u"tool_call_id"_s).toString();
            QList<ContentPart> parts;
            if (!textParts(m.value(u"content"_s), path + u".content"_s, &parts, error))
                return std::nullopt;
            result.result.assign(parts.cbegin(), parts.cend());
            appendToolResult(req, result);
        } else {
            *error = badRequest(u"message role '%1' is not supported"_s.arg(role), path + u".role"_s);
            return std::nullopt;
        }
    }

    static const QSet<QString> handled = {
        u"model"_s,
        u"messages"_s,
        u"max_completion_tokens"_s,
        u"max_tokens"_s,
        u"temperature"_s,
        u"top_p"_s,
        u"stop"_s,
        u"stream"_s,
        u"stream_options"_s,
        u"tools"_s,
        u"tool_choice"_s,
        u"parallel_tool_calls"_s,
        u"response_format"_s,
        u"reasoning_effort"_s,
        u"user"_s,
        u"metadata"_s,
        u"n"_s,
        u"functions"_s,
        u"function_call"_s,
        u"modalities"_s,
        u"audio"_s,
    };

    req.maxOutputTokens = optInt(o, u"max_completion_tokens"_s);
    if (!req.maxOutputTokens)
        req.maxOutputTokens = optInt(o, u"max_tokens"_s);
    req.temperature = optDouble(o, u"temperature"_s);
    req.topP = optDouble(o, u"top_p"_s);
    const QJsonValue stop = o.value(u"stop"_s);
    if (stop.isString()) {
        req.stopSequences.append(stop.toString());
    } else {
        const QJsonArray stops = stop.toArray();
        for (const QJsonValue &s : stops)
            req.stopSequences.append(s.toString());
    }
    req.stream = o.value(u"stream"_s).toBool();
    req.includeUsage = o.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool();
    if (o.value(u"n"_s).isDouble() && o.value(u"n"_s).toInt() != 1) {
        *error = badRequest(u"n other than 1 cannot be translated to the upstream format"_s, u"n"_s);
        return std::nullopt;
    }
    const QJsonArray modalities = o.value(u"modalities"_s).toArray();
    if (modalities.contains(u"audio"_s) || (o.contains(u"audio"_s) && !o.value(u"audio"_s).isNull())) {
        *error = badRequest(u"audio output cannot be translated to the upstream format"_s, u"audio"_s);
        return std::nullopt;
    }

    auto parseTool = [&](const QJsonObject &f) {
        Tool t;
        t.name = f.value(u"name"_s).toString();
        t.description = f.value(u"description"_s).toString();
        t.parameters = f.value(u"parameters"_s).toObject();
        t.strict = optBool(f, u"strict"_s);
        return t;
    };
    const QJsonArray tools = o.value(u"tools"_s).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject t = tools.at(i).toObject();
        const QString type = t.value(u"type"_s).toString(u"function"_s);
        if (type != u"function"_s) {
            *error = badRequest(u"tool type '%1' cannot be translated to the upstream format"_s.arg(type),
                                u"tools[%1]"_s.arg(i));
            return std::nullopt;
        }
        req.tools.append(parseTool(t.value(u"function"_s).toObject()));
    }
    const QJsonArray functions = o.value(u"functions"_s).toArray();
    for (const QJsonValue &f : functions)
        req.tools.append(parseTool(f.toObject()));

    auto parseChoice = [&](const QJsonValue &tc, const QString &param) -> bool {
        if (tc.isUndefined() || tc.isNull())
            return true;
        if (tc.isString())
            return parseToolChoiceString(tc.toString(), param, &req.toolChoice, error);
        const QJsonObject c = tc.toObject();
        const QString type = c.value(u"type"_s).toString(u"function"_s);
        const QString name = c.contains(u"function"_s) ? c.value(u"function"_s).toObject().value(u"name"_s).toString()
                                                       : c.value(u"name"_s).toString();
        if (type != u"function"_s || name.isEmpty()) {
            *error =
                badRequest(u"tool_choice of type '%1' cannot be translated to the upstream format"_s.arg(type), param);
            return false;
        }
        req.toolChoice.mode = ToolChoice::Mode::Named;
        req.toolChoice.name = name;
        return true;
    };
    if (!parseChoice(o.value(u"tool_choice"_s), u"tool_choice"_s))
        return std::nullopt;
    if (!o.contains(u"tool_choice"_s) && !parseChoice(o.value(u"function_call"_s), u"function_call"_s))
        return std::nullopt;
    if (o.value(u"parallel_tool_calls"_s).isBool())
        req.toolChoice.parallelAllowed = o.value(u"parallel_tool_calls"_s).toBool();

    const QJsonObject rf = o.value(u"response_format"_s).toObject();
    if (!rf.isEmpty()) {
        const QString type = rf.value(u"type"_s).toString();
        ResponseFormat f;
        if (type == u"json_object"_s) {
            f.kind = ResponseFormat::Kind::JsonObject;
        } else if (type == u"json_schema"_s) {
            const QJsonObject js = rf.value(u"json_schema"_s).toObject();
            f.kind = ResponseFormat::Kind::JsonSchema;
            f.name = js.value(u"name"_s).toString();
            f.description = js.value(u"description"_s).toString();
            f.schema = js.value(u"schema"_s).toObject();
            f.strict = optBool(js, u"strict"_s);
        } else if (type != u"text"_s) {
            *error = badRequest(u"response_format type '%1' is not supported"_s.arg(type), u"response_format"_s);
            return std::nullopt;
        }
        req.responseFormat = f;
    }
    req.reasoningEffort = o.value(u"reasoning_effort"_s).toString();
    req.thinkingEnabled = !req.reasoningEffort.isEmpty() && req.reasoningEffort != u"none"_s;
    req.user = o.value(u"user"_s).toString();
    req.metadata = o.value(u"metadata"_s).toObject();

    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!handled.contains(it.key()))
            req.dropped.append({it.key(), u"no counterpart in the canonical model"_s});
    }
    return req;
}

QByteArray emitRequest(const Request &request, const EmitOptions &options, QList<Dropped> *dropped)
{
    auto drop = [dropped](const QString &field, const QString &reason) {
        if (dropped)
            dropped->append({field, reason});
    };
    auto joinedText = [](const std::vector<ContentPart> &parts) -> QJsonValue {
        QJsonArray arr;
        for (const ContentPart &p : parts) {
            if (p.kind == PartKind::Text)
                arr.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, p.text}});
        }
        if (arr.size() == 1)
            return arr.first().toObject().value(u"text"_s);
        return arr;
    };

    QJsonObject o;
    o.insert(u"model"_s, request.model);
    QJsonArray messages;
    // One system message: several in a row are rejected by some models' chat templates.
    QStringList systemTexts;
    for (const ContentPart &s : request.system) {
        if (!s.cacheControl.isEmpty())
            drop(u"system.cache_control"_s, u"no prompt-cache markers in Chat Completions"_s);
        systemTexts.append(s.text);
    }
    if (!systemTexts.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, systemTexts.join(u"\n\n"_s)}});
    for (qsizetype mi = 0; mi < request.messages.size(); ++mi) {
        const Message &m = request.messages.at(mi);
        const QString path = u"messages[%1]"_s.arg(mi);
        QJsonArray content;
        QJsonArray calls;
        QString reasoning;
        for (const ContentPart &p : m.parts) {
            if (!p.cacheControl.isEmpty())
                drop(path + u".cache_control"_s, u"no prompt-cache markers in Chat Completions"_s);
            switch (p.kind) {
            case PartKind::Text:
                content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, p.text}});
                break;
            case PartKind::Image: {
                const QString url =
                    p.imageUrl.isEmpty() ? u"data:%1;base64,%2"_s.arg(p.mediaType, p.imageData) : p.imageUrl;
                content.append(
                    QJsonObject{{u"type"_s, u"image_url"_s}, {u"image_url"_s, QJsonObject{{u"url"_s, url}}}});
                break;
            }
            case PartKind::Thinking:
                if (options.reasoningContent)
                    reasoning += p.text;
                else
                    drop(path + u".thinking"_s, u"Chat Completions has no reasoning input"_s);
                break;
            case PartKind::RedactedThinking:
                drop(path + u".redacted_thinking"_s, u"Chat Completions has no reasoning input"_s);
                break;
            case PartKind::ToolCall:
                calls.append(toolCallJson(p));
                break;
            case PartKind::ToolResult: {
                bool hasImage = false;
                for (const ContentPart &r : p.result)
                    hasImage = hasImage || r.kind == PartKind::Image;
                if (hasImage)
                    drop(path + u".tool_result.content"_s, u"tool messages carry only text"_s);
                if (p.isError)
                    drop(path + u".tool_result.is_error"_s, u"tool messages have no error flag"_s);
                messages.append(QJsonObject{
                    {u"role"_s, u"tool"_s}, {u"tool_call_id"_s, p.toolCallId}, {u"content"_s, joinedText(p.result)}});
                break;
            }
            }
        }
        if (content.isEmpty() && calls.isEmpty() && reasoning.isEmpty())
            continue;
        QJsonObject msg;
        msg.insert(u"role"_s, m.role == Role::User ? u"user"_s : u"assistant"_s);
        const bool allText = std::all_of(content.cbegin(), content.cend(), [](const QJsonValue &v) {
            return v.toObject().value(u"type"_s).toString() == u"text"_s;
        });
        if (content.isEmpty())
            msg.insert(u"content"_s, QJsonValue::Null);
        else if (content.size() == 1 && allText)
            msg.insert(u"content"_s, content.first().toObject().value(u"text"_s));
        else
            msg.insert(u"content"_s, content);
        if (!calls.isEmpty())
            msg.insert(u"tool_calls"_s, calls);
        if (!reasoning.isEmpty())
            msg.insert(u"reasoning_content"_s, reasoning);
        messages.append(msg);
    }
    o.insert(u"messages"_s, messages);

    if (request.maxOutputTokens)
        o.insert(options.legacyMaxTokens ? u"max_tokens"_s : u"max_completion_tokens"_s, *request.maxOutputTokens);
    if (request.temperature)
        o.insert(u"temperature"_s, *request.temperature);
    if (request.topP)
        o.insert(u"top_p"_s, *request.topP);
    if (request.topK)
        drop(u"top_k"_s, u"Chat Completions has no top_k"_s);
    if (!request.stopSequences.isEmpty())
        o.insert(u"stop"_s, QJsonArray::fromStringList(request.stopSequences));
    if (request.stream) {
        o.insert(u"stream"_s, true);
        // Usage is always wanted upstream: the gateway meters it even when the client did not ask.
        o.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    }
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const Tool &t : request.tools) {
            QJsonObject f{{u"name"_s, t.name}};
            if (!t.description.isEmpty())
                f.insert(u"description"_s, t.description);
            if (!t.parameters.isEmpty())
                f.insert(u"parameters"_s, t.parameters);
            if (t.strict)
                f.insert(u"strict"_s, *t.strict);
            if (!t.cacheControl.isEmpty())
                drop(u"tools.cache_control"_s, u"no prompt-cache markers in Chat Completions"_s);
            tools.append(QJsonObject{{u"type"_s, u"function"_s}, {u"function"_s, f}});
        }
        o.insert(u"tools"_s, tools);
        if (!request.toolChoice.parallelAllowed)
            o.insert(u"parallel_tool_calls"_s, false);
    }
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
        break;
    case ToolChoice::Mode::Auto:
        o.insert(u"tool_choice"_s, u"auto"_s);
        break;
    case ToolChoice::Mode::None:
        o.insert(u"tool_choice"_s, u"none"_s);
        break;
    case ToolChoice::Mode::Required:
        o.insert(u"tool_choice"_s, u"required"_s);
        break;
    case ToolChoice::Mode::Named:
        o.insert(u"tool_choice"_s, QJsonObject{{u"type"_s, u"function"_s},
                                               {u"function"_s, QJsonObject{{u"name"_s, request.toolChoice.name}}}});
        break;
    }
    if (request.responseFormat) {
        const ResponseFormat &f = *request.responseFormat;
        if (f.kind == ResponseFormat::Kind::Text) {
            o.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"text"_s}});
        } else if (f.kind == ResponseFormat::Kind::JsonObject) {
            o.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}});
        } else {
            QJsonObject js{{u"name"_s, f.name.isEmpty() ? u"response"_s : f.name}};
            if (!f.description.isEmpty())
                js.insert(u"description"_s, f.description);
            if (!f.schema.isEmpty())
                js.insert(u"schema"_s, f.schema);
            if (f.strict)
                js.insert(u"strict"_s, *f.strict);
            o.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"json_schema"_s}, {u"json_schema"_s, js}});
        }
    }
    if (!request.reasoningEffort.isEmpty())
        o.insert(u"reasoning_effort"_s, request.reasoningEffort);
    else if (request.thinkingBudget)
        drop(u"thinking.budget_tokens"_s, u"Chat Completions takes a reasoning level, not a budget"_s);
    if (!request.user.isEmpty())
        o.insert(u"user"_s, request.user);
    if (!request.metadata.isEmpty())
        o.insert(u"metadata"_s, request.metadata);
    return compact(o);
}

// ---------------------------------------------------------------------------------------------
// Responses

std::optional<Response> parseResponse(const QByteArray &body, Error *error)
{
    QJsonObject o;
    if (!parseUpstreamObject(body, &o, error, parseError))
        return std::nullopt;
    Response r;
    r.id = o.value(u"id"_s).toString();
    r.model = o.value(u"model"_s).toString();
    const QJsonObject choice = o.value(u"choices"_s).toArray().first().toObject();
    const QJsonObject m = choice.value(u"message"_s).toObject();
    appendReasoning(m, &r.content);
    const QString text = m.value(u"content"_s).toString();
    if (!text.isEmpty())
        r.content.append(ContentPart::makeText(text));
    const QString refusal = m.value(u"refusal"_s).toString();
    if (!refusal.isEmpty())
        r.content.append(ContentPart::makeText(refusal));
    const QJsonArray calls = m.value(u"tool_calls"_s).toArray();
    appendToolCalls(calls, &r.content);
    r.stopReason = stopReasonFromWire(choice.value(u"finish_reason"_s).toString());
    if (!calls.isEmpty() && (r.stopReason == StopReason::EndTurn || r.stopReason == StopReason::None))
        r.stopReason = StopReason::ToolUse;
    if (!refusal.isEmpty() && text.isEmpty() && calls.isEmpty())
        r.stopReason = StopReason::Refusal;
    r.usage = usageFromJson(o.value(u"usage"_s).toObject());
    return r;
}

QByteArray emitResponse(const Response &response, const EmitOptions &options, QList<Dropped> *dropped)
{
    QJsonObject message{{u"role"_s, u"assistant"_s}};
    QString text;
    QString reasoning;
    QJsonArray calls;
    for (const ContentPart &p : response.content) {
        switch (p.kind) {
        case PartKind::Text:
            text += p.text;
            break;
        case PartKind::Thinking:
            if (options.reasoningContent)
                reasoning += p.text;
            else if (dropped)
                dropped->append({u"content.thinking"_s, u"Chat Completions has no reasoning output"_s});
            break;
        case PartKind::ToolCall:
            calls.append(toolCallJson(p));
            break;
        case PartKind::RedactedThinking:
        case PartKind::Image:
        case PartKind::ToolResult:
            if (dropped)
                dropped->append({u"content"_s, u"block type has no Chat Completions counterpart"_s});
            break;
        }
    }
    message.insert(u"content"_s, text.isEmpty() && !calls.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text));
    if (!calls.isEmpty())
        message.insert(u"tool_calls"_s, calls);
    if (!reasoning.isEmpty())
        message.insert(u"reasoning_content"_s, reasoning);
    const StopReason stop = !calls.isEmpty() ? StopReason::ToolUse : response.stopReason;
    QJsonObject o{
        {u"id"_s, response.id},
        {u"object"_s, u"chat.completion"_s},
        {u"created"_s, createdOrNow(options.created)},
        {u"model"_s, response.model},
        {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                              {u"message"_s, message},
                                              {u"finish_reason"_s, stopReasonToWire(stop)},
                                              {u"logprobs"_s, QJsonValue::Null}}}},
        {u"usage"_s, usageToJson(response.usage)},
    };
    return compact(o);
}

// ---------------------------------------------------------------------------------------------
// Errors

int httpStatus(const Error &error)
{
    // The OpenAI SDK knows no 529 or 402; send what it classifies the same way.
    if (error.status == 529)
        return 503;
    if (error.status == 402)
        return 429;
    return error.status >= 400 && error.status < 600 ? error.status : 500;
}

QByteArray emitError(const Error &error)
{
    const int status = httpStatus(error);
    return compact(QJsonObject{
        {u"error"_s, QJsonObject{
                         {u"message"_s, error.message},
                         {u"type"_s, error.fromGateway && !error.type.isEmpty() ? error.type : openAiErrorType(status)},
                         {u"param"_s, orNull(error.param)},
                         {u"code"_s, orNull(error.code)},
                     }}});
}

Error parseError(int status, const QByteArray &body)
{
    Error e;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonValue ev = o.value(u"error"_s);
    if (ev.isString()) {
        e.message = ev.toString();
    } else {
        const QJsonObject eo = ev.toObject();
        e.message = eo.value(u"message"_s).toString();
        e.type = eo.value(u"type"_s).toString();
        e.param = eo.value(u"param"_s).toString();
        const QJsonValue code = eo.value(u"code"_s);
        e.code = code.isDouble() ? QString::number(code.toInt()) : code.toString();
    }
    if (e.message.isEmpty())
        e.message = body.isEmpty() ? u"upstream error"_s : QString::fromUtf8(body.left(512));
    if (status >= 400) {
        e.status = status;
    } else {
        const int byCode = statusForErrorType(e.code);
        e.status = byCode != 500 || e.code == u"server_error"_s ? byCode : statusForErrorType(e.type);
    }
    return e;
}

// ---------------------------------------------------------------------------------------------
// Stream decoder

QList<StreamEvent> StreamDecoder::feed(QByteArrayView bytes)
{
    return feedSse(m_sse, m_stream, bytes, std::bind_front(&StreamDecoder::handle, this));
}

QList<StreamEvent> StreamDecoder::finish()
{
    return finishSse(m_sse, m_stream, std::bind_front(&StreamDecoder::handle, this),
                     std::bind_front(&StreamDecoder::completeStream, this));
}

void StreamDecoder::handle(const SseEvent &event, QList<StreamEvent> &out)
{
    if (event.data == "[DONE]") {
        completeStream(out);
        return;
    }
    if (event.data.isEmpty())
        return;
    if (const std::optional<QJsonObject> chunk = m_stream.chunkObject(event.data, parseError, out))
        handleChunk(*chunk, out);
}

void StreamDecoder::handleChunk(const QJsonObject &chunk, QList<StreamEvent> &out)
{
    m_stream.start(out, chunk.value(u"id"_s).toString(), chunk.value(u"model"_s).toString());
    if (chunk.value(u"usage"_s).isObject())
        m_usage.merge(usageFromJson(chunk.value(u"usage"_s).toObject()));

    const QJsonArray choices = chunk.value(u"choices"_s).toArray();
    for (const QJsonValue &cv : choices) {
        const QJsonObject choice = cv.toObject();
        if (choice.value(u"index"_s).toInt(0) != 0)
            continue;
        const QJsonObject delta = choice.value(u"delta"_s).toObject();
        const QString reasoning = reasoningText(delta);
        if (!reasoning.isEmpty())
            appendText(BlockKind::Thinking, DeltaKind::Thinking, reasoning, out);
        const QString content = delta.value(u"content"_s).toString();
        if (!content.isEmpty())
            appendText(BlockKind::Text, DeltaKind::Text, content, out);
        const QString refusal = delta.value(u"refusal"_s).toString();
        if (!refusal.isEmpty())
            appendText(BlockKind::Text, DeltaKind::Text, refusal, out);
        const QJsonArray calls = delta.value(u"tool_calls"_s).toArray();
        for (qsizetype i = 0; i < calls.size(); ++i) {
            const QJsonObject c = calls.at(i).toObject();
            const int key = c.value(u"index"_s).isDouble() ? c.value(u"index"_s).toInt() : int(i);
            const QJsonObject f = c.value(u"function"_s).toObject();
            if (!m_tools.contains(key)) {
                m_tools.insert(key,
                               ToolState{c.value(u"id"_s).toString(), f.value(u"name"_s).toString(), {}, {}, false});
                m_toolOrder.append(key);
            }
            ToolState &tool = m_tools[key];
            if (tool.name.isEmpty())
                tool.name = f.value(u"name"_s).toString();
            if (tool.id.isEmpty())
                tool.id = c.value(u"id"_s).toString();
            const QString args = f.value(u"arguments"_s).toString();
            if (m_liveTool >= 0 && m_liveTool != key && !tool.emitted) {
                // Calls normally arrive one after another: once the streaming call's arguments form
                // a complete JSON object, a new call means it is finished and the new one can stream.
                const QJsonDocument done = QJsonDocument::fromJson(m_tools.value(m_liveTool).liveArguments.toUtf8());
                if (done.isObject())
                    closeOpen(out, false);
            }
            if (m_liveTool == key) {
                tool.liveArguments += args;
                if (!args.isEmpty())
                    m_stream.delta(DeltaKind::ToolArguments, args, out);
            } else if (!tool.emitted) {
                tool.pendingArguments += args;
                if (m_liveTool < 0)
                    startTool(key, out);
            }
            // A fragment for a call whose block is already closed cannot be placed any more; the
            // upstream interleaved it after other content, which no known server does.
        }
        const QJsonValue finish = choice.value(u"finish_reason"_s);
        if (finish.isString()) {
            m_stream.setStopReasonSeen();
            m_stop = stopReasonFromWire(finish.toString());
            closeOpen(out);
        }
    }
}

void StreamDecoder::startTool(int key, QList<StreamEvent> &out)
{
    closeOpen(out);
    ToolState &tool = m_tools[key];
    tool.emitted = true;
    m_stream.openBlock(BlockKind::ToolCall, out, tool.id, tool.name);
    m_liveTool = key;
    if (!tool.pendingArguments.isEmpty()) {
        m_stream.delta(DeltaKind::ToolArguments, tool.pendingArguments, out);
        tool.liveArguments = tool.pendingArguments;
        tool.pendingArguments.clear();
    }
}

void StreamDecoder::appendText(BlockKind kind, DeltaKind deltaKind, const QString &text, QList<StreamEvent> &out)
{
    if (m_stream.openKind() != kind)
        closeOpen(out); // closing a call also emits the calls buffered behind it
    m_stream.continueBlock(kind, deltaKind, text, out);
}

void StreamDecoder::closeOpen(QList<StreamEvent> &out, bool flushBuffered)
{
    const bool wasTool = m_stream.openKind() == BlockKind::ToolCall;
    m_stream.closeBlock(out);
    m_liveTool = -1;
    if (!wasTool || !flushBuffered)
        return;
    // Calls buffered while another streamed: emit each whole, in order of first appearance.
    for (int key : std::as_const(m_toolOrder)) {
        if (!m_tools.value(key).emitted) {
            startTool(key, out);
            closeOpen(out);
            return; // closeOpen() recursed through the remaining calls
        }
    }
}

void StreamDecoder::completeStream(QList<StreamEvent> &out)
{
    closeOpen(out);
    m_stream.complete(m_stop, m_usage, out);
}

// ---------------------------------------------------------------------------------------------
// Stream encoder

StreamEncoder::StreamEncoder(const EmitOptions &options) : m_options(options), m_created(createdOrNow(options.created))
{
}

QByteArray StreamEncoder::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    QJsonObject o{
        {u"id"_s, m_id},
        {u"object"_s, u"chat.completion.chunk"_s},
        {u"created"_s, m_created},
        {u"model"_s, m_model},
        {u"choices"_s,
         QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}},
    };
    return sseData(compact(o));
}

QByteArray StreamEncoder::ensureStarted()
{
    if (m_started)
        return {};
    m_started = true;
    return chunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}});
}

QByteArray StreamEncoder::encode(const QList<StreamEvent> &events)
{
    return encodeEach(*this, events);
}

QByteArray StreamEncoder::encode(const StreamEvent &event)
{
    if (m_finished)
        return {};
    QByteArray out;
    switch (event.type) {
    case StreamEvent::Type::MessageStart:
        if (!m_started) {
            m_id = event.id;
            m_model = event.model;
        }
        m_usage.merge(event.usage);
        return ensureStarted();
    case StreamEvent::Type::BlockStart:
        out = ensureStarted();
        if (event.blockKind == BlockKind::ToolCall) {
            const int toolIndex = m_nextToolIndex++;
            m_toolIndexByBlock.insert(event.index, toolIndex);
            m_sawToolCall = true;
            out += chunk(QJsonObject{
                {u"tool_calls"_s, QJsonArray{QJsonObject{{u"index"_s, toolIndex},
                                                         {u"id"_s, event.toolCallId},
                                                         {u"type"_s, u"function"_s},
                                                         {u"function"_s, QJsonObject{{u"name"_s, event.toolName},
                                                                                     {u"arguments"_s, u""_s}}}}}}});
        }
        return out;
    case StreamEvent::Type::BlockDelta:
        out = ensureStarted();
        switch (event.deltaKind) {
        case DeltaKind::Text:
            out += chunk(QJsonObject{{u"content"_s, event.text}});
            break;
        case DeltaKind::Thinking:
            if (m_options.reasoningContent)
                out += chunk(QJsonObject{{u"reasoning_content"_s, event.text}});
            break;
        case DeltaKind::Signature:
            break;
        case DeltaKind::ToolArguments:
            if (m_toolIndexByBlock.contains(event.index)) {
                out += chunk(
                    QJsonObject{{u"tool_calls"_s,
                                 QJsonArray{QJsonObject{{u"index"_s, m_toolIndexByBlock.value(event.index)},
                                                        {u"function"_s, QJsonObject{{u"arguments"_s, event.text}}}}}}});
            }
            break;
        }
        return out;
    case StreamEvent::Type::BlockStop:
    case StreamEvent::Type::Ping:
        return {};
    case StreamEvent::Type::MessageDelta:
        if (event.stopReason != StopReason::None)
            m_stop = event.stopReason;
        m_usage.merge(event.usage);
        return {};
    case StreamEvent::Type::MessageStop: {
        out = ensureStarted();
        const StopReason stop = m_sawToolCall ? StopReason::ToolUse : m_stop;
        out += chunk(QJsonObject{}, stopReasonToWire(stop));
        if (m_options.includeUsage) {
            QJsonObject o{
                {u"id"_s, m_id},
                {u"object"_s, u"chat.completion.chunk"_s},
                {u"created"_s, m_created},
                {u"model"_s, m_model},
                {u"choices"_s, QJsonArray{}},
                {u"usage"_s, usageToJson(m_usage)},
            };
            out += sseData(compact(o));
        }
        out += sseDone();
        m_finished = true;
        return out;
    }
    case StreamEvent::Type::Error:
        return fail(event.error);
    }
    return {};
}

QByteArray StreamEncoder::fail(const Error &error)
{
    if (m_finished)
        return {};
    m_finished = true;
    return sseData(emitError(error)) + sseDone();
}

QByteArray StreamEncoder::finish()
{
    if (m_finished)
        return {};
    return fail(streamEndedEarly());
}

} // namespace llmproxy::openaichat

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"

#include "proxycore/formats/gemini.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace llmproxy::anthropicmessages {

using namespace canonical;
using namespace formatsupport;

namespace {

Usage usageFromJson(const QJsonObject &o)
{
    Usage u;
    u.cacheReadTokens = optInt(o, u"cache_read_input_tokens"_s);
    u.cacheWriteTokens = optInt(o, u"cache_creation_input_tokens"_s);
    if (const auto in = optInt(o, u"input_tokens"_s))
        u.inputTokens = *in + u.cacheReadTokens.value_or(0) + u.cacheWriteTokens.value_or(0);
    u.outputTokens = optInt(o, u"output_tokens"_s);
    u.reasoningTokens = optInt(o.value(u"output_tokens_details"_s).toObject(), u"thinking_tokens"_s);
    return u;
}

/// Anthropic counts only uncached input in input_tokens.
QJsonObject usageToJson(const Usage &u, bool withOutput = true)
{
    QJsonObject o;
    if (u.inputTokens) {
        const qint64 uncached = *u.inputTokens - u.cacheReadTokens.value_or(0) - u.cacheWriteTokens.value_or(0);
        o.insert(u"input_tokens"_s, std::max<qint64>(0, uncached));
    }
    if (u.cacheWriteTokens)
        o.insert(u"cache_creation_input_tokens"_s, *u.cacheWriteTokens);
    if (u.cacheReadTokens)
        o.insert(u"cache_read_input_tokens"_s, *u.cacheReadTokens);
    if (withOutput)
        o.insert(u"output_tokens"_s, u.outputTokens.value_or(0));
    if (u.reasoningTokens)
        o.insert(u"output_tokens_details"_s, QJsonObject{{u"thinking_tokens"_s, *u.reasoningTokens}});
    return o;
}

QString anthropicErrorType(int status)
{
    switch (status) {
    case 401:
        return u"authentication_error"_s;
    case 402:
        return u"billing_error"_s;
    case 403:
        return u"permission_error"_s;
    case 404:
        return u"not_found_error"_s;
    case 409:
        return u"conflict_error"_s;
    case 413:
        return u"request_too_large"_s;
    case 429:
        return u"rate_limit_error"_s;
    case 504:
        return u"timeout_error"_s;
    case 503:
    case 529:
        return u"overloaded_error"_s;
    default:
        break;
    }
    return status >= 400 && status < 500 ? u"invalid_request_error"_s : u"api_error"_s;
}

enum class Context { System, Request, ToolResult };

/// One content block of a request (or of a tool_result's content). Returns false with `error` set
/// for a block the canonical model cannot carry.
bool parseBlock(const QJsonObject &b, const QString &path, Context context, ContentPart *part, QList<Dropped> *dropped,
                Error *error)
{
    const QString type = b.value(u"type"_s).toString();
    part->cacheControl = b.value(u"cache_control"_s).toObject();
    if (type == u"text"_s) {
        part->kind = PartKind::Text;
        part->text = b.value(u"text"_s).toString();
        const QJsonValue citations = b.value(u"citations"_s);
        if (!isAbsent(citations) && !citations.toArray().isEmpty())
            dropped->append({path + u".citations"_s, u"citations have no counterpart"_s});
        return true;
    }
    if (context != Context::System && type == u"image"_s) {
        const QJsonObject src = b.value(u"source"_s).toObject();
        const QString srcType = src.value(u"type"_s).toString();
        part->kind = PartKind::Image;
        if (srcType == u"base64"_s) {
            part->mediaType = src.value(u"media_type"_s).toString();
            part->imageData = src.value(u"data"_s).toString();
            return true;
        }
        if (srcType == u"url"_s) {
            part->imageUrl = src.value(u"url"_s).toString();
            return true;
        }
        *error = badRequest(u"image source type '%1' cannot be translated to the upstream format"_s.arg(srcType),
                            path + u".source"_s);
        return false;
    }
    if (context == Context::Request) {
        if (type == u"tool_use"_s) {
            part->kind = PartKind::ToolCall;
            part->toolCallId = b.value(u"id"_s).toString();
            part->toolName = b.value(u"name"_s).toString();
            part->arguments = compactJson(b.value(u"input"_s).toObject());
            return true;
        }
        if (type == u"tool_result"_s) {
            part->kind = PartKind::ToolResult;
            part->toolCallId = b.value(u"tool_use_id"_s).toString();
            part->isError = b.value(u"is_error"_s).toBool();
            const QJsonValue content = b.value(u"content"_s);
            if (content.isString()) {
                part->result.push_back(ContentPart::makeText(content.toString()));
            } else {
                const QJsonArray arr = content.toArray();
                for (qsizetype i = 0; i < arr.size(); ++i) {
                    ContentPart inner;
                    if (!parseBlock(arr.at(i).toObject(), path + u".content[%1]"_s.arg(i), Context::ToolResult, &inner,
                                    dropped, error))
                        return false;
                    part->result.push_back(inner);
                }
            }
            return true;
        }
        if (type == u"thinking"_s) {
            part->kind = PartKind::Thinking;
            part->text = b.value(u"thinking"_s).toString();
            part->signature = b.value(u"signature"_s).toString();
            return true;
        }
        if (type == u"redacted_thinking"_s) {
            part->kind = PartKind::RedactedThinking;
            part->text = b.value(u"data"_s).toString();
            return true;
        }
    }
    *error = badRequest(u"content block type '%1' cannot be translated to the upstream format"_s.arg(type),
                        path + u".type"_s);
    return false;
}

QJsonObject blockToJson(const ContentPart &p, const QString &path, QList<Dropped> *dropped)
{
    QJsonObject b;
    switch (p.kind) {
    case PartKind::Text:
        b = QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, p.text}};
        break;
    case PartKind::Image:
        if (!p.imageUrl.isEmpty()) {
            b = QJsonObject{{u"type"_s, u"image"_s},
                            {u"source"_s, QJsonObject{{u"type"_s, u"url"_s}, {u"url"_s, p.imageUrl}}}};
        } else {
            b = QJsonObject{
                {u"type"_s, u"image"_s},
                {u"source"_s,
                 QJsonObject{{u"type"_s, u"base64"_s}, {u"media_type"_s, p.mediaType}, {u"data"_s, p.imageData}}}};
        }
        break;
    case PartKind::Thinking:
        b = QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, p.text}, {u"signature"_s, p.signature}};
        break;
    case PartKind::RedactedThinking:
        b = QJsonObject{{u"type"_s, u"redacted_thinking"_s}, {u"data"_s, p.text}};
        break;
    case PartKind::ToolCall: {
        const std::optional<QJsonObject> input = argumentsObject(p.arguments);
        if (!input && dropped)
            dropped->append({path + u".input"_s, u"tool-call arguments are not a JSON object; sent as {}"_s});
        b = QJsonObject{{u"type"_s, u"tool_use"_s},
                        {u"id"_s, p.toolCallId},
                        {u"name"_s, p.toolName},
                        {u"input"_s, input.value_or(QJsonObject())}};
        break;
    }
    case PartKind::ToolResult: {
        QJsonValue content;
        if (p.result.size() == 1 && p.result.front().kind == PartKind::Text &&
            p.result.front().cacheControl.isEmpty()) {
            content = p.result.front().text;
        } else {
            QJsonArray arr;
            for (const ContentPart &r : p.result)
                arr.append(blockToJson(r, path + u".content"_s, dropped));
            content = arr;
        }
        b = QJsonObject{{u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, p.toolCallId}, {u"content"_s, content}};
        if (p.isError)
            b.insert(u"is_error"_s, true);
        break;
    }
    }
    if (!p.cacheControl.isEmpty())
        b.insert(u"cache_control"_s, p.cacheControl);
    return b;
}

qint64 budgetForEffort(const QString &effort)
{
    if (effort == u"minimal"_s || effort == u"low"_s)
        return 2048;
    if (effort == u"high"_s)
        return 16384;
    if (effort == u"xhigh"_s || effort == u"max"_s)
        return 32768;
    return 8192;
}

} // namespace

StopReason stopReasonFromWire(const QString &stopReason)
{
    if (stopReason == u"end_turn"_s)
        return StopReason::EndTurn;
    if (stopReason == u"stop_sequence"_s)
        return StopReason::StopSequence;
    if (stopReason == u"max_tokens"_s)
        return StopReason::MaxTokens;
    if (stopReason == u"model_context_window_exceeded"_s)
        return StopReason::ContextWindowExceeded;
    if (stopReason == u"tool_use"_s)
        return StopReason::ToolUse;
    if (stopReason == u"refusal"_s)
        return StopReason::Refusal;
    if (stopReason == u"pause_turn"_s)
        return StopReason::PauseTurn;
    return stopReason.isEmpty() ? StopReason::None : StopReason::EndTurn;
}

QString stopReasonToWire(StopReason reason)
{
    switch (reason) {
    case StopReason::StopSequence:
        return u"stop_sequence"_s;
    case StopReason::MaxTokens:
        return u"max_tokens"_s;
    case StopReason::ContextWindowExceeded:
        return u"model_context_window_exceeded"_s;
    case StopReason::ToolUse:
        return u"tool_use"_s;
    case StopReason::Refusal:
        return u"refusal"_s;
    case StopReason::PauseTurn:
        return u"pause_turn"_s;
    case StopReason::None:
    case StopReason::EndTurn:
        break;
    }
    return u"end_turn"_s;
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
        *error = badRequest(u"model: field required"_s, u"model"_s);
        return std::nullopt;
    }
    req.maxOutputTokens = optInt(o, u"max_tokens"_s);
    if (!req.maxOutputTokens) {
        *error = badRequest(u"max_tokens: field required"_s, u"max_tokens"_s);
        return std::nullopt;
    }
    if (!o.value(u"messages"_s).isArray()) {
        *error = badRequest(u"messages: field required"_s, u"messages"_s);
        return std::nullopt;
    }

    auto parseContent = [&](const QJsonValue &content, const QString &path, Context context,
                            QList<ContentPart> *parts) -> bool {
        if (content.isString()) {
            parts->append(ContentPart::makeText(content.toString()));
            return true;
        }
        const QJsonArray arr = content.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            ContentPart part;
            if (!parseBlock(arr.at(i).toObject(), path + u"[%1]"_s.arg(i), context, &part, &req.dropped, error))
                return false;
            parts->append(part);
        }
        return true;
    };

    if (!parseContent(o.value(u"system"_s), u"system"_s, Context::System, &req.system))
        return std::nullopt;

    const QJsonArray messages = o.value(u"messages"_s).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const QString path = u"messages[%1]"_s.arg(i);
        const QString role = m.value(u"role"_s).toString();
        if (role == u"system"_s) {
            if (!parseContent(m.value(u"content"_s), path + u".content"_s, Context::System, &req.system))
                return std::nullopt;
            continue;
        }
        if (role != u"user"_s && role != u"assistant"_s) {
            *error = badRequest(u"unknown role '%1'"_s.arg(role), path + u".role"_s);
            return std::nullopt;
        }
        Message msg;
        msg.role = role == u"user"_s ? Role::User : Role::Assistant;
        if (!parseContent(m.value(u"content"_s), path + u".content"_s, Context::Request, &msg.parts))
            return std::nullopt;
        req.messages.append(msg);
    }

    req.temperature = optDouble(o, u"temperature"_s);
    req.topP = optDouble(o, u"top_p"_s);
    req.topK = optInt(o, u"top_k"_s);
    const QJsonArray stops = o.value(u"stop_sequences"_s).toArray();
    for (const QJsonValue &s : stops)
        req.stopSequences.append(s.toString());
    req.stream = o.value(u"stream"_s).toBool();

    const QJsonArray tools = o.value(u"tools"_s).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject t = tools.at(i).toObject();
        const QString type = t.value(u"type"_s).toString(u"custom"_s);
        if (type != u"custom"_s) {
            *error = badRequest(
                u"tool type '%1' is Anthropic-defined and cannot be translated to the upstream format"_s.arg(type),
                u"tools[%1].type"_s.arg(i));
            return std::nullopt;
        }
        Tool tool;
        tool.name = t.value(u"name"_s).toString();
        tool.description = t.value(u"description"_s).toString();
        tool.parameters = t.value(u"input_schema"_s).toObject();
        tool.strict = optBool(t, u"strict"_s);
        tool.cacheControl = t.value(u"cache_control"_s).toObject();
        req.tools.append(tool);
    }
    const QJsonObject tc = o.value(u"tool_choice"_s).toObject();
    if (!tc.isEmpty()) {
        const QString type = tc.value(u"type"_s).toString();
        if (type == u"auto"_s) {
            req.toolChoice.mode = ToolChoice::Mode::Auto;
        } else if (type == u"any"_s) {
            req.toolChoice.mode = ToolChoice::Mode::Required;
        } else if (type == u"none"_s) {
            req.toolChoice.mode = ToolChoice::Mode::None;
        } else if (type == u"tool"_s) {
            req.toolChoice.mode = ToolChoice::Mode::Named;
            req.toolChoice.name = tc.value(u"name"_s).toString();
        } else {
            *error = badRequest(u"unknown tool_choice type '%1'"_s.arg(type), u"tool_choice"_s);
            return std::nullopt;
        }
        req.toolChoice.parallelAllowed = !tc.value(u"disable_parallel_tool_use"_s).toBool();
    }

    const QJsonObject thinking = o.value(u"thinking"_s).toObject();
    const QString thinkingType = thinking.value(u"type"_s).toString();
    if (thinkingType == u"enabled"_s) {
        req.thinkingEnabled = true;
        req.thinkingBudget = optInt(thinking, u"budget_tokens"_s);
    } else if (thinkingType == u"adaptive"_s) {
        req.thinkingEnabled = true;
        req.thinkingAdaptive = true;
    } else if (!thinkingType.isEmpty() && thinkingType != u"disabled"_s) {
        req.dropped.append({u"thinking"_s, u"thinking type '%1' has no counterpart"_s.arg(thinkingType)});
    }
    const QJsonObject outputConfig = o.value(u"output_config"_s).toObject();
    req.reasoningEffort = outputConfig.value(u"effort"_s).toString();
    const QJsonObject format = outputConfig.value(u"format"_s).toObject();
    if (!format.isEmpty()) {
        if (format.value(u"type"_s).toString() != u"json_schema"_s) {
            *error = badRequest(u"output_config.format type is not supported"_s, u"output_config.format"_s);
            return std::nullopt;
        }
        ResponseFormat f;
        f.kind = ResponseFormat::Kind::JsonSchema;
        f.schema = format.value(u"schema"_s).toObject();
        req.responseFormat = f;
    }
    const QJsonObject metadata = o.value(u"metadata"_s).toObject();
    req.user = metadata.value(u"user_id"_s).toString();

    static const QSet<QString> handled = {
        u"model"_s,       u"max_tokens"_s, u"messages"_s,       u"system"_s,   u"temperature"_s,
        u"top_p"_s,       u"top_k"_s,      u"stop_sequences"_s, u"stream"_s,   u"tools"_s,
        u"tool_choice"_s, u"thinking"_s,   u"output_config"_s,  u"metadata"_s,
    };
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!handled.contains(it.key()))
            req.dropped.append({it.key(), u"no counterpart in the canonical model"_s});
    }
    return req;
}

QByteArray emitRequest(const Request &request, const EmitOptions &options, QList<Dropped> *dropped)
{
    QList<Dropped> scratch;
    QList<Dropped> *drops = dropped ? dropped : &scratch;
    QJsonObject o;
    o.insert(u"model"_s, request.model);

    qint64 maxTokens = request.maxOutputTokens.value_or(options.defaultMaxTokens);
    qint64 budget = 0; // 0: no thinking block with a budget
    if (request.thinkingEnabled && !request.thinkingAdaptive) {
        budget = request.thinkingBudget.value_or(budgetForEffort(request.reasoningEffort));
        if (!request.maxOutputTokens)
            maxTokens = budget + options.defaultMaxTokens;
        // Anthropic requires budget_tokens >= 1024 and < max_tokens.
        budget = std::min(budget, maxTokens - 1);
        if (budget < 1024) {
            drops->append({u"thinking"_s, u"max_tokens leaves no room for the minimum thinking budget"_s});
            budget = 0;
        }
    }
    o.insert(u"max_tokens"_s, maxTokens);

    if (!request.system.isEmpty()) {
        const bool plain = request.system.size() == 1 && request.system.first().cacheControl.isEmpty();
        if (plain) {
            o.insert(u"system"_s, request.system.first().text);
        } else {
            QJsonArray blocks;
            for (const ContentPart &p : request.system)
                blocks.append(blockToJson(p, u"system"_s, drops));
            o.insert(u"system"_s, blocks);
        }
    }

    // Consecutive turns of one role are merged; tool results go first in their user turn.
    QJsonArray messages;
    QString lastRole;
    QJsonArray results;
    QJsonArray others;
    auto flush = [&]() {
        if (lastRole.isEmpty())
            return;
        QJsonArray content = results;
        for (const QJsonValue &v : std::as_const(others))
            content.append(v);
        if (!content.isEmpty())
            messages.append(QJsonObject{{u"role"_s, lastRole}, {u"content"_s, content}});
        results = QJsonArray();
        others = QJsonArray();
    };
    for (qsizetype mi = 0; mi < request.messages.size(); ++mi) {
        const Message &m = request.messages.at(mi);
        const QString role = m.role == Role::User ? u"user"_s : u"assistant"_s;
        if (role != lastRole) {
            flush();
            lastRole = role;
        }
        const QString path = u"messages[%1]"_s.arg(mi);
        for (const ContentPart &p : m.parts) {
            if (p.kind == PartKind::Thinking && (p.signature.isEmpty() || gemini::isThoughtSignature(p.signature))) {
                // Anthropic verifies signatures; reasoning from another provider cannot go back.
                drops->append({path + u".reasoning"_s, u"reasoning without an Anthropic signature"_s});
                continue;
            }
            if (p.kind == PartKind::Text && p.text.isEmpty())
                continue;
            const QJsonObject block = blockToJson(p, path, drops);
            if (p.kind == PartKind::ToolResult)
                results.append(block);
            else
                others.append(block);
        }
    }
    flush();
    o.insert(u"messages"_s, messages);

    if (options.samplingParameters) {
        if (request.temperature) {
            double t = *request.temperature;
            if (t > 1.0) {
                drops->append({u"temperature"_s, u"clamped to 1.0, the Anthropic maximum"_s});
                t = 1.0;
            }
            o.insert(u"temperature"_s, t);
        }
        if (request.topP)
            o.insert(u"top_p"_s, *request.topP);
        if (request.topK)
            o.insert(u"top_k"_s, *request.topK);
    } else if (request.temperature || request.topP || request.topK) {
        drops->append({u"temperature"_s, u"sampling parameters are not accepted by this API version"_s});
    }
    if (!request.stopSequences.isEmpty())
        o.insert(u"stop_sequences"_s, QJsonArray::fromStringList(request.stopSequences));
    if (request.stream)
        o.insert(u"stream"_s, true);

    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const Tool &t : request.tools) {
            QJsonObject tool{
                {u"name"_s, t.name},
                {u"input_schema"_s, t.parameters.isEmpty() ? QJsonObject{{u"type"_s, u"object"_s}} : t.parameters}};
            if (!t.description.isEmpty())
                tool.insert(u"description"_s, t.description);
            if (t.strict)
                tool.insert(u"strict"_s, *t.strict);
            if (!t.cacheControl.isEmpty())
                tool.insert(u"cache_control"_s, t.cacheControl);
            tools.append(tool);
        }
        o.insert(u"tools"_s, tools);
    }
    QJsonObject choice;
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
        if (!request.toolChoice.parallelAllowed && !request.tools.isEmpty())
            choice.insert(u"type"_s, u"auto"_s);
        break;
    case ToolChoice::Mode::Auto:
        choice.insert(u"type"_s, u"auto"_s);
        break;
    case ToolChoice::Mode::None:
        choice.insert(u"type"_s, u"none"_s);
        break;
    case ToolChoice::Mode::Required:
        choice.insert(u"type"_s, u"any"_s);
        break;
    case ToolChoice::Mode::Named:
        choice.insert(u"type"_s, u"tool"_s);
        choice.insert(u"name"_s, request.toolChoice.name);
        break;
    }
    if (!choice.isEmpty() && !request.toolChoice.parallelAllowed && choice.value(u"type"_s) != u"none"_s)
        choice.insert(u"disable_parallel_tool_use"_s, true);
    if (!choice.isEmpty())
        o.insert(u"tool_choice"_s, choice);

    if (budget > 0)
        o.insert(u"thinking"_s, QJsonObject{{u"type"_s, u"enabled"_s}, {u"budget_tokens"_s, budget}});
    else if (request.thinkingAdaptive)
        o.insert(u"thinking"_s, QJsonObject{{u"type"_s, u"adaptive"_s}});

    QJsonObject outputConfig;
    // A level given without thinking on (or with an explicit budget) is Anthropic's own effort knob;
    // a level that switched thinking on was turned into the budget above.
    const bool effortBecameBudget = request.thinkingEnabled && !request.thinkingAdaptive && !request.thinkingBudget;
    if (!request.reasoningEffort.isEmpty() && !effortBecameBudget && request.reasoningEffort != u"none"_s)
        outputConfig.insert(u"effort"_s, request.reasoningEffort);
    if (request.responseFormat && request.responseFormat->kind != ResponseFormat::Kind::Text) {
        const ResponseFormat &f = *request.responseFormat;
        const QJsonObject schema = f.kind == ResponseFormat::Kind::JsonObject || f.schema.isEmpty()
                                       ? QJsonObject{{u"type"_s, u"object"_s}}
                                       : f.schema;
        outputConfig.insert(u"format"_s, QJsonObject{{u"type"_s, u"json_schema"_s}, {u"schema"_s, schema}});
        if (!f.name.isEmpty() || f.strict)
            drops->append({u"response_format.json_schema"_s, u"name and strict have no counterpart"_s});
    }
    if (!outputConfig.isEmpty())
        o.insert(u"output_config"_s, outputConfig);
    if (!request.user.isEmpty())
        o.insert(u"metadata"_s, QJsonObject{{u"user_id"_s, request.user}});
    if (!request.metadata.isEmpty())
        drops->append({u"metadata"_s, u"Anthropic metadata holds only user_id"_s});
    return compact(o);
}

// ---------------------------------------------------------------------------------------------
// Responses

std::optional<Response> parseResponse(const QByteArray &body, Error *error)
{
    QJsonObject o;
    if (!parseUpstreamObject(body, &o, error))
        return std::nullopt;
    if (o.value(u"type"_s).toString() == u"error"_s) {
        *error = parseError(502, body);
        return std::nullopt;
    }
    Response r;
    r.id = o.value(u"id"_s).toString();
    r.model = o.value(u"model"_s).toString();
    const QJsonArray content = o.value(u"content"_s).toArray();
    for (const QJsonValue &v : content) {
        const QJsonObject b = v.toObject();
        const QString type = b.value(u"type"_s).toString();
        ContentPart p;
        if (type == u"text"_s) {
            p.text = b.value(u"text"_s).toString();
        } else if (type == u"thinking"_s) {
            p.kind = PartKind::Thinking;
            p.text = b.value(u"thinking"_s).toString();
            p.signature = b.value(u"signature"_s).toString();
        } else if (type == u"redacted_thinking"_s) {
            p.kind = PartKind::RedactedThinking;
            p.text = b.value(u"data"_s).toString();
        } else if (type == u"tool_use"_s) {
            p.kind = PartKind::ToolCall;
            p.toolCallId = b.value(u"id"_s).toString();
            p.toolName = b.value(u"name"_s).toString();
            p.arguments = compactJson(b.value(u"input"_s).toObject());
        } else {
            continue; // server tool blocks and future types have no canonical form
        }
        r.content.append(p);
    }
    r.stopReason = stopReasonFromWire(o.value(u"stop_reason"_s).toString());
    r.stopSequence = o.value(u"stop_sequence"_s).toString();
    r.usage = usageFromJson(o.value(u"usage"_s).toObject());
    return r;
}

QByteArray emitResponse(const Response &response, QList<Dropped> *dropped)
{
    QJsonArray content;
    bool sawToolCall = false;
    for (const ContentPart &p : response.content) {
        if (p.kind == PartKind::Image || p.kind == PartKind::ToolResult) {
            if (dropped)
                dropped->append({u"content"_s, u"not a response block in Anthropic Messages"_s});
            continue;
        }
        sawToolCall = sawToolCall || p.kind == PartKind::ToolCall;
        content.append(blockToJson(p, u"content"_s, dropped));
    }
    StopReason stop = response.stopReason;
    if (sawToolCall && (stop == StopReason::EndTurn || stop == StopReason::None))
        stop = StopReason::ToolUse;
    QJsonObject usage = usageToJson(response.usage);
    if (!usage.contains(u"input_tokens"_s))
        usage.insert(u"input_tokens"_s, 0);
    return compact(QJsonObject{
        {u"id"_s, response.id},
        {u"type"_s, u"message"_s},
        {u"role"_s, u"assistant"_s},
        {u"model"_s, response.model},
        {u"content"_s, content},
        {u"stop_reason"_s, stopReasonToWire(stop)},
        {u"stop_sequence"_s, orNull(response.stopSequence)},
        {u"usage"_s, usage},
    });
}

// ---------------------------------------------------------------------------------------------
// Errors

int httpStatus(const Error &error)
{
    return error.status >= 400 && error.status < 600 ? error.status : 500;
}

QByteArray emitError(const Error &error)
{
    return compact(QJsonObject{
        {u"type"_s, u"error"_s},
        {u"error"_s, QJsonObject{{u"type"_s, anthropicErrorType(httpStatus(error))}, {u"message"_s, error.message}}},
    });
}

Error parseError(int status, const QByteArray &body)
{
    Error e;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QJsonObject eo = o.value(u"error"_s).toObject();
    e.type = eo.value(u"type"_s).toString();
    e.message = eo.value(u"message"_s).toString();
    e.code = eo.value(u"details"_s).toObject().value(u"error_code"_s).toString();
    if (e.message.isEmpty())
        e.message = body.isEmpty() ? u"upstream error"_s : QString::fromUtf8(body.left(512));
    e.status = status >= 400 ? status : statusForErrorType(e.type);
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
    return finishSse(m_sse, m_stream, std::bind_front(&StreamDecoder::handle, this));
}

void StreamDecoder::handle(const SseEvent &event, QList<StreamEvent> &out)
{
    if (event.data.isEmpty())
        return;
    const std::optional<QJsonObject> parsed = m_stream.eventObject(event.data, out);
    if (!parsed)
        return;
    const QJsonObject &o = *parsed;
    // The JSON type is authoritative; the event line only repeats it.
    const QString type = o.value(u"type"_s).toString(QString::fromUtf8(event.event));
    StreamEvent ev;
    // The canonical shape holds whatever the upstream sends: one MessageStart first (made up when
    // the upstream skipped it, a repeated one dropped), one block open at a time (a block started
    // while another is open closes that one; deltas and stops of a block not open are dropped), and
    // no block open at MessageDelta or MessageStop.
    if (type == u"message_start"_s) {
        if (m_stream.isStarted())
            return;
        const QJsonObject m = o.value(u"message"_s).toObject();
        m_rawUsage = m.value(u"usage"_s).toObject();
        m_stream.start(out, m.value(u"id"_s).toString(), m.value(u"model"_s).toString());
        out.last().usage = usageFromJson(m_rawUsage);
        return;
    }
    if (type != u"error"_s)
        m_stream.start(out);
    if (type == u"content_block_start"_s) {
        const QJsonObject b = o.value(u"content_block"_s).toObject();
        const QString blockType = b.value(u"type"_s).toString();
        ev.type = StreamEvent::Type::BlockStart;
        if (blockType == u"text"_s) {
            ev.blockKind = BlockKind::Text;
            ev.text = b.value(u"text"_s).toString();
        } else if (blockType == u"thinking"_s) {
            ev.blockKind = BlockKind::Thinking;
        } else if (blockType == u"redacted_thinking"_s) {
            ev.blockKind = BlockKind::RedactedThinking;
            ev.text = b.value(u"data"_s).toString();
        } else if (blockType == u"tool_use"_s) {
            ev.blockKind = BlockKind::ToolCall;
            ev.toolCallId = b.value(u"id"_s).toString();
            ev.toolName = b.value(u"name"_s).toString();
        } else {
            return; // server tool blocks: skipped with their deltas
        }
        ev.index = m_stream.openBlock(ev.blockKind, out, ev.toolCallId, ev.toolName);
        m_openIndex = ev.index;
        m_indexMap.insert(o.value(u"index"_s).toInt(), ev.index);
        const QString initialText = ev.text;
        if (ev.blockKind == BlockKind::RedactedThinking)
            out.last().text = initialText;
        if (ev.blockKind == BlockKind::Text && !initialText.isEmpty()) {
            StreamEvent d;
            d.type = StreamEvent::Type::BlockDelta;
            d.index = ev.index;
            d.text = initialText;
            out.append(d);
        }
    } else if (type == u"content_block_delta"_s) {
        const int upstream = o.value(u"index"_s).toInt();
        if (!m_indexMap.contains(upstream) || m_indexMap.value(upstream) != m_openIndex)
            return;
        const QJsonObject d = o.value(u"delta"_s).toObject();
        const QString deltaType = d.value(u"type"_s).toString();
        ev.type = StreamEvent::Type::BlockDelta;
        ev.index = m_indexMap.value(upstream);
        if (deltaType == u"text_delta"_s) {
            ev.deltaKind = DeltaKind::Text;
            ev.text = d.value(u"text"_s).toString();
        } else if (deltaType == u"thinking_delta"_s) {
            ev.deltaKind = DeltaKind::Thinking;
            ev.text = d.value(u"thinking"_s).toString();
        } else if (deltaType == u"signature_delta"_s) {
            ev.deltaKind = DeltaKind::Signature;
            ev.text = d.value(u"signature"_s).toString();
        } else if (deltaType == u"input_json_delta"_s) {
            ev.deltaKind = DeltaKind::ToolArguments;
            ev.text = d.value(u"partial_json"_s).toString();
        } else {
            return; // citations_delta and future delta types
        }
        out.append(ev);
    } else if (type == u"content_block_stop"_s) {
        const int upstream = o.value(u"index"_s).toInt();
        if (!m_indexMap.contains(upstream) || m_indexMap.take(upstream) != m_openIndex)
            return;
        m_stream.closeBlock(out);
        m_openIndex = -1;
    } else if (type == u"message_delta"_s) {
        const QJsonObject d = o.value(u"delta"_s).toObject();
        const QJsonObject usage = o.value(u"usage"_s).toObject();
        for (auto it = usage.constBegin(); it != usage.constEnd(); ++it) {
            if (!it.value().isNull())
                m_rawUsage.insert(it.key(), it.value());
        }
        m_stream.closeBlock(out);
        m_openIndex = -1;
        ev.type = StreamEvent::Type::MessageDelta;
        ev.stopReason = stopReasonFromWire(d.value(u"stop_reason"_s).toString());
        ev.stopSequence = d.value(u"stop_sequence"_s).toString();
        ev.usage = usageFromJson(m_rawUsage);
        out.append(ev);
    } else if (type == u"message_stop"_s) {
        m_stream.closeBlock(out);
        m_stream.messageStop(out);
    } else if (type == u"ping"_s) {
        ev.type = StreamEvent::Type::Ping;
        out.append(ev);
    } else if (type == u"error"_s) {
        m_stream.fail(parseError(0, event.data), out);
    }
    // Unknown event types are skipped (WIRE_FORMATS.md §7.6 item 20).
}

// ---------------------------------------------------------------------------------------------
// Stream encoder

QByteArray StreamEncoder::encode(const QList<StreamEvent> &events)
{
    return encodeEach(*this, events);
}

QByteArray StreamEncoder::ensureStarted(const StreamEvent *start)
{
    if (m_started)
        return {};
    m_started = true;
    QJsonObject usage = usageToJson(start ? start->usage : Usage{});
    if (!usage.contains(u"input_tokens"_s))
        usage.insert(u"input_tokens"_s, 0);
    const QJsonObject message{
        {u"id"_s, start ? start->id : QString()},
        {u"type"_s, u"message"_s},
        {u"role"_s, u"assistant"_s},
        {u"model"_s, start ? start->model : QString()},
        {u"content"_s, QJsonArray{}},
        {u"stop_reason"_s, QJsonValue::Null},
        {u"stop_sequence"_s, QJsonValue::Null},
        {u"usage"_s, usage},
    };
    return sseEvent("message_start", compact(QJsonObject{{u"type"_s, u"message_start"_s}, {u"message"_s, message}}));
}

QByteArray StreamEncoder::closeOpen()
{
    if (m_openIndex < 0)
        return {};
    const int index = m_openIndex;
    m_openIndex = -1;
    m_openCanonicalIndex = -1;
    return sseEvent("content_block_stop",
                    compact(QJsonObject{{u"type"_s, u"content_block_stop"_s}, {u"index"_s, index}}));
}

QByteArray StreamEncoder::messageDelta(const StreamEvent *event)
{
    QByteArray out = closeOpen();
    StopReason stop = event ? event->stopReason : StopReason::None;
    if (m_sawToolCall && (stop == StopReason::EndTurn || stop == StopReason::None))
        stop = StopReason::ToolUse;
    if (event)
        m_usage.merge(event->usage);
    const QJsonObject delta{
        {u"stop_reason"_s, stopReasonToWire(stop)},
        {u"stop_sequence"_s, orNull(event ? event->stopSequence : QString())},
    };
    m_deltaSent = true;
    out += sseEvent(
        "message_delta",
        compact(QJsonObject{{u"type"_s, u"message_delta"_s}, {u"delta"_s, delta}, {u"usage"_s, usageToJson(m_usage)}}));
    return out;
}

QByteArray StreamEncoder::encode(const StreamEvent &event)
{
    if (m_finished)
        return {};
    QByteArray out;
    switch (event.type) {
    case StreamEvent::Type::MessageStart:
        m_usage.merge(event.usage);
        return ensureStarted(&event);
    case StreamEvent::Type::BlockStart: {
        out = ensureStarted(nullptr) + closeOpen();
        QJsonObject block;
        switch (event.blockKind) {
        case BlockKind::Text:
            block = QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}};
            break;
        case BlockKind::Thinking:
            block = QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u""_s}};
            break;
        case BlockKind::RedactedThinking:
            block = QJsonObject{{u"type"_s, u"redacted_thinking"_s}, {u"data"_s, event.text}};
            break;
        case BlockKind::ToolCall:
            m_sawToolCall = true;
            block = QJsonObject{{u"type"_s, u"tool_use"_s},
                                {u"id"_s, event.toolCallId},
                                {u"name"_s, event.toolName},
                                {u"input"_s, QJsonObject{}}};
            break;
        }
        m_openIndex = m_nextIndex++;
        m_openCanonicalIndex = event.index;
        out += sseEvent("content_block_start", compact(QJsonObject{{u"type"_s, u"content_block_start"_s},
                                                                   {u"index"_s, m_openIndex},
                                                                   {u"content_block"_s, block}}));
        return out;
    }
    case StreamEvent::Type::BlockDelta: {
        if (m_openIndex < 0 || event.index != m_openCanonicalIndex)
            return {};
        QJsonObject delta;
        switch (event.deltaKind) {
        case DeltaKind::Text:
            delta = QJsonObject{{u"type"_s, u"text_delta"_s}, {u"text"_s, event.text}};
            break;
        case DeltaKind::Thinking:
            delta = QJsonObject{{u"type"_s, u"thinking_delta"_s}, {u"thinking"_s, event.text}};
            break;
        case DeltaKind::Signature:
            delta = QJsonObject{{u"type"_s, u"signature_delta"_s}, {u"signature"_s, event.text}};
            break;
        case DeltaKind::ToolArguments:
            delta = QJsonObject{{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, event.text}};
            break;
        }
        return sseEvent("content_block_delta",
                        compact(QJsonObject{
                            {u"type"_s, u"content_block_delta"_s}, {u"index"_s, m_openIndex}, {u"delta"_s, delta}}));
    }
    case StreamEvent::Type::BlockStop:
        if (event.index != m_openCanonicalIndex)
            return {};
        return closeOpen();
    case StreamEvent::Type::MessageDelta:
        return ensureStarted(nullptr) + messageDelta(&event);
    case StreamEvent::Type::MessageStop:
        out = ensureStarted(nullptr);
        if (!m_deltaSent)
            out += messageDelta(nullptr);
        out += closeOpen();
        out += sseEvent("message_stop", compact(QJsonObject{{u"type"_s, u"message_stop"_s}}));
        m_finished = true;
        return out;
    case StreamEvent::Type::Ping:
        return sseEvent("ping", compact(QJsonObject{{u"type"_s, u"ping"_s}}));
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
    return sseEvent("error", emitError(error));
}

QByteArray StreamEncoder::finish()
{
    if (m_finished)
        return {};
    return fail(streamEndedEarly());
}

} // namespace llmproxy::anthropicmessages

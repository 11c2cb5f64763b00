// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/openairesponses.h"

#include "proxycore/formats/formatsupport.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace llmproxy::openairesponses {

using namespace canonical;
using namespace formatsupport;

namespace {

/// The parameters schema a freeform tool is offered with in formats that only know functions.
QJsonObject freeformSchema()
{
    return QJsonObject{
        {u"type"_s, u"object"_s},
        {u"properties"_s, QJsonObject{{u"input"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
        {u"required"_s, QJsonArray{u"input"_s}},
    };
}

/// What a message's content may hold, by role.
enum class Context { System, User, Assistant, ToolOutput };

bool parseImage(const QJsonObject &p, const QString &path, ContentPart *part, Error *error)
{
    if (!isAbsent(p.value(u"file_id"_s))) {
        *error = badRequest(u"images given by file_id cannot be resolved by this gateway; send image_url "
                            u"with a URL or a data: URL"_s,
                            path + u".file_id"_s);
        return false;
    }
    const QJsonValue iu = p.value(u"image_url"_s);
    // The Chat shape {"image_url":{"url":…}} is accepted too; clients mix them up.
    const QString url = iu.isString() ? iu.toString() : iu.toObject().value(u"url"_s).toString();
    if (url.isEmpty()) {
        *error = badRequest(u"input_image needs an image_url"_s, path + u".image_url"_s);
        return false;
    }
    part->kind = PartKind::Image;
    if (!splitDataUrl(url, &part->mediaType, &part->imageData))
        part->imageUrl = url;
    return true;
}

/// Content of a message item or a tool output: a string or an array of parts.
bool parseContent(const QJsonValue &content, const QString &path, Context context, QList<ContentPart> *parts,
                  Error *error)
{
    if (content.isString()) {
        if (context != Context::Assistant || !content.toString().isEmpty())
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
        const QString partPath = path + u"[%1]"_s.arg(i);
        if (type == u"input_text"_s || type == u"output_text"_s) {
            parts->append(ContentPart::makeText(p.value(u"text"_s).toString()));
        } else if (type == u"refusal"_s && context == Context::Assistant) {
            parts->append(ContentPart::makeText(p.value(u"refusal"_s).toString()));
        } else if (type == u"input_image"_s && (context == Context::User || context == Context::ToolOutput)) {
            ContentPart image;
            if (!parseImage(p, partPath, &image, error))
                return false;
            parts->append(image);
        } else {
            *error = badRequest(u"content part type '%1' cannot be translated to the upstream format"_s.arg(type),
                                partPath + u".type"_s);
            return false;
        }
    }
    return true;
}

/// The assistant turn items join: the last message when it is an assistant one, else a new one.
Message &assistantTurn(Request &req)
{
    if (req.messages.isEmpty() || req.messages.last().role != Role::Assistant)
        req.messages.append(Message{Role::Assistant, {}});
    return req.messages.last();
}

QString joinedTexts(const QJsonArray &parts)
{
    QStringList texts;
    for (const QJsonValue &v : parts) {
        const QString text = v.toObject().value(u"text"_s).toString();
        if (!text.isEmpty())
            texts.append(text);
    }
    return texts.join(u"\n\n"_s);
}

/// Item types of OpenAI-hosted tools: their calls ran at OpenAI and mean nothing to another upstream.
bool isBuiltInToolItem(const QString &type)
{
    static const QSet<QString> types = {
        u"file_search_call"_s,
        u"web_search_call"_s,
        u"computer_call"_s,
        u"computer_call_output"_s,
        u"code_interpreter_call"_s,
        u"image_generation_call"_s,
        u"local_shell_call"_s,
        u"local_shell_call_output"_s,
        u"shell_call"_s,
        u"shell_call_output"_s,
        u"apply_patch_call"_s,
        u"apply_patch_call_output"_s,
        u"mcp_list_tools"_s,
        u"mcp_approval_request"_s,
        u"mcp_approval_response"_s,
        u"mcp_call"_s,
        u"compaction"_s,
        u"tool_search_call"_s,
        u"tool_search_output"_s,
    };
    return types.contains(type);
}

bool parseInputItem(const QJsonObject &item, const QString &path, Request &req, Error *error)
{
    const QString type = item.value(u"type"_s).toString(u"message"_s);
    if (type == u"message"_s) {
        const QString role = item.value(u"role"_s).toString();
        const QJsonValue content = item.value(u"content"_s);
        const QString contentPath = path + u".content"_s;
        if (role == u"system"_s || role == u"developer"_s)
            return parseContent(content, contentPath, Context::System, &req.system, error);
        if (role == u"user"_s) {
            Message msg;
            if (!parseContent(content, contentPath, Context::User, &msg.parts, error))
                return false;
            req.messages.append(msg);
            return true;
        }
        if (role == u"assistant"_s) {
            QList<ContentPart> parts;
            if (!parseContent(content, contentPath, Context::Assistant, &parts, error))
                return false;
            assistantTurn(req).parts.append(parts);
            return true;
        }
        *error = badRequest(u"message role '%1' is not supported"_s.arg(role), path + u".role"_s);
        return false;
    }
    if (type == u"function_call"_s || type == u"custom_tool_call"_s) {
        ContentPart call;
        call.kind = PartKind::ToolCall;
        call.toolCallId = item.value(u"call_id"_s).toString();
        call.toolName = item.value(u"name"_s).toString();
        if (type == u"custom_tool_call"_s) {
            call.arguments = compactJson(QJsonObject{{u"input"_s, item.value(u"input"_s).toString()}});
        } else {
            call.arguments = item.value(u"arguments"_s).toString();
            if (call.arguments.isEmpty())
                call.arguments = u"{}"_s; // an empty argument string means no arguments
        }
        assistantTurn(req).parts.append(call);
        return true;
    }
    if (type == u"function_call_output"_s || type == u"custom_tool_call_output"_s) {
        ContentPart result;
        result.kind = PartKind::ToolResult;
        result.toolCallId = item.value(u"call_id"_s).toString();
        QList<ContentPart> parts;
        if (!parseContent(item.value(u"output"_s), path + u".output"_s, Context::ToolOutput, &parts, error))
            return false;
        result.result.assign(parts.cbegin(), parts.cend());
        appendToolResult(req, result);
        return true;
    }
    if (type == u"reasoning"_s) {
        // The full reasoning text wins over its summary; encrypted_content is the opaque state the
        // producing provider verifies, carried as the signature.
        QString text = joinedTexts(item.value(u"content"_s).toArray());
        if (text.isEmpty())
            text = joinedTexts(item.value(u"summary"_s).toArray());
        const QString encrypted = item.value(u"encrypted_content"_s).toString();
        ContentPart part;
        if (!text.isEmpty()) {
            part.kind = PartKind::Thinking;
            part.text = text;
            part.signature = encrypted;
        } else if (!encrypted.isEmpty()) {
            part.kind = PartKind::RedactedThinking;
            part.text = encrypted;
        } else {
            return true; // nothing to carry
        }
        assistantTurn(req).parts.append(part);
        return true;
    }
    if (type == u"item_reference"_s) {
        *error = badRequest(u"item_reference is not supported: this gateway does not resolve stored items, so "
                            u"send the referenced item itself"_s,
                            path + u".type"_s);
        return false;
    }
    if (isBuiltInToolItem(type)) {
        req.dropped.append({path, u"item of an OpenAI-hosted tool ('%1') has no counterpart upstream"_s.arg(type)});
        return true;
    }
    *error =
        badRequest(u"input item type '%1' cannot be translated to the upstream format"_s.arg(type), path + u".type"_s);
    return false;
}

bool parseTool(const QJsonObject &t, const QString &path, const QString &group, Request &req, Error *error)
{
    const QString type = t.value(u"type"_s).toString();
    if (type == u"namespace"_s && group.isEmpty()) {
        // A group of the client's own tools (Codex offers its sub-agent tools this way): offered
        // upstream as plain tools, their calls go back with the namespace.
        const QString ns = t.value(u"name"_s).toString();
        if (ns.isEmpty()) {
            *error = badRequest(u"namespace name is required"_s, path + u".name"_s);
            return false;
        }
        const QJsonArray inner = t.value(u"tools"_s).toArray();
        for (qsizetype i = 0; i < inner.size(); ++i) {
            if (!parseTool(inner.at(i).toObject(), path + u".tools[%1]"_s.arg(i), ns, req, error))
                return false;
        }
        return true;
    }
    if (type != u"function"_s && type != u"custom"_s) {
        // Codex sends some of these by default; they run at OpenAI, so the upstream is simply
        // not offered them rather than the whole request failing.
        req.dropped.append({path, u"OpenAI-hosted tool '%1' cannot run upstream"_s.arg(type)});
        return true;
    }
    Tool tool;
    tool.group = group;
    tool.name = t.value(u"name"_s).toString();
    if (tool.name.isEmpty()) {
        *error = badRequest(u"tool name is required"_s, path + u".name"_s);
        return false;
    }
    tool.description = t.value(u"description"_s).toString();
    if (type == u"function"_s) {
        tool.parameters = t.value(u"parameters"_s).toObject();
        tool.strict = optBool(t, u"strict"_s);
    } else {
        tool.freeform = true;
        tool.parameters = freeformSchema();
        const QJsonValue format = t.value(u"format"_s);
        if (!isAbsent(format) && format.toObject().value(u"type"_s).toString() != u"text"_s)
            req.dropped.append({path + u".format"_s, u"grammar constraints have no counterpart; the model gets "
                                                     u"a plain string input"_s});
    }
    req.tools.append(tool);
    return true;
}

bool parseTools(const QJsonObject &o, Request &req, Error *error)
{
    const QJsonValue toolsValue = o.value(u"tools"_s);
    if (isAbsent(toolsValue))
        return true;
    if (!toolsValue.isArray()) {
        *error = badRequest(u"tools must be an array"_s, u"tools"_s);
        return false;
    }
    const QJsonArray tools = toolsValue.toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        if (!parseTool(tools.at(i).toObject(), u"tools[%1]"_s.arg(i), {}, req, error))
            return false;
    }
    return true;
}

bool parseToolChoice(const QJsonValue &tc, Request &req, Error *error)
{
    if (isAbsent(tc))
        return true;
    if (tc.isString())
        return parseToolChoiceString(tc.toString(), u"tool_choice"_s, &req.toolChoice, error);
    const QJsonObject c = tc.toObject();
    const QString type = c.value(u"type"_s).toString();
    const QString name = c.value(u"name"_s).toString();
    if ((type != u"function"_s && type != u"custom"_s) || name.isEmpty()) {
        *error = badRequest(u"tool_choice of type '%1' cannot be translated to the upstream format"_s.arg(type),
                            u"tool_choice"_s);
        return false;
    }
    req.toolChoice.mode = ToolChoice::Mode::Named;
    req.toolChoice.name = name;
    return true;
}

bool parseText(const QJsonObject &text, Request &req, Error *error)
{
    const QJsonValue formatValue = text.value(u"format"_s);
    if (!isAbsent(formatValue)) {
        const QJsonObject format = formatValue.toObject();
        const QString type = format.value(u"type"_s).toString();
        ResponseFormat f;
        if (type == u"json_object"_s) {
            f.kind = ResponseFormat::Kind::JsonObject;
        } else if (type == u"json_schema"_s) {
            f.kind = ResponseFormat::Kind::JsonSchema;
            f.name = format.value(u"name"_s).toString();
            f.description = format.value(u"description"_s).toString();
            f.schema = format.value(u"schema"_s).toObject();
            f.strict = optBool(format, u"strict"_s);
        } else if (type != u"text"_s) {
            *error = badRequest(u"text.format type '%1' is not supported"_s.arg(type), u"text.format.type"_s);
            return false;
        }
        req.responseFormat = f;
    }
    if (!isAbsent(text.value(u"verbosity"_s)))
        req.dropped.append({u"text.verbosity"_s, u"no counterpart in the canonical model"_s});
    return true;
}

QString statelessMessage(const QString &field)
{
    // previous_response_id reaches the parser only when the api layer could not resolve it: the
    // response store is off, or the id is not one the gateway issued (an `openai` route may know it).
    const QString why = field == u"previous_response_id"_s
                            ? u"this gateway is stateless while responses_store is off, and it knows only the "
                              u"response ids it issued itself"_s
                        : field == u"conversation"_s
                            ? u"this gateway is stateless for conversation objects; it keeps responses for "
                              u"previous_response_id only"_s
                            : u"this gateway is stateless for it"_s;
    return u"%1 is not supported: %2. Send the full conversation in input (with store: false) instead."_s.arg(field,
                                                                                                              why);
}

// ---------------------------------------------------------------------------------------------
// Emitting

QString responseIdFor(const QString &configured, const QString &upstreamId)
{
    if (!configured.isEmpty())
        return configured;
    if (upstreamId.startsWith(u"resp_"_s))
        return upstreamId;
    if (!upstreamId.isEmpty())
        return u"resp_"_s + upstreamId;
    return u"resp_"_s + QUuid::createUuid().toString(QUuid::Id128);
}

/// Item ids are unique within a response: a type prefix, the response id's body and the output index.
QString itemId(const QString &prefix, const QString &responseId, qsizetype outputIndex)
{
    const QString body = responseId.startsWith(u"resp_"_s) ? responseId.mid(5) : responseId;
    return prefix + u'_' + body + u'_' + QString::number(outputIndex);
}

QJsonObject textPart(const QString &text)
{
    return QJsonObject{{u"type"_s, u"output_text"_s}, {u"text"_s, text}, {u"annotations"_s, QJsonArray{}}};
}

QJsonObject messageItem(const QString &id, const QJsonArray &content, const QString &status)
{
    return QJsonObject{{u"id"_s, id},
                       {u"type"_s, u"message"_s},
                       {u"status"_s, status},
                       {u"role"_s, u"assistant"_s},
                       {u"content"_s, content}};
}

QJsonObject summaryPart(const QString &text)
{
    return QJsonObject{{u"type"_s, u"summary_text"_s}, {u"text"_s, text}};
}

/// Thinking text goes out as one summary part; the signature (or redacted data) as encrypted_content.
QJsonObject reasoningItem(const QString &id, const QString &text, const QString &encrypted)
{
    QJsonObject item{{u"id"_s, id}, {u"type"_s, u"reasoning"_s}, {u"summary"_s, QJsonArray{}}};
    if (!text.isEmpty())
        item.insert(u"summary"_s, QJsonArray{summaryPart(text)});
    if (!encrypted.isEmpty())
        item.insert(u"encrypted_content"_s, encrypted);
    return item;
}

QJsonObject functionCallItem(const QString &id, const QString &callId, const QString &name, const QString &arguments,
                             const QString &status, const QString &ns = {})
{
    QJsonObject item{{u"id"_s, id},         {u"type"_s, u"function_call"_s},
                     {u"status"_s, status}, {u"call_id"_s, callId},
                     {u"name"_s, name},     {u"arguments"_s, arguments}};
    if (!ns.isEmpty())
        item.insert(u"namespace"_s, ns);
    return item;
}

QJsonObject customCallItem(const QString &id, const QString &callId, const QString &name, const QString &input,
                           const QString &status)
{
    return QJsonObject{{u"id"_s, id},         {u"type"_s, u"custom_tool_call"_s},
                       {u"status"_s, status}, {u"call_id"_s, callId},
                       {u"name"_s, name},     {u"input"_s, input}};
}

/// The freeform input of a call: the `input` string of the arguments object; arguments that are
/// not a JSON object are taken as the input itself.
QString customInput(const QString &arguments)
{
    const QJsonDocument doc = QJsonDocument::fromJson(arguments.toUtf8());
    if (!doc.isObject())
        return arguments;
    return doc.object().value(u"input"_s).toString();
}

QJsonObject usageToJson(const Usage &u)
{
    const qint64 in = u.inputTokens.value_or(0);
    const qint64 out = u.outputTokens.value_or(0);
    QJsonObject inputDetails{{u"cached_tokens"_s, u.cacheReadTokens.value_or(0)}};
    if (u.cacheWriteTokens)
        inputDetails.insert(u"cache_write_tokens"_s, *u.cacheWriteTokens);
    return QJsonObject{
        {u"input_tokens"_s, in},
        {u"input_tokens_details"_s, inputDetails},
        {u"output_tokens"_s, out},
        {u"output_tokens_details"_s, QJsonObject{{u"reasoning_tokens"_s, u.reasoningTokens.value_or(0)}}},
        {u"total_tokens"_s, in + out},
    };
}

/// Response status and incomplete_details.reason for a stop reason (WIRE_FORMATS.md §7.2).
struct Outcome
{
    QString status;
    QString incompleteReason;
};

Outcome outcomeFor(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens:
    case StopReason::ContextWindowExceeded:
        return {u"incomplete"_s, u"max_output_tokens"_s};
    case StopReason::Refusal:
        return {u"incomplete"_s, u"content_filter"_s};
    case StopReason::None:
    case StopReason::EndTurn:
    case StopReason::StopSequence:
    case StopReason::ToolUse:
    case StopReason::PauseTurn:
        break;
    }
    return {u"completed"_s, {}};
}

/// `error.code` of a failed response: the upstream's code, else one the SDK's ResponseError knows.
QString failureCode(const Error &error)
{
    if (!error.code.isEmpty())
        return error.code;
    if (error.status == 429 || error.status == 402)
        return u"rate_limit_exceeded"_s;
    return u"server_error"_s;
}

QJsonObject responseObject(const QString &id, qint64 created, const QString &model, const Outcome &outcome,
                           const QJsonArray &output, const QJsonValue &usage, const QJsonValue &error,
                           const QJsonObject &echo)
{
    QJsonObject o{
        {u"id"_s, id},
        {u"object"_s, u"response"_s},
        {u"created_at"_s, created},
        {u"status"_s, outcome.status},
        {u"background"_s, false},
        {u"error"_s, error},
        {u"incomplete_details"_s, outcome.incompleteReason.isEmpty()
                                      ? QJsonValue(QJsonValue::Null)
                                      : QJsonValue(QJsonObject{{u"reason"_s, outcome.incompleteReason}})},
        {u"instructions"_s, QJsonValue::Null},
        {u"max_output_tokens"_s, QJsonValue::Null},
        {u"metadata"_s, QJsonObject{}},
        {u"model"_s, model},
        {u"output"_s, output},
        {u"parallel_tool_calls"_s, true},
        {u"previous_response_id"_s, QJsonValue::Null},
        {u"reasoning"_s, QJsonObject{{u"effort"_s, QJsonValue::Null}, {u"summary"_s, QJsonValue::Null}}},
        {u"store"_s, false},
        {u"temperature"_s, QJsonValue::Null},
        {u"text"_s, QJsonObject{{u"format"_s, QJsonObject{{u"type"_s, u"text"_s}}}}},
        {u"tool_choice"_s, u"auto"_s},
        {u"tools"_s, QJsonArray{}},
        {u"top_p"_s, QJsonValue::Null},
        {u"truncation"_s, u"disabled"_s},
        {u"usage"_s, usage},
        {u"user"_s, QJsonValue::Null},
    };
    for (auto it = echo.constBegin(); it != echo.constEnd(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

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
    const QJsonValue previous = o.value(u"previous_response_id"_s);
    if (!isAbsent(previous) && !previous.toString().isEmpty()) {
        *error = badRequest(statelessMessage(u"previous_response_id"_s), u"previous_response_id"_s);
        return std::nullopt;
    }
    if (!isAbsent(o.value(u"conversation"_s))) {
        *error = badRequest(statelessMessage(u"conversation"_s), u"conversation"_s);
        return std::nullopt;
    }
    if (o.value(u"background"_s).toBool()) {
        *error = badRequest(statelessMessage(u"background"_s), u"background"_s);
        return std::nullopt;
    }
    if (!isAbsent(o.value(u"prompt"_s))) {
        *error =
            badRequest(u"stored prompt templates live at OpenAI and cannot be resolved by this gateway"_s, u"prompt"_s);
        return std::nullopt;
    }

    const QJsonValue instructions = o.value(u"instructions"_s);
    if (instructions.isString()) {
        if (!instructions.toString().isEmpty())
            req.system.append(ContentPart::makeText(instructions.toString()));
    } else if (!isAbsent(instructions)) {
        *error = badRequest(u"instructions must be a string"_s, u"instructions"_s);
        return std::nullopt;
    }

    const QJsonValue input = o.value(u"input"_s);
    if (input.isString()) {
        req.messages.append(Message{Role::User, {ContentPart::makeText(input.toString())}});
    } else if (input.isArray()) {
        const QJsonArray items = input.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!items.at(i).isObject()) {
                *error = badRequest(u"input items must be objects"_s, u"input[%1]"_s.arg(i));
                return std::nullopt;
            }
            if (!parseInputItem(items.at(i).toObject(), u"input[%1]"_s.arg(i), req, error))
                return std::nullopt;
        }
    } else {
        *error = badRequest(u"input is required (a string or an array of items)"_s, u"input"_s);
        return std::nullopt;
    }

    if (!parseTools(o, req, error) || !parseToolChoice(o.value(u"tool_choice"_s), req, error))
        return std::nullopt;
    if (o.value(u"parallel_tool_calls"_s).isBool())
        req.toolChoice.parallelAllowed = o.value(u"parallel_tool_calls"_s).toBool();
    if (o.value(u"text"_s).isObject() && !parseText(o.value(u"text"_s).toObject(), req, error))
        return std::nullopt;

    req.maxOutputTokens = optInt(o, u"max_output_tokens"_s);
    req.temperature = optDouble(o, u"temperature"_s);
    req.topP = optDouble(o, u"top_p"_s);
    req.stream = o.value(u"stream"_s).toBool();
    // Same rule as Chat's reasoning_effort: any level but "none" asks for reasoning.
    req.reasoningEffort = o.value(u"reasoning"_s).toObject().value(u"effort"_s).toString();
    req.thinkingEnabled = !req.reasoningEffort.isEmpty() && req.reasoningEffort != u"none"_s;
    req.metadata = o.value(u"metadata"_s).toObject();
    req.user = o.value(u"user"_s).toString();
    const QString safetyIdentifier = o.value(u"safety_identifier"_s).toString();
    if (req.user.isEmpty())
        req.user = safetyIdentifier;
    else if (!safetyIdentifier.isEmpty())
        req.dropped.append({u"safety_identifier"_s, u"user is set and takes precedence"_s});

    if (o.contains(u"store"_s)) {
        req.dropped.append(
            {u"store"_s, o.value(u"store"_s).toBool()
                             ? u"not sent upstream; the gateway's response store keeps the answer when it is on"_s
                             : u"nothing is stored, as asked"_s});
    }
    if (o.contains(u"include"_s)) {
        req.dropped.append({u"include"_s, u"extra output is not selectable; reasoning state is always sent as "
                                          u"encrypted_content when the upstream gives one"_s});
    }

    static const QSet<QString> handled = {
        u"model"_s,
        u"input"_s,
        u"instructions"_s,
        u"tools"_s,
        u"tool_choice"_s,
        u"parallel_tool_calls"_s,
        u"text"_s,
        u"max_output_tokens"_s,
        u"temperature"_s,
        u"top_p"_s,
        u"stream"_s,
        u"reasoning"_s,
        u"metadata"_s,
        u"user"_s,
        u"safety_identifier"_s,
        u"store"_s,
        u"include"_s,
        u"previous_response_id"_s,
        u"conversation"_s,
        u"background"_s,
        u"prompt"_s,
    };
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!handled.contains(it.key()))
            req.dropped.append({it.key(), u"no counterpart in the canonical model"_s});
    }
    return req;
}

QSet<QString> customToolNames(const Request &request)
{
    QSet<QString> names;
    for (const Tool &t : request.tools) {
        if (t.freeform)
            names.insert(t.name);
    }
    return names;
}

EmitOptions emitOptionsFor(const Request &request)
{
    EmitOptions options;
    options.customTools = customToolNames(request);
    for (const Tool &t : request.tools) {
        if (!t.group.isEmpty())
            options.toolNamespaces.insert(t.name, t.group);
    }
    QJsonObject &echo = options.echo;

    QJsonArray tools;
    for (const Tool &t : request.tools) {
        QJsonObject tool{{u"type"_s, t.freeform ? u"custom"_s : u"function"_s}, {u"name"_s, t.name}};
        tool.insert(u"description"_s, orNull(t.description));
        if (!t.freeform) {
            tool.insert(u"parameters"_s, t.parameters);
            tool.insert(u"strict"_s, t.strict.value_or(false));
        }
        tools.append(tool);
    }
    echo.insert(u"tools"_s, tools);

    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
    case ToolChoice::Mode::Auto:
        echo.insert(u"tool_choice"_s, u"auto"_s);
        break;
    case ToolChoice::Mode::None:
        echo.insert(u"tool_choice"_s, u"none"_s);
        break;
    case ToolChoice::Mode::Required:
        echo.insert(u"tool_choice"_s, u"required"_s);
        break;
    case ToolChoice::Mode::Named:
        echo.insert(u"tool_choice"_s,
                    QJsonObject{{u"type"_s,
                                 options.customTools.contains(request.toolChoice.name) ? u"custom"_s : u"function"_s},
                                {u"name"_s, request.toolChoice.name}});
        break;
    }
    echo.insert(u"parallel_tool_calls"_s, request.toolChoice.parallelAllowed);
    if (request.maxOutputTokens)
        echo.insert(u"max_output_tokens"_s, *request.maxOutputTokens);
    if (request.temperature)
        echo.insert(u"temperature"_s, *request.temperature);
    if (request.topP)
        echo.insert(u"top_p"_s, *request.topP);
    if (request.responseFormat) {
        const ResponseFormat &f = *request.responseFormat;
        QJsonObject format;
        switch (f.kind) {
        case ResponseFormat::Kind::Text:
            format.insert(u"type"_s, u"text"_s);
            break;
        case ResponseFormat::Kind::JsonObject:
            format.insert(u"type"_s, u"json_object"_s);
            break;
        case ResponseFormat::Kind::JsonSchema:
            format = QJsonObject{{u"type"_s, u"json_schema"_s},
                                 {u"name"_s, f.name},
                                 {u"schema"_s, f.schema},
                                 {u"strict"_s, f.strict.value_or(false)}};
            if (!f.description.isEmpty())
                format.insert(u"description"_s, f.description);
            break;
        }
        echo.insert(u"text"_s, QJsonObject{{u"format"_s, format}});
    }
    if (!request.reasoningEffort.isEmpty())
        echo.insert(u"reasoning"_s,
                    QJsonObject{{u"effort"_s, request.reasoningEffort}, {u"summary"_s, QJsonValue::Null}});
    if (!request.metadata.isEmpty())
        echo.insert(u"metadata"_s, request.metadata);
    if (!request.user.isEmpty())
        echo.insert(u"user"_s, request.user);
    return options;
}

// ---------------------------------------------------------------------------------------------
// Responses

QByteArray emitResponse(const Response &response, const EmitOptions &options, QList<Dropped> *dropped)
{
    const QString id = responseIdFor(options.responseId, response.id);
    QJsonArray output;
    for (const ContentPart &p : response.content) {
        const qsizetype index = output.size();
        switch (p.kind) {
        case PartKind::Text:
            output.append(messageItem(itemId(u"msg"_s, id, index), QJsonArray{textPart(p.text)}, u"completed"_s));
            break;
        case PartKind::Thinking:
            output.append(reasoningItem(itemId(u"rs"_s, id, index), p.text, p.signature));
            break;
        case PartKind::RedactedThinking:
            output.append(reasoningItem(itemId(u"rs"_s, id, index), {}, p.text));
            break;
        case PartKind::ToolCall:
            if (options.customTools.contains(p.toolName)) {
                output.append(customCallItem(itemId(u"ctc"_s, id, index), p.toolCallId, p.toolName,
                                             customInput(p.arguments), u"completed"_s));
            } else {
                output.append(functionCallItem(itemId(u"fc"_s, id, index), p.toolCallId, p.toolName,
                                               p.arguments.isEmpty() ? u"{}"_s : p.arguments, u"completed"_s,
                                               options.toolNamespaces.value(p.toolName)));
            }
            break;
        case PartKind::Image:
        case PartKind::ToolResult:
            if (dropped)
                dropped->append({u"content"_s, u"block type has no Responses output item"_s});
            break;
        }
    }
    return compact(responseObject(id, createdOrNow(options.created), response.model, outcomeFor(response.stopReason),
                                  output, usageToJson(response.usage), QJsonValue::Null, options.echo));
}

// ---------------------------------------------------------------------------------------------
// Errors

QByteArray emitError(const Error &error)
{
    return openaichat::emitError(error);
}

int httpStatus(const Error &error)
{
    return openaichat::httpStatus(error);
}

// ---------------------------------------------------------------------------------------------
// Stream encoder

StreamEncoder::StreamEncoder(const EmitOptions &options) : m_options(options), m_created(createdOrNow(options.created))
{
}

QByteArray StreamEncoder::event(const QString &type, QJsonObject payload)
{
    payload.insert(u"type"_s, type);
    payload.insert(u"sequence_number"_s, m_sequence++);
    return sseEvent(type.toUtf8(), compact(payload));
}

QJsonObject StreamEncoder::snapshot(const QString &status) const
{
    return responseObject(m_responseId, m_created, m_model, Outcome{status, {}}, m_output, QJsonValue::Null,
                          QJsonValue::Null, m_options.echo);
}

QByteArray StreamEncoder::ensureStarted()
{
    if (m_started)
        return {};
    m_started = true;
    if (m_responseId.isEmpty())
        m_responseId = responseIdFor(m_options.responseId, {});
    const QJsonObject response = snapshot(u"in_progress"_s);
    // Separate statements: each event() takes the next sequence number, so the order matters.
    QByteArray out = event(u"response.created"_s, QJsonObject{{u"response"_s, response}});
    out += event(u"response.in_progress"_s, QJsonObject{{u"response"_s, response}});
    return out;
}

QByteArray StreamEncoder::encode(const QList<StreamEvent> &events)
{
    return encodeEach(*this, events);
}

QByteArray StreamEncoder::encode(const StreamEvent &e)
{
    if (m_finished)
        return {};
    switch (e.type) {
    case StreamEvent::Type::MessageStart:
        if (!m_started) {
            m_responseId = responseIdFor(m_options.responseId, e.id);
            m_model = e.model;
        }
        m_usage.merge(e.usage);
        return ensureStarted();
    case StreamEvent::Type::BlockStart:
        return startItem(e);
    case StreamEvent::Type::BlockDelta:
        return delta(e);
    case StreamEvent::Type::BlockStop:
        if (!m_open || m_open->canonicalIndex != e.index)
            return {};
        return closeItem();
    case StreamEvent::Type::MessageDelta:
        if (e.stopReason != StopReason::None)
            m_stop = e.stopReason;
        m_usage.merge(e.usage);
        return {};
    case StreamEvent::Type::MessageStop:
        return complete();
    case StreamEvent::Type::Error:
        return fail(e.error);
    case StreamEvent::Type::Ping:
        return {};
    }
    return {};
}

QByteArray StreamEncoder::startItem(const StreamEvent &start)
{
    QByteArray out = ensureStarted();
    out += closeItem();
    const qsizetype outputIndex = m_output.size();
    OpenItem item;
    item.canonicalIndex = start.index;
    item.kind = start.blockKind;
    QJsonObject added;
    switch (start.blockKind) {
    case BlockKind::Text:
        item.id = itemId(u"msg"_s, m_responseId, outputIndex);
        added = messageItem(item.id, QJsonArray{}, u"in_progress"_s);
        break;
    case BlockKind::Thinking:
    case BlockKind::RedactedThinking:
        item.id = itemId(u"rs"_s, m_responseId, outputIndex);
        item.text = start.blockKind == BlockKind::RedactedThinking ? start.text : QString();
        added = reasoningItem(item.id, {}, {});
        break;
    case BlockKind::ToolCall:
        item.callId = start.toolCallId;
        item.name = start.toolName;
        item.custom = m_options.customTools.contains(start.toolName);
        item.id = itemId(item.custom ? u"ctc"_s : u"fc"_s, m_responseId, outputIndex);
        added = item.custom ? customCallItem(item.id, item.callId, item.name, {}, u"in_progress"_s)
                            : functionCallItem(item.id, item.callId, item.name, {}, u"in_progress"_s,
                                               m_options.toolNamespaces.value(item.name));
        break;
    }
    out += event(u"response.output_item.added"_s, QJsonObject{{u"output_index"_s, outputIndex}, {u"item"_s, added}});
    if (start.blockKind == BlockKind::Text) {
        out += event(u"response.content_part.added"_s, QJsonObject{{u"item_id"_s, item.id},
                                                                   {u"output_index"_s, outputIndex},
                                                                   {u"content_index"_s, 0},
                                                                   {u"part"_s, textPart({})}});
    }
    m_open = item;
    return out;
}

QByteArray StreamEncoder::delta(const StreamEvent &d)
{
    if (!m_open || m_open->canonicalIndex != d.index || d.text.isEmpty())
        return {};
    OpenItem &item = *m_open;
    const qsizetype outputIndex = m_output.size();
    switch (d.deltaKind) {
    case DeltaKind::Text:
        if (item.kind != BlockKind::Text)
            return {};
        item.text += d.text;
        return event(u"response.output_text.delta"_s, QJsonObject{{u"item_id"_s, item.id},
                                                                  {u"output_index"_s, outputIndex},
                                                                  {u"content_index"_s, 0},
                                                                  {u"delta"_s, d.text},
                                                                  {u"logprobs"_s, QJsonArray{}}});
    case DeltaKind::Thinking: {
        if (item.kind != BlockKind::Thinking)
            return {};
        QByteArray out;
        // The summary part opens with the first text, so signature-only reasoning has no empty part.
        if (!item.partOpen) {
            item.partOpen = true;
            out += event(u"response.reasoning_summary_part.added"_s, QJsonObject{{u"item_id"_s, item.id},
                                                                                 {u"output_index"_s, outputIndex},
                                                                                 {u"summary_index"_s, 0},
                                                                                 {u"part"_s, summaryPart({})}});
        }
        item.text += d.text;
        out += event(u"response.reasoning_summary_text.delta"_s, QJsonObject{{u"item_id"_s, item.id},
                                                                             {u"output_index"_s, outputIndex},
                                                                             {u"summary_index"_s, 0},
                                                                             {u"delta"_s, d.text}});
        return out;
    }
    case DeltaKind::Signature:
        if (item.kind == BlockKind::Thinking)
            item.signature += d.text;
        return {};
    case DeltaKind::ToolArguments:
        if (item.kind != BlockKind::ToolCall)
            return {};
        item.text += d.text;
        if (item.custom)
            return {}; // the input is decoded from the whole arguments object when the block stops
        return event(u"response.function_call_arguments.delta"_s,
                     QJsonObject{{u"item_id"_s, item.id}, {u"output_index"_s, outputIndex}, {u"delta"_s, d.text}});
    }
    return {};
}

QByteArray StreamEncoder::closeItem()
{
    if (!m_open)
        return {};
    const OpenItem item = *m_open;
    m_open.reset();
    const qsizetype outputIndex = m_output.size();
    const QJsonObject where{{u"item_id"_s, item.id}, {u"output_index"_s, outputIndex}};
    auto with = [&where](std::initializer_list<std::pair<QString, QJsonValue>> fields) {
        QJsonObject o = where;
        for (const auto &[key, value] : fields)
            o.insert(key, value);
        return o;
    };
    QByteArray out;
    QJsonObject done;
    switch (item.kind) {
    case BlockKind::Text:
        out += event(u"response.output_text.done"_s,
                     with({{u"content_index"_s, 0}, {u"text"_s, item.text}, {u"logprobs"_s, QJsonArray{}}}));
        out +=
            event(u"response.content_part.done"_s, with({{u"content_index"_s, 0}, {u"part"_s, textPart(item.text)}}));
        done = messageItem(item.id, QJsonArray{textPart(item.text)}, u"completed"_s);
        break;
    case BlockKind::Thinking:
        if (item.partOpen) {
            out += event(u"response.reasoning_summary_text.done"_s,
                         with({{u"summary_index"_s, 0}, {u"text"_s, item.text}}));
            out += event(u"response.reasoning_summary_part.done"_s,
                         with({{u"summary_index"_s, 0}, {u"part"_s, summaryPart(item.text)}}));
        }
        done = reasoningItem(item.id, item.text, item.signature);
        break;
    case BlockKind::RedactedThinking:
        done = reasoningItem(item.id, {}, item.text);
        break;
    case BlockKind::ToolCall:
        if (item.custom) {
            const QString input = customInput(item.text);
            if (!input.isEmpty())
                out += event(u"response.custom_tool_call_input.delta"_s, with({{u"delta"_s, input}}));
            out += event(u"response.custom_tool_call_input.done"_s, with({{u"input"_s, input}}));
            done = customCallItem(item.id, item.callId, item.name, input, u"completed"_s);
        } else {
            QString arguments = item.text;
            if (arguments.isEmpty()) {
                // No fragments means no arguments; the deltas still add up to the final text.
                arguments = u"{}"_s;
                out += event(u"response.function_call_arguments.delta"_s, with({{u"delta"_s, arguments}}));
            }
            out += event(u"response.function_call_arguments.done"_s,
                         with({{u"name"_s, item.name}, {u"arguments"_s, arguments}}));
            done = functionCallItem(item.id, item.callId, item.name, arguments, u"completed"_s,
                                    m_options.toolNamespaces.value(item.name));
        }
        break;
    }
    out += event(u"response.output_item.done"_s, QJsonObject{{u"output_index"_s, outputIndex}, {u"item"_s, done}});
    m_output.append(done);
    return out;
}

QByteArray StreamEncoder::complete()
{
    QByteArray out = ensureStarted();
    out += closeItem();
    const Outcome outcome = outcomeFor(m_stop);
    const QJsonObject response = responseObject(m_responseId, m_created, m_model, outcome, m_output,
                                                usageToJson(m_usage), QJsonValue::Null, m_options.echo);
    out += event(outcome.status == u"completed"_s ? u"response.completed"_s : u"response.incomplete"_s,
                 QJsonObject{{u"response"_s, response}});
    m_finished = true;
    return out;
}

QByteArray StreamEncoder::fail(const Error &error)
{
    if (m_finished)
        return {};
    QByteArray out = ensureStarted();
    m_open.reset(); // an unfinished item is not reported as done
    const QString code = failureCode(error);
    out += event(u"error"_s,
                 QJsonObject{{u"code"_s, code}, {u"message"_s, error.message}, {u"param"_s, orNull(error.param)}});
    const QJsonObject response =
        responseObject(m_responseId, m_created, m_model, Outcome{u"failed"_s, {}}, m_output,
                       m_usage.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(usageToJson(m_usage)),
                       QJsonObject{{u"code"_s, code}, {u"message"_s, error.message}}, m_options.echo);
    out += event(u"response.failed"_s, QJsonObject{{u"response"_s, response}});
    m_finished = true;
    return out;
}

QByteArray StreamEncoder::finish()
{
    if (m_finished)
        return {};
    return fail(streamEndedEarly());
}

} // namespace llmproxy::openairesponses

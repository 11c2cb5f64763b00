// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/gemini.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace llmproxy::gemini {

using namespace canonical;
using namespace formatsupport;

namespace {

/// Marks a ContentPart::signature as a Gemini thought signature (other providers' signatures are
/// base64 too, so the text alone cannot tell).
constexpr QStringView kSignaturePrefix = u"gemini:";
/// Separates a tool-call id from the thought signature encoded into it.
constexpr QStringView kIdSignatureTag = u"_ts_";
/// Prefix of a tool-call id that Gemini itself gave (sent back as functionCall.id / functionResponse.id).
constexpr QStringView kUpstreamIdTag = u"gid_";
/// `$ref` chains deeper than this (recursive schemas) end in a plain object schema.
constexpr int kMaxRefDepth = 8;

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
}

/// Text usable in tool-call ids: Anthropic requires ^[a-zA-Z0-9_-]+$.
bool isIdText(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isIdChar);
}

/// A thought signature (base64, as the API sends bytes) as base64url without padding, which fits
/// into a tool-call id; empty when the signature is not base64.
QString signatureToIdText(const QString &signature)
{
    qsizetype end = signature.size();
    while (end > 0 && signature.at(end - 1) == u'=')
        --end;
    if (end == 0 || signature.size() - end > 2)
        return {};
    QString out;
    out.reserve(end);
    for (qsizetype i = 0; i < end; ++i) {
        const QChar c = signature.at(i);
        if (c == u'+')
            out += u'-';
        else if (c == u'/')
            out += u'_';
        else if (isIdChar(c))
            out += c;
        else
            return {};
    }
    return out;
}

/// The inverse of signatureToIdText(): standard base64 with padding, byte-exact for what Gemini sends.
QString idTextToSignature(QStringView text)
{
    if (!isIdText(text) || text.size() % 4 == 1)
        return {};
    QString out = text.toString();
    out.replace(u'-', u'+').replace(u'_', u'/');
    while (out.size() % 4 != 0)
        out += u'=';
    return out;
}

/// `call_<8 hex>_<n>`, the ids StreamDecoder makes up when Gemini gives none.
bool isSynthesizedId(QStringView base)
{
    if (!base.startsWith(u"call_") || base.size() < 15 || base.at(13) != u'_')
        return false;
    const auto isHex = [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); };
    const QStringView seed = base.sliced(5, 8);
    const QStringView number = base.sliced(14);
    return std::all_of(seed.begin(), seed.end(), isHex) && !number.isEmpty() &&
           std::all_of(number.begin(), number.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

/// What a tool-call id made by StreamDecoder carries; both empty for ids from elsewhere.
struct CallId
{
    QString upstreamId; ///< the id Gemini gave the call
    QString signature;  ///< the thought signature of the call's part
};

CallId decodeCallId(const QString &id)
{
    CallId r;
    const qsizetype tag = id.indexOf(kIdSignatureTag);
    const QStringView base = tag < 0 ? QStringView(id) : QStringView(id).left(tag);
    const bool upstream = base.startsWith(kUpstreamIdTag) && base.size() > kUpstreamIdTag.size();
    if (!upstream && !isSynthesizedId(base))
        return r;
    if (upstream)
        r.upstreamId = base.sliced(kUpstreamIdTag.size()).toString();
    if (tag >= 0)
        r.signature = idTextToSignature(QStringView(id).sliced(tag + kIdSignatureTag.size()));
    return r;
}

QString mimeTypeForUrl(const QString &url)
{
    const QString path = url.section(u'?', 0, 0).section(u'#', 0, 0).toLower();
    const QString suffix = path.section(u'.', -1);
    static const QHash<QString, QString> types = {
        {u"png"_s, u"image/png"_s},   {u"jpg"_s, u"image/jpeg"_s}, {u"jpeg"_s, u"image/jpeg"_s},
        {u"webp"_s, u"image/webp"_s}, {u"gif"_s, u"image/gif"_s},  {u"heic"_s, u"image/heic"_s},
        {u"heif"_s, u"image/heif"_s},
    };
    return path.contains(u'.') ? types.value(suffix) : QString();
}

QJsonObject imagePart(const ContentPart &p)
{
    QString mediaType = p.mediaType;
    QString data = p.imageData;
    if (!p.imageUrl.isEmpty() && !splitDataUrl(p.imageUrl, &mediaType, &data)) {
        QJsonObject file{{u"fileUri"_s, p.imageUrl}};
        const QString mime = mimeTypeForUrl(p.imageUrl);
        if (!mime.isEmpty())
            file.insert(u"mimeType"_s, mime);
        return QJsonObject{{u"fileData"_s, file}};
    }
    return QJsonObject{{u"inlineData"_s, QJsonObject{{u"mimeType"_s, mediaType}, {u"data"_s, data}}}};
}

/// JSON Schema → Gemini's OpenAPI-subset Schema (FunctionDeclaration.parameters, responseSchema).
/// Local `$ref`s are inlined, type lists and `null` alternatives become `nullable`, `oneOf` becomes
/// `anyOf`, `allOf` is merged, a string `const` becomes a one-value `enum`; every other keyword the
/// subset lacks is removed and its name added to `stripped`.
QJsonObject geminiSchema(const QJsonObject &in, const QJsonObject &root, int refDepth, QSet<QString> &stripped)
{
    QJsonObject s = in;
    if (s.contains(u"$ref"_s)) {
        const QString ref = s.take(u"$ref"_s).toString();
        QJsonObject target;
        bool found = false;
        for (const QString &container : {u"$defs"_s, u"definitions"_s}) {
            const QString prefix = u"#/"_s + container + u'/';
            if (!ref.startsWith(prefix))
                continue;
            const QJsonValue v = root.value(container).toObject().value(ref.mid(prefix.size()));
            found = v.isObject();
            target = v.toObject();
        }
        if (!found || refDepth >= kMaxRefDepth) {
            stripped.insert(u"$ref"_s);
            target = found ? QJsonObject{{u"type"_s, u"object"_s}} : QJsonObject{};
        }
        for (auto it = s.constBegin(); it != s.constEnd(); ++it)
            target.insert(it.key(), it.value()); // keywords next to $ref refine the target
        return geminiSchema(target, root, refDepth + 1, stripped);
    }

    static const QSet<QString> copied = {
        u"title"_s,         u"description"_s, u"minItems"_s,  u"maxItems"_s,         u"minProperties"_s,
        u"maxProperties"_s, u"minLength"_s,   u"maxLength"_s, u"pattern"_s,          u"example"_s,
        u"default"_s,       u"minimum"_s,     u"maximum"_s,   u"propertyOrdering"_s,
    };
    static const QSet<QString> translated = {
        u"type"_s,  u"nullable"_s, u"const"_s, u"enum"_s,  u"properties"_s, u"required"_s,
        u"items"_s, u"anyOf"_s,    u"oneOf"_s, u"allOf"_s, u"format"_s,
    };
    static const QSet<QString> formats = {u"enum"_s, u"date-time"_s, u"float"_s, u"double"_s, u"int32"_s, u"int64"_s};

    QJsonObject out;
    QJsonArray anyOf;
    bool nullable = s.value(u"nullable"_s).toBool();

    QStringList types;
    const QJsonValue type = s.value(u"type"_s);
    if (type.isString()) {
        types.append(type.toString());
    } else {
        const QJsonArray list = type.toArray();
        for (const QJsonValue &t : list) {
            if (t.isString())
                types.append(t.toString());
        }
    }
    if (types.size() > 1 && types.removeAll(u"null"_s) > 0)
        nullable = true;
    if (types.size() == 1) {
        out.insert(u"type"_s, types.first().toUpper());
    } else {
        for (const QString &t : std::as_const(types))
            anyOf.append(QJsonObject{{u"type"_s, t.toUpper()}});
    }

    if (s.contains(u"const"_s)) {
        if (s.value(u"const"_s).isString())
            out.insert(u"enum"_s, QJsonArray{s.value(u"const"_s)});
        else
            stripped.insert(u"const"_s);
    }
    if (s.contains(u"enum"_s)) {
        QJsonArray values;
        bool allStrings = true;
        const QJsonArray list = s.value(u"enum"_s).toArray();
        for (const QJsonValue &v : list) {
            if (v.isNull()) {
                nullable = true;
                continue;
            }
            allStrings = allStrings && v.isString();
            values.append(v);
        }
        if (allStrings && !values.isEmpty())
            out.insert(u"enum"_s, values);
        else
            stripped.insert(u"enum"_s); // Gemini enums are strings only
    }
    if (out.contains(u"enum"_s) && !out.contains(u"type"_s) && anyOf.isEmpty())
        out.insert(u"type"_s, u"STRING"_s);

    if (s.value(u"properties"_s).isObject()) {
        QJsonObject properties;
        const QJsonObject list = s.value(u"properties"_s).toObject();
        for (auto it = list.constBegin(); it != list.constEnd(); ++it)
            properties.insert(it.key(), geminiSchema(it.value().toObject(), root, refDepth, stripped));
        out.insert(u"properties"_s, properties);
        if (!out.contains(u"type"_s) && anyOf.isEmpty())
            out.insert(u"type"_s, u"OBJECT"_s);
    }
    if (s.value(u"required"_s).isArray()) {
        // Gemini rejects required names that are not among the properties.
        const QJsonObject properties = out.value(u"properties"_s).toObject();
        QJsonArray required;
        const QJsonArray list = s.value(u"required"_s).toArray();
        for (const QJsonValue &v : list) {
            if (v.isString() && (!out.contains(u"properties"_s) || properties.contains(v.toString())))
                required.append(v);
        }
        if (!required.isEmpty())
            out.insert(u"required"_s, required);
    }
    const QJsonValue items = s.value(u"items"_s);
    if (items.isObject()) {
        out.insert(u"items"_s, geminiSchema(items.toObject(), root, refDepth, stripped));
        if (!out.contains(u"type"_s) && anyOf.isEmpty())
            out.insert(u"type"_s, u"ARRAY"_s);
    } else if (!items.isUndefined()) {
        stripped.insert(u"items"_s); // tuple form
    }
    for (const QString &key : {u"anyOf"_s, u"oneOf"_s}) {
        const QJsonArray list = s.value(key).toArray();
        for (const QJsonValue &v : list) {
            const QJsonObject sub = geminiSchema(v.toObject(), root, refDepth, stripped);
            if (sub == QJsonObject{{u"type"_s, u"NULL"_s}}) {
                nullable = true;
                continue;
            }
            anyOf.append(sub);
        }
    }

    for (auto it = s.constBegin(); it != s.constEnd(); ++it) {
        if (copied.contains(it.key())) {
            out.insert(it.key(), it.value());
        } else if (it.key() == u"format"_s) {
            if (formats.contains(it.value().toString()))
                out.insert(it.key(), it.value());
            else
                stripped.insert(it.key());
        } else if (!translated.contains(it.key())) {
            stripped.insert(it.key());
        }
    }

    const QJsonArray allOf = s.value(u"allOf"_s).toArray();
    for (const QJsonValue &v : allOf) {
        const QJsonObject sub = geminiSchema(v.toObject(), root, refDepth, stripped);
        for (auto it = sub.constBegin(); it != sub.constEnd(); ++it) {
            if (it.key() == u"properties"_s) {
                QJsonObject properties = out.value(it.key()).toObject();
                const QJsonObject more = it.value().toObject();
                for (auto p = more.constBegin(); p != more.constEnd(); ++p)
                    properties.insert(p.key(), p.value());
                out.insert(it.key(), properties);
            } else if (it.key() == u"required"_s) {
                QJsonArray required = out.value(it.key()).toArray();
                const QJsonArray more = it.value().toArray();
                for (const QJsonValue &r : more) {
                    if (!required.contains(r))
                        required.append(r);
                }
                out.insert(it.key(), required);
            } else if (!out.contains(it.key())) {
                out.insert(it.key(), it.value());
            }
        }
    }

    // anyOf [X, null] (an optional value) is X made nullable.
    if (anyOf.size() == 1 && !out.contains(u"type"_s)) {
        const QJsonObject only = anyOf.first().toObject();
        for (auto it = only.constBegin(); it != only.constEnd(); ++it) {
            if (!out.contains(it.key()))
                out.insert(it.key(), it.value());
        }
        anyOf = QJsonArray();
    }
    if (!anyOf.isEmpty())
        out.insert(u"anyOf"_s, anyOf);
    if (nullable)
        out.insert(u"nullable"_s, true);
    return out;
}

QString strippedReason(const QSet<QString> &stripped)
{
    QStringList names(stripped.cbegin(), stripped.cend());
    names.sort();
    return u"JSON Schema keywords Gemini does not accept were removed: "_s + names.join(u", "_s);
}

qint64 budgetForEffort(const QString &effort)
{
    if (effort == u"none"_s)
        return 0;
    if (effort == u"minimal"_s)
        return 512;
    if (effort == u"low"_s)
        return 1024;
    if (effort == u"high"_s || effort == u"xhigh"_s || effort == u"max"_s)
        return 24576;
    return 8192;
}

/// Gemini 3 `thinkingLevel`; empty for "none" (those models cannot switch thinking off).
QString levelForEffort(const QString &effort)
{
    if (effort == u"none"_s)
        return {};
    if (effort == u"minimal"_s)
        return u"MINIMAL"_s;
    if (effort == u"low"_s)
        return u"LOW"_s;
    if (effort == u"high"_s || effort == u"xhigh"_s || effort == u"max"_s)
        return u"HIGH"_s;
    return u"MEDIUM"_s;
}

int statusForGeminiStatus(const QString &status)
{
    static const QHash<QString, int> statuses = {
        {u"INVALID_ARGUMENT"_s, 400},   {u"FAILED_PRECONDITION"_s, 400},
        {u"OUT_OF_RANGE"_s, 400},       {u"UNAUTHENTICATED"_s, 401},
        {u"PERMISSION_DENIED"_s, 403},  {u"NOT_FOUND"_s, 404},
        {u"ALREADY_EXISTS"_s, 409},     {u"ABORTED"_s, 409},
        {u"RESOURCE_EXHAUSTED"_s, 429}, {u"UNIMPLEMENTED"_s, 501},
        {u"UNAVAILABLE"_s, 503},        {u"DEADLINE_EXCEEDED"_s, 504},
    };
    return statuses.value(status, 500);
}

Usage usageFromJson(const QJsonObject &o)
{
    Usage u;
    const auto prompt = optInt(o, u"promptTokenCount"_s);
    const auto toolPrompt = optInt(o, u"toolUsePromptTokenCount"_s);
    if (prompt || toolPrompt)
        u.inputTokens = prompt.value_or(0) + toolPrompt.value_or(0);
    u.cacheReadTokens = optInt(o, u"cachedContentTokenCount"_s);
    const auto candidates = optInt(o, u"candidatesTokenCount"_s);
    u.reasoningTokens = optInt(o, u"thoughtsTokenCount"_s);
    if (candidates || u.reasoningTokens)
        u.outputTokens = candidates.value_or(0) + u.reasoningTokens.value_or(0);
    return u;
}

/// The signature of an empty thinking part: it belongs to the text part before it, or stands alone
/// on an empty text part when there is none.
void appendSignature(QJsonArray &parts, const QString &signature)
{
    if (!parts.isEmpty()) {
        QJsonObject last = parts.last().toObject();
        if (last.contains(u"text"_s) && !last.contains(u"thought"_s) && !last.contains(u"thoughtSignature"_s)) {
            last.insert(u"thoughtSignature"_s, signature);
            parts.replace(parts.size() - 1, last);
            return;
        }
    }
    parts.append(QJsonObject{{u"text"_s, u""_s}, {u"thoughtSignature"_s, signature}});
}

/// Puts `signature` on the first functionCall part of a model turn when it has none.
void signFirstCall(QJsonArray &parts, const QString &signature)
{
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QJsonObject part = parts.at(i).toObject();
        if (!part.contains(u"functionCall"_s))
            continue;
        if (!part.contains(u"thoughtSignature"_s)) {
            part.insert(u"thoughtSignature"_s, signature);
            parts.replace(i, part);
        }
        return;
    }
}

} // namespace

StopReason stopReasonFromWire(const QString &finishReason)
{
    if (finishReason.isEmpty() || finishReason == u"FINISH_REASON_UNSPECIFIED"_s)
        return StopReason::None;
    if (finishReason == u"MAX_TOKENS"_s)
        return StopReason::MaxTokens;
    static const QSet<QString> refusals = {
        u"SAFETY"_s,
        u"RECITATION"_s,
        u"BLOCKLIST"_s,
        u"PROHIBITED_CONTENT"_s,
        u"SPII"_s,
        u"IMAGE_SAFETY"_s,
        u"IMAGE_PROHIBITED_CONTENT"_s,
        u"IMAGE_RECITATION"_s,
    };
    if (refusals.contains(finishReason))
        return StopReason::Refusal;
    // STOP, OTHER, LANGUAGE, MALFORMED_FUNCTION_CALL, … and future values end the turn (§7.2, §7.6 item 20).
    return StopReason::EndTurn;
}

bool isThoughtSignature(const QString &signature)
{
    return signature.size() > kSignaturePrefix.size() && signature.startsWith(kSignaturePrefix);
}

// ---------------------------------------------------------------------------------------------
// Requests

QByteArray emitRequest(const Request &request, const EmitOptions &options, QList<Dropped> *dropped)
{
    auto drop = [dropped](const QString &field, const QString &reason) { addDroppedOnce(dropped, field, reason); };
    const QString noCacheMarkers = u"Gemini has no prompt-cache markers"_s;

    QJsonObject o;
    QJsonArray systemParts;
    for (const ContentPart &p : request.system) {
        if (!p.cacheControl.isEmpty())
            drop(u"system.cache_control"_s, noCacheMarkers);
        if (!p.text.isEmpty())
            systemParts.append(QJsonObject{{u"text"_s, p.text}});
    }
    if (!systemParts.isEmpty())
        o.insert(u"systemInstruction"_s, QJsonObject{{u"parts"_s, systemParts}});

    // Consecutive turns of one role form one Content; function responses lead their user turn,
    // followed by images from tool results, then the rest.
    QJsonArray contents;
    QString role;
    QJsonArray responses;
    QJsonArray resultImages;
    QJsonArray parts;
    auto flush = [&]() {
        QJsonArray all = responses;
        for (const QJsonValue &v : std::as_const(resultImages))
            all.append(v);
        for (const QJsonValue &v : std::as_const(parts))
            all.append(v);
        if (!all.isEmpty()) {
            if (role == u"model"_s && !options.unsignedCallSignature.isEmpty())
                signFirstCall(all, options.unsignedCallSignature);
            contents.append(QJsonObject{{u"role"_s, role}, {u"parts"_s, all}});
        }
        responses = QJsonArray();
        resultImages = QJsonArray();
        parts = QJsonArray();
    };

    QHash<QString, QString> toolNames; // call id → function name, from the calls seen so far
    for (qsizetype mi = 0; mi < request.messages.size(); ++mi) {
        const Message &m = request.messages.at(mi);
        const QString messageRole = m.role == Role::User ? u"user"_s : u"model"_s;
        if (messageRole != role) {
            flush();
            role = messageRole;
        }
        const QString path = u"messages[%1]"_s.arg(mi);
        for (const ContentPart &p : m.parts) {
            if (!p.cacheControl.isEmpty())
                drop(path + u".cache_control"_s, noCacheMarkers);
            switch (p.kind) {
            case PartKind::Text:
                if (!p.text.isEmpty())
                    parts.append(QJsonObject{{u"text"_s, p.text}});
                break;
            case PartKind::Image:
                parts.append(imagePart(p));
                break;
            case PartKind::Thinking:
                if (!isThoughtSignature(p.signature)) {
                    drop(path + u".thinking"_s, u"reasoning without a Gemini thought signature"_s);
                } else if (!p.text.isEmpty()) {
                    parts.append(QJsonObject{{u"text"_s, p.text},
                                             {u"thought"_s, true},
                                             {u"thoughtSignature"_s, p.signature.mid(kSignaturePrefix.size())}});
                } else {
                    appendSignature(parts, p.signature.mid(kSignaturePrefix.size()));
                }
                break;
            case PartKind::RedactedThinking:
                // Clients that return an empty signed thinking part as opaque data (Responses
                // reasoning items with only encrypted_content) still hand back the Gemini signature.
                if (isThoughtSignature(p.text))
                    appendSignature(parts, p.text.mid(kSignaturePrefix.size()));
                else
                    drop(path + u".redacted_thinking"_s, u"opaque reasoning of another provider"_s);
                break;
            case PartKind::ToolCall: {
                toolNames.insert(p.toolCallId, p.toolName);
                const std::optional<QJsonObject> args = argumentsObject(p.arguments);
                if (!args)
                    drop(path + u".tool_call.arguments"_s, u"tool-call arguments are not a JSON object; sent as {}"_s);
                const CallId id = decodeCallId(p.toolCallId);
                QJsonObject call{{u"name"_s, p.toolName}, {u"args"_s, args.value_or(QJsonObject())}};
                if (!id.upstreamId.isEmpty())
                    call.insert(u"id"_s, id.upstreamId);
                QJsonObject part{{u"functionCall"_s, call}};
                if (!id.signature.isEmpty())
                    part.insert(u"thoughtSignature"_s, id.signature);
                parts.append(part);
                break;
            }
            case PartKind::ToolResult: {
                QStringList texts;
                QJsonArray images;
                for (const ContentPart &r : p.result) {
                    if (r.kind == PartKind::Text)
                        texts.append(r.text);
                    else if (r.kind == PartKind::Image)
                        images.append(imagePart(r));
                }
                const QString text = texts.join(u'\n');
                const QString name = toolNames.value(p.toolCallId);
                if (name.isEmpty()) {
                    // functionResponse.name is required; without the call it answers, send plain text.
                    drop(path + u".tool_result"_s,
                         u"no earlier call with this id gives the function name; sent as text"_s);
                    parts.append(QJsonObject{{u"text"_s, u"Result of tool call %1: %2"_s.arg(p.toolCallId, text)}});
                    for (const QJsonValue &v : std::as_const(images))
                        parts.append(v);
                    break;
                }
                QJsonObject response{
                    {u"name"_s, name},
                    {u"response"_s, QJsonObject{{p.isError ? u"error"_s : u"output"_s, text}}},
                };
                const CallId id = decodeCallId(p.toolCallId);
                if (!id.upstreamId.isEmpty())
                    response.insert(u"id"_s, id.upstreamId);
                responses.append(QJsonObject{{u"functionResponse"_s, response}});
                for (const QJsonValue &v : std::as_const(images))
                    resultImages.append(v);
                break;
            }
            }
        }
    }
    flush();
    o.insert(u"contents"_s, contents);

    if (!request.tools.isEmpty()) {
        QJsonArray declarations;
        for (qsizetype ti = 0; ti < request.tools.size(); ++ti) {
            const Tool &t = request.tools.at(ti);
            QJsonObject f{{u"name"_s, t.name}};
            if (!t.description.isEmpty())
                f.insert(u"description"_s, t.description);
            QSet<QString> stripped;
            const QJsonObject parameters = geminiSchema(t.parameters, t.parameters, 0, stripped);
            // An object without properties is "no arguments", which Gemini wants as no schema at all.
            const bool noArguments = parameters.value(u"properties"_s).toObject().isEmpty() &&
                                     !parameters.contains(u"anyOf"_s) &&
                                     parameters.value(u"type"_s).toString(u"OBJECT"_s) == u"OBJECT"_s;
            if (!noArguments)
                f.insert(u"parameters"_s, parameters);
            if (!stripped.isEmpty())
                drop(u"tools[%1].parameters"_s.arg(ti), strippedReason(stripped));
            if (t.strict.value_or(false))
                drop(u"tools[%1].strict"_s.arg(ti), u"Gemini has no strict schema mode"_s);
            if (!t.cacheControl.isEmpty())
                drop(u"tools.cache_control"_s, noCacheMarkers);
            declarations.append(f);
        }
        o.insert(u"tools"_s, QJsonArray{QJsonObject{{u"functionDeclarations"_s, declarations}}});
    }
    QJsonObject calling;
    switch (request.toolChoice.mode) {
    case ToolChoice::Mode::Unset:
        break;
    case ToolChoice::Mode::Auto:
        calling.insert(u"mode"_s, u"AUTO"_s);
        break;
    case ToolChoice::Mode::None:
        calling.insert(u"mode"_s, u"NONE"_s);
        break;
    case ToolChoice::Mode::Required:
        calling.insert(u"mode"_s, u"ANY"_s);
        break;
    case ToolChoice::Mode::Named:
        calling.insert(u"mode"_s, u"ANY"_s);
        calling.insert(u"allowedFunctionNames"_s, QJsonArray{request.toolChoice.name});
        break;
    }
    if (!calling.isEmpty())
        o.insert(u"toolConfig"_s, QJsonObject{{u"functionCallingConfig"_s, calling}});
    if (!request.toolChoice.parallelAllowed)
        drop(u"parallel_tool_calls"_s, u"Gemini cannot forbid parallel function calls"_s);

    QJsonObject config;
    if (request.maxOutputTokens)
        config.insert(u"maxOutputTokens"_s, *request.maxOutputTokens);
    if (request.temperature)
        config.insert(u"temperature"_s, *request.temperature);
    if (request.topP)
        config.insert(u"topP"_s, *request.topP);
    if (request.topK)
        config.insert(u"topK"_s, *request.topK);
    if (!request.stopSequences.isEmpty())
        config.insert(u"stopSequences"_s, QJsonArray::fromStringList(request.stopSequences));
    if (request.responseFormat && request.responseFormat->kind != ResponseFormat::Kind::Text) {
        const ResponseFormat &f = *request.responseFormat;
        config.insert(u"responseMimeType"_s, u"application/json"_s);
        if (f.kind == ResponseFormat::Kind::JsonSchema && !f.schema.isEmpty()) {
            QSet<QString> stripped;
            config.insert(u"responseSchema"_s, geminiSchema(f.schema, f.schema, 0, stripped));
            if (!stripped.isEmpty())
                drop(u"response_format.schema"_s, strippedReason(stripped));
        }
        if (!f.name.isEmpty() || f.strict)
            drop(u"response_format.json_schema"_s, u"name and strict have no counterpart"_s);
    }

    QJsonObject thinking;
    if (request.thinkingBudget) {
        thinking.insert(u"thinkingBudget"_s, *request.thinkingBudget);
    } else if (request.thinkingAdaptive) {
        if (!options.thinkingLevels)
            thinking.insert(u"thinkingBudget"_s, -1); // the model decides
    } else if (!request.reasoningEffort.isEmpty()) {
        if (!options.thinkingLevels) {
            thinking.insert(u"thinkingBudget"_s, budgetForEffort(request.reasoningEffort));
        } else if (const QString level = levelForEffort(request.reasoningEffort); !level.isEmpty()) {
            thinking.insert(u"thinkingLevel"_s, level);
        } else {
            drop(u"reasoning_effort"_s, u"thinking cannot be switched off on models that take levels"_s);
        }
    }
    if (request.thinkingEnabled && options.includeThoughts)
        thinking.insert(u"includeThoughts"_s, true);
    if (!thinking.isEmpty())
        config.insert(u"thinkingConfig"_s, thinking);
    if (!config.isEmpty())
        o.insert(u"generationConfig"_s, config);

    if (!request.user.isEmpty())
        drop(u"user"_s, u"Gemini has no end-user id"_s);
    if (!request.metadata.isEmpty())
        drop(u"metadata"_s, u"Gemini has no request metadata"_s);
    return compact(o);
}

// ---------------------------------------------------------------------------------------------
// Responses and errors

std::optional<Response> parseResponse(const QByteArray &body, Error *error)
{
    QJsonObject o;
    if (!parseUpstreamObject(body, &o, error, parseError, 0)) // the error's own code gives the status
        return std::nullopt;
    // One answer is one stream chunk that ends the stream: decode it the same way.
    StreamDecoder decoder;
    QList<StreamEvent> events;
    decoder.handleChunk(o, events);
    decoder.completeStream(events);
    return responseFromEvents(events);
}

Error parseError(int status, const QByteArray &body)
{
    Error e;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    // Without alt=sse, stream errors arrive as a JSON array of one error object.
    const QJsonObject o = doc.isArray() ? doc.array().at(0).toObject() : doc.object();
    const QJsonValue ev = o.value(u"error"_s);
    int code = 0;
    if (ev.isObject()) {
        const QJsonObject eo = ev.toObject();
        e.message = eo.value(u"message"_s).toString();
        e.type = eo.value(u"status"_s).toString();
        code = eo.value(u"code"_s).toInt();
        const QJsonArray details = eo.value(u"details"_s).toArray();
        for (const QJsonValue &d : details) {
            const QString reason = d.toObject().value(u"reason"_s).toString();
            if (!reason.isEmpty()) {
                e.code = reason;
                break;
            }
        }
    } else if (ev.isString()) {
        e.message = ev.toString();
    }
    if (e.message.isEmpty())
        e.message = body.trimmed().isEmpty() ? u"upstream error"_s : QString::fromUtf8(body.left(512));
    if (status >= 400 && status < 600)
        e.status = status;
    else if (code >= 400 && code < 600)
        e.status = code;
    else
        e.status = statusForGeminiStatus(e.type);
    if (e.code == u"API_KEY_INVALID"_s)
        e.status = 401; // Gemini says 400; every other format calls a bad key an authentication error
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
    // Gemini has no end marker: a stream that gave its finish reason completes at the end of the body.
    return finishSse(m_sse, m_stream, std::bind_front(&StreamDecoder::handle, this),
                     std::bind_front(&StreamDecoder::completeStream, this));
}

void StreamDecoder::handle(const SseEvent &event, QList<StreamEvent> &out)
{
    if (event.data.isEmpty())
        return;
    if (const std::optional<QJsonObject> chunk = m_stream.chunkObject(event.data, parseError, out))
        handleChunk(*chunk, out);
}

void StreamDecoder::handleChunk(const QJsonObject &chunk, QList<StreamEvent> &out)
{
    if (!m_stream.isStarted()) {
        const QString responseId = chunk.value(u"responseId"_s).toString();
        m_idSeed = responseId.isEmpty() ? randomHex(8) : hashHex(responseId, 8);
        m_stream.start(out, responseId.isEmpty() ? u"msg_"_s + randomHex(24) : responseId,
                       chunk.value(u"modelVersion"_s).toString());
    }
    if (chunk.value(u"usageMetadata"_s).isObject())
        m_usage.merge(usageFromJson(chunk.value(u"usageMetadata"_s).toObject()));

    const QJsonArray candidates = chunk.value(u"candidates"_s).toArray();
    for (const QJsonValue &cv : candidates) {
        const QJsonObject candidate = cv.toObject();
        if (candidate.value(u"index"_s).toInt(0) != 0)
            continue;
        const QJsonArray parts = candidate.value(u"content"_s).toObject().value(u"parts"_s).toArray();
        for (const QJsonValue &pv : parts)
            handlePart(pv.toObject(), out);
        const StopReason stop = stopReasonFromWire(candidate.value(u"finishReason"_s).toString());
        if (stop != StopReason::None) {
            m_stream.setStopReasonSeen();
            m_stop = stop;
            m_stream.closeBlock(out);
        }
    }
    const QString blocked = chunk.value(u"promptFeedback"_s).toObject().value(u"blockReason"_s).toString();
    if (!blocked.isEmpty() && blocked != u"BLOCK_REASON_UNSPECIFIED"_s) {
        m_stream.setStopReasonSeen();
        m_stop = StopReason::Refusal;
        m_stream.closeBlock(out);
    }
}

void StreamDecoder::handlePart(const QJsonObject &part, QList<StreamEvent> &out)
{
    const QString signature = part.value(u"thoughtSignature"_s).toString();
    if (part.value(u"functionCall"_s).isObject()) {
        const QJsonObject call = part.value(u"functionCall"_s).toObject();
        m_stream.wholeToolCall(nextToolCallId(call.value(u"id"_s).toString(), signature),
                               call.value(u"name"_s).toString(), compactJson(call.value(u"args"_s).toObject()), out);
        return;
    }
    if (!part.value(u"text"_s).isString())
        return; // inlineData, executableCode, codeExecutionResult, … have no canonical form
    const QString text = part.value(u"text"_s).toString();
    const QString carried = signature.isEmpty() ? QString() : kSignaturePrefix.toString() + signature;
    if (part.value(u"thought"_s).toBool()) {
        if (!text.isEmpty()) {
            continueThinking(out);
            m_stream.delta(DeltaKind::Thinking, text, out);
        }
        if (!carried.isEmpty()) {
            continueThinking(out);
            m_stream.delta(DeltaKind::Signature, carried, out);
            m_openSigned = true;
        }
        return;
    }
    if (!text.isEmpty())
        m_stream.continueBlock(BlockKind::Text, DeltaKind::Text, text, out);
    if (!carried.isEmpty()) {
        // Text has no signature slot: an empty thinking block right after the text carries it.
        m_stream.openBlock(BlockKind::Thinking, out);
        m_stream.delta(DeltaKind::Signature, carried, out);
        m_stream.closeBlock(out);
    }
}

void StreamDecoder::continueThinking(QList<StreamEvent> &out)
{
    // Thought parts continue the thinking block until a signature closes it.
    if (m_stream.openKind() == BlockKind::Thinking && !m_openSigned)
        return;
    m_stream.openBlock(BlockKind::Thinking, out);
    m_openSigned = false;
}

QString StreamDecoder::nextToolCallId(const QString &upstreamId, const QString &signature)
{
    ++m_callCount;
    // An id ending in "_ts" or holding "_ts_" would make the signature tag ambiguous.
    const bool usable = isIdText(upstreamId) && !upstreamId.contains(kIdSignatureTag) && !upstreamId.endsWith(u"_ts");
    QString id = usable ? kUpstreamIdTag.toString() + upstreamId : u"call_%1_%2"_s.arg(m_idSeed).arg(m_callCount);
    const QString encoded = signatureToIdText(signature);
    if (!encoded.isEmpty())
        id += kIdSignatureTag.toString() + encoded;
    return id;
}

void StreamDecoder::completeStream(QList<StreamEvent> &out)
{
    m_stream.complete(m_stop, m_usage, out);
}

} // namespace llmproxy::gemini

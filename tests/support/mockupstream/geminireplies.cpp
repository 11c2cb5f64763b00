// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstream/geminireplies.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace llmproxy::test::gemini {

using namespace mockwire;

namespace {

// Proto3 JSON parsing accepts the lowerCamelCase and the original snake_case field names.
QJsonValue field(const QJsonObject &object, QLatin1String camel, QLatin1String snake)
{
    const auto it = object.constFind(camel);
    return it != object.constEnd() ? *it : object.value(snake);
}

// The text parts of one Content, thought summaries left out.
QByteArray contentText(const QJsonValue &content)
{
    QByteArray text;
    const QJsonArray parts = content.toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &p : parts) {
        const QJsonObject part = p.toObject();
        const QJsonValue value = part.value(QLatin1String("text"));
        if (value.isString() && !part.value(QLatin1String("thought")).toBool())
            text += value.toString().toUtf8();
    }
    return text;
}

// One GenerateContentResponse with a single candidate holding `text`; a non-empty `finishReason`
// marks the last one, which also carries the usage.
QByteArray responseJson(QByteArrayView text, QByteArrayView finishReason, QByteArrayView usage,
                        const QByteArray &modelVersion, const QByteArray &responseId)
{
    QByteArray out = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":";
    appendJsonString(out, text);
    out += "}],\"role\":\"model\"}";
    if (!finishReason.isEmpty()) {
        out += ",\"finishReason\":\"";
        out += finishReason;
        out += '"';
    }
    out += ",\"index\":0}]";
    if (!usage.isEmpty()) {
        out += ",\"usageMetadata\":";
        out += usage;
    }
    out += ",\"modelVersion\":" + modelVersion + ",\"responseId\":" + responseId + '}';
    return out;
}

QByteArray queryValue(QByteArrayView query, QByteArrayView name)
{
    for (const QByteArray &pair : query.toByteArray().split('&')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = QByteArray::fromPercentEncoding(eq < 0 ? pair : pair.left(eq));
        if (key == name)
            return eq < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(eq + 1));
    }
    return {};
}

} // namespace

QByteArray statusName(int httpStatus)
{
    switch (httpStatus) {
    case 400:
        return QByteArrayLiteral("INVALID_ARGUMENT");
    case 401:
        return QByteArrayLiteral("UNAUTHENTICATED");
    case 403:
        return QByteArrayLiteral("PERMISSION_DENIED");
    case 404:
        return QByteArrayLiteral("NOT_FOUND");
    case 409:
        return QByteArrayLiteral("ABORTED");
    case 429:
        return QByteArrayLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QByteArrayLiteral("CANCELLED");
    case 500:
        return QByteArrayLiteral("INTERNAL");
    case 501:
        return QByteArrayLiteral("UNIMPLEMENTED");
    case 503:
        return QByteArrayLiteral("UNAVAILABLE");
    case 504:
        return QByteArrayLiteral("DEADLINE_EXCEEDED");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QByteArray errorBody(int httpStatus, QByteArrayView message)
{
    QByteArray out = "{\"error\":{\"code\":" + QByteArray::number(httpStatus) + ",\"message\":";
    appendJsonString(out, message);
    out += ",\"status\":\"" + statusName(httpStatus) + "\"}}";
    return out;
}

Reply error(int httpStatus, QByteArrayView message)
{
    Reply reply;
    reply.status = httpStatus;
    reply.contentType = kJsonContentType.toByteArray();
    reply.parts.append(errorBody(httpStatus, message));
    return reply;
}

bool hasApiKey(QByteArrayView query, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    for (const auto &h : headers) {
        if (h.first.compare("x-goog-api-key", Qt::CaseInsensitive) == 0 && !h.second.isEmpty())
            return true;
    }
    return !queryValue(query, "key").isEmpty();
}

bool wantsSse(QByteArrayView query)
{
    return queryValue(query, "alt") == "sse";
}

QString bareModelId(const QString &model)
{
    return model.startsWith(QLatin1String("models/")) ? model.sliced(7) : model;
}

Reply generate(const QJsonObject &request, const QString &model, bool stream, bool sse, const QByteArray &responseId,
               const std::optional<QString> &content)
{
    qint64 promptTokens = countWords(
        contentText(field(request, QLatin1String("systemInstruction"), QLatin1String("system_instruction"))));
    QByteArray lastUser;
    const QJsonArray contents = request.value(QLatin1String("contents")).toArray();
    for (const QJsonValue &c : contents) {
        const QByteArray text = contentText(c);
        promptTokens += countWords(text);
        // The role may be left out of a single-turn request; it then means the user.
        const QString role = c.toObject().value(QLatin1String("role")).toString();
        if (role.isEmpty() || role == QLatin1String("user"))
            lastUser = text;
    }
    QByteArray text = content ? content->toUtf8() : lastUser;
    QList<QByteArray> pieces = splitPieces(text);
    QByteArrayView finishReason = "STOP";
    const QJsonObject config =
        field(request, QLatin1String("generationConfig"), QLatin1String("generation_config")).toObject();
    const qint64 limit =
        field(config, QLatin1String("maxOutputTokens"), QLatin1String("max_output_tokens")).toInteger(0);
    if (limit > 0 && limit < pieces.size()) {
        pieces.resize(limit);
        text = pieces.join();
        finishReason = "MAX_TOKENS";
    }
    const qint64 candidateTokens = pieces.size();
    const QByteArray usage = "{\"promptTokenCount\":" + QByteArray::number(promptTokens) +
                             ",\"candidatesTokenCount\":" + QByteArray::number(candidateTokens) +
                             ",\"totalTokenCount\":" + QByteArray::number(promptTokens + candidateTokens) + '}';
    const QByteArray modelVersion = jsonString(bareModelId(model).toUtf8());
    const QByteArray id = jsonString(responseId);

    Reply reply;
    reply.contentType = kJsonContentType.toByteArray();
    if (!stream) {
        reply.parts.append(responseJson(text, finishReason, usage, modelVersion, id));
        return reply;
    }
    reply.stream = true;
    if (pieces.isEmpty())
        pieces.append(QByteArray()); // the finish reason and usage still need their chunk
    QList<QByteArray> chunks;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const bool last = i + 1 == pieces.size();
        chunks.append(responseJson(pieces.at(i), last ? finishReason : QByteArrayView(),
                                   last ? QByteArrayView(usage) : QByteArrayView(), modelVersion, id));
    }
    if (sse) {
        reply.contentType = QByteArrayLiteral("text/event-stream");
        for (const QByteArray &chunk : std::as_const(chunks))
            reply.parts.append(sseEvent(chunk, kSseSeparator));
        return reply;
    }
    // Without alt=sse the stream is one JSON array delivered element by element.
    for (qsizetype i = 0; i < chunks.size(); ++i)
        reply.parts.append(QByteArray((i == 0 ? QByteArrayLiteral("[") : QByteArrayLiteral(",\r\n")) + chunks.at(i)));
    reply.parts.append(QByteArrayLiteral("]"));
    return reply;
}

QByteArray modelObject(const QString &id)
{
    const QByteArray bare = bareModelId(id).toUtf8();
    QByteArray out = "{\"name\":" + jsonString(QByteArray("models/" + bare)) +
                     ",\"version\":\"001\",\"displayName\":" + jsonString(bare) +
                     ",\"description\":" + jsonString(QByteArray("Mock model " + bare)) +
                     ",\"inputTokenLimit\":1048576,\"outputTokenLimit\":65536,"
                     "\"supportedGenerationMethods\":[\"generateContent\",\"streamGenerateContent\"],"
                     "\"temperature\":1,\"topP\":0.95,\"topK\":64,\"maxTemperature\":2}";
    return out;
}

QByteArray modelList(const QStringList &models)
{
    QByteArray out = "{\"models\":[";
    for (qsizetype i = 0; i < models.size(); ++i) {
        if (i > 0)
            out += ',';
        out += modelObject(models.at(i));
    }
    out += "]}";
    return out;
}

} // namespace llmproxy::test::gemini

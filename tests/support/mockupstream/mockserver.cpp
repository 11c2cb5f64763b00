// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstream/mockserver.h"

#include "tests/support/mockupstream/geminireplies.h"
#include "tests/support/mockupstream/mockwire.h"
#include "tests/support/mockupstream/ollamareplies.h"
#include "tests/support/mockupstream/responsesreplies.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <cstdio>
#include <utility>

namespace llmproxy::test {

using namespace mockwire;

namespace {

constexpr qsizetype kMaxHeadBytes = 1 << 20;
constexpr int kDefaultEmbeddingDimensions = 8;

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool containsToken(QByteArrayView value, QByteArrayView token)
{
    for (QByteArrayView part : QByteArray::fromRawData(value.data(), value.size()).split(',')) {
        if (equalsIgnoreCase(part.trimmed(), token))
            return true;
    }
    return false;
}

QByteArray errorBody(QByteArrayView message, QByteArrayView type, QByteArrayView code = {})
{
    QByteArray out = "{\"error\":{\"message\":";
    appendJsonString(out, message);
    out += ",\"type\":";
    appendJsonString(out, type);
    out += ",\"param\":null,\"code\":";
    if (code.isEmpty())
        out += "null";
    else
        appendJsonString(out, code);
    out += "}}";
    return out;
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString().toUtf8();
    QByteArray text;
    if (content.isArray()) {
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &part : parts) {
            const QJsonObject object = part.toObject();
            if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
                text += object.value(QLatin1String("text")).toString().toUtf8();
        }
    }
    return text;
}

QByteArray usageJson(qint64 prompt, qint64 completion)
{
    return "{\"prompt_tokens\":" + QByteArray::number(prompt) +
           ",\"completion_tokens\":" + QByteArray::number(completion) +
           ",\"total_tokens\":" + QByteArray::number(prompt + completion) + '}';
}

struct Generated
{
    QByteArray model;
    QByteArray text;
    QList<QByteArray> pieces;
    QByteArray finishReason = QByteArrayLiteral("stop");
    qint64 promptTokens = 0;
    bool stream = false;
    bool includeUsage = false;
};

void applyMaxTokens(const QJsonObject &request, Generated &g)
{
    qint64 limit = request.value(QLatin1String("max_completion_tokens")).toInteger(-1);
    if (limit < 0)
        limit = request.value(QLatin1String("max_tokens")).toInteger(-1);
    if (limit >= 0 && limit < g.pieces.size()) {
        g.pieces.resize(limit);
        g.text = g.pieces.join();
        g.finishReason = QByteArrayLiteral("length");
    }
}

Reply chatReply(const QJsonObject &request, const QByteArray &id, const std::optional<QString> &override)
{
    Generated g;
    g.model = request.value(QLatin1String("model")).toString().toUtf8();
    g.stream = request.value(QLatin1String("stream")).toBool();
    g.includeUsage =
        request.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
    const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    QByteArray lastUser;
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        const QByteArray text = contentText(message.value(QLatin1String("content")));
        g.promptTokens += countWords(text);
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user"))
            lastUser = text;
    }
    g.text = override ? override->toUtf8() : lastUser;
    g.pieces = splitPieces(g.text);
    applyMaxTokens(request, g);
    const qint64 completionTokens = g.pieces.size();

    Reply reply;
    QByteArray prefix = "{\"id\":" + jsonString(id) + ",\"object\":\"chat.completion";
    if (!g.stream) {
        QByteArray body = prefix;
        body += "\",\"created\":" + QByteArray::number(kCreated) + ",\"model\":" + jsonString(g.model) +
                ",\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                "\"content\":";
        appendJsonString(body, g.text);
        body += ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"" + g.finishReason +
                "\"}],\"usage\":" + usageJson(g.promptTokens, completionTokens) + '}';
        reply.parts.append(body);
        return reply;
    }
    reply.stream = true;
    reply.contentType = QByteArrayLiteral("text/event-stream");
    prefix += ".chunk\",\"created\":" + QByteArray::number(kCreated) + ",\"model\":" + jsonString(g.model) +
              ",\"system_fingerprint\":\"fp_mock\",\"choices\":";
    const QByteArray suffix = g.includeUsage ? QByteArrayLiteral(",\"usage\":null}") : QByteArrayLiteral("}");
    reply.parts.append(sseEvent(prefix +
                                "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,"
                                "\"finish_reason\":null}]" +
                                suffix));
    for (const QByteArray &piece : std::as_const(g.pieces)) {
        QByteArray event = prefix + "[{\"index\":0,\"delta\":{\"content\":";
        appendJsonString(event, piece);
        event += "},\"logprobs\":null,\"finish_reason\":null}]" + suffix;
        reply.parts.append(sseEvent(event));
    }
    reply.parts.append(sseEvent(prefix + "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"" +
                                g.finishReason + "\"}]" + suffix));
    if (g.includeUsage)
        reply.parts.append(sseEvent(prefix + "[],\"usage\":" + usageJson(g.promptTokens, completionTokens) + '}'));
    reply.parts.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return reply;
}

/// Anthropic Messages (POST /v1/messages): the reply echoes the last user text, like chatReply.
Reply messagesReply(const QJsonObject &request, const QByteArray &id, const std::optional<QString> &override)
{
    const QByteArray model = request.value(QLatin1String("model")).toString().toUtf8();
    qint64 inputTokens = countWords(contentText(request.value(QLatin1String("system"))));
    QByteArray lastUser;
    for (const QJsonValue &m : request.value(QLatin1String("messages")).toArray()) {
        const QJsonObject message = m.toObject();
        const QByteArray text = contentText(message.value(QLatin1String("content")));
        inputTokens += countWords(text);
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user"))
            lastUser = text;
    }
    const QByteArray text = override ? override->toUtf8() : lastUser;
    const QList<QByteArray> pieces = splitPieces(text);
    const QByteArray usage = "{\"input_tokens\":" + QByteArray::number(inputTokens) +
                             ",\"output_tokens\":" + QByteArray::number(pieces.size()) + '}';
    Reply reply;
    if (!request.value(QLatin1String("stream")).toBool()) {
        QByteArray body = "{\"id\":" + jsonString(id) +
                          ",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + jsonString(model) +
                          ",\"content\":[{\"type\":\"text\",\"text\":";
        appendJsonString(body, text);
        body += "}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":" + usage + '}';
        reply.parts.append(body);
        return reply;
    }
    reply.stream = true;
    reply.contentType = QByteArrayLiteral("text/event-stream");
    const auto named = [](const char *name, const QByteArray &json) -> QByteArray {
        return "event: " + QByteArray(name) + "\ndata: " + json + "\n\n";
    };
    reply.parts.append(
        named("message_start",
              "{\"type\":\"message_start\",\"message\":{\"id\":" + jsonString(id) +
                  ",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + jsonString(model) +
                  ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" +
                  QByteArray::number(inputTokens) + ",\"output_tokens\":1}}}"));
    reply.parts.append(
        named("content_block_start",
              "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
    reply.parts.append(named("ping", "{\"type\":\"ping\"}"));
    for (const QByteArray &piece : pieces) {
        QByteArray event = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":";
        appendJsonString(event, piece);
        event += "}}";
        reply.parts.append(named("content_block_delta", event));
    }
    reply.parts.append(named("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
    reply.parts.append(named("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                                              "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" +
                                                  QByteArray::number(pieces.size()) + "}}"));
    reply.parts.append(named("message_stop", "{\"type\":\"message_stop\"}"));
    return reply;
}

Reply completionReply(const QJsonObject &request, const QByteArray &id, const std::optional<QString> &override)
{
    Generated g;
    g.model = request.value(QLatin1String("model")).toString().toUtf8();
    g.stream = request.value(QLatin1String("stream")).toBool();
    g.includeUsage =
        request.value(QLatin1String("stream_options")).toObject().value(QLatin1String("include_usage")).toBool();
    const QJsonValue prompt = request.value(QLatin1String("prompt"));
    QByteArray promptText;
    if (prompt.isString()) {
        promptText = prompt.toString().toUtf8();
    } else if (prompt.isArray()) {
        const QJsonArray items = prompt.toArray();
        for (const QJsonValue &item : items) {
            if (item.isString())
                promptText += item.toString().toUtf8();
            else
                ++g.promptTokens; // token ids count one each
        }
    }
    g.promptTokens += countWords(promptText);
    if (override) {
        g.text = override->toUtf8();
    } else {
        g.text = promptText;
        const QJsonValue suffix = request.value(QLatin1String("suffix"));
        if (suffix.isString())
            g.text += suffix.toString().toUtf8();
    }
    g.pieces = splitPieces(g.text);
    applyMaxTokens(request, g);
    const qint64 completionTokens = g.pieces.size();

    Reply reply;
    const QByteArray prefix = "{\"id\":" + jsonString(id) +
                              ",\"object\":\"text_completion\",\"created\":" + QByteArray::number(kCreated) +
                              ",\"model\":" + jsonString(g.model) + ",\"system_fingerprint\":\"fp_mock\",\"choices\":";
    if (!g.stream) {
        QByteArray body = prefix + "[{\"text\":";
        appendJsonString(body, g.text);
        body += ",\"index\":0,\"logprobs\":null,\"finish_reason\":\"" + g.finishReason +
                "\"}],\"usage\":" + usageJson(g.promptTokens, completionTokens) + '}';
        reply.parts.append(body);
        return reply;
    }
    reply.stream = true;
    reply.contentType = QByteArrayLiteral("text/event-stream");
    const QByteArray suffix = g.includeUsage ? QByteArrayLiteral(",\"usage\":null}") : QByteArrayLiteral("}");
    for (const QByteArray &piece : std::as_const(g.pieces)) {
        QByteArray event = prefix + "[{\"text\":";
        appendJsonString(event, piece);
        event += ",\"index\":0,\"logprobs\":null,\"finish_reason\":null}]" + suffix;
        reply.parts.append(sseEvent(event));
    }
    reply.parts.append(sseEvent(prefix + "[{\"text\":\"\",\"index\":0,\"logprobs\":null,\"finish_reason\":\"" +
                                g.finishReason + "\"}]" + suffix));
    if (g.includeUsage)
        reply.parts.append(sseEvent(prefix + "[],\"usage\":" + usageJson(g.promptTokens, completionTokens) + '}'));
    reply.parts.append(QByteArrayLiteral("data: [DONE]\n\n"));
    return reply;
}

QByteArray embeddingVector(QByteArrayView input, int dimensions, bool base64)
{
    QByteArray out;
    QByteArray packed;
    if (base64)
        packed.resize(qsizetype(dimensions) * 4);
    else
        out.reserve(dimensions * 8 + 2);
    if (!base64)
        out += '[';
    const quint64 seed = fnv1a(input);
    for (int k = 0; k < dimensions; ++k) {
        const quint64 h = fnv1a(QByteArrayView(reinterpret_cast<const char *>(&k), sizeof k), seed);
        // Values are multiples of 1/10000 in [-1, 1] so the JSON text is short and exact.
        const int scaled = int(h % 20001) - 10000;
        if (base64) {
            qToLittleEndian<float>(float(scaled) / 10000.0f, packed.data() + qsizetype(k) * 4);
        } else {
            if (k > 0)
                out += ',';
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.4f", double(scaled) / 10000.0);
            out += buf;
        }
    }
    if (base64)
        return '"' + packed.toBase64() + '"';
    out += ']';
    return out;
}

Reply embeddingsReply(const QJsonObject &request)
{
    const QByteArray model = request.value(QLatin1String("model")).toString().toUtf8();
    int dimensions = request.value(QLatin1String("dimensions")).toInt(kDefaultEmbeddingDimensions);
    if (dimensions <= 0 || dimensions > 65536)
        dimensions = kDefaultEmbeddingDimensions;
    const bool base64 = request.value(QLatin1String("encoding_format")).toString() == QLatin1String("base64");

    // Each input is identified by its text (or by the compact JSON of a token array).
    QList<QByteArray> inputs;
    qint64 tokens = 0;
    const QJsonValue input = request.value(QLatin1String("input"));
    if (input.isString()) {
        inputs.append(input.toString().toUtf8());
        tokens += countWords(inputs.last());
    } else if (input.isArray()) {
        const QJsonArray items = input.toArray();
        const bool tokenArray = !items.isEmpty() && items.first().isDouble();
        if (tokenArray) {
            inputs.append(compactJson(items));
            tokens += items.size();
        } else {
            for (const QJsonValue &item : items) {
                if (item.isString()) {
                    inputs.append(item.toString().toUtf8());
                    tokens += countWords(inputs.last());
                } else {
                    inputs.append(compactJson(item));
                    tokens += item.toArray().size();
                }
            }
        }
    }
    QByteArray body = "{\"object\":\"list\",\"data\":[";
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        if (i > 0)
            body += ',';
        body += "{\"object\":\"embedding\",\"index\":" + QByteArray::number(i) +
                ",\"embedding\":" + embeddingVector(inputs.at(i), dimensions, base64) + '}';
    }
    body += "],\"model\":" + jsonString(model) + ",\"usage\":{\"prompt_tokens\":" + QByteArray::number(tokens) +
            ",\"total_tokens\":" + QByteArray::number(tokens) + "}}";
    Reply reply;
    reply.parts.append(body);
    return reply;
}

QByteArray chunkFrame(const QByteArray &payload)
{
    return QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n";
}

// Turns a reply into timed wire writes according to a behaviour.
class PlanBuilder
{
public:
    explicit PlanBuilder(const MockBehaviour &b) : m_split(b.splitBytes), m_splitDelay(b.splitDelayMs) {}

    void write(int delayMs, const QByteArray &bytes)
    {
        if (m_split <= 0 || bytes.size() <= m_split) {
            m_plan.steps.push_back({delayMs, ResponsePlan::Kind::Write, bytes, false});
            return;
        }
        for (qsizetype offset = 0; offset < bytes.size(); offset += m_split) {
            m_plan.steps.push_back(
                {offset == 0 ? delayMs : m_splitDelay, ResponsePlan::Kind::Write, bytes.mid(offset, m_split), false});
        }
    }
    void add(int delayMs, ResponsePlan::Kind kind, bool close = false)
    {
        m_plan.steps.push_back({delayMs, kind, {}, close});
    }
    ResponsePlan take() { return std::move(m_plan); }

private:
    int m_split;
    int m_splitDelay;
    ResponsePlan m_plan;
};

// What Google answers when a request carries no API key.
constexpr QByteArrayView kGeminiNoKeyMessage =
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or "
    "other form of API consumer identity to call this API.";

bool isGemini(InferenceRoute route)
{
    return route == InferenceRoute::GeminiGenerate || route == InferenceRoute::GeminiStream;
}

/// A Gemini path taken apart: `/v1beta/models/{model}:{action}`; an empty model is the list.
struct GeminiTarget
{
    QByteArray version;
    QString model;
    QByteArray action;
};

std::optional<GeminiTarget> geminiTarget(QByteArrayView path)
{
    GeminiTarget target;
    target.version = QByteArrayLiteral("v1beta");
    if (path.startsWith("/v1beta/")) {
        path = path.sliced(7);
    } else if (path.startsWith("/v1/")) {
        target.version = QByteArrayLiteral("v1");
        path = path.sliced(3);
    }
    if (path == "/models")
        return target;
    if (!path.startsWith("/models/"))
        return std::nullopt;
    const QByteArray tail = QByteArray::fromPercentEncoding(path.sliced(8).toByteArray());
    const qsizetype colon = tail.lastIndexOf(':');
    const QByteArray model = colon < 0 ? tail : tail.left(colon);
    if (model.isEmpty() || model.contains('/'))
        return std::nullopt;
    target.model = QString::fromUtf8(model);
    if (colon >= 0)
        target.action = tail.mid(colon + 1);
    return target;
}

bool hasGeminiModel(const QStringList &models, const QString &model)
{
    const QString wanted = gemini::bareModelId(model);
    for (const QString &m : models) {
        if (gemini::bareModelId(m) == wanted)
            return true;
    }
    return false;
}

/// The JSON object of an Ollama request body, or in `problem` the 400 Ollama gives for a missing or broken body.
QJsonObject ollamaRequest(const QByteArray &body, std::optional<Reply> *problem)
{
    if (body.trimmed().isEmpty()) {
        *problem = ollama::error(400, "missing request body");
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *problem = ollama::error(400, parseError.error != QJsonParseError::NoError
                                          ? QByteArray("invalid JSON: " + parseError.errorString().toUtf8())
                                          : QByteArrayLiteral("request body must be a JSON object"));
        return {};
    }
    return document.object();
}

// Anthropic's documented status-to-type table.
QByteArrayView anthropicErrorType(int status)
{
    switch (status) {
    case 401:
        return "authentication_error";
    case 402:
        return "billing_error";
    case 403:
        return "permission_error";
    case 404:
        return "not_found_error";
    case 409:
        return "conflict_error";
    case 413:
        return "request_too_large";
    case 429:
        return "rate_limit_error";
    case 504:
        return "timeout_error";
    case 529:
        return "overloaded_error";
    default:
        return status >= 500 ? "api_error" : "invalid_request_error";
    }
}

/// An error reply in the shape of the route that was hit.
Reply errorReply(InferenceRoute route, int status, QByteArrayView message)
{
    switch (route) {
    case InferenceRoute::GeminiGenerate:
    case InferenceRoute::GeminiStream:
        return gemini::error(status, message);
    case InferenceRoute::OllamaChat:
        return ollama::error(status, message);
    case InferenceRoute::AnthropicMessages: {
        Reply r;
        r.status = status;
        QByteArray body = "{\"type\":\"error\",\"error\":{\"type\":\"";
        body += anthropicErrorType(status);
        body += "\",\"message\":";
        appendJsonString(body, message);
        body += "}}";
        r.parts.append(body);
        return r;
    }
    case InferenceRoute::OpenAiChat:
    case InferenceRoute::OpenAiCompletions:
    case InferenceRoute::OpenAiEmbeddings:
    case InferenceRoute::OpenAiResponses:
        break;
    }
    Reply r;
    r.status = status;
    r.parts.append(errorBody(message, status >= 500 ? "server_error" : "invalid_request_error"));
    return r;
}

/// The unscripted (or `content`-scripted) reply of an inference route, including the provider's own
/// rejections: Gemini without a key, bodies that are not JSON, unknown Gemini and Ollama models.
Reply generatedReply(InferenceRoute route, const CapturedRequest &request, const QStringList &models,
                     const std::optional<QString> &content)
{
    // Ids derive from the request bytes, so the same request always gets the same reply.
    const QByteArray digest = hex64(fnv1a(request.body));
    if (isGemini(route)) {
        // Google checks the caller before it reads the body.
        if (!gemini::hasApiKey(request.query, request.headers))
            return gemini::error(403, kGeminiNoKeyMessage);
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            return gemini::error(
                400, QByteArray("Invalid JSON payload received. " + (parseError.error != QJsonParseError::NoError
                                                                         ? parseError.errorString().toUtf8()
                                                                         : QByteArrayLiteral("Expected an object."))));
        const GeminiTarget target = *geminiTarget(request.path);
        if (!hasGeminiModel(models, target.model))
            return gemini::error(404, QByteArray("models/" + target.model.toUtf8() + " is not found for API version " +
                                                 target.version + ", or is not supported for " + target.action +
                                                 ". Call ListModels to see the list of available models and their "
                                                 "supported methods."));
        return gemini::generate(document.object(), target.model, route == InferenceRoute::GeminiStream,
                                gemini::wantsSse(request.query), "mock" + digest, content);
    }
    if (route == InferenceRoute::OllamaChat) {
        std::optional<Reply> problem;
        const QJsonObject object = ollamaRequest(request.body, &problem);
        if (problem)
            return *problem;
        const QString model = object.value(QLatin1String("model")).toString();
        if (model.isEmpty())
            return ollama::error(400, "model is required");
        if (!ollama::hasModel(models, model))
            return ollama::error(404, QByteArray("model \"" + model.toUtf8() + "\" not found, try pulling it first"));
        return ollama::chat(object, content);
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return errorReply(route, 400, "We could not parse the JSON body of your request.");
    const QJsonObject object = document.object();
    switch (route) {
    case InferenceRoute::OpenAiChat:
        return chatReply(object, "chatcmpl-mock" + digest, content);
    case InferenceRoute::OpenAiCompletions:
        return completionReply(object, "cmpl-mock" + digest, content);
    case InferenceRoute::AnthropicMessages:
        return messagesReply(object, "msg_mock" + digest, content);
    case InferenceRoute::OpenAiResponses:
        return responses::create(object, digest, content);
    default:
        return embeddingsReply(object);
    }
}

/// An `events` entry: {"event": name, "data": payload} (exactly these two members, the name a string)
/// is a named event; anything else is a bare data payload.
ScriptedEvent scriptedEvent(const QJsonValue &item)
{
    const auto payload = [](const QJsonValue &v) { return v.isString() ? v.toString().toUtf8() : compactJson(v); };
    const QJsonObject object = item.toObject();
    if (object.size() == 2 && object.value(QLatin1String("event")).isString() && object.contains(QLatin1String("data")))
        return {object.value(QLatin1String("event")).toString().toUtf8(), payload(object.value(QLatin1String("data")))};
    return {std::nullopt, payload(item)};
}

} // namespace

std::optional<MockBehaviour> MockBehaviour::fromJson(const QJsonObject &object, QString *error)
{
    MockBehaviour b;
    auto intField = [&](const QJsonValue &v, const QString &key, qint64 *out) {
        if (!v.isDouble() || v.toDouble() < 0) {
            *error = QStringLiteral("field '%1' must be a non-negative number").arg(key);
            return false;
        }
        *out = v.toInteger(qint64(v.toDouble()));
        return true;
    };
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        qint64 n = 0;
        if (key == QLatin1String("status")) {
            if (!intField(v, key, &n) || n < 100 || n > 999) {
                *error = QStringLiteral("field 'status' must be an HTTP status code");
                return std::nullopt;
            }
            b.status = int(n);
        } else if (key == QLatin1String("body")) {
            if (!v.isString()) {
                *error = QStringLiteral("field 'body' must be a string");
                return std::nullopt;
            }
            b.body = v.toString().toUtf8();
        } else if (key == QLatin1String("content")) {
            if (!v.isString()) {
                *error = QStringLiteral("field 'content' must be a string");
                return std::nullopt;
            }
            b.content = v.toString();
        } else if (key == QLatin1String("delay_ms")) {
            if (!intField(v, key, &n))
                return std::nullopt;
            b.delayMs = int(n);
        } else if (key == QLatin1String("chunk_delay_ms")) {
            if (!intField(v, key, &n))
                return std::nullopt;
            b.chunkDelayMs = int(n);
        } else if (key == QLatin1String("split_bytes")) {
            if (!intField(v, key, &n))
                return std::nullopt;
            b.splitBytes = int(n);
        } else if (key == QLatin1String("split_delay_ms")) {
            if (!intField(v, key, &n))
                return std::nullopt;
            b.splitDelayMs = int(n);
        } else if (key == QLatin1String("disconnect_after_bytes")) {
            if (!intField(v, key, &n))
                return std::nullopt;
            b.disconnectAfterBytes = n;
        } else if (key == QLatin1String("stall")) {
            b.stall = v.toBool();
        } else if (key == QLatin1String("no_response")) {
            b.noResponse = v.toBool();
        } else if (key == QLatin1String("chunked")) {
            if (!v.isBool()) {
                *error = QStringLiteral("field 'chunked' must be a boolean");
                return std::nullopt;
            }
            b.chunked = v.toBool() ? 1 : 0;
        } else if (key == QLatin1String("events")) {
            if (!v.isArray()) {
                *error = QStringLiteral("field 'events' must be an array");
                return std::nullopt;
            }
            QList<ScriptedEvent> events;
            const QJsonArray items = v.toArray();
            for (const QJsonValue &item : items)
                events.append(scriptedEvent(item));
            b.events = events;
        } else if (key == QLatin1String("lines")) {
            if (!v.isArray()) {
                *error = QStringLiteral("field 'lines' must be an array");
                return std::nullopt;
            }
            QList<QByteArray> lines;
            const QJsonArray items = v.toArray();
            for (const QJsonValue &item : items)
                lines.append(item.isString() ? item.toString().toUtf8() : compactJson(item));
            b.lines = lines;
        } else if (key == QLatin1String("headers")) {
            if (!v.isObject()) {
                *error = QStringLiteral("field 'headers' must be an object");
                return std::nullopt;
            }
            const QJsonObject headers = v.toObject();
            for (auto h = headers.begin(); h != headers.end(); ++h) {
                const QByteArray name = h.key().toUtf8();
                if (h.value().isArray()) {
                    const QJsonArray values = h.value().toArray();
                    for (const QJsonValue &value : values)
                        b.headers.append({name, value.toVariant().toString().toUtf8()});
                } else {
                    b.headers.append({name, h.value().toVariant().toString().toUtf8()});
                }
            }
        } else {
            *error = QStringLiteral("unknown field '%1'").arg(key);
            return std::nullopt;
        }
    }
    if (b.events && b.lines) {
        *error = QStringLiteral("fields 'events' and 'lines' cannot be combined");
        return std::nullopt;
    }
    return b;
}

// ---------------------------------------------------------------------------------------------------------------------

MockConnection::MockConnection(QTcpSocket *socket, MockServer *server)
    : QObject(server), m_socket(socket), m_server(server)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &MockConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &MockConnection::onDisconnected);
    m_server->connectionOpened();
}

void MockConnection::onReadyRead()
{
    m_in.append(m_socket->readAll());
    processBuffer();
}

void MockConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_server->connectionClosed(m_busy && !m_closingByUs);
    deleteLater();
}

void MockConnection::processBuffer()
{
    if (m_inProcess)
        return;
    m_inProcess = true;
    while (!m_busy && !m_gone && !m_closingByUs) {
        if (m_parseState == ParseState::Head && !parseHead())
            break;
        if (m_closingByUs || !readBody())
            break;
        m_busy = true;
        CapturedRequest request = std::exchange(m_request, {});
        m_server->dispatch(this, std::move(request), m_wantsClose);
    }
    m_inProcess = false;
}

bool MockConnection::parseHead()
{
    // Tolerate empty lines before a request line (RFC 9112 §2.2).
    qsizetype skip = 0;
    while (skip + 1 < m_in.size() && m_in.at(skip) == '\r' && m_in.at(skip + 1) == '\n')
        skip += 2;
    if (skip > 0)
        m_in.remove(0, skip);

    const qsizetype end = m_in.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_in.size() > kMaxHeadBytes)
            failAndClose(431, "request header block too large");
        return false;
    }
    const QByteArrayView head(m_in.constData(), end);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView requestLine = head.first(lineEnd);
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = requestLine.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1) {
        failAndClose(400, "malformed request line");
        return false;
    }
    m_request.method = requestLine.first(sp1).toByteArray();
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    m_request.version = requestLine.sliced(sp2 + 1).toByteArray();
    const qsizetype q = target.indexOf('?');
    m_request.path = (q < 0 ? target : target.first(q)).toByteArray();
    m_request.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();
    if (!m_request.version.startsWith("HTTP/1.")) {
        failAndClose(400, "unsupported HTTP version");
        return false;
    }

    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool keepAlive = m_request.version == "HTTP/1.1";
    qsizetype pos = lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0)
            next = head.size();
        const QByteArrayView line = head.sliced(pos, next - pos);
        pos = next + 2;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failAndClose(400, "malformed header line");
            return false;
        }
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (equalsIgnoreCase(name, "content-length")) {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                failAndClose(400, "invalid Content-Length");
                return false;
            }
        } else if (equalsIgnoreCase(name, "transfer-encoding")) {
            chunked = containsToken(value, "chunked");
        } else if (equalsIgnoreCase(name, "connection")) {
            if (containsToken(value, "close"))
                keepAlive = false;
            else if (containsToken(value, "keep-alive"))
                keepAlive = true;
        } else if (equalsIgnoreCase(name, "expect")) {
            expectContinue = equalsIgnoreCase(value, "100-continue");
        }
        m_request.headers.append({name.toByteArray(), value.toByteArray()});
    }
    m_wantsClose = !keepAlive;
    m_in.remove(0, end + 4);

    if (chunked) {
        m_parseState = ParseState::ChunkSize;
    } else {
        m_parseState = ParseState::FixedBody;
        m_bodyRemaining = contentLength;
    }
    const bool bodyPending = chunked ? m_in.isEmpty() : m_in.size() < contentLength;
    if (expectContinue && bodyPending) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_socket->flush();
    }
    return true;
}

bool MockConnection::readBody()
{
    for (;;) {
        switch (m_parseState) {
        case ParseState::Head:
            return true;
        case ParseState::FixedBody:
            if (m_in.size() < m_bodyRemaining)
                return false;
            if (m_request.body.isEmpty()) {
                m_request.body = m_in.left(m_bodyRemaining);
            } else {
                m_request.body.append(m_in.constData(), m_bodyRemaining);
            }
            m_in.remove(0, m_bodyRemaining);
            m_bodyRemaining = 0;
            m_parseState = ParseState::Head;
            return true;
        case ParseState::ChunkSize: {
            const qsizetype eol = m_in.indexOf("\r\n");
            if (eol < 0)
                return false;
            QByteArrayView sizeText(m_in.constData(), eol);
            const qsizetype semicolon = sizeText.indexOf(';');
            if (semicolon >= 0)
                sizeText = sizeText.first(semicolon);
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                failAndClose(400, "invalid chunk size");
                return false;
            }
            m_in.remove(0, eol + 2);
            m_bodyRemaining = size;
            m_parseState = size == 0 ? ParseState::ChunkTrailer : ParseState::ChunkData;
            break;
        }
        case ParseState::ChunkData:
            if (m_in.size() < m_bodyRemaining + 2)
                return false;
            m_request.body.append(m_in.constData(), m_bodyRemaining);
            m_in.remove(0, m_bodyRemaining + 2);
            m_parseState = ParseState::ChunkSize;
            break;
        case ParseState::ChunkTrailer: {
            const qsizetype eol = m_in.indexOf("\r\n");
            if (eol < 0)
                return false;
            m_in.remove(0, eol + 2);
            if (eol == 0) {
                m_parseState = ParseState::Head;
                return true;
            }
            break;
        }
        }
    }
}

void MockConnection::failAndClose(int status, const char *message)
{
    const QByteArray body = errorBody(message, "invalid_request_error");
    QByteArray wire = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                      "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body;
    m_socket->write(wire);
    m_closingByUs = true;
    m_socket->disconnectFromHost();
}

void MockConnection::sendWhole(const QByteArray &wire, bool close)
{
    m_socket->write(wire);
    m_socket->flush();
    finishExchange(close);
}

void MockConnection::sendPlan(ResponsePlan plan)
{
    m_plan = std::move(plan);
    m_step = 0;
    m_stepDelayDone = false;
    pump();
}

void MockConnection::holdForever()
{
    // m_busy stays set: pipelined requests behind this one are never answered, as with a hung upstream.
}

void MockConnection::pump()
{
    while (!m_gone && m_step < m_plan.steps.size()) {
        const ResponsePlan::Step &step = m_plan.steps[m_step];
        if (step.delayMs > 0 && !m_stepDelayDone) {
            m_stepDelayDone = true;
            QTimer::singleShot(step.delayMs, Qt::PreciseTimer, this, &MockConnection::pump);
            return;
        }
        m_stepDelayDone = false;
        ++m_step;
        switch (step.kind) {
        case ResponsePlan::Kind::Write:
            m_socket->write(step.bytes);
            m_socket->flush();
            break;
        case ResponsePlan::Kind::Close:
            m_closingByUs = true;
            m_socket->disconnectFromHost();
            return;
        case ResponsePlan::Kind::Stall:
            return;
        case ResponsePlan::Kind::Finish: {
            const bool close = step.close;
            m_plan.steps.clear();
            m_step = 0;
            finishExchange(close);
            return;
        }
        }
    }
}

void MockConnection::finishExchange(bool close)
{
    m_busy = false;
    if (close) {
        m_closingByUs = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_inProcess && !m_in.isEmpty())
        processBuffer();
}

// ---------------------------------------------------------------------------------------------------------------------

MockServer::MockServer(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    connect(&m_server, &QTcpServer::newConnection, this, &MockServer::onNewConnection);
}

bool MockServer::listen(const QHostAddress &address, quint16 port)
{
    m_server.setListenBacklogSize(1024);
    return m_server.listen(address, port);
}

quint16 MockServer::port() const
{
    return m_server.serverPort();
}

QString MockServer::errorString() const
{
    return m_server.errorString();
}

void MockServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection())
        new MockConnection(socket, this);
}

void MockServer::connectionOpened()
{
    ++m_connectionsOpen;
    ++m_connectionsTotal;
}

void MockServer::connectionClosed(bool abortedByPeer)
{
    --m_connectionsOpen;
    if (abortedByPeer) {
        ++m_clientAborted;
        if (m_options.verbose)
            qInfo("mock: client closed the connection before the response completed");
    }
}

QByteArray MockServer::renderHead(int status, const QByteArray &contentType, qint64 contentLength, bool chunked,
                                  bool close, const RawHeaders &extra) const
{
    QByteArray head;
    head.reserve(160);
    head += "HTTP/1.1 ";
    head += QByteArray::number(status);
    head += ' ';
    head += reasonPhrase(status);
    head += "\r\n";
    bool haveContentType = false;
    for (const auto &h : extra)
        haveContentType = haveContentType || equalsIgnoreCase(h.first, "content-type");
    if (!haveContentType) {
        head += "Content-Type: ";
        head += contentType;
        head += "\r\n";
    }
    if (contentType.startsWith("text/event-stream"))
        head += "Cache-Control: no-cache\r\n";
    if (chunked)
        head += "Transfer-Encoding: chunked\r\n";
    else if (contentLength >= 0)
        head += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    for (const auto &h : extra)
        head += h.first + ": " + h.second + "\r\n";
    head += "\r\n";
    return head;
}

void MockServer::reply(MockConnection *connection, int status, const QByteArray &body, bool close,
                       const QByteArray &contentType)
{
    connection->sendWhole(renderHead(status, contentType, body.size(), false, close, {}) + body, close);
}

void MockServer::dispatch(MockConnection *connection, CapturedRequest &&request, bool close)
{
    if (request.path.startsWith("/__mock/")) {
        handleControl(connection, request, close);
        return;
    }
    ++m_requests;
    if (m_options.verbose)
        qInfo("mock: %s %s (%lld body bytes)", request.method.constData(), request.path.constData(),
              static_cast<long long>(request.body.size()));

    // Accept both "<base>/v1/x" and "<base>/x" so endpoints configured with or without /v1 work.
    QByteArrayView route = request.path;
    if (route.startsWith("/v1/"))
        route = route.sliced(3);
    const bool post = request.method == "POST";

    if (post && route == "/chat/completions")
        handleInference(connection, request, InferenceRoute::OpenAiChat, close);
    else if (post && route == "/completions")
        handleInference(connection, request, InferenceRoute::OpenAiCompletions, close);
    else if (post && route == "/embeddings")
        handleInference(connection, request, InferenceRoute::OpenAiEmbeddings, close);
    else if (post && route == "/responses")
        handleInference(connection, request, InferenceRoute::OpenAiResponses, close);
    else if (post && route == "/messages")
        handleInference(connection, request, InferenceRoute::AnthropicMessages, close);
    else if (request.method == "GET" && (route == "/models" || route.startsWith("/models/")))
        handleModels(connection, request, close);
    else if (request.path.startsWith("/api/"))
        handleOllama(connection, request, close);
    else if (request.path.startsWith("/v1beta/") || (route.startsWith("/models/") && route.indexOf(':') >= 0))
        handleGemini(connection, request, close);
    else
        reply(connection, 404,
              errorBody(QByteArray("Unknown route " + request.method + ' ' + request.path), "invalid_request_error",
                        "unknown_url"),
              close);

    if (m_options.captureLimit > 0) {
        m_captures.push_back(std::move(request));
        while (qsizetype(m_captures.size()) > m_options.captureLimit)
            m_captures.pop_front();
    }
}

void MockServer::handleModels(MockConnection *connection, const CapturedRequest &request, bool close)
{
    auto modelObject = [](const QString &id) {
        QByteArray out = "{\"id\":";
        appendJsonString(out, id.toUtf8());
        out += ",\"object\":\"model\",\"created\":" + QByteArray::number(kCreated) + ",\"owned_by\":\"mock\"}";
        return out;
    };
    QByteArrayView route = request.path;
    if (route.startsWith("/v1/"))
        route = route.sliced(3);
    if (route.startsWith("/models/")) {
        const QString id = QString::fromUtf8(QByteArray::fromPercentEncoding(route.sliced(8).toByteArray()));
        if (!m_options.models.contains(id)) {
            reply(connection, 404,
                  errorBody(QByteArray("The model '" + id.toUtf8() + "' does not exist"), "invalid_request_error",
                            "model_not_found"),
                  close);
            return;
        }
        reply(connection, 200, modelObject(id), close);
        return;
    }
    QByteArray body = "{\"object\":\"list\",\"data\":[";
    for (qsizetype i = 0; i < m_options.models.size(); ++i) {
        if (i > 0)
            body += ',';
        body += modelObject(m_options.models.at(i));
    }
    body += "]}";
    reply(connection, 200, body, close);
}

void MockServer::handleGemini(MockConnection *connection, const CapturedRequest &request, bool close)
{
    const QByteArray contentType = gemini::kJsonContentType.toByteArray();
    const std::optional<GeminiTarget> target = geminiTarget(request.path);
    if (request.method == "POST" && target && !target->action.isEmpty()) {
        if (target->action == "generateContent")
            handleInference(connection, request, InferenceRoute::GeminiGenerate, close);
        else if (target->action == "streamGenerateContent")
            handleInference(connection, request, InferenceRoute::GeminiStream, close);
        else
            reply(connection, 404, gemini::errorBody(404, "Method not found."), close, contentType);
        return;
    }
    if (request.method != "GET" || !target || !target->action.isEmpty()) {
        reply(connection, 404, gemini::errorBody(404, "Method not found."), close, contentType);
        return;
    }
    if (!gemini::hasApiKey(request.query, request.headers)) {
        reply(connection, 403, gemini::errorBody(403, kGeminiNoKeyMessage), close, contentType);
        return;
    }
    if (target->model.isEmpty()) {
        reply(connection, 200, gemini::modelList(m_options.models), close, contentType);
        return;
    }
    if (!hasGeminiModel(m_options.models, target->model)) {
        reply(connection, 404,
              gemini::errorBody(404, QByteArray("models/" + target->model.toUtf8() + " is not found for API version " +
                                                target->version + '.')),
              close, contentType);
        return;
    }
    reply(connection, 200, gemini::modelObject(target->model), close, contentType);
}

void MockServer::handleOllama(MockConnection *connection, const CapturedRequest &request, bool close)
{
    const QByteArray contentType = ollama::kJsonContentType.toByteArray();
    const QByteArray &path = request.path;
    if (path == "/api/chat" && request.method == "POST") {
        handleInference(connection, request, InferenceRoute::OllamaChat, close);
    } else if (path == "/api/tags" && request.method == "GET") {
        reply(connection, 200, ollama::tags(m_options.models), close, contentType);
    } else if (path == "/api/version" && request.method == "GET") {
        reply(connection, 200, ollama::version(), close, contentType);
    } else if (path == "/api/show" && request.method == "POST") {
        std::optional<Reply> problem;
        const QJsonObject object = ollamaRequest(request.body, &problem);
        if (problem) {
            reply(connection, problem->status, problem->parts.first(), close, contentType);
            return;
        }
        // `name` is the field's deprecated spelling.
        QString model = object.value(QLatin1String("model")).toString();
        if (model.isEmpty())
            model = object.value(QLatin1String("name")).toString();
        if (model.isEmpty())
            reply(connection, 400, ollama::errorBody("model is required"), close, contentType);
        else if (!ollama::hasModel(m_options.models, model))
            reply(connection, 404, ollama::errorBody(QByteArray("model '" + model.toUtf8() + "' not found")), close,
                  contentType);
        else
            reply(connection, 200, ollama::show(model), close, contentType);
    } else {
        // What Ollama's router answers for any other path or method.
        reply(connection, 404, QByteArrayLiteral("404 page not found"), close, QByteArrayLiteral("text/plain"));
    }
}

void MockServer::handleInference(MockConnection *connection, const CapturedRequest &request, InferenceRoute route,
                                 bool close)
{
    ++m_inferenceRequests;
    std::optional<MockBehaviour> behaviour;
    if (!m_script.empty()) {
        behaviour = std::move(m_script.front());
        m_script.pop_front();
    }
    if (behaviour && behaviour->noResponse) {
        connection->holdForever();
        return;
    }

    Reply r;
    if (behaviour && behaviour->events) {
        r.stream = true;
        r.contentType = QByteArrayLiteral("text/event-stream");
        const QByteArrayView separator = isGemini(route) ? gemini::kSseSeparator : QByteArrayView("\n\n");
        for (const ScriptedEvent &event : std::as_const(*behaviour->events))
            r.parts.append(event.name ? namedSseEvent(*event.name, event.data, separator)
                                      : sseEvent(event.data, separator));
        r.status = behaviour->status > 0 ? behaviour->status : 200;
    } else if (behaviour && behaviour->lines) {
        r.stream = true;
        r.contentType = ollama::kNdjsonContentType.toByteArray();
        for (const QByteArray &line : std::as_const(*behaviour->lines))
            r.parts.append(line + '\n');
        r.status = behaviour->status > 0 ? behaviour->status : 200;
    } else if (behaviour && behaviour->body) {
        r.status = behaviour->status > 0 ? behaviour->status : 200;
        r.parts.append(*behaviour->body);
    } else if (behaviour && behaviour->status >= 300) {
        r = errorReply(route, behaviour->status, "Scripted mock error");
    } else {
        r = generatedReply(route, request, m_options.models, behaviour ? behaviour->content : std::nullopt);
        if (behaviour && behaviour->status > 0 && r.status == 200)
            r.status = behaviour->status;
    }

    if (!behaviour) {
        // Fast path: one write.
        QByteArray wire;
        if (r.stream) {
            qsizetype total = 0;
            for (const QByteArray &part : std::as_const(r.parts))
                total += part.size() + 12;
            wire = renderHead(r.status, r.contentType, -1, true, close, {});
            wire.reserve(wire.size() + total + 5);
            for (const QByteArray &part : std::as_const(r.parts))
                wire += chunkFrame(part);
            wire += "0\r\n\r\n";
        } else {
            const QByteArray &body = r.parts.first();
            wire = renderHead(r.status, r.contentType, body.size(), false, close, {});
            wire += body;
        }
        connection->sendWhole(wire, close);
        return;
    }

    const MockBehaviour &b = *behaviour;
    bool chunked = r.stream;
    bool closeAfter = close;
    if (b.chunked == 1) {
        chunked = true;
    } else if (b.chunked == 0 && r.stream) {
        chunked = false;
        closeAfter = true; // the end of the body is the end of the connection
    }
    qint64 total = 0;
    for (const QByteArray &part : std::as_const(r.parts))
        total += part.size();
    const qint64 contentLength = (chunked || (r.stream && closeAfter && b.chunked == 0)) ? -1 : total;
    const QByteArray head = renderHead(r.status, r.contentType, contentLength, chunked, closeAfter, b.headers);

    PlanBuilder plan(b);
    plan.write(b.delayMs, head);
    if (b.stall) {
        plan.add(0, ResponsePlan::Kind::Stall);
        connection->sendPlan(plan.take());
        return;
    }
    const qint64 cut = b.disconnectAfterBytes;
    qint64 sent = 0;
    for (qsizetype i = 0; i < r.parts.size(); ++i) {
        const QByteArray &part = r.parts.at(i);
        const int delay = i > 0 ? b.chunkDelayMs : 0;
        if (cut >= 0 && sent + part.size() > cut) {
            // The cut falls inside this part: send what fits (mid-chunk when chunked), then drop the connection.
            const qint64 keep = cut - sent;
            if (keep > 0) {
                const QByteArray piece = part.left(keep);
                plan.write(delay, chunked ? QByteArray::number(part.size(), 16) + "\r\n" + piece : piece);
                plan.add(0, ResponsePlan::Kind::Close);
            } else {
                plan.add(delay, ResponsePlan::Kind::Close);
            }
            connection->sendPlan(plan.take());
            return;
        }
        plan.write(delay, chunked ? chunkFrame(part) : part);
        sent += part.size();
    }
    if (cut >= 0 && cut <= sent) {
        plan.add(0, ResponsePlan::Kind::Close);
        connection->sendPlan(plan.take());
        return;
    }
    if (chunked)
        plan.write(0, QByteArrayLiteral("0\r\n\r\n"));
    plan.add(0, ResponsePlan::Kind::Finish, closeAfter);
    connection->sendPlan(plan.take());
}

void MockServer::handleControl(MockConnection *connection, const CapturedRequest &request, bool close)
{
    const QByteArray &path = request.path;
    if (path == "/__mock/script" && request.method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        QJsonArray items;
        if (document.isArray())
            items = document.array();
        else if (document.isObject())
            items.append(document.object());
        else {
            reply(connection, 400,
                  errorBody("script must be a JSON array of behaviour objects", "invalid_request_error"), close);
            return;
        }
        std::vector<MockBehaviour> parsed;
        for (const QJsonValue &item : std::as_const(items)) {
            QString error;
            std::optional<MockBehaviour> b =
                item.isObject() ? MockBehaviour::fromJson(item.toObject(), &error) : std::nullopt;
            if (!b) {
                if (error.isEmpty())
                    error = QStringLiteral("each behaviour must be an object");
                reply(connection, 400, errorBody(error.toUtf8(), "invalid_request_error"), close);
                return;
            }
            parsed.push_back(std::move(*b));
        }
        for (MockBehaviour &b : parsed)
            m_script.push_back(std::move(b));
        reply(connection, 200,
              "{\"queued\":" + QByteArray::number(qsizetype(parsed.size())) +
                  ",\"pending\":" + QByteArray::number(qsizetype(m_script.size())) + '}',
              close);
    } else if (path == "/__mock/requests" && request.method == "GET") {
        reply(connection, 200, requestsJson(), close);
    } else if (path == "/__mock/stats" && request.method == "GET") {
        reply(connection, 200, statsJson(), close);
    } else if (path == "/__mock/reset" && request.method == "POST") {
        m_script.clear();
        m_captures.clear();
        m_requests = 0;
        m_inferenceRequests = 0;
        m_connectionsTotal = 0;
        m_clientAborted = 0;
        reply(connection, 200, "{\"reset\":true}", close);
    } else if (path == "/__mock/models" && request.method == "POST") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isArray()) {
            reply(connection, 400, errorBody("models must be a JSON array of strings", "invalid_request_error"), close);
            return;
        }
        QStringList models;
        const QJsonArray items = document.array();
        for (const QJsonValue &item : items)
            models.append(item.toString());
        m_options.models = models;
        reply(connection, 200, "{\"models\":" + QByteArray::number(models.size()) + '}', close);
    } else {
        reply(connection, 404,
              errorBody(QByteArray("Unknown control route " + request.method + ' ' + path), "invalid_request_error"),
              close);
    }
}

QByteArray MockServer::requestsJson() const
{
    QByteArray out = "[";
    bool first = true;
    for (const CapturedRequest &r : m_captures) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"method\":" + jsonString(r.method) + ",\"path\":" + jsonString(r.path) +
               ",\"query\":" + jsonString(r.query) + ",\"version\":" + jsonString(r.version) + ",\"headers\":[";
        for (qsizetype i = 0; i < r.headers.size(); ++i) {
            if (i > 0)
                out += ',';
            out += '[' + jsonString(r.headers.at(i).first) + ',' + jsonString(r.headers.at(i).second) + ']';
        }
        // Bodies go out both as text (for reading) and base64 (for byte-exact comparison).
        out += "],\"body\":" + jsonString(QString::fromUtf8(r.body).toUtf8()) + ",\"body_base64\":\"" +
               r.body.toBase64() + "\"}";
    }
    out += ']';
    return out;
}

QByteArray MockServer::statsJson() const
{
    // The connection asking for the stats is open by definition; it is not counted.
    return "{\"requests\":" + QByteArray::number(m_requests) +
           ",\"inference_requests\":" + QByteArray::number(m_inferenceRequests) +
           ",\"connections_open\":" + QByteArray::number(m_connectionsOpen - 1) +
           ",\"connections_total\":" + QByteArray::number(m_connectionsTotal) +
           ",\"client_aborted\":" + QByteArray::number(m_clientAborted) +
           ",\"script_pending\":" + QByteArray::number(qsizetype(m_script.size())) + '}';
}

} // namespace llmproxy::test

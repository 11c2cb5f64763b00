// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstream/ollamareplies.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace llmproxy::test::ollama {

using namespace mockwire;

namespace {

// The same instant as the OpenAI routes' fixed `created`, as Go writes a time.Time.
constexpr QByteArrayView kCreatedAt = "\"2026-01-01T00:00:00Z\"";
constexpr qint64 kLoadNs = 1000000;
constexpr qint64 kPromptNsPerToken = 1000000;
constexpr qint64 kEvalNsPerToken = 10000000;

// Go's `omitempty`: a zero metric is left out.
void appendMetric(QByteArray &out, QByteArrayView name, qint64 value)
{
    if (value == 0)
        return;
    out += ",\"";
    out += name;
    out += "\":";
    out += QByteArray::number(value);
}

QByteArray messageLine(const QByteArray &model, QByteArrayView content)
{
    QByteArray out = "{\"model\":" + model + ",\"created_at\":" + kCreatedAt.toByteArray() +
                     ",\"message\":{\"role\":\"assistant\",\"content\":";
    appendJsonString(out, content);
    out += "}";
    return out;
}

QByteArray details()
{
    return QByteArrayLiteral("{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],"
                             "\"parameter_size\":\"8.0B\",\"quantization_level\":\"Q4_K_M\"}");
}

} // namespace

QByteArray errorBody(QByteArrayView message)
{
    QByteArray out = "{\"error\":";
    appendJsonString(out, message);
    out += '}';
    return out;
}

Reply error(int httpStatus, QByteArrayView message)
{
    Reply reply;
    reply.status = httpStatus;
    reply.contentType = kJsonContentType.toByteArray();
    reply.parts.append(errorBody(message));
    return reply;
}

QString withTag(const QString &name)
{
    // A colon before the last slash belongs to a registry host:port, not to the tag.
    const qsizetype slash = name.lastIndexOf(QLatin1Char('/'));
    if (name.indexOf(QLatin1Char(':'), slash + 1) >= 0)
        return name;
    return name + QLatin1String(":latest");
}

bool hasModel(const QStringList &models, const QString &name)
{
    const QString wanted = withTag(name);
    for (const QString &m : models) {
        if (withTag(m) == wanted)
            return true;
    }
    return false;
}

Reply chat(const QJsonObject &request, const std::optional<QString> &content)
{
    const QByteArray model = jsonString(request.value(QLatin1String("model")).toString().toUtf8());
    // Ollama streams unless told otherwise.
    const QJsonValue streamValue = request.value(QLatin1String("stream"));
    const bool stream = streamValue.isUndefined() || streamValue.isNull() || streamValue.toBool();
    qint64 promptTokens = 0;
    QByteArray lastUser;
    const QJsonArray messages = request.value(QLatin1String("messages")).toArray();
    for (const QJsonValue &m : messages) {
        const QJsonObject message = m.toObject();
        const QByteArray text = message.value(QLatin1String("content")).toString().toUtf8();
        promptTokens += countWords(text);
        if (message.value(QLatin1String("role")).toString() == QLatin1String("user"))
            lastUser = text;
    }
    QByteArray text = content ? content->toUtf8() : lastUser;
    QList<QByteArray> pieces = splitPieces(text);
    QByteArrayView doneReason = "stop";
    // num_predict <= 0 means "no limit" (-1 infinite, -2 fill the context).
    const qint64 limit =
        request.value(QLatin1String("options")).toObject().value(QLatin1String("num_predict")).toInteger(0);
    if (limit > 0 && limit < pieces.size()) {
        pieces.resize(limit);
        text = pieces.join();
        doneReason = "length";
    }
    const qint64 evalCount = pieces.size();

    QByteArray closing = messageLine(model, stream ? QByteArrayView() : QByteArrayView(text));
    closing += ",\"done_reason\":\"";
    closing += doneReason;
    closing += "\",\"done\":true";
    const qint64 promptNs = promptTokens * kPromptNsPerToken;
    const qint64 evalNs = evalCount * kEvalNsPerToken;
    appendMetric(closing, "total_duration", kLoadNs + promptNs + evalNs);
    appendMetric(closing, "load_duration", kLoadNs);
    appendMetric(closing, "prompt_eval_count", promptTokens);
    appendMetric(closing, "prompt_eval_duration", promptNs);
    appendMetric(closing, "eval_count", evalCount);
    appendMetric(closing, "eval_duration", evalNs);
    closing += '}';

    Reply reply;
    if (!stream) {
        reply.contentType = kJsonContentType.toByteArray();
        reply.parts.append(closing);
        return reply;
    }
    reply.stream = true;
    reply.contentType = kNdjsonContentType.toByteArray();
    for (const QByteArray &piece : std::as_const(pieces))
        reply.parts.append(QByteArray(messageLine(model, piece) + ",\"done\":false}\n"));
    reply.parts.append(QByteArray(closing + '\n'));
    return reply;
}

QByteArray tags(const QStringList &models)
{
    QByteArray out = "{\"models\":[";
    for (qsizetype i = 0; i < models.size(); ++i) {
        if (i > 0)
            out += ',';
        const QByteArray name = withTag(models.at(i)).toUtf8();
        // A sha256-sized digest that is stable per name.
        QByteArray digest;
        quint64 h = fnv1a(name);
        for (int k = 0; k < 4; ++k, h = fnv1a(name, h))
            digest += hex64(h);
        out += "{\"name\":" + jsonString(name) + ",\"model\":" + jsonString(name) +
               ",\"modified_at\":" + kCreatedAt.toByteArray() + ",\"size\":4920753328,\"digest\":\"" + digest +
               "\",\"details\":" + details() + '}';
    }
    out += "]}";
    return out;
}

QByteArray show(const QString &model)
{
    return "{\"modelfile\":" + jsonString(QByteArray("FROM " + withTag(model).toUtf8() + '\n')) +
           ",\"template\":\"{{ .Prompt }}\",\"details\":" + details() +
           ",\"model_info\":{\"general.architecture\":\"llama\",\"general.parameter_count\":8030261248,"
           "\"llama.context_length\":8192},\"capabilities\":[\"completion\"],\"modified_at\":" +
           kCreatedAt.toByteArray() + '}';
}

QByteArray version()
{
    return QByteArrayLiteral("{\"version\":\"0.13.5\"}");
}

} // namespace llmproxy::test::ollama

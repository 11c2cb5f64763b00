// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstream/responsesreplies.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace llmproxy::test::responses {

using namespace mockwire;

namespace {

/// The text of a message item's `content`: a string, or the `text` of its parts of type `partType`
/// (or of any text part when `partType` is empty), joined.
QByteArray messageText(const QJsonValue &content, QLatin1String partType = {})
{
    if (content.isString())
        return content.toString().toUtf8();
    QByteArray text;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue &p : parts) {
        const QJsonObject part = p.toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        const bool wanted = partType.isEmpty()
                                ? (type == QLatin1String("input_text") || type == QLatin1String("output_text"))
                                : type == partType;
        if (wanted)
            text += part.value(QLatin1String("text")).toString().toUtf8();
    }
    return text;
}

/// A request member echoed in the response object, or `fallback` (JSON text) when the request has none.
QByteArray echoed(const QJsonObject &request, const char *name, QByteArrayView fallback)
{
    const QJsonValue v = request.value(QLatin1String(name));
    return v.isUndefined() || v.isNull() ? fallback.toByteArray() : compactJson(v);
}

struct Generated
{
    QByteArray id;
    QByteArray itemId;
    QByteArray text;
    QList<QByteArray> pieces;
    qint64 inputTokens = 0;
    bool incomplete = false;
    // Request members the response object repeats, as JSON text.
    QByteArray model;
    QByteArray instructions;
    QByteArray maxOutputTokens;
    QByteArray previousResponseId;
    QByteArray parallelToolCalls;
    QByteArray toolChoice;
    QByteArray tools;
    QByteArray temperature;
    QByteArray topP;
};

QByteArray outputText(const QByteArray &text)
{
    QByteArray out = "{\"type\":\"output_text\",\"text\":";
    appendJsonString(out, text);
    out += ",\"annotations\":[]}";
    return out;
}

/// The assistant message item; `done` gives it its final status and content.
QByteArray messageItem(const Generated &g, bool done)
{
    QByteArray out = "{\"type\":\"message\",\"id\":" + jsonString(g.itemId) + ",\"role\":\"assistant\",\"status\":";
    if (!done)
        return out + "\"in_progress\",\"content\":[]}";
    out += g.incomplete ? "\"incomplete\"" : "\"completed\"";
    return out + ",\"content\":[" + outputText(g.text) + "]}";
}

/// The response object; `done` false gives the in-progress snapshot of response.created (no output, no usage).
QByteArray responseObject(const Generated &g, bool done)
{
    const char *status = !done ? "in_progress" : g.incomplete ? "incomplete" : "completed";
    QByteArray out =
        "{\"id\":" + jsonString(g.id) + ",\"object\":\"response\",\"created_at\":" + QByteArray::number(kCreated) +
        ",\"status\":\"" + QByteArray(status) + "\",\"model\":" + g.model + ",\"output\":[" +
        (done ? messageItem(g, true) : QByteArray()) + "],\"error\":null,\"incomplete_details\":" +
        (done && g.incomplete ? QByteArrayLiteral("{\"reason\":\"max_output_tokens\"}") : QByteArrayLiteral("null")) +
        ",\"instructions\":" + g.instructions + ",\"max_output_tokens\":" + g.maxOutputTokens +
        ",\"previous_response_id\":" + g.previousResponseId + ",\"parallel_tool_calls\":" + g.parallelToolCalls +
        ",\"tool_choice\":" + g.toolChoice + ",\"tools\":" + g.tools + ",\"temperature\":" + g.temperature +
        ",\"top_p\":" + g.topP + ",\"usage\":";
    if (!done)
        return out + "null}";
    const qint64 outputTokens = g.pieces.size();
    return out + "{\"input_tokens\":" + QByteArray::number(g.inputTokens) +
           ",\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":" + QByteArray::number(outputTokens) +
           ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":" +
           QByteArray::number(g.inputTokens + outputTokens) + "}}";
}

/// Builds the numbered, named events of one stream.
class EventWriter
{
public:
    explicit EventWriter(Reply &reply) : m_reply(reply) {}

    /// Appends event `type` whose data is `{"type":…,"sequence_number":…` + `fields` + `}`.
    void add(QByteArrayView type, const QByteArray &fields)
    {
        const QByteArray data = "{\"type\":\"" + type.toByteArray() +
                                "\",\"sequence_number\":" + QByteArray::number(m_sequence++) + fields + '}';
        m_reply.parts.append(namedSseEvent(type, data));
    }

private:
    Reply &m_reply;
    qint64 m_sequence = 0;
};

} // namespace

Reply create(const QJsonObject &request, const QByteArray &digest, const std::optional<QString> &content)
{
    Generated g;
    g.id = "resp_mock" + digest;
    g.itemId = "msg_mock" + digest;
    g.model = jsonString(request.value(QLatin1String("model")).toString().toUtf8());
    g.instructions = echoed(request, "instructions", "null");
    g.maxOutputTokens = echoed(request, "max_output_tokens", "null");
    g.previousResponseId = echoed(request, "previous_response_id", "null");
    g.parallelToolCalls = echoed(request, "parallel_tool_calls", "true");
    g.toolChoice = echoed(request, "tool_choice", "\"auto\"");
    g.tools = echoed(request, "tools", "[]");
    g.temperature = echoed(request, "temperature", "1");
    g.topP = echoed(request, "top_p", "1");

    // Input words: the instructions and the text of every message item; the reply echoes the last
    // user input (a string input is one user message).
    g.inputTokens = countWords(request.value(QLatin1String("instructions")).toString().toUtf8());
    QByteArray lastUser;
    const QJsonValue input = request.value(QLatin1String("input"));
    if (input.isString()) {
        lastUser = input.toString().toUtf8();
        g.inputTokens += countWords(lastUser);
    } else {
        const QJsonArray items = input.toArray();
        for (const QJsonValue &i : items) {
            const QJsonObject item = i.toObject();
            const QJsonValue type = item.value(QLatin1String("type"));
            if (!type.isUndefined() && type.toString() != QLatin1String("message"))
                continue;
            const QJsonValue itemContent = item.value(QLatin1String("content"));
            g.inputTokens += countWords(messageText(itemContent));
            if (item.value(QLatin1String("role")).toString() == QLatin1String("user"))
                lastUser = messageText(itemContent, QLatin1String("input_text"));
        }
    }
    g.text = content ? content->toUtf8() : lastUser;
    g.pieces = splitPieces(g.text);
    const qint64 limit = request.value(QLatin1String("max_output_tokens")).toInteger(-1);
    if (limit >= 0 && limit < g.pieces.size()) {
        g.pieces.resize(limit);
        g.text = g.pieces.join();
        g.incomplete = true;
    }

    Reply reply;
    if (!request.value(QLatin1String("stream")).toBool()) {
        reply.parts.append(responseObject(g, true));
        return reply;
    }
    reply.stream = true;
    reply.contentType = QByteArrayLiteral("text/event-stream");
    EventWriter events(reply);
    const QByteArray snapshot = ",\"response\":" + responseObject(g, false);
    events.add("response.created", snapshot);
    events.add("response.in_progress", snapshot);
    events.add("response.output_item.added", ",\"output_index\":0,\"item\":" + messageItem(g, false));
    const QByteArray at = ",\"item_id\":" + jsonString(g.itemId) + ",\"output_index\":0,\"content_index\":0";
    events.add("response.content_part.added", at + ",\"part\":" + outputText({}));
    for (const QByteArray &piece : std::as_const(g.pieces))
        events.add("response.output_text.delta", at + ",\"delta\":" + jsonString(piece) + ",\"logprobs\":[]");
    events.add("response.output_text.done", at + ",\"text\":" + jsonString(g.text) + ",\"logprobs\":[]");
    events.add("response.content_part.done", at + ",\"part\":" + outputText(g.text));
    events.add("response.output_item.done", ",\"output_index\":0,\"item\":" + messageItem(g, true));
    events.add(g.incomplete ? "response.incomplete" : "response.completed", ",\"response\":" + responseObject(g, true));
    return reply;
}

} // namespace llmproxy::test::responses

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Cross-format proxying against one mock upstream: OpenAI Chat clients served by an Anthropic
// endpoint (replies, streams with and without usage, tools both ways, errors before and during the
// stream), Azure OpenAI URLs and auth, the provider quirks applied to passed-through OpenAI bodies
// (max_tokens renames, stream_options removal), and every client format (OpenAI Chat, Anthropic
// Messages, OpenAI Responses) served by Gemini and native Ollama endpoints.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAnthropicKey = "sk-anthropic-endpoint";
constexpr const char *kAzureKey = "azure-secret";
constexpr const char *kGoogleKey = "goog-secret";

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// An Anthropic Messages stream as the API frames it: `event: <type>` plus `data:` per event.
QByteArray anthropicSse(const QList<QJsonObject> &events)
{
    QByteArray out;
    for (const QJsonObject &e : events)
        out += "event: " + e.value(u"type"_s).toString().toUtf8() + "\ndata: " + compact(e) + "\n\n";
    return out;
}

/// A mock behaviour replying with `sse` as an event stream.
QJsonObject sseBehaviour(const QByteArray &sse)
{
    return {{u"body"_s, QString::fromUtf8(sse)},
            {u"headers"_s, QJsonObject{{u"Content-Type"_s, u"text/event-stream"_s}}},
            {u"chunked"_s, true}};
}

QJsonObject messageStart(int inputTokens)
{
    return {{u"type"_s, u"message_start"_s},
            {u"message"_s,
             QJsonObject{{u"id"_s, u"msg_01Scripted"_s},
                         {u"type"_s, u"message"_s},
                         {u"role"_s, u"assistant"_s},
                         {u"model"_s, u"claude-up"_s},
                         {u"content"_s, QJsonArray{}},
                         {u"stop_reason"_s, QJsonValue::Null},
                         {u"stop_sequence"_s, QJsonValue::Null},
                         {u"usage"_s, QJsonObject{{u"input_tokens"_s, inputTokens}, {u"output_tokens"_s, 1}}}}}};
}

QJsonObject blockStart(int index, const QJsonObject &block)
{
    return {{u"type"_s, u"content_block_start"_s}, {u"index"_s, index}, {u"content_block"_s, block}};
}

QJsonObject blockDelta(int index, const QJsonObject &delta)
{
    return {{u"type"_s, u"content_block_delta"_s}, {u"index"_s, index}, {u"delta"_s, delta}};
}

QJsonObject blockStop(int index)
{
    return {{u"type"_s, u"content_block_stop"_s}, {u"index"_s, index}};
}

QJsonObject textDelta(const QString &text)
{
    return {{u"type"_s, u"text_delta"_s}, {u"text"_s, text}};
}

QJsonObject jsonDelta(const QString &partial)
{
    return {{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, partial}};
}

QJsonObject messageDelta(const QString &stopReason, int outputTokens)
{
    return {{u"type"_s, u"message_delta"_s},
            {u"delta"_s, QJsonObject{{u"stop_reason"_s, stopReason}, {u"stop_sequence"_s, QJsonValue::Null}}},
            {u"usage"_s, QJsonObject{{u"output_tokens"_s, outputTokens}}}};
}

QJsonObject messageStop()
{
    return {{u"type"_s, u"message_stop"_s}};
}

QJsonObject weatherParameters()
{
    return {{u"type"_s, u"object"_s},
            {u"properties"_s, QJsonObject{{u"city"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
            {u"required"_s, QJsonArray{u"city"_s}}};
}

QJsonObject chatWeatherTool()
{
    return {{u"type"_s, u"function"_s},
            {u"function"_s, QJsonObject{{u"name"_s, u"get_weather"_s},
                                        {u"description"_s, u"Current weather for a city"_s},
                                        {u"parameters"_s, weatherParameters()}}}};
}

QJsonObject chatBody(const QString &model, const QString &text, bool stream)
{
    QJsonObject body = chatRequest(model, text, stream);
    QJsonArray messages = body.value(u"messages"_s).toArray();
    messages.prepend(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"be brief"_s}});
    body.insert(u"messages"_s, messages);
    return body;
}

/// The chunks of an OpenAI chat stream (all payloads but the final [DONE]), parsed.
QList<QJsonObject> chatChunks(const QList<QByteArray> &payloads)
{
    QList<QJsonObject> chunks;
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i)
        chunks.append(QJsonDocument::fromJson(payloads.at(i)).object());
    return chunks;
}

/// The client formats a request can arrive in.
enum class Client { Chat, Messages, Responses };

QString clientPath(Client client)
{
    switch (client) {
    case Client::Chat:
        return u"/v1/chat/completions"_s;
    case Client::Messages:
        return u"/v1/messages"_s;
    case Client::Responses:
        return u"/v1/responses"_s;
    }
    return {};
}

/// A request saying `text` to `model` in the client's format.
QJsonObject clientBody(Client client, const QString &model, const QString &text, bool stream)
{
    QJsonObject body{{u"model"_s, model}, {u"stream"_s, stream}};
    const QJsonArray messages{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}};
    switch (client) {
    case Client::Chat:
        body.insert(u"messages"_s, messages);
        break;
    case Client::Messages:
        body.insert(u"messages"_s, messages);
        body.insert(u"max_tokens"_s, 256);
        break;
    case Client::Responses:
        body.insert(u"input"_s, text);
        break;
    }
    return body;
}

/// What a client-format reply says, with usage for plain replies; `problem` says what is malformed.
struct ClientReply
{
    QString text;
    int inputTokens = -1;
    int outputTokens = -1;
    QString problem;
};

ClientReply readReply(Client client, const QByteArray &body, bool stream)
{
    ClientReply reply;
    if (!stream) {
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        const QJsonObject usage = o.value(u"usage"_s).toObject();
        switch (client) {
        case Client::Chat:
            reply.text = chatContent(o);
            reply.inputTokens = usage.value(u"prompt_tokens"_s).toInt(-1);
            reply.outputTokens = usage.value(u"completion_tokens"_s).toInt(-1);
            if (o.value(u"object"_s).toString() != u"chat.completion"_s)
                reply.problem = u"not a chat.completion"_s;
            break;
        case Client::Messages:
            reply.text = o.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString();
            reply.inputTokens = usage.value(u"input_tokens"_s).toInt(-1);
            reply.outputTokens = usage.value(u"output_tokens"_s).toInt(-1);
            if (o.value(u"type"_s).toString() != u"message"_s)
                reply.problem = u"not a message"_s;
            break;
        case Client::Responses:
            reply.text = o.value(u"output"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"content"_s)
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(u"text"_s)
                             .toString();
            reply.inputTokens = usage.value(u"input_tokens"_s).toInt(-1);
            reply.outputTokens = usage.value(u"output_tokens"_s).toInt(-1);
            if (o.value(u"status"_s).toString() != u"completed"_s)
                reply.problem = u"status is not completed"_s;
            break;
        }
        return reply;
    }
    const QList<SseEvent> events = SseParser::parse(body);
    if (events.isEmpty()) {
        reply.problem = u"no events"_s;
        return reply;
    }
    switch (client) {
    case Client::Chat:
        reply.text = streamedChatContent(body);
        if (events.last().data != "[DONE]")
            reply.problem = u"the stream does not end with [DONE]"_s;
        break;
    case Client::Messages:
        for (const SseEvent &e : events) {
            if (e.event == "content_block_delta")
                reply.text +=
                    QJsonDocument::fromJson(e.data).object().value(u"delta"_s).toObject().value(u"text"_s).toString();
        }
        if (events.last().event != "message_stop")
            reply.problem = u"the stream does not end with message_stop"_s;
        break;
    case Client::Responses:
        for (const SseEvent &e : events) {
            if (e.event == "response.output_text.delta")
                reply.text += QJsonDocument::fromJson(e.data).object().value(u"delta"_s).toString();
        }
        if (events.last().event != "response.completed")
            reply.problem = u"the stream does not end with response.completed"_s;
        break;
    }
    if (!reply.problem.isEmpty())
        reply.problem += u": "_s + QString::fromUtf8(body.right(400));
    return reply;
}

void addClientRows()
{
    QTest::addColumn<int>("client");
    QTest::addColumn<bool>("stream");
    const QList<std::pair<Client, const char *>> clients{
        {Client::Chat, "chat"}, {Client::Messages, "messages"}, {Client::Responses, "responses"}};
    for (const auto &[client, name] : clients) {
        QTest::addRow("%s plain", name) << int(client) << false;
        QTest::addRow("%s stream", name) << int(client) << true;
    }
}

} // namespace

class TestCrossFormat : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_gateway;

    EndpointSpec endpoint(const QString &id, const QString &provider, const QString &baseUrl, const QStringList &models,
                          const char *key) const
    {
        EndpointSpec e;
        e.id = id;
        e.provider = provider;
        e.baseUrl = baseUrl;
        e.models = models;
        e.apiKey = QString::fromLatin1(key);
        return e;
    }

    QString mockRoot() const { return m_gateway.mock.url().toString(); }

    /// The only request the mock received; false when it received none or several.
    bool singleCapture(MockRequest *out) const
    {
        const QList<MockRequest> captured = m_gateway.mock.requests();
        if (captured.size() != 1)
            return false;
        *out = captured.first();
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
        const QString v1 = m_gateway.mock.baseUrl();
        EndpointSpec azure =
            endpoint(u"azure"_s, u"azure"_s, mockRoot(), {u"gpt-4o-deploy"_s, u"gpt-5-deploy"_s}, kAzureKey);
        azure.apiVersion = u"2024-06-01"_s;
        EndpointSpec ollamaNative = endpoint(u"ollamanative"_s, u"ollama"_s, v1, {u"qwen3"_s}, "");
        ollamaNative.numCtx = 16384;
        m_gateway.config.endpoints = {
            endpoint(u"claude"_s, u"anthropic"_s, v1, {u"claude-up"_s}, kAnthropicKey),
            azure,
            endpoint(u"azurev1"_s, u"azure"_s, mockRoot() + u"/openai/v1"_s, {u"gpt-4o-v1"_s}, kAzureKey),
            endpoint(u"oai"_s, u"openai"_s, v1, {u"o3-mini"_s, u"gpt-4o-mini"_s}, "sk-openai"),
            endpoint(u"ollama"_s, u"ollama"_s, v1, {u"llama3.2"_s}, ""),
            endpoint(u"mistral"_s, u"mistral"_s, v1, {u"mistral-small"_s}, "sk-mistral"),
            endpoint(u"gemini"_s, u"google"_s, mockRoot() + u"/v1beta"_s, {u"gemini-2.5-flash"_s}, kGoogleKey),
            ollamaNative,
        };
        // One attempt per request: these tests check what the client gets when the upstream fails
        // (retries and fallback are covered by tst_resilience).
        m_gateway.config.extraYaml += "routing:\n  retry: {max_attempts: 1}\n";
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
        // The mock's Gemini and Ollama routes answer only for models they know.
        const HttpResponse models =
            HttpClient::post(m_gateway.mock.url(u"/__mock/models"_s), "[\"gemini-2.5-flash\",\"qwen3\",\"llama3.2\"]",
                             {{"content-type", "application/json"}});
        QVERIFY2(models.status == 200, qPrintable(models.describe()));
    }
    void init() { QVERIFY(m_gateway.mock.reset()); }

    // --- OpenAI Chat client → Anthropic endpoint ---

    void chatToAnthropicPlain()
    {
        QJsonObject body = chatBody(u"claude-up"_s, u"hello there"_s, false);
        body.insert(u"max_tokens"_s, 100);
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"object"_s).toString(), u"chat.completion"_s);
        QCOMPARE(o.value(u"model"_s).toString(), u"claude-up"_s);
        const QJsonObject choice = o.value(u"choices"_s).toArray().at(0).toObject();
        QCOMPARE(choice.value(u"index"_s).toInt(-1), 0);
        QCOMPARE(choice.value(u"finish_reason"_s).toString(), u"stop"_s);
        QCOMPARE(choice.value(u"message"_s).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(choice.value(u"message"_s).toObject().value(u"content"_s).toString(), u"hello there"_s);
        const QJsonObject usage = o.value(u"usage"_s).toObject();
        QCOMPARE(usage.value(u"prompt_tokens"_s).toInt(), 4); // "be brief" + "hello there"
        QCOMPARE(usage.value(u"completion_tokens"_s).toInt(), 2);
        QCOMPARE(usage.value(u"total_tokens"_s).toInt(), 6);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(sent.header("x-api-key"), QByteArray(kAnthropicKey));
        QVERIFY(!sent.hasHeader("authorization"));
        const QJsonObject json = sent.json();
        QCOMPARE(json.value(u"model"_s).toString(), u"claude-up"_s);
        QCOMPARE(json.value(u"system"_s).toString(), u"be brief"_s);
        QCOMPARE(json.value(u"max_tokens"_s).toInt(), 100);
        QCOMPARE(json.value(u"messages"_s).toArray().size(), 1);
        QCOMPARE(json.value(u"messages"_s).toArray().at(0).toObject().value(u"role"_s).toString(), u"user"_s);
    }

    void chatToAnthropicStreamWithUsage()
    {
        const HttpResponse r =
            m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"claude-up"_s, u"one two three"_s, true, true));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.header("content-type").startsWith("text/event-stream"));
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QVERIFY2(payloads.size() >= 4, r.body.constData());
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        const QList<QJsonObject> chunks = chatChunks(payloads);
        for (const QJsonObject &chunk : chunks) {
            QCOMPARE(chunk.value(u"object"_s).toString(), u"chat.completion.chunk"_s);
            QCOMPARE(chunk.value(u"model"_s).toString(), u"claude-up"_s);
        }
        QCOMPARE(chunks.first()
                     .value(u"choices"_s)
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(u"delta"_s)
                     .toObject()
                     .value(u"role"_s)
                     .toString(),
                 u"assistant"_s);
        QCOMPARE(streamedChatContent(r.body), u"one two three"_s);
        // The finish chunk, then the usage chunk (no choices), then [DONE].
        const QJsonObject finish = chunks.at(chunks.size() - 2);
        QCOMPARE(finish.value(u"choices"_s).toArray().at(0).toObject().value(u"finish_reason"_s).toString(), u"stop"_s);
        const QJsonObject usageChunk = chunks.last();
        QCOMPARE(usageChunk.value(u"choices"_s).toArray().size(), 0);
        const QJsonObject usage = usageChunk.value(u"usage"_s).toObject();
        QCOMPARE(usage.value(u"prompt_tokens"_s).toInt(), 3);
        QCOMPARE(usage.value(u"completion_tokens"_s).toInt(), 3);
        QCOMPARE(usage.value(u"total_tokens"_s).toInt(), 6);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QVERIFY(sent.json().value(u"stream"_s).toBool());
        QVERIFY(!sent.json().contains(u"stream_options"_s)); // no such field in Anthropic's API
    }

    void chatToAnthropicStreamWithoutUsage()
    {
        const HttpResponse r =
            m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"claude-up"_s, u"one two three"_s, true));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        const QList<QJsonObject> chunks = chatChunks(payloads);
        QVERIFY(!chunks.isEmpty());
        for (const QJsonObject &chunk : chunks) {
            QCOMPARE(chunk.value(u"choices"_s).toArray().size(), 1);
            QVERIFY(!chunk.value(u"usage"_s).isObject());
        }
        QCOMPARE(chunks.last().value(u"choices"_s).toArray().at(0).toObject().value(u"finish_reason"_s).toString(),
                 u"stop"_s);
        QCOMPARE(streamedChatContent(r.body), u"one two three"_s);
    }

    void chatToolsReachAnthropicAndToolUseStreamsBack()
    {
        const QString toolId = u"toolu_01A09q90qw90lq917835lq9"_s;
        const QList<QJsonObject> events{messageStart(40),
                                        blockStart(0, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}),
                                        blockDelta(0, textDelta(u"Let me check."_s)),
                                        blockStop(0),
                                        blockStart(1, QJsonObject{{u"type"_s, u"tool_use"_s},
                                                                  {u"id"_s, toolId},
                                                                  {u"name"_s, u"get_weather"_s},
                                                                  {u"input"_s, QJsonObject{}}}),
                                        blockDelta(1, jsonDelta(u"{\"city\":"_s)),
                                        blockDelta(1, jsonDelta(u" \"Paris\"}"_s)),
                                        blockStop(1),
                                        messageDelta(u"tool_use"_s, 20),
                                        messageStop()};
        QVERIFY(m_gateway.mock.script(sseBehaviour(anthropicSse(events))));
        QJsonObject body = chatBody(u"claude-up"_s, u"weather in Paris?"_s, true);
        body.insert(u"tools"_s, QJsonArray{chatWeatherTool()});
        body.insert(u"tool_choice"_s, u"required"_s);
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        QCOMPARE(streamedChatContent(r.body), u"Let me check."_s);

        QString arguments;
        QJsonObject firstCall;
        QString finishReason;
        for (const QJsonObject &chunk : chatChunks(payloads)) {
            const QJsonObject choice = chunk.value(u"choices"_s).toArray().at(0).toObject();
            if (!choice.value(u"finish_reason"_s).isNull() && choice.contains(u"finish_reason"_s))
                finishReason = choice.value(u"finish_reason"_s).toString();
            for (const QJsonValue call : choice.value(u"delta"_s).toObject().value(u"tool_calls"_s).toArray()) {
                const QJsonObject c = call.toObject();
                QCOMPARE(c.value(u"index"_s).toInt(-1), 0); // the first call is index 0 whatever its block index
                if (firstCall.isEmpty())
                    firstCall = c;
                arguments += c.value(u"function"_s).toObject().value(u"arguments"_s).toString();
            }
        }
        QCOMPARE(firstCall.value(u"id"_s).toString(), toolId);
        QCOMPARE(firstCall.value(u"type"_s).toString(), u"function"_s);
        QCOMPARE(firstCall.value(u"function"_s).toObject().value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(arguments, u"{\"city\": \"Paris\"}"_s);
        QCOMPARE(finishReason, u"tool_calls"_s);

        // OpenAI tools went upstream in Anthropic's shape.
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        const QJsonArray tools = sent.json().value(u"tools"_s).toArray();
        QCOMPARE(tools.size(), 1);
        const QJsonObject tool = tools.at(0).toObject();
        QCOMPARE(tool.value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(tool.value(u"description"_s).toString(), u"Current weather for a city"_s);
        QCOMPARE(tool.value(u"input_schema"_s).toObject(), weatherParameters());
        QVERIFY(!tool.contains(u"function"_s));
        QCOMPARE(sent.json().value(u"tool_choice"_s).toObject().value(u"type"_s).toString(), u"any"_s);
    }

    void anthropicToolUseReplyBecomesToolCalls()
    {
        const QJsonObject message{
            {u"id"_s, u"msg_01Plain"_s},
            {u"type"_s, u"message"_s},
            {u"role"_s, u"assistant"_s},
            {u"model"_s, u"claude-up"_s},
            {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"tool_use"_s},
                                                  {u"id"_s, u"toolu_01Plain"_s},
                                                  {u"name"_s, u"get_weather"_s},
                                                  {u"input"_s, QJsonObject{{u"city"_s, u"Paris"_s}}}}}},
            {u"stop_reason"_s, u"tool_use"_s},
            {u"stop_sequence"_s, QJsonValue::Null},
            {u"usage"_s, QJsonObject{{u"input_tokens"_s, 30}, {u"output_tokens"_s, 12}}}};
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"body"_s, QString::fromUtf8(compact(message))}}));
        QJsonObject body = chatBody(u"claude-up"_s, u"weather in Paris?"_s, false);
        body.insert(u"tools"_s, QJsonArray{chatWeatherTool()});
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject choice =
            QJsonDocument::fromJson(r.body).object().value(u"choices"_s).toArray().at(0).toObject();
        QCOMPARE(choice.value(u"finish_reason"_s).toString(), u"tool_calls"_s);
        const QJsonArray calls = choice.value(u"message"_s).toObject().value(u"tool_calls"_s).toArray();
        QCOMPARE(calls.size(), 1);
        const QJsonObject call = calls.at(0).toObject();
        QCOMPARE(call.value(u"id"_s).toString(), u"toolu_01Plain"_s);
        QCOMPARE(call.value(u"type"_s).toString(), u"function"_s);
        QCOMPARE(call.value(u"function"_s).toObject().value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(QJsonDocument::fromJson(call.value(u"function"_s).toObject().value(u"arguments"_s).toString().toUtf8())
                     .object(),
                 (QJsonObject{{u"city"_s, u"Paris"_s}}));
    }

    void anthropicErrorsReachChatClientsInOpenAiShape_data()
    {
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<QString>("upstreamType");
        QTest::addColumn<QString>("upstreamMessage");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("529 overloaded") << 529 << u"overloaded_error"_s << u"Overloaded"_s << 503 << u"server_error"_s
                                        << QByteArray();
        QTest::newRow("400 invalid request")
            << 400 << u"invalid_request_error"_s << u"max_tokens: 300000 > 64000, which is the maximum"_s << 400
            << u"invalid_request_error"_s << QByteArray();
        QTest::newRow("429 rate limit") << 429 << u"rate_limit_error"_s << u"Number of request tokens has exceeded"_s
                                        << 429 << u"rate_limit_error"_s << QByteArray("3");
    }
    void anthropicErrorsReachChatClientsInOpenAiShape()
    {
        QFETCH(int, upstreamStatus);
        QFETCH(QString, upstreamType);
        QFETCH(QString, upstreamMessage);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QByteArray, retryAfter);
        const QJsonObject error{{u"type"_s, u"error"_s},
                                {u"error"_s, QJsonObject{{u"type"_s, upstreamType}, {u"message"_s, upstreamMessage}}}};
        QJsonObject behaviour{{u"status"_s, upstreamStatus}, {u"body"_s, QString::fromUtf8(compact(error))}};
        if (!retryAfter.isEmpty())
            behaviour.insert(u"headers"_s, QJsonObject{{u"retry-after"_s, QString::fromLatin1(retryAfter)}});
        QVERIFY(m_gateway.mock.script(behaviour));
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"claude-up"_s, u"hi"_s, true));
        QCOMPARE(r.status, status);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
        const QJsonObject e = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
        QCOMPARE(e.value(u"type"_s).toString(), type);
        QCOMPARE(e.value(u"message"_s).toString(), upstreamMessage);
        QCOMPARE(r.header("retry-after"), retryAfter);
    }

    void anthropicErrorEventEndsTheChatStream()
    {
        const QJsonObject overloaded{
            {u"type"_s, u"error"_s},
            {u"error"_s, QJsonObject{{u"type"_s, u"overloaded_error"_s}, {u"message"_s, u"Overloaded"_s}}}};
        QVERIFY(m_gateway.mock.script(sseBehaviour(
            anthropicSse({messageStart(3), blockStart(0, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}),
                          blockDelta(0, textDelta(u"Hello"_s)), overloaded}))));
        const HttpResponse r =
            m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"claude-up"_s, u"hi"_s, true), {}, 10000);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.complete, qPrintable(r.describe())); // ended by the gateway, not by the client's timeout
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QVERIFY2(payloads.size() >= 3, r.body.constData());
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        const QJsonObject error = QJsonDocument::fromJson(payloads.at(payloads.size() - 2)).object();
        QCOMPARE(error.value(u"error"_s).toObject().value(u"message"_s).toString(), u"Overloaded"_s);
        QCOMPARE(error.value(u"error"_s).toObject().value(u"type"_s).toString(), u"server_error"_s);
        QCOMPARE(streamedChatContent(r.body), u"Hello"_s);
        for (qsizetype i = 0; i + 2 < payloads.size(); ++i) {
            const QJsonObject choice =
                QJsonDocument::fromJson(payloads.at(i)).object().value(u"choices"_s).toArray().at(0).toObject();
            QVERIFY2(choice.value(u"finish_reason"_s).isNull() || !choice.contains(u"finish_reason"_s),
                     payloads.at(i).constData()); // a failed stream never finishes like a successful one
        }
    }

    void truncatedAnthropicStreamEndsWithAnError()
    {
        // The body ends without message_stop.
        QVERIFY(m_gateway.mock.script(sseBehaviour(
            anthropicSse({messageStart(3), blockStart(0, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u""_s}}),
                          blockDelta(0, textDelta(u"Hel"_s))}))));
        const HttpResponse r =
            m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"claude-up"_s, u"hi"_s, true), {}, 10000);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.complete, qPrintable(r.describe()));
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        const QJsonObject error = QJsonDocument::fromJson(payloads.at(payloads.size() - 2)).object();
        QVERIFY2(error.value(u"error"_s).isObject(), payloads.at(payloads.size() - 2).constData());
        QCOMPARE(streamedChatContent(r.body), u"Hel"_s);
    }

    // --- Azure OpenAI ---

    void azureDeploymentsUrl_data()
    {
        QTest::addColumn<QString>("clientPath");
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("chat") << u"/v1/chat/completions"_s << chatRequest(u"gpt-4o-deploy"_s, u"hi"_s);
        QTest::newRow("responses") << u"/v1/responses"_s
                                   << QJsonObject{{u"model"_s, u"gpt-4o-deploy"_s}, {u"input"_s, u"hi"_s}};
    }
    void azureDeploymentsUrl()
    {
        QFETCH(QString, clientPath);
        QFETCH(QJsonObject, body);
        const HttpResponse r = m_gateway.post(clientPath, body);
        // The mock has no Azure routes and answers 404; what matters is where the request went.
        QVERIFY2(r.status == 404, qPrintable(r.describe()));
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/openai/deployments/gpt-4o-deploy/chat/completions"));
        QCOMPARE(sent.query, QByteArray("api-version=2024-06-01"));
        QCOMPARE(sent.header("api-key"), QByteArray(kAzureKey));
        QVERIFY(!sent.hasHeader("authorization"));
        QCOMPARE(sent.json().value(u"messages"_s).toArray().at(0).toObject().value(u"content"_s).toString(), u"hi"_s);
    }

    void azureV1Url()
    {
        const HttpResponse r = m_gateway.post(u"/v1/chat/completions"_s, chatRequest(u"gpt-4o-v1"_s, u"hi"_s));
        QVERIFY2(r.status == 404, qPrintable(r.describe()));
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/openai/v1/chat/completions"));
        QCOMPARE(sent.query, QByteArray());
        QCOMPARE(sent.header("api-key"), QByteArray(kAzureKey));
        QVERIFY(!sent.hasHeader("authorization"));
        QCOMPARE(sent.json().value(u"model"_s).toString(), u"gpt-4o-v1"_s);
    }

    // --- Provider quirks on passed-through OpenAI bodies ---

    void openAiBodyQuirks_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("openai o3-mini: max_tokens renamed")
            << QByteArray("{\"model\": \"o3-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}],"
                          "  \"max_tokens\" : 50, \"x_vendor\": {\"keep\": [1, 2]}}")
            << QByteArray("{\"model\": \"o3-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}],"
                          "  \"max_completion_tokens\" : 50, \"x_vendor\": {\"keep\": [1, 2]}}")
            << QByteArray("/v1/chat/completions") << 200;
        QTest::newRow("openai gpt-4o-mini: unchanged")
            << QByteArray("{\"model\": "
                          "\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":50}")
            << QByteArray("{\"model\": "
                          "\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":50}")
            << QByteArray("/v1/chat/completions") << 200;
        QTest::newRow("azure gpt-5: max_tokens renamed")
            << QByteArray("{\"model\":\"gpt-5-deploy\",\"max_tokens\":7,\"messages\":[{\"role\":\"user\",\"content\":"
                          "\"hi\"}]}")
            << QByteArray("{\"model\":\"gpt-5-deploy\",\"max_completion_tokens\":7,\"messages\":[{\"role\":\"user\","
                          "\"content\":\"hi\"}]}")
            << QByteArray("/openai/deployments/gpt-5-deploy/chat/completions") << 404;
        QTest::newRow("ollama: max_completion_tokens renamed")
            << QByteArray("{\"model\":\"llama3.2\",\"stream\":false,\"max_completion_tokens\":20,"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}")
            << QByteArray("{\"model\":\"llama3.2\",\"stream\":false,\"max_tokens\":20,"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}")
            << QByteArray("/v1/chat/completions") << 200;
        QTest::newRow("mistral: stream_options removed")
            << QByteArray("{\"model\":\"mistral-small\", \"stream\":true, \"stream_options\":{\"include_usage\":true}, "
                          "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}")
            << QByteArray("{\"model\":\"mistral-small\", \"stream\":true, "
                          "\"messages\":[{\"role\":\"user\",\"content\":\"hi there\"}]}")
            << QByteArray("/v1/chat/completions") << 200;
    }
    void openAiBodyQuirks()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        const HttpResponse r =
            HttpClient::post(m_gateway.url(u"/v1/chat/completions"_s), body, {{"content-type", "application/json"}});
        QVERIFY2(r.status == status, qPrintable(r.describe()));
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, path);
        QCOMPARE(sent.body, expected); // every other byte as the client sent it
    }

    // --- Every client → Gemini and native Ollama ---

    void clientsToGemini_data() { addClientRows(); }
    void clientsToGemini()
    {
        QFETCH(int, client);
        QFETCH(bool, stream);
        const Client c = Client(client);
        const HttpResponse r =
            m_gateway.post(clientPath(c), clientBody(c, u"gemini-2.5-flash"_s, u"hello there"_s, stream));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ClientReply reply = readReply(c, r.body, stream);
        QVERIFY2(reply.problem.isEmpty(), qPrintable(reply.problem));
        QCOMPARE(reply.text, u"hello there"_s);
        if (!stream) {
            QCOMPARE(reply.inputTokens, 2);
            QCOMPARE(reply.outputTokens, 2);
        }

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, stream ? QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent")
                                   : QByteArray("/v1beta/models/gemini-2.5-flash:generateContent"));
        QCOMPARE(sent.query, stream ? QByteArray("alt=sse") : QByteArray());
        QCOMPARE(sent.header("x-goog-api-key"), QByteArray(kGoogleKey));
        QVERIFY(!sent.hasHeader("authorization"));
        const QJsonArray contents = sent.json().value(u"contents"_s).toArray();
        QCOMPARE(contents.size(), 1);
        QCOMPARE(contents.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
        QCOMPARE(contents.at(0).toObject().value(u"parts"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
                 u"hello there"_s);
    }

    void clientsToOllamaNative_data() { addClientRows(); }
    void clientsToOllamaNative()
    {
        QFETCH(int, client);
        QFETCH(bool, stream);
        const Client c = Client(client);
        const HttpResponse r = m_gateway.post(clientPath(c), clientBody(c, u"qwen3"_s, u"hello there"_s, stream));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ClientReply reply = readReply(c, r.body, stream);
        QVERIFY2(reply.problem.isEmpty(), qPrintable(reply.problem));
        QCOMPARE(reply.text, u"hello there"_s);
        if (!stream) {
            QCOMPARE(reply.inputTokens, 2);
            QCOMPARE(reply.outputTokens, 2);
        }

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/api/chat"));
        const QJsonObject json = sent.json();
        QCOMPARE(json.value(u"model"_s).toString(), u"qwen3"_s);
        // Ollama streams unless told otherwise, so a plain request must say stream: false.
        QVERIFY(json.value(u"stream"_s).isBool());
        QCOMPARE(json.value(u"stream"_s).toBool(), stream);
        QCOMPARE(json.value(u"options"_s).toObject().value(u"num_ctx"_s).toInteger(), 16384);
        const QJsonArray messages = json.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject(), (QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello there"_s}}));
    }

    void anthropicClientToOllamaWithoutNumCtxUsesNativeChat()
    {
        // Anthropic and Responses clients reach Ollama through its native API even without num_ctx.
        const HttpResponse r =
            m_gateway.post(u"/v1/messages"_s, clientBody(Client::Messages, u"llama3.2"_s, u"hello there"_s, false));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(readReply(Client::Messages, r.body, false).text, u"hello there"_s);
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/api/chat"));
        QVERIFY(!sent.json().value(u"options"_s).toObject().contains(u"num_ctx"_s));
    }
};

QTEST_GUILESS_MAIN(TestCrossFormat)
#include "tst_crossformat.moc"

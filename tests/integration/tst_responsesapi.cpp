// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// POST /v1/responses (OpenAI Responses API) served by upstreams that do not speak it: an
// OpenAI-compatible endpoint (Chat Completions) and an Anthropic endpoint (Messages). Covers the
// response object, the exact stream event order and sequence numbers, function and freeform
// (custom) tool calls both ways, a mid-stream upstream failure ending with response.failed, upstream
// errors before the stream, and the gateway's own request errors. An `openai` endpoint serves the
// Responses API itself: request and reply (plain and streamed) are relayed byte for byte, usage is
// recorded, and a stream the upstream breaks off ends with one response.failed continuing its
// sequence numbers.
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
constexpr const char *kOpenAiKey = "sk-openai-endpoint";

/// The user text in handWrittenBody(), as the mock echoes it.
const QString kHandWrittenText = u"caf\u00e9 \"quoted\"  words"_s;

/// A Responses request written by hand, as a client might: odd spacing, escapes, the model not first,
/// and members a relay has no use for (built-in tools, reasoning, include, store, prompt_cache_key).
QByteArray handWrittenBody(const QByteArray &model, bool stream)
{
    return "{\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
           "\"text\":\"caf\\u00e9 \\\"quoted\\\"  words\"}]}],\n  \"model\" : \"" +
           model +
           "\", \"instructions\":\"be brief\",\"store\":false,\"include\":[\"reasoning.encrypted_content\"],"
           "\"reasoning\":{\"effort\":\"low\",\"summary\":\"auto\"},\"text\":{\"verbosity\":\"low\"},"
           "\"metadata\":{\"k\":\"v\"},\"prompt_cache_key\":\"abc\",\"temperature\":0.70,"
           "\"tools\":[{\"type\":\"web_search\"},{\"type\":\"function\",\"name\":\"get_weather\","
           "\"parameters\":{\"type\":\"object\"},\"strict\":true}],\"tool_choice\":\"auto\","
           "\"parallel_tool_calls\":false,\"max_output_tokens\":4096" +
           (stream ? QByteArray(",\"stream\":true") : QByteArray()) + "}\n";
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// A Responses stream: event names and their parsed data, in order.
struct ResponsesStream
{
    QStringList types;
    QList<QJsonObject> data;

    /// Empty when every event's name equals its data `type` and sequence numbers are 0, 1, 2, …;
    /// otherwise what is wrong.
    QString problem() const
    {
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (data.at(i).value(u"type"_s).toString() != types.at(i))
                return u"event %1: name %2 but type %3"_s.arg(i).arg(types.at(i),
                                                                     data.at(i).value(u"type"_s).toString());
            if (data.at(i).value(u"sequence_number"_s).toInteger(-1) != i)
                return u"event %1 (%2): sequence_number %3"_s.arg(i)
                    .arg(types.at(i))
                    .arg(data.at(i).value(u"sequence_number"_s).toInteger(-1));
        }
        return {};
    }
    /// The data of the first event named `type` (empty when there is none).
    QJsonObject first(const QString &type) const
    {
        const qsizetype i = types.indexOf(type);
        return i < 0 ? QJsonObject() : data.at(i);
    }
    /// The concatenated `delta` of every event named `type`.
    QString joinedDeltas(const QString &type) const
    {
        QString text;
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (types.at(i) == type)
                text += data.at(i).value(u"delta"_s).toString();
        }
        return text;
    }
    qsizetype terminalCount() const
    {
        return types.count(u"response.completed"_s) + types.count(u"response.incomplete"_s) +
               types.count(u"response.failed"_s);
    }
};

ResponsesStream parseStream(const QByteArray &body)
{
    ResponsesStream s;
    for (const SseEvent &e : SseParser::parse(body)) {
        s.types.append(QString::fromUtf8(e.event));
        s.data.append(QJsonDocument::fromJson(e.data).object());
    }
    return s;
}

/// One OpenAI chat.completion.chunk with a single choice.
QJsonObject chatChunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return {{u"id"_s, u"chatcmpl-scripted"_s},
            {u"object"_s, u"chat.completion.chunk"_s},
            {u"created"_s, 1767225600},
            {u"model"_s, u"mock-chat"_s},
            {u"choices"_s,
             QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}};
}

/// A tool-call delta for choice 0.
QJsonObject toolCallDelta(const QJsonObject &call)
{
    return {{u"tool_calls"_s, QJsonArray{call}}};
}

/// An Anthropic Messages stream as the API frames it: `event: <type>` plus `data:` per event.
QByteArray anthropicSse(const QList<QJsonObject> &events)
{
    QByteArray out;
    for (const QJsonObject &e : events)
        out += "event: " + e.value(u"type"_s).toString().toUtf8() + "\ndata: " + compact(e) + "\n\n";
    return out;
}

QJsonObject userMessage(const QString &text)
{
    return {{u"type"_s, u"message"_s},
            {u"role"_s, u"user"_s},
            {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"input_text"_s}, {u"text"_s, text}}}}};
}

QJsonObject weatherTool()
{
    return {{u"type"_s, u"function"_s},
            {u"name"_s, u"get_weather"_s},
            {u"description"_s, u"Current weather for a city"_s},
            {u"parameters"_s,
             QJsonObject{{u"type"_s, u"object"_s},
                         {u"properties"_s, QJsonObject{{u"city"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
                         {u"required"_s, QJsonArray{u"city"_s}}}}};
}

/// Codex's apply_patch: a freeform tool with a grammar.
QJsonObject applyPatchTool()
{
    return {{u"type"_s, u"custom"_s},
            {u"name"_s, u"apply_patch"_s},
            {u"description"_s, u"Apply a patch to the workspace"_s},
            {u"format"_s, QJsonObject{{u"type"_s, u"grammar"_s},
                                      {u"syntax"_s, u"lark"_s},
                                      {u"definition"_s, u"start: begin_patch hunk+ end_patch"_s}}}};
}

const QString kPatch = u"*** Begin Patch\n*** Add File: hello.txt\n+hello world\n*** End Patch\n"_s;

} // namespace

class TestResponsesApi : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_gateway;

    static QJsonObject responsesBody(const QString &model, const QJsonValue &input, bool stream)
    {
        QJsonObject body{{u"model"_s, model}, {u"input"_s, input}, {u"instructions"_s, u"be brief"_s}};
        if (stream)
            body.insert(u"stream"_s, true);
        return body;
    }

    /// POST `body` to the gateway's /v1/responses exactly as given.
    HttpResponse postBody(const QByteArray &body) const
    {
        return HttpClient::post(m_gateway.url(u"/v1/responses"_s), body, {{"content-type", "application/json"}});
    }

    /// The only request the mock received; false when it received none or several.
    bool singleCapture(MockRequest *out)
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
        EndpointSpec anthropic = m_gateway.mockEndpoint();
        anthropic.id = u"claude"_s;
        anthropic.provider = u"anthropic"_s;
        anthropic.models = {u"claude-up"_s};
        anthropic.apiKey = QString::fromLatin1(kAnthropicKey);
        EndpointSpec openAi = m_gateway.mockEndpoint();
        openAi.id = u"openai"_s;
        openAi.provider = u"openai"_s;
        openAi.models = {u"gpt-up"_s};
        openAi.apiKey = QString::fromLatin1(kOpenAiKey);
        m_gateway.config.endpoints = {m_gateway.mockEndpoint(), anthropic, openAi};
        m_gateway.config.extraYaml = "model_aliases:\n  \"codex-*\": mock-chat\n  gpt-alias: gpt-up\n";
        // One attempt per request: these tests check what the client gets when the upstream fails
        // (retries and fallback are covered by tst_resilience).
        m_gateway.config.extraYaml += "routing:\n  retry: {max_attempts: 1}\n";
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }
    void init() { QVERIFY(m_gateway.mock.reset()); }

    // --- OpenAI-compatible endpoint (Chat Completions upstream) ---

    void plainResponseFromChatEndpoint()
    {
        const QJsonObject body = responsesBody(u"codex-mini"_s, QJsonArray{userMessage(u"hello there"_s)}, false);
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.header("content-type").startsWith("application/json"));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"object"_s).toString(), u"response"_s);
        QCOMPARE(o.value(u"status"_s).toString(), u"completed"_s);
        QVERIFY2(o.value(u"id"_s).toString().startsWith(u"resp_"_s), qPrintable(o.value(u"id"_s).toString()));
        QCOMPARE(o.value(u"model"_s).toString(), u"codex-mini"_s); // the requested name, not the alias target
        QCOMPARE(o.value(u"error"_s), QJsonValue(QJsonValue::Null));
        const QJsonArray output = o.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        const QJsonObject message = output.at(0).toObject();
        QCOMPARE(message.value(u"type"_s).toString(), u"message"_s);
        QCOMPARE(message.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(message.value(u"status"_s).toString(), u"completed"_s);
        const QJsonArray content = message.value(u"content"_s).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(content.at(0).toObject().value(u"type"_s).toString(), u"output_text"_s);
        QCOMPARE(content.at(0).toObject().value(u"text"_s).toString(), u"hello there"_s);
        // The mock counts words: "be brief" + "hello there" in, "hello there" out.
        const QJsonObject usage = o.value(u"usage"_s).toObject();
        QCOMPARE(usage.value(u"input_tokens"_s).toInt(), 4);
        QCOMPARE(usage.value(u"output_tokens"_s).toInt(), 2);
        QCOMPARE(usage.value(u"total_tokens"_s).toInt(), 6);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer ") + GatewayFixture::kUpstreamKey);
        const QJsonObject json = sent.json();
        QCOMPARE(json.value(u"model"_s).toString(), u"mock-chat"_s);
        QVERIFY(!json.value(u"stream"_s).toBool());
        const QJsonArray expected{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"be brief"_s}},
                                  QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello there"_s}}};
        QCOMPARE(json.value(u"messages"_s).toArray(), expected);
    }

    void streamFollowsTheEventOrder()
    {
        const HttpResponse r =
            m_gateway.post(u"/v1/responses"_s, responsesBody(u"codex-mini"_s, u"one two three"_s, true));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.complete);
        QVERIFY(r.header("content-type").startsWith("text/event-stream"));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        const QStringList expected{u"response.created"_s,           u"response.in_progress"_s,
                                   u"response.output_item.added"_s, u"response.content_part.added"_s,
                                   u"response.output_text.delta"_s, u"response.output_text.delta"_s,
                                   u"response.output_text.delta"_s, u"response.output_text.done"_s,
                                   u"response.content_part.done"_s, u"response.output_item.done"_s,
                                   u"response.completed"_s};
        QCOMPARE(s.types, expected);
        QCOMPARE(s.joinedDeltas(u"response.output_text.delta"_s), u"one two three"_s);
        QCOMPARE(s.first(u"response.output_text.done"_s).value(u"text"_s).toString(), u"one two three"_s);
        QCOMPARE(s.first(u"response.created"_s).value(u"response"_s).toObject().value(u"status"_s).toString(),
                 u"in_progress"_s);

        const QJsonObject completed = s.first(u"response.completed"_s).value(u"response"_s).toObject();
        QCOMPARE(completed.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(completed.value(u"model"_s).toString(), u"codex-mini"_s);
        const QJsonArray output = completed.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output.at(0).toObject().value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
                 u"one two three"_s);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 5);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 3);
        // Every event about the message names the same item.
        const QString itemId =
            s.first(u"response.output_item.added"_s).value(u"item"_s).toObject().value(u"id"_s).toString();
        QVERIFY(!itemId.isEmpty());
        QCOMPARE(s.first(u"response.output_text.delta"_s).value(u"item_id"_s).toString(), itemId);
        QCOMPARE(output.at(0).toObject().value(u"id"_s).toString(), itemId);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QVERIFY(sent.json().value(u"stream"_s).toBool());
        // The gateway asks for usage so the final event can carry it.
        QVERIFY(sent.json().value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool());
    }

    void functionCallStreamBecomesFunctionCallItem()
    {
        const QJsonArray events{
            chatChunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null}}),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0},
                            {u"id"_s, u"call_abc123"_s},
                            {u"type"_s, u"function"_s},
                            {u"function"_s, QJsonObject{{u"name"_s, u"get_weather"_s}, {u"arguments"_s, u""_s}}}})),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0}, {u"function"_s, QJsonObject{{u"arguments"_s, u"{\"city\":"_s}}}})),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0}, {u"function"_s, QJsonObject{{u"arguments"_s, u"\"Paris\"}"_s}}}})),
            chatChunk(QJsonObject{}, u"tool_calls"_s),
            QJsonObject{{u"id"_s, u"chatcmpl-scripted"_s},
                        {u"object"_s, u"chat.completion.chunk"_s},
                        {u"created"_s, 1767225600},
                        {u"model"_s, u"mock-chat"_s},
                        {u"choices"_s, QJsonArray{}},
                        {u"usage"_s,
                         QJsonObject{{u"prompt_tokens"_s, 31}, {u"completion_tokens"_s, 9}, {u"total_tokens"_s, 40}}}},
            u"[DONE]"_s};
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"events"_s, events}}));
        QJsonObject body = responsesBody(u"codex-mini"_s, u"weather in Paris?"_s, true);
        body.insert(u"tools"_s, QJsonArray{weatherTool()});
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        const QStringList expected{u"response.created"_s,
                                   u"response.in_progress"_s,
                                   u"response.output_item.added"_s,
                                   u"response.function_call_arguments.delta"_s,
                                   u"response.function_call_arguments.delta"_s,
                                   u"response.function_call_arguments.done"_s,
                                   u"response.output_item.done"_s,
                                   u"response.completed"_s};
        QCOMPARE(s.types, expected);

        const QJsonObject added = s.first(u"response.output_item.added"_s).value(u"item"_s).toObject();
        QCOMPARE(added.value(u"type"_s).toString(), u"function_call"_s);
        QCOMPARE(added.value(u"call_id"_s).toString(), u"call_abc123"_s);
        QCOMPARE(added.value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(added.value(u"arguments"_s).toString(), u""_s);
        QCOMPARE(s.joinedDeltas(u"response.function_call_arguments.delta"_s), u"{\"city\":\"Paris\"}"_s);
        const QJsonObject argsDone = s.first(u"response.function_call_arguments.done"_s);
        QCOMPARE(argsDone.value(u"arguments"_s).toString(), u"{\"city\":\"Paris\"}"_s);
        QCOMPARE(argsDone.value(u"name"_s).toString(), u"get_weather"_s);

        const QJsonObject completed = s.first(u"response.completed"_s).value(u"response"_s).toObject();
        QCOMPARE(completed.value(u"status"_s).toString(), u"completed"_s);
        const QJsonArray output = completed.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        const QJsonObject call = output.at(0).toObject();
        QCOMPARE(call.value(u"type"_s).toString(), u"function_call"_s);
        QCOMPARE(call.value(u"call_id"_s).toString(), u"call_abc123"_s);
        QCOMPARE(call.value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(call.value(u"arguments"_s).toString(), u"{\"city\":\"Paris\"}"_s);
        QCOMPARE(call.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 31);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 9);

        // The upstream got the flat Responses tool in the nested Chat shape.
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        const QJsonObject weather = weatherTool();
        const QJsonArray expectedTools{
            QJsonObject{{u"type"_s, u"function"_s},
                        {u"function"_s, QJsonObject{{u"name"_s, weather.value(u"name"_s)},
                                                    {u"description"_s, weather.value(u"description"_s)},
                                                    {u"parameters"_s, weather.value(u"parameters"_s)}}}}};
        QJsonArray sentTools = sent.json().value(u"tools"_s).toArray();
        // `strict` is optional in the Chat shape; compare the rest exactly.
        for (qsizetype i = 0; i < sentTools.size(); ++i) {
            QJsonObject tool = sentTools.at(i).toObject();
            QJsonObject function = tool.value(u"function"_s).toObject();
            function.remove(u"strict"_s);
            tool.insert(u"function"_s, function);
            sentTools.replace(i, tool);
        }
        QCOMPARE(sentTools, expectedTools);
    }

    void customToolCallComesBackAsRawInput()
    {
        // The arguments JSON is split inside an escape sequence, as a real stream may do.
        const QString arguments = QString::fromUtf8(compact(QJsonObject{{u"input"_s, kPatch}}));
        const qsizetype cut = arguments.indexOf(u"\\n*** End"_s) + 1;
        const QJsonArray events{
            chatChunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null}}),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0},
                            {u"id"_s, u"call_patch1"_s},
                            {u"type"_s, u"function"_s},
                            {u"function"_s, QJsonObject{{u"name"_s, u"apply_patch"_s}, {u"arguments"_s, u""_s}}}})),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0}, {u"function"_s, QJsonObject{{u"arguments"_s, arguments.left(cut)}}}})),
            chatChunk(toolCallDelta(
                QJsonObject{{u"index"_s, 0}, {u"function"_s, QJsonObject{{u"arguments"_s, arguments.mid(cut)}}}})),
            chatChunk(QJsonObject{}, u"tool_calls"_s),
            u"[DONE]"_s};
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"events"_s, events}}));
        QJsonObject body = responsesBody(u"codex-mini"_s, u"add hello.txt"_s, true);
        body.insert(u"tools"_s, QJsonArray{applyPatchTool()});
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        const QStringList expected{u"response.created"_s,
                                   u"response.in_progress"_s,
                                   u"response.output_item.added"_s,
                                   u"response.custom_tool_call_input.delta"_s,
                                   u"response.custom_tool_call_input.done"_s,
                                   u"response.output_item.done"_s,
                                   u"response.completed"_s};
        QCOMPARE(s.types, expected);
        const QJsonObject added = s.first(u"response.output_item.added"_s).value(u"item"_s).toObject();
        QCOMPARE(added.value(u"type"_s).toString(), u"custom_tool_call"_s);
        QCOMPARE(added.value(u"call_id"_s).toString(), u"call_patch1"_s);
        QCOMPARE(added.value(u"name"_s).toString(), u"apply_patch"_s);
        QCOMPARE(s.joinedDeltas(u"response.custom_tool_call_input.delta"_s), kPatch);
        QCOMPARE(s.first(u"response.custom_tool_call_input.done"_s).value(u"input"_s).toString(), kPatch);
        const QJsonObject done = s.first(u"response.output_item.done"_s).value(u"item"_s).toObject();
        QCOMPARE(done.value(u"type"_s).toString(), u"custom_tool_call"_s);
        QCOMPARE(done.value(u"input"_s).toString(), kPatch);
        const QJsonArray output =
            s.first(u"response.completed"_s).value(u"response"_s).toObject().value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output.at(0).toObject().value(u"type"_s).toString(), u"custom_tool_call"_s);
        QCOMPARE(output.at(0).toObject().value(u"call_id"_s).toString(), u"call_patch1"_s);
        QCOMPARE(output.at(0).toObject().value(u"input"_s).toString(), kPatch);

        // Upstream, the freeform tool is a function taking one string named "input".
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        const QJsonArray tools = sent.json().value(u"tools"_s).toArray();
        QCOMPARE(tools.size(), 1);
        QCOMPARE(tools.at(0).toObject().value(u"type"_s).toString(), u"function"_s);
        const QJsonObject function = tools.at(0).toObject().value(u"function"_s).toObject();
        QCOMPARE(function.value(u"name"_s).toString(), u"apply_patch"_s);
        QCOMPARE(function.value(u"description"_s).toString(), u"Apply a patch to the workspace"_s);
        const QJsonObject parameters{
            {u"type"_s, u"object"_s},
            {u"properties"_s, QJsonObject{{u"input"_s, QJsonObject{{u"type"_s, u"string"_s}}}}},
            {u"required"_s, QJsonArray{u"input"_s}}};
        QCOMPARE(function.value(u"parameters"_s).toObject(), parameters);
    }

    void customToolCallInPlainResponse()
    {
        const QJsonObject call{
            {u"id"_s, u"call_patch2"_s},
            {u"type"_s, u"function"_s},
            {u"function"_s,
             QJsonObject{{u"name"_s, u"apply_patch"_s},
                         {u"arguments"_s, QString::fromUtf8(compact(QJsonObject{{u"input"_s, kPatch}}))}}}};
        const QJsonObject message{
            {u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null}, {u"tool_calls"_s, QJsonArray{call}}};
        const QJsonObject choice{{u"index"_s, 0}, {u"finish_reason"_s, u"tool_calls"_s}, {u"message"_s, message}};
        const QJsonObject completion{
            {u"id"_s, u"chatcmpl-patch"_s},
            {u"object"_s, u"chat.completion"_s},
            {u"created"_s, 1767225600},
            {u"model"_s, u"mock-chat"_s},
            {u"choices"_s, QJsonArray{choice}},
            {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 12}, {u"completion_tokens"_s, 20}, {u"total_tokens"_s, 32}}}};
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"body"_s, QString::fromUtf8(compact(completion))}}));
        QJsonObject body = responsesBody(u"codex-mini"_s, u"add hello.txt"_s, false);
        body.insert(u"tools"_s, QJsonArray{applyPatchTool()});
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"status"_s).toString(), u"completed"_s);
        const QJsonArray output = o.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        const QJsonObject item = output.at(0).toObject();
        QCOMPARE(item.value(u"type"_s).toString(), u"custom_tool_call"_s);
        QCOMPARE(item.value(u"call_id"_s).toString(), u"call_patch2"_s);
        QCOMPARE(item.value(u"name"_s).toString(), u"apply_patch"_s);
        QCOMPARE(item.value(u"input"_s).toString(), kPatch);
        QCOMPARE(o.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 20);
    }

    void toolOutputsBecomeToolMessages()
    {
        const QJsonArray input{
            userMessage(u"weather in Paris?"_s),
            QJsonObject{{u"type"_s, u"function_call"_s},
                        {u"call_id"_s, u"call_abc123"_s},
                        {u"name"_s, u"get_weather"_s},
                        {u"arguments"_s, u"{\"city\":\"Paris\"}"_s}},
            QJsonObject{{u"type"_s, u"function_call_output"_s},
                        {u"call_id"_s, u"call_abc123"_s},
                        {u"output"_s, u"sunny, 21 C"_s}},
            QJsonObject{{u"type"_s, u"custom_tool_call"_s},
                        {u"call_id"_s, u"call_patch1"_s},
                        {u"name"_s, u"apply_patch"_s},
                        {u"input"_s, kPatch}},
            QJsonObject{
                {u"type"_s, u"custom_tool_call_output"_s}, {u"call_id"_s, u"call_patch1"_s}, {u"output"_s, u"Done!"_s}},
        };
        QJsonObject body = responsesBody(u"codex-mini"_s, input, false);
        body.insert(u"tools"_s, QJsonArray{weatherTool(), applyPatchTool()});
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        const QJsonArray messages = sent.json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 6);
        QCOMPARE(messages.at(0).toObject(), (QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, u"be brief"_s}}));
        QCOMPARE(messages.at(1).toObject(),
                 (QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"weather in Paris?"_s}}));
        const QJsonObject expectedCall{
            {u"role"_s, u"assistant"_s},
            {u"content"_s, QJsonValue::Null},
            {u"tool_calls"_s,
             QJsonArray{QJsonObject{{u"id"_s, u"call_abc123"_s},
                                    {u"type"_s, u"function"_s},
                                    {u"function"_s, QJsonObject{{u"name"_s, u"get_weather"_s},
                                                                {u"arguments"_s, u"{\"city\":\"Paris\"}"_s}}}}}}};
        QCOMPARE(messages.at(2).toObject(), expectedCall);
        QCOMPARE(messages.at(3).toObject(),
                 (QJsonObject{
                     {u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"call_abc123"_s}, {u"content"_s, u"sunny, 21 C"_s}}));
        // The freeform call goes back as a function call whose arguments carry the input.
        const QJsonObject patchCall = messages.at(4).toObject();
        QCOMPARE(patchCall.value(u"role"_s).toString(), u"assistant"_s);
        const QJsonObject call = patchCall.value(u"tool_calls"_s).toArray().at(0).toObject();
        QCOMPARE(call.value(u"id"_s).toString(), u"call_patch1"_s);
        QCOMPARE(call.value(u"function"_s).toObject().value(u"name"_s).toString(), u"apply_patch"_s);
        QCOMPARE(QJsonDocument::fromJson(call.value(u"function"_s).toObject().value(u"arguments"_s).toString().toUtf8())
                     .object(),
                 (QJsonObject{{u"input"_s, kPatch}}));
        QCOMPARE(
            messages.at(5).toObject(),
            (QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, u"call_patch1"_s}, {u"content"_s, u"Done!"_s}}));
    }

    void midStreamFailureEndsWithResponseFailed()
    {
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 700}}));
        const QString text = u"alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
                             "sigma tau upsilon phi chi psi omega"_s;
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, responsesBody(u"codex-mini"_s, text, true));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.complete, qPrintable(r.describe()));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        QVERIFY2(s.types.contains(u"response.output_text.delta"_s), qPrintable(s.types.join(u' ')));
        QCOMPARE(s.terminalCount(), 1);
        QCOMPARE(s.types.last(), u"response.failed"_s);
        QCOMPARE(s.types.at(s.types.size() - 2), u"error"_s);
        QVERIFY(!s.types.contains(u"response.output_text.done"_s)); // the broken item is never reported done
        const QJsonObject error = s.data.at(s.data.size() - 2);
        QCOMPARE(error.value(u"code"_s).toString(), u"upstream_disconnected"_s);
        const QJsonObject failed = s.data.last().value(u"response"_s).toObject();
        QCOMPARE(failed.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(failed.value(u"error"_s).toObject().value(u"code"_s).toString(), u"upstream_disconnected"_s);
        QVERIFY(!failed.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QVERIFY(!r.body.contains("[DONE]"));
    }

    void upstreamErrorsBeforeTheStream_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QJsonObject>("behaviour");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("retryAfter");
        const QString rateLimited = u"{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"param\":null,"
                                    "\"code\":\"rate_limit_exceeded\"}}"_s;
        QTest::newRow("429 streamed") << true
                                      << QJsonObject{{u"status"_s, 429},
                                                     {u"body"_s, rateLimited},
                                                     {u"headers"_s, QJsonObject{{u"Retry-After"_s, u"7"_s}}}}
                                      << 429 << u"rate_limit_error"_s << u"rate_limit_exceeded"_s << u"slow down"_s
                                      << QByteArray("7");
        QTest::newRow("500") << false << QJsonObject{{u"status"_s, 500}} << 500 << u"server_error"_s << QString()
                             << u"Scripted mock error"_s << QByteArray();
        QTest::newRow("400 streamed")
            << true
            << QJsonObject{{u"status"_s, 400},
                           {u"body"_s,
                            u"{\"error\":{\"message\":\"temperature is out of range\",\"type\":"
                            "\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}"_s}}
            << 400 << u"invalid_request_error"_s << u"invalid_value"_s << u"temperature is out of range"_s
            << QByteArray();
    }
    void upstreamErrorsBeforeTheStream()
    {
        QFETCH(bool, stream);
        QFETCH(QJsonObject, behaviour);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(QByteArray, retryAfter);
        QVERIFY(m_gateway.mock.script(behaviour));
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, responsesBody(u"codex-mini"_s, u"hi"_s, stream));
        QCOMPARE(r.status, status);
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
        const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), type);
        QCOMPARE(error.value(u"code"_s).toString(), code);
        QCOMPARE(error.value(u"message"_s).toString(), message);
        QCOMPARE(r.header("retry-after"), retryAfter);
    }

    void requestErrorsAreOpenAiShaped_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        QTest::addColumn<QString>("code");
        // An id the gateway's response store does not know (tst_storedresponses covers the ones it does).
        QTest::newRow("previous_response_id")
            << QByteArray("POST")
            << QByteArray("{\"model\":\"codex-mini\",\"input\":\"hi\",\"previous_response_id\":\"resp_123\"}") << 404
            << u"previous_response_id"_s << u"previous_response_not_found"_s;
        QTest::newRow("invalid json") << QByteArray("POST") << QByteArray("{\"model\":") << 400 << QString()
                                      << u"invalid_json"_s;
        QTest::newRow("missing model") << QByteArray("POST") << QByteArray("{\"input\":\"hi\"}") << 400 << u"model"_s
                                       << u"missing_model"_s;
        QTest::newRow("unknown model") << QByteArray("POST") << QByteArray("{\"model\":\"gpt-nope\",\"input\":\"hi\"}")
                                       << 404 << QString() << u"model_not_found"_s;
        QTest::newRow("GET") << QByteArray("GET") << QByteArray() << 405 << QString() << u"method_not_allowed"_s;
    }
    void requestErrorsAreOpenAiShaped()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        QFETCH(QString, code);
        const HttpResponse r = HttpClient::request(method, m_gateway.url(u"/v1/responses"_s),
                                                   {{"content-type", "application/json"}}, body);
        QCOMPARE(r.status, status);
        QVERIFY2(openAiErrorProblem(r.body).isEmpty(), qPrintable(openAiErrorProblem(r.body)));
        const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), u"invalid_request_error"_s);
        QCOMPARE(error.value(u"param"_s).toString(), param);
        QCOMPARE(error.value(u"code"_s).toString(), code);
        QVERIFY(m_gateway.mock.requests().isEmpty()); // answered by the gateway alone
    }

    // --- OpenAI endpoint (the Responses API itself upstream: relayed) ---

    void relayedRequestAndReplyAreByteForByte_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<bool>("stream");
        QTest::newRow("plain") << QByteArray("gpt-up") << false;
        QTest::newRow("streamed") << QByteArray("gpt-up") << true;
        QTest::newRow("aliased plain") << QByteArray("gpt-alias") << false;
        QTest::newRow("aliased streamed") << QByteArray("gpt-alias") << true;
    }
    void relayedRequestAndReplyAreByteForByte()
    {
        QFETCH(QByteArray, model);
        QFETCH(bool, stream);
        const HttpResponse r = postBody(handWrittenBody(model, stream));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QVERIFY(r.complete);
        QCOMPARE(r.header("x-llmproxy-endpoint"), QByteArray("openai"));

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/v1/responses"));
        QCOMPARE(sent.query, QByteArray());
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer ") + kOpenAiKey);
        // Unchanged, members the gateway has no use for included; an alias only changes the model's value.
        QCOMPARE(sent.body, handWrittenBody("gpt-up", stream));

        // The reply is the mock's own, byte for byte: the same request sent straight to it gets the same bytes.
        const HttpResponse direct =
            HttpClient::post(m_gateway.mock.url(u"/v1/responses"_s), sent.body, {{"content-type", "application/json"}});
        QCOMPARE(direct.status, 200);
        QCOMPARE(r.header("content-type"), direct.header("content-type"));
        QCOMPARE(r.body, direct.body);
        if (stream) {
            const ResponsesStream s = parseStream(r.body);
            QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
            QCOMPARE(s.types.last(), u"response.completed"_s);
            QCOMPARE(s.joinedDeltas(u"response.output_text.delta"_s), kHandWrittenText);
        } else {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(o.value(u"object"_s).toString(), u"response"_s);
            QCOMPARE(o.value(u"model"_s).toString(), u"gpt-up"_s);
        }
    }

    void relayedRequestKeepsWhatTheTranslatorRejects()
    {
        // previous_response_id is refused when the request must be translated, but an `openai`
        // endpoint holds the conversation itself: the body goes there unchanged.
        const QByteArray body = "{\"model\":\"gpt-up\",\"input\":\"and then?\",\"previous_response_id\":\"resp_123\"}";
        const HttpResponse r = HttpClient::request("POST", m_gateway.url(u"/v1/responses"_s),
                                                   {{"content-type", "application/json"}}, body);
        QCOMPARE(r.status, 200);
        const QList<MockRequest> sent = m_gateway.mock.inferenceRequests();
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.at(0).path, QByteArray("/v1/responses"));
        QCOMPARE(sent.at(0).body, body);
    }

    void relayedUsageIsRecorded_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("plain") << false;
        QTest::newRow("streamed") << true;
    }
    void relayedUsageIsRecorded()
    {
        QFETCH(bool, stream);
        const HttpResponse r =
            m_gateway.post(u"/v1/responses"_s, responsesBody(u"gpt-up"_s, u"one two three"_s, stream));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QByteArray requestId = r.header("x-llmproxy-request-id");
        QVERIFY(!requestId.isEmpty());
        // The access line of this request: "be brief" + "one two three" in, "one two three" out (mock word counts).
        const QByteArray field = "request_id=" + requestId;
        QByteArray line;
        const auto findLine = [&] {
            for (const QByteArray &l : m_gateway.proxy.stdErr().split('\n')) {
                if (l.contains(field))
                    line = l;
            }
            return !line.isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(findLine(), 5000);
        QVERIFY2(line.contains(" input_tokens=5 "), line.constData());
        QVERIFY2(line.contains(" output_tokens=3 "), line.constData());
        QVERIFY2(line.contains(" endpoint=openai "), line.constData());
    }

    void relayedUpstreamErrorPassesThrough()
    {
        // A status that is not retried, so the mock's error body is what the client gets.
        QVERIFY(m_gateway.mock.script(
            QJsonObject{{u"status"_s, 400}, {u"headers"_s, QJsonObject{{u"x-request-id"_s, u"req_mock1"_s}}}}));
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, responsesBody(u"gpt-up"_s, u"hi"_s, true));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body,
                 QByteArray("{\"error\":{\"message\":\"Scripted mock error\",\"type\":\"invalid_request_error\","
                            "\"param\":null,\"code\":null}}"));
        QCOMPARE(r.header("x-request-id"), QByteArray("req_mock1"));
        QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1);
    }

    void relayedStreamCutEndsWithOneResponseFailed_data()
    {
        QTest::addColumn<int>("cutEvent");
        QTest::addColumn<int>("intoEvent");
        // Events: 0 created, 1 in_progress, 2 output_item.added, 3 content_part.added, 4… deltas.
        QTest::newRow("inside a delta") << 6 << 20;
        QTest::newRow("at an event boundary") << 6 << 0;
        QTest::newRow("inside output_item.added") << 2 << 1;
    }
    void relayedStreamCutEndsWithOneResponseFailed()
    {
        QFETCH(int, cutEvent);
        QFETCH(int, intoEvent);
        const QByteArray body =
            compact(responsesBody(u"gpt-up"_s, u"alpha beta gamma delta epsilon zeta eta theta"_s, true));
        const HttpResponse direct =
            HttpClient::post(m_gateway.mock.url(u"/v1/responses"_s), body, {{"content-type", "application/json"}});
        QVERIFY(direct.complete);
        // Where each event of the mock's stream ends; the cut falls `intoEvent` bytes into event `cutEvent`.
        QList<qsizetype> ends;
        for (qsizetype at = direct.body.indexOf("\n\n"); at >= 0; at = direct.body.indexOf("\n\n", at + 2))
            ends.append(at + 2);
        QVERIFY(ends.size() > cutEvent + 1);
        const qsizetype relayedBytes = ends.at(cutEvent - 1);
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, relayedBytes + intoEvent}}));

        const HttpResponse r = postBody(body);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.complete, qPrintable(r.describe())); // the gateway ends its own stream properly
        // The whole events before the cut, untouched; the broken one is dropped.
        QCOMPARE(r.body.left(relayedBytes), direct.body.left(relayedBytes));
        const ResponsesStream relayed = parseStream(direct.body.left(relayedBytes));
        QCOMPARE(relayed.types.size(), cutEvent);

        // Then exactly one response.failed, and nothing after it.
        const QByteArray tail = r.body.mid(relayedBytes);
        QVERIFY2(tail.startsWith("event: response.failed\ndata: "), tail.constData());
        QCOMPARE(tail.indexOf("\n\n"), tail.size() - 2);
        const QList<SseEvent> added = SseParser::parse(tail);
        QCOMPARE(added.size(), 1);
        const QJsonObject failed = QJsonDocument::fromJson(added.first().data).object();
        QCOMPARE(failed.value(u"type"_s).toString(), u"response.failed"_s);
        QCOMPARE(failed.value(u"sequence_number"_s).toInteger(-1),
                 relayed.data.last().value(u"sequence_number"_s).toInteger() + 1);
        const QJsonObject response = failed.value(u"response"_s).toObject();
        const QString createdId =
            relayed.first(u"response.created"_s).value(u"response"_s).toObject().value(u"id"_s).toString();
        QVERIFY(createdId.startsWith(u"resp_mock"_s));
        QCOMPARE(response.value(u"id"_s).toString(), createdId);
        QCOMPARE(response.value(u"object"_s).toString(), u"response"_s);
        QCOMPARE(response.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(response.value(u"error"_s).toObject().value(u"code"_s).toString(), u"upstream_disconnected"_s);
        QVERIFY(!response.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(parseStream(r.body).terminalCount(), 1);
    }

    // --- Anthropic endpoint (Messages upstream) ---

    void plainResponseFromAnthropicEndpoint()
    {
        const HttpResponse r =
            m_gateway.post(u"/v1/responses"_s, responsesBody(u"claude-up"_s, u"hello there"_s, false));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"object"_s).toString(), u"response"_s);
        QCOMPARE(o.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(o.value(u"model"_s).toString(), u"claude-up"_s);
        const QJsonArray output = o.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output.at(0).toObject().value(u"type"_s).toString(), u"message"_s);
        QCOMPARE(output.at(0).toObject().value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(),
                 u"hello there"_s);
        QCOMPARE(o.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 4);
        QCOMPARE(o.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 2);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QCOMPARE(sent.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(sent.header("x-api-key"), QByteArray(kAnthropicKey));
        QVERIFY(!sent.hasHeader("authorization"));
        const QJsonObject json = sent.json();
        QCOMPARE(json.value(u"model"_s).toString(), u"claude-up"_s);
        QCOMPARE(json.value(u"system"_s).toString(), u"be brief"_s);
        // Required by Anthropic: the gateway supplies a default when the client gave none (its size is
        // a per-model policy; streamFromAnthropicEndpoint checks that a client's limit is kept exactly).
        QVERIFY(json.value(u"max_tokens"_s).isDouble());
        QVERIFY(json.value(u"max_tokens"_s).toInteger() > 0);
        QVERIFY(!json.value(u"stream"_s).toBool());
        const QJsonArray messages = json.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
        const QJsonValue content = messages.at(0).toObject().value(u"content"_s);
        const QString text =
            content.isString() ? content.toString() : content.toArray().at(0).toObject().value(u"text"_s).toString();
        QCOMPARE(text, u"hello there"_s);
    }

    void streamFromAnthropicEndpoint()
    {
        QJsonObject body = responsesBody(u"claude-up"_s, u"one two three"_s, true);
        body.insert(u"max_output_tokens"_s, 64);
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        const QStringList expected{u"response.created"_s,           u"response.in_progress"_s,
                                   u"response.output_item.added"_s, u"response.content_part.added"_s,
                                   u"response.output_text.delta"_s, u"response.output_text.delta"_s,
                                   u"response.output_text.delta"_s, u"response.output_text.done"_s,
                                   u"response.content_part.done"_s, u"response.output_item.done"_s,
                                   u"response.completed"_s};
        QCOMPARE(s.types, expected);
        QCOMPARE(s.joinedDeltas(u"response.output_text.delta"_s), u"one two three"_s);
        const QJsonObject completed = s.first(u"response.completed"_s).value(u"response"_s).toObject();
        QCOMPARE(completed.value(u"model"_s).toString(), u"claude-up"_s);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 5);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 3);

        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        QCOMPARE(sent.path, QByteArray("/v1/messages"));
        QVERIFY(sent.json().value(u"stream"_s).toBool());
        QCOMPARE(sent.json().value(u"max_tokens"_s).toInt(), 64);
    }

    void anthropicToolUseStreamBecomesFunctionCall()
    {
        const QList<QJsonObject> events{
            QJsonObject{{u"type"_s, u"message_start"_s},
                        {u"message"_s,
                         QJsonObject{{u"id"_s, u"msg_01Tool"_s},
                                     {u"type"_s, u"message"_s},
                                     {u"role"_s, u"assistant"_s},
                                     {u"model"_s, u"claude-up"_s},
                                     {u"content"_s, QJsonArray{}},
                                     {u"stop_reason"_s, QJsonValue::Null},
                                     {u"stop_sequence"_s, QJsonValue::Null},
                                     {u"usage"_s, QJsonObject{{u"input_tokens"_s, 42}, {u"output_tokens"_s, 1}}}}}},
            QJsonObject{{u"type"_s, u"content_block_start"_s},
                        {u"index"_s, 0},
                        {u"content_block"_s, QJsonObject{{u"type"_s, u"tool_use"_s},
                                                         {u"id"_s, u"toolu_01A09q90qw90lq917835lq9"_s},
                                                         {u"name"_s, u"get_weather"_s},
                                                         {u"input"_s, QJsonObject{}}}}},
            QJsonObject{{u"type"_s, u"ping"_s}},
            QJsonObject{{u"type"_s, u"content_block_delta"_s},
                        {u"index"_s, 0},
                        {u"delta"_s, QJsonObject{{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, u""_s}}}},
            QJsonObject{{u"type"_s, u"content_block_delta"_s},
                        {u"index"_s, 0},
                        {u"delta"_s,
                         QJsonObject{{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, u"{\"city\": \"Pa"_s}}}},
            QJsonObject{
                {u"type"_s, u"content_block_delta"_s},
                {u"index"_s, 0},
                {u"delta"_s, QJsonObject{{u"type"_s, u"input_json_delta"_s}, {u"partial_json"_s, u"ris\"}"_s}}}},
            QJsonObject{{u"type"_s, u"content_block_stop"_s}, {u"index"_s, 0}},
            QJsonObject{
                {u"type"_s, u"message_delta"_s},
                {u"delta"_s, QJsonObject{{u"stop_reason"_s, u"tool_use"_s}, {u"stop_sequence"_s, QJsonValue::Null}}},
                {u"usage"_s, QJsonObject{{u"output_tokens"_s, 17}}}},
            QJsonObject{{u"type"_s, u"message_stop"_s}}};
        QVERIFY(
            m_gateway.mock.script(QJsonObject{{u"body"_s, QString::fromUtf8(anthropicSse(events))},
                                              {u"headers"_s, QJsonObject{{u"Content-Type"_s, u"text/event-stream"_s}}},
                                              {u"chunked"_s, true},
                                              {u"split_bytes"_s, 61}}));
        QJsonObject body = responsesBody(u"claude-up"_s, u"weather in Paris?"_s, true);
        body.insert(u"tools"_s, QJsonArray{weatherTool()});
        const HttpResponse r = m_gateway.post(u"/v1/responses"_s, body);
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const ResponsesStream s = parseStream(r.body);
        QVERIFY2(s.problem().isEmpty(), qPrintable(s.problem()));
        const QStringList expected{u"response.created"_s,
                                   u"response.in_progress"_s,
                                   u"response.output_item.added"_s,
                                   u"response.function_call_arguments.delta"_s,
                                   u"response.function_call_arguments.delta"_s,
                                   u"response.function_call_arguments.done"_s,
                                   u"response.output_item.done"_s,
                                   u"response.completed"_s};
        QCOMPARE(s.types, expected);
        const QJsonObject added = s.first(u"response.output_item.added"_s).value(u"item"_s).toObject();
        QCOMPARE(added.value(u"type"_s).toString(), u"function_call"_s);
        QCOMPARE(added.value(u"call_id"_s).toString(), u"toolu_01A09q90qw90lq917835lq9"_s);
        QCOMPARE(added.value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(s.joinedDeltas(u"response.function_call_arguments.delta"_s), u"{\"city\": \"Paris\"}"_s);
        const QJsonObject completed = s.first(u"response.completed"_s).value(u"response"_s).toObject();
        const QJsonObject call = completed.value(u"output"_s).toArray().at(0).toObject();
        QCOMPARE(call.value(u"type"_s).toString(), u"function_call"_s);
        QCOMPARE(call.value(u"call_id"_s).toString(), u"toolu_01A09q90qw90lq917835lq9"_s);
        QCOMPARE(QJsonDocument::fromJson(call.value(u"arguments"_s).toString().toUtf8()).object(),
                 (QJsonObject{{u"city"_s, u"Paris"_s}}));
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 42);
        QCOMPARE(completed.value(u"usage"_s).toObject().value(u"output_tokens"_s).toInt(), 17);

        // The tool went upstream in Anthropic's shape.
        MockRequest sent;
        QVERIFY(singleCapture(&sent));
        const QJsonObject tool = sent.json().value(u"tools"_s).toArray().at(0).toObject();
        QCOMPARE(tool.value(u"name"_s).toString(), u"get_weather"_s);
        QCOMPARE(tool.value(u"description"_s).toString(), u"Current weather for a city"_s);
        QCOMPARE(tool.value(u"input_schema"_s).toObject(), weatherTool().value(u"parameters"_s).toObject());
    }
};

QTEST_GUILESS_MAIN(TestResponsesApi)
#include "tst_responsesapi.moc"

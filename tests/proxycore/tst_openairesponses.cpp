// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/openairesponses.h"
#include "proxycore/formats/ssedecoder.h"
#include "tests/proxycore/formattestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy;
using namespace llmproxy::formattest;
using namespace Qt::StringLiterals;

using canonical::BlockKind;
using canonical::ContentPart;
using canonical::DeltaKind;
using canonical::PartKind;
using canonical::StreamEvent;

namespace {

QJsonObject jsonObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

ContentPart text(const QString &t)
{
    return ContentPart::makeText(t);
}

ContentPart result(const QString &id, const std::vector<ContentPart> &content)
{
    ContentPart p;
    p.kind = PartKind::ToolResult;
    p.toolCallId = id;
    p.result = content;
    return p;
}

ContentPart redacted(const QString &data)
{
    ContentPart p;
    p.kind = PartKind::RedactedThinking;
    p.text = data;
    return p;
}

// Canonical stream events, briefly.

StreamEvent messageStart(const QString &id, const QString &model, std::optional<qint64> inputTokens = {})
{
    StreamEvent e;
    e.type = StreamEvent::Type::MessageStart;
    e.id = id;
    e.model = model;
    e.usage.inputTokens = inputTokens;
    return e;
}

StreamEvent blockStart(int index, BlockKind kind, const QString &callId = {}, const QString &name = {},
                       const QString &data = {})
{
    StreamEvent e;
    e.type = StreamEvent::Type::BlockStart;
    e.index = index;
    e.blockKind = kind;
    e.toolCallId = callId;
    e.toolName = name;
    e.text = data;
    return e;
}

StreamEvent blockDelta(int index, DeltaKind kind, const QString &fragment)
{
    StreamEvent e;
    e.type = StreamEvent::Type::BlockDelta;
    e.index = index;
    e.deltaKind = kind;
    e.text = fragment;
    return e;
}

StreamEvent blockStop(int index)
{
    StreamEvent e;
    e.type = StreamEvent::Type::BlockStop;
    e.index = index;
    return e;
}

StreamEvent messageDelta(canonical::StopReason reason, const canonical::Usage &usage)
{
    StreamEvent e;
    e.type = StreamEvent::Type::MessageDelta;
    e.stopReason = reason;
    e.usage = usage;
    return e;
}

StreamEvent messageStop()
{
    StreamEvent e;
    e.type = StreamEvent::Type::MessageStop;
    return e;
}

StreamEvent errorEvent(const canonical::Error &error)
{
    StreamEvent e;
    e.type = StreamEvent::Type::Error;
    e.error = error;
    return e;
}

openairesponses::EmitOptions fixedOptions()
{
    openairesponses::EmitOptions o;
    o.created = FixedCreated;
    return o;
}

bool isTerminal(const QByteArray &name)
{
    return name == "response.completed" || name == "response.incomplete" || name == "response.failed";
}

/// Checks the Responses stream contract a client relies on; returns the first violation, empty
/// when the stream keeps it. `terminal` is the expected terminal event.
QString streamViolation(const QByteArray &stream, const QByteArray &terminal)
{
    const QList<SseEvent> events = sseEvents(stream);
    if (events.size() < 3)
        return u"too few events"_s;
    if (events.at(0).event != "response.created" || events.at(1).event != "response.in_progress")
        return u"the stream does not open with response.created, response.in_progress"_s;
    QHash<QString, QString> deltas; // "<event family>/<item id>" → concatenated deltas
    QHash<int, QJsonObject> doneItems;
    int terminals = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const SseEvent &e = events.at(i);
        const QJsonObject data = jsonObject(e.data);
        if (data.value(u"type"_s).toString().toUtf8() != e.event)
            return u"event %1: type '%2' differs from the event name"_s.arg(i).arg(data.value(u"type"_s).toString());
        if (!data.value(u"sequence_number"_s).isDouble() || data.value(u"sequence_number"_s).toInt() != i)
            return u"event %1 has sequence_number %2"_s.arg(i).arg(data.value(u"sequence_number"_s).toInt());
        if (isTerminal(e.event)) {
            ++terminals;
            if (i != events.size() - 1)
                return u"terminal event %1 is not the last"_s.arg(i);
            if (e.event != terminal)
                return u"terminal event is %1"_s.arg(QString::fromUtf8(e.event));
            const QJsonArray output = data.value(u"response"_s).toObject().value(u"output"_s).toArray();
            if (output.size() != doneItems.size())
                return u"final output has %1 items, %2 were done"_s.arg(output.size()).arg(doneItems.size());
            for (qsizetype k = 0; k < output.size(); ++k) {
                if (output.at(k).toObject() != doneItems.value(int(k)))
                    return u"final output item %1 differs from its output_item.done"_s.arg(k);
            }
            continue;
        }
        const QString name = QString::fromUtf8(e.event);
        const QString itemId = data.value(u"item_id"_s).toString();
        if (name.endsWith(u".delta"_s)) {
            const QString family = name.chopped(6);
            deltas[family + u'/' + itemId] += data.value(u"delta"_s).toString();
        } else if (name.endsWith(u".done"_s) && name != u"response.output_item.done"_s &&
                   !name.contains(u"part.done"_s)) {
            const QString family = name.chopped(5);
            QString full = data.value(u"text"_s).toString();
            if (data.contains(u"arguments"_s))
                full = data.value(u"arguments"_s).toString();
            if (data.contains(u"input"_s))
                full = data.value(u"input"_s).toString();
            if (deltas.value(family + u'/' + itemId) != full)
                return u"%1: deltas '%2' do not add up to '%3'"_s.arg(name, deltas.value(family + u'/' + itemId), full);
        } else if (name == u"response.output_item.done"_s) {
            doneItems.insert(data.value(u"output_index"_s).toInt(), data.value(u"item"_s).toObject());
        }
    }
    if (terminals != 1)
        return u"%1 terminal events"_s.arg(terminals);
    return {};
}

QString eventNames(const QByteArray &stream)
{
    QStringList names;
    for (const SseEvent &e : sseEvents(stream))
        names.append(QString::fromUtf8(e.event));
    return names.join(u' ');
}

/// An OpenAI Chat upstream stream cut at `cuts` → canonical → Responses SSE.
QByteArray translateSplit(const QByteArray &upstream, const QList<qsizetype> &cuts)
{
    openaichat::StreamDecoder decoder;
    openairesponses::StreamEncoder encoder(fixedOptions());
    return translateInPieces(decoder, encoder, upstream, cuts);
}

} // namespace

class TestOpenAiResponses : public QObject
{
    Q_OBJECT

private slots:
    void codexRequestParsesExactly();
    void codexRequestTranslatesToOtherFormats();
    void requestOptionsMap();
    void statelessOrUnresolvableRequestsAreRejected_data();
    void statelessOrUnresolvableRequestsAreRejected();
    void nullStateFieldsAreAccepted();

    void responseMatchesGolden_data();
    void responseMatchesGolden();
    void customToolInputFallsBackToRawArguments();

    void streamMatchesGolden_data();
    void streamMatchesGolden();
    void chatUpstreamTranslatesIdenticallyAtEverySplit_data();
    void chatUpstreamTranslatesIdenticallyAtEverySplit();
    void nothingIsEmittedAfterTheTerminalEvent();
};

void TestOpenAiResponses::codexRequestParsesExactly()
{
    const QByteArray body = readFile(dataDir(u"responses"_s) + u"/codex_request.json"_s);
    QVERIFY2(!body.isEmpty(), "test data not found; set LLMPROXY_SOURCE_DIR");
    canonical::Error error;
    const auto request = openairesponses::parseRequest(body, &error);
    QVERIFY2(request, qPrintable(error.message));

    QCOMPARE(request->model, u"gpt-5-codex"_s);
    QCOMPARE(request->system,
             (QList<ContentPart>{text(u"You are Codex, based on GPT-5. You are running as a coding agent in the Codex "
                                      u"CLI on a user's computer."_s),
                                 text(u"<permissions instructions>\nApproval policy: on-request. Sandbox: "
                                      u"workspace-write.\n</permissions instructions>"_s)}));

    ContentPart screenshot;
    screenshot.kind = PartKind::Image;
    screenshot.mediaType = u"image/png"_s;
    screenshot.imageData = u"iVBORw0KGgo="_s;
    const QList<canonical::Message> messages{
        {canonical::Role::User,
         {text(
             u"<environment_context>\n  <cwd>/home/dev/calc</cwd>\n  <shell>bash</shell>\n</environment_context>"_s)}},
        {canonical::Role::User, {text(u"Fix the failing test in src/math.rs"_s)}},
        {canonical::Role::Assistant,
         {thinking(u"**Inspecting the failure**\n\nI should run the tests first."_s, u"gAAAAABo8KxEnc1"_s),
          text(u"I'll run the tests and check the tree."_s),
          call(u"call_A1"_s, u"shell"_s,
               u"{\"command\":[\"bash\",\"-lc\",\"cargo test\"],\"workdir\":\"/home/dev/calc\"}"_s),
          call(u"call_A2"_s, u"shell"_s, u"{\"command\":[\"git\",\"status\",\"--short\"]}"_s)}},
        {canonical::Role::User,
         {result(u"call_A1"_s, {text(u"{\"output\":\"test math::add ... FAILED\\n\",\"metadata\":{\"exit_code\":101,"
                                     u"\"duration_seconds\":1.2}}"_s)}),
          result(u"call_A2"_s, {text(u"M src/math.rs"_s)})}},
        {canonical::Role::Assistant,
         {redacted(u"gAAAAABo8KxEnc2"_s),
          call(u"call_B1"_s, u"apply_patch"_s,
               u"{\"input\":\"*** Begin Patch\\n*** Update File: src/math.rs\\n@@\\n-    a - b\\n+    a + b\\n*** End "
               u"Patch\\n\"}"_s)}},
        {canonical::Role::User,
         {result(u"call_B1"_s, {text(u"Success. Updated the following files:\nM src/math.rs\n"_s)})}},
        {canonical::Role::Assistant, {text(u"Fixed the sign in `add`."_s)}},
        {canonical::Role::User, {text(u"Run the tests again and look at this screenshot."_s), screenshot}},
    };
    QCOMPARE(request->messages.size(), messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i)
        QVERIFY2(request->messages.at(i) == messages.at(i), qPrintable(u"message %1 differs"_s.arg(i)));

    const QJsonArray wireTools = jsonObject(body).value(u"tools"_s).toArray();
    QCOMPARE(request->tools.size(), 3);
    canonical::Tool shell;
    shell.name = u"shell"_s;
    shell.description = u"Runs a shell command and returns its output."_s;
    shell.parameters = wireTools.at(0).toObject().value(u"parameters"_s).toObject();
    shell.strict = false;
    QCOMPARE(request->tools.at(0), shell);
    QCOMPARE(request->tools.at(1).name, u"update_plan"_s);
    QCOMPARE(request->tools.at(1).parameters, wireTools.at(1).toObject().value(u"parameters"_s).toObject());
    canonical::Tool applyPatch;
    applyPatch.name = u"apply_patch"_s;
    applyPatch.description = u"Use the `apply_patch` tool to edit files. This is a FREEFORM tool, so do not wrap the "
                             u"patch in JSON."_s;
    applyPatch.parameters = jsonObject("{\"type\":\"object\",\"properties\":{\"input\":{\"type\":\"string\"}},"
                                       "\"required\":[\"input\"]}");
    applyPatch.freeform = true;
    QCOMPARE(request->tools.at(2), applyPatch);
    QCOMPARE(openairesponses::customToolNames(*request), QSet<QString>{u"apply_patch"_s});

    QCOMPARE(request->toolChoice.mode, canonical::ToolChoice::Mode::Auto);
    QCOMPARE(request->toolChoice.parallelAllowed, false);
    QCOMPARE(request->reasoningEffort, u"medium"_s);
    QVERIFY(request->thinkingEnabled);
    QVERIFY(request->stream);
    QVERIFY(!request->responseFormat);
    QVERIFY(!request->maxOutputTokens);
    QCOMPARE(droppedFields(request->dropped),
             u"tools[2].format, tools[3], text.verbosity, store, include, prompt_cache_key"_s);
}

void TestOpenAiResponses::codexRequestTranslatesToOtherFormats()
{
    canonical::Error error;
    const auto request =
        openairesponses::parseRequest(readFile(dataDir(u"responses"_s) + u"/codex_request.json"_s), &error);
    QVERIFY(request);

    // The freeform tool is offered as a function taking {"input": string} to a Chat upstream.
    const QJsonObject chat = jsonObject(openaichat::emitRequest(*request));
    const QJsonObject patchTool = chat.value(u"tools"_s).toArray().at(2).toObject().value(u"function"_s).toObject();
    QCOMPARE(patchTool.value(u"name"_s).toString(), u"apply_patch"_s);
    QCOMPARE(patchTool.value(u"parameters"_s).toObject().value(u"required"_s).toArray(), QJsonArray{u"input"_s});
    QCOMPARE(chat.value(u"reasoning_effort"_s).toString(), u"medium"_s);

    // To Anthropic the replayed reasoning keeps its state: a signed thinking block and a redacted one.
    const QJsonObject anthropic = jsonObject(anthropicmessages::emitRequest(*request));
    const QJsonArray turns = anthropic.value(u"messages"_s).toArray();
    const QJsonArray firstAssistant = turns.at(1).toObject().value(u"content"_s).toArray();
    QCOMPARE(turns.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
    QCOMPARE(firstAssistant.at(0).toObject().value(u"type"_s).toString(), u"thinking"_s);
    QCOMPARE(firstAssistant.at(0).toObject().value(u"signature"_s).toString(), u"gAAAAABo8KxEnc1"_s);
    QCOMPARE(firstAssistant.at(3).toObject().value(u"id"_s).toString(), u"call_A2"_s);
    const QJsonArray secondAssistant = turns.at(3).toObject().value(u"content"_s).toArray();
    QCOMPARE(secondAssistant.at(0).toObject().value(u"type"_s).toString(), u"redacted_thinking"_s);
    QCOMPARE(secondAssistant.at(1).toObject().value(u"input"_s).toObject().value(u"input"_s).toString(),
             u"*** Begin Patch\n*** Update File: src/math.rs\n@@\n-    a - b\n+    a + b\n*** End Patch\n"_s);
}

void TestOpenAiResponses::requestOptionsMap()
{
    canonical::Error error;
    const QByteArray body =
        "{\"model\":\"m\",\"input\":\"Hi\",\"instructions\":\"Be brief.\",\"max_output_tokens\":300,"
        "\"temperature\":0.5,\"top_p\":0.9,\"user\":\"u-1\",\"safety_identifier\":\"s-1\",\"metadata\":{\"k\":\"v\"},"
        "\"tools\":[{\"type\":\"custom\",\"name\":\"run\",\"format\":{\"type\":\"text\"}},{\"type\":\"file_search\","
        "\"vector_store_ids\":[\"vs_1\"]}],\"tool_choice\":{\"type\":\"custom\",\"name\":\"run\"},"
        "\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"answer\",\"description\":\"An answer\","
        "\"schema\":{\"type\":\"object\"},\"strict\":true}},\"reasoning\":{\"effort\":\"none\"},\"store\":true,"
        "\"truncation\":\"auto\"}";
    const auto request = openairesponses::parseRequest(body, &error);
    QVERIFY2(request, qPrintable(error.message));
    QCOMPARE(request->system, QList<ContentPart>{text(u"Be brief."_s)});
    QCOMPARE(request->messages,
             (QList<canonical::Message>{canonical::Message{canonical::Role::User, {text(u"Hi"_s)}}}));
    QCOMPARE(request->maxOutputTokens, std::optional<qint64>(300));
    QCOMPARE(request->temperature, std::optional<double>(0.5));
    QCOMPARE(request->topP, std::optional<double>(0.9));
    QCOMPARE(request->user, u"u-1"_s);
    QCOMPARE(request->metadata, jsonObject("{\"k\":\"v\"}"));
    QCOMPARE(request->tools.size(), 1);
    QVERIFY(request->tools.at(0).freeform);
    QCOMPARE(request->toolChoice.mode, canonical::ToolChoice::Mode::Named);
    QCOMPARE(request->toolChoice.name, u"run"_s);
    canonical::ResponseFormat format;
    format.kind = canonical::ResponseFormat::Kind::JsonSchema;
    format.name = u"answer"_s;
    format.description = u"An answer"_s;
    format.schema = jsonObject("{\"type\":\"object\"}");
    format.strict = true;
    QCOMPARE(request->responseFormat, std::optional<canonical::ResponseFormat>(format));
    QCOMPARE(request->reasoningEffort, u"none"_s);
    QVERIFY(!request->thinkingEnabled);
    // A text-format custom tool loses nothing; the hosted file_search tool is not offered upstream.
    QCOMPARE(droppedFields(request->dropped), u"tools[1], safety_identifier, store, truncation"_s);
    QVERIFY(request->dropped.at(2).reason.contains(u"response store"_s));

    // The response echoes what the client asked for.
    const openairesponses::EmitOptions options = openairesponses::emitOptionsFor(*request);
    QCOMPARE(options.customTools, QSet<QString>{u"run"_s});
    QCOMPARE(options.echo.value(u"tool_choice"_s).toObject(), jsonObject("{\"type\":\"custom\",\"name\":\"run\"}"));
    QCOMPARE(options.echo.value(u"max_output_tokens"_s).toInteger(), 300);
    QCOMPARE(options.echo.value(u"text"_s).toObject().value(u"format"_s).toObject().value(u"name"_s).toString(),
             u"answer"_s);
}

void TestOpenAiResponses::statelessOrUnresolvableRequestsAreRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::newRow("previous_response_id")
        << QByteArray("{\"model\":\"m\",\"input\":\"hi\",\"previous_response_id\":\"resp_1\"}")
        << u"previous_response_id"_s;
    QTest::newRow("conversation") << QByteArray("{\"model\":\"m\",\"input\":\"hi\",\"conversation\":{\"id\":\"c\"}}")
                                  << u"conversation"_s;
    QTest::newRow("item_reference") << QByteArray("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":\"a\"},{"
                                                  "\"type\":\"item_reference\",\"id\":\"x\"}]}")
                                    << u"input[1].type"_s;
    QTest::newRow("image by file_id")
        << QByteArray("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":"
                      "\"a\"},{\"type\":\"input_image\",\"file_id\":\"file-1\",\"detail\":\"auto\"}]}]}")
        << u"input[0].content[1].file_id"_s;
    QTest::newRow("input_file") << QByteArray("{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":"
                                              "\"input_file\",\"file_id\":\"f\"}]}]}")
                                << u"input[0].content[0].type"_s;
    QTest::newRow("image in a system message")
        << QByteArray("{\"model\":\"m\",\"input\":[{\"role\":\"system\",\"content\":[{\"type\":\"input_image\","
                      "\"image_url\":\"https://x/y.png\"}]}]}")
        << u"input[0].content[0].type"_s;
    QTest::newRow("missing input") << QByteArray("{\"model\":\"m\"}") << u"input"_s;
    QTest::newRow("missing model") << QByteArray("{\"input\":\"hi\"}") << u"model"_s;
    QTest::newRow("allowed_tools choice")
        << QByteArray("{\"model\":\"m\",\"input\":\"hi\",\"tool_choice\":{\"type\":\"allowed_tools\",\"mode\":\"auto\","
                      "\"tools\":[]}}")
        << u"tool_choice"_s;
    QTest::newRow("unknown role") << QByteArray("{\"model\":\"m\",\"input\":[{\"role\":\"tool\",\"content\":\"x\"}]}")
                                  << u"input[0].role"_s;
    QTest::newRow("background") << QByteArray("{\"model\":\"m\",\"input\":\"hi\",\"background\":true}")
                                << u"background"_s;
    QTest::newRow("not json") << QByteArray("{\"model\":") << QString();
}

void TestOpenAiResponses::statelessOrUnresolvableRequestsAreRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    canonical::Error error;
    QVERIFY(!openairesponses::parseRequest(body, &error));
    QCOMPARE(error.status, 400);
    QCOMPARE(error.param, param);
    QVERIFY(!error.message.isEmpty());
    if (param == u"previous_response_id"_s || param == u"conversation"_s) {
        QVERIFY2(error.message.contains(u"stateless"_s) && error.message.contains(u"full conversation"_s) &&
                     error.message.contains(u"store: false"_s),
                 qPrintable(error.message));
    }
    QCOMPARE(openairesponses::httpStatus(error), 400);
    const QJsonObject wire = jsonObject(openairesponses::emitError(error)).value(u"error"_s).toObject();
    QCOMPARE(wire.value(u"type"_s).toString(), u"invalid_request_error"_s);
    QCOMPARE(wire.value(u"message"_s).toString(), error.message);
    QCOMPARE(wire.value(u"param"_s).toString(), param);
}

void TestOpenAiResponses::nullStateFieldsAreAccepted()
{
    canonical::Error error;
    const auto request = openairesponses::parseRequest(
        "{\"model\":\"m\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"hi\"},"
        "{\"type\":\"web_search_call\",\"id\":\"ws_1\",\"status\":\"completed\"}],"
        "\"previous_response_id\":null,\"conversation\":null,\"store\":false}",
        &error);
    QVERIFY2(request, qPrintable(error.message));
    QCOMPARE(request->messages.size(), 1);
    QCOMPARE(droppedFields(request->dropped), u"input[1], store"_s);
}

void TestOpenAiResponses::responseMatchesGolden_data()
{
    QTest::addColumn<QString>("golden");
    QTest::addColumn<canonical::Response>("response");
    QTest::addColumn<bool>("withRequestEcho");

    canonical::Response r;
    r.id = u"msg_01"_s;
    r.model = u"claude-x"_s;
    r.content = {text(u"Hello!"_s)};
    r.stopReason = canonical::StopReason::EndTurn;
    r.usage = usage(12, 5);
    QTest::newRow("text") << u"response_text"_s << r << false;

    r.id = u"chatcmpl-9"_s;
    r.model = u"gpt-4.1"_s;
    r.content = {text(u"Let me check."_s), call(u"call_1"_s, u"get_time"_s, u"{\"tz\":\"UTC\"}"_s),
                 call(u"call_2"_s, u"noop"_s, QString())};
    r.stopReason = canonical::StopReason::ToolUse;
    r.usage = usage(52, 18, std::nullopt, 32);
    QTest::newRow("tool calls") << u"response_tool_calls"_s << r << false;

    r.id = u"resp_abc"_s;
    r.model = u"gpt-5-codex"_s;
    r.content = {call(u"call_B1"_s, u"apply_patch"_s,
                      u"{\"input\":\"*** Begin Patch\\n*** Add File: a.txt\\n+hi\\n*** End Patch\\n\"}"_s),
                 call(u"call_B2"_s, u"shell"_s, u"{\"command\":[\"ls\"]}"_s)};
    r.stopReason = canonical::StopReason::ToolUse;
    r.usage = usage(900, 40, 0);
    QTest::newRow("custom tool call") << u"response_custom_tool_call"_s << r << true;

    r.id = u"msg_02"_s;
    r.model = u"claude-x"_s;
    r.content = {thinking(u"User wants time."_s, u"EqQBCkYIARgCIkD"_s), redacted(u"EmwKAhgBEgy3va"_s),
                 text(u"Noon."_s)};
    r.stopReason = canonical::StopReason::EndTurn;
    r.usage = usage(2160, 60, 20, 2048);
    QTest::newRow("thinking") << u"response_thinking"_s << r << false;

    r.id = u"msg_03"_s;
    r.content = {text(u"The list goes on: 1, 2,"_s)};
    r.stopReason = canonical::StopReason::MaxTokens;
    r.usage = usage(10, 16);
    QTest::newRow("incomplete") << u"response_incomplete"_s << r << false;
}

void TestOpenAiResponses::responseMatchesGolden()
{
    QFETCH(QString, golden);
    QFETCH(canonical::Response, response);
    QFETCH(bool, withRequestEcho);
    openairesponses::EmitOptions options = fixedOptions();
    if (withRequestEcho) {
        canonical::Error error;
        const auto request =
            openairesponses::parseRequest(readFile(dataDir(u"responses"_s) + u"/codex_request.json"_s), &error);
        QVERIFY(request);
        options = openairesponses::emitOptionsFor(*request);
        options.created = FixedCreated;
    }
    QList<canonical::Dropped> dropped;
    const QByteArray output = openairesponses::emitResponse(response, options, &dropped);
    QVERIFY(dropped.isEmpty());
    const QString problem = jsonGoldenDifference(dataDir(u"responses"_s) + u'/' + golden + u".expected.json"_s,
                                                 QJsonDocument::fromJson(output));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestOpenAiResponses::customToolInputFallsBackToRawArguments()
{
    canonical::Response r;
    r.id = u"resp_x"_s;
    r.content = {call(u"c1"_s, u"apply_patch"_s, u"*** Begin Patch"_s)};
    openairesponses::EmitOptions options = fixedOptions();
    options.customTools = {u"apply_patch"_s};
    const QJsonObject item =
        jsonObject(openairesponses::emitResponse(r, options)).value(u"output"_s).toArray().at(0).toObject();
    QCOMPARE(item.value(u"type"_s).toString(), u"custom_tool_call"_s);
    QCOMPARE(item.value(u"input"_s).toString(), u"*** Begin Patch"_s);
    QCOMPARE(item.value(u"id"_s).toString(), u"ctc_x_0"_s);
}

void TestOpenAiResponses::streamMatchesGolden_data()
{
    using Stop = canonical::StopReason;
    QTest::addColumn<QString>("golden");
    QTest::addColumn<QList<StreamEvent>>("events");
    QTest::addColumn<QByteArray>("terminal");
    QTest::addColumn<QString>("names");

    QTest::newRow("text") << u"stream_text"_s
                          << QList<StreamEvent>{messageStart(u"msg_1"_s, u"claude-x"_s, 10),
                                                blockStart(0, BlockKind::Text),
                                                blockDelta(0, DeltaKind::Text, u"Hel"_s),
                                                blockDelta(0, DeltaKind::Text, u"lo \"world\""_s),
                                                blockStop(0),
                                                messageDelta(Stop::EndTurn, usage(10, 4)),
                                                messageStop()}
                          << QByteArray("response.completed")
                          << u"response.created response.in_progress response.output_item.added "
                             u"response.content_part.added response.output_text.delta response.output_text.delta "
                             u"response.output_text.done response.content_part.done response.output_item.done "
                             u"response.completed"_s;

    QTest::newRow("thinking and text")
        << u"stream_thinking_text"_s
        << QList<StreamEvent>{messageStart(u"msg_2"_s, u"claude-x"_s, 2160),
                              blockStart(0, BlockKind::Thinking),
                              blockDelta(0, DeltaKind::Thinking, u"User wants "_s),
                              blockDelta(0, DeltaKind::Thinking, u"time."_s),
                              blockDelta(0, DeltaKind::Signature, u"EqQBCkYIARgCIkD"_s),
                              blockStop(0),
                              blockStart(1, BlockKind::RedactedThinking, {}, {}, u"EmwKAhgBEgy3va"_s),
                              blockStop(1),
                              blockStart(2, BlockKind::Text),
                              blockDelta(2, DeltaKind::Text, u"Noon."_s),
                              blockStop(2),
                              messageDelta(Stop::EndTurn, usage(2160, 60, 20, 2048)),
                              messageStop()}
        << QByteArray("response.completed")
        << u"response.created response.in_progress response.output_item.added "
           u"response.reasoning_summary_part.added response.reasoning_summary_text.delta "
           u"response.reasoning_summary_text.delta response.reasoning_summary_text.done "
           u"response.reasoning_summary_part.done response.output_item.done response.output_item.added "
           u"response.output_item.done response.output_item.added response.content_part.added "
           u"response.output_text.delta response.output_text.done response.content_part.done "
           u"response.output_item.done response.completed"_s;

    QTest::newRow("two tool calls")
        << u"stream_tool_calls"_s
        << QList<StreamEvent>{messageStart(u"chatcmpl-7"_s, u"gpt-4.1"_s),
                              blockStart(0, BlockKind::ToolCall, u"call_a"_s, u"get_time"_s),
                              blockDelta(0, DeltaKind::ToolArguments, u"{\"tz\":"_s),
                              blockDelta(0, DeltaKind::ToolArguments, u"\"UTC\"}"_s),
                              blockStop(0),
                              blockStart(1, BlockKind::ToolCall, u"call_b"_s, u"noop"_s),
                              blockStop(1),
                              messageDelta(Stop::ToolUse, usage(52, 18)),
                              messageStop()}
        << QByteArray("response.completed")
        << u"response.created response.in_progress response.output_item.added "
           u"response.function_call_arguments.delta response.function_call_arguments.delta "
           u"response.function_call_arguments.done response.output_item.done response.output_item.added "
           u"response.function_call_arguments.delta response.function_call_arguments.done "
           u"response.output_item.done response.completed"_s;

    QTest::newRow("custom tool call")
        << u"stream_custom_tool_call"_s
        << QList<StreamEvent>{messageStart(u"msg_4"_s, u"claude-x"_s, 900),
                              blockStart(0, BlockKind::ToolCall, u"toolu_1"_s, u"apply_patch"_s),
                              blockDelta(0, DeltaKind::ToolArguments, u"{\"input\":\"*** Begin Patch\\"_s),
                              blockDelta(0, DeltaKind::ToolArguments,
                                         u"n*** Add File: a.txt\\n+hi\\n*** End Patch\\n\"}"_s),
                              blockStop(0),
                              messageDelta(Stop::ToolUse, usage(900, 40)),
                              messageStop()}
        << QByteArray("response.completed")
        << u"response.created response.in_progress response.output_item.added "
           u"response.custom_tool_call_input.delta response.custom_tool_call_input.done response.output_item.done "
           u"response.completed"_s;

    QTest::newRow("error mid-stream")
        << u"stream_error"_s
        << QList<StreamEvent>{messageStart(u"msg_5"_s, u"claude-x"_s, 10),
                              blockStart(0, BlockKind::Text),
                              blockDelta(0, DeltaKind::Text, u"Part"_s),
                              errorEvent(canonical::Error{529, u"overloaded_error"_s, u"Overloaded"_s, {}, {}}),
                              blockStop(0),
                              messageStop()}
        << QByteArray("response.failed")
        << u"response.created response.in_progress response.output_item.added response.content_part.added "
           u"response.output_text.delta error response.failed"_s;

    QTest::newRow("ends without stop")
        << u"stream_truncated"_s
        << QList<StreamEvent>{messageStart(u"chatcmpl-8"_s, u"gpt-4.1"_s),
                              blockStart(0, BlockKind::Text),
                              blockDelta(0, DeltaKind::Text, u"Hi"_s),
                              blockStop(0),
                              blockStart(1, BlockKind::ToolCall, u"call_c"_s, u"get_time"_s),
                              blockDelta(1, DeltaKind::ToolArguments, u"{\"tz"_s)}
        << QByteArray("response.failed")
        << u"response.created response.in_progress response.output_item.added response.content_part.added "
           u"response.output_text.delta response.output_text.done response.content_part.done "
           u"response.output_item.done response.output_item.added response.function_call_arguments.delta error "
           u"response.failed"_s;

    QTest::newRow("max tokens") << u"stream_max_tokens"_s
                                << QList<StreamEvent>{messageStart(u"msg_6"_s, u"claude-x"_s, 10),
                                                      blockStart(0, BlockKind::Text),
                                                      blockDelta(0, DeltaKind::Text, u"1, 2,"_s),
                                                      blockStop(0),
                                                      messageDelta(Stop::MaxTokens, usage(10, 16)),
                                                      messageStop()}
                                << QByteArray("response.incomplete")
                                << u"response.created response.in_progress response.output_item.added "
                                   u"response.content_part.added response.output_text.delta "
                                   u"response.output_text.done response.content_part.done "
                                   u"response.output_item.done response.incomplete"_s;
}

void TestOpenAiResponses::streamMatchesGolden()
{
    QFETCH(QString, golden);
    QFETCH(QList<StreamEvent>, events);
    QFETCH(QByteArray, terminal);
    QFETCH(QString, names);
    openairesponses::EmitOptions options = fixedOptions();
    options.customTools = {u"apply_patch"_s};
    openairesponses::StreamEncoder encoder(options);
    QByteArray output = encoder.encode(events);
    output += encoder.finish();
    QVERIFY(encoder.isFinished());

    QCOMPARE(eventNames(output), names);
    const QString violation = streamViolation(output, terminal);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));

    const QString problem = goldenDifference(dataDir(u"responses"_s) + u'/' + golden + u".expected.sse"_s, output);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestOpenAiResponses::chatUpstreamTranslatesIdenticallyAtEverySplit_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("terminal");
    const QString dir = dataDir(u"formats"_s) + u"/streams/"_s;
    QTest::newRow("text") << dir + u"openai_text.sse"_s << QByteArray("response.completed");
    QTest::newRow("reasoning") << dir + u"openai_reasoning.sse"_s << QByteArray("response.completed");
    QTest::newRow("parallel tools") << dir + u"openai_parallel_tools.sse"_s << QByteArray("response.completed");
    QTest::newRow("error") << dir + u"openai_error.sse"_s << QByteArray("response.failed");
    QTest::newRow("truncated") << dir + u"openai_truncated.sse"_s << QByteArray("response.failed");
}

void TestOpenAiResponses::chatUpstreamTranslatesIdenticallyAtEverySplit()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, terminal);
    const QByteArray upstream = readFile(file);
    QVERIFY2(upstream.size() > 100, "test data not found; set LLMPROXY_SOURCE_DIR");
    const QByteArray whole = translateSplit(upstream, {});
    const QString violation = streamViolation(whole, terminal);
    QVERIFY2(violation.isEmpty(), qPrintable(violation));

    const QString split = splitDifference(
        upstream.size(), whole, [&upstream](const QList<qsizetype> &cuts) { return translateSplit(upstream, cuts); },
        {.rounds = 0});
    QVERIFY2(split.isEmpty(), qPrintable(split));

    if (file.endsWith(u"openai_parallel_tools.sse"_s)) {
        // Three calls, the interleaved arguments regrouped per call, the empty one as "{}".
        const QJsonObject done = jsonObject(sseEvents(whole).last().data).value(u"response"_s).toObject();
        QCOMPARE(done.value(u"id"_s).toString(), u"resp_chatcmpl-s"_s);
        const QJsonArray output = done.value(u"output"_s).toArray();
        QCOMPARE(output.size(), 4);
        QCOMPARE(output.at(1).toObject().value(u"arguments"_s).toString(), u"{\"tz\":\"UTC\"}"_s);
        QCOMPARE(output.at(2).toObject().value(u"arguments"_s).toString(), u"{\"fmt\":\"iso\"}"_s);
        QCOMPARE(output.at(3).toObject().value(u"arguments"_s).toString(), u"{}"_s);
        QCOMPARE(output.at(3).toObject().value(u"call_id"_s).toString(), u"call_c"_s);
        QCOMPARE(done.value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt(), 70);
    }
}

void TestOpenAiResponses::nothingIsEmittedAfterTheTerminalEvent()
{
    const canonical::Error late{500, {}, u"late"_s, {}, {}};
    openairesponses::StreamEncoder completed(fixedOptions());
    const QByteArray out = completed.encode({messageStart(u"m1"_s, u"m"_s), messageStop()});
    QCOMPARE(eventNames(out), u"response.created response.in_progress response.completed"_s);
    QVERIFY(completed.isFinished());
    QVERIFY(completed.encode(blockStart(0, BlockKind::Text)).isEmpty());
    QVERIFY(completed.fail(late).isEmpty());
    QVERIFY(completed.finish().isEmpty());

    // A failure before anything was sent still opens the stream, so clients see a response id.
    openairesponses::StreamEncoder failed(fixedOptions());
    const QByteArray failure = failed.fail(canonical::Error{429, u"rate_limit_error"_s, u"slow down"_s, {}, {}});
    QCOMPARE(eventNames(failure), u"response.created response.in_progress error response.failed"_s);
    const QJsonObject response = jsonObject(sseEvents(failure).last().data).value(u"response"_s).toObject();
    QCOMPARE(response.value(u"status"_s).toString(), u"failed"_s);
    QCOMPARE(response.value(u"error"_s).toObject(),
             jsonObject("{\"code\":\"rate_limit_exceeded\",\"message\":\"slow down\"}"));
    QVERIFY(response.value(u"id"_s).toString().startsWith(u"resp_"_s));
    QVERIFY(failed.encode(messageStop()).isEmpty());
    QVERIFY(failed.finish().isEmpty());
}

QTEST_GUILESS_MAIN(TestOpenAiResponses)
#include "tst_openairesponses.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/gemini.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"
#include "tests/proxycore/formattestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace llmproxy;
using namespace llmproxy::formattest;
using namespace Qt::StringLiterals;

namespace {

QString geminiData()
{
    return dataDir(u"gemini"_s);
}

QByteArray readData(const QString &relative)
{
    return readFile(geminiData() + u'/' + relative);
}

QList<canonical::StreamEvent> decode(const QByteArray &upstream, const QList<qsizetype> &cuts = {})
{
    gemini::StreamDecoder decoder;
    return decodeInPieces(decoder, upstream, cuts);
}

canonical::ContentPart part(canonical::PartKind kind, const QString &text = {}, const QString &signature = {})
{
    canonical::ContentPart p;
    p.kind = kind;
    p.text = text;
    p.signature = signature;
    return p;
}

canonical::ContentPart result(const QString &id, const QString &text)
{
    canonical::ContentPart p;
    p.kind = canonical::PartKind::ToolResult;
    p.toolCallId = id;
    p.result.push_back(canonical::ContentPart::makeText(text));
    return p;
}

QJsonObject emitted(const canonical::Request &request, const gemini::EmitOptions &options = {},
                    QList<canonical::Dropped> *dropped = nullptr)
{
    return QJsonDocument::fromJson(gemini::emitRequest(request, options, dropped)).object();
}

QJsonArray contentParts(const QJsonObject &body, int content)
{
    return body.value(u"contents"_s).toArray().at(content).toObject().value(u"parts"_s).toArray();
}

} // namespace

class TestGemini : public QObject
{
    Q_OBJECT

private slots:
    void requestMatchesGolden_data() { addDataFiles(geminiData() + u"/requests"_s, u".json"_s); }
    void requestMatchesGolden();
    void requestReportsWhatItDrops();
    void recursiveSchemasEnd();
    void thinkingConfigFollowsTheRequest_data();
    void thinkingConfigFollowsTheRequest();
    void unsignedCallsGetTheConfiguredSignature();
    void toolResultWithoutItsCallIsSentAsText();
    void signatureReturnedAsOpaqueDataGoesBack();

    void responseParses_data();
    void responseParses();
    void unusableResponsesFail();
    void errorBodiesParse();

    void streamMatchesGoldenAtEverySplit_data() { addDataFiles(geminiData() + u"/streams"_s, u".sse"_s); }
    void streamMatchesGoldenAtEverySplit();
    void crlfStreamsDecodeAlike();
    void earlyEndGivesOneError();
    void errorEventGivesOneError();
    void oversizedEventFails();
    void nothingFollowsTheTerminalEvent();

    void thoughtSignaturesSurviveAnAnthropicClient();
    void callSignatureSurvivesAnOpenAiClient();
    void geminiCallIdsGoBack();
};

void TestGemini::requestMatchesGolden()
{
    QFETCH(QString, file);
    canonical::Error error;
    const auto request = parseFixtureRequest(file, &error);
    QVERIFY2(request, qPrintable(error.message));
    const QJsonDocument output = QJsonDocument::fromJson(gemini::emitRequest(*request));
    QVERIFY(!output.object().contains(u"model"_s));  // the model goes in the URL
    QVERIFY(!output.object().contains(u"stream"_s)); // so does streaming
    const QString problem = jsonGoldenDifference(goldenPath(file, u".json"_s), output);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestGemini::requestReportsWhatItDrops()
{
    canonical::Error error;
    auto request = openaichat::parseRequest(readData(u"requests/openai_tools.json"_s), &error);
    QVERIFY(request);
    QList<canonical::Dropped> dropped;
    gemini::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped),
             u"tools[0].parameters, tools[1].parameters, tools[1].strict, parallel_tool_calls"_s);
    QCOMPARE(dropped.at(0).reason,
             u"JSON Schema keywords Gemini does not accept were removed: additionalProperties, format"_s);
    QCOMPARE(
        dropped.at(1).reason,
        u"JSON Schema keywords Gemini does not accept were removed: $defs, $schema, additionalProperties, uniqueItems"_s);

    request = anthropicmessages::parseRequest(readData(u"requests/anthropic_thinking.json"_s), &error);
    QVERIFY(request);
    dropped.clear();
    gemini::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped), u"system.cache_control, messages[1].thinking, messages[1].redacted_thinking"_s);

    request = openaichat::parseRequest(readData(u"requests/openai_text.json"_s), &error);
    QVERIFY(request);
    dropped.clear();
    gemini::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped), u"response_format.schema, response_format.json_schema, user"_s);
}

void TestGemini::recursiveSchemasEnd()
{
    canonical::Request request;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"hi"_s)}});
    canonical::Tool tool;
    tool.name = u"walk"_s;
    tool.parameters = QJsonDocument::fromJson("{\"$ref\":\"#/$defs/node\",\"$defs\":{\"node\":{\"type\":\"object\","
                                              "\"properties\":{\"next\":{\"$ref\":\"#/$defs/node\"}}}}}")
                          .object();
    request.tools.append(tool);
    QList<canonical::Dropped> dropped;
    QJsonObject schema =
        emitted(request, {}, &dropped).value(u"tools"_s)[0][u"functionDeclarations"_s][0][u"parameters"_s].toObject();
    int levels = 0;
    while (schema.contains(u"properties"_s)) {
        QCOMPARE(schema.value(u"type"_s).toString(), u"OBJECT"_s);
        schema = schema.value(u"properties"_s)[u"next"_s].toObject();
        ++levels;
    }
    QCOMPARE(levels, 8);
    QCOMPARE(schema, (QJsonObject{{u"type"_s, u"OBJECT"_s}}));
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().reason, u"JSON Schema keywords Gemini does not accept were removed: $defs, $ref"_s);
}

void TestGemini::thinkingConfigFollowsTheRequest_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("adaptive");
    QTest::addColumn<qint64>("budget"); // -1: none given
    QTest::addColumn<QString>("effort");
    QTest::addColumn<bool>("levels");
    QTest::addColumn<bool>("includeThoughts");
    QTest::addColumn<QString>("expected"); // thinkingConfig, empty when absent

    QTest::newRow("budget") << true << false << qint64(2048) << QString() << false << true
                            << u"{\"thinkingBudget\":2048,\"includeThoughts\":true}"_s;
    QTest::newRow("budget, thoughts not wanted")
        << true << false << qint64(2048) << QString() << false << false << u"{\"thinkingBudget\":2048}"_s;
    QTest::newRow("adaptive") << true << true << qint64(-1) << QString() << false << true
                              << u"{\"thinkingBudget\":-1,\"includeThoughts\":true}"_s;
    QTest::newRow("adaptive, levels") << true << true << qint64(-1) << QString() << true << true
                                      << u"{\"includeThoughts\":true}"_s;
    QTest::newRow("effort minimal") << true << false << qint64(-1) << u"minimal"_s << false << true
                                    << u"{\"thinkingBudget\":512,\"includeThoughts\":true}"_s;
    QTest::newRow("effort low") << true << false << qint64(-1) << u"low"_s << false << true
                                << u"{\"thinkingBudget\":1024,\"includeThoughts\":true}"_s;
    QTest::newRow("effort xhigh") << true << false << qint64(-1) << u"xhigh"_s << false << true
                                  << u"{\"thinkingBudget\":24576,\"includeThoughts\":true}"_s;
    QTest::newRow("effort high, levels") << true << false << qint64(-1) << u"high"_s << true << true
                                         << u"{\"thinkingLevel\":\"HIGH\",\"includeThoughts\":true}"_s;
    QTest::newRow("effort minimal, levels") << true << false << qint64(-1) << u"minimal"_s << true << true
                                            << u"{\"thinkingLevel\":\"MINIMAL\",\"includeThoughts\":true}"_s;
    QTest::newRow("effort none") << false << false << qint64(-1) << u"none"_s << false << true
                                 << u"{\"thinkingBudget\":0}"_s;
    QTest::newRow("effort none, levels") << false << false << qint64(-1) << u"none"_s << true << true << QString();
    QTest::newRow("effort without visible thinking")
        << false << false << qint64(-1) << u"medium"_s << false << true << u"{\"thinkingBudget\":8192}"_s;
    QTest::newRow("thinking on, nothing else")
        << true << false << qint64(-1) << QString() << false << true << u"{\"includeThoughts\":true}"_s;
    QTest::newRow("thinking off") << false << false << qint64(-1) << QString() << false << true << QString();
}

void TestGemini::thinkingConfigFollowsTheRequest()
{
    QFETCH(bool, enabled);
    QFETCH(bool, adaptive);
    QFETCH(qint64, budget);
    QFETCH(QString, effort);
    QFETCH(bool, levels);
    QFETCH(bool, includeThoughts);
    QFETCH(QString, expected);
    canonical::Request request;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"hi"_s)}});
    request.thinkingEnabled = enabled;
    request.thinkingAdaptive = adaptive;
    if (budget >= 0)
        request.thinkingBudget = budget;
    request.reasoningEffort = effort;
    gemini::EmitOptions options;
    options.thinkingLevels = levels;
    options.includeThoughts = includeThoughts;
    QList<canonical::Dropped> dropped;
    const QJsonObject body = emitted(request, options, &dropped);
    if (expected.isEmpty()) {
        QVERIFY(!body.contains(u"generationConfig"_s));
    } else {
        QCOMPARE(body.value(u"generationConfig"_s)[u"thinkingConfig"_s].toObject(),
                 QJsonDocument::fromJson(expected.toUtf8()).object());
    }
    QCOMPARE(droppedFields(dropped), effort == u"none"_s && levels ? u"reasoning_effort"_s : QString());
}

void TestGemini::unsignedCallsGetTheConfiguredSignature()
{
    canonical::Request request;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"hi"_s)}});
    request.messages.append({canonical::Role::Assistant,
                             {canonical::ContentPart::makeText(u"Let me look."_s), call(u"toolu_1"_s, u"f"_s, u"{}"_s),
                              call(u"toolu_2"_s, u"f"_s, u"{}"_s)}});
    request.messages.append({canonical::Role::User, {result(u"toolu_1"_s, u"a"_s), result(u"toolu_2"_s, u"b"_s)}});
    request.messages.append(
        {canonical::Role::Assistant, {call(u"call_ee949579_3_ts_CiQBjz1rX-abc_defQ"_s, u"f"_s, u"{\"a\":1}"_s)}});
    request.messages.append({canonical::Role::User, {result(u"call_ee949579_3_ts_CiQBjz1rX-abc_defQ"_s, u"c"_s)}});

    QJsonObject body = emitted(request);
    QVERIFY(!contentParts(body, 1).at(1).toObject().contains(u"thoughtSignature"_s));
    QCOMPARE(contentParts(body, 3).at(0)[u"thoughtSignature"_s].toString(), u"CiQBjz1rX+abc/defQ=="_s);

    gemini::EmitOptions options;
    options.unsignedCallSignature = u"skip_thought_signature_validator"_s;
    body = emitted(request, options);
    const QJsonArray firstTurn = contentParts(body, 1);
    QCOMPARE(firstTurn.size(), 3);
    QVERIFY(!firstTurn.at(0).toObject().contains(u"thoughtSignature"_s));
    QCOMPARE(firstTurn.at(1)[u"thoughtSignature"_s].toString(), u"skip_thought_signature_validator"_s);
    QVERIFY(!firstTurn.at(2).toObject().contains(u"thoughtSignature"_s)); // only the first call of a step
    QCOMPARE(contentParts(body, 3).at(0)[u"thoughtSignature"_s].toString(), u"CiQBjz1rX+abc/defQ=="_s);
    // The function responses name the calls they answer, in order.
    QCOMPARE(contentParts(body, 2),
             QJsonDocument::fromJson("[{\"functionResponse\":{\"name\":\"f\",\"response\":{\"output\":\"a\"}}},"
                                     "{\"functionResponse\":{\"name\":\"f\",\"response\":{\"output\":\"b\"}}}]")
                 .array());
}

void TestGemini::toolResultWithoutItsCallIsSentAsText()
{
    canonical::Request request;
    request.messages.append({canonical::Role::User, {result(u"call_x"_s, u"42"_s)}});
    QList<canonical::Dropped> dropped;
    const QJsonObject body = emitted(request, {}, &dropped);
    QCOMPARE(contentParts(body, 0), (QJsonArray{QJsonObject{{u"text"_s, u"Result of tool call call_x: 42"_s}}}));
    QCOMPARE(droppedFields(dropped), u"messages[0].tool_result"_s);
}

void TestGemini::signatureReturnedAsOpaqueDataGoesBack()
{
    canonical::Request request;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"Is 97 prime?"_s)}});
    request.messages.append({canonical::Role::Assistant,
                             {canonical::ContentPart::makeText(u"Yes."_s),
                              part(canonical::PartKind::RedactedThinking, u"gemini:Cg5zaWduZWQtdGV4dA=="_s),
                              part(canonical::PartKind::RedactedThinking, u"EmwKAhgBEgy3va"_s),
                              part(canonical::PartKind::Thinking, {}, u"gemini:Ek8KTQFBAQ=="_s)}});
    QList<canonical::Dropped> dropped;
    const QJsonObject body = emitted(request, {}, &dropped);
    QCOMPARE(contentParts(body, 1),
             QJsonDocument::fromJson("[{\"text\":\"Yes.\",\"thoughtSignature\":\"Cg5zaWduZWQtdGV4dA==\"},"
                                     "{\"text\":\"\",\"thoughtSignature\":\"Ek8KTQFBAQ==\"}]")
                 .array());
    QCOMPARE(droppedFields(dropped), u"messages[1].redacted_thinking"_s);
}

void TestGemini::responseParses_data()
{
    using canonical::PartKind;
    QTest::addColumn<QString>("file");
    QTest::addColumn<canonical::Response>("expected");
    QTest::newRow("text, cached input") << u"text.json"_s
                                        << makeResponse(
                                               u"r-text-1"_s, u"gemini-2.5-flash"_s,
                                               {canonical::ContentPart::makeText(u"The capital of France is Paris."_s)},
                                               canonical::StopReason::EndTurn, usage(1200, 7, {}, 1024));
    QTest::newRow("parallel calls") << u"tools.json"_s
                                    << makeResponse(
                                           u"r-tools-1"_s, u"gemini-2.5-pro"_s,
                                           {part(PartKind::Thinking, u"The user wants two time zones."_s),
                                            call(u"call_ee949579_1_ts_CiQBjz1rX-abc_defQ"_s, u"get_time"_s,
                                                 u"{\"tz\":\"Europe/Paris\"}"_s),
                                            call(u"call_ee949579_2"_s, u"get_time"_s, u"{\"tz\":\"Asia/Tokyo\"}"_s),
                                            call(u"call_ee949579_3"_s, u"ping"_s, u"{}"_s)},
                                           canonical::StopReason::ToolUse, usage(45, 43, 25));
    QTest::newRow("gemini call ids") << u"ids.json"_s
                                     << makeResponse(
                                            u"r-ids-1"_s, u"gemini-3-flash"_s,
                                            {call(u"gid_call_4162774_ts_EhQKEgoQc2lnbmF0dXJlLWJ5dGVz"_s,
                                                  u"get_weather"_s, u"{\"city\":\"Denver\"}"_s),
                                             call(u"gid_call_4162775"_s, u"get_weather"_s, u"{\"city\":\"Moab\"}"_s),
                                             call(u"call_ea318352_3"_s, u"get_weather"_s, u"{\"city\":\"Ouray\"}"_s)},
                                            canonical::StopReason::ToolUse, usage(30, 24));
    QTest::newRow("signed thought and text")
        << u"text_signature.json"_s
        << makeResponse(u"r-sig-1"_s, u"gemini-2.5-pro"_s,
                        {part(PartKind::Thinking, u"Divisors up to 9: none divide 97."_s, u"gemini:Ek8KTQFBAQ=="_s),
                         canonical::ContentPart::makeText(u"Yes, 97 is prime."_s),
                         part(PartKind::Thinking, {}, u"gemini:Cg5zaWduZWQtdGV4dA=="_s)},
                        canonical::StopReason::EndTurn, usage(9, 36, 30));
    QTest::newRow("safety stop") << u"safety.json"_s
                                 << makeResponse(u"r-safety-1"_s, u"gemini-2.5-flash"_s, {},
                                                 canonical::StopReason::Refusal, usage(15, {}));
    QTest::newRow("blocked prompt") << u"blocked.json"_s
                                    << makeResponse(u"r-blocked-1"_s, u"gemini-2.5-flash"_s, {},
                                                    canonical::StopReason::Refusal, usage(7, {}));
    QTest::newRow("max tokens") << u"max_tokens.json"_s
                                << makeResponse(
                                       u"r-max-1"_s, u"gemini-2.5-flash"_s,
                                       {canonical::ContentPart::makeText(u"Once upon a time, in a land far"_s)},
                                       canonical::StopReason::MaxTokens, usage(5, 10));
}

void TestGemini::responseParses()
{
    QFETCH(QString, file);
    QFETCH(canonical::Response, expected);
    canonical::Error error;
    const auto response = gemini::parseResponse(readData(u"responses/"_s + file), &error);
    QVERIFY2(response, qPrintable(error.message));
    compareResponse(*response, expected);
}

void TestGemini::unusableResponsesFail()
{
    canonical::Error error;
    QVERIFY(!gemini::parseResponse("<html>Bad gateway</html>", &error));
    QCOMPARE(error.status, 502);
    QVERIFY(!gemini::parseResponse(readData(u"responses/error_invalid_key.json"_s), &error));
    QCOMPARE(error.status, 401);
    QCOMPARE(error.message, u"API key not valid. Please pass a valid API key."_s);
}

void TestGemini::errorBodiesParse()
{
    canonical::Error e = gemini::parseError(400, readData(u"responses/error_invalid_key.json"_s));
    QCOMPARE(e, (canonical::Error{401,
                                  u"INVALID_ARGUMENT"_s,
                                  u"API key not valid. Please pass a valid API key."_s,
                                  u"API_KEY_INVALID"_s,
                                  {}}));
    // An Anthropic client sees an authentication error, an OpenAI client a 401.
    QCOMPARE(QJsonDocument::fromJson(anthropicmessages::emitError(e)).object()[u"error"_s][u"type"_s].toString(),
             u"authentication_error"_s);

    e = gemini::parseError(429, readData(u"responses/error_quota.json"_s));
    QCOMPARE(e, (canonical::Error{
                    429, u"RESOURCE_EXHAUSTED"_s, u"Resource has been exhausted (e.g. check quota)."_s, {}, {}}));
    QCOMPARE(gemini::parseError(0, readData(u"responses/error_quota.json"_s)).status, 429); // from error.code

    // Inside a stream there is no HTTP status: error.code, else the status string, decides.
    e = gemini::parseError(0, "{\"error\":{\"message\":\"Deadline expired.\",\"status\":\"DEADLINE_EXCEEDED\"}}");
    QCOMPARE(e.status, 504);
    QCOMPARE(e.type, u"DEADLINE_EXCEEDED"_s);
    QCOMPARE(gemini::parseError(0, "{\"error\":{\"message\":\"m\",\"status\":\"UNAVAILABLE\"}}").status, 503);
    QCOMPARE(gemini::parseError(0, "{\"error\":{\"message\":\"m\",\"status\":\"SOMETHING_NEW\"}}").status, 500);

    e = gemini::parseError(502, "upstream connect error or disconnect/reset before headers");
    QCOMPARE(e, (canonical::Error{502, {}, u"upstream connect error or disconnect/reset before headers"_s, {}, {}}));
    QCOMPARE(gemini::parseError(500, "").message, u"upstream error"_s);
}

void TestGemini::streamMatchesGoldenAtEverySplit()
{
    QFETCH(QString, file);
    verifyDecodedStream<gemini::StreamDecoder>(file);
}

void TestGemini::crlfStreamsDecodeAlike()
{
    for (const QString &name : {u"text.sse"_s, u"tools.sse"_s, u"thinking.sse"_s}) {
        QByteArray upstream = readData(u"streams/"_s + name);
        const QList<canonical::StreamEvent> expected = decode(upstream);
        QVERIFY(decode(QByteArray(upstream).replace("\n", "\r\n")) == expected);
        // The body may end right after the last JSON, without the blank line.
        QVERIFY(decode(upstream.chopped(2)) == expected);
    }
}

void TestGemini::earlyEndGivesOneError()
{
    const QList<canonical::StreamEvent> cut = decode(readData(u"streams/truncated.sse"_s));
    QCOMPARE(std::count_if(cut.cbegin(), cut.cend(), [](const auto &e) { return e.type == Type::Error; }), 1);
    QCOMPARE(cut.last().type, Type::Error);
    QCOMPARE(cut.last().error.status, 502);
    QCOMPARE(cut.last().error.message, u"upstream stream ended before completion"_s);

    // Every complete event is there; only the finishReason chunk is missing.
    const QByteArray text = readData(u"streams/text.sse"_s);
    const QList<canonical::StreamEvent> early = decode(text.left(text.lastIndexOf("data: ")));
    QCOMPARE(early.size(), 5); // MessageStart, BlockStart, 2 deltas, Error
    QCOMPARE(contractViolation(early), QString());
    QCOMPARE(early.last().error.message, u"upstream stream ended before completion"_s);

    gemini::StreamDecoder empty;
    const QList<canonical::StreamEvent> nothing = empty.finish();
    QCOMPARE(nothing.size(), 1);
    QCOMPARE(nothing.first().type, Type::Error);
    QVERIFY(empty.isFinished());
}

void TestGemini::errorEventGivesOneError()
{
    const QList<canonical::StreamEvent> events = decode(readData(u"streams/error.sse"_s));
    QCOMPARE(std::count_if(events.cbegin(), events.cend(), [](const auto &e) { return e.type == Type::Error; }), 1);
    QCOMPARE(events.last().error,
             (canonical::Error{503, u"UNAVAILABLE"_s, u"The model is overloaded. Please try again later."_s, {}, {}}));
    // A Gemini-format error is passed on in the client's own shape.
    QCOMPARE(anthropicmessages::httpStatus(events.last().error), 503);
}

void TestGemini::oversizedEventFails()
{
    gemini::StreamDecoder decoder;
    QList<canonical::StreamEvent> events = decoder.feed("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"");
    const QByteArray chunk(1024 * 1024, 'x');
    for (int i = 0; i < 17 && !decoder.isFinished(); ++i)
        events += decoder.feed(chunk);
    QVERIFY(decoder.isFinished());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().type, Type::Error);
    QCOMPARE(events.first().error.message, u"upstream stream event too large"_s);
    QVERIFY(decoder.finish().isEmpty());
}

void TestGemini::nothingFollowsTheTerminalEvent()
{
    gemini::StreamDecoder decoder;
    const QList<canonical::StreamEvent> events = decoder.feed(readData(u"streams/error.sse"_s));
    QCOMPARE(events.last().type, Type::Error);
    QVERIFY(decoder.isFinished());
    QVERIFY(decoder.feed(readData(u"streams/text.sse"_s)).isEmpty());
    QVERIFY(decoder.finish().isEmpty());

    gemini::StreamDecoder complete;
    QList<canonical::StreamEvent> done = complete.feed(readData(u"streams/text.sse"_s));
    QVERIFY(!complete.isFinished()); // Gemini has no end marker: the body's end completes the stream
    done += complete.finish();
    QCOMPARE(done.last().type, Type::MessageStop);
    QVERIFY(complete.feed(readData(u"streams/text.sse"_s)).isEmpty());
    QVERIFY(complete.finish().isEmpty());
}

namespace {

/// The assistant content an Anthropic client rebuilds from the SSE it received.
QJsonArray anthropicAssistantContent(const QByteArray &sse)
{
    const QList<SseEvent> events = sseEvents(sse);
    QJsonArray content;
    QJsonObject block;
    QString json;
    for (const SseEvent &e : events) {
        const QJsonObject o = QJsonDocument::fromJson(e.data).object();
        if (e.event == "content_block_start") {
            block = o.value(u"content_block"_s).toObject();
            json.clear();
        } else if (e.event == "content_block_delta") {
            const QJsonObject d = o.value(u"delta"_s).toObject();
            for (const QString &key : {u"text"_s, u"thinking"_s, u"signature"_s})
                if (d.contains(key))
                    block.insert(key, QString(block.value(key).toString() + d.value(key).toString()));
            json += d.value(u"partial_json"_s).toString();
        } else if (e.event == "content_block_stop") {
            if (block.value(u"type"_s) == u"tool_use"_s)
                block.insert(u"input"_s, QJsonDocument::fromJson(json.toUtf8()).object());
            if (block.value(u"type"_s) == u"thinking"_s && !block.contains(u"signature"_s))
                block.insert(u"signature"_s, u""_s);
            content.append(block);
        }
    }
    return content;
}

/// Follow-up Anthropic request: the assistant turn as received, then a result for every call.
QByteArray anthropicFollowUp(const QJsonArray &assistant, const QStringList &results)
{
    QJsonArray toolResults;
    qsizetype next = 0;
    for (const QJsonValue &v : assistant) {
        if (v[u"type"_s] == u"tool_use"_s) {
            toolResults.append(QJsonObject{
                {u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, v[u"id"_s]}, {u"content"_s, results.value(next++)}});
        }
    }
    QJsonArray messages{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Question"_s}},
                        QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, assistant}}};
    if (!toolResults.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, toolResults}});
    return QJsonDocument(
               QJsonObject{{u"model"_s, u"gemini-3-pro"_s}, {u"max_tokens"_s, 1024}, {u"messages"_s, messages}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

void TestGemini::thoughtSignaturesSurviveAnAnthropicClient()
{
    const QRegularExpression anthropicId(u"^[a-zA-Z0-9_-]+$"_s);
    {
        anthropicmessages::StreamEncoder encoder;
        const QJsonArray assistant =
            anthropicAssistantContent(encoder.encode(decode(readData(u"streams/tools.sse"_s))));
        QCOMPARE(assistant.size(), 4); // thinking, text, two tool_use blocks
        for (const QJsonValue &v : assistant) {
            if (v[u"type"_s] == u"tool_use"_s)
                QVERIFY2(anthropicId.match(v[u"id"_s].toString()).hasMatch(), qPrintable(v[u"id"_s].toString()));
        }
        canonical::Error error;
        const auto request =
            anthropicmessages::parseRequest(anthropicFollowUp(assistant, {u"15:00"_s, u"23:00"_s}), &error);
        QVERIFY2(request, qPrintable(error.message));
        const QJsonObject body = emitted(*request);
        // The unsigned thought summary cannot go back; the call signature is back on its part, byte for byte.
        QCOMPARE(contentParts(body, 1),
                 QJsonDocument::fromJson("[{\"text\":\"Checking both clocks.\"},"
                                         "{\"functionCall\":{\"name\":\"get_time\",\"args\":{\"tz\":\"Europe/Paris\"}},"
                                         "\"thoughtSignature\":\"CiQBjz1rX+abc/defQ==\"},"
                                         "{\"functionCall\":{\"name\":\"get_time\",\"args\":{\"tz\":\"Asia/Tokyo\"}}}]")
                     .array());
        QCOMPARE(contentParts(body, 2),
                 QJsonDocument::fromJson(
                     "[{\"functionResponse\":{\"name\":\"get_time\",\"response\":{\"output\":\"15:00\"}}},"
                     "{\"functionResponse\":{\"name\":\"get_time\",\"response\":{\"output\":\"23:00\"}}}]")
                     .array());
    }
    {
        anthropicmessages::StreamEncoder encoder;
        const QJsonArray assistant =
            anthropicAssistantContent(encoder.encode(decode(readData(u"streams/thinking.sse"_s))));
        canonical::Error error;
        const auto request = anthropicmessages::parseRequest(anthropicFollowUp(assistant, {}), &error);
        QVERIFY2(request, qPrintable(error.message));
        // Signed thoughts and the signature of the text part come back where they were.
        QCOMPARE(
            contentParts(emitted(*request), 1),
            QJsonDocument::fromJson("[{\"text\":\"Divisors up to 9: none divide 97.\",\"thought\":true,"
                                    "\"thoughtSignature\":\"Ek8KTQFBAQ==\"},"
                                    "{\"text\":\"Yes, 97 is prime.\",\"thoughtSignature\":\"Cg5zaWduZWQtdGV4dA==\"}]")
                .array());
        // A Claude upstream must not get them: the signature is recognisably Gemini's.
        QVERIFY(gemini::isThoughtSignature(request->messages.at(1).parts.at(0).signature));
        QVERIFY(!gemini::isThoughtSignature(u"EqQBCkYIARgCIkD"_s));
    }
}

void TestGemini::callSignatureSurvivesAnOpenAiClient()
{
    openaichat::EmitOptions options;
    options.created = 1767225600;
    openaichat::StreamEncoder encoder(options);
    SseDecoder sse;
    const QList<SseEvent> chunks = sse.feed(encoder.encode(decode(readData(u"streams/tools.sse"_s))));
    QString text;
    QJsonArray calls;
    for (const SseEvent &e : chunks) {
        const QJsonObject delta = QJsonDocument::fromJson(e.data).object()[u"choices"_s][0][u"delta"_s].toObject();
        text += delta.value(u"content"_s).toString();
        const QJsonArray deltas = delta.value(u"tool_calls"_s).toArray();
        for (const QJsonValue &d : deltas) {
            const int index = d[u"index"_s].toInt();
            if (index == calls.size())
                calls.append(QJsonObject{
                    {u"id"_s, d[u"id"_s]},
                    {u"type"_s, u"function"_s},
                    {u"function"_s, QJsonObject{{u"name"_s, d[u"function"_s][u"name"_s]}, {u"arguments"_s, u""_s}}}});
            QJsonObject c = calls.at(index).toObject();
            QJsonObject f = c.value(u"function"_s).toObject();
            f.insert(u"arguments"_s,
                     QString(f.value(u"arguments"_s).toString() + d[u"function"_s][u"arguments"_s].toString()));
            c.insert(u"function"_s, f);
            calls.replace(index, c);
        }
    }
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(0)[u"id"_s].toString(), u"call_ee949579_1_ts_CiQBjz1rX-abc_defQ"_s);
    const QJsonArray messages{
        QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"Time?"_s}},
        QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, text}, {u"tool_calls"_s, calls}},
        QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, calls.at(0)[u"id"_s]}, {u"content"_s, u"15:00"_s}},
        QJsonObject{{u"role"_s, u"tool"_s}, {u"tool_call_id"_s, calls.at(1)[u"id"_s]}, {u"content"_s, u"23:00"_s}},
    };
    canonical::Error error;
    const auto request = openaichat::parseRequest(
        QJsonDocument(QJsonObject{{u"model"_s, u"m"_s}, {u"messages"_s, messages}}).toJson(), &error);
    QVERIFY2(request, qPrintable(error.message));
    const QJsonObject body = emitted(*request);
    QCOMPARE(contentParts(body, 1).at(1)[u"thoughtSignature"_s].toString(), u"CiQBjz1rX+abc/defQ=="_s);
    QVERIFY(!contentParts(body, 1).at(2).toObject().contains(u"thoughtSignature"_s));
    QCOMPARE(contentParts(body, 2).at(1)[u"functionResponse"_s][u"name"_s].toString(), u"get_time"_s);
}

void TestGemini::geminiCallIdsGoBack()
{
    canonical::Error error;
    const auto response = gemini::parseResponse(readData(u"responses/ids.json"_s), &error);
    QVERIFY(response);
    canonical::Request request;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"Weather?"_s)}});
    request.messages.append({canonical::Role::Assistant, response->content});
    canonical::Message results{canonical::Role::User, {}};
    for (const canonical::ContentPart &p : response->content)
        results.parts.append(result(p.toolCallId, u"sunny"_s));
    request.messages.append(results);
    const QJsonObject body = emitted(request);
    QCOMPARE(contentParts(body, 1),
             QJsonDocument::fromJson(
                 "[{\"functionCall\":{\"id\":\"call_4162774\",\"name\":\"get_weather\",\"args\":{\"city\":\"Denver\"}},"
                 "\"thoughtSignature\":\"EhQKEgoQc2lnbmF0dXJlLWJ5dGVz\"},"
                 "{\"functionCall\":{\"id\":\"call_4162775\",\"name\":\"get_weather\",\"args\":{\"city\":\"Moab\"}}},"
                 "{\"functionCall\":{\"name\":\"get_weather\",\"args\":{\"city\":\"Ouray\"}}}]")
                 .array());
    QCOMPARE(contentParts(body, 2),
             QJsonDocument::fromJson(
                 "[{\"functionResponse\":{\"id\":\"call_4162774\",\"name\":\"get_weather\",\"response\":{\"output\":"
                 "\"sunny\"}}},"
                 "{\"functionResponse\":{\"id\":\"call_4162775\",\"name\":\"get_weather\",\"response\":{\"output\":"
                 "\"sunny\"}}},"
                 "{\"functionResponse\":{\"name\":\"get_weather\",\"response\":{\"output\":\"sunny\"}}}]")
                 .array());
}

QTEST_GUILESS_MAIN(TestGemini)
#include "tst_gemini.moc"

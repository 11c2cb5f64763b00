// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/ollamachat.h"
#include "proxycore/formats/openaichat.h"
#include "tests/proxycore/formattestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace llmproxy;
using namespace llmproxy::formattest;
using namespace Qt::StringLiterals;

namespace {

QString ollamaData()
{
    return dataDir(u"ollama"_s);
}

QByteArray readData(const QString &relative)
{
    return readFile(ollamaData() + u'/' + relative);
}

QList<canonical::StreamEvent> decode(const QByteArray &upstream, const QList<qsizetype> &cuts = {})
{
    ollamachat::StreamDecoder decoder;
    return decodeInPieces(decoder, upstream, cuts);
}

canonical::Request simpleRequest()
{
    canonical::Request request;
    request.model = u"llama3.2"_s;
    request.messages.append({canonical::Role::User, {canonical::ContentPart::makeText(u"hi"_s)}});
    return request;
}

QJsonObject emitted(const canonical::Request &request, const ollamachat::EmitOptions &options = {},
                    QList<canonical::Dropped> *dropped = nullptr)
{
    return QJsonDocument::fromJson(ollamachat::emitRequest(request, options, dropped)).object();
}

} // namespace

class TestOllamaChat : public QObject
{
    Q_OBJECT

private slots:
    void requestMatchesGolden_data() { addDataFiles(ollamaData() + u"/requests"_s, u".json"_s); }
    void requestMatchesGolden();
    void requestReportsWhatItDrops();
    void runtimeOptionsAreOnlySentWhenGiven();
    void keepAliveKeepsItsType_data();
    void keepAliveKeepsItsType();
    void thinkFollowsTheRequest_data();
    void thinkFollowsTheRequest();
    void toolChoiceNoneWithholdsTheTools();

    void responseParses_data();
    void responseParses();
    void unusableResponsesFail();
    void errorBodiesParse();

    void streamMatchesGoldenAtEverySplit_data() { addDataFiles(ollamaData() + u"/streams"_s, u".ndjson"_s); }
    void streamMatchesGoldenAtEverySplit();
    void lineEndingsDecodeAlike();
    void earlyEndGivesOneError();
    void errorLineGivesOneError();
    void oversizedLineFails();
    void nothingFollowsTheTerminalEvent();
    void streamedCallsGoBackWithTheirNames();
};

void TestOllamaChat::requestMatchesGolden()
{
    QFETCH(QString, file);
    canonical::Error error;
    const auto request = parseFixtureRequest(file, &error);
    QVERIFY2(request, qPrintable(error.message));
    ollamachat::EmitOptions options;
    options.numCtx = 8192;
    options.keepAlive = u"10m"_s;
    const QJsonDocument output = QJsonDocument::fromJson(ollamachat::emitRequest(*request, options));
    const QString problem = jsonGoldenDifference(goldenPath(file, u".json"_s), output);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestOllamaChat::requestReportsWhatItDrops()
{
    canonical::Error error;
    auto request = openaichat::parseRequest(readData(u"requests/openai_tools.json"_s), &error);
    QVERIFY(request);
    QList<canonical::Dropped> dropped;
    ollamachat::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped), u"messages[0].image"_s);
    QCOMPARE(dropped.first().reason, u"Ollama takes only inline images, not URLs"_s);

    request = anthropicmessages::parseRequest(readData(u"requests/anthropic_thinking.json"_s), &error);
    QVERIFY(request);
    dropped.clear();
    ollamachat::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped),
             u"system.cache_control, messages[1].thinking.signature, messages[1].redacted_thinking, "
             "messages[2].tool_result.content, messages[2].tool_result.is_error, messages[2].tool_result, "
             "tool_choice, thinking.budget_tokens"_s);

    request = openaichat::parseRequest(readData(u"requests/openai_text.json"_s), &error);
    QVERIFY(request);
    dropped.clear();
    ollamachat::emitRequest(*request, {}, &dropped);
    QCOMPARE(droppedFields(dropped), u"user"_s);
}

void TestOllamaChat::runtimeOptionsAreOnlySentWhenGiven()
{
    const QJsonObject plain = emitted(simpleRequest());
    QCOMPARE(plain,
             QJsonDocument::fromJson("{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                                     "\"stream\":false}")
                 .object());
    canonical::Request request = simpleRequest();
    request.stream = true;
    request.maxOutputTokens = 50;
    ollamachat::EmitOptions options;
    options.numCtx = 32768;
    const QJsonObject tuned = emitted(request, options);
    QCOMPARE(tuned.value(u"stream"_s), QJsonValue(true));
    QCOMPARE(tuned.value(u"options"_s).toObject(), (QJsonObject{{u"num_predict"_s, 50}, {u"num_ctx"_s, 32768}}));
}

void TestOllamaChat::keepAliveKeepsItsType_data()
{
    QTest::addColumn<QString>("keepAlive");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("duration") << u"5m"_s << QJsonValue(u"5m"_s);
    QTest::newRow("seconds") << u"300"_s << QJsonValue(300);
    QTest::newRow("forever") << u"-1"_s << QJsonValue(-1);
    QTest::newRow("unload") << u"0"_s << QJsonValue(0);
    QTest::newRow("server default") << QString() << QJsonValue(QJsonValue::Undefined);
}

void TestOllamaChat::keepAliveKeepsItsType()
{
    QFETCH(QString, keepAlive);
    QFETCH(QJsonValue, expected);
    ollamachat::EmitOptions options;
    options.keepAlive = keepAlive;
    QCOMPARE(emitted(simpleRequest(), options).value(u"keep_alive"_s), expected);
}

void TestOllamaChat::thinkFollowsTheRequest_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<QString>("effort");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("on") << true << QString() << QJsonValue(true);
    QTest::newRow("off") << false << QString() << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("none") << false << u"none"_s << QJsonValue(false);
    QTest::newRow("minimal") << true << u"minimal"_s << QJsonValue(u"low"_s);
    QTest::newRow("medium") << true << u"medium"_s << QJsonValue(u"medium"_s);
    QTest::newRow("high") << true << u"high"_s << QJsonValue(u"high"_s);
    QTest::newRow("xhigh") << true << u"xhigh"_s << QJsonValue(u"max"_s);
}

void TestOllamaChat::thinkFollowsTheRequest()
{
    QFETCH(bool, enabled);
    QFETCH(QString, effort);
    QFETCH(QJsonValue, expected);
    canonical::Request request = simpleRequest();
    request.thinkingEnabled = enabled;
    request.reasoningEffort = effort;
    QCOMPARE(emitted(request).value(u"think"_s), expected);
}

void TestOllamaChat::toolChoiceNoneWithholdsTheTools()
{
    canonical::Request request = simpleRequest();
    canonical::Tool tool;
    tool.name = u"f"_s;
    request.tools.append(tool);
    QCOMPARE(emitted(request).value(u"tools"_s).toArray(),
             QJsonDocument::fromJson("[{\"type\":\"function\",\"function\":{\"name\":\"f\","
                                     "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}]")
                 .array());
    request.toolChoice.mode = canonical::ToolChoice::Mode::None;
    QList<canonical::Dropped> dropped;
    QVERIFY(!emitted(request, {}, &dropped).contains(u"tools"_s));
    QCOMPARE(droppedFields(dropped), u"tools"_s);
}

void TestOllamaChat::responseParses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<canonical::Response>("expected");
    QTest::newRow("text") << u"text.json"_s
                          << makeResponse(u"msg_ddb29bf785fee3ca41556faf"_s, u"llama3.2"_s,
                                          {canonical::ContentPart::makeText(u"{\"city\":\"Madrid\"}"_s)},
                                          canonical::StopReason::EndTurn, usage(31, 7));
    QTest::newRow("thinking and calls")
        << u"tools.json"_s
        << makeResponse(u"msg_5b540650771160e145c280a7"_s, u"qwen3:8b"_s,
                        {thinking(u"Two zones, two calls."_s),
                         call(u"call_k3j9x0aa"_s, u"get_time"_s, u"{\"tz\":\"Europe/Paris\"}"_s),
                         call(u"call_5b540650_2"_s, u"get_time"_s, u"{\"tz\":\"Asia/Tokyo\"}"_s)},
                        canonical::StopReason::ToolUse, usage(120, 45));
    QTest::newRow("length, zero counts omitted")
        << u"length.json"_s
        << makeResponse(u"msg_4d1a6736d954388fbbbf06e0"_s, u"llama3.2"_s,
                        {canonical::ContentPart::makeText(u"Once upon a time, in a land far"_s)},
                        canonical::StopReason::MaxTokens, usage(0, 10));
}

void TestOllamaChat::responseParses()
{
    QFETCH(QString, file);
    QFETCH(canonical::Response, expected);
    canonical::Error error;
    const auto response = ollamachat::parseResponse(readData(u"responses/"_s + file), &error);
    QVERIFY2(response, qPrintable(error.message));
    compareResponse(*response, expected);
}

void TestOllamaChat::unusableResponsesFail()
{
    canonical::Error error;
    QVERIFY(!ollamachat::parseResponse("Bad Gateway", &error));
    QCOMPARE(error.status, 502);
    QVERIFY(!ollamachat::parseResponse(readData(u"responses/error.json"_s), &error));
    QCOMPARE(error, (canonical::Error{502, {}, u"model 'llama9' not found"_s, {}, {}}));
}

void TestOllamaChat::errorBodiesParse()
{
    const canonical::Error notFound = ollamachat::parseError(404, readData(u"responses/error.json"_s));
    QCOMPARE(notFound, (canonical::Error{404, {}, u"model 'llama9' not found"_s, {}, {}}));
    // Clients get their own error type for the status.
    QCOMPARE(QJsonDocument::fromJson(anthropicmessages::emitError(notFound)).object()[u"error"_s][u"type"_s].toString(),
             u"not_found_error"_s);
    QCOMPARE(ollamachat::parseError(0, "{\"error\":\"runner crashed\"}").status, 500);
    QCOMPARE(ollamachat::parseError(502, "upstream unreachable").message, u"upstream unreachable"_s);
    QCOMPARE(ollamachat::parseError(500, "").message, u"upstream error"_s);
}

void TestOllamaChat::streamMatchesGoldenAtEverySplit()
{
    QFETCH(QString, file);
    verifyDecodedStream<ollamachat::StreamDecoder>(file);
}

void TestOllamaChat::lineEndingsDecodeAlike()
{
    for (const QString &name : {u"text.ndjson"_s, u"tools.ndjson"_s}) {
        const QByteArray upstream = readData(u"streams/"_s + name);
        const QList<canonical::StreamEvent> expected = decode(upstream);
        QCOMPARE(expected.last().type, Type::MessageStop);
        const QByteArray crlf = QByteArray(upstream).replace("\n", "\r\n");
        QVERIFY(decode(crlf) == expected);
        for (qsizetype cut = 1; cut < crlf.size(); ++cut) {
            if (decode(crlf, {cut}) != expected)
                QFAIL(qPrintable(u"CRLF events differ when split at byte %1"_s.arg(cut)));
        }
        QVERIFY(decode(upstream.chopped(1)) == expected);                        // last line without "\n"
        QVERIFY(decode(QByteArray(upstream).replace("\n", "\n\n")) == expected); // blank lines are skipped
    }
}

void TestOllamaChat::earlyEndGivesOneError()
{
    const QList<canonical::StreamEvent> cut = decode(readData(u"streams/truncated.ndjson"_s));
    QCOMPARE(std::count_if(cut.cbegin(), cut.cend(), [](const auto &e) { return e.type == Type::Error; }), 1);
    QCOMPARE(cut.last().error,
             (canonical::Error{502, u"api_error"_s, u"upstream stream ended before completion"_s, {}, {}}));
    QCOMPARE(cut.size(), 5); // MessageStart, BlockStart, 2 deltas, Error

    // Complete lines, but no done line.
    const QByteArray text = readData(u"streams/text.ndjson"_s);
    const QList<canonical::StreamEvent> early = decode(text.left(text.lastIndexOf("{\"model\"")));
    QCOMPARE(early.size(), 6); // MessageStart, BlockStart, 3 deltas, Error
    QCOMPARE(contractViolation(early), QString());
    QCOMPARE(early.last().error.message, u"upstream stream ended before completion"_s);

    ollamachat::StreamDecoder empty;
    const QList<canonical::StreamEvent> nothing = empty.finish();
    QCOMPARE(nothing.size(), 1);
    QCOMPARE(nothing.first().type, Type::Error);
}

void TestOllamaChat::errorLineGivesOneError()
{
    const QList<canonical::StreamEvent> events = decode(readData(u"streams/error.ndjson"_s));
    QCOMPARE(std::count_if(events.cbegin(), events.cend(), [](const auto &e) { return e.type == Type::Error; }), 1);
    QCOMPARE(
        events.last().error,
        (canonical::Error{500, {}, u"an error was encountered while running the model: unexpected EOF"_s, {}, {}}));

    ollamachat::StreamDecoder decoder;
    const QList<canonical::StreamEvent> invalid =
        decoder.feed("{\"model\":\"m\",\"message\":{\"content\":\"a\"}}\n{oops\n");
    QCOMPARE(invalid.last().type, Type::Error);
    QCOMPARE(invalid.last().error.message, u"upstream sent invalid JSON in its stream"_s);
    QVERIFY(decoder.isFinished());
}

void TestOllamaChat::oversizedLineFails()
{
    ollamachat::StreamDecoder decoder;
    QList<canonical::StreamEvent> events = decoder.feed("{\"message\":{\"content\":\"");
    const QByteArray chunk(1024 * 1024, 'x');
    for (int i = 0; i < 17 && !decoder.isFinished(); ++i)
        events += decoder.feed(chunk);
    QVERIFY(decoder.isFinished());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().error.message, u"upstream stream line too large"_s);
    QVERIFY(decoder.finish().isEmpty());

    // A whole line over the limit in one read fails the same way.
    ollamachat::StreamDecoder whole;
    events = whole.feed(QByteArray(QByteArray(17 * 1024 * 1024, 'x') + '\n'));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().error.message, u"upstream stream line too large"_s);
}

void TestOllamaChat::nothingFollowsTheTerminalEvent()
{
    const QByteArray text = readData(u"streams/text.ndjson"_s);
    ollamachat::StreamDecoder decoder;
    // The done line ends the stream at once; bytes after it are ignored.
    const QList<canonical::StreamEvent> events = decoder.feed(QByteArray(text + text));
    QCOMPARE(events.last().type, Type::MessageStop);
    QCOMPARE(events, decode(text));
    QVERIFY(decoder.isFinished());
    QVERIFY(decoder.feed(text).isEmpty());
    QVERIFY(decoder.finish().isEmpty());
}

void TestOllamaChat::streamedCallsGoBackWithTheirNames()
{
    // A client received the streamed calls and sends them back with their results.
    canonical::Message assistant{canonical::Role::Assistant, {}};
    canonical::Message results{canonical::Role::User, {}};
    for (const canonical::StreamEvent &e : decode(readData(u"streams/tools.ndjson"_s))) {
        if (e.type == Type::BlockStart && e.blockKind == canonical::BlockKind::ToolCall) {
            assistant.parts.append(call(e.toolCallId, e.toolName, {}));
            canonical::ContentPart result;
            result.kind = canonical::PartKind::ToolResult;
            result.toolCallId = e.toolCallId;
            result.result.push_back(canonical::ContentPart::makeText(u"ok"_s));
            results.parts.append(result);
        } else if (e.type == Type::BlockDelta && e.deltaKind == canonical::DeltaKind::ToolArguments) {
            assistant.parts.last().arguments += e.text;
        }
    }
    canonical::Request request = simpleRequest();
    request.messages.append(assistant);
    request.messages.append(results);
    const QJsonArray messages = emitted(request).value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 5);
    QCOMPARE(
        messages.at(1).toObject(),
        QJsonDocument::fromJson(
            "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
            "{\"id\":\"call_k3j9x0aa\",\"function\":{\"name\":\"get_time\",\"arguments\":{\"tz\":\"Europe/Paris\"}}},"
            "{\"id\":\"call_50bdad69_2\",\"function\":{\"name\":\"get_time\",\"arguments\":{\"tz\":\"Asia/Tokyo\"}}},"
            "{\"id\":\"call_50bdad69_3\",\"function\":{\"name\":\"ping\",\"arguments\":{}}}]}")
            .object());
    QCOMPARE(messages.at(2).toObject(),
             QJsonDocument::fromJson(
                 "{\"role\":\"tool\",\"content\":\"ok\",\"tool_name\":\"get_time\",\"tool_call_id\":\"call_k3j9x0aa\"}")
                 .object());
    QCOMPARE(messages.at(4)[u"tool_name"_s].toString(), u"ping"_s);
}

QTEST_GUILESS_MAIN(TestOllamaChat)
#include "tst_ollamachat.moc"

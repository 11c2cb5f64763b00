// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"
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

QString formatsData()
{
    return dataDir(u"formats"_s);
}

openaichat::EmitOptions openAiOptions()
{
    openaichat::EmitOptions o;
    o.created = FixedCreated;
    o.includeUsage = true;
    o.reasoningContent = true;
    return o;
}

/// Feeds `upstream` cut at `cuts` (sorted offsets) through the decoder of its format.
QList<canonical::StreamEvent> decodeSplit(bool fromOpenAi, const QByteArray &upstream, const QList<qsizetype> &cuts)
{
    if (fromOpenAi) {
        openaichat::StreamDecoder decoder;
        return decodeInPieces(decoder, upstream, cuts);
    }
    anthropicmessages::StreamDecoder decoder;
    return decodeInPieces(decoder, upstream, cuts);
}

/// Upstream stream in one format → client stream in the other, fed in pieces.
QByteArray translateSplit(bool fromOpenAi, const QByteArray &upstream, const QList<qsizetype> &cuts)
{
    if (fromOpenAi) {
        openaichat::StreamDecoder decoder;
        anthropicmessages::StreamEncoder encoder;
        return translateInPieces(decoder, encoder, upstream, cuts);
    }
    anthropicmessages::StreamDecoder decoder;
    openaichat::StreamEncoder encoder(openAiOptions());
    return translateInPieces(decoder, encoder, upstream, cuts);
}

/// Compares two SSE streams event by event: names exactly, JSON payloads semantically.
QString sseDifference(const QByteArray &actual, const QByteArray &expected)
{
    const QList<SseEvent> a = sseEvents(actual);
    const QList<SseEvent> e = sseEvents(expected);
    for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
        if (i >= a.size())
            return u"missing event %1: %2"_s.arg(i).arg(QString::fromUtf8(e.at(i).data));
        if (i >= e.size())
            return u"extra event %1: %2"_s.arg(i).arg(QString::fromUtf8(a.at(i).data));
        if (a.at(i).event != e.at(i).event)
            return u"event %1 is '%2', expected '%3'"_s.arg(i).arg(QString::fromUtf8(a.at(i).event),
                                                                   QString::fromUtf8(e.at(i).event));
        const bool same = a.at(i).data == e.at(i).data ||
                          (a.at(i).data != "[DONE]" &&
                           QJsonDocument::fromJson(a.at(i).data) == QJsonDocument::fromJson(e.at(i).data) &&
                           !QJsonDocument::fromJson(a.at(i).data).isNull());
        if (!same)
            return u"event %1 data\n  actual:   %2\n  expected: %3"_s.arg(i).arg(QString::fromUtf8(a.at(i).data),
                                                                                 QString::fromUtf8(e.at(i).data));
    }
    return {};
}

} // namespace

class TestFormatTranslation : public QObject
{
    Q_OBJECT

private slots:
    void requestTranslatesToGolden_data() { addDataFiles(formatsData() + u"/requests"_s, u".json"_s); }
    void requestTranslatesToGolden();
    void requestSurvivesRoundTrip_data() { addDataFiles(formatsData() + u"/requests"_s, u".json"_s); }
    void requestSurvivesRoundTrip();
    void responseTranslatesToGolden_data() { addDataFiles(formatsData() + u"/responses"_s, u".json"_s); }
    void responseTranslatesToGolden();
    void responseSurvivesRoundTrip_data() { addDataFiles(formatsData() + u"/responses"_s, u".json"_s); }
    void responseSurvivesRoundTrip();
    void streamTranslatesToGoldenAtEverySplit_data() { addDataFiles(formatsData() + u"/streams"_s, u".sse"_s); }
    void streamTranslatesToGoldenAtEverySplit();
    void streamSurvivesRoundTrip_data() { addDataFiles(formatsData() + u"/streams"_s, u".sse"_s); }
    void streamSurvivesRoundTrip();

    void untranslatableRequestsAreRejected_data();
    void untranslatableRequestsAreRejected();
    void droppedFieldsAreReported();
    void thinkingBudgetFitsUnderMaxTokens();
    void errorBodiesMapAcrossFormats();
    void interleavedToolCallsKeepTheirArguments();
    void sequentialToolCallsStreamWithoutBuffering();
    void thinkingIsHiddenFromOpenAiClientsByDefault();
    void encodersAlwaysEndWithTheirTerminalEvent();
    void nothingIsEmittedAfterTheTerminalEvent();
    void invalidUpstreamJsonFailsTheStream();
    void misorderedAnthropicStreamKeepsTheCanonicalShape();
};

void TestFormatTranslation::requestTranslatesToGolden()
{
    QFETCH(QString, file);
    const QByteArray input = readFile(file);
    canonical::Error error;
    QList<canonical::Dropped> dropped;
    QByteArray output;
    if (isOpenAiFixture(file)) {
        const auto request = openaichat::parseRequest(input, &error);
        QVERIFY2(request, qPrintable(error.message));
        output = anthropicmessages::emitRequest(*request, {}, &dropped);
    } else {
        const auto request = anthropicmessages::parseRequest(input, &error);
        QVERIFY2(request, qPrintable(error.message));
        output = openaichat::emitRequest(*request, {}, &dropped);
    }
    const QString problem = jsonGoldenDifference(goldenPath(file, u".json"_s), QJsonDocument::fromJson(output));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFormatTranslation::requestSurvivesRoundTrip()
{
    QFETCH(QString, file);
    const QByteArray input = readFile(file);
    canonical::Error error;
    std::optional<canonical::Request> first;
    std::optional<canonical::Request> second;
    if (isOpenAiFixture(file)) {
        openaichat::EmitOptions options;
        options.reasoningContent = true;
        first = openaichat::parseRequest(input, &error);
        QVERIFY(first);
        second = openaichat::parseRequest(openaichat::emitRequest(*first, options), &error);
        // Several system messages are sent as one, their texts joined by a blank line.
        if (first->system.size() > 1) {
            QStringList texts;
            for (const canonical::ContentPart &p : std::as_const(first->system))
                texts.append(p.text);
            first->system = {canonical::ContentPart::makeText(texts.join(u"\n\n"_s))};
        }
    } else {
        first = anthropicmessages::parseRequest(input, &error);
        QVERIFY(first);
        second = anthropicmessages::parseRequest(anthropicmessages::emitRequest(*first), &error);
    }
    QVERIFY2(second, qPrintable(error.message));
    QVERIFY(!first->messages.isEmpty());
    QCOMPARE(second->messages, first->messages);
    QCOMPARE(second->system, first->system);
    QCOMPARE(second->tools, first->tools);
    QVERIFY(*second == *first);
}

void TestFormatTranslation::responseTranslatesToGolden()
{
    QFETCH(QString, file);
    const QByteArray input = readFile(file);
    canonical::Error error;
    QByteArray output;
    if (isOpenAiFixture(file)) {
        const auto response = openaichat::parseResponse(input, &error);
        QVERIFY2(response, qPrintable(error.message));
        output = anthropicmessages::emitResponse(*response);
    } else {
        const auto response = anthropicmessages::parseResponse(input, &error);
        QVERIFY2(response, qPrintable(error.message));
        output = openaichat::emitResponse(*response, openAiOptions());
    }
    const QString problem = jsonGoldenDifference(goldenPath(file, u".json"_s), QJsonDocument::fromJson(output));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestFormatTranslation::responseSurvivesRoundTrip()
{
    QFETCH(QString, file);
    const QByteArray input = readFile(file);
    canonical::Error error;
    std::optional<canonical::Response> first;
    std::optional<canonical::Response> second;
    if (isOpenAiFixture(file)) {
        first = openaichat::parseResponse(input, &error);
        QVERIFY(first);
        second = openaichat::parseResponse(openaichat::emitResponse(*first, openAiOptions()), &error);
    } else {
        first = anthropicmessages::parseResponse(input, &error);
        QVERIFY(first);
        second = anthropicmessages::parseResponse(anthropicmessages::emitResponse(*first), &error);
    }
    QVERIFY2(second, qPrintable(error.message));
    QVERIFY(!first->content.isEmpty());
    QCOMPARE(second->content, first->content);
    QCOMPARE(second->usage, first->usage);
    QVERIFY(*second == *first);
}

void TestFormatTranslation::streamTranslatesToGoldenAtEverySplit()
{
    QFETCH(QString, file);
    const bool fromOpenAi = isOpenAiFixture(file);
    const QByteArray upstream = readFile(file);
    QVERIFY(upstream.size() > 100);

    const QString violation = contractViolation(decodeSplit(fromOpenAi, upstream, {}));
    QVERIFY2(violation.isEmpty(), qPrintable(violation));

    const QByteArray whole = translateSplit(fromOpenAi, upstream, {});
    const QString golden = goldenPath(file, u".sse"_s);
    const QByteArray expected = readGolden(golden, whole);
    QVERIFY2(!expected.isEmpty(), qPrintable(u"missing golden file "_s + golden));
    const QString difference = sseDifference(whole, expected);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    // The client protocol's own terminal event closes every stream, failed or not.
    const QList<SseEvent> events = sseEvents(whole);
    QVERIFY(!events.isEmpty());
    if (fromOpenAi)
        QVERIFY(events.last().event == "message_stop" || events.last().event == "error");
    else
        QCOMPARE(events.last().data, QByteArray("[DONE]"));

    const QString split = splitDifference(
        upstream.size(), whole,
        [&](const QList<qsizetype> &cuts) { return translateSplit(fromOpenAi, upstream, cuts); }, {}, sseDifference);
    QVERIFY2(split.isEmpty(), qPrintable(split));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < upstream.size(); ++i)
        everyByte.append(i);
    QCOMPARE(contractViolation(decodeSplit(fromOpenAi, upstream, everyByte)), QString());
}

void TestFormatTranslation::streamSurvivesRoundTrip()
{
    QFETCH(QString, file);
    if (file.contains(u"truncated"_s))
        QSKIP("a cut stream has no upstream error to round-trip");
    const bool fromOpenAi = isOpenAiFixture(file);
    const QList<canonical::StreamEvent> first = decodeSplit(fromOpenAi, readFile(file), {});
    QByteArray reencoded;
    if (fromOpenAi) {
        // A client that asked for usage always gets the usage chunk (zeros when the upstream sent
        // none), so "absent" only survives when the chunk is not requested.
        openaichat::EmitOptions options = openAiOptions();
        options.includeUsage = !first.at(first.size() - 2).usage.isEmpty();
        openaichat::StreamEncoder encoder(options);
        reencoded = encoder.encode(first);
    } else {
        anthropicmessages::StreamEncoder encoder;
        reencoded = encoder.encode(first);
    }
    const QList<canonical::StreamEvent> second = decodeSplit(fromOpenAi, reencoded, {});
    QCOMPARE(second.size(), first.size());
    for (qsizetype i = 0; i < first.size(); ++i)
        QVERIFY2(second.at(i) == first.at(i), qPrintable(u"event %1 differs"_s.arg(i)));
}

void TestFormatTranslation::untranslatableRequestsAreRejected_data()
{
    QTest::addColumn<bool>("openAi");
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("param");
    QTest::newRow("anthropic without max_tokens") << false << u"reject_no_max_tokens.json"_s << u"max_tokens"_s;
    QTest::newRow("anthropic document block") << false << u"reject_document.json"_s << u"messages[0].content[0].type"_s;
    QTest::newRow("anthropic server tool") << false << u"reject_server_tool.json"_s << u"tools[0].type"_s;
    QTest::newRow("openai custom tool") << true << u"reject_custom_tool.json"_s << u"tools[0]"_s;
    QTest::newRow("openai n=2") << true << u"reject_n.json"_s << u"n"_s;
    QTest::newRow("openai audio input") << true << u"reject_audio.json"_s << u"messages[0].content[0]"_s;
    QTest::newRow("not json") << true << u"reject_not_json.txt"_s << QString();
}

void TestFormatTranslation::untranslatableRequestsAreRejected()
{
    QFETCH(bool, openAi);
    QFETCH(QString, fixture);
    QFETCH(QString, param);
    const QByteArray body = readFile(formatsData() + u"/rejected/"_s + fixture);
    QVERIFY(!body.isEmpty());
    canonical::Error error;
    const bool parsed = openAi ? openaichat::parseRequest(body, &error).has_value()
                               : anthropicmessages::parseRequest(body, &error).has_value();
    QVERIFY(!parsed);
    QCOMPARE(error.status, 400);
    QCOMPARE(error.param, param);
    QVERIFY(!error.message.isEmpty());
    // The client sees the rejection in its own error shape.
    const QJsonObject wire =
        QJsonDocument::fromJson(openAi ? openaichat::emitError(error) : anthropicmessages::emitError(error)).object();
    QCOMPARE(wire.value(u"error"_s).toObject().value(u"type"_s).toString(), u"invalid_request_error"_s);
}

void TestFormatTranslation::droppedFieldsAreReported()
{
    canonical::Error error;
    const auto request = openaichat::parseRequest(readFile(formatsData() + u"/requests/openai_text.json"_s), &error);
    QVERIFY(request);
    const QString parsed = droppedFields(request->dropped);
    QVERIFY2(parsed.contains(u"seed"_s) && parsed.contains(u"logprobs"_s) && parsed.contains(u"messages[4].name"_s),
             qPrintable(parsed));
    QList<canonical::Dropped> emitted;
    anthropicmessages::emitRequest(*request, {}, &emitted);
    const QString dropped = droppedFields(emitted);
    QVERIFY2(dropped.contains(u"temperature"_s) && dropped.contains(u"metadata"_s), qPrintable(dropped));

    const auto anthropic =
        anthropicmessages::parseRequest(readFile(formatsData() + u"/requests/anthropic_thinking.json"_s), &error);
    QVERIFY(anthropic);
    QList<canonical::Dropped> toOpenAi;
    openaichat::emitRequest(*anthropic, {}, &toOpenAi);
    const QString lost = droppedFields(toOpenAi);
    QVERIFY2(lost.contains(u"thinking"_s) && lost.contains(u"redacted_thinking"_s), qPrintable(lost));
}

void TestFormatTranslation::thinkingBudgetFitsUnderMaxTokens()
{
    canonical::Request request;
    request.model = u"m"_s;
    request.messages.append(canonical::Message{canonical::Role::User, {canonical::ContentPart::makeText(u"hi"_s)}});
    request.thinkingEnabled = true;
    request.thinkingBudget = 8000;
    request.maxOutputTokens = 4000;
    QJsonObject o = QJsonDocument::fromJson(anthropicmessages::emitRequest(request)).object();
    QCOMPARE(o.value(u"max_tokens"_s).toInteger(), 4000);
    QCOMPARE(o.value(u"thinking"_s).toObject().value(u"budget_tokens"_s).toInteger(), 3999);

    request.maxOutputTokens = 1000; // no room for the 1024-token minimum
    QList<canonical::Dropped> dropped;
    o = QJsonDocument::fromJson(anthropicmessages::emitRequest(request, {}, &dropped)).object();
    QVERIFY(!o.contains(u"thinking"_s));
    QCOMPARE(droppedFields(dropped), u"thinking"_s);

    request.maxOutputTokens.reset();
    o = QJsonDocument::fromJson(anthropicmessages::emitRequest(request)).object();
    QCOMPARE(o.value(u"max_tokens"_s).toInteger(), 8000 + 4096);
}

void TestFormatTranslation::errorBodiesMapAcrossFormats()
{
    // Anthropic overload (529) → an OpenAI client gets 503, which its SDK retries the same way.
    canonical::Error overloaded =
        anthropicmessages::parseError(529, readFile(formatsData() + u"/errors/anthropic_overloaded.json"_s));
    QCOMPARE(overloaded.status, 529);
    QCOMPARE(overloaded.message, u"Overloaded"_s);
    QCOMPARE(openaichat::httpStatus(overloaded), 503);
    QJsonObject wire = QJsonDocument::fromJson(openaichat::emitError(overloaded)).object();
    QCOMPARE(wire.value(u"error"_s).toObject().value(u"message"_s).toString(), u"Overloaded"_s);
    QCOMPARE(wire.value(u"error"_s).toObject().value(u"type"_s).toString(), u"server_error"_s);

    // OpenAI rate limit → Anthropic rate_limit_error with the same status.
    const canonical::Error limited =
        openaichat::parseError(429, readFile(formatsData() + u"/errors/openai_rate_limit.json"_s));
    QCOMPARE(limited.code, u"rate_limit_exceeded"_s);
    QCOMPARE(anthropicmessages::httpStatus(limited), 429);
    wire = QJsonDocument::fromJson(anthropicmessages::emitError(limited)).object();
    QCOMPARE(wire.value(u"type"_s).toString(), u"error"_s);
    QCOMPARE(wire.value(u"error"_s).toObject().value(u"type"_s).toString(), u"rate_limit_error"_s);

    // Errors inside a stream carry no status: it is derived from the type or code.
    QCOMPARE(anthropicmessages::parseError(0, readFile(formatsData() + u"/errors/anthropic_overloaded.json"_s)).status,
             529);
    QCOMPARE(openaichat::parseError(0, readFile(formatsData() + u"/errors/openai_rate_limit.json"_s)).status, 429);
    // Compatible servers send a bare string.
    QCOMPARE(openaichat::parseError(404, "{\"error\":\"model 'x' not found\"}").message, u"model 'x' not found"_s);
    QCOMPARE(QJsonDocument::fromJson(anthropicmessages::emitError(openaichat::parseError(404, "{\"error\":\"x\"}")))
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"type"_s)
                 .toString(),
             u"not_found_error"_s);

    // The gateway's own errors keep their type through the encoders: a broken stream says upstream_error
    // whether it was relayed raw or decoded and re-encoded.
    const ApiError lost = ApiError::badGateway(u"lost"_s, "upstream_disconnected");
    openaichat::StreamEncoder encoder;
    const QByteArray stream = encoder.fail(lost.toCanonical());
    QVERIFY(stream.startsWith("data: ") && stream.endsWith("\n\ndata: [DONE]\n\n"));
    const QByteArray event = stream.mid(6, stream.indexOf('\n') - 6);
    QCOMPARE(QJsonDocument::fromJson(event).object(), QJsonDocument::fromJson(lost.openAiBody()).object());
    QCOMPARE(QJsonDocument::fromJson(event).object().value(u"error"_s).toObject().value(u"type"_s).toString(),
             u"upstream_error"_s);
}

void TestFormatTranslation::interleavedToolCallsKeepTheirArguments()
{
    const QList<canonical::StreamEvent> events =
        decodeSplit(true, readFile(formatsData() + u"/streams/openai_parallel_tools.sse"_s), {});
    QCOMPARE(contractViolation(events), QString());
    QHash<QString, QString> arguments;
    QHash<int, QString> idByIndex;
    QStringList order;
    for (const canonical::StreamEvent &e : events) {
        if (e.type == canonical::StreamEvent::Type::BlockStart && e.blockKind == canonical::BlockKind::ToolCall) {
            idByIndex.insert(e.index, e.toolCallId);
            order.append(e.toolCallId);
        }
        if (e.type == canonical::StreamEvent::Type::BlockDelta && e.deltaKind == canonical::DeltaKind::ToolArguments)
            arguments[idByIndex.value(e.index)] += e.text;
    }
    QCOMPARE(order, (QStringList{u"call_a"_s, u"call_b"_s, u"call_c"_s}));
    QCOMPARE(arguments.value(u"call_a"_s), u"{\"tz\":\"UTC\"}"_s);
    QCOMPARE(arguments.value(u"call_b"_s), u"{\"fmt\":\"iso\"}"_s);
    QCOMPARE(arguments.value(u"call_c"_s), QString());
    QCOMPARE(events.at(events.size() - 2).stopReason, canonical::StopReason::ToolUse);
    QCOMPARE(events.at(events.size() - 2).usage.inputTokens, std::optional<qint64>(52));
}

void TestFormatTranslation::sequentialToolCallsStreamWithoutBuffering()
{
    // A call whose arguments form a complete JSON object is closed as soon as another call sends a
    // fragment, so later calls stream live instead of waiting for the end of the stream.
    const QByteArray stream = readFile(formatsData() + u"/streams/openai_parallel_tools.sse"_s);
    const qsizetype lastCall = stream.indexOf("\"index\":2,\"id\":\"call_c\"");
    QVERIFY(lastCall > 0);
    const qsizetype cut = stream.indexOf("\n\n", lastCall) + 2;
    openaichat::StreamDecoder decoder;
    const QList<canonical::StreamEvent> events = decoder.feed(QByteArrayView(stream).first(cut));
    QStringList started;
    int stops = 0;
    for (const canonical::StreamEvent &e : events) {
        stops += e.type == canonical::StreamEvent::Type::BlockStop ? 1 : 0;
        if (e.type == canonical::StreamEvent::Type::BlockStart && e.blockKind == canonical::BlockKind::ToolCall)
            started.append(e.toolCallId);
    }
    QCOMPARE(started, (QStringList{u"call_a"_s, u"call_b"_s, u"call_c"_s}));
    QCOMPARE(stops, 3); // text, call_a and call_b are closed; call_c is open and streaming
}

void TestFormatTranslation::thinkingIsHiddenFromOpenAiClientsByDefault()
{
    const QList<canonical::StreamEvent> events =
        decodeSplit(false, readFile(formatsData() + u"/streams/anthropic_thinking.sse"_s), {});
    openaichat::EmitOptions options;
    options.created = FixedCreated;
    openaichat::StreamEncoder encoder(options);
    const QByteArray out = encoder.encode(events);
    QVERIFY(!out.contains("reasoning_content"));
    QVERIFY(!out.contains("User wants"));
    QVERIFY(!out.contains("EqQBCkYIARgCIkD")); // signatures never leave in this format
    QVERIFY(!out.contains("\"usage\""));       // the client did not ask for include_usage
    QVERIFY(out.contains("Noon."));
    QVERIFY(out.endsWith("data: [DONE]\n\n"));
}

void TestFormatTranslation::encodersAlwaysEndWithTheirTerminalEvent()
{
    canonical::StreamEvent start;
    start.type = canonical::StreamEvent::Type::MessageStart;
    start.id = u"x"_s;
    canonical::StreamEvent block;
    block.type = canonical::StreamEvent::Type::BlockStart;
    canonical::StreamEvent delta;
    delta.type = canonical::StreamEvent::Type::BlockDelta;
    delta.text = u"partial"_s;

    // Upstream body ended without a terminal event.
    anthropicmessages::StreamEncoder anthropic;
    QByteArray out = anthropic.encode({start, block, delta}) + anthropic.finish();
    QList<SseEvent> events = sseEvents(out);
    QCOMPARE(events.last().event, QByteArray("error"));
    QCOMPARE(
        QJsonDocument::fromJson(events.last().data).object().value(u"error"_s).toObject().value(u"type"_s).toString(),
        u"api_error"_s);

    openaichat::StreamEncoder openAi;
    out = openAi.encode({start, block, delta}) + openAi.finish();
    events = sseEvents(out);
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
    QVERIFY(QJsonDocument::fromJson(events.at(events.size() - 2).data).object().contains(u"error"_s));

    // MessageStop without MessageDelta and with a block left open: both are synthesized in order.
    canonical::StreamEvent stop;
    stop.type = canonical::StreamEvent::Type::MessageStop;
    anthropicmessages::StreamEncoder lenient;
    events = sseEvents(lenient.encode({start, block, delta, stop}));
    QStringList names;
    for (const SseEvent &e : events)
        names.append(QString::fromUtf8(e.event));
    QCOMPARE(names, (QStringList{u"message_start"_s, u"content_block_start"_s, u"content_block_delta"_s,
                                 u"content_block_stop"_s, u"message_delta"_s, u"message_stop"_s}));
}

void TestFormatTranslation::nothingIsEmittedAfterTheTerminalEvent()
{
    canonical::StreamEvent stop;
    stop.type = canonical::StreamEvent::Type::MessageStop;
    canonical::StreamEvent ping;
    ping.type = canonical::StreamEvent::Type::Ping;
    const canonical::Error error{500, {}, u"late"_s, {}, {}};

    anthropicmessages::StreamEncoder anthropic;
    QVERIFY(anthropic.encode(stop).endsWith("data: {\"type\":\"message_stop\"}\n\n"));
    QVERIFY(anthropic.isFinished());
    QVERIFY(anthropic.encode(ping).isEmpty());
    QVERIFY(anthropic.fail(error).isEmpty());
    QVERIFY(anthropic.finish().isEmpty());

    openaichat::StreamEncoder openAi;
    QVERIFY(openAi.fail(error).endsWith("data: [DONE]\n\n"));
    QVERIFY(openAi.encode(stop).isEmpty());
    QVERIFY(openAi.finish().isEmpty());

    // Decoders stop at their terminal event too: bytes after [DONE] are ignored.
    openaichat::StreamDecoder decoder;
    const QList<canonical::StreamEvent> events = decoder.feed("data: [DONE]\n\ndata: {\"choices\":[]}\n\n");
    QCOMPARE(events.last().type, canonical::StreamEvent::Type::MessageStop);
    QVERIFY(decoder.finish().isEmpty());
}

void TestFormatTranslation::invalidUpstreamJsonFailsTheStream()
{
    openaichat::StreamDecoder openAi;
    QList<canonical::StreamEvent> events = openAi.feed("data: {\"choices\":[]}\n\ndata: {oops\n\n");
    QCOMPARE(events.last().type, canonical::StreamEvent::Type::Error);
    QCOMPARE(events.last().error.status, 502);
    QVERIFY(events.last().error.message.contains(u"invalid JSON"_s));
    QVERIFY(openAi.isFinished());

    anthropicmessages::StreamDecoder anthropic;
    events = anthropic.feed("event: message_start\ndata: [1,2]\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().type, canonical::StreamEvent::Type::Error);
}

void TestFormatTranslation::misorderedAnthropicStreamKeepsTheCanonicalShape()
{
    // A block starting while another is open, a delta and a stop for a block that is no longer
    // open, a repeated message_start, message_delta inside a block and a delta after it.
    const QByteArray stream =
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
        "\"content_block\":{\"type\":\"text\",\"text\":\"a\"}}\n\n"
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}\n\n"
        "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
        "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        "\"delta\":{\"type\":\"text_delta\",\"text\":\"late\"}}\n\n"
        "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
        "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"t\"}}\n\n"
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"}}\n\n"
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
        "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"after the block closed\"}}\n\n"
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    anthropicmessages::StreamDecoder decoder;
    QList<canonical::StreamEvent> events = decoder.feed(stream);
    events += decoder.finish();
    QCOMPARE(contractViolation(events), QString());
    using Type = canonical::StreamEvent::Type;
    QList<Type> types;
    for (const canonical::StreamEvent &e : std::as_const(events))
        types.append(e.type);
    QCOMPARE(types,
             (QList<Type>{Type::MessageStart, Type::BlockStart, Type::BlockDelta, Type::BlockStop, Type::BlockStart,
                          Type::BlockDelta, Type::BlockStop, Type::MessageDelta, Type::MessageStop}));
    QCOMPARE(events[5].text, u"t"_s);
}

QTEST_GUILESS_MAIN(TestFormatTranslation)
#include "tst_formattranslation.moc"

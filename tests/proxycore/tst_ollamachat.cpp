// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/ollamachat.h"
#include "proxycore/formats/openaichat.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace llmproxy;
using namespace Qt::StringLiterals;

using Type = canonical::StreamEvent::Type;

Q_DECLARE_METATYPE(llmproxy::canonical::Response)

namespace {

QString dataDir()
{
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + u"/tests/proxycore/data/ollama"_s;
    return QFINDTESTDATA("data/ollama");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray readData(const QString &relative)
{
    return readFile(dataDir() + u'/' + relative);
}

/// With LLMPROXY_UPDATE_GOLDEN=1 the golden files are rewritten from the current output (review
/// the diff before committing it).
void updateGolden(const QString &path, const QByteArray &content)
{
    if (qEnvironmentVariable("LLMPROXY_UPDATE_GOLDEN") != u"1"_s)
        return;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(content);
}

QByteArray pretty(const QJsonDocument &doc)
{
    return doc.toJson(QJsonDocument::Indented);
}

void addFiles(const QString &sub, const QString &suffix)
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(dataDir() + u'/' + sub).entryList({u"*"_s + suffix}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), "test data not found; set LLMPROXY_SOURCE_DIR");
    for (const QString &name : files) {
        if (!name.contains(u".expected."_s))
            QTest::newRow(qPrintable(name)) << dataDir() + u'/' + sub + u'/' + name;
    }
}

QJsonObject usageJson(const canonical::Usage &u)
{
    QJsonObject o;
    if (u.inputTokens)
        o.insert(u"input"_s, *u.inputTokens);
    if (u.cacheReadTokens)
        o.insert(u"cacheRead"_s, *u.cacheReadTokens);
    if (u.cacheWriteTokens)
        o.insert(u"cacheWrite"_s, *u.cacheWriteTokens);
    if (u.outputTokens)
        o.insert(u"output"_s, *u.outputTokens);
    if (u.reasoningTokens)
        o.insert(u"reasoning"_s, *u.reasoningTokens);
    return o;
}

QString stopName(canonical::StopReason r)
{
    static const QStringList names = {
        u"None"_s,    u"EndTurn"_s, u"StopSequence"_s, u"MaxTokens"_s, u"ContextWindowExceeded"_s,
        u"ToolUse"_s, u"Refusal"_s, u"PauseTurn"_s};
    return names.at(int(r));
}

/// A readable form of the events for golden files.
QJsonArray eventsJson(const QList<canonical::StreamEvent> &events)
{
    static const QStringList types = {u"MessageStart"_s, u"BlockStart"_s,  u"BlockDelta"_s, u"BlockStop"_s,
                                      u"MessageDelta"_s, u"MessageStop"_s, u"Error"_s,      u"Ping"_s};
    static const QStringList blocks = {u"Text"_s, u"Thinking"_s, u"RedactedThinking"_s, u"ToolCall"_s};
    static const QStringList deltas = {u"Text"_s, u"Thinking"_s, u"Signature"_s, u"ToolArguments"_s};
    QJsonArray out;
    for (const canonical::StreamEvent &e : events) {
        QJsonObject o{{u"type"_s, types.at(int(e.type))}};
        switch (e.type) {
        case Type::MessageStart:
            o.insert(u"id"_s, e.id);
            o.insert(u"model"_s, e.model);
            if (!e.usage.isEmpty())
                o.insert(u"usage"_s, usageJson(e.usage));
            break;
        case Type::BlockStart:
            o.insert(u"index"_s, e.index);
            o.insert(u"kind"_s, blocks.at(int(e.blockKind)));
            if (!e.toolCallId.isEmpty())
                o.insert(u"toolCallId"_s, e.toolCallId);
            if (!e.toolName.isEmpty())
                o.insert(u"toolName"_s, e.toolName);
            break;
        case Type::BlockDelta:
            o.insert(u"index"_s, e.index);
            o.insert(u"kind"_s, deltas.at(int(e.deltaKind)));
            o.insert(u"text"_s, e.text);
            break;
        case Type::BlockStop:
            o.insert(u"index"_s, e.index);
            break;
        case Type::MessageDelta:
            o.insert(u"stopReason"_s, stopName(e.stopReason));
            o.insert(u"usage"_s, usageJson(e.usage));
            break;
        case Type::Error:
            o.insert(u"status"_s, e.error.status);
            o.insert(u"errorType"_s, e.error.type);
            o.insert(u"message"_s, e.error.message);
            break;
        case Type::MessageStop:
        case Type::Ping:
            break;
        }
        out.append(o);
    }
    return out;
}

/// Checks the canonical stream contract; returns the first violation, empty when kept.
QString contractViolation(const QList<canonical::StreamEvent> &events)
{
    int open = -1;
    int next = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const canonical::StreamEvent &e = events.at(i);
        if ((i == 0) != (e.type == Type::MessageStart) && e.type != Type::Error)
            return u"MessageStart is not (only) the first event, at %1"_s.arg(i);
        switch (e.type) {
        case Type::BlockStart:
            if (open >= 0 || e.index != next)
                return u"bad BlockStart at %1"_s.arg(i);
            open = next++;
            break;
        case Type::BlockDelta:
        case Type::BlockStop:
            if (e.index != open)
                return u"event for block %1 while %2 is open, at %3"_s.arg(e.index).arg(open).arg(i);
            if (e.type == Type::BlockStop)
                open = -1;
            break;
        case Type::MessageDelta:
            if (open >= 0)
                return u"MessageDelta with a block open"_s;
            break;
        case Type::MessageStop:
        case Type::Error:
            if (i != events.size() - 1)
                return u"terminal event at %1 is not the last"_s.arg(i);
            break;
        default:
            break;
        }
    }
    if (events.isEmpty() || (events.last().type != Type::MessageStop && events.last().type != Type::Error))
        return u"no terminal event"_s;
    return {};
}

QList<canonical::StreamEvent> decode(const QByteArray &upstream, QList<qsizetype> cuts = {})
{
    ollamachat::StreamDecoder decoder;
    QList<canonical::StreamEvent> events;
    qsizetype start = 0;
    cuts.append(upstream.size());
    for (qsizetype cut : std::as_const(cuts)) {
        events += decoder.feed(QByteArrayView(upstream).sliced(start, cut - start));
        start = cut;
    }
    events += decoder.finish();
    return events;
}

QString droppedFields(const QList<canonical::Dropped> &dropped)
{
    QStringList fields;
    for (const canonical::Dropped &d : dropped)
        fields.append(d.field);
    return fields.join(u", "_s);
}

canonical::ContentPart call(const QString &id, const QString &name, const QString &arguments)
{
    canonical::ContentPart p;
    p.kind = canonical::PartKind::ToolCall;
    p.toolCallId = id;
    p.toolName = name;
    p.arguments = arguments;
    return p;
}

canonical::ContentPart thinking(const QString &text)
{
    canonical::ContentPart p;
    p.kind = canonical::PartKind::Thinking;
    p.text = text;
    return p;
}

canonical::Usage usage(qint64 in, qint64 out)
{
    canonical::Usage u;
    u.inputTokens = in;
    u.outputTokens = out;
    return u;
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
    void requestMatchesGolden_data() { addFiles(u"requests"_s, u".json"_s); }
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

    void streamMatchesGoldenAtEverySplit_data() { addFiles(u"streams"_s, u".ndjson"_s); }
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
    const QByteArray input = readFile(file);
    canonical::Error error;
    const bool openAi = QFileInfo(file).fileName().startsWith(u"openai_"_s);
    const auto request =
        openAi ? openaichat::parseRequest(input, &error) : anthropicmessages::parseRequest(input, &error);
    QVERIFY2(request, qPrintable(error.message));
    ollamachat::EmitOptions options;
    options.numCtx = 8192;
    options.keepAlive = u"10m"_s;
    const QByteArray output = ollamachat::emitRequest(*request, options);
    const QString golden = file.chopped(5) + u".expected.json"_s;
    updateGolden(golden, pretty(QJsonDocument::fromJson(output)));
    const QByteArray expected = readFile(golden);
    QVERIFY2(!expected.isEmpty(), qPrintable(u"missing golden file "_s + golden));
    QVERIFY2(QJsonDocument::fromJson(output) == QJsonDocument::fromJson(expected),
             qPrintable(u"actual:\n"_s + QString::fromUtf8(pretty(QJsonDocument::fromJson(output)))));
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
    auto response = [](const QString &id, const QString &model, const QList<canonical::ContentPart> &content,
                       canonical::StopReason stop, const canonical::Usage &usage) {
        canonical::Response r;
        r.id = id;
        r.model = model;
        r.content = content;
        r.stopReason = stop;
        r.usage = usage;
        return r;
    };
    QTest::newRow("text") << u"text.json"_s
                          << response(u"msg_ddb29bf785fee3ca41556faf"_s, u"llama3.2"_s,
                                      {canonical::ContentPart::makeText(u"{\"city\":\"Madrid\"}"_s)},
                                      canonical::StopReason::EndTurn, usage(31, 7));
    QTest::newRow("thinking and calls")
        << u"tools.json"_s
        << response(u"msg_5b540650771160e145c280a7"_s, u"qwen3:8b"_s,
                    {thinking(u"Two zones, two calls."_s),
                     call(u"call_k3j9x0aa"_s, u"get_time"_s, u"{\"tz\":\"Europe/Paris\"}"_s),
                     call(u"call_5b540650_2"_s, u"get_time"_s, u"{\"tz\":\"Asia/Tokyo\"}"_s)},
                    canonical::StopReason::ToolUse, usage(120, 45));
    QTest::newRow("length, zero counts omitted")
        << u"length.json"_s
        << response(u"msg_4d1a6736d954388fbbbf06e0"_s, u"llama3.2"_s,
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
    QCOMPARE(response->id, expected.id);
    QCOMPARE(response->model, expected.model);
    QCOMPARE(response->content.size(), expected.content.size());
    for (qsizetype i = 0; i < expected.content.size(); ++i) {
        const canonical::ContentPart &a = response->content.at(i);
        const canonical::ContentPart &e = expected.content.at(i);
        QCOMPARE(int(a.kind), int(e.kind));
        QCOMPARE(a.text, e.text);
        QCOMPARE(a.toolCallId, e.toolCallId);
        QCOMPARE(a.toolName, e.toolName);
        QCOMPARE(a.arguments, e.arguments);
    }
    QCOMPARE(stopName(response->stopReason), stopName(expected.stopReason));
    QCOMPARE(usageJson(response->usage), usageJson(expected.usage));
    QVERIFY(*response == expected);
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
    const QByteArray upstream = readFile(file);
    QVERIFY(upstream.size() > 200);
    const QList<canonical::StreamEvent> whole = decode(upstream);
    QCOMPARE(contractViolation(whole), QString());

    const QString golden = file.chopped(7) + u".expected.json"_s;
    updateGolden(golden, pretty(QJsonDocument(eventsJson(whole))));
    const QByteArray expected = readFile(golden);
    QVERIFY2(!expected.isEmpty(), qPrintable(u"missing golden file "_s + golden));
    QVERIFY2(QJsonDocument(eventsJson(whole)) == QJsonDocument::fromJson(expected),
             qPrintable(u"actual:\n"_s + QString::fromUtf8(pretty(QJsonDocument(eventsJson(whole))))));

    for (qsizetype cut = 1; cut < upstream.size(); ++cut) {
        if (decode(upstream, {cut}) != whole)
            QFAIL(qPrintable(u"events differ when split at byte %1"_s.arg(cut)));
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < upstream.size(); ++i)
        everyByte.append(i);
    QVERIFY(decode(upstream, everyByte) == whole);

    QRandomGenerator random(4242);
    for (int round = 0; round < 50; ++round) {
        QList<qsizetype> cuts;
        for (int i = random.bounded(2, 12); i > 0; --i)
            cuts.append(random.bounded(qsizetype(1), upstream.size()));
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        QVERIFY(decode(upstream, cuts) == whole);
    }
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

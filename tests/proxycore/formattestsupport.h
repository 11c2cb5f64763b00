// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/canonical.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <optional>

Q_DECLARE_METATYPE(llmproxy::canonical::Response)

/// What the wire-format tests share: fixture and golden files under tests/proxycore/data, canonical
/// events in a readable form, the canonical stream contract, and feeding an input cut at every byte.
/// Golden files are rewritten from the current output with LLMPROXY_UPDATE_GOLDEN=1 (review the diff
/// before committing it).
namespace llmproxy::formattest {

using namespace Qt::StringLiterals;
using Type = canonical::StreamEvent::Type;

/// `created` of emitted OpenAI objects, so that golden files do not depend on the clock.
inline constexpr qint64 FixedCreated = 1767225600;

// ---------------------------------------------------------------------------------------------
// Files

/// tests/proxycore/data/<sub>, found through LLMPROXY_SOURCE_DIR (set by ctest) or next to the tests.
inline QString dataDir(const QString &sub)
{
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + u"/tests/proxycore/data/"_s + sub;
    return QFINDTESTDATA(u"data/"_s + sub);
}

/// The content of `path`; empty when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A data column "file" with one row per input under `dir` ending in `suffix` (golden files, which
/// hold ".expected.", are not inputs).
inline void addDataFiles(const QString &dir, const QString &suffix)
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(dir).entryList({u"*"_s + suffix}, QDir::Files, QDir::Name);
    QVERIFY2(!files.isEmpty(), "test data not found; set LLMPROXY_SOURCE_DIR");
    for (const QString &name : files) {
        if (!name.contains(u".expected."_s))
            QTest::newRow(qPrintable(name)) << dir + u'/' + name;
    }
}

/// True for a fixture in the OpenAI Chat format: its name starts with "openai_" (else it is Anthropic's).
inline bool isOpenAiFixture(const QString &file)
{
    return QFileInfo(file).fileName().startsWith(u"openai_"_s);
}

/// A request fixture parsed in the client format its name gives (see isOpenAiFixture()).
inline std::optional<canonical::Request> parseFixtureRequest(const QString &file, canonical::Error *error)
{
    const QByteArray body = readFile(file);
    return isOpenAiFixture(file) ? openaichat::parseRequest(body, error) : anthropicmessages::parseRequest(body, error);
}

// ---------------------------------------------------------------------------------------------
// Golden files

/// The golden file of `input`: its name with the extension replaced by ".expected" + `suffix`.
inline QString goldenPath(const QString &input, const QString &suffix)
{
    return input.left(input.lastIndexOf(u'.')) + u".expected"_s + suffix;
}

/// The content of the golden file `path`, first rewritten to `actual` when LLMPROXY_UPDATE_GOLDEN=1.
inline QByteArray readGolden(const QString &path, const QByteArray &actual)
{
    if (qEnvironmentVariable("LLMPROXY_UPDATE_GOLDEN") == u"1"_s) {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(actual);
    }
    return readFile(path);
}

/// How `actual` differs from the golden file `path`, byte for byte (the first differing line);
/// empty when they are equal.
inline QString goldenDifference(const QString &path, const QByteArray &actual)
{
    const QByteArray expected = readGolden(path, actual);
    if (expected.isEmpty())
        return u"missing golden file "_s + path;
    if (expected == actual)
        return {};
    const QList<QByteArray> a = actual.split('\n');
    const QList<QByteArray> e = expected.split('\n');
    for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i) {
        const QByteArray al = a.value(i);
        const QByteArray el = e.value(i);
        if (al != el)
            return u"%1 differs at line %2:\n  expected: %3\n  actual:   %4"_s.arg(path).arg(i + 1).arg(
                QString::fromUtf8(el), QString::fromUtf8(al));
    }
    return u"%1 differs"_s.arg(path);
}

/// How the JSON `actual` differs from the golden file `path` as JSON (layout aside); empty when equal.
inline QString jsonGoldenDifference(const QString &path, const QJsonDocument &actual)
{
    const QByteArray expected = readGolden(path, actual.toJson(QJsonDocument::Indented));
    if (expected.isEmpty())
        return u"missing golden file "_s + path;
    if (actual == QJsonDocument::fromJson(expected))
        return {};
    return u"actual:\n"_s + QString::fromUtf8(actual.toJson(QJsonDocument::Indented));
}

// ---------------------------------------------------------------------------------------------
// Canonical values

/// The fields of `dropped`, comma-separated, for comparing what a translation reports.
inline QString droppedFields(const QList<canonical::Dropped> &dropped)
{
    QStringList fields;
    for (const canonical::Dropped &d : dropped)
        fields.append(d.field);
    return fields.join(u", "_s);
}

inline canonical::ContentPart call(const QString &id, const QString &name, const QString &arguments)
{
    canonical::ContentPart p;
    p.kind = canonical::PartKind::ToolCall;
    p.toolCallId = id;
    p.toolName = name;
    p.arguments = arguments;
    return p;
}

inline canonical::ContentPart thinking(const QString &text, const QString &signature = {})
{
    canonical::ContentPart p;
    p.kind = canonical::PartKind::Thinking;
    p.text = text;
    p.signature = signature;
    return p;
}

inline canonical::Usage usage(std::optional<qint64> in, std::optional<qint64> out, std::optional<qint64> reasoning = {},
                              std::optional<qint64> cacheRead = {})
{
    canonical::Usage u;
    u.inputTokens = in;
    u.outputTokens = out;
    u.reasoningTokens = reasoning;
    u.cacheReadTokens = cacheRead;
    return u;
}

inline canonical::Response makeResponse(const QString &id, const QString &model,
                                        const QList<canonical::ContentPart> &content, canonical::StopReason stop,
                                        const canonical::Usage &usage)
{
    canonical::Response r;
    r.id = id;
    r.model = model;
    r.content = content;
    r.stopReason = stop;
    r.usage = usage;
    return r;
}

/// Names of the stop reasons, in enum order.
inline QString stopName(canonical::StopReason reason)
{
    static const QStringList names = {
        u"None"_s,    u"EndTurn"_s, u"StopSequence"_s, u"MaxTokens"_s, u"ContextWindowExceeded"_s,
        u"ToolUse"_s, u"Refusal"_s, u"PauseTurn"_s};
    return names.at(int(reason));
}

inline QJsonObject usageJson(const canonical::Usage &u)
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

/// Compares a parsed response with the expected one field by field, so that a failure names the field.
inline void compareResponse(const canonical::Response &actual, const canonical::Response &expected)
{
    QCOMPARE(actual.id, expected.id);
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.content.size(), expected.content.size());
    for (qsizetype i = 0; i < expected.content.size(); ++i) {
        const canonical::ContentPart &a = actual.content.at(i);
        const canonical::ContentPart &e = expected.content.at(i);
        QCOMPARE(int(a.kind), int(e.kind));
        QCOMPARE(a.text, e.text);
        QCOMPARE(a.signature, e.signature);
        QCOMPARE(a.toolCallId, e.toolCallId);
        QCOMPARE(a.toolName, e.toolName);
        QCOMPARE(a.arguments, e.arguments);
    }
    QCOMPARE(stopName(actual.stopReason), stopName(expected.stopReason));
    QCOMPARE(usageJson(actual.usage), usageJson(expected.usage));
    QVERIFY(actual == expected);
}

// ---------------------------------------------------------------------------------------------
// Canonical streams

/// A readable form of the events for golden files.
inline QJsonArray eventsJson(const QList<canonical::StreamEvent> &events)
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

/// Checks the canonical stream contract every encoder relies on: MessageStart first (unless the
/// stream fails at once), blocks numbered in order that open and close in sequence, nothing open at
/// MessageDelta or MessageStop, and one terminal event at the end. Returns the first violation,
/// empty when the events keep the contract.
inline QString contractViolation(const QList<canonical::StreamEvent> &events)
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
                return u"bad BlockStart at %1 (index %2, expected %3)"_s.arg(i).arg(e.index).arg(next);
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
                return u"MessageDelta with block %1 open"_s.arg(open);
            break;
        case Type::MessageStop:
        case Type::Error:
            if (i != events.size() - 1)
                return u"terminal event at %1 is not the last"_s.arg(i);
            if (e.type == Type::MessageStop && open >= 0)
                return u"MessageStop with block %1 open"_s.arg(open);
            break;
        case Type::MessageStart:
        case Type::Ping:
            break;
        }
    }
    if (events.isEmpty() || (events.last().type != Type::MessageStop && events.last().type != Type::Error))
        return u"no terminal event"_s;
    return {};
}

/// All events of an SSE byte stream.
inline QList<SseEvent> sseEvents(const QByteArray &stream)
{
    SseDecoder decoder;
    QList<SseEvent> events = decoder.feed(stream);
    events += decoder.finish();
    return events;
}

// ---------------------------------------------------------------------------------------------
// Inputs in pieces

/// `bytes` cut at `cuts` (ascending offsets inside it): the pieces, in order.
inline QList<QByteArrayView> pieces(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    QList<QByteArrayView> out;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        out.append(QByteArrayView(bytes).sliced(start, cut - start));
        start = cut;
    }
    out.append(QByteArrayView(bytes).sliced(start));
    return out;
}

/// Feeds `bytes` cut at `cuts` to an upstream stream decoder and ends the stream.
template <typename Decoder>
QList<canonical::StreamEvent> decodeInPieces(Decoder &decoder, const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    QList<canonical::StreamEvent> events;
    for (QByteArrayView piece : pieces(bytes, cuts))
        events += decoder.feed(piece);
    events += decoder.finish();
    return events;
}

/// Feeds `bytes` cut at `cuts` through a decoder into a client encoder, as the proxy relays a
/// stream, and returns what the client receives. The canonical events are appended to `events`
/// when given.
template <typename Decoder, typename Encoder>
QByteArray translateInPieces(Decoder &decoder, Encoder &encoder, const QByteArray &bytes, const QList<qsizetype> &cuts,
                             QList<canonical::StreamEvent> *events = nullptr)
{
    QByteArray out;
    const auto relay = [&](const QList<canonical::StreamEvent> &decoded) {
        if (events)
            events->append(decoded);
        out += encoder.encode(decoded);
    };
    for (QByteArrayView piece : pieces(bytes, cuts))
        relay(decoder.feed(piece));
    relay(decoder.finish());
    return out + encoder.finish();
}

/// The random cuts splitDifference() tries after one cut at each byte and a cut between every
/// byte: `rounds` seeded sets of 2 to `maxCuts - 1` cuts (the same sets on every run).
struct RandomCuts
{
    int rounds = 50;
    quint32 seed = 4242;
    int maxCuts = 12;
};

/// Runs `run(cuts)` on an input of `size` bytes cut once at each offset, then between every byte,
/// then at random offsets, and compares each result with `whole` (the input in one piece). Returns
/// where the first difference appeared, with `explain(actual, whole)` when given; empty when every
/// split gives `whole`.
template <typename Result, typename Run>
QString splitDifference(qsizetype size, const Result &whole, Run &&run, const RandomCuts &random = {},
                        QString (*explain)(const Result &, const Result &) = nullptr)
{
    const auto check = [&](const QList<qsizetype> &cuts, const QString &where) -> QString {
        const Result actual = run(cuts);
        if (actual == whole)
            return {};
        return u"output differs when split "_s + where + (explain ? u":\n"_s + explain(actual, whole) : QString());
    };
    for (qsizetype cut = 1; cut < size; ++cut) {
        if (const QString difference = check({cut}, u"at byte %1"_s.arg(cut)); !difference.isEmpty())
            return difference;
    }
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < size; ++i)
        everyByte.append(i);
    if (const QString difference = check(everyByte, u"between every byte"_s); !difference.isEmpty())
        return difference;
    QRandomGenerator generator(random.seed);
    for (int round = 0; round < random.rounds; ++round) {
        QList<qsizetype> cuts;
        for (int i = generator.bounded(2, random.maxCuts); i > 0; --i)
            cuts.append(generator.bounded(qsizetype(1), size));
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        QStringList offsets;
        for (qsizetype cut : std::as_const(cuts))
            offsets.append(QString::number(cut));
        if (const QString difference = check(cuts, u"at bytes "_s + offsets.join(u", "_s)); !difference.isEmpty())
            return difference;
    }
    return {};
}

/// The test every upstream stream decoder gets for the input `file`: its events keep the canonical
/// contract, match the golden file (<name>.expected.json) and are the same however the input is split.
template <typename Decoder> void verifyDecodedStream(const QString &file)
{
    const QByteArray upstream = readFile(file);
    QVERIFY(upstream.size() > 200);
    const auto decode = [&upstream](const QList<qsizetype> &cuts) {
        Decoder decoder;
        return decodeInPieces(decoder, upstream, cuts);
    };
    const QList<canonical::StreamEvent> whole = decode({});
    QCOMPARE(contractViolation(whole), QString());
    const QString golden = jsonGoldenDifference(goldenPath(file, u".json"_s), QJsonDocument(eventsJson(whole)));
    QVERIFY2(golden.isEmpty(), qPrintable(golden));
    const QString split = splitDifference(upstream.size(), whole, decode);
    QVERIFY2(split.isEmpty(), qPrintable(split));
}

} // namespace llmproxy::formattest

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/ssedecoder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace llmproxy;

namespace {

SseEvent ev(const QByteArray &event, const QByteArray &data, const QByteArray &id = {},
            std::optional<int> retry = std::nullopt)
{
    return SseEvent{event, data, id, retry};
}

/// A readable, comparable form of an event list, so failures show what differed.
QByteArray render(const QList<SseEvent> &events)
{
    QByteArray out;
    for (const SseEvent &e : events) {
        out += "{event=" + e.event + " data=" + e.data.toPercentEncoding(" {}\":,[]") + " id=" + e.id;
        if (e.retry)
            out += " retry=" + QByteArray::number(*e.retry);
        out += "}\n";
    }
    return out;
}

/// Feeds `stream` cut at `cuts` (sorted offsets) and then finishes the stream.
QList<SseEvent> decodeSplit(const QByteArray &stream, const QList<qsizetype> &cuts,
                            qsizetype maxEventBytes = SseDecoder::DefaultMaxEventBytes)
{
    SseDecoder decoder(maxEventBytes);
    QList<SseEvent> events;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        events += decoder.feed(QByteArrayView(stream).sliced(start, cut - start));
        start = cut;
    }
    events += decoder.feed(QByteArrayView(stream).sliced(start));
    events += decoder.finish();
    return events;
}

QByteArray cutsText(const QList<qsizetype> &cuts)
{
    QByteArray out;
    for (qsizetype c : cuts)
        out += QByteArray::number(c) + ' ';
    return out;
}

const QByteArray kOpenAiStream =
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
    "\"assistant\",\"content\":\"\"}}]}\n\n"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
    "\"Hel\"}}]}\n\n"
    ": keep-alive\n\n"
    "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
    "\"lo \xC3\xBC\"},\"finish_reason\":\"stop\"}]}\n\n"
    "data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":11}}"
    "\n\n"
    "data: [DONE]\n\n";

QList<SseEvent> openAiEvents()
{
    return {
        ev({}, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
               "\"assistant\",\"content\":\"\"}}]}"),
        ev({}, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
               "\"Hel\"}}]}"),
        ev({}, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
               "\"lo \xC3\xBC\"},\"finish_reason\":\"stop\"}]}"),
        ev({}, "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,\"total_tokens\":"
               "11}}"),
        ev({}, "[DONE]"),
    };
}

const QByteArray kAnthropicStream =
    "event: message_start\n"
    "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[]}}\n\n"
    "event: content_block_start\n"
    "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
    "event: ping\n"
    "data: {\"type\": \"ping\"}\n\n"
    "event: content_block_delta\n"
    "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
    "event: content_block_stop\n"
    "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: message_delta\n"
    "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n"
    "event: message_stop\n"
    "data: {\"type\":\"message_stop\"}\n\n";

QList<SseEvent> anthropicEvents()
{
    return {
        ev("message_start",
           "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"role\":\"assistant\",\"content\":[]}}"),
        ev("content_block_start",
           "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
        ev("ping", "{\"type\": \"ping\"}"),
        ev("content_block_delta",
           "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"),
        ev("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
        ev("message_delta",
           "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}"),
        ev("message_stop", "{\"type\":\"message_stop\"}"),
    };
}

/// Field-level corner cases from the WHATWG rules, with a BOM and mixed line endings.
const QByteArray kFieldStream = "\xEF\xBB\xBF"
                                "id: 1\r\n"
                                ": comment after the first field\r\n"
                                "retry: 3000\r\n"
                                "data: first line\r\n"
                                "data:second line without space\r\n"
                                "data:  two spaces keep one\r\n"
                                "data\r\n"
                                "\r\n"
                                "event:update\rdata: cr only\r\r"
                                "event: only-name\n\n"
                                "id: lonely\nretry: x\n\n"
                                "unknown: field\ndata: after unknown\nretry: 12a\n\n"
                                "data: {\"a\":1}\n:comment between\ndata: {\"b\":2}\n\n";

QList<SseEvent> fieldEvents()
{
    return {
        ev({}, "first line\nsecond line without space\n two spaces keep one\n", "1", 3000),
        ev("update", "cr only"),
        ev("only-name", {}),
        ev({}, "after unknown"),
        ev({}, "{\"a\":1}\n{\"b\":2}"),
    };
}

QByteArray withLineEndings(QByteArray stream, const QByteArray &ending)
{
    stream.replace("\n", ending);
    return stream;
}

} // namespace

class TestSseDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decodesAtEveryBoundary_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("openai lf") << kOpenAiStream << render(openAiEvents());
        QTest::newRow("openai crlf") << withLineEndings(kOpenAiStream, "\r\n") << render(openAiEvents());
        QTest::newRow("openai cr") << withLineEndings(kOpenAiStream, "\r") << render(openAiEvents());
        QTest::newRow("anthropic lf") << kAnthropicStream << render(anthropicEvents());
        QTest::newRow("anthropic crlf") << withLineEndings(kAnthropicStream, "\r\n") << render(anthropicEvents());
        QTest::newRow("anthropic cr") << withLineEndings(kAnthropicStream, "\r") << render(anthropicEvents());
        QTest::newRow("fields, bom, mixed endings") << kFieldStream << render(fieldEvents());
    }

    void decodesAtEveryBoundary()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, expected);

        QCOMPARE(render(decodeSplit(stream, {})), expected);

        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            const QByteArray got = render(decodeSplit(stream, {cut}));
            if (got != expected)
                QFAIL(QByteArray("split at " + QByteArray::number(cut) + ":\n" + got + "expected:\n" + expected)
                          .constData());
        }

        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte << i;
        QCOMPARE(render(decodeSplit(stream, everyByte)), expected);
    }

    void decodesAtRandomMultiSplits_data() { decodesAtEveryBoundary_data(); }

    void decodesAtRandomMultiSplits()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, expected);

        const quint32 seed = QRandomGenerator::global()->generate();
        QRandomGenerator rng(seed);
        for (int round = 0; round < 2000; ++round) {
            const int count = rng.bounded(1, 24);
            QList<qsizetype> cuts;
            for (int i = 0; i < count; ++i)
                cuts << rng.bounded(qsizetype(0), stream.size() + 1);
            std::sort(cuts.begin(), cuts.end());
            const QByteArray got = render(decodeSplit(stream, cuts));
            if (got != expected)
                QFAIL(QByteArray("seed " + QByteArray::number(seed) + ", cuts " + cutsText(cuts) + ":\n" + got)
                          .constData());
        }
    }

    void rawRangesCoverTheStreamAtEverySplit_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::newRow("lf") << QByteArray(": hi\n\nevent: a\ndata: 1\n\ndata: 2\n\n\n\ndata: 3\n\n");
        QTest::newRow("crlf") << QByteArray("data: 1\r\n\r\n: c\r\n\r\nevent: b\r\ndata: 2\r\n\r\n");
        QTest::newRow("cr") << QByteArray("data: 1\r\rdata: 2\r\r");
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                           "data: 1\n\ndata: 2\n\n");
    }
    void rawRangesCoverTheStreamAtEverySplit()
    {
        QFETCH(QByteArray, stream);
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseDecoder d;
            QList<SseEvent> events = d.feed(QByteArrayView(stream).first(cut));
            const qint64 firstBoundary = d.boundary();
            QVERIFY(firstBoundary <= cut);
            events += d.feed(QByteArrayView(stream).sliced(cut));
            // The LF of a final CRLF split from its CR waits for the next bytes.
            const auto atEnd = [&stream](qint64 offset) {
                return offset == stream.size() || (offset == stream.size() - 1 && stream.endsWith("\r\n"));
            };
            QVERIFY(atEnd(d.boundary()));
            // Ascending ranges; each raw slice decodes to exactly its event, the bytes between
            // them (comments, blank lines) to none.
            qint64 at = 0;
            for (const SseEvent &e : std::as_const(events)) {
                QVERIFY(e.rawBegin >= at);
                QVERIFY(e.rawEnd > e.rawBegin);
                SseDecoder gap;
                QVERIFY(gap.feed(QByteArrayView(stream).sliced(at, e.rawBegin - at)).isEmpty());
                at = e.rawEnd;
                SseDecoder alone;
                QList<SseEvent> one = alone.feed(QByteArrayView(stream).sliced(e.rawBegin, e.rawEnd - e.rawBegin));
                one += alone.finish();
                QCOMPARE(one.size(), 1);
                QCOMPARE(render(one), render({e}));
            }
            QVERIFY(atEnd(at));
        }
    }

    void crlfSplitBetweenFeedsIsOneLineEnd()
    {
        SseDecoder d;
        QCOMPARE(d.feed("data: a\r").size(), 0);
        // "\n" completes "\r\n"; only the following "\r\n" is the blank line that dispatches.
        QCOMPARE(d.feed("\n").size(), 0);
        const QList<SseEvent> events = d.feed("\r\n");
        QCOMPARE(render(events), render({ev({}, "a")}));
    }

    void lineEndingCrCrDispatchesAcrossFeeds()
    {
        SseDecoder d;
        QCOMPARE(d.feed("data: a\r").size(), 0);
        QCOMPARE(render(d.feed("\r")), render({ev({}, "a")}));
    }

    void eventsAreReturnedAsSoonAsTheyComplete()
    {
        SseDecoder d;
        QCOMPARE(d.feed("data: 1\n\ndata: 2\n").size(), 1);
        QCOMPARE(render(d.feed("\n")), render({ev({}, "2")}));
    }

    void finishDispatchesTrailingEvent_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unterminated line") << QByteArray("data: [DONE]") << render({ev({}, "[DONE]")});
        QTest::newRow("no blank line") << QByteArray("event: e\ndata: x\n") << render({ev("e", "x")});
        QTest::newRow("cr ended") << QByteArray("data: x\r") << render({ev({}, "x")});
        QTest::newRow("comment only") << QByteArray(": hi") << QByteArray();
        QTest::newRow("partial bom") << QByteArray("\xEF\xBB") << QByteArray();
        QTest::newRow("complete") << QByteArray("data: x\n\n") << render({ev({}, "x")});
    }

    void finishDispatchesTrailingEvent()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, expected);
        SseDecoder d;
        QList<SseEvent> events = d.feed(stream);
        events += d.finish();
        QCOMPARE(render(events), expected);
        // After finish() the decoder starts a fresh stream.
        QCOMPARE(render(d.feed("data: next\n\n")), render({ev({}, "next")}));
    }

    void bomOnlyAtStreamStart()
    {
        SseDecoder d;
        // Mid-stream the BOM is part of the field name, so "\xEF\xBB\xBFdata" is an unknown field.
        const QList<SseEvent> events = d.feed("data: a\n\n\xEF\xBB\xBF"
                                              "data: b\n\n");
        QCOMPARE(render(events), render({ev({}, "a")}));
    }

    void overflowStopsDecoding_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("eventsBeforeOverflow");
        QTest::newRow("one long line") << QByteArray("data: ok\n\ndata: " + QByteArray(200, 'x') + "\n\n") << 1;
        QTest::newRow("many short lines")
            << QByteArray("data: ok\n\n" + QByteArray("data: 0123456789\n").repeated(20) + "\n") << 1;
        QTest::newRow("endless line") << QByteArray(500, 'd') << 0;
        // Lines that add nothing to the event still count while they are read.
        QTest::newRow("long comment line") << QByteArray("data: ok\n\n:" + QByteArray(200, 'c') + "\ndata: x\n\n") << 1;
        QTest::newRow("long unknown field") << QByteArray("data: ok\n\nx" + QByteArray(200, 'u') + "\n\n") << 1;
    }

    void overflowStopsDecoding()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, eventsBeforeOverflow);

        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            SseDecoder d(100);
            QList<SseEvent> events = d.feed(QByteArrayView(stream).first(cut));
            events += d.feed(QByteArrayView(stream).sliced(cut));
            QVERIFY2(d.overflowed(), QByteArray::number(cut).constData());
            events += d.feed("data: later\n\n");
            events += d.finish();
            QCOMPARE(events.size(), eventsBeforeOverflow);
            QVERIFY(d.overflowed());
        }
        SseDecoder d(100);
        d.feed(stream);
        d.reset();
        QVERIFY(!d.overflowed());
        QCOMPARE(d.feed("data: again\n\n").size(), 1);
    }

    void eventsUpToTheLimitPass()
    {
        const QByteArray payload(90, 'y');
        SseDecoder d(100);
        const QList<SseEvent> events = d.feed(QByteArray("data: " + payload + "\n\n"));
        QVERIFY(!d.overflowed());
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().data, payload);
    }

    void emitters()
    {
        QCOMPARE(sseData("{\"a\":1}"), QByteArray("data: {\"a\":1}\n\n"));
        QCOMPARE(sseEvent("message_stop", "{\"type\":\"message_stop\"}"),
                 QByteArray("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        QCOMPARE(sseDone(), QByteArray("data: [DONE]\n\n"));
        // Line breaks cannot escape their field.
        QCOMPARE(sseData("a\nb\r\nc"), QByteArray("data: a\ndata: b\ndata: c\n\n"));
        QCOMPARE(sseEvent("bad\nname", "x"), QByteArray("event: badname\ndata: x\n\n"));
    }

    void emittedEventsRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("json") << QByteArray() << QByteArray("{\"choices\":[]}");
        QTest::newRow("named") << QByteArray("error") << QByteArray("{\"type\":\"error\"}");
        QTest::newRow("multi-line") << QByteArray() << QByteArray("one\ntwo\n\nfour");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("leading space") << QByteArray() << QByteArray(" indented");
    }

    void emittedEventsRoundTrip()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, payload);
        const QByteArray wire = name.isEmpty() ? sseData(payload) : sseEvent(name, payload);
        SseDecoder d;
        const QList<SseEvent> events = d.feed(wire);
        QCOMPARE(render(events), render({ev(name, payload)}));
    }
};

QTEST_GUILESS_MAIN(TestSseDecoder)
#include "tst_ssedecoder.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// ResponseRelay on its own: raw relay of whole events only, its side channel (usage, terminal
// event, Responses sequence numbers), how each protocol's stream ends after a failure, an
// oversized upstream event, and re-encoding when translating or filtering.
#include "proxycore/api/responserelay.h"
#include "proxycore/pipeline/textreplacefilter.h"
#include "tests/support/sseparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy;
using namespace llmproxy::test;
using formats::ApiFormat;

namespace {

const QByteArray kAnthropic = QByteArrayLiteral(
    "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
    "\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
    "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
    "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
    "{\"type\":\"text\",\"text\":\"\"}}\n\n"
    "event: ping\ndata: {\"type\":\"ping\"}\n\n"
    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
    "\"text_delta\",\"text\":\"Hi [NA\"}}\n\n"
    "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
    "\"text_delta\",\"text\":\"ME_1]\"}}\n\n"
    "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
    "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
    "\"stop_sequence\":null},\"usage\":{\"output_tokens\":5}}\n\n"
    "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");

struct Relay
{
    RequestRecord record;
    UsageMeter meter{&record};
    QList<QByteArray> writes;
    QByteArray out;
    std::unique_ptr<ResponseRelay> relay;

    Relay(ApiFormat client, ApiFormat upstream, ResponseFilterChainPtr filters = {})
    {
        record.model = QStringLiteral("asked-model");
        relay = std::make_unique<ResponseRelay>(client, upstream, formats::ClientOptions{}, std::move(filters), &meter,
                                                &record, [this](QByteArrayView b) {
                                                    writes.append(b.toByteArray());
                                                    out += b;
                                                });
    }
};

QString anthropicText(const QByteArray &body)
{
    QString text;
    for (const test::SseEvent &e : SseParser::parse(body)) {
        if (e.event == "content_block_delta")
            text += QJsonDocument::fromJson(e.data)
                        .object()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("text"))
                        .toString();
    }
    return text;
}

} // namespace

class TestResponseRelay : public QObject
{
    Q_OBJECT
private slots:
    void rawRelayPassesWholeEventsOnly()
    {
        for (qsizetype cut = 1; cut < kAnthropic.size(); ++cut) {
            Relay r(ApiFormat::AnthropicMessages, ApiFormat::AnthropicMessages);
            QVERIFY(!r.relay->reencodes());
            r.relay->feed(QByteArrayView(kAnthropic).first(cut));
            QVERIFY(r.out.isEmpty() || r.out.endsWith("\n\n"));
            QVERIFY(kAnthropic.startsWith(r.out));
            r.relay->feed(QByteArrayView(kAnthropic).sliced(cut));
            r.relay->finish();
            QCOMPARE(r.out, kAnthropic);
            QCOMPARE(r.record.promptTokens, 12);
            QCOMPARE(r.record.completionTokens, 5);
        }
    }

    void rawRelayPassesAnUnterminatedLastEventAtTheEnd()
    {
        Relay r(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat);
        r.relay->feed("data: {\"choices\":[]}\n\ndata: [DONE]");
        QCOMPARE(r.out, QByteArray("data: {\"choices\":[]}\n\n"));
        r.relay->finish();
        QCOMPARE(r.out, QByteArray("data: {\"choices\":[]}\n\ndata: [DONE]"));
        QVERIFY(r.relay->hasEnded());
    }

    void failureMidEventEndsEachProtocolProperly_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("lastEvent");
        QTest::addColumn<QByteArray>("lastData");
        QTest::newRow("openai") << int(ApiFormat::OpenAiChat)
                                << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"cho")
                                << QByteArray() << QByteArray("[DONE]");
        QTest::newRow("anthropic") << int(ApiFormat::AnthropicMessages) << kAnthropic.first(300) << QByteArray("error")
                                   << QByteArray();
        QTest::newRow("responses")
            << int(ApiFormat::OpenAiResponses)
            << QByteArray("event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                          "\"response\":{\"id\":\"resp_1\"}}\n\nevent: response.in_progress\ndata: {\"type\":"
                          "\"response.in_progress\",\"sequence_number\":1}\n\nevent: resp")
            << QByteArray("response.failed") << QByteArray();
    }
    void failureMidEventEndsEachProtocolProperly()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, lastEvent);
        QFETCH(QByteArray, lastData);
        Relay r{ApiFormat(format), ApiFormat(format)};
        r.relay->feed(stream);
        const QString code =
            r.relay->fail(ApiError::badGateway(QStringLiteral("lost"), QByteArrayLiteral("upstream_disconnected")));
        QCOMPARE(code, QStringLiteral("upstream_disconnected"));
        const QList<test::SseEvent> events = SseParser::parse(r.out);
        QCOMPARE(events.last().event, lastEvent);
        if (!lastData.isEmpty())
            QCOMPARE(events.last().data, lastData);
        if (ApiFormat(format) == ApiFormat::OpenAiResponses) {
            const QJsonObject failed = QJsonDocument::fromJson(events.last().data).object();
            QCOMPARE(failed.value(QLatin1String("sequence_number")).toInteger(), 2); // continues the upstream's
            QCOMPARE(failed.value(QLatin1String("response")).toObject().value(QLatin1String("id")).toString(),
                     QStringLiteral("resp_1"));
        }
    }

    void oversizedUpstreamEventEndsTheStream()
    {
        Relay r(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat);
        r.relay->feed("data: {\"choices\":[]}\n\n");
        const QByteArray huge = QByteArray("data: ") + QByteArray(SseDecoder::DefaultMaxEventBytes + 1, 'x');
        r.relay->feed(huge);
        QVERIFY(r.relay->hasEnded());
        QCOMPARE(r.relay->endCode(), QStringLiteral("upstream_event_too_large"));
        QVERIFY(r.out.endsWith("data: [DONE]\n\n"));
        QVERIFY(!r.out.contains("xxxx"));
    }

    void translatesWithTheClientsModelName()
    {
        Relay r(ApiFormat::OpenAiChat, ApiFormat::AnthropicMessages);
        QVERIFY(r.relay->reencodes());
        r.relay->feed(kAnthropic);
        r.relay->finish();
        const QList<QByteArray> payloads = SseParser::dataPayloads(r.out);
        QCOMPARE(payloads.last(), QByteArray("[DONE]"));
        QVERIFY(payloads.first().contains("\"asked-model\""));
        QCOMPARE(r.record.promptTokens, 12);
    }

    void completeOnlyWithTheAnswersEnd_data()
    {
        // What the response cache may keep: an answer that reached its end, raw or re-encoded.
        QTest::addColumn<int>("client");
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<bool>("complete");
        const int anthropic = int(ApiFormat::AnthropicMessages);
        const int chat = int(ApiFormat::OpenAiChat);
        const qsizetype beforeDelta = kAnthropic.indexOf("event: message_delta");
        const qsizetype beforeStop = kAnthropic.indexOf("event: message_stop");
        QTest::newRow("raw, whole") << anthropic << kAnthropic << true;
        QTest::newRow("raw, no message_stop") << anthropic << kAnthropic.first(beforeStop) << false;
        QTest::newRow("translated, whole") << chat << kAnthropic << true;
        // Anthropic streams end with message_stop: without it the decoder reports the stream cut off.
        QTest::newRow("translated, no message_stop") << chat << kAnthropic.first(beforeStop) << false;
        QTest::newRow("translated, cut before the stop reason") << chat << kAnthropic.first(beforeDelta) << false;
        QTest::newRow("translated, error event")
            << chat
            << (kAnthropic.first(beforeDelta) +
                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                "\"message\":\"busy\"}}\n\n" +
                kAnthropic.sliced(beforeDelta))
            << false;
    }

    void completeOnlyWithTheAnswersEnd()
    {
        QFETCH(int, client);
        QFETCH(QByteArray, stream);
        QFETCH(bool, complete);
        Relay r(ApiFormat(client), ApiFormat::AnthropicMessages);
        r.relay->feed(stream);
        r.relay->finish();
        QCOMPARE(r.relay->isComplete(), complete);
    }

    void responsesCompleteOnlyWhenCompleted()
    {
        for (const char *terminal : {"response.completed", "response.incomplete", "response.failed"}) {
            Relay r(ApiFormat::OpenAiResponses, ApiFormat::OpenAiResponses);
            const QByteArray event = QByteArray("event: ") + terminal + "\ndata: {\"type\":\"" + terminal +
                                     "\",\"sequence_number\":1,\"response\":{\"id\":\"resp_1\",\"status\":\"x\"}}\n\n";
            r.relay->feed(event);
            r.relay->finish();
            QCOMPARE(r.relay->isComplete(), QByteArrayView(terminal) == "response.completed");
        }
    }

    void filtersReencodeInTheSameFormat()
    {
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<TextReplaceFilter>(
            QList<QPair<QString, QString>>{{QStringLiteral("[NAME_1]"), QStringLiteral("Ada")}}));
        Relay r(ApiFormat::AnthropicMessages, ApiFormat::AnthropicMessages, chain);
        QVERIFY(r.relay->reencodes());
        r.relay->feed(kAnthropic);
        r.relay->finish();
        QCOMPARE(anthropicText(r.out), QStringLiteral("Hi Ada"));
        QCOMPARE(SseParser::parse(r.out).last().event, QByteArray("message_stop"));
        QVERIFY(r.out.contains("\"claude-x\"")); // same format: the upstream's model name stays
        QCOMPARE(r.record.completionTokens, 5);
    }

    void bufferedErrorsReachTheClientInItsShape()
    {
        RequestRecord record;
        UsageMeter meter(&record);
        BufferedAnswer answer{502, {}, QByteArrayLiteral("<html>bad gateway</html>")};
        const HeaderList upstream{{"content-type", "text/html"}, {"x-request-id", "r1"}, {"set-cookie", "a=b"}};
        QVERIFY(!relayBuffered(ApiFormat::AnthropicMessages, ApiFormat::AnthropicMessages, upstream, {}, {}, &meter,
                               &record, &answer));
        QCOMPARE(answer.status, 502);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(answer.headers,
                 (HeaderList{{"content-type", "application/json"}, {"x-request-id", "r1"}})); // no cookie
        QCOMPARE(record.error, QStringLiteral("upstream_502"));
    }

    void bufferedAnswersAreTranslatedAndFiltered()
    {
        const QByteArray anthropic = QByteArrayLiteral(
            "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\",\"content\":"
            "[{\"type\":\"text\",\"text\":\"Hi [NAME_1]\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
            "\"usage\":{\"input_tokens\":4,\"output_tokens\":2}}");
        auto chain = std::make_shared<ResponseFilterChain>();
        chain->append(std::make_shared<TextReplaceFilter>(
            QList<QPair<QString, QString>>{{QStringLiteral("[NAME_1]"), QStringLiteral("Ada")}}));
        for (const ApiFormat client : {ApiFormat::OpenAiChat, ApiFormat::AnthropicMessages}) {
            RequestRecord record;
            record.model = QStringLiteral("asked-model");
            UsageMeter meter(&record);
            BufferedAnswer answer{200, {}, anthropic};
            QVERIFY(!relayBuffered(client, ApiFormat::AnthropicMessages, {}, {}, chain, &meter, &record, &answer));
            QVERIFY(answer.body.contains("Hi Ada"));
            QVERIFY(!answer.body.contains("[NAME_1]"));
            QCOMPARE(record.promptTokens, 4);
            QCOMPARE(answer.body.contains("asked-model"), client == ApiFormat::OpenAiChat); // translated only
        }
    }
};

QTEST_GUILESS_MAIN(TestResponseRelay)
#include "tst_responserelay.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the mock upstream itself and the test-support clients — OpenAI wire format (chat, stream with
// usage, completions with suffix, embeddings, models, the Responses API with its named and numbered
// stream events), Gemini (generateContent, SSE and JSON-array streams, key check, models) and Ollama
// (/api/chat NDJSON, tags, show, version), scripting (errors in each route's shape, delays, splits,
// cuts, stalls, explicit bare and named events and NDJSON lines, extra headers), request capture,
// keep-alive, pipelining, Expect: 100-continue, chunked uploads and the stats counters. Every other
// integration test relies on these behaviours.
#include "tests/support/httpclient.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace llmproxy::test;

namespace {

const HeaderList kGeminiKey{{"x-goog-api-key", "test-key"}};

// Expected Gemini bytes are written with @ID@ where the responseId (a hash of the request) goes.
QByteArray withId(QByteArray expected, const QByteArray &responseId)
{
    return expected.replace("@ID@", responseId);
}

QByteArray responseIdOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().value(QLatin1String("responseId")).toString().toUtf8();
}

// One Gemini user turn with one text part.
QByteArray geminiRequest(const QByteArray &text, const QByteArray &extra = {})
{
    return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + text + "\"}]}]" + extra + '}';
}

QByteArray ollamaRequest(const QByteArray &model, const QByteArray &text, const QByteArray &extra = {})
{
    return "{\"model\":\"" + model +
           "\",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
           "{\"role\":\"user\",\"content\":\"" +
           text + "\"}]" + extra + '}';
}

QJsonObject inputText(const QString &text)
{
    return {{QStringLiteral("type"), QStringLiteral("input_text")}, {QStringLiteral("text"), text}};
}

// The event names of a Responses stream; empty (with `problem` set) unless every event's data has the
// event's name as its `type` and the sequence numbers run 0, 1, 2, …
QStringList responsesEventNames(const QList<SseEvent> &events, QString *problem)
{
    QStringList names;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject data = QJsonDocument::fromJson(events.at(i).data).object();
        const QString name = QString::fromUtf8(events.at(i).event);
        if (data.value(QLatin1String("type")).toString() != name ||
            data.value(QLatin1String("sequence_number")).toInteger(-1) != i) {
            *problem = QStringLiteral("event %1 (%2): %3").arg(i).arg(name, QString::fromUtf8(events.at(i).data));
            return {};
        }
        names.append(name);
    }
    return names;
}

} // namespace

class TestMockUpstream : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void listsConfiguredModels();
    void chatCompletionEchoesLastUserMessage();
    void chatStreamCarriesDeltasUsageAndDone();
    void chatStreamWithoutIncludeUsageHasNoUsageChunk();
    void maxTokensTruncatesWithFinishReasonLength();
    void completionAppendsSuffix();
    void completionStreams();
    void embeddingsAreDeterministic();
    void scriptedErrorReturnsStatusBodyAndHeaders();
    void scriptIsConsumedInOrder();
    void invalidScriptIsRejected();
    void delayHoldsBackHeaders();
    void chunkDelaySpacesEvents();
    void splitBytesDeliversSmallPieces();
    void disconnectAfterBytesCutsTheBody();
    void stallSendsHeadersOnlyAndCountsAbort();
    void noResponseNeverAnswers();
    void explicitEventsReplaceGeneratedOnes();
    void closeDelimitedStream();
    void capturesRequestsByteExact();
    void pipelinedRequestsAnsweredInOrderOnOneConnection();
    void expectContinueIsAnswered();
    void chunkedUploadIsDecoded();
    void resetClearsScriptCapturesAndCounters();

    void geminiGenerateContentEchoesLastUserTurn();
    void geminiSseStreamHasCrlfEventsAndUsageOnTheLastChunk();
    void geminiStreamWithoutAltSseIsAJsonArray();
    void geminiMaxOutputTokensStopsWithMaxTokens();
    void geminiRejectsMissingKeyBadJsonAndUnknownModel();
    void geminiListsModels();
    void ollamaChatStreamsNdjsonLines();
    void ollamaChatWithoutStreamIsOneObject();
    void ollamaNumPredictStopsWithLength();
    void ollamaRejectsUnknownModelAndBadBodies();
    void ollamaDiscoveryRoutes();
    void scriptedStatusUsesTheShapeOfTheRoute_data();
    void scriptedStatusUsesTheShapeOfTheRoute();
    void scriptedLinesAreNdjsonChunks();
    void scriptedEventsOnGeminiUseCrlf();
    void scriptingWorksOnGeminiAndOllamaRoutes();

    void responsesReturnsAResponseObject();
    void responsesStreamHasNamedNumberedEvents();
    void responsesMaxOutputTokensMakesItIncomplete();
    void scriptedEventsCanBeNamed();

private:
    MockUpstreamProcess m_mock{{QStringLiteral("--models"), QStringLiteral("alpha,beta")}};
};

void TestMockUpstream::initTestCase()
{
    QVERIFY2(m_mock.start(), qPrintable(m_mock.errorString()));
}

void TestMockUpstream::init()
{
    QVERIFY(m_mock.reset());
}

void TestMockUpstream::listsConfiguredModels()
{
    const HttpResponse r = HttpClient::get(m_mock.url(QStringLiteral("/v1/models")));
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    const QJsonArray data = body.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    QCOMPARE(data.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("alpha"));
    QCOMPARE(data.at(1).toObject().value(QLatin1String("object")).toString(), QStringLiteral("model"));

    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1/models/beta"))).status, 200);
    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1/models/gamma"))).status, 404);
}

void TestMockUpstream::chatCompletionEchoesLastUserMessage()
{
    QJsonObject request = chatRequest(QStringLiteral("alpha"), QStringLiteral("ignored"));
    request.insert(
        QStringLiteral("messages"),
        QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                               {QStringLiteral("content"), QStringLiteral("be brief")}},
                   QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                               {QStringLiteral("content"), QStringLiteral("first question")}},
                   QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                               {QStringLiteral("content"),
                                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                       {QStringLiteral("text"), QStringLiteral("say \"hi\" ")}},
                                           QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                       {QStringLiteral("text"), QStringLiteral("now")}}}}}});
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")), request);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QJsonObject body = r.json();
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("alpha"));
    QVERIFY(body.value(QLatin1String("id")).toString().startsWith(QLatin1String("chatcmpl-")));
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().at(0).toObject();
    QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(),
             QStringLiteral("say \"hi\" now"));
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), 7); // words over all messages
    QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), 3);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), 10);

    // Same request, same bytes.
    QCOMPARE(HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")), request).body, r.body);
}

void TestMockUpstream::chatStreamCarriesDeltasUsageAndDone()
{
    const HttpResponse r =
        HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                             chatRequest(QStringLiteral("alpha"), QStringLiteral("one two three four"), true, true));
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QVERIFY(payloads.size() >= 4);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QString text;
    for (qsizetype i = 0; i + 2 < payloads.size(); ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(payloads.at(i)).object();
        QCOMPARE(chunk.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion.chunk"));
        QVERIFY(chunk.contains(QLatin1String("usage")) && chunk.value(QLatin1String("usage")).isNull());
        const QJsonObject choice = chunk.value(QLatin1String("choices")).toArray().at(0).toObject();
        text += choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
    }
    QCOMPARE(text, QStringLiteral("one two three four"));
    const QJsonObject usageChunk = QJsonDocument::fromJson(payloads.at(payloads.size() - 2)).object();
    QCOMPARE(usageChunk.value(QLatin1String("choices")).toArray().size(), 0);
    QCOMPARE(usageChunk.value(QLatin1String("usage")).toObject().value(QLatin1String("completion_tokens")).toInt(), 4);
    const QJsonObject last = QJsonDocument::fromJson(payloads.at(payloads.size() - 3)).object();
    QCOMPARE(last.value(QLatin1String("choices"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("finish_reason"))
                 .toString(),
             QStringLiteral("stop"));
}

void TestMockUpstream::chatStreamWithoutIncludeUsageHasNoUsageChunk()
{
    const HttpResponse r =
        HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                             chatRequest(QStringLiteral("alpha"), QStringLiteral("a b"), true, false));
    QCOMPARE(r.status, 200);
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    for (qsizetype i = 0; i + 1 < payloads.size(); ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(payloads.at(i)).object();
        QVERIFY(!chunk.contains(QLatin1String("usage")));
        QCOMPARE(chunk.value(QLatin1String("choices")).toArray().size(), 1);
    }
}

void TestMockUpstream::maxTokensTruncatesWithFinishReasonLength()
{
    QJsonObject request = chatRequest(QStringLiteral("alpha"), QStringLiteral("one two three four"));
    request.insert(QStringLiteral("max_tokens"), 2);
    const QJsonObject body = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")), request).json();
    const QJsonObject choice = body.value(QLatin1String("choices")).toArray().at(0).toObject();
    QCOMPARE(choice.value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(),
             QStringLiteral("one two "));
    QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(), QStringLiteral("length"));
}

void TestMockUpstream::completionAppendsSuffix()
{
    const QJsonObject request{{QStringLiteral("model"), QStringLiteral("alpha")},
                              {QStringLiteral("prompt"), QStringLiteral("def add(a, b):")},
                              {QStringLiteral("suffix"), QStringLiteral(" return a + b")}};
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/completions")), request);
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("text_completion"));
    QCOMPARE(body.value(QLatin1String("choices")).toArray().at(0).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("def add(a, b): return a + b"));
}

void TestMockUpstream::completionStreams()
{
    QJsonObject request{{QStringLiteral("model"), QStringLiteral("alpha")},
                        {QStringLiteral("prompt"), QStringLiteral("hello streaming world")},
                        {QStringLiteral("stream"), true},
                        {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/completions")), request);
    QCOMPARE(r.status, 200);
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QCOMPARE(payloads.last(), QByteArray("[DONE]"));
    QString text;
    for (qsizetype i = 0; i + 2 < payloads.size(); ++i) {
        const QJsonObject chunk = QJsonDocument::fromJson(payloads.at(i)).object();
        QCOMPARE(chunk.value(QLatin1String("object")).toString(), QStringLiteral("text_completion"));
        text +=
            chunk.value(QLatin1String("choices")).toArray().at(0).toObject().value(QLatin1String("text")).toString();
    }
    QCOMPARE(text, QStringLiteral("hello streaming world"));
    const QJsonObject usage = QJsonDocument::fromJson(payloads.at(payloads.size() - 2)).object();
    QCOMPARE(usage.value(QLatin1String("usage")).toObject().value(QLatin1String("total_tokens")).toInt(), 6);
}

void TestMockUpstream::embeddingsAreDeterministic()
{
    auto embed = [this](const QJsonValue &input, const QJsonObject &extra = {}) {
        QJsonObject request{{QStringLiteral("model"), QStringLiteral("alpha")}, {QStringLiteral("input"), input}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            request.insert(it.key(), it.value());
        return HttpClient::postJson(m_mock.url(QStringLiteral("/v1/embeddings")), request).json();
    };
    const QJsonObject first = embed(QJsonArray{QStringLiteral("red"), QStringLiteral("green")});
    QCOMPARE(first.value(QLatin1String("object")).toString(), QStringLiteral("list"));
    const QJsonArray data = first.value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    const QJsonArray red = data.at(0).toObject().value(QLatin1String("embedding")).toArray();
    const QJsonArray green = data.at(1).toObject().value(QLatin1String("embedding")).toArray();
    QCOMPARE(red.size(), 8);
    QVERIFY(red != green);
    QCOMPARE(embed(QStringLiteral("red"))
                 .value(QLatin1String("data"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("embedding"))
                 .toArray(),
             red);
    QCOMPARE(first.value(QLatin1String("usage")).toObject().value(QLatin1String("prompt_tokens")).toInt(), 2);

    const QJsonObject sized = embed(QStringLiteral("red"), {{QStringLiteral("dimensions"), 3}});
    QCOMPARE(sized.value(QLatin1String("data"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("embedding"))
                 .toArray()
                 .size(),
             3);

    const QJsonObject packed =
        embed(QStringLiteral("red"), {{QStringLiteral("encoding_format"), QStringLiteral("base64")}});
    const QByteArray raw = QByteArray::fromBase64(packed.value(QLatin1String("data"))
                                                      .toArray()
                                                      .at(0)
                                                      .toObject()
                                                      .value(QLatin1String("embedding"))
                                                      .toString()
                                                      .toLatin1());
    QCOMPARE(raw.size(), 8 * 4);
    for (int i = 0; i < 8; ++i)
        QVERIFY(qAbs(double(qFromLittleEndian<float>(raw.constData() + i * 4)) - red.at(i).toDouble()) < 1e-6);
}

void TestMockUpstream::scriptedErrorReturnsStatusBodyAndHeaders()
{
    const QByteArray errorJson =
        R"({"error":{"message":"slow down","type":"rate_limit_error","param":null,"code":"rate_limited"}})";
    QVERIFY(m_mock.script(QJsonObject{
        {QStringLiteral("status"), 429},
        {QStringLiteral("body"), QString::fromUtf8(errorJson)},
        {QStringLiteral("headers"),
         QJsonObject{{QStringLiteral("Retry-After"), QStringLiteral("7")},
                     {QStringLiteral("Set-Cookie"), QJsonArray{QStringLiteral("a=1"), QStringLiteral("b=2")}}}}}));
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(r.status, 429);
    QCOMPARE(r.body, errorJson);
    QCOMPARE(r.header("retry-after"), QByteArray("7"));
    QCOMPARE(r.headerValues("set-cookie"), (QList<QByteArray>{"a=1", "b=2"}));

    // A status without a body gets an OpenAI-shaped error.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("status"), 503}}));
    const HttpResponse generated = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/embeddings")), QJsonObject{});
    QCOMPARE(generated.status, 503);
    QVERIFY2(openAiErrorProblem(generated.body).isEmpty(), qPrintable(openAiErrorProblem(generated.body)));
}

void TestMockUpstream::scriptIsConsumedInOrder()
{
    QVERIFY(m_mock.script(QJsonArray{QJsonObject{{QStringLiteral("status"), 500}},
                                     QJsonObject{{QStringLiteral("content"), QStringLiteral("scripted reply")}}}));
    QCOMPARE(m_mock.stat("script_pending"), 2);
    // GET /v1/models does not consume behaviours.
    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1/models"))).status, 200);
    const QUrl chat = m_mock.url(QStringLiteral("/v1/chat/completions"));
    QCOMPARE(HttpClient::postJson(chat, chatRequest(QStringLiteral("alpha"), QStringLiteral("q"))).status, 500);
    const QJsonObject second =
        HttpClient::postJson(chat, chatRequest(QStringLiteral("alpha"), QStringLiteral("q"))).json();
    QCOMPARE(second.value(QLatin1String("choices"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("message"))
                 .toObject()
                 .value(QLatin1String("content"))
                 .toString(),
             QStringLiteral("scripted reply"));
    const QJsonObject third =
        HttpClient::postJson(chat, chatRequest(QStringLiteral("alpha"), QStringLiteral("default again"))).json();
    QCOMPARE(third.value(QLatin1String("choices"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("message"))
                 .toObject()
                 .value(QLatin1String("content"))
                 .toString(),
             QStringLiteral("default again"));
    QCOMPARE(m_mock.stat("script_pending"), 0);
}

void TestMockUpstream::invalidScriptIsRejected()
{
    const HttpResponse typo = HttpClient::post(m_mock.url(QStringLiteral("/__mock/script")), R"([{"delay":5}])");
    QCOMPARE(typo.status, 400);
    QVERIFY(typo.body.contains("delay"));
    QCOMPARE(HttpClient::post(m_mock.url(QStringLiteral("/__mock/script")), "not json").status, 400);
    QCOMPARE(HttpClient::post(m_mock.url(QStringLiteral("/__mock/script")), "[{\"lines\":\"x\"}]").status, 400);
    const HttpResponse both =
        HttpClient::post(m_mock.url(QStringLiteral("/__mock/script")), "[{\"lines\":[],\"events\":[]}]");
    QCOMPARE(both.status, 400);
    QVERIFY(both.body.contains("lines"));
    QCOMPARE(m_mock.stat("script_pending"), 0);
}

void TestMockUpstream::delayHoldsBackHeaders()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("delay_ms"), 400}}));
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.headersElapsedMs >= 350, qPrintable(QString::number(r.headersElapsedMs)));
}

void TestMockUpstream::chunkDelaySpacesEvents()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("chunk_delay_ms"), 150}}));
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                chatRequest(QStringLiteral("alpha"), QStringLiteral("a b c"), true));
    QCOMPARE(r.status, 200);
    const QList<SseEvent> events = SseParser::eventsWithArrival(r.chunks);
    QCOMPARE(events.size(), 6); // role, a, b, c, finish, [DONE]
    // Five gaps of 150 ms: the events cannot have arrived together.
    QVERIFY2(events.last().arrivalMs - events.first().arrivalMs >= 600,
             qPrintable(QStringLiteral("%1..%2").arg(events.first().arrivalMs).arg(events.last().arrivalMs)));
    QVERIFY(r.chunks.size() >= 5);
}

void TestMockUpstream::splitBytesDeliversSmallPieces()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("split_bytes"), 7}, {QStringLiteral("split_delay_ms"), 2}}));
    RawConnection raw;
    QVERIFY(raw.connectTo(m_mock.url()));
    const QByteArray body = QJsonDocument(chatRequest(QStringLiteral("alpha"), QStringLiteral("split me please"), true))
                                .toJson(QJsonDocument::Compact);
    QVERIFY(raw.write("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body));
    QVERIFY(raw.waitForResponses(1, 20000));
    const HttpResponse r = raw.responses().first();
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(SseParser::dataPayloads(r.body).last(), QByteArray("[DONE]"));

    // The same pieces seen through the streaming client arrive in many separate reads.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("split_bytes"), 7}, {QStringLiteral("split_delay_ms"), 2}}));
    const HttpResponse streamed = HttpClient::post(m_mock.url(QStringLiteral("/v1/chat/completions")), body);
    QVERIFY(streamed.complete);
    QVERIFY2(streamed.chunks.size() > 10, qPrintable(QString::number(streamed.chunks.size())));
}

void TestMockUpstream::disconnectAfterBytesCutsTheBody()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("disconnect_after_bytes"), 100}}));
    const HttpResponse r =
        HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                             chatRequest(QStringLiteral("alpha"), QStringLiteral("a long enough answer to cut"), true));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.complete);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(r.body.size(), 100);
    QCOMPARE(m_mock.stat("client_aborted"), 0); // the mock hung up, not the client

    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("disconnect_after_bytes"), 10}}));
    const HttpResponse plain = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                    chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(plain.status, 200);
    QVERIFY(!plain.complete);
    QCOMPARE(plain.body.size(), 10);
}

void TestMockUpstream::stallSendsHeadersOnlyAndCountsAbort()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("stall"), true}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", m_mock.url(QStringLiteral("/v1/chat/completions")),
                         {{"Content-Type", "application/json"}},
                         QJsonDocument(chatRequest(QStringLiteral("alpha"), QStringLiteral("x"), true)).toJson()));
    QVERIFY(stream.waitForHeaders(10000));
    QCOMPARE(stream.response().status, 200);
    QVERIFY(!stream.waitForBody([](const QByteArray &b) { return !b.isEmpty(); }, 500));
    QCOMPARE(m_mock.stat("client_aborted"), 0);
    stream.abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock.stat("client_aborted"), 1, 5000);
}

void TestMockUpstream::noResponseNeverAnswers()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("no_response"), true}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", m_mock.url(QStringLiteral("/v1/embeddings")), {}, R"({"model":"alpha","input":"x"})"));
    QVERIFY(!stream.waitForHeaders(500));
    QTRY_COMPARE_WITH_TIMEOUT(m_mock.stat("connections_open"), 1, 5000);
    stream.abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock.stat("client_aborted"), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_mock.stat("connections_open"), 0, 5000);
    QCOMPARE(m_mock.inferenceRequests().size(), 1);
}

void TestMockUpstream::explicitEventsReplaceGeneratedOnes()
{
    QVERIFY(m_mock.script(
        QJsonObject{{QStringLiteral("events"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}},
                                                          QStringLiteral("plain text"), QStringLiteral("[DONE]")}}}));
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(SseParser::dataPayloads(r.body), (QList<QByteArray>{R"({"n":1})", "plain text", "[DONE]"}));
}

void TestMockUpstream::closeDelimitedStream()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("chunked"), false}}));
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                chatRequest(QStringLiteral("alpha"), QStringLiteral("x y"), true));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.hasHeader("transfer-encoding"));
    QVERIFY(!r.hasHeader("content-length"));
    QVERIFY(r.complete);
    QCOMPARE(SseParser::dataPayloads(r.body).last(), QByteArray("[DONE]"));
}

void TestMockUpstream::capturesRequestsByteExact()
{
    const QByteArray body =
        "{ \"model\" : \"alpha\",\n \"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9 \xE2\x9C\x93\"}] }";
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/v1/chat/completions?api-version=1")), body,
                         {{"X-Custom-Header", "Value One"}, {"authorization", "Bearer sk-upstream"}});
    QCOMPARE(r.status, 200);
    const QList<MockRequest> captured = m_mock.requests();
    QCOMPARE(captured.size(), 1);
    const MockRequest &m = captured.first();
    QCOMPARE(m.method, QByteArray("POST"));
    QCOMPARE(m.path, QByteArray("/v1/chat/completions"));
    QCOMPARE(m.query, QByteArray("api-version=1"));
    QCOMPARE(m.body, body);
    QCOMPARE(m.header("x-custom-header"), QByteArray("Value One"));
    QCOMPARE(m.header("Authorization"), QByteArray("Bearer sk-upstream"));
    // Names keep the case they were sent with.
    bool sawOriginalCase = false;
    for (const auto &h : m.headers)
        sawOriginalCase = sawOriginalCase || h.first == "X-Custom-Header";
    QVERIFY(sawOriginalCase);
    // Control requests are not captured.
    QCOMPARE(m_mock.requests().size(), 1);
}

void TestMockUpstream::pipelinedRequestsAnsweredInOrderOnOneConnection()
{
    // The first reply is slow; the second must still come after it.
    QVERIFY(m_mock.script(
        QJsonObject{{QStringLiteral("delay_ms"), 300}, {QStringLiteral("content"), QStringLiteral("first")}}));
    auto req = [](const QString &text) -> QByteArray {
        const QByteArray body =
            QJsonDocument(chatRequest(QStringLiteral("alpha"), text)).toJson(QJsonDocument::Compact);
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n\r\n" + body;
    };
    const qint64 connectionsBefore = m_mock.stat("connections_total");
    RawConnection raw;
    QVERIFY(raw.connectTo(m_mock.url()));
    QVERIFY(raw.write(req(QStringLiteral("ignored")) + req(QStringLiteral("second")) +
                      "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n"));
    QVERIFY(raw.waitForResponses(3, 10000));
    const QList<HttpResponse> responses = raw.responses();
    QCOMPARE(responses.size(), 3);
    auto content = [](const HttpResponse &r) {
        return r.json()
            .value(QLatin1String("choices"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    };
    QCOMPARE(content(responses.at(0)), QStringLiteral("first"));
    QCOMPARE(content(responses.at(1)), QStringLiteral("second"));
    QCOMPARE(responses.at(2).json().value(QLatin1String("object")).toString(), QStringLiteral("list"));
    QVERIFY(raw.isConnected());
    // One connection carried all three: the only new ones are it and the stats request itself.
    QCOMPARE(m_mock.stat("connections_total") - connectionsBefore, 2);
}

void TestMockUpstream::expectContinueIsAnswered()
{
    const QByteArray body = R"({"model":"alpha","input":"hello"})";
    RawConnection raw;
    QVERIFY(raw.connectTo(m_mock.url()));
    QVERIFY(raw.write("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n"));
    QVERIFY(raw.waitForReceived("\r\n\r\n", 5000));
    QVERIFY(raw.received().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(raw.write(body));
    QVERIFY(raw.waitForResponses(1, 5000));
    const QList<HttpResponse> responses = raw.responses();
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 100);
    QCOMPARE(responses.at(1).status, 200);
}

void TestMockUpstream::chunkedUploadIsDecoded()
{
    const QByteArray body = R"({"model":"alpha","input":"chunked body"})";
    const QByteArray framed = "5\r\n" + body.left(5) + "\r\n" + QByteArray::number(body.size() - 5, 16) + "\r\n" +
                              body.mid(5) + "\r\n0\r\n\r\n";
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/v1/embeddings")), framed, {{"Transfer-Encoding", "chunked"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(m_mock.requests().first().body, body);
}

void TestMockUpstream::resetClearsScriptCapturesAndCounters()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("status"), 500}}));
    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1/models"))).status, 200);
    QCOMPARE(m_mock.stat("requests"), 1);
    QVERIFY(m_mock.reset());
    QCOMPARE(m_mock.stat("script_pending"), 0);
    QCOMPARE(m_mock.stat("requests"), 0);
    QCOMPARE(m_mock.requests().size(), 0);
    QCOMPARE(HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                  chatRequest(QStringLiteral("alpha"), QStringLiteral("x")))
                 .status,
             200);
}

void TestMockUpstream::geminiGenerateContentEchoesLastUserTurn()
{
    const QByteArray request = "{\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},\"contents\":["
                               "{\"role\":\"user\",\"parts\":[{\"text\":\"first question\"}]},"
                               "{\"role\":\"model\",\"parts\":[{\"text\":\"an answer\"}]},"
                               "{\"role\":\"user\",\"parts\":[{\"text\":\"say \\\"hi\\\" \"},{\"text\":\"now\"}]}]}";
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent")), request, kGeminiKey);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json; charset=UTF-8"));
    const QByteArray id = responseIdOf(r.body);
    QVERIFY(id.startsWith("mock"));
    // Prompt words: system 2 + turns 2, 2, 3.
    QCOMPARE(r.body,
             withId("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"say \\\"hi\\\" now\"}],\"role\":\"model\"},"
                    "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":9,"
                    "\"candidatesTokenCount\":3,\"totalTokenCount\":12},\"modelVersion\":\"alpha\","
                    "\"responseId\":\"@ID@\"}",
                    id));
    // The /v1 spelling of the route and the key as a query parameter give the same bytes.
    QCOMPARE(HttpClient::post(m_mock.url(QStringLiteral("/v1/models/alpha:generateContent?key=k")), request).body,
             r.body);
    QCOMPARE(m_mock.stat("inference_requests"), 2);
}

void TestMockUpstream::geminiSseStreamHasCrlfEventsAndUsageOnTheLastChunk()
{
    // No role: a single-turn request means the user.
    const QByteArray request = "{\"contents\":[{\"parts\":[{\"text\":\"one two three\"}]}]}";
    const HttpResponse r = HttpClient::post(
        m_mock.url(QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse&key=secret")), request);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    const QList<QByteArray> payloads = SseParser::dataPayloads(r.body);
    QCOMPARE(payloads.size(), 3);
    const QByteArray id = responseIdOf(payloads.first());
    QVERIFY(id.startsWith("mock"));
    const QByteArray expected =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"one \"}],\"role\":\"model\"},\"index\":0}],"
        "\"modelVersion\":\"alpha\",\"responseId\":\"@ID@\"}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"two \"}],\"role\":\"model\"},\"index\":0}],"
        "\"modelVersion\":\"alpha\",\"responseId\":\"@ID@\"}\r\n\r\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"three\"}],\"role\":\"model\"},"
        "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":3,"
        "\"candidatesTokenCount\":3,\"totalTokenCount\":6},\"modelVersion\":\"alpha\",\"responseId\":\"@ID@\"}\r\n\r\n";
    QCOMPARE(r.body, withId(expected, id));

    // The capture keeps the query string, so tests can check alt=sse and the key.
    const QList<MockRequest> captured = m_mock.requests();
    QCOMPARE(captured.size(), 1);
    QCOMPARE(captured.first().path, QByteArray("/v1beta/models/alpha:streamGenerateContent"));
    QCOMPARE(captured.first().query, QByteArray("alt=sse&key=secret"));
}

void TestMockUpstream::geminiStreamWithoutAltSseIsAJsonArray()
{
    const HttpResponse r = HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/beta:streamGenerateContent")),
                                            geminiRequest("a b"), kGeminiKey);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("application/json; charset=UTF-8"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(r.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().size(), 2);
    const QByteArray id = document.array().at(0).toObject().value(QLatin1String("responseId")).toString().toUtf8();
    QCOMPARE(r.body,
             withId("[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a \"}],\"role\":\"model\"},\"index\":0}],"
                    "\"modelVersion\":\"beta\",\"responseId\":\"@ID@\"},\r\n"
                    "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}],\"role\":\"model\"},"
                    "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":2,"
                    "\"candidatesTokenCount\":2,\"totalTokenCount\":4},\"modelVersion\":\"beta\","
                    "\"responseId\":\"@ID@\"}]",
                    id));
    QCOMPARE(m_mock.requests().first().query, QByteArray());
}

void TestMockUpstream::geminiMaxOutputTokensStopsWithMaxTokens()
{
    const QByteArray request =
        geminiRequest("one two three four", ",\"generationConfig\":{\"maxOutputTokens\":2,\"temperature\":0}");
    const QJsonObject body =
        HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent")), request, kGeminiKey)
            .json();
    const QJsonObject candidate = body.value(QLatin1String("candidates")).toArray().at(0).toObject();
    QCOMPARE(candidate.value(QLatin1String("finishReason")).toString(), QStringLiteral("MAX_TOKENS"));
    QCOMPARE(candidate.value(QLatin1String("content"))
                 .toObject()
                 .value(QLatin1String("parts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("one two "));
    const QJsonObject usage = body.value(QLatin1String("usageMetadata")).toObject();
    QCOMPARE(usage.value(QLatin1String("candidatesTokenCount")).toInt(), 2);
    QCOMPARE(usage.value(QLatin1String("totalTokenCount")).toInt(), 6);

    const HttpResponse streamed = HttpClient::post(
        m_mock.url(QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse")), request, kGeminiKey);
    const QList<QByteArray> payloads = SseParser::dataPayloads(streamed.body);
    QCOMPARE(payloads.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(payloads.last()).object();
    QCOMPARE(last.value(QLatin1String("candidates")).toArray().at(0).toObject().value(QLatin1String("finishReason")),
             QJsonValue(QStringLiteral("MAX_TOKENS")));
    QCOMPARE(last.value(QLatin1String("usageMetadata")).toObject().value(QLatin1String("candidatesTokenCount")).toInt(),
             2);
    QVERIFY(!QJsonDocument::fromJson(payloads.first()).object().contains(QLatin1String("usageMetadata")));
}

void TestMockUpstream::geminiRejectsMissingKeyBadJsonAndUnknownModel()
{
    const QUrl generate = m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent"));
    // No key at all (a bearer token is not a Gemini API key).
    const HttpResponse noKey = HttpClient::post(generate, geminiRequest("x"), {{"Authorization", "Bearer sk-x"}});
    QCOMPARE(noKey.status, 403);
    QCOMPARE(noKey.header("content-type"), QByteArray("application/json; charset=UTF-8"));
    QCOMPARE(noKey.body, QByteArray("{\"error\":{\"code\":403,\"message\":\"Method doesn't allow unregistered callers "
                                    "(callers without established identity). Please use API Key or other form of API "
                                    "consumer identity to call this API.\",\"status\":\"PERMISSION_DENIED\"}}"));
    // An empty key parameter is no key either.
    QCOMPARE(
        HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent?key=")), geminiRequest("x"))
            .status,
        403);

    const HttpResponse badJson = HttpClient::post(generate, "{nope", kGeminiKey);
    QCOMPARE(badJson.status, 400);
    const QJsonObject badJsonError = badJson.json().value(QLatin1String("error")).toObject();
    QCOMPARE(badJsonError.value(QLatin1String("code")).toInt(), 400);
    QCOMPARE(badJsonError.value(QLatin1String("status")).toString(), QStringLiteral("INVALID_ARGUMENT"));
    QVERIFY(badJsonError.value(QLatin1String("message")).toString().startsWith(QLatin1String("Invalid JSON payload")));

    const HttpResponse unknown =
        HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/gamma:streamGenerateContent?alt=sse")),
                         geminiRequest("x"), kGeminiKey);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(
        unknown.body,
        QByteArray("{\"error\":{\"code\":404,\"message\":\"models/gamma is not found for API version v1beta, or is "
                   "not supported for streamGenerateContent. Call ListModels to see the list of available "
                   "models and their supported methods.\",\"status\":\"NOT_FOUND\"}}"));

    // The key header reaches the capture as sent.
    const QList<MockRequest> captured = m_mock.requests();
    QCOMPARE(captured.size(), 4);
    QCOMPARE(captured.at(2).header("x-goog-api-key"), QByteArray("test-key"));
    QVERIFY(!captured.at(0).hasHeader("x-goog-api-key"));
}

void TestMockUpstream::geminiListsModels()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("status"), 500}}));
    const HttpResponse list = HttpClient::get(m_mock.url(QStringLiteral("/v1beta/models")), kGeminiKey);
    QCOMPARE(list.status, 200);
    const QJsonArray models = list.json().value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 2);
    const QJsonObject alpha = models.at(0).toObject();
    QCOMPARE(alpha.value(QLatin1String("name")).toString(), QStringLiteral("models/alpha"));
    QCOMPARE(alpha.value(QLatin1String("displayName")).toString(), QStringLiteral("alpha"));
    QCOMPARE(alpha.value(QLatin1String("supportedGenerationMethods")).toArray(),
             (QJsonArray{QStringLiteral("generateContent"), QStringLiteral("streamGenerateContent")}));
    QCOMPARE(models.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("models/beta"));

    const HttpResponse beta = HttpClient::get(m_mock.url(QStringLiteral("/v1beta/models/beta?key=k")));
    QCOMPARE(beta.status, 200);
    QCOMPARE(beta.json().value(QLatin1String("name")).toString(), QStringLiteral("models/beta"));
    const HttpResponse gamma = HttpClient::get(m_mock.url(QStringLiteral("/v1beta/models/gamma")), kGeminiKey);
    QCOMPARE(gamma.status, 404);
    QCOMPARE(gamma.json().value(QLatin1String("error")).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("NOT_FOUND"));
    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1beta/models"))).status, 403);
    // Listing does not consume scripted behaviours; the OpenAI list stays on /v1/models.
    QCOMPARE(m_mock.stat("script_pending"), 1);
    QCOMPARE(HttpClient::get(m_mock.url(QStringLiteral("/v1/models"))).json().value(QLatin1String("object")).toString(),
             QStringLiteral("list"));
}

void TestMockUpstream::ollamaChatStreamsNdjsonLines()
{
    // "stream" is absent: Ollama streams by default.
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/api/chat")), ollamaRequest("alpha", "one two three"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("application/x-ndjson"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    // Prompt words: "be brief" 2 + 3; durations are derived from the counts.
    QCOMPARE(
        r.body,
        QByteArray("{\"model\":\"alpha\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                   "\"content\":\"one \"},\"done\":false}\n"
                   "{\"model\":\"alpha\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                   "\"content\":\"two \"},\"done\":false}\n"
                   "{\"model\":\"alpha\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                   "\"content\":\"three\"},\"done\":false}\n"
                   "{\"model\":\"alpha\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                   "\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,\"total_duration\":36000000,"
                   "\"load_duration\":1000000,\"prompt_eval_count\":5,\"prompt_eval_duration\":5000000,"
                   "\"eval_count\":3,\"eval_duration\":30000000}\n"));
    QCOMPARE(m_mock.stat("inference_requests"), 1);
}

void TestMockUpstream::ollamaChatWithoutStreamIsOneObject()
{
    const HttpResponse r = HttpClient::post(m_mock.url(QStringLiteral("/api/chat")),
                                            ollamaRequest("alpha:latest", "one two three", ",\"stream\":false"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QVERIFY(!r.hasHeader("transfer-encoding"));
    QCOMPARE(r.body, QByteArray("{\"model\":\"alpha:latest\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{"
                                "\"role\":\"assistant\",\"content\":\"one two three\"},\"done_reason\":\"stop\","
                                "\"done\":true,\"total_duration\":36000000,\"load_duration\":1000000,"
                                "\"prompt_eval_count\":5,\"prompt_eval_duration\":5000000,\"eval_count\":3,"
                                "\"eval_duration\":30000000}"));
}

void TestMockUpstream::ollamaNumPredictStopsWithLength()
{
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/api/chat")),
                         ollamaRequest("beta", "one two three four", ",\"options\":{\"num_predict\":2}"));
    QCOMPARE(r.status, 200);
    const QList<QByteArray> lines = r.body.split('\n');
    QCOMPARE(lines.size(), 4); // two words, the final line, and the empty rest after the last newline
    QVERIFY(lines.last().isEmpty());
    QString text;
    for (qsizetype i = 0; i < 2; ++i)
        text += QJsonDocument::fromJson(lines.at(i))
                    .object()
                    .value(QLatin1String("message"))
                    .toObject()
                    .value(QLatin1String("content"))
                    .toString();
    QCOMPARE(text, QStringLiteral("one two "));
    const QJsonObject last = QJsonDocument::fromJson(lines.at(2)).object();
    QCOMPARE(last.value(QLatin1String("done")).toBool(), true);
    QCOMPARE(last.value(QLatin1String("done_reason")).toString(), QStringLiteral("length"));
    QCOMPARE(last.value(QLatin1String("eval_count")).toInt(), 2);
    QCOMPARE(last.value(QLatin1String("prompt_eval_count")).toInt(), 6);
}

void TestMockUpstream::ollamaRejectsUnknownModelAndBadBodies()
{
    const QUrl chat = m_mock.url(QStringLiteral("/api/chat"));
    const HttpResponse unknown = HttpClient::post(chat, ollamaRequest("gamma", "x"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(unknown.body, QByteArray("{\"error\":\"model \\\"gamma\\\" not found, try pulling it first\"}"));
    // Another tag of a known name is another model.
    QCOMPARE(HttpClient::post(chat, ollamaRequest("alpha:7b", "x")).status, 404);

    const HttpResponse empty = HttpClient::post(chat, {});
    QCOMPARE(empty.status, 400);
    QCOMPARE(empty.body, QByteArray("{\"error\":\"missing request body\"}"));
    const HttpResponse noModel = HttpClient::post(chat, "{\"messages\":[]}");
    QCOMPARE(noModel.status, 400);
    QCOMPARE(noModel.body, QByteArray("{\"error\":\"model is required\"}"));
    const HttpResponse badJson = HttpClient::post(chat, "{nope");
    QCOMPARE(badJson.status, 400);
    QVERIFY(badJson.json().value(QLatin1String("error")).isString());
    QCOMPARE(badJson.json().size(), 1);
}

void TestMockUpstream::ollamaDiscoveryRoutes()
{
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("status"), 500}}));
    const HttpResponse tags = HttpClient::get(m_mock.url(QStringLiteral("/api/tags")));
    QCOMPARE(tags.status, 200);
    const QJsonArray models = tags.json().value(QLatin1String("models")).toArray();
    QCOMPARE(models.size(), 2);
    const QJsonObject alpha = models.at(0).toObject();
    QCOMPARE(alpha.value(QLatin1String("name")).toString(), QStringLiteral("alpha:latest"));
    QCOMPARE(alpha.value(QLatin1String("model")).toString(), QStringLiteral("alpha:latest"));
    QCOMPARE(alpha.value(QLatin1String("digest")).toString().size(), 64);
    QCOMPARE(alpha.value(QLatin1String("details")).toObject().value(QLatin1String("format")).toString(),
             QStringLiteral("gguf"));
    QCOMPARE(models.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("beta:latest"));

    const HttpResponse version = HttpClient::get(m_mock.url(QStringLiteral("/api/version")));
    QCOMPARE(version.status, 200);
    QCOMPARE(version.body, QByteArray("{\"version\":\"0.13.5\"}"));

    const HttpResponse show = HttpClient::post(m_mock.url(QStringLiteral("/api/show")), "{\"model\":\"beta\"}");
    QCOMPARE(show.status, 200);
    const QJsonObject info = show.json();
    QCOMPARE(info.value(QLatin1String("capabilities")).toArray(), QJsonArray{QStringLiteral("completion")});
    QCOMPARE(info.value(QLatin1String("model_info")).toObject().value(QLatin1String("llama.context_length")).toInt(),
             8192);
    const HttpResponse missing = HttpClient::post(m_mock.url(QStringLiteral("/api/show")), "{\"model\":\"gamma\"}");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, QByteArray("{\"error\":\"model 'gamma' not found\"}"));

    const HttpResponse other = HttpClient::get(m_mock.url(QStringLiteral("/api/ps")));
    QCOMPARE(other.status, 404);
    QCOMPARE(other.body, QByteArray("404 page not found"));
    // None of these is an inference request.
    QCOMPARE(m_mock.stat("script_pending"), 1);
    QCOMPARE(m_mock.stat("inference_requests"), 0);
}

void TestMockUpstream::scriptedStatusUsesTheShapeOfTheRoute_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    const QByteArray chat = QJsonDocument(chatRequest(QStringLiteral("alpha"), QStringLiteral("x"))).toJson();
    QTest::newRow("openai") << QStringLiteral("/v1/chat/completions") << chat << 429 << QByteArray("application/json")
                            << QByteArray("{\"error\":{\"message\":\"Scripted mock error\",\"type\":"
                                          "\"invalid_request_error\",\"param\":null,\"code\":null}}");
    QTest::newRow("openai responses")
        << QStringLiteral("/v1/responses") << QByteArray("{\"model\":\"alpha\",\"input\":\"x\"}") << 500
        << QByteArray("application/json")
        << QByteArray("{\"error\":{\"message\":\"Scripted mock error\",\"type\":\"server_error\",\"param\":null,"
                      "\"code\":null}}");
    QTest::newRow("anthropic") << QStringLiteral("/v1/messages") << chat << 529 << QByteArray("application/json")
                               << QByteArray("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                                             "\"Scripted mock error\"}}");
    QTest::newRow("anthropic 401") << QStringLiteral("/v1/messages") << chat << 401 << QByteArray("application/json")
                                   << QByteArray("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                                                 "\"message\":\"Scripted mock error\"}}");
    QTest::newRow("gemini") << QStringLiteral("/v1beta/models/alpha:generateContent") << geminiRequest("x") << 503
                            << QByteArray("application/json; charset=UTF-8")
                            << QByteArray("{\"error\":{\"code\":503,\"message\":\"Scripted mock error\",\"status\":"
                                          "\"UNAVAILABLE\"}}");
    // Scripted errors need no key: the script decides.
    QTest::newRow("gemini stream") << QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse")
                                   << geminiRequest("x") << 429 << QByteArray("application/json; charset=UTF-8")
                                   << QByteArray("{\"error\":{\"code\":429,\"message\":\"Scripted mock error\","
                                                 "\"status\":\"RESOURCE_EXHAUSTED\"}}");
    QTest::newRow("ollama") << QStringLiteral("/api/chat") << ollamaRequest("alpha", "x") << 500
                            << QByteArray("application/json; charset=utf-8")
                            << QByteArray("{\"error\":\"Scripted mock error\"}");
}

void TestMockUpstream::scriptedStatusUsesTheShapeOfTheRoute()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("status"), status}}));
    const HttpResponse r = HttpClient::post(m_mock.url(path), request);
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("content-type"), contentType);
    QCOMPARE(r.body, body);
}

void TestMockUpstream::scriptedLinesAreNdjsonChunks()
{
    QVERIFY(m_mock.script(QJsonObject{
        {QStringLiteral("lines"),
         QJsonArray{QJsonObject{{QStringLiteral("model"), QStringLiteral("alpha")}, {QStringLiteral("done"), false}},
                    QStringLiteral("not json at all"), QJsonObject{{QStringLiteral("error"), QStringLiteral("boom")}}}},
        {QStringLiteral("chunk_delay_ms"), 150}}));
    // Even a stream:false request gets the lines: the script decides.
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/api/chat")), ollamaRequest("alpha", "x", ",\"stream\":false"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("application/x-ndjson"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    QCOMPARE(r.body, QByteArray("{\"done\":false,\"model\":\"alpha\"}\nnot json at all\n{\"error\":\"boom\"}\n"));
    // Each line is its own write, 150 ms apart.
    QCOMPARE(r.chunks.size(), 3);
    QCOMPARE(r.chunks.at(1).data, QByteArray("not json at all\n"));
    QVERIFY2(r.chunks.last().elapsedMs - r.chunks.first().elapsedMs >= 250,
             qPrintable(QStringLiteral("%1..%2").arg(r.chunks.first().elapsedMs).arg(r.chunks.last().elapsedMs)));

    // Lines work on any inference route, with a scripted status.
    QVERIFY(m_mock.script(
        QJsonObject{{QStringLiteral("lines"), QJsonArray{QStringLiteral("{}")}}, {QStringLiteral("status"), 201}}));
    const HttpResponse other = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                    chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(other.status, 201);
    QCOMPARE(other.body, QByteArray("{}\n"));
}

void TestMockUpstream::scriptedEventsOnGeminiUseCrlf()
{
    const QJsonObject behaviour{
        {QStringLiteral("events"),
         QJsonArray{QJsonObject{{QStringLiteral("candidates"), QJsonArray{}}},
                    QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 500}}}}}}};
    QVERIFY(m_mock.script(behaviour));
    const HttpResponse gemini =
        HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse")),
                         geminiRequest("x"), kGeminiKey);
    QCOMPARE(gemini.status, 200);
    QCOMPARE(gemini.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(gemini.body, QByteArray("data: {\"candidates\":[]}\r\n\r\ndata: {\"error\":{\"code\":500}}\r\n\r\n"));

    // Other routes keep LF framing.
    QVERIFY(m_mock.script(behaviour));
    const HttpResponse openAi = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                                     chatRequest(QStringLiteral("alpha"), QStringLiteral("x")));
    QCOMPARE(openAi.body, QByteArray("data: {\"candidates\":[]}\n\ndata: {\"error\":{\"code\":500}}\n\n"));
}

void TestMockUpstream::scriptingWorksOnGeminiAndOllamaRoutes()
{
    const QUrl geminiSse = m_mock.url(QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse"));
    const QUrl ollamaChat = m_mock.url(QStringLiteral("/api/chat"));

    // content replaces the echo; chunk_delay_ms spaces the events.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("content"), QStringLiteral("scripted three words")},
                                      {QStringLiteral("chunk_delay_ms"), 120}}));
    const HttpResponse spaced = HttpClient::post(geminiSse, geminiRequest("ignored"), kGeminiKey);
    const QList<SseEvent> events = SseParser::eventsWithArrival(spaced.chunks);
    QCOMPARE(events.size(), 3);
    QString text;
    for (const SseEvent &e : events)
        text += QJsonDocument::fromJson(e.data)
                    .object()
                    .value(QLatin1String("candidates"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("content"))
                    .toObject()
                    .value(QLatin1String("parts"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QLatin1String("text"))
                    .toString();
    QCOMPARE(text, QStringLiteral("scripted three words"));
    QVERIFY2(events.last().arrivalMs - events.first().arrivalMs >= 200,
             qPrintable(QStringLiteral("%1..%2").arg(events.first().arrivalMs).arg(events.last().arrivalMs)));

    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("content"), QStringLiteral("from the script")}}));
    const HttpResponse ollamaContent =
        HttpClient::post(ollamaChat, ollamaRequest("alpha", "ignored", ",\"stream\":false"));
    QCOMPARE(ollamaContent.json().value(QLatin1String("message")).toObject().value(QLatin1String("content")).toString(),
             QStringLiteral("from the script"));

    // delay_ms holds back the head.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("delay_ms"), 400}}));
    const HttpResponse delayed = HttpClient::post(ollamaChat, ollamaRequest("alpha", "x"));
    QCOMPARE(delayed.status, 200);
    QVERIFY2(delayed.headersElapsedMs >= 350, qPrintable(QString::number(delayed.headersElapsedMs)));

    // split_bytes cuts the whole response into small writes.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("split_bytes"), 9}, {QStringLiteral("split_delay_ms"), 10}}));
    const HttpResponse split = HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent")),
                                                geminiRequest("split me"), kGeminiKey);
    QVERIFY(split.complete);
    QVERIFY2(split.chunks.size() > 10, qPrintable(QString::number(split.chunks.size())));
    QCOMPARE(split.body, HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:generateContent")),
                                          geminiRequest("split me"), kGeminiKey)
                             .body);

    // disconnect_after_bytes cuts an NDJSON stream mid-line.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("disconnect_after_bytes"), 150}}));
    const HttpResponse cut = HttpClient::post(ollamaChat, ollamaRequest("alpha", "a long enough answer to cut"));
    QCOMPARE(cut.status, 200);
    QVERIFY(!cut.complete);
    QCOMPARE(cut.body.size(), 150);
    QCOMPARE(m_mock.stat("client_aborted"), 0);

    // stall: the head, then nothing until the client leaves.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("stall"), true}}));
    HttpStream stream;
    QVERIFY(stream.start("POST", geminiSse, kGeminiKey, geminiRequest("x")));
    QVERIFY(stream.waitForHeaders(10000));
    QCOMPARE(stream.response().status, 200);
    QCOMPARE(stream.response().header("content-type"), QByteArray("text/event-stream"));
    QVERIFY(!stream.waitForBody([](const QByteArray &b) { return !b.isEmpty(); }, 500));
    stream.abort();
    QTRY_COMPARE_WITH_TIMEOUT(m_mock.stat("client_aborted"), 1, 5000);
}

void TestMockUpstream::responsesReturnsAResponseObject()
{
    const QJsonObject request{
        {QStringLiteral("model"), QStringLiteral("alpha")},
        {QStringLiteral("instructions"), QStringLiteral("be brief")},
        {QStringLiteral("input"),
         QJsonArray{// The short form (no type), a typed user message, an assistant replay, a tool output.
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("developer")},
                                {QStringLiteral("content"), QStringLiteral("answer in English")}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                {QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), QJsonArray{inputText(QStringLiteral("first question"))}}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                {QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("id"), QStringLiteral("msg_1")},
                                {QStringLiteral("status"), QStringLiteral("completed")},
                                {QStringLiteral("content"),
                                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("output_text")},
                                                        {QStringLiteral("text"), QStringLiteral("an answer")},
                                                        {QStringLiteral("annotations"), QJsonArray{}}}}}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), QJsonArray{inputText(QStringLiteral("say \"hi\" ")),
                                                                       inputText(QStringLiteral("now"))}}},
                    QJsonObject{{QStringLiteral("type"), QStringLiteral("function_call_output")},
                                {QStringLiteral("call_id"), QStringLiteral("call_1")},
                                {QStringLiteral("output"), QStringLiteral("not a message")}}}}};
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), request);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    const QByteArray id = r.json().value(QLatin1String("id")).toString().toUtf8();
    QVERIFY2(id.startsWith("resp_mock") && id.size() == 25, id.constData());
    const QByteArray digest = id.mid(9);
    // Input words: "be brief", "answer in English", "first question", "an answer", "say "hi" now".
    QCOMPARE(r.body,
             withId("{\"id\":\"resp_mock@ID@\",\"object\":\"response\",\"created_at\":1767225600,\"status\":"
                    "\"completed\",\"model\":\"alpha\",\"output\":[{\"type\":\"message\",\"id\":\"msg_mock@ID@\","
                    "\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":"
                    "\"say \\\"hi\\\" now\",\"annotations\":[]}]}],\"error\":null,\"incomplete_details\":null,"
                    "\"instructions\":\"be brief\",\"max_output_tokens\":null,\"previous_response_id\":null,"
                    "\"parallel_tool_calls\":true,\"tool_choice\":\"auto\",\"tools\":[],\"temperature\":1,"
                    "\"top_p\":1,\"usage\":{\"input_tokens\":12,\"input_tokens_details\":{\"cached_tokens\":0},"
                    "\"output_tokens\":3,\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":15}}",
                    digest));

    // Same request, same bytes, with or without /v1; another request gets another id.
    QCOMPARE(HttpClient::postJson(m_mock.url(QStringLiteral("/responses")), request).body, r.body);
    const QJsonObject other{{QStringLiteral("model"), QStringLiteral("alpha")},
                            {QStringLiteral("input"), QStringLiteral("plain string input")},
                            {QStringLiteral("temperature"), 0.5},
                            {QStringLiteral("tool_choice"), QStringLiteral("none")}};
    const QJsonObject otherReply = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), other).json();
    QVERIFY(otherReply.value(QLatin1String("id")).toString().toUtf8() != id);
    QCOMPARE(responsesOutputText(otherReply), QStringLiteral("plain string input"));
    QCOMPARE(otherReply.value(QLatin1String("instructions")), QJsonValue(QJsonValue::Null));
    QCOMPARE(otherReply.value(QLatin1String("temperature")).toDouble(), 0.5);
    QCOMPARE(otherReply.value(QLatin1String("tool_choice")).toString(), QStringLiteral("none"));
    QCOMPARE(otherReply.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInt(), 3);

    // Scripted content replaces the echo; a body that is not JSON gets an OpenAI error.
    QVERIFY(m_mock.script(QJsonObject{{QStringLiteral("content"), QStringLiteral("from the script")}}));
    const QJsonObject scripted = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), other).json();
    QCOMPARE(responsesOutputText(scripted), QStringLiteral("from the script"));
    const HttpResponse broken = HttpClient::post(m_mock.url(QStringLiteral("/v1/responses")), "{\"model\":");
    QCOMPARE(broken.status, 400);
    QVERIFY2(openAiErrorProblem(broken.body).isEmpty(), qPrintable(openAiErrorProblem(broken.body)));
    QCOMPARE(m_mock.stat("inference_requests"), 5);
}

void TestMockUpstream::responsesStreamHasNamedNumberedEvents()
{
    const QJsonObject request{{QStringLiteral("model"), QStringLiteral("alpha")},
                              {QStringLiteral("input"), QStringLiteral("one two three")},
                              {QStringLiteral("stream"), true}};
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), request);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
    const QList<SseEvent> events = SseParser::parse(r.body);
    QString problem;
    const QStringList names = responsesEventNames(events, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList expected{
        QStringLiteral("response.created"),           QStringLiteral("response.in_progress"),
        QStringLiteral("response.output_item.added"), QStringLiteral("response.content_part.added"),
        QStringLiteral("response.output_text.delta"), QStringLiteral("response.output_text.delta"),
        QStringLiteral("response.output_text.delta"), QStringLiteral("response.output_text.done"),
        QStringLiteral("response.content_part.done"), QStringLiteral("response.output_item.done"),
        QStringLiteral("response.completed")};
    QCOMPARE(names, expected);

    auto data = [&events](qsizetype i) { return QJsonDocument::fromJson(events.at(i).data).object(); };
    const QJsonObject created = data(0).value(QLatin1String("response")).toObject();
    const QString id = created.value(QLatin1String("id")).toString();
    QVERIFY2(id.startsWith(QLatin1String("resp_mock")), qPrintable(id));
    QCOMPARE(created.value(QLatin1String("status")).toString(), QStringLiteral("in_progress"));
    QCOMPARE(created.value(QLatin1String("output")).toArray().size(), 0);
    QCOMPARE(created.value(QLatin1String("usage")), QJsonValue(QJsonValue::Null));
    QCOMPARE(data(1).value(QLatin1String("response")).toObject(), created);
    const QString itemId = data(2).value(QLatin1String("item")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(itemId, QStringLiteral("msg_mock") + id.mid(9));

    // Every event is `event:` + one `data:` line + a blank line; a delta byte for byte:
    const QByteArray start = "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,"
                             "\"response\":{\"id\":\"" +
                             id.toUtf8() + "\",\"object\":\"response\",";
    QVERIFY2(r.body.startsWith(start), r.body.constData());
    const QByteArray delta = "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                             "\"sequence_number\":5,\"item_id\":\"" +
                             itemId.toUtf8() +
                             "\",\"output_index\":0,\"content_index\":0,\"delta\":\"two \",\"logprobs\":[]}\n\n";
    QVERIFY2(r.body.contains(delta), r.body.constData());
    QVERIFY(r.body.endsWith("}\n\n"));
    QVERIFY(!r.body.contains("[DONE]"));

    QString text;
    for (qsizetype i = 4; i <= 6; ++i)
        text += data(i).value(QLatin1String("delta")).toString();
    QCOMPARE(text, QStringLiteral("one two three"));
    QCOMPARE(data(7).value(QLatin1String("text")).toString(), QStringLiteral("one two three"));
    QCOMPARE(data(8).value(QLatin1String("part")).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("one two three"));
    QCOMPARE(data(9).value(QLatin1String("item")).toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("completed"));
    const QJsonObject completed = data(10).value(QLatin1String("response")).toObject();
    QCOMPARE(completed.value(QLatin1String("id")).toString(), id);
    QCOMPARE(completed.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(completed.value(QLatin1String("output")).toArray().at(0).toObject(),
             data(9).value(QLatin1String("item")).toObject());
    const QJsonObject usage = completed.value(QLatin1String("usage")).toObject();
    QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 3);
    QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 3);
    QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), 6);

    // Deterministic: the same request streams the same bytes.
    QCOMPARE(HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), request).body, r.body);
}

void TestMockUpstream::responsesMaxOutputTokensMakesItIncomplete()
{
    QJsonObject request{{QStringLiteral("model"), QStringLiteral("alpha")},
                        {QStringLiteral("input"), QStringLiteral("one two three four")},
                        {QStringLiteral("max_output_tokens"), 2}};
    const QJsonObject plain = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), request).json();
    QCOMPARE(plain.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    QCOMPARE(plain.value(QLatin1String("incomplete_details")).toObject(),
             (QJsonObject{{QStringLiteral("reason"), QStringLiteral("max_output_tokens")}}));
    QCOMPARE(plain.value(QLatin1String("max_output_tokens")).toInt(), 2);
    const QJsonObject item = plain.value(QLatin1String("output")).toArray().at(0).toObject();
    QCOMPARE(item.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    QCOMPARE(item.value(QLatin1String("content")).toArray().at(0).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("one two "));
    QCOMPARE(plain.value(QLatin1String("usage")).toObject().value(QLatin1String("output_tokens")).toInt(), 2);

    request.insert(QStringLiteral("stream"), true);
    const HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/responses")), request);
    const QList<SseEvent> events = SseParser::parse(r.body);
    QString problem;
    const QStringList names = responsesEventNames(events, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(names.count(QStringLiteral("response.output_text.delta")), 2);
    QCOMPARE(names.last(), QStringLiteral("response.incomplete"));
    QVERIFY(!names.contains(QStringLiteral("response.completed")));
    const QJsonObject last =
        QJsonDocument::fromJson(events.last().data).object().value(QLatin1String("response")).toObject();
    QCOMPARE(last.value(QLatin1String("status")).toString(), QStringLiteral("incomplete"));
    QCOMPARE(last.value(QLatin1String("incomplete_details")).toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("max_output_tokens"));
    QCOMPARE(QJsonDocument::fromJson(events.at(events.size() - 2).data)
                 .object()
                 .value(QLatin1String("item"))
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("incomplete"));
}

void TestMockUpstream::scriptedEventsCanBeNamed()
{
    // {"event","data"} (exactly these two members) is a named event; data may be JSON or a verbatim string.
    // Anything else stays a bare payload, as do strings.
    const QJsonObject behaviour{
        {QStringLiteral("events"),
         QJsonArray{QJsonObject{{QStringLiteral("event"), QStringLiteral("response.created")},
                                {QStringLiteral("data"), QJsonObject{{QStringLiteral("sequence_number"), 0}}}},
                    QJsonObject{{QStringLiteral("event"), QStringLiteral("error")},
                                {QStringLiteral("data"), QStringLiteral("{\"type\":\"error\",\"code\":\"boom\"}")}},
                    QJsonObject{{QStringLiteral("event"), QStringLiteral("x")},
                                {QStringLiteral("data"), QStringLiteral("y")},
                                {QStringLiteral("extra"), 1}},
                    QStringLiteral("[DONE]")}}};
    const QByteArray expected = "event: response.created\ndata: {\"sequence_number\":0}\n\n"
                                "event: error\ndata: {\"type\":\"error\",\"code\":\"boom\"}\n\n"
                                "data: {\"data\":\"y\",\"event\":\"x\",\"extra\":1}\n\n"
                                "data: [DONE]\n\n";
    QVERIFY(m_mock.script(behaviour));
    // A non-streaming request gets them too: the script decides.
    const HttpResponse r =
        HttpClient::post(m_mock.url(QStringLiteral("/v1/responses")), "{\"model\":\"alpha\",\"input\":\"x\"}");
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
    QCOMPARE(r.body, expected);
    const QList<SseEvent> events = SseParser::parse(r.body);
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(1).event, QByteArray("error"));
    QCOMPARE(events.at(2).event, QByteArray());

    // Other routes take named events as well; Gemini frames them with CRLF.
    QVERIFY(m_mock.script(behaviour));
    QCOMPARE(HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                  chatRequest(QStringLiteral("alpha"), QStringLiteral("x")))
                 .body,
             expected);
    QVERIFY(m_mock.script(QJsonObject{
        {QStringLiteral("events"), QJsonArray{QJsonObject{{QStringLiteral("event"), QStringLiteral("a")},
                                                          {QStringLiteral("data"), QStringLiteral("b")}}}}}));
    QCOMPARE(HttpClient::post(m_mock.url(QStringLiteral("/v1beta/models/alpha:streamGenerateContent?alt=sse")),
                              geminiRequest("x"), kGeminiKey)
                 .body,
             QByteArray("event: a\r\ndata: b\r\n\r\n"));
}

QTEST_GUILESS_MAIN(TestMockUpstream)
#include "tst_mockupstream.moc"

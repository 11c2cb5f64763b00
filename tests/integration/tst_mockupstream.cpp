// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the mock upstream itself and the test-support clients — OpenAI wire format (chat, stream with
// usage, completions with suffix, embeddings, models), scripting (errors, delays, splits, cuts, stalls,
// explicit events, extra headers), request capture, keep-alive, pipelining, Expect: 100-continue,
// chunked uploads and the stats counters. Every other integration test relies on these behaviours.
#include "tests/support/httpclient.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

using namespace llmproxy::test;

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

QTEST_GUILESS_MAIN(TestMockUpstream)
#include "tst_mockupstream.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The response filter chain on real streams: the mock upstream's own OpenAI Chat and Anthropic
// Messages streams go through a ProxyCall with a TextReplaceFilter whose match spans several
// stream events, split at every byte boundary, for each client format (OpenAI Chat and Anthropic
// passthrough re-encoded in their own format, Responses translated from Chat). The output must
// stay a valid stream of the client's protocol, carry the replaced text and end properly. One run
// also goes over real sockets (libcurl) with the mock writing its answer one byte at a time.
#include "proxycore/pipeline/textreplacefilter.h"
#include "proxycore/upstream/curltransport.h"
#include "tests/support/httpclient.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/proxycallharness.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;
using namespace llmproxy::test;
using formats::ApiFormat;

namespace {

const QString kPrompt = QStringLiteral("Write to me at [EMAIL_1] before noon, [EMAIL_1] reads daily");
// The match spans three stream events ("me ", "at ", "[EMAIL_1] "): it needs hold-back.
const QString kPattern = QStringLiteral("me at [EMAIL_1]");
const QString kExpected = QStringLiteral("Write to me at ada@example.org before noon, [EMAIL_1] reads daily");

/// Appends a comment at the end of the stream, as a signature would.
class SigningFilter : public ResponseFilter
{
public:
    QByteArray name() const override { return QByteArrayLiteral("test-sign"); }
    QString filterText(int, TextKind, const QString &text, FilterControl &) override { return text; }
    void endResponse(ResponseEnd &end) override
    {
        end.addStreamComment("signed " + QByteArray::number(end.answerText().size()));
    }
};

ResponseFilterChainPtr filters()
{
    auto chain = std::make_shared<ResponseFilterChain>();
    chain->append(std::make_shared<TextReplaceFilter>(
        QList<QPair<QString, QString>>{{kPattern, QStringLiteral("me at ada@example.org")}}));
    chain->append(std::make_shared<SigningFilter>());
    return chain;
}

QJsonObject json(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

/// Checks an OpenAI Chat stream; returns its text.
QString checkChatStream(const QByteArray &body)
{
    const QList<SseEvent> events = SseParser::parse(body);
    if (events.isEmpty() || events.last().data != "[DONE]")
        return QStringLiteral("<no [DONE]>");
    QString text;
    int finishes = 0;
    bool usage = false;
    for (qsizetype i = 0; i + 1 < events.size(); ++i) {
        const QJsonObject chunk = json(events.at(i).data);
        if (chunk.value(QLatin1String("object")).toString() != u"chat.completion.chunk")
            return QStringLiteral("<not a chunk: %1>").arg(QString::fromUtf8(events.at(i).data));
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        usage = usage || chunk.value(QLatin1String("usage")).isObject();
        if (choices.isEmpty())
            continue;
        const QJsonObject choice = choices.at(0).toObject();
        text += choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content")).toString();
        finishes += choice.value(QLatin1String("finish_reason")).isString() ? 1 : 0;
    }
    if (finishes != 1 || !usage)
        return QStringLiteral("<%1 finish reasons, usage %2>").arg(finishes).arg(usage);
    return text;
}

/// Checks an Anthropic Messages stream; returns its text.
QString checkAnthropicStream(const QByteArray &body)
{
    const QList<SseEvent> events = SseParser::parse(body);
    QStringList names;
    QString text;
    for (const SseEvent &e : events) {
        if (json(e.data).value(QLatin1String("type")).toString().toUtf8() != e.event)
            return QStringLiteral("<type differs from event name: %1>").arg(QString::fromUtf8(e.event));
        if (e.event == "ping")
            continue;
        if (names.isEmpty() || names.last() != QString::fromUtf8(e.event))
            names << QString::fromUtf8(e.event);
        if (e.event == "content_block_delta")
            text += json(e.data).value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
    }
    const QStringList expected{QStringLiteral("message_start"),       QStringLiteral("content_block_start"),
                               QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
                               QStringLiteral("message_delta"),       QStringLiteral("message_stop")};
    if (names != expected)
        return QStringLiteral("<sequence %1>").arg(names.join(u' '));
    return text;
}

/// Checks a Responses stream (sequence numbers, terminal event, final text); returns its text.
QString checkResponsesStream(const QByteArray &body)
{
    const QList<SseEvent> events = SseParser::parse(body);
    QString deltas, done, completed;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = json(events.at(i).data);
        if (e.value(QLatin1String("type")).toString().toUtf8() != events.at(i).event)
            return QStringLiteral("<type differs from event name>");
        if (e.value(QLatin1String("sequence_number")).toInteger(-1) != i)
            return QStringLiteral("<sequence_number %1 at %2>")
                .arg(e.value(QLatin1String("sequence_number")).toInteger())
                .arg(i);
        if (events.at(i).event == "response.output_text.delta")
            deltas += e.value(QLatin1String("delta")).toString();
        else if (events.at(i).event == "response.output_text.done")
            done = e.value(QLatin1String("text")).toString();
        else if (events.at(i).event == "response.completed")
            completed = responsesOutputText(e.value(QLatin1String("response")).toObject());
    }
    if (events.isEmpty() || events.first().event != "response.created" || events.last().event != "response.completed")
        return QStringLiteral("<no created/completed>");
    if (deltas != done || done != completed)
        return QStringLiteral("<texts differ: %1 | %2 | %3>").arg(deltas, done, completed);
    return deltas;
}

} // namespace

class TestResponseFilters : public QObject
{
    Q_OBJECT
private:
    MockUpstreamProcess m_mock;
    QByteArray m_chatStream;
    QByteArray m_anthropicStream;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_mock.start(), qPrintable(m_mock.errorString()));
        const QJsonArray messages{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, kPrompt}}};
        HttpResponse r = HttpClient::postJson(m_mock.url(QStringLiteral("/v1/chat/completions")),
                                              chatRequest(u"m"_s, kPrompt, true, true));
        QCOMPARE(r.status, 200);
        m_chatStream = r.body;
        r = HttpClient::postJson(
            m_mock.url(QStringLiteral("/v1/messages")),
            QJsonObject{{u"model"_s, u"m"_s}, {u"stream"_s, true}, {u"max_tokens"_s, 100}, {u"messages"_s, messages}});
        QCOMPARE(r.status, 200);
        m_anthropicStream = r.body;
        // The unfiltered streams carry the prompt; the checks below can fail.
        QCOMPARE(checkChatStream(m_chatStream), kPrompt);
        QCOMPARE(checkAnthropicStream(m_anthropicStream), kPrompt);
    }

    void filteredStreamsStayValidAtEverySplit_data()
    {
        QTest::addColumn<int>("client");
        QTest::addColumn<int>("upstream");
        QTest::newRow("openai chat") << int(ApiFormat::OpenAiChat) << int(ApiFormat::OpenAiChat);
        QTest::newRow("anthropic messages") << int(ApiFormat::AnthropicMessages) << int(ApiFormat::AnthropicMessages);
        QTest::newRow("responses from chat") << int(ApiFormat::OpenAiResponses) << int(ApiFormat::OpenAiChat);
    }
    void filteredStreamsStayValidAtEverySplit()
    {
        QFETCH(int, client);
        QFETCH(int, upstream);
        const auto clientFormat = ApiFormat(client);
        const QByteArray stream =
            ApiFormat(upstream) == ApiFormat::AnthropicMessages ? m_anthropicStream : m_chatStream;
        formats::ClientOptions options;
        options.includeUsage = true;
        for (qsizetype cut = 0; cut < stream.size(); ++cut) {
            ProxyCallHarness h;
            h.transport.enqueue(FakeReply::stream(stream, {cut}));
            h.start(clientFormat, ApiFormat(upstream), true, filters(), options);
            QVERIFY(h.waitDone());
            QCOMPARE(h.client->status, 200);
            QVERIFY(h.client->ended);
            QString text;
            if (clientFormat == ApiFormat::OpenAiChat)
                text = checkChatStream(h.client->body);
            else if (clientFormat == ApiFormat::AnthropicMessages)
                text = checkAnthropicStream(h.client->body);
            else
                text = checkResponsesStream(h.client->body);
            QCOMPARE(text, kExpected);
            const QByteArray comment = ": signed " + QByteArray::number(kExpected.size()) + "\n\n";
            QVERIFY2(h.client->body.contains(comment), h.client->body.right(300).constData());
            const RequestRecord record = h.record();
            QVERIFY(record.completionTokens > 0);
            QVERIFY(record.error.isEmpty());
        }
    }

    void filteredStreamOverRealSocketsOneByteAtATime()
    {
        QVERIFY(m_mock.script(QJsonObject{{u"split_bytes"_s, 1}}));
        ProxyCallHarness h;
        EndpointConfig e = ProxyCallHarness::endpoint(QStringLiteral("mock"), {QStringLiteral("m")});
        e.baseUrl = m_mock.baseUrl();
        h.setEndpoints({e});
        CurlTransport curl;
        h.upstream = &curl;
        const QJsonObject body = chatRequest(u"m"_s, kPrompt, true, true);
        formats::ClientOptions options;
        options.includeUsage = true;
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, true, filters(), options, QStringLiteral("m"),
                QJsonDocument(body).toJson(QJsonDocument::Compact));
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 200);
        QCOMPARE(checkChatStream(h.client->body), kExpected);
    }
};

QTEST_GUILESS_MAIN(TestResponseFilters)
#include "tst_responsefilters.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// POST /v1/messages (Anthropic Messages) served by an OpenAI-format upstream through the
// canonical model: plain and streamed replies, the exact stream event order, errors in
// Anthropic's shape, a mid-stream upstream failure ending with `event: error`.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

class TestAnthropicMessages : public QObject
{
    Q_OBJECT

private:
    GatewayFixture m_gateway;

    static QJsonObject messagesBody(bool stream, const QString &model = u"claude-sonnet-4-5"_s)
    {
        return {{u"model"_s, model},
                {u"max_tokens"_s, 64},
                {u"stream"_s, stream},
                {u"system"_s, u"be brief"_s},
                {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hello there"_s}}}}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
        // One OpenAI-format endpoint (reached through translation) and one Anthropic-format endpoint
        // (reached byte for byte) on the same mock.
        EndpointSpec native = m_gateway.mockEndpoint();
        native.id = u"native"_s;
        native.provider = u"anthropic"_s;
        native.models = {u"claude-native"_s};
        native.apiKey = u"sk-anthropic-endpoint"_s;
        m_gateway.config.endpoints = {m_gateway.mockEndpoint(), native};
        m_gateway.config.extraYaml = "model_aliases:\n  \"claude-*\": mock-chat\n";
        // One attempt per request: these tests check what the client gets when the upstream fails
        // (retries and fallback are covered by tst_resilience).
        m_gateway.config.extraYaml += "routing:\n  retry: {max_attempts: 1}\n";
        QString error;
        QVERIFY2(m_gateway.start(&error), qPrintable(error));
    }
    void init() { QVERIFY(m_gateway.mock.reset()); }

    void plainReplyIsAnthropicShaped()
    {
        const HttpResponse r = m_gateway.post(u"/v1/messages"_s, messagesBody(false));
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"type"_s).toString(), u"message"_s);
        QCOMPARE(o.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(o.value(u"stop_reason"_s).toString(), u"end_turn"_s);
        QCOMPARE(o.value(u"model"_s).toString(), u"claude-sonnet-4-5"_s); // the requested name, not the mapped one
        const QJsonArray content = o.value(u"content"_s).toArray();
        QCOMPARE(content.size(), 1);
        QCOMPARE(content.at(0).toObject().value(u"text"_s).toString(), u"hello there"_s);
        QVERIFY(o.value(u"usage"_s).toObject().contains(u"output_tokens"_s));

        // The upstream got an OpenAI chat request for the aliased model, system prompt first.
        const QList<MockRequest> captured = m_gateway.mock.requests();
        QCOMPARE(captured.size(), 1);
        const QJsonObject sent = captured.at(0).json();
        QCOMPARE(sent.value(u"model"_s).toString(), u"mock-chat"_s);
        const QJsonArray messages = sent.value(u"messages"_s).toArray();
        QCOMPARE(messages.at(0).toObject().value(u"role"_s).toString(), u"system"_s);
        QCOMPARE(captured.at(0).path, QByteArray("/v1/chat/completions"));
    }

    void streamFollowsTheEventOrder()
    {
        const HttpResponse r = m_gateway.post(u"/v1/messages?beta=true"_s, messagesBody(true));
        QCOMPARE(r.status, 200);
        QStringList names;
        QString text;
        for (const SseEvent &e : SseParser::parse(r.body)) {
            names.append(QString::fromUtf8(e.event));
            const QJsonObject data = QJsonDocument::fromJson(e.data).object();
            QCOMPARE(data.value(u"type"_s).toString(), QString::fromUtf8(e.event)); // name and type agree
            if (e.event == "message_start")
                QCOMPARE(data.value(u"message"_s).toObject().value(u"model"_s).toString(), u"claude-sonnet-4-5"_s);
            if (e.event == "content_block_delta")
                text += data.value(u"delta"_s).toObject().value(u"text"_s).toString();
        }
        QCOMPARE(names.first(), u"message_start"_s);
        QCOMPARE(names.at(1), u"content_block_start"_s);
        QCOMPARE(names.last(), u"message_stop"_s);
        QCOMPARE(names.at(names.size() - 2), u"message_delta"_s);
        QCOMPARE(names.at(names.size() - 3), u"content_block_stop"_s);
        QCOMPARE(text, u"hello there"_s);
    }

    void midStreamFailureEndsWithErrorEvent()
    {
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 300}}));
        const HttpResponse r = m_gateway.post(u"/v1/messages"_s, messagesBody(true));
        QCOMPARE(r.status, 200);
        const QList<SseEvent> events = SseParser::parse(r.body);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.first().event, QByteArray("message_start"));
        QCOMPARE(events.last().event, QByteArray("error"));
        const QJsonObject error = QJsonDocument::fromJson(events.last().data).object();
        QCOMPARE(error.value(u"type"_s).toString(), u"error"_s);
        QVERIFY(!error.value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        for (const SseEvent &e : events)
            QVERIFY(e.event != "message_stop"); // a failed stream never ends like a successful one
    }

    void nativeStreamCutBeforeMessageStopClosesNormally()
    {
        // Byte-for-byte relay from an Anthropic endpoint whose connection breaks after message_delta
        // (stop_reason set): the answer is complete, so the client gets message_stop, not an error.
        const QByteArray full = [this] {
            const HttpResponse direct = HttpClient::postJson(QUrl(m_gateway.mock.baseUrl() + u"/messages"_s),
                                                             messagesBody(true, u"claude-native"_s));
            return direct.body;
        }();
        const qsizetype stop = full.indexOf("event: message_stop");
        QVERIFY2(stop > 0, full.constData());
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, stop}}));
        const HttpResponse r = m_gateway.post(u"/v1/messages"_s, messagesBody(true, u"claude-native"_s));
        QCOMPARE(r.status, 200);
        QVERIFY2(r.complete, qPrintable(r.describe()));
        const QList<SseEvent> got = SseParser::parse(r.body);
        const QList<SseEvent> expected = SseParser::parse(full);
        QCOMPARE(got.size(), expected.size());
        QCOMPARE(got.last().event, QByteArray("message_stop"));
        for (qsizetype i = 0; i < got.size(); ++i)
            QCOMPARE(got.at(i).event, expected.at(i).event);
    }

    void countTokensEstimatesAndGrowsWithInput()
    {
        const auto count = [this](const QString &text) {
            const QJsonObject body{{u"model"_s, u"claude-sonnet-4-5"_s},
                                   {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}}}};
            const HttpResponse r = m_gateway.post(u"/v1/messages/count_tokens"_s, body);
            return r.status == 200 ? QJsonDocument::fromJson(r.body).object().value(u"input_tokens"_s).toInt() : -r.status;
        };
        const int small = count(u"hi"_s);
        const int large = count(QString(4000, u'x'));
        QVERIFY2(small > 0, qPrintable(QString::number(small)));
        QVERIFY(large >= 1000 && large <= 1100);
        QVERIFY(m_gateway.mock.requests().isEmpty()); // answered by the gateway, no upstream call
    }

    void anthropicEndpointGetsTheRequestByteForByte()
    {
        // Odd spacing, cache_control and an unknown field: all must reach the upstream untouched.
        const QByteArray body = "{ \"model\":\"claude-native\", \"max_tokens\": 32, \"x_unknown\": {\"a\":1},"
                                "\"system\":[{\"type\":\"text\",\"text\":\"be brief\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
                                "\"messages\":[{\"role\":\"user\",\"content\":\"hello native\"}]}";
        const HttpResponse r = HttpClient::request(
            "POST", m_gateway.url(u"/v1/messages?beta=true"_s),
            {{"content-type", "application/json"}, {"anthropic-version", "2023-06-01"},
             {"anthropic-beta", "prompt-caching-2024-07-31,some-future-beta"}},
            body);
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"model"_s).toString(), u"claude-native"_s);
        QCOMPARE(o.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(), u"hello native"_s);

        const QList<MockRequest> captured = m_gateway.mock.requests();
        QCOMPARE(captured.size(), 1);
        QCOMPARE(captured.at(0).path, QByteArray("/v1/messages"));
        QCOMPARE(captured.at(0).body, body);
        QCOMPARE(captured.at(0).header("x-api-key"), QByteArray("sk-anthropic-endpoint"));
        QCOMPARE(captured.at(0).header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(captured.at(0).header("anthropic-beta"), QByteArray("prompt-caching-2024-07-31,some-future-beta"));
        QVERIFY(!captured.at(0).hasHeader("authorization"));
    }

    void anthropicEndpointStreamIsRelayedUnchanged()
    {
        QJsonObject request = messagesBody(true, u"claude-native"_s);
        const HttpResponse viaGateway = m_gateway.post(u"/v1/messages"_s, request);
        const HttpResponse direct = HttpClient::request("POST", QUrl(m_gateway.mock.url().toString() + u"/v1/messages"_s),
                                                        {{"content-type", "application/json"}},
                                                        QJsonDocument(request).toJson(QJsonDocument::Compact));
        QCOMPARE(viaGateway.status, 200);
        QCOMPARE(direct.status, 200);
        QVERIFY(viaGateway.body.contains("event: message_stop"));
        QCOMPARE(viaGateway.body, direct.body);
    }

    void anthropicEndpointMidStreamFailureEndsWithErrorEvent()
    {
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"disconnect_after_bytes"_s, 400}}));
        const HttpResponse r = m_gateway.post(u"/v1/messages"_s, messagesBody(true, u"claude-native"_s));
        QCOMPARE(r.status, 200);
        const QList<SseEvent> events = SseParser::parse(r.body);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.first().event, QByteArray("message_start"));
        QCOMPARE(events.last().event, QByteArray("error"));
        QCOMPARE(QJsonDocument::fromJson(events.last().data).object().value(u"type"_s).toString(), u"error"_s);
    }

    void upstreamErrorsReachTheClientInItsShape_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("upstreamStatus");
        QTest::addColumn<QString>("upstreamBody");
        QTest::addColumn<QString>("type");
        // OpenAI-format endpoint: its error is translated.
        QTest::newRow("translated 429") << u"claude-x"_s << 429
                                        << u"{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}"_s
                                        << u"rate_limit_error"_s;
        // Anthropic endpoint: an Anthropic error passes through; anything else is wrapped.
        QTest::newRow("native 529") << u"claude-native"_s << 529
                                    << u"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}"_s
                                    << u"overloaded_error"_s;
        QTest::newRow("native html 502") << u"claude-native"_s << 502 << u"<html>bad gateway</html>"_s << u"api_error"_s;
    }
    void upstreamErrorsReachTheClientInItsShape()
    {
        QFETCH(QString, model);
        QFETCH(int, upstreamStatus);
        QFETCH(QString, upstreamBody);
        QFETCH(QString, type);
        QVERIFY(m_gateway.mock.script(QJsonObject{{u"status"_s, upstreamStatus}, {u"body"_s, upstreamBody}}));
        const HttpResponse r = m_gateway.post(u"/v1/messages"_s, messagesBody(false, model));
        QCOMPARE(r.status, upstreamStatus);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(o.value(u"error"_s).toObject().value(u"type"_s).toString(), type);
    }

    void wrongMethodIs405InEachProtocolsShape_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("anthropic");
        QTest::newRow("GET chat") << QByteArray("GET") << u"/v1/chat/completions"_s << false;
        QTest::newRow("POST models") << QByteArray("POST") << u"/v1/models"_s << false;
        QTest::newRow("GET messages") << QByteArray("GET") << u"/v1/messages"_s << true;
        QTest::newRow("GET count_tokens") << QByteArray("GET") << u"/v1/messages/count_tokens"_s << true;
    }
    void wrongMethodIs405InEachProtocolsShape()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(bool, anthropic);
        const HttpResponse r = HttpClient::request(method, m_gateway.url(path), {}, method == "POST" ? "{}" : "");
        QCOMPARE(r.status, 405);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (anthropic)
            QCOMPARE(o.value(u"type"_s).toString(), u"error"_s);
        else
            QCOMPARE(o.value(u"error"_s).toObject().value(u"code"_s).toString(), u"method_not_allowed"_s);
    }

    void errorsAreAnthropicShaped_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("bad json") << QByteArray("{nope") << 400 << u"invalid_request_error"_s;
        QTest::newRow("no max_tokens") << QByteArray("{\"model\":\"claude-x\",\"messages\":[]}") << 400
                                       << u"invalid_request_error"_s;
        QTest::newRow("unknown model") << QByteArray("{\"model\":\"gpt-x\",\"max_tokens\":5,\"messages\":"
                                                     "[{\"role\":\"user\",\"content\":\"x\"}]}")
                                       << 404 << u"not_found_error"_s;
    }
    void errorsAreAnthropicShaped()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, type);
        const HttpResponse r = HttpClient::request("POST", m_gateway.url(u"/v1/messages"_s),
                                                   {{"content-type", "application/json"}}, body);
        QCOMPARE(r.status, status);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(o.value(u"error"_s).toObject().value(u"type"_s).toString(), type);
    }
};

QTEST_GUILESS_MAIN(TestAnthropicMessages)
#include "tst_anthropicmessages.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The Responses API's conversation store end to end, over real sockets: the gateway (the real
// binary, with its SQLite database in the data directory) in front of the mock upstream serving
// the Anthropic Messages API. A conversation chained with previous_response_id reaches the
// provider whole (plain and streamed turns); store: false keeps nothing; another client key can
// neither chain on, read nor delete a response; GET, DELETE and input_items; and a gateway
// restarted on the same data directory still chains on a response from its database; switched
// off, the gateway is stateless again; without client keys every client shares the store.
#include "tests/support/gatewayfixture.h"
#include "tests/support/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <csignal>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kAliceKey = "sk-alice-responses-store";
const QByteArray kBobKey = "sk-bob-responses-store";
const QString kModel = u"claude-up"_s;

HeaderList bearer(const QByteArray &key)
{
    return {{QByteArrayLiteral("authorization"), QByteArrayLiteral("Bearer ") + key}};
}

QJsonObject turn(const QString &text, const QString &previousId = {}, bool stream = false)
{
    QJsonObject body{{u"model"_s, kModel}, {u"input"_s, text}, {u"instructions"_s, u"be brief"_s}};
    if (!previousId.isEmpty())
        body.insert(u"previous_response_id"_s, previousId);
    if (stream)
        body.insert(u"stream"_s, true);
    return body;
}

/// The Response object of an answer: the body, or the response.completed event's of a stream.
QJsonObject responseOf(const HttpResponse &r)
{
    if (!r.header("content-type").startsWith("text/event-stream"))
        return QJsonDocument::fromJson(r.body).object();
    for (const SseEvent &e : SseParser::parse(r.body)) {
        if (e.event == "response.completed")
            return QJsonDocument::fromJson(e.data).object().value(u"response"_s).toObject();
    }
    return {};
}

/// Starts `gateway` (no client keys) with one Anthropic endpoint on its own mock serving kModel,
/// and `extraYaml`.
bool startAnthropicGateway(GatewayFixture &gateway, const QByteArray &extraYaml, QString *error)
{
    if (!gateway.mock.start()) {
        *error = gateway.mock.errorString();
        return false;
    }
    EndpointSpec anthropic = gateway.mockEndpoint();
    anthropic.provider = u"anthropic"_s;
    anthropic.models = {kModel};
    gateway.config.endpoints = {anthropic};
    gateway.config.extraYaml = extraYaml;
    return gateway.start(error);
}

/// The text of the first part of an item's content.
QString firstText(const QJsonValue &item)
{
    return item.toObject().value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString();
}

/// The text of every message the upstream was sent, "role: text" in order.
QStringList messagesSent(const MockRequest &sent)
{
    QStringList out;
    for (const QJsonValue m : sent.json().value(u"messages"_s).toArray()) {
        const QJsonObject message = m.toObject();
        const QJsonValue content = message.value(u"content"_s);
        QString text;
        if (content.isString()) {
            text = content.toString();
        } else {
            for (const QJsonValue part : content.toArray())
                text += part.toObject().value(u"text"_s).toString();
        }
        out << message.value(u"role"_s).toString() + u": "_s + text;
    }
    return out;
}

} // namespace

class TestStoredResponses : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_gateway.mock.reset()); }

    void chainedConversationReachesTheProvider_data();
    void chainedConversationReachesTheProvider();
    void storeFalseKeepsNothing();
    void unknownIdIsNotFound();
    void anotherKeySeesNothing();
    void getInputItemsAndDelete();
    void conversationSurvivesARestart();
    void switchedOffKeepsNothing();
    void keylessGatewayShares();

private:
    HttpResponse post(const QJsonObject &body, const QByteArray &key = kAliceKey) const
    {
        return m_gateway.post(u"/v1/responses"_s, body, bearer(key));
    }
    HttpResponse call(const QByteArray &method, const QString &path, const QByteArray &key = kAliceKey) const
    {
        return HttpClient::request(method, m_gateway.url(path), bearer(key));
    }
    /// The last request the mock received on /v1/messages.
    MockRequest lastUpstreamRequest() const
    {
        const QList<MockRequest> sent = m_gateway.mock.inferenceRequests();
        return sent.isEmpty() ? MockRequest() : sent.last();
    }
    /// Checks a 404 for `previous_response_id` in the Responses error shape.
    static void verifyPreviousNotFound(const HttpResponse &r)
    {
        QCOMPARE(r.status, 404);
        const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), u"invalid_request_error"_s);
        QCOMPARE(error.value(u"param"_s).toString(), u"previous_response_id"_s);
        QCOMPARE(error.value(u"code"_s).toString(), u"previous_response_not_found"_s);
        QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    }

    GatewayFixture m_gateway;
};

void TestStoredResponses::initTestCase()
{
    QVERIFY2(m_gateway.mock.start(), qPrintable(m_gateway.mock.errorString()));
    EndpointSpec anthropic = m_gateway.mockEndpoint();
    anthropic.id = u"claude"_s;
    anthropic.provider = u"anthropic"_s;
    anthropic.models = {kModel};
    m_gateway.config.endpoints = {anthropic};
    m_gateway.config.serverYaml = "  auth:\n    keys:\n      - {name: alice, key_env: ALICE_KEY}\n"
                                  "      - {name: bob, key_env: BOB_KEY}\n";
    // The refusals these tests provoke on purpose (401, 404) would otherwise make the threat ledger
    // block the loopback origin.
    m_gateway.config.extraYaml = "security:\n  threat_ledger:\n    enabled: false\n";
    m_gateway.options.env.insert(u"ALICE_KEY"_s, QString::fromLatin1(kAliceKey));
    m_gateway.options.env.insert(u"BOB_KEY"_s, QString::fromLatin1(kBobKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestStoredResponses::chainedConversationReachesTheProvider_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("plain") << false;
    QTest::newRow("streamed") << true;
}

void TestStoredResponses::chainedConversationReachesTheProvider()
{
    QFETCH(bool, stream);
    const HttpResponse first = post(turn(u"my name is Ada"_s, {}, stream));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QJsonObject firstResponse = responseOf(first);
    const QString firstId = firstResponse.value(u"id"_s).toString();
    QVERIFY2(firstId.startsWith(u"resp_"_s), qPrintable(firstId));
    QCOMPARE(firstResponse.value(u"store"_s).toBool(), true);
    QCOMPARE(firstResponse.value(u"instructions"_s).toString(), u"be brief"_s);

    const HttpResponse second = post(turn(u"what is my name"_s, firstId, stream));
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    const QJsonObject secondResponse = responseOf(second);
    const QString secondId = secondResponse.value(u"id"_s).toString();
    QVERIFY(secondId.startsWith(u"resp_"_s) && secondId != firstId);
    QCOMPARE(secondResponse.value(u"previous_response_id"_s).toString(), firstId);
    // The provider got the first turn (the user's words and the answer the client saw) before the
    // new question; the first request's instructions are not carried over, the second's are sent.
    MockRequest sent = lastUpstreamRequest();
    QCOMPARE(sent.path, QByteArray("/v1/messages"));
    QCOMPARE(messagesSent(sent),
             QStringList({u"user: my name is Ada"_s, u"assistant: my name is Ada"_s, u"user: what is my name"_s}));
    QCOMPARE(sent.json().value(u"system"_s).toString(), u"be brief"_s);

    // A third turn chains on the second: the whole conversation again.
    QJsonObject third = turn(u"thanks"_s, secondId, stream);
    third.remove(u"instructions"_s);
    const HttpResponse r = post(third);
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    sent = lastUpstreamRequest();
    QCOMPARE(messagesSent(sent),
             QStringList({u"user: my name is Ada"_s, u"assistant: my name is Ada"_s, u"user: what is my name"_s,
                          u"assistant: what is my name"_s, u"user: thanks"_s}));
    QVERIFY(!sent.json().contains(u"system"_s));
}

void TestStoredResponses::storeFalseKeepsNothing()
{
    QJsonObject body = turn(u"forget this"_s);
    body.insert(u"store"_s, false);
    const HttpResponse first = post(body);
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QJsonObject response = responseOf(first);
    QCOMPARE(response.value(u"store"_s).toBool(), false);
    const QString id = response.value(u"id"_s).toString();
    QVERIFY(!id.isEmpty());

    verifyPreviousNotFound(post(turn(u"and now?"_s, id)));
    QCOMPARE(m_gateway.mock.inferenceRequests().size(), 1); // the chained request never went upstream
    QCOMPARE(call("GET", u"/v1/responses/"_s + id).status, 404);
}

void TestStoredResponses::unknownIdIsNotFound()
{
    verifyPreviousNotFound(post(turn(u"hello"_s, u"resp_0123456789abcdef0123456789abcdef"_s)));
    const HttpResponse r = call("GET", u"/v1/responses/resp_nothing"_s);
    QCOMPARE(r.status, 404);
    const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"response_not_found"_s);
    QVERIFY(m_gateway.mock.inferenceRequests().isEmpty());
    // Without a key: refused before anything is looked up.
    QCOMPARE(HttpClient::get(m_gateway.url(u"/v1/responses/resp_nothing"_s)).status, 401);
}

void TestStoredResponses::anotherKeySeesNothing()
{
    const HttpResponse first = post(turn(u"alice's secret"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QString id = responseOf(first).value(u"id"_s).toString();

    verifyPreviousNotFound(post(turn(u"tell me"_s, id), kBobKey));
    QCOMPARE(call("GET", u"/v1/responses/"_s + id, kBobKey).status, 404);
    QCOMPARE(call("GET", u"/v1/responses/"_s + id + u"/input_items"_s, kBobKey).status, 404);
    QCOMPARE(call("DELETE", u"/v1/responses/"_s + id, kBobKey).status, 404);
    // Bob's delete changed nothing: the response is still Alice's.
    QCOMPARE(call("GET", u"/v1/responses/"_s + id).status, 200);
    QCOMPARE(post(turn(u"tell me"_s, id)).status, 200);
}

void TestStoredResponses::getInputItemsAndDelete()
{
    const HttpResponse first = post(turn(u"first words"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QString firstId = responseOf(first).value(u"id"_s).toString();
    const HttpResponse second = post(turn(u"second words"_s, firstId));
    QVERIFY2(second.status == 200, qPrintable(second.describe()));
    const QJsonObject secondResponse = responseOf(second);
    const QString id = secondResponse.value(u"id"_s).toString();

    const HttpResponse got = call("GET", u"/v1/responses/"_s + id);
    QVERIFY2(got.status == 200, qPrintable(got.describe()));
    QCOMPARE(QJsonDocument::fromJson(got.body).object(), secondResponse); // what the client received

    // The conversation before the answer, newest first by default: 3 items.
    const HttpResponse items = call("GET", u"/v1/responses/"_s + id + u"/input_items"_s);
    QVERIFY2(items.status == 200, qPrintable(items.describe()));
    const QJsonObject list = QJsonDocument::fromJson(items.body).object();
    QCOMPARE(list.value(u"object"_s).toString(), u"list"_s);
    const QJsonArray data = list.value(u"data"_s).toArray();
    QCOMPARE(data.size(), 3);
    QCOMPARE(data.at(0).toObject().value(u"role"_s).toString(), u"user"_s);
    QCOMPARE(firstText(data.at(0)), u"second words"_s);
    QCOMPARE(data.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
    QCOMPARE(firstText(data.at(2)), u"first words"_s);
    QCOMPARE(list.value(u"has_more"_s).toBool(), false);
    QCOMPARE(list.value(u"first_id"_s).toString(), data.at(0).toObject().value(u"id"_s).toString());
    // Paged in conversation order.
    const HttpResponse page = call("GET", u"/v1/responses/"_s + id + u"/input_items?order=asc&limit=2"_s);
    const QJsonObject pageList = QJsonDocument::fromJson(page.body).object();
    QCOMPARE(pageList.value(u"data"_s).toArray().size(), 2);
    QCOMPARE(pageList.value(u"has_more"_s).toBool(), true);
    const HttpResponse rest = call("GET", u"/v1/responses/"_s + id + u"/input_items?order=asc&after="_s +
                                              pageList.value(u"last_id"_s).toString());
    const QJsonArray restData = QJsonDocument::fromJson(rest.body).object().value(u"data"_s).toArray();
    QCOMPARE(restData.size(), 1);
    QCOMPARE(firstText(restData.at(0)), u"second words"_s);
    QCOMPARE(call("GET", u"/v1/responses/"_s + id + u"/input_items?limit=0"_s).status, 400);
    QCOMPARE(call("POST", u"/v1/responses/"_s + id).status, 405);

    const HttpResponse deleted = call("DELETE", u"/v1/responses/"_s + id);
    QVERIFY2(deleted.status == 200, qPrintable(deleted.describe()));
    QCOMPARE(QJsonDocument::fromJson(deleted.body).object(),
             QJsonObject({{u"id"_s, id}, {u"object"_s, u"response"_s}, {u"deleted"_s, true}}));
    QCOMPARE(call("GET", u"/v1/responses/"_s + id).status, 404);
    QCOMPARE(call("DELETE", u"/v1/responses/"_s + id).status, 404);
    verifyPreviousNotFound(post(turn(u"more"_s, id)));
    // The response it chained on is its own and stays.
    QCOMPARE(call("GET", u"/v1/responses/"_s + firstId).status, 200);
}

void TestStoredResponses::conversationSurvivesARestart()
{
    const HttpResponse first = post(turn(u"remember the lighthouse"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QString id = responseOf(first).value(u"id"_s).toString();
    const HttpResponse deletedFirst = post(turn(u"short lived"_s));
    const QString deletedId = responseOf(deletedFirst).value(u"id"_s).toString();
    QCOMPARE(call("DELETE", u"/v1/responses/"_s + deletedId).status, 200);

    QVERIFY(m_gateway.proxy.sendSignal(SIGTERM));
    QVERIFY(m_gateway.proxy.waitForExit(15'000));
    QCOMPARE(m_gateway.proxy.exitCode(), 0);

    // A new process on the same data directory: its memory is empty, the database has the row.
    ProxyProcess restarted;
    ProxyOptions options = m_gateway.options;
    options.extraArgs << u"--data-dir"_s << m_gateway.proxy.dataDir();
    QVERIFY2(restarted.start(options), qPrintable(restarted.errorString()));
    QVERIFY(m_gateway.mock.reset());

    const HttpResponse got = HttpClient::get(restarted.url(u"/v1/responses/"_s + id), bearer(kAliceKey));
    QVERIFY2(got.status == 200, qPrintable(got.describe()));
    QCOMPARE(QJsonDocument::fromJson(got.body).object().value(u"id"_s).toString(), id);
    QCOMPARE(HttpClient::get(restarted.url(u"/v1/responses/"_s + id), bearer(kBobKey)).status, 404);
    QCOMPARE(HttpClient::get(restarted.url(u"/v1/responses/"_s + deletedId), bearer(kAliceKey)).status, 404);

    const HttpResponse next =
        HttpClient::postJson(restarted.url(u"/v1/responses"_s), turn(u"what did I ask"_s, id), bearer(kAliceKey));
    QVERIFY2(next.status == 200, qPrintable(next.describe()));
    QCOMPARE(messagesSent(lastUpstreamRequest()),
             QStringList({u"user: remember the lighthouse"_s, u"assistant: remember the lighthouse"_s,
                          u"user: what did I ask"_s}));
}

void TestStoredResponses::switchedOffKeepsNothing()
{
    GatewayFixture off;
    QString error;
    QVERIFY2(startAnthropicGateway(off, "responses_store:\n  enabled: false\n", &error), qPrintable(error));
    const HttpResponse first = off.post(u"/v1/responses"_s, turn(u"hello"_s));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QJsonObject response = responseOf(first);
    QCOMPARE(response.value(u"store"_s).toBool(), false);
    const QString id = response.value(u"id"_s).toString();
    // Stateless again: the translator's 400 for previous_response_id, and nothing to read.
    const HttpResponse chained = off.post(u"/v1/responses"_s, turn(u"and?"_s, id));
    QCOMPARE(chained.status, 400);
    QCOMPARE(QJsonDocument::fromJson(chained.body).object().value(u"error"_s).toObject().value(u"param"_s).toString(),
             u"previous_response_id"_s);
    const HttpResponse got = HttpClient::get(off.url(u"/v1/responses/"_s + id));
    QCOMPARE(got.status, 404);
    QVERIFY2(QJsonDocument::fromJson(got.body)
                 .object()
                 .value(u"error"_s)
                 .toObject()
                 .value(u"message"_s)
                 .toString()
                 .contains(u"responses_store.enabled"_s),
             got.body.constData());
}

void TestStoredResponses::keylessGatewayShares()
{
    // Without client keys every client is the same owner: one reads what another stored.
    GatewayFixture open;
    QString error;
    QVERIFY2(startAnthropicGateway(open, {}, &error), qPrintable(error));
    const HttpResponse first = open.post(u"/v1/responses"_s, turn(u"shared words"_s, {}, true));
    QVERIFY2(first.status == 200, qPrintable(first.describe()));
    const QString id = responseOf(first).value(u"id"_s).toString();
    const HttpResponse got = HttpClient::get(open.url(u"/v1/responses/"_s + id));
    QVERIFY2(got.status == 200, qPrintable(got.describe()));
    QCOMPARE(QJsonDocument::fromJson(got.body).object().value(u"store"_s).toBool(), true);
    QCOMPARE(open.post(u"/v1/responses"_s, turn(u"more"_s, id)).status, 200);
}

QTEST_GUILESS_MAIN(TestStoredResponses)
#include "tst_storedresponses.moc"

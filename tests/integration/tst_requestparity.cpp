// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the gateway reads every request the way the provider will. A key limited to one model
// cannot reach another by repeating `model` ({"model":"allowed","model":"forbidden"}), by spelling
// the key with an escape ("mod\u0065l"), or by escaping the value; repeated members anywhere in
// the body are refused with 400 in the client's shape before any upstream call, on every client
// API (chat, completions, embeddings, responses, messages, count_tokens); an escaped key that is
// not repeated is read decoded, checked, and relayed with the alias rewritten.
#include "tests/support/gatewayfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kLimitedKey = "sk-limited-parity-0001";

struct Api
{
    const char *path;
    const char *rest; ///< the members after "model", without the leading comma
    bool anthropic;
};

const Api kApis[] = {
    {"/v1/chat/completions", R"("messages":[{"role":"user","content":"hi"}])", false},
    {"/v1/completions", R"("prompt":"hi")", false},
    {"/v1/embeddings", R"("input":"hi")", false},
    {"/v1/responses", R"("input":"hi")", false},
    {"/v1/messages", R"("max_tokens":16,"messages":[{"role":"user","content":"hi"}])", true},
};

QByteArray allowedModel(const Api &api)
{
    return api.anthropic ? "claude-allowed" : "allowed";
}
QByteArray forbiddenModel(const Api &api)
{
    return api.anthropic ? "claude-forbidden" : "forbidden";
}

} // namespace

class TestRequestParity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void repeatedOrEscapedModelNeverReachesAForbiddenModel_data();
    void repeatedOrEscapedModelNeverReachesAForbiddenModel();
    void escapedKeyIsReadDecodedAndRelayed_data();
    void escapedKeyIsReadDecodedAndRelayed();
    void repeatedMemberInsideMessagesIsRefused();
    void repeatedStreamFlagIsRefused();
    void countTokensRefusesRepeatedMembers();

private:
    HttpResponse send(const Api &api, const QByteArray &body);
    int upstreamCalls() const;
    GatewayFixture m_gateway;
};

void TestRequestParity::initTestCase()
{
    QVERIFY(m_gateway.mock.start());
    EndpointSpec openAi = m_gateway.mockEndpoint();
    openAi.models = {u"allowed"_s, u"forbidden"_s};
    EndpointSpec claude = m_gateway.mockEndpoint();
    claude.id = u"claude"_s;
    claude.provider = u"anthropic"_s;
    claude.models = {u"claude-allowed"_s, u"claude-forbidden"_s};
    m_gateway.config.endpoints = {openAi, claude};
    m_gateway.config.serverYaml = "  auth:\n"
                                  "    keys:\n"
                                  "      - name: limited\n"
                                  "        key_env: LIMITED_KEY\n"
                                  "        models: [allowed, claude-allowed, nick]\n";
    m_gateway.config.extraYaml = "model_aliases:\n  nick: allowed\n";
    m_gateway.options.env.insert(u"LIMITED_KEY"_s, QString::fromLatin1(kLimitedKey));
    QString error;
    QVERIFY2(m_gateway.start(&error), qPrintable(error));
}

void TestRequestParity::init()
{
    QVERIFY(m_gateway.mock.reset());
}

HttpResponse TestRequestParity::send(const Api &api, const QByteArray &body)
{
    HeaderList headers{{"content-type", "application/json"}};
    if (api.anthropic)
        headers.append({QByteArray("x-api-key"), QByteArray(kLimitedKey)});
    else
        headers.append({QByteArray("authorization"), QByteArray("Bearer ") + kLimitedKey});
    return HttpClient::post(m_gateway.url(QString::fromLatin1(api.path)), body, headers);
}

int TestRequestParity::upstreamCalls() const
{
    int n = 0;
    for (const MockRequest &r : m_gateway.mock.requests())
        n += r.method == "POST" ? 1 : 0;
    return n;
}

void TestRequestParity::repeatedOrEscapedModelNeverReachesAForbiddenModel_data()
{
    QTest::addColumn<int>("api");
    QTest::addColumn<QByteArray>("head"); ///< the body up to the other members; %A allowed, %F forbidden
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("code");
    for (int i = 0; i < int(std::size(kApis)); ++i) {
        const QByteArray name = QByteArray(kApis[i].path).mid(4);
        QTest::addRow("%s repeated", name.constData())
            << i << QByteArray(R"({"model":"%A","model":"%F",)") << 400 << QByteArray("duplicate_key");
        QTest::addRow("%s repeated, forbidden first", name.constData())
            << i << QByteArray(R"({"model":"%F","model":"%A",)") << 400 << QByteArray("duplicate_key");
        QTest::addRow("%s escaped repeat", name.constData())
            << i << QByteArray(R"({"model":"%A","mod\u0065l":"%F",)") << 400 << QByteArray("duplicate_key");
        QTest::addRow("%s escaped key alone", name.constData())
            << i << QByteArray(R"({"mod\u0065l":"%F",)") << 403 << QByteArray("model_not_allowed");
    }
}

void TestRequestParity::repeatedOrEscapedModelNeverReachesAForbiddenModel()
{
    QFETCH(int, api);
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QByteArray, code);
    const Api &a = kApis[api];
    const QByteArray body = head.replace("%A", allowedModel(a)).replace("%F", forbiddenModel(a)) + a.rest + "}";
    const HttpResponse r = send(a, body);
    QVERIFY2(r.status == status, qPrintable(r.describe()));
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    if (a.anthropic) {
        QCOMPARE(r.json().value(u"type"_s).toString(), u"error"_s);
        QCOMPARE(error.value(u"type"_s).toString(), status == 400 ? u"invalid_request_error"_s : u"permission_error"_s);
    } else {
        QCOMPARE(error.value(u"code"_s).toString(), QString::fromLatin1(code));
    }
    if (status == 400)
        QVERIFY2(error.value(u"message"_s).toString().contains(u"'model' more than once"_s), qPrintable(r.describe()));
    QCOMPARE(upstreamCalls(), 0);
}

void TestRequestParity::escapedKeyIsReadDecodedAndRelayed_data()
{
    QTest::addColumn<int>("api");
    for (int i = 0; i < int(std::size(kApis)); ++i)
        QTest::addRow("%s", kApis[i].path + 4) << i;
}

void TestRequestParity::escapedKeyIsReadDecodedAndRelayed()
{
    // "mod\u0065l" is `model` to every JSON parser: the gateway must check it, and rewrite it when
    // an alias maps it, exactly as it does the plain spelling.
    QFETCH(int, api);
    const Api &a = kApis[api];
    const QByteArray model = a.anthropic ? QByteArray(R"(\u0063laude-allowed)") : QByteArray(R"(\u006eick)");
    const HttpResponse r = send(a, R"({"mod\u0065l":")" + model + "\"," + a.rest + "}");
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    const QList<MockRequest> requests = m_gateway.mock.requests();
    QVERIFY(!requests.isEmpty());
    const QJsonObject sent = requests.last().json();
    QCOMPARE(sent.value(u"model"_s).toString(), a.anthropic ? u"claude-allowed"_s : u"allowed"_s);
}

void TestRequestParity::repeatedMemberInsideMessagesIsRefused()
{
    // What the guards read must be what the model reads: a message with two contents is refused.
    const HttpResponse r =
        send(kApis[0], R"({"model":"allowed","messages":[{"role":"user","content":"hi","content":"other"}]})");
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    const QJsonObject error = r.json().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"duplicate_key"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"$.messages[0].content"_s), qPrintable(r.describe()));
    const HttpResponse nested = send(
        kApis[4],
        R"({"model":"claude-allowed","max_tokens":16,"messages":[{"role":"user","content":[{"type":"text","text":"a","t\u0065xt":"b"}]}]})");
    QVERIFY2(nested.status == 400, qPrintable(nested.describe()));
    QCOMPARE(nested.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"invalid_request_error"_s);
    QCOMPARE(upstreamCalls(), 0);
}

void TestRequestParity::repeatedStreamFlagIsRefused()
{
    const HttpResponse r = send(kApis[0], R"({"model":"allowed","stream":false,"stream":true,"messages":[]})");
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"duplicate_key"_s);
    QCOMPARE(upstreamCalls(), 0);
}

void TestRequestParity::countTokensRefusesRepeatedMembers()
{
    Api countTokens{"/v1/messages/count_tokens", "", true};
    const HttpResponse r =
        send(countTokens, R"({"model":"claude-allowed","messages":[],"messages":[{"role":"user","content":"hi"}]})");
    QVERIFY2(r.status == 400, qPrintable(r.describe()));
    QCOMPARE(r.json().value(u"type"_s).toString(), u"error"_s);
}

QTEST_GUILESS_MAIN(TestRequestParity)
#include "tst_requestparity.moc"

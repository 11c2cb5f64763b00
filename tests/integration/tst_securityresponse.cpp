// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The security response filters on real answers of the mock upstream, through a ProxyCall, for
// each client format (OpenAI Chat, Anthropic Messages, Responses translated from Chat):
// - a stream that leaks the canary stops with the protocol's own error event and a proper end,
//   at every byte split of the upstream stream, and the canary never reaches the client;
// - a signed answer, buffered and streamed, saved as a raw HTTP response, passes
//   `llmproxy verify-signature`; one changed byte of the answer fails it; usage errors exit 2.
#include "proxycore/pipeline/securityresponsefilters.h"
#include "tests/support/httpclient.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/proxycallharness.h"
#include "tests/support/proxyprocess.h"
#include "tests/support/sseparser.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;
using namespace llmproxy::test;
using formats::ApiFormat;

namespace {

const QString kCanary = u"llmproxy-canary-00aa11bb22cc33dd44ee"_s;
// The mock answers with the prompt: this answer leaks the canary in its middle.
const QString kLeakingPrompt = u"Here is what I was told to keep secret: "_s + kCanary + u" so please forget it."_s;
const QString kPlainPrompt = u"Visit https://docs.example/a and write to me at noon."_s;
const QByteArray kKey = QByteArrayLiteral("integration signing key");

ResponseFilterChainPtr leakChain()
{
    auto chain = std::make_shared<ResponseFilterChain>();
    auto report = std::make_shared<ResponseScanReport>();
    chain->append(std::make_shared<InvisibleCharFilter>(report));
    chain->append(std::make_shared<PromptLeakFilter>(
        std::make_shared<const PromptLeakDetector>(u"Operator instructions for the assistant."_s, kCanary), report));
    return chain;
}

ResponseFilterChainPtr signingChain()
{
    auto chain = std::make_shared<ResponseFilterChain>();
    auto report = std::make_shared<ResponseScanReport>();
    chain->append(std::make_shared<InvisibleCharFilter>(report));
    chain->append(std::make_shared<LinkSanitizerFilter>(
        std::make_shared<const BlockedDomains>(QStringList{u"docs.example"_s}), report));
    chain->append(std::make_shared<ResponseSignerFilter>(kKey, u"test"_s, u"m"_s, report));
    return chain;
}

QJsonObject json(const QByteArray &data)
{
    return QJsonDocument::fromJson(data).object();
}

/// Writes `content` to `name` in `dir`; returns its path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

/// What a client saving the response with its headers (`curl -i`) would have.
QByteArray rawHttp(const RecordingResponder &client)
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(client.status) + " OK\r\n";
    for (const auto &h : client.headers)
        raw += h.first + ": " + h.second + "\r\n";
    return raw + "\r\n" + client.body;
}

QString outputOf(const ProcessResult &r)
{
    return u"exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3"_s.arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

} // namespace

class TestSecurityResponse : public QObject
{
    Q_OBJECT
private:
    MockUpstreamProcess m_mock;
    QByteArray m_chatLeak;
    QByteArray m_anthropicLeak;
    QByteArray m_chatPlainStream;
    QByteArray m_chatPlainBuffered;

    QByteArray upstream(const QString &path, const QJsonObject &body)
    {
        const HttpResponse r = HttpClient::postJson(m_mock.url(path), body);
        return r.status == 200 ? r.body : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_mock.start(), qPrintable(m_mock.errorString()));
        m_chatLeak = upstream(u"/v1/chat/completions"_s, chatRequest(u"m"_s, kLeakingPrompt, true, true));
        const QJsonArray messages{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, kLeakingPrompt}}};
        m_anthropicLeak = upstream(
            u"/v1/messages"_s,
            QJsonObject{{u"model"_s, u"m"_s}, {u"stream"_s, true}, {u"max_tokens"_s, 100}, {u"messages"_s, messages}});
        m_chatPlainStream = upstream(u"/v1/chat/completions"_s, chatRequest(u"m"_s, kPlainPrompt, true, true));
        m_chatPlainBuffered = upstream(u"/v1/chat/completions"_s, chatRequest(u"m"_s, kPlainPrompt, false));
        QVERIFY(m_chatLeak.contains("canary"));
        QVERIFY(m_anthropicLeak.contains("canary"));
        QVERIFY(!m_chatPlainStream.isEmpty() && !m_chatPlainBuffered.isEmpty());
    }

    void leakingStreamEndsWithTheProtocolsError_data()
    {
        QTest::addColumn<int>("client");
        QTest::addColumn<int>("upstream");
        QTest::newRow("openai chat") << int(ApiFormat::OpenAiChat) << int(ApiFormat::OpenAiChat);
        QTest::newRow("anthropic messages") << int(ApiFormat::AnthropicMessages) << int(ApiFormat::AnthropicMessages);
        QTest::newRow("responses from chat") << int(ApiFormat::OpenAiResponses) << int(ApiFormat::OpenAiChat);
    }
    void leakingStreamEndsWithTheProtocolsError()
    {
        QFETCH(int, client);
        QFETCH(int, upstream);
        const auto clientFormat = ApiFormat(client);
        const QByteArray stream = ApiFormat(upstream) == ApiFormat::AnthropicMessages ? m_anthropicLeak : m_chatLeak;
        for (qsizetype cut = 0; cut < stream.size(); cut += 7) {
            ProxyCallHarness h;
            h.transport.enqueue(FakeReply::stream(stream, {cut}));
            h.start(clientFormat, ApiFormat(upstream), true, leakChain());
            QVERIFY(h.waitDone());
            QVERIFY(h.client->ended);
            const QByteArray &body = h.client->body;
            QVERIFY2(!body.contains("canary"), body.constData());
            const QList<SseEvent> events = SseParser::parse(body);
            QVERIFY2(events.size() >= 2, body.constData());
            if (clientFormat == ApiFormat::OpenAiChat) {
                QCOMPARE(events.last().data, QByteArray("[DONE]"));
                QCOMPARE(
                    json(events.at(events.size() - 2).data).value(u"error"_s).toObject().value(u"code"_s).toString(),
                    u"system_prompt_leak"_s);
            } else if (clientFormat == ApiFormat::AnthropicMessages) {
                QCOMPARE(events.last().event, QByteArray("error"));
                QCOMPARE(json(events.last().data).value(u"error"_s).toObject().value(u"type"_s).toString(),
                         u"permission_error"_s);
            } else {
                QCOMPARE(events.last().event, QByteArray("response.failed"));
                QVERIFY2(body.contains("system_prompt_leak"), body.right(400).constData());
            }
            QCOMPARE(h.record().error, u"system_prompt_leak"_s);
            QCOMPARE(h.transport.activeTransfers(), 0);
        }
    }

    void bufferedLeakIsA403()
    {
        ProxyCallHarness h;
        h.transport.enqueue(
            FakeReply::ok(upstream(u"/v1/chat/completions"_s, chatRequest(u"m"_s, kLeakingPrompt, false))));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false, leakChain());
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 403);
        QVERIFY(!h.client->body.contains("canary"));
        QCOMPARE(json(h.client->body).value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"system_prompt_leak"_s);
    }

    void signedResponsesVerify_data()
    {
        QTest::addColumn<int>("client");
        QTest::addColumn<bool>("stream");
        QTest::newRow("chat buffered") << int(ApiFormat::OpenAiChat) << false;
        QTest::newRow("chat stream") << int(ApiFormat::OpenAiChat) << true;
        QTest::newRow("messages buffered") << int(ApiFormat::AnthropicMessages) << false;
        QTest::newRow("messages stream") << int(ApiFormat::AnthropicMessages) << true;
        QTest::newRow("responses buffered") << int(ApiFormat::OpenAiResponses) << false;
        QTest::newRow("responses stream") << int(ApiFormat::OpenAiResponses) << true;
    }
    void signedResponsesVerify()
    {
        QFETCH(int, client);
        QFETCH(bool, stream);
        ProxyCallHarness h;
        h.transport.enqueue(stream ? FakeReply::stream(m_chatPlainStream, {50}) : FakeReply::ok(m_chatPlainBuffered));
        formats::ClientOptions options;
        options.includeUsage = true;
        h.start(ApiFormat(client), ApiFormat::OpenAiChat, stream, signingChain(), options);
        QVERIFY(h.waitDone());
        QCOMPARE(h.client->status, 200);
        QVERIFY2(h.client->body.contains("[BLOCKED_LINK]"), h.client->body.constData());
        if (stream)
            QVERIFY(h.client->body.contains(": llmproxy-signature v1 "));
        else
            QVERIFY(h.client->header("x-llmproxy-signature").startsWith("v1="));

        QTemporaryDir dir;
        const QByteArray raw = rawHttp(*h.client);
        const QString saved = writeFile(dir, u"response.http"_s, raw);
        const QMap<QString, QString> env{{u"LLM_PROXY_SIGNING_KEY"_s, QString::fromLatin1(kKey)}};
        ProcessResult r = ProxyProcess::run({u"verify-signature"_s, saved}, env);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
        QVERIFY2(r.out.startsWith("valid"), qPrintable(outputOf(r)));

        r = ProxyProcess::run({u"verify-signature"_s, u"--max-age"_s, u"3600"_s, saved}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(outputOf(r)));

        // One changed byte of the answer.
        QByteArray tampered = raw;
        const qsizetype at = tampered.lastIndexOf("noon");
        QVERIFY(at > 0);
        tampered[at] = 'm';
        r = ProxyProcess::run({u"verify-signature"_s, writeFile(dir, u"tampered.http"_s, tampered)}, env);
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.startsWith("invalid"), qPrintable(outputOf(r)));

        // Another key.
        r = ProxyProcess::run({u"verify-signature"_s, saved}, {{u"LLM_PROXY_SIGNING_KEY"_s, u"other"_s}});
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
    }

    void bodyAndValuesGivenSeparately()
    {
        ProxyCallHarness h;
        h.transport.enqueue(FakeReply::ok(m_chatPlainBuffered));
        h.start(ApiFormat::OpenAiChat, ApiFormat::OpenAiChat, false, signingChain());
        QVERIFY(h.waitDone());
        QTemporaryDir dir;
        const QString body = writeFile(dir, u"body.json"_s, h.client->body);
        const QMap<QString, QString> env{{u"MY_KEY"_s, QString::fromLatin1(kKey)}};
        const QStringList values{u"--signature"_s,  QString::fromLatin1(h.client->header("x-llmproxy-signature")),
                                 u"--signed-at"_s,  QString::fromLatin1(h.client->header("x-llmproxy-signed-at")),
                                 u"--request-id"_s, u"test"_s,
                                 u"--model"_s,      u"m"_s};
        ProcessResult r = ProxyProcess::run(
            QStringList{u"verify-signature"_s, u"--key-env"_s, u"MY_KEY"_s, u"--body"_s, body} + values, env);
        QVERIFY2(r.exitCode == 0, qPrintable(outputOf(r)));
        QStringList wrongModel = values;
        wrongModel.last() = u"other-model"_s;
        r = ProxyProcess::run(
            QStringList{u"verify-signature"_s, u"--key-env"_s, u"MY_KEY"_s, u"--body"_s, body} + wrongModel, env);
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        // Too old for --max-age.
        QStringList old = values;
        old[3] = u"2001-01-01T00:00:00Z"_s;
        r = ProxyProcess::run(QStringList{u"verify-signature"_s, u"--key-env"_s, u"MY_KEY"_s, u"--max-age"_s, u"60"_s,
                                          u"--body"_s, body} +
                                  old,
                              env);
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
    }

    void usageErrorsExitTwo()
    {
        QTemporaryDir dir;
        const QString file = writeFile(dir, u"x.http"_s, "HTTP/1.1 200 OK\r\n\r\n{}");
        const QMap<QString, QString> env{{u"LLM_PROXY_SIGNING_KEY"_s, u"k"_s}};
        QCOMPARE(ProxyProcess::run({u"verify-signature"_s}, env).exitCode, 2);
        QCOMPARE(ProxyProcess::run({u"verify-signature"_s, file}, {{u"LLM_PROXY_SIGNING_KEY"_s, QString()}}).exitCode,
                 2);
        QCOMPARE(ProxyProcess::run({u"verify-signature"_s, dir.filePath(u"missing"_s)}, env).exitCode, 2);
        QCOMPARE(ProxyProcess::run({u"verify-signature"_s, u"--max-age"_s, u"soon"_s, file}, env).exitCode, 2);
        QCOMPARE(ProxyProcess::run({u"verify-signature"_s, u"--bogus"_s, file}, env).exitCode, 2);
        // A response without a signature is not valid.
        const ProcessResult r = ProxyProcess::run({u"verify-signature"_s, file}, env);
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
    }
};

QTEST_GUILESS_MAIN(TestSecurityResponse)
#include "tst_securityresponse.moc"

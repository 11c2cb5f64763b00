// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/localdiscovery.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace llmproxy;
using llmproxy::test::RefusingPort;

namespace {

/// A fake local model server: answers each path with a canned response, or never answers.
class FakeModelServer : public QObject
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray extraHeaders;
    };

    FakeModelServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }

    QHash<QByteArray, Reply> replies; ///< by request path; a missing path gets 404
    bool hang = false;                ///< read requests, never answer
    QList<QByteArray> requestHeads;   ///< raw request heads, in arrival order

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        buffer.remove(0, end + 4);
        requestHeads.append(head);
        if (hang)
            return;
        const QByteArray path = head.split(' ').value(1);
        const Reply reply = replies.value(path, Reply{404, "not found", {}});
        socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\nContent-Length: " +
                      QByteArray::number(reply.body.size()) + "\r\n" + reply.extraHeaders + "\r\n" + reply.body);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

const QByteArray ModelsList =
    R"({"object":"list","data":[{"id":"model-a","object":"model"},{"id":"model-b","object":"model"}]})";

QList<EndpointConfig> scanOnce(LocalDiscovery &discovery)
{
    QSignalSpy spy(&discovery, &LocalDiscovery::discovered);
    discovery.scanNow();
    if (!spy.wait(20000) || spy.size() != 1)
        return {};
    return spy.first().first().value<QList<EndpointConfig>>();
}

} // namespace

class TestLocalDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultTargetsAreTheKnownLocalServers();
    void reportsOnlyServersThatListModels();
    void ollamaFallsBackToApiTags();
    void emptyModelListIsReportedDisabled();
    void redirectIsNotFollowed();
    void hangingServerDoesNotStallTheScan();
    void intervalRepeatsScansWithoutCookies();
};

void TestLocalDiscovery::defaultTargetsAreTheKnownLocalServers()
{
    const QList<LocalDiscoveryTarget> targets = defaultLocalDiscoveryTargets();
    QCOMPARE(targets.size(), 4);
    QCOMPARE(targets.at(0).provider, u"ollama");
    QCOMPARE(targets.at(0).port, 11434);
    QCOMPARE(targets.at(1).provider, u"lmstudio");
    QCOMPARE(targets.at(1).port, 1234);
    QCOMPARE(targets.at(2).provider, u"vllm");
    QCOMPARE(targets.at(2).port, 8000);
    QCOMPARE(targets.at(3).provider, u"llamacpp");
    QCOMPARE(targets.at(3).port, 8080);
}

void TestLocalDiscovery::reportsOnlyServersThatListModels()
{
    FakeModelServer valid;
    valid.replies.insert("/v1/models", {200, ModelsList, "Content-Type: application/json\r\n"});
    FakeModelServer garbage;
    garbage.replies.insert("/v1/models", {200, "<html>hello</html>", "Content-Type: text/html\r\n"});
    FakeModelServer failing;
    failing.replies.insert("/v1/models", {500, R"({"data":[{"id":"x"}]})", {}});
    failing.replies.insert("/api/tags", {500, R"({"models":[{"name":"x"}]})", {}});
    const RefusingPort refusing;
    const quint16 closed = refusing.port();
    QVERIFY(closed != 0);

    LocalDiscovery discovery({{QStringLiteral("ollama"), failing.port()},
                              {QStringLiteral("lmstudio"), valid.port()},
                              {QStringLiteral("vllm"), garbage.port()},
                              {QStringLiteral("llamacpp"), closed}});
    const QList<EndpointConfig> found = scanOnce(discovery);

    QCOMPARE(found.size(), 1);
    const EndpointConfig &endpoint = found.first();
    QCOMPARE(endpoint.id, u"local-lmstudio");
    QCOMPARE(endpoint.provider, u"lmstudio");
    QCOMPARE(endpoint.baseUrl, QStringLiteral("http://127.0.0.1:%1/v1").arg(valid.port()));
    QCOMPARE(endpoint.models, QStringList({QStringLiteral("model-a"), QStringLiteral("model-b")}));
    QCOMPARE(endpoint.source, u"discovery");
    QVERIFY(endpoint.enabled);
    QVERIFY(endpoint.apiKey.isEmpty());

    QCOMPARE(valid.requestHeads.size(), 1);
    QVERIFY(valid.requestHeads.first().startsWith("GET /v1/models HTTP/1.1"));
    QCOMPARE(garbage.requestHeads.size(), 1);
    QVERIFY(!discovery.isScanning());
}

void TestLocalDiscovery::ollamaFallsBackToApiTags()
{
    FakeModelServer ollama; // an older release: no OpenAI-compatible /v1/models
    ollama.replies.insert("/api/tags",
                          {200, R"({"models":[{"name":"llama3:latest","size":1},{"name":"qwen2:7b"}]})", {}});
    LocalDiscovery discovery({{QStringLiteral("ollama"), ollama.port()}});
    const QList<EndpointConfig> found = scanOnce(discovery);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().id, u"local-ollama");
    QCOMPARE(found.first().provider, u"ollama");
    QCOMPARE(found.first().baseUrl, QStringLiteral("http://127.0.0.1:%1/v1").arg(ollama.port()));
    QCOMPARE(found.first().models, QStringList({QStringLiteral("llama3:latest"), QStringLiteral("qwen2:7b")}));
    QCOMPARE(ollama.requestHeads.size(), 2);
}

void TestLocalDiscovery::emptyModelListIsReportedDisabled()
{
    FakeModelServer empty;
    empty.replies.insert("/v1/models", {200, R"({"object":"list","data":[]})", {}});
    LocalDiscovery discovery({{QStringLiteral("vllm"), empty.port()}});
    const QList<EndpointConfig> found = scanOnce(discovery);
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().models.isEmpty());
    QVERIFY(!found.first().enabled); // an empty list would otherwise mean "accepts any model"
}

void TestLocalDiscovery::redirectIsNotFollowed()
{
    FakeModelServer valid;
    valid.replies.insert("/v1/models", {200, ModelsList, {}});
    FakeModelServer redirecting;
    redirecting.replies.insert(
        "/v1/models", {302, {}, "Location: http://127.0.0.1:" + QByteArray::number(valid.port()) + "/v1/models\r\n"});
    LocalDiscovery discovery({{QStringLiteral("llamacpp"), redirecting.port()}});
    const QList<EndpointConfig> found = scanOnce(discovery);
    QVERIFY(found.isEmpty());
    QCOMPARE(redirecting.requestHeads.size(), 1);
    QVERIFY(valid.requestHeads.isEmpty());
}

void TestLocalDiscovery::hangingServerDoesNotStallTheScan()
{
    FakeModelServer valid;
    valid.replies.insert("/v1/models", {200, ModelsList, {}});
    FakeModelServer hanging;
    hanging.hang = true;
    LocalDiscovery discovery({{QStringLiteral("vllm"), hanging.port()}, {QStringLiteral("llamacpp"), valid.port()}});
    discovery.setProbeTimeoutMs(300);
    QElapsedTimer clock;
    clock.start();
    const QList<EndpointConfig> found = scanOnce(discovery);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().id, u"local-llamacpp");
    QCOMPARE(hanging.requestHeads.size(), 1);
    QVERIFY(clock.elapsed() < 10000);
}

void TestLocalDiscovery::intervalRepeatsScansWithoutCookies()
{
    FakeModelServer valid;
    valid.replies.insert("/v1/models", {200, ModelsList, "Set-Cookie: session=secret; Path=/\r\n"});
    LocalDiscovery discovery({{QStringLiteral("lmstudio"), valid.port()}});
    discovery.setIntervalMs(200);
    QSignalSpy spy(&discovery, &LocalDiscovery::discovered);
    discovery.start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 20000);
    discovery.stop();
    for (const QList<QVariant> &args : std::as_const(spy))
        QCOMPARE(args.first().value<QList<EndpointConfig>>().size(), 1);
    QVERIFY(valid.requestHeads.size() >= 3);
    for (const QByteArray &head : std::as_const(valid.requestHeads)) {
        QVERIFY2(!head.toLower().contains("\ncookie:"), head.constData());
        QVERIFY2(head.toLower().contains("\nuser-agent: llmproxy/"), head.constData());
    }
}

QTEST_GUILESS_MAIN(TestLocalDiscovery)
#include "tst_localdiscovery.moc"

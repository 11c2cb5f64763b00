// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the engine and the admin API run on a thread of their own (EngineHost), so the admin API
// answers while the main (GUI) thread is busy; EngineController hands that thread's state to the
// main thread as value snapshots and carries changes over without waiting; the host's destructor
// shuts down and joins.
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/engine/enginehost.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>

using namespace llmproxy;

namespace {

constexpr char kAdminKey[] = "admin-key-for-tests";

/// One HTTP/1.1 request over a blocking socket: no event loop runs in the calling thread while
/// it waits. The raw response, or empty after `timeoutS` seconds.
QByteArray blockingRequest(quint16 port, const QByteArray &request, int timeoutS)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return {};
    timeval timeout{timeoutS, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray response;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::send(fd, request.constData(), size_t(request.size()), 0) == request.size()) {
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
            response.append(buffer, qsizetype(n));
    }
    ::close(fd);
    return response;
}

} // namespace

class TestEngineHost : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void engineRunsOnItsOwnThread();
    void adminApiAnswersWhileTheMainThreadIsBusy();
    void controllerCarriesChangesAndSnapshots();
    void destructorShutsDown();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EngineHost> m_host;
};

void TestEngineHost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ConfigSources sources;
    sources.configPath = m_dir->filePath(QStringLiteral("config.yaml"));
    sources.configPathExplicit = true;
    sources.dotenvPath = m_dir->filePath(QStringLiteral(".env"));
    sources.environment = QProcessEnvironment();
    sources.environment.insert(QStringLiteral("LLM_PROXY_ADMIN_KEYS"), QString::fromLatin1(kAdminKey));
    sources.cli.port = 0;
    QFile file(sources.configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("endpoints:\n  only:\n    provider: openai_compatible\n    base_url: http://127.0.0.1:9/v1\n"
               "    api_key: sk-test\n    models: [m]\ndiscovery:\n  local_scan: false\n"
               "routing:\n  health: {interval_s: 0}\n");
    file.close();
    const ConfigLoadResult loaded = loadConfig(sources);
    QVERIFY(loaded.ok());
    m_host = std::make_unique<EngineHost>(std::make_shared<const Config>(*loaded.config), sources);
    QString error;
    QVERIFY2(m_host->start(m_dir->filePath(QStringLiteral("data")), &error), qPrintable(error));
    QVERIFY(m_host->engine());
}

void TestEngineHost::cleanup()
{
    m_host.reset();
    m_dir.reset();
}

void TestEngineHost::engineRunsOnItsOwnThread()
{
    QThread *engineThread = m_host->engine()->thread();
    QVERIFY(engineThread != QThread::currentThread());
    QVERIFY(engineThread->isRunning());
    QCOMPARE(engineThread->objectName(), QStringLiteral("engine"));
}

void TestEngineHost::adminApiAnswersWhileTheMainThreadIsBusy()
{
    // The main thread sits in a blocking read; with the engine on it, this admin request (carried
    // out on the engine's thread) could never be answered.
    const QByteArray request = "POST /api/v1/proxy/toggle HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                               QByteArray(kAdminKey) +
                               "\r\nContent-Type: application/json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n"
                               "{\"paused\":true}\n";
    const QByteArray response = blockingRequest(m_host->engine()->port(), request, 10);
    QVERIFY2(response.startsWith("HTTP/1.1 200"), response.constData());
    QVERIFY(m_host->engine()->isPaused()); // thread-safe read
}

void TestEngineHost::controllerCarriesChangesAndSnapshots()
{
    EngineController controller(m_host->engine());
    QVERIFY(controller.isListening());
    const QList<EndpointStatus> first = controller.endpoints();
    QCOMPARE(first.size(), 1);
    QVERIFY(first.constFirst().enabled);
    QVERIFY(!controller.isOnboarding());

    QSignalSpy paused(&controller, &EngineController::pausedChanged);
    controller.setPaused(true); // posted, not waited for
    QVERIFY(paused.wait(10'000));
    QCOMPARE(paused.constFirst().constFirst().toBool(), true);
    QVERIFY(controller.isPaused());

    QSignalSpy endpoints(&controller, &EngineController::endpointsChanged);
    controller.setEndpointEnabled(QStringLiteral("only"), false);
    QTRY_VERIFY_WITH_TIMEOUT(!endpoints.isEmpty(), 10'000);
    const auto snapshot = endpoints.constLast().constFirst().value<QList<EndpointStatus>>();
    QCOMPARE(snapshot.size(), 1);
    QVERIFY(!snapshot.constFirst().enabled);
    QVERIFY(!controller.endpoints().constFirst().enabled);
    QVERIFY(controller.allEndpointsDisabled());
    QCOMPARE(controller.droppedRecords(), quint64(0));
}

void TestEngineHost::destructorShutsDown()
{
    const quint16 port = m_host->engine()->port();
    QSignalSpy finished(m_host.get(), &EngineHost::shutdownFinished);
    m_host.reset(); // shuts down, joins the thread
    QVERIFY(blockingRequest(port, "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5).isEmpty());
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"
#include "ui/desktopshell.h"
#include "ui/endpointmodel.h"
#include "ui/mainwindow.h"
#include "ui/requestlogmodel.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;

/// The endpoint list of a running in-process gateway with a mock upstream and an endpoint that
/// refuses connections: live breaker state, latency and the enable toggle.
class TestEndpointState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void breakerAndLatencyAppear();
    void toggleSwitchesEndpointOffAndOn();
    void refreshRunsOnlyWhileShown();
    void requestLogShowsFallbackAttempts();
    void statisticsSurviveSwitchingOffAndOn();
    void everyEndpointOffIsNotOnboarding();
    void everyEndpointDownShowsInTheBadge();

private:
    HttpResponse chat(const QString &model) const;
    QString cell(const QString &id, int column) const;
    EndpointStatus status(const QString &id) const;

    std::unique_ptr<MockUpstreamProcess> m_mock;
    RefusingPort m_refusing; ///< the dead endpoint's port: refuses for the whole run
    quint16 m_deadPort = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    QTableView *m_view = nullptr;
};

void TestEndpointState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_mock = std::make_unique<MockUpstreamProcess>(QStringList{QStringLiteral("--models"), QStringLiteral("mock-chat")});
    QVERIFY(m_mock->start());
    m_deadPort = m_refusing.port();
}

void TestEndpointState::init()
{
    QVERIFY(m_mock->reset());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());

    ProxyConfig config;
    EndpointSpec mock;
    mock.id = QStringLiteral("mock");
    mock.baseUrl = m_mock->baseUrl();
    mock.models = {QStringLiteral("mock-chat")};
    mock.apiKey = QStringLiteral("sk-upstream");
    EndpointSpec dead = mock;
    dead.id = QStringLiteral("dead");
    dead.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(m_deadPort);
    dead.models = {QStringLiteral("dead-chat")};
    // "spare" serves dead-chat too, behind "dead": a request to dead-chat fails over to it.
    EndpointSpec spare = mock;
    spare.id = QStringLiteral("spare");
    spare.models = {QStringLiteral("dead-chat")};
    spare.priority = 1;
    config.endpoints = {mock, dead, spare};
    // No health checks: only the test's own requests move the breakers and counters.
    config.extraYaml = "routing:\n"
                       "  retry: {max_attempts: 2, base_delay_ms: 0, max_delay_ms: 0}\n"
                       "  circuit_breaker: {failure_threshold: 1, recovery_s: 60}\n"
                       "  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));

    m_engine = std::make_unique<Engine>(loaded, sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
    m_view = m_shell->mainWindow()->findChild<QTableView *>(QStringLiteral("endpointView"));
    QVERIFY(m_view);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
}

void TestEndpointState::cleanup()
{
    m_view = nullptr;
    m_shell.reset();
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
}

HttpResponse TestEndpointState::chat(const QString &model) const
{
    return HttpClient::postJson(QUrl(m_controller->listenUrl() + QStringLiteral("/v1/chat/completions")),
                                chatRequest(model, QStringLiteral("hello there")));
}

QString TestEndpointState::cell(const QString &id, int column) const
{
    const auto *model = qobject_cast<const EndpointModel *>(m_view->model());
    const int row = model->rowOf(id);
    return row < 0 ? QStringLiteral("<no row %1>").arg(id) : model->index(row, column).data().toString();
}

EndpointStatus TestEndpointState::status(const QString &id) const
{
    for (const EndpointStatus &e : m_controller->endpoints()) {
        if (e.id == id)
            return e;
    }
    return {};
}

void TestEndpointState::breakerAndLatencyAppear()
{
    QCOMPARE(m_view->model()->rowCount(), 3);
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::StateColumn), QStringLiteral("Enabled"));
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::LatencyColumn), QStringLiteral("–"));
    QCOMPARE(cell(QStringLiteral("dead"), EndpointModel::StateColumn), QStringLiteral("Enabled"));
    QCOMPARE(status(QStringLiteral("dead")).breakerState, QStringLiteral("closed"));

    QCOMPARE(chat(QStringLiteral("mock-chat")).status, 200);
    // The refused connection opens dead's breaker (threshold 1); the request goes on to spare.
    const HttpResponse viaSpare = chat(QStringLiteral("dead-chat"));
    QCOMPARE(viaSpare.status, 200);
    QCOMPARE(viaSpare.header("x-llmproxy-endpoint"), QByteArray("spare"));

    const EndpointStatus dead = status(QStringLiteral("dead"));
    QCOMPARE(dead.breakerState, QStringLiteral("open"));
    QCOMPARE(dead.consecutiveFailures, 1);
    QCOMPARE(dead.requests, quint64(1));
    QCOMPARE(dead.failures, quint64(1));
    QCOMPARE(dead.successRate, 0.0);
    QVERIFY2(dead.breakerRetryInMs > 50'000 && dead.breakerRetryInMs <= 60'000,
             qPrintable(QString::number(dead.breakerRetryInMs)));
    const EndpointStatus mock = status(QStringLiteral("mock"));
    QCOMPARE(mock.breakerState, QStringLiteral("closed"));
    QCOMPARE(mock.requests, quint64(1));
    QCOMPARE(mock.failures, quint64(0));
    QVERIFY(mock.latencyMs > 0);

    // Nothing announces a breaker change: the window's periodic refresh picks it up.
    static const QRegularExpression openText(QStringLiteral("^Open — retrying in (\\d+) s$"));
    QTRY_VERIFY_WITH_TIMEOUT(openText.match(cell(QStringLiteral("dead"), EndpointModel::StateColumn)).hasMatch(), 5000);
    const int firstCountdown =
        openText.match(cell(QStringLiteral("dead"), EndpointModel::StateColumn)).captured(1).toInt();
    QVERIFY2(firstCountdown > 50 && firstCountdown <= 60, qPrintable(QString::number(firstCountdown)));
    QCOMPARE(cell(QStringLiteral("dead"), EndpointModel::SuccessColumn), QStringLiteral("0%"));
    QCOMPARE(cell(QStringLiteral("dead"), EndpointModel::RequestsColumn), QStringLiteral("1"));

    const QString latency = QLocale().toString(mock.latencyMs, 'f', mock.latencyMs < 10 ? 1 : 0) +
                            QStringLiteral(" ms");
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::LatencyColumn), latency);
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::SuccessColumn), QStringLiteral("100%"));
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::RequestsColumn), QStringLiteral("1"));
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::StateColumn), QStringLiteral("Enabled"));

    // The countdown moves on by itself.
    QTRY_VERIFY_WITH_TIMEOUT(
        openText.match(cell(QStringLiteral("dead"), EndpointModel::StateColumn)).captured(1).toInt() < firstCountdown,
        5000);
}

void TestEndpointState::toggleSwitchesEndpointOffAndOn()
{
    const auto *model = qobject_cast<const EndpointModel *>(m_view->model());
    const int row = model->rowOf(QStringLiteral("mock"));
    QVERIFY(row >= 0);
    const QModelIndex check = m_view->model()->index(row, EndpointModel::IdColumn);
    QCOMPARE(check.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);

    // Space on the focused check box, as a keyboard user switches it.
    m_view->setFocus();
    m_view->setCurrentIndex(check);
    QTest::keyClick(m_view, Qt::Key_Space);
    QTRY_VERIFY(!status(QStringLiteral("mock")).enabled);
    // The row stays where it was, so the selection stays on it.
    QCOMPARE(model->rowOf(QStringLiteral("mock")), row);
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::StateColumn), QStringLiteral("Disabled"));
    QCOMPARE(check.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
    // A disabled endpoint is out of rotation.
    QCOMPARE(chat(QStringLiteral("mock-chat")).status, 404);

    // The menu action works on the selected row and shows its state.
    auto *action = m_shell->mainWindow()->findChild<QAction *>(QStringLiteral("endpointEnabledAction"));
    QVERIFY(action);
    m_view->selectRow(row);
    QVERIFY(action->isEnabled());
    QVERIFY(!action->isChecked());
    action->trigger();
    QVERIFY(status(QStringLiteral("mock")).enabled);
    QVERIFY(action->isChecked());
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::StateColumn), QStringLiteral("Enabled"));
    QCOMPARE(check.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
    QCOMPARE(chat(QStringLiteral("mock-chat")).status, 200);

    m_view->clearSelection();
    QVERIFY(!action->isEnabled());
}

void TestEndpointState::refreshRunsOnlyWhileShown()
{
    MainWindow *window = m_shell->mainWindow();
    QCOMPARE(m_controller->endpointRefreshInterval(), 1000);
    window->hide();
    QCOMPARE(m_controller->endpointRefreshInterval(), 0);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(m_controller->endpointRefreshInterval(), 1000);
}

void TestEndpointState::requestLogShowsFallbackAttempts()
{
    QCOMPARE(chat(QStringLiteral("dead-chat")).status, 200);
    const RequestLogModel *log = m_shell->mainWindow()->requestLogModel();
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, 15'000);
    const int row = log->rowCount() - 1;
    QCOMPARE(log->record(row).endpoint, QStringLiteral("spare"));
    QCOMPARE(log->index(row, RequestLogModel::AttemptsColumn).data().toInt(), 2);
}

void TestEndpointState::statisticsSurviveSwitchingOffAndOn()
{
    QCOMPARE(chat(QStringLiteral("mock-chat")).status, 200);
    QCOMPARE(status(QStringLiteral("mock")).requests, quint64(1));
    m_controller->setEndpointEnabled(QStringLiteral("mock"), false);
    QVERIFY(!status(QStringLiteral("mock")).enabled);
    m_controller->setEndpointEnabled(QStringLiteral("mock"), true);
    const EndpointStatus back = status(QStringLiteral("mock"));
    QVERIFY(back.enabled);
    QCOMPARE(back.requests, quint64(1));
    QVERIFY(back.latencyMs > 0);
    QCOMPARE(cell(QStringLiteral("mock"), EndpointModel::RequestsColumn), QStringLiteral("1"));
}

void TestEndpointState::everyEndpointOffIsNotOnboarding()
{
    for (const QString &id : {QStringLiteral("mock"), QStringLiteral("dead"), QStringLiteral("spare")})
        m_controller->setEndpointEnabled(id, false);
    auto *state = m_shell->mainWindow()->findChild<QLabel *>(QStringLiteral("stateLabel"));
    auto *hint = m_shell->mainWindow()->findChild<QLabel *>(QStringLiteral("onboardingHint"));
    QVERIFY(state && hint);
    QVERIFY(!m_controller->isOnboarding());
    QVERIFY(m_controller->allEndpointsDisabled());
    QTRY_COMPARE(state->text(), QStringLiteral("No endpoint enabled"));
    QVERIFY(!hint->isVisible()); // "No endpoint is configured yet" would be wrong: three are
    const HttpResponse refused = chat(QStringLiteral("mock-chat"));
    QCOMPARE(refused.status, 503);
    QVERIFY2(refused.body.contains("\"no_endpoint_enabled\""), refused.body.constData());
    if (TrayIcon *tray = m_shell->trayIcon())
        QVERIFY2(tray->toolTip().contains(QLatin1String("No endpoint enabled")), qPrintable(tray->toolTip()));

    m_controller->setEndpointEnabled(QStringLiteral("mock"), true);
    QTRY_COMPARE(state->text(), QStringLiteral("Running"));
}

void TestEndpointState::everyEndpointDownShowsInTheBadge()
{
    auto *state = m_shell->mainWindow()->findChild<QLabel *>(QStringLiteral("stateLabel"));
    QVERIFY(state);
    QCOMPARE(state->text(), QStringLiteral("Running"));
    // Only "dead" left on: one refused connection opens its breaker (threshold 1).
    m_controller->setEndpointEnabled(QStringLiteral("mock"), false);
    m_controller->setEndpointEnabled(QStringLiteral("spare"), false);
    QVERIFY(chat(QStringLiteral("dead-chat")).status >= 500);
    QCOMPARE(status(QStringLiteral("dead")).breakerState, QStringLiteral("open"));
    QVERIFY(m_controller->allEndpointsDown());
    // The window's periodic refresh picks the breaker up; the badge no longer says "Running".
    QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Endpoints down"), 5000);
}

QTEST_MAIN(TestEndpointState)
#include "tst_endpointstate.moc"

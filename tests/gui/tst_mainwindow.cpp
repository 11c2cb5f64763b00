// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "ui/desktopshell.h"
#include "ui/mainwindow.h"
#include "ui/requestlogmodel.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowShowsListenUrlAndExample();
    void onboardingExplainsHowToAddEndpoint();
    void requestAppearsInLog();
    void pauseActionPausesProxy();
    void panicActionStopsAllTraffic();
    void logFollowsNewRowsUnlessScrolledUp();
    void trayOnlyWhenAvailable();
    void tryItSendsTheKeyWhenKeysAreRequired();
    void tabLeavesTheTables();
    void trayMenuShowsNoShortcuts();
    void quitAsksTheApplicationToShutDown();
    void openConfigurationFileCreatesIt();
    void droppedRecordsAreShown();
    void germanHeadersFit();

private:
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_shell->mainWindow()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    bool logHasRow(int status, const QString &model) const;
    static RequestRecord syntheticRecord(int n);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_configPath;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
};

void TestMainWindow::initTestCase()
{
    // Window geometry goes to a throwaway settings location, and texts are the English sources.
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // No endpoints from the machine running the test: the proxy must be in onboarding mode.
    ConfigSources sources;
    QString error;
    const ConfigPtr config = test::loadIsolatedConfig(
        m_dir->path(), "server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n", &sources, &error);
    QVERIFY2(config, qPrintable(error));
    m_configPath = sources.configPath;

    m_engine = std::make_unique<Engine>(config, sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestMainWindow::cleanup()
{
    m_shell.reset();
    m_controller.reset();
    QVERIFY(test::stopEngine(m_engine));
    m_dir.reset();
}

void TestMainWindow::windowShowsListenUrlAndExample()
{
    QVERIFY(m_shell->mainWindow()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    const QString url = m_controller->listenUrl();
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(url));
    QVERIFY2(!url.endsWith(QLatin1String(":0")), qPrintable(url));

    auto *label = child<QLabel>("listenUrlLabel");
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QTRY_COMPARE(label->text(), url);

    auto *example = child<QPlainTextEdit>("exampleEdit");
    QVERIFY(example);
    QVERIFY(example->toPlainText().contains(QStringLiteral("OPENAI_BASE_URL=%1/v1").arg(url)));
    QVERIFY(example->toPlainText().contains(url + QStringLiteral("/v1/chat/completions")));
    auto *copy = child<QPushButton>("copyUrlButton");
    QVERIFY(copy);
    QVERIFY(copy->isEnabled());
    QVERIFY(!copy->accessibleName().isEmpty());
}

void TestMainWindow::onboardingExplainsHowToAddEndpoint()
{
    QVERIFY(m_controller->isOnboarding());
    auto *state = child<QLabel>("stateLabel");
    QVERIFY(state);
    QCOMPARE(state->text(), QStringLiteral("Onboarding"));

    auto *hint = child<QLabel>("onboardingHint");
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(m_controller->configPath().toHtmlEscaped()), qPrintable(hint->text()));
    QVERIFY(hint->text().contains(QLatin1String("LLM_PROXY_ENDPOINT_")));

    auto *endpoints = child<QTableView>("endpointView");
    QVERIFY(endpoints);
    QCOMPARE(endpoints->model()->rowCount(), 0);
}

bool TestMainWindow::logHasRow(int status, const QString &model) const
{
    const QAbstractItemModel *log = child<QTableView>("requestLogView")->model();
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->index(row, RequestLogModel::StatusColumn).data().toInt() == status &&
            log->index(row, RequestLogModel::ModelColumn).data().toString() == model)
            return true;
    }
    return false;
}

void TestMainWindow::requestAppearsInLog()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    const QString model = QStringLiteral("gui-smoke-model");
    QVERIFY(!logHasRow(503, model));

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(m_controller->listenUrl() + QStringLiteral("/v1/chat/completions")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("model"), model},
                                  {QStringLiteral("messages"),
                                   QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                          {QStringLiteral("content"), QStringLiteral("hello")}}}}})
            .toJson(QJsonDocument::Compact);
    std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
    const QJsonObject error =
        QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject();
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());

    // The log is fed by coalesced batches, so the row arrives a little after the response.
    QTRY_VERIFY_WITH_TIMEOUT(logHasRow(503, model), 15'000);
}

void TestMainWindow::pauseActionPausesProxy()
{
    QAction *pause = m_shell->actions().pause;
    QVERIFY(pause);
    QVERIFY(pause->isCheckable());
    QVERIFY(!pause->isChecked());
    auto *state = child<QLabel>("stateLabel");

    pause->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isPaused(), 10'000);
    QTRY_COMPARE(state->text(), QStringLiteral("Paused"));
    QVERIFY(pause->isChecked());

    pause->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isPaused(), 10'000);
    QTRY_COMPARE(state->text(), QStringLiteral("Onboarding"));
}

void TestMainWindow::panicActionStopsAllTraffic()
{
    QAction *panic = m_shell->actions().panic;
    QVERIFY(panic);
    QVERIFY(panic->isCheckable());
    QVERIFY(!panic->isChecked());
    QCOMPARE(panic->text(), QStringLiteral("&Stop all traffic"));
    auto *state = child<QLabel>("stateLabel");
    auto *banner = child<QWidget>("panicBanner");
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    // Reachable from the window's toolbar and menu, not only from the tray.
    QVERIFY(!panic->associatedObjects().isEmpty());

    panic->trigger();
    QVERIFY(m_controller->isPanic());
    QCOMPARE(state->text(), QStringLiteral("Traffic stopped"));
    QVERIFY(banner->isVisible());
    QCOMPARE(child<QLabel>("panicLabel")->text(),
             QStringLiteral("<b>All traffic is stopped.</b> The kill switch refuses every inference request with 503 "
                            "until you resume traffic."));
    if (TrayIcon *tray = m_shell->trayIcon())
        QVERIFY2(tray->toolTip().contains(QStringLiteral("All traffic stopped (kill switch)")),
                 qPrintable(tray->toolTip()));

    // The banner's own button releases it.
    auto *resume = child<QPushButton>("resumeTrafficButton");
    QVERIFY(resume);
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(!m_controller->isPanic());
    QVERIFY(!panic->isChecked());
    QVERIFY(!banner->isVisible());
    QCOMPARE(state->text(), QStringLiteral("Onboarding"));

    // Pulled from elsewhere (the admin API goes through the engine): the action follows.
    m_engine->setPanic(true);
    QVERIFY(panic->isChecked());
    QVERIFY(banner->isVisible());
    m_engine->setPanic(false);
    QVERIFY(!panic->isChecked());
    QVERIFY(!banner->isVisible());
}

RequestRecord TestMainWindow::syntheticRecord(int n)
{
    RequestRecord record;
    record.time = QDateTime::currentDateTimeUtc();
    record.requestId = QStringLiteral("req-%1").arg(n);
    record.method = QStringLiteral("POST");
    record.route = QStringLiteral("/v1/chat/completions");
    record.model = QStringLiteral("model-%1").arg(n);
    record.status = 200;
    record.latencyMs = 12.5;
    record.promptTokens = 10;
    record.completionTokens = 20;
    return record;
}

void TestMainWindow::logFollowsNewRowsUnlessScrolledUp()
{
    auto *view = child<QTableView>("requestLogView");
    QVERIFY(view);
    RequestLogModel *log = m_shell->mainWindow()->requestLogModel();
    QScrollBar *bar = view->verticalScrollBar();

    QList<RequestRecord> batch;
    for (int n = 0; n < 300; ++n)
        batch << syntheticRecord(n);
    emit m_controller->requestsFinished(batch);
    QCOMPARE(log->rowCount(), 300);
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Reading older rows: new rows must not yank the view away.
    bar->setValue(10);
    const QString firstVisible =
        view->indexAt(QPoint(5, 5)).siblingAtColumn(RequestLogModel::ModelColumn).data().toString();
    batch.clear();
    for (int n = 300; n < 350; ++n)
        batch << syntheticRecord(n);
    emit m_controller->requestsFinished(batch);
    QCOMPARE(log->rowCount(), 350);
    QCOMPARE(bar->value(), 10);
    QCOMPARE(view->indexAt(QPoint(5, 5)).siblingAtColumn(RequestLogModel::ModelColumn).data().toString(), firstVisible);

    // Past the cap the oldest rows go, and the rows being read stay in view.
    bar->setValue(150);
    const QString reading = view->indexAt(QPoint(5, 5)).siblingAtColumn(RequestLogModel::ModelColumn).data().toString();
    QCOMPARE(reading, QStringLiteral("model-150"));
    batch.clear();
    for (int n = 350; n < log->maxRows() + 100; ++n)
        batch << syntheticRecord(n);
    emit m_controller->requestsFinished(batch);
    QCOMPARE(log->rowCount(), log->maxRows());
    QCOMPARE(log->record(0).requestId, QStringLiteral("req-100"));
    QCOMPARE(log->record(log->rowCount() - 1).requestId, QStringLiteral("req-%1").arg(log->maxRows() + 99));
    QCOMPARE(bar->value(), 50);
    QCOMPARE(view->indexAt(QPoint(5, 5)).siblingAtColumn(RequestLogModel::ModelColumn).data().toString(), reading);
}

void TestMainWindow::trayOnlyWhenAvailable()
{
    const bool available = QSystemTrayIcon::isSystemTrayAvailable();
    QCOMPARE(m_shell->trayIcon() != nullptr, available);
    // Without a tray, closing the window must quit rather than leave an invisible process.
    QCOMPARE(m_shell->mainWindow()->hideOnClose(), available);
    QCOMPARE(QGuiApplication::quitOnLastWindowClosed(), !available);
}

void TestMainWindow::tryItSendsTheKeyWhenKeysAreRequired()
{
    // This proxy takes no keys: the example needs none.
    QVERIFY(!m_controller->clientKeyRequired());
    auto *example = child<QPlainTextEdit>("exampleEdit");
    QVERIFY(example);
    QTRY_VERIFY(!example->toPlainText().isEmpty());
    QVERIFY(!example->toPlainText().contains(QLatin1String("Authorization")));

    // With keys, pasting the example must not end in 401: it sends the key, and never a real one.
    const QString withKey = MainWindow::exampleText(QStringLiteral("http://127.0.0.1:8090"), QStringLiteral("m"), true);
    QVERIFY2(withKey.contains(QLatin1String("-H \"Authorization: Bearer $OPENAI_API_KEY\"")), qPrintable(withKey));
    QVERIFY2(withKey.contains(QLatin1String("export OPENAI_API_KEY=YOUR_PROXY_KEY\n")), qPrintable(withKey));
    QVERIFY(withKey.contains(QLatin1String("curl http://127.0.0.1:8090/v1/chat/completions \\\n")));
}

void TestMainWindow::tabLeavesTheTables()
{
    // Tab moves on to the next control instead of cycling through cells, so every part of the
    // window, the request log included, is reachable from the keyboard.
    auto *endpoints = child<QTableView>("endpointView");
    auto *log = child<QTableView>("requestLogView");
    QVERIFY(endpoints && log);
    QVERIFY(!endpoints->tabKeyNavigation());
    QVERIFY(!log->tabKeyNavigation());
    m_shell->mainWindow()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_shell->mainWindow()));
    endpoints->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(endpoints->hasFocus());
    bool reachedLog = false;
    for (int i = 0; i < 20 && !reachedLog; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        reachedLog = log->hasFocus();
    }
    QVERIFY(reachedLog);
}

void TestMainWindow::trayMenuShowsNoShortcuts()
{
    // A shortcut shown in the tray menu would promise a key that does nothing there; the window's
    // menu bar (not a context menu) still shows them.
    const ShellActions &actions = m_shell->actions();
    for (QAction *action :
         {actions.open, actions.pause, actions.panic, actions.copyUrl, actions.openConfig, actions.quit}) {
        QVERIFY2(!action->isShortcutVisibleInContextMenu(), qPrintable(action->objectName()));
    }
    QCOMPARE(actions.quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
}

void TestMainWindow::quitAsksTheApplicationToShutDown()
{
    // Quit is a request to the application, never a window close that a tray could veto.
    QSignalSpy quit(m_shell.get(), &DesktopShell::quitRequested);
    m_shell->mainWindow()->setHideOnClose(true); // as with a tray
    m_shell->actions().quit->trigger();
    QCOMPARE(quit.count(), 1);
    QTest::keyClick(m_shell->mainWindow(), Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(quit.count(), 2);
}

/// Receives what QDesktopServices would open.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls.append(url); }
};

void TestMainWindow::openConfigurationFileCreatesIt()
{
    const QString missing = m_dir->filePath(QStringLiteral("new/dir/config.yaml"));
    QString error;
    QVERIFY2(DesktopShell::ensureConfigFile(missing, &error), qPrintable(error));
    QFile created(missing);
    QVERIFY(created.open(QIODevice::ReadOnly));
    const QByteArray text = created.readAll();
    QVERIFY2(text.contains("Reload configuration"), text.constData());
    // Everything in it is commented out: the proxy behaves as before, and the file loads.
    ConfigSources sources;
    sources.configPath = missing;
    sources.configPathExplicit = true;
    sources.environment = QProcessEnvironment();
    const ConfigLoadResult loaded = loadConfig(sources);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.config->endpoints.size(), 0);
    // An existing file is left as it is.
    QVERIFY(DesktopShell::ensureConfigFile(m_configPath, &error));
    QFile existing(m_configPath);
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QVERIFY(existing.readAll().startsWith("server:"));

    // The action opens the file in use with the desktop's handler.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    m_shell->actions().openConfig->trigger();
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(m_configPath)});
    QVERIFY(m_shell->mainWindow()->statusBar()->currentMessage().contains(QLatin1String("Reload configuration")));
}

void TestMainWindow::droppedRecordsAreShown()
{
    auto *label = child<QLabel>("droppedRecordsLabel");
    QVERIFY(label);
    QCOMPARE(m_controller->droppedRecords(), quint64(0));
    QVERIFY(!label->isVisible());
    emit m_controller->droppedRecordsChanged(1234);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QLatin1String("requests missing from the log")), qPrintable(label->text()));
    QVERIFY2(label->text().contains(QLocale().toString(1234)), qPrintable(label->text()));
}

void TestMainWindow::germanHeadersFit()
{
    // A window built in German fits its request log columns to the German headers.
    m_shell.reset();
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
    auto *log = child<QTableView>("requestLogView");
    QVERIFY(log);
    QCOMPARE(log->model()->headerData(RequestLogModel::TokensInColumn, Qt::Horizontal).toString(),
             QStringLiteral("Eingabe-Tokens"));
    QHeaderView *header = log->horizontalHeader();
    for (int column = 0; column < RequestLogModel::ColumnCount - 1; ++column) {
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                                .arg(log->model()->headerData(column, Qt::Horizontal).toString())
                                .arg(header->sectionSize(column))
                                .arg(header->sectionSizeHint(column))));
    }
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

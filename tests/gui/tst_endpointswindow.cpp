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
#include "ui/endpointswindow.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

/// The Endpoints window over a running in-process gateway with a mock upstream, driven through its
/// widgets: reordering configured endpoints (requests follow, a restart keeps it), editing and
/// deleting run-time endpoints, refused edits, resetting a breaker and checking health on demand.
class TestEndpointsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reachableFromShellMenuAndPalette();
    void priorityOfConfiguredEndpointReordersAndPersists();
    void configuredEndpointTakesOnlyPriorityAndWeight();
    void moveUpSwapsPriorities();
    void editRunTimeEndpoint();
    void invalidEditShowsErrorAndChangesNothing();
    void deleteRunTimeEndpoint();
    void configuredEndpointIsNotDeleted();
    void resetOpenBreaker();
    void probeNowUpdatesHealth();
    void contextMenuHasEveryAction();
    void screenshot();

private:
    void startEngine();
    void stopEngine();
    HttpResponse chat(const QString &model) const;
    QTableView *table() const;
    int rowOf(const QString &id) const;
    QString cell(const QString &id, int column) const;
    std::optional<RegistryEntry> entry(const QString &id) const;
    void select(const QString &id);
    void click(const char *button);
    EndpointEditDialog *openEditor(const QString &id);
    void addRunTimeEndpoint(const QString &id);

    std::unique_ptr<MockUpstreamProcess> m_mock;
    RefusingPort m_refusing; ///< the dead endpoint's port: refuses for the whole run
    quint16 m_deadPort = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    EndpointsWindow *m_window = nullptr;
};

void TestEndpointsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_mock =
        std::make_unique<MockUpstreamProcess>(QStringList{QStringLiteral("--models"), QStringLiteral("mock-chat")});
    QVERIFY2(m_mock->start(), qPrintable(m_mock->errorString()));
    m_deadPort = m_refusing.port();
}

void TestEndpointsWindow::init()
{
    QVERIFY(m_mock->reset());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(m_dataDir));
    startEngine();
}

void TestEndpointsWindow::cleanup()
{
    stopEngine();
    m_dir.reset();
}

void TestEndpointsWindow::startEngine()
{
    ProxyConfig config;
    EndpointSpec mock;
    mock.id = QStringLiteral("mock");
    mock.baseUrl = m_mock->baseUrl();
    mock.models = {QStringLiteral("mock-chat")};
    mock.apiKey = QStringLiteral("sk-upstream");
    EndpointSpec backup = mock;
    backup.id = QStringLiteral("backup");
    backup.priority = 5;
    EndpointSpec dead = mock;
    dead.id = QStringLiteral("dead");
    dead.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(m_deadPort);
    dead.models = {QStringLiteral("dead-chat")};
    dead.priority = 9;
    config.endpoints = {mock, backup, dead};
    // No scheduled health checks: only the test's requests and checks move breakers and health.
    config.extraYaml = "routing:\n"
                       "  retry: {max_attempts: 1, base_delay_ms: 0, max_delay_ms: 0}\n"
                       "  circuit_breaker: {failure_threshold: 1, recovery_s: 60}\n"
                       "  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_engine = std::make_unique<Engine>(loaded, sources);
    m_engine->setDataDirectory(m_dataDir);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
    m_shell->showEndpoints();
    m_window = m_shell->endpointsWindow();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
}

void TestEndpointsWindow::stopEngine()
{
    m_window = nullptr;
    m_shell.reset();
    m_controller.reset();
    QVERIFY(llmproxy::test::stopEngine(m_engine));
}

HttpResponse TestEndpointsWindow::chat(const QString &model) const
{
    return HttpClient::postJson(QUrl(m_controller->listenUrl() + QStringLiteral("/v1/chat/completions")),
                                chatRequest(model, QStringLiteral("hello there")));
}

QTableView *TestEndpointsWindow::table() const
{
    return m_window->findChild<QTableView *>(QStringLiteral("endpointTable"));
}

int TestEndpointsWindow::rowOf(const QString &id) const
{
    const QAbstractItemModel *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, EndpointsWindow::IdColumn).data().toString() == id)
            return row;
    }
    return -1;
}

QString TestEndpointsWindow::cell(const QString &id, int column) const
{
    const int row = rowOf(id);
    return row < 0 ? QStringLiteral("<no row %1>").arg(id) : table()->model()->index(row, column).data().toString();
}

std::optional<RegistryEntry> TestEndpointsWindow::entry(const QString &id) const
{
    for (const RegistryEntry &r : m_engine->registry()) {
        if (r.config.id == id)
            return r;
    }
    return std::nullopt;
}

void TestEndpointsWindow::select(const QString &id)
{
    const int row = rowOf(id);
    QVERIFY2(row >= 0, qPrintable(id));
    const QRect rect = table()->visualRect(table()->model()->index(row, EndpointsWindow::IdColumn));
    QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_window->selectedId(), id);
}

void TestEndpointsWindow::click(const char *button)
{
    auto *b = m_window->findChild<QToolButton *>(QLatin1String(button));
    QVERIFY2(b, button);
    QVERIFY2(b->isEnabled(), button);
    QTest::mouseClick(b, Qt::LeftButton);
}

EndpointEditDialog *TestEndpointsWindow::openEditor(const QString &id)
{
    select(id);
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Return);
    EndpointEditDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = m_window->findChild<EndpointEditDialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

void TestEndpointsWindow::addRunTimeEndpoint(const QString &id)
{
    JsonFieldError error;
    const std::optional<NewEndpoint> n =
        parseNewEndpoint(QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("base_url"), m_mock->baseUrl()},
                                     {QStringLiteral("models"), QJsonArray{QStringLiteral("added-model")}},
                                     {QStringLiteral("api_key_env"), QStringLiteral("ADDED_KEY")},
                                     {QStringLiteral("priority"), 3}},
                         ServerConfig(), &error);
    QVERIFY2(n, qPrintable(error.message));
    QCOMPARE(m_engine->addEndpoint(*n), RegistryChange::Done);
    QTRY_VERIFY(rowOf(id) >= 0);
}

void TestEndpointsWindow::reachableFromShellMenuAndPalette()
{
    QAction *action = m_shell->actions().endpoints;
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    bool inMenu = false;
    for (QAction *menu : m_shell->mainWindow()->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(action))
            inMenu = true;
    }
    QVERIFY(inMenu);
    m_window->close();
    QVERIFY(!m_window->isVisible());
    action->trigger();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_controller->endpointRefreshInterval() > 0);
    // Every endpoint, in routing order.
    QCOMPARE(rowOf(QStringLiteral("mock")), 0);
    QCOMPARE(rowOf(QStringLiteral("backup")), 1);
    QCOMPARE(rowOf(QStringLiteral("dead")), 2);
    QCOMPARE(cell(QStringLiteral("backup"), EndpointsWindow::PriorityColumn), QStringLiteral("5"));
    QCOMPARE(cell(QStringLiteral("mock"), EndpointsWindow::EnabledColumn), QStringLiteral("Yes"));
    // The Add button asks for the wizard.
    QSignalSpy add(m_window, &EndpointsWindow::addRequested);
    click("addButton");
    QCOMPARE(add.count(), 1);
}

void TestEndpointsWindow::priorityOfConfiguredEndpointReordersAndPersists()
{
    QCOMPARE(chat(QStringLiteral("mock-chat")).header("x-llmproxy-endpoint"), QByteArray("mock"));
    QPointer<EndpointEditDialog> dialog = openEditor(QStringLiteral("backup"));
    QVERIFY(dialog);
    QVERIFY(!dialog->isFullyEditable());
    auto *priority = dialog->findChild<QSpinBox *>(QStringLiteral("prioritySpin"));
    auto *weight = dialog->findChild<QSpinBox *>(QStringLiteral("weightSpin"));
    priority->selectAll();
    QTest::keyClicks(priority, QStringLiteral("-2"));
    weight->selectAll();
    QTest::keyClicks(weight, QStringLiteral("4"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());

    QCOMPARE(entry(QStringLiteral("backup"))->config.priority, -2);
    QCOMPARE(entry(QStringLiteral("backup"))->config.weight, 4);
    QTRY_COMPARE(rowOf(QStringLiteral("backup")), 0);
    QCOMPARE(cell(QStringLiteral("backup"), EndpointsWindow::WeightColumn), QStringLiteral("4"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(chat(QStringLiteral("mock-chat")).header("x-llmproxy-endpoint"), QByteArray("backup"));
    QTRY_COMPARE(cell(QStringLiteral("backup"), EndpointsWindow::RequestsColumn), QStringLiteral("3"));
    QVERIFY(cell(QStringLiteral("backup"), EndpointsWindow::P50Column) != QStringLiteral("–"));

    const QJsonObject expected{{u"priority"_s, -2}, {u"weight"_s, 4}};
    const QByteArray saved = savedRuntimeState(m_dataDir, u"registry"_s, [&expected](const QJsonObject &o) {
        return o.value("overrides"_L1).toObject().value("backup"_L1).toObject() == expected;
    });
    const QJsonObject overrides = QJsonDocument::fromJson(saved).object().value("overrides"_L1).toObject();
    QCOMPARE(overrides.value("backup"_L1).toObject(), expected);

    // A restart on the same data directory keeps it.
    stopEngine();
    startEngine();
    QCOMPARE(entry(QStringLiteral("backup"))->config.priority, -2);
    QCOMPARE(rowOf(QStringLiteral("backup")), 0);
    QCOMPARE(chat(QStringLiteral("mock-chat")).header("x-llmproxy-endpoint"), QByteArray("backup"));
}

void TestEndpointsWindow::configuredEndpointTakesOnlyPriorityAndWeight()
{
    QPointer<EndpointEditDialog> dialog = openEditor(QStringLiteral("mock"));
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->isReadOnly());
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("modelsEdit"))->isReadOnly());
    const QString note = dialog->findChild<QLabel *>(QStringLiteral("editNoteLabel"))->text();
    QVERIFY2(note.contains(QStringLiteral("config.yaml")) && note.contains(QStringLiteral("priority")),
             qPrintable(note));
    dialog->reject();
}

void TestEndpointsWindow::moveUpSwapsPriorities()
{
    select(QStringLiteral("backup"));
    click("upButton");
    QTRY_COMPARE(rowOf(QStringLiteral("backup")), 0);
    QTRY_COMPARE(entry(QStringLiteral("mock"))->config.priority, 5);
    QCOMPARE(entry(QStringLiteral("backup"))->config.priority, 0);
    QCOMPARE(m_window->selectedId(), QStringLiteral("backup"));
    QVERIFY(!m_window->findChild<QToolButton *>(QStringLiteral("upButton"))->isEnabled());
    // Keyboard: Ctrl+Down moves it back below mock.
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Down, Qt::ControlModifier);
    QTRY_COMPARE(entry(QStringLiteral("mock"))->config.priority, 0);
    QTRY_COMPARE(rowOf(QStringLiteral("mock")), 0);
    QCOMPARE(entry(QStringLiteral("backup"))->config.priority, 5);
}

void TestEndpointsWindow::editRunTimeEndpoint()
{
    addRunTimeEndpoint(QStringLiteral("added"));
    QPointer<EndpointEditDialog> dialog = openEditor(QStringLiteral("added"));
    QVERIFY(dialog);
    QVERIFY(dialog->isFullyEditable());
    auto *models = dialog->findChild<QLineEdit *>(QStringLiteral("modelsEdit"));
    models->selectAll();
    QTest::keyClicks(models, QStringLiteral("renamed-a, renamed-b"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QCOMPARE(entry(QStringLiteral("added"))->config.models,
             (QStringList{QStringLiteral("renamed-a"), QStringLiteral("renamed-b")}));
    QCOMPARE(entry(QStringLiteral("added"))->config.apiKeyEnv, QStringLiteral("ADDED_KEY"));
    QTRY_COMPARE(cell(QStringLiteral("added"), EndpointsWindow::ModelsColumn), QStringLiteral("renamed-a, renamed-b"));
    QCOMPARE(chat(QStringLiteral("renamed-b")).header("x-llmproxy-endpoint"), QByteArray("added"));
}

void TestEndpointsWindow::invalidEditShowsErrorAndChangesNothing()
{
    addRunTimeEndpoint(QStringLiteral("added"));
    QPointer<EndpointEditDialog> dialog = openEditor(QStringLiteral("added"));
    QVERIFY(dialog);
    auto *url = dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("ftp://example.com/v1"));
    auto *priority = dialog->findChild<QSpinBox *>(QStringLiteral("prioritySpin"));
    priority->selectAll();
    QTest::keyClicks(priority, QStringLiteral("7"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("editErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("base_url")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(entry(QStringLiteral("added"))->config.baseUrl, m_mock->baseUrl());
    QCOMPARE(entry(QStringLiteral("added"))->config.priority, 3);
    dialog->reject();
    QCOMPARE(cell(QStringLiteral("added"), EndpointsWindow::BaseUrlColumn), m_mock->baseUrl());
}

void TestEndpointsWindow::deleteRunTimeEndpoint()
{
    addRunTimeEndpoint(QStringLiteral("added"));
    select(QStringLiteral("added"));
    table()->setFocus();
    QTest::keyClick(table(), Qt::Key_Delete);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("added")));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY(!entry(QStringLiteral("added")));
    QTRY_COMPARE(rowOf(QStringLiteral("added")), -1);
    QTRY_VERIFY2(m_window->message().contains(QStringLiteral("deleted")), qPrintable(m_window->message()));
    const QByteArray saved = savedRuntimeState(
        m_dataDir, u"registry"_s, [](const QJsonObject &o) { return o.value("added"_L1).toArray().isEmpty(); });
    QVERIFY2(QJsonDocument::fromJson(saved).object().value("added"_L1).toArray().isEmpty(), saved.constData());
}

void TestEndpointsWindow::configuredEndpointIsNotDeleted()
{
    select(QStringLiteral("mock"));
    click("deleteButton");
    QVERIFY2(m_window->message().contains(QStringLiteral("disable it instead")), qPrintable(m_window->message()));
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation")));
    QVERIFY(entry(QStringLiteral("mock")));
    // Disabling it works, and the button says Enable afterwards.
    click("toggleButton");
    QTRY_VERIFY(!entry(QStringLiteral("mock"))->config.enabled);
    QTRY_COMPARE(cell(QStringLiteral("mock"), EndpointsWindow::EnabledColumn), QStringLiteral("No"));
    QCOMPARE(chat(QStringLiteral("mock-chat")).header("x-llmproxy-endpoint"), QByteArray("backup"));
    QTRY_COMPARE(m_window->findChild<QToolButton *>(QStringLiteral("toggleButton"))->text(), QStringLiteral("Enable"));
}

void TestEndpointsWindow::resetOpenBreaker()
{
    select(QStringLiteral("dead"));
    QVERIFY(!m_window->findChild<QToolButton *>(QStringLiteral("resetButton"))->isEnabled());
    QVERIFY(chat(QStringLiteral("dead-chat")).status >= 500);
    QTRY_VERIFY2(cell(QStringLiteral("dead"), EndpointsWindow::BreakerColumn).startsWith(QStringLiteral("Open")),
                 qPrintable(cell(QStringLiteral("dead"), EndpointsWindow::BreakerColumn)));
    QTRY_VERIFY(!cell(QStringLiteral("dead"), EndpointsWindow::LastErrorColumn).isEmpty());
    click("resetButton");
    QTRY_COMPARE(breakerStateName(entry(QStringLiteral("dead"))->health->breaker.state(m_engine->nowMs())),
                 QStringLiteral("closed"));
    QTRY_COMPARE(cell(QStringLiteral("dead"), EndpointsWindow::BreakerColumn), QStringLiteral("Closed"));
    QTRY_VERIFY(m_window->message().contains(QStringLiteral("closed")));
}

void TestEndpointsWindow::probeNowUpdatesHealth()
{
    QCOMPARE(cell(QStringLiteral("mock"), EndpointsWindow::HealthColumn), QStringLiteral("Unknown"));
    select(QStringLiteral("mock"));
    click("probeButton");
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("mock"), EndpointsWindow::HealthColumn), QStringLiteral("Healthy"),
                              10'000);
    select(QStringLiteral("dead"));
    click("probeButton");
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("dead"), EndpointsWindow::HealthColumn), QStringLiteral("Unhealthy"),
                              10'000);
    QVERIFY(
        m_window->findChild<QLabel *>(QStringLiteral("detailLabel"))->text().contains(QStringLiteral("checked at")));
}

void TestEndpointsWindow::contextMenuHasEveryAction()
{
    select(QStringLiteral("backup"));
    const QRect rect = table()->visualRect(table()->model()->index(rowOf(QStringLiteral("backup")), 0));
    emit table()->customContextMenuRequested(rect.center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_window->findChild<QMenu *>()) && menu->isVisible());
    QStringList names;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            names << a->objectName();
    }
    QCOMPARE(names, (QStringList{u"editEndpointAction"_s, u"toggleEndpointAction"_s, u"probeEndpointAction"_s,
                                 u"resetBreakerAction"_s, u"moveUpAction"_s, u"moveDownAction"_s,
                                 u"addEndpointAction"_s, u"deleteEndpointAction"_s}));
    menu->close();
}

void TestEndpointsWindow::screenshot()
{
    // Traffic, a failure with an open breaker and a health check, as a user sees them.
    addRunTimeEndpoint(QStringLiteral("added"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(chat(QStringLiteral("mock-chat")).status, 200);
    QVERIFY(chat(QStringLiteral("dead-chat")).status >= 500);
    select(QStringLiteral("mock"));
    click("probeButton");
    QTRY_COMPARE_WITH_TIMEOUT(cell(QStringLiteral("mock"), EndpointsWindow::HealthColumn), QStringLiteral("Healthy"),
                              10'000);
    QTRY_VERIFY(cell(QStringLiteral("dead"), EndpointsWindow::BreakerColumn).startsWith(QStringLiteral("Open")));
    m_window->resize(1200, 700);
    const QString dir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(m_window->grab().save(QDir(dir).filePath(QStringLiteral("endpoints-live.png"))));
    QPointer<EndpointEditDialog> dialog = openEditor(QStringLiteral("backup"));
    QVERIFY(dialog);
    QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("endpoints-edit-configured.png"))));
    dialog->reject();
    dialog = openEditor(QStringLiteral("added"));
    QVERIFY(dialog);
    QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("endpoints-edit-runtime.png"))));
    dialog->reject();
}

QTEST_MAIN(TestEndpointsWindow)
#include "tst_endpointswindow.moc"

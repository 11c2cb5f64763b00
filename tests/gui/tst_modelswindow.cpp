// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"
#include "ui/desktopshell.h"
#include "ui/mainwindow.h"
#include "ui/modelswindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;

/// The Models window against a running in-process gateway whose two endpoints ("mock" serving
/// mock-chat, "second" serving second-model) are the mock upstream, with config.yaml's alias
/// fast → mock-chat. Every change is made through the window's widgets and checked with a real
/// request through the gateway and in what is kept for the next start (runtime_state in the data
/// directory's database).
class TestModelsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reachableFromMenuTrayAndPalette();
    void showsModelsWithEndpointsAliasesAndChains();
    void aliasAddedInTheDialogServesRequests();
    void configAliasRemoved();
    void invalidAliasShowsTheErrorAndChangesNothing();
    void fallbackChainAddedAndReordered();
    void routeOverrideMovesClaudeCode();
    void revertAllBringsTheConfigurationBack();

private:
    template <typename T> T *child(QWidget *parent, const char *name) const
    {
        return parent ? parent->findChild<T *>(QLatin1String(name)) : nullptr;
    }
    template <typename T> T *child(const char *name) const { return child<T>(m_window, name); }
    ModelsWindow *openModels();
    /// The dialog named `name` once it is shown.
    QWidget *dialog(const char *name) const;
    /// Selects the row of `table` whose first column reads `key`.
    bool selectRow(const char *table, const QString &key);
    static void setComboText(QComboBox *combo, const QString &text);
    HttpResponse chat(const QString &model) const;
    HttpResponse messages(const QString &model) const;
    QJsonObject routingFile() const;
    QString lastUpstreamModel() const;

    std::unique_ptr<MockUpstreamProcess> m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    ModelsWindow *m_window = nullptr;
};

void TestModelsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_mock = std::make_unique<MockUpstreamProcess>(
        QStringList{QStringLiteral("--models"), QStringLiteral("mock-chat,second-model")});
    QVERIFY2(m_mock->start(), qPrintable(m_mock->errorString()));
}

void TestModelsWindow::init()
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
    EndpointSpec second = mock;
    second.id = QStringLiteral("second");
    second.models = {QStringLiteral("second-model")};
    second.priority = 10;
    config.endpoints = {mock, second};
    config.extraYaml = "routing:\n  health: {interval_s: 0}\n"
                       "model_aliases:\n  fast: mock-chat\n";
    ConfigSources sources;
    QString error;
    const ConfigPtr loaded = loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error);
    QVERIFY2(loaded, qPrintable(error));
    m_engine = std::make_unique<Engine>(loaded, sources);
    m_engine->setDataDirectory(QDir(m_dir->path()).filePath(QStringLiteral("data")));
    QVERIFY(QDir().mkpath(m_engine->dataDirectory()));
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestModelsWindow::cleanup()
{
    m_window = nullptr;
    m_shell.reset();
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
}

ModelsWindow *TestModelsWindow::openModels()
{
    m_shell->actions().models->trigger();
    m_window = m_shell->modelsWindow();
    if (!m_window || !QTest::qWaitForWindowExposed(m_window))
        return nullptr;
    return m_window;
}

QWidget *TestModelsWindow::dialog(const char *name) const
{
    QWidget *found = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            found = child<QWidget>(name);
            return found && found->isVisible();
        },
        5'000);
    return shown ? found : nullptr;
}

bool TestModelsWindow::selectRow(const char *table, const QString &key)
{
    auto *view = child<QTableWidget>(table);
    if (!view)
        return false;
    for (int row = 0; row < view->rowCount(); ++row) {
        if (view->item(row, 0) && view->item(row, 0)->text() == key) {
            const QRect rect = view->visualItemRect(view->item(row, 0));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
            return view->currentRow() == row;
        }
    }
    return false;
}

void TestModelsWindow::setComboText(QComboBox *combo, const QString &text)
{
    combo->setFocus();
    combo->lineEdit()->selectAll();
    QTest::keyClick(combo->lineEdit(), Qt::Key_Delete);
    QTest::keyClicks(combo->lineEdit(), text);
}

HttpResponse TestModelsWindow::chat(const QString &model) const
{
    return HttpClient::postJson(QUrl(m_controller->listenUrl() + QStringLiteral("/v1/chat/completions")),
                                chatRequest(model, QStringLiteral("hello")));
}

HttpResponse TestModelsWindow::messages(const QString &model) const
{
    const QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("max_tokens"), 64},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), QStringLiteral("hello")}}}}};
    const HeaderList headers{{"anthropic-version", "2023-06-01"}, {"content-type", "application/json"}};
    return HttpClient::request("POST", QUrl(m_controller->listenUrl() + QStringLiteral("/v1/messages")), headers,
                               QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QJsonObject TestModelsWindow::routingFile() const
{
    return QJsonDocument::fromJson(savedRuntimeState(m_engine->dataDirectory(), QStringLiteral("routing"))).object();
}

QString TestModelsWindow::lastUpstreamModel() const
{
    const QList<MockRequest> requests = m_mock->inferenceRequests();
    return requests.isEmpty() ? QString() : requests.last().json().value(QStringLiteral("model")).toString();
}

void TestModelsWindow::reachableFromMenuTrayAndPalette()
{
    QAction *models = m_shell->actions().models;
    QVERIFY(models);
    bool inMenu = false;
    for (QAction *menu : m_shell->mainWindow()->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(models))
            inMenu = true;
    }
    QVERIFY(inMenu);
    {
        TrayIcon tray(m_controller.get(), m_shell->actions());
        auto *icon = tray.findChild<QSystemTrayIcon *>();
        QVERIFY(icon && icon->contextMenu());
        QVERIFY(icon->contextMenu()->actions().contains(models));
    }
    // The keyboard shortcut from the main window.
    m_shell->mainWindow()->activateWindow();
    QTest::keyClick(m_shell->mainWindow(), Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_shell->modelsWindow() && m_shell->modelsWindow()->isVisible());
    m_window = m_shell->modelsWindow();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Models and routing — LLMProxy"));
    QVERIFY(child<QLabel>("introLabel")->text().contains(QLatin1String("not rewritten")));
    // Every control of the form has a name a screen reader can say (Qt's own parts, such as
    // headers and a combo's popup, have no object name).
    for (QWidget *widget : m_window->findChildren<QWidget *>()) {
        if (widget->objectName().isEmpty() || widget->objectName().startsWith(QLatin1String("qt_")))
            continue;
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
            qobject_cast<QAbstractItemView *>(widget) || qobject_cast<QTabWidget *>(widget))
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
    }
    // The geometry is remembered.
    m_window->resize(900, 560);
    m_window->close();
    m_shell.reset();
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    QVERIFY(openModels());
    QCOMPARE(m_window->size(), QSize(900, 560));
}

void TestModelsWindow::showsModelsWithEndpointsAliasesAndChains()
{
    QVERIFY(openModels());
    auto *tabs = child<QTabWidget>("tabs");
    tabs->setCurrentIndex(0);
    auto *tree = child<QTreeWidget>("modelsTree");
    const auto row = [&](const QString &model) -> QTreeWidgetItem * {
        const QList<QTreeWidgetItem *> found = tree->findItems(model, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.first();
    };
    QTRY_VERIFY(row(QStringLiteral("mock-chat")));
    QVERIFY(row(QStringLiteral("mock-chat"))->text(1).startsWith(QLatin1String("mock (openai_compatible, ")));
    QCOMPARE(row(QStringLiteral("mock-chat"))->text(2), QStringLiteral("fast"));
    QVERIFY(row(QStringLiteral("second-model"))->text(1).startsWith(QLatin1String("second (")));
    QCOMPARE(row(QStringLiteral("fast"))->text(1), QStringLiteral("alias of mock-chat"));
    auto *aliases = child<QTableWidget>("aliasesTable");
    QCOMPARE(aliases->rowCount(), 1);
    QCOMPARE(aliases->item(0, 0)->text(), QStringLiteral("fast"));
    QCOMPARE(aliases->item(0, 2)->text(), QStringLiteral("config.yaml"));

    // A chain set elsewhere (the admin API) appears at once, in both tabs.
    QVERIFY(
        m_controller
            ->setFallbackChain(QStringLiteral("second-model"), {{QStringLiteral("mock"), QStringLiteral("mock-chat")}})
            .isEmpty());
    QTRY_COMPARE(row(QStringLiteral("second-model"))->text(3), QStringLiteral("mock · mock-chat"));
    auto *chains = child<QTableWidget>("chainsTable");
    QCOMPARE(chains->rowCount(), 1);
    QCOMPARE(chains->item(0, 2)->text(), QStringLiteral("Changed here"));

    // Switching an endpoint off takes its models out.
    m_controller->setEndpointEnabled(QStringLiteral("second"), false);
    QTRY_VERIFY(!row(QStringLiteral("second-model")));
}

void TestModelsWindow::aliasAddedInTheDialogServesRequests()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(1);
    QCOMPARE(chat(QStringLiteral("smart")).status, 404);

    QTest::mouseClick(child<QPushButton>("aliasAddButton"), Qt::LeftButton);
    QWidget *add = dialog("aliasDialog");
    QVERIFY(add);
    QTest::keyClicks(child<QLineEdit>(add, "aliasNameEdit"), QStringLiteral("smart"));
    auto *target = child<QComboBox>(add, "aliasTargetCombo");
    QVERIFY(target->findText(QStringLiteral("second-model")) >= 0);
    setComboText(target, QStringLiteral("second-model"));
    QTest::mouseClick(child<QDialogButtonBox>(add, "aliasButtons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!child<QWidget>("aliasDialog"));

    auto *table = child<QTableWidget>("aliasesTable");
    QTRY_COMPARE(table->rowCount(), 2);
    QVERIFY(selectRow("aliasesTable", QStringLiteral("smart")));
    QCOMPARE(table->item(table->currentRow(), 1)->text(), QStringLiteral("second-model"));
    QCOMPARE(table->item(table->currentRow(), 2)->text(), QStringLiteral("Changed here"));

    const HttpResponse served = chat(QStringLiteral("smart"));
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(served.header("x-llmproxy-endpoint"), QByteArray("second"));
    QCOMPARE(lastUpstreamModel(), QStringLiteral("second-model"));
    QTRY_COMPARE(routingFile().value(QStringLiteral("model_aliases")).toObject().value(QStringLiteral("smart")),
                 QJsonValue(QStringLiteral("second-model")));

    // Edit it (Enter on the selected row opens the dialog): renamed and retargeted.
    QTest::mouseClick(child<QPushButton>("aliasEditButton"), Qt::LeftButton);
    QWidget *edit = dialog("aliasDialog");
    QVERIFY(edit);
    auto *name = child<QLineEdit>(edit, "aliasNameEdit");
    QCOMPARE(name->text(), QStringLiteral("smart"));
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("clever"));
    setComboText(child<QComboBox>(edit, "aliasTargetCombo"), QStringLiteral("mock-chat"));
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY(!child<QWidget>("aliasDialog"));
    QTRY_VERIFY(routingFile().value(QStringLiteral("model_aliases")).toObject().contains(QStringLiteral("clever")));
    QCOMPARE(chat(QStringLiteral("clever")).header("x-llmproxy-endpoint"), QByteArray("mock"));
    QCOMPARE(chat(QStringLiteral("smart")).status, 404);
}

void TestModelsWindow::configAliasRemoved()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(1);
    QCOMPARE(chat(QStringLiteral("fast")).status, 200);
    QVERIFY(!child<QPushButton>("aliasRemoveButton")->isEnabled());
    QVERIFY(selectRow("aliasesTable", QStringLiteral("fast")));
    QVERIFY(child<QPushButton>("aliasRemoveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("aliasRemoveButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QTableWidget>("aliasesTable")->rowCount(), 0);
    QCOMPARE(chat(QStringLiteral("fast")).status, 404);
    // Kept once the store's writer has committed it.
    QTRY_VERIFY(routingFile().value(QStringLiteral("model_aliases")).toObject().contains(QStringLiteral("fast")));
    const QJsonObject aliases = routingFile().value(QStringLiteral("model_aliases")).toObject();
    QVERIFY(aliases.value(QStringLiteral("fast")).isNull());
    QVERIFY(child<QLabel>("statusLabel")->text().contains(QLatin1String("fast")));
}

void TestModelsWindow::invalidAliasShowsTheErrorAndChangesNothing()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(1);
    const RoutingView before = m_controller->routing();
    QTest::mouseClick(child<QPushButton>("aliasAddButton"), Qt::LeftButton);
    QWidget *add = dialog("aliasDialog");
    QVERIFY(add);
    QTest::keyClicks(child<QLineEdit>(add, "aliasNameEdit"), QStringLiteral("anything"));
    setComboText(child<QComboBox>(add, "aliasTargetCombo"), QStringLiteral("gpt-*"));
    QTest::mouseClick(child<QDialogButtonBox>(add, "aliasButtons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    auto *error = child<QLabel>(add, "aliasErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("pattern")), qPrintable(error->text()));
    QVERIFY(add->isVisible());
    QTest::qWait(200);
    QCOMPARE(m_controller->routing(), before);
    QCOMPARE(child<QTableWidget>("aliasesTable")->rowCount(), 1);
    QVERIFY(savedRuntimeState(m_engine->dataDirectory(), QStringLiteral("routing")).isEmpty());
    QCOMPARE(chat(QStringLiteral("anything")).status, 404);
    // Cancel closes it with nothing changed.
    QTest::keyClick(add, Qt::Key_Escape);
    QTRY_VERIFY(!child<QWidget>("aliasDialog"));
    QCOMPARE(m_controller->routing(), before);
}

void TestModelsWindow::fallbackChainAddedAndReordered()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(2);
    // second-model has no chain: when its endpoint fails, the request fails.
    const QJsonArray failures{QJsonObject{{QStringLiteral("status"), 500}},
                              QJsonObject{{QStringLiteral("status"), 500}},
                              QJsonObject{{QStringLiteral("status"), 500}}};
    QVERIFY(m_mock->script(failures));
    QCOMPARE(chat(QStringLiteral("second-model")).status, 500);
    QVERIFY(m_mock->reset());

    QTest::mouseClick(child<QPushButton>("chainAddButton"), Qt::LeftButton);
    QWidget *add = dialog("fallbackChainDialog");
    QVERIFY(add);
    setComboText(child<QComboBox>(add, "chainModelCombo"), QStringLiteral("second-model"));
    auto *endpoint = child<QComboBox>(add, "hopEndpointCombo");
    QVERIFY(endpoint->findText(QStringLiteral("openai_compatible")) >= 0); // providers are offered beside endpoint ids
    setComboText(endpoint, QStringLiteral("second"));
    setComboText(child<QComboBox>(add, "hopModelCombo"), QStringLiteral("second-model"));
    QTest::mouseClick(child<QPushButton>(add, "addHopButton"), Qt::LeftButton);
    setComboText(endpoint, QStringLiteral("mock"));
    setComboText(child<QComboBox>(add, "hopModelCombo"), QStringLiteral("mock-chat"));
    QTest::mouseClick(child<QPushButton>(add, "addHopButton"), Qt::LeftButton);
    auto *hops = child<QListWidget>(add, "hopsList");
    QCOMPARE(hops->count(), 2);
    // mock · mock-chat first, then the second hop removed.
    QCOMPARE(hops->currentRow(), 1);
    QTest::mouseClick(child<QPushButton>(add, "upHopButton"), Qt::LeftButton);
    QCOMPARE(hops->item(0)->text(), QStringLiteral("mock · mock-chat"));
    hops->setCurrentRow(1);
    QTest::mouseClick(child<QPushButton>(add, "removeHopButton"), Qt::LeftButton);
    QCOMPARE(hops->count(), 1);
    QTest::mouseClick(child<QDialogButtonBox>(add, "chainButtons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!child<QWidget>("fallbackChainDialog"));

    auto *table = child<QTableWidget>("chainsTable");
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("second-model"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("mock · mock-chat"));
    QVERIFY(m_mock->script(failures.first().toObject()));
    const HttpResponse served = chat(QStringLiteral("second-model"));
    QVERIFY2(served.status == 200, qPrintable(served.describe()));
    QCOMPARE(served.header("x-llmproxy-endpoint"), QByteArray("mock"));
    QCOMPARE(lastUpstreamModel(), QStringLiteral("mock-chat"));
    QTRY_VERIFY(
        routingFile().value(QStringLiteral("fallback_chains")).toObject().contains(QStringLiteral("second-model")));

    // An empty chain is refused in the dialog; Remove takes the chain out.
    QVERIFY(selectRow("chainsTable", QStringLiteral("second-model")));
    QTest::mouseClick(child<QPushButton>("chainEditButton"), Qt::LeftButton);
    QWidget *edit = dialog("fallbackChainDialog");
    QVERIFY(edit);
    child<QListWidget>(edit, "hopsList")->setCurrentRow(0);
    QTest::mouseClick(child<QPushButton>(edit, "removeHopButton"), Qt::LeftButton);
    QTest::mouseClick(child<QDialogButtonBox>(edit, "chainButtons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(child<QLabel>(edit, "chainErrorLabel")->isVisible());
    QTest::mouseClick(child<QDialogButtonBox>(edit, "chainButtons")->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!child<QWidget>("fallbackChainDialog"));
    QCOMPARE(m_controller->routing().chains.size(), 1);
    QVERIFY(selectRow("chainsTable", QStringLiteral("second-model")));
    QTest::mouseClick(child<QPushButton>("chainRemoveButton"), Qt::LeftButton);
    QTRY_COMPARE(table->rowCount(), 0);
}

void TestModelsWindow::routeOverrideMovesClaudeCode()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(3);
    QCOMPARE(messages(QStringLiteral("claude-sonnet-4-5")).status, 404);

    auto *model = child<QComboBox>("messagesModelCombo");
    QCOMPARE(model->currentText(), QStringLiteral("As requested"));
    setComboText(model, QStringLiteral("mock-chat"));
    // The endpoints' live counters change while the main window shows them: what is typed stays.
    m_controller->setEndpointRefreshInterval(50);
    QSignalSpy endpointsChanged(m_controller.get(), &EngineController::endpointsChanged);
    QCOMPARE(chat(QStringLiteral("mock-chat")).status, 200);
    QVERIFY(endpointsChanged.wait(5'000));
    QCOMPARE(model->currentText(), QStringLiteral("mock-chat"));
    auto *endpoint = child<QComboBox>("messagesEndpointCombo");
    endpoint->setFocus();
    QTest::keyClick(endpoint, Qt::Key_Down); // Any endpoint → mock
    QTest::keyClick(endpoint, Qt::Key_Down); // → second
    QCOMPARE(endpoint->currentText(), QStringLiteral("second"));
    QTest::mouseClick(child<QPushButton>("messagesApplyButton"), Qt::LeftButton);
    QTRY_VERIFY(m_controller->routing().clientRoutes.contains(QStringLiteral("messages")));
    QVERIFY(child<QLabel>("routesStatusLabel")->text().contains(QLatin1String("mock-chat")));

    const HttpResponse moved = messages(QStringLiteral("claude-sonnet-4-5"));
    QVERIFY2(moved.status == 200, qPrintable(moved.describe()));
    QCOMPARE(moved.header("x-llmproxy-endpoint"), QByteArray("second"));
    QCOMPARE(lastUpstreamModel(), QStringLiteral("mock-chat"));
    // Other tools still go where they ask.
    QCOMPARE(chat(QStringLiteral("claude-sonnet-4-5")).status, 404);
    QTRY_COMPARE(routingFile()
                     .value(QStringLiteral("client_routes"))
                     .toObject()
                     .value(QStringLiteral("messages"))
                     .toObject()
                     .value(QStringLiteral("model")),
                 QJsonValue(QStringLiteral("mock-chat")));
    // The row shows the override after a refresh from the engine.
    QCOMPARE(child<QComboBox>("messagesModelCombo")->currentText(), QStringLiteral("mock-chat"));
    QCOMPARE(child<QComboBox>("messagesEndpointCombo")->currentText(), QStringLiteral("second"));

    // Back to "As requested".
    model->setCurrentIndex(0);
    QTest::mouseClick(child<QPushButton>("messagesApplyButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_controller->routing().clientRoutes.contains(QStringLiteral("messages")));
    QCOMPARE(messages(QStringLiteral("claude-sonnet-4-5")).status, 404);
}

void TestModelsWindow::revertAllBringsTheConfigurationBack()
{
    QVERIFY(openModels());
    child<QTabWidget>("tabs")->setCurrentIndex(1);
    QVERIFY(selectRow("aliasesTable", QStringLiteral("fast")));
    QTest::mouseClick(child<QPushButton>("aliasRemoveButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QTableWidget>("aliasesTable")->rowCount(), 0);
    QCOMPARE(chat(QStringLiteral("fast")).status, 404);

    // Cancel first: nothing happens.
    QTest::mouseClick(child<QPushButton>("resetButton"), Qt::LeftButton);
    QWidget *box = dialog("revertConfirmation");
    QVERIFY(box);
    QTest::mouseClick(qobject_cast<QMessageBox *>(box)->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!child<QWidget>("revertConfirmation"));
    QTest::qWait(100);
    QCOMPARE(child<QTableWidget>("aliasesTable")->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>("resetButton"), Qt::LeftButton);
    box = dialog("revertConfirmation");
    QVERIFY(box);
    QTest::mouseClick(child<QPushButton>(box, "revertConfirmButton"), Qt::LeftButton);
    QTRY_COMPARE(child<QTableWidget>("aliasesTable")->rowCount(), 1);
    QCOMPARE(child<QTableWidget>("aliasesTable")->item(0, 2)->text(), QStringLiteral("config.yaml"));
    QCOMPARE(chat(QStringLiteral("fast")).status, 200);
}

QTEST_MAIN(TestModelsWindow)
#include "tst_modelswindow.moc"

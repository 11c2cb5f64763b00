// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"
#include "ui/connecttooldialog.h"
#include "ui/desktopshell.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

/// The Connect a tool dialog driven through its widgets, in a temporary home directory, against
/// an engine inside the test process (proxy key required) in front of the mock upstream.
class TestConnectTool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reachableFromTheMenu();
    void claudeCodeWriteTestAndUndo();
    void zedMergeKeepsCommentsAndUndoRestoresBytes();
    void unreadableFileIsRefusedAndUntouched();
    void codexTestRequestGoesThroughResponses();
    void wrongKeyShowsTheGatewaysError();
    void createdKeyIsWrittenAndAccepted();
    void toolWithoutAFileOnlyShowsSettings();

private:
    ConnectToolDialog *openDialog();
    void chooseTool(const QString &name);
    QString homeFile(const QString &relative) const { return QDir(m_home->path()).filePath(relative); }
    QByteArray read(const QString &relative) const;
    QString label(const char *name) const;
    QPushButton *button(const char *name) const;
    /// Clicks "Send a test request" and waits for the answer.
    QPair<bool, QString> runTest();

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MockUpstreamProcess> m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    ConnectToolDialog *m_dialog = nullptr;
};

constexpr char kProxyKey[] = "sk-gui-test-key";

void TestConnectTool::initTestCase()
{
    // Every file the dialog writes lands in this home directory (QDir::homePath() reads HOME).
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    qputenv("HOME", m_home->path().toUtf8());
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_mock = std::make_unique<MockUpstreamProcess>(QStringList{u"--models"_s, u"mock-chat"_s});
    QVERIFY2(m_mock->start(), qPrintable(m_mock->errorString()));
}

void TestConnectTool::init()
{
    QVERIFY(m_mock->reset());
    m_dir = std::make_unique<QTemporaryDir>();
    ProxyConfig config;
    EndpointSpec mock;
    mock.id = u"mock"_s;
    mock.baseUrl = m_mock->baseUrl();
    mock.models = {u"mock-chat"_s};
    mock.apiKey = u"sk-upstream"_s;
    config.endpoints = {mock};
    config.extraYaml = "routing:\n  health: {interval_s: 0}\n";
    ConfigSources sources;
    QString error;
    QVERIFY2(loadIsolatedConfig(m_dir->path(), config.toYaml(), &sources, &error), qPrintable(error));
    QProcessEnvironment environment;
    environment.insert(u"LLM_PROXY_API_KEYS"_s, QString::fromLatin1(kProxyKey));
    sources.environment = environment;
    const ConfigLoadResult loaded = loadConfig(sources);
    QVERIFY(loaded.ok());
    m_engine = std::make_unique<Engine>(std::make_shared<const Config>(*loaded.config), sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isListening(), 10'000);
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestConnectTool::cleanup()
{
    m_dialog = nullptr;
    m_shell.reset();
    m_controller.reset();
    QVERIFY(stopEngine(m_engine));
    m_dir.reset();
    // Each test starts from an empty home directory.
    QDir(m_home->path()).removeRecursively();
    QDir().mkpath(m_home->path());
}

ConnectToolDialog *TestConnectTool::openDialog()
{
    m_shell->actions().connectTool->trigger();
    m_dialog = m_shell->connectToolDialog();
    if (!m_dialog || !QTest::qWaitForWindowExposed(m_dialog))
        return nullptr;
    return m_dialog;
}

void TestConnectTool::chooseTool(const QString &name)
{
    auto *list = m_dialog->findChild<QListWidget *>(u"toolList"_s);
    const QList<QListWidgetItem *> items = list->findItems(name, Qt::MatchExactly);
    QCOMPARE(items.size(), 1);
    list->scrollToItem(items.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
    QCOMPARE(list->currentItem(), items.first());
    QCOMPARE(label("toolTitle"), name);
}

QByteArray TestConnectTool::read(const QString &relative) const
{
    QFile file(homeFile(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QString TestConnectTool::label(const char *name) const
{
    const auto *l = m_dialog->findChild<QLabel *>(QString::fromLatin1(name));
    return l ? l->text() : u"<no label %1>"_s.arg(QLatin1String(name));
}

QPushButton *TestConnectTool::button(const char *name) const
{
    return m_dialog->findChild<QPushButton *>(QString::fromLatin1(name));
}

QPair<bool, QString> TestConnectTool::runTest()
{
    QSignalSpy finished(m_dialog, &ConnectToolDialog::testFinished);
    QTest::mouseClick(button("testButton"), Qt::LeftButton);
    // The window stays responsive: the request runs asynchronously.
    if (!finished.wait(30'000))
        return {false, u"no answer"_s};
    return {finished.first().at(0).toBool(), finished.first().at(1).toString()};
}

void TestConnectTool::reachableFromTheMenu()
{
    QAction *action = m_shell->actions().connectTool;
    QVERIFY(action);
    bool inMenu = false;
    for (QAction *menu : m_shell->mainWindow()->menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(action))
            inMenu = true;
    }
    QVERIFY(inMenu);
    QVERIFY(openDialog());
    QCOMPARE(m_dialog->findChild<QListWidget *>(u"toolList"_s)->count(), 8);
    // The URL is the gateway's, and the models are the ones it serves.
    QCOMPARE(m_dialog->findChild<QLineEdit *>(u"urlEdit"_s)->text(), m_controller->listenUrl());
    QCOMPARE(m_dialog->findChild<QComboBox *>(u"modelCombo"_s)->currentText(), u"mock-chat"_s);
    QVERIFY(label("keyHint").contains(u"asks for a proxy key"_s));
}

void TestConnectTool::claudeCodeWriteTestAndUndo()
{
    QVERIFY(openDialog());
    chooseTool(u"Claude Code"_s);
    auto *key = m_dialog->findChild<QLineEdit *>(u"keyEdit"_s);
    key->setFocus();
    QTest::keyClicks(key, QString::fromLatin1(kProxyKey));

    // The settings shown carry the root URL (no /v1), the key and the model.
    const QString shown = m_dialog->findChild<QPlainTextEdit *>(u"snippet0"_s)->toPlainText();
    QVERIFY2(shown.contains(u"\"ANTHROPIC_BASE_URL\": \"%1\""_s.arg(m_controller->listenUrl())), qPrintable(shown));
    QVERIFY(shown.contains(QString::fromLatin1(kProxyKey)));
    QVERIFY(shown.contains(u"\"ANTHROPIC_MODEL\": \"mock-chat\""_s));
    QVERIFY(label("targetPathLabel").contains(homeFile(u".claude/settings.json"_s)));
    QVERIFY(!button("undoButton")->isEnabled());

    QTest::mouseClick(button("writeButton"), Qt::LeftButton);
    QVERIFY2(label("writeResultLabel").startsWith(u"Created "_s), qPrintable(label("writeResultLabel")));
    const QJsonObject env = QJsonDocument::fromJson(read(u".claude/settings.json"_s)).object().value(u"env").toObject();
    QCOMPARE(env.value(u"ANTHROPIC_BASE_URL").toString(), m_controller->listenUrl());
    QCOMPARE(env.value(u"ANTHROPIC_AUTH_TOKEN").toString(), QString::fromLatin1(kProxyKey));
    QCOMPARE(env.value(u"ANTHROPIC_MODEL").toString(), u"mock-chat"_s);
    QVERIFY(button("undoButton")->isEnabled());

    // The test request goes to /v1/messages as Claude Code sends it and comes back translated.
    const auto [ok, message] = runTest();
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.startsWith(u"HTTP 200"_s), qPrintable(message));
    QVERIFY2(label("testResultLabel").contains(u"connection working"_s), qPrintable(label("testResultLabel")));
    const QList<MockRequest> upstream = m_mock->inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().json().value(u"model").toString(), u"mock-chat"_s);

    QTest::mouseClick(button("undoButton"), Qt::LeftButton);
    QVERIFY2(label("writeResultLabel").startsWith(u"Removed "_s), qPrintable(label("writeResultLabel")));
    QVERIFY(!QFileInfo::exists(homeFile(u".claude/settings.json"_s)));
    QVERIFY(!button("undoButton")->isEnabled());
}

void TestConnectTool::zedMergeKeepsCommentsAndUndoRestoresBytes()
{
    const QByteArray original = "// my Zed settings\n{\n  \"theme\": \"One Dark\", // keep\n  \"vim_mode\": true,\n}\n";
    QDir().mkpath(homeFile(u".config/zed"_s));
    QFile file(homeFile(u".config/zed/settings.json"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(original);
    file.close();

    QVERIFY(openDialog());
    chooseTool(u"Zed"_s);
    QTest::mouseClick(button("writeButton"), Qt::LeftButton);
    QVERIFY2(label("writeResultLabel").contains(u"previous file is saved as"_s), qPrintable(label("writeResultLabel")));
    const QByteArray written = read(u".config/zed/settings.json"_s);
    QVERIFY2(written.startsWith("// my Zed settings\n{\n  \"theme\": \"One Dark\", // keep\n  \"vim_mode\": true,"),
             written.constData());
    QVERIFY(written.contains(QByteArray("\"api_url\": \"" + m_controller->listenUrl().toUtf8() + "/v1\"")));
    QVERIFY(written.contains("\"name\": \"mock-chat\""));
    const QStringList backups =
        QDir(homeFile(u".config/zed"_s)).entryList({u"settings.json.llmproxy-*.bak"_s}, QDir::Files);
    QCOMPARE(backups.size(), 1);

    QTest::mouseClick(button("undoButton"), Qt::LeftButton);
    QVERIFY2(label("writeResultLabel").startsWith(u"Restored "_s), qPrintable(label("writeResultLabel")));
    QCOMPARE(read(u".config/zed/settings.json"_s), original);
}

void TestConnectTool::unreadableFileIsRefusedAndUntouched()
{
    const QByteArray broken = "model = \"o3\"\n[model_providers.x\nname = 1\n";
    QDir().mkpath(homeFile(u".codex"_s));
    QFile file(homeFile(u".codex/config.toml"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(broken);
    file.close();

    QVERIFY(openDialog());
    chooseTool(u"Codex CLI"_s);
    QTest::mouseClick(button("writeButton"), Qt::LeftButton);
    const QString result = label("writeResultLabel");
    QVERIFY2(result.startsWith(u"Not written: "_s) && result.contains(homeFile(u".codex/config.toml"_s) + u":2:"_s),
             qPrintable(result));
    QCOMPARE(read(u".codex/config.toml"_s), broken);
    QCOMPARE(QDir(homeFile(u".codex"_s)).entryList(QDir::Files).size(), 1);
    QVERIFY(!button("undoButton")->isEnabled());
}

void TestConnectTool::codexTestRequestGoesThroughResponses()
{
    QVERIFY(openDialog());
    chooseTool(u"Codex CLI"_s);
    QTest::keyClicks(m_dialog->findChild<QLineEdit *>(u"keyEdit"_s), QString::fromLatin1(kProxyKey));
    QTest::mouseClick(button("writeButton"), Qt::LeftButton);
    const QByteArray toml = read(u".codex/config.toml"_s);
    QVERIFY2(toml.contains("model_provider = \"llmproxy\"") && toml.contains("wire_api = \"responses\"") &&
                 toml.contains("experimental_bearer_token = \"sk-gui-test-key\""),
             toml.constData());
    const auto [ok, message] = runTest();
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.contains(u"connection working"_s), qPrintable(message));
}

void TestConnectTool::createdKeyIsWrittenAndAccepted()
{
    QVERIFY(openDialog());
    chooseTool(u"Codex CLI"_s);
    auto *key = m_dialog->findChild<QLineEdit *>(u"keyEdit"_s);
    QTest::mouseClick(button("createKeyButton"), Qt::LeftButton);
    QTRY_VERIFY(key->text().startsWith(u"sk-llmproxy-"_s));
    QVERIFY2(label("keyHint").contains(u"“codex”"_s), qPrintable(label("keyHint")));
    const QString created = key->text();
    QTest::mouseClick(button("writeButton"), Qt::LeftButton);
    QVERIFY(read(u".codex/config.toml"_s).contains(created.toLatin1()));
    const auto [ok, message] = runTest(); // the gateway accepts the new key
    QVERIFY2(ok, qPrintable(message));
    // A second key for the same tool gets the next free name.
    QTest::mouseClick(button("createKeyButton"), Qt::LeftButton);
    QTRY_VERIFY(key->text() != created && key->text().startsWith(u"sk-llmproxy-"_s));
    QVERIFY2(label("keyHint").contains(u"“codex-2”"_s), qPrintable(label("keyHint")));
}

void TestConnectTool::wrongKeyShowsTheGatewaysError()
{
    QVERIFY(openDialog());
    chooseTool(u"Aider"_s);
    QTest::keyClicks(m_dialog->findChild<QLineEdit *>(u"keyEdit"_s), u"sk-wrong"_s);
    const auto [ok, message] = runTest();
    QVERIFY(!ok);
    QVERIFY2(message.startsWith(u"HTTP 401"_s), qPrintable(message));
    QCOMPARE(label("testResultLabel"), message);
    QCOMPARE(m_mock->inferenceRequests().size(), 0);
}

void TestConnectTool::toolWithoutAFileOnlyShowsSettings()
{
    QVERIFY(openDialog());
    chooseTool(u"Cursor"_s);
    QVERIFY(!m_dialog->findChild<QWidget *>(u"writeGroup"_s)->isEnabled());
    QVERIFY(label("toolNote").contains(u"internet"_s));
    const QString shown = m_dialog->findChild<QPlainTextEdit *>(u"snippet0"_s)->toPlainText();
    QVERIFY2(shown.contains(m_controller->listenUrl() + u"/v1"_s), qPrintable(shown));
    QTest::mouseClick(button("copySnippet0"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), shown);
}

QTEST_MAIN(TestConnectTool)
#include "tst_connecttool.moc"

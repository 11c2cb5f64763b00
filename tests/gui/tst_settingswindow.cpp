// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configedit.h"
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "ui/appearance.h"
#include "ui/autostart.h"
#include "ui/commandpalette.h"
#include "ui/connecttooldialog.h"
#include "ui/desktopshell.h"
#include "ui/mainwindow.h"
#include "ui/playgroundwindow.h"
#include "ui/settingswindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

#ifdef LLMPROXY_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QProcess>
#endif

using namespace llmproxy;

#ifdef LLMPROXY_HAVE_QTDBUS
/// A freedesktop portal that only knows the colour scheme, on the test's private session bus.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint scheme = 0;

    /// A connection of its own, as a separate portal process would have.
    static QDBusConnection portalBus()
    {
        return QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-portal"));
    }

    /// Changes the preference and says so, as the portal does.
    void setScheme(uint value)
    {
        scheme = value;
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/portal/desktop"),
                                                         QStringLiteral("org.freedesktop.portal.Settings"),
                                                         QStringLiteral("SettingChanged"));
        signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
               << QVariant::fromValue(QDBusVariant(value));
        portalBus().send(signal);
    }

public slots:
    QDBusVariant Read(const QString &group, const QString &key)
    {
        if (group != QLatin1String("org.freedesktop.appearance") || key != QLatin1String("color-scheme"))
            return QDBusVariant(QVariant());
        // Read wraps the value in one variant more than SettingChanged.
        return QDBusVariant(QVariant::fromValue(QDBusVariant(scheme)));
    }
};
#endif

namespace {

/// The configuration the engine starts with: comments a user wrote, which edits must keep.
constexpr char kStartConfig[] = "# my proxy\n"
                                "server:\n"
                                "  host: 127.0.0.1 # only this machine\n"
                                "discovery:\n"
                                "  local_scan: false\n"
                                "logging:\n"
                                "  # quiet by default\n"
                                "  level: info\n";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

/// The Settings window on the offscreen platform, with a running in-process engine whose
/// configuration file lives in a temporary directory, and QSettings and the autostart entry in a
/// temporary XDG_CONFIG_HOME (set in main() before the application exists).
class TestSettingsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reachableFromMenuAndShortcut();
    void validateShowsLineAndColumn();
    void problemClickMovesTheCursor();
    void applyRefusesAnInvalidText();
    void applyWritesAndTheEngineReloads();
    void revertPutsTheFileBack();
    void loggingPageEditsKeepComments();
    void lanSwitchNeedsAKey();
    void lanSwitchWritesTheAddress();
    void themeSwitchChangesThePalette();
    void systemThemeFollowsThePortal();
    void languageSwitchRetranslates();
    void autostartWritesAndRemovesTheDesktopFile();
    void settingsPersistAcrossWindows();
    void dataDirectoryIsShown();
    void keyEditsKeepCommentsOrSaySo();
    void clientKeysAreCreatedListedAndRevoked();
    void screenshots();

private:
    void startShell();
    SettingsWindow *openSettings();
    template <typename T> T *child(const char *name) const
    {
        return m_shell->settingsWindow() ? m_shell->settingsWindow()->findChild<T *>(QLatin1String(name)) : nullptr;
    }
    /// Ticks or unticks a check box with the keyboard, as a user does.
    static void toggle(QCheckBox *check)
    {
        check->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(check, Qt::Key_Space);
    }
    /// Chooses `index` in a combo box with the keyboard, as a user does.
    static void chooseWithKeys(QComboBox *combo, int index);
    void setEditorText(const QString &text);
    QString saveShot(QWidget *window, const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_configPath;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    QPalette m_startPalette;
#ifdef LLMPROXY_HAVE_QTDBUS
    FakePortal m_portal;
    bool m_portalRegistered = false;
#endif
};

void TestSettingsWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_startPalette = QApplication::palette();
    QVERIFY(!qEnvironmentVariable("XDG_CONFIG_HOME").isEmpty());
#ifdef LLMPROXY_HAVE_QTDBUS
    // Before the first theme is applied: the application asks the portal then.
    QDBusConnection bus = FakePortal::portalBus();
    m_portalRegistered = bus.isConnected() &&
                         bus.registerObject(QStringLiteral("/org/freedesktop/portal/desktop"), &m_portal,
                                            QDBusConnection::ExportAllSlots) &&
                         bus.registerService(QStringLiteral("org.freedesktop.portal.Desktop"));
#endif
}

void TestSettingsWindow::init()
{
    // Every test starts from nothing saved: system theme, system language, no autostart entry.
    QSettings().clear();
    QSettings(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy")).clear();
    QString error;
    Autostart().setEnabled(false, &error);
    Appearance::apply(Appearance::Theme::System);

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ConfigSources sources;
    const ConfigPtr config = test::loadIsolatedConfig(m_dir->path(), kStartConfig, &sources, &error);
    QVERIFY2(config, qPrintable(error));
    m_configPath = sources.configPath;
    m_engine = std::make_unique<Engine>(config, sources);
    m_engine->setDataDirectory(QDir(m_dir->path()).filePath(QStringLiteral("data")));
    QVERIFY(QDir().mkpath(m_engine->dataDirectory()));
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    startShell();
}

void TestSettingsWindow::startShell()
{
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestSettingsWindow::cleanup()
{
    m_shell.reset();
    m_controller.reset();
    QVERIFY(test::stopEngine(m_engine));
    m_dir.reset();
    Appearance::apply(Appearance::Theme::System);
}

SettingsWindow *TestSettingsWindow::openSettings()
{
    m_shell->showSettings();
    SettingsWindow *window = m_shell->settingsWindow();
    if (!window || !QTest::qWaitForWindowExposed(window))
        return nullptr;
    return window;
}

void TestSettingsWindow::chooseWithKeys(QComboBox *combo, int index)
{
    combo->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < index; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
}

void TestSettingsWindow::setEditorText(const QString &text)
{
    auto *editor = child<QPlainTextEdit>("configEditor");
    QVERIFY(editor);
    editor->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(editor, Qt::Key_Delete);
    // Typed line by line: the editor does not indent by itself, so the text arrives as it is.
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QTest::keyClicks(editor, lines.at(i));
        if (i + 1 < lines.size())
            QTest::keyClick(editor, Qt::Key_Return);
    }
    QCOMPARE(editor->toPlainText(), text);
}

QString TestSettingsWindow::saveShot(QWidget *window, const QString &name) const
{
    const QString dir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    // Layouts settle through posted events (a problem list shown, a palette applied).
    QTest::qWait(100);
    return window->grab().save(path) ? path : QString();
}

void TestSettingsWindow::reachableFromMenuAndShortcut()
{
    QAction *settings = m_shell->actions().settings;
    QVERIFY(settings);
    QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QCOMPARE(settings->menuRole(), QAction::PreferencesRole);
    // In the main window's Edit menu.
    bool inEditMenu = false;
    for (QAction *menuAction : m_shell->mainWindow()->menuBar()->actions()) {
        if (menuAction->menu() && menuAction->text() == QLatin1String("&Edit"))
            inEditMenu = menuAction->menu()->actions().contains(settings);
    }
    QVERIFY(inEditMenu);
    // The shortcut opens it from the main window.
    QVERIFY(!m_shell->settingsWindow());
    m_shell->mainWindow()->activateWindow();
    QTest::keyClick(m_shell->mainWindow(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(m_shell->settingsWindow() && m_shell->settingsWindow()->isVisible());
    QCOMPARE(m_shell->settingsWindow()->windowTitle(), QStringLiteral("Settings — LLMProxy"));
    // Every control has an accessible name.
    for (QWidget *widget : m_shell->settingsWindow()->findChildren<QWidget *>()) {
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QSpinBox *>(widget) ||
            qobject_cast<QListWidget *>(widget)) {
            if (widget->parentWidget() && (qobject_cast<QComboBox *>(widget->parentWidget()) ||
                                           qobject_cast<QAbstractSpinBox *>(widget->parentWidget())))
                continue; // a part of a control that carries the name
            if (qobject_cast<QAbstractButton *>(widget) && !qobject_cast<QCheckBox *>(widget) &&
                widget->objectName().isEmpty())
                continue; // the dialog button box's own Close button carries its text
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }
}

void TestSettingsWindow::validateShowsLineAndColumn()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ConfigPage);
    setEditorText(QStringLiteral("server:\n  host: 127.0.0.1\n  port: abc\n"));
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    auto *problems = child<QListWidget>("problemList");
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->count(), 1);
    // Exactly as `llmproxy --check-config` prints it: the same loader, the same file name.
    const QString expected =
        QStringLiteral("error: %1:3:9: server.port: expected an integer between 1 and 65535, got abc")
            .arg(m_configPath);
    QCOMPARE(problems->item(0)->text(), expected);
    QVERIFY(child<QLabel>("configStatusLabel")->text().contains(QLatin1String("1 error")));

    // A YAML syntax error carries its line and column too.
    setEditorText(QStringLiteral("server:\n  host: 127.0.0.1\n port: 8090\n"));
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    QCOMPARE(problems->count(), 1);
    QVERIFY2(problems->item(0)->text().startsWith(QStringLiteral("error: %1:3:").arg(m_configPath)) &&
                 problems->item(0)->text().contains(QLatin1String("YAML syntax error")),
             qPrintable(problems->item(0)->text()));

    // A valid text says so, as --check-config does.
    setEditorText(QStringLiteral("server:\n  host: 127.0.0.1\n"));
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    QCOMPARE(child<QLabel>("configStatusLabel")->text(),
             QStringLiteral("configuration OK: %1, 0 endpoint(s)").arg(m_configPath));
}

void TestSettingsWindow::problemClickMovesTheCursor()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ConfigPage);
    setEditorText(QStringLiteral("# comment\nserver:\n  host: 127.0.0.1\n  port: abc\n"));
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    auto *problems = child<QListWidget>("problemList");
    QCOMPARE(problems->count(), 1);
    auto *editor = child<QPlainTextEdit>("configEditor");
    editor->moveCursor(QTextCursor::Start);
    const QRect rect = problems->visualItemRect(problems->item(0));
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(editor->textCursor().blockNumber(), 3);     // line 4
    QCOMPARE(editor->textCursor().positionInBlock(), 8); // column 9
}

void TestSettingsWindow::applyRefusesAnInvalidText()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ConfigPage);
    const QByteArray before = readFile(m_configPath);
    QSignalSpy reloaded(m_controller.get(), &EngineController::configReloaded);
    setEditorText(QStringLiteral("server:\n  port: 99999\n"));
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(readFile(m_configPath), before);
    QVERIFY(!QFile::exists(m_configPath + QStringLiteral(".bak")));
    QVERIFY(child<QLabel>("configStatusLabel")->text().startsWith(QLatin1String("Not applied")));
    QCOMPARE(child<QListWidget>("problemList")->count(), 1);
    QTest::qWait(50);
    QCOMPARE(reloaded.count(), 0);
    // Listening beyond this computer without a key validates in the loader, but the engine would
    // refuse to start with it: refused too.
    setEditorText(QStringLiteral("server:\n  host: 0.0.0.0\n"));
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QCOMPARE(readFile(m_configPath), before);
    QVERIFY(
        child<QListWidget>("problemList")->item(0)->text().contains(QLatin1String("refusing to listen on 0.0.0.0")));
    // What the user typed is still there.
    QCOMPARE(child<QPlainTextEdit>("configEditor")->toPlainText(), QStringLiteral("server:\n  host: 0.0.0.0\n"));
}

void TestSettingsWindow::applyWritesAndTheEngineReloads()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ConfigPage);
    const QByteArray before = readFile(m_configPath);
    QCOMPARE(m_engine->config()->endpoints.size(), 0);
    const QString text = QStringLiteral("# edited in the window\n"
                                        "server:\n  host: 127.0.0.1\n"
                                        "discovery:\n  local_scan: false\n"
                                        "endpoints:\n  mock:\n    base_url: http://127.0.0.1:9/v1\n"
                                        "    models: [m1]\n");
    setEditorText(text);
    QSignalSpy reloaded(m_controller.get(), &EngineController::configReloaded);
    QTest::mouseClick(child<QPushButton>("applyButton"), Qt::LeftButton);
    QTRY_COMPARE(reloaded.count(), 1);
    QCOMPARE(reloaded.at(0).at(0).toBool(), true);
    QCOMPARE(readFile(m_configPath), text.toUtf8());
    QCOMPARE(readFile(m_configPath + QStringLiteral(".bak")), before);
    QCOMPARE(m_engine->config()->endpoints.size(), 1);
    QCOMPARE(m_engine->config()->endpoints.at(0).id, QStringLiteral("mock"));
    const QString status = child<QLabel>("configStatusLabel")->text();
    QVERIFY2(status.contains(QLatin1String("Reloaded: configuration reloaded (1 endpoints)")), qPrintable(status));
    QVERIFY(!child<QPlainTextEdit>("configEditor")->document()->isModified());
}

void TestSettingsWindow::revertPutsTheFileBack()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ConfigPage);
    auto *editor = child<QPlainTextEdit>("configEditor");
    QCOMPARE(editor->toPlainText(), QString::fromUtf8(kStartConfig));
    QVERIFY(!child<QPushButton>("revertButton")->isEnabled());
    setEditorText(QStringLiteral("garbage: [\n"));
    QVERIFY(child<QPushButton>("revertButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>("revertButton"), Qt::LeftButton);
    QCOMPARE(editor->toPlainText(), QString::fromUtf8(kStartConfig));
    QCOMPARE(readFile(m_configPath), QByteArray(kStartConfig));
}

void TestSettingsWindow::loggingPageEditsKeepComments()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::LoggingPage);
    auto *level = child<QComboBox>("logLevelCombo");
    QCOMPARE(level->currentData().toString(), QStringLiteral("info"));
    QVERIFY(!child<QPushButton>("loggingApplyButton")->isEnabled());
    chooseWithKeys(level, 0); // debug
    QCOMPARE(level->currentData().toString(), QStringLiteral("debug"));
    toggle(child<QCheckBox>("logBodiesCheck"));
    QVERIFY(child<QPushButton>("loggingApplyButton")->isEnabled());
    QSignalSpy reloaded(m_controller.get(), &EngineController::configReloaded);
    QTest::mouseClick(child<QPushButton>("loggingApplyButton"), Qt::LeftButton);
    QTRY_COMPARE(reloaded.count(), 1);
    QCOMPARE(m_engine->config()->logging.level, QStringLiteral("debug"));
    QCOMPARE(m_engine->config()->logging.logBodies, true);
    const QByteArray written = readFile(m_configPath);
    QCOMPARE(written, QByteArray("# my proxy\n"
                                 "server:\n"
                                 "  host: 127.0.0.1 # only this machine\n"
                                 "discovery:\n"
                                 "  local_scan: false\n"
                                 "logging:\n"
                                 "  # quiet by default\n"
                                 "  level: debug\n"
                                 "  log_bodies: true\n"));
    QVERIFY(child<QLabel>("loggingStatusLabel")->text().contains(QLatin1String("Reloaded")));
    // Logging's own problem: the level the engine logs at changed at once.
    QVERIFY(!child<QPushButton>("loggingApplyButton")->isEnabled());
}

void TestSettingsWindow::clientKeysAreCreatedListedAndRevoked()
{
    QVERIFY(openSettings());
    // Reachable from the command palette's action as well as from the page list.
    m_shell->findChild<QAction *>(QStringLiteral("clientKeysAction"))->trigger();
    QCOMPARE(child<QStackedWidget>("pages")->currentWidget()->objectName(), QStringLiteral("keysPage"));
    auto *table = child<QTableWidget>("keysTable");
    QTRY_VERIFY(child<QLabel>("keysStatusLabel")->text().startsWith(QLatin1String("There is no client key")));
    QCOMPARE(table->rowCount(), 0);
    const QUrl models(m_controller->listenUrl() + QStringLiteral("/v1/models"));
    QCOMPARE(test::HttpClient::get(models).status, 200); // no key exists: open to this computer

    auto *create = child<QPushButton>("createKeyButton");
    QVERIFY(!create->isEnabled());
    QTest::keyClicks(child<QLineEdit>("keyNameEdit"), QStringLiteral("bad name"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>("keysStatusLabel")->text().contains(QLatin1String("1 to 64")));
    QCOMPARE(table->rowCount(), 0);

    child<QLineEdit>("keyNameEdit")->clear();
    QTest::keyClicks(child<QLineEdit>("keyNameEdit"), QStringLiteral("laptop"));
    QTest::mouseClick(create, Qt::LeftButton);
    auto *created = child<QLineEdit>("newKeyEdit");
    QTRY_VERIFY(created->isVisible() && created->text().startsWith(QLatin1String("sk-llmproxy-")));
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("laptop"));
    QVERIFY(created->text().startsWith(table->item(0, 1)->text().chopped(1))); // the prefix, then "…"
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Created here"));
    QVERIFY(child<QLineEdit>("keyNameEdit")->text().isEmpty());

    // The key is in force at once: without it the proxy refuses, with it it answers.
    QCOMPARE(test::HttpClient::get(models).status, 401);
    const test::HeaderList keyHeader{qMakePair(QByteArray("Authorization"), "Bearer " + created->text().toLatin1())};
    QCOMPARE(test::HttpClient::get(models, keyHeader).status, 200);

    // A name taken is refused with the reason.
    QTest::keyClicks(child<QLineEdit>("keyNameEdit"), QStringLiteral("LAPTOP"));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>("keysStatusLabel")->text().contains(QLatin1String("exists already")));
    QCOMPARE(table->rowCount(), 1);

    // Revoke asks first; Cancel keeps the key.
    auto *revoke = child<QPushButton>("revokeKeyButton");
    QVERIFY(!revoke->isEnabled());
    table->selectRow(0);
    QVERIFY(revoke->isEnabled());
    QTest::mouseClick(revoke, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_shell->settingsWindow()->findChild<QMessageBox *>(QStringLiteral("revokeConfirmation"))) &&
                box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(test::HttpClient::get(models, keyHeader).status, 200);
    QTest::mouseClick(revoke, Qt::LeftButton);
    QTRY_VERIFY((box = m_shell->settingsWindow()->findChild<QMessageBox *>(QStringLiteral("revokeConfirmation"))) &&
                box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("revokeConfirmButton")), Qt::LeftButton);
    QTRY_COMPARE(table->rowCount(), 0);
    QVERIFY(child<QLabel>("keysStatusLabel")->text().startsWith(QLatin1String("There is no client key")));
    QVERIFY(!created->isVisible());
    QCOMPARE(test::HttpClient::get(models, keyHeader).status, 200); // no key left: open again, as before any existed
    QVERIFY(!QFile::exists(QDir(m_engine->dataDirectory()).filePath(QStringLiteral("keys.json"))) ||
            !readFile(QDir(m_engine->dataDirectory()).filePath(QStringLiteral("keys.json"))).contains("laptop"));
}

void TestSettingsWindow::lanSwitchNeedsAKey()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ServerPage);
    auto *lan = child<QCheckBox>("lanCheck");
    QVERIFY(!lan->isChecked());
    QVERIFY(!child<QLineEdit>("hostEdit")->isEnabled());
    toggle(lan);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("0.0.0.0"));
    const QLabel *status = child<QLabel>("serverStatusLabel");
    QVERIFY2(status->text().startsWith(QLatin1String("No proxy key is configured")), qPrintable(status->text()));
    QVERIFY(!child<QPushButton>("serverApplyButton")->isEnabled());
    QVERIFY(child<QLabel>("lanExplanation")->text().contains(QLatin1String("LLM_PROXY_API_KEYS")));
    // The port comes from the command line here (any free port): the file's value is not used.
    QVERIFY(!child<QSpinBox>("portSpin")->isEnabled());
    // Off again: back to this computer only, nothing to apply.
    toggle(lan);
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(!child<QPushButton>("serverApplyButton")->isEnabled());
    QCOMPARE(readFile(m_configPath), QByteArray(kStartConfig));
}

void TestSettingsWindow::lanSwitchWritesTheAddress()
{
    // A named client key (its SHA-256 only) makes listening beyond this computer acceptable.
    const QByteArray withKey =
        QByteArray(kStartConfig)
            .replace("server:\n",
                     "server:\n  auth:\n    keys:\n      - name: laptop\n        key_sha256: "
                     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n        models: [\"*\"]\n");
    QString error;
    QVERIFY2(SettingsWindow::writeConfigFile(m_configPath, withKey, &error), qPrintable(error));
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::ServerPage);
    toggle(child<QCheckBox>("lanCheck"));
    const QLabel *status = child<QLabel>("serverStatusLabel");
    QVERIFY2(status->text().contains(QLatin1String("takes effect after LLMProxy restarts")),
             qPrintable(status->text()));
    QVERIFY(child<QPushButton>("serverApplyButton")->isEnabled());
    QSignalSpy reloaded(m_controller.get(), &EngineController::configReloaded);
    QTest::mouseClick(child<QPushButton>("serverApplyButton"), Qt::LeftButton);
    QTRY_COMPARE(reloaded.count(), 1);
    QVERIFY(readFile(m_configPath).contains("  host: 0.0.0.0 # only this machine\n"));
    QVERIFY(readFile(m_configPath).startsWith("# my proxy\n"));
    QCOMPARE(m_engine->config()->server.host, QStringLiteral("0.0.0.0"));
    // Still listening where it was: a reload does not move the listener, and the window says so.
    QVERIFY(m_controller->listenUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY2(status->text().contains(QLatin1String("takes effect after LLMProxy restarts")),
             qPrintable(status->text()));
}

void TestSettingsWindow::themeSwitchChangesThePalette()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::AppearancePage);
    auto *theme = child<QComboBox>("themeCombo");
    QCOMPARE(theme->currentData().toString(), QStringLiteral("system"));
    chooseWithKeys(theme, 2);
    QCOMPARE(theme->currentData().toString(), QStringLiteral("dark"));
    QVERIFY(Appearance::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // Windows follow: the main window now paints with the dark palette.
    // (the palette reaches the widgets through posted events)
    QTRY_VERIFY(m_shell->mainWindow()->palette().color(QPalette::Window).lightness() < 80);
    QTRY_VERIFY(m_shell->settingsWindow()->palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(Appearance::savedTheme(), Appearance::Theme::Dark);
    chooseWithKeys(theme, 1);
    QVERIFY(!Appearance::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    // System: the look the application had before any choice.
    chooseWithKeys(theme, 0);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_startPalette.color(QPalette::Text));
}

void TestSettingsWindow::systemThemeFollowsThePortal()
{
#ifdef LLMPROXY_HAVE_QTDBUS
    if (!m_portalRegistered)
        QSKIP("no session bus (dbus-daemon missing)");
    QVERIFY(!Appearance::isDark());
    // The desktop turns dark while the theme is System: the windows follow.
    m_portal.setScheme(1);
    QTRY_VERIFY(Appearance::isDark());
    QTRY_VERIFY(m_shell->mainWindow()->palette().color(QPalette::Window).lightness() < 80);
    m_portal.setScheme(0);
    QTRY_VERIFY(!Appearance::isDark());
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
    // A theme chosen in the window wins over the desktop.
    QVERIFY(openSettings());
    chooseWithKeys(child<QComboBox>("themeCombo"), 1);
    m_portal.setScheme(1);
    QTest::qWait(200);
    QVERIFY(!Appearance::isDark());
    // Back to System: the desktop's dark, read from the portal.
    chooseWithKeys(child<QComboBox>("themeCombo"), 0);
    QVERIFY(Appearance::isDark());
    m_portal.setScheme(0);
    QTRY_VERIFY(!Appearance::isDark());
#else
    QSKIP("built without QtDBus: System follows Qt's platform theme only");
#endif
}

void TestSettingsWindow::languageSwitchRetranslates()
{
    // The other windows of the shell, open (or, for the palette, made once) before the switch.
    m_shell->actions().connectTool->trigger();
    m_shell->actions().playground->trigger();
    m_shell->actions().commandPalette->trigger();
    QVERIFY(m_shell->connectToolDialog() && m_shell->playgroundWindow() && m_shell->commandPalette());
    m_shell->commandPalette()->close();
    auto *writeConfig = m_shell->connectToolDialog()->findChild<QPushButton *>(QStringLiteral("writeButton"));
    auto *toolKey = m_shell->connectToolDialog()->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
    auto *send = m_shell->playgroundWindow()->findChild<QPushButton *>(QStringLiteral("sendButton"));
    auto *transcript = m_shell->playgroundWindow()->findChild<QTextBrowser *>(QStringLiteral("transcriptView"));
    auto *filter = m_shell->commandPalette()->findChild<QLineEdit *>(QStringLiteral("commandFilter"));
    QVERIFY(writeConfig && toolKey && send && transcript && filter);
    QCOMPARE(filter->placeholderText(), QStringLiteral("Type a command…"));

    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::LanguagePage);
    auto *language = child<QComboBox>("languageCombo");
    const int german = language->findData(QStringLiteral("de"));
    QVERIFY(german > 0);
    QCOMPARE(language->itemText(german), QStringLiteral("Deutsch"));
    auto *state = m_shell->mainWindow()->findChild<QLabel *>(QStringLiteral("stateLabel"));
    QCOMPARE(state->text(), QStringLiteral("Onboarding"));
    chooseWithKeys(language, german);
    // The main window's visible label and menu, and the shared actions, in German at once (the
    // windows hear of it through a posted event).
    QTRY_COMPARE(state->text(), QStringLiteral("Ersteinrichtung"));
    QStringList menus;
    for (QAction *menuAction : m_shell->mainWindow()->menuBar()->actions())
        menus << menuAction->text();
    QVERIFY2(menus.contains(QStringLiteral("&Bearbeiten")), qPrintable(menus.join(u',')));
    QVERIFY(m_shell->actions().reload->text() != QLatin1String("&Reload configuration"));
    QCOMPARE(SettingsWindow::savedLanguage(), QStringLiteral("de"));
    // The other windows too: the texts of their forms and the texts set in code.
    QTRY_COMPARE(writeConfig->text(), QStringLiteral("&Konfiguration schreiben"));
    QCOMPARE(toolKey->placeholderText(), QStringLiteral("der Schlüssel, den das Werkzeug sendet"));
    QTRY_COMPARE(send->text(), QStringLiteral("&Senden"));
    QVERIFY2(transcript->placeholderText().startsWith(QStringLiteral("Wählen Sie ein Modell")),
             qPrintable(transcript->placeholderText()));
    QTRY_COMPARE(filter->placeholderText(), QStringLiteral("Befehl eingeben…"));
    // And back to English.
    chooseWithKeys(language, language->findData(QStringLiteral("en")));
    QTRY_COMPARE(state->text(), QStringLiteral("Onboarding"));
    QTRY_COMPARE(toolKey->placeholderText(), QStringLiteral("the key the tool sends"));
    QCOMPARE(filter->placeholderText(), QStringLiteral("Type a command…"));
    QCOMPARE(m_shell->actions().reload->text(), QStringLiteral("&Reload configuration"));
    QTRY_COMPARE(child<QListWidget>("pageList")->item(0)->text(), QStringLiteral("Server"));
}

void TestSettingsWindow::autostartWritesAndRemovesTheDesktopFile()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::StartupPage);
    const QString entry =
        QDir(qEnvironmentVariable("XDG_CONFIG_HOME")).filePath(QStringLiteral("autostart/llmproxy.desktop"));
    QVERIFY(!QFile::exists(entry));
    auto *check = child<QCheckBox>("autostartCheck");
    QVERIFY(!check->isChecked());
    QVERIFY(child<QLabel>("autostartLocationLabel")->text().contains(entry));
    toggle(check);
    QVERIFY(QFile::exists(entry));
    const QByteArray text = readFile(entry);
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY2(text.contains(QByteArray("\nExec=" + QCoreApplication::applicationFilePath().toUtf8() + "\n")),
             text.constData());
    QVERIFY(text.contains("\nType=Application\n"));
    QVERIFY(Autostart().isEnabled());
    toggle(check);
    QVERIFY(!QFile::exists(entry));
    QVERIFY(!check->isChecked());

    // A program path with a space is quoted as the Desktop Entry specification asks.
    Autostart spaced(QStringLiteral("/opt/LLM Proxy/llmproxy"));
    QString error;
    QVERIFY(spaced.setEnabled(true, &error));
    QVERIFY(readFile(entry).contains("\nExec=\"/opt/LLM Proxy/llmproxy\"\n"));
    QVERIFY(spaced.setEnabled(false, &error));
}

void TestSettingsWindow::settingsPersistAcrossWindows()
{
    QVERIFY(openSettings());
    chooseWithKeys(child<QComboBox>("themeCombo"), 2);
    auto *language = child<QComboBox>("languageCombo");
    chooseWithKeys(language, language->findData(QStringLiteral("en")));
    m_shell->settingsWindow()->showPage(SettingsWindow::LanguagePage);
    m_shell->settingsWindow()->resize(820, 560);
    m_shell->settingsWindow()->close();

    // A new shell, as at the next start: theme applied before any window, choices shown again.
    m_shell.reset();
    Appearance::apply(Appearance::Theme::System);
    QVERIFY(!Appearance::isDark());
    startShell();
    QVERIFY(Appearance::isDark());
    QVERIFY(openSettings());
    QCOMPARE(child<QComboBox>("themeCombo")->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(child<QComboBox>("languageCombo")->currentData().toString(), QStringLiteral("en"));
    QCOMPARE(child<QStackedWidget>("pages")->currentIndex(), int(SettingsWindow::LanguagePage));
    QCOMPARE(m_shell->settingsWindow()->size(), QSize(820, 560));
}

void TestSettingsWindow::dataDirectoryIsShown()
{
    QVERIFY(openSettings());
    m_shell->settingsWindow()->showPage(SettingsWindow::LoggingPage);
    QCOMPARE(child<QLineEdit>("dataDirEdit")->text(), QDir::toNativeSeparators(m_engine->dataDirectory()));
    QVERIFY(child<QPushButton>("openDataDirButton")->isEnabled());
    QVERIFY(child<QLabel>("logDestinationLabel")->text().contains(QLatin1String("standard error")));
}

void TestSettingsWindow::keyEditsKeepCommentsOrSaySo()
{
    // A key in place, its comment kept; a missing key under its section; a missing section at the end.
    ConfigTextEdit edit = editConfigKeys("# top\nserver:\n  port: 8090   # the port\n\n",
                                         {{QStringLiteral("server.port"), QStringLiteral("9000")},
                                          {QStringLiteral("server.host"), yamlScalar(QStringLiteral("::"))},
                                          {QStringLiteral("logging.level"), QStringLiteral("debug")}});
    QVERIFY(edit.error.isEmpty());
    QVERIFY(!edit.commentsLost);
    QCOMPARE(edit.text,
             QByteArray("# top\nserver:\n  port: 9000   # the port\n  host: \"::\"\n\nlogging:\n  level: debug\n\n"));
    // Only comments (the example file): the section is added after them.
    edit = editConfigKeys(DesktopShell::configTemplate(), {{QStringLiteral("server.port"), QStringLiteral("9001")}});
    QVERIFY(!edit.commentsLost);
    QVERIFY(edit.text.startsWith(DesktopShell::configTemplate()));
    QVERIFY(edit.text.endsWith("\n\nserver:\n  port: 9001\n"));
    // Flow style: rewritten, and said so.
    edit = editConfigKeys("# gone\nserver: {host: 127.0.0.1, port: 8090}\n",
                          {{QStringLiteral("server.port"), QStringLiteral("9002")}});
    QVERIFY(edit.error.isEmpty());
    QVERIFY(edit.commentsLost);
    QVERIFY(!edit.text.contains("# gone"));
    QVERIFY(edit.text.contains("9002"));
    // A scalar where a section belongs: an error, nothing written.
    edit = editConfigKeys("server: 5\n", {{QStringLiteral("server.port"), QStringLiteral("9003")}});
    QVERIFY(!edit.error.isEmpty());
    QVERIFY(edit.text.isEmpty());
}

void TestSettingsWindow::screenshots()
{
    SettingsWindow *window = openSettings();
    QVERIFY(window);
    window->resize(900, 620);
    QStringList paths;
    window->showPage(SettingsWindow::ServerPage);
    toggle(child<QCheckBox>("lanCheck"));
    paths << saveShot(window, QStringLiteral("settings-server-light.png"));
    window->showPage(SettingsWindow::ConfigPage);
    setEditorText(QStringLiteral("server:\n  host: 127.0.0.1\n  port: abc\nlogging:\n  levle: debug\n"));
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    paths << saveShot(window, QStringLiteral("settings-config-light.png"));
    window->showPage(SettingsWindow::AppearancePage);
    chooseWithKeys(child<QComboBox>("themeCombo"), 2);
    QTRY_VERIFY(window->palette().color(QPalette::Window).lightness() < 80);
    paths << saveShot(window, QStringLiteral("settings-appearance-dark.png"));
    window->showPage(SettingsWindow::ConfigPage);
    QTest::mouseClick(child<QPushButton>("validateButton"), Qt::LeftButton);
    paths << saveShot(window, QStringLiteral("settings-config-dark.png"));
    window->showPage(SettingsWindow::ServerPage);
    paths << saveShot(window, QStringLiteral("settings-server-dark.png"));
    for (const QString &path : std::as_const(paths)) {
        QVERIFY(!path.isEmpty());
        qInfo("screenshot: %s", qPrintable(path));
    }
    const QImage dark = window->grab().toImage();
    QVERIFY(dark.pixelColor(dark.width() - 4, dark.height() / 2).lightness() < 100);
}

int main(int argc, char **argv)
{
    // QSettings and the autostart entry go to a directory of their own, before Qt reads XDG_CONFIG_HOME.
    QTemporaryDir config;
    if (!config.isValid())
        return 1;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
#ifdef LLMPROXY_HAVE_QTDBUS
    // A session bus of the test's own, where it plays the desktop portal.
    QProcess bus;
    bus.start(QStringLiteral("dbus-daemon"),
              {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    if (bus.waitForStarted(5000) && bus.waitForReadyRead(5000))
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus.readLine().trimmed());
    else
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
#endif
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LLMProxyTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_settingswindow"));
    int result = 0;
    {
        TestSettingsWindow test;
        result = QTest::qExec(&test, argc, argv);
    }
#ifdef LLMPROXY_HAVE_QTDBUS
    bus.kill();
    bus.waitForFinished(5000);
#endif
    return result;
}

#include "tst_settingswindow.moc"

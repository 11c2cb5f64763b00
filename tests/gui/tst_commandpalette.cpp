// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "tests/support/inprocessengine.h"
#include "ui/commandpalette.h"
#include "ui/desktopshell.h"
#include "ui/guardswindow.h"
#include "ui/mainwindow.h"
#include "ui/playgroundwindow.h"
#include "ui/threatswindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace llmproxy;

/// The command palette: Ctrl+K in any window of the desktop, filtering as one types, arrow keys,
/// Enter runs the command, Escape closes.
class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void matchScoreRanksAndRejects();
    void ctrlKOpensAndEscapeCloses();
    void ctrlKWorksInEveryWindowEvenInTextFields();
    void typingFilters();
    void arrowsAndEnterRunTheChosenCommand();
    void listsTheMenusAndSharedActions();
    void hasAccessibleNames();

private:
    CommandPalette *palette() const { return m_shell->commandPalette(); }
    QLineEdit *filter() const { return palette()->findChild<QLineEdit *>(QStringLiteral("commandFilter")); }
    QTreeWidget *list() const { return palette()->findChild<QTreeWidget *>(QStringLiteral("commandList")); }
    bool paletteOpen() const { return palette() && palette()->isVisible(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
};

void TestCommandPalette::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCommandPalette::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ConfigSources sources;
    QString error;
    const ConfigPtr config = test::loadIsolatedConfig(
        m_dir->path(), "server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n", &sources, &error);
    QVERIFY2(config, qPrintable(error));
    m_engine = std::make_unique<Engine>(config, sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestCommandPalette::cleanup()
{
    m_shell.reset();
    m_controller.reset();
    QVERIFY(test::stopEngine(m_engine));
    m_dir.reset();
}

void TestCommandPalette::matchScoreRanksAndRejects()
{
    const QString reload = QStringLiteral("Reload configuration");
    QVERIFY(CommandPalette::matchScore(reload, QString()) == 0);
    QVERIFY(CommandPalette::matchScore(reload, QStringLiteral("reload")) >
            CommandPalette::matchScore(reload, QStringLiteral("config")));
    QVERIFY(CommandPalette::matchScore(reload, QStringLiteral("config")) >
            CommandPalette::matchScore(reload, QStringLiteral("onfig")));
    // Letters in order count, below any substring.
    QVERIFY(CommandPalette::matchScore(reload, QStringLiteral("rlcf")) >= 0);
    QVERIFY(CommandPalette::matchScore(reload, QStringLiteral("rlcf")) <
            CommandPalette::matchScore(reload, QStringLiteral("onfig")));
    // Every word must match.
    QVERIFY(CommandPalette::matchScore(reload, QStringLiteral("reload conf")) > 0);
    QCOMPARE(CommandPalette::matchScore(reload, QStringLiteral("reload xyz")), -1);
    QCOMPARE(CommandPalette::matchScore(reload, QStringLiteral("fcr")), -1);

    QAction action(QStringLiteral("Copy &base URL && more"));
    QCOMPARE(CommandPalette::plainText(&action), QStringLiteral("Copy base URL & more"));
}

void TestCommandPalette::ctrlKOpensAndEscapeCloses()
{
    MainWindow *window = m_shell->mainWindow();
    QVERIFY(!palette());
    QTest::keyClick(window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    QVERIFY(filter()->hasFocus() || QApplication::focusWidget() == filter());
    QVERIFY(filter()->text().isEmpty());
    QVERIFY(list()->topLevelItemCount() > 5);

    QTest::keyClick(filter(), Qt::Key_Escape);
    QTRY_VERIFY(!paletteOpen());

    // The menu entry opens it too, and shows the shortcut.
    QCOMPARE(m_shell->actions().commandPalette->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_shell->actions().commandPalette->trigger();
    QTRY_VERIFY(paletteOpen());
    palette()->close();
}

void TestCommandPalette::ctrlKWorksInEveryWindowEvenInTextFields()
{
    m_shell->showGuards();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->guardsWindow()));
    QTest::keyClick(m_shell->guardsWindow(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    QTest::keyClick(filter(), Qt::Key_Escape);
    QTRY_VERIFY(!paletteOpen());

    // In the Playground's prompt, Ctrl+K would delete to the end of the line: the palette wins.
    m_shell->showPlayground();
    PlaygroundWindow *playground = m_shell->playgroundWindow();
    QVERIFY(QTest::qWaitForWindowExposed(playground));
    auto *prompt = playground->findChild<QPlainTextEdit *>(QStringLiteral("promptEdit"));
    prompt->setPlainText(QStringLiteral("keep this line"));
    prompt->setFocus();
    QTextCursor cursor = prompt->textCursor();
    cursor.movePosition(QTextCursor::Start);
    prompt->setTextCursor(cursor);
    QTest::keyClick(prompt, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    QCOMPARE(prompt->toPlainText(), QStringLiteral("keep this line"));
    // Placed over the window it was asked from.
    QVERIFY(playground->frameGeometry().intersects(palette()->geometry()));
    QTest::keyClick(filter(), Qt::Key_Escape);
    QTRY_VERIFY(!paletteOpen());

    // Inside the palette, Ctrl+K is just the filter's own key.
    m_shell->openCommandPalette(m_shell->mainWindow());
    QTRY_VERIFY(paletteOpen());
    QTest::keyClicks(filter(), QStringLiteral("abc"));
    QTest::keyClick(filter(), Qt::Key_Home);
    QTest::keyClick(filter(), Qt::Key_K, Qt::ControlModifier);
    QVERIFY(paletteOpen());
    palette()->close();
}

void TestCommandPalette::typingFilters()
{
    m_shell->openCommandPalette(m_shell->mainWindow());
    QTRY_VERIFY(paletteOpen());
    const qsizetype all = palette()->shownActions().size();

    const int fullHeight = palette()->height();
    QTest::keyClicks(filter(), QStringLiteral("guard"));
    QList<QAction *> shown = palette()->shownActions();
    // The popup shrinks to the matches instead of leaving a blank box.
    QVERIFY2(palette()->height() < fullHeight,
             qPrintable(QStringLiteral("%1 < %2").arg(palette()->height()).arg(fullHeight)));
    QVERIFY(list()->geometry().top() - filter()->geometry().bottom() < 2 * filter()->height());
    QVERIFY(!shown.isEmpty());
    QCOMPARE(shown.constFirst(), m_shell->actions().guards);
    QVERIFY(shown.size() < all);
    QVERIFY(!shown.contains(m_shell->actions().quit));

    // Letters in order, as one types them quickly.
    filter()->clear();
    QTest::keyClicks(filter(), QStringLiteral("rlcf"));
    QVERIFY(palette()->shownActions().contains(m_shell->actions().reload));

    // A menu's name finds its commands.
    filter()->clear();
    QTest::keyClicks(filter(), QStringLiteral("security"));
    shown = palette()->shownActions();
    QVERIFY(shown.contains(m_shell->actions().threats));
    QVERIFY(shown.contains(m_shell->actions().guards));

    filter()->clear();
    QTest::keyClicks(filter(), QStringLiteral("xyzzy"));
    QVERIFY(palette()->shownActions().isEmpty());
    auto *empty = palette()->findChild<QLabel *>(QStringLiteral("commandEmptyLabel"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY(!list()->isVisible());
    // Enter with nothing to run does nothing and keeps the palette open.
    QTest::keyClick(filter(), Qt::Key_Return);
    QVERIFY(paletteOpen());

    filter()->clear();
    QCOMPARE(palette()->shownActions().size(), all);
    palette()->close();
}

void TestCommandPalette::arrowsAndEnterRunTheChosenCommand()
{
    QAction *copyUrl = m_shell->actions().copyUrl;
    QAction *threats = m_shell->actions().threats;
    QSignalSpy copied(copyUrl, &QAction::triggered);

    QTest::keyClick(m_shell->mainWindow(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    QTest::keyClicks(filter(), QStringLiteral("copy base"));
    QCOMPARE(palette()->currentAction(), copyUrl);
    QTest::keyClick(filter(), Qt::Key_Return);
    QCOMPARE(copied.count(), 1);
    QVERIFY(!paletteOpen());

    // Down moves to the next command, Up back; Enter runs the one chosen.
    QSignalSpy opened(threats, &QAction::triggered);
    QTest::keyClick(m_shell->mainWindow(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    const QList<QAction *> shown = palette()->shownActions();
    const qsizetype threatsRow = shown.indexOf(threats);
    QVERIFY(threatsRow > 0);
    for (qsizetype i = 0; i < threatsRow + 1; ++i)
        QTest::keyClick(filter(), Qt::Key_Down);
    QTest::keyClick(filter(), Qt::Key_Up);
    QCOMPARE(palette()->currentAction(), threats);
    QTest::keyClick(filter(), Qt::Key_Enter);
    QCOMPARE(opened.count(), 1);
    QVERIFY(!paletteOpen());
    QTRY_VERIFY(m_shell->threatsWindow() && m_shell->threatsWindow()->isVisible());

    // From the palette opened in the Threats window (QML inside), the Guards window comes up.
    QTest::keyClick(m_shell->threatsWindow(), Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY(paletteOpen());
    QTest::keyClicks(filter(), QStringLiteral("security guards"));
    QTest::keyClick(filter(), Qt::Key_Return);
    QTRY_VERIFY(m_shell->guardsWindow() && m_shell->guardsWindow()->isVisible());
}

void TestCommandPalette::listsTheMenusAndSharedActions()
{
    m_shell->openCommandPalette(m_shell->mainWindow());
    QTRY_VERIFY(paletteOpen());
    const QList<QAction *> shown = palette()->shownActions();
    const ShellActions &actions = m_shell->actions();
    for (QAction *action :
         {actions.open, actions.pause, actions.panic, actions.reload, actions.openConfig, actions.copyUrl,
          actions.threats, actions.guards, actions.playground, actions.about, actions.quit})
        QVERIFY2(shown.contains(action), qPrintable(action->objectName()));
    // The palette does not list itself, nor what cannot run now (no endpoint is selected).
    QVERIFY(!shown.contains(actions.commandPalette));
    auto *endpointEnabled = m_shell->mainWindow()->findChild<QAction *>(QStringLiteral("endpointEnabledAction"));
    QVERIFY(endpointEnabled && !endpointEnabled->isEnabled());
    QVERIFY(!shown.contains(endpointEnabled));
    // Each row says where the command lives and its shortcut; checkable ones their state.
    QTest::keyClicks(filter(), QStringLiteral("pause"));
    QCOMPARE(palette()->currentAction(), actions.pause);
    const QTreeWidgetItem *row = list()->currentItem();
    QCOMPARE(row->text(0), QStringLiteral("Pause proxy (off)"));
    QCOMPARE(row->text(1), QStringLiteral("Proxy"));
    QCOMPARE(row->text(2), actions.pause->shortcut().toString(QKeySequence::NativeText));
    palette()->close();
}

void TestCommandPalette::hasAccessibleNames()
{
    m_shell->openCommandPalette(m_shell->mainWindow());
    QTRY_VERIFY(paletteOpen());
    QVERIFY(!palette()->accessibleName().isEmpty());
    QVERIFY(!filter()->accessibleName().isEmpty());
    QVERIFY(!list()->accessibleName().isEmpty());
    QTest::keyClicks(filter(), QStringLiteral("reload"));
    const QString spoken = list()->currentItem()->data(0, Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.startsWith(QLatin1String("Reload configuration, in Proxy")), qPrintable(spoken));
    palette()->close();
}

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"

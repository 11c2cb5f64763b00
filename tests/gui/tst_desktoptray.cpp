// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/httpclient.h"
#include "tests/support/proxyprocess.h"
#include "tests/support/xsession.h"

#include <QSize>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace llmproxy::test;

/// The desktop as on a real desktop: a real X server (Xvfb) with a window manager that has a
/// system tray (jwm), the llmproxy binary started as a user would, driven with xdotool. With a
/// tray, closing the window only hides it; Quit from the menu, Ctrl+Q, the tray menu and SIGTERM
/// must all end the process with exit code 0 and close the port.
class TestDesktopTray : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void ctrlQExits();
    void quitFromMenuExits();
    void closeHidesToTrayThenTrayQuitExits();
    void sigtermExits();

private:
    /// The main window's id, once it is mapped.
    QString mainWindow() const;
    /// The tray icon's window: the application's small window docked in jwm's tray. `size`
    /// receives its width and height.
    QString trayIcon(QSize *size = nullptr) const;
    bool portOpen() const;
    /// Activates the main window and types `keys` (xdotool key names) into it.
    bool typeIntoMainWindow(const QString &keys) const;
    /// With a menu open, picks its last item (Up from the top wraps around), Quit in both menus.
    bool chooseLastMenuItem() const;
    /// The application's mapped windows (a menu that opens adds one).
    QStringList visibleWindows() const;
    /// Waits until a window not in `windowsBefore` is mapped.
    bool waitForPopup(const QStringList &windowsBefore) const;
    void verifyExitedCleanly();

    std::unique_ptr<XSession> m_x;
    std::unique_ptr<ProxyProcess> m_proxy;
};

void TestDesktopTray::initTestCase()
{
    const QStringList missing = XSession::missingTools();
    if (!missing.isEmpty())
        QSKIP(qPrintable(QStringLiteral("needs %1 (scripts/install-deps.sh --test)").arg(missing.join(u", "))));
    m_x = std::make_unique<XSession>();
    QString error;
    QVERIFY2(m_x->start(&error), qPrintable(error));
}

void TestDesktopTray::init()
{
    m_proxy = std::make_unique<ProxyProcess>();
    ProxyOptions options;
    options.headless = false;
    options.env.insert(QStringLiteral("DISPLAY"), m_x->display());
    options.env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    options.env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    QVERIFY2(m_proxy->start(options), qPrintable(m_proxy->errorString()));
    // The tray must really be in use, or these tests would cover the window-only path.
    QTRY_VERIFY2_WITH_TIMEOUT(m_proxy->stdErr().contains("system tray available") ||
                                  m_proxy->stdOut().contains("system tray available"),
                              qPrintable(m_proxy->diagnostics()), 20'000);
    QVERIFY(!mainWindow().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!trayIcon().isEmpty(), 20'000);
}

void TestDesktopTray::cleanup()
{
    if (QTest::currentTestFailed() && m_x)
        m_x->screenshot(
            QStringLiteral("tst_desktoptray-%1.png").arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_proxy.reset();
}

QString TestDesktopTray::mainWindow() const
{
    QStringList ids;
    const bool shown = QTest::qWaitFor(
        [&] {
            ids = m_x->findWindows(
                {QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^LLMProxy$")});
            return !ids.isEmpty();
        },
        20'000);
    return shown ? ids.value(0) : QString();
}

QString TestDesktopTray::trayIcon(QSize *iconSize) const
{
    for (const QString &id : visibleWindows()) {
        const QString geometry = m_x->xdotool({QStringLiteral("getwindowgeometry"), id});
        // "Geometry: 23x23": the tray icon is the one the size of a panel icon.
        const qsizetype at = geometry.indexOf(QLatin1String("Geometry: "));
        if (at < 0)
            continue;
        const QStringList size = geometry.mid(at + 10).section(QLatin1Char('\n'), 0, 0).split(QLatin1Char('x'));
        if (size.size() == 2 && size[0].toInt() >= 8 && size[0].toInt() <= 64 && size[1].toInt() <= 64) {
            if (iconSize)
                *iconSize = QSize(size[0].toInt(), size[1].toInt());
            return id;
        }
    }
    return {};
}

bool TestDesktopTray::typeIntoMainWindow(const QString &keys) const
{
    bool ok = false;
    m_x->xdotool(
        {QStringLiteral("windowactivate"), QStringLiteral("--sync"), mainWindow(), QStringLiteral("key"), keys}, &ok);
    return ok;
}

bool TestDesktopTray::chooseLastMenuItem() const
{
    bool ok = false;
    m_x->xdotool({QStringLiteral("key"), QStringLiteral("--delay"), QStringLiteral("200"), QStringLiteral("Up"),
                  QStringLiteral("Return")},
                 &ok);
    return ok;
}

QStringList TestDesktopTray::visibleWindows() const
{
    return m_x->findWindows(
        {QStringLiteral("--onlyvisible"), QStringLiteral("--classname"), QStringLiteral("llmproxy")});
}

bool TestDesktopTray::waitForPopup(const QStringList &windowsBefore) const
{
    return QTest::qWaitFor(
        [&] {
            const QStringList now = visibleWindows();
            return std::any_of(now.cbegin(), now.cend(),
                               [&windowsBefore](const QString &id) { return !windowsBefore.contains(id); });
        },
        10'000);
}

bool TestDesktopTray::portOpen() const
{
    return HttpClient::get(m_proxy->url(QStringLiteral("/health/live")), {}, 2000).status == 200;
}

void TestDesktopTray::verifyExitedCleanly()
{
    QVERIFY2(m_proxy->waitForExit(15'000), qPrintable(m_proxy->diagnostics()));
    QCOMPARE(m_proxy->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_proxy->exitCode(), 0);
    QVERIFY(!portOpen());
}

void TestDesktopTray::ctrlQExits()
{
    QVERIFY(portOpen());
    QVERIFY(typeIntoMainWindow(QStringLiteral("ctrl+q")));
    verifyExitedCleanly();
}

void TestDesktopTray::quitFromMenuExits()
{
    const QStringList windowsBefore = visibleWindows();
    QVERIFY(typeIntoMainWindow(QStringLiteral("alt+p"))); // the Proxy menu
    QVERIFY2(waitForPopup(windowsBefore), "the Proxy menu did not open");
    QVERIFY(chooseLastMenuItem());
    verifyExitedCleanly();
}

void TestDesktopTray::closeHidesToTrayThenTrayQuitExits()
{
    // Closing the window (jwm's Alt+F4) only hides it: the proxy keeps serving.
    QVERIFY(typeIntoMainWindow(QStringLiteral("alt+F4")));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_x->findWindows({QStringLiteral("--onlyvisible"), QStringLiteral("--name"), QStringLiteral("^LLMProxy$")})
            .isEmpty(),
        10'000);
    QVERIFY2(m_proxy->isRunning(), qPrintable(m_proxy->diagnostics()));
    QVERIFY(portOpen());

    QSize size;
    const QString tray = trayIcon(&size);
    const QStringList windowsBefore = visibleWindows();
    QVERIFY(!tray.isEmpty());
    // Low in the icon: the tip of the "keeps running in the tray" balloon covers its top.
    bool ok = false;
    m_x->xdotool({QStringLiteral("mousemove"), QStringLiteral("--window"), tray, QString::number(size.width() / 2),
                  QString::number(size.height() - 4), QStringLiteral("click"), QStringLiteral("3")},
                 &ok);
    QVERIFY(ok);
    QVERIFY2(waitForPopup(windowsBefore), "the tray menu did not open");
    QVERIFY(chooseLastMenuItem());
    verifyExitedCleanly();
}

void TestDesktopTray::sigtermExits()
{
    QVERIFY(portOpen());
    QVERIFY(m_proxy->sendSignal(SIGTERM));
    verifyExitedCleanly();
}

QTEST_GUILESS_MAIN(TestDesktopTray)
#include "tst_desktoptray.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/engine/enginehost.h"
#include "proxycore/pipeline/securityguards.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/xsession.h"
#include "ui/desktopshell.h"
#include "ui/guardswindow.h"
#include "ui/mainwindow.h"
#include "ui/threatsbackend.h"
#include "ui/threatswindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QQuickItem>
#include <QQuickWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>

using namespace llmproxy;

/// The Threats (QML) and Guards (Widgets) windows on a real X server with a window manager
/// (Xvfb + jwm, when installed; the offscreen platform otherwise), fed by an engine inside the
/// test process whose security counters and decisions the test sets. Screenshots of both windows,
/// light and dark, go to screenshots/ beside the test binary.
class TestSecurityWindows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void windowsAreReachableFromMenuAndTray();
    void threatsShowsEmptyStateBeforeAnything();
    void threatsShowsCountersTimelineAndDecisions();
    void selectingADecisionShowsWhy();
    void controllerCoalescesDecisions();
    void controllerWorksWithTheEngineOnItsOwnThread();
    void guardToggleSwitchesTheEngine();
    void masterSwitchTurnsEveryGuardOff();
    void firewallOffByEnvironmentCannotBeSwitchedOn();
    void firewallOffByConfigurationSaysSo();
    void screenshots();

private:
    /// Starts the engine, controller and shell with `securityYaml` appended to the configuration
    /// and `environment` as the only environment.
    void startEngine(const QByteArray &securityYaml = {}, const QProcessEnvironment &environment = {});
    void stop();
    SecurityGuards &guards() const { return *m_engine->securityGuards(); }
    /// Some scans, blocks, masks and flags, with one decision of each kind.
    void addActivity();
    ThreatsWindow *openThreats();
    GuardsWindow *openGuards();
    QQuickItem *quickItem(const char *objectName) const;
    QString cardValue(const char *card) const;
    static QPalette darkPalette();
    QString saveShot(QWidget *window, const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
    QPalette m_lightPalette;
};

void TestSecurityWindows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_lightPalette = QApplication::palette();
    qInfo("platform: %s", qPrintable(QGuiApplication::platformName()));
}

void TestSecurityWindows::init()
{
    QApplication::setPalette(m_lightPalette);
    startEngine();
}

void TestSecurityWindows::cleanup()
{
    stop();
}

void TestSecurityWindows::startEngine(const QByteArray &securityYaml, const QProcessEnvironment &environment)
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    ConfigSources sources;
    QString error;
    ConfigPtr config = test::loadIsolatedConfig(
        m_dir->path(), "server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n" + securityYaml, &sources,
        &error);
    QVERIFY2(config, qPrintable(error));
    if (!environment.isEmpty()) {
        sources.environment = environment;
        const ConfigLoadResult loaded = loadConfig(sources);
        QVERIFY(loaded.ok());
        config = std::make_shared<const Config>(*loaded.config);
    }
    m_engine = std::make_unique<Engine>(config, sources);
    QVERIFY2(m_engine->start(&error), qPrintable(error));
    m_controller = std::make_unique<EngineController>(m_engine.get());
    m_shell = std::make_unique<DesktopShell>(m_controller.get());
    m_shell->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
}

void TestSecurityWindows::stop()
{
    m_shell.reset();
    m_controller.reset();
    QVERIFY(test::stopEngine(m_engine));
    m_dir.reset();
}

void TestSecurityWindows::addActivity()
{
    for (int i = 0; i < 40; ++i) {
        guards().countScanned(Guard::Firewall);
        guards().countScanned(Guard::Injection);
        guards().countScanned(Guard::Pii);
        guards().recordScan(12'000 + i * 1'000, i < 3);
    }
    guards().countBlocked(Guard::Firewall);
    guards().countBlocked(Guard::Injection);
    guards().countBlocked(Guard::Injection);
    guards().countMasked(Guard::Pii, 5);
    guards().countFlagged(Guard::ResponseSanitizer);

    SecurityEvent firewall;
    firewall.requestId = QStringLiteral("req-0001");
    firewall.keyName = QStringLiteral("team-backend");
    firewall.model = QStringLiteral("gpt-4o-mini");
    firewall.layer = QStringLiteral("firewall");
    firewall.action = QStringLiteral("block");
    firewall.reason = QStringLiteral("firewall_signature");
    firewall.detail = QStringLiteral("signature ignore_previous_instructions in base64 → text (2 levels)");
    firewall.score = 1.0;
    guards().addEvent(firewall);

    SecurityEvent pii = firewall;
    pii.requestId = QStringLiteral("req-0002");
    pii.keyName = QStringLiteral("laptop");
    pii.model = QStringLiteral("claude-sonnet-4-5");
    pii.layer = QStringLiteral("pii");
    pii.action = QStringLiteral("mask");
    pii.reason = QStringLiteral("EMAIL");
    pii.detail = QStringLiteral("3 e-mail addresses and 2 phone numbers masked");
    pii.score = 0.0;
    guards().addEvent(pii);

    SecurityEvent injection = firewall;
    injection.requestId = QStringLiteral("req-0003");
    injection.layer = QStringLiteral("injection");
    injection.reason = QStringLiteral("prompt_injection");
    injection.detail =
        QStringLiteral("score 0.91 ≥ 0.62: override pattern (de), fake system delimiter, classifier 0.88");
    injection.score = 0.91;
    guards().addEvent(injection);
    guards().addEvent(injection);

    SecurityEvent flag = pii;
    flag.requestId = QStringLiteral("req-0004");
    flag.layer = QStringLiteral("response_sanitizer");
    flag.action = QStringLiteral("flag");
    flag.reason = QStringLiteral("homoglyph_words");
    flag.detail = QStringLiteral("2 mixed-script words (Cyrillic а in \"pаypal\")");
    guards().addEvent(flag);
}

ThreatsWindow *TestSecurityWindows::openThreats()
{
    m_shell->showThreats();
    ThreatsWindow *window = m_shell->threatsWindow();
    if (!window || !QTest::qWaitForWindowExposed(window))
        return nullptr;
    return window;
}

GuardsWindow *TestSecurityWindows::openGuards()
{
    m_shell->showGuards();
    GuardsWindow *window = m_shell->guardsWindow();
    if (!window || !QTest::qWaitForWindowExposed(window))
        return nullptr;
    return window;
}

namespace {

/// Items made by a Repeater or a ListView are not QObject children of anything in the view: walk
/// the visual tree instead.
QQuickItem *findItem(QQuickItem *item, QLatin1String name, const std::function<bool(QQuickItem *)> &also = {})
{
    if (item->objectName() == name && (!also || also(item)))
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name, also))
            return found;
    }
    return nullptr;
}

} // namespace

QQuickItem *TestSecurityWindows::quickItem(const char *objectName) const
{
    ThreatsWindow *window = m_shell->threatsWindow();
    if (!window || !window->quickWidget()->rootObject())
        return nullptr;
    return findItem(window->quickWidget()->rootObject(), QLatin1String(objectName));
}

QString TestSecurityWindows::cardValue(const char *card) const
{
    QQuickItem *item = quickItem(card);
    return item ? item->property("value").toString() : QStringLiteral("<no %1>").arg(QLatin1String(card));
}

QPalette TestSecurityWindows::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::Light, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

QString TestSecurityWindows::saveShot(QWidget *window, const QString &name) const
{
    const QString dir = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("screenshots"));
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(name);
    // QWidget::grab renders the QQuickWidget's content too (software scene graph).
    return window->grab().save(path) ? path : QString();
}

void TestSecurityWindows::windowsAreReachableFromMenuAndTray()
{
    const ShellActions &actions = m_shell->actions();
    QVERIFY(actions.threats && actions.guards);
    QVERIFY(!m_shell->threatsWindow()); // built on first use only

    // The main window's Security menu holds both.
    QMenu *security = nullptr;
    for (QAction *menu : m_shell->mainWindow()->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Security"))
            security = menu->menu();
    }
    QVERIFY(security);
    QVERIFY(security->actions().contains(actions.threats));
    QVERIFY(security->actions().contains(actions.guards));

    if (TrayIcon *tray = m_shell->trayIcon()) {
        auto *icon = tray->findChild<QSystemTrayIcon *>();
        QVERIFY(icon && icon->contextMenu());
        QVERIFY(icon->contextMenu()->actions().contains(actions.threats));
        QVERIFY(icon->contextMenu()->actions().contains(actions.guards));
        QCOMPARE(icon->contextMenu()->actions().constLast(), actions.quit);
    } else {
        qInfo("no system tray here: tray menu not checked");
    }

    actions.threats->trigger();
    QVERIFY(m_shell->threatsWindow());
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->threatsWindow()));
    QVERIFY(m_shell->threatsWindow()->isViewReady());
    actions.guards->trigger();
    QVERIFY(m_shell->guardsWindow());
    QVERIFY(QTest::qWaitForWindowExposed(m_shell->guardsWindow()));
    QVERIFY(m_controller->isSecurityWatched());

    // Hidden windows stop watching the engine.
    m_shell->threatsWindow()->close();
    m_shell->guardsWindow()->close();
    QTRY_VERIFY(!m_controller->isSecurityWatched());
}

void TestSecurityWindows::threatsShowsEmptyStateBeforeAnything()
{
    ThreatsWindow *window = openThreats();
    QVERIFY(window);
    QVERIFY2(window->isViewReady(), "the QML view did not load (see the warnings above)");
    QQuickItem *empty = quickItem("emptyState");
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->property("text").toString().contains(QLatin1String("Nothing has happened yet")));
    QCOMPARE(cardValue("scannedCard"), QStringLiteral("0"));
    QCOMPARE(cardValue("blockedCard"), QStringLiteral("0"));
    QCOMPARE(cardValue("scanTimeCard"), QStringLiteral("–"));
    QQuickItem *noBlocks = quickItem("noBlocksText");
    QVERIFY(noBlocks && noBlocks->isVisible());
    QQuickItem *off = quickItem("securityOffBanner");
    QVERIFY(off && !off->isVisible());
    window->resize(1200, 780);
    QTest::qWait(200);
    QVERIFY(!saveShot(window, QStringLiteral("threats-empty.png")).isEmpty());
}

void TestSecurityWindows::threatsShowsCountersTimelineAndDecisions()
{
    ThreatsWindow *window = openThreats();
    QVERIFY(window && window->isViewReady());
    addActivity();

    // Counters and decisions arrive with the next poll (a few times a second).
    QTRY_COMPARE(cardValue("scannedCard"), QStringLiteral("40"));
    QCOMPARE(cardValue("blockedCard"), QStringLiteral("3"));
    QCOMPARE(cardValue("maskedCard"), QStringLiteral("5"));
    QCOMPARE(cardValue("flaggedCard"), QStringLiteral("1"));
    QVERIFY2(cardValue("scanTimeCard").endsWith(QStringLiteral(" µs")), qPrintable(cardValue("scanTimeCard")));

    QQuickItem *list = quickItem("decisionList");
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), 5);
    QTRY_VERIFY(!quickItem("emptyState")->isVisible()); // its binding follows the list on the next frame

    // Newest on top.
    DecisionFeedModel *feed = window->backend()->feed();
    QCOMPARE(feed->rowCount(), 5);
    QCOMPARE(feed->decision(0).layer, QStringLiteral("response_sanitizer"));
    QCOMPARE(feed->decision(4).reason, QStringLiteral("firewall_signature"));
    QCOMPARE(feed->data(feed->index(4), DecisionFeedModel::LayerTitleRole).toString(),
             QStringLiteral("Request firewall"));

    // Timeline: three blocks and one mask in the current minute, 60 minutes drawn.
    ThreatsBackend *backend = window->backend();
    QCOMPARE(backend->timelineBlocks(), 3);
    QCOMPARE(backend->blocksPerMinute().size(), ThreatsBackend::kTimelineMinutes);
    QCOMPARE(backend->blocksPerMinute().constLast().toInt() + backend->blocksPerMinute().value(58).toInt(), 3);
    QQuickItem *chart = quickItem("blocksChart");
    QVERIFY(chart);
    QCOMPARE(chart->property("blockedPoints").toInt(), ThreatsBackend::kTimelineMinutes);
    QVERIFY(!quickItem("noBlocksText")->isVisible());

    // The same decision is never listed twice, even when the controller sends it again.
    const QList<SecurityEvent> again = m_controller->recentSecurityEvents(10);
    QCOMPARE(again.size(), 5);
    QCOMPARE(feed->addDecisions(again), 0);

    // Per layer counters.
    QQuickItem *injection = quickItem("layer_injection_blocked");
    QVERIFY(injection);
    QCOMPARE(injection->property("text").toString(), QStringLiteral("2"));
    bool seen = false;
    for (const QVariant &layer : backend->layers()) {
        const QVariantMap map = layer.toMap();
        if (map.value(QStringLiteral("id")) == QLatin1String("injection")) {
            QCOMPARE(map.value(QStringLiteral("blocked")).toInt(), 2);
            seen = true;
        }
    }
    QVERIFY(seen);
}

void TestSecurityWindows::selectingADecisionShowsWhy()
{
    ThreatsWindow *window = openThreats();
    QVERIFY(window && window->isViewReady());
    addActivity();
    QQuickItem *list = quickItem("decisionList");
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), 5);

    // The newest is shown at first.
    QQuickItem *reason = quickItem("detailReason");
    QVERIFY(reason);
    QTRY_COMPARE(reason->property("text").toString(), QStringLiteral("homoglyph_words"));

    // A click on the last row (the oldest decision, the firewall block) shows its reason.
    QQuickWidget *view = window->quickWidget();
    QQuickItem *lastRow = findItem(list, QLatin1String("decisionRow"),
                                   [](QQuickItem *row) { return row->property("index").toInt() == 4; });
    QVERIFY(lastRow);
    const QPoint at = lastRow->mapToScene(QPointF(lastRow->width() / 2, lastRow->height() / 2)).toPoint();
    QTest::mouseClick(view, Qt::LeftButton, {}, at);
    QTRY_COMPARE(list->property("currentIndex").toInt(), 4);
    QCOMPARE(reason->property("text").toString(), QStringLiteral("firewall_signature"));
    QCOMPARE(quickItem("detailText")->property("text").toString(),
             QStringLiteral("signature ignore_previous_instructions in base64 → text (2 levels)"));
    QCOMPARE(quickItem("detailHeadline")->property("text").toString(), QStringLiteral("Blocked by Request firewall"));
    QCOMPARE(quickItem("detailScore")->property("text").toString(), QStringLiteral("1.000"));

    // A new decision arrives on top; the selection stays on the decision the user chose.
    SecurityEvent later;
    later.layer = QStringLiteral("flood_guard");
    later.action = QStringLiteral("block");
    later.reason = QStringLiteral("too_many_messages");
    guards().addEvent(later);
    QTRY_COMPARE(list->property("count").toInt(), 6);
    QCOMPARE(reason->property("text").toString(), QStringLiteral("firewall_signature"));
}

void TestSecurityWindows::controllerCoalescesDecisions()
{
    QSignalSpy events(m_controller.get(), &EngineController::securityEventsArrived);
    QObject viewer;
    m_controller->watchSecurity(&viewer, true);
    for (int i = 0; i < 500; ++i) {
        SecurityEvent e;
        e.layer = QStringLiteral("injection");
        e.action = QStringLiteral("flag");
        e.reason = QString::number(i);
        guards().addEvent(e);
    }
    int received = 0;
    QTRY_VERIFY([&] {
        received = 0;
        for (const QList<QVariant> &call : std::as_const(events))
            received += int(call.at(0).value<QList<SecurityEvent>>().size());
        return received == 500;
    }());
    // Oldest first across batches, and far fewer batches than decisions.
    QVERIFY2(events.count() <= 3, qPrintable(QString::number(events.count())));
    quint64 previous = 0;
    for (const QList<QVariant> &call : std::as_const(events)) {
        for (const SecurityEvent &e : call.at(0).value<QList<SecurityEvent>>()) {
            QVERIFY(e.id > previous);
            previous = e.id;
        }
    }
    // A destroyed viewer stops watching by itself.
    {
        QObject shortLived;
        m_controller->watchSecurity(&shortLived, true);
    }
    m_controller->watchSecurity(&viewer, false);
    QVERIFY(!m_controller->isSecurityWatched());
    QSignalSpy quiet(m_controller.get(), &EngineController::securityEventsArrived);
    guards().addEvent(SecurityEvent{});
    QTest::qWait(600);
    QCOMPARE(quiet.count(), 0);
}

void TestSecurityWindows::controllerWorksWithTheEngineOnItsOwnThread()
{
    // As in the desktop application: the engine on its own thread, the windows on this one.
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("threaded")));
    ConfigSources sources;
    QString error;
    const ConfigPtr config = test::loadIsolatedConfig(m_dir->filePath(QStringLiteral("threaded")),
                                                      "discovery:\n  local_scan: false\n", &sources, &error);
    QVERIFY2(config, qPrintable(error));
    EngineHost host(config, sources);
    QVERIFY2(host.start(m_dir->filePath(QStringLiteral("threaded-data")), &error), qPrintable(error));
    QVERIFY(host.engine()->thread() != QThread::currentThread());
    EngineController controller(host.engine());
    GuardsWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *toggle = window.findChild<QCheckBox *>(QStringLiteral("toggle_trajectory"));
    QVERIFY(toggle && toggle->isChecked());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!host.engine()->securityGuards()->isOn(Guard::Trajectory));
    QVERIFY(!toggle->isChecked());

    QSignalSpy events(&controller, &EngineController::securityEventsArrived);
    SecurityEvent e;
    e.layer = QStringLiteral("threat_ledger");
    e.action = QStringLiteral("block");
    host.engine()->securityGuards()->addEvent(e);
    host.engine()->securityGuards()->countBlocked(Guard::ThreatLedger);
    QTRY_COMPARE(events.count(), 1);
    auto *counters = window.findChild<QLabel *>(QStringLiteral("counters_threat_ledger"));
    QVERIFY(counters);
    QTRY_VERIFY2(counters->text().contains(QLatin1String("1 blocked")), qPrintable(counters->text()));
}

void TestSecurityWindows::guardToggleSwitchesTheEngine()
{
    GuardsWindow *window = openGuards();
    QVERIFY(window);
    auto *toggle = window->findChild<QCheckBox *>(QStringLiteral("toggle_injection"));
    auto *reset = window->findChild<QPushButton *>(QStringLiteral("reset_injection"));
    auto *state = window->findChild<QLabel *>(QStringLiteral("state_injection"));
    QVERIFY(toggle && reset && state);
    QVERIFY(toggle->isChecked());
    QVERIFY(toggle->isEnabled());
    QVERIFY(!reset->isEnabled());
    QVERIFY(!reset->isVisible());
    QCOMPARE(state->text(), QStringLiteral("On"));
    QVERIFY(guards().isOn(Guard::Injection));

    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!guards().isOn(Guard::Injection));
    QCOMPARE(guards().override(Guard::Injection), std::optional<bool>(false));
    QVERIFY(!toggle->isChecked());
    QCOMPARE(state->text(), QStringLiteral("Off"));
    QVERIFY(reset->isEnabled());
    QVERIFY(reset->isVisible());
    auto *note = window->findChild<QLabel *>(QStringLiteral("note_injection"));
    QVERIFY(note && note->isVisible());
    QCOMPARE(note->text(), QStringLiteral("Switched off here; the configuration says on."));
    // Other guards are untouched.
    QVERIFY(guards().isOn(Guard::Firewall));

    QTest::mouseClick(reset, Qt::LeftButton);
    QCOMPARE(guards().override(Guard::Injection), std::nullopt);
    QVERIFY(guards().isOn(Guard::Injection));
    QVERIFY(toggle->isChecked());
    QVERIFY(!reset->isEnabled());
    QVERIFY(!note->isVisible());

    // A switch made elsewhere (the admin API) shows up too.
    guards().setOverride(Guard::Pii, false);
    auto *piiToggle = window->findChild<QCheckBox *>(QStringLiteral("toggle_pii"));
    QVERIFY(piiToggle);
    QTRY_VERIFY(!piiToggle->isChecked());
    guards().countScanned(Guard::Pii);
    guards().countMasked(Guard::Pii, 7);
    auto *counters = window->findChild<QLabel *>(QStringLiteral("counters_pii"));
    QVERIFY(counters);
    QTRY_VERIFY2(counters->text().contains(QLatin1String("7 masked")), qPrintable(counters->text()));
}

void TestSecurityWindows::masterSwitchTurnsEveryGuardOff()
{
    GuardsWindow *window = openGuards();
    QVERIFY(window);
    auto *master = window->findChild<QCheckBox *>(QStringLiteral("masterCheck"));
    auto *masterReset = window->findChild<QPushButton *>(QStringLiteral("masterResetButton"));
    QVERIFY(master && masterReset);
    QVERIFY(master->isChecked());
    QVERIFY(!masterReset->isEnabled());

    QTest::mouseClick(master, Qt::LeftButton);
    QVERIFY(!guards().masterOn());
    for (const GuardInfo &info : guardInfos())
        QVERIFY2(!guards().isOn(info.guard), info.id);
    QCOMPARE(window->findChild<QLabel *>(QStringLiteral("state_firewall"))->text(), QStringLiteral("Off"));
    // The guards' own switches keep their value, with a note that they are not running.
    QVERIFY(window->findChild<QCheckBox *>(QStringLiteral("toggle_firewall"))->isChecked());
    QVERIFY(
        window->findChild<QLabel *>(QStringLiteral("note_firewall"))->text().contains(QLatin1String("Not running")));
    QVERIFY(masterReset->isEnabled());

    // The Threats view says so too.
    ThreatsWindow *threats = openThreats();
    QVERIFY(threats && threats->isViewReady());
    QTRY_VERIFY(quickItem("securityOffBanner")->isVisible());

    QTest::mouseClick(masterReset, Qt::LeftButton);
    QVERIFY(guards().masterOn());
    QCOMPARE(guards().masterOverride(), std::nullopt);
    QVERIFY(master->isChecked());
    QTRY_VERIFY(!quickItem("securityOffBanner")->isVisible());
}

void TestSecurityWindows::firewallOffByEnvironmentCannotBeSwitchedOn()
{
    stop();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("LLM_PROXY_FIREWALL_ENABLED"), QStringLiteral("false"));
    startEngine({}, environment);
    QCOMPARE(m_controller->securityStatus().firewallDisabledReason, QStringLiteral("env:LLM_PROXY_FIREWALL_ENABLED"));

    GuardsWindow *window = openGuards();
    QVERIFY(window);
    auto *toggle = window->findChild<QCheckBox *>(QStringLiteral("toggle_firewall"));
    auto *note = window->findChild<QLabel *>(QStringLiteral("note_firewall"));
    QVERIFY(toggle && note);
    QVERIFY(!toggle->isEnabled());
    QVERIFY(!toggle->isChecked());
    QVERIFY2(toggle->toolTip().contains(QLatin1String("LLM_PROXY_FIREWALL_ENABLED")), qPrintable(toggle->toolTip()));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QLatin1String("LLM_PROXY_FIREWALL_ENABLED")));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!guards().isOn(Guard::Firewall));
    QCOMPARE(guards().override(Guard::Firewall), std::nullopt);

    // Signing has no key in this environment: locked as well, and it says why.
    auto *signing = window->findChild<QCheckBox *>(QStringLiteral("toggle_response_signing"));
    QVERIFY(signing && !signing->isEnabled());
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("note_response_signing"))
                ->text()
                .contains(QLatin1String("LLM_PROXY_SIGNING_KEY")));
    // The others can be switched.
    QVERIFY(window->findChild<QCheckBox *>(QStringLiteral("toggle_pii"))->isEnabled());
    window->resize(1000, 760);
    QTest::qWait(200);
    QVERIFY(!saveShot(window, QStringLiteral("guards-firewall-off-by-env.png")).isEmpty());
}

void TestSecurityWindows::firewallOffByConfigurationSaysSo()
{
    stop();
    startEngine("security:\n  firewall:\n    enabled: false\n");
    GuardsWindow *window = openGuards();
    QVERIFY(window);
    auto *toggle = window->findChild<QCheckBox *>(QStringLiteral("toggle_firewall"));
    auto *note = window->findChild<QLabel *>(QStringLiteral("note_firewall"));
    QVERIFY(toggle && note);
    QVERIFY(!toggle->isChecked());
    QVERIFY2(note->text().contains(QLatin1String("security.firewall.enabled: false")), qPrintable(note->text()));
    // The configuration's value can be overridden at run time (the environment's cannot).
    QVERIFY(toggle->isEnabled());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(guards().isOn(Guard::Firewall));
    QVERIFY(note->text().contains(QLatin1String("Switched on here")));
}

void TestSecurityWindows::screenshots()
{
    addActivity();
    guards().setOverride(Guard::LinkSanitizer, false);
    ThreatsWindow *threats = openThreats();
    QVERIFY(threats && threats->isViewReady());
    threats->resize(1200, 780);
    QTRY_COMPARE(quickItem("decisionList")->property("count").toInt(), 5);
    GuardsWindow *guardsWindow = openGuards();
    QVERIFY(guardsWindow);
    guardsWindow->resize(1000, 760);
    QTest::qWait(300);

    QStringList paths;
    paths << saveShot(m_shell->mainWindow(), QStringLiteral("main-window-light.png"));
    paths << saveShot(threats, QStringLiteral("threats-light.png"));
    paths << saveShot(guardsWindow, QStringLiteral("guards-light.png"));
    QApplication::setPalette(darkPalette());
    QTest::qWait(300);
    paths << saveShot(threats, QStringLiteral("threats-dark.png"));
    paths << saveShot(guardsWindow, QStringLiteral("guards-dark.png"));
    for (const QString &path : std::as_const(paths)) {
        QVERIFY(!path.isEmpty());
        qInfo("screenshot: %s", qPrintable(path));
    }
    // The QML view follows the palette: its background is the dark window colour now.
    const QImage dark = threats->grab().toImage();
    QVERIFY(dark.pixelColor(2, 2).lightness() < 100);
}

/// With Xvfb, jwm and xdotool installed, the test runs itself again on a private X display with a
/// window manager and tray, so the windows are real X windows; otherwise on the offscreen platform.
int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("LLMPROXY_SECURITY_WINDOWS_DISPLAY") &&
        llmproxy::test::XSession::missingTools().isEmpty()) {
        QCoreApplication app(argc, argv);
        llmproxy::test::XSession x;
        QString error;
        if (!x.start(&error)) {
            qWarning("cannot start Xvfb and jwm: %s", qPrintable(error));
            return 1;
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LLMPROXY_SECURITY_WINDOWS_DISPLAY"), x.display());
        environment.insert(QStringLiteral("DISPLAY"), x.display());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        QProcess self;
        self.setProcessEnvironment(environment);
        self.setProcessChannelMode(QProcess::ForwardedChannels);
        self.start(QCoreApplication::applicationFilePath(), QCoreApplication::arguments().mid(1));
        if (!self.waitForFinished(-1) || self.exitStatus() != QProcess::NormalExit)
            return 1;
        return self.exitCode();
    }
    QApplication app(argc, argv);
    TestSecurityWindows test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_securitywindows.moc"

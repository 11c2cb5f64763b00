// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Every window of the desktop, in the light and the dark theme, at 1280×800 and at 800×600: it must
// fit the screen (its minimum size leaves room for a title bar and a panel), render something (not
// one flat colour), and show every button and label at least at its minimum size, i.e. not cut.
// With LLMPROXY_SCREENSHOT_DIR set, each rendering is saved there as <window>-<theme>-<size>.png
// (scripts/screenshots.sh runs this under Xvfb to refresh docs/screenshots/).
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/pipeline/securityguards.h"
#include "proxycore/store/store.h"
#include "tests/support/inprocessengine.h"
#include "ui/analyticswindow.h"
#include "ui/appearance.h"
#include "ui/connecttooldialog.h"
#include "ui/desktopshell.h"
#include "ui/endpointswindow.h"
#include "ui/firstrunwizard.h"
#include "ui/guardswindow.h"
#include "ui/historywindow.h"
#include "ui/mainwindow.h"
#include "ui/modelswindow.h"
#include "ui/playgroundwindow.h"
#include "ui/securitywindow.h"
#include "ui/settingswindow.h"
#include "ui/threatswindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

/// Room the desktop takes from the screen around a window: title bar and a panel.
constexpr int kDecorationHeight = 64;

/// How much of `image` differs from its most common colour, and how many colours it has.
struct Coverage
{
    double share = 0;
    int colours = 0;
};

Coverage coverageOf(const QImage &image)
{
    QHash<QRgb, int> counts;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2)
            ++counts[line[x]];
    }
    int total = 0;
    int most = 0;
    for (const int c : std::as_const(counts)) {
        total += c;
        most = std::max(most, c);
    }
    return {total ? 1.0 - double(most) / total : 0.0, int(counts.size())};
}

} // namespace

class TestWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        ConfigSources sources;
        QString error;
        // An engine with endpoints to list (nothing listens there: they show as down).
        const ConfigPtr config =
            test::loadIsolatedConfig(m_dir.path(),
                                     "server:\n  host: 127.0.0.1\ndiscovery:\n  local_scan: false\n"
                                     "endpoints:\n"
                                     "  openai-main:\n    provider: openai_compatible\n"
                                     "    base_url: http://127.0.0.1:9/v1\n    models: [gpt-4o-mini, gpt-4o]\n"
                                     "    api_key: sk-test-not-real-0123456789\n"
                                     "  local-ollama:\n    provider: ollama\n    base_url: http://127.0.0.1:9\n"
                                     "model_aliases:\n  fast: gpt-4o-mini\n  claude-*: gpt-4o\n"
                                     "fallback_chains:\n  gpt-4o:\n    - {endpoint: local-ollama, model: llama3.2}\n",
                                     &sources, &error);
        QVERIFY2(config, qPrintable(error));
        m_engine = std::make_unique<Engine>(config, sources);
        m_engine->setDataDirectory(m_dir.path()); // a request history to show
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        seedSecurityActivity(*m_engine->securityGuards());
        QVERIFY(m_engine->store());
        m_engine->store()->recordRequests(seedHistory());
        QTRY_COMPARE(m_engine->store()->status().writer.written, quint64(seedHistory().size()));
        m_controller = std::make_unique<EngineController>(m_engine.get());
        m_shell = std::make_unique<DesktopShell>(m_controller.get());
        // The first-run wizard looks for a local server where none listens (port 9, discard).
        m_shell->setLocalDiscoveryTargets({{u"ollama"_s, 9}});
        m_shell->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_shell->mainWindow()));
    }

    void cleanupTestCase()
    {
        Appearance::apply(Appearance::Theme::Light);
        m_shell.reset();
        m_controller.reset();
        QVERIFY(test::stopEngine(m_engine));
    }

    void everyWindowFitsAndRenders_data()
    {
        QTest::addColumn<QString>("window");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QSize>("screen");
        for (const char *window : {"main", "endpoints", "threats", "guards", "models", "settings", "playground",
                                   "history", "analytics", "security", "connect-tool", "first-run"}) {
            for (const char *theme : {"light", "dark"}) {
                for (const QSize screen : {QSize(1280, 800), QSize(800, 600)}) {
                    QTest::addRow("%s %s %dx%d", window, theme, screen.width(), screen.height())
                        << QString::fromLatin1(window) << QString::fromLatin1(theme) << screen;
                }
            }
        }
    }

    void everyWindowFitsAndRenders()
    {
        QFETCH(QString, window);
        QFETCH(QString, theme);
        QFETCH(QSize, screen);
        Appearance::apply(theme == u"dark" ? Appearance::Theme::Dark : Appearance::Theme::Light);
        QWidget *w = open(window);
        QVERIFY(w);
        QVERIFY(QTest::qWaitForWindowExposed(w));

        // It fits: its smallest size leaves room for the window frame and a panel.
        const QSize minimum = w->minimumSizeHint().expandedTo(w->minimumSize());
        QVERIFY2(minimum.width() <= screen.width() && minimum.height() <= screen.height() - kDecorationHeight,
                 qPrintable(u"needs at least %1×%2"_s.arg(minimum.width()).arg(minimum.height())));
        const QSize size(std::min(screen.width(), std::max(minimum.width(), screen.width() * 4 / 5)),
                         std::min(screen.height() - kDecorationHeight,
                                  std::max(minimum.height(), (screen.height() - kDecorationHeight) * 9 / 10)));
        w->resize(size);
        QTest::qWait(150);
        QCoreApplication::processEvents();
        QCOMPARE(w->size(), size);

        // Nothing cut: every shown button and label gets at least its minimum width and lies
        // inside the window.
        const QRect inside = w->rect();
        const auto visible = [w](QWidget *child) { return child->isVisibleTo(w) && child->window() == w; };
        for (QAbstractButton *button : w->findChildren<QAbstractButton *>()) {
            if (!visible(button) || button->text().isEmpty())
                continue;
            const QRect r(button->mapTo(w, QPoint(0, 0)), button->size());
            QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                     qPrintable(u"button \"%1\" is cut: %2 < %3"_s.arg(button->text())
                                    .arg(button->width())
                                    .arg(button->minimumSizeHint().width())));
            if (!isInScrollArea(button, w)) {
                QVERIFY2(inside.contains(r),
                         qPrintable(u"button \"%1\" lies outside the window"_s.arg(button->text())));
            }
        }
        for (QLabel *label : w->findChildren<QLabel *>()) {
            if (!visible(label) || label->text().isEmpty() || label->wordWrap() || isInScrollArea(label, w))
                continue;
            const QRect r(label->mapTo(w, QPoint(0, 0)), label->size());
            QVERIFY2(inside.contains(r), qPrintable(u"label \"%1\" lies outside the window"_s.arg(label->text())));
        }

        // Not blank: more than one flat colour, with a fair share of the window drawn on.
        const QImage image = w->grab().toImage();
        const Coverage c = coverageOf(image);
        QVERIFY2(c.colours >= 8 && c.share >= 0.02,
                 qPrintable(u"looks blank: %1 colours, %2 % drawn"_s.arg(c.colours).arg(100 * c.share, 0, 'f', 1)));

        const QString shots = qEnvironmentVariable("LLMPROXY_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            const QString name = u"%1-%2-%3x%4.png"_s.arg(window, theme).arg(screen.width()).arg(screen.height());
            QVERIFY(image.save(QDir(shots).filePath(name)));
        }
        if (w != m_shell->mainWindow())
            w->hide();
    }

private:
    /// Counters and a few decisions, so that the Threats window shows what it is for.
    static void seedSecurityActivity(SecurityGuards &guards)
    {
        for (int i = 0; i < 120; ++i) {
            guards.countScanned(Guard::Firewall);
            guards.countScanned(Guard::Injection);
            guards.countScanned(Guard::Pii);
            guards.recordScan(40'000 + (i % 7) * 9'000, i < 2); // two of them blocked
        }
        guards.countBlocked(Guard::Firewall);
        guards.countBlocked(Guard::Injection);
        guards.countMasked(Guard::Pii, 4);
        SecurityEvent e;
        e.requestId = u"req-7f3a"_s;
        e.keyName = u"laptop"_s;
        e.model = u"gpt-4o-mini"_s;
        e.layer = u"firewall"_s;
        e.action = u"block"_s;
        e.reason = u"firewall_signature"_s;
        e.detail = u"signature override.3 in text carried by Unicode tag characters"_s;
        e.score = 1.0;
        guards.addEvent(e);
        e.requestId = u"req-80c1"_s;
        e.layer = u"pii"_s;
        e.action = u"mask"_s;
        e.reason = u"EMAIL"_s;
        e.detail = u"2 e-mail addresses and 1 phone number masked"_s;
        e.score = 0.0;
        guards.addEvent(e);
        e.requestId = u"req-8a42"_s;
        e.keyName = u"ci-agent"_s;
        e.model = u"claude-sonnet-4-5"_s;
        e.layer = u"injection"_s;
        e.action = u"block"_s;
        e.reason = u"prompt_injection"_s;
        e.detail = u"score 0.93 in a tool result: override phrasing, classifier 0.91"_s;
        e.score = 0.93;
        guards.addEvent(e);
    }

    /// Requests of the last hour, as the history window lists them.
    static QList<RequestRecord> seedHistory()
    {
        QList<RequestRecord> records;
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        for (int i = 0; i < 60; ++i) {
            RequestRecord r;
            r.time = start.addSecs(i * 55);
            r.requestId = u"req-%1"_s.arg(0x7f00 + i * 37, 0, 16);
            r.method = u"POST"_s;
            r.route = i % 3 ? u"/v1/chat/completions"_s : u"/v1/messages"_s;
            r.clientApi = i % 3 ? u"chat_completions"_s : u"messages"_s;
            r.keyName = i % 2 ? u"laptop"_s : u"ci-agent"_s;
            r.model = i % 3 ? u"gpt-4o-mini"_s : u"claude-sonnet-4-5"_s;
            r.servedModel = i % 3 ? r.model : u"gpt-4o"_s;
            r.provider = u"openai"_s;
            r.endpoint = u"openai-main"_s;
            r.attempts = i % 11 == 0 ? 2 : 1;
            r.status = i % 13 == 0 ? 403 : i % 17 == 0 ? 502 : 200;
            r.error = r.status == 403 ? u"request_blocked"_s : r.status == 502 ? u"upstream_error"_s : QString();
            r.blockedBy = r.status == 403 ? u"firewall"_s : QString();
            r.latencyMs = 180 + (i * 97) % 900;
            r.promptTokens = r.status == 200 ? 300 + (i * 53) % 2000 : -1;
            r.completionTokens = r.status == 200 ? 40 + (i * 31) % 700 : -1;
            r.costUsd =
                r.status == 200 ? (r.promptTokens * 0.15 + r.completionTokens * 0.6) / 1e6 * (i % 3 ? 1 : 20) : -1;
            r.stream = i % 4 == 0;
            records.append(r);
        }
        // Older spend, for the Analytics window's days: a few requests a day over the week before.
        const QDateTime today = QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), QTimeZone::utc());
        const QString models[] = {u"gpt-4o-mini"_s, u"claude-sonnet-4-5"_s, u"gpt-4o"_s, u"llama3.2"_s};
        for (int day = 1; day <= 6; ++day) {
            for (int i = 0; i < 4 + day; ++i) {
                RequestRecord r;
                r.time = today.addDays(-day).addSecs(3600 + i * 600);
                r.requestId = u"old-%1-%2"_s.arg(day).arg(i);
                r.method = u"POST"_s;
                r.route = u"/v1/chat/completions"_s;
                r.clientApi = u"chat_completions"_s;
                r.keyName = i % 2 ? u"laptop"_s : u"ci-agent"_s;
                r.model = models[(i + day) % 4];
                r.servedModel = r.model;
                r.provider = r.model.startsWith(u"llama") ? u"ollama"_s : u"openai"_s;
                r.endpoint = r.model.startsWith(u"llama") ? u"local-ollama"_s : u"openai-main"_s;
                r.status = 200;
                r.attempts = 1;
                r.latencyMs = 300 + i * 40;
                r.promptTokens = 800 + (i * 211) % 3000;
                r.completionTokens = 120 + (i * 97) % 900;
                r.costUsd = r.model.startsWith(u"llama") ? 0.0 : 0.002 * (1 + (i + day) % 5);
                records.append(r);
            }
        }
        return records;
    }

    QWidget *open(const QString &window)
    {
        if (window == u"main")
            return m_shell->mainWindow();
        if (window == u"threats") {
            m_shell->showThreats();
            return m_shell->threatsWindow();
        }
        if (window == u"endpoints") {
            m_shell->showEndpoints();
            return m_shell->endpointsWindow();
        }
        if (window == u"guards") {
            m_shell->showGuards();
            return m_shell->guardsWindow();
        }
        if (window == u"models") {
            m_shell->showModels();
            return m_shell->modelsWindow();
        }
        if (window == u"settings") {
            m_shell->showSettings();
            return m_shell->settingsWindow();
        }
        if (window == u"playground") {
            m_shell->showPlayground();
            return m_shell->playgroundWindow();
        }
        if (window == u"history") {
            m_shell->showHistory();
            return m_shell->historyWindow();
        }
        if (window == u"analytics") {
            m_shell->showAnalytics();
            return m_shell->analyticsWindow();
        }
        if (window == u"security") {
            m_shell->showSecurity();
            return m_shell->securityWindow();
        }
        if (window == u"first-run") {
            m_shell->showFirstRunWizard();
            return m_shell->firstRunWizard();
        }
        m_shell->showConnectTool();
        return m_shell->connectToolDialog();
    }

    /// Inside a scroll area, content may extend beyond the window: the area scrolls to it.
    static bool isInScrollArea(QWidget *widget, QWidget *window)
    {
        for (QWidget *p = widget->parentWidget(); p && p != window; p = p->parentWidget()) {
            if (p->inherits("QAbstractScrollArea"))
                return true;
        }
        return false;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<EngineController> m_controller;
    std::unique_ptr<DesktopShell> m_shell;
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"

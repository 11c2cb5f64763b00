// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/desktopshell.h"

#include "proxycore/engine/enginecontroller.h"
#include "ui/analyticswindow.h"
#include "ui/appearance.h"
#include "ui/commandpalette.h"
#include "ui/connecttooldialog.h"
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
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTranslator>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace llmproxy {

namespace {

// What "Open configuration file" writes when there is no file yet: nothing active, so the
// proxy behaves exactly as before, and examples to uncomment. YAML, not prose: never translated.
constexpr char kConfigTemplate[] = R"(# LLMProxy configuration. Uncomment and edit what you need, save, then choose
# "Reload configuration" (Ctrl+R) in LLMProxy to apply it. Reference: docs/configuration.md;
# every key with its default: resources/config.example.yaml. Keep secrets in the environment
# (api_key_env names the variable), not in this file.

# server:
#   host: 127.0.0.1
#   port: 8090

# endpoints:
#   openai:
#     provider: openai
#     api_key_env: OPENAI_API_KEY
#     models: [gpt-4o, gpt-4o-mini]
#   ollama:
#     base_url: http://127.0.0.1:11434/v1
#     models: [llama3.2]

# model_aliases:
#   fast: gpt-4o-mini
)";

} // namespace

DesktopShell::DesktopShell(EngineController *controller, QObject *parent) : QObject(parent), m_controller(controller)
{
    // Theme and translators first: the actions and the window pick up their look and texts when
    // they are built.
    Appearance::apply(Appearance::savedTheme());
    installTranslators(SettingsWindow::savedLanguage());
    createActions();

    m_mainWindow = std::make_unique<MainWindow>(m_controller, m_actions);
    connect(m_mainWindow.get(), &MainWindow::historyRequested, this, [this](const QString &requestId) {
        showHistory();
        m_historyWindow->showRequest(requestId);
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = std::make_unique<TrayIcon>(m_controller, m_actions);
        connect(m_tray.get(), &TrayIcon::toggleWindowRequested, this, &DesktopShell::toggleWindow);
        connect(m_mainWindow.get(), &MainWindow::hiddenToTray, this, [this] {
            if (m_toldAboutTray)
                return;
            m_toldAboutTray = true;
            m_tray->showMessage(QStringLiteral("LLMProxy"),
                                tr("LLMProxy keeps running in the system tray. Choose Quit in its menu to stop it."));
        });
        m_mainWindow->setHideOnClose(true);
        QGuiApplication::setQuitOnLastWindowClosed(false);
        qInfo("desktop: system tray available; closing the window hides it there, Quit ends the proxy");
    } else {
        qInfo("desktop: no system tray; closing the window ends the proxy");
    }
    // Ctrl+K reaches the shell before any widget of its windows sees it.
    qApp->installEventFilter(this);
}

DesktopShell::~DesktopShell()
{
    qApp->removeEventFilter(this);
    m_palette.reset();
    m_tray.reset();
    m_firstRunWizard.reset();
    m_connectToolDialog.reset();
    m_settingsWindow.reset();
    m_playgroundWindow.reset();
    m_historyWindow.reset();
    m_analyticsWindow.reset();
    m_securityWindow.reset();
    m_threatsWindow.reset();
    m_guardsWindow.reset();
    m_endpointsWindow.reset();
    m_modelsWindow.reset();
    m_mainWindow.reset();
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

void DesktopShell::show()
{
    m_mainWindow->show();
    if (m_tray)
        m_tray->show();
}

void DesktopShell::activate()
{
    m_mainWindow->setWindowState((m_mainWindow->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->activateWindow();
}

MainWindow *DesktopShell::mainWindow() const
{
    return m_mainWindow.get();
}

ThreatsWindow *DesktopShell::threatsWindow() const
{
    return m_threatsWindow.get();
}

GuardsWindow *DesktopShell::guardsWindow() const
{
    return m_guardsWindow.get();
}

namespace {

void bringUp(QWidget *window)
{
    window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    window->show();
    window->raise();
    window->activateWindow();
}

} // namespace

void DesktopShell::showThreats()
{
    // Built on first use: the QML engine loads only for those who look.
    if (!m_threatsWindow)
        m_threatsWindow = std::make_unique<ThreatsWindow>(m_controller);
    bringUp(m_threatsWindow.get());
}

void DesktopShell::showGuards()
{
    if (!m_guardsWindow)
        m_guardsWindow = std::make_unique<GuardsWindow>(m_controller);
    bringUp(m_guardsWindow.get());
}

EndpointsWindow *DesktopShell::endpointsWindow() const
{
    return m_endpointsWindow.get();
}

void DesktopShell::showEndpoints()
{
    if (!m_endpointsWindow) {
        m_endpointsWindow = std::make_unique<EndpointsWindow>(m_controller);
        // Adding an endpoint is the wizard's walk: provider, key in the keychain, models, test.
        connect(m_endpointsWindow.get(), &EndpointsWindow::addRequested, this, &DesktopShell::showFirstRunWizard);
    }
    bringUp(m_endpointsWindow.get());
}

ModelsWindow *DesktopShell::modelsWindow() const
{
    return m_modelsWindow.get();
}

void DesktopShell::showModels()
{
    if (!m_modelsWindow)
        m_modelsWindow = std::make_unique<ModelsWindow>(m_controller);
    bringUp(m_modelsWindow.get());
}

ConnectToolDialog *DesktopShell::connectToolDialog() const
{
    return m_connectToolDialog.get();
}

void DesktopShell::showConnectTool()
{
    if (!m_connectToolDialog)
        m_connectToolDialog = std::make_unique<ConnectToolDialog>(m_controller);
    bringUp(m_connectToolDialog.get());
}

SettingsWindow *DesktopShell::settingsWindow() const
{
    return m_settingsWindow.get();
}

void DesktopShell::showSettings()
{
    if (!m_settingsWindow) {
        m_settingsWindow = std::make_unique<SettingsWindow>(m_controller);
        connect(m_settingsWindow.get(), &SettingsWindow::languageChosen, this, &DesktopShell::setLanguage);
    }
    bringUp(m_settingsWindow.get());
}

void DesktopShell::setLanguage(const QString &code)
{
    installTranslators(code);
    retranslateActions();
    if (m_tray)
        m_tray->retranslate();
}

FirstRunWizard *DesktopShell::firstRunWizard() const
{
    return m_firstRunWizard.get();
}

void DesktopShell::showFirstRunWizard()
{
    if (m_firstRunWizard && m_firstRunWizard->isVisible()) {
        bringUp(m_firstRunWizard.get());
        return;
    }
    // Every opening starts from the first page with nothing chosen.
    m_firstRunWizard = std::make_unique<FirstRunWizard>(m_controller, m_discoveryTargets);
    connect(m_firstRunWizard.get(), &FirstRunWizard::connectToolRequested, m_actions.connectTool, &QAction::trigger);
    bringUp(m_firstRunWizard.get());
}

bool DesktopShell::showFirstRunWizardIfNeeded()
{
    if (!m_controller->isOnboarding() || FirstRunWizard::wasDismissed())
        return false;
    showFirstRunWizard();
    return true;
}

void DesktopShell::setLocalDiscoveryTargets(const QList<QPair<QString, quint16>> &targets)
{
    m_discoveryTargets = targets;
}

PlaygroundWindow *DesktopShell::playgroundWindow() const
{
    return m_playgroundWindow.get();
}

void DesktopShell::showPlayground()
{
    if (!m_playgroundWindow)
        m_playgroundWindow = std::make_unique<PlaygroundWindow>(m_controller);
    bringUp(m_playgroundWindow.get());
}

HistoryWindow *DesktopShell::historyWindow() const
{
    return m_historyWindow.get();
}

void DesktopShell::showHistory()
{
    if (!m_historyWindow)
        m_historyWindow = std::make_unique<HistoryWindow>(m_controller);
    bringUp(m_historyWindow.get());
}

AnalyticsWindow *DesktopShell::analyticsWindow() const
{
    return m_analyticsWindow.get();
}

void DesktopShell::showAnalytics()
{
    if (!m_analyticsWindow)
        m_analyticsWindow = std::make_unique<AnalyticsWindow>(m_controller);
    bringUp(m_analyticsWindow.get());
}

SecurityWindow *DesktopShell::securityWindow() const
{
    return m_securityWindow.get();
}

void DesktopShell::showSecurity()
{
    if (!m_securityWindow)
        m_securityWindow = std::make_unique<SecurityWindow>(m_controller);
    bringUp(m_securityWindow.get());
}

CommandPalette *DesktopShell::commandPalette() const
{
    return m_palette.get();
}

QWidget *DesktopShell::shellWindowOf(QWidget *widget) const
{
    if (!widget || (m_palette && widget->window() == m_palette.get()))
        return nullptr;
    const QWidget *windows[] = {m_mainWindow.get(),       m_threatsWindow.get(),   m_guardsWindow.get(),
                                m_playgroundWindow.get(), m_settingsWindow.get(),  m_connectToolDialog.get(),
                                m_endpointsWindow.get(),  m_firstRunWizard.get(),  m_modelsWindow.get(),
                                m_historyWindow.get(),    m_analyticsWindow.get(), m_securityWindow.get()};
    for (QWidget *w = widget->window(); w; w = w->parentWidget() ? w->parentWidget()->window() : nullptr) {
        if (std::find(std::begin(windows), std::end(windows), w) != std::end(windows))
            return widget->window();
    }
    return nullptr;
}

void DesktopShell::openCommandPalette(QWidget *window)
{
    if (!window)
        window = shellWindowOf(QApplication::activeWindow());
    if (!window)
        window = m_mainWindow.get();

    QList<CommandPalette::Command> commands;
    QSet<const QAction *> seen{m_actions.commandPalette};
    const std::function<void(QMenu *, const QString &)> addMenu = [&](QMenu *menu, const QString &path) {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            if (QMenu *submenu = action->menu()) {
                addMenu(submenu, path + QStringLiteral(" › ") + CommandPalette::plainText(action));
                continue;
            }
            if (seen.contains(action))
                continue;
            seen.insert(action);
            commands.append({action, path});
        }
    };
    const auto addMenuBar = [&](QMainWindow *mainWindow) {
        for (QAction *action : mainWindow->menuBar()->actions()) {
            if (QMenu *menu = action->menu())
                addMenu(menu, CommandPalette::plainText(action));
        }
    };
    // The window's own menus first, then the main window's, then the shared actions no menu lists.
    if (auto *own = qobject_cast<QMainWindow *>(window); own && own != m_mainWindow.get())
        addMenuBar(own);
    addMenuBar(m_mainWindow.get());
    for (QAction *action :
         {m_actions.open,        m_actions.pause,     m_actions.panic,    m_actions.reload,   m_actions.openConfig,
          m_actions.copyUrl,     m_actions.endpoints, m_actions.threats,  m_actions.guards,   m_actions.playground,
          m_actions.connectTool, m_actions.firstRun,  m_actions.models,   m_actions.settings, m_actions.clientKeys,
          m_actions.history,     m_actions.analytics, m_actions.security, m_actions.about,    m_actions.quit}) {
        if (!seen.contains(action)) {
            seen.insert(action);
            commands.append({action, QString()});
        }
    }

    if (!m_palette)
        m_palette = std::make_unique<CommandPalette>();
    m_palette->open(commands, window);
}

bool DesktopShell::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type == QEvent::KeyPress || type == QEvent::ShortcutOverride) && watched->isWidgetType()) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        if (key->key() == Qt::Key_K && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier) {
            if (QWidget *window = shellWindowOf(static_cast<QWidget *>(watched))) {
                // Claiming the override keeps text fields (Ctrl+K deletes to the end of the line
                // there) and shortcuts from taking the key; the key press that follows opens the palette.
                event->accept();
                if (type == QEvent::KeyPress)
                    openCommandPalette(window);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

TrayIcon *DesktopShell::trayIcon() const
{
    return m_tray.get();
}

const ShellActions &DesktopShell::actions() const
{
    return m_actions;
}

void DesktopShell::installTranslators(const QString &code)
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_translator.reset();
    m_qtTranslator.reset();
    // Numbers and dates follow the language chosen; the one the application started with when none is.
    const QLocale locale = code.isEmpty() ? m_startLocale : QLocale(code);
    QLocale::setDefault(locale);
    if (code == QLatin1String("en"))
        return; // the texts are written in English
    // Qt's own strings (standard buttons, context menus); absent catalogues just leave English.
    auto qtTranslator = std::make_unique<QTranslator>();
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qtTranslator.get())) {
        m_qtTranslator = std::move(qtTranslator);
    }
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(locale, QStringLiteral("llmproxy"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        QCoreApplication::installTranslator(translator.get())) {
        m_translator = std::move(translator);
    }
}

void DesktopShell::createActions()
{
    m_actions.open = new QAction(this);
    m_actions.open->setObjectName(QStringLiteral("openAction"));
    connect(m_actions.open, &QAction::triggered, this, &DesktopShell::activate);

    m_actions.pause = new QAction(this);
    m_actions.pause->setObjectName(QStringLiteral("pauseAction"));
    m_actions.pause->setCheckable(true);
    m_actions.pause->setChecked(m_controller->isPaused());
    m_actions.pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_actions.pause->setIcon(QIcon::fromTheme(QStringLiteral("media-playback-pause")));
    connect(m_actions.pause, &QAction::toggled, m_controller, &EngineController::setPaused);
    // The engine may also be paused from elsewhere (admin API); keep the check mark truthful.
    connect(m_controller, &EngineController::pausedChanged, m_actions.pause, &QAction::setChecked);

    m_actions.panic = new QAction(this);
    m_actions.panic->setObjectName(QStringLiteral("panicAction"));
    m_actions.panic->setCheckable(true);
    m_actions.panic->setChecked(m_controller->isPanic());
    m_actions.panic->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    connect(m_actions.panic, &QAction::toggled, m_controller, &EngineController::setPanic);
    // The admin API can pull the switch too.
    connect(m_controller, &EngineController::panicChanged, m_actions.panic, &QAction::setChecked);

    m_actions.reload = new QAction(this);
    m_actions.reload->setObjectName(QStringLiteral("reloadAction"));
    m_actions.reload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_actions.reload->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh")));
    connect(m_actions.reload, &QAction::triggered, m_controller, &EngineController::reloadConfig);

    m_actions.openConfig = new QAction(this);
    m_actions.openConfig->setObjectName(QStringLiteral("openConfigAction"));
    m_actions.openConfig->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    connect(m_actions.openConfig, &QAction::triggered, this, &DesktopShell::openConfigFile);

    m_actions.copyUrl = new QAction(this);
    m_actions.copyUrl->setObjectName(QStringLiteral("copyUrlAction"));
    m_actions.copyUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_actions.copyUrl->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    connect(m_actions.copyUrl, &QAction::triggered, this, &DesktopShell::copyUrl);

    m_actions.endpoints = new QAction(this);
    m_actions.endpoints->setObjectName(QStringLiteral("endpointsAction"));
    m_actions.endpoints->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_actions.endpoints->setIcon(QIcon::fromTheme(QStringLiteral("network-server")));
    connect(m_actions.endpoints, &QAction::triggered, this, &DesktopShell::showEndpoints);

    m_actions.threats = new QAction(this);
    m_actions.threats->setObjectName(QStringLiteral("threatsAction"));
    m_actions.threats->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_actions.threats->setIcon(QIcon::fromTheme(QStringLiteral("security-high")));
    connect(m_actions.threats, &QAction::triggered, this, &DesktopShell::showThreats);

    m_actions.guards = new QAction(this);
    m_actions.guards->setObjectName(QStringLiteral("guardsAction"));
    m_actions.guards->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_actions.guards->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    connect(m_actions.guards, &QAction::triggered, this, &DesktopShell::showGuards);

    m_actions.models = new QAction(this);
    m_actions.models->setObjectName(QStringLiteral("modelsAction"));
    m_actions.models->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_actions.models->setIcon(QIcon::fromTheme(QStringLiteral("view-list-details")));
    connect(m_actions.models, &QAction::triggered, this, &DesktopShell::showModels);

    m_actions.connectTool = new QAction(this);
    m_actions.connectTool->setObjectName(QStringLiteral("connectToolAction"));
    m_actions.connectTool->setIcon(QIcon::fromTheme(QStringLiteral("network-connect")));
    connect(m_actions.connectTool, &QAction::triggered, this, &DesktopShell::showConnectTool);

    m_actions.settings = new QAction(this);
    m_actions.settings->setObjectName(QStringLiteral("settingsAction"));
    m_actions.settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_actions.settings->setMenuRole(QAction::PreferencesRole);
    m_actions.settings->setIcon(QIcon::fromTheme(QStringLiteral("configure")));
    connect(m_actions.settings, &QAction::triggered, this, &DesktopShell::showSettings);

    m_actions.clientKeys = new QAction(this);
    m_actions.clientKeys->setObjectName(QStringLiteral("clientKeysAction"));
    m_actions.clientKeys->setIcon(QIcon::fromTheme(QStringLiteral("dialog-password")));
    connect(m_actions.clientKeys, &QAction::triggered, this, [this] {
        showSettings();
        m_settingsWindow->showPage(SettingsWindow::KeysPage);
    });

    m_actions.playground = new QAction(this);
    m_actions.playground->setObjectName(QStringLiteral("playgroundAction"));
    m_actions.playground->setIcon(QIcon::fromTheme(QStringLiteral("mail-send")));
    connect(m_actions.playground, &QAction::triggered, this, &DesktopShell::showPlayground);

    m_actions.history = new QAction(this);
    m_actions.history->setObjectName(QStringLiteral("historyAction"));
    m_actions.history->setIcon(QIcon::fromTheme(QStringLiteral("document-open-recent")));
    connect(m_actions.history, &QAction::triggered, this, &DesktopShell::showHistory);

    m_actions.analytics = new QAction(this);
    m_actions.analytics->setObjectName(QStringLiteral("analyticsAction"));
    m_actions.analytics->setIcon(QIcon::fromTheme(QStringLiteral("office-chart-bar")));
    connect(m_actions.analytics, &QAction::triggered, this, &DesktopShell::showAnalytics);

    m_actions.security = new QAction(this);
    m_actions.security->setObjectName(QStringLiteral("securityAction"));
    m_actions.security->setIcon(QIcon::fromTheme(QStringLiteral("security-high")));
    connect(m_actions.security, &QAction::triggered, this, &DesktopShell::showSecurity);

    m_actions.firstRun = new QAction(this);
    m_actions.firstRun->setObjectName(QStringLiteral("firstRunAction"));
    m_actions.firstRun->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    connect(m_actions.firstRun, &QAction::triggered, this, &DesktopShell::showFirstRunWizard);

    m_actions.commandPalette = new QAction(this);
    m_actions.commandPalette->setObjectName(QStringLiteral("commandPaletteAction"));
    m_actions.commandPalette->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_actions.commandPalette, &QAction::triggered, this, [this] { openCommandPalette(); });

    m_actions.quit = new QAction(this);
    m_actions.quit->setObjectName(QStringLiteral("quitAction"));
    m_actions.quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_actions.quit->setMenuRole(QAction::QuitRole);
    m_actions.quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    // Not QCoreApplication::quit(): that asks the window to close, and with a tray it only hides.
    connect(m_actions.quit, &QAction::triggered, this, &DesktopShell::quitRequested);

    m_actions.about = new QAction(this);
    m_actions.about->setObjectName(QStringLiteral("aboutAction"));
    m_actions.about->setMenuRole(QAction::AboutRole);
    connect(m_actions.about, &QAction::triggered, this, &DesktopShell::showAbout);

    // The shortcuts work in the main window only: the tray menu (a context menu) does not show them.
    for (QAction *action :
         {m_actions.open,     m_actions.pause,      m_actions.panic,    m_actions.reload,         m_actions.openConfig,
          m_actions.copyUrl,  m_actions.endpoints,  m_actions.threats,  m_actions.guards,         m_actions.connectTool,
          m_actions.settings, m_actions.playground, m_actions.firstRun, m_actions.models,         m_actions.clientKeys,
          m_actions.history,  m_actions.analytics,  m_actions.security, m_actions.commandPalette, m_actions.quit,
          m_actions.about})
        action->setShortcutVisibleInContextMenu(false);
    retranslateActions();
}

void DesktopShell::retranslateActions()
{
    m_actions.open->setText(tr("&Open LLMProxy"));
    m_actions.pause->setText(tr("&Pause proxy"));
    m_actions.pause->setToolTip(tr("Answer inference requests with 503 until resumed"));
    m_actions.panic->setText(tr("&Stop all traffic"));
    m_actions.panic->setToolTip(tr("Kill switch: refuse every inference request at once, until you release it"));
    m_actions.reload->setText(tr("&Reload configuration"));
    m_actions.openConfig->setText(tr("Open &configuration file"));
    m_actions.openConfig->setToolTip(tr("Edit the configuration file; Reload configuration applies it"));
    m_actions.copyUrl->setText(tr("&Copy base URL"));
    m_actions.endpoints->setText(tr("&All endpoints…"));
    m_actions.endpoints->setToolTip(tr("Add, edit, reorder, test and switch endpoints, and see each one's statistics"));
    m_actions.threats->setText(tr("&Threats"));
    m_actions.threats->setToolTip(tr("What the security guards blocked, masked and flagged, and why"));
    m_actions.guards->setText(tr("Security &guards"));
    m_actions.guards->setToolTip(tr("Switch the security guards on or off"));
    m_actions.models->setText(tr("&Models and routing"));
    m_actions.models->setToolTip(tr("Every model with its endpoints; aliases, fallback chains and route overrides"));
    m_actions.connectTool->setText(tr("Connect a &tool…"));
    m_actions.connectTool->setToolTip(
        tr("Point Claude Code, Codex, Cursor, Continue, Aider, Cline, Zed or Copilot at LLMProxy"));
    m_actions.playground->setText(tr("P&layground"));
    m_actions.playground->setToolTip(
        tr("Send a prompt through the gateway and see the route, tokens, cost and security decisions"));
    m_actions.history->setText(tr("Request &history"));
    m_actions.history->setToolTip(
        tr("Every request the gateway kept: search and filter them by status, period and key"));
    m_actions.analytics->setText(tr("&Analytics"));
    m_actions.analytics->setToolTip(tr("Spend over time by model, provider, key or team; tokens, cost per request "
                                       "and budgets"));
    m_actions.security->setText(tr("Audit and &GDPR"));
    m_actions.security->setToolTip(tr("Verify the audit chain; export or erase a person's data in the audit ledger"));
    m_actions.firstRun->setText(tr("Add a &provider…"));
    m_actions.firstRun->setToolTip(
        tr("The setup wizard: a cloud provider with its key, or a model server on this computer"));
    m_actions.commandPalette->setText(tr("Command &palette…"));
    m_actions.commandPalette->setToolTip(tr("Find and run any command by typing part of its name"));
    m_actions.settings->setText(tr("S&ettings…"));
    m_actions.settings->setToolTip(
        tr("Listen address, client keys, theme, language, start at login, logging and the configuration file"));
    m_actions.clientKeys->setText(tr("Client &keys…"));
    m_actions.clientKeys->setToolTip(tr("The keys clients send to use the proxy: create and revoke them"));
    m_actions.quit->setText(tr("&Quit"));
    m_actions.about->setText(tr("&About LLMProxy"));
}

void DesktopShell::toggleWindow()
{
    if (m_mainWindow->isVisible() && m_mainWindow->isActiveWindow())
        m_mainWindow->hide();
    else
        activate();
}

void DesktopShell::copyUrl()
{
    const QString url = m_controller->listenUrl();
    if (url.isEmpty())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(url);
    m_mainWindow->statusBar()->showMessage(tr("Copied %1 to the clipboard.").arg(url), 5000);
}

QByteArray DesktopShell::configTemplate()
{
    return QByteArray(kConfigTemplate);
}

bool DesktopShell::ensureConfigFile(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        *error = tr("No configuration file is in use; start LLMProxy with --config FILE.");
        return false;
    }
    if (QFileInfo::exists(path))
        return true;
    QFile file(path);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        file.write(kConfigTemplate) != qint64(sizeof(kConfigTemplate) - 1)) {
        *error = tr("Cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void DesktopShell::openConfigFile()
{
    const QString path = m_controller->configPath();
    QString error;
    if (!ensureConfigFile(path, &error)) {
        m_mainWindow->statusBar()->showMessage(error);
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
        m_mainWindow->statusBar()->showMessage(tr("No application opens %1; edit it with any text editor.").arg(path));
        return;
    }
    m_mainWindow->statusBar()->showMessage(
        tr("Opened %1. Save it, then choose Reload configuration to apply it.").arg(path), 10'000);
}

void DesktopShell::showAbout()
{
    // Not exec(): a modal loop would stall the request log while the box is open.
    auto *box = new QMessageBox(QMessageBox::Information, tr("About LLMProxy"),
                                tr("<b>LLMProxy %1</b><p>A security gateway for LLM traffic: one OpenAI-compatible "
                                   "endpoint in front of local and hosted models.</p>"
                                   "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                                    .arg(QStringLiteral(LLMPROXY_VERSION)),
                                QMessageBox::Ok, m_mainWindow.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(m_mainWindow->windowIcon().pixmap(64, 64));
    box->open();
}

} // namespace llmproxy

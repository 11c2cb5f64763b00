// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "ui/shellactions.h"

#include <QList>
#include <QLocale>
#include <QObject>
#include <QPair>

#include <memory>

class QTranslator;

namespace llmproxy {

class CommandPalette;
class ConnectToolDialog;
class AnalyticsWindow;
class EndpointsWindow;
class EngineController;
class FirstRunWizard;
class GuardsWindow;
class MainWindow;
class ModelsWindow;
class HistoryWindow;
class PlaygroundWindow;
class SecurityWindow;
class SettingsWindow;
class ThreatsWindow;
class TrayIcon;

/// The desktop front end: applies the theme and installs the UI translations chosen in Settings
/// (the system's language by default), owns the main window, the Endpoints, Models, Threats, Guards,
/// Settings and Playground windows, the first-run wizard, the Connect a tool dialog, the command
/// palette, the tray icon (only when a system tray is available) and the actions they share. Talks to the engine only
/// through `controller`, which must outlive the shell. GUI thread only; needs a QApplication.
///
/// Quit (menu, Ctrl+Q, tray) emits quitRequested(): the caller shuts the engine down and ends
/// the event loop, whether or not there is a tray. Closing the window hides it to the tray when
/// there is one and quits otherwise.
///
/// Ctrl+K in any window of the shell (and in dialogs they own) opens the command palette over that
/// window, even where a text field would otherwise take the key: an application-wide event filter
/// catches it first.
class DesktopShell : public QObject
{
    Q_OBJECT
public:
    explicit DesktopShell(EngineController *controller, QObject *parent = nullptr);
    ~DesktopShell() override;

    void show();
    /// Shows, raises and focuses the window (a second launch of the application ends up here).
    void activate();

    MainWindow *mainWindow() const;
    /// The Threats and Guards windows: created the first time they are shown, nullptr before.
    ThreatsWindow *threatsWindow() const;
    GuardsWindow *guardsWindow() const;
    EndpointsWindow *endpointsWindow() const; ///< created the first time it is shown, nullptr before
    /// The Connect a tool dialog: created the first time it is shown, nullptr before.
    ConnectToolDialog *connectToolDialog() const;
    SettingsWindow *settingsWindow() const;     ///< created the first time it is shown, nullptr before
    PlaygroundWindow *playgroundWindow() const; ///< created the first time it is shown, nullptr before
    HistoryWindow *historyWindow() const;       ///< created the first time it is shown, nullptr before
    AnalyticsWindow *analyticsWindow() const;   ///< created the first time it is shown, nullptr before
    SecurityWindow *securityWindow() const;     ///< created the first time it is shown, nullptr before
    /// Shows, raises and focuses the Threats window (created on first use).
    void showThreats();
    /// Shows, raises and focuses the Guards window (created on first use).
    void showGuards();
    /// Shows, raises and focuses the Endpoints window (created on first use).
    void showEndpoints();
    ModelsWindow *modelsWindow() const; ///< created the first time it is shown, nullptr before
    /// Shows, raises and focuses the Models window (created on first use).
    void showModels();
    /// Shows, raises and focuses the Connect a tool dialog (created on first use).
    void showConnectTool();
    /// Shows, raises and focuses the Settings window (created on first use).
    void showSettings();
    /// Switches every window to `code` ("de", "zh_CN"; "en" = untranslated; "" = the system's
    /// language) at once: the translators are replaced and each window retranslates itself.
    void setLanguage(const QString &code);
    /// Shows, raises and focuses the Playground window (created on first use).
    void showPlayground();
    /// Shows, raises and focuses the Request history window (created on first use).
    void showHistory();
    /// Shows, raises and focuses the Analytics window (created on first use).
    void showAnalytics();
    /// Shows, raises and focuses the Security window (created on first use).
    void showSecurity();
    FirstRunWizard *firstRunWizard() const; ///< created the first time it is shown, nullptr before
    /// Shows, raises and focuses the first-run wizard (created on first use; a finished one starts over).
    void showFirstRunWizard();
    /// Shows the first-run wizard when the engine has no endpoint yet and the user never finished
    /// or closed the wizard before (FirstRunWizard::wasDismissed()); true when it opened.
    bool showFirstRunWizardIfNeeded();
    /// The local servers the wizard looks for (preset name, loopback port); empty = the usual ports.
    void setLocalDiscoveryTargets(const QList<QPair<QString, quint16>> &targets);
    /// Opens the command palette over `window` (the active window of the shell when nullptr),
    /// listing the main window's menus (and `window`'s own, when it has a menu bar) and every
    /// shared action.
    void openCommandPalette(QWidget *window = nullptr);
    CommandPalette *commandPalette() const; ///< created the first time it opens, nullptr before
    TrayIcon *trayIcon() const; ///< nullptr when the desktop has no system tray
    const ShellActions &actions() const;

    /// The configuration file Reload reads; created with commented examples when missing. Empty
    /// path or an error: false with the reason in `error`.
    static bool ensureConfigFile(const QString &path, QString *error);
    /// What ensureConfigFile() writes: every example commented out, so it changes nothing.
    static QByteArray configTemplate();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// Quit was chosen: the application should shut the proxy down and exit.
    void quitRequested();

private:
    void installTranslators(const QString &code);
    void createActions();
    /// The actions' texts in the current language.
    void retranslateActions();
    void toggleWindow();
    void copyUrl();
    void openConfigFile();
    void showAbout();
    /// The shell's window that `widget` belongs to (directly or through a dialog it owns), or nullptr.
    QWidget *shellWindowOf(QWidget *widget) const;

    EngineController *m_controller;
    QLocale m_startLocale; ///< the default locale before any language was chosen: the system's
    std::unique_ptr<QTranslator> m_qtTranslator;
    std::unique_ptr<QTranslator> m_translator;
    ShellActions m_actions;
    std::unique_ptr<MainWindow> m_mainWindow;
    std::unique_ptr<ThreatsWindow> m_threatsWindow;
    std::unique_ptr<GuardsWindow> m_guardsWindow;
    std::unique_ptr<EndpointsWindow> m_endpointsWindow;
    std::unique_ptr<ModelsWindow> m_modelsWindow;
    std::unique_ptr<ConnectToolDialog> m_connectToolDialog;
    std::unique_ptr<SettingsWindow> m_settingsWindow;
    std::unique_ptr<PlaygroundWindow> m_playgroundWindow;
    std::unique_ptr<HistoryWindow> m_historyWindow;
    std::unique_ptr<AnalyticsWindow> m_analyticsWindow;
    std::unique_ptr<SecurityWindow> m_securityWindow;
    std::unique_ptr<FirstRunWizard> m_firstRunWizard;
    QList<QPair<QString, quint16>> m_discoveryTargets;
    std::unique_ptr<CommandPalette> m_palette;
    std::unique_ptr<TrayIcon> m_tray;
    bool m_toldAboutTray = false;
};

} // namespace llmproxy

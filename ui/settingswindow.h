// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace Ui {
class SettingsWindow;
}

namespace llmproxy {

/// The Settings window: one page each for the listen address and port (with the switch that
/// opens the proxy to the local network and the key it then needs), the client keys (listed,
/// created — shown once — and revoked), the theme, the language,
/// starting at login, logging and the data directory, and the configuration file itself in an
/// editor with Validate / Apply / Revert.
///
/// Settings that live in config.yaml are changed in the file's text, key by key, so its comments
/// and other keys stay (EngineController::editConfigText); every text is checked as the engine
/// would load it before it is written, the old file is kept as `config.yaml.bak`, and the engine
/// then reloads it — its answer is shown. Nothing that does not validate is ever written. The
/// theme, the language and the window geometry persist in QSettings; start at login is the
/// desktop's own entry (Autostart). GUI thread only; `controller` must outlive the window.
class SettingsWindow : public QWidget
{
    Q_OBJECT
public:
    enum Page { ServerPage, KeysPage, AppearancePage, LanguagePage, StartupPage, LoggingPage, ConfigPage };

    explicit SettingsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~SettingsWindow() override;

    void showPage(Page page);

    /// The translations the window offers: "" (the system's language), "en", then every
    /// llmproxy_<code>.qm under :/i18n.
    static QStringList availableLanguages();
    /// The language chosen in the window and kept in QSettings ("" = the system's).
    static QString savedLanguage();

    /// Writes `text` to `path` atomically, the previous file kept as `path`.bak. False with the
    /// reason in `error`.
    static bool writeConfigFile(const QString &path, const QByteArray &text, QString *error);

signals:
    /// The user chose a language ("" = the system's); DesktopShell installs it.
    void languageChosen(const QString &code);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpPages();
    void retranslate();
    /// The configuration file's text, or the commented example when there is none yet; false
    /// with the reason in `error` when it exists and cannot be read.
    bool readConfigText(QByteArray *text, QString *error) const;
    /// Reads the file again: fills the Server and Logging pages from what it gives, and the
    /// editor unless it holds unsaved changes.
    void loadFromFile();
    void showServerValues();
    void updateServerPage();
    void showLoggingValues();
    void applyServer();
    void applyLogging();
    /// Sets `edits` in the file's text, checks and writes it, and reloads. `status` shows the outcome.
    bool applyEdits(const QList<ConfigKeyEdit> &edits, QLabel *status);
    /// Checks and writes `text`, then reloads; false (and the file untouched) when it does not
    /// validate. `note` is added to what the save says.
    bool writeAndReload(const QByteArray &text, QLabel *status, const QString &note = {});
    void showReloadResult(bool ok, const QString &message);
    /// Asks the engine for the client keys and fills the table.
    void refreshKeys();
    void showKeys(const QList<ClientKeyInfo> &keys);
    void createKey();
    /// Asks for confirmation, then revokes the selected created key.
    void revokeSelectedKey();
    void updateKeyButtons();
    void chooseTheme(int index);
    void chooseLanguage(int index);
    void setAutostart(bool enabled);
    void showAutostart();
    void openDataDirectory();
    void validateEditor();
    void applyEditor();
    void revertEditor();
    /// Fills the problem list and marks the lines; returns whether the check passed.
    bool showProblems(const ConfigCheck &check);
    void goToProblem();
    static void setStatus(QLabel *label, const QString &text, bool error);
    void saveGeometrySettings() const;
    void restoreGeometrySettings();

    std::unique_ptr<Ui::SettingsWindow> m_ui;
    EngineController *m_controller;
    /// The file's text as last read and what it gives (effective values, errors).
    QByteArray m_fileText;
    ConfigCheck m_fileCheck;
    /// Where the answer to the reload we asked for goes; null when we asked for none.
    QLabel *m_reloadStatus = nullptr;
    QString m_savedNote; ///< what the save said, shown with the reload's answer
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/clientsetup/clientsetup.h"

#include <QDialog>
#include <QList>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;

namespace Ui {
class ConnectToolDialog;
}

namespace llmproxy {

class ClientConfigWriter;
class EngineController;

/// "Connect a tool": for the coding tool chosen in the list, the exact settings filled with the
/// gateway's URL, a proxy key and a model, each with a Copy button; for a tool with its own config
/// file, "Write config" merges the settings into it (backup first, see ClientConfigWriter) and
/// "Undo" puts the previous file back; "Send a test request" sends what the tool would send
/// (Anthropic Messages, Responses or Chat Completions, with its headers) to the gateway, without
/// blocking the window, and shows the status and the first words of the answer or the error.
/// Keys are never stored by the dialog. GUI thread only.
class ConnectToolDialog : public QDialog
{
    Q_OBJECT
public:
    /// `controller` (for the URL, models and whether a key is needed) must outlive the dialog.
    /// `home` and `stateDir` are where the tools' files and the undo records live; empty = the
    /// user's home directory and the application's data directory.
    explicit ConnectToolDialog(EngineController *controller, QWidget *parent = nullptr, const QString &home = {},
                               const QString &stateDir = {});
    ~ConnectToolDialog() override;

    /// Selects the tool with this id (see clientTools()); false when there is none.
    bool selectTool(const QString &id);
    /// The values the settings are filled with now.
    ClientSetupValues values() const;

signals:
    /// A test request finished; `ok` when the gateway answered 2xx.
    void testFinished(bool ok, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    /// On a language change: the form's texts, the texts set here and the chosen tool's blocks.
    void changeEvent(QEvent *event) override;

private:
    /// Sets the texts the form does not hold and that do not depend on the tool, in the current language.
    void retranslate();
    const ClientTool *currentTool() const;
    void showTool();
    void refreshSnippets();
    void refreshWriteState();
    void loadModels();
    void writeConfig();
    void undoConfig();
    void sendTest();
    /// Creates a client key named after the chosen tool and puts it in the key field.
    void createKey();
    void createKeyNamed(const QString &base, int attempt);
    void testReplied(QNetworkReply *reply);
    QString snippetTitle(const SetupSnippet &snippet) const;
    QString toolNote(const ClientTool &tool) const;
    void saveGeometrySetting() const;

    std::unique_ptr<Ui::ConnectToolDialog> m_ui;
    EngineController *m_controller;
    std::unique_ptr<ClientConfigWriter> m_writer;
    QNetworkAccessManager *m_network;
    QNetworkReply *m_pending = nullptr;
    QList<QPlainTextEdit *> m_snippetViews;
};

} // namespace llmproxy

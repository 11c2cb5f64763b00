// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"
#include "ui/chatstream.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Ui {
class PlaygroundWindow;
}

namespace llmproxy {

/// The Playground: sends a prompt (with an optional system prompt) to a model through the
/// gateway's own listen URL over HTTP, exactly as a client would, streamed, and shows the answer as
/// it arrives; then the route taken (endpoint, provider, model served, attempts), tokens, cost, the
/// gateway's overhead, time to first token and the security decisions on the request (blocks with
/// their code, masked values). The model list comes from GET /v1/models on the gateway. With a
/// gateway that requires client keys, a key field appears; the key is never stored.
///
/// The exchanges of the session stay in the window (not on disk) until Clear. Each prompt is sent on
/// its own, without the earlier exchanges. All network work is asynchronous; Stop hangs up at once.
/// Reads the request log and the security decisions through `controller`, which must outlive the
/// window. GUI thread only. Geometry, splitter and the last model persist in QSettings.
class PlaygroundWindow : public QWidget
{
    Q_OBJECT
public:
    /// One prompt and its answer, as the window shows it.
    struct Exchange
    {
        QString model;
        QString systemPrompt;
        QString prompt;
        QString answer; ///< the text streamed so far
        ChatStream::Outcome outcome;
        std::optional<RequestRecord> record; ///< the gateway's log entry, once it arrived
        QList<SecurityEvent> securityEvents; ///< the security pipeline's decisions on the request
    };

    explicit PlaygroundWindow(EngineController *controller, QWidget *parent = nullptr);
    ~PlaygroundWindow() override;

    const QList<Exchange> &exchanges() const;
    /// A prompt is being answered (or its log entry awaited): Send is off, Stop on while streaming.
    bool isBusy() const;
    /// Asks the gateway again for its models; the list and the status line update when it answers.
    void refreshModels();

    /// The line under an answer: route, tokens, cost, overhead, time to first token and total.
    static QString summaryText(const Exchange &exchange);
    /// What the security pipeline decided on the request, one line per decision; empty when nothing.
    static QStringList securityLines(const Exchange &exchange);
    /// Why an exchange failed, in a sentence with the gateway's code; empty when it did not.
    static QString errorText(const Exchange &exchange, const QString &listenUrl);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    /// On a language change: the form's texts, the texts set here and the model list's status line.
    void changeEvent(QEvent *event) override;

private:
    /// Sets the texts the form does not hold, in the current language.
    void retranslate();
    void send();
    void stop();
    void clear();
    void appendText(const QString &text);
    void streamFinished();
    /// Looks for the request's log entry; the exchange is complete once it is found or given up on.
    void collectRecord();
    void takeRecords(const QList<RequestRecord> &records);
    void completeExchange();
    void showModels(QNetworkReply *reply);
    void updateKeyField();
    void updateButtons();
    void setStatus(const QString &text, bool error = false);
    /// Appends a new paragraph with `html` at the end of the conversation.
    void appendHtml(const QString &html);
    void scrollToEnd();
    void saveSettings() const;
    void restoreSettings();

    std::unique_ptr<Ui::PlaygroundWindow> m_ui;
    EngineController *m_controller;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_modelsReply;
    ChatStream *m_stream = nullptr;
    QList<Exchange> m_exchanges;
    bool m_awaitingRecord = false;
    QTimer m_recordTimeout;
    bool m_answerStarted = false; ///< the current answer's paragraph exists
};

} // namespace llmproxy

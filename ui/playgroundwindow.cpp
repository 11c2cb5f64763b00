// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/playgroundwindow.h"

#include "ui/appicon.h"

#include "ui_playgroundwindow.h"

#include <cmath>

#include <QCloseEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

namespace llmproxy {

namespace {

/// How long to wait, after the answer ended, for the gateway's log entry of the request (it carries
/// the cost and the final overhead). The log is published every ~100 ms; past this, the exchange
/// shows what the response headers said.
constexpr int kRecordWaitMs = 3000;

// UI state only (geometry, splitter, last model); never keys.
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

QString milliseconds(double ms)
{
    return PlaygroundWindow::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

QString dollars(double usd)
{
    // Small amounts are the rule here: keep three significant digits without scientific notation.
    int decimals = 2;
    while (decimals < 10 && usd > 0 && usd < std::pow(10.0, 2 - decimals))
        ++decimals;
    return QStringLiteral("$") + QLocale().toString(usd, 'f', decimals);
}

QString paragraphHtml(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

/// The number of values a mask decision names ("EMAIL×2 PHONE×1" → 3).
int maskedCount(const QString &detail)
{
    static const QRegularExpression count(QStringLiteral(u"×(\\d+)"));
    int total = 0;
    for (const QRegularExpressionMatch &match : count.globalMatch(detail))
        total += match.captured(1).toInt();
    return total;
}

} // namespace

PlaygroundWindow::PlaygroundWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::PlaygroundWindow>()), m_controller(controller),
      m_network(new QNetworkAccessManager(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("playgroundWindow"));
    setWindowIcon(applicationIcon());
    // The gateway is this machine's own listener: never through a proxy from the environment.
    m_network->setProxy(QNetworkProxy::NoProxy);

    const QFontMetrics metrics = fontMetrics();
    m_ui->systemEdit->setFixedHeight(3 * metrics.lineSpacing() + 2 * m_ui->systemEdit->frameWidth() +
                                     2 * int(m_ui->systemEdit->document()->documentMargin()));
    m_ui->promptEdit->setMinimumHeight(3 * metrics.lineSpacing());
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    retranslate();
    m_ui->modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->modelCombo->setMinimumContentsLength(24);

    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &PlaygroundWindow::send);
    }
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &PlaygroundWindow::stop);

    connect(m_ui->sendButton, &QPushButton::clicked, this, &PlaygroundWindow::send);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &PlaygroundWindow::stop);
    connect(m_ui->clearButton, &QPushButton::clicked, this, &PlaygroundWindow::clear);
    connect(m_ui->refreshModelsButton, &QPushButton::clicked, this, &PlaygroundWindow::refreshModels);
    connect(m_ui->keyEdit, &QLineEdit::editingFinished, this, &PlaygroundWindow::refreshModels);
    connect(m_ui->promptEdit, &QPlainTextEdit::textChanged, this, &PlaygroundWindow::updateButtons);
    connect(m_ui->modelCombo, &QComboBox::currentTextChanged, this, &PlaygroundWindow::updateButtons);

    connect(m_controller, &EngineController::listeningChanged, this, [this] {
        if (isVisible())
            refreshModels();
    });
    connect(m_controller, &EngineController::configReloaded, this, [this] {
        updateKeyField();
        if (isVisible())
            refreshModels();
    });
    connect(m_controller, &EngineController::requestsFinished, this, &PlaygroundWindow::takeRecords);

    m_recordTimeout.setSingleShot(true);
    m_recordTimeout.setInterval(kRecordWaitMs);
    connect(&m_recordTimeout, &QTimer::timeout, this, &PlaygroundWindow::completeExchange);

    restoreSettings();
    updateKeyField();
    updateButtons();
}

PlaygroundWindow::~PlaygroundWindow()
{
    // Before the network manager, which owns the stream's reply.
    delete m_stream;
    saveSettings();
}

const QList<PlaygroundWindow::Exchange> &PlaygroundWindow::exchanges() const
{
    return m_exchanges;
}

bool PlaygroundWindow::isBusy() const
{
    return m_stream != nullptr || m_awaitingRecord;
}

void PlaygroundWindow::refreshModels()
{
    if (m_modelsReply)
        m_modelsReply->abort();
    const QString url = m_controller->listenUrl();
    if (url.isEmpty()) {
        m_ui->modelsStatusLabel->setText(tr("The gateway is not listening, so it offers no models."));
        return;
    }
    QNetworkRequest request(QUrl(url + QStringLiteral("/v1/models")));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(10'000);
    const QString key = m_ui->keyEdit->text().trimmed();
    if (!key.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + key.toUtf8());
    QNetworkReply *reply = m_network->get(request);
    m_modelsReply = reply;
    m_ui->modelsStatusLabel->setText(tr("Asking the gateway for its models…"));
    connect(reply, &QNetworkReply::finished, this, [this, reply] { showModels(reply); });
}

void PlaygroundWindow::showModels(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_modelsReply)
        return; // a newer request replaced this one
    m_modelsReply = nullptr;
    if (reply->error() == QNetworkReply::OperationCanceledError)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 401) {
        m_ui->keyEdit->setVisible(true);
        m_ui->keyLabel->setVisible(true);
        m_ui->modelsStatusLabel->setText(
            m_ui->keyEdit->text().trimmed().isEmpty()
                ? tr("The gateway requires a client key: enter one of its keys above.")
                : tr("The gateway refused this key: %1")
                      .arg(body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString()));
        return;
    }
    if (status != 200) {
        const QString message =
            body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
        m_ui->modelsStatusLabel->setText(
            tr("Cannot list the gateway's models: %1").arg(message.isEmpty() ? reply->errorString() : message));
        return;
    }
    QStringList models;
    for (const QJsonValue &entry : body.value(QLatin1String("data")).toArray()) {
        const QString id = entry.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty() && !models.contains(id))
            models << id;
    }
    QString current = m_ui->modelCombo->currentText();
    if (current.isEmpty() || (!models.contains(current) && m_ui->modelCombo->findText(current) >= 0))
        current = models.value(0); // a model the gateway no longer offers: the first it does
    m_ui->modelCombo->clear();
    m_ui->modelCombo->addItems(models);
    m_ui->modelCombo->setCurrentText(current);
    m_ui->modelsStatusLabel->setText(
        models.isEmpty()     ? tr("The gateway offers no model yet: add an endpoint to the configuration.")
        : models.size() == 1 ? tr("1 model offered by the gateway at %1.").arg(m_controller->listenUrl())
                             : tr("%1 models offered by the gateway at %2.")
                                   .arg(QLocale().toString(models.size()), m_controller->listenUrl()));
    updateButtons();
}

void PlaygroundWindow::send()
{
    if (isBusy())
        return;
    const QString model = m_ui->modelCombo->currentText().trimmed();
    const QString prompt = m_ui->promptEdit->toPlainText();
    if (model.isEmpty()) {
        setStatus(tr("Choose a model first."), true);
        m_ui->modelCombo->setFocus();
        return;
    }
    if (prompt.trimmed().isEmpty()) {
        setStatus(tr("Type a prompt first."), true);
        m_ui->promptEdit->setFocus();
        return;
    }
    const QString url = m_controller->listenUrl();
    if (url.isEmpty()) {
        setStatus(tr("The gateway is not listening, so nothing can be sent. Check the main window's state."), true);
        return;
    }

    Exchange exchange;
    exchange.model = model;
    exchange.systemPrompt = m_ui->systemEdit->toPlainText().trimmed();
    exchange.prompt = prompt;
    m_exchanges.append(exchange);

    // A rule between exchanges; the first one starts at the top.
    if (!m_ui->transcriptView->document()->isEmpty())
        appendHtml(QStringLiteral("<hr>"));
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(tr("You → %1").arg(model.toHtmlEscaped()));
    if (!exchange.systemPrompt.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(tr("System: %1").arg(paragraphHtml(exchange.systemPrompt)));
    html += QStringLiteral("<p>%1</p>").arg(paragraphHtml(prompt));
    appendHtml(html);
    appendHtml(QStringLiteral("<p><b>%1</b></p>").arg(model.toHtmlEscaped()));
    m_answerStarted = false;
    scrollToEnd();

    QJsonArray messages;
    if (!exchange.systemPrompt.isEmpty())
        messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                    {QStringLiteral("content"), exchange.systemPrompt}});
    messages.append(QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), prompt}});
    const QJsonObject body{{QStringLiteral("model"), model},
                           {QStringLiteral("messages"), messages},
                           {QStringLiteral("stream"), true},
                           {QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}}}};

    m_stream = new ChatStream(m_network, this);
    connect(m_stream, &ChatStream::textArrived, this, &PlaygroundWindow::appendText);
    connect(m_stream, &ChatStream::finished, this, &PlaygroundWindow::streamFinished);
    m_stream->start(QUrl(url + QStringLiteral("/v1/chat/completions")), m_ui->keyEdit->text().trimmed(), body);

    m_ui->promptEdit->clear();
    setStatus(tr("Waiting for %1…").arg(model));
    updateButtons();
}

void PlaygroundWindow::stop()
{
    if (m_stream)
        m_stream->abort();
}

void PlaygroundWindow::clear()
{
    if (isBusy())
        return;
    m_exchanges.clear();
    m_ui->transcriptView->clear();
    setStatus(QString());
    updateButtons();
}

void PlaygroundWindow::appendText(const QString &text)
{
    if (m_exchanges.isEmpty())
        return;
    Exchange &exchange = m_exchanges.last();
    if (exchange.answer.isEmpty())
        setStatus(tr("Streaming from %1…").arg(exchange.model));
    exchange.answer += text;

    QScrollBar *bar = m_ui->transcriptView->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(m_ui->transcriptView->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_answerStarted) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        m_answerStarted = true;
    }
    cursor.insertText(text, QTextCharFormat());
    if (follow)
        scrollToEnd();
}

void PlaygroundWindow::streamFinished()
{
    ChatStream *stream = m_stream;
    m_stream = nullptr;
    stream->deleteLater();
    if (m_exchanges.isEmpty())
        return;
    m_exchanges.last().outcome = stream->outcome();
    collectRecord();
}

void PlaygroundWindow::collectRecord()
{
    const QString id = m_exchanges.last().outcome.requestId;
    if (id.isEmpty()) {
        completeExchange();
        return;
    }
    const QList<RequestRecord> recent = m_controller->recentRequests();
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
        if (it->requestId == id) {
            m_exchanges.last().record = *it;
            completeExchange();
            return;
        }
    }
    // Not logged yet: it comes with the next batch of finished requests.
    m_awaitingRecord = true;
    m_recordTimeout.start();
    setStatus(tr("Collecting the gateway's figures…"));
    updateButtons();
}

void PlaygroundWindow::takeRecords(const QList<RequestRecord> &records)
{
    if (!m_awaitingRecord || m_exchanges.isEmpty())
        return;
    const QString id = m_exchanges.last().outcome.requestId;
    for (const RequestRecord &record : records) {
        if (record.requestId == id) {
            m_exchanges.last().record = record;
            completeExchange();
            return;
        }
    }
}

void PlaygroundWindow::completeExchange()
{
    m_awaitingRecord = false;
    m_recordTimeout.stop();
    if (m_exchanges.isEmpty())
        return;
    Exchange &exchange = m_exchanges.last();
    if (!exchange.outcome.requestId.isEmpty()) {
        for (const SecurityEvent &event : m_controller->recentSecurityEvents(500)) {
            if (event.requestId == exchange.outcome.requestId)
                exchange.securityEvents.append(event);
        }
    }

    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const ChatStream::End end = exchange.outcome.end;
    if (end == ChatStream::End::Stopped)
        appendHtml(QStringLiteral("<p><i>%1</i></p>").arg(tr("Stopped.")));
    const QString error = errorText(exchange, m_controller->listenUrl());
    if (!error.isEmpty())
        appendHtml(QStringLiteral("<p style=\"color: #c62828;\">%1</p>").arg(paragraphHtml(error)));
    const QStringList security = securityLines(exchange);
    if (!security.isEmpty())
        appendHtml(QStringLiteral("<p style=\"color: #a15c00;\">%1</p>").arg(paragraphHtml(security.join(u'\n'))));
    const QString summary = summaryText(exchange);
    if (!summary.isEmpty())
        appendHtml(QStringLiteral("<p style=\"color: %1;\"><small>%2</small></p>").arg(muted, paragraphHtml(summary)));
    m_answerStarted = false;
    scrollToEnd();

    if (!error.isEmpty())
        setStatus(error, true);
    else if (end == ChatStream::End::Stopped)
        setStatus(tr("Stopped after %1.").arg(milliseconds(double(exchange.outcome.totalMs))));
    else
        setStatus(tr("Answered in %1.").arg(milliseconds(double(exchange.outcome.totalMs))));
    updateButtons();
}

QString PlaygroundWindow::summaryText(const Exchange &exchange)
{
    const ChatStream::Outcome &outcome = exchange.outcome;
    if (outcome.httpStatus == 0 && !exchange.record)
        return {}; // the gateway never answered: nothing to say about a route
    const QLocale locale;
    QStringList parts;

    const QString endpoint = exchange.record ? exchange.record->endpoint : outcome.endpoint;
    const QString provider = exchange.record ? exchange.record->provider : outcome.provider;
    if (endpoint.isEmpty()) {
        parts << tr("Route: none (answered by the gateway itself)");
    } else {
        QString route = provider.isEmpty() || provider == endpoint
                            ? tr("Route: endpoint %1").arg(endpoint)
                            : tr("Route: endpoint %1 (%2)").arg(endpoint, provider);
        const QString served = exchange.record ? exchange.record->servedModel : outcome.model;
        if (!served.isEmpty() && served != exchange.model)
            route += QLatin1Char(' ') + tr("serving %1").arg(served);
        const int attempts = exchange.record ? exchange.record->attempts : outcome.attempts;
        if (attempts > 1)
            route += QLatin1Char(' ') + tr("after %1 attempts").arg(attempts);
        parts << route;
    }

    int in = outcome.promptTokens;
    int out = outcome.completionTokens;
    if (exchange.record && exchange.record->promptTokens >= 0) {
        in = exchange.record->promptTokens;
        out = exchange.record->completionTokens;
    }
    // A stopped answer never gets its usage chunk: no tokens or cost to report then.
    const bool stopped = outcome.end == ChatStream::End::Stopped;
    if (in >= 0 || out >= 0)
        parts << tr("Tokens: %1 in, %2 out")
                     .arg(in >= 0 ? locale.toString(in) : QStringLiteral("?"),
                          out >= 0 ? locale.toString(out) : QStringLiteral("?"));
    else if (!endpoint.isEmpty() && !stopped)
        parts << tr("Tokens: not reported");

    if (exchange.record && exchange.record->costUsd >= 0)
        parts << tr("Cost: %1").arg(dollars(exchange.record->costUsd));
    else if (exchange.record && !endpoint.isEmpty() && !stopped)
        parts << tr("Cost: unknown (no usage or no price for this model)");

    // The log's figure covers the whole exchange; the response head's, the time before the answer
    // began (the only one that means something for an answer cut short).
    const double overhead = exchange.record && !stopped ? exchange.record->overheadMs : outcome.overheadMs;
    if (stopped && outcome.overheadMs >= 0)
        parts << tr("Gateway overhead before the answer began: %1").arg(milliseconds(outcome.overheadMs));
    else if (exchange.record && outcome.overheadMs >= 0 && outcome.end != ChatStream::End::HttpError)
        parts << tr("Gateway overhead: %1 (%2 before the answer began)")
                     .arg(milliseconds(overhead), milliseconds(outcome.overheadMs));
    else if (overhead >= 0)
        parts << tr("Gateway overhead: %1").arg(milliseconds(overhead));
    if (outcome.firstTokenMs >= 0)
        parts << tr("First token: %1").arg(milliseconds(double(outcome.firstTokenMs)));
    parts << tr("Total: %1").arg(milliseconds(double(outcome.totalMs)));
    if (!outcome.requestId.isEmpty())
        parts << tr("Request %1").arg(outcome.requestId);
    return parts.join(QStringLiteral(" · "));
}

QStringList PlaygroundWindow::securityLines(const Exchange &exchange)
{
    QStringList lines;
    bool blockListed = false;
    for (const SecurityEvent &event : exchange.securityEvents) {
        const QString detail = event.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(event.detail);
        if (event.action == QLatin1String("block")) {
            lines << tr("Security: blocked by %1, code %2%3").arg(event.layer, event.reason, detail);
            blockListed = true;
        } else if (event.action == QLatin1String("mask")) {
            const int count = maskedCount(event.detail);
            if (count == 1)
                lines << tr("Security: 1 value masked before the request left (%1)").arg(event.detail);
            else if (count > 1)
                lines << tr("Security: %1 values masked before the request left (%2)")
                             .arg(QLocale().toString(count), event.detail);
            else
                lines << tr("Security: values masked by %1%2").arg(event.layer, detail);
        } else {
            lines << tr("Security: flagged by %1, %2%3").arg(event.layer, event.reason, detail);
        }
    }
    if (!blockListed && !exchange.outcome.blockedBy.isEmpty())
        lines << tr("Security: blocked by %1, code %2")
                     .arg(exchange.outcome.blockedBy,
                          exchange.outcome.errorCode.isEmpty() ? QStringLiteral("?") : exchange.outcome.errorCode);
    return lines;
}

QString PlaygroundWindow::errorText(const Exchange &exchange, const QString &listenUrl)
{
    const ChatStream::Outcome &outcome = exchange.outcome;
    const QString code = outcome.errorCode.isEmpty() ? QStringLiteral("–") : outcome.errorCode;
    switch (outcome.end) {
    case ChatStream::End::HttpError:
        if (!outcome.blockedBy.isEmpty())
            return tr("Blocked by the gateway's security guards (%1): %2 (code %3, HTTP %4).")
                .arg(outcome.blockedBy, outcome.errorMessage, code, QString::number(outcome.httpStatus));
        return tr("The gateway answered HTTP %1: %2 (code %3).")
            .arg(QString::number(outcome.httpStatus), outcome.errorMessage, code);
    case ChatStream::End::StreamError:
        return tr("The answer stopped with an error: %1 (code %2).").arg(outcome.errorMessage, code);
    case ChatStream::End::NetworkError:
        if (outcome.httpStatus == 0)
            return tr("Cannot reach the gateway at %1: %2. Is the proxy running and listening?")
                .arg(listenUrl, outcome.errorMessage);
        return tr("The connection to the gateway broke: %1.").arg(outcome.errorMessage);
    case ChatStream::End::Truncated:
        return tr("The stream ended without its final [DONE] event: the answer may be incomplete.");
    case ChatStream::End::Running:
    case ChatStream::End::Completed:
    case ChatStream::End::Stopped:
        break;
    }
    return {};
}

void PlaygroundWindow::updateKeyField()
{
    // Shown while the gateway wants a key, and while one is typed in (so it can be corrected).
    const bool show = m_controller->clientKeyRequired() || !m_ui->keyEdit->text().isEmpty();
    m_ui->keyLabel->setVisible(show);
    m_ui->keyEdit->setVisible(show);
}

void PlaygroundWindow::updateButtons()
{
    const bool busy = isBusy();
    m_ui->sendButton->setEnabled(!busy);
    m_ui->stopButton->setEnabled(m_stream != nullptr);
    m_ui->clearButton->setEnabled(!busy && !m_exchanges.isEmpty());
}

void PlaygroundWindow::setStatus(const QString &text, bool error)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }") : QString());
}

void PlaygroundWindow::appendHtml(const QString &html)
{
    QTextDocument *document = m_ui->transcriptView->document();
    QTextCursor cursor(document);
    cursor.movePosition(QTextCursor::End);
    if (!document->isEmpty())
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.insertHtml(html);
}

void PlaygroundWindow::scrollToEnd()
{
    QScrollBar *bar = m_ui->transcriptView->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void PlaygroundWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateKeyField();
    refreshModels();
    m_ui->promptEdit->setFocus();
}

void PlaygroundWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    retranslate();
    // The status line is rebuilt from a fresh answer; the conversation keeps the words it was shown in.
    if (isVisible())
        refreshModels();
}

void PlaygroundWindow::retranslate()
{
    m_ui->transcriptView->setPlaceholderText(
        tr("Choose a model, type a prompt and press Send: the request goes through the gateway like any "
           "client's, and the answer streams in here with the route it took, its tokens, cost and any "
           "security decision."));
}

void PlaygroundWindow::closeEvent(QCloseEvent *event)
{
    // A hidden window keeps nothing running: an answer in progress stops with it.
    stop();
    saveSettings();
    QWidget::closeEvent(event);
}

void PlaygroundWindow::saveSettings() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("PlaygroundWindow"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    settings->setValue(QStringLiteral("splitter"), m_ui->splitter->saveState());
    settings->setValue(QStringLiteral("model"), m_ui->modelCombo->currentText());
    settings->endGroup();
}

void PlaygroundWindow::restoreSettings()
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("PlaygroundWindow"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        const QFontMetrics metrics = fontMetrics();
        QSize size(110 * metrics.averageCharWidth(), 44 * metrics.lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    m_ui->splitter->restoreState(settings->value(QStringLiteral("splitter")).toByteArray());
    m_ui->modelCombo->setCurrentText(settings->value(QStringLiteral("model")).toString());
    settings->endGroup();
}

} // namespace llmproxy

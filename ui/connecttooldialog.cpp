// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/connecttooldialog.h"

#include "proxycore/clientsetup/clientconfigwriter.h"
#include "proxycore/engine/enginecontroller.h"
#include "ui/appicon.h"

#include "ui_connecttooldialog.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

namespace llmproxy {

namespace {

/// How long a test request may take: a cold local model can be slow to load.
constexpr int kTestTimeoutMs = 120'000;
/// How much of the answer the result line shows.
constexpr int kAnswerChars = 160;

// UI state only (geometry, last tool); never keys.
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

/// The listen URL as a tool on this machine reaches it.
QString localUrl(QString url)
{
    url.replace(QLatin1String("://0.0.0.0:"), QLatin1String("://127.0.0.1:"));
    url.replace(QLatin1String("://[::]:"), QLatin1String("://127.0.0.1:"));
    return url;
}

QString elided(QString text)
{
    text = text.simplified();
    if (text.size() > kAnswerChars)
        text = text.left(kAnswerChars - 1) + QStringLiteral("…");
    return text;
}

} // namespace

ConnectToolDialog::ConnectToolDialog(EngineController *controller, QWidget *parent, const QString &home,
                                     const QString &stateDir)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectToolDialog>()), m_controller(controller),
      m_writer(std::make_unique<ClientConfigWriter>(
          home.isEmpty() ? QDir::homePath() : home,
          stateDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : stateDir)),
      m_network(new QNetworkAccessManager(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectToolDialog"));
    setWindowIcon(applicationIcon());
    // The gateway is local (or a tunnel the user named): no system proxy in between.
    m_network->setProxy(QNetworkProxy::NoProxy);

    QFont title = m_ui->toolTitle->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.25);
    m_ui->toolTitle->setFont(title);
    m_ui->modelCombo->setInsertPolicy(QComboBox::NoInsert);

    for (const ClientTool &tool : clientTools()) {
        auto *item = new QListWidgetItem(tool.name, m_ui->toolList);
        item->setData(Qt::UserRole, tool.id);
    }

    m_ui->urlEdit->setText(localUrl(m_controller->listenUrl()));
    connect(m_controller, &EngineController::listeningChanged, this, [this](const QString &url) {
        if (m_ui->urlEdit->text().isEmpty())
            m_ui->urlEdit->setText(localUrl(url));
    });
    retranslate();
    loadModels();
    connect(m_controller, &EngineController::endpointsChanged, this, [this] {
        if (m_ui->modelCombo->count() == 0)
            loadModels();
    });

    connect(m_ui->toolList, &QListWidget::currentRowChanged, this, &ConnectToolDialog::showTool);
    connect(m_ui->urlEdit, &QLineEdit::textChanged, this, &ConnectToolDialog::refreshSnippets);
    connect(m_ui->keyEdit, &QLineEdit::textChanged, this, &ConnectToolDialog::refreshSnippets);
    connect(m_ui->modelCombo, &QComboBox::currentTextChanged, this, &ConnectToolDialog::refreshSnippets);
    connect(m_ui->writeButton, &QPushButton::clicked, this, &ConnectToolDialog::writeConfig);
    connect(m_ui->undoButton, &QPushButton::clicked, this, &ConnectToolDialog::undoConfig);
    connect(m_ui->testButton, &QPushButton::clicked, this, &ConnectToolDialog::sendTest);
    connect(m_ui->createKeyButton, &QPushButton::clicked, this, &ConnectToolDialog::createKey);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_network, &QNetworkAccessManager::finished, this, &ConnectToolDialog::testReplied);

    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("ConnectToolDialog"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        const QFontMetrics metrics = fontMetrics();
        QSize size(125 * metrics.averageCharWidth(), 52 * metrics.lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    if (!selectTool(settings->value(QStringLiteral("tool")).toString()))
        m_ui->toolList->setCurrentRow(0);
    settings->endGroup();
}

ConnectToolDialog::~ConnectToolDialog()
{
    if (m_pending)
        m_pending->abort();
}

void ConnectToolDialog::retranslate()
{
    m_ui->writeButton->setAccessibleName(tr("Write config"));
    m_ui->undoButton->setAccessibleName(tr("Undo the config change"));
    m_ui->testButton->setAccessibleName(tr("Send a test request"));
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_ui->keyEdit->setPlaceholderText(tr("the key the tool sends"));
    m_ui->modelCombo->lineEdit()->setPlaceholderText(tr("a model the gateway serves"));
    m_ui->keyHint->setText(m_controller->clientKeyRequired()
                               ? tr("This gateway asks for a proxy key: enter one of its keys (LLM_PROXY_API_KEYS "
                                    "or a named client key).")
                               : tr("This gateway asks for no key; tools that insist on one get “%1”.")
                                     .arg(QLatin1String(kNoKeyPlaceholder)));
}

void ConnectToolDialog::createKey()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    if (!m_controller->clientKeyRequired()) {
        const auto answer = QMessageBox::question(
            this, tr("Require keys from every client?"),
            tr("This gateway asks for no key today. Once a key exists, every client must send one: tools set up "
               "without a key stop working until they get one (create one for each, or add it to their "
               "configuration).\n\nCreate the key for %1?")
                .arg(tool->name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_ui->createKeyButton->setEnabled(false);
    createKeyNamed(tool->id, 1);
}

void ConnectToolDialog::createKeyNamed(const QString &base, int attempt)
{
    const QString name = attempt == 1 ? base : QStringLiteral("%1-%2").arg(base).arg(attempt);
    QPointer<ConnectToolDialog> self(this);
    m_controller->createClientKey(name, [self, base, attempt, name](const QString &key, const QString &error) {
        if (!self)
            return;
        if (key.isEmpty() && attempt < 20 && error.contains(name)) { // the name is taken: the next one
            self->createKeyNamed(base, attempt + 1);
            return;
        }
        self->m_ui->createKeyButton->setEnabled(true);
        if (key.isEmpty()) {
            self->m_ui->keyHint->setText(error);
            return;
        }
        self->m_ui->keyEdit->setText(key);
        self->m_ui->keyHint->setText(tr("Created the client key “%1”. It is shown only now: the gateway keeps a "
                                        "digest. Write config puts it into the tool's configuration.")
                                         .arg(name));
    });
}

void ConnectToolDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    retranslate();
    // Title, note, snippet blocks and the file line of the chosen tool; the last results are cleared.
    showTool();
}

bool ConnectToolDialog::selectTool(const QString &id)
{
    for (int row = 0; row < m_ui->toolList->count(); ++row) {
        if (m_ui->toolList->item(row)->data(Qt::UserRole).toString() == id) {
            m_ui->toolList->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

ClientSetupValues ConnectToolDialog::values() const
{
    ClientSetupValues v;
    v.url = m_ui->urlEdit->text().trimmed();
    v.key = m_ui->keyEdit->text().trimmed();
    v.model = m_ui->modelCombo->currentText().trimmed();
    for (int i = 0; i < m_ui->modelCombo->count(); ++i)
        v.models.append(m_ui->modelCombo->itemText(i));
    return v;
}

const ClientTool *ConnectToolDialog::currentTool() const
{
    const QListWidgetItem *item = m_ui->toolList->currentItem();
    return item ? findClientTool(item->data(Qt::UserRole).toString()) : nullptr;
}

void ConnectToolDialog::loadModels()
{
    QStringList models;
    for (const EndpointStatus &endpoint : m_controller->endpoints()) {
        if (!endpoint.enabled)
            continue;
        for (const QString &model : endpoint.models) {
            if (!models.contains(model))
                models.append(model);
        }
    }
    const QString current = m_ui->modelCombo->currentText();
    m_ui->modelCombo->clear();
    m_ui->modelCombo->addItems(models);
    if (!current.isEmpty())
        m_ui->modelCombo->setCurrentText(current);
}

QString ConnectToolDialog::toolNote(const ClientTool &tool) const
{
    if (tool.id == QLatin1String("claude-code"))
        return tr("Claude Code speaks the Anthropic Messages API at the root URL. Name a model here, or map the "
                  "Claude model names it asks for with model_aliases.");
    if (tool.id == QLatin1String("codex"))
        return tr("Codex speaks the OpenAI Responses API; LLMProxy becomes its model provider “llmproxy”. Codex "
                  "Desktop signed in with ChatGPT ignores it.");
    if (tool.id == QLatin1String("cursor"))
        return tr("Cursor sends requests from its own servers: the gateway must be reachable from the internet "
                  "(a tunnel or a public address, with proxy keys set). Enter that public URL above.");
    if (tool.id == QLatin1String("continue"))
        return tr("Adds a model named “LLMProxy” to Continue's models; Continue reloads the file when it changes.");
    if (tool.id == QLatin1String("aider"))
        return tr("The openai/ prefix tells Aider to use the OpenAI API; the model after it is what LLMProxy "
                  "routes.");
    if (tool.id == QLatin1String("cline"))
        return tr("In Cline's settings choose the API provider “OpenAI Compatible”.");
    if (tool.id == QLatin1String("zed"))
        return tr("Zed does not discover models for this provider: the models listed here are written. Zed asks "
                  "for the key in its Agent panel, or takes it from LLMPROXY_API_KEY.");
    if (tool.id == QLatin1String("copilot"))
        return tr("VS Code's Custom Endpoint provider: chat and agent go through LLMProxy, completions stay with "
                  "GitHub.");
    return tool.note;
}

QString ConnectToolDialog::snippetTitle(const SetupSnippet &snippet) const
{
    switch (snippet.kind) {
    case SnippetKind::ConfigFile:
        return tr("In %1 (Write config merges this into the file):").arg(snippet.target);
    case SnippetKind::Environment:
        return tr("Or from a shell:");
    case SnippetKind::CommandLine:
        return tr("Then run:");
    case SnippetKind::Settings:
        break;
    }
    return tr("In the tool's settings:");
}

void ConnectToolDialog::showTool()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    m_ui->toolTitle->setText(tool->name);
    m_ui->toolNote->setText(toolNote(*tool));
    m_ui->writeResultLabel->clear();
    m_ui->testResultLabel->clear();

    // One block per snippet: a title, the text, a Copy button.
    while (QLayoutItem *item = m_ui->snippetLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_snippetViews.clear();
    const QList<SetupSnippet> snippets = setupSnippets(*tool, values());
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QWidget *previous = m_ui->modelCombo; // Tab goes through each text and its Copy button in turn
    for (int i = 0; i < snippets.size(); ++i) {
        auto *title = new QLabel(snippetTitle(snippets.at(i)), m_ui->snippetContainer);
        auto *view = new QPlainTextEdit(m_ui->snippetContainer);
        view->setObjectName(QStringLiteral("snippet%1").arg(i));
        view->setReadOnly(true);
        view->setFont(fixed);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        view->setTabChangesFocus(true);
        view->setAccessibleName(title->text());
        auto *copy = new QPushButton(tr("Copy"), m_ui->snippetContainer);
        copy->setObjectName(QStringLiteral("copySnippet%1").arg(i));
        copy->setAccessibleName(tr("Copy: %1").arg(title->text()));
        connect(copy, &QPushButton::clicked, this, [view, copy] {
            if (QClipboard *clipboard = QGuiApplication::clipboard())
                clipboard->setText(view->toPlainText());
            copy->setText(tr("Copied"));
            QTimer::singleShot(2000, copy, [copy] { copy->setText(tr("Copy")); });
        });
        m_ui->snippetLayout->addWidget(title);
        m_ui->snippetLayout->addWidget(view);
        m_ui->snippetLayout->addWidget(copy, 0, Qt::AlignRight);
        m_snippetViews.append(view);
        setTabOrder(previous, view);
        setTabOrder(view, copy);
        previous = copy;
    }
    setTabOrder(previous, m_ui->writeButton);
    m_ui->snippetLayout->addStretch(1); // blocks at the top, however few
    refreshSnippets();
    refreshWriteState();
}

void ConnectToolDialog::refreshSnippets()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    const QList<SetupSnippet> snippets = setupSnippets(*tool, values());
    for (int i = 0; i < snippets.size() && i < m_snippetViews.size(); ++i) {
        QPlainTextEdit *view = m_snippetViews.at(i);
        if (view->toPlainText() != snippets.at(i).text)
            view->setPlainText(snippets.at(i).text);
        const int lines = int(snippets.at(i).text.count(QLatin1Char('\n'))) + 1;
        view->setFixedHeight(qMin(lines, 16) * view->fontMetrics().lineSpacing() + 2 * view->frameWidth() +
                             view->horizontalScrollBar()->sizeHint().height() + 8);
    }
}

void ConnectToolDialog::refreshWriteState()
{
    const ClientTool *tool = currentTool();
    const bool hasFile = tool && !tool->configFile.isEmpty();
    m_ui->writeGroup->setEnabled(hasFile);
    m_ui->targetPathLabel->setText(
        hasFile ? tr("File: %1").arg(QDir::toNativeSeparators(m_writer->configPath(*tool)))
                : tr("%1 keeps these settings itself: copy them into it.").arg(tool ? tool->name : QString()));
    m_ui->undoButton->setEnabled(hasFile && m_writer->canUndo(*tool));
}

void ConnectToolDialog::writeConfig()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    const ClientSetupValues v = values();
    if (tool->needsModel && v.model.isEmpty()) {
        m_ui->writeResultLabel->setText(tr("Choose a model first: %1 needs one.").arg(tool->name));
        return;
    }
    const ConfigWriteResult r = m_writer->write(*tool, v);
    QStringList lines;
    if (!r.ok) {
        lines << tr("Not written: %1").arg(r.error);
    } else if (r.unchanged) {
        lines << tr("%1 already has these settings; nothing was written.").arg(r.path);
    } else {
        lines << (r.created ? tr("Created %1.").arg(r.path)
                            : tr("Changed %1; the previous file is saved as %2.").arg(r.path, r.backupPath));
        for (const ConfigChange &c : r.changes)
            lines << QStringLiteral("  %1 → %2").arg(c.key, c.newValue.isEmpty() ? tr("(removed)") : c.newValue);
    }
    for (const QString &w : r.warnings)
        lines << tr("Warning: %1").arg(w);
    m_ui->writeResultLabel->setText(lines.join(QLatin1Char('\n')));
    refreshWriteState();
}

void ConnectToolDialog::undoConfig()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    const ConfigWriteResult r = m_writer->undo(*tool);
    if (!r.ok)
        m_ui->writeResultLabel->setText(tr("Not undone: %1").arg(r.error));
    else if (r.removed)
        m_ui->writeResultLabel->setText(tr("Removed %1, which LLMProxy had created.").arg(r.path));
    else
        m_ui->writeResultLabel->setText(tr("Restored %1 as it was before.").arg(r.path));
    refreshWriteState();
}

void ConnectToolDialog::sendTest()
{
    const ClientTool *tool = currentTool();
    if (!tool)
        return;
    const ClientSetupValues v = values();
    if (tool->api == ClientApi::OpenAIChat && v.model.isEmpty()) {
        m_ui->testResultLabel->setText(tr("Choose a model first."));
        return;
    }
    const ToolTestRequest request = toolTestRequest(*tool, v);
    const QUrl url(gatewayRootUrl(v.url) + request.path);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        m_ui->testResultLabel->setText(tr("The gateway URL is not a valid http:// or https:// address."));
        return;
    }
    if (m_pending)
        m_pending->abort();
    QNetworkRequest networkRequest(url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setTransferTimeout(kTestTimeoutMs);
    m_pending = m_network->post(networkRequest, request.body);
    m_pending->setProperty("api", int(tool->api));
    m_ui->testResultLabel->setText(tr("Sending POST %1 as %2 would…").arg(request.path, tool->name));
}

void ConnectToolDialog::testReplied(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_pending)
        return; // replaced by a newer test, or aborted
    m_pending = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    QString message;
    bool ok = false;
    if (status == 0) {
        message = tr("No answer from %1: %2").arg(reply->url().toString(), reply->errorString());
    } else {
        const QString text = testReplyText(ClientApi(reply->property("api").toInt()), body);
        ok = status >= 200 && status < 300;
        if (ok)
            message = tr("HTTP %1 — it works. The model answered: “%2”").arg(status).arg(elided(text));
        else
            message = tr("HTTP %1 — %2").arg(status).arg(elided(text.isEmpty() ? QString::fromUtf8(body) : text));
    }
    m_ui->testResultLabel->setText(message);
    emit testFinished(ok, message);
}

void ConnectToolDialog::saveGeometrySetting() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("ConnectToolDialog"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    if (const ClientTool *tool = currentTool())
        settings->setValue(QStringLiteral("tool"), tool->id);
    settings->endGroup();
}

void ConnectToolDialog::closeEvent(QCloseEvent *event)
{
    saveGeometrySetting();
    QDialog::closeEvent(event);
}

void ConnectToolDialog::hideEvent(QHideEvent *event)
{
    saveGeometrySetting();
    QDialog::hideEvent(event);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/mainwindow.h"

#include "proxycore/engine/enginecontroller.h"
#include "ui/appicon.h"
#include "ui/endpointmodel.h"
#include "ui/requestlogmodel.h"
#include "ui/routemenu.h"

#include "ui_mainwindow.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QUrl>

namespace llmproxy {

namespace {

/// How often the endpoint list re-reads breakers and statistics while the window is shown.
constexpr int kEndpointRefreshMs = 1000;

// UI state only (geometry, splitter, column widths); never configuration or secrets.
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

void setUpTable(QTableView *view)
{
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    view->verticalHeader()->setVisible(false);
    // Tab leaves the table for the next control instead of walking its cells forever; the arrow
    // keys move within it.
    view->setTabKeyNavigation(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

// Initial column widths from the header text and a typical value, so nothing starts elided
// whatever the font and language. The user's own widths are restored over these.
void fitColumns(QTableView *view, const QList<std::pair<int, QString>> &samples)
{
    const QFontMetrics cellMetrics = view->fontMetrics();
    const int padding = 2 * cellMetrics.averageCharWidth() + 8;
    for (const auto &[column, sample] : samples) {
        // The header's own size hint includes the style's margins, so a long translation fits.
        const int header = view->horizontalHeader()->sectionSizeHint(column);
        view->setColumnWidth(
            column, qMax(header + cellMetrics.averageCharWidth(), cellMetrics.horizontalAdvance(sample) + padding));
    }
}

/// Which request log columns, in which order and language, saved widths belong to: the headers
/// themselves. Widths saved for other columns would land on the wrong ones, and widths saved in
/// another language would clip this one's headers.
QString requestColumnLayout()
{
    QStringList headers;
    RequestLogModel model(1);
    for (int column = 0; column < RequestLogModel::ColumnCount; ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    return headers.join(QLatin1Char('|'));
}

} // namespace

MainWindow::MainWindow(EngineController *controller, const ShellActions &actions, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_controller(controller), m_actions(actions),
      m_requestLog(new RequestLogModel(2000, this)), m_endpoints(new EndpointModel(this)),
      m_endpointEnabledAction(new QAction(this)), m_droppedLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    setWindowIcon(applicationIcon());
    setUpViews();
    setUpMenus();

    connect(m_controller, &EngineController::listeningChanged, this, [this] {
        updateListenUrl();
        updateState();
    });
    connect(m_controller, &EngineController::pausedChanged, this, [this] { updateState(); });
    connect(m_controller, &EngineController::panicChanged, this, [this] { updateState(); });
    connect(m_controller, &EngineController::endpointsChanged, this, &MainWindow::showEndpoints);
    connect(m_controller, &EngineController::requestsFinished, this, &MainWindow::appendRequests);
    connect(m_controller, &EngineController::configReloaded, this, &MainWindow::showReloadResult);
    connect(m_controller, &EngineController::droppedRecordsChanged, this, &MainWindow::showDroppedRecords);

    m_droppedLabel->setObjectName(QStringLiteral("droppedRecordsLabel"));
    statusBar()->addPermanentWidget(m_droppedLabel);
    showDroppedRecords(m_controller->droppedRecords());

    updateListenUrl();
    showEndpoints(m_controller->endpoints());
    appendRequests(m_controller->recentRequests());
    restoreSettings();
}

MainWindow::~MainWindow()
{
    m_controller->setEndpointRefreshInterval(0);
    saveSettings();
}

void MainWindow::setHideOnClose(bool hide)
{
    m_hideOnClose = hide;
}

bool MainWindow::hideOnClose() const
{
    return m_hideOnClose;
}

RequestLogModel *MainWindow::requestLogModel() const
{
    return m_requestLog;
}

EndpointModel *MainWindow::endpointModel() const
{
    return m_endpoints;
}

QString MainWindow::exampleText(const QString &listenUrl, const QString &model, bool withKey)
{
    // Shell syntax, not prose: never translated. The key is never shown: the user puts in theirs.
    const QString keyLine = withKey ? QStringLiteral("export OPENAI_API_KEY=YOUR_PROXY_KEY\n") : QString();
    const QString keyHeader =
        withKey ? QStringLiteral("  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n") : QString();
    return QStringLiteral("export OPENAI_BASE_URL=%1/v1\n%3"
                          "curl %1/v1/chat/completions \\\n%4"
                          "  -H 'Content-Type: application/json' \\\n"
                          "  -d '{\"model\":\"%2\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'")
        .arg(listenUrl, model, keyLine, keyHeader);
}

void MainWindow::setUpViews()
{
    QFont urlFont = m_ui->listenUrlLabel->font();
    urlFont.setPointSizeF(urlFont.pointSizeF() * 1.4);
    urlFont.setBold(true);
    m_ui->listenUrlLabel->setFont(urlFont);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->exampleEdit->setFont(fixed);
    const QFontMetrics fixedMetrics(fixed);
    const int exampleLines = 6; // with a proxy key; without one the last two stay empty
    m_ui->exampleEdit->setFixedHeight(
        exampleLines * fixedMetrics.lineSpacing() + 2 * int(m_ui->exampleEdit->document()->documentMargin()) +
        2 * m_ui->exampleEdit->frameWidth() + style()->pixelMetric(QStyle::PM_ScrollBarExtent));
    m_ui->exampleEdit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_ui->stateLabel->setMargin(3);
    connect(m_ui->copyUrlButton, &QPushButton::clicked, m_actions.copyUrl, &QAction::trigger);
    connect(m_ui->copyExampleButton, &QPushButton::clicked, this, &MainWindow::copyExample);

    // Kill switch banner: white on dark red reads the same on light and dark palettes, and the
    // words say what is going on.
    m_ui->panicBanner->setStyleSheet(QStringLiteral("QFrame#panicBanner { background-color: #b71c1c; "
                                                    "border-radius: 4px; } QLabel { color: white; }"));
    m_ui->panicBanner->setVisible(false);
    // The file link goes through "Open configuration file", which creates the file when missing.
    m_ui->onboardingHint->setOpenExternalLinks(false);
    connect(m_ui->onboardingHint, &QLabel::linkActivated, m_actions.openConfig, &QAction::trigger);
    connect(m_ui->resumeTrafficButton, &QPushButton::clicked, this, [this] { m_actions.panic->setChecked(false); });

    setUpTable(m_ui->endpointView);
    m_ui->endpointView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ui->endpointView->setModel(m_endpoints);
    // The endpoint list is short, so sizing its columns to their contents is cheap; the model
    // lists take whatever width is left.
    QHeaderView *endpointHeader = m_ui->endpointView->horizontalHeader();
    // However the splitter is dragged, a few endpoints stay in view.
    m_ui->endpointView->setMinimumHeight(endpointHeader->sizeHint().height() +
                                         3 * m_ui->endpointView->verticalHeader()->defaultSectionSize() +
                                         2 * m_ui->endpointView->frameWidth());
    endpointHeader->setStretchLastSection(false);
    endpointHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
    endpointHeader->setSectionResizeMode(EndpointModel::ModelsColumn, QHeaderView::Stretch);
    connect(m_endpoints, &EndpointModel::enabledChangeRequested, m_controller, &EngineController::setEndpointEnabled);

    m_endpointEnabledAction->setObjectName(QStringLiteral("endpointEnabledAction"));
    m_endpointEnabledAction->setCheckable(true);
    connect(m_endpointEnabledAction, &QAction::triggered, this, &MainWindow::setSelectedEndpointEnabled);
    connect(m_ui->endpointView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateEndpointActions);
    m_ui->endpointView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->endpointView, &QWidget::customContextMenuRequested, this, &MainWindow::showEndpointMenu);
    updateEndpointActions();

    setUpTable(m_ui->requestLogView);
    // Per-item scrolling keeps the scroll bar value in rows, which appendRequests() relies on.
    m_ui->requestLogView->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_ui->requestLogView->setModel(m_requestLog);
    fitColumns(m_ui->requestLogView, {{RequestLogModel::TimeColumn, QStringLiteral("00:00:00")},
                                      {RequestLogModel::RouteColumn,
                                       RequestLogModel::tr("%1 (stream)").arg(QStringLiteral("/v1/chat/completions"))},
                                      {RequestLogModel::ModelColumn, QStringLiteral("fast → gpt-4o-mini-2024")},
                                      {RequestLogModel::EndpointColumn, QStringLiteral("openrouter")},
                                      {RequestLogModel::StatusColumn, QStringLiteral("000")},
                                      {RequestLogModel::ErrorColumn, QStringLiteral("no_endpoint_configured")},
                                      {RequestLogModel::AttemptsColumn, QStringLiteral("00")},
                                      {RequestLogModel::LatencyColumn, QStringLiteral("00000")},
                                      {RequestLogModel::TokensInColumn, QStringLiteral("000000")},
                                      {RequestLogModel::TokensOutColumn, QStringLiteral("000000")}});

    // The live log shows the latest requests; the history window has all that were stored.
    if (m_actions.history)
        connect(m_ui->historyButton, &QPushButton::clicked, m_actions.history, &QAction::trigger);
    else
        m_ui->historyButton->hide();
    connect(m_ui->requestLogView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid() && m_actions.history)
            emit historyRequested(m_requestLog->record(index.row()).requestId);
    });

    // The request log is what changes; the endpoint list is short.
    m_ui->mainSplitter->setStretchFactor(0, 1);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    m_ui->mainSplitter->setSizes({260, 440});
}

void MainWindow::setUpMenus()
{
    m_proxyMenu = menuBar()->addMenu(QString());
    m_proxyMenu->addAction(m_actions.pause);
    m_proxyMenu->addAction(m_actions.panic);
    m_proxyMenu->addAction(m_actions.reload);
    m_proxyMenu->addAction(m_actions.openConfig);
    m_proxyMenu->addSeparator();
    m_proxyMenu->addAction(m_actions.quit);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_actions.copyUrl);
    if (m_actions.settings) {
        m_editMenu->addSeparator();
        m_editMenu->addAction(m_actions.settings);
    }

    m_toolsMenu = menuBar()->addMenu(QString());
    m_toolsMenu->addAction(m_actions.connectTool);
    m_toolsMenu->addAction(m_actions.playground);
    if (m_actions.history)
        m_toolsMenu->addAction(m_actions.history);
    if (m_actions.analytics)
        m_toolsMenu->addAction(m_actions.analytics);
    if (m_actions.security)
        m_toolsMenu->addAction(m_actions.security);
    m_routeMenu = std::make_unique<RouteMenu>(m_controller);
    m_toolsMenu->addMenu(m_routeMenu->menu());
    if (m_actions.firstRun)
        m_toolsMenu->addAction(m_actions.firstRun);
    if (m_actions.clientKeys)
        m_toolsMenu->addAction(m_actions.clientKeys);
    m_toolsMenu->addSeparator();
    m_toolsMenu->addAction(m_actions.commandPalette);

    m_endpointMenu = menuBar()->addMenu(QString());
    m_endpointMenu->addAction(m_endpointEnabledAction);
    if (m_actions.endpoints) {
        m_endpointMenu->addSeparator();
        m_endpointMenu->addAction(m_actions.endpoints);
    }
    if (m_actions.models)
        m_endpointMenu->addAction(m_actions.models);

    m_securityMenu = menuBar()->addMenu(QString());
    m_securityMenu->addAction(m_actions.threats);
    m_securityMenu->addAction(m_actions.guards);
    if (m_actions.security) // also under Tools: the security work an administrator does by hand
        m_securityMenu->addAction(m_actions.security);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions.about);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_actions.pause);
    m_toolBar->addAction(m_actions.panic);
    m_toolBar->addAction(m_actions.reload);
    m_toolBar->addAction(m_actions.copyUrl);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions.threats);
    m_toolBar->addAction(m_actions.guards);
    m_toolBar->addAction(m_actions.playground);
    retranslate();
}

void MainWindow::retranslate()
{
    m_proxyMenu->setTitle(tr("&Proxy"));
    m_editMenu->setTitle(tr("&Edit"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_routeMenu->retranslate();
    m_endpointMenu->setTitle(tr("E&ndpoint"));
    m_securityMenu->setTitle(tr("&Security"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    m_endpointEnabledAction->setText(tr("&Enabled"));
    m_endpointEnabledAction->setToolTip(tr("Route requests to the selected endpoint"));
    m_ui->copyUrlButton->setAccessibleName(tr("Copy base URL"));
    m_ui->copyExampleButton->setAccessibleName(tr("Copy example commands"));
    m_ui->endpointView->setAccessibleDescription(
        tr("Configured and detected endpoints with their state, health, latency and success rate. "
           "The check box of a row switches the endpoint on or off."));
    // The models name their columns with tr() when asked: ask the views to ask again.
    emit m_endpoints->headerDataChanged(Qt::Horizontal, 0, m_endpoints->columnCount() - 1);
    emit m_requestLog->headerDataChanged(Qt::Horizontal, 0, m_requestLog->columnCount() - 1);
}

void MainWindow::updateListenUrl()
{
    const QString url = m_controller->listenUrl();
    m_ui->listenUrlLabel->setText(url.isEmpty() ? tr("not listening") : url);
    m_ui->copyUrlButton->setEnabled(!url.isEmpty());
    m_ui->copyExampleButton->setEnabled(!url.isEmpty());
    updateExample();
}

void MainWindow::updateState()
{
    QString text;
    QString description;
    QString background;
    if (!m_controller->isListening()) {
        text = tr("Not listening");
        description = tr("The proxy is not accepting connections.");
        background = QStringLiteral("#616161");
    } else if (m_controller->isPanic()) {
        text = tr("Traffic stopped");
        description = tr("Kill switch on: every inference request is refused with 503 until you resume traffic.");
        background = QStringLiteral("#b71c1c");
    } else if (m_controller->isPaused()) {
        text = tr("Paused");
        description = tr("Inference requests are answered with 503 until you resume the proxy.");
        background = QStringLiteral("#a15c00");
    } else if (m_controller->isOnboarding()) {
        text = tr("Onboarding");
        description = tr("No endpoint is configured: inference requests are answered with 503.");
        background = QStringLiteral("#1565c0");
    } else if (m_controller->allEndpointsDisabled()) {
        text = tr("No endpoint enabled");
        description = tr("Every endpoint is switched off: inference requests are answered with 503 until you tick "
                         "one in the endpoint list.");
        background = QStringLiteral("#a15c00");
    } else if (m_controller->allEndpointsDown()) {
        text = tr("Endpoints down");
        description = tr("Every enabled endpoint is failing (circuit breaker open or health check failed): "
                         "requests fail until one recovers.");
        background = QStringLiteral("#c62828");
    } else {
        text = tr("Running");
        description = tr("Forwarding requests to the configured endpoints.");
        background = QStringLiteral("#2e7d32");
    }
    m_ui->stateLabel->setText(text);
    m_ui->stateLabel->setToolTip(description);
    m_ui->stateLabel->setAccessibleDescription(description);
    // White on a dark badge reads the same on light and dark palettes; the word carries the meaning.
    // Set only on a change: this runs on every endpoint refresh, and a new style sheet re-polishes.
    const QString badge =
        QStringLiteral("QLabel { color: white; background-color: %1; border-radius: 4px; padding: 1px 8px; }")
            .arg(background);
    if (m_ui->stateLabel->styleSheet() != badge)
        m_ui->stateLabel->setStyleSheet(badge);
    m_ui->panicBanner->setVisible(m_controller->isPanic());
    updateOnboardingHint();
}

void MainWindow::updateExample()
{
    const QString url = m_controller->listenUrl();
    QString model = QStringLiteral("MODEL");
    for (const EndpointStatus &endpoint : m_endpoints->endpoints()) {
        if (endpoint.enabled && !endpoint.models.isEmpty()) {
            model = endpoint.models.constFirst();
            break;
        }
    }
    const QString text = url.isEmpty() ? QString() : exampleText(url, model, m_controller->clientKeyRequired());
    if (m_ui->exampleEdit->toPlainText() != text)
        m_ui->exampleEdit->setPlainText(text);
}

void MainWindow::updateOnboardingHint()
{
    const bool onboarding = m_controller->isOnboarding();
    m_ui->onboardingHint->setVisible(onboarding);
    if (!onboarding)
        return;

    const QString path = m_controller->configPath();
    QString fileStep;
    if (path.isEmpty()) {
        fileStep = tr("Create a configuration file with an <code>endpoints:</code> section and start LLMProxy "
                      "with <code>--config FILE</code>.");
    } else {
        const QString link =
            QStringLiteral("<a href=\"%1\">%2</a>")
                .arg(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded).toHtmlEscaped(), path.toHtmlEscaped());
        fileStep = tr("Add an endpoint under <code>endpoints:</code> in %1 (<i>Open configuration file</i> "
                      "creates it with examples), save it, then choose <i>Reload configuration</i> (%2): "
                      "it applies the file without a restart.")
                       .arg(link, m_actions.reload->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped());
    }
    const QString envStep =
        tr("Or set <code>LLM_PROXY_ENDPOINT_&lt;NAME&gt;_URL</code>, <code>_MODELS</code>, <code>_KEY</code> and "
           "<code>_PROVIDER</code> in the environment or in a <code>.env</code> file, and restart LLMProxy.");
    const QString localStep = tr("Or start a local server (Ollama, LM Studio, vLLM, llama.cpp) on its default "
                                 "port: LLMProxy detects it and offers it as an endpoint.");

    m_ui->onboardingHint->setText(
        QStringLiteral("<p><b>%1</b> %2</p><ul style=\"margin-left: 0px; -qt-list-indent: 1;\">"
                       "<li>%3</li><li>%4</li><li>%5</li></ul>")
            .arg(tr("No endpoint is configured yet."),
                 tr("Requests to the proxy are answered with 503 until you add one:"), fileStep, envStep, localStep));
}

void MainWindow::showEndpoints(const QList<EndpointStatus> &endpoints)
{
    m_endpoints->setEndpoints(endpoints);
    updateEndpointActions();
    updateExample();
    updateState();
}

void MainWindow::updateEndpointActions()
{
    const QModelIndexList selected = m_ui->endpointView->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        m_endpointEnabledAction->setEnabled(false);
        m_endpointEnabledAction->setChecked(false);
        return;
    }
    const EndpointStatus &endpoint = m_endpoints->endpoints().at(selected.constFirst().row());
    m_endpointEnabledAction->setEnabled(true);
    m_endpointEnabledAction->setChecked(endpoint.enabled);
}

void MainWindow::setSelectedEndpointEnabled(bool enabled)
{
    const QModelIndexList selected = m_ui->endpointView->selectionModel()->selectedRows();
    if (!selected.isEmpty())
        m_controller->setEndpointEnabled(m_endpoints->endpoints().at(selected.constFirst().row()).id, enabled);
    // Shows the engine's answer, whatever it was.
    updateEndpointActions();
}

void MainWindow::showEndpointMenu(const QPoint &pos)
{
    const QModelIndex index = m_ui->endpointView->indexAt(pos);
    if (!index.isValid())
        return;
    m_ui->endpointView->selectRow(index.row());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_endpointEnabledAction);
    menu->popup(m_ui->endpointView->viewport()->mapToGlobal(pos));
}

void MainWindow::updateEndpointRefresh()
{
    const bool seen = isVisible() && !isMinimized();
    const bool wasOn = m_controller->endpointRefreshInterval() > 0;
    m_controller->setEndpointRefreshInterval(seen ? kEndpointRefreshMs : 0);
    // Coming back into view: show the current state at once, not a second later.
    if (seen && !wasOn)
        showEndpoints(m_controller->endpoints());
}

void MainWindow::appendRequests(const QList<RequestRecord> &records)
{
    if (records.isEmpty())
        return;
    QScrollBar *bar = m_ui->requestLogView->verticalScrollBar();
    // Follow new rows only while the user is at the bottom; someone reading older rows keeps
    // looking at the same rows even when the oldest ones are dropped.
    const bool follow = bar->value() >= bar->maximum();
    const int previous = bar->value();
    const int dropped = m_requestLog->appendRecords(records);
    if (follow)
        m_ui->requestLogView->scrollToBottom();
    else if (dropped > 0)
        bar->setValue(qMax(0, previous - dropped));
}

void MainWindow::showDroppedRecords(quint64 count)
{
    m_droppedLabel->setVisible(count > 0);
    m_droppedLabel->setText(tr("%1 requests missing from the log").arg(QLocale().toString(count)));
    m_droppedLabel->setToolTip(tr("The log could not keep up: these requests were served but are not listed "
                                  "(the proxy's log output counts them too)."));
}

void MainWindow::showReloadResult(bool ok, const QString &message)
{
    if (ok) {
        statusBar()->showMessage(
            message.isEmpty() ? tr("Configuration reloaded.") : tr("Configuration reloaded: %1").arg(message), 10'000);
    } else {
        // Stays until the next message: the running configuration is the old one.
        statusBar()->showMessage(tr("Reload failed, still using the previous configuration: %1").arg(message));
    }
}

void MainWindow::copyExample()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_ui->exampleEdit->toPlainText());
    statusBar()->showMessage(tr("Example copied to the clipboard."), 5000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_hideOnClose) {
        event->ignore();
        hide();
        emit hiddenToTray();
        return;
    }
    event->accept();
    m_actions.quit->trigger();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateEndpointRefresh();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    updateEndpointRefresh();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange) {
        updateEndpointRefresh();
    } else if (event->type() == QEvent::PaletteChange) {
        // A rich-text label keeps the link colour it was laid out with: lay it out again.
        const QString hint = m_ui->onboardingHint->text();
        m_ui->onboardingHint->clear();
        m_ui->onboardingHint->setText(hint);
    } else if (event->type() == QEvent::LanguageChange && m_proxyMenu) {
        m_ui->retranslateUi(this);
        retranslate();
        updateListenUrl();
        updateState();
        showDroppedRecords(m_controller->droppedRecords());
    }
}

void MainWindow::saveSettings() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("MainWindow"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    settings->setValue(QStringLiteral("splitter"), m_ui->mainSplitter->saveState());
    settings->setValue(QStringLiteral("requestColumns"), m_ui->requestLogView->horizontalHeader()->saveState());
    settings->setValue(QStringLiteral("requestColumnLayout"), requestColumnLayout());
    settings->endGroup();
}

void MainWindow::restoreSettings()
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        const QFontMetrics metrics = fontMetrics();
        QSize size(160 * metrics.averageCharWidth(), 48 * metrics.lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    m_ui->mainSplitter->restoreState(settings->value(QStringLiteral("splitter")).toByteArray());
    // Saved for other columns or another language: keep the fitted widths.
    if (settings->value(QStringLiteral("requestColumnLayout")).toString() == requestColumnLayout()) {
        m_ui->requestLogView->horizontalHeader()->restoreState(
            settings->value(QStringLiteral("requestColumns")).toByteArray());
    }
    settings->endGroup();
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/endpointswindow.h"

#include "ui/appicon.h"

#include "ui_endpointswindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace llmproxy {

namespace {

constexpr int kMaxPriority = 1'000'000;
constexpr int kMaxWeight = 1'000'000;

// UI state only (geometry, splitter, column widths).
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

bool isRunTime(const EndpointStatus &e)
{
    return e.source == QLatin1String("admin");
}

QString sourceText(const QString &source)
{
    if (source == QLatin1String("file"))
        return EndpointsWindow::tr("the configuration file (config.yaml)");
    if (source == QLatin1String("env"))
        return EndpointsWindow::tr("the environment");
    if (source == QLatin1String("discovery"))
        return EndpointsWindow::tr("local discovery");
    return EndpointsWindow::tr("this window or the admin API");
}

QString milliseconds(double ms)
{
    if (ms <= 0)
        return QStringLiteral("–");
    return EndpointsWindow::tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

QString breakerText(const EndpointStatus &e)
{
    if (!e.enabled || e.breakerState.isEmpty())
        return QStringLiteral("–");
    if (e.breakerState == QLatin1String("open"))
        return e.breakerRetryInMs > 0
                   ? EndpointsWindow::tr("Open (retry in %1 s)").arg((e.breakerRetryInMs + 999) / 1000)
                   : EndpointsWindow::tr("Open (next request tries)");
    if (e.breakerState == QLatin1String("half_open"))
        return EndpointsWindow::tr("Half-open");
    return e.consecutiveFailures > 0 ? EndpointsWindow::tr("Closed (%n failure(s))", nullptr, e.consecutiveFailures)
                                     : EndpointsWindow::tr("Closed");
}

QString healthText(const EndpointStatus &e)
{
    if (!e.enabled)
        return QStringLiteral("–");
    if (e.probe == QLatin1String("healthy"))
        return EndpointsWindow::tr("Healthy");
    if (e.probe == QLatin1String("unhealthy"))
        return EndpointsWindow::tr("Unhealthy");
    if (e.probe == QLatin1String("off"))
        return EndpointsWindow::tr("Not checked");
    return EndpointsWindow::tr("Unknown");
}

QString lastErrorText(const EndpointStatus &e)
{
    if (!e.lastErrorTime.isValid())
        return QString();
    const QString when = QLocale().toString(e.lastErrorTime.toLocalTime().time(), QLocale::ShortFormat);
    const QString what = e.lastError.isEmpty()
                             ? EndpointsWindow::tr("HTTP %1").arg(e.lastErrorStatus)
                             : EndpointsWindow::tr("HTTP %1 %2").arg(e.lastErrorStatus).arg(e.lastError);
    return EndpointsWindow::tr("%1 at %2").arg(what, when);
}

QString keyText(const EndpointStatus &e)
{
    if (!e.apiKeyKeychain.isEmpty())
        return e.hasKey ? EndpointsWindow::tr("keychain entry %1").arg(e.apiKeyKeychain)
                        : EndpointsWindow::tr("keychain entry %1 (no key found)").arg(e.apiKeyKeychain);
    if (!e.apiKeyEnv.isEmpty())
        return e.hasKey ? EndpointsWindow::tr("variable %1").arg(e.apiKeyEnv)
                        : EndpointsWindow::tr("variable %1 (not set)").arg(e.apiKeyEnv);
    return e.hasKey ? EndpointsWindow::tr("a key in the configuration") : EndpointsWindow::tr("none");
}

/// Routing order: priority first (lower is preferred), then the engine's order.
QList<EndpointStatus> routingOrder(QList<EndpointStatus> endpoints)
{
    std::stable_sort(endpoints.begin(), endpoints.end(),
                     [](const EndpointStatus &a, const EndpointStatus &b) { return a.priority < b.priority; });
    return endpoints;
}

} // namespace

// -- the edit dialog ---------------------------------------------------------------------------

EndpointEditDialog::EndpointEditDialog(EngineController *controller, const EndpointStatus &endpoint, QWidget *parent)
    : QDialog(parent), m_controller(controller), m_endpoint(endpoint), m_full(isRunTime(endpoint))
{
    setObjectName(QStringLiteral("endpointEditDialog"));
    setWindowTitle(tr("Edit endpoint %1").arg(endpoint.id));
    setWindowModality(Qt::WindowModal);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(this);
    note->setObjectName(QStringLiteral("editNoteLabel"));
    note->setWordWrap(true);
    if (m_full)
        note->setText(tr("This endpoint was added in LLMProxy: every setting can be changed here."));
    else
        note->setText(tr("This endpoint comes from %1. Only its priority and weight can be changed here; they are "
                         "kept over the configured values, also after a restart. Change the other settings there.")
                          .arg(sourceText(endpoint.source)));
    layout->addWidget(note);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    const auto line = [this, form](const char *name, const QString &label, const QString &text,
                                   const QString &accessible) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(QLatin1String(name));
        edit->setAccessibleName(accessible);
        // Shown for reference where they cannot change here: read-only, and greyed out.
        edit->setReadOnly(!m_full);
        edit->setEnabled(m_full);
        form->addRow(label, edit);
        return edit;
    };
    auto *id = new QLabel(endpoint.id, this);
    id->setObjectName(QStringLiteral("idLabel"));
    id->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("ID:"), id);
    m_provider = line("providerEdit", tr("&Provider:"), endpoint.provider, tr("Provider"));
    m_baseUrl = line("baseUrlEdit", tr("&Base URL:"), endpoint.baseUrl, tr("Base URL"));
    m_models = line("modelsEdit", tr("&Models:"), endpoint.models.join(QStringLiteral(", ")), tr("Models"));
    m_models->setPlaceholderText(tr("Comma-separated; empty = any model"));

    m_priority = new QSpinBox(this);
    m_priority->setObjectName(QStringLiteral("prioritySpin"));
    m_priority->setAccessibleName(tr("Priority"));
    m_priority->setRange(-kMaxPriority, kMaxPriority);
    m_priority->setValue(endpoint.priority);
    m_priority->setToolTip(tr("Lower is preferred: requests go to the lowest priority that is up"));
    form->addRow(tr("P&riority:"), m_priority);
    m_weight = new QSpinBox(this);
    m_weight->setObjectName(QStringLiteral("weightSpin"));
    m_weight->setAccessibleName(tr("Weight"));
    m_weight->setRange(1, kMaxWeight);
    m_weight->setValue(endpoint.weight);
    m_weight->setToolTip(tr("Share of the requests among endpoints of the same priority"));
    form->addRow(tr("&Weight:"), m_weight);

    m_keySource = new QComboBox(this);
    m_keySource->setObjectName(QStringLiteral("keySourceCombo"));
    m_keySource->setAccessibleName(tr("Key source"));
    m_keySource->addItem(tr("Keep the current key (%1)").arg(keyText(endpoint)));
    m_keySource->addItem(tr("The provider's usual variable"));
    m_keySource->addItem(tr("Environment variable"));
    m_keySource->addItem(tr("Keychain entry"));
    m_keySource->setEnabled(m_full);
    form->addRow(tr("&Key:"), m_keySource);
    m_keyName = new QLineEdit(this);
    m_keyName->setObjectName(QStringLiteral("keyNameEdit"));
    m_keyName->setAccessibleName(tr("Variable or keychain entry name"));
    m_keyName->setEnabled(false);
    form->addRow(tr("Key &name:"), m_keyName);
    connect(m_keySource, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_keyName->setEnabled(index >= 2);
        m_keyName->setPlaceholderText(index == 2   ? tr("e.g. GROQ_API_KEY")
                                      : index == 3 ? tr("e.g. llmproxy/groq")
                                                   : QString());
    });

    m_apiVersion = line("apiVersionEdit", tr("&API version:"), endpoint.apiVersion, tr("API version"));
    m_apiVersion->setPlaceholderText(tr("Azure OpenAI only"));
    m_cost = new QDoubleSpinBox(this);
    m_cost->setObjectName(QStringLiteral("costSpin"));
    m_cost->setAccessibleName(tr("Input price per million tokens"));
    m_cost->setRange(0, 1'000'000);
    m_cost->setDecimals(3);
    m_cost->setPrefix(QStringLiteral("$ "));
    m_cost->setValue(endpoint.costPerMtok);
    m_cost->setEnabled(m_full);
    form->addRow(tr("&Cost per 1M input tokens:"), m_cost);
    m_probe = new QCheckBox(tr("Check its health on a schedule"), this);
    m_probe->setObjectName(QStringLiteral("probeCheck"));
    m_probe->setChecked(endpoint.probeEnabled);
    m_probe->setEnabled(m_full);
    form->addRow(QString(), m_probe);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("editErrorLabel"));
    m_error->setAccessibleName(tr("Why the change was refused"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("editButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointEditDialog::reject);
    layout->addWidget(buttons);
    (m_full ? static_cast<QWidget *>(m_baseUrl) : m_priority)->setFocus();
    resize(sizeHint().expandedTo(QSize(60 * fontMetrics().averageCharWidth(), 0)));
}

EndpointEdit EndpointEditDialog::edit() const
{
    EndpointEdit e;
    if (m_priority->value() != m_endpoint.priority)
        e.priority = m_priority->value();
    if (m_weight->value() != m_endpoint.weight)
        e.weight = m_weight->value();
    if (!m_full)
        return e;
    if (m_provider->text().trimmed() != m_endpoint.provider)
        e.provider = m_provider->text().trimmed();
    if (m_baseUrl->text().trimmed() != m_endpoint.baseUrl)
        e.baseUrl = m_baseUrl->text().trimmed();
    QStringList models;
    for (const QString &m : m_models->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!m.trimmed().isEmpty())
            models << m.trimmed();
    }
    if (models != m_endpoint.models)
        e.models = models;
    switch (m_keySource->currentIndex()) {
    case 1:
        e.apiKeyEnv = QString();
        break;
    case 2:
        e.apiKeyEnv = m_keyName->text().trimmed();
        break;
    case 3:
        e.apiKeyKeychain = m_keyName->text().trimmed();
        break;
    default:
        break;
    }
    if (m_apiVersion->text().trimmed() != m_endpoint.apiVersion)
        e.apiVersion = m_apiVersion->text().trimmed();
    if (!qFuzzyCompare(m_cost->value() + 1, m_endpoint.costPerMtok + 1))
        e.costPerMtok = m_cost->value();
    if (m_probe->isChecked() != m_endpoint.probeEnabled)
        e.probe = m_probe->isChecked();
    return e;
}

void EndpointEditDialog::accept()
{
    if (m_pending)
        return;
    if (m_keySource->currentIndex() >= 2 && m_keyName->text().trimmed().isEmpty()) {
        m_error->setText(m_keySource->currentIndex() == 2 ? tr("Name the environment variable that holds the key.")
                                                          : tr("Name the keychain entry that holds the key."));
        m_error->show();
        m_keyName->setFocus();
        return;
    }
    const EndpointEdit change = edit();
    if (change.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_pending = true;
    m_error->hide();
    QPointer<EndpointEditDialog> self(this);
    m_controller->updateEndpoint(m_endpoint.id, change, [self](const QString &error) {
        if (!self)
            return;
        self->m_pending = false;
        if (error.isEmpty()) {
            self->QDialog::accept();
            return;
        }
        self->m_error->setText(error);
        self->m_error->show();
    });
}

// -- the window --------------------------------------------------------------------------------

EndpointsWindow::EndpointsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::EndpointsWindow>()), m_controller(controller)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("endpointsWindow"));
    setWindowIcon(applicationIcon());

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_ui->endpointTable->setModel(m_model);
    m_ui->endpointTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->endpointTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->endpointTable->installEventFilter(this);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->messageLabel->setMinimumWidth(10);

    createActions();
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_ui->endpointTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_ui->endpointTable->indexAt(pos);
        if (index.isValid())
            m_ui->endpointTable->selectRow(index.row());
        auto *menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->addActions({m_editAction, m_toggleAction, m_probeAction, m_resetAction});
        menu->addSeparator();
        menu->addActions({m_upAction, m_downAction});
        menu->addSeparator();
        menu->addActions({m_addAction, m_deleteAction});
        menu->popup(m_ui->endpointTable->viewport()->mapToGlobal(pos));
    });
    connect(m_ui->endpointTable, &QAbstractItemView::doubleClicked, this, [this] { editSelected(); });
    connect(m_ui->endpointTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetail();
    });
    connect(m_controller, &EngineController::endpointsChanged, this, &EndpointsWindow::showEndpoints);
    // Someone else (the main window, hidden) may stop the shared refresh while this window shows.
    m_watchdog.setInterval(kRefreshMs);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_controller->endpointRefreshInterval() == 0)
            m_controller->refreshStatus();
    });

    retranslate();
    showEndpoints(m_controller->endpoints());
    restoreSettings();
}

EndpointsWindow::~EndpointsWindow()
{
    if (m_startedRefresh)
        m_controller->setEndpointRefreshInterval(0);
    saveSettings();
}

void EndpointsWindow::createActions()
{
    const auto make = [this](const char *name, QToolButton *button, void (EndpointsWindow::*slot)()) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1String(name));
        if (slot)
            connect(action, &QAction::triggered, this, slot);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return action;
    };
    m_addAction = new QAction(this);
    m_addAction->setObjectName(QStringLiteral("addEndpointAction"));
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setShortcutContext(Qt::WindowShortcut);
    connect(m_addAction, &QAction::triggered, this, &EndpointsWindow::addRequested);
    m_ui->addButton->setDefaultAction(m_addAction);
    m_ui->addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_editAction = make("editEndpointAction", m_ui->editButton, &EndpointsWindow::editSelected);
    m_deleteAction = make("deleteEndpointAction", m_ui->deleteButton, &EndpointsWindow::deleteSelected);
    m_toggleAction = make("toggleEndpointAction", m_ui->toggleButton, &EndpointsWindow::toggleSelected);
    m_upAction = make("moveUpAction", m_ui->upButton, nullptr);
    m_downAction = make("moveDownAction", m_ui->downButton, nullptr);
    m_probeAction = make("probeEndpointAction", m_ui->probeButton, &EndpointsWindow::probeSelected);
    m_resetAction = make("resetBreakerAction", m_ui->resetButton, &EndpointsWindow::resetSelected);
    connect(m_upAction, &QAction::triggered, this, [this] { moveSelected(-1); });
    connect(m_downAction, &QAction::triggered, this, [this] { moveSelected(+1); });
    m_upAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_downAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Down));
    // Delete and Enter act on the table (see eventFilter); the shortcuts are shown in the menu.
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_editAction->setShortcut(QKeySequence(Qt::Key_Return));
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    for (QAction *a : {m_upAction, m_downAction})
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({m_addAction, m_upAction, m_downAction});
}

void EndpointsWindow::retranslate()
{
    m_ui->retranslateUi(this);
    m_addAction->setText(tr("&Add…"));
    m_addAction->setToolTip(tr("Add an endpoint with the setup wizard"));
    m_editAction->setText(tr("&Edit…"));
    m_editAction->setToolTip(tr("Change the selected endpoint's settings (Enter)"));
    m_deleteAction->setText(tr("&Delete"));
    m_deleteAction->setToolTip(tr("Remove the selected endpoint (only endpoints added in LLMProxy)"));
    m_upAction->setText(tr("Move &up"));
    m_upAction->setToolTip(tr("Prefer the selected endpoint over the one above it (changes priorities)"));
    m_downAction->setText(tr("Move do&wn"));
    m_downAction->setToolTip(tr("Prefer the endpoint below over the selected one (changes priorities)"));
    m_probeAction->setText(tr("&Test now"));
    m_probeAction->setToolTip(tr("Run the selected endpoint's health check now"));
    m_resetAction->setText(tr("&Reset breaker"));
    m_resetAction->setToolTip(tr("Close the circuit breaker: requests go to the endpoint again at once"));
    for (auto [button, action] :
         {std::pair{m_ui->addButton, m_addAction}, std::pair{m_ui->editButton, m_editAction},
          std::pair{m_ui->deleteButton, m_deleteAction}, std::pair{m_ui->upButton, m_upAction},
          std::pair{m_ui->downButton, m_downAction}, std::pair{m_ui->probeButton, m_probeAction},
          std::pair{m_ui->resetButton, m_resetAction}})
        button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QChar(0x2026)));
    m_model->setHorizontalHeaderLabels({tr("ID"), tr("Provider"), tr("Base URL"), tr("Models"), tr("Priority"),
                                        tr("Weight"), tr("Enabled"), tr("Breaker"), tr("Health"), tr("Requests"),
                                        tr("Errors"), tr("p50"), tr("p95"), tr("Last error")});
    m_ui->endpointTable->setAccessibleDescription(
        tr("Every endpoint in routing order, lowest priority first. Enter edits the selected one, Delete removes "
           "it, the context menu has every action."));
    updateActions();
    updateDetail();
}

void EndpointsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showEndpoints(m_endpoints);
    }
    QWidget::changeEvent(event);
}

void EndpointsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_controller->endpointRefreshInterval() == 0) {
        m_controller->setEndpointRefreshInterval(kRefreshMs);
        m_startedRefresh = true;
    }
    m_watchdog.start();
    showEndpoints(m_controller->endpoints());
    if (!focusWidget())
        m_ui->endpointTable->setFocus(); // the keys (Enter, Delete, arrows) work at once
}

void EndpointsWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_watchdog.stop();
    if (m_startedRefresh) {
        m_controller->setEndpointRefreshInterval(0);
        m_startedRefresh = false;
    }
    saveSettings();
}

void EndpointsWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QWidget::closeEvent(event);
}

bool EndpointsWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->endpointTable && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier || key->modifiers() == Qt::KeypadModifier) {
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                editSelected();
                return true;
            }
            if (key->key() == Qt::Key_Delete) {
                deleteSelected();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString EndpointsWindow::selectedId() const
{
    const QModelIndexList rows = m_ui->endpointTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return QString();
    return m_model->item(rows.first().row(), IdColumn)->text();
}

bool EndpointsWindow::selectEndpoint(const QString &id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, IdColumn)->text() == id) {
            m_ui->endpointTable->selectRow(row);
            return true;
        }
    }
    return false;
}

const EndpointStatus *EndpointsWindow::selected() const
{
    const QString id = selectedId();
    for (const EndpointStatus &e : m_endpoints) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

QString EndpointsWindow::message() const
{
    return m_ui->messageLabel->text();
}

void EndpointsWindow::showEndpoints(const QList<EndpointStatus> &endpoints)
{
    const QString keep = selectedId();
    const QList<EndpointStatus> ordered = routingOrder(endpoints);
    bool sameRows = ordered.size() == m_endpoints.size();
    for (qsizetype i = 0; sameRows && i < ordered.size(); ++i)
        sameRows = ordered.at(i).id == m_endpoints.at(i).id;
    m_endpoints = ordered;
    if (!sameRows)
        m_model->setRowCount(0);
    const QLocale locale;
    for (int row = 0; row < m_endpoints.size(); ++row) {
        const EndpointStatus &e = m_endpoints.at(row);
        const QStringList texts{
            e.id,
            e.provider,
            e.baseUrl,
            e.models.isEmpty() ? tr("any") : e.models.join(QStringLiteral(", ")),
            locale.toString(e.priority),
            locale.toString(e.weight),
            e.enabled ? tr("Yes") : tr("No"),
            breakerText(e),
            healthText(e),
            locale.toString(e.requests),
            locale.toString(e.failures),
            milliseconds(e.p50LatencyMs),
            milliseconds(e.p95LatencyMs),
            lastErrorText(e),
        };
        if (!sameRows) {
            QList<QStandardItem *> items;
            for (const QString &text : texts)
                items.append(new QStandardItem(text));
            m_model->appendRow(items);
        }
        for (int column = 0; column < ColumnCount; ++column) {
            QStandardItem *item = m_model->item(row, column);
            if (item->text() != texts.at(column))
                item->setText(texts.at(column));
            const bool number = column == PriorityColumn || column == WeightColumn || column == RequestsColumn ||
                                column == ErrorsColumn || column == P50Column || column == P95Column;
            if (number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            item->setToolTip(column == LastErrorColumn && !texts.at(column).isEmpty() ? texts.at(column)
                             : column == IdColumn ? tr("From %1").arg(sourceText(e.source))
                                                  : QString());
            item->setForeground(e.enabled ? QBrush() : palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    if (!sameRows) {
        m_ui->endpointTable->resizeColumnsToContents();
        for (int column : {BaseUrlColumn, ModelsColumn})
            m_ui->endpointTable->setColumnWidth(
                column, qMin(m_ui->endpointTable->columnWidth(column), 28 * fontMetrics().averageCharWidth()));
        // Live values grow after the first fill: room for them from the start.
        const int padding = 2 * fontMetrics().averageCharWidth();
        for (auto [column, sample] :
             {std::pair{BreakerColumn, tr("Open (retry in %1 s)").arg(60)}, std::pair{HealthColumn, tr("Not checked")},
              std::pair{RequestsColumn, QLocale().toString(99999)}, std::pair{ErrorsColumn, QLocale().toString(99999)},
              std::pair{P50Column, milliseconds(9999)}, std::pair{P95Column, milliseconds(9999)}})
            m_ui->endpointTable->setColumnWidth(column, qMax(m_ui->endpointTable->columnWidth(column),
                                                             fontMetrics().horizontalAdvance(sample) + padding));
        if (keep.isEmpty() || !selectEndpoint(keep)) {
            if (!m_endpoints.isEmpty())
                m_ui->endpointTable->selectRow(0);
        }
    }
    updateActions();
    updateDetail();
}

void EndpointsWindow::updateActions()
{
    const EndpointStatus *e = selected();
    const int row = m_ui->endpointTable->selectionModel()->selectedRows().value(0).row();
    for (QAction *a : {m_editAction, m_deleteAction, m_toggleAction, m_probeAction, m_resetAction})
        a->setEnabled(e);
    m_upAction->setEnabled(e && row > 0);
    m_downAction->setEnabled(e && row + 1 < m_endpoints.size());
    m_probeAction->setEnabled(e && e->enabled);
    m_resetAction->setEnabled(e && e->enabled && !e->breakerState.isEmpty() &&
                              (e->breakerState != QLatin1String("closed") || e->consecutiveFailures > 0));
    m_toggleAction->setText(e && !e->enabled ? tr("E&nable") : tr("Disa&ble"));
    m_toggleAction->setToolTip(e && !e->enabled ? tr("Route requests to the selected endpoint again")
                                                : tr("Stop routing requests to the selected endpoint"));
    m_ui->toggleButton->setAccessibleName(m_toggleAction->text().remove(QLatin1Char('&')));
    m_deleteAction->setToolTip(e && !isRunTime(*e)
                                   ? tr("Comes from %1: disable it instead").arg(sourceText(e->source))
                                   : tr("Remove the selected endpoint (only endpoints added in LLMProxy)"));
}

void EndpointsWindow::updateDetail()
{
    const EndpointStatus *e = selected();
    if (!e) {
        m_ui->detailLabel->setText(m_endpoints.isEmpty() ? tr("No endpoint yet. Add one to start routing requests.")
                                                         : tr("Select an endpoint to see its statistics."));
        return;
    }
    const QLocale locale;
    QList<std::pair<QString, QString>> rows{
        {tr("Endpoint"), tr("%1 — %2 at %3").arg(e->id, e->provider, e->baseUrl)},
        {tr("Comes from"), sourceText(e->source)},
        {tr("Models"), e->models.isEmpty() ? tr("any model") : e->models.join(QStringLiteral(", "))},
        {tr("Key"), keyText(*e)},
        {tr("Routing"), tr("priority %1, weight %2, %3")
                            .arg(locale.toString(e->priority), locale.toString(e->weight),
                                 e->enabled ? tr("enabled") : tr("disabled"))},
    };
    if (e->enabled) {
        rows.append({tr("Circuit breaker"), breakerText(*e)});
        QString health = healthText(*e);
        if (e->lastProbeEpochMs > 0)
            health = tr("%1 (checked at %2)")
                         .arg(health, locale.toString(QDateTime::fromMSecsSinceEpoch(e->lastProbeEpochMs).time(),
                                                      QLocale::LongFormat));
        rows.append({tr("Health"), health});
        rows.append({tr("Requests"), tr("%1 answered, %2 failed, success rate %3 %")
                                         .arg(locale.toString(e->requests), locale.toString(e->failures),
                                              locale.toString(e->successRate * 100, 'f', 1))});
        if (e->recentRequests > 0)
            rows.append(
                {tr("Latency"),
                 tr("average %1; p50 %2, p95 %3 over its last %n request(s)", nullptr, e->recentRequests)
                     .arg(milliseconds(e->latencyMs), milliseconds(e->p50LatencyMs), milliseconds(e->p95LatencyMs))});
        else
            rows.append({tr("Latency"), tr("no recent requests")});
    }
    const QString lastError = lastErrorText(*e);
    rows.append({tr("Last error"), lastError.isEmpty() ? tr("none among the recent requests") : lastError});
    QString html = QStringLiteral("<table cellspacing=\"2\">");
    for (const auto &[label, value] : rows)
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    html += QStringLiteral("</table>");
    if (m_ui->detailLabel->text() != html)
        m_ui->detailLabel->setText(html);
}

void EndpointsWindow::showMessage(const QString &text, bool error)
{
    m_ui->messageLabel->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }") : QString());
    m_ui->messageLabel->setText(text);
}

EngineController::EndpointDone EndpointsWindow::reporter(const QString &success)
{
    QPointer<EndpointsWindow> self(this);
    return [self, success](const QString &error) {
        if (self)
            self->showMessage(error.isEmpty() ? success : error, !error.isEmpty());
    };
}

void EndpointsWindow::editSelected()
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    auto *dialog = new EndpointEditDialog(m_controller, *e, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = e->id;
    connect(dialog, &QDialog::accepted, this, [this, id] { showMessage(tr("%1 changed.").arg(id), false); });
    dialog->open();
}

void EndpointsWindow::deleteSelected()
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    const QString id = e->id;
    if (!isRunTime(*e)) {
        showMessage(tr("%1 comes from %2 — disable it instead.").arg(id, sourceText(e->source)), true);
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Delete endpoint"),
                        tr("Delete the endpoint %1? Requests already on it finish; new ones go elsewhere.").arg(id),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("deleteConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            m_controller->deleteEndpoint(id, reporter(tr("%1 deleted.").arg(id)));
    });
    box->open();
}

void EndpointsWindow::toggleSelected()
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    EndpointEdit edit;
    edit.enabled = !e->enabled;
    m_controller->updateEndpoint(e->id, edit,
                                 reporter(e->enabled ? tr("%1 disabled.").arg(e->id) : tr("%1 enabled.").arg(e->id)));
}

void EndpointsWindow::moveSelected(int direction)
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    const qsizetype row = m_endpoints.indexOf(*e);
    const qsizetype other = row + direction;
    if (other < 0 || other >= m_endpoints.size())
        return;
    const EndpointStatus &neighbour = m_endpoints.at(other);
    // Swap priorities with the neighbour; with the same priority, step just past it.
    EndpointEdit mine;
    EndpointEdit theirs;
    if (neighbour.priority != e->priority) {
        mine.priority = neighbour.priority;
        theirs.priority = e->priority;
    } else {
        mine.priority = std::clamp(e->priority + direction, -kMaxPriority, kMaxPriority);
    }
    const QString id = e->id;
    const QString neighbourId = neighbour.id;
    const QString done = direction < 0 ? tr("%1 moved up.").arg(id) : tr("%1 moved down.").arg(id);
    if (theirs.priority) {
        QPointer<EndpointsWindow> self(this);
        m_controller->updateEndpoint(id, mine, [self, neighbourId, theirs, done](const QString &error) {
            if (!self)
                return;
            if (!error.isEmpty()) {
                self->showMessage(error, true);
                return;
            }
            self->m_controller->updateEndpoint(neighbourId, theirs, self->reporter(done));
        });
    } else {
        m_controller->updateEndpoint(id, mine, reporter(done));
    }
}

void EndpointsWindow::probeSelected()
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    m_controller->probeEndpoint(e->id, reporter(tr("Checking %1… its health shows in the table.").arg(e->id)));
}

void EndpointsWindow::resetSelected()
{
    const EndpointStatus *e = selected();
    if (!e)
        return;
    m_controller->resetBreaker(e->id, reporter(tr("Circuit breaker of %1 closed.").arg(e->id)));
}

void EndpointsWindow::saveSettings() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("EndpointsWindow"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    settings->setValue(QStringLiteral("splitter"), m_ui->splitter->saveState());
    settings->endGroup();
}

void EndpointsWindow::restoreSettings()
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("EndpointsWindow"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        const QFontMetrics metrics = fontMetrics();
        QSize size(150 * metrics.averageCharWidth(), 40 * metrics.lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    m_ui->splitter->restoreState(settings->value(QStringLiteral("splitter")).toByteArray());
    settings->endGroup();
}

} // namespace llmproxy

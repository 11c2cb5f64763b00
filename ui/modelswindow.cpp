// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/modelswindow.h"

#include "ui/appicon.h"

#include "ui_modelswindow.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace llmproxy {

namespace {

enum Tab { ModelsTab, AliasesTab, ChainsTab, RoutesTab };
constexpr int kEndpointRole = Qt::UserRole;
constexpr int kModelRole = Qt::UserRole + 1;

// UI state only (geometry, tab); never routing, which the engine keeps.
std::unique_ptr<QSettings> uiSettings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

/// Model names with a wildcard are patterns (config.yaml's `claude-*`): they name no model of their own.
bool isPattern(const QString &name)
{
    return name.contains(QLatin1Char('*')) || name.contains(QLatin1Char('?'));
}

QString healthText(const QString &health)
{
    if (health == QLatin1String("up"))
        return ModelsWindow::tr("up");
    if (health == QLatin1String("down"))
        return ModelsWindow::tr("down");
    return ModelsWindow::tr("health unknown");
}

QString servedByText(const EndpointStatus &endpoint)
{
    return ModelsWindow::tr("%1 (%2, %3)").arg(endpoint.id, endpoint.provider, healthText(endpoint.health));
}

QString hopText(const FallbackHop &hop)
{
    return ModelsWindow::tr("%1 · %2").arg(hop.endpoint, hop.model);
}

QTableWidgetItem *cell(const QString &text, const QString &key = {})
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    if (!key.isEmpty())
        item->setData(kModelRole, key);
    return item;
}

QString sourceText(bool runtime)
{
    return runtime ? ModelsWindow::tr("Changed here") : ModelsWindow::tr("config.yaml");
}

} // namespace

ModelsWindow::ModelsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::ModelsWindow>()), m_controller(controller)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("modelsWindow"));
    setWindowIcon(applicationIcon());

    m_routeRows = {
        {QStringLiteral("messages"), m_ui->messagesModelCombo, m_ui->messagesEndpointCombo},
        {QStringLiteral("responses"), m_ui->responsesModelCombo, m_ui->responsesEndpointCombo},
        {QStringLiteral("chat_completions"), m_ui->chatCompletionsModelCombo, m_ui->chatCompletionsEndpointCombo}};
    for (const RouteRow &row : m_routeRows) {
        row.model->setInsertPolicy(QComboBox::NoInsert);
        row.model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        row.model->setMinimumContentsLength(24);
        row.endpoint->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        row.endpoint->setMinimumContentsLength(16);
    }
    m_ui->routesGrid->setColumnStretch(1, 1);
    for (QTableWidget *table : {m_ui->aliasesTable, m_ui->chainsTable}) {
        table->setColumnCount(3);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(false);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    }
    m_ui->modelsTree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->modelsTree->header()->setStretchLastSection(true);

    connect(m_ui->aliasAddButton, &QPushButton::clicked, this, [this] { editAlias(QString()); });
    connect(m_ui->aliasEditButton, &QPushButton::clicked, this, [this] { editAlias(selectedKey(AliasesTab)); });
    connect(m_ui->aliasRemoveButton, &QPushButton::clicked, this, &ModelsWindow::removeAlias);
    connect(m_ui->aliasesTable, &QTableWidget::activated, this, [this] { editAlias(selectedKey(AliasesTab)); });
    connect(m_ui->aliasesTable, &QTableWidget::itemSelectionChanged, this, &ModelsWindow::updateButtons);
    connect(m_ui->chainAddButton, &QPushButton::clicked, this, [this] { editChain(QString()); });
    connect(m_ui->chainEditButton, &QPushButton::clicked, this, [this] { editChain(selectedKey(ChainsTab)); });
    connect(m_ui->chainRemoveButton, &QPushButton::clicked, this, &ModelsWindow::removeChain);
    connect(m_ui->chainsTable, &QTableWidget::activated, this, [this] { editChain(selectedKey(ChainsTab)); });
    connect(m_ui->chainsTable, &QTableWidget::itemSelectionChanged, this, &ModelsWindow::updateButtons);
    connect(m_ui->messagesApplyButton, &QPushButton::clicked, this, [this] { applyRoute(m_routeRows.at(0)); });
    connect(m_ui->responsesApplyButton, &QPushButton::clicked, this, [this] { applyRoute(m_routeRows.at(1)); });
    connect(m_ui->chatCompletionsApplyButton, &QPushButton::clicked, this, [this] { applyRoute(m_routeRows.at(2)); });
    connect(m_ui->resetButton, &QPushButton::clicked, this, &ModelsWindow::revertAll);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_controller, &EngineController::endpointsChanged, this, &ModelsWindow::showEndpoints);
    connect(m_controller, &EngineController::routingChanged, this, &ModelsWindow::showRouting);

    retranslate();
    m_endpoints = m_controller->endpoints();
    showRouting(m_controller->routing());

    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("ModelsWindow"));
    if (!restoreGeometry(settings->value(QStringLiteral("geometry")).toByteArray())) {
        const QFontMetrics metrics = fontMetrics();
        QSize size(130 * metrics.averageCharWidth(), 36 * metrics.lineSpacing());
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        resize(size);
    }
    m_ui->tabs->setCurrentIndex(qBound(0, settings->value(QStringLiteral("tab")).toInt(), int(RoutesTab)));
    settings->endGroup();
}

ModelsWindow::~ModelsWindow() = default;

QStringList ModelsWindow::servedModels(const QList<EndpointStatus> &endpoints, const RoutingView &routing)
{
    QStringList models;
    for (const EndpointStatus &endpoint : endpoints) {
        if (endpoint.enabled)
            models += endpoint.models;
    }
    for (const RoutingView::Alias &alias : routing.aliases) {
        if (!isPattern(alias.name))
            models << alias.name;
    }
    models.sort();
    models.removeDuplicates();
    return models;
}

QString ModelsWindow::hopsText(const QList<FallbackHop> &hops)
{
    QStringList parts;
    for (const FallbackHop &hop : hops)
        parts << hopText(hop);
    return parts.join(QStringLiteral(" → "));
}

void ModelsWindow::showEndpoints(const QList<EndpointStatus> &endpoints)
{
    // While another window refreshes the endpoints live, their counters change every second: only
    // what this window shows rebuilds it, so a row being read or a model being typed stays put.
    const auto shown = [](const QList<EndpointStatus> &list) {
        QStringList parts;
        for (const EndpointStatus &e : list)
            parts << e.id << e.provider << e.models.join(QLatin1Char(',')) << QString::number(e.enabled) << e.health;
        return parts;
    };
    const bool sameEndpoints = shown(endpoints) == shown(m_endpoints);
    m_endpoints = endpoints;
    if (sameEndpoints)
        return;
    fillModels();
    fillRoutes(false);
}

void ModelsWindow::showRouting(const RoutingView &routing)
{
    // The same routing again (the controller's first snapshot) leaves rows being edited alone.
    if (m_routingShown && routing == m_routing)
        return;
    m_routingShown = true;
    m_routing = routing;
    fillModels();
    fillAliases();
    fillChains();
    fillRoutes(true);
    updateButtons();
}

void ModelsWindow::fillModels()
{
    QTreeWidget *tree = m_ui->modelsTree;
    const QString current = tree->currentItem() ? tree->currentItem()->text(0) : QString();
    tree->clear();

    QMap<QString, QStringList> servedBy;
    QStringList anyModel;
    for (const EndpointStatus &endpoint : m_endpoints) {
        if (!endpoint.enabled)
            continue;
        if (endpoint.models.isEmpty())
            anyModel << servedByText(endpoint);
        for (const QString &model : endpoint.models)
            servedBy[model] << servedByText(endpoint);
    }
    QMap<QString, QString> chains;
    for (const RoutingView::Chain &chain : m_routing.chains)
        chains.insert(chain.model, hopsText(chain.hops));
    QMap<QString, QString> aliasTargets;
    QMap<QString, QStringList> aliasesOf;
    for (const RoutingView::Alias &alias : m_routing.aliases) {
        aliasesOf[alias.target] << alias.name;
        aliasTargets.insert(alias.name, alias.target);
    }

    const auto addRow = [&](const QString &model, const QString &served, const QString &aliases, const QString &chain) {
        auto *item = new QTreeWidgetItem(tree, {model, served, aliases, chain});
        for (int column = 0; column < 4; ++column)
            item->setToolTip(column, item->text(column));
        if (model == current)
            tree->setCurrentItem(item);
    };
    for (const QString &model : servedModels(m_endpoints, m_routing)) {
        QString served = servedBy.value(model).join(QStringLiteral(", "));
        if (served.isEmpty() && aliasTargets.contains(model))
            served = tr("alias of %1").arg(aliasTargets.value(model));
        addRow(model, served, aliasesOf.value(model).join(QStringLiteral(", ")), chains.value(model));
    }
    if (!anyModel.isEmpty())
        addRow(tr("(any model)"), anyModel.join(QStringLiteral(", ")), QString(), QString());
    if (tree->topLevelItemCount() == 0) {
        auto *item = new QTreeWidgetItem(tree, {tr("No enabled endpoint serves a model yet.")});
        item->setFlags(Qt::ItemIsEnabled);
    }
    // Wide enough for what they hold, but the fallback chain keeps room on a small screen.
    const int widest = 56 * tree->fontMetrics().averageCharWidth();
    for (int column = 0; column < 3; ++column) {
        tree->resizeColumnToContents(column);
        tree->setColumnWidth(column, qMin(tree->columnWidth(column), widest));
    }
}

void ModelsWindow::fillAliases()
{
    QTableWidget *table = m_ui->aliasesTable;
    const QString current = selectedKey(AliasesTab);
    table->setRowCount(0);
    table->setRowCount(int(m_routing.aliases.size()));
    int row = 0;
    for (const RoutingView::Alias &alias : m_routing.aliases) {
        table->setItem(row, 0, cell(alias.name, alias.name));
        table->setItem(row, 1, cell(alias.target));
        table->setItem(row, 2, cell(sourceText(alias.runtime)));
        if (alias.name == current)
            table->selectRow(row);
        ++row;
    }
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(2);
}

void ModelsWindow::fillChains()
{
    QTableWidget *table = m_ui->chainsTable;
    const QString current = selectedKey(ChainsTab);
    table->setRowCount(0);
    table->setRowCount(int(m_routing.chains.size()));
    int row = 0;
    for (const RoutingView::Chain &chain : m_routing.chains) {
        table->setItem(row, 0, cell(chain.model, chain.model));
        table->setItem(row, 1, cell(hopsText(chain.hops)));
        table->setItem(row, 2, cell(sourceText(chain.runtime)));
        if (chain.model == current)
            table->selectRow(row);
        ++row;
    }
    table->resizeColumnToContents(0);
    table->resizeColumnToContents(2);
}

void ModelsWindow::fillRoutes(bool showRouting)
{
    const QStringList models = servedModels(m_endpoints, m_routing);
    for (const RouteRow &row : m_routeRows) {
        std::optional<ClientRoute> route;
        if (showRouting && m_routing.clientRoutes.contains(row.api))
            route = m_routing.clientRoutes.value(row.api);
        // Otherwise keep what the row shows now, applied or not.
        if (!showRouting && (row.model->currentIndex() != 0 || row.model->currentText() != row.model->itemText(0)))
            route = ClientRoute{row.model->currentText(), row.endpoint->currentData().toString()};
        row.model->clear();
        row.model->addItem(tr("As requested"));
        row.model->addItems(models);
        if (route) {
            const int index = row.model->findText(route->model);
            if (index > 0)
                row.model->setCurrentIndex(index);
            else
                row.model->setEditText(route->model);
        } else {
            row.model->setCurrentIndex(0);
        }
        row.endpoint->clear();
        row.endpoint->addItem(tr("Any endpoint"), QString());
        for (const EndpointStatus &endpoint : m_endpoints)
            row.endpoint->addItem(endpoint.id, endpoint.id);
        if (route && !route->endpoint.isEmpty()) {
            int index = row.endpoint->findData(route->endpoint);
            if (index < 0) {
                row.endpoint->addItem(route->endpoint, route->endpoint);
                index = row.endpoint->count() - 1;
            }
            row.endpoint->setCurrentIndex(index);
        }
    }
}

void ModelsWindow::updateButtons()
{
    const bool alias = !selectedKey(AliasesTab).isEmpty();
    m_ui->aliasEditButton->setEnabled(alias);
    m_ui->aliasRemoveButton->setEnabled(alias);
    const bool chain = !selectedKey(ChainsTab).isEmpty();
    m_ui->chainEditButton->setEnabled(chain);
    m_ui->chainRemoveButton->setEnabled(chain);
}

QString ModelsWindow::selectedKey(int tab) const
{
    const QTableWidget *table = tab == AliasesTab ? m_ui->aliasesTable : m_ui->chainsTable;
    const QList<QTableWidgetItem *> selected = table->selectedItems();
    if (selected.isEmpty())
        return {};
    const QTableWidgetItem *first = table->item(selected.first()->row(), 0);
    return first ? first->data(kModelRole).toString() : QString();
}

QStringList ModelsWindow::hopTargets() const
{
    QStringList ids;
    QStringList providers;
    for (const EndpointStatus &endpoint : m_endpoints) {
        ids << endpoint.id;
        if (!endpoint.provider.isEmpty() && !providers.contains(endpoint.provider))
            providers << endpoint.provider;
    }
    providers.sort();
    for (const QString &provider : providers) {
        if (!ids.contains(provider))
            ids << provider;
    }
    return ids;
}

void ModelsWindow::editAlias(const QString &name)
{
    QString target;
    for (const RoutingView::Alias &alias : m_routing.aliases) {
        if (alias.name == name)
            target = alias.target;
    }
    auto *dialog = new AliasDialog(
        name, target, servedModels(m_endpoints, RoutingView()),
        [this, original = name](const QString &newName, const QString &newTarget) {
            QString why = m_controller->setAlias(newName, newTarget);
            if (!why.isEmpty())
                return why;
            if (!original.isEmpty() && original != newName)
                m_controller->removeAlias(original);
            m_ui->statusLabel->setText(tr("Alias %1 → %2 set.").arg(newName, newTarget));
            return QString();
        },
        this);
    dialog->open();
}

void ModelsWindow::removeAlias()
{
    const QString name = selectedKey(AliasesTab);
    if (name.isEmpty())
        return;
    m_controller->removeAlias(name);
    m_ui->statusLabel->setText(tr("Alias %1 removed.").arg(name));
}

void ModelsWindow::editChain(const QString &model)
{
    QList<FallbackHop> hops;
    for (const RoutingView::Chain &chain : m_routing.chains) {
        if (chain.model == model)
            hops = chain.hops;
    }
    auto *dialog = new FallbackChainDialog(
        model, hops, servedModels(m_endpoints, RoutingView()), hopTargets(),
        [this, original = model](const QString &newModel, const QList<FallbackHop> &newHops) {
            QString why = m_controller->setFallbackChain(newModel, newHops);
            if (!why.isEmpty())
                return why;
            if (!original.isEmpty() && original != newModel)
                m_controller->removeFallbackChain(original);
            m_ui->statusLabel->setText(tr("Fallback chain of %1 set.").arg(newModel));
            return QString();
        },
        this);
    dialog->open();
}

void ModelsWindow::removeChain()
{
    const QString model = selectedKey(ChainsTab);
    if (model.isEmpty())
        return;
    m_controller->removeFallbackChain(model);
    m_ui->statusLabel->setText(tr("Fallback chain of %1 removed.").arg(model));
}

void ModelsWindow::applyRoute(const RouteRow &row)
{
    const QString model = row.model->currentText().trimmed();
    std::optional<ClientRoute> route;
    if (!model.isEmpty() && model != row.model->itemText(0))
        route = ClientRoute{model, row.endpoint->currentData().toString()};
    const QString why = m_controller->setClientRoute(row.api, route);
    if (!why.isEmpty()) {
        m_ui->routesStatusLabel->setText(tr("Not changed: %1").arg(why));
        return;
    }
    if (!route)
        m_ui->routesStatusLabel->setText(tr("These requests go to the model they ask for."));
    else if (route->endpoint.isEmpty())
        m_ui->routesStatusLabel->setText(tr("These requests now go to %1.").arg(route->model));
    else
        m_ui->routesStatusLabel->setText(
            tr("These requests now go to %1 on %2 first.").arg(route->model, route->endpoint));
}

void ModelsWindow::revertAll()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Revert all changes made here"),
                                tr("Drop every alias, fallback chain and route override changed in this window or "
                                   "through the admin API? The configuration file's routing applies again."),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revertConfirmation"));
    box->addButton(tr("Revert"), QMessageBox::AcceptRole)->setObjectName(QStringLiteral("revertConfirmButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this] {
        m_controller->resetRouting();
        m_ui->statusLabel->setText(tr("The configuration file's routing applies again."));
    });
    box->open();
}

void ModelsWindow::retranslate()
{
    m_ui->aliasesTable->setHorizontalHeaderLabels({tr("Name or pattern"), tr("Target model"), tr("Source")});
    m_ui->chainsTable->setHorizontalHeaderLabels({tr("Model"), tr("Hops"), tr("Source")});
}

void ModelsWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    retranslate();
    fillModels();
    fillAliases();
    fillChains();
    fillRoutes(false);
}

void ModelsWindow::saveGeometrySetting() const
{
    const auto settings = uiSettings();
    settings->beginGroup(QStringLiteral("ModelsWindow"));
    settings->setValue(QStringLiteral("geometry"), saveGeometry());
    settings->setValue(QStringLiteral("tab"), m_ui->tabs->currentIndex());
    settings->endGroup();
}

void ModelsWindow::closeEvent(QCloseEvent *event)
{
    saveGeometrySetting();
    QWidget::closeEvent(event);
}

void ModelsWindow::hideEvent(QHideEvent *event)
{
    saveGeometrySetting();
    QWidget::hideEvent(event);
}

// -- AliasDialog ----------------------------------------------------------------------------------

AliasDialog::AliasDialog(const QString &name, const QString &target, const QStringList &models, Apply apply,
                         QWidget *parent)
    : QDialog(parent), m_apply(std::move(apply)), m_name(new QLineEdit(name, this)), m_target(new QComboBox(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("aliasDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(name.isEmpty() ? tr("Add alias") : tr("Edit alias"));
    m_name->setObjectName(QStringLiteral("aliasNameEdit"));
    m_name->setAccessibleName(tr("Alias name or pattern"));
    m_name->setPlaceholderText(tr("e.g. fast or claude-*"));
    m_target->setObjectName(QStringLiteral("aliasTargetCombo"));
    m_target->setAccessibleName(tr("Target model"));
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    m_target->addItems(models);
    m_target->setEditText(target);
    m_error->setObjectName(QStringLiteral("aliasErrorLabel"));
    m_error->setAccessibleName(tr("Why the alias was not set"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name or pattern:"), m_name);
    form->addRow(tr("&Target model:"), m_target);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("aliasButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AliasDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AliasDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("A request for this name (or any name the pattern matches) is served by the target "
                               "model. The target must be a model name, not a pattern."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(60 * fontMetrics().averageCharWidth());
    adjustSize();
}

void AliasDialog::accept()
{
    const QString why = m_apply(m_name->text().trimmed(), m_target->currentText().trimmed());
    if (why.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_error->setText(tr("Not set: %1").arg(why));
    m_error->show();
    // Room for the message: wrapped labels need more height than the dialog had.
    resize(width(), qMax(height(), sizeHint().height()));
}

// -- FallbackChainDialog --------------------------------------------------------------------------

FallbackChainDialog::FallbackChainDialog(const QString &model, const QList<FallbackHop> &hops,
                                         const QStringList &models, const QStringList &targets, Apply apply,
                                         QWidget *parent)
    : QDialog(parent), m_apply(std::move(apply)), m_model(new QComboBox(this)), m_hops(new QListWidget(this)),
      m_hopEndpoint(new QComboBox(this)), m_hopModel(new QComboBox(this)), m_addHop(new QPushButton(this)),
      m_removeHop(new QPushButton(this)), m_upHop(new QPushButton(this)), m_downHop(new QPushButton(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("fallbackChainDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(model.isEmpty() ? tr("Add fallback chain") : tr("Edit fallback chain"));
    m_model->setObjectName(QStringLiteral("chainModelCombo"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->addItems(models);
    m_model->setEditText(model);
    m_hops->setObjectName(QStringLiteral("hopsList"));
    m_hops->setAccessibleName(tr("Hops, tried in this order"));
    for (const FallbackHop &hop : hops) {
        auto *item = new QListWidgetItem(hopText(hop), m_hops);
        item->setData(kEndpointRole, hop.endpoint);
        item->setData(kModelRole, hop.model);
    }
    m_hopEndpoint->setObjectName(QStringLiteral("hopEndpointCombo"));
    m_hopEndpoint->setAccessibleName(tr("Hop endpoint or provider"));
    m_hopEndpoint->setEditable(true);
    m_hopEndpoint->setInsertPolicy(QComboBox::NoInsert);
    m_hopEndpoint->addItems(targets);
    m_hopModel->setObjectName(QStringLiteral("hopModelCombo"));
    m_hopModel->setAccessibleName(tr("Hop model"));
    m_hopModel->setEditable(true);
    m_hopModel->setInsertPolicy(QComboBox::NoInsert);
    m_hopModel->addItems(models);
    m_hopModel->setEditText(QString());
    m_hopModel->lineEdit()->setPlaceholderText(tr("the same model"));
    m_addHop->setObjectName(QStringLiteral("addHopButton"));
    m_addHop->setText(tr("Add &hop"));
    m_removeHop->setObjectName(QStringLiteral("removeHopButton"));
    m_removeHop->setText(tr("Re&move hop"));
    m_upHop->setObjectName(QStringLiteral("upHopButton"));
    m_upHop->setText(tr("Move &up"));
    m_downHop->setObjectName(QStringLiteral("downHopButton"));
    m_downHop->setText(tr("Move &down"));
    for (QPushButton *button : {m_addHop, m_removeHop, m_upHop, m_downHop}) {
        button->setAutoDefault(false);
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));
    }
    m_error->setObjectName(QStringLiteral("chainErrorLabel"));
    m_error->setAccessibleName(tr("Why the chain was not set"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    connect(m_addHop, &QPushButton::clicked, this, &FallbackChainDialog::addHop);
    connect(m_removeHop, &QPushButton::clicked, this, &FallbackChainDialog::removeHop);
    connect(m_upHop, &QPushButton::clicked, this, [this] { moveHop(-1); });
    connect(m_downHop, &QPushButton::clicked, this, [this] { moveHop(1); });
    connect(m_hops, &QListWidget::currentRowChanged, this, &FallbackChainDialog::updateButtons);

    auto *modelForm = new QFormLayout;
    auto *modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_model);
    modelForm->addRow(modelLabel, m_model);
    auto *hopsLabel = new QLabel(tr("Hops, tried in this order when every endpoint of the model fails:"), this);
    hopsLabel->setBuddy(m_hops);
    hopsLabel->setWordWrap(true);
    auto *order = new QVBoxLayout;
    order->addWidget(m_removeHop);
    order->addWidget(m_upHop);
    order->addWidget(m_downHop);
    order->addStretch();
    auto *list = new QHBoxLayout;
    list->addWidget(m_hops, 1);
    list->addLayout(order);
    auto *newHop = new QHBoxLayout;
    auto *endpointLabel = new QLabel(tr("&Endpoint or provider:"), this);
    endpointLabel->setBuddy(m_hopEndpoint);
    auto *hopModelLabel = new QLabel(tr("M&odel:"), this);
    hopModelLabel->setBuddy(m_hopModel);
    newHop->addWidget(endpointLabel);
    newHop->addWidget(m_hopEndpoint, 1);
    newHop->addWidget(hopModelLabel);
    newHop->addWidget(m_hopModel, 1);
    newHop->addWidget(m_addHop);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("chainButtons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FallbackChainDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FallbackChainDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modelForm);
    layout->addWidget(hopsLabel);
    layout->addLayout(list);
    layout->addLayout(newHop);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setTabOrder(m_model, m_hops);
    setTabOrder(m_hops, m_removeHop);
    setTabOrder(m_removeHop, m_upHop);
    setTabOrder(m_upHop, m_downHop);
    setTabOrder(m_downHop, m_hopEndpoint);
    setTabOrder(m_hopEndpoint, m_hopModel);
    setTabOrder(m_hopModel, m_addHop);
    setTabOrder(m_addHop, buttons);
    updateButtons();
    resize(QSize(80 * fontMetrics().averageCharWidth(), 22 * fontMetrics().lineSpacing()));
}

QList<FallbackHop> FallbackChainDialog::hops() const
{
    QList<FallbackHop> hops;
    for (int row = 0; row < m_hops->count(); ++row) {
        const QListWidgetItem *item = m_hops->item(row);
        hops.append({item->data(kEndpointRole).toString(), item->data(kModelRole).toString()});
    }
    return hops;
}

void FallbackChainDialog::addHop()
{
    const QString endpoint = m_hopEndpoint->currentText().trimmed();
    if (endpoint.isEmpty()) {
        m_error->setText(tr("Choose the endpoint or provider of the hop first."));
        m_error->show();
        return;
    }
    QString model = m_hopModel->currentText().trimmed();
    const QString shown = model.isEmpty() ? m_model->currentText().trimmed() : model;
    auto *item = new QListWidgetItem(hopText({endpoint, shown}), m_hops);
    item->setData(kEndpointRole, endpoint);
    item->setData(kModelRole, model);
    m_hops->setCurrentItem(item);
    m_error->hide();
    updateButtons();
}

void FallbackChainDialog::removeHop()
{
    delete m_hops->takeItem(m_hops->currentRow());
    updateButtons();
}

void FallbackChainDialog::moveHop(int by)
{
    const int row = m_hops->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_hops->count())
        return;
    QListWidgetItem *item = m_hops->takeItem(row);
    m_hops->insertItem(to, item);
    m_hops->setCurrentRow(to);
    updateButtons();
}

void FallbackChainDialog::updateButtons()
{
    const int row = m_hops->currentRow();
    m_removeHop->setEnabled(row >= 0);
    m_upHop->setEnabled(row > 0);
    m_downHop->setEnabled(row >= 0 && row + 1 < m_hops->count());
}

void FallbackChainDialog::accept()
{
    const QString why = m_apply(m_model->currentText().trimmed(), hops());
    if (why.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_error->setText(tr("Not set: %1").arg(why));
    m_error->show();
    // Room for the message: wrapped labels need more height than the dialog had.
    resize(width(), qMax(height(), sizeHint().height()));
}

} // namespace llmproxy

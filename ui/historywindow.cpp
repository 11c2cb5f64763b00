// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/historywindow.h"

#include "ui/appicon.h"
#include "ui/historymodel.h"
#include "ui/requestlogmodel.h"

#include "ui_historywindow.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QScreen>
#include <QScrollBar>
#include <QSignalBlocker>

#include <utility>

namespace llmproxy {

HistoryWindow::HistoryWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::HistoryWindow>()), m_controller(controller),
      m_model(new HistoryModel(controller, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("historyWindow"));
    setWindowIcon(applicationIcon());
    fillChoices();

    m_ui->tableView->setModel(m_model);
    m_ui->tableView->verticalHeader()->hide();
    m_ui->tableView->verticalHeader()->setDefaultSectionSize(m_ui->tableView->fontMetrics().height() + 6);
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int charWidth = m_ui->tableView->fontMetrics().averageCharWidth();
    header->resizeSection(RequestLogModel::TimeColumn,
                          m_ui->tableView->fontMetrics().horizontalAdvance(QStringLiteral("8888-88-88 88:88:88")) +
                              3 * charWidth);
    header->resizeSection(RequestLogModel::RouteColumn, 24 * charWidth);
    header->resizeSection(RequestLogModel::ModelColumn, 22 * charWidth);
    header->resizeSection(RequestLogModel::EndpointColumn, 14 * charWidth);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &HistoryWindow::refresh);
    connect(m_ui->searchEdit, &QLineEdit::textEdited, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->keyEdit, &QLineEdit::textEdited, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->modelEdit, &QLineEdit::textEdited, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->modelEdit, &QLineEdit::returnPressed, this, &HistoryWindow::refresh);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &HistoryWindow::refresh);
    connect(m_ui->keyEdit, &QLineEdit::returnPressed, this, &HistoryWindow::refresh);
    connect(m_ui->statusCombo, &QComboBox::activated, this, &HistoryWindow::refresh);
    connect(m_ui->periodCombo, &QComboBox::activated, this, &HistoryWindow::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &HistoryWindow::refresh);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);
    connect(m_model, &HistoryModel::stateChanged, this, &HistoryWindow::showState);
    connect(m_ui->tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryWindow::showDetail);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    connect(m_ui->copyIdButton, &QPushButton::clicked, this, [this] {
        if (const int row = selectedRow(); row >= 0)
            QGuiApplication::clipboard()->setText(m_model->historyRow(row).record.requestId);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryWindow::showDetail);
    connect(m_model, &HistoryModel::stateChanged, this, &HistoryWindow::selectPending);
    m_followTimer.setInterval(2000);
    connect(&m_followTimer, &QTimer::timeout, this, &HistoryWindow::follow);
    connect(m_ui->followCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on) {
            m_followTimer.start();
            follow();
        } else {
            m_followTimer.stop();
        }
    });
}

HistoryWindow::~HistoryWindow() = default;

void HistoryWindow::fillChoices()
{
    const int status = qMax(0, m_ui->statusCombo->currentIndex());
    const int period = m_ui->periodCombo->currentIndex() < 0 ? LastDay : m_ui->periodCombo->currentIndex();
    const QSignalBlocker statusBlocker(m_ui->statusCombo);
    const QSignalBlocker periodBlocker(m_ui->periodCombo);
    m_ui->statusCombo->clear();
    m_ui->statusCombo->addItems({tr("Any"), tr("Successful (2xx)"), tr("Client errors (4xx)"),
                                 tr("Server errors (5xx)"), tr("Blocked by a guard")});
    m_ui->statusCombo->setCurrentIndex(status);
    m_ui->periodCombo->clear();
    m_ui->periodCombo->addItems(
        {tr("Last hour"), tr("Last 24 hours"), tr("Last 7 days"), tr("Last 30 days"), tr("All time")});
    m_ui->periodCombo->setCurrentIndex(period);
}

HistoryFilter HistoryWindow::currentFilter() const
{
    HistoryFilter f;
    f.text = m_ui->searchEdit->text().trimmed();
    f.key = m_ui->keyEdit->text().trimmed();
    f.model = m_ui->modelEdit->text().trimmed();
    switch (m_ui->statusCombo->currentIndex()) {
    case Successful:
        f.statusClass = 2;
        break;
    case ClientErrors:
        f.statusClass = 4;
        break;
    case ServerErrors:
        f.statusClass = 5;
        break;
    case Blocked:
        f.blockedOnly = true;
        break;
    default:
        break;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    switch (m_ui->periodCombo->currentIndex()) {
    case LastHour:
        f.from = now.addSecs(-3600);
        break;
    case LastDay:
        f.from = now.addDays(-1);
        break;
    case LastWeek:
        f.from = now.addDays(-7);
        break;
    case LastMonth:
        f.from = now.addDays(-30);
        break;
    default:
        break;
    }
    return f;
}

void HistoryWindow::refresh()
{
    m_searchDelay.stop();
    m_model->setFilter(currentFilter());
}

void HistoryWindow::showRequest(const QString &requestId)
{
    m_ui->searchEdit->setText(requestId);
    m_ui->keyEdit->clear();
    m_ui->modelEdit->clear();
    m_ui->statusCombo->setCurrentIndex(AnyStatus);
    m_ui->periodCombo->setCurrentIndex(AllTime);
    m_selectId = requestId;
    refresh();
}

bool HistoryWindow::isFollowing() const
{
    return m_ui->followCheck->isChecked();
}

void HistoryWindow::setFollowing(bool follow)
{
    m_ui->followCheck->setChecked(follow);
}

void HistoryWindow::follow()
{
    // Only while someone can see the top of the table: a reader further down keeps their rows.
    if (!isFollowing() || !isVisible() || m_model->isLoading() || m_ui->tableView->verticalScrollBar()->value() != 0)
        return;
    if (const int row = selectedRow(); row >= 0)
        m_selectId = m_model->historyRow(row).record.requestId;
    refresh();
}

void HistoryWindow::selectPending()
{
    if (m_selectId.isEmpty() || m_model->isLoading())
        return;
    const QString id = std::exchange(m_selectId, QString());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->historyRow(row).record.requestId == id) {
            m_ui->tableView->selectRow(row);
            return;
        }
    }
}

int HistoryWindow::selectedRow() const
{
    const QModelIndexList rows = m_ui->tableView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString HistoryWindow::detailHtml(const HistoryRow &row)
{
    const RequestRecord &r = row.record;
    const QLocale locale;
    QList<QPair<QString, QString>> fields;
    const auto add = [&fields](const QString &name, const QString &value) {
        if (!value.isEmpty())
            fields.append({name, value});
    };
    const auto ms = [&locale](double v) { return v < 0 ? QString() : tr("%1 ms").arg(locale.toString(v, 'f', 1)); };
    add(tr("Request ID"), r.requestId);
    add(tr("Time"), r.time.toLocalTime().toString(Qt::ISODateWithMs));
    add(tr("Request"),
        QStringLiteral("%1 %2").arg(r.method, r.route) + (r.stream ? QStringLiteral(" ") + tr("(stream)") : QString()));
    add(tr("Client API"), r.clientApi);
    add(tr("Client key"), r.keyName);
    add(tr("Team"), row.team);
    add(tr("Model asked for"), r.model);
    if (r.servedModel != r.model)
        add(tr("Model served"), r.servedModel);
    add(tr("Provider"), r.provider);
    add(tr("Endpoint"), r.endpoint);
    add(tr("Status"), QString::number(r.status));
    add(tr("Error"), r.error);
    add(tr("Blocked by"), r.blockedBy);
    if (r.attempts > 0)
        add(tr("Attempts"), QString::number(r.attempts));
    add(tr("Latency"), ms(r.latencyMs));
    add(tr("Time to first token"), ms(r.ttftMs));
    add(tr("Gateway overhead"), ms(r.overheadMs));
    if (r.promptTokens >= 0)
        add(tr("Tokens in"), locale.toString(r.promptTokens));
    if (r.completionTokens >= 0)
        add(tr("Tokens out"), locale.toString(r.completionTokens));
    if (r.costUsd >= 0)
        add(tr("Cost"), QStringLiteral("$%1").arg(locale.toString(r.costUsd, 'f', 6)) +
                            (r.costEstimated ? QStringLiteral(" ") + tr("(estimated)") : QString()));
    QString html = QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">");
    for (const auto &[name, value] : std::as_const(fields))
        html +=
            QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    return html + QStringLiteral("</table>");
}

void HistoryWindow::showDetail()
{
    const int row = selectedRow();
    m_ui->copyIdButton->setEnabled(row >= 0);
    if (row < 0)
        m_ui->detailView->clear();
    else
        m_ui->detailView->setHtml(detailHtml(m_model->historyRow(row)));
}

void HistoryWindow::showState()
{
    const QLocale locale;
    QString text;
    if (!m_model->error().isEmpty()) {
        text = m_model->error();
    } else if (m_model->isLoading() && m_model->rowCount() == 0) {
        text = tr("Loading…");
    } else if (m_model->total().value_or(0) == 0 && m_model->rowCount() == 0) {
        text = tr("No stored request matches.");
    } else {
        const QString matching = tr("Matching requests: %1").arg(locale.toString(m_model->total().value_or(0)));
        const QString shown = tr("shown: %1").arg(locale.toString(m_model->rowCount()));
        text = matching + QStringLiteral(" · ") + shown;
        if (m_model->atCap())
            text += QStringLiteral(" · ") + tr("the first %1 only: narrow the filters to see the others")
                                                .arg(locale.toString(HistoryModel::MaxRows));
        else if (!m_model->atEnd())
            text += QStringLiteral(" · ") + tr("scroll down for more");
    }
    m_ui->stateLabel->setText(text);
    m_ui->stateLabel->setToolTip(text); // the line may be cut in a narrow window
}

void HistoryWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    const QFontMetrics metrics = fontMetrics();
    QSize size(175 * metrics.averageCharWidth(), 44 * metrics.lineSpacing());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
    refresh();
}

void HistoryWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    fillChoices();
    showState();
    showDetail();
}

} // namespace llmproxy

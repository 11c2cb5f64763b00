// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/analyticswindow.h"

#include "ui/appicon.h"
#include "ui/budgetgauge.h"

#include "ui_analyticswindow.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLineSeries>
#include <QLocale>
#include <QSaveFile>
#include <QScreen>
#include <QSignalBlocker>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QValueAxis>

#include <algorithm>
#include <map>

namespace llmproxy {

namespace {

/// Ranges longer than this are drawn per month instead of per day.
constexpr qint64 kMaxDayBuckets = 62;

enum TableColumn {
    DayColumn,
    GroupColumn,
    RequestsColumn,
    PromptColumn,
    CompletionColumn,
    CostColumn,
    EstimatedColumn
};

QChartView *makeChartView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(120);
    return view;
}

/// Drops every series and axis of `chart`.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

/// Puts a category axis of `buckets` at the bottom and a value axis at the left of `chart`, both
/// attached to its series.
void addAxes(QChart *chart, const QStringList &buckets, double maximum, const QString &format)
{
    auto *x = new QBarCategoryAxis;
    x->append(buckets);
    x->setLabelsAngle(buckets.size() > 10 ? -60 : 0);
    auto *y = new QValueAxis;
    y->setLabelFormat(format);
    y->setRange(0, maximum > 0 ? maximum * 1.1 : 1.0);
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
}

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

AnalyticsWindow::AnalyticsWindow(EngineController *controller, QWidget *parent)
    : QWidget(parent, Qt::Window), m_ui(std::make_unique<Ui::AnalyticsWindow>()), m_controller(controller)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("analyticsWindow"));
    setWindowIcon(applicationIcon());

    m_spendView = makeChartView(this);
    m_spendView->setObjectName(QStringLiteral("spendChartView"));
    m_tokensView = makeChartView(this);
    m_tokensView->setObjectName(QStringLiteral("tokensChartView"));
    m_perRequestView = makeChartView(this);
    m_perRequestView->setObjectName(QStringLiteral("costPerRequestChartView"));
    m_ui->tabWidget->insertTab(0, m_spendView, QString());
    m_ui->tabWidget->insertTab(1, m_tokensView, QString());
    m_ui->tabWidget->insertTab(2, m_perRequestView, QString());
    m_ui->tabWidget->setCurrentIndex(0);

    m_ui->spendTable->setColumnCount(EstimatedColumn + 1);
    m_ui->spendTable->verticalHeader()->hide();
    m_ui->spendTable->verticalHeader()->setDefaultSectionSize(m_ui->spendTable->fontMetrics().height() + 6);
    m_ui->spendTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->spendTable->horizontalHeader()->resizeSection(GroupColumn,
                                                        24 * m_ui->spendTable->fontMetrics().averageCharWidth());

    const QDate today = QDate::currentDate();
    m_ui->fromEdit->setDate(today.addDays(-6));
    m_ui->toEdit->setDate(today);
    fillChoices();
    m_ui->periodCombo->setCurrentIndex(Last7Days);
    periodChosen();
    styleCharts();

    connect(m_ui->periodCombo, &QComboBox::activated, this, [this] {
        periodChosen();
        refresh();
    });
    connect(m_ui->groupCombo, &QComboBox::activated, this, &AnalyticsWindow::refresh);
    connect(m_ui->fromEdit, &QDateEdit::editingFinished, this, &AnalyticsWindow::refresh);
    connect(m_ui->toEdit, &QDateEdit::editingFinished, this, &AnalyticsWindow::refresh);
    connect(m_ui->refreshButton, &QPushButton::clicked, this, &AnalyticsWindow::refresh);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &AnalyticsWindow::askExport);
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QWidget::close);

    m_autoRefresh.setInterval(AutoRefreshMs);
    connect(&m_autoRefresh, &QTimer::timeout, this, &AnalyticsWindow::refresh);
    showBudgets();
    showState();
}

AnalyticsWindow::~AnalyticsWindow() = default;

QChart *AnalyticsWindow::spendChart() const
{
    return m_spendView->chart();
}

QChart *AnalyticsWindow::tokensChart() const
{
    return m_tokensView->chart();
}

QChart *AnalyticsWindow::costPerRequestChart() const
{
    return m_perRequestView->chart();
}

void AnalyticsWindow::fillChoices()
{
    const int period = m_ui->periodCombo->currentIndex() < 0 ? Last7Days : m_ui->periodCombo->currentIndex();
    const int group = qMax(0, m_ui->groupCombo->currentIndex());
    const QSignalBlocker periodBlocker(m_ui->periodCombo);
    const QSignalBlocker groupBlocker(m_ui->groupCombo);
    m_ui->periodCombo->clear();
    m_ui->periodCombo->addItems({tr("Today"), tr("Last 7 days"), tr("Last 30 days"), tr("Custom range")});
    m_ui->periodCombo->setCurrentIndex(period);
    m_ui->groupCombo->clear();
    m_ui->groupCombo->addItem(tr("Model"), int(SpendDimension::Model));
    m_ui->groupCombo->addItem(tr("Provider"), int(SpendDimension::Provider));
    m_ui->groupCombo->addItem(tr("Client key"), int(SpendDimension::Key));
    m_ui->groupCombo->addItem(tr("Team"), int(SpendDimension::Team));
    m_ui->groupCombo->setCurrentIndex(group);
    m_ui->tabWidget->setTabText(0, tr("&Spend per day"));
    m_ui->tabWidget->setTabText(1, tr("T&okens per day"));
    m_ui->tabWidget->setTabText(2, tr("Cost per re&quest"));
}

void AnalyticsWindow::periodChosen()
{
    const bool custom = m_ui->periodCombo->currentIndex() == Custom;
    m_ui->fromEdit->setEnabled(custom);
    m_ui->toEdit->setEnabled(custom);
}

SpendReportQuery AnalyticsWindow::currentQuery() const
{
    SpendReportQuery q;
    q.groupBy = SpendDimension(m_ui->groupCombo->currentData().toInt());
    switch (m_ui->periodCombo->currentIndex()) {
    case Today:
        q.lastDays = 1;
        break;
    case Last7Days:
        q.lastDays = 7;
        break;
    case Last30Days:
        q.lastDays = 30;
        break;
    default:
        q.from = m_ui->fromEdit->date();
        q.to = m_ui->toEdit->date();
        break;
    }
    return q;
}

void AnalyticsWindow::refresh()
{
    const quint64 generation = ++m_generation;
    const SpendReportQuery query = currentQuery();
    m_pendingSpend = true;
    m_pendingBudgets = true;
    showState();
    m_controller->querySpend(query, this, [this, generation, query](const SpendReport &report, const QString &error) {
        if (generation != m_generation)
            return;
        m_pendingSpend = false;
        m_error = error;
        m_report = report;
        m_reportGroup = query.groupBy;
        m_updatedAt = QDateTime::currentDateTime();
        if (error.isEmpty() && query.lastDays > 0) {
            // The presets' days are the budget zone's: show them in the date fields.
            const QSignalBlocker fromBlocker(m_ui->fromEdit);
            const QSignalBlocker toBlocker(m_ui->toEdit);
            m_ui->fromEdit->setDate(report.from);
            m_ui->toEdit->setDate(report.to);
        }
        showReport();
        showState();
    });
    m_controller->queryBudgets(this, [this, generation](const BudgetOverview &budgets) {
        if (generation != m_generation)
            return;
        m_pendingBudgets = false;
        m_budgets = budgets;
        showBudgets();
        showState();
    });
}

QString AnalyticsWindow::groupName(const QString &value) const
{
    return value.isEmpty() ? tr("(unknown)") : value;
}

QString AnalyticsWindow::groupColumnTitle() const
{
    switch (m_reportGroup) {
    case SpendDimension::Provider:
        return tr("Provider");
    case SpendDimension::Key:
        return tr("Client key");
    case SpendDimension::Team:
        return tr("Team");
    default:
        return tr("Model");
    }
}

SpendChartData AnalyticsWindow::chartData(const SpendReport &report, int topGroups)
{
    SpendChartData data;
    if (!report.from.isValid() || !report.to.isValid())
        return data;
    const bool monthly = report.from.daysTo(report.to) >= kMaxDayBuckets;
    const auto bucketOf = [&](const QDate &day) {
        return monthly ? (day.year() - report.from.year()) * 12 + day.month() - report.from.month()
                       : int(report.from.daysTo(day));
    };
    for (QDate d = report.from; d <= report.to;) {
        data.buckets << d.toString(monthly ? QStringLiteral("yyyy-MM") : QStringLiteral("MM-dd"));
        d = monthly ? QDate(d.year(), d.month(), 1).addMonths(1) : d.addDays(1);
    }
    const int buckets = int(data.buckets.size());
    data.promptTokens.fill(0, buckets);
    data.completionTokens.fill(0, buckets);
    data.requests.fill(0, buckets);
    data.bucketCost.fill(0.0, buckets);

    // The groups that spent most are named; ties are broken by name, so the order is stable.
    std::map<QString, double> perGroup;
    for (const SpendRow &row : report.rows)
        perGroup[row.values.value(1)] += row.amounts.costUsd;
    QList<std::pair<QString, double>> ranked(perGroup.begin(), perGroup.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    const int named = int(std::min<qsizetype>(ranked.size(), ranked.size() > topGroups ? topGroups - 1 : topGroups));
    QHash<QString, int> index;
    for (int i = 0; i < named; ++i) {
        index.insert(ranked.at(i).first, i);
        data.groups << ranked.at(i).first;
    }
    data.hasOther = ranked.size() > named;
    if (data.hasOther)
        data.groups << QString();
    data.cost = QList<QList<double>>(data.groups.size(), QList<double>(buckets, 0.0));

    for (const SpendRow &row : report.rows) {
        const QDate day = QDate::fromString(row.values.value(0), Qt::ISODate);
        const int bucket = bucketOf(day);
        if (!day.isValid() || bucket < 0 || bucket >= buckets)
            continue;
        const int group = index.value(row.values.value(1), int(data.groups.size()) - 1);
        data.cost[group][bucket] += row.amounts.costUsd;
        data.promptTokens[bucket] += row.amounts.promptTokens;
        data.completionTokens[bucket] += row.amounts.completionTokens;
        data.requests[bucket] += row.amounts.requests;
        data.bucketCost[bucket] += row.amounts.costUsd;
    }
    return data;
}

void AnalyticsWindow::showReport()
{
    const QLocale locale;
    const SpendChartData data = chartData(m_report, TopGroups);

    QChart *spend = spendChart();
    clearChart(spend);
    auto *stacked = new QStackedBarSeries;
    double highest = 0.0;
    for (qsizetype g = 0; g < data.groups.size(); ++g) {
        const bool other = data.hasOther && g == data.groups.size() - 1;
        auto *set = new QBarSet(other ? tr("Other") : groupName(data.groups.at(g)));
        for (const double v : data.cost.at(g))
            set->append(v);
        stacked->append(set);
    }
    for (const double v : data.bucketCost)
        highest = std::max(highest, v);
    spend->addSeries(stacked);
    addAxes(spend, data.buckets, highest, QStringLiteral("$%.%1f").arg(BudgetGaugeBar::usdDecimals(highest)));
    const bool monthly = m_report.from.daysTo(m_report.to) >= kMaxDayBuckets;
    spend->setTitle(
        (monthly ? tr("Spend per month (USD) · %1") : tr("Spend per day (USD) · %1")).arg(groupColumnTitle()));

    QChart *tokens = tokensChart();
    clearChart(tokens);
    auto *tokenBars = new QStackedBarSeries;
    auto *in = new QBarSet(tr("Tokens in"));
    auto *out = new QBarSet(tr("Tokens out"));
    double mostTokens = 0.0;
    for (qsizetype b = 0; b < data.buckets.size(); ++b) {
        in->append(double(data.promptTokens.at(b)));
        out->append(double(data.completionTokens.at(b)));
        mostTokens = std::max(mostTokens, double(data.promptTokens.at(b) + data.completionTokens.at(b)));
    }
    tokenBars->append(in);
    tokenBars->append(out);
    tokens->addSeries(tokenBars);
    addAxes(tokens, data.buckets, mostTokens, QStringLiteral("%.0f"));
    tokens->setTitle(monthly ? tr("Tokens per month") : tr("Tokens per day"));

    QChart *perRequest = costPerRequestChart();
    clearChart(perRequest);
    auto *line = new QLineSeries;
    line->setName(tr("Average cost per request (USD)"));
    line->setPointsVisible(true);
    double mostPerRequest = 0.0;
    for (qsizetype b = 0; b < data.buckets.size(); ++b) {
        const double avg = data.requests.at(b) > 0 ? data.bucketCost.at(b) / double(data.requests.at(b)) : 0.0;
        line->append(double(b), avg);
        mostPerRequest = std::max(mostPerRequest, avg);
    }
    perRequest->addSeries(line);
    addAxes(perRequest, data.buckets, mostPerRequest,
            QStringLiteral("$%.%1f").arg(std::max(4, BudgetGaugeBar::usdDecimals(mostPerRequest))));
    perRequest->setTitle(tr("Cost per request"));
    styleCharts();

    QTableWidget *table = m_ui->spendTable;
    table->setSortingEnabled(false);
    table->clearContents();
    table->setRowCount(int(m_report.rows.size()));
    table->setHorizontalHeaderLabels({tr("Day"), groupColumnTitle(), tr("Requests"), tr("Tokens in"), tr("Tokens out"),
                                      tr("Cost (USD)"), tr("Estimated (USD)")});
    for (int r = 0; r < int(m_report.rows.size()); ++r) {
        const SpendRow &row = m_report.rows.at(r);
        table->setItem(r, DayColumn, new QTableWidgetItem(row.values.value(0)));
        table->setItem(r, GroupColumn, new QTableWidgetItem(groupName(row.values.value(1))));
        table->setItem(r, RequestsColumn, numberItem(locale.toString(row.amounts.requests)));
        table->setItem(r, PromptColumn, numberItem(locale.toString(row.amounts.promptTokens)));
        table->setItem(r, CompletionColumn, numberItem(locale.toString(row.amounts.completionTokens)));
        table->setItem(r, CostColumn, numberItem(locale.toString(row.amounts.costUsd, 'f', 4)));
        table->setItem(r, EstimatedColumn, numberItem(locale.toString(row.amounts.estimatedCostUsd, 'f', 4)));
    }
    m_ui->exportButton->setEnabled(m_error.isEmpty() && !m_report.rows.isEmpty());

    SpendAmounts total;
    for (const SpendRow &row : std::as_const(m_report.rows))
        total.add(row.amounts);
    if (!m_error.isEmpty()) {
        m_ui->totalsLabel->clear();
    } else {
        const QString perRequestText = total.requests > 0
                                           ? BudgetGaugeBar::formatUsd(total.costUsd / double(total.requests))
                                           : QStringLiteral("—");
        m_ui->totalsLabel->setText(tr("Total: $%1 · %2 requests · %3 tokens in · %4 tokens out · %5 per request")
                                       .arg(BudgetGaugeBar::formatUsd(total.costUsd).mid(1),
                                            locale.toString(total.requests), locale.toString(total.promptTokens),
                                            locale.toString(total.completionTokens), perRequestText));
    }
    m_ui->totalsLabel->setToolTip(m_ui->totalsLabel->text());
}

void AnalyticsWindow::showBudgets()
{
    // One gauge per budget, reused across refreshes; more scopes add rows.
    while (m_gauges.size() > m_budgets.gauges.size())
        delete m_gauges.takeLast();
    while (m_gauges.size() < m_budgets.gauges.size()) {
        auto *gauge = new BudgetGaugeBar(m_ui->budgetBox);
        gauge->setObjectName(QStringLiteral("budgetGauge%1").arg(m_gauges.size()));
        m_ui->gaugeLayout->addWidget(gauge);
        m_gauges << gauge;
    }
    for (qsizetype i = 0; i < m_gauges.size(); ++i)
        m_gauges.at(i)->setGauge(m_budgets.gauges.at(i));
    m_ui->budgetBox->setVisible(!m_gauges.isEmpty());
}

void AnalyticsWindow::showState()
{
    QString text;
    if (!m_error.isEmpty())
        text = m_error;
    else if (isLoading() && !m_updatedAt.isValid())
        text = tr("Loading…");
    else if (!m_report.from.isValid())
        text = QString();
    else if (m_report.rows.isEmpty())
        text = tr("No spend recorded from %1 to %2.")
                   .arg(m_report.from.toString(Qt::ISODate), m_report.to.toString(Qt::ISODate));
    else
        text = tr("Spend from %1 to %2, days of %3 · updated %4")
                   .arg(m_report.from.toString(Qt::ISODate), m_report.to.toString(Qt::ISODate), m_report.timeZone,
                        QLocale().toString(m_updatedAt.time(), QLocale::ShortFormat));
    m_ui->stateLabel->setText(text);
    m_ui->stateLabel->setToolTip(text);
}

void AnalyticsWindow::styleCharts()
{
    // The charts follow the window's palette: the dark theme where the window is dark.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {spendChart(), tokensChart(), costPerRequestChart()}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(palette().brush(QPalette::Base));
        chart->setTitleBrush(palette().brush(QPalette::Text));
        chart->legend()->setLabelColor(palette().color(QPalette::Text));
    }
}

bool AnalyticsWindow::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toCsv(m_report, SpendRollup::dimensionName(m_reportGroup)).toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void AnalyticsWindow::askExport()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("llmproxy-spend-%1-%2.csv")
                          .arg(m_report.from.toString(Qt::ISODate), m_report.to.toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export spend as CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        m_ui->stateLabel->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    else
        m_ui->stateLabel->setText(error);
}

QString AnalyticsWindow::csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == u'=' || v.front() == u'+' || v.front() == u'-' || v.front() == u'@' ||
                         v.front() == u'\t' || v.front() == u'\r'))
        v.prepend(u'\'');
    const bool quote = v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r') ||
                       (!v.isEmpty() && (v.front().isSpace() || v.back().isSpace()));
    if (!quote)
        return v;
    v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + v + u'"';
}

QString AnalyticsWindow::toCsv(const SpendReport &report, const QString &groupColumn)
{
    const auto number = [](double v) { return QString::number(v, 'f', 6); };
    QString csv = QStringLiteral("day,") + csvField(groupColumn) +
                  QStringLiteral(",requests,prompt_tokens,completion_tokens,cost_usd,estimated_cost_usd\r\n");
    for (const SpendRow &row : report.rows) {
        const QStringList fields{csvField(row.values.value(0)),
                                 csvField(row.values.value(1)),
                                 QString::number(row.amounts.requests),
                                 QString::number(row.amounts.promptTokens),
                                 QString::number(row.amounts.completionTokens),
                                 number(row.amounts.costUsd),
                                 number(row.amounts.estimatedCostUsd)};
        csv += fields.join(u',') + QStringLiteral("\r\n");
    }
    return csv;
}

void AnalyticsWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_autoRefresh.start();
    if (m_shownOnce) {
        refresh();
        return;
    }
    m_shownOnce = true;
    const QFontMetrics metrics = fontMetrics();
    QSize size(150 * metrics.averageCharWidth(), 46 * metrics.lineSpacing());
    if (const QScreen *screen = this->screen())
        size = size.boundedTo(screen->availableGeometry().size() * 0.9);
    resize(size);
    refresh();
}

void AnalyticsWindow::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_autoRefresh.stop();
}

void AnalyticsWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        styleCharts();
        return;
    }
    if (event->type() != QEvent::LanguageChange)
        return;
    m_ui->retranslateUi(this);
    fillChoices();
    showReport();
    showBudgets();
    showState();
}

} // namespace llmproxy

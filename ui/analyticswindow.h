// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class AnalyticsWindow;
}

class QChart;
class QChartView;

namespace llmproxy {

class BudgetGaugeBar;

/// What the Analytics window's charts draw: the range cut into buckets (days, or months for ranges
/// over 62 days), the groups that spent most (at most the top N, the rest summed as "Other"), and
/// per bucket the cost of each group, the tokens and the requests. Pure data, built by
/// AnalyticsWindow::chartData().
struct SpendChartData
{
    QStringList buckets;            ///< labels: "MM-dd" per day, "yyyy-MM" per month
    QStringList groups;             ///< the shown groups, most spent first; "" = unknown; "Other" last when any
    bool hasOther = false;          ///< the last group sums every group not shown by name
    QList<QList<double>> cost;      ///< [group][bucket], USD
    QList<qint64> promptTokens;     ///< [bucket]
    QList<qint64> completionTokens; ///< [bucket]
    QList<qint64> requests;         ///< [bucket]
    QList<double> bucketCost;       ///< [bucket], USD, every group
};

/// The Analytics window: spend from the store's daily rollups (spend_daily, docs/storage.md) over a
/// range of days (today, the last 7 or 30 days, or a custom range), grouped by model, provider,
/// client key or team. Tabs show the spend per day as stacked bars (the top groups and "Other"),
/// the tokens in and out per day, the cost per request per day, and a table of the numbers, which
/// Export CSV saves. Above them, a gauge per budget in force (today the global daily budget), with
/// what running requests reserve. Refreshes every 30 seconds while shown; when the gateway keeps no
/// store, the line under the tabs says why. GUI thread only.
class AnalyticsWindow : public QWidget
{
    Q_OBJECT
public:
    /// The period choices, in the combo box's order.
    enum PeriodChoice { Today, Last7Days, Last30Days, Custom };
    /// How many groups the charts name; the others are summed as "Other".
    static constexpr int TopGroups = 6;
    /// Milliseconds between refreshes while the window is shown.
    static constexpr int AutoRefreshMs = 30'000;

    /// `controller` must outlive the window.
    explicit AnalyticsWindow(EngineController *controller, QWidget *parent = nullptr);
    ~AnalyticsWindow() override;

    /// The query the controls describe now.
    SpendReportQuery currentQuery() const;
    /// Asks for the spend and the budgets again; the answers replace what is shown.
    void refresh();
    /// The last report shown (empty before the first answer or after an error).
    const SpendReport &report() const { return m_report; }
    /// The budgets last shown.
    const BudgetOverview &budgets() const { return m_budgets; }
    /// A refresh is under way.
    bool isLoading() const { return m_pendingSpend || m_pendingBudgets; }
    /// Why the last spend query failed; empty when it did not.
    QString error() const { return m_error; }
    /// The gauges shown, one per budget.
    QList<BudgetGaugeBar *> gauges() const { return m_gauges; }
    /// The charts: spend per day, tokens per day, cost per request.
    QChart *spendChart() const;
    QChart *tokensChart() const;
    QChart *costPerRequestChart() const;

    /// Writes the shown report as CSV to `path` (UTF-8, a header line, RFC 4180 quoting). False
    /// with `error` when the file cannot be written.
    bool exportCsv(const QString &path, QString *error) const;

    /// `report` as CSV: day, the group's column (`groupColumn`, e.g. "model"), requests,
    /// prompt_tokens, completion_tokens, cost_usd, estimated_cost_usd; one line per row, CRLF ends.
    static QString toCsv(const SpendReport &report, const QString &groupColumn);
    /// `value` as one CSV field: quoted when it holds a comma, a quote, a line break or leading or
    /// trailing spaces, quotes doubled. A text that a spreadsheet would run as a formula (it starts
    /// with =, +, -, @, a tab or a carriage return) gets a leading apostrophe first.
    static QString csvField(const QString &value);
    /// `report` cut into the charts' buckets and groups (see SpendChartData).
    static SpendChartData chartData(const SpendReport &report, int topGroups);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fillChoices();
    void periodChosen();
    void showReport();
    void showBudgets();
    void showState();
    void styleCharts();
    void askExport();
    QString groupName(const QString &value) const;
    QString groupColumnTitle() const;

    std::unique_ptr<Ui::AnalyticsWindow> m_ui;
    EngineController *m_controller;
    QChartView *m_spendView;
    QChartView *m_tokensView;
    QChartView *m_perRequestView;
    QList<BudgetGaugeBar *> m_gauges;
    QTimer m_autoRefresh;
    SpendReport m_report;
    SpendDimension m_reportGroup = SpendDimension::Model; ///< the dimension m_report is grouped by
    BudgetOverview m_budgets;
    QString m_error;
    QDateTime m_updatedAt;
    quint64 m_generation = 0; ///< of the newest query; older answers are ignored
    bool m_pendingSpend = false;
    bool m_pendingBudgets = false;
    bool m_shownOnce = false;
};

} // namespace llmproxy

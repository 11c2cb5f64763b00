// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/engine/enginecontroller.h"

#include <QWidget>

namespace llmproxy {

/// One budget drawn as a horizontal gauge: the part spent, the part held by running requests
/// (reserved, hatched) right after it, and a mark at the soft limit; the full width is the hard limit
/// (or, without one, what is spent and reserved). A caption above names the scope and gives the
/// amounts and the next reset. GUI thread only.
class BudgetGaugeBar : public QWidget
{
    Q_OBJECT
public:
    explicit BudgetGaugeBar(QWidget *parent = nullptr);

    /// Shows `gauge`.
    void setGauge(const BudgetGauge &gauge);
    const BudgetGauge &gauge() const { return m_gauge; }
    /// The caption's text, as shown (for tests and the accessible description).
    QString caption() const;
    /// The gauge's name in the desktop's language: "Global daily budget", "Key “x”", "Team “x”".
    static QString scopeTitle(const BudgetGauge &gauge);
    /// An amount in US dollars as the desktop shows it: cents from $0.01 up, and below that as many
    /// decimals as two significant digits need (up to six), so that a budget of a tenth of a cent
    /// reads "$0.0010" rather than "$0.00".
    static QString formatUsd(double value);
    /// The decimals formatUsd() uses for amounts up to `largest` (for a chart's axis).
    static int usdDecimals(double largest);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int barHeight() const;

    BudgetGauge m_gauge;
};

} // namespace llmproxy

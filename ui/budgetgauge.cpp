// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/budgetgauge.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace llmproxy {

int BudgetGaugeBar::usdDecimals(double largest)
{
    const double magnitude = std::abs(largest);
    if (magnitude == 0.0 || magnitude >= 0.01 || !std::isfinite(magnitude))
        return 2;
    return std::clamp(int(std::ceil(-std::log10(magnitude))) + 1, 3, 6);
}

QString BudgetGaugeBar::formatUsd(double value)
{
    return QStringLiteral("$") + QLocale().toString(value, 'f', usdDecimals(value));
}

namespace {

QString usd(double value)
{
    return BudgetGaugeBar::formatUsd(value);
}

} // namespace

BudgetGaugeBar::BudgetGaugeBar(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void BudgetGaugeBar::setGauge(const BudgetGauge &gauge)
{
    m_gauge = gauge;
    setAccessibleName(scopeTitle(gauge));
    setAccessibleDescription(caption());
    setToolTip(caption());
    updateGeometry();
    update();
}

QString BudgetGaugeBar::scopeTitle(const BudgetGauge &gauge)
{
    const bool monthly = gauge.window == u"monthly";
    if (gauge.scope == u"key")
        return (monthly ? tr("Key “%1”, this month") : tr("Key “%1”, today")).arg(gauge.name);
    if (gauge.scope == u"team")
        return (monthly ? tr("Team “%1”, this month") : tr("Team “%1”, today")).arg(gauge.name);
    return tr("Global daily budget");
}

QString BudgetGaugeBar::caption() const
{
    const BudgetGauge &g = m_gauge;
    QStringList parts;
    if (g.hardLimitUsd > 0)
        parts << tr("%1 spent of %2").arg(usd(g.spentUsd), usd(g.hardLimitUsd));
    else
        parts << tr("%1 spent, no limit").arg(usd(g.spentUsd));
    parts << tr("%1 reserved").arg(usd(g.reservedUsd));
    if (g.softLimitUsd > 0)
        parts << tr("warns at %1").arg(usd(g.softLimitUsd));
    if (g.resetsAt.isValid())
        parts << tr("resets %1 (%2)").arg(QLocale().toString(g.resetsAt, QLocale::ShortFormat), g.timeZone);
    if (g.allGateways)
        parts << tr("all gateways, as of %1").arg(QLocale().toString(g.sharedAsOf.time(), QLocale::ShortFormat));
    return scopeTitle(g) + QStringLiteral(": ") + parts.join(QStringLiteral(" · "));
}

int BudgetGaugeBar::barHeight() const
{
    return fontMetrics().height();
}

QSize BudgetGaugeBar::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(caption()) + 8, fontMetrics().lineSpacing() + barHeight() + 8};
}

QSize BudgetGaugeBar::minimumSizeHint() const
{
    return {20 * fontMetrics().averageCharWidth(), fontMetrics().lineSpacing() + barHeight() + 8};
}

void BudgetGaugeBar::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int lineHeight = fontMetrics().lineSpacing();
    const QRect text(0, 0, width(), lineHeight);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
               fontMetrics().elidedText(caption(), Qt::ElideRight, text.width()));

    const QRectF bar(0.5, lineHeight + 4.5, width() - 1.0, barHeight());
    p.setPen(pal.color(QPalette::Mid));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(bar, 3, 3);

    const BudgetGauge &g = m_gauge;
    const double scale = g.hardLimitUsd > 0 ? g.hardLimitUsd : std::max(g.spentUsd + g.reservedUsd, 1e-9);
    const auto widthOf = [&](double usdValue) { return std::clamp(usdValue / scale, 0.0, 1.0) * bar.width(); };
    const double spentWidth = widthOf(g.spentUsd);
    const double reservedWidth = std::min(widthOf(g.reservedUsd), bar.width() - spentWidth);
    // Green while under the soft limit, amber past it, red once the hard limit is reached.
    QColor fill(QStringLiteral("#2e9d57"));
    if (g.hardLimitUsd > 0 && g.spentUsd >= g.hardLimitUsd)
        fill = QColor(QStringLiteral("#d0393e"));
    else if (g.softLimitUsd > 0 && g.spentUsd >= g.softLimitUsd)
        fill = QColor(QStringLiteral("#e0a100"));
    QPainterPath clip;
    clip.addRoundedRect(bar, 3, 3);
    p.setClipPath(clip);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawRect(QRectF(bar.left(), bar.top(), spentWidth, bar.height()));
    if (reservedWidth > 0) {
        p.setBrush(QBrush(fill, Qt::BDiagPattern));
        p.drawRect(QRectF(bar.left() + spentWidth, bar.top(), reservedWidth, bar.height()));
    }
    p.setClipping(false);
    if (g.softLimitUsd > 0 && g.hardLimitUsd > 0 && g.softLimitUsd < g.hardLimitUsd) {
        const double x = bar.left() + widthOf(g.softLimitUsd);
        p.setPen(QPen(pal.color(QPalette::WindowText), 2, Qt::DashLine));
        p.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom() + 2));
    }
}

} // namespace llmproxy

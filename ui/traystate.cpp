// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/traystate.h"

#include "ui/appicon.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>

namespace llmproxy {

TrayStatus trayStatus(const TrayInputs &inputs)
{
    if (!inputs.listening || inputs.panic)
        return TrayStatus::Stopped;
    if (inputs.paused)
        return TrayStatus::Paused;
    if (inputs.endpointDown)
        return TrayStatus::EndpointDown;
    if (inputs.recentBlock)
        return TrayStatus::RecentBlock;
    return TrayStatus::Running;
}

namespace {

QColor badgeColor(TrayStatus status)
{
    switch (status) {
    case TrayStatus::Stopped:
        return QColor(0xc6, 0x28, 0x28);
    case TrayStatus::Paused:
        return QColor(0xf0, 0xa0, 0x00);
    case TrayStatus::EndpointDown:
        return QColor(0xe6, 0x51, 0x00);
    case TrayStatus::RecentBlock:
        return QColor(0x8e, 0x24, 0xaa);
    case TrayStatus::Running:
        break;
    }
    return {};
}

/// Draws the badge in the lower right half of a `side` x `side` logical square.
void drawBadge(QPainter &painter, TrayStatus status, qreal side)
{
    const qreal d = side * 0.56;
    const QRectF badge(side - d, side - d, d, d);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, qMax<qreal>(1.0, side / 32.0)));
    painter.setBrush(badgeColor(status));
    painter.drawEllipse(badge.adjusted(0.5, 0.5, -0.5, -0.5));

    const QPointF c = badge.center();
    const qreal g = d * 0.22; // half the glyph's extent
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    switch (status) {
    case TrayStatus::Stopped:
        painter.drawRect(QRectF(c.x() - g, c.y() - g, 2 * g, 2 * g));
        break;
    case TrayStatus::Paused:
        painter.drawRect(QRectF(c.x() - g, c.y() - g, g * 0.7, 2 * g));
        painter.drawRect(QRectF(c.x() + g * 0.3, c.y() - g, g * 0.7, 2 * g));
        break;
    case TrayStatus::EndpointDown:
        painter.drawRect(QRectF(c.x() - g * 1.2, c.y() - g * 0.35, g * 2.4, g * 0.7));
        break;
    case TrayStatus::RecentBlock: {
        QPen cross(Qt::white, g * 0.7, Qt::SolidLine, Qt::FlatCap);
        painter.setPen(cross);
        painter.drawLine(QPointF(c.x() - g, c.y() - g), QPointF(c.x() + g, c.y() + g));
        painter.drawLine(QPointF(c.x() - g, c.y() + g), QPointF(c.x() + g, c.y() - g));
        break;
    }
    case TrayStatus::Running:
        break;
    }
}

} // namespace

QIcon trayStatusIcon(TrayStatus status)
{
    QIcon base = applicationIcon();
    if (status == TrayStatus::Running)
        return base;
    QList<qreal> ratios{1.0};
    for (const QScreen *screen : QGuiApplication::screens()) {
        if (!ratios.contains(screen->devicePixelRatio()))
            ratios.append(screen->devicePixelRatio());
    }
    QIcon icon;
    for (const int side : {16, 22, 24, 32, 48, 64}) {
        for (const qreal ratio : ratios) {
            const QSize pixels(qRound(side * ratio), qRound(side * ratio));
            QPixmap pixmap = base.pixmap(pixels);
            if (pixmap.size() != pixels)
                pixmap = pixmap.scaled(pixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            pixmap.setDevicePixelRatio(ratio);
            QPainter painter(&pixmap);
            drawBadge(painter, status, side);
            painter.end();
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

TrayNotifier::TrayNotifier(std::function<qint64()> clock) : m_clock(std::move(clock)) {}

std::optional<int> TrayNotifier::admit(Kind kind, int count)
{
    count = qMax(1, count);
    Slot &slot = m_slots[static_cast<int>(kind)];
    const qint64 now = m_clock();
    if (slot.shown && now - slot.lastShownMs < kIntervalMs) {
        slot.held += count;
        return std::nullopt;
    }
    const int unnamed = slot.held + count - 1;
    slot = Slot{now, true, 0};
    return unnamed;
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "ui/shellactions.h"
#include "ui/traystate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace llmproxy {

class EngineController;
class RouteMenu;
struct EndpointStatus;
struct SecurityEvent;

/// The system tray icon with Open / Pause proxy / Stop all traffic / Copy base URL / Open
/// configuration file / Threats / Security guards / Notifications / Quit, an icon whose badge
/// shows the state (see TrayStatus), a tooltip that says it in words with the listen URL, and
/// desktop notifications when an endpoint goes down or comes back and when a guard blocks a
/// request or today's spend crosses the budget's warning level or limit (rate limited by TrayNotifier, each kind
/// switchable in the Notifications submenu and remembered in QSettings under "tray/notify*"). Only show it when
/// QSystemTrayIcon::isSystemTrayAvailable(). GUI thread only.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    /// `controller` must outlive the icon; `actions` are owned by the caller.
    TrayIcon(EngineController *controller, const ShellActions &actions, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();
    QString toolTip() const;
    /// What the icon shows now.
    TrayStatus status() const { return m_status; }
    /// The "Notifications" submenu's switches: endpoint changes and blocks.
    QAction *notifyEndpointsAction() const { return m_notifyEndpoints; }
    QAction *notifyBlocksAction() const { return m_notifyBlocks; }
    QAction *notifyBudgetAction() const { return m_notifyBudget; }
    /// The disabled menu entry with today's spend ("Today: $0.42 of $5.00 budget").
    QAction *spendAction() const { return m_spend; }
    /// The "Route coding tools" submenu.
    RouteMenu *routeMenu() const { return m_routeMenu.get(); }
    /// Best effort desktop notification; never the only place information appears.
    void showMessage(const QString &title, const QString &message);
    /// The tooltip in the current language (after the language changed).
    void retranslate();

signals:
    /// The user clicked the icon: the window should toggle between shown and hidden.
    void toggleWindowRequested();
    /// A notification passed its switch and the rate limit (emitted even where the desktop
    /// cannot show notifications).
    void notified(const QString &title, const QString &message);

private:
    void updateToolTip();
    void onEndpoints(const QList<EndpointStatus> &endpoints);
    void onSecurityEvents(const QList<SecurityEvent> &events);
    /// Sends a notification about `count` events of `kind` (`message` names the newest) unless
    /// switched off or held back by the rate limit.
    void notify(TrayNotifier::Kind kind, const QString &title, const QString &message, int count = 1);
    void retranslateMenu();
    /// Refreshes the spend entry from the controller's snapshot and notifies when today's spend
    /// crossed the warning level or the daily budget.
    void updateSpend();

    EngineController *m_controller;
    std::unique_ptr<QMenu> m_menu; // QMenu cannot be a child of a QObject, so it is owned here
    QSystemTrayIcon *m_tray;
    std::unique_ptr<RouteMenu> m_routeMenu;
    QMenu *m_notifyMenu = nullptr;
    QAction *m_notifyEndpoints = nullptr;
    QAction *m_notifyBlocks = nullptr;
    QAction *m_notifyBudget = nullptr;
    QAction *m_spend = nullptr;
    int m_budgetLevel = 0;                   ///< 0 below the warning level, 1 at or above it, 2 at or above the budget
    std::optional<TrayStatus> m_shownStatus; ///< the icon set on the tray; unset before the first update
    TrayStatus m_status = TrayStatus::Running;
    QElapsedTimer m_clock;
    TrayNotifier m_notifier;
    QHash<QString, bool> m_endpointDown; ///< endpoint id -> down at the last update
    qint64 m_lastBlockMs = -1;           ///< m_clock time of the newest block; -1 before any
    quint64 m_lastEventId = 0;           ///< newest security decision already looked at
    QTimer m_blockExpiry;                ///< ends the "recent block" state
    QTimer m_endpointPoll; ///< re-reads the endpoint statuses, spend and security decisions every few seconds
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "ui/shellactions.h"

#include <QObject>

#include <memory>
#include <optional>

class QMenu;
class QSystemTrayIcon;

namespace llmproxy {

class EngineController;

/// The system tray icon with Open / Pause proxy / Stop all traffic / Copy base URL / Open
/// configuration file / Threats / Security guards / Quit and a tooltip that shows the state and
/// the listen URL. Only create it when QSystemTrayIcon::isSystemTrayAvailable(). GUI thread only.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    /// `controller` must outlive the icon; `actions` are owned by the caller.
    TrayIcon(EngineController *controller, const ShellActions &actions, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();
    QString toolTip() const;
    /// Best effort desktop notification; never the only place information appears.
    void showMessage(const QString &title, const QString &message);
    /// The tooltip in the current language (after the language changed).
    void retranslate();

signals:
    /// The user clicked the icon: the window should toggle between shown and hidden.
    void toggleWindowRequested();

private:
    void updateToolTip();

    EngineController *m_controller;
    std::unique_ptr<QMenu> m_menu; // QMenu cannot be a child of a QObject, so it is owned here
    QSystemTrayIcon *m_tray;
    std::optional<bool> m_dimmed; ///< whether the greyed icon is shown; unset before the first update
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/trayicon.h"

#include "proxycore/engine/enginecontroller.h"
#include "ui/appicon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace llmproxy {

TrayIcon::TrayIcon(EngineController *controller, const ShellActions &actions, QObject *parent)
    : QObject(parent), m_controller(controller), m_menu(std::make_unique<QMenu>()),
      m_tray(new QSystemTrayIcon(applicationIcon(), this))
{
    m_menu->addAction(actions.open);
    m_menu->addAction(actions.pause);
    m_menu->addAction(actions.panic);
    m_menu->addAction(actions.copyUrl);
    m_menu->addAction(actions.openConfig);
    m_menu->addSeparator();
    m_menu->addAction(actions.threats);
    m_menu->addAction(actions.guards);
    m_menu->addAction(actions.connectTool);
    if (actions.settings)
        m_menu->addAction(actions.settings);
    m_menu->addAction(actions.playground);
    m_menu->addSeparator();
    m_menu->addAction(actions.quit);
    m_tray->setContextMenu(m_menu.get());

    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit toggleWindowRequested();
    });
    connect(m_controller, &EngineController::listeningChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::pausedChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::panicChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::endpointsChanged, this, &TrayIcon::updateToolTip);
    updateToolTip();
}

TrayIcon::~TrayIcon()
{
    // The icon must go before the menu it points at.
    delete m_tray;
}

void TrayIcon::show()
{
    m_tray->show();
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

void TrayIcon::showMessage(const QString &title, const QString &message)
{
    if (QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message, QSystemTrayIcon::Information, 5000);
}

void TrayIcon::retranslate()
{
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    QString state;
    if (!m_controller->isListening())
        state = tr("Not listening");
    else if (m_controller->isPanic())
        state = tr("All traffic stopped (kill switch)");
    else if (m_controller->isPaused())
        state = tr("Paused");
    else if (m_controller->isOnboarding())
        state = tr("Onboarding: no endpoint configured");
    else if (m_controller->allEndpointsDisabled())
        state = tr("No endpoint enabled");
    else if (m_controller->allEndpointsDown())
        state = tr("Every endpoint is down");
    else
        state = tr("Running");

    const QString url = m_controller->listenUrl();
    const QString toolTip = url.isEmpty() ? QStringLiteral("LLMProxy\n%1").arg(state)
                                          : QStringLiteral("LLMProxy\n%1\n%2").arg(state, url);
    // Endpoint updates arrive every second while the window is open: touch the tray only on a
    // real change, so panels do not redraw it for nothing.
    if (m_tray->toolTip() != toolTip)
        m_tray->setToolTip(toolTip);
    // A paused or stopped proxy shows a greyed icon, so the state is visible without opening anything.
    const bool dimmed = m_controller->isPaused() || m_controller->isPanic() || m_controller->allEndpointsDisabled() ||
                        m_controller->allEndpointsDown();
    if (m_dimmed == dimmed)
        return;
    m_dimmed = dimmed;
    const QIcon icon = applicationIcon();
    if (dimmed) {
        QIcon paused;
        for (const QSize &size : icon.availableSizes())
            paused.addPixmap(icon.pixmap(size, QIcon::Disabled), QIcon::Normal);
        m_tray->setIcon(paused);
    } else {
        m_tray->setIcon(icon);
    }
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/trayicon.h"

#include "proxycore/engine/enginecontroller.h"
#include "ui/appicon.h"
#include "ui/routemenu.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>

namespace llmproxy {

namespace {

const QString kNotifyEndpointsKey = QStringLiteral("tray/notifyEndpoints");
const QString kNotifyBlocksKey = QStringLiteral("tray/notifyBlocks");
const QString kNotifyBudgetKey = QStringLiteral("tray/notifyBudget");

QString dollars(double usd)
{
    const QLocale locale;
    // The C locale puts the symbol after the number ("0.00$"); budgets are written "$5.00".
    if (locale.language() == QLocale::C)
        return QStringLiteral("$") + locale.toString(usd, 'f', 2);
    return locale.toCurrencyString(usd, QStringLiteral("$"), 2);
}
constexpr int kEndpointPollMs = 5000;
constexpr int kSecurityReadLimit = 100; ///< the newest decisions looked at per poll

/// Down for the tray: its probe says down or its breaker is open.
bool isDown(const EndpointStatus &endpoint)
{
    return endpoint.health == u"down" || endpoint.breakerState == u"open";
}

} // namespace

TrayIcon::TrayIcon(EngineController *controller, const ShellActions &actions, QObject *parent)
    : QObject(parent), m_controller(controller), m_menu(std::make_unique<QMenu>()),
      m_tray(new QSystemTrayIcon(applicationIcon(), this)), m_notifier([this] { return m_clock.elapsed(); })
{
    m_clock.start();
    m_spend = m_menu->addAction(QString());
    m_spend->setEnabled(false);
    m_menu->addSeparator();
    m_menu->addAction(actions.open);
    m_menu->addAction(actions.pause);
    m_menu->addAction(actions.panic);
    m_menu->addAction(actions.copyUrl);
    m_menu->addAction(actions.openConfig);
    m_menu->addSeparator();
    if (actions.endpoints)
        m_menu->addAction(actions.endpoints);
    m_menu->addAction(actions.threats);
    m_menu->addAction(actions.guards);
    if (actions.models)
        m_menu->addAction(actions.models);
    m_menu->addAction(actions.connectTool);
    if (actions.settings)
        m_menu->addAction(actions.settings);
    m_menu->addAction(actions.playground);
    if (actions.analytics)
        m_menu->addAction(actions.analytics);
    if (actions.security)
        m_menu->addAction(actions.security);
    if (actions.firstRun)
        m_menu->addAction(actions.firstRun);
    m_menu->addSeparator();
    m_routeMenu = std::make_unique<RouteMenu>(m_controller);
    m_menu->addMenu(m_routeMenu->menu());
    m_notifyMenu = m_menu->addMenu(QString());
    QSettings settings;
    m_notifyEndpoints = m_notifyMenu->addAction(QString());
    m_notifyEndpoints->setCheckable(true);
    m_notifyEndpoints->setChecked(settings.value(kNotifyEndpointsKey, true).toBool());
    connect(m_notifyEndpoints, &QAction::toggled, this, [](bool on) { QSettings().setValue(kNotifyEndpointsKey, on); });
    m_notifyBlocks = m_notifyMenu->addAction(QString());
    m_notifyBlocks->setCheckable(true);
    m_notifyBlocks->setChecked(settings.value(kNotifyBlocksKey, true).toBool());
    connect(m_notifyBlocks, &QAction::toggled, this, [](bool on) { QSettings().setValue(kNotifyBlocksKey, on); });
    m_notifyBudget = m_notifyMenu->addAction(QString());
    m_notifyBudget->setCheckable(true);
    m_notifyBudget->setChecked(settings.value(kNotifyBudgetKey, true).toBool());
    connect(m_notifyBudget, &QAction::toggled, this, [](bool on) { QSettings().setValue(kNotifyBudgetKey, on); });
    m_menu->addSeparator();
    m_menu->addAction(actions.quit);
    m_tray->setContextMenu(m_menu.get());
    retranslateMenu();

    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit toggleWindowRequested();
    });
    connect(m_controller, &EngineController::listeningChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::pausedChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::panicChanged, this, &TrayIcon::updateToolTip);
    connect(m_controller, &EngineController::endpointsChanged, this, &TrayIcon::onEndpoints);
    connect(m_controller, &EngineController::securityEventsArrived, this, &TrayIcon::onSecurityEvents);

    // Probe results do not announce themselves: look at the endpoints now and then, so one
    // that goes down is noticed while every window is closed.
    m_endpointPoll.setInterval(kEndpointPollMs);
    // Security decisions arrive by signal only while a window watches them; without one the
    // newest are read here (a short locked read), rather than keeping the engine polled.
    connect(&m_endpointPoll, &QTimer::timeout, this, [this] {
        updateSpend();
        m_controller->refreshStatus();
        if (!m_controller->isSecurityWatched())
            onSecurityEvents(m_controller->recentSecurityEvents(kSecurityReadLimit));
    });
    connect(m_menu.get(), &QMenu::aboutToShow, this, &TrayIcon::updateSpend);
    m_endpointPoll.start();
    m_blockExpiry.setSingleShot(true);
    connect(&m_blockExpiry, &QTimer::timeout, this, &TrayIcon::updateToolTip);

    // Decisions made before the icon existed are not news.
    const QList<SecurityEvent> before = m_controller->recentSecurityEvents(1);
    if (!before.isEmpty())
        m_lastEventId = before.constLast().id;
    // Endpoints already down at start are reported once, like ones that go down later.
    onEndpoints(m_controller->endpoints());
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
    retranslateMenu();
    updateToolTip();
}

void TrayIcon::retranslateMenu()
{
    m_routeMenu->retranslate();
    m_notifyMenu->setTitle(tr("&Notifications"));
    m_notifyMenu->menuAction()->setToolTip(tr("Which events show a desktop notification"));
    m_notifyEndpoints->setText(tr("Endpoint down or back up"));
    m_notifyBlocks->setText(tr("Request blocked by a security guard"));
    m_notifyBudget->setText(tr("Daily budget warning or limit reached"));
    updateSpend();
}

void TrayIcon::updateSpend()
{
    const TodaySpend spend = m_controller->todaySpend();
    m_spend->setText(spend.dailyLimitUsd > 0
                         ? tr("Today: %1 of %2 budget").arg(dollars(spend.spentUsd), dollars(spend.dailyLimitUsd))
                         : tr("Today: %1 spent (no daily budget)").arg(dollars(spend.spentUsd)));
    int level = 0;
    if (spend.dailyLimitUsd > 0 && spend.spentUsd >= spend.dailyLimitUsd)
        level = 2;
    else if (spend.softLimitUsd > 0 && spend.spentUsd >= spend.softLimitUsd)
        level = 1;
    // A new day starts at 0 and may warn again; a higher level is news once.
    const bool crossed = level > m_budgetLevel;
    m_budgetLevel = level;
    if (!crossed)
        return;
    if (level == 2)
        notify(TrayNotifier::Kind::BudgetLimit, tr("Daily budget reached"),
               tr("Today's spend of %1 reached the daily budget of %2.")
                   .arg(dollars(spend.spentUsd), dollars(spend.dailyLimitUsd)));
    else
        notify(TrayNotifier::Kind::BudgetWarning, tr("Budget warning"),
               tr("Today's spend of %1 passed the warning level of %2.")
                   .arg(dollars(spend.spentUsd), dollars(spend.softLimitUsd)));
}

void TrayIcon::notify(TrayNotifier::Kind kind, const QString &title, const QString &message, int count)
{
    const QAction *setting = kind == TrayNotifier::Kind::Block ? m_notifyBlocks
                             : kind == TrayNotifier::Kind::BudgetWarning || kind == TrayNotifier::Kind::BudgetLimit
                                 ? m_notifyBudget
                                 : m_notifyEndpoints;
    if (!setting->isChecked())
        return;
    const std::optional<int> held = m_notifier.admit(kind, count);
    if (!held)
        return;
    QString text = message;
    if (*held > 0) {
        if (kind == TrayNotifier::Kind::Block)
            text += QLatin1Char('\n') + tr("Blocks not shown since the last notification: %1").arg(*held);
        else if (kind == TrayNotifier::Kind::EndpointDown || kind == TrayNotifier::Kind::EndpointUp)
            text += QLatin1Char('\n') + tr("Endpoint changes not shown since the last notification: %1").arg(*held);
    }
    emit notified(title, text);
    showMessage(title, text);
}

void TrayIcon::onEndpoints(const QList<EndpointStatus> &endpoints)
{
    QHash<QString, bool> now;
    for (const EndpointStatus &endpoint : endpoints) {
        // Switching one off is the user's doing, not news: it is simply no longer watched.
        if (!endpoint.enabled)
            continue;
        const bool down = isDown(endpoint);
        now.insert(endpoint.id, down);
        const bool wasDown = m_endpointDown.value(endpoint.id, false);
        if (down && !wasDown)
            notify(TrayNotifier::Kind::EndpointDown, tr("Endpoint down"),
                   tr("%1 is not answering; requests go to the other endpoints, if any.").arg(endpoint.id));
        else if (!down && wasDown)
            notify(TrayNotifier::Kind::EndpointUp, tr("Endpoint back up"), tr("%1 answers again.").arg(endpoint.id));
    }
    m_endpointDown = now;
    updateToolTip();
}

void TrayIcon::onSecurityEvents(const QList<SecurityEvent> &events)
{
    const SecurityEvent *newest = nullptr;
    int blocks = 0;
    for (const SecurityEvent &event : events) {
        if (event.id <= m_lastEventId)
            continue;
        m_lastEventId = event.id;
        if (event.action != u"block")
            continue;
        ++blocks;
        newest = &event;
    }
    if (!newest)
        return;
    m_lastBlockMs = m_clock.elapsed();
    m_blockExpiry.start(int(TrayNotifier::kRecentBlockMs));
    notify(TrayNotifier::Kind::Block, tr("Request blocked"),
           tr("The %1 guard blocked a request (%2).").arg(newest->layer, newest->reason), blocks);
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    QStringList down;
    for (auto it = m_endpointDown.cbegin(); it != m_endpointDown.cend(); ++it) {
        if (it.value())
            down.append(it.key());
    }
    down.sort();
    TrayInputs inputs;
    inputs.listening = m_controller->isListening();
    inputs.panic = m_controller->isPanic();
    inputs.paused = m_controller->isPaused();
    inputs.endpointDown = !down.isEmpty() || m_controller->allEndpointsDisabled() || m_controller->allEndpointsDown();
    inputs.recentBlock = m_lastBlockMs >= 0 && m_clock.elapsed() - m_lastBlockMs < TrayNotifier::kRecentBlockMs;
    m_status = trayStatus(inputs);

    QStringList lines{QStringLiteral("LLMProxy")};
    if (!inputs.listening)
        lines.append(tr("Not listening"));
    else if (inputs.panic)
        lines.append(tr("All traffic stopped (kill switch)"));
    else if (inputs.paused)
        lines.append(tr("Paused"));
    else if (m_controller->isOnboarding())
        lines.append(tr("Onboarding: no endpoint configured"));
    else if (m_controller->allEndpointsDisabled())
        lines.append(tr("No endpoint enabled"));
    else if (m_controller->allEndpointsDown())
        lines.append(tr("Every endpoint is down"));
    else if (!down.isEmpty())
        lines.append(tr("Endpoint down: %1").arg(down.join(QStringLiteral(", "))));
    else
        lines.append(tr("Running"));
    if (inputs.recentBlock)
        lines.append(tr("A request was blocked in the last minute"));
    const QString url = m_controller->listenUrl();
    if (!url.isEmpty())
        lines.append(url);
    const QString toolTip = lines.join(QLatin1Char('\n'));
    // Endpoint updates arrive every second while the window is open: touch the tray only on a
    // real change, so panels do not redraw it for nothing.
    if (m_tray->toolTip() != toolTip)
        m_tray->setToolTip(toolTip);
    if (m_shownStatus == m_status)
        return;
    m_shownStatus = m_status;
    m_tray->setIcon(trayStatusIcon(m_status));
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/routemenu.h"

#include "proxycore/engine/enginecontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <algorithm>

namespace llmproxy {

namespace {

/// More models than this per endpoint make a menu nobody can read: the Models window lists them all.
constexpr int kMaxModelsPerEndpoint = 25;

} // namespace

RouteMenu::RouteMenu(EngineController *controller, QObject *parent)
    : QObject(parent), m_controller(controller), m_menu(std::make_unique<QMenu>())
{
    m_menu->setObjectName(QStringLiteral("routeMenu"));
    connect(m_menu.get(), &QMenu::aboutToShow, this, &RouteMenu::rebuild);
    connect(m_controller, &EngineController::routingChanged, this, &RouteMenu::rebuild);
    connect(m_controller, &EngineController::endpointsChanged, this, [this] {
        // Live statistics change often; the menu only needs rebuilding for what it shows.
        if (!m_menu->isVisible())
            rebuild();
    });
    retranslate();
}

RouteMenu::~RouteMenu() = default;

QStringList RouteMenu::apis()
{
    return {QStringLiteral("messages"), QStringLiteral("responses"), QStringLiteral("chat_completions")};
}

QString RouteMenu::apiTitle(const QString &api)
{
    if (api == u"messages")
        return tr("Claude Code (Anthropic Messages API)");
    if (api == u"responses")
        return tr("Codex (Responses API)");
    return tr("Other tools (Chat Completions API)");
}

void RouteMenu::retranslate()
{
    m_menu->setTitle(tr("&Route coding tools"));
    m_menu->menuAction()->setToolTip(tr("Send every request of a coding tool to one model, whatever it asks for"));
    rebuild();
}

void RouteMenu::rebuild()
{
    // The submenus are the menu's children, which clear() leaves behind; one may be the sender of
    // the action that led here, so each goes once control is back in the event loop.
    for (QMenu *old : m_menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly)) {
        old->setParent(nullptr);
        old->deleteLater();
    }
    m_menu->clear();
    const RoutingView routing = m_controller->routing();
    const QList<EndpointStatus> endpoints = m_controller->endpoints();
    for (const QString &api : apis()) {
        const auto current = routing.clientRoutes.constFind(api);
        const bool overridden = current != routing.clientRoutes.cend();
        QString title = apiTitle(api);
        if (overridden)
            title = tr("%1 → %2").arg(title, current->model);
        QMenu *sub = m_menu->addMenu(title);
        sub->setObjectName(QStringLiteral("route_") + api);
        auto *group = new QActionGroup(sub);
        QAction *asked = sub->addAction(tr("As requested (no override)"));
        asked->setObjectName(QStringLiteral("route_%1_none").arg(api));
        asked->setCheckable(true);
        asked->setChecked(!overridden);
        group->addAction(asked);
        connect(asked, &QAction::triggered, this, [this, api] { m_controller->setClientRoute(api, std::nullopt); });
        bool any = false;
        for (const EndpointStatus &e : endpoints) {
            const QStringList models = e.models.isEmpty() ? e.loadedModels : e.models;
            if (!e.enabled || models.isEmpty())
                continue;
            sub->addSection(tr("%1 · %2").arg(e.id, e.provider));
            for (int i = 0; i < models.size() && i < kMaxModelsPerEndpoint; ++i) {
                const QString &model = models.at(i);
                QAction *a = sub->addAction(model);
                a->setObjectName(QStringLiteral("route_%1_%2_%3").arg(api, e.id, model));
                a->setCheckable(true);
                a->setChecked(overridden && current->model == model &&
                              current->endpoint.compare(e.id, Qt::CaseInsensitive) == 0);
                group->addAction(a);
                connect(a, &QAction::triggered, this, [this, api, model, id = e.id] {
                    m_controller->setClientRoute(api, ClientRoute{model, id});
                });
                any = true;
            }
            if (models.size() > kMaxModelsPerEndpoint)
                sub->addAction(tr("%n more in the Models window", nullptr, int(models.size() - kMaxModelsPerEndpoint)))
                    ->setEnabled(false);
        }
        if (overridden && !std::any_of(group->actions().cbegin(), group->actions().cend(),
                                       [](const QAction *a) { return a->isChecked(); })) {
            // Set elsewhere to a model or endpoint not listed here: still shown, and selectable.
            sub->addSeparator();
            QAction *other = sub->addAction(
                current->endpoint.isEmpty() ? current->model : tr("%1 on %2").arg(current->model, current->endpoint));
            other->setCheckable(true);
            other->setChecked(true);
            group->addAction(other);
        }
        if (!any) {
            QAction *none = sub->addAction(tr("No endpoint lists its models"));
            none->setEnabled(false);
        }
    }
}

} // namespace llmproxy

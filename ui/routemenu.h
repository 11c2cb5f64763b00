// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QMenu;

namespace llmproxy {

class EngineController;

/// The "Route coding tools" menu (tray and main window): for each client API — Claude Code
/// (Anthropic Messages), Codex (Responses), the other tools (Chat Completions) — "As requested" or
/// one model of one enabled endpoint, like switching provider in the tool itself. Choosing one sets
/// the engine's route override for that API (EngineController::setClientRoute): every request of
/// that API is served by that model, the chosen endpoint first, whatever model the tool names. The
/// menu is rebuilt from the engine's endpoints and routing each time it opens and when the routing
/// changes; a submenu's title says where its requests go. GUI thread only.
class RouteMenu : public QObject
{
    Q_OBJECT
public:
    /// `controller` must outlive the menu.
    explicit RouteMenu(EngineController *controller, QObject *parent = nullptr);
    ~RouteMenu() override;

    QMenu *menu() const { return m_menu.get(); }
    /// Rebuilds the entries (also done when the menu opens and when the routing changes).
    void rebuild();
    /// The title in the current language (after the language changed).
    void retranslate();

    /// Client API names in menu order, and what a user calls their clients.
    static QStringList apis();
    static QString apiTitle(const QString &api);

private:
    EngineController *m_controller;
    std::unique_ptr<QMenu> m_menu; // QMenu cannot be a child of a QObject, so it is owned here
};

} // namespace llmproxy

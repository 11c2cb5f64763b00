// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

class QAction;

namespace llmproxy {

/// The commands shared by the main window and the tray menu, so every tray item is also
/// reachable in the window and both show the same checked/enabled state. The actions are owned
/// by DesktopShell; this struct only points at them.
struct ShellActions
{
    QAction *open = nullptr;    ///< show and raise the main window
    QAction *pause = nullptr;   ///< checkable: checked = proxy paused
    QAction *panic = nullptr;   ///< checkable: checked = kill switch on, every inference request refused
    QAction *reload = nullptr;  ///< reload the configuration file
    QAction *openConfig = nullptr; ///< open the configuration file in an editor (created if missing)
    QAction *copyUrl = nullptr; ///< copy the listen URL to the clipboard
    QAction *threats = nullptr; ///< show the Threats window (security decisions, counters, scan time)
    QAction *guards = nullptr;  ///< show the Guards window (security switches)
    QAction *endpoints = nullptr;      ///< show the Endpoints window (edit, reorder, test every endpoint)
    QAction *models = nullptr;         ///< show the Models window (models, aliases, fallback chains, route overrides)
    QAction *connectTool = nullptr;    ///< show the Connect a tool dialog (coding tools' settings)
    QAction *settings = nullptr;       ///< show the Settings window
    QAction *clientKeys = nullptr;     ///< show the Settings window's client keys (list, create, revoke)
    QAction *playground = nullptr;     ///< show the Playground window (send a prompt through the gateway)
    QAction *history = nullptr;        ///< show the Request history window (stored requests, searchable)
    QAction *analytics = nullptr;      ///< show the Analytics window (spend over time, tokens, budgets)
    QAction *security = nullptr;       ///< show the Security window (audit chain check, GDPR export and erasure)
    QAction *firstRun = nullptr;       ///< show the first-run wizard (add a provider or a local server)
    QAction *commandPalette = nullptr; ///< open the command palette over the active window (Ctrl+K)
    QAction *quit = nullptr;
    QAction *about = nullptr;
};

} // namespace llmproxy

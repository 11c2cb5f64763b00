// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QString>

namespace llmproxy {

/// Starting LLMProxy when the user logs in, the way each desktop does it:
/// - Linux and other XDG desktops: `$XDG_CONFIG_HOME/autostart/llmproxy.desktop` (default
///   `~/.config/autostart`);
/// - Windows: the value "LLMProxy" under `HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run`;
/// - macOS: `~/Library/LaunchAgents/org.llmproxy.LLMProxy.plist` with RunAtLoad.
/// The entry starts `program` (by default the running executable) without arguments. The state is
/// read from the system each time, so a change made elsewhere shows. GUI thread or any: no state.
class Autostart
{
public:
    /// `program`: the executable to start; empty = QCoreApplication::applicationFilePath().
    explicit Autostart(QString program = {});

    bool isEnabled() const;
    /// Creates or removes the entry; false with the reason in `error` when that failed.
    bool setEnabled(bool enabled, QString *error);
    /// Where the entry lives, for the window to show (a file, or the registry key).
    QString location() const;

private:
    QString m_program;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QObject>

class QDBusMessage;

namespace llmproxy {

/// The desktop's light or dark preference as the freedesktop portal publishes it
/// (org.freedesktop.appearance color-scheme: GNOME, KDE and others on Linux), read without blocking
/// and followed while it changes. Without a session bus or a portal it stays NoPreference and never
/// signals. GUI thread only.
class PortalColorScheme : public QObject
{
    Q_OBJECT
public:
    enum Scheme { NoPreference = 0, PreferDark = 1, PreferLight = 2 };

    explicit PortalColorScheme(QObject *parent = nullptr);

    Scheme scheme() const;

signals:
    void schemeChanged(llmproxy::PortalColorScheme::Scheme scheme);

private slots:
    /// org.freedesktop.portal.Settings.SettingChanged(group, key, value).
    void settingChanged(const QDBusMessage &message);

private:
    void setScheme(uint value);

    Scheme m_scheme = NoPreference;
};

} // namespace llmproxy

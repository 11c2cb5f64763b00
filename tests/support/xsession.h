// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace llmproxy::test {

/// A private X display with a real window manager and system tray: Xvfb on a free display
/// number and Debian's jwm (whose default configuration has a tray). Lets a test run the desktop
/// as on a real desktop, where closing the window hides it to the tray, and drive it with
/// xdotool. Both processes are killed when the object goes away.
class XSession
{
public:
    XSession();
    ~XSession();
    XSession(const XSession &) = delete;
    XSession &operator=(const XSession &) = delete;

    /// The programs needed that are not on PATH (Xvfb, jwm, xdotool, xprop); empty = all there.
    static QStringList missingTools();

    /// Starts Xvfb and jwm and waits until the window manager runs (a second time on a fresh
    /// display if the first did not come up). False with a reason.
    bool start(QString *error);
    QString display() const { return m_display; } ///< e.g. ":12"

    /// Runs xdotool on this display; its standard output, trimmed. `ok` is false when it failed.
    QString xdotool(const QStringList &args, bool *ok = nullptr) const;
    /// Window ids (decimal) that xdotool finds with `args` after "search", e.g. {"--name", "^LLMProxy$"}.
    QStringList findWindows(const QStringList &args) const;
    /// Writes a PNG of the whole screen (ImageMagick's import); false when that is not possible.
    bool screenshot(const QString &path) const;

private:
    bool startOnce(QString *error);
    QProcessEnvironment environment() const;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QProcess> m_xvfb;
    std::unique_ptr<QProcess> m_jwm;
    QString m_display;
};

} // namespace llmproxy::test

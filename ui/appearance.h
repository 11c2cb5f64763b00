// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QPalette>
#include <QString>

namespace llmproxy {

/// The colour theme of every window: the desktop's own ("system", which follows the desktop when
/// it switches between light and dark while LLMProxy runs: through Qt's platform theme, and on
/// Linux builds with QtDBus also the freedesktop portal's color-scheme, see PortalColorScheme), or
/// the Fusion style with a light or a dark palette whatever the desktop does. The QML Threats window reads the
/// application palette too, so it follows. The choice is kept in QSettings ("Appearance/theme"). GUI thread only; needs
/// a QApplication.
class Appearance
{
public:
    enum class Theme { System, Light, Dark };

    static Theme savedTheme();
    static void saveTheme(Theme theme);
    /// Applies `theme` to the whole application at once. The first call remembers the desktop's own
    /// style, which System goes back to.
    static void apply(Theme theme);
    /// The theme applied last (System before any call).
    static Theme current();

    static QString name(Theme theme);           ///< "system", "light", "dark": the stored value
    static Theme fromName(const QString &name); ///< unknown names are System

    static QPalette lightPalette();
    static QPalette darkPalette();
    /// Whether the application palette now reads as dark (light text on a dark window).
    static bool isDark();
};

} // namespace llmproxy

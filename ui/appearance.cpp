// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/appearance.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

#ifdef LLMPROXY_HAVE_QTDBUS
#include "ui/portalcolorscheme.h"
#endif

namespace llmproxy {

namespace {

constexpr char kThemeKey[] = "Appearance/theme";

std::unique_ptr<QSettings> settings()
{
    if (QCoreApplication::organizationName().isEmpty())
        return std::make_unique<QSettings>(QStringLiteral("LLMProxy"), QStringLiteral("LLMProxy"));
    return std::make_unique<QSettings>();
}

struct State
{
    bool captured = false;
    QString desktopStyle; ///< the style the application started with
    Appearance::Theme current = Appearance::Theme::System;
};

State &state()
{
    static State s;
    return s;
}

void applyFusion(const QPalette &palette)
{
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(palette);
}

/// The desktop's own look: its style, and the palette its platform theme gives (which Qt keeps
/// current when the desktop switches between light and dark).
void applyDesktop()
{
    QApplication::setStyle(state().desktopStyle);
    // An empty palette resolves to the style's and the platform's own.
    QApplication::setPalette(QPalette());
}

#ifdef LLMPROXY_HAVE_QTDBUS
/// Follows the portal's preference while the theme is System. Qt 6.4's platform themes do not
/// read it, so on a desktop that says "dark" only there, the dark palette is applied here.
void followPortal(PortalColorScheme::Scheme scheme)
{
    if (state().current != Appearance::Theme::System)
        return;
    if (scheme == PortalColorScheme::PreferDark)
        applyFusion(Appearance::darkPalette());
    else
        applyDesktop();
}

PortalColorScheme *portal()
{
    static PortalColorScheme *watcher = [] {
        auto *p = new PortalColorScheme(qApp);
        QObject::connect(p, &PortalColorScheme::schemeChanged, qApp, &followPortal);
        return p;
    }();
    return watcher;
}
#endif

} // namespace

Appearance::Theme Appearance::savedTheme()
{
    return fromName(settings()->value(QLatin1String(kThemeKey)).toString());
}

void Appearance::saveTheme(Theme theme)
{
    settings()->setValue(QLatin1String(kThemeKey), name(theme));
}

Appearance::Theme Appearance::current()
{
    return state().current;
}

QString Appearance::name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance::Theme Appearance::fromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void Appearance::apply(Theme theme)
{
    State &s = state();
    if (!s.captured) {
        s.captured = true;
        s.desktopStyle = QApplication::style()->name();
    }
    const Theme previous = s.current;
    s.current = theme;
    if (theme == Theme::System) {
#ifdef LLMPROXY_HAVE_QTDBUS
        if (portal()->scheme() == PortalColorScheme::PreferDark) {
            applyFusion(darkPalette());
            return;
        }
#endif
        if (previous != Theme::System)
            applyDesktop(); // else the desktop's own look, untouched
        return;
    }
    applyFusion(theme == Theme::Dark ? darkPalette() : lightPalette());
}

QPalette Appearance::lightPalette()
{
    QPalette p(QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    p.setColor(QPalette::WindowText, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    p.setColor(QPalette::Text, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Button, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::ButtonText, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a));
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    p.setColor(QPalette::ToolTipText, Qt::black);
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

QPalette Appearance::darkPalette()
{
    QPalette p(QColor(0x3a, 0x3a, 0x3a), QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x5a, 0x5a, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb7, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x9c, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

bool Appearance::isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "ui/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#if defined(Q_OS_WIN)
#include <QSettings>
#endif

namespace llmproxy {

namespace {

#if defined(Q_OS_WIN)
constexpr char kRunKey[] = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
constexpr char kRunValue[] = "LLMProxy";
#elif defined(Q_OS_MACOS)
constexpr char kAgentLabel[] = "org.llmproxy.LLMProxy";

QString plistEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}
#else
/// A value of a .desktop file's Exec key: quoted when it has to be, with the characters the
/// Desktop Entry specification reserves escaped.
QString desktopExec(const QString &program)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = false;
    for (const QChar c : program)
        needsQuotes = needsQuotes || reserved.contains(c);
    QString value = program;
    value.replace(QLatin1Char('%'), QStringLiteral("%%"));
    if (!needsQuotes)
        return value;
    QString quoted;
    for (const QChar c : std::as_const(value)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    // The file format escapes backslashes once more.
    quoted.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString xdgConfigHome()
{
    QString env = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The specification: a relative path is invalid and must be ignored.
    if (!env.isEmpty() && QDir::isAbsolutePath(env))
        return env;
    return QDir::home().filePath(QStringLiteral(".config"));
}
#endif

#if !defined(Q_OS_WIN)
bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("llmproxy::Autostart", "Cannot create the folder of %1.").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error =
            QCoreApplication::translate("llmproxy::Autostart", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
#endif

} // namespace

Autostart::Autostart(QString program)
    : m_program(program.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(program))
{
}

QString Autostart::location() const
{
#if defined(Q_OS_WIN)
    return QString::fromLatin1(kRunKey);
#elif defined(Q_OS_MACOS)
    return QDir::home().filePath(QStringLiteral("Library/LaunchAgents/%1.plist").arg(QLatin1String(kAgentLabel)));
#else
    return QDir(xdgConfigHome()).filePath(QStringLiteral("autostart/llmproxy.desktop"));
#endif
}

bool Autostart::isEnabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(QString::fromLatin1(kRunKey), QSettings::NativeFormat).contains(QLatin1String(kRunValue));
#else
    return QFileInfo::exists(location());
#endif
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
#if defined(Q_OS_WIN)
    QSettings run(QString::fromLatin1(kRunKey), QSettings::NativeFormat);
    if (enabled)
        run.setValue(QLatin1String(kRunValue), QStringLiteral("\"%1\"").arg(QDir::toNativeSeparators(m_program)));
    else
        run.remove(QLatin1String(kRunValue));
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = QCoreApplication::translate("llmproxy::Autostart", "Cannot change %1.").arg(location());
        return false;
    }
    return true;
#else
    const QString path = location();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            *error = QCoreApplication::translate("llmproxy::Autostart", "Cannot remove %1.").arg(path);
            return false;
        }
        return true;
    }
#if defined(Q_OS_MACOS)
    const QByteArray plist =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                       "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                       "<plist version=\"1.0\">\n<dict>\n"
                       "  <key>Label</key>\n  <string>%1</string>\n"
                       "  <key>ProgramArguments</key>\n  <array>\n    <string>%2</string>\n  </array>\n"
                       "  <key>RunAtLoad</key>\n  <true/>\n"
                       "</dict>\n</plist>\n")
            .arg(QLatin1String(kAgentLabel), plistEscaped(m_program))
            .toUtf8();
    return writeFile(path, plist, error);
#else
    const QByteArray entry = QStringLiteral("[Desktop Entry]\n"
                                            "Type=Application\n"
                                            "Name=LLMProxy\n"
                                            "Comment=Security gateway for LLM traffic\n"
                                            "Exec=%1\n"
                                            "Icon=llmproxy\n"
                                            "Terminal=false\n"
                                            "X-GNOME-Autostart-enabled=true\n")
                                 .arg(desktopExec(m_program))
                                 .toUtf8();
    return writeFile(path, entry, error);
#endif
#endif
}

} // namespace llmproxy

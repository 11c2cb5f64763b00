// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/xsession.h"

#include <QStandardPaths>
#include <QTest>

namespace llmproxy::test {

namespace {

void stop(std::unique_ptr<QProcess> &process)
{
    if (process && process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(5000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    process.reset();
}

} // namespace

XSession::XSession() = default;

XSession::~XSession()
{
    stop(m_jwm);
    stop(m_xvfb);
}

QStringList XSession::missingTools()
{
    QStringList missing;
    for (const char *tool : {"Xvfb", "jwm", "xdotool", "xprop"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            missing << QString::fromLatin1(tool);
    }
    return missing;
}

QProcessEnvironment XSession::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), m_display);
    if (m_home)
        env.insert(QStringLiteral("HOME"), m_home->path()); // jwm's default configuration, not the user's
    return env;
}

bool XSession::start(QString *error)
{
    if (startOnce(error))
        return true;
    qWarning("X session: %s; trying once more", qPrintable(*error));
    stop(m_jwm);
    stop(m_xvfb);
    return startOnce(error);
}

bool XSession::startOnce(QString *error)
{
    m_home = std::make_unique<QTemporaryDir>();
    // -displayfd: Xvfb picks a free display number itself and writes it to our stdout.
    m_xvfb = std::make_unique<QProcess>();
    m_xvfb->setProcessChannelMode(QProcess::SeparateChannels);
    m_xvfb->start(QStringLiteral("Xvfb"),
                  {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
                   QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    if (!m_xvfb->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start Xvfb: ") + m_xvfb->errorString();
        return false;
    }
    QByteArray number;
    if (!QTest::qWaitFor(
            [&] {
                number += m_xvfb->readAllStandardOutput();
                return number.contains('\n') || m_xvfb->state() == QProcess::NotRunning;
            },
            20000) ||
        !number.contains('\n')) {
        *error = QStringLiteral("Xvfb did not report its display: ") +
                 QString::fromLocal8Bit(m_xvfb->readAllStandardError());
        return false;
    }
    m_display = QLatin1Char(':') + QString::fromLatin1(number.trimmed());

    m_jwm = std::make_unique<QProcess>();
    m_jwm->setProcessEnvironment(environment());
    m_jwm->start(QStringLiteral("jwm"), {});
    if (!m_jwm->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start jwm: ") + m_jwm->errorString();
        return false;
    }
    // jwm announces itself on the root window once its tray and panels are up.
    const bool up = QTest::qWaitFor(
        [this] {
            QProcess xprop;
            xprop.setProcessEnvironment(environment());
            xprop.start(QStringLiteral("xprop"), {QStringLiteral("-root"), QStringLiteral("_NET_SUPPORTING_WM_CHECK")});
            xprop.waitForFinished(5000);
            return xprop.readAllStandardOutput().contains("window id");
        },
        20000);
    if (!up) {
        *error =
            QStringLiteral("jwm did not come up on %1 (%2): %3")
                .arg(m_display,
                     m_jwm->state() == QProcess::NotRunning ? QStringLiteral("exited with %1").arg(m_jwm->exitCode())
                                                            : QStringLiteral("running"),
                     QString::fromLocal8Bit(m_jwm->readAllStandardError() + m_jwm->readAllStandardOutput()));
        return false;
    }
    return true;
}

QString XSession::xdotool(const QStringList &args, bool *ok) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral("xdotool"), args);
    const bool finished = process.waitForFinished(20000);
    if (ok)
        *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

QStringList XSession::findWindows(const QStringList &args) const
{
    bool ok = false;
    const QString out = xdotool(QStringList{QStringLiteral("search")} + args, &ok);
    return ok ? out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList();
}

bool XSession::screenshot(const QString &path) const
{
    QProcess import;
    import.setProcessEnvironment(environment());
    import.start(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), path});
    return import.waitForFinished(20000) && import.exitCode() == 0;
}

} // namespace llmproxy::test

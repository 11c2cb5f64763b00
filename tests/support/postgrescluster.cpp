// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/postgrescluster.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <unistd.h>

namespace llmproxy::test {

using namespace Qt::StringLiterals;

PostgresCluster::PostgresCluster() = default;

PostgresCluster::~PostgresCluster()
{
    stop();
}

QString PostgresCluster::binDirectory()
{
    const QString fromEnv = qEnvironmentVariable("LLMPROXY_PG_BIN");
    if (!fromEnv.isEmpty())
        return QFileInfo::exists(fromEnv + u"/initdb"_s) ? fromEnv : QString();
    QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(),
              [&](const QString &a, const QString &b) { return numeric.compare(a, b) > 0; });
    for (const QString &v : std::as_const(versions)) {
        QString bin = u"/usr/lib/postgresql/%1/bin"_s.arg(v);
        if (QFileInfo::exists(bin + u"/initdb"_s) && QFileInfo::exists(bin + u"/pg_ctl"_s))
            return bin;
    }
    return {};
}

bool PostgresCluster::run(const QString &program, const QStringList &args, int timeoutMs, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir->path());
    if (::geteuid() == 0)
        p.start(u"runuser"_s, QStringList{u"-u"_s, u"postgres"_s, u"--"_s, program} + args);
    else
        p.start(program, args);
    if (!p.waitForStarted(10'000)) {
        m_error = u"%1: %2"_s.arg(program, p.errorString());
        return false;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5'000);
        m_error = u"%1 did not finish within %2 ms"_s.arg(program).arg(timeoutMs);
        return false;
    }
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = u"%1 failed (%2): %3"_s.arg(program).arg(p.exitCode()).arg(out.right(2000));
        return false;
    }
    return true;
}

bool PostgresCluster::start()
{
    if (m_running)
        return true;
    const QString bin = binDirectory();
    if (bin.isEmpty()) {
        m_error = u"the PostgreSQL server binaries are not installed (Debian: postgresql)"_s;
        return false;
    }
    if (!m_initialised) {
        // A short path: a unix socket path must fit in 107 bytes.
        m_dir = std::make_unique<QTemporaryDir>(u"/tmp/llmproxy-pg-XXXXXX"_s);
        if (!m_dir->isValid()) {
            m_error = u"cannot create a temporary directory"_s;
            return false;
        }
        if (::geteuid() == 0) {
            QProcess chown;
            chown.start(u"chown"_s, {u"postgres:postgres"_s, m_dir->path()});
            if (!chown.waitForFinished(10'000) || chown.exitCode() != 0) {
                m_error = u"cannot hand %1 over to the postgres user (is there one?)"_s.arg(m_dir->path());
                return false;
            }
        }
        m_port = 20'000 + int(QRandomGenerator::global()->bounded(20'000));
        if (!run(bin + u"/initdb"_s,
                 {u"-D"_s, m_dir->filePath(u"data"_s), u"-A"_s, u"trust"_s, u"-U"_s, u"postgres"_s, u"-E"_s, u"UTF8"_s,
                  u"--no-sync"_s, u"--no-instructions"_s},
                 120'000))
            return false;
        m_initialised = true;
    }
    const QString options =
        u"-k %1 -p %2 -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"_s
            .arg(m_dir->path())
            .arg(m_port);
    if (!run(bin + u"/pg_ctl"_s,
             {u"-D"_s, m_dir->filePath(u"data"_s), u"-l"_s, m_dir->filePath(u"server.log"_s), u"-w"_s, u"-t"_s, u"60"_s,
              u"-o"_s, options, u"start"_s},
             90'000))
        return false;
    m_running = true;
    return true;
}

bool PostgresCluster::stop()
{
    if (!m_running)
        return true;
    m_running = false;
    return run(binDirectory() + u"/pg_ctl"_s,
               {u"-D"_s, m_dir->filePath(u"data"_s), u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"60"_s, u"stop"_s}, 90'000);
}

QString PostgresCluster::connectionString(const QString &database) const
{
    return u"host=%1 port=%2 user=postgres dbname=%3"_s.arg(socketDirectory()).arg(m_port).arg(database);
}

bool PostgresCluster::psql(const QString &sql)
{
    const QString bin = binDirectory();
    const QString psqlPath = QFileInfo::exists(bin + u"/psql"_s) ? bin + u"/psql"_s : u"psql"_s;
    return run(psqlPath,
               {u"-h"_s, m_dir->path(), u"-p"_s, QString::number(m_port), u"-U"_s, u"postgres"_s, u"-d"_s,
                u"postgres"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-q"_s, u"-c"_s, sql},
               60'000);
}

bool PostgresCluster::createDatabase(const QString &name)
{
    return psql(u"DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)"_s.arg(name)) &&
           psql(u"CREATE DATABASE \"%1\""_s.arg(name));
}

} // namespace llmproxy::test

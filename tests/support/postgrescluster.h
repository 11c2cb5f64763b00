// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace llmproxy::test {

/// A throwaway PostgreSQL server for one test process: initdb in a temporary directory, the server
/// listening only on a unix socket in that directory (no TCP port to collide with), trust
/// authentication for the `postgres` user, fsync off. When the process runs as root (CI), initdb
/// and the server refuse to run, so they run as the `postgres` system user (runuser) with the
/// directory handed over to it. Stopped and removed by the destructor.
class PostgresCluster
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    /// The folder holding initdb, pg_ctl and postgres: $LLMPROXY_PG_BIN, else the newest
    /// /usr/lib/postgresql/<version>/bin. Empty when none is installed (tests then skip).
    static QString binDirectory();

    /// Creates the cluster (once) and starts the server. False with errorString() on failure.
    bool start();
    /// Stops the server (fast shutdown: open connections are cut). The data stays.
    bool stop();
    bool isRunning() const { return m_running; }
    QString errorString() const { return m_error; }

    /// The socket directory and port, for a connection string.
    QString socketDirectory() const { return m_dir ? m_dir->path() : QString(); }
    int port() const { return m_port; }
    /// "host=<socket dir> port=<port> user=postgres dbname=<database>"
    QString connectionString(const QString &database = QStringLiteral("postgres")) const;
    /// Creates an empty database (dropping one of that name first). False with errorString().
    bool createDatabase(const QString &name);

private:
    /// Runs a server binary (as `postgres` when this process is root); its output goes to `log`.
    bool run(const QString &program, const QStringList &args, int timeoutMs, QString *output = nullptr);
    bool psql(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    QString m_error;
};

} // namespace llmproxy::test

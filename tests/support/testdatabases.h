// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/postgresdsn.h"
#include "proxycore/store/database.h"
#include "tests/support/postgrescluster.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace llmproxy::test {

/// New, empty databases for tests that run against both backends: SQLite files in a temporary
/// directory, and databases of one throwaway PostgreSQL server (PostgresCluster) started on first use
/// and stopped with this object. Header-only, so that the tests linking it need nothing more.
class TestDatabases
{
public:
    /// The `backend` column with its two rows, "sqlite" and "postgres": call it from a `_data` slot.
    static void addBackends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    /// A new, empty database of `backend`; nullopt when PostgreSQL is not available (problem() says why).
    std::optional<DatabaseSettings> fresh(const QString &backend)
    {
        DatabaseSettings s;
        const QString name = QStringLiteral("t%1").arg(++m_databases);
        if (backend == QLatin1String("sqlite")) {
            s.sqlitePath = m_dir.filePath(name + QStringLiteral(".db"));
            return s;
        }
        if (!postgresAvailable())
            return std::nullopt;
        if (!m_postgres->createDatabase(name)) {
            m_problem = m_postgres->errorString();
            return std::nullopt;
        }
        QString error;
        m_lastConnectionString = m_postgres->connectionString(name);
        s.dialect = SqlDialect::Postgres;
        s.postgres = *parsePostgresDsn(m_lastConnectionString, &error);
        return s;
    }

    /// The connection string of the last PostgreSQL database fresh() made (libpq key=value form).
    QString lastConnectionString() const { return m_lastConnectionString; }
    /// Why the PostgreSQL rows cannot run.
    QString problem() const { return m_problem; }
    /// The running server, or null.
    PostgresCluster *postgres() const { return m_postgres.get(); }
    /// The temporary directory the SQLite files are in.
    const QTemporaryDir &directory() const { return m_dir; }

private:
    bool postgresAvailable()
    {
        if (m_postgres)
            return m_postgres->isRunning() || m_postgres->start();
        if (!m_problem.isEmpty())
            return false;
        if (PostgresCluster::binDirectory().isEmpty()) {
            m_problem = QStringLiteral("the PostgreSQL server binaries are not installed (Debian: apt-get install "
                                       "postgresql; or set LLMPROXY_PG_BIN)");
            return false;
        }
        auto cluster = std::make_unique<PostgresCluster>();
        if (!cluster->start()) {
            // Installed but not startable fails the PostgreSQL rows: never hidden as a skip.
            m_problem = cluster->errorString();
            return false;
        }
        m_postgres = std::move(cluster);
        return true;
    }

    QTemporaryDir m_dir;
    int m_databases = 0;
    std::unique_ptr<PostgresCluster> m_postgres;
    QString m_problem;
    QString m_lastConnectionString;
};

} // namespace llmproxy::test

/// Declares `settings`: a new database of the row's backend from the TestDatabases `databases`. The
/// PostgreSQL rows are skipped when its binaries are missing, and fail when they are installed but
/// the server does not start.
#define LLMPROXY_FRESH_DATABASE(databases)                                                                             \
    QFETCH(QString, backend);                                                                                          \
    const std::optional<DatabaseSettings> freshSettings = (databases).fresh(backend);                                  \
    if (!freshSettings && llmproxy::test::PostgresCluster::binDirectory().isEmpty())                                   \
        QSKIP(qPrintable(QStringLiteral("PostgreSQL rows need a server: ") + (databases).problem()));                  \
    QVERIFY2(freshSettings, qPrintable(QStringLiteral("PostgreSQL did not start: ") + (databases).problem()));         \
    const DatabaseSettings &settings = *freshSettings

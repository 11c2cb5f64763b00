// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/postgresdsn.h"
#include "proxycore/store/database.h"
#include "tests/support/postgrescluster.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
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

/// The first column of the first row `sql` returns on a new connection to `settings`; an invalid
/// QVariant (and a warning) when it fails.
inline QVariant scalar(const DatabaseSettings &settings, const QString &sql)
{
    DatabaseConnection c(settings, QStringLiteral("test"));
    QString error;
    if (!c.open(&error)) {
        qWarning("cannot open %s: %s", qPrintable(settings.describe()), qPrintable(error));
        return {};
    }
    QSqlQuery q(c.database());
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return {};
    }
    QVariant v = q.value(0);
    q.finish();
    return v;
}

/// Runs `sql` on a new connection to `settings`; false (and a warning) when it fails.
inline bool execute(const DatabaseSettings &settings, const QString &sql)
{
    DatabaseConnection c(settings, QStringLiteral("test"));
    QString error;
    if (!c.open(&error))
        return false;
    QSqlQuery q(c.database());
    if (!q.exec(sql)) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

/// Loads the SQL fixture `path` (tests/integration/data/store/schema-vN.sql) into the database of
/// `settings`: lines starting with `--` are comments, statements end with a `;` at the end of a
/// line, `{{ID}}` and `{{BLOB}}` become the dialect's words and `X'hex'` becomes decode('hex', 'hex')
/// on PostgreSQL. False with `error` naming the statement that failed.
inline bool loadSqlFixture(const DatabaseSettings &settings, const QString &path, QString *error)
{
    QFile fixture(path);
    if (!fixture.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, fixture.errorString());
        return false;
    }
    QStringList lines;
    for (const QString &line : QString::fromUtf8(fixture.readAll()).split(u'\n')) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            lines << line;
    }
    const bool sqlite = settings.dialect == SqlDialect::Sqlite;
    const QString id = sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                              : QStringLiteral("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    const QString blob = sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");
    static const QRegularExpression hexLiteral(QStringLiteral("X'([0-9a-fA-F]*)'"));
    DatabaseConnection c(settings, QStringLiteral("fixture"));
    if (!c.open(error))
        return false;
    for (QString statement : lines.join(u'\n').split(QStringLiteral(";\n"))) {
        statement = statement.trimmed();
        if (statement.endsWith(u';'))
            statement.chop(1);
        if (statement.isEmpty())
            continue;
        statement.replace(QLatin1String("{{ID}}"), id).replace(QLatin1String("{{BLOB}}"), blob);
        if (!sqlite)
            statement.replace(hexLiteral, QStringLiteral("decode('\\1', 'hex')"));
        QSqlQuery q(c.database());
        if (!q.exec(statement)) {
            *error = QStringLiteral("%1: %2").arg(statement.left(200), q.lastError().text());
            return false;
        }
    }
    return true;
}

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

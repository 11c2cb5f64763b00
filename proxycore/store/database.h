// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"

#include <QSqlDatabase>
#include <QString>

namespace llmproxy {

/// The two SQL dialects the store speaks. Every statement is written once for both; the few
/// differences (an auto-increment key, advisory locks) are asked of this enum.
enum class SqlDialect { Sqlite, Postgres };

/// Which database to open and how. Plain value type; copied into every thread that opens a
/// connection. Holds the PostgreSQL password (never logged: describe() leaves it out).
struct DatabaseSettings
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString sqlitePath;        ///< SQLite: the database file (created with its folder when missing)
    PostgresDsn postgres;      ///< PostgreSQL: the server
    int busyTimeoutMs = 5'000; ///< SQLite: how long a statement waits for another connection's lock
    int connectTimeoutS = 5;   ///< PostgreSQL: how long opening a connection may take

    /// The settings server.storage describes. `dataDirectory` is where a relative or default
    /// SQLite file goes; nullopt when there is to be no database (storage off, or SQLite with
    /// neither a path nor a data directory).
    static std::optional<DatabaseSettings> fromConfig(const StorageConfig &storage, const QString &dataDirectory);

    /// "sqlite:/path/llmproxy.db" or "postgres:user@host:5432/db", for logs and /health.
    QString describe() const;
    QString backendName() const
    {
        return dialect == SqlDialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgres");
    }
};

/// One open connection, owned by the thread that opened it: Qt Sql connections must be used only
/// on the thread that created them, so every thread of the store (the writer, the reader) holds its
/// own, under a unique name. SQLite connections run in WAL mode with synchronous=NORMAL and the
/// busy timeout of the settings. The destructor closes the connection and removes its name.
/// Never throws; open() says why it failed.
class DatabaseConnection
{
public:
    /// `role` names the connection in Qt's registry ("writer", "reader"); a counter makes it unique.
    DatabaseConnection(DatabaseSettings settings, const QString &role);
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    /// Opens the connection (again, after close()). False with `error` when the driver is missing,
    /// the file cannot be created or the server does not answer.
    bool open(QString *error);
    /// Closes it; the next open() connects anew (after a server restart, for instance).
    void close();
    bool isOpen() const;

    QSqlDatabase &database() { return m_db; }
    const DatabaseSettings &settings() const { return m_settings; }
    SqlDialect dialect() const { return m_settings.dialect; }

private:
    DatabaseSettings m_settings;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/database.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace llmproxy {

using namespace Qt::StringLiterals;

std::optional<DatabaseSettings> DatabaseSettings::fromConfig(const StorageConfig &storage, const QString &dataDirectory)
{
    if (!storage.enabled)
        return std::nullopt;
    DatabaseSettings s;
    if (storage.type == u"postgres") {
        s.dialect = SqlDialect::Postgres;
        s.postgres = storage.postgres;
        return s;
    }
    QString path = storage.path;
    if (path.isEmpty()) {
        if (dataDirectory.isEmpty())
            return std::nullopt;
        path = u"llmproxy.db"_s;
    }
    if (QDir::isRelativePath(path) && !dataDirectory.isEmpty())
        path = QDir(dataDirectory).filePath(path);
    s.sqlitePath = QDir::cleanPath(path);
    return s;
}

QString DatabaseSettings::describe() const
{
    return dialect == SqlDialect::Sqlite ? u"sqlite:"_s + sqlitePath : u"postgres:"_s + postgres.describe();
}

DatabaseConnection::DatabaseConnection(DatabaseSettings settings, const QString &role) : m_settings(std::move(settings))
{
    static std::atomic<quint64> counter{0};
    m_name = u"llmproxy-%1-%2"_s.arg(role).arg(counter.fetch_add(1) + 1);
    m_db = QSqlDatabase::addDatabase(m_settings.dialect == SqlDialect::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s, m_name);
}

DatabaseConnection::~DatabaseConnection()
{
    close();
    m_db = QSqlDatabase(); // the registry refuses to remove a connection that is still referenced
    QSqlDatabase::removeDatabase(m_name);
}

bool DatabaseConnection::isOpen() const
{
    return m_db.isOpen();
}

void DatabaseConnection::close()
{
    if (m_db.isOpen())
        m_db.close();
}

bool DatabaseConnection::open(QString *error)
{
    close();
    if (!m_db.isValid()) {
        *error = m_settings.dialect == SqlDialect::Sqlite
                     ? u"the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)"_s
                     : u"the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)"_s;
        return false;
    }
    if (m_settings.dialect == SqlDialect::Sqlite) {
        const QFileInfo file(m_settings.sqlitePath);
        if (!QDir().mkpath(file.absolutePath())) {
            *error = u"cannot create the folder %1"_s.arg(file.absolutePath());
            return false;
        }
        m_db.setDatabaseName(m_settings.sqlitePath);
        m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_settings.busyTimeoutMs));
    } else {
        const PostgresDsn &p = m_settings.postgres;
        m_db.setHostName(p.host);
        m_db.setPort(p.port);
        m_db.setDatabaseName(p.database);
        m_db.setUserName(p.user);
        m_db.setPassword(p.password);
        QString options = p.options;
        if (!options.contains(u"connect_timeout="_s))
            options += (options.isEmpty() ? u""_s : u";"_s) + u"connect_timeout=%1"_s.arg(m_settings.connectTimeoutS);
        m_db.setConnectOptions(options);
    }
    if (!m_db.open()) {
        *error = m_db.lastError().text().trimmed();
        if (error->isEmpty())
            *error = u"cannot open %1"_s.arg(m_settings.describe());
        return false;
    }
    if (m_settings.dialect == SqlDialect::Sqlite) {
        // WAL: readers never wait for the writer; NORMAL: a commit is durable once the WAL is
        // checkpointed, and a crash loses at most the last transactions, never the file.
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                      u"PRAGMA busy_timeout=%1"_s.arg(m_settings.busyTimeoutMs)}) {
            QSqlQuery q(m_db);
            if (!q.exec(pragma)) {
                *error = u"%1: %2"_s.arg(pragma, q.lastError().text().trimmed());
                close();
                return false;
            }
        }
    }
    return true;
}

} // namespace llmproxy

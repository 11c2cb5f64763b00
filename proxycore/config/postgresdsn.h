// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QString>

#include <optional>

namespace llmproxy {

/// Where a PostgreSQL server is and how to log in, read from a connection string. Holds a
/// password: never logged or shown (describe() leaves it out). Plain value type.
struct PostgresDsn
{
    QString host; ///< host name, address, or a directory holding the server's unix socket
    int port = 5432;
    QString database;
    QString user;
    QString password;
    /// libpq options that have no field of their own ("sslmode=require;connect_timeout=5"), in
    /// QSqlDatabase::setConnectOptions() form.
    QString options;

    /// "user@host:port/db" for messages: everything but the password.
    QString describe() const;

    friend bool operator==(const PostgresDsn &, const PostgresDsn &) = default;
};

/// Reads a PostgreSQL connection string in either of libpq's forms: a URL
/// (`postgres://user:pass@host:5432/db?sslmode=require`, also `postgresql://`; percent-escapes
/// decoded; `?host=/run/postgresql` names a socket directory) or key=value pairs
/// (`host=/tmp port=5433 dbname=app user=app password='a b'`). nullopt with `error` set when it is
/// neither; the error never repeats the password.
std::optional<PostgresDsn> parsePostgresDsn(const QString &text, QString *error);

} // namespace llmproxy

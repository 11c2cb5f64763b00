// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/postgresdsn.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// The libpq keywords that become a field; every other known one goes to the options.
bool setField(PostgresDsn &dsn, const QString &key, const QString &value, QString *error)
{
    if (key == u"host" || key == u"hostaddr") {
        dsn.host = value;
    } else if (key == u"port") {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535) {
            *error = u"port must be a number between 1 and 65535, got \"%1\""_s.arg(value);
            return false;
        }
        dsn.port = port;
    } else if (key == u"dbname") {
        dsn.database = value;
    } else if (key == u"user") {
        dsn.user = value;
    } else if (key == u"password") {
        dsn.password = value;
    } else {
        // Options go to libpq as they are; QPSQL separates them with ';', which no option value needs.
        static const QStringList known{u"sslmode"_s,
                                       u"sslrootcert"_s,
                                       u"sslcert"_s,
                                       u"sslkey"_s,
                                       u"connect_timeout"_s,
                                       u"application_name"_s,
                                       u"target_session_attrs"_s,
                                       u"options"_s,
                                       u"keepalives"_s,
                                       u"keepalives_idle"_s,
                                       u"sslcompression"_s,
                                       u"gssencmode"_s};
        if (!known.contains(key)) {
            *error = u"unknown connection parameter \"%1\""_s.arg(key);
            return false;
        }
        if (value.contains(u';')) {
            *error = u"the value of %1 may not contain ';'"_s.arg(key);
            return false;
        }
        if (!dsn.options.isEmpty())
            dsn.options += u';';
        dsn.options += key + u'=' + value;
    }
    return true;
}

std::optional<PostgresDsn> parseUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = u"not a valid postgres:// URL"_s;
        return std::nullopt;
    }
    PostgresDsn dsn;
    dsn.host = url.host(QUrl::FullyDecoded);
    if (url.port() != -1)
        dsn.port = url.port();
    dsn.user = url.userName(QUrl::FullyDecoded);
    dsn.password = url.password(QUrl::FullyDecoded);
    dsn.database = url.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!setField(dsn, key, value, error))
            return std::nullopt;
    }
    return dsn;
}

std::optional<PostgresDsn> parseKeywords(const QString &text, QString *error)
{
    PostgresDsn dsn;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto skipSpace = [&] {
        while (i < n && text[i].isSpace())
            ++i;
    };
    skipSpace();
    while (i < n) {
        const qsizetype keyStart = i;
        while (i < n && text[i] != u'=' && !text[i].isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipSpace();
        if (key.isEmpty() || i >= n || text[i] != u'=') {
            *error = u"expected key=value pairs or a postgres:// URL"_s;
            return std::nullopt;
        }
        ++i; // '='
        skipSpace();
        QString value;
        if (i < n && text[i] == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == u'\\' && i + 1 < n) {
                    value += text[i + 1];
                    i += 2;
                } else if (text[i] == u'\'') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    value += text[i++];
                }
            }
            if (!closed) {
                *error = u"the quoted value of %1 is not closed"_s.arg(key);
                return std::nullopt;
            }
        } else {
            while (i < n && !text[i].isSpace()) {
                if (text[i] == u'\\' && i + 1 < n)
                    ++i;
                value += text[i++];
            }
        }
        if (!setField(dsn, key, value, error))
            return std::nullopt;
        skipSpace();
    }
    return dsn;
}

} // namespace

QString PostgresDsn::describe() const
{
    QString out = user.isEmpty() ? QString() : user + u'@';
    out += host.isEmpty() ? u"localhost"_s : host;
    out += u':' + QString::number(port);
    if (!database.isEmpty())
        out += u'/' + database;
    return out;
}

std::optional<PostgresDsn> parsePostgresDsn(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        *error = u"the connection string is empty"_s;
        return std::nullopt;
    }
    if (trimmed.startsWith(u"postgres://"_s) || trimmed.startsWith(u"postgresql://"_s))
        return parseUrl(trimmed, error);
    if (trimmed.contains(u"://"_s)) {
        *error = u"expected a postgres:// or postgresql:// URL"_s;
        return std::nullopt;
    }
    return parseKeywords(trimmed, error);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <sqlite3.h>

#include <bit>

namespace llmproxy {

/// `head` ("INSERT INTO t (a, b) VALUES ") followed by `rows` tuples of `values` placeholders each:
/// a multi-row INSERT, prepared once per size (WriteContext::prepared(), sqlitePrepared()).
inline QString multiRowInsert(const QString &head, int values, qsizetype rows)
{
    const QString tuple = QStringLiteral("(?") + QStringLiteral(", ?").repeated(values - 1) + u')';
    QString sql = head;
    sql.reserve(head.size() + rows * (tuple.size() + 2));
    for (qsizetype n = 0; n < rows; ++n) {
        if (n > 0)
            sql += QStringLiteral(", ");
        sql += tuple;
    }
    return sql;
}

/// The rows of the next multi-row INSERT when `remaining` (> 0) rows are left to write: the largest
/// power of two not above `remaining` nor `maxRows` (a power of two), so that any count is written
/// with about one statement per binary digit and only a few statement sizes exist.
inline qsizetype multiRowChunk(qsizetype remaining, qsizetype maxRows)
{
    return qsizetype(1) << (63 - std::countl_zero(quint64(qMin(remaining, maxRows))));
}

/// Binds the values of one row after another to a QSqlQuery (PostgreSQL), in column order, for the
/// multi-row INSERTs of the store's writes (WriteContext::prepared()). The same calls as SqliteRow,
/// so that one template binds a row either way; both store the same values.
class QtRow
{
public:
    explicit QtRow(QSqlQuery *query) : m_query(query) {}
    void integer(qint64 v) { m_query->addBindValue(v); }
    void real(double v) { m_query->addBindValue(v); }
    /// Text columns are NOT NULL: a null QString goes in as ''.
    void text(const QString &v) { m_query->addBindValue(v.isNull() ? QStringLiteral("") : v); }
    /// Text given as UTF-8.
    void utf8Text(const QByteArray &v) { m_query->addBindValue(QString::fromUtf8(v)); }
    void blob(const QByteArray &v) { m_query->addBindValue(v); }
    /// A blob, or NULL when `v` is empty.
    void blobOrNull(const QByteArray &v)
    {
        m_query->addBindValue(v.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(v));
    }
    /// An integer, or NULL when `v` is negative.
    void nullableInteger(qint64 v)
    {
        m_query->addBindValue(v < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(v));
    }
    /// A number, or NULL when `v` is negative.
    void nullableReal(double v)
    {
        m_query->addBindValue(v < 0 ? QVariant(QMetaType::fromType<double>()) : QVariant(v));
    }

private:
    QSqlQuery *m_query;
};

/// Binds the values of one row after another to a native SQLite statement (WriteContext::
/// sqlitePrepared()), in column order, as QSqlQuery would store them: a few times cheaper per value.
/// Nothing is copied (SQLITE_STATIC): the values bound must outlive the statement's step and reset.
class SqliteRow
{
public:
    explicit SqliteRow(sqlite3_stmt *statement) : m_statement(statement) {}
    void integer(qint64 v) { sqlite3_bind_int64(m_statement, ++m_index, v); }
    void real(double v) { sqlite3_bind_double(m_statement, ++m_index, v); }
    void text(const QString &v)
    {
        // A null QString's utf16() is a valid empty string: stored as '' (the columns are NOT NULL).
        sqlite3_bind_text16(m_statement, ++m_index, v.utf16(), int(v.size() * 2), SQLITE_STATIC);
    }
    void utf8Text(const QByteArray &v)
    {
        sqlite3_bind_text(m_statement, ++m_index, v.constData(), int(v.size()), SQLITE_STATIC);
    }
    void blob(const QByteArray &v)
    {
        // constData() is never null, so an empty array is an empty blob, as QSqlQuery binds it.
        sqlite3_bind_blob(m_statement, ++m_index, v.constData(), int(v.size()), SQLITE_STATIC);
    }
    void null() { sqlite3_bind_null(m_statement, ++m_index); }
    void blobOrNull(const QByteArray &v) { v.isEmpty() ? null() : blob(v); }
    void nullableInteger(qint64 v) { v < 0 ? null() : integer(v); }
    void nullableReal(double v) { v < 0 ? null() : real(v); }

private:
    sqlite3_stmt *m_statement;
    int m_index = 0;
};

} // namespace llmproxy

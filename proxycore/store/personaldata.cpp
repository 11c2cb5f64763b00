// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/personaldata.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// Runs `statements` (SQL with one bound value each) in one transaction: their affected rows, or
/// with `count` their COUNT(*), in order.
std::optional<QList<qint64>> runInTransaction(DatabaseConnection &connection,
                                              const QList<std::pair<QString, QVariant>> &statements, QString *error)
{
    QSqlDatabase &db = connection.database();
    if (!db.transaction()) {
        *error = u"cannot begin a transaction: "_s + db.lastError().text().trimmed();
        return std::nullopt;
    }
    QList<qint64> counts;
    for (const auto &[sql, value] : statements) {
        QSqlQuery q(db);
        q.prepare(sql);
        q.addBindValue(value);
        if (!q.exec()) {
            *error = q.lastError().text().trimmed();
            q.finish();
            db.rollback();
            return std::nullopt;
        }
        counts.append(q.isSelect() ? (q.next() ? q.value(0).toLongLong() : 0) : q.numRowsAffected());
    }
    if (!db.commit()) {
        *error = u"cannot commit: "_s + db.lastError().text().trimmed();
        db.rollback();
        return std::nullopt;
    }
    return counts;
}

} // namespace

std::optional<PersonalRows> PersonalData::purgeBefore(DatabaseConnection &connection, qint64 cutoffMs, bool dryRun,
                                                      QString *error)
{
    const QString verb = dryRun ? u"SELECT COUNT(*) FROM"_s : u"DELETE FROM"_s;
    const std::optional<QList<qint64>> counts =
        runInTransaction(connection,
                         {{verb + u" request_history WHERE ts_ms < ?"_s, cutoffMs},
                          {verb + u" responses WHERE created_ms < ?"_s, cutoffMs},
                          {verb + u" request_bodies WHERE ts_ms < ?"_s, cutoffMs}},
                         error);
    if (!counts) {
        *error = u"cannot purge the request history and stored responses: "_s + *error;
        return std::nullopt;
    }
    return PersonalRows{counts->at(0), counts->at(1), counts->at(2), 0};
}

std::optional<PersonalRows> PersonalData::eraseKey(DatabaseConnection &connection, const QString &keyName,
                                                   QString *error)
{
    if (keyName.isEmpty())
        return PersonalRows{};
    const std::optional<QList<qint64>> counts =
        runInTransaction(connection,
                         {{u"DELETE FROM request_history WHERE key_name = ?"_s, keyName},
                          {u"DELETE FROM responses WHERE key_name = ?"_s, QString(u"key:"_s + keyName)},
                          {u"DELETE FROM request_bodies WHERE key_name = ?"_s, keyName},
                          {u"DELETE FROM response_cache WHERE scope = ?"_s, QString(u"key:"_s + keyName)}},
                         error);
    if (!counts) {
        *error = u"cannot erase the request history and stored responses of %1: "_s.arg(keyName) + *error;
        return std::nullopt;
    }
    return PersonalRows{counts->at(0), counts->at(1), counts->at(2), counts->at(3)};
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/requesthistory.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

const QString kInsert = u"INSERT INTO request_history (ts_ms, request_id, key_name, team, client_api, method, route, "
                        u"model, served_model, provider, endpoint, status, attempts, prompt_tokens, completion_tokens, "
                        u"cost_usd, cost_estimated, latency_ms, ttft_ms, overhead_ms, blocked_by, error, stream) "
                        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;

const QString kColumns = u"id, ts_ms, request_id, key_name, team, client_api, method, route, model, served_model, "
                         u"provider, endpoint, status, attempts, prompt_tokens, completion_tokens, cost_usd, "
                         u"cost_estimated, latency_ms, ttft_ms, overhead_ms, blocked_by, error, stream"_s;

/// Text columns are NOT NULL: a null QString would be bound as NULL, so it goes in as ''.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

QVariant nullableInt(qint64 v)
{
    return v < 0 ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(v);
}

QVariant nullableDouble(double v)
{
    return v < 0 ? QVariant(QMetaType(QMetaType::Double)) : QVariant(v);
}

/// "%part%" for LIKE, with LIKE's own characters taken literally.
QString likePattern(const QString &part)
{
    QString escaped = part.toLower();
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

/// The cursor: the (time, id) of the last row of a page, as "<ms>.<id>".
QString makeCursor(qint64 timeMs, qint64 id)
{
    return QString::number(timeMs) + u'.' + QString::number(id);
}

bool readCursor(const QString &cursor, qint64 *timeMs, qint64 *id)
{
    const qsizetype dot = cursor.indexOf(u'.');
    if (dot <= 0)
        return false;
    bool okTime = false, okId = false;
    *timeMs = cursor.left(dot).toLongLong(&okTime);
    *id = cursor.mid(dot + 1).toLongLong(&okId);
    return okTime && okId && *id > 0;
}

} // namespace

RequestHistory::RequestHistory(DatabaseSettings settings) : m_settings(std::move(settings)) {}

RequestHistory::~RequestHistory() = default;

void RequestHistory::close()
{
    m_connection.reset();
}

StoreWrite RequestHistory::writeFor(RequestRecord r)
{
    return [r = std::move(r)](WriteContext &context) {
        QSqlQuery *q = context.prepared(kInsert);
        if (!q)
            return false;
        q->addBindValue(r.time.toMSecsSinceEpoch());
        q->addBindValue(text(r.requestId));
        q->addBindValue(text(r.keyName));
        q->addBindValue(u""_s); // team: none until teams exist
        q->addBindValue(text(r.clientApi));
        q->addBindValue(text(r.method));
        q->addBindValue(text(r.route));
        q->addBindValue(text(r.model));
        q->addBindValue(text(r.servedModel));
        q->addBindValue(text(r.provider));
        q->addBindValue(text(r.endpoint));
        q->addBindValue(r.status);
        q->addBindValue(r.attempts);
        q->addBindValue(nullableInt(r.promptTokens));
        q->addBindValue(nullableInt(r.completionTokens));
        q->addBindValue(nullableDouble(r.costUsd));
        q->addBindValue(r.costEstimated ? 1 : 0);
        q->addBindValue(r.latencyMs);
        q->addBindValue(nullableDouble(r.ttftMs));
        q->addBindValue(r.overheadMs);
        q->addBindValue(text(r.blockedBy));
        q->addBindValue(text(r.error));
        q->addBindValue(r.stream ? 1 : 0);
        return context.exec(*q);
    };
}

std::optional<HistoryPage> RequestHistory::query(const HistoryFilter &filter, QString *error)
{
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_settings, u"reader"_s);
    if (!m_connection->isOpen() && !m_connection->open(error))
        return std::nullopt;

    QStringList where;
    QVariantList values;
    if (filter.from.isValid()) {
        where << u"ts_ms >= ?"_s;
        values << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        where << u"ts_ms < ?"_s;
        values << filter.to.toMSecsSinceEpoch();
    }
    if (!filter.key.isEmpty()) {
        where << u"key_name = ?"_s;
        values << filter.key;
    }
    if (!filter.model.isEmpty()) {
        where << u"(model = ? OR served_model = ?)"_s;
        values << filter.model << filter.model;
    }
    if (!filter.provider.isEmpty()) {
        where << u"provider = ?"_s;
        values << filter.provider;
    }
    if (filter.status > 0) {
        where << u"status = ?"_s;
        values << filter.status;
    } else if (filter.statusClass > 0) {
        where << u"status >= ? AND status < ?"_s;
        values << filter.statusClass * 100 << (filter.statusClass + 1) * 100;
    }
    if (filter.blockedOnly)
        where << u"blocked_by <> ''"_s;
    if (!filter.text.isEmpty()) {
        where << u"(request_id = ? OR LOWER(model) LIKE ? ESCAPE '\\' OR LOWER(served_model) LIKE ? ESCAPE '\\' "
                 u"OR LOWER(error) LIKE ? ESCAPE '\\')"_s;
        const QString pattern = likePattern(filter.text);
        values << filter.text << pattern << pattern << pattern;
    }

    HistoryPage page;
    QSqlDatabase &db = m_connection->database();
    const auto run = [&](QSqlQuery &q, const QString &sql, const QVariantList &bound) {
        q.setForwardOnly(true);
        if (!q.prepare(sql)) {
            *error = q.lastError().text().trimmed();
            return false;
        }
        for (const QVariant &v : bound)
            q.addBindValue(v);
        if (!q.exec()) {
            *error = q.lastError().text().trimmed();
            // A broken connection (a restarted server) is opened anew by the next query.
            if (q.lastError().type() == QSqlError::ConnectionError || !db.isOpen())
                m_connection->close();
            return false;
        }
        return true;
    };
    if (filter.withTotal) {
        QSqlQuery count(db);
        const QString sql = u"SELECT COUNT(*) FROM request_history"_s +
                            (where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s));
        if (!run(count, sql, values) || !count.next())
            return std::nullopt;
        page.total = count.value(0).toLongLong();
    }

    QStringList pageWhere = where;
    QVariantList pageValues = values;
    if (!filter.cursor.isEmpty()) {
        qint64 timeMs = 0, id = 0;
        if (!readCursor(filter.cursor, &timeMs, &id)) {
            *error = u"the cursor is not one this API gave"_s;
            return std::nullopt;
        }
        pageWhere << u"(ts_ms < ? OR (ts_ms = ? AND id < ?))"_s;
        pageValues << timeMs << timeMs << id;
    }
    const int limit = qBound(1, filter.limit, HistoryFilter::MaxLimit);
    pageValues << limit + 1;
    QSqlQuery q(db);
    const QString sql = u"SELECT "_s + kColumns + u" FROM request_history"_s +
                        (pageWhere.isEmpty() ? QString() : u" WHERE "_s + pageWhere.join(u" AND "_s)) +
                        u" ORDER BY ts_ms DESC, id DESC LIMIT ?"_s;
    if (!run(q, sql, pageValues))
        return std::nullopt;
    qint64 lastTime = 0;
    while (q.next()) {
        if (page.rows.size() == limit) {
            page.nextCursor = makeCursor(lastTime, page.rows.constLast().id);
            break;
        }
        HistoryRow row;
        int c = 0;
        row.id = q.value(c++).toLongLong();
        lastTime = q.value(c++).toLongLong();
        RequestRecord &r = row.record;
        r.time = QDateTime::fromMSecsSinceEpoch(lastTime, QTimeZone::utc());
        r.requestId = q.value(c++).toString();
        r.keyName = q.value(c++).toString();
        row.team = q.value(c++).toString();
        r.clientApi = q.value(c++).toString();
        r.method = q.value(c++).toString();
        r.route = q.value(c++).toString();
        r.model = q.value(c++).toString();
        r.servedModel = q.value(c++).toString();
        r.provider = q.value(c++).toString();
        r.endpoint = q.value(c++).toString();
        r.status = q.value(c++).toInt();
        r.attempts = q.value(c++).toInt();
        const QVariant prompt = q.value(c++), completion = q.value(c++), cost = q.value(c++);
        r.promptTokens = prompt.isNull() ? -1 : prompt.toInt();
        r.completionTokens = completion.isNull() ? -1 : completion.toInt();
        r.costUsd = cost.isNull() ? -1 : cost.toDouble();
        r.costEstimated = q.value(c++).toInt() != 0;
        r.latencyMs = q.value(c++).toDouble();
        const QVariant ttft = q.value(c++);
        r.ttftMs = ttft.isNull() ? -1 : ttft.toDouble();
        r.overheadMs = q.value(c++).toDouble();
        r.blockedBy = q.value(c++).toString();
        r.error = q.value(c++).toString();
        r.stream = q.value(c++).toInt() != 0;
        page.rows.append(std::move(row));
    }
    return page;
}

} // namespace llmproxy

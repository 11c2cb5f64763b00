// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/requesthistory.h"

#include "proxycore/store/sqlrow.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <array>
#include <bit>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

const QString kInsertColumns =
    u"INSERT INTO request_history (ts_ms, request_id, key_name, team, client_api, method, route, model, served_model, "
    u"provider, endpoint, status, attempts, prompt_tokens, completion_tokens, cost_usd, cost_estimated, latency_ms, "
    u"ttft_ms, overhead_ms, blocked_by, error, stream) VALUES "_s;
constexpr int kInsertValues = 23;

/// The INSERT of `rows` rows (one statement per power of two, prepared once per connection).
const QString &insertStatement(qsizetype rows)
{
    static const std::array<QString, 8> statements = [] {
        std::array<QString, 8> out;
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = multiRowInsert(kInsertColumns, kInsertValues, qsizetype(1) << i);
        return out;
    }();
    return statements[size_t(std::countr_zero(quint64(rows)))];
}

const QString kColumns = u"id, ts_ms, request_id, key_name, team, client_api, method, route, model, served_model, "
                         u"provider, endpoint, status, attempts, prompt_tokens, completion_tokens, cost_usd, "
                         u"cost_estimated, latency_ms, ttft_ms, overhead_ms, blocked_by, error, stream"_s;

/// Text columns are NOT NULL: a null QString would be bound as NULL, so it goes in as ''.
QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
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

namespace {

/// The values of `r` in the column order of the INSERT, through QtRow or SqliteRow.
template <typename Row> void bindRecord(Row &row, const RequestRecord &r)
{
    row.integer(r.time.toMSecsSinceEpoch());
    row.text(r.requestId);
    row.text(r.keyName);
    row.text(r.team);
    row.text(r.clientApi);
    row.text(r.method);
    row.text(r.route);
    row.text(r.model);
    row.text(r.servedModel);
    row.text(r.provider);
    row.text(r.endpoint);
    row.integer(r.status);
    row.integer(r.attempts);
    row.nullableInteger(r.promptTokens);
    row.nullableInteger(r.completionTokens);
    row.nullableReal(r.costUsd);
    row.integer(r.costEstimated ? 1 : 0);
    row.real(r.latencyMs);
    row.nullableReal(r.ttftMs);
    row.real(r.overheadMs);
    row.text(r.blockedBy);
    row.text(r.error);
    row.integer(r.stream ? 1 : 0);
}

} // namespace

StoreWrite RequestHistory::writeFor(QList<RequestRecord> records)
{
    Q_ASSERT(records.size() <= MaxRowsPerWrite);
    return [records = std::move(records)](WriteContext &context) {
        // Statements of 2^k rows, largest first: 45 rows are one INSERT of 32, then 8, 4 and 1.
        qsizetype done = 0;
        while (done < records.size()) {
            const qsizetype n = multiRowChunk(records.size() - done, qsizetype(1) << 7);
            if (context.dialect() == SqlDialect::Sqlite) {
                // SQLite's own binding: a few times cheaper per row than QSqlQuery's.
                sqlite3_stmt *statement = context.sqlitePrepared(insertStatement(n));
                if (!statement)
                    return false;
                SqliteRow row(statement);
                for (qsizetype i = done; i < done + n; ++i)
                    bindRecord(row, records.at(i));
                if (!context.step(statement))
                    return false;
                done += n;
                continue;
            }
            QSqlQuery *q = context.prepared(insertStatement(n));
            if (!q)
                return false;
            QtRow row(q);
            for (qsizetype i = done; i < done + n; ++i)
                bindRecord(row, records.at(i));
            if (!context.exec(*q))
                return false;
            done += n;
        }
        return true;
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
        r.team = row.team;
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

StoreWrite RequestHistory::bodiesWriteFor(QList<RequestRecord> records)
{
    return [records = std::move(records)](WriteContext &context) {
        for (const RequestRecord &r : records) {
            QSqlQuery *del = context.prepared(u"DELETE FROM request_bodies WHERE request_id = ?"_s);
            if (!del)
                return false;
            del->addBindValue(text(r.requestId));
            if (!context.exec(*del))
                return false;
            QSqlQuery *q = context.prepared(u"INSERT INTO request_bodies (request_id, ts_ms, key_name, request_body, "
                                            u"response_body) VALUES (?, ?, ?, ?, ?)"_s);
            if (!q)
                return false;
            q->addBindValue(text(r.requestId));
            q->addBindValue(r.time.toMSecsSinceEpoch());
            q->addBindValue(text(r.keyName));
            q->addBindValue(text(r.requestBody));
            q->addBindValue(text(r.responseBody));
            if (!context.exec(*q))
                return false;
        }
        return true;
    };
}

std::optional<std::pair<QString, QString>> RequestHistory::bodies(const QString &requestId, QString *error)
{
    error->clear();
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_settings, u"reader"_s);
    if (!m_connection->isOpen() && !m_connection->open(error))
        return std::nullopt;
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT request_body, response_body FROM request_bodies WHERE request_id = ?"_s)) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    q.addBindValue(requestId);
    if (!q.exec()) {
        *error = q.lastError().text().trimmed();
        if (q.lastError().type() == QSqlError::ConnectionError || !m_connection->database().isOpen())
            m_connection->close();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return std::pair{q.value(0).toString(), q.value(1).toString()};
}

} // namespace llmproxy

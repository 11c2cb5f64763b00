// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/endpointstatstable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

const QString kColumns =
    u"instance_id, endpoint, started_ms, updated_ms, requests, failures, success_rate, latency_ms, "
    u"breaker_state, consecutive_failures, breaker_trips, probe, last_probe_ms"_s;

const QString kUpsert =
    u"INSERT INTO endpoint_stats ("_s + kColumns +
    u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (instance_id, endpoint) DO UPDATE SET "
    u"started_ms = excluded.started_ms, updated_ms = excluded.updated_ms, requests = excluded.requests, "
    u"failures = excluded.failures, success_rate = excluded.success_rate, latency_ms = excluded.latency_ms, "
    u"breaker_state = excluded.breaker_state, consecutive_failures = excluded.consecutive_failures, "
    u"breaker_trips = excluded.breaker_trips, probe = excluded.probe, last_probe_ms = excluded.last_probe_ms"_s;

/// `text`, or '' for a null string (the columns are NOT NULL).
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

} // namespace

EndpointStatsRow EndpointStatsRow::of(const EndpointStatus &status, const QString &instanceId, qint64 startedMs,
                                      qint64 nowMs)
{
    EndpointStatsRow row;
    row.instanceId = instanceId;
    row.endpoint = status.id;
    row.startedMs = startedMs;
    row.updatedMs = nowMs;
    row.requests = status.requests;
    row.failures = status.failures;
    row.successRate = status.successRate;
    row.latencyMs = status.latencyMs;
    row.breakerState = status.breakerState;
    row.consecutiveFailures = status.consecutiveFailures;
    row.breakerTrips = status.breakerTrips;
    row.probe = status.probe;
    row.lastProbeMs = status.lastProbeEpochMs;
    return row;
}

StoreWrite EndpointStatsTable::writeFor(QList<EndpointStatsRow> rows)
{
    return [rows = std::move(rows)](WriteContext &context) {
        for (const EndpointStatsRow &r : rows) {
            QSqlQuery *q = context.prepared(kUpsert);
            if (!q)
                return false;
            q->addBindValue(notNull(r.instanceId));
            q->addBindValue(notNull(r.endpoint));
            q->addBindValue(r.startedMs);
            q->addBindValue(r.updatedMs);
            q->addBindValue(qint64(r.requests));
            q->addBindValue(qint64(r.failures));
            q->addBindValue(r.successRate);
            q->addBindValue(r.latencyMs);
            q->addBindValue(notNull(r.breakerState));
            q->addBindValue(r.consecutiveFailures);
            q->addBindValue(qint64(r.breakerTrips));
            q->addBindValue(notNull(r.probe));
            q->addBindValue(r.lastProbeMs > 0 ? QVariant(r.lastProbeMs) : QVariant(QMetaType(QMetaType::LongLong)));
            if (!context.exec(*q))
                return false;
        }
        return true;
    };
}

std::optional<QList<EndpointStatsRow>> EndpointStatsTable::readAll(DatabaseConnection &connection, QString *error)
{
    QSqlQuery q(connection.database());
    if (!q.exec(u"SELECT "_s + kColumns + u" FROM endpoint_stats ORDER BY instance_id, endpoint"_s)) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    QList<EndpointStatsRow> rows;
    while (q.next()) {
        EndpointStatsRow r;
        r.instanceId = q.value(0).toString();
        r.endpoint = q.value(1).toString();
        r.startedMs = q.value(2).toLongLong();
        r.updatedMs = q.value(3).toLongLong();
        r.requests = q.value(4).toULongLong();
        r.failures = q.value(5).toULongLong();
        r.successRate = q.value(6).toDouble();
        r.latencyMs = q.value(7).toDouble();
        r.breakerState = q.value(8).toString();
        r.consecutiveFailures = q.value(9).toInt();
        r.breakerTrips = q.value(10).toULongLong();
        r.probe = q.value(11).toString();
        r.lastProbeMs = q.value(12).isNull() ? 0 : q.value(12).toLongLong();
        rows.append(r);
    }
    return rows;
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"
#include "proxycore/store/storewriter.h"

#include <QList>
#include <QString>

#include <optional>

namespace llmproxy {

/// One row of `endpoint_stats` (docs/storage.md#endpoint_stats): what one gateway knew of one endpoint
/// when it last wrote. Counters count since that gateway started (`startedMs`).
struct EndpointStatsRow
{
    QString instanceId;   ///< the gateway: "<host> <listen URL>"
    QString endpoint;     ///< the endpoint id
    qint64 startedMs = 0; ///< when the gateway started (the counters' origin), ms since the epoch
    qint64 updatedMs = 0; ///< when the row was written, ms since the epoch
    quint64 requests = 0; ///< requests answered by the endpoint (successes and failures)
    quint64 failures = 0;
    double successRate = 1;      ///< moving average in [0, 1]
    double latencyMs = 0;        ///< moving average of successful requests; 0 before the first
    QString breakerState;        ///< "closed", "open", "half_open"
    int consecutiveFailures = 0; ///< failures in a row the breaker has counted
    quint64 breakerTrips = 0;    ///< times the breaker opened
    QString probe;               ///< last health check: "unknown", "healthy", "unhealthy", "off"
    qint64 lastProbeMs = 0;      ///< when it ended, ms since the epoch; 0 = none

    /// The row of `status` (an enabled, routed endpoint) for `instanceId` at `nowMs`.
    static EndpointStatsRow of(const EndpointStatus &status, const QString &instanceId, qint64 startedMs, qint64 nowMs);
};

/// The breaker and traffic statistics of every routed endpoint, written periodically by the engine so
/// that they can be read after the process is gone or across gateways. Each gateway keeps one row per
/// endpoint (its primary key is (instance_id, endpoint)), replaced on each write. Nothing reads them
/// back into the breakers (docs/storage.md#endpoint_stats says why).
class EndpointStatsTable
{
public:
    /// A write (for Store::enqueue) replacing the rows of `rows`; safe to apply again.
    static StoreWrite writeFor(QList<EndpointStatsRow> rows);
    /// Every row, by instance and endpoint; nullopt with `error` when the database cannot answer.
    static std::optional<QList<EndpointStatsRow>> readAll(DatabaseConnection &connection, QString *error);
};

} // namespace llmproxy

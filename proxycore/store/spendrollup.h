// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/observability/requestrecord.h"
#include "proxycore/store/storewriter.h"

#include <QDate>
#include <QHash>
#include <QTimeZone>

#include <array>
#include <map>
#include <memory>
#include <optional>

namespace llmproxy {

/// The dimensions spend is rolled up by, in spend_daily's key order.
enum class SpendDimension { Day, Key, Team, Model, Provider, Endpoint };

/// The group of one spend_daily row: day ('YYYY-MM-DD' in the budget's zone), key name, team,
/// model (the served model, else the one asked for), provider, endpoint; '' where unknown.
using SpendGroup = std::array<QString, 6>;

/// What one group adds up to.
struct SpendAmounts
{
    qint64 requests = 0;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double costUsd = 0.0;          ///< every priced request, estimates included
    double estimatedCostUsd = 0.0; ///< the part of costUsd that is estimated (no usage reported)

    /// Adds `other` to this.
    void add(const SpendAmounts &other);
};

/// Groups summed in memory, one entry per distinct group.
using SpendGroups = std::map<SpendGroup, SpendAmounts>;

/// What GET /api/v1/analytics/spend asks: an inclusive range of days and one or two dimensions.
struct SpendQuery
{
    QDate from;                    ///< inclusive
    QDate to;                      ///< inclusive
    QList<SpendDimension> groupBy; ///< one or two, in the order asked
};

/// One answer row: the values of the asked dimensions (same order) and their sums.
struct SpendRow
{
    QStringList values;
    SpendAmounts amounts;
};

/// The spend rollups (table spend_daily, docs/storage.md#spend_daily): the upsert of a batch of
/// finished requests, summed per group in memory first, and the queries of the analytics API.
/// The upsert adds to a row (`SET x = spend_daily.x + excluded.x`), so several gateways writing to
/// one database add up exactly. Queries use a connection of their own on the thread that first
/// queries (the store's reader thread), like RequestHistory.
class SpendRollup
{
public:
    explicit SpendRollup(DatabaseSettings settings);
    ~SpendRollup();
    SpendRollup(const SpendRollup &) = delete;
    SpendRollup &operator=(const SpendRollup &) = delete;

    /// The dimension named `name` (day, key, team, model, provider, endpoint); nullopt otherwise.
    static std::optional<SpendDimension> dimensionNamed(QStringView name);
    /// The name of `dimension`, as the API reads and answers it.
    static QString dimensionName(SpendDimension dimension);

    /// `records` summed per group, the day taken in `zone` from each record's arrival time.
    static SpendGroups aggregate(const QList<RequestRecord> &records, const QTimeZone &zone);
    /// The write that adds `groups` to spend_daily: one upsert per group, in the writer's
    /// transaction. Safe to apply again after a rollback.
    static StoreWrite writeFor(SpendGroups groups);
    /// Runs that upsert for `groups` on `connection` (outside the writer: the budget.json import).
    static bool addNow(DatabaseConnection &connection, const SpendGroups &groups, QString *error);
    /// The cost of `day` over every group, on `connection`. nullopt with `error` when it cannot be read.
    static std::optional<double> dayCost(DatabaseConnection &connection, const QDate &day, QString *error);

    /// The cost of one key or team (`team` false: key_name) on `today` and from `monthStart` to
    /// `today` (both inclusive), by name; groups with an empty name are left out.
    struct ScopeCost
    {
        double dayUsd = 0.0;
        double monthUsd = 0.0;
    };
    static std::optional<QHash<QString, ScopeCost>>
    scopeCosts(DatabaseConnection &connection, bool team, const QDate &monthStart, const QDate &today, QString *error);

    /// Rows of `query`, ordered by the asked dimensions. Reader thread; nullopt with `error` when
    /// the database cannot answer.
    std::optional<QList<SpendRow>> query(const SpendQuery &query, QString *error);
    /// The cost per day of [from, to] (days without spend are absent). Reader thread.
    std::optional<std::map<QDate, double>> dailyCost(const QDate &from, const QDate &to, QString *error);
    /// Closes the connection (on the thread that opened it); the next query opens a new one.
    void close();

private:
    /// The reader connection, opened on first use; nullptr with `error` when it cannot be.
    DatabaseConnection *connection(QString *error);

    DatabaseSettings m_settings;
    std::unique_ptr<DatabaseConnection> m_connection;
};

} // namespace llmproxy

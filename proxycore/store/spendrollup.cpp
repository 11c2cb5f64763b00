// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/spendrollup.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

const QString kUpsert =
    u"INSERT INTO spend_daily (day, key_name, team, model, provider, endpoint, requests, prompt_tokens, "
    u"completion_tokens, cost_usd, estimated_cost_usd) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    u"ON CONFLICT (day, key_name, team, model, provider, endpoint) DO UPDATE SET "
    u"requests = spend_daily.requests + excluded.requests, "
    u"prompt_tokens = spend_daily.prompt_tokens + excluded.prompt_tokens, "
    u"completion_tokens = spend_daily.completion_tokens + excluded.completion_tokens, "
    u"cost_usd = spend_daily.cost_usd + excluded.cost_usd, "
    u"estimated_cost_usd = spend_daily.estimated_cost_usd + excluded.estimated_cost_usd"_s;

/// The API's names and spend_daily's columns, in SpendDimension order.
constexpr std::array<QStringView, 6> kNames = {u"day", u"key", u"team", u"model", u"provider", u"endpoint"};
constexpr std::array<QStringView, 6> kColumns = {u"day", u"key_name", u"team", u"model", u"provider", u"endpoint"};

QString text(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

void bindUpsert(QSqlQuery &q, const SpendGroup &group, const SpendAmounts &a)
{
    for (const QString &value : group)
        q.addBindValue(text(value));
    q.addBindValue(a.requests);
    q.addBindValue(a.promptTokens);
    q.addBindValue(a.completionTokens);
    q.addBindValue(a.costUsd);
    q.addBindValue(a.estimatedCostUsd);
}

/// Runs a prepared query with `values`; false with `error` when it fails.
bool run(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text().trimmed();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text().trimmed();
        return false;
    }
    return true;
}

} // namespace

void SpendAmounts::add(const SpendAmounts &other)
{
    requests += other.requests;
    promptTokens += other.promptTokens;
    completionTokens += other.completionTokens;
    costUsd += other.costUsd;
    estimatedCostUsd += other.estimatedCostUsd;
}

SpendRollup::SpendRollup(DatabaseSettings settings) : m_settings(std::move(settings)) {}

SpendRollup::~SpendRollup() = default;

std::optional<SpendDimension> SpendRollup::dimensionNamed(QStringView name)
{
    for (size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name)
            return SpendDimension(i);
    }
    return std::nullopt;
}

QString SpendRollup::dimensionName(SpendDimension dimension)
{
    return kNames[size_t(dimension)].toString();
}

SpendGroups SpendRollup::aggregate(const QList<RequestRecord> &records, const QTimeZone &zone)
{
    SpendGroups groups;
    for (const RequestRecord &r : records) {
        // Admin, health and other calls outside the inference APIs spend nothing and are left out.
        if (r.clientApi.isEmpty() && r.costUsd <= 0)
            continue;
        const QString day = r.time.toTimeZone(zone).date().toString(Qt::ISODate);
        const SpendGroup group{day,
                               text(r.keyName),
                               text(r.team),
                               text(r.servedModel.isEmpty() ? r.model : r.servedModel),
                               text(r.provider),
                               text(r.endpoint)};
        SpendAmounts a;
        a.requests = 1;
        a.promptTokens = qMax(r.promptTokens, 0);
        a.completionTokens = qMax(r.completionTokens, 0);
        a.costUsd = r.costUsd > 0 ? r.costUsd : 0.0;
        a.estimatedCostUsd = r.costEstimated ? a.costUsd : 0.0;
        groups[group].add(a);
    }
    return groups;
}

StoreWrite SpendRollup::writeFor(SpendGroups groups)
{
    return [groups = std::move(groups)](WriteContext &context) {
        for (const auto &[group, amounts] : groups) {
            QSqlQuery *q = context.prepared(kUpsert);
            if (!q)
                return false;
            bindUpsert(*q, group, amounts);
            if (!context.exec(*q))
                return false;
        }
        return true;
    };
}

bool SpendRollup::addNow(DatabaseConnection &connection, const SpendGroups &groups, QString *error)
{
    for (const auto &[group, amounts] : groups) {
        QSqlQuery q(connection.database());
        if (!q.prepare(kUpsert)) {
            *error = q.lastError().text().trimmed();
            return false;
        }
        bindUpsert(q, group, amounts);
        if (!q.exec()) {
            *error = q.lastError().text().trimmed();
            return false;
        }
    }
    return true;
}

std::optional<double> SpendRollup::dayCost(DatabaseConnection &connection, const QDate &day, QString *error)
{
    QSqlQuery q(connection.database());
    if (!run(q, u"SELECT SUM(cost_usd) FROM spend_daily WHERE day = ?"_s, {day.toString(Qt::ISODate)}, error))
        return std::nullopt;
    if (!q.next()) {
        *error = u"no answer to the sum of the day's cost"_s;
        return std::nullopt;
    }
    return q.value(0).isNull() ? 0.0 : q.value(0).toDouble();
}

std::optional<QHash<QString, SpendRollup::ScopeCost>> SpendRollup::scopeCosts(DatabaseConnection &connection, bool team,
                                                                              const QDate &monthStart,
                                                                              const QDate &today, QString *error)
{
    const QString column = team ? u"team"_s : u"key_name"_s;
    QSqlQuery q(connection.database());
    // Days are 'YYYY-MM-DD': their text order is their calendar order.
    if (!run(q,
             u"SELECT %1, day, SUM(cost_usd) FROM spend_daily WHERE day >= ? AND day <= ? AND %1 <> '' "
             u"GROUP BY %1, day"_s.arg(column),
             {monthStart.toString(Qt::ISODate), today.toString(Qt::ISODate)}, error))
        return std::nullopt;
    const QString todayText = today.toString(Qt::ISODate);
    QHash<QString, ScopeCost> costs;
    while (q.next()) {
        ScopeCost &cost = costs[q.value(0).toString()];
        const double usd = q.value(2).isNull() ? 0.0 : q.value(2).toDouble();
        cost.monthUsd += usd;
        if (q.value(1).toString() == todayText)
            cost.dayUsd += usd;
    }
    return costs;
}

DatabaseConnection *SpendRollup::connection(QString *error)
{
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_settings, u"reader"_s);
    if (!m_connection->isOpen() && !m_connection->open(error))
        return nullptr;
    return m_connection.get();
}

std::optional<QList<SpendRow>> SpendRollup::query(const SpendQuery &query, QString *error)
{
    DatabaseConnection *c = connection(error);
    if (!c)
        return std::nullopt;
    QStringList columns;
    for (SpendDimension d : query.groupBy)
        columns << kColumns[size_t(d)].toString();
    const QString grouped = columns.join(u", "_s);
    const QString sql = u"SELECT "_s + (columns.isEmpty() ? QString() : grouped + u", "_s) +
                        u"SUM(requests), SUM(prompt_tokens), SUM(completion_tokens), SUM(cost_usd), "
                        u"SUM(estimated_cost_usd) FROM spend_daily WHERE day >= ? AND day <= ?"_s +
                        (columns.isEmpty() ? QString() : u" GROUP BY "_s + grouped + u" ORDER BY "_s + grouped);
    QSqlQuery q(c->database());
    if (!run(q, sql, {query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate)}, error)) {
        // A broken connection (a restarted server) is opened anew by the next query.
        if (q.lastError().type() == QSqlError::ConnectionError || !c->database().isOpen())
            c->close();
        return std::nullopt;
    }
    QList<SpendRow> rows;
    const auto n = int(columns.size());
    while (q.next()) {
        if (q.value(n).isNull())
            continue; // the one row of an ungrouped sum over nothing
        SpendRow row;
        for (int i = 0; i < n; ++i)
            row.values << q.value(i).toString();
        // PostgreSQL answers SUM of a BIGINT as NUMERIC: read through its text.
        row.amounts.requests = q.value(n).toString().toLongLong();
        row.amounts.promptTokens = q.value(n + 1).toString().toLongLong();
        row.amounts.completionTokens = q.value(n + 2).toString().toLongLong();
        row.amounts.costUsd = q.value(n + 3).toDouble();
        row.amounts.estimatedCostUsd = q.value(n + 4).toDouble();
        rows.append(row);
    }
    return rows;
}

std::optional<std::map<QDate, double>> SpendRollup::dailyCost(const QDate &from, const QDate &to, QString *error)
{
    SpendQuery byDay;
    byDay.from = from;
    byDay.to = to;
    byDay.groupBy = {SpendDimension::Day};
    const std::optional<QList<SpendRow>> rows = query(byDay, error);
    if (!rows)
        return std::nullopt;
    std::map<QDate, double> out;
    for (const SpendRow &row : *rows)
        out[QDate::fromString(row.values.value(0), Qt::ISODate)] = row.amounts.costUsd;
    return out;
}

void SpendRollup::close()
{
    m_connection.reset();
}

} // namespace llmproxy

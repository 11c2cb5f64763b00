// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/api/analyticsapi.h"

#include "proxycore/api/historyapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// The days before today the forecast averages.
constexpr int kAverageDays = 7;
/// The days before today the spend forecast's second average covers.
constexpr int kLongAverageDays = 30;
/// The longest range one answer covers.
constexpr qint64 kMaxRangeDays = 3660;

ApiError invalid(const QString &message, const QByteArray &param)
{
    return ApiError::invalidRequest(message, QByteArrayLiteral("invalid_parameter"), param);
}

QJsonObject amountsJson(const SpendAmounts &a)
{
    return {{u"requests"_s, a.requests},
            {u"prompt_tokens"_s, a.promptTokens},
            {u"completion_tokens"_s, a.completionTokens},
            {u"cost_usd"_s, a.costUsd},
            {u"estimated_cost_usd"_s, a.estimatedCostUsd}};
}

QString stateName(BudgetLedger::State state)
{
    switch (state) {
    case BudgetLedger::State::Ok:
        return u"ok"_s;
    case BudgetLedger::State::Soft:
        return u"soft_limit"_s;
    case BudgetLedger::State::Exhausted:
        return u"exhausted"_s;
    }
    return u"ok"_s;
}

QJsonValue limitJson(double usd)
{
    return usd > 0 ? QJsonValue(usd) : QJsonValue();
}

} // namespace

std::optional<SpendQuery> parseSpendQuery(const QByteArray &query, const QDate &today, ApiError *error)
{
    SpendQuery q;
    q.to = today;
    q.from = today.addDays(-29);
    q.groupBy = {SpendDimension::Day};
    const auto refuse = [error](const QString &message, const QByteArray &param) -> std::optional<SpendQuery> {
        *error = invalid(message, param);
        return std::nullopt;
    };
    bool fromGiven = false;
    for (const auto &[name, value] : queryParameters(query)) {
        if (name == "from" || name == "to") {
            const QDate day = QDate::fromString(value, Qt::ISODate);
            if (!day.isValid() || value.size() != 10)
                return refuse(u"'%1' must be a date as YYYY-MM-DD, got '%2'."_s.arg(QString::fromLatin1(name), value),
                              name);
            (name == "from" ? q.from : q.to) = day;
            fromGiven = fromGiven || name == "from";
        } else if (name == "group_by") {
            q.groupBy.clear();
            const QStringList names = value.split(u',', Qt::SkipEmptyParts);
            if (names.isEmpty() || names.size() > 2)
                return refuse(u"'group_by' must be one or two of day, key, team, model, provider, endpoint, "
                              u"comma-separated, got '%1'."_s.arg(value),
                              name);
            for (const QString &n : names) {
                const std::optional<SpendDimension> d = SpendRollup::dimensionNamed(n.trimmed());
                if (!d)
                    return refuse(u"'group_by': unknown dimension '%1'; use day, key, team, model, provider or "
                                  u"endpoint."_s.arg(n.trimmed()),
                                  name);
                if (q.groupBy.contains(*d))
                    return refuse(u"'group_by' names '%1' twice."_s.arg(n.trimmed()), name);
                q.groupBy << *d;
            }
        } else {
            return refuse(u"Unknown parameter '%1'; use from, to or group_by."_s.arg(QString::fromUtf8(name)), name);
        }
    }
    if (!fromGiven && q.to != today)
        q.from = q.to.addDays(-29);
    if (q.from > q.to)
        return refuse(
            u"'from' (%1) is after 'to' (%2)."_s.arg(q.from.toString(Qt::ISODate), q.to.toString(Qt::ISODate)),
            QByteArrayLiteral("from"));
    if (q.from.daysTo(q.to) >= kMaxRangeDays)
        return refuse(u"The range from 'from' to 'to' may cover at most %1 days."_s.arg(kMaxRangeDays),
                      QByteArrayLiteral("from"));
    return q;
}

QJsonObject spendJson(const SpendQuery &query, const QList<SpendRow> &rows)
{
    QJsonArray out;
    QJsonArray dimensions;
    for (SpendDimension d : query.groupBy)
        dimensions.append(SpendRollup::dimensionName(d));
    SpendAmounts totals;
    for (const SpendRow &row : rows) {
        QJsonObject o = amountsJson(row.amounts);
        for (qsizetype i = 0; i < query.groupBy.size(); ++i)
            o.insert(SpendRollup::dimensionName(query.groupBy.at(i)), row.values.value(i));
        out.append(o);
        totals.add(row.amounts);
    }
    return {{u"from"_s, query.from.toString(Qt::ISODate)},
            {u"to"_s, query.to.toString(Qt::ISODate)},
            {u"group_by"_s, dimensions},
            {u"rows"_s, out},
            {u"totals"_s, amountsJson(totals)}};
}

QDate budgetHistoryStart(const QDate &today)
{
    return std::min(QDate(today.year(), today.month(), 1), today.addDays(-kAverageDays));
}

QJsonObject budgetJson(const BudgetLedger::Status &status, const QTimeZone &zone,
                       const std::map<QDate, double> &dailyCost, const QList<BudgetWindowStatus> &windows,
                       const SharedBudgets *shared)
{
    const QDate today = BudgetLedger::dateAt(status.nowEpochMs, zone);
    const QDate monthStart(today.year(), today.month(), 1);
    double monthToDate = status.spentUsd;
    double lastDays = 0.0;
    for (const auto &[day, cost] : dailyCost) {
        if (day >= monthStart && day < today)
            monthToDate += cost;
        if (day >= today.addDays(-kAverageDays) && day < today)
            lastDays += cost;
    }
    const double average = lastDays / kAverageDays;
    const qint64 daysLeft = today.daysTo(QDate(today.year(), today.month(), today.daysInMonth()));
    const auto iso = [&zone](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate); };
    QJsonArray scopes{QJsonObject{{u"kind"_s, u"global"_s},
                                  {u"name"_s, QJsonValue()},
                                  {u"window"_s, u"daily"_s},
                                  {u"start"_s, today.toString(Qt::ISODate)},
                                  {u"spent_usd"_s, status.spentUsd},
                                  {u"reserved_usd"_s, 0.0},
                                  {u"limit_usd"_s, limitJson(status.dailyLimitUsd)},
                                  {u"soft_limit_usd"_s, limitJson(status.softLimitUsd)},
                                  {u"state"_s, stateName(status.state)},
                                  {u"resets_at"_s, iso(status.resetsAtEpochMs)}}};
    for (const BudgetWindowStatus &w : windows) {
        const char16_t *state = w.limitNano > 0 && w.spentNano >= w.limitNano ? u"exhausted"
                                : w.softNano > 0 && w.spentNano >= w.softNano ? u"soft_limit"
                                                                              : u"ok";
        scopes.append(QJsonObject{{u"kind"_s, w.scope.kindName()},
                                  {u"name"_s, w.scope.name},
                                  {u"window"_s, w.window == BudgetWindow::Daily ? u"daily"_s : u"monthly"_s},
                                  {u"start"_s, w.start.toString(Qt::ISODate)},
                                  {u"spent_usd"_s, ScopeBudgets::toUsd(w.spentNano)},
                                  {u"reserved_usd"_s, ScopeBudgets::toUsd(w.reservedNano)},
                                  {u"limit_usd"_s, limitJson(ScopeBudgets::toUsd(w.limitNano))},
                                  {u"soft_limit_usd"_s, limitJson(ScopeBudgets::toUsd(w.softNano))},
                                  {u"state"_s, QString::fromUtf16(state)},
                                  {u"resets_at"_s, iso(w.resetsAtMs)}});
        const SharedWindowTotals t = shared ? shared->totals(w.scope, w.window, w.start) : SharedWindowTotals{};
        if (t.seenAtMs > 0) {
            QJsonObject entry = scopes.last().toObject();
            entry.insert(u"shared"_s, QJsonObject{{u"spent_usd"_s, ScopeBudgets::toUsd(t.spentNano)},
                                                  {u"reserved_usd"_s, ScopeBudgets::toUsd(t.reservedNano)},
                                                  {u"as_of"_s, iso(t.seenAtMs)}});
            scopes.replace(scopes.size() - 1, entry);
        }
    }
    QJsonObject answer{
        {u"scopes"_s, scopes},
        {u"date"_s, today.toString(Qt::ISODate)},
        {u"timezone"_s, status.timeZone},
        {u"spent_today_usd"_s, status.spentUsd},
        {u"daily_limit_usd"_s, limitJson(status.dailyLimitUsd)},
        {u"soft_limit_usd"_s, limitJson(status.softLimitUsd)},
        {u"state"_s, stateName(status.state)},
        {u"now"_s, iso(status.nowEpochMs)},
        {u"resets_at"_s, iso(status.resetsAtEpochMs)},
        {u"forecast"_s,
         QJsonObject{{u"month"_s, today.toString(u"yyyy-MM"_s)},
                     {u"month_to_date_usd"_s, monthToDate},
                     {u"average_daily_usd"_s, average},
                     {u"average_days"_s, kAverageDays},
                     {u"days_left"_s, daysLeft},
                     {u"month_end_usd"_s, monthToDate + average * double(daysLeft)},
                     {u"method"_s, u"month to date plus the average of the 7 days before today for each day left"_s}}},
    };
    if (shared)
        answer.insert(u"shared_budgets"_s, true);
    return answer;
}

QJsonObject endpointStatsJson(const QList<EndpointStatsRow> &rows)
{
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
    };
    QJsonArray out;
    for (const EndpointStatsRow &r : rows) {
        out.append(
            QJsonObject{{u"instance_id"_s, r.instanceId},
                        {u"endpoint"_s, r.endpoint},
                        {u"started_at"_s, iso(r.startedMs)},
                        {u"updated_at"_s, iso(r.updatedMs)},
                        {u"requests"_s, qint64(r.requests)},
                        {u"failures"_s, qint64(r.failures)},
                        {u"success_rate"_s, r.successRate},
                        {u"latency_ms"_s, r.latencyMs},
                        {u"breaker_state"_s, r.breakerState},
                        {u"consecutive_failures"_s, r.consecutiveFailures},
                        {u"breaker_trips"_s, qint64(r.breakerTrips)},
                        {u"probe"_s, r.probe},
                        {u"last_probe_at"_s, r.lastProbeMs > 0 ? QJsonValue(iso(r.lastProbeMs)) : QJsonValue()}});
    }
    return {{u"rows"_s, out}};
}

QDate forecastHistoryStart(const QDate &today)
{
    return std::min(QDate(today.year(), today.month(), 1), today.addDays(-kLongAverageDays));
}

QJsonObject forecastJson(const std::map<QDate, double> &dailyCost, qint64 nowEpochMs, const QTimeZone &zone)
{
    const QDate today = BudgetLedger::dateAt(nowEpochMs, zone);
    const QDate monthStart(today.year(), today.month(), 1);
    const qint64 dayStart = today.startOfDay(zone).toMSecsSinceEpoch();
    const qint64 dayLength = today.addDays(1).startOfDay(zone).toMSecsSinceEpoch() - dayStart; // 23–25 hours
    const double elapsed = std::clamp(double(nowEpochMs - dayStart) / double(qMax<qint64>(1, dayLength)), 0.0, 1.0);
    double spentToday = 0.0, monthBefore = 0.0, lastWeek = 0.0, lastMonth = 0.0;
    for (const auto &[day, cost] : dailyCost) {
        if (day == today)
            spentToday += cost;
        if (day >= today)
            continue;
        if (day >= monthStart)
            monthBefore += cost;
        if (day >= today.addDays(-kAverageDays))
            lastWeek += cost;
        if (day >= today.addDays(-kLongAverageDays))
            lastMonth += cost;
    }
    const double weekAverage = lastWeek / kAverageDays;
    const double monthAverage = lastMonth / kLongAverageDays;
    // An hour's spend is too little to extrapolate a day from: until then, the week's average.
    const bool rateFromToday = elapsed >= 1.0 / 24.0;
    const double rate = rateFromToday ? spentToday / elapsed : weekAverage;
    const double todayEnd = spentToday + rate * (1.0 - elapsed);
    const qint64 daysLeft = today.daysTo(QDate(today.year(), today.month(), today.daysInMonth()));
    return {
        {u"date"_s, today.toString(Qt::ISODate)},
        {u"timezone"_s, QString::fromUtf8(zone.id())},
        {u"now"_s, QDateTime::fromMSecsSinceEpoch(nowEpochMs, zone).toString(Qt::ISODate)},
        {u"day_elapsed"_s, elapsed},
        {u"today"_s, QJsonObject{{u"spent_usd"_s, spentToday},
                                 {u"rate_usd_per_day"_s, rate},
                                 {u"rate_from"_s, rateFromToday ? u"today"_s : u"average_7_days"_s},
                                 {u"projected_usd"_s, todayEnd}}},
        {u"averages"_s, QJsonObject{{u"last_7_days_usd"_s, weekAverage}, {u"last_30_days_usd"_s, monthAverage}}},
        {u"month"_s,
         QJsonObject{{u"month"_s, today.toString(u"yyyy-MM"_s)},
                     {u"to_date_usd"_s, monthBefore + spentToday},
                     {u"days_left"_s, daysLeft},
                     {u"projected_usd"_s, monthBefore + todayEnd + weekAverage * double(daysLeft)},
                     {u"projected_usd_30_days"_s, monthBefore + todayEnd + monthAverage * double(daysLeft)}}},
        {u"method"_s,
         u"today: spent so far plus today's rate (the 7-day average during the first hour) for the rest of "
         u"the day; month: the month so far, today's projection, and the 7-day (or 30-day) daily average "
         u"for each day left"_s},
    };
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/budget.h"
#include "proxycore/cost/scopebudget.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/store/endpointstatstable.h"
#include "proxycore/store/sharedbudgets.h"
#include "proxycore/store/spendrollup.h"

#include <QJsonObject>

#include <map>
#include <optional>

namespace llmproxy {

/// Reads the query string of GET /api/v1/analytics/spend: from, to (YYYY-MM-DD, inclusive; by
/// default the 30 days ending `today`), group_by (one or two of day, key, team, model, provider,
/// endpoint, comma-separated; default day). nullopt with a 400 in `error` for a value it cannot
/// read or an unknown parameter.
std::optional<SpendQuery> parseSpendQuery(const QByteArray &query, const QDate &today, ApiError *error);

/// The answer of GET /api/v1/analytics/spend: {"from", "to", "group_by", "rows": [{<dimension>:
/// value, ..., "requests", "prompt_tokens", "completion_tokens", "cost_usd",
/// "estimated_cost_usd"}], "totals": {...}}.
QJsonObject spendJson(const SpendQuery &query, const QList<SpendRow> &rows);

/// The answer of GET /api/v1/analytics/budget: today's spend, limits and state from `status`,
/// resets_at in `zone` (ISO 8601 with its offset), and a month-end forecast: the month's cost so
/// far (`dailyCost` of the days before today, plus today's spend from `status`) and the average of
/// the 7 days before today for each day left after today. `dailyCost` holds spend_daily's cost per
/// day from the first of the month or 7 days back, whichever is earlier, to yesterday. `scopes`
/// lists every budget: the global daily one first, then each window of the keys' and teams'
/// budgets (`windows`), with spent, reserved, limits, state and resets_at. With `shared` (the
/// budgets shared by the gateways on the database), `"shared_budgets": true` and, on each window a
/// reservation there has met, `"shared": {"spent_usd", "reserved_usd", "as_of"}`: every gateway's
/// spend and live holds as that reservation saw them.
QJsonObject budgetJson(const BudgetLedger::Status &status, const QTimeZone &zone,
                       const std::map<QDate, double> &dailyCost, const QList<BudgetWindowStatus> &windows = {},
                       const SharedBudgets *shared = nullptr);

/// The answer of GET /api/v1/analytics/endpoints: `{"rows":[{"instance_id","endpoint","started_at",
/// "updated_at","requests","failures","success_rate","latency_ms","breaker_state",
/// "consecutive_failures","breaker_trips","probe","last_probe_at"}]}`, times in UTC (ISO 8601),
/// last_probe_at null when there was none.
QJsonObject endpointStatsJson(const QList<EndpointStatsRow> &rows);

/// The first day `budgetJson()` needs in `dailyCost` for `today`.
QDate budgetHistoryStart(const QDate &today);

/// The answer of GET /api/v1/analytics/forecast: projected spend to the end of today and of the month
/// in `zone`, from spend_daily's cost per day (`dailyCost`, from forecastHistoryStart() to today,
/// today's row so far included). Method (docs/storage.md#spend-forecast): today's rate is today's cost
/// so far divided by the part of the day elapsed, once at least an hour has; before that, the average
/// of the 7 days before today. End of today = spent today + rate × part of the day left. End of month
/// = the month's days before today + end of today + the days left after today × the 7-day average
/// (and, as a second figure, × the 30-day average). Days without rows count as 0.
QJsonObject forecastJson(const std::map<QDate, double> &dailyCost, qint64 nowEpochMs, const QTimeZone &zone);

/// The first day `forecastJson()` needs in `dailyCost` for `today`.
QDate forecastHistoryStart(const QDate &today);

} // namespace llmproxy

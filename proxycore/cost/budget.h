// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/formats/canonical.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <QTimeZone>

#include <mutex>
#include <span>

namespace llmproxy {

/// One row of the compiled-in price table (USD per million tokens).
struct BuiltInPrice
{
    QStringView model; ///< lower case; also matched as a prefix ("gpt-4o" prices "gpt-4o-2024-08-06")
    double inputPerMtok;
    double outputPerMtok;
    qint64 maxOutputTokens = 0; ///< the model's output limit per request; 0 = not listed
};

/// The compiled-in price table, in source order. Prices change: `pricing:` in config.yaml overrides
/// any row, and docs/configuration.md says how.
std::span<const BuiltInPrice> builtInPrices();

/// Where a price came from.
enum class PriceSource {
    Configured,   ///< the `pricing:` section, by exact name or prefix
    BuiltIn,      ///< the compiled-in table, by exact name or prefix
    EndpointHint, ///< the endpoint's cost_per_mtok (input price; output assumed 4 × input)
    Local,        ///< a model server on the user's machine (Ollama, LM Studio, vLLM, llama.cpp): free
    Default,      ///< nothing known: $1 in / $3 out
};

/// The result of a price lookup.
struct PriceQuote
{
    ModelPrice price;
    PriceSource source = PriceSource::Default;
    QString matchedModel; ///< the table or `pricing:` key that matched (lower case); empty otherwise
    /// True when the price is a guess (the default, or an output price inferred from
    /// cost_per_mtok), so that logs and reports can say the cost is estimated.
    bool isEstimated() const { return source == PriceSource::Default || source == PriceSource::EndpointHint; }
};

/// Model prices: the `pricing:` overrides of one configuration over the compiled-in table.
/// Immutable after construction; lookups are const and safe from any thread.
///
/// Lookup order for a model (names compared case-insensitively):
///  1. exact name in `pricing:`, then exact name in the built-in table;
///  2. the longest name in either that the model starts with ("gpt-4o-mini-x" → gpt-4o-mini rather
///     than gpt-4o; on equal length `pricing:` wins);
///  3. the endpoint's cost_per_mtok when it is above 0 (output priced at 4 × input, estimated);
///  4. a local provider (ollama, lmstudio, vllm, llamacpp): free;
///  5. $1 in / $3 out, estimated.
/// For a local provider the built-in table is skipped: a local server may serve an open-weights
/// model under the name a hosted service prices, and it still costs nothing. `pricing:` and
/// cost_per_mtok still apply to local endpoints, for those who want to account for them.
class PriceTable
{
public:
    explicit PriceTable(const QMap<QString, ModelPrice> &overrides = {});

    /// `provider` is the serving endpoint's provider name (see providers/providerpreset.h);
    /// `costPerMtokHint` its cost_per_mtok (0 = not given).
    PriceQuote lookup(QStringView model, QStringView provider = {}, double costPerMtokHint = 0.0) const;

private:
    struct Row
    {
        QString model; ///< lower case
        ModelPrice price;
        bool configured;
    };
    QList<Row> m_rows; ///< longest name first; configured before built-in on equal length
};

/// Price of a request in USD. `inputTokens` is the whole input including the cached part (the
/// canonical::Usage meaning); `cachedInputTokens` of it are billed at 10 % of the input price (the
/// common cache-read discount; cache writes count as ordinary input). Negative counts count as 0
/// and the cached part is capped at `inputTokens`.
double costUsd(const ModelPrice &price, qint64 inputTokens, qint64 cachedInputTokens, qint64 outputTokens);
/// The same for a response's usage: input, cache reads and output; absent counts are 0.
double costUsd(const ModelPrice &price, const canonical::Usage &usage);

/// The zone of budget.timezone `name` (empty or unknown: UTC); `id` receives the name used.
QTimeZone budgetTimeZone(const QString &name, QString *id = nullptr);

/// Today's spend against the daily budget, for the whole process.
///
/// The day is the calendar day of the configured time zone (budget.timezone, UTC by default): the
/// first charge or query at or after the zone's next midnight sees a new day that starts at 0. Days
/// of a daylight-saving change last 23 or 25 hours; a midnight the zone skips starts the day at its
/// first moment. Amounts are kept as integer nano-dollars, so concurrent charges add up exactly.
/// Every member may be called from any thread; each takes one short mutex (charges happen once per
/// request, at its end). Time is passed in (milliseconds since the Unix epoch), so tests need no
/// clock. The ledger itself keeps nothing on disk: the store's spend_daily table (or BudgetFile,
/// budgetfile.h, without a store) restores the day's total so a restart does not start it again at 0.
class BudgetLedger
{
public:
    enum class State {
        Ok,
        Soft,      ///< at or above soft_limit (when soft_limit > 0), below daily_limit
        Exhausted, ///< at or above daily_limit (when daily_limit > 0)
    };

    /// Everything a decision or a report needs, taken at one instant.
    struct Status
    {
        State state = State::Ok;
        double spentUsd = 0.0;
        double dailyLimitUsd = 0.0; ///< 0 = unlimited
        double softLimitUsd = 0.0;  ///< 0 = none
        qint64 nowEpochMs = 0;
        qint64 resetsAtEpochMs = 0;               ///< next midnight of the zone
        QString timeZone = QStringLiteral("UTC"); ///< the zone's IANA name, for messages
    };

    /// What a charge changed; `before != after` marks the charge that crossed a limit (exactly one
    /// charge per day sees each crossing, whatever the threads).
    struct Charged
    {
        State before = State::Ok;
        State after = State::Ok;
        double spentTodayUsd = 0.0;
    };

    BudgetLedger() = default;
    explicit BudgetLedger(const BudgetConfig &config) { configure(config); }
    BudgetLedger(const BudgetLedger &) = delete;
    BudgetLedger &operator=(const BudgetLedger &) = delete;

    /// New limits and time zone, effective for the next query; today's total is kept (a reload
    /// does not reset it). When the zone changes, a day still running at `nowEpochMs` keeps its
    /// total and becomes the new zone's day of `nowEpochMs`, ending at that zone's next midnight; a
    /// day already over starts the new one at 0. An unknown zone name counts as UTC (the loader
    /// refuses one before it gets here).
    void configure(const BudgetConfig &config, qint64 nowEpochMs = QDateTime::currentMSecsSinceEpoch());

    /// Adds `usd` to today's total. A charge on a later day than the last one first starts the
    /// new day at 0; a charge stamped earlier than the current day (a thread that read the clock
    /// just before midnight) counts towards the current day, so nothing is lost. Negative, NaN
    /// and infinite amounts are ignored.
    Charged charge(double usd, qint64 nowEpochMs);

    /// Today's total; 0 when nothing was charged yet on the day of `nowEpochMs`.
    double spentToday(qint64 nowEpochMs) const;
    State state(qint64 nowEpochMs) const;
    Status status(qint64 nowEpochMs) const;

    /// The next 00:00 UTC strictly after `nowEpochMs`.
    static qint64 nextUtcMidnight(qint64 nowEpochMs);
    /// The next midnight of `zone` strictly after `nowEpochMs` (its first moment when the zone
    /// skips midnight).
    static qint64 nextMidnight(qint64 nowEpochMs, const QTimeZone &zone);
    /// The calendar date of `zone` at `nowEpochMs`.
    static QDate dateAt(qint64 nowEpochMs, const QTimeZone &zone);
    /// The zone the days follow.
    QTimeZone timeZone() const;

    /// The total as it stands, for saving: the day (days from 1970-01-01 to the zone's date; 0
    /// before the first charge) and the amount in nano-dollars.
    struct Total
    {
        qint64 day = 0;
        qint64 spentNano = 0;
        friend bool operator==(const Total &, const Total &) = default;
    };
    Total total() const;
    /// Adds a saved total when it is of the current day (`nowEpochMs`); an older day is ignored.
    /// Charges made meanwhile are kept, so restoring late loses nothing. Returns whether it counted.
    bool restore(const Total &saved, qint64 nowEpochMs);

private:
    qint64 spentNanoLocked(qint64 nowEpochMs) const;
    State stateLocked(qint64 spentNano) const;
    /// Starts the day of `nowEpochMs` at 0 when the current one is over; the caller holds the mutex.
    void advanceLocked(qint64 nowEpochMs);
    /// Makes the day of `nowEpochMs` in m_zone the current one (label and bounds), total unchanged.
    void setDayLocked(qint64 nowEpochMs);

    mutable std::mutex m_mutex;
    QTimeZone m_zone = QTimeZone::utc();
    QString m_zoneId = QStringLiteral("UTC");
    qint64 m_day = 0;        ///< the current day: days from 1970-01-01 to its date in m_zone
    qint64 m_dayStartMs = 0; ///< its first moment
    qint64 m_dayEndMs = 0;   ///< the next day's first moment (0 before the first charge)
    qint64 m_spentNano = 0;  ///< USD × 1e9
    qint64 m_dailyLimitNano = 0;
    qint64 m_softLimitNano = 0;
    double m_dailyLimitUsd = 0.0;
    double m_softLimitUsd = 0.0;
};

/// What budget routing needs to know about an endpoint.
struct BudgetEndpoint
{
    QString id;
    QString provider;
    bool local = false; ///< a model server on the user's machine (the provider preset's local flag)
    QStringList models; ///< empty = accepts any model
    /// From a configured endpoint; `local` comes from its provider preset.
    static BudgetEndpoint fromConfig(const EndpointConfig &endpoint);
};

/// What to do with a request given the daily budget.
struct BudgetDecision
{
    enum class Action {
        Allow,     ///< route as usual
        Downgrade, ///< send it to `endpointId` with `model` instead (a local endpoint)
        Refuse,    ///< answer 402 with `message`
    };
    Action action = Action::Allow;
    QString endpointId; ///< Downgrade: the local endpoint
    QString model;      ///< Downgrade: the model to ask it for
    /// Refuse: the client-facing explanation (spend, limit, reset time, what to change).
    /// Downgrade: a line for the log saying why and where the request went.
    QString message;
};

/// The budget check before routing. Pure: decides from its arguments only.
///
/// Below daily_limit: Allow. Exhausted:
///  - a request for a model that a local endpoint lists goes to that endpoint with that model (it
///    spends nothing), whether or not fallback_to_local_on_limit is on;
///  - with fallback_to_local_on_limit: budget.local_model on the first local endpoint listing it (or,
///    failing that, the first local endpoint that accepts any model); without local_model, the
///    first model of the first local endpoint that lists models;
///  - otherwise Refuse, with a message that says what was spent of what limit, when it resets,
///    and which setting to change (or why no local model could be used).
/// `endpoints` are the enabled endpoints in routing order; only local ones are considered.
BudgetDecision decideBudget(const BudgetLedger::Status &status, const BudgetConfig &config,
                            const QList<BudgetEndpoint> &endpoints, const QString &requestedModel = QString());

/// A key's or team's hard limit that a request's reservation would pass (ScopeBudgets::reserve()).
struct ScopeLimitReached
{
    bool team = false;    ///< a team's budget, else a key's
    QString name;         ///< the key's or team's name
    bool monthly = false; ///< the monthly window, else the daily one
    double spentUsd = 0.0;
    double reservedUsd = 0.0; ///< held by other requests in flight
    double limitUsd = 0.0;
    double askedUsd = 0.0; ///< this request's worst case
    qint64 nowEpochMs = 0;
    qint64 resetsAtEpochMs = 0;
    QString timeZone = QStringLiteral("UTC");
};

/// The same choice as decideBudget() for a key's or team's limit: a local model (a requested one,
/// or the fallback when budget.fallback_to_local_on_limit is on), else Refuse with a message that
/// names the scope, its window, what is spent and reserved, the request's worst case, the reset
/// time and the setting to raise. Pure.
BudgetDecision decideScopeBudget(const ScopeLimitReached &limit, const BudgetConfig &config,
                                 const QList<BudgetEndpoint> &endpoints, const QString &requestedModel = QString());

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/cost/budget.h"

#include "proxycore/providers/providerpreset.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

// USD per million tokens. Prices change and providers discount by tier, region and batch; the
// table is a starting point and `pricing:` in config.yaml wins over every row. Rows are matched by
// exact name and then as prefixes, so a dated snapshot ("gpt-4o-2024-08-06") takes its family's
// price. Long-context surcharges (Gemini above 200k tokens) are not modelled. The fourth value is
// the model's output limit per request (from the providers' model pages), which a budget
// reservation assumes when a request sets no maximum; rows without one leave it unknown, and a
// dated or newer row listed without it (claude-opus-4-6) does not take a family row's limit.
constexpr BuiltInPrice kBuiltInPrices[] = {
    // OpenAI
    {u"gpt-4o", 2.5, 10.0, 16'384},
    {u"gpt-4o-mini", 0.15, 0.6, 16'384},
    {u"gpt-4.1", 2.0, 8.0, 32'768},
    {u"gpt-4.1-mini", 0.4, 1.6, 32'768},
    {u"gpt-4.1-nano", 0.1, 0.4, 32'768},
    {u"o3-mini", 1.1, 4.4, 100'000},
    {u"o3", 10.0, 40.0, 100'000},
    {u"o4-mini", 1.1, 4.4, 100'000},
    // Anthropic. The dated Claude 4 rows carry the values of the Python llmproxy's table, which
    // priced Opus 4 like Opus 4.5 and Haiku 4.5 like Haiku 3.5; the undated family rows below use
    // Anthropic's list prices.
    {u"claude-opus-4-20250514", 5.0, 25.0, 32'000},
    {u"claude-opus-4-6", 5.0, 25.0},
    {u"claude-sonnet-4-20250514", 3.0, 15.0, 64'000},
    {u"claude-sonnet-4-6", 3.0, 15.0},
    {u"claude-haiku-4-5-20251001", 0.8, 4.0, 64'000},
    {u"claude-opus-4", 5.0, 25.0, 32'000},
    {u"claude-opus-4-1", 15.0, 75.0, 32'000},
    {u"claude-opus-4-5", 5.0, 25.0, 64'000},
    {u"claude-sonnet-4", 3.0, 15.0, 64'000},
    {u"claude-sonnet-4-5", 3.0, 15.0, 64'000},
    {u"claude-haiku-4-5", 1.0, 5.0, 64'000},
    // Google (prompts up to 200k tokens)
    {u"gemini-2.5-pro", 1.25, 10.0, 65'536},
    {u"gemini-2.5-flash", 0.3, 2.5, 65'536},
    {u"gemini-2.5-flash-lite", 0.1, 0.4, 65'536},
    {u"gemini-2.0-flash", 0.1, 0.4, 8'192},
    {u"gemini-2.0-flash-lite", 0.075, 0.3, 8'192},
    {u"gemini-3-pro", 2.0, 12.0},
    {u"gemini-3-flash", 0.5, 3.0},
    // Groq. The Python llmproxy listed llama-3.3-70b-versatile at 0.059/0.079, a tenth of Groq's price.
    {u"llama-3.3-70b-versatile", 0.59, 0.79, 32'768},
    {u"llama-3.1-8b-instant", 0.05, 0.08},
    {u"mixtral-8x7b-32768", 0.24, 0.24},
    // DeepSeek, xAI, Mistral, Perplexity, Together
    {u"deepseek-chat", 0.28, 0.42, 8'192},
    {u"deepseek-reasoner", 0.28, 0.42},
    {u"grok-3", 3.0, 15.0},
    {u"grok-3-mini", 0.3, 0.5},
    {u"mistral-large-latest", 2.0, 6.0},
    {u"mistral-small-latest", 0.07, 0.2},
    {u"codestral-latest", 0.3, 0.9},
    {u"sonar-pro", 3.0, 15.0},
    {u"sonar", 1.0, 1.0},
    {u"meta-llama/llama-3.3-70b-instruct-turbo", 0.88, 0.88},
    // Open-weights models under their Ollama names: free wherever they are served
    {u"llama3.3", 0.0, 0.0},
    {u"qwen3", 0.0, 0.0},
    {u"phi-4", 0.0, 0.0},
    {u"gemma3", 0.0, 0.0},
    {u"ollama/llama3.3", 0.0, 0.0},
    {u"ollama/qwen3", 0.0, 0.0},
    {u"ollama/phi-4", 0.0, 0.0},
    {u"ollama/gemma3", 0.0, 0.0},
    // Embeddings: input only
    {u"text-embedding-3-small", 0.02, 0.0},
    {u"text-embedding-3-large", 0.13, 0.0},
    {u"text-embedding-ada-002", 0.1, 0.0},
    {u"text-embedding-004", 0.0, 0.0},
    {u"mistral-embed", 0.1, 0.0},
    {u"nomic-embed-text", 0.0, 0.0},
    {u"mxbai-embed-large", 0.0, 0.0},
};

constexpr ModelPrice kDefaultPrice{1.0, 3.0};
/// cost_per_mtok gives the input price only; output is usually several times dearer.
constexpr double kHintOutputFactor = 4.0;
/// Share of the input price billed for cached input tokens.
constexpr double kCachedInputShare = 0.1;
constexpr qint64 kDayMs = 86'400'000;
constexpr double kNanoPerUsd = 1e9;
constexpr QDate kEpochDate = QDate::fromJulianDay(2'440'588); // 1970-01-01

/// True for the zone QTimeZone::utc() returns, whose days are plain arithmetic.
bool isUtc(const QTimeZone &zone)
{
    return zone.id() == "UTC";
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 utcDay(qint64 epochMs)
{
    return floorDiv(epochMs, kDayMs);
}

/// Non-negative whole nano-dollars; 0 for negative or non-finite input, saturating for huge ones.
qint64 toNano(double usd)
{
    if (!std::isfinite(usd) || usd <= 0.0)
        return 0;
    const double nano = usd * kNanoPerUsd;
    constexpr double cap = double(std::numeric_limits<qint64>::max() / 2);
    return nano >= cap ? qint64(cap) : std::llround(nano);
}

double toUsd(qint64 nano)
{
    return double(nano) / kNanoPerUsd;
}

bool isLocalProvider(QStringView provider)
{
    if (provider.isEmpty())
        return false;
    const ProviderPreset *preset = findProviderPreset(provider);
    return preset && preset->local;
}

/// "$50.00", "$0.05", "$0.0512": two decimals, up to four for amounts below a dollar.
QString formatUsd(double usd)
{
    QString text = QString::number(usd, 'f', usd > 0.0 && usd < 1.0 ? 4 : 2);
    while (text.endsWith(u'0') && text.size() - text.indexOf(u'.') > 3)
        text.chop(1);
    return u'$' + text;
}

/// "3 h 12 min", "2 h", "45 min", "less than a minute" (whole minutes, rounded down).
QString formatDuration(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(ms, 0) / 60'000;
    if (minutes == 0)
        return u"less than a minute"_s;
    if (minutes < 60)
        return u"%1 min"_s.arg(minutes);
    if (minutes % 60 == 0)
        return u"%1 h"_s.arg(minutes / 60);
    return u"%1 h %2 min"_s.arg(minutes / 60).arg(minutes % 60);
}

/// "ollama: llama3.3, qwen3; lab: gemma3" for the local endpoints, at most five models each.
QString describeLocalModels(const QList<const BudgetEndpoint *> &locals)
{
    QStringList parts;
    for (const BudgetEndpoint *ep : locals) {
        QString models = ep->models.mid(0, 5).join(u", "_s);
        if (ep->models.size() > 5)
            models += u" and %1 more"_s.arg(ep->models.size() - 5);
        parts << ep->id + u": "_s + models;
    }
    return parts.join(u"; "_s);
}

} // namespace

std::span<const BuiltInPrice> builtInPrices()
{
    return kBuiltInPrices;
}

// ------------------------------------------------------------------------------------------------
// Prices
// ------------------------------------------------------------------------------------------------

PriceTable::PriceTable(const QMap<QString, ModelPrice> &overrides)
{
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        m_rows.append({it.key().trimmed().toLower(), it.value(), true});
    for (const BuiltInPrice &row : kBuiltInPrices)
        m_rows.append({row.model.toString(), {row.inputPerMtok, row.outputPerMtok, row.maxOutputTokens}, false});
    // A price configured without an output limit keeps the built-in table's for that name.
    for (Row &row : m_rows) {
        if (!row.configured || row.price.maxOutputTokens > 0)
            continue;
        for (const BuiltInPrice &builtIn : kBuiltInPrices) {
            if (builtIn.model == row.model) {
                row.price.maxOutputTokens = builtIn.maxOutputTokens;
                break;
            }
        }
    }
    // Longest first makes the first row the model starts with the best match: an exact name is
    // never shorter than another matching row. stable_sort keeps configured rows ahead on equal length.
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row &a, const Row &b) { return a.model.size() > b.model.size(); });
}

PriceQuote PriceTable::lookup(QStringView model, QStringView provider, double costPerMtokHint) const
{
    const bool local = isLocalProvider(provider);
    const QString key = model.trimmed().toString().toLower();
    if (!key.isEmpty()) {
        for (const Row &row : m_rows) {
            if (!row.configured && local)
                continue;
            if (key.startsWith(row.model))
                return {row.price, row.configured ? PriceSource::Configured : PriceSource::BuiltIn, row.model};
        }
    }
    if (costPerMtokHint > 0.0 && std::isfinite(costPerMtokHint))
        return {{costPerMtokHint, costPerMtokHint * kHintOutputFactor}, PriceSource::EndpointHint, QString()};
    if (local)
        return {{0.0, 0.0}, PriceSource::Local, QString()};
    return {kDefaultPrice, PriceSource::Default, QString()};
}

double costUsd(const ModelPrice &price, qint64 inputTokens, qint64 cachedInputTokens, qint64 outputTokens)
{
    const qint64 input = std::max<qint64>(inputTokens, 0);
    const qint64 cached = std::clamp<qint64>(cachedInputTokens, 0, input);
    const qint64 output = std::max<qint64>(outputTokens, 0);
    const double perMtok = double(input - cached) * price.inputPerMtok +
                           double(cached) * price.inputPerMtok * kCachedInputShare +
                           double(output) * price.outputPerMtok;
    return perMtok / 1e6;
}

double costUsd(const ModelPrice &price, const canonical::Usage &usage)
{
    return costUsd(price, usage.inputTokens.value_or(0), usage.cacheReadTokens.value_or(0),
                   usage.outputTokens.value_or(0));
}

// ------------------------------------------------------------------------------------------------
// Ledger
// ------------------------------------------------------------------------------------------------

QTimeZone budgetTimeZone(const QString &name, QString *id)
{
    const QString zoneId = name.trimmed().isEmpty() ? u"UTC"_s : name.trimmed();
    QTimeZone zone = zoneId == u"UTC" ? QTimeZone::utc() : QTimeZone(zoneId.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    if (id)
        *id = zoneId;
    return zone;
}

void BudgetLedger::configure(const BudgetConfig &config, qint64 nowEpochMs)
{
    QString zoneId;
    const QTimeZone zone = budgetTimeZone(config.timezone, &zoneId);
    const std::lock_guard lock(m_mutex);
    m_dailyLimitUsd = config.dailyLimit;
    m_softLimitUsd = config.softLimit;
    m_dailyLimitNano = toNano(config.dailyLimit);
    m_softLimitNano = toNano(config.softLimit);
    if (zoneId == m_zoneId)
        return;
    m_zone = zone;
    m_zoneId = isUtc(zone) ? u"UTC"_s : zoneId;
    if (m_dayEndMs == 0)
        return; // no day yet: the first charge starts one in the new zone
    if (nowEpochMs >= m_dayEndMs)
        m_spentNano = 0; // the old zone's day is over
    setDayLocked(nowEpochMs);
}

BudgetLedger::Charged BudgetLedger::charge(double usd, qint64 nowEpochMs)
{
    const qint64 nano = toNano(usd);
    const std::lock_guard lock(m_mutex);
    advanceLocked(nowEpochMs);
    Charged result;
    result.before = stateLocked(m_spentNano);
    m_spentNano = nano > std::numeric_limits<qint64>::max() - m_spentNano ? std::numeric_limits<qint64>::max()
                                                                          : m_spentNano + nano;
    result.after = stateLocked(m_spentNano);
    result.spentTodayUsd = toUsd(m_spentNano);
    return result;
}

BudgetLedger::Total BudgetLedger::total() const
{
    const std::lock_guard lock(m_mutex);
    return {m_day, m_spentNano};
}

bool BudgetLedger::restore(const Total &saved, qint64 nowEpochMs)
{
    const std::lock_guard lock(m_mutex);
    if (saved.day != kEpochDate.daysTo(dateAt(nowEpochMs, m_zone)) || saved.spentNano <= 0)
        return false;
    advanceLocked(nowEpochMs);
    m_spentNano = saved.spentNano > std::numeric_limits<qint64>::max() - m_spentNano
                      ? std::numeric_limits<qint64>::max()
                      : m_spentNano + saved.spentNano;
    return true;
}

double BudgetLedger::spentToday(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    return toUsd(spentNanoLocked(nowEpochMs));
}

BudgetLedger::State BudgetLedger::state(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    return stateLocked(spentNanoLocked(nowEpochMs));
}

BudgetLedger::Status BudgetLedger::status(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    const qint64 spent = spentNanoLocked(nowEpochMs);
    const qint64 resetsAt =
        nowEpochMs >= m_dayStartMs && nowEpochMs < m_dayEndMs ? m_dayEndMs : nextMidnight(nowEpochMs, m_zone);
    return {stateLocked(spent), toUsd(spent), m_dailyLimitUsd, m_softLimitUsd, nowEpochMs, resetsAt, m_zoneId};
}

QTimeZone BudgetLedger::timeZone() const
{
    const std::lock_guard lock(m_mutex);
    return m_zone;
}

qint64 BudgetLedger::nextUtcMidnight(qint64 nowEpochMs)
{
    return (utcDay(nowEpochMs) + 1) * kDayMs;
}

QDate BudgetLedger::dateAt(qint64 nowEpochMs, const QTimeZone &zone)
{
    if (isUtc(zone))
        return kEpochDate.addDays(utcDay(nowEpochMs));
    return QDateTime::fromMSecsSinceEpoch(nowEpochMs, zone).date();
}

qint64 BudgetLedger::nextMidnight(qint64 nowEpochMs, const QTimeZone &zone)
{
    if (isUtc(zone))
        return nextUtcMidnight(nowEpochMs);
    // startOfDay() gives the first moment of a day whose midnight the zone skips.
    return dateAt(nowEpochMs, zone).addDays(1).startOfDay(zone).toMSecsSinceEpoch();
}

void BudgetLedger::setDayLocked(qint64 nowEpochMs)
{
    const QDate date = dateAt(nowEpochMs, m_zone);
    m_day = kEpochDate.daysTo(date);
    m_dayStartMs = isUtc(m_zone) ? m_day * kDayMs : date.startOfDay(m_zone).toMSecsSinceEpoch();
    m_dayEndMs = nextMidnight(nowEpochMs, m_zone);
}

void BudgetLedger::advanceLocked(qint64 nowEpochMs)
{
    // A charge stamped before the current day (a thread that read the clock just before midnight)
    // counts towards the current day.
    if (nowEpochMs < m_dayEndMs)
        return;
    setDayLocked(nowEpochMs);
    m_spentNano = 0;
}

qint64 BudgetLedger::spentNanoLocked(qint64 nowEpochMs) const
{
    // A query for an earlier day than the last charge's comes from a thread that read the clock
    // just before midnight: it sees the current total, as its charge would.
    return nowEpochMs >= m_dayEndMs ? 0 : m_spentNano;
}

BudgetLedger::State BudgetLedger::stateLocked(qint64 spentNano) const
{
    if (m_dailyLimitNano > 0 && spentNano >= m_dailyLimitNano)
        return State::Exhausted;
    if (m_softLimitNano > 0 && spentNano >= m_softLimitNano)
        return State::Soft;
    return State::Ok;
}

// ------------------------------------------------------------------------------------------------
// Decision
// ------------------------------------------------------------------------------------------------

BudgetEndpoint BudgetEndpoint::fromConfig(const EndpointConfig &endpoint)
{
    return {endpoint.id, endpoint.provider, isLocalProvider(endpoint.provider), endpoint.models};
}

namespace {

/// How a decision names the limit that was reached.
struct LimitWording
{
    QString why;     ///< "daily budget exhausted (… spent today)": the start of a downgrade's log line
    QString refusal; ///< the start of a refusal: what was spent of what, and when it resets
    QString setting; ///< the setting that raises the limit, e.g. "budget.daily_limit"
};

BudgetDecision decideWithLimit(const LimitWording &wording, const BudgetConfig &config,
                               const QList<BudgetEndpoint> &endpoints, const QString &requestedModel)
{
    QList<const BudgetEndpoint *> locals;
    for (const BudgetEndpoint &ep : endpoints) {
        if (ep.local)
            locals.append(&ep);
    }
    const QString &setting = wording.setting;
    const auto downgrade = [&](const BudgetEndpoint &ep, const QString &model) -> BudgetDecision {
        QString why = wording.why + u": "_s;
        if (model == requestedModel)
            why += u"%1 is served by local endpoint %2"_s.arg(model, ep.id);
        else
            why += u"using local model %1 on endpoint %2"_s.arg(model, ep.id);
        if (!requestedModel.isEmpty() && model != requestedModel)
            why += u" instead of "_s + requestedModel;
        return {BudgetDecision::Action::Downgrade, ep.id, model, why};
    };
    const auto refuse = [&](const QString &remedy) -> BudgetDecision {
        return {BudgetDecision::Action::Refuse, QString(), QString(), wording.refusal + remedy};
    };

    // Local models spend nothing, so asking for one directly is never refused.
    if (!requestedModel.isEmpty()) {
        for (const BudgetEndpoint *ep : std::as_const(locals)) {
            if (ep->models.contains(requestedModel))
                return downgrade(*ep, requestedModel);
        }
    }

    if (!config.fallbackToLocalOnLimit)
        return refuse(
            u"To continue before then, raise %1 in the configuration, or set "
            u"budget.fallback_to_local_on_limit: true to send requests to a local model meanwhile."_s.arg(setting));
    if (locals.isEmpty())
        return refuse(u"budget.fallback_to_local_on_limit is on, but no local endpoint (Ollama, LM Studio, vLLM or "
                      u"llama.cpp) is configured or running: start one, or raise %1."_s.arg(setting));

    if (!config.localModel.isEmpty()) {
        for (const BudgetEndpoint *ep : std::as_const(locals)) {
            if (ep->models.contains(config.localModel))
                return downgrade(*ep, config.localModel);
        }
        for (const BudgetEndpoint *ep : std::as_const(locals)) {
            if (ep->models.isEmpty())
                return downgrade(*ep, config.localModel);
        }
        return refuse(u"budget.fallback_to_local_on_limit is on, but budget.local_model \"%1\" is not served by any "
                      u"local endpoint (%2): set it to one of those models, or raise %3."_s.arg(
                          config.localModel, describeLocalModels(locals), setting));
    }
    for (const BudgetEndpoint *ep : std::as_const(locals)) {
        if (!ep->models.isEmpty())
            return downgrade(*ep, ep->models.first());
    }
    QStringList ids;
    for (const BudgetEndpoint *ep : std::as_const(locals))
        ids << ep->id;
    return refuse(u"budget.fallback_to_local_on_limit is on, but the local endpoints (%1) accept any model and list "
                  u"none, so there is no model to switch to: set budget.local_model to a model they serve, or raise "
                  u"%2."_s.arg(ids.join(u", "_s), setting));
}

} // namespace

BudgetDecision decideBudget(const BudgetLedger::Status &status, const BudgetConfig &config,
                            const QList<BudgetEndpoint> &endpoints, const QString &requestedModel)
{
    if (status.state != BudgetLedger::State::Exhausted)
        return {};
    const QString spent = u"%1 of %2"_s.arg(formatUsd(status.spentUsd), formatUsd(status.dailyLimitUsd));
    LimitWording wording;
    wording.why = u"daily budget exhausted (%1 spent today)"_s.arg(spent);
    wording.refusal = u"Daily budget exhausted: %1 spent today (%2). The budget resets at 00:00 %2, in %3. "_s.arg(
        spent, status.timeZone, formatDuration(status.resetsAtEpochMs - status.nowEpochMs));
    wording.setting = u"budget.daily_limit"_s;
    return decideWithLimit(wording, config, endpoints, requestedModel);
}

BudgetDecision decideScopeBudget(const ScopeLimitReached &limit, const BudgetConfig &config,
                                 const QList<BudgetEndpoint> &endpoints, const QString &requestedModel)
{
    const QString kind = limit.team ? u"team"_s : u"key"_s;
    const QString period = limit.monthly ? u"monthly"_s : u"daily"_s;
    const QString spent = u"%1 spent and %2 reserved by requests in flight, of %3"_s.arg(
        formatUsd(limit.spentUsd), formatUsd(limit.reservedUsd), formatUsd(limit.limitUsd));
    LimitWording wording;
    wording.why = u"%1 budget of %2 %3 reached (%4)"_s.arg(period, kind, limit.name, spent);
    wording.refusal =
        u"The %1 budget of %2 '%3' does not cover this request: %4; this request may cost up to %5. It resets %6 "
        u"%7, in %8. "_s.arg(period, kind, limit.name, spent, formatUsd(limit.askedUsd),
                             limit.monthly ? u"on the 1st of next month at 00:00"_s : u"at 00:00"_s, limit.timeZone,
                             formatDuration(limit.resetsAtEpochMs - limit.nowEpochMs));
    wording.setting = u"budget.%1s.%2.%3_usd"_s.arg(kind, limit.name, period);
    return decideWithLimit(wording, config, endpoints, requestedModel);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/cost/scopebudget.h"

#include "proxycore/cost/budget.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcBudget, "llmproxy.budget")

constexpr QDate kEpochDate = QDate::fromJulianDay(2'440'588); // 1970-01-01

qint64 saturatingAdd(qint64 a, qint64 b)
{
    return b > std::numeric_limits<qint64>::max() - a ? std::numeric_limits<qint64>::max() : a + b;
}

qint64 monthIndex(QDate date)
{
    return qint64(date.year()) * 12 + date.month() - 1;
}

QString windowName(BudgetWindow window)
{
    return window == BudgetWindow::Daily ? u"daily"_s : u"monthly"_s;
}

} // namespace

size_t qHash(const BudgetScope &scope, size_t seed)
{
    return qHashMulti(seed, int(scope.kind), scope.name);
}

// ------------------------------------------------------------------------------------------------
// Reservation
// ------------------------------------------------------------------------------------------------

BudgetReservation &BudgetReservation::operator=(BudgetReservation &&other) noexcept
{
    if (this == &other)
        return *this;
    if (m_owner)
        m_owner->release(*this);
    m_owner = std::exchange(other.m_owner, nullptr);
    m_scopes = std::move(other.m_scopes);
    m_windows = std::move(other.m_windows);
    m_endHook = std::exchange(other.m_endHook, {});
    m_nano = std::exchange(other.m_nano, 0);
    m_day = other.m_day;
    m_month = other.m_month;
    return *this;
}

BudgetReservation::~BudgetReservation()
{
    if (m_owner)
        m_owner->release(*this);
}

// ------------------------------------------------------------------------------------------------
// Ledger
// ------------------------------------------------------------------------------------------------

qint64 ScopeBudgets::toNano(double usd)
{
    if (!std::isfinite(usd) || usd <= 0.0)
        return 0;
    const double nano = usd * 1e9;
    constexpr double cap = double(std::numeric_limits<qint64>::max()) / 4.0;
    return nano >= cap ? qint64(cap) : std::llround(nano);
}

void ScopeBudgets::configure(const BudgetConfig &config, qint64 nowEpochMs)
{
    QString zoneId;
    const QTimeZone zone = budgetTimeZone(config.timezone, &zoneId);
    const std::lock_guard lock(m_mutex);
    if (zoneId != m_zoneId) {
        // Windows of the old zone end where they would have; the next call starts the new zone's.
        m_zone = zone;
        m_zoneId = zoneId;
    }
    QHash<BudgetScope, Scope> next;
    const auto take = [&](BudgetScope::Kind kind, const QMap<QString, ScopeBudgetConfig> &limits) {
        for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
            const ScopeBudgetConfig &c = it.value();
            if (c.dailyUsd <= 0 && c.monthlyUsd <= 0 && c.softUsd <= 0)
                continue;
            const BudgetScope key{kind, it.key()};
            Scope scope = m_scopes.value(key);
            scope.day.limitNano = toNano(c.dailyUsd);
            scope.month.limitNano = toNano(c.monthlyUsd);
            // The soft limit watches the day, or the month when only a monthly limit is set.
            const bool monthlySoft = c.dailyUsd <= 0 && c.monthlyUsd > 0;
            scope.day.softNano = monthlySoft ? 0 : toNano(c.softUsd);
            scope.month.softNano = monthlySoft ? toNano(c.softUsd) : 0;
            advanceLocked(scope, nowEpochMs);
            next.insert(key, scope);
        }
    };
    take(BudgetScope::Kind::Key, config.keys);
    take(BudgetScope::Kind::Team, config.teams);
    m_scopes = std::move(next);
}

void ScopeBudgets::setSoftLimitHandler(SoftLimitHandler handler)
{
    const std::lock_guard lock(m_mutex);
    m_softHandler = std::move(handler);
}

bool ScopeBudgets::isLimited(const QString &key, const QString &team) const
{
    const std::lock_guard lock(m_mutex);
    return (!key.isEmpty() && m_scopes.contains({BudgetScope::Kind::Key, key})) ||
           (!team.isEmpty() && m_scopes.contains({BudgetScope::Kind::Team, team}));
}

void ScopeBudgets::scopesOfLocked(const QString &key, const QString &team, QList<BudgetScope> *out) const
{
    if (!key.isEmpty() && m_scopes.contains({BudgetScope::Kind::Key, key}))
        out->append({BudgetScope::Kind::Key, key});
    if (!team.isEmpty() && m_scopes.contains({BudgetScope::Kind::Team, team}))
        out->append({BudgetScope::Kind::Team, team});
}

void ScopeBudgets::advanceWindowLocked(Window &window, BudgetWindow kind, qint64 nowEpochMs) const
{
    if (window.index >= 0 && nowEpochMs < window.endMs)
        return; // a call stamped before the window (a clock read just before midnight) counts in it
    const QDate today = BudgetLedger::dateAt(nowEpochMs, m_zone);
    const QDate start = kind == BudgetWindow::Daily ? today : QDate(today.year(), today.month(), 1);
    const QDate next = kind == BudgetWindow::Daily ? today.addDays(1) : start.addMonths(1);
    window.index = kind == BudgetWindow::Daily ? kEpochDate.daysTo(today) : monthIndex(today);
    window.start = start;
    window.endMs = next.startOfDay(m_zone).toMSecsSinceEpoch();
    window.spentNano = 0;
    window.reservedNano = 0; // what earlier windows' requests hold is settled into the new one
    window.softReported = false;
}

void ScopeBudgets::advanceLocked(Scope &scope, qint64 nowEpochMs) const
{
    advanceWindowLocked(scope.day, BudgetWindow::Daily, nowEpochMs);
    advanceWindowLocked(scope.month, BudgetWindow::Monthly, nowEpochMs);
}

BudgetWindowStatus ScopeBudgets::statusLocked(const BudgetScope &scope, const Window &window, BudgetWindow kind) const
{
    BudgetWindowStatus s;
    s.scope = scope;
    s.window = kind;
    s.spentNano = window.spentNano;
    s.reservedNano = window.reservedNano;
    s.limitNano = window.limitNano;
    s.softNano = window.softNano;
    s.resetsAtMs = window.endMs;
    s.start = window.start;
    return s;
}

BudgetReservation ScopeBudgets::reserve(const QString &key, const QString &team, double worstCaseUsd, qint64 nowEpochMs,
                                        Refusal *refusal)
{
    BudgetReservation reservation;
    const qint64 nano = toNano(worstCaseUsd);
    const std::lock_guard lock(m_mutex);
    QList<BudgetScope> scopes;
    scopesOfLocked(key, team, &scopes);
    if (scopes.isEmpty())
        return reservation;
    // All or nothing: check every window first, then hold the amount in each.
    for (const BudgetScope &s : std::as_const(scopes)) {
        Scope &scope = m_scopes[s];
        advanceLocked(scope, nowEpochMs);
        for (const auto &[window, kind] :
             {std::pair{&scope.day, BudgetWindow::Daily}, std::pair{&scope.month, BudgetWindow::Monthly}}) {
            if (window->limitNano <= 0)
                continue;
            const qint64 total = saturatingAdd(saturatingAdd(window->spentNano, window->reservedNano), nano);
            // A request that costs nothing (a local model) passes while the window is not spent.
            if (total > window->limitNano || window->spentNano >= window->limitNano) {
                if (refusal)
                    *refusal = {statusLocked(s, *window, kind), nano};
                return reservation;
            }
        }
    }
    for (const BudgetScope &s : std::as_const(scopes)) {
        Scope &scope = m_scopes[s];
        scope.day.reservedNano = saturatingAdd(scope.day.reservedNano, nano);
        scope.month.reservedNano = saturatingAdd(scope.month.reservedNano, nano);
        for (const auto &[window, kind] :
             {std::pair{&scope.day, BudgetWindow::Daily}, std::pair{&scope.month, BudgetWindow::Monthly}}) {
            if (window->limitNano <= 0)
                continue;
            const QDate last = kind == BudgetWindow::Daily ? window->start : window->start.addMonths(1).addDays(-1);
            reservation.m_windows.append({s, kind, window->start, last, window->limitNano, window->endMs});
        }
    }
    reservation.m_owner = this;
    reservation.m_scopes = std::move(scopes);
    reservation.m_nano = nano;
    const Scope &first = m_scopes[reservation.m_scopes.constFirst()];
    reservation.m_day = first.day.index;
    reservation.m_month = first.month.index;
    return reservation;
}

void ScopeBudgets::settle(BudgetReservation &reservation, double actualUsd, qint64 nowEpochMs)
{
    if (reservation.m_owner != this)
        return;
    const qint64 actual = toNano(actualUsd);
    QList<BudgetSoftLimitEvent> crossed;
    SoftLimitHandler handler;
    {
        const std::lock_guard lock(m_mutex);
        for (const BudgetScope &s : std::as_const(reservation.m_scopes)) {
            const auto it = m_scopes.find(s);
            if (it == m_scopes.end())
                continue; // no longer configured
            Scope &scope = *it;
            // Held in a window that is still the current one: give it back there.
            if (scope.day.index == reservation.m_day)
                scope.day.reservedNano = std::max<qint64>(0, scope.day.reservedNano - reservation.m_nano);
            if (scope.month.index == reservation.m_month)
                scope.month.reservedNano = std::max<qint64>(0, scope.month.reservedNano - reservation.m_nano);
            advanceLocked(scope, nowEpochMs);
            for (const auto &[window, kind] :
                 {std::pair{&scope.day, BudgetWindow::Daily}, std::pair{&scope.month, BudgetWindow::Monthly}}) {
                window->spentNano = saturatingAdd(window->spentNano, actual);
                if (window->softNano > 0 && !window->softReported && window->spentNano >= window->softNano) {
                    window->softReported = true;
                    crossed.append({statusLocked(s, *window, kind)});
                }
            }
        }
        handler = m_softHandler;
        reservation.m_owner = nullptr;
    }
    const qint64 held = std::exchange(reservation.m_nano, 0);
    if (const BudgetReservation::EndHook hook = std::exchange(reservation.m_endHook, {}))
        hook(held, actual);
    for (const BudgetSoftLimitEvent &e : std::as_const(crossed)) {
        qCWarning(lcBudget, "%s budget of %s '%s': soft limit of %.4f USD reached (%.4f USD spent)",
                  qPrintable(windowName(e.status.window)), qPrintable(e.status.scope.kindName()),
                  qPrintable(e.status.scope.name), toUsd(e.status.softNano), toUsd(e.status.spentNano));
        if (handler)
            handler(e);
    }
}

void ScopeBudgets::release(BudgetReservation &reservation)
{
    if (reservation.m_owner != this)
        return;
    {
        const std::lock_guard lock(m_mutex);
        for (const BudgetScope &s : std::as_const(reservation.m_scopes)) {
            const auto it = m_scopes.find(s);
            if (it == m_scopes.end())
                continue;
            if (it->day.index == reservation.m_day)
                it->day.reservedNano = std::max<qint64>(0, it->day.reservedNano - reservation.m_nano);
            if (it->month.index == reservation.m_month)
                it->month.reservedNano = std::max<qint64>(0, it->month.reservedNano - reservation.m_nano);
        }
        reservation.m_owner = nullptr;
    }
    const qint64 held = std::exchange(reservation.m_nano, 0);
    if (const BudgetReservation::EndHook hook = std::exchange(reservation.m_endHook, {}))
        hook(held, 0);
}

void ScopeBudgets::restore(const BudgetScope &scope, double dayUsd, double monthUsd, qint64 nowEpochMs)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_scopes.find(scope);
    if (it == m_scopes.end())
        return;
    advanceLocked(*it, nowEpochMs);
    it->day.spentNano = saturatingAdd(it->day.spentNano, toNano(dayUsd));
    it->month.spentNano = saturatingAdd(it->month.spentNano, toNano(monthUsd));
    // A limit already passed before the restart was reported then.
    it->day.softReported = it->day.softNano > 0 && it->day.spentNano >= it->day.softNano;
    it->month.softReported = it->month.softNano > 0 && it->month.spentNano >= it->month.softNano;
}

QList<BudgetWindowStatus> ScopeBudgets::statuses(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    QList<BudgetWindowStatus> out;
    for (auto it = m_scopes.begin(); it != m_scopes.end(); ++it) {
        advanceLocked(*it, nowEpochMs);
        out.append(statusLocked(it.key(), it->day, BudgetWindow::Daily));
        out.append(statusLocked(it.key(), it->month, BudgetWindow::Monthly));
    }
    std::sort(out.begin(), out.end(), [](const BudgetWindowStatus &a, const BudgetWindowStatus &b) {
        return std::tie(a.scope.kind, a.scope.name, a.window) < std::tie(b.scope.kind, b.scope.name, b.window);
    });
    return out;
}

QList<BudgetScope> ScopeBudgets::scopes() const
{
    const std::lock_guard lock(m_mutex);
    return m_scopes.keys();
}

QDate ScopeBudgets::today(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    return BudgetLedger::dateAt(nowEpochMs, m_zone);
}

QDate ScopeBudgets::monthStart(qint64 nowEpochMs) const
{
    const std::lock_guard lock(m_mutex);
    const QDate today = BudgetLedger::dateAt(nowEpochMs, m_zone);
    return {today.year(), today.month(), 1};
}

} // namespace llmproxy

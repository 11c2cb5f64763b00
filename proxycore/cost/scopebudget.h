// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <mutex>

namespace llmproxy {

class ScopeBudgets;

/// What a budget counts: one client key, or one team (budget.keys, budget.teams).
struct BudgetScope
{
    enum class Kind { Key, Team };
    Kind kind = Kind::Key;
    QString name;
    /// "key" or "team", as the admin API and the logs name them.
    QString kindName() const { return kind == Kind::Key ? QStringLiteral("key") : QStringLiteral("team"); }
    friend bool operator==(const BudgetScope &, const BudgetScope &) = default;
};
size_t qHash(const BudgetScope &scope, size_t seed = 0);

/// The two windows a scope's limits count over, in the budget's zone (budget.timezone).
enum class BudgetWindow { Daily, Monthly };

/// One window of one scope at one instant (for reports and refusals).
struct BudgetWindowStatus
{
    BudgetScope scope;
    BudgetWindow window = BudgetWindow::Daily;
    qint64 spentNano = 0;    ///< settled spend of the window
    qint64 reservedNano = 0; ///< held by requests in flight
    qint64 limitNano = 0;    ///< hard limit; 0 = none
    qint64 softNano = 0;     ///< soft limit; 0 = none (only on the window soft_usd applies to)
    qint64 resetsAtMs = 0;   ///< the window's end: the zone's next midnight, or the next month's first
    QDate start;             ///< the window's first day (the day, or the 1st of the month)
};

/// One limited window a reservation is held against, as a ledger shared by several gateways
/// (SharedBudgets, on PostgreSQL) names it: the scope, the window and its days, and the hard limit.
struct BudgetWindowRef
{
    BudgetScope scope;
    BudgetWindow window = BudgetWindow::Daily;
    QDate start;           ///< the window's first day
    QDate last;            ///< its last day
    qint64 limitNano = 0;  ///< hard limit (> 0)
    qint64 resetsAtMs = 0; ///< the window's end
};

/// Raised once per scope and window when the settled spend reaches the soft limit.
struct BudgetSoftLimitEvent
{
    BudgetWindowStatus status; ///< as it stands after the charge that crossed the limit
};

/// Worst-case amounts held against a request's budgets until it ends. Move-only; an unsettled
/// reservation is released when it is destroyed, so every reservation is given back exactly once
/// on every path (success, upstream error, client gone, stream cut, the call destroyed).
/// Settle or release it on the thread that owns it; the ledger it points to must outlive it.
class BudgetReservation
{
public:
    BudgetReservation() = default;
    BudgetReservation(BudgetReservation &&other) noexcept { *this = std::move(other); }
    BudgetReservation &operator=(BudgetReservation &&other) noexcept;
    BudgetReservation(const BudgetReservation &) = delete;
    BudgetReservation &operator=(const BudgetReservation &) = delete;
    ~BudgetReservation();

    /// True while it holds an amount (after reserve(), before settle() or release()).
    bool isActive() const { return m_owner != nullptr; }
    /// The amount held, in nano-dollars.
    qint64 nano() const { return m_nano; }
    /// The scopes it holds against.
    const QList<BudgetScope> &scopes() const { return m_scopes; }
    /// The windows with a hard limit it holds against, at the time it was made.
    const QList<BudgetWindowRef> &windows() const { return m_windows; }

    /// What else must learn of the reservation's end (a ledger shared with other gateways): called
    /// once, outside the ledger's lock, with the amount that was held and what is charged (0 when it
    /// is released), on the thread that settles or releases it.
    using EndHook = std::function<void(qint64 heldNano, qint64 chargedNano)>;
    void setEndHook(EndHook hook) { m_endHook = std::move(hook); }

private:
    friend class ScopeBudgets;
    ScopeBudgets *m_owner = nullptr;
    QList<BudgetScope> m_scopes;
    QList<BudgetWindowRef> m_windows;
    EndHook m_endHook;
    qint64 m_nano = 0;
    qint64 m_day = 0;   ///< the day window it was made in (days since 1970-01-01 in the zone)
    qint64 m_month = 0; ///< the month window it was made in (year × 12 + month − 1)
};

/// The budgets of client keys and teams (budget.keys, budget.teams): per scope a daily and a
/// monthly window of the configured zone, each with its settled spend and the amounts reserved by
/// requests in flight, in integer nano-dollars.
///
/// A request reserves its worst-case cost before it is sent (reserve()): refused when any of its
/// scopes' hard limits would be passed by what is spent, what is reserved and this amount. When it
/// ends its reservation is settled with the actual cost (settle()), or released (release(), or the
/// reservation's destructor). Only scopes with a configured limit are tracked: a request of a key
/// and team without limits reserves nothing (isLimited() tells before any work).
///
/// Windows follow the zone at run time: the first call at or after a window's end starts the next
/// one at 0; a reservation made in the window before settles its cost into the current one. Every
/// member may be called from any thread (one short mutex). The soft-limit handler runs on the thread
/// whose settle() crossed the limit, outside the mutex.
class ScopeBudgets
{
public:
    /// A hook for what the soft limit should trigger (the log line is written by the ledger itself):
    /// the engine attaches its signal here, and a webhook plugin can attach to that.
    using SoftLimitHandler = std::function<void(const BudgetSoftLimitEvent &)>;

    ScopeBudgets() = default;
    ScopeBudgets(const ScopeBudgets &) = delete;
    ScopeBudgets &operator=(const ScopeBudgets &) = delete;

    /// New limits and zone from `config` (budget.keys, budget.teams, budget.timezone). Totals of
    /// scopes that stay configured are kept; scopes no longer configured are forgotten.
    void configure(const BudgetConfig &config, qint64 nowEpochMs);
    void setSoftLimitHandler(SoftLimitHandler handler);

    /// Whether a request of `key` / `team` has any limit to reserve against. Cheap.
    bool isLimited(const QString &key, const QString &team) const;

    /// Why a reservation was refused: the first window whose hard limit it would pass.
    struct Refusal
    {
        BudgetWindowStatus status;
        qint64 askedNano = 0;
    };
    /// Holds `worstCaseUsd` against every limited scope of `key` and `team`, or nothing and fills
    /// `refusal` when one of them would pass its hard limit (spent + reserved + amount > limit).
    /// An inactive reservation with no refusal means nothing is limited.
    BudgetReservation reserve(const QString &key, const QString &team, double worstCaseUsd, qint64 nowEpochMs,
                              Refusal *refusal);
    /// Replaces the held amount with the actual cost `actualUsd` (negative or NaN counts as 0).
    /// No-op for an inactive reservation.
    void settle(BudgetReservation &reservation, double actualUsd, qint64 nowEpochMs);
    /// Gives the held amount back, charging nothing. No-op for an inactive reservation.
    void release(BudgetReservation &reservation);

    /// Adds restored totals (from spend_daily) to `scope`'s windows of `nowEpochMs`; ignored for
    /// a scope that is not configured.
    void restore(const BudgetScope &scope, double dayUsd, double monthUsd, qint64 nowEpochMs);

    /// Every window of every configured scope with a limit, ordered by kind and name.
    QList<BudgetWindowStatus> statuses(qint64 nowEpochMs) const;
    /// The configured scopes (what restore() will take).
    QList<BudgetScope> scopes() const;
    /// The first day of the month window of `nowEpochMs` in the configured zone.
    QDate monthStart(qint64 nowEpochMs) const;
    /// The date of `nowEpochMs` in the configured zone.
    QDate today(qint64 nowEpochMs) const;

    /// Nano-dollars of `usd` (whole, non-negative, saturating).
    static qint64 toNano(double usd);
    static double toUsd(qint64 nano) { return double(nano) / 1e9; }

private:
    struct Window
    {
        qint64 index = -1; ///< day or month number; -1 = not started
        qint64 endMs = 0;
        QDate start;
        qint64 spentNano = 0;
        qint64 reservedNano = 0;
        qint64 limitNano = 0;
        qint64 softNano = 0;
        bool softReported = false;
    };
    struct Scope
    {
        Window day;
        Window month;
    };
    void advanceLocked(Scope &scope, qint64 nowEpochMs) const;
    void advanceWindowLocked(Window &window, BudgetWindow kind, qint64 nowEpochMs) const;
    void scopesOfLocked(const QString &key, const QString &team, QList<BudgetScope> *out) const;
    BudgetWindowStatus statusLocked(const BudgetScope &scope, const Window &window, BudgetWindow kind) const;

    mutable std::mutex m_mutex;
    QTimeZone m_zone = QTimeZone::utc();
    QString m_zoneId = QStringLiteral("UTC");
    mutable QHash<BudgetScope, Scope> m_scopes;
    SoftLimitHandler m_softHandler;
};

} // namespace llmproxy

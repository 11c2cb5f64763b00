// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/cost/scopebudget.h"
#include "proxycore/store/database.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

class QSqlQuery;
class QTimer;

namespace llmproxy {

class WriteContext;

/// What a reservation in the shared ledger came to.
struct SharedReservation
{
    enum class Outcome {
        Reserved,    ///< held in every window, for every gateway to see
        Refused,     ///< `window` would pass its limit with what every gateway spent and holds
        Unavailable, ///< the database did not answer: nothing is held there (`error` says why)
    };
    Outcome outcome = Outcome::Unavailable;
    int window = -1;         ///< Refused: the index of the window in the request's list
    qint64 spentNano = 0;    ///< Refused: that window's spend, every gateway's
    qint64 reservedNano = 0; ///< Refused: what every live gateway holds in it
    QString error;           ///< Unavailable: why
};

/// The totals of one window as the shared ledger last saw them (for reports).
struct SharedWindowTotals
{
    qint64 spentNano = 0;
    qint64 reservedNano = 0;
    qint64 seenAtMs = 0;
};

/// The keys' and teams' budgets shared by every gateway on one PostgreSQL database
/// (docs/storage.md#budget_counters): a reservation is checked against, and held in, the table
/// budget_counters in one transaction, so gateways together pass a limit by no more than what each
/// holds for one request. Per window, every gateway has a row with its spend and what it holds for
/// requests in flight, renewed while it runs; what a gateway holds stops counting when it has not
/// been renewed for holdMs() (a gateway that crashed). A window's first reservation starts it with
/// the spend spend_daily already has of its days.
///
/// The database work runs on a thread of its own, with its own connection. Requests submit() their
/// asks and settlements from any thread; the thread takes everything queued at once and answers it
/// in one transaction, so that under load one round of statements serves many requests.
/// reserve(), reserveAll(), settle() and settleAll() run on that thread (post them to context()). PostgreSQL only:
/// SQLite is one machine's file, where the gateway's own ledger (ScopeBudgets) is the whole story.
class SharedBudgets
{
public:
    /// Starts the thread; the connection is opened on the first use. `gatewayId` names this
    /// gateway's rows: unique per process.
    SharedBudgets(DatabaseSettings settings, QString gatewayId);
    ~SharedBudgets();
    SharedBudgets(const SharedBudgets &) = delete;
    SharedBudgets &operator=(const SharedBudgets &) = delete;

    /// An object living in the ledger's thread: post reserve() and settle() to it.
    QObject *context() const { return m_context.get(); }
    const QString &gatewayId() const { return m_gatewayId; }

    /// How long what a gateway holds counts without being renewed (budget.shared_hold_s); this
    /// gateway renews its holds three times in that span.
    void setHoldMs(qint64 ms);
    qint64 holdMs() const { return m_holdMs.load(std::memory_order_relaxed); }

    /// One reservation to make: hold `nano` in every window of `windows`.
    struct Ask
    {
        QList<BudgetWindowRef> windows;
        qint64 nano = 0;
        std::function<void(const SharedReservation &)> done; ///< called on the ledger thread
    };
    /// One reservation's end: give back `heldNano` in every window and charge `chargedNano`.
    struct Settlement
    {
        QList<BudgetWindowRef> windows;
        qint64 heldNano = 0;
        qint64 chargedNano = 0;
    };

    /// Any thread. Queues `ask`; the ledger thread answers it (ask.done) with the others queued by
    /// then, in one transaction: the reservations of many requests cost one round of statements.
    void submit(Ask ask);
    /// Any thread. Queues a reservation's end, applied with the next batch before its asks.
    void submit(Settlement settlement);

    /// Ledger thread. Holds each ask's amount in every window of its windows when none of them
    /// would pass its limit (spent + held by live gateways + what the asks before it in `asks` were
    /// given + nano > limit, or spent ≥ limit), else nothing; in one transaction, in order.
    QList<SharedReservation> reserveAll(const QList<Ask> &asks, qint64 nowMs);
    /// Ledger thread. reserveAll() of one ask.
    SharedReservation reserve(const QList<BudgetWindowRef> &windows, qint64 nano, qint64 nowMs);
    /// Ledger thread. Applies `settlements` in one transaction: one statement per window. A failure
    /// is logged; what stays held stops counting after holdMs().
    void settleAll(const QList<Settlement> &settlements, qint64 nowMs);
    /// Ledger thread. settleAll() of one.
    void settle(const QList<BudgetWindowRef> &windows, qint64 heldNano, qint64 chargedNano, qint64 nowMs);

    /// The totals of a window as the last reservation in it saw them, with what this gateway has
    /// settled since (its holds given back, its costs spent); zero when none was made.
    SharedWindowTotals totals(const BudgetScope &scope, BudgetWindow window, QDate start) const;

    /// Ends the thread after the work posted so far; later work is never run. Idempotent.
    void stop();

private:
    bool ensureOpen(QString *error);
    /// Runs the statement for `sql` — prepared once per connection: a prepare is a round trip to the
    /// server, and so is freeing it — with `bind` adding its values. The statement, its result to read
    /// (then finish()), or nullptr with `error` when it cannot be prepared or fails.
    QSqlQuery *run(const QString &sql, const std::function<void(QSqlQuery &)> &bind, QString *error);
    /// Forgets the prepared statements and closes the connection: it is opened afresh next time (the
    /// server may have restarted).
    void closeConnection();
    void drain();
    void renew();
    void forgetOldWindows(qint64 nowMs);
    static QString totalsKey(const BudgetScope &scope, BudgetWindow window, QDate start);

    const DatabaseSettings m_settings;
    const QString m_gatewayId;
    std::atomic<qint64> m_holdMs = 60'000;
    QThread m_thread;
    std::unique_ptr<QObject> m_context;
    // Ledger thread only:
    std::unique_ptr<DatabaseConnection> m_connection;
    std::unique_ptr<WriteContext> m_statements; ///< those prepared on m_connection
    std::unique_ptr<QTimer> m_renewTimer;
    bool m_cleaned = false;
    qint64 m_failedAtMs = 0; ///< when opening the connection last failed; 0 = it did not

    QMutex m_queueMutex; ///< guards the three below
    QList<Ask> m_asks;
    QList<Settlement> m_settlements;
    bool m_drainPosted = false;

    mutable QMutex m_totalsMutex;
    QHash<QString, SharedWindowTotals> m_totals;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/sharedbudgets.h"

#include "proxycore/store/storewriter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcShared, "llmproxy.budget")

/// How long after a failed connection the next reservation tries again (until then: Unavailable at
/// once, so that requests do not queue behind the connect timeout of a server that is down).
constexpr qint64 kReconnectAfterMs = 5'000;
/// Windows that ended this long ago are removed (once per start).
constexpr qint64 kKeepWindowsDays = 100;

QString windowWord(BudgetWindow window)
{
    return window == BudgetWindow::Daily ? u"day"_s : u"month"_s;
}

/// Binds the four columns naming a window, in the order every statement below names them.
void bindWindow(QSqlQuery &q, const BudgetWindowRef &w)
{
    q.addBindValue(w.scope.kindName());
    q.addBindValue(w.scope.name);
    q.addBindValue(windowWord(w.window));
    q.addBindValue(w.start.toString(Qt::ISODate));
}

constexpr const char *kWindowWhere = "scope_kind = ? AND scope_name = ? AND budget_window = ? AND window_start = ?";

/// A window's identity, ordered as every gateway locks windows.
using WindowKey = std::tuple<int, QString, int, QDate>;

WindowKey keyOf(const BudgetWindowRef &w)
{
    return {int(w.scope.kind), w.scope.name, int(w.window), w.start};
}

} // namespace

SharedBudgets::SharedBudgets(DatabaseSettings settings, QString gatewayId)
    : m_settings(std::move(settings)), m_gatewayId(std::move(gatewayId)), m_context(std::make_unique<QObject>())
{
    m_thread.setObjectName(u"store-budgets"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

SharedBudgets::~SharedBudgets()
{
    stop();
}

void SharedBudgets::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            m_renewTimer.reset();
            m_statements.reset();
            m_connection.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

void SharedBudgets::setHoldMs(qint64 ms)
{
    m_holdMs.store(std::max<qint64>(ms, 1'000), std::memory_order_relaxed);
    QMetaObject::invokeMethod(
        m_context.get(),
        [this] {
            if (m_renewTimer)
                m_renewTimer->setInterval(int(std::max<qint64>(holdMs() / 3, 300)));
        },
        Qt::QueuedConnection);
}

bool SharedBudgets::ensureOpen(QString *error)
{
    if (m_connection && m_connection->isOpen())
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_failedAtMs != 0 && now - m_failedAtMs < kReconnectAfterMs) {
        *error = u"the database did not answer a moment ago"_s;
        return false;
    }
    if (!m_connection)
        m_connection = std::make_unique<DatabaseConnection>(m_settings, u"budgets"_s);
    if (!m_connection->open(error)) {
        m_failedAtMs = now;
        return false;
    }
    m_failedAtMs = 0;
    m_statements = std::make_unique<WriteContext>(m_connection.get());
    if (!m_renewTimer) {
        m_renewTimer = std::make_unique<QTimer>();
        m_renewTimer->setInterval(int(std::max<qint64>(holdMs() / 3, 300)));
        QObject::connect(m_renewTimer.get(), &QTimer::timeout, m_context.get(), [this] { renew(); });
        m_renewTimer->start();
    }
    if (!m_cleaned) {
        m_cleaned = true;
        forgetOldWindows(now);
    }
    return true;
}

QSqlQuery *SharedBudgets::run(const QString &sql, const std::function<void(QSqlQuery &)> &bind, QString *error)
{
    QSqlQuery *q = m_statements->prepared(sql);
    if (!q) {
        *error = m_statements->error();
        return nullptr;
    }
    bind(*q);
    if (q->exec())
        return q;
    *error = q->lastError().text();
    return nullptr;
}

void SharedBudgets::closeConnection()
{
    m_statements.reset();
    m_connection->close();
}

void SharedBudgets::submit(Ask ask)
{
    const QMutexLocker lock(&m_queueMutex);
    m_asks.append(std::move(ask));
    if (!std::exchange(m_drainPosted, true))
        QMetaObject::invokeMethod(
            m_context.get(), [this] { drain(); }, Qt::QueuedConnection);
}

void SharedBudgets::submit(Settlement settlement)
{
    const QMutexLocker lock(&m_queueMutex);
    m_settlements.append(std::move(settlement));
    if (!std::exchange(m_drainPosted, true))
        QMetaObject::invokeMethod(
            m_context.get(), [this] { drain(); }, Qt::QueuedConnection);
}

void SharedBudgets::drain()
{
    QList<Ask> asks;
    QList<Settlement> settlements;
    {
        const QMutexLocker lock(&m_queueMutex);
        asks.swap(m_asks);
        settlements.swap(m_settlements);
        m_drainPosted = false;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // What ended first: the room it gives back is there for the asks of the same batch.
    if (!settlements.isEmpty())
        settleAll(settlements, now);
    if (asks.isEmpty())
        return;
    const QList<SharedReservation> answers = reserveAll(asks, now);
    for (qsizetype i = 0; i < asks.size(); ++i) {
        if (asks[i].done)
            asks[i].done(answers[i]);
    }
}

SharedReservation SharedBudgets::reserve(const QList<BudgetWindowRef> &windows, qint64 nano, qint64 nowMs)
{
    return reserveAll({Ask{windows, nano, {}}}, nowMs).constFirst();
}

QList<SharedReservation> SharedBudgets::reserveAll(const QList<Ask> &asks, qint64 nowMs)
{
    QList<SharedReservation> results(asks.size());
    const auto allUnavailable = [&](const QString &error) {
        for (SharedReservation &r : results) {
            r.outcome = SharedReservation::Outcome::Unavailable;
            r.error = error;
        }
        return results;
    };
    // The windows of every ask, each once, in the order they are locked.
    std::map<WindowKey, BudgetWindowRef> distinct;
    for (const Ask &ask : asks) {
        for (const BudgetWindowRef &w : ask.windows)
            distinct.emplace(keyOf(w), w);
    }
    if (distinct.empty()) {
        for (SharedReservation &r : results)
            r.outcome = SharedReservation::Outcome::Reserved;
        return results;
    }
    QString error;
    if (!ensureOpen(&error))
        return allUnavailable(error);
    QSqlDatabase &db = m_connection->database();
    const auto failed = [&](const char *what, const QString &why) {
        const QString message = u"%1: %2"_s.arg(QLatin1String(what), why.trimmed());
        db.rollback();
        closeConnection();
        return allUnavailable(message);
    };
    QString why;
    if (!db.transaction()) {
        const QString message = u"cannot begin a transaction: %1"_s.arg(db.lastError().text().trimmed());
        closeConnection();
        return allUnavailable(message);
    }
    const qint64 liveSince = nowMs - holdMs();
    std::map<WindowKey, SharedWindowTotals> totals; // every gateway's, then with this batch's grants
    std::map<WindowKey, qint64> granted;            // what this batch adds to this gateway's rows
    for (const auto &window : distinct) {
        // (Named, not structured, bindings: the lambdas below capture them.)
        const WindowKey &key = window.first;
        const BudgetWindowRef &w = window.second;
        // The window's lock row, made by its first reservation with the spend the history already has.
        static const auto seedFrom = [](QLatin1StringView column) {
            return u"INSERT INTO budget_counters (scope_kind, scope_name, budget_window, window_start, gateway, "
                   u"spent_nano, reserved_nano, renewed_ms) SELECT ?, ?, ?, ?, '', "
                   u"CAST(ROUND(COALESCE(SUM(cost_usd), 0) * 1000000000) AS BIGINT), 0, 0 FROM spend_daily "
                   u"WHERE %1 = ? AND day >= ? AND day <= ? ON CONFLICT DO NOTHING"_s.arg(column);
        };
        static const QString seedKey = seedFrom("key_name"_L1);
        static const QString seedTeam = seedFrom("team"_L1);
        if (!run(
                w.scope.kind == BudgetScope::Kind::Team ? seedTeam : seedKey,
                [&](QSqlQuery &q) {
                    bindWindow(q, w);
                    q.addBindValue(w.scope.name);
                    q.addBindValue(w.start.toString(Qt::ISODate));
                    q.addBindValue(w.last.toString(Qt::ISODate));
                },
                &why))
            return failed("cannot start the budget window", why);
        static const QString lock =
            u"SELECT spent_nano FROM budget_counters WHERE %1 AND gateway = '' FOR UPDATE"_s.arg(
                QLatin1String(kWindowWhere));
        if (QSqlQuery *locked = run(
                lock, [&](QSqlQuery &q) { bindWindow(q, w); }, &why))
            locked->finish();
        else
            return failed("cannot lock the budget window", why);
        static const QString sum =
            u"SELECT COALESCE(SUM(spent_nano), 0), COALESCE(SUM(CASE WHEN gateway = ? OR renewed_ms >= ? "
            u"THEN reserved_nano ELSE 0 END), 0) FROM budget_counters WHERE %1"_s.arg(QLatin1String(kWindowWhere));
        QSqlQuery *read = run(
            sum,
            [&](QSqlQuery &q) {
                q.addBindValue(m_gatewayId);
                q.addBindValue(liveSince);
                bindWindow(q, w);
            },
            &why);
        if (!read || !read->next())
            return failed("cannot read the budget window", read ? read->lastError().text() : why);
        totals[key] = {read->value(0).toLongLong(), read->value(1).toLongLong(), nowMs};
        read->finish();
    }
    // In order: each ask sees what the asks before it were given.
    for (qsizetype i = 0; i < asks.size(); ++i) {
        const Ask &ask = asks[i];
        SharedReservation &r = results[i];
        r.outcome = SharedReservation::Outcome::Reserved;
        for (qsizetype j = 0; j < ask.windows.size(); ++j) {
            const BudgetWindowRef &w = ask.windows[j];
            const SharedWindowTotals &t = totals[keyOf(w)];
            if (t.spentNano >= w.limitNano || t.spentNano + t.reservedNano + ask.nano > w.limitNano) {
                r.outcome = SharedReservation::Outcome::Refused;
                r.window = int(j);
                r.spentNano = t.spentNano;
                r.reservedNano = t.reservedNano;
                break;
            }
        }
        if (r.outcome != SharedReservation::Outcome::Reserved)
            continue;
        for (const BudgetWindowRef &w : ask.windows) {
            totals[keyOf(w)].reservedNano += ask.nano;
            granted[keyOf(w)] += ask.nano;
        }
    }
    static const QString hold =
        u"INSERT INTO budget_counters (scope_kind, scope_name, budget_window, window_start, gateway, spent_nano, "
        u"reserved_nano, renewed_ms) VALUES (?, ?, ?, ?, ?, 0, ?, ?) "
        u"ON CONFLICT (scope_kind, scope_name, budget_window, window_start, gateway) DO UPDATE SET "
        u"reserved_nano = budget_counters.reserved_nano + EXCLUDED.reserved_nano, "
        u"renewed_ms = EXCLUDED.renewed_ms"_s;
    for (const auto &grant : granted) {
        const WindowKey &key = grant.first;
        const qint64 nano = grant.second;
        if (!run(
                hold,
                [&](QSqlQuery &q) {
                    bindWindow(q, distinct.at(key));
                    q.addBindValue(m_gatewayId);
                    q.addBindValue(nano);
                    q.addBindValue(nowMs);
                },
                &why))
            return failed("cannot hold the reservations", why);
    }
    if (!db.commit()) {
        const QString message = u"cannot commit the reservations: %1"_s.arg(db.lastError().text().trimmed());
        db.rollback();
        closeConnection();
        return allUnavailable(message);
    }
    const QMutexLocker lock(&m_totalsMutex);
    for (const auto &[key, w] : distinct)
        m_totals.insert(totalsKey(w.scope, w.window, w.start), totals[key]);
    return results;
}

void SharedBudgets::settle(const QList<BudgetWindowRef> &windows, qint64 heldNano, qint64 chargedNano, qint64 nowMs)
{
    settleAll({Settlement{windows, heldNano, chargedNano}}, nowMs);
}

void SharedBudgets::settleAll(const QList<Settlement> &settlements, qint64 nowMs)
{
    // Summed per window: one statement each, whatever the number of requests that ended.
    std::map<WindowKey, std::pair<BudgetWindowRef, std::pair<qint64, qint64>>> perWindow;
    qint64 held = 0;
    for (const Settlement &s : settlements) {
        held += s.heldNano;
        for (const BudgetWindowRef &w : s.windows) {
            auto &entry = perWindow[keyOf(w)];
            entry.first = w;
            entry.second.first += s.heldNano;
            entry.second.second += s.chargedNano;
        }
    }
    if (perWindow.empty())
        return;
    QString error;
    if (!ensureOpen(&error)) {
        qCWarning(lcShared, "shared budgets: cannot settle %lld reservations (%lld nano-dollars held): %s",
                  qint64(settlements.size()), held, qPrintable(error));
        return;
    }
    QSqlDatabase &db = m_connection->database();
    if (!db.transaction()) {
        qCWarning(lcShared, "shared budgets: cannot settle reservations: %s", qPrintable(db.lastError().text()));
        closeConnection();
        return;
    }
    static const QString settle =
        u"UPDATE budget_counters SET reserved_nano = GREATEST(reserved_nano - ?, 0), "
        u"spent_nano = spent_nano + ?, renewed_ms = ? WHERE %1 AND gateway = ?"_s.arg(QLatin1String(kWindowWhere));
    for (const auto &window : perWindow) {
        const BudgetWindowRef &ref = window.second.first;
        const qint64 heldNano = window.second.second.first;
        const qint64 chargedNano = window.second.second.second;
        const auto bind = [&](QSqlQuery &q) {
            q.addBindValue(heldNano);
            q.addBindValue(chargedNano);
            q.addBindValue(nowMs);
            bindWindow(q, ref);
            q.addBindValue(m_gatewayId);
        };
        if (!run(settle, bind, &error)) {
            qCWarning(lcShared, "shared budgets: cannot settle reservations: %s", qPrintable(error.trimmed()));
            db.rollback();
            closeConnection();
            return;
        }
    }
    if (!db.commit()) {
        qCWarning(lcShared, "shared budgets: cannot settle reservations: %s", qPrintable(db.lastError().text()));
        db.rollback();
        closeConnection();
        return;
    }
    // What this gateway just settled changes the totals it reports at once (the other gateways'
    // changes show with its next reservation): its holds given back, its costs spent.
    const QMutexLocker lock(&m_totalsMutex);
    for (const auto &window : perWindow) {
        const BudgetWindowRef &ref = window.second.first;
        const auto it = m_totals.find(totalsKey(ref.scope, ref.window, ref.start));
        if (it == m_totals.end())
            continue;
        it->reservedNano = std::max<qint64>(it->reservedNano - window.second.second.first, 0);
        it->spentNano += window.second.second.second;
    }
}

void SharedBudgets::renew()
{
    if (!m_connection || !m_connection->isOpen())
        return;
    static const QString renewal =
        u"UPDATE budget_counters SET renewed_ms = ? WHERE gateway = ? AND reserved_nano > 0"_s;
    QString error;
    const auto bind = [this](QSqlQuery &q) {
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(m_gatewayId);
    };
    if (!run(renewal, bind, &error)) {
        qCWarning(lcShared, "shared budgets: cannot renew this gateway's reservations: %s",
                  qPrintable(error.trimmed()));
        closeConnection();
    }
}

void SharedBudgets::forgetOldWindows(qint64 nowMs)
{
    const QDate cutoff = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date().addDays(-kKeepWindowsDays);
    QSqlQuery q(m_connection->database());
    q.prepare(u"DELETE FROM budget_counters WHERE window_start < ?"_s);
    q.addBindValue(cutoff.toString(Qt::ISODate));
    if (!q.exec())
        qCWarning(lcShared, "shared budgets: cannot remove old windows: %s",
                  qPrintable(q.lastError().text().trimmed()));
}

QString SharedBudgets::totalsKey(const BudgetScope &scope, BudgetWindow window, QDate start)
{
    return scope.kindName() + u'\n' + scope.name + u'\n' + windowWord(window) + u'\n' + start.toString(Qt::ISODate);
}

SharedWindowTotals SharedBudgets::totals(const BudgetScope &scope, BudgetWindow window, QDate start) const
{
    const QMutexLocker lock(&m_totalsMutex);
    return m_totals.value(totalsKey(scope, window, start));
}

} // namespace llmproxy

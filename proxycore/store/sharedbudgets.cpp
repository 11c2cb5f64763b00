// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/sharedbudgets.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>
#include <numeric>

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

SharedReservation SharedBudgets::reserve(const QList<BudgetWindowRef> &windows, qint64 nano, qint64 nowMs)
{
    SharedReservation result;
    if (windows.isEmpty()) {
        result.outcome = SharedReservation::Outcome::Reserved;
        return result;
    }
    if (!ensureOpen(&result.error))
        return result;
    QSqlDatabase &db = m_connection->database();
    const auto unavailable = [&](const QSqlQuery &q, const char *what) {
        result.outcome = SharedReservation::Outcome::Unavailable;
        result.error = u"%1: %2"_s.arg(QLatin1String(what), q.lastError().text().trimmed());
        db.rollback();
        m_connection->close(); // opened afresh next time: the server may have restarted
        return result;
    };
    if (!db.transaction()) {
        result.error = u"cannot begin a transaction: %1"_s.arg(db.lastError().text().trimmed());
        m_connection->close();
        return result;
    }
    // Locked in one order by every gateway, so that two reservations never wait for each other.
    QList<int> order(windows.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&windows](int a, int b) {
        const BudgetWindowRef &x = windows[a];
        const BudgetWindowRef &y = windows[b];
        return std::tuple(int(x.scope.kind), x.scope.name, int(x.window), x.start) <
               std::tuple(int(y.scope.kind), y.scope.name, int(y.window), y.start);
    });
    const qint64 liveSince = nowMs - holdMs();
    QList<SharedWindowTotals> seen(windows.size());
    for (const int i : std::as_const(order)) {
        const BudgetWindowRef &w = windows[i];
        // The window's lock row, made by its first reservation with the spend the history already has.
        QSqlQuery q(db);
        const QString column = w.scope.kind == BudgetScope::Kind::Team ? u"team"_s : u"key_name"_s;
        q.prepare(u"INSERT INTO budget_counters (scope_kind, scope_name, budget_window, window_start, gateway, "
                  u"spent_nano, reserved_nano, renewed_ms) SELECT ?, ?, ?, ?, '', "
                  u"CAST(ROUND(COALESCE(SUM(cost_usd), 0) * 1000000000) AS BIGINT), 0, 0 FROM spend_daily "
                  u"WHERE %1 = ? AND day >= ? AND day <= ? ON CONFLICT DO NOTHING"_s.arg(column));
        bindWindow(q, w);
        q.addBindValue(w.scope.name);
        q.addBindValue(w.start.toString(Qt::ISODate));
        q.addBindValue(w.last.toString(Qt::ISODate));
        if (!q.exec())
            return unavailable(q, "cannot start the budget window");
        q.prepare(u"SELECT spent_nano FROM budget_counters WHERE %1 AND gateway = '' FOR UPDATE"_s.arg(
            QLatin1String(kWindowWhere)));
        bindWindow(q, w);
        if (!q.exec())
            return unavailable(q, "cannot lock the budget window");
        q.prepare(
            u"SELECT COALESCE(SUM(spent_nano), 0), COALESCE(SUM(CASE WHEN gateway = ? OR renewed_ms >= ? "
            u"THEN reserved_nano ELSE 0 END), 0) FROM budget_counters WHERE %1"_s.arg(QLatin1String(kWindowWhere)));
        q.addBindValue(m_gatewayId);
        q.addBindValue(liveSince);
        bindWindow(q, w);
        if (!q.exec() || !q.next())
            return unavailable(q, "cannot read the budget window");
        const qint64 spent = q.value(0).toLongLong();
        const qint64 reserved = q.value(1).toLongLong();
        seen[i] = {spent, reserved, nowMs};
        if (spent >= w.limitNano || spent + reserved + nano > w.limitNano) {
            db.rollback();
            result.outcome = SharedReservation::Outcome::Refused;
            result.window = i;
            result.spentNano = spent;
            result.reservedNano = reserved;
            const QMutexLocker lock(&m_totalsMutex);
            m_totals.insert(totalsKey(w.scope, w.window, w.start), seen[i]);
            return result;
        }
    }
    for (const BudgetWindowRef &w : windows) {
        QSqlQuery q(db);
        q.prepare(u"INSERT INTO budget_counters (scope_kind, scope_name, budget_window, window_start, gateway, "
                  u"spent_nano, reserved_nano, renewed_ms) VALUES (?, ?, ?, ?, ?, 0, ?, ?) "
                  u"ON CONFLICT (scope_kind, scope_name, budget_window, window_start, gateway) DO UPDATE SET "
                  u"reserved_nano = budget_counters.reserved_nano + EXCLUDED.reserved_nano, "
                  u"renewed_ms = EXCLUDED.renewed_ms"_s);
        bindWindow(q, w);
        q.addBindValue(m_gatewayId);
        q.addBindValue(nano);
        q.addBindValue(nowMs);
        if (!q.exec())
            return unavailable(q, "cannot hold the reservation");
    }
    if (!db.commit()) {
        result.error = u"cannot commit the reservation: %1"_s.arg(db.lastError().text().trimmed());
        db.rollback();
        m_connection->close();
        return result;
    }
    result.outcome = SharedReservation::Outcome::Reserved;
    const QMutexLocker lock(&m_totalsMutex);
    for (qsizetype i = 0; i < windows.size(); ++i) {
        seen[i].reservedNano += nano;
        m_totals.insert(totalsKey(windows[i].scope, windows[i].window, windows[i].start), seen[i]);
    }
    return result;
}

void SharedBudgets::settle(const QList<BudgetWindowRef> &windows, qint64 heldNano, qint64 chargedNano, qint64 nowMs)
{
    if (windows.isEmpty())
        return;
    QString error;
    if (!ensureOpen(&error)) {
        qCWarning(lcShared, "shared budgets: cannot settle a reservation of %lld nano-dollars: %s", heldNano,
                  qPrintable(error));
        return;
    }
    QSqlDatabase &db = m_connection->database();
    if (!db.transaction()) {
        qCWarning(lcShared, "shared budgets: cannot settle a reservation: %s", qPrintable(db.lastError().text()));
        m_connection->close();
        return;
    }
    for (const BudgetWindowRef &w : windows) {
        QSqlQuery q(db);
        q.prepare(
            u"UPDATE budget_counters SET reserved_nano = GREATEST(reserved_nano - ?, 0), "
            u"spent_nano = spent_nano + ?, renewed_ms = ? WHERE %1 AND gateway = ?"_s.arg(QLatin1String(kWindowWhere)));
        q.addBindValue(heldNano);
        q.addBindValue(chargedNano);
        q.addBindValue(nowMs);
        bindWindow(q, w);
        q.addBindValue(m_gatewayId);
        if (!q.exec()) {
            qCWarning(lcShared, "shared budgets: cannot settle a reservation: %s",
                      qPrintable(q.lastError().text().trimmed()));
            db.rollback();
            m_connection->close();
            return;
        }
    }
    if (!db.commit()) {
        qCWarning(lcShared, "shared budgets: cannot settle a reservation: %s", qPrintable(db.lastError().text()));
        db.rollback();
        m_connection->close();
    }
}

void SharedBudgets::renew()
{
    if (!m_connection || !m_connection->isOpen())
        return;
    QSqlQuery q(m_connection->database());
    q.prepare(u"UPDATE budget_counters SET renewed_ms = ? WHERE gateway = ? AND reserved_nano > 0"_s);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(m_gatewayId);
    if (!q.exec()) {
        qCWarning(lcShared, "shared budgets: cannot renew this gateway's reservations: %s",
                  qPrintable(q.lastError().text().trimmed()));
        m_connection->close();
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

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The keys' and teams' budgets shared by the gateways on one PostgreSQL database (SharedBudgets,
// table budget_counters), against a real server: what one gateway holds leaves less for another;
// reservations made at once from four gateways' connections never pass the limit together; a
// window starts with the spend spend_daily already has; what a stopped gateway held stops counting
// after the hold time; settling gives back the hold and charges the cost; a server that is down
// answers Unavailable at once.
#include "proxycore/store/sharedbudgets.h"
#include "proxycore/store/store.h"
#include "tests/support/testdatabases.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

/// Runs `work` on the ledger's thread and waits for it.
template <class F> auto onLedger(SharedBudgets &ledger, F work)
{
    decltype(work()) result{};
    QMetaObject::invokeMethod(
        ledger.context(), [&] { result = work(); }, Qt::BlockingQueuedConnection);
    return result;
}

BudgetWindowRef aliceToday(qint64 limitNano)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    return {{BudgetScope::Kind::Key, u"alice"_s}, BudgetWindow::Daily, today, today, limitNano, 0};
}

BudgetWindowRef researchMonth(qint64 limitNano)
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QDate first(today.year(), today.month(), 1);
    return {{BudgetScope::Kind::Team, u"research"_s},
            BudgetWindow::Monthly,
            first,
            first.addMonths(1).addDays(-1),
            limitNano,
            0};
}

SharedReservation::Outcome reserve(SharedBudgets &ledger, const QList<BudgetWindowRef> &windows, qint64 nano)
{
    return onLedger(ledger, [&] { return ledger.reserve(windows, nano, QDateTime::currentMSecsSinceEpoch()); }).outcome;
}

void settle(SharedBudgets &ledger, const QList<BudgetWindowRef> &windows, qint64 held, qint64 charged)
{
    onLedger(ledger, [&] {
        ledger.settle(windows, held, charged, QDateTime::currentMSecsSinceEpoch());
        return 0;
    });
}

} // namespace

class TestSharedLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneGatewaysHoldLeavesLessForAnother();
    void settlingChargesTheCostAndGivesBackTheHold();
    void everyWindowMustHaveRoom();
    void concurrentReservationsNeverPassTheLimit();
    void oneBatchGrantsInOrderUntilFull();
    void submittedAsksAreAllAnswered();
    void windowStartsWithTheSpendAlreadyRecorded();
    void holdsOfAStoppedGatewayExpire();
    void downDatabaseIsUnavailableAtOnce();

private:
    /// A new database at this build's schema.
    std::optional<DatabaseSettings> freshDatabase();

    TestDatabases m_databases;
};

void TestSharedLedger::initTestCase()
{
    if (PostgresCluster::binDirectory().isEmpty())
        QSKIP("the shared budgets need a PostgreSQL server (apt-get install postgresql)");
}

std::optional<DatabaseSettings> TestSharedLedger::freshDatabase()
{
    std::optional<DatabaseSettings> settings = m_databases.fresh(u"postgres"_s);
    if (!settings)
        return std::nullopt;
    QString error;
    if (!Store::open(*settings, {}, &error)) // migrates the schema, then closes again
        return std::nullopt;
    return settings;
}

void TestSharedLedger::oneGatewaysHoldLeavesLessForAnother()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    SharedBudgets b(*db, u"gw-b"_s);
    const QList<BudgetWindowRef> windows{aliceToday(100)};
    QCOMPARE(reserve(a, windows, 60), SharedReservation::Outcome::Reserved);
    const SharedReservation refused =
        onLedger(b, [&] { return b.reserve(windows, 60, QDateTime::currentMSecsSinceEpoch()); });
    QCOMPARE(refused.outcome, SharedReservation::Outcome::Refused);
    QCOMPARE(refused.window, 0);
    QCOMPARE(refused.spentNano, 0);
    QCOMPARE(refused.reservedNano, 60);
    QCOMPARE(reserve(b, windows, 40), SharedReservation::Outcome::Reserved);
    QCOMPARE(reserve(a, windows, 1), SharedReservation::Outcome::Refused);
    // Both see the totals they met last.
    QCOMPARE(b.totals(windows[0].scope, BudgetWindow::Daily, windows[0].start).reservedNano, 100);
}

void TestSharedLedger::settlingChargesTheCostAndGivesBackTheHold()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    SharedBudgets b(*db, u"gw-b"_s);
    const QList<BudgetWindowRef> windows{aliceToday(100)};
    QCOMPARE(reserve(a, windows, 80), SharedReservation::Outcome::Reserved);
    QCOMPARE(reserve(b, windows, 30), SharedReservation::Outcome::Refused);
    settle(a, windows, 80, 10); // cost 10 of the 80 held
    // a's report shows its settlement at once: the hold given back, the cost spent.
    const SharedWindowTotals settled = a.totals(windows[0].scope, BudgetWindow::Daily, windows[0].start);
    QCOMPARE(settled.spentNano, 10);
    QCOMPARE(settled.reservedNano, 0);
    QCOMPARE(reserve(b, windows, 90), SharedReservation::Outcome::Reserved);
    QCOMPARE(reserve(a, windows, 1), SharedReservation::Outcome::Refused);
    settle(b, windows, 90, 0); // released: nothing charged
    QCOMPARE(reserve(a, windows, 90), SharedReservation::Outcome::Reserved);
    settle(a, windows, 90, 90);
    // Spent to the limit: even a request that costs nothing is refused.
    QCOMPARE(reserve(b, windows, 0), SharedReservation::Outcome::Refused);
}

void TestSharedLedger::everyWindowMustHaveRoom()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    SharedBudgets b(*db, u"gw-b"_s);
    const QList<BudgetWindowRef> both{aliceToday(1000), researchMonth(100)};
    QCOMPARE(reserve(a, {researchMonth(100)}, 70), SharedReservation::Outcome::Reserved);
    const SharedReservation refused =
        onLedger(b, [&] { return b.reserve(both, 50, QDateTime::currentMSecsSinceEpoch()); });
    QCOMPARE(refused.outcome, SharedReservation::Outcome::Refused);
    QCOMPARE(refused.window, 1); // the team's month, not the key's day
    // Nothing was held in the key's window either (all or nothing).
    QCOMPARE(reserve(a, {aliceToday(1000)}, 1000), SharedReservation::Outcome::Reserved);
}

void TestSharedLedger::concurrentReservationsNeverPassTheLimit()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    constexpr int kGateways = 4;
    constexpr int kAttempts = 40;
    const QList<BudgetWindowRef> windows{aliceToday(1000), researchMonth(1000)};
    std::vector<std::unique_ptr<SharedBudgets>> ledgers;
    ledgers.reserve(kGateways);
    for (int i = 0; i < kGateways; ++i)
        ledgers.push_back(std::make_unique<SharedBudgets>(*db, u"gw-%1"_s.arg(i)));
    // Every ledger's thread works through its own queue at the same time as the others.
    std::atomic<int> reserved{0};
    std::atomic<int> answered{0};
    for (auto &ledger : ledgers) {
        for (int n = 0; n < kAttempts; ++n) {
            QMetaObject::invokeMethod(
                ledger->context(),
                [&, raw = ledger.get()] {
                    if (raw->reserve(windows, 30, QDateTime::currentMSecsSinceEpoch()).outcome ==
                        SharedReservation::Outcome::Reserved)
                        ++reserved;
                    ++answered;
                },
                Qt::QueuedConnection);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.load(), kGateways * kAttempts, 60'000);
    QCOMPARE(reserved.load(), 1000 / 30); // exactly as many as fit: never one more, never one fewer
}

void TestSharedLedger::oneBatchGrantsInOrderUntilFull()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    const BudgetWindowRef day = aliceToday(100);
    const BudgetWindowRef team = researchMonth(1000);
    const QList<SharedBudgets::Ask> asks{
        {{day}, 30, {}}, {{day, team}, 30, {}}, {{team}, 500, {}}, {{day}, 50, {}}, {{day}, 10, {}}};
    const QList<SharedReservation> answers =
        onLedger(a, [&] { return a.reserveAll(asks, QDateTime::currentMSecsSinceEpoch()); });
    QCOMPARE(answers.size(), 5);
    QCOMPARE(answers[0].outcome, SharedReservation::Outcome::Reserved);
    QCOMPARE(answers[1].outcome, SharedReservation::Outcome::Reserved);
    QCOMPARE(answers[2].outcome, SharedReservation::Outcome::Reserved);
    QCOMPARE(answers[3].outcome, SharedReservation::Outcome::Refused); // 60 held + 50 > 100
    QCOMPARE(answers[3].reservedNano, 60);
    QCOMPARE(answers[4].outcome, SharedReservation::Outcome::Reserved); // 60 + 10 fits
    // What the batch held is in the table for the next one: 70 of the day, 530 of the month.
    QCOMPARE(reserve(a, {day}, 31), SharedReservation::Outcome::Refused);
    QCOMPARE(reserve(a, {day}, 30), SharedReservation::Outcome::Reserved);
    QCOMPARE(reserve(a, {team}, 471), SharedReservation::Outcome::Refused);
}

void TestSharedLedger::submittedAsksAreAllAnswered()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    const QList<BudgetWindowRef> windows{aliceToday(100)};
    std::atomic<int> reserved{0};
    std::atomic<int> answered{0};
    // Queued from here at once: the ledger thread answers them in few batches.
    for (int i = 0; i < 50; ++i) {
        a.submit(SharedBudgets::Ask{windows, 30, [&](const SharedReservation &r) {
                                        reserved += r.outcome == SharedReservation::Outcome::Reserved ? 1 : 0;
                                        ++answered;
                                    }});
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.load(), 50, 20'000);
    QCOMPARE(reserved.load(), 3);
    // Settlements queued the same way give the room back.
    for (int i = 0; i < 3; ++i)
        a.submit(SharedBudgets::Settlement{windows, 30, 5});
    // (QTRY_ evaluates its condition again after it holds: reserve only until one is held.)
    bool held = false;
    QTRY_VERIFY_WITH_TIMEOUT(held || (held = reserve(a, windows, 85) == SharedReservation::Outcome::Reserved), 10'000);
    QCOMPARE(reserve(a, windows, 1), SharedReservation::Outcome::Refused); // 15 spent + 85 held
}

void TestSharedLedger::windowStartsWithTheSpendAlreadyRecorded()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    {
        DatabaseConnection connection(*db, u"test"_s);
        QString error;
        QVERIFY2(connection.open(&error), qPrintable(error));
        QSqlQuery q(connection.database());
        q.prepare(u"INSERT INTO spend_daily (day, key_name, team, model, cost_usd) VALUES (?, 'alice', 'research', "
                  u"'m', 0.00000006)"_s);
        q.addBindValue(QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QVERIFY2(q.exec(), qPrintable(q.lastQuery()));
    }
    SharedBudgets a(*db, u"gw-a"_s);
    const SharedReservation refused =
        onLedger(a, [&] { return a.reserve({aliceToday(100)}, 50, QDateTime::currentMSecsSinceEpoch()); });
    QCOMPARE(refused.outcome, SharedReservation::Outcome::Refused);
    QCOMPARE(refused.spentNano, 60);
    QCOMPARE(reserve(a, {aliceToday(100)}, 40), SharedReservation::Outcome::Reserved);
    // The team's month window counts the same row.
    QCOMPARE(reserve(a, {researchMonth(100)}, 41), SharedReservation::Outcome::Refused);
}

void TestSharedLedger::holdsOfAStoppedGatewayExpire()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    const QList<BudgetWindowRef> windows{aliceToday(100)};
    SharedBudgets b(*db, u"gw-b"_s);
    b.setHoldMs(1'000);
    {
        SharedBudgets a(*db, u"gw-a"_s);
        a.setHoldMs(1'000);
        QCOMPARE(reserve(a, windows, 100), SharedReservation::Outcome::Reserved);
        // While a runs, it renews what it holds: still counted after the hold time.
        QTest::qWait(1'500);
        QCOMPARE(reserve(b, windows, 1), SharedReservation::Outcome::Refused);
    } // a stops without giving anything back, as a process that was killed
    bool held = false;
    QTRY_VERIFY_WITH_TIMEOUT(held || (held = reserve(b, windows, 1) == SharedReservation::Outcome::Reserved), 10'000);
}

void TestSharedLedger::downDatabaseIsUnavailableAtOnce()
{
    const std::optional<DatabaseSettings> db = freshDatabase();
    QVERIFY2(db, qPrintable(m_databases.problem()));
    SharedBudgets a(*db, u"gw-a"_s);
    const QList<BudgetWindowRef> windows{aliceToday(100)};
    QCOMPARE(reserve(a, windows, 10), SharedReservation::Outcome::Reserved);
    QVERIFY(m_databases.postgres()->stop());
    QCOMPARE(reserve(a, windows, 10), SharedReservation::Outcome::Unavailable);
    // And again, with the error that says why.
    const SharedReservation again =
        onLedger(a, [&] { return a.reserve(windows, 10, QDateTime::currentMSecsSinceEpoch()); });
    QCOMPARE(again.outcome, SharedReservation::Outcome::Unavailable);
    QVERIFY(!again.error.isEmpty());
    QVERIFY(m_databases.postgres()->start());
    // Back: reserved again once the pause after the failure has passed.
    bool held = false;
    QTRY_VERIFY_WITH_TIMEOUT(held || (held = reserve(a, windows, 10) == SharedReservation::Outcome::Reserved), 15'000);
}

QTEST_GUILESS_MAIN(TestSharedLedger)
#include "tst_sharedledger.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The keys' and teams' budgets: reservations against daily and monthly hard limits (all or
// nothing, in nano-dollars, from many threads), settling and releasing, windows in the budget's
// zone, the soft limit's event once per window, restored totals, and the budget.keys /
// budget.teams / server.auth.keys[].team configuration.
#include "proxycore/config/configloader.h"
#include "proxycore/cost/budget.h"
#include "proxycore/cost/scopebudget.h"
#include "tests/support/concurrency.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <atomic>

using namespace llmproxy;
using llmproxy::test::runConcurrently;
using namespace Qt::StringLiterals;

namespace {

qint64 utcMs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone::utc()).toMSecsSinceEpoch();
}

constexpr qint64 kUsd = 1'000'000'000;

BudgetConfig keyBudget(const QString &key, ScopeBudgetConfig limits, const QString &zone = u"UTC"_s)
{
    BudgetConfig c;
    c.timezone = zone;
    c.keys.insert(key, limits);
    return c;
}

/// The window `kind` of `scope`, as statuses() reports it.
BudgetWindowStatus windowOf(const ScopeBudgets &budgets, const BudgetScope &scope, BudgetWindow kind, qint64 now)
{
    for (const BudgetWindowStatus &s : budgets.statuses(now)) {
        if (s.scope == scope && s.window == kind)
            return s;
    }
    return {};
}

ConfigLoadResult loadText(const QByteArray &yaml)
{
    ConfigSources s;
    s.configText = yaml;
    s.environment = QProcessEnvironment();
    s.environment.insert(u"KEY_A"_s, u"sk-a-0123456789abcdef"_s);
    s.environment.insert(u"KEY_B"_s, u"sk-b-0123456789abcdef"_s);
    return loadConfig(s);
}

QString joined(const QList<ConfigDiagnostic> &diagnostics)
{
    QStringList lines;
    for (const ConfigDiagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace

class TestScopeBudget : public QObject
{
    Q_OBJECT

private slots:
    void unlimitedScopesReserveNothing()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), now);
        QVERIFY(budgets.isLimited(u"ci"_s, {}));
        QVERIFY(!budgets.isLimited(u"other"_s, u"no-team"_s));
        ScopeBudgets::Refusal refused;
        const BudgetReservation r = budgets.reserve(u"other"_s, {}, 100.0, now, &refused);
        QVERIFY(!r.isActive());
        QCOMPARE(refused.status.limitNano, 0);
    }

    void reservationPastTheHardLimitIsRefused()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), now);
        ScopeBudgets::Refusal refused;
        BudgetReservation first = budgets.reserve(u"ci"_s, {}, 0.6, now, &refused);
        QVERIFY(first.isActive());
        BudgetReservation second = budgets.reserve(u"ci"_s, {}, 0.6, now, &refused);
        QVERIFY(!second.isActive());
        QCOMPARE(refused.status.window, BudgetWindow::Daily);
        QCOMPARE(refused.status.reservedNano, 6 * kUsd / 10);
        QCOMPARE(refused.status.limitNano, kUsd);
        QCOMPARE(refused.askedNano, 6 * kUsd / 10);
        QCOMPARE(refused.status.resetsAtMs, utcMs(2026, 3, 8, 0, 0));

        budgets.release(first);
        QVERIFY(!first.isActive());
        budgets.release(first); // once only
        QCOMPARE(windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, now).reservedNano, 0);
        second = budgets.reserve(u"ci"_s, {}, 0.6, now, &refused);
        QVERIFY(second.isActive());
        budgets.settle(second, 0.25, now);
        const BudgetWindowStatus day = windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, now);
        QCOMPARE(day.spentNano, kUsd / 4);
        QCOMPARE(day.reservedNano, 0);
        // Exactly the limit is allowed; a nano-dollar more is not.
        QVERIFY(budgets.reserve(u"ci"_s, {}, 0.75, now, &refused).isActive());
        QVERIFY(!budgets.reserve(u"ci"_s, {}, 0.750000001, now, &refused).isActive());
    }

    void droppedReservationIsReleased()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), now);
        ScopeBudgets::Refusal refused;
        {
            const BudgetReservation held = budgets.reserve(u"ci"_s, {}, 0.9, now, &refused);
            QVERIFY(held.isActive());
            BudgetReservation moved;
            moved = budgets.reserve(u"ci"_s, {}, 0.1, now, &refused);
            QVERIFY(moved.isActive());
            QCOMPARE(windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, now).reservedNano, kUsd);
        }
        QCOMPARE(windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, now).reservedNano, 0);
    }

    void keyAndTeamAreHeldTogether()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        BudgetConfig config;
        config.keys.insert(u"alice"_s, {10.0, 0.0, 0.0});
        config.teams.insert(u"research"_s, {1.0, 0.0, 0.0});
        budgets.configure(config, now);
        ScopeBudgets::Refusal refused;
        BudgetReservation alice = budgets.reserve(u"alice"_s, u"research"_s, 0.8, now, &refused);
        QVERIFY(alice.isActive());
        QCOMPARE(alice.scopes().size(), 2);
        // Bob has no budget of his own, but his team is nearly spent.
        QVERIFY(!budgets.reserve(u"bob"_s, u"research"_s, 0.5, now, &refused).isActive());
        QCOMPARE(refused.status.scope, (BudgetScope{BudgetScope::Kind::Team, u"research"_s}));
        // All or nothing: the refused request holds nothing anywhere.
        QCOMPARE(windowOf(budgets, {BudgetScope::Kind::Key, u"alice"_s}, BudgetWindow::Daily, now).reservedNano,
                 8 * kUsd / 10);
        budgets.settle(alice, 0.1, now);
        QVERIFY(budgets.reserve(u"bob"_s, u"research"_s, 0.5, now, &refused).isActive());
    }

    void monthlyLimitSpansTheDaysOfTheMonth()
    {
        ScopeBudgets budgets;
        const qint64 day1 = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {0.0, 1.0, 0.0}), day1);
        ScopeBudgets::Refusal refused;
        BudgetReservation r = budgets.reserve(u"ci"_s, {}, 0.7, day1, &refused);
        budgets.settle(r, 0.7, day1);
        const qint64 day2 = utcMs(2026, 3, 20, 12, 0);
        QVERIFY(!budgets.reserve(u"ci"_s, {}, 0.4, day2, &refused).isActive());
        QCOMPARE(refused.status.window, BudgetWindow::Monthly);
        QCOMPARE(refused.status.start, QDate(2026, 3, 1));
        QCOMPARE(refused.status.resetsAtMs, utcMs(2026, 4, 1, 0, 0));
        QVERIFY(budgets.reserve(u"ci"_s, {}, 0.3, day2, &refused).isActive());
        // April starts at 0.
        QVERIFY(budgets.reserve(u"ci"_s, {}, 0.9, utcMs(2026, 4, 1, 0, 0), &refused).isActive());
    }

    void windowsFollowTheConfiguredZone()
    {
        // Berlin is UTC+1 in March before the change: its day ends at 23:00 UTC.
        ScopeBudgets budgets;
        const qint64 evening = utcMs(2026, 3, 7, 22, 30);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}, u"Europe/Berlin"_s), evening);
        ScopeBudgets::Refusal refused;
        BudgetReservation r = budgets.reserve(u"ci"_s, {}, 0.9, evening, &refused);
        budgets.settle(r, 0.9, evening);
        const BudgetWindowStatus day =
            windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, evening);
        QCOMPARE(day.resetsAtMs, utcMs(2026, 3, 7, 23, 0));
        QCOMPARE(day.start, QDate(2026, 3, 7));
        QVERIFY(!budgets.reserve(u"ci"_s, {}, 0.2, utcMs(2026, 3, 7, 22, 59), &refused).isActive());
        QVERIFY(budgets.reserve(u"ci"_s, {}, 0.2, utcMs(2026, 3, 7, 23, 0), &refused).isActive());
    }

    void reservationFromTheDayBeforeSettlesIntoTheNewDay()
    {
        ScopeBudgets budgets;
        const qint64 late = utcMs(2026, 3, 7, 23, 59);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), late);
        ScopeBudgets::Refusal refused;
        BudgetReservation r = budgets.reserve(u"ci"_s, {}, 0.5, late, &refused);
        const qint64 after = utcMs(2026, 3, 8, 0, 1);
        QCOMPARE(windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, after).reservedNano, 0);
        BudgetReservation fresh = budgets.reserve(u"ci"_s, {}, 0.3, after, &refused);
        budgets.settle(r, 0.2, after);
        const BudgetWindowStatus day = windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, after);
        QCOMPARE(day.spentNano, kUsd / 5);
        QCOMPARE(day.reservedNano, 3 * kUsd / 10); // the new day's reservation is untouched
    }

    void softLimitIsReportedOncePerWindow()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        BudgetConfig config;
        config.teams.insert(u"research"_s, {0.0, 0.0, 0.5});
        budgets.configure(config, now);
        QList<BudgetSoftLimitEvent> events;
        budgets.setSoftLimitHandler([&events](const BudgetSoftLimitEvent &e) { events.append(e); });
        ScopeBudgets::Refusal refused;
        for (int i = 0; i < 4; ++i) {
            BudgetReservation r = budgets.reserve(u"k"_s, u"research"_s, 0.3, now, &refused);
            QVERIFY(r.isActive()); // a soft limit refuses nothing
            budgets.settle(r, 0.3, now);
        }
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).status.scope, (BudgetScope{BudgetScope::Kind::Team, u"research"_s}));
        QCOMPARE(events.at(0).status.window, BudgetWindow::Daily);
        QCOMPARE(events.at(0).status.spentNano, 6 * kUsd / 10);
        const qint64 tomorrow = utcMs(2026, 3, 8, 12, 0);
        BudgetReservation r = budgets.reserve(u"k"_s, u"research"_s, 0.6, tomorrow, &refused);
        budgets.settle(r, 0.6, tomorrow);
        QCOMPARE(events.size(), 2);
    }

    void restoredTotalsCount()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 5.0, 0.0}), now);
        budgets.restore({BudgetScope::Kind::Key, u"ci"_s}, 0.9, 4.95, now);
        budgets.restore({BudgetScope::Kind::Key, u"unknown"_s}, 0.9, 4.95, now); // not configured: ignored
        QCOMPARE(budgets.scopes().size(), 1);
        ScopeBudgets::Refusal refused;
        QVERIFY(!budgets.reserve(u"ci"_s, {}, 0.06, now, &refused).isActive());
        QCOMPARE(refused.status.window, BudgetWindow::Monthly);
        QVERIFY(budgets.reserve(u"ci"_s, {}, 0.05, now, &refused).isActive());
    }

    void reloadKeepsTheTotals()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), now);
        ScopeBudgets::Refusal refused;
        BudgetReservation r = budgets.reserve(u"ci"_s, {}, 0.5, now, &refused);
        budgets.settle(r, 0.5, now);
        budgets.configure(keyBudget(u"ci"_s, {0.6, 0.0, 0.0}), now);
        QVERIFY(!budgets.reserve(u"ci"_s, {}, 0.2, now, &refused).isActive());
        QCOMPARE(refused.status.spentNano, kUsd / 2);
        QCOMPARE(refused.status.limitNano, 6 * kUsd / 10);
    }

    void concurrentReservationsNeverPassTheLimit()
    {
        ScopeBudgets budgets;
        const qint64 now = utcMs(2026, 3, 7, 12, 0);
        budgets.configure(keyBudget(u"ci"_s, {1.0, 0.0, 0.0}), now);
        std::atomic<int> granted{0};
        runConcurrently(8, [&](int) {
            for (int i = 0; i < 200; ++i) {
                ScopeBudgets::Refusal refused;
                BudgetReservation r = budgets.reserve(u"ci"_s, {}, 0.01, now, &refused);
                if (!r.isActive())
                    continue;
                ++granted;
                budgets.settle(r, 0.01, now);
            }
        });
        QCOMPARE(granted.load(), 100); // 1 USD in 1-cent requests, however the threads interleave
        const BudgetWindowStatus day = windowOf(budgets, {BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, now);
        QCOMPARE(day.spentNano, kUsd);
        QCOMPARE(day.reservedNano, 0);
    }

    void refusalNamesTheScopeAndWhatToChange()
    {
        ScopeLimitReached limit;
        limit.team = true;
        limit.name = u"research"_s;
        limit.monthly = true;
        limit.spentUsd = 98.5;
        limit.reservedUsd = 1.0;
        limit.limitUsd = 100.0;
        limit.askedUsd = 0.75;
        limit.nowEpochMs = utcMs(2026, 3, 31, 21, 0);
        limit.resetsAtEpochMs = utcMs(2026, 4, 1, 0, 0);
        BudgetConfig config;
        BudgetDecision d = decideScopeBudget(limit, config, {}, u"gpt-4o"_s);
        QCOMPARE(d.action, BudgetDecision::Action::Refuse);
        QCOMPARE(d.message,
                 u"The monthly budget of team 'research' does not cover this request: $98.50 spent and $1.00 reserved "
                 u"by requests in flight, of $100.00; this request may cost up to $0.75. It resets on the 1st of next "
                 u"month at 00:00 UTC, in 3 h. To continue before then, raise budget.teams.research.monthly_usd in the "
                 u"configuration, or set budget.fallback_to_local_on_limit: true to send requests to a local model "
                 u"meanwhile."_s);

        // With the local fallback on, the request goes to a local model instead.
        EndpointConfig ollama;
        ollama.id = u"ollama"_s;
        ollama.provider = u"ollama"_s;
        ollama.models = {u"llama3.3"_s};
        config.fallbackToLocalOnLimit = true;
        d = decideScopeBudget(limit, config, {BudgetEndpoint::fromConfig(ollama)}, u"gpt-4o"_s);
        QCOMPARE(d.action, BudgetDecision::Action::Downgrade);
        QCOMPARE(d.endpointId, u"ollama"_s);
        QCOMPARE(d.model, u"llama3.3"_s);
    }

    // -- configuration ----------------------------------------------------------------------------

    void keysAndTeamsAreConfigured()
    {
        const ConfigLoadResult r = loadText("server:\n  auth:\n    keys:\n"
                                            "      - {name: alice, key_env: KEY_A, team: research, models: [\"*\"]}\n"
                                            "      - {name: bob, key_env: KEY_B, models: [\"*\"]}\n"
                                            "budget:\n  timezone: Europe/Berlin\n  reserve_output_tokens: 1000\n"
                                            "  keys:\n    alice: {daily_usd: 2, monthly_usd: 30.5}\n"
                                            "  teams:\n    research: {monthly_usd: 100, soft_usd: 80}\n");
        QVERIFY2(r.errors.isEmpty(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        const Config &c = *r.config;
        QCOMPARE(c.server.clientKeys.at(0).team, u"research"_s);
        QVERIFY(c.server.clientKeys.at(1).team.isEmpty());
        QCOMPARE(c.budget.reserveOutputTokens, 1000);
        QCOMPARE(c.budget.keys.value(u"alice"_s), (ScopeBudgetConfig{2.0, 30.5, 0.0}));
        QCOMPARE(c.budget.teams.value(u"research"_s), (ScopeBudgetConfig{0.0, 100.0, 80.0}));
    }

    void badScopeBudgetsAreReported_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::newRow("negative") << QByteArray("budget:\n  keys:\n    ci: {daily_usd: -1}\n")
                                  << u"budget.keys.ci.daily_usd: expected a number of at least 0, got -1"_s;
        QTest::newRow("unknown member") << QByteArray("budget:\n  teams:\n    t: {weekly_usd: 1}\n")
                                        << u"budget.teams.t"_s;
        QTest::newRow("not a mapping") << QByteArray("budget:\n  keys:\n    ci: 5\n")
                                       << u"budget.keys.ci: expected {daily_usd, monthly_usd, soft_usd}"_s;
        QTest::newRow("bad team name")
            << QByteArray("server:\n  auth:\n    keys:\n      - {name: a, key_env: KEY_A, team: 'two words'}\n")
            << u".team: use letters, digits"_s;
    }

    void badScopeBudgetsAreReported()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        const ConfigLoadResult r = loadText(yaml);
        const QString all = joined(r.errors) + u'\n' + joined(r.warnings);
        QVERIFY2(all.contains(error), qPrintable(all));
    }

    void budgetForAnUnknownTeamIsWarned()
    {
        const ConfigLoadResult r = loadText("server:\n  auth:\n    keys:\n      - {name: alice, key_env: KEY_A}\n"
                                            "budget:\n  teams:\n    resaerch: {daily_usd: 1}\n"
                                            "  keys:\n    alcie: {daily_usd: 1, soft_usd: 2}\n");
        QVERIFY2(r.errors.isEmpty(), qPrintable(joined(r.errors)));
        const QString warnings = joined(r.warnings);
        QVERIFY2(warnings.contains(u"budget.teams.resaerch: no key of server.auth.keys is in that team"_s),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"budget.keys.alcie: no key of server.auth.keys has that name"_s),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"soft limit will never be reached"_s), qPrintable(warnings));
    }
};

QTEST_GUILESS_MAIN(TestScopeBudget)
#include "tst_scopebudget.moc"

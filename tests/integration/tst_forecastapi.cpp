// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// GET /api/v1/analytics/forecast: the projection of today's and the month's spend from spend_daily,
// worked through by hand for fixed times (the method of docs/storage.md#spend-forecast), then over
// real HTTP from rollups seeded into a running gateway's database.
#include "proxycore/api/analyticsapi.h"
#include "proxycore/engine/engine.h"
#include "proxycore/store/database.h"
#include "proxycore/store/spendrollup.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kAdminKey = "adm-forecast-test";

/// Cost per day: `cost` on each of `days` from `first`.
void addDays(std::map<QDate, double> *daily, const QDate &first, int days, double cost)
{
    for (int i = 0; i < days; ++i)
        (*daily)[first.addDays(i)] += cost;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) < 1e-9 * std::max(1.0, std::abs(expected));
}

#define QCOMPARE_NEAR(actual, expected)                                                                                \
    QVERIFY2(near((actual), (expected)), qPrintable(u"%1 is %2, expected %3"_s.arg(QStringLiteral(#actual))            \
                                                        .arg(actual, 0, 'g', 17)                                       \
                                                        .arg(expected, 0, 'g', 17)))

} // namespace

class TestForecastApi : public QObject
{
    Q_OBJECT

private slots:
    void projectsTodayAndTheMonth()
    {
        // 2026-03-10: 7 USD a day the week before, 1 USD a day the 23 days before that, 5 USD so far today.
        const QDate today(2026, 3, 10);
        std::map<QDate, double> daily;
        addDays(&daily, today.addDays(-7), 7, 7.0);
        addDays(&daily, today.addDays(-30), 23, 1.0);
        daily[today] = 5.0;
        QCOMPARE(forecastHistoryStart(today), today.addDays(-30));
        const QTimeZone utc = QTimeZone::utc();

        // At noon: today's rate is 5 USD in half a day, so 10 USD a day.
        QJsonObject f = forecastJson(daily, today.startOfDay(utc).addSecs(12 * 3600).toMSecsSinceEpoch(), utc);
        QCOMPARE(f.value(u"date"_s).toString(), u"2026-03-10"_s);
        QCOMPARE_NEAR(f.value(u"day_elapsed"_s).toDouble(), 0.5);
        QJsonObject day = f.value(u"today"_s).toObject();
        QCOMPARE(day.value(u"rate_from"_s).toString(), u"today"_s);
        QCOMPARE_NEAR(day.value(u"spent_usd"_s).toDouble(), 5.0);
        QCOMPARE_NEAR(day.value(u"rate_usd_per_day"_s).toDouble(), 10.0);
        QCOMPARE_NEAR(day.value(u"projected_usd"_s).toDouble(), 10.0);
        const QJsonObject averages = f.value(u"averages"_s).toObject();
        QCOMPARE_NEAR(averages.value(u"last_7_days_usd"_s).toDouble(), 7.0);
        QCOMPARE_NEAR(averages.value(u"last_30_days_usd"_s).toDouble(), (49.0 + 23.0) / 30.0);
        QJsonObject month = f.value(u"month"_s).toObject();
        QCOMPARE(month.value(u"month"_s).toString(), u"2026-03"_s);
        // March 1 and 2 at 1 USD, March 3 to 9 at 7 USD, and today's 5.
        QCOMPARE_NEAR(month.value(u"to_date_usd"_s).toDouble(), 2.0 + 49.0 + 5.0);
        QCOMPARE(month.value(u"days_left"_s).toInt(), 21);
        QCOMPARE_NEAR(month.value(u"projected_usd"_s).toDouble(), 51.0 + 10.0 + 21 * 7.0);
        QCOMPARE_NEAR(month.value(u"projected_usd_30_days"_s).toDouble(), 51.0 + 10.0 + 21 * 2.4);

        // In the first hour today's spend says too little: the rest of the day at the week's average.
        f = forecastJson(daily, today.startOfDay(utc).addSecs(30 * 60).toMSecsSinceEpoch(), utc);
        day = f.value(u"today"_s).toObject();
        QCOMPARE(day.value(u"rate_from"_s).toString(), u"average_7_days"_s);
        QCOMPARE_NEAR(day.value(u"rate_usd_per_day"_s).toDouble(), 7.0);
        QCOMPARE_NEAR(day.value(u"projected_usd"_s).toDouble(), 5.0 + 7.0 * 47.0 / 48.0);

        // The last day of a month has no day left after it; nothing spent yet projects nothing.
        const QDate last(2026, 3, 31);
        f = forecastJson({}, last.startOfDay(utc).addSecs(18 * 3600).toMSecsSinceEpoch(), utc);
        month = f.value(u"month"_s).toObject();
        QCOMPARE(month.value(u"days_left"_s).toInt(), 0);
        QCOMPARE_NEAR(month.value(u"projected_usd"_s).toDouble(), 0.0);

        // A day of 23 hours (spring forward in Berlin): 11.5 hours in is half of it.
        const QTimeZone berlin("Europe/Berlin");
        const QDate shortDay(2026, 3, 29);
        f = forecastJson({}, shortDay.startOfDay(berlin).addSecs(41'400).toMSecsSinceEpoch(), berlin);
        QCOMPARE(f.value(u"date"_s).toString(), u"2026-03-29"_s);
        QCOMPARE_NEAR(f.value(u"day_elapsed"_s).toDouble(), 0.5);
    }

    void answersFromSeededRollupsOverHttp()
    {
        MockUpstreamProcess mock;
        QVERIFY2(mock.start(), qPrintable(mock.errorString()));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        std::unique_ptr<Engine> engine =
            startEngineInDirectory(dir.path(), mock.baseUrl(), u"forecast-chat"_s,
                                   {{u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey)}}, &error);
        QVERIFY2(engine, qPrintable(error));
        const QUrl url = QUrl(engine->listenUrl()).resolved(QUrl(u"/api/v1/analytics/forecast"_s));

        // Seed spend_daily (the budget's zone is UTC by default): 3 USD a day for the week before
        // today, 100 USD eight days ago (only in the 30-day average), 2 USD today over two keys.
        const QDate today = QDateTime::currentDateTimeUtc().date();
        SpendGroups seeded;
        const auto add = [&](const QDate &day, const QString &key, double cost) {
            SpendAmounts amounts;
            amounts.requests = 1;
            amounts.costUsd = cost;
            seeded[{day.toString(Qt::ISODate), key, u""_s, u"gpt-4o"_s, u"openai"_s, u"openai"_s}] = amounts;
        };
        for (int i = 1; i <= 7; ++i)
            add(today.addDays(-i), u"alice"_s, 3.0);
        add(today.addDays(-8), u"bob"_s, 100.0);
        add(today, u"alice"_s, 1.5);
        add(today, u"bob"_s, 0.5);
        {
            DatabaseSettings settings;
            settings.sqlitePath = QDir(dir.path()).filePath(u"llmproxy.db"_s);
            DatabaseConnection connection(settings, u"seed"_s);
            QVERIFY2(connection.open(&error), qPrintable(error));
            QVERIFY2(SpendRollup::addNow(connection, seeded, &error), qPrintable(error));
        }

        const HttpResponse r = HttpClient::request("GET", url, bearer(kAdminKey));
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        const QJsonObject f = r.json();
        QCOMPARE(f.value(u"date"_s).toString(), today.toString(Qt::ISODate));
        QCOMPARE(f.value(u"timezone"_s).toString(), u"UTC"_s);
        const QJsonObject averages = f.value(u"averages"_s).toObject();
        QCOMPARE_NEAR(averages.value(u"last_7_days_usd"_s).toDouble(), 3.0);
        QCOMPARE_NEAR(averages.value(u"last_30_days_usd"_s).toDouble(), 121.0 / 30.0);
        const QJsonObject day = f.value(u"today"_s).toObject();
        QCOMPARE_NEAR(day.value(u"spent_usd"_s).toDouble(), 2.0);
        // The answer says how much of the day had passed; the rest follows from the method.
        const double elapsed = f.value(u"day_elapsed"_s).toDouble();
        QVERIFY(elapsed >= 0.0 && elapsed <= 1.0);
        const double rate = elapsed >= 1.0 / 24.0 ? 2.0 / elapsed : 3.0;
        const double todayEnd = 2.0 + rate * (1.0 - elapsed);
        QCOMPARE_NEAR(day.value(u"projected_usd"_s).toDouble(), todayEnd);
        const QDate monthStart(today.year(), today.month(), 1);
        double before = 0.0;
        for (int i = 1; i <= 8; ++i) {
            if (today.addDays(-i) >= monthStart)
                before += i == 8 ? 100.0 : 3.0;
        }
        const QJsonObject month = f.value(u"month"_s).toObject();
        const int daysLeft = int(today.daysTo(QDate(today.year(), today.month(), today.daysInMonth())));
        QCOMPARE(month.value(u"days_left"_s).toInt(), daysLeft);
        QCOMPARE_NEAR(month.value(u"to_date_usd"_s).toDouble(), before + 2.0);
        QCOMPARE_NEAR(month.value(u"projected_usd"_s).toDouble(), before + todayEnd + daysLeft * 3.0);
        QCOMPARE_NEAR(month.value(u"projected_usd_30_days"_s).toDouble(), before + todayEnd + daysLeft * 121.0 / 30.0);

        QCOMPARE(HttpClient::request("GET", QUrl(url.toString() + u"?days=7"_s), bearer(kAdminKey)).status, 400);
        QCOMPARE(HttpClient::request("POST", url, bearer(kAdminKey)).status, 405);
        QCOMPARE(HttpClient::get(url).status, 401);
        QVERIFY(stopEngine(engine));
    }
};

QTEST_GUILESS_MAIN(TestForecastApi)
#include "tst_forecastapi.moc"

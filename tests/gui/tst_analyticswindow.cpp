// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The Analytics window against a running engine with its SQLite store: the spend seeded into
// spend_daily shows up in the table, the totals and the charts, per model or per provider, for
// today, the last 7 days or a custom range; the global budget's gauge shows its limits; Export CSV
// writes the rows with proper quoting; and without a store the window says why.
#include "proxycore/engine/engine.h"
#include "proxycore/engine/enginecontroller.h"
#include "proxycore/store/sharedbudgets.h"
#include "proxycore/store/store.h"
#include "tests/support/desktopengine.h"
#include "tests/support/postgrescluster.h"
#include "ui/analyticswindow.h"
#include "ui/budgetgauge.h"
#include "ui/desktopshell.h"
#include "ui/shellactions.h"

#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <map>
#include <memory>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

/// Days back from today (UTC, the budget's zone here) that get spend; 10 is outside the last 7 days.
constexpr int kDays[] = {0, 1, 3, 10};
/// Models m1..m8: more than the charts name, so some are summed as "Other".
constexpr int kModels = 8;
/// Requests per model and day.
constexpr int kRequests = 2;

/// The cost of one request of model `m` (1-based): exact in binary, so sums compare exactly.
double costOf(int m)
{
    return 0.125 * m;
}

QString modelName(int m)
{
    return u"m%1"_s.arg(m);
}

QString providerOf(int m)
{
    return m % 2 ? u"openai"_s : u"anthropic"_s;
}

/// The seeded amounts per (day, group) for a grouping function over the model number.
template <typename Group> std::map<std::pair<QString, QString>, SpendAmounts> expected(int maxDaysBack, Group group)
{
    std::map<std::pair<QString, QString>, SpendAmounts> out;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (const int back : kDays) {
        if (back > maxDaysBack)
            continue;
        for (int m = 1; m <= kModels; ++m) {
            SpendAmounts &a = out[{today.addDays(-back).toString(Qt::ISODate), group(m)}];
            a.requests += kRequests;
            a.promptTokens += kRequests * 100 * m;
            a.completionTokens += kRequests * 10 * m;
            a.costUsd += kRequests * costOf(m);
        }
    }
    return out;
}

double sumOf(const QStackedBarSeries *series)
{
    double sum = 0;
    for (const QBarSet *set : series->barSets()) {
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
    }
    return sum;
}

} // namespace

class TestAnalyticsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void numbersShownEqualTheSeededSpend();
    void smallAmountsKeepTheirDigits();
    void groupsAndPeriodsNarrowTheReport();
    void exportWritesQuotedCsv();
    void csvFieldsAreQuoted();
    void withoutAStoreTheWindowSaysWhy();
    void gaugesShowEveryGatewaysSpendOnASharedDatabase();

private:
    void startEngine(bool withStore);
    void seed();
    AnalyticsWindow *openWindow();
    /// Waits until the answers to the last refresh arrived.
    void waitForReport(AnalyticsWindow *window);
    template <typename T> T *child(const char *name) const
    {
        T *widget = m_desktop->shell->analyticsWindow()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child named %s", name);
        return widget;
    }
    /// The table's rows as (day, group) → {requests, cost} text.
    std::map<std::pair<QString, QString>, QStringList> tableRows() const;

    std::unique_ptr<test::DesktopEngine> m_desktop;
};

void TestAnalyticsWindow::smallAmountsKeepTheirDigits()
{
    // Cents from a cent up; below, two significant digits (a tenth of a cent is not "$0.00").
    QCOMPARE(BudgetGaugeBar::formatUsd(0.0), u"$0.00"_s);
    QCOMPARE(BudgetGaugeBar::formatUsd(12.345), u"$12.35"_s);
    QCOMPARE(BudgetGaugeBar::formatUsd(0.01), u"$0.01"_s);
    QCOMPARE(BudgetGaugeBar::formatUsd(0.001), u"$0.0010"_s);
    QCOMPARE(BudgetGaugeBar::formatUsd(0.0000123), u"$0.000012"_s);
    QCOMPARE(BudgetGaugeBar::formatUsd(1e-9), u"$0.000000"_s);
    QCOMPARE(BudgetGaugeBar::usdDecimals(0.004), 4);
}

void TestAnalyticsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestAnalyticsWindow::init()
{
    m_desktop = std::make_unique<test::DesktopEngine>();
}

void TestAnalyticsWindow::cleanup()
{
    QVERIFY(m_desktop->stop());
    m_desktop.reset();
}

void TestAnalyticsWindow::startEngine(bool withStore)
{
    QString error;
    QVERIFY2(m_desktop->start("server:\n  host: 127.0.0.1\n  auth:\n    keys:\n"
                              "      - {name: ci, team: platform, key_sha256: "
                              "0000000000000000000000000000000000000000000000000000000000000001}\n"
                              "discovery:\n  local_scan: false\n"
                              "budget:\n  daily_limit: 50\n  soft_limit: 40\n"
                              "  keys:\n    ci: {daily_usd: 5, monthly_usd: 60, soft_usd: 4}\n"
                              "  teams:\n    platform: {monthly_usd: 500}\n",
                              withStore, &error),
             qPrintable(error));
}

void TestAnalyticsWindow::seed()
{
    QList<RequestRecord> records;
    const QDate today = QDateTime::currentDateTimeUtc().date();
    int n = 0;
    for (const int back : kDays) {
        for (int m = 1; m <= kModels; ++m) {
            for (int i = 0; i < kRequests; ++i) {
                RequestRecord r;
                r.time = QDateTime(today.addDays(-back), QTime(0, 0, 1 + i), QTimeZone::utc());
                r.requestId = u"spend-%1"_s.arg(++n);
                r.method = u"POST"_s;
                r.route = u"/v1/chat/completions"_s;
                r.clientApi = u"chat_completions"_s;
                r.keyName = m % 2 ? u"laptop"_s : u"ci"_s;
                r.model = modelName(m);
                r.servedModel = r.model;
                r.provider = providerOf(m);
                r.endpoint = u"main"_s;
                r.status = 200;
                r.attempts = 1;
                r.promptTokens = 100 * m;
                r.completionTokens = 10 * m;
                r.costUsd = costOf(m);
                records.append(r);
            }
        }
    }
    m_desktop->engine->store()->recordRequests(records);
    QTRY_COMPARE_WITH_TIMEOUT(m_desktop->engine->store()->status().writer.written, quint64(records.size()), 30'000);
}

AnalyticsWindow *TestAnalyticsWindow::openWindow()
{
    m_desktop->shell->actions().analytics->trigger();
    AnalyticsWindow *window = m_desktop->shell->analyticsWindow();
    if (window && !QTest::qWaitForWindowExposed(window))
        qWarning("the analytics window was not exposed");
    return window;
}

void TestAnalyticsWindow::waitForReport(AnalyticsWindow *window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window->isLoading(), 15'000);
}

std::map<std::pair<QString, QString>, QStringList> TestAnalyticsWindow::tableRows() const
{
    std::map<std::pair<QString, QString>, QStringList> rows;
    auto *table = child<QTableWidget>("spendTable");
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 2; c < table->columnCount(); ++c)
            cells << table->item(r, c)->text();
        rows[{table->item(r, 0)->text(), table->item(r, 1)->text()}] = cells;
    }
    return rows;
}

void TestAnalyticsWindow::numbersShownEqualTheSeededSpend()
{
    startEngine(true);
    seed();
    AnalyticsWindow *window = openWindow();
    QVERIFY(window);
    waitForReport(window);
    QVERIFY2(window->error().isEmpty(), qPrintable(window->error()));

    // The last 7 days by model: every seeded (day, model) but those of 10 days ago, as seeded.
    const auto want = expected(6, modelName);
    const auto shown = tableRows();
    QCOMPARE(shown.size(), want.size());
    const QLocale locale;
    SpendAmounts total;
    for (const auto &[key, amounts] : want) {
        QVERIFY2(shown.count(key), qPrintable(key.first + u' ' + key.second));
        const QStringList &cells = shown.at(key);
        QCOMPARE(cells.at(0), locale.toString(amounts.requests));
        QCOMPARE(cells.at(1), locale.toString(amounts.promptTokens));
        QCOMPARE(cells.at(2), locale.toString(amounts.completionTokens));
        QCOMPARE(cells.at(3), locale.toString(amounts.costUsd, 'f', 4));
        total.add(amounts);
    }
    const QString totals = child<QLabel>("totalsLabel")->text();
    QVERIFY2(totals.contains(u"Total: "_s + BudgetGaugeBar::formatUsd(total.costUsd)), qPrintable(totals));
    QVERIFY2(totals.contains(u"%1 requests"_s.arg(total.requests)), qPrintable(totals));
    QCOMPARE(total.costUsd, 3 * kRequests * 0.125 * (kModels * (kModels + 1)) / 2.0); // 3 days of m1..m8

    // The spend chart: 7 days, the top models by name and the rest as "Other", adding up to the total.
    auto *spend = qobject_cast<QStackedBarSeries *>(window->spendChart()->series().value(0));
    QVERIFY(spend);
    QCOMPARE(spend->barSets().size(), AnalyticsWindow::TopGroups);
    QCOMPARE(spend->barSets().first()->label(), u"m8"_s); // spent most
    QCOMPARE(spend->barSets().last()->label(), u"Other"_s);
    QCOMPARE(spend->barSets().first()->count(), 7);
    QCOMPARE(sumOf(spend), total.costUsd);
    // Today's bar (the last) of m8: its two requests.
    QCOMPARE(spend->barSets().first()->at(6), kRequests * costOf(8));

    auto *tokens = qobject_cast<QStackedBarSeries *>(window->tokensChart()->series().value(0));
    QVERIFY(tokens);
    QCOMPARE(sumOf(tokens), double(total.promptTokens + total.completionTokens));
    auto *perRequest = qobject_cast<QLineSeries *>(window->costPerRequestChart()->series().value(0));
    QVERIFY(perRequest);
    QCOMPARE(perRequest->count(), 7);
    // Today: every model's two requests, so the mean of m1..m8's price per request.
    QCOMPARE(perRequest->at(6).y(), 0.125 * (kModels + 1) / 2.0);
    QCOMPARE(perRequest->at(5).y(), 0.125 * (kModels + 1) / 2.0); // yesterday: the same requests
    QCOMPARE(perRequest->at(4).y(), 0.0);                         // two days ago: no requests

    // The global budget: limits from the configuration, nothing reserved, a reset ahead; then the
    // key's day and month and the team's month.
    QCOMPARE(window->gauges().size(), 4);
    QStringList titles;
    for (const BudgetGaugeBar *bar : window->gauges())
        titles << BudgetGaugeBar::scopeTitle(bar->gauge());
    QCOMPARE(titles, (QStringList{u"Global daily budget"_s, u"Key “ci”, today"_s, u"Key “ci”, this month"_s,
                                  u"Team “platform”, this month"_s}));
    QCOMPARE(window->gauges().at(1)->gauge().hardLimitUsd, 5.0);
    QCOMPARE(window->gauges().at(1)->gauge().softLimitUsd, 4.0);
    QCOMPARE(window->gauges().at(2)->gauge().hardLimitUsd, 60.0);
    QCOMPARE(window->gauges().at(3)->gauge().hardLimitUsd, 500.0);
    const BudgetGauge gauge = window->gauges().first()->gauge();
    QCOMPARE(gauge.scope, u"global"_s);
    QCOMPARE(gauge.hardLimitUsd, 50.0);
    QCOMPARE(gauge.softLimitUsd, 40.0);
    QCOMPARE(gauge.reservedUsd, 0.0);
    QVERIFY(gauge.resetsAt > QDateTime::currentDateTimeUtc());
    const QString caption = window->gauges().first()->caption();
    QVERIFY2(caption.contains(u"of $50.00"_s) && caption.contains(u"$0.00 reserved"_s) &&
                 caption.contains(u"warns at $40.00"_s),
             qPrintable(caption));
}

void TestAnalyticsWindow::groupsAndPeriodsNarrowTheReport()
{
    startEngine(true);
    seed();
    AnalyticsWindow *window = openWindow();
    QVERIFY(window);
    waitForReport(window);

    auto *group = child<QComboBox>("groupCombo");
    group->setCurrentIndex(1); // provider
    emit group->activated(1);
    waitForReport(window);
    const auto byProvider = expected(6, providerOf);
    auto shown = tableRows();
    QCOMPARE(shown.size(), byProvider.size()); // two providers a day
    for (const auto &[key, amounts] : byProvider)
        QCOMPARE(shown.at(key).at(3), QLocale().toString(amounts.costUsd, 'f', 4));
    QCOMPARE(child<QTableWidget>("spendTable")->horizontalHeaderItem(1)->text(), u"Provider"_s);

    auto *period = child<QComboBox>("periodCombo");
    period->setCurrentIndex(AnalyticsWindow::Today);
    emit period->activated(AnalyticsWindow::Today);
    waitForReport(window);
    QCOMPARE(tableRows().size(), expected(0, providerOf).size());
    QCOMPARE(window->report().from, QDateTime::currentDateTimeUtc().date());
    QVERIFY(!child<QDateEdit>("fromEdit")->isEnabled());

    // A custom range reaching 10 days back takes in the oldest day too.
    period->setCurrentIndex(AnalyticsWindow::Custom);
    emit period->activated(AnalyticsWindow::Custom);
    auto *from = child<QDateEdit>("fromEdit");
    QVERIFY(from->isEnabled());
    from->setDate(QDateTime::currentDateTimeUtc().date().addDays(-12));
    emit from->editingFinished();
    waitForReport(window);
    QCOMPARE(tableRows().size(), expected(12, providerOf).size());
    QCOMPARE(window->report().from, QDateTime::currentDateTimeUtc().date().addDays(-12));
    auto *spend = qobject_cast<QStackedBarSeries *>(window->spendChart()->series().value(0));
    QCOMPARE(spend->barSets().size(), 2); // two providers, no "Other"
    QCOMPARE(spend->barSets().first()->count(), 13);

    // A range that ends before it starts is refused, in words.
    from->setDate(QDateTime::currentDateTimeUtc().date().addDays(5));
    emit from->editingFinished();
    waitForReport(window);
    QVERIFY(!window->error().isEmpty());
    QCOMPARE(child<QLabel>("stateLabel")->text(), window->error());
    QVERIFY(!child<QPushButton>("exportButton")->isEnabled());
}

void TestAnalyticsWindow::exportWritesQuotedCsv()
{
    startEngine(true);
    seed();
    // A model whose name needs quoting, and one a spreadsheet would run as a formula.
    QList<RequestRecord> odd;
    for (const QString &model : {u"odd,\"name\""_s, u"=HYPERLINK(\"x\")"_s}) {
        RequestRecord r;
        r.time = QDateTime::currentDateTimeUtc();
        r.requestId = u"odd-"_s + QString::number(odd.size());
        r.clientApi = u"chat_completions"_s;
        r.model = model;
        r.servedModel = model;
        r.provider = u"openai"_s;
        r.status = 200;
        r.promptTokens = 1;
        r.completionTokens = 1;
        r.costUsd = 0.5;
        r.costEstimated = true;
        odd.append(r);
    }
    const quint64 before = m_desktop->engine->store()->status().writer.written;
    m_desktop->engine->store()->recordRequests(odd);
    QTRY_COMPARE(m_desktop->engine->store()->status().writer.written, before + 2);

    AnalyticsWindow *window = openWindow();
    QVERIFY(window);
    waitForReport(window);
    QVERIFY(child<QPushButton>("exportButton")->isEnabled());
    const QString path = m_desktop->dir.filePath(u"spend.csv"_s);
    QString error;
    QVERIFY2(window->exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(file.readAll());
    QStringList lines = csv.split(u"\r\n"_s);
    QCOMPARE(lines.takeLast(), QString()); // every line ends with CRLF
    QCOMPARE(lines.first(), u"day,model,requests,prompt_tokens,completion_tokens,cost_usd,estimated_cost_usd"_s);
    QCOMPARE(lines.size(), window->report().rows.size() + 1);
    QCOMPARE(lines.size(), qsizetype(expected(6, modelName).size() + 2 + 1));
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QVERIFY2(lines.contains(today + u",m3,2,600,60,0.750000,0.000000"_s), qPrintable(csv));
    QVERIFY2(lines.contains(today + u",\"odd,\"\"name\"\"\",1,1,1,0.500000,0.500000"_s), qPrintable(csv));
    QVERIFY2(lines.contains(today + u",'=HYPERLINK(\"x\"),1,1,1,0.500000,0.500000"_s) ||
                 lines.contains(today + u",\"'=HYPERLINK(\"\"x\"\")\",1,1,1,0.500000,0.500000"_s),
             qPrintable(csv));
}

void TestAnalyticsWindow::csvFieldsAreQuoted()
{
    QCOMPARE(AnalyticsWindow::csvField(u"gpt-4o"_s), u"gpt-4o"_s);
    QCOMPARE(AnalyticsWindow::csvField(u"a,b"_s), u"\"a,b\""_s);
    QCOMPARE(AnalyticsWindow::csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
    QCOMPARE(AnalyticsWindow::csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
    QCOMPARE(AnalyticsWindow::csvField(u" padded"_s), u"\" padded\""_s);
    QCOMPARE(AnalyticsWindow::csvField(u"=1+2"_s), u"'=1+2"_s);
    QCOMPARE(AnalyticsWindow::csvField(u"-3"_s), u"'-3"_s);
    QCOMPARE(AnalyticsWindow::csvField(QString()), QString());
}

void TestAnalyticsWindow::withoutAStoreTheWindowSaysWhy()
{
    startEngine(false);
    AnalyticsWindow *window = openWindow();
    QVERIFY(window);
    waitForReport(window);
    QVERIFY(window->report().rows.isEmpty());
    QVERIFY2(child<QLabel>("stateLabel")->text().contains(u"need the store"_s),
             qPrintable(child<QLabel>("stateLabel")->text()));
    QVERIFY(!child<QPushButton>("exportButton")->isEnabled());
    QCOMPARE(child<QTableWidget>("spendTable")->rowCount(), 0);
    // The budget needs no store: its gauge is there.
    QCOMPARE(window->gauges().size(), 4);
    QCOMPARE(window->gauges().first()->gauge().hardLimitUsd, 50.0);
}

/// Runs `work` on `ledger`'s thread and waits for it.
template <class F> auto onLedger(SharedBudgets &ledger, F work)
{
    decltype(work()) result{};
    QMetaObject::invokeMethod(
        ledger.context(), [&] { result = work(); }, Qt::BlockingQueuedConnection);
    return result;
}

void TestAnalyticsWindow::gaugesShowEveryGatewaysSpendOnASharedDatabase()
{
    if (test::PostgresCluster::binDirectory().isEmpty())
        QSKIP("PostgreSQL is not installed (apt-get install postgresql); the shared budget is not tested");
    test::PostgresCluster postgres;
    QVERIFY2(postgres.start() && postgres.createDatabase(u"analytics"_s), qPrintable(postgres.errorString()));
    QString error;
    QVERIFY2(m_desktop->start("server:\n  host: 127.0.0.1\n  storage: {type: postgres, dsn_env: ANALYTICS_DSN}\n"
                              "  auth:\n    keys:\n"
                              "      - {name: ci, key_sha256: "
                              "0000000000000000000000000000000000000000000000000000000000000001}\n"
                              "discovery:\n  local_scan: false\n"
                              "budget:\n  keys:\n    ci: {daily_usd: 5}\n",
                              true, &error, {{u"ANALYTICS_DSN"_s, postgres.connectionString(u"analytics"_s)}}),
             qPrintable(error));
    SharedBudgets *mine = m_desktop->engine->store()->sharedBudgets();
    QVERIFY(mine);

    // Another gateway on the database spent $1.25 of key ci's day; this one reserves after it (the
    // totals it knows are those its last reservation saw) and spends nothing.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QList<BudgetWindowRef> ciToday{
        {{BudgetScope::Kind::Key, u"ci"_s}, BudgetWindow::Daily, today, today, 5'000'000'000, 0}};
    SharedBudgets other(m_desktop->engine->store()->settings(), u"other-gateway"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(onLedger(other, [&] { return other.reserve(ciToday, 1'250'000'000, now).outcome; }),
             SharedReservation::Outcome::Reserved);
    onLedger(other, [&] {
        other.settle(ciToday, 1'250'000'000, 1'250'000'000, now);
        return 0;
    });
    QCOMPARE(onLedger(*mine, [&] { return mine->reserve(ciToday, 100'000'000, now).outcome; }),
             SharedReservation::Outcome::Reserved);

    AnalyticsWindow *window = openWindow();
    QVERIFY(window);
    waitForReport(window);
    QCOMPARE(window->gauges().size(), 2); // the global day (no limit), then key ci's
    const BudgetGauge gauge = window->gauges().at(1)->gauge();
    QCOMPARE(gauge.name, u"ci"_s);
    QVERIFY(gauge.allGateways);
    QCOMPARE(gauge.spentUsd, 1.25);   // the other gateway's, which this gateway's own ledger never saw
    QCOMPARE(gauge.reservedUsd, 0.1); // this gateway's hold, as the database counted it
    QVERIFY(gauge.sharedAsOf.isValid());
    const QString caption = window->gauges().at(1)->caption();
    QVERIFY2(caption.contains(u"$1.25 spent of $5.00"_s) && caption.contains(u"all gateways, as of"_s),
             qPrintable(caption));
    // The global budget is this gateway's alone.
    QVERIFY(!window->gauges().first()->gauge().allGateways);
    // This gateway's request ends costing $0.05: its hold is gone from the gauge and its cost added.
    onLedger(*mine, [&] {
        mine->settle(ciToday, 100'000'000, 50'000'000, now);
        return 0;
    });
    window->findChild<QPushButton *>(u"refreshButton"_s)->click();
    QTRY_COMPARE(window->gauges().at(1)->gauge().spentUsd, 1.3);
    QCOMPARE(window->gauges().at(1)->gauge().reservedUsd, 0.0);
}

QTEST_MAIN(TestAnalyticsWindow)
#include "tst_analyticswindow.moc"

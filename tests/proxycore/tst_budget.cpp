// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Prices, request cost, the daily budget ledger (UTC rollover, limits, concurrent charges), the
// budget decision before routing, and the `pricing:` / `budget:` configuration keys.
#include "proxycore/config/configloader.h"
#include "proxycore/cost/budget.h"
#include "proxycore/store/budgetfile.h"
#include "tests/support/concurrency.h"

#include <QDateTime>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <cmath>

using namespace llmproxy;
using llmproxy::test::runConcurrently;
using namespace Qt::StringLiterals;
using State = BudgetLedger::State;
using Action = BudgetDecision::Action;

Q_DECLARE_METATYPE(llmproxy::PriceSource)
Q_DECLARE_METATYPE(llmproxy::BudgetEndpoint)

namespace {

qint64 utcMs(int year, int month, int day, int hour, int minute, int second, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}

BudgetLedger::Status exhausted(double spent, double limit, qint64 msBeforeMidnight)
{
    const qint64 midnight = utcMs(2025, 3, 15, 0, 0, 0);
    return {State::Exhausted, spent, limit, 0.0, midnight - msBeforeMidnight, midnight};
}

/// A budget of `daily` USD with a soft limit, the local fallback and its model; the rest default.
BudgetConfig budgetConfig(double daily, double soft, bool fallbackToLocal, const QString &localModel)
{
    BudgetConfig c;
    c.dailyLimit = daily;
    c.softLimit = soft;
    c.fallbackToLocalOnLimit = fallbackToLocal;
    c.localModel = localModel;
    return c;
}

BudgetEndpoint endpoint(const QString &id, const QString &provider, const QStringList &models)
{
    EndpointConfig ep;
    ep.id = id;
    ep.provider = provider;
    ep.models = models;
    return BudgetEndpoint::fromConfig(ep);
}

QString joined(const QList<ConfigDiagnostic> &diagnostics)
{
    QStringList lines;
    for (const ConfigDiagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

} // namespace

class TestBudget : public QObject
{
    Q_OBJECT

private:
    ConfigLoadResult loadYaml(const QByteArray &yaml)
    {
        const QString path = m_dir.filePath(u"config.yaml"_s);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(yaml);
        f.close();
        ConfigSources s;
        s.configPath = path;
        s.configPathExplicit = true;
        s.environment = QProcessEnvironment(); // the test's own environment must not leak in
        s.baseDirectory = m_dir.path();
        return loadConfig(s);
    }
    QString configFile() const { return m_dir.filePath(u"config.yaml"_s); }

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // -- prices -----------------------------------------------------------------------------------

    void builtInTableIsWellFormed()
    {
        QSet<QString> names;
        for (const BuiltInPrice &row : builtInPrices()) {
            const QString name = row.model.toString();
            QCOMPARE(name, name.toLower());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QVERIFY(std::isfinite(row.inputPerMtok) && row.inputPerMtok >= 0.0);
            QVERIFY(std::isfinite(row.outputPerMtok) && row.outputPerMtok >= 0.0);
        }
        QCOMPARE(names.size(), 54); // the reference table's 44 rows, six Claude 4.x and four Gemini rows
    }

    void lookup_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<double>("hint");
        QTest::addColumn<double>("input");
        QTest::addColumn<double>("output");
        QTest::addColumn<PriceSource>("source");
        QTest::addColumn<QString>("matched");
        QTest::addColumn<bool>("estimated");

        const auto row = [](const char *name, const QString &model, const QString &provider, double hint, double in,
                            double out, PriceSource source, const QString &matched, bool estimated) {
            QTest::newRow(name) << model << provider << hint << in << out << source << matched << estimated;
        };
        const PriceSource builtIn = PriceSource::BuiltIn;
        row("exact", u"gpt-4o"_s, u"openai"_s, 0.0, 2.5, 10.0, builtIn, u"gpt-4o"_s, false);
        row("dated snapshot", u"gpt-4o-2024-08-06"_s, u"openai"_s, 0.0, 2.5, 10.0, builtIn, u"gpt-4o"_s, false);
        row("longest prefix", u"gpt-4o-mini-2024-07-18"_s, u"openai"_s, 0.0, 0.15, 0.6, builtIn, u"gpt-4o-mini"_s,
            false);
        row("exact beats prefix", u"gpt-4.1-nano"_s, u"openai"_s, 0.0, 0.1, 0.4, builtIn, u"gpt-4.1-nano"_s, false);
        row("o3 family", u"o3-mini-high"_s, u"openai"_s, 0.0, 1.1, 4.4, builtIn, u"o3-mini"_s, false);
        row("case-insensitive", u"GPT-4o"_s, u"openai"_s, 0.0, 2.5, 10.0, builtIn, u"gpt-4o"_s, false);
        row("reference opus 4", u"claude-opus-4-20250514"_s, u"anthropic"_s, 0.0, 5.0, 25.0, builtIn,
            u"claude-opus-4-20250514"_s, false);
        row("opus 4.1", u"claude-opus-4-1-20250805"_s, u"anthropic"_s, 0.0, 15.0, 75.0, builtIn, u"claude-opus-4-1"_s,
            false);
        row("sonnet 4.5", u"claude-sonnet-4-5-20250929"_s, u"anthropic"_s, 0.0, 3.0, 15.0, builtIn,
            u"claude-sonnet-4-5"_s, false);
        row("reference haiku 4.5", u"claude-haiku-4-5-20251001"_s, u"anthropic"_s, 0.0, 0.8, 4.0, builtIn,
            u"claude-haiku-4-5-20251001"_s, false);
        row("haiku 4.5 alias", u"claude-haiku-4-5"_s, u"anthropic"_s, 0.0, 1.0, 5.0, builtIn, u"claude-haiku-4-5"_s,
            false);
        row("flash lite", u"gemini-2.5-flash-lite-preview-06-17"_s, u"google"_s, 0.0, 0.1, 0.4, builtIn,
            u"gemini-2.5-flash-lite"_s, false);
        row("gemini 3", u"gemini-3-pro-preview"_s, u"google"_s, 0.0, 2.0, 12.0, builtIn, u"gemini-3-pro"_s, false);
        row("groq llama", u"llama-3.3-70b-versatile"_s, u"groq"_s, 0.0, 0.59, 0.79, builtIn,
            u"llama-3.3-70b-versatile"_s, false);
        row("mixed case id", u"meta-llama/Llama-3.3-70B-Instruct-Turbo"_s, u"together"_s, 0.0, 0.88, 0.88, builtIn,
            u"meta-llama/llama-3.3-70b-instruct-turbo"_s, false);
        row("embedding", u"text-embedding-3-small"_s, u"openai"_s, 0.0, 0.02, 0.0, builtIn, u"text-embedding-3-small"_s,
            false);
        row("open weights on a hosted service", u"qwen3:8b"_s, u"openai_compatible"_s, 0.0, 0.0, 0.0, builtIn,
            u"qwen3"_s, false);
        row("table beats hint", u"gpt-4o"_s, u"openai_compatible"_s, 0.7, 2.5, 10.0, builtIn, u"gpt-4o"_s, false);
        row("hint", u"my-finetune"_s, u"openai_compatible"_s, 0.5, 0.5, 2.0, PriceSource::EndpointHint, QString(),
            true);
        row("local, unknown model", u"deepseek-r1:8b"_s, u"ollama"_s, 0.0, 0.0, 0.0, PriceSource::Local, QString(),
            false);
        row("local skips the table", u"meta-llama/Llama-3.3-70B-Instruct-Turbo"_s, u"vllm"_s, 0.0, 0.0, 0.0,
            PriceSource::Local, QString(), false);
        row("local alias name", u"gpt-4o"_s, u"llama_cpp"_s, 0.0, 0.0, 0.0, PriceSource::Local, QString(), false);
        row("lmstudio", u"openai/gpt-oss-20b"_s, u"lmstudio"_s, 0.0, 0.0, 0.0, PriceSource::Local, QString(), false);
        row("local with hint", u"qwen3"_s, u"ollama"_s, 0.2, 0.2, 0.8, PriceSource::EndpointHint, QString(), true);
        row("default", u"gpt-5.4-pro"_s, u"openai"_s, 0.0, 1.0, 3.0, PriceSource::Default, QString(), true);
        row("no provider", u"mystery"_s, QString(), 0.0, 1.0, 3.0, PriceSource::Default, QString(), true);
        row("empty model", QString(), u"openai"_s, 0.0, 1.0, 3.0, PriceSource::Default, QString(), true);
    }

    void lookup()
    {
        QFETCH(QString, model);
        QFETCH(QString, provider);
        QFETCH(double, hint);
        QFETCH(double, input);
        QFETCH(double, output);
        QFETCH(PriceSource, source);
        QFETCH(QString, matched);
        QFETCH(bool, estimated);

        const PriceQuote q = PriceTable().lookup(model, provider, hint);
        QCOMPARE(q.source, source);
        QCOMPARE(q.matchedModel, matched);
        QCOMPARE(q.price.inputPerMtok, input);
        QCOMPARE(q.price.outputPerMtok, output);
        QCOMPARE(q.isEstimated(), estimated);
    }

    void overridesWin_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<double>("input");
        QTest::addColumn<PriceSource>("source");
        QTest::addColumn<QString>("matched");

        QTest::newRow("exact over built-in")
            << u"gpt-4o"_s << u"openai"_s << 3.0 << PriceSource::Configured << u"gpt-4o"_s;
        QTest::newRow("equal-length prefix: configured")
            << u"gpt-4o-2024-08-06"_s << u"openai"_s << 3.0 << PriceSource::Configured << u"gpt-4o"_s;
        QTest::newRow("longer built-in prefix")
            << u"gpt-4o-mini-x"_s << u"openai"_s << 0.15 << PriceSource::BuiltIn << u"gpt-4o-mini"_s;
        QTest::newRow("short configured prefix")
            << u"claude-3-haiku-20240307"_s << u"anthropic"_s << 9.0 << PriceSource::Configured << u"claude"_s;
        QTest::newRow("longer built-in over it") << u"claude-sonnet-4-20250514"_s << u"anthropic"_s << 3.0
                                                 << PriceSource::BuiltIn << u"claude-sonnet-4-20250514"_s;
        QTest::newRow("key written in capitals")
            << u"my-ft-v2"_s << u"openai"_s << 0.5 << PriceSource::Configured << u"my-ft"_s;
        QTest::newRow("applies to local endpoints")
            << u"llama3.3:70b"_s << u"ollama"_s << 0.1 << PriceSource::Configured << u"llama3.3"_s;
    }

    void overridesWin()
    {
        QFETCH(QString, model);
        QFETCH(QString, provider);
        QFETCH(double, input);
        QFETCH(PriceSource, source);
        QFETCH(QString, matched);

        const PriceTable table({{u"gpt-4o"_s, {3.0, 12.0}},
                                {u"claude"_s, {9.0, 9.0}},
                                {u"My-FT"_s, {0.5, 1.5}},
                                {u"llama3.3"_s, {0.1, 0.1}}});
        const PriceQuote q = table.lookup(model, provider);
        QCOMPARE(q.source, source);
        QCOMPARE(q.matchedModel, matched);
        QCOMPARE(q.price.inputPerMtok, input);
        QVERIFY(!q.isEstimated());
    }

    void costArithmetic()
    {
        const ModelPrice gpt4o{2.5, 10.0};
        // 800 uncached × 2.5 + 200 cached × 0.25 + 500 × 10 = 7050 per million.
        QCOMPARE(costUsd(gpt4o, 1000, 200, 500), 0.00705);
        QCOMPARE(costUsd(gpt4o, 1000, 0, 0), 0.0025);
        QCOMPARE(costUsd(gpt4o, 0, 0, 1'000'000), 10.0);
        QCOMPARE(costUsd(gpt4o, 1000, 1000, 0), 0.00025); // all cached: a tenth
        QCOMPARE(costUsd(gpt4o, 100, 500, 0), 0.000025);  // cached capped at the input
        QCOMPARE(costUsd(gpt4o, -5, -1, -7), 0.0);
        QCOMPARE(costUsd(ModelPrice{0.0, 0.0}, 123'456, 0, 654'321), 0.0);

        canonical::Usage usage; // Anthropic-style: 700 uncached + 200 cache reads + 100 cache writes
        usage.inputTokens = 1000;
        usage.cacheReadTokens = 200;
        usage.cacheWriteTokens = 100;
        usage.outputTokens = 500;
        QCOMPARE(costUsd(gpt4o, usage), 0.00705);
        QCOMPARE(costUsd(gpt4o, canonical::Usage()), 0.0);
        canonical::Usage outputOnly;
        outputOnly.outputTokens = 2000;
        QCOMPARE(costUsd(gpt4o, outputOnly), 0.02);
    }

    // -- ledger -----------------------------------------------------------------------------------

    void rollsOverAtUtcMidnight()
    {
        BudgetLedger ledger(budgetConfig(10.0, 0.0, false, QString()));
        const qint64 lateEvening = utcMs(2025, 3, 14, 23, 59, 59);
        ledger.charge(4.0, utcMs(2025, 3, 14, 8, 0, 0));
        ledger.charge(6.0, lateEvening);
        QCOMPARE(ledger.spentToday(lateEvening + 999), 10.0);
        QCOMPARE(ledger.state(lateEvening + 999), State::Exhausted);

        const qint64 midnight = utcMs(2025, 3, 15, 0, 0, 0);
        QCOMPARE(ledger.spentToday(midnight), 0.0); // a query alone already sees the new day
        QCOMPARE(ledger.state(midnight), State::Ok);

        const BudgetLedger::Charged c = ledger.charge(2.0, midnight + 1000);
        QCOMPARE(c.before, State::Ok);
        QCOMPARE(c.after, State::Ok);
        QCOMPARE(c.spentTodayUsd, 2.0);
        // A thread that read the clock before midnight charges and reads the current day.
        ledger.charge(1.0, lateEvening + 900);
        QCOMPARE(ledger.spentToday(lateEvening + 950), 3.0);
        QCOMPARE(ledger.spentToday(midnight + 5000), 3.0);

        // Days with nothing charged are skipped cleanly.
        const qint64 nextWeek = utcMs(2025, 3, 22, 12, 0, 0);
        QCOMPARE(ledger.spentToday(nextWeek), 0.0);
        QCOMPARE(ledger.charge(0.5, nextWeek).spentTodayUsd, 0.5);
    }

    void nextUtcMidnight()
    {
        QCOMPARE(BudgetLedger::nextUtcMidnight(utcMs(2025, 3, 14, 13, 37, 0)), utcMs(2025, 3, 15, 0, 0, 0));
        QCOMPARE(BudgetLedger::nextUtcMidnight(utcMs(2025, 3, 15, 0, 0, 0)), utcMs(2025, 3, 16, 0, 0, 0));
        QCOMPARE(BudgetLedger::nextUtcMidnight(utcMs(2024, 12, 31, 23, 59, 59, 999)), utcMs(2025, 1, 1, 0, 0, 0));
        QCOMPARE(BudgetLedger::nextUtcMidnight(0), qint64(86'400'000));
    }

    void followsTheConfiguredZone()
    {
        BudgetConfig config;
        config.dailyLimit = 10.0;
        config.timezone = u"Europe/Berlin"_s;
        BudgetLedger ledger(config);
        // 23:59 in Berlin (UTC+1 in March) is 22:59 UTC; Berlin's midnight is 23:00 UTC.
        const qint64 lateEvening = utcMs(2025, 3, 14, 22, 59, 0);
        ledger.charge(4.0, lateEvening);
        QCOMPARE(ledger.status(lateEvening).resetsAtEpochMs, utcMs(2025, 3, 14, 23, 0, 0));
        QCOMPARE(ledger.status(lateEvening).timeZone, u"Europe/Berlin"_s);
        QCOMPARE(ledger.total().day, QDate(1970, 1, 1).daysTo(QDate(2025, 3, 14)));
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 14, 22, 59, 59, 999)), 4.0);
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 14, 23, 0, 0)), 0.0); // before 00:00 UTC: a new day already
        ledger.charge(1.0, utcMs(2025, 3, 14, 23, 30, 0));
        QCOMPARE(ledger.total().day, QDate(1970, 1, 1).daysTo(QDate(2025, 3, 15)));
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 15, 0, 30, 0)), 1.0); // after 00:00 UTC: the same day
        QCOMPARE(BudgetLedger::dateAt(utcMs(2025, 3, 14, 23, 30, 0), QTimeZone("Europe/Berlin")), QDate(2025, 3, 15));
    }

    void daylightSavingDaysAreShorterOrLonger()
    {
        const QTimeZone berlin("Europe/Berlin");
        QVERIFY(berlin.isValid());
        // 2026-03-29: clocks go from 02:00 to 03:00, the day lasts 23 hours.
        const qint64 springStart = utcMs(2026, 3, 28, 23, 0, 0); // 00:00 CET
        const qint64 springEnd = utcMs(2026, 3, 29, 22, 0, 0);   // 00:00 CEST of the 30th
        QCOMPARE(BudgetLedger::nextMidnight(springStart, berlin), springEnd);
        QCOMPARE(springEnd - springStart, qint64(23) * 3'600'000);
        // 2026-10-25: clocks go from 03:00 back to 02:00, the day lasts 25 hours.
        const qint64 autumnStart = utcMs(2026, 10, 24, 22, 0, 0); // 00:00 CEST
        const qint64 autumnEnd = utcMs(2026, 10, 25, 23, 0, 0);   // 00:00 CET of the 26th
        QCOMPARE(BudgetLedger::nextMidnight(autumnStart + 1, berlin), autumnEnd);
        QCOMPARE(autumnEnd - autumnStart, qint64(25) * 3'600'000);

        BudgetConfig config;
        config.dailyLimit = 10.0;
        config.timezone = u"Europe/Berlin"_s;
        BudgetLedger ledger(config);
        ledger.charge(6.0, autumnStart + 1000);
        // 23:30 CET on the 25th: 24.5 hours after the day began, still the same day.
        const qint64 lateAutumn = utcMs(2026, 10, 25, 22, 30, 0);
        ledger.charge(5.0, lateAutumn);
        QCOMPARE(ledger.state(lateAutumn), State::Exhausted);
        QCOMPARE(ledger.status(lateAutumn).resetsAtEpochMs, autumnEnd);
        QCOMPARE(ledger.spentToday(autumnEnd), 0.0);

        BudgetLedger spring(config);
        spring.charge(2.0, springStart + 1000);
        QCOMPARE(spring.status(springStart + 1000).resetsAtEpochMs, springEnd);
        QCOMPARE(spring.spentToday(springEnd - 1), 2.0);
        QCOMPARE(spring.spentToday(springEnd), 0.0);

        // Havana skips its midnight when summer time starts (00:00 → 01:00 on 2026-03-08): the day
        // begins at its first moment, 01:00 local time.
        const QTimeZone havana("America/Havana");
        QVERIFY(havana.isValid());
        QCOMPARE(BudgetLedger::nextMidnight(utcMs(2026, 3, 7, 17, 0, 0), havana), utcMs(2026, 3, 8, 5, 0, 0));
    }

    void reloadChangesTheZone()
    {
        BudgetConfig config;
        config.dailyLimit = 10.0;
        BudgetLedger ledger(config);
        const qint64 evening = utcMs(2025, 3, 14, 20, 0, 0);
        ledger.charge(3.0, evening);
        QCOMPARE(ledger.status(evening).resetsAtEpochMs, utcMs(2025, 3, 15, 0, 0, 0));

        // Tokyo is 05:30 on the 15th: the running day keeps its total and ends at Tokyo's midnight.
        config.timezone = u"Asia/Tokyo"_s;
        ledger.configure(config, evening + 1'800'000);
        QCOMPARE(ledger.spentToday(evening + 1'800'000), 3.0);
        QCOMPARE(ledger.total().day, QDate(1970, 1, 1).daysTo(QDate(2025, 3, 15)));
        QCOMPARE(ledger.status(evening + 1'800'000).resetsAtEpochMs, utcMs(2025, 3, 15, 15, 0, 0));
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 15, 1, 0, 0)), 3.0); // UTC's midnight no longer resets it
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 15, 15, 0, 0)), 0.0);
        ledger.charge(1.0, utcMs(2025, 3, 15, 16, 0, 0));
        QCOMPARE(ledger.total().day, QDate(1970, 1, 1).daysTo(QDate(2025, 3, 16)));

        // Reloaded once that day is over: the new zone's day starts at 0.
        config.timezone = u"UTC"_s;
        ledger.configure(config, utcMs(2025, 3, 17, 2, 0, 0));
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 17, 2, 0, 0)), 0.0);
        QCOMPARE(ledger.status(utcMs(2025, 3, 17, 2, 0, 0)).resetsAtEpochMs, utcMs(2025, 3, 18, 0, 0, 0));
        // The same zone again changes nothing.
        ledger.charge(2.0, utcMs(2025, 3, 17, 3, 0, 0));
        ledger.configure(config, utcMs(2025, 3, 17, 4, 0, 0));
        QCOMPARE(ledger.spentToday(utcMs(2025, 3, 17, 4, 0, 0)), 2.0);
    }

    void refusalNamesTheZone()
    {
        BudgetConfig config;
        config.dailyLimit = 5.0;
        config.timezone = u"America/New_York"_s;
        BudgetLedger ledger(config);
        const qint64 now = utcMs(2025, 7, 1, 3, 15, 0); // 23:15 EDT on June 30th
        ledger.charge(7.5, now);
        const BudgetDecision d = decideBudget(ledger.status(now), config, {}, u"gpt-4o"_s);
        QCOMPARE(d.action, Action::Refuse);
        QVERIFY2(d.message.startsWith(u"Daily budget exhausted: $7.50 of $5.00 spent today (America/New_York). The "
                                      u"budget resets at 00:00 America/New_York, in 45 min. "_s),
                 qPrintable(d.message));
    }

    void statusReportsEverything()
    {
        BudgetLedger ledger(budgetConfig(50.0, 40.0, true, QString()));
        const qint64 now = utcMs(2025, 3, 14, 20, 48, 0);
        ledger.charge(41.25, now);
        const BudgetLedger::Status s = ledger.status(now);
        QCOMPARE(s.state, State::Soft);
        QCOMPARE(s.spentUsd, 41.25);
        QCOMPARE(s.dailyLimitUsd, 50.0);
        QCOMPARE(s.softLimitUsd, 40.0);
        QCOMPARE(s.nowEpochMs, now);
        QCOMPARE(s.resetsAtEpochMs, utcMs(2025, 3, 15, 0, 0, 0));
    }

    void softAndExhaustedThresholds()
    {
        BudgetLedger ledger(budgetConfig(10.0, 8.0, false, QString()));
        const qint64 t = utcMs(2025, 6, 1, 12, 0, 0);
        QCOMPARE(ledger.charge(7.99, t).after, State::Ok);
        BudgetLedger::Charged c = ledger.charge(0.01, t); // exactly 8.00: the soft limit is reached
        QCOMPARE(c.before, State::Ok);
        QCOMPARE(c.after, State::Soft);
        QCOMPARE(c.spentTodayUsd, 8.0);
        c = ledger.charge(1.99, t);
        QCOMPARE(c.before, State::Soft);
        QCOMPARE(c.after, State::Soft);
        c = ledger.charge(0.01, t); // exactly 10.00
        QCOMPARE(c.before, State::Soft);
        QCOMPARE(c.after, State::Exhausted);
        QCOMPARE(ledger.state(t), State::Exhausted);

        // Nonsense amounts change nothing.
        for (double bad : {-5.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
            c = ledger.charge(bad, t);
            QCOMPARE(c.before, State::Exhausted);
            QCOMPARE(c.spentTodayUsd, 10.0);
        }

        // New limits apply at once; the total stays.
        ledger.configure(budgetConfig(20.0, 0.0, false, QString()));
        QCOMPARE(ledger.state(t), State::Ok);
        QCOMPARE(ledger.spentToday(t), 10.0);
        ledger.configure(budgetConfig(5.0, 0.0, false, QString()));
        QCOMPARE(ledger.state(t), State::Exhausted);
    }

    void zeroLimitsMeanNone()
    {
        BudgetLedger unlimited;
        const qint64 t = utcMs(2025, 6, 1, 12, 0, 0);
        QCOMPARE(unlimited.charge(1'000'000.0, t).after, State::Ok);
        QCOMPARE(unlimited.status(t).dailyLimitUsd, 0.0);

        BudgetLedger softOnly(budgetConfig(0.0, 1.0, false, QString()));
        QCOMPARE(softOnly.charge(0.5, t).after, State::Ok);
        QCOMPARE(softOnly.charge(5000.0, t).after, State::Soft);
    }

    void concurrentChargesSumExactly()
    {
        BudgetLedger ledger(budgetConfig(5.0, 0.0, false, QString()));
        const qint64 t = utcMs(2025, 6, 1, 12, 0, 0);
        constexpr int threads = 8;
        constexpr int perThread = 10'000;
        std::atomic<int> crossings{0};
        runConcurrently(threads, [&](int) {
            for (int i = 0; i < perThread; ++i) {
                const BudgetLedger::Charged c = ledger.charge(0.000123, t);
                if (c.before != State::Exhausted && c.after == State::Exhausted)
                    crossings.fetch_add(1);
            }
        });
        // 80,000 × 0.000123 = 9.84 to the nano-dollar; summing the doubles would drift.
        QCOMPARE(std::llround(ledger.spentToday(t) * 1e9), 9'840'000'000LL);
        QCOMPARE(crossings.load(), 1);
    }

    // -- decision ---------------------------------------------------------------------------------

    void allowsBelowTheLimit()
    {
        const QList<BudgetEndpoint> eps{endpoint(u"ollama"_s, u"ollama"_s, {u"llama3.3"_s})};
        const BudgetConfig config = budgetConfig(50.0, 40.0, true, QString());
        for (State s : {State::Ok, State::Soft}) {
            BudgetLedger::Status status = exhausted(45.0, 50.0, 3'600'000);
            status.state = s;
            const BudgetDecision d = decideBudget(status, config, eps, u"gpt-4o"_s);
            QCOMPARE(d.action, Action::Allow);
            QVERIFY(d.endpointId.isEmpty());
            QVERIFY(d.message.isEmpty());
        }
    }

    void refusesWithoutFallback()
    {
        const QList<BudgetEndpoint> eps{endpoint(u"openai"_s, u"openai"_s, {u"gpt-4o"_s})};
        const BudgetDecision d = decideBudget(exhausted(50.12, 50.0, (3 * 60 + 12) * 60'000 + 30'000),
                                              budgetConfig(50.0, 0.0, false, QString()), eps, u"gpt-4o"_s);
        QCOMPARE(d.action, Action::Refuse);
        QCOMPARE(d.message,
                 u"Daily budget exhausted: $50.12 of $50.00 spent today (UTC). The budget resets at 00:00 UTC, in "
                 u"3 h 12 min. To continue before then, raise budget.daily_limit in the configuration, or set "
                 u"budget.fallback_to_local_on_limit: true to send requests to a local model meanwhile."_s);
        QVERIFY(d.endpointId.isEmpty());
        QVERIFY(d.model.isEmpty());
    }

    void smallAmountsAndTheLastMinute()
    {
        const BudgetDecision d =
            decideBudget(exhausted(0.0512, 0.05, 59'999), budgetConfig(0.05, 0.0, false, QString()), {}, QString());
        QCOMPARE(d.action, Action::Refuse);
        QVERIFY2(d.message.startsWith(u"Daily budget exhausted: $0.0512 of $0.05 spent today (UTC). The budget "
                                      u"resets at 00:00 UTC, in less than a minute. "_s),
                 qPrintable(d.message));
        const BudgetDecision later =
            decideBudget(exhausted(7.5, 5.0, 45 * 60'000), budgetConfig(5.0, 0.0, false, QString()), {}, QString());
        QVERIFY2(later.message.startsWith(u"Daily budget exhausted: $7.50 of $5.00 spent today (UTC). The budget "
                                          u"resets at 00:00 UTC, in 45 min. "_s),
                 qPrintable(later.message));
    }

    void localModelsAreNeverRefused()
    {
        // Even without fallback: a request for a model a local endpoint lists spends nothing.
        const QList<BudgetEndpoint> eps{endpoint(u"openai"_s, u"openai"_s, {u"llama3.3"_s, u"gpt-4o"_s}),
                                        endpoint(u"ollama"_s, u"ollama"_s, {u"qwen3"_s, u"llama3.3"_s})};
        const BudgetDecision d = decideBudget(exhausted(60.0, 50.0, 3'600'000),
                                              budgetConfig(50.0, 0.0, false, QString()), eps, u"llama3.3"_s);
        QCOMPARE(d.action, Action::Downgrade);
        QCOMPARE(d.endpointId, u"ollama"_s);
        QCOMPARE(d.model, u"llama3.3"_s);
        QCOMPARE(
            d.message,
            u"daily budget exhausted ($60.00 of $50.00 spent today): llama3.3 is served by local endpoint ollama"_s);
    }

    void downgradesToTheFirstListedLocalModel()
    {
        const QList<BudgetEndpoint> eps{endpoint(u"openai"_s, u"openai"_s, {u"gpt-4o"_s}),
                                        endpoint(u"lab"_s, u"vllm"_s, {}),
                                        endpoint(u"ollama"_s, u"ollama"_s, {u"llama3.3"_s, u"qwen3"_s})};
        const BudgetDecision d =
            decideBudget(exhausted(50.0, 50.0, 3'600'000), budgetConfig(50.0, 0.0, true, QString()), eps, u"gpt-4o"_s);
        QCOMPARE(d.action, Action::Downgrade);
        QCOMPARE(d.endpointId, u"ollama"_s);
        QCOMPARE(d.model, u"llama3.3"_s);
        QCOMPARE(d.message, u"daily budget exhausted ($50.00 of $50.00 spent today): using local model llama3.3 on "
                            u"endpoint ollama instead of gpt-4o"_s);
    }

    void downgradesToTheConfiguredLocalModel_data()
    {
        QTest::addColumn<QString>("localModel");
        QTest::addColumn<QString>("endpointId");

        QTest::newRow("listed by the second local endpoint") << u"qwen3"_s << u"big"_s;
        QTest::newRow("not listed: an accept-any local endpoint") << u"mistral"_s << u"lab"_s;
    }

    void downgradesToTheConfiguredLocalModel()
    {
        QFETCH(QString, localModel);
        QFETCH(QString, endpointId);
        const QList<BudgetEndpoint> eps{endpoint(u"ollama"_s, u"ollama"_s, {u"llama3.3"_s}),
                                        endpoint(u"lab"_s, u"vllm"_s, {}),
                                        endpoint(u"big"_s, u"lmstudio"_s, {u"qwen3"_s})};
        const BudgetDecision d =
            decideBudget(exhausted(50.0, 50.0, 3'600'000), budgetConfig(50.0, 0.0, true, localModel), eps, u"gpt-4o"_s);
        QCOMPARE(d.action, Action::Downgrade);
        QCOMPARE(d.endpointId, endpointId);
        QCOMPARE(d.model, localModel);
    }

    void refusalsExplainWhyNoLocalModel_data()
    {
        QTest::addColumn<QString>("localModel");
        QTest::addColumn<QList<BudgetEndpoint>>("endpoints");
        QTest::addColumn<QString>("remedy");

        const BudgetEndpoint openai = endpoint(u"openai"_s, u"openai"_s, {u"gpt-4o"_s});
        QTest::newRow("no local endpoint")
            << QString() << QList<BudgetEndpoint>{openai}
            << u"budget.fallback_to_local_on_limit is on, but no local endpoint (Ollama, LM Studio, vLLM or "
               u"llama.cpp) is configured or running: start one, or raise budget.daily_limit."_s;
        QTest::newRow("local_model not served")
            << u"mistral"_s
            << QList<BudgetEndpoint>{openai,
                                     endpoint(u"ollama"_s, u"ollama"_s,
                                              {u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s}),
                                     endpoint(u"big"_s, u"lmstudio"_s, {u"qwen3"_s})}
            << u"budget.fallback_to_local_on_limit is on, but budget.local_model \"mistral\" is not served by any "
               u"local endpoint (ollama: a, b, c, d, e and 2 more; big: qwen3): set it to one of those models, or "
               u"raise budget.daily_limit."_s;
        QTest::newRow("accept-any local endpoints only")
            << QString()
            << QList<BudgetEndpoint>{openai, endpoint(u"lab"_s, u"vllm"_s, {}), endpoint(u"cpp"_s, u"llamacpp"_s, {})}
            << u"budget.fallback_to_local_on_limit is on, but the local endpoints (lab, cpp) accept any model and "
               u"list none, so there is no model to switch to: set budget.local_model to a model they serve, or "
               u"raise budget.daily_limit."_s;
    }

    void refusalsExplainWhyNoLocalModel()
    {
        QFETCH(QString, localModel);
        QFETCH(QList<BudgetEndpoint>, endpoints);
        QFETCH(QString, remedy);
        const BudgetDecision d = decideBudget(exhausted(50.0, 50.0, 2 * 3'600'000),
                                              budgetConfig(50.0, 0.0, true, localModel), endpoints, u"gpt-4o"_s);
        QCOMPARE(d.action, Action::Refuse);
        QCOMPARE(d.message, u"Daily budget exhausted: $50.00 of $50.00 spent today (UTC). The budget resets at "
                            u"00:00 UTC, in 2 h. "_s +
                                remedy);
    }

    void endpointLocalFlagComesFromThePreset()
    {
        QVERIFY(endpoint(u"a"_s, u"ollama"_s, {}).local);
        QVERIFY(endpoint(u"b"_s, u"lmstudio"_s, {}).local);
        QVERIFY(endpoint(u"c"_s, u"vllm"_s, {}).local);
        QVERIFY(endpoint(u"d"_s, u"llama_cpp"_s, {}).local);
        QVERIFY(!endpoint(u"e"_s, u"openai"_s, {}).local);
        QVERIFY(!endpoint(u"f"_s, u"openai_compatible"_s, {}).local);
        const BudgetEndpoint e = endpoint(u"g"_s, u"groq"_s, {u"x"_s});
        QCOMPARE(e.id, u"g"_s);
        QCOMPARE(e.provider, u"groq"_s);
        QCOMPARE(e.models, QStringList{u"x"_s});
    }

    // -- configuration ----------------------------------------------------------------------------

    void parsesPricingAndLocalModel()
    {
        const ConfigLoadResult r = loadYaml("pricing:\n"
                                            "  gpt-4o: {input: 2, output: 8}\n"
                                            "  My-FT:\n"
                                            "    input: 0.5\n"
                                            "    output: 1.5\n"
                                            "  embed-x: {input: 0.01, output: 0}\n"
                                            "  pricing_file: data/pricing.yaml\n"
                                            "budget:\n"
                                            "  daily_limit: 10\n"
                                            "  fallback_to_local_on_limit: true\n"
                                            "  local_model: \" llama3.3 \"\n");
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        const Config &c = *r.config;
        QCOMPARE(c.pricing.size(), 3);
        QCOMPARE(c.pricing.value(u"gpt-4o"_s), (ModelPrice{2.0, 8.0}));
        QCOMPARE(c.pricing.value(u"My-FT"_s), (ModelPrice{0.5, 1.5}));
        QCOMPARE(c.pricing.value(u"embed-x"_s), (ModelPrice{0.01, 0.0}));
        QCOMPARE(c.budget.localModel, u"llama3.3"_s);
        QCOMPARE(c.budget.dailyLimit, 10.0);

        const PriceQuote q = PriceTable(c.pricing).lookup(u"my-ft-2"_s, u"openai"_s);
        QCOMPARE(q.source, PriceSource::Configured);
        QCOMPARE(q.price.outputPerMtok, 1.5);
    }

    void outputLimits()
    {
        // The built-in table's, for a family and its dated snapshots; unknown for a row without one.
        const PriceTable builtIn;
        QCOMPARE(builtIn.lookup(u"gpt-4o-2024-08-06"_s, u"openai"_s).price.maxOutputTokens, 16'384);
        QCOMPARE(builtIn.lookup(u"claude-sonnet-4-5"_s, u"anthropic"_s).price.maxOutputTokens, 64'000);
        QCOMPARE(builtIn.lookup(u"claude-opus-4-6"_s, u"anthropic"_s).price.maxOutputTokens, 0);
        QCOMPARE(builtIn.lookup(u"my-model"_s, u"openai"_s).price.maxOutputTokens, 0);
        QCOMPARE(builtIn.lookup(u"gpt-4o"_s, u"ollama"_s).price.maxOutputTokens, 0); // local: the table is skipped

        const ConfigLoadResult r = loadYaml("pricing:\n"
                                            "  gpt-4o: {input: 2, output: 8}\n"
                                            "  my-ft: {input: 1, output: 2, max_output_tokens: 50000}\n"
                                            "  gpt-4.1: {input: 1, output: 4, max_output_tokens: 1000}\n");
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->pricing.value(u"my-ft"_s), (ModelPrice{1.0, 2.0, 50'000}));
        const PriceTable table(r.config->pricing);
        QCOMPARE(table.lookup(u"my-ft-v2"_s, u"openai"_s).price.maxOutputTokens, 50'000);
        // A price configured without a limit keeps the table's for that name; one with a limit wins.
        QCOMPARE(table.lookup(u"gpt-4o"_s, u"openai"_s).price, (ModelPrice{2.0, 8.0, 16'384}));
        QCOMPARE(table.lookup(u"gpt-4.1"_s, u"openai"_s).price.maxOutputTokens, 1'000);

        const ConfigLoadResult zero = loadYaml("pricing:\n  m: {input: 1, output: 2, max_output_tokens: 0}\n");
        QVERIFY(!zero.ok());
        QVERIFY2(joined(zero.errors).contains(u"pricing.m.max_output_tokens"_s), qPrintable(joined(zero.errors)));
    }

    void defaultsHaveNoOverrides()
    {
        const ConfigLoadResult r = loadYaml("budget:\n  daily_limit: 5\n");
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->pricing.isEmpty());
        QVERIFY(r.config->budget.localModel.isEmpty());
        QCOMPARE(r.config->budget.timezone, u"UTC"_s);
    }

    void parsesTheTimeZone()
    {
        const ConfigLoadResult r = loadYaml("budget:\n  timezone: \" Europe/Berlin \"\n");
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->budget.timezone, u"Europe/Berlin"_s);
    }

    void configErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        QTest::newRow("not a number") << QByteArray("pricing:\n  gpt-4o: {input: cheap, output: 8}\n") << 2 << 19
                                      << u"pricing.gpt-4o.input: expected a number of at least 0, got cheap"_s;
        QTest::newRow("negative") << QByteArray("pricing:\n  gpt-4o:\n    input: 1\n    output: -2\n") << 4 << 13
                                  << u"pricing.gpt-4o.output: expected a number of at least 0, got -2"_s;
        QTest::newRow("missing output") << QByteArray("pricing:\n  gpt-4o:\n    input: 1\n") << 2 << 3
                                        << u"pricing.gpt-4o: output is required (USD per 1M output tokens; 0 when "
                                           u"free)"_s;
        QTest::newRow("empty input") << QByteArray("pricing:\n  gpt-4o: {input: , output: 2}\n") << 2 << 3
                                     << u"pricing.gpt-4o: input is required (USD per 1M input tokens; 0 when free)"_s;
        QTest::newRow("bare number")
            << QByteArray("pricing:\n  gpt-4o: 2.5\n") << 2 << 11
            << u"pricing.gpt-4o: expected {input: <USD per 1M input tokens>, output: <USD per 1M output tokens>}, "
               u"got 2.5"_s;
        QTest::newRow("duplicate ignoring case")
            << QByteArray("pricing:\n  gpt-4o: {input: 1, output: 2}\n  GPT-4o: {input: 1, output: 2}\n") << 3 << 3
            << u"duplicate model \"GPT-4o\" in pricing (first defined at line 2; names are compared without case)"_s;
        QTest::newRow("a list") << QByteArray("pricing:\n  - gpt-4o\n") << 2 << 3
                                << u"pricing: expected a mapping, got a list"_s;
        QTest::newRow("empty local_model")
            << QByteArray("budget:\n  local_model: \"\"\n") << 2 << 16 << u"budget.local_model: must not be empty"_s;
        QTest::newRow("local_model list") << QByteArray("budget:\n  local_model: [a, b]\n") << 2 << 16
                                          << u"budget.local_model: expected a string, got a list"_s;
        QTest::newRow("unknown timezone")
            << QByteArray("budget:\n  timezone: Mars/Olympus\n") << 2 << 13
            << u"budget.timezone: expected an IANA time zone name such as UTC, Europe/Berlin or America/New_York, "
               u"got Mars/Olympus"_s;
    }

    void configErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);

        const ConfigLoadResult r = loadYaml(yaml);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().toString(), u"%1:%2:%3: %4"_s.arg(configFile()).arg(line).arg(column).arg(message));
    }

    void misspelledPriceKeyWarns()
    {
        const ConfigLoadResult r = loadYaml("pricing:\n  gpt-4o: {input: 1, outptu: 2}\n");
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings.first().toString(),
                 configFile() +
                     u":2:22: unknown key \"outptu\" in pricing.gpt-4o (ignored); did you mean \"output\"?"_s);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().toString(),
                 configFile() + u":2:3: pricing.gpt-4o: output is required (USD per 1M output tokens; 0 when free)"_s);
    }

    void savedSpendSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"budget.json"_s);
        const qint64 morning = utcMs(2026, 11, 28, 9, 0, 0);
        BudgetConfig config;
        config.dailyLimit = 10.0;
        {
            BudgetLedger ledger(config);
            BudgetFile file(path);
            QString message;
            QVERIFY(file.load(ledger, morning, &message)); // no file yet: no error
            QVERIFY2(message.contains(u"starts at 0"_s), qPrintable(message));
            ledger.charge(2.5, morning);
            ledger.charge(0.000000001, morning + 1);
            QString error;
            QVERIFY2(file.saveIfChanged(ledger, &error), qPrintable(error));
        }
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("{\"date\":\"2026-11-28\",\"spent_nano_usd\":2500000001,"
                                               "\"spent_usd\":2.500000001}\n"));

        // The next process, later the same day: the total carries on, to the nano-dollar.
        BudgetLedger later(config);
        later.charge(1.0, morning + 60'000); // charged before the file was read: kept
        BudgetFile file(path);
        QString message;
        QVERIFY(file.load(later, morning + 3'600'000, &message));
        QVERIFY2(message.contains(u"2.500000"_s), qPrintable(message));
        QCOMPARE(later.total().spentNano, qint64(3'500'000'001));
        QCOMPARE(later.total().day, QDate(1970, 1, 1).daysTo(QDate(2026, 11, 28)));

        // The day after: yesterday's total is ignored.
        BudgetLedger tomorrow(config);
        QVERIFY(file.load(tomorrow, utcMs(2026, 11, 29, 0, 0, 1), &message));
        QVERIFY2(message.contains(u"2026-11-28, not today"_s), qPrintable(message));
        QCOMPARE(tomorrow.spentToday(utcMs(2026, 11, 29, 0, 0, 1)), 0.0);
    }

    void writesOnlyWhenTheTotalChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"budget.json"_s);
        BudgetLedger ledger;
        BudgetFile file(path);
        QString error;
        QVERIFY(file.saveIfChanged(ledger, &error));
        QVERIFY2(!QFile::exists(path), "nothing charged yet: nothing to write");
        const qint64 now = utcMs(2026, 11, 28, 12, 0, 0);
        ledger.charge(1.0, now);
        QVERIFY(file.saveIfChanged(ledger, &error));
        QVERIFY(QFile::remove(path));
        QVERIFY(file.saveIfChanged(ledger, &error));
        QVERIFY2(!QFile::exists(path), "unchanged since the last write");
        ledger.charge(1.0, now);
        QVERIFY(file.saveIfChanged(ledger, &error));
        QVERIFY(QFile::exists(path));
    }

    void malformedFilesAreReportedAndIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("spent: 3");
        QTest::newRow("no date") << QByteArray("{\"spent_nano_usd\":5}");
        QTest::newRow("bad date") << QByteArray("{\"date\":\"28.11.2026\",\"spent_nano_usd\":5}");
        QTest::newRow("negative") << QByteArray("{\"date\":\"2026-11-28\",\"spent_nano_usd\":-5}");
        QTest::newRow("fraction") << QByteArray("{\"date\":\"2026-11-28\",\"spent_nano_usd\":5.5}");
        QTest::newRow("string") << QByteArray("{\"date\":\"2026-11-28\",\"spent_nano_usd\":\"5\"}");
        QTest::newRow("huge") << QByteArray("{\"date\":\"2026-11-28\",\"spent_nano_usd\":1e300}");
    }
    void malformedFilesAreReportedAndIgnored()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"budget.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        BudgetLedger ledger;
        BudgetFile file(path);
        QString message;
        QVERIFY(!file.load(ledger, utcMs(2026, 11, 28, 12, 0, 0), &message));
        QVERIFY2(message.contains(u"not a saved spend"_s) || message.contains(u"cannot read"_s), qPrintable(message));
        QCOMPARE(ledger.total().spentNano, qint64(0));
    }

    void unwritableFileIsAnError()
    {
        BudgetLedger ledger;
        ledger.charge(1.0, utcMs(2026, 11, 28, 12, 0, 0));
        BudgetFile file(u"/nonexistent-directory/budget.json"_s);
        QString error;
        QVERIFY(!file.saveIfChanged(ledger, &error));
        QVERIFY2(error.contains(u"/nonexistent-directory/budget.json"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestBudget)
#include "tst_budget.moc"

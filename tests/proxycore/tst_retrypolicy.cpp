// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Retry backoff (exponential with full jitter, capped, never below the upstream's Retry-After) and
// parsing of retry-after-ms / Retry-After (seconds, decimals and the three HTTP date forms).
#include "proxycore/routing/retrypolicy.h"

#include <QTest>

#include <limits>

using namespace llmproxy;

Q_DECLARE_METATYPE(std::optional<qint64>)

namespace {

constexpr quint32 Half = 0x8000'0000u;      // jitter factor 0.5
constexpr quint32 AlmostOne = 0xFFFF'FFFFu; // jitter factor just below 1
constexpr qint64 Day = 86'400'000;
/// 2026-10-21 07:28:00 UTC
constexpr qint64 OctoberDate = 1'792'567'680'000;

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void backoff_data()
    {
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("retry");
        QTest::addColumn<std::optional<qint64>>("retryAfter");
        QTest::addColumn<quint32>("random");
        QTest::addColumn<qint64>("expected");
        const std::optional<qint64> none;
        QTest::newRow("first retry, no jitter") << 250 << 4000 << 1 << none << 0u << qint64(0);
        QTest::newRow("first retry, half") << 250 << 4000 << 1 << none << Half << qint64(125);
        QTest::newRow("first retry, almost all") << 250 << 4000 << 1 << none << AlmostOne << qint64(249);
        QTest::newRow("second retry doubles") << 250 << 4000 << 2 << none << Half << qint64(250);
        QTest::newRow("third retry") << 250 << 4000 << 3 << none << Half << qint64(500);
        QTest::newRow("fifth retry") << 250 << 4000 << 5 << none << Half << qint64(2000);
        QTest::newRow("capped") << 250 << 4000 << 6 << none << Half << qint64(2000);
        QTest::newRow("capped, almost all") << 250 << 4000 << 9 << none << AlmostOne << qint64(3999);
        QTest::newRow("retry 32") << 250 << 4000 << 32 << none << Half << qint64(2000);
        QTest::newRow("retry 64") << 250 << 4000 << 64 << none << Half << qint64(2000);
        QTest::newRow("retry 1000") << 250 << 4000 << 1000 << none << Half << qint64(2000);
        QTest::newRow("retry INT_MAX") << 250 << 4000 << std::numeric_limits<int>::max() << none << AlmostOne
                                       << qint64(3999);
        QTest::newRow("large base, retry 40") << 2'000'000'000 << std::numeric_limits<int>::max() << 40 << none
                                              << AlmostOne << qint64(std::numeric_limits<int>::max() - 1);
        QTest::newRow("retry 0 counts as the first") << 250 << 4000 << 0 << none << Half << qint64(125);
        QTest::newRow("negative retry counts as the first") << 250 << 4000 << -3 << none << Half << qint64(125);
        QTest::newRow("max below base") << 1000 << 300 << 1 << none << Half << qint64(150);
        QTest::newRow("zero base") << 0 << 4000 << 3 << none << AlmostOne << qint64(0);
        QTest::newRow("retry-after wins") << 250 << 4000 << 1 << std::optional<qint64>(3000) << Half << qint64(3000);
        QTest::newRow("retry-after above the cap")
            << 250 << 4000 << 9 << std::optional<qint64>(30'000) << AlmostOne << qint64(30'000);
        QTest::newRow("jitter above retry-after")
            << 250 << 4000 << 5 << std::optional<qint64>(10) << Half << qint64(2000);
        QTest::newRow("retry-after 0") << 250 << 4000 << 1 << std::optional<qint64>(0) << Half << qint64(125);
        QTest::newRow("negative retry-after ignored")
            << 250 << 4000 << 1 << std::optional<qint64>(-500) << 0u << qint64(0);
    }

    void backoff()
    {
        QFETCH(int, base);
        QFETCH(int, max);
        QFETCH(int, retry);
        QFETCH(std::optional<qint64>, retryAfter);
        QFETCH(quint32, random);
        QFETCH(qint64, expected);
        RetrySettings settings;
        settings.baseDelayMs = base;
        settings.maxDelayMs = max;
        QCOMPARE(backoffDelayMs(settings, retry, retryAfter, random), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<std::optional<qint64>>("expected");
        const auto ms = [](qint64 v) { return std::optional<qint64>(v); };
        const std::optional<qint64> none;

        QTest::newRow("absent") << QByteArray() << QByteArray() << none;
        QTest::newRow("blank") << QByteArray("  ") << QByteArray(" ") << none;

        QTest::newRow("ms") << QByteArray() << QByteArray("1500") << ms(1500);
        QTest::newRow("ms wins over seconds") << QByteArray("7") << QByteArray("1500") << ms(1500);
        QTest::newRow("fractional ms rounds up") << QByteArray() << QByteArray("1500.2") << ms(1501);
        QTest::newRow("ms with blanks") << QByteArray() << QByteArray(" 20 ") << ms(20);
        QTest::newRow("ms zero") << QByteArray("9") << QByteArray("0") << ms(0);
        QTest::newRow("bad ms falls back") << QByteArray("2") << QByteArray("abc") << ms(2000);
        QTest::newRow("negative ms falls back") << QByteArray("3") << QByteArray("-5") << ms(3000);
        QTest::newRow("two dots ms falls back") << QByteArray("4") << QByteArray("1.2.3") << ms(4000);
        QTest::newRow("bad ms alone") << QByteArray() << QByteArray("soon") << none;

        QTest::newRow("seconds") << QByteArray("120") << QByteArray() << ms(120'000);
        QTest::newRow("decimal seconds") << QByteArray("1.5") << QByteArray() << ms(1500);
        QTest::newRow("tiny decimal seconds round up") << QByteArray("0.0001") << QByteArray() << ms(1);
        QTest::newRow("zero seconds") << QByteArray("0") << QByteArray() << ms(0);
        QTest::newRow("negative seconds") << QByteArray("-3") << QByteArray() << none;
        QTest::newRow("exponent") << QByteArray("1e3") << QByteArray() << none;
        QTest::newRow("inf") << QByteArray("inf") << QByteArray() << none;
        QTest::newRow("words") << QByteArray("later") << QByteArray() << none;
        QTest::newRow("huge seconds capped") << QByteArray("99999999999999") << QByteArray() << ms(Day);

        QTest::newRow("IMF-fixdate") << QByteArray("Wed, 21 Oct 2026 07:28:00 GMT") << QByteArray() << ms(30'000);
        QTest::newRow("IMF-fixdate, blanks")
            << QByteArray("  Wed, 21 Oct 2026 07:28:00 GMT ") << QByteArray() << ms(30'000);
        QTest::newRow("lower case") << QByteArray("wed, 21 oct 2026 07:28:00 gmt") << QByteArray() << ms(30'000);
        QTest::newRow("RFC 850") << QByteArray("Wednesday, 21-Oct-26 07:28:00 GMT") << QByteArray() << ms(30'000);
        QTest::newRow("asctime") << QByteArray("Wed Oct 21 07:28:00 2026") << QByteArray() << ms(30'000);
        QTest::newRow("past date") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << QByteArray() << ms(0);
        QTest::newRow("now") << QByteArray("Wed, 21 Oct 2026 07:27:30 GMT") << QByteArray() << ms(0);
        QTest::newRow("far future capped") << QByteArray("Fri, 21 Oct 2033 07:28:00 GMT") << QByteArray() << ms(Day);
        QTest::newRow("date with bad ms")
            << QByteArray("Wed, 21 Oct 2026 07:28:05 GMT") << QByteArray("x") << ms(35'000);
        QTest::newRow("before the epoch") << QByteArray("Wed, 31 Dec 1969 23:59:59 GMT") << QByteArray() << ms(0);
        QTest::newRow("year 99999 capped") << QByteArray("Wed, 21 Oct 99999 07:28:00 GMT") << QByteArray() << ms(Day);
        QTest::newRow("bad hour") << QByteArray("Wed, 21 Oct 2026 25:28:00 GMT") << QByteArray() << none;
        QTest::newRow("bad month") << QByteArray("Wed, 21 Okt 2026 07:28:00 GMT") << QByteArray() << none;
        QTest::newRow("time alone") << QByteArray("12:00") << QByteArray() << none;
        QTest::newRow("month alone") << QByteArray("Oct") << QByteArray() << none;
        QTest::newRow("words and a number") << QByteArray("soon 12") << QByteArray() << none;
        QTest::newRow("control bytes") << QByteArray("\x01\x02\x7f") << QByteArray() << none;
        QTest::newRow("embedded NUL") << QByteArray("\0Wed, 21 Oct 2026 07:28:00 GMT", 30) << QByteArray() << none;

        // curl_getdate() is as lenient as browsers: these obsolete or sloppy forms still give a time.
        QTest::newRow("no seconds") << QByteArray("Wed, 21 Oct 2026 07:28 GMT") << QByteArray() << ms(30'000);
        QTest::newRow("other zone") << QByteArray("Wed, 21 Oct 2026 07:28:00 PST") << QByteArray()
                                    << ms(8 * 3'600'000 + 30'000);
        QTest::newRow("numeric zone") << QByteArray("Wed, 21 Oct 2026 07:28:00 +0000") << QByteArray() << ms(30'000);
        QTest::newRow("no day name") << QByteArray("21 Oct 2026 07:28:00 GMT") << QByteArray() << ms(30'000);
        QTest::newRow("one-digit day in IMF") << QByteArray("Wed, 1 Oct 2026 07:28:00 GMT") << QByteArray() << ms(0);
        QTest::newRow("day past month end rolls over")
            << QByteArray("Sat, 31 Feb 2026 07:28:00 GMT") << QByteArray() << ms(0);
    }

    void parse()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(std::optional<qint64>, expected);
        // "now" is 2026-10-21 07:27:30 UTC
        QCOMPARE(parseRetryAfter(retryAfter, retryAfterMs, OctoberDate - 30'000), expected);
    }

    void otherDates()
    {
        // asctime pads a one-digit day with a blank
        QCOMPARE(parseRetryAfter("Thu Oct  1 07:28:00 2026", {}, OctoberDate - 20 * Day - 1'000),
                 std::optional<qint64>(1'000));
        // RFC 850's two-digit years: 94 is 1994 (a past date), not 2094.
        QCOMPARE(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", {}, 784'111'777'000 - 4'000),
                 std::optional<qint64>(4'000));
        QCOMPARE(parseRetryAfter("Sun Nov  6 08:49:37 1994", {}, 784'111'777'000 - 1), std::optional<qint64>(1));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/retrypolicy.h"

#include <QDate>
#include <QList>
#include <QTime>

#include <cmath>

namespace llmproxy {

namespace {

/// Longer waits only mean "not within this request"; the cap keeps callers' sums far from overflow.
constexpr qint64 MaxRetryAfterMs = 24 * 3600 * 1000;

std::optional<qint64> millisecondsFrom(QByteArrayView text, double unitMs)
{
    const QByteArrayView t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    // Plain decimal numbers only: no sign, exponent, "inf" or hexadecimal.
    for (char ch : t) {
        if (!(ch >= '0' && ch <= '9') && ch != '.')
            return std::nullopt;
    }
    bool ok = false;
    const double value = t.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    // Rounded up: waiting a fraction of a millisecond too long is harmless, too short is not.
    return qint64(qMin(std::ceil(value * unitMs), double(MaxRetryAfterMs)));
}

int monthFrom(QByteArrayView name)
{
    static constexpr const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; ++i) {
        if (name.compare(QByteArrayView(months[i]), Qt::CaseInsensitive) == 0)
            return i + 1;
    }
    return 0;
}

std::optional<int> numberFrom(QByteArrayView digits, qsizetype minLength, qsizetype maxLength)
{
    if (digits.size() < minLength || digits.size() > maxLength)
        return std::nullopt;
    int value = 0;
    for (char ch : digits) {
        if (ch < '0' || ch > '9')
            return std::nullopt;
        value = value * 10 + (ch - '0');
    }
    return value;
}

/// The non-empty pieces of `text` between `separator`s.
QList<QByteArrayView> splitOn(QByteArrayView text, char separator)
{
    QList<QByteArrayView> pieces;
    for (qsizetype i = 0; i < text.size();) {
        while (i < text.size() && text[i] == separator)
            ++i;
        const qsizetype start = i;
        while (i < text.size() && text[i] != separator)
            ++i;
        if (i > start)
            pieces.append(text.sliced(start, i - start));
    }
    return pieces;
}

bool isDayName(QByteArrayView name)
{
    if (name.size() < 3)
        return false;
    for (char ch : name) {
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return true;
}

/// An HTTP date (RFC 9110 §5.6.7) in milliseconds since the epoch: the IMF-fixdate
/// "Sun, 06 Nov 1994 08:49:37 GMT" and, as recipients must also accept, the obsolete RFC 850
/// "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" forms. Qt 6.4's
/// RFC 2822 parser rejects the "GMT" zone name, hence the parser of our own.
std::optional<qint64> httpDateMs(QByteArrayView text)
{
    const QList<QByteArrayView> tokens = splitOn(text, ' ');
    std::optional<int> day, year;
    int month = 0;
    QByteArrayView time;
    const auto isGmt = [](QByteArrayView zone) { return zone.compare("GMT", Qt::CaseInsensitive) == 0; };
    const auto dayNameWithComma = [](QByteArrayView t) { return t.endsWith(',') && isDayName(t.chopped(1)); };
    if (tokens.size() == 6 && dayNameWithComma(tokens[0]) && isGmt(tokens[5])) {
        day = numberFrom(tokens[1], 2, 2);
        month = monthFrom(tokens[2]);
        year = numberFrom(tokens[3], 4, 4);
        time = tokens[4];
    } else if (tokens.size() == 4 && dayNameWithComma(tokens[0]) && isGmt(tokens[3])) {
        const QList<QByteArrayView> parts = splitOn(tokens[1], '-');
        if (parts.size() == 3) {
            day = numberFrom(parts[0], 2, 2);
            month = monthFrom(parts[1]);
            year = numberFrom(parts[2], 2, 2);
            if (year) // RFC 850's two-digit year: the past 30 or next 69 years, as most servers do
                *year += *year < 70 ? 2000 : 1900;
        }
        time = tokens[2];
    } else if (tokens.size() == 5 && isDayName(tokens[0])) {
        month = monthFrom(tokens[1]);
        day = numberFrom(tokens[2], 1, 2);
        time = tokens[3];
        year = numberFrom(tokens[4], 4, 4);
    }
    if (!day || !year || !month || time.size() != 8 || time[2] != ':' || time[5] != ':')
        return std::nullopt;
    const std::optional<int> hour = numberFrom(time.first(2), 2, 2);
    const std::optional<int> minute = numberFrom(time.sliced(3, 2), 2, 2);
    const std::optional<int> second = numberFrom(time.sliced(6, 2), 2, 2);
    const QDate date(*year, month, *day);
    if (!hour || !minute || !second || !date.isValid() || !QTime::isValid(*hour, *minute, *second))
        return std::nullopt;
    constexpr qint64 julianDayOfEpoch = 2'440'588;
    return ((date.toJulianDay() - julianDayOfEpoch) * 86'400 + *hour * 3'600 + *minute * 60 + *second) * 1'000;
}

} // namespace

qint64 backoffDelayMs(const RetrySettings &settings, int retry, std::optional<qint64> retryAfterMs, quint32 random)
{
    const quint64 base = quint64(qMax(0, settings.baseDelayMs));
    const quint64 cap = quint64(qMax(0, settings.maxDelayMs));
    const int doublings = qMax(1, retry) - 1;
    // base·2^doublings, capped before the shift could overflow.
    const quint64 ceiling = doublings >= 32 || (base << doublings) > cap ? cap : base << doublings;
    // Full jitter: uniform in [0, ceiling); ceiling < 2^31, so the product fits.
    const qint64 jittered = qint64((ceiling * random) >> 32);
    if (retryAfterMs && *retryAfterMs > jittered)
        return *retryAfterMs;
    return jittered;
}

std::optional<qint64> parseRetryAfter(QByteArrayView retryAfter, QByteArrayView retryAfterMs, qint64 nowEpochMs)
{
    if (std::optional<qint64> ms = millisecondsFrom(retryAfterMs, 1.0))
        return ms;
    if (std::optional<qint64> ms = millisecondsFrom(retryAfter, 1'000.0))
        return ms;
    if (std::optional<qint64> at = httpDateMs(retryAfter.trimmed()))
        return qBound<qint64>(0, *at - nowEpochMs, MaxRetryAfterMs);
    return std::nullopt;
}

} // namespace llmproxy

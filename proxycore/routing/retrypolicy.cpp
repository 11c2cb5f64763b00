// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/retrypolicy.h"

#include <QByteArray>

#include <curl/curl.h>

#include <cmath>
#include <ctime>
#include <limits>

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

/// An HTTP date (RFC 9110 §5.6.7) in milliseconds since the epoch, read by libcurl, which parses
/// the IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and, as recipients must also accept, the
/// obsolete RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994" forms.
/// curl_getdate() is lenient as browsers are (other zones, a missing weekday or seconds, an
/// out-of-range day rolled over); a date at or before the epoch reads as "now", which is all a
/// retry wait needs. Thread-safe: it keeps no state.
std::optional<qint64> httpDateMs(QByteArrayView text)
{
    // curl_getdate() wants a NUL-terminated string; a header value has no embedded NUL that matters.
    const time_t seconds = curl_getdate(QByteArray(text.data(), text.size()).constData(), nullptr);
    if (seconds == -1)
        return std::nullopt;
    // A year like 99999 parses; keep the product (and the caller's subtraction) far from overflow.
    return qMin<qint64>(seconds, std::numeric_limits<qint64>::max() / 4'000) * 1'000;
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

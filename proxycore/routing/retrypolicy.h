// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace llmproxy {

struct RetrySettings
{
    int maxAttempts = 3;    ///< attempts per request, across endpoints and fallback hops (1 = no retry)
    int baseDelayMs = 250;  ///< backoff before the first retry of the same endpoint
    int maxDelayMs = 4'000; ///< backoff ceiling
    int budgetMs = 20'000;  ///< no retry starts later than this after the request arrived
};

/// Wait before retry number `retry` (1 = the first retry; lower counts as 1) of the same endpoint:
/// exponential (base·2^(retry−1), capped at maxDelayMs, without overflow for any `retry`) with full
/// jitter — random / 2^32 of that, rounded down — from `random` (uniform in [0, 2^32)), but never
/// less than the upstream's Retry-After when it gave one (a negative one is ignored).
qint64 backoffDelayMs(const RetrySettings &settings, int retry, std::optional<qint64> retryAfterMs, quint32 random);

/// The wait an upstream asked for, from `retry-after-ms` (milliseconds, may be fractional) when it
/// holds a valid value, else from `Retry-After`: seconds (integer or decimal) or an HTTP date
/// (IMF-fixdate "Wed, 21 Oct 2026 07:28:00 GMT", the obsolete RFC 850 and asctime forms, and the
/// looser variants libcurl's curl_getdate() reads, e.g. another zone) relative to `nowEpochMs`,
/// a date already past giving 0. Fractions of a millisecond round up; waits are capped at one day
/// (longer only means: not within this request). nullopt when absent, unparsable or negative.
/// Only plain decimal numbers are accepted (no sign or exponent). Thread-safe.
std::optional<qint64> parseRetryAfter(QByteArrayView retryAfter, QByteArrayView retryAfterMs, qint64 nowEpochMs);

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/headerlist.h"

#include <QByteArray>
#include <QHostAddress>

namespace llmproxy {

/// A complete HTTP/1.x request as parsed by HttpConnection. Plain value: handlers may keep it
/// after the connection is gone.
struct HttpRequest
{
    QByteArray method;      ///< upper-case token, e.g. "POST"
    QByteArray target;      ///< request-target as sent
    QByteArray path;        ///< target without query string, percent-encoding untouched
    QByteArray query;       ///< after '?', without it; empty if none
    int minorVersion = 1;   ///< HTTP/1.<minorVersion>
    HeaderList headers;     ///< names lower-case, values trimmed, wire order
    QByteArray body;        ///< de-chunked
    QHostAddress peer;
    qint64 receivedNs = 0;  ///< monotonic time (QElapsedTimer::nsecsElapsed base) when the head was complete

    /// First value of header `name` (lower-case), or a null QByteArray.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first == name)
                return h.second;
        }
        return {};
    }
};

/// Monotonic nanoseconds since an arbitrary start; the clock of HttpRequest::receivedNs.
qint64 monotonicNowNs();

} // namespace llmproxy

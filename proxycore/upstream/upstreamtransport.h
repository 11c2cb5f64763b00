// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/headerlist.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace llmproxy {

struct UpstreamTimeouts
{
    int connectMs = 10'000;
    int firstByteMs = 120'000; ///< request fully sent → first response header byte
    int idleMs = 120'000;      ///< longest gap between two received body chunks
    int totalMs = 600'000;
};

struct UpstreamRequest
{
    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;
    HeaderList headers;        ///< sent as given; the transport adds Host, Content-Length, and nothing else
    QByteArray body;
    UpstreamTimeouts timeouts;
};

enum class UpstreamErrorKind {
    None,
    ConnectFailed,     ///< DNS, refused, unreachable, TLS handshake
    Timeout,           ///< connect, first-byte, idle or total timeout
    ConnectionLost,    ///< the upstream closed or reset mid-response
    Protocol,          ///< malformed HTTP from the upstream
    Cancelled          ///< cancelled by us (never reported through callbacks)
};

struct UpstreamError
{
    UpstreamErrorKind kind = UpstreamErrorKind::None;
    QString message;   ///< short, English, no secrets
    bool ok() const { return kind == UpstreamErrorKind::None; }
};

/// Callbacks of one transfer. All run on the thread that called start(), from its event loop,
/// never re-entrantly from inside start() or cancel(). After onFinished, or after the call handle
/// is cancelled or destroyed, none is invoked again.
struct UpstreamCallbacks
{
    std::function<void(int status, const HeaderList &headers)> onHeaders; ///< once, before any data
    std::function<void(QByteArrayView chunk)> onData;                    ///< decoded body bytes (chunked framing removed)
    std::function<void(const UpstreamError &error)> onFinished;          ///< exactly once unless cancelled
};

/// Handle to an in-flight transfer. Destroying it cancels the transfer at once (the connection is
/// closed if the response was incomplete; reused otherwise).
class UpstreamCall
{
public:
    virtual ~UpstreamCall() = default;
    virtual void cancel() = 0;
    /// Pause/resume delivery of onData (backpressure for slow clients).
    virtual void setPaused(bool paused) = 0;
};

/// Sends HTTP requests upstream. One instance per worker thread; not thread-safe: use it only from
/// the thread that created it.
class IUpstreamTransport
{
public:
    virtual ~IUpstreamTransport() = default;
    virtual std::unique_ptr<UpstreamCall> start(UpstreamRequest request, UpstreamCallbacks callbacks) = 0;
    /// Transfers currently running on this transport.
    virtual int activeTransfers() const = 0;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/headerlist.h"

#include <QPointer>

#include <functional>

namespace llmproxy {

class HttpConnection;

/// The write side of one request. Handlers keep it (by shared_ptr) as long as they need; every
/// call is safe after the client has gone (it then does nothing), which is what makes async
/// handlers safe against disconnects. Thread affinity: the worker thread of its connection.
class HttpResponder
{
public:
    explicit HttpResponder(HttpConnection *connection, bool headRequest);
    ~HttpResponder();
    HttpResponder(const HttpResponder &) = delete;
    HttpResponder &operator=(const HttpResponder &) = delete;

    /// True while the client is connected and the response is not finished.
    bool isOpen() const;
    bool hasStarted() const { return m_started; }

    /// A complete response with Content-Length. `headers` must not contain framing headers.
    void respond(int status, const HeaderList &headers, const QByteArray &body);

    /// Starts a streamed response: chunked for HTTP/1.1 clients, close-delimited for HTTP/1.0.
    void beginStream(int status, const HeaderList &headers);
    void writeChunk(QByteArrayView data);
    void endStream();

    /// Closes the connection at once (no more bytes; a streamed response is cut short).
    void abort();

    /// Bytes queued in the socket but not yet sent; lets producers apply backpressure.
    qint64 pendingBytes() const;

    /// Called once if the client disconnects (or the connection is aborted) before the response
    /// finished. Not called after the response finished normally.
    void setOnClientGone(std::function<void()> callback) { m_onClientGone = std::move(callback); }

    /// Called when a graceful shutdown's grace period has run out while this response is still
    /// in flight: the handler must end it now with a protocol-correct error (it may respond or
    /// endStream). If it does not, the connection is closed right after the call.
    void setOnTerminate(std::function<void()> callback) { m_onTerminate = std::move(callback); }

    /// Called once with the status of the first respond() or beginStream(), whether or not the client
    /// is still there to receive it: what the handler decided (the audit ledger records admin calls).
    void setOnResponded(std::function<void(int status)> callback) { m_onResponded = std::move(callback); }
    /// Called when pending bytes drop below the low-water mark after a write.
    void setOnDrained(std::function<void()> callback) { m_onDrained = std::move(callback); }

private:
    friend class HttpConnection;
    void notifyClientGone();
    void notifyTerminate();
    void notifyDrained();
    void notifyResponded(int status);

    QPointer<HttpConnection> m_connection;
    bool m_head;
    bool m_started = false;
    bool m_finished = false;
    bool m_chunked = false;
    std::function<void()> m_onClientGone;
    std::function<void()> m_onTerminate;
    std::function<void()> m_onDrained;
    std::function<void(int)> m_onResponded;
};

} // namespace llmproxy

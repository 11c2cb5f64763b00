// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/httpclient.h"

#include <functional>
#include <memory>

class QElapsedTimer;
class QTcpSocket;

namespace llmproxy::test {

/// One HTTP request on its own connection, driven only by socket signals: start() returns at once,
/// so hundreds of them run side by side in one event loop (load tests). HttpStream, by contrast,
/// waits for its connection inside start().
///
/// All times are read from a clock the caller shares between requests, so they compare across
/// requests and with the caller's own events (e.g. when an upstream was killed).
class AsyncRequest
{
public:
    using Callback = std::function<void(AsyncRequest &)>;

    /// `clock` must be started and outlive the request.
    explicit AsyncRequest(const QElapsedTimer *clock);
    ~AsyncRequest();
    AsyncRequest(const AsyncRequest &) = delete;
    AsyncRequest &operator=(const AsyncRequest &) = delete;

    /// Called once when the status line and headers of the final response have arrived.
    void setOnHeaders(Callback callback) { m_onHeaders = std::move(callback); }
    /// Called once when the request ended: response complete, connection lost or refused, or abort().
    void setOnFinished(Callback callback) { m_onFinished = std::move(callback); }

    /// Connects and sends the request once connected. Adds Host, Content-Length (for bodies and
    /// POST/PUT/PATCH) and Connection: close unless `headers` carry them.
    void start(const QByteArray &method, const QUrl &url, const HeaderList &headers = {}, const QByteArray &body = {});
    /// Hangs up like a client that goes away; the request counts as finished (with an error).
    void abort();

    bool hasHeaders() const { return m_headersMs >= 0; }
    bool isFinished() const { return m_finishedMs >= 0; }
    /// Clock readings (ms) when start() ran, the headers arrived and the request ended; -1 until then.
    qint64 startedMs() const { return m_startedMs; }
    qint64 headersMs() const { return m_headersMs; }
    qint64 finishedMs() const { return m_finishedMs; }

    /// The final response, or what arrived of it with `error` saying what is missing. Body chunk
    /// times and headersElapsedMs are clock readings too.
    HttpResponse response() const;

private:
    void onReadyRead();
    void onDisconnected();
    void finish(const QString &error);

    const QElapsedTimer *m_clock;
    std::unique_ptr<QTcpSocket> m_socket;
    std::unique_ptr<HttpResponseParser> m_parser;
    QByteArray m_request;
    HttpResponse m_final;
    bool m_haveFinal = false;
    bool m_connected = false;
    QString m_error;
    qint64 m_startedMs = -1;
    qint64 m_headersMs = -1;
    qint64 m_finishedMs = -1;
    Callback m_onHeaders;
    Callback m_onFinished;
};

} // namespace llmproxy::test

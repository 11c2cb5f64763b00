// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace llmproxy::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// `Authorization: Bearer <key>`.
inline HeaderList bearer(const char *key)
{
    return {{"Authorization", QByteArray("Bearer ") + key}};
}

/// Body bytes as they arrived, with the time since the request was sent.
struct BodyChunk
{
    qint64 elapsedMs = 0;
    QByteArray data;
};

/// One HTTP response as seen on the wire. Bodies are de-chunked; `chunks` keeps their arrival times.
struct HttpResponse
{
    int status = 0; ///< 0 when no status line arrived (see `error`)
    QByteArray version;
    QByteArray reason;
    HeaderList headers;
    QByteArray body;
    QList<BodyChunk> chunks;
    qint64 headersElapsedMs = -1;
    bool complete = false;      ///< the body ended by its framing (or by close for close-delimited bodies)
    QList<int> interimStatuses; ///< 1xx responses that preceded this one
    QString error;              ///< transport problem (timeout, refused, closed early), empty otherwise

    QByteArray header(QByteArrayView name) const;
    QList<QByteArray> headerValues(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QJsonObject json() const;
    /// Status, headers, the start of the body and any error, for failure messages.
    QString describe() const;
};

/// Incremental HTTP/1.1 response parser (Content-Length, chunked, close-delimited, 1xx, pipelined).
class HttpResponseParser
{
public:
    /// `clock` stamps body chunks; it may be null.
    explicit HttpResponseParser(const QElapsedTimer *clock = nullptr);

    /// When set, responses carry no body (answers to HEAD).
    void setNoBody(bool noBody);
    void feed(QByteArrayView bytes);
    /// The peer closed: completes a close-delimited body.
    void finish();

    QList<HttpResponse> takeCompleted();
    /// The response being received (headers may be incomplete).
    const HttpResponse &current() const { return m_current; }
    bool inProgress() const { return m_state != State::StatusLine || !m_buffer.isEmpty(); }
    bool failed() const { return m_failed; }

private:
    enum class State { StatusLine, Headers, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailer, UntilClose };
    void completeCurrent();
    void addBody(QByteArrayView data);
    qint64 now() const;

    const QElapsedTimer *m_clock;
    bool m_noBody = false;
    bool m_failed = false;
    State m_state = State::StatusLine;
    QByteArray m_buffer;
    qint64 m_remaining = 0;
    HttpResponse m_current;
    QList<BodyChunk> m_pendingChunk;
    QList<HttpResponse> m_completed;
    QList<int> m_interim;
};

/// One request on its own connection, driven by the caller's event loop; usable for streaming:
/// start(), then waitForHeaders()/waitForBody()/waitForFinished(), or abort() to hang up mid-stream.
class HttpStream
{
public:
    HttpStream();
    ~HttpStream();
    HttpStream(const HttpStream &) = delete;
    HttpStream &operator=(const HttpStream &) = delete;

    /// Connects and sends the request. Adds Host and, for non-empty bodies, Content-Length
    /// (unless `headers` already carry Content-Length or Transfer-Encoding).
    bool start(const QByteArray &method, const QUrl &url, const HeaderList &headers = {}, const QByteArray &body = {},
               int connectTimeoutMs = 10000);
    bool waitForHeaders(int timeoutMs);
    bool waitForBody(const std::function<bool(const QByteArray &)> &predicate, int timeoutMs);
    bool waitForBodyContaining(QByteArrayView needle, int timeoutMs);
    /// True when the final response completed or the connection ended; false on timeout.
    bool waitForFinished(int timeoutMs);
    /// Closes the connection like a client that goes away.
    void abort();

    bool isFinished() const;
    bool isConnected() const;
    /// The final response (or the one in progress). After a failure `error` says why.
    HttpResponse response() const;

private:
    void onReadyRead();
    void onDisconnected();

    std::unique_ptr<QTcpSocket> m_socket;
    QElapsedTimer m_clock;
    std::unique_ptr<HttpResponseParser> m_parser;
    HttpResponse m_final;
    bool m_haveFinal = false;
    bool m_closed = false;
    QList<int> m_interim;
    QString m_error;
};

/// Blocking-with-timeout HTTP calls for tests (each on a fresh connection; waits run the event loop).
class HttpClient
{
public:
    static HttpResponse request(const QByteArray &method, const QUrl &url, const HeaderList &headers = {},
                                const QByteArray &body = {}, int timeoutMs = 30000);
    static HttpResponse get(const QUrl &url, const HeaderList &headers = {}, int timeoutMs = 30000);
    static HttpResponse post(const QUrl &url, const QByteArray &body, const HeaderList &headers = {},
                             int timeoutMs = 30000);
    /// POST with Content-Type: application/json.
    static HttpResponse postJson(const QUrl &url, const QJsonObject &body, const HeaderList &headers = {},
                                 int timeoutMs = 30000);
};

/// A raw TCP connection for malformed, pipelined or slow requests.
class RawConnection
{
public:
    RawConnection();
    ~RawConnection();
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool connectTo(const QUrl &url, int timeoutMs = 10000);
    bool connectTo(const QString &host, quint16 port, int timeoutMs = 10000);
    /// Queues and flushes; returns false if the connection is gone.
    bool write(const QByteArray &bytes);
    /// Sends `bytes` in pieces with `delayMs` between them (event loop keeps running).
    bool writeSlowly(const QByteArray &bytes, int pieceSize, int delayMs);
    bool waitForBytes(qsizetype minTotal, int timeoutMs);
    bool waitForReceived(QByteArrayView needle, int timeoutMs);
    /// Waits until `count` final (non-1xx) responses were parsed from everything received.
    bool waitForResponses(int count, int timeoutMs);
    bool waitForDisconnected(int timeoutMs);
    void close();

    bool isConnected() const;
    QByteArray received() const { return m_received; }
    /// Everything received so far, parsed (1xx responses included, in order).
    QList<HttpResponse> responses() const;
    QString errorString() const;

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
    bool m_disconnected = false;
};

} // namespace llmproxy::test

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httpconnection.h"

#include "proxycore/http/httpresponder.h"
#include "proxycore/http/httpstatus.h"
#include "proxycore/http/requesthandler.h"

#include <QElapsedTimer>
#include <utility>

#include <sys/socket.h>

namespace llmproxy {

namespace {

constexpr int LingerMs = 2000;
constexpr qint64 MaxPipelinedBytes = 1024 * 1024;

} // namespace

qint64 monotonicNowNs()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}

HttpConnection::HttpConnection(qintptr descriptor, const ServerLimits &limits, IRequestHandler *handler,
                               QObject *parent)
    : QObject(parent), m_socket(new QTcpSocket(this)), m_limits(limits), m_handler(handler), m_parser(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_finished = true;
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer = m_socket->peerAddress();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    armTimer(m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

HttpConnection::~HttpConnection()
{
    if (auto r = m_responder.lock())
        r->notifyClientGone();
}

bool HttpConnection::isValid() const
{
    return !m_finished;
}

void HttpConnection::armTimer(int ms)
{
    if (ms > 0)
        m_timer.start(ms);
    else
        m_timer.stop();
}

void HttpConnection::onReadyRead()
{
    if (m_finished)
        return;
    if (m_state == State::Closing) {
        m_socket->readAll(); // lingering close: discard what the client still sends
        return;
    }
    if (m_state == State::Dispatched) {
        // Pipelined bytes wait in the socket until the current response is done; a client that
        // floods us meanwhile is cut off rather than buffered without bound.
        if (m_socket->bytesAvailable() > MaxPipelinedBytes + m_limits.maxHeaderBytes)
            m_socket->abort();
        return;
    }
    m_parser.append(m_socket->readAll());
    processInput();
}

void HttpConnection::processInput()
{
    while (!m_finished && m_state != State::Dispatched && m_state != State::Closing) {
        if (m_socket->bytesAvailable() > 0)
            m_parser.append(m_socket->readAll());
        switch (m_parser.next()) {
        case HttpRequestParser::Event::NeedMore:
            return;
        case HttpRequestParser::Event::HeadStarted:
            m_state = State::Head;
            armTimer(m_limits.headerTimeoutMs);
            break;
        case HttpRequestParser::Event::BodyStarted:
            m_state = State::Body;
            armTimer(m_limits.bodyTimeoutMs);
            if (m_parser.expectsContinue() && m_parser.bufferedBytes() == 0)
                writeRaw(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            break;
        case HttpRequestParser::Event::Request:
            dispatch();
            break;
        case HttpRequestParser::Event::Error:
            rejectAndClose(m_parser.errorStatus(), m_parser.errorMessage());
            return;
        }
    }
}

void HttpConnection::dispatch()
{
    m_state = State::Dispatched;
    m_timer.stop();
    HttpRequest request = m_parser.takeRequest();
    request.peer = m_peer;
    const bool head = request.method == "HEAD";
    auto responder = std::make_shared<HttpResponder>(this, head);
    m_responder = responder;
    m_responseMinorVersion = request.minorVersion;
    m_inDispatch = true;
    m_handler->handle(std::move(request), std::move(responder));
    m_inDispatch = false;
}

void HttpConnection::writeRaw(const QByteArray &data)
{
    if (m_finished)
        return;
    m_socket->write(data);
    // Hand the bytes to the kernel now instead of on the next event-loop turn: one loop iteration
    // less per response, and stream events leave as soon as they are relayed.
    m_socket->flush();
}

qint64 HttpConnection::pendingBytes() const
{
    return m_finished ? 0 : m_socket->bytesToWrite();
}

void HttpConnection::onBytesWritten()
{
    if (m_state == State::Dispatched) {
        if (auto r = m_responder.lock(); r && m_socket->bytesToWrite() < 64 * 1024)
            r->notifyDrained();
    }
    if (m_state == State::Closing && m_socket->bytesToWrite() == 0)
        lingeringClose();
}

void HttpConnection::responseFinished(bool keepAlive)
{
    m_responder.reset();
    if (!keepAlive || !m_parser.keepAlive() || m_closeAfterResponse) {
        m_state = State::Closing;
        if (m_socket->bytesToWrite() == 0)
            lingeringClose();
        else
            armTimer(LingerMs + 30'000); // slow readers get a while to take the rest
        return;
    }
    m_state = State::Idle;
    armTimer(m_limits.idleTimeoutMs);
    if (m_inDispatch)
        return; // processInput() is on the stack and continues with pipelined bytes
    // Bytes of a pipelined request are already here and no readyRead will announce them again.
    if (m_parser.bufferedBytes() > 0 || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::rejectAndClose(int status, QByteArrayView message)
{
    const QByteArray body = "{\"error\":{\"message\":\"" + message.toByteArray() +
                            "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"" +
                            httpStatusCode(status) + "\"}}";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) +
                     "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                     "\r\nConnection: close\r\n\r\n" + body;
    m_socket->write(out);
    m_parser.clearBuffer();
    m_state = State::Closing;
    armTimer(LingerMs);
    if (m_socket->bytesToWrite() == 0)
        lingeringClose();
}

void HttpConnection::lingeringClose()
{
    // Half-close and keep reading for a moment, so that a client still uploading sees our
    // response instead of a connection reset.
    if (m_finished)
        return;
    m_socket->flush();
    ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
    if (!m_timer.isActive() || m_timer.remainingTime() > LingerMs)
        armTimer(LingerMs);
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Idle:
        finishConnection();
        break;
    case State::Head:
    case State::Body:
        rejectAndClose(408, "Request was not received in time");
        break;
    case State::Closing:
        finishConnection();
        break;
    case State::Dispatched:
        break;
    }
}

void HttpConnection::onDisconnected()
{
    finishConnection();
}

void HttpConnection::finishConnection()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (auto r = m_responder.lock())
        r->notifyClientGone();
    m_responder.reset();
    m_socket->disconnect(this);
    m_socket->abort();
    emit closed();
    deleteLater();
}

void HttpConnection::closeWhenIdle()
{
    m_closeAfterResponse = true;
    if (m_state == State::Idle)
        finishConnection();
}

void HttpConnection::terminate()
{
    m_closeAfterResponse = true;
    if (m_state == State::Dispatched) {
        if (auto r = m_responder.lock())
            r->notifyTerminate();
    }
    if (m_state != State::Closing)
        finishConnection();
}

// ---------------------------------------------------------------------------------------------

HttpResponder::HttpResponder(HttpConnection *connection, bool headRequest) : m_connection(connection), m_head(headRequest)
{
}

HttpResponder::~HttpResponder()
{
    // A handler that drops its responder without answering must not leave the client hanging.
    if (m_connection && !m_finished && !m_connection->m_finished) {
        if (!m_started) {
            respond(500, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}},
                    QByteArrayLiteral("{\"error\":{\"message\":\"The request was dropped without a response\","
                                      "\"type\":\"server_error\",\"param\":null,\"code\":\"internal_error\"}}"));
        } else {
            abort();
        }
    }
}

bool HttpResponder::isOpen() const
{
    return m_connection && !m_finished && !m_connection->m_finished;
}

static QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
}

static void appendHeaders(QByteArray &out, const HeaderList &headers)
{
    for (const auto &h : headers) {
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
}

void HttpResponder::notifyResponded(int status)
{
    if (m_onResponded)
        std::exchange(m_onResponded, {})(status);
}

void HttpResponder::respond(int status, const HeaderList &headers, const QByteArray &body)
{
    notifyResponded(status);
    if (!isOpen() || m_started)
        return;
    m_started = true;
    m_finished = true;
    HttpConnection *c = m_connection;
    const bool keepAlive = c->m_parser.keepAlive() && !c->m_closeAfterResponse;
    QByteArray out;
    out.reserve(256 + body.size());
    out += statusLine(status);
    appendHeaders(out, headers);
    out += "content-length: ";
    out += QByteArray::number(body.size());
    out += "\r\n";
    if (!keepAlive)
        out += "connection: close\r\n";
    else if (c->m_responseMinorVersion == 0)
        out += "connection: keep-alive\r\n";
    out += "\r\n";
    if (!m_head)
        out += body;
    c->writeRaw(out);
    c->responseFinished(keepAlive);
}

void HttpResponder::beginStream(int status, const HeaderList &headers)
{
    notifyResponded(status);
    if (!isOpen() || m_started)
        return;
    m_started = true;
    HttpConnection *c = m_connection;
    QByteArray out = statusLine(status);
    appendHeaders(out, headers);
    m_chunked = c->m_responseMinorVersion == 1; // HTTP/1.0 has no chunked coding: close-delimited instead
    if (m_chunked)
        out += "transfer-encoding: chunked\r\n";
    else
        out += "connection: close\r\n";
    out += "\r\n";
    c->writeRaw(out);
}

void HttpResponder::writeChunk(QByteArrayView data)
{
    if (!isOpen() || !m_started || data.isEmpty() || m_head)
        return;
    if (m_chunked) {
        QByteArray out = QByteArray::number(data.size(), 16);
        out.reserve(out.size() + data.size() + 4);
        out += "\r\n";
        out += data;
        out += "\r\n";
        m_connection->writeRaw(out);
    } else {
        m_connection->writeRaw(data.toByteArray());
    }
}

void HttpResponder::endStream()
{
    if (!isOpen() || !m_started)
        return;
    m_finished = true;
    if (m_chunked && !m_head)
        m_connection->writeRaw(QByteArrayLiteral("0\r\n\r\n"));
    m_connection->responseFinished(m_chunked);  // a close-delimited body ends with the connection
}

void HttpResponder::abort()
{
    if (!isOpen())
        return;
    m_finished = true;
    m_connection->finishConnection();
}

qint64 HttpResponder::pendingBytes() const
{
    return m_connection ? m_connection->pendingBytes() : 0;
}

void HttpResponder::notifyClientGone()
{
    if (m_finished)
        return;
    m_finished = true;
    if (auto cb = std::move(m_onClientGone))
        cb();
}

void HttpResponder::notifyTerminate()
{
    if (auto cb = std::move(m_onTerminate))
        cb();
}

void HttpResponder::notifyDrained()
{
    if (m_onDrained)
        m_onDrained();
}

} // namespace llmproxy

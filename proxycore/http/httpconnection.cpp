// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/http/httpconnection.h"

#include "proxycore/http/httpresponder.h"
#include "proxycore/http/httpstatus.h"
#include "proxycore/http/requesthandler.h"

#include <QElapsedTimer>

#include <sys/socket.h>

namespace llmproxy {

namespace {

constexpr int LingerMs = 2000;
constexpr qsizetype MaxChunkLine = 1024;
constexpr qint64 MaxPipelinedBytes = 1024 * 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r'))
        v.chop(1);
    return v;
}

bool parseDecimal(QByteArrayView v, qint64 *out)
{
    if (v.isEmpty() || v.size() > 15)
        return false;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

bool containsToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView part = comma < 0 ? list : list.first(comma);
        if (trimmed(part).compare(token, Qt::CaseInsensitive) == 0)
            return true;
        list = comma < 0 ? QByteArrayView() : list.sliced(comma + 1);
    }
    return false;
}

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
    : QObject(parent), m_socket(new QTcpSocket(this)), m_limits(limits), m_handler(handler)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_finished = true;
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_request.peer = m_socket->peerAddress();
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
    m_buffer.append(m_socket->readAll());
    processInput();
}

void HttpConnection::processInput()
{
    while (!m_finished && m_state != State::Dispatched && m_state != State::Closing) {
        if (m_socket->bytesAvailable() > 0)
            m_buffer.append(m_socket->readAll());
        if (m_state == State::Idle) {
            // Tolerate stray CRLFs between requests (RFC 9112 §2.2).
            qsizetype skip = 0;
            while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
                ++skip;
            if (skip)
                m_buffer.remove(0, skip);
            if (m_buffer.isEmpty())
                return;
            m_state = State::Head;
            m_scanFrom = 0;
            armTimer(m_limits.headerTimeoutMs);
        }
        if (m_state == State::Head) {
            qsizetype end = -1;
            qsizetype terminatorLength = 0;
            for (qsizetype i = qMax<qsizetype>(0, m_scanFrom); i < m_buffer.size(); ++i) {
                if (m_buffer[i] != '\n')
                    continue;
                if (i + 1 < m_buffer.size() && m_buffer[i + 1] == '\n') {
                    end = i;
                    terminatorLength = 2;
                    break;
                }
                if (i + 2 < m_buffer.size() && m_buffer[i + 1] == '\r' && m_buffer[i + 2] == '\n') {
                    end = i;
                    terminatorLength = 3;
                    break;
                }
            }
            if (end < 0) {
                if (m_buffer.size() > m_limits.maxHeaderBytes) {
                    rejectAndClose(431, "Request header block exceeds the limit");
                    return;
                }
                m_scanFrom = qMax<qsizetype>(0, m_buffer.size() - 3);
                return;
            }
            if (end + terminatorLength > m_limits.maxHeaderBytes) {
                rejectAndClose(431, "Request header block exceeds the limit");
                return;
            }
            if (!parseHead(end))
                return;
            m_buffer.remove(0, end + terminatorLength);
            m_request.receivedNs = monotonicNowNs();
            if (m_bodyMode == BodyMode::None) {
                dispatch();
                continue;
            }
            m_state = State::Body;
            armTimer(m_limits.bodyTimeoutMs);
            if (m_expectContinue && m_buffer.isEmpty())
                writeRaw(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        }
        if (m_state == State::Body) {
            if (!readBody())
                return;
            dispatch();
        }
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QByteArrayView head(m_buffer.constData(), headEnd);
    qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView requestLine = trimmed(head.first(lineEnd));

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        rejectAndClose(400, "Malformed request line");
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method)) {
        rejectAndClose(400, "Malformed request method");
        return false;
    }
    if (version == "HTTP/1.1") {
        m_request.minorVersion = 1;
    } else if (version == "HTTP/1.0") {
        m_request.minorVersion = 0;
    } else if (version.startsWith("HTTP/")) {
        rejectAndClose(505, "HTTP version not supported");
        return false;
    } else {
        rejectAndClose(400, "Malformed request line");
        return false;
    }
    QByteArrayView path = target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form: keep only the path for routing
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        path = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    } else if (!target.startsWith('/') && target != "*") {
        rejectAndClose(400, "Malformed request target");
        return false;
    }
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
            rejectAndClose(400, "Malformed request target");
            return false;
        }
    }
    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype q = path.indexOf('?');
    m_request.path = (q < 0 ? path : path.first(q)).toByteArray();
    m_request.query = q < 0 ? QByteArray() : path.sliced(q + 1).toByteArray();
    m_request.headers.clear();
    m_request.body.clear();

    qint64 contentLength = -1;
    bool chunked = false;
    bool hasTransferEncoding = false;
    m_keepAlive = m_request.minorVersion == 1;
    m_expectContinue = false;

    qsizetype pos = lineEnd + 1;
    while (pos < head.size()) {
        qsizetype next = head.indexOf('\n', pos);
        if (next < 0)
            next = head.size();
        QByteArrayView line = head.sliced(pos, next - pos);
        pos = next + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t') {
            rejectAndClose(400, "Obsolete header line folding is not accepted");
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            rejectAndClose(400, "Malformed header line");
            return false;
        }
        QByteArray name = line.first(colon).toByteArray().toLower();
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        for (char c : value) {
            if (c == '\0' || c == '\r' || c == '\n') {
                rejectAndClose(400, "Malformed header value");
                return false;
            }
        }
        if (name == "content-length") {
            qint64 n = 0;
            if (!parseDecimal(value, &n) || (contentLength >= 0 && contentLength != n)) {
                rejectAndClose(400, "Invalid Content-Length");
                return false;
            }
            contentLength = n;
        } else if (name == "transfer-encoding") {
            hasTransferEncoding = true;
            if (value.compare("chunked", Qt::CaseInsensitive) != 0) {
                rejectAndClose(501, "Only the chunked transfer coding is supported");
                return false;
            }
            chunked = true;
        } else if (name == "connection") {
            if (containsToken(value, "close"))
                m_keepAlive = false;
            else if (m_request.minorVersion == 0 && containsToken(value, "keep-alive"))
                m_keepAlive = true;
        } else if (name == "expect") {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
                rejectAndClose(417, "Unsupported expectation");
                return false;
            }
            m_expectContinue = m_request.minorVersion == 1;
        }
        m_request.headers.append({std::move(name), value.toByteArray()});
    }
    if (hasTransferEncoding && contentLength >= 0) {
        // Ambiguous framing is how requests get smuggled past proxies: refuse it.
        rejectAndClose(400, "Both Content-Length and Transfer-Encoding given");
        return false;
    }
    if (chunked && m_request.minorVersion == 0) {
        rejectAndClose(400, "Chunked transfer coding requires HTTP/1.1");
        return false;
    }
    if (contentLength > m_limits.maxBodyBytes) {
        rejectAndClose(413, "Request body exceeds the limit");
        return false;
    }
    if (chunked) {
        m_bodyMode = BodyMode::Chunked;
        m_chunkState = 0;
        m_bodyRemaining = 0;
    } else if (contentLength > 0) {
        m_bodyMode = BodyMode::Length;
        m_bodyRemaining = contentLength;
        m_request.body.reserve(contentLength);
    } else {
        m_bodyMode = BodyMode::None;
    }
    return true;
}

bool HttpConnection::readBody()
{
    if (m_bodyMode == BodyMode::Length) {
        const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
        if (take == m_buffer.size() && m_request.body.isEmpty() && take == m_bodyRemaining) {
            m_request.body = std::move(m_buffer); // whole body arrived with the head: no copy
            m_buffer = QByteArray();
        } else {
            m_request.body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
        }
        m_bodyRemaining -= take;
        return m_bodyRemaining == 0;
    }
    // Chunked: states 0 = size line, 1 = data, 2 = CRLF after data, 3 = trailers
    for (;;) {
        if (m_chunkState == 0 || m_chunkState == 2 || m_chunkState == 3) {
            const qsizetype nl = m_buffer.indexOf('\n');
            if (nl < 0) {
                if (m_buffer.size() > MaxChunkLine) {
                    rejectAndClose(400, "Malformed chunked body");
                    return false;
                }
                return false;
            }
            QByteArrayView line(m_buffer.constData(), nl);
            if (line.endsWith('\r'))
                line.chop(1);
            if (m_chunkState == 2) {
                if (!line.isEmpty()) {
                    rejectAndClose(400, "Malformed chunked body");
                    return false;
                }
                m_buffer.remove(0, nl + 1);
                m_chunkState = 0;
                continue;
            }
            if (m_chunkState == 3) {
                m_buffer.remove(0, nl + 1);
                if (line.isEmpty())
                    return true; // end of trailers: body complete
                continue;
            }
            const qsizetype semi = line.indexOf(';');
            const QByteArrayView sizeText = trimmed(semi < 0 ? line : line.first(semi));
            bool ok = false;
            const qint64 size = sizeText.size() <= 15 ? sizeText.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0 || sizeText.startsWith('-') || sizeText.startsWith('+')) {
                rejectAndClose(400, "Malformed chunked body");
                return false;
            }
            m_buffer.remove(0, nl + 1);
            if (size == 0) {
                m_chunkState = 3;
                continue;
            }
            if (m_request.body.size() + size > m_limits.maxBodyBytes) {
                rejectAndClose(413, "Request body exceeds the limit");
                return false;
            }
            m_bodyRemaining = size;
            m_chunkState = 1;
        }
        if (m_chunkState == 1) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, m_buffer.size());
            m_request.body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_bodyRemaining -= take;
            if (m_bodyRemaining > 0)
                return false;
            m_chunkState = 2;
        }
    }
}

void HttpConnection::dispatch()
{
    m_state = State::Dispatched;
    m_timer.stop();
    const bool head = m_request.method == "HEAD";
    auto responder = std::make_shared<HttpResponder>(this, head);
    m_responder = responder;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_request.peer = request.peer;
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
    if (!keepAlive || !m_keepAlive || m_closeAfterResponse) {
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
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
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
    m_buffer.clear();
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

void HttpResponder::respond(int status, const HeaderList &headers, const QByteArray &body)
{
    if (!isOpen() || m_started)
        return;
    m_started = true;
    m_finished = true;
    HttpConnection *c = m_connection;
    const bool keepAlive = c->m_keepAlive && !c->m_closeAfterResponse;
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

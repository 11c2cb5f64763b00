// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/httpclient.h"

#include <QTcpSocket>
#include <QTest>

namespace llmproxy::test {

namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasToken(QByteArrayView value, QByteArrayView token)
{
    const QList<QByteArray> parts = value.toByteArray().split(',');
    for (const QByteArray &part : parts) {
        if (equalsIgnoreCase(part.trimmed(), token))
            return true;
    }
    return false;
}

QByteArray requestTarget(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

QByteArray serializeRequest(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                            const QByteArray &body)
{
    QByteArray wire = method + ' ' + requestTarget(url) + " HTTP/1.1\r\n";
    bool haveHost = false;
    bool haveFraming = false;
    for (const auto &h : headers) {
        haveHost = haveHost || equalsIgnoreCase(h.first, "host");
        haveFraming = haveFraming || equalsIgnoreCase(h.first, "content-length") ||
                      equalsIgnoreCase(h.first, "transfer-encoding");
    }
    if (!haveHost)
        wire += "Host: " + url.host().toLatin1() + ':' + QByteArray::number(url.port(80)) + "\r\n";
    for (const auto &h : headers)
        wire += h.first + ": " + h.second + "\r\n";
    if (!haveFraming && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH"))
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    wire += "\r\n";
    wire += body;
    return wire;
}

} // namespace

// --- HttpResponse ----------------------------------------------------------------------------------------------------

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (equalsIgnoreCase(h.first, name))
            return h.second;
    }
    return {};
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &h : headers) {
        if (equalsIgnoreCase(h.first, name))
            values.append(h.second);
    }
    return values;
}

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (equalsIgnoreCase(h.first, name))
            return true;
    }
    return false;
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResponse::describe() const
{
    QString text = QStringLiteral("status %1").arg(status);
    if (!error.isEmpty())
        text += QStringLiteral(", error: ") + error;
    for (const auto &h : headers)
        text += QStringLiteral("\n  ") + QString::fromLatin1(h.first) + QStringLiteral(": ") +
                QString::fromLatin1(h.second);
    text += QStringLiteral("\n  body (%1 bytes): ").arg(body.size()) + QString::fromUtf8(body.left(600));
    return text;
}

// --- HttpResponseParser ----------------------------------------------------------------------------------------------

HttpResponseParser::HttpResponseParser(const QElapsedTimer *clock) : m_clock(clock) {}

void HttpResponseParser::setNoBody(bool noBody)
{
    m_noBody = noBody;
}

qint64 HttpResponseParser::now() const
{
    return m_clock && m_clock->isValid() ? m_clock->elapsed() : 0;
}

void HttpResponseParser::addBody(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    m_current.body.append(data);
    // One chunk per feed() call: what one read delivered, stamped when it was read.
    if (!m_pendingChunk.isEmpty()) {
        m_pendingChunk.last().data.append(data);
    } else {
        m_pendingChunk.append({now(), data.toByteArray()});
    }
}

void HttpResponseParser::completeCurrent()
{
    m_current.chunks += std::exchange(m_pendingChunk, {});
    m_current.complete = true;
    if (m_current.status >= 100 && m_current.status < 200) {
        m_interim.append(m_current.status);
    } else {
        m_current.interimStatuses = std::exchange(m_interim, {});
    }
    m_completed.append(std::exchange(m_current, {}));
    m_state = State::StatusLine;
}

void HttpResponseParser::feed(QByteArrayView bytes)
{
    if (m_failed)
        return;
    m_buffer.append(bytes);
    bool progress = true;
    while (progress && !m_failed) {
        progress = false;
        switch (m_state) {
        case State::StatusLine:
        case State::Headers:
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailer: {
            const qsizetype eol = m_buffer.indexOf('\n');
            if (eol < 0)
                break;
            QByteArray line = m_buffer.left(eol);
            if (line.endsWith('\r'))
                line.chop(1);
            m_buffer.remove(0, eol + 1);
            progress = true;
            if (m_state == State::StatusLine) {
                if (line.isEmpty())
                    break;
                const QList<QByteArray> parts = line.split(' ');
                if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/")) {
                    m_failed = true;
                    m_current.error = QStringLiteral("malformed status line: ") + QString::fromLatin1(line.left(80));
                    break;
                }
                m_current.version = parts.at(0);
                m_current.status = parts.at(1).toInt();
                m_current.reason = line.mid(parts.at(0).size() + parts.at(1).size() + 2);
                m_state = State::Headers;
            } else if (m_state == State::Headers) {
                if (!line.isEmpty()) {
                    const qsizetype colon = line.indexOf(':');
                    if (colon > 0)
                        m_current.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                    break;
                }
                m_current.headersElapsedMs = now();
                const int status = m_current.status;
                if ((status >= 100 && status < 200) || status == 204 || status == 304 || m_noBody) {
                    completeCurrent();
                } else if (hasToken(m_current.header("transfer-encoding"), "chunked")) {
                    m_state = State::ChunkSize;
                } else if (m_current.hasHeader("content-length")) {
                    m_remaining = m_current.header("content-length").toLongLong();
                    m_state = State::FixedBody;
                    if (m_remaining <= 0)
                        completeCurrent();
                } else {
                    m_state = State::UntilClose;
                }
            } else if (m_state == State::ChunkSize) {
                const qsizetype semicolon = line.indexOf(';');
                bool ok = false;
                m_remaining = (semicolon < 0 ? line : line.left(semicolon)).trimmed().toLongLong(&ok, 16);
                if (!ok || m_remaining < 0) {
                    m_failed = true;
                    m_current.error = QStringLiteral("bad chunk size line: ") + QString::fromLatin1(line.left(40));
                    break;
                }
                m_state = m_remaining == 0 ? State::Trailer : State::ChunkData;
            } else if (m_state == State::ChunkDataEnd) {
                if (!line.isEmpty()) {
                    m_failed = true;
                    m_current.error = QStringLiteral("chunk not followed by CRLF");
                    break;
                }
                m_state = State::ChunkSize;
            } else if (m_state == State::Trailer) {
                if (line.isEmpty())
                    completeCurrent();
            }
            break;
        }
        case State::FixedBody:
        case State::ChunkData: {
            const qint64 take = qMin<qint64>(m_remaining, m_buffer.size());
            if (take <= 0)
                break;
            addBody(QByteArrayView(m_buffer.constData(), take));
            m_buffer.remove(0, take);
            m_remaining -= take;
            progress = true;
            if (m_remaining == 0) {
                if (m_state == State::FixedBody)
                    completeCurrent();
                else
                    m_state = State::ChunkDataEnd;
            }
            break;
        }
        case State::UntilClose:
            if (!m_buffer.isEmpty()) {
                addBody(m_buffer);
                m_buffer.clear();
            }
            break;
        }
    }
    m_current.chunks += std::exchange(m_pendingChunk, {});
}

void HttpResponseParser::finish()
{
    if (m_state == State::UntilClose)
        completeCurrent();
    else if (m_state != State::StatusLine || !m_buffer.isEmpty())
        m_current.error = QStringLiteral("connection closed before the response completed");
}

QList<HttpResponse> HttpResponseParser::takeCompleted()
{
    return std::exchange(m_completed, {});
}

// --- HttpStream ------------------------------------------------------------------------------------------------------

HttpStream::HttpStream() = default;
HttpStream::~HttpStream()
{
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
    }
}

bool HttpStream::start(const QByteArray &method, const QUrl &url, const HeaderList &headers, const QByteArray &body,
                       int connectTimeoutMs)
{
    m_socket = std::make_unique<QTcpSocket>();
    m_parser = std::make_unique<HttpResponseParser>(&m_clock);
    m_parser->setNoBody(method == "HEAD");
    QTcpSocket *socket = m_socket.get();
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] { onReadyRead(); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this] { onDisconnected(); });
    bool failed = false;
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, &failed, socket](QAbstractSocket::SocketError) {
        failed = true;
        if (m_error.isEmpty())
            m_error = socket->errorString();
    });
    socket->connectToHost(url.host(), quint16(url.port(80)));
    const bool connected =
        QTest::qWaitFor([&] { return failed || socket->state() == QAbstractSocket::ConnectedState; }, connectTimeoutMs);
    if (!connected || failed || socket->state() != QAbstractSocket::ConnectedState) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("connect timeout");
        m_closed = true;
        QObject::disconnect(socket, &QTcpSocket::errorOccurred, socket, nullptr);
        return false;
    }
    // `failed` lives on this stack frame only; later errors go through disconnected().
    QObject::disconnect(socket, &QTcpSocket::errorOccurred, socket, nullptr);
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, socket](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError && m_error.isEmpty())
            m_error = socket->errorString();
    });
    m_clock.start();
    socket->write(serializeRequest(method, url, headers, body));
    socket->flush();
    return true;
}

void HttpStream::onReadyRead()
{
    m_parser->feed(m_socket->readAll());
    const QList<HttpResponse> done = m_parser->takeCompleted();
    for (const HttpResponse &r : done) {
        if (r.status >= 100 && r.status < 200) {
            m_interim.append(r.status);
        } else if (!m_haveFinal) {
            m_final = r;
            m_haveFinal = true;
        }
    }
}

void HttpStream::onDisconnected()
{
    if (m_closed)
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    m_closed = true;
    m_parser->finish();
    const QList<HttpResponse> done = m_parser->takeCompleted();
    for (const HttpResponse &r : done) {
        if (r.status >= 200 && !m_haveFinal) {
            m_final = r;
            m_haveFinal = true;
        }
    }
    if (!m_haveFinal && m_error.isEmpty())
        m_error = QStringLiteral("connection closed before a complete response");
}

bool HttpStream::waitForHeaders(int timeoutMs)
{
    return QTest::qWaitFor(
               [this] { return m_haveFinal || m_closed || (m_parser && m_parser->current().headersElapsedMs >= 0); },
               timeoutMs) &&
           (m_haveFinal || (m_parser && m_parser->current().headersElapsedMs >= 0));
}

bool HttpStream::waitForBody(const std::function<bool(const QByteArray &)> &predicate, int timeoutMs)
{
    auto body = [this] { return m_haveFinal ? m_final.body : (m_parser ? m_parser->current().body : QByteArray()); };
    return QTest::qWaitFor([&] { return predicate(body()) || isFinished(); }, timeoutMs) && predicate(body());
}

bool HttpStream::waitForBodyContaining(QByteArrayView needle, int timeoutMs)
{
    return waitForBody([needle](const QByteArray &b) { return b.contains(needle); }, timeoutMs);
}

bool HttpStream::waitForFinished(int timeoutMs)
{
    return QTest::qWaitFor([this] { return isFinished(); }, timeoutMs);
}

void HttpStream::abort()
{
    if (!m_socket)
        return;
    m_closed = true;
    m_socket->abort();
}

bool HttpStream::isFinished() const
{
    return m_haveFinal || m_closed;
}

bool HttpStream::isConnected() const
{
    return m_socket && !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

HttpResponse HttpStream::response() const
{
    HttpResponse r = m_haveFinal ? m_final : (m_parser ? m_parser->current() : HttpResponse());
    if (!m_haveFinal) {
        r.error = !m_error.isEmpty()
                      ? m_error
                      : (m_parser && !m_parser->current().error.isEmpty() ? m_parser->current().error
                                                                          : QStringLiteral("no complete response yet"));
    }
    if (r.interimStatuses.isEmpty())
        r.interimStatuses = m_interim;
    return r;
}

// --- HttpClient ------------------------------------------------------------------------------------------------------

HttpResponse HttpClient::request(const QByteArray &method, const QUrl &url, const HeaderList &headers,
                                 const QByteArray &body, int timeoutMs)
{
    HttpStream stream;
    if (!stream.start(method, url, headers, body, timeoutMs))
        return stream.response();
    if (!stream.waitForFinished(timeoutMs)) {
        HttpResponse r = stream.response();
        r.error = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        return r;
    }
    return stream.response();
}

HttpResponse HttpClient::get(const QUrl &url, const HeaderList &headers, int timeoutMs)
{
    return request("GET", url, headers, {}, timeoutMs);
}

HttpResponse HttpClient::post(const QUrl &url, const QByteArray &body, const HeaderList &headers, int timeoutMs)
{
    return request("POST", url, headers, body, timeoutMs);
}

HttpResponse HttpClient::postJson(const QUrl &url, const QJsonObject &body, const HeaderList &headers, int timeoutMs)
{
    HeaderList all = headers;
    all.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return request("POST", url, all, QJsonDocument(body).toJson(QJsonDocument::Compact), timeoutMs);
}

// --- RawConnection ---------------------------------------------------------------------------------------------------

RawConnection::RawConnection() = default;
RawConnection::~RawConnection()
{
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
    }
}

bool RawConnection::connectTo(const QUrl &url, int timeoutMs)
{
    return connectTo(url.host(), quint16(url.port(80)), timeoutMs);
}

bool RawConnection::connectTo(const QString &host, quint16 port, int timeoutMs)
{
    m_socket = std::make_unique<QTcpSocket>();
    m_received.clear();
    m_disconnected = false;
    QTcpSocket *socket = m_socket.get();
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { m_received += socket->readAll(); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
        m_received += socket->readAll();
        m_disconnected = true;
    });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket,
                     [this](QAbstractSocket::SocketError) { m_disconnected = true; });
    socket->connectToHost(host, port);
    const bool settled = QTest::qWaitFor(
        [&] { return m_disconnected || socket->state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    return settled && socket->state() == QAbstractSocket::ConnectedState;
}

bool RawConnection::write(const QByteArray &bytes)
{
    if (!isConnected())
        return false;
    m_socket->write(bytes);
    m_socket->flush();
    return true;
}

bool RawConnection::writeSlowly(const QByteArray &bytes, int pieceSize, int delayMs)
{
    for (qsizetype offset = 0; offset < bytes.size(); offset += pieceSize) {
        if (!write(bytes.mid(offset, pieceSize)))
            return false;
        if (offset + pieceSize < bytes.size())
            QTest::qWait(delayMs);
    }
    return true;
}

bool RawConnection::waitForBytes(qsizetype minTotal, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_received.size() >= minTotal || m_disconnected; }, timeoutMs) &&
           m_received.size() >= minTotal;
}

bool RawConnection::waitForReceived(QByteArrayView needle, int timeoutMs)
{
    return QTest::qWaitFor([&] { return m_received.contains(needle) || m_disconnected; }, timeoutMs) &&
           m_received.contains(needle);
}

bool RawConnection::waitForResponses(int count, int timeoutMs)
{
    auto finals = [this] {
        int n = 0;
        const QList<HttpResponse> all = responses();
        for (const HttpResponse &r : all)
            n += r.status >= 200 ? 1 : 0;
        return n;
    };
    return QTest::qWaitFor([&] { return m_disconnected || finals() >= count; }, timeoutMs) && finals() >= count;
}

bool RawConnection::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_disconnected; }, timeoutMs);
}

void RawConnection::close()
{
    if (m_socket)
        m_socket->abort();
    m_disconnected = true;
}

bool RawConnection::isConnected() const
{
    return m_socket && !m_disconnected && m_socket->state() == QAbstractSocket::ConnectedState;
}

QList<HttpResponse> RawConnection::responses() const
{
    HttpResponseParser parser;
    parser.feed(m_received);
    if (m_disconnected)
        parser.finish();
    return parser.takeCompleted();
}

QString RawConnection::errorString() const
{
    return m_socket ? m_socket->errorString() : QString();
}

} // namespace llmproxy::test

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/asyncrequest.h"

#include <QElapsedTimer>
#include <QTcpSocket>

namespace llmproxy::test {

namespace {

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray serialize(const QByteArray &method, const QUrl &url, const HeaderList &headers, const QByteArray &body)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray wire = method + ' ' + target + " HTTP/1.1\r\n";
    if (!hasHeader(headers, "host"))
        wire += "Host: " + url.host().toLatin1() + ':' + QByteArray::number(url.port(80)) + "\r\n";
    for (const auto &h : headers)
        wire += h.first + ": " + h.second + "\r\n";
    const bool framed = hasHeader(headers, "content-length") || hasHeader(headers, "transfer-encoding");
    if (!framed && (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH"))
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!hasHeader(headers, "connection"))
        wire += "Connection: close\r\n";
    wire += "\r\n";
    wire += body;
    return wire;
}

} // namespace

AsyncRequest::AsyncRequest(const QElapsedTimer *clock) : m_clock(clock) {}

AsyncRequest::~AsyncRequest()
{
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
    }
}

void AsyncRequest::start(const QByteArray &method, const QUrl &url, const HeaderList &headers, const QByteArray &body)
{
    m_startedMs = m_clock->elapsed();
    m_request = serialize(method, url, headers, body);
    m_parser = std::make_unique<HttpResponseParser>(m_clock);
    m_parser->setNoBody(method == "HEAD");
    m_socket = std::make_unique<QTcpSocket>();
    QTcpSocket *socket = m_socket.get();
    QObject::connect(socket, &QTcpSocket::connected, socket, [this, socket] {
        m_connected = true;
        socket->write(std::exchange(m_request, {}));
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] { onReadyRead(); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this] { onDisconnected(); });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, socket](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows and decides
        if (m_error.isEmpty())
            m_error = socket->errorString();
        if (!m_connected)
            finish(m_error); // refused or failed before connecting: no disconnected() will come
    });
    socket->connectToHost(url.host(), quint16(url.port(80)));
}

void AsyncRequest::abort()
{
    if (!isFinished())
        finish(QStringLiteral("aborted by the client"));
}

void AsyncRequest::onReadyRead()
{
    if (isFinished())
        return;
    m_parser->feed(m_socket->readAll());
    const QList<HttpResponse> done = m_parser->takeCompleted();
    for (const HttpResponse &r : done) {
        if (r.status >= 200 && !m_haveFinal) {
            m_final = r;
            m_haveFinal = true;
        }
    }
    const HttpResponse &current = m_parser->current();
    if (m_headersMs < 0 && (m_haveFinal || (current.headersElapsedMs >= 0 && current.status >= 200))) {
        m_headersMs = m_haveFinal ? m_final.headersElapsedMs : current.headersElapsedMs;
        if (m_onHeaders)
            m_onHeaders(*this);
    }
    if (m_haveFinal)
        finish({});
}

void AsyncRequest::onDisconnected()
{
    if (isFinished())
        return;
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (isFinished())
        return;
    m_parser->finish();
    const QList<HttpResponse> done = m_parser->takeCompleted();
    for (const HttpResponse &r : done) {
        if (r.status >= 200 && !m_haveFinal) {
            m_final = r;
            m_haveFinal = true;
        }
    }
    if (m_haveFinal && m_headersMs < 0) {
        m_headersMs = m_final.headersElapsedMs;
        if (m_onHeaders)
            m_onHeaders(*this);
    }
    finish(m_haveFinal ? QString() : QStringLiteral("connection closed before a complete response"));
}

void AsyncRequest::finish(const QString &error)
{
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
    m_finishedMs = m_clock->elapsed();
    if (m_socket) {
        // Signals off first: abort() would report the close it causes.
        m_socket->disconnect();
        m_socket->abort();
    }
    if (m_onFinished)
        m_onFinished(*this);
}

HttpResponse AsyncRequest::response() const
{
    if (m_haveFinal)
        return m_final;
    HttpResponse r = m_parser ? m_parser->current() : HttpResponse();
    r.error = !m_error.isEmpty() ? m_error
                                 : (isFinished() ? QStringLiteral("no complete response")
                                                 : QStringLiteral("no complete response yet"));
    return r;
}

} // namespace llmproxy::test

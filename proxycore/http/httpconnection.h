// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/http/httprequestparser.h"

#include <QObject>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace llmproxy {

class HttpResponder;
class IRequestHandler;

/// One client connection speaking HTTP/1.0 or 1.1. Owns its socket; deletes itself (deleteLater)
/// when the connection ends. Lives in a worker thread.
///
/// It reads requests with the gateway's single HTTP parser (HttpRequestParser: header and body
/// limits, rejection of ambiguous framing) and adds what needs the socket: header and body read
/// timeouts (408, slow-loris), idle keep-alive timeout, `Expect: 100-continue`, and strictly
/// in-order responses on pipelined connections (the next request is not parsed before the current
/// response is finished).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(qintptr descriptor, const ServerLimits &limits, IRequestHandler *handler,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    bool isValid() const;
    /// Idle (between requests): close now. Busy: close once the current response is finished.
    void closeWhenIdle();
    /// Grace period over: tell the in-flight handler to end its response, then close.
    void terminate();
    bool isBusy() const { return m_state == State::Dispatched; }
    /// Response bytes still queued in the socket (a drain waits for them before reporting done).
    bool hasPendingOutput() const { return !m_finished && m_socket->bytesToWrite() > 0; }

signals:
    void closed();

private:
    friend class HttpResponder;
    enum class State { Idle, Head, Body, Dispatched, Closing };

    void onReadyRead();
    void onDisconnected();
    void onTimeout();
    void onBytesWritten();
    void processInput();
    void dispatch();
    void armTimer(int ms);
    void rejectAndClose(int status, QByteArrayView message);
    void lingeringClose();
    void finishConnection();

    // Responder interface
    void writeRaw(const QByteArray &data);
    void responseFinished(bool keepAlive);
    qint64 pendingBytes() const;

    QTcpSocket *m_socket;
    QTimer m_timer;
    ServerLimits m_limits;
    IRequestHandler *m_handler;
    State m_state = State::Idle;
    HttpRequestParser m_parser;
    QHostAddress m_peer;
    int m_responseMinorVersion = 1;
    bool m_closeAfterResponse = false;
    bool m_inDispatch = false;
    bool m_finished = false;
    std::weak_ptr<HttpResponder> m_responder;
};

} // namespace llmproxy

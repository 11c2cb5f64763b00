// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/httpresponder.h"

#include <functional>
#include <memory>

namespace llmproxy {

/// The client side of one proxied request as a ProxyCall sees it: the answer goes out through it,
/// and it reports a client that left, a shutdown deadline and a drained socket. HttpResponder in
/// the server; a recording fake in tests. Worker thread only.
class ClientResponder
{
public:
    virtual ~ClientResponder() = default;
    virtual void respond(int status, const HeaderList &headers, const QByteArray &body) = 0;
    virtual void beginStream(int status, const HeaderList &headers) = 0;
    virtual void writeChunk(QByteArrayView data) = 0;
    virtual void endStream() = 0;
    /// Bytes queued for the client but not yet sent (backpressure).
    virtual qint64 pendingBytes() const = 0;
    /// Installs (or, with empty functions, removes) the callbacks; see HttpResponder.
    virtual void setCallbacks(std::function<void()> clientGone, std::function<void()> terminate,
                              std::function<void()> drained) = 0;
};

/// ClientResponder over the HTTP front end's responder.
class HttpClientResponder final : public ClientResponder
{
public:
    explicit HttpClientResponder(std::shared_ptr<HttpResponder> responder) : m_responder(std::move(responder)) {}
    void respond(int status, const HeaderList &headers, const QByteArray &body) override
    {
        m_responder->respond(status, headers, body);
    }
    void beginStream(int status, const HeaderList &headers) override { m_responder->beginStream(status, headers); }
    void writeChunk(QByteArrayView data) override { m_responder->writeChunk(data); }
    void endStream() override { m_responder->endStream(); }
    qint64 pendingBytes() const override { return m_responder->pendingBytes(); }
    void setCallbacks(std::function<void()> clientGone, std::function<void()> terminate,
                      std::function<void()> drained) override
    {
        m_responder->setOnClientGone(std::move(clientGone));
        m_responder->setOnTerminate(std::move(terminate));
        m_responder->setOnDrained(std::move(drained));
    }

private:
    std::shared_ptr<HttpResponder> m_responder;
};

} // namespace llmproxy

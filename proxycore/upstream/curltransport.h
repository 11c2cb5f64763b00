// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/upstream/upstreamtransport.h"

#include <QObject>

namespace llmproxy {

struct CurlTransportOptions
{
    bool http2 = true;             ///< ALPN h2 over TLS (never h2c)
    int maxConnectionsPerHost = 0; ///< 0 = unlimited
    int maxIdleConnections = 64;   ///< keep-alive pool size
    QString proxy;                 ///< empty = direct, environment proxies ignored
};

class CurlTransportPrivate;

/// libcurl multi driven by the owning thread's Qt event loop (QSocketNotifier + QTimer).
/// Keep-alive pools, HTTP/2 where offered, TLS with system CAs, TCP_NODELAY, no cookies,
/// no redirects followed. Owned by one worker thread; create and use it only there.
class CurlTransport final : public QObject, public IUpstreamTransport
{
    Q_OBJECT
public:
    explicit CurlTransport(const CurlTransportOptions &options = {}, QObject *parent = nullptr);
    ~CurlTransport() override;

    std::unique_ptr<UpstreamCall> start(UpstreamRequest request, UpstreamCallbacks callbacks) override;
    int activeTransfers() const override;

private:
    std::unique_ptr<CurlTransportPrivate> d;
};

} // namespace llmproxy

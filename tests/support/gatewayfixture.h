// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/httpclient.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/proxyprocess.h"
#include "tests/support/testsupport.h"

namespace llmproxy::test {

/// The usual integration setup: one mock upstream and one gateway whose endpoint "mock" points at it.
/// Fill `config` / `options` before start(); when config.endpoints is empty the default endpoint is added.
struct GatewayFixture
{
    static constexpr const char *kUpstreamKey = "sk-upstream-secret";
    static inline const QStringList kModels{QStringLiteral("mock-chat"), QStringLiteral("mock-embed")};

    MockUpstreamProcess mock{{QStringLiteral("--models"), kModels.join(QLatin1Char(','))}};
    ProxyProcess proxy;
    ProxyConfig config;
    ProxyOptions options;

    /// Starts both (the mock only if not yet running); on failure `error` says why (including the gateway's output).
    bool start(QString *error);
    QUrl url(const QString &pathAndQuery) const { return proxy.url(pathAndQuery); }
    /// POST a JSON body to the gateway.
    HttpResponse post(const QString &path, const QJsonObject &body, const HeaderList &headers = {},
                      int timeoutMs = 30000) const;
    /// The default endpoint spec pointing at the mock (valid after mock.start()).
    EndpointSpec mockEndpoint() const;
};

} // namespace llmproxy::test

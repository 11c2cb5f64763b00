// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/gatewayfixture.h"

namespace llmproxy::test {

EndpointSpec GatewayFixture::mockEndpoint() const
{
    EndpointSpec e;
    e.baseUrl = mock.baseUrl();
    e.models = kModels;
    e.apiKey = QString::fromLatin1(kUpstreamKey);
    return e;
}

bool GatewayFixture::start(QString *error)
{
    if (!mock.isRunning() && !mock.start()) {
        *error = mock.errorString();
        return false;
    }
    if (config.endpoints.isEmpty())
        config.endpoints.append(mockEndpoint());
    options.configYaml = config.toYaml();
    if (!proxy.start(options)) {
        *error = proxy.errorString();
        return false;
    }
    return true;
}

HttpResponse GatewayFixture::post(const QString &path, const QJsonObject &body, const HeaderList &headers,
                                  int timeoutMs) const
{
    return HttpClient::postJson(proxy.url(path), body, headers, timeoutMs);
}

} // namespace llmproxy::test

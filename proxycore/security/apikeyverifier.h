// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/http/httprequest.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace llmproxy {

/// Checks proxy API keys. Keeps only SHA-256 digests of the keys and compares digests in
/// constant time against every key (no early exit), so neither the key nor its length leaks
/// through timing. Immutable after construction: safe to share between threads.
class ApiKeyVerifier
{
public:
    ApiKeyVerifier() = default;
    explicit ApiKeyVerifier(const QStringList &keys);

    bool isEnabled() const { return !m_digests.isEmpty(); }
    bool verify(QByteArrayView presentedKey) const;

    /// The key a client presents: `Authorization: Bearer <key>` (scheme case-insensitive), or
    /// `x-api-key: <key>` (the Anthropic SDK's header). Empty when neither is present.
    static QByteArray presentedKey(const HttpRequest &request);

private:
    QList<QByteArray> m_digests;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/config/modelpattern.h"
#include "proxycore/http/httprequest.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <memory>

namespace llmproxy {

/// What a verified client key may do: which models it may use. Immutable.
class KeyAccess
{
public:
    KeyAccess() = default; ///< every model, no name (keys from LLM_PROXY_API_KEYS)
    KeyAccess(QString name, const QStringList &modelPatterns, QString team = {});

    /// The key's configured name; empty for unnamed keys.
    const QString &name() const { return m_name; }
    /// The team its spend counts towards (server.auth.keys[].team); empty = none.
    const QString &team() const { return m_team; }
    bool allowsEveryModel() const { return m_models.matchesEverything(); }
    /// Whether `model` is one of the names or matches one of the patterns (see ModelPattern).
    bool allowsModel(const QString &model) const { return m_models.matches(model); }
    /// The model names and patterns as configured (empty = every model).
    const QStringList &patterns() const { return m_patterns; }

private:
    QString m_name;
    QString m_team;
    QStringList m_patterns;
    ModelPatternSet m_models;
};

/// Checks proxy API keys. Keeps only SHA-256 digests of the keys and compares digests in
/// constant time against every key (no early exit), so neither the key nor its length leaks
/// through timing. Immutable after construction: safe to share between threads.
class ApiKeyVerifier
{
public:
    ApiKeyVerifier() = default;
    /// `keys` may use every model; each of `named` has its own name and allow-list.
    explicit ApiKeyVerifier(const QStringList &keys, const QList<ClientKeyConfig> &named = {});

    bool isEnabled() const { return !m_digests.isEmpty(); }
    /// What the presented key may do, or nullptr when it is not one of the keys.
    std::shared_ptr<const KeyAccess> verify(QByteArrayView presentedKey) const;

    /// The key a client presents: `Authorization: Bearer <key>` (scheme case-insensitive), or
    /// `x-api-key: <key>` (the Anthropic SDK's header). Empty when neither is present.
    static QByteArray presentedKey(const HttpRequest &request);

private:
    QList<QByteArray> m_digests;
    /// Parallel to m_digests; shared, so a request keeps its key's rights across a reload.
    QList<std::shared_ptr<const KeyAccess>> m_access;
};

} // namespace llmproxy

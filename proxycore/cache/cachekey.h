// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/requestview.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace llmproxy {

/// What a response cache key is made of besides the request body. Filled by the api layer once
/// the request passed the pipeline and was routed.
struct CacheKeyInput
{
    /// Whose entries these are (cacheScope()): one scope never reads another's entries.
    QString scope;
    ClientApi api = ClientApi::ChatCompletions;
    bool stream = false;
    /// One identity per candidate route (endpoint id, its base URL and the model it is asked for),
    /// in any order: the key says which models may answer, not which one was tried first, so a
    /// load-balancing strategy that reorders them does not change it.
    QList<QByteArray> routes;
    /// Request headers passed to the provider that change the answer (anthropic-version,
    /// anthropic-beta), lower-case names; absent ones left out.
    QList<QPair<QByteArray, QByteArray>> headers;
};

/// The cache scope of a request: `key:<name>` for a named client key, `digest:<16 hex digits of
/// the key's SHA-256>` for an unnamed one (LLM_PROXY_API_KEYS), and `anonymous` when the gateway
/// requires no key (every client then shares one scope, as it shares everything else).
QString cacheScope(bool keysRequired, const QString &keyName, QByteArrayView presentedKey);

/// The scope of the client key named `name`, as cacheScope() builds it (DELETE /api/v1/cache?key=).
QString cacheScopeOfKey(const QString &name);

/// Top-level request members of `api` that never change the answer and are not echoed in it,
/// hence left out of the key: `user` and `safety_identifier` (Chat Completions, Completions,
/// Embeddings: end-user ids for the provider's abuse monitoring) and `metadata` (Messages: holds
/// only `user_id`, for the same purpose). Nothing for Responses, whose answer echoes every
/// parameter.
QList<QByteArrayView> cacheIgnoredMembers(ClientApi api);

/// The 32-byte SHA-256 key of a request `view` (as the provider will read it: after the
/// pipeline's rewrites) with `input`. The body enters in a canonical form: top-level members
/// sorted by their decoded name, cacheIgnoredMembers() left out, whitespace between tokens
/// removed; everything else exactly as sent (nested member order, number spelling, string
/// escapes), because a provider may read those differently: two requests that differ there get
/// different keys (a miss), never the same one. Hashed incrementally, without building the
/// canonical text. Thread-safe (pure).
QByteArray responseCacheKey(const CacheKeyInput &input, const RequestView &view);

} // namespace llmproxy

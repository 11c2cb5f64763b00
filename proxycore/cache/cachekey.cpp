// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/cache/cachekey.h"

#include "proxycore/util/sha256.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace llmproxy {

namespace {

/// Bumped whenever the layout below changes, so that entries of another layout can never match.
constexpr QByteArrayView kKeyVersion("llmproxy-response-cache-v1");

/// A field of variable length: its size first, so that no two different field lists give the same bytes.
void addField(Sha256 &hash, QByteArrayView bytes)
{
    const quint64 n = quint64(bytes.size());
    char size[8];
    for (int i = 0; i < 8; ++i)
        size[i] = char((n >> (8 * i)) & 0xff);
    hash.addData(QByteArrayView(size, 8));
    hash.addData(bytes);
}

/// `json` (one valid JSON value) without the whitespace between its tokens. Runs of bytes are
/// hashed as they are, so a compact value is hashed in one piece.
void addCompact(Sha256 &hash, QByteArrayView json)
{
    const char *p = json.data();
    const qsizetype n = json.size();
    qsizetype runStart = 0;
    bool inString = false;
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character is never the string's end
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            hash.addData(QByteArrayView(p + runStart, i - runStart));
            runStart = i + 1;
        }
    }
    hash.addData(QByteArrayView(p + runStart, n - runStart));
}

} // namespace

QString cacheScope(bool keysRequired, const QString &keyName, QByteArrayView presentedKey)
{
    if (!keysRequired)
        return QStringLiteral("anonymous");
    if (!keyName.isEmpty())
        return cacheScopeOfKey(keyName);
    return QStringLiteral("digest:") + QString::fromLatin1(sha256Hex(presentedKey).left(16));
}

QString cacheScopeOfKey(const QString &name)
{
    return QStringLiteral("key:") + name;
}

QList<QByteArrayView> cacheIgnoredMembers(ClientApi api)
{
    switch (api) {
    case ClientApi::ChatCompletions:
    case ClientApi::Completions:
    case ClientApi::Embeddings:
        return {"user", "safety_identifier"};
    case ClientApi::Messages:
        return {"metadata"};
    case ClientApi::Responses:
        break;
    }
    return {};
}

QByteArray responseCacheKey(const CacheKeyInput &input, const RequestView &view)
{
    Sha256 hash;
    hash.addData(kKeyVersion);
    hash.addData(QByteArrayView("\0", 1));
    addField(hash, input.scope.toUtf8());
    const char flags[2] = {char(int(input.api)), char(input.stream ? 1 : 0)};
    hash.addData(QByteArrayView(flags, 2));

    QList<QByteArray> routes = input.routes;
    std::sort(routes.begin(), routes.end());
    routes.erase(std::unique(routes.begin(), routes.end()), routes.end());
    addField(hash, QByteArray::number(routes.size()));
    for (const QByteArray &r : std::as_const(routes))
        addField(hash, r);
    addField(hash, QByteArray::number(input.headers.size()));
    for (const auto &[name, value] : input.headers) {
        addField(hash, name);
        addField(hash, value);
    }

    // The body: top-level members by decoded name (a provider reads an object's members by name,
    // in any order), each value compacted. Nested objects keep their order: a tool's parameter
    // schema or a response_format schema may be shown to the model, or followed, in written order.
    const JsonIndex &json = view.json();
    const QList<QByteArrayView> ignored = cacheIgnoredMembers(input.api);
    std::vector<std::pair<QByteArray, int>> members;
    for (int c = json.node(JsonIndex::Root).firstChild; c >= 0; c = json.node(c).next) {
        QByteArray name = json.key(c);
        if (std::none_of(ignored.cbegin(), ignored.cend(),
                         [&name](QByteArrayView i) { return QByteArrayView(name) == i; }))
            members.emplace_back(std::move(name), c);
    }
    std::sort(
        members.begin(), members.end(),
        [](const std::pair<QByteArray, int> &a, const std::pair<QByteArray, int> &b) { return a.first < b.first; });
    addField(hash, QByteArray::number(qsizetype(members.size())));
    for (const auto &[name, node] : members) {
        addField(hash, name);
        addCompact(hash, json.raw(node));
        // A NUL never occurs in JSON text outside a string (and raw inside one neither): it ends
        // the value unambiguously without its length having to be known first.
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result();
}

} // namespace llmproxy

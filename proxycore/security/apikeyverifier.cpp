// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/apikeyverifier.h"

#include "proxycore/util/sha256.h"

#include <algorithm>

#include <openssl/crypto.h>

namespace llmproxy {

/// Whole-name glob: '*' matches any run of characters ('/' included, as in "meta-llama/*"),
/// '?' any one character.
static bool globMatches(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, starP = -1, starT = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

KeyAccess::KeyAccess(QString name, const QStringList &modelPatterns)
    : m_name(std::move(name)), m_everyModel(modelPatterns.isEmpty()), m_patterns(modelPatterns)
{
    for (const QString &p : modelPatterns) {
        if (p == u"*")
            m_everyModel = true;
        else if (p.contains(u'*') || p.contains(u'?'))
            m_globs.append(p);
        else
            m_exact.insert(p);
    }
}

bool KeyAccess::allowsModel(const QString &model) const
{
    if (m_everyModel || m_exact.contains(model))
        return true;
    return std::any_of(m_globs.cbegin(), m_globs.cend(),
                       [&model](const QString &glob) { return globMatches(glob, model); });
}

ApiKeyVerifier::ApiKeyVerifier(const QStringList &keys, const QList<ClientKeyConfig> &named)
{
    const auto everyModel = std::make_shared<const KeyAccess>();
    for (const QString &k : keys) {
        const QByteArray key = k.trimmed().toUtf8();
        if (!key.isEmpty()) {
            m_digests.append(sha256(key));
            m_access.append(everyModel);
        }
    }
    for (const ClientKeyConfig &k : named) {
        const QByteArray key = k.key.trimmed().toUtf8();
        if (key.isEmpty() && k.sha256.size() != Sha256Size)
            continue;
        m_digests.append(key.isEmpty() ? k.sha256 : sha256(key));
        m_access.append(std::make_shared<const KeyAccess>(k.name, k.models));
    }
}

std::shared_ptr<const KeyAccess> ApiKeyVerifier::verify(QByteArrayView presentedKey) const
{
    if (presentedKey.isEmpty())
        return nullptr;
    const QByteArray d = sha256(presentedKey);
    // Every digest is compared, with no early exit; the index is picked without a branch on the
    // comparison's result.
    qsizetype found = -1;
    for (qsizetype i = 0; i < m_digests.size(); ++i) {
        const qsizetype equal = CRYPTO_memcmp(m_digests.at(i).constData(), d.constData(), Sha256Size) == 0;
        found = (found & (equal - 1)) | (i & -equal);
    }
    return found < 0 ? nullptr : m_access.at(found);
}

QByteArray ApiKeyVerifier::presentedKey(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.isEmpty()) {
        if (auth.size() > 7 && auth.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            return auth.sliced(7).trimmed();
        return auth.trimmed();
    }
    return request.header("x-api-key").trimmed();
}

} // namespace llmproxy

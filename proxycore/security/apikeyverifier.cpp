// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/apikeyverifier.h"

#include "proxycore/util/sha256.h"

#include <openssl/crypto.h>

namespace llmproxy {

KeyAccess::KeyAccess(QString name, const QStringList &modelPatterns, QString team)
    : m_name(std::move(name)), m_team(std::move(team)), m_patterns(modelPatterns), m_models(modelPatterns)
{
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
        m_access.append(std::make_shared<const KeyAccess>(k.name, k.models, k.team));
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

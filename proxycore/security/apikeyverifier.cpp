// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/apikeyverifier.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace llmproxy {

static QByteArray digest(QByteArrayView data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()),
           reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

ApiKeyVerifier::ApiKeyVerifier(const QStringList &keys)
{
    for (const QString &k : keys) {
        const QByteArray key = k.trimmed().toUtf8();
        if (!key.isEmpty())
            m_digests.append(digest(key));
    }
}

bool ApiKeyVerifier::verify(QByteArrayView presentedKey) const
{
    if (presentedKey.isEmpty())
        return false;
    const QByteArray d = digest(presentedKey);
    int matched = 0;
    for (const QByteArray &k : m_digests)
        matched |= CRYPTO_memcmp(k.constData(), d.constData(), SHA256_DIGEST_LENGTH) == 0 ? 1 : 0;
    return matched != 0;
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

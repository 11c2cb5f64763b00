// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/apikeyverifier.h"

#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

namespace llmproxy {

static QByteArray digest(QByteArrayView data)
{
    // Fetched once: OpenSSL 3 otherwise looks the algorithm up again on every call, which costs
    // more than hashing a key.
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> sha256(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                         &EVP_MD_free);
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    if (!sha256 || EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                              nullptr, sha256.get(), nullptr) != 1) {
        SHA256(reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()),
               reinterpret_cast<unsigned char *>(out.data()));
    }
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

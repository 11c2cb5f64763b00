// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/util/sha256.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace llmproxy {

static_assert(Sha256Size == SHA256_DIGEST_LENGTH);

QByteArray sha256(QByteArrayView data)
{
    // OpenSSL rather than QCryptographicHash: Qt 6.4 hashes with its own portable code, OpenSSL with
    // the CPU's SHA extensions. Fetched once: OpenSSL 3 otherwise looks the algorithm up again on
    // every call, which costs more than hashing a key.
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                    &EVP_MD_free);
    QByteArray out(Sha256Size, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    if (!md || EVP_Digest(data.data(), size_t(data.size()), bytes, nullptr, md.get(), nullptr) != 1)
        SHA256(reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()), bytes);
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

} // namespace llmproxy

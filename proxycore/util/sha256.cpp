// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/util/sha256.h"

#include <memory>

#include <openssl/evp.h>
#include <openssl/sha.h>

namespace llmproxy {

static_assert(Sha256Size == SHA256_DIGEST_LENGTH);

namespace {

/// OpenSSL rather than QCryptographicHash: Qt 6.4 hashes with its own portable code, OpenSSL with
/// the CPU's SHA extensions. Fetched once: OpenSSL 3 otherwise looks the algorithm up again on
/// every call, which costs more than hashing a key.
const EVP_MD *sha256Md()
{
    static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                                                    &EVP_MD_free);
    return md.get();
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(Sha256Size, Qt::Uninitialized);
    auto *bytes = reinterpret_cast<unsigned char *>(out.data());
    const EVP_MD *md = sha256Md();
    if (!md || EVP_Digest(data.data(), size_t(data.size()), bytes, nullptr, md, nullptr) != 1)
        SHA256(reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()), bytes);
    return out;
}

QByteArray sha256Hex(QByteArrayView data)
{
    return sha256(data).toHex();
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    // The fetched description, else the built-in one: both compute the same digest.
    const EVP_MD *md = sha256Md();
    if (m_context && (!md || EVP_DigestInit_ex(m_context, md, nullptr) != 1))
        EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr);
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(QByteArrayView data)
{
    if (!data.isEmpty() && m_context)
        EVP_DigestUpdate(m_context, data.data(), size_t(data.size()));
}

QByteArray Sha256::result()
{
    QByteArray out(Sha256Size, '\0');
    if (m_context)
        EVP_DigestFinal_ex(m_context, reinterpret_cast<unsigned char *>(out.data()), nullptr);
    return out;
}

} // namespace llmproxy

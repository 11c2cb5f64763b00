// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/auditseal.h"

#include <QMutexLocker>

#include <memory>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

namespace llmproxy {

namespace {

constexpr char kSealVersion = 1;
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr qsizetype kHeaderSize = 1 + AuditKeyIdSize + kNonceSize;

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

/// The authenticated data of a blob: binds it to its version, key id, party and person.
QByteArray associatedData(QByteArrayView keyId, AuditParty party, QByteArrayView ref)
{
    QByteArray aad = QByteArrayLiteral("llmproxy-audit-personal-v1");
    aad.append(kSealVersion);
    aad.append(keyId);
    aad.append(char(party));
    aad.append(ref);
    return aad;
}

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

std::optional<QByteArray> randomBytes(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), int(size)) != 1)
        return std::nullopt;
    return out;
}

void wipe(QByteArray &secret)
{
    if (!secret.isEmpty())
        OPENSSL_cleanse(secret.data(), size_t(secret.size()));
    secret.clear();
}

} // namespace

QByteArray auditSubjectRef(QByteArrayView secret, QStringView name)
{
    QByteArray message = QByteArrayLiteral("llmproxy-audit-subject-v1");
    message.append(name.toUtf8());
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // An empty secret still gives a stable reference; the ledger refuses to run without a secret.
    static const unsigned char noKey = 0;
    const void *key = secret.isEmpty() ? static_cast<const void *>(&noKey) : secret.data();
    if (!HMAC(EVP_sha256(), key, int(secret.size()), bytes(message), size_t(message.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), int(length));
}

std::optional<QByteArray> sealAuditPersonal(const SubjectKey &key, AuditParty party, QByteArrayView ref,
                                            QByteArrayView plaintext, QString *error)
{
    const std::optional<QByteArray> nonce = randomBytes(kNonceSize);
    const CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!nonce || !ctx || key.key.size() != AuditKeySize || key.id.size() != AuditKeyIdSize) {
        *error = QStringLiteral("cannot seal personal data: no random nonce, cipher or valid key");
        return std::nullopt;
    }
    const QByteArray aad = associatedData(key.id, party, ref);
    QByteArray out;
    out.reserve(kHeaderSize + plaintext.size() + kTagSize);
    out.append(kSealVersion);
    out.append(key.id);
    out.append(*nonce);
    out.resize(kHeaderSize + plaintext.size() + kTagSize);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data()) + kHeaderSize;
    int written = 0;
    int final = 0;
    const bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
                    EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key.key), bytes(*nonce)) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), nullptr, &written, bytes(aad), int(aad.size())) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), cipher, &written, bytes(plaintext), int(plaintext.size())) == 1 &&
                    EVP_EncryptFinal_ex(ctx.get(), cipher + written, &final) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cipher + plaintext.size()) == 1;
    if (!ok) {
        *error = QStringLiteral("cannot seal personal data: AES-256-GCM failed");
        return std::nullopt;
    }
    return out;
}

QByteArray auditSealedKeyId(QByteArrayView sealed)
{
    if (sealed.size() < kHeaderSize + kTagSize || sealed.front() != kSealVersion)
        return {};
    return sealed.sliced(1, AuditKeyIdSize).toByteArray();
}

std::optional<QByteArray> openAuditPersonal(QByteArrayView key, AuditParty party, QByteArrayView ref,
                                            QByteArrayView sealed)
{
    const QByteArray keyId = auditSealedKeyId(sealed);
    const CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (keyId.isEmpty() || key.size() != AuditKeySize || !ctx)
        return std::nullopt;
    const QByteArray aad = associatedData(keyId, party, ref);
    const QByteArrayView nonce = sealed.sliced(1 + AuditKeyIdSize, kNonceSize);
    const QByteArrayView cipher = sealed.sliced(kHeaderSize, sealed.size() - kHeaderSize - kTagSize);
    QByteArray tag = sealed.last(kTagSize).toByteArray();
    QByteArray out(cipher.size(), Qt::Uninitialized);
    int written = 0;
    int final = 0;
    const bool ok =
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(nonce)) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &written, bytes(aad), int(aad.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &written, bytes(cipher),
                          int(cipher.size())) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()) + written, &final) == 1;
    if (!ok) {
        wipe(out);
        return std::nullopt;
    }
    return out;
}

MemorySubjectKeyStore::~MemorySubjectKeyStore()
{
    for (Stored &stored : m_keys)
        wipe(stored.key);
}

std::optional<SubjectKey> MemorySubjectKeyStore::currentKey(QByteArrayView ref, QString *error)
{
    const QMutexLocker lock(&m_mutex);
    const QByteArray refBytes = ref.toByteArray();
    if (const auto it = m_current.constFind(refBytes); it != m_current.cend())
        return SubjectKey{*it, m_keys.value(*it).key};
    const std::optional<QByteArray> id = randomBytes(AuditKeyIdSize);
    const std::optional<QByteArray> key = randomBytes(AuditKeySize);
    if (!id || !key) {
        *error = QStringLiteral("cannot create a subject key: no random bytes");
        return std::nullopt;
    }
    m_current.insert(refBytes, *id);
    m_keys.insert(*id, Stored{refBytes, *key});
    return SubjectKey{*id, *key};
}

std::optional<QByteArray> MemorySubjectKeyStore::keyById(QByteArrayView keyId, QString *error)
{
    Q_UNUSED(error)
    const QMutexLocker lock(&m_mutex);
    const auto it = m_keys.constFind(keyId.toByteArray());
    if (it == m_keys.cend())
        return std::nullopt;
    return it->key;
}

std::optional<int> MemorySubjectKeyStore::destroyKeys(QByteArrayView ref, QString *error)
{
    Q_UNUSED(error)
    const QMutexLocker lock(&m_mutex);
    int destroyed = 0;
    for (auto it = m_keys.begin(); it != m_keys.end();) {
        if (it->ref == ref) {
            wipe(it->key);
            it = m_keys.erase(it);
            ++destroyed;
        } else {
            ++it;
        }
    }
    m_current.remove(ref.toByteArray());
    return destroyed;
}

} // namespace llmproxy

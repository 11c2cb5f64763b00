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

/// `prefix` ‖ nonce ‖ AES-256-GCM(`key`, nonce, `aad`, `plaintext`) ‖ tag, with a random nonce.
std::optional<QByteArray> gcmSeal(QByteArrayView key, QByteArrayView aad, QByteArrayView plaintext, QByteArray prefix)
{
    const std::optional<QByteArray> nonce = randomBytes(kNonceSize);
    const CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!nonce || !ctx || key.size() != AuditKeySize)
        return std::nullopt;
    const qsizetype header = prefix.size() + kNonceSize;
    QByteArray out = std::move(prefix);
    out.append(*nonce);
    out.resize(header + plaintext.size() + kTagSize);
    auto *cipher = reinterpret_cast<unsigned char *>(out.data()) + header;
    int written = 0;
    int final = 0;
    const bool ok = EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, kNonceSize, nullptr) == 1 &&
                    EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(*nonce)) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), nullptr, &written, bytes(aad), int(aad.size())) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), cipher, &written, bytes(plaintext), int(plaintext.size())) == 1 &&
                    EVP_EncryptFinal_ex(ctx.get(), cipher + written, &final) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cipher + plaintext.size()) == 1;
    if (!ok)
        return std::nullopt;
    return out;
}

/// Opens what gcmSeal() made, given the length of its prefix; nullopt when it does not authenticate.
std::optional<QByteArray> gcmOpen(QByteArrayView key, QByteArrayView aad, QByteArrayView sealed, qsizetype prefixSize)
{
    const CipherContext ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    const qsizetype header = prefixSize + kNonceSize;
    if (key.size() != AuditKeySize || sealed.size() < header + kTagSize || !ctx)
        return std::nullopt;
    const QByteArrayView nonce = sealed.sliced(prefixSize, kNonceSize);
    const QByteArrayView cipher = sealed.sliced(header, sealed.size() - header - kTagSize);
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

/// The authenticated data of a wrapped subject key: binds it to its id and person.
QByteArray wrapAssociatedData(QByteArrayView keyId, QByteArrayView ref)
{
    QByteArray aad = QByteArrayLiteral("llmproxy-audit-keywrap-v1");
    aad.append(kSealVersion);
    aad.append(keyId);
    aad.append(ref);
    return aad;
}

/// HMAC-SHA256(secret, message); an empty secret is used as a zero-length key.
QByteArray hmacSha256(QByteArrayView secret, QByteArrayView message)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    static const unsigned char noKey = 0;
    const void *key = secret.isEmpty() ? static_cast<const void *>(&noKey) : secret.data();
    if (!HMAC(EVP_sha256(), key, int(secret.size()), bytes(message), size_t(message.size()), mac, &length))
        return {};
    return QByteArray(reinterpret_cast<const char *>(mac), int(length));
}

} // namespace

QByteArray auditSubjectRef(QByteArrayView secret, QStringView name)
{
    // An empty secret still gives a stable reference; the ledger refuses to run without a secret.
    QByteArray message = QByteArrayLiteral("llmproxy-audit-subject-v1");
    message.append(name.toUtf8());
    return hmacSha256(secret, message);
}

std::optional<QByteArray> sealAuditPersonal(const SubjectKey &key, AuditParty party, QByteArrayView ref,
                                            QByteArrayView plaintext, QString *error)
{
    std::optional<QByteArray> out;
    if (key.id.size() == AuditKeyIdSize)
        out = gcmSeal(key.key, associatedData(key.id, party, ref), plaintext, QByteArray(1, kSealVersion) + key.id);
    if (!out)
        *error = QStringLiteral("cannot seal personal data: no random nonce, cipher or valid key");
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
    if (keyId.isEmpty())
        return std::nullopt;
    return gcmOpen(key, associatedData(keyId, party, ref), sealed, 1 + AuditKeyIdSize);
}

std::optional<SubjectKey> generateAuditSubjectKey(QString *error)
{
    const std::optional<QByteArray> id = randomBytes(AuditKeyIdSize);
    const std::optional<QByteArray> key = randomBytes(AuditKeySize);
    if (!id || !key) {
        *error = QStringLiteral("cannot create a subject key: no random bytes");
        return std::nullopt;
    }
    return SubjectKey{*id, *key};
}

QByteArray auditKeyWrapKey(QByteArrayView secret)
{
    return hmacSha256(secret, "llmproxy-audit-keywrap-v1");
}

std::optional<QByteArray> wrapAuditSubjectKey(QByteArrayView wrapKey, const SubjectKey &key, QByteArrayView ref,
                                              QString *error)
{
    std::optional<QByteArray> out;
    if (key.id.size() == AuditKeyIdSize && key.key.size() == AuditKeySize)
        out = gcmSeal(wrapKey, wrapAssociatedData(key.id, ref), key.key, QByteArray(1, kSealVersion));
    if (!out)
        *error = QStringLiteral("cannot wrap a subject key: no random nonce, cipher or valid key");
    return out;
}

std::optional<QByteArray> unwrapAuditSubjectKey(QByteArrayView wrapKey, QByteArrayView keyId, QByteArrayView ref,
                                                QByteArrayView wrapped)
{
    if (wrapped.isEmpty() || wrapped.front() != kSealVersion)
        return std::nullopt;
    std::optional<QByteArray> key = gcmOpen(wrapKey, wrapAssociatedData(keyId, ref), wrapped, 1);
    if (key && key->size() != AuditKeySize) {
        wipe(*key);
        return std::nullopt;
    }
    return key;
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
    std::optional<SubjectKey> created = generateAuditSubjectKey(error);
    if (!created)
        return std::nullopt;
    m_current.insert(refBytes, created->id);
    m_keys.insert(created->id, Stored{refBytes, created->key});
    return created;
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

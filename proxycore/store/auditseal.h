// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringView>

#include <optional>

/// Personal data in the audit chain: a keyed reference for lookup and a sealed blob per person.
///
/// A person's name is kept in an entry only as auditSubjectRef() (HMAC-SHA256 with the ledger secret),
/// which finds their entries but cannot be reversed without the secret. Their personal data is
/// sealed with AES-256-GCM under a key of their own, held by a SubjectKeyStore; erasing the person
/// destroys their keys, after which the sealed bytes, still covered by the chain's hashes, cannot be
/// opened by anyone. docs/audit.md explains what this does and does not protect.
namespace llmproxy {

/// Size of a subject key (AES-256) and of its id.
inline constexpr qsizetype AuditKeySize = 32;
inline constexpr qsizetype AuditKeyIdSize = 16;

/// Whose data a sealed blob holds within its entry; part of the authenticated data, so a blob cannot
/// be moved from the actor's place to the subject's.
enum class AuditParty : char { Actor = 'a', Subject = 's' };

/// HMAC-SHA256(secret, "llmproxy-audit-subject-v1" || UTF-8 of `name`): 32 bytes, the same for the same
/// name and secret on every instance. The name is taken as given (no case folding or normalisation).
QByteArray auditSubjectRef(QByteArrayView secret, QStringView name);

/// One key of one person.
struct SubjectKey
{
    QByteArray id;  ///< AuditKeyIdSize random bytes, stored in clear in every blob sealed with the key
    QByteArray key; ///< AuditKeySize random bytes
};

/// Seals `plaintext` under `key`: version byte 1, key id, 12-byte random nonce, ciphertext, 16-byte
/// GCM tag; authenticated with the party and the 32-byte reference. Nullopt with `error` only if
/// OpenSSL fails.
std::optional<QByteArray> sealAuditPersonal(const SubjectKey &key, AuditParty party, QByteArrayView ref,
                                            QByteArrayView plaintext, QString *error);

/// The key id a sealed blob names; empty when the blob is too short to be one.
QByteArray auditSealedKeyId(QByteArrayView sealed);

/// Opens a blob sealAuditPersonal() made with `key` for `party` and `ref`; nullopt when it does not
/// authenticate (another key, another party or reference, or changed bytes).
std::optional<QByteArray> openAuditPersonal(QByteArrayView key, AuditParty party, QByteArrayView ref,
                                            QByteArrayView sealed);

/// A new random key with a random id. Nullopt with `error` when no random bytes are available.
std::optional<SubjectKey> generateAuditSubjectKey(QString *error);

/// The key that wraps subject keys stored in a database: HMAC-SHA256(secret,
/// "llmproxy-audit-keywrap-v1"), 32 bytes. Kept outside the database with the ledger secret, so a copy
/// of the database alone opens no key.
QByteArray auditKeyWrapKey(QByteArrayView secret);

/// `key` encrypted with AES-256-GCM under `wrapKey`: version byte 1, 12-byte random nonce, ciphertext,
/// 16-byte tag; authenticated with the key's id and its person's reference, so a wrapped key cannot be
/// moved to another row. Nullopt with `error` only if OpenSSL fails or the sizes are wrong.
std::optional<QByteArray> wrapAuditSubjectKey(QByteArrayView wrapKey, const SubjectKey &key, QByteArrayView ref,
                                              QString *error);

/// The key wrapAuditSubjectKey() wrapped for `keyId` and `ref`; nullopt when it does not authenticate
/// (another wrap key, id or reference, or changed bytes).
std::optional<QByteArray> unwrapAuditSubjectKey(QByteArrayView wrapKey, QByteArrayView keyId, QByteArrayView ref,
                                                QByteArrayView wrapped);

/// Holds the per-person keys. The SQL ledger keeps them in their own table (wrapped under a key
/// derived from the ledger secret), so that erasing a person deletes rows there and never touches
/// the chain. Implementations are used from the audit writer's thread, one call at a time, unless
/// they say otherwise.
class SubjectKeyStore
{
public:
    virtual ~SubjectKeyStore() = default;

    /// The key new data of `ref` is sealed with, created (random) when `ref` has none — also after
    /// an erasure, so data recorded later is readable again while the erased data stays lost.
    /// Nullopt with `error` when the store fails.
    virtual std::optional<SubjectKey> currentKey(QByteArrayView ref, QString *error) = 0;

    /// The key with `keyId`. Nullopt with an empty `error` when there is no such key (destroyed by an
    /// erasure, or never existed); nullopt with `error` set when the store fails.
    virtual std::optional<QByteArray> keyById(QByteArrayView keyId, QString *error) = 0;

    /// Destroys every key of `ref`. Returns how many there were; nullopt with `error` on failure, in
    /// which case no key of `ref` was destroyed.
    virtual std::optional<int> destroyKeys(QByteArrayView ref, QString *error) = 0;
};

/// A SubjectKeyStore in memory, for the tests and for a gateway without a database (its keys end
/// with the process, like its ledger). Thread-safe. The store's copy of a destroyed key is
/// overwritten before it is freed; copies already handed out belong to their callers.
class MemorySubjectKeyStore final : public SubjectKeyStore
{
public:
    MemorySubjectKeyStore() = default;
    ~MemorySubjectKeyStore() override;
    MemorySubjectKeyStore(const MemorySubjectKeyStore &) = delete;
    MemorySubjectKeyStore &operator=(const MemorySubjectKeyStore &) = delete;

    std::optional<SubjectKey> currentKey(QByteArrayView ref, QString *error) override;
    std::optional<QByteArray> keyById(QByteArrayView keyId, QString *error) override;
    std::optional<int> destroyKeys(QByteArrayView ref, QString *error) override;

private:
    struct Stored
    {
        QByteArray ref;
        QByteArray key;
    };
    mutable QMutex m_mutex;
    QHash<QByteArray, QByteArray> m_current; ///< ref → id of the key new data is sealed with
    QHash<QByteArray, Stored> m_keys;        ///< id → key
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/auditchain.h"
#include "proxycore/store/auditseal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <optional>

class QIODevice;

namespace llmproxy {

/// What a caller records, in clear. AuditLedger::draft() turns it into an AuditEntry: the personal
/// fields go into sealed blobs, the rest is stored as given.
///
/// Personal (sealed): `actor` and `clientIp` under the actor's key; `subject` and `personalDetails`
/// under the subject's key. Not personal (clear): everything else, including `details` — put nothing
/// there that identifies a person (names, e-mail addresses, prompts, IP addresses).
struct AuditEvent
{
    qint64 timeMs = 0; ///< UTC milliseconds since the epoch
    AuditCategory category = AuditCategory::Request;
    QString action;
    QString outcome;
    QString actor;     ///< personal: the key name or user who acted; empty for the gateway itself
    QString actorRole; ///< admin, user, system, …
    QString clientIp;  ///< personal: the actor's address; identifies an anonymous actor
    QString subject;   ///< personal: whose data the entry is about, when not the actor
    QString requestId;
    QJsonObject details;                ///< not personal, stored in clear
    QJsonObject personalDetails;        ///< personal facts about the subject (or the actor, when no subject)
    AuditEncodedDetails encodedDetails; ///< instead of details: encoded ahead by an AuditTableWriter
};

/// Who asks for an operation on the ledger itself (export, erase, purge); it is recorded as the actor
/// of that operation's own entry.
struct AuditRequester
{
    qint64 timeMs = 0;
    QString actor;
    QString actorRole;
    QString clientIp;
    QString requestId;
};

/// A consistent view of a stored chain: its checkpoint, its head and its rows in sequence order, as of
/// one moment (an SQL read transaction, held until the rows are read or the snapshot is dropped).
struct AuditSnapshot
{
    std::optional<AuditAnchor> checkpoint; ///< set once entries have been purged
    AuditAnchor head;                      ///< the last entry, else the checkpoint, else the genesis
    AuditRowSource rows;
};

/// Where the chain is stored. MemoryAuditStore keeps it in memory; the SQL ledger will keep it in
/// the audit tables (docs/audit.md, "Storage"). The chain's rules live in chainAuditEntries() and
/// verifyAuditChain(), so a backend only has to keep the serialisation contract of append() and
/// purgeBefore().
class AuditStore
{
public:
    virtual ~AuditStore() = default;

    /// Appends `drafts` in order after the current head, in **one serialised step** across every
    /// writer of the store (threads and instances): read the head (last entry, else checkpoint, else
    /// genesis), chainAuditEntries(), insert the entries, and let no other append or purge run between
    /// the read and the insert (PostgreSQL: a transaction holding pg_advisory_xact_lock; SQLite:
    /// BEGIN IMMEDIATE). All or nothing: returns the stored entries, or nullopt with `error` and
    /// nothing stored.
    virtual std::optional<QList<AuditEntry>> append(const QList<AuditEntry> &drafts, QString *error) = 0;

    /// The chain as of now; nullopt with `error` when the store cannot be read.
    virtual std::optional<AuditSnapshot> snapshot(QString *error) = 0;

    /// The entries whose actorRef or subjectRef is `ref`, in sequence order.
    virtual std::optional<QList<AuditEntry>> entriesOf(QByteArrayView ref, QString *error) = 0;

    /// Removes the longest prefix of the chain whose entries are all older than `cutoffMs` and, in the
    /// same serialised step as append(), makes the last removed entry the checkpoint, signed with
    /// `checkpointKey` (AuditAnchorPurpose::Checkpoint; unsigned when empty). An entry older than
    /// the cutoff that follows a newer one (clocks of several instances) stays until the newer one is
    /// old enough. Returns how many entries were removed (0: none old enough).
    virtual std::optional<qint64> purgeBefore(qint64 cutoffMs, QByteArrayView checkpointKey, QString *error) = 0;
};

/// An AuditStore in memory: for the tests, and the reference the SQL store is checked against.
/// Thread-safe; append() and purgeBefore() serialise on one mutex.
class MemoryAuditStore final : public AuditStore
{
public:
    std::optional<QList<AuditEntry>> append(const QList<AuditEntry> &drafts, QString *error) override;
    std::optional<AuditSnapshot> snapshot(QString *error) override;
    std::optional<QList<AuditEntry>> entriesOf(QByteArrayView ref, QString *error) override;
    std::optional<qint64> purgeBefore(qint64 cutoffMs, QByteArrayView checkpointKey, QString *error) override;

private:
    AuditAnchor headLocked() const;

    mutable QMutex m_mutex;
    QList<AuditEntry> m_entries;
    std::optional<AuditAnchor> m_checkpoint;
};

/// The result of an erasure.
struct AuditErasure
{
    qint64 entries = 0;        ///< entries that held the person's data (as actor or subject)
    int keysDestroyed = 0;     ///< the person's keys destroyed; their data in those entries is gone
    qint64 recordSequence = 0; ///< the sequence of the erasure's own entry
};

/// The audit ledger: records events into the chain with their personal data sealed, and answers
/// GDPR requests — export of one person's data, erasure by destroying their keys, retention purge
/// behind a checkpoint — without ever making the chain unverifiable.
///
/// Not an owner: `store` and `keys` must outlive it. Use it from one thread (the store writer's);
/// several ledgers (instances) may share one store, which serialises their appends. Every failure is
/// returned with an English message; nothing here throws or blocks beyond the store's own calls.
class AuditLedger
{
public:
    /// `secret` keys the person references (auditSubjectRef); it must be the same on every instance
    /// sharing the store and must never change, or earlier entries are no longer found by name.
    /// `anchorKey` signs checkpoints and exported heads (LLM_PROXY_SIGNING_KEY); empty leaves them
    /// unsigned. `instanceId` is written into every entry this ledger records.
    AuditLedger(AuditStore *store, SubjectKeyStore *keys, QByteArray secret, QByteArray anchorKey, QString instanceId);

    /// Fewest bytes of a ledger secret.
    static constexpr qsizetype MinSecretSize = 16;

    /// The entry `event` becomes: references and sealed blobs made, non-finite numbers in the
    /// details turned into null, checked to encode. Not yet chained (see AuditStore::append, which
    /// takes a batch of drafts). Nullopt with `error` when the ledger secret is shorter than
    /// MinSecretSize, personal details name no person, the key store fails or the entry would not
    /// encode (details too large or too deep).
    std::optional<AuditEntry> draft(const AuditEvent &event, QString *error) const;

    /// draft() and append in one go; returns the stored entry.
    std::optional<AuditEntry> record(const AuditEvent &event, QString *error);

    /// Verifies the stored chain from its checkpoint (whose signature must be valid when an anchor
    /// key is set) against `anchors` recorded earlier. Nullopt with `error` when the store cannot be read.
    std::optional<AuditVerifyResult> verify(const QList<AuditAnchor> &anchors, QString *error) const;

    /// The current head, signed with the anchor key (AuditAnchorPurpose::Head): what an operator keeps
    /// outside the database to detect a removed tail later.
    std::optional<AuditAnchor> signedHead(QString *error) const;

    /// Writes the chain as JSON Lines (auditexport.h): checkpoint, signed head, then every entry.
    bool exportChain(QIODevice *out, QString *error) const;

    /// Everything the ledger holds about `name`, decrypted: the entries where they are actor or
    /// subject, each with its clear fields and only their own personal data (another person's
    /// blob in the same entry is left out; data of an erased key is marked `"erased": true`).
    /// Records a `gdpr.export` entry first and fails closed when that fails.
    std::optional<QJsonObject> exportSubject(const QString &name, const AuditRequester &by, QString *error);

    /// Erases `name`: records a `gdpr.erase` entry that refers to them (and carries no personal data),
    /// then destroys their keys. Their entries stay in the chain, which still verifies; their
    /// personal data can no longer be read. Fails closed: nothing is destroyed when the record fails.
    /// A name with no entries and no keys is recorded all the same (entries and keysDestroyed 0), so
    /// the request is on record; the caller decides whether that is "not found".
    std::optional<AuditErasure> eraseSubject(const QString &name, const AuditRequester &by, QString *error);

    /// Retention: removes the entries older than `retentionDays` before `nowMs` behind a signed
    /// checkpoint and records an `audit.purge` entry when any were removed. `retentionDays` <= 0
    /// purges nothing. Returns how many entries were removed.
    std::optional<qint64> purge(qint64 nowMs, int retentionDays, const AuditRequester &by, QString *error);

    /// Records the `audit.purge` entry of a purge: its cutoff, the entries `removed`, the retention,
    /// and the members of `extra` (what was purged with them elsewhere). Returns the stored entry.
    std::optional<AuditEntry> recordPurge(qint64 cutoffMs, int retentionDays, qint64 removed, const QJsonObject &extra,
                                          const AuditRequester &by, QString *error);

private:
    std::optional<AuditEntry> append(const AuditEntry &draft, QString *error);
    /// A sealed blob of `ref` opened: its JSON, or {"erased":true} when its key is gone, or
    /// {"unreadable":true} when it does not open; nullopt with `error` when the key store fails.
    std::optional<QJsonObject> openPart(AuditParty party, const QByteArray &ref, const QByteArray &sealed,
                                        QString *error) const;

    AuditStore *m_store;
    SubjectKeyStore *m_keys;
    QByteArray m_secret;
    QByteArray m_anchorKey;
    QString m_instanceId;
};

} // namespace llmproxy

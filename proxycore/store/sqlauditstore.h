// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/auditledger.h"
#include "proxycore/store/auditseal.h"
#include "proxycore/store/database.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>

#include <memory>
#include <optional>

namespace llmproxy {

class AuditSnapshotCursor;
class WriteContext;

/// What an audit query (GET /api/v1/audit) asks for: newest first, keyset-paged by sequence.
struct AuditQuery
{
    static constexpr int MaxLimit = 1000;
    std::optional<AuditCategory> category;
    QString action;            ///< exact; empty: any
    qint64 fromMs = -1;        ///< inclusive; -1: no bound
    qint64 toMs = -1;          ///< exclusive; -1: no bound
    int limit = 100;           ///< 1..MaxLimit
    qint64 beforeSequence = 0; ///< the cursor: only entries with a smaller sequence; 0: from the newest
};

/// The audit chain in the database's audit tables (schema version 3, docs/audit.md#storage), on
/// SQLite and PostgreSQL alike. Appends and purges run in one transaction under the chain's lock —
/// `BEGIN IMMEDIATE` on SQLite, `pg_advisory_xact_lock` on PostgreSQL — so any number of connections,
/// threads and gateways sharing the database keep one unbroken chain; the primary key on the sequence
/// makes a broken serialisation fail instead of forking it. The entries of one append are stored with
/// multi-row INSERTs (one statement per binary digit of their count, up to MaxRowsPerInsert rows each),
/// prepared once per connection and, on SQLite, bound through SQLite's own API.
///
/// Not an owner: `connection` must be open, migrated, and outlive the store, and the store is used on
/// the connection's thread only. A snapshot() holds a read transaction until its rows are read to the
/// end or it is dropped; the next call on the store ends it first, and the rows it had not yielded
/// yet then come back as one unreadable row (never silently missing).
class SqlAuditStore final : public AuditStore
{
public:
    explicit SqlAuditStore(DatabaseConnection &connection);
    ~SqlAuditStore() override;
    SqlAuditStore(const SqlAuditStore &) = delete;
    SqlAuditStore &operator=(const SqlAuditStore &) = delete;

    /// Most entries one INSERT statement stores (statements of 1, 2, 4, ... of them exist).
    static constexpr qsizetype MaxRowsPerInsert = 128;

    std::optional<QList<AuditEntry>> append(const QList<AuditEntry> &drafts, QString *error) override;
    /// A consistent view (SQLite: a deferred read transaction; PostgreSQL: REPEATABLE READ READ ONLY).
    /// Rows are read by sequence in pages of a few hundred, so memory stays constant; each row's
    /// location is its sequence.
    std::optional<AuditSnapshot> snapshot(QString *error) override;
    std::optional<QList<AuditEntry>> entriesOf(QByteArrayView ref, QString *error) override;
    std::optional<qint64> purgeBefore(qint64 cutoffMs, QByteArrayView checkpointKey, QString *error) override;

    /// How many entries purgeBefore(`cutoffMs`) would remove now (a dry run; takes no lock).
    std::optional<qint64> purgeableBefore(qint64 cutoffMs, QString *error);

    /// The entries `query` matches, newest first (reads the (category, time_ms) or (time_ms) index).
    std::optional<QList<AuditEntry>> query(const AuditQuery &query, QString *error);

    /// Whether the audit tables exist (schema version 3 or later); false with `error` when they do
    /// not or the schema cannot be read.
    static bool hasAuditTables(DatabaseConnection &connection, QString *error);

private:
    /// Starts the serialised transaction of append() and purgeBefore().
    bool lockChain(QString *error);
    /// Ends the read transaction of a snapshot still open on the connection.
    void endSnapshot();
    /// Stores `entries` (chained already) inside the append's transaction; false with `error`.
    bool insert(const QList<AuditEntry> &entries, QString *error);

    DatabaseConnection &m_connection;
    std::weak_ptr<AuditSnapshotCursor> m_snapshot;
    std::unique_ptr<WriteContext> m_statements; ///< the INSERTs, prepared on the connection m_handle
    const void *m_handle = nullptr;             ///< the driver's handle (sqlite3*, PGconn*) they belong to
};

/// The per-person keys in `audit_subject_keys`, each wrapped with AES-256-GCM under auditKeyWrapKey() of
/// the ledger secret: a copy of the database without the secret opens no key. A key row that does not
/// unwrap (another secret, changed bytes) is an error, not a missing key, so a wrong secret cannot pass
/// for an erasure. Erasure deletes the rows; on SQLite with `secure_delete` on and the WAL checkpointed
/// afterwards, so the deleted bytes do not linger in the file.
///
/// A person's current key is kept in memory for up to KeyCacheMs after it was read, so that recording
/// many entries of one person does not read and unwrap the key each time (the audit thread's main
/// cost per entry). destroyKeys() on this store forgets it at once; an erasure made through another
/// connection (another gateway) is seen within KeyCacheMs — entries sealed meanwhile are under the
/// destroyed key and read as erased, never as readable.
///
/// Not an owner; used on the connection's thread only (like SqlAuditStore).
class SqlSubjectKeyStore final : public SubjectKeyStore
{
public:
    /// `secret` is the ledger secret (AuditLedger::MinSecretSize bytes or more).
    SqlSubjectKeyStore(DatabaseConnection &connection, QByteArrayView secret);
    ~SqlSubjectKeyStore() override;
    SqlSubjectKeyStore(const SqlSubjectKeyStore &) = delete;
    SqlSubjectKeyStore &operator=(const SqlSubjectKeyStore &) = delete;

    std::optional<SubjectKey> currentKey(QByteArrayView ref, QString *error) override;
    std::optional<QByteArray> keyById(QByteArrayView keyId, QString *error) override;
    std::optional<int> destroyKeys(QByteArrayView ref, QString *error) override;

    /// How long a current key is used from memory before it is read again.
    static constexpr qint64 KeyCacheMs = 60'000;

private:
    /// The current key of `ref`: nullopt with an empty `error` when there is none.
    std::optional<SubjectKey> findCurrent(const QByteArray &ref, QString *error);

    struct CachedKey
    {
        SubjectKey key;
        qint64 readAtMs = 0; ///< m_clock's time
    };

    DatabaseConnection &m_connection;
    QByteArray m_wrapKey;
    QElapsedTimer m_clock;
    QHash<QByteArray, CachedKey> m_current; ///< by reference; cleared whole when full
};

} // namespace llmproxy

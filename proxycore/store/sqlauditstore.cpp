// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/sqlauditstore.h"

#include "proxycore/store/migrations.h"
#include "proxycore/store/sqlrow.h"
#include "proxycore/store/storewriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <array>
#include <bit>
#include <limits>
#include <memory>

#include <openssl/crypto.h>

namespace llmproxy {

using namespace Qt::StringLiterals;

namespace {

/// Any number serialising appends and purges of every process on one PostgreSQL database.
constexpr qint64 kAuditLockId = 0x4c4c4d50'00000003; // "LLMP", 3
/// Rows a snapshot reads per statement.
constexpr int kPageRows = 256;
/// The schema version that added the audit tables.
constexpr int kAuditSchemaVersion = 3;

/// The columns of an entry, in the order rowOf() reads them.
constexpr QLatin1StringView kColumns("sequence, version, time_ms, instance_id, category, action, outcome, actor_role, "
                                     "request_id, details, actor_ref, actor_sealed, subject_ref, subject_sealed, "
                                     "prev_hash, entry_hash");

/// The placeholders of one entry in an INSERT (kColumns).
constexpr int kValues = 16;

/// The sizes of INSERT there are: 1, 2, 4, ... SqlAuditStore::MaxRowsPerInsert entries.
constexpr size_t kInsertSizes = size_t(std::countr_zero(quint64(SqlAuditStore::MaxRowsPerInsert))) + 1;

/// The INSERT of `rows` entries, a power of two up to SqlAuditStore::MaxRowsPerInsert.
const QString &insertStatement(qsizetype rows)
{
    static const std::array<QString, kInsertSizes> statements = [] {
        std::array<QString, kInsertSizes> out;
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = multiRowInsert(u"INSERT INTO audit_log (%1) VALUES "_s.arg(kColumns), kValues, qsizetype(1) << i);
        return out;
    }();
    return statements[size_t(std::countr_zero(quint64(rows)))];
}

QString lastError(const QSqlQuery &q)
{
    return q.lastError().text().trimmed();
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = lastError(q);
    return false;
}

void rollback(QSqlDatabase &db)
{
    QString ignored;
    exec(db, u"ROLLBACK"_s, &ignored);
}

/// The values of `e` in kColumns order, through QtRow or SqliteRow, as a one-row QSqlQuery INSERT
/// stored them: text never NULL, an absent reference or blob NULL; `details` is the compact JSON of
/// its details.
template <typename Row> void bindEntry(Row &row, const AuditEntry &e, const QByteArray &details)
{
    row.integer(e.sequence);
    row.integer(AuditEncodingVersion);
    row.integer(e.timeMs);
    row.text(e.instanceId);
    row.integer(int(e.category));
    row.text(e.action);
    row.text(e.outcome);
    row.text(e.actorRole);
    row.text(e.requestId);
    row.utf8Text(details);
    row.blobOrNull(e.actorRef);
    row.blobOrNull(e.actorSealed);
    row.blobOrNull(e.subjectRef);
    row.blobOrNull(e.subjectSealed);
    row.blob(e.prevHash);
    row.blob(e.entryHash);
}

/// The row `q` is on, in kColumns order, as an AuditRow; `error` set when it cannot be an entry.
AuditRow rowOf(const QSqlQuery &q)
{
    AuditRow row;
    AuditEntry &e = row.entry;
    e.sequence = q.value(0).toLongLong();
    row.location = e.sequence;
    const int version = q.value(1).toInt();
    e.timeMs = q.value(2).toLongLong();
    e.instanceId = q.value(3).toString();
    const int category = q.value(4).toInt();
    e.action = q.value(5).toString();
    e.outcome = q.value(6).toString();
    e.actorRole = q.value(7).toString();
    e.requestId = q.value(8).toString();
    QJsonParseError parseError;
    const QJsonDocument details = QJsonDocument::fromJson(q.value(9).toString().toUtf8(), &parseError);
    e.details = details.object();
    e.actorRef = q.value(10).toByteArray();
    e.actorSealed = q.value(11).toByteArray();
    e.subjectRef = q.value(12).toByteArray();
    e.subjectSealed = q.value(13).toByteArray();
    e.prevHash = q.value(14).toByteArray();
    e.entryHash = q.value(15).toByteArray();
    if (version != AuditEncodingVersion)
        row.error = u"unknown encoding version %1"_s.arg(version);
    else if (category < int(AuditCategory::Security) || category > int(AuditCategory::Request))
        row.error = u"unknown category %1"_s.arg(category);
    else if (!details.isObject())
        row.error = u"details are not a JSON object: %1"_s.arg(parseError.errorString());
    else if (e.prevHash.size() != AuditHashSize || e.entryHash.size() != AuditHashSize)
        row.error = u"prev_hash or entry_hash is not %1 bytes"_s.arg(AuditHashSize);
    e.category = AuditCategory(category);
    return row;
}

/// The checkpoint, if any; false with `error` when it cannot be read.
bool readCheckpoint(QSqlDatabase &db, std::optional<AuditAnchor> *checkpoint, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT sequence, entry_hash, time_ms, signature FROM audit_checkpoint WHERE id = 1"_s)) {
        *error = lastError(q);
        return false;
    }
    checkpoint->reset();
    if (q.next())
        *checkpoint = AuditAnchor{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong(),
                                  q.value(3).toString().toLatin1()};
    return true;
}

/// The head: the last entry, else the checkpoint, else the genesis. False with `error`.
bool readHead(QSqlDatabase &db, AuditAnchor *head, std::optional<AuditAnchor> *checkpoint, QString *error)
{
    if (!readCheckpoint(db, checkpoint, error))
        return false;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT sequence, entry_hash, time_ms FROM audit_log ORDER BY sequence DESC LIMIT 1"_s)) {
        *error = lastError(q);
        return false;
    }
    if (q.next())
        *head = AuditAnchor{q.value(0).toLongLong(), q.value(1).toByteArray(), q.value(2).toLongLong(), {}};
    else if (*checkpoint)
        *head = AuditAnchor{(*checkpoint)->sequence, (*checkpoint)->entryHash, (*checkpoint)->timeMs, {}};
    else
        *head = AuditAnchor{};
    return true;
}

} // namespace

/// A snapshot's read transaction and its position: pages of rows by sequence, the transaction ended
/// when the last row has been read or the snapshot is dropped.
class AuditSnapshotCursor
{
public:
    explicit AuditSnapshotCursor(const QSqlDatabase &db) : m_db(db) {}
    ~AuditSnapshotCursor() { end(); }
    AuditSnapshotCursor(const AuditSnapshotCursor &) = delete;
    AuditSnapshotCursor &operator=(const AuditSnapshotCursor &) = delete;

    std::optional<AuditRow> next()
    {
        if (m_next < m_page.size())
            return m_page.at(m_next++);
        if (m_interrupted) {
            // Once: the rows not read yet are not silently missing.
            m_interrupted = false;
            m_exhausted = true;
            AuditRow failed;
            failed.entry.sequence = m_after + 1;
            failed.location = m_after + 1;
            failed.error = u"the snapshot was ended by a later call on the store before it was read"_s;
            return failed;
        }
        if (m_exhausted || !m_open) {
            end();
            return std::nullopt;
        }
        m_page.clear();
        m_next = 0;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(
            u"SELECT %1 FROM audit_log WHERE sequence > ? ORDER BY sequence LIMIT %2"_s.arg(kColumns).arg(kPageRows));
        q.addBindValue(m_after);
        if (!q.exec()) {
            m_exhausted = true;
            AuditRow failed;
            failed.entry.sequence = m_after + 1;
            failed.error = u"cannot read the audit log: "_s + lastError(q);
            end();
            return failed;
        }
        while (q.next())
            m_page.append(rowOf(q));
        m_exhausted = m_page.size() < kPageRows;
        if (m_page.isEmpty()) {
            end();
            return std::nullopt;
        }
        m_after = m_page.constLast().entry.sequence;
        return m_page.at(m_next++);
    }

    /// Ends the read transaction before another statement runs on the connection; rows not read yet
    /// are reported as unreadable.
    void interrupt()
    {
        if (m_open && !m_exhausted)
            m_interrupted = true;
        end();
    }

private:
    void end()
    {
        if (m_open)
            rollback(m_db); // read only: nothing to commit
        m_open = false;
    }

    QSqlDatabase m_db;
    QList<AuditRow> m_page;
    qsizetype m_next = 0;
    qint64 m_after = std::numeric_limits<qint64>::min();
    bool m_exhausted = false;
    bool m_open = true;
    bool m_interrupted = false;
};

SqlAuditStore::SqlAuditStore(DatabaseConnection &connection) : m_connection(connection) {}

SqlAuditStore::~SqlAuditStore()
{
    endSnapshot();
}

bool SqlAuditStore::hasAuditTables(DatabaseConnection &connection, QString *error)
{
    const std::optional<int> version = SchemaMigrator::currentVersion(connection, error);
    if (!version)
        return false;
    if (*version < kAuditSchemaVersion) {
        *error = u"the database %1 has no audit ledger (schema version %2; the ledger came with version %3)"_s
                     .arg(connection.settings().describe())
                     .arg(*version)
                     .arg(kAuditSchemaVersion);
        return false;
    }
    return true;
}

void SqlAuditStore::endSnapshot()
{
    if (const std::shared_ptr<AuditSnapshotCursor> open = m_snapshot.lock())
        open->interrupt();
    m_snapshot.reset();
}

bool SqlAuditStore::lockChain(QString *error)
{
    endSnapshot();
    QSqlDatabase &db = m_connection.database();
    if (m_connection.dialect() == SqlDialect::Sqlite)
        return exec(db, u"BEGIN IMMEDIATE"_s, error);
    if (!exec(db, u"BEGIN"_s, error))
        return false;
    if (exec(db, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kAuditLockId), error))
        return true;
    rollback(db);
    return false;
}

std::optional<QList<AuditEntry>> SqlAuditStore::append(const QList<AuditEntry> &drafts, QString *error)
{
    QSqlDatabase &db = m_connection.database();
    if (!lockChain(error)) {
        *error = u"cannot lock the audit chain: "_s + *error;
        return std::nullopt;
    }
    const auto fail = [&](const QString &context) -> std::optional<QList<AuditEntry>> {
        rollback(db);
        *error = context + *error;
        return std::nullopt;
    };
    AuditAnchor head;
    std::optional<AuditAnchor> checkpoint;
    if (!readHead(db, &head, &checkpoint, error))
        return fail(u"cannot read the audit chain's head: "_s);
    QList<AuditEntry> chained = drafts;
    if (!chainAuditEntries(&head, &chained, error))
        return fail({});
    if (!insert(chained, error)) {
        std::optional<QList<AuditEntry>> failed = fail({});
        m_statements.reset(); // prepared anew next time, in case the failure left one unusable
        return failed;
    }
    if (!exec(db, u"COMMIT"_s, error))
        return fail(u"cannot commit the audit entries: "_s);
    return chained;
}

bool SqlAuditStore::insert(const QList<AuditEntry> &entries, QString *error)
{
    // QSqlDriver::handle(): a QVariant holding the driver's connection pointer (sqlite3*, PGconn*).
    const QVariant handle = m_connection.database().driver()->handle();
    const void *current = handle.isValid() ? *static_cast<void *const *>(handle.constData()) : nullptr;
    if (!m_statements || current != m_handle) {
        // The connection was opened (again) since: statements prepared on the old one are of no use.
        m_statements = std::make_unique<WriteContext>(&m_connection);
        m_handle = current;
    }
    WriteContext &context = *m_statements;
    const bool sqlite = m_connection.dialect() == SqlDialect::Sqlite;
    QList<QByteArray> details;
    qsizetype done = 0;
    while (done < entries.size()) {
        // Statements of 2^k entries, largest first: 300 entries are 128, 128, 32, 8 and 4.
        const qsizetype n = multiRowChunk(entries.size() - done, MaxRowsPerInsert);
        details.clear();
        for (qsizetype i = done; i < done + n; ++i)
            details.append(entries.at(i).encodedDetails.isEmpty()
                               ? QJsonDocument(entries.at(i).details).toJson(QJsonDocument::Compact)
                               : entries.at(i).encodedDetails.json);
        bool stored = false;
        if (sqlite) {
            // SQLite's own binding: several times cheaper per value than QSqlQuery's.
            if (sqlite3_stmt *statement = context.sqlitePrepared(insertStatement(n))) {
                SqliteRow row(statement);
                for (qsizetype i = 0; i < n; ++i)
                    bindEntry(row, entries.at(done + i), details.at(i));
                stored = context.step(statement);
            }
        } else if (QSqlQuery *q = context.prepared(insertStatement(n))) {
            QtRow row(q);
            for (qsizetype i = 0; i < n; ++i)
                bindEntry(row, entries.at(done + i), details.at(i));
            stored = context.exec(*q);
        }
        if (!stored) {
            const qint64 first = entries.at(done).sequence;
            const qint64 last = entries.at(done + n - 1).sequence;
            *error = (first == last ? u"cannot store audit entry %1: "_s.arg(first)
                                    : u"cannot store audit entries %1 to %2: "_s.arg(first).arg(last)) +
                     context.error();
            return false;
        }
        done += n;
    }
    return true;
}

std::optional<AuditSnapshot> SqlAuditStore::snapshot(QString *error)
{
    endSnapshot();
    QSqlDatabase &db = m_connection.database();
    const QString begin = m_connection.dialect() == SqlDialect::Sqlite
                              ? u"BEGIN"_s
                              : u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s;
    if (!exec(db, begin, error)) {
        *error = u"cannot read the audit chain: "_s + *error;
        return std::nullopt;
    }
    auto cursor = std::make_shared<AuditSnapshotCursor>(db); // ends the transaction however it is dropped
    m_snapshot = cursor;
    AuditSnapshot snapshot;
    if (!readHead(db, &snapshot.head, &snapshot.checkpoint, error)) {
        *error = u"cannot read the audit chain: "_s + *error;
        return std::nullopt;
    }
    snapshot.rows = [cursor]() { return cursor->next(); };
    return snapshot;
}

std::optional<QList<AuditEntry>> SqlAuditStore::entriesOf(QByteArrayView ref, QString *error)
{
    endSnapshot();
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM audit_log WHERE actor_ref = ? OR subject_ref = ? ORDER BY sequence"_s.arg(kColumns));
    q.addBindValue(ref.toByteArray());
    q.addBindValue(ref.toByteArray());
    if (!q.exec()) {
        *error = u"cannot read the audit log: "_s + lastError(q);
        return std::nullopt;
    }
    QList<AuditEntry> out;
    while (q.next()) {
        const AuditRow row = rowOf(q);
        if (!row.error.isEmpty()) {
            *error = u"cannot read audit entry %1: %2"_s.arg(row.entry.sequence).arg(row.error);
            return std::nullopt;
        }
        out.append(row.entry);
    }
    return out;
}

std::optional<QList<AuditEntry>> SqlAuditStore::query(const AuditQuery &query, QString *error)
{
    endSnapshot();
    QStringList where;
    QVariantList bind;
    if (query.category) {
        where << u"category = ?"_s;
        bind << int(*query.category);
    }
    if (!query.action.isEmpty()) {
        where << u"action = ?"_s;
        bind << query.action;
    }
    if (query.fromMs >= 0) {
        where << u"time_ms >= ?"_s;
        bind << query.fromMs;
    }
    if (query.toMs >= 0) {
        where << u"time_ms < ?"_s;
        bind << query.toMs;
    }
    if (query.beforeSequence > 0) {
        where << u"sequence < ?"_s;
        bind << query.beforeSequence;
    }
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM audit_log%2 ORDER BY sequence DESC LIMIT %3"_s.arg(kColumns)
                  .arg(where.isEmpty() ? QString() : u" WHERE "_s + where.join(u" AND "_s))
                  .arg(qBound(1, query.limit, AuditQuery::MaxLimit)));
    for (const QVariant &value : std::as_const(bind))
        q.addBindValue(value);
    if (!q.exec()) {
        *error = u"cannot read the audit log: "_s + lastError(q);
        return std::nullopt;
    }
    QList<AuditEntry> out;
    while (q.next())
        out.append(rowOf(q).entry);
    return out;
}

std::optional<qint64> SqlAuditStore::purgeBefore(qint64 cutoffMs, QByteArrayView checkpointKey, QString *error)
{
    QSqlDatabase &db = m_connection.database();
    if (!lockChain(error)) {
        *error = u"cannot lock the audit chain: "_s + *error;
        return std::nullopt;
    }
    const auto fail = [&](const QString &context) -> std::optional<qint64> {
        rollback(db);
        *error = context + *error;
        return std::nullopt;
    };
    // The last entry to remove: the one before the first entry at or after the cutoff, else the last.
    QSqlQuery bound(db);
    bound.prepare(u"SELECT (SELECT MIN(sequence) FROM audit_log WHERE time_ms >= ?), "
                  u"(SELECT MAX(sequence) FROM audit_log), (SELECT MIN(sequence) FROM audit_log)"_s);
    bound.addBindValue(cutoffMs);
    if (!bound.exec() || !bound.next()) {
        *error = lastError(bound);
        return fail(u"cannot find the entries to purge: "_s);
    }
    if (bound.value(1).isNull()) { // no entries at all
        rollback(db);
        return 0;
    }
    const qint64 last = bound.value(0).isNull() ? bound.value(1).toLongLong() : bound.value(0).toLongLong() - 1;
    const qint64 first = bound.value(2).toLongLong();
    bound.finish();
    if (last < first) {
        rollback(db);
        return 0;
    }
    QSqlQuery row(db);
    row.prepare(u"SELECT entry_hash, time_ms FROM audit_log WHERE sequence = ?"_s);
    row.addBindValue(last);
    if (!row.exec() || !row.next()) {
        *error = row.lastError().isValid() ? lastError(row) : u"entry %1 is missing"_s.arg(last);
        return fail(u"cannot read the last entry to purge: "_s);
    }
    AuditAnchor checkpoint{last, row.value(0).toByteArray(), row.value(1).toLongLong(), {}};
    row.finish();
    checkpoint.signatureHex = signAuditAnchor(checkpointKey, checkpoint, AuditAnchorPurpose::Checkpoint);
    QSqlQuery upsert(db);
    upsert.prepare(
        u"INSERT INTO audit_checkpoint (id, sequence, entry_hash, time_ms, signature) VALUES (1, ?, ?, ?, ?) "
        u"ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, entry_hash = excluded.entry_hash, "
        u"time_ms = excluded.time_ms, signature = excluded.signature"_s);
    upsert.addBindValue(checkpoint.sequence);
    upsert.addBindValue(checkpoint.entryHash);
    upsert.addBindValue(checkpoint.timeMs);
    upsert.addBindValue(QString::fromLatin1(checkpoint.signatureHex));
    if (!upsert.exec()) {
        *error = lastError(upsert);
        return fail(u"cannot write the audit checkpoint: "_s);
    }
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM audit_log WHERE sequence <= ?"_s);
    remove.addBindValue(last);
    if (!remove.exec()) {
        *error = lastError(remove);
        return fail(u"cannot purge the audit log: "_s);
    }
    const qint64 removed = remove.numRowsAffected();
    if (!exec(db, u"COMMIT"_s, error))
        return fail(u"cannot commit the audit purge: "_s);
    return removed;
}

std::optional<qint64> SqlAuditStore::purgeableBefore(qint64 cutoffMs, QString *error)
{
    endSnapshot();
    // The prefix purgeBefore() removes: every entry before the first one at or after the cutoff.
    QSqlQuery q(m_connection.database());
    q.prepare(u"SELECT COUNT(*) FROM audit_log WHERE sequence < COALESCE((SELECT MIN(sequence) FROM audit_log "
              u"WHERE time_ms >= ?), (SELECT MAX(sequence) FROM audit_log) + 1)"_s);
    q.addBindValue(cutoffMs);
    if (!q.exec() || !q.next()) {
        *error = u"cannot count the entries to purge: "_s + lastError(q);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

SqlSubjectKeyStore::SqlSubjectKeyStore(DatabaseConnection &connection, QByteArrayView secret)
    : m_connection(connection), m_wrapKey(auditKeyWrapKey(secret))
{
    m_clock.start();
}

SqlSubjectKeyStore::~SqlSubjectKeyStore()
{
    if (!m_wrapKey.isEmpty())
        OPENSSL_cleanse(m_wrapKey.data(), size_t(m_wrapKey.size()));
}

std::optional<SubjectKey> SqlSubjectKeyStore::findCurrent(const QByteArray &ref, QString *error)
{
    QSqlQuery q(m_connection.database());
    q.prepare(u"SELECT key_id, wrapped_key FROM audit_subject_keys WHERE subject_ref = ? AND is_current = 1"_s);
    q.addBindValue(ref);
    if (!q.exec()) {
        *error = u"cannot read the subject keys: "_s + lastError(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const QByteArray id = q.value(0).toByteArray();
    const std::optional<QByteArray> key = unwrapAuditSubjectKey(m_wrapKey, id, ref, q.value(1).toByteArray());
    if (!key) {
        *error = u"a subject key does not unwrap: the ledger secret is not the one it was stored with, or the key "
                 u"row was changed"_s;
        return std::nullopt;
    }
    return SubjectKey{id, *key};
}

std::optional<SubjectKey> SqlSubjectKeyStore::currentKey(QByteArrayView ref, QString *error)
{
    const QByteArray refBytes = ref.toByteArray();
    error->clear();
    const qint64 now = m_clock.elapsed();
    if (const auto cached = m_current.constFind(refBytes);
        cached != m_current.cend() && now - cached->readAtMs < KeyCacheMs)
        return cached->key;
    const auto remember = [&](const SubjectKey &key) {
        constexpr qsizetype kCapacity = 4096;
        if (m_current.size() >= kCapacity)
            m_current.clear();
        m_current.insert(refBytes, CachedKey{key, now});
    };
    if (std::optional<SubjectKey> found = findCurrent(refBytes, error); found || !error->isEmpty()) {
        if (found)
            remember(*found);
        return found;
    }
    std::optional<SubjectKey> created = generateAuditSubjectKey(error);
    if (!created)
        return std::nullopt;
    const std::optional<QByteArray> wrapped = wrapAuditSubjectKey(m_wrapKey, *created, refBytes, error);
    if (!wrapped)
        return std::nullopt;
    QSqlQuery q(m_connection.database());
    q.prepare(u"INSERT INTO audit_subject_keys (key_id, subject_ref, wrapped_key, created_ms, is_current) "
              u"VALUES (?, ?, ?, ?, 1)"_s);
    q.addBindValue(created->id);
    q.addBindValue(refBytes);
    q.addBindValue(*wrapped);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (q.exec()) {
        remember(*created);
        return created;
    }
    // Another writer may have created this person's key first (one current key per person).
    const QString insertError = lastError(q);
    if (std::optional<SubjectKey> found = findCurrent(refBytes, error); found || !error->isEmpty()) {
        if (found)
            remember(*found);
        return found;
    }
    *error = u"cannot store a subject key: "_s + insertError;
    return std::nullopt;
}

std::optional<QByteArray> SqlSubjectKeyStore::keyById(QByteArrayView keyId, QString *error)
{
    error->clear();
    QSqlQuery q(m_connection.database());
    q.prepare(u"SELECT subject_ref, wrapped_key FROM audit_subject_keys WHERE key_id = ?"_s);
    q.addBindValue(keyId.toByteArray());
    if (!q.exec()) {
        *error = u"cannot read the subject keys: "_s + lastError(q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    std::optional<QByteArray> key =
        unwrapAuditSubjectKey(m_wrapKey, keyId, q.value(0).toByteArray(), q.value(1).toByteArray());
    if (!key)
        *error = u"a subject key does not unwrap: the ledger secret is not the one it was stored with, or the key "
                 u"row was changed"_s;
    return key;
}

std::optional<int> SqlSubjectKeyStore::destroyKeys(QByteArrayView ref, QString *error)
{
    m_current.remove(ref.toByteArray()); // forgotten even when the delete fails: read again next time
    QSqlDatabase &db = m_connection.database();
    const bool sqlite = m_connection.dialect() == SqlDialect::Sqlite;
    // Overwrite the deleted rows' bytes in the file instead of leaving them in free pages.
    if (sqlite && !exec(db, u"PRAGMA secure_delete = ON"_s, error)) {
        *error = u"cannot turn on secure_delete: "_s + *error;
        return std::nullopt;
    }
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM audit_subject_keys WHERE subject_ref = ?"_s);
    q.addBindValue(ref.toByteArray());
    if (!q.exec()) {
        *error = u"cannot destroy the subject keys: "_s + lastError(q);
        return std::nullopt;
    }
    const int destroyed = q.numRowsAffected();
    q.finish();
    // Best effort: move the deleted pages out of the WAL now (readers may hold part of it back).
    QString ignored;
    if (sqlite)
        exec(db, u"PRAGMA wal_checkpoint(TRUNCATE)"_s, &ignored);
    return destroyed;
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The audit ledger over the SQL store (proxycore/store/sqlauditstore.h), against SQLite and a real
// PostgreSQL server: entries stored and read back byte for byte, two connections appending from two
// threads into one unbroken chain, retention purge behind a signed checkpoint, erasure that keeps
// every hash and deletes the person's keys, a person's export, subject keys wrapped under the ledger
// secret, and rows tampered with in SQL that verification names by sequence.
#include "proxycore/store/auditexport.h"
#include "proxycore/store/auditledger.h"
#include "proxycore/store/auditservice.h"
#include "proxycore/store/migrations.h"
#include "proxycore/store/sqlauditstore.h"
#include "tests/support/auditevents.h"
#include "tests/support/concurrency.h"
#include "tests/support/testdatabases.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

/// requestBy() with details a text column could bend: a 63-bit integer, a fraction, nesting,
/// non-ASCII text.
AuditEvent richRequestBy(const QString &actor, qint64 timeMs, const QString &subject = {})
{
    AuditEvent e = requestBy(actor, timeMs, subject);
    const QJsonObject nested{{u"größe"_s, true}};
    e.details.insert(u"big"_s, QJsonValue(qint64(1) << 62));
    e.details.insert(u"cost"_s, 0.1);
    e.details.insert(u"layers"_s, QJsonArray{u"firewall"_s, nested});
    return e;
}

/// alice, bob, then alice acting on bob.
bool recordAliceAndBob(AuditLedger &ledger, QString *error)
{
    return ledger.record(richRequestBy(u"alice"_s, kStart), error) &&
           ledger.record(richRequestBy(u"bob"_s, kStart + 1), error) &&
           ledger.record(richRequestBy(u"alice"_s, kStart + 2, u"bob"_s), error);
}

/// A ledger over its own connection to one database (one instance of a gateway).
struct SqlLedger
{
    explicit SqlLedger(const DatabaseSettings &settings, const QByteArray &secret = kSecret,
                       const QString &instance = u"gw-1"_s)
        : connection(settings, u"audit-test"_s), store(connection), keys(connection, secret),
          ledger(&store, &keys, secret, kAnchorKey, instance)
    {
    }

    /// Opens and migrates the database; false with `error`.
    bool open(QString *error)
    {
        return connection.open(error) && SchemaMigrator::migrate(connection, error) == MigrationOutcome::UpToDate;
    }

    QList<AuditEntry> entries()
    {
        QString error;
        const std::optional<AuditSnapshot> snapshot = store.snapshot(&error);
        QList<AuditEntry> out;
        if (!snapshot) {
            qWarning("%s", qPrintable(error));
            return out;
        }
        while (const std::optional<AuditRow> row = snapshot->rows())
            out.append(row->entry);
        return out;
    }

    AuditVerifyResult verify(const QList<AuditAnchor> &anchors = {})
    {
        QString error;
        if (const std::optional<AuditVerifyResult> result = ledger.verify(anchors, &error))
            return *result;
        AuditVerifyResult unreadable;
        unreadable.failure = AuditBreak::BadEncoding;
        unreadable.detail = error;
        return unreadable;
    }

    AuditVerifyResult verifyExported()
    {
        QByteArray data;
        QBuffer out(&data);
        out.open(QIODevice::WriteOnly);
        QString error;
        if (!ledger.exportChain(&out, &error))
            qWarning("%s", qPrintable(error));
        QBuffer in(&data);
        in.open(QIODevice::ReadOnly);
        return verifyAuditExport(&in, kAnchorKey);
    }

    /// Runs `sql` with `bind` bound, as someone with write access to the database would.
    bool execute(const QString &sql, const QVariantList &bind = {})
    {
        QSqlQuery q(connection.database());
        if (bind.isEmpty() ? q.exec(sql) : (q.prepare(sql), [&] {
                for (const QVariant &value : bind)
                    q.addBindValue(value);
                return q.exec();
            }()))
            return true;
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }

    qint64 count(const QString &sql, const QVariantList &bind = {})
    {
        QSqlQuery q(connection.database());
        q.prepare(sql);
        for (const QVariant &value : bind)
            q.addBindValue(value);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    DatabaseConnection connection;
    SqlAuditStore store;
    SqlSubjectKeyStore keys;
    AuditLedger ledger;
};

/// Runs `work` on the audit thread of `service` and returns what it returned.
template <typename Work> auto onAuditThread(AuditService &service, Work work)
{
    decltype(work()) result;
    QMetaObject::invokeMethod(
        service.context(), [&] { result = work(); }, Qt::BlockingQueuedConnection);
    return result;
}

/// A request history row of `key` at `timeMs`, and a stored response it owns made then.
bool addPersonalRows(SqlLedger &f, const QString &key, qint64 timeMs)
{
    static int next = 0;
    const QString id = u"resp_%1"_s.arg(++next);
    return f.execute(u"INSERT INTO request_history (ts_ms, request_id, key_name, status) VALUES (?, ?, ?, 200)"_s,
                     {timeMs, id, key}) &&
           f.execute(u"INSERT INTO responses (id, key_name, created_ms, expires_ms, body) VALUES (?, ?, ?, ?, '{}')"_s,
                     {id, QString(u"key:"_s + key), timeMs, timeMs + 30 * kDay});
}

#define OPEN_LEDGER(name, ...)                                                                                         \
    SqlLedger name(__VA_ARGS__);                                                                                       \
    do {                                                                                                               \
        QString openError;                                                                                             \
        QVERIFY2(name.open(&openError), qPrintable(openError));                                                        \
    } while (false)

} // namespace

class TestSqlAuditStore : public QObject
{
    Q_OBJECT

private slots:
    void storesAndVerifiesTheChain_data() { TestDatabases::addBackends(); }
    void storesAndVerifiesTheChain()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY(f.ledger.verify({}, &error)->ok()); // the empty chain
        QList<AuditEntry> recorded;
        for (const auto &[actor, subject] :
             {std::pair{u"alice"_s, QString()}, std::pair{u"bob"_s, QString()}, std::pair{u"alice"_s, u"bob"_s}}) {
            const std::optional<AuditEntry> entry =
                f.ledger.record(richRequestBy(actor, kStart + recorded.size(), subject), &error);
            QVERIFY2(entry, qPrintable(error));
            recorded.append(*entry);
        }
        QCOMPARE(recorded.constLast().sequence, qint64(3));
        // Read back exactly as recorded (bytes, JSON details and all), also on another connection.
        QCOMPARE(f.entries(), recorded);
        OPEN_LEDGER(other, settings, kSecret, u"gw-2"_s);
        QCOMPARE(other.entries(), recorded);

        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(3));
        QCOMPARE(result.head.entryHash, recorded.constLast().entryHash);
        const std::optional<AuditAnchor> head = other.ledger.signedHead(&error);
        QVERIFY2(head, qPrintable(error));
        QCOMPARE(head->sequence, qint64(3));
        QVERIFY(auditAnchorSignatureValid(kAnchorKey, *head, AuditAnchorPurpose::Head));
        QVERIFY(f.verifyExported().ok());

        // The other instance appends after the head the first one left.
        QCOMPARE(other.ledger.record(requestBy(u"carol"_s, kStart + 10), &error)->sequence, qint64(4));
        QVERIFY(f.verify({*head}).ok());
        // Nothing personal in clear in any column.
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log WHERE details LIKE '%example.com%' OR instance_id LIKE "
                         u"'%alice%' OR request_id LIKE '%alice%'"_s),
                 qint64(0));
    }

    void appendsALargeBatchAtOnce_data() { TestDatabases::addBackends(); }
    void appendsALargeBatchAtOnce()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY2(f.ledger.record(requestBy(u"first"_s, kStart), &error), qPrintable(error));
        // 300 entries in one append: INSERTs of 128, 128, 32, 8 and 4 entries, then 45 more (32, 8,
        // 4, 1) on the statements prepared by the first; empty and absent values, sealed subjects.
        for (const qsizetype size : {qsizetype(300), qsizetype(45)}) {
            const qint64 before = f.count(u"SELECT COUNT(*) FROM audit_log"_s);
            QList<AuditEntry> drafts;
            for (qsizetype i = 0; i < size; ++i) {
                const qint64 timeMs = kStart + before + i;
                AuditEvent event = i % 3 == 0   ? richRequestBy(u"user-%1"_s.arg(i % 7), timeMs, u"bob"_s)
                                   : i % 3 == 1 ? requestBy(u"user-%1"_s.arg(i % 7), timeMs)
                                                : requestBy(QString(), timeMs);
                if (i % 3 == 2) { // the gateway itself: no actor reference at all
                    event.clientIp.clear();
                    event.personalDetails = {};
                }
                if (i % 4 == 0)
                    event.requestId.clear();
                const std::optional<AuditEntry> draft = f.ledger.draft(event, &error);
                QVERIFY2(draft, qPrintable(error));
                drafts.append(*draft);
            }
            const std::optional<QList<AuditEntry>> appended = f.store.append(drafts, &error);
            QVERIFY2(appended, qPrintable(error));
            QCOMPARE(appended->size(), size);
            QCOMPARE(appended->constFirst().sequence, before + 1);
            QCOMPARE(appended->constLast().sequence, before + size);
            QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log"_s), before + size);
            // Stored exactly as chained, in sequence order, on this connection and another.
            const QList<AuditEntry> stored = f.entries();
            QCOMPARE(stored.size(), qsizetype(before + size));
            QCOMPARE(stored.mid(before), *appended);
            OPEN_LEDGER(other, settings);
            QCOMPARE(other.entries(), stored);
        }
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(1 + 300 + 45));
        QVERIFY(f.verifyExported().ok());
        const QList<AuditEntry> stored = f.entries();
        const qint64 withoutActor =
            std::count_if(stored.cbegin(), stored.cend(), [](const AuditEntry &e) { return e.actorRef.isEmpty(); });
        QVERIFY(withoutActor > 0);
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log WHERE actor_ref IS NULL"_s), withoutActor);
    }

    void aFailedBatchStoresNothing_data() { TestDatabases::addBackends(); }
    void aFailedBatchStoresNothing()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY2(f.ledger.record(requestBy(u"first"_s, kStart), &error), qPrintable(error));
        // The database refuses the entry with the action "boom", in the third INSERT of the batch.
        if (settings.dialect == SqlDialect::Sqlite) {
            QVERIFY(f.execute(u"CREATE TRIGGER boom BEFORE INSERT ON audit_log WHEN NEW.action = 'boom' "
                              u"BEGIN SELECT RAISE(ABORT, 'boom refused'); END"_s));
        } else {
            QVERIFY(f.execute(u"CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.action = 'boom' THEN "
                              u"RAISE EXCEPTION 'boom refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"_s));
            QVERIFY(
                f.execute(u"CREATE TRIGGER boom BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION boom()"_s));
        }
        QList<AuditEntry> drafts;
        for (int i = 0; i < 199; ++i) { // INSERTs of 128, 64, 4, 2 and 1 entries
            AuditEvent event = requestBy(u"user"_s, kStart + 1 + i);
            if (i == 195) // in the INSERT of 4 entries, sequences 194 to 197
                event.action = u"boom"_s;
            const std::optional<AuditEntry> draft = f.ledger.draft(event, &error);
            QVERIFY2(draft, qPrintable(error));
            drafts.append(*draft);
        }
        QVERIFY(!f.store.append(drafts, &error));
        QVERIFY2(error.contains(u"cannot store audit entries 194 to 197"_s), qPrintable(error));
        QVERIFY2(error.contains(u"boom refused"_s), qPrintable(error));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log"_s), qint64(1));
        // The chain goes on from where it was, with statements prepared again.
        drafts.removeAt(195);
        const std::optional<QList<AuditEntry>> appended = f.store.append(drafts, &error);
        QVERIFY2(appended, qPrintable(error));
        QCOMPARE(appended->constLast().sequence, qint64(199));
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(199));
    }

    void concurrentConnectionsKeepOneChain_data() { TestDatabases::addBackends(); }
    void concurrentConnectionsKeepOneChain()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        {
            OPEN_LEDGER(migrate, settings); // both threads then start on a migrated database
        }
        constexpr int kPerThread = 60;
        std::atomic<int> failures = 0;
        runConcurrently(2, [&](int thread) {
            // Each thread is a gateway instance with its own connection, as two processes would be.
            SqlLedger instance(settings, kSecret, u"gw-%1"_s.arg(thread));
            QString error;
            if (!instance.open(&error)) {
                qWarning("%s", qPrintable(error));
                failures += kPerThread;
                return;
            }
            for (int i = 0; i < kPerThread; ++i) {
                // One person both threads record, so their keys are created concurrently too.
                const QString actor = i % 5 == 0 ? u"shared"_s : u"user-%1"_s.arg(thread);
                const std::optional<AuditEntry> draft = instance.ledger.draft(requestBy(actor, kStart + i), &error);
                // Batches of one and of three, as the writer appends.
                if (!draft ||
                    !instance.store.append(
                        i % 2 ? QList<AuditEntry>{*draft} : QList<AuditEntry>{*draft, *draft, *draft}, &error)) {
                    qWarning("%s", qPrintable(error));
                    ++failures;
                }
            }
        });
        QCOMPARE(failures.load(), 0);
        OPEN_LEDGER(f, settings);
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(2 * kPerThread * 2));
        QSet<QString> instances;
        for (const AuditEntry &entry : f.entries())
            instances.insert(entry.instanceId);
        QCOMPARE(instances, (QSet<QString>{u"gw-0"_s, u"gw-1"_s}));
        // One key for the person both recorded.
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_subject_keys WHERE subject_ref = ?"_s,
                         {auditSubjectRef(kSecret, u"shared"_s)}),
                 qint64(1));
    }

    void purgeKeepsTheChainVerifiable_data() { TestDatabases::addBackends(); }
    void purgeKeepsTheChainVerifiable()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        for (int day = 0; day < 10; ++day)
            QVERIFY2(f.ledger.record(requestBy(u"alice"_s, kStart + day * kDay), &error), qPrintable(error));
        const QList<AuditEntry> before = f.entries();

        const std::optional<qint64> removed = f.ledger.purge(kStart + 10 * kDay, 5, admin(kStart + 10 * kDay), &error);
        QVERIFY2(removed, qPrintable(error));
        QCOMPARE(*removed, qint64(5));
        const QList<AuditEntry> after = f.entries();
        QCOMPARE(after.size(), 6);
        QCOMPARE(after.constFirst(), before.at(5));
        QCOMPARE(after.constLast().action, u"audit.purge"_s);
        const std::optional<AuditSnapshot> snapshot = f.store.snapshot(&error);
        QVERIFY2(snapshot && snapshot->checkpoint, qPrintable(error));
        QCOMPARE(snapshot->checkpoint->sequence, qint64(5));
        QCOMPARE(snapshot->checkpoint->entryHash, before.at(4).entryHash);
        QVERIFY(auditAnchorSignatureValid(kAnchorKey, *snapshot->checkpoint, AuditAnchorPurpose::Checkpoint));
        QCOMPARE(snapshot->head.sequence, qint64(11));

        const AuditVerifyResult result = f.verify({AuditAnchor{3, before.at(2).entryHash, 0, {}}});
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(6));
        QVERIFY(f.verifyExported().ok());
        QCOMPARE(f.ledger.purge(kStart + 10 * kDay, 5, admin(kStart + 10 * kDay), &error).value_or(-1), qint64(0));
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + 11 * kDay), &error));
        QVERIFY(f.verify().ok());

        // A checkpoint moved by someone without the signing key is caught.
        QVERIFY(f.execute(u"UPDATE audit_checkpoint SET sequence = 6"_s));
        QVERIFY(f.execute(u"DELETE FROM audit_log WHERE sequence = 6"_s));
        QCOMPARE(f.verify().failure, AuditBreak::SignatureInvalid);
    }

    void purgeRemovesOnlyAPrefixAndCanEmptyTheLog_data() { TestDatabases::addBackends(); }
    void purgeRemovesOnlyAPrefixAndCanEmptyTheLog()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        // A second instance's clock runs behind: an old-looking entry after a new one.
        for (const qint64 day : {0, 1, 8, 2, 9})
            QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + day * kDay), &error));
        QCOMPARE(f.store.purgeBefore(kStart + 5 * kDay, kAnchorKey, &error).value_or(-1), qint64(2));
        QCOMPARE(f.entries().constFirst().sequence, qint64(3));
        QVERIFY(f.verify().ok());
        // Everything: the checkpoint becomes the head and the chain goes on from it.
        QCOMPARE(f.store.purgeBefore(kStart + 100 * kDay, kAnchorKey, &error).value_or(-1), qint64(3));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log"_s), qint64(0));
        QCOMPARE(f.ledger.signedHead(&error)->sequence, qint64(5));
        QVERIFY(f.verify().ok());
        QCOMPARE(f.ledger.record(requestBy(u"alice"_s, kStart + 101 * kDay), &error)->sequence, qint64(6));
        QVERIFY(f.verify().ok());
        QCOMPARE(f.store.purgeBefore(kStart, kAnchorKey, &error).value_or(-1), qint64(0));
    }

    void erasureKeepsTheChainAndRemovesThePersonsData_data() { TestDatabases::addBackends(); }
    void erasureKeepsTheChainAndRemovesThePersonsData()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY2(recordAliceAndBob(f.ledger, &error), qPrintable(error));
        const QList<AuditEntry> before = f.entries();
        const QByteArray bobRef = auditSubjectRef(kSecret, u"bob"_s);
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_subject_keys WHERE subject_ref = ?"_s, {bobRef}), qint64(1));

        const std::optional<AuditErasure> erased = f.ledger.eraseSubject(u"bob"_s, admin(kStart + 10), &error);
        QVERIFY2(erased, qPrintable(error));
        QCOMPARE(erased->entries, qint64(2));
        QCOMPARE(erased->keysDestroyed, 1);
        QCOMPARE(erased->recordSequence, qint64(4));

        // Not one stored byte of the earlier entries changed, and the chain verifies.
        QCOMPARE(f.entries().mid(0, 3), before);
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(4));
        QVERIFY(f.verifyExported().ok());

        // His key row is gone; his blobs no longer open, for anyone.
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_subject_keys WHERE subject_ref = ?"_s, {bobRef}), qint64(0));
        QVERIFY(!f.keys.keyById(auditSealedKeyId(before.at(1).actorSealed), &error));
        QVERIFY(error.isEmpty());
        const std::optional<QJsonObject> bob = f.ledger.exportSubject(u"bob"_s, admin(kStart + 20), &error);
        QVERIFY2(bob, qPrintable(error));
        const QJsonArray bobEntries = bob->value(u"entries"_s).toArray();
        QCOMPARE(bobEntries.size(), 3); // two erased, and the erasure record
        const QJsonObject erasedPart{{u"erased"_s, true}};
        QCOMPARE(bobEntries.at(0).toObject().value(u"as_actor"_s).toObject(), erasedPart);
        QCOMPARE(bobEntries.at(1).toObject().value(u"as_subject"_s).toObject(), erasedPart);
        QVERIFY(!QJsonDocument(*bob).toJson().contains("bob@example.com"));
        QVERIFY(f.verify().ok());

        // Recorded again on the same connection (its key cache forgot him): a new key, readable again.
        const std::optional<AuditEntry> later = f.ledger.record(requestBy(u"bob"_s, kStart + 30), &error);
        QVERIFY2(later, qPrintable(error));
        QVERIFY(auditSealedKeyId(later->actorSealed) != auditSealedKeyId(before.at(1).actorSealed));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_subject_keys WHERE subject_ref = ?"_s, {bobRef}), qint64(1));
        const QJsonArray again =
            f.ledger.exportSubject(u"bob"_s, admin(kStart + 40), &error)->value(u"entries"_s).toArray();
        QVERIFY(QJsonDocument(again).toJson().contains("bob@example.com"));
    }

    void exportsOnePersonsData_data() { TestDatabases::addBackends(); }
    void exportsOnePersonsData()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY2(recordAliceAndBob(f.ledger, &error), qPrintable(error));
        const std::optional<QJsonObject> alice = f.ledger.exportSubject(u"alice"_s, admin(kStart + 3), &error);
        QVERIFY2(alice, qPrintable(error));
        const QJsonArray entries = alice->value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(u"sequence"_s).toInteger(), 1);
        const QJsonObject asActor = entries.at(0).toObject().value(u"as_actor"_s).toObject();
        QCOMPARE(asActor.value(u"actor"_s).toString(), u"alice"_s);
        QCOMPARE(asActor.value(u"details"_s).toObject().value(u"email"_s).toString(), u"alice@example.com"_s);
        // In the entry where alice acted on bob, bob's data stays sealed.
        QVERIFY(!QJsonDocument(*alice).toJson().contains("bob@example.com"));
        QCOMPARE(entries.at(1).toObject().value(u"details"_s).toObject().value(u"big"_s).toInteger(), qint64(1) << 62);
        // The export is itself on record.
        QCOMPARE(f.entries().constLast().action, u"gdpr.export"_s);
        QVERIFY(f.verify().ok());
    }

    void subjectKeysAreWrappedUnderTheSecret_data() { TestDatabases::addBackends(); }
    void subjectKeysAreWrappedUnderTheSecret()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        const QByteArray ref = auditSubjectRef(kSecret, u"alice"_s);
        const std::optional<SubjectKey> key = f.keys.currentKey(ref, &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(f.keys.currentKey(ref, &error)->id, key->id); // one current key per person
        QCOMPARE(*f.keys.keyById(key->id, &error), key->key);

        // The stored row is not the key.
        QSqlQuery q(f.connection.database());
        q.prepare(u"SELECT wrapped_key FROM audit_subject_keys WHERE key_id = ?"_s);
        q.addBindValue(key->id);
        QVERIFY(q.exec() && q.next());
        const QByteArray wrapped = q.value(0).toByteArray();
        q.finish();
        QVERIFY(!wrapped.contains(key->key));
        QCOMPARE(unwrapAuditSubjectKey(auditKeyWrapKey(kSecret), key->id, ref, wrapped).value_or(QByteArray()),
                 key->key);

        // Another secret (the database copied without it) opens nothing, and says so: not "erased".
        SqlSubjectKeyStore stranger(f.connection, QByteArrayLiteral("some other secret, 16+ bytes"));
        QVERIFY(!stranger.keyById(key->id, &error));
        QVERIFY(error.contains(u"does not unwrap"_s));
        // A wrapped key moved to another row does not unwrap either.
        QVERIFY(f.execute(u"UPDATE audit_subject_keys SET subject_ref = ? WHERE key_id = ?"_s,
                          {auditSubjectRef(kSecret, u"mallory"_s), key->id}));
        QVERIFY(!f.keys.keyById(key->id, &error));
        QVERIFY(error.contains(u"does not unwrap"_s));
    }

    void tamperedRowsAreNamed_data() { TestDatabases::addBackends(); }
    void tamperedRowsAreNamed()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        for (int i = 0; i < 6; ++i)
            QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + i), &error));
        QVERIFY(f.verify().ok());

        QVERIFY(f.execute(u"UPDATE audit_log SET outcome = 'forged' WHERE sequence = 3"_s));
        AuditVerifyResult result = f.verify();
        QCOMPARE(result.failure, AuditBreak::HashMismatch);
        QCOMPARE(result.sequence, qint64(3));
        QVERIFY2(result.summary().startsWith(u"broken at sequence 3 "_s), qPrintable(result.summary()));
        QVERIFY(f.execute(u"UPDATE audit_log SET outcome = 'ok' WHERE sequence = 3"_s));
        QVERIFY(f.verify().ok());

        QVERIFY(f.execute(u"UPDATE audit_log SET details = 'not json' WHERE sequence = 2"_s));
        result = f.verify();
        QCOMPARE(result.failure, AuditBreak::BadEncoding);
        QCOMPARE(result.sequence, qint64(2));

        QVERIFY(f.execute(u"DELETE FROM audit_log WHERE sequence = 2"_s));
        result = f.verify();
        QCOMPARE(result.failure, AuditBreak::SequenceGap);
        QCOMPARE(result.sequence, qint64(3));
    }

    void retentionPurgeRemovesOldDataAndKeepsTheChain_data() { TestDatabases::addBackends(); }
    void retentionPurgeRemovesOldDataAndKeepsTheChain()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        for (int day = 0; day < 10; ++day) {
            QVERIFY2(f.ledger.record(requestBy(u"alice"_s, kStart + day * kDay), &error), qPrintable(error));
            QVERIFY(addPersonalRows(f, u"alice"_s, kStart + day * kDay));
        }
        const QList<AuditEntry> before = f.entries();
        AuditService service(settings, kSecret, kAnchorKey, u"gw-1"_s, 100);
        const qint64 now = kStart + 10 * kDay;

        // A dry run counts and removes nothing.
        std::optional<RetentionPurge> purged =
            onAuditThread(service, [&] { return service.purge(now, 5, true, admin(now), &error); });
        QVERIFY2(purged, qPrintable(error));
        QCOMPARE(purged->auditEntries, qint64(5));
        QCOMPARE(purged->rows.historyRows, qint64(5));
        QCOMPARE(purged->rows.responses, qint64(5));
        QCOMPARE(purged->recordSequence, qint64(0));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log"_s), qint64(10));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM request_history"_s), qint64(10));

        purged = onAuditThread(service, [&] { return service.purge(now, 5, false, admin(now), &error); });
        QVERIFY2(purged, qPrintable(error));
        QCOMPARE(purged->auditEntries, qint64(5));
        QCOMPARE(purged->rows.historyRows, qint64(5));
        QCOMPARE(purged->rows.responses, qint64(5));
        QCOMPARE(purged->recordSequence, qint64(11));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM request_history WHERE ts_ms < ?"_s, {now - 5 * kDay}), qint64(0));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM responses"_s), qint64(5));
        // The purge is on record, with its counts, and the chain verifies from the checkpoint.
        const AuditEntry record = f.entries().constLast();
        QCOMPARE(record.action, u"audit.purge"_s);
        QCOMPARE(record.details.value(u"history_rows"_s).toInteger(), qint64(5));
        AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QVERIFY(f.verifyExported().ok());

        // The purged prefix's tombstone (the checkpoint) changed: named by its sequence.
        QVERIFY(f.execute(u"UPDATE audit_checkpoint SET entry_hash = ?"_s, {before.at(3).entryHash}));
        result = f.verify();
        QCOMPARE(result.failure, AuditBreak::SignatureInvalid);
        QCOMPARE(result.sequence, qint64(5));
        // ... and, verified without the key, by the first kept entry's broken link.
        AuditLedger unkeyed(&f.store, &f.keys, kSecret, {}, u"gw-1"_s);
        result = *unkeyed.verify({}, &error);
        QCOMPARE(result.failure, AuditBreak::PrevLinkBroken);
        QCOMPARE(result.sequence, qint64(6));
        QVERIFY(f.execute(u"UPDATE audit_checkpoint SET entry_hash = ?"_s, {before.at(4).entryHash}));
        QVERIFY(f.verify().ok());
        // A kept entry edited after the purge is named too.
        QVERIFY(f.execute(u"UPDATE audit_log SET outcome = 'forged' WHERE sequence = 7"_s));
        result = f.verify();
        QCOMPARE(result.failure, AuditBreak::HashMismatch);
        QCOMPARE(result.sequence, qint64(7));
        QVERIFY(f.execute(u"UPDATE audit_log SET outcome = 'ok' WHERE sequence = 7"_s));

        // The scheduled purge runs at once on the audit thread, by today's clock: everything recorded
        // in 2026-01 goes, the purge is recorded, and the chain goes on from the checkpoint.
        service.setRetention(5, true);
        QTRY_COMPARE(service.scheduledPurges(), quint64(1));
        QCOMPARE(service.retentionDays(), 5);
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM request_history"_s), qint64(0));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM responses"_s), qint64(0));
        const QList<AuditEntry> left = f.entries();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.constFirst().action, u"audit.purge"_s);
        QCOMPARE(left.constFirst().actorRole, u"system"_s);
        QCOMPARE(left.constFirst().details.value(u"removed"_s).toInteger(), qint64(6));
        result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
    }

    void erasureDeletesThePersonsRowsInAnOrderSafeToRepeat_data() { TestDatabases::addBackends(); }
    void erasureDeletesThePersonsRowsInAnOrderSafeToRepeat()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        OPEN_LEDGER(f, settings);
        QString error;
        QVERIFY(recordAliceAndBob(f.ledger, &error));
        for (const QString &key : {u"alice"_s, u"alice"_s, u"bob"_s})
            QVERIFY(addPersonalRows(f, key, kStart));
        AuditService service(settings, kSecret, kAnchorKey, u"gw-1"_s, 100);

        // The rows cannot be deleted (a table renamed): the erasure is recorded and the keys are gone,
        // the rows stay (one transaction), and the error says to repeat it.
        QVERIFY(f.execute(u"ALTER TABLE responses RENAME TO responses_away"_s));
        std::optional<SubjectErasure> erased =
            onAuditThread(service, [&] { return service.erase(u"alice"_s, admin(kStart + 10), &error); });
        QVERIFY(!erased);
        QVERIFY2(error.contains(u"repeat the erasure"_s), qPrintable(error));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM request_history WHERE key_name = 'alice'"_s), qint64(2));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_subject_keys WHERE subject_ref = ?"_s,
                         {auditSubjectRef(kSecret, u"alice"_s)}),
                 qint64(0));
        QVERIFY(f.execute(u"ALTER TABLE responses_away RENAME TO responses"_s));

        // Repeated, it completes: her rows and responses go, Bob's stay, the chain verifies.
        erased = onAuditThread(service, [&] { return service.erase(u"alice"_s, admin(kStart + 11), &error); });
        QVERIFY2(erased, qPrintable(error));
        QCOMPARE(erased->rows.historyRows, qint64(2));
        QCOMPARE(erased->rows.responses, qint64(2));
        QCOMPARE(erased->audit.keysDestroyed, 0); // destroyed the first time
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM request_history"_s), qint64(1));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM responses WHERE key_name = 'key:bob'"_s), qint64(1));
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        const std::optional<QJsonObject> exported = f.ledger.exportSubject(u"alice"_s, admin(kStart + 12), &error);
        QVERIFY2(exported, qPrintable(error));
        QCOMPARE(exported->value(u"entries"_s).toArray().first().toObject().value(u"as_actor"_s).toObject(),
                 (QJsonObject{{u"erased"_s, true}}));
        QCOMPARE(f.count(u"SELECT COUNT(*) FROM audit_log WHERE action = 'gdpr.erase'"_s), qint64(2));
    }

    void twoServicesOnOneDatabaseKeepOneChain_data() { TestDatabases::addBackends(); }
    void twoServicesOnOneDatabaseKeepOneChain()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        {
            OPEN_LEDGER(migrate, settings);
        }
        // Two gateways' audit threads, each with its own connection, fed from two threads at once.
        constexpr int kEvents = 400;
        AuditService first(settings, kSecret, kAnchorKey, u"gw-a"_s, 2 * kEvents);
        AuditService second(settings, kSecret, kAnchorKey, u"gw-b"_s, 2 * kEvents);
        std::atomic<qsizetype> queued = 0;
        runConcurrently(2, [&](int thread) {
            AuditService &service = thread == 0 ? first : second;
            for (int i = 0; i < kEvents; i += 20) {
                QList<AuditEvent> events;
                for (int j = i; j < i + 20; ++j)
                    events.append(requestBy(u"user-%1"_s.arg(j % 7), kStart + j));
                queued += service.recordAll(events);
            }
        });
        first.stop();
        second.stop();
        QCOMPARE(queued.load(), qsizetype(2 * kEvents));
        QCOMPARE(first.dropped() + second.dropped(), quint64(0));
        OPEN_LEDGER(f, settings);
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(2 * kEvents));
    }

    void ledgerSecretComesFromTheEnvironmentOrTheDataDirectory()
    {
        QTemporaryDir dir;
        QString why;
        // The variable wins, and must be long enough.
        QCOMPARE(auditLedgerSecret(kSecret, SqlDialect::Postgres, dir.path(), &why).value_or(QByteArray()), kSecret);
        QVERIFY(!auditLedgerSecret("too short", SqlDialect::Sqlite, dir.path(), &why));
        QVERIFY2(why.contains(u"shorter than 16 bytes"_s), qPrintable(why));
        // PostgreSQL without it: off, and why.
        QVERIFY(!auditLedgerSecret({}, SqlDialect::Postgres, dir.path(), &why));
        QVERIFY2(why.contains(u"LLM_PROXY_AUDIT_SECRET"_s), qPrintable(why));
        QVERIFY(!QFile::exists(dir.filePath(u"audit.secret"_s)));
        // SQLite: created once, for the owner only, and the same afterwards.
        const std::optional<QByteArray> created = auditLedgerSecret({}, SqlDialect::Sqlite, dir.path(), &why);
        QVERIFY2(created, qPrintable(why));
        QCOMPARE(created->size(), 32);
        QFile file(dir.filePath(u"audit.secret"_s));
        QCOMPARE(file.permissions() & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                                        QFileDevice::WriteUser),
                 QFileDevice::Permissions());
        QCOMPARE(auditLedgerSecret({}, SqlDialect::Sqlite, dir.path(), &why).value_or(QByteArray()), *created);
        QVERIFY(!auditLedgerSecret({}, SqlDialect::Sqlite, {}, &why)); // no data directory
    }

    void auditServiceAppendsOffTheCallersThread()
    {
        QTemporaryDir dir;
        DatabaseSettings settings;
        settings.sqlitePath = dir.filePath(u"llmproxy.db"_s);
        {
            OPEN_LEDGER(migrate, settings);
        }
        AuditService service(settings, kSecret, kAnchorKey, u"gw-1"_s, 3);
        // Far more than the queue holds at once: some may be dropped, and each is either stored or counted.
        constexpr int kEvents = 200;
        int accepted = 0;
        for (int i = 0; i < kEvents; ++i)
            accepted += service.record(requestBy(u"alice"_s, kStart + i)) ? 1 : 0;
        service.stop();
        QVERIFY(!service.record(requestBy(u"alice"_s, kStart))); // stopped: dropped
        OPEN_LEDGER(f, settings);
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(accepted));
        QCOMPARE(service.dropped(), quint64(kEvents - accepted + 1));
    }

private:
    TestDatabases m_databases;
};

QTEST_GUILESS_MAIN(TestSqlAuditStore)
#include "tst_sqlauditstore.moc"

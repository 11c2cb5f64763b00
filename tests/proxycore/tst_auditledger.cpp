// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The audit ledger's GDPR behaviour over the in-memory store: personal data never stored in clear,
// sealing bound to its person and place, export of exactly one person's data, erasure that leaves
// every hash intact and the data unreadable, retention purge behind a signed checkpoint (also with
// clocks out of step), non-finite numbers, and several writers (instances) appending to one chain.
#include "proxycore/store/auditexport.h"
#include "proxycore/store/auditledger.h"

#include "tests/support/auditevents.h"
#include "tests/support/concurrency.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <limits>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

struct Fixture
{
    MemoryAuditStore store;
    MemorySubjectKeyStore keys;
    AuditLedger ledger{&store, &keys, kSecret, kAnchorKey, u"gw-1"_s};

    QList<AuditEntry> entries()
    {
        QString error;
        const std::optional<AuditSnapshot> snapshot = store.snapshot(&error);
        QList<AuditEntry> out;
        while (const std::optional<AuditRow> row = snapshot->rows())
            out.append(row->entry);
        return out;
    }

    QByteArray exported()
    {
        QByteArray data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        QString error;
        if (!ledger.exportChain(&buffer, &error))
            return {};
        return data;
    }

    AuditVerifyResult verify(const QList<AuditAnchor> &anchors = {})
    {
        QString error;
        if (const std::optional<AuditVerifyResult> result = ledger.verify(anchors, &error))
            return *result;
        AuditVerifyResult unreadable; // the memory store never fails; make a failure visible if it did
        unreadable.failure = AuditBreak::BadEncoding;
        unreadable.detail = error;
        return unreadable;
    }
};

AuditVerifyResult verifyExport(QByteArray data, QByteArrayView key)
{
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return verifyAuditExport(&buffer, key);
}

/// The entries of an export answer, by the action and sequence they report.
QJsonArray exportedEntries(const QJsonObject &answer)
{
    return answer.value(u"entries"_s).toArray();
}

} // namespace

class TestAuditLedger : public QObject
{
    Q_OBJECT

private slots:
    void sealOpensOnlyForItsKeyPartyAndPerson()
    {
        const QByteArray ref = auditSubjectRef(kSecret, u"alice"_s);
        const SubjectKey key{QByteArray(AuditKeyIdSize, 'k'), QByteArray(AuditKeySize, 'x')};
        QString error;
        const std::optional<QByteArray> sealed = sealAuditPersonal(key, AuditParty::Actor, ref, "alice data", &error);
        QVERIFY2(sealed, qPrintable(error));
        QVERIFY(!sealed->contains("alice"));
        QCOMPARE(auditSealedKeyId(*sealed), key.id);
        QCOMPARE(openAuditPersonal(key.key, AuditParty::Actor, ref, *sealed), QByteArray("alice data"));
        QVERIFY(!openAuditPersonal(QByteArray(AuditKeySize, 'y'), AuditParty::Actor, ref, *sealed));
        QVERIFY(!openAuditPersonal(key.key, AuditParty::Subject, ref, *sealed));
        QVERIFY(!openAuditPersonal(key.key, AuditParty::Actor, auditSubjectRef(kSecret, u"bob"_s), *sealed));
        QByteArray flipped = *sealed;
        flipped[flipped.size() - 20] = char(flipped.at(flipped.size() - 20) ^ 1);
        QVERIFY(!openAuditPersonal(key.key, AuditParty::Actor, ref, flipped));
        // A fresh nonce each time: the same data never seals to the same bytes.
        QVERIFY(*sealAuditPersonal(key, AuditParty::Actor, ref, "alice data", &error) != *sealed);
    }

    void subjectReferencesAreKeyed()
    {
        const QByteArray alice = auditSubjectRef(kSecret, u"alice"_s);
        QCOMPARE(alice.size(), AuditHashSize);
        QCOMPARE(auditSubjectRef(kSecret, u"alice"_s), alice);
        QVERIFY(auditSubjectRef(kSecret, u"Alice"_s) != alice);
        QVERIFY(auditSubjectRef("another secret of 16+ bytes", u"alice"_s) != alice);
    }

    void personalDataIsNeverStoredInClear()
    {
        Fixture f;
        QString error;
        AuditEvent event = requestBy(u"alice"_s, kStart, u"bob"_s);
        event.personalDetails = QJsonObject{{u"email"_s, u"bob.private@example.com"_s}};
        const std::optional<AuditEntry> entry = f.ledger.record(event, &error);
        QVERIFY2(entry, qPrintable(error));
        QCOMPARE(entry->sequence, qint64(1));
        QCOMPARE(entry->actorRef, auditSubjectRef(kSecret, u"alice"_s));
        QCOMPARE(entry->subjectRef, auditSubjectRef(kSecret, u"bob"_s));
        QCOMPARE(entry->details.value(u"model"_s).toString(), u"gpt-4o"_s);
        const QByteArray exported = f.exported();
        QVERIFY(!exported.isEmpty());
        for (const char *secret : {"alice", "bob", "203.0.113.7", "private@example"})
            QVERIFY2(!exported.contains(secret), secret);
        QVERIFY(verifyExport(exported, kAnchorKey).ok());
    }

    void draftNeedsASecretAndAPersonForPersonalDetails()
    {
        MemoryAuditStore store;
        MemorySubjectKeyStore keys;
        AuditLedger noSecret(&store, &keys, "short", {}, u"gw"_s);
        QString error;
        QVERIFY(!noSecret.record(requestBy(u"alice"_s, kStart), &error));
        QVERIFY(error.contains(u"secret"_s));

        Fixture f;
        AuditEvent nobody = requestBy({}, kStart);
        nobody.clientIp.clear();
        QVERIFY(!f.ledger.record(nobody, &error));
        QVERIFY(error.contains(u"without a person"_s));
        nobody.personalDetails = {};
        error.clear();
        QVERIFY2(f.ledger.record(nobody, &error), qPrintable(error)); // the gateway itself: nothing personal
        QVERIFY(f.entries().constFirst().actorRef.isEmpty());
    }

    void nonFiniteNumbersBecomeNull()
    {
        Fixture f;
        AuditEvent event = requestBy(u"alice"_s, kStart);
        event.details = QJsonObject{{u"latency"_s, std::numeric_limits<double>::quiet_NaN()},
                                    {u"list"_s, QJsonArray{1, std::numeric_limits<double>::infinity()}}};
        QString error;
        const std::optional<AuditEntry> entry = f.ledger.record(event, &error);
        QVERIFY2(entry, qPrintable(error));
        QVERIFY(entry->details.value(u"latency"_s).isNull());
        QVERIFY(entry->details.value(u"list"_s).toArray().at(1).isNull());
        QVERIFY(f.verify().ok());
        QVERIFY(verifyExport(f.exported(), kAnchorKey).ok());
    }

    void exportReturnsOnlyThatPerson()
    {
        Fixture f;
        QString error;
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart), &error));
        QVERIFY(f.ledger.record(requestBy(u"bob"_s, kStart + 1), &error));
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + 2, u"bob"_s), &error)); // alice acts on bob
        QVERIFY(f.ledger.record(requestBy(u"carol"_s, kStart + 3), &error));

        const std::optional<QJsonObject> answer = f.ledger.exportSubject(u"bob"_s, admin(kStart + 10), &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(answer->value(u"record_count"_s).toInt(), 2);
        const QJsonArray entries = exportedEntries(*answer);
        QCOMPARE(entries.size(), 2);
        const QJsonObject own = entries.at(0).toObject();
        QCOMPARE(own.value(u"sequence"_s).toInt(), 2);
        QCOMPARE(own.value(u"as_actor"_s).toObject().value(u"actor"_s).toString(), u"bob"_s);
        QCOMPARE(own.value(u"as_actor"_s).toObject().value(u"client_ip"_s).toString(), u"203.0.113.7"_s);
        QCOMPARE(own.value(u"as_actor"_s).toObject().value(u"details"_s).toObject().value(u"email"_s).toString(),
                 u"bob@example.com"_s);
        const QJsonObject about = entries.at(1).toObject();
        QCOMPARE(about.value(u"sequence"_s).toInt(), 3);
        QCOMPARE(about.value(u"as_subject"_s).toObject().value(u"subject"_s).toString(), u"bob"_s);
        // Alice acted in that entry; her name and address are hers, not bob's.
        QVERIFY(!about.contains(u"as_actor"_s));
        const QByteArray text = QJsonDocument(*answer).toJson();
        QVERIFY(!text.contains("alice"));
        QVERIFY(!text.contains("carol"));

        // The export is itself audited, naming bob only as a sealed subject.
        const AuditEntry last = f.entries().constLast();
        QCOMPARE(last.action, u"gdpr.export"_s);
        QCOMPARE(last.subjectRef, auditSubjectRef(kSecret, u"bob"_s));
        QCOMPARE(last.actorRef, auditSubjectRef(kSecret, u"root-admin"_s));
        QVERIFY(f.verify().ok());
    }

    void unicodeNamesAreFoundAndOpened()
    {
        Fixture f;
        QString error;
        AuditEvent event = requestBy(u"Zoë 山田 😀"_s, kStart);
        event.personalDetails = QJsonObject{{u"note"_s, u"café ☕"_s}};
        QVERIFY2(f.ledger.record(event, &error), qPrintable(error));
        QVERIFY(!f.exported().contains(u"Zoë"_s.toUtf8()));
        const std::optional<QJsonObject> answer = f.ledger.exportSubject(u"Zoë 山田 😀"_s, admin(kStart + 1), &error);
        QVERIFY2(answer, qPrintable(error));
        const QJsonObject part = exportedEntries(*answer).at(0).toObject().value(u"as_actor"_s).toObject();
        QCOMPARE(part.value(u"actor"_s).toString(), u"Zoë 山田 😀"_s);
        QCOMPARE(part.value(u"details"_s).toObject().value(u"note"_s).toString(), u"café ☕"_s);
        // No normalisation: another spelling of the same letters is another person.
        const std::optional<QJsonObject> other =
            f.ledger.exportSubject(u"Zoe\u0308 山田 😀"_s, admin(kStart + 2), &error);
        QCOMPARE(other->value(u"record_count"_s).toInt(), 0);
    }

    void erasureKeepsTheChainAndMakesTheDataUnreadable()
    {
        Fixture f;
        QString error;
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart), &error));
        QVERIFY(f.ledger.record(requestBy(u"bob"_s, kStart + 1), &error));
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + 2, u"bob"_s), &error));
        const QList<AuditEntry> before = f.entries();

        const std::optional<AuditErasure> erased = f.ledger.eraseSubject(u"bob"_s, admin(kStart + 10), &error);
        QVERIFY2(erased, qPrintable(error));
        QCOMPARE(erased->entries, qint64(2));
        QCOMPARE(erased->keysDestroyed, 1);
        QCOMPARE(erased->recordSequence, qint64(4));

        // Not one stored byte of the earlier entries changed, and the chain verifies.
        const QList<AuditEntry> after = f.entries();
        QCOMPARE(after.mid(0, 3), before);
        const AuditVerifyResult result = f.verify();
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, 4);
        QVERIFY(verifyExport(f.exported(), kAnchorKey).ok());

        // The erasure's own entry refers to bob and holds nothing of his.
        const AuditEntry &record = after.constLast();
        QCOMPARE(record.action, u"gdpr.erase"_s);
        QCOMPARE(record.subjectRef, auditSubjectRef(kSecret, u"bob"_s));
        QVERIFY(record.subjectSealed.isEmpty());
        QCOMPARE(record.details.value(u"entries"_s).toInt(), 2);

        // Bob's data cannot be opened any more; alice's still can.
        const QByteArray bobKeyId = auditSealedKeyId(before.at(1).actorSealed);
        QVERIFY(!f.keys.keyById(bobKeyId, &error));
        QVERIFY(error.isEmpty());
        const std::optional<QJsonObject> bob = f.ledger.exportSubject(u"bob"_s, admin(kStart + 20), &error);
        QVERIFY2(bob, qPrintable(error));
        const QJsonArray bobEntries = exportedEntries(*bob);
        QCOMPARE(bobEntries.size(), 3); // two erased, and the erasure record
        const QJsonObject erasedPart{{u"erased"_s, true}};
        QCOMPARE(bobEntries.at(0).toObject().value(u"as_actor"_s).toObject(), erasedPart);
        QCOMPARE(bobEntries.at(1).toObject().value(u"as_subject"_s).toObject(), erasedPart);
        QVERIFY(!QJsonDocument(*bob).toJson().contains("bob@example.com"));
        const std::optional<QJsonObject> alice = f.ledger.exportSubject(u"alice"_s, admin(kStart + 30), &error);
        QVERIFY2(alice, qPrintable(error));
        QCOMPARE(exportedEntries(*alice).at(1).toObject().value(u"as_actor"_s).toObject().value(u"actor"_s).toString(),
                 u"alice"_s);
        QVERIFY(f.verify().ok());
    }

    void dataRecordedAfterAnErasureIsReadable()
    {
        Fixture f;
        QString error;
        QVERIFY(f.ledger.record(requestBy(u"bob"_s, kStart), &error));
        QVERIFY(f.ledger.eraseSubject(u"bob"_s, admin(kStart + 1), &error));
        QVERIFY(f.ledger.record(requestBy(u"bob"_s, kStart + 2), &error));
        const std::optional<QJsonObject> bob = f.ledger.exportSubject(u"bob"_s, admin(kStart + 3), &error);
        QVERIFY2(bob, qPrintable(error));
        const QJsonArray entries = exportedEntries(*bob);
        QCOMPARE(entries.size(), 3);
        QVERIFY(entries.at(0).toObject().value(u"as_actor"_s).toObject().value(u"erased"_s).toBool());
        QCOMPARE(entries.at(2).toObject().value(u"as_actor"_s).toObject().value(u"actor"_s).toString(), u"bob"_s);
    }

    void anonymousCallerIsErasedByAddress()
    {
        Fixture f;
        QString error;
        AuditEvent anonymous = requestBy({}, kStart);
        anonymous.clientIp = u"192.0.2.44"_s;
        QVERIFY(f.ledger.record(anonymous, &error));
        QCOMPARE(f.entries().constFirst().actorRef, auditSubjectRef(kSecret, u"192.0.2.44"_s));
        const std::optional<AuditErasure> erased = f.ledger.eraseSubject(u"192.0.2.44"_s, admin(kStart + 1), &error);
        QVERIFY2(erased, qPrintable(error));
        QCOMPARE(erased->entries, qint64(1));
        QCOMPARE(erased->keysDestroyed, 1);
        QVERIFY(f.verify().ok());
    }

    void purgeKeepsTheChainVerifiable()
    {
        Fixture f;
        QString error;
        for (int day = 0; day < 10; ++day)
            QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + day * kDay), &error));
        const QList<AuditEntry> before = f.entries();

        // Day 10, keep 5 days: days 0–4 go (day 5 is exactly at the cutoff and stays).
        const std::optional<qint64> removed = f.ledger.purge(kStart + 10 * kDay, 5, admin(kStart + 10 * kDay), &error);
        QVERIFY2(removed, qPrintable(error));
        QCOMPARE(*removed, qint64(5));
        const QList<AuditEntry> after = f.entries();
        QCOMPARE(after.size(), 6); // days 5–9 and the purge record
        QCOMPARE(after.constFirst(), before.at(5));
        QCOMPARE(after.constLast().action, u"audit.purge"_s);
        QCOMPARE(after.constLast().details.value(u"removed"_s).toInt(), 5);

        const std::optional<AuditSnapshot> snapshot = f.store.snapshot(&error);
        QVERIFY(snapshot->checkpoint);
        QCOMPARE(snapshot->checkpoint->sequence, qint64(5));
        QCOMPARE(snapshot->checkpoint->entryHash, before.at(4).entryHash);
        QVERIFY(auditAnchorSignatureValid(kAnchorKey, *snapshot->checkpoint, AuditAnchorPurpose::Checkpoint));

        const AuditVerifyResult result = f.verify({AuditAnchor{3, before.at(2).entryHash, 0, {}}});
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, 6);
        QCOMPARE(result.head.sequence, qint64(11));
        const QByteArray exported = f.exported();
        QVERIFY(exported.left(exported.indexOf('\n')).contains("\"type\":\"checkpoint\""));
        QVERIFY(verifyExport(exported, kAnchorKey).ok());
        QVERIFY(verifyExport(exported, {}).ok());

        // A second purge with nothing old enough removes nothing and records nothing.
        QCOMPARE(f.ledger.purge(kStart + 10 * kDay, 5, admin(kStart + 10 * kDay), &error).value_or(-1), qint64(0));
        QCOMPARE(f.entries().size(), 6);
        QCOMPARE(f.ledger.purge(kStart + 100 * kDay, 0, admin(kStart), &error).value_or(-1), qint64(0)); // off
        QCOMPARE(f.entries().size(), 6);

        // Entries purged are only in the chain's past: appending goes on from the head.
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + 11 * kDay), &error));
        QVERIFY(f.verify().ok());
    }

    void purgeRemovesOnlyAPrefix()
    {
        Fixture f;
        QString error;
        // A second instance's clock runs behind: an old-looking entry after a new one.
        for (const qint64 day : {0, 1, 8, 2, 9})
            QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + day * kDay), &error));
        QCOMPARE(f.ledger.purge(kStart + 10 * kDay, 5, admin(kStart + 10 * kDay), &error).value_or(-1), qint64(2));
        QCOMPARE(f.entries().constFirst().sequence, qint64(3));
        QVERIFY(f.verify().ok());
    }

    void purgingEverythingLeavesTheCheckpointAsHead()
    {
        MemoryAuditStore store;
        MemorySubjectKeyStore keys;
        AuditLedger ledger(&store, &keys, kSecret, {}, u"gw"_s);
        QString error;
        QVERIFY(ledger.record(requestBy(u"alice"_s, kStart), &error));
        QVERIFY(ledger.record(requestBy(u"alice"_s, kStart + 1), &error));
        QCOMPARE(store.purgeBefore(kStart + kDay, {}, &error).value_or(-1), qint64(2));
        const std::optional<AuditAnchor> head = ledger.signedHead(&error);
        QCOMPARE(head->sequence, qint64(2));
        QVERIFY(head->signatureHex.isEmpty()); // no anchor key: unsigned
        QVERIFY(ledger.verify({}, &error)->ok());
        QCOMPARE(ledger.record(requestBy(u"alice"_s, kStart + 2), &error)->sequence, qint64(3));
        QVERIFY(ledger.verify({}, &error)->ok());
    }

    void signedHeadAnchorsTheChain()
    {
        Fixture f;
        QString error;
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart), &error));
        const std::optional<AuditAnchor> head = f.ledger.signedHead(&error);
        QVERIFY(head);
        QCOMPARE(head->sequence, qint64(1));
        QVERIFY(auditAnchorSignatureValid(kAnchorKey, *head, AuditAnchorPurpose::Head));
        QVERIFY(f.ledger.record(requestBy(u"alice"_s, kStart + 1), &error));
        QVERIFY(f.verify({*head}).ok());
        AuditAnchor later = *head;
        later.sequence = 5;
        QCOMPARE(f.verify({later}).failure, AuditBreak::Truncated);
    }

    void concurrentWritersFormOneChain()
    {
        MemoryAuditStore store;
        MemorySubjectKeyStore keys;
        // Two instances sharing one store, two writer threads each.
        AuditLedger first(&store, &keys, kSecret, kAnchorKey, u"gw-1"_s);
        AuditLedger second(&store, &keys, kSecret, kAnchorKey, u"gw-2"_s);
        constexpr int kPerThread = 200;
        std::atomic<int> failures = 0;
        test::runConcurrently(4, [&](int thread) {
            AuditLedger &ledger = thread % 2 ? second : first;
            for (int i = 0; i < kPerThread; ++i) {
                QString error;
                // Batches of one and of three, as the store writer appends.
                const std::optional<AuditEntry> draft =
                    ledger.draft(requestBy(u"user-%1"_s.arg(thread), kStart + i), &error);
                if (!draft ||
                    !store.append(i % 2 ? QList<AuditEntry>{*draft} : QList<AuditEntry>{*draft, *draft, *draft},
                                  &error))
                    ++failures;
            }
        });
        QCOMPARE(failures.load(), 0);
        QString error;
        const AuditVerifyResult result = *first.verify({}, &error);
        QVERIFY2(result.ok(), qPrintable(result.summary()));
        QCOMPARE(result.entries, qint64(4 * kPerThread * 2));
    }
};

QTEST_GUILESS_MAIN(TestAuditLedger)
#include "tst_auditledger.moc"

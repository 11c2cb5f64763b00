// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The audit chain's encoding and verifier: golden vectors (computed from docs/audit.md by an
// independent implementation, so the encoding cannot drift silently), field-boundary ambiguity,
// canonical numbers and keys, limits, and tamper detection — edit, edit with rehash, delete,
// reorder, insert, tail rewrite and truncation (caught only with an anchor), purge behind a signed
// checkpoint and forged checkpoints — over lists and over the JSON Lines export. AuditTableWriter's
// two forms agree with the parser and the canonical encoder on hostile and random cells.
#include "proxycore/store/auditchain.h"
#include "proxycore/store/auditexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = QByteArrayLiteral("anchor signing key");

AuditEntry minimalEntry()
{
    AuditEntry e;
    e.sequence = 1;
    e.category = AuditCategory::Request;
    return e;
}

/// The "full" golden entry: every field set, details with every JSON type.
AuditEntry fullEntry()
{
    AuditEntry e;
    e.sequence = 42;
    e.timeMs = 1767225600123; // 2026-01-01T00:00:00.123Z
    e.instanceId = u"gw-1"_s;
    e.category = AuditCategory::Security;
    e.action = u"request.blocked"_s;
    e.outcome = u"blocked"_s;
    e.actorRole = u"user"_s;
    e.requestId = u"req-0001"_s;
    e.details = QJsonObject{{u"model"_s, u"gpt-4o"_s},
                            {u"status"_s, 403},
                            {u"score"_s, 0.875},
                            {u"layers"_s, QJsonArray{u"firewall"_s, u"injection"_s}},
                            {u"ok"_s, false},
                            {u"none"_s, QJsonValue::Null},
                            {u"neg"_s, -7},
                            {u"big"_s, qint64(9007199254740993)},
                            {u"é"_s, u"ü"_s},
                            {u"tenth"_s, 0.1},
                            {u"whole"_s, 2.0}};
    e.actorRef = QByteArray(32, '\x11');
    e.actorSealed = QByteArray("\x01\x02\x03", 3);
    e.subjectRef = QByteArray(32, '\x22');
    e.subjectSealed = QByteArrayLiteral("sealed");
    e.prevHash = QByteArray(32, '\xab');
    return e;
}

AuditEntry unicodeEntry()
{
    AuditEntry e = minimalEntry();
    e.sequence = 7;
    e.timeMs = -1;
    e.instanceId = u"インスタンス"_s;
    e.category = AuditCategory::Admin;
    e.action = u"😀"_s;
    e.outcome = u"ok"_s;
    e.details = QJsonObject{{QString(QChar(0xE000)), 1}, {u"😀"_s, 2}, {u"z"_s, 3}, {u"Z"_s, 4}};
    return e;
}

QByteArray hashOf(const AuditEntry &entry)
{
    QString error;
    const std::optional<QByteArray> encoding = encodeAuditEntry(entry, &error);
    return encoding ? auditEntryHash(entry.prevHash.isEmpty() ? auditGenesisHash() : entry.prevHash, *encoding)
                    : QByteArray();
}

/// A chain of `n` request entries from the genesis, one second apart.
QList<AuditEntry> makeChain(int n, AuditAnchor *head = nullptr)
{
    QList<AuditEntry> drafts;
    for (int i = 0; i < n; ++i) {
        AuditEntry e;
        e.timeMs = 1'000'000 + i * 1000;
        e.instanceId = u"gw"_s;
        e.action = u"request.completed"_s;
        e.outcome = u"ok"_s;
        e.requestId = u"req-%1"_s.arg(i);
        e.details = QJsonObject{{u"index"_s, i}, {u"cost"_s, 0.0001 * i}};
        drafts.append(e);
    }
    AuditAnchor at;
    QString error;
    if (!chainAuditEntries(&at, &drafts, &error))
        return {};
    if (head)
        *head = at;
    return drafts;
}

AuditAnchor anchorOf(const AuditEntry &entry)
{
    return AuditAnchor{entry.sequence, entry.entryHash, entry.timeMs, {}};
}

AuditVerifyResult verifyList(const QList<AuditEntry> &entries, const AuditVerifyOptions &options = {})
{
    return verifyAuditChain(auditRowsOf(entries), options);
}

/// Re-hashes `entry` after an edit, as an attacker with write access can.
void rehash(AuditEntry &entry)
{
    QString error;
    entry.entryHash = auditEntryHash(entry.prevHash, *encodeAuditEntry(entry, &error));
}

QByteArray exportOf(const QList<AuditEntry> &entries, const std::optional<AuditAnchor> &checkpoint,
                    const std::optional<AuditAnchor> &head)
{
    QByteArray out;
    if (checkpoint)
        out += auditAnchorJsonLine(*checkpoint, AuditAnchorPurpose::Checkpoint);
    if (head)
        out += auditAnchorJsonLine(*head, AuditAnchorPurpose::Head);
    for (const AuditEntry &e : entries)
        out += auditEntryJsonLine(e);
    return out;
}

AuditVerifyResult verifyExport(QByteArray data, QByteArrayView key = {}, const QList<AuditAnchor> &anchors = {})
{
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    return verifyAuditExport(&buffer, key, anchors);
}

/// The cells of a table row as Qt's JSON would hold them (non-finite numbers as null).
QJsonArray qtRowOf(const QList<AuditCell> &cells)
{
    QJsonArray row;
    for (const AuditCell &cell : cells) {
        if (const auto *text = std::get_if<QStringView>(&cell))
            row.append(text->toString());
        else if (const auto *integer = std::get_if<qint64>(&cell))
            row.append(*integer);
        else if (const auto *number = std::get_if<double>(&cell))
            row.append(std::isfinite(*number) ? QJsonValue(*number) : QJsonValue());
        else
            row.append(QJsonValue());
    }
    return row;
}

/// Checks what AuditTableWriter promises for `rows` (each of `columns` cells): its text parses to an
/// object whose canonical encoding is its canonical bytes, and that is the encoding of the same
/// table built with Qt's JSON classes.
bool tableAgrees(const QList<QStringView> &columns, const QList<QList<AuditCell>> &rows, QString *why)
{
    AuditTableWriter writer(columns);
    QJsonArray qtRows;
    for (const QList<AuditCell> &cells : rows) {
        // addRow takes an initializer list: rows of up to three cells are enough here.
        bool added = false;
        switch (cells.size()) {
        case 1:
            added = writer.addRow({cells[0]});
            break;
        case 2:
            added = writer.addRow({cells[0], cells[1]});
            break;
        case 3:
            added = writer.addRow({cells[0], cells[1], cells[2]});
            break;
        default:
            break;
        }
        if (!added) {
            *why = u"row of %1 cells refused"_s.arg(cells.size());
            return false;
        }
        qtRows.append(qtRowOf(cells));
    }
    const AuditEncodedDetails out = writer.finish();
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(out.json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !parsed.isObject()) {
        *why = u"the text does not parse: %1: %2"_s.arg(parseError.errorString(), QString::fromUtf8(out.json));
        return false;
    }
    QString error;
    const std::optional<QByteArray> reread = canonicalAuditJson(parsed.object(), &error);
    QJsonArray qtColumns;
    for (const QStringView column : columns)
        qtColumns.append(column.toString());
    const std::optional<QByteArray> built =
        canonicalAuditJson(QJsonObject{{u"columns"_s, qtColumns}, {u"rows"_s, qtRows}}, &error);
    if (!reread || !built) {
        *why = error;
        return false;
    }
    if (*reread != out.canonical || *built != out.canonical) {
        *why = u"the forms disagree on %1\nwritten %2\nreread  %3\nbuilt   %4"_s.arg(
            QString::fromUtf8(out.json), QString::fromLatin1(out.canonical.toHex()),
            QString::fromLatin1(reread->toHex()), QString::fromLatin1(built->toHex()));
        return false;
    }
    return true;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    // Golden vectors: docs/audit.md, implemented separately, gives these bytes and hashes.
    void minimalEntryEncodesByteForByte()
    {
        QString error;
        const std::optional<QByteArray> encoding = encodeAuditEntry(minimalEntry(), &error);
        QVERIFY2(encoding, qPrintable(error));
        QCOMPARE(encoding->toHex(), QByteArray("01"               // version
                                               "0000000000000001" // sequence
                                               "0000000000000000" // time_ms
                                               "00000000"         // instance ""
                                               "03"               // category request
                                               "00000000"         // action
                                               "00000000"         // outcome
                                               "00000000"         // actor_role
                                               "00000000"         // request_id
                                               "00000005"         // details: 5 bytes
                                               "6f00000000"       // 'o', 0 members
                                               "00000000"
                                               "00000000"
                                               "00000000"
                                               "00000000")); // refs, blobs
    }

    void goldenHashes_data()
    {
        QTest::addColumn<AuditEntry>("entry");
        QTest::addColumn<QByteArray>("hash");
        QTest::newRow("minimal") << minimalEntry()
                                 << QByteArray("bfc5daa06d158af13132c56c3e09bbbead3d38b17ba73e93b8761b19f6bf5863");
        QTest::newRow("every field") << fullEntry()
                                     << QByteArray("eeca597fb1203b45752481ea980a86353278204450349a315a5b616b126a205b");
        QTest::newRow("unicode") << unicodeEntry()
                                 << QByteArray("a070ac718bf60fb09417236a99311277c97bd440b8fa4f155421765e63c6165c");
    }

    void goldenHashes()
    {
        QFETCH(AuditEntry, entry);
        QFETCH(QByteArray, hash);
        QCOMPARE(hashOf(entry).toHex(), hash);
    }

    void canonicalJsonGolden()
    {
        QString error;
        // Keys sorted, integers as 8 bytes, 2.5 as its IEEE-754 bits.
        const QJsonObject value{{u"b"_s, QJsonArray{1, 2.5, QJsonValue::Null}}, {u"a"_s, true}};
        QCOMPARE(canonicalAuditJson(value, &error)->toHex(),
                 QByteArray("6f00000002000000016174000000016261000000036900000000000000016440040000000000006e"));
        // U+E000 before U+1F600: UTF-8 byte order, where QString's UTF-16 order would put the emoji first.
        const QJsonObject keys{{QString(QChar(0xE000)), 1}, {u"😀"_s, 2}};
        QCOMPARE(canonicalAuditJson(keys, &error)->toHex(),
                 QByteArray("6f0000000200000003ee808069000000000000000100000004f09f9880690000000000000002"));
    }

    void fieldBoundaryShiftsChangeTheHash_data()
    {
        QTest::addColumn<AuditEntry>("left");
        QTest::addColumn<AuditEntry>("right");
        const auto pair = [](auto set) {
            AuditEntry a = minimalEntry();
            AuditEntry b = minimalEntry();
            set(a, u"ab"_s, u"c"_s);
            set(b, u"a"_s, u"bc"_s);
            return std::pair{a, b};
        };
        const auto add = [](const char *name, const std::pair<AuditEntry, AuditEntry> &p) {
            QTest::newRow(name) << p.first << p.second;
        };
        add("action|outcome", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.action = x;
                e.outcome = y;
            }));
        add("instance|action", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.instanceId = x;
                e.action = y;
            }));
        add("role|request id", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.actorRole = x;
                e.requestId = y;
            }));
        add("details key|value", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.details = QJsonObject{{x, y}};
            }));
        add("details array items", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.details = QJsonObject{{u"k"_s, QJsonArray{x, y}}};
            }));
        add("actor blob|subject blob", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.actorSealed = x.toUtf8();
                e.subjectSealed = y.toUtf8();
            }));
        add("request id|details", pair([](AuditEntry &e, const QString &x, const QString &y) {
                e.requestId = x;
                e.details = QJsonObject{{y, QJsonValue::Null}};
            }));
    }

    void fieldBoundaryShiftsChangeTheHash()
    {
        QFETCH(AuditEntry, left);
        QFETCH(AuditEntry, right);
        QString error;
        QVERIFY(*encodeAuditEntry(left, &error) != *encodeAuditEntry(right, &error));
        QVERIFY(hashOf(left) != hashOf(right));
    }

    void everyFieldIsCovered_data()
    {
        QTest::addColumn<AuditEntry>("changed");
        const auto row = [](const char *name, auto change) {
            AuditEntry e = fullEntry();
            change(e);
            QTest::newRow(name) << e;
        };
        row("sequence", [](AuditEntry &e) { e.sequence += 1; });
        row("time", [](AuditEntry &e) { e.timeMs += 1; });
        row("instance", [](AuditEntry &e) { e.instanceId = u"gw-2"_s; });
        row("category", [](AuditEntry &e) { e.category = AuditCategory::Admin; });
        row("action", [](AuditEntry &e) { e.action = u"request.allowed"_s; });
        row("outcome", [](AuditEntry &e) { e.outcome = u"ok"_s; });
        row("actor role", [](AuditEntry &e) { e.actorRole = u"admin"_s; });
        row("request id", [](AuditEntry &e) { e.requestId = u"req-0002"_s; });
        row("details value", [](AuditEntry &e) { e.details[u"status"_s] = 200; });
        row("details double", [](AuditEntry &e) { e.details[u"score"_s] = 0.876; });
        row("details key", [](AuditEntry &e) { e.details[u"extra"_s] = QJsonValue::Null; });
        row("actor ref", [](AuditEntry &e) { e.actorRef[0] = '\x12'; });
        row("actor blob", [](AuditEntry &e) { e.actorSealed.append('\0'); });
        row("subject ref removed", [](AuditEntry &e) { e.subjectRef.clear(); });
        row("subject blob", [](AuditEntry &e) { e.subjectSealed = "sealeD"; });
        row("prev hash", [](AuditEntry &e) { e.prevHash[31] = '\xac'; });
    }

    void everyFieldIsCovered()
    {
        QFETCH(AuditEntry, changed);
        QVERIFY(hashOf(changed) != hashOf(fullEntry()));
    }

    void numbersAreCanonical()
    {
        QString error;
        const auto enc = [&error](const QJsonValue &v) { return *canonicalAuditJson(v, &error); };
        QCOMPARE(enc(1), enc(1.0));                                              // one JSON number
        QCOMPARE(enc(0), enc(-0.0));                                             // negative zero is zero
        QCOMPARE(enc(1e18), enc(qint64(1'000'000'000'000'000'000)));             // integral doubles as integers
        QVERIFY(enc(qint64(9007199254740993)) != enc(qint64(9007199254740992))); // beyond 2^53, exact
        QVERIFY(enc(0.1) != enc(0.1000000000000001));
        QCOMPARE(enc(std::numeric_limits<qint64>::min()).toHex(), QByteArray("698000000000000000"));
        QCOMPARE(enc(0.1).toHex(), QByteArray("643fb999999999999a"));
        QCOMPARE(enc(1e300).left(1), QByteArray("d")); // integral but beyond 64 bits: a double
    }

    void nonFiniteNumbersAreRefused_data()
    {
        QTest::addColumn<double>("number");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+inf") << std::numeric_limits<double>::infinity();
        QTest::newRow("-inf") << -std::numeric_limits<double>::infinity();
    }

    void nonFiniteNumbersAreRefused()
    {
        QFETCH(double, number);
        QString error;
        QVERIFY(!canonicalAuditJson(number, &error));
        QVERIFY(error.contains(u"non-finite"_s));
        AuditEntry e = minimalEntry();
        e.details = QJsonObject{{u"nested"_s, QJsonArray{1, QJsonObject{{u"x"_s, number}}}}};
        error.clear();
        QVERIFY(!encodeAuditEntry(e, &error));
        QVERIFY(error.contains(u"non-finite"_s));
    }

    void nestingIsBounded()
    {
        const auto nested = [](int depth) {
            QJsonValue v = 1;
            for (int i = 0; i < depth; ++i)
                v = QJsonArray{v};
            return QJsonObject{{u"d"_s, v}};
        };
        QString error;
        QVERIFY(canonicalAuditJson(nested(AuditMaxJsonDepth - 2), &error));
        QVERIFY(!canonicalAuditJson(nested(AuditMaxJsonDepth + 5), &error));
        QVERIFY(error.contains(u"deeper"_s));
    }

    void largeDetailsWithinTheLimitChainAndExport()
    {
        QList<AuditEntry> entries{minimalEntry()};
        entries[0].details = QJsonObject{{u"text"_s, QString(400 * 1024, u'é')}}; // 800 KiB of UTF-8
        AuditAnchor head;
        QString error;
        QVERIFY2(chainAuditEntries(&head, &entries, &error), qPrintable(error));
        QVERIFY(verifyList(entries).ok());
        QVERIFY(verifyExport(exportOf(entries, {}, {})).ok());

        QList<AuditEntry> tooLarge{minimalEntry()};
        tooLarge[0].details = QJsonObject{{u"text"_s, QString(AuditMaxDetailsBytes, u'a')}};
        const AuditAnchor before = head;
        QVERIFY(!chainAuditEntries(&head, &tooLarge, &error));
        QVERIFY(error.contains(u"limit"_s));
        QCOMPARE(head, before); // nothing chained
    }

    void badReferenceSizesDoNotEncode()
    {
        AuditEntry e = minimalEntry();
        e.subjectRef = QByteArray(5, 'x');
        QString error;
        QVERIFY(!encodeAuditEntry(e, &error));
        e.subjectRef.clear();
        e.sequence = -1;
        QVERIFY(!encodeAuditEntry(e, &error));
    }

    void intactChainVerifies()
    {
        AuditAnchor head;
        const QList<AuditEntry> chain = makeChain(10, &head);
        QCOMPARE(chain.size(), 10);
        QCOMPARE(chain.first().prevHash, auditGenesisHash());
        QCOMPARE(chain.at(3).prevHash, chain.at(2).entryHash);
        const AuditVerifyResult r = verifyList(chain);
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.entries, 10);
        QCOMPARE(r.head.sequence, 10);
        QCOMPARE(r.head.entryHash, head.entryHash);
        QVERIFY(r.summary().startsWith(u"ok: 10 entries, head "_s + QString::fromLatin1(head.entryHash.toHex())));
        QVERIFY(verifyList({}).ok());
    }

    void tamperingIsCaughtAtTheFirstBrokenRow_data()
    {
        QTest::addColumn<QList<AuditEntry>>("rows");
        QTest::addColumn<int>("failure");
        QTest::addColumn<qint64>("sequence");
        const QList<AuditEntry> chain = makeChain(10);

        QList<AuditEntry> edited = chain;
        edited[4].outcome = u"error"_s;
        QTest::newRow("edit") << edited << int(AuditBreak::HashMismatch) << qint64(5);

        edited = chain;
        edited[4].details[u"cost"_s] = 0.0;
        rehash(edited[4]);
        QTest::newRow("edit and rehash") << edited << int(AuditBreak::PrevLinkBroken) << qint64(6);

        QList<AuditEntry> deleted = chain;
        deleted.removeAt(4);
        QTest::newRow("delete") << deleted << int(AuditBreak::SequenceGap) << qint64(6);

        QList<AuditEntry> reordered = chain;
        reordered.swapItemsAt(3, 4);
        QTest::newRow("reorder") << reordered << int(AuditBreak::SequenceGap) << qint64(5);

        QList<AuditEntry> renumbered = chain;
        std::swap(renumbered[3].sequence, renumbered[4].sequence);
        renumbered.swapItemsAt(3, 4);
        QTest::newRow("reorder and renumber") << renumbered << int(AuditBreak::PrevLinkBroken) << qint64(4);

        QList<AuditEntry> inserted = chain;
        AuditEntry forged = chain.at(5);
        forged.outcome = u"forged"_s;
        forged.prevHash = chain.at(4).entryHash;
        rehash(forged);
        inserted.insert(5, forged);
        QTest::newRow("insert") << inserted << int(AuditBreak::SequenceGap) << qint64(6);

        QList<AuditEntry> badRow = chain;
        badRow[2].actorRef = QByteArray(3, 'x');
        QTest::newRow("bad encoding") << badRow << int(AuditBreak::BadEncoding) << qint64(3);

        QList<AuditEntry> noGenesis = chain.mid(1);
        QTest::newRow("first row removed") << noGenesis << int(AuditBreak::SequenceGap) << qint64(2);
    }

    void tamperingIsCaughtAtTheFirstBrokenRow()
    {
        QFETCH(QList<AuditEntry>, rows);
        QFETCH(int, failure);
        QFETCH(qint64, sequence);
        const AuditVerifyResult r = verifyList(rows);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.failure), failure);
        QCOMPARE(r.sequence, sequence);
        QVERIFY(r.summary().startsWith(u"broken at sequence %1"_s.arg(sequence)));
    }

    void unreadableRowIsBadEncoding()
    {
        const QList<AuditEntry> chain = makeChain(3);
        int next = 0;
        const AuditRowSource rows = [&]() -> std::optional<AuditRow> {
            if (next == 3)
                return std::nullopt;
            AuditRow row{chain.at(next), {}, 100 + next};
            if (next++ == 1)
                row.error = u"column entry_hash is not 32 bytes"_s;
            return row;
        };
        const AuditVerifyResult r = verifyAuditChain(rows);
        QCOMPARE(r.failure, AuditBreak::BadEncoding);
        QCOMPARE(r.sequence, 2);
        QCOMPARE(r.location, 101);
        QCOMPARE(r.entries, 1);
    }

    void removedOrRewrittenTailIsCaughtOnlyWithAnAnchor()
    {
        const QList<AuditEntry> chain = makeChain(10);
        const AuditAnchor anchor = anchorOf(chain.at(7)); // a head recorded when the chain had 8 entries

        // A pure hash chain cannot see its tail removed: the shorter chain is consistent.
        const QList<AuditEntry> truncated = chain.mid(0, 6);
        QVERIFY(verifyList(truncated).ok());
        AuditVerifyOptions options;
        options.anchors = {anchor};
        AuditVerifyResult r = verifyList(truncated, options);
        QCOMPARE(r.failure, AuditBreak::Truncated);
        QCOMPARE(r.sequence, 8);

        // Nor a tail rewritten from some row on with every hash recomputed.
        QList<AuditEntry> rewritten = chain.mid(0, 5);
        QList<AuditEntry> forged = chain.mid(5);
        forged[0].outcome = u"forged"_s;
        for (AuditEntry &e : forged)
            e.prevHash.clear();
        AuditAnchor at = anchorOf(rewritten.constLast());
        QString error;
        QVERIFY(chainAuditEntries(&at, &forged, &error));
        rewritten += forged;
        QVERIFY(verifyList(rewritten).ok());
        r = verifyList(rewritten, options);
        QCOMPARE(r.failure, AuditBreak::AnchorMismatch);
        QCOMPARE(r.sequence, 8);

        QVERIFY(verifyList(chain, options).ok());
    }

    void chainContinuesFromACheckpoint()
    {
        const QList<AuditEntry> chain = makeChain(10);
        AuditAnchor checkpoint = anchorOf(chain.at(3));
        checkpoint.signatureHex = signAuditAnchor(kKey, checkpoint, AuditAnchorPurpose::Checkpoint);
        const QList<AuditEntry> kept = chain.mid(4);

        AuditVerifyOptions options;
        options.checkpoint = checkpoint;
        options.key = kKey;
        AuditVerifyResult r = verifyList(kept, options);
        QVERIFY2(r.ok(), qPrintable(r.summary()));
        QCOMPARE(r.entries, 6);
        QCOMPARE(r.head.sequence, 10);

        // Without the checkpoint the purged chain does not start at the genesis.
        r = verifyList(kept);
        QCOMPARE(r.failure, AuditBreak::SequenceGap);
        QCOMPARE(r.sequence, 5);

        // A checkpoint that does not match the first kept row.
        options.checkpoint = anchorOf(chain.at(2));
        options.key.clear();
        r = verifyList(kept, options);
        QCOMPARE(r.failure, AuditBreak::SequenceGap);
    }

    void forgedCheckpointsAreCaughtWithTheKey()
    {
        const QList<AuditEntry> chain = makeChain(10);
        // Someone who can write the database deletes two more rows and moves the checkpoint on.
        const AuditAnchor forged = anchorOf(chain.at(5));
        const QList<AuditEntry> kept = chain.mid(6);
        AuditVerifyOptions options;
        options.checkpoint = forged;
        QVERIFY(verifyList(kept, options).ok()); // consistent: only a signature tells
        options.key = kKey;
        AuditVerifyResult r = verifyList(kept, options);
        QCOMPARE(r.failure, AuditBreak::SignatureInvalid);
        QVERIFY(r.detail.contains(u"not signed"_s));

        // A signature made for another anchor, or another key.
        AuditAnchor moved = forged;
        moved.signatureHex = signAuditAnchor(kKey, anchorOf(chain.at(3)), AuditAnchorPurpose::Checkpoint);
        options.checkpoint = moved;
        QCOMPARE(verifyList(kept, options).failure, AuditBreak::SignatureInvalid);
        moved.signatureHex = signAuditAnchor("other key", forged, AuditAnchorPurpose::Checkpoint);
        options.checkpoint = moved;
        QCOMPARE(verifyList(kept, options).failure, AuditBreak::SignatureInvalid);

        // A signed head is not a checkpoint: it would excuse deleting everything before it.
        moved.signatureHex = signAuditAnchor(kKey, forged, AuditAnchorPurpose::Head);
        options.checkpoint = moved;
        QCOMPARE(verifyList(kept, options).failure, AuditBreak::SignatureInvalid);
        moved.signatureHex = signAuditAnchor(kKey, forged, AuditAnchorPurpose::Checkpoint);
        options.checkpoint = moved;
        QVERIFY(verifyList(kept, options).ok());
    }

    void tableWriterAgreesOnHostileCells()
    {
        const QString loneHigh(QChar(0xD800));
        const QString loneLow(QChar(0xDC00));
        const QString controls = u"a\u0000b\u0001\u001f\n\r\t\u007f"_s;
        const QString texts[] = {u""_s,
                                 u"plain"_s,
                                 u"quote \" and backslash \\ and slash /"_s,
                                 controls,
                                 u"ünïcödé 漢字 😀 e\u0301"_s,
                                 loneHigh + u"x"_s + loneLow,
                                 u"\u2028\u2029</script>"_s,
                                 u"\\u0041 is not A"_s};
        const double numbers[] = {0.0,
                                  -0.0,
                                  0.1,
                                  1.0 / 3,
                                  3.0,
                                  -2.5,
                                  5e-324,
                                  1e-7,
                                  123456.789,
                                  9007199254740993.0,
                                  9.2233720368547758e18,
                                  -9.2233720368547758e18,
                                  1e300,
                                  std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity()};
        QList<QList<AuditCell>> rows;
        for (const QString &text : texts)
            rows.append({QStringView(text), qint64(200), nullptr});
        for (const double number : numbers)
            rows.append({u"n"_s, number, std::numeric_limits<qint64>::min()});
        rows.append({u"max"_s, std::numeric_limits<qint64>::max(), qint64(-1)});
        QString why;
        QVERIFY2(tableAgrees({u"text", u"number", u"other"}, rows, &why), qPrintable(why));
        QVERIFY2(tableAgrees({u"col\"umn", u"\u0000", u"漢"}, {}, &why), qPrintable(why)); // no rows

        AuditTableWriter writer({u"a", u"b"});
        QVERIFY(!writer.addRow({qint64(1)}));
        QVERIFY(!writer.addRow({qint64(1), qint64(2), qint64(3)}));
        QCOMPARE(writer.rows(), 0);
        QVERIFY(writer.addRow({qint64(1), u"x"}));
        QCOMPARE(writer.rows(), 1);
        QCOMPARE(writer.finish().json, QByteArray(R"({"columns":["a","b"],"rows":[[1,"x"]]})"));
    }

    void tableWriterAgreesOnRandomCells()
    {
        QRandomGenerator random(20261208);
        QList<QString> texts; // kept alive for the views in the rows
        texts.reserve(3000);
        QList<QList<AuditCell>> rows;
        for (int i = 0; i < 1000; ++i) {
            QList<AuditCell> cells;
            for (int c = 0; c < 3; ++c) {
                switch (random.bounded(4)) {
                case 0: {
                    QString text;
                    const int length = random.bounded(12);
                    for (int k = 0; k < length; ++k) {
                        // Mostly ASCII and controls, some of every plane, lone surrogates included.
                        const quint32 unit = random.bounded(3) ? random.bounded(0x80) : random.bounded(0x10000);
                        text.append(QChar(char16_t(unit)));
                    }
                    texts.append(text);
                    cells.append(QStringView(texts.constLast()));
                    break;
                }
                case 1:
                    cells.append(qint64(random.generate64()));
                    break;
                case 2: // any bit pattern: tiny, huge, subnormal, NaN and infinities
                    cells.append(std::bit_cast<double>(random.generate64()));
                    break;
                default:
                    cells.append(random.bounded(2) ? AuditCell(nullptr) : AuditCell(random.bounded(100000) / 64.0));
                    break;
                }
            }
            rows.append(cells);
        }
        QString why;
        QVERIFY2(tableAgrees({u"x", u"y", u"z"}, rows, &why), qPrintable(why));
    }

    void entryWithEncodedDetailsVerifiesFromItsText()
    {
        AuditTableWriter table({u"request_id", u"cost_usd"});
        QVERIFY(table.addRow({u"req-1", 0.000123}));
        QVERIFY(table.addRow({u"req-\"2\"", nullptr}));
        QList<AuditEntry> entries{fullEntry(), minimalEntry()};
        entries[1].details = {};
        entries[1].encodedDetails = table.finish();
        AuditAnchor head;
        QString error;
        QVERIFY2(chainAuditEntries(&head, &entries, &error), qPrintable(error));
        // The hash is over the canonical bytes, which are those of the object the stored text parses to.
        AuditEntry reread = entries[1];
        reread.details = QJsonDocument::fromJson(reread.encodedDetails.json).object();
        reread.encodedDetails = {};
        QCOMPARE(hashOf(reread), entries[1].entryHash);
        QCOMPARE(reread.details.value(u"rows"_s).toArray().at(1).toArray().at(0).toString(), u"req-\"2\""_s);
        // The export writes the parsed object, and verifies.
        const AuditVerifyResult r = verifyExport(exportOf(entries, {}, std::nullopt));
        QVERIFY2(r.ok(), qPrintable(r.summary(u"line")));
        QCOMPARE(r.entries, 2);
        // Details that disagree with their text are caught: the verifier hashes what the text says.
        entries[1].encodedDetails.json.replace("req-1", "req-9");
        QCOMPARE(verifyExport(exportOf(entries, {}, std::nullopt)).failure, AuditBreak::HashMismatch);
    }

    void exportRoundTripVerifies()
    {
        QList<AuditEntry> entries{fullEntry(), unicodeEntry(), minimalEntry()};
        entries[2].details = QJsonObject{{u"max"_s, std::numeric_limits<qint64>::max()},
                                         {u"min"_s, std::numeric_limits<qint64>::min()},
                                         {u"huge"_s, 1e300},
                                         {u"third"_s, 1.0 / 3},
                                         {u"negzero"_s, -0.0},
                                         {u"tiny"_s, 5e-324}};
        AuditAnchor head;
        QString error;
        QVERIFY2(chainAuditEntries(&head, &entries, &error), qPrintable(error));
        head.signatureHex = signAuditAnchor(kKey, head, AuditAnchorPurpose::Head);
        const QByteArray data = exportOf(entries, {}, head);

        // Every line parses back to the very entry.
        const QList<QByteArray> lines = data.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (int i = 0; i < 3; ++i) {
            const std::optional<AuditExportLine> line = parseAuditExportLine(lines.at(i + 1), &error);
            QVERIFY2(line, qPrintable(error));
            QCOMPARE(hashOf(line->entry), entries.at(i).entryHash);
        }
        AuditVerifyResult r = verifyExport(data, kKey);
        QVERIFY2(r.ok(), qPrintable(r.summary(u"line")));
        QCOMPARE(r.entries, 3);
        QCOMPARE(r.head.entryHash, head.entryHash);
        QVERIFY(verifyExport(data).ok());

        r = verifyExport(data, "wrong key");
        QCOMPARE(r.failure, AuditBreak::SignatureInvalid);
    }

    void tamperedExportNamesTheLine_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<int>("failure");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qint64>("sequence");
        // Line 1 is the head; entry n is on line n + 1.
        QTest::newRow("edited detail") << QByteArray("\"index\":4") << QByteArray("\"index\":5")
                                       << int(AuditBreak::HashMismatch) << qint64(6) << qint64(5);
        QTest::newRow("not JSON") << QByteArray("{\"action\":\"request.completed\",\"actor_ref\":\"\",\"actor_role\"")
                                  << QByteArray("{\"action\":") << int(AuditBreak::BadEncoding) << qint64(2)
                                  << qint64(0);
        QTest::newRow("unknown category")
            << QByteArray("\"category\":\"request\"") << QByteArray("\"category\":\"other\"")
            << int(AuditBreak::BadEncoding) << qint64(2) << qint64(1);
        QTest::newRow("short hash") << QByteArray("\"prev_hash\":\"00") << QByteArray("\"prev_hash\":\"")
                                    << int(AuditBreak::BadEncoding) << qint64(2) << qint64(1);
    }

    void tamperedExportNamesTheLine()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(int, failure);
        QFETCH(qint64, line);
        QFETCH(qint64, sequence);
        AuditAnchor head;
        const QList<AuditEntry> chain = makeChain(6, &head);
        QByteArray data = exportOf(chain, {}, head);
        const qsizetype at = data.indexOf(from);
        QVERIFY(at >= 0);
        data.replace(at, from.size(), to);
        const AuditVerifyResult r = verifyExport(data);
        QCOMPARE(int(r.failure), failure);
        QCOMPARE(r.location, line);
        QCOMPARE(r.sequence, sequence);
        QVERIFY(r.summary(u"line").startsWith(sequence > 0
                                                  ? u"broken at sequence %1 (line %2): "_s.arg(sequence).arg(line)
                                                  : u"broken at line %1: "_s.arg(line)));
    }

    void exportHeadCatchesRemovedAndAddedLines()
    {
        AuditAnchor head;
        const QList<AuditEntry> chain = makeChain(6, &head);
        // The last line removed: the export's own head says the chain went further.
        AuditVerifyResult r = verifyExport(exportOf(chain.mid(0, 5), {}, head));
        QCOMPARE(r.failure, AuditBreak::Truncated);
        // Lines appended past the head.
        const QList<AuditEntry> longer = makeChain(7);
        r = verifyExport(exportOf(longer, {}, head));
        QCOMPARE(r.failure, AuditBreak::AnchorMismatch);
        QCOMPARE(r.sequence, 7);
        // An anchor given on the command line.
        r = verifyExport(exportOf(chain, {}, {}), {}, {anchorOf(makeChain(8).at(7))});
        QCOMPARE(r.failure, AuditBreak::Truncated);
    }

    void exportWithCheckpointVerifies()
    {
        AuditAnchor head;
        const QList<AuditEntry> chain = makeChain(8, &head);
        AuditAnchor checkpoint = anchorOf(chain.at(2));
        checkpoint.signatureHex = signAuditAnchor(kKey, checkpoint, AuditAnchorPurpose::Checkpoint);
        head.signatureHex = signAuditAnchor(kKey, head, AuditAnchorPurpose::Head);
        const QByteArray data = exportOf(chain.mid(3), checkpoint, head);
        AuditVerifyResult r = verifyExport(data, kKey);
        QVERIFY2(r.ok(), qPrintable(r.summary(u"line")));
        QCOMPARE(r.entries, 5);

        // Header lines in the wrong place are refused.
        r = verifyExport(exportOf(chain, {}, head) + auditAnchorJsonLine(checkpoint, AuditAnchorPurpose::Checkpoint));
        QCOMPARE(r.failure, AuditBreak::BadEncoding);
        QCOMPARE(r.location, qint64(10));
        r = verifyExport(auditAnchorJsonLine(head, AuditAnchorPurpose::Head) + data);
        QCOMPARE(r.failure, AuditBreak::BadEncoding);
        QCOMPARE(r.location, 2);
    }

    void exportLinesAreStrict()
    {
        QString error;
        const QByteArray line = auditEntryJsonLine(makeChain(1).constFirst()).trimmed();
        QVERIFY(parseAuditExportLine(line, &error));
        QJsonObject object = QJsonDocument::fromJson(line).object();
        object.insert(u"extra"_s, 1);
        QVERIFY(!parseAuditExportLine(QJsonDocument(object).toJson(QJsonDocument::Compact), &error));
        QVERIFY(error.contains(u"extra"_s));
        object = QJsonDocument::fromJson(line).object();
        object.insert(u"version"_s, 2);
        QVERIFY(!parseAuditExportLine(QJsonDocument(object).toJson(QJsonDocument::Compact), &error));
        QVERIFY(error.contains(u"version"_s));
        object = QJsonDocument::fromJson(line).object();
        object.insert(u"entry_hash"_s, QString(64, u'A'));
        QVERIFY(!parseAuditExportLine(QJsonDocument(object).toJson(QJsonDocument::Compact), &error));
        object = QJsonDocument::fromJson(line).object();
        object.remove(u"request_id"_s);
        QVERIFY(!parseAuditExportLine(QJsonDocument(object).toJson(QJsonDocument::Compact), &error));
        QVERIFY(error.contains(u"missing"_s));
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"

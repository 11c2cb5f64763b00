// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The memory tier of the Responses API's conversation store: owners, expiry, deletion that a
// late database read cannot undo, and the byte budget with least-recently-used eviction.
#include "proxycore/store/conversationstore.h"

#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kNow = 1'767'225'600'000;

StoredResponsePtr response(const QString &id, const QString &owner = u"key:alice"_s, qint64 expiresMs = kNow + 1000,
                           qsizetype textBytes = 10)
{
    const QJsonArray input{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, QString(textBytes, u'x')}}};
    return StoredResponse::make(id, owner, u"m"_s, kNow, expiresMs, input, {},
                                QJsonObject{{u"id"_s, id}, {u"output"_s, QJsonArray{QJsonObject{{u"n"_s, 1}}}}});
}

} // namespace

class TestConversationStore : public QObject
{
    Q_OBJECT

private slots:
    void readableByItsOwnerOnly()
    {
        ConversationStore store;
        store.put(response(u"resp_a"_s));
        StoredResponsePtr found;
        QCOMPARE(store.find(u"resp_a"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Found);
        QCOMPARE(found->id, u"resp_a"_s);
        QCOMPARE(found->conversation().size(), 2); // the input item, then the output item
        QCOMPARE(store.find(u"resp_a"_s, u"key:bob"_s, kNow, &found), ConversationStore::Lookup::Absent);
        QCOMPARE(store.find(u"resp_other"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Unknown);
    }

    void expiredIsAbsent()
    {
        ConversationStore store;
        store.put(response(u"resp_a"_s, u"anonymous"_s, kNow + 10));
        StoredResponsePtr found;
        QCOMPARE(store.find(u"resp_a"_s, u"anonymous"_s, kNow + 10, &found), ConversationStore::Lookup::Absent);
        QCOMPARE(store.memoryEntries(), 0);
    }

    void deletionWinsOverALateRead()
    {
        ConversationStore store;
        store.put(response(u"resp_a"_s));
        store.remove(u"resp_a"_s);
        StoredResponsePtr found;
        QCOMPARE(store.find(u"resp_a"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Absent);
        // A database read started before the delete was written hands the row back: still deleted.
        store.remember(response(u"resp_a"_s));
        QCOMPARE(store.find(u"resp_a"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Absent);
        // An id deleted without ever being in memory (a row of an earlier run) is absent too.
        store.remove(u"resp_old"_s);
        QCOMPARE(store.find(u"resp_old"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Absent);
    }

    void budgetEvictsTheLeastRecentlyUsed()
    {
        const qint64 cost = response(u"resp_1"_s, u"key:alice"_s, kNow + 1000, 1000)->cost();
        ConversationStore store;
        store.setLimits(3 * cost, 60'000);
        for (int i = 1; i <= 3; ++i)
            store.put(response(u"resp_%1"_s.arg(i), u"key:alice"_s, kNow + 1000, 1000));
        QCOMPARE(store.memoryBytes(), 3 * cost);
        StoredResponsePtr found;
        // resp_1 is used, so resp_2 is the one to go when resp_4 arrives.
        QCOMPARE(store.find(u"resp_1"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Found);
        store.put(response(u"resp_4"_s, u"key:alice"_s, kNow + 1000, 1000));
        QCOMPARE(store.find(u"resp_2"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Unknown);
        for (const QString &id : {u"resp_1"_s, u"resp_3"_s, u"resp_4"_s})
            QCOMPARE(store.find(id, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Found);
        QVERIFY(store.memoryBytes() <= 3 * cost);
        // Larger than the whole budget: not kept in memory (a database keeps it).
        store.put(response(u"resp_big"_s, u"key:alice"_s, kNow + 1000, 4000));
        QCOMPARE(store.find(u"resp_big"_s, u"key:alice"_s, kNow, &found), ConversationStore::Lookup::Unknown);
        // A smaller budget evicts at once.
        store.setLimits(cost, 60'000);
        QCOMPARE(store.memoryEntries(), 1);
        QVERIFY(store.memoryBytes() <= cost);
    }

    void bodyReadsBack()
    {
        const StoredResponsePtr r = response(u"resp_a"_s);
        const StoredResponsePtr back =
            StoredResponse::fromRow(r->id, r->owner, r->model, r->createdMs, r->expiresMs, r->body);
        QVERIFY(back);
        QCOMPARE(back->input, r->input);
        QCOMPARE(back->response, r->response);
        QVERIFY(back->instructions.isNull());
        QVERIFY(!StoredResponse::fromRow(r->id, r->owner, r->model, 0, 0, "{\"input\":1}"));
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"

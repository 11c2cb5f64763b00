// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/observability/recordqueue.h"

#include <QTest>

using namespace llmproxy;

/// A worker's queue of finished-request records: bounded, and every record it has to drop is counted.
class TestRecordQueue : public QObject
{
    Q_OBJECT

private slots:
    void dropsAreCounted();
};

void TestRecordQueue::dropsAreCounted()
{
    RecordQueue queue;
    for (int i = 0; i < RecordQueue::Capacity + 5; ++i) {
        RequestRecord r;
        r.requestId = QString::number(i);
        queue.push(r);
    }
    quint64 dropped = 0;
    const QList<RequestRecord> kept = queue.takeAll(&dropped);
    QCOMPARE(dropped, quint64(5));
    QCOMPARE(kept.size(), RecordQueue::Capacity);
    QCOMPARE(kept.constFirst().requestId, QStringLiteral("5")); // the oldest went
    // The count starts again with each collection.
    queue.push({});
    QCOMPARE(queue.takeAll(&dropped).size(), 1);
    QCOMPARE(dropped, quint64(0));
}

QTEST_GUILESS_MAIN(TestRecordQueue)
#include "tst_recordqueue.moc"

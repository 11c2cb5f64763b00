// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// How the store puts finished requests on the audit ledger (docs/audit.md#in-the-running-gateway):
// served requests in requests.completed entries of one key and one outcome, at most 256 requests
// each, every request a row once; refusals an entry each; calls outside the inference APIs nothing;
// audit.requests: refused keeps only the refusals. Real SQLite, the store's own audit thread, then
// the chain read back and verified.
#include "proxycore/observability/requestrecord.h"
#include "proxycore/store/auditchain.h"
#include "proxycore/store/auditseal.h"
#include "proxycore/store/database.h"
#include "proxycore/store/sqlauditstore.h"
#include "proxycore/store/store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = QByteArrayLiteral("a ledger secret of enough bytes");
const QDateTime kT0 = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());

RequestRecord request(int i, const QString &key, int status, const QString &blockedBy = {})
{
    RequestRecord r;
    r.time = kT0.addMSecs(i);
    r.requestId = u"req-%1"_s.arg(i);
    r.method = u"POST"_s;
    r.route = u"/v1/chat/completions"_s;
    r.clientApi = u"chat_completions"_s;
    r.keyName = key;
    r.model = u"gpt-4o-mini"_s;
    r.endpoint = u"main"_s;
    r.status = status;
    r.blockedBy = blockedBy;
    r.error = status >= 400 ? u"upstream_error"_s : QString();
    r.costUsd = status < 400 ? 0.000125 * i : -1;
    return r;
}

/// Records `records` through a store on `path` with `mode`, then stops it (its audit thread drains
/// first) and returns the entries of the chain, which must verify.
QList<AuditEntry> recordAndRead(const QString &path, const QList<RequestRecord> &records, AuditRequests mode)
{
    DatabaseSettings settings;
    settings.sqlitePath = path;
    QString error;
    {
        std::unique_ptr<Store> store = Store::open(settings, {}, &error);
        if (!store) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        store->startAudit(kSecret, {}, u"gw-test"_s, 10'000);
        store->setAuditRequests(mode);
        store->recordRequests(records);
        store->stopReader();
    }
    DatabaseConnection connection(settings, u"audit-read"_s);
    SqlAuditStore chain(connection);
    std::optional<AuditSnapshot> snapshot;
    if (connection.open(&error))
        snapshot = chain.snapshot(&error);
    if (!snapshot) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    QList<AuditEntry> entries;
    while (const std::optional<AuditRow> row = snapshot->rows())
        entries.append(row->entry);
    snapshot.reset();
    const std::optional<AuditSnapshot> again = chain.snapshot(&error);
    if (!again || !verifyAuditChain(again->rows, {}).ok()) {
        qWarning("the chain does not verify");
        return {};
    }
    return entries;
}

} // namespace

class TestAuditGroups : public QObject
{
    Q_OBJECT

private slots:
    void servedRequestsAreGroupedPerKeyAndOutcome()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QList<RequestRecord> records;
        for (int i = 0; i < 600; ++i)
            records.append(request(i, u"alice"_s, 200));
        for (int i = 600; i < 603; ++i)
            records.append(request(i, u"alice"_s, 502));
        records.append(request(603, u"bob"_s, 200));
        records.append(request(604, u"bob"_s, 200));
        records.append(request(605, u"alice"_s, 403, u"firewall"_s));
        RequestRecord health = request(606, QString(), 200);
        health.clientApi.clear(); // not an inference request: no outcome on the ledger
        health.route = u"/health/ready"_s;
        records.append(health);

        const QList<AuditEntry> entries = recordAndRead(dir.filePath(u"store.db"_s), records, AuditRequests::All);
        QCOMPARE(entries.size(), 6); // alice ok 256 + 256 + 88, alice error 3, bob ok 2, one refusal

        std::map<QString, int> statusOf;   // request id -> status, from every row
        std::map<QString, int> timesSeen;  // request id -> rows naming it
        std::map<QString, qsizetype> rows; // "key/outcome" -> rows, summed over its entries
        for (const AuditEntry &e : entries) {
            QCOMPARE(e.category, AuditCategory::Request);
            if (e.action == u"request.blocked") {
                QCOMPARE(e.requestId, u"req-605"_s);
                QCOMPARE(e.details.value(u"blocked_by"_s).toString(), u"firewall"_s);
                QCOMPARE(e.actorRef, auditSubjectRef(kSecret, u"alice"_s));
                continue;
            }
            QCOMPARE(e.action, u"requests.completed"_s);
            QVERIFY(e.requestId.isEmpty());
            const QJsonArray columns = e.details.value(u"columns"_s).toArray();
            QCOMPARE(columns.size(), 10);
            QCOMPARE(columns.at(0).toString(), u"request_id"_s);
            QCOMPARE(columns.at(2).toString(), u"status"_s);
            const QJsonArray entryRows = e.details.value(u"rows"_s).toArray();
            QVERIFY(!entryRows.isEmpty());
            QVERIFY2(entryRows.size() <= 256, qPrintable(QString::number(entryRows.size())));
            const QString key = e.actorRef == auditSubjectRef(kSecret, u"alice"_s) ? u"alice"_s
                                : e.actorRef == auditSubjectRef(kSecret, u"bob"_s) ? u"bob"_s
                                                                                   : u"?"_s;
            qint64 newest = 0;
            for (const QJsonValue &value : entryRows) {
                const QJsonArray row = value.toArray();
                QCOMPARE(row.size(), 10);
                const QString id = row.at(0).toString();
                const int status = row.at(2).toInt();
                statusOf[id] = status;
                ++timesSeen[id];
                // One outcome per entry: ok rows below 400, error rows from 400.
                QCOMPARE(e.outcome, status >= 400 ? u"error"_s : u"ok"_s);
                newest = std::max(newest, row.at(1).toInteger());
            }
            QCOMPARE(e.timeMs, newest); // the entry's time is its newest request's
            rows[key + u'/' + e.outcome] += entryRows.size();
        }
        QCOMPARE(rows, (std::map<QString, qsizetype>{{u"alice/ok"_s, 600}, {u"alice/error"_s, 3}, {u"bob/ok"_s, 2}}));
        QCOMPARE(timesSeen.size(), std::size_t(605));
        for (const auto &[id, seen] : timesSeen)
            QCOMPARE(seen, 1);
        QCOMPARE(statusOf.at(u"req-601"_s), 502);
        QCOMPARE(statusOf.at(u"req-604"_s), 200);
        QVERIFY(!statusOf.count(u"req-605"_s)); // the refusal is its own entry
        QVERIFY(!statusOf.count(u"req-606"_s)); // the health check is not on the ledger
    }

    void refusedModeKeepsOnlyTheRefusals()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<AuditEntry> entries = recordAndRead(
            dir.filePath(u"store.db"_s),
            {request(1, u"alice"_s, 200), request(2, u"alice"_s, 403, u"injection"_s), request(3, u"bob"_s, 502)},
            AuditRequests::Refused);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, u"request.blocked"_s);
        QCOMPARE(entries.first().requestId, u"req-2"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuditGroups)
#include "tst_auditgroups.moc"

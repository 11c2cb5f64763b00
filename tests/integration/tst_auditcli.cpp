// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// `llmproxy audit verify --file` on exports the ledger wrote: a good export (also purged behind a
// signed checkpoint, also after an erasure) prints "ok: N entries, head <hash>" and exits 0; an
// edited line, a removed line and a forged signature exit 1 naming the first broken line; an
// anchor past the end reports truncation; bad usage exits 2. `--data-dir` (SQLite) and `--dsn-env` /
// `--dsn` (a real PostgreSQL server) verify the chain in a database the same way and name the first
// row changed in SQL.
#include "proxycore/store/auditledger.h"
#include "proxycore/store/migrations.h"
#include "proxycore/store/sqlauditstore.h"

#include "tests/support/proxyprocess.h"
#include "tests/support/testdatabases.h"

#include <QBuffer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = QByteArrayLiteral("ledger secret of at least 16 bytes");
const QString kKey = u"cli anchor key"_s;
constexpr qint64 kDay = 24 * 60 * 60 * 1000;
constexpr qint64 kStart = 1'767'225'600'000;

QString outputOf(const ProcessResult &r)
{
    return u"exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3"_s.arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

/// A ledger with `count` request entries a day apart, exported as JSON Lines.
struct ExportFixture
{
    MemoryAuditStore store;
    MemorySubjectKeyStore keys;
    AuditLedger ledger{&store, &keys, kSecret, kKey.toUtf8(), u"gw-1"_s};

    bool record(int count)
    {
        for (int i = 0; i < count; ++i) {
            AuditEvent event;
            event.timeMs = kStart + i * kDay;
            event.action = u"request.completed"_s;
            event.outcome = u"ok"_s;
            event.actor = i % 2 ? u"alice"_s : u"bob"_s;
            event.clientIp = u"203.0.113.9"_s;
            event.requestId = u"req-%1"_s.arg(i);
            event.details = QJsonObject{{u"model"_s, u"gpt-4o"_s}, {u"status"_s, 200}, {u"index"_s, i}};
            QString error;
            if (!ledger.record(event, &error))
                return false;
        }
        return true;
    }

    QByteArray exported()
    {
        QByteArray data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        QString error;
        return ledger.exportChain(&buffer, &error) ? data : QByteArray();
    }
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return file.fileName();
}

ProcessResult verify(const QString &path, const QStringList &extra = {}, const QMap<QString, QString> &env = {})
{
    return ProxyProcess::run(QStringList{u"audit"_s, u"verify"_s, u"--file"_s, path} + extra, env);
}

} // namespace

class TestAuditCli : public QObject
{
    Q_OBJECT

private slots:
    void goodExportVerifies()
    {
        ExportFixture f;
        QVERIFY(f.record(12));
        QTemporaryDir dir;
        const QString path = writeFile(dir, u"audit.jsonl"_s, f.exported());
        QString error;
        const QByteArray head = f.ledger.signedHead(&error)->entryHash.toHex();

        ProcessResult r = verify(path);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
        QVERIFY2(r.out.startsWith(QByteArray("ok: 12 entries, head " + head + " at sequence 12")),
                 qPrintable(outputOf(r)));

        r = verify(path, {}, {{u"LLM_PROXY_SIGNING_KEY"_s, kKey}});
        QVERIFY2(r.exitCode == 0, qPrintable(outputOf(r)));
        QVERIFY2(r.out.contains("signatures valid"), qPrintable(outputOf(r)));

        r = verify(path, {u"--anchor"_s, u"12:"_s + QString::fromLatin1(head)});
        QVERIFY2(r.exitCode == 0, qPrintable(outputOf(r)));
    }

    void purgedAndErasedExportVerifies()
    {
        ExportFixture f;
        QVERIFY(f.record(10));
        QString error;
        QVERIFY(f.ledger.eraseSubject(u"alice"_s, {kStart + 10 * kDay, u"admin"_s, u"admin"_s, {}, {}}, &error));
        QCOMPARE(f.ledger.purge(kStart + 10 * kDay, 5, {kStart + 10 * kDay, {}, u"system"_s, {}, {}}, &error),
                 std::optional<qint64>(5));
        QTemporaryDir dir;
        const QByteArray data = f.exported();
        QVERIFY(!data.contains("alice"));
        const ProcessResult r =
            verify(writeFile(dir, u"audit.jsonl"_s, data), {}, {{u"LLM_PROXY_SIGNING_KEY"_s, kKey}});
        QVERIFY2(r.exitCode == 0, qPrintable(outputOf(r)));
        // Days 5–9, the erasure and the purge record, after the checkpoint at sequence 5.
        QVERIFY2(r.out.startsWith("ok: 7 entries"), qPrintable(outputOf(r)));
        QVERIFY2(r.out.contains("from the checkpoint at sequence 5, signatures valid"), qPrintable(outputOf(r)));
    }

    void tamperedExportFails()
    {
        ExportFixture f;
        QVERIFY(f.record(8));
        const QByteArray good = f.exported();
        QTemporaryDir dir;

        // One changed detail in entry 4 (line 5: the head is line 1).
        QByteArray edited = good;
        const qsizetype at = edited.indexOf("\"index\":3");
        QVERIFY(at > 0);
        edited.replace(at, 9, "\"index\":9");
        ProcessResult r = verify(writeFile(dir, u"edited.jsonl"_s, edited));
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.startsWith("broken at sequence 4 (line 5): hash mismatch"), qPrintable(outputOf(r)));

        // Entry 6 removed.
        QList<QByteArray> lines = good.split('\n');
        lines.removeAt(6);
        r = verify(writeFile(dir, u"deleted.jsonl"_s, lines.join('\n')));
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.startsWith("broken at sequence 7 (line 7): gap in sequence"), qPrintable(outputOf(r)));

        // The last line removed: the export's head still says sequence 8.
        lines = good.trimmed().split('\n');
        lines.removeLast();
        r = verify(writeFile(dir, u"truncated.jsonl"_s, lines.join('\n')));
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.contains("truncated"), qPrintable(outputOf(r)));

        // Another key than the one that signed the head.
        r = verify(writeFile(dir, u"good.jsonl"_s, good), {}, {{u"LLM_PROXY_SIGNING_KEY"_s, u"another key"_s}});
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.contains("signature invalid"), qPrintable(outputOf(r)));

        // An anchor recorded later than this export's end.
        r = verify(dir.filePath(u"good.jsonl"_s), {u"--anchor"_s, u"9:"_s + QString(64, u'a')});
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.contains("truncated"), qPrintable(outputOf(r)));
    }

    void databaseChainVerifies_data() { TestDatabases::addBackends(); }
    void databaseChainVerifies()
    {
        LLMPROXY_FRESH_DATABASE(m_databases);
        // SQLite: the data directory's llmproxy.db, as the gateway keeps it.
        QTemporaryDir dataDir;
        DatabaseSettings database = settings;
        QStringList source{u"--dsn-env"_s, u"AUDIT_TEST_DSN"_s};
        if (database.dialect == SqlDialect::Sqlite) {
            database.sqlitePath = dataDir.filePath(u"llmproxy.db"_s);
            source = QStringList{u"--data-dir"_s, dataDir.path()};
        }
        const QMap<QString, QString> env{{u"AUDIT_TEST_DSN"_s, m_databases.lastConnectionString()},
                                         {u"LLM_PROXY_SIGNING_KEY"_s, kKey}};
        {
            DatabaseConnection connection(database, u"cli-test"_s);
            QString error;
            QVERIFY2(connection.open(&error), qPrintable(error));
            QCOMPARE(SchemaMigrator::migrate(connection, &error), MigrationOutcome::UpToDate);
            SqlAuditStore store(connection);
            SqlSubjectKeyStore keys(connection, kSecret);
            AuditLedger ledger(&store, &keys, kSecret, kKey.toUtf8(), u"gw-1"_s);
            for (int i = 0; i < 6; ++i) {
                AuditEvent event;
                event.timeMs = kStart + i * kDay;
                event.action = u"request.blocked"_s;
                event.outcome = u"blocked"_s;
                event.actor = u"alice"_s;
                event.details = QJsonObject{{u"status"_s, 403}, {u"index"_s, i}};
                QVERIFY2(ledger.record(event, &error), qPrintable(error));
            }
            QCOMPARE(ledger.purge(kStart + 6 * kDay, 4, {kStart + 6 * kDay, {}, u"system"_s, {}, {}}, &error),
                     std::optional<qint64>(2));
        }
        const QStringList command = QStringList{u"audit"_s, u"verify"_s} + source;
        ProcessResult r = ProxyProcess::run(command, env);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
        // Days 2–5 and the purge record, after the checkpoint at sequence 2, signed.
        QVERIFY2(r.out.startsWith("ok: 5 entries, head "), qPrintable(outputOf(r)));
        QVERIFY2(r.out.contains("at sequence 7, from the checkpoint at sequence 2, signatures valid"),
                 qPrintable(outputOf(r)));
        if (database.dialect == SqlDialect::Postgres) {
            r = ProxyProcess::run({u"audit"_s, u"verify"_s, u"--dsn"_s, m_databases.lastConnectionString()});
            QVERIFY2(r.exitCode == 0 && r.out.startsWith("ok: 5 entries"), qPrintable(outputOf(r)));
        }

        // A row edited in SQL is named by its sequence.
        {
            DatabaseConnection connection(database, u"cli-test"_s);
            QString error;
            QVERIFY2(connection.open(&error), qPrintable(error));
            QSqlQuery q(connection.database());
            QVERIFY(q.exec(u"UPDATE audit_log SET outcome = 'ok' WHERE sequence = 4"_s));
        }
        r = ProxyProcess::run(command, env);
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
        QVERIFY2(r.err.startsWith("broken at sequence 4 (row 4): hash mismatch"), qPrintable(outputOf(r)));
        // An anchor past the end: truncated.
        r = ProxyProcess::run(command + QStringList{u"--anchor"_s, u"9:"_s + QString(64, u'a')}, env);
        QVERIFY2(r.exitCode == 1, qPrintable(outputOf(r)));
    }

    void databaseUsageErrorsExitTwo()
    {
        QTemporaryDir empty;
        const QList<QStringList> calls{
            {u"audit"_s, u"verify"_s, u"--data-dir"_s, empty.path()},
            {u"audit"_s, u"verify"_s, u"--data-dir"_s, empty.path(), u"--file"_s, empty.filePath(u"x"_s)},
            {u"audit"_s, u"verify"_s, u"--dsn-env"_s, u"NO_SUCH_VARIABLE"_s},
            {u"audit"_s, u"verify"_s, u"--dsn"_s, u"mysql://nope"_s},
        };
        for (const QStringList &args : calls) {
            const ProcessResult r = ProxyProcess::run(args);
            QVERIFY2(r.finished && r.exitCode == 2, qPrintable(args.join(u' ') + u"\n"_s + outputOf(r)));
        }
        // A database from before the ledger (schema version 2) has nothing to verify.
        DatabaseSettings old;
        old.sqlitePath = empty.filePath(u"llmproxy.db"_s);
        {
            DatabaseConnection connection(old, u"cli-test"_s);
            QString error;
            QVERIFY2(connection.open(&error), qPrintable(error));
            QSqlQuery q(connection.database());
            QVERIFY(q.exec(u"CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                           u"applied_ms BIGINT NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO schema_version VALUES (2, 'old', 0)"_s));
        }
        const ProcessResult r = ProxyProcess::run({u"audit"_s, u"verify"_s, u"--data-dir"_s, empty.path()});
        QVERIFY2(r.exitCode == 2 && r.err.contains("no audit ledger"), qPrintable(outputOf(r)));
    }

    void usageErrorsExitTwo()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, u"empty.jsonl"_s, {});
        const QList<QStringList> calls{
            {u"audit"_s},
            {u"audit"_s, u"verify"_s},
            {u"audit"_s, u"check"_s, u"--file"_s, path},
            {u"audit"_s, u"verify"_s, u"--file"_s, dir.filePath(u"missing.jsonl"_s)},
            {u"audit"_s, u"verify"_s, u"--file"_s, path, u"--anchor"_s, u"seven"_s},
            {u"audit"_s, u"verify"_s, u"--file"_s, path, u"--key-env"_s, u"NO_SUCH_VARIABLE"_s},
        };
        for (const QStringList &args : calls) {
            const ProcessResult r = ProxyProcess::run(args);
            QVERIFY2(r.finished && r.exitCode == 2, qPrintable(args.join(u' ') + u"\n"_s + outputOf(r)));
        }
        const ProcessResult help = ProxyProcess::run({u"audit"_s, u"--help"_s});
        QVERIFY2(help.exitCode == 0 && help.out.contains("--anchor"), qPrintable(outputOf(help)));
        // An empty export is an empty chain.
        const ProcessResult empty = verify(path);
        QVERIFY2(empty.exitCode == 0 && empty.out.startsWith("ok: 0 entries"), qPrintable(outputOf(empty)));
    }

private:
    TestDatabases m_databases;
};

QTEST_GUILESS_MAIN(TestAuditCli)
#include "tst_auditcli.moc"

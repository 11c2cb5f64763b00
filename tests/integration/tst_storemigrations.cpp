// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Migrations of databases left by every earlier schema version (tests/integration/data/store/
// schema-vN.sql: the DDL as that version wrote it, with a few rows) to this build's, on SQLite and on
// a throwaway PostgreSQL server: the rows stay readable and usable (history, stored responses, a
// verifying audit chain, spend rollups, saved run-time changes). A database of a newer version is
// refused, untouched.
#include "proxycore/store/auditledger.h"
#include "proxycore/store/cachetable.h"
#include "proxycore/store/endpointstatstable.h"
#include "proxycore/store/featuresfile.h"
#include "proxycore/store/migrations.h"
#include "proxycore/store/sqlauditstore.h"
#include "proxycore/store/store.h"
#include "tests/support/testdatabases.h"

#include <QTest>
#include <QTimeZone>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

/// The ledger secret the audit rows of the fixtures were written with.
const QByteArray kFixtureSecret = "fixture-ledger-secret-0123456789";
/// The fixtures' stored response expires in 2100.
constexpr qint64 kFixtureNow = 1'767'225'600'000;

QString fixturePath(int version)
{
    return qEnvironmentVariable("LLMPROXY_SOURCE_DIR") + u"/tests/integration/data/store/schema-v%1.sql"_s.arg(version);
}

/// The tables of the database, sorted.
QStringList tablesOf(const DatabaseSettings &settings)
{
    DatabaseConnection c(settings, u"tables"_s);
    QString error;
    if (!c.open(&error))
        return {u"cannot open: "_s + error};
    QStringList tables = c.database().tables();
    tables.sort();
    return tables;
}

} // namespace

class TestStoreMigrations : public QObject
{
    Q_OBJECT

private slots:
    void migratesEveryEarlierVersion_data();
    void migratesEveryEarlierVersion();
    void refusesANewerSchemaUntouched_data() { TestDatabases::addBackends(); }
    void refusesANewerSchemaUntouched();

private:
    TestDatabases m_databases;
};

void TestStoreMigrations::migratesEveryEarlierVersion_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("version");
    for (const QString &backend : {u"sqlite"_s, u"postgres"_s}) {
        for (int version = 1; version <= SchemaMigrator::latestVersion(); ++version)
            QTest::addRow("%s-v%d", qPrintable(backend), version) << backend << version;
    }
}

void TestStoreMigrations::migratesEveryEarlierVersion()
{
    LLMPROXY_FRESH_DATABASE(m_databases);
    QFETCH(int, version);
    // Every earlier version has its fixture (docs/storage.md, "Adding a table"); this build's own
    // version may have one too (it then opens with no step applied).
    if (version == SchemaMigrator::latestVersion() && !QFile::exists(fixturePath(version)))
        QSKIP("no fixture of this build's own schema version");
    QString error;
    QVERIFY2(loadSqlFixture(settings, fixturePath(version), &error), qPrintable(error));
    QCOMPARE(scalar(settings, u"SELECT MAX(version) FROM schema_version"_s).toInt(), version);
    const qint64 historyBefore = scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toLongLong();
    QCOMPARE(historyBefore, 3);

    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(scalar(settings, u"SELECT MAX(version) FROM schema_version"_s).toInt(), SchemaMigrator::latestVersion());
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
             int(SchemaMigrator::migrations().size()));

    // The history: the old rows read as written, newest first; a new row goes after them.
    RequestRecord fresh;
    fresh.time = QDateTime::fromMSecsSinceEpoch(kFixtureNow + 86'400'000, QTimeZone::utc());
    fresh.requestId = u"new-1"_s;
    fresh.keyName = u"ci"_s;
    fresh.clientApi = u"chat_completions"_s;
    fresh.model = u"gpt-4o-mini"_s;
    fresh.status = 200;
    fresh.costUsd = 0.25;
    store->recordRequests({fresh});
    QTRY_COMPARE(store->status().writer.written, quint64(1));
    RequestHistory history(settings);
    HistoryFilter byKey;
    byKey.key = u"ci"_s;
    const std::optional<HistoryPage> page = history.query(byKey, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.size(), 3);
    QCOMPARE(page->rows[0].record.requestId, u"new-1"_s);
    QCOMPARE(page->rows[1].record.requestId, u"old-2"_s);
    QCOMPARE(page->rows[1].record.blockedBy, u"firewall"_s);
    const RequestRecord &old = page->rows[2].record;
    QCOMPARE(old.requestId, u"old-1"_s);
    QCOMPARE(old.time, QDateTime::fromMSecsSinceEpoch(kFixtureNow, QTimeZone::utc()));
    QCOMPARE(old.promptTokens, 12);
    QCOMPARE(old.completionTokens, 34);
    QCOMPARE(old.ttftMs, 240.0);
    QVERIFY(page->rows[0].id > page->rows[1].id);
    history.close();

    // Stored responses (version 3): the fixture's is still readable by its owner.
    if (version >= 3) {
        ResponseTable responses(settings);
        const std::optional<StoredResponsePtr> found = responses.find(u"resp_fixture"_s, kFixtureNow, &error);
        QVERIFY2(found, qPrintable(error));
        QVERIFY(*found);
        QCOMPARE((*found)->owner, u"key:ci"_s);
        QCOMPARE((*found)->instructions, u"be brief"_s);
        responses.close();
    }

    // The audit chain (version 4) verifies, and takes a new entry after its old ones.
    {
        DatabaseConnection connection(settings, u"audit"_s);
        QVERIFY2(connection.open(&error), qPrintable(error));
        SqlAuditStore auditStore(connection);
        SqlSubjectKeyStore keys(connection, kFixtureSecret);
        AuditLedger ledger(&auditStore, &keys, kFixtureSecret, {}, u"gw-test"_s);
        AuditEvent event;
        event.timeMs = kFixtureNow + 3'600'000;
        event.category = AuditCategory::Admin;
        event.action = u"config.reloaded"_s;
        event.outcome = u"ok"_s;
        event.actor = u"admin"_s;
        event.actorRole = u"admin"_s;
        QVERIFY2(ledger.record(event, &error), qPrintable(error));
        const std::optional<AuditVerifyResult> verified = ledger.verify({}, &error);
        QVERIFY2(verified, qPrintable(error));
        QVERIFY2(verified->ok(), qPrintable(verified->summary()));
        QCOMPARE(verified->entries, version >= 4 ? 4 : 1);
    }

    // Spend (version 5): the fixture's day reads back, and the new request's day (the next) was added to.
    {
        DatabaseConnection connection(settings, u"spend"_s);
        QVERIFY2(connection.open(&error), qPrintable(error));
        const std::optional<double> oldDay = SpendRollup::dayCost(connection, QDate(2026, 1, 1), &error);
        QVERIFY2(oldDay, qPrintable(error));
        QCOMPARE(*oldDay, version >= 5 ? 0.5002 : 0.0);
        const std::optional<double> newDay = SpendRollup::dayCost(connection, fresh.time.date(), &error);
        QVERIFY2(newDay, qPrintable(error));
        QCOMPARE(*newDay, 0.25);
    }

    // The response cache (version 6): the kept answer reads back into a memory cache.
    {
        ResponseCache cache(1);
        CacheTable::Loaded loaded;
        QVERIFY2(CacheTable::load(settings, cache, 0, kFixtureNow, 0, 100, 1 << 20, &loaded, &error),
                 qPrintable(error));
        QCOMPARE(loaded.restored, version >= 6 ? 1 : 0);
        QCOMPARE(loaded.skipped, 0);
    }

    // Bodies (version 7): the kept bodies of old-1 read back; none before.
    {
        RequestHistory bodiesReader(settings);
        const std::optional<std::pair<QString, QString>> bodies = bodiesReader.bodies(u"old-1"_s, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(bodies.has_value(), version >= 7);
        if (bodies)
            QVERIFY(bodies->first.contains(u"[EMAIL]"_s));
        bodiesReader.close();
    }

    // Run-time changes (version 8): the saved guard switches read back; none before.
    FeaturesFile features(QString(), store.get());
    QHash<QString, bool> switches;
    QString message;
    QVERIFY2(features.load(&switches, &message), qPrintable(message));
    QHash<QString, bool> savedSwitches;
    if (version >= 8)
        savedSwitches.insert(u"firewall"_s, false);
    QCOMPARE(switches, savedSwitches);

    // Endpoint statistics (version 9) take rows.
    EndpointStatsRow stats;
    stats.instanceId = u"gw-test"_s;
    stats.endpoint = u"openai"_s;
    stats.breakerState = u"closed"_s;
    QVERIFY(store->enqueue(EndpointStatsTable::writeFor({stats}), "test"));
    QTRY_VERIFY2(store->status().writer.written == 2, qPrintable(store->status().writer.reason));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM endpoint_stats"_s).toInt(), version >= 9 ? 2 : 1);

    // The shared budgets' counters (version 10) take rows.
    QVERIFY(execute(
        settings, u"INSERT INTO budget_counters (scope_kind, scope_name, budget_window, window_start, gateway, "
                  u"spent_nano, reserved_nano, renewed_ms) VALUES ('key', 'ci', 'day', '2026-01-02', '', 5, 0, 0)"_s));
    QCOMPARE(scalar(settings, u"SELECT SUM(spent_nano) FROM budget_counters"_s).toInt(), 5);
}

void TestStoreMigrations::refusesANewerSchemaUntouched()
{
    LLMPROXY_FRESH_DATABASE(m_databases);
    QString error;
    QVERIFY2(loadSqlFixture(settings, fixturePath(SchemaMigrator::latestVersion() >= 5 ? 5 : 1), &error),
             qPrintable(error));
    const int newer = SchemaMigrator::latestVersion() + 1;
    QVERIFY(execute(
        settings,
        u"INSERT INTO schema_version (version, name, applied_ms) VALUES (%1, 'from the future', 0)"_s.arg(newer)));
    const QStringList tablesBefore = tablesOf(settings);
    const qint64 versionsBefore = scalar(settings, u"SELECT COUNT(*) FROM schema_version"_s).toLongLong();

    QVERIFY(!Store::open(settings, {}, &error));
    QVERIFY2(error.contains(u"newer than this build"_s), qPrintable(error));
    QVERIFY2(error.contains(u"schema version %1"_s.arg(newer)), qPrintable(error));
    QVERIFY2(error.contains(settings.describe()), qPrintable(error));

    // Nothing was added or changed: no table of a later step, no step recorded, the rows as they were.
    QCOMPARE(tablesOf(settings), tablesBefore);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM schema_version"_s).toLongLong(), versionsBefore);
    QCOMPARE(scalar(settings, u"SELECT MAX(version) FROM schema_version"_s).toInt(), newer);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_storemigrations.moc"

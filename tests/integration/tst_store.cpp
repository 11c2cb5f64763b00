// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The store (proxycore/store) against both backends: SQLite in a temporary file and a throwaway
// PostgreSQL server (tests/support/postgrescluster.h; its rows are skipped with a clear message
// when the server binaries are missing). Migrations from empty (the fixtures of every earlier
// version and a newer schema are tst_storemigrations'), request-history writes, filters and paging, batching, the
// bounded queue, a locked and a full SQLite database, a PostgreSQL restart, a writer killed with
// SIGKILL, and a real gateway that keeps serving while its database is locked.
#include "proxycore/engine/engine.h"
#include "proxycore/store/budgetfile.h"
#include "proxycore/store/endpointstatstable.h"
#include "proxycore/store/migrations.h"
#include "proxycore/store/store.h"
#include "tests/support/httpclient.h"
#include "tests/support/inprocessengine.h"
#include "tests/support/mockupstreamprocess.h"
#include "tests/support/postgrescluster.h"
#include "tests/support/testdatabases.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(8, 0), QTimeZone::utc());

/// Request `i` of the history tests: keys, models, statuses and errors vary with i.
RequestRecord sampleRecord(int i)
{
    RequestRecord r;
    r.time = kT0.addSecs(i);
    r.requestId = u"req-%1"_s.arg(i);
    r.method = u"POST"_s;
    r.route = u"/v1/chat/completions"_s;
    r.clientApi = u"chat_completions"_s;
    r.keyName = i % 3 == 0 ? u"alpha"_s : u"beta"_s;
    r.model = i % 2 ? u"gpt-a"_s : u"gpt-b"_s;
    r.servedModel = r.model;
    r.provider = u"openai"_s;
    r.endpoint = u"main"_s;
    r.attempts = 1;
    r.latencyMs = 100 + i;
    r.overheadMs = 1.25;
    if (i % 10 == 0) {
        r.status = 502;
        r.error = u"upstream_error"_s;
    } else if (i % 7 == 0) {
        r.status = 403;
        r.error = u"request_blocked"_s;
        r.blockedBy = u"firewall"_s;
    } else {
        r.status = 200;
        r.promptTokens = 10 + i;
        r.completionTokens = 20 + i;
        r.costUsd = 0.001 * i;
        r.ttftMs = 50 + i;
        r.stream = i % 4 == 0;
    }
    return r;
}

/// Restores the file-size limit and SIGXFSZ however the test ends.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { lift(); }
    void lift()
    {
        if (m_lifted)
            return;
        m_lifted = true;
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_previousHandler);
    }

private:
    rlimit m_saved{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_lifted = false;
};

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void migratesAnEmptyDatabase_data() { addBackends(); }
    void migratesAnEmptyDatabase();
    void storesResponses_data() { addBackends(); }
    void storesResponses();
    void writesAndQueriesHistory_data() { addBackends(); }
    void writesAndQueriesHistory();
    void pagesThroughEveryRowOnce_data() { addBackends(); }
    void pagesThroughEveryRowOnce();
    void writesInBatches_data() { addBackends(); }
    void writesInBatches();
    void writesManyRowsPerWrite_data() { addBackends(); }
    void writesManyRowsPerWrite();
    void fullQueueDropsAndCounts_data() { addBackends(); }
    void fullQueueDropsAndCounts();
    void refusedWriteIsRejectedNotBlocking_data() { addBackends(); }
    void refusedWriteIsRejectedNotBlocking();
    void lockedDatabaseDegradesThenRecovers();
    void fullDiskDegradesThenRecovers();
    void postgresRestartDegradesThenRecovers();
    void killDuringWritesLosesAtMostTheUnflushedBatch_data() { addBackends(); }
    void killDuringWritesLosesAtMostTheUnflushedBatch();
    void gatewayServesWhileTheStoreIsDegraded();
    void spendRollupsMatchTheHistory_data() { addBackends(); }
    void spendRollupsMatchTheHistory();
    void twoStoresAddToOneGroupExactly_data() { addBackends(); }
    void twoStoresAddToOneGroupExactly();
    void budgetRestoresFromSpendAndImportsTheFileOnce_data() { addBackends(); }
    void budgetRestoresFromSpendAndImportsTheFileOnce();
    void keyAndTeamBudgetsRestoreFromSpend_data() { addBackends(); }
    void keyAndTeamBudgetsRestoreFromSpend();
    void analyticsOverHttp();
    void bodiesAreKeptMaskedOnlyWithLogBodies();
    void gatewayKeepsRuntimeChangesInTheDatabase();
    void endpointStatsAreReplacedPerGateway_data() { addBackends(); }
    void endpointStatsAreReplacedPerGateway();
    void gatewayWritesEndpointStats();

private:
    static void addBackends() { TestDatabases::addBackends(); }
    /// A started gateway on `dataDir` with one endpoint at `mockUrl` serving store-chat and the admin
    /// key adm-store-test; `serverYaml` goes inside server:, `extraYaml` at the top level.
    std::unique_ptr<Engine> startGateway(const QString &dataDir, const QString &mockUrl, const QByteArray &serverYaml,
                                         const QByteArray &extraYaml, QString *error);

    TestDatabases m_databases;
};

/// Declares `settings`: a new database of the row's backend (see LLMPROXY_FRESH_DATABASE).
#define FRESH_DATABASE() LLMPROXY_FRESH_DATABASE(m_databases)

void TestStore::initTestCase()
{
    QVERIFY(m_databases.directory().isValid());
    QStandardPaths::setTestModeEnabled(true);
}

std::unique_ptr<Engine> TestStore::startGateway(const QString &dataDir, const QString &mockUrl,
                                                const QByteArray &serverYaml, const QByteArray &extraYaml,
                                                QString *error)
{
    ProxyConfig proxy;
    EndpointSpec endpoint;
    endpoint.baseUrl = mockUrl;
    endpoint.models = {u"store-chat"_s};
    endpoint.apiKey = u"sk-upstream"_s;
    proxy.endpoints = {endpoint};
    proxy.serverYaml = serverYaml;
    proxy.extraYaml = "routing:\n  health: {interval_s: 0}\n" + extraYaml;
    ConfigSources sources;
    if (!loadIsolatedConfig(dataDir, proxy.toYaml(), &sources, error))
        return nullptr;
    sources.environment.insert(u"LLM_PROXY_ADMIN_KEYS"_s, u"adm-store-test"_s);
    const ConfigLoadResult loaded = loadConfig(sources);
    if (!loaded.ok()) {
        *error = loaded.errors.isEmpty() ? u"the configuration did not load"_s : loaded.errors.first().toString();
        return nullptr;
    }
    auto engine = std::make_unique<Engine>(std::make_shared<const Config>(*loaded.config), sources);
    engine->setDataDirectory(dataDir);
    if (!engine->start(error))
        return nullptr;
    return engine;
}

void TestStore::migratesAnEmptyDatabase()
{
    FRESH_DATABASE();
    QString error;
    {
        std::unique_ptr<Store> store = Store::open(settings, {}, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(!store->status().writer.degraded);
    }
    QCOMPARE(scalar(settings, u"SELECT MAX(version) FROM schema_version"_s).toInt(), SchemaMigrator::latestVersion());
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 0);
    // Opened again: nothing is applied twice.
    DatabaseConnection c(settings, u"test"_s);
    QVERIFY(c.open(&error));
    int applied = -1;
    QCOMPARE(SchemaMigrator::migrate(c, &error, &applied), MigrationOutcome::UpToDate);
    QCOMPARE(applied, 0);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM schema_version"_s).toInt(),
             int(SchemaMigrator::migrations().size()));
}

void TestStore::storesResponses()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    const qint64 now = 1'767'225'600'000;
    const QJsonArray input{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"caf\u00e9 \"quoted\""_s}}};
    const QJsonObject response{{u"id"_s, u"resp_a"_s}, {u"object"_s, u"response"_s}, {u"output"_s, QJsonArray{}}};
    const auto make = [&](const QString &id, const QString &owner, qint64 expiresMs) {
        return StoredResponse::make(id, owner, u"m"_s, now, expiresMs, input, u"be brief"_s, response);
    };
    // Written twice (a batch applied again replaces the row), one deleted, one expired and purged.
    QVERIFY(store->enqueue(ResponseTable::writeFor(make(u"resp_a"_s, u"key:alice"_s, now + 1000)), "test"));
    QVERIFY(store->enqueue(ResponseTable::writeFor(make(u"resp_a"_s, u"key:alice"_s, now + 2000)), "test"));
    QVERIFY(store->enqueue(ResponseTable::writeFor(make(u"resp_b"_s, u"key:bob"_s, now + 1000)), "test"));
    QVERIFY(store->enqueue(ResponseTable::deleteFor(u"resp_b"_s), "test"));
    QVERIFY(store->enqueue(ResponseTable::writeFor(make(u"resp_c"_s, u"anonymous"_s, now - 1)), "test"));
    QVERIFY(store->enqueue(ResponseTable::purgeFor(now), "test"));
    QTRY_COMPARE(store->status().writer.written, quint64(6));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM responses"_s).toInt(), 1);

    ResponseTable table(settings);
    const std::optional<StoredResponsePtr> a = table.find(u"resp_a"_s, now, &error);
    QVERIFY2(a, qPrintable(error));
    QVERIFY(*a);
    QCOMPARE((*a)->owner, u"key:alice"_s);
    QCOMPARE((*a)->model, u"m"_s);
    QCOMPARE((*a)->createdMs, now);
    QCOMPARE((*a)->expiresMs, now + 2000);
    QCOMPARE((*a)->input, input);
    QCOMPARE((*a)->instructions, u"be brief"_s);
    QCOMPARE((*a)->response, response);
    // Expired by the clock of the read, deleted, never written: none.
    QCOMPARE(table.find(u"resp_a"_s, now + 2000, &error), std::optional<StoredResponsePtr>(nullptr));
    QCOMPARE(table.find(u"resp_b"_s, now, &error), std::optional<StoredResponsePtr>(nullptr));
    QCOMPARE(table.find(u"resp_z"_s, now, &error), std::optional<StoredResponsePtr>(nullptr));
}

void TestStore::writesAndQueriesHistory()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    QList<RequestRecord> records;
    for (int i = 1; i <= 300; ++i)
        records.append(sampleRecord(i));
    store->recordRequests(records);
    QTRY_COMPARE(store->status().writer.written, quint64(300));

    RequestHistory history(settings);
    const auto count = [&](HistoryFilter f) -> qint64 {
        f.withTotal = true;
        f.limit = 1;
        const std::optional<HistoryPage> page = history.query(f, &error);
        if (!page) {
            qWarning("%s", qPrintable(error));
            return -1;
        }
        return *page->total;
    };
    const auto expected = [&](const std::function<bool(const RequestRecord &)> &match) {
        return qint64(std::count_if(records.cbegin(), records.cend(), match));
    };
    QCOMPARE(count({}), 300);
    HistoryFilter f;
    f.key = u"alpha"_s;
    QCOMPARE(count(f), 100);
    f = {};
    f.model = u"gpt-a"_s;
    QCOMPARE(count(f), 150);
    f = {};
    f.statusClass = 5;
    QCOMPARE(count(f), expected([](const RequestRecord &r) { return r.status >= 500; }));
    f = {};
    f.status = 403;
    const qint64 refused = expected([](const RequestRecord &r) { return r.status == 403; });
    QCOMPARE(count(f), refused);
    f = {};
    f.blockedOnly = true;
    QCOMPARE(count(f), refused);
    f = {};
    f.text = u"req-42"_s;
    QCOMPARE(count(f), 1);
    f.text = u"UPSTREAM"_s; // a part of the error code, any case
    QCOMPARE(count(f), expected([](const RequestRecord &r) { return r.error == u"upstream_error"; }));
    f.text = u"50%"_s; // LIKE's own characters are taken literally
    QCOMPARE(count(f), 0);
    f = {};
    f.from = kT0.addSecs(100);
    f.to = kT0.addSecs(200);
    QCOMPARE(count(f), 100);
    f.key = u"alpha"_s;
    QCOMPARE(count(f), expected([](const RequestRecord &r) {
                 return r.keyName == u"alpha" && r.time >= kT0.addSecs(100) && r.time < kT0.addSecs(200);
             }));

    // A row reads back as it was written, newest first.
    f = {};
    f.text = u"req-12"_s;
    std::optional<HistoryPage> page = history.query(f, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.size(), 1);
    const RequestRecord &r = page->rows[0].record;
    const RequestRecord w = sampleRecord(12);
    QCOMPARE(r.time, w.time);
    QCOMPARE(r.keyName, w.keyName);
    QCOMPARE(r.clientApi, w.clientApi);
    QCOMPARE(r.model, w.model);
    QCOMPARE(r.provider, w.provider);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.promptTokens, w.promptTokens);
    QCOMPARE(r.completionTokens, w.completionTokens);
    QCOMPARE(r.costUsd, w.costUsd);
    QCOMPARE(r.ttftMs, w.ttftMs);
    QCOMPARE(r.stream, true);
    QCOMPARE(page->rows[0].team, QString());
    f.text = u"req-10"_s;
    page = history.query(f, &error);
    QVERIFY2(page && page->rows.size() == 1, qPrintable(error));
    QCOMPARE(page->rows[0].record.promptTokens, -1); // unknown stays unknown
    QCOMPARE(page->rows[0].record.costUsd, -1.0);
    QCOMPARE(page->rows[0].record.ttftMs, -1.0);
    page = history.query({}, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->rows.first().record.requestId, u"req-300"_s);
    history.close();
}

void TestStore::pagesThroughEveryRowOnce()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    QList<RequestRecord> records;
    for (int i = 1; i <= 300; ++i) {
        RequestRecord r = sampleRecord(i);
        r.time = kT0.addSecs(i / 4); // four rows share each time: the id breaks the tie
        records.append(r);
    }
    store->recordRequests(records);
    QTRY_COMPARE(store->status().writer.written, quint64(300));

    RequestHistory history(settings);
    HistoryFilter f;
    f.limit = 128;
    QSet<QString> seen;
    int pages = 0;
    std::pair<qint64, qint64> previous{std::numeric_limits<qint64>::max(), 0};
    do {
        const std::optional<HistoryPage> page = history.query(f, &error);
        QVERIFY2(page, qPrintable(error));
        ++pages;
        for (const HistoryRow &row : page->rows) {
            const std::pair<qint64, qint64> at{row.record.time.toMSecsSinceEpoch(), row.id};
            QVERIFY2(at < previous, "rows come newest first, each once");
            previous = at;
            seen.insert(row.record.requestId);
        }
        f.cursor = page->nextCursor;
    } while (!f.cursor.isEmpty());
    QCOMPARE(pages, 3);
    QCOMPARE(seen.size(), 300);
    f.cursor = u"nonsense"_s;
    QVERIFY(!history.query(f, &error));
    history.close();
}

void TestStore::writesInBatches()
{
    FRESH_DATABASE();
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error)); // migrates
    StoreWriterOptions options;
    options.maxBatch = 500;
    StoreWriter writer(settings, options, true);
    for (int i = 1; i <= 1200; ++i)
        QVERIFY(writer.enqueue(RequestHistory::writeFor(sampleRecord(i))));
    QCOMPARE(writer.status().queueDepth, 1200);
    writer.start();
    QTRY_COMPARE(writer.status().written, quint64(1200));
    QCOMPARE(writer.status().batches, quint64(3)); // 500 + 500 + 200, one transaction each
    QCOMPARE(writer.status().queueDepth, 0);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 1200);
}

void TestStore::writesManyRowsPerWrite()
{
    FRESH_DATABASE();
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error));
    StoreWriterOptions options;
    options.queueCapacity = 300;
    options.maxBatch = 100;
    StoreWriter writer(settings, options, true);
    QList<RequestRecord> records;
    for (int i = 1; i <= 301; ++i)
        records.append(sampleRecord(i));
    // 255 rows: INSERTs of 128, 64, 32, 16, 8, 4, 2 and 1 rows; 45 rows: 32, 8, 4 and 1.
    QVERIFY(writer.enqueue(RequestHistory::writeFor(records.mid(0, 255)), "test rows", 255));
    QVERIFY(writer.enqueue(RequestHistory::writeFor(records.mid(255, 45)), "test rows", 45));
    QCOMPARE(writer.status().queueDepth, 300);
    // The queue counts rows: no room for one more.
    QVERIFY(!writer.enqueue(RequestHistory::writeFor(records.at(300)), "test rows", 1));
    QCOMPARE(writer.status().dropped, quint64(1));
    writer.start();
    QTRY_COMPARE(writer.status().written, quint64(300));
    // The write of 255 rows goes alone although it exceeds maxBatch; writes are never split.
    QCOMPARE(writer.status().batches, quint64(2));
    QCOMPARE(scalar(settings, u"SELECT COUNT(DISTINCT request_id) FROM request_history"_s).toInt(), 300);
    qint64 latency = 0, costed = 0, streamed = 0;
    for (const RequestRecord &r : records.mid(0, 300)) {
        latency += qint64(r.latencyMs);
        costed += r.costUsd >= 0 ? 1 : 0;
        streamed += r.stream ? 1 : 0;
    }
    QCOMPARE(scalar(settings, u"SELECT SUM(latency_ms) FROM request_history"_s).toLongLong(), latency);
    QCOMPARE(scalar(settings, u"SELECT COUNT(cost_usd) FROM request_history"_s).toLongLong(), costed);
    QCOMPARE(scalar(settings, u"SELECT SUM(stream) FROM request_history"_s).toLongLong(), streamed);
    // Rows keep the order of the records, within a statement and across them.
    QCOMPARE(
        scalar(settings, u"SELECT request_id FROM request_history WHERE id = (SELECT MIN(id) FROM request_history)"_s)
            .toString(),
        u"req-1"_s);
    QCOMPARE(
        scalar(settings, u"SELECT request_id FROM request_history WHERE id = (SELECT MAX(id) FROM request_history)"_s)
            .toString(),
        u"req-300"_s);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history a JOIN request_history b ON b.id > a.id "
                              u"AND b.ts_ms < a.ts_ms"_s)
                 .toInt(),
             0);
}

void TestStore::fullQueueDropsAndCounts()
{
    FRESH_DATABASE();
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error));
    StoreWriterOptions options;
    options.queueCapacity = 100;
    StoreWriter writer(settings, options, true);
    int accepted = 0;
    for (int i = 1; i <= 150; ++i)
        accepted += writer.enqueue(RequestHistory::writeFor(sampleRecord(i)), "test rows") ? 1 : 0;
    QCOMPARE(accepted, 100);
    QCOMPARE(writer.status().dropped, quint64(50));
    QCOMPARE(writer.status().queueDepth, 100);
    writer.start();
    QTRY_COMPARE(writer.status().written, quint64(100));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 100);
    // Room again once written.
    QVERIFY(writer.enqueue(RequestHistory::writeFor(sampleRecord(151))));
    QTRY_COMPARE(writer.status().written, quint64(101));
}

void TestStore::refusedWriteIsRejectedNotBlocking()
{
    FRESH_DATABASE();
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error));
    StoreWriterOptions options;
    options.retryInitialMs = 10;
    options.retryMaxMs = 50;
    StoreWriter writer(settings, options, true);
    for (int i = 1; i <= 5; ++i)
        writer.enqueue(RequestHistory::writeFor(sampleRecord(i)));
    // A write the database refuses whatever happens (a NOT NULL column left NULL).
    writer.enqueue([](WriteContext &context) {
        QSqlQuery *q =
            context.prepared(u"INSERT INTO request_history (ts_ms, request_id, status) VALUES (1, NULL, 200)"_s);
        return q && context.exec(*q);
    });
    const bool sqlite = settings.dialect == SqlDialect::Sqlite;
    if (sqlite) {
        // The same through SQLite's own API, as the history's rows are written: classified alike.
        writer.enqueue([](WriteContext &context) {
            sqlite3_stmt *s =
                context.sqlitePrepared(u"INSERT INTO request_history (ts_ms, request_id, status) VALUES (2, ?, 200)"_s);
            if (!s)
                return false;
            sqlite3_bind_null(s, 1);
            return context.step(s);
        });
    }
    for (int i = 6; i <= 10; ++i)
        writer.enqueue(RequestHistory::writeFor(sampleRecord(i)));
    writer.start();
    QTRY_COMPARE(writer.status().written, quint64(10));
    QCOMPARE(writer.status().rejected, quint64(sqlite ? 2 : 1));
    QVERIFY(!writer.status().degraded);
    QCOMPARE(writer.status().queueDepth, 0);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 10);
}

void TestStore::lockedDatabaseDegradesThenRecovers()
{
    DatabaseSettings settings;
    settings.sqlitePath = m_databases.directory().filePath(u"locked.db"_s);
    settings.busyTimeoutMs = 50;
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error));
    StoreWriterOptions options;
    options.retryInitialMs = 20;
    options.retryMaxMs = 200;
    StoreWriter writer(settings, options, true);
    writer.start();

    DatabaseConnection locker(settings, u"locker"_s);
    QVERIFY(locker.open(&error));
    QSqlQuery lock(locker.database());
    QVERIFY2(lock.exec(u"BEGIN EXCLUSIVE"_s), qPrintable(lock.lastError().text()));
    for (int i = 1; i <= 10; ++i)
        writer.enqueue(RequestHistory::writeFor(sampleRecord(i)));
    QTRY_VERIFY(writer.status().degraded);
    QVERIFY2(writer.status().reason.contains(u"locked"_s), qPrintable(writer.status().reason));
    QCOMPARE(writer.status().written, quint64(0));
    QCOMPARE(writer.status().queueDepth, 10); // kept, not lost

    QVERIFY(lock.exec(u"ROLLBACK"_s));
    QTRY_COMPARE(writer.status().written, quint64(10));
    QVERIFY(!writer.status().degraded);
    QVERIFY(writer.status().retries >= 1);
    QCOMPARE(writer.status().dropped, quint64(0));
}

void TestStore::fullDiskDegradesThenRecovers()
{
    DatabaseSettings settings;
    settings.sqlitePath = m_databases.directory().filePath(u"full.db"_s);
    QString error;
    QVERIFY2(Store::open(settings, {}, &error), qPrintable(error));
    StoreWriterOptions options;
    options.retryInitialMs = 20;
    options.retryMaxMs = 200;
    StoreWriter writer(settings, options, true);
    writer.start();
    writer.enqueue(RequestHistory::writeFor(sampleRecord(1)));
    QTRY_COMPARE(writer.status().written, quint64(1));
    QVERIFY(execute(settings, u"PRAGMA wal_checkpoint(TRUNCATE)"_s));

    // Files may grow to 256 KiB from here on: the rows below need more.
    FileSizeLimit limit(qMax<qint64>(QFileInfo(settings.sqlitePath).size(), 0) + 256 * 1024);
    const QString bulky(4000, u'x');
    for (int i = 2; i <= 200; ++i) {
        RequestRecord r = sampleRecord(i);
        r.error = bulky + QString::number(i);
        writer.enqueue(RequestHistory::writeFor(r));
    }
    QTRY_VERIFY(writer.status().degraded);
    QVERIFY(!writer.status().reason.isEmpty());
    QVERIFY(writer.status().written < 200);
    limit.lift();
    QTRY_COMPARE(writer.status().written, quint64(200));
    QVERIFY(!writer.status().degraded);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 200);
    QCOMPARE(scalar(settings, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

void TestStore::postgresRestartDegradesThenRecovers()
{
    const std::optional<DatabaseSettings> maybe = m_databases.fresh(u"postgres"_s);
    if (!maybe && PostgresCluster::binDirectory().isEmpty())
        QSKIP(qPrintable(u"needs a PostgreSQL server: "_s + m_databases.problem()));
    QVERIFY2(maybe, qPrintable(u"PostgreSQL is installed but did not start: "_s + m_databases.problem()));
    const DatabaseSettings &settings = *maybe;
    PostgresCluster *const postgres = m_databases.postgres();
    QString error;
    StoreWriterOptions options;
    options.retryInitialMs = 50;
    options.retryMaxMs = 500;
    std::unique_ptr<Store> store = Store::open(settings, options, &error);
    QVERIFY2(store, qPrintable(error));
    QList<RequestRecord> first;
    for (int i = 1; i <= 5; ++i)
        first.append(sampleRecord(i));
    store->recordRequests(first);
    QTRY_COMPARE(store->status().writer.written, quint64(5));

    QVERIFY2(postgres->stop(), qPrintable(postgres->errorString()));
    QList<RequestRecord> second;
    for (int i = 6; i <= 25; ++i)
        second.append(sampleRecord(i));
    store->recordRequests(second);
    QTRY_VERIFY_WITH_TIMEOUT(store->status().writer.degraded, 30'000);
    QCOMPARE(store->status().writer.queueDepth, 20);

    QVERIFY2(postgres->start(), qPrintable(postgres->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(store->status().writer.written, quint64(25), 30'000);
    QVERIFY(!store->status().writer.degraded);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 25);
}

void TestStore::killDuringWritesLosesAtMostTheUnflushedBatch()
{
    FRESH_DATABASE();
    const QString probe = qEnvironmentVariable("LLMPROXY_STORE_PROBE");
    QVERIFY2(QFileInfo::exists(probe), "LLMPROXY_STORE_PROBE names the llmproxy-store-probe binary (set by CTest)");
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(probe,
            settings.dialect == SqlDialect::Sqlite
                ? QStringList{u"--sqlite"_s, settings.sqlitePath}
                : QStringList{u"--postgres"_s, m_databases.postgres()->connectionString(settings.postgres.database)});
    QVERIFY2(p.waitForStarted(10'000), qPrintable(p.errorString()));
    quint64 reported = 0;
    QDeadlineTimer deadline(60'000);
    while (reported < 3000 && !deadline.hasExpired() && p.state() == QProcess::Running) {
        p.waitForReadyRead(1000);
        while (p.canReadLine()) {
            const QByteArray line = p.readLine().trimmed();
            if (line.startsWith("written "))
                reported = line.mid(8).toULongLong();
        }
    }
    QVERIFY2(reported >= 3000, "the probe reports its commits");
    p.kill(); // SIGKILL, in the middle of writing
    QVERIFY(p.waitForFinished(10'000));
    // Whatever it printed after the last read was also committed before the kill.
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        if (line.startsWith("written "))
            reported = line.mid(8).toULongLong();
    }

    QString error;
    std::unique_ptr<Store> reopened = Store::open(settings, {}, &error); // the database opens and migrates again
    QVERIFY2(reopened, qPrintable(error));
    const qint64 rows = scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toLongLong();
    QVERIFY2(quint64(rows) >= reported, qPrintable(u"%1 rows, %2 reported committed"_s.arg(rows).arg(reported)));
    // Rows are committed whole batches: none is half-written.
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history WHERE request_id = '' OR status <> 200"_s).toInt(),
             0);
    if (settings.dialect == SqlDialect::Sqlite)
        QCOMPARE(scalar(settings, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
}

void TestStore::gatewayServesWhileTheStoreIsDegraded()
{
    MockUpstreamProcess mock{{u"--models"_s, u"store-chat"_s}};
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    std::unique_ptr<Engine> engine = startEngineInDirectory(dir.path(), mock.baseUrl(), u"store-chat"_s,
                                                            {{u"LLM_PROXY_ADMIN_KEYS"_s, u"adm-store-test"_s}}, &error);
    QVERIFY2(engine, qPrintable(error));
    const QUrl base(engine->listenUrl());
    const auto chat = [&] {
        return HttpClient::postJson(
            base.resolved(QUrl(u"/v1/chat/completions"_s)),
            QJsonObject{{u"model"_s, u"store-chat"_s},
                        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}});
    };
    const auto history = [&](const QString &query) {
        return HttpClient::get(base.resolved(QUrl(u"/api/v1/requests"_s + query)), bearer("adm-store-test"));
    };
    const auto health = [&] { return HttpClient::get(base.resolved(QUrl(u"/health/ready"_s))).json(); };

    HttpResponse r = chat();
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(history(u"?total=true"_s).json().value(u"total"_s).toInt(), 1);
    const QJsonObject row = history({}).json().value(u"requests"_s).toArray().first().toObject();
    QCOMPARE(row.value(u"client_api"_s).toString(), u"chat_completions"_s);
    QCOMPARE(row.value(u"model"_s).toString(), u"store-chat"_s);
    QCOMPARE(row.value(u"status"_s).toInt(), 200);
    QCOMPARE(row.value(u"endpoint"_s).toString(), u"mock"_s);
    QVERIFY(!row.value(u"provider"_s).toString().isEmpty());
    QVERIFY(row.value(u"ttft_ms"_s).toDouble() > 0);
    QCOMPARE(health().value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(history(u"?limit=5000"_s).status, 400);
    QCOMPARE(history(u"?colour=blue"_s).status, 400);
    QCOMPARE(HttpClient::get(base.resolved(QUrl(u"/api/v1/requests"_s))).status, 401);

    // Another connection holds the write lock: the writer cannot commit.
    DatabaseSettings settings;
    settings.sqlitePath = dir.filePath(u"llmproxy.db"_s);
    DatabaseConnection locker(settings, u"locker"_s);
    QVERIFY(locker.open(&error));
    QSqlQuery lock(locker.database());
    QVERIFY(lock.exec(u"BEGIN EXCLUSIVE"_s));
    r = chat();
    QCOMPARE(r.status, 200); // requests keep flowing
    QTRY_COMPARE_WITH_TIMEOUT(health().value(u"status"_s).toString(), u"degraded"_s, 30'000);
    const QJsonObject store = health().value(u"store"_s).toObject();
    QCOMPARE(store.value(u"state"_s).toString(), u"degraded"_s);
    QVERIFY2(store.value(u"reason"_s).toString().contains(u"locked"_s),
             qPrintable(store.value(u"reason"_s).toString()));
    QCOMPARE(chat().status, 200);
    QCOMPARE(history({}).status, 200); // readers are not blocked by the write lock (WAL)

    QVERIFY(lock.exec(u"ROLLBACK"_s));
    QTRY_COMPARE_WITH_TIMEOUT(health().value(u"status"_s).toString(), u"ok"_s, 30'000);
    QTRY_COMPARE(history(u"?model=store-chat&total=true"_s).json().value(u"total"_s).toInt(), 3);
    // The refused admin calls above are in the history too, as errors.
    QCOMPARE(history(u"?status=4xx&total=true"_s).json().value(u"total"_s).toInt(), 3);
    QCOMPARE(health().value(u"store"_s).toObject().value(u"dropped"_s).toInt(), 0);
    QVERIFY(stopEngine(engine));
}

void TestStore::spendRollupsMatchTheHistory()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    const QTimeZone berlin("Europe/Berlin");
    store->setSpendTimeZone(berlin);
    QList<RequestRecord> records;
    for (int i = 1; i <= 300; ++i)
        records.append(sampleRecord(i));
    // 23:30 UTC is the next day in Berlin.
    RequestRecord late = sampleRecord(301);
    late.time = QDateTime(QDate(2026, 3, 1), QTime(23, 30), QTimeZone::utc());
    late.status = 200;
    late.error.clear();
    late.blockedBy.clear();
    late.promptTokens = 7;
    late.completionTokens = 9;
    late.costUsd = 0.5;
    late.costEstimated = true;
    late.servedModel = u"gpt-a-2026"_s;
    records.append(late);
    RequestRecord admin; // an admin call: in the history, not in the rollups
    admin.time = kT0;
    admin.requestId = u"admin-1"_s;
    admin.method = u"GET"_s;
    admin.route = u"/api/v1/requests"_s;
    admin.status = 401;
    records.append(admin);
    // Three batches, as the engine's collections would hand them over.
    store->recordRequests(records.mid(0, 100));
    store->recordRequests(records.mid(100, 100));
    store->recordRequests(records.mid(200));
    QTRY_COMPARE(store->status().writer.written, quint64(records.size()));
    QCOMPARE(store->status().writer.rejected, quint64(0));

    const QString inference = u" FROM request_history WHERE client_api <> ''"_s;
    QCOMPARE(scalar(settings, u"SELECT SUM(requests) FROM spend_daily"_s).toLongLong(),
             scalar(settings, u"SELECT COUNT(*)"_s + inference).toLongLong());
    QCOMPARE(scalar(settings, u"SELECT SUM(prompt_tokens) FROM spend_daily"_s).toLongLong(),
             scalar(settings, u"SELECT SUM(prompt_tokens)"_s + inference).toLongLong());
    QCOMPARE(scalar(settings, u"SELECT SUM(completion_tokens) FROM spend_daily"_s).toLongLong(),
             scalar(settings, u"SELECT SUM(completion_tokens)"_s + inference).toLongLong());
    const double historyCost = scalar(settings, u"SELECT SUM(cost_usd)"_s + inference).toDouble();
    const double spendCost = scalar(settings, u"SELECT SUM(cost_usd) FROM spend_daily"_s).toDouble();
    QVERIFY2(std::abs(historyCost - spendCost) < 1e-9, qPrintable(u"%1 vs %2"_s.arg(historyCost).arg(spendCost)));
    QVERIFY(historyCost > 1.0);
    // One row per distinct (day, key, model, provider, endpoint): 2 keys × 2 models on the 1st,
    // the late request on the 2nd (Berlin), under the model that served it.
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM spend_daily"_s).toInt(), 5);
    QCOMPARE(scalar(settings, u"SELECT requests FROM spend_daily WHERE day = '2026-03-02'"_s).toInt(), 1);
    QCOMPARE(scalar(settings, u"SELECT model FROM spend_daily WHERE day = '2026-03-02'"_s).toString(), u"gpt-a-2026"_s);
    QCOMPARE(scalar(settings, u"SELECT estimated_cost_usd FROM spend_daily WHERE day = '2026-03-02'"_s).toDouble(),
             late.costUsd);

    // The queries of the analytics API, per key and per day.
    SpendRollup spend(settings);
    SpendQuery byKey;
    byKey.from = QDate(2026, 3, 1);
    byKey.to = QDate(2026, 3, 2);
    byKey.groupBy = {SpendDimension::Key};
    std::optional<QList<SpendRow>> rows = spend.query(byKey, &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).values, QStringList{u"alpha"_s});
    QCOMPARE(rows->at(0).amounts.requests,
             qint64(std::count_if(records.cbegin(), records.cend(),
                                  [](const RequestRecord &r) { return r.keyName == u"alpha"; })));
    SpendQuery byDayAndModel = byKey;
    byDayAndModel.groupBy = {SpendDimension::Day, SpendDimension::Model};
    rows = spend.query(byDayAndModel, &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->size(), 3);
    QCOMPARE(rows->at(2).values, (QStringList{u"2026-03-02"_s, u"gpt-a-2026"_s}));
    byKey.from = QDate(2026, 3, 2);
    rows = spend.query(byKey, &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->size(), 1);
    const std::optional<std::map<QDate, double>> daily = spend.dailyCost(QDate(2026, 2, 1), QDate(2026, 3, 31), &error);
    QVERIFY2(daily, qPrintable(error));
    QCOMPARE(daily->size(), size_t(2));
    QVERIFY(std::abs(daily->at(QDate(2026, 3, 1)) + daily->at(QDate(2026, 3, 2)) - spendCost) < 1e-9);
    spend.close();
}

void TestStore::twoStoresAddToOneGroupExactly()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> first = Store::open(settings, {}, &error);
    QVERIFY2(first, qPrintable(error));
    std::unique_ptr<Store> second = Store::open(settings, {}, &error);
    QVERIFY2(second, qPrintable(error));
    // Two gateways on one database add to the same group at the same time: each upsert adds to the
    // row as it is then, so none is lost. Binary fractions keep the sum exact in floating point.
    constexpr int kBatches = 200;
    for (int i = 0; i < kBatches; ++i) {
        for (Store *store : {first.get(), second.get()}) {
            RequestRecord r = sampleRecord(1);
            r.requestId = u"shared-%1"_s.arg(i);
            r.promptTokens = 3;
            r.completionTokens = 5;
            r.costUsd = 0.125;
            store->recordRequests({r, r});
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(first->status().writer.written, quint64(2 * kBatches), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(second->status().writer.written, quint64(2 * kBatches), 30'000);
    QCOMPARE(first->status().writer.rejected + second->status().writer.rejected, quint64(0));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM spend_daily"_s).toInt(), 1);
    QCOMPARE(scalar(settings, u"SELECT requests FROM spend_daily"_s).toLongLong(), qint64(4 * kBatches));
    QCOMPARE(scalar(settings, u"SELECT prompt_tokens FROM spend_daily"_s).toLongLong(), qint64(12 * kBatches));
    QCOMPARE(scalar(settings, u"SELECT completion_tokens FROM spend_daily"_s).toLongLong(), qint64(20 * kBatches));
    QCOMPARE(scalar(settings, u"SELECT cost_usd FROM spend_daily"_s).toDouble(), 0.5 * kBatches);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history"_s).toInt(), 4 * kBatches);
}

void TestStore::budgetRestoresFromSpendAndImportsTheFileOnce()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    BudgetConfig config;
    config.dailyLimit = 10.0;
    config.timezone = u"Asia/Tokyo"_s;
    // 08:00 UTC on 2026-03-01 is 17:00 in Tokyo: that day's spend counts, the day before's not.
    const qint64 now = kT0.toMSecsSinceEpoch() + 3'600'000;
    store->setSpendTimeZone(QTimeZone("Asia/Tokyo"));
    RequestRecord today = sampleRecord(1);
    today.costUsd = 0.25;
    RequestRecord yesterday = sampleRecord(2);
    yesterday.time = kT0.addDays(-1);
    yesterday.costUsd = 4.0;
    store->recordRequests({today, yesterday});
    QTRY_COMPARE(store->status().writer.written, quint64(2));

    // A budget.json of a gateway that ran without spend_daily: imported once, then renamed.
    QTemporaryDir dir;
    const QString budgetJson = dir.filePath(u"budget.json"_s);
    QFile file(budgetJson);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"date":"2026-03-01","spent_usd":1.5,"spent_nano_usd":1500000000})");
    file.close();
    BudgetLedger ledger(config);
    QString message;
    QVERIFY2(store->restoreBudget(ledger, budgetJson, now, &message), qPrintable(message));
    QVERIFY2(message.contains(u"imported"_s), qPrintable(message));
    QCOMPARE(ledger.spentToday(now), 1.75);
    QVERIFY(!QFile::exists(budgetJson));
    QVERIFY(QFile::exists(budgetJson + u".imported"_s));

    // The next start reads the same total and imports nothing again.
    BudgetLedger restarted(config);
    QVERIFY2(store->restoreBudget(restarted, budgetJson, now, &message), qPrintable(message));
    QVERIFY2(!message.contains(u"imported"_s), qPrintable(message));
    QCOMPARE(restarted.spentToday(now), 1.75);
    QCOMPARE(restarted.total().day, QDate(1970, 1, 1).daysTo(QDate(2026, 3, 1)));
}

void TestStore::keyAndTeamBudgetsRestoreFromSpend()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    // Spend of alice (team research) and bob (team research) on 1 and 15 March and 28 February.
    const auto spend = [](int i, const QString &key, const QDateTime &time, double usd) {
        RequestRecord r = sampleRecord(i);
        r.keyName = key;
        r.team = u"research"_s;
        r.time = time;
        r.costUsd = usd;
        return r;
    };
    const QDateTime march15 = kT0.addDays(14);
    store->recordRequests({spend(1, u"alice"_s, kT0, 0.5), spend(2, u"alice"_s, march15, 0.25),
                           spend(3, u"bob"_s, march15, 0.125), spend(4, u"alice"_s, kT0.addDays(-1), 4.0)});
    QTRY_COMPARE(store->status().writer.written, quint64(4));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM request_history WHERE team = 'research'"_s).toInt(), 4);

    BudgetConfig config;
    config.keys.insert(u"alice"_s, {1.0, 2.0, 0.0});
    config.teams.insert(u"research"_s, {0.0, 5.0, 0.0});
    ScopeBudgets budgets;
    const qint64 now = march15.toMSecsSinceEpoch() + 3'600'000;
    budgets.configure(config, now);
    QString message;
    QVERIFY2(store->restoreScopeBudgets(budgets, now, &message), qPrintable(message));
    QVERIFY2(message.contains(u"key alice"_s), qPrintable(message));
    QMap<QString, qint64> spent; // "<kind> <name> <window>" → nano-dollars
    for (const BudgetWindowStatus &s : budgets.statuses(now))
        spent.insert(s.scope.kindName() + u' ' + s.scope.name +
                         (s.window == BudgetWindow::Daily ? u" day"_s : u" month"_s),
                     s.spentNano);
    QCOMPARE(spent.value(u"key alice day"_s), 250'000'000);
    QCOMPARE(spent.value(u"key alice month"_s), 750'000'000); // February's 4 USD is not this month's
    QCOMPARE(spent.value(u"team research day"_s), 375'000'000);
    QCOMPARE(spent.value(u"team research month"_s), 875'000'000);
}

void TestStore::analyticsOverHttp()
{
    MockUpstreamProcess mock{{u"--models"_s, u"store-chat"_s}};
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray kBerlinBudget = "budget:\n  daily_limit: 100\n  timezone: Europe/Berlin\n";
    const QTimeZone berlin("Europe/Berlin");
    const QDate today = BudgetLedger::dateAt(QDateTime::currentMSecsSinceEpoch(), berlin);
    // A budget.json of an earlier version: imported into spend_daily at the first start.
    QFile budgetJson(dir.filePath(u"budget.json"_s));
    QVERIFY(budgetJson.open(QIODevice::WriteOnly));
    budgetJson.write(
        u"{\"date\":\"%1\",\"spent_usd\":2,\"spent_nano_usd\":2000000000}"_s.arg(today.toString(Qt::ISODate)).toUtf8());
    budgetJson.close();
    QString error;
    std::unique_ptr<Engine> engine = startGateway(dir.path(), mock.baseUrl(), {}, kBerlinBudget, &error);
    QVERIFY2(engine, qPrintable(error));
    QVERIFY(QFile::exists(dir.filePath(u"budget.json.imported"_s)));
    QUrl base(engine->listenUrl());
    const auto get = [&](const QString &path) {
        return HttpClient::get(base.resolved(QUrl(u"/api/v1/analytics/"_s + path)), bearer("adm-store-test"));
    };
    for (int i = 0; i < 3; ++i) {
        const HttpResponse r = HttpClient::postJson(
            base.resolved(QUrl(u"/v1/chat/completions"_s)),
            QJsonObject{{u"model"_s, u"store-chat"_s},
                        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}});
        QCOMPARE(r.status, 200);
    }
    const auto modelRow = [&](const QJsonObject &answer) {
        for (const QJsonValue &row : answer.value(u"rows"_s).toArray()) {
            if (row.toObject().value(u"model"_s).toString() == u"store-chat")
                return row.toObject();
        }
        return QJsonObject();
    };
    QTRY_COMPARE(modelRow(get(u"spend?group_by=model"_s).json()).value(u"requests"_s).toInt(), 3);
    HttpResponse r = get(u"spend?group_by=model"_s);
    QCOMPARE(r.status, 200);
    QJsonObject answer = r.json();
    QCOMPARE(answer.value(u"to"_s).toString(), today.toString(Qt::ISODate));
    QCOMPARE(answer.value(u"from"_s).toString(), today.addDays(-29).toString(Qt::ISODate));
    QCOMPARE(answer.value(u"group_by"_s).toArray(), QJsonArray{u"model"_s});
    // The imported total is a row with no model, no requests.
    QCOMPARE(answer.value(u"rows"_s).toArray().size(), 2);
    const QJsonObject totals = answer.value(u"totals"_s).toObject();
    QCOMPARE(totals.value(u"requests"_s).toInt(), 3);
    const QJsonArray history =
        HttpClient::get(base.resolved(QUrl(u"/api/v1/requests?model=store-chat"_s)), bearer("adm-store-test"))
            .json()
            .value(u"requests"_s)
            .toArray();
    QCOMPARE(history.size(), 3);
    double historyCost = 0;
    qint64 historyPrompt = 0;
    for (const QJsonValue &row : history) {
        historyCost += row.toObject().value(u"cost_usd"_s).toDouble();
        historyPrompt += row.toObject().value(u"prompt_tokens"_s).toInteger();
    }
    const QJsonObject chatRow = modelRow(answer);
    QVERIFY(std::abs(chatRow.value(u"cost_usd"_s).toDouble() - historyCost) < 1e-9);
    QCOMPARE(chatRow.value(u"prompt_tokens"_s).toInteger(), historyPrompt);
    QVERIFY(std::abs(totals.value(u"cost_usd"_s).toDouble() - (historyCost + 2.0)) < 1e-9);

    r = get(u"spend?from=%1&to=%1&group_by=day,key"_s.arg(today.toString(Qt::ISODate)));
    QCOMPARE(r.status, 200);
    for (const QJsonValue &row : r.json().value(u"rows"_s).toArray()) {
        QCOMPARE(row.toObject().value(u"day"_s).toString(), today.toString(Qt::ISODate));
        QVERIFY(row.toObject().contains(u"key"_s));
    }
    r = get(u"spend?from=2020-01-01&to=2020-01-31"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"rows"_s).toArray().size(), 0);
    QCOMPARE(r.json().value(u"totals"_s).toObject().value(u"requests"_s).toInt(), 0);

    for (const QString &bad : {u"spend?group_by=colour"_s, u"spend?group_by=day,key,model"_s,
                               u"spend?group_by=day,day"_s, u"spend?from=2026-13-01"_s, u"spend?from=yesterday"_s,
                               u"spend?from=2026-03-02&to=2026-03-01"_s, u"spend?colour=blue"_s, u"budget?days=3"_s}) {
        r = get(bad);
        QVERIFY2(r.status == 400, qPrintable(bad + u": "_s + r.describe()));
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"invalid_parameter"_s);
    }
    QVERIFY(get(u"spend?group_by=colour"_s)
                .json()
                .value(u"error"_s)
                .toObject()
                .value(u"message"_s)
                .toString()
                .contains(u"colour"_s));
    QCOMPARE(HttpClient::get(base.resolved(QUrl(u"/api/v1/analytics/spend"_s))).status, 401);
    QCOMPARE(HttpClient::get(base.resolved(QUrl(u"/api/v1/analytics/budget"_s))).status, 401);

    r = get(u"budget"_s);
    QCOMPARE(r.status, 200);
    answer = r.json();
    QCOMPARE(answer.value(u"timezone"_s).toString(), u"Europe/Berlin"_s);
    QCOMPARE(answer.value(u"date"_s).toString(), today.toString(Qt::ISODate));
    QCOMPARE(answer.value(u"state"_s).toString(), u"ok"_s);
    QCOMPARE(answer.value(u"daily_limit_usd"_s).toDouble(), 100.0);
    QVERIFY(answer.value(u"soft_limit_usd"_s).isNull());
    // The imported 2 USD and the three requests: the ledger and spend_daily agree.
    const double spentToday = answer.value(u"spent_today_usd"_s).toDouble();
    QVERIFY2(std::abs(spentToday - (2.0 + historyCost)) < 1e-6, qPrintable(QString::number(spentToday)));
    const QString expectedReset =
        QDateTime::fromMSecsSinceEpoch(BudgetLedger::nextMidnight(QDateTime::currentMSecsSinceEpoch(), berlin), berlin)
            .toString(Qt::ISODate);
    QCOMPARE(answer.value(u"resets_at"_s).toString(), expectedReset);
    QVERIFY2(expectedReset.endsWith(u"+01:00"_s) || expectedReset.endsWith(u"+02:00"_s), qPrintable(expectedReset));
    const QJsonObject forecast = answer.value(u"forecast"_s).toObject();
    QVERIFY(std::abs(forecast.value(u"month_to_date_usd"_s).toDouble() - spentToday) < 1e-6);
    QCOMPARE(forecast.value(u"average_daily_usd"_s).toDouble(), 0.0); // nothing before today
    QCOMPARE(forecast.value(u"month_end_usd"_s).toDouble(), forecast.value(u"month_to_date_usd"_s).toDouble());
    QCOMPARE(forecast.value(u"days_left"_s).toInt(),
             int(today.daysTo(QDate(today.year(), today.month(), today.daysInMonth()))));
    QVERIFY(stopEngine(engine));

    // A restart reads today's total back from spend_daily.
    engine = startGateway(dir.path(), mock.baseUrl(), {}, kBerlinBudget, &error);
    QVERIFY2(engine, qPrintable(error));
    base = QUrl(engine->listenUrl());
    QVERIFY(std::abs(get(u"budget"_s).json().value(u"spent_today_usd"_s).toDouble() - spentToday) < 1e-6);

    // A reload moves the budget's day to another zone at once; an unknown zone is refused.
    QByteArray currentZone = "Europe/Berlin";
    const auto rewriteZone = [&](const QByteArray &zone) {
        QFile config(dir.filePath(u"config.yaml"_s));
        if (!config.open(QIODevice::ReadOnly))
            return false;
        QByteArray yaml = config.readAll();
        config.close();
        const QByteArray before = "timezone: " + currentZone;
        const QByteArray after = "timezone: " + zone;
        yaml.replace(before, after);
        currentZone = zone;
        return config.open(QIODevice::WriteOnly | QIODevice::Truncate) && config.write(yaml) == yaml.size();
    };
    QVERIFY(rewriteZone("Asia/Tokyo"));
    QString message;
    QVERIFY2(engine->reload(&message), qPrintable(message));
    answer = get(u"budget"_s).json();
    QCOMPARE(answer.value(u"timezone"_s).toString(), u"Asia/Tokyo"_s);
    QVERIFY2(answer.value(u"resets_at"_s).toString().endsWith(u"T00:00:00+09:00"_s),
             qPrintable(answer.value(u"resets_at"_s).toString()));
    QVERIFY(rewriteZone("Mars/Olympus"));
    QVERIFY(!engine->reload(&message));
    QVERIFY2(message.contains(u"budget.timezone: expected an IANA time zone name"_s), qPrintable(message));
    QCOMPARE(get(u"budget"_s).json().value(u"timezone"_s).toString(), u"Asia/Tokyo"_s);
    QVERIFY(rewriteZone("Europe/Berlin"));
    QVERIFY(stopEngine(engine));

    // Without storage: 503 for both.
    engine = startGateway(dir.path(), mock.baseUrl(), "  storage:\n    enabled: false\n", kBerlinBudget, &error);
    QVERIFY2(engine, qPrintable(error));
    base = QUrl(engine->listenUrl());
    for (const QString &path : {u"spend"_s, u"budget"_s}) {
        r = get(path);
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"storage_disabled"_s);
    }
    QVERIFY(stopEngine(engine));
}

void TestStore::bodiesAreKeptMaskedOnlyWithLogBodies()
{
    MockUpstreamProcess mock{{u"--models"_s, u"store-chat"_s}};
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    for (const bool logBodies : {false, true}) {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString error;
        std::unique_ptr<Engine> engine = startEngineInDirectory(
            dir.path(), mock.baseUrl(), u"store-chat"_s, {{u"LLM_PROXY_ADMIN_KEYS"_s, u"adm-store-test"_s}}, &error,
            logBodies ? "logging:\n  log_bodies: true\n" : "");
        QVERIFY2(engine, qPrintable(error));
        const QUrl base(engine->listenUrl());
        const QString text = u"write to jane.doe@example.org, card 4111 1111 1111 1111"_s;
        const HttpResponse r = HttpClient::postJson(
            base.resolved(QUrl(u"/v1/chat/completions"_s)),
            QJsonObject{{u"model"_s, u"store-chat"_s},
                        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, text}}}}});
        QCOMPARE(r.status, 200);
        const QString id = QString::fromLatin1(r.header("x-llmproxy-request-id"));
        QTRY_COMPARE(engine->store()->status().writer.written, quint64(logBodies ? 2 : 1));
        const HttpResponse kept =
            HttpClient::get(base.resolved(QUrl(u"/api/v1/requests/%1/bodies"_s.arg(id))), bearer("adm-store-test"));
        if (!logBodies) {
            QCOMPARE(kept.status, 404);
            QCOMPARE(kept.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"bodies_not_kept"_s);
            QVERIFY(stopEngine(engine));
            continue;
        }
        QVERIFY2(kept.status == 200, qPrintable(kept.describe()));
        const QString request = kept.json().value(u"request_body"_s).toString();
        const QString response = kept.json().value(u"response_body"_s).toString();
        QVERIFY2(request.contains(u"store-chat"_s), qPrintable(request));
        QVERIFY2(request.contains(u"EMAIL"_s) && request.contains(u"CARD"_s), qPrintable(request));
        QVERIFY2(!request.contains(u"jane.doe"_s) && !request.contains(u"4111"_s), qPrintable(request));
        QVERIFY2(response.contains(u"choices"_s), qPrintable(response));
        QCOMPARE(
            HttpClient::get(base.resolved(QUrl(u"/api/v1/requests/nope/bodies"_s)), bearer("adm-store-test")).status,
            404);
        QCOMPARE(HttpClient::get(base.resolved(QUrl(u"/api/v1/requests/%1/bodies"_s.arg(id)))).status, 401);
        QVERIFY(stopEngine(engine));
    }
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"

void TestStore::gatewayKeepsRuntimeChangesInTheDatabase()
{
    // A data directory of an earlier version: the endpoint switched off in registry.json, and a
    // features.json that does not parse. The gateway imports the one, logs the other and starts.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MockUpstreamProcess mock;
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    const QString registryJson = dir.filePath(u"registry.json"_s);
    const QString featuresJson = dir.filePath(u"features.json"_s);
    for (const auto &[path, bytes] : {std::pair{registryJson, QByteArray(R"({"version":1,"toggles":{"mock":false}})")},
                                      std::pair{featuresJson, QByteArray("{\"version\":")}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"guard switches: .*features\\.json is not a saved set of "
                                                          u"guard switches .*not imported.*left as it is"_s));
    QString error;
    std::unique_ptr<Engine> engine = startGateway(dir.path(), mock.baseUrl(), {}, {}, &error);
    QVERIFY2(engine, qPrintable(error));
    QVERIFY(QFile::exists(registryJson + u".imported"_s));
    QVERIFY(QFile::exists(featuresJson));
    const auto mockEnabled = [&engine] {
        const QList<RegistryEntry> entries = engine->registry();
        return std::any_of(entries.cbegin(), entries.cend(),
                           [](const RegistryEntry &e) { return e.config.id == u"mock" && e.config.enabled; });
    };
    QVERIFY(!mockEnabled());
    // Switched on at run time: written to runtime_state, and read back by the next start.
    QCOMPARE(engine->setEndpointEnabled(u"mock"_s, true), RegistryChange::Done);
    QVERIFY(mockEnabled());
    QVERIFY(stopEngine(engine));
    QVERIFY(!QFile::exists(registryJson));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"guard switches: .*not a saved set"_s));
    engine = startGateway(dir.path(), mock.baseUrl(), {}, {}, &error);
    QVERIFY2(engine, qPrintable(error));
    QVERIFY(mockEnabled());
    QVERIFY(stopEngine(engine));
}

void TestStore::endpointStatsAreReplacedPerGateway()
{
    FRESH_DATABASE();
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    EndpointStatsRow a;
    a.instanceId = u"gw-a http://127.0.0.1:8080"_s;
    a.endpoint = u"openai"_s;
    a.startedMs = 1'767'225'600'000;
    a.updatedMs = a.startedMs + 30'000;
    a.requests = 10;
    a.failures = 1;
    a.successRate = 0.9;
    a.latencyMs = 812.5;
    a.breakerState = u"closed"_s;
    a.probe = u"off"_s;
    EndpointStatsRow b = a;
    b.instanceId = u"gw-b http://127.0.0.1:8081"_s;
    b.breakerState = u"open"_s;
    b.consecutiveFailures = 5;
    b.breakerTrips = 2;
    b.probe = u"unhealthy"_s;
    b.lastProbeMs = a.startedMs + 1'000;
    QVERIFY(store->enqueue(EndpointStatsTable::writeFor({a, b}), "test"));
    // The next write of gw-a replaces its row; gw-b's stays.
    a.updatedMs += 30'000;
    a.requests = (quint64(1) << 40) + 3;
    a.failures = 4;
    a.breakerState = u"half_open"_s;
    a.breakerTrips = 1;
    QVERIFY(store->enqueue(EndpointStatsTable::writeFor({a}), "test"));
    QTRY_COMPARE(store->status().writer.written, quint64(2));

    DatabaseConnection connection(settings, u"test"_s);
    QVERIFY2(connection.open(&error), qPrintable(error));
    const std::optional<QList<EndpointStatsRow>> rows = EndpointStatsTable::readAll(connection, &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->size(), 2);
    const EndpointStatsRow &ra = rows->at(0);
    QCOMPARE(ra.instanceId, a.instanceId);
    QCOMPARE(ra.updatedMs, a.updatedMs);
    QCOMPARE(ra.requests, a.requests);
    QCOMPARE(ra.failures, quint64(4));
    QCOMPARE(ra.successRate, 0.9);
    QCOMPARE(ra.latencyMs, 812.5);
    QCOMPARE(ra.breakerState, u"half_open"_s);
    QCOMPARE(ra.breakerTrips, quint64(1));
    QCOMPARE(ra.lastProbeMs, 0);
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM endpoint_stats WHERE last_probe_ms IS NULL"_s).toInt(), 1);
    const EndpointStatsRow &rb = rows->at(1);
    QCOMPARE(rb.instanceId, b.instanceId);
    QCOMPARE(rb.breakerState, u"open"_s);
    QCOMPARE(rb.consecutiveFailures, 5);
    QCOMPARE(rb.breakerTrips, quint64(2));
    QCOMPARE(rb.probe, u"unhealthy"_s);
    QCOMPARE(rb.lastProbeMs, b.lastProbeMs);
}

void TestStore::gatewayWritesEndpointStats()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MockUpstreamProcess mock{{u"--models"_s, u"store-chat"_s}};
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    QString error;
    std::unique_ptr<Engine> engine = startGateway(dir.path(), mock.baseUrl(), {}, {}, &error);
    QVERIFY2(engine, qPrintable(error));
    const QUrl base(engine->listenUrl());
    const auto chat = [&] {
        return HttpClient::postJson(
            base.resolved(QUrl(u"/v1/chat/completions"_s)),
            QJsonObject{{u"model"_s, u"store-chat"_s},
                        {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, u"hi"_s}}}}});
    };
    QCOMPARE(chat().status, 200);
    DatabaseSettings settings;
    settings.sqlitePath = dir.filePath(u"llmproxy.db"_s);
    // What the 30 s timer does, asked for now.
    engine->saveEndpointStats();
    QTRY_COMPARE(scalar(settings, u"SELECT requests FROM endpoint_stats WHERE endpoint = 'mock'"_s).toInt(), 1);
    // The admin API lists the rows of every gateway on the database.
    const QUrl statsUrl = base.resolved(QUrl(u"/api/v1/analytics/endpoints"_s));
    const HttpResponse listed = HttpClient::get(statsUrl, bearer("adm-store-test"));
    QCOMPARE(listed.status, 200);
    const QJsonArray rows = QJsonDocument::fromJson(listed.body).object().value(u"rows"_s).toArray();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(row.value(u"endpoint"_s).toString(), u"mock"_s);
    QCOMPARE(row.value(u"requests"_s).toInt(), 1);
    QCOMPARE(row.value(u"breaker_state"_s).toString(), u"closed"_s);
    QVERIFY(row.value(u"instance_id"_s).toString().endsWith(base.toString()));
    QVERIFY(QDateTime::fromString(row.value(u"updated_at"_s).toString(), Qt::ISODateWithMs).isValid());
    QCOMPARE(HttpClient::get(statsUrl).status, 401);
    QCOMPARE(HttpClient::get(QUrl(statsUrl.toString() + u"?x=1"_s), bearer("adm-store-test")).status, 400);
    QCOMPARE(chat().status, 200);
    // The engine's end writes the last counts.
    QVERIFY(stopEngine(engine));
    QCOMPARE(scalar(settings, u"SELECT requests FROM endpoint_stats WHERE endpoint = 'mock'"_s).toInt(), 2);
    QCOMPARE(scalar(settings, u"SELECT failures FROM endpoint_stats WHERE endpoint = 'mock'"_s).toInt(), 0);
    QCOMPARE(scalar(settings, u"SELECT breaker_state FROM endpoint_stats WHERE endpoint = 'mock'"_s).toString(),
             u"closed"_s);
    QVERIFY(scalar(settings, u"SELECT latency_ms FROM endpoint_stats WHERE endpoint = 'mock'"_s).toDouble() > 0);
    QVERIFY(scalar(settings, u"SELECT instance_id FROM endpoint_stats"_s).toString().endsWith(base.toString()));
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM endpoint_stats"_s).toInt(), 1);
}

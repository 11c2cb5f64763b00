// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The run-time changes (registry, guard switches, routing overlay) kept in the database's
// runtime_state table (docs/storage.md#runtime_state) on SQLite and on a throwaway PostgreSQL server:
// the JSON files of an earlier version are imported once and renamed, a restart (a new Store on the
// same database) reads the changes back, a malformed file is refused with a clear message and left in
// place, and a second gateway on the same database sees the first one's changes at its start.
#include "proxycore/store/featuresfile.h"
#include "proxycore/store/registryfile.h"
#include "proxycore/store/routingfile.h"
#include "proxycore/store/store.h"
#include "tests/support/testdatabases.h"

#include <QDir>
#include <QTest>

using namespace llmproxy;
using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

const QByteArray kRegistryJson =
    R"({"version":1,"added":[],"toggles":{"main":false},"overrides":{"main":{"priority":7,"weight":3}}})";
const QByteArray kFeaturesJson = R"({"version":1,"switches":{"firewall":false,"pii":true}})";
const QByteArray kRoutingJson = R"({"version":1,"model_aliases":{"fast":"gpt-4o-mini"}})";

} // namespace

class TestRuntimeState : public QObject
{
    Q_OBJECT

private slots:
    void importsTheFilesOnceAndKeepsChanges_data() { TestDatabases::addBackends(); }
    void importsTheFilesOnceAndKeepsChanges();
    void malformedFileIsRefusedAndLeftInPlace_data() { TestDatabases::addBackends(); }
    void malformedFileIsRefusedAndLeftInPlace();
    void withoutADatabaseTheFilesAreUsed();

private:
    TestDatabases m_databases;
};

void TestRuntimeState::importsTheFilesOnceAndKeepsChanges()
{
    LLMPROXY_FRESH_DATABASE(m_databases);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString registryPath = dir.filePath(u"registry.json"_s);
    const QString featuresPath = dir.filePath(u"features.json"_s);
    const QString routingPath = dir.filePath(u"routing.json"_s);
    QVERIFY(writeFile(registryPath, kRegistryJson));
    QVERIFY(writeFile(featuresPath, kFeaturesJson));
    QVERIFY(writeFile(routingPath, kRoutingJson));
    QString error;
    QString message;
    {
        // First start with the database: each file is imported and renamed.
        std::unique_ptr<Store> store = Store::open(settings, {}, &error);
        QVERIFY2(store, qPrintable(error));
        RegistryFile registry(registryPath, store.get());
        RegistryFile::Contents contents;
        QVERIFY2(registry.load(ServerConfig(), &contents, &message), qPrintable(message));
        QVERIFY2(message.contains(u"imported "_s + registryPath), qPrintable(message));
        QCOMPARE(contents.toggles.value(u"main"_s, true), false);
        QCOMPARE(contents.overrides.value(u"main"_s).priority, 7);
        QVERIFY(!QFile::exists(registryPath));
        QVERIFY(QFile::exists(registryPath + u".imported"_s));

        FeaturesFile features(featuresPath, store.get());
        QHash<QString, bool> switches;
        QVERIFY2(features.load(&switches, &message), qPrintable(message));
        QCOMPARE(switches, (QHash<QString, bool>{{u"firewall"_s, false}, {u"pii"_s, true}}));
        QVERIFY(QFile::exists(featuresPath + u".imported"_s));

        RoutingFile routing(routingPath, store.get());
        RoutingOverlay overlay;
        QVERIFY2(routing.load(&overlay, &message), qPrintable(message));
        QCOMPARE(overlay.aliases.value(u"fast"_s).value_or(QString()), u"gpt-4o-mini"_s);
        QVERIFY(QFile::exists(routingPath + u".imported"_s));
        QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM runtime_state"_s).toInt(), 3);

        // Changes at run time go to the database through the writer, not to the files.
        QHash<QString, bool> toggles{{u"main"_s, true}, {u"spare"_s, false}};
        QVERIFY2(registry.save({}, toggles, {}, &error), qPrintable(error));
        QVERIFY2(features.save({{u"firewall"_s, true}}, &error), qPrintable(error));
        QTRY_COMPARE(store->status().writer.written, quint64(2));
        QVERIFY(!QFile::exists(registryPath));
        QVERIFY(!QFile::exists(featuresPath));
    }
    // A file that turns up again (restored from a backup, say) is not imported a second time.
    QVERIFY(writeFile(registryPath, kRegistryJson));
    {
        // The restart (and any other gateway on this database) reads the changes back.
        std::unique_ptr<Store> store = Store::open(settings, {}, &error);
        QVERIFY2(store, qPrintable(error));
        RegistryFile registry(registryPath, store.get());
        RegistryFile::Contents contents;
        QVERIFY2(registry.load(ServerConfig(), &contents, &message), qPrintable(message));
        QCOMPARE(contents.toggles, (QHash<QString, bool>{{u"main"_s, true}, {u"spare"_s, false}}));
        QVERIFY(contents.overrides.isEmpty());
        QVERIFY2(message.contains(u"is left as it is"_s), qPrintable(message));
        QVERIFY(QFile::exists(registryPath));

        FeaturesFile features(featuresPath, store.get());
        QHash<QString, bool> switches;
        QVERIFY2(features.load(&switches, &message), qPrintable(message));
        QCOMPARE(switches, (QHash<QString, bool>{{u"firewall"_s, true}}));
        RoutingFile routing(routingPath, store.get());
        RoutingOverlay overlay;
        QVERIFY2(routing.load(&overlay, &message), qPrintable(message));
        QCOMPARE(overlay.aliases.size(), 1);
    }
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM runtime_state"_s).toInt(), 3);
}

void TestRuntimeState::malformedFileIsRefusedAndLeftInPlace()
{
    LLMPROXY_FRESH_DATABASE(m_databases);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString featuresPath = dir.filePath(u"features.json"_s);
    QVERIFY(writeFile(featuresPath, "{\"version\":1,\"switches\":{\"firewall\":fal"));
    QString error;
    std::unique_ptr<Store> store = Store::open(settings, {}, &error);
    QVERIFY2(store, qPrintable(error));
    FeaturesFile features(featuresPath, store.get());
    QHash<QString, bool> switches;
    QString message;
    QVERIFY(!features.load(&switches, &message));
    QVERIFY(switches.isEmpty());
    QVERIFY2(message.contains(featuresPath + u" is not a saved set of guard switches"_s), qPrintable(message));
    QVERIFY2(message.contains(u"not imported"_s), qPrintable(message));
    QVERIFY(QFile::exists(featuresPath)); // the user's file, as it was
    QCOMPARE(scalar(settings, u"SELECT COUNT(*) FROM runtime_state"_s).toInt(), 0);

    // A malformed row (edited by hand) is refused the same way, naming the row.
    QVERIFY(execute(settings, u"INSERT INTO runtime_state (kind, body, updated_ms) VALUES ('routing', 'oops', 0)"_s));
    RoutingFile routing(dir.filePath(u"routing.json"_s), store.get());
    RoutingOverlay overlay;
    QVERIFY(!routing.load(&overlay, &message));
    QVERIFY2(message.contains(u"runtime_state 'routing' of "_s), qPrintable(message));
}

void TestRuntimeState::withoutADatabaseTheFilesAreUsed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString registryPath = dir.filePath(u"registry.json"_s);
    QVERIFY(writeFile(registryPath, kRegistryJson));
    RegistryFile registry(registryPath);
    RegistryFile::Contents contents;
    QString message;
    QVERIFY2(registry.load(ServerConfig(), &contents, &message), qPrintable(message));
    QCOMPARE(contents.toggles.value(u"main"_s, true), false);
    QVERIFY(QFile::exists(registryPath));
    QVERIFY(!QFile::exists(registryPath + u".imported"_s));
    QString error;
    QVERIFY2(registry.save({}, {{u"main"_s, true}}, {}, &error), qPrintable(error));
    QVERIFY2(registry.load(ServerConfig(), &contents, &message), qPrintable(message));
    QCOMPARE(contents.toggles.value(u"main"_s, false), true);
}

QTEST_GUILESS_MAIN(TestRuntimeState)
#include "tst_runtimestate.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// registry.json: the admin API's added endpoints and toggles round-trip; keys are never written
// (a literal key's endpoint comes back off); hand-edited or damaged files are reported, not trusted.
#include "proxycore/store/registryfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

EndpointConfig added(const QString &id)
{
    EndpointConfig e;
    e.id = id;
    e.provider = u"openai_compatible"_s;
    e.baseUrl = u"http://127.0.0.1:9/v1"_s;
    e.models = {u"m1"_s, u"m2"_s};
    e.priority = 3;
    e.weight = 7;
    e.source = u"admin"_s;
    return e;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

class TestRegistryFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsWithoutKeys()
    {
        QTemporaryDir dir;
        const RegistryFile file(dir.filePath(u"registry.json"_s));
        EndpointConfig fromEnv = added(u"from-env"_s);
        fromEnv.apiKeyEnv = u"TEAM_KEY"_s;
        fromEnv.apiKey = u"sk-resolved-from-env-123"_s;
        fromEnv.probe = false;
        fromEnv.apiVersion = u"2024-10-21"_s;
        fromEnv.costPerMtok = 1.5;
        EndpointConfig literal = added(u"literal"_s);
        literal.apiKey = u"sk-literal-secret-456"_s;
        EndpointConfig fromKeychain = added(u"from-keychain"_s);
        fromKeychain.apiKeyKeychain = u"work/groq"_s;
        fromKeychain.apiKey = u"gsk-from-keychain-789"_s;
        QString error;
        EndpointOverride reordered;
        reordered.priority = -4;
        reordered.weight = 9;
        EndpointOverride weighted;
        weighted.weight = 2;
        QVERIFY2(file.save({fromEnv, literal, fromKeychain}, {{u"backup"_s, false}, {u"literal"_s, true}},
                           {{u"backup"_s, reordered}, {u"primary"_s, weighted}}, &error),
                 qPrintable(error));

        QFile raw(file.path());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY2(!bytes.contains("sk-resolved-from-env-123") && !bytes.contains("sk-literal-secret-456") &&
                     !bytes.contains("gsk-from-keychain-789"),
                 bytes.constData());

        RegistryFile::Contents c;
        QString message;
        QVERIFY2(file.load(ServerConfig(), &c, &message), qPrintable(message));
        QCOMPARE(c.added.size(), 3);
        const NewEndpoint &a = c.added.at(0);
        QCOMPARE(a.config.id, u"from-env"_s);
        QCOMPARE(a.config.models, (QStringList{u"m1"_s, u"m2"_s}));
        QCOMPARE(a.config.priority, 3);
        QCOMPARE(a.config.weight, 7);
        QCOMPARE(a.config.probe, false);
        QCOMPARE(a.config.apiVersion, u"2024-10-21"_s);
        QCOMPARE(a.config.costPerMtok, 1.5);
        QCOMPARE(a.config.source, u"admin"_s);
        QVERIFY(a.config.enabled);
        QCOMPARE(a.apiKeyEnv, std::optional<QString>(u"TEAM_KEY"_s));
        QVERIFY(!a.apiKey);
        const NewEndpoint &b = c.added.at(1);
        QVERIFY2(!b.config.enabled, "its key was not kept: it comes back off");
        QCOMPARE(b.apiKeyEnv, std::optional<QString>(QString()));
        const NewEndpoint &k = c.added.at(2);
        QVERIFY2(k.config.enabled, "a keychain entry is kept by name: it comes back on");
        QCOMPARE(k.apiKeyKeychain, std::optional<QString>(u"work/groq"_s));
        QVERIFY(!k.apiKey);
        QCOMPARE(c.lostKeys, QStringList{u"literal"_s});
        QCOMPARE(c.toggles.value(u"backup"_s, true), false);
        QCOMPARE(c.toggles.value(u"literal"_s, false), true);
        QCOMPARE(c.overrides.size(), 2);
        QCOMPARE(c.overrides.value(u"backup"_s), reordered);
        QCOMPARE(c.overrides.value(u"primary"_s), weighted);
        QVERIFY(!c.overrides.value(u"primary"_s).priority);
        QVERIFY(c.skipped.isEmpty());
    }

    void filesWithoutOverridesStillLoad()
    {
        // Written before priority and weight could be changed at run time.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.json"_s);
        QVERIFY(writeFile(path, "{\"version\":1,\"added\":[],\"literal_keys_not_saved\":[],"
                                "\"toggles\":{\"mock\":false}}"));
        RegistryFile::Contents c;
        QString message;
        QVERIFY2(RegistryFile(path).load(ServerConfig(), &c, &message), qPrintable(message));
        QCOMPARE(c.toggles.value(u"mock"_s, true), false);
        QVERIFY(c.overrides.isEmpty());
        QVERIFY(c.skipped.isEmpty());
    }

    void overridesOutOfRangeAreLeftOut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.json"_s);
        QVERIFY(writeFile(path, "{\"version\":1,\"overrides\":{"
                                "\"Zero\":{\"weight\":0,\"priority\":2},"
                                "\"far\":{\"priority\":5000000},"
                                "\"half\":{\"weight\":1.5},"
                                "\"fine\":{\"priority\":-1000000,\"weight\":1000000}}}"));
        RegistryFile::Contents c;
        QString message;
        QVERIFY2(RegistryFile(path).load(ServerConfig(), &c, &message), qPrintable(message));
        QCOMPARE(c.overrides.size(), 2);
        QCOMPARE(c.overrides.value(u"zero"_s).priority, std::optional<int>(2));
        QVERIFY(!c.overrides.value(u"zero"_s).weight);
        QCOMPARE(c.overrides.value(u"fine"_s).priority, std::optional<int>(-1'000'000));
        QCOMPARE(c.overrides.value(u"fine"_s).weight, std::optional<int>(1'000'000));
        QVERIFY(!c.overrides.contains(u"far"_s) && !c.overrides.contains(u"half"_s));
        QCOMPARE(c.skipped.size(), 3);
    }

    void missingFileIsAnEmptyRegistry()
    {
        QTemporaryDir dir;
        RegistryFile::Contents c;
        QString message;
        QVERIFY(RegistryFile(dir.filePath(u"registry.json"_s)).load(ServerConfig(), &c, &message));
        QVERIFY(c.added.isEmpty() && c.toggles.isEmpty());
    }

    void damagedFilesAreReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("added: []");
        QTest::newRow("no version") << QByteArray("{\"added\":[]}");
        QTest::newRow("future version") << QByteArray("{\"version\":2,\"added\":[]}");
    }
    void damagedFilesAreReported()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.json"_s);
        QVERIFY(writeFile(path, content));
        RegistryFile::Contents c;
        QString message;
        QVERIFY(!RegistryFile(path).load(ServerConfig(), &c, &message));
        QVERIFY2(message.contains(path), qPrintable(message));
    }

    void handEditedEntriesAreCheckedLikeTheAdminApi()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"registry.json"_s);
        QVERIFY(writeFile(path, "{\"version\":1,\"added\":["
                                "{\"id\":\"ok\",\"provider\":\"groq\",\"base_url\":\"https://api.groq.com/openai/v1/\"},"
                                "{\"id\":\"bad id\",\"provider\":\"groq\",\"base_url\":\"https://x.example/v1\"},"
                                "{\"id\":\"typo\",\"provider\":\"opnai\",\"base_url\":\"https://x.example/v1\"},"
                                "{\"id\":\"ftp\",\"provider\":\"openai\",\"base_url\":\"ftp://x.example/v1\"},"
                                "{\"id\":\"own-keys\",\"base_url\":\"https://x.example/v1\","
                                "\"api_key_env\":\"LLM_PROXY_API_KEYS\"},"
                                "{\"id\":\"literal\",\"base_url\":\"https://x.example/v1\",\"api_key\":\"sk-x\"}],"
                                "\"toggles\":{\"Mock\":false,\"other\":\"no\"}}"));
        RegistryFile::Contents c;
        QString message;
        QVERIFY(RegistryFile(path).load(ServerConfig(), &c, &message));
        QCOMPARE(c.added.size(), 1);
        QCOMPARE(c.added.first().config.baseUrl, u"https://api.groq.com/openai/v1"_s);
        QCOMPARE(c.skipped.size(), 5);
        QVERIFY2(c.skipped.at(0).startsWith(u"bad id ('id' is required"_s), qPrintable(c.skipped.at(0)));
        QVERIFY2(c.skipped.at(1).startsWith(u"typo (unknown provider"_s), qPrintable(c.skipped.at(1)));
        QVERIFY2(c.skipped.at(2).startsWith(u"ftp ('base_url' must be"_s), qPrintable(c.skipped.at(2)));
        // The gateway's own key variable is never handed to an upstream, from the file either.
        QVERIFY2(c.skipped.at(3).contains(u"may not name the gateway's own key variable"_s),
                 qPrintable(c.skipped.at(3)));
        QCOMPARE(c.skipped.at(4), u"literal (a key in the file is not read)"_s);
        QCOMPARE(c.toggles.size(), 1);
        QCOMPARE(c.toggles.value(u"mock"_s, true), false);
    }
};

QTEST_GUILESS_MAIN(TestRegistryFile)
#include "tst_registryfile.moc"

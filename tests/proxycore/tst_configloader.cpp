// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configloader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

QString dataFile(const QString &name)
{
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + u"/tests/proxycore/data/config/"_s + name;
    return QFINDTESTDATA(u"data/config/"_s + name);
}

QString exampleConfigFile()
{
    const QString sourceDir = qEnvironmentVariable("LLMPROXY_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + u"/resources/config.example.yaml"_s;
    return QFINDTESTDATA("../../resources/config.example.yaml");
}

QString joined(const QList<ConfigDiagnostic> &diagnostics)
{
    QStringList lines;
    for (const ConfigDiagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(u'\n');
}

const EndpointConfig *endpoint(const Config &config, const QString &id)
{
    for (const EndpointConfig &ep : config.endpoints) {
        if (ep.id == id)
            return &ep;
    }
    return nullptr;
}

QProcessEnvironment makeEnv(const QStringList &assignments)
{
    QProcessEnvironment env; // deliberately empty: the test's own environment must not leak in
    for (const QString &a : assignments) {
        const qsizetype eq = a.indexOf(u'=');
        env.insert(a.left(eq), a.mid(eq + 1));
    }
    return env;
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private:
    /// Sources isolated from the working directory: no ./config.yaml or ./.env is picked up by accident.
    ConfigSources isolated(const QString &configPath = QString(), const QStringList &env = {}) const
    {
        ConfigSources s;
        s.configPath = configPath;
        s.configPathExplicit = !configPath.isEmpty();
        s.environment = makeEnv(env);
        s.baseDirectory = m_emptyDir.path();
        return s;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_scratch.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    QTemporaryDir m_emptyDir;
    QTemporaryDir m_scratch;

private slots:
    void initTestCase()
    {
        QVERIFY(m_emptyDir.isValid());
        QVERIFY(m_scratch.isValid());
        QVERIFY2(QFile::exists(dataFile(u"good-minimal.yaml"_s)), "test data not found; set LLMPROXY_SOURCE_DIR");
    }

    void textInsteadOfTheFileReportsTheFilesName()
    {
        // A text checked before it is saved: read instead of the file, reported under its name,
        // with the same diagnostics as the file would give; the file need not exist.
        const QString path = m_scratch.filePath(u"unsaved.yaml"_s);
        ConfigSources s = isolated(path);
        s.configText = QByteArray("server:\n  port: abc\n");
        ConfigLoadResult r = loadConfig(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.at(0).checkLine(true),
                 u"error: %1:2:9: server.port: expected an integer between 1 and 65535, got abc"_s.arg(path));
        QVERIFY(!QFile::exists(path));
        s.configText = QByteArray("server:\n  port: 9000\n");
        r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.port, quint16(9000));
        QCOMPARE(r.config->sourcePath, path);
    }

    void defaultsWithoutAnyFile()
    {
        const ConfigLoadResult r = loadConfig(isolated());
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.warnings.isEmpty());
        QCOMPARE(r.config->server.host, u"127.0.0.1"_s);
        QCOMPARE(r.config->server.port, quint16(8090));
        QVERIFY(r.config->endpoints.isEmpty());
        QVERIFY(r.config->sourcePath.isEmpty());
        QVERIFY(r.config->discovery.localScan);
        QCOMPARE(r.config->logging.format, u"text"_s);
    }

    void loadsGoodFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("endpointIds");
        QTest::addColumn<QStringList>("providers");

        QTest::newRow("minimal") << u"good-minimal.yaml"_s << QStringList{u"openai"_s} << QStringList{u"openai"_s};
        QTest::newRow("full") << u"good-full.yaml"_s << QStringList{u"openai"_s, u"groq-fast"_s, u"local"_s, u"corp"_s}
                              << QStringList{u"openai"_s, u"groq"_s, u"ollama"_s, u"openai_compatible"_s};
        QTest::newRow("list form") << u"good-list-endpoints.yaml"_s
                                   << QStringList{u"primary"_s, u"together"_s, u"lab"_s}
                                   << QStringList{u"openai"_s, u"together"_s, u"vllm"_s};
        QTest::newRow("reference system shape")
            << u"good-seed.yaml"_s << QStringList{u"openai"_s, u"ollama"_s} << QStringList{u"openai"_s, u"ollama"_s};
    }

    void loadsGoodFiles()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, endpointIds);
        QFETCH(QStringList, providers);

        // Keys for every endpoint, so the only acceptable warnings would be real problems in the file.
        const ConfigLoadResult r =
            loadConfig(isolated(dataFile(file), {u"OPENAI_API_KEY=sk-live-1"_s, u"MY_GROQ_KEY=gsk-live-2"_s,
                                                 u"TOGETHER_API_KEY=tg-live-3"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        QCOMPARE(r.config->sourcePath, dataFile(file));
        QStringList ids, provs;
        for (const EndpointConfig &ep : r.config->endpoints) {
            ids << ep.id;
            provs << ep.provider;
            QCOMPARE(ep.source, u"file"_s);
            QVERIFY2(!ep.baseUrl.endsWith(u'/'), qPrintable(ep.baseUrl));
        }
        QCOMPARE(ids, endpointIds);
        QCOMPARE(provs, providers);
    }

    void fullFileValues()
    {
        const ConfigLoadResult r = loadConfig(
            isolated(dataFile(u"good-full.yaml"_s), {u"OPENAI_API_KEY=sk-live-1"_s, u"MY_GROQ_KEY=gsk-live-2"_s,
                                                     u"MY_PROXY_KEYS= k1 , ,k2,"_s, u"MY_ADMIN_KEYS=adm"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        const Config &c = *r.config;
        QCOMPARE(c.server.host, u"0.0.0.0"_s);
        QCOMPARE(c.server.port, quint16(9000));
        QCOMPARE(c.server.workers, 3);
        QCOMPARE(c.server.shutdownGraceMs, 5000);
        QCOMPARE(c.server.limits.maxBodyBytes, qint64(1048576));
        QCOMPARE(c.server.limits.maxHeaderBytes, 16384);
        QCOMPARE(c.server.limits.headerTimeoutMs, 2000);
        QCOMPARE(c.server.limits.bodyTimeoutMs, 3000);
        QCOMPARE(c.server.limits.idleTimeoutMs, 4000);
        QCOMPARE(c.server.limits.maxConnections, 500);
        QCOMPARE(c.server.apiKeysEnv, u"MY_PROXY_KEYS"_s);
        QCOMPARE(c.server.apiKeys, (QStringList{u"k1"_s, u"k2"_s}));
        QCOMPARE(c.server.adminKeys, QStringList{u"adm"_s});

        QCOMPARE(c.upstream.connectTimeoutMs, 1500);
        QCOMPARE(c.upstream.firstByteTimeoutMs, 2500);
        QCOMPARE(c.upstream.idleTimeoutMs, 3500);
        QCOMPARE(c.upstream.totalTimeoutMs, 4500);
        QCOMPARE(c.upstream.http2, false);
        QCOMPARE(c.upstream.maxConnectionsPerHost, 64);
        QCOMPARE(c.upstream.proxy, u"http://egress.internal:3128"_s);

        const EndpointConfig *openai = endpoint(c, u"openai"_s);
        QVERIFY(openai);
        QCOMPARE(openai->baseUrl, u"https://api.openai.com/v1"_s);
        QCOMPARE(openai->apiKey, u"sk-live-1"_s);
        QCOMPARE(openai->apiKeyEnv, u"OPENAI_API_KEY"_s);
        QCOMPARE(openai->models, (QStringList{u"gpt-4o"_s, u"gpt-4o-mini"_s}));
        QCOMPARE(openai->priority, 1);
        const EndpointConfig *groq = endpoint(c, u"groq-fast"_s);
        QVERIFY(groq);
        QCOMPARE(groq->baseUrl, u"https://api.groq.com/openai/v1"_s);
        QCOMPARE(groq->apiKey, u"gsk-live-2"_s);
        QCOMPARE(groq->apiKeyEnv, u"MY_GROQ_KEY"_s);
        QCOMPARE(groq->headers.value(u"X-Team"_s), u"research"_s);
        const EndpointConfig *local = endpoint(c, u"local"_s);
        QVERIFY(local);
        QCOMPARE(local->enabled, false);
        QCOMPARE(local->baseUrl, u"http://127.0.0.1:11434/v1"_s);
        QVERIFY(local->apiKey.isEmpty());
        const EndpointConfig *corp = endpoint(c, u"corp"_s);
        QVERIFY(corp);
        QCOMPARE(corp->baseUrl, u"https://llm.corp.example/v1"_s);
        QCOMPARE(corp->apiKey, u"corp-secret-123"_s);
        QCOMPARE(corp->priority, -5);

        QCOMPARE(c.fallbackChains.size(), 1);
        const QList<FallbackHop> chain = c.fallbackChains.value(u"gpt-4o"_s);
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain[0].endpoint, u"groq-fast"_s);
        QCOMPARE(chain[0].model, u"llama-3.1-8b-instant"_s);
        QCOMPARE(chain[1].endpoint, u"local"_s);
        QCOMPARE(chain[1].model, u"gpt-4o"_s); // no model: the chain's own model
        QCOMPARE(c.modelAliases.value(u"fast"_s), u"llama-3.1-8b-instant"_s);

        QCOMPARE(c.budget.dailyLimit, 25.5);
        QCOMPARE(c.budget.softLimit, 20.0);
        QCOMPARE(c.budget.fallbackToLocalOnLimit, true);
        QCOMPARE(c.rateLimiting.enabled, true);
        QCOMPARE(c.rateLimiting.requestsPerMinute, 120);
        QCOMPARE(c.rateLimiting.burst, 20);
        QCOMPARE(c.logging.format, u"json"_s);
        QCOMPARE(c.logging.level, u"warning"_s);
        QCOMPARE(c.logging.logBodies, true);
        QCOMPARE(c.discovery.localScan, false);
        QCOMPARE(c.discovery.scanIntervalS, 0);
    }

    void referenceSystemKeysMapOnto()
    {
        const ConfigLoadResult r = loadConfig(isolated(dataFile(u"good-seed.yaml"_s), {u"OPENAI_API_KEY=sk-live"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        const Config &c = *r.config;
        QCOMPARE(c.server.limits.maxBodyBytes, qint64(512 * 1024)); // security.max_payload_size_kb
        QCOMPARE(c.upstream.connectTimeoutMs, 5000);                // connection_pool.connect_timeout
        QCOMPARE(c.upstream.firstByteTimeoutMs, 45'000);            // server.timeout
        QCOMPARE(c.upstream.idleTimeoutMs, 45'000);
        QCOMPARE(c.upstream.totalTimeoutMs, UpstreamConfig().totalTimeoutMs); // a stream may outlive it
        const EndpointConfig *ollama = endpoint(c, u"ollama"_s);
        QVERIFY(ollama);
        QCOMPARE(ollama->baseUrl, u"http://localhost:11434/v1"_s);
        QCOMPARE(c.budget.dailyLimit, 50.0);
    }

    void ownKeysWinOverReferenceSystemKeys()
    {
        const QString path = writeFile(u"both.yaml"_s, "server:\n  timeout: 30s\n  limits:\n    max_body_bytes: 2048\n"
                                                       "security:\n  max_payload_size_kb: 512\n"
                                                       "upstream:\n  idle_timeout_ms: 999\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.limits.maxBodyBytes, qint64(2048));
        QCOMPARE(r.config->upstream.idleTimeoutMs, 999);
        QCOMPARE(r.config->upstream.firstByteTimeoutMs, 30'000);
        QCOMPARE(r.config->upstream.connectTimeoutMs, 30'000);
    }

    void exampleConfigIsValid()
    {
        const QString path = exampleConfigFile();
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const ConfigLoadResult r =
            loadConfig(isolated(path, {u"OPENAI_API_KEY=sk-live"_s, u"GROQ_API_KEY=gsk-live"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        // The example documents the defaults: loading it must change nothing but its endpoints.
        const Config defaults;
        const Config &c = *r.config;
        QCOMPARE(c.server.host, defaults.server.host);
        QCOMPARE(c.server.port, defaults.server.port);
        QCOMPARE(c.server.workers, defaults.server.workers);
        QCOMPARE(c.server.shutdownGraceMs, defaults.server.shutdownGraceMs);
        QCOMPARE(c.server.limits.maxBodyBytes, defaults.server.limits.maxBodyBytes);
        QCOMPARE(c.server.limits.maxHeaderBytes, defaults.server.limits.maxHeaderBytes);
        QCOMPARE(c.server.limits.headerTimeoutMs, defaults.server.limits.headerTimeoutMs);
        QCOMPARE(c.server.limits.bodyTimeoutMs, defaults.server.limits.bodyTimeoutMs);
        QCOMPARE(c.server.limits.idleTimeoutMs, defaults.server.limits.idleTimeoutMs);
        QCOMPARE(c.server.limits.maxConnections, defaults.server.limits.maxConnections);
        QCOMPARE(c.upstream.connectTimeoutMs, defaults.upstream.connectTimeoutMs);
        QCOMPARE(c.upstream.firstByteTimeoutMs, defaults.upstream.firstByteTimeoutMs);
        QCOMPARE(c.upstream.idleTimeoutMs, defaults.upstream.idleTimeoutMs);
        QCOMPARE(c.upstream.totalTimeoutMs, defaults.upstream.totalTimeoutMs);
        QCOMPARE(c.upstream.http2, defaults.upstream.http2);
        QCOMPARE(c.upstream.maxConnectionsPerHost, defaults.upstream.maxConnectionsPerHost);
        QCOMPARE(c.logging.format, defaults.logging.format);
        QCOMPARE(c.logging.level, defaults.logging.level);
        QCOMPARE(c.logging.logBodies, defaults.logging.logBodies);
        QCOMPARE(c.discovery.localScan, defaults.discovery.localScan);
        QCOMPARE(c.discovery.scanIntervalS, defaults.discovery.scanIntervalS);
        QCOMPARE(c.budget.dailyLimit, defaults.budget.dailyLimit);
        QCOMPARE(c.rateLimiting.enabled, defaults.rateLimiting.enabled);
        QCOMPARE(c.rateLimiting.requestsPerMinute, defaults.rateLimiting.requestsPerMinute);
        QCOMPARE(c.rateLimiting.burst, defaults.rateLimiting.burst);
        QVERIFY(!c.endpoints.isEmpty());
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");

        QTest::newRow("syntax") << u"bad-syntax.yaml"_s << 6 << 8 << u"YAML syntax error: illegal map value"_s;
        QTest::newRow("port not a number") << u"bad-port-type.yaml"_s << 5 << 9
                                           << u"server.port: expected an integer between 1 and 65535, got \"abc\""_s;
        QTest::newRow("port out of range") << u"bad-port-range.yaml"_s << 4 << 9
                                           << u"server.port: expected an integer between 1 and 65535, got 70000"_s;
        QTest::newRow("models not a list") << u"bad-models-type.yaml"_s << 5 << 13
                                           << u"endpoints.openai.models: expected a list of model names, got 5"_s;
        QTest::newRow("unknown provider")
            << u"bad-provider.yaml"_s << 5 << 15
            << u"unknown provider \"opnai\" (did you mean \"openai\"?); expected one of: openai, azure,"_s;
        QTest::newRow("no base_url") << u"bad-no-base-url.yaml"_s << 5 << 3
                                     << u"endpoints.my-server: base_url is required for provider openai_compatible"_s;
        QTest::newRow("base_url not http") << u"bad-base-url.yaml"_s << 5 << 15
                                           << u"expected an http:// or https:// URL, got ftp://files.example/v1"_s;
        QTest::newRow("bool") << u"bad-bool.yaml"_s << 5 << 15
                              << u"logging.log_bodies: expected true or false, got maybe"_s;
        QTest::newRow("duplicate key") << u"bad-duplicate-key.yaml"_s << 5 << 3 << u"duplicate key \"server.port\""_s;
        QTest::newRow("duplicate endpoint id")
            << u"bad-duplicate-endpoint.yaml"_s << 6 << 9 << u"duplicate endpoint id \"A\" (first defined at line 4)"_s;
        QTest::newRow("endpoints not a mapping")
            << u"bad-endpoints-type.yaml"_s << 3 << 12 << u"endpoints: expected a mapping of endpoint id"_s;
        QTest::newRow("negative budget") << u"bad-budget.yaml"_s << 4 << 16
                                         << u"budget.daily_limit: expected a number of at least 0, got -1"_s;
    }

    void rejectsBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, fragment);

        const QString path = dataFile(file);
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        const ConfigDiagnostic &d = r.errors.first();
        QCOMPARE(d.file, path);
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QVERIFY2(d.message.contains(fragment), qPrintable(d.message));
        QVERIFY(d.toString().startsWith(u"%1:%2:%3: "_s.arg(path).arg(line).arg(column)));
    }

    void readsTheStorageSection()
    {
        // Defaults: SQLite in the data directory.
        ConfigLoadResult r = loadConfig(isolated());
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->server.storage.enabled);
        QCOMPARE(r.config->server.storage.type, u"sqlite"_s);
        QCOMPARE(r.config->server.storage.dsnEnv, u"DATABASE_URL"_s);

        const QString postgres = writeFile(u"storage-pg.yaml"_s, "server:\n  storage:\n    type: postgresql\n"
                                                                 "    dsn_env: LLMPROXY_DB\n    queue_capacity: 500\n");
        r = loadConfig(isolated(postgres, {u"LLMPROXY_DB=postgres://gw:p%40ss@db.example:6432/llm?sslmode=require"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        const StorageConfig &s = r.config->server.storage;
        QCOMPARE(s.type, u"postgres"_s);
        QCOMPARE(s.queueCapacity, 500);
        QCOMPARE(s.postgres.host, u"db.example"_s);
        QCOMPARE(s.postgres.port, 6432);
        QCOMPARE(s.postgres.user, u"gw"_s);
        QCOMPARE(s.postgres.password, u"p@ss"_s);
        QCOMPARE(s.postgres.database, u"llm"_s);
        QCOMPARE(s.postgres.options, u"sslmode=require"_s);

        // PostgreSQL without its variable: an error at the type's line, naming the variable.
        r = loadConfig(isolated(postgres));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].line, 3);
        QVERIFY2(r.errors[0].message.contains(u"LLMPROXY_DB"_s), qPrintable(r.errors[0].message));
        // An unreadable string: an error naming the variable, never repeating the password.
        r = loadConfig(isolated(postgres, {u"LLMPROXY_DB=host=db password=hunter2 colour=blue"_s}));
        QVERIFY(!r.ok());
        QVERIFY2(r.errors[0].toString().contains(u"LLMPROXY_DB"_s), qPrintable(r.errors[0].toString()));
        QVERIFY(!r.errors[0].toString().contains(u"hunter2"_s));

        const QString bad = writeFile(u"storage-bad.yaml"_s, "server:\n  storage:\n    type: mysql\n"
                                                             "    queue_capacity: 5\n    dsn: postgres://x\n");
        r = loadConfig(isolated(bad));
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors[0].line, 3);
        QVERIFY2(r.errors[0].message.contains(u"server.storage.type"_s), qPrintable(r.errors[0].message));
        QCOMPARE(r.errors[1].line, 4);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings[0].message.contains(u"server.storage.dsn is not read"_s),
                 qPrintable(r.warnings[0].message));
    }

    void reportsEveryErrorAtOnce()
    {
        const QString path = writeFile(u"many.yaml"_s, "server:\n  port: x\n  workers: -1\nlogging:\n  format: xml\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].line, 2);
        QCOMPARE(r.errors[1].line, 3);
        QCOMPARE(r.errors[2].line, 5);
        QVERIFY(r.errors[2].message.contains(u"expected text or json"_s));
    }

    void warnsAboutUnknownKeysWithLocation()
    {
        const QString path = dataFile(u"warn-unknown-keys.yaml"_s);
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.warnings.size(), 3);
        QCOMPARE(r.warnings[0].line, 4);
        QCOMPARE(r.warnings[0].column, 3);
        QVERIFY2(r.warnings[0].message.contains(u"unknown key \"prot\" in server"_s),
                 qPrintable(r.warnings[0].message));
        QVERIFY2(r.warnings[0].message.contains(u"did you mean \"port\"?"_s), qPrintable(r.warnings[0].message));
        QCOMPARE(r.warnings[1].line, 7);
        QCOMPARE(r.warnings[1].column, 5);
        QVERIFY(r.warnings[1].message.contains(u"unknown key \"max_bodies\" in server.limits"_s));
        QCOMPARE(r.warnings[2].line, 8);
        QCOMPARE(r.warnings[2].column, 1);
        QVERIFY(r.warnings[2].message.contains(u"unknown top-level key \"colour\""_s));
        // Unknown keys do not stop the known ones from applying.
        QCOMPARE(r.config->server.limits.maxBodyBytes, qint64(1024));
        QCOMPARE(r.config->server.port, quint16(8090));
    }

    void unknownKeysGetHintsAtEveryDepth()
    {
        const QString path = writeFile(u"hints.yaml"_s, "routing:\n  health:\n    intervl_s: 5\n  retry:\n"
                                                        "    max_atempts: 2\nendpoints:\n  ollama:\n    modles: [a]\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.warnings.size(), 3);
        QCOMPARE(r.warnings[0].toString(),
                 path + u":3:5: unknown key \"intervl_s\" in routing.health (ignored); did you mean \"interval_s\"?"_s);
        QVERIFY2(r.warnings[1].message.contains(u"in routing.retry (ignored); did you mean \"max_attempts\"?"_s),
                 qPrintable(r.warnings[1].message));
        QVERIFY2(r.warnings[2].message.contains(u"in endpoints.ollama (ignored); did you mean \"models\"?"_s),
                 qPrintable(r.warnings[2].message));
    }

    void modelStrategiesAreReadByTheStrategyRule()
    {
        const QString path = writeFile(u"strategies.yaml"_s, "routing:\n  model_strategies:\n    \"gpt-*\": Fastest\n"
                                                             "    \"meta/*\": round-robin\n    x: nope\n");
        ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().toString(),
                 path + u":5:8: routing.model_strategies.x: expected priority, weighted, least_latency, least_busy "
                        u"or cost, got nope"_s);
        r = loadConfig(
            isolated(writeFile(u"strategies.yaml"_s, "routing:\n  model_strategies:\n"
                                                     "    \"gpt-*\": Fastest\n    \"meta/*\": round-robin\n")));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->routing.modelStrategies.value(u"gpt-*"_s), u"least_latency"_s);
        QCOMPARE(r.config->routing.modelStrategies.value(u"meta/*"_s), u"weighted"_s);
    }

    void environmentOverridesComeFromTheSchema()
    {
        const QString path = writeFile(u"health.yaml"_s, "routing:\n  health:\n    interval_s: 30\n");
        ConfigLoadResult r = loadConfig(isolated(path, {u"LLM_PROXY_HEALTH_INTERVAL_S=0"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->routing.health.intervalS, 0);
        r = loadConfig(isolated(path, {u"LLM_PROXY_HEALTH_INTERVAL_S=90000"_s}));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().toString(), u"environment variable LLM_PROXY_HEALTH_INTERVAL_S: expected an integer "
                                              u"between 0 and 86400, got \"90000\""_s);
    }

    void precedence_data()
    {
        QTest::addColumn<bool>("withFile");
        QTest::addColumn<QString>("envPort");
        QTest::addColumn<QString>("dotenvPort");
        QTest::addColumn<int>("cliPort");
        QTest::addColumn<int>("expected");

        QTest::newRow("defaults") << false << QString() << QString() << 0 << 8090;
        QTest::newRow("file") << true << QString() << QString() << 0 << 7001;
        QTest::newRow("env over file") << true << u"7002"_s << QString() << 0 << 7002;
        QTest::newRow(".env over file") << true << QString() << u"7003"_s << 0 << 7003;
        QTest::newRow("real env over .env") << true << u"7002"_s << u"7003"_s << 0 << 7002;
        QTest::newRow("cli over env") << true << u"7002"_s << u"7003"_s << 7004 << 7004;
        QTest::newRow("cli over file") << true << QString() << QString() << 7004 << 7004;
    }

    void precedence()
    {
        QFETCH(bool, withFile);
        QFETCH(QString, envPort);
        QFETCH(QString, dotenvPort);
        QFETCH(int, cliPort);
        QFETCH(int, expected);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (withFile) {
            QFile f(dir.filePath(u"config.yaml"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("server:\n  port: 7001\n  host: 10.0.0.1\n");
        }
        if (!dotenvPort.isEmpty()) {
            QFile f(dir.filePath(u".env"_s));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# local overrides\nLLM_PROXY_PORT=" + dotenvPort.toUtf8() + "\r\n");
        }
        ConfigSources s;
        s.environment = envPort.isEmpty() ? QProcessEnvironment() : makeEnv({u"LLM_PROXY_PORT="_s + envPort});
        s.baseDirectory = dir.path(); // ./config.yaml and ./.env are looked up here
        if (cliPort)
            s.cli.port = quint16(cliPort);
        const ConfigLoadResult r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(int(r.config->server.port), expected);
        QCOMPARE(r.config->sourcePath.isEmpty(), !withFile);
        if (withFile)
            QCOMPARE(r.config->server.host, u"10.0.0.1"_s); // untouched by the port overrides
    }

    void environmentAndCliOverrideEveryScalar()
    {
        const QString path = writeFile(u"scalars.yaml"_s, "server: {host: 10.1.1.1, workers: 2}\n"
                                                          "logging: {format: json, level: debug}\n"
                                                          "discovery: {local_scan: true}\n");
        ConfigSources s =
            isolated(path, {u"LLM_PROXY_HOST=10.2.2.2"_s, u"LLM_PROXY_WORKERS=4"_s, u"LLM_PROXY_LOG_FORMAT=text"_s,
                            u"LLM_PROXY_LOG_LEVEL=ERROR"_s, u"LLM_PROXY_LOCAL_DISCOVERY=off"_s});
        ConfigLoadResult r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.host, u"10.2.2.2"_s);
        QCOMPARE(r.config->server.workers, 4);
        QCOMPARE(r.config->logging.format, u"text"_s);
        QCOMPARE(r.config->logging.level, u"error"_s);
        QCOMPARE(r.config->discovery.localScan, false);

        s.cli.host = u"::1"_s;
        s.cli.workers = 1;
        s.cli.logFormat = u"json"_s;
        r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.host, u"::1"_s);
        QCOMPARE(r.config->server.workers, 1);
        QCOMPARE(r.config->logging.format, u"json"_s);
    }

    void readsTheSecuritySection()
    {
        const QString path =
            writeFile(u"security.yaml"_s, "security:\n"
                                          "  max_payload_size_kb: 64\n"
                                          "  max_messages: 12\n"
                                          "  firewall: {enabled: false}\n"
                                          "  signatures: {signatures_file: sigs.yaml}\n"
                                          "  injection: {block_threshold: 0.8}\n"
                                          "  pii: {email: block, ip: off}\n"
                                          "  link_sanitization: {blocked_domains: [evil.example, bad.test]}\n"
                                          "  confidence: {block_threshold: 0.7}\n"
                                          "  ai_analysis: {enabled: true}\n");
        ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings))); // the reference's keys are accepted
        const SecurityConfig &s = r.config->security;
        QCOMPARE(r.config->server.limits.maxBodyBytes, 64 * 1024);
        QCOMPARE(s.maxMessages, 12);
        QVERIFY(!s.firewallEnabled);
        QCOMPARE(s.firewallDisabledReason, u"config:security.firewall.enabled=false"_s);
        QCOMPARE(s.signaturesFile, u"sigs.yaml"_s);
        QCOMPARE(s.blockThreshold, 0.8);
        QCOMPARE(s.pii.email, u"block"_s);
        QCOMPARE(s.pii.ip, u"off"_s);
        QCOMPARE(s.pii.phone, u"mask"_s);
        QCOMPARE(s.blockedDomains, (QStringList{u"evil.example"_s, u"bad.test"_s}));

        // The environment wins, and is named as the reason.
        r = loadConfig(isolated(path, {u"LLM_PROXY_FIREWALL_ENABLED=true"_s, u"LLM_PROXY_SIGNING_KEY=k1"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->security.firewallEnabled);
        QVERIFY(r.config->security.firewallDisabledReason.isEmpty());
        QCOMPARE(r.config->security.signingKey, u"k1"_s);
        r = loadConfig(isolated(writeFile(u"empty.yaml"_s, "{}\n"), {u"LLM_PROXY_FIREWALL_ENABLED=off"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->security.firewallDisabledReason, u"env:LLM_PROXY_FIREWALL_ENABLED"_s);

        r = loadConfig(isolated(writeFile(u"bad.yaml"_s, "security: {pii: {card: hide}}\n")));
        QVERIFY(!r.ok());
        QVERIFY2(joined(r.errors).contains(u"security.pii.card"_s), qPrintable(joined(r.errors)));
    }

    void readsTheCachingSection()
    {
        ConfigLoadResult r = loadConfig(isolated(writeFile(u"nocache.yaml"_s, "{}\n")));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(!r.config->caching.enabled); // off unless asked for

        const QString path = writeFile(u"caching.yaml"_s, "caching:\n"
                                                          "  enabled: true\n"
                                                          "  ttl: 120\n"
                                                          "  max_entries: 500\n"
                                                          "  max_bytes: 1048576\n"
                                                          "  max_entry_bytes: 65536\n"
                                                          "  db_path: cache.db\n"
                                                          "  eviction_interval: 3600\n"
                                                          "  semantic_cache: {enabled: false, threshold: 0.85}\n"
                                                          "  negative_cache: {maxsize: 50000}\n");
        r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings))); // the reference's keys are accepted
        const CachingConfig &c = r.config->caching;
        QVERIFY(c.enabled);
        QCOMPARE(c.ttlS, 120);
        QCOMPARE(c.maxEntries, 500);
        QCOMPARE(c.maxBytes, 1048576);
        QCOMPARE(c.maxEntryBytes, 65536);

        r = loadConfig(isolated(path, {u"LLM_PROXY_CACHE_ENABLED=false"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(!r.config->caching.enabled);

        r = loadConfig(isolated(writeFile(u"badcache.yaml"_s, "caching:\n  enabled: true\n  ttl: 0\n")));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors[0].toString().contains(u":3:"_s) && r.errors[0].toString().contains(u"caching.ttl"_s),
                 qPrintable(r.errors[0].toString()));
        r = loadConfig(isolated(writeFile(u"badcache2.yaml"_s, "caching: {enabled: true, max_entries: lots}\n")));
        QVERIFY(!r.ok());
        QVERIFY2(joined(r.errors).contains(u"caching.max_entries"_s), qPrintable(joined(r.errors)));
    }

    void rejectsBadEnvironmentValues_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("fragment");

        QTest::newRow("port text") << u"LLM_PROXY_PORT=abc"_s
                                   << u"environment variable LLM_PROXY_PORT: expected an integer between 1 and 65535"_s;
        QTest::newRow("port zero") << u"LLM_PROXY_PORT=0"_s << u"LLM_PROXY_PORT"_s;
        QTest::newRow("workers") << u"LLM_PROXY_WORKERS=many"_s << u"LLM_PROXY_WORKERS"_s;
        QTest::newRow("log format") << u"LLM_PROXY_LOG_FORMAT=xml"_s
                                    << u"LLM_PROXY_LOG_FORMAT: expected text or json"_s;
        QTest::newRow("log level") << u"LLM_PROXY_LOG_LEVEL=loud"_s << u"LLM_PROXY_LOG_LEVEL"_s;
        QTest::newRow("discovery") << u"LLM_PROXY_LOCAL_DISCOVERY=perhaps"_s << u"LLM_PROXY_LOCAL_DISCOVERY"_s;
        QTest::newRow("endpoint url") << u"LLM_PROXY_ENDPOINT_X_URL=not a url"_s
                                      << u"LLM_PROXY_ENDPOINT_X_URL: expected an http:// or https:// URL"_s;
        QTest::newRow("endpoint provider")
            << u"LLM_PROXY_ENDPOINT_X_PROVIDER=acme"_s << u"LLM_PROXY_ENDPOINT_X_PROVIDER: unknown provider \"acme\""_s;
        QTest::newRow("placeholder proxy key") << u"LLM_PROXY_API_KEYS=good-key,sk-proxy-CHANGE-ME"_s
                                               << u"LLM_PROXY_API_KEYS: contains the placeholder key"_s;
    }

    void rejectsBadEnvironmentValues()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, fragment);
        QStringList env{assignment};
        if (assignment.startsWith(u"LLM_PROXY_ENDPOINT_X_PROVIDER"_s))
            env << u"LLM_PROXY_ENDPOINT_X_URL=http://127.0.0.1:9/v1"_s; // so that the provider is looked at
        const ConfigLoadResult r = loadConfig(isolated(QString(), env));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors.first().toString().contains(fragment), qPrintable(r.errors.first().toString()));
    }

    void dotenvDiagnosticsNameTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(u".env"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("LLM_PROXY_PORT=eighty\n");
        f.close();
        ConfigSources s;
        s.environment = QProcessEnvironment();
        s.baseDirectory = dir.path();
        const ConfigLoadResult r = loadConfig(s);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().file, dir.filePath(u".env"_s));
        QVERIFY(r.errors.first().message.startsWith(u"LLM_PROXY_PORT: "_s));
    }

    void dotenvSuppliesProviderKeysButNeverOverridesRealEnvironment()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dotenv = dir.filePath(u"custom.env"_s);
        QFile f(dotenv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("export OPENAI_API_KEY=\"sk-from-dotenv\"\nGROQ_API_KEY='gsk-from-dotenv'\n");
        f.close();
        ConfigSources s = isolated(dataFile(u"good-full.yaml"_s), {u"GROQ_API_KEY=gsk-real"_s});
        s.dotenvPath = dotenv;
        const QString groqOnly = writeFile(u"groq.yaml"_s, "endpoints:\n  openai: {}\n  groq: {}\n");
        s.configPath = groqOnly;
        const ConfigLoadResult r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(endpoint(*r.config, u"openai"_s)->apiKey, u"sk-from-dotenv"_s);
        QCOMPARE(endpoint(*r.config, u"groq"_s)->apiKey, u"gsk-real"_s);
    }

    void keyResolutionOrder_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expectedKey");
        QTest::addColumn<QString>("expectedEnv");

        QTest::newRow("literal wins") << QByteArray("endpoints:\n  openai: {api_key: lit, api_key_env: CUSTOM}\n")
                                      << u"lit"_s << QString();
        QTest::newRow("placeholder literal falls through")
            << QByteArray("endpoints:\n  openai: {api_key: sk-..., api_key_env: CUSTOM}\n") << u"custom-value"_s
            << u"CUSTOM"_s;
        QTest::newRow("named variable") << QByteArray("endpoints:\n  openai: {api_key_env: CUSTOM}\n")
                                        << u"custom-value"_s << u"CUSTOM"_s;
        QTest::newRow("preset variable") << QByteArray("endpoints:\n  openai: {}\n") << u"openai-value"_s
                                         << u"OPENAI_API_KEY"_s;
        QTest::newRow("preset variable, other path same host")
            << QByteArray("endpoints:\n  openai: {base_url: 'https://API.openai.com/v1/'}\n") << u"openai-value"_s
            << u"OPENAI_API_KEY"_s;
        // The provider's own key must not be sent to some other host just because it speaks the protocol.
        QTest::newRow("preset variable not sent elsewhere")
            << QByteArray("endpoints:\n  openai: {base_url: 'http://127.0.0.1:9/v1', api_key: ''}\n") << QString()
            << QString();
        QTest::newRow("auth none") << QByteArray("endpoints:\n  openai: {auth_type: none}\n") << QString() << QString();
    }

    void keyResolutionOrder()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expectedKey);
        QFETCH(QString, expectedEnv);
        const QString path = writeFile(u"keys.yaml"_s, yaml);
        const ConfigLoadResult r =
            loadConfig(isolated(path, {u"CUSTOM=custom-value"_s, u"OPENAI_API_KEY=openai-value"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->endpoints.size(), 1);
        QCOMPARE(r.config->endpoints.first().apiKey, expectedKey);
        QCOMPARE(r.config->endpoints.first().apiKeyEnv, expectedEnv);
    }

    void placeholderKeysCountAsMissing_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("empty") << QString();
        QTest::newRow("sk-...") << u"sk-..."_s;
        QTest::newRow("sk-proj-...") << u"sk-proj-..."_s;
        QTest::newRow("sk-ant-...") << u"sk-ant-..."_s;
        QTest::newRow("your-api-key") << u"your-api-key"_s;
        QTest::newRow("CHANGE-ME") << u"CHANGE-ME"_s;
        QTest::newRow("shell reference") << u"${OPENAI_API_KEY}"_s;
    }

    void placeholderKeysCountAsMissing()
    {
        QFETCH(QString, value);
        QVERIFY(isPlaceholderSecret(value));
        const ConfigLoadResult r =
            loadConfig(isolated(dataFile(u"good-minimal.yaml"_s), {u"OPENAI_API_KEY="_s + value}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->endpoints.first().apiKey.isEmpty());
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().message.contains(u"endpoint openai has no API key (set OPENAI_API_KEY)"_s),
                 qPrintable(r.warnings.first().message));
        QCOMPARE(r.warnings.first().line, 5); // the endpoint's key in the file
    }

    void realKeysAreNotPlaceholders_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("openai") << u"sk-proj-4f9aXk2"_s;
        QTest::newRow("anthropic") << u"sk-ant-api03-abc"_s;
        QTest::newRow("short") << u"k"_s;
    }

    void realKeysAreNotPlaceholders()
    {
        QFETCH(QString, value);
        QVERIFY(!isPlaceholderSecret(value));
    }

    void localProvidersNeedNoKey()
    {
        const QString path = writeFile(u"local.yaml"_s, "endpoints:\n  ollama: {}\n  lmstudio: {}\n  llamacpp: {}\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        QCOMPARE(r.config->endpoints.size(), 3);
    }

    void environmentEndpoints()
    {
        const ConfigLoadResult r = loadConfig(
            isolated(QString(), {u"LLM_PROXY_ENDPOINT_MY_GROQ_URL=https://api.groq.com/openai/v1/"_s,
                                 u"LLM_PROXY_ENDPOINT_MY_GROQ_PROVIDER=groq"_s,
                                 u"LLM_PROXY_ENDPOINT_MY_GROQ_MODELS= llama-3.1-8b-instant, ,mixtral-8x7b "_s,
                                 u"LLM_PROXY_ENDPOINT_MY_GROQ_KEY=gsk-env"_s,
                                 u"LLM_PROXY_ENDPOINT_LOCAL_URL=http://127.0.0.1:11434/v1"_s,
                                 u"LLM_PROXY_ENDPOINT_LOCAL_PROVIDER=ollama"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        QCOMPARE(r.config->endpoints.size(), 2);
        const EndpointConfig *groq = endpoint(*r.config, u"my_groq"_s);
        QVERIFY(groq);
        QCOMPARE(groq->provider, u"groq"_s);
        QCOMPARE(groq->baseUrl, u"https://api.groq.com/openai/v1"_s);
        QCOMPARE(groq->models, (QStringList{u"llama-3.1-8b-instant"_s, u"mixtral-8x7b"_s}));
        QCOMPARE(groq->apiKey, u"gsk-env"_s);
        QCOMPARE(groq->apiKeyEnv, u"LLM_PROXY_ENDPOINT_MY_GROQ_KEY"_s);
        QCOMPARE(groq->source, u"env"_s);
        const EndpointConfig *local = endpoint(*r.config, u"local"_s);
        QVERIFY(local);
        QCOMPARE(local->provider, u"ollama"_s);
        QVERIFY(local->models.isEmpty());
    }

    void environmentEndpointDefaultsToOpenAiProvider()
    {
        const ConfigLoadResult r = loadConfig(isolated(
            QString(), {u"LLM_PROXY_ENDPOINT_MOCK_URL=http://127.0.0.1:9/v1"_s, u"OPENAI_API_KEY=sk-real-openai"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->endpoints.size(), 1);
        const EndpointConfig &ep = r.config->endpoints.first();
        QCOMPARE(ep.id, u"mock"_s);
        QCOMPARE(ep.provider, u"openai"_s);
        QVERIFY(ep.apiKey.isEmpty()); // OPENAI_API_KEY belongs to api.openai.com only
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().message.contains(u"(set LLM_PROXY_ENDPOINT_MOCK_KEY)"_s),
                 qPrintable(r.warnings.first().message));
    }

    void fileEndpointWinsOverEnvironmentEndpoint()
    {
        const ConfigLoadResult r = loadConfig(
            isolated(dataFile(u"good-minimal.yaml"_s),
                     {u"OPENAI_API_KEY=sk-live"_s, u"LLM_PROXY_ENDPOINT_OPENAI_URL=http://127.0.0.1:9/v1"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->endpoints.size(), 1);
        QCOMPARE(r.config->endpoints.first().source, u"file"_s);
        QCOMPARE(r.config->endpoints.first().baseUrl, u"https://api.openai.com/v1"_s);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings.first().message.contains(u"ignored: the configuration file defines endpoint \"openai\""_s));
    }

    void environmentEndpointWithoutUrlWarns()
    {
        const ConfigLoadResult r = loadConfig(
            isolated(QString(), {u"LLM_PROXY_ENDPOINT_HALF_MODELS=a,b"_s, u"LLM_PROXY_ENDPOINT_HALF_KEY=k"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->endpoints.isEmpty());
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().message.contains(u"LLM_PROXY_ENDPOINT_HALF_URL: is not set"_s),
                 qPrintable(r.warnings.first().message));
    }

    void proxyKeysFromEnvironment()
    {
        ConfigLoadResult r = loadConfig(
            isolated(QString(), {u"LLM_PROXY_API_KEYS= key-one,,key-two , "_s, u"LLM_PROXY_ADMIN_KEYS=admin-1"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.apiKeys, (QStringList{u"key-one"_s, u"key-two"_s}));
        QCOMPARE(r.config->server.adminKeys, QStringList{u"admin-1"_s});

        const QString path = writeFile(u"auth.yaml"_s, "server:\n  auth:\n    api_keys_env: TEAM_KEYS\n");
        r = loadConfig(isolated(path, {u"LLM_PROXY_API_KEYS=ignored"_s, u"TEAM_KEYS=team-key"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.apiKeys, QStringList{u"team-key"_s});
    }

    void namedClientKeys()
    {
        const QByteArray yaml = "server:\n"
                                "  auth:\n"
                                "    keys:\n"
                                "      - name: ci\n"
                                "        key_env: CI_KEY\n"
                                "        models: [gpt-4o-mini, \"claude-*\"]\n"
                                "      - name: contractor\n"
                                "        key_sha256: 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\n"
                                "        models: [local-model]\n"
                                "      - name: ops\n"
                                "        key_env: OPS_KEY\n"
                                "        models: [\"*\", gpt-4o]\n";
        const QString path = writeFile(u"keys.yaml"_s, yaml);
        const ConfigLoadResult r = loadConfig(isolated(path, {u"CI_KEY= ci-secret-1 "_s, u"OPS_KEY=ops-secret"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY2(r.warnings.isEmpty(), qPrintable(joined(r.warnings)));
        const QList<ClientKeyConfig> &keys = r.config->server.clientKeys;
        QCOMPARE(keys.size(), 3);
        QCOMPARE(keys[0].name, u"ci"_s);
        QCOMPARE(keys[0].key, u"ci-secret-1"_s);
        QCOMPARE(keys[0].keyEnv, u"CI_KEY"_s);
        QCOMPARE(keys[0].models, (QStringList{u"gpt-4o-mini"_s, u"claude-*"_s}));
        QCOMPARE(keys[1].name, u"contractor"_s);
        QVERIFY(keys[1].key.isEmpty());
        QCOMPARE(keys[1].sha256, QCryptographicHash::hash("test", QCryptographicHash::Sha256));
        QCOMPARE(keys[1].models, QStringList{u"local-model"_s});
        QVERIFY2(keys[2].models.isEmpty(), "'*' allows every model");
        QVERIFY(r.config->server.apiKeys.isEmpty());
        QVERIFY(r.config->server.requiresClientKey());
    }

    void namedClientKeyWithoutModelsWarns()
    {
        const QString path =
            writeFile(u"keys-nomodels.yaml"_s, "server:\n  auth:\n    keys:\n      - name: ci\n        key_env: CI_KEY\n");
        const ConfigLoadResult r = loadConfig(isolated(path, {u"CI_KEY=ci-secret"_s}));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY2(r.warnings.first().message.contains(u"no models list; the key may use every model"_s),
                 qPrintable(r.warnings.first().message));
        QCOMPARE(r.warnings.first().line, 4);
    }

    void rejectsBadClientKeys_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("fragment");
        const QStringList ciKey{u"CI_KEY=ci-secret"_s};
        QTest::newRow("not a list") << QByteArray("    keys: ci\n") << ciKey
                                    << u"server.auth.keys: expected a list of keys"_s;
        QTest::newRow("entry not a mapping") << QByteArray("    keys: [ci]\n") << ciKey
                                             << u"server.auth.keys[0]: expected a mapping"_s;
        QTest::newRow("no name") << QByteArray("    keys:\n      - key_env: CI_KEY\n        models: [a]\n") << ciKey
                                 << u"server.auth.keys[0]: name is required"_s;
        QTest::newRow("bad name") << QByteArray("    keys:\n      - name: a b\n        key_env: CI_KEY\n") << ciKey
                                  << u"server.auth.keys[0].name: use letters, digits"_s;
        QTest::newRow("no key") << QByteArray("    keys:\n      - name: ci\n        models: [a]\n") << ciKey
                                << u"(ci): set exactly one of key_env and key_sha256"_s;
        QTest::newRow("both keys")
            << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n        key_sha256: "
                          "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n")
            << ciKey << u"(ci): set exactly one of key_env and key_sha256"_s;
        QTest::newRow("variable unset") << QByteArray("    keys:\n      - name: ci\n        key_env: NOT_SET\n")
                                        << ciKey << u"(ci): the variable NOT_SET is not set"_s;
        QTest::newRow("placeholder") << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n")
                                     << QStringList{u"CI_KEY=sk-proxy-CHANGE-ME"_s} << u"holds a placeholder key"_s;
        QTest::newRow("short digest") << QByteArray("    keys:\n      - name: ci\n        key_sha256: abc123\n") << ciKey
                                      << u"key_sha256: expected 64 hexadecimal digits"_s;
        QTest::newRow("key pasted as variable")
            << QByteArray("    keys:\n      - name: ci\n        key_env: sk-proj-Abc123secretvalue\n") << ciKey
            << u"expected the name of an environment variable"_s;
        QTest::newRow("models not a list")
            << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n        models: gpt-4o\n") << ciKey
            << u"models: expected a list of model names or patterns"_s;
        QTest::newRow("duplicate name") << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n"
                                                      "      - name: ci\n        key_env: OTHER_KEY\n")
                                        << QStringList{u"CI_KEY=ci-secret"_s, u"OTHER_KEY=other"_s}
                                        << u"duplicate key name \"ci\""_s;
        QTest::newRow("same key twice")
            << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n"
                          "      - name: ci2\n        key_sha256: "
                          "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b\n")
            << QStringList{u"CI_KEY=secret"_s} << u"(ci2): the same key as \"ci\""_s;
        QTest::newRow("also unrestricted") << QByteArray("    keys:\n      - name: ci\n        key_env: CI_KEY\n")
                                           << QStringList{u"CI_KEY=ci-secret"_s, u"LLM_PROXY_API_KEYS=x-key, ci-secret"_s}
                                           << u"this key is also listed in LLM_PROXY_API_KEYS"_s;
    }
    void rejectsBadClientKeys()
    {
        QFETCH(QByteArray, keys);
        QFETCH(QStringList, env);
        QFETCH(QString, fragment);
        const QString path = writeFile(u"keys-bad.yaml"_s, "server:\n  auth:\n" + keys);
        const ConfigLoadResult r = loadConfig(isolated(path, env));
        QVERIFY(!r.ok());
        QVERIFY2(joined(r.errors).contains(fragment), qPrintable(joined(r.errors)));
        QCOMPARE(r.errors.first().file, path);
        QVERIFY(r.errors.first().line >= 3);
        QVERIFY2(!joined(r.errors).contains(u"ci-secret"_s), "a key is never echoed");
    }

    void configFileLookup()
    {
        // Explicit and missing: an error naming the path.
        ConfigLoadResult r = loadConfig(isolated(m_scratch.filePath(u"nope.yaml"_s)));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().file, m_scratch.filePath(u"nope.yaml"_s));
        QVERIFY(r.errors.first().message.contains(u"not found"_s));

        // Not explicit and missing: defaults.
        ConfigSources s = isolated();
        s.configPath = m_scratch.filePath(u"nope.yaml"_s);
        s.configPathExplicit = false;
        r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QVERIFY(r.config->sourcePath.isEmpty());

        // LLM_PROXY_CONFIG names the file when no path is given, and counts as explicit.
        r = loadConfig(isolated(QString(), {u"LLM_PROXY_CONFIG="_s + dataFile(u"bad-port-range.yaml"_s)}));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().file, dataFile(u"bad-port-range.yaml"_s));
        r = loadConfig(isolated(QString(), {u"LLM_PROXY_CONFIG="_s + m_scratch.filePath(u"nope.yaml"_s)}));
        QVERIFY(!r.ok());

        // A directory is not a configuration file.
        r = loadConfig(isolated(m_scratch.path()));
        QVERIFY(!r.ok());
    }

    void emptyFileMeansDefaults()
    {
        const QString path = writeFile(u"empty.yaml"_s, "# nothing configured yet\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->sourcePath, path);
        QCOMPARE(r.config->server.port, quint16(8090));
    }

    void topLevelMustBeAMapping()
    {
        const QString path = writeFile(u"list.yaml"_s, "- server\n- endpoints\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().line, 1);
        QCOMPARE(r.errors.first().column, 1);
    }

    void headerValuesAreValidatedWithoutEchoingThem()
    {
        const QString path = writeFile(u"headers.yaml"_s, "endpoints:\n  ollama:\n    headers:\n"
                                                          "      X-Secret: \"abc\\r\\nInjected: yes\"\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().line, 4);
        QVERIFY(!r.errors.first().message.contains(u"abc"_s));
    }

    void keyPastedAsVariableNameIsNotEchoed_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("endpoint") << QByteArray("endpoints:\n  openai:\n    api_key_env: sk-proj-Abc123secretvalue\n")
                                  << u"endpoints.openai.api_key_env: expected the name of an environment variable"_s;
        QTest::newRow("server auth") << QByteArray("server:\n  auth:\n    api_keys_env: sk-proj-Abc123secretvalue\n")
                                     << u"server.auth.api_keys_env: expected the name of an environment variable"_s;
    }

    void keyPastedAsVariableNameIsNotEchoed()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, fragment);
        const ConfigLoadResult r = loadConfig(isolated(writeFile(u"pasted.yaml"_s, yaml)));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors.first().line, 3);
        QVERIFY2(r.errors.first().message.contains(fragment), qPrintable(r.errors.first().message));
        QVERIFY(!r.errors.first().message.contains(u"Abc123"_s));
    }

    void invalidVariableNameIsAnError()
    {
        const ConfigLoadResult r =
            loadConfig(isolated(writeFile(u"varname.yaml"_s, "endpoints:\n  groq:\n    api_key_env: MY-KEY\n")));
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.first().message.contains(u"got MY-KEY"_s), qPrintable(r.errors.first().message));
    }

    void fallbackHopToUnknownEndpointWarns()
    {
        const QString path = writeFile(u"chains.yaml"_s, "endpoints:\n  ollama: {}\nfallback_chains:\n  gpt-4o:\n"
                                                         "    - {provider: ollama, model: llama3}\n"
                                                         "    - {endpoint: nowhere, model: x}\n");
        const ConfigLoadResult r = loadConfig(isolated(path));
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.warnings.size(), 1);
        QCOMPARE(r.warnings.first().line, 6);
        QVERIFY(r.warnings.first().message.contains(u"\"nowhere\" is neither an endpoint id nor a provider name"_s));
    }

    void cliValuesAreValidated()
    {
        ConfigSources s = isolated();
        s.cli.logFormat = u"yaml"_s;
        ConfigLoadResult r = loadConfig(s);
        QVERIFY(!r.ok());
        QVERIFY(r.errors.first().message.startsWith(u"--log-format"_s));
        s = isolated();
        s.cli.workers = -2;
        r = loadConfig(s);
        QVERIFY(!r.ok());
        QVERIFY(r.errors.first().message.startsWith(u"--workers"_s));
        // --port 0 (any free port) is the command line's own: the file and the environment need 1-65535.
        s = isolated();
        s.cli.port = 0;
        r = loadConfig(s);
        QVERIFY2(r.ok(), qPrintable(joined(r.errors)));
        QCOMPARE(r.config->server.port, quint16(0));
    }

    void diagnosticToString_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << u"c.yaml"_s << 3 << 7 << u"c.yaml:3:7: boom"_s;
        QTest::newRow("no column") << u"c.yaml"_s << 3 << 0 << u"c.yaml:3: boom"_s;
        QTest::newRow("file only") << u"c.yaml"_s << 0 << 0 << u"c.yaml: boom"_s;
        QTest::newRow("nothing") << QString() << 0 << 0 << u"boom"_s;
    }

    void diagnosticToString()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, expected);
        QCOMPARE((ConfigDiagnostic{file, line, column, u"boom"_s}.toString()), expected);
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/configschema.h"
#include "proxycore/config/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

using namespace llmproxy;
using namespace Qt::StringLiterals;

namespace {

const FieldRule &ruleAt(QStringView path)
{
    const Field<Config> *f = configField(path);
    if (!f)
        qFatal("no row %s", qPrintable(path.toString()));
    return f->rule;
}

QString readText(QStringView path, const QString &text, ValueSource source = ValueSource::Text)
{
    FieldError error;
    const RawValue raw = RawValue::fromText(text);
    const std::optional<FieldValue> v = readValue(ruleAt(path), raw, source, &error);
    if (!v)
        return u"error: "_s + diagnosticText(path.toString(), ruleAt(path), raw, error);
    return u"ok"_s;
}

} // namespace

class TestConfigSchema : public QObject
{
    Q_OBJECT
private slots:
    void rowsAreWellFormed()
    {
        QSet<QString> paths, vars;
        for (const Field<Config> &f : configFields()) {
            QVERIFY2(!paths.contains(f.path.toString()), qPrintable(f.path.toString()));
            paths.insert(f.path.toString());
            const bool stored = f.rule.type != FieldType::Custom && f.rule.type != FieldType::Ignored;
            // Only two rows are validated without being stored: server.auth.enabled (the reference
            // system's switch) and nothing else.
            QVERIFY2(f.apply || !stored || f.path == u"server.auth.enabled", qPrintable(f.path.toString()));
            if (!f.env.isEmpty()) {
                QVERIFY2(f.apply, qPrintable(f.path.toString()));
                QVERIFY2(f.env.startsWith(u"LLM_PROXY_"), qPrintable(f.env.toString()));
                QVERIFY(!vars.contains(f.env.toString()));
                vars.insert(f.env.toString());
            }
        }
        // A path is either a row or a section, never both.
        for (const QString &p : std::as_const(paths)) {
            for (const QString &q : std::as_const(paths))
                QVERIFY2(!q.startsWith(p + u'.'), qPrintable(p + u" and "_s + q));
        }
        // The security pipeline added LLM_PROXY_SECURITY_ENABLED, _FIREWALL_ENABLED, _SIGNING_KEY; the
        // response cache LLM_PROXY_CACHE_ENABLED.
        QCOMPARE(vars.size(), 11);
    }

    void readsByType_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("int") << u"server.port"_s << u" 8080 "_s << u"ok"_s;
        QTest::newRow("int range") << u"server.port"_s << u"0"_s
                                   << u"error: server.port: expected an integer between 1 and 65535, got \"0\""_s;
        QTest::newRow("int text") << u"server.workers"_s << u"many"_s
                                  << u"error: server.workers: expected an integer between 0 and 1024, got \"many\""_s;
        QTest::newRow("positive") << u"server.limits.max_connections"_s << u"0"_s
                                  << u"error: server.limits.max_connections: expected a positive integer, got \"0\""_s;
        QTest::newRow("bool yes") << u"discovery.local_scan"_s << u"YES"_s << u"ok"_s;
        QTest::newRow("bool off") << u"discovery.local_scan"_s << u"off"_s << u"ok"_s;
        QTest::newRow("bool bad") << u"discovery.local_scan"_s << u"perhaps"_s
                                  << u"error: discovery.local_scan: expected true or false, got \"perhaps\""_s;
        QTest::newRow("choice synonym") << u"logging.level"_s << u"WARN"_s << u"ok"_s;
        QTest::newRow("choice bad") << u"logging.level"_s << u"loud"_s
                                    << u"error: logging.level: expected debug, info, warning or error, got \"loud\""_s;
        QTest::newRow("strategy") << u"routing.strategy"_s << u"round-robin"_s << u"ok"_s;
        QTest::newRow("number exclusive") << u"routing.latency_alpha"_s << u"0"_s
                                          << u"error: routing.latency_alpha: expected a number in (0, 1], got \"0\""_s;
        QTest::newRow("number") << u"budget.daily_limit"_s << u"-1"_s
                                << u"error: budget.daily_limit: expected a number of at least 0, got \"-1\""_s;
        QTest::newRow("empty") << u"server.host"_s << u"  "_s << u"error: server.host: must not be empty"_s;
        QTest::newRow("variable") << u"server.auth.api_keys_env"_s << u"MY-KEYS"_s
                                  << u"error: server.auth.api_keys_env: expected the name of an environment variable "
                                     u"(letters, digits and '_'), got \"MY-KEYS\""_s;
        QTest::newRow("key pasted as variable")
            << u"server.auth.api_keys_env"_s << u"sk-proj-abcdef"_s
            << u"error: server.auth.api_keys_env: expected the name of an environment variable such as "
               u"OPENAI_API_KEY; the value looks like a key itself (put the key into that variable instead)"_s;
        QTest::newRow("proxy not echoed") << u"upstream.proxy"_s << u"ftp://user:secret@proxy"_s
                                          << u"error: upstream.proxy: expected a proxy URL such as http://proxy:3128 "
                                             u"or socks5h://proxy:1080"_s;
        QTest::newRow("proxy empty is direct") << u"upstream.proxy"_s << QString() << u"ok"_s;
    }

    void readsByType()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(readText(path, text), expected);
    }

    void storesCanonicalValues()
    {
        Config c;
        FieldError error;
        const Field<Config> *level = configField(u"logging.level");
        level->apply(c, *readValue(level->rule, RawValue::fromText(u"Warn"_s), ValueSource::Text, &error));
        QCOMPARE(c.logging.level, u"warning"_s);
        const Field<Config> *body = configField(u"server.limits.max_body_bytes");
        body->apply(c, *readValue(body->rule, RawValue::fromText(u"8589934592"_s), ValueSource::Text, &error));
        QCOMPARE(c.server.limits.maxBodyBytes, qint64(8589934592));
        QCOMPARE(canonicalChoice(kStrategyChoices, u" Fastest "), u"least_latency"_s);
        QCOMPARE(canonicalChoice(kStrategyChoices, u"cost aware"), std::nullopt);
    }

    void listsBySource()
    {
        const Field<EndpointDraft> *models = endpointField(u"models");
        QVERIFY(models);
        FieldError error;
        // The environment gives a list as comma-separated text; a file and JSON must give a list.
        const std::optional<FieldValue> env =
            readValue(models->rule, RawValue::fromText(u" a, ,b,a "_s), ValueSource::Text, &error);
        QVERIFY(env);
        QCOMPARE(env->list, (QStringList{u"a"_s, u"b"_s}));
        QVERIFY(!readValue(models->rule, RawValue::fromText(u"a,b"_s), ValueSource::Yaml, &error));
        QCOMPARE(error.kind, FieldError::Kind::WrongType);
        const RawValue list = RawValue::fromJson(QJsonDocument::fromJson("[\"x\", \"\"]").array());
        QVERIFY(!readValue(models->rule, list, ValueSource::Json, &error));
        QCOMPARE(error.kind, FieldError::Kind::BadItem);
        QCOMPARE(error.item, 1);
    }

    void jsonIsTyped()
    {
        FieldError error;
        const FieldRule &port = ruleAt(u"server.port");
        QVERIFY(!readValue(port, RawValue::fromJson(u"80"_s), ValueSource::Json, &error));
        QVERIFY(!readValue(port, RawValue::fromJson(80.5), ValueSource::Json, &error));
        QCOMPARE(readValue(port, RawValue::fromJson(80), ValueSource::Json, &error)->integer, 80);
        const FieldRule &flag = ruleAt(u"logging.log_bodies");
        QVERIFY(!readValue(flag, RawValue::fromJson(u"true"_s), ValueSource::Json, &error));
        QVERIFY(readValue(flag, RawValue::fromJson(true), ValueSource::Json, &error)->boolean);
        QVERIFY(readValue(flag, RawValue::fromText(u"true"_s), ValueSource::Yaml, &error)->boolean);
    }

    void endpointJsonUsesTheSameRows_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field with a hint")
            << QByteArray("{\"modles\":[]}") << QByteArray("unknown_field")
            << u"Unknown field 'modles'; did you mean 'models'? expected provider, base_url, models"_s;
        QTest::newRow("yaml-only key") << QByteArray("{\"num_ctx\":4096}") << QByteArray("unknown_field")
                                       << u"Unknown field 'num_ctx'"_s;
        QTest::newRow("range") << QByteArray("{\"weight\":0}") << QByteArray("invalid_type")
                               << u"'weight' must be an integer between 1 and 1000000."_s;
        QTest::newRow("url") << QByteArray("{\"base_url\":\"ftp://x\"}") << QByteArray("invalid_url")
                             << u"'base_url' must be an http:// or https:// URL."_s;
        QTest::newRow("url of the wrong type") << QByteArray("{\"base_url\":5}") << QByteArray("invalid_type")
                                               << u"'base_url' must be an http:// or https:// URL."_s;
        QTest::newRow("variable") << QByteArray("{\"api_key_env\":\"A-B\"}") << QByteArray("invalid_api_key_env")
                                  << u"'api_key_env' must be the name of an environment variable"_s;
        QTest::newRow("key pasted") << QByteArray("{\"api_key_env\":\"sk-proj-secret1\"}")
                                    << QByteArray("invalid_api_key_env") << u"looks like a key itself"_s;
    }

    void endpointJsonUsesTheSameRows()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, code);
        QFETCH(QString, message);
        EndpointDraft draft;
        JsonFieldError error;
        QVERIFY(!readEndpointJson(QJsonDocument::fromJson(body).object(), &draft, &error));
        QCOMPARE(error.code, code);
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QVERIFY(!error.message.contains(u"secret1"_s));
    }

    void resolvesKeysByOneRule()
    {
        const auto vars = [](const QString &name) {
            return name == u"OPENAI_API_KEY" ? u"sk-openai"_s : name == u"MINE" ? u" sk-mine "_s : QString();
        };
        EndpointConfig e;
        e.provider = u"openai"_s;
        e.baseUrl = u"https://api.openai.com/v1"_s;
        resolveEndpointKey(&e, u"sk-literal"_s, {{}, u"MINE"_s}, vars);
        QCOMPARE(e.apiKey, u"sk-literal"_s);
        QVERIFY(e.apiKeyEnv.isEmpty());
        resolveEndpointKey(&e, u"sk-..."_s, {{}, u"MINE"_s}, vars); // a placeholder falls through
        QCOMPARE(e.apiKey, u"sk-mine"_s);
        QCOMPARE(e.apiKeyEnv, u"MINE"_s);
        resolveEndpointKey(&e, std::nullopt, {}, vars);
        QCOMPARE(e.apiKey, u"sk-openai"_s);
        e.baseUrl = u"http://127.0.0.1:9/v1"_s; // not the provider's own host: its key stays home
        resolveEndpointKey(&e, std::nullopt, {}, vars);
        QVERIFY(e.apiKey.isEmpty());
        QVERIFY(e.apiKeyEnv.isEmpty());
    }

    void resolvesKeysFromTheKeychain()
    {
        auto store = std::make_shared<MemorySecretStore>();
        SecretStore::setSystem(store);
        const auto restore = qScopeGuard([] { SecretStore::setSystem(nullptr); });
        QVERIFY(store->write(u"work/openai"_s, u" sk-from-keychain "_s).ok);
        QVERIFY(store->write(u"placeholder"_s, u"sk-..."_s).ok);
        const auto vars = [](const QString &name) { return name == u"MINE"_s ? u"sk-mine"_s : QString(); };
        EndpointConfig e;
        e.provider = u"openai"_s;
        e.baseUrl = u"https://api.openai.com/v1"_s;

        // The entry comes before a variable; a literal key before both.
        QVERIFY(resolveEndpointKey(&e, std::nullopt, {u"work/openai"_s, u"MINE"_s}, vars).isEmpty());
        QCOMPARE(e.apiKey, u"sk-from-keychain"_s);
        QCOMPARE(e.apiKeyKeychain, u"work/openai"_s);
        QVERIFY(e.apiKeyEnv.isEmpty());
        QVERIFY(resolveEndpointKey(&e, u"sk-literal"_s, {u"work/openai"_s, {}}, vars).isEmpty());
        QCOMPARE(e.apiKey, u"sk-literal"_s);
        QVERIFY(e.apiKeyKeychain.isEmpty());

        // An entry that cannot be read: the variable as without one, and no complaint.
        QVERIFY(resolveEndpointKey(&e, std::nullopt, {u"missing"_s, u"MINE"_s}, vars).isEmpty());
        QCOMPARE(e.apiKey, u"sk-mine"_s);
        QCOMPARE(e.apiKeyKeychain, u"missing"_s);

        // No key anywhere: the reason names the entry.
        QString problem = resolveEndpointKey(&e, std::nullopt, {u"missing"_s, u"NOTSET"_s}, vars);
        QVERIFY(e.apiKey.isEmpty());
        QVERIFY2(problem.contains(u"\"missing\""_s), qPrintable(problem));
        problem = resolveEndpointKey(&e, std::nullopt, {u"placeholder"_s, {}}, vars);
        QVERIFY2(problem.contains(u"holds no key"_s), qPrintable(problem));
        problem = resolveEndpointKey(&e, std::nullopt, {u"bad name!"_s, {}}, vars);
        QVERIFY2(problem.contains(u"not an entry name"_s), qPrintable(problem));
        QVERIFY(e.apiKey.isEmpty());
    }

    void settlesProviderAndUrl()
    {
        EndpointDraft draft;
        JsonFieldError error;
        QVERIFY(readEndpointJson(
            QJsonDocument::fromJson("{\"provider\":\"groq\",\"models\":[\"m\",\"m\"],\"weight\":3}").object(), &draft,
            &error));
        QVERIFY(!settleEndpoint(&draft));
        QCOMPARE(draft.config.provider, u"groq"_s);
        QCOMPARE(draft.config.baseUrl, u"https://api.groq.com/openai/v1"_s);
        QCOMPARE(draft.config.models, QStringList{u"m"_s});
        QCOMPARE(draft.config.weight, 3);

        EndpointDraft generic;
        generic.config.id = u"my-server"_s;
        const std::optional<EndpointProblem> p = settleEndpoint(&generic);
        QVERIFY(p);
        QCOMPARE(p->field, u"base_url"_s);
        QCOMPARE(p->code, QByteArray("missing_base_url"));

        EndpointDraft typo;
        typo.provider = u"opnai"_s;
        QVERIFY(settleEndpoint(&typo)->message.startsWith(u"unknown provider \"opnai\" (did you mean \"openai\"?)"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_configschema.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers: the command line and configuration sources of the built binary — --version, --help,
// --check-config (valid file, wrong type and syntax errors reported as file:line:column, unknown keys
// only warn, missing file), endpoints from LLM_PROXY_ENDPOINT_<NAME>_* variables and api_key_env,
// --log-format json producing JSON lines, logs free of request bodies and keys, and a clear failure
// when the port is taken.
#include "tests/support/gatewayfixture.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

QString outputOf(const ProcessResult &r)
{
    return u"exit %1\n--- stdout ---\n%2\n--- stderr ---\n%3"_s.arg(r.exitCode)
        .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err));
}

QList<QByteArray> nonEmptyLines(const QByteArray &text)
{
    QList<QByteArray> lines;
    const QList<QByteArray> all = text.split('\n');
    for (const QByteArray &line : all) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void versionPrintsVersion();
    void helpListsOptions();
    void checkConfigAcceptsValidFile();
    void checkConfigReportsWrongTypeWithLocation();
    void checkConfigReportsSyntaxErrorWithLocation();
    void checkConfigOnlyWarnsAboutUnknownKeys();
    void checkConfigFailsForMissingFile();
    void endpointFromEnvironmentServesRequests();
    void apiKeyEnvIsResolved();
    void jsonLogFormatWritesJsonLines();
    void logsContainNoBodiesOrKeys();
    void portInUseFailsClearly();
};

void TestCli::versionPrintsVersion()
{
    const ProcessResult r = ProxyProcess::run({u"--version"_s});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
    QVERIFY2(QByteArray(r.out + r.err).contains(LLMPROXY_VERSION), qPrintable(outputOf(r)));
}

void TestCli::helpListsOptions()
{
    const ProcessResult r = ProxyProcess::run({u"--help"_s});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
    const QByteArray text = r.out + r.err;
    for (const char *option : {"--headless", "--config", "--host", "--port", "--data-dir", "--log-format",
                               "--check-config", "--version", "verify-signature"})
        QVERIFY2(text.contains(option), option);
    const ProcessResult sub = ProxyProcess::run({u"verify-signature"_s, u"--help"_s});
    QVERIFY2(sub.finished && sub.exitCode == 0, qPrintable(outputOf(sub)));
    for (const char *option :
         {"--body", "--signature", "--signed-at", "--request-id", "--model", "--key-env", "--max-age"})
        QVERIFY2(sub.out.contains(option), option);
}

void TestCli::checkConfigAcceptsValidFile()
{
    QTemporaryDir dir;
    ProxyConfig config;
    EndpointSpec e;
    e.baseUrl = u"http://127.0.0.1:9/v1"_s;
    e.models = {u"some-model"_s};
    e.apiKey = u"sk-x"_s;
    config.endpoints = {e};
    config.maxBodyBytes = 1 << 20;
    config.shutdownGraceMs = 5000;
    config.firstByteTimeoutMs = 30000;
    const QString path = writeFile(dir, u"config.yaml"_s, config.toYaml());
    const ProcessResult r = ProxyProcess::run({u"--check-config"_s, u"--config"_s, path});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
}

void TestCli::checkConfigReportsWrongTypeWithLocation()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"config.yaml"_s,
                                   "server:\n"
                                   "  host: 127.0.0.1\n"
                                   "  port: not-a-port\n"
                                   "discovery:\n"
                                   "  local_scan: false\n");
    const ProcessResult r = ProxyProcess::run({u"--check-config"_s, u"--config"_s, path});
    QVERIFY2(r.finished && r.exitCode != 0, qPrintable(outputOf(r)));
    const QString text = QString::fromUtf8(r.out + r.err);
    QVERIFY2(text.contains(QRegularExpression(u"config\\.yaml:3:\\d+"_s)), qPrintable(outputOf(r)));
    QVERIFY2(text.contains(u"port"_s), qPrintable(outputOf(r)));
}

void TestCli::checkConfigReportsSyntaxErrorWithLocation()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"config.yaml"_s,
                                   "server:\n"
                                   "  host: 127.0.0.1\n"
                                   "endpoints:\n"
                                   "  broken: {provider: openai_compatible, base_url: \"http://127.0.0.1:9/v1\"\n"
                                   "discovery:\n"
                                   "  local_scan: false\n");
    const ProcessResult r = ProxyProcess::run({u"--check-config"_s, u"--config"_s, path});
    QVERIFY2(r.finished && r.exitCode != 0, qPrintable(outputOf(r)));
    QVERIFY2(QString::fromUtf8(r.out + r.err).contains(QRegularExpression(u"config\\.yaml:\\d+:\\d+"_s)),
             qPrintable(outputOf(r)));
}

void TestCli::checkConfigOnlyWarnsAboutUnknownKeys()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"config.yaml"_s,
                                   "server:\n"
                                   "  host: 127.0.0.1\n"
                                   "  frobnicate_level: 3\n"
                                   "discovery:\n"
                                   "  local_scan: false\n");
    const ProcessResult r = ProxyProcess::run({u"--check-config"_s, u"--config"_s, path});
    QVERIFY2(r.finished && r.exitCode == 0, qPrintable(outputOf(r)));
    QVERIFY2(QByteArray(r.out + r.err).contains("frobnicate_level"), qPrintable(outputOf(r)));
}

void TestCli::checkConfigFailsForMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"does-not-exist.yaml"_s);
    const ProcessResult r = ProxyProcess::run({u"--check-config"_s, u"--config"_s, path});
    QVERIFY2(r.finished && r.exitCode != 0, qPrintable(outputOf(r)));
    QVERIFY2(QString::fromUtf8(r.out + r.err).contains(u"does-not-exist.yaml"_s), qPrintable(outputOf(r)));
}

void TestCli::endpointFromEnvironmentServesRequests()
{
    MockUpstreamProcess mock;
    QVERIFY2(mock.start(), qPrintable(mock.errorString()));
    ProxyOptions options;
    options.configYaml = ProxyConfig().toYaml(); // no endpoints in the file
    options.env.insert(u"LLM_PROXY_ENDPOINT_ENVMOCK_URL"_s, mock.baseUrl());
    options.env.insert(u"LLM_PROXY_ENDPOINT_ENVMOCK_MODELS"_s, u"env-model-a,env-model-b"_s);
    options.env.insert(u"LLM_PROXY_ENDPOINT_ENVMOCK_KEY"_s, u"sk-env-endpoint-key"_s);
    options.env.insert(u"LLM_PROXY_ENDPOINT_ENVMOCK_PROVIDER"_s, u"openai_compatible"_s);
    ProxyProcess proxy;
    QVERIFY2(proxy.start(options), qPrintable(proxy.errorString()));

    const HttpResponse r =
        HttpClient::postJson(proxy.url(u"/v1/chat/completions"_s), chatRequest(u"env-model-b"_s, u"from env"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe() + u'\n' + proxy.diagnostics()));
    QCOMPARE(chatContent(r.json()), u"from env"_s);
    const QList<MockRequest> upstream = mock.inferenceRequests();
    QCOMPARE(upstream.size(), 1);
    QCOMPARE(upstream.first().header("authorization"), QByteArray("Bearer sk-env-endpoint-key"));

    const HttpResponse models = HttpClient::get(proxy.url(u"/v1/models"_s));
    QVERIFY(models.body.contains("\"env-model-a\""));

    // The start-up log names the file it read, and does not also claim built-in defaults.
    const QByteArray log = proxy.stdErr() + proxy.stdOut();
    const QByteArray named = "configuration: " + proxy.configPath().toUtf8();
    QVERIFY2(log.contains(named), log.constData());
    QVERIFY2(!log.contains("built-in defaults"), log.constData());
}

void TestCli::apiKeyEnvIsResolved()
{
    GatewayFixture gateway;
    QVERIFY2(gateway.mock.start(), qPrintable(gateway.mock.errorString()));
    EndpointSpec e = gateway.mockEndpoint();
    e.apiKey.clear();
    e.apiKeyEnv = u"MOCK_UPSTREAM_TOKEN"_s;
    gateway.config.endpoints = {e};
    gateway.options.env.insert(u"MOCK_UPSTREAM_TOKEN"_s, u"sk-resolved-from-env"_s);
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));

    const HttpResponse r = gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"key from env"_s));
    QVERIFY2(r.status == 200, qPrintable(r.describe()));
    QCOMPARE(gateway.mock.inferenceRequests().first().header("authorization"),
             QByteArray("Bearer sk-resolved-from-env"));
}

void TestCli::jsonLogFormatWritesJsonLines()
{
    GatewayFixture gateway;
    gateway.options.extraArgs = {u"--log-format"_s, u"json"_s};
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"log me"_s)).status, 200);
    QCOMPARE(gateway.post(u"/v1/chat/completions"_s, chatRequest(u"missing-model"_s, u"log me"_s)).status, 404);
    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY2(gateway.proxy.waitForExit(15000), qPrintable(gateway.proxy.diagnostics()));

    const QList<QByteArray> lines = nonEmptyLines(gateway.proxy.stdOut() + '\n' + gateway.proxy.stdErr());
    QVERIFY2(!lines.isEmpty(), "no log output at all");
    for (const QByteArray &line : lines) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && document.isObject(), line.constData());
    }
}

void TestCli::logsContainNoBodiesOrKeys()
{
    GatewayFixture gateway;
    gateway.options.env.insert(u"LLM_PROXY_API_KEYS"_s, u"sk-proxy-secret-4d2c"_s);
    QString error;
    QVERIFY2(gateway.start(&error), qPrintable(error));
    const HttpResponse ok =
        gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"PROMPT-SECRET-7f3a"_s),
                     {{"Authorization", "Bearer sk-proxy-secret-4d2c"}});
    QVERIFY2(ok.status == 200, qPrintable(ok.describe()));
    const HttpResponse denied =
        gateway.post(u"/v1/chat/completions"_s, chatRequest(u"mock-chat"_s, u"PROMPT-SECRET-7f3a"_s),
                     {{"Authorization", "Bearer sk-wrong-secret-9e1b"}});
    QCOMPARE(denied.status, 401);
    QVERIFY(gateway.proxy.sendSignal(SIGTERM));
    QVERIFY2(gateway.proxy.waitForExit(15000), qPrintable(gateway.proxy.diagnostics()));

    const QByteArray logs = gateway.proxy.stdOut() + gateway.proxy.stdErr();
    QVERIFY2(!logs.trimmed().isEmpty(), "no log output at all");
    for (const char *secret :
         {"PROMPT-SECRET-7f3a", "sk-proxy-secret-4d2c", "sk-wrong-secret-9e1b", "sk-upstream-secret"})
        QVERIFY2(!logs.contains(secret), qPrintable(u"log output contains %1:\n"_s.arg(QLatin1String(secret)) +
                                                    QString::fromUtf8(logs.right(2000))));
}

void TestCli::portInUseFailsClearly()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const QString config = writeFile(dir, u"config.yaml"_s, ProxyConfig().toYaml());
    const ProcessResult r =
        ProxyProcess::run({u"--headless"_s, u"--host"_s, u"127.0.0.1"_s, u"--port"_s,
                           QString::number(occupier.serverPort()), u"--data-dir"_s, dir.path(), u"--config"_s, config},
                          {}, 15000);
    QVERIFY2(r.finished, "the gateway kept running although its port was taken");
    QVERIFY2(r.exitCode != 0, qPrintable(outputOf(r)));
    QVERIFY2(QString::fromUtf8(r.out + r.err).contains(QString::number(occupier.serverPort())),
             qPrintable(outputOf(r)));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// Covers what a new user met with the server binary: --help names the program; /health reports the
// kill switch; every endpoint switched off is its own 503 (no_endpoint_enabled), not onboarding;
// where the configuration file is looked for (per-user for the desktop, ./config.yaml then
// /etc/llmproxy for the server, --config over both).
#include "tests/support/httpclient.h"
#include "tests/support/proxyprocess.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace llmproxy::test;
using namespace Qt::StringLiterals;

namespace {

constexpr char kAdminKey[] = "admin-key-for-tests";

HeaderList adminHeaders()
{
    return {qMakePair(QByteArray("Authorization"), QByteArray("Bearer ") + kAdminKey),
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

/// Runs `llmproxy --check-config` with HOME in `home` and the working directory `cwd`; its stdout.
QString checkConfig(const QString &home, const QString &cwd, const QStringList &extra, bool desktop)
{
    QProcess process;
    QProcessEnvironment env = ProxyProcess::environment(home, {});
    if (desktop)
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(cwd);
    process.start(ProxyProcess::binary(),
                  QStringList{u"--check-config"_s} + extra + (desktop ? QStringList() : QStringList{u"--headless"_s}));
    if (!process.waitForFinished(20'000))
        return u"<did not finish>"_s;
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

} // namespace

class TestNewUser : public QObject
{
    Q_OBJECT

private slots:
    void helpNamesTheProgram();
    void healthReportsKillSwitch();
    void everyEndpointDisabledIsNotOnboarding();
    void desktopReadsPerUserConfiguration();
    void serverReadsWorkingDirectoryThenSystemConfiguration();
};

void TestNewUser::helpNamesTheProgram()
{
    const ProcessResult r = ProxyProcess::run({u"--help"_s});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("Usage: llmproxy [--headless] [options]"), r.out.constData());
    QVERIFY2(!r.out.contains("<executable_name>"), r.out.constData());
}

void TestNewUser::healthReportsKillSwitch()
{
    ProxyProcess proxy;
    ProxyOptions options;
    options.env.insert(u"LLM_PROXY_ADMIN_KEYS"_s, QString::fromLatin1(kAdminKey));
    QVERIFY2(proxy.start(options), qPrintable(proxy.errorString()));
    const auto health = [&proxy] {
        return QJsonDocument::fromJson(HttpClient::get(proxy.url(u"/health"_s)).body).object();
    };
    QCOMPARE(health().value(u"status"_s).toString(), u"onboarding"_s);
    // Request records lost on the way to the log would be counted here; none are.
    QCOMPARE(health().value(u"records_dropped"_s).toInteger(-1), 0);
    QCOMPARE(HttpClient::request("POST", proxy.url(u"/api/v1/panic"_s), adminHeaders(), "{\"enabled\":true}").status,
             200);
    QCOMPARE(health().value(u"status"_s).toString(), u"panic"_s);
    QCOMPARE(HttpClient::request("POST", proxy.url(u"/api/v1/panic"_s), adminHeaders(), "{\"enabled\":false}").status,
             200);
    QCOMPARE(health().value(u"status"_s).toString(), u"onboarding"_s);
}

void TestNewUser::everyEndpointDisabledIsNotOnboarding()
{
    ProxyProcess proxy;
    ProxyOptions options;
    options.configYaml = "endpoints:\n"
                         "  only:\n"
                         "    provider: openai_compatible\n"
                         "    base_url: http://127.0.0.1:9/v1\n"
                         "    api_key: sk-test\n"
                         "    models: [m]\n"
                         "    enabled: false\n"
                         "discovery:\n"
                         "  local_scan: false\n";
    QVERIFY2(proxy.start(options), qPrintable(proxy.errorString()));
    const HttpResponse r = HttpClient::postJson(proxy.url(u"/v1/chat/completions"_s), chatRequest(u"m"_s, u"hi"_s));
    QCOMPARE(r.status, 503);
    const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"no_endpoint_enabled"_s);
    QVERIFY2(error.value(u"message"_s).toString().contains(u"disabled"_s), r.body.constData());
    const QJsonObject health = QJsonDocument::fromJson(HttpClient::get(proxy.url(u"/health"_s)).body).object();
    QCOMPARE(health.value(u"status"_s).toString(), u"no_endpoint_enabled"_s);
}

void TestNewUser::desktopReadsPerUserConfiguration()
{
    QTemporaryDir home;
    QTemporaryDir cwd;
    const QString userFile = home.path() + u"/.config/LLMProxy/llmproxy/config.yaml"_s;
    const QByteArray oneEndpoint = "endpoints:\n  e:\n    provider: openai_compatible\n"
                                   "    base_url: http://127.0.0.1:9/v1\n    api_key: sk-x\n    models: [m]\n";

    // Nothing anywhere: built-in defaults.
    QVERIFY2(checkConfig(home.path(), cwd.path(), {}, true).contains(u"configuration OK: built-in defaults"_s),
             qPrintable(checkConfig(home.path(), cwd.path(), {}, true)));
    // An older setup's ./config.yaml is still read while there is no per-user file ...
    QVERIFY(writeFile(cwd.path() + u"/config.yaml"_s, oneEndpoint));
    QString out = checkConfig(home.path(), cwd.path(), {}, true);
    QVERIFY2(out.contains(u"configuration OK: config.yaml, 1 endpoint(s)"_s), qPrintable(out));
    // ... the per-user file wins once it exists, whatever the working directory ...
    QVERIFY(writeFile(userFile, "server:\n  port: 8099\n"));
    out = checkConfig(home.path(), cwd.path(), {}, true);
    QVERIFY2(out.contains(u"configuration OK: %1, 0 endpoint(s)"_s.arg(userFile)), qPrintable(out));
    // ... and --config wins over both.
    const QString explicitFile = cwd.path() + u"/other.yaml"_s;
    QVERIFY(writeFile(explicitFile, oneEndpoint));
    out = checkConfig(home.path(), cwd.path(), {u"--config"_s, explicitFile}, true);
    QVERIFY2(out.contains(u"configuration OK: %1, 1 endpoint(s)"_s.arg(explicitFile)), qPrintable(out));
}

void TestNewUser::serverReadsWorkingDirectoryThenSystemConfiguration()
{
    QTemporaryDir home;
    QTemporaryDir cwd;
    // The per-user file is the desktop's: the server does not read it.
    QVERIFY(writeFile(home.path() + u"/.config/LLMProxy/llmproxy/config.yaml"_s, "server:\n  port: 8099\n"));
    QString out = checkConfig(home.path(), cwd.path(), {}, false);
    const bool systemFile = QFileInfo::exists(u"/etc/llmproxy/config.yaml"_s);
    if (systemFile)
        QVERIFY2(out.contains(u"configuration OK: /etc/llmproxy/config.yaml"_s), qPrintable(out));
    else
        QVERIFY2(out.contains(u"configuration OK: built-in defaults"_s), qPrintable(out));
    QVERIFY(writeFile(cwd.path() + u"/config.yaml"_s, "server:\n  port: 8098\n"));
    out = checkConfig(home.path(), cwd.path(), {}, false);
    QVERIFY2(out.contains(u"configuration OK: config.yaml"_s), qPrintable(out));
}

QTEST_GUILESS_MAIN(TestNewUser)
#include "tst_newuser.moc"

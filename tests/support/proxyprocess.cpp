// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/proxyprocess.h"

#include "tests/support/httpclient.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <signal.h>

namespace llmproxy::test {

ProxyProcess::ProxyProcess() = default;

ProxyProcess::~ProxyProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    if (m_process)
        m_process->disconnect();
}

QString ProxyProcess::binary()
{
    return qEnvironmentVariable("LLMPROXY_BINARY");
}

QProcessEnvironment ProxyProcess::environment(const QString &home, const QMap<QString, QString> &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        // Keep the gateway hermetic: no keys, endpoints or HTTP proxies from the developer's shell.
        const QString upper = key.toUpper();
        if (upper.startsWith(QLatin1String("LLM_PROXY_")) || upper.endsWith(QLatin1String("_API_KEY")) ||
            upper.endsWith(QLatin1String("_PROXY")) || upper == QLatin1String("OPENAI_BASE_URL"))
            env.remove(key);
    }
    // No background health checks: they would reach the mocks at random moments and change the
    // counts and breaker states tests assert on (tst_healthprobe turns them back on).
    env.insert(QStringLiteral("LLM_PROXY_HEALTH_INTERVAL_S"), QStringLiteral("0"));
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run"));
        QDir(home).mkpath(QStringLiteral("run"));
    }
    for (auto it = extra.begin(); it != extra.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

bool ProxyProcess::start(const ProxyOptions &options)
{
    const QString exe = binary();
    if (exe.isEmpty()) {
        m_error = QStringLiteral("LLMPROXY_BINARY is not set (run the test through ctest)");
        return false;
    }
    m_tmp = std::make_unique<QTemporaryDir>();
    if (!m_tmp->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QDir(m_tmp->path()).mkpath(QStringLiteral("data"));
    QDir(m_tmp->path()).mkpath(QStringLiteral("work"));
    m_host = options.host;
    m_port = options.port != 0 ? options.port : freePort();

    QStringList args{QStringLiteral("--port"),     QString::number(m_port),
                     QStringLiteral("--host"),     m_host,
                     QStringLiteral("--data-dir"), dataDir()};
    if (options.headless)
        args.prepend(QStringLiteral("--headless"));
    if (!options.configYaml.isEmpty()) {
        QFile file(configPath());
        if (!file.open(QIODevice::WriteOnly) || file.write(options.configYaml) != options.configYaml.size()) {
            m_error = QStringLiteral("cannot write ") + configPath();
            return false;
        }
        file.close();
        args << QStringLiteral("--config") << configPath();
    }
    args += options.extraArgs;

    m_stdout.clear();
    m_stderr.clear();
    m_process = std::make_unique<QProcess>();
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardOutput, process,
                     [this, process] { m_stdout += process->readAllStandardOutput(); });
    QObject::connect(process, &QProcess::readyReadStandardError, process,
                     [this, process] { m_stderr += process->readAllStandardError(); });
    process->setProcessEnvironment(environment(m_tmp->path(), options.env));
    // A private working directory, so no .env from the source tree is picked up.
    process->setWorkingDirectory(workDir());
    process->start(exe, args);
    if (!process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start ") + exe + QStringLiteral(": ") + process->errorString();
        return false;
    }
    if (!options.waitForReady)
        return true;

    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < options.readyTimeoutMs) {
        if (process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("llmproxy exited before it was ready\n") + diagnostics();
            return false;
        }
        const HttpResponse r = HttpClient::get(url(options.readyPath), {}, 2000);
        if (r.status == 200)
            return true;
        QTest::qWait(50);
    }
    m_error = QStringLiteral("llmproxy did not answer 200 on %1 within %2 ms\n")
                  .arg(options.readyPath)
                  .arg(options.readyTimeoutMs) +
              diagnostics();
    return false;
}

QUrl ProxyProcess::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://%1:%2").arg(m_host).arg(m_port) + pathAndQuery);
}

QString ProxyProcess::dataDir() const
{
    return m_tmp ? m_tmp->path() + QStringLiteral("/data") : QString();
}

QString ProxyProcess::workDir() const
{
    return m_tmp ? m_tmp->path() + QStringLiteral("/work") : QString();
}

QString ProxyProcess::configPath() const
{
    return m_tmp ? m_tmp->path() + QStringLiteral("/config.yaml") : QString();
}

bool ProxyProcess::sendSignal(int signal)
{
    const qint64 pid = processId();
    return pid > 0 && ::kill(pid_t(pid), signal) == 0;
}

bool ProxyProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return true;
    return QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
}

bool ProxyProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int ProxyProcess::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QProcess::ExitStatus ProxyProcess::exitStatus() const
{
    return m_process ? m_process->exitStatus() : QProcess::CrashExit;
}

qint64 ProxyProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void ProxyProcess::drainOutput() const
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError();
}

QByteArray ProxyProcess::stdOut() const
{
    drainOutput();
    return m_stdout;
}

QByteArray ProxyProcess::stdErr() const
{
    drainOutput();
    return m_stderr;
}

QString ProxyProcess::diagnostics() const
{
    drainOutput();
    QString text;
    if (!m_process) {
        text = QStringLiteral("[llmproxy not started]");
    } else if (m_process->state() == QProcess::NotRunning) {
        text = QStringLiteral("[llmproxy exited: code %1, %2]")
                   .arg(m_process->exitCode())
                   .arg(m_process->exitStatus() == QProcess::NormalExit ? QStringLiteral("normal")
                                                                        : QStringLiteral("crashed"));
    } else {
        text = QStringLiteral("[llmproxy running, pid %1]").arg(m_process->processId());
    }
    text += QStringLiteral("\n--- stdout (tail) ---\n") + QString::fromUtf8(m_stdout.right(3000));
    text += QStringLiteral("\n--- stderr (tail) ---\n") + QString::fromUtf8(m_stderr.right(3000));
    return text;
}

ProcessResult ProxyProcess::run(const QStringList &args, const QMap<QString, QString> &env, int timeoutMs)
{
    ProcessResult result;
    QTemporaryDir tmp;
    QProcess process;
    process.setProcessEnvironment(environment(tmp.path(), env));
    process.setWorkingDirectory(tmp.path());
    process.start(binary(), args);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    result.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace llmproxy::test

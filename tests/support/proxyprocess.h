// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace llmproxy::test {

/// How to start the gateway under test.
struct ProxyOptions
{
    QByteArray configYaml;      ///< written to <tmp>/config.yaml and passed with --config; empty: no --config
    QStringList extraArgs;      ///< appended after the standard arguments
    QMap<QString, QString> env; ///< added to a scrubbed environment (no LLM_PROXY_*, *_API_KEY, proxies)
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; ///< 0: a free port
    QString readyPath = QStringLiteral("/health/ready");
    bool waitForReady = true;
    int readyTimeoutMs = 20000;
    bool headless = true; ///< false: the desktop (window and tray); give it a display in `env`
};

/// Output of a run-to-completion invocation (--version, --check-config, ...).
struct ProcessResult
{
    bool finished = false;
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
};

/// Runs the llmproxy binary (path from LLMPROXY_BINARY) headless on a free loopback port with a private
/// data dir and working dir, captures its output and, by default, waits until it reports ready.
/// A process still running when this object goes away is killed.
class ProxyProcess
{
public:
    ProxyProcess();
    ~ProxyProcess();
    ProxyProcess(const ProxyProcess &) = delete;
    ProxyProcess &operator=(const ProxyProcess &) = delete;

    bool start(const ProxyOptions &options);
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    /// http://<host>:<port><pathAndQuery>
    QUrl url(const QString &pathAndQuery = {}) const;
    QString dataDir() const;
    QString workDir() const;
    QString configPath() const;

    bool sendSignal(int signal);
    /// Waits (running the event loop) until the process ends.
    bool waitForExit(int timeoutMs);
    bool isRunning() const;
    int exitCode() const;
    QProcess::ExitStatus exitStatus() const;
    qint64 processId() const;

    QByteArray stdOut() const;
    QByteArray stdErr() const;
    /// State, exit code and the tail of both streams, for failure messages.
    QString diagnostics() const;

    /// Path of the binary under test (LLMPROXY_BINARY), empty when unset.
    static QString binary();
    /// The scrubbed environment every test process starts from, plus `extra`.
    static QProcessEnvironment environment(const QString &home, const QMap<QString, QString> &extra);
    /// Runs the binary with `args` (no standard arguments added) until it exits.
    static ProcessResult run(const QStringList &args, const QMap<QString, QString> &env = {}, int timeoutMs = 20000);

private:
    void drainOutput() const;

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<QProcess> m_process;
    // Output is collected as it arrives and drained on demand, so reads are possible from const accessors.
    mutable QByteArray m_stdout;
    mutable QByteArray m_stderr;
    QString m_host;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace llmproxy::test

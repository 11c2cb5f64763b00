// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "tests/support/httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace llmproxy::test {

/// A request the mock upstream received (from GET /__mock/requests).
struct MockRequest
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    HeaderList headers; ///< as received: original case and order
    QByteArray body;    ///< exact bytes

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QJsonObject json() const;
};

/// Runs llmproxy-mock-upstream (path from LLMPROXY_MOCK_BINARY) on a free port and talks to its
/// /__mock/ control API. The process is killed when this object goes away.
class MockUpstreamProcess
{
public:
    explicit MockUpstreamProcess(QStringList extraArgs = {});
    ~MockUpstreamProcess();
    MockUpstreamProcess(const MockUpstreamProcess &) = delete;
    MockUpstreamProcess &operator=(const MockUpstreamProcess &) = delete;

    /// Starts the binary with --port 0 and waits for its LISTENING line.
    bool start(int timeoutMs = 10000);
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    quint16 port() const { return m_port; }
    /// http://127.0.0.1:<port><path>
    QUrl url(const QString &path = {}) const;
    /// The base URL an endpoint uses: http://127.0.0.1:<port>/v1
    QString baseUrl() const;

    /// Queues behaviours for the next inference requests (see tests/support/README.md).
    bool script(const QJsonArray &behaviours);
    bool script(const QJsonObject &behaviour) { return script(QJsonArray{behaviour}); }
    QList<MockRequest> requests() const;
    /// Requests to inference routes only (POST .../chat/completions, .../completions, .../embeddings).
    QList<MockRequest> inferenceRequests() const;
    QJsonObject stats() const;
    /// One counter from stats(), -1 if the mock did not answer.
    qint64 stat(const char *name) const;
    bool reset();
    QByteArray stdErr() const { return m_stderr; }

private:
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace llmproxy::test

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace llmproxy::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound and released).
quint16 freePort();

/// A TCP port on 127.0.0.1 that refuses every connection for as long as this object lives: a socket
/// is bound to it but never listens, so the kernel answers a connect with a reset and no other server
/// (another test running in parallel, say) can take the port. A port that was merely released
/// (freePort) may be handed to the next listener and answer after all.
class RefusingPort
{
public:
    RefusingPort();
    ~RefusingPort();
    RefusingPort(const RefusingPort &) = delete;
    RefusingPort &operator=(const RefusingPort &) = delete;

    /// 0 when no socket could be bound.
    quint16 port() const { return m_port; }

private:
    qintptr m_socket = -1;
    quint16 m_port = 0;
};

/// The environment variable `name` (set by ctest for the binaries under test), empty when unset.
QString requiredEnv(const char *name);

/// Empty when `body` is an OpenAI-shaped error ({"error":{"message","type","param","code"}}), else why not.
QString openAiErrorProblem(const QByteArray &body);

/// A chat completion request body with one user message.
QJsonObject chatRequest(const QString &model, const QString &userText, bool stream = false, bool includeUsage = false);

/// choices[0].message.content of a chat completion.
QString chatContent(const QJsonObject &completion);
/// The concatenated choices[0].delta.content of a streamed chat completion (SSE body).
QString streamedChatContent(const QByteArray &sseBody);
/// The text of the first content part of the first output item of a Responses `response` object.
QString responsesOutputText(const QJsonObject &response);

/// One endpoint in a generated config file.
struct EndpointSpec
{
    QString id = QStringLiteral("mock");
    QString provider = QStringLiteral("openai_compatible");
    QString baseUrl;
    QStringList models;
    QString apiKey;     ///< written as api_key when set
    QString apiKeyEnv;  ///< written as api_key_env when set
    QString apiVersion; ///< written as api_version when set (Azure deployments API)
    qint64 numCtx = 0;  ///< written as num_ctx when > 0 (Ollama context window)
    qint64 priority = 0; ///< written as priority when > 0
    qint64 weight = 0;   ///< written as weight when > 0
};

/// Builds the YAML config the proxy tests run with. Discovery is always off; unset (0) limits are omitted.
struct ProxyConfig
{
    QList<EndpointSpec> endpoints;
    int workers = 2;
    qint64 maxBodyBytes = 0;
    qint64 maxHeaderBytes = 0;
    int headerTimeoutMs = 0;
    int bodyTimeoutMs = 0;
    int idleTimeoutMs = 0;
    int shutdownGraceMs = 0;
    int connectTimeoutMs = 0;
    int firstByteTimeoutMs = 0;
    int upstreamIdleTimeoutMs = 0;
    int totalTimeoutMs = 0;
    QByteArray serverYaml; ///< appended verbatim inside server: (lines indented by two spaces)
    QByteArray extraYaml;  ///< appended verbatim (further top-level sections)

    QByteArray toYaml() const;
};

/// The run-time changes of `kind` ("registry", "features", "routing") a gateway on `dataDir` kept,
/// as their JSON document (docs/storage.md#runtime_state): the row of runtime_state in the data
/// directory's database (llmproxy.db) when there is one, else the file `<kind>.json`; empty when
/// neither holds it. The store's writer commits a moment after the change: when `until` is given, the
/// document is read again (for up to 10 s) until it holds, and the last one read is returned otherwise.
QByteArray savedRuntimeState(const QString &dataDir, const QString &kind,
                             const std::function<bool(const QJsonObject &)> &until = {});

} // namespace llmproxy::test

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/testsupport.h"

#include "tests/support/sseparser.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace llmproxy::test {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

#ifdef Q_OS_UNIX
RefusingPort::RefusingPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), length) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        ::close(fd);
        return;
    }
    m_socket = fd;
    m_port = ntohs(address.sin_port);
}

RefusingPort::~RefusingPort()
{
    if (m_socket >= 0)
        ::close(static_cast<int>(m_socket));
}
#else
RefusingPort::RefusingPort() : m_port(freePort()) {}

RefusingPort::~RefusingPort() = default;
#endif

QString requiredEnv(const char *name)
{
    return qEnvironmentVariable(name);
}

QString openAiErrorProblem(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return QStringLiteral("body is not a JSON object: ") + QString::fromUtf8(body.left(300));
    const QJsonValue error = document.object().value(QLatin1String("error"));
    if (!error.isObject())
        return QStringLiteral("no \"error\" object in: ") + QString::fromUtf8(body.left(300));
    const QJsonObject e = error.toObject();
    if (!e.value(QLatin1String("message")).isString() || e.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("error.message is not a non-empty string");
    if (!e.value(QLatin1String("type")).isString())
        return QStringLiteral("error.type is not a string");
    if (!e.contains(QLatin1String("param")))
        return QStringLiteral("error.param is missing");
    if (!e.contains(QLatin1String("code")))
        return QStringLiteral("error.code is missing");
    return {};
}

QJsonObject chatRequest(const QString &model, const QString &userText, bool stream, bool includeUsage)
{
    QJsonObject body{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                            {QStringLiteral("content"), userText}}}},
    };
    if (stream) {
        body.insert(QStringLiteral("stream"), true);
        if (includeUsage)
            body.insert(QStringLiteral("stream_options"), QJsonObject{{QStringLiteral("include_usage"), true}});
    }
    return body;
}

QString chatContent(const QJsonObject &completion)
{
    return completion.value(QLatin1String("choices"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("content"))
        .toString();
}

QString responsesOutputText(const QJsonObject &response)
{
    return response.value(QLatin1String("output"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("content"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("text"))
        .toString();
}

QString streamedChatContent(const QByteArray &sseBody)
{
    QString text;
    const QList<QByteArray> payloads = SseParser::dataPayloads(sseBody);
    for (const QByteArray &payload : payloads) {
        const QJsonObject chunk = QJsonDocument::fromJson(payload).object();
        const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty())
            text += choices.at(0)
                        .toObject()
                        .value(QLatin1String("delta"))
                        .toObject()
                        .value(QLatin1String("content"))
                        .toString();
    }
    return text;
}

namespace {

QByteArray yamlString(const QString &value)
{
    // JSON strings are valid YAML double-quoted scalars.
    QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return json.mid(1, json.size() - 2);
}

void addIfSet(QByteArray &out, const char *indent, const char *key, qint64 value)
{
    if (value > 0)
        out += QByteArray(indent) + key + ": " + QByteArray::number(value) + '\n';
}

} // namespace

QByteArray ProxyConfig::toYaml() const
{
    QByteArray out = "server:\n  host: 127.0.0.1\n";
    addIfSet(out, "  ", "workers", workers);
    if (maxBodyBytes > 0 || maxHeaderBytes > 0 || headerTimeoutMs > 0 || bodyTimeoutMs > 0 || idleTimeoutMs > 0) {
        out += "  limits:\n";
        addIfSet(out, "    ", "max_body_bytes", maxBodyBytes);
        addIfSet(out, "    ", "max_header_bytes", maxHeaderBytes);
        addIfSet(out, "    ", "header_timeout_ms", headerTimeoutMs);
        addIfSet(out, "    ", "body_timeout_ms", bodyTimeoutMs);
        addIfSet(out, "    ", "idle_timeout_ms", idleTimeoutMs);
    }
    addIfSet(out, "  ", "shutdown_grace_ms", shutdownGraceMs);
    out += serverYaml;
    if (connectTimeoutMs > 0 || firstByteTimeoutMs > 0 || upstreamIdleTimeoutMs > 0 || totalTimeoutMs > 0) {
        out += "upstream:\n";
        addIfSet(out, "  ", "connect_timeout_ms", connectTimeoutMs);
        addIfSet(out, "  ", "first_byte_timeout_ms", firstByteTimeoutMs);
        addIfSet(out, "  ", "idle_timeout_ms", upstreamIdleTimeoutMs);
        addIfSet(out, "  ", "total_timeout_ms", totalTimeoutMs);
    }
    if (endpoints.isEmpty()) {
        out += "endpoints: {}\n";
    } else {
        out += "endpoints:\n";
        for (const EndpointSpec &e : endpoints) {
            out += "  " + e.id.toUtf8() + ":\n";
            out += "    provider: " + yamlString(e.provider) + '\n';
            out += "    base_url: " + yamlString(e.baseUrl) + '\n';
            if (!e.apiKey.isEmpty())
                out += "    api_key: " + yamlString(e.apiKey) + '\n';
            if (!e.apiKeyEnv.isEmpty())
                out += "    api_key_env: " + yamlString(e.apiKeyEnv) + '\n';
            if (!e.apiVersion.isEmpty())
                out += "    api_version: " + yamlString(e.apiVersion) + '\n';
            addIfSet(out, "    ", "num_ctx", e.numCtx);
            addIfSet(out, "    ", "priority", e.priority);
            addIfSet(out, "    ", "weight", e.weight);
            out += "    models: [";
            for (qsizetype i = 0; i < e.models.size(); ++i)
                out += (i > 0 ? ", " : "") + yamlString(e.models.at(i));
            out += "]\n";
        }
    }
    out += "discovery:\n  local_scan: false\n";
    out += extraYaml;
    return out;
}

namespace {

/// One read of savedRuntimeState(): the row, or the file without a database.
QByteArray readRuntimeState(const QString &dataDir, const QString &kind)
{
    const QDir dir(dataDir);
    if (!QFile::exists(dir.filePath(QStringLiteral("llmproxy.db")))) {
        QFile file(dir.filePath(kind + QStringLiteral(".json")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QByteArray body;
    const QString name = QStringLiteral("test-runtime-state");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dir.filePath(QStringLiteral("llmproxy.db")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT body FROM runtime_state WHERE kind = ?"));
            q.addBindValue(kind);
            if (q.exec() && q.next())
                body = q.value(0).toString().toUtf8();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return body;
}

} // namespace

QByteArray savedRuntimeState(const QString &dataDir, const QString &kind,
                             const std::function<bool(const QJsonObject &)> &until)
{
    const QDeadlineTimer deadline(10'000);
    QByteArray bytes = readRuntimeState(dataDir, kind);
    while (until && !until(QJsonDocument::fromJson(bytes).object()) && !deadline.hasExpired()) {
        QCoreApplication::processEvents(); // an engine on this thread may still have to save the change
        QThread::msleep(20);
        bytes = readRuntimeState(dataDir, kind);
    }
    return bytes;
}

} // namespace llmproxy::test

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "tests/support/mockupstreamprocess.h"

#include <QJsonDocument>
#include <QTest>

namespace llmproxy::test {

QByteArray MockRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool MockRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QJsonObject MockRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

MockUpstreamProcess::MockUpstreamProcess(QStringList extraArgs) : m_extraArgs(std::move(extraArgs)) {}

MockUpstreamProcess::~MockUpstreamProcess()
{
    stop();
}

bool MockUpstreamProcess::start(int timeoutMs)
{
    const QString binary = qEnvironmentVariable("LLMPROXY_MOCK_BINARY");
    if (binary.isEmpty()) {
        m_error = QStringLiteral("LLMPROXY_MOCK_BINARY is not set (run the test through ctest)");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardOutput, process,
                     [this, process] { m_stdout += process->readAllStandardOutput(); });
    QObject::connect(process, &QProcess::readyReadStandardError, process,
                     [this, process] { m_stderr += process->readAllStandardError(); });
    process->start(binary, QStringList{QStringLiteral("--port"), QStringLiteral("0")} + m_extraArgs);
    const bool listening =
        QTest::qWaitFor([&] { return m_stdout.contains('\n') || process->state() == QProcess::NotRunning; }, timeoutMs);
    const qsizetype at = m_stdout.indexOf("LISTENING ");
    if (!listening || at < 0) {
        m_error = QStringLiteral("mock upstream did not start: ") + process->errorString() +
                  QStringLiteral("; stderr: ") + QString::fromUtf8(m_stderr);
        stop();
        return false;
    }
    const qsizetype eol = m_stdout.indexOf('\n', at);
    m_port = quint16(m_stdout.mid(at + 10, eol - at - 10).trimmed().toUInt());
    return m_port != 0;
}

void MockUpstreamProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, 5000))
            qWarning("mock upstream did not exit after SIGKILL");
    }
    m_process->disconnect();
    m_process.reset();
}

bool MockUpstreamProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl MockUpstreamProcess::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + path);
}

QString MockUpstreamProcess::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_port);
}

bool MockUpstreamProcess::script(const QJsonArray &behaviours)
{
    const HttpResponse r = HttpClient::post(url(QStringLiteral("/__mock/script")),
                                            QJsonDocument(behaviours).toJson(QJsonDocument::Compact),
                                            {{"Content-Type", "application/json"}}, 10000);
    if (r.status != 200)
        qWarning("mock script rejected: %s", qPrintable(r.describe()));
    return r.status == 200;
}

QList<MockRequest> MockUpstreamProcess::requests() const
{
    QList<MockRequest> out;
    const HttpResponse r = HttpClient::get(url(QStringLiteral("/__mock/requests")), {}, 10000);
    const QJsonArray items = QJsonDocument::fromJson(r.body).array();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        MockRequest m;
        m.method = o.value(QLatin1String("method")).toString().toUtf8();
        m.path = o.value(QLatin1String("path")).toString().toUtf8();
        m.query = o.value(QLatin1String("query")).toString().toUtf8();
        m.body = QByteArray::fromBase64(o.value(QLatin1String("body_base64")).toString().toLatin1());
        const QJsonArray headers = o.value(QLatin1String("headers")).toArray();
        for (const QJsonValue &h : headers) {
            const QJsonArray pair = h.toArray();
            m.headers.append({pair.at(0).toString().toUtf8(), pair.at(1).toString().toUtf8()});
        }
        out.append(m);
    }
    return out;
}

QList<MockRequest> MockUpstreamProcess::inferenceRequests() const
{
    QList<MockRequest> out;
    const QList<MockRequest> all = requests();
    for (const MockRequest &m : all) {
        const bool inference = m.path.endsWith("/chat/completions") || m.path.endsWith("/completions") ||
                               m.path.endsWith("/embeddings") || m.path.endsWith("/messages") ||
                               m.path.endsWith("/responses") || m.path == "/api/chat" ||
                               m.path.endsWith(":generateContent") || m.path.endsWith(":streamGenerateContent");
        if (m.method == "POST" && inference)
            out.append(m);
    }
    return out;
}

QJsonObject MockUpstreamProcess::stats() const
{
    return HttpClient::get(url(QStringLiteral("/__mock/stats")), {}, 10000).json();
}

qint64 MockUpstreamProcess::stat(const char *name) const
{
    const QJsonObject s = stats();
    const QJsonValue v = s.value(QLatin1String(name));
    return v.isDouble() ? v.toInteger() : -1;
}

bool MockUpstreamProcess::reset()
{
    return HttpClient::post(url(QStringLiteral("/__mock/reset")), {}, {}, 10000).status == 200;
}

} // namespace llmproxy::test

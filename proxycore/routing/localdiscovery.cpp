// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/localdiscovery.h"

#include "proxycore/upstream/controlplane.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QUrl>

namespace llmproxy {

namespace {

// A models list is a few KiB; anything far larger is not the server we are looking for.
constexpr qint64 MaxProbeBody = 4 * 1024 * 1024;

/// `{"data":[{"id":...},...]}` (OpenAI) or, with `ollama`, `{"models":[{"name":...},...]}` (Ollama's
/// /api/tags and /api/ps).
std::optional<QStringList> parseModels(const QByteArray &body, bool ollama)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonValue list = doc.object().value(ollama ? QLatin1String("models") : QLatin1String("data"));
    if (!list.isArray())
        return std::nullopt;
    QStringList models;
    const QJsonArray entries = list.toArray();
    for (const QJsonValue &entry : entries) {
        const QString id = entry.toObject().value(ollama ? QLatin1String("name") : QLatin1String("id")).toString();
        if (!id.isEmpty() && !models.contains(id))
            models.append(id);
    }
    return models;
}

} // namespace

QList<LocalDiscoveryTarget> defaultLocalDiscoveryTargets()
{
    return {
        {QStringLiteral("ollama"), 11434},
        {QStringLiteral("lmstudio"), 1234},
        {QStringLiteral("vllm"), 8000},
        {QStringLiteral("llamacpp"), 8080},
    };
}

LocalDiscovery::LocalDiscovery(QList<LocalDiscoveryTarget> targets, QString host, QNetworkAccessManager *network,
                               QObject *parent)
    : QObject(parent), m_targets(std::move(targets)), m_host(std::move(host)), m_network(network)
{
    if (!m_network) {
        m_ownNetwork = makeControlPlaneNetworkAccess(this);
        m_network = m_ownNetwork.get();
    }
    connect(&m_timer, &QTimer::timeout, this, &LocalDiscovery::scanNow);
}

LocalDiscovery::~LocalDiscovery()
{
    // abort() emits finished() synchronously; nobody must be listening any more.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inflight)) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void LocalDiscovery::setIntervalMs(int ms)
{
    m_intervalMs = qMax(0, ms);
    if (m_timer.isActive()) {
        if (m_intervalMs > 0)
            m_timer.start(m_intervalMs);
        else
            m_timer.stop();
    }
}

void LocalDiscovery::start()
{
    scanNow();
    if (m_intervalMs > 0)
        m_timer.start(m_intervalMs);
}

void LocalDiscovery::stop()
{
    m_timer.stop();
}

void LocalDiscovery::scanNow()
{
    if (m_pending > 0)
        return;
    m_results.assign(size_t(m_targets.size()), std::nullopt);
    m_loaded.assign(size_t(m_targets.size()), QStringList());
    m_pending = int(m_targets.size());
    if (m_pending == 0) {
        // Keep the "one signal per scan" promise, but never from inside scanNow().
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT discovered({}); }, Qt::QueuedConnection);
        return;
    }
    for (int i = 0; i < m_targets.size(); ++i)
        probe(i, Step::Models);
}

void LocalDiscovery::probe(int index, Step step)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host);
    url.setPort(m_targets.at(index).port);
    switch (step) {
    case Step::Models:
        url.setPath(QStringLiteral("/v1/models"));
        break;
    case Step::Tags:
        url.setPath(QStringLiteral("/api/tags"));
        break;
    case Step::Loaded:
        url.setPath(QStringLiteral("/api/ps"));
        break;
    }
    QNetworkReply *reply = m_network->get(makeControlPlaneRequest(url, m_probeTimeoutMs));
    m_inflight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, index, step] { probeFinished(reply, index, step); });
    connect(reply, &QNetworkReply::downloadProgress, this, [reply](qint64 received, qint64) {
        if (received > MaxProbeBody)
            reply->abort();
    });
    // The transfer timeout only catches silence; this also ends a server that drips bytes.
    QTimer::singleShot(m_probeTimeoutMs, reply, [reply] { reply->abort(); });
}

void LocalDiscovery::probeFinished(QNetworkReply *reply, int index, Step step)
{
    m_inflight.removeAll(reply);
    reply->deleteLater();
    std::optional<QStringList> models;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::NoError && status == 200)
        models = parseModels(reply->readAll(), step != Step::Models);
    const bool ollama = m_targets.at(index).provider == QLatin1String("ollama");

    if (step == Step::Loaded) {
        // Without an answer the server is still there; only what it has loaded is unknown.
        m_loaded[size_t(index)] = models.value_or(QStringList());
        targetDone();
        return;
    }
    if (!models && step == Step::Models && ollama && status != 0) {
        // Ollama releases before the OpenAI-compatible API only have /api/tags.
        probe(index, Step::Tags);
        return;
    }
    m_results[size_t(index)] = models;
    if (models && step == Step::Models && ollama) {
        probe(index, Step::Loaded);
        return;
    }
    // LM Studio, vLLM and llama.cpp list the models they have loaded.
    if (models && !ollama)
        m_loaded[size_t(index)] = *models;
    targetDone();
}

void LocalDiscovery::targetDone()
{
    if (--m_pending > 0)
        return;

    QList<EndpointConfig> endpoints;
    QSet<QString> ids;
    for (int i = 0; i < m_targets.size(); ++i) {
        const std::optional<QStringList> &found = m_results[size_t(i)];
        if (!found)
            continue;
        const LocalDiscoveryTarget &target = m_targets.at(i);
        EndpointConfig endpoint;
        endpoint.id = QStringLiteral("local-") + target.provider;
        if (ids.contains(endpoint.id))
            endpoint.id += QLatin1Char('-') + QString::number(target.port);
        ids.insert(endpoint.id);
        endpoint.provider = target.provider;
        QUrl base;
        base.setScheme(QStringLiteral("http"));
        base.setHost(m_host);
        base.setPort(target.port);
        base.setPath(QStringLiteral("/v1"));
        endpoint.baseUrl = base.toString();
        endpoint.models = *found;
        endpoint.loadedModels = m_loaded[size_t(i)];
        endpoint.enabled = !found->isEmpty();
        endpoint.source = QStringLiteral("discovery");
        endpoints.append(endpoint);
    }
    m_results.clear();
    m_loaded.clear();
    Q_EMIT discovered(endpoints);
}

} // namespace llmproxy

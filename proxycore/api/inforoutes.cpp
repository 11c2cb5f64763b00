// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// ApiRouter's informational routes: /health (and /health/ready, /health/live), Ollama's discovery
// routes (/api/version, /api/tags, /api/show), and the model list (/v1/models, /v1/models/{id}).
#include "proxycore/api/apirouter.h"

#include "proxycore/api/proxycall.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/api/storedresponsesapi.h"
#include "proxycore/api/threadhop.h"
#include "proxycore/cache/cachekey.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/http/httpresponder.h"
#include "proxycore/observability/logger.h"
#include "proxycore/observability/recordqueue.h"
#include "proxycore/pipeline/requestcontext.h"
#include "proxycore/pipeline/requestpipeline.h"
#include "proxycore/routing/upstreamplan.h"
#include "proxycore/store/store.h"
#include "proxycore/upstream/upstreamtransport.h"
#include "proxycore/util/sha256.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QUrl>

namespace llmproxy {

void ApiRouter::handleHealth(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    const bool draining = m_state->draining.load(std::memory_order_relaxed);
    QJsonObject o;
    int status = 200;
    if (request.path == "/health/live") {
        o.insert(QStringLiteral("status"), QStringLiteral("alive"));
    } else {
        const RoutingSnapshotPtr snapshot = m_state->current();
        const bool paused = m_state->paused.load(std::memory_order_relaxed);
        const bool panic = m_state->panic.load(std::memory_order_relaxed);
        const QString state = draining ? QStringLiteral("shutting_down")
                              : panic  ? QStringLiteral("panic")
                              : paused ? QStringLiteral("paused")
                              : snapshot->isOnboarding() && !snapshot->config().endpoints.isEmpty()
                                  ? QStringLiteral("no_endpoint_enabled")
                              : snapshot->isOnboarding() ? QStringLiteral("onboarding")
                                                         : QStringLiteral("ok");
        o.insert(QStringLiteral("status"), state);
        o.insert(QStringLiteral("version"), QStringLiteral(LLMPROXY_VERSION));
        o.insert(QStringLiteral("endpoints"), int(snapshot->endpoints().size()));
        o.insert(QStringLiteral("records_dropped"), qint64(m_state->droppedRecords.load(std::memory_order_relaxed)));
        if (snapshot->config().caching.enabled && m_state->cache) {
            const ResponseCacheStats cache = m_state->cache->stats();
            const quint64 lookups = cache.hits + cache.misses;
            o.insert(QStringLiteral("cache"),
                     QJsonObject{{QStringLiteral("entries"), cache.entries},
                                 {QStringLiteral("hits"), qint64(cache.hits)},
                                 {QStringLiteral("hit_ratio"),
                                  lookups ? QJsonValue(double(cache.hits) / double(lookups)) : QJsonValue()}});
        }
        if (const Store *store = m_state->store.get()) {
            // A database that is locked, full or gone degrades the gateway, it does not stop it:
            // requests are served, the writer retries, and what it has to drop is counted here.
            const StoreStatus s = store->status();
            QJsonObject so{
                {QStringLiteral("state"), s.writer.degraded ? QStringLiteral("degraded") : QStringLiteral("ok")},
                {QStringLiteral("backend"), s.backend},
                {QStringLiteral("queue_depth"), s.writer.queueDepth},
                {QStringLiteral("written"), qint64(s.writer.written)},
                {QStringLiteral("dropped"), qint64(s.writer.dropped)},
                {QStringLiteral("rejected"), qint64(s.writer.rejected)},
                {QStringLiteral("retries"), qint64(s.writer.retries)}};
            if (s.writer.degraded)
                so.insert(QStringLiteral("reason"), s.writer.reason);
            // The audit ledger's events dropped (queue full) or lost (a batch the database refused).
            if (const AuditService *audit = store->audit())
                so.insert(QStringLiteral("audit_dropped"), qint64(audit->dropped()));
            o.insert(QStringLiteral("store"), so);
            if (s.writer.degraded && state == u"ok")
                o.insert(QStringLiteral("status"), QStringLiteral("degraded"));
        }
        if (draining)
            status = 503;
    }
    HeaderList h = jsonHeaders();
    h.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store")});
    responder->respond(status, h, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void ApiRouter::handleOllamaDiscovery(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    // The Ollama endpoints that tools such as GitHub Copilot's Ollama provider use to discover
    // models. Chat itself then goes to /v1/chat/completions on the same port.
    std::shared_ptr<const KeyAccess> key;
    if (!authorize(request, responder, false, &key))
        return;
    const RoutingSnapshotPtr snapshot = m_state->current();
    const QString modified =
        QDateTime::fromSecsSinceEpoch(snapshot->createdEpoch(), QTimeZone::utc()).toString(Qt::ISODate);
    const auto details = [] {
        return QJsonObject{{QStringLiteral("parent_model"), QString()},
                           {QStringLiteral("format"), QStringLiteral("api")},
                           {QStringLiteral("family"), QStringLiteral("llmproxy")},
                           {QStringLiteral("families"), QJsonArray{QStringLiteral("llmproxy")}},
                           {QStringLiteral("parameter_size"), QString()},
                           {QStringLiteral("quantization_level"), QString()}};
    };
    QByteArray body;
    if (request.path == "/api/version") {
        if (request.method != "GET" && request.method != "HEAD")
            return reply(request, responder, ApiError::methodNotAllowed("GET", request.path));
        body = QByteArrayLiteral(
            "{\"version\":\"0.9.0\"}"); // a current-looking release: clients refuse "outdated" servers
    } else if (request.path == "/api/tags") {
        if (request.method != "GET" && request.method != "HEAD")
            return reply(request, responder, ApiError::methodNotAllowed("GET", request.path));
        QJsonArray models;
        for (const QString &id : snapshot->modelIds()) {
            if (!keyMayUse(key.get(), *snapshot, id))
                continue;
            const QByteArray digest = sha256Hex(id.toUtf8());
            models.append(QJsonObject{{QStringLiteral("name"), id},
                                      {QStringLiteral("model"), id},
                                      {QStringLiteral("modified_at"), modified},
                                      {QStringLiteral("size"), 0},
                                      {QStringLiteral("digest"), QString::fromLatin1(digest)},
                                      {QStringLiteral("details"), details()}});
        }
        body = QJsonDocument(QJsonObject{{QStringLiteral("models"), models}}).toJson(QJsonDocument::Compact);
    } else {
        if (request.method != "POST")
            return reply(request, responder, ApiError::methodNotAllowed("POST", request.path));
        const QJsonObject query = QJsonDocument::fromJson(request.body).object();
        QString model = query.value(QLatin1String("model")).toString();
        if (model.isEmpty())
            model = query.value(QLatin1String("name")).toString();
        if (!snapshot->resolve(model).endpoint || !keyMayUse(key.get(), *snapshot, model)) {
            HeaderList h = jsonHeaders();
            responder->respond(
                404, h,
                QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("model '%1' not found").arg(model)}})
                    .toJson(QJsonDocument::Compact));
            return;
        }
        const QJsonObject info{{QStringLiteral("general.architecture"), QStringLiteral("llmproxy")},
                               {QStringLiteral("llmproxy.context_length"), 128000}};
        body = QJsonDocument(QJsonObject{{QStringLiteral("modelfile"), QString()},
                                         {QStringLiteral("parameters"), QString()},
                                         {QStringLiteral("template"), QString()},
                                         {QStringLiteral("details"), details()},
                                         {QStringLiteral("model_info"), info},
                                         {QStringLiteral("capabilities"),
                                          QJsonArray{QStringLiteral("completion"), QStringLiteral("tools")}},
                                         {QStringLiteral("modified_at"), modified}})
                   .toJson(QJsonDocument::Compact);
    }
    responder->respond(200, jsonHeaders(), body);
}

void ApiRouter::handleModels(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder)
{
    std::shared_ptr<const KeyAccess> key;
    if (!authorize(request, responder, false, &key))
        return;
    const RoutingSnapshotPtr snapshot = m_state->current();
    QByteArrayView api = request.path;
    if (api.startsWith("/v1/"))
        api = api.sliced(3);
    if (api == "/models" || api == "/models/") {
        if (!key || key->allowsEveryModel()) {
            responder->respond(200, jsonHeaders(), snapshot->modelsListJson());
            return;
        }
        // A key with an allow-list sees the models it may use, and only those.
        QByteArray body = QByteArrayLiteral("{\"data\":[");
        bool first = true;
        for (const QString &id : snapshot->modelIds()) {
            if (!keyMayUse(key.get(), *snapshot, id))
                continue;
            if (!first)
                body += ',';
            first = false;
            body += snapshot->modelJson(id);
        }
        body += "],\"object\":\"list\"}";
        responder->respond(200, jsonHeaders(), body);
        return;
    }
    const QString id = QUrl::fromPercentEncoding(api.sliced(8).toByteArray());
    const QByteArray body = keyMayUse(key.get(), *snapshot, id) ? snapshot->modelJson(id) : QByteArray();
    if (body.isEmpty()) {
        reply(request, responder,
              ApiError::notFound(QStringLiteral("The model '%1' does not exist").arg(id),
                                 QByteArrayLiteral("model_not_found")),
              id);
        return;
    }
    responder->respond(200, jsonHeaders(), body);
}

} // namespace llmproxy

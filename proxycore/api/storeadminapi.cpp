// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The admin routes backed by the store (docs/storage.md): the request history, the audit ledger with
// its GDPR requests, and the spend analytics. Their queries run on the store's threads, never on a
// proxy worker nor on the engine's thread.
#include "proxycore/api/adminapi_p.h"
#include "proxycore/api/analyticsapi.h"
#include "proxycore/api/apirouter.h"
#include "proxycore/api/historyapi.h"
#include "proxycore/api/sharedstate.h"
#include "proxycore/cache/responsecache.h"
#include "proxycore/store/store.h"

#include <QDateTime>
#include <QTimeZone>
#include <QUrl>

namespace llmproxy {

using namespace adminapi;

bool ApiRouter::handleStoreAdmin(const HttpRequest &request, QByteArrayView path, QByteArrayView route,
                                 const QByteArray &who, const std::shared_ptr<HttpResponder> &responder)
{
    const bool get = request.method == "GET" || request.method == "HEAD";
    const bool post = request.method == "POST";
    const auto refuse = [&](const ApiError &error) {
        reply(request, responder, error);
        return true;
    };
    const auto methodNotAllowed = [&](const char *allowed) {
        return refuse(ApiError::methodNotAllowed(allowed, path));
    };
    const auto answer = [this, &request, &responder] { return adminAnswer(request, responder); };
    AuditService *const audit = m_state->store ? m_state->store->audit() : nullptr;

    if (route == "/requests") {
        if (!get)
            return methodNotAllowed("GET");
        Store *store = m_state->store.get();
        if (!store)
            return refuse(
                ApiError::notFound(QStringLiteral("The request history is off: server.storage.enabled is false, "
                                                  "or there is no data directory (see docs/storage.md)."),
                                   QByteArrayLiteral("request_history_disabled")));
        ApiError error;
        const std::optional<HistoryFilter> filter = parseHistoryQuery(request.query, &error);
        if (!filter)
            return refuse(error);
        // The query runs on the store's reader thread: never on a proxy worker, never on the engine.
        runOnThread(
            store->readerContext(), m_context,
            [store, filter = *filter] {
                QString why;
                const std::optional<HistoryPage> page = store->history().query(filter, &why);
                if (!page)
                    return failed(
                        ApiError::unavailable(QStringLiteral("The request history cannot be read: %1").arg(why),
                                              QByteArrayLiteral("request_history_unavailable")));
                return ok(historyPageJson(*page));
            },
            answer());
        return true;
    }

    // GET /api/v1/requests/{id}/bodies: what logging.log_bodies kept of one request.
    if (route.startsWith("/requests/") && route.endsWith("/bodies")) {
        if (!get)
            return methodNotAllowed("GET");
        const QString requestId =
            QString::fromUtf8(QByteArray::fromPercentEncoding(route.sliced(10, route.size() - 10 - 7).toByteArray()));
        Store *store = m_state->store.get();
        if (!store)
            return refuse(
                ApiError::notFound(QStringLiteral("The request history is off: server.storage.enabled is false, "
                                                  "or there is no data directory (see docs/storage.md)."),
                                   QByteArrayLiteral("request_history_disabled")));
        if (requestId.isEmpty() || requestId.contains(u'/'))
            return refuse(ApiError::notFound(QStringLiteral("No such request."), QByteArrayLiteral("not_found")));
        runOnThread(
            store->readerContext(), m_context,
            [store, requestId] {
                QString why;
                const std::optional<std::pair<QString, QString>> bodies = store->history().bodies(requestId, &why);
                if (!why.isEmpty())
                    return failed(
                        ApiError::unavailable(QStringLiteral("The request history cannot be read: %1").arg(why),
                                              QByteArrayLiteral("request_history_unavailable")));
                if (!bodies)
                    return failed(ApiError::notFound(
                        QStringLiteral("No bodies were kept for the request %1: they are kept only while "
                                       "logging.log_bodies is on.")
                            .arg(requestId),
                        QByteArrayLiteral("bodies_not_kept")));
                return ok(QJsonObject{{QStringLiteral("request_id"), requestId},
                                      {QStringLiteral("request_body"), bodies->first},
                                      {QStringLiteral("response_body"), bodies->second}});
            },
            answer());
        return true;
    }

    // -- the audit ledger (docs/audit.md) -----------------------------------------------------------
    if (route == "/audit" || route == "/audit/verify" || route.startsWith("/gdpr/")) {
        if (!audit)
            return refuse(ApiError::notFound(QStringLiteral("The audit ledger is off: it needs a database and a ledger "
                                                            "secret (LLM_PROXY_AUDIT_SECRET; see docs/audit.md)."),
                                             QByteArrayLiteral("audit_disabled")));
        const auto unavailable = [](const QString &why) {
            return failed(ApiError::unavailable(QStringLiteral("The audit ledger cannot be used: %1").arg(why),
                                                QByteArrayLiteral("audit_unavailable")));
        };
        const AuditRequester by{QDateTime::currentMSecsSinceEpoch(),
                                QString::fromLatin1(who),
                                QStringLiteral("admin"),
                                request.peer.toString(),
                                {}};
        if (route == "/audit") {
            if (!get)
                return methodNotAllowed("GET");
            ApiError error;
            const std::optional<AuditQuery> query = parseAuditQuery(request.query, &error);
            if (!query)
                return refuse(error);
            runOnThread(
                audit->context(), m_context,
                [audit, query = *query, unavailable] {
                    QString why;
                    const std::optional<QList<AuditEntry>> entries = audit->query(query, &why);
                    return entries ? ok(auditPageJson(*entries, query.limit)) : unavailable(why);
                },
                answer());
            return true;
        }
        if (route == "/audit/verify") {
            if (!get)
                return methodNotAllowed("GET");
            runOnThread(
                audit->context(), m_context,
                [audit, unavailable] {
                    QString why;
                    AuditLedger *ledger = audit->ledger(&why);
                    const std::optional<AuditVerifyResult> result = ledger ? ledger->verify({}, &why) : std::nullopt;
                    const std::optional<AuditAnchor> head = result ? ledger->signedHead(&why) : std::nullopt;
                    if (!head)
                        return unavailable(why);
                    QJsonObject body{
                        {QStringLiteral("ok"), result->ok()},
                        {QStringLiteral("entries"), result->entries},
                        {QStringLiteral("summary"), result->summary()},
                        {QStringLiteral("head"),
                         QJsonObject{{QStringLiteral("sequence"), head->sequence},
                                     {QStringLiteral("entry_hash"), QString::fromLatin1(head->entryHash.toHex())},
                                     {QStringLiteral("time_ms"), head->timeMs},
                                     {QStringLiteral("signature"),
                                      head->signatureHex.isEmpty()
                                          ? QJsonValue()
                                          : QJsonValue(QString::fromLatin1(head->signatureHex))}}}};
                    if (!result->ok())
                        body.insert(QStringLiteral("broken"),
                                    QJsonObject{{QStringLiteral("sequence"), result->sequence},
                                                {QStringLiteral("failure"), describe(result->failure)},
                                                {QStringLiteral("detail"), result->detail}});
                    return ok(body);
                },
                answer());
            return true;
        }
        if (route == "/gdpr/purge") {
            if (!post)
                return methodNotAllowed("POST");
            std::optional<bool> dryRun;
            ApiError error;
            if (!readFlag(request.body, QLatin1String("dry_run"), &dryRun, &error))
                return refuse(error);
            const int days = audit->retentionDays();
            if (days <= 0)
                return refuse(ApiError{409,
                                       QStringLiteral("gdpr.retention_days is 0 (keep everything): there is nothing "
                                                      "to purge. Set it in config.yaml (see docs/audit.md)."),
                                       QByteArrayLiteral("invalid_request_error"),
                                       QByteArrayLiteral("retention_not_set"),
                                       {}});
            runOnThread(
                audit->context(), m_context,
                [audit, by, days, dry = dryRun.value_or(false), unavailable] {
                    QString why;
                    const std::optional<RetentionPurge> done = audit->purge(by.timeMs, days, dry, by, &why);
                    if (!done)
                        return unavailable(why);
                    QJsonObject body{
                        {QStringLiteral("dry_run"), done->dryRun},
                        {QStringLiteral("retention_days"), done->retentionDays},
                        {QStringLiteral("cutoff"),
                         QDateTime::fromMSecsSinceEpoch(done->cutoffMs, QTimeZone::utc()).toString(Qt::ISODateWithMs)},
                        {QStringLiteral("audit_entries"), done->auditEntries},
                        {QStringLiteral("history_rows"), done->rows.historyRows},
                        {QStringLiteral("responses"), done->rows.responses},
                        {QStringLiteral("body_rows"), done->rows.bodies}};
                    if (done->recordSequence > 0)
                        body.insert(QStringLiteral("record_sequence"), done->recordSequence);
                    return ok(body);
                },
                answer());
            return true;
        }
        const bool exporting = route.startsWith("/gdpr/export/");
        const bool erasing = route.startsWith("/gdpr/erase/");
        const QByteArrayView rawSubject = route.sliced(exporting ? sizeof("/gdpr/export/") - 1
                                                       : erasing ? sizeof("/gdpr/erase/") - 1
                                                                 : route.size());
        const QString subject = QUrl::fromPercentEncoding(rawSubject.toByteArray());
        if ((!exporting && !erasing) || subject.isEmpty())
            return refuse(ApiError::notFound(QStringLiteral("Unknown request URL: %1 %2")
                                                 .arg(QString::fromLatin1(request.method), QString::fromUtf8(path)),
                                             QByteArrayLiteral("unknown_url")));
        if (exporting && !get)
            return methodNotAllowed("GET");
        if (erasing && !post)
            return methodNotAllowed("POST");
        if (erasing) {
            // What the gateway holds in memory for the key goes first: the response cache's entries
            // and the stored responses it owns (the erasure below deletes their rows).
            const QString scope = QStringLiteral("key:") + subject;
            m_state->cache->clear(scope);
            m_state->conversations->forgetOwner(scope);
        }
        runOnThread(
            audit->context(), m_context,
            [audit, subject, by, exporting, unavailable] {
                QString why;
                AuditLedger *ledger = audit->ledger(&why);
                if (ledger && exporting) {
                    const std::optional<QJsonObject> data = ledger->exportSubject(subject, by, &why);
                    if (data)
                        return ok(*data);
                } else if (ledger) {
                    const std::optional<SubjectErasure> erased = audit->erase(subject, by, &why);
                    if (erased)
                        return ok(QJsonObject{{QStringLiteral("subject"), subject},
                                              {QStringLiteral("entries"), erased->audit.entries},
                                              {QStringLiteral("keys_destroyed"), erased->audit.keysDestroyed},
                                              {QStringLiteral("record_sequence"), erased->audit.recordSequence},
                                              {QStringLiteral("history_rows"), erased->rows.historyRows},
                                              {QStringLiteral("responses"), erased->rows.responses},
                                              {QStringLiteral("body_rows"), erased->rows.bodies},
                                              {QStringLiteral("cached_answers"), erased->rows.cachedAnswers}});
                }
                return unavailable(why);
            },
            answer());
        return true;
    }

    // GET /api/v1/analytics/endpoints: what every gateway on the database last wrote of each endpoint.
    if (route == "/analytics/endpoints") {
        if (!get)
            return methodNotAllowed("GET");
        if (!request.query.isEmpty())
            return refuse(badRequest(QStringLiteral("GET /api/v1/analytics/endpoints takes no parameters."),
                                     QByteArrayLiteral("invalid_parameter"), QByteArray()));
        Store *store = m_state->store.get();
        if (!store)
            return refuse(ApiError::unavailable(QStringLiteral("Endpoint statistics need the store: "
                                                               "server.storage.enabled is false, or there is no "
                                                               "data directory (see docs/storage.md)."),
                                                QByteArrayLiteral("storage_disabled")));
        runOnThread(
            store->readerContext(), m_context,
            [store] {
                QString why;
                const std::optional<QList<EndpointStatsRow>> rows = store->endpointStats(&why);
                if (!rows)
                    return failed(
                        ApiError::unavailable(QStringLiteral("The endpoint statistics cannot be read: %1").arg(why),
                                              QByteArrayLiteral("endpoint_stats_unavailable")));
                return ok(endpointStatsJson(*rows));
            },
            answer());
        return true;
    }

    if (route == "/analytics/spend" || route == "/analytics/budget" || route == "/analytics/forecast") {
        if (!get)
            return methodNotAllowed("GET");
        Store *store = m_state->store.get();
        if (!store)
            return refuse(ApiError::unavailable(QStringLiteral("Spend analytics need the store: server.storage.enabled "
                                                               "is false, or there is no data directory (see "
                                                               "docs/storage.md)."),
                                                QByteArrayLiteral("storage_disabled")));
        BudgetLedger *ledger = &m_state->budget;
        const QTimeZone zone = ledger->timeZone();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QDate today = BudgetLedger::dateAt(now, zone);
        const auto unreadable = [](const QString &why) {
            return failed(ApiError::unavailable(QStringLiteral("The spend rollups cannot be read: %1").arg(why),
                                                QByteArrayLiteral("spend_unavailable")));
        };
        if (route == "/analytics/spend") {
            ApiError error;
            const std::optional<SpendQuery> query = parseSpendQuery(request.query, today, &error);
            if (!query)
                return refuse(error);
            runOnThread(
                store->readerContext(), m_context,
                [store, query = *query, unreadable] {
                    QString why;
                    const std::optional<QList<SpendRow>> rows = store->spend().query(query, &why);
                    return rows ? ok(spendJson(query, *rows)) : unreadable(why);
                },
                answer());
            return true;
        }
        if (!request.query.isEmpty())
            return refuse(
                badRequest(QStringLiteral("GET /api/v1%1 takes no parameters.").arg(QString::fromLatin1(route)),
                           QByteArrayLiteral("invalid_parameter"), QByteArray()));
        if (route == "/analytics/forecast") {
            runOnThread(
                store->readerContext(), m_context,
                [store, zone, now, today, unreadable] {
                    QString why;
                    const std::optional<std::map<QDate, double>> daily =
                        store->spend().dailyCost(forecastHistoryStart(today), today, &why);
                    return daily ? ok(forecastJson(*daily, now, zone)) : unreadable(why);
                },
                answer());
            return true;
        }
        runOnThread(
            store->readerContext(), m_context,
            [store, ledger, scopes = &m_state->scopeBudgets, zone, now, today, unreadable,
             shared = m_state->current()->config().budget.shared] {
                QString why;
                const std::optional<std::map<QDate, double>> daily =
                    store->spend().dailyCost(budgetHistoryStart(today), today.addDays(-1), &why);
                if (!daily)
                    return unreadable(why);
                return ok(budgetJson(ledger->status(now), zone, *daily, scopes->statuses(now),
                                     shared ? store->sharedBudgets() : nullptr));
            },
            answer());
        return true;
    }

    return false;
}

} // namespace llmproxy

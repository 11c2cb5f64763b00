// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/proxycall.h"
#include "proxycore/api/storedresponsesapi.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/formats/requestview.h"
#include "proxycore/http/requesthandler.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace llmproxy {

namespace canonical {
struct Request;
}
namespace adminapi {
struct AdminReply;
}

class IUpstreamTransport;
struct BudgetWindowStatus;
class ProxyCall;
struct CachedAnswer;
class RecordQueue;
class RoutingSnapshot;
struct RequestContext;
struct SharedState;

/// Routes the requests of one worker: health, the OpenAI-compatible API, and proxying to the
/// resolved endpoint. Owned by the worker; used on its thread only. Owns the ProxyCall of every
/// request in flight on this worker.
class ApiRouter final : public IRequestHandler
{
public:
    ApiRouter(const SharedState *state, std::unique_ptr<IUpstreamTransport> transport, RecordQueue *records,
              QObject *threadContext);
    ~ApiRouter() override;

    void handle(HttpRequest &&request, std::shared_ptr<HttpResponder> responder) override;

    /// Called by a ProxyCall when it is done; it is deleted from the event loop, never on its own stack.
    void release(ProxyCall *call);
    RecordQueue *records() const { return m_records; }
    IUpstreamTransport *transport() const { return m_transport.get(); }
    BudgetLedger *budget() const;
    /// What the engine publishes to the workers (routing snapshot, clock, flags); outlives this router.
    const SharedState *state() const { return m_state; }

private:
    /// Content-Type: application/json, for the answers the router makes itself.
    static const HeaderList &jsonHeaders();
    /// Whether `key` may ask for `model`: by that name, or by the model the name resolves to.
    static bool keyMayUse(const KeyAccess *key, const RoutingSnapshot &snapshot, const QString &model);
    /// Every inference route (chat, completions, embeddings, responses, messages): one path.
    void handleInference(ClientApi api, HttpRequest &&request, const std::shared_ptr<HttpResponder> &responder);
    /// GET and DELETE /v1/responses/{id}, GET /v1/responses/{id}/input_items: the responses the
    /// gateway stored (responses_store), for the client key that created them.
    void handleStoredResponse(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder);
    /// A routed Responses request: resolves its previous_response_id from the conversation store
    /// (memory, else the database on the store's reader thread; the worker never waits), then
    /// continueResponses(). Answers 404 for an id it cannot resolve.
    void startResponses(RequestContext &&context);
    /// A Responses request whose earlier conversation is `previous` (null: none): its input is the
    /// conversation's items followed by its own, and the answer is recorded unless `store` is false.
    void continueResponses(RequestContext &&context, QJsonObject body, const StoredResponsePtr &previous);
    /// Looks the response `id` up for `owner`: in memory, else on the store's reader thread. `done`
    /// runs on this worker, at once or later.
    void findStoredResponse(const QString &id, const QString &owner, std::function<void(const StoredLookup &)> done);
    /// Who owns what a request stores: the cache scope of its client key (cache/cachekey.h).
    QString ownerOf(const HttpRequest &request, const KeyAccess *key) const;
    void handleCountTokens(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder);
    void handleModels(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder);
    void handleHealth(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder);
    /// The admin API under /api/v1/ (adminapi.cpp).
    void handleAdmin(HttpRequest &&request, const std::shared_ptr<HttpResponder> &responder);
    /// The admin routes backed by the store (storeadminapi.cpp): /requests, /audit, /audit/verify,
    /// /gdpr/..., /analytics/spend and /analytics/budget. `path` is the request's path without
    /// trailing slashes, `route` the part after /api/v1, `who` the admin key's fingerprint. Returns
    /// false, having answered nothing, for any other route.
    bool handleStoreAdmin(const HttpRequest &request, QByteArrayView path, QByteArrayView route, const QByteArray &who,
                          const std::shared_ptr<HttpResponder> &responder);
    /// What answers an admin request on this worker once another thread has done the work.
    std::function<void(const adminapi::AdminReply &)> adminAnswer(const HttpRequest &request,
                                                                  const std::shared_ptr<HttpResponder> &responder);
    void handleOllamaDiscovery(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder);
    /// Answers with `error` in the client's protocol: OpenAI shape, or Anthropic's when `anthropic`.
    /// `key` names the client key in the request log when known.
    void reply(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder, const ApiError &error,
               const QString &model = {}, bool anthropic = false, const KeyAccess *key = nullptr,
               const QString &blockedBy = {}, const QString &requestId = {});
    /// reply() for an inference request: in its client's shape, naming its model, key and the
    /// pipeline stage that blocked it.
    void refuse(const RequestContext &context, const ApiError &error);
    /// Checks the client's key; answers 401 and returns false when it is missing or wrong. `access`
    /// receives what the key may do (nullptr when no keys are configured: everything).
    bool authorize(const HttpRequest &request, const std::shared_ptr<HttpResponder> &responder, bool anthropic = false,
                   std::shared_ptr<const KeyAccess> *access = nullptr);
    /// Sets `context.routes`: the routes for its model (routing/routingsnapshot.h) that its key
    /// may use, or answers 503 (nothing configured) / 403 (the key may not use the model) / 402
    /// (budget) / 404 (nothing serves the model) and returns false.
    bool route(RequestContext &context);
    /// What reserveBudget() decided.
    enum class BudgetGate {
        Refused,   ///< answered (402)
        Pass,      ///< nothing limited, reserved, or sent to a local model: go on
        AskShared, ///< reserved here; confirmSharedBudget() must hold it for every gateway too
    };
    /// Reserves the request's worst-case cost against its key's and team's budgets
    /// (context.reservation, budgetgate.cpp); when a hard limit would be passed, sends it to a local
    /// model as the daily budget does, or answers 402. Costs one branch when no key or team has a
    /// limit.
    BudgetGate reserveBudget(RequestContext &context);
    /// Holds the context's reservation in the budgets shared by the gateways on the database
    /// (SharedBudgets), on the store's budget thread, then calls `next` on this worker; refuses
    /// (402, or the local model) when another gateway's spend leaves no room. When the database does
    /// not answer, the gateway's own reservation stands alone and `next` is called.
    void confirmSharedBudget(RequestContext &&context, std::function<void(RequestContext &&)> next);
    /// The answer to a reservation over `status`'s hard limit: the local model when
    /// budget.fallback_to_local_on_limit allows (context.routes changed; returns true), else 402.
    bool overBudget(RequestContext &context, const BudgetWindowStatus &status, qint64 askedNano);
    /// An inference request past its guards, routing and budgets: the API's own preparation, then
    /// the call.
    void proceedInference(RequestContext &&context, std::optional<canonical::Request> parsed);
    /// Creates the ProxyCall that tries the context's routes with the upstream requests `planFor`
    /// builds, or that replays `hit` from the response cache.
    void startCall(RequestContext &&context, ProxyCall::PlanFactory planFor, CallCaching caching = {},
                   const std::shared_ptr<const CachedAnswer> &hit = {}, ProxyCall::AnswerRecorder recorder = {});
    /// The response cache's part in a routed request (docs/cache.md): off, bypassed by the
    /// client's Cache-Control, or looked up (`hit` receives the answer found); whether the
    /// answer may be stored.
    CallCaching prepareCaching(const RequestContext &context, std::shared_ptr<const CachedAnswer> *hit);
    /// Refuses inference while draining, paused or stopped by the kill switch; returns false after answering.
    bool acceptingInference(const RequestContext &context);

    const SharedState *m_state;
    std::unique_ptr<IUpstreamTransport> m_transport;
    RecordQueue *m_records;
    QObject *m_context;
    QHash<ProxyCall *, std::shared_ptr<ProxyCall>> m_calls;
    std::vector<std::shared_ptr<ProxyCall>> m_finished; ///< released calls awaiting destruction
    QTimer m_sweep;
};

/// A fresh request id: 16 lower-case hex digits.
QByteArray newRequestId();

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/clientresponder.h"
#include "proxycore/api/usagemeter.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/pipeline/responsefilter.h"
#include "proxycore/routing/routingsnapshot.h"
#include "proxycore/routing/upstreamplan.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QTimer>

#include <functional>
#include <memory>

namespace llmproxy {

class ApiRouter;
class BudgetLedger;
class BudgetReservation;
class ScopeBudgets;
class ResponseCache;
struct CachedAnswer;
class HttpResponder;
class IUpstreamTransport;
class ProxyCall;
class RecordQueue;
class ResponseRelay;
class UpstreamCall;

/// What a call uses of the worker that runs it. Everything outlives the call.
struct CallServices
{
    IUpstreamTransport *transport = nullptr;
    BudgetLedger *budget = nullptr;
    RecordQueue *records = nullptr;               ///< the finished call's record goes here
    std::function<qint64()> nowMs;                ///< the clock circuit breakers run on
    std::function<void(ProxyCall *call)> release; ///< the call is done; destroy it later, not now
};

/// What a call does with the response cache (cache/responsecache.h); decided by the router.
struct CallCaching
{
    QByteArray status;              ///< x-llmproxy-cache: "hit", "miss", "bypass" or "off"; empty = none
    ResponseCache *cache = nullptr; ///< set when a complete successful answer may be stored
    QByteArray key;                 ///< responseCacheKey() of the request
    QString scope;                  ///< cacheScope() of the request
};

/// One request proxied to an upstream, from sending it to the last byte relayed. Owned by its
/// ApiRouter (worker thread).
///
/// This class is the attempt loop (routes, retries with backoff, fallback, circuit breakers,
/// per-endpoint statistics). The answer of the attempt that succeeds goes out through a
/// ResponseRelay (streams: raw, translated or filtered; see responserelay.h) or, buffered, through
/// respondBuffered() (same rules); the UsageMeter counts tokens, prices them and charges the
/// budget. A stream always ends with the client protocol's terminal event, also when the upstream
/// fails. A client that disconnects cancels the upstream transfer at once.
class ProxyCall
{
public:
    /// `filters`: the response filter chain; null or empty relays answers raw (no extra cost). Only
    /// for chat-style answers (Chat Completions, Messages, Responses): legacy completions and
    /// embeddings have no canonical form, and a filtered call refuses what it cannot decode.
    ProxyCall(CallServices services, RoutingSnapshotPtr snapshot, std::shared_ptr<ClientResponder> responder,
              RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
              formats::ClientOptions clientOptions = {}, ResponseFilterChainPtr filters = {});
    /// A call run by `router`'s worker, answering through the HTTP front end.
    ProxyCall(ApiRouter *router, RoutingSnapshotPtr snapshot, std::shared_ptr<HttpResponder> responder,
              RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
              formats::ClientOptions clientOptions = {}, ResponseFilterChainPtr filters = {});
    ~ProxyCall();

    /// The services of `router`'s worker.
    static CallServices servicesOf(ApiRouter *router);

    /// Builds the upstream request for one route; nullopt (with `error` set) when the request
    /// cannot go to that route (e.g. a field its format cannot carry).
    using PlanFactory = std::function<std::optional<UpstreamPlan>(const RouteTarget &route, ApiError *error)>;

    /// Tries `routes` in order (routing/routingsnapshot.h): a route whose breaker is open is
    /// skipped; an attempt that fails before the client received a byte (connection refused,
    /// timeout, 429, 5xx, a stream that broke before its first event; a context-window or
    /// content-policy error when configured) moves on to the next route at once, and routes are
    /// retried with backoff once each was tried, within routing.max_attempts and the retry budget.
    void start(QList<RouteTarget> routes, PlanFactory planFor);

    /// Receives the Response object a Responses client is answered with when the gateway made it
    /// (the upstream speaks another format) and its status is `completed` or `incomplete`: called
    /// once, on the worker, before the answer's last byte is written to the client (so that a
    /// request the client sends next, to any worker, finds what was recorded).
    using AnswerRecorder = std::function<void(const QJsonObject &response)>;
    /// Sets the recorder (responses_store); before start() or replay().
    void setRecorder(AnswerRecorder recorder) { m_recorder = std::move(recorder); }

    /// The worst case held against the request's key and team budgets (null: none), and their
    /// ledger. finish() settles it with the request's cost: the priced usage; the worst case when
    /// an upstream answered 2xx without usage (a stream cut short); nothing when no upstream
    /// answered 2xx or the answer came from the cache. Before start() or replay().
    void setReservation(std::shared_ptr<BudgetReservation> reservation, ScopeBudgets *budgets)
    {
        m_reservation = std::move(reservation);
        m_scopeBudgets = budgets;
    }

    /// What this call does with the response cache; before start() or replay().
    void setCaching(CallCaching caching) { m_caching = std::move(caching); }
    /// Answers with a cached answer instead of an upstream: the stored upstream bytes go through
    /// the same relay as a fresh answer (translation, the request's own response filters, a
    /// fresh signature), with no upstream attempt and nothing charged. `nowMs` on the cache's
    /// clock gives the answer's age.
    void replay(const CachedAnswer &answer, qint64 nowMs);

private:
    enum class Phase { Waiting, Buffering, Streaming, Done };
    /// What a failed attempt says about the routes left.
    enum class Failure { Transient, ContextOverflow, ContentPolicy };
    void nextAttempt();
    void startAttempt(int routeIndex);
    void attemptFailed(Failure failure, bool endpointFault, std::optional<qint64> retryAfterMs);
    void giveUp();
    void writeClient(QByteArrayView bytes);
    /// Sends the client the stream's status line and headers, once.
    void beginClientStream();
    void endAttemptStats();
    /// Prices the request's tokens and adds them to today's spend, then settles the reservation.
    void chargeBudget();
    void onHeaders(int status, const HeaderList &headers);
    /// A 2xx stream begins: sets up the relay and the client's stream headers. False when the
    /// filters cannot read it (the client got a 502 then).
    bool openStream(int status, const HeaderList &headers);
    /// Stores the answer just relayed when it may be (CallCaching::cache) and is complete.
    void storeAnswer(QByteArray body);
    /// Whether the answer of this attempt goes to the recorder (see setRecorder()).
    bool recording() const;
    /// Hands `response` to the recorder when it is a complete or incomplete Response object.
    void recordAnswer(const QJsonObject &response);
    /// Looks for the terminal event in the stream bytes about to be written to the client.
    void recordFromStream(QByteArrayView bytes);
    void onData(QByteArrayView chunk);
    void onFinished(const UpstreamError &error);
    void onClientGone();
    void onTerminate();
    QByteArray clientErrorBody(const ApiError &error) const;
    /// Ends a stream the relay has ended (after a failure, a filter's block or the upstream's end).
    void endStream(int status, const QString &error = {});
    void failStream(const ApiError &error);

    void respondError(const ApiError &error);
    /// The response filters to run on an answer in `upstream`'s format (null = relay it raw).
    ResponseFilterChainPtr filtersFor(formats::ApiFormat upstream) const;
    void respondBuffered();
    HeaderList gatewayHeaders() const;
    void finish(int status, const QString &error = {});
    double overheadMs() const;

    CallServices m_services;
    QList<RouteTarget> m_routes;
    PlanFactory m_planFor;
    QList<bool> m_tried;     ///< per route: attempted at least once
    QList<bool> m_excluded;  ///< per route: not worth trying again for this request
    QList<qint64> m_retryAfterMs; ///< per route: the wait its last answer asked for (-1 = none)
    int m_routeIndex = -1;   ///< route of the current attempt
    int m_attempts = 0;
    int m_retries = 0;       ///< attempts that went back to a route already tried
    bool m_lastWasHttpError = false; ///< the last failed attempt got an HTTP answer (kept in m_pending)
    ApiError m_lastError;
    bool m_probe = false;    ///< this attempt holds its endpoint's half-open probe
    bool m_statsOpen = false;
    bool m_clientStarted = false; ///< stream: the client has received the status line
    int m_streamStatus = 200;
    HeaderList m_streamHeaders;
    QTimer m_retryTimer;

    RoutingSnapshotPtr m_snapshot;   ///< keeps the endpoint alive for the whole call
    std::shared_ptr<ClientResponder> m_responder;
    std::unique_ptr<UpstreamCall> m_upstream;
    RequestRecord m_record;
    const ResolvedEndpoint *m_endpoint = nullptr;
    Phase m_phase = Phase::Waiting;
    bool m_stream = false;
    int m_upstreamStatus = 0;
    HeaderList m_upstreamHeaders;
    QByteArray m_pending;                   ///< buffered answer: the body so far
    std::unique_ptr<ResponseRelay> m_relay; ///< streamed answer of the current attempt
    UsageMeter m_meter{&m_record};
    ResponseFilterChainPtr m_filters;
    bool m_pausedForClient = false;
    CallCaching m_caching;
    std::shared_ptr<BudgetReservation> m_reservation;
    ScopeBudgets *m_scopeBudgets = nullptr;
    bool m_cacheHit = false;
    qint64 m_cacheAgeS = 0;       ///< hit: seconds since the answer was stored
    QByteArray m_cacheStream;     ///< streamed answer of the current attempt as the upstream sent it
    bool m_cacheOverflow = false; ///< the stream outgrew what an entry may hold: not stored
    bool m_logBodies = false;
    AnswerRecorder m_recorder; ///< cleared once it was called
    QByteArray m_recordTail;   ///< stream: the client's bytes after the last complete event
    qint64 m_receivedNs;
    formats::ApiFormat m_clientFormat;
    formats::ApiFormat m_upstreamFormat = formats::ApiFormat::OpenAiChat;
    formats::ClientOptions m_clientOptions;
    qint64 m_upstreamStartNs = 0;
    qint64 m_upstreamHeadersNs = 0;
    qint64 m_upstreamEndNs = 0;
    /// Time not spent in the gateway before the current attempt: earlier attempts' upstream waits
    /// and retry backoff. Excluded from the overhead figure.
    qint64 m_earlierWaitNs = 0;
    qint64 m_backoffSinceNs = 0; ///< a retry's backoff started then; 0 = none pending
};

} // namespace llmproxy

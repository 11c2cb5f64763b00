// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/apierror.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/routing/routingsnapshot.h"
#include "proxycore/routing/upstreamplan.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QTimer>

#include <functional>
#include <memory>

namespace llmproxy {

class ApiRouter;
class HttpResponder;
class UpstreamCall;

/// One request proxied to an upstream, from sending it to the last byte relayed. Owned by its
/// ApiRouter (worker thread).
///
/// When the client and the upstream speak the same format the answer is relayed unchanged:
/// streams event by event as they arrive, complete SSE events only, so an upstream failure
/// mid-event never leaves half an event at the client. Otherwise the answer is translated through
/// the canonical model (incrementally for streams). Either way a stream always ends with the
/// client protocol's terminal event, also when the upstream fails. A client that disconnects
/// cancels the upstream transfer at once.
class ProxyCall
{
public:
    ProxyCall(ApiRouter *router, RoutingSnapshotPtr snapshot, std::shared_ptr<HttpResponder> responder,
              RequestRecord record, qint64 receivedNs, formats::ApiFormat clientFormat,
              formats::ClientOptions clientOptions = {});
    ~ProxyCall();

    /// Builds the upstream request for one route; nullopt (with `error` set) when the request
    /// cannot go to that route (e.g. a field its format cannot carry).
    using PlanFactory = std::function<std::optional<UpstreamPlan>(const RouteTarget &route, ApiError *error)>;

    /// Tries `routes` in order (routing/routingsnapshot.h): a route whose breaker is open is
    /// skipped; an attempt that fails before the client received a byte (connection refused,
    /// timeout, 429, 5xx, a stream that broke before its first event; a context-window or
    /// content-policy error when configured) moves on to the next route at once, and routes are
    /// retried with backoff once each was tried, within routing.max_attempts and the retry budget.
    void start(QList<RouteTarget> routes, PlanFactory planFor);

private:
    enum class Phase { Waiting, Buffering, Streaming, Done };
    /// What a failed attempt says about the routes left.
    enum class Failure { Transient, ContextOverflow, ContentPolicy };
    void nextAttempt();
    void startAttempt(int routeIndex);
    void attemptFailed(Failure failure, bool endpointFault, std::optional<qint64> retryAfterMs);
    void giveUp();
    void writeClient(const QByteArray &bytes);
    /// Sends the client the stream's status line and headers, once.
    void beginClientStream();
    void endAttemptStats();
    /// Prices the request's tokens and adds them to today's spend.
    void chargeBudget();
    void onHeaders(int status, const HeaderList &headers);
    void onData(QByteArrayView chunk);
    void onFinished(const UpstreamError &error);
    void onClientGone();
    void onTerminate();
    void relayCompleteEvents(bool flushAll);
    void noteUsage(QByteArrayView json);
    void noteCanonicalUsage(const canonical::Usage &usage);
    void relayTranslated(QByteArrayView chunk, bool end);
    QByteArray clientErrorBody(const ApiError &error) const;
    void noteResponsesEvent(const SseEvent &event);
    QByteArray responsesFailedEvent(const ApiError &error) const;
    void failStream(const ApiError &error);
    void respondError(const ApiError &error);
    void respondBuffered();
    HeaderList gatewayHeaders() const;
    void finish(int status, const QString &error = {});
    double overheadMs() const;

    QList<RouteTarget> m_routes;
    PlanFactory m_planFor;
    QList<bool> m_tried;     ///< per route: attempted at least once
    QList<bool> m_excluded;  ///< per route: not worth trying again for this request
    QList<qint64> m_retryAfterMs; ///< per route: the wait its last answer asked for (-1 = none)
    int m_routeIndex = -1;   ///< route of the current attempt
    int m_attempts = 0;
    qint64 m_cachedInputTokens = 0;
    int m_retries = 0;       ///< attempts that went back to a route already tried
    bool m_lastWasHttpError = false; ///< the last failed attempt got an HTTP answer (kept in m_pending)
    ApiError m_lastError;
    bool m_probe = false;    ///< this attempt holds its endpoint's half-open probe
    bool m_statsOpen = false;
    bool m_clientStarted = false; ///< stream: the client has received the status line
    int m_streamStatus = 200;
    HeaderList m_streamHeaders;
    QTimer m_retryTimer;

    ApiRouter *m_router;
    RoutingSnapshotPtr m_snapshot;   ///< keeps the endpoint alive for the whole call
    std::shared_ptr<HttpResponder> m_responder;
    std::unique_ptr<UpstreamCall> m_upstream;
    RequestRecord m_record;
    const ResolvedEndpoint *m_endpoint = nullptr;
    Phase m_phase = Phase::Waiting;
    bool m_stream = false;
    int m_upstreamStatus = 0;
    HeaderList m_upstreamHeaders;
    SseDecoder m_sideChannel;        ///< reads the relayed events for usage and errors
    QByteArray m_pending;            ///< stream bytes not yet relayed (an incomplete event) or buffered body
    qsizetype m_scanFrom = 0;        ///< event-boundary scan resumes here
    bool m_lineStart = true;         ///< the scan position is at the start of a line
    bool m_sawDone = false;          ///< passthrough: the upstream's terminal event was relayed
    /// Passthrough Chat Completions / Messages: the answer's last event (a finish_reason or
    /// stop_reason) was relayed; only the closing event may still be missing.
    bool m_sawFinish = false;
    qint64 m_lastSequence = -1;      ///< passthrough Responses stream: last sequence_number relayed
    QByteArray m_responseId;         ///< passthrough Responses stream: id from response.created
    bool m_pausedForClient = false;
    bool m_logBodies = false;
    std::unique_ptr<formats::StreamDecoder> m_decoder; ///< translated streams: upstream bytes → events
    std::unique_ptr<formats::StreamEncoder> m_encoder; ///< translated streams: events → client bytes
    QByteArray m_loggedStream;       ///< first bytes of a stream, for opt-in body logging
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

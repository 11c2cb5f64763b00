// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/apierror.h"
#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/observability/requestrecord.h"
#include "proxycore/routing/routingsnapshot.h"

#include <memory>

namespace llmproxy {

class ApiRouter;
class HttpResponder;
class UpstreamCall;

/// One request proxied to an OpenAI-format upstream, from sending it to the last byte relayed.
/// Owned by its ApiRouter (worker thread). Streams are relayed event by event as they arrive —
/// complete SSE events only, so an upstream failure mid-event never leaves half an event at the
/// client — and always end with an error event and `data: [DONE]` when the upstream fails.
/// A client that disconnects cancels the upstream transfer at once.
class ProxyCall
{
public:
    /// The protocol the client speaks. The upstream always speaks OpenAI Chat here; an Anthropic
    /// client's response is translated through the canonical model, event by event when streamed.
    enum class ClientFormat { OpenAi, Anthropic };

    ProxyCall(ApiRouter *router, RoutingSnapshotPtr snapshot, std::shared_ptr<HttpResponder> responder,
              RequestRecord record, qint64 receivedNs, ClientFormat clientFormat = ClientFormat::OpenAi);
    ~ProxyCall();

    /// `body` is what goes upstream (already rewritten where needed), `path` the API path
    /// appended to the endpoint's base URL (e.g. "/chat/completions").
    /// `extraHeaders` are added to the endpoint's own (e.g. anthropic-version for an Anthropic upstream).
    void start(const ResolvedEndpoint &endpoint, QByteArray body, QByteArrayView path, bool stream,
               const HeaderList &extraHeaders = {});

private:
    enum class Phase { Waiting, Buffering, Streaming, Done };
    void onHeaders(int status, const HeaderList &headers);
    void onData(QByteArrayView chunk);
    void onFinished(const UpstreamError &error);
    void onClientGone();
    void onTerminate();
    void relayCompleteEvents(bool flushAll);
    void noteUsage(QByteArrayView json);
    void noteCanonicalUsage(const canonical::Usage &usage);
    void relayTranslated(QByteArrayView chunk, bool end);
    void failStream(const ApiError &error);
    void respondError(const ApiError &error);
    void respondBuffered();
    HeaderList gatewayHeaders() const;
    void finish(int status, const QString &error = {});
    double overheadMs() const;

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
    bool m_sawDone = false;
    bool m_pausedForClient = false;
    bool m_logBodies = false;
    std::unique_ptr<openaichat::StreamDecoder> m_decoder;       ///< Anthropic clients: upstream stream → events
    std::unique_ptr<anthropicmessages::StreamEncoder> m_encoder; ///< Anthropic clients: events → client stream
    QByteArray m_loggedStream;       ///< first bytes of a stream, for opt-in body logging
    qint64 m_receivedNs;
    ClientFormat m_clientFormat;
    qint64 m_upstreamStartNs = 0;
    qint64 m_upstreamHeadersNs = 0;
    qint64 m_upstreamEndNs = 0;
};

} // namespace llmproxy

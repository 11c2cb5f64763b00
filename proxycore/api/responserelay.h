// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/api/usagemeter.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/formats/ssedecoder.h"
#include "proxycore/pipeline/responsefilterrun.h"
#include "proxycore/upstream/upstreamtransport.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <memory>
#include <optional>

namespace llmproxy {

/// The client error for an answer a response filter blocked with `error`.
ApiError blockedError(const canonical::Error &error);

/// `error` as a JSON body in `client`'s shape (Anthropic's for Messages clients, OpenAI's else).
QByteArray errorBodyFor(formats::ApiFormat client, const ApiError &error);

/// Upstream response headers a client may rely on (rate-limit hints, request ids). Hop-by-hop
/// headers, framing and cookies are never passed on.
bool isRelayedHeader(QByteArrayView name);

/// A complete (non-streamed) answer on its way to the client.
struct BufferedAnswer
{
    int status = 200;
    HeaderList headers; ///< content-type first, then the upstream headers passed on and filter headers
    QByteArray body;
};

/// Shapes a complete upstream answer (`answer` holds the upstream's status and body) for the client:
/// errors pass through in the client's shape or are wrapped / translated into it; answers are
/// translated when the formats differ; usage goes to `meter`. With an active filter chain the answer
/// is decoded and filtered, and encoded again only when a filter changed it. Returns the error to
/// answer instead when the answer cannot be read, a filter blocked it, or the filters cannot read
/// it (fail closed). `record` (error code, model) belongs to the caller.
std::optional<ApiError> relayBuffered(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat,
                                      const HeaderList &upstreamHeaders, const formats::ClientOptions &options,
                                      const ResponseFilterChainPtr &filters, UsageMeter *meter, RequestRecord *record,
                                      BufferedAnswer *answer);

/// Relays one streamed answer from the upstream to the client, in one of three ways chosen at
/// construction:
///  - raw: same format, no response filter active. Bytes go out unchanged, whole SSE events only
///    (the decoder's event ranges say where they end), so an upstream failure mid-event never
///    leaves half an event at the client; the decoded events are only read for usage, errors and
///    how far the answer got. This is the hot path and does nothing else.
///  - translated: upstream format ≠ client format; the canonical events are encoded for the client.
///  - filtered: a filter is active; decoder → ResponseFilterRun → encoder, also when both formats
///    are the same (the answer is then encoded again in that format).
/// Either way the stream ends with the client protocol's terminal event, also after a failure.
///
/// One per attempt that streams; the owner (ProxyCall) writes the client's status line on the
/// first write. Worker thread only.
class ResponseRelay
{
public:
    /// Receives bytes for the client, in order.
    using Writer = std::function<void(QByteArrayView bytes)>;

    /// `clientModel` is the model name the client asked for (translated answers carry it).
    /// `meter` and `record` belong to the call and outlive the relay.
    ResponseRelay(formats::ApiFormat clientFormat, formats::ApiFormat upstreamFormat,
                  const formats::ClientOptions &options, ResponseFilterChainPtr filters, UsageMeter *meter,
                  RequestRecord *record, Writer write);
    ~ResponseRelay();

    /// Whether filters can read streams from `upstream` (there is a decoder for its format).
    static bool canFilter(formats::ApiFormat upstream);

    /// The next bytes of the upstream body.
    void feed(QByteArrayView chunk);
    /// The upstream body ended cleanly: passes on what is left and ends the client's stream.
    void finish();
    /// The upstream failed after the client got its status line: ends the client's stream with the
    /// protocol's error (or normally, when only the closing event of a complete answer was lost).
    /// Returns the error code for the request record.
    QString fail(const ApiError &error);

    /// The relay ended the stream itself (a filter blocked, or an upstream event grew too large):
    /// the owner stops the upstream and closes the client's stream; endCode() names why.
    bool hasEnded() const { return m_ended; }
    QString endCode() const { return m_endCode; }

    /// The upstream sent a whole answer: its terminal event (`[DONE]`, `message_stop`,
    /// `response.completed` — not `response.failed` or `.incomplete`) relayed raw, or a stop
    /// reason decoded, and no error event (also none for a stream cut off before its end marker).
    /// What the response cache may keep; read it after finish().
    bool isComplete() const { return m_complete && !m_sawError; }

    /// Whether the client receives re-encoded events (translated or filtered) rather than raw bytes.
    bool reencodes() const { return bool(m_encoder); }

    /// Opt-in body logging: keeps the first `limit` bytes sent to the client.
    void keepFirstBytes(qsizetype limit) { m_logLimit = limit; }
    const QByteArray &firstBytes() const { return m_logged; }

private:
    void relayRaw(QByteArrayView chunk, bool end);
    void relayEncoded(QByteArrayView chunk, bool end);
    void noteRawEvent(const SseEvent &event);
    void noteResponsesEvent(const SseEvent &event);
    QByteArray responsesFailedEvent(const ApiError &error) const;
    void send(QByteArrayView bytes);
    void endWith(const ApiError &error);

    formats::ApiFormat m_clientFormat;
    bool m_translated;
    UsageMeter *m_meter;
    RequestRecord *m_record;
    Writer m_write;
    SseDecoder m_sse;       ///< raw relay: event ranges and the side channel for usage and errors
    QByteArray m_pending;   ///< raw relay: bytes after the last complete event
    qint64 m_relayed = 0;   ///< raw relay: stream offset up to which bytes went to the client
    bool m_sawDone = false; ///< raw relay: the upstream's terminal event was relayed
    /// Raw Chat Completions / Messages: the answer's last event (a finish_reason or stop_reason)
    /// was relayed; only the closing event may still be missing.
    bool m_sawFinish = false;
    bool m_complete = false;                           ///< see isComplete()
    bool m_sawError = false;                           ///< re-encoding: the upstream sent an error event
    qint64 m_lastSequence = -1;                        ///< raw Responses stream: last sequence_number relayed
    QByteArray m_responseId;                           ///< raw Responses stream: id from response.created
    std::unique_ptr<formats::StreamDecoder> m_decoder; ///< re-encoding: upstream bytes → events
    std::unique_ptr<formats::StreamEncoder> m_encoder; ///< re-encoding: events → client bytes
    std::optional<ResponseFilterRun> m_filters;
    bool m_ended = false;
    QString m_endCode;
    qsizetype m_logLimit = 0;
    QByteArray m_logged;
};

} // namespace llmproxy

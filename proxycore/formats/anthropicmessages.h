// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/formatsupport.h"
#include "proxycore/formats/ssedecoder.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <optional>

/// Anthropic Messages (WIRE_FORMATS.md §3) to and from the canonical model. Parsers ignore unknown
/// keys (listed in Request::dropped) and reject what cannot be represented with a 400-style
/// canonical::Error. All functions are pure; the stream classes are plain values used from one
/// thread at a time, one object per stream.
namespace llmproxy::anthropicmessages {

struct EmitOptions
{
    /// max_tokens is required by Anthropic; used when the canonical request has none.
    qint64 defaultMaxTokens = 4096;
    /// Emit temperature/top_p/top_k (anthropic-version 2023-06-01). The 2026-10-21 version rejects
    /// them, so the route turns this off for it.
    bool samplingParameters = true;
};

std::optional<canonical::Request> parseRequest(const QByteArray &body, canonical::Error *error);
QByteArray emitRequest(const canonical::Request &request, const EmitOptions &options = {},
                       QList<canonical::Dropped> *dropped = nullptr);

std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);
QByteArray emitResponse(const canonical::Response &response, QList<canonical::Dropped> *dropped = nullptr);

/// `{"type":"error","error":{"type","message"}}` with the type derived from the status.
QByteArray emitError(const canonical::Error &error);
int httpStatus(const canonical::Error &error);
/// Reads an upstream error body; `status` is the HTTP status (0 for an `event: error` in a stream).
canonical::Error parseError(int status, const QByteArray &body);

canonical::StopReason stopReasonFromWire(const QString &stopReason);
QString stopReasonToWire(canonical::StopReason reason);

/// Upstream Anthropic SSE bytes → canonical stream events, incrementally and across any split.
///
/// Unknown events, delta types and block types (server tool blocks, citations) are skipped and the
/// remaining blocks renumbered so canonical indices stay sequential. Usage from message_start and
/// the cumulative message_delta counts are merged. The output ends with exactly one terminal event:
/// MessageStop, or Error for `event: error`, invalid JSON, an oversized event, or (from finish())
/// a body that ended before message_stop.
class StreamDecoder
{
public:
    QList<canonical::StreamEvent> feed(QByteArrayView bytes);
    QList<canonical::StreamEvent> finish();
    bool isFinished() const { return m_stream.isFinished(); }

private:
    void handle(const SseEvent &event, QList<canonical::StreamEvent> &out);

    SseDecoder m_sse;
    formatsupport::EventStream m_stream;
    QJsonObject m_rawUsage;     ///< Anthropic usage fields seen so far (later values win)
    QHash<int, int> m_indexMap; ///< upstream block index → canonical index, for translated blocks
    int m_openIndex = -1;       ///< canonical index of the open block, -1 when none
};

/// Canonical stream events → Anthropic SSE bytes, in exactly the order message_start →
/// (content_block_start, content_block_delta…, content_block_stop)… → message_delta → message_stop.
/// Missing steps are synthesized (a block left open is closed, a missing message_delta is sent before
/// message_stop). An Error event or fail() gives `event: error` and ends the stream; afterwards
/// every call returns nothing.
class StreamEncoder
{
public:
    QByteArray encode(const canonical::StreamEvent &event);
    QByteArray encode(const QList<canonical::StreamEvent> &events);
    QByteArray fail(const canonical::Error &error);
    /// Call at the end of the stream: fails it when message_stop was not written yet.
    QByteArray finish();
    bool isFinished() const { return m_finished; }

private:
    QByteArray ensureStarted(const canonical::StreamEvent *start);
    QByteArray closeOpen();
    QByteArray messageDelta(const canonical::StreamEvent *event);

    bool m_started = false;
    bool m_finished = false;
    bool m_deltaSent = false;
    bool m_sawToolCall = false;
    int m_openIndex = -1; ///< our index of the open block, -1 when none
    int m_openCanonicalIndex = -1;
    int m_nextIndex = 0;
    canonical::Usage m_usage;
};

} // namespace llmproxy::anthropicmessages

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/formatsupport.h"
#include "proxycore/formats/ssedecoder.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

/// OpenAI Chat Completions (WIRE_FORMATS.md §1) to and from the canonical model. Parsers are lenient
/// about unknown keys (they are listed in Request::dropped); what cannot be represented at all is
/// rejected with a 400-style canonical::Error. All functions are pure; the stream classes are plain
/// values used from one thread at a time, one object per stream.
namespace llmproxy::openaichat {

struct EmitOptions
{
    /// Emit `max_tokens` instead of `max_completion_tokens` (for servers that only know the old name).
    bool legacyMaxTokens = false;
    /// Put thinking text into the non-standard `reasoning_content` field (responses and streams);
    /// only for clients known to read it. Signatures never leave the gateway in this format.
    bool reasoningContent = false;
    /// `created` of emitted responses and chunks (Unix seconds); 0 means the current time.
    qint64 created = 0;
    /// Stream encoder: send the final usage chunk (the client asked for stream_options.include_usage).
    bool includeUsage = false;
};

/// Parses a request body. On failure returns nullopt and sets `error` (status 400).
std::optional<canonical::Request> parseRequest(const QByteArray &body, canonical::Error *error);
/// Emits a request body; what the format cannot carry is appended to `dropped` when given.
QByteArray emitRequest(const canonical::Request &request, const EmitOptions &options = {},
                       QList<canonical::Dropped> *dropped = nullptr);

/// Parses a non-streaming response body (`chat.completion`). Only choice 0 is kept.
std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);
QByteArray emitResponse(const canonical::Response &response, const EmitOptions &options = {},
                        QList<canonical::Dropped> *dropped = nullptr);

/// The error body `{"error":{message,type,param,code}}` for `error`.
QByteArray emitError(const canonical::Error &error);
/// The HTTP status to answer an OpenAI client with (statuses its SDK classifies the same way).
int httpStatus(const canonical::Error &error);
/// Reads an upstream error body; `status` is the HTTP status (0 for an error inside a stream).
canonical::Error parseError(int status, const QByteArray &body);

canonical::StopReason stopReasonFromWire(const QString &finishReason);
QString stopReasonToWire(canonical::StopReason reason);

/// Upstream chat.completion.chunk SSE bytes → canonical stream events, incrementally.
///
/// Bytes may be split anywhere. Tool-call deltas are keyed by their `index` (position in the delta
/// when absent); one call streams live, fragments of calls interleaved with it are buffered and
/// emitted as whole blocks when it closes, so the output keeps canonical block order. `reasoning` and
/// `reasoning_content` deltas become thinking blocks. Only choice 0 is translated.
///
/// The output always ends with exactly one terminal event: MessageStop, or Error for an upstream
/// `{"error":…}`, invalid JSON, an oversized event, or (from finish()) a stream that ended early.
class StreamDecoder
{
public:
    QList<canonical::StreamEvent> feed(QByteArrayView bytes);
    /// Call at the end of the upstream body.
    QList<canonical::StreamEvent> finish();
    bool isFinished() const { return m_stream.isFinished(); }

private:
    struct ToolState
    {
        QString id;
        QString name;
        QString pendingArguments; ///< fragments received while another call streamed
        QString liveArguments;    ///< fragments already emitted
        bool emitted = false;
    };

    void handle(const SseEvent &event, QList<canonical::StreamEvent> &out);
    void handleChunk(const QJsonObject &chunk, QList<canonical::StreamEvent> &out);
    void appendText(canonical::BlockKind kind, canonical::DeltaKind deltaKind, const QString &text,
                    QList<canonical::StreamEvent> &out);
    void closeOpen(QList<canonical::StreamEvent> &out, bool flushBuffered = true);
    void startTool(int key, QList<canonical::StreamEvent> &out);
    void completeStream(QList<canonical::StreamEvent> &out);

    SseDecoder m_sse;
    formatsupport::EventStream m_stream;
    canonical::StopReason m_stop = canonical::StopReason::None;
    canonical::Usage m_usage;
    int m_liveTool = -1; ///< key of the call whose block is open and streaming, -1 when none
    QHash<int, ToolState> m_tools;
    QList<int> m_toolOrder;
};

/// Canonical stream events → chat.completion.chunk SSE bytes for an OpenAI client.
///
/// Tool calls get indices 0, 1, … in block order. MessageStop gives the finish chunk, the usage chunk
/// (with includeUsage) and `data: [DONE]`; an Error event or fail() gives `data: {"error":…}` and
/// `data: [DONE]`. After the terminal output every further call returns nothing.
class StreamEncoder
{
public:
    explicit StreamEncoder(const EmitOptions &options = {});

    QByteArray encode(const canonical::StreamEvent &event);
    QByteArray encode(const QList<canonical::StreamEvent> &events);
    QByteArray fail(const canonical::Error &error);
    /// Call at the end of the stream: fails it when no terminal output was written yet.
    QByteArray finish();
    bool isFinished() const { return m_finished; }

private:
    QByteArray ensureStarted();
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null) const;

    EmitOptions m_options;
    qint64 m_created = 0;
    QString m_id;
    QString m_model;
    bool m_started = false;
    bool m_finished = false;
    bool m_sawToolCall = false;
    canonical::StopReason m_stop = canonical::StopReason::None;
    canonical::Usage m_usage;
    QHash<int, int> m_toolIndexByBlock;
    int m_nextToolIndex = 0;
};

} // namespace llmproxy::openaichat

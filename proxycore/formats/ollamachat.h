// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/formatsupport.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// Ollama's native `POST /api/chat` (WIRE_FORMATS.md §5) as an upstream format: canonical requests
/// out, responses, errors and NDJSON streams back. docs/translation.md lists every mapping.
/// All functions are pure; StreamDecoder is a plain value used from one thread at a time, one object
/// per stream.
namespace llmproxy::ollamachat {

struct EmitOptions
{
    /// Context window in tokens (`options.num_ctx`); 0 keeps the model's default. The
    /// OpenAI-compatible API cannot set it, which is why the native API is worth using.
    qint64 numCtx = 0;
    /// How long the model stays loaded after the request (`keep_alive`): a duration such as "5m",
    /// or a number of seconds ("-1" keeps it loaded, "0" unloads it). Empty keeps the server default.
    QString keepAlive;
};

/// The request body for `/api/chat`, with `stream` always explicit (Ollama streams by default).
/// What Ollama cannot carry (image URLs, tool choice, signatures, …) is appended to `dropped`.
QByteArray emitRequest(const canonical::Request &request, const EmitOptions &options = {},
                       QList<canonical::Dropped> *dropped = nullptr);

/// Parses a non-streamed answer (the single `done:true` object). A body that is not a JSON object,
/// or an `{"error":…}` body, fails with `error` set.
std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);

/// Reads an upstream error body `{"error":"<text>"}` (or plain text). `status` is the HTTP status;
/// 0 (an error line inside a stream) gives 500. Ollama has no error types, so `type` stays empty.
canonical::Error parseError(int status, const QByteArray &body);

/// Stop reason for a `done_reason`: "length" is MaxTokens, everything else ends the turn. Tool use
/// is decided from the content.
canonical::StopReason stopReasonFromWire(const QString &doneReason);

/// Upstream NDJSON bytes → canonical stream events, incrementally and across any split.
///
/// Lines may be split anywhere and end in "\n" or "\r\n"; a last line without a terminator is read
/// at finish(). `message.thinking` and `message.content` fragments become thinking and text blocks;
/// each `message.tool_calls` entry (always whole) becomes a tool block with one arguments delta.
/// The `done:true` line gives the stop reason and usage and ends the stream.
///
/// The output always ends with exactly one terminal event: MessageStop, or Error for an `{"error":…}`
/// line, invalid JSON, a line over 16 MiB, or (from finish()) a stream that ended before `done`.
class StreamDecoder
{
public:
    QList<canonical::StreamEvent> feed(QByteArrayView bytes);
    /// Call at the end of the upstream body.
    QList<canonical::StreamEvent> finish();
    bool isFinished() const { return m_stream.isFinished(); }

private:
    friend std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);

    void handleLine(QByteArrayView line, QList<canonical::StreamEvent> &out);
    void handleObject(const QJsonObject &object, QList<canonical::StreamEvent> &out);

    QByteArray m_line; ///< start of a line whose terminator has not arrived yet
    formatsupport::EventStream m_stream;
    canonical::StopReason m_stop = canonical::StopReason::None;
    canonical::Usage m_usage;
    int m_callCount = 0;
    QString m_idSeed; ///< 8 hex digits shared by the tool-call ids this stream makes up
};

} // namespace llmproxy::ollamachat

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/ssedecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

/// What the wire-format codecs share: how they read and write JSON, the errors they report for
/// unusable bodies, and the bookkeeping of an upstream stream decoder. Internal to the codecs; their
/// own headers are the API. EventStream is a plain value owned by one decoder.
namespace llmproxy::formatsupport {

// ---------------------------------------------------------------------------------------------
// JSON

/// `object` as compact JSON text, the form every emitted body and event takes.
QByteArray compact(const QJsonObject &object);

/// The JSON object `json` holds; false when it is invalid JSON or another kind of value.
bool parseObject(const QByteArray &json, QJsonObject *object);

/// The number at `key` as an integer; nullopt when the member is absent or not a number.
std::optional<qint64> optInt(const QJsonObject &o, const QString &key);
/// The number at `key`; nullopt when the member is absent or not a number.
std::optional<double> optDouble(const QJsonObject &o, const QString &key);
/// The boolean at `key`; nullopt when the member is absent or not a boolean.
std::optional<bool> optBool(const QJsonObject &o, const QString &key);

/// True for a member that is missing or null: clients send either to mean "not given".
bool isAbsent(const QJsonValue &value);

/// `text`, or JSON null when it is empty (optional string fields of the OpenAI and Anthropic shapes).
QJsonValue orNull(const QString &text);

/// Tool-call arguments text as the JSON object formats without a text form need: {} for blank
/// text; nullopt when the text is not a JSON object, which the emitter then sends as {} and reports
/// as dropped.
std::optional<QJsonObject> argumentsObject(const QString &arguments);

// ---------------------------------------------------------------------------------------------
// Ids and times

/// `created` (Unix seconds) when set, else the current time.
qint64 createdOrNow(qint64 created);

/// `digits` random lower-case hex digits, for ids an upstream did not give.
QString randomHex(int digits);

/// The first `digits` hex digits of the SHA-1 of `basis`: ids that stay the same for the same answer.
QString hashHex(const QString &basis, int digits);

// ---------------------------------------------------------------------------------------------
// Requests

/// A client request the gateway refuses (status 400), naming the offending field in `param`.
canonical::Error badRequest(const QString &message, const QString &param = {});

/// The top-level object of a client request body; false with a badRequest() `error` otherwise.
bool parseRequestObject(const QByteArray &body, QJsonObject *object, canonical::Error *error);

/// Reads OpenAI's string tool choices ("auto", "none", "required"), which Chat Completions and
/// Responses share. False with a badRequest() `error` naming `param` for any other string.
bool parseToolChoiceString(const QString &choice, const QString &param, canonical::ToolChoice *toolChoice,
                           canonical::Error *error);

/// Appends a tool result to `request`: results that follow each other form one user turn, as
/// Anthropic requires.
void appendToolResult(canonical::Request &request, const canonical::ContentPart &result);

/// Reports `field` as dropped when `dropped` is given and does not list it yet (several parts of
/// one request may lose the same field for the same reason).
void addDroppedOnce(QList<canonical::Dropped> *dropped, const QString &field, const QString &reason);

// ---------------------------------------------------------------------------------------------
// Upstream answers

/// An upstream that cannot be used (status 502, type api_error), e.g. a cut or malformed stream.
canonical::Error upstreamError(const QString &message);

/// The error every decoder and encoder ends a stream with when the upstream body ends early.
canonical::Error streamEndedEarly();

/// A codec's reader of upstream error bodies; `status` is the HTTP status, 0 inside a stream.
using ErrorParser = canonical::Error (*)(int status, const QByteArray &body);

/// The top-level object of an upstream response body; false with an upstreamError() `error`
/// otherwise.
bool parseUpstreamObject(const QByteArray &body, QJsonObject *object, canonical::Error *error);
/// The same for upstreams that answer with an object holding an `error` member when they fail
/// (OpenAI, Gemini, Ollama): such a body gives false with `parseError(errorStatus, body)`.
bool parseUpstreamObject(const QByteArray &body, QJsonObject *object, canonical::Error *error, ErrorParser parseError,
                         int errorStatus = 502);

/// Folds the events of one complete decoded answer into a response, for formats whose
/// non-streamed answer is decoded like a stream.
canonical::Response responseFromEvents(const QList<canonical::StreamEvent> &events);

// ---------------------------------------------------------------------------------------------
// Stream decoding

/// The canonical event stream an upstream decoder writes, kept to the contract canonical::StreamEvent
/// describes: one MessageStart first, blocks numbered from 0 that open and close in sequence, and
/// exactly one terminal event, after which the decoder reads nothing more. Every call appends to the
/// list it is given.
class EventStream
{
public:
    bool isStarted() const { return m_started; }
    bool isFinished() const { return m_finished; }
    /// The kind of the open block; nullopt when none is open.
    std::optional<canonical::BlockKind> openKind() const { return m_open; }

    /// Marks the end of the upstream body: an event that does not parse from now on was cut off.
    void setInputEnded() { m_inputEnded = true; }
    /// The upstream gave its stop reason. Such a stream may complete at the end of the body even
    /// without the format's end marker (see finishSse()).
    void setStopReasonSeen() { m_stopReasonSeen = true; }
    bool isStopReasonSeen() const { return m_stopReasonSeen; }

    /// MessageStart, unless the stream has started.
    void start(QList<canonical::StreamEvent> &out, const QString &id = {}, const QString &model = {});

    /// Closes the open block and starts a new one of `kind` (tool calls with their id and name);
    /// returns its index.
    int openBlock(canonical::BlockKind kind, QList<canonical::StreamEvent> &out, const QString &toolCallId = {},
                  const QString &toolName = {});
    /// BlockStop for the open block, when there is one.
    void closeBlock(QList<canonical::StreamEvent> &out);
    /// A fragment of the open block.
    void delta(canonical::DeltaKind kind, const QString &text, QList<canonical::StreamEvent> &out);
    /// Appends `text` to the open block when it is of `kind`, else to a new block of `kind`.
    void continueBlock(canonical::BlockKind kind, canonical::DeltaKind deltaKind, const QString &text,
                       QList<canonical::StreamEvent> &out);
    /// A tool call that arrived whole: its own block with a single arguments delta.
    void wholeToolCall(const QString &id, const QString &name, const QString &arguments,
                       QList<canonical::StreamEvent> &out);

    /// Ends the stream normally: the open block closes, then MessageDelta with `stop` (EndTurn when
    /// unknown) and `usage`, then MessageStop. Servers say "stop" after tool calls too; when a tool
    /// block was written the calls decide, so EndTurn becomes ToolUse (WIRE_FORMATS.md §7.6 item 14).
    void complete(canonical::StopReason stop, const canonical::Usage &usage, QList<canonical::StreamEvent> &out);
    /// MessageStop, for upstreams whose own events carry the MessageDelta.
    void messageStop(QList<canonical::StreamEvent> &out);
    /// Ends the stream with an Error event.
    void fail(const canonical::Error &error, QList<canonical::StreamEvent> &out);

    /// The JSON object of one upstream event (or line). Otherwise the stream fails: with
    /// streamEndedEarly() once the input has ended (the last event was cut off), else as invalid JSON.
    std::optional<QJsonObject> eventObject(const QByteArray &json, QList<canonical::StreamEvent> &out);
    /// As eventObject(), for upstreams that report an error inside a stream as an object with an
    /// `error` member (OpenAI, Gemini, Ollama): such an object fails the stream with
    /// `parseError(0, json)`.
    std::optional<QJsonObject> chunkObject(const QByteArray &json, ErrorParser parseError,
                                           QList<canonical::StreamEvent> &out);

private:
    bool m_started = false;
    bool m_finished = false;
    bool m_inputEnded = false;
    bool m_stopReasonSeen = false;
    bool m_sawToolCall = false;
    std::optional<canonical::BlockKind> m_open;
    int m_openIndex = -1;
    int m_nextIndex = 0;
};

/// Hands `events` to `handle(event, out)` in order until `stream` has finished.
template <typename Handle>
void handleSseEvents(const QList<SseEvent> &events, EventStream &stream, Handle &handle,
                     QList<canonical::StreamEvent> &out)
{
    for (const SseEvent &e : events) {
        if (stream.isFinished())
            break;
        handle(e, out);
    }
}

/// Feeds `bytes` to `sse` and hands each event it completes to `handle(event, out)` until `stream`
/// has finished; an event over the SSE decoder's size bound fails the stream.
template <typename Handle>
QList<canonical::StreamEvent> feedSse(SseDecoder &sse, EventStream &stream, QByteArrayView bytes, Handle &&handle)
{
    QList<canonical::StreamEvent> out;
    if (stream.isFinished())
        return out;
    handleSseEvents(sse.feed(bytes), stream, handle, out);
    if (!stream.isFinished() && sse.overflowed())
        stream.fail(upstreamError(QStringLiteral("upstream stream event too large")), out);
    return out;
}

/// The end of an SSE upstream body: hands the events `sse` still held to `handle(event, out)`, then
/// ends a stream that has not finished: with `complete(out)` when its stop reason was seen (the
/// upstream finished but sent no end marker, or its format has none), else with streamEndedEarly().
template <typename Handle, typename Complete>
QList<canonical::StreamEvent> finishSse(SseDecoder &sse, EventStream &stream, Handle &&handle, Complete &&complete)
{
    QList<canonical::StreamEvent> out;
    if (stream.isFinished())
        return out;
    stream.setInputEnded();
    handleSseEvents(sse.finish(), stream, handle, out);
    if (!stream.isFinished() && stream.isStopReasonSeen())
        complete(out);
    if (!stream.isFinished())
        stream.fail(streamEndedEarly(), out);
    return out;
}

/// finishSse() for formats whose streams only end with their end marker: a stream that has not
/// finished fails with streamEndedEarly().
template <typename Handle>
QList<canonical::StreamEvent> finishSse(SseDecoder &sse, EventStream &stream, Handle &&handle)
{
    return finishSse(sse, stream, handle,
                     [&stream](QList<canonical::StreamEvent> &out) { stream.fail(streamEndedEarly(), out); });
}

// ---------------------------------------------------------------------------------------------
// Stream encoding

/// Each of `events` through `encoder`, the outputs joined.
template <typename Encoder> QByteArray encodeEach(Encoder &encoder, const QList<canonical::StreamEvent> &events)
{
    QByteArray out;
    for (const canonical::StreamEvent &e : events)
        out += encoder.encode(e);
    return out;
}

} // namespace llmproxy::formatsupport

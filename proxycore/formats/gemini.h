// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/formatsupport.h"
#include "proxycore/formats/ssedecoder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// Google Gemini `generateContent` (WIRE_FORMATS.md §4) as an upstream format: canonical requests
/// out, responses, errors and SSE streams back. docs/translation.md lists every mapping.
///
/// Gemini has no call ids a client could echo reliably and returns thought signatures that must come
/// back on the same part; both travel inside the tool-call ids this module synthesizes
/// (`call_<seed>_<n>[_ts_<signature>]`, or `gid_<id>` when Gemini gave an id), and thought
/// signatures of thinking and text parts travel in ContentPart::signature with a `gemini:` prefix.
/// All functions are pure; StreamDecoder is a plain value used from one thread at a time, one object
/// per stream.
namespace llmproxy::gemini {

struct EmitOptions
{
    /// Ask for thought summaries (`includeThoughts`) when the request turns thinking on. Off saves
    /// bandwidth for clients that cannot show reasoning.
    bool includeThoughts = true;
    /// Send reasoning levels as `thinkingLevel` (Gemini 3 models) instead of a `thinkingBudget`
    /// (Gemini 2.5 models, which reject levels).
    bool thinkingLevels = false;
    /// Signature put on the first function call of a model turn that carries none (history from
    /// another model), because Gemini 3 rejects unsigned calls in the current turn. Google documents
    /// `skip_thought_signature_validator`; empty sends none.
    QString unsignedCallSignature;
};

/// The request body for `/models/{model}:generateContent` or `:streamGenerateContent?alt=sse`.
/// The model and the stream flag are not part of the body: the caller puts them in the URL. What
/// Gemini cannot carry is appended to `dropped` when given.
QByteArray emitRequest(const canonical::Request &request, const EmitOptions &options = {},
                       QList<canonical::Dropped> *dropped = nullptr);

/// Parses a GenerateContentResponse. Only the first candidate is kept; a prompt blocked by
/// `promptFeedback.blockReason` gives an empty Refusal response. An `{"error":…}` body or a body
/// that is not a JSON object fails with `error` set.
std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);

/// Reads an upstream error body `{"error":{code,message,status,details}}` (also wrapped in an array,
/// or plain text). `status` is the HTTP status, 0 for an error inside a stream (then `error.code`
/// decides). `type` keeps Gemini's status string, `code` the ErrorInfo reason; an invalid API key
/// (reason `API_KEY_INVALID`, sent as 400) gives 401.
canonical::Error parseError(int status, const QByteArray &body);

/// Stop reason for a `finishReason`: SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII and
/// the IMAGE_* filters are refusals; MAX_TOKENS is MaxTokens; everything else (STOP, OTHER,
/// MALFORMED_FUNCTION_CALL, unknown values) ends the turn. Tool use is decided from the content.
canonical::StopReason stopReasonFromWire(const QString &finishReason);

/// True for a ContentPart::signature that holds a Gemini thought signature (emitters for other
/// providers drop such parts: the signature only verifies at Gemini).
bool isThoughtSignature(const QString &signature);

/// Upstream `streamGenerateContent?alt=sse` bytes → canonical stream events, incrementally and
/// across any split.
///
/// Text parts continue the open text block and thought parts the open thinking block; a
/// `functionCall` part (always whole) becomes a tool block with one arguments delta. A thought
/// signature closes the thinking block it belongs to (Signature delta); on a text part it becomes
/// an empty thinking block right after that text. `usageMetadata` is a running total (latest wins).
/// Gemini has no end marker: the stream completes at finish() when a `finishReason` (or a prompt
/// block) was seen.
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
    friend std::optional<canonical::Response> parseResponse(const QByteArray &body, canonical::Error *error);

    void handle(const SseEvent &event, QList<canonical::StreamEvent> &out);
    void handleChunk(const QJsonObject &chunk, QList<canonical::StreamEvent> &out);
    void handlePart(const QJsonObject &part, QList<canonical::StreamEvent> &out);
    void continueThinking(QList<canonical::StreamEvent> &out);
    QString nextToolCallId(const QString &upstreamId, const QString &signature);
    void completeStream(QList<canonical::StreamEvent> &out);

    SseDecoder m_sse;
    formatsupport::EventStream m_stream;
    bool m_openSigned = false; ///< the open thinking block already has its signature
    canonical::StopReason m_stop = canonical::StopReason::None;
    canonical::Usage m_usage;
    int m_callCount = 0;
    QString m_idSeed; ///< 8 hex digits shared by the tool-call ids of this response
};

} // namespace llmproxy::gemini

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/apierror.h"
#include "proxycore/formats/jsonindex.h"

#include <QList>
#include <QString>

#include <optional>

namespace llmproxy {

/// The client API a request arrived on.
enum class ClientApi : quint8 { ChatCompletions, Completions, Embeddings, Responses, Messages };

/// What a piece of request text is, for the guards that read it.
enum class SegmentKind : quint8 {
    System,          ///< system / developer prompt, Responses `instructions`, Anthropic `system`
    Message,         ///< a user or assistant message part
    ToolDescription, ///< a tool's description, and descriptions inside its parameter schema
    ToolArguments,   ///< arguments of a tool call the assistant made (Anthropic: each string in `input`)
    ToolResult,      ///< output of a tool returned to the model
    Reasoning,       ///< reasoning / thinking the client sends back
    Prompt,          ///< legacy completions `prompt` and `suffix`
    EmbeddingInput,  ///< embeddings `input`
};

/// One JSON string of the request that carries text a model reads.
struct TextSegment
{
    SegmentKind kind = SegmentKind::Message;
    int message = -1;    ///< index in `messages` (Responses: in `input`); -1 outside them
    QString role;        ///< sender when known: system, developer, user, assistant, tool
    int node = -1;       ///< the string's node in RequestView::json()
    qsizetype start = 0; ///< the string literal's opening quote in the body
    qsizetype end = 0;   ///< one past its closing quote
    QString text;        ///< decoded
};

/// A replacement of one segment's text (see RequestView::patched()).
struct SegmentPatch
{
    int segment = -1;
    QString text;
};

/// A client request read once, the way the provider will read it: built for every inference
/// request before anything acts on it. It validates the body strictly (JsonIndex: one parse,
/// escapes decoded, duplicate keys rejected anywhere), reads the members the gateway acts on
/// (model, stream, stream_options) and, on demand, every text the model will read as decoded
/// segments with their byte ranges, so a guard can read any text and a masking step can change
/// exactly those bytes while every other byte stays as the client sent it.
/// Value type, used on one worker thread; the body is shared, not copied.
class RequestView
{
public:
    /// Reads `body` as a request of `api`. On failure returns nullopt and fills `error` with the
    /// 400 to answer (invalid JSON, duplicate key, missing or mistyped model / messages / stream).
    static std::optional<RequestView> build(ClientApi api, QByteArray body, ApiError *error);

    ClientApi api() const { return m_api; }
    const QByteArray &body() const { return m_json.text(); }
    const JsonIndex &json() const { return m_json; }
    /// Node of top-level member `key`, or -1.
    int member(QByteArrayView key) const { return m_json.member(JsonIndex::Root, key); }

    QString model() const { return m_model; }
    bool stream() const { return m_stream; }
    bool hasStreamOptions() const { return m_streamOptions >= 0; }
    /// `stream_options.include_usage` is true.
    bool includeUsage() const;

    /// Every text segment, in body order. Decoded on first use (an empty pipeline never pays).
    const QList<TextSegment> &segments() const;

    /// The body with `patches` applied: each patched segment's string literal replaced by the new
    /// text, every other byte unchanged. Patches of unknown segments are ignored.
    QByteArray patched(const QList<SegmentPatch> &patches) const;
    /// The body with top-level member `key`'s value replaced by `valueJson` (encoded JSON);
    /// unchanged when absent.
    QByteArray withMember(QByteArrayView key, QByteArrayView valueJson) const;
    /// The body without top-level member `key` (and its separating comma).
    QByteArray withoutMember(QByteArrayView key) const;

private:
    void collectSegments() const;

    ClientApi m_api = ClientApi::ChatCompletions;
    JsonIndex m_json;
    QString m_model;
    bool m_stream = false;
    int m_streamOptions = -1;
    mutable std::optional<QList<TextSegment>> m_segments;
};

} // namespace llmproxy

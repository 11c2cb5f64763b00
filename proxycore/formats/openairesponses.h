// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

/// OpenAI Responses API (WIRE_FORMATS.md §2) for clients such as the Codex CLI: requests are parsed
/// into the canonical model, responses and streams are written from it. The parser sees one
/// request alone: `previous_response_id`, `conversation` and `item_reference` are rejected (the
/// api layer resolves `previous_response_id` from its conversation store before parsing, see
/// docs/translation.md#stored-responses). The parser is lenient about unknown keys (listed in
/// Request::dropped) and rejects what cannot be represented with a 400-style canonical::Error.
/// All functions are pure; StreamEncoder is a plain value used from one thread, one per stream.
namespace llmproxy::openairesponses {

struct EmitOptions
{
    /// `id` of the response object; empty derives `resp_<id>` from the canonical response (or the
    /// stream's MessageStart) id, and a random id when that is empty too.
    QString responseId;
    /// `created_at` (Unix seconds); 0 means the current time.
    qint64 created = 0;
    /// Names of freeform tools: calls of these become `custom_tool_call` items whose `input` is the
    /// `input` string of the canonical arguments object.
    QSet<QString> customTools;
    /// Tool name → the `namespace` it was offered in; calls of these carry the namespace.
    QHash<QString, QString> toolNamespaces;
    /// Request fields echoed in the response object (`tools`, `tool_choice`, `parallel_tool_calls`,
    /// `temperature`, `text`, `reasoning`, …), laid over neutral defaults. See emitOptionsFor().
    QJsonObject echo;
};

/// Parses a `POST /v1/responses` body. On failure returns nullopt and sets `error` (status 400,
/// `param` naming the offending field).
std::optional<canonical::Request> parseRequest(const QByteArray &body, canonical::Error *error);

/// Names of the request's freeform (`custom`) tools, for EmitOptions::customTools.
QSet<QString> customToolNames(const canonical::Request &request);

/// Emit options for answering `request`: its freeform tool names and the request fields a
/// Responses client may read back from the response object.
EmitOptions emitOptionsFor(const canonical::Request &request);

/// The full response object (`"object":"response"`). What the format cannot carry (images, tool
/// results) is appended to `dropped` when given.
QByteArray emitResponse(const canonical::Response &response, const EmitOptions &options = {},
                        QList<canonical::Dropped> *dropped = nullptr);

/// The error body `{"error":{message,type,param,code}}` (the OpenAI shape, shared with Chat).
QByteArray emitError(const canonical::Error &error);
/// The HTTP status to answer a Responses client with (as for OpenAI Chat clients).
int httpStatus(const canonical::Error &error);

/// Canonical stream events → Responses SSE (`event: <type>` + `data: {…,"sequence_number":N}`).
///
/// The stream opens with `response.created` and `response.in_progress`; every canonical block
/// becomes one output item (text → `message`, thinking and redacted thinking → `reasoning`, tool
/// call → `function_call`, or `custom_tool_call` for EmitOptions::customTools, whose input is sent
/// whole when the block stops) with its added/delta/done events. It ends with exactly one terminal
/// event: `response.completed`, `response.incomplete` (token limit, refusal), or `response.failed`
/// after an `error` event for an Error event, fail(), or finish() before the end. After the terminal
/// event every call returns nothing.
class StreamEncoder
{
public:
    explicit StreamEncoder(const EmitOptions &options = {});

    QByteArray encode(const canonical::StreamEvent &event);
    QByteArray encode(const QList<canonical::StreamEvent> &events);
    QByteArray fail(const canonical::Error &error);
    /// Call at the end of the stream: fails it when no terminal event was written yet.
    QByteArray finish();
    bool isFinished() const { return m_finished; }

private:
    struct OpenItem
    {
        int canonicalIndex = -1;
        canonical::BlockKind kind = canonical::BlockKind::Text;
        bool custom = false;   ///< ToolCall of a freeform tool
        bool partOpen = false; ///< Thinking: the summary part was announced
        QString id;            ///< item id
        QString text;          ///< Text/Thinking text, tool arguments, or redacted data
        QString signature;     ///< Thinking: becomes encrypted_content
        QString callId;
        QString name;
    };

    QByteArray event(const QString &type, QJsonObject payload);
    QByteArray ensureStarted();
    QByteArray startItem(const canonical::StreamEvent &start);
    QByteArray delta(const canonical::StreamEvent &delta);
    QByteArray closeItem();
    QByteArray complete();
    QJsonObject snapshot(const QString &status) const;

    EmitOptions m_options;
    qint64 m_created = 0;
    QString m_responseId;
    QString m_model;
    int m_sequence = 0;
    bool m_started = false;
    bool m_finished = false;
    std::optional<OpenItem> m_open;
    QJsonArray m_output; ///< completed output items, in order
    canonical::StopReason m_stop = canonical::StopReason::None;
    canonical::Usage m_usage;
};

} // namespace llmproxy::openairesponses

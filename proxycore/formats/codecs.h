// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

/// One entry point per direction for every wire format, so the proxy path is written once for any
/// client × upstream pair: the client's format parses the request and emits the answer, the
/// upstream's format emits the request and parses the answer, and the canonical model sits between.
namespace llmproxy::formats {

/// The wire formats LLMProxy speaks. Clients use the first three; upstreams any except Responses
/// (which is only relayed as is to upstreams that serve it).
enum class ApiFormat { OpenAiChat, OpenAiResponses, AnthropicMessages, Gemini, OllamaChat };

/// Lower-case name for logs and messages, e.g. "anthropic-messages".
QString apiFormatName(ApiFormat format);

/// What the client-side emitters need to know about the request they answer.
struct ClientOptions
{
    bool includeUsage = false;  ///< OpenAI Chat: stream_options.include_usage was set
    QSet<QString> customTools;  ///< Responses: freeform tools whose calls go back as custom_tool_call
    QHash<QString, QString> toolNamespaces; ///< Responses: tool name → the namespace it was offered in
    QJsonObject echo;           ///< Responses: request fields echoed in the response object
    QString responseId;         ///< Responses: the response object's id; empty = derived from the upstream's
    qint64 created = 0;         ///< OpenAI formats: `created` / `created_at` (Unix seconds); 0 = now
};

/// The client options for answering `request` in `client`'s format.
ClientOptions clientOptionsFor(ApiFormat client, const canonical::Request &request);

/// An upstream stream, decoded incrementally into canonical events (any byte split).
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    virtual QList<canonical::StreamEvent> feed(QByteArrayView bytes) = 0;
    /// The end of the upstream body; yields the terminal event when none came yet.
    virtual QList<canonical::StreamEvent> finish() = 0;
};

/// Canonical events, encoded incrementally for the client; always ends with the client protocol's
/// terminal event.
class StreamEncoder
{
public:
    virtual ~StreamEncoder() = default;
    virtual QByteArray encode(const QList<canonical::StreamEvent> &events) = 0;
    virtual QByteArray fail(const canonical::Error &error) = 0;
    virtual QByteArray finish() = 0;
    virtual bool isFinished() const = 0;
};

std::optional<canonical::Request> parseRequest(ApiFormat client, const QByteArray &body, canonical::Error *error);
QByteArray emitResponse(ApiFormat client, const canonical::Response &response, const ClientOptions &options);
QByteArray emitError(ApiFormat client, const canonical::Error &error);
int httpStatus(ApiFormat client, const canonical::Error &error);
std::unique_ptr<StreamEncoder> makeStreamEncoder(ApiFormat client, const ClientOptions &options);

std::optional<canonical::Response> parseResponse(ApiFormat upstream, const QByteArray &body, canonical::Error *error);
canonical::Error parseError(ApiFormat upstream, int status, const QByteArray &body);
std::unique_ptr<StreamDecoder> makeStreamDecoder(ApiFormat upstream);

} // namespace llmproxy::formats

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"
#include "proxycore/formats/codecs.h"
#include "proxycore/http/httprequest.h"
#include "proxycore/routing/routingsnapshot.h"

#include <QByteArray>

namespace llmproxy {

/// Everything the transport needs to send one request upstream, and the format of the answer.
struct UpstreamPlan
{
    formats::ApiFormat format = formats::ApiFormat::OpenAiChat; ///< what the upstream speaks on this call
    QByteArray url;                                             ///< complete URL, query included
    QByteArray body;
    HeaderList extraHeaders; ///< added to the endpoint's own headers
    bool stream = false;
};

/// The format a chat-style request to `endpoint` is sent in when the client speaks `client`:
/// the client's own format when the endpoint serves it (passthrough), otherwise the endpoint's
/// native format. Ollama uses its OpenAI-compatible API for OpenAI clients and its native
/// /api/chat when translating anyway or when the endpoint sets num_ctx (which only /api/chat has).
formats::ApiFormat chatFormatFor(const ResolvedEndpoint &endpoint, formats::ApiFormat client);

/// URL of an OpenAI-style API path (e.g. "/chat/completions") on `endpoint` for `model`,
/// including Azure's deployment paths and api-version.
QByteArray openAiUrl(const ResolvedEndpoint &endpoint, QByteArrayView apiPath, const QString &model);

/// Provider quirks for an OpenAI Chat body passed through unchanged otherwise: `stream_options`
/// removed where rejected, `max_tokens` renamed to `max_completion_tokens` for OpenAI reasoning
/// models (which reject the old name), and the reverse for Ollama (which reads only `max_tokens`).
QByteArray applyOpenAiQuirks(QByteArray body, const ResolvedEndpoint &endpoint, const QString &model);

/// The upstream request for a canonical request (its model already the upstream model) in
/// `format`; fields the format cannot carry are appended to `dropped`.
UpstreamPlan planTranslated(const ResolvedEndpoint &endpoint, const canonical::Request &request,
                            formats::ApiFormat format, QList<canonical::Dropped> *dropped);

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/formats/canonical.h"

#include <QByteArray>
#include <QString>

namespace llmproxy {

/// An error as the client sees it. Rendered in the client protocol's own shape; for the OpenAI
/// API: {"error":{"message","type","param","code"}}.
struct ApiError
{
    int status = 500;
    QString message;
    QByteArray type;  ///< e.g. "invalid_request_error", "authentication_error", "server_error"
    QByteArray code;  ///< stable snake_case code; empty renders as null
    QByteArray param; ///< offending parameter; empty renders as null

    QByteArray openAiBody() const;
    /// The same error as an SSE event for a stream that has already started.
    QByteArray openAiStreamEvent() const;
    /// The same error in the Anthropic Messages shape: {"type":"error","error":{"type","message"}}.
    QByteArray anthropicBody() const;
    canonical::Error toCanonical() const;

    static ApiError invalidRequest(QString message, QByteArray code = {}, QByteArray param = {});
    static ApiError unauthorized(QString message);
    static ApiError notFound(QString message, QByteArray code);
    static ApiError methodNotAllowed(QByteArrayView allowed, QByteArrayView path);
    static ApiError unavailable(QString message, QByteArray code);
    static ApiError badGateway(QString message, QByteArray code);
    static ApiError gatewayTimeout(QString message);
};

} // namespace llmproxy

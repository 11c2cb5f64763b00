// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/apierror.h"

#include "proxycore/formats/anthropicmessages.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

QByteArray ApiError::openAiBody() const
{
    QJsonObject e;
    e.insert(QStringLiteral("message"), message);
    e.insert(QStringLiteral("type"), QString::fromLatin1(type.isEmpty() ? QByteArray("server_error") : type));
    e.insert(QStringLiteral("param"), param.isEmpty() ? QJsonValue(QJsonValue::Null) : QString::fromLatin1(param));
    e.insert(QStringLiteral("code"), code.isEmpty() ? QJsonValue(QJsonValue::Null) : QString::fromLatin1(code));
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact);
}

QByteArray ApiError::openAiStreamEvent() const
{
    return "data: " + openAiBody() + "\n\n";
}

canonical::Error ApiError::toCanonical() const
{
    canonical::Error e;
    e.status = status;
    e.type = QString::fromLatin1(type);
    e.message = message;
    e.code = QString::fromLatin1(code);
    e.param = QString::fromLatin1(param);
    e.fromGateway = true;
    return e;
}

QByteArray ApiError::anthropicBody() const
{
    return anthropicmessages::emitError(toCanonical());
}

ApiError ApiError::invalidRequest(QString message, QByteArray code, QByteArray param)
{
    return {400, std::move(message), QByteArrayLiteral("invalid_request_error"), std::move(code), std::move(param)};
}

ApiError ApiError::unauthorized(QString message)
{
    return {
        401, std::move(message), QByteArrayLiteral("authentication_error"), QByteArrayLiteral("invalid_api_key"), {}};
}

ApiError ApiError::notFound(QString message, QByteArray code)
{
    return {404, std::move(message), QByteArrayLiteral("invalid_request_error"), std::move(code), {}};
}

ApiError ApiError::methodNotAllowed(QByteArrayView allowed, QByteArrayView path)
{
    return {405,
            QStringLiteral("Use %1 for %2").arg(QString::fromLatin1(allowed), QString::fromUtf8(path)),
            QByteArrayLiteral("invalid_request_error"),
            QByteArrayLiteral("method_not_allowed"),
            {}};
}

ApiError ApiError::unavailable(QString message, QByteArray code)
{
    return {503, std::move(message), QByteArrayLiteral("service_unavailable"), std::move(code), {}};
}

ApiError ApiError::badGateway(QString message, QByteArray code)
{
    return {502, std::move(message), QByteArrayLiteral("upstream_error"), std::move(code), {}};
}

ApiError ApiError::gatewayTimeout(QString message)
{
    return {504, std::move(message), QByteArrayLiteral("upstream_error"), QByteArrayLiteral("upstream_timeout"), {}};
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/canonical.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace llmproxy::canonical {

void Usage::merge(const Usage &newer)
{
    if (newer.inputTokens)
        inputTokens = newer.inputTokens;
    if (newer.cacheReadTokens)
        cacheReadTokens = newer.cacheReadTokens;
    if (newer.cacheWriteTokens)
        cacheWriteTokens = newer.cacheWriteTokens;
    if (newer.outputTokens)
        outputTokens = newer.outputTokens;
    if (newer.reasoningTokens)
        reasoningTokens = newer.reasoningTokens;
}

int statusForErrorType(const QString &type)
{
    // Anthropic types first, then the OpenAI types and codes that differ from them.
    static const QHash<QString, int> statuses = {
        {u"invalid_request_error"_s, 400},
        {u"authentication_error"_s, 401},
        {u"billing_error"_s, 402},
        {u"permission_error"_s, 403},
        {u"not_found_error"_s, 404},
        {u"conflict_error"_s, 409},
        {u"request_too_large"_s, 413},
        {u"rate_limit_error"_s, 429},
        {u"api_error"_s, 500},
        {u"timeout_error"_s, 504},
        {u"overloaded_error"_s, 529},
        {u"insufficient_quota"_s, 429},
        {u"rate_limit_exceeded"_s, 429},
        {u"server_error"_s, 500},
        {u"server_is_overloaded"_s, 503},
        {u"slow_down"_s, 503},
        {u"invalid_api_key"_s, 401},
    };
    return statuses.value(type, 500);
}

bool splitDataUrl(const QString &url, QString *mediaType, QString *data)
{
    if (!url.startsWith(u"data:"_s))
        return false;
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0)
        return false;
    const QString header = url.mid(5, comma - 5);
    if (!header.endsWith(u";base64"_s))
        return false;
    *mediaType = header.chopped(7);
    *data = url.mid(comma + 1);
    return true;
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace llmproxy::canonical

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/routing/upstreamplan.h"

#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/gemini.h"
#include "proxycore/formats/jsonmembers.h"
#include "proxycore/formats/ollamachat.h"
#include "proxycore/formats/openaichat.h"

#include <QUrl>

namespace llmproxy {

using formats::ApiFormat;

namespace {

constexpr QByteArrayView DefaultAzureApiVersion = "2024-10-21";

bool isOllama(const ResolvedEndpoint &endpoint)
{
    return endpoint.preset->name == u"ollama";
}

/// OpenAI's reasoning models reject max_tokens and sampling parameters other than the defaults.
bool isOpenAiReasoningModel(const QString &model)
{
    QStringView m = model;
    if (const qsizetype slash = m.lastIndexOf(QLatin1Char('/')); slash >= 0)
        m = m.sliced(slash + 1);
    if (m.size() >= 2 && m[0] == u'o' && m[1].isDigit())
        return true;
    return m.startsWith(u"gpt-5");
}

/// Root of an Ollama server from its OpenAI-compatible base URL (".../v1" removed).
QByteArray ollamaRoot(const ResolvedEndpoint &endpoint)
{
    QByteArray base = endpoint.baseUrl;
    if (base.endsWith("/v1"))
        base.chop(3);
    else if (base.endsWith("/api"))
        base.chop(4);
    return base;
}

QByteArray renameTopLevelKey(QByteArray body, QByteArrayView from, QByteArrayView to)
{
    const JsonMemberSpan span = findTopLevelMember(body, from);
    if (!span.isValid())
        return body;
    const QByteArray quoted = '"' + from.toByteArray() + '"';
    const QByteArray replacement = '"' + to.toByteArray() + '"';
    if (QByteArrayView(body).sliced(span.keyStart).startsWith(quoted))
        body.replace(span.keyStart, quoted.size(), replacement);
    return body;
}

/// max_tokens is required by Anthropic; without one from the client, the most the model family
/// allows without extra headers (older families have lower ceilings and reject more).
qint64 anthropicDefaultMaxTokens(const QString &model)
{
    if (model.startsWith(u"claude-3-5"))
        return 8192;
    if (model.startsWith(u"claude-3-") && !model.startsWith(u"claude-3-7"))
        return 4096;
    if (model.startsWith(u"claude-"))
        return 32000;
    return 8192; // an Anthropic-compatible service with a model of its own
}

} // namespace

ApiFormat chatFormatFor(const ResolvedEndpoint &endpoint, ApiFormat client)
{
    switch (endpoint.preset->format) {
    case WireFormat::Anthropic:
        return ApiFormat::AnthropicMessages;
    case WireFormat::Gemini:
        return ApiFormat::Gemini;
    case WireFormat::OpenAi:
        if (isOllama(endpoint) && (client != ApiFormat::OpenAiChat || endpoint.config.numCtx > 0))
            return ApiFormat::OllamaChat;
        if (client == ApiFormat::OpenAiResponses && endpoint.preset->name == u"openai")
            return ApiFormat::OpenAiResponses;
        return ApiFormat::OpenAiChat;
    case WireFormat::AzureOpenAi:
        return ApiFormat::OpenAiChat;
    }
    return ApiFormat::OpenAiChat;
}

QByteArray openAiUrl(const ResolvedEndpoint &endpoint, QByteArrayView apiPath, const QString &model)
{
    if (endpoint.preset->format != WireFormat::AzureOpenAi || endpoint.baseUrl.endsWith("/openai/v1"))
        return endpoint.baseUrl + apiPath;
    // Azure's deployments API: the deployment is the model name, the version a query parameter.
    QByteArray url = endpoint.baseUrl;
    if (!url.endsWith("/openai"))
        url += "/openai";
    const QByteArray version = endpoint.config.apiVersion.isEmpty() ? DefaultAzureApiVersion.toByteArray()
                                                                    : endpoint.config.apiVersion.toUtf8();
    return url + "/deployments/" + QUrl::toPercentEncoding(model) + apiPath +
           "?api-version=" + QUrl::toPercentEncoding(QString::fromUtf8(version));
}

QByteArray applyOpenAiQuirks(QByteArray body, const ResolvedEndpoint &endpoint, const QString &model)
{
    if (!endpoint.preset->acceptsStreamOptions)
        body = removeTopLevelMember(body, "stream_options");
    const bool openAi = endpoint.preset->name == u"openai" || endpoint.preset->format == WireFormat::AzureOpenAi;
    if (openAi && isOpenAiReasoningModel(model) && !findTopLevelMember(body, "max_completion_tokens").isValid())
        body = renameTopLevelKey(std::move(body), "max_tokens", "max_completion_tokens");
    else if (isOllama(endpoint) && !findTopLevelMember(body, "max_tokens").isValid())
        body = renameTopLevelKey(std::move(body), "max_completion_tokens", "max_tokens");
    return body;
}

UpstreamPlan planTranslated(const ResolvedEndpoint &endpoint, const canonical::Request &request, ApiFormat format,
                            QList<canonical::Dropped> *dropped)
{
    UpstreamPlan plan;
    plan.format = format;
    plan.stream = request.stream;
    switch (format) {
    case ApiFormat::AnthropicMessages: {
        anthropicmessages::EmitOptions options;
        options.defaultMaxTokens = anthropicDefaultMaxTokens(request.model);
        plan.body = anthropicmessages::emitRequest(request, options, dropped);
        plan.url = endpoint.baseUrl + "/messages";
        plan.extraHeaders.append({QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")});
        break;
    }
    case ApiFormat::Gemini: {
        QString model = request.model;
        if (model.startsWith(u"models/"))
            model.remove(0, 7);
        gemini::EmitOptions options;
        if (model.startsWith(u"gemini-3")) {
            // Gemini 3 takes thinking levels, and rejects function calls without a thought
            // signature unless told to skip the check (calls made by another model have none).
            options.thinkingLevels = true;
            options.unsignedCallSignature = QStringLiteral("skip_thought_signature_validator");
        }
        plan.body = gemini::emitRequest(request, options, dropped);
        plan.url =
            endpoint.baseUrl + "/models/" + QUrl::toPercentEncoding(model) +
            (request.stream ? QByteArrayView(":streamGenerateContent?alt=sse") : QByteArrayView(":generateContent"));
        break;
    }
    case ApiFormat::OllamaChat: {
        ollamachat::EmitOptions options;
        options.numCtx = endpoint.config.numCtx;
        plan.body = ollamachat::emitRequest(request, options, dropped);
        plan.url = ollamaRoot(endpoint) + "/api/chat";
        break;
    }
    case ApiFormat::OpenAiChat:
    case ApiFormat::OpenAiResponses: {
        plan.format = ApiFormat::OpenAiChat;
        openaichat::EmitOptions options;
        const bool openAi = endpoint.preset->name == u"openai" || endpoint.preset->format == WireFormat::AzureOpenAi;
        options.legacyMaxTokens = !openAi;
        plan.body = openaichat::emitRequest(request, options, dropped);
        if (!endpoint.preset->acceptsStreamOptions)
            plan.body = removeTopLevelMember(plan.body, "stream_options");
        plan.url = openAiUrl(endpoint, "/chat/completions", request.model);
        break;
    }
    }
    return plan;
}

} // namespace llmproxy

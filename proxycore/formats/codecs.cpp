// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/formats/codecs.h"

#include "proxycore/formats/anthropicmessages.h"
#include "proxycore/formats/gemini.h"
#include "proxycore/formats/ollamachat.h"
#include "proxycore/formats/openaichat.h"
#include "proxycore/formats/openairesponses.h"

namespace llmproxy::formats {

namespace {

template<class Decoder>
class DecoderAdapter final : public StreamDecoder
{
public:
    QList<canonical::StreamEvent> feed(QByteArrayView bytes) override { return m_decoder.feed(bytes); }
    QList<canonical::StreamEvent> finish() override { return m_decoder.finish(); }

private:
    Decoder m_decoder;
};

template<class Encoder>
class EncoderAdapter final : public StreamEncoder
{
public:
    template<class... Args>
    explicit EncoderAdapter(Args &&...args) : m_encoder(std::forward<Args>(args)...)
    {
    }
    QByteArray encode(const QList<canonical::StreamEvent> &events) override { return m_encoder.encode(events); }
    QByteArray fail(const canonical::Error &error) override { return m_encoder.fail(error); }
    QByteArray finish() override { return m_encoder.finish(); }
    bool isFinished() const override { return m_encoder.isFinished(); }

private:
    Encoder m_encoder;
};

canonical::Error unsupported(ApiFormat format, const char *what)
{
    canonical::Error e;
    e.status = 500;
    e.type = QStringLiteral("api_error");
    e.code = QStringLiteral("unsupported_format");
    e.message = QStringLiteral("%1 is not available for the %2 format").arg(QLatin1String(what), apiFormatName(format));
    return e;
}

} // namespace

QString apiFormatName(ApiFormat format)
{
    switch (format) {
    case ApiFormat::OpenAiChat:
        return QStringLiteral("openai-chat");
    case ApiFormat::OpenAiResponses:
        return QStringLiteral("openai-responses");
    case ApiFormat::AnthropicMessages:
        return QStringLiteral("anthropic-messages");
    case ApiFormat::Gemini:
        return QStringLiteral("gemini");
    case ApiFormat::OllamaChat:
        return QStringLiteral("ollama-chat");
    }
    return {};
}

ClientOptions clientOptionsFor(ApiFormat client, const canonical::Request &request)
{
    ClientOptions options;
    options.includeUsage = request.includeUsage;
    if (client == ApiFormat::OpenAiResponses) {
        const openairesponses::EmitOptions o = openairesponses::emitOptionsFor(request);
        options.customTools = o.customTools;
        options.toolNamespaces = o.toolNamespaces;
        options.echo = o.echo;
    }
    return options;
}

namespace {
openairesponses::EmitOptions responsesOptions(const ClientOptions &options)
{
    openairesponses::EmitOptions o;
    o.customTools = options.customTools;
    o.toolNamespaces = options.toolNamespaces;
    o.echo = options.echo;
    o.created = options.created;
    o.responseId = options.responseId;
    return o;
}
} // namespace

std::optional<canonical::Request> parseRequest(ApiFormat client, const QByteArray &body, canonical::Error *error)
{
    switch (client) {
    case ApiFormat::OpenAiChat:
        return openaichat::parseRequest(body, error);
    case ApiFormat::AnthropicMessages:
        return anthropicmessages::parseRequest(body, error);
    case ApiFormat::OpenAiResponses:
        return openairesponses::parseRequest(body, error);
    default:
        break;
    }
    *error = unsupported(client, "request parsing");
    return std::nullopt;
}

QByteArray emitResponse(ApiFormat client, const canonical::Response &response, const ClientOptions &options)
{
    switch (client) {
    case ApiFormat::AnthropicMessages:
        return anthropicmessages::emitResponse(response);
    case ApiFormat::OpenAiResponses:
        return openairesponses::emitResponse(response, responsesOptions(options));
    default: {
        openaichat::EmitOptions o;
        o.created = options.created;
        return openaichat::emitResponse(response, o);
    }
    }
}

QByteArray emitError(ApiFormat client, const canonical::Error &error)
{
    return client == ApiFormat::AnthropicMessages ? anthropicmessages::emitError(error) : openaichat::emitError(error);
}

int httpStatus(ApiFormat client, const canonical::Error &error)
{
    return client == ApiFormat::AnthropicMessages ? anthropicmessages::httpStatus(error) : openaichat::httpStatus(error);
}

std::unique_ptr<StreamEncoder> makeStreamEncoder(ApiFormat client, const ClientOptions &options)
{
    switch (client) {
    case ApiFormat::AnthropicMessages:
        return std::make_unique<EncoderAdapter<anthropicmessages::StreamEncoder>>();
    case ApiFormat::OpenAiResponses:
        return std::make_unique<EncoderAdapter<openairesponses::StreamEncoder>>(responsesOptions(options));
    default: {
        openaichat::EmitOptions o;
        o.includeUsage = options.includeUsage;
        o.created = options.created;
        return std::make_unique<EncoderAdapter<openaichat::StreamEncoder>>(o);
    }
    }
}

std::optional<canonical::Response> parseResponse(ApiFormat upstream, const QByteArray &body, canonical::Error *error)
{
    switch (upstream) {
    case ApiFormat::OpenAiChat:
        return openaichat::parseResponse(body, error);
    case ApiFormat::AnthropicMessages:
        return anthropicmessages::parseResponse(body, error);
    case ApiFormat::Gemini:
        return gemini::parseResponse(body, error);
    case ApiFormat::OllamaChat:
        return ollamachat::parseResponse(body, error);
    case ApiFormat::OpenAiResponses:
        break;
    }
    *error = unsupported(upstream, "response parsing");
    return std::nullopt;
}

canonical::Error parseError(ApiFormat upstream, int status, const QByteArray &body)
{
    switch (upstream) {
    case ApiFormat::AnthropicMessages:
        return anthropicmessages::parseError(status, body);
    case ApiFormat::Gemini:
        return gemini::parseError(status, body);
    case ApiFormat::OllamaChat:
        return ollamachat::parseError(status, body);
    default:
        return openaichat::parseError(status, body);
    }
}

std::unique_ptr<StreamDecoder> makeStreamDecoder(ApiFormat upstream)
{
    switch (upstream) {
    case ApiFormat::AnthropicMessages:
        return std::make_unique<DecoderAdapter<anthropicmessages::StreamDecoder>>();
    case ApiFormat::Gemini:
        return std::make_unique<DecoderAdapter<gemini::StreamDecoder>>();
    case ApiFormat::OllamaChat:
        return std::make_unique<DecoderAdapter<ollamachat::StreamDecoder>>();
    default:
        return std::make_unique<DecoderAdapter<openaichat::StreamDecoder>>();
    }
}

} // namespace llmproxy::formats

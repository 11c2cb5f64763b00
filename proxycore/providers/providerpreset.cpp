// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/providers/providerpreset.h"

namespace llmproxy {

const QList<ProviderPreset> &providerPresets()
{
    // Base URLs include the API version segment, so paths such as "/chat/completions" append directly.
    static const QList<ProviderPreset> presets = {
        {u"openai", u"OpenAI", WireFormat::OpenAi, u"https://api.openai.com/v1", AuthStyle::Bearer,
         u"OPENAI_API_KEY", true, false},
        {u"azure", u"Azure OpenAI", WireFormat::AzureOpenAi, u"", AuthStyle::ApiKeyHeader,
         u"AZURE_OPENAI_API_KEY", true, false},
        {u"anthropic", u"Anthropic", WireFormat::Anthropic, u"https://api.anthropic.com/v1", AuthStyle::XApiKey,
         u"ANTHROPIC_API_KEY", false, false},
        {u"google", u"Google Gemini", WireFormat::Gemini, u"https://generativelanguage.googleapis.com/v1beta",
         AuthStyle::GoogApiKey, u"GOOGLE_API_KEY", false, false},
        {u"ollama", u"Ollama", WireFormat::OpenAi, u"http://127.0.0.1:11434/v1", AuthStyle::None, u"", true, true},
        {u"groq", u"Groq", WireFormat::OpenAi, u"https://api.groq.com/openai/v1", AuthStyle::Bearer,
         u"GROQ_API_KEY", true, false},
        {u"together", u"Together AI", WireFormat::OpenAi, u"https://api.together.xyz/v1", AuthStyle::Bearer,
         u"TOGETHER_API_KEY", true, false},
        {u"mistral", u"Mistral", WireFormat::OpenAi, u"https://api.mistral.ai/v1", AuthStyle::Bearer,
         u"MISTRAL_API_KEY", false, false},
        {u"deepseek", u"DeepSeek", WireFormat::OpenAi, u"https://api.deepseek.com/v1", AuthStyle::Bearer,
         u"DEEPSEEK_API_KEY", true, false},
        {u"xai", u"xAI", WireFormat::OpenAi, u"https://api.x.ai/v1", AuthStyle::Bearer, u"XAI_API_KEY", true, false},
        {u"perplexity", u"Perplexity", WireFormat::OpenAi, u"https://api.perplexity.ai", AuthStyle::Bearer,
         u"PERPLEXITY_API_KEY", false, false},
        {u"fireworks", u"Fireworks AI", WireFormat::OpenAi, u"https://api.fireworks.ai/inference/v1",
         AuthStyle::Bearer, u"FIREWORKS_API_KEY", true, false},
        {u"openrouter", u"OpenRouter", WireFormat::OpenAi, u"https://openrouter.ai/api/v1", AuthStyle::Bearer,
         u"OPENROUTER_API_KEY", true, false},
        {u"sambanova", u"SambaNova", WireFormat::OpenAi, u"https://api.sambanova.ai/v1", AuthStyle::Bearer,
         u"SAMBANOVA_API_KEY", true, false},
        {u"lmstudio", u"LM Studio", WireFormat::OpenAi, u"http://127.0.0.1:1234/v1", AuthStyle::None, u"", true,
         true},
        {u"vllm", u"vLLM", WireFormat::OpenAi, u"http://127.0.0.1:8000/v1", AuthStyle::Bearer, u"", true, true},
        {u"llamacpp", u"llama.cpp", WireFormat::OpenAi, u"http://127.0.0.1:8080/v1", AuthStyle::Bearer, u"", true,
         true},
        {u"openai_compatible", u"OpenAI-compatible", WireFormat::OpenAi, u"", AuthStyle::Bearer, u"", true, false},
    };
    return presets;
}

static QString normalizedName(QStringView name)
{
    QString n = name.trimmed().toString().toLower();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (n == u"generic" || n == u"openai_compat")
        n = QStringLiteral("openai_compatible");
    if (n == u"gemini")
        n = QStringLiteral("google");
    if (n == u"azure_openai")
        n = QStringLiteral("azure");
    if (n == u"llama_cpp")
        n = QStringLiteral("llamacpp");
    if (n == u"lm_studio")
        n = QStringLiteral("lmstudio");
    return n;
}

const ProviderPreset *findProviderPreset(QStringView name)
{
    const QString n = normalizedName(name);
    for (const ProviderPreset &p : providerPresets()) {
        if (p.name == n)
            return &p;
    }
    return nullptr;
}

QPair<QByteArray, QByteArray> authHeader(AuthStyle style, const QString &key)
{
    if (key.isEmpty())
        return {};
    switch (style) {
    case AuthStyle::Bearer:
        return {QByteArrayLiteral("authorization"), "Bearer " + key.toUtf8()};
    case AuthStyle::ApiKeyHeader:
        return {QByteArrayLiteral("api-key"), key.toUtf8()};
    case AuthStyle::XApiKey:
        return {QByteArrayLiteral("x-api-key"), key.toUtf8()};
    case AuthStyle::GoogApiKey:
        return {QByteArrayLiteral("x-goog-api-key"), key.toUtf8()};
    case AuthStyle::None:
        break;
    }
    return {};
}

} // namespace llmproxy

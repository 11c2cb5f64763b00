// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace llmproxy {

/// The API family an upstream speaks natively. Ollama counts as OpenAi (its OpenAI-compatible API);
/// its native /api/chat is chosen per request (routing/upstreamplan.h).
enum class WireFormat { OpenAi, Anthropic, Gemini, AzureOpenAi };

/// How the upstream expects its key.
enum class AuthStyle { Bearer, ApiKeyHeader, XApiKey, GoogApiKey, None };

/// Static facts about a provider family: default base URL, key header, usual key variable, quirks.
/// Presets are compile-time constants; lookups are lock-free and thread-safe.
struct ProviderPreset
{
    QStringView name;            ///< config name, e.g. u"groq"
    QStringView displayName;
    WireFormat format;
    QStringView defaultBaseUrl;  ///< empty when the user must give one (azure, generic)
    AuthStyle auth;
    QStringView keyEnv;          ///< conventional key variable, e.g. u"GROQ_API_KEY"; empty for local servers
    bool acceptsStreamOptions;   ///< false: strip stream_options before sending upstream
    bool local;                  ///< a server on the user's machine (no key expected)
};

/// All presets, in a stable order.
const QList<ProviderPreset> &providerPresets();

/// The preset named `name` (case-insensitive; '-' and '_' are equivalent), or nullptr.
const ProviderPreset *findProviderPreset(QStringView name);

/// The header name and value that carry `key` for `style`; empty name when no header is needed.
QPair<QByteArray, QByteArray> authHeader(AuthStyle style, const QString &key);

} // namespace llmproxy

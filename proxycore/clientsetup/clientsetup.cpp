// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/clientsetup/clientsetup.h"

#include "proxycore/clientsetup/configtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {

QList<ClientTool> makeTools()
{
    QList<ClientTool> tools;
    tools.append({QStringLiteral("claude-code"), QStringLiteral("Claude Code"), ClientApi::AnthropicMessages,
                  QStringLiteral(".claude/settings.json"), false,
                  QStringLiteral("Speaks the Anthropic Messages API at the root URL; map the Claude model names it "
                                 "asks for with model_aliases, or name a model here.")});
    tools.append({QStringLiteral("codex"), QStringLiteral("Codex CLI"), ClientApi::OpenAIResponses,
                  QStringLiteral(".codex/config.toml"), false,
                  QStringLiteral("Speaks the OpenAI Responses API; LLMProxy becomes its model provider "
                                 "\"llmproxy\". Codex Desktop signed in with ChatGPT ignores it.")});
    tools.append({QStringLiteral("cursor"), QStringLiteral("Cursor"), ClientApi::OpenAIChat, QString(), true,
                  QStringLiteral("Cursor sends requests from its own servers: the gateway must be reachable from the "
                                 "internet (a tunnel or a public address, with proxy keys set).")});
    tools.append({QStringLiteral("continue"), QStringLiteral("Continue"), ClientApi::OpenAIChat,
                  QStringLiteral(".continue/config.yaml"), true,
                  QStringLiteral("Adds a model named \"LLMProxy\" to Continue's models; Continue reloads the file "
                                 "when it changes.")});
    tools.append({QStringLiteral("aider"), QStringLiteral("Aider"), ClientApi::OpenAIChat,
                  QStringLiteral(".aider.conf.yml"), true,
                  QStringLiteral("The openai/ prefix tells Aider to use the OpenAI API; the model after it is what "
                                 "LLMProxy routes.")});
    tools.append({QStringLiteral("cline"), QStringLiteral("Cline"), ClientApi::OpenAIChat, QString(), true,
                  QStringLiteral("In Cline's settings choose the API provider \"OpenAI Compatible\".")});
    tools.append({QStringLiteral("zed"), QStringLiteral("Zed"), ClientApi::OpenAIChat,
                  QStringLiteral(".config/zed/settings.json"), true,
                  QStringLiteral("Zed does not discover models for this provider: every model is listed. The key is "
                                 "entered in the Agent panel or taken from LLMPROXY_API_KEY.")});
    tools.append(
        {QStringLiteral("copilot"), QStringLiteral("GitHub Copilot"), ClientApi::OpenAIChat, QString(), true,
         QStringLiteral("VS Code's Custom Endpoint provider (chat and agent; completions stay with GitHub).")});
    return tools;
}

QString json(const QString &s)
{
    return configtext::jsonString(s);
}

QString claudeJson(const ClientSetupValues &values)
{
    QStringList lines;
    const QString root = gatewayRootUrl(values.url);
    lines << QStringLiteral("    \"ANTHROPIC_BASE_URL\": %1").arg(json(root));
    lines << QStringLiteral("    \"ANTHROPIC_AUTH_TOKEN\": %1").arg(json(effectiveKey(values)));
    if (!values.model.isEmpty()) {
        for (const char *name : {"ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_OPUS_MODEL", "ANTHROPIC_DEFAULT_SONNET_MODEL",
                                 "ANTHROPIC_DEFAULT_HAIKU_MODEL"})
            lines << QStringLiteral("    \"%1\": %2").arg(QLatin1String(name), json(values.model));
    }
    return QStringLiteral("{\n  \"env\": {\n%1\n  }\n}\n").arg(lines.join(QStringLiteral(",\n")));
}

QString zedJson(const ClientSetupValues &values, const QString &baseUrl)
{
    const QJsonObject provider = configtext::zedProvider(baseUrl, modelList(values));
    const QJsonObject doc{{QStringLiteral("language_models"),
                           QJsonObject{{QStringLiteral("openai_compatible"),
                                        QJsonObject{{QString::fromLatin1(configtext::kProviderName), provider}}}}}};
    return QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
}

} // namespace

const QList<ClientTool> &clientTools()
{
    static const QList<ClientTool> tools = makeTools();
    return tools;
}

const ClientTool *findClientTool(const QString &id)
{
    for (const ClientTool &tool : clientTools()) {
        if (tool.id.compare(id, Qt::CaseInsensitive) == 0)
            return &tool;
    }
    return nullptr;
}

QString gatewayRootUrl(const QString &url)
{
    QString root = url.trimmed();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    if (root.endsWith(QLatin1String("/v1")))
        root.chop(3);
    return root;
}

QString toolBaseUrl(const ClientTool &tool, const ClientSetupValues &values)
{
    const QString root = gatewayRootUrl(values.url);
    return tool.api == ClientApi::AnthropicMessages ? root : root + QStringLiteral("/v1");
}

QString effectiveKey(const ClientSetupValues &values)
{
    return values.key.isEmpty() ? QString::fromLatin1(kNoKeyPlaceholder) : values.key;
}

QStringList modelList(const ClientSetupValues &values)
{
    QStringList models;
    for (const QString &m : QStringList{values.model} + values.models) {
        const QString name = m.trimmed();
        if (!name.isEmpty() && !models.contains(name))
            models.append(name);
    }
    return models;
}

QList<SetupSnippet> setupSnippets(const ClientTool &tool, const ClientSetupValues &values)
{
    const QString base = toolBaseUrl(tool, values);
    const QString key = effectiveKey(values);
    const QString model = values.model.isEmpty() ? QStringLiteral("MODEL") : values.model;
    const QString file = QStringLiteral("~/") + tool.configFile;
    QList<SetupSnippet> snippets;
    if (tool.id == QLatin1String("claude-code")) {
        snippets.append({SnippetKind::ConfigFile, file, QStringLiteral("json"), claudeJson(values)});
        QString env = QStringLiteral("export ANTHROPIC_BASE_URL=%1\nexport ANTHROPIC_AUTH_TOKEN=%2\n")
                          .arg(configtext::shellWord(base), configtext::shellWord(key));
        if (!values.model.isEmpty())
            env += QStringLiteral("export ANTHROPIC_MODEL=%1\n").arg(configtext::shellWord(values.model));
        env += QStringLiteral("unset ANTHROPIC_API_KEY\nclaude\n");
        snippets.append({SnippetKind::Environment, QString(), QStringLiteral("sh"), env});
    } else if (tool.id == QLatin1String("codex")) {
        snippets.append(
            {SnippetKind::ConfigFile, file, QStringLiteral("toml"), configtext::codexToml(base, key, values.model)});
        snippets.append({SnippetKind::CommandLine, QString(), QStringLiteral("sh"),
                         QStringLiteral("codex exec \"explain this repository\"\n")});
    } else if (tool.id == QLatin1String("cursor")) {
        snippets.append({SnippetKind::Settings, QString(), QStringLiteral("text"),
                         QStringLiteral("Settings → Models → OpenAI API Key: %1\n"
                                        "Override OpenAI Base URL: %2\n"
                                        "Add model: %3\n")
                             .arg(key, base, model)});
    } else if (tool.id == QLatin1String("continue")) {
        snippets.append({SnippetKind::ConfigFile, file, QStringLiteral("yaml"),
                         QStringLiteral("models:\n") + configtext::continueModelItem(QString(), base, key, model)});
    } else if (tool.id == QLatin1String("aider")) {
        snippets.append({SnippetKind::ConfigFile, file, QStringLiteral("yaml"),
                         QStringLiteral("openai-api-base: %1\nopenai-api-key: %2\nmodel: %3\n")
                             .arg(configtext::yamlString(base), configtext::yamlString(key),
                                  configtext::yamlString(QStringLiteral("openai/") + model))});
        snippets.append({SnippetKind::CommandLine, QString(), QStringLiteral("sh"),
                         QStringLiteral("aider --openai-api-base %1 --openai-api-key %2 --model %3\n")
                             .arg(configtext::shellWord(base), configtext::shellWord(key),
                                  configtext::shellWord(QStringLiteral("openai/") + model))});
    } else if (tool.id == QLatin1String("cline")) {
        snippets.append({SnippetKind::Settings, QString(), QStringLiteral("text"),
                         QStringLiteral("API Provider: OpenAI Compatible\nBase URL: %1\nAPI Key: %2\nModel ID: %3\n")
                             .arg(base, key, model)});
    } else if (tool.id == QLatin1String("zed")) {
        snippets.append({SnippetKind::ConfigFile, file, QStringLiteral("json"), zedJson(values, base)});
        snippets.append({SnippetKind::Environment, QString(), QStringLiteral("sh"),
                         QStringLiteral("export LLMPROXY_API_KEY=%1\nzed\n").arg(configtext::shellWord(key))});
    } else if (tool.id == QLatin1String("copilot")) {
        snippets.append({SnippetKind::Settings, QString(), QStringLiteral("text"),
                         QStringLiteral("Chat → Manage Models → Add Models → Custom Endpoint\n"
                                        "API type: chat-completions\n"
                                        "URL: %1/chat/completions\n"
                                        "API key: %2\n"
                                        "Model: %3\n")
                             .arg(base, key, model)});
    }
    return snippets;
}

ToolTestRequest toolTestRequest(const ClientTool &tool, const ClientSetupValues &values)
{
    static const QString prompt = QStringLiteral("Reply with one short sentence: is this connection working?");
    ToolTestRequest request;
    const QByteArray bearer = "Bearer " + effectiveKey(values).toUtf8();
    const auto header = [&request](const char *name, const QByteArray &value) {
        request.headers.append(qMakePair(QByteArray(name), value));
    };
    header("Content-Type", "application/json");
    QJsonObject body;
    switch (tool.api) {
    case ClientApi::AnthropicMessages:
        request.path = QStringLiteral("/v1/messages");
        // ANTHROPIC_AUTH_TOKEN travels as a bearer token; the version header is always there.
        header("Authorization", bearer);
        header("anthropic-version", "2023-06-01");
        header("User-Agent", "claude-cli (external, cli)");
        body = {{QStringLiteral("model"), values.model.isEmpty() ? QStringLiteral("claude-sonnet-4-5") : values.model},
                {QStringLiteral("max_tokens"), 64},
                {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                    {QStringLiteral("content"), prompt}}}}};
        break;
    case ClientApi::OpenAIResponses:
        request.path = QStringLiteral("/v1/responses");
        header("Authorization", bearer);
        header("User-Agent", "codex_exec");
        body = {{QStringLiteral("model"), values.model.isEmpty() ? QStringLiteral("gpt-5-codex") : values.model},
                {QStringLiteral("input"),
                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("message")},
                                        {QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"),
                                         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("input_text")},
                                                                {QStringLiteral("text"), prompt}}}}}}},
                {QStringLiteral("max_output_tokens"), 64},
                {QStringLiteral("store"), false},
                {QStringLiteral("stream"), false}};
        break;
    case ClientApi::OpenAIChat:
        request.path = QStringLiteral("/v1/chat/completions");
        header("Authorization", bearer);
        body = {{QStringLiteral("model"), values.model},
                {QStringLiteral("max_tokens"), 64},
                {QStringLiteral("messages"), QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                                                    {QStringLiteral("content"), prompt}}}}};
        break;
    }
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

QString testReplyText(ClientApi api, const QByteArray &body)
{
    const QJsonObject reply = QJsonDocument::fromJson(body).object();
    const QJsonValue error = reply.value(QStringLiteral("error"));
    if (error.isObject())
        return error.toObject().value(QStringLiteral("message")).toString();
    if (error.isString())
        return error.toString();
    QStringList parts;
    switch (api) {
    case ClientApi::AnthropicMessages:
        for (const QJsonValue &block : reply.value(QStringLiteral("content")).toArray()) {
            if (block.toObject().value(QStringLiteral("type")).toString() == QLatin1String("text"))
                parts << block.toObject().value(QStringLiteral("text")).toString();
        }
        break;
    case ClientApi::OpenAIResponses:
        for (const QJsonValue &item : reply.value(QStringLiteral("output")).toArray()) {
            for (const QJsonValue &part : item.toObject().value(QStringLiteral("content")).toArray()) {
                if (part.toObject().value(QStringLiteral("type")).toString() == QLatin1String("output_text"))
                    parts << part.toObject().value(QStringLiteral("text")).toString();
            }
        }
        break;
    case ClientApi::OpenAIChat: {
        const QJsonObject message = reply.value(QStringLiteral("choices"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("message"))
                                        .toObject();
        parts << message.value(QStringLiteral("content")).toString();
        break;
    }
    }
    return parts.join(QString()).trimmed();
}

} // namespace llmproxy

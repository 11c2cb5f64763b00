// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace llmproxy {

/// The wire API a coding tool speaks to the gateway.
enum class ClientApi {
    AnthropicMessages, ///< POST {root}/v1/messages (Claude Code)
    OpenAIResponses,   ///< POST {root}/v1/responses (Codex CLI)
    OpenAIChat,        ///< POST {root}/v1/chat/completions (everything else)
};

/// What the settings are filled with.
struct ClientSetupValues
{
    QString url;        ///< the gateway's root URL, e.g. "http://127.0.0.1:8090" (a trailing / or /v1 is ignored)
    QString key;        ///< a proxy key; empty = the gateway asks for none (kNoKeyPlaceholder is used)
    QString model;      ///< the main model; empty = the tool's own default (Claude Code, Codex, Copilot, Cline, Cursor)
    QStringList models; ///< extra models a tool lists (Zed); `model` always comes first
};

/// The token written where a tool insists on some key but the gateway asks for none.
inline constexpr char kNoKeyPlaceholder[] = "no-key-required";

/// How a snippet is meant to be used.
enum class SnippetKind {
    Environment, ///< shell `export` lines
    ConfigFile,  ///< the part of the tool's own config file LLMProxy writes (`target` names the file)
    CommandLine, ///< a command to run
    Settings,    ///< values to type into the tool's settings screen
};

/// One block of settings to show (and copy) for a tool.
struct SetupSnippet
{
    SnippetKind kind = SnippetKind::Settings;
    QString target;   ///< ConfigFile: the file, "~/" for the home directory; else empty
    QString language; ///< "sh", "json", "toml", "yaml" or "text": for display only
    QString text;     ///< exactly what to paste, filled with the values
};

/// A coding tool LLMProxy can be connected to.
struct ClientTool
{
    QString id;   ///< command-line name: "claude-code", "codex", "cursor", ...
    QString name; ///< product name: "Claude Code"
    ClientApi api = ClientApi::OpenAIChat;
    QString configFile;      ///< the tool's own config file relative to the home directory, if LLMProxy writes one
    bool needsModel = false; ///< the tool has no default model: `model` must be set
    QString note;            ///< one sentence for the user (English; the window has its own translations)
};

/// Every tool, in display order.
const QList<ClientTool> &clientTools();
/// The tool with this id (case-insensitive), or nullptr.
const ClientTool *findClientTool(const QString &id);

/// `values.url` without a trailing "/" or "/v1".
QString gatewayRootUrl(const QString &url);
/// The base URL the tool is configured with: the root for Claude Code, root + "/v1" otherwise.
QString toolBaseUrl(const ClientTool &tool, const ClientSetupValues &values);
/// The key a tool is given: `values.key`, or kNoKeyPlaceholder when it is empty.
QString effectiveKey(const ClientSetupValues &values);
/// `values.model` followed by `values.models` without duplicates or empty names.
QStringList modelList(const ClientSetupValues &values);

/// The settings to show for `tool`, filled with `values`.
QList<SetupSnippet> setupSnippets(const ClientTool &tool, const ClientSetupValues &values);

/// A one-token request as the tool would send it, relative to the gateway's root URL.
struct ToolTestRequest
{
    QString path; ///< "/v1/messages", "/v1/responses" or "/v1/chat/completions"
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};
/// The test request for `tool`. `model` is the model to ask (values.model; a Claude name for
/// Claude Code and "gpt-5-codex" for Codex when empty, as the tools would).
ToolTestRequest toolTestRequest(const ClientTool &tool, const ClientSetupValues &values);
/// The answer's text from a non-streamed reply to toolTestRequest (empty when there is none), or
/// the error message of an error reply.
QString testReplyText(ClientApi api, const QByteArray &body);

} // namespace llmproxy

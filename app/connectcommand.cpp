// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "app/connectcommand.h"

#include "proxycore/clientsetup/clientconfigwriter.h"
#include "proxycore/clientsetup/clientsetup.h"
#include "proxycore/config/configloader.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>

namespace llmproxy {

namespace {

void out(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fputc('\n', stdout);
}

void err(const QString &text)
{
    std::fputs(qPrintable(QStringLiteral("llmproxy connect: ") + text), stderr);
    std::fputc('\n', stderr);
}

QString apiName(ClientApi api)
{
    switch (api) {
    case ClientApi::AnthropicMessages:
        return QStringLiteral("Anthropic Messages");
    case ClientApi::OpenAIResponses:
        return QStringLiteral("OpenAI Responses");
    case ClientApi::OpenAIChat:
        break;
    }
    return QStringLiteral("OpenAI Chat Completions");
}

QString snippetTitle(const SetupSnippet &snippet)
{
    switch (snippet.kind) {
    case SnippetKind::ConfigFile:
        return QStringLiteral("In %1:").arg(snippet.target);
    case SnippetKind::Environment:
        return QStringLiteral("Or from a shell:");
    case SnippetKind::CommandLine:
        return QStringLiteral("Run:");
    case SnippetKind::Settings:
        break;
    }
    return QStringLiteral("In the tool's settings:");
}

/// The gateway's URL and first proxy key from its configuration file, as the desktop and the
/// server find it; defaults when there is none or it cannot be read.
void fromConfiguration(const QString &configPath, QString *url, QString *key)
{
    ConfigSources sources;
    if (!configPath.isEmpty()) {
        sources.configPath = configPath;
        sources.configPathExplicit = true;
    } else if (!QFileInfo(QStringLiteral("config.yaml")).isFile() &&
               sources.environment.value(QStringLiteral("LLM_PROXY_CONFIG")).isEmpty()) {
        const QString user = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                 .filePath(QStringLiteral("config.yaml"));
        if (QFileInfo(user).isFile())
            sources.configPath = user;
    }
    const ConfigLoadResult loaded = loadConfig(sources);
    const ServerConfig server = loaded.ok() ? loaded.config->server : ServerConfig();
    if (!loaded.ok())
        err(QStringLiteral("the configuration could not be read; using http://127.0.0.1:%1").arg(server.port));
    QString host = server.host;
    // A gateway listening on every address is reached locally through loopback.
    if (host == QLatin1String("0.0.0.0") || host == QLatin1String("::") || host.isEmpty())
        host = QStringLiteral("127.0.0.1");
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    *url = QStringLiteral("http://%1:%2").arg(host).arg(server.port);
    if (!server.apiKeys.isEmpty())
        *key = server.apiKeys.constFirst();
    else if (!server.clientKeys.isEmpty())
        *key = server.clientKeys.constFirst().key;
}

void printChanges(const ConfigWriteResult &r)
{
    for (const ConfigChange &c : r.changes) {
        out(QStringLiteral("  %1: %2 → %3")
                .arg(c.key, c.oldValue.isEmpty() ? QStringLiteral("(not set)") : c.oldValue,
                     c.newValue.isEmpty() ? QStringLiteral("(removed)") : c.newValue));
    }
    for (const QString &w : r.warnings)
        out(QStringLiteral("warning: %1").arg(w));
}

} // namespace

int runConnect(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Point a coding tool at LLMProxy."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the tools."));
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("The gateway's URL (default: from its configuration)."),
                                 QStringLiteral("url"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("The proxy key the tool sends (default: the first configured key)."),
                                 QStringLiteral("key"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("The model the tool uses."),
                                   QStringLiteral("model"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("The gateway's configuration file."),
                                    QStringLiteral("file"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Show the settings and what would change; write nothing."));
    const QCommandLineOption undo(QStringLiteral("undo"),
                                  QStringLiteral("Restore the tool's config file as it was before LLMProxy wrote it."));
    parser.addOptions({help, list, url, key, model, config, dryRun, undo});
    parser.addPositionalArgument(QStringLiteral("tool"), QStringLiteral("The tool (see --list)."));

    if (!parser.parse(arguments)) {
        err(QStringLiteral("%1 (see llmproxy connect --help)").arg(parser.errorText()));
        return 2;
    }
    QStringList positional = parser.positionalArguments();
    positional.removeFirst(); // "connect"
    if (parser.isSet(help)) {
        out(parser.helpText().replace(QStringLiteral("<executable_name> [options] tool"),
                                      QStringLiteral("llmproxy connect [options] <tool>")));
        return 0;
    }
    if (parser.isSet(list)) {
        for (const ClientTool &tool : clientTools()) {
            out(QStringLiteral("%1  %2  %3%4")
                    .arg(tool.id.leftJustified(12), tool.name.leftJustified(15), apiName(tool.api).leftJustified(24),
                         tool.configFile.isEmpty() ? QStringLiteral("(settings to enter)")
                                                   : QStringLiteral("~/") + tool.configFile));
        }
        return 0;
    }
    if (positional.size() != 1) {
        err(positional.isEmpty() ? QStringLiteral("name a tool (see llmproxy connect --list)")
                                 : QStringLiteral("one tool at a time"));
        return 2;
    }
    const ClientTool *tool = findClientTool(positional.constFirst());
    if (!tool) {
        err(QStringLiteral("unknown tool '%1' (see llmproxy connect --list)").arg(positional.constFirst()));
        return 2;
    }
    if (parser.isSet(undo) && parser.isSet(dryRun)) {
        err(QStringLiteral("--undo and --dry-run do not go together"));
        return 2;
    }

    const QString stateDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const ClientConfigWriter writer(QDir::homePath(), stateDir);
    if (parser.isSet(undo)) {
        if (tool->configFile.isEmpty()) {
            err(QStringLiteral("LLMProxy writes no config file for %1, so there is nothing to undo").arg(tool->name));
            return 2;
        }
        const ConfigWriteResult r = writer.undo(*tool);
        if (!r.ok) {
            err(r.error);
            return 1;
        }
        out(r.removed ? QStringLiteral("Removed %1, which LLMProxy had created.").arg(r.path)
                      : QStringLiteral("Restored %1 from %2.").arg(r.path, r.backupPath));
        return 0;
    }

    ClientSetupValues values;
    QString defaultUrl;
    QString defaultKey;
    if (!parser.isSet(url) || !parser.isSet(key))
        fromConfiguration(parser.value(config), &defaultUrl, &defaultKey);
    values.url = parser.isSet(url) ? parser.value(url) : defaultUrl;
    values.key = parser.isSet(key) ? parser.value(key) : defaultKey;
    values.model = parser.value(model);
    if (!values.url.startsWith(QLatin1String("http://")) && !values.url.startsWith(QLatin1String("https://"))) {
        err(QStringLiteral("--url must start with http:// or https://"));
        return 2;
    }
    if (tool->needsModel && values.model.isEmpty()) {
        err(QStringLiteral("%1 needs a model: add --model NAME (a model GET /v1/models lists)").arg(tool->name));
        return 2;
    }

    out(QStringLiteral("%1 (%2 at %3)").arg(tool->name, apiName(tool->api), toolBaseUrl(*tool, values)));
    out(tool->note);
    for (const SetupSnippet &snippet : setupSnippets(*tool, values)) {
        out(QString());
        out(snippetTitle(snippet));
        std::fputs(qPrintable(snippet.text), stdout);
    }
    if (tool->configFile.isEmpty())
        return 0;

    out(QString());
    const ConfigWriteResult r = parser.isSet(dryRun) ? writer.preview(*tool, values) : writer.write(*tool, values);
    if (!r.ok) {
        err(r.error);
        return 1;
    }
    if (r.unchanged) {
        out(QStringLiteral("%1 already has these settings; nothing written.").arg(r.path));
        return 0;
    }
    if (parser.isSet(dryRun)) {
        out(QStringLiteral("Would %1 %2 (nothing written):")
                .arg(r.created ? QStringLiteral("create") : QStringLiteral("change"), r.path));
        printChanges(r);
        return 0;
    }
    out(QStringLiteral("%1 %2:").arg(r.created ? QStringLiteral("Created") : QStringLiteral("Changed"), r.path));
    printChanges(r);
    if (!r.backupPath.isEmpty())
        out(QStringLiteral("Backup: %1").arg(r.backupPath));
    out(QStringLiteral("Undo: llmproxy connect %1 --undo").arg(tool->id));
    return 0;
}

} // namespace llmproxy

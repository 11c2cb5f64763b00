// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/clientsetup/configtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace llmproxy::configtext {

QString jsonString(const QString &s)
{
    // QJsonDocument knows JSON's escaping; take the one element back out of a compact array.
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

namespace {

/// Escapes for a double-quoted string in YAML and TOML alike (both accept \\, \" and \uXXXX).
QString escapeQuoted(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"')) {
            out += QLatin1Char('\\');
            out += c;
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        } else {
            out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace

QString yamlString(const QString &s)
{
    return escapeQuoted(s);
}

QString tomlString(const QString &s)
{
    return escapeQuoted(s);
}

QString shellWord(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(s).hasMatch())
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QList<QPair<QString, QString>> codexProviderKeys(const QString &baseUrl, const QString &key)
{
    // Codex sends experimental_bearer_token as "Authorization: Bearer"; env_key would need the
    // variable exported wherever Codex starts.
    return {{QStringLiteral("name"), tomlString(QString::fromLatin1(kProviderName))},
            {QStringLiteral("base_url"), tomlString(baseUrl)},
            {QStringLiteral("wire_api"), tomlString(QStringLiteral("responses"))},
            {QStringLiteral("experimental_bearer_token"), tomlString(key)}};
}

QString codexToml(const QString &baseUrl, const QString &key, const QString &model)
{
    QString text;
    if (!model.isEmpty())
        text += QStringLiteral("model = %1\n").arg(tomlString(model));
    text += QStringLiteral("model_provider = %1\n\n[model_providers.%2]\n")
                .arg(tomlString(QString::fromLatin1(kCodexProviderId)), QLatin1String(kCodexProviderId));
    for (const auto &[name, value] : codexProviderKeys(baseUrl, key))
        text += QStringLiteral("%1 = %2\n").arg(name, value);
    return text;
}

QString continueModelItem(const QString &indent, const QString &baseUrl, const QString &key, const QString &model)
{
    return QStringLiteral("%1- name: %2\n"
                          "%1  provider: openai\n"
                          "%1  model: %3\n"
                          "%1  apiBase: %4\n"
                          "%1  apiKey: %5\n"
                          "%1  roles: [chat, edit, apply]\n")
        .arg(indent, yamlString(QString::fromLatin1(kProviderName)), yamlString(model), yamlString(baseUrl),
             yamlString(key));
}

QJsonObject continueModelEntry(const QString &baseUrl, const QString &key, const QString &model)
{
    return {{QStringLiteral("name"), QString::fromLatin1(kProviderName)},
            {QStringLiteral("provider"), QStringLiteral("openai")},
            {QStringLiteral("model"), model},
            {QStringLiteral("apiBase"), baseUrl},
            {QStringLiteral("apiKey"), key}};
}

QJsonObject zedProvider(const QString &baseUrl, const QStringList &models)
{
    QJsonArray available;
    for (const QString &model : models) {
        available.append(
            QJsonObject{{QStringLiteral("name"), model},
                        {QStringLiteral("display_name"), QStringLiteral("%1 (LLMProxy)").arg(model)},
                        {QStringLiteral("max_tokens"), 128000},
                        {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("tools"), true},
                                                                     {QStringLiteral("images"), false},
                                                                     {QStringLiteral("parallel_tool_calls"), false},
                                                                     {QStringLiteral("prompt_cache_key"), false}}}});
    }
    return {{QStringLiteral("api_url"), baseUrl}, {QStringLiteral("available_models"), available}};
}

} // namespace llmproxy::configtext

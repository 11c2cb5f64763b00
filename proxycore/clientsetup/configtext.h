// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

/// Quoting and the text blocks LLMProxy puts into the tools' config files, shared by the snippets
/// shown to the user and the writers, so both say exactly the same.
namespace llmproxy::configtext {

/// The name LLMProxy's own entry has in every tool's config (Codex provider id is "llmproxy").
inline constexpr char kProviderName[] = "LLMProxy";
inline constexpr char kCodexProviderId[] = "llmproxy";

QString jsonString(const QString &s); ///< a JSON string literal
QString yamlString(const QString &s); ///< a double-quoted YAML scalar
QString tomlString(const QString &s); ///< a TOML basic string
QString shellWord(const QString &s);  ///< one POSIX shell word (quoted only when needed)

/// The keys of Codex's [model_providers.llmproxy] table, in the order they are written.
QList<QPair<QString, QString>> codexProviderKeys(const QString &baseUrl, const QString &key);
/// The whole Codex snippet: model (when set), model_provider and the provider table.
QString codexToml(const QString &baseUrl, const QString &key, const QString &model);
/// Continue's models entry as a block-sequence item ("- name: LLMProxy" and its keys), each line
/// prefixed with `indent`, ending in a newline.
QString continueModelItem(const QString &indent, const QString &baseUrl, const QString &key, const QString &model);
/// The keys of Continue's entry (values as YAML would read them), for checking a written file.
QJsonObject continueModelEntry(const QString &baseUrl, const QString &key, const QString &model);
/// Zed's language_models.openai_compatible.LLMProxy object.
QJsonObject zedProvider(const QString &baseUrl, const QStringList &models);

} // namespace llmproxy::configtext

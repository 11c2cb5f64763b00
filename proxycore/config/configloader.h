// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"
#include "proxycore/config/configschema.h"
#include "proxycore/config/dotenv.h" // parseDotenv(), for callers that include only this header

#include <QProcessEnvironment>

#include <optional>

namespace llmproxy {

/// A configuration problem with its location. line/column are 1-based; 0 when not tied to a place.
struct ConfigDiagnostic
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const; ///< "file:line:column: message" (omits parts that are unknown)
    /// The line `llmproxy --check-config` prints for it: "error: file:line:column: message", or
    /// "warning: …" when `isError` is false.
    QString checkLine(bool isError) const;
};

/// Values given on the command line; they win over environment and file.
struct CliOverrides
{
    std::optional<QString> host;
    std::optional<quint16> port; ///< 0 = any free port (tests, embedding); not validated further
    std::optional<QString> logFormat;
    std::optional<int> workers;
};

struct ConfigSources
{
    QString configPath;              ///< empty = look for ./config.yaml, else embedded defaults only
    bool configPathExplicit = false; ///< true when given by --config / LLM_PROXY_CONFIG: a missing file is an error
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString dotenvPath; ///< empty = ./.env if present; values never override the real environment
    CliOverrides cli;
    QString baseDirectory; ///< where ./config.yaml and ./.env are looked up; empty = current directory
    /// The YAML file's content, read instead of the file (which then need not exist): checks a text
    /// before it is saved. configPath still names it in diagnostics and in Config::sourcePath, and
    /// an empty configPath reads it as ./config.yaml (under baseDirectory).
    std::optional<QByteArray> configText;
};

struct ConfigLoadResult
{
    std::optional<Config> config;     ///< set when there are no errors
    QList<ConfigDiagnostic> errors;   ///< wrong types, bad values, unreadable files: loading failed
    QList<ConfigDiagnostic> warnings; ///< unknown keys, endpoints without keys, ...
    bool ok() const { return config.has_value(); }
};

/// Loads defaults ← YAML file ← .env/environment ← CLI. A function of its inputs and of the
/// keychain entries `api_key_keychain` names (SecretStore::system(), read with a bounded wait);
/// safe to call from any thread. Never throws.
/// When `configPath` is empty, LLM_PROXY_CONFIG (from the environment or .env) names the file and
/// is treated as explicit; otherwise ./config.yaml is used when present.
ConfigLoadResult loadConfig(const ConfigSources &sources);

// isValidEndpointId(), normalizedHttpUrl(), unknownProviderText() and isPlaceholderSecret(), the
// rules shared with the admin API, are declared in configschema.h.

} // namespace llmproxy

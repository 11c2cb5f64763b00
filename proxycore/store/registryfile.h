// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/endpointjson.h"
#include "proxycore/store/runtimestate.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace llmproxy {

/// Run-time changes to an endpoint that comes from config.yaml, the environment or discovery:
/// only its place in the routing order. Unset fields keep the endpoint's own value.
struct EndpointOverride
{
    std::optional<int> priority; ///< within config.yaml's range for `priority`
    std::optional<int> weight;   ///< within config.yaml's range for `weight`

    bool isEmpty() const { return !priority && !weight; }
    friend bool operator==(const EndpointOverride &, const EndpointOverride &) = default;
};

/// The endpoint registry's run-time changes, so that they outlive a restart (registry.json in the data
/// directory, or the row `registry` of runtime_state with a database: RuntimeDocument): endpoints
/// added through the admin API, the on/off toggles of every endpoint and the priority and weight
/// set at run time on endpoints from elsewhere (files without them, from earlier versions, read as
/// having none). One JSON document replaced on each change; each added endpoint is kept as the POST /api/v1/registry
/// body that adds it again, and read back through the admin API's own validation. Keys are never written: an endpoint
/// keeps the name of the keychain entry or variable its key came from (read again at start); one added with a literal
/// key is saved without it and comes back switched off, saying so. Used from the engine's thread only.
class RegistryFile
{
public:
    /// `store`: the database to keep them in instead of the file at `path` (imported once), or nullptr.
    explicit RegistryFile(QString path, Store *store = nullptr);

    const QString &path() const { return m_document.filePath(); }

    struct Contents
    {
        /// Added endpoints to re-add, keys to be resolved again (apiKeyEnv set when the key came
        /// from a variable; apiKey never set).
        QList<NewEndpoint> added;
        QHash<QString, bool> toggles; ///< by lower-case endpoint id
        QHash<QString, EndpointOverride> overrides; ///< by lower-case endpoint id
        QStringList lostKeys;         ///< ids of added endpoints whose literal key was not kept
        QStringList skipped;          ///< entries the admin API would refuse (edited by hand), with why
    };

    /// Reads the file; `server` is the running configuration's (the admin API's rules depend on
    /// it). A missing file (or row) is an empty registry (true); an unreadable or malformed one gives false
    /// with `message`, and is replaced by the next save.
    bool load(const ServerConfig &server, Contents *contents, QString *message) const;

    /// Writes `added` (source "admin"), `toggles` and `overrides`. False with `error` when it cannot.
    bool save(const QList<EndpointConfig> &added, const QHash<QString, bool> &toggles,
              const QHash<QString, EndpointOverride> &overrides, QString *error) const;

private:
    /// The document `bytes` (from `source`) into `contents`; false with `message` when it is not a
    /// saved registry.
    static bool parse(const QByteArray &bytes, const QString &source, const ServerConfig &server, Contents *contents,
                      QString *message);

    RuntimeDocument m_document;
};

} // namespace llmproxy

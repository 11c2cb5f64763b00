// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/endpointjson.h"
#include "proxycore/config/routingoverlay.h"
#include "proxycore/formats/apierror.h"
#include "proxycore/routing/endpointstats.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QObject;

namespace llmproxy {

/// One endpoint as the admin API and the UI see it: its configuration (with the enabled state in
/// force, toggles included) and, while it is routed, its live health.
struct RegistryEntry
{
    EndpointConfig config;                  ///< holds the resolved key: never shown to anyone
    std::shared_ptr<EndpointHealth> health; ///< null while the endpoint is disabled (not routed)
};

/// Validates the body of POST /api/v1/registry with the rules of an endpoint in config.yaml
/// (config/endpointjson.h), as a 400 in the OpenAI shape when it fails.
std::optional<NewEndpoint> parseNewEndpoint(const QByteArray &body, const ServerConfig &server, ApiError *error);

/// How a change to the endpoint registry ended.
enum class RegistryChange {
    Done,
    UnknownEndpoint, ///< no endpoint has that id
    DuplicateId,     ///< an endpoint with that id (compared without case) exists already
    NotRemovable,    ///< comes from config.yaml, the environment or discovery; it can only be disabled
    NotEditable,     ///< the change touches a setting an endpoint from elsewhere cannot have changed here
    Invalid,         ///< the change breaks a rule of config.yaml (see the error it comes with)
    NotRouted,       ///< the endpoint is disabled (or not checkable): it has no breaker or health check now
};

/// A client key as the admin API and the desktop list it: never the key, at most its first
/// characters.
struct ClientKeyInfo
{
    QString name;
    QString prefix;     ///< first characters of a created key; empty for configured ones
    QString source;     ///< "config" (server.auth.keys) or "created" (at run time, keys.json)
    QDateTime created;  ///< created keys only
    QStringList models; ///< model names or patterns it may use; empty = every model
};

/// How creating or revoking a client key ended.
enum class KeyChange {
    Done,
    InvalidName,   ///< not 1 to 64 of A–Z a–z 0–9 . _ -
    DuplicateName, ///< a key of that name exists (compared without case)
    UnknownKey,
    NotRemovable, ///< comes from config.yaml: remove it there
};

/// The state the admin API changes: the endpoint registry, pause and the kill switch. Implemented by
/// the Engine. Every function except adminContext() must be called on adminContext()'s thread (the
/// engine's); the admin API posts its work there and answers the client from its worker afterwards.
class AdminControl
{
public:
    virtual ~AdminControl() = default;

    /// The object whose thread owns this state.
    virtual QObject *adminContext() = 0;

    /// Every endpoint, enabled or not: configured ones in file order, then the ones added at run
    /// time, then the discovered ones not already configured.
    virtual QList<RegistryEntry> registry() const = 0;
    /// Adds an endpoint that lives until the process ends (reloads keep it). `added` receives it.
    virtual RegistryChange addEndpoint(const NewEndpoint &endpoint, RegistryEntry *added) = 0;
    /// Removes an endpoint added at run time.
    virtual RegistryChange removeEndpoint(const QString &id) = 0;
    /// Enables or disables any endpoint by id (`enabled` unset: the opposite of its current state).
    /// The choice overrides config.yaml's `enabled` and survives reloads. Requests in flight on a
    /// disabled endpoint finish; new ones no longer go there. `entry` receives the endpoint.
    virtual RegistryChange setEndpointEnabled(const QString &id, std::optional<bool> enabled,
                                              RegistryEntry *entry) = 0;
    /// Changes the settings of endpoint `id` that `edit` names, keys and values as in the POST
    /// /api/v1/registry body ("id", when present, must be the endpoint's own). An endpoint added at
    /// run time may have any of them changed: the result is checked as a new POST body would be
    /// (Invalid, with `error`, changes nothing). An endpoint from config.yaml, the environment or
    /// discovery may have only `priority`, `weight` and `enabled` changed (NotEditable otherwise,
    /// with `error` naming the field); they are kept as run-time changes over its own settings that
    /// survive reloads and restarts, and setting the endpoint's own value drops the change.
    /// The workers route by the new settings from the next request. `entry` receives the endpoint.
    virtual RegistryChange updateEndpoint(const QString &id, const QJsonObject &edit, RegistryEntry *entry,
                                          JsonFieldError *error) = 0;
    /// Starts a health check of endpoint `id` now, whether or not routing.health checks it on a
    /// schedule; its result shows in the registry's probe state (and its breaker, as a scheduled
    /// check's would) once it answers. NotRouted, with `why`, when the endpoint is disabled or
    /// cannot be checked.
    virtual RegistryChange probeEndpoint(const QString &id, QString *why) = 0;
    /// Closes endpoint `id`'s circuit breaker and clears its failure count now. NotRouted when the
    /// endpoint is disabled (it has no breaker then).
    virtual RegistryChange resetBreaker(const QString &id) = 0;

    /// Aliases, fallback chains and route overrides set at run time, over config.yaml's.
    virtual RoutingOverlay routingOverlay() const = 0;
    /// Replaces them: in force for the next request, kept in the data directory. The caller has
    /// checked every entry (RoutingOverlay::checkAlias() and friends).
    virtual void setRoutingOverlay(const RoutingOverlay &overlay) = 0;

    /// Every named client key: configured ones, then the ones created at run time.
    virtual QList<ClientKeyInfo> clientKeys() const = 0;
    /// Creates a client key named `name` that may use every model; `key` receives it (shown this
    /// once: only its SHA-256 is kept, in the data directory). In force for the next request. Once
    /// any client key exists, every client must send one.
    virtual KeyChange createClientKey(const QString &name, QByteArray *key, ClientKeyInfo *info) = 0;
    /// Revokes a key created at run time: refused from the next request on.
    virtual KeyChange revokeClientKey(const QString &name) = 0;

    virtual bool isPaused() const = 0;
    virtual void setPaused(bool paused) = 0;
    virtual bool isPanic() const = 0;
    /// The kill switch: while on, every inference request is refused with 503 panic_mode.
    virtual void setPanic(bool on) = 0;
    /// Writes the security guards' run-time switches to the data directory, so that they survive
    /// restarts (reloads keep them anyway: they live in SecurityGuards, not in the configuration).
    virtual void saveFeatures() = 0;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/config.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace llmproxy {

/// The client APIs a route override can be set for, by the name the admin API, the overlay file
/// and the window use: "messages" (Anthropic Messages: Claude Code), "responses" (OpenAI
/// Responses: Codex) and "chat_completions" (OpenAI Chat Completions and Completions: Cursor,
/// Continue, Aider, Cline, Zed, Copilot, the SDKs). Embeddings are never overridden.
QStringList clientRouteApis();

/// Routing changed at run time, from the desktop or the admin API, over config.yaml's own: model
/// aliases and fallback chains added, replaced or removed, and the route overrides per client API
/// (the tray's "route coding tools to"). Applied to the configuration each time the routing is
/// built, so a reload of config.yaml keeps them; kept in the data directory (store/routingfile.h).
struct RoutingOverlay
{
    /// Alias name or pattern → target model; nullopt removes config.yaml's alias of that name.
    QMap<QString, std::optional<QString>> aliases;
    /// Model → hops; nullopt removes config.yaml's chain of that model.
    QMap<QString, std::optional<QList<FallbackHop>>> fallbackChains;
    /// Client API (see clientRouteApis()) → where its requests go whatever model they name.
    QMap<QString, ClientRoute> clientRoutes;

    bool isEmpty() const { return aliases.isEmpty() && fallbackChains.isEmpty() && clientRoutes.isEmpty(); }
    /// `config` with the overlay over it.
    void applyTo(Config &config) const;

    /// The overlay as JSON: {"model_aliases": {name: target|null}, "fallback_chains": {model:
    /// [{endpoint, model}]|null}, "client_routes": {api: {model, endpoint}}}.
    QJsonObject toJson() const;
    /// Reads toJson()'s form; entries that checkAlias() and friends refuse are left out and named
    /// in `skipped` ("model_aliases.NAME: why").
    static RoutingOverlay fromJson(const QJsonObject &object, QStringList *skipped);

    /// Why an alias cannot be set (empty when it can): names and targets as config.yaml takes them.
    static QString checkAlias(const QString &name, const QString &target);
    /// Why a fallback chain cannot be set (empty when it can). A hop without a model gets `model`'s.
    static QString checkFallbackChain(const QString &model, QList<FallbackHop> *hops);
    /// Why a client route cannot be set (empty when it can).
    static QString checkClientRoute(const QString &api, const ClientRoute &route);
};

/// The routing in force as a window shows it: config.yaml's aliases and chains with the run-time
/// changes applied, each marked with where it comes from, and the route overrides.
struct RoutingView
{
    struct Alias
    {
        QString name; ///< model name or pattern
        QString target;
        bool runtime = false; ///< set at run time (else from config.yaml)
        friend bool operator==(const Alias &, const Alias &) = default;
    };
    struct Chain
    {
        QString model;
        QList<FallbackHop> hops;
        bool runtime = false;
        friend bool operator==(const Chain &, const Chain &) = default;
    };
    QList<Alias> aliases; ///< by name
    QList<Chain> chains;  ///< by model
    QMap<QString, ClientRoute> clientRoutes;

    /// `effective` is the configuration with `overlay` applied.
    static RoutingView of(const Config &effective, const RoutingOverlay &overlay);
    friend bool operator==(const RoutingView &, const RoutingView &) = default;
};

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/configschema.h"

#include <QJsonObject>

#include <optional>

namespace llmproxy {

/// An endpoint to add at run time (POST /api/v1/registry, or registry.json at start), validated
/// but with its key not yet resolved: the key comes from `apiKey`, else the variable `apiKeyEnv`,
/// else the provider's usual variable — the same rules as for endpoints in config.yaml.
struct NewEndpoint
{
    EndpointConfig config; ///< provider and base URL normalised, source "admin"
    std::optional<QString> apiKey;
    std::optional<QString> apiKeyEnv;
    std::optional<QString> apiKeyKeychain;
};

/// Reads one endpoint in its JSON form (the admin API's POST /api/v1/registry body) with the rules
/// of an endpoint in config.yaml (the configuration schema's endpoint rows) plus the run-time
/// ones: an `id`, and no `api_key_env` naming the gateway's own key variables. On failure returns
/// nullopt with `error` (message, stable code, offending field).
std::optional<NewEndpoint> parseNewEndpoint(const QJsonObject &object, const ServerConfig &server,
                                            JsonFieldError *error);
/// The JSON form that adds `endpoint` again: every setting and the variable its key came from,
/// never the key itself. parseNewEndpoint() reads it back.
QJsonObject newEndpointBody(const EndpointConfig &endpoint);

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/endpointjson.h"

#include "proxycore/config/secretstore.h"

#include <QJsonArray>

namespace llmproxy {

std::optional<NewEndpoint> parseNewEndpoint(const QJsonObject &object, const ServerConfig &server,
                                            JsonFieldError *error)
{
    const QJsonObject *o = &object;
    const auto fail = [error](const QString &message, QByteArray code, QByteArray param) {
        *error = {message, std::move(code), std::move(param)};
        return std::nullopt;
    };
    // Every key but the id is read by the configuration schema's endpoint rows, as in config.yaml.
    EndpointDraft draft;
    if (!readEndpointJson(*o, &draft, error))
        return std::nullopt;
    const QJsonValue id = o->value(QLatin1String("id"));
    if (!id.isString() || id.toString().trimmed().size() > 128 || !isValidEndpointId(id.toString().trimmed()))
        return fail(QStringLiteral("'id' is required: up to 128 letters, digits, '-', '_' or '.'."), "invalid_id",
                    "id");
    draft.config.id = id.toString().trimmed();
    draft.config.source = QStringLiteral("admin");
    // The gateway's own keys must never be sent to an upstream someone just named.
    if (draft.apiKeyEnv && (*draft.apiKeyEnv == server.apiKeysEnv || *draft.apiKeyEnv == server.adminKeysEnv))
        return fail(
            QStringLiteral("'api_key_env' may not name the gateway's own key variable %1.").arg(*draft.apiKeyEnv),
            "invalid_api_key_env", "api_key_env");
    if (draft.apiKeyKeychain && !SecretStore::isValidName(draft.apiKeyKeychain->trimmed()))
        return fail(QStringLiteral("'api_key_keychain' is an entry name: up to 128 letters, digits and -_.:@/."),
                    "invalid_api_key_keychain", "api_key_keychain");
    if (const std::optional<EndpointProblem> problem = settleEndpoint(&draft))
        return fail(problem->message + u'.', problem->code, problem->field.toUtf8());
    return NewEndpoint{draft.config, draft.apiKey, draft.apiKeyEnv, draft.apiKeyKeychain};
}

QJsonObject newEndpointBody(const EndpointConfig &e)
{
    QJsonObject o{{QStringLiteral("id"), e.id},
                  {QStringLiteral("provider"), e.provider},
                  {QStringLiteral("base_url"), e.baseUrl},
                  {QStringLiteral("models"), QJsonArray::fromStringList(e.models)},
                  {QStringLiteral("priority"), e.priority},
                  {QStringLiteral("weight"), e.weight},
                  {QStringLiteral("enabled"), e.enabled},
                  {QStringLiteral("probe"), e.probe}};
    if (!e.apiVersion.isEmpty())
        o.insert(QStringLiteral("api_version"), e.apiVersion);
    if (e.costPerMtok > 0)
        o.insert(QStringLiteral("cost_per_mtok"), e.costPerMtok);
    if (!e.apiKeyKeychain.isEmpty())
        o.insert(QStringLiteral("api_key_keychain"), e.apiKeyKeychain);
    if (!e.apiKeyEnv.isEmpty())
        o.insert(QStringLiteral("api_key_env"), e.apiKeyEnv);
    return o;
}

} // namespace llmproxy

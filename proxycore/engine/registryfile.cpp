// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/engine/registryfile.h"

#include "proxycore/config/configloader.h"
#include "proxycore/providers/providerpreset.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace llmproxy {

namespace {

constexpr int kVersion = 1;

QJsonObject endpointJson(const EndpointConfig &e)
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
    // Where the key came from, never the key.
    if (!e.apiKeyEnv.isEmpty())
        o.insert(QStringLiteral("api_key_env"), e.apiKeyEnv);
    else if (!e.apiKey.isEmpty())
        o.insert(QStringLiteral("literal_key_not_saved"), true);
    return o;
}

std::optional<NewEndpoint> endpointFrom(const QJsonObject &o, bool *lostKey)
{
    NewEndpoint n;
    EndpointConfig &e = n.config;
    e.id = o.value(QLatin1String("id")).toString();
    e.provider = o.value(QLatin1String("provider")).toString();
    e.baseUrl = o.value(QLatin1String("base_url")).toString();
    // The file may have been edited by hand: the same rules as for the admin API.
    const std::optional<QString> url = normalizedHttpUrl(e.baseUrl);
    if (!isValidEndpointId(e.id) || !findProviderPreset(e.provider) || !url)
        return std::nullopt;
    e.baseUrl = *url;
    for (const QJsonValue m : o.value(QLatin1String("models")).toArray())
        e.models.append(m.toString());
    e.models.removeAll(QString());
    e.priority = o.value(QLatin1String("priority")).toInt(0);
    e.weight = qMax(1, o.value(QLatin1String("weight")).toInt(1));
    e.enabled = o.value(QLatin1String("enabled")).toBool(true);
    e.probe = o.value(QLatin1String("probe")).toBool(true);
    e.apiVersion = o.value(QLatin1String("api_version")).toString();
    e.costPerMtok = qMax(0.0, o.value(QLatin1String("cost_per_mtok")).toDouble(0.0));
    e.source = QStringLiteral("admin");
    if (const QString var = o.value(QLatin1String("api_key_env")).toString(); !var.isEmpty())
        n.apiKeyEnv = var;
    *lostKey = o.value(QLatin1String("literal_key_not_saved")).toBool(false);
    if (*lostKey) {
        n.apiKeyEnv = QString(); // not the provider's usual variable either: that key was not chosen
        e.enabled = false;
    }
    return n;
}

} // namespace

RegistryFile::RegistryFile(QString path) : m_path(std::move(path)) {}

bool RegistryFile::load(Contents *contents, QString *message) const
{
    *contents = {};
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *message = QStringLiteral("cannot read %1 (%2)").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("version")).toInt() != kVersion) {
        *message = QStringLiteral("%1 is not a saved registry (version %2)").arg(m_path).arg(kVersion);
        return false;
    }
    for (const QJsonValue v : root.value(QLatin1String("added")).toArray()) {
        bool lostKey = false;
        std::optional<NewEndpoint> n = endpointFrom(v.toObject(), &lostKey);
        if (!n) {
            contents->skipped.append(v.toObject().value(QLatin1String("id")).toString());
            continue;
        }
        if (lostKey)
            contents->lostKeys.append(n->config.id);
        contents->added.append(std::move(*n));
    }
    const QJsonObject toggles = root.value(QLatin1String("toggles")).toObject();
    for (auto it = toggles.begin(); it != toggles.end(); ++it) {
        if (it.value().isBool())
            contents->toggles.insert(it.key().toLower(), it.value().toBool());
    }
    *message = QStringLiteral("%1 added endpoint(s) and %2 toggle(s) from %3")
                   .arg(contents->added.size())
                   .arg(contents->toggles.size())
                   .arg(m_path);
    return true;
}

bool RegistryFile::save(const QList<EndpointConfig> &added, const QHash<QString, bool> &toggles, QString *error) const
{
    QJsonArray endpoints;
    for (const EndpointConfig &e : added)
        endpoints.append(endpointJson(e));
    QJsonObject t;
    for (auto it = toggles.cbegin(); it != toggles.cend(); ++it)
        t.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), kVersion},
                           {QStringLiteral("added"), endpoints},
                           {QStringLiteral("toggles"), t}};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace llmproxy

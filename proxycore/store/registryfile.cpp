// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/registryfile.h"

#include "proxycore/store/jsonfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {

constexpr int kVersion = 1;

} // namespace

RegistryFile::RegistryFile(QString path) : m_path(std::move(path)) {}

bool RegistryFile::load(const ServerConfig &server, Contents *contents, QString *message) const
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
    const QJsonArray lostKeys = root.value(QLatin1String("literal_keys_not_saved")).toArray();
    for (const QJsonValue v : root.value(QLatin1String("added")).toArray()) {
        // The file may have been edited by hand: the admin API's rules, to the letter.
        JsonFieldError error;
        std::optional<NewEndpoint> n = parseNewEndpoint(v.toObject(), server, &error);
        if (!n || n->apiKey) {
            contents->skipped.append(
                QStringLiteral("%1 (%2)").arg(v.toObject().value(QLatin1String("id")).toString(),
                                              n ? QStringLiteral("a key in the file is not read") : error.message));
            continue;
        }
        if (lostKeys.contains(QJsonValue(n->config.id))) {
            contents->lostKeys.append(n->config.id);
            n->apiKeyEnv = QString(); // not the provider's usual variable either: that key was not chosen
            n->config.enabled = false;
        }
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
    QJsonArray lostKeys;
    for (const EndpointConfig &e : added) {
        endpoints.append(newEndpointBody(e));
        if (e.apiKeyEnv.isEmpty() && e.apiKeyKeychain.isEmpty() && !e.apiKey.isEmpty())
            lostKeys.append(e.id);
    }
    QJsonObject t;
    for (auto it = toggles.cbegin(); it != toggles.cend(); ++it)
        t.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), kVersion},
                           {QStringLiteral("added"), endpoints},
                           {QStringLiteral("literal_keys_not_saved"), lostKeys},
                           {QStringLiteral("toggles"), t}};
    return replaceFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

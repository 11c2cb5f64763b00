// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/registryfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {

constexpr int kVersion = 1; // "overrides" came later; files without it have none

// config.yaml's ranges for an endpoint's priority and weight (configschema.cpp).
constexpr int kMinPriority = -1'000'000;
constexpr int kMaxPriority = 1'000'000;
constexpr int kMinWeight = 1;
constexpr int kMaxWeight = 1'000'000;

} // namespace

RegistryFile::RegistryFile(QString path, Store *store) : m_document(QStringLiteral("registry"), std::move(path), store)
{
}

bool RegistryFile::load(const ServerConfig &server, Contents *contents, QString *message) const
{
    *contents = {};
    return m_document.load([&server, contents](const QByteArray &bytes, const QString &source,
                                               QString *why) { return parse(bytes, source, server, contents, why); },
                           message);
}

bool RegistryFile::parse(const QByteArray &bytes, const QString &source, const ServerConfig &server, Contents *contents,
                         QString *message)
{
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(bytes, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("version")).toInt() != kVersion) {
        *message = QStringLiteral("%1 is not a saved registry (version %2)").arg(source).arg(kVersion);
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
    const QJsonObject overrides = root.value(QLatin1String("overrides")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        // The same ranges as config.yaml's; a value out of them (edited by hand) is left out.
        const QJsonObject o = it.value().toObject();
        EndpointOverride entry;
        const QJsonValue priority = o.value(QLatin1String("priority"));
        const QJsonValue weight = o.value(QLatin1String("weight"));
        if (priority.isDouble() && priority.toDouble() == priority.toInt() && priority.toInt() >= kMinPriority &&
            priority.toInt() <= kMaxPriority)
            entry.priority = priority.toInt();
        else if (!priority.isUndefined())
            contents->skipped.append(QStringLiteral("%1 (priority out of range)").arg(it.key()));
        if (weight.isDouble() && weight.toDouble() == weight.toInt() && weight.toInt() >= kMinWeight &&
            weight.toInt() <= kMaxWeight)
            entry.weight = weight.toInt();
        else if (!weight.isUndefined())
            contents->skipped.append(QStringLiteral("%1 (weight out of range)").arg(it.key()));
        if (!entry.isEmpty())
            contents->overrides.insert(it.key().toLower(), entry);
    }
    *message = QStringLiteral("%1 added endpoint(s), %2 toggle(s) and %3 priority/weight change(s) from %4")
                   .arg(contents->added.size())
                   .arg(contents->toggles.size())
                   .arg(contents->overrides.size())
                   .arg(source);
    return true;
}

bool RegistryFile::save(const QList<EndpointConfig> &added, const QHash<QString, bool> &toggles,
                        const QHash<QString, EndpointOverride> &overrides, QString *error) const
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
    QJsonObject o;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        QJsonObject entry;
        if (it->priority)
            entry.insert(QStringLiteral("priority"), *it->priority);
        if (it->weight)
            entry.insert(QStringLiteral("weight"), *it->weight);
        if (!entry.isEmpty())
            o.insert(it.key(), entry);
    }
    const QJsonObject root{{QStringLiteral("version"), kVersion},
                           {QStringLiteral("added"), endpoints},
                           {QStringLiteral("literal_keys_not_saved"), lostKeys},
                           {QStringLiteral("toggles"), t},
                           {QStringLiteral("overrides"), o}};
    return m_document.write(QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

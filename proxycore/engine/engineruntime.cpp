// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
// The run-time changes the admin API and the desktop make (AdminControl): endpoints added, edited,
// switched, probed and reset; client keys created and revoked; the routing overlay.
#include "proxycore/engine/engine_p.h"

namespace llmproxy {

QList<RegistryEntry> Engine::registry() const
{
    const RoutingSnapshotPtr snapshot = d->state.current();
    const auto routed = [&snapshot](const EndpointConfig &e) -> std::shared_ptr<EndpointHealth> {
        for (const ResolvedEndpoint &r : snapshot->endpoints()) {
            if (r.config.id == e.id && r.config.source == e.source)
                return r.health;
        }
        return nullptr;
    };
    QList<RegistryEntry> out;
    for (const QList<EndpointConfig> *list : {&std::as_const(d->config->endpoints), &std::as_const(d->added)}) {
        for (const EndpointConfig &own : *list) {
            EndpointConfig e = d->effective(own);
            std::shared_ptr<EndpointHealth> health = e.enabled ? routed(e) : nullptr;
            out.append({std::move(e), std::move(health)});
        }
    }
    for (const EndpointConfig &own : std::as_const(d->discovered)) {
        EndpointConfig e = d->effective(own);
        std::shared_ptr<EndpointHealth> health = routed(e);
        if (e.enabled && !health)
            continue; // the same server is configured by hand: that entry stands for it
        out.append({std::move(e), std::move(health)});
    }
    return out;
}

RegistryChange Engine::addEndpoint(const NewEndpoint &endpoint, RegistryEntry *added)
{
    if (d->idInUse(endpoint.config.id))
        return RegistryChange::DuplicateId;
    EndpointConfig e = endpoint.config;
    e.source = QStringLiteral("admin");
    d->resolveKey(e, endpoint);
    d->enabledOverrides.remove(e.id.toLower()); // a toggle of an earlier endpoint of that id does not carry over
    d->overrides.remove(e.id.toLower());
    d->added.append(e);
    d->publish();
    d->saveRegistry();
    qCInfo(lcEngine, "endpoint %s added (%s at %s, %lld models%s)", qPrintable(e.id), qPrintable(e.provider),
           qPrintable(e.baseUrl), qint64(e.models.size()), e.enabled ? "" : ", disabled");
    emit endpointsChanged();
    if (added) {
        for (const RegistryEntry &r : registry()) {
            if (r.config.source == e.source && r.config.id == e.id)
                *added = r;
        }
    }
    return RegistryChange::Done;
}

RegistryChange Engine::removeEndpoint(const QString &id)
{
    const qsizetype index =
        std::find_if(d->added.cbegin(), d->added.cend(),
                     [&id](const EndpointConfig &e) { return e.id.compare(id, Qt::CaseInsensitive) == 0; }) -
        d->added.cbegin();
    if (index == d->added.size())
        return d->idInUse(id) ? RegistryChange::NotRemovable : RegistryChange::UnknownEndpoint;
    const QString removed = d->added.takeAt(index).id;
    d->enabledOverrides.remove(removed.toLower());
    d->publish();
    d->saveRegistry();
    qCInfo(lcEngine, "endpoint %s removed; requests already on it finish", qPrintable(removed));
    emit endpointsChanged();
    return RegistryChange::Done;
}

RegistryChange Engine::setEndpointEnabled(const QString &id, std::optional<bool> enabled, RegistryEntry *entry)
{
    const auto find = [this, &id]() -> std::optional<RegistryEntry> {
        for (const RegistryEntry &r : registry()) {
            if (r.config.id.compare(id, Qt::CaseInsensitive) == 0)
                return r;
        }
        return std::nullopt;
    };
    const std::optional<RegistryEntry> current = find();
    if (!current)
        return RegistryChange::UnknownEndpoint;
    const bool on = enabled.value_or(!current->config.enabled);
    d->enabledOverrides.insert(current->config.id.toLower(), on);
    d->saveRegistry();
    if (on != current->config.enabled) {
        d->publish();
        qCInfo(lcEngine, on ? "endpoint %s enabled" : "endpoint %s disabled; requests already on it finish",
               qPrintable(current->config.id));
        emit endpointsChanged();
    }
    if (entry)
        *entry = find().value_or(*current);
    return RegistryChange::Done;
}

QList<ClientKeyInfo> Engine::clientKeys() const
{
    QList<ClientKeyInfo> out;
    for (const ClientKeyConfig &k : std::as_const(d->config->server.clientKeys))
        out.append({k.name, QString(), QStringLiteral("config"), QDateTime(), k.models});
    for (const CreatedKey &k : std::as_const(d->createdKeys))
        out.append({k.name, k.prefix, QStringLiteral("created"), k.created, {}});
    return out;
}

KeyChange Engine::createClientKey(const QString &name, QByteArray *key, ClientKeyInfo *info)
{
    if (!KeysFile::checkName(name).isEmpty())
        return KeyChange::InvalidName;
    if (d->keyNameInUse(name))
        return KeyChange::DuplicateName;
    *key = KeysFile::generateKey();
    CreatedKey k{name, sha256(*key), QString::fromLatin1(key->left(16)), QDateTime::currentDateTimeUtc()};
    k.created.setTime(QTime(k.created.time().hour(), k.created.time().minute(), k.created.time().second()));
    d->createdKeys.append(k);
    d->saveKeys();
    d->publish();
    qCInfo(lcEngine, "client key %s created (%s…)", qPrintable(name), qPrintable(k.prefix));
    if (info)
        *info = {k.name, k.prefix, QStringLiteral("created"), k.created, {}};
    emit endpointsChanged(); // the status says whether clients must send a key
    return KeyChange::Done;
}

KeyChange Engine::revokeClientKey(const QString &name)
{
    const auto same = [&name](const auto &k) { return k.name.compare(name, Qt::CaseInsensitive) == 0; };
    if (std::any_of(d->config->server.clientKeys.cbegin(), d->config->server.clientKeys.cend(), same))
        return KeyChange::NotRemovable;
    if (d->createdKeys.removeIf(same) == 0)
        return KeyChange::UnknownKey;
    d->saveKeys();
    d->publish();
    qCInfo(lcEngine, "client key %s revoked", qPrintable(name));
    emit endpointsChanged();
    return KeyChange::Done;
}

RoutingOverlay Engine::routingOverlay() const
{
    return d->routing;
}

void Engine::setRoutingOverlay(const RoutingOverlay &overlay)
{
    d->routing = overlay;
    // A removal only means something over config.yaml's own entry: one of a name config.yaml does
    // not have would otherwise hide an entry of that name added to config.yaml later.
    d->routing.aliases.removeIf([this](const std::pair<const QString &, std::optional<QString> &> &entry) {
        return !entry.second && !d->config->modelAliases.contains(entry.first);
    });
    d->routing.fallbackChains.removeIf(
        [this](const std::pair<const QString &, std::optional<QList<FallbackHop>> &> &entry) {
            return !entry.second && !d->config->fallbackChains.contains(entry.first);
        });
    QString error;
    if (d->routingFile && !d->routingFile->save(d->routing, &error))
        qCWarning(lcEngine, "routing: %s; the change holds until the process ends", qPrintable(error));
    d->publish();
    emit routingChanged();
}

namespace {

std::optional<RegistryEntry> findEntry(const QList<RegistryEntry> &registry, const QString &id)
{
    for (const RegistryEntry &r : registry) {
        if (r.config.id.compare(id, Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

const QLatin1String kKeyFields[] = {QLatin1String("api_key"), QLatin1String("api_key_env"),
                                    QLatin1String("api_key_keychain")};

} // namespace

RegistryChange Engine::updateEndpoint(const QString &id, const QJsonObject &edit, RegistryEntry *entry,
                                      JsonFieldError *error)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    const QString key = current->config.id.toLower();
    if (const QJsonValue v = edit.value(QLatin1String("id"));
        !v.isUndefined() &&
        (!v.isString() || v.toString().trimmed().compare(current->config.id, Qt::CaseInsensitive))) {
        *error = {QStringLiteral("'id' cannot be changed; add an endpoint with the new id and remove this one."),
                  "id_immutable", "id"};
        return RegistryChange::Invalid;
    }
    // `enabled` is a toggle for every endpoint, as POST /api/v1/registry/{id}/toggle sets it.
    const QJsonValue enabled = edit.value(QLatin1String("enabled"));
    if (!enabled.isUndefined() && !enabled.isBool()) {
        *error = {QStringLiteral("'enabled' must be true or false."), "invalid_type", "enabled"};
        return RegistryChange::Invalid;
    }

    if (current->config.source == u"admin") {
        const auto index = std::find_if(d->added.cbegin(), d->added.cend(),
                                        [&current](const EndpointConfig &e) { return e.id == current->config.id; }) -
                           d->added.cbegin();
        const EndpointConfig &was = d->added.at(index);
        // The endpoint as a POST body, with the edit laid over it; null removes a setting.
        QJsonObject body = newEndpointBody(was);
        const bool newKey = std::any_of(std::begin(kKeyFields), std::end(kKeyFields),
                                        [&edit](QLatin1String f) { return edit.contains(f); });
        if (newKey) {
            for (QLatin1String f : kKeyFields)
                body.remove(f);
        }
        for (auto it = edit.begin(); it != edit.end(); ++it) {
            if (it.key() == u"enabled")
                continue;
            if (it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        std::optional<NewEndpoint> n = parseNewEndpoint(body, d->config->server, error);
        if (!n)
            return RegistryChange::Invalid;
        if (!newKey && was.apiKeyEnv.isEmpty() && was.apiKeyKeychain.isEmpty() && !was.apiKey.isEmpty())
            n->apiKey = was.apiKey; // a literal key is kept when the edit does not name another
        EndpointConfig e = n->config;
        e.id = was.id;
        e.source = QStringLiteral("admin");
        e.enabled = was.enabled;
        d->resolveKey(e, *n);
        d->added[index] = e;
        qCInfo(lcEngine, "endpoint %s changed (%s at %s, %lld models, priority %d, weight %d)", qPrintable(e.id),
               qPrintable(e.provider), qPrintable(e.baseUrl), qint64(e.models.size()), e.priority, e.weight);
    } else {
        for (auto it = edit.begin(); it != edit.end(); ++it) {
            if (it.key() == u"id" || it.key() == u"enabled" || it.key() == u"priority" || it.key() == u"weight")
                continue;
            *error = {QStringLiteral("The endpoint '%1' comes from %2: '%3' can only be changed there. Here only "
                                     "'priority', 'weight' and 'enabled' can be changed.")
                          .arg(current->config.id,
                               current->config.source == u"file"  ? QStringLiteral("the configuration file")
                               : current->config.source == u"env" ? QStringLiteral("the environment")
                                                                  : QStringLiteral("local discovery"),
                               it.key()),
                      "endpoint_not_editable", it.key().toUtf8()};
            return RegistryChange::NotEditable;
        }
        // config.yaml's rules for both values; null goes back to the endpoint's own value.
        QJsonObject values;
        for (const char *f : {"priority", "weight"}) {
            const QJsonValue v = edit.value(QLatin1String(f));
            if (!v.isUndefined() && !v.isNull())
                values.insert(QLatin1String(f), v);
        }
        EndpointDraft draft;
        if (!readEndpointJson(values, &draft, error))
            return RegistryChange::Invalid;
        const EndpointConfig *own = d->own(current->config.id);
        EndpointOverride o = d->overrides.value(key);
        if (edit.contains(QLatin1String("priority"))) {
            o.priority =
                values.contains(QLatin1String("priority")) ? std::optional(draft.config.priority) : std::nullopt;
            if (own && o.priority == own->priority)
                o.priority.reset();
        }
        if (edit.contains(QLatin1String("weight"))) {
            o.weight = values.contains(QLatin1String("weight")) ? std::optional(draft.config.weight) : std::nullopt;
            if (own && o.weight == own->weight)
                o.weight.reset();
        }
        if (o.isEmpty())
            d->overrides.remove(key);
        else
            d->overrides.insert(key, o);
        const EndpointConfig now = d->effective(own ? *own : current->config);
        qCInfo(lcEngine, "endpoint %s: priority %d, weight %d", qPrintable(current->config.id), now.priority,
               now.weight);
    }
    if (enabled.isBool())
        d->enabledOverrides.insert(key, enabled.toBool());
    d->publish();
    d->saveRegistry();
    emit endpointsChanged();
    if (entry)
        *entry = findEntry(registry(), id).value_or(*current);
    return RegistryChange::Done;
}

RegistryChange Engine::probeEndpoint(const QString &id, QString *why)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    if (!current->health) {
        *why = QStringLiteral("endpoint %1 is disabled; enable it to check it").arg(current->config.id);
        return RegistryChange::NotRouted;
    }
    if (!d->prober) {
        *why = QStringLiteral("the proxy is not running");
        return RegistryChange::NotRouted;
    }
    if (!d->prober->probeNow(current->config.id, why))
        return RegistryChange::NotRouted;
    qCInfo(lcEngine, "endpoint %s: health check started", qPrintable(current->config.id));
    return RegistryChange::Done;
}

RegistryChange Engine::resetBreaker(const QString &id)
{
    const std::optional<RegistryEntry> current = findEntry(registry(), id);
    if (!current)
        return RegistryChange::UnknownEndpoint;
    if (!current->health)
        return RegistryChange::NotRouted;
    current->health->breaker.recordSuccess();
    qCInfo(lcEngine, "endpoint %s: circuit breaker closed by hand", qPrintable(current->config.id));
    emit endpointsChanged();
    return RegistryChange::Done;
}

} // namespace llmproxy

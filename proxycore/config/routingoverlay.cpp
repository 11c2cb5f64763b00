// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/config/routingoverlay.h"

#include "proxycore/config/modelpattern.h"

#include <QJsonArray>

namespace llmproxy {

namespace {

constexpr qsizetype kMaxName = 256;
constexpr qsizetype kMaxHops = 16;

/// Why `text` is no usable model name or endpoint id (empty when it is).
QString checkName(const QString &text, const QString &what)
{
    if (text.isEmpty())
        return QStringLiteral("%1 is empty").arg(what);
    if (text.size() > kMaxName)
        return QStringLiteral("%1 is longer than %2 characters").arg(what).arg(kMaxName);
    for (const QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("%1 \"%2\" contains white space or a control character").arg(what, text);
    }
    return {};
}

QJsonArray hopsJson(const QList<FallbackHop> &hops)
{
    QJsonArray out;
    for (const FallbackHop &hop : hops)
        out.append(QJsonObject{{QStringLiteral("endpoint"), hop.endpoint}, {QStringLiteral("model"), hop.model}});
    return out;
}

} // namespace

QStringList clientRouteApis()
{
    return {QStringLiteral("messages"), QStringLiteral("responses"), QStringLiteral("chat_completions")};
}

void RoutingOverlay::applyTo(Config &config) const
{
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it) {
        if (it.value())
            config.modelAliases.insert(it.key(), *it.value());
        else
            config.modelAliases.remove(it.key());
    }
    for (auto it = fallbackChains.cbegin(); it != fallbackChains.cend(); ++it) {
        if (it.value())
            config.fallbackChains.insert(it.key(), *it.value());
        else
            config.fallbackChains.remove(it.key());
    }
    config.routing.clientRoutes = clientRoutes;
}

QJsonObject RoutingOverlay::toJson() const
{
    QJsonObject a;
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it)
        a.insert(it.key(), it.value() ? QJsonValue(*it.value()) : QJsonValue(QJsonValue::Null));
    QJsonObject c;
    for (auto it = fallbackChains.cbegin(); it != fallbackChains.cend(); ++it)
        c.insert(it.key(), it.value() ? QJsonValue(hopsJson(*it.value())) : QJsonValue(QJsonValue::Null));
    QJsonObject r;
    for (auto it = clientRoutes.cbegin(); it != clientRoutes.cend(); ++it)
        r.insert(it.key(),
                 QJsonObject{{QStringLiteral("model"), it->model}, {QStringLiteral("endpoint"), it->endpoint}});
    return {{QStringLiteral("model_aliases"), a},
            {QStringLiteral("fallback_chains"), c},
            {QStringLiteral("client_routes"), r}};
}

RoutingOverlay RoutingOverlay::fromJson(const QJsonObject &object, QStringList *skipped)
{
    RoutingOverlay out;
    const auto skip = [skipped](const QString &where, const QString &why) {
        if (skipped)
            skipped->append(QStringLiteral("%1: %2").arg(where, why));
    };
    const QJsonObject a = object.value(QLatin1String("model_aliases")).toObject();
    for (auto it = a.begin(); it != a.end(); ++it) {
        const QString where = QStringLiteral("model_aliases.%1").arg(it.key());
        if (it.value().isNull()) {
            out.aliases.insert(it.key(), std::nullopt);
        } else if (const QString why = checkAlias(it.key(), it.value().toString()); !why.isEmpty()) {
            skip(where, why);
        } else {
            out.aliases.insert(it.key(), it.value().toString());
        }
    }
    const QJsonObject c = object.value(QLatin1String("fallback_chains")).toObject();
    for (auto it = c.begin(); it != c.end(); ++it) {
        const QString where = QStringLiteral("fallback_chains.%1").arg(it.key());
        if (it.value().isNull()) {
            out.fallbackChains.insert(it.key(), std::nullopt);
            continue;
        }
        QList<FallbackHop> hops;
        for (const QJsonValue &hop : it.value().toArray()) {
            const QJsonObject h = hop.toObject();
            hops.append({h.value(QLatin1String("endpoint")).toString(), h.value(QLatin1String("model")).toString()});
        }
        if (const QString why = checkFallbackChain(it.key(), &hops); !why.isEmpty())
            skip(where, why);
        else
            out.fallbackChains.insert(it.key(), hops);
    }
    const QJsonObject r = object.value(QLatin1String("client_routes")).toObject();
    for (auto it = r.begin(); it != r.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        const ClientRoute route{o.value(QLatin1String("model")).toString(),
                                o.value(QLatin1String("endpoint")).toString()};
        if (const QString why = checkClientRoute(it.key(), route); !why.isEmpty())
            skip(QStringLiteral("client_routes.%1").arg(it.key()), why);
        else
            out.clientRoutes.insert(it.key(), route);
    }
    return out;
}

RoutingView RoutingView::of(const Config &effective, const RoutingOverlay &overlay)
{
    RoutingView view;
    for (auto it = effective.modelAliases.cbegin(); it != effective.modelAliases.cend(); ++it)
        view.aliases.append({it.key(), it.value(), overlay.aliases.contains(it.key())});
    for (auto it = effective.fallbackChains.cbegin(); it != effective.fallbackChains.cend(); ++it)
        view.chains.append({it.key(), it.value(), overlay.fallbackChains.contains(it.key())});
    view.clientRoutes = overlay.clientRoutes;
    return view;
}

QString RoutingOverlay::checkAlias(const QString &name, const QString &target)
{
    if (QString why = checkName(name, QStringLiteral("the alias")); !why.isEmpty())
        return why;
    if (QString why = checkName(target, QStringLiteral("the target model")); !why.isEmpty())
        return why;
    if (ModelPattern::hasWildcard(target))
        return QStringLiteral("the target \"%1\" must be a model name, not a pattern").arg(target);
    if (target == name)
        return QStringLiteral("an alias that names itself has no effect");
    return {};
}

QString RoutingOverlay::checkFallbackChain(const QString &model, QList<FallbackHop> *hops)
{
    if (QString why = checkName(model, QStringLiteral("the model")); !why.isEmpty())
        return why;
    if (ModelPattern::hasWildcard(model))
        return QStringLiteral("fallback chains are keyed by exact model names, not patterns");
    if (hops->isEmpty())
        return QStringLiteral("a fallback chain needs at least one hop (remove the chain instead)");
    if (hops->size() > kMaxHops)
        return QStringLiteral("a fallback chain has at most %1 hops").arg(kMaxHops);
    for (qsizetype i = 0; i < hops->size(); ++i) {
        FallbackHop &hop = (*hops)[i];
        hop.endpoint = hop.endpoint.trimmed();
        hop.model = hop.model.trimmed();
        if (QString why = checkName(hop.endpoint, QStringLiteral("hop %1's endpoint or provider").arg(i + 1));
            !why.isEmpty())
            return why;
        if (hop.model.isEmpty())
            hop.model = model;
        else if (QString why = checkName(hop.model, QStringLiteral("hop %1's model").arg(i + 1)); !why.isEmpty())
            return why;
    }
    return {};
}

QString RoutingOverlay::checkClientRoute(const QString &api, const ClientRoute &route)
{
    if (!clientRouteApis().contains(api))
        return QStringLiteral("unknown client API \"%1\" (one of %2)")
            .arg(api, clientRouteApis().join(QLatin1String(", ")));
    if (QString why = checkName(route.model, QStringLiteral("the model")); !why.isEmpty())
        return why;
    if (ModelPattern::hasWildcard(route.model))
        return QStringLiteral("the model \"%1\" must be a model name, not a pattern").arg(route.model);
    if (!route.endpoint.isEmpty())
        return checkName(route.endpoint, QStringLiteral("the endpoint"));
    return {};
}

} // namespace llmproxy

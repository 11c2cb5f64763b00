// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/routingfile.h"

#include "proxycore/store/jsonfile.h"

#include <QFile>
#include <QJsonDocument>

namespace llmproxy {

namespace {
constexpr int kVersion = 1;
}

bool RoutingFile::load(RoutingOverlay *overlay, QString *message) const
{
    *overlay = {};
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *message = QStringLiteral("cannot read %1 (%2)").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        root.value(QLatin1String("version")).toInt() != kVersion) {
        *message = QStringLiteral("%1 is not a saved routing overlay (version %2)").arg(m_path).arg(kVersion);
        return false;
    }
    QStringList skipped;
    *overlay = RoutingOverlay::fromJson(root, &skipped);
    *message = QStringLiteral("%1 alias(es), %2 fallback chain(s), %3 route override(s) restored from %4")
                   .arg(overlay->aliases.size())
                   .arg(overlay->fallbackChains.size())
                   .arg(overlay->clientRoutes.size())
                   .arg(m_path);
    if (!skipped.isEmpty())
        *message += QStringLiteral("; left out: %1").arg(skipped.join(QLatin1String("; ")));
    return true;
}

bool RoutingFile::save(const RoutingOverlay &overlay, QString *error) const
{
    QJsonObject root = overlay.toJson();
    root.insert(QStringLiteral("version"), kVersion);
    return replaceFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/routingfile.h"

#include <QJsonDocument>

namespace llmproxy {

namespace {
constexpr int kVersion = 1;
}

bool RoutingFile::load(RoutingOverlay *overlay, QString *message) const
{
    *overlay = {};
    return m_document.load(
        [overlay](const QByteArray &bytes, const QString &source, QString *why) {
            QJsonParseError parseError{};
            const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
            const QJsonObject root = document.object();
            if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
                root.value(QLatin1String("version")).toInt() != kVersion) {
                *why = QStringLiteral("%1 is not a saved routing overlay (version %2)").arg(source).arg(kVersion);
                return false;
            }
            QStringList skipped;
            *overlay = RoutingOverlay::fromJson(root, &skipped);
            *why = QStringLiteral("%1 alias(es), %2 fallback chain(s), %3 route override(s) restored from %4")
                       .arg(overlay->aliases.size())
                       .arg(overlay->fallbackChains.size())
                       .arg(overlay->clientRoutes.size())
                       .arg(source);
            if (!skipped.isEmpty())
                *why += QStringLiteral("; left out: %1").arg(skipped.join(QLatin1String("; ")));
            return true;
        },
        message);
}

bool RoutingFile::save(const RoutingOverlay &overlay, QString *error) const
{
    QJsonObject root = overlay.toJson();
    root.insert(QStringLiteral("version"), kVersion);
    return m_document.write(QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

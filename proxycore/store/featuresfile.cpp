// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/featuresfile.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {
constexpr int kVersion = 1;
}

bool FeaturesFile::load(QHash<QString, bool> *switches, QString *message) const
{
    switches->clear();
    return m_document.load(
        [switches](const QByteArray &bytes, const QString &source, QString *why) {
            QJsonParseError parseError{};
            const QJsonObject root = QJsonDocument::fromJson(bytes, &parseError).object();
            if (parseError.error != QJsonParseError::NoError ||
                root.value(QLatin1String("version")).toInt() != kVersion ||
                !root.value(QLatin1String("switches")).isObject()) {
                *why = QStringLiteral("%1 is not a saved set of guard switches (version %2)").arg(source).arg(kVersion);
                return false;
            }
            const QJsonObject saved = root.value(QLatin1String("switches")).toObject();
            for (auto it = saved.begin(); it != saved.end(); ++it) {
                if (it.value().isBool())
                    switches->insert(it.key(), it.value().toBool());
            }
            *why = QStringLiteral("%1 guard switch(es) restored from %2").arg(switches->size()).arg(source);
            return true;
        },
        message);
}

bool FeaturesFile::save(const QHash<QString, bool> &switches, QString *error) const
{
    QJsonObject s;
    for (auto it = switches.cbegin(); it != switches.cend(); ++it)
        s.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), kVersion}, {QStringLiteral("switches"), s}};
    return m_document.write(QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

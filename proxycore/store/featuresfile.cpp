// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/featuresfile.h"

#include "proxycore/store/jsonfile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace llmproxy {

namespace {
constexpr int kVersion = 1;
}

bool FeaturesFile::load(QHash<QString, bool> *switches, QString *message) const
{
    switches->clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *message = QStringLiteral("cannot read %1 (%2)").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError{};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || root.value(QLatin1String("version")).toInt() != kVersion ||
        !root.value(QLatin1String("switches")).isObject()) {
        *message = QStringLiteral("%1 is not a saved set of guard switches (version %2)").arg(m_path).arg(kVersion);
        return false;
    }
    const QJsonObject saved = root.value(QLatin1String("switches")).toObject();
    for (auto it = saved.begin(); it != saved.end(); ++it) {
        if (it.value().isBool())
            switches->insert(it.key(), it.value().toBool());
    }
    *message = QStringLiteral("%1 guard switch(es) restored from %2").arg(switches->size()).arg(m_path);
    return true;
}

bool FeaturesFile::save(const QHash<QString, bool> &switches, QString *error) const
{
    QJsonObject s;
    for (auto it = switches.cbegin(); it != switches.cend(); ++it)
        s.insert(it.key(), it.value());
    const QJsonObject root{{QStringLiteral("version"), kVersion}, {QStringLiteral("switches"), s}};
    return replaceFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

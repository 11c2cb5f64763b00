// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/keysfile.h"

#include "proxycore/store/jsonfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace llmproxy {

namespace {
constexpr int kVersion = 1;
}

QByteArray KeysFile::generateKey()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray random(reinterpret_cast<const char *>(words), sizeof(words));
    return QByteArrayLiteral("sk-llmproxy-") +
           random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString KeysFile::checkName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64)
        return QStringLiteral("a key name has 1 to 64 characters");
    for (const QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' ||
                        c == u'_' || c == u'-';
        if (!ok)
            return QStringLiteral("a key name may only contain letters, digits, '.', '_' and '-'");
    }
    return {};
}

bool KeysFile::load(QList<CreatedKey> *keys, QString *message) const
{
    keys->clear();
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
        !root.value(QLatin1String("keys")).isArray()) {
        *message = QStringLiteral("%1 is not a saved list of client keys (version %2)").arg(m_path).arg(kVersion);
        return false;
    }
    QStringList skipped;
    for (const QJsonValue &v : root.value(QLatin1String("keys")).toArray()) {
        const QJsonObject o = v.toObject();
        CreatedKey k;
        k.name = o.value(QLatin1String("name")).toString();
        k.sha256 = QByteArray::fromHex(o.value(QLatin1String("sha256")).toString().toLatin1());
        k.prefix = o.value(QLatin1String("prefix")).toString();
        k.created = QDateTime::fromString(o.value(QLatin1String("created")).toString(), Qt::ISODate);
        const bool duplicate = std::any_of(keys->cbegin(), keys->cend(), [&k](const CreatedKey &other) {
            return other.name.compare(k.name, Qt::CaseInsensitive) == 0;
        });
        if (!checkName(k.name).isEmpty() || k.sha256.size() != 32 || duplicate) {
            skipped.append(k.name.isEmpty() ? QStringLiteral("(unnamed)") : k.name);
            continue;
        }
        keys->append(k);
    }
    *message = QStringLiteral("%1 client key(s) restored from %2").arg(keys->size()).arg(m_path);
    if (!skipped.isEmpty())
        *message += QStringLiteral("; left out (no valid name or digest, or a repeated name): %1")
                        .arg(skipped.join(QLatin1String(", ")));
    return true;
}

bool KeysFile::save(const QList<CreatedKey> &keys, QString *error) const
{
    QJsonArray list;
    for (const CreatedKey &k : keys)
        list.append(QJsonObject{{QStringLiteral("name"), k.name},
                                {QStringLiteral("sha256"), QString::fromLatin1(k.sha256.toHex())},
                                {QStringLiteral("prefix"), k.prefix},
                                {QStringLiteral("created"), k.created.toString(Qt::ISODate)}});
    const QJsonObject root{{QStringLiteral("version"), kVersion}, {QStringLiteral("keys"), list}};
    return replaceFileAtomically(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented), error);
}

} // namespace llmproxy

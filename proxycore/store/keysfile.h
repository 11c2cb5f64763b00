// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace llmproxy {

/// A client key created at run time (the desktop's "Connect a tool", the admin API). Only its
/// SHA-256 is kept; the key itself is shown once, when it is created.
struct CreatedKey
{
    QString name;      ///< unique among every client key, compared without case
    QByteArray sha256; ///< 32 bytes
    QString prefix;    ///< the key's first characters, to recognise it in a tool's configuration
    QDateTime created; ///< UTC

    friend bool operator==(const CreatedKey &, const CreatedKey &) = default;
};

/// The client keys created at run time on disk (keys.json in the data directory), so that a tool
/// given one keeps working after a restart. One JSON object {"version": 1, "keys": [{name,
/// sha256 (hex), prefix, created}]} replaced atomically on each change; never a key itself.
/// Used from the engine's thread only.
class KeysFile
{
public:
    explicit KeysFile(QString path) : m_path(std::move(path)) {}

    const QString &path() const { return m_path; }

    /// Reads the keys. A missing file means none (true); an unreadable or malformed one gives
    /// false with `message`, and is replaced by the next save. Entries without a valid name or
    /// digest are left out and named in `message`.
    bool load(QList<CreatedKey> *keys, QString *message) const;
    /// Writes `keys`. False with `error` when it cannot.
    bool save(const QList<CreatedKey> &keys, QString *error) const;

    /// A new random key ("sk-llmproxy-" and 43 base64url characters: 256 bits).
    static QByteArray generateKey();
    /// Why `name` cannot name a key (empty when it can): 1 to 64 of A–Z a–z 0–9 . _ -
    static QString checkName(const QString &name);

private:
    QString m_path;
};

} // namespace llmproxy

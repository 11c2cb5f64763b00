// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include <QHash>
#include <QString>

namespace llmproxy {

/// The security guards' run-time switches on disk (features.json in the data directory), so that
/// a guard switched off or on through the admin API or the desktop stays so after a restart. One
/// JSON object {"version": 1, "switches": {"firewall": false, ...}} replaced atomically on each
/// change. Names are not checked here: the reader ignores names it does not know. Used from the
/// engine's thread only.
class FeaturesFile
{
public:
    explicit FeaturesFile(QString path) : m_path(std::move(path)) {}

    const QString &path() const { return m_path; }

    /// Reads the switches. A missing file means none (true); an unreadable or malformed one gives
    /// false with `message`, and is replaced by the next save.
    bool load(QHash<QString, bool> *switches, QString *message) const;
    /// Writes `switches`. False with `error` when it cannot.
    bool save(const QHash<QString, bool> &switches, QString *error) const;

private:
    QString m_path;
};

} // namespace llmproxy

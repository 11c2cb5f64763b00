// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/runtimestate.h"

#include <QHash>
#include <QString>

namespace llmproxy {

/// The security guards' run-time switches (features.json in the data directory, or the row
/// `features` of runtime_state with a database: RuntimeDocument), so that a guard switched off or on
/// through the admin API or the desktop stays so after a restart. One JSON object
/// {"version": 1, "switches": {"firewall": false, ...}} replaced on each change. Names are not checked here: the reader
/// ignores names it does not know. Used from the engine's thread only.
class FeaturesFile
{
public:
    /// `store`: the database to keep them in instead of the file at `path` (imported once), or nullptr.
    explicit FeaturesFile(QString path, Store *store = nullptr)
        : m_document(QStringLiteral("features"), std::move(path), store)
    {
    }

    const QString &path() const { return m_document.filePath(); }

    /// Reads the switches. A missing file (or row) means none (true); an unreadable or malformed one
    /// gives false with `message`, and is replaced by the next save.
    bool load(QHash<QString, bool> *switches, QString *message) const;
    /// Writes `switches`. False with `error` when it cannot.
    bool save(const QHash<QString, bool> &switches, QString *error) const;

private:
    RuntimeDocument m_document;
};

} // namespace llmproxy

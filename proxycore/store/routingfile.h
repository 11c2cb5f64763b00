// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/routingoverlay.h"
#include "proxycore/store/runtimestate.h"

#include <QString>

namespace llmproxy {

/// The routing changed at run time (routing.json in the data directory, or the row `routing` of
/// runtime_state with a database: RuntimeDocument): aliases, fallback chains and route overrides per
/// client API (config/routingoverlay.h), so that they outlive a restart. One JSON object
/// {"version": 1, ...RoutingOverlay::toJson()} replaced on each change. Used from the engine's thread only.
class RoutingFile
{
public:
    /// `store`: the database to keep it in instead of the file at `path` (imported once), or nullptr.
    explicit RoutingFile(QString path, Store *store = nullptr)
        : m_document(QStringLiteral("routing"), std::move(path), store)
    {
    }

    const QString &path() const { return m_document.filePath(); }

    /// Reads the overlay. A missing file (or row) is an empty overlay (true); an unreadable or malformed one
    /// gives false with `message`, and is replaced by the next save. Entries the checks refuse
    /// (edited by hand) are left out and named in `message`.
    bool load(RoutingOverlay *overlay, QString *message) const;
    /// Writes `overlay`. False with `error` when it cannot.
    bool save(const RoutingOverlay &overlay, QString *error) const;

private:
    RuntimeDocument m_document;
};

} // namespace llmproxy

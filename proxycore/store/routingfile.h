// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/config/routingoverlay.h"

#include <QString>

namespace llmproxy {

/// The routing changed at run time on disk (routing.json in the data directory): aliases, fallback
/// chains and route overrides per client API (config/routingoverlay.h), so that they outlive a
/// restart. One JSON object {"version": 1, ...RoutingOverlay::toJson()} replaced atomically on each
/// change. Used from the engine's thread only.
class RoutingFile
{
public:
    explicit RoutingFile(QString path) : m_path(std::move(path)) {}

    const QString &path() const { return m_path; }

    /// Reads the overlay. A missing file is an empty overlay (true); an unreadable or malformed one
    /// gives false with `message`, and is replaced by the next save. Entries the checks refuse
    /// (edited by hand) are left out and named in `message`.
    bool load(RoutingOverlay *overlay, QString *message) const;
    /// Writes `overlay`. False with `error` when it cannot.
    bool save(const RoutingOverlay &overlay, QString *error) const;

private:
    QString m_path;
};

} // namespace llmproxy

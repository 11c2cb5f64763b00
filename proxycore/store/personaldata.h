// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/database.h"

#include <QString>

#include <optional>

namespace llmproxy {

/// Rows of the request history and stored responses, counted or deleted together.
struct PersonalRows
{
    qint64 historyRows = 0;   ///< request_history
    qint64 responses = 0;     ///< responses (stored responses of the Responses API)
    qint64 bodies = 0;        ///< request_bodies (kept with logging.log_bodies)
    qint64 cachedAnswers = 0; ///< response_cache rows (the key's scope; none by age: the TTL purges them)
};

/// The personal data the gateway keeps outside the audit ledger — request history rows and stored
/// responses — purged by age and erased by owner (docs/audit.md#retention-and-purge). Each call runs
/// in **one transaction** on `connection` (all or nothing) and is safe to repeat. Not an owner: the
/// connection must be open and migrated, and is used on its own thread only. Never throws; failures
/// come back as nullopt with `error`.
class PersonalData
{
public:
    /// The rows older than `cutoffMs` (request_history.ts_ms, responses.created_ms): deleted, or only
    /// counted when `dryRun`.
    static std::optional<PersonalRows> purgeBefore(DatabaseConnection &connection, qint64 cutoffMs, bool dryRun,
                                                   QString *error);

    /// Deletes the rows of the client key named `keyName`: its request history rows (key_name) and
    /// the stored responses it owns (key_name `key:<name>`). An empty name deletes nothing (unnamed
    /// keys have no name to erase by).
    static std::optional<PersonalRows> eraseKey(DatabaseConnection &connection, const QString &keyName, QString *error);
};

} // namespace llmproxy

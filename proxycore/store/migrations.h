// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#pragma once

#include "proxycore/store/database.h"

#include <QStringList>

#include <span>

namespace llmproxy {

/// One step of the schema, applied once and never changed after a release: a later change is a
/// new step. Its statements are written once for both dialects; `{{ID}}` stands for an
/// auto-increment 64-bit primary key column type and `{{BLOB}}` for raw bytes (BLOB / BYTEA).
struct Migration
{
    int version;      ///< 1, 2, 3, ...: the schema version once it is applied
    const char *name; ///< what it adds, for the schema_version table and logs
    std::span<const char *const> statements;
};

/// How migrate() ended.
enum class MigrationOutcome {
    UpToDate, ///< the schema is this build's (migrations may have been applied to get there)
    TooNew,   ///< the database was written by a newer build: refused, nothing changed
    Failed,   ///< a statement failed (or the connection did): rolled back, nothing changed
};

/// Brings a database's schema to this build's version: forward only, in one transaction, with the
/// steps not yet recorded in its `schema_version` table. Serialised between processes (an
/// immediate transaction on SQLite, an advisory lock on PostgreSQL), so two gateways starting on one
/// database apply each step once. Runs on the thread that owns the connection; stateless.
class SchemaMigrator
{
public:
    /// Every step, oldest first (docs/storage.md explains how to add one).
    static std::span<const Migration> migrations();
    /// The version this build writes: the last step's.
    static int latestVersion();
    /// A step's statements with `{{ID}}` and `{{BLOB}}` put in `dialect`'s words.
    static QStringList statementsFor(const Migration &migration, SqlDialect dialect);

    /// Applies the missing steps. `error` says why it failed or refused; `applied` (optional)
    /// receives how many steps were applied.
    static MigrationOutcome migrate(DatabaseConnection &connection, QString *error, int *applied = nullptr);
    /// The database's version: 0 for an empty database, nullopt with `error` when it cannot be read.
    static std::optional<int> currentVersion(DatabaseConnection &connection, QString *error);
};

} // namespace llmproxy

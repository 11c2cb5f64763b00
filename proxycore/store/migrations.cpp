// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/store/migrations.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace llmproxy {

Q_LOGGING_CATEGORY(lcMigrations, "llmproxy.store")

using namespace Qt::StringLiterals;

namespace {

// The steps. Never edit one that has been released: add the next. Types are the ones both
// dialects read alike: BIGINT, INTEGER, SMALLINT (booleans as 0/1), DOUBLE PRECISION, TEXT.

// 1: the request history (docs/storage.md#request_history): one row per finished request.
const char *const kRequestHistory[] = {
    R"sql(CREATE TABLE request_history (
        id {{ID}},
        ts_ms BIGINT NOT NULL,
        request_id TEXT NOT NULL,
        key_name TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        client_api TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL DEFAULT '',
        route TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        served_model TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL DEFAULT '',
        endpoint TEXT NOT NULL DEFAULT '',
        status INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        prompt_tokens BIGINT,
        completion_tokens BIGINT,
        cost_usd DOUBLE PRECISION,
        cost_estimated SMALLINT NOT NULL DEFAULT 0,
        latency_ms DOUBLE PRECISION NOT NULL DEFAULT 0,
        ttft_ms DOUBLE PRECISION,
        overhead_ms DOUBLE PRECISION NOT NULL DEFAULT 0,
        blocked_by TEXT NOT NULL DEFAULT '',
        error TEXT NOT NULL DEFAULT '',
        stream SMALLINT NOT NULL DEFAULT 0
    ))sql",
    "CREATE INDEX request_history_time ON request_history (ts_ms)",
};

// 2: the history of one key over a time range (GET /api/v1/requests?key=&from=&to=) reads an index
// instead of every row of the range.
const char *const kRequestHistoryByKey[] = {
    "CREATE INDEX request_history_key_time ON request_history (key_name, ts_ms)",
};

// 3: the Responses API's stored responses (docs/storage.md#responses): one row per response the
// gateway issued with store on, its conversation in `body` (JSON), readable by its owner until it expires.
const char *const kResponses[] = {
    R"sql(CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        key_name TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        created_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL,
        body TEXT NOT NULL
    ))sql",
    "CREATE INDEX responses_expires ON responses (expires_ms)",
};

// 4: the audit ledger (docs/audit.md#storage): the hash-chained entries, the checkpoint a retention
// purge leaves, and the per-person keys (wrapped under a key derived from the ledger secret). The
// sequence is the chain's own number, never an auto-increment; {{BLOB}} is raw bytes.
const char *const kAuditLedger[] = {
    R"sql(CREATE TABLE audit_log (
        sequence BIGINT PRIMARY KEY,
        version SMALLINT NOT NULL,
        time_ms BIGINT NOT NULL,
        instance_id TEXT NOT NULL,
        category SMALLINT NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        request_id TEXT NOT NULL,
        details TEXT NOT NULL,
        actor_ref {{BLOB}},
        actor_sealed {{BLOB}},
        subject_ref {{BLOB}},
        subject_sealed {{BLOB}},
        prev_hash {{BLOB}} NOT NULL,
        entry_hash {{BLOB}} NOT NULL
    ))sql",
    "CREATE INDEX audit_log_time ON audit_log (time_ms)",
    "CREATE INDEX audit_log_actor ON audit_log (actor_ref, sequence)",
    "CREATE INDEX audit_log_subject ON audit_log (subject_ref, sequence)",
    "CREATE INDEX audit_log_category_time ON audit_log (category, time_ms)",
    "CREATE INDEX audit_log_request ON audit_log (request_id)",
    R"sql(CREATE TABLE audit_checkpoint (
        id SMALLINT PRIMARY KEY CHECK (id = 1),
        sequence BIGINT NOT NULL,
        entry_hash {{BLOB}} NOT NULL,
        time_ms BIGINT NOT NULL,
        signature TEXT NOT NULL DEFAULT ''
    ))sql",
    R"sql(CREATE TABLE audit_subject_keys (
        key_id {{BLOB}} PRIMARY KEY,
        subject_ref {{BLOB}} NOT NULL,
        wrapped_key {{BLOB}} NOT NULL,
        created_ms BIGINT NOT NULL,
        is_current SMALLINT NOT NULL DEFAULT 1
    ))sql",
    "CREATE INDEX audit_subject_keys_ref ON audit_subject_keys (subject_ref)",
    "CREATE UNIQUE INDEX audit_subject_keys_current ON audit_subject_keys (subject_ref) WHERE is_current = 1",
};

// 5: spend per day and group (docs/storage.md#spend_daily), added to by an upsert with every batch
// of finished requests; the day is the budget's (budget.timezone).
const char *const kSpendByDay[] = {
    R"sql(CREATE TABLE spend_daily (
        day TEXT NOT NULL,
        key_name TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        model TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL DEFAULT '',
        endpoint TEXT NOT NULL DEFAULT '',
        requests BIGINT NOT NULL DEFAULT 0,
        prompt_tokens BIGINT NOT NULL DEFAULT 0,
        completion_tokens BIGINT NOT NULL DEFAULT 0,
        cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        estimated_cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        PRIMARY KEY (day, key_name, team, model, provider, endpoint)
    ))sql",
};

// 6: the response cache written behind (docs/storage.md#response_cache): the exact cache's entries
// by their 32-byte key, with the wall time they were stored at, so that a restart starts warm.
const char *const kResponseCache[] = {
    R"sql(CREATE TABLE response_cache (
        cache_key {{BLOB}} PRIMARY KEY,
        scope TEXT NOT NULL,
        upstream_format TEXT NOT NULL,
        stream SMALLINT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        served_model TEXT NOT NULL,
        stored_ms BIGINT NOT NULL,
        body {{BLOB}} NOT NULL
    ))sql",
    "CREATE INDEX response_cache_stored ON response_cache (stored_ms)",
    "CREATE INDEX response_cache_scope ON response_cache (scope)",
};

// 7: the bodies of requests made while logging.log_bodies is on (docs/storage.md#request_bodies),
// beside request_history so that the history's rows stay small when it is off.
const char *const kRequestBodies[] = {
    R"sql(CREATE TABLE request_bodies (
        request_id TEXT PRIMARY KEY,
        ts_ms BIGINT NOT NULL,
        key_name TEXT NOT NULL DEFAULT '',
        request_body TEXT NOT NULL,
        response_body TEXT NOT NULL
    ))sql",
    "CREATE INDEX request_bodies_time ON request_bodies (ts_ms)",
    "CREATE INDEX request_bodies_key ON request_bodies (key_name)",
};

// 8: the changes made at run time (docs/storage.md#runtime_state) that earlier versions kept in
// registry.json, features.json and routing.json: one row per kind, its body the file's JSON document.
const char *const kRuntimeState[] = {
    R"sql(CREATE TABLE runtime_state (
        kind TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_ms BIGINT NOT NULL,
        instance_id TEXT NOT NULL DEFAULT ''
    ))sql",
};

// 9: each gateway's breaker and traffic statistics per endpoint (docs/storage.md#endpoint_stats),
// replaced every 30 s and at shutdown; counters since `started_ms`.
const char *const kEndpointStats[] = {
    R"sql(CREATE TABLE endpoint_stats (
        instance_id TEXT NOT NULL,
        endpoint TEXT NOT NULL,
        started_ms BIGINT NOT NULL,
        updated_ms BIGINT NOT NULL,
        requests BIGINT NOT NULL DEFAULT 0,
        failures BIGINT NOT NULL DEFAULT 0,
        success_rate DOUBLE PRECISION NOT NULL DEFAULT 1,
        latency_ms DOUBLE PRECISION NOT NULL DEFAULT 0,
        breaker_state TEXT NOT NULL DEFAULT '',
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        breaker_trips BIGINT NOT NULL DEFAULT 0,
        probe TEXT NOT NULL DEFAULT '',
        last_probe_ms BIGINT,
        PRIMARY KEY (instance_id, endpoint)
    ))sql",
};

// 10: the keys' and teams' budgets shared by the gateways on one database
// (docs/storage.md#budget_counters): per budget window one row per gateway with what it spent and
// what it holds for requests in flight, and one row (gateway '') whose lock serialises reservations.
const char *const kBudgetCounters[] = {
    R"sql(CREATE TABLE budget_counters (
        scope_kind TEXT NOT NULL,
        scope_name TEXT NOT NULL,
        budget_window TEXT NOT NULL,
        window_start TEXT NOT NULL,
        gateway TEXT NOT NULL,
        spent_nano BIGINT NOT NULL DEFAULT 0,
        reserved_nano BIGINT NOT NULL DEFAULT 0,
        renewed_ms BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (scope_kind, scope_name, budget_window, window_start, gateway)
    ))sql",
};

const Migration kMigrations[] = {
    {1, "request history", kRequestHistory},    {2, "request history by key and time", kRequestHistoryByKey},
    {3, "stored responses", kResponses},        {4, "audit ledger", kAuditLedger},
    {5, "spend by day", kSpendByDay},           {6, "response cache", kResponseCache},
    {7, "request bodies", kRequestBodies},      {8, "runtime state", kRuntimeState},
    {9, "endpoint statistics", kEndpointStats}, {10, "budget counters", kBudgetCounters},
};

/// Any number serialising the migrations of every process on one PostgreSQL database.
constexpr qint64 kMigrationLockId = 0x4c4c4d50'00000001; // "LLMP", 1

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = q.lastError().text().trimmed();
    return false;
}

} // namespace

std::span<const Migration> SchemaMigrator::migrations()
{
    return kMigrations;
}

int SchemaMigrator::latestVersion()
{
    return kMigrations[std::size(kMigrations) - 1].version;
}

QStringList SchemaMigrator::statementsFor(const Migration &migration, SqlDialect dialect)
{
    const QString id = dialect == SqlDialect::Sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                                     : u"BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"_s;
    const QString blob = dialect == SqlDialect::Sqlite ? u"BLOB"_s : u"BYTEA"_s;
    QStringList out;
    for (const char *statement : migration.statements)
        out << QString::fromUtf8(statement).replace(u"{{ID}}"_s, id).replace(u"{{BLOB}}"_s, blob);
    return out;
}

std::optional<int> SchemaMigrator::currentVersion(DatabaseConnection &connection, QString *error)
{
    QSqlDatabase &db = connection.database();
    if (!db.tables().contains(u"schema_version"_s))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT MAX(version) FROM schema_version"_s) || !q.next()) {
        *error = q.lastError().text().trimmed();
        return std::nullopt;
    }
    return q.value(0).isNull() ? 0 : q.value(0).toInt();
}

MigrationOutcome SchemaMigrator::migrate(DatabaseConnection &connection, QString *error, int *applied)
{
    QSqlDatabase &db = connection.database();
    const SqlDialect dialect = connection.dialect();
    if (applied)
        *applied = 0;
    // An immediate transaction takes SQLite's write lock at once; PostgreSQL's advisory lock is
    // held until the transaction ends. Either way a second gateway waits here, then finds the
    // steps applied.
    if (!exec(db, dialect == SqlDialect::Sqlite ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s, error))
        return MigrationOutcome::Failed;
    const auto fail = [&db](QString *why, const QString &context) {
        *why = context + *why;
        QString ignored;
        exec(db, u"ROLLBACK"_s, &ignored);
        return MigrationOutcome::Failed;
    };
    if (dialect == SqlDialect::Postgres &&
        !exec(db, u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kMigrationLockId), error))
        return fail(error, u"cannot lock the schema: "_s);
    if (!exec(db,
              u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
              u"applied_ms BIGINT NOT NULL)"_s,
              error))
        return fail(error, u"cannot create schema_version: "_s);
    const std::optional<int> current = currentVersion(connection, error);
    if (!current)
        return fail(error, u"cannot read schema_version: "_s);
    if (*current > latestVersion()) {
        QString ignored;
        exec(db, u"ROLLBACK"_s, &ignored);
        *error = u"the database %1 has schema version %2, newer than this build's %3: it was written by a newer "
                 u"LLMProxy. Run that version, or point server.storage at another database"_s
                     .arg(connection.settings().describe())
                     .arg(*current)
                     .arg(latestVersion());
        return MigrationOutcome::TooNew;
    }
    int count = 0;
    for (const Migration &m : kMigrations) {
        if (m.version <= *current)
            continue;
        for (const QString &statement : statementsFor(m, dialect)) {
            if (!exec(db, statement, error))
                return fail(error, u"migration %1 (%2): "_s.arg(m.version).arg(QString::fromUtf8(m.name)));
        }
        QSqlQuery record(db);
        record.prepare(u"INSERT INTO schema_version (version, name, applied_ms) VALUES (?, ?, ?)"_s);
        record.addBindValue(m.version);
        record.addBindValue(QString::fromUtf8(m.name));
        record.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!record.exec()) {
            *error = record.lastError().text().trimmed();
            return fail(error, u"migration %1: cannot record it: "_s.arg(m.version));
        }
        ++count;
    }
    if (!exec(db, u"COMMIT"_s, error))
        return fail(error, u"cannot commit the migrations: "_s);
    if (count > 0)
        qCInfo(lcMigrations, "store: %s migrated from schema version %d to %d",
               qPrintable(connection.settings().describe()), *current, latestVersion());
    if (applied)
        *applied = count;
    return MigrationOutcome::UpToDate;
}

} // namespace llmproxy

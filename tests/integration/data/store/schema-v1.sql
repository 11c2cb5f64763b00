-- A database as schema version 1 left it: request history without the per-key index, with three rows.
-- The DDL is that version's, as SchemaMigrator wrote it. {{ID}} and {{BLOB}} are the dialect's words
-- (SchemaMigrator::statementsFor); X'..' is raw bytes (decode('..', 'hex') on PostgreSQL).
-- Statements are separated by a ';' at the end of a line.
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL);
INSERT INTO schema_version (version, name, applied_ms) VALUES (1, 'request history', 1767225600001);
CREATE TABLE request_history (
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
);
CREATE INDEX request_history_time ON request_history (ts_ms);
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, served_model, provider,
    endpoint, status, attempts, prompt_tokens, completion_tokens, cost_usd, latency_ms, ttft_ms, overhead_ms)
    VALUES (1767225600000, 'old-1', 'ci', 'chat_completions', 'POST', '/v1/chat/completions', 'gpt-4o-mini',
    'gpt-4o-mini', 'openai', 'openai', 200, 1, 12, 34, 0.0001, 812.5, 240.0, 1.5);
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, status, blocked_by, error)
    VALUES (1767225660000, 'old-2', 'ci', 'messages', 'POST', '/v1/messages', 'claude-sonnet', 403, 'firewall',
    'request_blocked');
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, status, error, stream)
    VALUES (1767225720000, 'old-3', 'dev', 'responses', 'POST', '/v1/responses', 'gpt-5', 502, 'upstream_error', 1);

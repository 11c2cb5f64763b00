-- A database as schema version 9 left it: endpoint_stats added: the rows of version 8 and one gateway's statistics of an endpoint.
-- The DDL is that version's, as SchemaMigrator wrote it. {{ID}} and {{BLOB}} are the dialect's words
-- (SchemaMigrator::statementsFor); X'..' is raw bytes (decode('..', 'hex') on PostgreSQL).
-- Statements are separated by a ';' at the end of a line.
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL);
INSERT INTO schema_version (version, name, applied_ms) VALUES (1, 'request history', 1767225600001);
INSERT INTO schema_version (version, name, applied_ms) VALUES (2, 'request history by key and time', 1767225600002);
INSERT INTO schema_version (version, name, applied_ms) VALUES (3, 'stored responses', 1767225600003);
INSERT INTO schema_version (version, name, applied_ms) VALUES (4, 'audit ledger', 1767225600004);
INSERT INTO schema_version (version, name, applied_ms) VALUES (5, 'spend by day', 1767225600005);
INSERT INTO schema_version (version, name, applied_ms) VALUES (6, 'response cache', 1767225600006);
INSERT INTO schema_version (version, name, applied_ms) VALUES (7, 'request bodies', 1767225600007);
INSERT INTO schema_version (version, name, applied_ms) VALUES (8, 'runtime state', 1767225600008);
INSERT INTO schema_version (version, name, applied_ms) VALUES (9, 'endpoint statistics', 1767225600009);
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
CREATE INDEX request_history_key_time ON request_history (key_name, ts_ms);
CREATE TABLE responses (
    id TEXT PRIMARY KEY,
    key_name TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX responses_expires ON responses (expires_ms);
CREATE TABLE audit_log (
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
);
CREATE INDEX audit_log_time ON audit_log (time_ms);
CREATE INDEX audit_log_actor ON audit_log (actor_ref, sequence);
CREATE INDEX audit_log_subject ON audit_log (subject_ref, sequence);
CREATE INDEX audit_log_category_time ON audit_log (category, time_ms);
CREATE INDEX audit_log_request ON audit_log (request_id);
CREATE TABLE audit_checkpoint (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    sequence BIGINT NOT NULL,
    entry_hash {{BLOB}} NOT NULL,
    time_ms BIGINT NOT NULL,
    signature TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_subject_keys (
    key_id {{BLOB}} PRIMARY KEY,
    subject_ref {{BLOB}} NOT NULL,
    wrapped_key {{BLOB}} NOT NULL,
    created_ms BIGINT NOT NULL,
    is_current SMALLINT NOT NULL DEFAULT 1
);
CREATE INDEX audit_subject_keys_ref ON audit_subject_keys (subject_ref);
CREATE UNIQUE INDEX audit_subject_keys_current ON audit_subject_keys (subject_ref) WHERE is_current = 1;
CREATE TABLE spend_daily (
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
);
CREATE TABLE response_cache (
    cache_key {{BLOB}} PRIMARY KEY,
    scope TEXT NOT NULL,
    upstream_format TEXT NOT NULL,
    stream SMALLINT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    served_model TEXT NOT NULL,
    stored_ms BIGINT NOT NULL,
    body {{BLOB}} NOT NULL
);
CREATE INDEX response_cache_stored ON response_cache (stored_ms);
CREATE INDEX response_cache_scope ON response_cache (scope);
CREATE TABLE request_bodies (
    request_id TEXT PRIMARY KEY,
    ts_ms BIGINT NOT NULL,
    key_name TEXT NOT NULL DEFAULT '',
    request_body TEXT NOT NULL,
    response_body TEXT NOT NULL
);
CREATE INDEX request_bodies_time ON request_bodies (ts_ms);
CREATE INDEX request_bodies_key ON request_bodies (key_name);
CREATE TABLE runtime_state (
    kind TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_ms BIGINT NOT NULL,
    instance_id TEXT NOT NULL DEFAULT ''
);
CREATE TABLE endpoint_stats (
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
);
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, served_model, provider,
    endpoint, status, attempts, prompt_tokens, completion_tokens, cost_usd, latency_ms, ttft_ms, overhead_ms)
    VALUES (1767225600000, 'old-1', 'ci', 'chat_completions', 'POST', '/v1/chat/completions', 'gpt-4o-mini',
    'gpt-4o-mini', 'openai', 'openai', 200, 1, 12, 34, 0.0001, 812.5, 240.0, 1.5);
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, status, blocked_by, error)
    VALUES (1767225660000, 'old-2', 'ci', 'messages', 'POST', '/v1/messages', 'claude-sonnet', 403, 'firewall',
    'request_blocked');
INSERT INTO request_history (ts_ms, request_id, key_name, client_api, method, route, model, status, error, stream)
    VALUES (1767225720000, 'old-3', 'dev', 'responses', 'POST', '/v1/responses', 'gpt-5', 502, 'upstream_error', 1);
INSERT INTO responses (id, key_name, model, created_ms, expires_ms, body)
    VALUES ('resp_fixture', 'key:ci', 'gpt-4o-mini', 1767225600000, 4102444800000,
    '{"input":[{"role":"user","content":"hello"}],"instructions":"be brief","response":{"id":"resp_fixture","object":"response","output":[]}}');
INSERT INTO audit_subject_keys (key_id, subject_ref, wrapped_key, created_ms, is_current)
    VALUES (X'85077be36c6c11d420d6df0bf7f9bf6c', X'59da14b7fc40519656632542bc5c4615d9e87bf7566ac60bc80c13330b454453', X'016dff50b0638742a68c69a0363938947ff5a7adaa58b8fd3e2358c173fd3724c90d66320405156ce593091615572b2a9bf72c22db81346c995f285b70', 1796672083862, 1);
INSERT INTO audit_subject_keys (key_id, subject_ref, wrapped_key, created_ms, is_current)
    VALUES (X'cad7ef2583755cb4c6426e0123ff6aea', X'bfda244faab3397a96d5b9a60e336e6b6de4559afb317fd2cef860b46a007679', X'01edf04499b7f862c77d721c78530ea3e297cedc54088b8b86098eeefc9e491e0fe93da0dbadd2d95dbf2210c7e3f0f3ddb6bdc7dbe7eb17e3810852d2', 1796672083862, 1);
INSERT INTO audit_subject_keys (key_id, subject_ref, wrapped_key, created_ms, is_current)
    VALUES (X'65c30d1e5e4a9e5d0fb5a6fa0cce3018', X'6e041ecf76bdfa92debe657260b6c8ad0c2973c134b88f4b873e088dc5a1c125', X'0144982a0255ff2670e3e69aa3089f424146e9fea2694d739edc430437dfbcedf02dec30fb99dc63299b2dd5da68bb5f24171417ef50bb5adee37f97ae', 1796672083863, 1);
INSERT INTO audit_log (sequence, version, time_ms, instance_id, category, action, outcome, actor_role, request_id, details, actor_ref, actor_sealed, subject_ref, subject_sealed, prev_hash, entry_hash)
    VALUES (1, 1, 1767225600000, 'gw-fixture', 1, 'request.blocked', 'blocked', 'user', 'old-1', '{"status":403}', X'59da14b7fc40519656632542bc5c4615d9e87bf7566ac60bc80c13330b454453', X'0185077be36c6c11d420d6df0bf7f9bf6c8c13bfaba2996c395c76b0ebb81e6492e6de0016adf2094962b6650f5e7de689bb724a66d919093bf403', NULL, NULL, X'0000000000000000000000000000000000000000000000000000000000000000', X'b565410863dbc7ceb1beb044b56ce21bfcc04fea0fe7157e14ccb69a541df444');
INSERT INTO audit_log (sequence, version, time_ms, instance_id, category, action, outcome, actor_role, request_id, details, actor_ref, actor_sealed, subject_ref, subject_sealed, prev_hash, entry_hash)
    VALUES (2, 1, 1767225660000, 'gw-fixture', 2, 'endpoint.toggled', 'ok', 'admin', 'old-2', '{"status":200}', X'bfda244faab3397a96d5b9a60e336e6b6de4559afb317fd2cef860b46a007679', X'01cad7ef2583755cb4c6426e0123ff6aeadeb5c844f965ea6b7789d9e08e58b561d460f3a20cbb29bd2434006b2866071962bca3be34eb2912c809eca2fc', NULL, NULL, X'b565410863dbc7ceb1beb044b56ce21bfcc04fea0fe7157e14ccb69a541df444', X'b7b9191b3db4081e8d9837377fbf048efefab6b4680763d1662a9e8e965798f8');
INSERT INTO audit_log (sequence, version, time_ms, instance_id, category, action, outcome, actor_role, request_id, details, actor_ref, actor_sealed, subject_ref, subject_sealed, prev_hash, entry_hash)
    VALUES (3, 1, 1767225720000, 'gw-fixture', 1, 'request.blocked', 'blocked', 'user', 'old-3', '{"status":403}', X'6e041ecf76bdfa92debe657260b6c8ad0c2973c134b88f4b873e088dc5a1c125', X'0165c30d1e5e4a9e5d0fb5a6fa0cce301853d6d6da30657e364663004dfbff8cb0bebc2e27a6684b90031a6910c5145222ea833333908c692e953e05', NULL, NULL, X'b7b9191b3db4081e8d9837377fbf048efefab6b4680763d1662a9e8e965798f8', X'a4154e36a8e3fdfc8527510f03c3a47c0869819b9a4a13f7ce207dece480f23c');
INSERT INTO spend_daily (day, key_name, team, model, provider, endpoint, requests, prompt_tokens, completion_tokens,
    cost_usd, estimated_cost_usd) VALUES ('2026-01-01', 'ci', '', 'gpt-4o-mini', 'openai', 'openai', 2, 24, 68, 0.0002, 0);
INSERT INTO spend_daily (day, key_name, team, model, provider, endpoint, requests, prompt_tokens, completion_tokens,
    cost_usd, estimated_cost_usd) VALUES ('2026-01-01', 'dev', '', 'gpt-5', '', '', 1, 0, 0, 0.5, 0.5);
INSERT INTO response_cache (cache_key, scope, upstream_format, stream, status, content_type, served_model, stored_ms, body)
    VALUES (X'00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'key:ci', 'openai-chat', 0, 200, 'application/json', 'gpt-4o-mini', 1767225600000, X'7b226964223a2263686174636d706c2d66697874757265227d');
INSERT INTO request_bodies (request_id, ts_ms, key_name, request_body, response_body)
    VALUES ('old-1', 1767225600000, 'ci', '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"mail [EMAIL]"}]}', '{"choices":[]}');
INSERT INTO runtime_state (kind, body, updated_ms, instance_id)
    VALUES ('features', '{"version":1,"switches":{"firewall":false}}', 1767225600000, 'gw-fixture');
INSERT INTO endpoint_stats (instance_id, endpoint, started_ms, updated_ms, requests, failures, success_rate, latency_ms,
    breaker_state, consecutive_failures, breaker_trips, probe, last_probe_ms)
    VALUES ('gw-fixture', 'openai', 1767225600000, 1767225630000, 12, 1, 0.9167, 412.5, 'closed', 0, 0, 'ok', 1767225620000);

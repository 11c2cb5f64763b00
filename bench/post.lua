-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: LLMProxy contributors
--
-- wrk script: POST a small OpenAI chat request (about 200 bytes of JSON), non-streaming.
-- The key comes from BENCH_API_KEY; targets that do not check it (the mock, nginx) ignore it.
wrk.method = "POST"
wrk.path = "/v1/chat/completions"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_API_KEY") or "sk-bench")
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a concise assistant."},'
    .. '{"role":"user","content":"Name three prime numbers."}],"max_tokens":16,"temperature":0}'

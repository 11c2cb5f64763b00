-- SPDX-License-Identifier: GPL-3.0-or-later
-- SPDX-FileCopyrightText: LLMProxy contributors
--
-- wrk script: the request of post.lua, but every request asks something new (a counter in the user
-- message), so a response cache never answers it: each one is looked up, missed and stored.
local thread_id = 0
function setup(thread)
    thread:set("id", thread_id)
    thread_id = thread_id + 1
end

local counter = 0
local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. (os.getenv("BENCH_API_KEY") or "sk-bench"),
}

function request()
    counter = counter + 1
    local body = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a concise assistant."},'
        .. '{"role":"user","content":"Name three prime numbers above ' .. id .. '-' .. counter .. '."}],'
        .. '"max_tokens":16,"temperature":0}'
    return wrk.format("POST", "/v1/chat/completions", headers, body)
end

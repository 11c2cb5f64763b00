// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The official OpenAI Node SDK talking to llmproxy, which forwards to the mock upstream.
// The mock echoes the last user message (chat) or prompt + suffix (completions), so the
// assertions can check exact text that went through both hops.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import OpenAI from 'openai';

import { startGateway } from './harness.mjs';

const MODEL = 'gpt-4o-mini';
const REQUEST_TIMEOUT_MS = 30_000;

describe('OpenAI SDK through llmproxy', { timeout: 180_000 }, () => {
    let gateway;
    let client;

    before(async () => {
        gateway = await startGateway({ models: [MODEL] });
        client = new OpenAI({ apiKey: gateway.proxyKey, baseURL: gateway.baseURL, maxRetries: 0,
                              timeout: REQUEST_TIMEOUT_MS });
    });

    after(async () => {
        if (gateway)
            await gateway.stop();
    });

    async function lastUpstreamRequest() {
        const response = await fetch(`${gateway.mockURL}/__mock/requests`, { signal: AbortSignal.timeout(5000) });
        const requests = await response.json();
        assert.ok(requests.length > 0, 'the mock upstream saw no request');
        return requests.at(-1);
    }

    async function inferenceRequests() {
        const response = await fetch(`${gateway.mockURL}/__mock/stats`, { signal: AbortSignal.timeout(5000) });
        return (await response.json()).inference_requests;
    }

    test('chat completion', async () => {
        const { data, response } = await client.chat.completions.create({
            model: MODEL,
            messages: [
                { role: 'system', content: 'You are terse.' },
                { role: 'user', content: 'Say hello to the gateway' },
            ],
        }).withResponse();

        assert.equal(data.object, 'chat.completion');
        assert.match(data.id, /^chatcmpl-/);
        assert.equal(data.model, MODEL);
        assert.equal(data.choices.length, 1);
        assert.equal(data.choices[0].message.role, 'assistant');
        assert.equal(data.choices[0].message.content, 'Say hello to the gateway');
        assert.equal(data.choices[0].finish_reason, 'stop');
        assert.ok(data.usage.prompt_tokens > 0);
        assert.ok(data.usage.completion_tokens > 0);
        assert.equal(data.usage.total_tokens, data.usage.prompt_tokens + data.usage.completion_tokens);
        assert.ok(response.headers.get('x-llmproxy-request-id'), 'X-LLMProxy-Request-Id header missing');

        // The gateway authenticates to the upstream with the endpoint's key, never the client's.
        const upstream = await lastUpstreamRequest();
        const authorization = upstream.headers.find(([name]) => name.toLowerCase() === 'authorization');
        assert.deepEqual(authorization?.[1], `Bearer ${gateway.upstreamKey}`);
        assert.ok(!JSON.stringify(upstream.headers).includes(gateway.proxyKey), 'proxy key leaked upstream');
    });

    test('streamed chat completion with include_usage', async () => {
        const stream = await client.chat.completions.create({
            model: MODEL,
            messages: [{ role: 'user', content: 'stream these seven words back to me' }],
            stream: true,
            stream_options: { include_usage: true },
        });

        let text = '';
        let contentChunks = 0;
        let finishReason = null;
        let usageChunk = null;
        let chunksAfterUsage = 0;
        for await (const chunk of stream) {
            assert.equal(chunk.object, 'chat.completion.chunk');
            if (usageChunk)
                ++chunksAfterUsage;
            if (chunk.usage) {
                usageChunk = chunk;
                continue;
            }
            const choice = chunk.choices[0];
            if (choice?.delta?.content) {
                text += choice.delta.content;
                ++contentChunks;
            }
            if (choice?.finish_reason)
                finishReason = choice.finish_reason;
        }

        assert.equal(text, 'stream these seven words back to me');
        assert.ok(contentChunks > 1, `expected the text in several chunks, got ${contentChunks}`);
        assert.equal(finishReason, 'stop');
        assert.ok(usageChunk, 'no usage chunk at the end of the stream');
        assert.deepEqual(usageChunk.choices, []);
        assert.equal(chunksAfterUsage, 0, 'the usage chunk must be the last one');
        assert.ok(usageChunk.usage.completion_tokens > 0);
        assert.equal(usageChunk.usage.total_tokens,
                     usageChunk.usage.prompt_tokens + usageChunk.usage.completion_tokens);
    });

    test('legacy completion with suffix', async () => {
        const completion = await client.completions.create({
            model: MODEL,
            prompt: 'def add(a, b):\n    return ',
            suffix: '\n\nprint(add(1, 2))',
            max_tokens: 64,
        });

        assert.equal(completion.object, 'text_completion');
        assert.equal(completion.choices.length, 1);
        // The mock answers prompt + suffix, so the suffix must have reached the upstream intact.
        assert.equal(completion.choices[0].text, 'def add(a, b):\n    return \n\nprint(add(1, 2))');
        assert.ok(completion.usage.total_tokens > 0);

        const upstream = await lastUpstreamRequest();
        assert.equal(upstream.path, '/v1/completions');
        assert.equal(JSON.parse(upstream.body).suffix, '\n\nprint(add(1, 2))');
    });

    test('embeddings as floats and as base64', async () => {
        const input = ['first text', 'second text'];
        const floats = await client.embeddings.create({ model: MODEL, input, encoding_format: 'float' });
        assert.equal(floats.object, 'list');
        assert.equal(floats.data.length, 2);
        assert.deepEqual(floats.data.map((d) => d.index), [0, 1]);
        for (const item of floats.data) {
            assert.ok(item.embedding.length > 0);
            assert.ok(item.embedding.every((v) => typeof v === 'number' && v >= -1 && v <= 1));
        }
        assert.notDeepEqual(floats.data[0].embedding, floats.data[1].embedding);

        // Without encoding_format the SDK asks for base64 and decodes it itself.
        const decoded = await client.embeddings.create({ model: MODEL, input });
        assert.equal(decoded.data.length, 2);
        for (let i = 0; i < 2; ++i) {
            const a = floats.data[i].embedding;
            const b = decoded.data[i].embedding;
            assert.equal(b.length, a.length);
            for (let k = 0; k < a.length; ++k)
                assert.ok(Math.abs(a[k] - b[k]) < 1e-6, `embedding ${i}[${k}]: ${a[k]} vs ${b[k]}`);
        }
    });

    test('models.list', async () => {
        const ids = [];
        for await (const model of client.models.list())
            ids.push(model.id);
        assert.ok(ids.includes(MODEL), `${MODEL} missing from ${JSON.stringify(ids)}`);
    });

    test('a wrong proxy key throws AuthenticationError', async () => {
        const intruder = new OpenAI({ apiKey: 'sk-not-a-proxy-key', baseURL: gateway.baseURL, maxRetries: 0,
                                      timeout: REQUEST_TIMEOUT_MS });
        const countBefore = await inferenceRequests();
        await assert.rejects(
            intruder.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] }),
            (error) => {
                assert.ok(error instanceof OpenAI.AuthenticationError, `got ${error?.constructor?.name}: ${error}`);
                assert.equal(error.status, 401);
                assert.ok(error.error?.message, 'the 401 body must carry an OpenAI-shaped error message');
                return true;
            });
        const afterCount = await inferenceRequests();
        assert.equal(afterCount, countBefore, 'an unauthenticated request reached the upstream');
    });

    test('an unknown model throws NotFoundError', async () => {
        await assert.rejects(
            client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }),
            (error) => {
                assert.ok(error instanceof OpenAI.NotFoundError, `got ${error?.constructor?.name}: ${error}`);
                assert.equal(error.status, 404);
                return true;
            });
    });
});

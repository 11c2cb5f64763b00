// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The official Anthropic Node SDK talking to llmproxy's /v1/messages, which the gateway translates
// to OpenAI Chat Completions for the mock upstream and back. The mock echoes the last user message,
// so the assertions can check exact text that went through both translations.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import Anthropic from '@anthropic-ai/sdk';

import { startGateway } from './harness.mjs';

const UPSTREAM_MODEL = 'mock-chat';
const MODEL = 'claude-3-5-haiku-latest';
const REQUEST_TIMEOUT_MS = 30_000;

describe('Anthropic SDK through llmproxy', { timeout: 180_000 }, () => {
    let gateway;
    let client;

    function newClient(apiKey) {
        // authToken: null keeps an ANTHROPIC_AUTH_TOKEN in the developer's shell from adding a second
        // credential to every request.
        return new Anthropic({ apiKey, authToken: null, baseURL: gateway.origin, maxRetries: 0,
                               timeout: REQUEST_TIMEOUT_MS });
    }

    before(async () => {
        gateway = await startGateway({ models: [UPSTREAM_MODEL], modelAliases: { 'claude-*': UPSTREAM_MODEL } });
        client = newClient(gateway.proxyKey);
    });

    after(async () => {
        if (gateway)
            await gateway.stop();
    });

    async function mock(path, init = {}) {
        const response = await fetch(`${gateway.mockURL}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
        const text = await response.text();
        assert.equal(response.status, 200, `mock ${path}: ${response.status} ${text}`);
        return JSON.parse(text);
    }

    // Every test starts with an empty script, so a behaviour left over by a failed test cannot leak.
    beforeEach(async () => {
        await mock('/__mock/reset', { method: 'POST' });
    });

    async function script(behaviours) {
        await mock('/__mock/script', { method: 'POST', headers: { 'content-type': 'application/json' },
                                       body: JSON.stringify(behaviours) });
    }

    async function lastUpstreamRequest() {
        const requests = await mock('/__mock/requests');
        assert.ok(requests.length > 0, 'the mock upstream saw no request');
        return requests.at(-1);
    }

    test('messages.create returns the echoed text', async () => {
        const { data: message, response } = await client.messages.create({
            model: MODEL,
            max_tokens: 256,
            system: 'You are terse.',
            messages: [{ role: 'user', content: 'Say hello to the gateway' }],
        }).withResponse();

        assert.equal(message.type, 'message');
        assert.equal(message.role, 'assistant');
        assert.ok(message.id, 'message id missing');
        assert.equal(message.content.length, 1, JSON.stringify(message.content));
        assert.equal(message.content[0].type, 'text');
        assert.equal(message.content[0].text, 'Say hello to the gateway');
        assert.equal(message.stop_reason, 'end_turn');
        assert.ok(message.usage.input_tokens > 0, JSON.stringify(message.usage));
        assert.equal(message.usage.output_tokens, 5, 'the mock counts one token per word');
        assert.ok(response.headers.get('x-llmproxy-request-id'), 'X-LLMProxy-Request-Id header missing');

        // The alias was resolved, the system prompt became a system message, and the gateway
        // authenticated upstream with the endpoint's key, never the client's.
        const upstream = await lastUpstreamRequest();
        assert.equal(upstream.path, '/v1/chat/completions');
        const body = JSON.parse(upstream.body);
        assert.equal(body.model, UPSTREAM_MODEL);
        assert.deepEqual(body.messages.map((m) => m.role), ['system', 'user']);
        const authorization = upstream.headers.find(([name]) => name.toLowerCase() === 'authorization');
        assert.deepEqual(authorization?.[1], `Bearer ${gateway.upstreamKey}`);
        assert.ok(!JSON.stringify(upstream.headers).includes(gateway.proxyKey), 'proxy key leaked upstream');
    });

    test('messages.stream yields text deltas and a final message', async () => {
        const stream = client.messages.stream({
            model: MODEL,
            max_tokens: 256,
            messages: [{ role: 'user', content: 'stream these seven words back to me' }],
        });
        const deltas = [];
        stream.on('text', (delta) => deltas.push(delta));
        const message = await stream.finalMessage();

        assert.ok(deltas.length > 1, `expected the text in several deltas, got ${JSON.stringify(deltas)}`);
        assert.equal(deltas.join(''), 'stream these seven words back to me');
        assert.equal(message.role, 'assistant');
        assert.equal(message.content.length, 1, JSON.stringify(message.content));
        assert.equal(message.content[0].type, 'text');
        assert.equal(message.content[0].text, 'stream these seven words back to me');
        assert.equal(message.stop_reason, 'end_turn');
        assert.equal(message.usage.output_tokens, 7);

        const upstream = JSON.parse((await lastUpstreamRequest()).body);
        assert.equal(upstream.stream, true);
    });

    test('a streamed tool call arrives as a tool_use block', async () => {
        const chunk = (delta, finishReason = null) => ({
            id: 'chatcmpl-e2e-tool', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
            choices: [{ index: 0, delta, finish_reason: finishReason }],
        });
        const argumentPieces = ['{"city":', ' "Par', 'is", "unit"', ': "celsius"}'];
        await script({
            events: [
                chunk({ role: 'assistant', content: null,
                        tool_calls: [{ index: 0, id: 'call_e2e_weather', type: 'function',
                                       function: { name: 'get_weather', arguments: '' } }] }),
                ...argumentPieces.map((piece) => chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })),
                chunk({}, 'tool_calls'),
                { id: 'chatcmpl-e2e-tool', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
                  choices: [], usage: { prompt_tokens: 21, completion_tokens: 9, total_tokens: 30 } },
                '[DONE]',
            ],
        });

        const stream = client.messages.stream({
            model: MODEL,
            max_tokens: 256,
            tools: [{
                name: 'get_weather',
                description: 'Current weather in a city',
                input_schema: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } },
                                 required: ['city'] },
            }],
            messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
        });
        const jsonDeltas = [];
        stream.on('inputJson', (partial) => jsonDeltas.push(partial));
        const message = await stream.finalMessage();

        assert.equal(message.stop_reason, 'tool_use');
        const toolUses = message.content.filter((block) => block.type === 'tool_use');
        assert.equal(toolUses.length, 1, JSON.stringify(message.content));
        assert.equal(toolUses[0].id, 'call_e2e_weather');
        assert.equal(toolUses[0].name, 'get_weather');
        assert.deepEqual(toolUses[0].input, { city: 'Paris', unit: 'celsius' });
        assert.equal(jsonDeltas.join(''), argumentPieces.join(''), 'input_json_delta pieces do not add up');

        // The Anthropic tool definition reached the upstream as an OpenAI function.
        const upstream = JSON.parse((await lastUpstreamRequest()).body);
        assert.equal(upstream.tools?.length, 1, JSON.stringify(upstream.tools));
        assert.equal(upstream.tools[0].type, 'function');
        assert.equal(upstream.tools[0].function.name, 'get_weather');
        assert.deepEqual(upstream.tools[0].function.parameters.required, ['city']);
    });

    test('messages.countTokens estimates the input', async (t) => {
        const count = (content) => client.messages.countTokens({
            model: MODEL,
            messages: [{ role: 'user', content }],
        });
        let short;
        try {
            short = await count('Hello there');
        } catch (error) {
            if (error instanceof Anthropic.NotFoundError) {
                t.skip(`POST /v1/messages/count_tokens answered 404 (${error.message}); the route is not served yet`);
                return;
            }
            throw error;
        }
        assert.ok(Number.isInteger(short.input_tokens) && short.input_tokens > 0, JSON.stringify(short));
        const long = await count('Hello there. '.repeat(200));
        assert.ok(long.input_tokens > short.input_tokens,
                  `a 200 times longer message must count more tokens: ${short.input_tokens} vs ${long.input_tokens}`);
        const stats = await mock('/__mock/stats');
        assert.equal(stats.inference_requests, 0, 'counting tokens must not call the upstream');
    });

    test('a wrong proxy key throws AuthenticationError', async () => {
        const intruder = newClient('sk-not-a-proxy-key');
        await assert.rejects(
            intruder.messages.create({ model: MODEL, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
            (error) => {
                assert.ok(error instanceof Anthropic.AuthenticationError, `got ${error?.constructor?.name}: ${error}`);
                assert.equal(error.status, 401);
                assert.equal(error.error?.type, 'error', `not an Anthropic error body: ${JSON.stringify(error.error)}`);
                assert.equal(error.error?.error?.type, 'authentication_error');
                return true;
            });
        const stats = await mock('/__mock/stats');
        assert.equal(stats.inference_requests, 0, 'an unauthenticated request reached the upstream');
    });

    test('an unknown model throws NotFoundError', async () => {
        await assert.rejects(
            client.messages.create({ model: 'no-such-model', max_tokens: 16,
                                     messages: [{ role: 'user', content: 'hi' }] }),
            (error) => {
                assert.ok(error instanceof Anthropic.NotFoundError, `got ${error?.constructor?.name}: ${error}`);
                assert.equal(error.status, 404);
                assert.equal(error.error?.error?.type, 'not_found_error', JSON.stringify(error.error));
                return true;
            });
    });

    test('an upstream disconnect mid-stream makes the stream throw', async () => {
        // The mock's chunks are about 240 bytes each (fixed ids, so always the same): 600 bytes cut
        // inside the third, after the role chunk and the first word.
        await script({ disconnect_after_bytes: 600 });
        const started = Date.now();
        const stream = client.messages.stream({
            model: MODEL,
            max_tokens: 256,
            messages: [{ role: 'user', content: 'a long enough reply that the upstream will not finish sending' }],
        });
        const deltas = [];
        stream.on('text', (delta) => deltas.push(delta));

        await assert.rejects(stream.finalMessage(), (error) => {
            assert.ok(error instanceof Anthropic.APIError, `got ${error?.constructor?.name}: ${error}`);
            assert.ok(!(error instanceof Anthropic.APIConnectionTimeoutError), `the stream hung: ${error}`);
            // The SDK turns an `event: error` into an APIError whose message is the event's data.
            let event;
            try {
                event = JSON.parse(error.message);
            } catch {
                assert.fail(`expected the JSON of an SSE error event, got: ${error.message}`);
            }
            assert.equal(event.type, 'error', error.message);
            assert.ok(typeof event.error?.type === 'string' && event.error.type.length > 0, error.message);
            assert.ok(typeof event.error?.message === 'string' && event.error.message.length > 0, error.message);
            return true;
        });
        assert.ok(Date.now() - started < REQUEST_TIMEOUT_MS, 'the failure must not wait for the client timeout');
        assert.ok(deltas.length > 0, 'the disconnect came before any text; the cut should be mid-stream');
        assert.ok(!deltas.join('').includes('sending'), 'the whole reply arrived although the upstream was cut');
        assert.ok(stream.errored, 'the MessageStream does not report the error');
    });
});

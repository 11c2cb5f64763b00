// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The real Claude Code CLI (pinned in package-lock.json) in non-interactive mode, pointed at llmproxy
// with ANTHROPIC_BASE_URL. Claude Code speaks Anthropic Messages; the gateway's only endpoint is an
// OpenAI Chat Completions upstream (the mock), so every turn goes through the Messages → Chat
// Completions translation and back. Claude Code runs offline in a throwaway home, with its
// non-essential traffic switched off and every other host behind a proxy that refuses it.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';

import { cliCommand, cliEnvironment, describeRun, headerValue, makeSandbox, mockControl, runProcess,
         startEgressTrap, startGateway } from './harness.mjs';

const UPSTREAM_MODEL = 'mock-chat';
// Any claude-* id works: the gateway maps them all to the upstream model.
const CLAUDE_MODEL = 'claude-sonnet-4-5';
const RUN_TIMEOUT_MS = 60_000;

const claude = cliCommand('claude');

describe(`Claude Code${claude.version ? ` ${claude.version}` : ''} through llmproxy to an OpenAI upstream`,
         { timeout: 180_000, skip: claude.missing ?? false }, () => {
    let gateway;
    let mock;
    let trap;
    let sandbox;

    before(async () => {
        gateway = await startGateway({ models: [UPSTREAM_MODEL], modelAliases: { 'claude-*': UPSTREAM_MODEL } });
        mock = mockControl(gateway.mockURL);
        trap = await startEgressTrap();
    });

    after(async () => {
        if (trap)
            await trap.stop();
        if (gateway)
            await gateway.stop();
    });

    // Each test gets an empty mock script and capture, and a fresh home and working directory, so a
    // failed test leaves nothing behind for the next one.
    beforeEach(async () => {
        await mock.reset();
        trap.attempts.length = 0;
        sandbox?.remove();
        sandbox = makeSandbox('llmproxy-e2e-claude-');
    });

    after(() => sandbox?.remove());

    async function runClaude(prompt) {
        const env = cliEnvironment(sandbox, trap.url, {
            ANTHROPIC_BASE_URL: gateway.origin,
            ANTHROPIC_AUTH_TOKEN: gateway.proxyKey,
            // No telemetry, error reporting, feedback survey or update check; DISABLE_AUTOUPDATER
            // is also implied by the first, named for the versions that read only it.
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
            DISABLE_AUTOUPDATER: '1',
        });
        const run = await runProcess(claude.command, [...claude.args, '-p', prompt, '--model', CLAUDE_MODEL,
                                                      '--output-format', 'json'],
                                     { cwd: sandbox.work, env, timeoutMs: RUN_TIMEOUT_MS });
        const diagnostics = () => `${describeRun('claude', run)}\n${gateway.diagnostics()}`;
        assert.equal(run.timedOut, false, diagnostics());
        assert.equal(run.code, 0, diagnostics());
        assert.deepEqual(trap.attempts, [], `Claude Code tried to reach other hosts\n${diagnostics()}`);
        let result;
        try {
            result = JSON.parse(run.stdout);
        } catch {
            assert.fail(`--output-format json printed no JSON\n${diagnostics()}`);
        }
        return { result, diagnostics };
    }

    async function upstreamBodies() {
        const requests = await mock.requests();
        for (const request of requests) {
            assert.equal(request.path, '/v1/chat/completions', `unexpected upstream request ${request.method} ${request.path}`);
            assert.equal(headerValue(request, 'authorization'), `Bearer ${gateway.upstreamKey}`);
            assert.ok(!JSON.stringify(request.headers).includes(gateway.proxyKey), 'proxy key leaked upstream');
        }
        return requests.map((request) => JSON.parse(request.body));
    }

    const textOf = (content) => (typeof content === 'string' ? content
        : content.filter((part) => part.type === 'text').map((part) => part.text).join(''));

    test('claude -p prints the upstream reply', async () => {
        const reply = 'The gateway answered: 42 apples.';
        await mock.script({ content: reply });

        const { result, diagnostics } = await runClaude('How many apples are there?');
        assert.equal(result.type, 'result', diagnostics());
        assert.equal(result.is_error, false, diagnostics());
        assert.equal(result.result, reply, diagnostics());
        assert.equal(result.num_turns, 1, diagnostics());

        // One Chat Completions request, translated from Claude Code's Messages request: the alias
        // resolved, the system prompt hoisted into system messages ahead of the conversation, the
        // prompt as the last user message, its tools as OpenAI functions, streaming with usage.
        const bodies = await upstreamBodies();
        assert.equal(bodies.length, 1, JSON.stringify(bodies.map((b) => b.messages.length)));
        const [body] = bodies;
        assert.equal(body.model, UPSTREAM_MODEL);
        assert.equal(body.stream, true);
        assert.deepEqual(body.stream_options, { include_usage: true });
        const roles = body.messages.map((m) => m.role);
        const firstOther = roles.findIndex((role) => role !== 'system');
        assert.ok(firstOther > 0, `no leading system message: ${JSON.stringify(roles)}`);
        assert.deepEqual(roles.slice(firstOther), ['user'], JSON.stringify(roles));
        const system = body.messages.slice(0, firstOther).map((m) => textOf(m.content)).join('\n');
        assert.match(system, /You are an interactive agent that helps users with software engineering tasks/);
        assert.ok(textOf(body.messages.at(-1).content).endsWith('How many apples are there?'),
                  textOf(body.messages.at(-1).content).slice(-500));
        const read = body.tools?.find((tool) => tool.function?.name === 'Read');
        assert.ok(read, `no Read function among ${JSON.stringify(body.tools?.map((t) => t.function?.name))}`);
        assert.equal(read.type, 'function');
        assert.deepEqual(read.function.parameters.required, ['file_path']);
        assert.equal(read.function.parameters.properties.file_path.type, 'string');
    });

    test('claude -p runs its Read tool on a streamed tool call and answers with the result', async () => {
        const notePath = join(sandbox.work, 'note.txt');
        const noteText = 'The secret fruit is kiwi-banana-42.';
        writeFileSync(notePath, `${noteText}\n`);
        const finalReply = 'The note names the fruit kiwi-banana-42.';
        const chunk = (delta, finishReason = null) => ({
            id: 'chatcmpl-e2e-read', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
            choices: [{ index: 0, delta, finish_reason: finishReason }],
        });
        const argumentsText = JSON.stringify({ file_path: notePath });
        await mock.script([
            { events: [
                chunk({ role: 'assistant', content: null,
                        tool_calls: [{ index: 0, id: 'call_e2e_read', type: 'function',
                                       function: { name: 'Read', arguments: '' } }] }),
                chunk({ tool_calls: [{ index: 0, function: { arguments: argumentsText.slice(0, 9) } }] }),
                chunk({ tool_calls: [{ index: 0, function: { arguments: argumentsText.slice(9) } }] }),
                chunk({}, 'tool_calls'),
                { id: 'chatcmpl-e2e-read', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
                  choices: [], usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 } },
                '[DONE]',
            ] },
            { content: finalReply },
        ]);

        const { result, diagnostics } = await runClaude('What does note.txt say?');
        assert.equal(result.is_error, false, diagnostics());
        assert.equal(result.result, finalReply, diagnostics());
        assert.equal(result.num_turns, 2, diagnostics());

        // The second request carries the call and Claude Code's tool_result, translated to an
        // assistant tool_calls message and a tool message holding the file's text.
        const bodies = await upstreamBodies();
        assert.equal(bodies.length, 2, diagnostics());
        const messages = bodies[1].messages;
        const toolMessage = messages.at(-1);
        assert.equal(toolMessage.role, 'tool', JSON.stringify(messages.slice(-2)));
        assert.equal(toolMessage.tool_call_id, 'call_e2e_read');
        assert.ok(textOf(toolMessage.content).includes(noteText), JSON.stringify(toolMessage));
        const call = messages.at(-2);
        assert.equal(call.role, 'assistant');
        assert.equal(call.tool_calls?.length, 1, JSON.stringify(call));
        assert.equal(call.tool_calls[0].id, 'call_e2e_read');
        assert.equal(call.tool_calls[0].function.name, 'Read');
        assert.deepEqual(JSON.parse(call.tool_calls[0].function.arguments), { file_path: notePath });
    });
});

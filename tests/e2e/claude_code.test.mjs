// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The real Claude Code CLI (pinned in package-lock.json) in non-interactive mode, pointed at llmproxy
// by `llmproxy connect claude-code` (the gateway's URL and key in ~/.claude/settings.json). Claude Code speaks Anthropic Messages; the gateway's only endpoint is an
// OpenAI Chat Completions upstream (the mock), so every turn goes through the Messages → Chat
// Completions translation and back. Claude Code runs offline in a throwaway home, with its
// non-essential traffic switched off and every other host behind a proxy that refuses it.

import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { adminControl, cliCommand, cliEnvironment, connectTool, describeRun, headerValue, hiddenInjectionReadme,
         makeSandbox, mockControl, runProcess, startEgressTrap, startGateway } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const UPSTREAM_MODEL = 'mock-chat';
// Any claude-* id works: the gateway maps them all to the upstream model.
const CLAUDE_MODEL = 'claude-sonnet-4-5';
const RUN_TIMEOUT_MS = 60_000;

const claude = cliCommand('claude');

describe(`Claude Code${claude.version ? ` ${claude.version}` : ''} through llmproxy to an OpenAI upstream`,
         { timeout: 180_000, skip: claude.missing ?? false }, () => {
    let gateway;
    let mock;
    let admin;
    let trap;
    let sandbox;

    before(async () => {
        gateway = await startGateway({ models: [UPSTREAM_MODEL], modelAliases: { 'claude-*': UPSTREAM_MODEL },
                                       adminKey: 'sk-e2e-admin-key' });
        mock = mockControl(gateway.mockURL);
        admin = adminControl(gateway);
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

    // Runs `claude -p prompt`; it must exit with expectedCode and print its JSON result.
    async function runClaude(prompt, { expectedCode = 0 } = {}) {
        // Set up as a user would: `llmproxy connect claude-code` writes the gateway's URL and key
        // into the env block of ~/.claude/settings.json; nothing comes from the environment.
        await connectTool(sandbox, 'claude-code', ['--url', gateway.origin, '--key', gateway.proxyKey]);
        const env = cliEnvironment(sandbox, trap.url, {
            // No telemetry, error reporting, feedback survey or update check; DISABLE_AUTOUPDATER
            // is also implied by the first, named for the versions that read only it.
            CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
            DISABLE_AUTOUPDATER: '1',
        });
        const run = await runProcess(claude.command, [...claude.args, '-p', prompt, '--model', CLAUDE_MODEL,
                                                      '--output-format', 'json'],
                                     { cwd: sandbox.work, env, timeoutMs: RUN_TIMEOUT_MS });
        const diagnostics = () => `${describeRun('claude', run)}\n${gateway.diagnostics()}`;
        if (run.timedOut || run.code !== expectedCode) {
            // A refusal by the gateway shows in its recent decisions (layer, reason, scores).
            const events = await admin.securityEvents(5).catch((error) => error.message);
            assert.fail(`expected exit code ${expectedCode}\n${diagnostics()}\nlatest security events: `
                        + `${JSON.stringify(events, null, 1)}`);
        }
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

    // A streamed OpenAI answer in which the model calls Read on filePath, the arguments split over
    // two chunks.
    function readToolCall(callId, filePath) {
        const chunk = (delta, finishReason = null) => ({
            id: 'chatcmpl-e2e-read', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
            choices: [{ index: 0, delta, finish_reason: finishReason }],
        });
        const argumentsText = JSON.stringify({ file_path: filePath });
        return { events: [
            chunk({ role: 'assistant', content: null,
                    tool_calls: [{ index: 0, id: callId, type: 'function',
                                   function: { name: 'Read', arguments: '' } }] }),
            chunk({ tool_calls: [{ index: 0, function: { arguments: argumentsText.slice(0, 9) } }] }),
            chunk({ tool_calls: [{ index: 0, function: { arguments: argumentsText.slice(9) } }] }),
            chunk({}, 'tool_calls'),
            { id: 'chatcmpl-e2e-read', object: 'chat.completion.chunk', created: 1700000000, model: UPSTREAM_MODEL,
              choices: [], usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 } },
            '[DONE]',
        ] };
    }

    // The file's lines in the text of a Read result ("     1\tline" or "     1→line" from line 1 on,
    // then whatever Claude Code appends, such as a <system-reminder>). A file that ends with a line
    // break shows an empty last line, so joined with \n they are the file's text again.
    function readResultLines(text) {
        const lines = [];
        for (const line of text.split('\n')) {
            const match = /^ *(\d+)[→\t](.*)$/su.exec(line);
            if (!match || Number(match[1]) !== lines.length + 1)
                break;
            lines.push(match[2]);
        }
        return lines;
    }

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
        await mock.script([
            readToolCall('call_e2e_read', notePath),
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

    // A developer of a security product: the working directory is tests/e2e/fixtures/security-project,
    // a prompt-injection filter with its threat model, source and tests, which discuss and quote the
    // attacks they defend against. Reading it is ordinary work the gateway must not get in the way of.
    test('claude -p reads a threat model full of attack phrasings and the gateway passes it unchanged', async () => {
        cpSync(join(here, 'fixtures', 'security-project'), sandbox.work, { recursive: true });
        const docPath = join(sandbox.work, 'THREAT_MODEL.md');
        const docText = readFileSync(docPath, 'utf8');
        const maintainer = 'security@brightlane.io';
        assert.ok(docText.includes(maintainer));
        // The gateway numbers the addresses it masks tool descriptions first, so that they read the
        // same in every turn (Claude Code's Bash tool has a Co-Authored-By address: [EMAIL_1]), then
        // the conversation.
        const placeholder = '[EMAIL_2]';
        const finalReply = 'It covers direct and indirect prompt injection, role-play jailbreaks and system '
            + `prompt extraction; report vulnerabilities to ${placeholder}.`;
        await mock.script([readToolCall('call_e2e_threat_model', docPath), { content: finalReply }]);
        const mark = await admin.mark();

        const { result, diagnostics } = await runClaude('Summarise THREAT_MODEL.md and say where to report a '
                                                        + 'vulnerability.');
        const security = await admin.since(mark);
        const report = () => `${diagnostics()}\nsecurity: ${JSON.stringify(security)}`;
        assert.equal(result.is_error, false, report());
        assert.equal(result.num_turns, 2, report());
        // The answer reaches Claude Code with the maintainer's address put back.
        assert.equal(result.result, finalReply.replace(placeholder, maintainer), report());

        // The file reached the upstream as Claude Code read it, line for line, with only the
        // address masked: no attack phrasing, role name or `system prompt` altered or dropped.
        const bodies = await upstreamBodies();
        assert.equal(bodies.length, 2, report());
        const toolMessage = bodies[1].messages.at(-1);
        assert.equal(toolMessage.role, 'tool', JSON.stringify(bodies[1].messages.slice(-2)));
        assert.equal(toolMessage.tool_call_id, 'call_e2e_threat_model');
        assert.equal(readResultLines(textOf(toolMessage.content)).join('\n'), docText.replace(maintainer, placeholder),
                     textOf(toolMessage.content));
        assert.ok(!JSON.stringify(bodies).includes(maintainer), 'the maintainer\'s address reached the upstream');
        // The tool definitions did not change between the turns: the provider's prompt cache holds.
        assert.deepEqual(bodies[1].tools, bodies[0].tools);

        // Both requests were scanned by every request guard, none was refused, and the only
        // decision recorded is the masking.
        assert.equal(security.scanned, 2, report());
        assert.equal(security.blocked, 0, report());
        for (const guard of ['firewall', 'injection', 'pii']) {
            const { scanned, blocked } = security.guards[guard];
            assert.deepEqual({ guard, scanned, blocked }, { guard, scanned: 2, blocked: 0 }, report());
        }
        assert.deepEqual(security.events.filter((e) => e.action !== 'mask'), [], report());
        assert.ok(security.events.some((e) => e.layer === 'pii' && e.detail.includes('EMAIL')), report());
    });

    // The negative control: a README whose instruction to the agent is invisible to a human reader.
    // The gateway refuses the request that carries it before the upstream sees it; Claude Code
    // reports the refusal (it does not retry a 403) and exits with 1.
    test('claude -p reading a README with a hidden instruction gets the gateway\'s 403', async () => {
        const readmePath = join(sandbox.work, 'README.md');
        const { text } = hiddenInjectionReadme();
        writeFileSync(readmePath, text);
        await mock.script([readToolCall('call_e2e_readme', readmePath), { content: 'This reply is never requested.' }]);
        const mark = await admin.mark();

        const { result, diagnostics } = await runClaude('What does README.md say?', { expectedCode: 1 });
        const security = await admin.since(mark);
        const report = () => `${diagnostics()}\nsecurity: ${JSON.stringify(security)}`;
        assert.equal(result.is_error, true, report());
        assert.equal(result.api_error_status, 403, report());
        assert.match(result.result, /known attack signature \(request [0-9a-f]+\)/, report());
        assert.ok(!result.result.includes('id_rsa'), 'the refusal quotes the hidden text');

        // Only the first request, before the file was read, reached the upstream.
        const bodies = await upstreamBodies();
        assert.equal(bodies.length, 1, report());
        assert.equal(security.blocked, 1, report());
        const blocks = security.events.filter((e) => e.action === 'block');
        assert.equal(blocks.length, 1, report());
        assert.deepEqual({ layer: blocks[0].layer, reason: blocks[0].reason },
                         { layer: 'firewall', reason: 'firewall_signature' });
        assert.match(blocks[0].detail, /encoding=unicode_tags/);
        assert.ok(result.result.includes(blocks[0].request_id), report());
    });
});

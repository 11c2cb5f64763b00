// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// The real Codex CLI (pinned in package-lock.json) running `codex exec` against a model provider with
// wire_api = "responses" whose base_url is llmproxy. Codex speaks the OpenAI Responses API; the
// gateway's only endpoint is an Anthropic Messages upstream (the mock), so every turn goes through
// the Responses → Messages translation and back. The provider is merged into the user's
// ~/.codex/config.toml by `llmproxy connect codex`. Codex runs offline in a throwaway home, with
// plugin sync and analytics off and every other host behind a proxy that refuses it.
//
// The first test points Codex at a capture server instead of the gateway: it checks the sandbox on
// its own and that fixtures/codex-request.json still has the shape the pinned Codex sends.
// LLMPROXY_E2E_RECORD=1 rewrites that fixture from the captured request.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { adminControl, cliCommand, cliEnvironment, connectTool, describeRun, headerValue, hiddenInjectionReadme,
         makeSandbox, mockControl, runProcess, startEgressTrap, startGateway } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixturePath = join(here, 'fixtures', 'codex-request.json');
const MODEL = 'claude-sonnet-4-5';
const KEY_VARIABLE = 'LLMPROXY_API_KEY';
const RUN_TIMEOUT_MS = 60_000;

const codex = cliCommand('codex');

// ~/.codex/config.toml before `llmproxy connect codex` merges the gateway into it: a provider
// table of the user's own (no retries, so a failure shows at once; env_key, which connect replaces
// by the key itself), no curated-plugin sync (github.com, chatgpt.com) and no analytics (OTLP
// metrics to ab.chatgpt.com): the two switches without which Codex 0.171 reaches out to the internet.
const USER_CODEX_CONFIG = [
    '# settings of my own',
    '[model_providers.llmproxy]',
    `env_key = "${KEY_VARIABLE}"`,
    'request_max_retries = 0',
    'stream_max_retries = 0',
    'stream_idle_timeout_ms = 20000',
    '',
    '[analytics]',
    'enabled = false',
    '',
    '[features]',
    'plugins = false',
    '',
].join('\n');

// A Responses API stream for one assistant message, the way OpenAI sends it.
function responsesStream(text) {
    const response = { id: 'resp_e2e', object: 'response', created_at: 1700000000, status: 'in_progress',
                       model: MODEL, output: [] };
    const item = { id: 'msg_e2e', type: 'message', role: 'assistant', status: 'in_progress', content: [] };
    const part = { type: 'output_text', text: '', annotations: [] };
    const done = { ...item, status: 'completed', content: [{ ...part, text }] };
    const events = [
        { type: 'response.created', response },
        { type: 'response.in_progress', response },
        { type: 'response.output_item.added', output_index: 0, item },
        { type: 'response.content_part.added', item_id: item.id, output_index: 0, content_index: 0, part },
        { type: 'response.output_text.delta', item_id: item.id, output_index: 0, content_index: 0, delta: text },
        { type: 'response.output_text.done', item_id: item.id, output_index: 0, content_index: 0, text },
        { type: 'response.content_part.done', item_id: item.id, output_index: 0, content_index: 0,
          part: { ...part, text } },
        { type: 'response.output_item.done', output_index: 0, item: done },
        { type: 'response.completed', response: { ...response, status: 'completed', output: [done],
                                                   usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15 } } },
    ];
    return events.map((event, index) => `event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: index })}\n\n`)
        .join('');
}

// An Anthropic Messages stream in which the model calls one tool.
function anthropicToolUseStream(id, name, inputPieces) {
    const event = (data) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;
    return [
        event({ type: 'message_start', message: { id: 'msg_e2e_tool', type: 'message', role: 'assistant', model: MODEL,
                                                   content: [], stop_reason: null, stop_sequence: null,
                                                   usage: { input_tokens: 50, output_tokens: 1 } } }),
        event({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id, name, input: {} } }),
        ...inputPieces.map((piece) => event({ type: 'content_block_delta', index: 0,
                                              delta: { type: 'input_json_delta', partial_json: piece } })),
        event({ type: 'content_block_stop', index: 0 }),
        event({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null },
                usage: { output_tokens: 12 } }),
        event({ type: 'message_stop' }),
    ].join('');
}

// Records every request; answers POST …/responses with responsesStream(reply), anything else 404.
async function startCaptureServer(reply) {
    const requests = [];
    const server = createServer((request, response) => {
        const chunks = [];
        request.on('data', (chunk) => chunks.push(chunk));
        request.on('end', () => {
            requests.push({ method: request.method, url: request.url, headers: request.headers,
                            body: Buffer.concat(chunks).toString('utf8') });
            if (request.method === 'POST' && request.url === '/v1/responses') {
                response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
                response.end(responsesStream(reply));
            } else {
                response.writeHead(404, { 'content-type': 'application/json' });
                response.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
            }
        });
    });
    server.on('upgrade', (request, socket) => {
        requests.push({ method: 'UPGRADE', url: request.url, headers: request.headers, body: '' });
        socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    await new Promise((resolveListen, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolveListen);
    });
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        stop: () => new Promise((resolveClose) => {
            server.closeAllConnections();
            server.close(() => resolveClose());
        }),
    };
}

const textOf = (content) => (typeof content === 'string' ? content
    : content.filter((part) => part.type === 'text' || part.type === 'input_text')
        .map((part) => part.text).join('\n'));

describe(`Codex CLI${codex.version ? ` ${codex.version}` : ''} (codex exec, wire_api = "responses")`,
         { timeout: 180_000, skip: codex.missing ?? false }, () => {
    let trap;
    let sandbox;

    before(async () => {
        trap = await startEgressTrap();
    });

    after(async () => {
        sandbox?.remove();
        if (trap)
            await trap.stop();
    });

    beforeEach(() => {
        trap.attempts.length = 0;
        sandbox?.remove();
        sandbox = makeSandbox('llmproxy-e2e-codex-');
    });

    // Runs `codex exec` on prompt against baseURL; it must exit with expectedCode. Returns the run and
    // what -o wrote. extraDiagnostics adds to a failure's message.
    async function runCodex(baseURL, key, prompt, extraDiagnostics = () => '', { expectedCode = 0 } = {}) {
        // Set up as a user would: `llmproxy connect codex` merges the gateway into ~/.codex/config.toml.
        const codexHome = join(sandbox.home, '.codex');
        mkdirSync(codexHome);
        writeFileSync(join(codexHome, 'config.toml'), USER_CODEX_CONFIG);
        await connectTool(sandbox, 'codex', ['--url', baseURL, '--key', key, '--model', MODEL]);
        const written = readFileSync(join(codexHome, 'config.toml'), 'utf8');
        assert.ok(written.includes('wire_api = "responses"') && written.includes('[features]')
                  && !written.includes('env_key'), `config.toml as llmproxy connect wrote it:\n${written}`);
        const lastMessagePath = join(sandbox.root, 'last-message.txt');
        const env = cliEnvironment(sandbox, trap.url, { CODEX_HOME: codexHome });
        const run = await runProcess(codex.command, [
            ...codex.args, 'exec',
            '--skip-git-repo-check', // the working directory is a fresh temporary directory
            '--ephemeral', // no session files
            // Commands the model asks for run without an approval prompt or a bubblewrap sandbox
            // (which not every CI container allows); the sandbox directory is thrown away.
            '--dangerously-bypass-approvals-and-sandbox',
            '--color', 'never',
            '--output-last-message', lastMessagePath,
            prompt,
        ], { cwd: sandbox.work, env, timeoutMs: RUN_TIMEOUT_MS });
        const diagnostics = () => `${describeRun('codex', run)}\n${extraDiagnostics()}`;
        if (run.timedOut || run.code !== expectedCode)
            assert.fail(`expected exit code ${expectedCode}\n${diagnostics()}\n${await failureDiagnostics()}`);
        assert.deepEqual(trap.attempts, [], `Codex tried to reach other hosts\n${diagnostics()}`);
        let lastMessage = null;
        try {
            lastMessage = readFileSync(lastMessagePath, 'utf8');
        } catch {
            // Asserted by the caller.
        }
        return { run, lastMessage, diagnostics };
    }

    test('sends a streaming Responses request shaped like fixtures/codex-request.json', async () => {
        const reply = 'Hello from the capture server.';
        const prompt = 'Say hello to the capture server.';
        const capture = await startCaptureServer(reply);
        try {
            const { run, lastMessage, diagnostics } = await runCodex(`${capture.url}/v1`, 'sk-e2e-capture-key', prompt);
            assert.equal(run.stdout, `${reply}\n`, diagnostics());
            assert.equal(lastMessage, reply, diagnostics());

            assert.deepEqual(capture.requests.map((r) => `${r.method} ${r.url}`), ['POST /v1/responses']);
            const [request] = capture.requests;
            assert.equal(request.headers.authorization, 'Bearer sk-e2e-capture-key');
            assert.equal(request.headers['content-type'], 'application/json');
            assert.equal(request.headers.accept, 'text/event-stream');
            const body = JSON.parse(request.body);
            assert.equal(body.model, MODEL);
            assert.equal(body.stream, true);
            const last = body.input.at(-1);
            assert.deepEqual({ type: last.type, role: last.role, content: last.content },
                             { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] });
            const exec = body.tools.find((tool) => tool.name === 'exec_command');
            assert.equal(exec?.type, 'function', JSON.stringify(body.tools.map((t) => t.name ?? t.type)));

            if (process.env.LLMPROXY_E2E_RECORD === '1')
                writeFileSync(fixturePath, `${JSON.stringify(body, null, 2)}\n`);
            // The fixture must still be what this Codex sends: same fields, tools and kinds of input.
            const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
            const shape = (b) => ({
                keys: Object.keys(b).sort(),
                tools: b.tools.map((tool) => `${tool.type}:${tool.name ?? ''}`),
                input: b.input.map((item) => `${item.type}:${item.role ?? ''}`),
            });
            assert.deepEqual(shape(body), shape(fixture),
                             'fixtures/codex-request.json is stale; rerun with LLMPROXY_E2E_RECORD=1');
        } finally {
            await capture.stop();
        }
    });

    // Set by the gateway tests: what to add to the message of a run that ended unexpectedly.
    let failureDiagnostics = async () => '';

    describe('through llmproxy to an Anthropic upstream', () => {
        let gateway;
        let mock;
        let admin;

        before(async () => {
            gateway = await startGateway({ models: [MODEL], provider: 'anthropic', adminKey: 'sk-e2e-admin-key' });
            mock = mockControl(gateway.mockURL);
            admin = adminControl(gateway);
            // A refusal by the gateway shows in its recent decisions (layer, reason, scores).
            failureDiagnostics = async () => `latest security events: ${JSON.stringify(
                await admin.securityEvents(5).catch((error) => error.message), null, 1)}`;
        });

        after(async () => {
            failureDiagnostics = async () => '';
            if (gateway)
                await gateway.stop();
        });

        beforeEach(async () => {
            await mock.reset();
        });

        async function upstreamBodies() {
            const requests = await mock.requests();
            for (const request of requests) {
                assert.equal(request.path, '/v1/messages', `unexpected upstream request ${request.method} ${request.path}`);
                assert.equal(headerValue(request, 'x-api-key'), gateway.upstreamKey);
                assert.ok(headerValue(request, 'anthropic-version'), 'anthropic-version header missing');
                assert.ok(!JSON.stringify(request.headers).includes(gateway.proxyKey), 'proxy key leaked upstream');
            }
            return requests.map((request) => JSON.parse(request.body));
        }

        test('codex exec prints the upstream reply', async () => {
            const reply = 'Forty-two apples, says the Anthropic upstream.';
            const prompt = 'How many apples are there?';
            await mock.script({ content: reply });

            const { run, lastMessage, diagnostics } = await runCodex(gateway.baseURL, gateway.proxyKey, prompt,
                                                                     () => gateway.diagnostics());
            assert.equal(run.stdout, `${reply}\n`, diagnostics());
            assert.equal(lastMessage, reply, diagnostics());

            // One Messages request translated from Codex's Responses request: the developer
            // instructions as the system prompt, the prompt as the last user turn, its function tools
            // as Anthropic tools, streaming, with the max_tokens Anthropic requires.
            const bodies = await upstreamBodies();
            assert.equal(bodies.length, 1, diagnostics());
            const [body] = bodies;
            assert.equal(body.model, MODEL);
            assert.equal(body.stream, true);
            assert.ok(Number.isInteger(body.max_tokens) && body.max_tokens > 0, `max_tokens: ${body.max_tokens}`);
            const system = textOf(body.system ?? '');
            assert.match(system, /You are a coding agent running in the Codex CLI/);
            assert.match(system, /<permissions instructions>/);
            assert.ok(body.messages.every((m) => m.role === 'user' || m.role === 'assistant'),
                      JSON.stringify(body.messages.map((m) => m.role)));
            const last = body.messages.at(-1);
            assert.equal(last.role, 'user');
            assert.ok(textOf(last.content).endsWith(prompt), textOf(last.content).slice(-500));
            const exec = body.tools?.find((tool) => tool.name === 'exec_command');
            assert.ok(exec, `no exec_command among ${JSON.stringify(body.tools?.map((t) => t.name))}`);
            assert.equal(exec.input_schema.type, 'object');
            assert.equal(exec.input_schema.properties.cmd.type, 'string');
        });

        test('codex exec runs a shell command the upstream asks for and answers with its output', async () => {
            const noteText = 'The secret fruit is tangerine-77.';
            writeFileSync(join(sandbox.work, 'note.txt'), `${noteText}\n`);
            const finalReply = 'The note names the fruit tangerine-77.';
            await mock.script([
                { body: anthropicToolUseStream('toolu_e2e_exec', 'exec_command', ['{"cmd": ', '"cat note', '.txt"}']),
                  headers: { 'content-type': 'text/event-stream' } },
                { content: finalReply },
            ]);

            const { run, lastMessage, diagnostics } = await runCodex(gateway.baseURL, gateway.proxyKey,
                                                                     'What does note.txt say?',
                                                                     () => gateway.diagnostics());
            assert.equal(run.stdout, `${finalReply}\n`, diagnostics());
            assert.equal(lastMessage, finalReply, diagnostics());

            // The second request carries the call and its output: an assistant tool_use block and a
            // user tool_result block holding what `cat note.txt` printed.
            const bodies = await upstreamBodies();
            assert.equal(bodies.length, 2, diagnostics());
            const messages = bodies[1].messages;
            const blocks = (message) => (typeof message.content === 'string' ? [] : message.content);
            const toolUse = messages.flatMap((m) => (m.role === 'assistant' ? blocks(m) : []))
                .find((block) => block.type === 'tool_use');
            assert.deepEqual(toolUse && { id: toolUse.id, name: toolUse.name, input: toolUse.input },
                             { id: 'toolu_e2e_exec', name: 'exec_command', input: { cmd: 'cat note.txt' } },
                             JSON.stringify(messages.slice(-2)));
            const toolResult = blocks(messages.at(-1)).find((block) => block.type === 'tool_result');
            assert.equal(messages.at(-1).role, 'user');
            assert.equal(toolResult?.tool_use_id, 'toolu_e2e_exec', JSON.stringify(messages.at(-1)));
            assert.ok(textOf(toolResult.content).includes(noteText), JSON.stringify(toolResult));
        });

        // A developer of a security product: the working directory is
        // tests/e2e/fixtures/security-project, a prompt-injection filter whose source and tests
        // quote the attacks it defends against. Reading them is ordinary work the gateway must not
        // get in the way of.
        test('codex exec cats an injection filter and its tests and the gateway passes them unchanged', async () => {
            cpSync(join(here, 'fixtures', 'security-project'), sandbox.work, { recursive: true });
            const files = ['src/filters/injectionFilter.ts', 'src/filters/injectionFilter.test.ts'];
            const output = files.map((file) => readFileSync(join(sandbox.work, file), 'utf8')).join('');
            const command = JSON.stringify(`cat ${files.join(' ')}`);
            const finalReply = 'Three phrase rules (override, persona, extraction); the tests cover each of them '
                + 'and the ignoreCase option.';
            await mock.script([
                { body: anthropicToolUseStream('toolu_e2e_filter', 'exec_command',
                                               ['{"cmd": ', command.slice(0, 12), `${command.slice(12)}}`]),
                  headers: { 'content-type': 'text/event-stream' } },
                { content: finalReply },
            ]);
            const mark = await admin.mark();

            const { run, lastMessage, diagnostics } = await runCodex(gateway.baseURL, gateway.proxyKey,
                                                                     'Explain the injection filter and its tests.',
                                                                     () => gateway.diagnostics());
            const security = await admin.since(mark);
            const report = () => `${diagnostics()}\nsecurity: ${JSON.stringify(security)}`;
            assert.equal(run.stdout, `${finalReply}\n`, report());
            assert.equal(lastMessage, finalReply, report());

            // What cat printed reached the upstream byte for byte in the tool_result.
            const bodies = await upstreamBodies();
            assert.equal(bodies.length, 2, report());
            const last = bodies[1].messages.at(-1);
            const toolResult = (typeof last.content === 'string' ? [] : last.content)
                .find((block) => block.type === 'tool_result');
            assert.equal(toolResult?.tool_use_id, 'toolu_e2e_filter', JSON.stringify(last));
            assert.ok(textOf(toolResult.content).includes(output), textOf(toolResult.content));

            // Both requests were scanned by every request guard; nothing was refused or masked.
            assert.equal(security.scanned, 2, report());
            assert.equal(security.blocked, 0, report());
            for (const guard of ['firewall', 'injection', 'pii']) {
                const { scanned, blocked } = security.guards[guard];
                assert.deepEqual({ guard, scanned, blocked }, { guard, scanned: 2, blocked: 0 }, report());
            }
            assert.deepEqual(security.events, [], report());
        });

        // The negative control: `cat README.md` prints an instruction to the agent that a human
        // reader of the file does not see. The gateway refuses the request that carries it before
        // the upstream sees it; Codex (no retries configured) reports the error and exits with 1.
        test('codex exec reading a README with a hidden instruction gets the gateway\'s 403', async () => {
            writeFileSync(join(sandbox.work, 'README.md'), hiddenInjectionReadme().text);
            await mock.script([
                { body: anthropicToolUseStream('toolu_e2e_readme', 'exec_command',
                                               ['{"cmd": ', '"cat READ', 'ME.md"}']),
                  headers: { 'content-type': 'text/event-stream' } },
                { content: 'This reply is never requested.' },
            ]);
            const mark = await admin.mark();

            const { run, lastMessage, diagnostics } = await runCodex(gateway.baseURL, gateway.proxyKey,
                                                                     'What does README.md say?',
                                                                     () => gateway.diagnostics(), { expectedCode: 1 });
            const security = await admin.since(mark);
            const report = () => `${diagnostics()}\nsecurity: ${JSON.stringify(security)}`;
            const blocks = security.events.filter((e) => e.action === 'block');
            assert.equal(blocks.length, 1, report());
            assert.deepEqual({ layer: blocks[0].layer, reason: blocks[0].reason },
                             { layer: 'firewall', reason: 'firewall_signature' });
            assert.match(blocks[0].detail, /encoding=unicode_tags/);
            assert.equal(security.blocked, 1, report());
            assert.match(run.stderr, /403/, report());
            assert.ok(run.stderr.includes(blocks[0].request_id), report());
            assert.ok(!`${run.stdout}${run.stderr}`.includes('id_rsa'), 'the refusal quotes the hidden text');
            assert.ok(lastMessage === null || !lastMessage.includes('never requested'), report());

            // Only the first request, before the command ran, reached the upstream.
            assert.equal((await upstreamBodies()).length, 1, report());
        });
    });
});

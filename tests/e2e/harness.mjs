// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// Starts the mock upstream and a headless llmproxy in front of it for the end-to-end tests.
// Everything listens on 127.0.0.1; every wait is bounded.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

const STARTUP_TIMEOUT_MS = 30_000;

function binary(envName, fallbacks) {
    const fromEnv = process.env[envName];
    if (fromEnv)
        return fromEnv;
    for (const candidate of fallbacks) {
        const path = join(repoRoot, candidate);
        if (existsSync(path))
            return path;
    }
    throw new Error(`${envName} is not set and no built binary was found in ${fallbacks.join(', ')}`);
}

export function proxyBinary() {
    return binary('LLMPROXY_BINARY', ['build/dev/app/llmproxy', 'build/release/app/llmproxy']);
}

export function mockBinary() {
    return binary('LLMPROXY_MOCK_BINARY', ['build/dev/tests/support/llmproxy-mock-upstream',
                                           'build/release/tests/support/llmproxy-mock-upstream']);
}

// Asks the kernel for a free loopback port. Another process could take it before llmproxy binds it;
// on a test machine that is rare enough, and startProxy reports it clearly when it happens.
export function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
    });
}

// The gateway must not pick up keys, endpoints or HTTP proxies from the developer's shell.
function hermeticEnv(home, extra) {
    const env = {};
    for (const [key, value] of Object.entries(process.env)) {
        const upper = key.toUpperCase();
        if (upper.startsWith('LLM_PROXY_') || upper.endsWith('_API_KEY') || upper.endsWith('_PROXY')
            || upper === 'OPENAI_BASE_URL')
            continue;
        env[key] = value;
    }
    Object.assign(env, {
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_RUNTIME_DIR: join(home, 'run'),
    }, extra);
    return env;
}

class Child {
    constructor(name, command, args, options) {
        this.name = name;
        this.output = '';
        this.exited = false;
        this.process = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        this.exitPromise = new Promise((resolveExit) => {
            this.process.once('exit', (code, signal) => {
                this.exited = true;
                this.exitCode = code;
                this.exitSignal = signal;
                resolveExit();
            });
            this.process.once('error', (error) => {
                this.output += `\n[spawn error] ${error.message}`;
                this.exited = true;
                resolveExit();
            });
        });
        for (const stream of [this.process.stdout, this.process.stderr]) {
            stream.setEncoding('utf8');
            stream.on('data', (text) => {
                // Bounded, so a chatty process cannot grow the test's memory without limit.
                this.output = (this.output + text).slice(-64 * 1024);
            });
        }
    }

    diagnostics() {
        const status = this.exited ? `exited (code ${this.exitCode}, signal ${this.exitSignal})` : 'running';
        return `${this.name} ${status}; output:\n${this.output}`;
    }

    async stop() {
        if (this.exited)
            return;
        this.process.kill('SIGTERM');
        const timer = setTimeout(() => this.process.kill('SIGKILL'), 10_000);
        await this.exitPromise;
        clearTimeout(timer);
    }
}

async function waitFor(child, description, probe) {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (child.exited)
            throw new Error(`${child.name} exited before ${description}\n${child.diagnostics()}`);
        if (await probe())
            return;
        await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${child.name}: ${description} did not happen within ${STARTUP_TIMEOUT_MS} ms\n${child.diagnostics()}`);
}

async function answers200(url) {
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        await response.arrayBuffer();
        return response.status === 200;
    } catch {
        return false;
    }
}

/// Starts the mock upstream (on a port it picks itself) and llmproxy in front of it.
/// modelAliases becomes the gateway's `model_aliases` map (alias or glob → model).
/// Returns { baseURL, origin, mockURL, proxyKey, upstreamKey, stop() }; origin has no /v1 suffix
/// (the Anthropic SDK adds /v1 itself).
export async function startGateway({ models = ['gpt-4o-mini'], proxyKey = 'sk-e2e-proxy-key',
                                     modelAliases = {} } = {}) {
    const home = mkdtempSync(join(tmpdir(), 'llmproxy-e2e-'));
    const children = [];
    const stop = async () => {
        await Promise.all(children.map((c) => c.stop()));
        rmSync(home, { recursive: true, force: true });
    };
    try {
        mkdirSync(join(home, 'run'));
        mkdirSync(join(home, 'data'));
        mkdirSync(join(home, 'work'));

        const mock = new Child('llmproxy-mock-upstream', mockBinary(), ['--port', '0', '--models', models.join(',')], {});
        children.push(mock);
        let mockPort = 0;
        await waitFor(mock, 'printing LISTENING <port>', async () => {
            const match = /LISTENING (\d+)/.exec(mock.output);
            if (match)
                mockPort = Number(match[1]);
            return mockPort !== 0;
        });
        const mockURL = `http://127.0.0.1:${mockPort}`;

        const upstreamKey = 'sk-e2e-upstream-key';
        const configPath = join(home, 'config.yaml');
        writeFileSync(configPath, [
            'endpoints:',
            `  mock: {provider: openai_compatible, base_url: "${mockURL}/v1", api_key: ${upstreamKey}, `
                + `models: [${models.join(', ')}]}`,
            'discovery: {local_scan: false}',
            'logging: {level: warning}',
            // JSON strings are valid YAML scalars, so globs such as claude-* need no further quoting.
            `model_aliases: {${Object.entries(modelAliases)
                .map(([alias, model]) => `${JSON.stringify(alias)}: ${JSON.stringify(model)}`).join(', ')}}`,
            '',
        ].join('\n'));

        const port = await freePort();
        const proxy = new Child('llmproxy', proxyBinary(), [
            '--headless', '--host', '127.0.0.1', '--port', String(port),
            '--config', configPath, '--data-dir', join(home, 'data'),
        ], { cwd: join(home, 'work'), env: hermeticEnv(home, { LLM_PROXY_API_KEYS: proxyKey }) });
        children.push(proxy);
        const origin = `http://127.0.0.1:${port}`;
        await waitFor(proxy, `answering 200 on ${origin}/health/ready`, () => answers200(`${origin}/health/ready`));

        return { baseURL: `${origin}/v1`, origin, mockURL, proxyKey, upstreamKey, stop,
                 diagnostics: () => children.map((c) => c.diagnostics()).join('\n') };
    } catch (error) {
        await stop();
        throw error;
    }
}

// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// ctest entry point: runs `node --test` on the given *.test.mjs files of this directory, or exits
// with the skip code when a package they need has not been installed (npm ci --prefix tests/e2e).
// Without arguments it runs every file that uses the client SDKs, i.e. all but the client CLI ones.
//
//   node run-e2e.mjs [file.test.mjs ...]

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { cliCommand } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const skipCode = Number(process.env.LLMPROXY_E2E_SKIP_CODE ?? 77);

// The client CLI each test file runs; a file not listed uses the client SDKs.
const cliOf = {
    'claude_code.test.mjs': 'claude',
    'codex_cli.test.mjs': 'codex',
};
const sdks = ['openai', '@anthropic-ai/sdk'];

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
    console.log(`SKIP: the end-to-end tests need Node.js 18 or newer, found ${process.version}`);
    process.exit(skipCode);
}

const all = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
const files = process.argv.length > 2 ? process.argv.slice(2) : all.filter((name) => !cliOf[name]);
// Named explicitly: `node --test` with nothing to run would report success.
if (files.length === 0) {
    console.error(`no *.test.mjs files in ${here}`);
    process.exit(1);
}
const unknown = files.filter((name) => !all.includes(name));
if (unknown.length > 0) {
    console.error(`no such test file in ${here}: ${unknown.join(', ')}`);
    process.exit(1);
}

const missingSdks = files.some((name) => !cliOf[name])
    ? sdks.filter((name) => !existsSync(join(here, 'node_modules', name, 'package.json'))) : [];
if (missingSdks.length > 0) {
    console.log(`SKIP: ${missingSdks.join(', ')} missing from ${join(here, 'node_modules')}; install the pinned `
                + 'packages with `npm ci --prefix tests/e2e` (the project test script does this)');
    process.exit(skipCode);
}
const missingClis = [...new Set(files.map((name) => cliOf[name]).filter(Boolean))]
    .map((cli) => cliCommand(cli).missing).filter(Boolean);
if (missingClis.length > 0) {
    console.log(`SKIP: ${missingClis.join('; ')}`);
    process.exit(skipCode);
}

const result = spawnSync(process.execPath, ['--test', ...files], { cwd: here, stdio: 'inherit', timeout: 280_000 });
if (result.error) {
    console.error(`cannot run node --test: ${result.error.message}`);
    process.exit(1);
}
process.exit(result.status ?? 1);

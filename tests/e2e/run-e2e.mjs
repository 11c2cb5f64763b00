// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
//
// ctest entry point: runs `node --test` on the *.test.mjs files in this directory, or exits with
// the skip code when the client SDKs have not been installed (npm ci --prefix tests/e2e).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const skipCode = Number(process.env.LLMPROXY_E2E_SKIP_CODE ?? 77);

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
    console.log(`SKIP: the end-to-end tests need Node.js 18 or newer, found ${process.version}`);
    process.exit(skipCode);
}
const sdks = ['openai', '@anthropic-ai/sdk'];
const missing = sdks.filter((sdk) => !existsSync(join(here, 'node_modules', sdk, 'package.json')));
if (missing.length > 0) {
    console.log(`SKIP: ${missing.join(', ')} missing from ${join(here, 'node_modules')}; install the client SDKs `
                + 'with `npm ci --prefix tests/e2e` (the project test script does this)');
    process.exit(skipCode);
}

// Named explicitly: `node --test` with nothing to run would report success.
const files = readdirSync(here).filter((name) => name.endsWith('.test.mjs')).sort();
if (files.length === 0) {
    console.error(`no *.test.mjs files in ${here}`);
    process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', ...files], { cwd: here, stdio: 'inherit', timeout: 280_000 });
if (result.error) {
    console.error(`cannot run node --test: ${result.error.message}`);
    process.exit(1);
}
process.exit(result.status ?? 1);

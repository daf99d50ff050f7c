#!/usr/bin/env node
// Runs the TypeScript CLI in place (no build step), resolving @pulse/* through the
// workspace tsconfig so `npx pulse` works straight after `npm ci`.
const path = require('node:path');
const { register } = require('tsx/cjs/api');

register({ tsconfig: path.join(__dirname, '..', '..', '..', 'tsconfig.base.json') });
const { run } = require('../src/main.ts');

run(process.argv).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`pulse: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
// Runs the TypeScript CLI in place (no build step), resolving @pulse/* through the
// workspace tsconfig so `npx pulse` works straight after `npm ci`.
const path = require('node:path');

// The SDK's "Node 22 from 2027" notice would precede every command's output; README states the support window.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, '..', '..', '..', 'tsconfig.base.json');

function fail(error) {
  process.stderr.write(`pulse: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.PULSE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

try {
  require('tsx/cjs/api').register();
  const { run } = require('../src/main.ts');
  run(process.argv).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}

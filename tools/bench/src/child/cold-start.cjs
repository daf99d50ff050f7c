'use strict';
// One cold start: a fresh process loads a bundle and completes one invocation, then exits.
// argv: <bundle path> <event JSON file>. The report goes to fd 3, never to stdout, which
// belongs to the function's logs.
const scriptStartMs = performance.now();
const { readFileSync, writeSync } = require('node:fs');
const { randomUUID } = require('node:crypto');
const { takeCounters, lastLines, lambdaContext, errorOf } = require('./instrument.cjs');

function report(value) {
  writeSync(3, JSON.stringify(value));
  process.exit(0);
}

async function main() {
  const [bundlePath, eventFile] = process.argv.slice(2);
  const event = JSON.parse(readFileSync(eventFile, 'utf8'));
  const loadStart = performance.now();
  const bundle = require(bundlePath);
  const loadedAt = performance.now();
  const handler = bundle.handler;
  if (typeof handler !== 'function') throw new Error(`${bundlePath} exports no handler function`);
  let ok = true;
  let result;
  let error;
  try {
    result = await handler(event, lambdaContext(randomUUID(), 30_000));
  } catch (thrown) {
    ok = false;
    error = errorOf(thrown);
  }
  const invokedAt = performance.now();
  const counters = takeCounters();
  report({
    ok,
    result,
    error,
    bootMs: scriptStartMs,
    loadMs: loadedAt - loadStart,
    invokeMs: invokedAt - loadedAt,
    logBytes: counters.logBytes,
    calls: counters.calls,
    tail: ok ? [] : lastLines(),
  });
}

main().catch((error) => report({ ok: false, error: errorOf(error), tail: lastLines() }));

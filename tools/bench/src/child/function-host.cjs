'use strict';
// A warm execution environment: loads one bundle once, then runs invocations sent over IPC
// one at a time, answering each with its result and what it cost this process (CPU from
// process.cpuUsage deltas, wall time, log bytes, AWS calls). argv: <bundle path>.
const { randomUUID } = require('node:crypto');
const { takeCounters, lastLines, lambdaContext, errorOf } = require('./instrument.cjs');

let handler;
try {
  const loadStart = performance.now();
  handler = require(process.argv[2]).handler;
  if (typeof handler !== 'function') throw new Error(`${process.argv[2]} exports no handler function`);
  const loadMs = performance.now() - loadStart;
  takeCounters();
  process.send({ type: 'ready', loadMs });
} catch (error) {
  process.send({ type: 'fatal', error: errorOf(error), tail: lastLines() }, () => process.exit(1));
}

process.on('message', async (message) => {
  if (!message || message.type !== 'invoke') return;
  takeCounters();
  const context = lambdaContext(randomUUID(), message.timeoutMs || 30_000);
  let ok = true;
  let result;
  let error;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    result = await handler(message.event, context);
  } catch (thrown) {
    ok = false;
    error = errorOf(thrown);
  }
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - wallStart;
  const counters = takeCounters();
  process.send({
    type: 'result',
    id: message.id,
    ok,
    result,
    error,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs,
    ...counters,
    tail: ok ? [] : lastLines(),
  });
});

process.on('disconnect', () => process.exit(0));
